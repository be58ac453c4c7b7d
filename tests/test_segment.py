"""Sentence splitting: a table of the cases news text throws at a splitter."""

from __future__ import annotations

import pytest
from timing import fastest

from reader.corpus.segment import MAX_CLAIM_CHARS, segment_article, split_sentences

CASES: list[tuple[str, list[str]]] = [
    ("One. Two.", ["One.", "Two."]),
    ("The U.S. and Russia met. They talked.", ["The U.S. and Russia met.", "They talked."]),
    ("He flew to the U.K. on Monday.", ["He flew to the U.K. on Monday."]),
    ("Talks with the U.S. The rest followed.", ["Talks with the U.S.", "The rest followed."]),
    (
        "U.S. Secretary of State Antony Blinken spoke.",
        ["U.S. Secretary of State Antony Blinken spoke."],
    ),
    ("Mr. Ryabkov said no. Ms. Sherman agreed.", ["Mr. Ryabkov said no.", "Ms. Sherman agreed."]),
    ("Dr. Smith met Gov. Jones and Sen. Lee.", ["Dr. Smith met Gov. Jones and Sen. Lee."]),
    ("Rep. Cole spoke on St. Patrick's Day.", ["Rep. Cole spoke on St. Patrick's Day."]),
    (
        "It began Jan. 10 in Geneva. Talks ended Feb. 2.",
        ["It began Jan. 10 in Geneva.", "Talks ended Feb. 2."],
    ),
    ("Deputy Sergei A. Ryabkov spoke.", ["Deputy Sergei A. Ryabkov spoke."]),
    (
        "President Vladimir V. Putin of Russia agreed.",
        ["President Vladimir V. Putin of Russia agreed."],
    ),
    ("They met at 6 p.m. He left at 9.", ["They met at 6 p.m.", "He left at 9."]),
    ("They met at 6 p.m. on Monday.", ["They met at 6 p.m. on Monday."]),
    ("At 9 a.m. the talks began.", ["At 9 a.m. the talks began."]),
    ("“It is limited.” He paused.", ["“It is limited.”", "He paused."]),
    ("“No.” He said it twice.", ["“No.”", "He said it twice."]),
    ("“Why?” she asked.", ["“Why?” she asked."]),
    ("“Stop!” he shouted. They did.", ["“Stop!” he shouted.", "They did."]),
    ('He said "yes." Then he left.', ['He said "yes."', "Then he left."]),
    ("“It is real,” Sullivan said.", ["“It is real,” Sullivan said."]),
    ("Is it real? Nobody knows.", ["Is it real?", "Nobody knows."]),
    (
        "We need guarantees… It is a matter of security.",
        ["We need guarantees…", "It is a matter of security."],
    ),
    ("Both sides … to engage in a process.", ["Both sides … to engage in a process."]),
    ("Wait... Then go.", ["Wait...", "Then go."]),
    ("Growth was 2.5 percent. It fell.", ["Growth was 2.5 percent.", "It fell."]),
    ("GENEVA — The talks ended. Nobody won.", ["GENEVA — The talks ended.", "Nobody won."]),
    ("First line\nSecond line", ["First line", "Second line"]),
    ("No final stop here\n\nNext paragraph.", ["No final stop here", "Next paragraph."]),
    ("  Padded sentence.   Another one.  ", ["Padded sentence.", "Another one."]),
    ("It cost $1.2 billion. Sanctions followed.", ["It cost $1.2 billion.", "Sanctions followed."]),
    ("See No. 5 on the list.", ["See No. 5 on the list."]),
    (
        "The vote was 3-2 (a narrow win). Next came talks.",
        ["The vote was 3-2 (a narrow win).", "Next came talks."],
    ),
    ("He said (quietly.) Then left.", ["He said (quietly.)", "Then left."]),
    ("The U.S.-Russia talks ended. NATO met.", ["The U.S.-Russia talks ended.", "NATO met."]),
    ("e.g. this stays whole.", ["e.g. this stays whole."]),
    ("They met in 2014. 100 people came.", ["They met in 2014.", "100 people came."]),
    ("Emoji 🎉 here. Café ok.", ["Emoji 🎉 here.", "Café ok."]),
    ("He works at Acme Inc. The firm grew.", ["He works at Acme Inc.", "The firm grew."]),
    ("Author J.R.R. Tolkien wrote it.", ["Author J.R.R. Tolkien wrote it."]),
    ("Talks began at 10 a.m. Monday in Geneva.", ["Talks began at 10 a.m. Monday in Geneva."]),
    ("She has a Ph.D. in physics. She said so.", ["She has a Ph.D. in physics.", "She said so."]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("‘Fine.’ They agreed.", ["‘Fine.’", "They agreed."]),
    ("He said “we’ll see…” and left.", ["He said “we’ll see…” and left."]),
    ("Sen. Warner, D-Va., spoke.", ["Sen. Warner, D-Va., spoke."]),
    ("Then—silence. Nothing.", ["Then—silence.", "Nothing."]),
    ("1. First item here", ["1. First item here"]),
    ("Wait. . . Then go.", ["Wait. . .", "Then go."]),
    ("Mr Putin said so. Mrs May did too.", ["Mr Putin said so.", "Mrs May did too."]),
    ("Combining cafe\u0301 text. Next.", ["Combining cafe\u0301 text.", "Next."]),
    (
        "He said: ‘We cannot. We will not.’ Then silence.",
        ["He said: ‘We cannot.", "We will not.’", "Then silence."],
    ),
    (
        "“Certain threats were made,” Ryabkov confirmed. Sherman agreed.",
        ["“Certain threats were made,” Ryabkov confirmed.", "Sherman agreed."],
    ),
    # scraped text that lost the space between sentences
    (
        "It crashed, the governor said.As reported, it fell.“We grieve.”Police came.",
        ["It crashed, the governor said.", "As reported, it fell.", "“We grieve.”", "Police came."],
    ),
    ("He joined the U.S.Army in 2001.", ["He joined the U.S.Army in 2001."]),
    # a dateline's agency after an abbreviated state: one sentence
    (
        "ALDEN, Va. (Reuters) - The former mayor was sentenced.",
        ["ALDEN, Va. (Reuters) - The former mayor was sentenced."],
    ),
    ("He lives in Va. (Two of his sons do too.)", ["He lives in Va.", "(Two of his sons do too.)"]),
    ("U.S. President Ann Holt met the premier.", ["U.S. President Ann Holt met the premier."]),
    (
        "ALDEN -- U.S. President Ann Holt met the premier.",
        ["ALDEN -- U.S. President Ann Holt met the premier."],
    ),
    (
        "ALDEN, Calif. – President Ann Holt met the premier. They talked.",
        ["ALDEN, Calif. – President Ann Holt met the premier.", "They talked."],
    ),
    ("He moved to Calif. – and stayed.", ["He moved to Calif. – and stayed."]),
    # scripts written without spaces end a sentence at their own stops, no space after
    ("会谈在日内瓦举行。双方讨论了！是吗？", ["会谈在日内瓦举行。", "双方讨论了！", "是吗？"]),
    ("他说：「会谈很有用。」会谈结束了。", ["他说：「会谈很有用。」", "会谈结束了。"]),
    ("会谈持续了8.5个小时。", ["会谈持续了8.5个小时。"]),
    ("交渉は終わった｡次は来週だ｡", ["交渉は終わった｡", "次は来週だ｡"]),
    # ...and scripts without capitals at theirs, before a space
    ("هل انتهت المحادثات؟ قال إنها لم تنته.", ["هل انتهت المحادثات؟", "قال إنها لم تنته."]),
    ("वार्ता जिनेवा में हुई। दोनों पक्ष सहमत नहीं थे।", ["वार्ता जिनेवा में हुई।", "दोनों पक्ष सहमत नहीं थे।"]),
    # quotations closed the French and German ways
    (
        "« Nous ne céderons pas ! » a lancé un syndicaliste. Il est parti.",
        ["« Nous ne céderons pas ! » a lancé un syndicaliste.", "Il est parti."],
    ),
    ("« C'est fini. » Le ministre est parti.", ["« C'est fini. »", "Le ministre est parti."]),
    (
        "„Wir müssen handeln.“ Die Opposition lehnt ab.",
        ["„Wir müssen handeln.“", "Die Opposition lehnt ab."],
    ),
    ("Er sagte: »Nein.« Dann ging er.", ["Er sagte: »Nein.«", "Dann ging er."]),
    ("Fin. »Neu« ist gut.", ["Fin.", "»Neu« ist gut."]),
    # German, Spanish and Russian abbreviations and ordinals
    ("Es kostet z. B. mehr. Das ist neu.", ["Es kostet z. B. mehr.", "Das ist neu."]),
    (
        "Er kam am 3. März 2024 an. Der 2. Weltkrieg endete.",
        ["Er kam am 3. März 2024 an.", "Der 2. Weltkrieg endete."],
    ),
    (
        "Bis 2030 sollen 5 Mrd. Euro fließen, laut Abs. 2 und Nr. 5.",
        ["Bis 2030 sollen 5 Mrd. Euro fließen, laut Abs. 2 und Nr. 5."],
    ),
    ("They met in 2023. April sales rose.", ["They met in 2023.", "April sales rose."]),
    ("EE. UU. y la UE firmaron.", ["EE. UU. y la UE firmaron."]),
    (
        "Он был в г. Москве в 2025 г. Депутаты одобрили.",
        ["Он был в г. Москве в 2025 г.", "Депутаты одобрили."],
    ),
    # ...and at a Latin full stop or question mark before a letter of such a script
    (
        "أعلنت الحكومة ميزانية بقيمة 3.5 تريليون. وقال الوزير إنها طموحة.",
        ["أعلنت الحكومة ميزانية بقيمة 3.5 تريليون.", "وقال الوزير إنها طموحة."],
    ),
    ("הממשלה אישרה את התקציב. השר אמר? כן.", ["הממשלה אישרה את התקציב.", "השר אמר?", "כן."]),
    (
        "정부는 예산안을 발표했다. 야당은 비판했다.",
        ["정부는 예산안을 발표했다.", "야당은 비판했다."],
    ),
    # a footnote or citation marker after the stop (text copied from Wikipedia or a report)
    # belongs to the sentence it ends; the next one starts after it
    (
        "He said so.[3] Others disagreed.[12][13] The vote was held.",
        ["He said so.[3]", "Others disagreed.[12][13]", "The vote was held."],
    ),
    ("Prices rose.² The bank held rates.", ["Prices rose.²", "The bank held rates."]),
    (
        "Prices rose in February.1 The bank held rates.",
        ["Prices rose in February.1", "The bank held rates."],
    ),
    # ...but a figure's decimals, "No.1", "vol.2" are no footnote
    ("It was version 2.1 The next one came.", ["It was version 2.1 The next one came."]),
    ("He is the world no.1 Novak said so.", ["He is the world no.1 Novak said so."]),
    ("See vol.2 The sequel.", ["See vol.2 The sequel."]),
    (
        "See [3] for more. It was held in [2022] too.",
        ["See [3] for more.", "It was held in [2022] too."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_table_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def test_split_respects_start_and_end() -> None:
    text = "Skip this. Keep one. Keep two. Skip that."
    start = text.index("Keep one")
    end = text.index(" Skip that")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["Keep one.", "Keep two."]


def test_long_text_without_paragraph_breaks_is_split_and_fast() -> None:
    text = "Mr. Smith met the U.S. envoy at 5 p.m. on Monday. " * 20_000
    spans = split_sentences(text)
    assert len(spans) == 20_000
    assert all(text[s:e] == "Mr. Smith met the U.S. envoy at 5 p.m. on Monday." for s, e in spans)


def test_segment_article_skips_marked_lines_and_letterless_fragments() -> None:
    text = "Title line\n\nA claim here. Another one.\n***\n2022.\nSubscribe now\nLast claim."
    skip = [(0, 10), (text.index("Subscribe"), text.index("Subscribe") + len("Subscribe now"))]
    claims = [text[s:e] for s, e in segment_article(text, skip)]
    assert claims == ["A claim here.", "Another one.", "Last claim."]


def test_run_on_text_without_sentence_capitals_is_cut_into_reviewable_claims() -> None:
    clause = "the council said the bridge would stay shut for weeks, and crews worked on"
    text = " ".join(f"{clause} {k}." for k in range(200))  # ~16 kB, no capital anywhere
    spans = segment_article(text, [])
    assert len(spans) > 10
    assert all(e - s <= MAX_CLAIM_CHARS for s, e in spans)
    # nothing lost: the pieces cover every word, in order
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()
    # cuts fall after punctuation, not inside a word
    assert all(text[e - 1] in ".,;:?!" for s, e in spans[:-1])


def test_one_giant_word_is_still_cut() -> None:
    text = "x" * (3 * MAX_CLAIM_CHARS)
    spans = segment_article(text, [])
    assert [e - s for s, e in spans] == [MAX_CLAIM_CHARS] * 3


def test_a_file_of_many_boilerplate_lines_is_segmented_in_linear_time() -> None:
    # each line was checked against every boilerplate span: a file of 100,000 short lines, all
    # boilerplate, took 4.5 minutes to import (now about a second)
    def seconds(lines: int) -> float:
        text = "Share this\n" * lines
        spans = [(k * 11, k * 11 + 10) for k in range(lines)]
        took, claims = fastest(lambda: segment_article(text, spans))
        assert claims == []
        return took

    # ten times the lines: about ten times the time (it was a hundred)
    assert seconds(20_000) < 30 * seconds(2_000)


def test_a_line_of_sentences_without_spaces_is_split_in_linear_time() -> None:
    # scraped text that lost its spaces ("Talksended.Nobodywon."): at each stop the word before
    # it was read back to the line's start, and the word after it to the line's end: 20,000 such
    # sentences took 7 minutes to split, now half a second
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]

    def seconds(sentences: int) -> float:
        runs = ("".join(words[k % 7 :] + words[: k % 7]) for k in range(sentences))
        text = "".join(run.title() + "." for run in runs)
        took, split = fastest(lambda: split_sentences(text))
        assert len(split) == sentences
        return took

    # ten times the sentences: about ten times the time (it was a hundred)
    assert seconds(3_000) < 30 * seconds(300)


def test_a_number_cut_off_after_an_unknown_abbreviation_stays_with_its_sentence() -> None:
    # "núm." is an abbreviation the splitter does not know: it cut there, and "45." (no letter)
    # was dropped as a stray fragment, so no claim held the number
    text = "Title\nEl texto está en el BOE núm. 45. Lo firmó el rey.\n12.\nVer pág. 3."
    claims = [text[s:e] for s, e in segment_article(text, [(0, 5)])]
    assert claims == ["El texto está en el BOE núm. 45.", "Lo firmó el rey.", "Ver pág. 3."]
