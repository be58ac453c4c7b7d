"""The crossread database schema as a list of versioned migration steps.

Plain tables with JSON stored as text, so `sqlite-utils` and `datasette` open the file as is.
Each step runs inside the caller's transaction; never edit a released step, append a new one.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable

APP_ID = "crossread"
META_TABLE = "crossread_meta"
# A story whose claims are stored but whose evidence and suggestions are still to come has a
# row of META_TABLE keyed this + its name (`Store.import_claims`).
ANALYSING = "analysing:"
# ...and the import working them out, keyed this + its name (`Store.claim_analysis`): another
# import waits for it instead of doing the same work beside it
ANALYSER = "analyser:"

# A stored evidence score: an integer counts tenths, anything else is the score itself.
SCORE = "CASE typeof({0}) WHEN 'integer' THEN {0} / 10.0 ELSE {0} END"
# A score to store: tenths when that gives back exactly the same number.
TENTHS = (
    "CASE WHEN typeof({0}) = 'real' AND round({0} * 10) / 10.0 = {0} "
    "THEN CAST(round({0} * 10) AS INTEGER) ELSE {0} END"
)


def _suggestion_evidence_as_ids(conn: sqlite3.Connection) -> None:
    """Step 5 in Python: SQLite's JSON functions would round the scores to 15 digits."""
    rows = conn.execute("SELECT claim_id, evidence FROM suggestions").fetchall()
    updates = []
    for claim_id, evidence in rows:
        try:
            old = json.loads(evidence)
            new = [[e["other_id"], e["rank"], e["score"]] for e in old]
        except (ValueError, TypeError, KeyError):
            continue  # a damaged cell stays as it was, for the damage check to name
        updates.append((json.dumps(new), claim_id))
    conn.executemany("UPDATE suggestions SET evidence = ? WHERE claim_id = ?", updates)


def _suggestions_by_number(conn: sqlite3.Connection) -> None:
    """Step 6 in Python: a suggestion's row and evidence refer to claims by number; the scores
    are copied exactly (SQLite's JSON functions would round them to 15 digits)."""
    number = dict(conn.execute("SELECT id, n FROM claims"))
    rows = conn.execute(
        "SELECT claim_id, label, reason, evidence, hints, spans, confidence FROM suggestions"
    ).fetchall()
    conn.executemany(
        "INSERT OR IGNORE INTO suggestion_rows "
        "(claim, label, reason, evidence, hints, spans, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (number[cid], label, reason, refs_by_number(ev, number), hints, spans, confidence)
            for cid, label, reason, ev, hints, spans, confidence in rows
            if cid in number  # a suggestion whose claim is gone has nothing to be shown on
        ],
    )


def refs_by_number(evidence: str, number: dict[str, int]) -> str:
    """[[other claim id, rank, score], ...] as [[other claim number, rank, score], ...]; a ref to
    a claim that is gone is dropped, a damaged cell kept as it was (for the damage check)."""
    try:
        refs = json.loads(evidence)
        return json.dumps([[number[r[0]], r[1], r[2]] for r in refs if r[0] in number])
    except (ValueError, TypeError, KeyError, IndexError):
        return evidence


# A suggestion's evidence refs turned from one kind of claim key into another in SQL, for the
# `suggestions` view and its triggers: only well-formed refs are turned; a cell that is not a
# JSON array stays as it was, so a damaged cell is still named when it is read. json_set keeps the
# rank's and score's JSON text as it is, so a score reads back exactly.
_REFS = """CASE WHEN json_valid({cell}) THEN CASE WHEN json_type({cell}) = 'array' THEN
    (SELECT json_group_array(json_set(j.value, '$[0]', o.{to}))
     FROM json_each({cell}) j JOIN {claims} o ON o.{by} = json_extract(j.value, '$[0]')
     WHERE j.type = 'array')
    ELSE {cell} END ELSE {cell} END"""


