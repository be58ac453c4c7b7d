"""The annotation store: one SQLite file with stories, claims, evidence, labels and the event log.

Every write is one `BEGIN IMMEDIATE … COMMIT` transaction on a WAL database with
`synchronous=FULL`: when a write method returns, the change survives kill -9 and power loss.
Every change also appends an event (old → new); undo and redo walk that log back from its end,
so they work across restarts.

Threads: a Store's connection belongs to the thread that opened it. A Textual worker thread must
open its own Store (Store.open is cheap), unless it is opened with `check_same_thread=False` and
the caller serializes access itself.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from annotations import connection
from annotations.connection import full
from annotations.damage import check, is_int, reads, span, texts
from annotations.damage import row as _row_of
from annotations.schema import (
    ANALYSER,
    ANALYSING,
    CLAIM_TEXT,
    CONFIDENCE_CODES,
    CONFIDENCE_OF,
    LABEL_CODES,
    LABEL_OF,
    META_TABLE,
    SCORE,
)
from annotations.story_rows import StoryRows, prepare
from reader.corpus.claim_ids import normalize_claim_text
from reader.models import (
    CONFIDENCES,
    LABELS,
    Article,
    Claim,
    Evidence,
    Story,
    Suggestion,
    name_order,
)

if TYPE_CHECKING:
    import sqlite_utils


# a decision on a claim a re-import took away: kept as it was, never replaced nor withdrawn
_GONE = "its sentence is no longer in its article: the final label is kept as it was (an orphan)"


class StoreError(Exception):
    """A one-line, user-facing problem: not crossread's database, newer schema, locked…"""


class InvalidInput(StoreError, ValueError):
    """An unknown claim id, label or reviewer given to a write."""


class DamagedError(StoreError):
    """A row that crossread cannot read: one line naming the table and row, and quick_check."""


_reads = reads(DamagedError)


class SaveError(StoreError):
    """A write failed (disk full, locked beyond the timeout, read-only); nothing was half-saved."""


class Busy(SaveError):
    """Another connection held the write lock and this one was not waiting for it (see
    `Store.not_waiting`); nothing was written."""


def _identity(path: str) -> tuple[int, int] | None:
    """The device and inode of the file at `path` (None: none there, or ":memory:")."""
    if path == ":memory:":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _busy(e: sqlite3.Error) -> bool:
    code = getattr(e, "sqlite_errorcode", None)  # Python 3.11+
    return code & 0xFF == sqlite3.SQLITE_BUSY if code is not None else "locked" in str(e)


class Stale(StoreError):
    """The label (or, `what`, the note) changed elsewhere (another window) since the caller
    last read it; not saved. `current` is the annotation as stored now."""

    def __init__(self, current: Annotation | None, what: str = "label") -> None:
        if what == "note":
            message = "this claim's note was saved elsewhere since you opened it"
        else:
            label = current.label if current and current.label else "no label"
            message = (
                f"this claim's label changed elsewhere to {label}; press again to overwrite it"
            )
        super().__init__(message)
        self.current, self.what = current, what


class StaleFinal(Stale):
    """The final label or its reason changed elsewhere (another window) since the adjudicator
    began editing the reason; not saved. `final` is the final label as stored now (None:
    withdrawn)."""

    def __init__(self, final: Final | None) -> None:
        StoreError.__init__(
            self, "this claim's final label or its reason changed elsewhere since you opened it"
        )
        self.current, self.what, self.final = None, "reason", final


# A block of a story's import: evidence as columns (claim, other claim, rank, score), claims as
# indices into `story.claims()`, and suggestions.
StoryBlock = (
    tuple[tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[float]], Iterable[Suggestion]]
    | StoryRows  # the same, prepared (story_rows.prepare)
)
UNSET = object()  # set_label(expect=…) not given: no staleness check
SESSION_TTL_S = 30  # a window not heard from for this long is closed: its undo history is free


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
    suggestion_reason: str | None = None  # the stored suggestion's reason and confidence
    suggestion_confidence: str | None = None


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
    grp: int | None = None  # events written together share it (the group's first event id)
    session: str | None = None  # the app window that made it (None: command line, API)
    origin: str | None = None  # the database file it was merged from (None: made here)


@dataclass(frozen=True)
class Final:
    """An adjudicator's decision: the claim's final label."""

    claim_id: str
    label: str
    reason: str
    decided_by: str
    decided_at: str
    story: str
    article: str
    claim_text: str


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
    source: str = ""  # "" in a database imported before sources were recorded
    url: str = ""
    published: str = ""


@dataclass
class ImportReport:
    story: str
    articles_added: list[str] = field(default_factory=list)  # article names
    articles_changed: list[str] = field(default_factory=list)
    articles_unchanged: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)
    claims: int = 0
    orphaned: list[Annotation] = field(default_factory=list)  # this story's annotations w/o claim
    orphaned_finals: list[Final] = field(default_factory=list)  # its final labels w/o claim
    # (gone, new) article names: a file no longer there whose sentences another one added has,
    # the one unambiguous match (a rename: its tags stay on the old name's claim ids)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    # a story new here whose folder is a stored story's, renamed (`reader.cli.reshape`)
    former: FormerStory | None = None
    skipped: bool = False  # story unchanged on disk and force=False: nothing was written


@dataclass(frozen=True)
class FormerStory:
    """A stored story whose folder was renamed: its tags stay with it, under its old name."""

    name: str
    path: str  # the folder it was imported from, no longer there
    annotations: list[Annotation]
    finals: list[Final]


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


@contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Reads that must agree in one read transaction, unless the caller's already holds them.

    It ends by rolling back (it wrote nothing): after a read error in a damaged file, a COMMIT
    fails too, and its error would hide the one-line message about the damage.
    """
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")


class Store:
    """An open crossread database. Use `Store.open(path)`; also a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._db = None
        self._file = _identity(path)  # the file opened: see `_write`
        # The app window writing through this store. Its undo/redo revert only its own changes
        # (and those of windows no longer open); None (command line, API): all of the reviewer's.
        self.session: str | None = None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        create: bool = True,
        check_same_thread: bool = True,
        read_only: bool = False,
    ) -> Store:
        """Open (or create) a crossread database; ":memory:" allowed. Raises StoreError.

        A file that is not SQLite, is another program's database or comes from a newer crossread
        is refused and left byte-for-byte untouched. An empty or missing file is created.
        """
        try:
            conn, p = connection.connect(
                path, create=create, check_same_thread=check_same_thread, read_only=read_only
            )
        except connection.OpenError as e:
            raise StoreError(str(e)) from None
        return cls(conn, p)

    def open_again(self, *, read_only: bool = False) -> Store:
        """Another connection to this store's file, for another thread of this process (this
        one has checked the file); in the same window's undo history."""
        try:
            conn = connection.connect_again(self.path, read_only=read_only, check_same_thread=False)
        except connection.OpenError as e:
            raise StoreError(str(e)) from None
        again = type(self)(conn, self.path)
        again.session = self.session
        again._file = self._file  # (the file this store opened, whatever is at its path now)
        return again

    @property
    def db(self) -> sqlite_utils.Database:
        """The same connection as a sqlite_utils.Database (imported lazily: it costs ~130 ms)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction taken before reading (BEGIN IMMEDIATE), committed on exit."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise (Busy if _busy(e) else SaveError)(
                f"could not save: {e}{full(self.path, e)}"
            ) from None
        if _identity(self.path) != self._file:
            # moved, deleted or replaced while open: a commit would go to a file no longer at
            # its path (or to its -wal beside that path, then orphaned), shown as saved and lost
            self.conn.execute("ROLLBACK")
            with suppress(sqlite3.Error):  # what was saved, into the file itself
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raise SaveError(
                f"could not save: the database file {self.path} was moved, replaced or deleted "
                "since it was opened; open it again where it is now"
            )
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):  # (a rollback journal's commit can be kept waiting)
                raise (Busy if _busy(e) else SaveError)(
                    f"could not save: {e}{full(self.path, e)}"
                ) from None
            raise

    @contextmanager
    def not_waiting(self) -> Iterator[None]:
        """Writes inside fail at once with Busy while another connection holds the write lock,
        instead of waiting for it up to the busy timeout."""
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {connection.BUSY_TIMEOUT_MS}")

    # ---- import -----------------------------------------------------------------------------

    @_reads
    def story_is_current(self, story: Story) -> bool:
        """True if the stored story has the same article files with the same sha256, and its
        evidence and suggestions (not still to come: `import_claims`)."""
        return self.same_files(story) and not self.is_analysing(story.name)

    @_reads
    def article_files(self, story: str) -> dict[str, str]:
        """Article name -> sha256 of its file, as stored: what an import of changed files
        changes (an open window reads the story again then)."""
        return dict(
            self.conn.execute("SELECT name, sha256 FROM articles WHERE story = ?", (story,))
        )

    @_reads
    def same_files(self, story: Story) -> bool:
        """True if the stored story has the same article files with the same sha256 (its
        claims are those of `story`)."""
        return _same_files(self.conn, story)

    @_reads
    def is_analysing(self, story: str) -> bool:
        """`story` is among `analysing()` (one row read, whatever their number)."""
        return _marked(self.conn, story)

    @_reads
    def analysing(self) -> set[str]:
        """The stories whose claims are stored but whose evidence and suggestions are still to
        come (`import_claims`): being worked out, or left so by an import that was stopped."""
        rows = self.conn.execute(
            f"SELECT substr(key, {len(ANALYSING) + 1}) FROM {META_TABLE} WHERE key LIKE ?",
            (ANALYSING + "%",),
        )
        return {r[0] for r in rows}

    def import_claims(self, *stories: Story) -> list[ImportReport]:
        """The first half of a long story's import, in one transaction (for several stories,
        one for all): their articles and claims replace the stored ones (as `import_blocks`
        does), with no evidence or suggestions yet; each story is marked as analysing until
        `import_analysis` stores those. The review app opens on the claims while they are
        worked out; an import stopped in between leaves the stories whole, and the next one
        works them out again (`story_is_current` is False)."""
        now = _now()
        with self._write() as conn:
            return [self._import(conn, story, [], now, analysing=True) for story in stories]

    def claim_analysis(self, story: str, me: str, running: Callable[[str], bool]) -> str | None:
        """Take the working out of `story`'s analysis for the import `me`, unless another
        import that is still `running` has taken it: that one then; "" when the story no
        longer waits for it (stored meanwhile); None: taken. An import that ended without
        storing the analysis leaves it to whoever asks next."""
        with self._write() as conn:
            if not _marked(conn, story):
                return ""
            got = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", (ANALYSER + story,))
            row = got.fetchone()
            if row is not None and row[0] != me and running(str(row[0])):
                return str(row[0])
            conn.execute(
                f"INSERT OR REPLACE INTO {META_TABLE} (key, value) VALUES (?, ?)",
                (ANALYSER + story, me),
            )
        return None

    def import_analysis(self, story: Story, blocks: Iterable[StoryBlock]) -> bool:
        """The second half of `import_claims`, in one transaction: the evidence and suggestions
        of `story`, whose claims are stored as they are in `story`. False (nothing written) when
        the stored story is no longer waiting for them, or was imported again from other files
        meanwhile."""
        with self._write() as conn:
            if not _marked(conn, story.name) or not _same_files(conn, story):
                return False
            clear_analysis(conn, story.name)
            _insert_analysis(conn, story, blocks)
            _unmark(conn, story.name)
        return True

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
        index = {c.id: k for k, c in enumerate(story.claims())}
        pairs = {
            (index[e.claim_id], index[e.other_id]): (e.rank, e.score)
            for e in evidence
            if e.claim_id in index and e.other_id in index
        }
        rows = tuple(zip(*((c, o, r, sc) for (c, o), (r, sc) in pairs.items()), strict=True))
        block = (rows or ((), (), (), ()), suggestions)
        return self.import_blocks(story, [block], force=force)

    def import_blocks(
        self, story: Story, blocks: Iterable[StoryBlock], *, force: bool = True
    ) -> ImportReport:
        """`import_story` with the evidence and suggestions in blocks, read one at a time inside
        the story's transaction: a story of millions of pairs is never in memory at once, and
        is stored whole or not at all. A block's evidence is four columns (claim, other claim,
        rank, score), claims as indices into `story.claims()`, one claim's pairs in one block."""
        if not force and self.story_is_current(story):
            report = ImportReport(story=story.name, claims=len(story.claims()), skipped=True)
            report.articles_unchanged = [a.name for a in story.articles]
            report.orphaned = self._orphans(story.name)
            report.orphaned_finals = self.orphaned_finals(story.name)
            return report
        with self._write() as conn:
            return self._import(conn, story, blocks, _now(), analysing=False)

    def _import(
        self,
        conn: sqlite3.Connection,
        story: Story,
        blocks: Iterable[StoryBlock],
        now: str,
        analysing: bool,
    ) -> ImportReport:
        """Inside the caller's transaction: the story's rows replaced, and marked as analysing
        (`import_claims`) or not."""
        report = ImportReport(story=story.name, claims=len(story.claims()))
        old = dict(conn.execute("SELECT name, sha256 FROM articles WHERE story = ?", (story.name,)))
        for a in story.articles:
            if a.name not in old:
                report.articles_added.append(a.name)
            elif old[a.name] != a.sha256:
                report.articles_changed.append(a.name)
            else:
                report.articles_unchanged.append(a.name)
        names = {a.name for a in story.articles}
        report.articles_removed = sorted(n for n in old if n not in names)
        if report.articles_removed and report.articles_added:
            report.renamed = self._renamed(story, report.articles_removed, report.articles_added)
        _replace_story(conn, story, blocks, now)
        _unmark(conn, story.name)  # (and whoever was working out the claims replaced here)
        if analysing:
            conn.execute(
                f"INSERT INTO {META_TABLE} (key, value) VALUES (?, ?)",
                (ANALYSING + story.name, now),
            )
        report.orphaned = self._orphans(story.name)
        report.orphaned_finals = self.orphaned_finals(story.name)
        return report

    def _renamed(self, story: Story, removed: list[str], added: list[str]) -> list[tuple[str, str]]:
        """(gone, new) pairs among the stored articles `removed` and `story`'s `added`: the same
        sentences (normalized, in order) under another file name, matched one to one."""

        def one_each(pairs: Iterable[tuple[tuple[str, ...], str]]) -> dict[tuple[str, ...], str]:
            found: dict[tuple[str, ...], list[str]] = {}
            for sentences, name in pairs:
                found.setdefault(sentences, []).append(name)
            return {k: v[0] for k, v in found.items() if len(v) == 1}

        gone = one_each(
            (tuple(normalize_claim_text(c.text) for c in self.claims(story.name, n)), n)
            for n in removed
        )
        new = one_each(
            (tuple(normalize_claim_text(c.text) for c in a.claims), a.name)
            for a in story.articles
            if a.name in added
        )
        return sorted((gone[k], new[k]) for k in gone.keys() & new.keys() if k)

    # ---- reading ----------------------------------------------------------------------------

    @_reads
    def stories(self) -> list[str]:
        """Names in the corpus's order (`name_order`)."""
        return sorted((r[0] for r in self.conn.execute("SELECT name FROM stories")), key=name_order)

    @_reads
    def story_path(self, story: str) -> str | None:
        """The folder (or file) the story was imported from."""
        row = self.conn.execute("SELECT path FROM stories WHERE name = ?", (story,)).fetchone()
        return row[0] if row else None

    def moved(self, story: Story) -> None:
        """Record that the stored story is now read from `story.path` (its folder was moved, or
        is spelt another way)."""
        with self._write() as conn:
            conn.execute("UPDATE stories SET path = ? WHERE name = ?", (story.path, story.name))

    @_reads
    def articles(self, story: str) -> list[ArticleRow]:
        rows = self.conn.execute(
            "SELECT story, name, path, title, text, sha256, encoding, warnings, title_span, "
            "boilerplate, source, url, published FROM articles WHERE story = ? ORDER BY position",
            (story,),
        )
        return [_article_row(r) for r in rows]

    @_reads
    def imported_paths(self) -> list[str]:
        """The files and folders the stories were imported from, as recorded at import."""
        rows = self.conn.execute("SELECT path FROM stories UNION SELECT path FROM articles")
        return [r[0] for r in rows]

    @_reads
    def claims(self, story: str, article: str | None = None) -> list[Claim]:
        """The story's claims (or one article's), ordered by article then index."""
        sql = f"SELECT {_CLAIM_COLUMNS} FROM articles a JOIN claim_rows r ON r.article = a.n "
        sql += "WHERE a.story = ?"
        args: tuple = (story,)
        if article is not None:
            sql += " AND a.name = ?"
            args += (article,)
        sql += " ORDER BY a.position, r.claim_index"
        with read_transaction(self.conn):  # (claims, then their articles' text)
            return self._claims(self.conn.execute(sql, args).fetchall())

    @_reads
    def _claim_rows(self, claim_ids: list[str]) -> dict[str, tuple]:
        """The rows of these claims (unknown ones left out) for `_claim`, each article's text
        read once; a row is checked only when made a claim, as `claim` checks the one it reads."""
        sql = f"SELECT {_CLAIM_COLUMNS} FROM claim_rows r JOIN articles a ON a.n = r.article "
        sql += "WHERE r.id IN (SELECT value FROM json_each(?))"
        with read_transaction(self.conn):  # (claims, then their articles' text)
            rows = self.conn.execute(sql, (json.dumps(claim_ids),)).fetchall()
            texts = self._texts(rows)
        return {r[0]: (*r[:6], text) for r, text in zip(rows, texts, strict=True)}

    @_reads
    def claim(self, claim_id: str) -> Claim | None:
        row = self.conn.execute(
            f"SELECT {_ONE_CLAIM} FROM claim_rows r JOIN articles a ON a.n = r.article "
            "WHERE r.id = ?",
            (claim_id,),
        ).fetchone()
        return _claim(row) if row else None

    @_reads
    def evidence(self, claim_id: str) -> list[Evidence]:
        """Stored evidence for a claim, best score first."""
        # a pair is in one of two tables: packed (nearly all), or as it was given
        rows = self.conn.execute(
            f"SELECT 1, r.id, a.name, p.packed, NULL, {_TEXT} FROM claim_rows c "
            "JOIN evidence_packed p ON p.claim = c.n JOIN claim_rows r ON r.n = p.claim + p.delta "
            "JOIN articles a ON a.n = r.article WHERE c.id = ?1 UNION ALL "
            f"SELECT 0, r.id, a.name, p.rank, {SCORE.format('p.score')}, {_TEXT} "
            "FROM claim_rows c JOIN evidence_pairs p ON p.claim = c.n "
            "JOIN claim_rows r ON r.n = p.other JOIN articles a ON a.n = r.article "
            "WHERE c.id = ?1",
            (claim_id,),
        )
        found = [
            _evidence((claim_id, oid, article, *(_unpack(a) if packed else (a, b)), text))
            for packed, oid, article, a, b, text in rows
        ]
        found.sort(key=lambda e: (-e.score, e.rank, e.article))
        return found

    @_reads
    def suggested(self, claim_ids: list[str]) -> dict[str, tuple[str, str]]:
        """Each claim's suggested label and its confidence (claims without one left out), read
        together: what `A` and the low-confidence filter need of a whole article. `suggestion`
        also reads each evidence sentence, cut from its article's text, which cost a second a
        thousand claims when the other article was long."""
        rows = self.conn.execute(
            "SELECT c.id, r.label, r.confidence FROM claim_rows c JOIN suggestion_rows r "
            "ON r.claim = c.n WHERE c.id IN (SELECT value FROM json_each(?))",
            (json.dumps(claim_ids),),
        )
        out: dict[str, tuple[str, str]] = {}
        for cid, label, confidence in rows:
            label, confidence = _code(LABEL_CODES, label), _code(CONFIDENCE_CODES, confidence)
            with _row_of("suggestions", cid):
                check(label in LABELS, f"unknown label {label!r}")
                check(confidence in CONFIDENCES, f"unknown confidence {confidence!r}")
            out[cid] = (str(label), str(confidence))
        return out

    @_reads
    def suggestion(self, claim_id: str) -> Suggestion | None:
        row = self.conn.execute(
            "SELECT r.label, r.reason, r.evidence, r.hints, r.spans, r.confidence "
            "FROM claim_rows c JOIN suggestion_rows r ON r.claim = c.n WHERE c.id = ?",
            (claim_id,),
        ).fetchone()
        if row is None:
            return None
        label, reason, ev, hints, spans, confidence = row
        label, confidence = _code(LABEL_CODES, label), _code(CONFIDENCE_CODES, confidence)
        cid = claim_id
        with _row_of("suggestions", cid):
            check(label in LABELS, f"unknown label {label!r}")
            check(confidence in CONFIDENCES, f"unknown confidence {confidence!r}")
            texts(reason=reason)
            refs = _evidence_refs(json.loads(ev))
            others = {
                r[0]: r[1:]
                for r in self.conn.execute(
                    f"SELECT r.n, r.id, a.name, {_TEXT} FROM claim_rows r JOIN articles a "
                    "ON a.n = r.article WHERE r.n IN (SELECT value FROM json_each(?))",
                    (json.dumps([r[0] for r in refs]),),
                )
            }
            return Suggestion(
                claim_id=cid,
                label=label,
                reason=reason,
                evidence=tuple(
                    _evidence((cid, *others[n][:2], rank, score, others[n][2]))
                    for n, rank, score in refs
                    if n in others
                ),
                hints=tuple(_strings(json.loads(hints))),
                spans=tuple(span(s) for s in json.loads(spans)),
                confidence=confidence,
            )

    def _claims(self, rows: list[tuple]) -> list[Claim]:
        """Claims from rows starting with _CLAIM_COLUMNS."""
        return [_claim((*r[:6], text)) for r, text in zip(rows, self._texts(rows), strict=True)]

    def _texts(self, rows: list[tuple]) -> list[object]:
        """The text of each row of _CLAIM_COLUMNS: as stored, or cut from its article's text,
        read once per article (SQL's substr would read the whole article for every claim)."""
        need = sorted({r[7] for r in rows if r[6] is None})
        articles = (
            dict(
                self.conn.execute(
                    "SELECT n, text FROM articles WHERE n IN (SELECT value FROM json_each(?))",
                    (json.dumps(need),),
                ).fetchall()
            )
            if need
            else {}
        )
        out = []
        for r in rows:
            text, start, end = r[6], r[4], r[5]
            if text is None and type(start) is int and type(end) is int:
                full = articles.get(r[7])
                text = full[start:end] if isinstance(full, str) else None
            out.append(text)
        return out

    @_reads
    def tagged_stories(self) -> set[str]:
        """The stories with an annotation (a label, note or link) or a final label."""
        rows = self.conn.execute(
            "SELECT DISTINCT story FROM annotations UNION SELECT DISTINCT story FROM finals"
        )
        return {r[0] for r in rows}

    def reviewers(self) -> list[str]:
        """Everyone with an annotation (a label, a note or a link), by name."""
        rows = self.conn.execute("SELECT DISTINCT reviewer FROM annotations ORDER BY reviewer")
        return [r[0] for r in rows]

    def annotation(self, claim_id: str, reviewer: str) -> Annotation | None:
        rows = self._select_annotations("an.claim_id = ? AND an.reviewer = ?", (claim_id, reviewer))
        return rows[0] if rows else None

    def annotations(
        self, *, story: str | None = None, reviewer: str | None = None
    ) -> list[Annotation]:
        """Current annotations, in reading order (orphans last within their story)."""
        where, args = ["1"], []
        if story is not None:
            where.append("an.story = ?")
            args.append(story)
        if reviewer is not None:
            where.append("an.reviewer = ?")
            args.append(reviewer)
        return self._select_annotations(" AND ".join(where), tuple(args))

    @_reads
    def labels(self) -> dict[str, dict[str, str]]:
        """Claim id -> reviewer -> label, of every labelled claim: the labels alone, without
        the notes and links `annotations` decodes (a screen that counts disagreements over
        tens of thousands of labels re-reads them in a tenth of the time)."""
        out: dict[str, dict[str, str]] = {}
        for cid, rev, label in self.conn.execute(
            "SELECT claim_id, reviewer, label FROM annotations WHERE label IS NOT NULL"
        ):
            if label not in LABELS or type(rev) is not str:  # (checked row by row: slower)
                with _row_of("annotations", (cid, rev)):
                    check(label in LABELS, f"unknown label {label!r}")
                    texts(reviewer=rev)
            out.setdefault(cid, {})[rev] = label
        return out

    def claim_annotations(self, claim_id: str) -> list[Annotation]:
        """Every reviewer's annotation of one claim, by reviewer."""
        return self._select_annotations("an.claim_id = ?", (claim_id,))

    def orphans(self) -> list[Annotation]:
        """Annotations whose claim no longer exists (kept, never deleted)."""
        return self._select_annotations("c.id IS NULL", ())

    def _orphans(self, story: str) -> list[Annotation]:
        return self._select_annotations("c.id IS NULL AND an.story = ?", (story,))

    @_reads
    def _select_annotations(self, where: str, args: tuple) -> list[Annotation]:
        rows = self.conn.execute(
            "SELECT an.claim_id, an.reviewer, an.label, an.note, an.links, "
            f"{LABEL_OF.format('s.label')}, an.accepted_suggestion, an.story, an.article, "
            "an.claim_text, an.created_at, an.updated_at, s.reason, "
            f"{CONFIDENCE_OF.format('s.confidence')} FROM annotations an "
            "LEFT JOIN claim_rows c ON c.id = an.claim_id "
            "LEFT JOIN articles a ON a.story = an.story AND a.name = an.article "
            "LEFT JOIN suggestion_rows s ON s.claim = c.n "
            f"WHERE {where} "
            "ORDER BY an.story, a.position IS NULL, a.position, an.article, "
            "c.claim_index IS NULL, c.claim_index, an.claim_id, an.reviewer",
            args,
        )
        return [_annotation(r) for r in rows]

    @_reads
    def cursor(self, sql: str, args: dict | tuple = ()) -> sqlite3.Cursor:
        """A cursor over `sql`'s rows, for `decode_rows`: Python 3.10's sqlite3 reads the first
        row as the statement runs, so a damaged cell there is reported here, as later ones are
        by `decode_rows` (it was a traceback on 3.10)."""
        return self.conn.execute(sql, args)

    @_reads
    def decode_rows(self, cursor: sqlite3.Cursor, decode: Callable[[tuple], dict]) -> list[dict]:
        """The cursor's next rows through `decode` ([] at the end): a streaming read whose bad
        row (damage.row) or read error is reported like every other read (DamagedError)."""
        return [decode(r) for r in cursor.fetchmany(2000)]

    @_reads
    def events(self, reviewer: str | None = None) -> list[Event]:
        """The event log, oldest first."""
        sql = f"SELECT {_EVENT_COLUMNS} FROM events"
        args: tuple = ()
        if reviewer is not None:
            sql += " WHERE reviewer = ?"
            args = (reviewer,)
        return [_event(r) for r in self.conn.execute(sql + " ORDER BY id", args)]

    @_reads
    def progress(self, story: str | None = None, reviewer: str | None = None) -> Progress:
        """Tagged/total claims and label counts, overall, per story, per article, per reviewer.

        Without a reviewer a claim counts as tagged if any reviewer labelled it; label counts
        then count every reviewer's label. Orphans are not counted (their claim is gone).
        """
        where, args = "1", []
        if story is not None:
            where = "a.story = ?"
            args.append(story)
        rev_join = "AND an.reviewer = ?" if reviewer is not None else ""
        join_args = [reviewer] if reviewer is not None else []
        rows = self.conn.execute(
            "SELECT a.story, a.name, c.id, an.reviewer, an.label "
            "FROM claim_rows c JOIN articles a ON a.n = c.article "
            f"LEFT JOIN annotations an ON an.claim_id = c.id AND an.label IS NOT NULL {rev_join} "
            f"WHERE {where} ORDER BY a.position, c.claim_index",  # (a merge adds claims last)
            (*join_args, *args),
        ).fetchall()
        acc: dict = {}

        def bump(key: object, cid: str, label: str | None) -> None:
            total, tagged, labels = acc.setdefault(key, (set(), set(), {}))
            total.add(cid)
            if label is not None:
                tagged.add(cid)
                labels[label] = labels.get(label, 0) + 1

        for s, art, cid, rev, label in rows:
            bump(("all",), cid, label)
            bump(("story", s), cid, label)
            bump(("article", s, art), cid, label)
            if rev is not None:
                bump(("reviewer", rev), cid, label)

        def count(key: object) -> Count:
            total, tagged, labels = acc.get(key, (set(), set(), {}))
            return Count(tagged=len(tagged), total=len(total), labels=dict(labels))

        return Progress(
            overall=count(("all",)),
            stories={k[1]: count(k) for k in acc if k[0] == "story"},
            articles={(k[1], k[2]): count(k) for k in acc if k[0] == "article"},
            reviewers={k[1]: count(k) for k in acc if k[0] == "reviewer"},
        )

    # ---- writing ----------------------------------------------------------------------------

    def set_label(
        self,
        claim_id: str,
        label: str,
        reviewer: str,
        *,
        from_suggestion: bool = False,
        expect: object = UNSET,
    ) -> Annotation:
        """Label a claim for a reviewer; committed and fsynced when this returns.

        With `expect` (the label the caller showed, None for none), raises Stale instead of
        writing if the stored label is another one: it changed elsewhere since.
        """
        if label not in LABELS:
            raise InvalidInput(f"unknown label {label!r} (use one of: {', '.join(LABELS)})")
        _check_reviewer(reviewer)
        with self._write():
            old = self._current(claim_id, reviewer)
            if expect is not UNSET and (old or _EMPTY)["label"] != expect:
                raise Stale(self.annotation(claim_id, reviewer))
            new = {**(old or _EMPTY), "label": label, "accepted_suggestion": from_suggestion}
            self._apply(
                claim_id,
                reviewer,
                "set",
                old,
                new,
                source="suggestion" if from_suggestion else "key",
            )
        return self._must(claim_id, reviewer)

    def clear_label(self, claim_id: str, reviewer: str) -> Annotation | None:
        """Remove the reviewer's label (note and links stay); None if nothing is left."""
        _check_reviewer(reviewer)
        with self._write():
            old = self._current(claim_id, reviewer)
            if old is None or old["label"] is None:
                return self.annotation(claim_id, reviewer)
            new = {**old, "label": None, "accepted_suggestion": False}
            self._apply(claim_id, reviewer, "clear", old, new)
        return self.annotation(claim_id, reviewer)

    def set_note(
        self, claim_id: str, reviewer: str, note: str, *, expect: str | None = None
    ) -> Annotation:
        """Set the reviewer's note on a claim ("" removes it).

        With `expect` (the note the caller showed when the reviewer began editing, "" for
        none; None: no check), raises Stale instead of writing if the stored note is another
        one: another window saved one since, and writing would silently replace it.
        """
        _check_reviewer(reviewer)
        _check_text("the note", note)
        with self._write():
            old = self._current(claim_id, reviewer)
            if expect is not None and (old or _EMPTY)["note"] != expect:
                raise Stale(self.annotation(claim_id, reviewer), "note")
            new = {**(old or _EMPTY), "note": note}
            self._apply(claim_id, reviewer, "note", old, new)
        return self.annotation(claim_id, reviewer) or self._blank(claim_id, reviewer)

    def toggle_link(self, claim_id: str, reviewer: str, other_id: str) -> Annotation:
        """Link (or unlink, if linked) a sentence of another article as evidence for the claim."""
        _check_reviewer(reviewer)
        with self._write():
            old = self._current(claim_id, reviewer)
            links = list((old or _EMPTY)["links"])
            kept = [lk for lk in links if lk["claim_id"] != other_id]
            if len(kept) < len(links):
                action = "unlink"
            else:
                mine, other = self._claim_or_raise(claim_id), self.claim(other_id)
                if other is None:
                    raise InvalidInput(f"unknown evidence claim id {other_id!r}")
                if other.story != mine.story or other.article == mine.article:
                    raise InvalidInput(
                        "evidence must be a sentence of another article of the story"
                    )
                kept = [
                    *links,
                    {"claim_id": other.id, "article": other.article, "text": other.text},
                ]
                action = "link"
            new = {**(old or _EMPTY), "links": kept}
            self._apply(claim_id, reviewer, action, old, new)
        return self.annotation(claim_id, reviewer) or self._blank(claim_id, reviewer)

    def accept_suggestions(self, claim_ids: Iterable[str], reviewer: str) -> int:
        """Label each claim with its stored suggestion, as one group: one undo reverts them all.

        One transaction; claims without a suggestion, or that the reviewer has labelled, are
        left alone: a batch fills in what they have not decided, and a label saved after the
        caller chose the claims (another window's, one that waited for the lock) stays.
        Returns how many labels changed.
        """
        _check_reviewer(reviewer)
        grp: int | None = None
        changed = 0
        with self._write() as conn:
            claim_ids = list(claim_ids)
            # read together: looked up one by one, each claim's text was cut from its article
            # read whole, twice a claim (accepting an article of 20,000 claims took 27 s)
            rows = self._claim_rows(claim_ids)
            suggested = self.suggested(claim_ids)
            for claim_id in claim_ids:
                if claim_id not in suggested:
                    continue
                old = self._current(claim_id, reviewer)
                if old is not None and old["label"] is not None:
                    continue
                label = suggested[claim_id][0]
                new = {**(old or _EMPTY), "label": label, "accepted_suggestion": True}
                eid = self._apply(
                    claim_id, reviewer, "set", old, new, source="suggestion", grp=grp,
                    claim=_claim(rows[claim_id]) if claim_id in rows else None,
                )  # fmt: skip
                if eid is None:
                    continue
                changed += 1
                if grp is None:
                    grp = eid
                    conn.execute("UPDATE events SET grp = ? WHERE id = ?", (eid, eid))
        return changed

    def undo(self, reviewer: str, *, final: bool = False) -> Event | None:
        """Revert the reviewer's last change (or group) not yet undone; with `final`, their last
        decision as an adjudicator instead.

        Returns the "undo" event on the claim the change (a batch: its first claim) was made
        on, or None when there was nothing to undo.
        """
        return self._revert(reviewer, "undo", final)

    def redo(self, reviewer: str, *, final: bool = False) -> Event | None:
        """Re-apply the most recent undo if the reviewer changed nothing since; else None."""
        return self._revert(reviewer, "redo", final)

    @_reads
    def _revert(self, reviewer: str, action: str, final: bool = False) -> Event | None:
        current_of, apply = (
            (lambda cid, _r: self._current_final(cid), self._apply_final)
            if final
            else (self._current, self._apply)
        )
        with self._write() as conn:
            try:
                top = _Log(self, reviewer, final).top(action)
            except (_TooLong, RecursionError):  # a long run of undos or redos: replay the log
                done, undone = self._stacks(reviewer, final)
                stack = done if action == "undo" else undone
                top = stack[-1] if stack else None
            if not top:
                return None
            stack = [top]
            # the events to revert, last first; for a redo they are "undo" events, whose `old`
            # is the state before them
            grp: int | None = None
            applied: list[int] = []
            for target_id in reversed(stack[-1]):
                target = self._event(target_id)
                back = _state_before(target, final)
                current = current_of(target.claim_id, reviewer)
                eid = apply(
                    target.claim_id, reviewer, action, current, back, reverts=target.id,
                    check_claim=False, grp=grp,
                )  # fmt: skip
                assert eid is not None  # undo/redo always record an event
                applied.append(eid)
                if grp is None and len(stack[-1]) > 1:
                    grp = eid
                    conn.execute("UPDATE events SET grp = ? WHERE id = ?", (eid, eid))
        # the event on the claim a batch began with, for undo (which reverts it last) and redo
        # (which makes it again first) alike: the cursor goes there, the notice names it
        return self._event(applied[-1] if action == "undo" else applied[0])

    def _stacks(
        self, reviewer: str, final: bool = False
    ) -> tuple[list[list[int]], list[list[int]]]:
        """Replay the reviewer's log: (changes that can be undone, undos that can be redone).

        Each entry is the ids of one unit: a lone event, or the events of one group (a batch
        of accepted suggestions), which undo and redo treat as one step. It reads the whole log
        (80 ms at 20,000 events): undo and redo use `_Log`, which gives the same tops reading
        from the end, and fall back on this past a long run of undos or redos.
        """
        units: list[tuple[str, list[int], set[int], int | None]] = []
        # a reviewer's labels and their decisions as adjudicator are two separate histories
        rows = self.conn.execute(
            "SELECT id, action, reverts, grp, claim_id, session FROM events WHERE reviewer = ? "
            f"AND source {'=' if final else '!='} 'final' ORDER BY id",
            (reviewer,),
        ).fetchall()
        others = self._open_windows(reviewer) - {self.session}
        # With a window: its changes, and those made where no other window is open any more.
        # A change whose claim another open window changed later is no longer this one's to
        # revert (undoing it would revert the other window's change too).
        later: dict[str, int] = {}  # claim id -> the other windows' last event on it
        claim_of: dict[int, str] = {}
        for eid, _action, _reverts, _grp, claim_id, session in rows:
            claim_of[eid] = claim_id
            if session in others:
                later[claim_id] = eid
        for eid, action, reverts, grp, _claim, session in rows:
            if session in others:
                continue
            if grp is not None and units and units[-1][3] == grp:
                units[-1][1].append(eid)
                units[-1][2].add(reverts)
            else:
                units.append((action, [eid], {reverts}, grp))

        def mine(unit: list[int]) -> bool:
            return all(later.get(claim_of[eid], 0) < eid for eid in unit)

        stuck = self._stuck(reviewer, final)

        def kept(ids: list[int] | set[int]) -> set[int]:
            return {eid for eid in ids if eid not in stuck}

        done: list[list[int]] = []
        undone: list[list[int]] = []
        for action, ids, reverts, _ in units:
            usable = [eid for eid in ids if eid not in stuck]
            if action == "undo":
                if done and set(done[-1]) == kept(reverts):
                    done.pop()
                if mine(ids) and usable:
                    undone.append(usable)
            elif action == "redo":
                if undone and set(undone[-1]) == kept(reverts):
                    undone.pop()
                if mine(ids) and usable:
                    done.append(usable)  # undoing a redo reverts it again
            else:
                if mine(ids) and usable:
                    done.append(usable)
                undone.clear()  # a new change ends the redo chain
        return done, undone

    def _stuck(self, reviewer: str, final: bool) -> set[int]:
        """The reviewer's events that undo and redo leave alone: those on a claim a re-import
        took away, unless reverting one only changes the orphan it left (still kept, still
        saying where it was). Reverting any other would delete the orphan (invariant 3: kept,
        never deleted) or re-create a tag that names no story, article or sentence (an
        orphan's snapshot is its only record of them)."""
        rows = self.conn.execute(
            "SELECT e.id, e.claim_id, e.old FROM events e WHERE e.reviewer = ? "
            f"AND e.source {'=' if final else '!='} 'final' "
            "AND NOT EXISTS (SELECT 1 FROM claim_rows c WHERE c.id = e.claim_id)",
            (reviewer,),
        ).fetchall()
        if not rows:
            return set()
        gone = json.dumps(sorted({r[1] for r in rows}))
        kept_rows = self.conn.execute(
            "SELECT claim_id FROM finals WHERE claim_id IN (SELECT value FROM json_each(?))"
            if final
            else "SELECT claim_id FROM annotations WHERE reviewer = ? "
            "AND claim_id IN (SELECT value FROM json_each(?))",
            (gone,) if final else (reviewer, gone),
        )
        orphans = {r[0] for r in kept_rows}
        stuck = set()
        for eid, claim_id, old in rows:
            with _row_of("events", eid):
                state = json.loads(old) if old is not None else None
                empty = state is None or (not final and _is_empty({**_EMPTY, **state}))
            if claim_id not in orphans or empty:
                stuck.add(eid)
        return stuck

    def _open_windows(self, reviewer: str) -> set[str]:
        """The reviewer's app windows heard from lately (none for the command line and API)."""
        if self.session is None:
            return set()
        rows = self.conn.execute(
            "SELECT substr(key, 9) FROM state WHERE reviewer = ? AND key LIKE 'session:%' "
            "AND value > ?",
            (reviewer, _ago(SESSION_TTL_S)),
        )
        return {r[0] for r in rows}

    # ---- final labels (adjudication) ---------------------------------------------------------

    def decide(
        self,
        claim_id: str,
        label: str,
        adjudicator: str,
        reason: str | None = None,
        *,
        expect: tuple[str, str] | None = None,
    ) -> Final:
        """Make `label` the claim's final label, decided by `adjudicator` (logged, undoable with
        undo(adjudicator, final=True)); `reason` None keeps the stored reason (read under the
        write lock: a newer one another window saved is not replaced by one read before it).

        With `expect` (the final label and reason the caller showed when the adjudicator began
        editing the reason, ("", "") for none; None: no check), raises StaleFinal instead of
        writing if the stored ones differ: another window decided since, and writing would
        silently replace its decision.
        """
        if label not in LABELS:
            raise InvalidInput(f"unknown label {label!r} (use one of: {', '.join(LABELS)})")
        _check_reviewer(adjudicator)
        if reason is not None:
            _check_text("the reason", reason)
        with self._write():
            old = self._current_final(claim_id)
            if self.claim(claim_id) is None:
                raise InvalidInput(_GONE if old else f"unknown claim id {claim_id!r}")
            stored = (old["label"], old["reason"]) if old else ("", "")
            if expect is not None and stored != tuple(expect):
                raise StaleFinal(self.final(claim_id))
            new = {"label": label, "reason": stored[1] if reason is None else reason}
            self._apply_final(claim_id, adjudicator, "decide", old, new)
        final = self.final(claim_id)
        assert final is not None  # just written in a committed transaction
        return final

    def undecide(self, claim_id: str, adjudicator: str) -> None:
        """Withdraw the claim's final label (logged, undoable)."""
        _check_reviewer(adjudicator)
        with self._write():
            old = self._current_final(claim_id)
            if old is not None and self.claim(claim_id) is None:
                raise InvalidInput(_GONE)  # (withdrawn, it would be lost with its sentence)
            if old is not None:
                self._apply_final(claim_id, adjudicator, "undecide", old, None)

    def final(self, claim_id: str) -> Final | None:
        found = self.finals(claim_id=claim_id)
        return found.get(claim_id)

    def finals(self, *, story: str | None = None, claim_id: str | None = None) -> dict[str, Final]:
        """Final labels by claim id (of one story or claim if given)."""
        where, args = "1", ()
        if story is not None:
            where, args = "story = ?", (story,)
        if claim_id is not None:
            where, args = "claim_id = ?", (claim_id,)
        rows = self.conn.execute(
            "SELECT claim_id, label, reason, decided_by, decided_at, story, article, claim_text "
            f"FROM finals WHERE {where}",
            args,
        )
        return {r[0]: Final(*r) for r in rows}

    @_reads
    def orphaned_finals(self, story: str | None = None) -> list[Final]:
        """Final labels whose claim a re-import took away (kept, never deleted), of one story
        if given, in story order then by article and sentence: the one place they are found,
        for the import's report, `stats`, `export --final`, `merge` and the adjudication
        screen alike."""
        where, args = "c.id IS NULL", ()
        if story is not None:
            where, args = "c.id IS NULL AND f.story = ?", (story,)
        rows = self.conn.execute(
            "SELECT f.claim_id, f.label, f.reason, f.decided_by, f.decided_at, f.story, "
            "f.article, f.claim_text FROM finals f LEFT JOIN claim_rows c ON c.id = f.claim_id "
            f"WHERE {where} ORDER BY f.story, f.article, f.claim_id",
            args,
        )
        found = [Final(*r) for r in rows]
        found.sort(key=lambda f: name_order(f.story))
        return found

    def _current_final(self, claim_id: str) -> dict | None:
        row = self.conn.execute(
            "SELECT label, reason FROM finals WHERE claim_id = ?", (claim_id,)
        ).fetchone()
        return {"label": row[0], "reason": row[1]} if row else None

    def _apply_final(
        self,
        claim_id: str,
        adjudicator: str,
        action: str,
        old: dict | None,
        new: dict | None,
        *,
        reverts: int | None = None,
        grp: int | None = None,
        check_claim: bool = True,
    ) -> int | None:
        """Write `new` as the claim's final label and log it (source 'final'); event id."""
        if check_claim and old == new:
            return None
        now = _now()
        if new is None:
            self.conn.execute("DELETE FROM finals WHERE claim_id = ?", (claim_id,))
        else:
            claim = self.claim(claim_id)
            snap = (claim.story, claim.article, claim.text) if claim else ("", "", "")
            self.conn.execute(
                "INSERT INTO finals (claim_id, label, reason, decided_by, decided_at, story, "
                "article, claim_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(claim_id) DO "
                "UPDATE SET label = excluded.label, reason = excluded.reason, "
                "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                (claim_id, new["label"], new["reason"], adjudicator, now, *snap),
            )
        cur = self.conn.execute(
            "INSERT INTO events (at, reviewer, claim_id, action, old, new, reverts, source, grp, "
            "session) VALUES (?, ?, ?, ?, ?, ?, ?, 'final', ?, ?)",
            (now, adjudicator, claim_id, action, _dump(old), _dump(new), reverts, grp,
             self.session),
        )  # fmt: skip
        return int(cur.lastrowid)

    # ---- windows ------------------------------------------------------------------------------

    def data_version(self) -> int:
        """A number that changes when another connection commits (cheap: no disk read)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def session_alive(self, reviewer: str) -> None:
        """Mark this store's window as open (call every few seconds): its changes stay its own."""
        if self.session is not None:
            self.set_state(reviewer, f"session:{self.session}", _now())

    def session_closed(self, reviewer: str) -> None:
        """The window closed: a later window's undo may revert its changes."""
        if self.session is not None:
            with self._write() as conn:
                conn.execute(
                    "DELETE FROM state WHERE reviewer = ? AND key = ?",
                    (reviewer, f"session:{self.session}"),
                )

    def get_state(self, reviewer: str, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute(
            "SELECT value FROM state WHERE reviewer = ? AND key = ?", (reviewer, key)
        ).fetchone()
        return row[0] if row else default

    def set_state(self, reviewer: str, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO state (reviewer, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT(reviewer, key) DO UPDATE SET value = excluded.value",
                (reviewer, key, value),
            )

    # ---- helpers (inside a write transaction) -----------------------------------------------

    def _claim_or_raise(self, claim_id: str) -> Claim:
        claim = self.claim(claim_id)
        if claim is None:
            raise InvalidInput(f"unknown claim id {claim_id!r}")
        return claim

    @_reads
    def _current(self, claim_id: str, reviewer: str) -> dict | None:
        row = self.conn.execute(
            "SELECT label, note, links, accepted_suggestion FROM annotations "
            "WHERE claim_id = ? AND reviewer = ?",
            (claim_id, reviewer),
        ).fetchone()
        if row is None:
            return None
        with _row_of("annotations", (claim_id, reviewer)):
            check(row[0] is None or row[0] in LABELS, f"unknown label {row[0]!r}")
            links = json.loads(row[2])
            for lk in links:
                Link(**lk)
            return {
                "label": row[0],
                "note": row[1],
                "links": links,
                "accepted_suggestion": bool(row[3]),
            }

    def _apply(
        self,
        claim_id: str,
        reviewer: str,
        action: str,
        old: dict | None,
        new: dict | None,
        *,
        reverts: int | None = None,
        source: str = "key",
        check_claim: bool = True,
        grp: int | None = None,
        claim: Claim | None = None,
    ) -> int | None:
        """Write `new` as the annotation and append the event; returns the event id.

        Returns None, writing nothing, when a user change would not change anything (so the log
        holds no no-op events for undo to step through); undo/redo always record. `claim`, when
        given, is the claim already read (else it is read here).
        """
        if claim is None and (check_claim or old is None):
            claim = self.claim(claim_id)
        if check_claim and claim is None:
            raise InvalidInput(f"unknown claim id {claim_id!r}")
        if new is not None and _is_empty(new):
            new = None
        if check_claim and _same(old, new):
            return None
        now = _now()
        if new is None:
            self.conn.execute(
                "DELETE FROM annotations WHERE claim_id = ? AND reviewer = ?", (claim_id, reviewer)
            )
        elif old is None:
            snap = self._snapshot(claim_id, claim)
            self.conn.execute(
                "INSERT INTO annotations (claim_id, reviewer, label, note, links, "
                "accepted_suggestion, story, article, claim_text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(claim_id, reviewer) DO UPDATE SET label = excluded.label, "
                "note = excluded.note, links = excluded.links, "
                "accepted_suggestion = excluded.accepted_suggestion, "
                "updated_at = excluded.updated_at",
                (claim_id, reviewer, new["label"], new["note"], json.dumps(new["links"]),
                 int(new["accepted_suggestion"]), *snap, now, now),
            )  # fmt: skip
        else:
            self.conn.execute(
                "UPDATE annotations SET label = ?, note = ?, links = ?, "
                "accepted_suggestion = ?, updated_at = ? WHERE claim_id = ? AND reviewer = ?",
                (new["label"], new["note"], json.dumps(new["links"]),
                 int(new["accepted_suggestion"]), now, claim_id, reviewer),
            )  # fmt: skip
        cur = self.conn.execute(
            "INSERT INTO events (at, reviewer, claim_id, action, old, new, reverts, source, grp, "
            "session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now, reviewer, claim_id, action, _dump(old), _dump(new), reverts, source, grp,
             self.session),
        )  # fmt: skip
        return int(cur.lastrowid)

    def _snapshot(self, claim_id: str, claim: Claim | None) -> tuple[str, str, str]:
        """(story, article, claim_text) for a new annotation row, from the claim or the log."""
        if claim is not None:
            return claim.story, claim.article, claim.text
        # Undo re-creating an orphan's annotation: reuse the snapshot of any earlier row.
        row = self.conn.execute(
            "SELECT story, article, claim_text FROM annotations WHERE claim_id = ? LIMIT 1",
            (claim_id,),
        ).fetchone()
        return tuple(row) if row else ("", "", "")

    @_reads
    def _event(self, event_id: int) -> Event:
        row = self.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?",
            (event_id,),
        ).fetchone()
        return _event(row)

    def _must(self, claim_id: str, reviewer: str) -> Annotation:
        ann = self.annotation(claim_id, reviewer)
        assert ann is not None  # just written in a committed transaction
        return ann

    def _blank(self, claim_id: str, reviewer: str) -> Annotation:
        """An empty annotation (nothing stored): what a note or links cleared to nothing leaves."""
        claim = self._claim_or_raise(claim_id)
        return Annotation(claim_id, reviewer, None, "", (), None, False, claim.story,
                          claim.article, claim.text, "", "")  # fmt: skip


