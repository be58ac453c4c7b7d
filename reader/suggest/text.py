"""Word-level helpers shared by the detectors: tokens with offsets, stems, context windows."""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from reader.align.evidence import STOPWORDS
from reader.corpus.links import links

# Words, numbers with separators ("13,000", "2.5", "10:50"), and "$", "£", "€" as tokens.
_TOKEN = re.compile(r"[$£€]|\d+(?:[.,:]\d+)*(?:s\b)?|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# ...the same in an ASCII text, where letters and digits are ASCII ones: a quarter faster than
# asking each character's Unicode category
_ASCII_TOKEN = re.compile(r"\$|[0-9]+(?:[.,:][0-9]+)*(?:s\b)?|[A-Za-z]+(?:'[A-Za-z]+)?")

# Nouns that news stories use interchangeably for the same thing; folding them lets "six-hour
# conversation" and "eight hours of talks" count as the same event. Generic, not per story.
_SYNONYMS = {
    "event": "talks meeting meetings negotiation negotiations discussion discussions conversation "
    "conversations session sessions summit consultation consultations dialogue round",
    "troop": "troops soldiers forces servicemen personnel",
    "dead": "dead killed killing kill kills deaths died fatalities lives",
    "hurt": "injured injuring injure injures injury injuries wounded wounding hurt",
    "person": "people person persons residents resident inhabitants individuals civilians",
    "home": "homes home houses house households household properties dwellings",
    "building": "buildings building structures structure",
    "job": "jobs job positions staff employees employee workers worker workforce",
    "vehicle": "vehicles vehicle cars car traffic",
    "ship": "ships ship vessels vessel boats boat",
    "shut": "shut shuts shutting closed closes closing closure closures",
    "crowd": "crowd crowds attendance attendances spectators",
    "inquiry": "inquiry inquiries enquiry enquiries investigation investigations investigate "
    "investigates investigated investigating probe probes probed probing",
    "money": "money funding funds cash",
    "charge": "charge charges offence offences offense offenses",
    "landfall": "landfall ashore",  # "made landfall" / "came ashore"
    "power": "power electricity",
    "noon": "noon midday",
    "deal": "deal deals agreement agreements accord accords pact pacts",
}
_CANON = {w: k for k, words in _SYNONYMS.items() for w in words.split()}
# ...and words for what a story is about, folded only where a fact's context is read ("fought
# the flames for six hours" / "eight hours to contain the blaze"): elsewhere they stay the
# rarer words they are, so a sentence's other words keep their weight
_TOPIC = {"blaze": "fire", "flame": "fire", "freed": "relea", "free": "relea", "stock": "share"}
# Words that open a noun phrase ("the inspection", "its last record")
DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that"])
# Words of address before a name ("Mr Berg"): who is meant, not what is said
COURTESY_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "prof"])


class Token(NamedTuple):
    """A word or number of a text, with its offsets (a tuple: a story's texts make hundreds of
    thousands, and a dataclass's frozen `__init__` took a fifth of tokenizing)."""

    text: str
    start: int
    end: int
    lower: str


# a token's text (`Token.text`), as a function: a sentence's words are mapped in C with it
token_text = operator.itemgetter(0)


_new_token = tuple.__new__  # `Token(...)` without its Python-level `__new__`: (Token, fields)


@functools.lru_cache(maxsize=1 << 15)  # each detector tokenizes the same claim again, and a
# story of up to ~30,000 claims stays in the cache across its passes
def tokenize(text: str) -> tuple[Token, ...]:
    """Word and number tokens of `text` with their offsets, none from a web or e-mail address."""
    gaps, pos = [], 0
    for lo, hi in links(text):  # the figures, dates and words of an address are a name
        gaps.append((pos, lo))
        pos = hi
    gaps.append((pos, len(text)))
    if text.isascii() or not _MARK_AFTER_LETTER.search(text):
        words = _ASCII_TOKEN if text.isascii() else _TOKEN
        tokens = []
        for lo, hi in gaps:
            # each word is found where the search left off: what lies between two words holds
            # no character a word starts with (every one starts a match), so the first place
            # the word is found is where it was matched (a quarter faster than match objects)
            at = lo
            for w in words.findall(text, lo, hi):
                start = text.find(w, at)
                at = start + len(w)
                tokens.append(_new_token(Token, (w, start, at, w.lower())))
        return tuple(tokens)
    out = []
    for lo, hi in gaps:
        for s, e in _with_marks(text, _TOKEN.finditer(text, lo, hi), hi):
            w = unicodedata.normalize("NFC", "".join(_visible(text[s:e])))
            out.append(Token(w, s, e, w.lower()))
    return tuple(out)


