"""Helpers shared by the app tests: what another connection sees in the database."""

from __future__ import annotations

from collections.abc import Callable

from annotations.store import Store

REVIEWER = "tester"


def labels(db: str, reviewer: str = REVIEWER) -> dict[str, str | None]:
    """Claim id -> label as another connection sees it (what survives the app)."""
    store = Store.open(db)
    try:
        return {a.claim_id: a.label for a in store.annotations(reviewer=reviewer)}
    finally:
        store.close()


def first_claims(db: str, n: int = 3):
    store = Store.open(db)
    try:
        story = store.stories()[0]
        article = store.articles(story)[0].name
        return store.claims(story, article)[:n]
    finally:
        store.close()


def screen_lines(app) -> list[str]:
    """What the terminal shows, one string per row (the screen as a person sees it)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def until(pilot, ready: Callable[[], object], pauses: int = 500) -> None:
    """Pause until `ready()` is true: a screen pushed by a write's callback, once its worker is
    done, may still be composing after one pause on a busy machine (a NoteScreen with no
    TextArea yet failed a test so, under a full test run beside another job)."""
    for _ in range(pauses):
        if ready():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"not ready after {pauses} pauses")


async def settled(app, pilot) -> None:
    """Wait for the app's workers (a story being read) and the screen updates they cause."""
    await app.workers.wait_for_complete()
    await pilot.pause()
