"""Modal screens: help, note editor, fuzzy search, export."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from annotations.output import misnamed
from reader.ui.panels import short_name
from reader.ui.search import Hit, SearchIndex, rank
from reader.ui.textutil import one_line, sanitize

if TYPE_CHECKING:
    from reader.models import Claim


class Choice(RadioButton):
    """A radio button marked only when on: Textual's shows its dot on every button and only
    colour tells which is chosen (nothing does on a terminal without colour)."""

    @property
    def BUTTON_INNER(self) -> str:  # (Textual's name for the mark)
        return "●" if self.value else " "


class Tick(Checkbox):
    """A checkbox marked only when on (see `Choice`)."""

    @property
    def BUTTON_INNER(self) -> str:  # (Textual's name for the mark)
        return "X" if self.value else " "


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; returns True only for an explicit yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Text(one_line(self.question)), id="confirm-text")
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", variant="primary", id="yes")
                yield Button("No (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class NoteScreen(ModalScreen[str | None]):
    """Edit the note of the current claim; returns the new note, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(
        self,
        claim_text: str,
        note: str,
        *,
        title: str = "Note on the claim",
        saved: str | None = None,
        what: str = "note",
        gone: bool = False,
    ) -> None:
        """`note`: the text the editor starts with. `saved`: the note as stored now, when it is
        not that (the reviewer's own text brought back after another window saved a note
        meanwhile): it is shown above the editor, and escape asks before dropping theirs.
        `gone`: brought back because the sentence it was typed for left the article (imported
        again); the claim given is the one now in its place, whose note is `saved`.
        `what` the text is called in those lines (the adjudicator's "reason")."""
        super().__init__()
        self.claim_text = claim_text
        self.note = note
        self.title_text = title
        self.saved = saved
        self.what = what
        self.gone = gone

    def compose(self) -> ComposeResult:
        stale = " -stale" if self.saved is not None else ""
        with Vertical(id="note-box", classes=f"dialog{stale}"):
            yield Label(
                f"{self.title_text} (ctrl+s saves, escape cancels)",
                classes="dialog-title",
                markup=False,  # the title is the caller's: shown as written
            )
            with VerticalScroll(id="note-claim"):
                yield Static(Text(one_line(self.claim_text), style="italic"))
            if self.saved is not None and self.gone:
                newer = Text(
                    "Not saved: its sentence is no longer in the article (the story was "
                    "imported again meanwhile). Above is the sentence now in its place, "
                    f"whose {self.what} is: ",
                    "bold yellow",
                )
                newer.append(one_line(self.saved) or f"(no {self.what})", style="italic")
                newer.append(". Below is yours: ctrl+s saves it on this one.", "bold yellow")
                yield Static(newer, id="note-newer")
            elif self.saved is not None:
                newer = Text(
                    f"Not saved: another window saved this {self.what} meanwhile: ", "bold yellow"
                )
                newer.append(one_line(self.saved) or f"(no {self.what})", style="italic")
                newer.append(". Below is yours: ctrl+s saves it over that one.", "bold yellow")
                yield Static(newer, id="note-newer")
            yield TextArea(sanitize(self.note), id="note-text", soft_wrap=True)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)  # go on writing where the note ends

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_claim)

    def _fit_claim(self) -> None:
        """Give the claim every row the dialog has left on screen, so a long one reads whole
        (a claim of five lines was cut to two at 80x24) and a longer one scrolls (shift+tab
        to it, or the wheel): the note's field and the buttons stay on screen. CSS cannot say
        "the screen less the other rows", the height a box sized by its content needs here."""
        box, claim = self.query_one("#note-box"), self.query_one("#note-claim")
        if not claim.display:
            return
        last = box.children[-1]
        head = claim.region.y - box.region.y  # (the regions of what overflows are laid out too)
        tail = last.region.bottom + box.styles.gutter.bottom - claim.region.bottom
        limit = box.styles.max_height
        most = limit.resolve(self.size, self.app.size) if limit else self.size.height
        room = max(int(most) - head - tail, 1)
        if claim.styles.max_height != room:
            claim.styles.max_height = room

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(kept_where_unedited(self.note, self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        """Close without saving; if the note was edited, only after a yes."""
        if self.query_one(TextArea).text == sanitize(self.note) and self.saved is None:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(f"Discard your changes to this {self.what}? (y / n)"), answered
        )


def kept_where_unedited(note: str, edited: str) -> str:
    """`edited` (the editor's text, which showed `note` sanitized) with the characters that
    sanitizing replaced put back wherever the reviewer left them: a right-to-left mark pasted
    with a quote is shown as U+FFFD, and saving must not write that in its place."""
    from difflib import SequenceMatcher

    shown = sanitize(note)
    if shown == note:
        return edited
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, shown, edited, autojunk=False).get_opcodes():
        # (sanitize is one-for-one: what is equal to the shown text is the note's, at its place)
        out.append(note[i1:i2] if op == "equal" else edited[j1:j2])
    return "".join(out)


