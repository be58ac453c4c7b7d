"""Exports of the annotations to CSV and JSONL, for spreadsheets, pandas and model training.

Columns are `COLUMNS`. Linked evidence goes in two columns:
- `evidence_articles`: the linked sentences' article names,
- `evidence_text`: the linked sentences,
both in link order. In JSONL they are lists of strings. In CSV each is a JSON array of strings
(`json.loads` gives the list back exactly, whatever the sentences contain), or "" when nothing
is linked. Missing values (no note, URL, date, suggestion; a claim nobody annotated has no
`accepted_suggestion`) are "" in CSV and null in JSONL, never ""; `claim_index`, `start`, `end` are
integers (null/"" for orphans, whose claim no longer exists; their claim text is the snapshot
kept with the annotation).

The default CSV is exact data. `excel=True` adds a UTF-8 BOM and prefixes cells that a
spreadsheet would run as a formula (leading = + - @ tab CR LF NUL), or read as a number, date or
truth value where the text was not one ('007', '1/2'), with a single quote, and cuts a cell
longer than a spreadsheet cell holds, saying so in it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import closing
from json.encoder import encode_basestring
from pathlib import Path
from typing import TextIO

from annotations import export_pool
from annotations.damage import check, is_int
from annotations.damage import row as damaged_row
from annotations.export_pool import EVERY_STORY, Stories
from annotations.output import (
    FORMATS,
    Written,
    csv_cell,
    csv_writer,
    open_output,
    write_header,
    write_rows,
)
from annotations.schema import CONFIDENCE_OF, LABEL_OF
from annotations.store import Store, read_transaction
from reader.corpus.decode import restore_undecodable
from reader.corpus.sources import data_source
from reader.models import CONFIDENCES, LABELS

COLUMNS = [
    "story", "article", "title", "source", "url", "published", "claim_id", "claim_index", "start",
    "end", "claim", "label",
    "note", "evidence_articles", "evidence_text", "reviewer", "suggested_label",
    "suggestion_reason", "suggestion_confidence", "accepted_suggestion", "updated_at",
]  # fmt: skip

_SURE = frozenset(CONFIDENCES)

__all__ = ["COLUMNS", "FORMATS", "csv_cell", "export_rows", "write_export"]


# One query for the whole export, in reading order: each story's claims (article position, claim
# index) with their annotations (by reviewer), then the story's orphaned annotations. The k*
# columns are the sort keys (k0, k4-k7 are also cells: fewer values to fetch; a reviewer filter
# leaves at most one row per claim, so sorting by the coalesced reviewer sorts as by the
# annotation's); SQLite sorts, Python only formats each row as it comes.
# A claim's text is NULL when it is its article's text at its offsets (schema step 7): the
# decoder cuts it from the article (column 21), read once per article.
# `stories` keeps a range of stories (the first sort key, so a range's rows are a run of the
# whole export's rows): from :lo (None: the first) to before :hi (None: past the last).
def _claim_rows(stories: Stories = EVERY_STORY) -> str:
    def within(t: str) -> str:
        lo, hi = stories
        return (f" AND {t}.story >= :lo" if lo is not None else "") + (
            f" AND {t}.story < :hi" if hi is not None else ""
        )

    return f"""
SELECT a.story AS k0, a.name AS k4, a.title, a.source, a.url, a.published, c.id AS k6,
    c.claim_index AS k5, c.start, c."end", c.text, an.label, an.note, an.links,
    coalesce(an.reviewer, :reviewer) AS k7, {LABEL_OF.format("s.label")}, s.reason,
    {CONFIDENCE_OF.format("s.confidence")}, an.accepted_suggestion, an.updated_at,
    an.claim_id IS NOT NULL, c.article, 0 AS k1, 0 AS k2, a.position AS k3
FROM claim_rows c JOIN articles a ON a.n = c.article
LEFT JOIN annotations an ON an.claim_id = c.id AND (:reviewer IS NULL OR an.reviewer = :reviewer)
LEFT JOIN suggestion_rows s ON s.claim = c.n
WHERE (an.claim_id IS NOT NULL OR :all){within("a")}
UNION ALL
SELECT an.story, an.article, a.title, a.source, a.url, a.published, an.claim_id, NULL, NULL,
    NULL, an.claim_text, an.label, an.note, an.links, an.reviewer, NULL, NULL, NULL,
    an.accepted_suggestion, an.updated_at, 1, NULL, 1, a.position IS NULL, a.position
