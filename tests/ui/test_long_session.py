"""A working day at the keyboard, as a model-based test: hundreds of random but reproducible keys
(tags, clears, accepts, notes, links, filters, undo and redo, moves between claims and articles)
on a story of 6 articles of 80 claims, and after every key a plain Python model of what the
reviewer did predicts the database, what the app shows and where the cursor is."""

from __future__ import annotations

import csv
import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from storyfactory import make_evidence, make_story
from textual import events
from textual.widgets import Input

from annotations.store import Store
from reader.models import LABELS, Suggestion
from reader.ui.app import build_app
from reader.ui.dialogs import ConfirmScreen, NoteScreen
from reader.ui.session import FILTERS, LOW_CONFIDENCE
from ui.conftest import writes_landed
from ui.helpers import REVIEWER

TOWNS = ("Eastfield", "Kessa", "Marlow", "Tibbet", "Corrin", "Vale")
THINGS = ("homes", "bridges", "schools", "roads", "shops", "farms")
OUTLETS = ("BBC News", "Reuters", "The Guardian", "AP", "Sky News", "The Times")


def flood_story(articles: int = 6, claims: int = 80):
    """Every article reports the same `claims` facts, each in its own words and some with
    another number, so evidence and suggestions differ from claim to claim."""
    rng = random.Random(11)
    facts = [(rng.choice(TOWNS), rng.choice(THINGS), rng.randint(2, 90)) for _ in range(claims)]
    texts = {}
    for a in range(articles):
        sentences = []
        for i, (town, thing, n) in enumerate(facts):
            n += rng.choice((0, 0, 0, rng.randint(1, 9)))
            sentences.append(
                f"In {town}, {n} {thing} were flooded, {OUTLETS[a]} reported (fact {i})."
                if (i + a) % 2
                else f"{OUTLETS[a]} said {n} {thing} in {town} were under water (fact {i})."
            )
        texts[f"{a:02d}.txt"] = sentences
    story = make_story("flood", texts)
    suggestions = [
        Suggestion(
            c.id, rng.choice(LABELS), "a reason", confidence=rng.choice(("high", "medium", "low"))
        )
        for c in story.claims()
        if rng.random() < 0.8
    ]
    return story, make_evidence(story, top=2), suggestions


EMPTY = (None, "", (), False)  # label, note, links, accepted


