"""The `crossread` command as a user runs it: import, export, stats, suggest, and user errors."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.store import Store
from reader.cli.main import bundled_seeds, main

SEEDS = bundled_seeds()


def crossread(*args: str) -> subprocess.CompletedProcess:
    """Run the command as a user would, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120
    )


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "crossread.db"
    result = run("import", str(SEEDS), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_the_import_summary_counts_the_articles_removed_from_a_story(tmp_path: Path) -> None:
    story = tmp_path / "flood"
    story.mkdir()
    (story / "a.txt").write_text("Flood\n\nThe river rose.\n")
    (story / "b.txt").write_text("Flood\n\nThe river rose by two metres.\n")
    assert run("import", str(story), "--db", str(tmp_path / "c.db")).exit_code == 0
    (story / "b.txt").unlink()
    result = run("import", str(story), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"{story}: 1 story (0 unchanged), 1 article (0 new, 0 changed, 1 removed), 2 claims, "
        "0 files skipped"
    )


def test_import_prints_a_summary(seeded_db: Path, tmp_path: Path) -> None:
    result = run("import", str(SEEDS), "--db", str(tmp_path / "fresh.db"))
    assert result.exit_code == 0
    # counts in words a reader would write: "1 story", not "1 stories"
    assert "seeds: 1 story (0 unchanged), 5 articles (5 new, 0 changed), 204 claims" in (
        result.output
    )
    again = run("import", str(SEEDS), "--db", str(tmp_path / "fresh.db"))
    assert "(1 unchanged)" in again.output


def test_an_import_in_its_own_process_says_all_and_stores_all(tmp_path: Path) -> None:
    # the process ends without the interpreter's teardown: its summary must still reach a
    # pipe, warnings included, and the database be whole
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a.txt").write_bytes(b"Flood\n\nThe river rose by 2 m\xe9tres.\n")
    (tmp_path / "story" / "b.txt").write_text("Flood\n\nThe river rose by two metres.\n")
    db = tmp_path / "x.db"
    done = crossread("import", str(tmp_path / "story"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "1 story (" in done.stdout and "2 articles" in done.stdout
    assert "warning" in done.stdout + done.stderr
    with Store.open(str(db), create=False) as store:
        assert store.stories() == ["story"]


def test_a_missing_path_among_several_imports_none_of_them(tmp_path: Path) -> None:
    # `import a typo b` imported a, then stopped at the typo: b never imported, and a's import
    # (and the database it created) left for the user to untangle
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text("Flood\n\nThe river rose.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = run("import", str(tmp_path / "a"), str(tmp_path / "typo"), str(tmp_path / "b"),
                 "--db", str(db))  # fmt: skip
    assert result.exit_code == 2
    assert f"no such file or folder: {tmp_path / 'typo'}" in result.output
    assert not db.exists()  # nothing imported, nothing created
    # and the app, given paths, says so before opening anything
    result = run(str(tmp_path / "a"), str(tmp_path / "typo"), "--db", str(db))
    assert result.exit_code == 2 and "no such file or folder" in result.output
    assert not db.exists()


def test_another_folder_of_the_same_name_never_replaces_a_story(tmp_path: Path) -> None:
    # a story is known by its folder's name: importing b/geneva after a/geneva replaced a's
    # articles with b's and orphaned every tag, with no word of why
    for where, text in (("a", "The bridge closed on Monday."), ("b", "The ferry sank.")):
        story = tmp_path / where / "geneva"
        story.mkdir(parents=True)
        (story / "x.txt").write_text(f"News\n\n{text}\n")
        (story / "y.txt").write_text(f"Report\n\n{text} Police said so.\n")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "geneva.txt").write_text("News\n\nThe plane landed.\n")
    db = tmp_path / "x.db"
    assert run("import", str(tmp_path / "a" / "geneva"), "--db", str(db)).exit_code == 0
    with Store.open(db) as s:
        s.set_label(s.claims("geneva")[0].id, "consistent", "ana")
    for other in (tmp_path / "b" / "geneva", tmp_path / "one" / "geneva.txt"):
        result = run("import", str(other), "--db", str(db))
        assert result.exit_code == 2
        assert (
            f"skipped {other}: a story named geneva is already imported from "
            f"{tmp_path / 'a' / 'geneva'}: rename this one to import it as a story of its own"
        ) in result.output
        assert result.output.strip().endswith(f"crossread: error: nothing imported from {other}")
    with Store.open(db) as s:
        assert "The bridge closed on Monday." in [c.text for c in s.claims("geneva")]
        assert [a.label for a in s.annotations()] == ["consistent"] and not s.orphans()
    # a story moved to another folder (the old one gone) is the same story, read from there
    (tmp_path / "a" / "geneva").rename(tmp_path / "moved")
    (tmp_path / "moved2").mkdir()
    (tmp_path / "moved").rename(tmp_path / "moved2" / "geneva")
    result = run("import", str(tmp_path / "moved2" / "geneva"), "--db", str(db))
    assert result.exit_code == 0 and "(1 unchanged)" in result.output, result.output
    with Store.open(db) as s:
        assert s.story_path("geneva") == str(tmp_path / "moved2" / "geneva")


def test_export_of_a_fresh_database_is_just_the_header(seeded_db: Path) -> None:
    result = run("export", "--db", str(seeded_db))
    assert result.exit_code == 0
    header = result.output.splitlines()[0].split(",")
    expected = "story article title claim_id claim_index start end claim label note"
    expected += " evidence_articles evidence_text reviewer updated_at"
    assert set(expected.split()) <= set(header)
    assert len(result.output.splitlines()) == 1


def test_export_all_lists_every_claim_of_the_seeds(seeded_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(seeded_db), "--all").output)))
    assert 170 <= len(rows) <= 220
    assert {r["article"] for r in rows} == {p.name for p in SEEDS.glob("*.txt")}
    claims = {r["claim"].strip() for r in rows}
    for boilerplate in ("Leave a Reply", "Source link", "Start reading", "One app."):
        assert boilerplate not in claims
    titles = {r["article"]: r["title"] for r in rows}
    assert titles["002_aa93b08ccbd7b43d.txt"] == (
        "US and Russia vow to keep talking as their differences persist"
    )
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in rows:  # offsets point into the article text
        assert texts[r["article"]][int(r["start"]) : int(r["end"])] == r["claim"]


