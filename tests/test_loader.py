"""Loading corpora from disk: layouts, bad files that are skipped, and the seed story."""

from __future__ import annotations

import codecs
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from timing import fastest

from annotations.store import Store
from reader.corpus.loader import ArticleError, CorpusError, load_article, load_corpus
from reader.models import Corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = "A headline about talks\n\nThe talks began on Monday. Both sides spoke.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def skipped_reasons(corpus) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in corpus.skipped}


def check_offsets(corpus) -> None:
    for story in corpus.stories:
        for article in story.articles:
            for i, claim in enumerate(article.claims):
                assert article.text[claim.start : claim.end] == claim.text
                assert claim.index == i


# --- layouts ---------------------------------------------------------------------------------


def test_story_folder_loads_articles_sorted_by_file_name(tmp_path: Path) -> None:
    story = tmp_path / "geneva"
    for name in ("b.txt", "a.md", "c.TXT"):
        write(story / name, ARTICLE)
    corpus = load_corpus(story)
    assert [s.name for s in corpus.stories] == ["geneva"]
    assert [a.name for a in corpus.stories[0].articles] == ["a.md", "b.txt", "c.TXT"]
    article = corpus.stories[0].articles[0]
    assert article.title == "A headline about talks"
    assert [c.text for c in article.claims] == [
        "A headline about talks",  # the headline is a claim too
        "The talks began on Monday.",
        "Both sides spoke.",
    ]
    assert corpus.skipped == []


def test_folder_of_story_folders(tmp_path: Path) -> None:
    write(tmp_path / "one" / "x.txt", ARTICLE)
    write(tmp_path / "two" / "y.txt", ARTICLE)
    write(tmp_path / "two" / "z.txt", ARTICLE)
    write(tmp_path / "two" / "deeper" / "w.txt", ARTICLE)
    write(tmp_path / "README.md", "About this dataset.\n")
    corpus = load_corpus(tmp_path)
    assert [(s.name, len(s.articles)) for s in corpus.stories] == [("one", 1), ("two", 2)]
    reasons = skipped_reasons(corpus)
    assert "folder" in reasons["deeper"]
    assert "story folder" in reasons["README.md"]
    # Same sentence in two stories, different ids: stories never share claims.
    assert corpus.stories[0].articles[0].claims[0].id != corpus.stories[1].articles[0].claims[0].id


def test_a_folder_of_stories_says_which_folders_hold_no_article(tmp_path: Path) -> None:
    write(tmp_path / "one" / "x.txt", ARTICLE)
    (tmp_path / "empty").mkdir()
    write(tmp_path / "photos" / "a.jpg", b"\xff\xd8\xff")
    write(tmp_path / "2022" / "talks" / "y.txt", ARTICLE)  # a story one level too deep
    write(tmp_path / "rules" / "guidelines.md", "Tag each claim.\n")
    corpus = load_corpus(tmp_path)
    assert [s.name for s in corpus.stories] == ["one"]
    reasons = skipped_reasons(corpus)
    for folder in ("empty", "photos", "2022", "rules"):
        # not "not inside a story folder": it is a folder, it just holds no article
        assert reasons[folder] == "no article in this folder (.txt or .md files directly in it)"


def test_story_folder_with_a_subfolder_skips_the_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "s" / "a.txt", ARTICLE)
    write(tmp_path / "s" / "images" / "photo.jpg", b"\xff\xd8\xff")
    corpus = load_corpus(tmp_path / "s")
    assert [a.name for a in corpus.stories[0].articles] == ["a.txt"]
    assert "folder" in skipped_reasons(corpus)["images"]


def test_single_file_is_a_story_of_one(tmp_path: Path) -> None:
    f = write(tmp_path / "report.txt", ARTICLE)
    corpus = load_corpus(f)
    assert [(s.name, [a.name for a in s.articles]) for s in corpus.stories] == [
        ("report", ["report.txt"])
    ]


def test_missing_path_raises_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path / "nope")
    assert "no such file" in str(err.value)
    assert "\n" not in str(err.value)


def test_single_bad_file_raises_a_one_line_error(tmp_path: Path) -> None:
    f = write(tmp_path / "bin.txt", b"\x00\x01\x02")
    with pytest.raises(CorpusError) as err:
        load_corpus(f)
    assert "binary" in str(err.value)
    assert "\n" not in str(err.value)