class _TooLong(Exception):
    """The log's top took more steps back than _Log allows."""


@dataclass
class _Unit:
    """One step of a reviewer's history: a lone event, or a group's events (ids ascending)."""

    action: str
    ids: list[int]
    reverts: set[int | None]
    claims: list[str]


class _Log:
    """A reviewer's undo history read backward from its end, a few units at a time.

    It gives the same tops as `Store._stacks` (the reference: a replay of the whole log, which
    took 80-200 ms at 20,000 events) by following that replay's two stacks back: the done
    stack after a unit is that unit (it pushed), the stack before it (it changed nothing), or,
    after an undo that popped unit X, the stack before X was pushed; likewise the undone stack.
    Whether a unit counts (its window, its claims still there) is read for it alone, by
    indexed queries, so an undo costs the same at any length of log. A long run of undos or
    redos still needs one step per undo in it: past MAX_STEPS, `_TooLong`.
    """

    MAX_STEPS = 40  # (a step: ~0.3 ms, two frames of recursion)
    CHUNK = 64

    def __init__(self, store: Store, reviewer: str, final: bool) -> None:
        self.conn = store.conn
        self.reviewer = reviewer
        self.final = final
        others = store._open_windows(reviewer) - {store.session}
        self.others = sorted(o for o in others if o is not None)
        self.units: dict[int, _Unit | None] = {}  # first id after it -> the unit before it
        self.done: dict[int, _Unit | None] = {}  # a unit's last id -> the done top after it
        self.undone: dict[int, _Unit | None] = {}
        self.stuck_of: dict[int, bool] = {}
        self.usable_of: dict[int, list[int]] = {}
        self.steps = 0
        # (source = 'final') as the index events_by_history has it
        self.where = "reviewer = ? AND (source = 'final') = ?"
        self.args: tuple = (reviewer, int(final))
        if self.others:
            marks = ", ".join("?" * len(self.others))
            self.where += f" AND (session IS NULL OR session NOT IN ({marks}))"
            self.args += tuple(self.others)

    def top(self, action: str) -> list[int] | None:
        """The ids the next undo (or redo) reverts, as `_stacks` would give them."""
        last = self.before(None)
        unit = self.done_after(last) if action == "undo" else self.undone_after(last)
        return self.usable(unit) if unit is not None else None

    # ---- the two stacks, followed back ----

    def done_after(self, unit: _Unit | None) -> _Unit | None:
        if unit is None:
            return None
        key = unit.ids[-1]
        if key not in self.done:
            self.done[key] = self._done_after(unit)
        return self.done[key]

    def _done_after(self, unit: _Unit) -> _Unit | None:
        if unit.action != "undo" and self.pushes(unit):
            return unit
        below = self.done_after(self.before(unit))
        if unit.action == "undo" and self.reverts(unit, below):
            return self.done_after(self.before(below))  # popped
        return below

    def undone_after(self, unit: _Unit | None) -> _Unit | None:
        if unit is None:
            return None
        key = unit.ids[-1]
        if key not in self.undone:
            self.undone[key] = self._undone_after(unit)
        return self.undone[key]

    def _undone_after(self, unit: _Unit) -> _Unit | None:
        if unit.action == "undo":
            return unit if self.pushes(unit) else self.undone_after(self.before(unit))
        if unit.action != "redo":
            return None  # a new change ends the redo chain
        below = self.undone_after(self.before(unit))
        if self.reverts(unit, below):
            return self.undone_after(self.before(below))  # popped
        return below

    def reverts(self, unit: _Unit, top: _Unit | None) -> bool:
        """`unit` (an undo or redo) reverted the stack's top: it pops it, as in the replay."""
        return top is not None and set(self.usable(top)) == self.kept(unit.reverts)

    # ---- one unit ----

    def before(self, unit: _Unit | None) -> _Unit | None:
        """The unit just before `unit` (None: the log's last unit); None at the log's start."""
        bound = unit.ids[0] if unit is not None else None
        key = bound if bound is not None else -1
        if key in self.units:
            return self.units[key]
        self.steps += 1
        if self.steps > self.MAX_STEPS:
            raise _TooLong
        rows: list[tuple] = []
        grp: object = None
        while True:
            chunk = self.conn.execute(
                "SELECT id, action, reverts, grp, claim_id FROM events WHERE "
                f"{self.where}{'' if bound is None else ' AND id < ?'} ORDER BY id DESC LIMIT ?",
                (*self.args, *(() if bound is None else (bound,)), self.CHUNK),
            ).fetchall()
            if not rows and chunk:
                grp = chunk[0][3]
            for row in chunk:
                if rows and (grp is None or row[3] != grp):
                    break
                rows.append(row)
            else:
                if len(chunk) == self.CHUNK and grp is not None:
                    bound = chunk[-1][0]  # the group may go on before this chunk
                    continue
            break
        found = None
        if rows:
            rows.reverse()
            found = _Unit(rows[0][1], [r[0] for r in rows], {r[2] for r in rows},
                          [r[4] for r in rows])  # fmt: skip
        self.units[key] = found
        return found

    def pushes(self, unit: _Unit) -> bool:
        return self.mine(unit) and bool(self.usable(unit))

    def mine(self, unit: _Unit) -> bool:
        """No other open window changed one of the unit's claims after it."""
        if not self.others:
            return True
        pairs = json.dumps([[c, i] for c, i in zip(unit.claims, unit.ids, strict=True)])
        marks = ", ".join("?" * len(self.others))
        later = self.conn.execute(
            "SELECT 1 FROM json_each(?) j JOIN events e ON e.claim_id = json_extract(j.value, "
            "'$[0]') AND e.id > json_extract(j.value, '$[1]') "
            "WHERE e.reviewer = ? AND (e.source = 'final') = ? "
            f"AND e.session IN ({marks}) LIMIT 1",
            (pairs, self.reviewer, int(self.final), *self.others),
        ).fetchone()
        return later is None

    def usable(self, unit: _Unit) -> list[int]:
        key = unit.ids[-1]
        if key not in self.usable_of:
            self._read_stuck(unit.ids)
            self.usable_of[key] = [i for i in unit.ids if not self.stuck_of[i]]
        return self.usable_of[key]

    def kept(self, ids: set[int | None]) -> set[int | None]:
        self._read_stuck([i for i in ids if i is not None])
        return {i for i in ids if i is None or not self.stuck_of[i]}

    def _read_stuck(self, ids: list[int]) -> None:
        """Which of these events `Store._stuck` counts as stuck, read for them alone."""
        ids = [i for i in ids if i not in self.stuck_of]
        if not ids:
            return
        rows = self.conn.execute(
            "SELECT e.id, e.claim_id, e.old, EXISTS (" + (
                "SELECT 1 FROM finals f WHERE f.claim_id = e.claim_id" if self.final else
                "SELECT 1 FROM annotations a WHERE a.claim_id = e.claim_id AND a.reviewer = ?"
            ) + ") FROM events e WHERE e.id IN (SELECT value FROM json_each(?)) "
            "AND e.reviewer = ? AND (e.source = 'final') = ? "
            "AND NOT EXISTS (SELECT 1 FROM claim_rows c WHERE c.id = e.claim_id)",
            (*(() if self.final else (self.reviewer,)), json.dumps(ids), self.reviewer,
             int(self.final)),
        ).fetchall()  # fmt: skip
        for i in ids:
            self.stuck_of[i] = False
        for eid, _claim, old, orphan in rows:
            with _row_of("events", eid):
                state = json.loads(old) if old is not None else None
                empty = state is None or (not self.final and _is_empty({**_EMPTY, **state}))
            self.stuck_of[eid] = not orphan or empty


