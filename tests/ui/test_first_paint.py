"""What the start does before its first frame: no work thrown away, garbage collection back on."""

from __future__ import annotations

import gc

from textual.geometry import Size

from reader.ui.app import build_app
from reader.ui.panels import ArticleList
from ui.helpers import REVIEWER


def test_every_narrow_character_is_one_cell() -> None:
    from rich.cells import cell_len, get_character_cell_size

    from reader.ui.textutil import NARROW, _is_narrow

    assert {c for c in NARROW if get_character_cell_size(c) != 1} == set()
    for text in ("“It’s a start” – he said…", "Ελλάδα — Україна", "a 東京 b", "x\u200by"):
        assert _is_narrow(text) == (cell_len(text) == len(text)), text


async def test_the_breakpoint_classes_are_textuals_from_the_first_frame(seeded_db: str) -> None:
    # set by the first Resize, the classes restyled and laid out the whole screen again
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        assert {"-narrow", "-short"} <= app.screen.classes
        assert not {"-wide", "-tall"} & app.screen.classes
        for size in ((130, 40), (119, 31), (120, 32), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            ours = {name for name, on in app.breakpoint_classes(Size(*size)).items() if on}
            assert ours == app.screen.classes & {"-narrow", "-wide", "-short", "-tall"}, size


async def test_a_resize_that_keeps_the_article_lists_width_keeps_its_rows(seeded_db: str) -> None:
    # OptionList drew every row again on any resize: the first frame's rows were drawn twice
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        articles = app.query_one(ArticleList)
        rows = articles._option_render_cache  # each option's rows, as drawn
        drawn = set(rows.keys())
        assert drawn
        await pilot.resize_terminal(130, 44)  # taller, the list as wide
        await pilot.pause()
        assert set(rows.keys()) >= drawn
        width = articles.scrollable_content_region.width
        await pilot.resize_terminal(80, 44)  # narrow: the list is hidden
        await pilot.resize_terminal(130, 44)  # and back, the list as wide as before
        await pilot.pause()
        assert articles.scrollable_content_region.width == width
        assert set(rows.keys()) >= drawn
        await pilot.resize_terminal(130, 14)  # too short for the list: a scrollbar narrows it
        await pilot.pause()
        narrower = articles.scrollable_content_region.width
        assert narrower < width
        assert {articles.render_line(y).cell_length for y in range(3)} == {narrower}
        assert "0/43 tagged" in articles.get_option("a:0").prompt.plain


async def test_garbage_collection_is_back_on_after_the_first_frame(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    app.gc_paused = True  # as run_app leaves it until the first frame
    gc.disable()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert gc.isenabled() and not app.gc_paused
    finally:
        gc.enable()
        gc.unfreeze()


async def test_the_start_lays_the_screen_out_once_before_its_first_frame(seeded_db: str) -> None:
    # three Resize events at the size already laid out each laid out and drew the screen again
    from textual.screen import Screen

    laid_out: list[object] = []
    refresh_layout = Screen._refresh_layout

    def counted(self, size=None, scroll=False) -> None:
        if self is app.screen and self.starting:
            laid_out.append(size)
        refresh_layout(self, size, scroll)

    app = build_app(seeded_db, REVIEWER)
    Screen._refresh_layout = counted
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert len(laid_out) <= 2  # the first layout, then the one its sizes call for
            assert not app.screen.starting
    finally:
        Screen._refresh_layout = refresh_layout


async def test_a_resize_as_the_app_starts_is_laid_out(seeded_db: str) -> None:
    from ui.helpers import screen_lines

    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        expected = screen_lines(app)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.resize_terminal(100, 30)  # before the first frame is up
        await pilot.pause()
        await pilot.pause()
        assert screen_lines(app) == expected


async def test_the_first_frame_does_not_wait_for_the_frame_timer(seeded_db: str) -> None:
    # the second frame (the panes' scrollbars) waited for the next 1/60 s tick, the loop idle
    from textual.timer import Timer

    waits: list[bool] = []  # for each wait for the screen's frame timer: was it starting?
    resume = Timer.resume

    def counted(self) -> None:
        if self.name == "screen_update":
            waits.append(app.screen.starting)
        resume(self)

    app = build_app(seeded_db, REVIEWER)
    Timer.resume = counted
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("j")  # after the first frame, frames wait for the timer again
            assert not app.screen.starting and waits and True not in waits
    finally:
        Timer.resume = resume