@dataclass(frozen=True)
class SearchChoice:
    """The claim picked in the search dialog, and whether to link it rather than go to it."""

    claim_id: str
    link: bool = False


class SearchScreen(ModalScreen[SearchChoice | None]):
    """Search the story's claims, exact matches first, then fuzzy ones (reader.ui.search):
    enter goes to one, ctrl+l links it as evidence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("ctrl+l", "link", "Link to the claim under review", priority=True),
    ]
    LIMIT = 30

    def __init__(
        self,
        claims: list[Claim],
        source_of: Callable[[str], str] = str,
        link_for: Claim | None = None,
    ) -> None:
        super().__init__()
        self.claims = claims
        self.index = SearchIndex([c.text for c in claims])  # once per dialog, not per key
        self._shown: str | None = None  # the query whose results are on screen
        self.source_of = source_of
        self.link_for = link_for  # the claim under review, that ctrl+l links the result to

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box", classes="dialog"):
            yield Label(
                "Search · exact first, ≈ fuzzy · enter jumps · ctrl+l links · Esc cancels",
                classes="dialog-title",
            )
            yield Input(placeholder="words of the claim…", id="search-input")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._show([Hit(i, 0, ()) for i in range(min(self.LIMIT, len(self.claims)))], "")

    def on_input_changed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self.on_mount()
            return
        self._rank(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _rank(self, query: str) -> None:
        """Rank off the event loop, so typing never waits; a newer query cancels this one."""
        hits = rank(query, self.index, self.LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_if_current, hits, query)

    def _show_if_current(self, hits: list[Hit], query: str) -> None:
        if query == self.query_one("#search-input", Input).value:
            self._show(hits, query)

    def _show(self, hits: list[Hit], query: str) -> None:
        self._shown = query
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        for hit in hits:
            claim = self.claims[hit.index]
            head = Text("≈ " if hit.fuzzy else "  ", style="dim")
            head.append(short_name(self.source_of(claim.article), 14), style="italic")
            text = one_line(claim.text)  # one-for-one, so the spans still fit
            body, pos = Text(), 0
            for start, end in hit.spans:
                start, end = max(start, pos), min(end, len(text))
                if start < end:
                    body.append(text[pos:start])
                    body.append(text[start:end], style="bold reverse")
                    pos = end
            body.append(text[pos:])
            # the sentence wraps under itself, its source alone in the left column
            prompt = Table.grid(padding=(0, 2, 0, 0))
            prompt.add_column(width=16, no_wrap=True)
            prompt.add_column(ratio=1)
            prompt.add_row(head, body)
            results.add_option(Option(prompt, id=claim.id))
        if not hits and query.strip():  # (an empty list looked like a search not yet run)
            said = Text(f"  No claim matches “{one_line(query.strip())}”.", style="italic")
            results.add_option(Option(said, disabled=True))
        results.highlighted = 0 if hits else None

    def _highlighted(self) -> str | None:
        query = self.query_one("#search-input", Input).value
        if self._shown != query and query.strip():  # enter before the worker answered
            self._show(rank(query, self.index, self.LIMIT), query)
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None:
            return None
        return results.get_option_at_index(results.highlighted).id

    def on_input_submitted(self) -> None:
        claim_id = self._highlighted()
        if claim_id:
            self.dismiss(SearchChoice(claim_id))

    def action_link(self) -> None:
        claim_id = self._highlighted()
        if claim_id is None or self.link_for is None:
            return
        other = next(c for c in self.claims if c.id == claim_id)
        if other.article == self.link_for.article:
            self.notify("Link a sentence of another article.", severity="warning", markup=False)
            return
        self.dismiss(SearchChoice(claim_id, link=True))

    def on_key(self, event) -> None:
        # up/down in the input move the result highlight, so typing and picking need no tab
        results = self.query_one("#search-results", OptionList)
        if event.key in ("down", "up") and self.focused is self.query_one(Input):
            results.action_cursor_down() if event.key == "down" else results.action_cursor_up()
            event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(SearchChoice(event.option.id))


class ExportScreen(ModalScreen[dict | None]):
    """Where and how to export; returns keyword arguments for CrossreadApp.export.

    The full path is shown as it is typed; an existing file is replaced only after a yes.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(
        self,
        default_path: str,
        reviewer: str,
        refused: Callable[[Path], str | None] = lambda path: None,
    ) -> None:
        super().__init__()
        self.default_path = default_path
        self.reviewer = reviewer
        self.refused = refused  # what a path is that must not be written (an article…), or None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Label("Export annotations", classes="dialog-title")
            yield Input(self.default_path, id="export-path")
            yield Static(id="export-full-path")
            with Horizontal(id="export-choices"):
                with RadioSet(id="export-format"):
                    yield Choice("CSV", value=True, id="fmt-csv")
                    yield Choice("JSONL", id="fmt-jsonl")
                with RadioSet(id="export-who"):
                    yield Choice(
                        Text(f"My labels ({one_line(self.reviewer)})"), value=True, id="who-me"
                    )
                    yield Choice("All reviewers", id="who-all")
            yield Tick("Spreadsheet-safe (BOM, formulas defused)", id="export-excel")
            yield Tick("Every claim, tagged or not", id="export-all")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._show_full_path()

    @property
    def fmt(self) -> str:
        return "jsonl" if self.query_one("#fmt-jsonl", RadioButton).value else "csv"

    @property
    def full_path(self) -> Path | None:
        path = self.query_one("#export-path", Input).value.strip()
        return full_path(path) if path else None

    def _refusal(self, full: Path) -> str | None:
        """Why `full` cannot be written, said before anything is asked, or None."""
        typed = self.query_one("#export-path", Input).value.strip()
        if no_home := _no_home(typed):
            return no_home
        if not full.is_absolute():
            return "relative to the current folder, which no longer exists"  # (give a full path)
        try:
            if full.is_dir():
                return "a folder"
            if typed.endswith(("/", os.sep)):  # (a Path drops the slash: "exports/" was a file)
                return "a folder's name (it ends in /)"
            if not full.parent.is_dir():
                if any(above.exists() and not above.is_dir() for above in full.parents):
                    return "under a file, not in a folder"
                return "in a folder that does not exist"
        except OSError as exc:  # a name longer than the system allows: checked as it is typed
            return f"a path this system refuses ({(exc.strerror or str(exc)).lower()})"
        if suffix := misnamed(full.name, [self.fmt]):
            return f"a .{suffix} name for {self.fmt.upper()}"  # (Excel will not open CSV as .xlsx)
        return self.refused(full)

    def _show_full_path(self) -> None:
        full = self.full_path
        line = Text("→ ", style="dim")
        shown = str(full) if full else ""
        if full and self.query_one("#export-path", Input).value.strip().endswith("/"):
            shown = shown.rstrip("/") + "/"  # as typed: a folder's name
        line.append(one_line(shown) if full else "give a file name", style="italic")
        what = self._refusal(full) if full is not None else None
        if what:
            line.append(f"  ({what}: not written)", style="bold red")
        elif full is not None and _exists(full) == "other":
            line.append("  (not a file: written into, not replaced)", style="bold yellow")
        elif full is not None and _exists(full):
            line.append("  (exists: asks before replacing)", style="bold yellow")
        self.query_one("#export-full-path", Static).update(line)

    def on_input_changed(self) -> None:
        self._show_full_path()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "export-format":
            return
        # keep the file extension in step with the format when it is still one of ours
        path_input = self.query_one("#export-path", Input)
        stem, dot, ext = path_input.value.rpartition(".")
        if dot and ext in ("csv", "jsonl"):
            path_input.value = f"{stem}.{self.fmt}"
        # a CSV setting: JSON lines hold no formulas for a spreadsheet to run
        self.query_one("#export-excel", Checkbox).disabled = self.fmt != "csv"
        self._show_full_path()  # (what the name is for the format now chosen)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.submit()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.submit()

    def submit(self) -> None:
        full = self.full_path
        if full is None:
            self.notify("Give a file name to export to.", severity="warning", markup=False)
            return
        what = self._refusal(full)
        if what:
            self.notify(
                f"{one_line(str(full))} is {what}: choose another file.",
                severity="warning",
                markup=False,
            )
            return
        settings = {
            "out_path": str(full),
            "fmt": self.fmt,
            "excel": self.fmt == "csv" and self.query_one("#export-excel", Checkbox).value,
            "all_claims": self.query_one("#export-all", Checkbox).value,
            "all_reviewers": self.query_one("#who-all", RadioButton).value,
        }
        if _exists(full) != "file":  # (a FIFO or device is written into, never replaced)
            self.dismiss(settings)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(settings)

        question = f"{one_line(str(full))} exists. Replace it? (y / n)"
        self.app.push_screen(ConfirmScreen(question), answered)


def full_path(typed: str) -> Path:
    """The full path `typed` names: `~` and `~user` expanded, relative to the current folder.
    "~ana" where this system has no user ana stays as typed (`_no_home` says so), and so does
    a relative path once the current folder is removed (`ExportScreen._refusal` says so)."""
    try:
        path = Path(typed).expanduser()
    except RuntimeError:  # (what pathlib raises for a user it cannot find)
        path = Path(typed)
    try:
        return path.absolute()
    except OSError:  # (os.getcwd: the folder the app started in was removed meanwhile)
        return path


def _no_home(typed: str) -> str | None:
    """What is wrong with a `~user` that names no user here (typing "~ana/" passes "~a")."""
    if not typed.startswith("~"):
        return None
    user = typed.split("/", 1)[0]
    if os.path.expanduser(user) != user:
        return None
    return f"in the home folder of {user}, a user this system does not have"


def _exists(path: Path) -> str:
    """ "file" when `path` is a file an export replaces, "other" when it is a FIFO or device
    (written into), else "" (none, or a path the system refuses to look up)."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return ""
    return "file" if stat.S_ISREG(st.st_mode) else "other"
