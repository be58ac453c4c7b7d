"""Adjudication: every reviewer's label, note and linked evidence for a claim, side by side.

The adjudicator's decision (c / x / u, with an optional reason) becomes the claim's final
label, stored with who decided and when, in the event log, undoable (ctrl+z / ctrl+y walk the
adjudicator's decisions only). `n` jumps to the next undecided disagreement, or to the next
claim only one reviewer labelled (`m` switches).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from reader.corpus.sources import display_source
from reader.models import LABELS
from reader.ui.textutil import note_shown, one_line, sanitize

if TYPE_CHECKING:
    from collections.abc import Callable

    from annotations.store import Annotation, Event, Final, Store
    from reader.models import Claim

MODES = {"disagreement": "next disagreement", "single": "next claim with a single label"}
KEYS = {"c": "consistent", "x": "contradicted", "u": "unverified"}


@dataclass(frozen=True)
class TeamLabels:
    """What the adjudication screen reads of the whole database (`read_team`)."""

    labels: dict[str, dict[str, str]]  # claim id -> reviewer -> label
    finals: dict[str, Final]
    sources: dict[tuple[str, str], str]  # (story, article) -> what to call it: its outlet
    orphan_ids: set[str]  # claims no longer in their article
    claims: list[Claim]  # those labelled or decided, each story's orphans after its claims


def read_team(store: Store) -> TeamLabels:
    """Every reviewer's labels and the final labels, the labels alone: the notes and links are
    read for the claim shown (`Adjudication.annotations_of`). Any store will do, e.g. a
    read-only one in a worker."""
    labels = store.labels()
    finals = store.finals()
    sources = {
        (a.story, a.name): display_source(a.name, a.source)
        for story in store.stories()
        for a in store.articles(story)
    }
    # claims a re-import took away, labelled or decided: shown after their story's claims
    # with the sentence they had (as `export --final` lists them), never to be decided again
    stories = {story: store.claims(story) for story in store.stories()}
    gone = {a.claim_id: a for a in store.orphans() if a.claim_id in labels}
    orphans = _orphans(gone, store.orphaned_finals())
    claims = [
        c
        for story, claims in stories.items()
        for c in [*claims, *orphans.get(story, [])]
        if c.id in labels or c.id in finals
    ]
    orphan_ids = {c.id for cs in orphans.values() for c in cs}
    return TeamLabels(labels, finals, sources, orphan_ids, claims)


class Adjudication:
    """The claims reviewers labelled, their labels and the final ones (no Textual here)."""

    def __init__(self, store: Store, adjudicator: str) -> None:
        self.store = store
        self.adjudicator = adjudicator
        self.mode = "disagreement"
        self.index = 0
        self.claims: list[Claim] = []
        self.labels: dict[str, dict[str, str]] = {}  # claim id -> reviewer -> label
        self.orphan_ids: set[str] = set()  # claims no longer in their article (`gone`)
        # this window's own decisions, counted: a whole read begun before one may lack it
        self.changes = 0
        self.reload()

    def reload(self) -> None:
        """Re-read labels and final labels (another process wrote)."""
        self.adopt(read_team(self.store))

    def adopt(self, team: TeamLabels) -> None:
        """Show what `read_team` read (perhaps on another thread), on the same claim."""
        current = self.claim.id if self.claims else None
        self.labels, self.finals, self.sources = team.labels, team.finals, team.sources
        self.orphan_ids, self.claims = team.orphan_ids, team.claims
        ids = [c.id for c in self.claims]
        self.index = ids.index(current) if current in ids else min(self.index, len(ids) - 1)
        self.index = max(self.index, 0)

    def _decided(self) -> None:
        """After this window's decision, its withdrawal or undo: only final labels changed, so
        only they are re-read (re-reading every label took half a second a key with 21,000).
        A claim with a final label and no reviewer's label coming or going changes the list
        of claims: then everything is."""
        self.changes += 1
        unlabelled = self.finals.keys() - self.labels.keys()
        self.finals = self.store.finals()
        if self.finals.keys() - self.labels.keys() != unlabelled:
            self.reload()

    @property
    def claim(self) -> Claim | None:
        return self.claims[self.index] if 0 <= self.index < len(self.claims) else None

    def annotations_of(self, claim_id: str) -> dict[str, Annotation]:
        """Reviewer -> their labelled annotation of the claim (note and links too)."""
        return {
            a.reviewer: a for a in self.store.claim_annotations(claim_id) if a.label is not None
        }

    def disagrees(self, claim_id: str) -> bool:
        return len(set(self.labels.get(claim_id, {}).values())) > 1

    def gone(self, claim: Claim | None = None) -> bool:
        """Whether the claim (the current one by default) is an orphan: its sentence is no
        longer in its article."""
        claim = claim or self.claim
        return claim is not None and claim.index < 0

    def wanted(self, claim_id: str) -> bool:
        """Whether `n` stops here: undecided, and a disagreement (or a single label)."""
        if claim_id in self.finals or claim_id in self.orphan_ids:
            return False
        if self.mode == "single":
            return len(self.labels.get(claim_id, {})) == 1
        return self.disagrees(claim_id)

    def left(self) -> tuple[int, int]:
        """(undecided disagreements, all disagreements)."""
        disagreements = [c.id for c in self.claims if self.disagrees(c.id) and not self.gone(c)]
        return sum(1 for cid in disagreements if cid not in self.finals), len(disagreements)

    def next(self) -> bool:
        """Go to the next claim `n` stops at, wrapping; False if there is none."""
        n = len(self.claims)
        for k in range(1, n + 1):
            i = (self.index + k) % n
            if self.wanted(self.claims[i].id):
                self.index = i
                return True
        return False

    def move(self, step: int) -> None:
        if self.claims:
            self.index = max(0, min(len(self.claims) - 1, self.index + step))

    def switch_mode(self) -> str:
        self.mode = "single" if self.mode == "disagreement" else "disagreement"
        return self.mode

    def decide(self, label: str) -> None:
        """Make `label` the final label; the stored reason stays (as it is now, not as this
        window last read it: another window may have saved a newer one)."""
        if self.claim is not None:
            self.store.decide(self.claim.id, label, self.adjudicator)
            self._decided()

    def give_reason(self, claim: Claim, label: str, reason: str, shown: tuple[str, str]) -> None:
        """Decide `label` with `reason` on `claim`, whose final label and reason were `shown`
        when the editor opened. Raises StaleFinal, writing nothing, when they changed since."""
        self.store.decide(claim.id, label, self.adjudicator, reason, expect=shown)
        self._decided()

    def withdraw(self) -> None:
        if self.claim is not None:
            self.store.undecide(self.claim.id, self.adjudicator)
            self._decided()

    def undo(self, redo: bool = False) -> Event | None:
        store, who = self.store, self.adjudicator
        event = store.redo(who, final=True) if redo else store.undo(who, final=True)
        self._decided()
        if event is not None:
            self.index = next(
                (i for i, c in enumerate(self.claims) if c.id == event.claim_id), self.index
            )
        return event


def _orphans(labelled: dict[str, Annotation], finals: list[Final]) -> dict[str, list[Claim]]:
    """Story -> the labelled or decided claims no longer in their article (one annotation of
    each labelled one, or its final label, keeps its sentence): as claims with the sentence and
    article their snapshots keep, and no place in it (index -1)."""
    from reader.models import Claim

    had = {cid: (a.story, a.article, a.claim_text) for cid, a in labelled.items()}
    for f in finals:
        had.setdefault(f.claim_id, (f.story, f.article, f.claim_text))
    out: dict[str, list[Claim]] = {}
    for cid, (story, article, text) in sorted(had.items(), key=lambda kv: (kv[1][:2], kv[0])):
        out.setdefault(story, []).append(Claim(cid, story, article, -1, 0, 0, text))
    return out


# The narrowest a reviewer's column side by side may be: "contradicted" and its padding.
# Narrower (twelve reviewers at 80 columns), names and labels were cut to "revi…" "con…".
COLUMN = 16


def reviewers_table(
    labels: dict[str, Annotation], style: Callable[[str], Style], width: int = 1000
) -> Table:
    """One column per reviewer: label (in `style(label)`), note, linked evidence (all shown
    literally); one row per reviewer instead when that many columns do not fit in `width`."""
    names = sorted(labels)
    if len(names) * COLUMN > width:
        return _reviewer_rows(labels, names, style)
    table = Table(expand=True, show_lines=True, box=None, padding=(0, 1))
    for name in names:
        table.add_column(Text(one_line(name), style="bold"), ratio=1)
    table.add_row(*(_label(labels[n].label, style) for n in names))
    table.add_row(
        *(Text(sanitize(note_shown(labels[n].note)) or "no note", style="italic") for n in names)
    )
    table.add_row(
        *(
            Text(
                "\n".join(f"• {one_line(lk.text)}" for lk in labels[n].links)
                or "no linked evidence"
            )
            for n in names
        )
    )
    return table


def _reviewer_rows(
    labels: dict[str, Annotation], names: list[str], style: Callable[[str], Style]
) -> Table:
    """A reviewer a row: name, label, then their note and the sentences they linked."""
    table = Table(expand=True, box=None, padding=(0, 1), show_header=False)
    table.add_column(no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for n in names:
        a = labels[n]
        said = Text(sanitize(note_shown(a.note)), style="italic")
        for lk in a.links:
            said.append(f"{chr(10) if said else ''}• {one_line(lk.text)}")
        table.add_row(Text(one_line(n), style="bold"), _label(a.label, style), said)
    return table


def _label(label: str | None, style: Callable[[str], Style]) -> Text:
    return Text(label or "", style=style(label) if label in LABELS else "")


class ReviewersBox(VerticalScroll, can_focus=False):
    """The reviewers side by side; never focused, so every key is the screen's (J K scroll)."""

    def on_mount(self) -> None:
        self.border_subtitle = "J K scroll"


