"""Stories of unusual shapes: one article, two, many whose file names share a long start."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import build_app
from ui.conftest import import_into
from ui.helpers import REVIEWER, screen_lines, settled

SIZE = (80, 24)
BODY = "Talks end in Geneva\n\nThe talks lasted {n} hours. Officials met on Monday. Ten left.\n"


def story_db(tmp_path: Path, names: list[str]) -> str:
    story = tmp_path / "story"
    story.mkdir()
    for n, name in enumerate(names):
        (story / name).write_text(BODY.format(n=n + 2))
    import_into(str(tmp_path / "review.db"), story)
    return str(tmp_path / "review.db")


def said(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_o_and_brackets_on_a_story_of_one_article_say_why_nothing_changes(
    tmp_path: Path,
) -> None:
    # `o` did nothing without a word; `]` and `[` sent the cursor back to claim 1
    app = build_app(story_db(tmp_path, ["only.txt"]), REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "j")
        await pilot.press("o")
        assert said(app) == ["This story has no other article to compare with."]
        for key in ("right_square_bracket", "left_square_bracket"):
            await pilot.press(key)
            assert app.review.claim_index == 2
            assert said(app) == ["This story has one article."]
            assert any("claim 3/4" in line for line in screen_lines(app))


async def test_o_on_a_story_of_two_articles_names_the_one_already_shown(tmp_path: Path) -> None:
    app = build_app(story_db(tmp_path, ["a.txt", "b.txt"]), REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("o")
        assert said(app) == ["b is the story's only other article."]
        assert app.compare_name == "b.txt"


LONG = "the-very-long-common-prefix-of-a-syndicated-report-about-the-geneva-talks-"


async def test_articles_whose_file_names_share_a_long_start_are_told_apart(
    tmp_path: Path,
) -> None:
    # every article was called "the-very-long-common-pr…": panes, evidence, reasons alike
    names = [f"{LONG}{n:02d}.txt" for n in range(4)]
    app = build_app(story_db(tmp_path, names), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("j")  # "The talks lasted 2 hours.": its counterpart in each article
        shown = screen_lines(app)
        rows = [line for line in shown if line.startswith(("│1 ", "│2 ", "│3 "))]
        cells = [row.split("○ ")[1][:12] for row in rows]
        assert sorted(cells) == ["the-v…lks-01", "the-v…lks-02", "the-v…lks-03"], shown
        assert "1/4 the-v…lks-00 ·" in shown[2] and "o: the-v…lks-01" in shown[2]
        await pilot.press("o")
        assert "o: the-v…lks-02" in screen_lines(app)[2]


def test_names_are_changed_only_where_two_would_read_the_same() -> None:
    from reader.ui.textutil import distinct_names

    seeds = {"wsj.txt": "The Wall Street Journal", "ft.txt": "Financial Times", "b.md": "BBC"}
    assert distinct_names(seeds) == seeds
    twice = {"r1.txt": "Reuters", "r2.txt": "Reuters", "bbc.txt": "BBC"}
    assert distinct_names(twice) == {
        "r1.txt": "Reuters · r1",
        "r2.txt": "Reuters · r2",
        "bbc.txt": "BBC",
    }
    # the same long start and end: numbered in story order
    same_ends = {f"{LONG}{n}-{LONG}.txt": "x" * 30 for n in range(2)}
    assert [name[-3:] for name in distinct_names(same_ends).values()] == [" #1", " #2"]
    assert all(len(name) <= 12 for name in distinct_names(same_ends).values())
