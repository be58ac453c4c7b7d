"""Linking any sentence: from the comparison pane's cursor and from search, saved and exported;
the evidence list numbers every candidate and scrolls to each of them at 80x24."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from annotations.export import write_export
from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.article_view import ArticleView
from reader.ui.dialogs import SearchScreen
from ui.helpers import REVIEWER, screen_lines

SIZE = (120, 36)
CANDIDATE = re.compile(r"│ ?(\d+) [○●] ")


def numbers_on_screen(app) -> set[int]:
    return {int(m.group(1)) for line in screen_lines(app) for m in CANDIDATE.finditer(line)}


def saved_links(db: str, claim_id: str) -> list[tuple[str, str, str]]:
    store = Store.open(db)
    try:
        ann = store.annotation(claim_id, REVIEWER)
        return [(lk.claim_id, lk.article, lk.text) for lk in ann.links] if ann else []
    finally:
        store.close()


def exported_evidence(db: str, tmp: Path) -> dict[str, list[str]]:
    """Claim text -> the linked sentences, as the CSV export gives them."""
    out = tmp / "out.csv"
    store = Store.open(db)
    try:
        write_export(store, out)
    finally:
        store.close()
    with out.open(newline="", encoding="utf-8") as f:
        return {row["claim"]: json.loads(row["evidence_text"]) for row in csv.DictReader(f)}


async def test_link_the_claim_under_the_comparison_cursor(seeded_db: str, tmp_path: Path) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        claim = app.review.claim
        compare = app.query_one("#compare", ArticleView)
        start = app.compare_cursor
        assert start == compare.current  # the cursor starts on the counterpart
        await pilot.press("full_stop", "full_stop", "full_stop")
        other_claims = app.review.claims[app.compare_name]
        ids = [c.id for c in other_claims]
        target = other_claims[ids.index(start) + 3]
        assert app.compare_cursor == target.id == compare.current
        await pilot.press("l")
        assert saved_links(seeded_db, claim.id) == [(target.id, target.article, target.text)]
        assert target.id in compare.linked  # ● in the comparison pane's margin
        assert target.id in [e.other_id for e in app.review.evidence()]  # and in the list
        assert app.review.claim == claim  # linking does not move on
        exported = exported_evidence(seeded_db, tmp_path)
        assert exported[claim.text] == [target.text]
        await pilot.press("comma", "l")  # another sentence, then unlink the first
        await pilot.press("full_stop", "l")
        assert [x[0] for x in saved_links(seeded_db, claim.id)] == [ids[ids.index(start) + 2]]


async def test_link_a_claim_of_another_article_from_search(seeded_db: str, tmp_path: Path) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        claim = app.review.claim
        other_name = app.review.articles[3].name
        target = app.review.claims[other_name][6]
        await pilot.press("slash")
        await pilot.press(*target.text[:40])
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.review.claim == claim  # linked, not moved
        assert saved_links(seeded_db, claim.id) == [(target.id, target.article, target.text)]
        assert target.id in [e.other_id for e in app.review.evidence()]
        assert exported_evidence(seeded_db, tmp_path)[claim.text] == [target.text]
        # a sentence of the claim's own article is not evidence: refused, nothing saved
        own = app.review.article_claims[5]
        await pilot.press("slash")
        await pilot.press(*own.text[:40])
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert [x[0] for x in saved_links(seeded_db, claim.id)] == [target.id]


async def test_every_candidate_is_numbered_and_scrolls_into_view_at_80x24(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        total = len(app.review.evidence())
        assert total > 9  # five per other article, not the best nine
        seen: set[int] = set()
        first = numbers_on_screen(app)
        assert max(first) < total  # the rest is below the fold
        for _ in range(total):
            seen |= numbers_on_screen(app)
            await pilot.press("J")
            await pilot.pause()
        assert seen == set(range(1, total + 1))


async def test_the_list_says_where_the_sentences_the_suggestion_rests_on_end(
    seeded_db: str,
) -> None:
    # they come first, the rest strongest first: "1 ... 69, 2 ... 77" read as a broken order
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        shown = 0
        for _ in app.review.article_claims[:12]:
            await pilot.pause()
            claim, sugg = app.review.claim, app.review.suggestion()
            cited = {e.other_id for e in sugg.evidence} if sugg else set()
            listed = app.review.evidence(claim)
            rest = [e for e in listed if e.other_id not in cited]
            await pilot.pause()  # (the candidates below the fold are rendered after a frame)
            text = str(app.query_one("#evidence-body").render())
            if cited and rest:
                shown += 1
                assert "other matches, strongest first" in text
                # the line comes right before the first sentence not cited
                below = text.split("other matches, strongest first ─\n")[1]
                assert below.lstrip().startswith(f"{len(listed) - len(rest) + 1} ")
            else:
                assert "other matches, strongest first" not in text
            await pilot.press("j")
        assert shown >= 3


async def test_the_list_shows_the_stored_pair_score_whoever_found_the_sentence(
    seeded_db: str,
) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE):
        checked = 0
        for claim in app.review.article_claims:
            stored = {e.other_id: e.score for e in app.store.evidence(claim.id)}
            sugg = app.review.suggestion(claim)
            for e in app.review.evidence(claim):
                if e.other_id in stored:
                    assert e.score == stored[e.other_id]
                    # the sentences a suggestion rests on too, whatever score it computed
                    checked += bool(sugg) and any(x.other_id == e.other_id for x in sugg.evidence)
                else:  # a sentence alignment did not keep has no score, never another one
                    assert e.score != e.score
        assert checked > 5


async def test_the_comparison_cursor_says_when_it_is_at_either_end(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        other = app.review.claims[app.compare_name]
        source = app.review.source_of(app.compare_name)
        app.compare_cursor = other[0].id
        await pilot.press("comma")
        assert app.compare_cursor == other[0].id
        said = [n.message for n in app._notifications]
        assert f"That is the first claim of {source}." in said
        app.compare_cursor = other[-1].id
        await pilot.press("full_stop", "full_stop", "full_stop")
        said = [n.message for n in app._notifications]
        assert said.count(f"That is the last claim of {source}.") == 1  # once, not a stack


async def test_v_shows_each_candidate_in_the_comparison_pane_at_80x24(seeded_db: str) -> None:
    # a candidate is cut to two lines at 80x24 and may be in an article the comparison pane does
    # not show: `v` puts the pane's cursor on it, where it reads in its article and `l` links it
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        claim = app.review.claim
        compare = app.query_one("#compare", ArticleView)
        candidates = app.review.evidence()
        # candidate 2 is in an article other than the one shown, and cut short in the list
        assert candidates[1].article != app.compare_name
        assert "…" in next(line for line in screen_lines(app) if re.match(r"│ ?2 ", line))
        await pilot.press("v", "v")
        await pilot.pause()
        assert (app.compare_name, app.compare_cursor) == (
            candidates[1].article,
            candidates[1].other_id,
        )
        assert compare.current == candidates[1].other_id
        pane = " ".join(line[41:77].strip() for line in screen_lines(app)[3:8])
        assert " ".join(candidates[1].text.split()[:4]) in pane  # its start is in view
        await pilot.press("l")
        assert [x[0] for x in saved_links(seeded_db, claim.id)] == [candidates[1].other_id]
        for _ in range(len(candidates) - 1):  # every candidate, 10 and on too, then round again
            await pilot.press("v")
        assert app.compare_cursor == candidates[0].other_id
        assert app.review.claim == claim  # viewing does not move on


async def test_a_candidate_past_nine_is_linked_from_the_command_palette(sourced_db: str) -> None:
    # candidates 10 and on (a claim has up to 20) had no way to be linked but walking to them
    # with `v`; the palette names each as "Link evidence N" (two-digit keys would make `1`
    # then `2` ambiguous)
    from textual.command import CommandPalette

    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        candidates = app.review.evidence()
        assert len(candidates) >= 12
        await pilot.press("ctrl+p", *"link evidence 12")
        await app.workers.wait_for_complete()  # (the palette searches in a worker)
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, CommandPalette)
        claim = app.review.claim
        assert [link[0] for link in saved_links(sourced_db, claim.id)] == [candidates[11].other_id]
        assert 12 in numbers_on_screen(app)  # scrolled to, marked linked
        assert any("│12 ●" in line for line in screen_lines(app))
