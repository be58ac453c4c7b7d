"""Splitting article text into sentence-level claims, as offsets into the text.

A small rule-based splitter: news prose is regular enough that a table of abbreviations and a few
rules about what follows a full stop beat a general-purpose model, and it never moves an offset.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from reader.corpus.links import links


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles that come before a name: a full stop after them never ends a sentence.
_TITLES = _words(
    "mr mrs ms mx dr prof gov sen rep st gen lt col maj capt cmdr adm sgt cpl pvt rev fr hon "
    "pres supt insp det amb messrs mssrs mme mlle sr jr sra srta "
    "hr ud uds sres dña"  # German, Spanish
)
# Abbreviations that usually sit inside a sentence; they end one only before a clear sentence start.
_INLINE = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "approx est dept univ assn bros corp inc ltd co vs v etc "
    "al ca cf ie eg ft mt ave blvd rd hwy "
    "bzw usw vgl ggf inkl zzgl evtl sog mrd mio tsd jh jhd env resp "  # German, French
    "руб тыс млн млрд трлн"  # Russian
)
# Abbreviations used before a number ("No. 5", "p. 12"); before anything else they are words.
_BEFORE_NUMBER = _words("no nos vol vols pp p fig figs art ch sec nr abs bd núm pág págs стр")
# Words that begin sentences, used to decide whether "U.S." or "p.m." ended the one before.
_STARTERS = _words(
    "a an the he she it they we i you his her its their our my this that these those there here "
    "but and or so yet if when while after before as in on at by for from with without since "
    "although though because however meanwhile still also then now later earlier today yesterday "
    "tomorrow last next some many most few all both each no not one two three several officials "
    "what who why how where which mr mrs ms dr "
    "il elle ils elles nous mais selon cette ces "  # French, German, Spanish ones that are not
    "er sie es wir ich ein eine aber doch laut "  # English words or names ("Los Angeles")
    "ella ellos pero según"
)
# German writes ordinals with a full stop ("am 3. März", "der 2. Weltkrieg"): before a month's
# name, or after an article or preposition, a day or ordinal's stop ends no sentence. The months
# English shares are taken only before a year ("3. April 2024"; "in 2023. April sales rose").
_ORDINAL_MONTH = re.compile(
    r"\s*(?:Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember"
    r"|(?:April|August|September|November)\s+\d{4})\b"
)
_BEFORE_ORDINAL = _words("der die das dem den des im am vom zum zur beim")
# "z. B.", "d. h.", "EE. UU.": a letter (or a doubled capital: Spanish plurals) and a stop, then
# another such piece ("no. Ms. Sherman" is not one)
_PIECE = re.compile(r"^(?:[^\W\d_]|([^\W\d_])\1)\.?$")

_LONGEST_STARTER = max(map(len, _STARTERS))

MAX_CLAIM_CHARS = 1000  # longer sentences are cut (see _cap)
MAX_LINK_CHARS = 10 * MAX_CLAIM_CHARS  # a link longer than this is cut like any other text
# A candidate end: terminal punctuation, then any closing quotes/brackets, then white space. A run
# of punctuation is tried from its first character only: tried from each one, a run with no space
# after it ("......and") cost the square of its length.
# Scraped text may have lost the space between sentences ("the governor said.As reported"): a
# stop after a lower-case word, right before a capitalised one, is a candidate end too.
# Every end starts with a stop: the lookahead saying so lets the regex engine skip to the next
# one (else it tried each alternative at every character: 0.15 s of a 2 MB article, now 0.03 s).
# Scripts written without spaces (Chinese, Japanese) end a sentence at their own full stops, with
# no space after; scripts without capitals (Arabic, Urdu, Hindi) at theirs, before a space: each
# of those ends a sentence wherever it stands.
_SPACELESS_STOPS = "。！？｡"
_CASELESS_STOPS = "؟۔।"  # Arabic question mark, Urdu full stop, Devanagari danda
SCRIPT_STOPS = _SPACELESS_STOPS + _CASELESS_STOPS
# German closes a quotation with “, ‘ or « („Ja.“ / »Ja.«), which open one in English: right
# after a stop and before white space they close it. French sets a closing » off by a (no-break)
# space ("pas ! » a-t-il dit"): it closes the quotation when white space follows (an opening
# one, »Nein«, has a word after it).
# A footnote or citation marker after the stop ("so.[3] Others", "rose.² The") ends the sentence
# with it: a stop so marked is read as a question mark is (a capital after it starts another).
_MARKERS = r"\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
_END = re.compile(
    rf"(?=[.?!…{SCRIPT_STOPS}])(?:(?:\.{{3}}|\.(?:[ \t]\.){{2}}|…|(?<![.?!])[.?!]+)"
    rf"(?:[”’\"')\]»“‘«]|[ \u00a0\u202f]»|{_MARKERS})*(?=\s)"
    # ...or a footnote's bare number ("rose in February.1 The bank"), after a word, not a figure
    r"|(?<=[a-z]{2})\.\d{1,2}(?=\s)"
    r"|(?<=[a-z]{3})[.?!][”’\"')\]»]*(?=[“‘\"]?[A-Z][a-z])"
    rf"|[{_SPACELESS_STOPS}]+[”’\"')\]»」』）]*"
    rf"|[{_CASELESS_STOPS}]+[”’\"')\]»]*(?=\s))"
)
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, a.m, p.m, U.K, e.g
_CLOSERS = "”’\"')]»」』）"
# what may follow a stop in the same sentence: closers, German ones, and French spaces before »
_CLOSING = _CLOSERS + "“‘« \u00a0\u202f"
_OPENERS = "“‘\"'([«"
# The next word is read up to _WORD_CAP characters: the whole of a word with no space for
# thousands of characters, read at every stop in it, cost the square of its length.
_WORD_CAP = 64
_NEXT_WORD = re.compile(r"\s*([" + re.escape(_OPENERS) + rf"]*)(\S{{0,{_WORD_CAP}}})")
_WORD_REST = re.compile(r"\S*")
_STRIPPED = ".,;:"  # what is stripped from the next word before it is looked up
_NEXT_CHAR = re.compile(r"\s*(\S)")
_DASHES = "-\u2013\u2014"
_DATELINE_AGENCY = re.compile(r"\s*\([A-Z][\w.&' -]{0,30}\)\s*[-\u2013\u2014]")


def _caseless(ch: str) -> bool:
    """A letter of a script without upper and lower case."""
    return ch.isalpha() and not ch.islower() and not ch.isupper()


def _next_word(text: str, pos: int, end: int) -> str:
    """The word starting at `pos` (after white space), without leading quotes or brackets.

    A longer word than `_WORD_CAP` is cut there when that cannot change what is read of it
    (its first character, and whether stripped of `_STRIPPED` it is one of `_STARTERS`)."""
    m = _NEXT_WORD.match(text, pos, end)
    if not m:
        return ""
    word = m.group(2)
    if len(word) == _WORD_CAP and sum(c not in _STRIPPED for c in word) <= _LONGEST_STARTER:
        word += _WORD_REST.match(text, m.end(), end).group()  # it might strip to a starter
    return word


def _is_boundary(text: str, term_start: int, term_end: int, end: int, floor: int = -1) -> bool:
    """Decide whether the punctuation at text[term_start:term_end] ends a sentence; `floor`: where
    the line's previous candidate end starts (-1: none)."""
    nxt_m = _NEXT_CHAR.match(text, term_end, end)
    if not nxt_m:
        return True
    first = nxt_m.group(1)
    word = _next_word(text, term_end, end)
    core = text[term_start:term_end].rstrip(_CLOSING)
    if core[0] in SCRIPT_STOPS:
        return True
    # a letter of a script without capitals (Arabic, Hebrew, Korean...) may start a sentence as a
    # capital does: read as lower case, a paragraph of such text that ends its sentences with
    # Latin full stops ("... جنيه. وقال ...") was one claim
    starts_upper = bool(word) and (word[0].isupper() or word[0].isdigit() or _caseless(word[0]))
    opens_quote = first in _OPENERS
    if first.islower():
        return False  # "“Why?” she asked", "e.g. this", "… to engage"
    if first == "(" and _DATELINE_AGENCY.match(text, term_end, end):
        return False  # "RICHMOND, Va. (Reuters) - Former ...": a dateline, then its sentence
    if first in _DASHES:
        return False  # no sentence starts with a dash: "WOODSIDE, Calif. – President ..."
    if core[1:].isdigit():  # a stop and a footnote's number, unless the word is "no." ("No.1")
        before = text[max(0, term_start - 12) : term_start].split()[-1:]
        word_before = before[0].lstrip(_OPENERS).lower() if before else ""
        return starts_upper and word_before not in _BEFORE_NUMBER | _TITLES | _INLINE
    if core != ".":
        # ?, !, ellipsis, a stop with a footnote marker: a sentence end when something
        # capitalised or a quotation follows
        return starts_upper or opens_quote or not first.isalnum()
    if text[term_start + 1 : term_end] and text[term_start + 1 : term_end].strip(_CLOSING) == "":
        # A full stop inside closing quotes or brackets: '“No.” He said' ends a sentence.
        return starts_upper or opens_quote
    # A single full stop: look at the word it is attached to (back to white space, or to
    # where the line's previous candidate end starts: split off in C, not read char by char)
    before = text[max(floor, 0) : term_start]
    i = term_start - len(before.rsplit(None, 1)[-1] if before[-1:].strip() else "")
    if i == floor:
        # The word runs back past the previous candidate end, so it holds that stop (read whole
        # at every stop, a word with no space for thousands of characters cost the square of
        # its length): no number, and no title or abbreviation unless after a hyphen or slash
        # since that stop. Only that last part is read.
        if max(text.rfind("-", floor, term_start), text.rfind("/", floor, term_start)) < 0:
            return starts_upper or opens_quote or not first.isalnum()
        token = text[floor:term_start]
    else:
        token = text[i:term_start].lstrip(_OPENERS)
    if token.isdigit() and (i == 0 or text[i - 1] == "\n"):
        return False  # "1. First item": an enumerator at the start of a line
    if token.isdigit() and len(token) <= 2 and i > 0 and _ordinal(text, i, term_end, end):
        return False
    low = token.lower()
    bare = low.split("-")[-1].split("/")[-1]
    if bare in _TITLES:
        return False
    if bare in _BEFORE_NUMBER and word[:1].isdigit():
        return False
    if bare in _INLINE:
        return word[:1].isupper() and word.lower().strip(".,;:") in _STARTERS
    if bare in ("г", "гг"):  # Russian: "в г. Москве" (city), "в 2025 г. Депутаты" (year)
        return starts_upper and text[max(0, i - 6) : i].strip()[-1:].isdigit()
    if _PIECE.match(token) and word.endswith(".") and _PIECE.match(word):
        return False  # "z. B.", "EE. UU."
    if len(bare) == 1 and bare.isalpha() and token[-1].isupper():
        # An initial: "Sergei A. Ryabkov", "Michael R. Gordon"
        return not word[:1].isupper() and not opens_quote and starts_upper
    if _DOTTED.match(bare):
        # "U.S." / "p.m.": a boundary only if a typical sentence start follows.
        w = word.strip(".,;:").lower()
        return opens_quote or (word[:1].isupper() and w in _STARTERS)
    return starts_upper or opens_quote or not first.isalnum()