FROM annotations an LEFT JOIN claim_rows c ON c.id = an.claim_id
LEFT JOIN articles a ON a.story = an.story AND a.name = an.article
WHERE c.id IS NULL AND (:reviewer IS NULL OR an.reviewer = :reviewer){within("an")}
ORDER BY k0, k1, k2, k3, k4, k5, k6, k7
"""


_CLAIM_ROWS = _claim_rows()


def export_rows(
    store: Store, *, all_claims: bool = False, reviewer: str | None = None
) -> Iterator[dict]:
    """One row per annotation (or per claim with all_claims), keys = COLUMNS, in reading order.

    With all_claims a claim nobody (or not `reviewer`) annotated still gets one row with an
    empty label. Orphaned annotations come after their story's claims.
    """
    return _rows(store, all_claims, reviewer, EVERY_STORY)


def _rows(store: Store, all_claims: bool, reviewer: str | None, stories: Stories) -> Iterator[dict]:
    decode = _Decoder(store)
    for batch in _batches(store, all_claims, reviewer, decode.values, stories):
        for values in batch:
            yield dict(zip(COLUMNS, values, strict=True))


def _batches(
    store: Store,
    all_claims: bool,
    reviewer: str | None,
    decode: Callable[[tuple], tuple],
    stories: Stories = EVERY_STORY,
) -> Iterator[list[tuple]]:
    # one read transaction: the rows and the article texts their claims are cut from agree
    with read_transaction(store.conn):
        sql = _CLAIM_ROWS if stories == EVERY_STORY else _claim_rows(stories)
        args = {"reviewer": reviewer, "all": all_claims, "lo": stories[0], "hi": stories[1]}
        cursor = store.cursor(sql, args)
        while batch := store.decode_rows(cursor, decode):
            yield batch


# Compact JSON as json.dumps(ensure_ascii=False) writes it, without building an encoder per call.
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_scan_json = json.JSONDecoder().scan_once


def _json_cells(articles: list, texts: list) -> tuple[str, str]:
    """`_to_json` of both lists, faster for lists of strings (what links hold): each string as
    the encoder writes it, joined by its separator."""
    try:
        return (
            "[" + ", ".join(map(encode_basestring, articles)) + "]",
            "[" + ", ".join(map(encode_basestring, texts)) + "]",
        )
    except TypeError:  # not all strings
        return _to_json(articles), _to_json(texts)


def _load_json(text: str) -> object:
    """`json.loads(text)` without its per-call checks for the usual text (which starts with the
    value and ends with it); anything else goes to json.loads itself, errors included."""
    try:
        value, end = _scan_json(text, 0)
    except (StopIteration, TypeError):
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


# The query's first 20 columns: their names, and the table (and row key) each one comes from.
_QUERY_COLUMNS = [
    "story", "name", "title", "source", "url", "published", "id", "claim_index", "start", "end",
    "text", "label", "note", "links", "reviewer", "label", "reason", "confidence",
    "accepted_suggestion", "updated_at",
]  # fmt: skip


def _source_of_column(k: int, r: tuple) -> tuple[str, object]:
    """The table and row key the query's column k of row r was read from."""
    if k < 6:
        return "articles", f"{r[0]}/{r[1]}"
    if k < 11:
        return "claims", r[6]
    if 15 <= k < 18:
        return "suggestions", r[6]
    return "annotations", (r[6], r[14])


