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
