"""Pilot: adjudication shows every reviewer's label, decides, undoes, and exports --final."""

from __future__ import annotations

import asyncio
import csv
import io
import threading
from pathlib import Path

import pytest

from annotations.final_export import write_final_export
from annotations.store import Store
from reader.ui.adjudicate import AdjudicateScreen
from reader.ui.app import build_app
from ui.conftest import import_into
from ui.helpers import first_claims, screen_lines

SIZE = (120, 36)
LEAD = "lead"


def label_team(db: str) -> list:
    """ana, ben and cy label the first four claims: two disagreements, one agreement, one
    claim only ana labelled."""
    claims = first_claims(db, 4)
    rows = {
        "ana": ["consistent", "consistent", "contradicted", "unverified"],
        "ben": ["contradicted", "consistent", "contradicted", None],
        "cy": ["unverified", "consistent", "consistent", None],
    }
    with Store.open(db) as s:
        for reviewer, labels in rows.items():
            for claim, label in zip(claims, labels, strict=True):
                if label:
                    s.set_label(claim.id, label, reviewer)
        s.set_note(claims[0].id, "ben", "the police said [b]eight[/b]")
    return claims


def final_csv(db: str) -> list[dict]:
    buf = io.StringIO()
    with Store.open(db) as s:
        write_final_export(s, buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


async def test_decide_undo_and_export_final(seeded_db: str) -> None:
    claims = label_team(seeded_db)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AdjudicateScreen)
        text = "\n".join(screen_lines(app))
        assert "disagreements left: 2 of 2" in text
        # the first disagreement, every reviewer side by side, the note shown literally
        assert claims[0].text[:40] in text
        for name, label in (("ana", "consistent"), ("ben", "contradicted"), ("cy", "unverified")):
            assert name in text and label in text
        assert "the police said [b]eight[/b]" in text
        await pilot.press("x")
        await pilot.press("e")
        await pilot.press(*"report")
        await pilot.press("ctrl+s")
        with Store.open(seeded_db) as s:
            final = s.final(claims[0].id)
        assert (final.label, final.decided_by, final.reason) == ("contradicted", LEAD, "report")
        assert "disagreements left: 1 of 2" in "\n".join(screen_lines(app))
        await pilot.press("n")  # the next disagreement: the third claim
        assert app.screen.adjudication.claim == claims[2]
        await pilot.press("c")
        assert "disagreements left: 0 of 2" in "\n".join(screen_lines(app))
        await pilot.press("ctrl+z")  # undoes the last decision only
        with Store.open(seeded_db) as s:
            assert s.final(claims[2].id) is None
            assert s.final(claims[0].id).label == "contradicted"
            assert s.annotation(claims[2].id, "ana").label == "contradicted"  # untouched
        assert "disagreements left: 1 of 2" in "\n".join(screen_lines(app))
        await pilot.press("m", "n")  # the next claim with a single label
        assert app.screen.adjudication.claim == claims[3]
    rows = {r["claim_id"]: r for r in final_csv(seeded_db)}
    first = rows[claims[0].id]
    assert (first["final_label"], first["final_source"], first["reason"], first["decided_by"]) == (
        "contradicted", "adjudicated", "report", LEAD)  # fmt: skip
    assert (first["label:ana"], first["label:ben"], first["label:cy"]) == (
        "consistent", "contradicted", "unverified")  # fmt: skip
    assert (rows[claims[1].id]["final_label"], rows[claims[1].id]["final_source"]) == (
        "consistent", "unanimous")  # fmt: skip
    assert (rows[claims[2].id]["final_label"], rows[claims[2].id]["final_source"]) == (
        "", "undecided")  # fmt: skip
    assert rows[claims[3].id]["final_source"] == "single" and rows[claims[3].id]["label:ben"] == ""


