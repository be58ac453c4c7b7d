"""The `crossread` command: open the review app, import, export, stats, suggest."""

from __future__ import annotations

import contextlib
import difflib
import getpass
import math
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

import click
from click.core import ParameterSource
from click_default_group import DefaultGroup

from reader.cli.reviewers import as_stored, without_spaces
from reader.models import cell_len, counted, shown_name, shown_names, shown_path
from reader.processes import one_blas_thread

if TYPE_CHECKING:
    from annotations.store import Store

one_blas_thread()  # before numpy is imported (nothing above imports it)

DEFAULT_DB = "crossread.db"


def bundled_seeds() -> Path:
    """The five seed articles: shipped as `reader/seeds` in the wheel, `seeds/` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"


def default_reviewer() -> str:
    from reader.corpus.decode import escape_undecodable

    try:
        # a login name with bytes that are not UTF-8 cannot be stored: escaped, as file names are
        return escape_undecodable(getpass.getuser()) or "reviewer"
    except (OSError, KeyError):  # no login name in containers without a passwd entry
        return "reviewer"


def utf8_name(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A name typed on the command line (reviewer, story; or several) must be text SQLite can
    store: bytes that are not UTF-8 reach Python as lone surrogates and crashed the app and
    export. A control character (a line break, a tab, a bidi control) has no place in one; a
    space of any width (a no-break space, typed as option+space on a Mac) is a space."""
    for name in (value,) if isinstance(value, str) else value or ():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            fail(f"{param.opts[0]} {name}: not valid UTF-8 (names are stored as UTF-8 text)")
        if not without_spaces(name).isprintable():
            fail(f"{param.opts[0]} {shown_name(name)}: a name cannot hold control characters")
    return value


def say(message: str, *, err: bool = False) -> None:
    """Print a line with every control character made harmless (file names are untrusted): one
    line, whatever a name in it holds (names are `shown_path`; this is for any other text)."""
    from reader.corpus.decode import printable

    click.echo(printable(message).replace("\n", "\\n"), err=err)


def write_out(text: str) -> None:
    """Data to standard output: exact bytes for a file or pipe, control characters escaped on
    a terminal (a cell could otherwise drive it)."""
    from annotations.output import standard_output
    from reader.cli.terminal import fit_encoding

    fit_encoding(standard_output())
    if standard_output().isatty():
        from reader.corpus.decode import sanitize

        text = "\n".join(sanitize(line) for line in text.split("\n"))
    click.echo(text, nl=False)


INTERRUPTED = 128 + 2  # a shell's status for a command ended by Ctrl-C (SIGINT)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with what it leaves the user (the line said instead of "interrupted")."""


def fail(message: str) -> None:
    say(f"crossread: error: {message}", err=True)
    sys.exit(2)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can cause into one line and exit status 2, never a traceback."""
    from annotations.store import StoreError
    from reader.corpus.loader import CorpusError

    try:
        yield
    except (StoreError, CorpusError) as exc:
        fail(str(exc))
    except BrokenPipeError:
        # `crossread export | head`: the reader has all it wanted; say nothing, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        fail(f"{exc.strerror or exc}:{where}" if where else str(exc.strerror or exc))


def open_store(db: str, *, create: bool = True, read_only: bool = False):
    from annotations.connection import OpenError, named
    from annotations.store import Store

    try:
        named(db)  # a path that names no database file says so, before "no database at"
    except OpenError as exc:
        fail(str(exc))
    if not create and db != ":memory:" and not Path(db).exists():
        fail(f"no database at {db}: run `crossread import PATH --db {db}` first")
    return Store.open(db, create=create, read_only=read_only)


@contextmanager
def kept_only_if_used(db: str) -> Iterator[None]:
    """A database this command creates is removed again if the command fails before using it.

    `crossread /nonexistent --db x.db` must not leave an empty x.db behind.
    """
    existed = db == ":memory:" or os.path.lexists(db)
    try:
        yield
    except BaseException:
        if not existed:
            _remove_if_empty(db)
        raise


def _remove_if_empty(db: str) -> None:
    from annotations.store import Store, StoreError

    with suppress(OSError):
        if os.path.getsize(db) == 0:  # (made, never opened: read-only opens refuse it)
            Path(db).unlink()
            return
    try:
        with Store.open(db, create=False, read_only=True) as store:
            if store.stories():
                return
    except StoreError:
        return  # not ours to judge: leave it
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)


def _db_path(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """An empty $CROSSREAD_DB is refused, naming it, as `--db ""` is (click reads it as unset:
    an unset `$TEAM_DB` in `export CROSSREAD_DB=$TEAM_DB` quietly used ./crossread.db)."""
    unset = ctx.get_parameter_source(param.name or "db") is ParameterSource.DEFAULT
    if unset and os.environ.get("CROSSREAD_DB") == "":
        fail("no database given: $CROSSREAD_DB is set but empty (unset it, or give a path)")
    return value


def _complete_file(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """Shell completion of an option naming a file: the shell's own file names (click offers
    nothing for a plain text option, and bash then completes nothing at all)."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


