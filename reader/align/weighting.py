"""What a claim says, weighed within its story.

A claim becomes a set of terms: word stems, numbers (number words as digits, so "eight" meets
"8"), and number slots ("#hour" for "six-hour", "#troop" for "100,000 troops") so that two claims
giving a count of the same thing meet whatever the count. Each term weighs its inverse document
frequency among the story's claims: the names and nouns every article of the story repeats say
little, a rare word, number or name says a lot; a term in more than `COMMON_SHARE` of the claims
weighs nothing. A claim that opens by pointing back to what was said ("It", "This", "Such
details") is also read with its preceding sentence as context, at `CONTEXT_WEIGHT`; so is one
that refers to "such details" or "those demands" anywhere. One that opens with a person ("He
added", "She said") is not: it points back to a speaker, and the sentence before it is another
of their statements, whose counterparts are not its own (dev gold 0.77/0.79/0.87 ->
0.78/0.79/0.88, false leads 2 -> 2). A sentence that tells two things is also matched clause by
clause (`reader.align.clauses`).

What a pair shares is also weighed for what it says happened (`with_facts`): its shared terms
less the names of people and places the story never writes in lower case, offices and words of
attribution (`who_terms`); `reader.align.score.held` keeps a pair that shares too little of it
below the strong level.

Two facts of evidence, measured on the dev gold before keeping them (seeds, pair recall@3 /
contradicting / groups / recall@1): the cosine counts in full only once the shared terms weigh
about two rare words (`EVIDENCE_WORDS`: 0.70/0.74/0.82/0.47 -> 0.72/0.74/0.83/0.49, and a claim's
best unrelated sentence scores lower, so fewer false leads), and two claims counting the same
thing are similar however long the sentences around the counts (`SLOT_FLOOR`: with it
0.72/0.77/0.84/0.53).
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Container, Iterable, Iterator, Sequence
from itertools import chain, compress, pairwise
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from reader.align.clauses import CLAUSE_TERMS, CLAUSE_WEIGHT, ClauseIndex, Row, clause_starts
from reader.align.postings import Postings
from reader.models import Claim

if TYPE_CHECKING:
    from reader.suggest.text import Token

_NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty"""
NUMBER_WORDS = {w: str(n) for n, w in enumerate(_NUMBERS.split())}
# Words that, opening a sentence, point back to what the previous sentence said (not "he",
# "she", "they": a person, whose previous statement is another fact).
BACK_REFERENCES = frozenset("it its this that these those such there".split())  # noqa: SIM905
DEMONSTRATIVES = frozenset(("such", "these", "those"))  # "those demands", "such details"
# A name spelled out ("North Atlantic Treaty Organization") also counts as its initials, where
# the story uses them ("NATO"): articles spell a name out once and abbreviate it after, each
# in other sentences. A term of its own kind, kept only where it meets a word of the story.
ACRONYM = "@"
_PAST_ACRONYM = chr(ord(ACRONYM) + 1)  # sorts after every term that starts with ACRONYM
NAME_JOINERS = frozenset("of for and the on in de".split())  # noqa: SIM905
CONTEXT_WEIGHT = 0.5  # the previous sentence counts half as much as the claim's own words
# A headline condenses a sentence of its article (the lead, mostly) in fewer and other words: it
# is also read with the body sentence holding most of its weighted terms (two or more, and at
# least half of them), as a back-referring claim is with the sentence before it. Of the real
# stories' headlines, four in five have another article's headline among their counterparts
# and nine in ten one of its first three sentences: what they share is the lead's facts.
HEADLINE_SHARED = 2
HEADLINE_COVERAGE = 0.5
# ...and so is its column: the pair (a claim, another article's headline) scores as the pair
# (that headline, the claim), unless the story's headlines against all its claims would be more
# cells than this (some 30 MB: a story of a thousand articles of 20 sentences is scored
# without)
HEADLINE_CELLS = 2_000_000
COMMON_SHARE = 0.5  # terms of more claims than this share carry no weight
# Shared rare-word weight at which the cosine counts in full: about two terms only the two claims
# use (`reader.suggest.support.SUPPORT_THRESHOLD` reads the same scale). One shared word, however
# rare in the story, is a coincidence as often as a counterpart.
EVIDENCE_WORDS = 2.0
# Shared rare-word weight of the terms that say what happened (not the names of people and
# places, offices, words of attribution: `who_terms`) that a strong match needs: a little more
# than one word only the two claims use (`reader.suggest.support.PAIRED_WEIGHT`), or several of
# the story's more common words. Two sentences that share only the story's people and places, or
# a word or two of its topic ("fire", "warehouse"), report different facts about them.
FACT_WORDS = 1.0
# ...unless the pair shares at least this share of what the sparser of the two says, a fact
# word among it.
MOST_SAID = 0.5
# Two claims giving a count of the same thing ("six-hour", "eight hours") are this similar per unit
# of the count's rare-word weight at least, however long the sentences around the counts.
SLOT_FLOOR = 0.4

# A sentence that goes on from the one before it (`goes_on`): what it may open with, after any of
# `LINKS`, and the pronouns that stand for a speaker named before; `SAYING`: the verbs that put a
# speaker next to a quote (`reader.suggest.speakers` reads the same).
PERSONAL = frozenset("he she they we his her their him them".split())  # noqa: SIM905
GOES_ON = PERSONAL | frozenset("it its this that these those such".split())  # noqa: SIM905
LINKS = frozenset("but and still yet also however so".split())  # noqa: SIM905
SAYING = frozenset(
    """said says added adds told tells stated insisted warned noted replied explained argued
    wrote declared""".split()  # noqa: SIM905
)
_OPENING_QUOTES = ("\u201c", '"', "\u2018", "'")

_NO_ROW: Row = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


# A compass direction and its adverb are one word where terms are weighed ("expand eastward" /
# "expand farther east"); the suggestions' stems keep them apart ("may expand east" / "would not
# expand eastward" is no conflict of its own). "northward" and "southward" meet "north" and
# "south" in their five-letter stems already.
_DIRECTIONS = {f"{d}{s}": d for d in ("east", "west") for s in ("ward", "wards")}


