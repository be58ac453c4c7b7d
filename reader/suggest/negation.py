"""Scoped negation and denial: the same predicate about the same thing, negated on one side only.

"Police have not ruled out foul play" and "police have ruled out foul play" disagree; "did not
hesitate to approve" and "approved" do not. A negation ("not", "n't", "never", "no longer"), a
denial ("denied that") or a refusal ("refused to", "failed to") scopes over the first content
word after it, skipping auxiliaries ("have not been ruled out") and neg-raising verbs ("it does
not appear that the details were discussed" negates "discussed"). That word is the predicate.
Two sentences conflict when they share the predicate stem, the predicate is negated in exactly
one of them, and they share at least `MIN_OBJECT` other specific words (the thing the predicate
is about). A sentence whose object is a demonstrative ("such details", "those issues") borrows
its article's previous sentence's words, which is what the demonstrative points to.

A denial of what a thing named in two words or more did ("denied that a bird strike caused
one of its jets to turn back") also meets a sentence naming that thing in a plain assertion,
whatever its verb ("after a suspected bird strike damaged one of its engines"); a denial of
reports ("denied reports that the ship had suffered an engine failure") denies what they say.

Unscoped negation (a "not" somewhere else in the sentence) stays a hint.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.suggest import when
from reader.suggest.names import OPENERS, proper_names
from reader.suggest.numbers import COUNT_WORDS
from reader.suggest.text import (
    Token,
    breaks_clause,
    is_content,
    is_content_or_possessive,
    stem,
    tokenize,
)
from reader.suggest.titles import is_title_word

_NEGATORS = frozenset(["not", "never", "cannot", "n't", "n’t"])
_DENIALS = frozenset(["denied", "denies", "deny", "denying"])
# "rejected reports that X had demanded 60%" denies what the reports say (not "rejected the
# offer": only with a report, `_reported_that`)
_DISMISSALS = frozenset(
    "rejected rejects dismissed dismisses refuted refutes".split()  # noqa: SIM905
)
# "refused to blame the referee" denies "blamed the referee": the scope is the verb after "to"
_REFUSALS = frozenset(
    """refused refuses refuse refusing declined declines decline declining failed fails fail
    failing""".split()  # noqa: SIM905
)
# the words `negations` reads a negation from (and "n't", which takes an apostrophe)
_OPENING = _NEGATORS | _DENIALS | _DISMISSALS | _REFUSALS | {"no"}
# Words between a negation and its predicate that leave the scope where it is.
_AUX = frozenset(
    """be been being is are was were am has have had having do does did will would can could
    shall should may might must yet ever even also still formally officially publicly fully
    been so far""".split()  # noqa: SIM905
)
# "It does not appear that X was done" negates X: the scope moves into the clause after "that".
_NEG_RAISING = frozenset(
    "appear appears appeared seem seems seemed think thinks thought believe believes".split()  # noqa: SIM905
)
# A clause ends at these: a negation never reaches past them.
CLAUSE_END = frozenset(["but", "and", "or", "while", "although", "though", "because", "than"])
_QUESTION_WORDS = frozenset("when whether how why what who where which if".split())  # noqa: SIM905
_WEAK_CUES = frozenset(["no", "nor", "without", "neither", "none"])
_CUES = _DENIALS | _WEAK_CUES | _REFUSALS  # any of them before a word may negate it
# "no evidence that the brakes had failed" negates "failed", as "it does not appear that" does
_EVIDENCE = frozenset("evidence sign indication suggestion proof".split())  # noqa: SIM905
_DEMONSTRATIVES = frozenset(["such", "those", "these", "this", "that"])
MIN_OBJECT = 2
SCOPE = 8  # tokens after the negation searched for its predicate
WINDOW = 10  # tokens either side of a predicate that say what it is about


@dataclass(frozen=True)
class Negated:
    predicate: str  # stem of the negated word
    word: str  # the negated word as written
    cue: str  # the negation as written ("not", "n't", "denied")
    span: tuple[int, int]  # offsets of cue..predicate in the text
    # the predicate as an assertion writes it: "did not sound" is denied by "sounded"
    forms: tuple[str, ...] = ()


# "not only did the council approve it" asserts the approval, as "not just", "not least" do
_NOT_NEGATING = frozenset(["only", "just", "merely", "simply", "least"])


def is_negator(t: Token, nxt: Token | None) -> bool:
    if t.lower in _NEGATORS:
        return nxt is None or nxt.lower not in _NOT_NEGATING
    if t.lower.endswith(("n't", "n’t")):
        return True
    return t.lower == "no" and nxt is not None and nxt.lower == "longer"


def _predicate(text: str, toks: Sequence[Token], k: int, raised: bool = False) -> int | None:
    """Index of the word the negation at toks[k] scopes over, or None."""
    j = k + 1
    if j < len(toks) and toks[j].lower == "longer":
        j += 1
    end = min(len(toks), k + 1 + SCOPE)
    while j < end:
        t = toks[j]
        gap = text[toks[j - 1].end : t.start]
        if breaks_clause(gap) or t.lower in CLAUSE_END:
            return None
        if t.lower in _QUESTION_WORDS:
            # "has not yet said when the order will be lifted": what is not known yet, which
            # denies no other source's "the order will be reviewed on Monday, the council said"
            return None
        if t.lower in _NEG_RAISING and j + 1 < len(toks) and toks[j + 1].lower == "that":
            raised, j = True, j + 2
            continue
        if t.lower in _AUX or not is_content(t.text):
            j += 1
            continue
        # the subject of the raised clause ("such details"): its verb comes next, after an
        # auxiliary, or in the past tense right after the subject's noun ("officers used")
        after_subject = j > k + 1 and is_content(toks[j - 1].text) and _past_verb(t)
        if (
            raised
            and not (toks[j - 1].lower in _AUX and toks[j - 1].lower != "so")
            and not (after_subject)
        ):
            j += 1
            continue
        if not t.text[:1].islower():
            return None  # "not Nato members": a name, not a predicate
        return j
    return None


def _past_verb(t: Token) -> bool:
    """A lower-case word in the past tense ("used", "caused"), as a clause's verb is written."""
    return t.text.islower() and t.lower.endswith("ed") and len(t.lower) > 3


