"""The reviewer's place in the corpus and their labels, over an open Store (no Textual here).

The app asks this object what to show and tells it what the reviewer did; every write goes
straight to the Store, and the cache below is only updated from what the Store returned, so the
screen can never show a tag as saved that the database does not hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reader.corpus.sources import display_source
from reader.models import LABELS, Claim, Evidence, Suggestion

if TYPE_CHECKING:
    from annotations.store import Annotation, ArticleRow, Event, Store

LOW_CONFIDENCE = "low-confidence suggestions"
FILTERS = ("all", "untagged", *LABELS, LOW_CONFIDENCE)
NO_SCORE = float("nan")  # a pair alignment did not keep has no score: shown as "–", never invented


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
        self._overwrite: str | None = None  # claim whose newer label the reviewer was shown
        self._saved_place: tuple[str, str, str] | None = None

    # ---- loading -----------------------------------------------------------------------------
    def open_story(self, story: str) -> None:
        self.adopt(read_story(self.store, story, self.reviewer))

    def adopt(self, story: StoryData) -> None:
        """Make a story read by `read_story` (perhaps on another thread) the current one."""
        self.story = story.name
        self.articles = story.articles
        self.claims = {a.name: [] for a in self.articles}
        self.sources = {a.name: display_source(a.name, a.source) for a in self.articles}
        for claim in story.claims:
            self.claims.setdefault(claim.article, []).append(claim)
        for claims in self.claims.values():
            claims.sort(key=lambda c: c.index)
        self._article_of = {c.id: name for name, claims in self.claims.items() for c in claims}
        self._evidence.clear()
        self._suggestions.clear()
        self.article_index = 0
        self.claim_index = 0
        self._set_annotations(story.annotations)

    def reload_annotations(self) -> None:
        """Re-read this reviewer's labels (another instance may have written some)."""
        self._set_annotations(self.store.annotations(story=self.story, reviewer=self.reviewer))

    def _set_annotations(self, annotations: list[Annotation]) -> None:
        self.annotations = {a.claim_id: a for a in annotations}
        self._tagged = Counter(
            self._article_of[i]
            for i, a in self.annotations.items()
            if a.label and i in self._article_of
        )

    def restore(self) -> None:
        """Go back to where the reviewer left off, or to the start of the first story."""
        if not self.stories:
            return
        story = self.store.get_state(self.reviewer, "story")
        self.open_story(story if story in self.stories else self.stories[0])
        names = [a.name for a in self.articles]
        article = self.store.get_state(self.reviewer, "article")
        if article in names:
            self.article_index = names.index(article)
        claim_id = self.store.get_state(self.reviewer, "claim")
        for i, claim in enumerate(self.article_claims):
            if claim.id == claim_id:
                self.claim_index = i

    def save_place(self) -> None:
        if self.story and self.articles:
            claim = self.claim
            place = (self.story, self.article.name, claim.id if claim else "")
            if place == self._saved_place:
                return  # no write: other windows would see a change and redraw for nothing
            self.store.set_state(self.reviewer, "story", place[0])
            self.store.set_state(self.reviewer, "article", place[1])
            self.store.set_state(self.reviewer, "claim", place[2])
            self._saved_place = place

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
        for name, source in self.sources.items():
            if name in text:
                text = text.replace(name, source)
        return text

    def label_of(self, claim_id: str) -> str | None:
        ann = self.annotations.get(claim_id)
        return ann.label if ann else None

    def matches(self, claim: Claim) -> bool:
        label = self.label_of(claim.id)
        if self.filter == "all":
            return True
        if self.filter == "untagged":
            return label is None
        if self.filter == LOW_CONFIDENCE:
            sugg = self.suggestion(claim)
            return sugg is not None and sugg.confidence == "low"
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
            if self.label_of(claim.id) is None:
                self.article_index, self.claim_index = ai, ci
                return True
        return False

    def cycle_filter(self) -> str:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        return self.filter

    # ---- writing (each raises SaveError when the database did not take it) ---------------------
    def _write(self, fn: Callable[[], Annotation | None], claim_id: str) -> Annotation | None:
        ann = fn()
        was = self.label_of(claim_id)
        if claim_id in self._article_of and bool(was) != bool(ann and ann.label):
            self._tagged[self._article_of[claim_id]] += 1 if not was else -1
        if ann is None or (ann.label is None and not ann.note and not ann.links):
            self.annotations.pop(claim_id, None)
        else:
            self.annotations[claim_id] = ann
        return ann

    def tag(self, label: str, *, from_suggestion: bool = False) -> Annotation | None:
        """Label the claim, unless its label changed elsewhere since it was drawn: then raise
        Stale once (the newer label is now shown); the same key again overwrites it."""
        from annotations.store import UNSET, Stale

        claim = self.claim
        if claim is None:
            return None
        expect = UNSET if self._overwrite == claim.id else self.label_of(claim.id)
        self._overwrite = None
        try:
            return self._write(
                lambda: self.store.set_label(
                    claim.id, label, self.reviewer, from_suggestion=from_suggestion, expect=expect
                ),
                claim.id,
            )
        except Stale as exc:
            self._overwrite = claim.id
            current = exc.current
            self._write(lambda: current, claim.id)  # show the newer label, as stored
            raise

    def clear(self) -> Annotation | None:
        claim = self.claim
        if claim is None:
            return None
        return self._write(lambda: self.store.clear_label(claim.id, self.reviewer), claim.id)

    def toggle_link(self, number: int) -> Annotation | None:
        claim, candidates = self.claim, self.evidence()
        if claim is None or not 1 <= number <= len(candidates):
            return None
        return self.toggle_link_to(candidates[number - 1].other_id)

    def toggle_link_to(self, other_id: str) -> Annotation | None:
        """Link (or unlink) any claim of another article as evidence for the current claim."""
        claim = self.claim
        if claim is None:
            return None
        return self._write(
            lambda: self.store.toggle_link(claim.id, self.reviewer, other_id), claim.id
        )

    def linked(self, claim: Claim | None = None) -> set[str]:
        """Ids of the sentences the reviewer linked to the claim."""
        claim = claim or self.claim
        ann = self.annotations.get(claim.id) if claim else None
        return {link.claim_id for link in ann.links} if ann else set()

    def set_note(self, note: str) -> Annotation | None:
        claim = self.claim
        if claim is None:
            return None
        return self._write(lambda: self.store.set_note(claim.id, self.reviewer, note), claim.id)

    def acceptable(self) -> list[Claim]:
        """Claims of the current article whose high-confidence suggestion `A` would accept.

        Claims already labelled as suggested are left out: the count in the confirmation is
        the number of labels that will change.
        """
        out = []
        for claim in self.article_claims:
            sugg = self.suggestion(claim)
            if sugg and sugg.confidence == "high" and self.label_of(claim.id) != sugg.label:
                out.append(claim)
        return out

    def accept_all(self, claims: list[Claim]) -> int:
        """Accept the suggestions of `claims` as one group (one undo); how many changed."""
        n = self.store.accept_suggestions([c.id for c in claims], self.reviewer)
        self.reload_annotations()
        return n

    def describe(self, event: Event, *, redo: bool = False) -> str:
        """What an undo/redo event changed: "undid: consistent on claim 12 of BBC"."""
        with_change, without = (event.new, event.old) if redo else (event.old, event.new)
        with_change, without = with_change or {}, without or {}
        what = _what_changed(with_change, without)
        where = "a claim no longer in the story"
        for article in self.articles:
            for claim in self.claims.get(article.name, []):
                if claim.id == event.claim_id:
                    where = f"claim {claim.index + 1} of {self.source_of(article.name)}"
        text = f"{'redid' if redo else 'undid'}: {what} on {where}"
        if event.grp is not None:
            text += " and the rest of its batch"
        if not redo and with_change.get("label") != without.get("label") and without.get("label"):
            text += f" (now {without['label']})"
        return text

    def undo(self, redo: bool = False) -> Event | None:
        event = self.store.redo(self.reviewer) if redo else self.store.undo(self.reviewer)
        self.reload_annotations()
        if event is not None:
            self.go_claim(event.claim_id)
        return event


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
