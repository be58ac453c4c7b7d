"""A note being written when the story is imported again without its sentence: the text typed
is never thrown away."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.dialogs import ConfirmScreen, NoteScreen
from ui.conftest import import_into
from ui.helpers import REVIEWER, screen_lines

SIZE = (100, 30)
HEAD = "Storm hits coast\n\n"


def notes(db: str) -> dict[str, str]:
    with Store.open(db) as store:
        return {a.claim_id: a.note for a in store.annotations(reviewer=REVIEWER) if a.note}


async def test_a_note_whose_sentence_a_reimport_took_away_comes_back_to_be_saved(
    tmp_path: Path, monkeypatch
) -> None:
    # ctrl+s closed the editor with "Not saved: unknown claim id '86bc…'": the note typed
    # was gone, and the reviewer was not told why
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(HEAD + "The storm hit the coast on Monday. Six were hurt.\n")
    (story / "b.txt").write_text("Coast storm\n\nA storm struck the coast Monday.\n")
    import_into("review.db", story)
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "e", *"check the day")
        (story / "a.txt").write_text(HEAD + "The storm hit the coast on Tuesday. Six were hurt.\n")
        import_into("review.db", story)
        await pilot.pause(2.0)  # (the app looks for changes once a second)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)  # back, with the text typed
        assert app.screen.query_one(TextArea).text == "check the day"
        shown = " ".join(" ".join(line.strip("█ ").split()) for line in screen_lines(app))
        assert "its sentence is no longer in the article" in shown, shown
        assert "The storm hit the coast on Tuesday." in shown  # the sentence in its place
        said = " ".join(n.message for n in app._notifications)
        assert "unknown claim id" not in said, said
        await pilot.press("escape")  # the text typed is not dropped without a question
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, (NoteScreen, ConfirmScreen))
        tuesday = app.review.claim
    assert tuesday.text == "The storm hit the coast on Tuesday."
    assert notes("review.db") == {tuesday.id: "check the day"}
