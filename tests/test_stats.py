"""`crossread stats`: per reviewer, counts that add up; --reviewer narrows it."""

from __future__ import annotations

from click.testing import CliRunner
from storyfactory import make_evidence, seed_story
from timing import fastest

from annotations.store import Store
from reader.cli.main import main


def _db(tmp_path):
    path = tmp_path / "team.db"
    story = seed_story()
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        ids = [c.id for c in story.claims()]
        for cid in ids:  # ana: everything; a.txt consistent, the rest contradicted
            s.set_label(cid, "consistent" if cid in ids[:4] else "contradicted", "ana")
        s.set_label(ids[0], "unverified", "ben")
        s.set_label(ids[5], "consistent", "ben")
        s.set_note(ids[6], "ben", "check the police report")  # a note is not a label
        s.decide(ids[0], "consistent", "lead")  # an adjudicator is not a reviewer
    return path


def _run(*args: str, columns: int = 80):
    return CliRunner().invoke(main, ["stats", *args], env={"COLUMNS": str(columns)})


def _row(out: str, name: str) -> list[str]:
    """The cells of the table's row for `name` (a reviewer, `story NAME` or an article)."""
    line = next(ln.strip() for ln in out.splitlines() if ln.strip().startswith(name + "  "))
    return line[len(name) :].split()


def _counts(cells: list[str]) -> tuple[int, int, int]:
    tagged, total = (int(n.replace(",", "")) for n in cells[0].split("/"))
    return tagged, sum(int(n.replace(",", "")) for n in cells[2:5]), total


def test_each_reviewer_counts_add_up(tmp_path):
    out = _run("--db", str(_db(tmp_path))).output
    lines = out.splitlines()
    assert lines[:2] == [
        "10 claims in 1 story; 10 tagged by at least one of 2 reviewers; 1 with a final",
        "  label",
    ]
    assert lines[2].split() == ["tagged", "%", "consistent", "contradicted", "unverified"]
    ana, ben = _row(out, "ana"), _row(out, "ben")
    assert _counts(ana) == (10, 10, 10) and ana[2:5] == ["4", "6", "0"]
    assert _counts(ben) == (2, 2, 10) and ben[4] == "1"
    for line in lines[3:]:
        if "/" in line:
            tagged, labels, _ = _counts(line.rsplit(None, 5)[1:])
            assert tagged == labels, line


def test_a_big_team_report_fits_the_terminal_width(tmp_path):
    # four-digit counts and twelve reviewers: 62 of 103 lines were 81-88 characters ("  story
    # summit: 1699/5500 tagged (31%)  consistent 1229  contradicted 229  unverified 241") and
    # wrapped in an 80-column terminal; now a table whose columns fit, long names cut with …
    from storyfactory import make_story

    path = tmp_path / "team.db"
    long = "a-very-long-article-file-name-from-the-wire-service.txt"
    story = make_story(
        "summit-talks-in-geneva-between-the-two-delegations",
        {f"a{k:02d}.txt": [f"Claim {k} number {j}." for j in range(1200)] for k in range(8)}
        | {long: [f"Wire claim {j}." for j in range(600)]},
    )
    claims = story.claims()
    with Store.open(path) as s:
        s.import_story(story, [])
        for k, name in enumerate(["ana", "ben", "carmen-the-lead-reviewer-of-the-team"]):
            for j, claim in enumerate(claims[k * 1000 : k * 1000 + 3000]):
                s.set_label(claim.id, ("consistent", "contradicted", "unverified")[j % 3], name)
        s.set_label(claims[-1].id, "consistent", "ana")  # in the long-named article
    for columns in (80, 64, 120):
        out = _run("--db", str(path), columns=columns).output
        lines = out.splitlines()
        assert max(map(len, lines)) <= columns, out
        assert len(lines) > 20
    out = _run("--db", str(path)).output
    assert _row(out, "ana")[:2] == ["3,001/10,200", "29%"], out
    # the columns line up: every count ends where its header does
    header = out.splitlines()[2]
    ends = [header.index(h) + len(h) for h in ("tagged", "consistent", "unverified")]
    for line in out.splitlines()[3:]:
        if "/" in line and "not started" not in line:
            assert all(line[e - 1] != " " and line[e : e + 1] in ("", " ") for e in ends), line
    assert "    a-very-long-arti…          1/600" in out
    assert "\ncarmen-the-lead-revi…   3,000/10,200" in out
    assert "\n      a-very-long-article-file-name-from-the-wire-se… (5,400 claims)\n" in out


