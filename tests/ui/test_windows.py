"""Pilot: a window shows what another process wrote, refuses a stale tag once, and is blind."""

from __future__ import annotations

import pytest

from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.article_view import ArticleView
from ui.helpers import REVIEWER, first_claims, labels, screen_lines, until

SIZE = (120, 36)


def write_elsewhere(db: str, claim_id: str, label: str, reviewer: str = REVIEWER) -> None:
    with Store.open(db) as other:
        other.set_label(claim_id, label, reviewer)


async def test_a_window_shows_another_windows_tag_within_two_seconds(seeded_db: str) -> None:
    claims = first_claims(seeded_db)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one("#article", ArticleView)
        assert claims[1].id not in view.labels
        write_elsewhere(seeded_db, claims[1].id, "contradicted")
        await pilot.pause(2.0)
        assert view.labels[claims[1].id] == "contradicted"
        assert any("1/" in line and "tagged" in line for line in screen_lines(app))


async def test_a_tag_on_a_claim_changed_elsewhere_is_refused_once(seeded_db: str) -> None:
    claim = first_claims(seeded_db, 1)[0]
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.watch.timer.pause()  # the press comes before this window noticed the change
        await pilot.press("c")
        write_elsewhere(seeded_db, claim.id, "unverified")
        await pilot.press("x")
        assert labels(seeded_db)[claim.id] == "unverified"  # refused, nothing written
        shown = " ".join(n.message for n in app._notifications)
        assert "changed elsewhere to unverified" in shown and "press again" in shown
        assert app.query_one("#article", ArticleView).labels[claim.id] == "unverified"
        await pilot.press("x")
        assert labels(seeded_db)[claim.id] == "contradicted"


async def test_review_is_blind_to_other_reviewers(seeded_db: str) -> None:
    claims = first_claims(seeded_db)
    write_elsewhere(seeded_db, claims[0].id, "contradicted", reviewer="zed")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(1.2)
        assert app.query_one("#article", ArticleView).labels == {}
        assert any("0/" in line and "tagged" in line for line in screen_lines(app))
        assert not any("contradicted" in line.lower() for line in screen_lines(app)[:3])


async def test_the_apps_export_holds_only_the_reviewers_own_labels(seeded_db: str) -> None:
    import csv

    claims = first_claims(seeded_db)
    write_elsewhere(seeded_db, claims[0].id, "contradicted", reviewer="zed")
    write_elsewhere(seeded_db, claims[1].id, "consistent")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE):
        app.export("mine.csv", "csv", False, False)
    with open("mine.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["reviewer"], r["claim_id"]) for r in rows] == [(REVIEWER, claims[1].id)]


async def test_a_story_imported_again_meanwhile_is_shown_as_it_is_now(
    tmp_path, monkeypatch
) -> None:
    # the window went on showing the claims it had read: '12 people' after the file said 13,
    # and a tag on that claim was 'Not saved: unknown claim id ...'
    from ui.conftest import import_into

    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story"
    story.mkdir()
    first = "The mayor said 12 people were hurt."
    (story / "a.txt").write_text(
        f"Council approves budget\n\n{first}\n\nThe bridge was closed on Monday.\n"
    )
    (story / "b.txt").write_text(f"Budget approved by council\n\n{first}\n")
    import_into("review.db", story)
    app = build_app("review.db", REVIEWER, advance=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "j", "c")  # a label on the claim that is about to go
        await pilot.press("k")
        assert app.review.claim.text == first
        (story / "a.txt").write_text(
            "Council approves budget\n\nThe mayor said 13 people were hurt.\n\n"
            "The police arrested two men.\n"
        )
        import_into("review.db", story)
        await pilot.pause(2.0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        claim = app.review.claim
        assert claim.text == "The mayor said 13 people were hurt."  # the same place
        assert any("13 people" in line for line in screen_lines(app))
        shown = " ".join(n.message for n in app._notifications)
        assert "story was imported again from changed files" in shown
        assert "1 label of yours is on sentences no longer in it" in shown
        await pilot.press("x")
        assert labels("review.db")[claim.id] == "contradicted"


@pytest.mark.parametrize("size", [SIZE, (60, 15)])
async def test_a_note_saved_elsewhere_meanwhile_is_not_replaced_and_mine_is_kept(
    seeded_db: str, size: tuple[int, int]
) -> None:
    # the last save silently won: a note another window saved after this one's editor opened
    # was replaced without a word
    from textual.widgets import TextArea

    from reader.ui.dialogs import ConfirmScreen, NoteScreen

    claim = first_claims(seeded_db, 1)[0]

    def note() -> str:
        with Store.open(seeded_db) as store:
            ann = store.annotation(claim.id, REVIEWER)
            return ann.note if ann else ""

    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("e", *"mine")
        with Store.open(seeded_db) as other:  # another window saves a note meanwhile
            other.set_note(claim.id, REVIEWER, "theirs")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await until(
            pilot, lambda: isinstance(app.screen, NoteScreen) and app.screen.query(TextArea)
        )
        assert note() == "theirs"  # refused, nothing written
        assert app.screen.query_one(TextArea).text == "mine"
        shown = " ".join(" ".join(line.strip("█ ").split()) for line in screen_lines(app))
        assert "another window saved this note meanwhile: theirs" in shown
        assert claim.text[:25] in shown  # the claim too, in the rows left (it was hidden)
        for widget in ("#note-text", "#save", "#cancel"):
            assert app.screen.region.contains_region(app.screen.query_one(widget).region)
        await pilot.press("escape")  # the typed text is not dropped without a question
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.press("ctrl+s")  # saves over theirs, now that it was shown
        await app.workers.wait_for_complete()
        await until(pilot, lambda: not isinstance(app.screen, NoteScreen))
        assert note() == "mine"
        await pilot.press("e", "end", *" too", "ctrl+s")  # an ordinary edit is as it was
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert note() == "mine too"
