"""Every state a reviewer acts on reads without colour (NO_COLOR, a colour-blind reader) and in
every theme: a second cue (a glyph, a word, bold/underline/reverse) beside each colour, and
colours readable on the theme's background."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.color import Color

from reader.ui.app import build_app
from reader.ui.panels import EvidencePanel
from reader.ui.textutil import differing_words, one_line
from ui.helpers import REVIEWER

SIZE = (120, 40)


def painted(app) -> list[list[Segment]]:
    """The screen's rows as the terminal receives them: after Textual's filters (NO_COLOR's
    monochrome among them)."""
    background = Color.parse(app.get_css_variables()["background"])
    rows = []
    for strip in app.screen._compositor.render_strips():
        segments = list(strip)
        for line_filter in app.get_line_filters():
            segments = line_filter.apply(segments, background)
        rows.append(segments)
    return rows


def attributes(segment: Segment) -> tuple[bool, bool, bool, bool]:
    style = segment.style
    if style is None:
        return (False, False, False, False)
    return (bool(style.bold), bool(style.italic), bool(style.underline), bool(style.reverse))


async def test_a_differing_figure_in_the_evidence_reads_without_colour(
    seeded_db: str, config_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        figure = sentence = None
        for _ in range(40):  # to a claim with a candidate giving another figure
            panel = app.query_one(EvidencePanel)
            claim, candidates = panel._shown[0], panel._shown[1]
            figure, sentence = next(
                (
                    (one_line(ev.text)[s:e], one_line(ev.text))
                    for ev in candidates[:2]
                    for s, e, number in differing_words(one_line(ev.text), claim.text)
                    if number
                ),
                (None, None),
            )
            if figure:
                break
            await pilot.press("j")
        assert figure, "no claim of the seeds has a candidate with a differing figure"
        await pilot.pause()
        row = next(r for r in painted(app) if any(s.text == figure for s in r))
        marked = next(s for s in row if s.text == figure)
        words = [s for s in row if " " in s.text.strip() and s.text.strip() in sentence]
        # the figure stands out from the rest of its sentence by more than its colour
        assert words and all(attributes(marked) != attributes(w) for w in words)
