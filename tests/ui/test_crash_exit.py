"""A crash of the app is a failure for the shell too: the traceback Textual prints was followed
by exit status 0, so a script or a `crossread && ...` chain went on as if the review had ended
well."""

import pytest
from textual.app import App

import reader.ui as ui
from reader.ui.app import CrossreadApp


def test_a_crash_in_the_app_exits_with_a_failure(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui, "terminal_problem", lambda: None)  # (no terminal under pytest)
    run = App.run
    monkeypatch.setattr(App, "run", lambda self, **kw: run(self, headless=True, **kw))

    def broken(self: CrossreadApp) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(CrossreadApp, "show_article", broken)
    with pytest.raises(SystemExit) as ended:
        ui.run_app(seeded_db, "ana")
    assert ended.value.code == 1
