"""`crossread merge`: reviewers' databases united into one team database."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from olddb import downgrade_to_v6
from storyfactory import SEED, make_evidence, make_story, make_suggestions, seed_story

from annotations.merge import MergeError, merge
from annotations.store import Store
from reader.cli.merge import format_merge

LABELS = {  # reviewer -> label per claim of the seed story, in reading order
    "ana": ["consistent", "contradicted", "contradicted", "consistent", "consistent",
            "contradicted", "contradicted", "consistent", "consistent", "contradicted"],
    "ben": ["consistent", "contradicted", "unverified", "consistent", "consistent",
            "contradicted", "contradicted", "unverified", "consistent", "contradicted"],
    "cy": ["consistent", "consistent", "contradicted", "consistent", None,
           "contradicted", "contradicted", "consistent", "unverified", "contradicted"],
}  # fmt: skip


def reviewer_db(path, reviewer: str, story=None) -> list[str]:
    """A database in which `reviewer` labelled the story (with one undone slip); claim ids."""
    story = story or seed_story()
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story), make_suggestions(story))
        ids = [c.id for c in story.claims()]
        s.set_label(ids[0], "unverified", reviewer)
        s.undo(reviewer)
        for cid, label in zip(ids, LABELS[reviewer], strict=True):
            if label:
                s.set_label(cid, label, reviewer)
        s.set_note(ids[1], reviewer, f"{reviewer}'s note")
    return ids


def dump(path) -> dict[str, list[tuple]]:
    """Every row of every table, to compare databases."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    conn.close()
    return out