def test_reviewer_option_narrows_and_unknown_reviewer_is_an_error(tmp_path):
    db = str(_db(tmp_path))
    out = _run("--db", db, "--reviewer", "ben").output
    assert out.splitlines()[1].startswith("ben ") and _row(out, "ben")[0] == "2/10"
    assert "ana" not in out
    assert _row(out, "b.txt") == ["1/3", "33%", "1", "0", "0"]
    bad = CliRunner().invoke(main, ["stats", "--db", db, "--reviewer", "zed"])
    assert bad.exit_code == 2 and "no annotations by zed (reviewers: ana, ben)" in bad.output


def test_a_name_that_could_be_misread_is_shown_quoted_on_its_one_line(tmp_path):
    # a reviewer "ana\nben" (from a merged database) printed as two lines faked a reviewer
    # "ben"; "smith, j" read as two names in the lists of reviewers
    db = tmp_path / "odd.db"
    story = seed_story()
    with Store.open(db) as s:
        s.import_story(story, make_evidence(story))
        s.set_label(story.claims()[0].id, "unverified", "ana\nben")
        s.set_label(story.claims()[1].id, "unverified", "smith, j")
    out = _run("--db", str(db)).output
    lines = out.splitlines()
    assert _row(out, "'ana\\nben'") == ["1/10", "10%", "0", "0", "1"]
    assert _row(out, "'smith, j'") == ["1/10", "10%", "0", "0", "1"]
    assert not any(line.startswith("ben") for line in lines)
    bad = CliRunner().invoke(main, ["stats", "--db", str(db), "--reviewer", "smith"])
    assert bad.output.strip() == (
        "crossread: error: no annotations by smith (reviewers: 'ana\\nben', 'smith, j')"
    )


def test_a_typed_name_with_a_control_character_is_refused(tmp_path):
    db = str(_db(tmp_path))
    for name in ("zed\ncrossread: error: fake", "ana\t", "\u202eana"):
        bad = CliRunner().invoke(main, ["stats", "--db", db, "--reviewer", name])
        assert bad.exit_code == 2
        assert bad.output.count("\n") == 1 and "a name cannot hold control characters" in bad.output


def test_stats_of_many_stories_take_linear_time():
    # each story scanned every article of the database for its own: 5,000 stories of 2
    # articles took 6 s (stories x articles), now 2 s, mostly reading the database
    from annotations.store import Count, Progress
    from reader.cli.stats import format_stats

    class ManyStories:  # the little of a Store that a reviewer's stats read
        def __init__(self, stories: int) -> None:
            one = Count(tagged=1, total=2, labels={"consistent": 1})
            self.counts = Progress(
                overall=Count(tagged=stories, total=2 * stories, labels={}),
                stories={f"s{k}": one for k in range(stories)},
                articles={(f"s{k}", f"a{j}.txt"): one for k in range(stories) for j in range(2)},
                reviewers={},
            )

        def progress(self, reviewer=None):
            return self.counts

        def orphans(self):
            return []

    def seconds(stories: int) -> float:
        store = ManyStories(stories)
        took, lines = fastest(lambda: list(format_stats(store, reviewer="ana")))
        assert len(lines) == 2 + 3 * stories  # the header, then the rows
        return took

    # ten times the stories: about ten times the time (it was a hundred)
    assert seconds(3_000) < 30 * seconds(300)


