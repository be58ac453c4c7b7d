"""Exports of the annotations to CSV and JSONL (skeleton; being filled in)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotations.store import Store

COLUMNS = [
    "story", "article", "title", "claim_id", "claim_index", "start", "end", "claim", "label",
    "note", "evidence_articles", "evidence_text", "reviewer", "suggested_label", "updated_at",
]  # fmt: skip


def export_rows(
    store: Store, *, all_claims: bool = False, reviewer: str | None = None
) -> Iterator[dict]:
    """One row per annotation (or per claim with all_claims), keys = COLUMNS."""
    raise NotImplementedError


def write_export(
    store: Store,
    out: str | Path | TextIO,
    *,
    fmt: str = "csv",
    all_claims: bool = False,
    excel: bool = False,
    reviewer: str | None = None,
) -> int:
    """Write the export to a path (atomically), "-" for stdout, or a stream; returns rows written."""
    raise NotImplementedError
