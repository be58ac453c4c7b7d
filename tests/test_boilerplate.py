"""Boilerplate lines: rules of form that carry over to sources beyond the seeds."""

from __future__ import annotations

import pytest

from reader.corpus.boilerplate import boilerplate_spans, is_boilerplate, is_credit

# None of these strings is copied from the seed articles: the rules must generalise.
FURNITURE = [
    "Subscribe to our newsletter",
    "Sign in to continue",
    "Log in",
    "Already a subscriber? Log in",
    "Download our app",
    "Get the best of our journalism delivered to your inbox.",
    "Unlimited access to every story, wherever you are.",
    "Leave a comment",
    "Source: Reuters",
    "Click here to see more",
    "Continue reading",
    "Read more",
    "Related Articles",
    "Most read stories",
    "Advertisement",
    "Share this article",
    "Follow us on Twitter",
    "We use cookies to improve your experience on our site.",
    "© 2023 Example Media Group",
    "Copyright 2021 The Daily Example. All rights reserved.",
    "All Rights Reserved",
    "By Jane Doe",
    "By JANE DOE and John Roe",
    "Maria Lopez and Tom Okafor",
    "Anna Smith, Li Wei and Omar Haddad",
    "Photo: Jane Doe",
    "Photograph: Jane Doe/Reuters",
    "John Smith / AFP / Getty Images",
    "(AP Photo/Jane Doe)",
    "Contact the author at jane@example.com",
    "Politics",
    "Business News",
    "Europe Desk",
    "from our correspondent in Paris",
    "* * *",
    "2022",
    "By Hannah Cole, Technology Reporter",
    "By Laura Gil in Seville | 14 August 2025",
    "By Tom Hale in New York · 4 min read",
    "Published 3 hours ago",
    "Updated 12:45 GMT",
    "Published: 3 November 2026",
    "Last updated on 4 March 2025, 09:12",
    "Published: Nov. 3, 2026 at 6:45 PM EDT|Updated: 26 minutes ago",
    "Posted 9:14 AM | Updated 11:02 AM",
    "• Sunday, 17 Sep 2026",  # a page's date line
    "Sunday, 17 September 2026",
    "September 17, 2026 10:42 AM EDT",
    "Follow us on our messaging channel for breaking news alerts and the day's top updates!",
    "Logo",
    "Watch Now",
    "• Oops!",  # a page widget's error
    "Something went wrong.",
    "Please try again later.",
    "RELATED: The mayor says her goal for the meeting is to get the port's talks back to normal",
    "Karsby Wire, May 7, 2026 Adjust font size:",
    "Endit",  # a wire's end mark
    "Get the latest news from around the world, live coverage, off-beat stories and analysis.",
    "Loading audio...",
    "Editor’s note: This story was updated at 1 p.m. on March 27 to reflect new information.",
    "Here’s what we know about the bridge collapse:",
    "Here's what to know about the collapse as authorities piece together what happened.",
    "The Karsby Herald logo",
    "Next In World",
    "More in Business",
    "More on this story",
    "(Reporting by Anne Roux; Editing by Tom Hale)",
    "Reporting by Anne Roux in Paris; Writing by Jo Lee; Editing by Tom Hale",
    "Read more: Storm damage across the coast in pictures",
    "Also Read: California plane crash: One killed and three injured after a small plane"
    " crashed shortly after takeoffSome local media have reported that two of the"
    " passengers were foreign visitors.",  # a link glued to the text after it
    "READ MORE: How the vote was counted",
    "See also: The week in review",
    "Advertisement - scroll to continue",
    "Advertisement · Scroll to continue with content",
    "Our Standards: The Example Trust Principles.",
    "Cookies help us deliver our services. By using our services, you agree to our use of cookies.",
    "By continuing to browse the site you are agreeing to our use of cookies.",
    "Image caption, Soldiers stand near the border on Saturday",
    "Media caption, Watch: The moment the bridge collapsed",
    "Link Copied!",
    "Explore more on these topics",
    "Listen to this article · 5:12 min",
    "Credit...Jane Doe for The Example Times",
    "A version of this article appears in print on Jan. 11, 2022, Section A, Page 1 of the "
    "Example edition with the headline: Talks Yield Little.",
    "Order Reprints | Today's Paper | Subscribe",
    "Comment on this story",
    "This article is more than 2 years old",
    "Last modified on Mon 10 Jan 2022 18.02 GMT",
    "Our journalism needs your support.",
    "Thank you for reading.",
    "Contributing: Jane Doe, Example Today",
    "The Associated Press contributed to this report.",
    "Reuters contributed reporting.",
    "Jane Doe contributed reporting from Kyiv, and John Roe from Moscow.",
    "Associated Press writer Jane Doe in Kyiv contributed to this report.",
    "Have a news tip? Email us.",
    "Watch: Russia and US hold talks in Geneva",
    "WATCH | Talks end without breakthrough",
    "(CNN)",
    "Story continues below advertisement",
    "Article continues after advertisement",
    "Continue reading the main story",
    "More to follow...",  # a wire's first take, to be updated
    "More to come.",
    "This is a developing story and will be updated.",
    "Follow our live blog for all the latest news and reactions.",
    "Ticker Security Last Change Change %",  # a table of share prices
    "HLT HARLOW TOOLS INC. 41.20 -1.15 -2.72%",
    "KSB KARSBY GROUP PLC 212.05 +3.10 +1.48%",
    "VLT NO DATA AVAILABLE - - -",
    # appeals and disclaimers: "Support local journalism. Donate today." and "This is not
    # investment advice." became claims, each "unverified (high)"
    "Back independent reporting. Give now!",
    "Donate now.",
    "Please consider a contribution to our newsroom.",
    "Help us keep reporting.",
    "Nothing in this article constitutes legal advice.",
    "This report is for information only and is not financial advice.",
    "The views expressed in this column are the author's own.",
]

