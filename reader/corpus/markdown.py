"""A Markdown article (`.md`) read as the plain text a reader sees: scrapers and read-later tools
save pages as Markdown, and its markup ("**180 passengers**", "[Lesbos](https://…)", "# ",
"- ", "![photo](…)", "&amp;") would otherwise sit inside the claims.

Headings, paragraphs, list items, quotes and table rows each become a line of their own, blocks
separated by a blank line (as a .txt article has them); links keep their words, images and raw
HTML are left out (a picture's alt text is a caption, not reporting), entities are decoded.
Front matter is kept as it is (`sources.front_matter_span`), so the source, URL and title it
gives are read as for any article. The article's text is this rendering: claims, offsets and the
app all work on it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.corpus.sources import front_matter_span

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# inline tokens left out, with all they hold (an image's alt text is its caption)
_SILENT = frozenset(["image", "html_inline"])


# markdown-it stops reading a document whose blocks nest deeper than its limit (20 levels: a list
# level takes two), and the rest of the text is gone. A quote or list nested this deep is read as
# plain text instead (`too_deep`): no article needs it, and nothing is lost.
_DEPTH = re.compile(r"^((?:[ \t]*>)*)([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE)
_QUOTES = re.compile(r"^(?:[ \t]*>){8,}", re.MULTILINE)
MAX_DEPTH = 8


def too_deep(source: str) -> bool:
    """Quotes or lists nested `MAX_DEPTH` levels or more: too deep to render whole."""
    if _QUOTES.search(source):
        return True
    return any(
        m.group(1).count(">") + len(m.group(2).expandtabs(4)) // 2 >= MAX_DEPTH
        for m in _DEPTH.finditer(source)
    )


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline(children: Sequence[Token]) -> str:
    out: list[str] = []
    for t in children:
        if t.type in ("text", "code_inline"):
            out.append(t.content)
        elif t.type == "softbreak":
            out.append(" ")  # a paragraph wrapped over lines is one paragraph
        elif t.type == "hardbreak":
            out.append("\n")
    return "".join(out).strip()


def plain_text(source: str) -> str:
    """`source`, Markdown, as plain text (front matter kept as written)."""
    span = front_matter_span(source)
    head, body = (source[: span[1]] + "\n", source[span[1] :]) if span else ("", source)
    blocks: list[str] = []
    row: list[str] = []  # a table row's cells, joined as one line
    cell = False
    # only inline tokens hold words that are kept: code blocks and raw HTML, which are not
    # reporting, hold theirs elsewhere
    for t in _parser().parse(body):
        if t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            blocks.append("; ".join(c for c in row if c))
        elif t.type in ("th_open", "td_open", "th_close", "td_close"):
            cell = t.type.endswith("open")
        elif t.type == "inline":
            text = _inline([c for c in t.children or () if c.type not in _SILENT])
            if cell:
                row.append(text)
            elif text:
                blocks.append(text)
    return head + "\n\n".join(b for b in blocks if b) + "\n"
