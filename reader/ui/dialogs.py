"""Modal screens: help, note editor, fuzzy search, export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
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

from reader.ui.panels import short_name
from reader.ui.search import Hit, rank
from reader.ui.textutil import one_line, sanitize

if TYPE_CHECKING:
    from reader.models import Claim


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

    def __init__(self, claim_text: str, note: str, *, title: str = "Note on the claim") -> None:
        super().__init__()
        self.claim_text = claim_text
        self.note = note
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Label(f"{self.title_text} (ctrl+s saves, escape cancels)", classes="dialog-title")
            yield Static(Text(one_line(self.claim_text), style="italic"), id="note-claim")
            yield TextArea(sanitize(self.note), id="note-text", soft_wrap=True)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


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
        self.texts = [c.text for c in claims]
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
        self._show([Hit(i, 0, ()) for i in range(min(self.LIMIT, len(self.claims)))])

    def on_input_changed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self.on_mount()
            return
        self._show(rank(event.value, self.texts, self.LIMIT))

    def _show(self, hits: list[Hit]) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        for hit in hits:
            claim = self.claims[hit.index]
            prompt = Text("≈ " if hit.fuzzy else "  ", style="dim")
            prompt.append(f"{short_name(self.source_of(claim.article), 14):<14}  ", style="italic")
            text = one_line(claim.text)  # one-for-one, so the spans still fit
            pos = 0
            for start, end in hit.spans:
                start, end = max(start, pos), min(end, len(text))
                if start < end:
                    prompt.append(text[pos:start])
                    prompt.append(text[start:end], style="bold reverse")
                    pos = end
            prompt.append(text[pos:])
            results.add_option(Option(prompt, id=claim.id))
        results.highlighted = 0 if results.option_count else None

    def _highlighted(self) -> str | None:
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
    """Where and how to export; returns keyword arguments for annotations.export.write_export."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, default_path: str) -> None:
        super().__init__()
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Label("Export annotations", classes="dialog-title")
            yield Input(self.default_path, id="export-path")
            with RadioSet(id="export-format"):
                yield RadioButton("CSV", value=True, id="fmt-csv")
                yield RadioButton("JSONL", id="fmt-jsonl")
            yield Checkbox("Spreadsheet-safe (BOM, formulas defused)", id="export-excel")
            yield Checkbox("Every claim, tagged or not", id="export-all")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    @property
    def fmt(self) -> str:
        return "jsonl" if self.query_one("#fmt-jsonl", RadioButton).value else "csv"

    def on_radio_set_changed(self) -> None:
        # keep the file extension in step with the format when it is still one of ours
        path_input = self.query_one("#export-path", Input)
        stem, dot, ext = path_input.value.rpartition(".")
        if dot and ext in ("csv", "jsonl"):
            path_input.value = f"{stem}.{self.fmt}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.submit()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.submit()

    def submit(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("Give a file name to export to.", severity="warning", markup=False)
            return
        self.dismiss(
            {
                "out_path": path,
                "fmt": self.fmt,
                "excel": self.query_one("#export-excel", Checkbox).value,
                "all_claims": self.query_one("#export-all", Checkbox).value,
            }
        )