def term_stem(tok: Token) -> str:
    """`reader.suggest.text.stem` of a token's word, a direction's adverb read as the direction."""
    return _word_stem(tok.text)  # (a token's lower case is its text's: the word says it all)


# A story's words repeat: a word's stem is kept by the word as written, and a sentence's words
# are looked up in C (`map`), not read one by one
@functools.lru_cache(maxsize=1 << 16)
def _word_stem(word: str) -> str:
    """`term_stem` of a token whose text is `word`."""
    return _DIRECTIONS.get(word.lower()) or _suggest().stem(word)


@functools.lru_cache(maxsize=1 << 16)
def _word_term(word: str) -> str | None:
    """The term `terms` reads from a word that starts with no digit: a number word's number,
    a content word's `term_stem`; None for any other word."""
    low = word.lower()
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    return _word_stem(word) if _suggest().is_content(word) else None


_DIGIT = re.compile("[0-9]")  # (the only digits of an ASCII text)


def terms(text: str) -> set[str]:
    """Stems, normalised numbers and number slots ("#" + head stem) of `text`, the initials of
    the names it spells out (`ACRONYM` + stem, see `spelled_out`) and its durations without a
    figure (`VAGUE` + unit)."""
    from reader.suggest.text import tokenize

    tokens = tokenize(text)
    return _terms(text, tokens, [t.lower for t in tokens])


@functools.cache
def _suggest() -> SimpleNamespace:
    """The helpers of reader.suggest that a claim is read with, imported when first needed
    (reader.suggest imports reader.align, and these helpers are shared with it): import
    statements in `_claim_terms` and `_terms`, run for every claim, took a microsecond or two
    each (0.1 s of a 2 MB article's)."""
    from reader.suggest import numbers, titles
    from reader.suggest.dates import clock_hour
    from reader.suggest.names import proper_names
    from reader.suggest.text import is_content, stem, token_text, tokenize

    return SimpleNamespace(
        numbers=numbers,
        titles=titles,
        clock_hour=clock_hour,
        is_content=is_content,
        proper_names=proper_names,
        stem=stem,
        token_text=token_text,
        tokenize=tokenize,
    )


def _terms(text: str, tokens: Sequence[Token], words: Sequence[str]) -> set[str]:
    """`terms` of `text`, whose tokens are `tokens` and their words (lower case) `words`."""
    suggest = _suggest()
    numbers, clock_hour, stem = suggest.numbers, suggest.clock_hour, suggest.stem
    out = {ACRONYM + stem(a) for a in spelled_out(text, tokens)}
    if text.isascii() and not _DIGIT.search(text):  # no figure (most sentences): every word
        # is read alike, and a unit of time is wherever one is written
        out.update(filter(None, map(_word_term, map(suggest.token_text, tokens))))
        units = (
            []
            if _TIME_UNITS.keys().isdisjoint(words)
            else [k for k, w in enumerate(words) if w in _TIME_UNITS]
        )
    else:
        units = []  # where a unit of time is
        past = -1  # the last token of a time of day read
        for k, tok in enumerate(tokens):
            w = tok.lower
            if k <= past:  # "pm" of "10.40 pm"
                continue
            if w in _TIME_UNITS:
                units.append(k)
            if w in NUMBER_WORDS:
                out.add(NUMBER_WORDS[w])
            elif w[0].isdigit() and (clock := clock_hour(tokens, k)) is not None:
                hour, past = clock
                out.update((f"{int(hour):02d}:{round(hour % 1 * 60):02d}", CLOCK))
            elif w[0].isdigit():
                out.add(w.replace(",", ""))
            elif (term := _word_term(tok.text)) is not None:
                out.add(term)
    if units:
        out.update(_vague_durations(words, units))
    for slot in numbers.shared(text):
        # "the 34th minute" is a moment, not a duration like "within two hours"
        part = slot.value[4]  # type: ignore[index]
        rank = ":rank" if part == "ordinal" else ""
        # a count its clause sets in another year ("200 tonnes ... in 2009") is another event's:
        # it meets only counts set in that year (`numbers` marks it " in 2009")
        _, year_set, year = part.partition(" in ")
        heads = slot.key
        if numbers.counted(slot)[0] is None:  # people, counted by what befell them whatever
            # the noun ("120 people ... were rescued" / "about 100 passengers were rescued")
            heads = heads | {slot.value[3]}  # type: ignore[index]
            if part == "part":  # some of them ("two of the dead"): a fact of that part only,
                # not of the toll ("three were killed") nor of the injured ("two of them with
                # serious burns")
                heads, rank = {slot.value[3]}, ":part"  # type: ignore[index]
        out.update(f"#{k}{rank}{' ' + year if year_set else ''}" for k in heads)
    return out


# A time of day is one term however it is written ("10.40pm", "10:40 p.m.", "22:40" are all
# "22:40"), and a number slot of its own: two claims giving the time of one event meet whatever
# the times, as two counts of one thing do ("at around 4am" / "at 5 a.m. on Tuesday"), and share
# a fact, as two titles of one person do ("left the road at 11.40pm, police said" / "Police said
# the crash happened shortly before 11 p.m.": only the times tell what happened).
CLOCK = "#clock"


# A duration given without a figure ("for several hours", "in a matter of weeks", "months or
# years"): a term of its own kind, `VAGUE` + its scale (not one scale in hours, as
# `reader.suggest.numbers` keys a figure's time: "a few hours" is not "several weeks"), so
# that two such durations of one scale meet ("cannot be negotiated in a matter of weeks" / "would
# take at least several weeks"). Not a number slot: through `SLOT_FLOOR` they met any figure of
# the unit ("the first time the board meets in more than two years" / "take months or years").
VAGUE = "%"
_TIME_UNITS = {
    "minutes": "hour", "hours": "hour", "days": "day", "weeks": "day", "months": "month",
    "years": "year", "decades": "year",
}  # fmt: skip
_VAGUELY = frozenset("several few many couple matter dozens".split())  # noqa: SIM905
_RANGE = frozenset(["or", "to"])