# --- files that are skipped ---------------------------------------------------------------------


def test_bad_files_are_skipped_with_reasons_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "binary.txt", b"GIF89a\x00\x00\x01")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.md", b"  \n\n\t\n")
    write(tmp_path / "huge.txt", "word " * 400)
    write(tmp_path / "bad-bom.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfa broken")
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / "notes.docx", ARTICLE)
    write(tmp_path / "page.html", ARTICLE)
    corpus = load_corpus(tmp_path, max_bytes=1000)
    assert [a.name for a in corpus.stories[0].articles] == ["good.txt"]
    reasons = skipped_reasons(corpus)
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "no text" in reasons["blank.md"]
    assert "too large" in reasons["huge.txt"]
    assert "byte order mark" in reasons["bad-bom.txt"]
    assert reasons[".hidden.txt"] == "hidden"
    assert "not a .txt or .md" in reasons["notes.docx"]
    assert "not a .txt or .md" in reasons["page.html"]
    assert all("\n" not in r for r in reasons.values())


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html>\n<html><head><title>Storm</title></head><body><p>{}</p></body></html>",
        "\ufeff  <!-- saved from url=(0031)https://example.com/ -->\n<HTML lang=en>\n<p>{}</p>",
        "<html>\n<body>\n<p>{}</p>\n</body>\n</html>\n",
    ],
)
def test_a_web_page_saved_as_txt_is_skipped_saying_so(tmp_path: Path, page: str) -> None:
    # it was one claim from "<html>" to "</html>", its markup and scripts the article's text
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "page.txt", page.format("The storm hit the coast on Monday."))
    corpus = load_corpus(tmp_path)
    assert [a.name for a in corpus.stories[0].articles] == ["good.txt"]
    assert "web page (HTML)" in skipped_reasons(corpus)["page.txt"]
    # an article that only mentions a tag, or quotes one, is still an article
    write(tmp_path / "tags.txt", "<html> tags were found in the reply. The storm hit on Monday.\n")
    assert "tags.txt" in [a.name for a in load_corpus(tmp_path).stories[0].articles]


def test_load_article_raises_article_error_for_too_large(tmp_path: Path) -> None:
    f = write(tmp_path / "big.txt", "x" * 2000)
    with pytest.raises(ArticleError, match="too large"):
        load_article("s", f, max_bytes=1000)


