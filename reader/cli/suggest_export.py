"""`crossread suggest`: suggestions for every claim of a corpus, in memory, as JSONL or CSV."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from reader.corpus.decode import on_disk
from reader.corpus.loader import load_corpus, require_articles
from reader.models import Corpus
from reader.pipeline import blocks, decoding_warnings

COLUMNS = [
    "story",
    "article",
    "claim_id",
    "start",
    "end",
    "text",
    "suggested_label",
    "suggestion_reason",
    "suggestion_confidence",
    "hints",
    "evidence",
]


def suggestion_records(
    path: str | Path,
    *,
    max_bytes: int = 5_000_000,
    report: Callable[[str], None] | None = None,
    follow_symlinks: bool = False,
    jobs: int = 1,
) -> Iterator[dict]:
    """One record per claim of every story under `path`, in document order; a long story's
    blocks are analysed in `jobs` processes.

    Skipped files are passed to `report` as one-line messages; a path with no article at all
    raises CorpusError (a mistyped folder should not look like an empty result).
    """
    corpus = _loaded(path, max_bytes=max_bytes, report=report, follow_symlinks=follow_symlinks)
    return _records(corpus, jobs=jobs)


def _loaded(
    path: str | Path,
    *,
    max_bytes: int,
    report: Callable[[str], None] | None,
    follow_symlinks: bool,
) -> Corpus:
    corpus = load_corpus(path, max_bytes=max_bytes, follow_symlinks=follow_symlinks)
    if report:
        for s in corpus.skipped:
            report(f"skipped {s.path}: {s.reason}")
        for w in decoding_warnings(corpus):
            report(f"warning {w}")
    require_articles(corpus, path)
    return corpus


def _records(corpus: Corpus, *, jobs: int) -> Iterator[dict]:
    for story in corpus.stories:
        # the evidence of each block of claims is dropped once its suggestions are made
        by_claim = {s.claim_id: s for _, done in blocks(story, jobs=jobs) for s in done}
        for claim in story.claims():
            s = by_claim.get(claim.id)
            yield {
                "story": story.name,
                "article": claim.article,
                "claim_id": claim.id,
                "start": claim.start,
                "end": claim.end,
                "text": claim.text,
                "suggested_label": s.label if s else "unverified",
                "suggestion_reason": s.reason if s else "",
                "suggestion_confidence": s.confidence if s else "low",
                "hints": list(s.hints) if s else [],
                "evidence": [
                    {"article": e.article, "text": e.text, "score": e.score}
                    for e in (s.evidence if s else ())
                ],
            }


def write_suggestions(
    path: str | Path,
    out: str | Path | TextIO,
    *,
    fmt: str = "jsonl",
    excel: bool = False,
    max_bytes: int = 5_000_000,
    report: Callable[[str], None] | None = None,
    follow_symlinks: bool = False,
    jobs: int = 1,
) -> int:
    """Write suggestion records to `out` (a path, written atomically, or a stream); rows written.
    `excel`: spreadsheet-safe CSV, as `crossread export --excel` (cells cut are reported)."""
    from annotations.output import open_output, write_header, write_records

    write_header(io.StringIO(), COLUMNS, fmt, excel=excel)  # a bad format: refused before the work
    # load before opening the output, so a bad corpus leaves an existing output file alone
    corpus = _loaded(path, max_bytes=max_bytes, report=report, follow_symlinks=follow_symlinks)
    records = list(_records(corpus, jobs=jobs))
    with open_output(out, protect=_protected(path, corpus)) as fh:
        written = write_records(records, fh, COLUMNS, fmt, excel=excel)
    return written.reported(report, "warning: ")


def _protected(path: str | Path, corpus: Corpus) -> list[tuple[str, str]]:
    """What the output must not replace: every article read, by the path it was read from (a
    hard link to one elsewhere, or a file outside PATH read through a symbolic link, is the
    same file), and PATH itself, whose .txt/.md files the next run reads as articles."""
    what = f"an article of {path}"
    protect = [(os.fspath(path), what)]
    for story in corpus.stories:
        # (a name that is not UTF-8 is kept escaped: the file on disk is the unescaped one)
        protect += [(on_disk(a.path), what) for a in story.articles]
    return protect
