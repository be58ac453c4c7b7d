"""`crossread stats`: progress per story and article, counts per label and reviewer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.models import LABELS

if TYPE_CHECKING:
    from annotations.store import Count, Store


def _line(name: str, count: Count, indent: str = "") -> str:
    pct = 100 * count.tagged / count.total if count.total else 0.0
    labels = "  ".join(f"{lab} {count.labels.get(lab, 0)}" for lab in LABELS)
    return f"{indent}{name}: {count.tagged}/{count.total} tagged ({pct:.0f}%)  {labels}"


def format_stats(store: Store) -> Iterator[str]:
    """Lines of a plain-text progress report."""
    progress = store.progress()
    yield _line("all stories", progress.overall)
    for story, count in progress.stories.items():
        yield _line(f"story {story}", count, "  ")
        for (s, article), acount in progress.articles.items():
            if s == story:
                yield _line(article, acount, "    ")
    if progress.reviewers:
        yield "reviewers:"
        for reviewer, count in progress.reviewers.items():
            yield _line(reviewer, count, "  ")
    orphans = store.orphans()
    if orphans:
        yield f"orphaned annotations (claim no longer in its article): {len(orphans)}"
