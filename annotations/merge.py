"""`crossread merge`: unite reviewers' databases into one team database.

Stories, articles and claims are united by their stable ids, annotations by (claim, reviewer),
events keep their reviewer, time, window and the file they came from (`events.origin`). When
two files hold different current values for the same (claim, reviewer) the newer one wins and
the conflict is reported, unless one file's event log holds the other's value: then that value is
an earlier state of the same work (merged before, changed since), and the later one is taken
silently, a label cleared or a decision withdrawn since too. An article whose text differs
between files is refused, naming it, unless one file is preferred. Inputs are opened read-only;
the output is written in one transaction, so an interrupted merge leaves it as it was, and
merging the same files again changes nothing (events are recognised by reviewer, time, claim
and action).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotations import connection
from annotations.beside import temp_beside
from annotations.damage import input_damage
from annotations.schema import ANALYSING, META_TABLE, RANK_OF, SCORE, SCORE_OF
from annotations.store import Store, StoreError, clear_analysis

_FIELDS = ("label", "note", "links", "accepted_suggestion")
_FINAL_FIELDS = ("label", "reason", "decided_by")
_FINAL = "(final)"  # the reviewer of a claim's final label, in keys and conflicts


class MergeError(StoreError):
    """A merge refused before anything was written (one line, for the user)."""


@dataclass(frozen=True)
class Conflict:
    """Two files disagreed on a reviewer's current record of a claim; the newer was kept."""

    claim_id: str
    reviewer: str  # _FINAL for two adjudicators' decisions
    claim_text: str
    kept: str | None  # the label kept, from the file named in kept_from, written at kept_at
    kept_from: str
    kept_at: str
    dropped: str | None
    dropped_from: str
    dropped_at: str


@dataclass
class MergeReport:
    output: str
    inputs: list[str]
    stories: int = 0  # new to the output
    articles: int = 0
    claims: int = 0
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_removed: int = 0  # cleared since an earlier merge
    events: int = 0
    finals: int = 0
    finals_removed: int = 0  # withdrawn since an earlier merge
    preferred: list[str] = field(default_factory=list)  # "story/article" taken from --prefer
    # sentences a preferred version took away: ("story/article", sentence, who had labelled it
    # there, reviewers then "(final)" for a final label), kept as orphans
    orphaned: list[tuple[str, str, list[str]]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # one text under several names in one story of the output (a file renamed in some files):
    # (story, [(name, the inputs holding it, labels on its sentences), ...])
    same_text: list[tuple[str, list[tuple[str, list[str], int]]]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (self.stories, self.articles, self.claims, self.annotations_added,
             self.annotations_updated, self.annotations_removed, self.events, self.finals,
             self.finals_removed)
        )  # fmt: skip


def merge(
    inputs: Sequence[str | os.PathLike],
    output: str | os.PathLike,
    *,
    prefer: str | os.PathLike | None = None,
    progress: Callable[[str], None] | None = None,
) -> MergeReport:
    """Merge `inputs` into `output` (created if missing). Raises StoreError, writing nothing."""
    if not inputs:
        raise MergeError("give at least one database to merge")
    for path in (*inputs, output):
        try:
            connection.named(path)
            if path is output:
                connection.fits(output, "-o can name one in a shorter folder")
        except connection.OpenError as e:
            raise MergeError(str(e)) from None
    out = Path(output)
    names = [str(p) for p in inputs]
    for name in names:
        if out.exists() and Path(name).exists() and os.path.samefile(name, out):
            raise MergeError(f"{name} is both an input and the output; name a new output file")
    for k, name in enumerate(names):
        first = next((n for n in names[:k] if _same_file(n, name)), None)
        if first is not None:  # (read twice, counted twice: "merged 2 files")
            raise MergeError(f"{name} is the same database as {first}: give each once")
    if prefer is not None and not any(_same_file(prefer, n) for n in names):
        raise MergeError(f"--prefer {prefer} is not one of the databases being merged")
    sources = [(name, _open_input(name)) for name in names]
    say = progress or (lambda _m: None)
    try:
        if out.exists():
            return _merge_into(out, sources, prefer, say)
        _winners(None, str(out), sources, prefer)  # refuse differing articles before any file
        # a new output is built beside its name and renamed into place once complete, so a
        # kill -9 mid-merge leaves no half-made (or empty) file under the name asked for
        tmp = temp_beside(out, ".merging", room=len("-journal"))  # SQLite's, beside it
        # 0o666: the kernel applies the umask, as for any new file
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        try:
            report = _merge_into(Path(tmp), sources, prefer, say)
            os.replace(tmp, out)
            report.output = str(output)  # the file asked for, not the one it was built in
        finally:
            for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)
        return report
    finally:
        for _, conn in sources:
            conn.close()


