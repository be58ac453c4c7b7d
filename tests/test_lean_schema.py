"""Steps 5 and 6 (lean storage): a version-4 or -5 database comes forward with every row it had."""

from __future__ import annotations

import json
import sqlite3

import pytest
from olddb import downgrade_to_v4, downgrade_to_v5
from storyfactory import make_evidence, seed_story

from annotations import schema
from annotations.export import export_rows
from annotations.store import Store
from reader.models import Suggestion

ME = "ana"


def _everything(s: Store, ids: list[str]) -> dict:
    q = s.conn.execute
    return {
        "annotations": q("SELECT * FROM annotations ORDER BY claim_id, reviewer").fetchall(),
        "events": q("SELECT * FROM events ORDER BY id").fetchall(),
        "state": q("SELECT * FROM state ORDER BY reviewer, key").fetchall(),
        "claims": s.claims("storm"),
        "evidence": [s.evidence(c) for c in ids],
        "suggestions": [s.suggestion(c) for c in ids],
        "export": list(export_rows(s, all_claims=True)),
    }


@pytest.mark.parametrize(("downgrade", "version"), [(downgrade_to_v4, 4), (downgrade_to_v5, 5)])
def test_an_older_database_migrates_keeping_every_row(tmp_path, downgrade, version):
    path = tmp_path / "w.db"
    story = seed_story()
    evidence = make_evidence(story)
    by_claim = {}
    for e in evidence:
        by_claim.setdefault(e.claim_id, []).append(e)
    suggestions = [
        Suggestion(c.id, "contradicted", "numbers differ", tuple(by_claim[c.id][:2]), ("n",),
                   ((0, 3),), "high")
        for c in story.claims()
    ]  # fmt: skip
    ids = [c.id for c in story.claims()]
    with Store.open(path) as s:
        s.import_story(story, evidence, suggestions)
        s.set_label(ids[0], "consistent", ME)
        s.set_label(ids[1], "contradicted", ME)
        s.set_note(ids[1], ME, "see the police figure")
        s.toggle_link(ids[1], ME, by_claim[ids[1]][0].other_id)
        s.accept_suggestions(ids[2:4], ME)
        s.undo(ME)
        s.set_label(ids[0], "unverified", "bo")
        before = _everything(s, ids)
    assert all(before["evidence"]) and all(x.evidence for x in before["suggestions"])

    conn = sqlite3.connect(path)
    downgrade(conn)
    conn.commit()
    if version == 4:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(evidence)")]
        assert "text" in columns  # the old layout: the other sentence's text in every row
    assert "story" in [r[1] for r in conn.execute("PRAGMA table_info(suggestions)")]
    assert schema.stored_version(conn) == version
    conn.close()

    with Store.open(path) as s:
        assert schema.stored_version(s.conn) == schema.SCHEMA_VERSION
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _everything(s, ids) == before
        # and it keeps working: undo of the batch's redo, a new label
        assert s.redo(ME) is not None
        s.set_label(ids[5], "consistent", ME)
        assert s.annotation(ids[5], ME).label == "consistent"


def test_evidence_text_is_stored_once(tmp_path):
    story = seed_story()
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, make_evidence(story))
        tables = {
            r[1] for t in ("evidence_pairs", "suggestions")
            for r in s.conn.execute(f"PRAGMA table_info({t})")
        }  # fmt: skip
        assert "text" not in tables
        # the view still gives readers such as score-evidence the old columns, text joined in
        row = s.conn.execute(
            "SELECT claim_id, other_id, article, rank, score, text FROM evidence LIMIT 1"
        ).fetchone()
        other = s.claim(row[1])
        assert (row[2], row[5]) == (other.article, other.text)


def test_suggestions_are_keyed_by_claim_number_behind_a_view_of_the_old_columns(tmp_path):
    story = seed_story()
    evidence = make_evidence(story)
    claim = story.claims()[0]
    refs = tuple(e for e in evidence if e.claim_id == claim.id)[:2]
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, evidence, [Suggestion(claim.id, "consistent", "agree", refs)])
        q = s.conn.execute
        # the stored row names no claim by its text id
        stored = q("SELECT claim, evidence FROM suggestion_rows").fetchall()
        assert stored == [(q("SELECT n FROM claims WHERE id = ?", (claim.id,)).fetchone()[0],
                           stored[0][1])]  # fmt: skip
        assert claim.id not in stored[0][1] and refs[0].other_id not in stored[0][1]
        # the view reads like the old table, evidence by claim id
        cid, story_name, ev = q("SELECT claim_id, story, evidence FROM suggestions").fetchone()
        assert (cid, story_name) == (claim.id, "storm")
        assert json.loads(ev) == [[e.other_id, e.rank, e.score] for e in refs]
        # and writes to it land in the table (merge writes through it)
        q("UPDATE suggestions SET label = 'unverified' WHERE claim_id = ?", (claim.id,))
        assert s.suggestion(claim.id).label == "unverified"
        assert s.suggestion(claim.id).evidence == refs
        q("DELETE FROM suggestions WHERE claim_id = ?", (claim.id,))
        assert s.suggestion(claim.id) is None
        q("INSERT INTO suggestions (claim_id, story, label, reason, evidence) "
          "VALUES (?, 'storm', 'contradicted', 'differ', ?)", (claim.id, ev))  # fmt: skip
        assert s.suggestion(claim.id).evidence == refs
