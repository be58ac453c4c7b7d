"""A long story opens on its claims while its evidence and suggestions are worked out in the
background: the app says so, lets the reviewer tag, and shows them once they are stored."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from annotations.store import Store
from reader import pipeline
from reader.corpus.loader import load_corpus
from reader.pipeline import import_path
from reader.pipeline.background import last_step
from reader.ui.app import build_app

from .conftest import SEEDS
from .helpers import REVIEWER, labels, screen_lines


class Working:
    """A background import at work."""

    running = True

    def step(self) -> str:
        return "suggesting labels"


class Failed:
    """A background import that has stopped with an error."""

    running = False

    def failure(self) -> str:
        return "crossread: error: disk full"


def corpus(tmp_path: Path, stories: int) -> Path:
    """`stories` small synthetic stories (benchmarks/corpus.py) under tmp_path, the working
    folder; their root."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from corpus import write_corpus

    write_corpus(tmp_path / "corpus", stories, articles=2, sentences=4)
    return tmp_path / "corpus"


@pytest.fixture
def analysing_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seeds, stored as `crossread PATH` stores a long story: claims, no analysis yet."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.setattr(pipeline, "LONG_STORY", 10)
    with Store.open("review.db") as store:
        assert import_path(store, tmp_path / "seeds", defer=True).analysing == ["seeds"]
    return "review.db"


async def test_evidence_and_suggestions_appear_once_the_background_analysis_is_stored(
    analysing_db: str, tmp_path: Path
) -> None:
    app = build_app(analysing_db, REVIEWER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "analysing…" in screen
        assert "Finding the matching sentences and a suggestion" in screen
        first = app.review.claim
        await pilot.press("c")  # tagging does not wait for the analysis
        assert labels(analysing_db)[first.id] == "consistent"

        with Store.open(analysing_db) as store:  # the background import finishes
            import_path(store, tmp_path / "seeds")
        app.watch.poll()  # the once-a-second poll, now rather than in a second
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "analysing…" not in screen
        assert "Suggested:" in screen and "Finding the matching" not in screen
        assert "Evidence and suggestions are in." in [n.message for n in app._notifications]
        assert app.review.evidence()  # the claim shown: its evidence read again, not "none"
    assert labels(analysing_db)[first.id] == "consistent"


async def failure_notices(db: str) -> list[str]:
    """What the app says once its watch finds the background import failed (said once)."""
    app = build_app(db, REVIEWER, background=Failed())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.watch.poll()
        await pilot.pause()
        assert app.background is None
        return [n.message for n in app._notifications]


async def test_a_failed_background_analysis_is_said(analysing_db: str) -> None:
    assert await failure_notices(analysing_db) == [
        "The analysis of seeds stopped (crossread: error: disk full); `crossread import "
        "PATH` finishes it."
    ]


async def test_the_status_line_says_what_the_background_analysis_is_doing(
    analysing_db: str,
) -> None:
    app = build_app(analysing_db, REVIEWER, background=Working())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "analysing…" in screen_lines(app)[0]
        app.watch.poll()
        await pilot.pause()
        assert "analysing: suggesting labels…" in screen_lines(app)[0]


def test_the_step_is_read_from_what_the_import_says() -> None:
    said = (
        "/data/geneva: aligning 30,252 sentences of 3 articles… (0.7 s)\n"
        "/data/geneva: suggesting labels: facts compared across the story, then block by block "
        "as aligned… (4.2 s)\n"
    )
    assert last_step("") == ""
    assert last_step(said) == "suggesting labels"
    assert last_step(said + "/data/geneva: saving 298,450 evidence pairs… (8.0 s)\n") == "saving"
    waits = "/data/geneva: waiting for another import (process 812) analysing it… (0.2 s)\n"
    assert last_step(said + waits) == "waiting for another import"


async def test_a_failed_analysis_of_many_stories_names_a_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = corpus(tmp_path, 6)
    monkeypatch.setattr(pipeline, "LONG_STORY", 1)  # every story is left to the background
    with Store.open("many.db") as store:
        assert len(import_path(store, root, defer=True).analysing) == 6
    assert await failure_notices("many.db") == [
        "The analysis of story00000, story00001, story00002 and 3 more stopped "
        "(crossread: error: disk full); `crossread import PATH` finishes it."
    ]


async def test_the_story_list_marks_the_stories_still_analysing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = corpus(tmp_path, 3)
    first = len(load_corpus(root).stories[0].claims())
    monkeypatch.setattr(pipeline, "LONG_STORY", first + 1)  # the first is analysed at once
    with Store.open("many.db") as store:
        assert import_path(store, root, defer=True).analysing == [
            "story00001", "story00002"
        ]  # fmt: skip
    app = build_app("many.db", REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        rows = [line.split("│")[1].strip() for line in screen_lines(app)[2:5]]
        assert rows == ["▸ story00000", "story00001 …", "story00002 …"]
        with Store.open("many.db") as store:  # the background import finishes
            import_path(store, root)
        app.watch.poll()
        await pilot.pause()
        rows = [line.split("│")[1].strip() for line in screen_lines(app)[2:5]]
        assert rows == ["▸ story00000", "story00001", "story00002"]


async def test_evidence_stored_before_the_window_noticed_is_not_said_to_be_coming(
    analysing_db: str, tmp_path: Path
) -> None:
    # in the second before the poll, a claim drawn afresh showed its suggestion and
    # candidates and also "…they appear here when it is done.1 ○ short 57 …", run together
    app = build_app(analysing_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.watch.timer.pause()  # the window has not polled yet
        with Store.open(analysing_db) as store:
            import_path(store, tmp_path / "seeds")
        await pilot.press("right_square_bracket")
        screen = "\n".join(screen_lines(app))
        assert "Suggested:" in screen and "1 ○" in screen
        assert "Finding the matching sentences" not in screen


async def test_a_sentence_linked_while_analysing_is_listed_on_a_line_of_its_own(
    analysing_db: str,
) -> None:
    app = build_app(analysing_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop", "l")  # the comparison pane's first claim, linked
        lines = screen_lines(app)
        assert any("when it is done." in line and "1 ●" not in line for line in lines)
        assert any("1 ●" in line for line in lines)
