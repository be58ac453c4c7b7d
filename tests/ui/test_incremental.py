"""Panels are rebuilt only when what they show changed, and then they do change."""

from __future__ import annotations

from reader.ui.app import build_app
from reader.ui.panels import ArticleList
from ui.helpers import REVIEWER


def _row(app) -> str:
    articles = app.query_one(ArticleList)
    return articles.get_option(f"a:{app.review.article_index}").prompt.plain


async def test_the_article_list_row_follows_tag_undo_and_moves(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        total = app.review.progress(app.review.article.name).total
        assert f" 0/{total} tagged" in _row(app)
        await pilot.press("j", "k")  # moves alone leave the row as it was
        assert f" 0/{total} tagged" in _row(app)
        await pilot.press("c")
        await pilot.pause()
        assert f" 1/{total} tagged" in _row(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert f" 0/{total} tagged" in _row(app)
