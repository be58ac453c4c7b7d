"""Final labels: an adjudicator's decision, logged and undoable apart from their own labels."""

from __future__ import annotations

import pytest
from storyfactory import make_evidence, seed_story

from annotations.store import InvalidInput, Store

LEAD = "lead"


@pytest.fixture
def store(tmp_path):
    story = seed_story()
    s = Store.open(tmp_path / "t.db")
    s.import_story(story, make_evidence(story))
    yield s, [c.id for c in story.claims()]
    s.close()


def test_decide_is_stored_with_who_when_and_why_and_logged(store):
    s, ids = store
    s.set_label(ids[0], "consistent", "ana")
    s.set_label(ids[0], "contradicted", "ben")
    final = s.decide(ids[0], "contradicted", LEAD, "ben found the police report")
    assert (final.label, final.reason, final.decided_by) == (
        "contradicted", "ben found the police report", LEAD)  # fmt: skip
    assert final.decided_at and final.claim_text == seed_story().claims()[0].text
    [event] = [e for e in s.events(LEAD)]
    assert (event.action, event.source, event.old, event.new["label"]) == (
        "decide", "final", None, "contradicted")  # fmt: skip
    # reviewers' own labels are untouched
    assert s.annotation(ids[0], "ana").label == "consistent"
    with pytest.raises(InvalidInput):
        s.decide(ids[0], "maybe", LEAD)


def test_undo_and_redo_a_decision_apart_from_the_adjudicators_labels(store):
    s, ids = store
    s.set_label(ids[1], "unverified", LEAD)  # the adjudicator also reviewed as a reviewer
    s.decide(ids[0], "consistent", LEAD)
    s.decide(ids[0], "contradicted", LEAD, "changed my mind")
    assert s.undo(LEAD, final=True).claim_id == ids[0]
    assert s.final(ids[0]).label == "consistent"
    assert s.undo(LEAD, final=True).claim_id == ids[0]
    assert s.final(ids[0]) is None
    assert s.undo(LEAD, final=True) is None
    assert s.annotation(ids[1], LEAD).label == "unverified"  # label history is separate
    assert s.redo(LEAD, final=True) is not None
    assert s.final(ids[0]).label == "consistent"
    assert s.undo(LEAD).claim_id == ids[1]  # ordinary undo: the label, not the decision
    assert s.final(ids[0]).label == "consistent"
    s.undecide(ids[0], LEAD)
    assert s.finals() == {}


def test_cli_export_final_jsonl_and_refused_options(store, tmp_path):
    import json

    from click.testing import CliRunner

    from reader.cli.main import main

    s, ids = store
    s.set_label(ids[0], "consistent", "ana")
    s.set_label(ids[0], "unverified", "ben")
    s.decide(ids[0], "unverified", LEAD, "no source says")
    run = CliRunner().invoke
    done = run(main, ["export", "--final", "--format", "jsonl", "--db", s.path])
    [row] = [json.loads(line) for line in done.output.splitlines()]
    assert row["final_label"] == "unverified" and row["labels"] == {
        "ana": "consistent", "ben": "unverified"}  # fmt: skip
    bad = run(main, ["export", "--final", "--all", "--db", s.path])
    assert bad.exit_code == 2 and "--final" in bad.output


def test_no_reason_is_one_value_whether_decided_or_unanimous(store):
    # JSONL gave null for a unanimous claim's reason but "" for a decision made without one
    import csv
    import io
    import json

    from click.testing import CliRunner

    from reader.cli.main import main

    s, ids = store
    for claim in ids[:2]:
        s.set_label(claim, "consistent", "ana")
    s.set_label(ids[0], "consistent", "ben")  # unanimous
    s.set_label(ids[1], "contradicted", "ben")
    s.decide(ids[1], "contradicted", LEAD)  # decided, no reason given
    export = ["export", "--final", "--db", s.path, "--format"]
    jsonl = CliRunner().invoke(main, [*export, "jsonl"]).output
    rows = [json.loads(line) for line in jsonl.splitlines()]
    assert [(r["final_source"], r["reason"]) for r in rows] == [
        ("unanimous", None), ("adjudicated", None)]  # fmt: skip
    table = CliRunner().invoke(main, [*export, "csv"]).output
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [(r["final_source"], r["reason"]) for r in rows] == [
        ("unanimous", ""), ("adjudicated", "")]  # fmt: skip


def test_a_reason_sqlite_cannot_store_is_one_line(store):
    s, ids = store
    with pytest.raises(InvalidInput, match=r"the reason cannot be saved: .*U\+D800"):
        s.decide(ids[0], "contradicted", LEAD, "bad \ud800 paste")
    assert s.final(ids[0]) is None