REPORTING = [
    "The talks ended on Monday without a deal.",
    "Officials said the sanctions would take effect next week.",
    "Sherman said Russia had a stark choice to make.",
    "Talks continue",  # first-line headlines are handled by the loader; see test below
    "“No.”",
    "“Sign up now,” the recruiter told them, “or you lose your place.”",
    "Russia would continue military exercises on its territory, he said.",
    "Diplomats stress they have not made progress towards resolving fundamental disagreements",
    "The app was downloaded two million times in the first week after its launch in Kyiv.",
    "Reuters reported that the meeting lasted more than seven hours.",
    "He has never been a member of the party, his spokesman said.",
    "Published figures for 2021 showed a rise in arrests.",
    "Updated forecasts show the storm reaching Karsby at 10:30 on Monday.",
    "Reporting by the Karsby Herald in 2019 first raised the alarm.",
    "By March 2023, Karsby had spent $40 million on the dam.",
    "By Friday in Karsby, the water had reached the bridge.",
    "Read more about the dam in the council's report, the mayor told residents.",
    "Our standards of care fell short, the hospital's director said.",
    "Regulators say tracking cookies let advertisers follow you around the web.",
    "Advertisements for the festival were banned by the Karsby council.",
    "Watch: the video shows the bridge falling, police said.",
    "Thousands contributed to the appeal for the flood victims.",
    "The story continues to unfold in Karsby, where the dam broke.",
    "Listen to the recording and you will hear the shots, the lawyer said.",
    "(Two of them were children.)",
    "The mayor's office said the caption under the photo was wrong.",
    "Sunday, 17 September 2026, was the day the dam broke.",
    "The logo of the party was changed in 2019.",
    "Here's what the mayor said on Monday: the bridge will reopen.",
    "Editor's note: the figures in this story come from the port authority.",
    "Get the latest news from the front, the general told his staff.",
    "Something went wrong with the pumps on Monday, the engineer said.",
    "More to follow, the minister told reporters, as talks resumed.",
    "Follow the money, the auditor said.",
    "Harlow shares closed at 41.20, down 2.7%.",
    "Help arrived late on Monday.",
    "Support for the strike grew today.",
    "Help is on the way now.",
    "Give us the money, the kidnappers demanded.",
    "Back the bill now, the mayor urged.",
    "Donations poured in today.",
    "The fund gave no investment advice, the regulator said.",
    "Join the march.",
    # a sentence of a script written without spaces is one "word" long, and ends at its own stop
    "美俄官员周一在日内瓦会谈。会谈持续了七个小时。",
    "会谈持续了七个小时！",
    "他说：「会谈很有用。」",
    "هل انتهت المحادثات؟",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [r for r in REPORTING if r != "Talks continue"])