@dataclass
class Model:
    """What the database should hold and where the cursor should be, after each key."""

    order: list[list[str]]  # claim ids of each article, in order
    suggested: dict[str, tuple[str, str]]  # claim id -> (label, confidence)
    state: dict[str, tuple] = field(default_factory=dict)
    article: int = 0
    claim: int = 0
    filter: str = "all"
    done: list[list[tuple[str, tuple, tuple]]] = field(default_factory=list)
    undone: list[list[tuple[str, tuple, tuple]]] = field(default_factory=list)

    @property
    def current(self) -> str:
        return self.order[self.article][self.claim]

    def get(self, cid: str) -> tuple:
        return self.state.get(cid, EMPTY)

    def put(self, changes: list[tuple[str, tuple]]) -> None:
        """A reviewer's change: kept for undo unless it changes nothing."""
        unit = [(cid, self.get(cid), new) for cid, new in changes if self.get(cid) != new]
        for cid, _, new in unit:
            self._set(cid, new)
        if unit:
            self.done.append(unit)
            self.undone.clear()

    def _set(self, cid: str, new: tuple) -> None:
        label, note, links, _ = new
        if label is None and not note and not links:
            self.state.pop(cid, None)
        else:
            self.state[cid] = new

    def undo(self, redo: bool = False) -> bool:
        stack, other = (self.undone, self.done) if redo else (self.done, self.undone)
        if not stack:
            return False
        unit = stack.pop()
        for cid, old, new in reversed(unit):
            self._set(cid, new if redo else old)
        other.append(unit)
        self.go(unit[0][0])  # a batch: its first claim, for undo and redo alike
        return True

    def go(self, cid: str) -> None:
        for a, ids in enumerate(self.order):
            if cid in ids:
                self.article, self.claim = a, ids.index(cid)

    def matches(self, cid: str) -> bool:
        label = self.get(cid)[0]
        if self.filter == "all":
            return True
        if self.filter == "untagged":
            return label is None
        if self.filter == LOW_CONFIDENCE:
            return self.suggested.get(cid, (None, None))[1] == "low"
        return label == self.filter

    def move(self, step: int) -> bool:
        ids = self.order[self.article]
        i = self.claim + step
        while 0 <= i < len(ids):
            if self.matches(ids[i]):
                self.claim = i
                return True
            i += step
        return False

    def go_article(self, step: int) -> None:
        self.article = (self.article + step) % len(self.order)
        self.claim = 0
        if not self.matches(self.current):
            self.move(1)

    def next_untagged(self) -> None:
        flat = [(a, c) for a, ids in enumerate(self.order) for c in range(len(ids))]
        here = flat.index((self.article, self.claim))
        for k in range(1, len(flat) + 1):
            a, c = flat[(here + k) % len(flat)]
            if self.get(self.order[a][c])[0] is None:
                self.article, self.claim = a, c
                return

    def tag(self, label: str, accepted: bool = False) -> None:
        _, note, links, _ = self.get(self.current)
        self.put([(self.current, (label, note, links, accepted))])
        self.move(1)

    def clear(self) -> None:
        label, note, links, _ = self.get(self.current)
        if label is not None:
            self.put([(self.current, (None, note, links, False))])

    def note(self, text: str) -> None:
        label, _, links, accepted = self.get(self.current)
        self.put([(self.current, (label, text, links, accepted))])

    def toggle_link(self, other: str) -> None:
        label, note, links, accepted = self.get(self.current)
        links = tuple(x for x in links if x != other) if other in links else (*links, other)
        self.put([(self.current, (label, note, links, accepted))])

    def accept_high(self) -> None:
        changes = []
        for cid in self.order[self.article]:
            label, note, links, _ = self.get(cid)
            got = self.suggested.get(cid)
            if label is None and got and got[1] == "high":
                changes.append((cid, (got[0], note, links, True)))
        self.put(changes)

    def cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        if not self.matches(self.current):
            self.move(1) or self.move(-1)


def as_kept(annotations) -> dict[str, tuple]:
    """Claim id -> (label, note, linked ids, accepted), as the model keeps them."""
    return {
        a.claim_id: (a.label, a.note, tuple(lk.claim_id for lk in a.links), a.accepted_suggestion)
        for a in annotations
    }


CHARS = {"space": " ", "full_stop": ".", "comma": ",", "right_square_bracket": "]",
         "left_square_bracket": "[", "ctrl+z": None, "ctrl+y": None}  # fmt: skip


async def typed(pilot, *keys: str) -> None:
    """Press keys as a fast typist does, each handled and its write landed before the next.
    (Pilot.press waits twice for the process to idle, 20 ms and more a key, and pause draws
    the whole screen: a day of keys must run in seconds, and what is checked is the state
    the screen is drawn from.)"""
    app = pilot.app
    for key in keys:
        key = "space" if key == " " else key
        char = CHARS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, char))
        await pilot._wait_for_screen()
        await writes_landed(app)
        await pilot._wait_for_screen()  # (what a landed write redraws)


KEYS = (
    ["c"] * 8 + ["x"] * 4 + ["u"] * 3 + ["a"] * 4 + ["space"] * 3 + ["j"] * 6 + ["k"] * 3
    + ["n"] * 2 + ["]", "["] + ["f"] * 3 + ["ctrl+z"] * 5 + ["ctrl+y"] * 3 + ["link"] * 4
    + ["compare"] * 2 + ["note"] * 2 + ["A", "o", "v", "search", "search-link", "export"]
)  # fmt: skip
TAGS = {"c": "consistent", "x": "contradicted", "u": "unverified"}