def negations(text: str) -> list[Negated]:
    """Every scoped negation of `text`, with its predicate."""
    toks = tokenize(text)
    out: list[Negated] = []
    if "'" not in text and "’" not in text and _OPENING.isdisjoint(t.lower for t in toks):
        return out  # no word below can open a negation (most sentences)
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        p = None
        if is_negator(t, nxt):
            if k > 0 and toks[k - 1].lower == "or":
                continue  # "whether or not": no side taken
            if (nxt is not None and is_negator(nxt, None)) or (k and is_negator(toks[k - 1], t)):
                continue  # "did not not approve": two negations cancel
            p = _predicate(text, toks, k)
        elif t.lower in _DENIALS and nxt is not None:
            # "denied that the gates were closed" / "denied closing the gates"; "denied social
            # media reports that the dam had been breached" denies what the reports say
            at = _reported_that(toks, k)
            that = at is not None or nxt.lower == "that"
            p = _predicate(text, toks, at if at is not None else k + 1 if that else k, raised=that)
        elif t.lower in _DISMISSALS and (at := _reported_that(toks, k)) is not None:
            p = _predicate(text, toks, at, raised=True)
        elif t.lower in _REFUSALS and nxt is not None and nxt.lower == "to":
            p = _predicate(text, toks, k + 1)
        elif (
            t.lower == "no"
            and nxt is not None
            and nxt.lower in _EVIDENCE
            and k + 2 < len(toks)
            and toks[k + 2].lower == "that"
        ):
            p = _predicate(text, toks, k + 2, raised=True)  # "no evidence that X had failed"
        if p is not None and _over_a_stretch(text, toks, p):
            p = None  # "had not met since November": of a stretch of time, not of this meeting
        if p is not None:
            word = toks[p].text
            contracted = t.lower.endswith(("n't", "n’t"))  # "didn't"
            do = t.lower[:-3] if contracted else toks[k - 1].lower if k else ""
            if t.lower in _REFUSALS:
                do = "refused"
            out.append(
                Negated(stem(word), word, t.text, (t.start, toks[p].end), _asserted(word, do))
            )
    return out


def _reported_that(toks: Sequence[Token], k: int) -> int | None:
    """Where "that" stands in "denied (social media) reports that ...", the denial at toks[k]:
    a claim's hearsay noun (`_HEARSAY`) and "that" within a few words; else None."""
    for m in range(k + 1, min(len(toks), k + 8)):
        if toks[m].lower == "that":
            return m if any(t.lower in _HEARSAY for t in toks[k + 1 : m]) else None
    return None


_STRETCH = frozenset(["since", "until", "till", "before"])


