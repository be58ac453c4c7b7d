"""Several windows on one database: each window's undo is its own; stale tags are refused."""

from __future__ import annotations

import pytest
from storyfactory import make_evidence, seed_story

from annotations.store import Stale, Store

ME = "ana"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.db"
    story = seed_story()
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
    return path, [c.id for c in story.claims()]


def window(path, session: str) -> Store:
    s = Store.open(path)
    s.session = session
    s.session_alive(ME)
    return s


def test_each_window_undoes_only_its_own_change(db):
    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    a.set_label(ids[0], "consistent", ME)
    b.set_label(ids[1], "contradicted", ME)
    a.set_label(ids[2], "unverified", ME)
    assert a.undo(ME).claim_id == ids[2]
    assert a.undo(ME).claim_id == ids[0]
    assert a.undo(ME) is None  # b's change is not a's to undo
    assert b.annotation(ids[1], ME).label == "contradicted"
    assert b.undo(ME).claim_id == ids[1]
    assert a.redo(ME).claim_id == ids[0]
    assert [e.session for e in a.events(ME)][:3] == ["A", "B", "A"]
    a.close()
    b.close()


def test_a_closed_windows_changes_can_be_undone_after_a_restart(db):
    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    a.set_label(ids[0], "consistent", ME)
    b.set_label(ids[1], "contradicted", ME)
    a.session_closed(ME)
    a.close()
    later = window(path, "C")  # a is gone: its history is free; b is still open
    assert later.undo(ME).claim_id == ids[0]
    assert later.undo(ME) is None
    with Store.open(path) as cli:  # the command line and API: all of the reviewer's changes
        assert cli.undo(ME).claim_id == ids[1]
    b.close()
    later.close()


def test_a_tag_on_a_claim_changed_elsewhere_is_refused_showing_the_newer_label(db):
    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    a.set_label(ids[0], "consistent", ME)
    b.set_label(ids[0], "contradicted", ME)
    with pytest.raises(Stale, match="changed elsewhere to contradicted") as err:
        a.set_label(ids[0], "unverified", ME, expect="consistent")
    assert err.value.current.label == "contradicted"
    assert a.annotation(ids[0], ME).label == "contradicted"  # nothing written
    a.set_label(ids[0], "unverified", ME, expect="contradicted")
    assert b.annotation(ids[0], ME).label == "unverified"
    a.close()
    b.close()


def test_data_version_moves_when_another_connection_commits(db):
    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    before = a.data_version()
    a.set_label(ids[0], "consistent", ME)
    assert a.data_version() == before  # its own commit does not count
    b.set_label(ids[1], "consistent", ME)
    assert a.data_version() != before
    a.close()
    b.close()


def test_undo_never_reverts_what_another_open_window_changed_since(db):
    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    a.set_label(ids[0], "consistent", ME)
    a.set_label(ids[1], "consistent", ME)
    b.set_label(ids[1], "contradicted", ME)  # b changed a's claim afterwards
    assert a.undo(ME).claim_id == ids[0]  # a's change to ids[1] is skipped, not reverted
    assert a.undo(ME) is None
    assert a.annotation(ids[1], ME).label == "contradicted"
    assert b.undo(ME).claim_id == ids[1]
    assert b.annotation(ids[1], ME).label == "consistent"  # b's undo restores what b saw
    a.close()
    b.close()


def test_a_note_saved_elsewhere_since_it_was_shown_is_not_replaced(tmp_path) -> None:
    story = seed_story()
    with Store.open(tmp_path / "t.db") as store:
        store.import_story(story, make_evidence(story))
        claim = story.claims()[0].id
        store.set_note(claim, "ana", "theirs")  # saved after ana's editor showed no note
        with pytest.raises(Stale, match="note was saved elsewhere") as err:
            store.set_note(claim, "ana", "mine", expect="")
        assert err.value.current.note == "theirs" and err.value.what == "note"
        assert store.annotation(claim, "ana").note == "theirs"
        assert store.set_note(claim, "ana", "mine", expect="theirs").note == "mine"
        assert store.set_note(claim, "ana", "any", expect=None).note == "any"  # (no check)


def test_a_reason_saved_elsewhere_since_it_was_shown_is_not_replaced(db) -> None:
    # the adjudicator's reason had no check: the last save silently won
    from annotations.store import StaleFinal

    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    a.decide(ids[0], "contradicted", "lead")
    b.decide(ids[0], "contradicted", "lead", "theirs")  # after a's editor showed no reason
    with pytest.raises(StaleFinal, match="final label or its reason changed elsewhere") as err:
        a.decide(ids[0], "contradicted", "lead", "mine", expect=("contradicted", ""))
    assert err.value.what == "reason" and err.value.final.reason == "theirs"
    assert a.final(ids[0]).reason == "theirs"
    b.decide(ids[0], "unverified", "lead")  # the label too, keeping the reason
    with pytest.raises(StaleFinal):
        a.decide(ids[0], "contradicted", "lead", "mine", expect=("contradicted", "theirs"))
    b.undecide(ids[0], "lead")  # withdrawn
    with pytest.raises(StaleFinal) as err:
        a.decide(ids[0], "contradicted", "lead", "mine", expect=("unverified", "theirs"))
    assert err.value.final is None
    assert a.final(ids[0]) is None
    assert a.decide(ids[0], "consistent", "lead", "mine", expect=("", "")).reason == "mine"
    assert a.decide(ids[0], "consistent", "lead", "any").reason == "any"  # (no check)
    a.close()
    b.close()


def test_a_new_final_label_keeps_the_reason_another_window_saved(db) -> None:
    # c / x / u wrote back the reason this window last read, replacing a newer one
    from reader.ui.adjudicate import Adjudication

    path, ids = db
    a, b = window(path, "A"), window(path, "B")
    a.set_label(ids[0], "consistent", "ana")
    a.set_label(ids[0], "contradicted", "ben")
    a.decide(ids[0], "contradicted", "lead")
    mine = Adjudication(a, "lead")
    assert mine.claim.id == ids[0]
    b.decide(ids[0], "contradicted", "lead", "theirs")
    mine.decide("unverified")  # before this window noticed b's write
    assert (a.final(ids[0]).label, a.final(ids[0]).reason) == ("unverified", "theirs")
    a.close()
    b.close()
