"""Fixtures for the app tests: a tmp working directory with a database imported from files."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from annotations.store import Store
from reader.pipeline import import_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


async def writes_landed(app, limit_s: float = 15.0) -> None:
    """Until every write the app handed to its writer thread has landed (committed or failed)."""
    writer = getattr(app, "writer", None)
    waited = 0.0
    while writer is not None and writer.in_flight and waited < limit_s:
        await asyncio.sleep(0.002)
        waited += 0.002


@pytest.fixture(autouse=True)
def keys_wait_for_their_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot presses keys as a reviewer who waits for "saving…" to go away after each key: the
    app's writes run on a thread, and most tests look at the database right after a key.
    `pilot.press_now` presses without waiting (tests of the screen while a write is pending)."""
    press = Pilot.press

    async def press_and_wait(self: Pilot, *keys: str) -> None:
        for key in keys:
            await press(self, key)
            await writes_landed(self.app)
        await self.pause()

    monkeypatch.setattr(Pilot, "press", press_and_wait)
    monkeypatch.setattr(Pilot, "press_now", press, raising=False)


def import_into(db: str, path: Path) -> None:
    store = Store.open(db)
    try:
        import_path(store, path)
    finally:
        store.close()


@pytest.fixture
def seeded_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """`review.db` in a tmp cwd (so the status line shows the same relative path every run)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    import_into("review.db", tmp_path / "seeds")
    return "review.db"


# Real outlets of the five seed articles, as a reviewer's front matter would give them.
SEED_SOURCES = {
    "000_841ac63cb8323543.txt": ("The Wall Street Journal", "2022-01-10"),
    "001_e2bdca9cb19be554.txt": ("Financial Times", "2022-01-10"),
    "002_aa93b08ccbd7b43d.txt": ("Bloomberg", "2022-01-10"),
    "003_9a4343f4823d3420.txt": ("The Washington Times", "2022-01-10"),
    "004_69042693bfb3c0ef.txt": ("The New York Times", "2022-01-10"),
}


@pytest.fixture
def sourced_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seeds with a front-matter block naming each article's outlet and date."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, (source, date) in SEED_SOURCES.items():
        body = (SEEDS / name).read_bytes()
        head = f"---\nsource: {source}\npublished: {date}\n---\n".encode()
        (folder / name).write_bytes(head + body)
    import_into("review.db", folder)
    return "review.db"