async def a_stretch_of_work(
    app, pilot, model: Model, rng: random.Random, steps: int, other: Store, tmp_path: Path
) -> None:
    """`steps` random keys, each checked against the model once it is handled and against
    the database as `other`, another connection, reads it."""
    review = app.review
    total = sum(map(len, model.order))
    for step in range(steps):
        key = rng.choice(KEYS)
        where = f"step {step} key {key!r} on claim {model.claim} of article {model.article}"
        if key in TAGS:
            await typed(pilot, key)
            model.tag(TAGS[key])
        elif key == "a":
            await typed(pilot, "a")
            got = model.suggested.get(model.current)
            if got:
                model.tag(got[0], accepted=True)
        elif key == "space":
            await typed(pilot, "space")
            model.clear()
        elif key in ("j", "k"):
            await typed(pilot, key)
            model.move(1 if key == "j" else -1)
        elif key == "n":
            await typed(pilot, "n")
            model.next_untagged()
        elif key in ("]", "["):
            await typed(pilot, "right_square_bracket" if key == "]" else "left_square_bracket")
            model.go_article(1 if key == "]" else -1)
        elif key == "f":
            await typed(pilot, "f")
            model.cycle_filter()
        elif key in ("ctrl+z", "ctrl+y"):
            await typed(pilot, key)
            model.undo(redo=key == "ctrl+y")
        elif key == "link":
            candidates = review.evidence()
            number = rng.randint(1, min(9, len(candidates)))
            await typed(pilot, str(number))
            model.toggle_link(candidates[number - 1].other_id)
        elif key == "compare":
            await typed(pilot, *rng.choice((["full_stop"], ["comma", "comma"], [])), "l")
            model.toggle_link(app.compare_cursor)
        elif key == "note":
            text = rng.choice(("check", "two sources", "ask editor", ""))
            await typed(pilot, "e")
            await pilot.pause()
            assert isinstance(app.screen, NoteScreen), where
            await typed(pilot, "f7", "backspace", *text, "ctrl+s")
            await pilot.pause()
            await writes_landed(app)
            model.note(text)
        elif key == "A":
            await typed(pilot, "A")
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):
                await typed(pilot, "y")
                await pilot.pause()
                await writes_landed(app)
                model.accept_high()
        elif key in ("search", "search-link"):
            # a claim of another article, found by its words: enter goes there, ctrl+l links it
            there = rng.choice([a for a in range(len(model.order)) if a != model.article])
            target = rng.choice(model.order[there])
            text = next(c.text for c in review.claims[review.articles[there].name]
                        if c.id == target)  # fmt: skip
            await typed(pilot, "slash")
            await pilot.pause()  # (the dialog mounted)
            app.screen.query_one(Input).value = text
            await typed(pilot, "ctrl+l" if key == "search-link" else "enter")
            await pilot.pause()  # (the dialog gone, its answer taken)
            await writes_landed(app)
            if key == "search-link":
                model.toggle_link(target)
            else:
                model.go(target)
        elif key == "export":
            out = tmp_path / f"export-{len(list(tmp_path.glob('export-*')))}.csv"
            await typed(pilot, "s")
            await pilot.pause()
            app.screen.query_one("#export-path", Input).value = str(out)
            await typed(pilot, "enter")
            await pilot.pause()
            await writes_landed(app)
            with out.open(newline="", encoding="utf-8") as f:
                rows = {r["claim_id"]: r for r in csv.DictReader(f)}
            assert {cid: (r["label"] or None, r["note"]) for cid, r in rows.items()} == {
                cid: s[:2] for cid, s in model.state.items()
            }, where
        else:
            await typed(pilot, key)
        assert as_kept(other.annotations(reviewer=REVIEWER)) == model.state, where
        assert as_kept(app.review.annotations.values()) == model.state, where
        assert (review.article_index, review.claim_index) == (model.article, model.claim), where
        assert review.filter == model.filter, where
        view = app.query_one("#article")
        assert view.current == model.current, where  # ▶ on the claim the keys act on
        marks = {cid: s[0] for cid, s in model.state.items() if s[0]}
        assert view.labels == marks, where  # ✓ ✗ ? in the margin
        assert app.query_one("#compare").linked == set(model.get(model.current)[2]), where
        first, last = view.lines_of(review.claim)
        top = int(view.scroll_y)
        assert top <= first and last < top + view.scrollable_content_region.height, where
        tagged = sum(1 for s in model.state.values() if s[0])
        assert f" {tagged}/{total} tagged" in str(app.query_one("#status").render()), where


def imported(path: Path) -> tuple[str, Model]:
    """A database of the flood story at `path`, and the model of it before any key."""
    story, evidence, suggestions = flood_story()
    with Store.open(path) as store:
        store.import_story(story, evidence, suggestions)
    model = Model(
        [[c.id for c in a.claims] for a in story.articles],
        {s.claim_id: (s.label, s.confidence) for s in suggestions},
    )
    return str(path), model


