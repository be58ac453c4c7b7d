"""`crossread merge`: the summary and conflict lines printed after a merge."""

from __future__ import annotations

from collections.abc import Iterator

from annotations.merge import MergeReport
from reader.models import clipped, counted, shown_names, shown_path


def format_merge(report: MergeReport) -> Iterator[str]:
    """What the merge added, which articles came from --prefer, and every conflict."""
    files = counted(len(report.inputs), "file")
    stories = counted(report.stories, "new story", "new stories")
    if not report.changed:
        yield f"merged {files} into {report.output}: nothing new (already merged)"
    else:
        yield (
            f"merged {files} into {report.output}: {stories}, "
            f"{counted(report.articles, 'article')}, {counted(report.claims, 'claim')}, "
            f"{counted(report.annotations_added, 'annotation')} added, "
            f"{report.annotations_updated} updated and {report.annotations_removed} removed, "
            f"{counted(report.events, 'event')}, {counted(report.finals, 'final label')}"
            + (f", {report.finals_removed} withdrawn" if report.finals_removed else "")
        )
    for name in report.preferred:
        yield f"article {name}: kept the version in the preferred file"
    for where, text, who in report.orphaned:
        names = [n for n in who if n != "(final)"]
        given = [f"{counted(len(names), 'label')} ({shown_names(names)})"] if names else []
        given += ["the final label"] if "(final)" in who else []
        yield (
            f"  {shown_path(where)}: {' and '.join(given)} on {clipped(text, 60)!r}, a sentence "
            "no longer in the article: kept as orphans (export lists them after the story's "
            "claims)"
        )
    for story, names in report.same_text:
        shown = [
            f"{shown_path(name)} ({_files(files, report.output)}: {counted(labels, 'label')})"
            for name, files, labels in names
        ]
        yield (
            f"warning: {shown_path(story)} holds one text under {_several(len(names))} names: "
            f"{', '.join(shown[:-1])} and {shown[-1]}; their labels stay apart, never compared "
            "(a claim's id comes from its file's name)"
        )
    for c in report.conflicts:
        who = "final label" if c.reviewer == "(final)" else c.reviewer
        yield (
            f"conflict: {who} on {c.claim_id} ({clipped(c.claim_text, 60)!r}): kept "
            f"{c.kept or 'no label'} ({c.kept_from}, {c.kept_at}) over "
            f"{c.dropped or 'no label'} ({c.dropped_from}, {c.dropped_at})"
        )


def _files(files: list[str], output: str) -> str:
    """The inputs holding an article: named up to three, else counted; the output when none
    does (merged there earlier)."""
    if not files:
        return shown_path(output)
    return ", ".join(map(shown_path, files)) if len(files) <= 3 else counted(len(files), "file")


def _several(n: int) -> str:
    return {2: "two", 3: "three"}.get(n, str(n))
