"""The annotation store: labels, notes, links, undo/redo, re-import and orphans, reading back."""

from __future__ import annotations

import pytest
from storyfactory import SEED, make_evidence, make_story, make_suggestions, seed_story

from annotations.store import InvalidInput, StoreError
from annotations.store import Store as _Store

ME = "ana"


@pytest.fixture
def store(tmp_path):
    s = _Store.open(tmp_path / "work.db")
    story = seed_story()
    s.import_story(story, make_evidence(story), make_suggestions(story))
    yield s
    s.close()


def ids(store, article):
    return [c.id for c in store.claims("storm", article)]


def test_import_reads_back_what_was_imported(store):
    story = seed_story()
    assert store.stories() == ["storm"]
    assert [a.name for a in store.articles("storm")] == ["a.txt", "b.txt", "c.txt"]
    assert store.claims("storm") == story.claims()
    for art in store.articles("storm"):
        for c in store.claims("storm", art.name):
            assert art.text[c.start : c.end] == c.text
    ev = store.evidence(story.claims()[0].id)
    assert [e.article for e in ev].count("b.txt") == 3
    assert [e.score for e in ev] == sorted((e.score for e in ev), reverse=True)
    assert all(e.article != "a.txt" for e in ev)
    assert store.suggestion(story.claims()[0].id).label == "consistent"


def test_set_label_then_read_back_and_change(store):
    a0 = ids(store, "a.txt")[0]
    ann = store.set_label(a0, "consistent", ME)
    assert ann.label == "consistent" and ann.claim_text == SEED["a.txt"][0]
    assert ann.suggested_label == "consistent" and not ann.accepted_suggestion
    store.set_label(a0, "contradicted", ME, from_suggestion=True)
    ann = store.annotation(a0, ME)
    assert ann.label == "contradicted" and ann.accepted_suggestion
    assert [e.action for e in store.events(ME)] == ["set", "set"]
    assert store.events(ME)[1].old["label"] == "consistent"
    assert store.events(ME)[1].source == "suggestion"


def test_labels_are_per_reviewer(store):
    a0 = ids(store, "a.txt")[0]
    store.set_label(a0, "consistent", "ana")
    store.set_label(a0, "contradicted", "ben")
    assert store.annotation(a0, "ana").label == "consistent"
    assert store.annotation(a0, "ben").label == "contradicted"
    assert store.undo("ben").claim_id == a0
    assert store.annotation(a0, "ana").label == "consistent"
    assert store.annotation(a0, "ben") is None


@pytest.mark.parametrize(
    ("claim", "label", "message"),
    [("nope", "consistent", "unknown claim id"), (None, "true", "unknown label")],
)
def test_bad_label_or_claim_is_refused_with_a_message(store, claim, label, message):
    cid = claim or ids(store, "a.txt")[0]
    with pytest.raises(InvalidInput, match=message):
        store.set_label(cid, label, ME)
    assert store.annotations() == [] and store.events() == []


def test_same_label_twice_logs_one_event(store):
    a0 = ids(store, "a.txt")[0]
    store.set_label(a0, "consistent", ME)
    store.set_label(a0, "consistent", ME)
    assert len(store.events(ME)) == 1


def test_undo_and_redo_across_reopen(tmp_path):
    path = tmp_path / "w.db"
    with _Store.open(path) as s:
        story = seed_story()
        s.import_story(story, [])
        a0, a1 = (c.id for c in story.claims()[:2])
        s.set_label(a0, "consistent", ME)
        s.set_label(a0, "contradicted", ME)
        s.set_label(a1, "unverified", ME)
    with _Store.open(path) as s:
        assert s.undo(ME).claim_id == a1
        assert s.annotation(a1, ME) is None
    with _Store.open(path) as s:
        ev = s.undo(ME)
        assert ev.action == "undo" and ev.new["label"] == "consistent"
        assert s.annotation(a0, ME).label == "consistent"
        assert s.redo(ME).claim_id == a0
        assert s.annotation(a0, ME).label == "contradicted"
    with _Store.open(path) as s:
        assert s.redo(ME).claim_id == a1
        assert s.annotation(a1, ME).label == "unverified"
        assert s.redo(ME) is None
        # undo walks all the way back, past the redos, then stops
        for _ in range(3):
            assert s.undo(ME) is not None
        assert s.undo(ME) is None
        assert s.annotations() == []
        assert s.events(ME)[-1].action == "undo"


def test_redo_is_lost_after_a_new_change(store):
    a0, a1 = ids(store, "a.txt")[:2]
    store.set_label(a0, "consistent", ME)
    store.undo(ME)
    store.set_label(a1, "unverified", ME)
    assert store.redo(ME) is None
    assert store.annotation(a0, ME) is None


def test_undo_with_nothing_to_undo(store):
    assert store.undo(ME) is None
    assert store.redo(ME) is None
    store.set_label(ids(store, "a.txt")[0], "consistent", "someone-else")
    assert store.undo(ME) is None


def test_undo_of_note_and_link(store):
    a0 = ids(store, "a.txt")[0]
    b0 = ids(store, "b.txt")[0]
    store.set_label(a0, "consistent", ME)
    store.set_note(a0, ME, 'Checked, "same day", =SUM(A1)')
    ann = store.toggle_link(a0, ME, b0)
    assert [lk.claim_id for lk in ann.links] == [b0]
    assert ann.links[0].text == SEED["b.txt"][0]
    assert store.toggle_link(a0, ME, b0).links == ()  # toggled off
    assert [e.action for e in store.events(ME)][-2:] == ["link", "unlink"]
    store.undo(ME)  # the unlink
    assert [lk.article for lk in store.annotation(a0, ME).links] == ["b.txt"]
    store.undo(ME)  # the link
    assert store.annotation(a0, ME).links == ()
    store.undo(ME)  # the note
    assert store.annotation(a0, ME).note == ""
    assert store.annotation(a0, ME).label == "consistent"


