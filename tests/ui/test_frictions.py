"""Small frictions, fixed: undo says what it changed, the note editor keeps typed text unless
told, the export dialog shows the full path and asks before replacing, a click selects a claim."""

from __future__ import annotations

import csv
from pathlib import Path

from textual.widgets import Static, TextArea

from annotations.store import Store
from reader.ui.app import build_app
from reader.ui.article_view import ArticleView
from reader.ui.dialogs import ConfirmScreen, ExportScreen, NoteScreen
from ui.helpers import REVIEWER, first_claims, labels, screen_lines

SIZE = (120, 36)


async def test_undo_and_redo_say_what_they_changed(sourced_db: str) -> None:
    third = first_claims(sourced_db, 3)[2]
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "j", "c", "ctrl+z")
        await pilot.pause()
        assert labels(sourced_db) == {}
        said = [n.message for n in app._notifications]
        assert "undid: consistent on claim 3 of The Wall Street Journal" in said
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert labels(sourced_db) == {third.id: "consistent"}
        said = [n.message for n in app._notifications]
        assert "redid: consistent on claim 3 of The Wall Street Journal" in said


async def test_note_editor_starts_at_the_end_and_asks_before_discarding(seeded_db: str) -> None:
    claim = first_claims(seeded_db, 1)[0]
    with Store.open(seeded_db) as store:
        store.set_note(claim.id, REVIEWER, "first line\nsecond")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        area = app.screen.query_one(TextArea)
        assert area.cursor_location == (1, 6)  # after "second"
        await pilot.press(*" and more", "escape")
        assert isinstance(app.screen, ConfirmScreen)  # typed text is not thrown away unasked
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        assert area.text == "first line\nsecond and more"
        await pilot.press("ctrl+s")
        await pilot.press("e", "escape")  # unchanged: closes at once
        assert not isinstance(app.screen, (NoteScreen, ConfirmScreen))
        await pilot.press("e", "x", "escape", "y")
        assert not isinstance(app.screen, (NoteScreen, ConfirmScreen))
    with Store.open(seeded_db) as store:
        assert store.annotation(claim.id, REVIEWER).note == "first line\nsecond and more"


async def test_export_shows_the_full_path_asks_before_replacing_and_offers_everyone(
    seeded_db: str,
) -> None:
    claims = first_claims(seeded_db, 2)
    with Store.open(seeded_db) as store:
        store.set_label(claims[1].id, "unverified", "someone-else")
    Path("labels.csv").write_text("keep me\n")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "s")
        app.screen.query_one("#export-path").value = "labels.csv"
        await pilot.pause()
        full = str(Path("labels.csv").absolute())
        assert any(full in line for line in screen_lines(app))
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # not replaced
        assert isinstance(app.screen, ExportScreen)
        assert Path("labels.csv").read_text() == "keep me\n"
        await pilot.click("#who-all")
        await pilot.click("#export")
        await pilot.press("y")
        await pilot.pause()
    with open("labels.csv", newline="", encoding="utf-8") as f:
        rows = {(r["reviewer"], r["label"]) for r in csv.DictReader(f)}
    assert rows == {(REVIEWER, "consistent"), ("someone-else", "unverified")}
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        app.screen.query_one("#export-path").value = "mine.csv"
        await pilot.press("enter")  # new file: no question; my labels by default
        await pilot.pause()
    with open("mine.csv", newline="", encoding="utf-8") as f:
        assert {r["reviewer"] for r in csv.DictReader(f)} == {REVIEWER}


