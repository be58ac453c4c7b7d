"""Import: load a corpus; align, suggest and store every story whose files changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.corpus.loader import load_corpus
from reader.models import Corpus, Skipped, Story

if TYPE_CHECKING:
    from annotations.store import ImportReport, Store

Progress = Callable[[Story], None]


@dataclass
class ImportResult:
    reports: list[ImportReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "story/article: what was repaired"

    @property
    def claims(self) -> int:
        return sum(r.claims for r in self.reports)


def analyse(story: Story) -> tuple[list, list]:
    """Evidence and suggestions for one story (the slow part of an import)."""
    from reader.align import PairScorer, align_story, with_pair_scores
    from reader.suggest import suggest_story

    scorer = PairScorer(story.claims())
    evidence = align_story(story, scorer=scorer)
    # one score per pair: the sentences a suggestion rests on carry the pair score too
    return evidence, with_pair_scores(suggest_story(story, evidence), evidence, scorer)


def decoding_warnings(corpus: Corpus) -> list[str]:
    """Every article's decoding warnings as "story/article: warning" lines (also stored)."""
    return [
        f"{story.name}/{a.name}: {w}" for story in corpus.stories for a in story.articles
        for w in a.warnings
    ]  # fmt: skip


def unchanged_report(story: Story) -> ImportReport:
    from annotations.store import ImportReport

    return ImportReport(
        story=story.name,
        articles_unchanged=[a.name for a in story.articles],
        claims=len(story.claims()),
        skipped=True,
    )


def import_path(
    store: Store,
    path: str | Path,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    on_loaded: Callable[[int], None] | None = None,
    follow_symlinks: bool = False,
) -> ImportResult:
    """Load `path`, then (re)align and store each story whose files changed since the last import.

    `on_loaded(n)` is told how many stories were found; `progress(story)` is called after each one.
    """
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    corpus = load_corpus(path, follow_symlinks=follow_symlinks, **kwargs)
    result = ImportResult(skipped=list(corpus.skipped), warnings=decoding_warnings(corpus))
    if on_loaded:
        on_loaded(len(corpus.stories))
    for story in corpus.stories:
        if store.story_is_current(story):
            result.reports.append(unchanged_report(story))
        else:
            evidence, suggestions = analyse(story)
            result.reports.append(store.import_story(story, evidence, suggestions))
        if progress:
            progress(story)
    return result
