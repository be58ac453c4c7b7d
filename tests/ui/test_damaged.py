"""A database damaged under the app: the reviewer is told what cannot be read; no crash."""

from __future__ import annotations

import sqlite3

from reader.ui.app import build_app
from ui.helpers import REVIEWER, first_claims, labels, screen_lines

SIZE = (120, 36)


def damage(db: str, claim_id: str, *sql: str) -> None:
    """Break rows of one claim from outside the app (`?` is the claim id)."""
    conn = sqlite3.connect(db)
    for statement in sql:
        conn.execute(statement, (claim_id,))
    conn.commit()
    conn.close()


def said(app) -> list[str]:
    """What the app tells the reviewer from now on."""
    shown: list[str] = []
    app.notify = lambda message, **kw: shown.append(str(message))
    return shown


BAD_SCORE = "UPDATE evidence SET score = 'high' WHERE claim_id = ?"


async def test_a_damaged_row_met_while_moving_is_shown_not_a_crash(seeded_db: str) -> None:
    claims = first_claims(seeded_db, 4)
    damage(
        seeded_db, claims[2].id, BAD_SCORE, "UPDATE suggestions SET spans = '{' WHERE claim_id = ?"
    )
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        shown = said(app)
        await pilot.press("j", "j")  # onto the damaged claim
        await pilot.pause()
        assert app.is_running
        assert any("table " in m and "quick_check" in m for m in shown), shown
        await pilot.press("k", "c")  # the rest of the story still works
    assert labels(seeded_db) == {claims[1].id: "consistent"}


async def test_a_story_whose_articles_are_gone_opens_and_closes_without_a_crash(
    seeded_db: str,
) -> None:
    conn = sqlite3.connect(seeded_db)
    conn.execute("DELETE FROM articles")
    conn.commit()
    conn.close()
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "c")
        assert app.is_running
    assert app.return_code in (None, 0)
    assert labels(seeded_db) == {}


async def test_a_write_landing_on_a_damaged_claim_is_shown_not_a_crash(seeded_db: str) -> None:
    from ui.conftest import writes_landed

    claims = first_claims(seeded_db, 2)
    damage(seeded_db, claims[1].id, BAD_SCORE)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        shown = said(app)
        await pilot.press_now("c")  # saved on the writer; the cursor moves onto the damaged claim
        await writes_landed(app)  # the saved tag is redrawn there
        await pilot.pause()
        assert app.is_running
        assert sum("table evidence" in m for m in shown) >= 2  # the move, then the redraw
    assert labels(seeded_db) == {claims[0].id: "consistent"}


async def test_another_window_writing_while_on_a_damaged_claim_is_shown_not_a_crash(
    seeded_db: str,
) -> None:
    claims = first_claims(seeded_db, 3)
    damage(seeded_db, claims[1].id, BAD_SCORE)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j")  # onto the damaged claim
        shown = said(app)
        other = sqlite3.connect(seeded_db)  # another window writes: the poll redraws this claim
        other.execute("UPDATE crossread_meta SET value = value")
        other.commit()
        other.close()
        app.watch.poll()  # the once-a-second poll, now rather than in a second
        await pilot.pause()
        assert app.is_running
        assert any("table evidence" in m for m in shown), shown
        await pilot.press("k", "c")
    assert labels(seeded_db) == {claims[0].id: "consistent"}


async def test_a_damaged_suggestion_does_not_leave_the_previous_claims_on_screen(
    seeded_db: str,
) -> None:
    # the panel kept the claim before's suggestion ("a accepts") under the damaged claim
    claims = first_claims(seeded_db, 2)
    damage(seeded_db, claims[1].id, "UPDATE suggestions SET spans = '{' WHERE claim_id = ?")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("Suggested:" in line for line in screen_lines(app))
        shown = said(app)
        await pilot.press("j")  # onto the damaged claim
        await pilot.pause()
        assert app.review.claim.id == claims[1].id
        after = screen_lines(app)
        assert not any("Suggested:" in line for line in after), "\n".join(after)
        assert any("table suggestions" in m for m in shown), shown
        await pilot.press("k", "c")
    assert labels(seeded_db) == {claims[0].id: "consistent"}