def tagged(seeded_db: Path, tmp_path: Path, **labels: str) -> tuple[Path, str]:
    """A copy of the seeded database whose fourth claim each reviewer named has tagged with
    the label given; the copy and that claim's id."""
    db = tmp_path / "tagged.db"
    db.write_bytes(seeded_db.read_bytes())
    with Store.open(db) as store:
        claim = store.claims(store.stories()[0])[3]
        for reviewer, label in labels.items():
            store.set_label(claim.id, label, reviewer)
    return db, claim.id


def test_tag_then_export_and_stats(seeded_db: Path, tmp_path: Path) -> None:
    db, claim = tagged(seeded_db, tmp_path, ana="contradicted")
    out = tmp_path / "out.jsonl"
    result = run("export", "--db", str(db), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["claim_id"], r["label"], r["reviewer"]) for r in rows] == [
        (claim, "contradicted", "ana")
    ]
    stats = run("stats", "--db", str(db)).output
    assert "1/" in stats and "contradicted" in stats and "ana " in stats


def test_the_output_format_is_the_one_the_file_name_says(seeded_db: Path, tmp_path: Path) -> None:
    # `export -o labels.jsonl` wrote CSV into it, `suggest -o s.csv` JSON lines
    db, claim = tagged(seeded_db, tmp_path, ana="contradicted", ben="consistent")
    assert run("export", "--db", str(db), "-o", str(tmp_path / "a.jsonl")).exit_code == 0
    (row,) = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()[:1]]
    assert row["claim_id"] == claim
    assert run("suggest", str(SEEDS), "-o", str(tmp_path / "s.csv")).exit_code == 0
    with (tmp_path / "s.csv").open(newline="", encoding="utf-8") as f:
        assert next(csv.DictReader(f))["suggested_label"] in ("consistent", "unverified")
    assert run("agreement", "--db", str(db), "-o", str(tmp_path / "k.json")).exit_code == 0
    json.loads((tmp_path / "k.json").read_text())
    # a format asked for is the one written, whatever the name; an unknown suffix: the default
    b = tmp_path / "b.jsonl"
    assert run("export", "--db", str(db), "--format", "csv", "-o", str(b)).exit_code == 0
    assert b.read_text().startswith("story,article,")
    assert run("export", "--db", str(db), "-o", str(tmp_path / "c.txt")).exit_code == 0
    assert (tmp_path / "c.txt").read_text().startswith("story,article,")
    # a suffix naming a format it does not write: CSV under .xlsx is a file Excel refuses
    for name in ("out.xlsx", "out.tsv", "out.json"):
        result = run("export", "--db", str(db), "-o", str(tmp_path / name))
        assert result.exit_code == 2, (name, result.output)
        assert f".{name.split('.')[1]} is not a format export writes (.csv, .jsonl)" in (
            result.output
        )
        assert not (tmp_path / name).exists()
    result = run("suggest", str(SEEDS), "-o", str(tmp_path / "s.json"))
    assert result.exit_code == 2 and not (tmp_path / "s.json").exists()
    # ...unless asked for by name
    xlsx = tmp_path / "out.xlsx"
    assert run("export", "--db", str(db), "--format", "csv", "-o", str(xlsx)).exit_code == 0
    assert xlsx.read_text().startswith("story,article,")