def sha(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def team(tmp_path):
    paths = [tmp_path / f"{r}.db" for r in LABELS]
    ids = [reviewer_db(p, r) for p, r in zip(paths, LABELS, strict=True)]
    return paths, ids[0]


def test_three_reviewers_merge_into_one_database(team, tmp_path):
    paths, ids = team
    before = [sha(p) for p in paths]
    out = tmp_path / "team.db"
    report = merge(paths, out)
    assert [sha(p) for p in paths] == before  # inputs untouched
    assert report.annotations_added == 29 and not report.conflicts
    with Store.open(out) as t:
        assert t.stories() == ["storm"] and len(t.claims("storm")) == 10
        for reviewer, labels in LABELS.items():
            got = {a.claim_id: a.label for a in t.annotations(reviewer=reviewer)}
            want = {cid: lab for cid, lab in zip(ids, labels, strict=True) if lab}
            assert got == want
            assert t.annotation(ids[1], reviewer).note == f"{reviewer}'s note"
        events = t.events()
        assert len(events) == sum(len(Store.open(p).events()) for p in paths)
        origins = {e.reviewer: set() for e in events}
        for e in events:
            origins[e.reviewer].add(t.conn.execute(
                "SELECT origin FROM events WHERE id = ?", (e.id,)).fetchone()[0])  # fmt: skip
        assert origins == {r: {str(p)} for r, p in zip(LABELS, paths, strict=True)}
        with Store.open(paths[0]) as a:
            assert t.evidence(ids[0]) == a.evidence(ids[0]) != []
        # the undo history came along: ben's last change undoes in the team file too
        assert t.undo("ben").claim_id == ids[1]
        assert t.annotation(ids[1], "ben").note == ""


def test_merging_again_changes_nothing(team, tmp_path):
    paths, _ = team
    out = tmp_path / "team.db"
    merge(paths, out)
    first = dump(out)
    report = merge(paths, out)
    assert not report.changed and not report.conflicts
    assert dump(out) == first
    merge(paths[::-1], out)  # order does not matter either
    assert dump(out) == first


def test_merge_into_an_existing_team_database(team, tmp_path):
    paths, _ = team
    out = tmp_path / "team.db"
    merge(paths[:1], out)
    merge(paths[1:], out)
    both = dump(out)
    merge(paths, tmp_path / "once.db")
    assert both["annotations"] == dump(tmp_path / "once.db")["annotations"]
    assert len(both["events"]) == len(dump(tmp_path / "once.db")["events"])


def test_same_reviewer_in_two_files_newer_wins_and_is_reported(tmp_path):
    ids = reviewer_db(tmp_path / "a.db", "ana")
    reviewer_db(tmp_path / "b.db", "ben")
    with Store.open(tmp_path / "b.db") as b:  # ana also worked in b.db, later
        b.set_label(ids[0], "unverified", "ana")
        b.set_label(ids[2], "contradicted", "ana")  # same as in a.db: no conflict
    report = merge([tmp_path / "b.db", tmp_path / "a.db"], tmp_path / "t.db")
    assert len(report.conflicts) == 1
    c = report.conflicts[0]
    assert (c.claim_id, c.reviewer, c.kept, c.dropped) == (ids[0], "ana", "unverified",
                                                          "consistent")  # fmt: skip
    assert c.kept_from == str(tmp_path / "b.db") and c.dropped_from == str(tmp_path / "a.db")
    with Store.open(tmp_path / "t.db") as t:
        assert t.annotation(ids[0], "ana").label == "unverified"


def test_what_a_reviewer_cleared_since_the_last_merge_is_cleared_on_merging_again(team, tmp_path):
    # the team merges every evening: ana's cleared label, her deleted note and the lead's
    # withdrawn decision came back from the team file, and her own relabel was a "conflict"
    paths, ids = team
    out = tmp_path / "team.db"
    with Store.open(paths[0]) as a:
        a.decide(ids[4], "consistent", "lead")
    merge(paths, out)
    with Store.open(paths[0]) as a:
        a.clear_label(ids[0], "ana")
        a.set_note(ids[1], "ana", "")
        a.set_label(ids[2], "unverified", "ana")
        a.undecide(ids[4], "lead")
    with Store.open(out) as t:  # ben cleared his label in the team file itself
        t.clear_label(ids[3], "ben")
    report = merge(paths, out)
    assert report.conflicts == []
    with Store.open(out) as t:
        assert t.annotation(ids[0], "ana") is None
        assert t.annotation(ids[1], "ana").note == "" and t.annotation(ids[1], "ana").label
        assert t.annotation(ids[2], "ana").label == "unverified"
        assert t.annotation(ids[3], "ben") is None  # not brought back from ben.db
        assert t.final(ids[4]) is None
    lines = list(format_merge(report))
    assert "2 updated and 1 removed" in lines[0] and "1 withdrawn" in lines[0], lines
    assert not merge(paths, out).changed  # and again: nothing new


def test_articles_that_differ_are_refused_by_name_unless_one_file_is_preferred(tmp_path):
    reviewer_db(tmp_path / "a.db", "ana")
    changed = {**SEED, "b.txt": [*SEED["b.txt"][:2], "Power was out all night."]}
    reviewer_db(tmp_path / "b.db", "ben", make_story("storm", changed))
    out = tmp_path / "t.db"
    with pytest.raises(MergeError, match=r"storm/b\.txt") as err:
        merge([tmp_path / "a.db", tmp_path / "b.db"], out)
    assert "--prefer" in str(err.value) and not out.exists()
    report = merge([tmp_path / "a.db", tmp_path / "b.db"], out, prefer=tmp_path / "b.db")
    assert report.preferred == ["storm/b.txt"]
    with Store.open(out) as t:
        texts = [c.text for c in t.claims("storm", "b.txt")]
        assert texts == changed["b.txt"]
        # ana's label on the sentence b.db no longer has is kept, as an orphan
        assert [o.claim_text for o in t.orphans()] == [SEED["b.txt"][2]]


def analysis(path, story: str = "storm") -> tuple[set, set]:
    """A story's evidence as (claim text, other claim text, rank) and its suggestions."""
    with Store.open(path) as s:
        text = {c.id: c.text for c in s.claims(story)}
        evidence = {
            (text[c], text[e.other_id], e.rank) for c in text for e in s.evidence(c)
        }  # fmt: skip
        suggestions = {(text[c], s.suggestion(c).reason) for c in text if s.suggestion(c)}
    return evidence, suggestions


@pytest.mark.parametrize("into", ["new", "existing"])
def test_preferring_a_version_keeps_its_story_evidence_pointing_at_the_right_sentences(
    tmp_path, into
):
    reviewer_db(tmp_path / "a.db", "ana")
    # c.txt (the last article: its claims are the output's last rows) gained an opening sentence
    changed = {**SEED, "c.txt": ["Residents were warned on Sunday.", *SEED["c.txt"]]}
    story = make_story("storm", changed)
    with Store.open(tmp_path / "b.db") as b:
        b.import_story(story, make_evidence(story), make_suggestions(story, "unverified"))
    out = tmp_path / "t.db"
    if into == "existing":
        merge([tmp_path / "a.db"], out)
        merge([tmp_path / "b.db"], out, prefer=tmp_path / "b.db")
    else:
        merge([tmp_path / "a.db", tmp_path / "b.db"], out, prefer=tmp_path / "b.db")
    # every claim's evidence (the other articles' claims' evidence in c.txt too) and
    # suggestion are the preferred file's: none lost, none moved onto the next sentence
    assert analysis(out) == analysis(tmp_path / "b.db")


def run_cli(*args, **kw):
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True, **kw
    )


