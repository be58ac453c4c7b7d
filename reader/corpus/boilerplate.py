"""Lines of an article that are page furniture, not reporting: prompts, bylines, credits, labels.

The rules describe the *form* of such lines (short, unpunctuated, second person plus a sales word,
a copyright sign…) rather than any one site's exact strings, so they carry over to new sources.
Boilerplate stays in the text; it is only marked, and never becomes a claim.
"""

from __future__ import annotations

import itertools
import re

from reader.corpus.segment import SCRIPT_STOPS

_I = re.IGNORECASE

# Whole-line phrases that are site chrome wherever they appear.
_CHROME = re.compile(
    r"""^(?:
        leave\ an?\ (?:reply|comment)
      | source\ link | source:\ .{0,60}
      | click\b.{0,40}
      | (?:see|view)\ (?:details|more|all|comments?)
      | (?:continue|start|keep)\ reading(?:\ (?:the\ )?(?:main\ )?(?:story|article|below))?
      | read\ (?:more|next|the\ full\ (?:story|article))
      | (?:story|article)\ continues\b.{0,40} | link\ copied
      | explore\ more\ on\ (?:these|this)\ topics? | comments?\ on\ this\ (?:story|article)
      | listen\ to\ (?:this|the)\ (?:article|story)\b.{0,40} | loading\ (?:audio|video)\b.{0,10}
      | watch\ (?:now|live|the\ video)
      | more\ to\ (?:follow|come)(?:\.{2,}|\u2026)?
      | (?:this\ is\ a\ )?(?:developing|breaking)\ (?:story|news)\b.{0,80}
      | follow\ (?:our|the)\ live\ (?:blog|coverage|updates)\b.{0,80}
      | ticker\b.{0,30}\bchange\b.{0,12}
      | [•·*\ ]*oops!? | something\ went\ wrong | please\ try\ again(?:\ later)?
      | (?:.{1,60}\ )?adjust\ font\ size\ ?:? | endit | ends
      | get\ the\ latest\ (?:news|updates|headlines)\b[^.]{0,100}
        \b(?:coverage|analysis|features|alerts|updates|newsletter)\b.{0,40}
      | editor['’]s\ note:\ this\ (?:story|article)\ (?:was|has\ been)\ updated\b.{0,200}
      | here['’]s\ what\ (?:we|you)?\ ?(?:know|to\ know|need\ to\ know)\b.{0,120}
      | thank\ you\ for\ (?:reading|your\ support)\b.{0,40}
      | (?:have|got)\ a\ (?:news\ )?tip\b.{0,80}
      | (?:read\ more|read\ next|see\ also|also\ read)\ ?:.{0,300}
      | (?:legal\ )?disclaimer\ ?:.{0,400}
      | (?:(?:this|the\ (?:information|content|material)s?)\b[^,]{0,60}\bnot\b
        | nothing\ (?:in|on)\ this\b)
        [^,]{0,60}\b(?:investment|financial|legal|medical|tax|professional)\ advice\b[^,]{0,80}
      | the\ (?:views|opinions)\ expressed\b.{0,120}\b(?:author|writer|contributor)s?\b.{0,80}
      | related\b.{0,200} | (?:top|more|latest|most\ read)\ (?:stories|news|articles)\b.{0,60}
      | our\ picks | recommended(?:\ for\ you)? | trending(?:\ now)?
      | advertisement(?:\ ?[-\u2013\u2014\u00b7|:]\ ?scroll\b.{0,40})?
      | sponsored(?:\ content)? | skip\ (?:to\ )?(?:main\ )?content | skip\ advert
      | share\b.{0,40} | follow\ us\b.{0,100} | print(?:\ this)?(?:\ article)?
      | page\ \d{1,4}(?:\ (?:of|/)\ \d{1,4})?
      | (?:[\w&.'’-]+\ ){0,4}logo
      | (?:sign|log)\ ?(?:in|up|out)\b.{0,80} | already\ (?:a|an)\ (?:member|subscriber)\b.{0,60}
      | subscribe\b.{0,80} | download\ (?:the|our)\ app\b.{0,40}
      | your\ email\ address\ will\ not\ be\ published\b.{0,80}
      | required\ fields\ are\ marked\b.{0,20}
      | (?:photo|photograph|image|picture|video|illustration|credit|caption)s?\ ?(?:by\b|:).{0,100}
      | (?:image|media|video)\ (?:caption|source)\ ?[,:].{0,200} | credit(?:\.{2,}|\u2026).{0,100}
      | a\ version\ of\ this\ (?:article|story)\ appears?\b.{0,300}
      | this\ (?:article|story)\ is\ (?:more\ than\ )?\w+\ (?:years?|months?)\ old
      | contributing:\ .{0,100}
      | \([A-Z][\w&.]*(?:\ [A-Z][\w&.]*){0,2}\)
      | (?:this|the)\ (?:article|story)\ (?:was|is|has\ been)\ (?:originally\ )?
        (?:published|updated|produced|written)\b.{0,120}
      | (?:we\ use|this\ (?:site|website)\ uses)\ cookies\b.{0,160}
      | accept(?:\ all)?\ cookies | cookie\ (?:settings|policy|preferences)
      | (?:sign\ up\ for|get)\ (?:our|the)\ .{0,40}newsletter\b.{0,80}
      | all\ rights\ reserved\b.{0,80}
      | more\ on\ this\ (?:story|topic)
      | our\ (?:standards|editorial\ (?:standards|guidelines)|ethics\ policy)\ ?:.{0,80}
      | \((?:additional\ )?(?:reporting|writing|editing)\ by\b[^)]{0,200}\)
      | (?:additional\ )?reporting\ by\b[^;]{0,100}
        (?:;\s*(?:additional\ reporting|writing|editing)\ by\b[^;]{0,100})+
    )[.!:]?$""",
    _I | re.VERBOSE,
)

