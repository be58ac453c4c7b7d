"""`/` search in the app: the exact match is the first hit, with its source, highlighted."""

from __future__ import annotations

from textual.widgets import OptionList

from reader.ui.app import build_app
from ui.helpers import REVIEWER, labels, screen_lines


async def test_belarus_enter_jumps_to_the_claim_that_names_belarus(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"Belarus")
        await pilot.pause()
        prompt = app.screen.query_one("#search-results", OptionList).get_option_at_index(0).prompt
        source, hit = (next(iter(column.cells)) for column in prompt.columns)
        assert source.plain == "  The Wall Stre…"  # the source beside the hit
        marked = [hit.plain[s.start : s.end] for s in hit.spans if "reverse" in str(s.style)]
        assert marked == ["Belarus"]
        assert any("The Wall Stre…" in line for line in screen_lines(app))
        await pilot.press("enter")
        claim = app.review.claim
        assert "Belarus" in claim.text
        await pilot.press("x")
    assert labels(sourced_db) == {claim.id: "contradicted"}


async def test_a_long_hit_wraps_under_its_own_start(sourced_db: str) -> None:
    # its second line began at the list's left edge, under the source's name
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"described the talks")
        await pilot.pause()
        lines = screen_lines(app)
        first = next(i for i, line in enumerate(lines) if "He described the talks" in line)
        column = lines[first].index("He described")
        wrapped = lines[first + 1]
        assert wrapped[:column].strip(" ▊█") == "" and wrapped[column] != " "


async def test_a_phrase_ranks_the_claim_that_contains_it_first(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"were discussed", "enter")
        assert "were discussed" in app.review.claim.text
        assert not app.review.claim.text.startswith("We were firm")


async def test_a_search_that_finds_nothing_says_so(sourced_db: str) -> None:
    # the list stayed empty, as if the search had not run yet
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.review.claim
        await pilot.press("slash", *"zqxjv[(*")
        await pilot.pause()
        assert any("No claim matches “zqxjv[(*”." in line for line in screen_lines(app))
        await pilot.press("enter")  # nothing to jump to: the dialog stays, nothing changes
        assert app.review.claim == before
