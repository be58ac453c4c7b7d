"""A person's title or rank: "Deputy Secretary of State Wendy Sherman" vs "Assistant Secretary ...".

Two forms are read: a title run right before a capitalised name, and an appositive after the name
("Wendy Sherman, the deputy US secretary of state"). The slot is keyed by the surname and the
office; its value is the set of rank words, which is where sources tend to disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from reader.suggest.slots import Slot
from reader.suggest.text import Token, is_content, tokenize, without_possessive

RANKS = frozenset(
    [
        "deputy",
        "assistant",
        "under",
        "vice",
        "acting",
        "associate",
        "senior",
        "chief",
        "principal",
        "executive",
        "lieutenant",
        "brigadier",
        "major",
        "interim",
        "junior",
    ]
)
OFFICES = frozenset(
    [
        "secretary",
        "minister",
        "president",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ambassador",
        "governor",
        "senator",
        "general",
        "admiral",
        "colonel",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisor",
        "prosecutor",
        "attorney",
        "judge",
        "mayor",
        "premier",
        "chancellor",
        "envoy",
        "representative",
        "officer",
        "counsel",
        "commissioner",
        "superintendent",
        "sheriff",
        "captain",
        "sergeant",
        "inspector",
        "justice",
        "speaker",
        "administrator",
        "coordinator",
    ]
)
# Words that may sit inside a title run without being the office itself.
_DOMAIN = frozenset(
    [
        "of",
        "for",
        "the",
        "state",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "treasury",
        "homeland",
        "security",
        "national",
        "prime",
        "health",
        "energy",
        "trade",
        "commerce",
        "affairs",
        "staff",
        "public",
        "general",
        "police",
        "army",
        "navy",
        "air",
        "force",
        "us",
        "u",
        "s",
        "uk",
        "un",
        "eu",
        "managing",  # "the managing director of Granite Quay"
    ]
)
# A minister's portfolio, by the ministry it belongs to: "Economy Minister" and "Finance Minister"
# can be one post ("Economy and Finance"), "Transport" and "Interior" cannot. Two titles of one
# person naming portfolios of no common ministry conflict.
_MINISTRY = {
    "prime": "prime",  # the head of government: "Prime Minister" is no "Interior Minister"
    "foreign": "foreign",
    "defence": "defence",
    "defense": "defence",
    "interior": "interior",
    "finance": "finance",
    "treasury": "finance",
    "economy": "finance",
    "health": "health",
    "energy": "environment",
    "environment": "environment",
    "climate": "environment",
    "trade": "trade",
    "commerce": "trade",
    "industry": "trade",
    "transport": "transport",
    "transportation": "transport",
    "infrastructure": "transport",
    "agriculture": "agriculture",
    "fisheries": "agriculture",
    "farming": "agriculture",
    "culture": "culture",
    "tourism": "culture",
    "sport": "culture",
    "sports": "culture",
    "heritage": "culture",
    "education": "education",
    "labour": "labour",
    "labor": "labour",
    "employment": "labour",
    "housing": "housing",
    "immigration": "immigration",
}
_DOMAIN = _DOMAIN | frozenset(_MINISTRY)
NAME_PARTICLES = frozenset(["de", "da", "van", "von", "der", "den", "al", "bin", "la", "le"])
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        # as datelines abbreviate them ("MILAN, Oct 9 (Reuters)"); not those that are also
        # names or words ("Jan", "Mar", "May")
        *"feb apr jul aug sep sept oct nov dec".split(),  # noqa: SIM905
    ]
)


# A firm's chief officers, by the post after "chief" or its initials: "Chief Executive" and "CEO"
# are one post, "chief operating officer" another: one person named as two of them is a conflict.
_CHIEF = frozenset(
    ["executive", "operating", "financial", "technology", "marketing", "information"]
)
_INITIALS = {"ceo": "executive", "coo": "operating", "cfo": "financial", "cto": "technology"}
_CHIEF_OFFICE = "chief officer"
# the words a chief officer's post starts with, possessives too ("CEO's"): see `_chief_officers`
_CHIEF_FORMS = frozenset(w + end for w in [*_INITIALS, "chief"] for end in ("", "'s", "’s"))
_BEFORE_APPOSITIVE = frozenset(["the", "its", "his", "her", "their"])

_TITLE_WORDS = RANKS | OFFICES | _DOMAIN  # the words of a title ("deputy US secretary of state")
# the words `extract` reads a title before a name from
_TITLE_STARTS = RANKS | OFFICES | _CHIEF_FORMS
# the words of a title's domain that tell one title from another ("of", "US" do not)
_DOMAIN_OWN = _DOMAIN - {"of", "for", "the", "us", "u", "s"}
# ... and a chief officer's initials ("the CEO of a supplements company")
_NOT_NAMES = _TITLE_WORDS | _CALENDAR | frozenset(_INITIALS)


@functools.lru_cache(maxsize=1 << 16)  # asked of every capitalised word of every claim, by
# several readers: a story's words repeat
def is_title_word(word: str) -> bool:
    """A lower-cased word that is capitalised as part of a title or a date, not of a name
    ("Friday's" too)."""
    return without_possessive(word) in _NOT_NAMES


def name_marks(toks: Iterable[Token]) -> frozenset[str]:
    """The names among `toks` (capitalised words that are not titles or function words), lower
    case, marked "@": whose figure, charge or result a slot is ("Hale took 46%")."""
    return frozenset(
        "@" + without_possessive(t.lower)
        for t in toks
        if t.text[:1].isupper() and is_content(t.text) and not is_title_word(t.lower)
    )


def _is_name(tok: Token) -> bool:
    w = tok.text
    return w[:1].isupper() and not is_title_word(w.lower())


def _name_after(text: str, toks: Sequence[Token], k: int) -> tuple[str, int] | None:
    """Surname and index of its token for the name starting at toks[k], if one starts there."""
    if k >= len(toks) or not _is_name(toks[k]):
        return None
    last = k
    while last + 1 < len(toks) and text[toks[last].end : toks[last + 1].start] in (" ", ". "):
        nxt = toks[last + 1]
        if not (_is_name(nxt) or nxt.lower in NAME_PARTICLES):
            break
        last += 1
    return toks[last].lower, last


def _slot(text: str, toks: Sequence[Token], lo: int, hi: int, surname: str) -> Slot | None:
    while hi > lo and toks[hi - 1].lower in ("of", "for", "the"):
        hi -= 1  # "chairman of the Center": the run stops before the organisation
    while lo > 0 and toks[lo - 1].lower in _MINISTRY and toks[lo - 1].text[:1].isupper():
        lo -= 1  # "Transport Minister": the portfolio before the office is of the title
    words = [t.lower for t in toks[lo:hi]]
    offices = frozenset(w for w in words if w in OFFICES)
    if not offices:
        return None
    ranks = frozenset(w for w in words if w in RANKS)
    domain = frozenset(w for w in words if w in _DOMAIN_OWN)
    span = (toks[lo].start, toks[hi - 1].end)
    return Slot(
        kind="title",
        key=frozenset({without_possessive(surname)}),  # "Chair Jerome Powell’s remarks"
        value=(ranks, offices, domain),
        surface=text[span[0] : span[1]],
        span=span,
    )


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """Titles attached to a named person, keyed by surname."""
    toks = tokens if tokens is not None else tokenize(text)
    slots: list[Slot] = []
    if "," not in text and _TITLE_STARTS.isdisjoint(t.lower for t in toks):
        return slots  # no title word, no appositive after a comma (most sentences)
    i = 0
    while i < len(toks):
        w = toks[i].lower
        if w in RANKS or w in OFFICES:
            # title before a name: a run of capitalised title words, then the name
            j = i
            while j < len(toks) and (toks[j].lower in _TITLE_WORDS):
                if (
                    toks[j].lower not in ("of", "for", "the", "s")
                    and not toks[j].text[:1].isupper()
                ):
                    # a lower-case office right before a name: "police spokesman Jan Kowalski"
                    if j == i and w in OFFICES and j + 1 < len(toks) and _is_name(toks[j + 1]):
                        j += 1
                    break
                j += 1
            name = _name_after(text, toks, j)
            if name and j > i:
                slot = _slot(text, toks, i, j, name[0])
                if slot:
                    slots.append(slot)
                i = name[1] + 1
                continue
            # no name after the run: a scan from any later word of it ends where this one did
            i = max(i + 1, j)
            continue
        i += 1
    # appositive: "Name Surname, the deputy US secretary of state"
    for k in range(len(toks) - 2):
        if text[toks[k].end : toks[k].end + 1] != "," or not _is_name(toks[k]):
            continue  # (the comma first: most words are followed by none)
        j = k + 1
        if j < len(toks) and toks[j].lower == "the":
            j += 1
        lo = j
        while j < len(toks) and (toks[j].lower in _TITLE_WORDS):
            j += 1
        # appositive titles are lower case in news style; capitals here start a new phrase
        if j > lo and toks[lo].text.islower() and toks[lo].lower not in ("of", "for", "the"):
            slot = _slot(text, toks, lo, j, toks[k].lower)
            if slot:
                slots.append(slot)
    chiefs = _chief_officers(text, toks)
    # "chief operating officer Maria Duarte" is read above as an "officer": the post is the title
    slots = [s for s in slots if not any(_meets(s.span, c.span) for c in chiefs)]
    return slots + chiefs


def _meets(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _chief_officers(text: str, toks: Sequence[Token]) -> list[Slot]:
    """ "Chief Executive Maria Duarte", "CFO Tom Hale", "Maria Duarte, Holt's chief operating
    officer": the post keyed by the surname, office "chief officer", the post as its domain."""
    slots: list[Slot] = []
    for i in [k for k, t in enumerate(toks) if t.lower in _CHIEF_FORMS]:  # (most have none)
        tok = toks[i]
        w = without_possessive(tok.lower)
        if w in _INITIALS and tok.text[:3].isupper():
            post, end = _INITIALS[w], i + 1
        elif w == "chief" and i + 1 < len(toks) and toks[i + 1].lower in _CHIEF:
            post, end = toks[i + 1].lower, i + 2
            if end < len(toks) and toks[end].lower == "officer":
                end += 1
        else:
            continue
        name = (
            _name_after(text, toks, end)
            if text[toks[end - 1].end : toks[end - 1].end + 1] == " "
            else None
        )
        surname = name[0] if name else None
        if surname is None:  # appositive: "Name, [the|Holt's] chief executive"
            k = i - 1
            while (
                k >= 0
                and i - k <= 2
                and (toks[k].lower in _BEFORE_APPOSITIVE or toks[k].lower.endswith(("'s", "’s")))
            ):
                k -= 1
            if k >= 0 and _is_name(toks[k]) and text[toks[k].end : toks[k].end + 1] == ",":
                surname = toks[k].lower
        if surname is None:
            continue
        span = (tok.start, toks[end - 1].end)
        slots.append(
            Slot(
                kind="title",
                key=frozenset({surname}),
                value=(frozenset(), frozenset({_CHIEF_OFFICE}), frozenset({post})),
                surface=text[span[0] : span[1]],
                span=span,
            )
        )
    return slots