_EVENT_COLUMNS = (
    "id, at, reviewer, claim_id, action, old, new, reverts, source, grp, session, origin"
)
_EMPTY: dict = {"label": None, "note": "", "links": [], "accepted_suggestion": False}


def _is_empty(state: dict) -> bool:
    return state["label"] is None and not state["note"] and not state["links"]


def _same(old: dict | None, new: dict | None) -> bool:
    """Equal as far as a reader can tell (no annotation == an empty one)."""
    return (old if old and not _is_empty(old) else None) == new


def _check_reviewer(reviewer: str) -> None:
    if not reviewer or not reviewer.strip():
        raise InvalidInput("a reviewer name is required")
    _check_text("the reviewer name", reviewer)


def _check_text(what: str, text: str) -> None:
    """Refuse text SQLite cannot store as UTF-8 (a lone surrogate, e.g. from a bad paste)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidInput(
            f"{what} cannot be saved: it holds an unpaired surrogate "
            f"U+{ord(text[e.start]):04X} at character {e.start + 1}"
        ) from None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _ago(seconds: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat(
        timespec="microseconds"
    )


def _dump(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _annotation(row: tuple) -> Annotation:
    cid, rev, label, note, links, sugg, accepted, story, article, text, created, updated = row[:12]
    with _row_of("annotations", (cid, rev)):
        check(label is None or label in LABELS, f"unknown label {label!r}")
        check(isinstance(note, str), "the note is not text")
        texts(reviewer=rev, claim_text=text, suggestion_reason=row[12])
        return Annotation(
            claim_id=cid,
            reviewer=rev,
            label=label,
            note=note,
            links=tuple(Link(**lk) for lk in json.loads(links)),
            suggested_label=sugg,
            accepted_suggestion=bool(accepted),
            story=story,
            article=article,
            claim_text=text,
            created_at=created,
            updated_at=updated,
            suggestion_reason=row[12],
            suggestion_confidence=row[13],
        )


def _event(row: tuple) -> Event:
    eid, at, rev, cid, action, old, new, reverts, source, grp, session, origin = row
    with _row_of("events", eid):
        return Event(
            id=eid,
            at=at,
            reviewer=rev,
            claim_id=cid,
            action=action,
            old=json.loads(old) if old is not None else None,
            new=json.loads(new) if new is not None else None,
            reverts=reverts,
            source=source,
            grp=grp,
            session=session,
            origin=origin,
        )


def _state_before(event: Event, final: bool) -> dict | None:
    """The state an undo (or redo) of `event` writes back, its `old`, checked as a stored row
    is: a damaged event is refused, never copied into the annotation (or final label)."""
    old = event.old
    with _row_of("events", event.id):
        if old is None:
            return None
        check(isinstance(old, dict), "old is not a JSON object")
        check(old["label"] is None or old["label"] in LABELS, f"unknown label {old['label']!r}")
        if final:
            check(isinstance(old["reason"], str), "the reason is not text")
        else:
            check(isinstance(old["note"], str), "the note is not text")
            check(isinstance(old["links"], list), "the links are not a list")
            for lk in old["links"]:
                link = Link(**lk)
                texts(claim_id=link.claim_id, article=link.article, text=link.text)
            check(isinstance(old["accepted_suggestion"], (bool, int)), "bad accepted_suggestion")
    return old


def _claim(row: tuple) -> Claim:
    with _row_of("claims", row[0]):
        check(all(map(is_int, row[3:6])), "claim index or offsets are not integers")
        check(0 <= row[4] <= row[5], f"offsets {row[4]}..{row[5]} are not a span")
        check(isinstance(row[6], str), "the claim text is not text")
        texts(id=row[0], story=row[1], article=row[2])
        return Claim(*row)


def _evidence_refs(refs: object) -> list[tuple[int, int, float]]:
    """A suggestion's stored evidence: [[other claim number, rank, score], ...]."""
    check(isinstance(refs, list), "suggestion evidence is not a list")
    out = []
    for r in refs:  # type: ignore[union-attr]
        check(isinstance(r, list) and len(r) == 3 and is_int(r[0]), "bad evidence")
        out.append((r[0], r[1], r[2]))
    return out


