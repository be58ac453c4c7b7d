"""The reviewer's place in the corpus and their labels, over an open Store (no Textual here).

The app asks this object what to show and tells it what the reviewer did; every write goes
straight to the Store, and the cache below is only updated from what the Store returned, so the
screen can never show a tag as saved that the database does not hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reader.corpus.sources import display_source
from reader.models import LABELS, Claim, Evidence, Suggestion
from reader.ui.textutil import distinct_names

if TYPE_CHECKING:
    from annotations.store import Annotation, ArticleRow, Event, Store

LOW_CONFIDENCE = "low-confidence suggestions"
FILTERS = ("all", "untagged", *LABELS, LOW_CONFIDENCE)
Landed = Callable[[Any, "Exception | None"], None]  # a write's result or error, back on the UI
NO_SCORE = float("nan")  # a pair alignment did not keep has no score: shown as "–", never invented


class Gone(Exception):
    """A write refused because its claim is no longer in the database: the story was imported
    again, without that sentence, while the write was on its way (or a note being written)."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(
            "its sentence is no longer in the article: the story was imported again meanwhile"
        )
        self.cause = cause


@dataclass(frozen=True)
class ArticleProgress:
    tagged: int
    total: int


@dataclass(frozen=True)
class StoryData:
    """What opening a story reads from the database: its articles, claims and the labels."""

    name: str
    articles: list[ArticleRow]
    claims: list[Claim]
    annotations: list[Annotation]


def read_story(store: Store, story: str, reviewer: str) -> StoryData:
    """Read a story for `Review.adopt`; any store will do, e.g. a read-only one in a worker."""
    return StoryData(
        story,
        store.articles(story),
        store.claims(story),
        store.annotations(story=story, reviewer=reviewer),
    )


