"""Turn a database crossread writes today back into the schema of version 7, 6, 5 or 4 (before
the event indexes of step 8 and the lean storage of steps 7, 6 and 5), with the same rows, so
migration tests start from what those versions wrote."""

from __future__ import annotations

import json
import sqlite3

from annotations import schema


def _step1(*names: str) -> list[str]:
    """Step 1's own statements that create these tables and indexes."""
    return [sql for sql in schema.MIGRATIONS[0][1] if sql.split()[2] in names]


def _step(version: int, *starts: str) -> list[str]:
    """The SQL statements of a migration step that start with one of `starts`."""
    return [
        sql for sql in schema.MIGRATIONS[version - 1][1]
        if isinstance(sql, str) and sql.startswith(starts)
    ]  # fmt: skip


def downgrade_to_v7(conn: sqlite3.Connection) -> None:
    """The event log without the indexes undo reads it by (before step 8)."""
    conn.execute("DROP INDEX events_by_history")
    conn.execute("DROP INDEX events_by_claim")
    conn.execute("UPDATE crossread_meta SET value = '7' WHERE key = 'schema_version'")


def downgrade_to_v6(conn: sqlite3.Connection) -> None:
    """Claims as a table holding their text and their story and article names, articles without
    a number, evidence as (claim, other, rank, score) rows, suggestions' label and confidence as
    words (before step 7)."""
    downgrade_to_v7(conn)
    for view in ("claims", "evidence", "suggestions"):
        conn.execute(f"DROP VIEW {view}")
    claims = conn.execute(
        'SELECT r.n, r.id, a.story, a.name, r.claim_index, r.start, r."end", '
        'coalesce(r.text, substr(a.text, r.start + 1, r."end" - r.start)) '
        "FROM claim_rows r JOIN articles a ON a.n = r.article ORDER BY r.n"
    ).fetchall()
    conn.execute("DROP TABLE claim_rows")
    conn.execute("ALTER TABLE articles RENAME TO new_articles")
    for sql in _step1("articles"):
        conn.execute(sql)
    for sql in schema.MIGRATIONS[3][1]:  # step 4: the articles' source, url, published
        conn.execute(sql)
    columns = schema._ARTICLE_COLUMNS
    conn.execute(f"INSERT INTO articles ({columns}) SELECT {columns} FROM new_articles ORDER BY n")
    conn.execute("DROP TABLE new_articles")
    conn.execute(_step(5, "CREATE TABLE claims_v5")[0].replace("claims_v5", "claims"))
    conn.execute("CREATE INDEX claims_by_article ON claims (story, article, claim_index)")
    conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)", claims)
    conn.execute(
        "INSERT INTO evidence_pairs (claim, other, rank, score) "
        "SELECT claim, claim + delta, packed % 32, packed / 32 FROM evidence_packed"
    )
    conn.execute("DROP TABLE evidence_packed")
    conn.execute("ALTER TABLE suggestion_rows RENAME TO new_suggestion_rows")
    conn.execute(_step(6, "CREATE TABLE suggestion_rows")[0])
    conn.execute(
        "INSERT INTO suggestion_rows SELECT claim, "
        f"{schema.LABEL_OF.format('label')}, reason, evidence, hints, spans, "
        f"{schema.CONFIDENCE_OF.format('confidence')} FROM new_suggestion_rows"
    )
    conn.execute("DROP TABLE new_suggestion_rows")
    for sql in _step(5, "CREATE VIEW", "CREATE TRIGGER") + _step(
        6, "CREATE VIEW", "CREATE TRIGGER"
    ):
        conn.execute(sql)
    conn.execute("UPDATE crossread_meta SET value = '6' WHERE key = 'schema_version'")


def downgrade_to_v5(conn: sqlite3.Connection) -> None:
    """Suggestions as a table keyed by claim id, with a story column (before step 6)."""
    downgrade_to_v6(conn)
    ids = dict(conn.execute("SELECT n, id FROM claims"))
    rows = [
        (cid, story, label, reason, json.dumps([[ids[n], *rest] for n, *rest in json.loads(ev)]),
         hints, spans, confidence)
        for cid, story, label, reason, ev, hints, spans, confidence in conn.execute(
            "SELECT c.id, c.story, r.label, r.reason, r.evidence, r.hints, r.spans, r.confidence "
            "FROM suggestion_rows r JOIN claims c ON c.n = r.claim"
        )
    ]  # fmt: skip
    conn.execute("DROP VIEW suggestions")
    conn.execute("DROP TABLE suggestion_rows")
    for sql in _step1("suggestions", "suggestions_by_story"):
        conn.execute(sql)
    conn.execute("ALTER TABLE suggestions ADD COLUMN confidence TEXT NOT NULL DEFAULT 'low'")
    conn.executemany("INSERT INTO suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("UPDATE crossread_meta SET value = '5' WHERE key = 'schema_version'")


def downgrade_to_v4(conn: sqlite3.Connection) -> None:
    """Evidence as a table holding the other sentence's text, suggestions' evidence as JSON
    objects, claims keyed by their text id only; schema_version 4."""
    downgrade_to_v5(conn)
    other = {r[0]: r[1:] for r in conn.execute("SELECT id, article, text FROM claims")}
    rows = conn.execute("SELECT claim_id, evidence FROM suggestions").fetchall()
    conn.executemany(
        "UPDATE suggestions SET evidence = ? WHERE claim_id = ?",
        [
            (json.dumps([
                {"claim_id": cid, "other_id": o, "article": other[o][0], "rank": rank,
                 "score": score, "text": other[o][1]}
                for o, rank, score in json.loads(ev)
            ], ensure_ascii=False), cid)
            for cid, ev in rows
        ],
    )  # fmt: skip
    conn.execute("CREATE TABLE old_evidence AS SELECT * FROM evidence")
    conn.execute("DROP VIEW evidence")
    conn.execute("DROP TABLE evidence_pairs")
    conn.execute("ALTER TABLE claims RENAME TO new_claims")
    conn.execute("DROP INDEX claims_by_article")
    for sql in _step1("claims", "evidence", "claims_by_article", "evidence_by_claim",
                      "evidence_by_story"):  # fmt: skip
        conn.execute(sql)
    conn.execute(
        'INSERT INTO claims SELECT id, story, article, claim_index, start, "end", text '
        "FROM new_claims ORDER BY n"
    )
    conn.execute("INSERT INTO evidence SELECT * FROM old_evidence")
    conn.execute("DROP TABLE old_evidence")
    conn.execute("DROP TABLE new_claims")
    conn.execute("UPDATE crossread_meta SET value = '4' WHERE key = 'schema_version'")