def _evidence(row: tuple) -> Evidence:
    with _row_of("evidence", (row[0], row[1])):
        check(isinstance(row[4], (int, float)), f"score {row[4]!r} is not a number")
        check(is_int(row[3]), f"rank {row[3]!r} is not an integer")
        texts(article=row[2], text=row[5])
        return Evidence(*row)


def _strings(values: object) -> list[str]:
    check(isinstance(values, list) and all(isinstance(v, str) for v in values), "not a text list")
    return values  # type: ignore[return-value]


def _article_row(r: tuple) -> ArticleRow:
    s, name, path, title, text, sha, enc, warnings, title_span, boiler, *source = r
    with _row_of("articles", f"{s}/{name}"):
        check(isinstance(text, str), "the article text is not text")
        texts(title=title, path=path, source=source[0], url=source[1], published=source[2])
        title_v = json.loads(title_span) if title_span else None
        return ArticleRow(
            story=s,
            name=name,
            path=path,
            title=title,
            text=text,
            sha256=sha,
            encoding=enc,
            warnings=tuple(_strings(json.loads(warnings))),
            title_span=span(title_v) if title_v else None,
            boilerplate=tuple(span(b) for b in json.loads(boiler)),
            source=source[0],
            url=source[1],
            published=source[2],
        )


