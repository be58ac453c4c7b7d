"""From slots and counterparts to one label per claim.

Slots of every claim are compared with the related slots of every other article of the story (not
only the best-aligned sentence: paraphrases often align poorly). Per slot, each article votes with
the value it reports; the value supported by the most articles is the consensus. A claim whose value
is outside the consensus, or tied with a rival, is contradicted; a claim on the majority side is
consistent and its reason names the dissenters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.models import Claim, Evidence, Story, Suggestion
from reader.suggest import dates, hints, numbers, places, titles
from reader.suggest.slots import Slot
from reader.suggest.support import SUPPORT_THRESHOLD, best_counterparts
from reader.suggest.text import stem, tokenize

Rule = tuple[Callable[[Slot, Slot], bool], Callable[[Slot, Slot], bool]]  # related, compatible
RULES: dict[str, Rule] = {
    "number": (numbers.related, numbers.compatible),
    "title": (titles.related, titles.compatible),
    "weekday": (dates.related, dates.compatible),
    "year": (dates.related, dates.compatible),
    "date": (dates.related, dates.compatible),
    "time": (dates.related, dates.compatible),
}
NOUN = {"number": "numbers", "title": "title", "weekday": "days", "year": "years", "date": "dates"}
NOUN["time"] = "times"
EVIDENCE_SHOWN = 3


@dataclass
class Finding:
    contradicts: bool
    reason: str
    span: tuple[int, int]
    sources: list[int]  # indices of claims the finding rests on


def _extract(text: str) -> list[Slot]:
    toks = tokenize(text)
    return numbers.extract(text, toks) + titles.extract(text, toks) + dates.extract(text, toks)


def _candidates(slots: list[list[Slot]]) -> dict[tuple[str, str], list[tuple[int, Slot]]]:
    """Slots grouped by kind and key word, so only slots that could be related are compared."""
    groups: dict[tuple[str, str], list[tuple[int, Slot]]] = defaultdict(list)
    for i, ss in enumerate(slots):
        for s in ss:
            for k in s.key or {""}:
                groups[(s.kind, k)].append((i, s))
    return groups


def _vote(i: int, s: Slot, claims: list[Claim], rel: list[tuple[int, Slot]]) -> Finding | None:
    """Compare slot `s` of claim i with related slots of the other articles."""
    _, compatible = RULES[s.kind]
    by_article: dict[str, list[tuple[int, Slot]]] = defaultdict(list)
    values: dict[str, dict[object, Slot]] = defaultdict(dict)  # distinct values per article
    for j, o in rel:
        by_article[claims[j].article].append((j, o))
        values[claims[j].article].setdefault(o.value, o)
    dissent = [a for a, vs in values.items() if not any(compatible(s, o) for o in vs.values())]
    if not dissent:
        return None
    mine = claims[i].article

    def support(x: Slot) -> set[str]:
        arts = {mine} if compatible(x, s) else set()
        for a, vs in values.items():
            if any(compatible(x, o) for o in vs.values()):
                arts.add(a)
        return arts

    own = len(support(s))
    # one support count per distinct value: a big story repeats the same few values many times
    distinct: dict[object, tuple[int, Slot]] = {}
    for j, o in rel:
        if o.value not in distinct and not compatible(s, o):
            distinct[o.value] = (j, o)
    rivals = [(len(support(o)), j, o) for j, o in distinct.values()]
    best_n, best_j, best = max(rivals, key=lambda r: r[0])
    noun = NOUN[s.kind]
    n_other = len(by_article)
    dissent_n = len(dissent)
    if best_n >= own:
        how = "tied with" if best_n == own else "against"
        reason = (
            f"{noun} differ: '{s.surface}' here, '{best.surface}' in {dissent_n} of {n_other} "
            f"other sources ({how} the rest)"
        )
        srcs = [j for j, o in rel if not compatible(s, o)]
        return Finding(True, reason, s.span, srcs)
    agree = n_other - dissent_n
    reason = (
        f"{noun} agree: '{s.surface}' here and in {agree} of {n_other} other sources; "
        f"'{best.surface}' in {claims[best_j].article}"
    )
    return Finding(False, reason, s.span, [*[j for j, o in rel if compatible(s, o)][:2], best_j])


def _place_findings(
    claims: list[Claim],
    counterparts: list[tuple[float, int, list[str]]],
    findings: list[list[Finding]],
) -> None:
    """A place no other source names, where the counterpart sentence names another place."""
    named: dict[str, set[str]] = defaultdict(set)  # article -> stems of capitalised words
    for c in claims:
        named[c.article] |= places.mentioned_stems(c.text)
    for i, c in enumerate(claims):
        score, j, _ = counterparts[i]
        if j < 0 or score < SUPPORT_THRESHOLD:
            continue
        here = places.places(c.text)
        elsewhere = set().union(*(v for a, v in named.items() if a != c.article))
        lone = {p: span for p, span in here.items() if stem(p) not in elsewhere}
        theirs = [p for p in places.places(claims[j].text) if p not in here]
        if lone and theirs:
            span = next(iter(lone.values()))
            shown = ", ".join(
                f"'{claims[j].text[a:b]}'"
                for a, b in (places.places(claims[j].text)[q] for q in theirs[:2])
            )
            reason = (
                f"place differs: '{c.text[span[0] : span[1]]}' here, named by no other source; "
                f"the same statement in {claims[j].article} names {shown}"
            )
            findings[i].append(Finding(True, reason, span, [j]))


def _evidence(claim: Claim, other: Claim, rank: int = 1) -> Evidence:
    score = round(float(fuzz.token_set_ratio(claim.text, other.text)), 1)
    return Evidence(claim.id, other.id, other.article, rank, score, other.text)


def suggest_story(story: Story, evidence: Iterable[Evidence] | None = None) -> list[Suggestion]:
    """One suggestion per claim of `story`, in document order."""
    claims = story.claims()
    if not claims:
        return []
    ev_by_claim: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence or ():
        ev_by_claim[e.claim_id].append(e)
    slots = [_extract(c.text) for c in claims]
    groups = _candidates(slots)
    counterparts = best_counterparts(claims)

    findings: list[list[Finding]] = [[] for _ in claims]
    for i, ss in enumerate(slots):
        for s in ss:
            related, _ = RULES[s.kind]
            seen: set[int] = set()
            rel: list[tuple[int, Slot]] = []
            for k in s.key or {""}:
                for j, o in groups[(s.kind, k)]:
                    if claims[j].article == claims[i].article or id(o) in seen:
                        continue
                    if related(s, o):
                        seen.add(id(o))
                        rel.append((j, o))
            if rel:
                f = _vote(i, s, claims, rel)
                if f:
                    findings[i].append(f)

    _place_findings(claims, counterparts, findings)

    out: list[Suggestion] = []
    for i, claim in enumerate(claims):
        score, j, shared = counterparts[i]
        ranked = sorted(ev_by_claim.get(claim.id, []), key=lambda e: -e.score)
        shown: list[Evidence] = []
        against = [f for f in findings[i] if f.contradicts]
        majority = [f for f in findings[i] if not f.contradicts]
        if against:
            label, reason = "contradicted", "; ".join(f.reason for f in against)
            spans = tuple(f.span for f in against)
            shown = [_evidence(claim, claims[k]) for f in against for k in f.sources]
        elif majority:
            label, reason, spans = "consistent", majority[0].reason, ()
            shown = [_evidence(claim, claims[k]) for k in majority[0].sources]
        elif score >= SUPPORT_THRESHOLD and j >= 0:
            words = ", ".join(f"'{w}'" for w in shared[:4])
            label, spans = "consistent", ()
            reason = f"counterpart in {claims[j].article} shares {words}; no conflict found"
            shown = [_evidence(claim, claims[j])]
        else:
            label, spans = "unverified", ()
            reason = "no counterpart sharing specific words in any other source"
        for e in ranked:
            if len(shown) >= EVIDENCE_SHOWN:
                break
            if all(e.other_id != x.other_id for x in shown):
                shown.append(e)
        # hints come from the counterpart and the best-aligned sentences of other articles
        pairs = (
            [(claims[j].text, claims[j].article)] if j >= 0 and score >= SUPPORT_THRESHOLD else []
        )
        pairs += [(e.text, e.article) for e in ranked[:3] if e.score >= 70]
        found: list[str] = []
        for text, art in pairs[:1]:
            h = hints.polarity_hint(claim.text, text, art)
            if h:
                found.append(h)
        q = hints.quote_hint(claim.text, pairs)
        if q:
            found.append(q)
        dedup = tuple(dict.fromkeys(found))
        out.append(Suggestion(claim.id, label, reason, tuple(shown[:6]), dedup, spans))
    return out
