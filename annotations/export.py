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

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotations.output import FORMATS, csv_cell, open_output, write_records
from annotations.store import Annotation, Store
from reader.corpus.sources import display_source
from reader.models import Suggestion

_NO_ARTICLE = {"title": "", "source": "", "url": "", "published": ""}

COLUMNS = [
    "story", "article", "title", "source", "url", "published", "claim_id", "claim_index", "start",
    "end", "claim", "label",
    "note", "evidence_articles", "evidence_text", "reviewer", "suggested_label",
    "suggestion_reason", "suggestion_confidence", "accepted_suggestion", "updated_at",
]  # fmt: skip

__all__ = ["COLUMNS", "FORMATS", "csv_cell", "export_rows", "write_export"]


def export_rows(
    store: Store, *, all_claims: bool = False, reviewer: str | None = None
) -> Iterator[dict]:
    """One row per annotation (or per claim with all_claims), keys = COLUMNS, in reading order.

    With all_claims a claim nobody (or not `reviewer`) annotated still gets one row with an
    empty label. Orphaned annotations come after their story's claims.
    """
    for story in _story_names(store):
        heads = {
            a.name: {
                "title": a.title,
                "source": display_source(a.name, a.source),
                "url": a.url,
                "published": a.published,
            }
            for a in store.articles(story)
        }
        anns: dict[str, list[Annotation]] = {}
        for ann in store.annotations(story=story, reviewer=reviewer):
            anns.setdefault(ann.claim_id, []).append(ann)
        for claim in store.claims(story):
            found = anns.pop(claim.id, [])
            if not found and all_claims:
                sugg = store.suggestion(claim.id)
                yield _row(
                    story, claim.article, heads.get(claim.article, _NO_ARTICLE), claim.id,
                    claim.index,
                    claim.start, claim.end, claim.text, None,
                    reviewer=reviewer, suggestion=sugg,
                )  # fmt: skip
            for ann in found:
                yield _row(
                    story, claim.article, heads.get(claim.article, _NO_ARTICLE), claim.id,
                    claim.index,
                    claim.start, claim.end, claim.text, ann,
                )  # fmt: skip
        for orphans in anns.values():  # what is left has no claim any more
            for ann in orphans:
                yield _row(
                    story, ann.article, heads.get(ann.article, _NO_ARTICLE), ann.claim_id, None,
                    None, None, ann.claim_text, ann,
                )  # fmt: skip


def _story_names(store: Store) -> list[str]:
    """Imported stories plus stories that only orphaned annotations still remember."""
    names = set(store.stories())
    names.update(a.story for a in store.orphans())
    return sorted(names)


def _row(
    story: str,
    article: str,
    head: dict,
    claim_id: str,
    index: int | None,
    start: int | None,
    end: int | None,
    text: str,
    ann: Annotation | None,
    *,
    reviewer: str | None = None,
    suggestion: Suggestion | None = None,
) -> dict:
    return {
        "story": story,
        "article": article,
        **head,
        "claim_id": claim_id,
        "claim_index": index,
        "start": start,
        "end": end,
        "claim": text,
        "label": ann.label if ann else None,
        "note": ann.note if ann else "",
        "evidence_articles": [lk.article for lk in ann.links] if ann else [],
        "evidence_text": [lk.text for lk in ann.links] if ann else [],
        "reviewer": ann.reviewer if ann else reviewer,
        "suggested_label": ann.suggested_label if ann else suggestion and suggestion.label,
        "suggestion_reason": ann.suggestion_reason if ann else suggestion and suggestion.reason,
        "suggestion_confidence": (
            ann.suggestion_confidence if ann else suggestion and suggestion.confidence
        ),
        "accepted_suggestion": ann.accepted_suggestion if ann else False,
        "updated_at": ann.updated_at if ann else None,
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
