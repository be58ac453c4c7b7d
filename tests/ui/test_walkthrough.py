"""A new reviewer's walk through the app at 80x24: what a person sees after each key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events

from reader.ui.app import build_app
from reader.ui.dialogs import ConfirmScreen, ExportScreen, NoteScreen
from ui.conftest import import_into
from ui.helpers import REVIEWER, labels, screen_lines, settled

SMALL = (80, 24)


def number_of(app, other_id: str) -> int:
    return [e.other_id for e in app.review.evidence()].index(other_id) + 1


async def test_a_sentence_linked_by_hand_is_brought_into_view(sourced_db: str) -> None:
    """`l` and search's ctrl+l link a sentence alignment did not keep: it joins the end of the
    evidence list once saved, below the fold at 80x24; the list scrolls to show it linked."""
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("j", "full_stop", "full_stop", "l")
        await pilot.pause()
        number = number_of(app, app.compare_cursor)
        assert number > 5  # linked by hand: at the end of the list
        assert any(f"│{number} ●" in line for line in screen_lines(app))

        await pilot.press("j")
        other = app.review.articles[3].name
        shown = {e.other_id for e in app.review.evidence()}
        target = next(c for c in app.review.claims[other][5:] if c.id not in shown)
        await pilot.press("slash", *target.text[:40])
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        number = number_of(app, target.id)
        assert any(f"│{number} ●" in line for line in screen_lines(app))


async def test_accept_all_names_the_article_by_its_source(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(len(app.review.articles)):
            if app.review.acceptable():
                break
            await pilot.press("right_square_bracket")
        source = app.review.source_of(app.review.article.name)
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        assert source in app.screen.question
        assert ".txt" not in app.screen.question


KEY_CHARS = {"slash": "/", "question_mark": "?"}


@pytest.mark.parametrize("key", ["e", "s", "slash", "question_mark", "A", "c"])
async def test_a_key_typed_right_after_q_does_not_crash_the_closing_app(
    seeded_db: str, key: str
) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SMALL) as pilot:
        # both keys in one read from the terminal, as a fast typist sends them
        for name, char in (("q", "q"), (key, KEY_CHARS.get(key, key))):
            app.post_message(events.Key(name, char))
        await pilot.pause()
    assert app.return_code == 0
    assert labels(seeded_db) == {}  # nothing tagged on the way out


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("seeds", "a folder"),
        ("no-such-folder/out.csv", "in a folder that does not exist"),
        ("review.db/out.csv", "under a file, not in a folder"),  # (was: "a folder that does not…")
    ],
)
async def test_export_to_a_folder_or_a_missing_one_is_refused_in_the_dialog(
    seeded_db: str, path: str, said: str
) -> None:
    # a folder was "(exists: asks before replacing)", then "Replace it?", then after a yes
    # "Export failed" with the dialog and its choices gone; a missing folder the same, unasked
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("s")
        app.screen.query_one("#export-path").value = path
        await pilot.pause()
        shown = " ".join(" ".join(line.strip("█ ").split()) for line in screen_lines(app))
        assert f"({said}: not written)" in shown and "asks before" not in shown, shown
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # no question; the reviewer fixes the path
    assert not Path("no-such-folder").exists()


@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
async def test_the_note_editor_fits_a_long_claim_on_a_small_screen(
    seeded_db: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    # a claim of many lines pushed the note's field half off screen and its buttons out of it
    story = tmp_path / "long"
    story.mkdir()
    bridges = ", and ".join(f"bridge {i} over the river was closed on Monday" for i in range(40))
    (story / "a.txt").write_text(f"Bridges closed\n\nThe council said that {bridges}.\n")
    (story / "b.txt").write_text("Storm shuts bridges\n\nBridge 3 was closed on Monday.\n")
    import_into(seeded_db, story)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=size) as pilot:
        app.open_story("long")
        await settled(app, pilot)
        await pilot.press("j")
        assert len(app.review.claim.text) > 500
        await pilot.press("e")
        assert isinstance(app.screen, NoteScreen)
        screen = app.screen.region
        for widget in ("#note-text", "#save", "#cancel"):
            region = app.screen.query_one(widget).region
            assert screen.contains_region(region), (widget, region, screen)
        assert app.screen.query_one("#note-text").region.height >= 3
        await pilot.press(*"closed", "ctrl+s")
        assert app.review.annotations[app.review.claim.id].note == "closed"


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (60, 15)])
async def test_the_export_dialog_fits_a_small_screen(
    seeded_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # at 60x20 the Export and Cancel buttons were below the screen's edge (Enter still exported)
    monkeypatch.chdir(tmp_path)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "s")
        assert isinstance(app.screen, ExportScreen)
        screen = app.screen.region
        every = ("#export-path", "#export-full-path", "#fmt-jsonl", "#who-all", "#export-excel",
                 "#export-all", "#export", "#cancel")  # fmt: skip
        for widget in every:
            region = app.screen.query_one(widget).region
            assert region.height and screen.contains_region(region), (widget, region, screen)
        await pilot.pause()
        shown = "".join(line.strip("█ ") for line in screen_lines(app))
        assert str(tmp_path / "crossread-export.csv") in shown  # the full path, wrapped
        await pilot.click("#fmt-jsonl")
        await pilot.click("#export")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert [p.name for p in tmp_path.glob("crossread-export.*")] == ["crossread-export.jsonl"]


async def test_help_lines_wrap_under_their_description_at_80_columns(sourced_db: str) -> None:
    # a wrapped description (or headline) went on at the left edge, where the keys are:
    # "(asks first)" and "suggestions" read as keys; "the claim under the cursor" did not say
    # which cursor
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        seen = []
        for _ in range(12):
            seen += [line.strip("█") for line in screen_lines(app)]
            await pilot.press("pagedown")
        body = [line for line in seen if line.strip()]
        continued = [
            line
            for line in body
            if "(asks first)" in line or line.split()[0] in ("suggestions", "crisis", "Ukraine")
        ]
        assert continued and all(line.startswith(" " * 18) for line in continued), continued
        assert "claim under the comparison pane's" in " ".join(" ".join(body).split())


async def test_a_story_imported_while_the_app_is_open_can_be_opened(
    seeded_db: str, tmp_path: Path
) -> None:
    # `}` said "This database holds one story." until the app was restarted
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        story = tmp_path / "later"
        story.mkdir()
        (story / "a.txt").write_text("Bridges closed\n\nTwelve bridges were closed on Monday.\n")
        (story / "b.txt").write_text("Storm\n\nFourteen bridges were closed on Monday.\n")
        import_into(seeded_db, story)  # another program: crossread import
        app.watch.poll()  # the once-a-second poll, now rather than in a second
        await pilot.press("right_curly_bracket")
        await settled(app, pilot)
        assert app.review.story == "later"
        assert "one story" not in "\n".join(screen_lines(app))


async def test_a_score_just_under_60_is_not_shown_as_a_strong_match(seeded_db: str) -> None:
    # 59.9 was shown "60" (60 and above is a strong match) beside a reason saying "no
    # counterpart in any other source: best alignment score 59.9"
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in app.review.article_claims:
            near = [n for n, e in enumerate(app.review.evidence(), 1) if 59.5 <= e.score < 60]
            if near:
                break
            await pilot.press("j")
        assert near  # the seeds have such a pair
        rows: list[str] = []
        for _ in range(near[0]):  # scroll it into view
            await pilot.pause()
            rows = [line for line in screen_lines(app) if re.search(rf"│ ?{near[0]} [○●] ", line)]
            if rows:
                break
            await pilot.press("J")
        assert rows and re.search(r" 59 ", rows[0]), rows


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_note_editor_shows_a_long_claim_whole(sourced_db: str, size) -> None:
    # the claim above the note's field was cut to two lines at 80x24 (four at 120x36): a
    # reviewer writing a note on a sentence of five or six lines could not read it there
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=size) as pilot:
        longest = max(
            (c for a in app.review.articles for c in app.review.claims[a.name]),
            key=lambda c: len(c.text),
        )
        assert len(longest.text) > 400  # six lines of the dialog at 80 columns
        app.review.go_claim(longest.id)
        app.show_article()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        box = app.screen.query_one("#note-box").region  # the dialog, not the panes around it
        rows = screen_lines(app)[box.y : box.bottom]
        shown = " ".join(" ".join(row[box.x : box.right].strip("█ ").split()) for row in rows)
        assert " ".join(longest.text.split()) in shown
        for widget in ("#note-text", "#save", "#cancel"):
            assert app.screen.region.contains_region(app.screen.query_one(widget).region)