def test_reporting_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_short_labels_are_boilerplate_only_as_weak_rule() -> None:
    assert is_boilerplate("Talks continue")
    assert not is_boilerplate("Talks continue", labels=False)


def test_sentence_mode_keeps_only_rules_safe_inside_a_paragraph() -> None:
    assert is_boilerplate("Composite Photo / Video: Jane Roe", sentence=True)
    assert is_boilerplate("© 2020 Example Corp", sentence=True)
    assert not is_boilerplate("World", sentence=True)
    assert not is_boilerplate("Jane Doe and John Roe", sentence=True)


def test_blank_line_is_not_boilerplate() -> None:
    assert not is_boilerplate("   ")


def test_is_credit() -> None:
    assert is_credit("Jane Doe / Agence France-Presse / Getty Images")
    assert is_credit("Photo by John Roe")
    assert not is_credit("The photo by John Roe won a prize last year.")


def _marked(text: str) -> list[str]:
    """The boilerplate lines of `text`, as `boilerplate_spans` marks them."""
    return [text[s:e] for s, e in boilerplate_spans(text)]


def test_spans_are_stripped_line_offsets() -> None:
    text = "A headline that runs long\n\n  Share this article  \nA real sentence.\nAdvertisement"
    assert _marked(text) == ["Share this article", "Advertisement"]


def test_the_headlines_listed_under_a_next_in_label_are_links() -> None:
    text = (
        "Headline of the story\n\n"
        "A first paragraph of reporting that goes on for a while.\n\n"
        "Next In World\n\n"
        "Harbour strike enters its third week as talks stall\n"
        "Council approves 12 new homes on the old mill site\n"
    )
    marked = _marked(text)
    assert marked == [
        "Next In World",
        "Harbour strike enters its third week as talks stall",
        "Council approves 12 new homes on the old mill site",
    ]
    text = (
        "A first paragraph of reporting that goes on for a while.\n"
        "Latest Stories\n-\nCoach backs appeal after ‘mistake’\n38 mins -\n"
        "#Budget debate: party to pass a climate law\n"
    )
    assert _marked(text) == [
        "Latest Stories",
        "-",
        "Coach backs appeal after ‘mistake’",
        "38 mins -",
        "#Budget debate: party to pass a climate law",
    ]
    # a label over reporting marks only itself; over the headline, at the top, only itself
    text = "Related\n\nThe talks ended on Monday without a deal.\nA second line of it"
    assert _marked(text) == ["Related"]
    text = "Latest news\nTalks end without a deal\n\nThe talks ended on Monday."
    assert _marked(text) == ["Latest news"]


