"""Accepting a batch of suggestions: one group in the event log, reverted by one undo."""

from __future__ import annotations

import sqlite3

from olddb import downgrade_to_v4
from storyfactory import make_evidence, make_suggestions, seed_story

from annotations import schema
from annotations.store import Store

ME = "ana"


def _store(tmp_path, label="contradicted"):
    s = Store.open(tmp_path / "w.db")
    story = seed_story()
    s.import_story(story, make_evidence(story), make_suggestions(story, label))
    return s, [c.id for c in story.claims()]


def test_batch_accept_is_undone_and_redone_as_one_step(tmp_path):
    s, ids = _store(tmp_path)
    s.set_label(ids[0], "consistent", ME)  # a change before the batch, kept by the undo
    assert s.accept_suggestions(ids[1:4], ME) == 3
    assert [s.annotation(c, ME).label for c in ids[1:4]] == ["contradicted"] * 3
    assert all(s.annotation(c, ME).accepted_suggestion for c in ids[1:4])
    assert len({e.grp for e in s.events(ME)[1:]}) == 1

    assert s.undo(ME) is not None
    assert [s.annotation(c, ME) for c in ids[1:4]] == [None] * 3
    assert s.annotation(ids[0], ME).label == "consistent"

    assert s.redo(ME) is not None
    assert [s.annotation(c, ME).label for c in ids[1:4]] == ["contradicted"] * 3
    s.undo(ME)
    s.undo(ME)  # then the single change before the batch
    assert s.annotations() == []
    assert s.undo(ME) is None
    s.close()


def test_batch_accept_skips_claims_already_labelled_so(tmp_path):
    s, ids = _store(tmp_path)
    s.set_label(ids[1], "contradicted", ME, from_suggestion=True)
    assert s.accept_suggestions(ids[:3], ME) == 2
    assert s.accept_suggestions([], ME) == 0
    s.undo(ME)
    assert s.annotation(ids[1], ME).label == "contradicted"  # not part of the batch
    assert s.annotation(ids[0], ME) is None
    s.close()


def test_a_version_1_database_migrates_keeping_labels_and_events(tmp_path):
    path = tmp_path / "old.db"
    s, ids = _store(tmp_path)
    s.set_label(ids[0], "consistent", ME)
    s.close()
    # turn the file back into a version 1 database: undo step 5, drop what steps 2-4 added
    conn = sqlite3.connect(tmp_path / "w.db")
    downgrade_to_v4(conn)
    conn.execute("ALTER TABLE events DROP COLUMN session")
    conn.execute("ALTER TABLE events DROP COLUMN origin")
    conn.execute("DROP TABLE finals")
    conn.execute("ALTER TABLE events DROP COLUMN grp")
    conn.execute("ALTER TABLE suggestions DROP COLUMN confidence")
    for column in ("source", "url", "published"):  # and what step 4 added
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("UPDATE crossread_meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    (tmp_path / "w.db").rename(path)
    with Store.open(path) as s:
        assert schema.stored_version(s.conn) == schema.SCHEMA_VERSION
        assert s.annotation(ids[0], ME).label == "consistent"
        assert s.suggestion(ids[0]).confidence == "low"  # never batch-accepted unknowingly
        assert s.undo(ME).claim_id == ids[0]


def test_export_carries_the_suggestion_and_whether_it_was_accepted(tmp_path):
    from annotations.export import export_rows
    from reader.models import Suggestion

    s, ids = _store(tmp_path)
    story = seed_story()
    sugg = [
        Suggestion(c.id, "contradicted", f"numbers differ in {c.id}", confidence="high")
        for c in story.claims()
    ]
    s.import_story(story, make_evidence(story), sugg, force=True)
    s.accept_suggestions(ids[:1], ME)
    s.set_label(ids[1], "consistent", ME)
    rows = {r["claim_id"]: r for r in export_rows(s, all_claims=True, reviewer=ME)}
    assert rows[ids[0]]["accepted_suggestion"] is True
    assert rows[ids[1]]["accepted_suggestion"] is False
    for cid in ids[:3]:  # labelled or not, every row names the suggestion
        assert rows[cid]["suggested_label"] == "contradicted"
        assert rows[cid]["suggestion_reason"] == f"numbers differ in {cid}"
        assert rows[cid]["suggestion_confidence"] == "high"
    s.close()


def test_evidence_packed_as_arrays_is_packed_as_one_by_one():
    # an analysis's pairs are packed as arrays; values packing cannot hold exactly (a score
    # between tenths, out of range, not a number; a rank past 31) go to evidence_pairs alike
    import math
    import random

    from annotations.store import _evidence_rows, _evidence_rows_one_by_one

    rng = random.Random(5)
    numbers = [10 + 3 * k for k in range(40)]
    pairs = [(rng.randrange(40), rng.randrange(40)) for _ in range(300)]
    rows, cols = [p[0] for p in pairs], [p[1] for p in pairs]
    ranks = [rng.choice([1, 2, 5, 31, 32, 0, -1]) for _ in pairs]
    scores = [
        rng.choice([round(rng.uniform(0, 100), 1), rng.uniform(0, 100), 100.0, 100.05, -0.1,
                    math.nan, 0.0, 72.0])
        for _ in pairs
    ]  # fmt: skip
    fast = _evidence_rows(numbers, rows, cols, ranks, scores)
    slow = _evidence_rows_one_by_one(numbers, rows, cols, ranks, scores)
    assert fast[0] == slow[0] and len(fast[0]) > 100
    assert [r[:3] for r in fast[1]] == [r[:3] for r in slow[1]] and len(fast[1]) > 50
    assert all(  # NaN is not equal to itself: compare the scores as text
        repr(a[3]) == repr(b[3]) for a, b in zip(fast[1], slow[1], strict=True)
    )