def _ordinal(text: str, i: int, term_end: int, end: int) -> bool:
    """The number starting at `i`, before a full stop ending at `term_end`, is a German date's
    day or an ordinal: a month follows, or an article or preposition comes before it."""
    if _ORDINAL_MONTH.match(text, term_end, end):
        return True
    before = text[max(0, i - 6) : i].split()
    return bool(before) and before[-1].lower() in _BEFORE_ORDINAL


def _line_spans(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        if nl == -1:
            yield pos, end
            return
        yield pos, nl
        pos = nl + 1


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence offsets within text[start:end]; text[s:e] is the sentence without outer spaces.

    A line break always ends a sentence.
    """
    if end is None:
        end = len(text)
    out: list[tuple[int, int]] = []
    for ls, le in _line_spans(text, start, end):
        s = ls
        floor = -1
        for m in _END.finditer(text, ls, le):
            if _is_boundary(text, m.start(), m.end(), le, floor):
                span = _strip(text, s, m.end())
                if span[0] < span[1]:
                    out.append(span)
                s = m.end()
            floor = m.start()
        span = _strip(text, s, le)
        if span[0] < span[1]:
            out.append(span)
    return out


def segment_article(text: str, skip_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Claim offsets: sentences of every line that overlaps no skip span (boilerplate, title).

    Fragments without a single letter (dividers, stray numbers and quote marks) are dropped, but
    a number right after a claim of its line ends that claim: "en el BOE núm. 45." cut after an
    abbreviation the splitter does not know, the number was lost.
    """
    spans = sorted(skip_spans)
    starts = [a for a, _ in spans]
    # the furthest end among the spans up to each one: a line overlaps a span iff one starting
    # before its end reaches past its start (a look at every span for every line took minutes
    # for a file of 100,000 short lines, all of them boilerplate)
    reach = list(itertools.accumulate((b for _, b in spans), max))
    claims: list[tuple[int, int]] = []
    for ls, le in _line_spans(text, 0, len(text)):
        s, e = _strip(text, ls, le)
        before = bisect.bisect_left(starts, e)  # the spans that start before the line ends
        if s >= e or (before and reach[before - 1] > s):
            continue
        first = len(claims)  # this line's first claim
        for cs, ce in split_sentences(text, s, e):
            for ps, pe in _cap(text, cs, ce):
                if any(map(str.isalpha, text[ps:pe])):
                    claims.append((ps, pe))
                elif len(claims) > first and _number_after(text, ps, pe, claims[-1][0]):
                    claims[-1] = (claims[-1][0], pe)
    return claims


def _number_after(text: str, s: int, e: int, claim_start: int) -> bool:
    """text[s:e], with no letter, is a number that can end the claim starting at `claim_start`."""
    return any(ch.isdigit() for ch in text[s:e]) and e - claim_start <= MAX_CLAIM_CHARS


_SOFT_BREAK = re.compile(r"[.?!;:,]\s")  # where an over-long "sentence" may be cut


def _cap(text: str, s: int, e: int) -> Iterable[tuple[int, int]]:
    """Cut a run-on span longer than MAX_CLAIM_CHARS into reviewable pieces.

    Text without sentence capitals (a transcript, a lower-cased dump) would otherwise be one
    claim of megabytes: unreadable, and slow to align. Cuts prefer punctuation, then a space,
    and fall outside web and e-mail addresses (up to `MAX_LINK_CHARS`): the rest of a link cut
    in two reads as text ("&killed=40").
    """
    addresses = links(text, s, e) if e - s > MAX_CLAIM_CHARS else []
    while e - s > MAX_CLAIM_CHARS:
        window_lo, window_hi = s + MAX_CLAIM_CHARS // 2, s + MAX_CLAIM_CHARS
        cut = None
        for m in _SOFT_BREAK.finditer(text, window_lo, window_hi):
            cut = m.start() + 1
        if cut is None:
            space = text.rfind(" ", window_lo, window_hi)
            cut = space if space > 0 else window_hi
        k = bisect.bisect_left(addresses, (cut,)) - 1  # the last link starting before the cut
        if k >= 0 and cut < addresses[k][1]:
            a, b = addresses[k]  # before the link, else after it when it is not absurdly long
            cut = a if a > s else b if b - s <= MAX_LINK_CHARS else cut
        piece = _strip(text, s, cut)
        if piece[0] < piece[1]:
            yield piece
        s = _strip(text, cut, e)[0]
    if s < e:
        yield s, e