db_option = click.option(
    "--db",
    envvar="CROSSREAD_DB",
    metavar="FILE",
    shell_complete=_complete_file,
    callback=_db_path,
    default=DEFAULT_DB,
    show_default=True,
    help="SQLite database file (also $CROSSREAD_DB).",
)
output_option = click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    shell_complete=_complete_file,
    help="Output file (default: standard output).",
)
reviewer_option = click.option(
    "--reviewer",
    default=None,
    callback=utf8_name,
    help="Reviewer name (default: your login name).",
)
follow_option = click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read symbolic links to files outside PATH (skipped by default).",
)


MAX_MB = 1_000_000  # a terabyte: more than any article file (1e13 overflowed the read)


def _megabytes(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not math.isfinite(value):  # ("nan" and "inf" pass the range: no size of file)
        raise click.BadParameter(f"{value} is not a number of megabytes")
    if value > MAX_MB:
        raise click.BadParameter(f"{value:g} is not a number of megabytes (at most {MAX_MB:,})")
    return value


max_mb_option = click.option(
    "--max-mb",
    type=click.FloatRange(min=0, min_open=True),
    callback=_megabytes,
    default=5.0,
    show_default=True,
    help="Refuse article files larger than this many megabytes.",
)


def _suffixes(choices: list[str]) -> str:
    """The file suffixes of the formats `choices` ("table" is none)."""
    return ", ".join(f".{c}" for c in choices if c != "table")


def format_option(choices: list[str]) -> Callable[[Any], Any]:
    """--format, one of `choices`: by default the one -o's suffix names, else the first."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=None,
        help=f"[default: as -o's suffix says ({_suffixes(choices)}), else {choices[0]}]",
    )


excel_option = click.option(
    "--excel",
    is_flag=True,
    help="Spreadsheet-safe CSV: BOM, formulas defused, text kept as text (007 stays 007).",
)


def csv_only(excel: bool, fmt: str) -> None:
    """Fail when --excel is given for a format other than CSV."""
    if excel and fmt != "csv":
        shown = {"jsonl": "JSONL", "json": "JSON", "table": "a table"}.get(fmt, fmt)
        fail(f"--excel applies to CSV only, not {shown}")


def chosen_format(fmt: str | None, output: str, choices: list[str]) -> str:
    """`fmt` as given, else the format -o's suffix names (`-o labels.jsonl`), else the first;
    a suffix naming a format not among `choices` is refused (unless `fmt` is given)."""
    from annotations.output import misnamed

    if fmt is not None:
        return fmt
    suffix = os.path.splitext(output)[1].lower().lstrip(".")
    if suffix in choices:
        return suffix
    if misnamed(output, choices):
        command = click.get_current_context().info_name
        fail(
            f"-o {output}: .{suffix} is not a format {command} writes ({_suffixes(choices)}); "
            "name the file so, or give --format to write one under this name"
        )
    return choices[0]


class SafeContext(click.Context):
    """Click's usage errors quote what was typed, which can be a file name (`crossread stats *`):
    shown with its control characters made harmless, as every other message."""

    def fail(self, message: str) -> NoReturn:
        from reader.corpus.decode import printable

        super().fail(printable(message))


class OneLineUsageError(click.UsageError):
    """A usage error said in one line, as every other error, with where to read the usage
    (click's took four: the usage, a hint, a blank line, the error)."""

    @classmethod
    def of(cls, exc: click.UsageError) -> OneLineUsageError:
        return cls(exc.format_message(), exc.ctx)

    def show(self, file: Any = None) -> None:
        where = self.ctx.command_path if self.ctx else "crossread"
        say(f"crossread: error: {self.format_message().rstrip('.')} (see `{where} --help`)",
            err=True)  # fmt: skip


class SafeCommand(click.Command):
    context_class = SafeContext


# Set by a command that is done and leaves millions of small objects in this process's caches
# (a long story's words, numbers, slots): the process then ends without the interpreter's
# teardown freeing them one by one (0.3-0.5 s after a 2 MB article's import, nothing to gain).
_ends_at_once = False


def end_at_once() -> None:
    """This command is done, all written and closed: the process may end without freeing what
    it holds (when it runs as the command line, not called as a function: `CommandsOrPaths`)."""
    global _ends_at_once
    _ends_at_once = True


class CommandsOrPaths(DefaultGroup):
    """`crossread PATH` opens the app, `crossread COMMAND` runs a command.

    A first word that is neither a command nor an existing path, but close to a command name,
    is a mistyped command, not a missing folder. Shell completion offers the commands (and
    paths) instead of handing every word to `open`.
    """

    context_class = SafeContext
    command_class = SafeCommand

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Click's `main`; as the process's command line (no `args` given: it reads
        `sys.argv`), a command that succeeded and asked for it (`end_at_once`) ends the
        process at once, its output flushed."""
        if args is not None:  # called with its arguments (tests): as click does
            return super().main(args, *rest, **kwargs)
        try:
            return super().main(args, *rest, **kwargs)
        except SystemExit as exc:
            if _ends_at_once and exc.code in (0, None):
                try:
                    for stream in (sys.stdout, sys.stderr):
                        if stream is not None:  # (None: closed when the process started)
                            stream.flush()
                except OSError:  # (a closed pipe): the interpreter ends as it would have
                    raise exc from None
                os._exit(0)
            raise

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:  # (`crossread --bogus`)
            raise OneLineUsageError.of(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C ends a command with a line saying so and the shell's status for it (130), not
        click's "Aborted!" (status 1). A command's usage error is one line."""
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # (its command's context: made here, not by this class)
            raise OneLineUsageError.of(exc) from None
        except KeyboardInterrupt as exc:
            say(f"crossread: {exc}" if isinstance(exc, Interrupted) else "crossread: interrupted",
                err=True)  # fmt: skip
            raise click.exceptions.Exit(INTERRUPTED) from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing and not args:
            # completing the first word: keep the group's context so commands are offered
            return click.Group.parse_args(self, ctx, args)
        if args and not ctx.resilient_parsing:
            word = args[0]
            if word not in self.commands and not word.startswith("-"):
                near = difflib.get_close_matches(word, self.list_commands(ctx), n=1, cutoff=0.6)
                if near and not os.path.lexists(word):
                    fail(f"no such command: {word} (did you mean `crossread {near[0]}`?)")
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            items.append(CompletionItem(incomplete, type="file"))  # `crossread PATH`
        return items


@click.group(cls=CommandsOrPaths, default="open", default_if_no_args=True)
@click.version_option(package_name="crossread")
def main() -> None:
    """Review news coverage claim by claim.

    With no command, opens the review app (on the bundled seed story when no PATH is given).
    """


# The bar's line: "LABEL  [BAR]  INFO", INFO at most "100%  00:01:53  9999.9 stories/s" (32
# columns), "100%  00:01:53" (14) or "100%" (4) where the longer ones leave too little room.
_BAR_CLUTTER, _BAR, _MIN_BAR, _MIN_PATH = len("  []  "), 36, 10, 30
_INFOS = ((32, True, True), (14, True, False), (4, False, False))


def bar_layout(path: str, columns: int) -> tuple[str, int, bool, bool]:
    """The import bar's label, its width, and whether the time left and the rate are shown,
    for a line narrower than the terminal: a wider one wrapped, and each redraw (a carriage
    return goes back one line only) added lines to the screen. The time left and the rate go
    before the path is cut below `_MIN_PATH` columns; a long path loses its start."""
    head = "Importing "
    want = cell_len(head) + min(cell_len(path), _MIN_PATH)
    for k, (info, eta, rate) in enumerate(_INFOS):
        space = columns - 1 - _BAR_CLUTTER - info
        last = k == len(_INFOS) - 1
        if space - _MIN_BAR >= (cell_len(head) + 8 if last else want):
            width = max(_MIN_BAR, min(_BAR, space - cell_len(head + path)))
            return head + _tail(path, space - width - cell_len(head)), width, eta, rate
    return "", max(1, columns - 1 - _BAR_CLUTTER - 4), False, False


def _tail(text: str, width: int) -> str:
    """`text` in `width` columns at most: its end, after "…", when it is wider."""
    if cell_len(text) <= width:
        return text
    k, used = len(text), 0
    while k > 0 and used + cell_len(text[k - 1]) <= width - 1:
        k -= 1
        used += cell_len(text[k])
    return "…" + text[k:]


def _stderr_columns() -> int:
    """The columns of the terminal the bar is drawn on (standard error), `$COLUMNS` first; 0
    when unknown."""
    with contextlib.suppress(KeyError, ValueError):
        if (columns := int(os.environ["COLUMNS"])) > 0:
            return columns
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


class StoryBar:
    """A progress bar over the stories of an import when there are several; for one long story
    (pipeline.LONG_STORY), a line per step (aligning, suggesting, saving) with the time so far.
    `lines`: a line per story done instead of the bar ("PATH: 12 of 200 stories done… (3.1 s)"),
    for a log or a program reading it (the app reads its background import's)."""

    def __init__(self, path: str, lines: bool = False) -> None:
        self.path = shown_path(path)  # a folder's name is untrusted: no escapes, one line
        self.label = f"Importing {self.path}"
        self.bar = None
        self.started = time.monotonic()
        self.single = False
        self.lines = lines
        self.stories = self.done = 0

    def phase(self, what: str, always: bool = False) -> None:
        if self.single or always:
            say(f"{self.path}: {what}… ({time.monotonic() - self.started:.1f} s)", err=True)

    def start(self, stories: int) -> None:
        self.single = stories == 1
        self.stories = stories
        if stories > 1 and not self.lines:
            self.started = time.monotonic()
            # (not on a terminal, click writes the label alone, once; one that does not say
            # its size, a new pseudo-terminal's 0 columns, gets the usual bar)
            columns = _stderr_columns() if sys.stderr.isatty() else 0
            label, width, eta, rate = (
                bar_layout(self.path, columns) if columns > 0 else (self.label, _BAR, True, True)
            )
            self.bar = click.progressbar(
                length=stories,
                label=label,
                file=sys.stderr,
                width=width,
                show_eta=eta,  # time left
                item_show_func=self.rate if rate else None,
            )
            self.bar.__enter__()

    def rate(self, done: int | None) -> str | None:
        elapsed = time.monotonic() - self.started
        if not done or elapsed <= 0:
            return None
        return f"{done / elapsed:.1f} stories/s"

    def step(self, _story: object) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1, self.bar.pos + 1)
        elif self.lines and self.stories > 1:
            self.phase(f"{self.done:,} of {self.stories:,} stories done", always=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def run_import(
    store,
    paths: list[str],
    max_mb: float,
    *,
    quiet: bool = False,
    follow_symlinks: bool = False,
    jobs: int = 1,
    defer: bool = False,
    lines: bool = False,
    reports: list | None = None,
) -> list[str]:
    """Import every path with a progress bar; print a summary (only problems if quiet); the
    names of the stories imported (or found unchanged), in order.
    `defer`: long stories' evidence and suggestions are left for later (`import_path`).
    `lines`: progress as lines (`StoryBar`), and a line a path done when there are several.
    `reports`: extended with each story's ImportReport (what changed, orphaned annotations).

    A path without any article is an error (exit 2), after saying which files were skipped.
    """
    from reader.cli.reshape import find_renamed_stories
    from reader.corpus.loader import CorpusError, checked, distinct_paths
    from reader.pipeline import import_path

    for path in paths:
        checked(path)
    paths = distinct_paths(paths)  # (a story given twice, or with its folder: imported once)
    started = time.monotonic()
    names: list[str] = []
    for k, path in enumerate(paths):
        if lines and k:
            done = f"{k:,} of {len(paths):,} done… ({time.monotonic() - started:.1f} s)"
            say(f"{shown_path(paths[k - 1])}: {done}", err=True)
        bar = StoryBar(path, lines)
        stored: set[str] = set()

        def step(story, bar=bar, stored=stored) -> None:
            stored.add(story.name)
            bar.step(story)

        try:
            result = import_path(
                store,
                path,
                max_bytes=int(max_mb * 1_000_000),
                on_loaded=bar.start,
                progress=step,
                follow_symlinks=follow_symlinks,
                jobs=jobs,
                phase=bar.phase,
                defer=defer,
            )
        except KeyboardInterrupt:
            done = counted(len(names) + len(stored), "story", "stories")
            raise Interrupted(
                f"interrupted after storing {done}; the same import again goes on from there"
            ) from None
        finally:
            bar.close()
        find_renamed_stories(store, result.reports)
        if quiet:
            for s in result.skipped:
                say(f"skipped {s.path}: {s.reason}", err=True)
            for w in result.warnings:
                say(f"warning {w}", err=True)
        else:
            print_summary(path, result)
        if reports is not None:
            reports.extend(result.reports)
        if not result.reports:
            if result.refused:
                raise CorpusError(f"nothing imported from {shown_path(path)}")
            raise CorpusError(f"no articles (.txt or .md files) in {shown_path(path)}")
        names += [r.story for r in result.reports]
    return names


def print_summary(path: str, result) -> None:
    from reader.cli.reshape import summary_lines

    def count(attr: str) -> int:
        return sum(len(getattr(r, attr)) for r in result.reports)

    unchanged = sum(1 for r in result.reports if r.skipped)
    # articles no longer in their story's folder: gone from the panes, their tags kept as orphans
    removed = f", {count('articles_removed')} removed" if count("articles_removed") else ""
    articles = count("articles_added") + count("articles_changed") + count("articles_unchanged")
    say(
        f"{shown_path(path)}: {counted(len(result.reports), 'story', 'stories')} "
        f"({unchanged} unchanged), "
        f"{counted(articles, 'article')} ({count('articles_added')} new, "
        f"{count('articles_changed')} changed{removed}), {counted(result.claims, 'claim')}, "
        f"{counted(len(result.skipped), 'file')} skipped"
    )
    for s in result.skipped:
        say(f"  skipped {s.path}: {s.reason}")
    for w in result.warnings:
        say(f"  warning {w}")
    for r in result.reports:
        for a in r.orphaned:
            say(
                f"  orphaned annotation ({shown_name(a.reviewer)}, {a.label or 'note'}) in "
                f"{shown_path(f'{r.story}/{a.article}')}: claim no longer in the article: "
                f"{a.claim_text[:80]}"
            )
        for line in summary_lines(r):
            say(f"  {line}")


@main.command("open")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@reviewer_option
@max_mb_option
@follow_option
@click.option(
    "--no-advance", is_flag=True, help="Stay on the claim after tagging it instead of moving on."
)
@click.option(
    "--adjudicate",
    is_flag=True,
    help="Open on adjudication: every reviewer's label side by side; decide final labels.",
)
@click.option(
    "--guidelines",
    type=click.Path(exists=True, dir_okay=False, readable=True),
    help="Markdown file of labelling guidelines shown with g (default: guidelines.md in the "
    "story's folder, or in the folder of stories).",
)
def open_cmd(
    paths: tuple[str, ...],
    db: str,
    reviewer: str | None,
    max_mb: float,
    follow_symlinks: bool,
    no_advance: bool,
    adjudicate: bool,
    guidelines: str | None,
) -> None:
    """Open the review app on PATHS (default: the bundled seed story), importing them first.
    A long story opens once its claims are stored; its evidence and suggestions are worked
    out meanwhile by a `crossread import` in the background."""
    from reader.processes import usable_cores

    for path in paths:
        if path in main.commands and not os.path.lexists(path):
            # `crossread --db x.db stats`: the options went to the app, the command with them
            fail(f"{path} is a command: give its options after it (`crossread {path} --db ...`)")
    if reviewer is not None and not reviewer.strip():  # (else every tag was "Not saved")
        fail("--reviewer names no one: give a name")
    if guidelines is not None:
        _check_guidelines(guidelines)
    from reader.cli.reshape import reimport_notice

    with kept_only_if_used(db), user_errors():
        store = open_store(db)
        try:
            targets = list(paths)
            if not targets and not store.stories():
                targets = [str(bundled_seeds())]
            reports: list = []
            imported = run_import(
                store, targets, max_mb, quiet=True, follow_symlinks=follow_symlinks,
                jobs=usable_cores(), defer=True, reports=reports,
            )  # fmt: skip
            # what those left to analyse, and any an earlier import left so, were read from
            analysing = sorted({p for n in store.analysing() if (p := store.story_path(n))})
            # the name typed another way is the reviewer whose tags are here, not a new one
            reviewer = as_stored(reviewer or default_reviewer(), store.reviewers())
            notice = " ".join(reimport_notice(r, reviewer) for r in reports).strip()
        finally:
            store.close()
    from reader.corpus.decode import on_disk
    from reader.pipeline.background import BackgroundImport
    from reader.ui import run_app

    background = None
    for gone in [p for p in analysing if not os.path.lexists(on_disk(p))]:
        # (the import checks every path before any: one gone would stop the others')
        analysing.remove(gone)
        say(f"crossread: warning: {shown_path(gone)} is no longer there: its story's evidence and "
            "suggestions wait for `crossread import` of it where it is now", err=True)  # fmt: skip
    if analysing:
        options = ["--max-mb", str(max_mb)] + (["--follow-symlinks"] if follow_symlinks else [])
        try:
            background = BackgroundImport([on_disk(p) for p in analysing], db, options)
        except OSError as exc:  # the app opens all the same, on the claims
            named = " ".join(map(shown_path, analysing[:3])) + (" …" if len(analysing) > 3 else "")
            say(f"crossread: warning: could not start the analysis ({exc}): run `crossread "
                f"import {named}` to finish it", err=True)  # fmt: skip
    try:
        with user_errors():
            run_app(
                db,
                reviewer,
                advance=False if no_advance else None,  # None: as the config file says
                adjudicate=adjudicate,
                guidelines=guidelines,
                background=background,
                story=imported[0] if paths else None,  # the story asked for opens
                notice=notice,
            )
    finally:
        if background is not None:
            background.stop()


def _check_guidelines(path: str) -> None:
    """`--guidelines` naming a file that is not text (an image, a PDF) is refused as an article
    would be, before the app opens: it showed as garbage when g was pressed."""
    from reader.corpus.loader import GUIDELINES_MAX_BYTES, ArticleError, read_text

    try:
        read_text(path, GUIDELINES_MAX_BYTES)
    except ArticleError as exc:
        fail(f"--guidelines {shown_path(path)}: {exc}")


# Worker processes per core at most: more only share the same cores, each taking its memory
# (a typo, `-j 5000` for 5, forked 5,000 processes)
JOBS_PER_CORE = 4


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    from reader.processes import usable_cores

    cores = usable_cores()
    if value is not None and value > JOBS_PER_CORE * cores:
        raise click.BadParameter(
            f"{value} is more than {JOBS_PER_CORE} worker processes for each of the "
            f"{counted(cores, 'core')} this process may use ({JOBS_PER_CORE * cores} at most)",
            ctx,
            param,
        )
    return value


jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    callback=_jobs,
    help="Stories (or a long story's blocks) analysed at once, in worker processes "
    f"(default: the number of cores; {JOBS_PER_CORE} a core at most).",
)


@main.command("import")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@max_mb_option
@follow_option
@jobs_option
@click.option(
    "--progress-lines",
    is_flag=True,
    help="Progress as a line per story (or path) done, for a log or a program reading it, "
    "instead of a bar.",
)
@click.option(
    "--paths0-from",
    "listed",
    type=click.File("rb"),
    help="Also the paths listed in this file, each ended by a NUL byte (as `find -print0` "
    "writes them; - for standard input): more than a command line holds.",
)
def import_cmd(
    paths: tuple[str, ...],
    db: str,
    max_mb: float,
    follow_symlinks: bool,
    jobs: int | None,
    progress_lines: bool,
    listed: BinaryIO | None,
) -> None:
    """Load and align the stories in PATHS (a story folder, a folder of stories, or a file)."""
    from reader.processes import usable_cores

    if listed is not None and listed.isatty():
        # (NUL-ended paths are not typed: it would wait, showing nothing, for what never comes)
        given = "-: standard input is" if listed.fileno() == 0 else f"{listed.name}: it is"
        fail(
            f"--paths0-from {given} a terminal; pipe the paths in: find STORIES -mindepth 1 "
            "-maxdepth 1 -type d -print0 | crossread import --paths0-from -"
        )
    data = listed.read() if listed else b""
    if data and b"\0" not in data and b"\n" in data and not os.path.lexists(data):
        # (`find` without -print0: the lines would run together into a path of none of them)
        fail(
            "--paths0-from: the paths are one a line, not ended by NUL bytes "
            "(`find -print0` writes those; or `tr '\\n' '\\0'`)"
        )
    # (bytes that are not UTF-8 kept as Python keeps a file name's: the file is found)
    every = [*paths, *(os.fsdecode(p) for p in data.split(b"\0") if p)]
    if not every:
        fail("no paths to import: give PATHS or --paths0-from FILE")
    with kept_only_if_used(db), user_errors():
        store = open_store(db)
        try:
            run_import(
                store,
                every,
                max_mb,
                follow_symlinks=follow_symlinks,
                jobs=jobs or usable_cores(),
                lines=progress_lines,
            )
        finally:
            store.close()
    end_at_once()


@main.command("export")
@db_option
@output_option
@format_option(["csv", "jsonl"])
@click.option("--all", "all_claims", is_flag=True, help="One row per claim, tagged or not.")
@excel_option
@click.option(
    "--reviewer", default=None, callback=utf8_name, help="Only this reviewer's annotations."
)
@click.option(
    "--final",
    is_flag=True,
    help="Final labels (adjudicated) with each reviewer's label, note and evidence beside.",
)
def export_cmd(
    db: str,
    output: str,
    fmt: str,
    all_claims: bool,
    excel: bool,
    reviewer: str | None,
    final: bool,
) -> None:
    """Write annotations as CSV (exact data by default) or JSONL."""
    from annotations.export import write_export
    from annotations.final_export import write_final_export
    from reader.cli.terminal import data_stdout

    fmt = chosen_format(fmt, output, ["csv", "jsonl"])

    def warn(message: str) -> None:
        say(f"warning: {message}", err=True)

    if final and (all_claims or reviewer):
        fail("--final has one row per labelled claim with every reviewer: drop --all/--reviewer")
    with user_errors():
        store = open_store(db, create=False, read_only=True)
        try:
            for story in sorted(store.analysing()):
                say(
                    f"warning {shown_path(story)}: still being analysed (or its import was "
                    "stopped): its claims have no suggestion yet; `crossread import PATH` "
                    "finishes it",
                    err=True,
                )
            reviewer = _known_reviewer(store, reviewer)  # (a mistyped name: no empty export)
            out = data_stdout() if output == "-" else output
            if final:
                n = write_final_export(store, out, fmt=fmt, excel=excel, report=warn)
            else:
                n = write_export(
                    store,
                    out,
                    fmt=fmt,
                    all_claims=all_claims,
                    excel=excel,
                    reviewer=reviewer,
                    report=warn,
                )
        finally:
            store.close()
    if output != "-":
        say(f"wrote {counted(n, 'row')} to {output}", err=True)


def _known_reviewer(store: Store, reviewer: str | None) -> str | None:
    """`reviewer` as stored (`as_stored`); fails, naming the reviewers there are, when they
    have no annotation in `store`."""
    if reviewer is None:
        return None
    known = store.reviewers()
    reviewer = as_stored(reviewer, known)
    if reviewer not in known:
        fail(f"no annotations by {shown_name(reviewer)} (reviewers: {shown_names(known)})")
    return reviewer


@main.command("stats")
@db_option
@click.option("--reviewer", default=None, callback=utf8_name, help="Only this reviewer's progress.")
def stats_cmd(db: str, reviewer: str | None) -> None:
    """Per reviewer: progress per story and article, and label counts."""
    from reader.cli.stats import format_stats

    with user_errors():
        store = open_store(db, create=False, read_only=True)
        try:
            reviewer = _known_reviewer(store, reviewer)
            for line in format_stats(store, reviewer):
                say(line)
        finally:
            store.close()


@main.command("merge")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    shell_complete=_complete_file,
    help="Team database: created, or merged into if it exists.",
)
@click.option(
    "--prefer",
    default=None,
    type=click.Path(),
    help="Where an article's text differs between files, keep this input's version.",
)
def merge_cmd(inputs: tuple[str, ...], output: str, prefer: str | None) -> None:
    """Merge reviewers' databases INPUTS into one team database (inputs are only read)."""
    from annotations.merge import merge
    from reader.cli.merge import format_merge

    with user_errors():
        report = merge(inputs, output, prefer=prefer, progress=lambda m: say(m, err=True))
    for line in format_merge(report):
        say(line)


