"""Fixtures for the app tests: a tmp working directory with a database imported from files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotations.store import Store
from reader.pipeline import import_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


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