class _Decoder:
    """Turns the query's rows into COLUMNS values. Exports run to millions of rows, so the
    common row takes a straight path; a row that fails any check is decoded again by `_careful`,
    which names the damaged table and row."""

    def __init__(self, store: Store) -> None:
        self._sources: dict[tuple[str, str], str] = {}
        self._conn = store.conn
        self._article: tuple[object, object] = (None, None)  # (number, text) of the last one

    def _article_text(self, n: object) -> object:
        """The text of article `n`; rows come article by article, so one is kept."""
        if self._article[0] != n:
            row = self._conn.execute("SELECT text FROM articles WHERE n = ?", (n,)).fetchone()
            self._article = (n, row[0] if row else None)
        return self._article[1]

    def values(self, r: tuple) -> tuple:
        try:
            return self._fast(r, False)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return self._careful(r, False)

    def csv_values(self, r: tuple) -> tuple:
        """`values` with the evidence lists as CSV cells (a JSON array, "" when empty)."""
        try:
            return self._fast(r, True)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return self._careful(r, True)

    def _fast(self, r: tuple, cells: bool) -> tuple:
        story, article, title, source, url, published, claim_id, index, start, end, text = r[:11]
        label, note, links, reviewer, sugg, reason, conf, accepted, updated, annotated = r[11:21]
        if index is not None and not (type(index) is type(start) is type(end) is int):
            raise ValueError
        if index is not None and not 0 <= start <= end:
            raise ValueError
        if bytes in map(type, r):  # a BLOB where text belongs: csv would write its repr
            raise ValueError
        if (sugg is not None and sugg not in LABELS) or (conf is not None and conf not in _SURE):
            raise ValueError
        if text is None:
            whole = self._article_text(r[21])
            if type(whole) is not str or end > len(whole):
                raise ValueError
            text = whole[start:end]
        articles: list | str = []
        texts: list | str = []
        if annotated:
            if (label is not None and label not in LABELS) or type(note) is not str:
                raise ValueError
            if links != "[]":
                linked = _load_json(links)
                articles = [link["article"] for link in linked]
                texts = [link["text"] for link in linked]
        if cells:  # CSV: each list as a JSON array, "" when nothing is linked
            articles, texts = _json_cells(articles, texts) if articles else ("", "")
        if title is None:  # an orphan whose article is gone: nothing to show
            shown = None
        else:  # its outlet, or its whole file name standing for one (once per article)
            shown = self._sources.get((article, source))
            if shown is None:
                shown = self._sources[article, source] = data_source(article, source)
        # a missing value is None: null in JSONL, "" in CSV (which writes None so)
        return (
            story, article, title or None, shown, url or None, published or None, claim_id,
            index, start, end, text, label, (note or None) if annotated else None, articles,
            texts, reviewer, sugg, reason or None, conf, bool(accepted) if annotated else None,
            updated,
        )  # fmt: skip

    def _careful(self, r: tuple, cells: bool) -> tuple:
        claim_id, index, start, end = r[6:10]
        label, note, links, reviewer = r[11:15]
        for k, value in enumerate(r[:20]):
            if isinstance(value, bytes):  # text columns holding a BLOB: name the row
                table, key = _source_of_column(k, r)
                with damaged_row(table, key):
                    raise ValueError(f"{_QUERY_COLUMNS[k]} is not text")
        if index is not None:
            with damaged_row("claims", claim_id):
                check(
                    all(map(is_int, (index, start, end))), "claim index or offsets are not integers"
                )
                check(0 <= start <= end, f"offsets {start}..{end} are not a span")
                if r[10] is None:
                    whole = self._article_text(r[21])
                    check(isinstance(whole, str), "its article has no text")
                    check(end <= len(whole), f"offsets {start}..{end} run past its article")
        with damaged_row("suggestions", claim_id):
            check(r[15] is None or r[15] in LABELS, f"unknown label {r[15]!r}")
            check(r[17] is None or r[17] in _SURE, f"unknown confidence {r[17]!r}")
        with damaged_row("annotations", (claim_id, reviewer)):
            if r[20]:
                check(label is None or label in LABELS, f"unknown label {label!r}")
                check(isinstance(note, str), "the note is not text")
                linked = json.loads(links)
                check(isinstance(linked, list), "links are not a list")
                check(
                    all(isinstance(lk, dict) and "article" in lk and "text" in lk for lk in linked),
                    "a link lacks its article or text",
                )
            return self._fast(r, cells)


def protected_paths(store: Store) -> list[tuple[str, str]]:
    """What an export must never overwrite: the database and every imported article.

    Story folders are included, so a .txt/.md export written among the articles (which would
    become an article on the next import) is refused too.
    """
    paths = [(store.path + suffix, "the database") for suffix in ("", "-wal", "-shm")]
    for path in store.imported_paths():
        paths.append((path, "an imported article"))
        real = restore_undecodable(path)  # a name that is not UTF-8 is stored escaped
        if real != path:
            paths.append((real, "an imported article"))
    return paths


def write_export(
    store: Store,
    out: str | Path | TextIO,
    *,
    fmt: str = "csv",
    all_claims: bool = False,
    excel: bool = False,
    reviewer: str | None = None,
    report: Callable[[str], None] | None = None,
    wait_for_reader: bool = True,
) -> int:
    """Write the export; returns the number of rows written.

    `out` is a path (written to a temporary file beside it, then renamed over it, so a failed
    export never leaves a half-written file or harms a previous one), "-" for stdout, or an open
    text stream. Raises StoreError with a one-line message. `report` is told, in a line, of
    cells cut to what a spreadsheet cell holds (`excel`). `wait_for_reader`: as `open_output`.
    """
    write = functools.partial(
        _write_stories, fmt=fmt, all_claims=all_claims, excel=excel, reviewer=reviewer
    )
    with open_output(out, protect=protected_paths(store), wait_for_reader=wait_for_reader) as f:
        write_header(f, COLUMNS, fmt, excel=excel)
        # a big export's stories are formatted by worker processes, in ranges written in order
        ranges = export_pool.story_ranges(store, all_claims=all_claims, reviewer=reviewer)
        written = export_pool.write_ranges(store, f, write, ranges) if ranges else None
        if written is None:
            written = write(store, f, EVERY_STORY)
    return written.reported(report)


def _write_stories(
    store: Store,
    f: TextIO,
    stories: Stories,
    *,
    fmt: str,
    all_claims: bool,
    excel: bool,
    reviewer: str | None,
) -> Written:
    """Write the rows (no header) of the stories in the range `stories`; returns what was
    written."""
    if fmt != "csv" or excel:
        # closed here, whatever stops the writing (a reader that went away): its read
        # transaction ends while the database is still open, not when it is collected
        with closing(_rows(store, all_claims, reviewer, stories)) as rows:
            return write_rows(rows, f, COLUMNS, fmt, excel=excel)
    # exact CSV: the csv module writes None as "" and other values as str(), as csv_cell does
    writer = csv_writer(f)
    n = 0
    for batch in _batches(store, all_claims, reviewer, _Decoder(store).csv_values, stories):
        writer.writerows(batch)
        n += len(batch)
    return Written(n)