def test_folder_with_nothing_readable_reports_it(tmp_path: Path) -> None:
    write(tmp_path / "a.pdf", b"%PDF")
    corpus = load_corpus(tmp_path)
    assert corpus.stories == []
    assert any("no readable" in s.reason for s in corpus.skipped)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_skipped_without_hanging(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # nobody ever writes: opening it for reading would block
    started = time.monotonic()
    corpus = load_corpus(tmp_path)
    assert time.monotonic() - started < 5
    assert [a.name for a in corpus.stories[0].articles] == ["good.txt"]
    assert "FIFO" in skipped_reasons(corpus)["pipe.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_given_directly_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(CorpusError, match="FIFO"):
        load_corpus(tmp_path / "pipe")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    story = tmp_path / "story"
    write(story / "a.txt", ARTICLE)
    (story / "loop").symlink_to(story, target_is_directory=True)
    (story / "self.txt").symlink_to(story / "self.txt")  # a link to itself
    corpus = load_corpus(story)
    assert [a.name for a in corpus.stories[0].articles] == ["a.txt"]
    reasons = skipped_reasons(corpus)
    assert "not followed" in reasons["loop"]
    assert "self.txt" in reasons


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_file_behind_a_symlink_is_skipped_not_read(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    corpus = load_corpus(tmp_path, follow_symlinks=True)
    assert [a.name for a in corpus.stories[0].articles] == ["good.txt"]
    assert "not a regular file" in skipped_reasons(corpus)["zero.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlinked_file_is_read(tmp_path: Path) -> None:
    target = write(tmp_path / "elsewhere" / "real.txt", ARTICLE)
    story = tmp_path / "story"
    story.mkdir()
    (story / "link.txt").symlink_to(target)
    corpus = load_corpus(story, follow_symlinks=True)
    assert [a.name for a in corpus.stories[0].articles] == ["link.txt"]


def test_many_small_files_load_quickly(tmp_path: Path) -> None:
    for i in range(2000):
        write(tmp_path / f"{i:05d}.txt", f"Title {i}\n\nClaim number {i} was made. Another.\n")
    corpus = load_corpus(tmp_path)
    articles = corpus.stories[0].articles
    assert len(articles) == 2000
    assert articles[1234].claims[1].text == "Claim number 1234 was made."


def test_each_story_folder_is_recognised_in_one_look(monkeypatch: pytest.MonkeyPatch) -> None:
    # each entry of a folder of stories was looked up in the list of story folders: 50,000
    # story folders cost 11 s of comparisons (entries x story folders)
    from reader.corpus import loader

    compared = 0

    class Entry:  # a story folder's directory entry, counting the comparisons made with it
        path = "story"

        def __eq__(self, other: object) -> bool:
            nonlocal compared
            compared += 1
            return self is other

        __hash__ = object.__hash__

    loaded = []
    monkeypatch.setattr(loader, "_scan", lambda folder, leave_out: [])
    monkeypatch.setattr(loader, "_load_story", lambda *args: iter(loaded.append(args) or ()))
    entries = [Entry() for _ in range(2_000)]
    list(loader._stories(Path("."), entries, entries, Corpus(), 1, None))
    assert len(loaded) == 2_000
    assert compared < 100  # (it was 2,000,000)


# --- decoding and offsets through the loader ------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
        lambda s: s.replace("\n", "\r").encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: codecs.BOM_UTF16_LE + s.replace("\n", "\r\n").encode("utf-16-le"),
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    ],
    ids=["crlf", "cr", "utf8-bom", "utf16le-crlf", "utf16be"],
)
def test_offsets_hold_for_every_encoding(tmp_path: Path, encode) -> None:
    source = (
        "Title 🎉 here\n\nThe café\u0301 opened 🎉 today. Mr. Smith came at 6 p.m. on Monday.\n\n"
        "“No.” He left. Price rose 2.5% in the U.S. Then it fell.\n"
    )
    raw = encode(source)
    write(tmp_path / "a.txt", raw)
    corpus = load_corpus(tmp_path)
    article = corpus.stories[0].articles[0]
    assert article.text == source
    assert article.title == "Title 🎉 here"
    check_offsets(corpus)
    assert [c.text for c in article.claims] == [
        "Title 🎉 here",
        "The café\u0301 opened 🎉 today.",
        "Mr. Smith came at 6 p.m. on Monday.",
        "“No.”",
        "He left.",
        "Price rose 2.5% in the U.S.",
        "Then it fell.",
    ]
    assert article.sha256 == hashlib.sha256(raw).hexdigest()


def test_cp1252_article_loads_with_warning(tmp_path: Path) -> None:
    write(tmp_path / "old.txt", "Old title\n\nIt cost 5€ — “cheap”.\n".encode("cp1252"))
    article = load_corpus(tmp_path).stories[0].articles[0]
    assert article.encoding == "cp1252"
    assert any("cp1252" in w for w in article.warnings)
    assert article.claims[1].text == "It cost 5€ — “cheap”."


def test_control_characters_in_text_are_replaced_and_offsets_hold(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "Title\n\nEvil \x1b[2J clear \u202eevil. Fine.\n")
    corpus = load_corpus(tmp_path)
    article = corpus.stories[0].articles[0]
    assert "\x1b" not in article.text and "\u202e" not in article.text
    assert article.claims[1].text == "Evil \ufffd[2J clear \ufffdevil."
    check_offsets(corpus)


def test_skipped_file_names_are_sanitized(tmp_path: Path) -> None:
    write(tmp_path / "evil\x1b[31m.bin", b"x")
    write(tmp_path / "ok.txt", ARTICLE)
    corpus = load_corpus(tmp_path)
    assert all("\x1b" not in s.path for s in corpus.skipped)


# --- the seed story ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS)


def test_seeds_load_as_one_story_of_five(seeds) -> None:
    assert [s.name for s in seeds.stories] == ["seeds"]
    assert len(seeds.stories[0].articles) == 5
    assert seeds.skipped == []
    check_offsets(seeds)


def test_seed_titles_skip_the_app_prompt(seeds) -> None:
    titles = [a.title for a in seeds.stories[0].articles]
    assert titles[2] == "US and Russia vow to keep talking as their differences persist"
    assert titles[0] == "US-Russian talks show little overall progress amid Ukraine crisis"
    for a in seeds.stories[0].articles:
        s, e = a.title_span
        assert a.text[s:e] == a.title
        # the headline is the article's first claim, checked like any other
        assert a.claims[0].text == a.title


def test_seed_claims_contain_no_boilerplate(seeds) -> None:
    claims = [c.text for c in seeds.stories[0].claims()]
    for junk in (
        "Start reading",
        "Leave a Reply",
        "Leave A Reply",
        "Source link",
        "Click: See details",
        "Get all your news in one place.",
        "Tribune News Service",
        "World",
        "Ilya Arkhipov and Nick Wadhams",
        "Download the app",
        "Your email address will not be published.",
        "anatolii stepanov / Agence France-Presse / Getty Images",
    ):
        assert junk not in claims
    assert not [c for c in claims if "Copyright" in c or "protected]" in c or "Photo" in c]


def test_seed_claim_count_and_known_sentences(seeds) -> None:
    claims = [c.text for c in seeds.stories[0].claims()]
    assert 185 <= len(claims) <= 205
    assert "Sherman said Russia had a stark choice to make." in claims
    assert (
        "Deputy Foreign Minister Sergei A. Ryabkov, Russia’s lead negotiator, insisted after "
        "the meeting that it was “absolutely mandatory” that Ukraine “never, never, ever” become "
        "a NATO member." in claims
    )
    ids = [c.id for c in seeds.stories[0].claims()]
    assert len(set(ids)) == len(ids)


def test_seed_ids_are_stable_across_loads(seeds) -> None:
    again = load_corpus(SEEDS)
    assert [c.id for c in again.stories[0].claims()] == [c.id for c in seeds.stories[0].claims()]


MARKDOWN_ARTICLE = """---
source: The Example Post
url: https://example.com/ferry
---
# Ferry capsizes off Karsby, killing at least 12

*By Jane Doe* | [The Example Post](https://example.com)

A ferry carrying **180 passengers** capsized off [Karsby](https://example.com/karsby) early on
Tuesday, killing at least 12 people, the coast guard said.

![A coast guard vessel near Karsby](https://example.com/photo.jpg)

- Rescuers pulled 150 people from the water.
- The ferry had left the port at 2&nbsp;a.m. &amp; sank within minutes.

<div class="ad">Advertisement</div>

```
console.log("tracking")
```
"""


def test_a_markdown_article_is_read_as_the_text_it_renders_to(tmp_path: Path) -> None:
    (tmp_path / "ferry.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    article = load_article("story", tmp_path / "ferry.md")
    assert article.title == "Ferry capsizes off Karsby, killing at least 12"
    assert article.source == "The Example Post"  # front matter read as for any article
    assert [c.text for c in article.claims] == [
        "Ferry capsizes off Karsby, killing at least 12",
        "A ferry carrying 180 passengers capsized off Karsby early on Tuesday, killing at least "
        "12 people, the coast guard said.",
        "Rescuers pulled 150 people from the water.",
        "The ferry had left the port at 2\xa0a.m. & sank within minutes.",
    ]
    for c in article.claims:  # offsets into the article's (rendered) text
        assert article.text[c.start : c.end] == c.text


def test_a_text_article_keeps_markdown_like_characters_as_written(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text("Ferry sinks\n\nThe **180** passengers were safe.\n")
    article = load_article("story", tmp_path / "ferry.txt")
    assert [c.text for c in article.claims][-1] == "The **180** passengers were safe."


def test_a_markdown_article_of_markup_only_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.md").write_text("![a photo](https://example.com/a.jpg)\n\n<div>ad</div>\n")
    with pytest.raises(ArticleError, match="only Markdown markup"):
        load_article("story", tmp_path / "photo.md")


@pytest.mark.parametrize(
    "nested",
    [
        ">" * 50 + " The ferry sank on Tuesday.\n",
        "".join("  " * k + "- The ferry sank on Tuesday.\n" for k in range(40)),
    ],
)
def test_markdown_nested_too_deep_to_render_is_read_as_plain_text(
    tmp_path: Path, nested: str
) -> None:
    # markdown-it stops reading past 20 levels: the rest of the article was silently gone
    (tmp_path / "deep.md").write_text("Ferry sinks\n\n" + nested)
    article = load_article("story", tmp_path / "deep.md")
    assert article.text.count("The ferry sank on Tuesday.") == nested.count("The ferry")
    assert any("nested too deep" in w for w in article.warnings)


REPORT = [
    "The Marrow river flood forced 3,000 residents of Dunmore from their homes on Monday.",
    "Engineers opened the Karsby sluice gates at the reservoir late on Sunday night.",
    "The mayor said the old market quarter would stay closed until the water fell.",
    "Insurers expect thousands of claims from shopkeepers across the flooded district.",
]


def test_an_article_that_copies_another_is_named_a_copy(tmp_path: Path) -> None:
    story = tmp_path / "flood"
    story.mkdir()
    (story / "a.txt").write_text("Flood in Dunmore\n\n" + " ".join(REPORT) + "\n")
    # the same wire report under another headline, a sentence cut, one added
    copy = "Dunmore flooded\n\n" + " ".join([*REPORT[:3], "Schools will reopen on Thursday."])
    (story / "b.txt").write_text(copy + "\n")
    # an independent report quoting one of the same sentences in full
    (story / "c.txt").write_text(
        "Residents leave\n\n" + REPORT[2] + " Volunteers stacked sandbags along the embankment"
        " through the night. Police closed the bridge near Holt after it was damaged.\n"
    )
    a, b, c = load_corpus(story).stories[0].articles
    assert b.warnings == [
        "a copy of a.txt: it repeats 3 of its 3 long sentences word for word, not an "
        "independent source"
    ]
    assert a.warnings == [] and c.warnings == []
    done = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(story), "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "warning flood/b.txt: a copy of a.txt: it repeats 3 of its 3" in done.stdout


def test_copies_of_one_report_are_found_in_linear_time() -> None:
    # each article counted the sentences it shares with every earlier article giving them: a
    # story of 2,000 copies of one report took 2.5 s to check (articles squared), now 0.1 s
    from dataclasses import replace

    from reader.corpus.copies import copy_warnings
    from reader.corpus.loader import build_article

    report = build_article("flood", "a.txt", "a.txt", ("Flood\n\n" + " ".join(REPORT)).encode())

    def seconds(copies: int) -> float:
        articles = [replace(report, name=f"{k}.txt") for k in range(copies)]
        took, warnings = fastest(lambda: copy_warnings(articles))
        assert len(warnings) == copies - 1 and warnings["7.txt"].startswith("a copy of 0.txt")
        return took

    # ten times the copies: about ten times the time (it was a hundred)
    assert seconds(3_000) < 30 * seconds(300)


def test_an_article_with_nothing_to_review_is_skipped_and_said(tmp_path: Path) -> None:
    # it was imported with no claim: an empty pane in the app, and counted among the sources
    story = tmp_path / "s"
    story.mkdir()
    (story / "a.md").write_text("---\ntitle: Flood in Dunmore\nsource: Herald\n---\n")
    (story / "b.txt").write_text("---\nsource: Gazette\n---\n\n")
    (story / "c.txt").write_text("---\nsource: Post\n---\nFlood\n\nThe river rose on Monday.\n")
    corpus = load_corpus(story)
    assert [a.name for a in corpus.stories[0].articles] == ["c.txt"]  # (look-alike: kept)
    assert sorted((Path(s.path).name, s.reason) for s in corpus.skipped) == [
        ("a.md", "no sentence to review: only front matter or boilerplate"),
        ("b.txt", "no sentence to review: only front matter or boilerplate"),
    ]


def test_articles_and_stories_are_in_the_order_a_file_manager_shows(tmp_path: Path) -> None:
    # "part10" came before "part2": a reviewer going through the articles jumped ahead
    for story in ("day10", "day2", "day1"):
        for name in ("part10.txt", "part2.txt", "part1.txt", "Part3.txt"):
            (tmp_path / story).mkdir(exist_ok=True)
            (tmp_path / story / name).write_text(f"{name}\n\nThe river rose on Monday.\n")
    corpus = load_corpus(tmp_path)
    assert [s.name for s in corpus.stories] == ["day1", "day2", "day10"]
    names = [a.name for a in corpus.stories[0].articles]
    assert names == ["part1.txt", "part2.txt", "Part3.txt", "part10.txt"]
    with Store.open(tmp_path / "c.db") as store:
        for story in corpus.stories:
            store.import_story(story, [], [])
        assert store.stories() == ["day1", "day2", "day10"]
        assert [a.name for a in store.articles("day2")] == names