def test_listed_stories_with_a_summary_and_their_age_are_links_too() -> None:
    # regression: a list's summaries, sentences with a full stop, were read as the article's
    # claims ("UK inflation dropped to a two-year low in March." contradicted its figures)
    text = (
        "The council raised the levy to 5% on Monday.\n\n"
        "You may also like\n\n"
        "Grocery prices fall for a third month\n"
        "Supermarket prices were 3.2% higher than a year ago, analysts said.\n"
        "5 days ago\n"
        "What does the fall mean for households?\n"
        "Inflation dropped to a two-year low in March.\n"
        "11 days ago\n"
    )
    assert _marked(text) == [
        "You may also like",
        "Grocery prices fall for a third month",
        "Supermarket prices were 3.2% higher than a year ago, analysts said.",
        "5 days ago",
        "What does the fall mean for households?",
        "Inflation dropped to a two-year low in March.",
        "11 days ago",
    ]
    # look-alike: reporting after a list whose stories give no age is the article's again
    text = (
        "The council raised the levy to 5% on Monday.\n\n"
        "Related\n\n"
        "Grocery prices fall for a third month\n"
        "The levy will be reviewed next year, the council said.\n"
        "It was last raised in 2019.\n"
    )
    assert _marked(text) == ["Related", "Grocery prices fall for a third month"]


def test_the_paragraph_under_a_disclaimer_label_is_the_site_s() -> None:
    text = (
        "A first paragraph of reporting that goes on for a while.\n"
        "Legal Disclaimer:\n"
        "The site provides the information as is, without warranty of any kind.\n"
        "We accept no liability for the accuracy of the content.\n\n"
        "A last line of reporting."
    )
    marked = _marked(text)
    assert marked == [
        "Legal Disclaimer:",
        "The site provides the information as is, without warranty of any kind.",
        "We accept no liability for the accuracy of the content.",
    ]
    assert is_boilerplate("Disclaimer: the views expressed are the author's own.")


def test_caption_above_a_credit_line_is_marked() -> None:
    text = (
        "Headline of the story\n\n"
        "A first paragraph of reporting that goes on for a while.\n\n"
        "Soldiers stand near the border on Saturday.\n\n"
        "Jane Doe / Getty Images\n\n"
        "More reporting follows here."
    )
    marked = _marked(text)
    assert marked == ["Soldiers stand near the border on Saturday.", "Jane Doe / Getty Images"]


def test_a_credit_with_its_own_caption_leaves_the_sentence_above_it_alone() -> None:
    text = (
        "Headline of the story\n\n"
        "Rescuers pulled 150 people from the water, and a search continued for the missing.\n"
        "(Photo: A coast guard vessel near the island. Credit: Reuters/Jane Doe)\n"
        "More reporting follows here."
    )
    marked = _marked(text)
    assert marked == ["(Photo: A coast guard vessel near the island. Credit: Reuters/Jane Doe)"]


@pytest.mark.parametrize(
    "line",
    [
        "Troops gather near the border on Sunday. Photograph: Jane Doe/Reuters",
        "Soldiers patrol a street in Kyiv on Monday, Jan. 10, 2022. (AP Photo/John Roe)",
        "A long caption about a meeting of diplomats in a lakeside city. Getty Images",
    ],
)
def test_caption_ending_in_a_credit_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


def test_sentence_ending_with_an_agency_name_is_reporting() -> None:
    assert not is_boilerplate("The meeting lasted seven hours, according to Reuters.")
    # a whole article on one line, crediting its agency at the end, is no photo caption
    article = " ".join(
        ["A plane crash in the north of the country on Saturday left 14 people dead."] * 5
        + ["(With inputs from Reuters)"]
    )
    assert not is_boilerplate(article)


def test_the_quick_tests_before_the_searches_see_every_case_form():
    # is_boilerplate skips the copyright and agency searches unless a piece of their phrases is
    # in the line in lower case: that must hold for every character the case-insensitive
    # searches take for one of those letters ("ı", "İ", "ſ" and the Kelvin sign are why i, s, k
    # are left out of the pieces)
    import re
    import sys

    from reader.corpus.boilerplate import _AGENCY_KEYS, _CAPTION_KEYS, _COPYRIGHT_KEYS

    keys = _COPYRIGHT_KEYS + _AGENCY_KEYS + _CAPTION_KEYS
    letters = sorted({ch for key in keys for ch in key if ch.isalpha()})
    everything = "".join(map(chr, range(sys.maxunicode + 1))).encode("utf-8", "surrogatepass")
    chars = everything.decode("utf-8", "replace")
    for letter in letters:
        for ch in set(re.findall(re.escape(letter), chars, re.IGNORECASE)):
            assert letter in ch.lower(), (letter, ch)