def test_cli_merge_reports_and_refuses_bad_input(team, tmp_path):
    paths, _ = team
    out = tmp_path / "team.db"
    proc = run_cli("merge", *paths, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "29 annotations added" in proc.stdout
    # the file asked for, not the temporary one the new output was built in
    assert f"into {out}:" in proc.stdout and ".merging" not in proc.stdout
    again = run_cli("merge", *paths, "-o", out)
    assert "nothing new" in again.stdout
    same = run_cli("merge", paths[0], "-o", paths[0])
    assert same.returncode == 2 and "both an input and the output" in same.stderr
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")
    bad = run_cli("merge", junk, "-o", out)
    assert bad.returncode == 2 and "not a crossread database" in bad.stderr
    assert "Traceback" not in bad.stderr + same.stderr


def _many_events(path, n: int) -> None:
    """Pad a database's log with n extra events (test-only), so a merge of it takes a while."""
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT at, reviewer, claim_id FROM events LIMIT 1").fetchone()
    conn.executemany(
        "INSERT INTO events (at, reviewer, claim_id, action, old, new, source) "
        "VALUES (?, ?, ?, 'note', NULL, NULL, 'key')",
        ((f"{row[0]}-{i:07d}", row[1], row[2]) for i in range(n)),
    )
    conn.commit()
    conn.close()


def _kill_mid_merge(paths, out) -> None:
    """Run `crossread merge` on the first two files and kill -9 it while the big second one
    is being read (the first is already in the open transaction)."""
    _many_events(paths[1], 300_000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "merge", paths[0], paths[1], "-o", out],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr.readline().startswith("read ")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # killed, not finished


def test_kill_during_merge_leaves_the_output_as_it_was(team, tmp_path):
    paths, _ = team
    out = tmp_path / "team.db"
    merge(paths[2:], out)  # the team file already holds cy's work
    before = dump(out)
    _kill_mid_merge(paths, out)
    assert dump(out) == before
    with Store.open(out) as t:  # and it opens and works
        assert t.annotations(reviewer="ana") == []


def test_kill_during_merge_into_a_new_file_leaves_no_file(team, tmp_path):
    paths, _ = team
    out = tmp_path / "new-team.db"
    _kill_mid_merge(paths, out)
    assert not out.exists()  # no half-made (or empty) team file under the name asked for
    merge(paths[:2], out)  # and the merge can simply be run again
    with Store.open(out) as t:
        assert t.annotations(reviewer="ana")


def test_shards_of_different_stories_merge_whole(tmp_path):
    """Each file numbers its claims from 1: the merge must not mistake one file's claim for
    another's (the shards of a parallel import merge into what one import would give)."""
    quake = make_story("quake", {
        "x.txt": ["The quake struck at dawn.", "Nine buildings fell."],
        "y.txt": ["A dawn earthquake hit the city.", "Eleven buildings collapsed."],
    })  # fmt: skip
    reviewer_db(tmp_path / "a.db", "ana")
    with Store.open(tmp_path / "b.db") as b:
        b.import_story(quake, make_evidence(quake), make_suggestions(quake))
        b.set_label(quake.claims()[1].id, "contradicted", "ben")
    with Store.open(tmp_path / "one.db") as one:  # one import of both stories
        for story in (seed_story(), quake):
            one.import_story(story, make_evidence(story), make_suggestions(story))
    merge([tmp_path / "a.db", tmp_path / "b.db"], tmp_path / "t.db")
    with Store.open(tmp_path / "t.db") as t, Store.open(tmp_path / "one.db") as one:
        assert t.stories() == ["quake", "storm"]
        for story in ("storm", "quake"):
            assert t.claims(story) == one.claims(story)
            for claim in one.claims(story):
                assert t.evidence(claim.id) == one.evidence(claim.id)
                assert t.suggestion(claim.id) == one.suggestion(claim.id)
        assert t.annotation(quake.claims()[1].id, "ben").label == "contradicted"


def test_an_input_of_the_layout_before_lean_claims_merges_as_a_current_one(team, tmp_path):
    """Inputs are only read, never migrated: one at schema 6 (claims holding their text) gives
    the same team database as the current layout."""
    (ana, ben, _), ids = team
    old = tmp_path / "ana6.db"
    old.write_bytes(ana.read_bytes())
    conn = sqlite3.connect(old)
    downgrade_to_v6(conn)
    conn.commit()
    conn.close()
    merge([old, ben], tmp_path / "t6.db")
    merge([ana, ben], tmp_path / "t.db")
    with Store.open(tmp_path / "t6.db") as t6, Store.open(tmp_path / "t.db") as t:
        assert t6.claims("storm") == t.claims("storm")
        for cid in ids:
            assert t6.evidence(cid) == t.evidence(cid)
            assert t6.suggestion(cid) == t.suggestion(cid)
        assert t6.annotations() == t.annotations()
        stored = "SELECT count(*) FROM claim_rows WHERE text IS NOT NULL"
        assert t6.conn.execute(stored).fetchone() == (0,)  # each text is its article's


@pytest.mark.parametrize("into", ["new", "existing"])
def test_an_input_with_text_that_is_not_utf8_is_one_line(team, tmp_path, into):
    # reading the articles to compare their versions was a traceback (exit 1)
    paths, _ = team
    conn = sqlite3.connect(paths[1])
    conn.execute("UPDATE articles SET text = CAST(X'5A80FF20' AS TEXT) || text")
    conn.commit()
    conn.close()
    out = tmp_path / "team.db"
    if into == "existing":
        assert run_cli("merge", paths[0], "-o", out).returncode == 0
    before = sha(out) if out.exists() else None
    proc = run_cli("merge", *paths, "-o", out)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    line = proc.stderr.strip()
    assert "\n" not in line and str(paths[1]) in line and "UTF-8" in line, line
    assert (sha(out) if out.exists() else None) == before


def test_a_story_still_analysing_in_an_input_is_still_analysing_in_the_output(tmp_path):
    # its claims came without evidence: unmarked, the next import took it for done
    story = seed_story()
    with Store.open(tmp_path / "a.db") as s:
        s.import_claims(story)
    merge([tmp_path / "a.db"], tmp_path / "team.db")
    with Store.open(tmp_path / "team.db") as t:
        assert t.analysing() == {"storm"} and not t.story_is_current(story)
        assert len(t.claims("storm")) == 10


def test_one_database_given_twice_is_refused(team, tmp_path):
    # it was read twice and reported as "merged 2 files"
    first = team[0][0]
    again = os.path.join(os.path.dirname(first), ".", os.path.basename(first))
    out = tmp_path / "team.db"
    with pytest.raises(MergeError, match=r"is the same database as .*: give each once"):
        merge([first, again], out)
    assert not out.exists()
    merge([first], out)  # look-alike: given once, it merges
    assert out.exists()


def test_a_second_round_merge_says_which_labels_a_corrected_article_orphaned(tmp_path):
    # round 2: an outlet corrected a sentence, the reviewers re-imported it, and the merge into
    # the team file (--prefer) said only "kept the version in the preferred file": the lead
    # could not tell that two labels and a decision now sit on a sentence no longer there
    ana, ben, out = tmp_path / "ana.db", tmp_path / "ben.db", tmp_path / "team.db"
    ids = reviewer_db(ana, "ana")
    reviewer_db(ben, "ben")
    merge([ana, ben], out)
    with Store.open(out) as t:
        t.decide(ids[1], "contradicted", "lead", "ana is right")
    corrected = {
        **SEED,
        "a.txt": [SEED["a.txt"][0], "Five people were injured.", *SEED["a.txt"][2:]],
    }
    for path in (ana, ben):
        with Store.open(path) as s:
            s.import_story(make_story("storm", corrected), [])
    report = merge([ana, ben], out, prefer=ana)
    where, text, who = ("storm/a.txt", SEED["a.txt"][1], ["ana", "ben", "(final)"])
    assert report.orphaned == [(where, text, who)]
    lines = list(format_merge(report))
    assert (
        f"  storm/a.txt: 2 labels (ana, ben) and the final label on {text!r}, a sentence no "
        "longer in the article: kept as orphans (export lists them after the story's claims)"
    ) in lines, lines
    assert merge([ana, ben], out, prefer=ana).orphaned == []  # said once, when it happens


def test_the_refusal_of_two_versions_says_which_was_imported_last(tmp_path):
    # it named the files holding each version but not which held the correction: the lead
    # had to guess which file to --prefer
    import sqlite3

    reviewer_db(tmp_path / "a.db", "ana")
    changed = {**SEED, "b.txt": [*SEED["b.txt"][:2], "Power was out all night."]}
    reviewer_db(tmp_path / "b.db", "ben", make_story("storm", changed))
    reviewer_db(tmp_path / "c.db", "cy")
    for name, when in (("a", "09:00"), ("b", "11:30"), ("c", "08:15")):
        with sqlite3.connect(tmp_path / f"{name}.db") as conn:
            conn.execute("UPDATE stories SET imported_at = ?", (f"2026-12-07T{when}:00+00:00",))
        conn.close()
    with pytest.raises(MergeError) as err:
        merge([tmp_path / f"{n}.db" for n in "abc"], tmp_path / "t.db")
    a, b, c = (str(tmp_path / f"{n}.db") for n in "abc")
    assert (
        f"storm/b.txt ({a}, {c}: imported 2026-12-07 09:00 UTC vs {b}: imported "
        "2026-12-07 11:30 UTC, the latest)"
    ) in str(err.value)


def test_one_text_under_two_names_is_warned_with_each_names_labels(tmp_path):
    # ben renamed b.txt to b.md and imported again, so his labels are on b.md's claims: the
    # team file then held the story's b.txt twice, ana's labels on one copy and ben's on the
    # other, never compared, and merge said nothing
    ana, ben, cy = tmp_path / "ana.db", tmp_path / "ben.db", tmp_path / "cy.db"
    reviewer_db(ana, "ana")
    reviewer_db(cy, "cy")
    renamed = {("b.md" if name == "b.txt" else name): s for name, s in SEED.items()}
    reviewer_db(ben, "ben", make_story("storm", renamed))
    out = tmp_path / "team.db"
    report = merge([ana, ben, cy], out)
    lines = list(format_merge(report))
    assert (
        f"warning: storm holds one text under two names: b.txt ({ana}, {cy}: 5 labels) and b.md "
        f"({ben}: 3 labels); their labels stay apart, never compared (a claim's id comes from "
        "its file's name)"
    ) in lines, lines
    # said again on the next merge: the team file still holds both
    assert any(line.startswith("warning: storm holds") for line in format_merge(merge([ana], out)))
    # one name per text: nothing said
    assert not any("warning" in line for line in format_merge(merge([ana, cy], tmp_path / "t2.db")))


def test_merging_again_with_prefer_changes_nothing(tmp_path):
    # the preferred version of a corrected article was deleted and stored again on every merge:
    # "nothing new" became "1 article, 4 claims" each evening, its story's evidence redone
    ana, ben, out = tmp_path / "ana.db", tmp_path / "ben.db", tmp_path / "team.db"
    reviewer_db(ana, "ana")
    corrected = {**SEED, "a.txt": [SEED["a.txt"][0], "Five were hurt.", *SEED["a.txt"][2:]]}
    story = make_story("storm", corrected)
    reviewer_db(ben, "ben", story)
    merge([ana, ben], out, prefer=ben)
    before = dump(out)
    again = merge([ana, ben], out, prefer=ben)
    assert not again.changed, again
    assert next(format_merge(again)).endswith("nothing new (already merged)")
    assert dump(out) == before
