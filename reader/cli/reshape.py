"""What an import says when the corpus changed shape on disk under the reviewers' work: how many
labels, notes and final labels are left on sentences no longer there (kept as orphans), and
which article (or story folder) was only renamed, with how to have its tags back: a claim's id
comes from its story's folder name and its file's name (DESIGN invariant 3), so a renamed file's
tags stay on the old name's claims until it is renamed back."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.models import counted, shown_name, shown_path

if TYPE_CHECKING:
    from annotations.store import Annotation, Final, ImportReport, Store


def find_renamed_stories(store: Store, reports: list[ImportReport]) -> None:
    """Set `former` on each report of a story whose article files (names and contents) are
    those of one other stored story, and only one, whose folder is no longer where it was
    imported from: its folder renamed, and the tags left with the old name (said on every
    import until the folder is renamed back, or the tags are moved by hand)."""
    from annotations.store import FormerStory
    from reader.corpus.decode import on_disk

    # only a story with tags matters, and one this import read is where it is: the others'
    # folders are looked at (not every story's: opening one of 50,000 would stat them all)
    others = store.tagged_stories() - {r.story for r in reports}
    by_files: dict[frozenset, list[str]] = {}
    for story in sorted(others):
        if not os.path.lexists(on_disk(store.story_path(story) or "")):
            by_files.setdefault(frozenset(store.article_files(story).items()), []).append(story)
    for r in reports if by_files else ():
        match = by_files.get(frozenset(store.article_files(r.story).items()), [])
        if len(match) == 1:
            name = match[0]
            r.former = FormerStory(
                name,
                store.story_path(name) or "",
                store.annotations(story=name),
                list(store.finals(story=name).values()),
            )


def tag_counts(annotations: list[Annotation], finals: list[Final]) -> str:
    """ "4 labels (ana 2, ben 2), 1 note and 1 final label": what a user lost sight of."""
    labels = Counter(a.reviewer for a in annotations if a.label is not None)
    notes = sum(1 for a in annotations if a.label is None)
    parts = []
    if labels:
        who = ", ".join(f"{shown_name(r)} {n}" for r, n in sorted(labels.items()))
        parts.append(f"{counted(labels.total(), 'label')} ({who})")
    if notes:
        parts.append(counted(notes, "note"))
    if finals:
        parts.append(counted(len(finals), "final label"))
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def _are(counts: str) -> str:
    return "is" if counts.startswith("1 ") and " and " not in counts else "are"


def summary_lines(report: ImportReport) -> Iterator[str]:
    """The import summary's lines on one story's orphans and renamed articles."""
    counts = tag_counts(report.orphaned, report.orphaned_finals)
    if counts:
        yield (
            f"{shown_path(report.story)}: {counts} {_are(counts)} on sentences no longer in their "
            "article, kept as orphans (`export` and `export --final` list them)"
        )
    former = report.former
    counts = tag_counts(former.annotations, former.finals) if former else ""
    if former and counts:
        name = shown_path(former.name)
        yield (
            f"{shown_path(report.story)} has the articles of the story {name}, whose folder "
            f"{shown_path(former.path)} is no longer there: its {counts} stay with {name} (a "
            "claim's id comes from its story's folder name); rename the folder back to "
            f"{name} to go on with them"
        )
    for gone, new in renamed_with_tags(report):
        yield (
            f"{shown_path(f'{report.story}/{new}')} has the sentences of {shown_path(gone)}, "
            f"which is no longer there: the tags stay on {shown_path(gone)}'s sentences (a "
            "claim's id comes from its file's name); rename the file back to "
            f"{shown_path(gone)} to have them on its sentences again"
        )


def renamed_with_tags(report: ImportReport) -> list[tuple[str, str]]:
    """The renamed articles (gone, new) whose old name holds orphaned tags."""
    held = {a.article for a in report.orphaned} | {f.article for f in report.orphaned_finals}
    return [(gone, new) for gone, new in report.renamed if gone in held]


def reimport_notice(report: ImportReport, reviewer: str) -> str:
    """What the app says on opening when an import just changed a story's articles: the
    summary `import` prints went to the terminal behind the app, so a reviewer whose tagged
    sentence an outlet corrected saw their label vanish without a word. "" if nothing changed."""
    former = report.former
    mine = sum(1 for a in former.annotations if a.reviewer == reviewer and a.label) if former else 0
    if former and mine:
        name = shown_path(former.name)
        return (
            f"{shown_path(report.story)} has the articles of the story {name}, whose folder is "
            f"no longer there: {counted(mine, 'label')} of yours stay{'s' if mine == 1 else ''} "
            f"with {name} (in the story list); rename the folder back to {name} to go on with "
            "them."
        )
    if report.skipped or not (report.articles_changed or report.articles_removed):
        return ""
    said = [
        f"{', '.join(map(shown_path, names))} {what}"
        for names, what in (
            (report.articles_changed, "changed"),
            (report.articles_removed, "removed"),
        )
        if names
    ]
    mine = sum(1 for a in report.orphaned if a.reviewer == reviewer and a.label is not None)
    lost = [counted(mine, "label") + " of yours"] if mine else []
    lost += [counted(len(report.orphaned_finals), "final label")] if report.orphaned_finals else []
    if lost:
        one = len(lost) == 1 and (mine or len(report.orphaned_finals)) == 1
        where = "is on a sentence" if one else "are on sentences"
        said[-1] += f"; {' and '.join(lost)} {where} no longer in it (kept, exported as orphaned)"
    text = f"{shown_path(report.story)} was imported again: {', '.join(said)}."
    for gone, new in renamed_with_tags(report):
        text += (
            f" {shown_path(new)} has the sentences of {shown_path(gone)}: rename it back to "
            f"{shown_path(gone)} to have them on its sentences again."
        )
    return text
