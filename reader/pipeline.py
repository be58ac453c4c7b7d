"""Import: load a corpus; align, suggest and store every story whose files changed."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.corpus.loader import load_corpus
from reader.models import Corpus, Skipped, Story

if TYPE_CHECKING:
    from annotations.store import ImportReport, Store

Progress = Callable[[Story], None]
Phase = Callable[[str], None]  # what a single story's import is doing now, for a long story
LONG_STORY = 2_000  # sentences: a story that takes seconds, so its steps are shown


@dataclass
class ImportResult:
    reports: list[ImportReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "story/article: what was repaired"

    @property
    def claims(self) -> int:
        return sum(r.claims for r in self.reports)


def analyse(story: Story, phase: Phase | None = None) -> tuple[list, list]:
    """Evidence and suggestions for one story (the slow part of an import); `phase(what)` is
    told when each step starts."""
    from reader.align import PairScorer, align_story, with_pair_scores
    from reader.suggest import suggest_story

    claims = story.claims()
    say = phase if phase and len(claims) >= LONG_STORY else lambda what: None
    say(f"aligning {len(claims):,} sentences of {len(story.articles)} articles")
    scorer = PairScorer(claims)
    evidence = align_story(story, scorer=scorer)
    say(f"suggesting labels from {len(evidence):,} evidence pairs")
    # one score per pair: the sentences a suggestion rests on carry the pair score too
    return evidence, with_pair_scores(suggest_story(story, evidence, scorer), evidence, scorer)


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


def default_jobs() -> int:
    """Worker processes for an import: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_init() -> None:
    # the pool's processes fill the cores; rapidfuzz threads inside them would only contend
    from reader.align import fuzzy

    fuzzy.max_threads = 1


def _analysed(
    stories: list[Story], jobs: int, phase: Phase | None = None
) -> Iterator[tuple[Story, tuple[list, list]]]:
    """Each story with its evidence and suggestions, in the stories' order.

    With jobs > 1 the analysis runs in worker processes, at most 2 × jobs stories ahead of the
    one the caller is storing, so memory stays bounded whatever the corpus size. The order is
    kept so that `--jobs 1` and `--jobs N` write the same database.
    """
    if jobs <= 1 or len(stories) <= 1:
        for story in stories:
            yield story, analyse(story, phase)
        return
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(stories)),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_worker_init,
    ) as pool:
        pending: deque[tuple[Story, Future]] = deque()
        todo = iter(stories)
        for story in todo:
            pending.append((story, pool.submit(analyse, story)))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            story, future = pending.popleft()
            result = future.result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(analyse, nxt)))
            yield story, result


def import_path(
    store: Store,
    path: str | Path,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    on_loaded: Callable[[int], None] | None = None,
    follow_symlinks: bool = False,
    jobs: int = 1,
    phase: Phase | None = None,
) -> ImportResult:
    """Load `path`, then (re)align and store each story whose files changed since the last import.

    Stories are analysed in `jobs` worker processes and stored one transaction per story, in
    order: an import killed at any point leaves every stored story whole and none in part.
    `on_loaded(n)` is told how many stories were found; `progress(story)` is called after each one;
    `phase(what)` at each step of a long story analysed in this process (`LONG_STORY`).
    """
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    corpus = load_corpus(path, follow_symlinks=follow_symlinks, **kwargs)
    result = ImportResult(skipped=list(corpus.skipped), warnings=decoding_warnings(corpus))
    if on_loaded:
        on_loaded(len(corpus.stories))
    stale = [s for s in corpus.stories if not store.story_is_current(s)]
    stale_ids = {id(s) for s in stale}
    reports = {}
    for story in corpus.stories:
        if id(story) not in stale_ids:
            reports[id(story)] = unchanged_report(story)
            if progress:
                progress(story)
    for story, (evidence, suggestions) in _analysed(stale, jobs, phase):
        if phase and len(suggestions) >= LONG_STORY:  # one suggestion per sentence
            phase(f"saving {len(evidence):,} evidence pairs and {len(suggestions):,} suggestions")
        reports[id(story)] = store.import_story(story, evidence, suggestions)
        if progress:
            progress(story)
    result.reports = [reports[id(s)] for s in corpus.stories]
    return result
