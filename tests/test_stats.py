"""`crossread stats`: per reviewer, counts that add up; --reviewer narrows it."""

from __future__ import annotations

import re

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


def _counts(line: str) -> tuple[int, int, int]:
    tagged = int(re.search(r"(\d+)/\d+ tagged", line).group(1))
    labels = sum(int(n) for n in re.findall(r"(?:consistent|contradicted|unverified) (\d+)", line))
    return tagged, labels, int(re.search(r"/(\d+) tagged", line).group(1))


def test_each_reviewer_counts_add_up(tmp_path):
    out = CliRunner().invoke(main, ["stats", "--db", str(_db(tmp_path))]).output
    lines = out.splitlines()
    assert lines[0] == (
        "10 claims in 1 story; 10 tagged by at least one of 2 reviewers; 1 with a final label"
    )
    ana = next(ln for ln in lines if ln.startswith("ana:"))
    ben = next(ln for ln in lines if ln.startswith("ben:"))
    assert _counts(ana) == (10, 10, 10) and "consistent 4  contradicted 6" in ana
    assert _counts(ben) == (2, 2, 10) and "unverified 1" in ben
    for line in lines[1:]:
        if "tagged" in line:
            tagged, labels, _ = _counts(line)
            assert tagged == labels, line


def test_reviewer_option_narrows_and_unknown_reviewer_is_an_error(tmp_path):
    db = str(_db(tmp_path))
    out = CliRunner().invoke(main, ["stats", "--db", db, "--reviewer", "ben"]).output
    assert out.splitlines()[0].startswith("ben: 2/10 tagged")
    assert "ana" not in out
    assert "    b.txt: 1/3 tagged (33%)  consistent 1" in out
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
    out = CliRunner().invoke(main, ["stats", "--db", str(db)]).output
    lines = out.splitlines()
    assert "'ana\\nben': 1/10 tagged (10%)  consistent 0  contradicted 0  unverified 1" in lines
    assert "'smith, j': 1/10 tagged (10%)  consistent 0  contradicted 0  unverified 1" in lines
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
        assert len(lines) == 1 + 3 * stories
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
    out = CliRunner().invoke(main, ["stats", "--db", str(team)]).output
    listed = [line.split(":")[0].strip() for line in out.splitlines()[1:9]]
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
    lines = CliRunner().invoke(main, ["stats", "--db", str(path)]).output.splitlines()
    ana = lines[lines.index("ana: 1/20 tagged (5%)  consistent 1  contradicted 0  unverified 0") :]
    assert ana[1:5] == [
        "  story storm: 1/20 tagged (5%)  consistent 1  contradicted 0  unverified 0",
        "    a00.txt: 1/2 tagged (50%)  consistent 1  contradicted 0  unverified 0",
        "    not started: a01.txt, a02.txt, a03.txt, a04.txt, a05.txt, a06.txt, a07.txt,",
        "      a08.txt, a09.txt (18 claims)",
    ], lines
    ben = lines[lines.index(ana[4]) + 1 :]
    assert ben[2].startswith("    a01.txt: 2/2 tagged") and len(ben) == 12, lines
    assert ben[-1] == "    not started: a00.txt (2 claims)", lines
