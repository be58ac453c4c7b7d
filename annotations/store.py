"""The annotation store: one SQLite file holding stories, claims, evidence, labels and the event log.

API skeleton — bodies are being filled in; signatures are the contract for the UI and CLI.

Threads: a Store's connection belongs to the thread that opened it. A Textual worker thread must
open its own Store (Store.open is cheap), unless it is opened with `check_same_thread=False` and
the caller serializes access itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.models import Claim, Evidence, Story, Suggestion


class StoreError(Exception):
    """A one-line, user-facing problem with the database (not crossread's, newer schema, locked…)."""


class InvalidInput(StoreError, ValueError):
    """An unknown claim id, label or reviewer given to a write."""


class SaveError(StoreError):
    """A write failed (disk full, locked beyond the timeout, read-only); nothing was half-saved."""


@dataclass(frozen=True)
class Link:
    """A snapshot of a linked evidence sentence (kept even if that claim later vanishes)."""

    claim_id: str
    article: str
    text: str


@dataclass(frozen=True)
class Annotation:
    """One reviewer's current record on one claim."""

    claim_id: str
    reviewer: str
    label: str | None
    note: str
    links: tuple[Link, ...]
    suggested_label: str | None  # the stored suggestion for the claim, if any
    accepted_suggestion: bool  # the label was set by accepting the suggestion
    story: str
    article: str
    claim_text: str  # snapshot, so orphans can still be reported and exported
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Event:
    """One entry of the append-only log: who changed which claim, from what to what."""

    id: int
    at: str
    reviewer: str
    claim_id: str
    action: str  # set / clear / note / link / unlink / undo / redo
    old: dict | None  # {"label", "note", "links", "accepted_suggestion"} or None = no annotation
    new: dict | None
    reverts: int | None  # for undo/redo: the event id it reverts
    source: str = "key"


@dataclass(frozen=True)
class ArticleRow:
    """An article as stored: the same fields as reader.models.Article, without claims."""

    story: str
    name: str
    path: str
    title: str
    text: str
    sha256: str
    encoding: str
    warnings: tuple[str, ...] = ()
    title_span: tuple[int, int] | None = None
    boilerplate: tuple[tuple[int, int], ...] = ()


@dataclass
class ImportReport:
    story: str
    articles_added: list[str] = field(default_factory=list)  # article names
    articles_changed: list[str] = field(default_factory=list)
    articles_unchanged: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)
    claims: int = 0
    orphaned: list[Annotation] = field(default_factory=list)  # this story's annotations w/o claim
    skipped: bool = False  # story unchanged on disk and force=False: nothing was written


@dataclass(frozen=True)
class Count:
    tagged: int  # claims with a label
    total: int  # claims
    labels: dict[str, int]  # label -> number of labels


@dataclass
class Progress:
    overall: Count
    stories: dict[str, Count]
    articles: dict[tuple[str, str], Count]  # (story, article) -> Count
    reviewers: dict[str, Count]


class Store:
    """An open crossread database. Use `Store.open(path)`; also a context manager."""

    path: str

    @classmethod
    def open(
        cls, path: str | os.PathLike, *, create: bool = True, check_same_thread: bool = True
    ) -> Store:
        """Open (or create) a crossread database; ":memory:" allowed. Raises StoreError."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # import
    def story_is_current(self, story: Story) -> bool:
        """True if the stored story has the same article files with the same sha256."""
        raise NotImplementedError

    def import_story(
        self,
        story: Story,
        evidence: Iterable[Evidence],
        suggestions: Iterable[Suggestion] = (),
        *,
        force: bool = True,
    ) -> ImportReport:
        """Replace the story's articles/claims/evidence/suggestions in one transaction.

        Annotations are never deleted; those whose claim vanished are reported as orphaned.
        With force=False an unchanged story is skipped (report.skipped).
        """
        raise NotImplementedError

    # reading
    def stories(self) -> list[str]:
        raise NotImplementedError

    def articles(self, story: str) -> list[ArticleRow]:
        raise NotImplementedError

    def claims(self, story: str, article: str | None = None) -> list[Claim]:
        raise NotImplementedError

    def claim(self, claim_id: str) -> Claim | None:
        raise NotImplementedError

    def evidence(self, claim_id: str) -> list[Evidence]:
        raise NotImplementedError

    def suggestion(self, claim_id: str) -> Suggestion | None:
        raise NotImplementedError

    def annotation(self, claim_id: str, reviewer: str) -> Annotation | None:
        raise NotImplementedError

    def annotations(
        self, *, story: str | None = None, reviewer: str | None = None
    ) -> list[Annotation]:
        raise NotImplementedError

    def orphans(self) -> list[Annotation]:
        raise NotImplementedError

    def events(self, reviewer: str | None = None) -> list[Event]:
        raise NotImplementedError

    def progress(self, story: str | None = None, reviewer: str | None = None) -> Progress:
        raise NotImplementedError

    # writing: each call is one committed transaction; raises SaveError if it could not be saved
    def set_label(
        self, claim_id: str, label: str, reviewer: str, *, from_suggestion: bool = False
    ) -> Annotation:
        raise NotImplementedError

    def clear_label(self, claim_id: str, reviewer: str) -> Annotation | None:
        raise NotImplementedError

    def set_note(self, claim_id: str, reviewer: str, note: str) -> Annotation:
        raise NotImplementedError

    def toggle_link(self, claim_id: str, reviewer: str, other_id: str) -> Annotation:
        raise NotImplementedError

    def undo(self, reviewer: str) -> Event | None:
        raise NotImplementedError

    def redo(self, reviewer: str) -> Event | None:
        raise NotImplementedError

    def get_state(self, reviewer: str, key: str, default: str | None = None) -> str | None:
        raise NotImplementedError

    def set_state(self, reviewer: str, key: str, value: str) -> None:
        raise NotImplementedError
