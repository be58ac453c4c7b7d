"""The story list of a database with many stories: the articles stay in view, any story opens."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from storyfactory import make_story

from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.panels import ArticleList
from reader.ui.story_list import StoryList
from ui.helpers import REVIEWER, labels, settled

SIZE = (120, 36)
STORIES = 600


def many_stories(path: Path) -> str:
    db = str(path / "many.db")
    store = Store.open(db)
    try:
        for n in range(STORIES):
            story = make_story(
                f"story{n:04d}",
                {
                    "a.txt": [f"Story {n} opened with a flood.", "Two roads closed."],
                    "b.txt": [f"In story {n} a flood came.", "Three roads closed."],
                },
            )
            store.import_story(story, [])
    finally:
        store.close()
    return db


def rows(stories: StoryList) -> str:
    """What the list shows now: its visible rows."""
    return "".join(stories.render_line(y).text for y in range(stories.size.height))


async def test_many_stories_keep_the_articles_in_view_and_open_from_the_list(
    tmp_path: Path,
) -> None:
    app = build_app(many_stories(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        stories = app.query_one(StoryList)
        articles = app.query_one(ArticleList)
        # the stories take a few rows; the current story's articles are on screen below them
        assert stories.region.height <= 10
        assert articles.region.height >= 10
        assert articles.option_count == 2
        assert rows(stories).startswith("▸ story0000")
        stories.focus()
        await pilot.press("end", "enter")
        await settled(app, pilot)
        assert app.review.story == f"story{STORIES - 1:04d}"
        # the open story's row is drawn, scrolled into view
        assert f"▸ story{STORIES - 1:04d}" in rows(stories)
        await pilot.press("up", "up", "enter")
        await settled(app, pilot)
        assert app.review.story == f"story{STORIES - 3:04d}"
        assert {a.name for a in app.review.articles} == {"a.txt", "b.txt"}


async def test_one_story_has_no_story_list(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query_one(StoryList).display


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Stories are read, as a big one on a slow disk, only once the event returned is set."""
    import reader.ui.app as app_module

    release = threading.Event()
    real = app_module.read_story

    def slow_read(store, story, reviewer):
        release.wait(10)
        return real(store, story, reviewer)

    monkeypatch.setattr(app_module, "read_story", slow_read)
    return release


async def test_a_story_is_read_off_the_event_loop_and_keys_work_meanwhile(
    tmp_path: Path, slow_reads: threading.Event
) -> None:
    release = slow_reads
    app = build_app(many_stories(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.review.story
        await pilot.press("right_curly_bracket")
        title = str(app.query_one("#article").border_title)
        assert title.startswith("opening story0001")
        await pilot.press("j")  # the old story still answers keys while the new one is read
        assert app.review.story == first and app.review.claim_index == 1
        release.set()
        await settled(app, pilot)
        assert app.review.story == "story0001"
        assert app.review.claim_index == 0


async def test_a_tag_typed_while_a_story_opens_never_lands_on_the_story_left(
    tmp_path: Path, slow_reads: threading.Event
) -> None:
    # `}` then `c` in one burst (fast typing, keys bunched over SSH) tagged the current claim
    # of the story being left: the reviewer, looking at the new one, saw nothing tagged
    release = slow_reads
    db = many_stories(tmp_path)
    app = build_app(db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_curly_bracket", "c", "A")
        await pilot.pause()
        assert labels(db) == {}
        assert any("Still opening story0001" in n.message for n in app._notifications)
        release.set()
        await settled(app, pilot)
        assert app.review.story == "story0001"
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
    with Store.open(db) as s:
        [tag] = s.annotations(reviewer=REVIEWER)
        assert tag.claim_id in {c.id for c in s.claims("story0001")}


async def test_the_story_asked_for_opens_and_the_saved_place_only_within_it(
    tmp_path: Path,
) -> None:
    # `crossread PATH` imported PATH's story, then reopened the story the reviewer left last
    db = many_stories(tmp_path)
    for asked, story, claim in (
        ("story0009", "story0009", 0),
        ("story0005", "story0005", 1),  # the place left in it
        (None, "story0005", 1),
    ):
        with Store.open(db) as s:  # (each app saves its own place as it quits)
            left = s.claims("story0005", "a.txt")[1]
            for key, value in (("story", "story0005"), ("article", "a.txt"), ("claim", left.id)):
                s.set_state(REVIEWER, key, value)
        app = build_app(db, REVIEWER, story=asked)
        async with app.run_test(size=SIZE) as pilot:
            await settled(app, pilot)
            assert (app.review.story, app.review.claim_index) == (story, claim)


def test_crossread_path_asks_the_app_for_that_story(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    import reader.ui
    from reader.cli.main import main

    db = many_stories(tmp_path)
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "a.txt").write_text("Flood\n\nThe river rose.\n")
    (tmp_path / "new" / "b.txt").write_text("Flood\n\nThe river rose by two metres.\n")
    asked: list = []
    monkeypatch.setattr(reader.ui, "run_app", lambda db, r, **kw: asked.append(kw["story"]))
    for args in ([str(tmp_path / "new")], []):
        done = CliRunner().invoke(main, [*args, "--db", db])
        assert done.exit_code == 0, done.output
    assert asked == ["new", None]


async def test_undo_of_a_change_in_another_story_names_that_story(tmp_path: Path) -> None:
    # after `}`, ctrl+z undid the tag left in the story before and said it was "on a claim no
    # longer in the story", as if the claim were gone
    db = many_stories(tmp_path)
    app = build_app(db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("c", "right_curly_bracket")
        await settled(app, pilot)
        assert app.review.story == "story0001"
        await pilot.press("ctrl+z")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        said = [n.message for n in app._notifications]
        assert "undid: consistent on claim 1 of a.txt in story story0000" in said, said
    assert labels(db) == {}
