"""Writes leave the UI thread: while another program holds the database's write lock the claim
shows as saving, keys keep working, and nothing is shown as saved before its commit."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from annotations import connection
from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.article_view import SAVING, ArticleView
from ui.conftest import writes_landed
from ui.helpers import REVIEWER, first_claims, labels

SIZE = (120, 36)


def hold_write_lock(db: str) -> sqlite3.Connection:
    """Another program in the middle of a write transaction."""
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def stored(db: str) -> list:
    """The reviewer's annotations, as another connection reads them."""
    store = Store.open(db)
    try:
        return store.annotations(reviewer=REVIEWER)
    finally:
        store.close()


def status(app) -> str:
    return str(app.query_one("#status").render())


async def test_a_locked_database_shows_saving_keeps_keys_then_saves(seeded_db: str) -> None:
    claims = first_claims(seeded_db, 3)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        other = hold_write_lock(seeded_db)
        started = time.perf_counter()
        await pilot.press_now("c")  # tag and move on, as the reviewer would
        await pilot.press_now("j")
        # the key and the move were handled at once, not after the busy timeout
        assert time.perf_counter() - started < 2
        assert app.review.claim == claims[2]
        marks = app.query_one("#article", ArticleView).labels
        assert marks[claims[0].id] == SAVING  # not its label: it is not committed
        assert "saving 1…" in status(app)
        assert labels(seeded_db) == {}
        other.execute("COMMIT")  # the other program is done: the write goes through
        other.close()
        await writes_landed(app)
        await pilot.pause()
        assert labels(seeded_db) == {claims[0].id: "consistent"}
        assert app.query_one("#article", ArticleView).labels[claims[0].id] == "consistent"
        assert "saving" not in status(app)
        assert app.review.claim == claims[2]  # the reviewer stayed where they went