def _vague_durations(words: Sequence[str], units: Sequence[int]) -> set[str]:
    """The terms ("%day") of the durations without a figure among `words` (lower case), whose
    units of time are words[k] for k in `units`."""
    out = set()
    for k in units:
        unit = _TIME_UNITS[words[k]]
        prev = words[k - 1] if k else ""
        # "several weeks", "a matter of weeks", "a couple of days"
        quantified = prev in _VAGUELY or (prev == "of" and k >= 2 and words[k - 2] in _VAGUELY)
        # "months or years", "days to weeks"
        paired = (prev in _RANGE and k >= 2 and words[k - 2] in _TIME_UNITS) or (
            k + 2 < len(words) and words[k + 1] in _RANGE and words[k + 2] in _TIME_UNITS
        )
        if quantified or paired:
            out.add(VAGUE + unit)
    return out


def spelled_out(text: str, tokens: Sequence[Token]) -> set[str]:
    """The initials of each name of two or more capitalised words in `text` ("the North Atlantic
    Treaty Organization" -> "NATO", "Organization for Security and Co-operation in Europe" ->
    "OSCE"); of a name opening the sentence, also without its first word (which may be any word
    capitalised there)."""
    found: set[str] = set()
    end = 0  # where the last name read ends
    # a name opens with a capitalised word (most words are not: only these are looked at)
    for c in [k for k, tok in enumerate(tokens) if tok.text[0].isupper()]:
        tok = tokens[c]
        word = tok.text
        if c < end or not word.isalpha() or word.isupper() or tok.lower in NAME_JOINERS:
            continue
        initials, opens, last = word[0], c == 0, tok.end
        k = c + 1
        while k < len(tokens):
            tok = tokens[k]
            word = tok.text
            gap = text[last : tok.start]
            if gap not in (" ", "-"):
                break  # the name ends at punctuation (where another may open)
            if gap == "-" and word.islower():
                pass  # "Co-operation": one word
            elif tok.lower in NAME_JOINERS:
                pass  # "The" inside a name is not an initial either
            elif word[0].isupper() and word.isalpha() and not word.isupper():
                initials += word[0]
            else:
                k += 1  # a word that is no part of a name ends it
                break
            last = tok.end
            k += 1
        found.update(_initials(initials, opens))
        end = k
    return found


def _initials(initials: str, opens: bool) -> list[str]:
    return [a for a in (initials, initials[1:] if opens else "") if len(a) >= 2]


def refers_back(text: str) -> bool:
    """True when the sentence points back to the one before it: it opens with a pronoun or
    demonstrative ("It", "This", "He added"), or names something as "such/these/those ..."."""
    from reader.suggest.text import tokenize

    return _refers_back([t.lower for t in tokenize(text)])


def _refers_back(words: Sequence[str]) -> bool:
    """`refers_back` of a text whose words (lower case) are `words`."""
    return bool(words) and (words[0] in BACK_REFERENCES or not DEMONSTRATIVES.isdisjoint(words))


def goes_on(text: str, tokens: Sequence[Token] | None = None) -> bool:
    """True when the sentence tells more of what the one before it said: it opens by pointing
    back to it or to its subject ("It does not appear...", "That would be...", "But she also
    pledged..."), gives its speaker as a pronoun ("..., he said", "“...,” she told reporters"),
    or is a quote that names no one saying it (the rest of the quote before)."""
    from reader.suggest.text import tokenize

    return _goes_on(text, [t.lower for t in (tokenize(text) if tokens is None else tokens)])


def _goes_on(text: str, words: Sequence[str]) -> bool:
    """`goes_on` of `text`, whose words (lower case) are `words`."""
    if not words:
        return False
    saying = not SAYING.isdisjoint(words)
    by_pronoun = saying and any(a in PERSONAL and b in SAYING for a, b in pairwise(words))
    if text.lstrip().startswith(_OPENING_QUOTES):
        return by_pronoun or not saying
    k = 0
    while k < len(words) - 1 and words[k] in LINKS:
        k += 1
    return words[k] in GOES_ON or by_pronoun


Title = tuple[str, frozenset[str], frozenset[str]]  # surname, offices, ranks


class ClaimTerms(NamedTuple):
    """What `StoryWeights` reads from a claim's text on its own."""

    terms: tuple[str, ...]  # its `terms`, sorted (weights are summed term by term, and a set's
    # order changes with the hash seed)
    back: bool  # `refers_back`
    named: int  # bit k set: terms[k] is a word of a proper name here ("Tom Reyes")
    lower: int  # bit k set: terms[k] is written in lower case here
    titles: tuple[Title, ...] = ()  # the people it gives a title ("Deputy Secretary ... Sherman")
    goes_on: bool = False  # `goes_on`
    source: int = 0  # bit k set: terms[k] is only a word of who says it here (`attribution`)
    clauses: tuple[int, ...] = ()  # each clause's terms as bits, when it has several (`clauses`)


def claim_terms(
    texts: Iterable[str], known: dict[str, ClaimTerms] | None = None
) -> list[ClaimTerms]:
    """The `ClaimTerms` of each text (read once a text: an article may repeat a sentence, a
    hostile one thousands of times). `known`: the texts read by earlier calls, kept for the
    next (a long story's claims are read a run at a time)."""
    known = {} if known is None else known
    out = []
    for t in texts:
        got = known.get(t)
        if got is None:
            got = known[t] = _claim_terms(t)
        out.append(got)
    return out


