"""Opening the app on a story an outlet corrected since: the reviewer is told what changed and
that their label on the corrected sentence is kept as an orphan."""

from __future__ import annotations

from click.testing import CliRunner

from annotations.store import Store
from reader.cli.main import main
from reader.ui.app import build_app
from ui.helpers import REVIEWER


def _open(args: list[str], monkeypatch) -> dict:
    """Run `crossread PATH ...` up to the app, returning what it would open the app with."""
    opened: dict = {}
    monkeypatch.setattr("reader.ui.run_app", lambda db, reviewer, **kw: opened.update(kw))
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    return opened


def test_reopening_a_corrected_story_says_what_changed_and_what_was_orphaned(tmp_path, monkeypatch):
    # the import summary (changed article, orphaned label) went to the terminal behind the app:
    # the reviewer's label on the corrected sentence vanished from the screen without a word
    story = tmp_path / "ferry"
    story.mkdir()
    (story / "a.txt").write_text("Fishing boats pulled 42 passengers from the sea.\n")
    (story / "b.txt").write_text("The coast guard said 40 passengers were rescued.\n")
    db = str(tmp_path / "ben.db")
    args = [str(story), "--db", db, "--reviewer", "ben"]
    assert _open(args, monkeypatch)["notice"] == ""  # a first import changes nothing
    with Store.open(db) as s:
        [claim] = s.claims("ferry", "a.txt")
        s.set_label(claim.id, "contradicted", "ben")
        s.set_label(claim.id, "consistent", "cy")
    assert _open(args, monkeypatch)["notice"] == ""  # unchanged: nothing to say
    (story / "a.txt").write_text("Fishing boats pulled 40 passengers from the sea.\n")
    assert _open(args, monkeypatch)["notice"] == (
        "ferry was imported again: a.txt changed; 1 label of yours is on a sentence no longer "
        "in it (kept, exported as orphaned)."
    )


async def test_the_app_says_the_notice_it_opens_with(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER, notice="storm was imported again: a.txt changed.")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause(0.2)
        assert [n.message for n in app._notifications] == [
            "storm was imported again: a.txt changed."
        ]
        # up long enough to be read by a reviewer who looks at the screen a moment after
        # starting it (3 s, as a key's notice, was gone by then)
        assert [n.timeout for n in app._notifications] == [10]
