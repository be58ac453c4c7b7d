"""Accepting a batch of suggestions: one group in the event log, reverted by one undo."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

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


def test_batch_accept_reads_the_claims_together(tmp_path, monkeypatch):
    # each claim was read alone, twice, its text cut by SQL from its article read whole: accepting
    # an article of 20,000 claims took 28 s (claims x article length), now 1.8 s
    s, ids = _store(tmp_path)
    claims = {c.id: c for c in seed_story().claims()}
    alone = []
    monkeypatch.setattr(Store, "claim", lambda self, claim_id: alone.append(claim_id))
    assert s.accept_suggestions([*ids, "no such claim"], ME) == len(ids)
    assert alone == []
    snapshots = [(a.story, a.article, a.claim_text) for a in s.annotations(reviewer=ME)]
    assert snapshots == [(claims[c].story, claims[c].article, claims[c].text) for c in ids]
    s.close()


def test_batch_accept_reads_labels_not_whole_suggestions(tmp_path, monkeypatch):
    # a whole suggestion reads each evidence sentence, cut by SQL from its article's text:
    # accepting 6,000 claims whose counterparts are in another long article took 3.3 s (0.2 s)
    s, ids = _store(tmp_path)
    whole = []
    monkeypatch.setattr(Store, "suggestion", lambda self, claim_id: whole.append(claim_id))
    assert s.accept_suggestions(ids, ME) == len(ids)
    assert whole == []
    assert {a.label for a in s.annotations(reviewer=ME)} == {"contradicted"}
    s.close()


def test_suggested_labels_are_the_suggestions_labels_and_confidences(tmp_path):
    s = Store.open(tmp_path / "w.db")
    story = seed_story()
    made = [
        replace(x, label=label, confidence=confidence)
        for x, label, confidence in zip(
            make_suggestions(story),
            ["consistent", "contradicted", "unverified"] * 4,
            ["high", "low", "medium", "low"] * 3,
            strict=False,
        )
    ]
    s.import_story(story, make_evidence(story), made[1:])  # the first claim has none
    ids = [c.id for c in story.claims()]
    got = s.suggested([*ids, "no such claim"])
    assert got == {x.claim_id: (x.label, x.confidence) for x in made[1:]}
    assert got == {c: (x.label, x.confidence) for c in ids[1:] if (x := s.suggestion(c))}
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


def test_batch_accept_never_replaces_a_label(tmp_path):
    # the app leaves out the claims it shows labelled, but a label saved after it chose them
    # (another window's) was replaced by the suggestion
    s, ids = _store(tmp_path)
    s.set_label(ids[1], "consistent", ME)
    assert s.accept_suggestions(ids[:3], ME) == 2
    assert s.annotation(ids[1], ME).label == "consistent"
    assert not s.annotation(ids[1], ME).accepted_suggestion
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


def _pairs(seed: int = 5, n: int = 40, count: int = 300):
    """Pairs of claims 0..n-1 with ranks and scores packing can and cannot hold exactly."""
    import math
    import random

    rng = random.Random(seed)
    pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(count)]
    rows, cols = [p[0] for p in pairs], [p[1] for p in pairs]
    ranks = [rng.choice([1, 2, 5, 31, 32, 0, -1]) for _ in pairs]
    scores = [
        rng.choice([round(rng.uniform(0, 100), 1), rng.uniform(0, 100), 100.0, 100.05, -0.1,
                    math.nan, 0.0, 72.0])
        for _ in pairs
    ]  # fmt: skip
    return rows, cols, ranks, scores


def _same_rows(fast, slow):
    assert fast[0] == slow[0]
    assert [r[:3] for r in fast[1]] == [r[:3] for r in slow[1]]
    assert all(  # NaN is not equal to itself: compare the scores as text
        repr(a[3]) == repr(b[3]) for a, b in zip(fast[1], slow[1], strict=True)
    )


def test_evidence_packed_as_arrays_is_packed_as_one_by_one():
    # an analysis's pairs are packed as arrays; values packing cannot hold exactly (a score
    # between tenths, out of range, not a number; a rank past 31) go to evidence_pairs alike
    import numpy as np

    from annotations.story_rows import _one_by_one, prepare

    rows, cols, ranks, scores = _pairs()
    numbers = np.array([10 + 3 * k for k in range(40)])
    fast = prepare({}, (rows, cols, ranks, scores), []).evidence(numbers, rising=True)
    slow = _one_by_one(rows, cols, ranks, scores, []).evidence(numbers, rising=True)
    _same_rows(fast, slow)
    assert len(fast[0]) > 100 and len(fast[1]) > 50


def test_rows_prepared_by_index_are_the_rows_of_the_claims_numbers_in_any_order():
    # a worker prepares a block's rows with claims as indices; numbered by the store they are
    # the rows prepared from the numbers themselves, also were the numbers not rising
    import random

    import numpy as np

    from annotations.story_rows import prepare

    rows, cols, ranks, scores = _pairs(seed=7)
    for numbers in ([10 + 3 * k for k in range(40)], random.Random(2).sample(range(1000), 40)):
        at = np.array(numbers)
        rising = bool((at[1:] > at[:-1]).all())
        by_index = prepare({}, (rows, cols, ranks, scores), []).evidence(at, rising)
        by_number = prepare({}, (at[rows], at[cols], ranks, scores), []).evidence(
            np.arange(1000), rising=True
        )
        _same_rows(by_index, by_number)
        assert len(by_index[0]) > 100


def test_a_story_stored_from_prepared_rows_is_the_story_stored_from_its_analysis(tmp_path):
    # the import prepares each block's rows where it is analysed: the database is the one
    # written from the evidence and suggestions themselves
    from dataclasses import replace

    from storyfactory import make_evidence, make_suggestions, seed_story

    from annotations.story_rows import prepare

    story = seed_story()
    evidence = make_evidence(story)
    suggestions = [
        replace(s, evidence=tuple(e for e in evidence if e.claim_id == s.claim_id)[:k % 4],
                hints=("quoted «differently»",) * (k % 2), spans=((0, 3),) * (k % 3),
                confidence=("high", "low", "medium")[k % 3])
        for k, s in enumerate(make_suggestions(story, "contradicted"))
    ]  # fmt: skip
    direct = Store.open(tmp_path / "direct.db")
    direct.import_story(story, evidence, suggestions)
    index = {c.id: k for k, c in enumerate(story.claims())}
    columns = tuple(
        zip(*((index[e.claim_id], index[e.other_id], e.rank, e.score) for e in evidence),
            strict=True)
    )  # fmt: skip
    half = len(suggestions) // 2
    prepared = Store.open(tmp_path / "prepared.db")
    prepared.import_blocks(  # one block prepared, one not
        story, [prepare(index, columns, suggestions[:half]), (((), (), (), ()), suggestions[half:])]
    )
    for table in ("claim_rows", "evidence_packed", "evidence_pairs", "suggestion_rows"):
        a = direct.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        b = prepared.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        assert a == b, table
    rows = prepared.conn.execute("SELECT evidence, hints, spans FROM suggestion_rows").fetchall()
    assert len(rows) == len(suggestions)
    assert all(len(set(column)) > 1 for column in zip(*rows, strict=True))  # (all kinds)


def test_a_suggestions_evidence_is_written_as_json_writes_it():
    # the rest of each evidence item is written where the block is analysed, repr for the
    # usual int rank and float score: the text JSON itself writes, whatever the values
    import json

    from annotations.story_rows import _rest

    values = [(1, 76.2), (0, 1e-7), (31, 100.0), (2, 1e16), (3, float("nan")), (True, 2.0),
              (4, 5), (5, -0.0), (6, 1 / 3), (7, float("inf")), (8, 12.25)]  # fmt: skip
    for rank, score in values:
        assert "[[9," + _rest(rank, score) + "]" == json.dumps(
            [[9, rank, score]], separators=(",", ":")
        )