def _claim_terms(text: str) -> ClaimTerms:
    suggest = _suggest()
    titles, proper_names = suggest.titles, suggest.proper_names
    tokens = suggest.tokenize(text)
    words = [t.lower for t in tokens]  # (read by several of the steps below)
    ts = tuple(sorted(_terms(text, tokens, words)))
    names = {term_stem(t) for name in proper_names(text) for t in name}
    lower = set(map(_word_stem, [t.text for t in tokens if t.text[:1].islower()]))
    named = sum(1 << k for k, t in enumerate(ts) if t in names) if names else 0
    lowered = sum(1 << k for k, t in enumerate(ts) if t in lower)
    # a title names an office (most sentences name none: not read for those)
    office = not titles.OFFICES.isdisjoint(words)
    given = tuple(
        (min(s.key), s.value[1], s.value[0])  # type: ignore[index]
        for s in (titles.extract(text, tokens) if office else ())
    )
    said = _attribution(text, tokens, words)
    source = 0
    if said:
        told = {term_stem(t) for k, t in enumerate(tokens) if k not in said}
        by = {term_stem(tokens[k]) for k in said} - told
        source = sum(1 << k for k, t in enumerate(ts) if t in by)
    return ClaimTerms(
        ts, _refers_back(words), named, lowered, given, _goes_on(text, words), source,
        _clause_bits(text, tokens, ts),
    )  # fmt: skip


def _clause_bits(text: str, tokens: Sequence[Token], ts: Sequence[str]) -> tuple[int, ...]:
    """Each clause of `text` (`clauses.clause_starts`) as the bits of the terms `ts` its words
    are; () for a sentence of one clause."""
    starts = clause_starts(text)
    if not starts:
        return ()
    at = {t: k for k, t in enumerate(ts)}
    bits = [0] * (len(starts) + 1)
    for tok in tokens:
        w = tok.lower
        term = NUMBER_WORDS.get(w) or (
            w.replace(",", "") if w[0].isdigit() else _word_stem(tok.text)
        )
        if (k := at.get(term)) is not None:
            bits[bisect_left(starts, tok.start + 1)] |= 1 << k
    return tuple(bits)


# Who says it, not what happened (`attribution`): "..., coast guard commander Erik Holm said.",
# "Police said the crash...", "..., according to regional police chief Tomas Kessler." A claim's
# source is a clause of at most `SOURCE_WORDS` words: the last one, after a comma or a quote, with
# a verb of saying ("…,” said mayor Lucia Betti"), or opening "according to"; or the words before
# a verb of saying that the sentence opens with, with no comma between them. Its words that the
# claim uses nowhere else say no fact of it (`StoryWeights`): one source saying two things is not
# one fact ("All 22 crew were airlifted, coast guard commander Erik Holm said" / "Coast guard
# commander Erik Holm said the hull had been breached" scored 68.5, a strong match).
SOURCE_WORDS = 8
_ACCORDING = ("according", "to")
_TOLD_TO = frozenset(["to", "that"])


def attribution(text: str, tokens: Sequence[Token]) -> set[int]:
    """The indices of the tokens of `text` that say who says it (with the verb of saying)."""
    return _attribution(text, tokens, [t.lower for t in tokens])


def _attribution(text: str, tokens: Sequence[Token], words: Sequence[str]) -> set[int]:
    """`attribution` of `text`, whose tokens are `tokens` and their words (lower case)
    `words`."""
    out: set[int] = set()
    # the last clause, after a comma (or a quote's closing comma)
    cut = text.rfind(",")
    if cut >= 0:
        first = len(tokens)  # (the tokens are in the order of the text)
        while first and tokens[first - 1].start > cut:
            first -= 1
        tail = list(range(first, len(tokens)))
        said = [words[k] for k in tail]
        verb = next((k for k, w in enumerate(said) if w in SAYING), None)
        # not a clause of what was done: "..., and told the driver to get out"
        saying = verb is not None and said[0] not in LINKS and not _TOLD_TO & set(said[verb:])
        if tail and len(tail) <= SOURCE_WORDS and (saying or tuple(said[:2]) == _ACCORDING):
            out.update(tail)
        elif tail and len(tail) <= SOURCE_WORDS and verb is None and _appositive(tokens, tail):
            # the speaker's title after the speaker: "..., said Jennifer Homendy, chair of the
            # National Transportation Safety Board." (the clause before says who)
            before = text.rfind(",", 0, cut)
            if before >= 0:
                named = [k for k, t in enumerate(tokens) if before < t.start < cut]
                verbs = [words[k] for k in named]
                if 0 < len(named) <= SOURCE_WORDS and SAYING & set(verbs) and verbs[0] not in LINKS:
                    out.update(named + tail)
    # "according to ..." anywhere, to the end of its clause
    according = "according" in words  # (most sentences do not say it)
    commas = [m.start() for m in re.finditer(",", text)] if according else []
    for k in range(len(words) - 1 if according else 0):
        if (words[k], words[k + 1]) == _ACCORDING:
            at = bisect_left(commas, tokens[k].end)  # (a run-on text says it thousands of times)
            end = commas[at] if at < len(commas) else -1
            out.update(
                j for j in range(k, min(len(tokens), k + SOURCE_WORDS + 1))
                if end < 0 or tokens[j].start < end
            )  # fmt: skip
    # the speaker the sentence opens with: "Coast guard commander Erik Holm said the hull..."
    if tokens and not text.lstrip().startswith(_OPENING_QUOTES):
        opening = words[: SOURCE_WORDS + 1]
        verb = (
            None
            if SAYING.isdisjoint(opening)  # (most sentences open with no verb of saying)
            else next((k for k, w in enumerate(opening) if w in SAYING), None)
        )
        if verb and "," not in text[: tokens[verb].start] and not LINKS & set(words[:verb]):
            out.update(range(verb + 1))  # not "Police shut the road and said it would..."
    # where it was said: "..., Biden said at a news conference", "in a statement", "following
    # a press briefing" (a setting of the saying, wherever it stands in the sentence)
    settings = () if _SETTINGS.isdisjoint(words) else words  # (most sentences name none)
    for k, w in enumerate(settings):
        if w in _SETTINGS:
            first = k - (k and words[k - 1] in _SETTING_KINDS)
            first -= first and words[first - 1] in _SETTING_DETERMINERS
            if first and words[first - 1] in _SETTING_PREPOSITIONS:
                out.update(range(first - 1, k + 1))
    # how it was said is what was said: "He repeatedly said" / "Ryabkov repeated"
    return {k for k in out if not words[k].endswith("ly")} if out else out