# Step 7: a claim's text is its article's text at its offsets, stored only where it is not.
CLAIM_TEXT = 'coalesce({r}.text, substr({a}.text, {r}.start + 1, {r}."end" - {r}.start))'
# A claim text to store: NULL when the article's text at the offsets gives it back exactly.
_KEEP_TEXT = """CASE WHEN typeof({new}.start) = 'integer' AND typeof({new}."end") = 'integer'
    AND {new}.start >= 0 AND {new}."end" >= {new}.start AND typeof({a}.text) = 'text'
    AND {new}.text IS substr({a}.text, {new}.start + 1, {new}."end" - {new}.start)
    THEN NULL ELSE {new}.text END"""

# Step 7: an evidence pair's rank and score as one small integer, tenths * 32 + rank, when that
# is exact (rank 0-31, score 0-100 in tenths; alignment's always are); NULL otherwise.
PACK = """CASE WHEN typeof({rank}) = 'integer' AND {rank} BETWEEN 0 AND 31
    AND typeof({score}) IN ('integer', 'real') AND {score} BETWEEN 0 AND 100
    AND round({score} * 10) / 10.0 = {score}
    THEN CAST(round({score} * 10) AS INTEGER) * 32 + {rank} END"""
RANK_OF = "{0} % 32"
SCORE_OF = "({0} / 32) / 10.0"
# A score for the general `evidence_pairs` table: a whole number is a score, not tenths.
_GENERAL_SCORE = TENTHS.format(
    "CASE typeof({0}) WHEN 'integer' THEN CAST({0} AS REAL) ELSE {0} END"
)

# Step 7: suggestion labels and confidences stored as small integers, their index here (stored
# codes: never reorder); any other value is kept as it was.
LABEL_CODES = ("consistent", "contradicted", "unverified")
CONFIDENCE_CODES = ("high", "medium", "low")


def _decode(codes: tuple[str, ...]) -> str:
    whens = " ".join(f"WHEN {i} THEN '{c}'" for i, c in enumerate(codes))
    return f"CASE {{0}} {whens} ELSE {{0}} END"


def _encode(codes: tuple[str, ...]) -> str:
    whens = " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(codes))
    return f"CASE {{0}} {whens} ELSE {{0}} END"


LABEL_OF, CONFIDENCE_OF = _decode(LABEL_CODES), _decode(CONFIDENCE_CODES)
_LABEL_CODE, _CONFIDENCE_CODE = _encode(LABEL_CODES), _encode(CONFIDENCE_CODES)


def _claim_texts_where_needed(conn: sqlite3.Connection) -> None:
    """Step 7 in Python: claim_rows were copied without text; a claim whose stored text is not
    its article's text at its offsets (none that crossread stored) gets its cell back as it was.
    One article at a time, sliced in Python: SQL's substr reads the whole article per claim."""
    restore = []
    for (n,) in conn.execute("SELECT n FROM articles").fetchall():
        kind, raw = conn.execute(
            "SELECT typeof(text), CAST(text AS BLOB) FROM articles WHERE n = ?", (n,)
        ).fetchone()
        try:
            text = raw.decode("utf-8") if kind == "text" else None
        except UnicodeDecodeError:  # a damaged article: its claims keep their own text
            text = None
        rows = conn.execute(
            'SELECT r.n, c.start, c."end", typeof(c.text), CAST(c.text AS BLOB) '
            "FROM claim_rows r JOIN claims c ON c.n = r.n WHERE r.article = ?",
            (n,),
        )
        for cn, start, end, kind, claim in rows:
            if not (
                text is not None
                and kind == "text"
                and type(start) is int
                and type(end) is int
                and 0 <= start <= end
                and text[start:end].encode("utf-8") == claim
            ):
                restore.append((cn,))
    conn.executemany(
        "UPDATE claim_rows SET text = (SELECT text FROM claims WHERE n = ?1) WHERE n = ?1", restore
    )


_ARTICLE_COLUMNS = (
    "story, name, position, path, title, text, sha256, encoding, warnings, title_span, "
    "boilerplate, source, url, published"
)
_PACK_STORED = PACK.format(rank="rank", score=SCORE.format("score"))
_ARTICLE_OF = "(SELECT a.n FROM articles a WHERE a.story = NEW.story AND a.name = NEW.article)"
_N_OF = "(SELECT n FROM claim_rows WHERE id = {0})"