async def test_a_lock_held_past_the_timeout_is_not_saved_and_said(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    claims = first_claims(seeded_db, 2)
    app = build_app(seeded_db, REVIEWER)
    shown: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify = lambda message, **kw: shown.append(str(message))  # type: ignore[method-assign]
        other = hold_write_lock(seeded_db)
        try:
            await pilot.press("c")  # waits until the write has failed
        finally:
            other.rollback()
            other.close()
        assert any(m.startswith("Not saved: could not save: database is locked") for m in shown)
        assert claims[0].id not in app.query_one("#article", ArticleView).labels
        assert app.review.claim == claims[0]  # back on the claim that was not saved
        assert "saving" not in status(app)
    assert labels(seeded_db) == {}


async def test_quitting_waits_for_a_write_held_by_a_lock(seeded_db: str) -> None:
    claim = first_claims(seeded_db, 1)[0]
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        other = hold_write_lock(seeded_db)
        await pilot.press_now("c")
        release = threading.Timer(0.5, lambda: (other.execute("COMMIT"), other.close()))
        release.start()
    release.join()
    assert app.unsaved == []
    assert labels(seeded_db) == {claim.id: "consistent"}


async def test_a_database_moved_away_while_open_is_not_shown_as_saved(seeded_db: str) -> None:
    # tags went on being marked saved, committed into a file no longer at its path
    claims = first_claims(seeded_db, 2)
    app = build_app(seeded_db, REVIEWER)
    shown: list[str] = []
    moved = Path(seeded_db).with_name("moved.db")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify = lambda message, **kw: shown.append(str(message))  # type: ignore[method-assign]
        await pilot.press("c")
        await writes_landed(app)
        Path(seeded_db).rename(moved)
        await pilot.press("c")  # (the cursor moved on to the second claim)
        await writes_landed(app)
        await pilot.pause()
        assert any("was moved, replaced or deleted since it was opened" in m for m in shown)
        assert claims[1].id not in app.query_one("#article", ArticleView).labels
    assert labels(str(moved)) == {claims[0].id: "consistent"}  # the first one, in the file


async def test_a_note_is_saved_on_its_claim_when_a_failed_write_moves_the_cursor(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the note dialog was open on claim 2 when the tag of claim 1 failed and the cursor went
    # back to claim 1: ctrl+s then threw the note away, without a word
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    claims = first_claims(seeded_db, 2)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        other = hold_write_lock(seeded_db)
        await pilot.press_now("c")  # queued behind the lock; the cursor moves on to claim 2
        await pilot.press_now("e")
        await pilot.pause()
        for key in "check":
            await pilot.press_now(key)
        await writes_landed(app)  # the tag failed: the cursor is back on claim 1
        other.rollback()
        other.close()
        assert app.review.claim == claims[0]
        await pilot.press("ctrl+s")
        await writes_landed(app)
    notes = {a.claim_id: a.note for a in stored(seeded_db)}
    assert notes == {claims[1].id: "check"}


async def test_a_link_from_search_is_saved_when_a_failed_write_moves_the_cursor(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as the note above: search's ctrl+l was dropped without a word
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    claims = first_claims(seeded_db, 2)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        target = app.review.claims[app.review.articles[3].name][6]
        other = hold_write_lock(seeded_db)
        await pilot.press_now("c")
        await pilot.press_now("slash")
        await pilot.pause()
        for key in target.text[:40]:
            await pilot.press_now(key)
        await writes_landed(app)
        other.rollback()
        other.close()
        assert app.review.claim == claims[0]
        await pilot.pause(0.3)  # the search's results
        await pilot.press("ctrl+l")
        await writes_landed(app)
    links = {a.claim_id: [x.claim_id for x in a.links] for a in stored(seeded_db)}
    assert links == {claims[1].id: [target.id]}


async def test_an_export_holds_the_labels_pressed_before_it(seeded_db: str) -> None:
    # a label still saving (another program held the lock) was left out of an export made
    # meanwhile, which said "Wrote 0 rows" as if the reviewer had tagged nothing
    import csv

    claim = first_claims(seeded_db, 1)[0]
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        other = hold_write_lock(seeded_db)
        await pilot.press_now("c")
        app.export("mine.csv", "csv", False, False)
        await pilot.pause(0.2)
        other.execute("COMMIT")
        other.close()
        await writes_landed(app)
        await pilot.pause()
        said = [n.message for n in app._notifications]
    with open("mine.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["claim_id"], r["label"]) for r in rows] == [(claim.id, "consistent")]
    assert "Wrote 1 row to mine.csv" in said


async def test_an_export_for_a_spreadsheet_says_which_cells_it_cut(seeded_db: str) -> None:
    # a note longer than a spreadsheet cell holds was cut by the spreadsheet without a word
    import csv

    claim = first_claims(seeded_db, 1)[0]
    with Store.open(seeded_db) as s:
        s.set_label(claim.id, "consistent", REVIEWER)
        s.set_note(claim.id, REVIEWER, "long " * 7000)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.export("sheet.csv", "csv", True, False)
        await writes_landed(app)
        await pilot.pause()
        said = {n.message: n.severity for n in app._notifications}
    with open("sheet.csv", newline="", encoding="utf-8-sig") as f:
        (row,) = csv.DictReader(f)
    assert row["note"].endswith(
        "more than a spreadsheet cell holds; the exact export has them all]"
    )
    assert said["Wrote 1 row to sheet.csv"] == "information"
    cut = "sheet.csv: 1 cell is longer than a spreadsheet cell holds (32,767 characters): it is cut"
    assert said[f"{cut} there, ending in '…[cut: …]'; the export without --excel has it whole"] == (
        "error"
    )


async def test_a_label_still_saving_counts_as_a_label_for_n_and_the_filter(seeded_db: str) -> None:
    # `n` and the "untagged" filter read only committed labels: while another program held the
    # lock, `n` went back to a claim just tagged, as if the key had not been pressed
    claims = first_claims(seeded_db, 3)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        other = hold_write_lock(seeded_db)
        await pilot.press_now("c", "c")  # claims 1 and 2, saving; the cursor is on claim 3
        await pilot.press_now("k", "k")
        assert app.review.claim == claims[0]
        await pilot.press_now("n")
        assert app.review.claim == claims[2]
        app.review.filter = "untagged"
        assert [app.review.matches(c) for c in claims] == [False, False, True]
        other.execute("COMMIT")
        other.close()
        await writes_landed(app)
        assert labels(seeded_db) == {claims[0].id: "consistent", claims[1].id: "consistent"}


async def test_an_undo_that_lands_late_leaves_the_cursor_where_the_reviewer_went(
    seeded_db: str,
) -> None:
    # an undo still saving (the lock held, a slow disk, a long event log) took the cursor to
    # the claim it changed once it landed: the reviewer, who had moved on meanwhile, was
    # thrown back, and their next key went to a claim they had left
    claims = first_claims(seeded_db, 4)
    app = build_app(seeded_db, REVIEWER, advance=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c", "c")  # claims 1 and 2; the cursor on claim 3
        other = hold_write_lock(seeded_db)
        await pilot.press_now("ctrl+z", "j")  # undo claim 2's tag; on to claim 4
        assert app.review.claim == claims[3]
        other.execute("COMMIT")
        other.close()
        await writes_landed(app)
        await pilot.pause()
        assert labels(seeded_db) == {claims[0].id: "consistent"}
        assert app.review.claim == claims[3]  # where the reviewer went, not back to claim 2
        said = [n.message for n in app._notifications]
        assert any(m.startswith("undid: consistent on claim 2 of") for m in said), said

        await pilot.press("ctrl+z")  # an undo that lands at once still goes to its claim
        assert labels(seeded_db) == {}
        assert app.review.claim == claims[0]
