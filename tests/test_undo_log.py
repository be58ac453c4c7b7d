"""Undo and redo read the event log backward from its end (`_Log`) instead of replaying all of
it (`Store._stacks`): the same step is undone or redone either way, whatever the history."""

from __future__ import annotations

import copy
import random
import sqlite3

import pytest
from olddb import downgrade_to_v7
from storyfactory import SEED, make_story, make_suggestions

from annotations import schema
from annotations.store import Store, _Log

ME = "ana"
EDITED = copy.deepcopy(SEED)
EDITED["a.txt"][1] = "Seven people were injured."
EDITED["b.txt"][0] = EDITED["b.txt"][0] + " Officials confirmed it."


def story(edited: bool):
    s = make_story("storm", EDITED if edited else SEED)
    return s, make_suggestions(s, "contradicted")


def replayed(store: Store, action: str, final: bool) -> list[int] | None:
    done, undone = store._stacks(ME, final)
    stack = done if action == "undo" else undone
    return stack[-1] if stack else None


def read_back(store: Store, action: str, final: bool) -> list[int] | None:
    return _Log(store, ME, final).top(action)


@pytest.mark.parametrize("seed", range(12))
def test_the_log_read_backward_gives_the_whole_replays_step(tmp_path, seed, monkeypatch):
    """Random days of two windows and the command line: labels, notes, batches, undos and
    redos (long runs of them), decisions, re-imports that orphan tags, windows closing."""
    monkeypatch.setattr(_Log, "MAX_STEPS", 10**6)  # compare the walk itself, never the fallback
    rng = random.Random(seed)
    path = tmp_path / "w.db"
    edited = False
    with Store.open(path) as s:
        s.import_story(*story(edited)[:1], [], story(edited)[1])
    windows = {}
    for name in ("A", "B", None):
        w = Store.open(path)
        w.session = name
        w.session_alive(ME)
        windows[name] = w
    try:
        for _ in range(160):
            w = windows[rng.choice(["A", "A", "B", None])]
            ids = [c.id for c in w.claims("storm")]
            op = rng.random()
            if op < 0.25:
                w.set_label(rng.choice(ids), rng.choice(["consistent", "contradicted"]), ME)
            elif op < 0.3:
                w.set_note(rng.choice(ids), ME, rng.choice(["", "see b", "check"]))
            elif op < 0.35:
                w.clear_label(rng.choice(ids), ME)
            elif op < 0.4:
                w.accept_suggestions(rng.sample(ids, 4), ME)
            elif op < 0.45:
                w.decide(rng.choice(ids), rng.choice(["consistent", "unverified"]), ME, "why")
            elif op < 0.5:
                w.undo(ME, final=True)
            elif op < 0.72:
                for _ in range(rng.choice([1, 1, 2, 6])):
                    w.undo(ME)
            elif op < 0.93:
                for _ in range(rng.choice([1, 1, 3])):
                    w.redo(ME)
            elif op < 0.96:
                edited = not edited
                w.import_story(story(edited)[0], [], story(edited)[1])
            else:
                closing = rng.choice(["A", "B"])
                windows[closing].session_closed(ME)
                windows[closing].session = f"{closing}{rng.randrange(10**6)}"  # a new window
                windows[closing].session_alive(ME)
            for v in windows.values():
                for action in ("undo", "redo"):
                    for final in (False, True):
                        assert read_back(v, action, final) == replayed(v, action, final)
    finally:
        for w in windows.values():
            w.close()


def test_a_long_run_of_undos_past_the_walks_reach_is_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(_Log, "MAX_STEPS", 12)
    s = Store.open(tmp_path / "w.db")
    st, sugg = story(False)
    s.import_story(st, [], sugg)
    ids = [c.id for c in st.claims()]
    labels = ["consistent", "contradicted", "unverified"]
    for i in range(40):
        s.set_label(ids[i % len(ids)], labels[i % 3], ME)
    states = [dict(s.labels())]
    for _ in range(40):
        assert s.undo(ME) is not None
        states.append(dict(s.labels()))
    assert s.undo(ME) is None and not s.annotations(reviewer=ME)
    for state in reversed(states[:-1]):
        assert s.redo(ME) is not None
        assert s.labels() == state
    assert s.redo(ME) is None
    s.close()


def test_an_older_database_gets_the_indexes_undo_reads_the_log_by(tmp_path):
    path = tmp_path / "w.db"
    st, sugg = story(False)
    with Store.open(path) as s:
        s.import_story(st, [], sugg)
        s.set_label(st.claims()[0].id, "consistent", ME)
    conn = sqlite3.connect(path)
    downgrade_to_v7(conn)
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        assert schema.stored_version(s.conn) == schema.SCHEMA_VERSION
        indexes = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
        assert {"events_by_history", "events_by_claim"} <= indexes
        plan = " ".join(
            str(r[3])
            for r in s.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM events WHERE reviewer = ? "
                "AND (source = 'final') = ? AND id < ? ORDER BY id DESC LIMIT 64",
                (ME, 0, 10),
            )
        )
        assert "events_by_history" in plan
        assert s.undo(ME).claim_id == st.claims()[0].id
