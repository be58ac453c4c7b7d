"""Steps 5, 6 and 7 (lean storage): a version-4, -5 or -6 database comes forward with every row it
had; the lean tables hold what the old ones did."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from olddb import downgrade_to_v4, downgrade_to_v5, downgrade_to_v6, downgrade_to_v7
from storyfactory import make_evidence, seed_story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus import write_corpus

from annotations import schema
from annotations.export import export_rows
from annotations.store import Store
from reader.models import Suggestion
from reader.pipeline import import_path

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


@pytest.mark.parametrize(
    ("downgrade", "version"),
    [(downgrade_to_v4, 4), (downgrade_to_v5, 5), (downgrade_to_v6, 6), (downgrade_to_v7, 7)],
)
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
    if version < 6:
        assert "story" in [r[1] for r in conn.execute("PRAGMA table_info(suggestions)")]
    assert "text" in [r[1] for r in conn.execute("PRAGMA table_info(claims)")]
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


def test_a_claims_text_is_its_articles_and_the_claims_view_reads_and_writes_like_a_table(tmp_path):
    story = seed_story()
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, make_evidence(story))
        q = s.conn.execute
        # stored once: in the article
        assert q("SELECT count(*) FROM claim_rows WHERE text IS NOT NULL").fetchone() == (0,)
        view = 'SELECT id, story, article, claim_index, start, "end", text FROM claims ORDER BY n'
        old = q(view).fetchall()
        assert old == [(c.id, c.story, c.article, c.index, c.start, c.end, c.text)
                       for c in story.claims()]  # fmt: skip
        # writes through the view land in claim_rows, as they landed in the old table
        first = story.claims()[0]
        q("DELETE FROM claims WHERE id = ?", (first.id,))
        assert s.claim(first.id) is None
        q('INSERT INTO claims (id, story, article, claim_index, start, "end", text) '
          "VALUES (?, ?, ?, ?, ?, ?, ?)", (first.id, first.story, first.article, first.index,
                                           first.start, first.end, first.text))  # fmt: skip
        assert s.claim(first.id) == first
        assert q("SELECT text FROM claim_rows WHERE id = ?", (first.id,)).fetchone() == (None,)
        # a text that is not the article's at the offsets is kept as given
        q("UPDATE claims SET text = 'Something else.' WHERE id = ?", (first.id,))
        assert s.claim(first.id).text == "Something else."
        with pytest.raises(sqlite3.DatabaseError, match="no such article"):
            q("INSERT INTO claims (id, story, article, claim_index, start, \"end\", text) "
              "VALUES ('x', 'storm', 'nope.txt', 0, 0, 1, 'T')")  # fmt: skip


def test_a_claim_text_that_is_not_its_articles_survives_the_migration(tmp_path):
    """Lossless: a claim whose stored text differs from its article's (a file edited by hand)
    keeps its own text."""
    path = tmp_path / "w.db"
    story = seed_story()
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
    conn = sqlite3.connect(path)
    downgrade_to_v6(conn)
    claim = story.claims()[1]
    conn.execute("UPDATE claims SET text = 'Seven people were injured.' WHERE id = ?", (claim.id,))
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        assert s.claim(claim.id).text == "Seven people were injured."
        assert [c.text for c in s.claims("storm") if c.id != claim.id] == [
            c.text for c in story.claims() if c.id != claim.id
        ]
        assert (
            s.conn.execute("SELECT count(*) FROM claim_rows WHERE text IS NOT NULL").fetchone()[0]
            == 1
        )


def test_evidence_scores_read_back_exactly_whichever_table_holds_them(tmp_path):
    """Alignment's pairs (rank 1-31, a score in tenths) are packed into one small integer; any
    other pair is kept as given. A whole-number score written to the view is a score (it was
    once read back as tenths: 72 became 7.2)."""
    story = seed_story()
    with Store.open(tmp_path / "w.db") as s:
        s.import_story(story, [])
        a, b, c, d = (x.id for x in story.claims()[:2] + story.claims()[4:6])
        q = s.conn.execute
        rows = [(a, c, 1, 71.5), (a, d, 2, 72), (b, c, 40, 60.0), (b, d, 1, 71.42857142857143)]
        q("DELETE FROM evidence")
        for row in rows:
            q("INSERT INTO evidence (claim_id, other_id, rank, score) VALUES (?, ?, ?, ?)", row)
        assert q("SELECT count(*) FROM evidence_packed").fetchone() == (2,)
        assert q("SELECT count(*) FROM evidence_pairs").fetchone() == (2,)
        got = {(e.claim_id, e.other_id): (e.rank, e.score) for x in (a, b) for e in s.evidence(x)}
        assert got == {(x, y): (r, sc) for x, y, r, sc in rows}
        view = q("SELECT claim_id, other_id, rank, score FROM evidence").fetchall()
        assert sorted(view) == sorted(rows)
        # the same pair again is ignored; an update moves it to the table that holds it exactly
        q("INSERT INTO evidence (claim_id, other_id, rank, score) VALUES (?, ?, 3, 10.0)", (a, c))
        q("UPDATE evidence SET score = 33.25 WHERE claim_id = ? AND other_id = ?", (a, c))
        q("UPDATE evidence SET rank = 2 WHERE claim_id = ? AND other_id = ?", (b, c))
        got = {(e.claim_id, e.other_id): (e.rank, e.score) for x in (a, b) for e in s.evidence(x)}
        assert got[a, c] == (1, 33.25) and got[b, c] == (2, 60.0)
        assert q("SELECT count(*) FROM evidence_pairs").fetchone() == (2,)  # (a, c), (b, d)
        q("DELETE FROM evidence WHERE claim_id = ?", (b,))
        assert s.evidence(b) == [] and len(s.evidence(a)) == 2


def test_an_import_stores_at_most_10_times_its_article_text(tmp_path):
    """Issue 12: synthetic stories (5 articles x 40 sentences, as benchmarks/load.py --scale
    imports) take at most 10 bytes of database a byte of text, beyond an empty database."""
    text = write_corpus(tmp_path / "corpus", 8)
    with Store.open(tmp_path / "empty.db"):
        pass
    with Store.open(tmp_path / "w.db") as store:
        import_path(store, tmp_path / "corpus", jobs=1)
    grown = (tmp_path / "w.db").stat().st_size - (tmp_path / "empty.db").stat().st_size
    assert grown <= 10 * text, grown / text