async def test_a_reason_saved_elsewhere_meanwhile_is_not_replaced_and_mine_is_kept(
    seeded_db: str,
) -> None:
    # the adjudicator's reason had no check between windows: the last save silently won
    from textual.widgets import Static, TextArea

    from reader.ui.dialogs import ConfirmScreen, NoteScreen

    claims = label_team(seeded_db)

    def final() -> tuple[str, str] | None:
        with Store.open(seeded_db) as s:
            f = s.final(claims[0].id)
        return (f.label, f.reason) if f else None

    def shown() -> str:
        return "\n".join(screen_lines(app))

    def newer() -> str:  # the line above the editor, as wrapped to the dialog
        return str(app.screen.query_one("#note-newer", Static).content)

    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("x", "e", *"mine")
        with Store.open(seeded_db) as other:  # another window gives a reason meanwhile
            other.decide(claims[0].id, "contradicted", LEAD, "theirs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert final() == ("contradicted", "theirs")  # refused, nothing written
        assert isinstance(app.screen, NoteScreen)  # back, with the text typed
        assert app.screen.query_one(TextArea).text == "mine"
        assert newer() == (
            "Not saved: another window saved this reason meanwhile: theirs (final label: "
            "contradicted). Below is yours: ctrl+s saves it over that one."
        )
        assert "final label: contradicted · by lead" in shown() and "reason: theirs" in shown()
        await pilot.press("escape")  # the typed text is not dropped without a question
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n", "ctrl+s")  # saves over theirs, now that it was shown
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        assert final() == ("contradicted", "mine")
        await pilot.press("e", *" too")
        with Store.open(seeded_db) as other:  # withdrawn meanwhile
            other.undecide(claims[0].id, LEAD)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert final() is None and app.screen.query_one(TextArea).text == "mine too"
        assert "none: the final label was withdrawn (ctrl+s decides contradicted again)" in newer()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert final() == ("contradicted", "mine too")
        assert "reason: mine too" in shown()


async def test_arrows_move_between_claims_and_J_K_scroll_as_on_the_review_screen(
    seeded_db: str,
) -> None:
    # once the reviewers' box overflowed (long notes) it took ↓ ↑ to scroll it, while j k
    # moved: the same key did two things on one screen, and neither was the review screen's
    from reader.ui.help import HelpScreen

    claims = label_team(seeded_db)
    with Store.open(seeded_db) as s:
        for reviewer in ("ana", "ben", "cy"):
            s.set_note(claims[0].id, reviewer, "a long note line. " * 40)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        box = screen.query_one("#adj-scroll")
        assert screen.adjudication.claim == claims[0]
        assert box.max_scroll_y > 0  # it overflows
        await pilot.press("J")
        await pilot.pause()
        assert box.scroll_y > 0 and screen.adjudication.claim == claims[0]
        await pilot.press("K")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("down")
        assert screen.adjudication.claim == claims[1]
        await pilot.press("up")
        assert screen.adjudication.claim == claims[0]
        await pilot.press("question_mark")  # its own keys, not the review screen's
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(screen_lines(app))
        assert "decide the final label" in shown and "scroll the reviewers'" in shown
        await pilot.press("escape")
        assert app.screen is screen


async def test_its_notices_replace_each_other_as_on_the_review_screen(seeded_db: str) -> None:
    # the adjudication screen's notices went straight to Textual and piled up over the claims
    label_team(seeded_db)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("m", "m", "ctrl+z")
        await pilot.pause(0.2)
        assert [n.message for n in app._notifications] == ["Nothing to undo."]
        assert "Nothing to undo." in screen_lines(app)[-1]


async def test_n_on_the_last_undecided_disagreement_says_so(seeded_db: str) -> None:
    # n on the only disagreement left did nothing at all: no move, no word
    claims = label_team(seeded_db)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("x")  # the first decided: the third claim is the last one left
        await pilot.press("n")
        assert app.screen.adjudication.claim == claims[2]
        await pilot.press("n")
        await pilot.pause(0.1)
        assert app.screen.adjudication.claim == claims[2]
        said = [n.message for n in app._notifications]
        assert said[-1:] == ["This is the last undecided disagreement: c / x / u decides it."]


async def test_orphaned_labels_and_final_labels_are_shown_and_kept(seeded_db: str) -> None:
    # a re-import took a decided sentence away: its final label and the reviewers' labels were
    # in `stats` and `export --final`, but the adjudication screen showed no trace of them
    claims = label_team(seeded_db)
    with Store.open(seeded_db) as s:
        s.decide(claims[0].id, "contradicted", LEAD, "the police count")
    article = next(p for p in sorted(Path("seeds").iterdir()) if p.name == claims[0].article)
    article.write_text(article.read_text().replace(claims[0].text, "A sentence rewritten."))
    import_into(seeded_db, Path("seeds"))
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        adj = app.screen.adjudication
        assert "disagreements left: 1 of 1" in "\n".join(screen_lines(app))  # one to decide
        adj.index = next(k for k, c in enumerate(adj.claims) if c.id == claims[0].id)
        app.screen.show()
        text = "\n".join(screen_lines(app))
        assert "no longer in its article: kept as an orphan" in text
        assert claims[0].text[:40] in text
        assert "contradicted" in text and "the police count" in text
        for key in ("u", "space"):  # neither replaces nor withdraws what was decided
            await pilot.press(key)
            assert "no longer in its article" in [n.message for n in app._notifications][-1]
        with Store.open(seeded_db) as s:
            assert [(f.label, f.reason) for f in s.orphaned_finals()] == [
                ("contradicted", "the police count")
            ]


async def test_twelve_reviewers_at_80_columns_each_show_their_name_and_label(
    seeded_db: str,
) -> None:
    # side by side, twelve reviewers had six columns each at 80 columns: "revi…" over "con…",
    # so the adjudicator could tell neither who labelled nor consistent from contradicted
    claims = first_claims(seeded_db, 2)
    names = [f"reviewer{k:02d}" for k in range(1, 13)]
    labels = ["consistent", "contradicted", "unverified"]
    with Store.open(seeded_db) as s:
        for k, name in enumerate(names):
            s.set_label(claims[0].id, labels[k % 3], name)
        s.set_note(claims[0].id, "reviewer02", "police say eight")
        other = next(c for c in s.claims(claims[0].story) if c.article != claims[0].article)
        s.toggle_link(claims[0].id, "reviewer02", other.id)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#adj-scroll")
        seen = []
        for _ in range(6):  # each reviewer on a line of their own, scrolled through with J
            seen += screen_lines(app)
            box.scroll_page_down(animate=False)
            await pilot.pause()
        for k, name in enumerate(names):
            assert any(name in line and labels[k % 3] in line for line in seen), (name, seen)
        assert any("reviewer02" in line and "police say eight" in line for line in seen)
        assert any(other.text[:20] in line for line in seen)


async def test_another_programs_write_is_read_off_the_screen_and_keeps_a_decision_made_meanwhile(
    seeded_db: str,
) -> None:
    # the watch re-read the whole team file on the screen's thread after any other
    # connection's commit, the window's own "still open" note every 10 s too: the screen
    # froze, every 10 s (a sixth of a second with 21,000 labels, most of a second with more)
    claims = label_team(seeded_db)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.watch.timer.stop()  # polled by hand below
        screen = app.screen
        read_on: list[str] = []
        reading, go_on = threading.Event(), threading.Event()

        def slow(read, blocks: bool):
            def whole_file_read(store: Store, *args, **kwargs):
                got = read(store, *args, **kwargs)
                if args or any(kwargs.values()):
                    return got  # (one story's, reviewer's or claim's: the review's, a key's)
                if not blocks:  # every label of the team file (a decision reads the finals)
                    read_on.append(threading.current_thread().name)
                elif threading.current_thread() is not threading.main_thread():
                    reading.set()
                    go_on.wait(10)  # until the adjudicator has decided meanwhile
                return got

            return whole_file_read

        with pytest.MonkeyPatch.context() as monkeypatch:
            for name in ("labels", "finals"):
                monkeypatch.setattr(Store, name, slow(getattr(Store, name), name == "finals"))
            with Store.open(seeded_db) as s:
                s.set_label(claims[0].id, "consistent", "dan")  # another reviewer, elsewhere
            app.watch.poll()
            assert await asyncio.to_thread(reading.wait, 10), read_on  # off the screen's thread
            await pilot.press("x")  # decided while the re-read is under way
            go_on.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert threading.main_thread().name not in read_on
        assert screen.adjudication.claim.id == claims[0].id
        text = "\n".join(screen_lines(app))
        assert "dan" in text  # the other program's label
        assert "final label: contradicted" in text  # and the decision, not the read before it
