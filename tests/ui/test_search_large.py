"""`/` search in a 20,000-claim story ranks in a worker: typing never waits and the last
query's results are the ones shown."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from storyfactory import make_story
from textual.widgets import Input, OptionList

from annotations.store import Store
from reader.ui import dialogs
from reader.ui.app import build_app
from reader.ui.search import rank
from ui.helpers import REVIEWER

WORDS = ("harbour", "council", "budget", "storm", "ferry", "minister")


def _big_db(tmp_path: Path) -> str:
    articles = {
        f"paper{a}.md": [
            f"The {WORDS[(a + i) % 6]} of {WORDS[(i * 7) % 6]} number {a}x{i} was noted."
            for i in range(4_000)
        ]
        for a in range(5)
    }
    db = str(tmp_path / "big.db")
    with Store.open(db) as store:
        store.import_story(make_story("big", articles), [])
    return db


async def test_typing_fast_in_a_big_story_never_waits_and_shows_the_last_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = 0.5  # each ranking takes at least this long, as on a slower machine

    def slow_rank(*args, **kwargs):
        time.sleep(slow)
        return rank(*args, **kwargs)

    monkeypatch.setattr(dialogs, "rank", slow_rank)
    app = build_app(_big_db(tmp_path), REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        query = "ferry number 3x12"
        started = time.perf_counter()
        for char in query:  # straight into the input, as fast as a paste of keys
            await pilot.press("space" if char == " " else char)
        typing = time.perf_counter() - started
        search = app.screen.query_one("#search-input", Input)
        assert search.value == query  # every key reached the input
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        shown = [
            screen.query_one("#search-results", OptionList).get_option_at_index(i).id
            for i in range(screen.query_one("#search-results", OptionList).option_count)
        ]
        expected = [screen.claims[h.index].id for h in rank(query, screen.index, screen.LIMIT)]
        assert shown == expected and shown  # the final query's ranking, not an earlier one
        assert "3x12" in next(c.text for c in screen.claims if c.id == shown[0])
        # on the event loop 17 keys would wait 17 rankings (8.5 s at least); in a worker they echo
        assert typing < len(query) * slow
