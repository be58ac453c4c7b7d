"""The command word: mistyped commands are named as such; shell completion offers commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def crossread(*args: str, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})}, cwd=cwd,
    )  # fmt: skip


def two_article_story(story: Path) -> None:
    story.mkdir()
    (story / "a.txt").write_text("Flood\n\nThe river rose.\n")
    (story / "b.txt").write_text("Flood\n\nThe river rose by two metres.\n")


def test_a_mistyped_command_is_called_one_and_the_nearest_is_suggested(tmp_path: Path) -> None:
    for typo, meant in (("exprot", "export"), ("imprt", "import"), ("stat", "stats")):
        proc = crossread(typo, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr.strip() == (
            f"crossread: error: no such command: {typo} (did you mean `crossread {meant}`?)"
        )
    assert list(tmp_path.iterdir()) == []  # and no database was created for it


def test_a_folder_named_like_a_command_typo_still_opens_as_a_path(tmp_path: Path) -> None:
    (tmp_path / "exprot").mkdir()
    proc = crossread("exprot", "--db", "x.db", cwd=tmp_path)
    assert "no such command" not in proc.stderr and "no articles" in proc.stderr


def complete(words: str, cword: int) -> list[str]:
    env = {"_CROSSREAD_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    proc = crossread(env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_shell_completion_offers_the_subcommands_and_their_options() -> None:
    assert "plain,export" in complete("crossread ex", 1)
    first = complete("crossread ", 1)
    for command in ("open", "import", "export", "stats", "suggest"):
        assert f"plain,{command}" in first
    assert "file," in first  # `crossread PATH` still completes paths
    assert "plain,--format" in complete("crossread export --f", 2)


def test_shell_completion_completes_paths_after_every_option_naming_a_file() -> None:
    # `crossread export -o ~/Doc<TAB>` completed nothing: --db and -o took any text, and bash
    # falls back to file names only when told the word is a file
    for words in (
        "crossread --db ",
        "crossread import --db ",
        "crossread export -o ",
        "crossread export --db ",
        "crossread stats --db ",
        "crossread suggest seeds -o ",
        "crossread agreement --output ",
        "crossread merge a.db -o ",
        "crossread merge a.db --prefer ",
        "crossread open --guidelines ",
    ):
        assert complete(words, len(words.split())) == ["file,"], words


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path: Path) -> None:
    # `crossread import "$STORIES"` with the variable unset: Path("") is ".", which held a
    # story folder here and would have been imported, the database among its "articles"
    two_article_story(tmp_path / "story")
    for args, message in (
        (["import", "", "--db", "x.db"], "no file or folder given: the path is empty"),
        (["", "--db", "x.db"], "no file or folder given: the path is empty"),
        (["suggest", ""], "no file or folder given: the path is empty"),
        (["stats", "--db", ""], "no database given: the path is empty"),
        (["import", "story", "--db", ""], "no database given: the path is empty"),
        (["merge", "", "-o", "team.db"], "no database given: the path is empty"),
    ):
        proc = crossread(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.strip() == f"crossread: error: {message}", args
        assert sorted(p.name for p in tmp_path.iterdir()) == ["story"], args  # nothing made
    assert crossread("import", "story", "--db", "x.db", cwd=tmp_path).returncode == 0
    proc = crossread("export", "--db", "x.db", "-o", "", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "crossread: error: no output file given: the path is empty"


def test_a_size_limit_that_is_no_number_is_a_usage_error(tmp_path: Path) -> None:
    for value in ("nan", "inf", "1e13", "1e300"):  # (1e13 MB overflowed the read: a traceback)
        proc = crossread("suggest", str(tmp_path), "--max-mb", value)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert "is not a number of megabytes" in proc.stderr or "range" in proc.stderr


def test_a_negative_bootstrap_seed_is_a_usage_error(tmp_path: Path) -> None:
    proc = crossread("agreement", "--db", "x.db", "--seed", "-1", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "--seed" in proc.stderr


def test_more_jobs_than_the_machine_can_run_is_a_usage_error(tmp_path: Path) -> None:
    # `--jobs 5000` (a typo for 5) forked 5,000 worker processes of some hundred MB each
    from reader.processes import usable_cores

    story = tmp_path / "s"
    two_article_story(story)
    too_many = str(4 * usable_cores() + 1)
    for command in (["import", str(story), "--db", "x.db"], ["suggest", str(story)]):
        proc = crossread(*command, "--jobs", too_many, cwd=tmp_path)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert f"'-j': {too_many} is more than" in proc.stderr and "cores" in proc.stderr
        assert not (tmp_path / "x.db").exists()
    # the machine's own count, or a few more, is taken
    assert (
        crossread("suggest", str(story), "-j", str(usable_cores() + 1), cwd=tmp_path).returncode
        == 0
    )


def test_an_empty_database_variable_is_refused_like_an_empty_db(tmp_path: Path) -> None:
    # `export CROSSREAD_DB=$TEAM_DB` with TEAM_DB unset quietly used ./crossread.db
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a.txt").write_text("Flood\n\nThe river rose.\n")
    for args in (["import", "story"], ["stats"]):
        proc = crossread(*args, env={"CROSSREAD_DB": ""}, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.strip() == (
            "crossread: error: no database given: $CROSSREAD_DB is set but empty (unset it, or "
            "give a path)"
        )  # it said "the path is empty", naming no variable the user could look at
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


def test_a_command_after_the_apps_options_is_named_as_a_command(tmp_path: Path) -> None:
    # `crossread --db x.db stats` said "no such file or folder: stats"
    proc = crossread("--db", "x.db", "stats", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "crossread: error: stats is a command: give its options after it "
        "(`crossread stats --db ...`)"
    )


def test_commands_with_standard_output_closed_say_so_in_one_line(tmp_path: Path) -> None:
    # `crossread export >&-` ended in a traceback (sys.stdout is None), so did import's summary
    two_article_story(tmp_path / "story")
    closed = {"stdout": None, "preexec_fn": lambda: os.close(1)}
    run = [sys.executable, "-m", "reader"]
    opts = {"cwd": tmp_path, "stderr": subprocess.PIPE, "text": True, "timeout": 60}
    proc = subprocess.run([*run, "import", "story", "--db", "x.db"], **opts, **closed)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr  # the summary goes nowhere
    for args in (["export", "--db", "x.db"], ["suggest", "story"]):
        proc = subprocess.run([*run, *args], **opts, **closed)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.strip() == (
            "crossread: error: standard output is closed: give -o FILE to write to a file"
        )


def test_export_of_a_reviewer_with_no_annotations_names_those_there_are(tmp_path: Path) -> None:
    two_article_story(tmp_path / "story")
    assert crossread("import", "story", "--db", "x.db", cwd=tmp_path).returncode == 0
    # a mistyped name gave an export of no rows, as if nothing were labelled
    proc = crossread("export", "--db", "x.db", "--reviewer", "anna", "-o", "out.csv", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "crossread: error: no annotations by anna (reviewers: none)"
    assert not (tmp_path / "out.csv").exists()


def test_a_usage_error_is_one_line_that_says_where_the_usage_is(tmp_path: Path) -> None:
    # click's took four lines: the usage, a hint, a blank line, then the error
    for args, said in (
        (("import", "--quiet", "x"), "No such option '--quiet' (see `crossread import --help`)"),
        (
            ("export", "--format", "xls"),
            "Invalid value for '--format': 'xls' is not one of 'csv', 'jsonl' "
            "(see `crossread export --help`)",
        ),
        (
            ("stats", "--db", "c.db", "--bogus"),
            "No such option '--bogus' (see `crossread stats --help`)",
        ),
    ):
        proc = crossread(*args, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr == f"crossread: error: {said}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_database_path_ending_in_a_slash_is_named_so(tmp_path: Path) -> None:
    # `stats --db new.db/` advised "run `crossread import PATH --db new.db/` first", which is
    # then refused: the slash is the mistake
    for args in (["stats"], ["export"]):
        proc = crossread(*args, "--db", "new.db/", cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.strip() == (
            "crossread: error: new.db/ ends in /: it names a folder, not a database file"
        )


def test_paths_from_standard_input_on_a_terminal_is_refused_not_waited_for(tmp_path: Path) -> None:
    # `--paths0-from -` typed at a terminal waited, showing nothing, for NUL-ended paths no one
    # types there: the paths come through a pipe (`find -print0 |`) or a file
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reader", "import", "--paths0-from", "-",
             "--db", str(tmp_path / "x.db")],
            stdin=follower, capture_output=True, text=True, timeout=20,
        )  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2, proc.stderr
    line = proc.stderr.strip()
    assert line.startswith("crossread: error: --paths0-from -: standard input is a terminal")
    assert "find STORIES" in line and "-print0 | crossread import --paths0-from -" in line
    assert "\n" not in line and not (tmp_path / "x.db").exists()


def test_a_database_given_as_the_path_says_to_give_it_with_db(tmp_path: Path) -> None:
    # `crossread labels.db` (or `import labels.db`), --db forgotten, said only "binary file
    # (NUL or other non-text bytes near its start)"
    two_article_story(tmp_path / "story")
    assert crossread("import", "story", "--db", "labels.db", cwd=tmp_path).returncode == 0
    before = (tmp_path / "labels.db").read_bytes()
    for args in (["import", "labels.db"], ["labels.db"], ["suggest", "labels.db"]):
        proc = crossread(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.strip() == (
            "crossread: error: labels.db is an SQLite database, not an article: to open it or "
            "import into it, give it as --db labels.db"
        ), args
    assert (tmp_path / "labels.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.db", "story"]