def test_export_final_keeps_decisions_and_labels_whose_sentence_was_edited(store, tmp_path):
    # a re-import that changed the sentence dropped its decision and labels from --final
    # (export and stats still showed them, as orphans): the adjudicated reason silently gone
    import copy
    import json

    from click.testing import CliRunner
    from storyfactory import SEED, make_story

    from reader.cli.main import main

    s, ids = store
    six = s.claims("storm", "a.txt")[1].id
    s.set_label(six, "contradicted", "ana")
    s.set_label(six, "consistent", "ben")
    s.decide(six, "contradicted", LEAD, "the police say six")
    s.set_label(ids[0], "consistent", "ana")
    edited = copy.deepcopy(SEED)
    edited["a.txt"][1] = "Seven people were injured."
    s.import_story(make_story("storm", edited), [])
    done = CliRunner().invoke(main, ["export", "--final", "--format", "jsonl", "--db", s.path])
    rows = [json.loads(line) for line in done.output.splitlines()]
    assert [(r["claim"], r["final_label"], r["final_source"]) for r in rows] == [
        (SEED["a.txt"][0], "consistent", "single"),
        ("Six people were injured.", "contradicted", "adjudicated"),  # after the claims there
    ]
    orphan = rows[1]
    assert (orphan["article"], orphan["claim_index"], orphan["reason"], orphan["labels"]) == (
        "a.txt", None, "the police say six", {"ana": "contradicted", "ben": "consistent"},
    )  # fmt: skip


def test_stats_counts_a_decision_whose_sentence_was_edited(store):
    # stats said "0 with a final label" and nothing of it, as if the decision were gone
    import copy

    from storyfactory import SEED, make_story

    from reader.cli.stats import format_stats

    s, _ids = store
    six = s.claims("storm", "a.txt")[1].id
    s.set_label(six, "contradicted", "ana")
    s.decide(six, "contradicted", LEAD, "the police say six")
    edited = copy.deepcopy(SEED)
    edited["a.txt"][1] = "Seven people were injured."
    s.import_story(make_story("storm", edited), [])
    lines = list(format_stats(s))
    assert "orphaned annotations (claim no longer in its article): 1" in lines
    assert "orphaned final labels (claim no longer in its article): 1" in lines


def test_export_final_shows_each_reviewers_note_and_linked_evidence(store, tmp_path):
    # the final export had only each reviewer's label: a lead reading it saw "ana unverified,
    # ben contradicted" without the note and the sentence ana gave for hers
    import csv
    import json

    from annotations.final_export import write_final_export

    s, ids = store
    other = next(c for c in seed_story().claims() if c.article != seed_story().claims()[0].article)
    s.set_label(ids[0], "unverified", "ana")
    s.set_note(ids[0], "ana", "40 not 42, =see the wire")
    s.toggle_link(ids[0], "ana", other.id)
    s.set_label(ids[0], "contradicted", "ben")
    s.decide(ids[0], "contradicted", LEAD, "numbers differ")
    write_final_export(s, tmp_path / "final.csv")
    with open(tmp_path / "final.csv", newline="", encoding="utf-8") as f:
        [row] = list(csv.DictReader(f))
    assert (row["label:ana"], row["label:ben"], row["final_label"]) == (
        "unverified", "contradicted", "contradicted")  # fmt: skip
    assert row["note:ana"] == "40 not 42, =see the wire" and row["note:ben"] == ""
    assert json.loads(row["evidence:ana"]) == [other.text] and row["evidence:ben"] == ""
    write_final_export(s, tmp_path / "final.jsonl", fmt="jsonl")
    [record] = [json.loads(line) for line in (tmp_path / "final.jsonl").read_text().splitlines()]
    assert record["notes"] == {"ana": "40 not 42, =see the wire"}
    assert record["evidence"] == {"ana": [other.text]}


def test_export_final_names_each_articles_outlet_and_headline(tmp_path):
    # the final file named articles only by file name ("a.txt"): a lead had to open the
    # plain export, which has them, to know which outlet said what
    import csv

    from click.testing import CliRunner

    from reader.cli.main import main

    story = tmp_path / "ferry"
    story.mkdir()
    (story / "a.txt").write_text(
        "---\nsource: Daily Courier\n---\nFerry fire off Kessa\n\n42 passengers were rescued.\n"
    )
    (story / "b.txt").write_text(
        "Ferry blaze\n\nThe coast guard said 40 passengers were rescued.\n"
    )
    db = str(tmp_path / "t.db")
    assert CliRunner().invoke(main, ["import", str(story), "--db", db]).exit_code == 0
    with Store.open(db) as s:
        first = s.claims("ferry", "a.txt")[1]
        s.set_label(first.id, "contradicted", "ana")
    done = CliRunner().invoke(
        main, ["export", "--db", db, "--final", "-o", str(tmp_path / "f.csv")]
    )
    assert done.exit_code == 0, done.output
    with open(tmp_path / "f.csv", newline="", encoding="utf-8") as f:
        [row] = list(csv.DictReader(f))
    assert (row["article"], row["source"], row["title"]) == (
        "a.txt", "Daily Courier", "Ferry fire off Kessa")  # fmt: skip
