"""The crossread review app: one screen of panes, keys for tagging and moving, modal dialogs."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import sys
import time as _time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList

from reader.models import LABELS, Claim, counted
from reader.ui.article_view import SAVING, ArticleView, ReadingView
from reader.ui.footer import KeysFooter
from reader.ui.keys import key_text
from reader.ui.panels import ArticleList, EvidencePanel, InfoLine, StatusLine, short_name
from reader.ui.session import LOW_CONFIDENCE, Review, StoryData, read_story
from reader.ui.story_list import StoryList
from reader.ui.textutil import one_line
from reader.ui.watch import DatabaseWatch
from reader.ui.writer import Writer

if TYPE_CHECKING:
    from textual.driver import Driver

    from reader.pipeline.background import BackgroundImport

# Actions that change or move the review; switched off while a dialog is open.
REVIEW_ACTIONS = {
    "tag", "clear", "accept", "link", "note", "undo", "redo", "next_claim", "prev_claim",
    "next_untagged", "next_article", "prev_article", "story", "cycle_compare", "search",
    "filter", "export", "guidelines", "accept_high", "scroll_evidence", "compare_cursor",
    "link_compare", "view_candidate",
}  # fmt: skip
NOTICE_SECONDS = 3  # how long an information notice stays up
OPENING_NOTICE_SECONDS = 10  # ...one said as the app opens, before the reviewer may be looking
EXIT_AFTER_PAINT = "CROSSREAD_EXIT_AFTER_PAINT"  # benchmarks/startup.py: quit after first paint


def db_label(db_path: str) -> str:
    """The database path as short as it stays unambiguous: relative under the cwd, else ~/…."""
    if db_path == ":memory:":
        return db_path
    path = Path(db_path).resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):  # (OSError: the current folder was removed meanwhile)
        home = Path.home()
        return "~/" + str(path.relative_to(home)) if path.is_relative_to(home) else str(path)


COMPARE_HINT = "v , . move · l link"  # the comparison pane's keys
COMPARE_LINKED = "● linked · l unlinks · v , . move"  # ...on a sentence linked to the claim


# Fewer rows than this (a tmux split, 40x10) leave the articles 3 rows each, not 7: with 7 the
# evidence pane, the suggestion with it, had no row left (and tab focused it, unseen).
TINY_ROWS = 16


class ReviewScreen(Screen):
    """The app's first screen, which starts sooner than Textual's Screen would (until the app's
    first frame is up, `starting`):

    - Textual hands it three Resize events as the app starts (the app's own, the terminal
      driver's and the screen's first size), all at the size its first layout already used;
      each laid out and drew the whole screen again (7 ms). Until the first frame they change
      nothing and are skipped.
    - Shown the first time, Screen styled every widget again (4 ms), though each was styled as
      it mounted, after compose set the screen's classes; only the screen's own styles predate
      those classes.
    - The first layout finds the scrollbars the panes need, which take a second frame; that
      frame waited for the next tick of Textual's frame timer (1/60 s) with nothing else to
      do. Until the first frame is up, what is left to draw is drawn as soon as the app is
      idle (a few times at most: something that never stops changing gets the timer's pace).
    """

    starting = True  # until the app's first frame (CrossreadApp._after_first_frame)
    early_frames = 3  # frames drawn without waiting for the timer while starting

    def _screen_resized(self, size: Size) -> None:
        if self.starting and size == self._compositor.size:
            return
        super()._screen_resized(size)
        self.set_class(size.height < TINY_ROWS, "-tiny")

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.starting and event.refresh_styles:  # (Screen's own handler runs next)
            event.refresh_styles = False
            self.app.stylesheet.apply(self, animate=False)

    async def _on_idle(self, event: events.Idle) -> None:
        # as Screen._on_idle (run next), which would start the frame timer instead
        pending = self._layout_required or self._scroll_required or self._repaint_required
        drawable = self.starting and self.is_current and not self.app._batch_count
        if drawable and (pending or self._dirty_widgets) and self.early_frames > 0:
            self.early_frames -= 1
            self._on_timer_update()


def _sized(driver: type[Driver]) -> type[Driver]:
    """`driver`, measuring standard error, where Textual draws. Its own measure (shutil's)
    reads $COLUMNS and $LINES first, then standard output: a shell's exported values drew the
    app in a corner of a bigger terminal (or past its edge), and `crossread > log` drew it
    80×24 whatever the terminal's size. (Only Textual's terminal drivers measure one.)"""
    measure = getattr(driver, "_get_terminal_size", None)
    if measure is None:
        return driver

    def _get_terminal_size(self) -> tuple[int, int]:
        try:
            columns, lines = os.get_terminal_size(sys.__stderr__.fileno())
        except (AttributeError, ValueError, OSError):  # (no standard error, or not a terminal)
            return measure(self)
        return (columns, lines) if columns and lines else measure(self)

    return type(driver.__name__, (driver,), {"_get_terminal_size": _get_terminal_size})


class CrossreadApp(App[None]):
    """Review the claims of a story's articles side by side and tag each one."""

    TITLE = "crossread"
    CSS_PATH = "crossread.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (32, "-tall")]
    # Every binding has an id, so the config file's [keys] table can rebind it (set_keymap).
    # Footer order is importance order: what does not fit at 80 columns is cut from the end.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "tag('consistent')", "Consistent", id="tag_consistent"),
        Binding("x", "tag('contradicted')", "Contradicted", id="tag_contradicted"),
        Binding("u", "tag('unverified')", "Unverified", id="tag_unverified"),
        Binding("a", "accept", "Accept", id="accept"),
        Binding("A", "accept_high", "Accept all high", show=False, id="accept_high"),
        # the keys a new user needs, to learn and to leave, next: at 80 columns the footer
        # shows about the first seven
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("n", "next_untagged", "Untagged", id="next_untagged"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("slash", "search", "Search", id="search"),
        Binding("space", "clear", "Clear", id="clear"),
        Binding("e", "note", "Note", id="note"),
        Binding("g", "guidelines", "Guidelines", id="guidelines"),
        Binding("f", "filter", "Filter", id="filter"),
        Binding("s", "export", "Export", id="export"),
        Binding("j,down", "next_claim", "Next", show=False, id="next_claim"),
        Binding("k,up", "prev_claim", "Previous", show=False, id="prev_claim"),
        Binding("right_square_bracket", "next_article", "Next article", show=False,
                id="next_article"),
        Binding("left_square_bracket", "prev_article", "Prev article", show=False,
                id="prev_article"),
        Binding("left_curly_bracket", "story(-1)", "Prev story", show=False, id="prev_story"),
        Binding("right_curly_bracket", "story(1)", "Next story", show=False, id="next_story"),
        Binding("o", "cycle_compare", "Other article", show=False, id="cycle_compare"),
        Binding("full_stop", "compare_cursor(1)", "Next in other", show=False, id="compare_next"),
        Binding("comma", "compare_cursor(-1)", "Prev in other", show=False, id="compare_prev"),
        Binding("l", "link_compare", "Link other", show=False, id="link_compare"),
        Binding("v", "view_candidate", "View candidate", show=False, id="view_candidate"),
        *(
            Binding(str(i), f"link({i})", f"Link {i}", show=False, id=f"link_{i}")
            for i in range(1, 10)
        ),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo"),
        Binding("J", "scroll_evidence(1)", "Scroll evidence", show=False, id="evidence_down"),
        Binding("K", "scroll_evidence(-1)", "Scroll evidence", show=False, id="evidence_up"),
    ]  # fmt: skip

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, sized by the terminal the app draws on."""
        return _sized(super().get_driver_class())

    def __init__(
        self,
        db_path: str,
        reviewer: str,
        *,
        advance: bool | None = None,
        adjudicate: bool = False,
        guidelines: str | None = None,
        background: BackgroundImport | None = None,
        story: str | None = None,
        notice: str = "",
    ) -> None:
        """`advance` None: as the config file says (default: move on after tagging).
        `notice`: said once the first frame is up (what the import before it changed).
        `guidelines`: a Markdown file for `g` (default: guidelines.md beside the story).
        `background`: the import working out the evidence of stories still analysing.
        `story`: the story to open (default: the one the reviewer left off in)."""
        super().__init__()
        from annotations.store import Store
        from reader.ui.config import load_config

        self.config = load_config()

        # The app's event loop is the only user of this connection; run_test may run that loop
        # on another thread than the one that built the app, hence check_same_thread=False.
        self.store = Store.open(db_path, check_same_thread=False)
        self.db_path = db_path
        self._accept_shown: bool | None = None  # whether the footer offers `a` (see show_marks)
        self.review = Review(self.store, reviewer)
        self.watch = DatabaseWatch(self)  # other windows' writes; this window's undo history
        self.advance = self.config.auto_advance if advance is None else advance
        self.space_advances = self.config.space_advances
        self.keymap: dict[str, str] = {}  # binding id -> keys, from the config file
        self.adjudicate = adjudicate
        self.guidelines = guidelines  # open on the adjudication screen (reviewer = adjudicator)
        self.asked_story = story
        self.opening_notice = notice
        self.background = background
        self.analysis_step = ""  # what `background` is doing, as the watch last read it
        self.compare_name: str | None = None
        self._said_at_end = ("", 0.0)  # `action_compare_cursor`'s last notice, and when
        # the comparison pane's cursor: a claim of the other article, and what it was set for
        self.compare_cursor: str | None = None
        self._cursor_for: tuple[str | None, str | None] = (None, None)
        self._viewed: tuple[str, int] | None = None  # (claim id, candidate index) `v` showed
        self._place_timer = None
        # a sentence (un)linked by hand, (claim id, its id): kept in view once its write lands
        self._linking: tuple[str, str] | None = None
        self._opening: str | None = None  # a story being read by a worker
        self._rereading = False  # ...the open story, imported again (`reread_story`)
        self._shown_article: str | None = None  # the article in the left pane
        self.writer: Writer | None = None  # the writes' thread, from on_mount
        self.unsaved: list[str] = []  # what could not be saved by the time the window closed
        self.failure: Exception | None = None  # raised again by run_app once the screen is gone
        self.gc_paused = False  # run_app turned garbage collection off until the first frame
        self._review_screen: ReviewScreen | None = None  # from get_default_screen
        self.quitting = False  # exit() was called: the window is closing

    def get_default_screen(self) -> Screen:
        self._review_screen = ReviewScreen(id="_default")
        return self._review_screen

    # ---- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # The breakpoint classes from the start, so the first styles and layout are the final
        # ones: set by the first Resize, they restyled and laid out the whole screen again.
        self.screen.update_classes(
            {"-review": True, **self.breakpoint_classes(self.size)}, update=False
        )
        # split off the screen in this order: the status line, the footer, the side column
        yield StatusLine(id="status")
        # the palette key is in the help screen (KeysFooter does not show it): docked in the
        # footer it hid keys at 80 columns
        yield KeysFooter()
        with Vertical(id="side"):
            yield StoryList(id="stories")
            yield ArticleList(id="articles")
        yield InfoLine(id="info")
        yield ReadingView(id="article")
        yield ArticleView(id="compare")
        yield EvidencePanel(id="evidence")

    def breakpoint_classes(self, size: Size) -> dict[str, bool]:
        """The screen's breakpoint classes at `size`, as Textual sets them on a Resize."""
        classes: dict[str, bool] = {}
        for points, length in (
            (self.HORIZONTAL_BREAKPOINTS, size.width),
            (self.VERTICAL_BREAKPOINTS, size.height),
        ):
            reached = [name for at, name in sorted(points) if length >= at]
            for _, name in points:
                classes[name] = bool(reached) and name == reached[-1]
        classes["-tiny"] = size.height < TINY_ROWS  # (ReviewScreen keeps it as it is resized)
        return classes

    def on_mount(self) -> None:
        from annotations.store import StoreError

        loop = asyncio.get_running_loop()
        # the writer thread must get the interpreter soon while this one draws, or a commit
        # waits for Python's 5 ms thread switches (key -> committed p99 85 -> 40 ms)
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.0002))
        self.writer = Writer(
            self._writer_store, lambda fn: loop.call_soon_threadsafe(self._guarded, fn)
        )
        self.review.run_write = self.writer.submit
        self.review.on_landed = self._landed
        # a closed terminal or a dropped SSH connection (SIGHUP), or a shutdown (SIGTERM), ends
        # the window as q does: its place is saved and its writes waited for (killed by the
        # signal, it reopened where the reviewer had been a second before)
        for hangup in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(hangup, self.exit)
        try:
            self.review.restore(self.asked_story)
            self.show_article()
        except StoreError as exc:  # a damaged database: say so on the command line, not a crash
            self.failure = exc
            self.exit(return_code=2)
            return
        self.query_one("#article").focus()
        self.apply_config()
        self.watch.start()
        self.call_after_refresh(self._after_first_frame)
        if self.adjudicate:
            from reader.ui.adjudicate import AdjudicateScreen

            self.push_screen(AdjudicateScreen(self.store, self.review.reviewer))
        if os.environ.get(EXIT_AFTER_PAINT):
            self.call_after_refresh(self._exit_after_paint)

    def _after_first_frame(self) -> None:
        """Once the first frame is up: the review screen lays out every Resize again, the
        window says it is open (its first write), and what startup built, which lives as long
        as the app, is kept out of the garbage collector's full passes, which otherwise walk
        every widget and line of text now and then, mid-key (its ~65,000 objects, and the
        ~3,000 garbage ones a collector paused by run_app left among them); then a paused
        collector runs again."""
        if self._review_screen is not None:
            self._review_screen.starting = False
        self.call_later(self.watch.alive)  # its commit (a connection, an fsync) waits too
        self.call_later(self._same_but_case)
        if self.opening_notice:
            self.say(self.opening_notice, seconds=OPENING_NOTICE_SECONDS)
        gc.freeze()
        if self.gc_paused:
            self.gc_paused = False
            gc.enable()

    def _same_but_case(self) -> None:
        """A reviewer with no tags, named as one who has some but for letter case: names are
        case-sensitive (`Ana` and `ana` are two reviewers), so the review opened empty."""
        import shlex

        from annotations.store import StoreError

        reviewer = self.review.reviewer
        try:
            known = self.store.reviewers()
        except StoreError:
            return  # (a damaged row is said where the review reads it)
        same = [k for k in known if k != reviewer and k.casefold() == reviewer.casefold()]
        if same and reviewer not in known:
            self.say(
                f"No tags by {reviewer} yet; {', '.join(same)} has some: names are "
                f"case-sensitive (--reviewer {shlex.quote(same[0])}).",
                seconds=OPENING_NOTICE_SECONDS,
            )

    def _exit_after_paint(self) -> None:
        """Benchmarks: note when the first frame was drawn (if given a file), then quit."""
        stamp = os.environ[EXIT_AFTER_PAINT]
        if stamp != "1":
            Path(stamp).write_text(repr(_time.time()), encoding="utf-8")
        self.exit()

    def apply_config(self) -> None:
        """Theme and keymap from the config file; each problem is one line on screen."""
        from reader.ui.config import without_clashes
        from reader.ui.keys import default_keys

        config, problems = self.config, list(self.config.problems)
        known = default_keys(self)
        for action, keys in config.keys.items():
            if action in known:
                self.keymap[action] = keys
            else:
                import difflib  # (only for a mistake: not at every start)

                near = difflib.get_close_matches(action, known, n=1, cutoff=0.6)
                guess = f" (did you mean {near[0]}?)" if near else ""
                problems.append(
                    f"config: keys.{action}: no such action{guess}; "
                    "the ids are listed in the README, under Settings"
                )
        self.keymap, clashes = without_clashes(known, self.keymap)
        problems += clashes
        if self.keymap:
            self.set_keymap(self.keymap)
        if config.theme and config.theme not in self.available_themes:
            problems.append(f"config: theme {config.theme!r} is not a theme; using the default")
        elif config.theme:
            self.theme = config.theme
        self._saved_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for problem in problems:
            self.say(problem, error=True)

    def _remember_theme(self, theme) -> None:
        """A theme picked in the command palette is there at the next start."""
        from reader.ui.config import save_theme

        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            problem = save_theme(theme.name)
            if problem:
                self.say(problem, error=True)

    def watch_theme(self, _theme: str) -> None:
        """With NO_COLOR, Textual picks its filter once, for the theme at start: greys for
        a theme of set colours, none for one of the terminal's (ansi-dark, ansi-light), whose
        colours the greys turned black on black. Picked again for each theme."""
        from textual.filter import Monochrome, NoColor

        if self.no_color:
            wanted = NoColor if self.native_ansi_color else Monochrome
            self._filters = [
                wanted() if isinstance(f, (Monochrome, NoColor)) else f for f in self._filters
            ]

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with `$label-*` (its label colours) and its footer's key
        colour made readable on it (a colour that reads already is kept)."""
        from reader.ui.colours import footer_keys, label_colours

        variables = super().get_css_variables()
        variables.update(label_colours(variables))
        variables.update(footer_keys(variables))
        return variables

    def _guarded(self, fn) -> None:
        """Run a write's result (or a story read) on the UI: a damaged row met while redrawing
        is said, as it is for a key (run_action), never a crash."""
        from annotations.store import StoreError

        if not self.is_running:
            return  # the window is closing: nothing left to draw it on
        try:
            fn()
        except StoreError as exc:
            self.say(str(exc), error=True)

    def _writer_store(self):
        """The writer thread's own connection, in this window's undo history."""
        return self.store.open_again()

    def on_unmount(self) -> None:
        from annotations.connection import BUSY_TIMEOUT_MS

        if self.writer is not None:
            self.review.save_place()
            self.watch.stop()
            # every write the reviewer made is committed (or has failed) before the window goes
            left = self.writer.in_flight
            if not self.writer.close(timeout=BUSY_TIMEOUT_MS / 1000 + 5):
                self.unsaved.append(
                    f"{left} change{'s' if left != 1 else ''} may not be saved: the database "
                    "stayed locked by another program"
                )
            self.unsaved.extend(self.writer.unsaved)
        self.store.close()

    # ---- showing -----------------------------------------------------------------------------
    def show_article(self) -> None:
        """Load the current article (and a comparison article) into the panes."""
        review = self.review
        view = self.query_one("#article", ArticleView)
        if not review.articles:
            view.show_article("No stories in this database. Import some with `crossread PATH`.", [])
            self.show_marks()
            return
        article = review.article
        self._shown_article = article.name
        view.show_article(
            article.text,
            review.article_claims,
            title_span=article.title_span,
            boilerplate=article.boilerplate,
        )
        others = [a.name for a in review.articles if a.name != article.name]
        if self.compare_name not in others:
            self.compare_name = others[0] if others else None
        self.show_compare()
        self.show_marks()

    def show_compare(self) -> None:
        compare = self.query_one("#compare", ArticleView)
        other = next((a for a in self.review.articles if a.name == self.compare_name), None)
        if other is None:
            compare.show_article("", [])
            compare.border_title = Content("no other article")
            return
        compare.show_article(
            other.text,
            self.review.claims.get(other.name, []),
            title_span=other.title_span,
            boilerplate=other.boilerplate,
        )
        compare.border_title = Content("o: " + short_name(self.review.source_of(other.name), 30))
        compare.border_subtitle = Content(COMPARE_HINT)

    def show_marks(self, keep: int | None = None) -> None:
        """Labels, the current claim, its counterpart, the evidence (candidate `keep` in view)."""
        from annotations.store import StoreError

        review = self.review
        labels = {cid: a.label for cid, a in review.annotations.items() if a.label}
        labels.update(dict.fromkeys(review.saving, SAVING))  # not shown as saved before its commit
        claim = review.claim
        damaged: StoreError | None = None
        try:
            candidates, suggestion = review.evidence(), review.suggestion()
        except StoreError as exc:
            # a damaged row of this claim: said below, and the evidence panel must not keep the
            # claim before's suggestion (nor its `a accepts`) under this one
            candidates, suggestion, damaged = [], None, exc
        view = self.query_one("#article", ArticleView)
        view.set_marks(labels, claim.id if claim else None)
        view.scroll_to_claim(claim)
        if review.articles:
            claims = review.article_claims
            where = f"claim {review.claim_index + 1}/{len(claims)}" if claims else "no claims"
            set_border(view, "border_subtitle", where)
            # the article list is hidden on narrow screens, so the pane title carries its progress
            p = review.progress(review.article.name)
            title = (
                f"{review.article_index + 1}/{len(review.articles)} "
                f"{short_name(review.source_of(review.article.name), 24)} · "
                f"{p.tagged}/{p.total} tagged"
            )
            set_border(view, "border_title", title)
        compare = self.query_one("#compare", ArticleView)
        here = (claim.id if claim else None, self.compare_name)
        if here != self._cursor_for:  # a new claim or other article: the cursor starts on the
            self._cursor_for = here  # counterpart
            found = self.compare_name and damaged is None
            counterpart = review.counterpart(self.compare_name) if found else None
            self.compare_cursor = counterpart.id if counterpart else None
        linked = review.linked()
        compare.set_marks(labels, self.compare_cursor, linked=linked)
        # the cursor's ▶ takes the margin where ● marks a linked sentence: said here instead
        hint = COMPARE_LINKED if self.compare_cursor in linked else COMPARE_HINT
        set_border(compare, "border_subtitle", hint)
        compare.scroll_to_claim(self._compare_claim())
        ann = review.annotations.get(claim.id) if claim else None
        self.query_one(EvidencePanel).show(
            claim,
            candidates,
            suggestion,
            review.linked(),
            ann.note if ann else "",
            source_of=review.source_of,
            with_sources=review.with_sources,
            keep=keep,
            analysing=review.story in review.analysing,
            whole_claim=not view.fits(claim),
        )
        self.query_one(InfoLine).show(review)
        # the footer shows `a` only when there is a suggestion; refreshing the bindings rebuilds
        # the whole footer, so only when that changes
        accept = suggestion is not None
        if accept != self._accept_shown:
            self._accept_shown = accept
            self.refresh_bindings()
        self.show_status()
        self.query_one(ArticleList).show(review)
        stories = self.query_one(StoryList)
        stories.display = len(review.stories) > 1
        if stories.display:
            stories.show(review.stories, review.story, review.analysing)
        self._remember_place()
        if damaged is not None:
            raise damaged  # said by whoever asked for the redraw (a key, a landed write, a poll)

    def show_status(self) -> None:
        self.query_one(StatusLine).show(self.review, db_label(self.db_path), self.analysis_step)

    def _remember_place(self) -> None:
        """Save where the reviewer is, a moment after they stop moving (not on every key)."""
        if self._place_timer is not None:
            self._place_timer.stop()
        self._place_timer = self.set_timer(1.0, self._save_place)

    def _save_place(self) -> None:
        self.review.save_place()

    def say(self, message: str, *, error: bool = False, seconds: float | None = None) -> None:
        """A notification whose text is shown literally, never as markup. An information
        notice is one line over the footer (crossread.tcss) and replaces the one before: two
        stacked would climb over the evidence a reviewer reads while tagging. Errors stay
        until they time out, larger, above it. `seconds`: how long, if not the usual (a
        notice on opening, which the reviewer may not be looking at yet)."""
        if not error:
            for shown in list(self._notifications):
                if shown.severity == "information":
                    self._unnotify(shown, refresh=False)  # (notify below refreshes the rack)
        self.notify(
            one_line(message),
            severity="error" if error else "information",
            markup=False,
            timeout=seconds or (8 if error else NOTICE_SECONDS),
        )

    # ---- writing -----------------------------------------------------------------------------
    def _still_opening(self) -> bool:
        """True, said, while a story is being opened: a tag key then is meant for a claim of
        that story, not of the one still shown (`}` and `c` in one burst tagged the story left)."""
        if self._opening is None:
            return False
        self.say(f"Still opening {self._opening}: nothing saved; tag once it is shown.")
        return True

    def _save(self, write, *, move: bool = False, keep: int | None = None) -> bool:
        """Hand a write to the writer thread; the claim shows as saving until it lands (then
        `_landed` redraws it as the database has it, or says why it was not saved)."""
        if self._still_opening() or not write():
            return False
        if move and self.advance and not self.review.move(1):
            # (the cursor stays put: without a word, the next tag key would retag this claim)
            which = "" if self.review.filter == "all" else " that the filter shows"
            self.say(
                f"That was the last claim of this article{which}: "
                f"{key_text(self, 'next_article')} for the next article, "
                f"{key_text(self, 'next_untagged')} for the next untagged claim."
            )
        self.show_marks(keep)
        return True

    def _landed(self, error: Exception | None) -> None:
        if error is not None:
            self.say(f"Not saved: {error}", error=True)
        if self.review.articles and self.review.article.name != self._shown_article:
            self.show_article()  # a stale label moved the cursor back to its claim
        else:
            self.show_marks()
        if self._linking is not None and not self.review.saving:
            self._show_linked()
            self._linking = None

    def _keep_linked(self, other_id: str) -> None:
        """Keep a sentence (un)linked by hand in view in the evidence list: now if it is listed,
        and once its write lands (one alignment did not keep joins the list only then)."""
        claim = self.review.claim
        self._linking = (claim.id, other_id) if claim else None
        self._show_linked()

    def _show_linked(self) -> None:
        claim = self.review.claim
        if self._linking is None or claim is None or claim.id != self._linking[0]:
            return
        ids = [e.other_id for e in self.review.evidence()]
        if self._linking[1] in ids:
            self.show_marks(keep=ids.index(self._linking[1]) + 1)

    def action_tag(self, label: str) -> None:
        if label in LABELS and self.review.claim is not None:
            self._save(lambda: self.review.tag(label), move=True)

    def action_clear(self) -> None:
        if self.review.claim is not None:  # stays on the claim unless space_advances is set
            self._save(self.review.clear, move=self.space_advances)

    def action_accept(self) -> None:
        suggestion = self.review.suggestion()
        if suggestion is None:
            self.say("No suggestion for this claim.")
            return
        self._save(lambda: self.review.tag(suggestion.label, from_suggestion=True), move=True)

    def action_accept_high(self) -> None:
        from reader.ui.dialogs import ConfirmScreen

        if self._still_opening():
            return
        claims = self.review.acceptable()
        if not claims:
            self.say("No high-confidence suggestion to accept in this article.")
            return
        n = len(claims)
        article = self.review.article.name
        source = self.review.source_of(article)  # articles are named by their source
        question = (
            f"Accept {counted(n, 'high-confidence suggestion')} of {source}? "
            "One ctrl+z undoes the whole batch."
        )

        def accepted(count: int) -> None:
            self.say(f"Accepted {counted(count, 'suggestion')}; ctrl+z undoes them.")

        def done(yes: bool | None) -> None:
            if yes and self.review.article.name == article:
                self.review.accept_all(claims, accepted)
                self.show_marks()

        self.push_screen(ConfirmScreen(question), done)

    def action_link(self, number: int) -> None:
        if number > len(self.review.evidence()):
            self.say(f"There is no evidence sentence {number}.")
            return
        self._save(lambda: self.review.toggle_link(number), keep=number)

    def _compare_claim(self):
        claims = self.review.claims.get(self.compare_name or "", [])
        return next((c for c in claims if c.id == self.compare_cursor), None)

    def action_compare_cursor(self, step: int) -> None:
        """Move the comparison pane's cursor to the next/previous claim of the other article."""
        claims = self.review.claims.get(self.compare_name or "", [])
        if not claims:
            self.say("No claim of another article to move to.")
            return
        ids = [c.id for c in claims]
        if self.compare_cursor in ids:
            at = ids.index(self.compare_cursor)
            i = min(max(at + step, 0), len(ids) - 1)
            if i == at:  # a key that does nothing says why, once while the notice is up
                end = "last" if step > 0 else "first"
                said = f"That is the {end} claim of {self.review.source_of(claims[i].article)}."
                now = _time.monotonic()
                if self._said_at_end[0] != said or now - self._said_at_end[1] > NOTICE_SECONDS:
                    self._said_at_end = (said, now)
                    self.say(said)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.compare_cursor = ids[i]
        self.show_marks()

    def action_link_compare(self) -> None:
        """Link (or unlink) the claim under the comparison pane's cursor to the current claim."""
        other = self.compare_cursor
        if other is None or self.review.claim is None:
            self.say("No sentence under the cursor of the other article (move it with , and .).")
            return
        if self._save(lambda: self.review.toggle_link_to(other)):
            self._keep_linked(other)

    def action_view_candidate(self) -> None:
        """Put the comparison pane's cursor on the next evidence candidate, in its article.

        A candidate is cut to two lines on a short screen, and may be in an article other than
        the one shown: without this, reading it whole meant cycling articles with `o` and
        walking to it with `,` `.`. `l` then links it; tab and ↓ scroll a long one."""
        claim = self.review.claim
        candidates = self.review.evidence() if claim else []
        if not candidates:
            self.say("No evidence sentence to show.")
            return
        ids = [(e.article, e.other_id) for e in candidates]
        # on from the one `v` showed last; else from 1 (the counterpart the cursor starts on
        # is a candidate too, but starting after it would skip the best ones)
        last = self._viewed
        at = last[1] if last and last[0] == claim.id and last[1] < len(ids) else None
        if at is None or ids[at] != (self.compare_name, self.compare_cursor):
            at = -1
        n = (at + 1) % len(ids)
        self._viewed = (claim.id, n)
        article, other = ids[n]
        if article != self.compare_name:
            self.compare_name = article
            self.show_compare()
        self._cursor_for = (claim.id, article)  # (not reset to the counterpart by show_marks)
        self.compare_cursor = other
        self.show_marks(keep=n + 1)

    def action_scroll_evidence(self, step: int) -> None:
        panel = self.query_one(EvidencePanel)
        panel.scroll_page_down() if step > 0 else panel.scroll_page_up()

    def action_note(self) -> None:
        claim = self.review.claim
        if claim is not None:
            ann = self.review.annotations.get(claim.id)
            self._edit_note(claim, ann.note if ann else "")

    def _edit_note(
        self, claim: Claim, shown: str, typed: str | None = None, *, gone: bool = False
    ) -> None:
        """The note editor on `claim`, whose note was `shown` when it opened (or `typed`, the
        reviewer's text, back after another window saved `shown` meanwhile, or after a
        re-import took away the sentence it was typed for: `gone`, `claim` is the one now in
        its place). A save is refused when the stored note is no longer `shown` (as a tag is
        when its label changed): the editor comes back with the text typed and the newer note
        above it, so none is lost."""
        from annotations.store import Stale
        from reader.ui.dialogs import NoteScreen
        from reader.ui.session import Gone

        def refused(error: Exception, note: str) -> None:
            if isinstance(error, Stale) and error.what == "note":
                self._edit_note(claim, error.current.note if error.current else "", note)
            elif isinstance(error, Gone) and (here := self.review.claim) is not None:
                # the sentence is gone: the note typed comes back, for the one now in its place
                ann = self.review.annotations.get(here.id)
                self._edit_note(here, ann.note if ann else "", note, gone=True)

        def done(note: str | None) -> None:
            # on the claim the dialog showed, wherever the cursor is now (a write that failed
            # meanwhile takes it back to its claim)
            if note is not None:
                self._save(
                    lambda: self.review.set_note(
                        note, claim, expect=shown, refused=lambda error: refused(error, note)
                    )
                )

        dialog = NoteScreen(claim.text, shown) if typed is None else (
            NoteScreen(claim.text, typed, saved=shown, gone=gone)
        )  # fmt: skip
        self.push_screen(dialog, done)

    def _undo(self, redo: bool) -> None:
        before = self.review.article_index

        def done(event) -> None:
            if event is None:
                self.say("Nothing to redo." if redo else "Nothing to undo.")
            else:
                self.say(self.review.describe(event, redo=redo))
            self.show_moved(before)

        self.review.undo(done, redo=redo)

    def action_undo(self) -> None:
        self._undo(redo=False)

    def action_redo(self) -> None:
        self._undo(redo=True)

    # ---- moving ------------------------------------------------------------------------------
    def action_next_claim(self) -> None:
        if self.review.move(1):
            self.show_marks()

    def action_prev_claim(self) -> None:
        if self.review.move(-1):
            self.show_marks()

    def action_next_untagged(self) -> None:
        before = self.review.article_index
        here = self.review.claim
        if not self.review.next_untagged():
            self.say("Every claim of this story is tagged.")
        elif self.review.claim == here:  # (it went round the story to this claim: no move)
            self.say("This is the only untagged claim of the story.")
        self.show_moved(before)

    def show_moved(self, before: int) -> None:
        """Redraw after a move that may have left article `before`: reload panes only if so."""
        if self.review.article_index != before:
            self.show_article()
        else:
            self.show_marks()

    def go_article(self, index: int) -> None:
        if len(self.review.articles) == 1:  # wrapping round to itself sent the cursor to claim 1
            self.say("This story has one article.")
        elif self.review.articles:
            self.review.go_article(index)
            self.show_article()
            review = self.review
            if review.claim is not None and not review.matches(review.claim):
                # the cursor is on the first claim, which the filter hides: j and k do nothing
                what = (
                    review.filter if review.filter == LOW_CONFIDENCE else f"{review.filter} claims"
                )
                self.say(
                    f"No {what} in {review.source_of(review.article.name)}: the filter shows "
                    f"none of its claims ({key_text(self, 'filter')} changes it)."
                )

    def action_next_article(self) -> None:
        self.go_article(self.review.article_index + 1)

    def action_prev_article(self) -> None:
        self.go_article(self.review.article_index - 1)

    def action_story(self, step: int) -> None:
        stories = self.review.stories
        if len(stories) < 2:
            self.say("This database holds one story.")
            return
        here = stories.index(self._opening or self.review.story)
        self.open_story(stories[(here + step) % len(stories)])

    def open_story(self, story: str) -> None:
        """Read the story on a worker thread; meanwhile the screen stays usable, on the old one."""
        self._opening = story
        self.query_one("#article", ArticleView).border_title = Content(
            f"opening {one_line(story)}…"
        )
        self._read_story(story)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _read_story(self, story: str) -> None:
        from annotations.store import StoreError

        try:
            # a connection of its own: sqlite3 connections are not for two threads at once
            store = self.store.open_again(read_only=True)
            try:
                data = read_story(store, story, self.review.reviewer)
            finally:
                store.close()
        except StoreError as exc:
            self.call_from_thread(self._story_failed, story, exc)
        else:
            self.call_from_thread(self._guarded, lambda: self._story_read(data))

    def reread_story(self) -> None:
        """The open story was imported again from changed files (`Review.imported_again`):
        read it again, at the same place (tags pressed meanwhile wait for it, as on opening)."""
        if self._opening is None:
            self._rereading = True
            self.open_story(self.review.story)

    def _story_read(self, data: StoryData) -> None:
        if data.name != self._opening:
            return  # the reviewer asked for another story meanwhile
        self._opening = None
        again, self._rereading = self._rereading and data.name == self.review.story, False
        if not again:
            self.review.adopt(data)
            self.show_article()
            return
        gone = self.review.adopt_again(data)
        self.show_article()
        lost = (
            f"; {counted(gone, 'label')} of yours {'is' if gone == 1 else 'are'} on sentences "
            "no longer in it (kept, exported as orphaned)"
            if gone
            else ""
        )
        self.say(f"{data.name} was imported again from changed files: shown as it is now{lost}.")

    def _story_failed(self, story: str, exc: Exception) -> None:
        if story == self._opening:
            self._opening, self._rereading = None, False
            self.show_marks()
            self.say(f"Could not open {story}: {exc}", error=True)

    def action_cycle_compare(self) -> None:
        others = [a.name for a in self.review.articles if a.name != self.review.article.name]
        if not others:  # (the key did nothing, without a word)
            self.say("This story has no other article to compare with.")
        elif others == [self.compare_name]:
            self.say(f"{self.review.source_of(others[0])} is the story's only other article.")
        else:
            i = others.index(self.compare_name) if self.compare_name in others else -1
            self.compare_name = others[(i + 1) % len(others)]
            self.show_compare()
            self.show_marks()

    def action_filter(self) -> None:
        review = self.review
        shown = review.cycle_filter()
        if review.claim and not review.matches(review.claim):
            review.move(1) or review.move(-1)
        what = shown if shown == LOW_CONFIDENCE else f"{shown} claims"
        if shown == "all":
            self.say("Showing all claims.")
        else:  # how many there are: the cursor stays where it was on an article with none
            what += f": {sum(map(review.matches, review.article_claims))} in this article"
            if shown != LOW_CONFIDENCE:  # (labels are at hand; suggestions read claim by claim)
                story = sum(review.matches(c) for cs in review.claims.values() for c in cs)
                what += f", {story} in the story"
            self.say(f"Showing {what}.")
        self.show_marks()

    def action_search(self) -> None:
        from reader.ui.dialogs import SearchChoice, SearchScreen

        claims = [c for a in self.review.articles for c in self.review.claims[a.name]]
        claim = self.review.claim

        def done(choice: SearchChoice | None) -> None:
            if choice is None:
                return
            if choice.link:  # ctrl+l: link it to the claim under review, stay where we are
                if claim is not None and self._save(
                    lambda: self.review.toggle_link_to(choice.claim_id, claim)
                ):
                    self._keep_linked(choice.claim_id)
                return
            before = self.review.article_index
            if self.review.go_claim(choice.claim_id):
                self.show_moved(before)

        self.push_screen(SearchScreen(claims, self.review.source_of, link_for=claim), done)

    def on_article_view_claim_clicked(self, event: ArticleView.ClaimClicked) -> None:
        """A click on a claim selects it: the current claim, or the comparison cursor."""
        if isinstance(self.screen, ModalScreen):
            return
        if event.view.id == "article":
            if self.review.go_claim(event.claim_id):
                self.show_marks()
        elif event.view.id == "compare":
            self.compare_cursor = event.claim_id
            self.show_marks()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "articles" and event.option.id:
            self.go_article(int(event.option.id.partition(":")[2]))

    def on_story_list_chosen(self, event: StoryList.Chosen) -> None:
        if event.story != self.review.story:
            self.open_story(event.story)

    # ---- other -------------------------------------------------------------------------------
    def action_export(self) -> None:
        from annotations.export import protected_paths
        from annotations.output import refusal
        from reader.ui.dialogs import ExportScreen

        def done(settings: dict | None) -> None:
            if settings:
                self.export(**settings)

        protect = protected_paths(self.store)  # read once, not per key typed

        def refused(path: Path) -> str | None:
            return refusal(path, protect)

        self.push_screen(ExportScreen("crossread-export.csv", self.review.reviewer, refused), done)

    def export(
        self, out_path: str, fmt: str, excel: bool, all_claims: bool, all_reviewers: bool = False
    ) -> None:
        """Written by the writer, after the changes still being saved (another program may
        hold the lock): the export holds every label pressed before it."""
        from annotations.export import write_export

        # blind by default: a reviewer's own labels unless they chose every reviewer's
        reviewer = None if all_reviewers else self.review.reviewer

        warnings: list[str] = []  # cells cut to what a spreadsheet cell holds

        def write(store) -> int:
            return write_export(
                store,
                out_path,
                fmt=fmt,
                excel=excel,
                all_claims=all_claims,
                reviewer=reviewer,
                report=warnings.append,
                wait_for_reader=False,  # (it would wait on the UI's thread: the screen froze)
            )

        def landed(n: int | None, error: Exception | None) -> None:
            if error is not None:
                self.say(f"Export failed: {error}", error=True)
                return
            self.say(f"Wrote {counted(n or 0, 'row')} to {out_path}")
            for warning in warnings:
                self.say(f"{out_path}: {warning}", error=True)

        waiting = self.writer.in_flight if self.writer is not None else 0
        if waiting:
            self.say(f"Exporting after the {counted(waiting, 'change')} still being saved…")
        self.review.run_write(write, landed)

    def action_guidelines(self) -> None:
        from reader.ui.guidelines import GuidelinesScreen, find_guidelines, read_guidelines

        story = self.review.story
        path = find_guidelines(self.store.story_path(story) if story else None, self.guidelines)
        if path is None:
            self.say(
                "No guidelines: put a guidelines.md in the story's folder or open with "
                "--guidelines FILE."
            )
            return
        try:
            text = read_guidelines(path)
        except (OSError, ValueError) as exc:
            self.say(f"Cannot show the guidelines: {exc}", error=True)
            return
        self.push_screen(GuidelinesScreen(text, str(path)))

    def action_help(self) -> None:
        from reader.ui.help import HelpScreen, about_article

        review = self.review
        about = None
        if review.articles:
            about = about_article(review.article, review.source_of(review.article.name))
        self.push_screen(HelpScreen(about))

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key's action: a database that turns out damaged is reported, not a crash."""
        from annotations.store import StoreError

        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as exc:
            self.say(str(exc), error=True)
            return True

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.quitting = True
        super().exit(result, return_code, message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.quitting:  # keys typed right after `q`, in the same read: a dialog opened on
            return False  # the closing window found its widgets gone (a traceback)
        # keys typed into a dialog must never tag or move the claim behind it
        if action in REVIEW_ACTIONS and isinstance(self.screen, ModalScreen):
            return False
        if action == "accept" and self.review.articles:
            from annotations.store import StoreError

            try:  # in the footer only when it applies
                return self.review.suggestion() is not None
            except StoreError:  # a damaged suggestion (said where it was met): nothing to accept
                return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        actions = {b.id: b.action for b in self.BINDINGS if isinstance(b, Binding) and b.id}
        commands = [
            ("Tag consistent", "tag_consistent"),
            ("Tag contradicted", "tag_contradicted"),
            ("Tag unverified", "tag_unverified"),
            ("Clear tag", "clear"),
            ("Accept suggestion", "accept"),
            ("Accept every high-confidence suggestion of the article", "accept_high"),
            ("Next claim", "next_claim"),
            ("Previous claim", "prev_claim"),
            ("Next untagged claim", "next_untagged"),
            ("Next article", "next_article"),
            ("Previous article", "prev_article"),
            ("Next story", "next_story"),
            ("Previous story", "prev_story"),
            ("Cycle comparison article", "cycle_compare"),
            ("Comparison cursor to the next claim", "compare_next"),
            ("Comparison cursor to the previous claim", "compare_prev"),
            ("Link the claim under the comparison cursor", "link_compare"),
            ("Comparison cursor to the next evidence sentence", "view_candidate"),
            ("Scroll the evidence down", "evidence_down"),
            ("Scroll the evidence up", "evidence_up"),
            ("Edit note", "note"),
            ("Labelling guidelines", "guidelines"),
            ("Undo", "undo"),
            ("Redo", "redo"),
            ("Search claims", "search"),
            ("Cycle filter", "filter"),
            ("Export annotations", "export"),
            ("Keys", "help"),
            *((f"Link evidence {i}", f"link_{i}") for i in range(1, 10)),
        ]
        for title, binding_id in commands:
            keys = key_text(self, binding_id)  # as the keymap binds it
            yield SystemCommand(
                f"{title} ({keys})", f"key {keys}", self._runner(actions[binding_id])
            )
        # the candidates past the number keys (a claim has up to 20): typing "link 12" here
        # links the 12th, where a two-digit key would make 1 then 2 ambiguous. (Numbers only:
        # the palette reads its titles as markup, never a place for a sentence's text.)
        for n in range(10, self._candidate_count() + 1):
            yield SystemCommand(
                f"Link evidence {n}", "no key: 1–9 link the first nine", self._runner(f"link({n})")
            )

    def _candidate_count(self) -> int:
        from annotations.store import StoreError

        try:
            return len(self.review.evidence()) if self.review.claim is not None else 0
        except StoreError:  # a damaged row: said when the claim is drawn
            return 0

    def _runner(self, action: str):
        async def run() -> None:
            await self.run_action(action)

        return run


def build_app(
    db_path: str,
    reviewer: str,
    *,
    advance: bool | None = None,
    adjudicate: bool = False,
    guidelines: str | None = None,
    background: BackgroundImport | None = None,
    story: str | None = None,
    notice: str = "",
) -> CrossreadApp:
    """The app the CLI runs and the tests drive. Raises StoreError for a database it cannot open."""
    return CrossreadApp(
        db_path, reviewer, advance=advance, adjudicate=adjudicate, guidelines=guidelines,
        background=background, story=story, notice=notice,
    )  # fmt: skip


def set_border(widget, which: str, text: str) -> None:
    """Set a border title or subtitle, literally, only when its words change: setting one
    repaints the whole widget, so a tag key would redraw every line of the article."""
    content = Content(text)
    if getattr(widget, which) != content.markup:
        setattr(widget, which, content)