async def test_a_day_of_random_keys_saves_exactly_what_the_reviewer_did(tmp_path: Path) -> None:
    """Two sittings of work with a restart between them, then every change undone back to the
    empty start and redone to the end: the database and the screen follow the model at every
    key, the cursor never jumps, and the counts are those `crossread stats` gives."""
    db, model = imported(tmp_path / "day.db")
    rng = random.Random(2026)
    other = Store.open(db)  # what survives the app, read by another connection
    for _sitting in range(2):
        app = build_app(db, REVIEWER, advance=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await a_stretch_of_work(app, pilot, model, rng, 150, other, tmp_path)
            model.filter = "all"  # (not remembered; the place is)
        tagged = sum(1 for s in model.state.values() if s[0])
        assert other.progress(reviewer=REVIEWER).overall.tagged == tagged  # as `stats` counts
    final = dict(model.state)
    app = build_app(db, REVIEWER, advance=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert (app.review.article_index, app.review.claim_index) == (model.article, model.claim)
        undone = 0
        while model.undo():
            undone += 1
            await typed(pilot, "ctrl+z")
            assert as_kept(other.annotations(reviewer=REVIEWER)) == model.state
            assert as_kept(app.review.annotations.values()) == model.state
            assert app.review.claim.id == model.current
        assert model.state == {}
        for _ in range(undone):
            model.undo(redo=True)
            await typed(pilot, "ctrl+y")
            assert as_kept(other.annotations(reviewer=REVIEWER)) == model.state
            assert as_kept(app.review.annotations.values()) == model.state
            assert app.review.claim.id == model.current
        assert as_kept(other.annotations(reviewer=REVIEWER)) == final
    other.close()


BURST_KEYS = ("c", "x", "u", "a", "space", "j", "k", "n", "]", "[", "f", "1", "2", "3")


def predict(model: Model, key: str, review) -> None:
    """What one key of a burst does, in the model (before the app has handled the ones before
    it: the evidence numbered is that of the claim the model's cursor is on)."""
    if key in TAGS:
        model.tag(TAGS[key])
    elif key == "a" and model.current in model.suggested:
        model.tag(model.suggested[model.current][0], accepted=True)
    elif key == "space":
        model.clear()
    elif key in ("j", "k"):
        model.move(1 if key == "j" else -1)
    elif key == "n":
        model.next_untagged()
    elif key in ("]", "["):
        model.go_article(1 if key == "]" else -1)
    elif key == "f":
        model.cycle_filter()
    elif key.isdigit():
        claim = review.claims[review.articles[model.article].name][model.claim]
        candidates = review.evidence(claim)
        if int(key) <= len(candidates):
            model.toggle_link(candidates[int(key) - 1].other_id)


async def test_bursts_of_keys_while_the_database_is_locked_are_saved_as_typed(
    tmp_path: Path,
) -> None:
    """Keys typed in bursts, all in one read from the terminal, while another program holds
    the write lock: each is handled before the writes before it land, and once the lock is
    released the database, the labels shown and the cursor are as if each key had waited."""
    db, model = imported(tmp_path / "burst.db")
    rng = random.Random(7)
    other = Store.open(db)
    app = build_app(db, REVIEWER, advance=True)
    async with app.run_test(size=(80, 24)) as pilot:
        review = app.review
        for step in range(50):
            burst = [rng.choice(BURST_KEYS) for _ in range(rng.randint(2, 6))]
            lock = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
            lock.execute("BEGIN IMMEDIATE")  # another program, mid-write
            for key in burst:
                predict(model, key, review)
                name = {"]": "right_square_bracket", "[": "left_square_bracket"}.get(key, key)
                app.post_message(events.Key(name, CHARS.get(name, key)))
            await pilot._wait_for_screen()
            lock.execute("COMMIT")
            lock.close()
            await writes_landed(app)
            await pilot._wait_for_screen()
            where = f"step {step} burst {burst}"
            assert as_kept(other.annotations(reviewer=REVIEWER)) == model.state, where
            assert as_kept(review.annotations.values()) == model.state, where
            assert (review.article_index, review.claim_index) == (model.article, model.claim), where
            assert not review.saving, where
    other.close()