def _appositive(tokens: Sequence[Token], tail: Sequence[int]) -> bool:
    """The clause tokens[tail] reads as a title after a name: it opens with a determiner or an
    office and names an office within its first three words ("chair of the board", "a
    spokeswoman for the police", "the city's police chief"), not what happened ("adding that
    six were missing")."""
    from reader.suggest.titles import OFFICES

    first = [tokens[k].lower for k in tail[:3]]
    office = OFFICES | _HEADS
    return (first[0] in _SETTING_DETERMINERS or first[0] in office) and not office.isdisjoint(first)


_HEADS = frozenset(["chief", "head"])  # offices that titles.OFFICES leaves out (not names)


_SETTINGS = frozenset(["conference", "briefing", "statement", "interview"])
_SETTING_KINDS = frozenset(["news", "press", "joint", "televised", "written"])
_SETTING_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "its"])
_SETTING_PREPOSITIONS = frozenset(
    ["at", "in", "during", "following", "after", "before", "told", "to", "from"]
)


def who_terms(read: Sequence[ClaimTerms]) -> frozenset[str]:
    """The terms that tie two claims to the same people, places and offices rather than to
    the same fact: the words of proper names the story never writes in lower case ("Reyes",
    "Dunmore", not "Court" of "Leeds Crown Court", which it also writes as "the court"), words
    of office and address ("councillor", "Ms"), and the words of attribution and quantity
    that surround every quote ("told", "all"), as `reader.suggest.support` reads them."""
    from reader.suggest.support import OFFICES, WEAK

    named: set[str] = set()
    lower: set[str] = set()
    # (a text an article repeats was read once, as one object: its terms are added once)
    for c in {id(c): c for c in read}.values():
        if c.named:
            named.update(_picked(c.terms, c.named))
        if c.lower:
            lower.update(_picked(c.terms, c.lower))
    return frozenset((named - lower) | OFFICES | WEAK)


_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _picked(terms: Sequence[str], bits: int) -> Iterator[str]:
    """The terms[k] whose bit k is set in `bits` (as `ClaimTerms` marks them), picked in C:
    term by term, a long story's 30,000 claims took a tenth of its weights."""
    return compress(terms, bin(bits)[:1:-1].encode().translate(_BITS))