class Review:
    """Navigation (story, article, claim, filter) and cached labels for one reviewer."""

    def __init__(self, store: Store, reviewer: str) -> None:
        self.store = store
        self.reviewer = reviewer
        self.stories: list[str] = store.stories()
        # stories whose evidence and suggestions are still being worked out (`import_claims`)
        self.analysing: set[str] = store.analysing()
        self.story: str = ""
        self.articles: list[ArticleRow] = []
        self.claims: dict[str, list[Claim]] = {}  # article name -> claims in order
        self.sources: dict[str, str] = {}  # article name -> what to call it (its source)
        self.annotations: dict[str, Annotation] = {}  # claim id -> this reviewer's annotation
        # tagged claims per article, kept as labels change: the counts are drawn on every key
        self._tagged: Counter[str] = Counter()
        self._article_of: dict[str, str] = {}  # claim id -> article, for the claims shown
        self.article_index = 0
        self.claim_index = 0
        self.filter = "all"
        self._evidence: dict[str, list[Evidence]] = {}
        self._suggestions: dict[str, Suggestion | None] = {}
        self._suggested: dict[str, tuple[str, str] | None] = {}  # claim -> (label, confidence)
        self._overwrite: str | None = None  # claim whose newer label the reviewer was shown
        # writes go here (the app hands them to its writer thread); `on_landed(error)` after each
        self.run_write: Callable[[Callable[[Store], Any], Landed], None] = self._run_now
        self.on_landed: Callable[[Exception | None], None] = lambda error: None
        self.saving: dict[str, str | None] = {}  # claim -> the label it will have, while saving
        self._in_flight: Counter[str] = Counter()  # claim -> its writes not yet landed
        self._saved_place: tuple[str, str, str] | None = None

    # ---- loading -----------------------------------------------------------------------------
    def open_story(self, story: str) -> None:
        self.adopt(read_story(self.store, story, self.reviewer))

    def adopt(self, story: StoryData) -> None:
        """Make a story read by `read_story` (perhaps on another thread) the current one."""
        self.story = story.name
        self.articles = story.articles
        self.claims = {a.name: [] for a in self.articles}
        # told apart where they are named in fewest cells (30 files sharing a long start all
        # read "the-very-long-pr…")
        self.sources = distinct_names(
            {a.name: display_source(a.name, a.source) for a in self.articles}
        )
        for claim in story.claims:
            self.claims.setdefault(claim.article, []).append(claim)
        for claims in self.claims.values():
            claims.sort(key=lambda c: c.index)
        self._article_of = {c.id: name for name, claims in self.claims.items() for c in claims}
        self._evidence.clear()
        self._suggestions.clear()
        self._suggested.clear()
        self.article_index = 0
        self.claim_index = 0
        self._set_annotations(story.annotations)

    def imported_again(self) -> bool:
        """True when the open story's files were imported again, changed, since it was read
        (by `crossread import` or another window): its claims are no longer those shown."""
        if not self.story:
            return False
        shown = {a.name: a.sha256 for a in self.articles}
        return self.store.article_files(self.story) != shown

    def adopt_again(self, story: StoryData) -> int:
        """`adopt` the open story read again after `imported_again`, at the same place: the
        same claim if it is still there, else the same position in the same article. Returns
        how many of the reviewer's labels were on claims shown before and gone now (they are
        kept, as orphans)."""
        article = self.article.name if self.articles else None
        claim, index = self.claim, self.claim_index
        before = set(self._article_of)
        self.adopt(story)
        if claim is None or not self.go_claim(claim.id):
            names = [a.name for a in self.articles]
            if article in names:
                self.article_index = names.index(article)
                self.claim_index = max(0, min(index, len(self.article_claims) - 1))
        return sum(
            1
            for cid, a in self.annotations.items()
            if a.label and cid in before and cid not in self._article_of
        )

    def reload_annotations(self) -> None:
        """Re-read this reviewer's labels (another instance may have written some)."""
        self._set_annotations(self.store.annotations(story=self.story, reviewer=self.reviewer))

    def reload_stories(self) -> bool:
        """Re-read the list of stories (`crossread import` may have added some) and which are
        still analysing. True when the current story's evidence and suggestions are now in:
        they are read again (they were read, and kept, as none)."""
        self.stories = self.store.stories()
        was, self.analysing = self.analysing, self.store.analysing()
        landed = self.story in was - self.analysing
        if landed:
            self._evidence.clear()
            self._suggestions.clear()
            self._suggested.clear()
        return landed

    def _set_annotations(self, annotations: list[Annotation]) -> None:
        self.annotations = {a.claim_id: a for a in annotations}
        self._tagged = Counter(
            self._article_of[i]
            for i, a in self.annotations.items()
            if a.label and i in self._article_of
        )

    def restore(self, story: str | None = None) -> None:
        """Open `story` (the one `crossread PATH` imported), or else the one the reviewer left
        off in, or the first; at the place left off in it, if that is in it."""
        if not self.stories:
            return
        saved = self.store.get_state(self.reviewer, "story")
        chosen = next((s for s in (story, saved) if s in self.stories), self.stories[0])
        self.open_story(chosen)
        if chosen != saved:
            return
        names = [a.name for a in self.articles]
        article = self.store.get_state(self.reviewer, "article")
        if article in names:
            self.article_index = names.index(article)
        claim_id = self.store.get_state(self.reviewer, "claim")
        for i, claim in enumerate(self.article_claims):
            if claim.id == claim_id:
                self.claim_index = i

    def save_place(self) -> None:
        """Remember where the reviewer is (on the writer: the place is a convenience, so a
        failure to save it is not reported)."""
        if self.story and self.articles:
            claim = self.claim
            place = (self.story, self.article.name, claim.id if claim else "")
            if place == self._saved_place:
                return  # no write: other windows would see a change and redraw for nothing
            self._saved_place = place

            def write(store: Store) -> None:
                for key, value in zip(("story", "article", "claim"), place, strict=True):
                    store.set_state(self.reviewer, key, value)

            self.run_write(write, lambda result, error: None)

    # ---- what is current ---------------------------------------------------------------------
    @property
    def article(self) -> ArticleRow:
        return self.articles[self.article_index]

    @property
    def article_claims(self) -> list[Claim]:
        return self.claims.get(self.article.name, []) if self.articles else []

    @property
    def claim(self) -> Claim | None:
        claims = self.article_claims
        return claims[self.claim_index] if 0 <= self.claim_index < len(claims) else None

    def source_of(self, article: str) -> str:
        """What to call an article of this story on screen: its source."""
        return self.sources.get(article) or display_source(article, "")

    def with_sources(self, text: str) -> str:
        """`text` (a suggestion's reason) with the story's file names replaced by their sources."""
        names = [n for n in self.sources if n in text]
        if not names:
            return text
        # one pass, longest name first: "bbc.txt" replaced inside "cbbc.txt" read "cBBC News"
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.sub(pattern, lambda m: self.sources[m.group(0)], text)

    def label_of(self, claim_id: str) -> str | None:
        ann = self.annotations.get(claim_id)
        return ann.label if ann else None

    def matches(self, claim: Claim) -> bool:
        label = self.shown_label(claim.id)  # a label still saving is the reviewer's already
        if self.filter == "all":
            return True
        if self.filter == "untagged":
            return label is None
        if self.filter == LOW_CONFIDENCE:
            return self.confidence(claim) == "low"
        return label == self.filter

    def progress(self, article: str | None = None) -> ArticleProgress:
        """Tagged/total for one article of the story, or the whole story."""
        names = [article] if article else list(self.claims)
        total = sum(len(self.claims.get(n, ())) for n in names)
        return ArticleProgress(sum(self._tagged[n] for n in names), total)

    def evidence(self, claim: Claim | None = None) -> list[Evidence]:
        """Every candidate of the claim, in the order the evidence list numbers them.

        The aligned candidates of every other article, then sentences the reviewer linked by
        hand (from the comparison pane or search) that alignment did not keep.
        """
        claim = claim or self.claim
        if claim is None:
            return []
        ranked = self._all_evidence(claim)
        ann = self.annotations.get(claim.id)
        shown = {e.other_id for e in ranked}
        extra = [
            Evidence(claim.id, link.claim_id, link.article, 0, NO_SCORE, link.text)
            for link in (ann.links if ann else ())
            if link.claim_id not in shown
        ]
        return ranked + extra

    def _all_evidence(self, claim: Claim) -> list[Evidence]:
        """The sentences the suggestion rests on first, then the aligned ones strongest first.

        A paraphrase that disagrees ("six-hour" vs "eight hours") often aligns below the top
        three, yet it is the sentence the reviewer most needs to see and link. Every candidate
        shows its one stored pair score (`reader.align.score`), whoever found it.
        """
        if claim.id not in self._evidence:
            aligned = sorted(self.store.evidence(claim.id), key=lambda e: (-e.score, e.rank))
            score = {e.other_id: e.score for e in aligned}
            sugg = self.suggestion(claim)
            ranked = [
                replace(e, score=score.get(e.other_id, NO_SCORE))
                for e in (sugg.evidence if sugg else ())
            ]
            seen = {e.other_id for e in ranked}
            ranked += [e for e in aligned if e.other_id not in seen]
            self._evidence[claim.id] = ranked
        return self._evidence[claim.id]

    def suggestion(self, claim: Claim | None = None) -> Suggestion | None:
        claim = claim or self.claim
        if claim is None:
            return None
        if claim.id not in self._suggestions:
            self._suggestions[claim.id] = self.store.suggestion(claim.id)
        return self._suggestions[claim.id]

    def confidence(self, claim: Claim) -> str | None:
        """The confidence of the claim's suggestion (None without one)."""
        got = self._suggested_of(claim)
        return got[1] if got else None

    def _suggested_of(self, claim: Claim) -> tuple[str, str] | None:
        """The claim's suggested label and confidence, its article's read together: `A` and the
        low-confidence filter go through a whole article, and a full `suggestion` a claim took
        seconds a thousand claims where the other articles are long (each evidence sentence is
        cut from its article's text)."""
        if claim.id not in self._suggested:
            ids = [c.id for c in self.claims.get(self._article_of.get(claim.id, ""), [claim])]
            got = self.store.suggested(ids)
            self._suggested.update((cid, got.get(cid)) for cid in ids)
        return self._suggested.get(claim.id)

    def counterpart(self, article: str) -> Claim | None:
        """The best-matching claim of `article` for the current claim, if any."""
        claim = self.claim
        if claim is None:
            return None
        top = next((e for e in self._all_evidence(claim) if e.article == article), None)
        if top is None:
            return None
        for c in self.claims.get(article, []):
            if c.id == top.other_id:
                return c
        return None

    # ---- moving ------------------------------------------------------------------------------
    def _place(self) -> tuple[str, int, int]:
        return self.story, self.article_index, self.claim_index

    def move(self, step: int) -> bool:
        """Next/previous claim of the article that passes the filter; False at the end."""
        claims = self.article_claims
        i = self.claim_index + step
        while 0 <= i < len(claims):
            if self.matches(claims[i]):
                self.claim_index = i
                return True
            i += step
        return False

    def go_article(self, index: int) -> None:
        self.article_index = index % len(self.articles)
        self.claim_index = 0
        self.reload_annotations()
        if self.article_claims and not self.matches(self.article_claims[0]):
            self.move(1)

    def go_claim(self, claim_id: str) -> bool:
        for ai, article in enumerate(self.articles):
            for ci, claim in enumerate(self.claims.get(article.name, [])):
                if claim.id == claim_id:
                    if ai != self.article_index:
                        self.article_index = ai
                        self.reload_annotations()
                    self.claim_index = ci
                    return True
        return False

    def next_untagged(self) -> bool:
        """The next untagged claim after the current one, across articles (wrapping)."""
        self.reload_annotations()
        order = [
            (ai, ci) for ai, a in enumerate(self.articles) for ci in range(len(self.claims[a.name]))
        ]
        if not order:
            return False
        here = order.index((self.article_index, self.claim_index)) if self.claim else -1
        for k in range(1, len(order) + 1):
            ai, ci = order[(here + k) % len(order)]
            claim = self.claims[self.articles[ai].name][ci]
            if self.shown_label(claim.id) is None:
                self.article_index, self.claim_index = ai, ci
                return True
        return False

    def cycle_filter(self) -> str:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        return self.filter

    # ---- writing -----------------------------------------------------------------------------
    # Each write goes to `run_write` (the app's writer thread; by default right here) and the
    # claim counts as saving until it lands: `landed` then updates the cache from what the
    # database returned, or leaves it as the database is and reports the error.
    def _run_now(self, write: Callable[[Store], Any], landed: Landed) -> None:
        from annotations.store import StoreError

        try:
            result = write(self.store)
        except StoreError as exc:
            landed(None, exc)
        else:
            landed(result, None)

    def _submit(
        self,
        saving: dict[str, str | None],
        write: Callable[[Store], Any],
        then: Callable[[Any], None] | None = None,
        refused: Callable[[Exception], None] | None = None,
    ) -> None:
        """Save `write`; each claim of `saving` shows the label given there until it lands.
        `then(result)` once saved; `refused(error)` if it was not."""
        from annotations.store import InvalidInput, Stale

        for claim_id, label in saving.items():
            self.saving[claim_id] = label
            self._in_flight[claim_id] += 1

        def landed(result: Any, error: Exception | None) -> None:
            if isinstance(error, InvalidInput) and not all(map(self.has_claim, saving)):
                # (the store knows no such claim id: a re-import took its sentence away)
                error = Gone(error)
            for claim_id in saving:
                self._in_flight[claim_id] -= 1
                if not self._in_flight[claim_id]:
                    del self._in_flight[claim_id]
                    self.saving.pop(claim_id, None)
            if error is None:
                if then is not None:
                    then(result)
            elif len(saving) == 1:  # back to the claim whose change was not saved
                claim_id = next(iter(saving))
                if isinstance(error, Stale):
                    if error.what == "label":  # the same key again overwrites the newer label
                        self._overwrite = claim_id
                    self._apply(claim_id, error.current)  # show the newer one, as stored
                self.go_claim(claim_id)
            if error is not None and refused is not None:
                refused(error)
            self.on_landed(error)

        self.run_write(write, landed)

    def has_claim(self, claim_id: str) -> bool:
        """Whether `claim_id` is a claim of the story as last read (a re-import may take one
        away)."""
        return claim_id in self._article_of

    def _apply(self, claim_id: str, ann: Annotation | None) -> None:
        """The cache takes a claim's annotation as the database returned it."""
        if claim_id not in self._article_of:
            return  # a write that landed after the reviewer opened another story
        was = self.label_of(claim_id)
        if bool(was) != bool(ann and ann.label):
            self._tagged[self._article_of[claim_id]] += 1 if not was else -1
        if ann is None or (ann.label is None and not ann.note and not ann.links):
            self.annotations.pop(claim_id, None)
        else:
            self.annotations[claim_id] = ann

    def _annotate(
        self,
        claim_id: str,
        write: Callable[[Store], Annotation | None],
        showing: str | None,
        refused: Callable[[Exception], None] | None = None,
    ) -> bool:
        self._submit({claim_id: showing}, write, lambda ann: self._apply(claim_id, ann), refused)
        return True

    def shown_label(self, claim_id: str) -> str | None:
        """The label the reviewer last asked for: a saving one, else the stored one."""
        return self.saving[claim_id] if claim_id in self._in_flight else self.label_of(claim_id)

    def tag(self, label: str, *, from_suggestion: bool = False) -> bool:
        """Label the claim, unless its label changed elsewhere since it was drawn: then the write
        fails with Stale once (the newer label is shown); the same key again overwrites it."""
        from annotations.store import UNSET

        claim = self.claim
        if claim is None:
            return False
        expect = UNSET if self._overwrite == claim.id else self.shown_label(claim.id)
        self._overwrite = None
        return self._annotate(
            claim.id,
            lambda store: store.set_label(
                claim.id, label, self.reviewer, from_suggestion=from_suggestion, expect=expect
            ),
            showing=label,
        )

    def clear(self) -> bool:
        claim = self.claim
        if claim is None:
            return False
        return self._annotate(
            claim.id, lambda store: store.clear_label(claim.id, self.reviewer), showing=None
        )

    def toggle_link(self, number: int) -> bool:
        claim, candidates = self.claim, self.evidence()
        if claim is None or not 1 <= number <= len(candidates):
            return False
        return self.toggle_link_to(candidates[number - 1].other_id)

    def toggle_link_to(self, other_id: str, claim: Claim | None = None) -> bool:
        """Link (or unlink) any claim of another article as evidence for `claim` (by default
        the current one)."""
        claim = claim or self.claim
        if claim is None:
            return False
        return self._annotate(
            claim.id,
            lambda store: store.toggle_link(claim.id, self.reviewer, other_id),
            showing=self.shown_label(claim.id),
        )

    def linked(self, claim: Claim | None = None) -> set[str]:
        """Ids of the sentences the reviewer linked to the claim."""
        claim = claim or self.claim
        ann = self.annotations.get(claim.id) if claim else None
        return {link.claim_id for link in ann.links} if ann else set()

    def set_note(
        self,
        note: str,
        claim: Claim | None = None,
        *,
        expect: str | None = None,
        refused: Callable[[Exception], None] | None = None,
    ) -> bool:
        """Set the note of `claim` (by default the current one). With `expect` (the note shown
        when the editor opened), a note another window saved since is not replaced: the write
        fails with Stale, and `refused(error)` is told (the text typed is the caller's to keep).
        """
        claim = claim or self.claim
        if claim is None:
            return False
        return self._annotate(
            claim.id,
            lambda store: store.set_note(claim.id, self.reviewer, note, expect=expect),
            showing=self.shown_label(claim.id),
            refused=refused,
        )

    def acceptable(self) -> list[Claim]:
        """Claims of the current article whose high-confidence suggestion `A` would accept.

        Claims the reviewer has labelled are left out, a label still being saved too: `A`
        fills in what they have not decided, never replaces a label of theirs (it turned one
        set by hand into the suggested one), and the count in the confirmation is the number
        of labels it sets.
        """
        return [
            c
            for c in self.article_claims
            if self.confidence(c) == "high" and self.shown_label(c.id) is None
        ]

    def accept_all(self, claims: list[Claim], then: Callable[[int], None]) -> None:
        """Accept the suggestions of `claims` as one group (one undo); `then(how many changed)`."""
        suggested = {c.id: self._suggested_of(c) for c in claims}

        def landed(n: int) -> None:
            self.reload_annotations()
            then(n)

        self._submit(
            {cid: s[0] if s else None for cid, s in suggested.items()},
            lambda store: store.accept_suggestions(list(suggested), self.reviewer),
            landed,
        )

    def describe(self, event: Event, *, redo: bool = False) -> str:
        """What an undo/redo event changed: "undid: consistent on claim 12 of BBC"."""
        with_change, without = (event.new, event.old) if redo else (event.old, event.new)
        with_change, without = with_change or {}, without or {}
        what = _what_changed(with_change, without)
        where = self._where(event.claim_id)
        text = f"{'redid' if redo else 'undid'}: {what} on {where}"
        if event.grp is not None:
            text += " and the rest of its batch"
        if not redo and with_change.get("label") != without.get("label") and without.get("label"):
            text += f" (now {without['label']})"
        return text

    def _where(self, claim_id: str) -> str:
        """Where a claim is, as an undo names it: "claim 12 of BBC", in the open story; in
        another one (undo goes back through this window's changes, whatever their story) with
        that story's name."""
        for article in self.articles:
            for claim in self.claims.get(article.name, []):
                if claim.id == claim_id:
                    return f"claim {claim.index + 1} of {self.source_of(article.name)}"
        claim = self.store.claim(claim_id)
        if claim is None:
            return "a claim no longer in its article"
        return f"claim {claim.index + 1} of {claim.article} in story {claim.story}"

    def undo(self, then: Callable[[Event | None], None], redo: bool = False) -> None:
        """Undo (or redo) this reviewer's last change; `then(event)` once it is saved, with the
        cursor on the claim it changed (None: nothing to undo), unless the reviewer moved on
        while it was saving: an undo that landed late (the lock held, a slow disk) threw them
        back from where they had gone, and their next key went to a claim they had left."""
        pressed_at = self._place()

        def landed(event: Event | None) -> None:
            self.reload_annotations()
            if event is not None and self._place() == pressed_at:
                self.go_claim(event.claim_id)
            then(event)

        self._submit(
            {},
            lambda store: store.redo(self.reviewer) if redo else store.undo(self.reviewer),
            landed,
        )


def _what_changed(with_change: dict, without: dict) -> str:
    """The change between two annotation states, in a word or two ("consistent", "note")."""
    label, other = with_change.get("label"), without.get("label")
    if label != other:
        return label if label else f"clearing {other}"
    if with_change.get("note", "") != without.get("note", ""):
        return "note"
    links, other_links = with_change.get("links") or [], without.get("links") or []
    if links != other_links:
        return "link" if len(links) > len(other_links) else "unlink"
    return "change"
