"""`A`: accept every high-confidence suggestion of the article, after a confirmation; one undo."""

from __future__ import annotations

from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.dialogs import ConfirmScreen
from ui.helpers import REVIEWER, labels

SIZE = (120, 36)


def _high_by_article(db: str) -> list[dict[str, str]]:
    """Per article in order: claim id -> suggested label, for the high-confidence suggestions."""
    store = Store.open(db)
    try:
        story = store.stories()[0]
        out = []
        for art in store.articles(story):
            high = {}
            for c in store.claims(story, art.name):
                s = store.suggestion(c.id)
                if s and s.confidence == "high":
                    high[c.id] = s.label
            out.append(high)
        return out
    finally:
        store.close()


async def test_shift_a_confirms_with_the_count_accepts_and_one_undo_reverts(seeded_db) -> None:
    per_article = _high_by_article(seeded_db)
    index = max(range(len(per_article)), key=lambda k: len(per_article[k]))
    high = per_article[index]
    assert len(high) >= 2  # the seeds have articles with several high-confidence suggestions
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["right_square_bracket"] * index)
        await pilot.press("c")  # one label set by hand before the batch survives its undo
        first = app.review.claim.id
        shown = str(app.query_one("#evidence-body").render())
        assert f"{app.review.suggestion().confidence} confidence" in shown
        expected = {cid: lab for cid, lab in high.items() if cid != first}

        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Accept {len(expected)} high-confidence suggestion" in app.screen.question
        await pilot.press("n")  # declined: nothing written
        assert not isinstance(app.screen, ConfirmScreen)
        assert labels(seeded_db) == {first: "consistent"}

        await pilot.press("A", "y")
        saved = labels(seeded_db)
        for cid, label in expected.items():
            assert saved[cid] == label
        store = Store.open(seeded_db)
        accepted = {
            a.claim_id for a in store.annotations(reviewer=REVIEWER) if a.accepted_suggestion
        }
        store.close()
        assert accepted == set(expected)

        await pilot.press("A")  # every high suggestion is now the label: nothing to ask
        assert not isinstance(app.screen, ConfirmScreen)

        await pilot.press("ctrl+z")  # the whole batch, in one step
        assert labels(seeded_db) == {first: "consistent"}
        await pilot.press("ctrl+y")
        assert all(labels(seeded_db)[cid] == lab for cid, lab in expected.items())


def _most_high(db: str) -> tuple[int, dict[str, str]]:
    """The article with the most high-confidence suggestions: its number, and those."""
    per_article = _high_by_article(db)
    index = max(range(len(per_article)), key=lambda k: len(per_article[k]))
    return index, per_article[index]


async def _on_a_high_claim(pilot, index: int, high: dict[str, str]) -> tuple[str, str]:
    """Go to the first claim of article `index` with a high-confidence suggestion: its id, and
    the key of a label other than the suggested one."""
    app = pilot.app
    await pilot.press(*["right_square_bracket"] * index)
    while app.review.claim.id not in high:
        await pilot.press("j")
    mine = app.review.claim.id
    return mine, {"consistent": "x", "contradicted": "c", "unverified": "c"}[high[mine]]


async def test_shift_a_never_replaces_a_label_set_by_hand(seeded_db) -> None:
    # `A` after reviewing part of an article turned a claim marked contradicted by hand into
    # the suggested "consistent", and its confirmation did not say so
    index, high = _most_high(seeded_db)
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE) as pilot:
        mine, other = await _on_a_high_claim(pilot, index, high)
        await pilot.press(other)
        hand = labels(seeded_db)[mine]
        assert hand != high[mine]
        await pilot.press("A")
        assert f"Accept {len(high) - 1} high-confidence suggestion" in app.screen.question
        await pilot.press("y")
        saved = labels(seeded_db)
        assert saved[mine] == hand
        assert all(saved[cid] == lab for cid, lab in high.items() if cid != mine)


async def test_shift_a_never_replaces_a_label_still_being_saved(seeded_db) -> None:
    # the label pressed just before `A` was still saving (another program held the lock): the
    # batch counted its claim as unlabelled and, once both were saved, replaced the hand label
    import sqlite3

    index, high = _most_high(seeded_db)
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE) as pilot:
        mine, other = await _on_a_high_claim(pilot, index, high)
        lock = sqlite3.connect(seeded_db, isolation_level=None, check_same_thread=False)
        lock.execute("BEGIN IMMEDIATE")
        await pilot.press_now(other)
        await pilot.press_now("A")
        await pilot.pause()
        assert f"Accept {len(high) - 1} high-confidence suggestion" in app.screen.question
        await pilot.press_now("y")
        await pilot.pause()
        lock.execute("COMMIT")
        lock.close()
        await pilot.press("j")  # (waits for the writes to land)
        saved = labels(seeded_db)
        assert saved[mine] != high[mine]
        assert all(saved[cid] == lab for cid, lab in high.items() if cid != mine)


async def test_undo_and_redo_of_a_batch_both_go_to_its_first_claim(seeded_db) -> None:
    # undo put the cursor on the batch's first claim, redo on its last, and named that one
    # "claim 17 of … and the rest of its batch"
    index, high = _most_high(seeded_db)
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*["right_square_bracket"] * index)
        claims = app.review.article_claims
        batch = [c for c in claims if c.id in high]
        await pilot.press("A", "y", "k")
        first = f"on claim {batch[0].index + 1} of "
        for key, said in (("ctrl+z", "undid"), ("ctrl+y", "redid")):
            await pilot.press(key)
            assert app.review.claim.id == batch[0].id, key
            notice = [n.message for n in app._notifications][-1]
            assert notice.startswith(said) and first in notice, notice
            assert notice.endswith("and the rest of its batch"), notice
