"""Every state a reviewer acts on reads without colour (NO_COLOR, a colour-blind reader) and in
every theme: a second cue (a glyph, a word, bold/underline/reverse) beside each colour, and
colours readable on the theme's background."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.segment import Segment
from storyfactory import make_story
from textual.color import Color

from annotations.store import Store
from reader.ui import colours
from reader.ui.app import build_app
from reader.ui.panels import EvidencePanel
from reader.ui.textutil import differing_words, one_line
from ui.conftest import SEEDS, import_into
from ui.helpers import REVIEWER, screen_lines
from ui.test_adjudicate import label_team

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


def contrast(segment: Segment, background: Color) -> float:
    """WCAG contrast of a segment's text on its background."""
    style = segment.style
    fg = Color.from_rich_color(style.color)
    bg = Color.from_rich_color(style.bgcolor) if style.bgcolor else background
    return colours.contrast(fg, bg)


@pytest.mark.parametrize(("theme", "no_color"), [("textual-light", False), ("textual-dark", True)])
async def test_every_label_reads_on_a_light_theme_and_in_no_color_greys(
    seeded_db: str, config_dir, monkeypatch: pytest.MonkeyPatch, theme: str, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await app.workers.wait_for_complete()
        background = Color.parse(app.get_css_variables()["background"])
        # the first three claims tagged, the first under the cursor (its highlight) again
        await pilot.press("c", "x", "u", "k", "k", "k")
        seen: dict[str, list[float]] = {}
        for row in painted(app):
            for i, segment in enumerate(row):
                symbol = segment.text.strip()
                margin = i + 2 < len(row) and row[i + 1].text == " "
                if symbol in ("✓", "✗", "?") and margin:  # a tagged claim's mark, its words
                    seen.setdefault(symbol, []).extend(
                        contrast(s, background) for s in (segment, row[i + 2])
                    )
        for _ in range(40):  # on to a claim the suggestion says is contradicted
            suggestion = app.query_one(EvidencePanel)._shown[2]
            if suggestion is not None and suggestion.label == "contradicted":
                break
            await pilot.press("j")
        for row in painted(app):
            for segment in row:
                if segment.text == "✗ contradicted":  # the suggestion's label
                    seen.setdefault("suggested", []).append(contrast(segment, background))
        assert set(seen) == {"✓", "✗", "?", "suggested"}
        assert {k: round(min(v), 1) for k, v in seen.items() if min(v) < 4.5} == {}


@pytest.mark.parametrize(("theme", "no_color"), [("textual-light", False), ("textual-dark", True)])
async def test_the_reviewers_labels_read_when_adjudicating(
    seeded_db: str, config_dir, monkeypatch: pytest.MonkeyPatch, theme: str, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    label_team(seeded_db)
    app = build_app(seeded_db, "lead", adjudicate=True)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.press("x")  # a final label too
        background = Color.parse(app.get_css_variables()["background"])
        seen = {
            segment.text.strip(): round(contrast(segment, background), 1)
            for row in painted(app)
            for segment in row
            if segment.text.strip() in ("consistent", "contradicted", "unverified")
        }
        assert set(seen) == {"consistent", "contradicted", "unverified"}
        assert {k: v for k, v in seen.items() if v < 4.5} == {}


async def test_the_pane_with_the_keys_shows_without_colour(
    seeded_db: str, config_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its frame's colour was its only mark: gone with NO_COLOR in an ANSI theme (or a
    colour-blind reader's accent and grey of one brightness)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "ansi-dark"  # the terminal's own colours: NO_COLOR then drops every one
        await app.workers.wait_for_complete()
        panes = ["#articles", "#article", "#compare", "#evidence"]

        def corner(pane: str) -> tuple:
            """The glyph and attributes of the pane's top left corner, as the terminal gets it."""
            region = app.query_one(pane).region
            x = 0
            for segment in painted(app)[region.y]:
                if x + segment.cell_length > region.x:
                    return (segment.text[region.x - x], attributes(segment))
                x += segment.cell_length
            raise AssertionError(pane)

        for focused in panes:
            app.query_one(focused).focus()
            await pilot.pause()
            others = {corner(p) for p in panes if p != focused}
            assert corner(focused) not in others, focused


def pane_text(app, pane: str) -> str:
    """What the terminal shows inside and on the frame of a pane."""
    region = app.query_one(pane).region
    rows = [
        "".join(s.text for s in row) for row in painted(app)[region.y : region.y + region.height]
    ]
    return "\n".join(row[region.x : region.x + region.width] for row in rows)


async def test_linking_the_sentence_under_the_comparison_cursor_shows_there(
    seeded_db: str, config_dir
) -> None:
    """● marks a linked sentence in the comparison pane, but the cursor's ▶ took its place:
    `l` on the sentence under it changed nothing there."""
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "●" not in pane_text(app, "#compare")
        await pilot.press("l")
        assert app.review.linked() == {app.compare_cursor}
        assert "●" in pane_text(app, "#compare")
        await pilot.press("l")  # unlinked again
        assert "●" not in pane_text(app, "#compare")


def three_stories(path: Path) -> str:
    db = str(path / "three.db")
    with Store.open(db) as store:
        for n in range(3):
            texts = {
                "a.txt": [f"Story {n} opened with a flood.", "Two roads closed."],
                "b.txt": [f"In story {n} a flood came.", "Three roads closed."],
                "c.txt": [f"Floods hit story {n}.", "Roads closed."],
            }
            store.import_story(make_story(f"story{n}", texts), [])
    return db


def row_styles(app, pane: str) -> dict[str, set]:
    """The first word of each row of a list -> the styles of its cells, as the terminal gets
    them."""
    region = app.query_one(pane).content_region
    out: dict[str, set] = {}
    for row in painted(app)[region.y : region.bottom]:
        x, cells = 0, []
        for segment in row:
            if region.x <= x < region.right:
                cells.append(segment)
            x += segment.cell_length
        words = "".join(s.text for s in cells).replace("▸", "").split()
        if words:
            out.setdefault(words[0], set()).update(s.style for s in cells if s.text.strip())
    return out


async def test_the_story_list_is_drawn_in_its_styles(tmp_path: Path, config_dir) -> None:
    """Its rows came out with no style at all: the open story not bold, the cursor row enter
    opens not highlighted."""
    app = build_app(three_stories(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.query_one("#stories").focus()
        await pilot.press("down")
        styles = row_styles(app, "#stories")
        assert all(style.bold for style in styles["story0"])  # open
        assert not any(style.bold for style in styles["story2"])
        cursor = {style.bgcolor for style in styles["story1"]}
        assert None not in cursor and cursor.isdisjoint(s.bgcolor for s in styles["story2"])


async def test_a_database_of_several_stories_opens_with_no_color(
    tmp_path: Path, config_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR's filter met the story list's unstyled rows: the app ended with a traceback."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(three_stories(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert set(row_styles(app, "#stories")) == {"story0", "story1", "story2"}


@pytest.mark.parametrize(
    ("pane", "cursor", "other"), [("#stories", "story1", "story2"), ("#articles", "In", "Floods")]
)
async def test_the_row_enter_opens_shows_without_colour(
    tmp_path: Path, config_dir, monkeypatch: pytest.MonkeyPatch, pane: str, cursor: str, other: str
) -> None:
    """A list's cursor, moved off the open story or article, was a background colour alone:
    with NO_COLOR in a theme of the terminal's colours, nothing."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(three_stories(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "ansi-dark"
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.query_one(pane).focus()
        await pilot.press("down")  # the cursor on the second row, the first one open
        styles = row_styles(app, pane)
        looks = {word: {attributes(Segment("", s)) for s in styles[word]} for word in styles}
        assert looks[cursor] != looks[other]


def black_on_black(app) -> list[str]:
    """Text the terminal is told to draw in its background's colour."""
    return [
        segment.text
        for row in painted(app)
        for segment in row
        if segment.text.strip()
        and segment.style is not None
        and segment.style.color is not None
        and not segment.style.color.is_default
        and segment.style.color == segment.style.bgcolor
        and not segment.style.reverse
    ]


async def test_a_theme_of_the_terminals_colours_shows_with_no_color(
    seeded_db: str, config_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR's greys of ansi-dark (remembered, or picked in the palette) were black on black:
    a blank screen."""
    monkeypatch.setenv("NO_COLOR", "1")
    (config_dir / "config.toml").write_text('theme = "ansi-dark"\n')
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.theme == "ansi-dark"
        assert black_on_black(app) == []
        for theme in ("textual-dark", "ansi-light"):  # as picked in the command palette
            app.theme = theme
            await pilot.pause()
            assert black_on_black(app) == [], theme


@pytest.mark.parametrize("theme", ["textual-light", "atom-one-light"])
async def test_the_keys_and_hints_read_in_a_light_theme(
    seeded_db: str, config_dir, theme: str
) -> None:
    """The footer's key letters were the theme's accent on its grey (2.9:1 in textual-light,
    1.8:1 in atom-one-light); the adjudication screen's 'J K scroll' its frame's (1.4:1)."""
    label_team(seeded_db)
    app = build_app(seeded_db, "lead", adjudicate=True)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.pause()
        background = Color.parse(app.get_css_variables()["background"])
        rows = painted(app)
        footer = {s.text.strip(): contrast(s, background) for s in rows[-1] if s.text.strip()}
        assert footer["c"] >= 4.5 and footer["esc"] >= 4.5
        hint = next(s for row in rows for s in row if s.text.strip() == "J K scroll")
        assert contrast(hint, background) >= 3  # (muted on purpose, as every hint)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await app.workers.wait_for_complete()
        await pilot.pause()
        footer = {s.text.strip(): contrast(s, background) for s in painted(app)[-1]}
        assert footer["c"] >= 4.5 and footer["x"] >= 4.5


async def test_the_filter_in_force_shows_beside_a_long_story_name(
    tmp_path: Path, config_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns a story's long folder name took the whole status line: the progress, the
    filter in force, 'saving' and the reviewer were cut off after it."""
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "2022-01-10 US-Russia strategic stability talks in Geneva, day one"
    story.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        shutil.copy(SEEDS / name, story / name)
    import_into("long.db", story)
    app = build_app("long.db", REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f")  # untagged only
        status = screen_lines(app)[0]
        assert "filter: untagged" in status and "0/" in status and REVIEWER in status
        assert " 2022-01-10 US-" in status  # the start of the name, what people know it by


async def test_labels_keep_their_colours_in_a_16_colour_terminal(
    seeded_db: str, config_dir
) -> None:
    """Made readable by mixing in the theme's text colour, a consistent and a contradicted
    claim both came out the same grey as the text on TERM=xterm's 16 colours."""
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("c", "x")
        seen: dict[str, int] = {}
        for row in painted(app):
            for i, segment in enumerate(row):
                margin = i + 2 < len(row) and row[i + 1].text == " "
                if segment.text in ("✓", "✗") and margin:  # a label's mark, in its colour
                    colour = segment.style.color.downgrade(ColorSystem.STANDARD)
                    seen[segment.text] = colour.number
        text = Color.parse(app.get_css_variables()["foreground"]).rich_color
        plain = text.downgrade(ColorSystem.STANDARD).number
        assert set(seen) == {"✓", "✗"}
        assert len({seen["✓"], seen["✗"], plain}) == 3, (seen, plain)
