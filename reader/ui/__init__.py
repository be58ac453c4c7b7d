"""The Textual review app. The only part of crossread that imports Textual (lazily, here)."""

from __future__ import annotations

from typing import Any


def run_app(db_path: str, reviewer: str, **settings: Any) -> None:
    """Open the review app on a database (already imported) until the reviewer quits."""
    import gc
    import sys

    problem = terminal_problem()
    if problem:
        # one line where the user looks: standard error, unless only standard output is shown
        shown = sys.stderr
        if (shown is None or not shown.isatty()) and sys.stdout and sys.stdout.isatty():
            shown = sys.stdout
        if shown is not None:
            print(f"crossread: error: {problem}", file=shown)
        raise SystemExit(2)

    # No cyclic garbage collection until the first frame is up: nearly all that the start
    # allocates (modules, widgets, styles) lives as long as the app, and the full collection
    # it set off fell inside the first paint (10-30 ms). The app freezes those objects right
    # after that frame and turns collection back on (CrossreadApp._after_first_frame).
    gc.disable()
    try:
        from reader.ui.app import build_app

        app = build_app(
            db_path,
            reviewer,
            advance=settings.get("advance"),  # None: the config file decides
            adjudicate=settings.get("adjudicate", False),
            guidelines=settings.get("guidelines"),
            background=settings.get("background"),
            story=settings.get("story"),
            notice=settings.get("notice", ""),
        )
        app.gc_paused = True
        app.run()
    finally:
        gc.enable()
    if app.unsaved:
        from reader.ui.textutil import one_line

        for problem in app.unsaved:
            print(f"crossread: not saved: {one_line(problem)}", file=sys.stderr)
        raise SystemExit(1)
    if app.failure is not None:
        raise app.failure
    if app.return_code:  # a crash: Textual printed its traceback, the shell must see it failed
        raise SystemExit(app.return_code)


def terminal_problem() -> str | None:
    """Why the app cannot run here, or None. It reads keys from standard input and draws on
    standard error (Textual's choice): `crossread < /dev/null` drew a screen no key could reach,
    and `crossread 2>log` filled the log with screen codes, leaving the terminal blank."""
    import os
    import sys

    if os.environ.get("CROSSREAD_EXIT_AFTER_PAINT"):  # (app.EXIT_AFTER_PAINT) it quits alone
        return None
    if sys.stdin is None or not sys.stdin.isatty():
        return (
            "the review app reads keys from a terminal, and standard input is not one "
            "(`<` or a pipe); in a script, use import, export or stats"
        )
    if sys.__stderr__ is None or not sys.__stderr__.isatty():
        return (
            "the review app draws on standard error, and it is not a terminal (`2>` to a file "
            "or a pipe); send only standard output elsewhere, or nothing"
        )
    return None