def test_a_compressed_name_is_refused_for_an_export_that_is_not(
    seeded_db: Path, tmp_path: Path
) -> None:
    # `-o labels.csv.gz` wrote plain CSV under a gzip name: `gunzip` and pandas (which reads a
    # .gz name as gzip) refused the file ("Not a gzipped file")
    db, _ = tagged(seeded_db, tmp_path, ana="contradicted")
    for name in ("out.csv.gz", "out.jsonl.bz2", "out.csv.xz", "out.csv.zip", "out.csv.zst"):
        result = run("export", "--db", str(db), "-o", str(tmp_path / name))
        assert result.exit_code == 2, (name, result.output)
        suffix = name.rsplit(".", 1)[1]
        assert f".{suffix} is not a format export writes (.csv, .jsonl)" in result.output
        assert not (tmp_path / name).exists()


def test_suggest_writes_one_record_per_claim_without_a_database(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    result = run("suggest", str(SEEDS), "-o", "s.jsonl")
    assert result.exit_code == 0, result.output
    recs = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert 170 <= len(recs) <= 220
    assert {r["suggested_label"] for r in recs} <= {"consistent", "contradicted", "unverified"}
    assert all(r["suggestion_reason"] for r in recs)
    assert {r["suggestion_confidence"] for r in recs} <= {"high", "medium", "low"}
    assert not (tmp_path / "crossread.db").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "/no/such/folder"], "/no/such/folder"),
        (["export"], "no database"),
        (["stats"], "no database"),
    ],
)
def test_user_errors_are_one_line_with_status_2(tmp_path: Path, args, message) -> None:
    os.chdir(tmp_path)
    proc = crossread(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_file_that_is_not_a_crossread_database_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("my precious notes\n")
    proc = crossread("import", str(SEEDS), "--db", str(db))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert db.read_text() == "my precious notes\n"


def test_export_to_a_missing_folder_fails_cleanly(seeded_db: Path, tmp_path: Path) -> None:
    proc = crossread("export", "--db", str(seeded_db), "-o", str(tmp_path / "nope" / "out.csv"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    assert not (tmp_path / "nope").exists()


def test_a_path_under_a_file_is_said_to_be_under_a_file_not_a_missing_folder(
    seeded_db: Path, tmp_path: Path
) -> None:
    # "folder notes.txt does not exist" sent the user looking for a folder that was a file
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n")
    for args in (
        ("import", str(SEEDS), "--db", str(notes / "x.db")),
        ("export", "--db", str(seeded_db), "-o", str(notes / "out.csv")),
    ):
        proc = crossread(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert f"{notes} is a file, not a folder" in proc.stderr, proc.stderr
    assert notes.read_text() == "mine\n"


def test_export_over_the_database_is_refused_and_the_tags_survive(tmp_path: Path) -> None:
    db = tmp_path / "crossread.db"
    assert run("import", str(SEEDS), "--db", str(db)).exit_code == 0
    store = Store.open(str(db))
    claim = store.claims(store.stories()[0])[0]
    store.set_label(claim.id, "contradicted", "ana")
    store.close()
    proc = crossread("export", "--db", str(db), "-o", str(db))
    assert proc.returncode == 2 and "it is the database" in proc.stderr
    store = Store.open(str(db))
    assert [a.label for a in store.annotations(reviewer="ana")] == ["contradicted"]
    store.close()


def test_suggest_refuses_to_write_over_or_among_the_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "story"
    corpus.mkdir()
    article = corpus / "a.txt"
    article.write_text("The bridge closed on Monday.\n", encoding="utf-8")
    proc = crossread("suggest", str(corpus), "-o", str(article))
    assert proc.returncode == 2 and "is an article of" in proc.stderr
    proc = crossread("suggest", str(corpus), "-o", str(corpus / "new.md"))
    assert proc.returncode == 2
    assert f"is a .md file among the articles in {corpus}, read as one by the next import" in (
        proc.stderr
    )
    assert article.read_text(encoding="utf-8") == "The bridge closed on Monday.\n"
    assert not (corpus / "new.md").exists()
    # an output file beside the articles, or an existing output, is fine
    out = corpus / "suggestions.jsonl"
    out.write_text("old run\n")
    assert crossread("suggest", str(corpus), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text().splitlines()[0])["article"] == "a.txt"


def test_file_names_with_escape_sequences_are_printed_harmlessly(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "evil\x1b[31mred.txt").write_text("A claim with enough words in it to count.\n")
    (story / "bad.bin.txt").write_bytes(b"\x00\x01binary")
    result = run("import", str(story), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0
    assert "\x1b" not in result.output
    assert "skipped" in result.output


def test_suggest_on_a_folder_without_articles_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    proc = crossread("suggest", str(tmp_path / "empty"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("crossread: error: no articles")


def test_a_reader_that_stops_early_gets_no_error_message() -> None:
    # `crossread suggest seeds | head -1`
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "suggest", str(SEEDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert err == ""


def test_names_holding_line_breaks_stay_on_their_line(tmp_path: Path) -> None:
    # a story (folder) or article named with a line break printed it raw: "st" on one line,
    # "fake: 99 stories: 1 story…" on the next, as if it were a line of crossread's own
    story = tmp_path / "st\nfake: 99 stories"
    story.mkdir()
    text = "".join(
        f"Sentence {k} of the report says that the talks in Geneva went on for hours.\n"
        for k in range(4)
    )
    (story / "a.txt").write_text(text)
    (story / "b\nfake.txt").write_text(text)  # a copy: warned about, naming both
    (story / "c\nfake.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\x00\x00\x00")
    db = str(tmp_path / "x.db")
    imported = run("import", str(story), "--db", db)
    assert imported.exit_code == 0, imported.output
    with Store.open(db) as store:
        (name,) = store.stories()
        copy = next(c for c in store.claims(name) if c.article == "b\nfake.txt")
        store.set_label(copy.id, "consistent", "ana")
    suggested = CliRunner().invoke(main, ["suggest", str(story), "-o", str(tmp_path / "s.jsonl")])
    stats = run("stats", "--db", db)
    for result in (imported, suggested, stats):
        lines = result.output.splitlines()
        assert not [line for line in lines if line.startswith("fake")], result.output
    assert f"{str(story)!r}: 1 story" in imported.output
    binary = str(story / "c\nfake.txt")
    assert f"skipped {binary!r}: binary file" in imported.output
    assert "'st\\nfake: 99 stories/b\\nfake.txt': a copy of a.txt" in suggested.output
    assert "  story 'st\\nfake: 99 stori" in stats.output  # (cut with … to fit its column)
    assert "    'b\\nfake.txt'  " in stats.output


def test_a_database_kept_in_its_story_folder_is_not_listed_as_skipped(tmp_path: Path) -> None:
    # every import listed crossread.db and its -wal/-shm among the story's skipped files
    story = tmp_path / "flood"
    story.mkdir()
    (story / "a.txt").write_text("Flood\n\nThe river rose by two metres on Monday.\n")
    (story / "b.txt").write_text("Flood\n\nThe river rose by two metres, police said.\n")
    (story / "notes.pdf").write_bytes(b"%PDF-1.4")  # a file that is not an article is still said
    for db in (story / "crossread.db", f"{story}/../flood/crossread.db"):
        for _ in range(2):
            result = run("import", str(story), "--db", str(db))
            assert result.exit_code == 0, result.output
            assert "crossread.db" not in result.output
            assert "1 file skipped" in result.output and "skipped" in result.output


@pytest.mark.parametrize(
    "paths",
    [
        ["top/st1", "top/st1"],
        ["top/st1", "./top/st1/"],  # one folder by two spellings
        ["top/st1", "top"],  # a story with its folder of stories
        ["top/st1/a.txt", "top/st1"],  # an article with its story (else a story of its own)
        ["top/st1/b.txt", "top"],
    ],
)
def test_a_story_given_twice_is_imported_and_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: list[str]
) -> None:
    story = tmp_path / "top" / "st1"
    story.mkdir(parents=True)
    (story / "a.txt").write_text("Flood\n\nThe river rose by two metres on Monday.\n")
    (story / "b.txt").write_text("Flood\n\nThe river rose by two metres, police said.\n")
    monkeypatch.chdir(tmp_path)
    result = run("import", *paths, "--db", "x.db")
    assert result.exit_code == 0, result.output
    assert result.output.count(": 1 story (0 unchanged), 2 articles (2 new") == 1, result.output
    assert len(result.output.splitlines()) == 1, result.output
    with Store.open("x.db") as store:
        assert store.stories() == ["st1"]


def test_suggest_and_agreement_write_spreadsheet_safe_csv_with_excel(tmp_path: Path) -> None:
    # only `export` had --excel: an article '=HYPERLINK(…).txt' or a reviewer '=evil' in
    # suggest's or agreement's CSV ran as a formula in the spreadsheet it was opened in
    story = tmp_path / "007"
    story.mkdir()
    (story / "=HYPERLINK(A1).txt").write_text("The river rose by two metres.\n")
    (story / "b.txt").write_text("The river rose by three metres.\n")
    db = str(tmp_path / "x.db")
    assert run("import", str(story), "--db", db).exit_code == 0
    with Store.open(db) as store:
        for claim in store.claims("007"):
            for reviewer in ("=evil", "ana"):
                store.set_label(claim.id, "consistent", reviewer)
    agreement = ["agreement", "--db", db, "--by", "story", "--excel"]
    outputs = {
        "suggest": ["suggest", str(story), "--excel", "-o", str(tmp_path / "s.csv")],
        "agreement": [*agreement, "-o", str(tmp_path / "a.csv")],
    }
    for command, args in outputs.items():
        result = run(*args)
        assert result.exit_code == 0, result.output
        raw = (tmp_path / args[-1]).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), command
        with (tmp_path / args[-1]).open(newline="", encoding="utf-8-sig") as f:
            cells = [cell for row in csv.reader(f) for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))], (command, cells)
        assert ("'=evil" if command == "agreement" else "'007") in cells, (command, cells)
        if command == "agreement":
            assert "1.0" in cells  # values stay numbers
    # the exact CSV is unchanged; --excel asks for CSV
    assert run("suggest", str(story), "--format", "csv").output.startswith("story,article,")
    for args in (["suggest", str(story)], ["agreement", "--db", db, "--format", "json"]):
        refused = run(*args, "--excel")
        assert refused.exit_code == 2
        assert "--excel applies to CSV only, not JSON" in refused.output.splitlines()[-1]
