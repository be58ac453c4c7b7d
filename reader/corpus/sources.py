"""Who published an article: front matter, else an obvious outlet line, else the file name.

Front matter is an optional `---` … `---` block at the very top of a file with `source:`, `url:`,
`published:` and `title:` keys. It is read with YAML's safe loader, which never constructs Python
objects (a `!!python/object` tag is an error there), its values as written (no implicit numbers,
truth values or dates); if the block is not valid YAML, each `key: value` line is taken as
literal text instead, and the article is imported with a warning naming the block's bad line.
Values are plain strings either way, shown literally by the UI. The block stays in the
article's text (offsets intact) and is boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.corpus.decode import sanitize
from reader.models import clipped

KEYS = ("source", "url", "published", "title")
MAX_VALUE = 300  # a source line, not a paragraph
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_LINE = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*)$")

# Outlets common enough that a line naming only the outlet is clearly its name, not reporting.
_OUTLETS = (
    "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "BBC", "BBC News",
    "CNN", "NPR", "Al Jazeera", "The Guardian", "The New York Times", "The Washington Post",
    "The Wall Street Journal", "Financial Times", "Bloomberg", "Bloomberg News",
    "Tribune News Service", "The Washington Times", "The Times", "The Independent",
    "The Telegraph", "Deutsche Welle", "DW", "Euronews", "Politico", "Axios", "The Hill",
    "Fox News", "NBC News", "CBS News", "ABC News", "USA Today", "The Economist", "Le Monde",
    "Der Spiegel", "South China Morning Post", "The Hindu", "The Moscow Times", "TASS",
    "Kyiv Independent", "Sky News", "The Atlantic", "Los Angeles Times", "Chicago Tribune",
)  # fmt: skip
_OUTLET_NAMES = {o.casefold(): o for o in _OUTLETS}
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")
# "Copyright © 2022 Dow Jones & Company, Inc. All rights reserved." -> "Dow Jones & Company"
_COPYRIGHT_HOLDER = (
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)"
    r"([A-Z][\w&.'’ -]{2,60}?)(?:,?\s+(?:Inc|Ltd|LLC|plc|GmbH|S\.A)\.?)?(?:[.,]|\s+All rights"
    r"|\s*$)"
)


@cache
def _copyright_holder() -> re.Pattern[str]:
    """Compiled when an import first needs it: the app imports this module for display_source
    and never does (compiling it took 0.7 ms of the app's start)."""
    return re.compile(_COPYRIGHT_HOLDER, re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """Where an article came from; every field is a one-line string, "" when unknown."""

    name: str
    url: str = ""
    published: str = ""
    title: str = ""
    problem: str = ""  # what was wrong with its front matter: a warning of the article


def _clean(value: object) -> str:
    """A front-matter value as one literal line: str() of a scalar, nothing for a collection."""
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return ""
    text = sanitize(str(value).replace("\r", " ").replace("\n", " ").replace("\t", " "))
    return text.strip()[:MAX_VALUE]


def front_matter_span(text: str) -> tuple[int, int] | None:
    """Offsets of the front-matter block (both fences included), or None if there is none."""
    if not text.startswith("---"):
        return None
    first_end = text.find("\n")
    if first_end < 0 or not _FENCE.match(text[:first_end]):
        return None
    pos = first_end + 1
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if _FENCE.match(text[pos:end]):
            return (0, end)
        if nl < 0:
            return None
        pos = nl + 1
    return None


def parse_front_matter(block: str) -> dict[str, str]:
    """The known keys of a front-matter block (fences included) as literal strings."""
    return read_front_matter(block)[0]


def read_front_matter(block: str) -> tuple[dict[str, str], str]:
    """The known keys of a front-matter block (fences included) as literal strings, and what
    was wrong with it ("" when it is YAML data): one line naming the file's line, no more of
    the YAML library's wording."""
    inner = block.split("\n")[1:-1]
    values: dict[str, str] = {}
    problem = ""
    try:
        import yaml

        data = yaml.load("\n".join(inner), Loader=_text_loader())
    except Exception as e:  # any YAML error (tags, syntax): read the lines as literal text instead
        data = None
        for line in inner:
            m = _LINE.match(line.strip())
            if m and m.group(1).lower() in KEYS:
                values.setdefault(m.group(1).lower(), _clean(m.group(2).strip("'\" ")))
        where = _error_line(e, len("\n".join(inner)))
        problem = (
            f"front matter is not valid YAML{f' (line {where})' if where else ''}: its key: value "
            "lines were read as plain text"
        )
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and key.lower() in KEYS:
                values.setdefault(key.lower(), _clean(value))
    return {k: v for k, v in values.items() if v}, problem


@cache
def _text_loader() -> type:
    """`yaml.SafeLoader` that leaves plain scalars as written: its implicit numbers, truth
    values and timestamps rewrote them ("title: 3.10" was "3.1", "source: 007" was "7", "yes"
    was "True", a time lost its "T"). An empty value, `~` or `null` is still no value."""
    import yaml

    kept = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}
    resolvers = {
        first: [(tag, pattern) for tag, pattern in found if tag in kept]
        for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return type("TextLoader", (yaml.SafeLoader,), {"yaml_implicit_resolvers": resolvers})


def _error_line(error: Exception, size: int) -> int | None:
    """The file's line a YAML error points at (the block's text starts on line 2): where the
    problem is, or where what it leaves open began (an unclosed quote runs to the end)."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None and mark.index >= size:
        mark = getattr(error, "context_mark", None) or mark
    return mark.line + 2 if mark is not None else None


def outlet_line(text: str, boilerplate: list[tuple[int, int]]) -> str:
    """An outlet named by a boilerplate line: the line is a known outlet, or a copyright holder."""
    for start, end in boilerplate:
        line = text[start:end].strip()
        # the line, or what ends a page title ("Ferry capsizes off Lesbos | Reuters"; no known
        # outlet's name holds a title separator)
        known = _OUTLET_NAMES.get(_TITLE_SEPARATOR.split(line)[-1].casefold())
        if known:
            return known
    for start, end in boilerplate:
        m = _copyright_holder().match(text[start:end].strip())
        if m and ("©" in text[start:end] or "copyright" in text[start:end].lower()):
            return _clean(m.group(1).strip(" ,.&"))
    return ""


def short_file_name(name: str, width: int = 24) -> str:
    """A file name shortened from the end (its start is what people recognise)."""
    return clipped(file_stem(sanitize(name).replace("\n", " ")), width)


def file_stem(name: str) -> str:
    """A file name without its .txt/.md extension."""
    # only the extension goes (PurePath would also cut at a "/" inside the name)
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and ext.lower() in ("txt", "md") else name


def display_source(file_name: str, source: str) -> str:
    """What to call an article: its source, or (imported before sources) its file name."""
    return source or short_file_name(file_name)


def data_source(file_name: str, source: str) -> str:
    """What to call an article in an export: its source, except that a file name standing for
    one (stored as the screen shows it, cut to 24 characters) is the whole file name without
    its extension: two names with one long start were one outlet to a script."""
    if not source or source == short_file_name(file_name):
        return file_stem(file_name)
    return source


def find_source(
    text: str, name: str, boilerplate: list[tuple[int, int]]
) -> tuple[Source, tuple[int, int] | None]:
    """The article's source and the span of its front matter (None when it has none)."""
    span = front_matter_span(text)
    meta, problem = read_front_matter(text[span[0] : span[1]]) if span else ({}, "")
    outlet = meta.get("source") or outlet_line(text, boilerplate) or short_file_name(name)
    return (
        Source(
            name=outlet,
            url=meta.get("url", ""),
            published=meta.get("published", ""),
            title=meta.get("title", ""),
            problem=problem,
        ),
        span,
    )


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One (start, end) span per non-empty line of text[start:end], without surrounding spaces."""
    spans = []
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            s = pos + len(line) - len(line.lstrip())
            spans.append((s, s + len(stripped)))
        pos += len(line) + 1
    return spans