# A letter followed by something that is no word character, space or common punctuation: maybe a
# combining mark or an invisible joiner, which the word pattern stops at ("Mu\u0308ller" written
# with a combining diaeresis, "O\u200dsei" with a zero-width joiner, "Ose\u00adi" with a soft
# hyphen). Only such texts are read mark by mark.
_MARK_AFTER_LETTER = re.compile(r"[^\W\d_][^\w\s!-/:-@\[-`{-~“”‘’«»—–…]")
_JOINING = frozenset(["Mn", "Mc", "Me", "Cf"])  # combining marks, format characters


def _with_marks(text: str, matches: Iterable[re.Match[str]], hi: int) -> list[tuple[int, int]]:
    """Token spans, each word extended over the marks and joiners after it and joined to the
    word they run into: "Mu\u0308ller" is one word, not "Mu" and "ller"."""
    out: list[tuple[int, int]] = []
    glued = False  # the last word's marks reach the next token
    for m in matches:
        s, e = m.span()
        if glued and out[-1][1] == s and text[s].isalpha():
            s = out.pop()[0]
        glued = False
        if text[s].isalpha():
            end = e
            while end < hi and unicodedata.category(text[end]) in _JOINING:
                end += 1
            glued, e = end > e, end
        out.append((s, e))
    return out


def _visible(word: str) -> Iterable[str]:
    """The characters of `word` but its invisible format characters (joiners, soft hyphens)."""
    return (ch for ch in word if ch.isascii() or unicodedata.category(ch) != "Cf")


# A quotation in double marks; a straight mark opens and closes one.
_QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")


def quotations(text: str) -> list[re.Match[str]]:
    """The quotations of `text` in double marks (group 1 is the words quoted). Searched only up
    to the last closing mark: tried from every opening mark, one with no closing mark after it
    ('said “' thousands of times) cost the square of the text's length."""
    last = max(text.rfind("”"), text.rfind('"'))
    return list(_QUOTE.finditer(text, 0, last + 1)) if last > 0 else []


def without_possessive(word: str) -> str:
    """ "Rail's" is "Rail", "Friday’s" is "Friday"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


@functools.lru_cache(maxsize=65536)  # called for every word of every window; words repeat
def stem(word: str) -> str:
    """A crude stem good enough to match "annexed"/"annexation", "borders"/"border"; accents
    dropped ("Rubén"/"Ruben", "Córdoba"/"Cordoba": outlets write a name with or without them)."""
    w = word.lower().replace("’", "'")
    if not w.isascii():
        w = without_accents(w)
    if w.endswith("'s"):
        w = w[:-2]
    if w in _CANON:
        return _CANON[w]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]  # plural: "hours" and "six-hour" share a stem
    if w.endswith("sion") and len(w) > 6 and w[-5] in "aiou" and w[-6] != "s":
        w = w[:-4] + "de"  # "invasion"/"invade", "decision"/"decide", "explosion"/"explode"
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]  # "pulling"/"pull", "talked"/"talks": short roots too
            break
    return w[:5]


def without_accents(word: str) -> str:
    """`word` without its accents: "Otárola" is "Otarola" in an outlet that writes ASCII."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def breaks_clause(gap: str) -> bool:
    """The text between two tokens ends a clause (a comma, semicolon, colon, dash or bracket)."""
    return gap != " " and any(ch in gap for ch in ",;:—()")  # (most gaps are one space)


def in_latin_script(text: str) -> bool:
    """Most letters of `text` are Latin (U+0000-U+024F): what the word rules read (their stems,
    negations and number words are English). Text with no letter counts as Latin."""
    if text.isascii():
        return True
    letters = [c for c in text if c.isalpha()]
    return sum(c <= "\u024f" for c in letters) * 2 >= len(letters)


@functools.lru_cache(maxsize=65536)
def is_content(word: str) -> bool:
    w = word.lower()
    return w.isalpha() and w not in STOPWORDS and len(w) > 1


