"""Undo and redo after a re-import took a tagged sentence away: the tag stays an orphan that
says where it was (story, article, sentence), never one that names nothing, nor deleted."""

from __future__ import annotations

import copy

import pytest
from storyfactory import SEED, make_story, make_suggestions, seed_story

from annotations.store import Store

ME = "ana"
EDITED = copy.deepcopy(SEED)
EDITED["a.txt"][1] = "Seven people were injured."  # was "Six people were injured."


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "w.db")
    s.import_story(seed_story(), [])
    yield s
    s.close()


def six(store: Store) -> str:
    return store.claims("storm", "a.txt")[1].id


def reimport_edited(store: Store) -> None:
    store.import_story(make_story("storm", EDITED), [])


def test_undo_then_redo_of_a_tag_whose_sentence_was_edited_keeps_where_it_was(store):
    claim = six(store)
    store.set_label(claim, "contradicted", ME)
    reimport_edited(store)
    assert [o.claim_text for o in store.orphans()] == ["Six people were injured."]
    # ctrl+z, ctrl+y: the orphan was deleted, then re-created naming no story, article or text
    store.undo(ME)
    store.redo(ME)
    orphans = store.orphans()
    assert [(o.story, o.article, o.claim_text, o.label) for o in orphans] == [
        ("storm", "a.txt", "Six people were injured.", "contradicted")
    ]


def test_undo_of_a_clear_does_not_bring_a_tag_back_nameless(store):
    claim = six(store)
    store.set_label(claim, "contradicted", ME)
    store.clear_label(claim, ME)
    reimport_edited(store)
    store.undo(ME)
    # nothing of the vanished sentence is resurrected as an annotation of no story
    assert all(a.story == "storm" and a.claim_text for a in store.annotations())
    assert store.orphans() == []


def test_undo_changes_an_orphan_it_keeps_and_then_goes_on_to_claims_still_there(store):
    claim, other = six(store), store.claims("storm", "b.txt")[0].id
    store.set_label(other, "consistent", ME)
    store.set_label(claim, "contradicted", ME)
    store.set_note(claim, ME, "six, not eight")
    reimport_edited(store)
    store.undo(ME)  # the note: the orphan stays, without it
    (orphan,) = store.orphans()
    assert (orphan.label, orphan.note, orphan.claim_text) == (
        "contradicted", "", "Six people were injured.",
    )  # fmt: skip
    store.undo(ME)  # the orphan's label is kept, never deleted: the claim still there is next
    assert store.annotation(other, ME) is None
    assert [o.label for o in store.orphans()] == ["contradicted"]
    store.redo(ME)
    assert store.annotation(other, ME).label == "consistent"


def test_a_batch_is_undone_on_the_claims_still_there(store):
    store.import_story(seed_story(), [], make_suggestions(seed_story()))
    claims = [c.id for c in store.claims("storm", "a.txt")]
    assert store.accept_suggestions(claims, ME) == 4
    edited = make_story("storm", EDITED)
    store.import_story(edited, [], make_suggestions(edited))
    store.undo(ME)  # one ctrl+z still undoes the batch where its claims are
    still = [c for c in claims if store.claim(c) is not None]
    assert len(still) == 3 and all(store.annotation(c, ME) is None for c in still)
    assert [(o.claim_text, o.label) for o in store.orphans()] == [
        ("Six people were injured.", "consistent")
    ]
    store.redo(ME)
    assert all(store.annotation(c, ME).label == "consistent" for c in still)


def test_a_final_label_on_a_vanished_claim_keeps_where_it_was(store):
    claim = six(store)
    store.decide(claim, "contradicted", "lead", "six, not eight")
    reimport_edited(store)
    store.undo("lead", final=True)
    store.redo("lead", final=True)
    final = store.final(claim)
    assert final is not None
    assert (final.story, final.article, final.claim_text) == (
        "storm", "a.txt", "Six people were injured.",
    )  # fmt: skip