def _resamples(ctx: click.Context, param: click.Parameter, value: int) -> int:
    from annotations.agreement import check_samples

    try:
        check_samples(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


@main.command("agreement")
@db_option
@click.option("--story", default=None, callback=utf8_name, help="Only this story's claims.")
@click.option(
    "--reviewers",
    default=None,
    callback=utf8_name,
    help="Comma-separated reviewers (default: everyone).",
)
@click.option(
    "--reviewer",
    "reviewer",
    multiple=True,
    callback=utf8_name,
    help="A reviewer, whatever the name holds (commas too); repeat it for several.",
)
@click.option("--by", type=click.Choice(["story", "article"]), default=None, help="Also per group.")
@format_option(["table", "csv", "json"])
@click.option(
    "--samples",
    type=click.IntRange(min=0),
    callback=_resamples,
    default=1000,
    show_default=True,
    help="Bootstrap resamples for the 95% intervals (0: none; else 100 or more).",
)
@click.option(
    "--seed", type=click.IntRange(min=0), default=2026, show_default=True, help="Bootstrap seed."
)
@output_option
@excel_option
def agreement_cmd(
    db: str,
    story: str | None,
    reviewers: str | None,
    reviewer: tuple[str, ...],
    by: str | None,
    fmt: str,
    samples: int,
    seed: int,
    output: str,
    excel: bool,
) -> None:
    """Agreement between reviewers: percent, Cohen's and Fleiss' kappa, Krippendorff's alpha,
    Gwet's AC1, with bootstrap 95% intervals, confusion matrices and the disagreements."""
    from annotations.agreement import team_reports
    from annotations.export import protected_paths
    from annotations.output import open_output
    from reader.cli.agreement import format_csv, format_json, format_table

    fmt = chosen_format(fmt, output, ["table", "csv", "json"])
    csv_only(excel, fmt)
    names = [
        *([r.strip() for r in reviewers.split(",") if r.strip()] if reviewers else []),
        *reviewer,
    ]
    if reviewers is not None and not names:  # `--reviewers "$TEAM"` with TEAM unset
        fail("--reviewers names no reviewer")
    with user_errors():
        store = open_store(db, create=False, read_only=True)
        try:
            if names:
                known = store.reviewers()
                names = [as_stored(name, known) for name in names]
            reports = team_reports(
                store, story=story, reviewers=names or None, by=by, samples=samples, seed=seed
            )
            if fmt == "table":
                text = "".join(f"{line}\n" for line in format_table(reports, store.claim))
            else:
                text = (
                    format_csv(reports, excel=excel)
                    if fmt == "csv"
                    else format_json(reports, store.claim)
                )
            if output == "-":
                write_out(text)
            else:
                with open_output(output, protect=protected_paths(store)) as f:
                    f.write(text)
        finally:
            store.close()
    if output != "-":
        say(f"wrote agreement to {output}", err=True)


@main.command("suggest")
@click.argument("path", type=click.Path())
@format_option(["jsonl", "csv"])
@output_option
@excel_option
@max_mb_option
@follow_option
@jobs_option
def suggest_cmd(
    path: str,
    fmt: str,
    output: str,
    excel: bool,
    max_mb: float,
    follow_symlinks: bool,
    jobs: int | None,
) -> None:
    """Suggest a label, with its reason and evidence, for every claim in PATH (no database)."""
    from reader.cli.suggest_export import write_suggestions
    from reader.cli.terminal import data_stdout
    from reader.processes import usable_cores

    fmt = chosen_format(fmt, output, ["jsonl", "csv"])
    csv_only(excel, fmt)
    with user_errors():
        n = write_suggestions(
            path,
            data_stdout() if output == "-" else output,
            fmt=fmt,
            excel=excel,
            max_bytes=int(max_mb * 1e6),
            report=lambda message: say(message, err=True),
            follow_symlinks=follow_symlinks,
            jobs=jobs or usable_cores(),
        )
    if output != "-":
        say(f"wrote {counted(n, 'suggestion')} to {output}", err=True)
    end_at_once()


if __name__ == "__main__":  # pragma: no cover
    main()
