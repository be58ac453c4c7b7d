"""Search ranking: whole-word phrase, then inside a word, then all words, then fuzzy."""

from __future__ import annotations

from reader.ui.search import rank

TEXTS = [
    "European members.",  # 0: what WRatio used to put first for "Belarus"
    "Troops massed in Belarus and near Ukraine.",  # 1
    "We were firm in pushing back on proposals.",  # 2
    "Limits on exercises were discussed on Monday.",  # 3
    "Belarusian officials declined to comment.",  # 4
    "Discussed at length: what the talks were for.",  # 5
]


def shown(query: str) -> list[tuple[int, int, list[str]]]:
    return [
        (h.index, h.tier, [TEXTS[h.index][s:e] for s, e in h.spans]) for h in rank(query, TEXTS)
    ]


def test_whole_word_matches_come_first_then_inside_words() -> None:
    assert shown("belarus")[:2] == [(1, 0, ["Belarus"]), (4, 1, ["Belarus"])]
    assert 0 not in [i for i, _, _ in shown("belarus")]


def test_a_phrase_beats_its_words_in_any_order() -> None:
    hits = shown("were discussed")
    assert hits[0] == (3, 0, ["were discussed"])
    assert hits[1] == (5, 2, ["Discussed", "were"])
    assert 2 not in [i for i, _, _ in hits[:2]]


def test_typos_find_fuzzy_matches_after_exact_ones() -> None:
    hits = rank("Belaruss", TEXTS)
    assert hits and all(h.fuzzy for h in hits)
    assert TEXTS[hits[0].index].startswith(("Troops", "Belarusian"))
    assert rank("   ", TEXTS) == []