def _merge_into(
    out: Path,
    sources: list[tuple[str, sqlite3.Connection]],
    prefer: str | os.PathLike | None,
    say: Callable[[str], None],
) -> MergeReport:
    store = Store.open(out)
    try:
        return _merge(store, sources, prefer, say)
    finally:
        store.close()


def _same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return str(a) == str(b)


def _open_input(path: str) -> sqlite3.Connection:
    """A read-only connection to an existing crossread database (refused otherwise)."""
    p = Path(path)
    if not p.exists():
        raise MergeError(f"no database at {path}")
    try:
        version = connection.inspect(p)
    except connection.OpenError as e:
        raise MergeError(str(e)) from None
    if version is None:
        raise MergeError(f"{path} is an empty file, not a crossread database")
    try:
        conn = connection.open_read_only(p)
        conn.execute("BEGIN")  # one snapshot of the file, even if a reviewer keeps working
        conn.execute("SELECT 1 FROM articles LIMIT 1").fetchall()
    except sqlite3.Error as e:
        raise MergeError(f"cannot read {path}: {e}") from None
    conn.row_factory = sqlite3.Row
    return conn


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    return bool(_columns(conn, table))


def _article_texts(conn: sqlite3.Connection, name: str) -> dict[tuple[str, str], str]:
    try:
        return {(s, n): t for s, n, t in conn.execute("SELECT story, name, text FROM articles")}
    except sqlite3.DatabaseError as e:  # e.g. a text cell that is not UTF-8: a damaged file
        # (SQLite's message quotes the whole undecodable text: the column is enough)
        raise MergeError(f"cannot read {name}: {str(e).split(' with text ', 1)[0]}") from None


def _text(conn: sqlite3.Connection, key: tuple[str, str]) -> str | None:
    """The text of the article (story, name) in a file; None if it has no such article."""
    row = conn.execute("SELECT text FROM articles WHERE story = ? AND name = ?", key).fetchone()
    return row[0] if row else None