# Step 7's views: the old tables' columns over the lean ones, writable by triggers as the
# tables were (merge and sqlite-utils write through them).
_VIEWS_V7 = (
    """CREATE VIEW claims (n, id, story, article, claim_index, start, "end", text) AS
        SELECT r.n, r.id, a.story, a.name, r.claim_index, r.start, r."end", """
    + CLAIM_TEXT.format(r="r", a="a")
    + """
        FROM claim_rows r JOIN articles a ON a.n = r.article""",
    """CREATE TRIGGER claims_insert INSTEAD OF INSERT ON claims BEGIN
        SELECT RAISE(ABORT, 'claims: no such article') WHERE """
    + _ARTICLE_OF
    + """ IS NULL;
        INSERT INTO claim_rows (n, id, article, claim_index, start, "end", text)
        SELECT NEW.n, NEW.id, a.n, NEW.claim_index, NEW.start, NEW."end", """
    + _KEEP_TEXT.format(new="NEW", a="a")
    + """
        FROM articles a WHERE a.story = NEW.story AND a.name = NEW.article;
    END""",
    """CREATE TRIGGER claims_delete INSTEAD OF DELETE ON claims BEGIN
        DELETE FROM claim_rows WHERE n = OLD.n;
    END""",
    """CREATE TRIGGER claims_update INSTEAD OF UPDATE ON claims BEGIN
        UPDATE claim_rows SET n = NEW.n, id = NEW.id, article = """
    + _ARTICLE_OF
    + """,
            claim_index = NEW.claim_index, start = NEW.start, "end" = NEW."end",
            text = (SELECT """
    + _KEEP_TEXT.format(new="NEW", a="a")
    + """ FROM articles a WHERE a.story = NEW.story AND a.name = NEW.article)
        WHERE n = OLD.n;
    END""",
    # One arm per evidence table; a pair is in one of them.
    """CREATE VIEW evidence (story, claim_id, other_id, article, rank, score, text) AS
        SELECT ca.story, c.id, o.id, oa.name, """
    + RANK_OF.format("p.packed")
    + ", "
    + SCORE_OF.format("p.packed")
    + ", "
    + CLAIM_TEXT.format(r="o", a="oa")
    + """
        FROM evidence_packed p
        JOIN claim_rows c ON c.n = p.claim JOIN articles ca ON ca.n = c.article
        JOIN claim_rows o ON o.n = p.claim + p.delta JOIN articles oa ON oa.n = o.article
        UNION ALL
        SELECT ca.story, c.id, o.id, oa.name, p.rank, """
    + SCORE.format("p.score")
    + ", "
    + CLAIM_TEXT.format(r="o", a="oa")
    + """
        FROM evidence_pairs p
        JOIN claim_rows c ON c.n = p.claim JOIN articles ca ON ca.n = c.article
        JOIN claim_rows o ON o.n = p.other JOIN articles oa ON oa.n = o.article""",
    # A pair is added (to the table that holds it exactly) unless it is there already.
    """CREATE TRIGGER evidence_insert INSTEAD OF INSERT ON evidence BEGIN
        INSERT OR IGNORE INTO evidence_packed (claim, delta, packed)
        SELECT c.n, o.n - c.n, """
    + PACK.format(rank="NEW.rank", score="NEW.score")
    + """ FROM claim_rows c, claim_rows o
        WHERE c.id = NEW.claim_id AND o.id = NEW.other_id
        AND """
    + PACK.format(rank="NEW.rank", score="NEW.score")
    + """ IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM evidence_pairs WHERE claim = c.n AND other = o.n);
        INSERT OR IGNORE INTO evidence_pairs (claim, other, rank, score)
        SELECT c.n, o.n, NEW.rank, """
    + _GENERAL_SCORE.format("NEW.score")
    + """ FROM claim_rows c, claim_rows o
        WHERE c.id = NEW.claim_id AND o.id = NEW.other_id
        AND """
    + PACK.format(rank="NEW.rank", score="NEW.score")
    + """ IS NULL
        AND NOT EXISTS (SELECT 1 FROM evidence_packed WHERE claim = c.n AND delta = o.n - c.n);
    END""",
    """CREATE TRIGGER evidence_delete INSTEAD OF DELETE ON evidence BEGIN
        DELETE FROM evidence_packed WHERE claim = """
    + _N_OF.format("OLD.claim_id")
    + " AND delta = "
    + _N_OF.format("OLD.other_id")
    + " - "
    + _N_OF.format("OLD.claim_id")
    + """;
        DELETE FROM evidence_pairs WHERE claim = """
    + _N_OF.format("OLD.claim_id")
    + " AND other = "
    + _N_OF.format("OLD.other_id")
    + """;
    END""",
    # The pair of OLD's claims takes NEW's rank and score (as the old table's trigger did).
    """CREATE TRIGGER evidence_update INSTEAD OF UPDATE ON evidence BEGIN
        DELETE FROM evidence WHERE claim_id = OLD.claim_id AND other_id = OLD.other_id;
        INSERT INTO evidence (claim_id, other_id, rank, score)
        VALUES (OLD.claim_id, OLD.other_id, NEW.rank, NEW.score);
    END""",
    """CREATE VIEW suggestions
        (claim_id, story, label, reason, evidence, hints, spans, confidence) AS
        SELECT c.id, a.story, """
    + LABEL_OF.format("r.label")
    + ", r.reason, "
    + _REFS.format(cell="r.evidence", to="id", by="n", claims="claim_rows")
    + ", r.hints, r.spans, "
    + CONFIDENCE_OF.format("r.confidence")
    + """
        FROM suggestion_rows r JOIN claim_rows c ON c.n = r.claim
        JOIN articles a ON a.n = c.article""",
    """CREATE TRIGGER suggestions_insert INSTEAD OF INSERT ON suggestions BEGIN
        INSERT OR IGNORE INTO suggestion_rows
            (claim, label, reason, evidence, hints, spans, confidence)
        SELECT c.n, """
    + _LABEL_CODE.format("NEW.label")
    + ", NEW.reason, "
    + _REFS.format(cell="coalesce(NEW.evidence, '[]')", to="n", by="id", claims="claim_rows")
    + """, coalesce(NEW.hints, '[]'), coalesce(NEW.spans, '[]'), """
    + _CONFIDENCE_CODE.format("coalesce(NEW.confidence, 'low')")
    + """
        FROM claim_rows c WHERE c.id = NEW.claim_id;
    END""",
    """CREATE TRIGGER suggestions_delete INSTEAD OF DELETE ON suggestions BEGIN
        DELETE FROM suggestion_rows WHERE claim = """
    + _N_OF.format("OLD.claim_id")
    + """;
    END""",
    """CREATE TRIGGER suggestions_update INSTEAD OF UPDATE ON suggestions BEGIN
        UPDATE suggestion_rows SET label = """
    + _LABEL_CODE.format("NEW.label")
    + ", reason = NEW.reason, evidence = "
    + _REFS.format(cell="NEW.evidence", to="n", by="id", claims="claim_rows")
    + ", hints = NEW.hints, spans = NEW.spans, confidence = "
    + _CONFIDENCE_CODE.format("NEW.confidence")
    + """
        WHERE claim = """
    + _N_OF.format("OLD.claim_id")
    + """;
    END""",
)


