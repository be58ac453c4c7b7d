"""Safe windows: notice what other processes wrote to the database, about once a second.

`PRAGMA data_version` changes when another connection commits, so polling it costs
microseconds; on a change the reviewer's labels and the list of stories (an import adds to it)
are re-read and the marks, progress, evidence panel and story list redrawn (a long story's
evidence and suggestions, worked out in the background, come in so). The window also says
every few seconds that it is still open, so its changes stay its own to undo
(annotations.store: sessions).
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING
from uuid import uuid4

if TYPE_CHECKING:
    from reader.ui.app import CrossreadApp

POLL_S = 1.0
ALIVE_EVERY = 10  # polls between "still open" notes (well inside store.SESSION_TTL_S)


class DatabaseWatch:
    """Polls the app's store; `start()` from on_mount, `alive()` once the first frame is up,
    `stop()` from on_unmount."""

    def __init__(self, app: CrossreadApp) -> None:
        self.app = app
        self.store = app.store
        self.store.session = uuid4().hex  # this window's undo history
        self.version: int | None = None
        self.ticks = 0
        self.timer = None

    def start(self) -> None:
        self.version = self._version()  # the version the screen was read at
        self.timer = self.app.set_interval(POLL_S, self.poll)

    def stop(self) -> None:
        reviewer = self.app.review.reviewer
        self.app.review.run_write(lambda store: store.session_closed(reviewer), _ignore)

    def _version(self) -> int | None:
        import sqlite3

        with suppress(sqlite3.Error):
            return self.store.data_version()
        return None

    def alive(self) -> None:
        """Note that this window is still open. On the writer, like every write: a locked
        database must not stall the screen (the first note waited for the first frame: it
        started the writer thread, which opened its connection and committed while the
        first frame was drawn)."""
        reviewer = self.app.review.reviewer
        self.app.review.run_write(lambda store: store.session_alive(reviewer), _ignore)

    def poll(self) -> None:
        self.ticks += 1
        if self.ticks % ALIVE_EVERY == 0:
            self.alive()
        self._background_done()
        version = self._version()
        if version is None or version == self.version:
            return
        self.version = version
        # a damaged row met while redrawing is said, as it is for a key, not a crash
        self.app._guarded(self._redraw)

    def _background_done(self) -> None:
        """The step the background analysis (`reader.pipeline.background`) is at, in the
        status line; once it is over, say so if it failed."""
        background = self.app.background
        if background is None:
            return
        if background.running:
            step = background.step()
            if step != self.app.analysis_step:
                self.app.analysis_step = step
                self.app.show_status()
            return
        self.app.background, self.app.analysis_step = None, ""
        why = background.failure()
        left = sorted(self.app.review.analysing)
        if why is not None and left:
            named = ", ".join(left[:3]) + (f" and {len(left) - 3} more" if len(left) > 3 else "")
            self.app.say(
                f"The analysis of {named} stopped ({why}); `crossread import PATH` finishes it.",
                error=True,
            )

    def _redraw(self) -> None:
        review = self.app.review
        if review.reload_stories():
            self.app.say("Evidence and suggestions are in.")
        if review.imported_again():  # read on a worker; redrawn once read
            self.app.reread_story()
        review.reload_annotations()
        self.app.show_marks()
        changed = getattr(self.app.screen, "on_database_changed", None)
        if changed is not None:  # the adjudication screen re-reads everyone's labels
            changed()


def _ignore(result: object, error: Exception | None) -> None:
    """A read-only database has nothing to undo: a failed "still open" note is no loss."""
