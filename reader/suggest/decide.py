"""From slots and counterparts to one label per claim.

Slots of every claim are compared with the related slots of every other article of the story (not
only the best-aligned sentence: paraphrases often align poorly). Per slot, each article votes with
the value it reports; the value supported by the most articles is the consensus. A claim whose value
is outside the consensus, or tied with a rival, is contradicted; a claim on the majority side is
consistent and its reason names the dissenters.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import (
    Callable,
    Collection,
    Container,
    Hashable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
    Set,
)
from dataclasses import dataclass, replace

import numpy as np

from reader.align.evidence import WEAK_SCORE
from reader.align.score import STRONG_SCORE, PairScorer
from reader.align.weighting import headline_leads
from reader.corpus.copies import origins
from reader.models import Claim, Evidence, Story, Suggestion
from reader.suggest import (
    antonyms,
    charges,
    codes,
    confidence,
    dates,
    hints,
    levels,
    negation,
    numbers,
    places,
    positives,
    possible,
    speakers,
    spelling,
    superlatives,
    titles,
    when,
)
from reader.suggest.aligned import Figure, aligned_figures
from reader.suggest.attributed import named_source
from reader.suggest.names import SAME_PLACE_PREFIX, same_place
from reader.suggest.readings import ClaimReadings, read_claims
from reader.suggest.slots import Slot, interval_overlap
from reader.suggest.support import (
    ALIGNED_SCORE,
    CANDIDATES,
    PAIRED_WEIGHT,
    SUPPORT_THRESHOLD,
    Counterpart,
    Counterparts,
    names_only,
    says_more_than_names,
)
from reader.suggest.text import in_latin_script, stem, surface_words, tokenize

Rule = tuple[Callable[[Slot, Slot], bool], Callable[[Slot, Slot], bool]]  # related, compatible
RULES: dict[str, Rule] = {
    "number": (numbers.related, numbers.compatible),
    "title": (titles.related, titles.compatible),
    "weekday": (dates.related, dates.compatible),
    "year": (dates.related, dates.compatible),
    "date": (dates.related, dates.compatible),
    "month": (dates.related, dates.compatible),
    "years": (dates.related, dates.compatible),  # a span of them: "from 2019 to 2022"
    "time": (dates.related, dates.compatible),
    "speaker": (speakers.related, speakers.compatible),
    "charge": (charges.related, charges.compatible),
    "level": (levels.related, levels.compatible),
    "positive": (positives.related, positives.compatible),
    "rank": (superlatives.related, superlatives.compatible),
}
NOUN = {"number": "numbers", "title": "titles", "weekday": "days", "year": "years", "date": "dates"}
NOUN |= {"month": "months", "time": "times", "speaker": "speakers of the quote"}
NOUN |= {"charge": "charges", "years": "years", "level": "alert levels", "rank": "records"}
NOUN |= {"positive": "test findings"}
RIVALS = 3  # rival values whose support is counted, per slot
# kinds of value one fact is given by
_COUNTED = frozenset(["number", "time", "date", "year", "years"])
EVIDENCE_SHOWN = 3  # best-aligned sentences added to a suggestion's evidence
# slots a vote's walk keeps for the next counts that read the same (`_related`), at most: a long
# article's counts are walked against a short article's few, again and again (the 2 MB benchmark
# story keeps 684 walks of 4,000 slots in all, at most 389 a walk); a walk of thousands is not
# held for counts that may never come
WALK_KEPT = 1_000
EVIDENCE_LISTED = 6  # evidence kept per suggestion
FEW_EVIDENCE = 64  # a claim's evidence sorted whole, not searched for the best (`suggest`)


@dataclass
class Finding:
    contradicts: bool
    reason: str
    span: tuple[int, int]
    sources: list[int]  # indices of claims the finding rests on
    confidence: str = "medium"  # how strongly the label rests on it: high / medium / low
    # support by agreement alone (every source giving the figure agrees): it labels a claim
    # only when nothing more telling does, neither a disputed vote nor a counterpart
    fallback: bool = False
    # a conflict too doubtful to label the claim by: shown as a hint (`contradicts` is False)
    hint: bool = False


Groups = dict[tuple[str, str], dict[str, list[tuple[int, Slot]]]]


def _candidates(slots: list[list[Slot]], claims: list[Claim]) -> Groups:
    """Slots grouped by kind and key word, so only slots that could be related are compared,
    and within that by article, in claim order: a claim skips its own article's slots without
    walking them (one long article would make that quadratic)."""
    groups: Groups = defaultdict(dict)
    for i, ss in enumerate(slots):
        for s in ss:
            for k in [*sorted(s.key or {""}), *_by_fate(s)[0]]:  # sorted: the same everywhere
                groups[(s.kind, k)].setdefault(claims[i].article, []).append((i, s))
    return groups


def _by_fate(s: Slot) -> tuple[list[str], list[str]]:
    """The groups a count is filed in, and those its vote walks, besides its key's: counts of
    nobody at all ("Nobody was injured") meet counts of some, whoever they are ("Three
    firefighters were injured", `numbers.related`), under no key of theirs, so each is filed
    under its fate too ("0hurt" for nobody, "+hurt" for some) and walks the other's (a count
    of people meets nobody's under "person")."""
    if (role := numbers.nobody(s)) is not None:
        return ["0" + role], ["+" + role]
    if (role := numbers.befell(s)) is not None and s.key != {"person"}:
        return ["+" + role], ["0" + role]
    return [], []


LISTED_SOURCES = 4  # sources named per value in a reason; the rest are counted


def _listing(values: dict[str, list[str]]) -> str:
    """ "'eight hours' in a.txt, b.txt; 'seven hours' in d.txt": each source and its value,
    each source once however many of its sentences give the value."""
    parts = []
    for v, given in values.items():
        arts = sorted(set(given))
        if not arts:
            continue
        names = ", ".join(arts[:LISTED_SOURCES])
        more = f" and {len(arts) - LISTED_SOURCES} more" if len(arts) > LISTED_SOURCES else ""
        parts.append(f"'{v}' in {names}{more}")
    return "; ".join(parts)


def _vague(s: Slot) -> bool:
    return s.kind == "number" and numbers.vague(s)


def _siblings(a: Slot, b: Slot) -> bool:
    """Two counts of one claim with a word in common: two figures of one sentence are two
    things ("screened 360,000 men and recruited 12,866"), unlike a time given two ways ("late
    on Monday, at 10 p.m.")."""
    return a.kind == b.kind == "number" and bool(a.key & b.key)


def _as_written(s: Slot) -> object:
    """What a vote tells slots apart by (`_vote`): the value, and for a number how it is
    written (`numbers.as_written`); the other detectors compare values only."""
    return numbers.as_written(s) if s.kind == "number" else s.value


def _vote(i: int, s: Slot, claims: list[Claim], rel: list[tuple[int, Slot]]) -> Finding | None:
    """Compare slot `s` of claim i with related slots of the other articles.

    Each article votes for every distinct value it reports, as written: a value's support is
    the set of articles reporting a compatible one. Compatibility is worked out once per
    distinct value and wording (a big story repeats the same few), not per value alone: how a
    figure is written weighs too ("at least 30" is a confirmed count that "at least 31"
    differs from; "more than 30", read as the same interval, is not).
    """
    _, compatible = RULES[s.kind]
    reporters: dict[object, set[str]] = defaultdict(set)  # value -> articles reporting it
    first: dict[object, tuple[int, Slot]] = {}  # value -> its first slot
    # value -> how each article first writes it -> those articles, for the reason
    written: dict[object, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    keys = [_as_written(o) for _, o in rel]  # (each slot's, read once)
    for (j, o), v in zip(rel, keys, strict=True):
        if claims[j].article not in reporters[v]:
            written[v][o.surface].add(claims[j].article)
        reporters[v].add(claims[j].article)
        first.setdefault(v, (j, o))
    agrees = {v: compatible(s, o) for v, (_, o) in first.items()}
    with_it = [agrees[v] for v in keys]  # each of `rel` agrees with s
    n_other = len({a for arts in reporters.values() for a in arts})
    mine = claims[i].article
    own_support = {a for v, arts in reporters.items() if agrees[v] for a in arts}
    dissent_n = n_other - len(own_support)
    # this article agrees with itself; an order of magnitude agreeing ("thousands of fish") is
    # no backing against a rival figure it fits as well (3,000 / "more than 8,000"), as in
    # `support` below
    own = 1 + len(
        {a for v, arts in reporters.items() if agrees[v] and not _vague(first[v][1]) for a in arts}
        if dissent_n and not _vague(s)
        else own_support
    )
    if not dissent_n:
        # every other source reporting it agrees: the same figure is support (a title, day or
        # order of magnitude is the story's common ground, not the claim's own fact)
        if s.kind != "number" or _vague(s):
            return None
        same_only: dict[str, list[str]] = defaultdict(list)
        for v in first:
            if not agrees[v]:  # (an article giving it also gives an agreeing figure)
                continue
            for surface, arts in written[v].items():
                same_only[surface].extend(sorted(arts))
        reason = f"{NOUN[s.kind]} agree: '{s.surface}' here; {_listing(same_only)}"
        srcs = [j for (j, _), a in zip(rel, with_it, strict=True) if a][:EVIDENCE_LISTED]
        return Finding(False, reason, s.span, srcs, "medium", fallback=True)

    def support(w: object) -> int:
        x = first[w][1]
        arts = {mine} if compatible(x, s) else set()
        for v, (_, o) in first.items():
            # (an order of magnitude, or a tally so far, is no conflict with x, but no backing
            # either: "137 missing by Wednesday" does not second another source's 169)
            if v == w or (compatible(x, o) and not _vague(o) and not _vague(x)):
                arts |= reporters[v]
        return len(arts)

    # The strongest rival is among the values most articles report: counting support (a pass
    # over every value) for the few most reported keeps the vote linear in the story's size.
    reported = sorted((v for v in first if not agrees[v]), key=lambda v: -len(reporters[v]))
    rivals = [(support(v), first[v][0], first[v][1]) for v in reported[:RIVALS]]
    best_n, _, _ = max(rivals, key=lambda r: r[0])
    # each source named with the value it reports (an article reporting both sides counts
    # where it agrees), so the counts in the reason can be checked one by one
    same: dict[str, list[str]] = defaultdict(list)
    other: dict[str, list[str]] = defaultdict(list)
    named: set[str] = set()  # agreeing articles first: one reporting both sides agrees
    for side, listing in ((True, same), (False, other)):
        for v in first:
            if agrees[v] != side:
                continue
            for surface, arts in written[v].items():
                listing[surface].extend(sorted(arts - named))
            named |= reporters[v]
    noun = NOUN[s.kind]
    if best_n >= own:
        how = "tied" if best_n == own else "the other sources outnumber this one"
        agreeing = f"; agreeing: {_listing(same)}" if same else ""
        reason = f"{noun} differ: '{s.surface}' here; {_listing(other)}{agreeing} ({how})"
        srcs = [j for (j, _), a in zip(rel, with_it, strict=True) if not a]
        share = s.kind == "number" and s.value[2] == "percent"  # type: ignore[index]
        if best_n == own and share and not _of_one_thing(s, [o for _, o in rel]):
            # a share is of something, and a change from some time: two sources' shares
            # under one noun were of different things in all 6 ties of 20 real stories
            # ("layoffs for 10% of its workforce" / "64% of workers" voted; a division's
            # revenue "a decrease of 16%" / the company's "six percent increase"). With no
            # majority to settle it, the reviewer is shown it, not told of a conflict.
            return Finding(False, f"{reason}: shares of what may differ", s.span, srcs, hint=True)
        # a tie is a coin toss; a lone dissenter could be the one that is right
        strength = "low" if best_n == own else "high" if best_n >= 2 else "medium"
        # "tens of thousands" against "100,000" is a matter of wording as much as of fact: a
        # conflict resting on an order of magnitude is never one to accept in a batch
        if _vague(s) or all(_vague(o) for (_, o), a in zip(rel, with_it, strict=True) if not a):
            strength = confidence.weakest((strength, "medium"))
        # (who gives the figures is weighed claim by claim: `StorySuggester._attributed`)
        return Finding(True, reason, s.span, srcs, strength)
    reason = f"{noun} agree: '{s.surface}' here; {_listing(same)}; differing: {_listing(other)}"
    srcs = [j for (j, _), a in zip(rel, with_it, strict=True) if a][:2]
    srcs += [j for (j, _), a in zip(rel, with_it, strict=True) if not a]
    return Finding(False, reason, s.span, srcs[:EVIDENCE_LISTED], "high" if own >= 3 else "medium")


def _of_one_thing(s: Slot, others: list[Slot]) -> bool:
    """Each share of `others` names what it is of, and the same as `s` ("58% of possession" /
    "62% of possession"), or what moved by it, in the same words ("Sales fell 18%" / "Sales
    were down by about a quarter"; not "Reading scores at the schools rose 6%" / "pupils whose
    scores rose by 9%"): a tie between them is a conflict, not shares of two things."""
    moved = numbers.movers(s)
    return all(
        numbers.of_what(s) & numbers.of_what(o) or (moved and moved == numbers.movers(o))
        for o in others
        if not numbers.compatible(s, o)
    )


class _Places:
    """A place no other source names, where the counterpart sentence names another place (from
    the gazetteer, or a local one: "the Eastfield estate" / "the Marsh Lane district")."""

    def __init__(self, claims: list[Claim], capitalised: dict[str, set[str]]) -> None:
        self.claims = claims
        # article -> stems of its capitalised words (`ClaimReadings.capitalised`)
        self.named: dict[str, set[str]] = defaultdict(set, capitalised)
        # how many articles mention each stem: "named elsewhere" without a union per claim
        self.articles_naming = Counter(s for stems in self.named.values() for s in stems)
        # claim -> `places.named_places` of it: one sentence is the counterpart of many claims
        # (every sentence of a long article may have one of a short article's)
        self._named_places: dict[int, dict[str, tuple[int, int]]] = {}

    def _places(self, k: int) -> dict[str, tuple[int, int]]:
        found = self._named_places.get(k)
        if found is None:
            found = self._named_places[k] = places.named_places(self.claims[k].text)
        return found

    def finding(self, i: int, cp: Counterpart) -> Finding | None:
        """Claim i's, given its counterpart."""
        claims, j = self.claims, cp.index
        if not cp.supported:
            return None
        there = self._places(j)
        if not there:  # it names no other place
            return None
        c = claims[i]
        here = self._places(i)
        lone = self._named_by_none(i, here)
        if not lone or len(lone) < len(here):
            # (a claim that also names a place other sources name is set where they set it:
            # its other places are detail, "staff in Washington, Oregon and California")
            return None
        if places.located(c.text) & places.located(claims[j].text):
            return None  # both set it in one place no gazetteer holds: "at Faversham, Kent"
        known = places.gazetteer()
        if any(known.contains(p, q) for p in there for q in here):
            return None  # the counterpart's frame holds the claim's place: "Europe" / "Scotland"
        # (not one the claim names as part of another name, "the Baltimore City Fire
        # Department", nor one within one of its places: "Maryland" / "Baltimore")
        said = places.mentioned_stems(c.text)
        theirs = [
            p for p in there
            if p not in here and not places.place_stems(p) <= said
            and not any(known.contains(q, p) for q in here)
        ]  # fmt: skip
        if not theirs:
            return None
        span = next(iter(lone.values()))
        shown = ", ".join(f"'{claims[j].text[a:b]}'" for a, b in (there[q] for q in theirs[:2]))
        reason = (
            f"place differs: '{c.text[span[0] : span[1]]}' here, named by no other source; "
            f"the same statement in {claims[j].article} names {shown}"
        )
        return Finding(True, reason, span, [j], "medium")

    def _named_by_none(
        self, i: int, here: dict[str, tuple[int, int]]
    ) -> dict[str, tuple[int, int]]:
        """The places of `here` (claim i's) that no other article names."""
        mine = self.named[self.claims[i].article]
        return {
            p: span
            for p, span in here.items()
            if all(self.articles_naming[w] - (w in mine) == 0 for w in places.place_stems(p))
        }

    def elsewhere(self, i: int, others: Sequence[int], stems: Sequence[set[str]]) -> Finding | None:
        """Claim i's place, named by no other source, where a sentence of `others` (claim i's
        best evidence) names another place in the same words: the same word before each
        ("shipped from Colombia" / "aboard a cargo ship from Ecuador") and two specific words
        in common (`stems`: each claim's; "refrigerated container"), in a sentence that need
        not be its counterpart (the counterpart's place is `finding`'s)."""
        claims, known = self.claims, places.gazetteer()
        # the places of the evidence first: a few sentences, the evidence of many claims (every
        # sentence of a long article may have one of a short article's), read once each
        theirs = [
            (k, there)
            for k in others
            if k >= 0 and claims[k].article != claims[i].article
            and len(there := self._places(k)) == 1 and next(iter(there)) in known
        ]  # fmt: skip
        if not theirs:
            return None
        here = {p: span for p, span in self._places(i).items() if p in known}
        lone = self._named_by_none(i, here)
        if len(lone) != 1 or len(here) != 1:
            return None
        ((p, span),) = lone.items()
        before = _word_before(claims[i].text, span[0])
        if before not in _LOCATIVE:
            return None
        said = places.mentioned_stems(claims[i].text)
        for k, there in theirs:
            ((q, (a, b)),) = there.items()
            if (
                _word_before(claims[k].text, a) == before
                and not places.place_stems(q) <= said
                and not (known.contains(p, q) or known.contains(q, p))
                and len(stems[i] & stems[k]) >= 2
            ):
                reason = (
                    f"place differs: '{claims[i].text[span[0] : span[1]]}' here, named by no "
                    f"other source; '{claims[k].text[a:b]}' in {claims[k].article}"
                )
                return Finding(True, reason, span, [k], "low")
        return None


def _word_before(text: str, start: int) -> str:
    """The word before offset `start` of `text`, in lower case ("" at its start)."""
    words = text[:start].split()
    return words[-1].lower() if words else ""


def _negation_findings(
    claims: list[Claim],
    findings: list[list[Finding]],
    read: ClaimReadings,
    weights: dict[str, float],
) -> None:
    """A predicate negated here and asserted about the same thing by another source, or the
    reverse: both sentences are marked, since either source may be the one that is wrong. The
    same for opposite words said of the same subject ("closed" / "open"). `weights`: the
    `rarity` of the claims' specific stems (`read.specific`), as `Counterparts` worked it out."""
    texts, articles = [c.text for c in claims], [c.article for c in claims]
    pairs = negation.conflicts(
        texts, articles, weights, PAIRED_WEIGHT, negated=read.negated, postings=read.lower
    )
    for i, j, neg, word in pairs:
        a, b = neg.span
        cue = claims[i].text[a:b]
        findings[i].append(
            Finding(True, f"negation: '{cue}' here, asserted in {claims[j].article}", (a, b),
                    [j], "medium")
        )  # fmt: skip
        findings[j].append(
            Finding(True, f"negation: asserted here, '{cue}' in {claims[i].article}",
                    _word_span(claims[j].text, word), [i], "medium")
        )  # fmt: skip
    # "closed" here, "open" there, of the same subject: each side is marked by its own pass
    found = antonyms.conflicts(texts, articles, weights, PAIRED_WEIGHT, read.opposites)
    for i, j, mine, theirs in found:
        reason = f"opposite: '{mine.word}' here, '{theirs.word}' in {claims[j].article}"
        findings[i].append(Finding(True, reason, mine.span, [j], "medium"))
    # "no danger of a collapse" here, "could not rule out a collapse" there (each side by its
    # own pass), where no negation above already pairs the two
    negated = {(i, j) for i, j, _, _ in pairs} | {(j, i) for i, j, _, _ in pairs}
    for i, j, mine, theirs in possible.conflicts(texts, articles, weights):
        if (i, j) not in negated:
            here, there = claims[i].text[slice(*mine.span)], claims[j].text[slice(*theirs.span)]
            reason = f"possibility: '{here}' here, '{there}' in {claims[j].article}"
            findings[i].append(Finding(True, reason, mine.span, [j], "medium"))


def _word_span(text: str, word: str) -> tuple[int, int]:
    """Offsets of the first `word` (as written) in `text` (the whole text if none)."""
    for t in tokenize(text):
        if t.text == word:
            return t.start, t.end
    return 0, len(text)


def _when_findings(claims: list[Claim], i: int, cp: Counterpart, findings: list[Finding]) -> None:
    """The counterpart puts the same thing on another date, day or part of day: added to claim
    i's `findings`."""
    if not cp.supported:
        return
    here, there = claims[i].text, claims[cp.index].text
    # compared only when both sides write one (each sentence read once: `calendar` and
    # `moments` are cached, and one sentence is the counterpart of many claims)
    days = bool(dates.calendar(here) and dates.calendar(there))
    week = bool(when.moments(here) and when.moments(there))
    if not (days or week):
        return
    for noun, found in (
        ("dates", dates.day_conflict(here, there) if days else None),
        ("days", when.conflict(here, there) if week else None),
    ):
        if not found:
            continue
        mine, theirs = found
        if any(f.span == mine.span for f in findings):
            continue  # the story-wide vote on this date already said so
        reason = (
            f"{noun} differ: '{mine.surface}' here, '{theirs.surface}' in the same statement "
            f"in {claims[cp.index].article}"
        )
        findings.append(Finding(True, reason, mine.span, [cp.index], "medium"))


# a claim's number, article and `when.told`, by claim id (`_when_elsewhere`)
_Told = tuple[int, str, tuple[when.Told, ...]]


def _when_elsewhere(
    claims: list[Claim],
    i: int,
    evidence: Iterable[Evidence],
    index: Mapping[str, int],
    findings: list[Finding],
    known: dict[str, _Told] | None = None,
) -> None:
    """Another source puts the event of a date or weekday of claim i on another day, in a
    sentence of its evidence that says what happened then in the same words ("sentencing is
    due on November 6" / "sentencing was set for October 30"; the differing day lowers its
    alignment, and it shares too little else to be its counterpart): added to claim i's
    `findings`, at medium confidence one source against one, low when outnumbered; none when
    the claim's side outnumbers the other; `known`: what each sentence tells, as read so far
    (the same few sentences are the evidence of thousands of claims of a long article)."""
    mine = when.told(claims[i].text)
    if not mine:
        return
    # (source, "dates" or "days") -> the first sentence against claim i, or with it
    against: dict[tuple[str, str], tuple[int, when.Told, when.Told]] = {}
    agreeing: dict[tuple[str, str], tuple[int, when.Told]] = {}
    known = {} if known is None else known
    told: list[_Told] = []  # (only those that tell a time: no other is against or with it)
    aligned: set[int] = set()  # those aligned with the claim as a whole
    for e in evidence:
        got = known.get(e.other_id)
        if got is None:
            j = index.get(e.other_id, -1)
            got = known[e.other_id] = (
                (j, claims[j].article, when.told(claims[j].text)) if j >= 0 else (-1, "", ())
            )
        if got[2]:
            told.append(got)
            if e.score >= ALIGNED_SCORE:
                aligned.add(got[0])
    alone = when.told_once(mine) if aligned else ()  # (what `of_aligned` compares)
    for j, article, theirs in told:
        found = when.of_one_event(mine, theirs)
        if (
            found is None
            and alone
            and j in aligned
            and when.one_tense(claims[i].text, claims[j].text)
        ):
            # a sentence reporting the same as the claim, in other words ("The strongest
            # aftershock, measuring 4.6, rattled the town on Wednesday morning" / "the
            # strongest a magnitude 4.6 tremor that hit on Tuesday afternoon")
            found = when.of_aligned(mine, theirs, alone)
        if found is not None:
            against.setdefault((article, found[0].kind), (j, *found))
    if not against:  # (what agrees is asked only then: most claims meet no other day)
        return
    for j, article, theirs in told:
        for kind in ("dates", "days"):
            if (y := when.meets_any(mine, theirs, kind)) is not None:
                agreeing.setdefault((article, kind), (j, y))
    for kind in ("dates", "days"):
        opposing = {a: (j, y.surface) for (a, k), (j, _, y) in against.items() if k == kind}
        backing = {a: (j, z.surface) for (a, k), (j, z) in agreeing.items() if k == kind}
        first = next(
            ((x.surface, x.span) for (_, k), (_, x, _) in against.items() if k == kind), None
        )
        if first is None or any(f.span == first[1] for f in findings):
            continue  # (the counterpart or the story-wide vote may already have said so)
        if found := _outvoted(kind, *first, opposing, backing):
            findings.append(found)


def _outvoted(
    noun: str,
    surface: str,
    span: tuple[int, int],
    against: Mapping[str, tuple[int, str]],
    backing: Mapping[str, tuple[int, str]],
) -> Finding | None:
    """A conflict of claim i's value (`surface` at `span`) with the sources of `against`
    (source -> its claim and value) when they are not outnumbered by the claim's and those of
    `backing`: medium one against one, low when others back the claim too (these sentences
    share little else with it: the vote is a guess). A source on both sides backs it."""
    against = {a: v for a, v in against.items() if a not in backing}
    if not against or len(backing) + 1 > len(against):
        return None  # the claim's side outnumbers the other: that one is the odd one
    reason = f"{noun} differ: '{surface}' here; {_listing(_by_value(against))}"
    conf = "medium"
    if backing:
        tied = " (tied)" if len(against) == len(backing) + 1 else ""
        reason += f"; agreeing: {_listing(_by_value(backing))}{tied}"
        conf = "low"
    sources = [j for j, _ in against.values()] + [j for j, _ in backing.values()]
    return Finding(True, reason, span, sources, conf)


def _by_value(sources: Mapping[str, tuple[int, str]]) -> dict[str, list[str]]:
    """Source -> (its claim, its value) as value -> its sources, for `_listing`."""
    out: dict[str, list[str]] = defaultdict(list)
    for a, (_, value) in sources.items():
        out[value].append(a)
    return out


def _aligned_elsewhere(
    claims: list[Claim],
    i: int,
    measured: tuple[Slot, list[tuple[int, Slot]]],
    findings: list[Finding],
) -> None:
    """A measure, count or sum of claim i against those of sentences aligned with it as a whole
    (`aligned.aligned_figures`), when the vote did not compare it with any ("took just under
    nine hours to reach unanimous verdicts" / "deliberated for about 12 hours before returning
    their verdicts"): added to claim i's `findings` as `_outvoted` says."""
    if any(f.span == measured[0].span for f in findings):
        return  # (the vote already said)
    x, aligned = measured
    against: dict[str, tuple[int, str]] = {}
    backing: dict[str, tuple[int, str]] = {}
    for j, y in aligned:
        side = backing if numbers.compatible(x, y) else against
        side.setdefault(claims[j].article, (j, y.surface))
    if found := _outvoted("numbers", x.surface, x.span, against, backing):
        findings.append(found)
    elif backing and (against := {a: v for a, v in against.items() if a not in backing}):
        # the claim's side outnumbers the other: said, so the dissent is not hidden
        ours, theirs = _listing(_by_value(backing)), _listing(_by_value(against))
        reason = f"numbers agree: '{x.surface}' here; {ours}; differing: {theirs}"
        sources = [j for j, _ in backing.values()] + [j for j, _ in against.values()]
        findings.append(Finding(False, reason, x.span, sources, "medium"))
    elif backing:
        # every aligned source giving it agrees ("about 11,000 feet" / "approximately 3,350
        # metres"): support, as agreement in a vote is, when nothing more telling is found
        reason = f"numbers agree: '{x.surface}' here; {_listing(_by_value(backing))}"
        sources = [j for j, _ in backing.values()]
        findings.append(Finding(False, reason, x.span, sources, "medium", fallback=True))


class _Figures:
    """The telling figures (`numbers.figures`) of a story's claims, to ask whether another
    article gives one close to a claim's: then the claim may be that sentence in other words."""

    def __init__(self, claims: list[Claim], figures: list[tuple[tuple[float, float], ...]]):
        """`figures`: each claim's `numbers.figures`."""
        self.claims, self.figures = claims, figures
        found: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for c, fs in zip(claims, figures, strict=True):
            found[c.article] += fs
        # per article, its figures' intervals by start: a claim's own article is never looked
        # at (a long article's own figures, all scanned, took 1 s of a 2 MB article's import)
        self.found: dict[str, tuple[list[float], list[float]]] = {}
        for article, intervals in found.items():
            intervals.sort()
            self.found[article] = ([lo for lo, _ in intervals], [hi for _, hi in intervals])

    def elsewhere(self, i: int) -> bool:
        """True when another article than claim i's gives a figure meeting one of claim i's."""
        mine = self.claims[i].article
        for lo, hi in self.figures[i]:
            for article, (starts, ends) in self.found.items():
                if article == mine:
                    continue
                # an interval meeting [lo, hi] starts at or above lo / WIDEST, at most at hi
                k = bisect.bisect_left(starts, lo / WIDEST)
                if any(ohi >= lo for ohi in ends[k : bisect.bisect_right(starts, hi, k)]):
                    return True
        return False


WIDEST = 5.0  # the widest spread of a figure's interval ("hundreds": 200 to 999)


# A counterpart sharing twice the rare words that make one (`SUPPORT_THRESHOLD`) carries the
# claim's fact; a name no other source gives, past the first third of the claim (after what it
# is about: "... including cutting off Russia from Swift, the international payments system"),
# is a detail of it, not its subject ("The Trump administration had rejected ...").
DETAIL_WEIGHT = 2 * SUPPORT_THRESHOLD
DETAIL_FROM = 1 / 3
# ...as is any lone name of a claim whose fact two other sources report (`_corroborated`)
CORROBORATING = 2
_NO_CONFLICT = "; no conflict found"  # how a consistent reason ends (`_support_reason`)


def _detail_names(claim: Claim, cp: Counterpart, lone: Sequence[tuple[int, int]]) -> bool:
    """The names of `lone` (spans of `claim`) are details of a fact its counterpart `cp`
    carries, not what the claim is about."""
    return cp.weight >= DETAIL_WEIGHT and all(a >= DETAIL_FROM * len(claim.text) for a, _ in lone)


# words before a name that make it where something is ("in Lumo", "at Pell harbour")
_LOCATIVE = frozenset("in at on near from into off outside inside".split())  # noqa: SIM905


def _about(claim: Claim, lone: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names of `lone` (spans of the claim's names no other source mentions) that may be
    what the claim is about, not a detail of it: not the outlet itself ("told the Gazette",
    of "alden-gazette.txt"), nor a place no gazetteer holds, named where something is ("in
    Lumo", "at Pell harbour", "on Lake Verrin"): a local detail other sources leave out."""
    own = {w for w in re.split(r"[^a-z]+", claim.article.lower()) if len(w) > 2}
    known = places.gazetteer()
    out = []
    for a, b in lone:
        name = claim.text[a:b]
        if set(name.lower().split()) & own:
            continue
        before = claim.text[:a].split()[-2:]
        where = before and (
            before[-1].lower() in _LOCATIVE
            or (before[-1].lower() == "the" and len(before) > 1 and before[0].lower() in _LOCATIVE)
        )
        if where and name.lower() not in known:
            continue
        out.append((a, b))
    return out


def _lone_names(claims: list[Claim], read: ClaimReadings) -> list[list[tuple[int, int]]]:
    """Per claim, the spans of its proper names that no other article mentions at all."""
    words = read.words  # article -> stems of all its words
    articles_using = Counter(s for ss in words.values() for s in ss)
    # one-word names by their first letters, with their articles: "Italian" is known where
    # another source writes "Italy" (`names.same_place`)
    starts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c, found in zip(claims, read.names, strict=True):
        for start, end, stems in found:
            if len(stems) == 1:
                w = c.text[start:end].lower()
                starts[w[:SAME_PLACE_PREFIX]].add((w, c.article))
    out: list[list[tuple[int, int]]] = []
    for c, found in zip(claims, read.names, strict=True):
        if not found:  # (most sentences name no one: nothing below to read)
            out.append([])
            continue
        mine = words[c.article]
        # a name is known elsewhere when any of its words is ("Joe Biden" / "Mr. Biden")
        lone = [
            (start, end, stems)
            for start, end, stems in found
            if all(articles_using[s] - (s in mine) == 0 for s in stems)
        ]
        # the claim's places that other sources name too (read once a claim, and only for a
        # claim with a lone name: few are)
        alone = {c.text[start:end].lower() for start, end, _ in lone}
        shared = [p for p in places.places(c.text) if p not in alone] if lone else []
        out.append(
            [
                (start, end)
                for start, end, stems in lone
                if not _placed(c, start, end, starts) and not _locates(c, start, end, shared)
            ]
        )
    return out


def _locates(c: Claim, start: int, end: int, shared: Sequence[str]) -> bool:
    """The name c.text[start:end] is a place that holds one of `shared`, the claim's places
    that other sources name too: where that place is ("Bangkok, Thailand", "Portland,
    Oregon"), not what the claim reports."""
    known = places.gazetteer()
    outer = c.text[start:end].lower()
    return outer in known and any(known.contains(outer, inner) for inner in shared)


def _placed(c: Claim, start: int, end: int, starts: dict[str, set[tuple[str, str]]]) -> bool:
    """The one-word name c.text[start:end] is a country or a nationality another article names
    the other way ("Italian" / "Italy")."""
    w = c.text[start:end].lower()
    return any(
        a != c.article and same_place(w, v) for v, a in starts.get(w[:SAME_PLACE_PREFIX], ())
    )


_SCORE = operator.attrgetter("score")  # an evidence's


class _PairScores:
    """The one pair score (`reader.align.score`) of a claim and another: read from the evidence,
    or computed by the same scorer, once, for a pair the evidence did not keep (a slot vote can
    rest on a sentence that aligns poorly as a whole)."""

    def __init__(
        self,
        claims: list[Claim],
        evidence: Mapping[str, Sequence[Evidence]],
        scorer: PairScorer | None = None,
        headlines: Collection[str] = (),
    ) -> None:
        self.claims = claims
        self.headlines = headlines  # (for a scorer made here: `PairScorer`)
        self.evidence = evidence  # claim id -> its evidence; indexed per claim only when asked
        self.known: dict[str, dict[str, float]] = {}
        # (claim id, other claim id) -> score of each pair scored here (`pair_scores`)
        self.scored: dict[tuple[str, str], float] = {}
        self.index = {c.id: k for k, c in enumerate(claims)}
        self._scorer = scorer  # made when first needed, unless alignment's is given

    def _known(self, claim: Claim) -> dict[str, float]:
        if claim.id not in self.known:
            self.known[claim.id] = {e.other_id: e.score for e in self.evidence.get(claim.id, ())}
        return self.known[claim.id]

    def __call__(self, claim: Claim, other: Claim) -> float:
        mine = self._known(claim)
        if other.id not in mine:
            self.score_all(claim, [other])
        return mine[other.id]

    def score_all(self, claim: Claim, others: Sequence[Claim]) -> None:
        """The pairs of `claim` with `others` that the evidence did not keep, scored together:
        a claim of a short article votes with sentences of a long one that align poorly with it,
        and each pair alone made the scorer read the claim against the whole story again."""
        mine = self._known(claim)
        missing = list(dict.fromkeys(o.id for o in others if o.id not in mine))
        if not missing:
            return
        if self._scorer is None:
            self._scorer = PairScorer(self.claims, headlines=self.headlines)
        got = self._scorer.scores(self.index[claim.id], [self.index[m] for m in missing]).tolist()
        mine.update(zip(missing, got, strict=True))
        self.scored.update(((claim.id, m), g) for m, g in zip(missing, got, strict=True))


def _evidence(claim: Claim, other: Claim, score: _PairScores) -> Evidence:
    return Evidence(claim.id, other.id, other.article, 1, score(claim, other), other.text)


def _evidence_of(claim: Claim, others: list[Claim], score: _PairScores) -> list[Evidence]:
    """`_evidence` of `claim` with each of `others`, their scores worked out together."""
    score.score_all(claim, others)
    return [_evidence(claim, o, score) for o in others]


def _quoted(words: Iterable[str], n: int = 4) -> str:
    """The first `n` of `words`, each once, quoted: "'Halvik', 'Marrow'"."""
    return ", ".join(f"'{w}'" for w in list(dict.fromkeys(words))[:n])


def _support_reason(cp: Counterpart, claim: Claim, claims: list[Claim], names: Set[str]) -> str:
    """Why `cp` counts as a counterpart, in words a reviewer can check against the evidence:
    the words of what is said first, then those of who says it (`names`, as in
    `_unsupported_reason`)."""
    where = claims[cp.index].article
    said = sorted(cp.shared, key=lambda s: s in names)  # stable: rarest first within each
    words = _quoted(surface_words(claim.text, said))
    if cp.basis == "most words":
        return (
            f"counterpart in {where} repeats {len(cp.shared)} of its words ({words}); "
            "no conflict found"
        )
    if cp.basis == "same wording":
        return (
            f"counterpart in {where} quotes the same words in the same order and "
            f"shares {words}; no conflict found"
        )
    if cp.basis == "same figure":
        return f"counterpart in {where} gives the same figure and shares {words}; no conflict found"
    if cp.basis == "rare words and alignment":
        return (
            f"counterpart in {where} aligns with it (score {cp.aligned:.0f}) and shares {words}; "
            "no conflict found"
        )
    return f"counterpart in {where} shares {words}; no conflict found"


def asks(text: str) -> bool:
    """The sentence is a question of its own ("What is the highest temperature recorded in the
    UK?"), not one it quotes or reports ("“Why would we attack?” he asked")."""
    return text.rstrip().endswith(("?", "？", "؟")) and not text.lstrip().startswith(
        ("“", '"', "‘", "'", "「")
    )


def _unsupported_reason(
    cp: Counterpart,
    claim: Claim,
    claims: list[Claim],
    ranked: list[Evidence],
    names: Set[str],
    refused: str = "",
) -> str:
    """Why no counterpart was accepted: what the closest candidates had, in plain words;
    `names`: the stems that only name people and offices (`support.names_only`); `refused`:
    why the closest sentence, which the words alone would take, does not vouch for it."""
    if refused:
        how = (
            f"aligns with it (score {cp.aligned:g})"
            if cp.aligned
            else f"shares {_quoted(surface_words(claim.text, cp.shared))}"
        )
        return (
            f"no counterpart in any other source: the closest sentence, in "
            f"{claims[cp.index].article}, {how} but {refused}"
        )
    if ranked:
        aligned = f"best alignment score {ranked[0].score:g} (in {ranked[0].article})"
    else:
        aligned = f"no sentence aligns with it above score {WEAK_SCORE:g}"
    words = _quoted(surface_words(claim.text, cp.shared))
    other = claims[cp.index].text
    if cp.shared and not says_more_than_names(claim.text, other, set(cp.shared), names):
        shared = (
            f"the closest sentence, in {claims[cp.index].article}, names the same ({words}) "
            "but shares nothing of what is said"
        )
    elif cp.shared:
        shared = f"the closest sentence, in {claims[cp.index].article}, shares only {words}"
    else:
        shared = "no sentence of another source shares a specific word with it"
    return f"no counterpart in any other source: {aligned}; {shared}"


def _codes_differ(claims: list[Claim], i: int, j: int) -> list[Finding]:
    """Claim i's codes that its counterpart, claim j, gives with other digits ("batch DX-4471" /
    "batch DX-4417"): one source against one, medium."""
    there = claims[j]
    return [
        Finding(
            True,
            f"codes differ: '{claims[i].text[a:b]}' here, '{there.text[c:d]}' in {there.article}",
            (a, b),
            [j],
        )
        for (_, _, (a, b)), (_, _, (c, d)) in codes.differing(claims[i].text, there.text)
    ]


def _figures_differ(mine: Sequence[Slot], theirs: Sequence[Slot]) -> bool:
    """A count of the same noun, in the same role, in both, with figures that do not meet."""
    return any(_counts_alike(s, o) and not numbers.compatible(s, o) for s in mine for o in theirs)


def _counts_alike(s: Slot, o: Slot) -> bool:
    """Two figures that may give the same thing: of one noun, in one role and unit."""
    if s.kind != "number" or o.kind != "number" or s.key.isdisjoint(o.key):
        return False
    return s.value[2:] == o.value[2:]  # type: ignore[index]


def _figure_unmet(
    mine: Sequence[Slot], theirs: Sequence[Slot], text: str
) -> tuple[Slot, Slot] | None:
    """A figure of the claim (`mine`) and another that its closest sentence (`text`, with
    `theirs`) gives for the same thing, in the same role, when that sentence gives none of the
    claim's figures: neither one that meets it nor the same digits in any role ("sought a
    sentence of 12 years" / "asked for a 12-year term")."""
    unmet = None
    for s in mine:
        if s.kind != "number":
            continue
        same = [o for o in theirs if _counts_alike(s, o)]
        if any(numbers.compatible(s, o) for o in same) or _writes(text, s.surface):
            return None
        if same and unmet is None:
            unmet = (s, same[0])
    return unmet


def _writes(text: str, surface: str) -> bool:
    """`text` writes one of the figures of `surface` as it does, in digits or as a fraction
    ("12" of "a 12-year term", "half" of "half a point")."""
    words = {w.lower() for w in _WORD.findall(surface)} & _FIGURE_WORDS
    return next(_digits_at(text, surface), None) is not None or any(
        re.search(rf"\b{w}\b", text, re.IGNORECASE) for w in words
    )


def _digits_at(text: str, surface: str) -> Iterator[int]:
    """Where `text` writes one of the figures `surface` writes in digits ("14" of "14 league
    goals" in "take him to 14"), not as a part of another figure ("140", "2,140")."""
    for f in _DIGITS.findall(surface):
        at = text.find(f)
        while at >= 0:  # (str.find: a pattern per figure filled the regex cache, and missed it)
            end = at + len(f)
            if not (at and text[at - 1] in _IN_FIGURE) and text[end : end + 1] not in _AFTER:
                yield at
            at = text.find(f, at + 1)


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_IN_FIGURE = frozenset("0123456789,.")  # before a figure's first digit: it is another's
_AFTER = _IN_FIGURE - {"."}  # ...and after its last ("14." ends a sentence)
_WORD = re.compile(r"[^\W\d_]+")
# a year a sentence sets its event in: opening it ("In March 2022, ...", "Last year a ...",
# "Two years ago, ...") or told of ("was in 2009, when a tremor ...", "recalls the 2011 raid
# on a gallery in Corvara, when ...")
_YEAR = r"(?:19|20)\d\d"  # a year of a news story's time (also `_PAST_EVENT`, `_A_YEAR`)
_SET_YEAR = rf"({_YEAR}|last year|\w+ years ago)"
_SET_IN = re.compile(
    rf"^\W*(?:\w+\W+){{0,3}}?{_SET_YEAR}\b|\b{_SET_YEAR}\b[^,.;]*, when\b", re.IGNORECASE
)


def _set_in(text: str) -> str:
    """The year `text` sets its event in (`_SET_IN`), lower case; else ""."""
    if not _A_YEAR.search(text) and "year" not in text.lower():
        return ""  # (most sentences: the whole pattern is not tried at every character)
    m = _SET_IN.search(text)
    return (m.group(1) or m.group(2)).lower() if m else ""


# (not "two" or "ten": small numbers in words count many things in one sentence)
_FIGURE_WORDS = frozenset(["half", "quarter", "third"])


# A sentence opening with these leans on the one before for whom it is about ("He said he had
# called Okafor", "She said the union would fight"): other sources name them instead
_BACK_REFERENCES = frozenset("he she they his her their".split())  # noqa: SIM905


def _leans_back(text: str) -> bool:
    toks = tokenize(text)
    return bool(toks) and toks[0].lower in _BACK_REFERENCES


def suggest_story(
    story: Story, evidence: Iterable[Evidence] | None = None, scorer: PairScorer | None = None
) -> list[Suggestion]:
    """One suggestion per claim of `story`, in document order. `scorer`: alignment's
    `PairScorer` of the story's claims, reused for pairs the evidence did not keep."""
    claims = story.claims()
    if not claims:
        return []
    ev_by_claim: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence or ():
        ev_by_claim[e.claim_id].append(e)
    suggester = StorySuggester(story, scorer)
    suggester.expect(range(len(claims)))
    out: list[Suggestion | None] = [None] * len(claims)
    # body claims first: an unsupported headline is judged by the body sentence it condenses
    for i in sorted(range(len(claims)), key=suggester.is_headline):
        out[i] = suggester.suggest(i, ev_by_claim.get(claims[i].id, ()))
    return [s for s in out if s is not None]


# "the 2015 quake", "the 2009 spill": a past event named by its year
_PAST_EVENT = re.compile(rf"\bthe ({_YEAR}) [a-z]+")
_A_YEAR = re.compile(rf"\b{_YEAR}\b")  # (a sentence with a year of its own keeps it)
# a sentence whose subject points back: "It killed some 9,000 people"
_POINTS_BACK = ("It ", "They ", "That ", "This ")


OWNERS_READ = 50  # an article's distinct owners of one thing compared at most (`_owned`)


def _vouch_more(agreed: Finding, cp: Counterpart) -> bool:
    """Figures that agree (`agreed`, a fallback finding) vouch for a claim more than its
    counterpart `cp` does by its words: those are a weak sign ("low"), the figures are not."""
    return confidence.of_counterpart(cp) == "low" and agreed.confidence != "low"


def _same_owner(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two counts' owners (`numbers.owners`) name one: a name in common, by its stem ("Russian
    negotiators" / "Russia has massed"), or a city and its country ("Moscow" / "Russia")."""
    if a & b or {stem(x) for x in a} & {stem(x) for x in b}:
        return True
    known = places.gazetteer()
    return any(known.contains(x, y) or known.contains(y, x) for x in a for y in b)


def _owned(claims: Sequence[Claim], slots: Sequence[Sequence[Slot]]) -> frozenset[str]:
    """The things (slot keys) an article counts for several owners its clauses name, with a
    figure each ("The Labour Front won 29 seats" / "The Greens won six seats"): there one
    owner's count is not another's (`numbers.owners`)."""
    seen: dict[tuple[str, str], dict[frozenset[str], object]] = defaultdict(dict)
    for claim, found in zip(claims, slots, strict=True):
        for s in found:
            if s.kind == "number" and (who := numbers.owners(s)):
                for k in s.key:
                    by = seen[(claim.article, k)]
                    if len(by) < OWNERS_READ:
                        by.setdefault(who, s.value[:2])  # type: ignore[index]
    return frozenset(
        k
        for (_, k), by in seen.items()
        if any(by[a] != by[b] and not _same_owner(a, b) for a, b in itertools.combinations(by, 2))
    )


def _of_past_events(
    claims: Sequence[Claim], slots: list[list[Slot]], years: Sequence[str]
) -> list[list[Slot]]:
    """`slots`, the figures of a sentence set in a year of its own (`years`, each claim's
    `_set_in`: "In 2016, when the thefts began, the county's budget was about $39m"), or whose
    subject points back ("It killed some 9,000 people") to a past event the sentence before
    names by its year ("..., with the 2015 quake the most devastating"), set in that year, as
    `numbers` sets a figure said to be of one: they are that year's, not the story's."""
    out = list(slots)
    for i in range(len(claims)):
        text, year = claims[i].text, years[i]
        if not year and i:
            before = claims[i - 1]
            if before.article != claims[i].article or not text.startswith(_POINTS_BACK):
                continue
            if not (m := _PAST_EVENT.search(before.text)) or _A_YEAR.search(text):
                continue
            year = m.group(1)
        if not year:
            continue
        out[i] = [
            replace(s, value=(*s.value[:4], f"{s.value[4]} in {year}"))  # type: ignore[index]
            if s.kind == "number" and " in " not in s.value[4]  # type: ignore[index]
            else s
            for s in slots[i]
        ]
    return out


def _others_of_another_role(claims: Sequence[Claim], slots: list[list[Slot]]) -> list[list[Slot]]:
    """`slots`, an "other" count of what befell them right after a sentence of the same article
    counting people something else befell read as all of them (`numbers.all_of_its_role`):
    "...has risen to 37. Another 214 people were injured" gives the injured, all 214."""
    out = list(slots)
    for i in range(1, len(claims)):
        if claims[i - 1].article == claims[i].article:
            before = slots[i - 1]  # (most sentences give no figure: no list of them is read)
            out[i] = [numbers.all_of_its_role(s, before) for s in slots[i]] if slots[i] else []
    return out


def _breakdowns(claims: Sequence[Claim], slots: Sequence[Sequence[Slot]]) -> set[tuple]:
    """(article, key, unit and role) of each count an article gives place by place: figures
    that cannot be one for two places, or for a place and in all ("37 dead", "20 in Dorvan
    district", "17 in Kessa"). Its counts by place are parts of its total, not the total."""
    by_place: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for claim, found in zip(claims, slots, strict=True):
        for s in found:
            if s.kind == "number" and "age" not in s.key:  # (whose age is not where)
                where = by_place[(claim.article, *numbers.counted(s))]
                where[numbers.place_of(s)].add(s.value[:2])  # type: ignore[index]
    return {
        what for what, where in by_place.items()
        if any(
            not interval_overlap(a, b)
            for p, q in itertools.combinations(where.values(), 2) for a in p for b in q
        )
    }  # fmt: skip


_SHARES = frozenset(["percent", "score"])


def _merged(by_article: dict[str, set[str]], origin: Mapping[str, str]) -> dict[str, set[str]]:
    """`by_article` with each copy's stems under the article it is a copy of."""
    out: dict[str, set[str]] = {}
    for article, stems in by_article.items():
        out.setdefault(origin.get(article, article), set()).update(stems)
    return out


def _apart_from_figure(s: Slot) -> tuple | None:
    """What a count reads as besides its figure (key, context, unit, role and part,
    vagueness): counts that read the same are voted with the same others (`_related`,
    `_compared`). None where that reads the figure: not a count, or a tally so far."""
    if s.kind != "number" or numbers.RUNNING_MARK in s.context:
        return None
    # (nobody at all walks other counts than some: `_by_fate`)
    return (s.key, s.context, s.value[2:], numbers.vague(s), numbers.nobody(s))  # type: ignore[index]


class StorySuggester:
    """`suggest_story` one claim at a time, each claim's evidence given only when it is
    suggested: what needs the whole story (votes per fact, negations, spellings, names) is
    worked out once, up front, so a big story's evidence can come and go block by block.
    A headline claim must come after the body claim it condenses (`waits`)."""

    def __init__(
        self,
        story: Story,
        scorer: PairScorer | None = None,
        read: ClaimReadings | None = None,
    ) -> None:
        """`read`: the readings of the story's claims when the caller has them (a long story's
        are read by several processes); else they are read here."""
        claims = story.claims()
        if read is None:
            read = read_claims(claims)
        # a copy of another article (the same wire report twice) is that one source: what it
        # repeats backs nothing, and it is not counted again in a vote
        self.origin = origin = origins(story.articles)
        # no other source to compare with: the reason of every claim ("" when there is one)
        articles = {c.article for c in claims}
        sources = {origin.get(a, a) for a in articles}
        self.alone = (
            "" if len(sources) > 1
            else "no other source: the story has one article" if len(articles) < 2
            else "no other source in the story"
        )  # fmt: skip
        if origin:
            claims = [replace(c, article=origin.get(c.article, c.article)) for c in claims]
            read = replace(read, capitalised=_merged(read.capitalised, origin))
            read = replace(read, words=_merged(read.words, origin))
        self.claims = claims
        # each claim's slot votes are counted when it is suggested (`_votes`): in the process
        # that suggests its block, for a long story shared among processes
        # the year each claim sets its event in, if any (`_set_in`): its figures are that
        # year's, and only a sentence of that year vouches for it (`suggest`)
        self.years = years = [_set_in(c.text) for c in claims]
        past = _of_past_events(claims, read.slots, years)
        self.slots = slots = _others_of_another_role(claims, past)
        self.groups = _candidates(slots, claims)  # (compared as set in their year, both ways)
        # the counts whose thing the story counts for several groups ("12 Thai hostages", "13
        # Israeli hostages"): a group's count is a part there, not where one group is all there
        # is ("100,000 Russian troops" / "100,000 troops")
        grouped: dict[str, set[str]] = defaultdict(set)
        for ss in slots:
            for x in ss:
                if x.kind == "number" and (g := numbers.groups(x)):
                    for k in x.key:
                        grouped[k] |= g
        self.several = frozenset(k for k, g in grouped.items() if len(g) > 1)
        self.owned = _owned(claims, slots)
        self.breakdowns = _breakdowns(claims, slots)
        names = names_only((stems for n in read.names for _, _, stems in n), read.lower)
        self.counterparts = Counterparts(claims, read.specific, read.quoted, names)
        self.headline_ids = story.headline_ids()
        self.pair = _PairScores(claims, {}, scorer, self.headline_ids)
        # findings that need no evidence, kept apart so that each claim's are put together in
        # the order the reason names them: votes, (place), negations, (dates), spellings
        self.places = _Places(claims, read.capitalised)
        self.negations: list[list[Finding]] = [[] for _ in claims]
        _negation_findings(claims, self.negations, read, self.counterparts.idf)
        self.spellings: list[list[Finding]] = [[] for _ in claims]
        # one finding per name of a claim and its other spelling, naming every source of that
        spelled: dict[tuple[int, tuple[int, int], str], list[int]] = defaultdict(list)
        for i, j, theirs, span in spelling.conflicts(
            [c.text for c in claims], [c.article for c in claims], read.slots, read.full_names
        ):
            spelled[(i, span, theirs)].append(j)
        for (i, span, theirs), js in spelled.items():
            mine = claims[i].text[span[0] : span[1]]
            where = _listing({theirs: [claims[j].article for j in dict.fromkeys(js)]})
            reason = f"name spelled differently: '{mine}' here, {where}"
            self.spellings[i].append(Finding(True, reason, span, js, "medium"))
        self.lone = _lone_names(claims, read)
        self.figures = _Figures(claims, read.figures)
        # the body sentence each headline condenses, whose suggestion it may take up
        self.lead = headline_leads(claims, self.headline_ids, read.specific)
        self.restated: dict[int, Suggestion] = {}
        self._wanted = set(self.lead.values())
        self._voted: dict[Hashable, Finding | None] = {}  # `_votes`
        self._givers: dict[int, frozenset[str]] = {}  # `_giver`
        self._measured: dict[int, list[Figure]] = {}  # (`aligned_figures`)
        self._revoted: dict[Hashable, Finding | None] = {}  # `_with_aligned`
        self._voters_of: dict[Hashable, list[tuple[int, Slot]]] = {}  # `_voters`
        self._walked: dict[Hashable, list[tuple[int, Slot, bool]]] = {}  # `_related`
        self._walked_all: dict[Hashable, list[tuple[int, Slot, bool]]] = {}  # `_related`
        self._slots_of: dict[tuple[str, frozenset], Counter[str]] = {}  # `_few_slots`
        self._read_as: dict[int, tuple[list[tuple[int, Slot]], np.ndarray]] = {}  # `_readings`

    def _votes(self, i: int) -> list[Finding]:
        """Claim i's findings from the story-wide vote on each of its slots. A vote rests on
        what the slot says and where (all but its span) and is cast once: a long story gives
        the same figure in the same words in many sentences (the 2 MB benchmark article's
        22,770 slots are 9,219 votes)."""
        out = []
        for s in self.slots[i]:
            key = self._vote_key(i, s)
            try:
                f = self._voted[key]
            except KeyError:
                f = self._voted[key] = self._vote_on(i, s)
            except TypeError:  # (a value that cannot be a key)
                f = self._vote_on(i, s)
            if f := self._attributed(i, f):
                out.append(replace(f, span=s.span, sources=list(f.sources)))
        return out

    def _vote_key(self, i: int, s: Slot) -> Hashable:
        """What the vote on slot `s` of claim i rests on: all but the claim itself (and who it
        says gives its facts, weighed after the vote: `_attributed`)."""
        # (the claim's other figures of the same thing shape the vote: see `_vote_on`)
        sibs = tuple(x.value for x in self.slots[i] if x is not s and _siblings(x, s))
        return (s.kind, s.key, s.value, s.surface, s.context, self.claims[i].article, sibs)

    def _attributed(self, i: int, f: Finding | None) -> Finding | None:
        """`f`, a finding of a vote on a figure of claim i (`_vote`); a conflict at low
        confidence when claim i names who gives its facts and each source against it names
        another giver ("magnitude 6.2, the national institute said" / "6.4, the USGS said":
        two givers' figures, which may both be reported right). Weighed claim by claim, after
        the vote: a vote is cast once for the many claims that read the same
        (`_vote_key`), and only a conflict asks who gives what."""
        if f is None or not f.contradicts:
            return f
        mine = self._giver(i)
        if mine and all((theirs := self._giver(j)) and not theirs & mine for j in f.sources):
            reason = f"{f.reason}; each attributed to another source"
            return replace(f, reason=reason, confidence="low")
        return f

    def _giver(self, k: int) -> frozenset[str]:
        """`attributed.named_source` of claim k, read once a claim (its own cache holds fewer
        sentences than a long story has)."""
        got = self._givers.get(k)
        if got is None:
            got = self._givers[k] = named_source(self.claims[k].text)
        return got

    def _vote_on(self, i: int, s: Slot) -> Finding | None:
        """The finding of the story-wide vote on slot `s` of claim i."""
        rel = self._voters(i, s)
        return _vote(i, s, self.claims, rel) if rel else None

    def _with_aligned(
        self, i: int, measured: tuple[Slot, list[tuple[int, Slot]]], findings: list[Finding]
    ) -> list[Finding]:
        """`findings` with the vote on claim i's figure cast again with the sources that give
        it only in sentences aligned with the claim (`aligned.aligned_figures`), which its
        words did not relate: "6.1 metres" / "5.8 metres" voted, and a third source's "peaked
        at 5.8 metres at the gauge" is one more for 5.8, not a tie. At most medium: those
        sentences share little else with it."""
        x, theirs = measured
        rel = self._voters(i, x)
        voted = {self.claims[j].article for j, _ in rel}
        more = [(j, y) for j, y in theirs if self.claims[j].article not in voted]
        if not rel or not more:
            return findings  # (no vote to add to: `_aligned_elsewhere`)
        kept = [f for f in findings if f.span != x.span]
        # cast once for the same vote and the same aligned slots, as `_votes` casts its own: a
        # long article's measures are aligned with the same few of a short one's again and
        # again (the slots are the suggester's for its lifetime: told apart by identity)
        key = (self._vote_key(i, x), tuple((j, id(y)) for j, y in more))
        try:
            f = self._revoted[key]
        except KeyError:
            f = self._revoted[key] = _vote(i, x, self.claims, rel + more)
        except TypeError:  # (a value that cannot be a key)
            f = _vote(i, x, self.claims, rel + more)
        if f := self._attributed(i, f):
            weaker = confidence.weakest((f.confidence, "medium"))
            kept.append(replace(f, span=x.span, sources=list(f.sources), confidence=weaker))
        return kept

    def _voters(self, i: int, s: Slot) -> list[tuple[int, Slot]]:
        """The slots of other sources that vote on slot `s` of claim i, found once a vote
        (`_vote_key`): the vote cast again with aligned sentences (`_with_aligned`) asked for
        them claim by claim, a third of a long article's suggestions when it repeats itself."""
        key = self._vote_key(i, s)
        try:
            return self._voters_of[key]
        except KeyError:
            got = self._voters_of[key] = self._find_voters(i, s)
            return got
        except TypeError:  # (a value that cannot be a key)
            return self._find_voters(i, s)

    def _find_voters(self, i: int, s: Slot) -> list[tuple[int, Slot]]:
        rel = self._related(i, s)
        if rel and "age" in s.key:
            rel = rel + self._same_age_elsewhere(i, s, rel)
        if rel:
            rel = rel + self._backing_through_rivals(i, s, rel)
        if s.kind == "number" and s.key & self.several:
            mine = numbers.groups(s)
            rel = [(j, o) for j, o in rel if numbers.groups(o) == mine]
        if s.kind == "number" and s.key & self.owned and (owner := numbers.owners(s)):
            rel = [
                (j, o)
                for j, o in rel
                if not (theirs := numbers.owners(o)) or _same_owner(owner, theirs)
            ]
        if s.kind == "number" and rel:
            # a sentence that writes the claim's figure too, bare (read as no count of
            # anything), may give it there: "Vidric's two goals take him to 14" does not set
            # "two" against "14 league goals"
            rel = [
                (j, o)
                for j, o in rel
                if not self._writes_bare(j, s.surface) or numbers.compatible(s, o)
            ]
        return self._not_others(i, s, rel) if rel else []

    def _writes_bare(self, j: int, surface: str) -> bool:
        """Claim j writes a figure of `surface` in digits outside every slot read from it."""
        spans = [x.span for x in self.slots[j]]
        return any(
            not any(a <= at < b for a, b in spans)
            for at in _digits_at(self.claims[j].text, surface)
        )

    def _related(self, i: int, s: Slot, skip: Collection[str] = ()) -> list[tuple[int, Slot]]:
        """The slots of other articles (not those of `skip`) that slot `s` of claim i is voted
        with (`related` and `_same_scope`), in the groups' order. Whether a count is, reads
        neither figure (but a tally's, below): they are walked once for all the counts of an
        article that read the same but for their figure (the 2 MB benchmark article's 9,000
        votes walked the short articles' counts 9,000 times for a few hundred such counts)."""
        mine = self.claims[i].article
        reading = _apart_from_figure(s)
        # (a count's walk reads its figure only when it is a tally; another slot's, its value)
        what = reading or (s.kind, s.key, s.value, s.surface, s.context)
        if (every := self._walked_everywhere(i, s, what)) is not None:
            return self._related_of(i, s, self._walked_except(every, mine, skip))
        key = None if reading is None else (reading, mine)
        walked = None if key is None else self._walked.get(key)
        if walked is None:
            # a walk past the articles of `skip` is kept under them too: a long article's
            # votes on a short one's few counts (`_backing_through_rivals`) skip the same
            # articles again and again, and a walk of the long one's is not kept
            key = key if key is None or not skip else (*key, frozenset(skip))
            walked = None if key is None else self._walked.get(key)
            if walked is None:
                walked = self._walk(i, s, skip)
                if key is not None and len(walked) <= WALK_KEPT:
                    self._walked[key] = walked
        elif skip:
            walked = [w for w in walked if self.claims[w[0]].article not in skip]
        return self._related_of(i, s, walked)

    def _related_of(
        self, i: int, s: Slot, walked: list[tuple[int, Slot, bool]]
    ) -> list[tuple[int, Slot]]:
        """The slots of a walk (`_walk`) that slot `s` of claim i is voted with."""
        related, _ = RULES[s.kind]
        # a tally so far is related by its figure and this one's (`numbers.related`): asked again;
        # the others were walked apart from their figures (`_compared`), which are read here
        apart = s.kind == "number"
        return [
            (j, o)
            for j, o, tally in walked
            if (
                (related(s, o) and self._same_scope(i, s, j, o))
                if tally
                else not (apart and numbers.far_apart(s, o))
            )
        ]

    @functools.cached_property
    def _told(self) -> dict[str, _Told]:
        """`_when_elsewhere`'s sentences, read as it asks."""
        return {}

    @functools.cached_property
    def _articles(self) -> frozenset[str]:
        """The story's articles."""
        return frozenset(c.article for c in self.claims)

    @functools.cached_property
    def _walked_but(self) -> dict[Hashable, list[tuple[int, Slot, bool]]]:
        """`_walked_except`'s walks."""
        return {}

    def _walked_except(
        self, every: list[tuple[int, Slot, bool]], mine: str, skip: Collection[str]
    ) -> list[tuple[int, Slot, bool]]:
        """A walk through every article (`_walked_everywhere`) without the slots of article
        `mine` and of those of `skip`, worked out once for each: the votes on a long article's
        counts asked it again and again of the few rivals in a short one (`_backing_through_
        rivals`), each time reading the long one's hundreds of slots only to drop them. (Kept
        by the walk's identity: the walks are the suggester's for its lifetime.)"""
        key = (id(every), mine, frozenset(skip))
        got = self._walked_but.get(key)
        if got is None:
            claims = self.claims
            got = self._walked_but[key] = [
                w for w in every if (a := claims[w[0]].article) != mine and a not in skip
            ]
        return got

    def _walked_everywhere(
        self, i: int, s: Slot, what: tuple
    ) -> list[tuple[int, Slot, bool]] | None:
        """`_walk` of slot `s` of claim i through every article, its own too, when its key's
        slots are few (`_few_slots`); else None. It is the walk of every slot that reads as
        s does (`what`: a count apart from its figure, `_apart_from_figure`; any other all but
        its span), in whatever article, and whose article's breakdown it is or is not part of
        alike (all that `_same_scope` reads of claim i): the walk of each is this one without
        its own article's slots, in the same order. Walks kept by their article were walked
        again for each slot of a story of many short articles, and for each of its rivals
        (`_backing_through_rivals`): 1,000 articles of five sentences took three minutes,
        growing with the cube of their number."""
        if not self._few_slots(i, s):
            return None
        key = (what, self._in_breakdown(i, s))
        try:
            known = key in self._walked_all
        except TypeError:  # (a value that cannot be a key)
            return None
        if not known:  # (no longer than `WALK_KEPT`: its slots are no more)
            self._walked_all[key] = self._walk(i, s, everywhere=True)
        return self._walked_all[key]

    def _few_slots(self, i: int, s: Slot) -> bool:
        """Whether the story's slots of s's kind and keys are at most `WALK_KEPT` in all (so
        are its walks; a long article's counts are many, and walked article by article), and
        at most a third of them claim i's article's: a walk through its own article too is
        wasted on those (a 2 MB article's slots, walked with the short articles' few, made
        its suggestions a third slower)."""
        key = (s.kind, s.key)
        count = self._slots_of.get(key)
        if count is None:
            count = self._slots_of[key] = Counter()
            for k in s.key or {""}:
                for article, group in self.groups.get((s.kind, k), {}).items():
                    count[article] += len(group)
        total = count.total()
        return total <= WALK_KEPT and 3 * count[self.claims[i].article] <= total

    def _in_breakdown(self, i: int, s: Slot) -> bool:
        """Whether count `s` of claim i is its article's count for one place, part of a total
        (`_same_scope`, which reads no more of claim i)."""
        return (
            s.kind == "number"
            and bool(numbers.place_of(s))
            and (self.claims[i].article, *numbers.counted(s)) in self.breakdowns
        )

    def _walk(
        self, i: int, s: Slot, skip: Container[str] = (), everywhere: bool = False
    ) -> list[tuple[int, Slot, bool]]:
        """(j, o, tally) for the slots o of other articles than claim i's (`everywhere`: of
        every article) and not of those of `skip`, of s's kind and key, in order, that
        `_compared` keeps; each count that is a tally so far kept too, with tally True (whether
        it is related reads s's figure: `_related`)."""
        groups = self.groups
        mine = None if everywhere else self.claims[i].article
        kept = self._kept(i, s)
        also = _by_fate(s)[1]
        if len(s.key) <= 1 and not also:  # one group, in which each slot is once
            (k,) = s.key or {""}
            return [
                x
                for article, group in groups.get((s.kind, k), {}).items()
                if article != mine and article not in skip
                for x in kept(article, group)
            ]
        seen: set[int] = set()
        out = []
        for k in [*sorted(s.key), *also]:  # sorted: the same result in every process
            for article, group in groups.get((s.kind, k), {}).items():
                if article == mine or article in skip:
                    continue
                for j, o, tally in kept(article, group):
                    if id(o) not in seen:
                        seen.add(id(o))
                        out.append((j, o, tally))
        return out

    def _kept(
        self, i: int, s: Slot
    ) -> Callable[[str, list[tuple[int, Slot]]], list[tuple[int, Slot, bool]]]:
        """The (j, o, tally) of a group of `article`'s slots that `_walk` keeps for slot `s` of
        claim i, in order. A count that reads apart from its figure is compared with each
        reading of the group's once (`_compared`), and the slots of the readings kept are
        picked out in one array operation: a long article's vote walked every count of
        another long one's, one by one, for the few that were kept."""
        compared = self._compared(i, s)
        if _apart_from_figure(s) is None:
            tallies = s.kind == "number"
            return lambda article, group: [
                (j, o, tally)
                for j, o in group
                if (tally := tallies and numbers.RUNNING_MARK in o.context)
                or compared(article, j, o)
            ]

        def kept(article: str, group: list[tuple[int, Slot]]) -> list[tuple[int, Slot, bool]]:
            firsts, code = self._readings(group)
            ok = np.array([compared(article, j, o) for j, o in firsts] + [True])  # (-1: tally)
            return [
                (j, o, _apart_from_figure(o) is None)
                for j, o in (group[x] for x in np.flatnonzero(ok[code]).tolist())
            ]

        return kept

    def _readings(self, group: list[tuple[int, Slot]]) -> tuple[list[tuple[int, Slot]], np.ndarray]:
        """The first slot of each reading apart from the figure (`_apart_from_figure`) of a
        group of counts (of one article, in `groups`), and each slot's reading as the number of
        that first one (-1: a tally so far, which reads its figure); worked out once a group
        (by identity: the groups are the suggester's for its lifetime)."""
        got = self._read_as.get(id(group))
        if got is None:
            number: dict[tuple, int] = {}
            firsts: list[tuple[int, Slot]] = []
            code = np.empty(len(group), dtype=np.int64)
            for x, (j, o) in enumerate(group):
                reading = _apart_from_figure(o)
                if reading is None:
                    code[x] = -1
                    continue
                c = number.setdefault(reading, len(firsts))
                if c == len(firsts):
                    firsts.append((j, o))
                code[x] = c
            got = self._read_as[id(group)] = (firsts, code)
        return got

    def _compared(self, i: int, s: Slot) -> Callable[[str, int, Slot], bool]:
        """Whether slot `s` of claim i is voted with slot o of claim j (of `article`):
        `related` and `_same_scope`. A count's is asked once per article and what the two
        read of o besides its figure (its key, context, unit, role and part, vagueness): the
        vote on a short article's count walks every count of a long one's, which repeats
        these (a 2 MB article's 22,000 counts read a few hundred ways). (A tally so far reads
        the figures themselves: see `_walk`.)"""
        related, _ = RULES[s.kind]
        if _apart_from_figure(s) is None:
            return lambda article, j, o: related(s, o) and self._same_scope(i, s, j, o)
        # (a count is compared apart from its figure; how far apart two figures are is read
        # figure by figure, `_related_of`)
        related = functools.partial(numbers.related, apart=False)
        known: dict[tuple, bool] = {}

        def compared(article: str, j: int, o: Slot) -> bool:
            key = (article, _apart_from_figure(o))
            got = known.get(key)
            if got is None:
                got = known[key] = related(s, o) and self._same_scope(i, s, j, o)
            return got

        return compared

    def _not_others(self, i: int, s: Slot, rel: list[tuple[int, Slot]]) -> list[tuple[int, Slot]]:
        """`rel` without the figures that are plainly of something else: a sentence giving
        slot s's figure among others ("screened 360,000 men and recruited 12,866") agrees with
        it and its others are other counts; a figure that another of claim i's own slots gives
        is that slot's, no dissent from s."""
        if s.kind != "number":
            return rel
        related, compatible = RULES[s.kind]
        mine = [x for x in self.slots[i] if x is not s and _siblings(x, s)]
        agrees: dict[object, bool] = {}  # (`_as_written`: a long story repeats a few)
        with_it = []  # each of `rel` agrees with s
        for _, o in rel:
            if (v := _as_written(o)) not in agrees:
                agrees[v] = compatible(s, o)
            with_it.append(agrees[v])
        agreeing = {j for (j, _), a in zip(rel, with_it, strict=True) if a}
        # a sum said to be of no part of a result ("$6.4B income") is of the part that a
        # source's matching sum is ("operating income was $6.37 billion"), not of another
        # ("net income ... 5.11 billion dollars")
        matched = set()
        if not numbers.result_part(s):
            matched = {
                p
                for (_, o), a in zip(rel, with_it, strict=True)
                if a
                for p in numbers.result_part(o)
            }

        def other_part(o: Slot) -> bool:
            part = numbers.result_part(o)
            return bool(matched and part) and not part & matched

        # a breakdown ("investors lost $1.7 billion, lenders $1.3 billion and customers $8
        # billion") does not contradict its total ("a fraud of about $10 billion"), nor its
        # total any part of it
        my_sum = self._sum_of_parts(i, s)

        def adds_up(j: int, o: Slot) -> bool:
            if my_sum is not None and interval_overlap(my_sum, o.value[:2]):  # type: ignore[index]
                return True
            their_sum = self._sum_of_parts(j, o)
            return their_sum is not None and interval_overlap(their_sum, s.value[:2])  # type: ignore[index]

        return [
            (j, o)
            for (j, o), a in zip(rel, with_it, strict=True)
            if a
            or (
                j not in agreeing
                and not other_part(o)
                and not any(related(x, o) and compatible(x, o) for x in mine)
                and not adds_up(j, o)
            )
        ]

    def _sum_of_parts(self, k: int, part: Slot) -> tuple[float, float] | None:
        """The sum of the figures of claim k, of one thing, when `part` is one of several (a
        breakdown); else None. (Not shares: percentages of several things add up to
        nothing.)"""
        if part.value[2] in _SHARES:  # type: ignore[index]
            return None
        parts = {
            x.value[:2]
            for x in self.slots[k]
            if _siblings(x, part) and x.value[2:] == part.value[2:]
        }  # type: ignore[index]
        if len(parts) < 2:
            return None
        return sum(v[0] for v in parts), sum(v[1] for v in parts)

    def _backing_through_rivals(
        self, i: int, s: Slot, rel: list[tuple[int, Slot]]
    ) -> list[tuple[int, Slot]]:
        """The slots of other sources that agree with `s` and are related to a rival of it,
        though not to `s` itself (relating reads the words around each figure, and is not
        transitive): "a seven-week trial" here, "eight weeks" there, and a third source's
        "following a seven-week trial" in other words is the third source's vote for seven,
        not a tie."""
        claims, compatible = self.claims, RULES[s.kind][1]
        mine = claims[i].article
        voted = {claims[j].article for j, _ in rel} | {mine}
        if voted >= self._articles:
            return []  # (every source votes already: the rivals' walks would skip them all)
        out: dict[int, tuple[int, Slot]] = {}
        seen: set[int] = set()  # (rivals share most of their related slots: each read once)
        for j, o in rel:
            if compatible(s, o):
                continue
            # (the articles that vote already are not walked: a long one's thousands of slots
            # were, for each of its claims, a quarter of a 2 MB article's suggestions)
            for k, x in self._related(j, o, skip=voted):
                if id(x) not in seen:
                    seen.add(id(x))
                    if compatible(s, x) and x.kind == s.kind:
                        out[id(x)] = (k, x)
        return list(out.values())

    def _same_age_elsewhere(
        self, i: int, s: Slot, rel: list[tuple[int, Slot]]
    ) -> list[tuple[int, Slot]]:
        """The ages that the articles of `rel` give elsewhere and that agree with `s`: a source
        naming a boy of 8 and his brother of 4 agrees with "a four-year-old boy", whichever of
        its two the words of the claim relate it to (ages are of people, often unnamed). And
        the one age of a source that gives only one, of someone it does not name, when it is
        a value of the vote ("Graham Ashby, 57" / "Ashby, 58" / "The 57-year-old was found
        guilty": the third source backs the 57, not a tie)."""
        claims, compatible = self.claims, RULES[s.kind][1]
        articles = {claims[j].article for j, _ in rel}
        seen = {id(o) for _, o in rel}
        out = []
        for article, group in self.groups.get((s.kind, "age"), {}).items():
            if article in articles:
                out += [
                    (j, o)
                    for j, o in group
                    if id(o) not in seen and o.value[2:] == s.value[2:] and compatible(s, o)  # type: ignore[index]
                ]
            elif len(group) == 1 and article != claims[i].article:
                j, o = group[0]
                if (
                    o.value[2:] == s.value[2:]  # type: ignore[index]
                    and not numbers.whose(o)
                    and any(compatible(o, x) for x in [s, *(x for _, x in rel)])
                ):
                    out.append((j, o))
        return out

    def _same_scope(self, i: int, s: Slot, j: int, o: Slot) -> bool:
        """False when one of two counts is a part of its source's total, the count for one
        place, and the other is not of that place: "17 dead in Kessa district" is not compared
        with "54 dead" in all, nor with "28 dead in Dorvan district"."""
        if s.kind != "number" or numbers.place_of(s) == numbers.place_of(o):
            return True
        return not (self._in_breakdown(i, s) or self._in_breakdown(j, o))

    def expect(self, claims: range) -> None:
        """Claims `claims` are suggested next, in order (their counterparts are then looked for
        a batch at a time)."""
        self.counterparts.expect(claims)

    def pair_scores(self) -> dict[tuple[str, str], float]:
        """The pairs the evidence did not keep that the suggestions made since this was last
        asked rest on, scored with the suggester's scorer ((claim id, other claim id) -> score):
        for `reader.align.with_pair_scores`, which scored each again."""
        scored, self.pair.scored = self.pair.scored, {}
        return scored

    def _counted_elsewhere(self, i: int) -> bool:
        """True when another article gives a count of the same thing, or a clock time, date or
        year, as claim i does ("about 60 firefighters" / "around 80 firefighters"): the vote
        compares them only where their words meet, but they may be one fact."""
        mine = self.claims[i].article
        return any(
            any(article != mine for article in self.groups.get((s.kind, k), ()))
            for s in self.slots[i]
            if s.kind in _COUNTED
            for k in s.key or {""}
        )

    def is_headline(self, i: int) -> bool:
        return self.claims[i].id in self.headline_ids

    def waits(self, i: int) -> bool:
        """True while claim i cannot be suggested yet: a headline whose body sentence (the one
        it condenses, which its suggestion may take up) has not been."""
        lead = self.lead.get(i, -1)
        return lead >= 0 and lead not in self.restated

    def _corroborated(self, i: int, evidence: Iterable[Evidence]) -> bool:
        """At least `CORROBORATING` other sources each carry claim i's fact, in a sentence
        aligned with it as a strong match: a name only the claim gives is then a detail of that
        fact ("The suspect from Banks, Lancashire, was arrested on suspicion of murder" / "A
        17-year-old from Banks was arrested...", twice), not what the claim is about."""
        index, sources = self.counterparts.index, set()
        for e in evidence:
            j = index.get(e.other_id, -1)
            if e.score >= STRONG_SCORE and j >= 0 and self.counterparts.carries(i, j, e.score):
                sources.add(self.origin.get(e.article, e.article))
                if len(sources) >= CORROBORATING:
                    return True
        return False

    def suggest(self, i: int, evidence: Iterable[Evidence]) -> Suggestion:
        """Claim i's suggestion; `evidence`: claim i's evidence."""
        claims = self.claims
        claim = claims[i]
        ev = list(evidence)
        copies = []  # the claim's sentence in a copy of its article (or in the original)
        if self.origin:
            mine = claim.article  # (the original's name, for a copy's claim)
            copies = [e for e in ev if self.origin.get(e.article, e.article) == mine]
            ev = [e for e in ev if self.origin.get(e.article, e.article) != mine]
        # only the best few are shown or read (a big story has thousands per claim): sorted
        # once, best first, ties in evidence order, for the counterpart search and the list
        shown_n = max(EVIDENCE_SHOWN, CANDIDATES)
        best = (
            sorted(ev, key=_SCORE, reverse=True)[:shown_n]  # (the same, faster on a few)
            if len(ev) <= FEW_EVIDENCE
            else heapq.nlargest(shown_n, ev, key=_SCORE)
        )
        # a sentence giving another figure for the same thing, and none of the claim's, reports
        # another fact ("Calloway employs about 6,800 people" / "the plant employed more than
        # 3,000 people"), however many words the two share: the next best is asked
        mine = self.slots[i]

        # ...and so does one that leaves out the year the claim sets its event in ("In March
        # 2022, another jet returned to the airport ..."): a story's background, not its news
        set_in = self.years[i]

        def refused(k: int) -> str:
            """Why claim k does not vouch for claim i, in the words of a reason; else ""."""
            if set_in and set_in not in claims[k].text.lower():
                return f"does not name {set_in}, when this claim's event was"
            if (theirs := self.years[k]) and theirs not in claim.text.lower():
                return f"tells of {theirs}, which this claim does not name"
            if unmet := _figure_unmet(mine, self.slots[k], claims[k].text):
                return (
                    f"gives another figure: '{unmet[0].surface}' here, '{unmet[1].surface}' there"
                )
            return ""

        refusals: dict[int, str] = {}  # the sentences the words alone would take, and why not

        def vouches(k: int, basis: str) -> bool:
            # (the same quoted words are one report, whatever else they leave out)
            if basis != "same wording" and (why := refused(k)):
                refusals[k] = why
            return k not in refusals

        cp = self.counterparts.of(i, best[:CANDIDATES], ranked=True, vouches=vouches)
        j = cp.index
        pair = self.pair
        pair.evidence, pair.known = {claim.id: ev}, {}
        findings = self._votes(i)
        place = self.places.finding(i, cp) or self.places.elsewhere(
            i,
            [self.counterparts.index.get(e.other_id, -1) for e in best[:CANDIDATES]],
            self.counterparts.stems,
        )
        if place:
            findings.append(place)
        if cp.supported:
            findings += _codes_differ(claims, i, cp.index)
        findings += self.negations[i]
        _when_findings(claims, i, cp, findings)
        _when_elsewhere(claims, i, ev, self.counterparts.index, findings, self._told)
        measured = aligned_figures(
            claims, self.slots, i, ev, self.counterparts.index, self._measured
        )
        for one in measured:
            findings = self._with_aligned(i, one, findings)
            _aligned_elsewhere(claims, i, one, findings)
        findings += self.spellings[i]
        ranked = best[:EVIDENCE_SHOWN]
        shown: list[Evidence] = []
        # hints come from the counterpart and the best-aligned sentences of other articles
        pairs = [(claims[j].text, claims[j].article)] if cp.supported else []
        pairs += [(e.text, e.article) for e in ranked[:3] if e.score >= ALIGNED_SCORE]
        quote = hints.quote_change(claim.text, pairs)
        if quote and quote.meaningful:  # a quote changed in a negation or a figure
            reason = f"quote changed: '{quote.here}' here, '{quote.there}' in {quote.article}"
            src = next((k for k, c in enumerate(claims) if c.article == quote.article), j)
            if cp.supported and claims[j].article == quote.article:
                src = j
            findings.append(Finding(True, reason, quote.span, [src], "medium"))
        doubts = [f.reason for f in findings if f.hint]
        findings = [f for f in findings if not f.hint]
        against = [f for f in findings if f.contradicts]
        majority = [f for f in findings if not f.contradicts and not f.fallback]
        agreed = [f for f in findings if f.fallback]
        lead = self.lead.get(i, -1)
        restated = self.restated[lead] if lead >= 0 else None  # body claims were decided first
        if asks(claim.text):
            label, spans, conf = "unverified", (), "medium"
            reason = "a question: it asserts nothing another source could confirm or contradict"
        elif against:
            # (one reason once: two sentences of one source may meet the claim alike)
            label, reason = "contradicted", "; ".join(dict.fromkeys(f.reason for f in against))
            spans = tuple(f.span for f in against)
            srcs = dict.fromkeys(k for f in against for k in f.sources)  # one per source claim
            shown = _evidence_of(claim, [claims[k] for k in list(srcs)[:EVIDENCE_LISTED]], pair)
            conf = confidence.strongest(f.confidence for f in against)
        elif majority:
            label, reason, spans = "consistent", majority[0].reason, ()
            shown = _evidence_of(
                claim, [claims[k] for k in majority[0].sources[:EVIDENCE_LISTED]], pair
            )
            conf = majority[0].confidence
        elif (
            cp.supported
            and (about := _about(claim, self.lone[i]))
            and not _detail_names(claim, cp, about)
            and not self._corroborated(i, ev)
        ):
            # the counterpart shares words, but not the names this claim is about
            label, spans, conf = "unverified", tuple(about[:3]), "low"
            shown = [_evidence(claim, claims[j], pair)]
            named = _quoted(claim.text[a:b] for a, b in about)
            reason = (
                f"names {named}, which no other source mentions; the closest sentence, in "
                f"{claims[j].article}, shares {_quoted(surface_words(claim.text, cp.shared))}"
            )
        elif agreed and cp.supported and not self.lone[i] and _vouch_more(agreed[0], cp):
            # the counterpart shares few words, and another source gives the claim's figures
            # in other words ("9.8 billion crowns" / "SEK 9.8bn"): they are what vouches for it
            label, reason, spans, conf = "consistent", agreed[0].reason, (), agreed[0].confidence
            shown = _evidence_of(claim, [claims[k] for k in agreed[0].sources], pair)
        elif cp.supported:
            label, spans = "consistent", ()
            reason = _support_reason(cp, claim, claims, self.counterparts.names)
            shown = [_evidence(claim, claims[j], pair)]
            conf = confidence.of_counterpart(cp)
            if conf == "high" and _figures_differ(self.slots[i], self.slots[j]):
                # the two count the same thing otherwise, in words no rule compared ("the
                # evacuation of about 300 residents" / "forced about 250 people from their
                # homes"): the shared words cannot vouch for the figure
                conf = "medium"
            if self.lone[i]:  # names of details no other source gives: said, and not vouched for
                named = _quoted(claim.text[a:b] for a, b in self.lone[i])
                reason = reason.replace(
                    _NO_CONFLICT, f"; {named} named by no other source{_NO_CONFLICT}"
                )
                conf = confidence.weakest((conf, "medium"))
        elif restated is not None and restated.label in ("consistent", "contradicted"):
            label, spans = "consistent", ()
            n = claims[lead].index
            # a headline holding the disputed detail has a finding of its own: this one keeps
            # what the claim says without it
            why = restated.reason
            held = (
                f"which is consistent: {why}"
                if restated.label == "consistent"
                else f"without what is disputed in it (claim {n} is contradicted: {why})"
            )
            reason = f"headline condensing claim {n} of this article, {held}"
            shown = list(restated.evidence[:EVIDENCE_SHOWN])
            conf = "low"  # which body sentence a headline condenses is itself a guess
        elif agreed:  # the same figure in every source that gives it, said in other words
            label, reason, spans = "consistent", agreed[0].reason, ()
            shown = _evidence_of(claim, [claims[k] for k in agreed[0].sources], pair)
            conf = agreed[0].confidence
        else:
            label, spans = "unverified", ()
            reason = self.alone or _unsupported_reason(
                cp, claim, claims, ranked, self.counterparts.names, refusals.get(j, "")
            )
            if copies:
                also = list(dict.fromkeys(e.article for e in copies))
                what = (
                    "a copy, not an independent source"
                    if len(also) == 1
                    else "copies, not independent sources"
                )
                reason = f"the same report in {', '.join(also)} ({what}); {reason}"
            conf = confidence.of_absence(cp, ranked[0].score if ranked else 0.0)
            if conf == "high" and (
                self.is_headline(i)
                or self.figures.elsewhere(i)
                or self._counted_elsewhere(i)
                or _leans_back(claim.text)
                or not in_latin_script(claim.text)
            ):
                # a headline is a few words of summary: nothing matching them proves little;
                # and a figure another source gives too ("310,000 cars" / "310,000 vehicles",
                # "put the number at 20,000") may be the same fact in other words; nor does it
                # in a script the word rules cannot read (its paraphrase shares no "word")
                conf = confidence.weakest((conf, "medium"))
        for e in ranked:
            if len(shown) >= EVIDENCE_SHOWN:
                break
            if all(e.other_id != x.other_id for x in shown):
                shown.append(e)
        found: list[str] = list(doubts)
        for text, art in pairs[:1]:
            h = hints.polarity_hint(claim.text, text, art)
            if h:
                found.append(h)
            if not any(f.reason.startswith("opposite:") for f in against):
                h = antonyms.hint(claim.text, text, art)  # opposite words, not scoped
                if h:
                    found.append(h)
        if quote and not quote.meaningful:
            found.append(quote.hint())
        dedup = tuple(dict.fromkeys(found))
        if dedup and label == "consistent":
            # a hint casts doubt: the reason must not claim that nothing conflicts
            reason = reason.replace(
                _NO_CONFLICT,
                "; a share differs, with no majority (see the hints)"
                if doubts
                else "; no number, date, title or place differs",
            )
            conf = confidence.weakest((conf, "medium"))
        out = Suggestion(
            claim.id, label, reason, tuple(shown[:EVIDENCE_LISTED]), dedup, spans, conf
        )
        if i in self._wanted:
            self.restated[i] = out
        return out
