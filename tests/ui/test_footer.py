"""The footer (one widget drawing the keys, reader/ui/footer.py): what it shows and what the mouse
does on it, as Textual's Footer did."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual import events

from reader.ui.app import build_app
from reader.ui.footer import KeysFooter
from ui.helpers import REVIEWER, first_claims, labels, screen_lines


async def test_the_keys_are_in_the_first_frame(seeded_db: str) -> None:
    # Footer made its key widgets once the bindings were known, after the first frame
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)):
        footer = screen_lines(app)[-1]
        assert footer.startswith("c Consistent x Contradicted u Unverified a Accept ? Help")


async def test_a_key_that_changes_nothing_shown_leaves_the_footer_alone(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        keys = footer.keys
        assert "a" in [k.key for k in keys]  # the claim has a suggestion to accept
        await pilot.press("c", "j", "x", "k", "u")
        assert footer.keys is keys
        assert app.review.progress().tagged == 2  # "u" relabelled the first claim


async def test_a_rebound_key_shows_at_once(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(200, 50)) as pilot:  # a rebound key comes last, as in Footer
        await pilot.pause()
        app.set_keymap({"tag_unverified": "v"})
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "v Unverified" in footer and "u Unverified" not in footer


async def test_accept_is_shown_only_for_a_claim_with_a_suggestion(seeded_db: str) -> None:
    second = first_claims(seeded_db, 2)[1].id
    with sqlite3.connect(seeded_db) as conn:
        conn.execute("DELETE FROM suggestions WHERE claim_id = ?", (second,))
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "a Accept" in screen_lines(app)[-1]
        await pilot.press("j")
        assert app.review.claim.id == second and "a Accept" not in screen_lines(app)[-1]
        await pilot.press("k")
        assert "a Accept" in screen_lines(app)[-1]


async def test_a_click_on_a_key_presses_it(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        claim = app.review.claim.id
        footer = screen_lines(app)[-1]
        await pilot.click(KeysFooter, offset=(footer.index("Contradicted"), 0))
        await pilot.pause()
        from ui.conftest import writes_landed

        await writes_landed(app)
        assert labels(seeded_db)[claim] == "contradicted"
        await pilot.click(KeysFooter, offset=(footer.index(" x "), 0))  # between two keys
        await pilot.pause()
        assert app.screen is app.screen_stack[0] and app.review.claim.id == claim


async def test_the_key_under_the_mouse_is_highlighted(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)

        def backgrounds() -> list:
            strip = app.screen._compositor.render_strips()[-1]
            return [s.style.bgcolor for s in strip for _ in s.text]

        before = backgrounds()
        x = screen_lines(app)[-1].index("u Unverified")
        await pilot.hover(KeysFooter, offset=(x + 3, 0))
        await pilot.pause()
        lit = backgrounds()
        changed = [i for i, (a, b) in enumerate(zip(before, lit, strict=True)) if a != b]
        assert changed == list(range(x, x + len("u Unverified")))
        await pilot.hover(KeysFooter, offset=(x + len("u Unverified"), 0))  # the gap after it
        await pilot.pause()
        assert backgrounds() == before and footer.tooltip is None


async def test_the_mouse_wheel_shows_the_keys_cut_off_at_80_columns(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "s Export" not in screen_lines(app)[-1]
        for _ in range(30):  # Pilot has no wheel: its own helper for mouse events
            await pilot._post_mouse_events([events.MouseScrollDown], KeysFooter, (10, 0))
        await pilot.pause()
        assert screen_lines(app)[-1].rstrip().endswith("s Export")
        for _ in range(30):
            await pilot._post_mouse_events([events.MouseScrollUp], KeysFooter, (10, 0))
        await pilot.pause()
        assert screen_lines(app)[-1].startswith("c Consistent")


async def test_a_rebound_key_keeps_its_place_in_the_footer(
    seeded_db: str, config_dir: Path
) -> None:
    # Textual moves a rebound key to the end: at 120 columns "y Consistent" was cut off
    (config_dir / "config.toml").write_text('[keys]\ntag_consistent = "y"\n')
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert screen_lines(app)[-1].startswith("y Consistent x Contradicted u Unverified")


async def test_the_story_list_shows_its_key_when_focused(tmp_path: Path) -> None:
    # shift+tab reached the story list, but the footer named no key of it (the article list's
    # shows "⏎ Open"): the footer is said to list the keys of the focused pane
    from storyfactory import make_story

    from annotations.store import Store
    from reader.ui.story_list import StoryList

    db = str(tmp_path / "two.db")
    with Store.open(db) as store:
        for name in ("flood", "quake"):
            story = make_story(name, {"a.txt": ["Two roads closed."], "b.txt": ["Roads shut."]})
            store.import_story(story, [])
    app = build_app(db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for _ in range(4):
            if isinstance(app.focused, StoryList):
                break
            await pilot.press("shift+tab")
        assert isinstance(app.focused, StoryList)
        await pilot.pause()
        assert screen_lines(app)[-1].startswith("⏎ Open story c Consistent")


async def test_help_and_quit_show_at_80_and_120_columns(seeded_db: str) -> None:
    # "q Quit" was the last key, past the edge at 80 and 120 columns: a new user saw no way out
    from ui.test_adjudicate import label_team

    for adjudicate in (False, True):
        if adjudicate:
            label_team(seeded_db)
        for width in (80, 120):
            app = build_app(seeded_db, "lead" if adjudicate else REVIEWER, adjudicate=adjudicate)
            async with app.run_test(size=(width, 30)) as pilot:
                await pilot.pause()
                footer = screen_lines(app)[-1]
                assert "? Help" in footer and "q Quit" in footer, (adjudicate, width, footer)
