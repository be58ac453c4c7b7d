"""`crossread export --final`: each claim's final label with every reviewer's label beside it.

One row per claim that a reviewer labelled or an adjudicator decided, in reading order.
`final_source` says where the final label comes from: `adjudicated` (a decision, with its
reason, who and when), `unanimous` (two or more reviewers, all the same label), `single` (one
reviewer's label) or `undecided` (reviewers disagree and nobody decided yet: no final label).
Beside them, what each reviewer gave for it: CSV has `label:<reviewer>` columns, then
`note:<reviewer>` and `evidence:<reviewer>` (the sentences they linked, a JSON array as
`evidence_text` in `export`); JSONL has `labels`, `notes` and `evidence` objects instead (a
reviewer with no note or link is left out of those), so an adjudicated row shows why.
As in every export, an empty value (no reason, no adjudicator) is "" in CSV and null in JSONL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from annotations.export import protected_paths
from annotations.output import open_output, write_records
from annotations.store import Store
from reader.corpus.sources import data_source

COLUMNS = [
    "story", "article", "title", "source", "claim_id", "claim_index", "claim", "final_label",
    "final_source", "reason", "decided_by", "decided_at",
]  # fmt: skip


def final_rows(store: Store) -> Iterator[dict]:
    """Rows with COLUMNS, `labels` (reviewer -> label), `notes` (reviewer -> note) and
    `evidence` (reviewer -> linked sentences), in reading order; claims a
    re-import took away (orphans: their labels and decision are kept) after their story's
    claims, as `export` lists them, with the sentence and article they had."""
    for story in store.stories():
        finals = store.finals(story=story)
        labels: dict[str, dict[str, str]] = {}
        notes: dict[str, dict[str, str]] = {}
        evidence: dict[str, dict[str, list[str]]] = {}
        claims = [(c.id, c.article, c.index, c.text) for c in store.claims(story)]
        present = {c[0] for c in claims}
        # an orphan's claim id -> (article, sentence) as its snapshot has them
        where: dict[str, tuple[str, str]] = {}
        for ann in store.annotations(story=story):
            if ann.label is not None:
                labels.setdefault(ann.claim_id, {})[ann.reviewer] = ann.label
                if ann.claim_id not in present:
                    where.setdefault(ann.claim_id, (ann.article, ann.claim_text))
            # a note or link is a reviewer's reason, kept even on a label they since cleared
            if ann.note:
                notes.setdefault(ann.claim_id, {})[ann.reviewer] = ann.note
            if ann.links:
                evidence.setdefault(ann.claim_id, {})[ann.reviewer] = [
                    link.text for link in ann.links
                ]
        for f in store.orphaned_finals(story):
            where.setdefault(f.claim_id, (f.article, f.claim_text))
        articles = store.articles(story)
        position = {a.name: k for k, a in enumerate(articles)}
        # the outlet as `export` names it; an orphan's article may be gone: None, no name
        named = {a.name: (a.title or None, data_source(a.name, a.source)) for a in articles}
        gone = sorted(
            where,
            key=lambda cid: (position.get(where[cid][0], len(position)), where[cid][0], cid),
        )
        orphans = [(cid, where[cid][0], None, where[cid][1]) for cid in gone]
        for claim_id, article, index, text in claims + orphans:
            given, final = labels.get(claim_id, {}), finals.get(claim_id)
            if not given and final is None:
                continue
            title, source = named.get(article, (None, None))
            row = {
                "story": story, "article": article, "title": title, "source": source,
                "claim_id": claim_id,
                "claim_index": index, "claim": text, "final_label": None,
                "final_source": None, "reason": None, "decided_by": None, "decided_at": None,
                "labels": given, "notes": notes.get(claim_id, {}),
                "evidence": evidence.get(claim_id, {}),
            }  # fmt: skip
            if final is not None:
                row.update(final_label=final.label, final_source="adjudicated",
                           # (a decision without a reason has none, as a unanimous label)
                           reason=final.reason or None, decided_by=final.decided_by,
                           decided_at=final.decided_at)  # fmt: skip
            elif len(set(given.values())) > 1:
                row["final_source"] = "undecided"
            else:
                row["final_label"] = next(iter(given.values()))
                row["final_source"] = "unanimous" if len(given) > 1 else "single"
            yield row


def write_final_export(
    store: Store,
    out: str | Path | TextIO,
    *,
    fmt: str = "csv",
    excel: bool = False,
    report: Callable[[str], None] | None = None,
) -> int:
    """Write the final labels; returns the number of rows. Same output guarantees as export,
    `report` as for it."""
    reviewers = store.reviewers()
    rows = final_rows(store)
    columns = COLUMNS
    if fmt == "csv":
        columns = [
            *COLUMNS,
            *(f"{kind}:{r}" for kind in ("label", "note", "evidence") for r in reviewers),
        ]
        rows = (_flat(row) for row in rows)
    with open_output(out, protect=protected_paths(store)) as f:
        written = write_records(rows, f, columns, fmt, excel=excel)
    return written.reported(report)


def _flat(row: dict) -> dict:
    per_reviewer = {
        f"{kind}:{r}": value
        for kind, key in (("label", "labels"), ("note", "notes"), ("evidence", "evidence"))
        for r, value in row.pop(key).items()
    }
    return {**row, **per_reviewer}
