"""`n` always says or shows something: a key that does nothing without a word reads as broken."""

from __future__ import annotations

from reader.ui.app import build_app
from ui.helpers import REVIEWER


async def test_n_on_the_only_untagged_claim_says_so(seeded_db: str) -> None:
    # on the one claim left untagged, n wrapped round to it and stayed, without a word
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        review = app.review
        first, *others = [c.id for cs in review.claims.values() for c in cs]
        for claim_id in others:  # every claim but the first tagged
            review.go_claim(claim_id)
            review.tag("consistent")
        review.go_claim(first)
        await pilot.press("n")
        assert review.claim_index == 0 and review.article_index == 0
        said = [n.message for n in app._notifications]
        assert said[-1] == "This is the only untagged claim of the story."
        await pilot.press("c", "n")
        said = [n.message for n in app._notifications]
        assert said[-1] == "Every claim of this story is tagged."