def test_articles_and_stories_are_listed_in_corpus_order_after_a_merge(tmp_path):
    # a merge that kept a corrected a.txt from --prefer re-added its claims last, and a merge
    # of shards given in another order added stories so: stats listed a.txt after c.txt and
    # story10 before story2
    from storyfactory import SEED, make_story

    from annotations.merge import merge

    old, new, shard = tmp_path / "old.db", tmp_path / "new.db", tmp_path / "shard.db"
    corrected = {**SEED, "a.txt": [SEED["a.txt"][0], "Five were hurt.", *SEED["a.txt"][2:]]}
    for path, story in ((old, seed_story()), (new, make_story("storm", corrected))):
        with Store.open(path) as s:
            s.import_story(story, [])
            for article in story.articles:
                s.set_label(article.claims[0].id, "consistent", "ana")
    with Store.open(shard) as s:
        for name in ("story10", "story2"):
            s.import_story(make_story(name, {"x.txt": ["One.", "Two."]}), [])
    team = tmp_path / "team.db"
    merge([old, new, shard], team, prefer=new)
    out = _run("--db", str(team)).output
    listed = [line.strip().split("  ")[0].split(":")[0] for line in out.splitlines()[3:11]]
    assert listed == [
        "ana", "story storm", "a.txt", "b.txt", "c.txt", "story story2", "not started",
        "story story10",
    ], out  # fmt: skip


def test_articles_a_reviewer_has_not_started_are_named_on_one_line(tmp_path):
    # twelve reviewers each on part of a story of ten articles: every reviewer's block gave a
    # line of zeros to each article they had not begun ("a04.txt: 0/500 tagged (0%)  consistent
    # 0  contradicted 0  unverified 0"), most of a 158-line report, wrapped at 80 columns
    from storyfactory import make_story

    path = tmp_path / "team.db"
    story = make_story(
        "storm", {f"a{k:02d}.txt": [f"Claim {k}.", f"Other {k}."] for k in range(10)}
    )
    with Store.open(path) as s:
        s.import_story(story, [])
        s.set_label(story.claims()[0].id, "consistent", "ana")
        for claim in story.claims()[2:]:
            s.set_label(claim.id, "contradicted", "ben")
    lines = _run("--db", str(path)).output.splitlines()
    ana = lines[next(k for k, ln in enumerate(lines) if ln.startswith("ana ")) :]
    assert ana[:5] == [
        "ana              1/20    5%           1             0           0",
        "  story storm    1/20    5%           1             0           0",
        "    a00.txt       1/2   50%           1             0           0",
        "    not started: a01.txt, a02.txt, a03.txt, a04.txt, a05.txt, a06.txt, a07.txt,",
        "      a08.txt, a09.txt (18 claims)",
    ], lines
    ben = lines[lines.index(ana[4]) + 1 :]
    assert ben[2].startswith("    a01.txt       2/2") and len(ben) == 12, lines
    assert ben[-1] == "    not started: a00.txt (2 claims)", lines


def test_wide_characters_keep_the_columns_aligned_and_the_lines_within_the_width(tmp_path):
    # a reviewer named in Japanese pushed their row's counts four columns right of the header's
    # (each character was padded as one column, but takes two), and a long Chinese file name
    # ran past the terminal's edge in "not started"
    from unicodedata import east_asian_width

    from storyfactory import make_story

    def cells(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    path = tmp_path / "team.db"
    wide = "东京新闻关于洪水灾害的长篇报道第一部分的文章.txt"
    story = make_story("flood", {"a.txt": ["One.", "Two."], wide: ["Three.", "Four."]})
    with Store.open(path) as s:
        s.import_story(story, [])
        s.set_label(story.claims()[0].id, "consistent", "山田太郎")
        s.set_label(story.claims()[1].id, "contradicted", "ana")
    for columns in (80, 50):
        out = _run("--db", str(path), columns=columns).output
        lines = out.splitlines()
        assert max(map(cells, lines)) <= columns, out
        header = lines[next(k for k, ln in enumerate(lines) if ln.split()[:2] == ["tagged", "%"])]
        end = cells(header[: header.index("tagged") + len("tagged")])
        rows = [ln for ln in lines if "/" in ln and "not started" not in ln]
        assert len(rows) == 6, out
        for row in rows:  # "2/4" ends where "tagged" does, in terminal columns
            fraction = row.split()[-5]
            assert cells(row[: row.index(fraction) + len(fraction)]) == end, out