# A claim row as Store._claims reads it: `text` is NULL unless it is not the article's own text
# at the offsets (schema step 7); the article's is cut in Python, read once per article.
_CLAIM_COLUMNS = 'r.id, a.story, a.name, r.claim_index, r.start, r."end", r.text, r.article'
# A few claims' text cut by SQL (it reads the whole article for each: not for many claims).
_TEXT = CLAIM_TEXT.format(r="r", a="a")
_ONE_CLAIM = f'r.id, a.story, a.name, r.claim_index, r.start, r."end", {_TEXT}'

_ARTICLE_COLUMNS = (
    "story, name, position, path, title, text, sha256, encoding, warnings, title_span, "
    "boilerplate, source, url, published"
)
_SUGGESTION_COLUMNS = "claim, label, reason, evidence, hints, spans, confidence"


def _insert(conn: sqlite3.Connection, table: str, columns: str, rows: Iterable[tuple]) -> None:
    """executemany on prepared tuples: sqlite-utils' per-row dict path was most of an import's
    store time."""
    marks = ", ".join("?" * (columns.count(",") + 1))
    conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _insert_flat(
    conn: sqlite3.Connection, table: str, columns: str, values: list, rows: int = 300
) -> None:
    """`_insert` of rows given one after the other in one list: `rows` rows a statement
    (INSERT ... VALUES (...), (...), ...), half the time of one statement a row."""
    width = columns.count(",") + 1
    one = "(" + ", ".join("?" * width) + ")"
    step = rows * width
    whole = len(values) - len(values) % step
    sql = f"INSERT INTO {table} ({columns}) VALUES "
    conn.executemany(
        sql + ", ".join([one] * rows), (values[k : k + step] for k in range(0, whole, step))
    )
    conn.executemany(sql + one, (values[k : k + width] for k in range(whole, len(values), width)))


