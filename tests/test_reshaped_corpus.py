"""A corpus reorganised on disk between sessions (an article edited, renamed or deleted, a story
folder renamed): the import says what became of the reviewers' tags and final labels, with
counts, and how to have them on their sentences again."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotations.store import Store
from reader.cli.main import main

A = "Fishing boats pulled 42 passengers from the sea.\nThe ferry sank off the coast at dawn.\n"
B = "The coast guard said 40 passengers were rescued.\nThe ferry went down before sunrise.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def tagged_story(tmp_path: Path) -> tuple[Path, str]:
    """A story of two articles, imported; ana and ben labelled both sentences of a.txt (they
    disagree on the first), lead decided it, and ana left a note on b.txt."""
    story = tmp_path / "ferry"
    story.mkdir()
    (story / "a.txt").write_text(A)
    (story / "b.txt").write_text(B)
    db = str(tmp_path / "team.db")
    assert run("import", str(story), "--db", db).exit_code == 0
    with Store.open(db) as s:
        first, second = s.claims("ferry", "a.txt")
        s.set_label(first.id, "contradicted", "ana")
        s.set_label(first.id, "consistent", "ben")
        s.set_label(second.id, "consistent", "ana")
        s.set_label(second.id, "consistent", "ben")
        s.decide(first.id, "contradicted", "lead")
        s.set_note(s.claims("ferry", "b.txt")[0].id, "ana", "check the count")
    return story, db


def test_reimport_counts_the_labels_and_final_labels_it_left_as_orphans(tmp_path: Path) -> None:
    # each orphaned annotation had a line, but not a final label: the adjudicator's decision on
    # the corrected sentence vanished from stats' total without a word from the import
    story, db = tagged_story(tmp_path)
    (story / "a.txt").write_text(A.replace("42", "40"))
    out = run("import", str(story), "--db", db).output
    assert (
        "  ferry: 2 labels (ana 1, ben 1) and 1 final label are on sentences no longer in their "
        "article, kept as orphans (`export` and `export --final` list them)"
    ) in out.splitlines()


def test_a_renamed_article_is_named_with_how_to_have_its_tags_back(tmp_path: Path) -> None:
    # a.txt renamed: its claims have new ids (from the file's name), every tag on it an orphan,
    # reported as if the sentences were gone, when they are all there under another name
    story, db = tagged_story(tmp_path)
    (story / "a.txt").rename(story / "ferry-a.md")
    out = run("import", str(story), "--db", db).output.splitlines()
    assert (
        "  ferry: 4 labels (ana 2, ben 2) and 1 final label are on sentences no longer in their "
        "article, kept as orphans (`export` and `export --final` list them)"
    ) in out
    assert (
        "  ferry/ferry-a.md has the sentences of a.txt, which is no longer there: the tags "
        "stay on a.txt's sentences (a claim's id comes from its file's name); rename the file "
        "back to a.txt to have them on its sentences again"
    ) in out
    (story / "ferry-a.md").rename(story / "a.txt")  # as the import advised
    assert run("import", str(story), "--db", db).exit_code == 0
    with Store.open(db) as s:
        assert not s.orphans() and not s.orphaned_finals()
        assert len(s.annotations()) == 5 and len(s.finals()) == 1


def test_an_article_edited_in_another_sentence_is_no_rename(tmp_path: Path) -> None:
    story, db = tagged_story(tmp_path)
    (story / "a.txt").unlink()
    (story / "c.txt").write_text(A.replace("42", "40"))
    out = run("import", str(story), "--db", db).output
    assert "has the sentences of" not in out


def _notice(args: list[str], monkeypatch) -> str:
    """What `crossread PATH ...` would open the app with to say first."""
    opened: dict = {}
    monkeypatch.setattr("reader.ui.run_app", lambda db, reviewer, **kw: opened.update(kw))
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    return opened["notice"]


def test_the_app_says_an_article_was_removed_or_renamed_and_counts_final_labels(
    tmp_path: Path, monkeypatch
) -> None:
    # the app said "a.txt changed" of a file deleted or renamed, and nothing of the final label
    # the adjudicator could no longer see
    story, db = tagged_story(tmp_path)
    (story / "a.txt").rename(story / "ferry-a.txt")
    assert _notice([str(story), "--db", db, "--reviewer", "ana"], monkeypatch) == (
        "ferry was imported again: a.txt removed; 2 labels of yours and 1 final label are on "
        "sentences no longer in it (kept, exported as orphaned). ferry-a.txt has the sentences "
        "of a.txt: rename it back to a.txt to have them on its sentences again."
    )


def test_agreement_says_how_many_orphaned_claims_it_leaves_out(tmp_path: Path) -> None:
    # agreement counted 1 claim where export listed 2 labelled by both, with no word why
    story, db = tagged_story(tmp_path)
    (story / "a.txt").write_text(A.replace("42", "40"))
    assert run("import", str(story), "--db", db).exit_code == 0
    out = run("agreement", "--db", db, "--samples", "0").output.splitlines()
    assert out[:2] == [
        "all claims: 1 claim labelled by two or more of 2 reviewers (ana, ben)",
        "  left out: 1 claim labelled by two or more whose sentence is no longer in its article "
        "(an orphan: `export` lists it)",
    ]
    as_json = json.loads(run("agreement", "--db", db, "--format", "json").output)
    assert as_json[0]["orphans_left_out"] == 1


def test_a_renamed_story_folder_is_named_with_where_its_tags_are(
    tmp_path: Path, monkeypatch
) -> None:
    # ferry/ renamed ferry-2022/: a new story with no tag on it, every tag left with the story
    # ferry (whose folder is gone), and the import said only "3 new articles"
    story, db = tagged_story(tmp_path)
    renamed = story.rename(tmp_path / "ferry-2022")
    out = run("import", str(renamed), "--db", db).output.splitlines()
    assert (
        f"  ferry-2022 has the articles of the story ferry, whose folder {story} is no longer "
        "there: its 4 labels (ana 2, ben 2), 1 note and 1 final label stay with ferry (a "
        "claim's id comes from its story's folder name); rename the folder back to ferry to go "
        "on with them"
    ) in out
    assert _notice([str(renamed), "--db", db, "--reviewer", "ana"], monkeypatch) == (
        "ferry-2022 has the articles of the story ferry, whose folder is no longer there: "
        "2 labels of yours stay with ferry (in the story list); rename the folder back to "
        "ferry to go on with them."
    )
    renamed.rename(story)
    out = run("import", str(story), "--db", db).output
    assert "has the articles of" not in out  # (ferry-2022's folder is gone, but has no tags)


def test_a_subfolder_put_in_a_story_folder_leaves_it_a_story(tmp_path: Path) -> None:
    # a folder of articles put inside ferry/ made ferry a folder of stories: its own articles
    # were skipped ("not inside a story folder") and the subfolder became a story, while the
    # tagged story ferry was no longer read
    story, db = tagged_story(tmp_path)
    (story / "extra").mkdir()
    (story / "extra" / "c.txt").write_text(B.replace("40", "41"))
    out = run("import", str(story), "--db", db).output.splitlines()
    assert out[0].endswith(
        ": 1 story (1 unchanged), 2 articles (0 new, 0 changed), 4 claims, 1 file skipped"
    )
    assert out[1] == (
        f"  skipped {story / 'extra'}: folder nested inside a story, not read (its articles are "
        f"a story of their own: import {story / 'extra'})"
    )
    with Store.open(db) as s:
        assert s.stories() == ["ferry"] and not s.orphans()
