"""Sources: front matter (read as data, never executed), outlet lines, file names; stored,
migrated and exported."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from olddb import downgrade_to_v4

from annotations import schema
from annotations.export import COLUMNS, write_export
from annotations.store import Store
from reader.corpus.loader import build_article
from reader.corpus.sources import find_source, parse_front_matter, short_file_name
from reader.pipeline import import_path

FRONT = b"""---
source: BBC News
url: https://www.bbc.co.uk/news/world-europe-59930467
published: 2022-01-10
title: Russia and US hold talks
---
US and Russia hold talks in Geneva

Officials met for eight hours on Monday. Both sides said they would talk again.
"""


def test_front_matter_gives_the_source_and_stays_boilerplate_with_offsets_intact() -> None:
    article = build_article("geneva", "bbc.md", "bbc.md", FRONT)
    assert (article.source, article.published) == ("BBC News", "2022-01-10")
    assert article.url == "https://www.bbc.co.uk/news/world-europe-59930467"
    assert article.title == "Russia and US hold talks"
    assert article.text == FRONT.decode()  # the block stays in the text
    assert [c.text for c in article.claims] == [
        "US and Russia hold talks in Geneva",
        "Officials met for eight hours on Monday.",
        "Both sides said they would talk again.",
    ]
    assert all(article.text[c.start : c.end] == c.text for c in article.claims)
    marked = [article.text[s:e] for s, e in article.boilerplate]
    assert marked[:2] == ["---", "source: BBC News"] and "---" in marked[5:]


def test_hostile_front_matter_is_read_as_literal_text_and_never_run(tmp_path: Path) -> None:
    canary = tmp_path / "ran"
    block = (
        "---\n"
        f'source: !!python/object/apply:os.system ["touch {canary}"]\n'
        'url: "[@click=app.quit]x[/] \\x1b]0;pwned\\x07"\n'
        "published: !!python/name:os.system\n"
        "---\n"
    )
    meta = parse_front_matter(block.rstrip("\n"))
    assert not canary.exists()
    assert meta["source"] == f'!!python/object/apply:os.system ["touch {canary}"]'
    assert meta["published"] == "!!python/name:os.system"
    assert meta["url"] == "[@click=app.quit]x[/] \\x1b]0;pwned\\x07"  # as typed, not decoded
    # valid YAML that decodes to control characters: they are replaced, never kept
    meta = parse_front_matter('---\nsource: "[b]Evil\\x1b[31m\\u202e"\n---')
    assert meta["source"] == "[b]Evil\ufffd[31m\ufffd"


def test_an_obvious_outlet_line_or_the_file_name_when_there_is_no_front_matter() -> None:
    text = "Talks end\n\nTribune News Service\n\nThe talks ended on Monday.\n"
    spans = [(11, 31)]
    assert find_source(text, "x.txt", spans)[0].name == "Tribune News Service"
    text = "Talks end\n\nThe talks ended.\n\nCopyright © 2022 Dow Jones & Company, Inc. All rights"
    start = text.index("Copyright")
    assert find_source(text, "x.txt", [(start, len(text))])[0].name == "Dow Jones & Company"
    assert find_source("Talks end\n\nThey ended.", "000_841ac63cb8323543.txt", [])[0].name == (
        "000_841ac63cb8323543"
    )
    # a saved page's title line, headline then outlet
    page = (
        "Ferry capsizes off Karsby, killing 12 | Reuters\n\nFerry capsizes off Karsby, killing 12"
        "\n\nThe ferry sank on Tuesday.\n"
    )
    from reader.corpus.loader import build_article

    assert build_article("s", "x.txt", "x.txt", page.encode()).source == "Reuters"
    assert build_article("s", "y.txt", "y.txt", page.replace("|", "-").encode()).source == (
        "Reuters"
    )
    assert short_file_name("a-very-long-file-name-from-a-scraper-0123.txt", 16) == (
        "a-very-long-fil…"
    )
    assert short_file_name("[red]evil[/red].txt") == "[red]evil[/red]"


def test_sources_are_stored_exported_and_old_databases_migrate(tmp_path: Path) -> None:
    story = tmp_path / "geneva"
    story.mkdir()
    (story / "bbc.md").write_bytes(FRONT)
    (story / "plain-file-name.txt").write_text("Talks end\n\nThe talks ended on Monday.\n")
    db = str(tmp_path / "r.db")
    with Store.open(db) as store:
        import_path(store, story)
        rows = {a.name: a for a in store.articles("geneva")}
        assert rows["bbc.md"].source == "BBC News"
        claim = store.claims("geneva", "bbc.md")[0]
        store.set_label(claim.id, "consistent", "ana")
        out = io.StringIO()
        write_export(store, out, all_claims=True)
    assert {"source", "url", "published"} <= set(COLUMNS)
    exported = list(csv.DictReader(io.StringIO(out.getvalue())))
    by_article = {r["article"]: r for r in exported}
    assert by_article["bbc.md"]["source"] == "BBC News"
    assert by_article["bbc.md"]["published"] == "2022-01-10"
    assert by_article["plain-file-name.txt"]["source"] == "plain-file-name"
    # a version 3 database (before sources) migrates and keeps its labels
    conn = sqlite3.connect(db)
    downgrade_to_v4(conn)
    for column in ("source", "url", "published"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("UPDATE crossread_meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert schema.stored_version(store.conn) == schema.SCHEMA_VERSION
        assert store.annotation(claim.id, "ana").label == "consistent"
        assert {a.source for a in store.articles("geneva")} == {""}  # until the next import


BROKEN = [
    # (front matter, the line of the file named): an unclosed quote, a colon in a plain value,
    # a tag that is not data, a bad indent
    ('source: BBC News\ntitle: "Talks in Geneva\nurl: https://bbc.co.uk/x\n', 3),
    ("source: BBC News\ntitle: Talks: day one\n", 3),
    ("source: !!python/name:os.system\n", 2),
    ("source: BBC News\n  url: https://bbc.co.uk/x\npublished: 2022-01-10\n", 3),
]


def test_front_matter_that_is_not_yaml_imports_with_a_one_line_warning(tmp_path: Path) -> None:
    # it was read line by line without a word: the user never learnt that the block was broken
    # (a title left unquoted, say) nor which of its values were guessed from lines
    for block, line in BROKEN:
        data = f"---\n{block}---\nOfficials met for eight hours on Monday.\n".encode()
        article = build_article("geneva", "bbc.txt", "bbc.txt", data)
        assert article.source.startswith(("BBC News", "!!python"))  # (read as it was)
        assert article.claims[0].text == "Officials met for eight hours on Monday."
        [warning] = article.warnings
        assert warning == (
            f"front matter is not valid YAML (line {line}): its key: value lines were read "
            "as plain text"
        ), block
    good = build_article("geneva", "bbc.md", "bbc.md", FRONT)
    assert good.warnings == []


def test_import_and_suggest_print_the_front_matter_warning_and_the_store_keeps_it(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    story = tmp_path / "geneva"
    story.mkdir()
    (story / "bbc.txt").write_text(
        "---\nsource: BBC News\ntitle: Talks: day one\n---\nOfficials met on Monday.\n"
    )
    (story / "ap.txt").write_text("Officials met on Monday in Geneva.\n")
    expected = (
        "geneva/bbc.txt: front matter is not valid YAML (line 3): its key: value lines were "
        "read as plain text"
    )
    db = tmp_path / "w.db"
    for args in (["import", str(story), "--db", str(db)], ["suggest", str(story)]):
        proc = subprocess.run(
            [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
        said = proc.stdout + proc.stderr
        assert f"warning {expected}" in said and "Traceback" not in said, said
        assert "mapping values" not in said  # (no YAML library wording)
    with Store.open(db, create=False, read_only=True) as s:
        [bbc] = [a for a in s.articles("geneva") if a.name == "bbc.txt"]
        assert bbc.warnings == (expected.split(": ", 1)[1],)


def test_front_matter_values_are_kept_as_written() -> None:
    # YAML's implicit types rewrote them: a title "3.10" became "3.1", an outlet "007" became
    # "7", "yes" became "True" and a time lost its "T"
    meta = parse_front_matter(
        "---\ntitle: 3.10\nsource: 007\nurl: yes\npublished: 2022-01-10T09:30:00Z\n---"
    )
    assert meta == {
        "title": "3.10",
        "source": "007",
        "url": "yes",
        "published": "2022-01-10T09:30:00Z",
    }
    # an empty value is still no value, as YAML means it
    assert parse_front_matter("---\nsource: ~\ntitle: null\nurl:\n---") == {}