# Public offices one person holds one of at a time: the same person given two of them by two
# sources ("Regional governor Ilse Varga" / "Mayor Ilse Varga") is given the wrong one by one.
# (Not a firm's or a force's titles: a president is often chief executive too, a general a
# commander.) A secretary of state is a minister in many governments: one office here.
_PUBLIC = {
    "minister": "minister", "secretary": "minister", "premier": "minister",
    "president": "president", "governor": "governor", "mayor": "mayor", "senator": "senator",
    "chancellor": "chancellor", "ambassador": "ambassador", "envoy": "ambassador",
}  # fmt: skip


def _public(s: Slot) -> frozenset[str]:
    return frozenset(_PUBLIC[o] for o in s.value[1] if o in _PUBLIC)  # type: ignore[union-attr]


def related(a: Slot, b: Slot) -> bool:
    """The same person in the same kind of office ("secretary", "minister"), or each in a
    public office (`_PUBLIC`)."""
    if a.key != b.key:
        return False
    return bool(a.value[1] & b.value[1]) or bool(_public(a) and _public(b))  # type: ignore[index]


def _ministries(s: Slot) -> frozenset[str]:
    return frozenset(_MINISTRY[w] for w in s.value[2] if w in _MINISTRY)  # type: ignore[index]


def compatible(a: Slot, b: Slot) -> bool:
    """Ranks must match: "Deputy Secretary" and "Assistant Secretary" are different jobs; and
    portfolios, where both name one: "Transport Minister" is not "Interior Minister", nor a
    firm's chief executive its chief operating officer."""
    if not a.value[1] & b.value[1]:  # type: ignore[index]
        return bool(_public(a) & _public(b))  # two public offices (`related`)
    ma, mb = _ministries(a), _ministries(b)
    if _CHIEF_OFFICE in a.value[1] and _CHIEF_OFFICE in b.value[1]:  # type: ignore[index]
        ma, mb = a.value[2], b.value[2]  # type: ignore[index]
    return a.value[0] == b.value[0] and not (ma and mb and not ma & mb)  # type: ignore[index]
