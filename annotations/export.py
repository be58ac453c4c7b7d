"""Exports of the annotations to CSV and JSONL, for spreadsheets, pandas and model training.

Columns are `COLUMNS`. Linked evidence goes in two columns:
- `evidence_articles`: the linked sentences' article names,
- `evidence_text`: the linked sentences,
both in link order. In JSONL they are lists of strings. In CSV each is a JSON array of strings
(`json.loads` gives the list back exactly, whatever the sentences contain), or "" when nothing
is linked. Empty values are "" in CSV and null in JSONL; `claim_index`, `start`, `end` are
integers (null/"" for orphans, whose claim no longer exists; their claim text is the snapshot
kept with the annotation).

The default CSV is exact data. `excel=True` adds a UTF-8 BOM and prefixes cells that a
spreadsheet would run as a formula (leading = + - @ tab CR) with a single quote.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotations.damage import check, is_int
from annotations.damage import row as damaged_row
from annotations.output import FORMATS, csv_cell, open_output, write_records
from annotations.store import Store
from reader.corpus.sources import display_source
from reader.models import LABELS

COLUMNS = [
    "story", "article", "title", "source", "url", "published", "claim_id", "claim_index", "start",
    "end", "claim", "label",
    "note", "evidence_articles", "evidence_text", "reviewer", "suggested_label",
    "suggestion_reason", "suggestion_confidence", "accepted_suggestion", "updated_at",
]  # fmt: skip

__all__ = ["COLUMNS", "FORMATS", "csv_cell", "export_rows", "write_export"]


# One query for the whole export, in reading order: each story's claims (article position, claim
# index) with their annotations (by reviewer), then the story's orphaned annotations. The
# trailing columns are the sort keys; SQLite sorts, Python only formats each row as it comes.
_CLAIM_ROWS = """
SELECT c.story, c.article, a.title, a.source, a.url, a.published, c.id, c.claim_index, c.start,
    c."end", c.text, an.label, an.note, an.links, coalesce(an.reviewer, :reviewer), s.label,
    s.reason, s.confidence, an.accepted_suggestion, an.updated_at, an.claim_id IS NOT NULL,
    c.story AS k0, 0 AS k1, 0 AS k2, a.position AS k3, c.article AS k4, c.claim_index AS k5,
    c.id AS k6, an.reviewer AS k7
FROM claims c JOIN articles a ON a.story = c.story AND a.name = c.article
LEFT JOIN annotations an ON an.claim_id = c.id AND (:reviewer IS NULL OR an.reviewer = :reviewer)
LEFT JOIN suggestions s ON s.claim_id = c.id
WHERE an.claim_id IS NOT NULL OR :all
UNION ALL
SELECT an.story, an.article, a.title, a.source, a.url, a.published, an.claim_id, NULL, NULL,
    NULL, an.claim_text, an.label, an.note, an.links, an.reviewer, s.label,
    s.reason, s.confidence, an.accepted_suggestion, an.updated_at, 1,
    an.story, 1, a.position IS NULL, a.position, an.article, NULL, an.claim_id, an.reviewer
FROM annotations an LEFT JOIN claims c ON c.id = an.claim_id
LEFT JOIN articles a ON a.story = an.story AND a.name = an.article
LEFT JOIN suggestions s ON s.claim_id = an.claim_id
WHERE c.id IS NULL AND (:reviewer IS NULL OR an.reviewer = :reviewer)
ORDER BY k0, k1, k2, k3, k4, k5, k6, k7
"""


def export_rows(
    store: Store, *, all_claims: bool = False, reviewer: str | None = None
) -> Iterator[dict]:
    """One row per annotation (or per claim with all_claims), keys = COLUMNS, in reading order.

    With all_claims a claim nobody (or not `reviewer`) annotated still gets one row with an
    empty label. Orphaned annotations come after their story's claims.
    """
    cursor = store.conn.execute(_CLAIM_ROWS, {"reviewer": reviewer, "all": all_claims})
    while True:
        rows = store.decode_rows(cursor, _row)
        if not rows:
            return
        yield from rows


def _row(r: tuple) -> dict:
    story, article, title, source, url, published, claim_id, index, start, end, text = r[:11]
    label, note, links, reviewer, sugg, reason, confidence, accepted, updated, annotated = r[11:21]
    if index is not None:
        with damaged_row("claims", claim_id):
            check(all(map(is_int, (index, start, end))), "claim index or offsets are not integers")
    linked: list = []
    if annotated:
        with damaged_row("annotations", (claim_id, reviewer)):
            check(label is None or label in LABELS, f"unknown label {label!r}")
            check(isinstance(note, str), "the note is not text")
            linked = json.loads(links)
            check(isinstance(linked, list), "links are not a list")
            linked = [(lk["article"], lk["text"]) for lk in linked]
    return {
        "story": story,
        "article": article,
        "title": title or "",
        "source": display_source(article, source) if title is not None else "",
        "url": url or "",
        "published": published or "",
        "claim_id": claim_id,
        "claim_index": index,
        "start": start,
        "end": end,
        "claim": text,
        "label": label,
        "note": note if annotated else "",
        "evidence_articles": [a for a, _ in linked],
        "evidence_text": [t for _, t in linked],
        "reviewer": reviewer,
        "suggested_label": sugg,
        "suggestion_reason": reason,
        "suggestion_confidence": confidence,
        "accepted_suggestion": bool(accepted) if annotated else False,
        "updated_at": updated,
    }


def protected_paths(store: Store) -> list[tuple[str, str]]:
    """What an export must never overwrite: the database and every imported article.

    Story folders are included, so a .txt/.md export written among the articles (which would
    become an article on the next import) is refused too.
    """
    paths = [(store.path + suffix, "the database") for suffix in ("", "-wal", "-shm")]
    for path in store.imported_paths():
        paths.append((path, "an imported article"))
    return paths


def write_export(
    store: Store,
    out: str | Path | TextIO,
    *,
    fmt: str = "csv",
    all_claims: bool = False,
    excel: bool = False,
    reviewer: str | None = None,
) -> int:
    """Write the export; returns the number of rows written.

    `out` is a path (written to a temporary file beside it, then renamed over it, so a failed
    export never leaves a half-written file or harms a previous one), "-" for stdout, or an open
    text stream. Raises StoreError with a one-line message.
    """
    rows = export_rows(store, all_claims=all_claims, reviewer=reviewer)
    with open_output(out, protect=protected_paths(store)) as f:
        return write_records(rows, f, COLUMNS, fmt, excel=excel)
