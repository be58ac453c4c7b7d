"""A reviewer's name typed another way (another Unicode form of the same letters, spaces
around it) is the reviewer whose tags are stored, not a new reviewer with none."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.store import Store
from reader.cli.main import main

NFC = "José"
NFD = unicodedata.normalize("NFD", NFC)  # what a Mac's file names and some keyboards give


@pytest.fixture
def db(tmp_path: Path) -> Path:
    story = tmp_path / "flood"
    story.mkdir()
    (story / "a.txt").write_text("Flood\n\nThe river rose.\n")
    (story / "b.txt").write_text("Flood\n\nThe river rose by two metres.\n")
    path = tmp_path / "x.db"
    assert CliRunner().invoke(main, ["import", str(story), "--db", str(path)]).exit_code == 0
    with Store.open(path) as store:
        claim = store.claims("flood", "a.txt")[1]
        store.set_label(claim.id, "contradicted", NFC)
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("typed", [NFD, f" {NFC} ", f"{NFD} "])
def test_export_and_stats_find_the_reviewer_typed_another_way(db: Path, typed: str) -> None:
    # "no annotations by José (reviewers: José)": the same name, in another form
    done = run("export", "--db", str(db), "--reviewer", typed)
    assert done.exit_code == 0, done.output
    assert f"contradicted,,,,{NFC}," in done.output
    done = run("stats", "--db", str(db), "--reviewer", typed)
    assert done.exit_code == 0, done.output
    assert re.search(rf"^{NFC} +1/4 ", done.output, re.MULTILINE), done.output


def test_the_app_opens_on_the_stored_reviewer(db: Path, monkeypatch) -> None:
    import reader.ui

    opened: list[str] = []
    monkeypatch.setattr(reader.ui, "run_app", lambda _db, reviewer, **_: opened.append(reviewer))
    for typed in (NFD, f"{NFC} ", "  ben "):
        assert run("--db", str(db), "--reviewer", typed).exit_code == 0
    # her tags, not an empty review under a second name; a new name without its spaces
    assert opened == [NFC, NFC, "ben"]


def test_a_name_stored_with_spaces_is_still_reached_as_it_is(db: Path) -> None:
    with Store.open(db) as store:
        claim = store.claims("flood", "b.txt")[1]
        store.set_label(claim.id, "consistent", "ana ")  # (an earlier version kept them)
    done = run("export", "--db", str(db), "--reviewer", "ana ")
    assert done.exit_code == 0, done.output
    assert "consistent,,,,ana ," in done.output
    assert run("export", "--db", str(db), "--reviewer", "ana").exit_code == 0


def test_agreement_counts_the_reviewers_typed_another_way(db: Path) -> None:
    with Store.open(db) as store:
        claim = store.claims("flood", "a.txt")[1]
        store.set_label(claim.id, "contradicted", "ben")
    done = run("agreement", "--db", str(db), "--reviewers", f"{NFD},ben", "--samples", "0")
    assert done.exit_code == 0, done.output
    assert "2 reviewers" in done.output


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_reviewer_name_is_one_line_before_the_app_opens(db: Path, typed, monkeypatch):
    import reader.ui

    opened: list[str] = []
    monkeypatch.setattr(reader.ui, "run_app", lambda _db, reviewer, **_: opened.append(reviewer))
    # the app opened, and every tag pressed was "Not saved: a reviewer name is required"
    done = run("--db", str(db), "--reviewer", typed)
    assert done.exit_code == 2 and opened == []
    assert done.output == "crossread: error: --reviewer names no one: give a name\n"


def test_a_name_with_a_no_break_space_is_the_name_with_a_space(db: Path) -> None:
    # refused as "a name cannot hold control characters": a no-break space (option+space on
    # a Mac) is a space, in a reviewer's name as in a story folder's
    with Store.open(db) as store:
        claim = store.claims("flood", "b.txt")[1]
        store.set_label(claim.id, "consistent", "Ana Lopez")
    done = run("export", "--db", str(db), "--reviewer", "Ana\u00a0Lopez")
    assert done.exit_code == 0, done.output
    assert "consistent,,,,Ana Lopez," in done.output
    done = run("stats", "--db", str(db), "--reviewer", "Ana\u2009Lopez")  # a thin space
    assert done.exit_code == 0 and re.search(r"^Ana Lopez +1/4 ", done.output, re.MULTILINE)
    done = run("export", "--db", str(db), "--reviewer", "Ana\u200bLopez")  # zero width: no
    assert done.exit_code == 2 and "control characters" in done.output
