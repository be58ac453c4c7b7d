"""Hard-wrapped articles: a sentence broken across lines by a fixed width is one claim."""

from __future__ import annotations

import textwrap

import pytest

from reader.corpus.loader import build_article
from reader.corpus.unwrap import unwrap

HEADLINE = "Bridge over the Elbe closed after barge strikes a pillar"
PARAGRAPHS = [
    "A cargo barge carrying gravel struck a pillar of the old Elbe bridge in Dresden late on "
    "Tuesday evening, and the city closed the bridge to all traffic until engineers have "
    "inspected it.",
    "Nobody was hurt, a spokeswoman for the fire brigade said, but the barge's two crew members "
    "were treated for shock. The river was closed to shipping for about four hours while divers "
    "examined the damage below the water line.",
    "The bridge, which carries some 40,000 vehicles a day, was last renovated in 2011. Commuters "
    "were told to expect long delays on the well-known route into the old town for at least a "
    "week, and extra trams will run from Wednesday morning.",
    "Police have opened an investigation into the cause of the accident.",
]
SENTENCES = 6  # in PARAGRAPHS


def article(text: str, name: str = "a.txt"):
    return build_article("story", name, name, text.encode("utf-8"))


def wrapped(width: int, *, hyphens: bool = True) -> str:
    body = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=hyphens) for p in PARAGRAPHS)
    return f"{HEADLINE}\n\n{body}\n"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("width", [50, 60, 72, 80])
def test_a_hard_wrapped_article_gives_one_claim_per_sentence(width: int) -> None:
    flat = article(f"{HEADLINE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    filled = article(wrapped(width))
    assert len(flat.claims) == SENTENCES + 1  # and the headline
    assert [words(c.text) for c in filled.claims] == [words(c.text) for c in flat.claims]
    assert [c.id for c in filled.claims] == [c.id for c in flat.claims]
    assert filled.title == HEADLINE
    # the line breaks became spaces one for one: the offsets are those of the file's lines
    assert len(filled.text) == len(wrapped(width))
    assert all(filled.text[c.start : c.end] == c.text for c in filled.claims)
    assert all("\n" not in c.text for c in filled.claims)


def test_a_hyphenated_word_broken_after_its_hyphen_reads_whole() -> None:
    filled = article(wrapped(46))  # textwrap breaks "well-known" after its hyphen here
    assert "well-\nknown" in wrapped(46)
    assert any("the well-known route" in words(c.text) for c in filled.claims)


def test_fmt_which_fills_short_of_the_width_is_unwrapped_too() -> None:
    # fmt -w 75 aims at 93 % of the width: lines end a few columns before the next word's end
    lines = [
        "A cargo barge carrying gravel struck a pillar of the old Elbe bridge in",
        "Dresden late on Tuesday evening, and the city closed the bridge to all",
        "traffic until engineers have inspected it. Nobody was hurt, a spokeswoman",
        "for the fire brigade said, but the barge's two crew members were treated",
        "for shock.",
    ]
    claims = article("\n".join(lines) + "\n").claims
    assert [words(c.text)[:20] for c in claims] == [
        "A cargo barge carryi",
        "Nobody was hurt, a s",
    ]


def test_front_matter_keeps_its_lines_above_a_hard_wrapped_body() -> None:
    front = (
        "---\nsource: Elbe Gazette\npublished: 2024-03-05\n"
        "url: https://example.org/news/2024/03/05/barge-strikes-old-elbe-bridge-pillar\n"
        "title: Barge strikes a pillar of the old Elbe bridge in Dresden\n---\n"
    )
    filled = article(front + wrapped(72))
    assert (filled.source, filled.published) == ("Elbe Gazette", "2024-03-05")
    assert filled.title == "Barge strikes a pillar of the old Elbe bridge in Dresden"
    assert filled.text.startswith(front)
    assert len(filled.claims) == SENTENCES + 1


def test_an_unwrapped_first_line_is_not_taken_for_a_headline() -> None:
    filled = article("\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS) + "\n", "lede.txt")
    assert filled.title == "lede"  # no headline line: the file's name
    assert words(filled.claims[0].text).startswith("A cargo barge carrying gravel struck")
    assert words(filled.claims[0].text).endswith("engineers have inspected it.")


@pytest.mark.parametrize(
    "text",
    [
        # paragraphs one per line, of similar lengths, each ending on a stop
        "Talks resume in Geneva\n"
        "Delegates from both sides arrived at the lakeside venue on Monday.\n"
        "The first session lasted nearly four hours and ended without a statement.\n"
        "A second round is planned for Thursday, officials said after the meeting.\n"
        "Neither side took questions from the reporters waiting outside the hall.\n",
        # a page's links and labels, a line each
        "Start reading\nTribune News Service\nWorld\nRelated Stories\nTop stories right now\n"
        "Download the app\nOne app. One membership.\nSign in here\nOur picks\n",
        # list items of one width are items, not a paragraph
        "The council agreed on the following measures for the coming winter:\n"
        "- extra buses on the two routes that replace the closed bridge crossing\n"
        "- a temporary footbridge built by army engineers before the end of the\n"
        "- free parking at the park-and-ride sites to the north of the old town\n",
        # a headline, a standfirst and a lede with no blank line between them
        "Barge strikes bridge pillar in Dresden, city closes crossing\n"
        "Engineers will inspect the damage before traffic is allowed back on\n"
        "A cargo barge struck a pillar of the old Elbe bridge late on Tuesday.\n",
    ],
    ids=["paragraph-per-line", "labels", "list", "headline-standfirst"],
)
def test_text_that_is_not_hard_wrapped_keeps_every_line_break(text: str) -> None:
    assert unwrap(text) == text
