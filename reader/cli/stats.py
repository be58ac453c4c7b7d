"""`crossread stats`: per reviewer, progress per story and article and label counts that add
up to what that reviewer tagged; a header with what the team did together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.cli.terminal import wrapped
from reader.models import LABELS, counted, name_order, shown_name, shown_path

if TYPE_CHECKING:
    from annotations.store import Count, Store


def _line(name: str, count: Count, indent: str = "") -> str:
    pct = 100 * count.tagged / count.total if count.total else 0.0
    labels = "  ".join(f"{lab} {count.labels.get(lab, 0)}" for lab in LABELS)
    return f"{indent}{name}: {count.tagged}/{count.total} tagged ({pct:.0f}%)  {labels}"


def format_stats(store: Store, reviewer: str | None = None) -> Iterator[str]:
    """Lines of a plain-text progress report, one block per reviewer (or just `reviewer`)."""
    team = store.progress()
    names = [reviewer] if reviewer is not None else store.reviewers()
    stories = len(team.stories)
    claims = team.overall.total
    orphan_finals = 0  # decisions on claims a re-import took away (kept; export --final has them)
    if reviewer is None:
        orphan_finals = len(store.orphaned_finals())
        finals = len(store.finals()) - orphan_finals
        yield (
            f"{counted(claims, 'claim')} in {counted(stories, 'story', 'stories')}; "
            f"{team.overall.tagged:,} tagged by at least one of {counted(len(names), 'reviewer')}; "
            f"{finals} with a final label"
        )
    if not names:
        yield "nobody has tagged a claim yet"
    # each story's articles, looked up: scanning all articles for each story cost stories x
    # articles (5,000 stories of 2 articles: 6 s)
    articles: dict[str, list[tuple[str, Count]]] = {}
    for (s, article), acount in team.articles.items():
        articles.setdefault(s, []).append((article, acount))
    for name in names:
        progress = store.progress(reviewer=name)
        # claims nobody tagged are still this reviewer's to do: totals come from the team
        yield _line(shown_name(name), _with_total(progress.overall, claims))
        for story, count in sorted(team.stories.items(), key=lambda sc: name_order(sc[0])):
            mine = progress.stories.get(story)
            yield _line(f"story {shown_path(story)}", _with_total(mine, count.total), "  ")
            # the articles this reviewer has not begun, on one line: in a big team, where each
            # reviewer takes part of a story, their lines of zeros were most of the report
            untouched, waiting = [], 0
            for article, acount in articles.get(story, []):
                amine = progress.articles.get((story, article))
                if amine is None or not amine.tagged:
                    untouched.append(shown_path(article))
                    waiting += acount.total
                else:
                    yield _line(shown_path(article), _with_total(amine, acount.total), "    ")
            if untouched:
                untouched[-1] += f" ({counted(waiting, 'claim')})"
                yield from wrapped("    not started: ", untouched, indent="      ")
    orphans = [o for o in store.orphans() if reviewer is None or o.reviewer == reviewer]
    if orphans:
        yield f"orphaned annotations (claim no longer in its article): {len(orphans)}"
    if orphan_finals:
        yield f"orphaned final labels (claim no longer in its article): {orphan_finals}"


def _with_total(count: Count | None, total: int) -> Count:
    from annotations.store import Count

    if count is None:
        return Count(tagged=0, total=total, labels={})
    return Count(tagged=count.tagged, total=total, labels=count.labels)
