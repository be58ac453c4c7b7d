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


def test_progress_counts_follow_every_kind_of_write(seeded_db: str) -> None:
    # the counts are kept as labels change rather than recounted on every key: after each
    # write they must equal a recount of what the database holds
    from annotations.store import Store
    from reader.ui.session import Review

    store = Store.open(seeded_db)
    try:
        review = Review(store, REVIEWER)
        review.restore()

        def recount(article: str | None = None) -> tuple[int, int]:
            names = [article] if article else [a.name for a in review.articles]
            stored = {a.claim_id for a in store.annotations(story=review.story, reviewer=REVIEWER)
                      if a.label}  # fmt: skip
            claims = [c for n in names for c in review.claims[n]]
            return sum(c.id in stored for c in claims), len(claims)

        def check() -> None:
            for name in [None, *(a.name for a in review.articles)]:
                p = review.progress(name)
                assert (p.tagged, p.total) == recount(name)

        review.tag("consistent")
        check()
        review.tag("contradicted")  # a new label on a tagged claim is not a second one
        check()
        review.move(1)
        review.tag("unverified")
        review.set_note("a note keeps the claim, not the count")
        review.clear()
        check()
        review.undo(lambda event: None)
        check()
        review.undo(lambda event: None, redo=True)
        check()
        review.go_article(1)
        review.accept_all(review.acceptable(), lambda count: None)
        check()
        assert review.progress().tagged >= 1
        review.undo(lambda event: None)  # the whole batch
        check()
    finally:
        store.close()


async def test_a_tag_key_redraws_only_the_tagged_claims_lines(seeded_db: str) -> None:
    from reader.ui.article_view import ReadingView
    from reader.ui.textutil import line_of
    from ui.conftest import writes_landed

    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("j", "c")  # a claim below the title, already tagged once
        await writes_landed(app)
        await pilot.pause()
        view = app.query_one("#article", ReadingView)
        claim = app.review.claim
        drawn: list[int] = []
        render_line = view.render_line

        def counted(y: int):
            drawn.append(int(view.scroll_y) + y)
            return render_line(y)

        view.render_line = counted
        await pilot.press("x")  # a new label, same count, same place: only its mark changes
        await writes_landed(app)
        await pilot.pause()
        first = line_of(view._lines, view._line_starts, claim.start)
        last = line_of(view._lines, view._line_starts, claim.end - 1)
        assert drawn, "the new mark was never drawn"
        assert set(drawn) <= set(range(first, last + 1)), (first, last, sorted(set(drawn)))
        assert view.labels[claim.id] == "contradicted"
        line = view.render_line(first - int(view.scroll_y)).text
        assert line.startswith(" ✗") or line.startswith("▶✗"), line


async def test_a_move_draws_the_visible_evidence_at_once_and_the_rest_after(
    seeded_db: str,
) -> None:
    # the candidates below the panel's height wait for the frame after the key: the key paints
    # sooner, and every candidate is still listed (numbered) once that frame is drawn
    from reader.ui.panels import EvidencePanel

    app = build_app(seeded_db, REVIEWER, advance=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.query_one(EvidencePanel)
        rendered: list[int] = []
        finish = panel._finish_body

        def counting(height: int | None = None) -> None:
            finish(height)
            rendered.append(len(panel._rows))

        panel._finish_body = counting
        await pilot.press("j")
        candidates = app.review.evidence()
        assert len(candidates) > 5
        assert 0 < rendered[0] < len(candidates)  # what fits first
        await pilot.pause()
        await pilot.pause()
        assert rendered[-1] == len(candidates)
        assert set(panel._rows) == set(range(1, len(candidates) + 1))
        await pilot.press("J", "J", "J", "J")  # the last candidate can be scrolled to
        await pilot.pause()
        first, _ = panel._rows[len(candidates)]
        assert panel.scroll_y > 0
        assert panel.scroll_y + panel.scrollable_content_region.height > first
