"""`crossread merge`: the summary and conflict lines printed after a merge."""

from __future__ import annotations

from collections.abc import Iterator

from annotations.merge import MergeReport


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_merge(report: MergeReport) -> Iterator[str]:
    """What the merge added, which articles came from --prefer, and every conflict."""
    files = _n(len(report.inputs), "file")
    stories = "1 new story" if report.stories == 1 else f"{report.stories} new stories"
    if not report.changed:
        yield f"merged {files} into {report.output}: nothing new (already merged)"
    else:
        yield (
            f"merged {files} into {report.output}: {stories}, "
            f"{_n(report.articles, 'article')}, {_n(report.claims, 'claim')}, "
            f"{_n(report.annotations_added, 'annotation')} added and "
            f"{report.annotations_updated} updated, {_n(report.events, 'event')}, "
            f"{_n(report.finals, 'final label')}"
        )
    for name in report.preferred:
        yield f"article {name}: kept the version in the preferred file"
    for c in report.conflicts:
        who = "final label" if c.reviewer == "(final)" else c.reviewer
        yield (
            f"conflict: {who} on {c.claim_id} ({c.claim_text[:60]!r}): kept "
            f"{c.kept or 'no label'} ({c.kept_from}, {c.kept_at}) over "
            f"{c.dropped or 'no label'} ({c.dropped_from}, {c.dropped_at})"
        )
