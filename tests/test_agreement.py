"""Agreement statistics against published and hand-computed values, and `crossread agreement`."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from storyfactory import make_evidence, seed_story

from annotations.agreement import (
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    report,
    team_reports,
)
from annotations.store import Store, StoreError
from reader.cli.main import main

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
# 12 units, values 1-5, "." missing. Published nominal alpha: 0.743.
KRIPPENDORFF = [
    "1 2 3 3 2 1 4 1 2 . . .",
    "1 2 3 3 2 2 4 1 2 5 . 3",
    ". 3 3 3 2 3 4 2 2 5 1 .",
    "1 2 3 3 2 4 4 1 2 5 1 .",
]
# Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, counts per 5 categories;
# P = 0.378, Pe = 0.213, kappa = 0.210.
FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip
# Two reviewers, ten claims: 4 yes/yes, 3 no/no, 2 yes/no, 1 no/yes.
TWO = [("y", "y")] * 4 + [("n", "n")] * 3 + [("y", "n")] * 2 + [("n", "y")]


def krippendorff_units() -> list[list[str]]:
    rows = [line.split() for line in KRIPPENDORFF]
    return [[v for v in col if v != "."] for col in zip(*rows, strict=True)]


def test_krippendorff_alpha_matches_the_published_example():
    assert round(krippendorff_alpha(krippendorff_units()), 3) == 0.743


def test_fleiss_kappa_matches_the_published_example():
    units = [[k for k, n in enumerate(row) for _ in range(n)] for row in FLEISS]
    assert round(percent_agreement(units), 3) == 0.378
    assert round(fleiss_kappa(units, range(5)), 3) == 0.210


def test_two_reviewers_by_hand():
    # po = 7/10; reviewer 1 says y 6 times, reviewer 2 5 times: pe = (6*5 + 4*5)/100 = 0.5
    assert cohen_kappa(TWO) == pytest.approx(0.4)
    assert percent_agreement(TWO) == pytest.approx(0.7)
    # pi_y = (4*1 + 3*0 + 3*0.5)/10 = 0.55: Fleiss pe = 0.55² + 0.45² = 0.505
    assert fleiss_kappa(TWO, "yn") == pytest.approx((0.7 - 0.505) / 0.495)
    # Gwet pe = (0.55*0.45 + 0.45*0.55) / (2-1) = 0.495
    assert gwet_ac1(TWO, "yn") == pytest.approx((0.7 - 0.495) / 0.505)
    # 20 values (y 11, n 9), 6 disagreeing coincidences: 1 - 19*6 / (2*11*9)
    assert krippendorff_alpha(TWO) == pytest.approx(1 - 19 * 6 / 198)


def test_missing_labels_and_three_reviewers_by_hand():
    # a claim with a single label carries no agreement information
    assert percent_agreement([["a", "a", "b"], ["a"]]) == pytest.approx(2 / 6)
    assert krippendorff_alpha([["a"], ["b"]]) is None
    # everyone always says the same label: kappa is undefined, AC1 is 1
    assert cohen_kappa([("a", "a")] * 5) is None
    assert gwet_ac1([["a", "a"]] * 5, "abc") == pytest.approx(1.0)


def test_gwet_stays_high_when_one_label_dominates():
    # 18 claims both call consistent, 2 they split: kappa collapses, AC1 does not
    pairs = [("c", "c")] * 18 + [("c", "u"), ("u", "c")]
    assert cohen_kappa(pairs) == pytest.approx(-0.0526, abs=1e-3)
    assert gwet_ac1(pairs, "cu") > 0.8


def _labels() -> dict[str, dict[str, str]]:
    a = ["c", "c", "x", "x", "u", "c", "c", "x", "c", "u"]
    b = ["c", "c", "x", "u", "u", "c", "x", "x", "c", "c"]
    c = ["c", "x", "x", "u", None, "c", "x", "x", "c", "u"]
    return {f"k{i}": {"a": a[i], "b": b[i], "c": c[i]} for i in range(10)}


def test_bootstrap_is_seeded_and_brackets_the_value():
    one = report("all", _labels(), ["a", "b", "c"], "cxu", samples=300, seed=7)
    two = report("all", _labels(), ["a", "b", "c"], "cxu", samples=300, seed=7)
    other = report("all", _labels(), ["a", "b", "c"], "cxu", samples=300, seed=8)
    assert one.alpha == two.alpha and one.pairs[0].kappa == two.pairs[0].kappa
    assert one.alpha != other.alpha
    for est in (one.agreement, one.fleiss, one.alpha, one.ac1, one.pairs[0].kappa):
        assert est.low <= est.value <= est.high
    assert one.claims == 10 and [p.claims for p in one.pairs] == [10, 9, 9]
    assert [cid for cid, _ in one.disagreements] == ["k1", "k3", "k6", "k9"]
    assert one.pairs[0].confusion == {("c", "c"): 4, ("x", "x"): 2, ("x", "u"): 1,
                                      ("u", "u"): 1, ("c", "x"): 1, ("u", "c"): 1}  # fmt: skip


def labelled_team(path, labels: dict[str, str]):
    """A database of the seed story labelled by each reviewer: a letter a claim (c x u, - none)."""
    story = seed_story()
    full = {"c": "consistent", "x": "contradicted", "u": "unverified"}
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        for reviewer, row in labels.items():
            for claim, lab in zip(story.claims(), row, strict=True):
                if lab != "-":
                    s.set_label(claim.id, full[lab], reviewer)
    return path


@pytest.fixture
def team_db(tmp_path):
    return labelled_team(
        tmp_path / "team.db", {"ana": "ccxxuccxcu", "ben": "ccxuucxxcc", "cy": "cxxu-cxxcu"}
    )


def test_team_reports_read_the_store(team_db):
    with Store.open(team_db) as s:
        [overall] = team_reports(s, samples=100)
        same = report("all claims", _labels(), ["a", "b", "c"], "cxu", samples=0)
        assert overall.alpha.value == pytest.approx(same.alpha.value)
        assert overall.reviewers == ["ana", "ben", "cy"] and overall.claims == 10
        by = team_reports(s, by="article", samples=0, reviewers=["ana", "ben"])
        assert [r.scope for r in by] == ["all claims", "storm/a.txt", "storm/b.txt", "storm/c.txt"]
        assert [r.claims for r in by] == [10, 4, 3, 3]
        with pytest.raises(StoreError, match="no labels by zed"):
            team_reports(s, reviewers=["ana", "zed"])
        with pytest.raises(StoreError, match="two reviewers or more"):
            team_reports(s, reviewers=["ana"])
        with pytest.raises(StoreError, match="no story 'nope'"):
            team_reports(s, story="nope")


def test_cli_table_csv_and_json(team_db):
    run = CliRunner().invoke
    table = run(main, ["agreement", "--db", str(team_db), "--samples", "100"]).output
    assert "Krippendorff's alpha" in table and "ana / ben" in table
    assert "disagreements: 4" in table and "'Six people were injured.'" in table
    rows = list(csv.DictReader(io.StringIO(run(main, ["agreement", "--db", str(team_db),
                                                       "--format", "csv"]).output)))  # fmt: skip
    alpha = next(r for r in rows if r["statistic"] == "Krippendorff's alpha")
    assert float(alpha["value"]) == pytest.approx(
        report("x", _labels(), ["a", "b", "c"], "cxu", samples=0).alpha.value
    )
    assert float(alpha["low"]) <= float(alpha["value"]) <= float(alpha["high"])
    data = json.loads(
        run(main, ["agreement", "--db", str(team_db), "--format", "json", "--by", "story"]).output
    )
    assert [d["scope"] for d in data] == ["all claims", "storm"]
    assert data[0]["disagreements"][0]["labels"] == {
        "ana": "consistent", "ben": "consistent", "cy": "contradicted"
    }  # fmt: skip
    bad = run(main, ["agreement", "--db", str(team_db), "--reviewers", "ana"])
    assert bad.exit_code == 2 and "two reviewers or more" in bad.output
    # a name given twice is one reviewer: '0 claims labelled by two or more of 2 reviewers
    # (ana, ana)', exit 0
    for twice in (["--reviewers", "ana,ana"], ["--reviewers", "ana", "--reviewer", "ana"]):
        bad = run(main, ["agreement", "--db", str(team_db), *twice])
        assert bad.exit_code == 2 and "two reviewers or more; found ana\n" in bad.output


def test_report_matches_the_one_unit_at_a_time_formulas():
    one = report("all", _labels(), ["a", "b", "c"], "cxu", samples=0)
    units = [[v for v in row.values() if v] for row in _labels().values()]
    assert one.agreement.value == pytest.approx(percent_agreement(units))
    assert one.fleiss.value == pytest.approx(fleiss_kappa(units, "cxu"))
    assert one.alpha.value == pytest.approx(krippendorff_alpha(units))
    assert one.ac1.value == pytest.approx(gwet_ac1(units, "cxu"))
    pairs = [(row["a"], row["c"]) for row in _labels().values() if row["c"]]
    assert one.pairs[1].kappa.value == pytest.approx(cohen_kappa(pairs))
    assert one.alpha.low is None  # no resamples, no interval
    # the published example through the report too
    rows = [line.split() for line in KRIPPENDORFF]
    labels = {f"u{i}": {f"o{j}": v for j, v in enumerate(col) if v != "."}
              for i, col in enumerate(zip(*rows, strict=True))}  # fmt: skip
    assert round(report("k", labels, ["o0", "o1", "o2", "o3"], "12345").alpha.value, 3) == 0.743


def test_cli_writes_a_file_and_never_over_the_database(team_db, tmp_path):
    out = tmp_path / "agreement.csv"
    run = CliRunner().invoke
    done = run(main, ["agreement", "--db", str(team_db), "--format", "csv", "-o", str(out)])
    assert done.exit_code == 0 and out.read_text().startswith("scope,statistic")
    before = team_db.read_bytes()
    bad = run(main, ["agreement", "--db", str(team_db), "-o", str(team_db)])
    assert bad.exit_code == 2 and team_db.read_bytes() == before


def test_cli_reviewers_are_chosen_by_name_whatever_the_name_holds(tmp_path):
    # "--reviewers 'smith, j,ana'" split the name at its comma; "" and ",,," meant everyone
    story = seed_story()
    path = tmp_path / "odd.db"
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        for reviewer in ("smith, j", "ana", "ben"):
            for claim in story.claims():
                s.set_label(claim.id, "consistent", reviewer)
    run = CliRunner().invoke
    two = run(main, ["agreement", "--db", str(path), "--samples", "0",
                     "--reviewer", "smith, j", "--reviewer", "ana"])  # fmt: skip
    assert two.exit_code == 0, two.output
    assert "of 2 reviewers ('smith, j', ana)" in two.output
    for empty in ("", ",,,"):
        bad = run(main, ["agreement", "--db", str(path), "--reviewers", empty])
        assert bad.exit_code == 2 and "--reviewers names no reviewer" in bad.output
    bad = run(main, ["agreement", "--db", str(path), "--reviewers", "smith, j"])
    assert bad.exit_code == 2
    assert bad.output.strip() == (
        "crossread: error: no labels by smith, j here (reviewers: ana, ben, 'smith, j'); "
        "a name with a comma is given with --reviewer"
    )


@pytest.mark.parametrize("samples", ["1", "99"])
def test_too_few_resamples_for_an_interval_are_refused(team_db, samples):
    # --samples 1 printed intervals such as [0.667, 0.667] around an estimate of 0.333
    args = ["agreement", "--db", str(team_db), "--samples", samples]
    done = CliRunner().invoke(main, args, prog_name="crossread")
    assert done.exit_code == 2
    assert done.output.splitlines() == [
        f"crossread: error: Invalid value for '--samples': {samples} resamples make no 95% "
        "interval: give 100 or more (0: no intervals) (see `crossread agreement --help`)"
    ]
    with pytest.raises(ValueError, match="100"):
        report("all", _labels(), ["a", "b", "c"], "cxu", samples=int(samples))


def test_the_table_keeps_a_story_named_with_a_line_break_on_its_line(tmp_path):
    # the story's name was printed raw in the table's heading and disagreements
    from storyfactory import SEED, make_story

    story = make_story("storm\nfake: 0 claims", SEED)
    path = tmp_path / "team.db"
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        claim = story.claims()[0]
        s.set_label(claim.id, "consistent", "ana")
        s.set_label(claim.id, "contradicted", "ben")
    args = ["agreement", "--db", str(path), "--samples", "0", "--by", "story"]
    table = CliRunner().invoke(main, args).output.splitlines()
    assert not [line for line in table if line.startswith("fake")], table
    heading = "'storm\\nfake: 0 claims': 1 claim labelled by two or more of 2 reviewers (ana, ben)"
    assert heading in table
    assert any(line.startswith("    'storm\\nfake: 0 claims/") for line in table)


def test_the_table_shows_no_agreement_as_0_not_minus_0(tmp_path):
    # chance-level labels: Gwet's AC1 comes out as -8e-17 and was shown as "-0.000"
    story = seed_story()
    path = tmp_path / "team.db"
    labels = ("consistent", "contradicted", "unverified")
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        for i, claim in enumerate(story.claims()[:3]):
            s.set_label(claim.id, labels[i % 3], "ana")
            s.set_label(claim.id, labels[2 * i % 3], "ben")
    table = CliRunner().invoke(main, ["agreement", "--db", str(path), "--samples", "0"]).output
    assert "Gwet's AC1" in table and "-0.000" not in table, table


def test_the_table_says_when_few_claims_or_a_one_label_reviewer_make_values_shaky(tmp_path):
    # 5 claims gave "κ 0.000 [0.000, 0.000]" beside 60% agreement, and narrow intervals, with
    # no word that a reviewer who gives one label always has κ 0, or that 5 claims are few
    from storyfactory import SEED, make_story

    long = "The coast guard said 40 passengers were rescued from the water by fishing boats."
    story = make_story("storm", {**SEED, "d.txt": [long]})
    path = tmp_path / "team.db"
    long_claim = story.claims()[-1]
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story))
        for i, claim in enumerate(story.claims()[:4]):
            s.set_label(claim.id, "consistent", "ana")
            s.set_label(claim.id, "consistent" if i % 2 else "contradicted", "ben")
        s.set_label(long_claim.id, "consistent", "ana")
        s.set_label(long_claim.id, "unverified", "ben")
    table = CliRunner().invoke(main, ["agreement", "--db", str(path)]).output
    assert "few claims: under 30" in table, table
    assert "ana / ben: one of them gave a single label throughout" in table
    # a sentence cut short in the disagreements says so
    assert repr(long_claim.text[:69] + "…") in table


def test_the_table_without_resamples_promises_no_intervals(team_db):
    # --samples 0 asks for no intervals, but the table still headed a "95% interval" column
    # (empty) and said the bootstrap intervals of its 10 claims were rough
    run = CliRunner().invoke
    table = run(main, ["agreement", "--db", str(team_db), "--samples", "0"]).output
    assert "interval" not in table, table
    assert "few claims: under 30, values swing with a single claim: a first look only" in table
    with_intervals = run(main, ["agreement", "--db", str(team_db), "--samples", "100"]).output
    assert "95% interval" in with_intervals and "intervals are rough" in with_intervals


def test_a_big_team_table_names_pairs_without_common_claims_once_and_sums_up_each_reviewer(
    tmp_path,
):
    # twelve reviewers make 66 pairs: the table gave a row of "0  n/a  n/a" to every pair who
    # shared no claim (30 of them), and nothing said which reviewer agreed least with the rest
    labels = {  # ana and ben share claims 1-5, cy and dan claims 6-10
        "ana": "ccxxu-----", "ben": "ccxuu-----", "cy": "-----cxxcu", "dan": "-----cuucu",
    }  # fmt: skip
    path = labelled_team(tmp_path / "team.db", labels)
    table = CliRunner().invoke(main, ["agreement", "--db", str(path), "--samples", "0"]).output
    lines = table.splitlines()
    assert not any(line.lstrip().startswith(("ana / cy", "ben / dan")) for line in lines), table
    assert "  no claims in common: ana / cy, ana / dan, ben / cy, ben / dan" in lines, table
    # each reviewer's pairs pooled: the labels compared with another's, the share agreeing
    assert "  reviewer  compared  agreement with the others" in lines, table
    assert "  ana              5  0.800" in lines and "  dan              5  0.600" in lines, table