def _over_a_stretch(text: str, toks: Sequence[Token], p: int) -> bool:
    """The negated predicate at toks[p] is said of a stretch of time that its clause names
    ("had not met in person since November 2022", "will not vote until Monday"): another
    source's "met for four hours" on the day is no denial of it."""
    for k in range(p + 1, min(len(toks), p + 1 + SCOPE)):
        if toks[k].lower in CLAUSE_END or breaks_clause(text[toks[k - 1].end : toks[k].start]):
            return False  # ("did not attend, since he was ill": a reason)
        if toks[k].lower in _STRETCH:
            return True
    return False


def _asserted(word: str, do: str) -> tuple[str, ...]:
    """How a sentence asserting what "do/does/did not <word>" or "refused to <word>" denies
    writes the word: "did not sound" / "sounded", "does not own" / "owns", "refused to blame" /
    "blamed" or "blames" (regular verbs; an irregular one is missed)."""
    past = (word + "d" if word.endswith("e") else word + "ed",)
    present = (word + "es" if word.endswith(("s", "sh", "ch", "x", "o")) else word + "s",)
    if not word.isalpha():
        return (word,)
    if do == "did":
        return (word, *past)
    if do == "does":
        return (word, *present)
    if do == "refused":  # "refused to blame": "blamed", "blames"
        return (word, *past, *present)
    return (word,)


def predicates(text: str) -> set[str]:
    """Stems of every content word: where a predicate may stand un-negated."""
    return {stem(t.text) for t in tokenize(text) if is_content(t.text)}


def borrows_context(text: str) -> bool:
    """True when the sentence points back with a demonstrative ("such details")."""
    toks = tokenize(text)
    return any(
        t.lower in _DEMONSTRATIVES
        and k + 1 < len(toks)
        and is_content(toks[k + 1].text)
        and not (t.lower == "that" and _opens_clause(toks, k))
        for k, t in enumerate(toks)
    )


def _opens_clause(toks: Sequence[Token], k: int) -> bool:
    """The "that" at toks[k] opens a clause ("reports that Osterland had demanded", "said that
    officials had"): it points back to nothing."""
    return toks[k + 1].text[:1].isupper() or (k > 0 and toks[k - 1].lower in _REPORTING)


def _window(text: str, word: str, width: int = WINDOW) -> tuple[set[str], bool]:
    """Stems of content words within `width` tokens of the first `word` (as written, lower
    case), and whether that word may be negated: any negation cue in the words before it
    counts, so that only a plain assertion is set against a negation."""
    toks = tokenize(text)
    for k, t in enumerate(toks):
        if t.text == word:
            around = toks[max(0, k - width) : k] + toks[k + 1 : k + 1 + width]
            before = toks[max(0, k - SCOPE) : k]
            negated = any(is_negator(b, None) or b.lower in _CUES for b in before)
            # "the coach's brakes": a possessive names what the predicate is about too
            return {stem(w.text) for w in around if is_content_or_possessive(w.text)}, negated
    return set(), False


# words saying that a predicate is of some of them only ("Most pupils had not received")
# (not "one": "One official said the issues were discussed" is said of them all)
_SOME = frozenset("some most many few several half only".split()) | COUNT_WORDS - {"one"}  # noqa: SIM905


@functools.lru_cache(maxsize=1 << 12)
def _of_some(text: str, word: str) -> bool:
    """The first `word` (as written) is said of a part, a count or a share of its subject, in
    its clause ("Twelve of the 14 confirmed pupils had not received", "Only 81% of pupils have
    received"): another part's may differ, and neither denies the other."""
    toks = tokenize(text)
    k = next((k for k, t in enumerate(toks) if t.text == word), 0)
    for b in range(k - 1, max(-1, k - 1 - SCOPE), -1):
        if toks[b].lower in CLAUSE_END or breaks_clause(text[toks[b].end : toks[b + 1].start]):
            return False
        if toks[b].text[:1].isdigit() or toks[b].lower in _SOME:
            return True
    return False


@functools.lru_cache(maxsize=1 << 12)  # once per sentence and predicate, not per negation of it
def _asserts(text: str, forms: tuple[str, ...]) -> bool:
    """True when `text` writes one of `forms` with no negation cue before it in its clause."""
    toks = tokenize(text)
    for k, t in enumerate(toks):
        if t.text not in forms:
            continue
        for b in range(k - 1, max(-1, k - 1 - SCOPE), -1):
            gap = text[toks[b].end : toks[b + 1].start]
            if toks[b].lower in CLAUSE_END or breaks_clause(gap):
                return True  # the clause starts after toks[b]: nothing negates the word
            if is_negator(toks[b], None) or toks[b].lower in _NOT_ASSERTING:
                break
        else:
            return True
    return False