# A page's date line: "• Sunday, 17 Sep 2026", "September 17, 2026 10:42 AM EDT"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"""^[•·*\-\u2013\u2014\s]*(?:[a-z]+day,?\s+)?
    (?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}} | {_MONTH}\s+\d{{1,2}},?\s+\d{{4}})
    (?:[\s,|·•-]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{{2,5}})?)?$""",
    _I | re.VERBOSE,
)
# A label over a list of links to other stories: the headlines below it are links too
_LIST_LABEL = re.compile(
    r"^(?:(?:next|more|latest|also)\ in\ [\w&' -]{1,30}|related(?:\ \w+)?|read\ next"
    r"|more\ (?:stories|news)(?:\ from\ [\w&' -]{1,30})?|most\ (?:read|popular|viewed)"
    r"|recommended(?:\ for\ you)?|trending(?:\ now)?|you\ (?:may|might)\ also\ like"
    r"|top\ stories|latest\ (?:news|stories|headlines))[:.]?$",
    _I | re.VERBOSE,
)
_LINK_WORDS = 20  # a listed headline is short, and ends in no full stop
# "Legal Disclaimer:" on a line of its own: the paragraph below it is the site's legal text
_DISCLAIMER = re.compile(r"^(?:legal\ )?disclaimer\ ?:?$", _I | re.VERBOSE)

# "Watch: <a video's title>", "WATCH | ...": a link to a video, not a sentence of reporting
_WATCH = re.compile(r"^watch\s*[:|]\s*[^.!?]{1,100}$", _I)
# "The Associated Press contributed to this report.", "Jane Doe contributed reporting from Kyiv."
_CONTRIBUTED = re.compile(
    r"^.{0,120}?\bcontributed\ (?:to\ this\ (?:report|story|article)|(?:additional\ )?reporting)"
    r"(?:\ from\ .{1,100})?[.!]?$",
    _I,
)
# A row of a table of share prices: a ticker, the firm's name in capitals, then its last price,
# change and change in percent ("HLT HARLOW TOOLS INC. 41.20 -1.15 -2.72%"), or dashes for none
_QUOTE_ROW = re.compile(
    r"^[A-Z][A-Z0-9.]{0,7}\ [A-Z0-9&.,'’ -]{2,60}?"
    r"\ (?:[\d,]+\.\d+|-)\ (?:[+-]?[\d,]*\.?\d+|-)\ (?:[+-]?[\d,]*\.?\d+%|-)$"
)
# a menu: three or more short items between bars ("Order Reprints | Today's Paper | Subscribe")
_MENU = re.compile(r"^[^|.!?]{1,30}(?:\ \|\ [^|.!?]{1,30}){2,}$")
# A cookie notice: cookies, the reader, and their consent ("By using our services, you agree to
# our use of cookies"); reporting about cookies names no consent of "you".
_COOKIES = re.compile(r"\bcookies?\b", _I)
_CONSENT = re.compile(r"\b(?:agree\w*|accept\w*|consent\w*|use of cookies|cookie policy)\b", _I)
_COPYRIGHT = re.compile(r"(?:^|\s)(?:©|\(c\)|copyright\b)|\ball rights reserved\b", _I)
_EMAIL = re.compile(r"\[email\s*protected\]|\b[\w.+-]+@[\w-]+\.[\w.]+\b", _I)
_CONTACT = re.compile(r"^(?:write|contact|email|reach)\b.{0,40}\bat\b", _I)

# Credit lines: "Name / Agency / Getty Images", "Photo: Reuters", "(AP Photo/Name)".
_AGENCY = re.compile(
    r"\b(?:getty\ images|afp|agence\ france-presse|reuters|ap\ photo|associated\ press|"
    r"shutterstock|epa|bloomberg|alamy|pa\ (?:wire|images))\b",
    _I | re.VERBOSE,
)

# "Published 3 hours ago", "Updated 12:45 GMT", "Last updated on 4 March 2025": a time stamp,
# never a sentence (no full stop: "Published figures for 2021 showed a rise." is reporting)
_STAMP = re.compile(
    r"^(?:(?:first\s+)?published|(?:last\s+)?(?:updated|modified)|posted)\b(?:\s+on)?:?\s+.{0,40}?"
    r"(?:\bago|\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d\d\b)[^.!?]{0,20}$",
    _I,
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By Jane Doe in Seville | 14 August 2025"
_BYLINE = re.compile(
    r"^[Bb]y\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,7}"
    r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?(?:\s*[|·•]\s*[^.!?|]{1,40})?$"
)
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]*){1,2}"
# "Ilya Arkhipov and Nick Wadhams", "Jane Doe, John Roe and Ann Poe"
_AUTHORS = re.compile(rf"^{_NAME}(?:,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME}$")

# An appeal to the reader: short imperatives to give to or back the outlet ("Support local
# journalism. Donate today.", "Help us keep reporting.", "Please consider a donation."), each
# sentence a few words with no comma (not "Give us the money, the kidnappers said").
_APPEAL = re.compile(
    r"^(?:(?:please\ )?(?:support|donate|give|help|join|become|contribute|consider|back|fund"
    r"|chip\ in)\b[^.!?,;:]{0,50}[.!]\s*)+$",
    _I,
)
# ...each to give ("Donate today.") or naming what it is for ("Support local journalism.", not
# "Help is on the way now.", "Support grew for the strike today.")
_FOR_US = re.compile(
    r"^(?:please\ )?(?:donate|give|contribute|chip\ in)\b"
    r"|\b(?:us|our|journalism|reporting|newsroom|member\w*|subscriber|donat\w*|contribution)\b",
    _I,
)
_APPEAL_WORDS = 8  # words of each sentence of an appeal, at most

# Sales copy speaks to the reader ("you", "your") about reading, apps and membership.
_SECOND_PERSON = re.compile(r"\byou(?:r|rs)?\b", _I)
_SALES = re.compile(
    r"\b(?:news|app|apps|subscri\w*|member\w*|sign\w*|titles|access|newsletter\w*|journalism|"
    r"inbox|free|trial|premium|download\w*|curated|offer|unlimited|account)\b",
    _I,
)
_SALES_NOUN = re.compile(
    r"\b(?:premium|subscriptions?|membership|newsletters?|app|apps|free trial|"
    r"days free|trusted .{0,20}sources|curated)\b",
    _I,
)

# "Composite Photo / Video: Name", "Photograph: Name/Agency"
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?s?|images?|video|illustrations?|graphics?|credits?)\s*(?:[/:|]|by\b)", _I
)

_FINAL_PUNCT = re.compile(rf"[.!?…:;”\"’')\]{SCRIPT_STOPS}」』）]$")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
# "… on Monday. Photograph: Name/Agency", "… in Kyiv. (AP Photo/Name)"
_CAPTION_END = re.compile(
    r"(?:\b(?:photo(?:graph)?|picture|image)s?\s*:[^.!?]{0,80}"
    r"|\b(?:getty\ images|afp|reuters|ap\ photo[^)]{0,40})\)?)$",
    _I | re.VERBOSE,
)
_CAPTION_WORDS = 30
# "... (With inputs from Reuters)": a text crediting its agency, not a photo's credit
_INPUTS = re.compile(r"\((?:with\ )?(?:\w+\ )?inputs?\ from\b[^)]{0,60}\)$", _I | re.VERBOSE)
# A credit that ends a sentence of its own ("(Photo: A vessel near the island. Credit: Name)")
# is its own caption: the line above it is reporting
_OWN_CAPTION = re.compile(r"\w[.!?]\s+\S")
# What `_COPYRIGHT` and `_AGENCY` (and `_CAPTION_END`'s credits) cannot match without: a piece
# of each phrase, in lower case, of letters no other character matches under re.IGNORECASE
# (not i, k or s: "İ", "K" (Kelvin) and "ſ" match those), so `piece in line.lower()` is a
# cheap test that the search may find something.
_COPYRIGHT_KEYS = ("©", "(c", "copyr", "all r")
_AGENCY_KEYS = (
    "getty", "afp", "agence", "reute", "ap photo", "ated pre", "hutter", "epa", "bloomberg",
    "alamy", "pa ",
)  # fmt: skip
_CAPTION_KEYS = ("getty", "afp", "reute", "ap photo")  # the credits `_CAPTION_END` ends with
# any of the keys: one search of a line for all, most lines holding none
_ANY_KEY = re.compile(
    "|".join(map(re.escape, sorted({*_CAPTION_KEYS, *_COPYRIGHT_KEYS, *_AGENCY_KEYS})))
)
_LONG = 40
_QUOTE_OPEN = ("“", '"', "‘", "'", "«", "„")


def is_credit(line: str) -> bool:
    """True for a photo or video credit line ("Name / Agency / Getty Images", "Photo: Name")."""
    s = line.strip()
    if s.startswith("(") and s.endswith(")"):  # "(AP Photo/Jane Doe)"
        s = s[1:-1].strip()
    if not s or _FINAL_PUNCT.search(s) or len(_WORD.findall(s)) > 14:
        return False
    return bool(_CREDIT.search(s) or (_AGENCY.search(s) and "/" in s))


# the words of a credit besides its names ("Photo: Jane Doe for The Guardian", "Photo by ...")
_CREDIT_JOINS = frozenset("by via for of and courtesy the from with staff".split())  # noqa: SIM905


def _describes(credit: str) -> bool:
    """A credit line's label followed by what the picture shows ("Photo: Rescuers search a
    collapsed building"), not by who took it: lower-case words a credit's names and agencies
    have none of (a credit without a label, or naming its agency, is one however its names are
    written: "anatolii stepanov / Agence France-Presse / Getty Images"). Such a line is its
    own caption; the line above it is reporting."""
    label = _CREDIT.search(credit)
    if label is None or "/" in credit or _AGENCY.search(credit):
        return False
    after = credit[label.end() :]
    return any(w[:1].islower() and w.lower() not in _CREDIT_JOINS for w in _WORD.findall(after))


def is_boilerplate(line: str, *, sentence: bool = False, labels: bool = True) -> bool:
    """True if this line (one line of an article) is page furniture rather than reporting.

    With `sentence=True` only the rules that are safe inside a paragraph apply (credits,
    copyright, contact addresses, site chrome), not those about short or unpunctuated lines.
    With `labels=False` the weak `is_label` rule is left out.
    """
    s = line.strip()
    if not s:
        return False
    if s.startswith(_QUOTE_OPEN):  # a quotation is reporting, however short
        return False
    # Nearly every line has none of what the searches below look for: each is skipped unless
    # its `_KEYS` are there (an import checks every sentence of the corpus).
    low = s.lower()
    keyed = _ANY_KEY.search(low) is not None
    credit = ":" in s or (keyed and any(k in low for k in _CAPTION_KEYS))
    if credit and _CAPTION_END.search(s) and not _INPUTS.search(s):
        return True  # a photo caption ending in its credit (not a text's "with inputs from")
    email = ("@" in s or "[" in s) and _EMAIL.search(s)
    if len(s.split(None, _LONG)) > _LONG:  # a long paragraph: only a contact line can be furniture
        return bool(_CONTACT.match(s) and email)
    if not any(ch.isalpha() for ch in s):
        return True  # rules, dividers, "***", bare numbers
    if _CHROME.match(s) or (low.startswith("watch") and _WATCH.match(s)):
        return True
    if ("contributed" in low and _CONTRIBUTED.match(s)) or ("|" in s and _MENU.match(s)):
        return True
    if s[-1:] in "%-" and _QUOTE_ROW.match(s):
        return True
    n = -1  # words: counted when a rule needs them
    if keyed and any(k in low for k in _COPYRIGHT_KEYS) and _COPYRIGHT.search(s):
        n = len(_WORD.findall(s))
        if n <= 25:
            return True
    if email:
        n = len(_WORD.findall(s)) if n < 0 else n
        if n <= 25 or _CONTACT.match(s):
            return True
    if (
        keyed
        and any(k in low for k in _AGENCY_KEYS)
        and _AGENCY.search(s)
        and not _FINAL_PUNCT.search(s)
    ):
        n = len(_WORD.findall(s)) if n < 0 else n
        if "/" in s or n <= 6:
            return True
    if is_credit(s):
        return True
    if sentence:
        return False
    n = len(_WORD.findall(s)) if n < 0 else n
    if _BYLINE.match(s) or _AUTHORS.match(s) or _STAMP.match(s):
        return True
    if "|" in s and all(_STAMP.match(part.strip()) for part in s.split("|")):
        return True  # "Published: Nov. 3, 2026 at 6:45 PM EDT|Updated: 26 minutes ago"
    if n <= 10 and _DATE_LINE.match(s):
        return True
    if n <= 15 and _SECOND_PERSON.search(s) and _SALES.search(s):
        return True
    if n <= 3 * _APPEAL_WORDS and _APPEAL.match(s):
        appeals = [x for x in re.split(r"(?<=[.!])\s+", s) if x]
        if all(len(_WORD.findall(x)) <= _APPEAL_WORDS and _FOR_US.search(x) for x in appeals):
            return True
    if "cookie" in low and _COOKIES.search(s) and _SECOND_PERSON.search(s) and _CONSENT.search(s):
        return True
    if n <= 8 and _SALES_NOUN.search(s):
        return True
    return labels and is_label(s)


def is_label(line: str) -> bool:
    """A few words with no sentence end: a section label, kicker or dangling byline fragment.

    Weaker than the other rules: a short headline looks the same, so the first line of a file
    may still be taken as its title.
    """
    s = line.strip()
    if not s or _FINAL_PUNCT.search(s) or s.startswith(_QUOTE_OPEN):
        return False
    n = len(_WORD.findall(s))
    return n <= 3 or (n <= 8 and s[0].islower())


_SENTENCE_END = re.compile(rf"[.!?…{SCRIPT_STOPS}][”’\"')\]」』）]*$")


def _is_link(line: str) -> bool:
    """A line that reads as a headline in a list of links: short, with no sentence end (a
    closing quote may end one: "Coach backs appeal after ‘mistake’")."""
    return not _SENTENCE_END.search(line) and len(line.split(None, _LINK_WORDS)) <= _LINK_WORDS


# how long ago a listed story was posted: "5 days ago", "2 hrs ago", "Yesterday"
_AGE = re.compile(
    r"^(?:(?:\d+|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago|yesterday)$",
    _I,
)
_TEASER_LINES = 2  # a listed story's headline and its one-sentence summary, before its age


def _teaser(lines: list[str], n: int) -> bool:
    """Line n, a sentence in a list of links, is one of its stories' summary or headline: the
    age of the story follows within `_TEASER_LINES` lines ("Supermarket prices were 3.2% higher
    ...", then "5 days ago")."""
    after = (x.strip() for x in itertools.islice(lines, n + 1, None) if x.strip())
    return any(_AGE.match(x) for x in itertools.islice(after, _TEASER_LINES))


# A page's running header or footer, repeated in text copied from a PDF ("THE DAILY COURIER —
# Tuesday, March 4, 2025", "2 The Daily Courier"): a line without a sentence end, the same on
# every page but for its figures (the page number). The article's first line, its title, may be
# the header too: it stays the title.
_FIGURES = re.compile(r"\d+")
_RUNNING_WORDS = 15


# a line that numbers a page: "Page 3", "Page 3 of 7", "3 of 7", "- 3 -"
_PAGE = re.compile(
    r"(?i)page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}"
    r"|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]"
)


def _running(lines: list[str]) -> set[str]:
    """The lines (with figures blanked) that repeat as a page's header or footer would: on
    two pages of a copy that numbers its pages, else on three. A short line repeated twice
    with other figures in a copy without page numbers is rather a figure updated ("Death
    toll: 12", later "Death toll: 15"), a claim."""
    counts: dict[str, int] = {}
    paged = False
    for line in lines:
        s = line.strip()
        if not s:
            continue
        paged = paged or bool(_PAGE.fullmatch(s))
        if not _SENTENCE_END.search(s) and len(s.split(None, _RUNNING_WORDS)) <= _RUNNING_WORDS:
            key = _FIGURES.sub("#", s)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 3 or (paged and n >= 2)}


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Offsets (start, end) of every boilerplate line of `text`, without surrounding spaces.

    A short line right above a photo credit (blank lines between allowed) is its caption; the
    headlines under a label of a list of links ("Next In World") are links.
    """
    spans: list[tuple[int, int]] = []
    prev: tuple[int, int, str] | None = None  # the last non-empty line not yet marked
    links = False  # under a label of a list of links ("Next In World"), until reporting
    reported = False  # (such lists follow the article; at its top a label is over its headline)
    disclaimer = False  # in the paragraph under a "Disclaimer:" label
    pos = 0
    lines = text.split("\n")
    running = _running(lines)
    first = True  # the first line: the title, even if a page's header repeats it
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            s = pos + len(line) - len(line.lstrip())
            span = (s, s + len(stripped))
            links = (links and (_is_link(stripped) or _teaser(lines, n))) or bool(
                reported and _LIST_LABEL.match(stripped)
            )
            header = bool(running) and not first and _FIGURES.sub("#", stripped) in running
            first = False
            if links or disclaimer or header or is_boilerplate(line):
                spans.append(span)
                if (
                    prev
                    and is_credit(stripped)
                    and not _OWN_CAPTION.search(stripped)
                    and not _describes(stripped)
                    and len(_WORD.findall(prev[2])) <= _CAPTION_WORDS
                ):
                    spans.append(prev[:2])
                prev = None
            else:
                prev = (*span, stripped)
                reported = reported or bool(_FINAL_PUNCT.search(stripped))
            disclaimer = bool(_DISCLAIMER.match(stripped)) or disclaimer
        else:
            disclaimer = False  # (its paragraph ends at a blank line)
        pos += len(line) + 1
    return sorted(spans)