def _replace_story(
    conn: sqlite3.Connection, story: Story, blocks: Iterable[StoryBlock], now: str
) -> None:
    """Inside the caller's transaction: the story's rows replaced by these."""
    name = story.name
    clear_analysis(conn, name)
    conn.execute(
        "DELETE FROM claim_rows WHERE article IN (SELECT n FROM articles WHERE story = ?)", (name,)
    )
    conn.execute("DELETE FROM articles WHERE story = ?", (name,))
    conn.execute(
        "INSERT INTO stories (name, path, imported_at) VALUES (?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET path = excluded.path, imported_at = excluded.imported_at",
        (name, story.path, now),
    )
    _insert(
        conn,
        "articles",
        _ARTICLE_COLUMNS,
        (_article_record(a, i) for i, a in enumerate(story.articles)),
    )
    article_n = dict(conn.execute("SELECT name, n FROM articles WHERE story = ?", (name,)))
    _insert(
        conn,
        "claim_rows",
        'id, article, claim_index, start, "end", text',
        (
            (c.id, article_n[a.name], c.index, c.start, c.end,
             None if a.text[c.start : c.end] == c.text else c.text)
            for a in story.articles
            for c in a.claims
        ),
    )  # fmt: skip
    _insert_analysis(conn, story, blocks)