def _named(own: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each claim's terms with the initials of the names it spells out as the word they make,
    where some claim of the story uses that word ("NATO"), and left out where none does (a
    term no other claim has would only dilute the claim's vector)."""
    # each claim's initials, ts[a:b] of its sorted terms: none but they start with ACRONYM
    spans = [(bisect_left(ts, ACRONYM), bisect_left(ts, _PAST_ACRONYM)) for ts in own]
    if all(a == b for a, b in spans):
        return own
    # the story's words: every term but the initials (each claim's ts[a:b] above), read off
    # the story's vocabulary (claim by claim, a long story's 30,000 took a tenth of its weights)
    words = {t for t in set(chain.from_iterable(own)) if not t.startswith(ACRONYM)}
    out = []
    for ts, (a, b) in zip(own, spans, strict=True):
        if a < b:
            plain = {*ts[:a], *ts[b:]}
            plain.update(t[1:] for t in ts[a:b] if t[1:] in words)
            ts = tuple(sorted(plain))
        out.append(ts)
    return out


def headline_leads(
    claims: Sequence[Claim],
    headlines: Collection[str],
    words: Sequence[Collection[str]],
    weighed: Container[str] | None = None,
) -> dict[int, int]:
    """For each headline claim (by id in `headlines`), the body sentence of its article that it
    condenses (`_condensed`) by their `words`, where one does; `weighed`: the only words of a
    headline that count, when not all do."""
    body: dict[str, list[int]] = {}
    for j, c in enumerate(claims):
        if c.id not in headlines:
            body.setdefault(c.article, []).append(j)
    out = {}
    for i, c in enumerate(claims):
        if c.id not in headlines:
            continue
        mine = {t for t in words[i] if weighed is None or t in weighed}
        if (best := _condensed(mine, body.get(c.article, ()), words)) >= 0:
            out[i] = best
    return out


def _condensed(mine: set[str], body: Iterable[int], words: Sequence[Collection[str]]) -> int:
    """Which of the sentences numbered `body` a headline of words `mine` condenses: the one
    whose `words` hold most of them, two or more and at least half (`HEADLINE_SHARED`,
    `HEADLINE_COVERAGE`); -1 when none does."""
    best, best_n = -1, 0
    for j in body:
        n = len(mine.intersection(words[j]))
        if n > best_n:
            best, best_n = j, n
    return best if best_n >= HEADLINE_SHARED and best_n >= HEADLINE_COVERAGE * len(mine) else -1


def _row_sums(values: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The sum of each row of `values`, rows of `sizes[k]` values one after the other, bit for
    bit as `row.sum()` of each gives it: the rows of one length are summed together, as the
    rows of one 2-D array (numpy sums each alike, pairwise; a running sum, as `bincount`'s, may
    round otherwise). A sum a row at a time took a tenth of a long story's weights."""
    starts = np.cumsum(sizes) - sizes
    out = np.zeros(len(sizes))
    for size in np.unique(sizes[sizes > 0]).tolist():
        rows = np.flatnonzero(sizes == size)
        out[rows] = values[starts[rows, None] + np.arange(size)].sum(axis=1)
    return out


class StoryWeights:
    """Term vectors of a story's claims, kept as postings for fast dot products.

    Each claim has a unit-length vector (for the cosine) and its rare-word weights: a term's idf
    divided by log(claims), so a term only two claims share weighs about 1 whatever the story's
    size (the scale `reader.suggest.support` reads).
    """

    def __init__(
        self,
        claims: Sequence[Claim],
        read: Sequence[ClaimTerms] | None = None,
        headlines: Collection[str] = (),
    ):
        """`read`: the `claim_terms` of `claims`, when the caller has them; `headlines`: the
        ids of the claims that are headlines (`Story.headline_ids`)."""
        n = len(claims)
        self.n = n
        if read is None:
            read = claim_terms(c.text for c in claims)
        own = _named([c.terms for c in read])
        df = Counter(chain.from_iterable(own))
        limit = max(2, COMMON_SHARE * n)
        idf = {t: math.log(n / d) for t, d in df.items() if d <= limit and d < n}
        self.ids = {t: k for k, t in enumerate(idf)}
        self.common = frozenset(df) - frozenset(idf)  # the story's vocabulary: weighs nothing
        # terms that say what happened, not who or where (`FACT_WORDS`)
        who = who_terms(read)
        # who is given which title (`_titled`): each claim's, and by surname and title the
        # claims that give it
        self.titles = [c.titles for c in read]
        titled: dict[str, dict[tuple[frozenset[str], frozenset[str]], list[int]]] = {}
        for i, c in enumerate(read):
            for surname, offices, ranks in c.titles:
                titled.setdefault(surname, {}).setdefault((offices, ranks), []).append(i)
        # the claims that give a time of day: two of them report one (`CLOCK`)
        self.clocked = np.array([CLOCK in c.terms for c in read], dtype=bool)
        self.titled = {
            surname: [(offices, ranks, np.array(js)) for (offices, ranks), js in given.items()]
            for surname, given in titled.items()
        }
        fact = np.array([t[0] != ACRONYM and t not in who for t in idf], dtype=bool)
        scale = math.log(n) if n > 1 else 1.0
        rare = {t: w / scale for t, w in idf.items()}
        # every claim's weighted terms in one array each, cut claim by claim (a long story has
        # 30,000 claims: one small array built from a dict per claim and kind took 0.2 s)
        kept = [[t for t in ts if t in idf] for ts in own]
        flat = [t for ks in kept for t in ks]
        ids = np.fromiter(map(self.ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        rare_w = np.fromiter(map(rare.__getitem__, flat), dtype=np.float64, count=len(flat))
        idf_w = np.fromiter(map(idf.__getitem__, flat), dtype=np.float64, count=len(flat))
        cuts = np.cumsum([0] + [len(ks) for ks in kept]).tolist()
        fact_w = rare_w * fact[ids]
        for i, c in enumerate(read):  # the words of who says it, in the claim that says so
            if c.source:
                by = set(_picked(c.terms, c.source))
                a = cuts[i]
                for k, t in enumerate(kept[i]):
                    if t in by:
                        fact_w[a + k] = 0.0
        spans = list(pairwise(cuts))
        # each claim's unit vector: its norm is its own dot product (as `_vector` takes it:
        # `dot` of a slice gives the bits `@` of a copy gives, in a third of the time), the
        # division one for all (elementwise: the same quotients)
        norms = [math.sqrt(w.dot(w)) for w in (idf_w[a:b] for a, b in spans)]
        unit = idf_w / np.repeat([x or 1.0 for x in norms], np.diff(cuts))
        self.rows = [(ids[a:b], unit[a:b]) for a, b in spans]
        self.rare = [(ids[a:b], rare_w[a:b]) for a, b in spans]
        self.facts = [fact_w[a:b] for a, b in spans]
        # its number slots: the terms that start with "#", together in its sorted terms (only
        # the claims that have one are looked at: most give no count)
        self.slots = [_NO_ROW] * n
        counted = np.array([t.startswith("#") for t in idf], dtype=bool)[ids]
        for i in np.unique(np.repeat(np.arange(n), np.diff(cuts))[counted]).tolist():
            (a, _), ks = spans[i], kept[i]
            s, e = bisect_left(ks, "#"), bisect_left(ks, "$")
            self.slots[i] = (ids[a + s : a + e], rare_w[a + s : a + e])
        self.total = _row_sums(rare_w, np.diff(cuts))
        # context: a back-referring claim also read with the sentence before it, at half weight,
        # and a headline with the sentence it condenses
        self.context: list[tuple[Row, Row, np.ndarray] | None] = [None] * n
        self.condensed = leads = headline_leads(claims, headlines, own, idf) if headlines else {}
        self._heads: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        # the last block's `with_facts` (lo, hi, skip, sims, facts): its claims' suggestions
        # score pairs the evidence did not keep, each a row the block has (`with_facts`)
        self._block: tuple[int, int, tuple[int, int] | None, np.ndarray, np.ndarray] | None = None
        # each claim that goes on from the claim before it, in its article (`goes_on`)
        self.goes_on = np.zeros(n, dtype=bool)
        for i, c in enumerate(claims):
            prev = claims[i - 1] if i else None
            follows = prev and prev.article == c.article and prev.index == c.index - 1
            self.goes_on[i] = bool(follows and read[i].goes_on)
            src = i - 1 if follows and read[i].back else leads.get(i, -1)
            if src >= 0:
                merged = {t: CONTEXT_WEIGHT for t in own[src] if t in idf}
                merged.update({t: 1.0 for t in own[i] if t in idf})
                ix, x = self._weights({t: x * rare[t] for t, x in merged.items()})
                self.context[i] = (
                    self._vector({t: x * idf[t] for t, x in merged.items()}),
                    (ix, x),
                    x * fact[ix],
                )
        self.clauses = self._clauses(read, kept, idf, rare)
        # postings: for each term, the claims that use it (in order) and its weight there, all
        # terms in one array, so that any number of rows gathers them in a few array operations
        self.postings, order = Postings.of_rows(ids, np.diff(cuts), len(self.ids))
        self.post_w = unit[order]
        # ...and whether it is a fact term there: a term shared is a fact only where both claims
        # say it as one ("The National Transportation Safety Board immediately announced..." /
        # "..., said Jennifer Homendy, chair of the National Transportation Safety Board": a
        # subject on one side, who says it on the other)
        self.post_fact = (fact_w > 0)[order]

    def _clauses(
        self,
        read: Sequence[ClaimTerms],
        kept: Sequence[Sequence[str]],
        idf: dict[str, float],
        rare: dict[str, float],
    ) -> ClauseIndex:
        """The clauses of the claims that have several, of `CLAUSE_TERMS` weighted terms or
        more and fewer than their claim's (`kept`)."""
        owner, units, rares = [], [], []
        for i, c in enumerate(read):
            for bits in c.clauses:
                ts = [t for t in _picked(c.terms, bits) if t in idf]
                if CLAUSE_TERMS <= len(ts) < len(kept[i]):
                    owner.append(i)
                    units.append(self._vector({t: idf[t] for t in ts}))
                    rares.append(self._weights({t: rare[t] for t in ts}))
        return ClauseIndex(owner, units, rares, len(self.ids))

    def _weights(self, weights: dict[str, float]) -> Row:
        ix = np.array([self.ids[t] for t in weights], dtype=np.int64)
        return ix, np.array(list(weights.values()), dtype=np.float64)

    def _vector(self, weights: dict[str, float]) -> Row:
        ix, w = self._weights(weights)
        norm = math.sqrt(float(w @ w))
        return ix, (w / norm if norm else w)

    def _width(self, skip: tuple[int, int] | None) -> int:
        return self.n if skip is None else self.n - (skip[1] - skip[0])

    def _gather(
        self, rows: Sequence[Row], skip: tuple[int, int] | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For every term of every row, row by row and term by term in order: the flat index
        (row x width + column) of each claim using it, the position of that posting, and which
        of the rows' terms it came from. Columns are all claims, or all but skip[0]..skip[1]-1
        renumbered to leave no gap (rows of one article scored against the other articles)."""
        width = self._width(skip)
        terms = np.concatenate([ix for ix, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        row_at = np.repeat(np.arange(len(rows)) * width, [len(ix) for ix, _ in rows])
        where, source = self.postings.gather(terms, skip)
        return self.postings.columns(skip)[where] + row_at[source], where, source

    def _dots(self, rows: Sequence[Row], skip: tuple[int, int] | None) -> np.ndarray:
        """Sums of each of `rows`' weights over the terms it shares with every claim (the
        columns: all claims, or all but `skip`): one bincount for all of them."""
        shape = (len(rows), self._width(skip))
        flat, _, source = self._gather(rows, skip)
        if not flat.size:
            return np.zeros(shape)
        weights = np.concatenate([w for _, w in rows])[source]
        return np.bincount(flat, weights, shape[0] * shape[1]).reshape(shape)

    def _evidence(
        self,
        vectors: Sequence[Row],
        rare: Sequence[Row],
        skip: tuple[int, int] | None,
        facts: Sequence[np.ndarray] | None = None,
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Cosine, scaled down while the shared terms weigh less than `EVIDENCE_WORDS` (or than
        all that both claims say: two identical sentences are full evidence); and, given
        `facts` (the rare weights of each row's fact terms, zero for the others), the shared
        fact weight."""
        # one pass over the postings for all sums: `vectors` and `rare` list the same terms
        shape = (len(vectors), self._width(skip))
        flat, where, source = self._gather(vectors, skip)
        if not flat.size:  # nothing shared (bincount of nothing would even be of integers)
            return np.zeros(shape), None if facts is None else np.zeros(shape)
        wk = np.concatenate([w for _, w in vectors])[source]
        cos = np.bincount(flat, self.post_w[where] * wk, shape[0] * shape[1]).reshape(shape)
        shared = None
        if facts is not None:
            fact_x = np.concatenate(facts)[source] * self.post_fact[where]
            shared = np.bincount(flat, fact_x, shape[0] * shape[1]).reshape(shape)
        rare_x = np.concatenate([x for _, x in rare])[source]
        scale = np.bincount(flat, rare_x, shape[0] * shape[1]).reshape(shape)
        # most claims say at least EVIDENCE_WORDS: the weight needed is that, except for pairs of
        # two sparse claims, where it is what the richer of the two says
        own = np.array([x.sum() for _, x in rare])
        sparse = np.flatnonzero(own < EVIDENCE_WORDS)
        total = self.total if skip is None else np.r_[self.total[: skip[0]], self.total[skip[1] :]]
        needed = np.maximum.outer(own[sparse], np.minimum(EVIDENCE_WORDS, total))
        if shared is not None:
            # a pair that shares half of what one of them says ("The findings were published
            # in the Lancet" / "It was published in the journal The Lancet"): all it shares is
            # what that one says, names too, when a fact word is among them (a name alone is
            # not what a sentence says)
            said = np.minimum.outer(own, total)
            said *= MOST_SAID
            np.copyto(shared, scale, where=(scale >= said) & (shared > 0))
            del said
        low = scale[sparse] / np.maximum(needed, 1e-9)
        scale /= EVIDENCE_WORDS
        scale[sparse] = low
        cos *= np.minimum(scale, 1.0, out=scale)
        return cos, shared

    def lexical(self, lo: int, hi: int, skip: tuple[int, int] | None = None) -> np.ndarray:
        """Weighted-term similarity 0-1 of claims lo..hi-1 with every claim of the story, or with
        every claim but skip[0]..skip[1]-1 (their own article: a long one is not scored against
        itself), in order.

        A back-referring claim scores the better of its own words and its words in context; two
        claims that count the same thing score at least `SLOT_FLOOR` x that count's weight.
        """
        return self.lexical_of(range(lo, hi), skip)

    def lexical_of(self, claims: Sequence[int], skip: tuple[int, int] | None = None) -> np.ndarray:
        """`lexical` of any claims (rows in the order given)."""
        return self._lexical(list(claims), skip, False)[0]

    def with_facts(
        self, lo: int, hi: int, skip: tuple[int, int] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """`lexical` of claims lo..hi-1, and the rare weight of the fact terms each pair shares
        (a back-referring claim's read with its context too, the better of the two): what
        `FACT_WORDS` asks of a strong match. A pair giving one person two titles, or two times
        of day (`CLOCK`), shares that much.

        Rows of the last block asked for (of several claims, the same `skip`) are read from it:
        each row is the same whatever rows are asked with it, and a long article's claims
        score pairs against the other long one row by row after their block (each row as
        wide as that article took as long as its share of the block)."""
        if (block := self._block) is not None:
            first, last, skipped, sims, facts = block
            if first <= lo and hi <= last and skip == skipped:
                return sims[lo - first : hi - first].copy(), facts[lo - first : hi - first].copy()
            if hi - lo > 1:  # (dropped before the next block is worked out: one in memory)
                self._block = None
        sims, facts = self._worked_out(lo, hi, skip)
        if hi - lo > 1:
            self._block = (lo, hi, skip, sims, facts)
        return sims, facts

    def _worked_out(
        self, lo: int, hi: int, skip: tuple[int, int] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """`with_facts`, worked out."""
        sims, facts = self._lexical(list(range(lo, hi)), skip, True)
        assert facts is not None
        for rows, cols in self._titled(lo, hi, skip):
            at = np.ix_(rows, cols)
            facts[at] = np.maximum(facts[at], FACT_WORDS)
        timed = np.flatnonzero(self.clocked[lo:hi])
        if timed.size:  # two times of day: one fact, told alike or not
            clocked = self.clocked
            if skip is not None:
                clocked = np.r_[clocked[: skip[0]], clocked[skip[1] :]]
            at = np.ix_(timed, np.flatnonzero(clocked))
            facts[at] = np.maximum(facts[at], FACT_WORDS)
        return sims, facts

    def _titled(
        self, lo: int, hi: int, skip: tuple[int, int] | None
    ) -> Iterator[tuple[list[int], np.ndarray]]:
        """(rows, columns): pairs of claims lo..hi-1 and another that give one person two titles
        in one office ("Assistant Secretary of State Wendy Sherman" / "Deputy Secretary of State
        Wendy Sherman"): a fact they report differently, whatever else they share. Taken a title
        at a time, the claims giving another as one array: one by one, each block's claims
        walked every claim of the story giving a title (20,000 sentences naming one person with
        a title took 17 s)."""
        rows_of: dict[Title, list[int]] = {}
        for i in range(lo, hi):
            for title in self.titles[i]:
                rows_of.setdefault(title, []).append(i - lo)
        for (surname, offices, ranks), rows in rows_of.items():
            for others, other_ranks, js in self.titled[surname]:
                if offices & others and ranks != other_ranks:
                    if skip is not None:  # (js is sorted) the claims after skip move up
                        a, b = np.searchsorted(js, skip).tolist()
                        js = np.r_[js[:a], js[b:] - (skip[1] - skip[0])]
                    yield rows, js

    def _headline_rows(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The headlines read with the sentence each condenses (`condensed`), their lexical
        similarity to every claim and their shared fact weight, as rows (worked out once); None
        when there are none, or so many that the rows would take more than `HEADLINE_CELLS`."""
        if not self.condensed or len(self.condensed) * self.n > HEADLINE_CELLS:
            return None
        if self._heads is None:
            at = np.array(sorted(self.condensed), dtype=np.int64)
            read = [self.context[h] for h in at.tolist()]
            sims, shared = self._evidence(
                [c[0] for c in read], [c[1] for c in read], None, [c[2] for c in read]
            )
            assert shared is not None
            self._heads = (at, sims, shared)
        return self._heads

    def _with_clauses(
        self, claims: list[int], skip: tuple[int, int] | None, sims: np.ndarray
    ) -> None:
        """Raises `sims` (rows: `claims`) to `CLAUSE_WEIGHT` x the best similarity of a clause
        of the row's claim with the column's claim, or of the row's claim or clause with a
        clause of the column's."""
        own = self.clauses.of(claims)
        units = [self.rows[i] for i in claims] + [u for _, u, _ in own]
        rare = [self.rare[i] for i in claims] + [x for _, _, x in own]
        best = self.clauses.against(units, rare, skip, self._width(skip), EVIDENCE_WORDS)
        if own:
            whole, _ = self._evidence([u for _, u, _ in own], [x for _, _, x in own], skip)
            part = np.maximum(best[len(claims) :], whole)
            np.maximum.at(best, [r for r, _, _ in own], part)
        np.maximum(sims, CLAUSE_WEIGHT * best[: len(claims)], out=sims)

    def _lexical(
        self, claims: list[int], skip: tuple[int, int] | None, facts: bool
    ) -> tuple[np.ndarray, np.ndarray | None]:
        sims, shared = self._evidence(
            [self.rows[i] for i in claims],
            [self.rare[i] for i in claims],
            skip,
            [self.facts[i] for i in claims] if facts else None,
        )
        ctx = [(r, c) for r, i in enumerate(claims) if (c := self.context[i]) is not None]
        if ctx:
            with_context, more = self._evidence(
                [c[0] for _, c in ctx],
                [c[1] for _, c in ctx],
                skip,
                [c[2] for _, c in ctx] if facts else None,
            )
            rows = [r for r, _ in ctx]
            sims[rows] = np.maximum(sims[rows], with_context)
            if shared is not None and more is not None:
                shared[rows] = np.maximum(shared[rows], more)
        if len(self.clauses.owner):
            self._with_clauses(claims, skip, sims)
        if (heads := self._headline_rows()) is not None:
            # a headline's column scores as its row does, read with the sentence it condenses
            at, head_sims, head_shared = heads
            cols, rows = at, np.asarray(claims)
            if skip is not None:
                keep = (at < skip[0]) | (at >= skip[1])
                cols = at[keep] - (skip[1] - skip[0]) * (at[keep] >= skip[1])
                head_sims, head_shared = head_sims[keep], head_shared[keep]
            sims[:, cols] = np.maximum(sims[:, cols], head_sims[:, rows].T)
            if shared is not None:
                shared[:, cols] = np.maximum(shared[:, cols], head_shared[:, rows].T)
        counted = [r for r, i in enumerate(claims) if len(self.slots[i][0])]
        if counted:
            floor = SLOT_FLOOR * self._dots([self.slots[claims[r]] for r in counted], skip)
            sims[counted] = np.maximum(sims[counted], floor)
        return np.minimum(sims, 1.0), shared