class AdjudicateScreen(ModalScreen[None]):
    """The adjudicator's screen; escape goes back to the review, q quits."""

    CSS_PATH = "adjudicate.tcss"
    # the theme's label colours (adjudicate.tcss), readable in light themes and NO_COLOR's greys
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"adjudicate--{label}" for label in LABELS}
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(k, f"decide('{lab}')", lab.capitalize(), id=f"decide_{lab}")
          for k, lab in KEYS.items()),
        Binding("n", "next", "Next", id="adjudicate_next"),
        # in view at 80 columns: how to learn the keys, leave, and go back to the review
        Binding("question_mark", "help", "Help", id="adjudicate_help"),
        Binding("q", "app.quit", "Quit", id="adjudicate_quit"),
        Binding("escape", "close", "Review", id="adjudicate_close"),
        Binding("e", "reason", "Reason", id="adjudicate_reason"),
        Binding("space", "withdraw", "Withdraw", id="adjudicate_withdraw"),
        Binding("m", "mode", "n: disagreements/single", id="adjudicate_mode"),
        Binding("ctrl+z", "undo", "Undo", id="adjudicate_undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="adjudicate_redo"),
        # as on the review screen: ↓ ↑ j k move between claims, J K and the page keys scroll
        # (the box took ↓ ↑ to scroll once it overflowed, and only then)
        Binding("j,down", "move(1)", "Next claim", show=False, id="adjudicate_down"),
        Binding("k,up", "move(-1)", "Previous claim", show=False, id="adjudicate_up"),
        Binding("J,pagedown", "scroll(1)", "Scroll", show=False, id="adjudicate_scroll_down"),
        Binding("K,pageup", "scroll(-1)", "Scroll", show=False, id="adjudicate_scroll_up"),
    ]  # fmt: skip

    def __init__(self, store: Store, adjudicator: str) -> None:
        super().__init__()
        self.adjudication = Adjudication(store, adjudicator)

    def compose(self) -> ComposeResult:
        with Vertical(id="adjudicate"):
            yield Static(id="adj-status")
            yield Static(id="adj-claim")
            with ReviewersBox(id="adj-scroll"):
                yield Static(id="adj-reviewers")
            yield Static(id="adj-final")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        adj = self.adjudication
        if adj.claim is not None and not adj.wanted(adj.claim.id):
            adj.next()
        self.show()
        self.app.theme_changed_signal.subscribe(self, lambda _: self.call_after_refresh(self.show))

    def _style(self, label: str) -> Style:
        return self.get_component_rich_style(f"adjudicate--{label}", partial=True)

    def on_resize(self) -> None:
        self.show()  # (side by side or a reviewer a row, as the width allows)

    def on_database_changed(self) -> None:
        """Another connection wrote (DatabaseWatch): re-read on a worker, then redraw. On the
        screen's thread it froze the screen (a sixth of a second with 21,000 labels, most of
        a second with more), every 10 s at least: the window's own "still open" note is
        another connection's write."""
        self._read_team()

    @work(thread=True, exclusive=True, group="team", exit_on_error=False)
    def _read_team(self) -> None:
        from annotations.store import StoreError

        adj = self.adjudication
        worker = get_current_worker()
        try:
            store = adj.store.open_again(read_only=True)  # (a connection is for one thread)
            try:
                shown = False
                while not shown:  # again if a decision of this window landed meanwhile:
                    changes = adj.changes  # what was read may be from before it
                    team = read_team(store)
                    if worker.is_cancelled:  # a newer read, begun after another write, shows
                        return  # what is newer than this
                    shown = self.app.call_from_thread(self._team_read, team, changes)
            finally:
                store.close()
        except StoreError as exc:
            self.app.call_from_thread(self.app.say, str(exc), error=True)

    def _team_read(self, team: TeamLabels, changes: int) -> bool:
        """Show `team`, read when this window had made `changes` decisions; False if it has
        made more since."""
        if changes != self.adjudication.changes:
            return False
        self.adjudication.adopt(team)
        self.show()
        return True

    def show(self) -> None:
        adj = self.adjudication
        left, total = adj.left()
        status = Text(f"Adjudicating as {one_line(adj.adjudicator)} · ", style="bold")
        status.append(f"disagreements left: {left} of {total}")
        status.append(f" · n: {MODES[adj.mode]}", style="dim")
        self.query_one("#adj-status", Static).update(status)
        claim = adj.claim
        if claim is None:
            self.query_one("#adj-claim", Static).update(
                Text("No claim has a reviewer's label yet: nothing to adjudicate.")
            )
            self.query_one("#adj-reviewers", Static).update("")
            self.query_one("#adj-final", Static).update("")
            return
        place = (
            "no longer in its article: kept as an orphan"
            if adj.gone()
            else f"claim {claim.index + 1}"
        )
        head = Text(
            f"{one_line(claim.story)} / "
            f"{one_line(adj.sources.get((claim.story, claim.article), claim.article))} · "
            f"{place} · {adj.index + 1}/{len(adj.claims)}\n",
            style="dim",
        )
        head.append(sanitize(claim.text), style="bold")
        self.query_one("#adj-claim", Static).update(head)
        self.query_one("#adj-reviewers", Static).update(
            # (the screen's width less its padding, the box's border and scroll bar)
            reviewers_table(adj.annotations_of(claim.id), self._style, self.size.width - 6)
        )
        final = adj.finals.get(claim.id)
        if final is None:
            line = Text("final label: none yet (c / x / u decides)")
        else:
            line = Text("final label: ")
            decided = _label(final.label, self._style)
            decided.stylize("bold")
            line.append_text(decided)
            when = final.decided_at[:19].replace("T", " ")
            line.append(f" · by {one_line(final.decided_by)} at {when} UTC")
            line.append(f" · reason: {one_line(final.reason)}" if final.reason else " · no reason")
        self.query_one("#adj-final", Static).update(line)

    def _do(self, write) -> None:
        from annotations.store import StoreError

        try:
            write()
        except StoreError as exc:
            self.app.say(f"Not saved: {exc}", error=True)
        self.show()

    def action_decide(self, label: str) -> None:
        if label in LABELS:
            self._do(lambda: self.adjudication.decide(label))

    def action_withdraw(self) -> None:
        self._do(self.adjudication.withdraw)

    def action_next(self) -> None:
        kind = "disagreement" if self.adjudication.mode == "disagreement" else "single label"
        on = self.adjudication.index
        if not self.adjudication.next():
            self.app.say(f"No undecided {kind} left.")
        elif self.adjudication.index == on:  # (it wrapped round to this one: n did nothing)
            self.app.say(f"This is the last undecided {kind}: c / x / u decides it.")
        self.show()

    def action_move(self, step: int) -> None:
        self.adjudication.move(step)
        self.show()

    def action_scroll(self, step: int) -> None:
        box = self.query_one(ReviewersBox)
        box.scroll_page_down(animate=False) if step > 0 else box.scroll_page_up(animate=False)

    def action_help(self) -> None:
        from reader.ui.help import ADJUDICATION_HELP, HelpScreen

        self.app.push_screen(HelpScreen(sections=ADJUDICATION_HELP))

    def action_mode(self) -> None:
        mode = self.adjudication.switch_mode()
        self.app.say(f"n now goes to the {MODES[mode]}.")
        self.show()

    def action_reason(self) -> None:
        adj = self.adjudication
        claim = adj.claim
        final = adj.finals.get(claim.id) if claim else None
        if claim is None or final is None:
            self.app.say("Decide first (c / x / u), then e gives the reason.")
            return
        if adj.gone():
            self.app.say("This sentence is no longer in its article: its final label is kept.")
            return
        self._edit_reason(claim, final.label, (final.label, final.reason))

    def _edit_reason(
        self, claim: Claim, label: str, shown: tuple[str, str], typed: str | None = None
    ) -> None:
        """The reason editor for `claim`'s final label `label`, whose (label, reason) were
        `shown` when it opened (`typed`: the adjudicator's text, back after another window
        decided meanwhile). As for a note, a save over a change made elsewhere is refused
        once: the editor comes back with the text typed and what is stored now above it."""
        from annotations.store import StaleFinal, StoreError
        from reader.ui.dialogs import NoteScreen

        def done(reason: str | None) -> None:
            if reason is None:
                return
            try:
                self.adjudication.give_reason(claim, label, reason, shown)
            except StaleFinal as stale:
                self.adjudication.reload()  # (what is stored now, also behind the editor)
                now = stale.final
                if now is None:  # withdrawn: ctrl+s decides this editor's label again
                    self._edit_reason(claim, label, ("", ""), reason)
                else:
                    self._edit_reason(claim, now.label, (now.label, now.reason), reason)
            except StoreError as exc:
                self.app.say(f"Not saved: {exc}", error=True)
            self.show()

        title = "Reason for the final label"
        if typed is None:
            dialog = NoteScreen(claim.text, shown[1], title=title, what="reason")
        else:
            saved = (
                f"{shown[1] or '(no reason)'} (final label: {shown[0]})"
                if shown[0]
                else f"none: the final label was withdrawn (ctrl+s decides {label} again)"
            )
            dialog = NoteScreen(claim.text, typed, title=title, saved=saved, what="reason")
        self.app.push_screen(dialog, done)

    def _undo(self, redo: bool) -> None:
        from annotations.store import StoreError

        try:
            event = self.adjudication.undo(redo=redo)
        except StoreError as exc:
            self.app.say(f"Not saved: {exc}", error=True)
            return
        if event is None:
            self.app.say("Nothing to redo." if redo else "Nothing to undo.")
        self.show()

    def action_undo(self) -> None:
        self._undo(redo=False)

    def action_redo(self) -> None:
        self._undo(redo=True)

    def action_close(self) -> None:
        self.dismiss(None)