@pytest.mark.parametrize(
    "line",
    [
        "COPYRİGHT 2024 THE EXAMPLE TİMES",  # dotted capital I
        "ALL RIGHTS RESERVED",
        "(C) Example Media",
        "Photo: Jane Doe / ſhutterſtock",  # long s
        "Composite image: AP PHOTO/Jane Doe",
        "Write to the desk at news@example.org",
    ],
)
def test_furniture_in_any_case_is_still_found(line):
    assert is_boilerplate(line, sentence=True)
    assert is_boilerplate(line)


def test_a_pdf_copy_s_page_headers_footers_and_numbers_are_not_claims() -> None:
    # text copied from a PDF repeats the page's header and footer on every page: each was a claim
    text = (
        "Talks resume in Geneva\n\n"
        "Negotiators met on Tuesday for a new round of talks.\n\n"
        "2 The Daily Courier\n"
        "Page 2 of 5\n\n"
        "Talks resume in Geneva\n\n"
        "The talks are expected to last three days.\n"
        "Officials met again.\n\n"
        "3 The Daily Courier\n"
        "Page 3 of 5\n\n"
        "Officials met again.\n"
    )
    assert _marked(text) == [
        "2 The Daily Courier",
        "Page 2 of 5",
        "Talks resume in Geneva",  # the header repeating the title; the title itself stays
        "3 The Daily Courier",
        "Page 3 of 5",
    ]


def test_a_line_repeated_with_other_figures_is_a_claim_outside_a_paged_copy() -> None:
    # a live report's updated figure ("Update 1: the toll rises to 12", later "Update 2: the
    # toll rises to 15") is what a reviewer checks; only a copy with page numbers, or a line
    # on three pages, shows a page's header or footer
    text = (
        "Flood in Karsby\n\n"
        "The river rose on Friday.\n\n"
        "Update 1: the toll rises to 12\n\n"
        "Rescuers worked through the night.\n\n"
        "Update 2: the toll rises to 15\n\n"
        "The river fell on Sunday.\n"
    )
    assert _marked(text) == _marked("Flood in Karsby\n\nThe river rose on Friday.\n")
    three = text + "\nUpdate 3: the toll rises to 17\n"
    assert _marked(three)[-3:] == [
        "Update 1: the toll rises to 12",
        "Update 2: the toll rises to 15",
        "Update 3: the toll rises to 17",
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Photo: Forensic officers at the museum entrance",
        "Photo: Rescuers search a collapsed building in the old town",
        "Image: The ship listing on the reef on Saturday night (reader photo)",
    ],
)
def test_a_photo_label_with_a_description_is_its_own_caption(label: str) -> None:
    # "Photo: <what it shows>" is the caption itself, not a credit under one: the reporting
    # above it stays a claim (a denial was dropped as the photo's caption)
    above = (
        "The museum denied that its alarm had been switched off, saying it sounded and a "
        "police patrol arrived within six minutes."
    )
    text = (
        f"Headline of the story\n\nA first paragraph of reporting.\n\n{above}\n\n{label}\n\nMore."
    )
    assert _marked(text) == [label]


def test_a_credit_naming_its_agency_keeps_its_caption_whatever_its_case() -> None:
    text = (
        "Headline of the story\n\nA first paragraph of reporting.\n\n"
        "Ukrainian forces near the separation line on Saturday.\n\n\n"
        "anatolii stepanov / Agence France-Presse / Getty Images\n\nMore."
    )
    assert _marked(text) == [
        "Ukrainian forces near the separation line on Saturday.",
        "anatolii stepanov / Agence France-Presse / Getty Images",
    ]