def test_link_must_be_another_article_of_the_story(store):
    a0, a1 = ids(store, "a.txt")[:2]
    with pytest.raises(InvalidInput):
        store.toggle_link(a0, ME, a1)
    with pytest.raises(InvalidInput):
        store.toggle_link(a0, ME, "0000000000000000")


def test_clear_label_keeps_the_note(store):
    a0 = ids(store, "a.txt")[0]
    store.set_label(a0, "contradicted", ME)
    store.set_note(a0, ME, "six vs eight")
    ann = store.clear_label(a0, ME)
    assert ann.label is None and ann.note == "six vs eight"
    store.set_note(a0, ME, "")
    assert store.annotation(a0, ME) is None  # nothing left to keep
    assert store.clear_label(a0, ME) is None
    store.undo(ME)
    assert store.annotation(a0, ME).note == "six vs eight"


def test_reimport_keeps_labels_and_reports_orphans(tmp_path):
    path = tmp_path / "w.db"
    story = seed_story()
    with _Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        for c in story.claims():
            s.set_label(c.id, "unverified", ME)
        assert s.story_is_current(story)
        skipped = s.import_story(story, [], force=False)
        assert skipped.skipped and s.evidence(story.claims()[0].id)  # nothing replaced

    changed = dict(SEED)
    removed = changed["a.txt"][3]
    edited = changed["a.txt"][1]
    changed["a.txt"] = [
        changed["a.txt"][0],
        "Seven people were injured.",  # edited sentence
        changed["a.txt"][2],
        "A curfew was announced.",  # added
    ]
    story2 = make_story("storm", changed)
    with _Store.open(path) as s:
        assert not s.story_is_current(story2)
        report = s.import_story(story2, make_evidence(story2))
        assert report.articles_changed == ["a.txt"]
        assert report.articles_unchanged == ["b.txt", "c.txt"]
        assert sorted(o.claim_text for o in report.orphaned) == sorted([removed, edited])
        assert {o.claim_text for o in s.orphans()} == {removed, edited}
        surviving = {c.id for c in story2.claims()} & {c.id for c in story.claims()}
        assert len(surviving) == len(story.claims()) - 2
        for cid in surviving:
            assert s.annotation(cid, ME).label == "unverified"
        assert len(s.annotations()) == len(story.claims())  # none deleted
        new_claim = story2.claims()[3]
        assert s.annotation(new_claim.id, ME) is None
        assert s.claims("storm", "a.txt")[3].text == "A curfew was announced."


def test_progress_counts(store):
    a = ids(store, "a.txt")
    store.set_label(a[0], "consistent", ME)
    store.set_label(a[1], "contradicted", ME)
    store.set_label(a[1], "consistent", "ben")
    store.set_note(a[2], ME, "note only")
    p = store.progress(reviewer=ME)
    assert (p.overall.tagged, p.overall.total) == (2, 10)
    assert p.articles[("storm", "a.txt")].tagged == 2
    assert p.articles[("storm", "b.txt")].tagged == 0
    assert p.overall.labels == {"consistent": 1, "contradicted": 1}
    everyone = store.progress("storm")
    assert everyone.stories["storm"].labels == {"consistent": 2, "contradicted": 1}
    assert everyone.reviewers["ben"].tagged == 1


def test_state_is_kept_per_reviewer(tmp_path):
    with _Store.open(tmp_path / "w.db") as s:
        s.set_state(ME, "position", "storm/a.txt/3")
        s.set_state(ME, "position", "storm/b.txt/1")
    with _Store.open(tmp_path / "w.db") as s:
        assert s.get_state(ME, "position") == "storm/b.txt/1"
        assert s.get_state("ben", "position", "start") == "start"


def test_schema_opens_with_sqlite_utils(tmp_path):
    import sqlite_utils

    path = tmp_path / "w.db"
    with _Store.open(path) as s:
        story = seed_story()
        s.import_story(story, make_evidence(story), make_suggestions(story))
        s.set_label(story.claims()[0].id, "consistent", ME)
    db = sqlite_utils.Database(path)
    for table in ("stories", "articles", "annotations", "events", "state", "crossread_meta"):
        assert table in db.table_names()
    assert next(db["annotations"].rows)["label"] == "consistent"
    # claims is a view of the documented columns, each text cut from its article's
    assert "claims" in db.view_names()
    rows = list(db["claims"].rows)
    assert [(r["id"], r["story"], r["article"], r["claim_index"], r["start"], r["end"], r["text"])
            for r in rows] == [
        (c.id, c.story, c.article, c.index, c.start, c.end, c.text) for c in story.claims()
    ]  # fmt: skip
    # evidence is a view over claim numbers: the same columns, with the text joined in
    assert "evidence" in db.view_names()
    row = next(db["evidence"].rows)
    assert row["text"] == s_text(story, row["other_id"]) and row["article"]
    # suggestions too: the claim's id and story, the evidence by claim id
    assert "suggestions" in db.view_names()
    row = next(db["suggestions"].rows)
    assert row["story"] == "storm" and row["claim_id"] in {c.id for c in story.claims()}


def s_text(story, claim_id):
    return next(c.text for c in story.claims() if c.id == claim_id)


def test_store_error_is_one_line(tmp_path):
    with pytest.raises(StoreError) as e:
        _Store.open(tmp_path / "missing" / "w.db")
    assert "\n" not in str(e.value) and "does not exist" in str(e.value)
