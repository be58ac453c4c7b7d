"""Import: load a corpus; align, suggest and store every story whose files changed."""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.corpus.decode import escape_undecodable, restore_undecodable
from reader.corpus.loader import open_corpus, side_files
from reader.models import Corpus, Skipped, Story, counted, shown_path
from reader.pipeline import spool as spooling  # its limits are read when used (tests set them)
from reader.pipeline import story_pool
from reader.pipeline.spool import Spool
from reader.pipeline.story_pool import (
    collections_paused,
    frozen,
    late_headlines,
    meanings,
    read_story,
)

if TYPE_CHECKING:
    import numpy as np

    from annotations.store import ImportReport, Store
    from reader.align import PairScorer
    from reader.align.evidence import Pairs
    from reader.align.weighting import ClaimTerms
    from reader.suggest import StorySuggester
    from reader.suggest.readings import ClaimReadings

Progress = Callable[[Story], None]
Phase = Callable[[str], None]  # what a single story's import is doing now, for a long story
LONG_STORY = 2_000  # sentences: a story that takes seconds, so its steps are shown
LATER_BATCH = 100  # stories left to a later import whose claims are stored together, at most
WAIT_S = 0.5  # between looks at a story another import is analysing


@dataclass
class ImportResult:
    reports: list[ImportReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "story/article: what was repaired"
    # stories whose claims are stored, their evidence and suggestions left to a later import
    # (`import_path`'s `defer`)
    analysing: list[str] = field(default_factory=list)
    # stories not imported: another of the same name is, from a folder still there
    refused: list[Skipped] = field(default_factory=list)

    @property
    def claims(self) -> int:
        return sum(r.claims for r in self.reports)


Block = tuple["Pairs", list]  # a block's evidence pairs and suggestions: see blocks()


def blocks(
    story: Story, phase: Phase | None = None, jobs: int = 1, rows: bool = False
) -> Iterator[Any]:
    """Evidence and suggestions of `story` (the slow part of an import), a block of claims at a
    time: (pairs, suggestions), the pairs as arrays of claim indices into `story.claims()`
    (`reader.align.evidence.Pairs`); a headline's suggestion comes with the block of the body
    sentence it condenses (last of all when `jobs` processes share a long story's blocks, see
    `reader.pipeline.story_pool`). With `rows`, each block comes as the rows the store writes
    (`annotations.story_rows.prepare`), prepared in the process that computed it. `phase(what)`
    is told when each step starts. Memory stays that of one block whatever the story's size."""
    from reader.align import PairScorer
    from reader.suggest import StorySuggester

    claims = story.claims()
    long = len(claims) >= LONG_STORY
    say = phase if phase and long else lambda what: None
    say(f"aligning {counted(len(claims), 'sentence')} of {counted(len(story.articles), 'article')}")
    prepare = _preparer(claims) if rows else None
    # a long story's structures hold millions of objects: see `story_pool.collections_paused`
    with contextlib.ExitStack() as kept:
        with collections_paused() if long else contextlib.nullcontext():
            suggesting = (
                "suggesting labels: facts compared across the story, then block by block as aligned"
            )
            if jobs > 1 and long:  # each claim read on its own first, on every core, then
                # the sentences' meanings, once, for all the workers
                terms, short, read = read_story(claims, jobs)
                scorer, suggester = _with_meanings(story, terms, short, read, jobs)
                del terms, short, read  # what the scorer and suggester need of it, they keep
                say(suggesting)
            else:
                scorer = PairScorer(claims, headlines=story.headline_ids())
                say(suggesting)
                suggester = StorySuggester(story, scorer)
            if long:  # frozen before collections resume: the first would walk it all (0.15 s)
                kept.enter_context(frozen())
        if jobs > 1 and long:  # one long story: its blocks on every core
            from reader.pipeline.story_pool import pooled_blocks

            yield from pooled_blocks(story, scorer, suggester, jobs, prepare=prepare)
            return
        for block in _serial_blocks(story, scorer, suggester):
            yield prepare(*block) if prepare else block


def _with_meanings(
    story: Story,
    terms: list[ClaimTerms],
    short: np.ndarray,
    read: ClaimReadings,
    jobs: int,
) -> tuple[PairScorer, StorySuggester]:
    """A long story's scorer, its sentences' meanings read by `jobs` processes, and its
    suggester: this process makes the scorer and the suggester while the workers read the
    meanings (and then reads those they have not started).

    The meanings leave out the story's own vocabulary, which the scorer works out: they are
    read as if there were none, then again for the sentences that hold some. A long story
    rarely has any (a word in half of its sentences), and each sentence's meaning is its own.
    """
    from reader.align import PairScorer
    from reader.align.semantic import MIN_CLAIMS, meaning_vectors, without
    from reader.suggest import StorySuggester

    claims = story.claims()
    made: list[tuple[PairScorer, StorySuggester]] = []

    def make() -> None:
        scorer = PairScorer(claims, terms, short, story.headline_ids())
        made.append((scorer, StorySuggester(story, scorer, read)))

    if len(claims) < MIN_CLAIMS or len({c.article for c in claims}) < 2:
        make()  # no paraphrase signal (nothing read unless the scorer says otherwise)
        scorer, suggester = made[0]
        scorer.read_semantic(lambda texts, common: meanings(texts, common, jobs))
        return scorer, suggester
    vectors = meanings([c.text for c in claims], frozenset(), jobs, make)

    def with_vocabulary(texts: Sequence[str], common: Container[str]) -> np.ndarray:
        again = [k for k, t in enumerate(texts) if common and without(t, common) != t]
        if again:
            some = [texts[k] for k in again]
            many = len(again) > story_pool.READ_RUN
            vectors[again] = meanings(some, common, jobs) if many else meaning_vectors(some, common)
        return vectors

    scorer, suggester = made[0]
    scorer.read_semantic(with_vocabulary)
    return scorer, suggester


def _preparer(claims: list) -> Callable[..., Any]:
    """`annotations.story_rows.prepare` of a block of these claims' story."""
    from annotations.story_rows import prepare

    return functools.partial(prepare, {c.id: k for k, c in enumerate(claims)})


def _serial_blocks(story: Story, scorer: PairScorer, suggester: StorySuggester) -> Iterator[Block]:
    """`blocks` in this process."""
    from reader.align import with_pair_scores
    from reader.align.evidence import align_blocks, by_claim

    claims = scorer.claims
    held: dict[int, list] = {}  # headlines waiting for the body sentence they condense
    for lo, hi, pairs in align_blocks(story, scorer=scorer):
        evidence, found = by_claim(claims, lo, hi, pairs)
        suggester.expect(range(lo, hi))
        done = []
        for i in range(lo, hi):
            if suggester.waits(i):
                held[i] = found[i]
            else:
                done.append(suggester.suggest(i, found[i]))
        for i in [i for i in held if not suggester.waits(i)]:
            evidence += held[i]
            done.append(suggester.suggest(i, held.pop(i)))
        # one score per pair: the sentences a suggestion rests on carry the pair score too
        yield pairs, with_pair_scores(done, evidence, scorer, suggester.pair_scores())
    if held:  # (a headline's body sentence is always suggested before)
        yield late_headlines(held, suggester, scorer)


def analyse(story: Story, phase: Phase | None = None) -> tuple[list, list]:
    """Evidence and suggestions (in document order) of one story, all at once: for a story of
    any size, `blocks` keeps memory bounded."""
    from reader.align.evidence import as_evidence

    claims = story.claims()
    evidence: list = []
    suggestions: list = []
    for pairs, done in blocks(story, phase):
        evidence += as_evidence(claims, pairs)
        suggestions += done
    where = {c.id: k for k, c in enumerate(claims)}
    return evidence, sorted(suggestions, key=lambda s: where[s.claim_id])


# What a block held in memory takes, roughly: its evidence arrays, and its suggestions (each
# with its reason and up to 6 evidence sentences, their texts shared with the story's claims).
PAIR_BYTES, SUGGESTION_BYTES = 18, 1_000


def spooled(
    story: Story,
    phase: Phase | None = None,
    folder: str | None = None,
    limit: int | None = None,
    jobs: int = 1,
) -> Spool:
    """`blocks(story)`, as the store's rows, written to a spool (in `folder` past `limit`
    bytes), for the writer."""
    spool = Spool(folder, limit)
    try:
        for rows in blocks(story, phase, jobs, rows=True):
            size = rows.pairs * PAIR_BYTES + len(rows.suggestions) * SUGGESTION_BYTES
            spool.add(rows, size)
            spool.pairs += rows.pairs
            spool.suggestions += len(rows.suggestions)
    except BaseException:
        spool.discard()
        raise
    return spool.done()


def decoding_warnings(corpus: Corpus) -> list[str]:
    """Every article's decoding warnings as "story/article: warning" lines (also stored)."""
    return [
        f"{shown_path(f'{story.name}/{a.name}')}: {w}"
        for story in corpus.stories for a in story.articles for w in a.warnings
    ]  # fmt: skip


def unchanged_report(story: Story) -> ImportReport:
    from annotations.store import ImportReport

    return ImportReport(
        story=story.name,
        articles_unchanged=[a.name for a in story.articles],
        claims=len(story.claims()),
        skipped=True,
    )


def _analysed(
    stories: Iterable[Story],
    count: int,
    jobs: int,
    phase: Phase | None = None,
    folder: str | None = None,
) -> Iterator[tuple[Story, Spool]]:
    """Each story with its evidence and suggestions (`spooled`, in `folder`), in the stories'
    order; `count`: how many stories there are at most.

    With jobs > 1 the analysis runs in worker processes, at most 2 × jobs stories ahead of the
    one the caller is storing, so memory stays bounded whatever the corpus size. The order is
    kept so that `--jobs 1` and `--jobs N` write the same database. Stories are taken from
    `stories` only as they are needed, so they can be loaded while others are analysed.
    """
    if jobs <= 1 or count <= 1:  # (one story: a long one's blocks use the jobs)
        for story in stories:
            yield story, spooled(story, phase, folder, jobs=jobs)
        return
    # up to 2 x jobs stories wait for the writer: together they hold at most what one may
    limit = spooling.SPILL_BYTES // (2 * jobs)
    with story_pool.pool(min(jobs, count)) as pool:
        pending: deque[tuple[Story, Future]] = deque()
        todo = iter(stories)
        for story in todo:
            pending.append((story, pool.submit(spooled, story, None, folder, limit)))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            story, future = pending.popleft()
            result = future.result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(spooled, nxt, None, folder, limit)))
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
    defer: bool = False,
) -> ImportResult:
    """Load `path`, then (re)align and store each story whose files changed since the last import.

    Stories are analysed in `jobs` worker processes and stored one transaction per story, in
    order: an import killed at any point leaves every stored story whole and none in part. A
    long story (`LONG_STORY`) is stored in two: its claims first (`Store.import_claims`), then
    its evidence and suggestions, so that the review app can open on it meanwhile. With
    `defer`, the second is left to a later import (`ImportResult.analysing`), and so is every
    story's once those analysed here reach `LONG_STORY` claims: the app opens on a corpus of
    any size after a second or two.
    `on_loaded(n)` is told how many stories were found; `progress(story)` is called after each one;
    `phase(what)` at each step of a long story analysed in this process.
    """
    from reader.processes import still_running, this_process

    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    corpus, count, loading = open_corpus(
        path,
        story=_stored_story(store, path),
        follow_symlinks=follow_symlinks,
        leave_out=side_files(store.path) if store.path != ":memory:" else (),
        **kwargs,
    )
    me = this_process()
    if on_loaded:
        on_loaded(count)
    result = ImportResult()
    reports = {}
    halves: set[int] = set()  # long stories whose claims are stored: their analysis is next
    analysed = 0  # claims of the stories analysed here
    later: list[Story] = []  # stories left to a later import whose claims are to be stored

    def done(story: Story, report: ImportReport) -> None:
        reports[id(story)] = report
        if progress:
            progress(story)

    def store_later() -> None:
        """The claims of the stories in `later`, in one transaction (not a commit a story)."""
        for story, report in zip(later, store.import_claims(*later), strict=True):
            done(story, report)
        later.clear()

    def taken(story: Story) -> bool | None:
        """The analysis of `story` (its claims stored, waiting) taken by this import, after
        waiting for another one (two review windows, or one and `crossread import`) that works
        it out: False when that one stored it; if it stops first, this one takes over. With
        `defer`, not waited for: None while the other one works on it."""
        told = False  # (said once)
        while (other := store.claim_analysis(story.name, me, still_running)) is not None:
            if not other:
                return False
            if defer:
                return None
            if phase and not told:
                pid = other.split(" ")[1]
                phase(f"waiting for another import (process {pid}) analysing it")
                told = True
            time.sleep(WAIT_S)
        return True

    def stale() -> Iterator[Story]:
        """The stories whose files changed, loaded as the analysis asks for the next one."""
        nonlocal analysed
        for story in loading:
            stored = store.story_path(story.name)
            if stored not in (None, story.path):
                if _another_place(stored, story.path):  # (a story is known by its name)
                    reason = (
                        f"a story named {shown_path(story.name)} is already imported from "
                        f"{shown_path(stored)}: rename "
                        "this one to import it as a story of its own"
                    )
                    result.refused.append(Skipped(shown_path(story.path), reason))
                    continue
                store.moved(story)
            # (`Store.story_is_current`, its two reads kept: a story waiting needs them again)
            same, marked = store.same_files(story), store.is_analysing(story.name)
            if same and not marked:
                done(story, unchanged_report(story))
                continue
            waiting = same and marked  # its claims are stored, waiting for their analysis (an
            # import stopped in between, or the review app's own)
            claims = len(story.claims())
            # (a story another import is analysing is left to it: the app opens meanwhile)
            if defer and (analysed + claims >= LONG_STORY or (waiting and taken(story) is None)):
                result.analysing.append(story.name)
                if waiting:
                    done(story, _waiting_report(story))
                else:
                    later.append(story)
                    if len(later) >= LATER_BATCH:
                        store_later()
                continue
            long = claims >= LONG_STORY  # its claims now, its analysis once stored (below)
            if long and not waiting:
                reports[id(story)] = store.import_claims(story)[0]
            if (long or waiting) and taken(story) is False:
                if store.same_files(story):  # another import stored their analysis meanwhile
                    done(story, reports.get(id(story)) or unchanged_report(story))
                    continue
                # ...of other files, imported meanwhile: these replace them, as any changed
                if long:
                    reports[id(story)] = store.import_claims(story)[0]
                    store.claim_analysis(story.name, me, still_running)  # (no one else's now)
            if long:
                reports.setdefault(id(story), _waiting_report(story))
                halves.add(id(story))
            analysed += claims
            yield story
        store_later()

    # a big story's blocks wait on disk for the writer: removed with this folder in any case
    with spooling.import_folder() as folder:
        for story, spool in _analysed(stale(), count, jobs, phase, folder):
            if phase and spool.suggestions >= LONG_STORY:  # one suggestion per sentence
                phase(
                    f"saving {counted(spool.pairs, 'evidence pair')} and "
                    f"{counted(spool.suggestions, 'suggestion')}"
                )
            if id(story) not in halves:
                reports[id(story)] = store.import_blocks(story, spool)
            elif not store.import_analysis(story, spool) and not store.story_is_current(story):
                # (current: another import, of these same files, stored their analysis first)
                result.warnings.append(
                    f"{shown_path(story.name)}: imported again while it was analysed: its "
                    "evidence and suggestions are that import's"
                )
            if progress:
                progress(story)
    result.skipped = [*corpus.skipped, *result.refused]  # (found as the stories were loaded)
    result.warnings[:0] = decoding_warnings(corpus)
    result.reports = [reports[id(s)] for s in corpus.stories if id(s) in reports]
    return result


def _another_place(stored: str, here: str) -> bool:
    """True when `stored`, where a story of this name was imported from, is another folder (or
    file) than `here` and still there: importing from here would replace a different story. A
    story whose folder was moved away is the same story, read from its new place."""
    there, here = (restore_undecodable(p) for p in (stored, here))  # (paths are stored escaped)
    return os.path.realpath(there) != os.path.realpath(here) and os.path.lexists(there)


def _stored_story(store: Store, path: str | Path) -> bool:
    """Whether the folder `path` was imported as one story (its name and place are a stored
    story's): read as one still, whatever folder was put inside it since."""
    where = escape_undecodable(os.path.abspath(path))
    return os.path.isdir(path) and store.story_path(escape_undecodable(Path(path).name)) == where


def _waiting_report(story: Story) -> ImportReport:
    report = unchanged_report(story)
    report.skipped = False
    return report