# Auxiliaries of tense only: "Lund has not conceded" states a fact, "NATO may expand" and "would
# not expand" a possibility
_TENSES = frozenset("be been being is are was were am has have had do does did".split())  # noqa: SIM905
_BE = frozenset("be been being is are was were am".split())  # noqa: SIM905
# A clause these open says what might be, not what is: "If Lund had not conceded, ..."
_CONDITIONS = frozenset(["if", "unless", "whether", "lest"])


class Doer(NamedTuple):
    """The named subject of a predicate (`named_subject`)."""

    name: tuple[str, ...]  # stems of the name's words, titles left out ("peter", "lund")
    initial: bool  # one word opening the sentence: "Lund", or "Residents", "Police"
    passive: bool  # a form of "be" before the predicate: "Lund was not charged"

    def same(self, other: Doer) -> bool:
        """One person, in the same voice: "Peter Lund" and "Lund", not "Anna Lund" and "Erik
        Lund"; "Lund was not injured" is not denied by "Lund injured a police officer"."""
        short, long = sorted((self.name, other.name), key=len)
        return self.passive == other.passive and long[len(long) - len(short) :] == short


def named_subject(text: str, start: int) -> Doer | None:
    """The name that is the subject of the words at offset `start` ("Lund" of "Lund has not
    conceded", of "Lund conceded"), past auxiliaries; None when it is not a name ("it", "the
    company"), or when the sentence asks ("Has Lund not conceded?") or supposes ("If Lund had
    not conceded, ...") rather than says."""
    if text.rstrip(" \"”’')").endswith("?"):
        return None
    toks = tokenize(text)
    k = bisect.bisect_right(toks, start, key=lambda t: t.end) - 1  # the last token before it
    passive = False
    while k >= 0 and toks[k].lower in _TENSES and not breaks_clause(text[toks[k].end : start]):
        passive |= toks[k].lower in _BE
        k -= 1
    if k < 0 or breaks_clause(text[toks[k].end : start]):
        return None
    if not (toks[k].text[:1].isupper() and is_content(toks[k].text)):
        return None
    m = k  # the name's first word: "Peter Lund", not the title before it ("Mayor")
    while (
        m > 0
        and text[toks[m - 1].end : toks[m].start] == " "
        and toks[m - 1].text[:1].isupper()
        and is_content(toks[m - 1].text)
        and not is_title_word(toks[m - 1].lower)
    ):
        m -= 1
    before = toks[m - 1] if m else None
    if before is not None and before.lower in _CONDITIONS:
        return None
    gap = text[before.end : toks[m].start].strip() if before else ""
    titled = before is not None and not gap and is_title_word(before.lower)
    opens = before is None or (gap[-1:] in OPENERS if gap else False)
    name = tuple(stem(t.text) for t in toks[m : k + 1] if not is_title_word(t.lower))
    if not name:
        return None
    return Doer(name, m == k and opens and not titled, passive)


def word_postings(texts: Sequence[str], first: int = 0) -> dict[str, list[int]]:
    """Each word beginning in lower case (as written, where a predicate stands) -> the numbers
    of the texts using it, in order, counted from `first`."""
    postings: dict[str, list[int]] = {}
    read: dict[str, set[str]] = {}  # each text's words, read once (an article may repeat one)
    for j, t in enumerate(texts, first):
        words = read.get(t)
        if words is None:
            words = read[t] = {tok.text for tok in tokenize(t) if tok.text[:1].islower()}
        for w in words:
            postings.setdefault(w, []).append(j)
    return postings


