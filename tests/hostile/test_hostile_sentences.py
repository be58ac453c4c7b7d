"""Hostile sentences: stories a user could bring whose sentences attack the splitter and the
detectors (runs of punctuation, figures in links, phone numbers, huge figures, invisible marks).

Each story is written here, in a temporary folder, and read by the commands a user runs. Nothing may
end in a traceback or hang (the subprocess timeout is a guard against a hang, not a measure of
speed), and no suggestion may rest on something that is not what it seems.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def crossread(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=cwd,
    )  # fmt: skip


def python(script: str, cwd: Path) -> subprocess.CompletedProcess:
    """`script` run by a Python process of its own, within the hang guard (a quadratic reader
    fails the test at its timeout instead of stalling the suite)."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=cwd,
    )  # fmt: skip


def suggest(tmp_path: Path, *articles: str) -> list[dict]:
    """The suggestions `crossread suggest` writes for a story of `articles` (a.txt, b.txt…)."""
    story = tmp_path / "story"
    story.mkdir()
    for name, text in zip("abcde", articles, strict=False):
        (story / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = crossread("suggest", story, "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_long_run_of_full_stops_before_a_word_is_split_and_read(tmp_path: Path) -> None:
    # a run of punctuation with no space after it was tried as a sentence end from every one of
    # its characters: 400,000 full stops took the splitter hours
    dots = "." * 400_000
    rows = suggest(
        tmp_path,
        f"Bridge plan\n\nMaya Osei said the bridge would open {dots}and then it fell.\n",
        "Bridge plan\n\nMaya Osei said the bridge would open in May.\n",
    )
    texts = [r["text"] for r in rows if r["article"] == "a.txt"]
    assert texts[1].startswith("Maya Osei said the bridge would open ...")
    assert texts[-1].endswith("...and then it fell.")


def _reasons(rows: list[dict]) -> str:
    return "\n".join(r["suggestion_reason"] for r in rows)


def test_phone_numbers_and_dates_are_not_read_as_scores(tmp_path: Path) -> None:
    # '555-3-1', '3-1-2022' and '020 7946 2-1' hold a '2-1' or '3-1' that is no result: two
    # sources giving other dates and phone numbers were said to differ on the score
    rows = suggest(
        tmp_path,
        "Westport win\n\nWestport beat Eastham 2-1 on Saturday at the stadium, officials said.\n"
        "The replay on 3-1-2022 is sold out, call 555-3-1 or 020 7946 3-1, the club said.\n",
        "Westport win\n\nWestport beat Eastham 2-1 on Saturday at the stadium, officials said.\n"
        "The replay on 2-1-2022 is sold out, call 555-2-1 or 020 7946 2-1, the club said.\n",
    )
    assert "numbers differ" not in _reasons(rows)
    score = [r for r in rows if "Eastham 2-1" in r["text"]]
    assert [r["suggested_label"] for r in score] == ["consistent", "consistent"]


def test_figures_words_and_dates_inside_links_are_not_read(tmp_path: Path) -> None:
    # a web or e-mail address is a name: 'killed=40', 'example.com/30-people-killed' and a date
    # in a path were read as what the sentence reports, and 'com', 'https' as shared words
    rows = suggest(
        tmp_path,
        "Flood in Karsby\n\nThe flood on 10 January 2022 killed 12 people, officials said "
        "(https://news.example.com/2022-01-11/flood?killed=40&people=3).\n"
        "More than 30 people were hurt, said Maya Osei at www.example.com/30-people-hurt.\n",
        "Flood in Karsby\n\nThe flood on 10 January 2022 killed 12 people, officials said.\n"
        "More than 30 people were hurt, said Maya Osei, writing from osei-40-hurt@example.com.\n",
        "Flood in Karsby\n\nThe flood on 10 January 2022 killed 12 people, officials said at "
        "example.com/40-people-killed.\n",
    )
    assert [r["suggested_label"] for r in rows if "killed 12" in r["text"]] == ["consistent"] * 3
    reasons = _reasons(rows)
    for word in ("40", "11", "example", "https", "com'"):
        assert word not in reasons


IDENTICAL = """Karsby flood: mayor charged

Dan Pryce and Dan Price both spoke at the inquiry on Monday, officials said.
Prime Minister Maya Osei and former prime minister Maya Ossei met in Karsby on Monday.
“The bridge will be finished before the storms arrive,” said Maya Osei, and Dan Pryce said “the \
bridge will be finished before the storms arrive” too.
Mayor Dan Pryce was charged with murder, and Dan Price was charged with theft.
Westport beat Eastham 2-1 and Northgate beat Southam 3-0 on Saturday.
The flood killed 12 people on Monday and 40 people on Tuesday, officials said.
The council voted by 211 votes to 148, and then by 150 votes to 140.
The river rose on Monday and fell on Tuesday, and the bridge was closed but not the road.
The storm struck on 10 January 2022 and on 12 January 2022, at 10:50 p.m. on Friday and at 3am.
Officials said no one was hurt, though 30 people were hurt later.
"""


def test_identical_articles_contradict_nothing(tmp_path: Path) -> None:
    # the same sentences in three sources: two people whose surnames are spelled alike ('Pryce',
    # 'Price') were each 'spelled differently' from the other in the other sources
    rows = suggest(tmp_path, IDENTICAL, IDENTICAL, IDENTICAL.replace("\n", " "))
    assert [r["text"] for r in rows if r["suggested_label"] == "contradicted"] == []


def test_a_source_is_named_once_in_a_reason(tmp_path: Path) -> None:
    # a source writing the other spelling in two sentences was listed twice: 'in b.txt, b.txt'
    rows = suggest(
        tmp_path,
        "Inquiry\n\nThe inquiry heard from Dan Pryce on Monday.\n",
        "Inquiry\n\nThe inquiry heard from Dan Price on Monday.\nDan Price left on Tuesday.\n",
        "Inquiry\n\nThe inquiry heard from Dan Price on Monday.\n",
    )
    (pryce,) = [r for r in rows if "Pryce" in r["text"]]
    assert (
        pryce["suggestion_reason"]
        == "name spelled differently: 'Pryce' here, 'Price' in b.txt, c.txt"
    )


def test_decomposed_accents_and_invisible_joiners_keep_a_name_whole(tmp_path: Path) -> None:
    # 'Müller' written as u + a combining diaeresis (as text copied from some PDFs is), 'Osei'
    # with a zero-width joiner or a soft hyphen inside: the name was cut at the mark, and the same
    # quote's speaker was 'Ju' or 'Maya O', the same mayor 'Ose'
    said = "“The bridge will be finished before the winter storms arrive,” said "
    also = "“Nobody will pay a single penny more for the new bridge,” said "
    rows = suggest(
        tmp_path,
        f"Bridge plan\n\n{said}Jürgen Müller.\n{also}Maya Osei.\nMayor Maya Osei left.\n",
        f"Bridge plan\n\n{said}Ju\u0308rgen Mu\u0308ller.\n{also}Maya O\u200dsei.\n"
        "Mayor Maya Ose\u00adi left.\n",
    )
    assert [r["text"] for r in rows if r["suggested_label"] == "contradicted"] == []


def test_a_name_with_marks_is_shown_as_written(tmp_path: Path) -> None:
    # a spelling finding on a name with a combining mark showed the whole sentence as the name
    mayor = "Mayor Jürgen {} said the bridge would open in May.\n"
    rows = suggest(
        tmp_path,
        "Bridge\n\n" + mayor.format("Mu\u0308ller"),
        "Bridge\n\n" + mayor.format("Müler"),
        "Bridge\n\n" + mayor.format("Müler"),
    )
    (row,) = [r for r in rows if r["suggested_label"] == "contradicted"]
    assert row["suggestion_reason"] == (
        "name spelled differently: 'Mu\u0308ller' here, 'Müler' in b.txt, c.txt"
    )


def test_a_quote_within_a_quote_is_not_the_outer_speakers_words(tmp_path: Path) -> None:
    # Pryce quoting Osei ('Osei told me ‘…’') was read as Pryce saying Osei's words: 'speakers
    # of the quote differ' on both sources, which agree
    words = "the bridge will be finished before the winter storms arrive"
    rows = suggest(
        tmp_path,
        f"Bridge\n\n“Osei told me ‘{words}’ and I believed her,” said Dan Pryce.\n"
        f"“Osei told me '{words}' and I believed her,” said Ann Lee.\n",
        f"Bridge\n\n“{words.capitalize()},” said Maya Osei.\n",
    )
    assert "speakers of the quote differ" not in _reasons(rows)


def test_a_long_run_of_title_words_is_read(tmp_path: Path) -> None:
    # each title word of a run that no name follows began a new scan to the run's end: 5,000
    # words of 'President' took titles 25 s (claims cut at 1,000 characters cost 12 ms each,
    # three times an ordinary story's); sentences given already split are not cut
    script = (
        "from reader.suggest import titles\n"
        "print(titles.extract('President ' * 100_000 + 'spoke.'))\n"
        "print([s.key for s in titles.extract('President ' * 100_000 + 'Osei spoke.')])\n"
    )
    proc = python(script, cwd=tmp_path)
    assert proc.stdout.split("\n")[:2] == ["[]", "[frozenset({'osei'})]"]


def test_a_long_link_is_not_cut_into_a_claim_of_its_own_figures(tmp_path: Path) -> None:
    # a sentence over 1,000 characters is cut into claims; cut inside a long tracking link, the
    # rest of the link was a claim whose 'killed=40' contradicted '12 people'
    link = "https://news.example.com/a?" + "&".join(f"p{i}=v{i}" for i in range(150))
    rows = suggest(
        tmp_path,
        f"Flood\n\nThe flood killed 12 people, officials said, see {link}&killed=40 for more.\n",
        "Flood\n\nThe flood killed 12 people, officials said on Monday.\n",
    )
    assert "contradicted" not in [r["suggested_label"] for r in rows]
    texts = [r["text"] for r in rows if r["article"] == "a.txt"]
    assert f"{link}&killed=40" in texts  # the link whole, as one piece


def test_figures_beyond_a_floats_precision_are_not_said_to_agree(tmp_path: Path) -> None:
    # 9,999,999,999,999,999 and 9,999,999,999,999,998 are one float: 'numbers agree'
    rows = suggest(
        tmp_path,
        "Debt\n\nThe city's debt reached 9,999,999,999,999,999 dollars, the auditor said.\n",
        "Debt\n\nAuditors put the municipal debt at 9,999,999,999,999,998 dollars on Monday.\n",
        "Debt\n\nThe debt stood at 1" + "0" * 400 + " dollars, then 2" + "0" * 400 + " dollars.\n",
    )
    assert "numbers agree" not in _reasons(rows)


def test_not_only_and_a_double_negation_deny_nothing(tmp_path: Path) -> None:
    # 'Not only did the council approve…' and 'did not not approve' assert the approval: both
    # were 'negation: … here, asserted in b.txt', contradicted
    rows = suggest(
        tmp_path,
        "Bridge\n\nNot only did the council approve the Karsby bridge plan, it funded it.\n",
        "Bridge\n\nThe council approved the Karsby bridge plan on Monday.\n",
        "Bridge\n\nThe council did not not approve the Karsby bridge plan on Monday.\n",
    )
    assert "negation:" not in _reasons(rows)


def test_a_sentence_that_also_asserts_what_it_negates_takes_no_side(tmp_path: Path) -> None:
    # 'did not approve the plan in May but approved it in June' asserts the approval too: it was
    # 'negation: not approve here, asserted in b.txt' against 'approved the plan in June'
    rows = suggest(
        tmp_path,
        "Bridge\n\nThe council did not approve the Karsby bridge plan in May but approved it "
        "in June.\nMayor Osei did not sign the Karsby bridge deal on Monday; she signed the deal "
        "on Friday.\n",
        "Bridge\n\nThe council approved the Karsby bridge plan in June.\n"
        "Mayor Osei signed the Karsby bridge deal on Friday.\n",
    )
    assert "negation:" not in _reasons(rows)


def test_a_sentence_of_opening_quotes_is_read(tmp_path: Path) -> None:
    # each opening quotation mark with no closing one after it was tried to the end of the
    # text: 50,000 characters of 'said “' took the speakers' and quoted words' readers 2.5 s
    # each (claims are cut at 1,000 characters; sentences given already split are not)
    script = (
        "from reader.suggest import speakers, support\n"
        "text = 'Osei said “we will build the bridge by May,” and ' + 'said “' * 70_000\n"
        "print([s.value for s in speakers.extract(text)], support.quoted_words(text))\n"
    )
    proc = python(script, cwd=tmp_path)
    words = "['we', 'will', 'build', 'the', 'bridge', 'by', 'may', '|']"
    assert proc.stdout.strip() == f"['osei'] {words}"


def test_a_long_article_giving_one_person_titles_throughout_is_read(tmp_path: Path) -> None:
    # each block of claims walked every claim of the story that gives a title, and for each of
    # its own, all of them again: 20,000 sentences naming 'Deputy'/'Assistant Secretary of
    # State Sherman' took 17 s to weigh their pairs' facts (100,000: minutes)
    script = """
from reader.align.weighting import ClaimTerms, StoryWeights
from reader.models import Claim
n, office = 100_000, frozenset({"secretary", "state"})
def read(k):
    title = ("sherman", office, frozenset({("deputy", "assistant")[k % 2]}))
    return ClaimTerms(("sherman", f"w{k % 97}"), False, 1, 0, (title,))
claims = [Claim(f"c{k}", "s", "a" if k < n - 10 else "b", k, 0, 1, "x") for k in range(n)]
weights = StoryWeights(claims, [read(k) for k in range(n)])
raised = set()
for lo in range(0, n - 10, 256):
    hi = min(lo + 256, n - 10)
    _, facts = weights.with_facts(lo, hi, (0, n - 10))
    rows, cols = (facts >= 1.0).nonzero()  # (b's claims: columns 0-9, claims n - 10 on)
    raised |= {(lo + r) % 2 == k % 2 for r, k in zip(rows.tolist(), cols.tolist())}
_, facts = weights.with_facts(3, 4)
print(sorted(raised), (facts[0] >= 1.0).sum())
"""
    proc = python(script, cwd=tmp_path)
    # every pair giving two titles is a fact they share, no pair giving the same one is; claim 3
    # ('Assistant') has one with each 'Deputy' of the story
    assert proc.stdout.split() == ["[False]", "50000"], proc.stderr


def test_a_long_sentence_of_negations_times_and_opposites_is_read(tmp_path: Path) -> None:
    # each negation of a sentence looked for its assertion and its subject through the whole
    # sentence, each time of day for the sentence's other days, each opposite word for the
    # other side: quadratic, 4.8 s for 2,000 'Lund has not conceded,' (sentences given already
    # split are not cut), 0.6 s for 2,000 times, 2.4 s for 8,000 opposite words
    script = """
from reader.suggest import antonyms, dates, negation
n = 40_000
texts = ["Grace Okafor beat Peter Lund.", "Lund has not conceded, " * n + "Lund has not conceded.",
         "Lund conceded."]
print(len(negation.conflicts(texts, ["a", "b", "c"], {}, 1.0)))
print(len(dates.extract("The ferry left at 9 p.m. and " * n + "returned.")))
print(len(antonyms.opposites("Velto's shares rose and " * n + "fell.")))
"""
    proc = python(script, cwd=tmp_path)
    assert proc.stdout.split() == [str(40_001), str(40_000), "0"], proc.stderr


def test_a_temperature_in_words_or_superscript_figures_are_read_without_a_traceback(
    tmp_path: Path,
) -> None:
    # a temperature was read from its figure as written, so one in words ("ten degrees
    # Celsius") ended the whole import in a ValueError; so did "²", a digit to str.isdigit but
    # no number to int(), in a score ("2-²") or a year
    rows = suggest(
        tmp_path,
        "Heat wave\n\nThe river reached ten degrees Celsius on Sunday. The home side won 2-\u00b2"
        " in the heat. In \u00b2\u2070\u00b9\u2079, a smaller club won 3 to \u00b2.\n",
        "Heat report\n\nThe river reached 10C on Sunday. The home side won 2-1 in the heat.\n",
    )
    texts = [r["text"] for r in rows if r["article"] == "a.txt"]
    assert texts[1:3] == [
        "The river reached ten degrees Celsius on Sunday.",
        "The home side won 2-\u00b2 in the heat.",
    ]
    assert texts[3].startswith("In \u00b2\u2070\u00b9\u2079, a smaller club")
