"""The Textual review app. The only part of crossread that imports Textual (lazily, here)."""

from __future__ import annotations

from typing import Any


def run_app(db_path: str, reviewer: str, **settings: Any) -> None:
    """Open the review app on a database (already imported) until the reviewer quits."""
    import gc

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
        import sys

        from reader.ui.textutil import one_line

        for problem in app.unsaved:
            print(f"crossread: not saved: {one_line(problem)}", file=sys.stderr)
        raise SystemExit(1)
    if app.failure is not None:
        raise app.failure