async def test_clicking_a_claim_selects_it(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one("#article", ArticleView)
        target = view.claim_at(10, 8)
        assert target is not None and target != app.review.claim
        await pilot.click("#article", offset=(11, 9))  # +1: the border
        assert app.review.claim == target
        await pilot.press("x")
        compare = app.query_one("#compare", ArticleView)
        other = compare.claim_at(10, 10)
        await pilot.click("#compare", offset=(11, 11))
        assert app.compare_cursor == other.id
    assert labels(seeded_db) == {target.id: "contradicted"}


async def test_suggestion_hints_name_articles_by_their_source(sourced_db: str) -> None:
    # a hint ("polarity: ... 'never' in 002_….txt") named the file where the reason beside it
    # named the outlet
    with Store.open(sourced_db) as store:
        (story,) = store.stories()
        articles = {a.name: a.source for a in store.articles(story)}
        ids = [r[0] for r in store.conn.execute("SELECT claim_id FROM suggestions")]
        hinted = [
            s
            for s in map(store.suggestion, ids)
            if s and any(n in h for h in s.hints for n in articles)
        ]
    assert hinted
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(200, 60)) as pilot:
        assert app.review.go_claim(hinted[0].claim_id)
        app.show_article()
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "Suggested:" in shown
        assert not [n for n in articles if n in shown]
        assert any(source in shown for source in articles.values())


async def test_export_onto_an_imported_article_is_refused_in_the_dialog(
    seeded_db: str, tmp_path: Path
) -> None:
    # the dialog said "(exists: asks before replacing)", asked "Replace it?", and only after a
    # yes said the export failed: the file was safe, the question was wrong
    article = Path("seeds/000_841ac63cb8323543.txt")
    before = article.read_bytes()
    other = tmp_path / "team.db"  # another database: never replaced either
    Store.open(other).close()
    database = other.read_bytes()
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        app.screen.query_one("#export-path").value = str(article)
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "imported article" in shown and "asks before replacing" not in shown, shown
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # no question; the reviewer picks another
        app.screen.query_one("#export-path").value = "seeds/new.md"  # would become an article
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "read as one by" in shown, shown  # what it would become (the line may wrap)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(other)
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "(an SQLite" in shown and "asks before replacing" not in shown, shown  # (wraps)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        # CSV under a spreadsheet's name is a file Excel will not open
        app.screen.query_one("#export-path").value = str(tmp_path / "labels.xlsx")
        await pilot.pause()
        said = str(app.screen.query_one("#export-full-path", Static).content)
        assert said.endswith("labels.xlsx  (a .xlsx name for CSV: not written)")
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen) and not (tmp_path / "labels.xlsx").exists()
    assert article.read_bytes() == before
    assert not Path("seeds/new.md").exists()
    assert other.read_bytes() == database


async def test_tagging_the_last_claim_of_an_article_says_where_to_go_next(
    sourced_db: str,
) -> None:
    # the cursor stayed on the last claim without a word: the next tag key retagged it
    with Store.open(sourced_db) as store:
        story = store.stories()[0]
        first = store.articles(story)[0].name
        count = len(store.claims(story, first))
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*["j"] * (count - 2), "c")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert not any(m.startswith("That was the last claim") for m in said)  # one more
        await pilot.press("c")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said[-1] == (
            "That was the last claim of this article: ] for the next article, n for the next "
            "untagged claim."
        )
        assert app.review.article.name == first  # it stays: the reviewer decides


async def test_export_choices_read_without_colour(seeded_db: str) -> None:
    # every radio button showed ● and every checkbox X, on or off: only their colour told
    # which format and which labels would be exported (nothing, on a terminal without colour)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()

        def row(label: str) -> str:
            line = next(ln for ln in screen_lines(app) if label in ln)
            return line[: line.index(label) + len(label)].rsplit("▐", 1)[-1]

        assert row("CSV") == "●▌ CSV" and row("JSONL") == " ▌ JSONL"
        assert row("Every claim") == " ▌ Every claim"
        await pilot.click("#fmt-jsonl")
        await pilot.click("#export-all")
        await pilot.pause()
        assert row("CSV") == " ▌ CSV" and row("JSONL") == "●▌ JSONL"
        assert row("Every claim") == "X▌ Every claim"