def conflicts(
    texts: Sequence[str],
    articles: Sequence[str],
    weights: dict[str, float],
    min_weight: float,
    negated: Sequence[Sequence[Negated]] | None = None,
    postings: dict[str, list[int]] | None = None,
) -> list[tuple[int, int, Negated, str]]:
    """(i, j, negation in i, the predicate as j writes it) where sentence i negates what
    sentence j, of another article, asserts about the same thing.

    The thing is the words around the predicate on both sides; `weights` (rarity in the story)
    of the shared ones, besides the predicate, must reach `min_weight`, over MIN_OBJECT stems.
    `negated`, `postings`: each text's `negations`, and the texts using each word beginning
    in lower case (as written, in order), when the caller has them.
    """
    if negated is None:
        negated = [negations(t) for t in texts]
    if postings is None:
        postings = word_postings(texts)
    out: list[tuple[int, int, Negated, str]] = []
    named: list[dict[str, list[int]]] = []  # `_by_stem`, read when a denial asks for it

    def index() -> dict[str, list[int]]:
        if not named:
            named.append(_by_stem(texts))
        return named[0]

    @functools.cache
    def known() -> set[str]:
        """The stems of the story's names (read when a subject or a speaker asks)."""
        return {stem(t.text) for text in texts for name in proper_names(text) for t in name}

    for i, negs in enumerate(negated):
        for n in negs:
            if _asserts(texts[i], n.forms or (n.word,)):
                continue  # "did not approve it in May but approved it in June": both sides
            mine, _ = _window(texts[i], n.word)
            mine -= _reporters(texts[i], n)
            who = _doer(texts[i], n)
            # "Residents have not returned": a capital opening a sentence is a name when the
            # story writes it as one elsewhere
            if who is not None and who.initial and who.name[-1] not in known():
                who = None
            if i > 0 and articles[i - 1] == articles[i] and borrows_context(texts[i]):
                mine |= predicates(texts[i - 1])  # what "such details" points back to
            # the same word form: "were discussed" and "open to discussing" are not one claim
            for form in n.forms or (n.word,):
                for j in postings.get(form, ()):
                    if articles[j] == articles[i]:
                        continue
                    theirs, also_negated = _window(texts[j], form)
                    if also_negated or _of_some(texts[i], n.word) or _of_some(texts[j], form):
                        continue
                    shared = (mine & theirs) - {n.predicate, stem(form)}
                    weight = sum(weights.get(s, 0.0) for s in shared)
                    if (
                        (len(shared) >= MIN_OBJECT and weight >= min_weight)
                        or (
                            # the same named subject does it, or not: "Lund has not conceded" /
                            # "Lund conceded defeat" need no shared object; at another time or
                            # place both may hold ("On Sunday, Lund had not conceded")
                            who is not None
                            and any(who.same(d) for d in _doers(texts[j], form))
                            and not when.apart(texts[i], texts[j], who.name)
                        )
                        or (
                            # one named speaker says it of the same thing, and says it did not
                            # happen: "Holst said there was no evidence that the brakes had failed"
                            # / "Holst said ... the vehicle's brakes had failed"
                            shared
                            and (one := _speaker(texts[i]) & _speaker(texts[j]))
                            and one & known()
                            and not when.apart(texts[i], texts[j])
                        )
                    ):
                        out.append((i, j, n, form))
            if n.cue.lower() in _DENIALS or n.cue.lower() in _DISMISSALS:
                out += _denied_elsewhere(texts, articles, i, n, mine, weights, min_weight, index)
    return out


@functools.lru_cache(maxsize=1 << 12)
def _speaker(text: str) -> frozenset[str]:
    """Stems of the capitalised words of whom a sentence attributes itself to ("Holst said
    ...", "..., Dana Holst told Alpa News"; `named_source`)."""
    from reader.suggest.attributed import named_source

    who = named_source(text)
    if not who:
        return frozenset()
    capitalised = (stem(t.text) for t in tokenize(text) if t.text[:1].isupper())
    return frozenset(s for s in capitalised if s in who)


def _reporters(text: str, n: Negated) -> set[str]:
    """The stems of the words of negation `n` that tell whose report it denies ("rejected
    reports in the Vessarian press that ..."): who reported a thing is not the thing."""
    if n.cue.lower() not in _DENIALS and n.cue.lower() not in _DISMISSALS:
        return set()
    toks = [t for t in tokenize(text) if n.span[0] <= t.start and t.end <= n.span[1]]
    that = _reported_that(toks, 0)
    return {stem(t.text) for t in toks[1:that] if is_content(t.text)} if that else set()


def _by_stem(texts: Sequence[str]) -> dict[str, list[int]]:
    """Each stem -> the numbers of the texts using it (read once, when a denial asks)."""
    out: dict[str, list[int]] = {}
    for j, text in enumerate(texts):
        for w in {stem(t.text) for t in tokenize(text)}:
            out.setdefault(w, []).append(j)
    return out


