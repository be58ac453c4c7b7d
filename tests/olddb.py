"""Turn a database crossread writes today back into the schema of version 5 or 4 (before the lean
storage of steps 6 and 5), with the same rows, so migration tests start from what those versions
wrote."""

from __future__ import annotations

import json
import sqlite3

from annotations import schema


def _step1(*names: str) -> list[str]:
    """Step 1's own statements that create these tables and indexes."""
    return [sql for sql in schema.MIGRATIONS[0][1] if sql.split()[2] in names]


def downgrade_to_v5(conn: sqlite3.Connection) -> None:
    """Suggestions as a table keyed by claim id, with a story column (before step 6)."""
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