@functools.lru_cache(maxsize=1 << 16)  # asked of every word of every claim: words repeat
def is_content_or_possessive(word: str) -> bool:
    """`is_content`, a possessive too: "the coach's brakes", "Velto's shares"."""
    return is_content(without_possessive(word))


def ordinal_suffix(before: Token, t: Token) -> bool:
    """`t` is the ending of an ordinal written in figures, `before` its figure ("67" "th" of
    "67th"): no word of its own, though a token ("st" of "1st" is not "St Paul's")."""
    return t.lower in ORDINAL_ENDS and before.end == t.start and before.text[-1:].isdigit()


ORDINAL_ENDS = frozenset(["st", "nd", "rd", "th"])


def window_stems(
    tokens: Sequence[Token], lo: int, hi: int, width: int = 8, skip: Collection[str] = ()
) -> set[str]:
    """Stems of content words within `width` tokens around tokens[lo:hi], excluding them and
    the words of `skip` (lower case: words, not stems, so that leaving out "approximately"
    keeps "approved")."""
    around = tokens[max(0, lo - width) : lo] + tokens[hi : hi + width]
    return {topic_stem(t.text) for t in around if is_content(t.text) and t.lower not in skip}


# words ending in "est" that are no superlative
_NOT_SUPERLATIVE = frozenset([
    "protest", "arrest", "interest", "request", "contest", "forest", "harvest", "honest",
    "modest", "suggest", "guest", "chest", "quest", "inquest", "manifest", "earnest", "digest",
    "invest", "conquest", "midwest", "priest", "unrest", "behest", "southwest", "northwest",
])  # fmt: skip


def is_superlative(word: str) -> bool:
    """`word` (lower case) is a superlative: "largest", "busiest", "best", "worst"."""
    if word in ("best", "worst"):
        return True
    return (
        word.endswith("est") and len(word) > 4 and word.isalpha() and word not in _NOT_SUPERLATIVE
    )


def topic_stem(word: str) -> str:
    """`stem`, with the words for one thing a story is about folded together (see `_TOPIC`)."""
    s = stem(word)
    return _TOPIC.get(s, s)


# A figure written with its scale ("$2.4 billion", "€1.5bn", "95 thousand") stands for the
# large figure it is: one key however it is written ("2.4 billion", "$2.4bn", "2,400 million")
_SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
# ...and a scale letter, after a currency sign only ("€5m"; "5 m" may be metres)
_SUM_SCALES = {"m": 1e6, "b": 1e9, "k": 1e3}
_CURRENCY_SIGNS = frozenset("$£€")
# where a text may give one (`scaled_figure` tells): a figure, then one of those words
MAY_BE_SCALED = re.compile(
    r"\d\s*(?:" + "|".join(sorted([*_SCALE_WORDS, *_SUM_SCALES], key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def scaled_figure(text: str, toks: Sequence[Token], k: int) -> str | None:
    """The key ("#2400000000") of the figure toks[k] is with the scale word after it ("2.4
    billion", "$2.4bn"), if it has one; its text is digits (`tokenize`)."""
    if k + 1 >= len(toks) or text[toks[k].end : toks[k + 1].start].strip():
        return None
    scale = _SCALE_WORDS.get(toks[k + 1].lower)
    if scale is None and k and toks[k - 1].text in _CURRENCY_SIGNS:
        scale = _SUM_SCALES.get(toks[k + 1].lower)
    number = toks[k].text.replace(",", "")
    if scale is None or not number.replace(".", "", 1).isdigit():
        return None  # ("10:50 million" is no figure)
    return f"#{round(float(number) * scale)}"


def surface_words(text: str, stems: Iterable[str]) -> list[str]:
    """The words of `text` as written for each of `stems` (in the order given), for reasons."""
    first: dict[str, str] = {}
    toks = tokenize(text)
    for k, t in enumerate(toks):
        if is_content(t.text):
            first.setdefault(stem(t.text), t.text)
        elif t.text[:1].isdigit():  # a figure (`support.specific_stems`): "#95000" is "95,000"
            if key := scaled_figure(text, toks, k):  # "#2400000000" is "2.4 billion"
                first.setdefault(key, text[t.start : toks[k + 1].end])
            first.setdefault("#" + t.text.replace(",", ""), t.text)
    return [first.get(s, s) for s in stems]
