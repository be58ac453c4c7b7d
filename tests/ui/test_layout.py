"""The main screen at 80x24 and up: sources, headline and at least three candidates in view;
claim keys never taken by the evidence panel, which scrolls with its own keys."""

from __future__ import annotations

import re

import pytest

from reader.ui.app import build_app
from reader.ui.panels import EvidencePanel
from ui.helpers import REVIEWER, first_claims, screen_lines

CANDIDATE = re.compile(r"│ ?([1-9]) [○●] (.{12,22}?)\s+\d+ ")


def candidates_on_screen(app) -> dict[int, str]:
    """Candidate number -> the source shown beside it, for each candidate row on screen."""
    rows = {}
    for line in screen_lines(app):
        for m in CANDIDATE.finditer(line):
            rows[int(m.group(1))] = m.group(2).strip()
    return rows


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
async def test_sources_headline_and_three_candidates_in_view(sourced_db: str, size) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        top = "\n".join(lines[:3])
        assert "The Wall Street Journal" in top  # the info line and the pane title
        assert "US-Russian talks show little" in top  # the headline
        shown = candidates_on_screen(app)
        assert {1, 2, 3} <= set(shown), lines
        outlets = {"Financial Times", "Bloomberg", "The Washington Times", "The New York Times"}
        assert all(any(o.startswith(s.rstrip("…")) for o in outlets) for s in shown.values())
        assert not any(".txt" in line for line in lines)  # no file names anywhere


async def test_down_on_the_evidence_panel_moves_to_the_next_claim(sourced_db: str) -> None:
    claims = first_claims(sourced_db, 3)
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(EvidencePanel).focus()
        await pilot.press("down", "j")
        assert app.review.claim == claims[2]
        await pilot.press("up")
        assert app.review.claim == claims[1]
        panel = app.query_one(EvidencePanel)
        assert panel.scroll_y == 0
        await pilot.press("J")  # its own scroll key, from any pane
        await pilot.pause()
        assert panel.scroll_y > 0
        assert app.review.claim == claims[1]
        await pilot.press("K")
        await pilot.pause()
        assert panel.scroll_y == 0


async def test_a_linked_candidate_stays_in_view(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        last = min(len(app.review.evidence()), 9)  # the last a number key reaches
        assert last >= 6
        assert last not in candidates_on_screen(app)  # below the fold at first
        await pilot.press(str(last))
        await pilot.pause()
        assert app.review.annotations[app.review.claim.id].links
        assert any(re.search(rf"│ ?{last} ●", line) for line in screen_lines(app))


def _folded(text: str) -> str:
    return " ".join(text.split())


async def test_every_claim_can_be_read_whole_at_80x24(sourced_db: str) -> None:
    # a sentence longer than the five lines an article pane has at 80x24 was cut in its pane
    # and cut to one line in the evidence panel: nowhere to read what was being tagged
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one("#article")
        taller = 0
        for _ in range(len(app.review.article_claims) - 1):
            claim = app.review.claim
            lines = screen_lines(app)
            top = next(k for k, line in enumerate(lines) if "Evidence" in line)
            evidence = _folded(" ".join(line.strip("│ ▁▂▃▄▅▆▇█") for line in lines[top + 1 :]))
            first, last = view.lines_of(claim)
            height = view.scrollable_content_region.height
            if last - first < height:  # it fits: its pane shows all of it
                assert view.scroll_y <= first and last < view.scroll_y + height, claim.text
            else:
                taller += 1
                assert _folded(claim.text) in evidence, (claim.text, lines)
            await pilot.press("j")
            await pilot.pause()
        assert taller >= 3  # the seeds have such sentences


async def test_the_status_line_never_ends_in_a_bare_db_label(seeded_db: str) -> None:
    # with a filter on at 80 columns the path was cut off whole, leaving "db:" alone
    app = build_app(seeded_db, "tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        status = screen_lines(app)[0].rstrip()
        assert "filter: untagged" in status and not status.endswith("db:")
        words = status.split()
        assert "db:" not in words or words[-1] != "db:"
    app = build_app(seeded_db, "tester")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert screen_lines(app)[0].rstrip().endswith("db: review.db")  # room: all of it


@pytest.mark.parametrize("size", [(40, 10), (80, 12), (60, 15)])
async def test_a_tiny_terminal_still_shows_the_suggestion_and_evidence(
    seeded_db: str, size: tuple[int, int]
) -> None:
    # under 16 rows the articles kept their 7 rows and the evidence pane got none: no
    # suggestion, no evidence, and tab put the focus on a pane that was not on screen
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        evidence = app.query_one("#evidence")
        assert evidence.region.height >= 4, evidence.region
        assert any("Suggested:" in line for line in screen_lines(app))
        for _ in range(3):
            await pilot.press("tab")
            assert app.focused is not None and app.focused.region.height > 2, app.focused
