"""Text from files is shown exactly as written: never markup, never terminal escapes."""

from __future__ import annotations

import time
from pathlib import Path

from storyfactory import make_evidence, make_story

from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.article_view import GUTTER, ArticleView
from ui.helpers import REVIEWER, labels

HOSTILE = {
    "[red]evil[/red].txt": [
        "[b]Bold[/b] title with [@click=app.quit]quit[/] inside",
        "Officials said [/b] the [@click=app.quit]x[/] bridge closed.",
        "A red \x1b[31mwarning\x1b[0m and a \x1b]0;pwned\x07 title.",
    ],
    "plain.txt": ["Officials said the bridge was closed on Monday."],
}


def screen_text(view: ArticleView) -> str:
    """The visible article text with the gutter cut off and wrapped lines joined again."""
    return " ".join(view.render_line(y).text[GUTTER:].rstrip() for y in range(view.size.height))


async def test_markup_and_escapes_render_literally_and_clicks_do_nothing(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    story = make_story("[bold]story", HOSTILE)
    store = Store.open("review.db")
    store.import_story(story, make_evidence(story))
    store.close()
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        if app.review.article.name != "[red]evil[/red].txt":
            await pilot.press("right_square_bracket")
        view = app.query_one("#article", ArticleView)
        shown = screen_text(view)
        assert "[b]Bold[/b] title with [@click=app.quit]quit[/] inside" in shown
        assert "Officials said [/b] the [@click=app.quit]x[/] bridge closed." in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "A red \ufffd[31mwarning\ufffd[0m" in shown  # each control char replaced one-for-one
        article_list = app.query_one("#articles")
        assert any("[red]evil[/red]" in article_list.render_line(y).text for y in range(12))
        assert "[bold]story" in str(app.query_one("#status").render())
        # click on every line of the article (where the [@click] text is) and on the list
        for y in range(6):
            for x in (3, 10, 20, 30, 40):
                await pilot.click("#article", offset=(x, y))
        await pilot.click("#articles", offset=(5, 1))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
    assert labels("review.db") == {}


async def test_a_two_megabyte_single_line_article_opens_at_once(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sentences = [f"Sentence {i} says the bridge closed for {i % 24} hours." for i in range(40_000)]
    story = make_story("huge", {"huge.txt": sentences, "small.txt": sentences[:3]})
    assert len(story.articles[0].text) > 2_000_000 and "\n" not in story.articles[0].text
    store = Store.open("review.db")
    store.import_story(story, [])
    store.close()
    app = build_app("review.db", REVIEWER)
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        if app.review.article.name != "huge.txt":
            await pilot.press("right_square_bracket")
        await pilot.press("j", "c")
        opened = time.perf_counter() - started
        view = app.query_one("#article", ArticleView)
        assert "Sentence 1 says" in "".join(view.render_line(y).text for y in range(20))
        view.scroll_end(animate=False)
        await pilot.pause()
        assert "Sentence 39999" in "".join(view.render_line(y).text for y in range(20))
    assert opened < 5, f"opening took {opened:.1f}s"
    assert list(labels("review.db").values()) == ["consistent"]


async def test_hostile_front_matter_is_shown_literally_and_never_executed(
    tmp_path: Path, monkeypatch
) -> None:
    from ui.conftest import import_into
    from ui.helpers import screen_lines

    monkeypatch.chdir(tmp_path)
    canary = tmp_path / "ran"
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text(
        "---\n"
        "source: '[@click=app.quit]Evil[/] [b]News'\n"
        'published: "2022\\x1b[31m-01"\n'
        "---\n"
        "Bridge closes\n\nOfficials said the bridge closed on Monday after the storm.\n"
    )
    (story / "b.md").write_text(
        "---\n"
        f'source: !!python/object/apply:os.system ["touch {canary}"]\n'
        "---\n"
        "Bridge shut\n\nOfficials said the bridge closed on Monday after a storm.\n"
    )
    import_into("review.db", story)
    assert not canary.exists()
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "[@click=app.quit]Evil[/] [b]News · 2022\ufffd[31m-01" in shown  # info line
        assert "1/2 [@click=app.quit]Evil[/… · 0/2" in shown  # pane title, cut at the end
        assert "o: !!python/object/apply:os.syst…" in shown  # the other pane title, as text
        assert "\x1b" not in shown
        await pilot.click("#info", offset=(3, 0))
        await pilot.pause()
        assert app.is_running
    assert not canary.exists()


async def test_a_note_dialog_title_is_shown_as_written(seeded_db: str) -> None:
    from textual.widgets import Label

    from reader.ui.dialogs import NoteScreen

    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(NoteScreen("claim", "", title="[b]Reason[/b] [@click=app.quit]x[/]"))
        await pilot.pause()
        title = app.screen.query_one(".dialog-title", Label)
        assert str(title.render()).startswith("[b]Reason[/b] [@click=app.quit]x[/] (ctrl+s")
        await pilot.click(".dialog-title")
        assert app.is_running


async def test_a_database_name_that_is_not_utf8_is_shown_as_the_command_line_shows_it(
    seeded_db: str,
) -> None:
    # the status line said "db: x\udcff.db" (Python's lone surrogate) where every message
    # of the command line says x\xff.db, the byte the file name holds
    import os

    from ui.helpers import screen_lines

    name = os.fsdecode(b"x\xff.db")
    os.rename(seeded_db, name)
    app = build_app(name, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        status = screen_lines(app)[0]
        assert "db: x\\xff.db" in status, status


async def test_editing_a_note_keeps_the_characters_shown_replaced(seeded_db: str) -> None:
    # a note holding right-to-left marks (pasted with an Arabic quote) or an escape: the editor
    # shows each as U+FFFD, and saving wrote the U+FFFDs, even with nothing edited there
    from ui.helpers import first_claims

    claim = first_claims(seeded_db, 1)[0]
    note = "\u200fقال المتحدث\u200f: \x1b[31m"
    with Store.open(seeded_db) as store:
        store.set_note(claim.id, REVIEWER, note)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        shown = app.screen.query_one("#note-text").text
        assert "\u200f" not in shown and "\x1b" not in shown  # still never shown as they are
        await pilot.press("space", "o", "k", "ctrl+s")
        await pilot.press("e", "home", "x", "ctrl+s")
    with Store.open(seeded_db) as store:
        assert store.annotation(claim.id, REVIEWER).note == "x" + note + " ok"