def _imported_at(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(story, when it was last imported with changes) of a file: when its articles were read."""
    try:
        return conn.execute("SELECT name, imported_at FROM stories").fetchall()
    except sqlite3.DatabaseError:
        return []  # (a damaged file is named when its articles are read)


def _versions(story: str, holders: list[list[str]], imported: dict[tuple[str, str], str]) -> str:
    """The files holding each version of an article, with when each version was imported and
    which is the latest: the one an outlet's correction is likely in."""
    times = [max((imported.get((f, story), "") for f in files), default="") for files in holders]
    latest = max(times)
    shown = []
    for files, when in zip(holders, times, strict=True):
        at = f"{when[:10]} {when[11:16]} UTC" if len(when) >= 16 else "at an unknown time"
        mark = ", the latest" if when == latest and times.count(latest) == 1 else ""
        shown.append(f"{', '.join(files)}: imported {at}{mark}")
    return " vs ".join(shown)


def _winners(
    dest: sqlite3.Connection | None,
    dest_name: str,
    sources: list[tuple[str, sqlite3.Connection]],
    prefer: str | os.PathLike | None,
) -> dict[tuple[str, str], str | None]:
    """Articles whose text differs between files -> the input whose version wins (None: the
    output's own). Refuses, naming the articles, when no file is preferred."""
    versions: dict[tuple[str, str], dict[str, list[str]]] = {}
    imported: dict[tuple[str, str], str] = {}  # (file, story) -> when its version was imported
    files = [(dest_name, dest), *sources] if dest is not None else sources
    for name, conn in files:
        for key, text in _article_texts(conn, name).items():
            versions.setdefault(key, {}).setdefault(text, []).append(name)
        imported.update(((name, story), when) for story, when in _imported_at(conn))
    clashes = {k: v for k, v in versions.items() if len(v) > 1}
    if not clashes:
        return {}
    if prefer is None:
        shown = "; ".join(
            f"{s}/{a} ({_versions(s, list(v.values()), imported)})"
            for (s, a), v in sorted(clashes.items())[:5]
        )
        more = f" and {len(clashes) - 5} more" if len(clashes) > 5 else ""
        raise MergeError(
            f"articles differ between files: {shown}{more}; re-import them from the same "
            "files, or choose a version with --prefer FILE"
        )
    winners: dict[tuple[str, str], str | None] = {}
    preferred = next(n for n, _ in sources if _same_file(prefer, n))
    for key, v in clashes.items():
        holders = {f for files in v.values() for f in files}
        if preferred not in holders:
            raise MergeError(f"articles differ between files and {prefer} lacks {key[0]}/{key[1]}")
        winners[key] = preferred
    return winners


def _merge(
    store: Store,
    sources: list[tuple[str, sqlite3.Connection]],
    prefer: str | os.PathLike | None,
    progress: Callable[[str], None],
) -> MergeReport:
    report = MergeReport(output=store.path, inputs=[n for n, _ in sources])
    winners = _winners(store.conn, store.path, sources, prefer)
    report.preferred = sorted(f"{s}/{a}" for s, a in winners)
    changed = sorted({story for story, _ in winners})
    before = _orphaned(store, changed)
    with store._write():
        into = _Into(store.conn, store.path, report)
        for name, src in sources:
            try:
                _merge_one(into, src, name, winners)
            except sqlite3.DatabaseError as e:
                # (an input's damage, not a failed save: named, and the output left as it was)
                message = input_damage(name, src, e)
                if message is None:
                    raise
                raise MergeError(message) from None
            progress(f"read {name}")
    after = _orphaned(store, changed)
    lost: dict[tuple[str, str], list[str]] = {}
    for key in sorted(set(after) - set(before), key=lambda k: (after[k], k[1] == _FINAL, k[1])):
        lost.setdefault(after[key], []).append(key[1])
    report.orphaned = [(where, text, who) for (where, text), who in lost.items()]
    report.same_text = _same_text(store.conn, sources)
    return report


def _merge_one(
    into: _Into, src: sqlite3.Connection, name: str, winners: dict[tuple[str, str], str | None]
) -> None:
    into.corpus(src, name, winners)
    history = _history(src)
    into.annotations(src, name, history)
    into.finals(src, name, history)
    into.events(src, name)
    for row in _rows(src, "state"):
        into.insert("state", row)
    # a story still analysing there (its claims without evidence) is so here too, so that the
    # next import works its evidence and suggestions out
    for row in _rows(src, META_TABLE, "key LIKE ?", (ANALYSING + "%",)):
        into.insert(META_TABLE, row)


def _same_text(
    dest: sqlite3.Connection, sources: list[tuple[str, sqlite3.Connection]]
) -> list[tuple[str, list[tuple[str, list[str], int]]]]:
    """The output's stories holding one text under several article names (renamed in some
    reviewers' files only: a claim's id comes from its file's name, so each name's labels sit
    on their own copy of the sentences), with the inputs holding each name and its labels."""
    groups: dict[tuple[str, str], list[str]] = {}
    for story, name, sha in dest.execute("SELECT story, name, sha256 FROM articles ORDER BY n"):
        groups.setdefault((story, sha), []).append(name)
    found = []
    for (story, _), names in groups.items():
        if len(names) < 2:
            continue
        marks = ", ".join("?" * len(names))
        texts = dest.execute(
            f"SELECT DISTINCT text FROM articles WHERE story = ? AND name IN ({marks})",
            (story, *names),
        ).fetchall()
        if len(texts) != 1:  # the same bytes read otherwise (decoded by another version)
            continue
        labels = dict(
            dest.execute(
                "SELECT article, count(*) FROM annotations WHERE story = ? "
                "AND label IS NOT NULL GROUP BY article",
                (story,),
            ).fetchall()
        )
        found.append((story, [(n, _holders(sources, story, n), labels.get(n, 0)) for n in names]))
    return found


def _holders(sources: list[tuple[str, sqlite3.Connection]], story: str, name: str) -> list[str]:
    return [
        f
        for f, src in sources
        if src.execute(
            "SELECT 1 FROM articles WHERE story = ? AND name = ?", (story, name)
        ).fetchone()
    ]


def _orphaned(store: Store, stories: list[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """(claim id, reviewer or _FINAL) -> ("story/article", sentence) of the labels and final
    labels of `stories` whose sentence is no longer in its article."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for story in stories:
        for a in store._orphans(story):
            if a.label is not None:
                out[(a.claim_id, a.reviewer)] = (f"{story}/{a.article}", a.claim_text)
        for f in store.orphaned_finals(story):
            out[(f.claim_id, _FINAL)] = (f"{story}/{f.article}", f.claim_text)
    return out


def _rows(
    src: sqlite3.Connection, table: str, where: str = "1", args: tuple = (), columns: str = "*"
) -> Iterator:
    if not _columns(src, table):
        return iter(())
    return src.execute(f"SELECT {columns} FROM {table} WHERE {where}", args)


def _history(conn: sqlite3.Connection) -> dict[tuple[str, str], set[str]]:
    """When each (claim, reviewer)'s annotation, and each (claim, _FINAL)'s final label, was
    changed, from a file's event log: a record there is that file's at one of these times."""
    out: dict[tuple[str, str], set[str]] = {}
    for cid, reviewer, at, source in _rows(
        conn, "events", columns="claim_id, reviewer, at, source"
    ):
        out.setdefault((cid, _FINAL if source == "final" else reviewer), set()).add(at)
    return out


_CLAIMS_WITH_EVIDENCE = (
    "SELECT c.id FROM claim_rows c WHERE EXISTS (SELECT 1 FROM evidence_packed p "
    "WHERE p.claim = c.n) OR EXISTS (SELECT 1 FROM evidence_pairs p WHERE p.claim = c.n)"
)


def _evidence(src: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """A packed input's evidence as (claim_id, other_id, rank, score), the `evidence` view's
    values without its text."""
    return src.execute(
        f"SELECT c.id AS claim_id, o.id AS other_id, {RANK_OF.format('p.packed')} AS rank, "
        f"{SCORE_OF.format('p.packed')} AS score FROM evidence_packed p "
        "JOIN claim_rows c ON c.n = p.claim JOIN claim_rows o ON o.n = p.claim + p.delta "
        f"UNION ALL SELECT c.id, o.id, p.rank, {SCORE.format('p.score')} FROM evidence_pairs p "
        "JOIN claim_rows c ON c.n = p.claim JOIN claim_rows o ON o.n = p.other"
    )


def _claims(src: sqlite3.Connection) -> Iterator[tuple]:
    """An input's claims as (id, story, article, index, start, end, text); text is None where it
    is the article's at the offsets (a lean input, schema step 7, stores it so)."""
    if _has_table(src, "claim_rows"):
        return src.execute(
            'SELECT r.id, a.story, a.name, r.claim_index, r.start, r."end", r.text '
            "FROM claim_rows r JOIN articles a ON a.n = r.article ORDER BY r.n"
        )
    return src.execute('SELECT id, story, article, claim_index, start, "end", text FROM claims')


class _Into:
    """The output database inside the merge transaction, and what was written to it."""

    def __init__(self, dest: sqlite3.Connection, name: str, report: MergeReport) -> None:
        self.dest = dest
        self.name = name
        self.report = report
        self.tables: dict[str, set[str]] = {}
        self.event_ids = {
            tuple(r[1:]): r[0]
            for r in dest.execute("SELECT id, at, reviewer, claim_id, action FROM events")
        }
        self.history = _history(dest)  # grows with each input's events
        # which input set each (claim, reviewer) during this merge, to name it in a conflict
        self.came_from: dict[tuple[str, str], str] = {}
        # the output's article claims are being added to: (story, name), number, text
        self._article: tuple = (None, None, None)

    def insert(self, table: str, row: sqlite3.Row) -> int:
        """Insert the columns `row` shares with the output's table (older inputs lack some);
        a row whose key is already there is left alone. Returns 1 if inserted."""
        if table not in self.tables:
            self.tables[table] = set(_columns(self.dest, table))
        # a claim's number `n` is local to its file: the output numbers its own claims
        cols = [c for c in row.keys() if c in self.tables[table] and c != "n"]  # noqa: SIM118
        quoted = ", ".join(f'"{c}"' for c in cols)
        cur = self.dest.execute(
            f"INSERT OR IGNORE INTO {table} ({quoted}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
        return cur.rowcount

    def corpus(
        self, src: sqlite3.Connection, name: str, winners: dict[tuple[str, str], str]
    ) -> None:
        """Stories, articles, claims, evidence and suggestions the output lacks; for an article
        whose text differs, the preferred file's version replaces the others', and its story's
        evidence and suggestions are the preferred file's."""
        report, dest = self.report, self.dest
        report.stories += sum(self.insert("stories", row) for row in _rows(src, "stories"))
        losing: set[tuple[str, str]] = set()
        for key, winner in winners.items():
            if winner != name:
                losing.add(key)
            elif _text(src, key) not in (None, _text(dest, key)):  # (merged so before: kept)
                # this file's version wins: drop what the output had for the article, and the
                # whole story's analysis: the other articles' claims have evidence in this one
                # (stored by claim number: the new claims may reuse the old ones' numbers)
                clear_analysis(dest, key[0])
                dest.execute(
                    "DELETE FROM claim_rows WHERE article IN "
                    "(SELECT n FROM articles WHERE story = ? AND name = ?)",
                    key,
                )
                dest.execute("DELETE FROM articles WHERE story = ? AND name = ?", key)
        for row in _rows(src, "articles"):
            if (row["story"], row["name"]) not in losing:
                report.articles += self.insert("articles", row)
        article_of: dict[str, tuple[str, str]] = {}
        for cid, story, article, index, start, end, text in _claims(src):
            article_of[cid] = (story, article)
            if (story, article) not in losing:
                report.claims += self.claim(cid, (story, article), index, start, end, text)
        # a claim's evidence comes whole from the first file that has any for it; read from
        # the tables, not the `evidence` view, whose text column (cut from each article's text
        # per row) made a 5,000-claim story's evidence cost seconds a file
        has_evidence = {r[0] for r in dest.execute(_CLAIMS_WITH_EVIDENCE)}
        if _has_table(src, "evidence_packed"):
            theirs = {r[0] for r in src.execute(_CLAIMS_WITH_EVIDENCE)} - has_evidence
            # (a version not kept: its sentences are not the output's, nothing to read for them)
            missing = any(article_of.get(cid) not in losing for cid in theirs)
            rows = _evidence(src) if missing else iter(())
        else:  # an input from before the packed tables
            rows = _rows(src, "evidence", columns="claim_id, other_id, rank, score")
        for row in rows:
            cid = row["claim_id"]
            if cid not in has_evidence and article_of.get(cid) not in losing:
                self.insert("evidence", row)
        for row in _rows(src, "suggestions"):
            if article_of.get(row["claim_id"]) not in losing:
                self.insert("suggestions", row)

    def claim(
        self,
        cid: str,
        key: tuple[str, str],
        index: object,
        start: object,
        end: object,
        text: object,
    ) -> int:
        """Add a claim the output lacks to its article there; its text is stored only if it is
        not the article's at its offsets (NULL from a lean input: the articles' texts agree,
        `_winners` saw to that). Returns 1 if added."""
        if self._article[0] != key:
            row = self.dest.execute(
                "SELECT n FROM articles WHERE story = ? AND name = ?", key
            ).fetchone()
            self._article = (key, row[0] if row else None, None)
        n = self._article[1]
        if n is None:
            return 0  # a claim without its article is shown nowhere
        if text is not None and type(start) is int and type(end) is int and 0 <= start <= end:
            if self._article[2] is None:
                full = self.dest.execute("SELECT text FROM articles WHERE n = ?", (n,)).fetchone()
                self._article = (key, n, full[0])
            if self._article[2][start:end] == text:
                text = None
        cur = self.dest.execute(
            'INSERT OR IGNORE INTO claim_rows (id, article, claim_index, start, "end", text) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            (cid, n, index, start, end, text),
        )
        return cur.rowcount

    def _change(
        self,
        key: tuple[str, str],
        theirs: sqlite3.Row | None,
        ours: tuple | None,
        fields: tuple[str, ...],
        at: str,
        name: str,
        history: dict[tuple[str, str], set[str]],
    ) -> str | None:
        """What the input's record of `key` does to the output's: "add", "update", "remove"
        or None. Records are compared by `fields`; the output's is a tuple of those, then `at`
        (when written), then the claim's text; None where a file has none. A record cleared
        counts as of its last change in the log; a record the other file's log holds is one it
        changed since, no conflict; otherwise the newer one wins, and the conflict is reported."""
        mine = self.history.get(key)
        if ours is None and not mine:
            return None if theirs is None else "add"  # never here: nothing to weigh
        n = len(fields)
        their_value = tuple(theirs[f] for f in fields) if theirs is not None else None
        if their_value == (tuple(ours[:n]) if ours is not None else None):
            return None
        their_at = theirs[at] if theirs is not None else max(history[key])
        our_at = ours[n] if ours is not None else max(mine)  # type: ignore[arg-type]
        if our_at in history.get(key, ()):
            take = True
        elif their_at in (mine or ()):
            take = False
        else:
            text = theirs["claim_text"] if theirs is not None else ours[-1]  # type: ignore[index]
            take = self._conflict(
                key, text, (theirs and theirs["label"], their_at),
                (ours and ours[0], our_at), name,
            )  # fmt: skip
        if not take:
            return None
        return "remove" if theirs is None else "add" if ours is None else "update"

    def _conflict(
        self, key: tuple[str, str], text: str, theirs: tuple, ours: tuple, name: str
    ) -> bool:
        """Record a conflict between the input's value and the output's; True if the input's
        (newer) one wins. Values are (label, written at)."""
        newer = theirs[1] > ours[1]
        mine = (ours[0], self.came_from.get(key, self.name), ours[1])
        other = (theirs[0], name, theirs[1])
        kept, dropped = (other, mine) if newer else (mine, other)
        self.report.conflicts.append(Conflict(*key, text, *kept, *dropped))
        if newer:
            self.came_from[key] = name
        return newer

    def annotations(self, src: sqlite3.Connection, name: str, history: dict) -> None:
        """The input's annotations, and those it cleared since it was merged here (`history`:
        its event log's, `_history`)."""
        rows = {(r["claim_id"], r["reviewer"]): r for r in _rows(src, "annotations")}
        cleared = [k for k in history if k[1] != _FINAL and k not in rows]
        for key in [*rows, *cleared]:
            row = rows.get(key)
            have = self.dest.execute(
                "SELECT label, note, links, accepted_suggestion, updated_at, claim_text "
                "FROM annotations WHERE claim_id = ? AND reviewer = ?",
                key,
            ).fetchone()
            change = self._change(key, row, have, _FIELDS, "updated_at", name, history)
            if change == "add":
                self.insert("annotations", row)
                self.came_from[key] = name
                self.report.annotations_added += 1
            elif change == "update":
                self.came_from[key] = name
                self.dest.execute(
                    "UPDATE annotations SET label = ?, note = ?, links = ?, "
                    "accepted_suggestion = ?, updated_at = ? WHERE claim_id = ? AND reviewer = ?",
                    (*(row[f] for f in _FIELDS), row["updated_at"], *key),
                )
                self.report.annotations_updated += 1
            elif change == "remove":
                self.dest.execute(
                    "DELETE FROM annotations WHERE claim_id = ? AND reviewer = ?", key
                )
                self.report.annotations_removed += 1

    def events(self, src: sqlite3.Connection, name: str) -> None:
        """Append the input's events not already in the output, in their order; undo links
        (`reverts`) and batch groups (`grp`) are renumbered to the output's event ids."""
        new_id: dict[int, int] = {}
        cols = set(_columns(src, "events"))
        for row in _rows(src, "events", "1 ORDER BY id"):
            key = (row["at"], row["reviewer"], row["claim_id"], row["action"])
            if key in self.event_ids:
                new_id[row["id"]] = self.event_ids[key]
                continue
            origin = row["origin"] if "origin" in cols and row["origin"] else name
            cur = self.dest.execute(
                "INSERT INTO events (at, reviewer, claim_id, action, old, new, reverts, source, "
                "session, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*key, row["old"], row["new"], new_id.get(row["reverts"]), row["source"],
                 row["session"] if "session" in cols else None, origin),
            )  # fmt: skip
            eid = int(cur.lastrowid)
            new_id[row["id"]] = self.event_ids[key] = eid
            whose = _FINAL if row["source"] == "final" else row["reviewer"]
            self.history.setdefault((row["claim_id"], whose), set()).add(row["at"])
            grp = row["grp"] if "grp" in cols else None
            if grp is not None:  # a group's number is its first event's id
                self.dest.execute(
                    "UPDATE events SET grp = ? WHERE id = ?", (new_id.get(grp, eid), eid)
                )
            self.report.events += 1

    def finals(self, src: sqlite3.Connection, name: str, history: dict) -> None:
        """Adjudicators' decisions, and those withdrawn since: as a reviewer's labels are."""
        rows = {(r["claim_id"], _FINAL): r for r in _rows(src, "finals")}
        withdrawn = [k for k in history if k[1] == _FINAL and k not in rows]
        for key in [*rows, *withdrawn]:
            row = rows.get(key)
            have = self.dest.execute(
                "SELECT label, reason, decided_by, decided_at, claim_text FROM finals "
                "WHERE claim_id = ?",
                key[:1],
            ).fetchone()
            change = self._change(key, row, have, _FINAL_FIELDS, "decided_at", name, history)
            if change is None:
                continue
            self.dest.execute("DELETE FROM finals WHERE claim_id = ?", key[:1])
            if change == "remove":
                self.report.finals_removed += 1
            else:
                self.report.finals += self.insert("finals", row)
                self.came_from[key] = name
