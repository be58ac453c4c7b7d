"""Exports: exact CSV and JSONL round-trips, the spreadsheet-safe mode, safe file writing."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from storyfactory import make_evidence, make_story

from annotations import export
from annotations.export import COLUMNS, export_rows, write_export
from annotations.final_export import write_final_export
from annotations.store import Store, StoreError

HOSTILE = [
    'He said "no", then left.',
    "Costs, fees, and taxes.",
    "Line one\nline two",
    "Windows\r\nline",
    '=HYPERLINK("http://x")',
    "+1 more",
    "-5 degrees",
    "@mention",
    "\ttabbed",
    "Zürich — 東京 — مرحبا 🎉👩‍👩‍👧",
]
NOTES = ["=cmd|' /C calc'!A0", 'a "quoted" note, with commas', "multi\nline\r\nnote", "", "🙂", "-"]


@pytest.fixture
def store(tmp_path):
    story = make_story(
        'hostile, "story"',
        {"a=1.txt": HOSTILE, "b.txt": ["Plain sentence.", "=2+2 is four."]},
    )
    s = Store.open(tmp_path / "w.db")
    s.import_story(story, make_evidence(story))
    b = [c.id for c in story.claims() if c.article == "b.txt"]
    for i, c in enumerate(c for c in story.claims() if c.article == "a=1.txt"):
        s.set_label(c.id, ("consistent", "contradicted", "unverified")[i % 3], "ana")
        s.set_note(c.id, "ana", NOTES[i % len(NOTES)])
        s.toggle_link(c.id, "ana", b[i % 2])
        if i % 2:
            s.toggle_link(c.id, "ana", b[0])
    yield s
    s.close()


def expected(store):
    return list(export_rows(store))


def test_csv_round_trips_hostile_cells(store, tmp_path):
    out = tmp_path / "out.csv"
    n = write_export(store, out)
    assert n == len(HOSTILE)
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == COLUMNS
    assert [r["claim"] for r in rows] == HOSTILE
    assert rows[0]["note"] == NOTES[0]  # a formula stays exact data by default
    assert rows[0]["story"] == 'hostile, "story"'
    for row, ann in zip(rows, store.annotations(), strict=True):
        assert row["label"] == ann.label
        assert row["note"] == ann.note
        assert json.loads(row["evidence_articles"]) == [lk.article for lk in ann.links]
        assert json.loads(row["evidence_text"]) == [lk.text for lk in ann.links]
        assert row["reviewer"] == "ana"
        assert row["updated_at"] == ann.updated_at
        claim = store.claim(ann.claim_id)
        assert (int(row["start"]), int(row["end"])) == (claim.start, claim.end)


def test_excel_mode_has_bom_and_defuses_formulas(store, tmp_path):
    out = tmp_path / "out.csv"
    write_export(store, out, excel=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    by_claim = [r["claim"] for r in rows]
    assert '\'=HYPERLINK("http://x")' in by_claim
    assert "'+1 more" in by_claim and "'-5 degrees" in by_claim
    assert "'@mention" in by_claim and "'\ttabbed" in by_claim
    assert 'He said "no", then left.' in by_claim  # harmless cells unchanged
    assert rows[0]["note"] == "'" + NOTES[0]
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_jsonl_round_trips(store):
    buf = io.StringIO()
    n = write_export(store, buf, fmt="jsonl")
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(rows) == len(HOSTILE)
    assert rows == json.loads(json.dumps(expected(store)))
    assert [r["claim"] for r in rows] == HOSTILE
    assert isinstance(rows[0]["claim_index"], int)


def test_jsonl_is_one_object_per_line_however_lines_are_split(tmp_path):
    # U+2028 (scraped pages carry it), U+2029 and NEL are line breaks to str.splitlines() and
    # to JavaScript before ES2019: written raw, a row read line by line was cut in two
    story = make_story("st", {"a.txt": ["Six people\u2028died.", "Power was out."]})
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, make_evidence(story))
        for c, note in zip(story.claims(), ["one\u2029two", "three\x85four"], strict=True):
            s.set_label(c.id, "consistent", "ana")
            s.set_note(c.id, "ana", note)
            s.decide(c.id, "consistent", "lead", reason=note)
        for final in (False, True):
            out = tmp_path / f"{final}.jsonl"
            if final:
                write_final_export(s, out, fmt="jsonl")
            else:
                write_export(s, out, fmt="jsonl")
            text = out.read_text(encoding="utf-8")
            rows = [json.loads(line) for line in text.splitlines()]
            assert len(rows) == 2
            key = "reason" if final else "note"
            assert [r[key] for r in rows] == ["one\u2029two", "three\x85four"]
            assert rows[0]["claim"] == "Six people\u2028died."


def test_all_claims_adds_unlabelled_claims(store):
    rows = list(export_rows(store, all_claims=True))
    assert len(rows) == len(HOSTILE) + 2
    plain = [r for r in rows if r["claim"] == "Plain sentence."]
    assert plain[0]["label"] is None and plain[0]["reviewer"] is None
    assert list(export_rows(store, reviewer="nobody")) == []


def test_all_claims_unlabelled_claim_has_no_accepted_suggestion(store, tmp_path):
    # nobody labelled "Plain sentence.", so nobody accepted its suggestion either: the cell is
    # missing (empty in CSV, null in JSONL) as the README says, not False as for a label typed
    write_export(store, tmp_path / "all.csv", all_claims=True)
    write_export(store, tmp_path / "all.jsonl", fmt="jsonl", all_claims=True)
    with open(tmp_path / "all.csv", newline="", encoding="utf-8") as f:
        cells = {r["claim"]: r["accepted_suggestion"] for r in csv.DictReader(f)}
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    values = {r["claim"]: r["accepted_suggestion"] for r in map(json.loads, lines)}
    assert cells["Plain sentence."] == "" and values["Plain sentence."] is None
    assert cells[HOSTILE[0]] == "False" and values[HOSTILE[0]] is False


def test_orphans_are_still_exported(tmp_path):
    path = tmp_path / "w.db"
    with Store.open(path) as s:
        story = make_story("s", {"a.txt": ["Kept.", "Removed later."], "b.txt": ["Other."]})
        s.import_story(story, [])
        for c in story.claims():
            s.set_label(c.id, "unverified", "ana")
        story2 = make_story("s", {"a.txt": ["Kept."], "b.txt": ["Other."]})
        s.import_story(story2, [])
        rows = list(export_rows(s))
    assert [r["claim"] for r in rows] == ["Kept.", "Other.", "Removed later."]
    assert rows[-1]["label"] == "unverified" and rows[-1]["start"] is None


@pytest.mark.parametrize("all_claims", [False, True])
def test_exact_csv_is_the_rows_written_cell_by_cell(store, tmp_path, all_claims):
    # the plain CSV export takes a faster path than JSONL and --excel; it must write exactly what
    # the rows say, cell by cell (lists as JSON arrays, None as "", booleans as True/False)
    store.set_label(store.claims('hostile, "story"')[-1].id, "consistent", "bo")
    out = tmp_path / "out.csv"
    write_export(store, out, all_claims=all_claims)
    want = io.StringIO()
    writer = csv.writer(want)
    writer.writerow(COLUMNS)
    for row in export_rows(store, all_claims=all_claims):
        writer.writerow([export.csv_cell(row[c]) for c in COLUMNS])
    assert out.read_bytes().decode() == want.getvalue()
    assert '"[""b.txt"", ""b.txt""]"' in want.getvalue()


def test_export_into_missing_folder_is_refused(store, tmp_path):
    out = tmp_path / "no-such-folder" / "out.csv"
    with pytest.raises(StoreError, match="does not exist"):
        write_export(store, out)
    assert not out.parent.exists()


def test_failed_export_leaves_previous_file_untouched(store, tmp_path, monkeypatch):
    out = tmp_path / "out.csv"
    out.write_text("previous export\n")

    real = export._batches

    def broken_batches(*args, **kwargs):
        yield next(real(*args, **kwargs))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_batches", broken_batches)
    with pytest.raises(StoreError, match="No space left"):
        write_export(store, out)
    assert out.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "w.db", "w.db-shm", "w.db-wal"]


def test_export_to_stdout(store, capsys):
    assert write_export(store, "-", fmt="jsonl") == len(HOSTILE)
    assert len(capsys.readouterr().out.splitlines()) == len(HOSTILE)


def test_bad_format_is_refused(store, tmp_path):
    with pytest.raises(StoreError, match="unknown export format"):
        write_export(store, tmp_path / "x.xlsx", fmt="xlsx")
    with pytest.raises(StoreError, match="CSV only"):
        write_export(store, tmp_path / "x.jsonl", fmt="jsonl", excel=True)
    assert not (tmp_path / "x.xlsx").exists()


ODD_LINKS = [
    [
        {
            "claim_id": "x",
            "article": "a.txt",
            "text": 'quote " back \\ tab \t nl \n \x01 é 😀 \u2028',
        }
    ],
    [{"claim_id": "x", "article": "a.txt", "text": "one"}, {"article": "b.txt", "text": "two"}],
    [{"article": 1, "text": 2.5}],  # not strings: JSON numbers in the cells
    [{"article": ["a"], "text": {"k": "v"}}],
]


@pytest.mark.parametrize("spacing", ["compact", "indented", "leading space"])
@pytest.mark.parametrize("links", ODD_LINKS)
def test_evidence_cells_are_the_links_as_json(store, tmp_path, links, spacing):
    # links written by other tools: the cells are still json.dumps of the two lists
    text = {
        "compact": json.dumps(links, separators=(",", ":")),
        "indented": json.dumps(links, indent=1),
        "leading space": " " + json.dumps(links),
    }[spacing]
    claim_id = store.annotations()[0].claim_id
    store.conn.execute(
        "UPDATE annotations SET links = ? WHERE claim_id = ? AND reviewer = 'ana'", (text, claim_id)
    )
    out = tmp_path / "out.csv"
    write_export(store, out)
    with out.open(newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["claim_id"] == claim_id)
    assert row["evidence_articles"] == json.dumps(
        [lk["article"] for lk in links], ensure_ascii=False
    )
    assert row["evidence_text"] == json.dumps([lk["text"] for lk in links], ensure_ascii=False)


def test_rows_come_in_reading_order(tmp_path):
    with Store.open(tmp_path / "w.db") as s:
        first = make_story("s1", {"z.txt": ["Zed one.", "Zed two.", "Gone."], "a.txt": ["Aye."]})
        s.import_story(first, [])
        z1, z2, gone, aye = (c.id for c in first.claims())
        s.set_label(aye, "unverified", "bo")
        for reviewer in ("carl", "ana"):
            s.set_label(z2, "consistent", reviewer)
        s.set_label(z1, "contradicted", "bo")
        s.set_label(gone, "unverified", "ana")
        later = make_story("s0", {"b.txt": ["Bee."]})  # imported later, sorts first
        s.import_story(later, [])
        s.set_label(later.claims()[0].id, "consistent", "ana")
        # "Gone." vanishes: its annotation is an orphan, after its story's claims
        s.import_story(make_story("s1", {"z.txt": ["Zed one.", "Zed two."], "a.txt": ["Aye."]}), [])
        rows = [(r["story"], r["claim"], r["reviewer"]) for r in export_rows(s)]
        assert rows == [
            ("s0", "Bee.", "ana"),
            ("s1", "Zed one.", "bo"),  # z.txt is the story's first article, a.txt its second
            ("s1", "Zed two.", "ana"),
            ("s1", "Zed two.", "carl"),
            ("s1", "Aye.", "bo"),
            ("s1", "Gone.", "ana"),
        ]
        mine = [(r["claim"], r["label"]) for r in export_rows(s, all_claims=True, reviewer="ana")]
        assert mine == [
            ("Bee.", "consistent"),
            ("Zed one.", None),
            ("Zed two.", "consistent"),
            ("Aye.", None),
            ("Gone.", "unverified"),
        ]
        out = tmp_path / "out.csv"
        write_export(s, out)
        with out.open(newline="", encoding="utf-8") as f:
            assert [(r["story"], r["claim"], r["reviewer"]) for r in csv.DictReader(f)] == rows


def test_an_export_whose_reader_stops_early_ends_quietly(tmp_path: Path) -> None:
    # `crossread export --format jsonl | head -1`: the export's read was left open until the
    # interpreter collected it, after the database was closed ("Exception ignored … Cannot
    # operate on a closed database" on the terminal)
    from reader.cli.main import bundled_seeds

    db = str(tmp_path / "x.db")
    imported = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(bundled_seeds()), "--db", db],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert imported.returncode == 0
    for fmt in (["--format", "jsonl"], ["--excel"], []):
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "export", "--all", *fmt, "--db", db],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
        )  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()  # the header (more rows than a pipe holds follow)
        proc.stdout.close()  # the reader goes away
        err = proc.stderr.read().decode()
        proc.wait(timeout=60)
        assert "Exception" not in err and "Traceback" not in err, err


def test_a_missing_value_is_empty_in_csv_and_null_in_jsonl(tmp_path):
    # JSONL wrote an empty note, URL and date as "" (and an orphan's lost title and source),
    # while the rest of a missing value (label, reviewer, suggestion) was null: a reader had
    # to test for both
    with Store.open(tmp_path / "w.db") as s:
        story = make_story(
            "s", {"a.txt": ["Kept.", "Noted."], "b.txt": ["Other."], "c.txt": ["Gone later."]}
        )
        s.import_story(story, make_evidence(story))
        kept, noted, _other, gone = (c.id for c in story.claims())
        s.set_label(kept, "consistent", "ana")  # no note
        s.set_label(noted, "contradicted", "ana")
        s.set_note(noted, "ana", "checked")
        s.set_note(noted, "ana", "")  # a note deleted: none
        s.set_label(gone, "unverified", "ana")
        s.import_story(make_story("s", {"a.txt": ["Kept.", "Noted."], "b.txt": ["Other."]}), [])
        for all_claims in (False, True):
            buf = io.StringIO()
            write_export(s, buf, fmt="jsonl", all_claims=all_claims)
            rows = [json.loads(line) for line in buf.getvalue().splitlines()]
            out = tmp_path / "out.csv"
            write_export(s, out, all_claims=all_claims)
            with out.open(newline="", encoding="utf-8") as f:
                cells = list(csv.DictReader(f))
            assert len(rows) == len(cells) == (4 if all_claims else 3)
            for row, cell in zip(rows, cells, strict=True):
                for column in COLUMNS:
                    assert row[column] != "", (column, row)  # null, never ""
                    missing = row[column] is None or row[column] == []
                    assert (cell[column] == "") == missing, (column, row[column], cell[column])
            assert [r["note"] for r in rows[:2]] == [None, None]
            assert rows[0]["url"] is None and rows[0]["published"] is None
            orphan = rows[-1]
            assert orphan["claim"] == "Gone later." and orphan["title"] is None
            assert orphan["evidence_articles"] == []  # (a list: empty, not null)


def test_excel_mode_keeps_a_claim_id_of_digits_from_becoming_a_number(tmp_path):
    # a spreadsheet read '5717729756794072' as 5.71773E+15 and '03185195003699e2' as
    # 3.18520E+14: the id no longer named its claim (about 1 id in 1,000 is of digits)
    from reader.corpus.claim_ids import claim_id

    texts = ["The river rose by 4860 centimetres.", "The river rose by 1832 centimetres."]
    assert [claim_id("flood", "a.txt", t) for t in texts] == [
        "5717729756794072", "03185195003699e2"]  # fmt: skip
    story = make_story("flood", {"a.txt": texts, "b.txt": ["The river rose."]})
    with Store.open(tmp_path / "f.db") as s:
        s.import_story(story, make_evidence(story))
        for c in story.claims():
            s.set_label(c.id, "consistent", "ana")
        write_export(s, tmp_path / "x.csv", excel=True)
        write_export(s, tmp_path / "exact.csv")
    with (tmp_path / "x.csv").open(newline="", encoding="utf-8-sig") as f:
        ids = [r["claim_id"] for r in csv.DictReader(f)][:2]
    assert ids == ["'5717729756794072", "'03185195003699e2"]
    with (tmp_path / "exact.csv").open(newline="", encoding="utf-8") as f:
        assert [r["claim_id"] for r in csv.DictReader(f)][:2] == [
            "5717729756794072", "03185195003699e2"]  # fmt: skip


# Text a spreadsheet reads as a number, date, time, percentage, sum or truth value: opened from a
# CSV it became 7, 42, the 2nd of January, 3.5, 0.05, a boolean…, no longer what was written
VALUE_LIKE = [
    "007", "0042", "1/2", "3.50", "1,5", "TRUE", "false", "12:30", "5%", "Jan 10", "1e5",
    "$5", "(5)", "1 1/2", "10.1.2022", "3 pm",
]  # fmt: skip
TEXT = ["Text.", "12 people died.", "May", "1st", "TRUE story", "e5", "Oct. sales"]


def test_excel_mode_keeps_text_that_reads_as_a_number_or_date_as_written(tmp_path):
    story = make_story("007", {"a.txt": [f"Claim {k}." for k in range(len(VALUE_LIKE + TEXT))]})
    story.articles[0].published = "10/01/2022"  # as the front matter wrote it (day first)
    with Store.open(tmp_path / "v.db") as s:
        s.import_story(story, [])
        for c, note in zip(story.claims(), VALUE_LIKE + TEXT, strict=True):
            s.set_label(c.id, "consistent", "0042")
            s.set_note(c.id, "0042", note)
            s.decide(c.id, "consistent", "007")
        write_export(s, tmp_path / "x.csv", excel=True, all_claims=True)
        write_final_export(s, tmp_path / "f.csv", excel=True)
    with (tmp_path / "x.csv").open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["note"] for r in rows] == ["'" + v for v in VALUE_LIKE] + TEXT
    assert {(r["story"], r["reviewer"], r["published"]) for r in rows} == {
        ("'007", "'0042", "'10/01/2022")
    }
    # crossread's own numbers and truth values stay numbers
    assert [r["claim_index"] for r in rows[:3]] == ["0", "1", "2"]
    assert {r["accepted_suggestion"] for r in rows} == {"False"}
    with (tmp_path / "f.csv").open(newline="", encoding="utf-8-sig") as f:
        finals = list(csv.DictReader(f))
    assert [r["note:0042"] for r in finals] == ["'" + v for v in VALUE_LIKE] + TEXT
    assert {r["decided_by"] for r in finals} == {"'007"}


# A spreadsheet cell holds 32,767 characters, counted as UTF-16 does (an emoji is two): a longer
# cell opened from a CSV was cut without a word, or spilled into the rows below
CELL = 32_767


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("workers", [False, True])
def test_excel_mode_cuts_a_cell_longer_than_a_spreadsheet_holds_and_says_so(
    tmp_path, monkeypatch, workers
):
    from click.testing import CliRunner

    from annotations import export_pool
    from reader.cli.main import main

    long_notes = {"s1": "=" + "x" * 40_000, "s2": "🙂" * 20_000}  # 40,001 and 40,000 units
    db = tmp_path / "long.db"
    with Store.open(db) as s:
        for name, note in long_notes.items():
            story = make_story(name, {"a.txt": ["One.", "Two."], "b.txt": ["Three."]})
            s.import_story(story, [])
            first, second = story.claims()[:2]
            s.set_label(first.id, "consistent", "ana")
            s.set_note(first.id, "ana", note)
            s.set_label(second.id, "unverified", "ana")
            s.set_note(second.id, "ana", "y" * CELL)  # just fits: kept whole
    if workers:  # a range of stories per worker process
        monkeypatch.setattr(export_pool, "PARALLEL_ROWS", 1)
        monkeypatch.setattr(export_pool, "RANGE_ROWS", 1)
    pooled = []
    real = export_pool.write_ranges
    monkeypatch.setattr(export_pool, "write_ranges", lambda *a: pooled.append(a[3]) or real(*a))
    for final in (False, True):
        out = tmp_path / f"{final}.csv"
        args = ["export", "--excel", "--db", str(db), "-o", str(out)]
        result = CliRunner().invoke(main, args + ["--final"] * final, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert (
            "warning: 2 cells are longer than a spreadsheet cell holds (32,767 characters): "
            "each is cut there, ending in '…[cut: …]'; the export without --excel has them whole"
        ) in result.output
        with out.open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        notes = [r["note:ana" if final else "note"] for r in rows]
        assert notes[1] == notes[3] == "y" * CELL
        for cell, whole in zip((notes[0], notes[2]), long_notes.values(), strict=True):
            assert _units(cell) <= CELL and cell.startswith(("'=xxx", "🙂🙂🙂"))
            kept, _, said = cell.partition("…[cut: ")
            assert whole.startswith(kept.removeprefix("'")) and _units(kept) > CELL - 200
            assert said.startswith(f"{len(whole):,} characters")
    assert [len(ranges) for ranges in pooled] == ([2] if workers else [])  # (--final: one process)
    # the exact CSV has every character, and says nothing
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(tmp_path / "x.csv")])
    assert "warning" not in result.output
    with (tmp_path / "x.csv").open(newline="", encoding="utf-8") as f:
        assert [r["note"] for r in csv.DictReader(f)][::2] == list(long_notes.values())


def test_excel_mode_defuses_a_formula_after_a_line_feed_or_nul(tmp_path):
    # OWASP lists a leading line feed beside tab and CR, ASVS a NUL: a spreadsheet skips them
    # and runs what follows. A note pasted with its line break first started with one
    story = make_story("s", {"a.txt": ["One.", "Two.", "Three."]})
    notes = ['\n=HYPERLINK("http://x","y")', "\x00=1+1", "\r\n@SUM(A1)"]
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, [])
        for c, note in zip(story.claims(), notes, strict=True):
            s.set_label(c.id, "consistent", "ana")
            s.set_note(c.id, "ana", note)
        write_export(s, tmp_path / "x.csv", excel=True)
    # (read with the NUL swapped out: Python 3.10's csv reader refuses a line holding one)
    with (tmp_path / "x.csv").open(newline="", encoding="utf-8-sig") as f:
        text = f.read().replace("\x00", "\ufdd0")
    got = [
        r["note"].replace("\ufdd0", "\x00") for r in csv.DictReader(io.StringIO(text, newline=""))
    ]
    assert got == ["'" + note for note in notes]


@pytest.mark.parametrize("imported", ["now", "before sources"])
def test_an_article_without_an_outlet_is_exported_under_its_whole_file_name(tmp_path, imported):
    # its source is its file name without the extension: the name cut to 24 characters for the
    # screen ('2022-01-10_reuters_stor…') was exported, and two articles whose names share a
    # long start were one source to a script counting claims per outlet
    from reader.corpus.loader import load_corpus

    names = ["2022-01-10_reuters_storm_first.txt", "2022-01-10_reuters_storm_update.txt"]
    sentences = [["The storm hit the coast."], ["The storm struck the coast."]]
    if imported == "now":  # the source stored is the name as the screen shows it
        folder = tmp_path / "s"
        folder.mkdir()
        for name, text in zip(names, sentences, strict=True):
            (folder / name).write_text(text[0] + "\n", encoding="utf-8")
        story = load_corpus(folder).stories[0]
        assert [a.source for a in story.articles] == ["2022-01-10_reuters_stor…"] * 2
    else:  # no source stored
        story = make_story("s", dict(zip(names, sentences, strict=True)))
    named = make_story("t", dict(zip(names, sentences, strict=True)))  # the same file names
    for article, outlet in zip(named.articles, ["BBC", "CNN"], strict=True):
        article.source = outlet
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, [])
        s.import_story(named, [])
        for c in story.claims() + named.claims():
            s.set_label(c.id, "consistent", "ana")
        rows = list(export_rows(s))
        buf = io.StringIO()
        write_final_export(s, buf, fmt="jsonl")
    sources = ["2022-01-10_reuters_storm_first", "2022-01-10_reuters_storm_update", "BBC", "CNN"]
    assert [r["source"] for r in rows] == sources
    assert [json.loads(line)["source"] for line in buf.getvalue().splitlines()] == sources