# words of a sentence that reports a claim rather than making it ("reports of a bird strike",
# "rumours that the school would shut"): it asserts nothing a denial contradicts
_HEARSAY = frozenset(
    """report reports reported rumour rumours rumor rumors claim claims claimed allegation
    allegations alleged speculation speculated""".split()  # noqa: SIM905
)
_NOT_ASSERTING = _CUES | _DISMISSALS | _HEARSAY  # before a word: the sentence does not assert it
# words a clause of what they say follows ("reports that", "said that")
_REPORTING = _HEARSAY | _DENIALS | _DISMISSALS | when.SAYS
_DENIED_WORDS = 2  # content words naming what a denial is about, at least ("a bird strike")
_NAMED_MOST = 100  # sentences naming it, at most


def _denied_elsewhere(
    texts: Sequence[str],
    articles: Sequence[str],
    i: int,
    n: Negated,
    mine: set[str],
    weights: dict[str, float],
    min_weight: float,
    by_stem: Callable[[], dict[str, list[int]]],
) -> list[tuple[int, int, Negated, str]]:
    """The sentences of other articles that assert what denial `n` of sentence i denies in
    other words ("has denied that a bird strike caused one of its jets to turn back" / "after
    a suspected bird strike damaged one of its engines"): a denial of what a thing named in
    `_DENIED_WORDS` words or more did, and a sentence naming that thing, negating nothing and
    reporting no claim, that shares as much else with the denial as a negation's object
    (`MIN_OBJECT`, `min_weight`). (i, j, n, the thing's first word as j writes it).
    `by_stem()`: `_by_stem` of the texts (read only for a denial of a thing so named)."""
    toks = tokenize(texts[i])
    inside = [t for t in toks if n.span[0] <= t.start and t.end <= n.span[1]]
    named = [
        t for t in inside[1:-1]
        if is_content(t.text) and t.lower not in _HEARSAY and t.lower not in _AUX
    ]  # fmt: skip
    if len(named) < _DENIED_WORDS:
        return []
    thing = {stem(t.text) for t in named}
    # the texts naming the thing: those of its rarest stem, then each checked for the others;
    # a thing named all over the story is no one claim's ("the company", in a long one)
    texts_of = by_stem()
    rarest = min(thing, key=lambda w: len(texts_of.get(w, ())))
    naming = texts_of.get(rarest, ())
    if len(naming) > _NAMED_MOST:
        return []
    out = []
    for j in naming:
        if articles[j] == articles[i]:
            continue
        theirs = tokenize(texts[j])
        stems = {stem(t.text) for t in theirs}
        if not thing <= stems:
            continue
        if any(is_negator(t, None) or t.lower in _CUES or t.lower in _HEARSAY for t in theirs):
            continue
        shared = (mine & stems) - thing
        if len(shared) >= MIN_OBJECT and sum(weights.get(w, 0.0) for w in shared) >= min_weight:
            first = next(t.text for t in theirs if stem(t.text) in thing)
            out.append((i, j, n, first))
    return out


def _doer(text: str, n: Negated) -> Doer | None:
    """The named subject of negation `n` of `text` when the negated predicate ends its clause
    ("Lund has not conceded and said…": whatever he might concede, he has not); None when it
    has none, when the predicate has an object ("Smith did not attend the meeting" is not
    denied by "Smith attended the funeral"), or when it says what was asked ("a pledge from
    Nato not to expand"), not what was done."""
    if text[n.span[0] : n.span[1]].split()[1:2] == ["to"]:
        return None
    toks = tokenize(text)
    k = bisect.bisect_left(toks, n.span[1], key=lambda t: t.start)  # the first token after it
    after = toks[k] if k < len(toks) else None
    gap = text[n.span[1] : after.start] if after else ""
    if (
        after
        and after.lower not in CLAUSE_END
        and after.lower != "yet"
        and not any(ch in gap for ch in ".,;:—()!?")
    ):
        return None  # something follows it in its clause: an object
    who = named_subject(text, n.span[0])
    if who is not None and any(w.lower() in _BE for w in text[n.span[0] : n.span[1]].split()):
        who = who._replace(passive=True)  # "Lund has not been charged"
    return who


@functools.lru_cache(maxsize=1 << 12)
def _doers(text: str, form: str) -> tuple[Doer, ...]:
    """The named subjects of `form` wherever `text` writes it without a clause for its object
    ("Lund conceded that the count was close" is no concession of the race)."""
    toks = tokenize(text)
    return tuple(
        s
        for k, t in enumerate(toks)
        if t.text == form
        and not (k + 1 < len(toks) and toks[k + 1].lower == "that")
        and (s := named_subject(text, t.start))
    )
