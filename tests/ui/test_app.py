"""Pilot tests: press the keys a reviewer presses, then look in the database."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from annotations.store import SaveError, Store
from reader.ui.app import build_app
from reader.ui.article_view import ArticleView
from reader.ui.panels import EvidencePanel
from ui.conftest import import_into
from ui.helpers import REVIEWER, first_claims, labels, settled

SIZE = (120, 36)


async def test_tag_keys_commit_labels_and_advance(seeded_db: str) -> None:
    claims = first_claims(seeded_db)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "x", "u")
        saved = labels(seeded_db)  # read while the app is still open: committed, not buffered
        view = app.query_one("#article", ArticleView)
        assert view.labels[claims[1].id] == "contradicted"
        assert view.current == first_claims(seeded_db, 4)[3].id
    assert saved == {
        claims[0].id: "consistent",
        claims[1].id: "contradicted",
        claims[2].id: "unverified",
    }


async def test_space_clears_and_no_advance_stays(seeded_db: str) -> None:
    claim = first_claims(seeded_db, 1)[0]
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert labels(seeded_db)[claim.id] == "contradicted"
        assert app.review.claim == claim
        await pilot.press("space")
        assert labels(seeded_db).get(claim.id) is None
        assert claim.id not in app.query_one("#article", ArticleView).labels


async def test_moving_and_reopening_returns_to_the_same_claim(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "down", "down", "k")
        assert app.review.claim_index == 2
        await pilot.press("right_square_bracket", "j")
        assert (app.review.article_index, app.review.claim_index) == (1, 1)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.review.article_index == 4  # wraps round to the last article
        await pilot.press("j", "j")
        where = (app.review.article.name, app.review.claim.id)
    again = build_app(seeded_db, REVIEWER)
    async with again.run_test(size=SIZE):
        assert (again.review.article.name, again.review.claim.id) == where


async def test_next_untagged_skips_tagged_claims_across_articles(seeded_db: str) -> None:
    store = Store.open(seeded_db)
    story = store.stories()[0]
    first, second = (a.name for a in store.articles(story)[:2])
    for claim in store.claims(story, first)[1:]:
        store.set_label(claim.id, "consistent", REVIEWER)
    store.close()
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # tags the first claim: the whole first article is now done
        await pilot.press("n")
        assert app.review.article.name == second
        assert app.review.claim_index == 0


async def test_undo_works_after_reopening(seeded_db: str) -> None:
    claim = first_claims(seeded_db, 1)[0]
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
    assert labels(seeded_db)[claim.id] == "consistent"
    again = build_app(seeded_db, REVIEWER)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+z")
        assert labels(seeded_db).get(claim.id) is None
        assert again.review.claim == claim  # the cursor goes to what was undone
        assert claim.id not in again.query_one("#article", ArticleView).labels
        await pilot.press("ctrl+y")
        assert labels(seeded_db)[claim.id] == "consistent"


async def test_number_keys_link_and_unlink_evidence(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        claim = app.review.claim
        candidates = app.review.evidence()
        await pilot.press("2")
        store = Store.open(seeded_db)
        links = store.annotation(claim.id, REVIEWER).links
        assert [link.claim_id for link in links] == [candidates[1].other_id]
        await pilot.press("2")
        ann = store.annotation(claim.id, REVIEWER)
        assert ann is None or ann.links == ()
        store.close()
        assert app.review.claim == claim  # linking does not move on


async def test_note_editor_saves_and_escape_cancels(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        claim = app.review.claim
        await pilot.press("e")
        await pilot.press(*"Six [b]hours[/b]?")
        await pilot.press("ctrl+s")
        await pilot.press("e", "x", "escape", "y")  # an edited note asks before discarding
        store = Store.open(seeded_db)
        assert store.annotation(claim.id, REVIEWER).note == "Six [b]hours[/b]?"
        store.close()
        assert "Six [b]hours[/b]?" in str(app.query_one("#evidence-body").render())


async def test_filter_moves_only_between_matching_claims(seeded_db: str) -> None:
    claims = first_claims(seeded_db, 5)
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "j", "j", "x", "k", "k")  # claims 0 and 2 contradicted
        assert app.review.claim == claims[0]
        await pilot.press("f")  # untagged: leaves the tagged claim for the next untagged one
        assert app.review.filter == "untagged"
        assert app.review.claim == claims[1]
        await pilot.press("j")
        assert app.review.claim == claims[3]
        await pilot.press("f", "f")  # consistent (none), then contradicted: back to claim 2
        assert app.review.filter == "contradicted"
        assert app.review.claim == claims[2]
        await pilot.press("k")
        assert app.review.claim == claims[0]
        assert "contradicted" in str(app.query_one("#status").render())


async def test_a_filter_says_how_many_claims_it_shows(seeded_db: str) -> None:
    # "Showing consistent claims." with none to show, the cursor left on an untagged one
    app = build_app(seeded_db, REVIEWER, advance=False)
    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.say = said.append  # type: ignore[method-assign]
        await pilot.press("x", "f", "f", "f", "f", "f")  # untagged, consistent, contradicted…
        assert said[-5:-1] == [
            "Showing untagged claims: 42 in this article, 203 in the story.",
            "Showing consistent claims: 0 in this article, 0 in the story.",
            "Showing contradicted claims: 1 in this article, 1 in the story.",
            "Showing unverified claims: 0 in this article, 0 in the story.",
        ]
        # (suggestions are read claim by claim: counted in the article only)
        assert said[-1].startswith("Showing low-confidence suggestions: ")
        assert said[-1].endswith(" in this article.")


async def test_an_article_the_filter_shows_nothing_of_says_so(seeded_db: str) -> None:
    # `]` under a filter into an article with no claim it shows left the cursor on the
    # article's first claim, hidden by the filter, without a word: j and k then did nothing
    app = build_app(seeded_db, REVIEWER, advance=False)
    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.say = said.append  # type: ignore[method-assign]
        await pilot.press("x", "f", "f", "f")  # contradicted: claim 1 of the first article
        await pilot.press("right_square_bracket")
        source = app.review.source_of(app.review.article.name)
        assert said[-1] == (
            f"No contradicted claims in {source}: the filter shows none of its claims "
            "(f changes it)."
        )
        before = len(said)
        await pilot.press("left_square_bracket")  # back where there is one: nothing to say
        assert app.review.matches(app.review.claim)
        assert said[before:] == []


async def test_search_jumps_to_a_claim_in_another_article(seeded_db: str) -> None:
    store = Store.open(seeded_db)
    story = store.stories()[0]
    target = store.claims(story, store.articles(story)[3].name)[5]
    store.close()
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.press(*target.text[:60])
        await pilot.press("enter")
        assert app.review.claim == target
        assert app.query_one("#article", ArticleView).current == target.id
        await pilot.press("c")
    assert labels(seeded_db)[target.id] == "consistent"


async def test_export_from_the_app_writes_the_database_rows(seeded_db: str) -> None:
    claims = first_claims(seeded_db)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "x", "s")
        path_input = app.screen.query_one("#export-path")
        path_input.value = "out/tags.csv"
        Path("out").mkdir()
        await pilot.press("enter")
        await pilot.pause()
    with open("out/tags.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {(r["claim_id"], r["label"]) for r in rows} == {
        (claims[0].id, "consistent"),
        (claims[1].id, "contradicted"),
    }


async def test_export_jsonl_choice(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u", "s")
        await pilot.click("#fmt-jsonl")
        assert app.screen.query_one("#export-path").value == "crossread-export.jsonl"
        await pilot.click("#export")
        await pilot.pause()
    lines = Path("crossread-export.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["label"] for line in lines] == ["unverified"]


async def test_spreadsheet_safe_is_for_csv_only_and_never_fails_a_jsonl_export(
    seeded_db: str,
) -> None:
    # ticked, then JSONL chosen: the dialog closed on "Export failed: --excel applies to CSV
    # only", naming a command-line flag, its settings lost
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u", "s")
        await pilot.click("#export-excel")
        await pilot.click("#fmt-jsonl")
        assert app.screen.query_one("#export-excel").disabled
        await pilot.click("#export")
        await pilot.pause()
        assert not any("failed" in n.message for n in app._notifications)
    lines = Path("crossread-export.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["label"] for line in lines] == ["unverified"]


async def test_failed_write_is_reported_and_not_shown_as_saved(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = first_claims(seeded_db, 1)[0]
    app = build_app(seeded_db, REVIEWER)

    def refuse(*args, **kwargs):
        raise SaveError("could not save: database or disk is full")

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        monkeypatch.setattr(Store, "set_label", refuse)  # the writer thread's store too
        await pilot.press("c")
        messages = [n.message for n in app._notifications]
        assert any("Not saved: could not save: database or disk is full" in m for m in messages)
        assert claim.id not in app.query_one("#article", ArticleView).labels
        assert app.review.claim == claim  # back on the unsaved claim
        assert "0/" in str(app.query_one("#status").render())
    assert labels(seeded_db) == {}


async def test_keys_typed_in_a_dialog_never_tag(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark", "c", "x", "escape", "s", "tab", "tab", "c", "escape")
        assert app.screen is app.screen_stack[0]
    assert labels(seeded_db) == {}


async def test_two_instances_see_each_others_tags_on_changing_article(seeded_db: str) -> None:
    claim = first_claims(seeded_db, 1)[0]
    one = build_app(seeded_db, REVIEWER)
    two = build_app(seeded_db, REVIEWER)
    async with one.run_test(size=SIZE) as p1, two.run_test(size=SIZE) as p2:
        await p1.press("u")
        await p2.press("right_square_bracket", "left_square_bracket")
        assert two.query_one("#article", ArticleView).labels.get(claim.id) == "unverified"
        await p2.press("c")  # the second instance can write too
    assert labels(seeded_db)[claim.id] == "consistent"


async def test_every_key_is_in_the_command_palette(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE):
        titles = " ".join(c.title for c in app.get_system_commands(app.screen))
    for words in (
        "consistent",
        "contradicted",
        "unverified",
        "Clear",
        "untagged",
        "Undo",
        "Redo",
        "Search",
        "filter",
        "Export",
        "note",
        "Link evidence 9",
        "comparison",
        "Next story",
    ):
        assert words in titles


async def test_o_cycles_the_comparison_article_to_the_counterpart(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        seen = set()
        for _ in range(4):
            compare = app.query_one("#compare", ArticleView)
            seen.add(app.compare_name)
            counterpart = app.review.counterpart(app.compare_name)
            if counterpart is not None:
                assert compare.current == counterpart.id
                first = int(compare.scroll_y)
                line = compare._line_starts
                assert line  # the counterpart's line is within the visible window
                from reader.ui.textutil import line_of

                at = line_of(compare._lines, line, counterpart.start)
                assert first <= at < first + compare.scrollable_content_region.height
            await pilot.press("o")
        assert len(seen) == 4 and app.review.article.name not in seen


async def test_evidence_panel_lists_numbered_candidates(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = str(app.query_one("#evidence-body").render())
        candidates = app.review.evidence()
        assert len(candidates) > 9  # all of them, up to five per other article
        assert text.count("○") == len(candidates)
        for n in range(1, len(candidates) + 1):
            assert f"{n} ○" in text
        assert isinstance(app.query_one(EvidencePanel), EvidencePanel)


async def test_candidates_numbered_10_and_on_line_up_with_1_to_9(seeded_db: str) -> None:
    # "10 ○" sat one column right of " 9 ○": the numbers are now right-aligned
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = str(app.query_one("#evidence-body").render())
        rows = [ln for ln in text.splitlines() if re.match(r" ?\d+ [○●] ", ln)]
        assert len(rows) == len(app.review.evidence()) > 9, rows
        assert len({ln.index("○") for ln in rows}) == 1, "\n".join(rows)
        assert [ln[:4] for ln in rows[8:10]] == [" 9 ○", "10 ○"]


def test_the_sentences_a_suggestion_rests_on_are_candidates_first(seeded_db: str) -> None:
    from reader.ui.session import Review

    store = Store.open(seeded_db)
    try:
        review = Review(store, REVIEWER)
        review.restore()
        checked = 0
        for claim in review.article_claims:
            sugg = review.suggestion(claim)
            if not (sugg and sugg.evidence):
                continue
            rests_on = [e.other_id for e in sugg.evidence]
            assert [e.other_id for e in review.evidence(claim)][: len(rests_on)] == rests_on
            checked += 1
        assert checked > 10
    finally:
        store.close()


async def test_curly_brackets_switch_story_and_tags_land_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for story in ("alpha", "beta"):
        (tmp_path / "corpus" / story).mkdir(parents=True)
        for k in range(2):
            (tmp_path / "corpus" / story / f"{k}.txt").write_text(
                f"A {story} headline number {k}\n\nThe {story} bridge closed on Tuesday. "
                f"Crews from {story} worked all night.\n",
                encoding="utf-8",
            )
    import_into("two.db", tmp_path / "corpus")
    app = build_app("two.db", REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        first = app.review.story
        await pilot.press("right_curly_bracket")
        await settled(app, pilot)
        second = app.review.story
        assert {first, second} == {"alpha", "beta"}
        await pilot.press("c")
        await pilot.press("left_curly_bracket")
        await settled(app, pilot)
        assert app.review.story == first
    store = Store.open("two.db")
    try:
        tagged = store.annotations(reviewer=REVIEWER)
    finally:
        store.close()
    assert [a.story for a in tagged] == [second]
