"""A note of megabytes (a paste gone wrong, merged from another file): shown cut short."""

from __future__ import annotations

from annotations.store import Store
from reader.ui.app import build_app
from ui.helpers import REVIEWER, first_claims, screen_lines


async def test_a_huge_note_is_shown_cut_short_with_its_length(seeded_db: str) -> None:
    # a 50 MB note froze the app on its claim for minutes (the evidence panel wrapped it all)
    claim = first_claims(seeded_db, 1)[0]
    with Store.open(seeded_db) as s:
        s.set_note(claim.id, REVIEWER, "N" * 300_000 + " the end")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        shown = "".join(line.strip("│ ") for line in screen_lines(app))
        assert "(a note of 300,008 characters in all)" in shown
        assert shown.count("N" * 40) < 20  # (its start only)