# (version, statements). Applied in order to bring a database from version-1 to version.
# A statement is SQL, or a function given the connection for what SQL cannot do exactly.
MIGRATIONS: list[tuple[int, tuple[str | Callable[[sqlite3.Connection], None], ...]]] = [
    (
        1,
        (
            f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """CREATE TABLE stories (
                name TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                imported_at TEXT NOT NULL
            )""",
            """CREATE TABLE articles (
                story TEXT NOT NULL,
                name TEXT NOT NULL,
                position INTEGER NOT NULL,
                path TEXT NOT NULL,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                encoding TEXT NOT NULL,
                warnings TEXT NOT NULL DEFAULT '[]',
                title_span TEXT,
                boilerplate TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (story, name)
            )""",
            """CREATE TABLE claims (
                id TEXT PRIMARY KEY,
                story TEXT NOT NULL,
                article TEXT NOT NULL,
                claim_index INTEGER NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL
            )""",
            "CREATE INDEX claims_by_article ON claims (story, article, claim_index)",
            """CREATE TABLE evidence (
                story TEXT NOT NULL,
                claim_id TEXT NOT NULL,
                other_id TEXT NOT NULL,
                article TEXT NOT NULL,
                rank INTEGER NOT NULL,
                score REAL NOT NULL,
                text TEXT NOT NULL
            )""",
            "CREATE INDEX evidence_by_claim ON evidence (claim_id, score DESC)",
            "CREATE INDEX evidence_by_story ON evidence (story)",
            """CREATE TABLE suggestions (
                claim_id TEXT PRIMARY KEY,
                story TEXT NOT NULL,
                label TEXT NOT NULL,
                reason TEXT NOT NULL,
                evidence TEXT NOT NULL DEFAULT '[]',
                hints TEXT NOT NULL DEFAULT '[]',
                spans TEXT NOT NULL DEFAULT '[]'
            )""",
            "CREATE INDEX suggestions_by_story ON suggestions (story)",
            # One current row per (claim, reviewer). No foreign key to claims on purpose:
            # annotations outlive their claim (orphans), with a snapshot of where they were.
            """CREATE TABLE annotations (
                claim_id TEXT NOT NULL,
                reviewer TEXT NOT NULL,
                label TEXT,
                note TEXT NOT NULL DEFAULT '',
                links TEXT NOT NULL DEFAULT '[]',
                accepted_suggestion INTEGER NOT NULL DEFAULT 0,
                story TEXT NOT NULL,
                article TEXT NOT NULL,
                claim_text TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (claim_id, reviewer)
            )""",
            "CREATE INDEX annotations_by_story ON annotations (story, reviewer)",
            # Append-only audit trail; undo/redo walk it, so they work across restarts.
            """CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                reviewer TEXT NOT NULL,
                claim_id TEXT NOT NULL,
                action TEXT NOT NULL,
                old TEXT,
                new TEXT,
                reverts INTEGER,
                source TEXT NOT NULL DEFAULT 'key'
            )""",
            "CREATE INDEX events_by_reviewer ON events (reviewer, id)",
            """CREATE TABLE state (
                reviewer TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (reviewer, key)
            )""",
        ),
    ),
    (
        2,
        (
            # How strongly a suggestion rests on what it found: high / medium / low. Rows
            # computed before confidence existed count as low, so no batch accepts them.
            "ALTER TABLE suggestions ADD COLUMN confidence TEXT NOT NULL DEFAULT 'low'",
            # Events written together (accepting a batch of suggestions) share a group number,
            # the id of the group's first event, so one undo reverts them all. NULL: alone.
            "ALTER TABLE events ADD COLUMN grp INTEGER",
        ),
    ),
    (
        3,
        (
            # The app window (session) that made a change, so its undo reverts only its own
            # changes; NULL for the command line and older rows.
            "ALTER TABLE events ADD COLUMN session TEXT",
            # The database file a merged event came from (`crossread merge`); NULL = made here.
            "ALTER TABLE events ADD COLUMN origin TEXT",
            # An adjudicator's decision: the claim's final label. Its changes are events with
            # source 'final', so undo and the audit trail cover them like every label.
            """CREATE TABLE finals (
                claim_id TEXT PRIMARY KEY,
                label TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                decided_by TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                story TEXT NOT NULL,
                article TEXT NOT NULL,
                claim_text TEXT NOT NULL
            )""",
            "CREATE INDEX finals_by_story ON finals (story)",
        ),
    ),
    (
        4,
        (
            # Who published each article (front matter, an outlet line, or the file name);
            # "" until the story is next imported.
            "ALTER TABLE articles ADD COLUMN source TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE articles ADD COLUMN url TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE articles ADD COLUMN published TEXT NOT NULL DEFAULT ''",
        ),
    ),
    (
        5,
        (
            # Lean storage: each sentence's text is kept once, in `claims`. Claims get a
            # stable integer key `n` (an INTEGER PRIMARY KEY survives VACUUM) for evidence rows.
            """CREATE TABLE claims_v5 (
                n INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                story TEXT NOT NULL,
                article TEXT NOT NULL,
                claim_index INTEGER NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL
            )""",
            'INSERT INTO claims_v5 (id, story, article, claim_index, start, "end", text) '
            'SELECT id, story, article, claim_index, start, "end", text FROM claims '
            "ORDER BY story, article, claim_index",
            "DROP TABLE claims",
            "ALTER TABLE claims_v5 RENAME TO claims",
            "CREATE INDEX claims_by_article ON claims (story, article, claim_index)",
            # Evidence as pairs of claim numbers; the other article and text come from claims.
            # A pair has one score, so (claim, other) is the key, which also serves the app's
            # "evidence of this claim" lookup.
            """CREATE TABLE evidence_pairs (
                claim INTEGER NOT NULL,
                other INTEGER NOT NULL,
                rank INTEGER NOT NULL,
                score NOT NULL,
                PRIMARY KEY (claim, other)
            ) WITHOUT ROWID""",
            # `score` has no type, so a score in tenths (what alignment makes) is kept as a
            # small integer, 2 bytes instead of 8; any other number stays a REAL, exactly.
            "INSERT OR IGNORE INTO evidence_pairs (claim, other, rank, score) "
            f"SELECT c.n, o.n, e.rank, {TENTHS.format('e.score')} FROM evidence e "
            "JOIN claims c ON c.id = e.claim_id JOIN claims o ON o.id = e.other_id "
            "ORDER BY c.n, o.n",
            # Suggestion evidence as [other claim id, rank, score]; the text is joined on read.
            _suggestion_evidence_as_ids,
            "DROP TABLE evidence",
            # The old table's columns as a view, so readers (score-evidence, datasette, merge)
            # see what they saw before; triggers make it writable like the table was.
            """CREATE VIEW evidence (story, claim_id, other_id, article, rank, score, text) AS
                SELECT c.story, c.id, o.id, o.article, p.rank, """
            + SCORE.format("p.score")
            + """, o.text
                FROM evidence_pairs p
                JOIN claims c ON c.n = p.claim JOIN claims o ON o.n = p.other""",
            """CREATE TRIGGER evidence_insert INSTEAD OF INSERT ON evidence BEGIN
                INSERT OR IGNORE INTO evidence_pairs (claim, other, rank, score)
                SELECT c.n, o.n, NEW.rank, """
            + TENTHS.format("NEW.score")
            + """ FROM claims c, claims o
                WHERE c.id = NEW.claim_id AND o.id = NEW.other_id;
            END""",
            """CREATE TRIGGER evidence_delete INSTEAD OF DELETE ON evidence BEGIN
                DELETE FROM evidence_pairs
                WHERE claim = (SELECT n FROM claims WHERE id = OLD.claim_id)
                AND other = (SELECT n FROM claims WHERE id = OLD.other_id);
            END""",
            """CREATE TRIGGER evidence_update INSTEAD OF UPDATE ON evidence BEGIN
                UPDATE evidence_pairs SET rank = NEW.rank, score = """
            + TENTHS.format("NEW.score")
            + """
                WHERE claim = (SELECT n FROM claims WHERE id = OLD.claim_id)
                AND other = (SELECT n FROM claims WHERE id = OLD.other_id);
            END""",
        ),
    ),
    (
        6,
        (
            # Lean suggestions: keyed by the claim's number (the table's own rowid, so no index
            # of text ids), no story column (the claim has it), evidence as claim numbers.
            """CREATE TABLE suggestion_rows (
                claim INTEGER PRIMARY KEY,
                label TEXT NOT NULL,
                reason TEXT NOT NULL,
                evidence TEXT NOT NULL DEFAULT '[]',
                hints TEXT NOT NULL DEFAULT '[]',
                spans TEXT NOT NULL DEFAULT '[]',
                confidence TEXT NOT NULL DEFAULT 'low'
            )""",
            _suggestions_by_number,
            "DROP TABLE suggestions",
            # The old table's columns as a view (evidence as claim ids), writable by triggers,
            # for readers and writers of the old layout (merge, datasette, sqlite-utils).
            """CREATE VIEW suggestions
                (claim_id, story, label, reason, evidence, hints, spans, confidence) AS
                SELECT c.id, c.story, r.label, r.reason, """
            + _REFS.format(cell="r.evidence", to="id", by="n", claims="claims")
            + """, r.hints, r.spans, r.confidence
                FROM suggestion_rows r JOIN claims c ON c.n = r.claim""",
            """CREATE TRIGGER suggestions_insert INSTEAD OF INSERT ON suggestions BEGIN
                INSERT OR IGNORE INTO suggestion_rows
                    (claim, label, reason, evidence, hints, spans, confidence)
                SELECT c.n, NEW.label, NEW.reason, """
            + _REFS.format(cell="coalesce(NEW.evidence, '[]')", to="n", by="id", claims="claims")
            + """, coalesce(NEW.hints, '[]'), coalesce(NEW.spans, '[]'),
                    coalesce(NEW.confidence, 'low')
                FROM claims c WHERE c.id = NEW.claim_id;
            END""",
            """CREATE TRIGGER suggestions_delete INSTEAD OF DELETE ON suggestions BEGIN
                DELETE FROM suggestion_rows
                WHERE claim = (SELECT n FROM claims WHERE id = OLD.claim_id);
            END""",
            """CREATE TRIGGER suggestions_update INSTEAD OF UPDATE ON suggestions BEGIN
                UPDATE suggestion_rows SET label = NEW.label, reason = NEW.reason, evidence = """
            + _REFS.format(cell="NEW.evidence", to="n", by="id", claims="claims")
            + """, hints = NEW.hints, spans = NEW.spans, confidence = NEW.confidence
                WHERE claim = (SELECT n FROM claims WHERE id = OLD.claim_id);
            END""",
        ),
    ),
    (
        7,
        (
            # Lean claims: a claim's text is its article's, at its offsets (not stored again),
            # and its article is the article's number. `claims` becomes a view of the same
            # columns, writable like the table was, for readers of the old layout.
            "DROP VIEW evidence",
            "DROP VIEW suggestions",
            # Articles get a stable number (an INTEGER PRIMARY KEY survives VACUUM).
            """CREATE TABLE articles_v7 (
                n INTEGER PRIMARY KEY,
                story TEXT NOT NULL,
                name TEXT NOT NULL,
                position INTEGER NOT NULL,
                path TEXT NOT NULL,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                encoding TEXT NOT NULL,
                warnings TEXT NOT NULL DEFAULT '[]',
                title_span TEXT,
                boilerplate TEXT NOT NULL DEFAULT '[]',
                source TEXT NOT NULL DEFAULT '',
                url TEXT NOT NULL DEFAULT '',
                published TEXT NOT NULL DEFAULT '',
                UNIQUE (story, name)
            )""",
            f"INSERT INTO articles_v7 ({_ARTICLE_COLUMNS}) SELECT {_ARTICLE_COLUMNS} "
            "FROM articles ORDER BY story, position, name",
            "DROP TABLE articles",
            "ALTER TABLE articles_v7 RENAME TO articles",
            # `text` is NULL unless the article's text at the offsets differs from it.
            """CREATE TABLE claim_rows (
                n INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                article INTEGER NOT NULL,
                claim_index INTEGER NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT
            )""",
            "CREATE INDEX claim_rows_by_article ON claim_rows (article, claim_index)",
            # A claim whose article is gone was shown nowhere (the app and exports list claims
            # by article); it is not carried over, and its annotations become orphans.
            'INSERT INTO claim_rows (n, id, article, claim_index, start, "end") '
            'SELECT c.n, c.id, a.n, c.claim_index, c.start, c."end" FROM claims c '
            "JOIN articles a ON a.story = c.story AND a.name = c.article ORDER BY c.n",
            _claim_texts_where_needed,
            "DROP TABLE claims",
            # Evidence as (claim, the other claim's number minus the claim's, rank and score in one
            # integer): 3 small integers a pair. A pair the packing cannot hold exactly stays
            # in `evidence_pairs`.
            """CREATE TABLE evidence_packed (
                claim INTEGER NOT NULL,
                delta INTEGER NOT NULL,
                packed INTEGER NOT NULL,
                PRIMARY KEY (claim, delta)
            ) WITHOUT ROWID""",
            "INSERT INTO evidence_packed (claim, delta, packed) "
            f"SELECT claim, other - claim, {_PACK_STORED} FROM evidence_pairs "
            f"WHERE typeof(claim) = 'integer' AND typeof(other) = 'integer' "
            f"AND {_PACK_STORED} IS NOT NULL ORDER BY claim, other",
            "DELETE FROM evidence_pairs WHERE typeof(claim) = 'integer' "
            f"AND typeof(other) = 'integer' AND {_PACK_STORED} IS NOT NULL",
            # Suggestions' label and confidence as small integers.
            """CREATE TABLE suggestion_rows_v7 (
                claim INTEGER PRIMARY KEY,
                label NOT NULL,
                reason TEXT NOT NULL,
                evidence TEXT NOT NULL DEFAULT '[]',
                hints TEXT NOT NULL DEFAULT '[]',
                spans TEXT NOT NULL DEFAULT '[]',
                confidence NOT NULL DEFAULT 2
            )""",
            "INSERT INTO suggestion_rows_v7 "
            "(claim, label, reason, evidence, hints, spans, confidence) "
            f"SELECT claim, {_LABEL_CODE.format('label')}, reason, evidence, hints, spans, "
            f"{_CONFIDENCE_CODE.format('confidence')} FROM suggestion_rows ORDER BY claim",
            "DROP TABLE suggestion_rows",
            "ALTER TABLE suggestion_rows_v7 RENAME TO suggestion_rows",
            *_VIEWS_V7,
        ),
    ),
    (
        8,
        (
            # Undo and redo read a reviewer's history (their labels, or their decisions as
            # adjudicator) backward from its end, and whether another window changed a claim
            # since: without these, each undo read the whole log.
            "CREATE INDEX events_by_history ON events (reviewer, source = 'final', id)",
            "CREATE INDEX events_by_claim ON events (claim_id, id)",
        ),
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


class ForeignMeta(Exception):
    """The file has a table named like crossread's meta table, of another shape."""


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version recorded in the file, or None if it has no crossread meta table.

    0 means a meta table without a version; raises ValueError for a version that is not a number,
    ForeignMeta for a meta table without crossread's columns (sqlite3.Error if it cannot read).
    """
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (META_TABLE,)
    ).fetchone()
    if not has_meta:
        return None
    if not {"key", "value"} <= _columns(conn, META_TABLE):
        raise ForeignMeta
    row = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'").fetchone()
    if row is None:
        return 0  # a meta table without a version: not a file crossread wrote
    value = str(row[0]).strip()
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"schema version {row[0]!r} is not a positive whole number")
    return int(value)


def _columns(conn: sqlite3.Connection, name: str) -> set[str]:
    return {r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (name,))}


def _shape(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Each table and view of the file, with its column names."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {name: _columns(conn, name) for (name,) in rows}


@functools.cache
def _current_shape() -> dict[str, set[str]]:
    """The tables and views (with their columns) of a database made by this version."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, 0)
        return _shape(conn)
    finally:
        conn.close()


def missing_part(conn: sqlite3.Connection) -> str | None:
    """What a file that claims the current schema lacks of it ("no table x", "no column x.y"),
    or None. A version number is easily written by another program; the tables are the proof
    that a file is crossread's before anything (even the switch to WAL) is written to it."""
    try:
        found = _shape(conn)
    except sqlite3.DatabaseError as e:  # e.g. a view over a table that is not there
        return str(e)
    for name, columns in sorted(_current_shape().items()):
        if name not in found:
            return f"no table {name}"
        lacking = sorted(columns - found[name])
        if lacking:
            return f"no column {name}.{lacking[0]}"
    return None


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables other than SQLite's own."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [r[0] for r in rows]


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Apply every step newer than `from_version`; the caller holds the write transaction."""
    for version, statements in MIGRATIONS:
        if version <= from_version:
            continue
        for sql in statements:
            if callable(sql):
                sql(conn)
            else:
                conn.execute(sql)
        conn.execute(
            f"INSERT INTO {META_TABLE} (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )
    conn.execute(f"INSERT OR IGNORE INTO {META_TABLE} (key, value) VALUES ('app', ?)", (APP_ID,))