def _same_files(conn: sqlite3.Connection, story: Story) -> bool:
    stored = dict(conn.execute("SELECT name, sha256 FROM articles WHERE story = ?", (story.name,)))
    return bool(stored) and stored == {a.name: a.sha256 for a in story.articles}


def _marked(conn: sqlite3.Connection, name: str) -> bool:
    """Story `name` is waiting for its analysis (`Store.import_claims`)."""
    got = conn.execute(f"SELECT 1 FROM {META_TABLE} WHERE key = ?", (ANALYSING + name,))
    return got.fetchone() is not None


def _unmark(conn: sqlite3.Connection, name: str) -> None:
    """Story `name` is no longer waiting for its analysis, nor anyone working it out."""
    conn.execute(
        f"DELETE FROM {META_TABLE} WHERE key IN (?, ?)", (ANALYSING + name, ANALYSER + name)
    )


def clear_analysis(conn: sqlite3.Connection, name: str) -> None:
    """Inside the caller's transaction: story `name`'s evidence and suggestions deleted."""
    of_story = "SELECT r.n FROM claim_rows r JOIN articles a ON a.n = r.article WHERE a.story = ?"
    for table in ("evidence_packed", "evidence_pairs", "suggestion_rows"):
        conn.execute(f"DELETE FROM {table} WHERE claim IN ({of_story})", (name,))


def _insert_analysis(conn: sqlite3.Connection, story: Story, blocks: Iterable[StoryBlock]) -> None:
    """Inside the caller's transaction: the evidence and suggestions of `story`, whose claims
    are stored."""
    name = story.name
    number = dict(
        conn.execute(
            "SELECT r.id, r.n FROM claim_rows r JOIN articles a ON a.n = r.article "
            "WHERE a.story = ?",
            (name,),
        )
    )
    import numpy as np  # here: the app reads the store without needing numpy to start

    claims = story.claims()
    numbers = np.array([number[c.id] for c in claims], dtype=np.int64)
    rising = bool((numbers[1:] > numbers[:-1]).all())  # as inserted: see story_rows
    listed = numbers.tolist()
    index: dict[str, int] | None = None
    records: dict[int, tuple] = {}  # a few hundred bytes a claim, written after the evidence
    for block in blocks:
        if not isinstance(block, StoryRows):  # not prepared where it was computed
            index = index or {c.id: k for k, c in enumerate(claims)}
            block = prepare(index, *block)
        # in key order, block after block (a claim's pairs are all in one block)
        packed, general = block.evidence(numbers, rising)
        _insert_flat(conn, "evidence_packed", "claim, delta, packed", packed)
        _insert(conn, "evidence_pairs", "claim, other, rank, score", general)
        records.update(block.records(listed))
    # in key order (headlines' come last from the analysis): pages filled as they are appended
    _insert(conn, "suggestion_rows", _SUGGESTION_COLUMNS, (records[n] for n in sorted(records)))


def _unpack(packed: object) -> tuple[object, object]:
    """(rank, score) of an evidence_packed cell; a damaged cell is passed on for the check."""
    if type(packed) is not int or packed < 0:
        return packed, packed
    return packed % 32, packed // 32 / 10


def _code(codes: tuple[str, ...], value: object) -> object:
    """A stored label or confidence: its index in `codes`, or any other value as it was."""
    return codes[value] if type(value) is int and 0 <= value < len(codes) else value


def _article_record(a: Article, position: int) -> tuple:
    return (
        a.story,
        a.name,
        position,
        a.path,
        a.title,
        a.text,
        a.sha256,
        a.encoding,
        json.dumps(list(a.warnings), ensure_ascii=False),
        json.dumps(list(a.title_span)) if a.title_span else None,
        json.dumps([list(b) for b in a.boilerplate]),
        a.source,
        a.url,
        a.published,
    )
