"""`crossread agreement`: the reports of annotations.agreement as a table, CSV or JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator

from annotations.agreement import Estimate, Pair, Report
from annotations.output import csv_cell, csv_writer
from reader.models import LABELS, clipped, counted, shown_name, shown_names, shown_path

CSV_COLUMNS = [
    "scope", "statistic", "first", "second", "first_label", "second_label", "claims", "value",
    "low", "high",
]  # fmt: skip
# Under this many claims a bootstrap percentile interval is rough: the table says so
FEW_CLAIMS = 30
STATISTICS = (
    ("percent agreement", "agreement"),
    ("Fleiss' kappa", "fleiss"),
    ("Krippendorff's alpha", "alpha"),
    ("Gwet's AC1", "ac1"),
)


def _one_label(p: Pair) -> bool:
    """One of the pair gave the same label on every claim both labelled."""
    used = [k for k, n in p.confusion.items() if n]
    return bool(used) and (len({a for a, _ in used}) == 1 or len({b for _, b in used}) == 1)


def _num(value: float | None) -> str:
    # rounded first: a statistic a rounding error below 0 is shown as 0.000, not -0.000
    return "n/a" if value is None else f"{round(value, 3) + 0.0:.3f}"


def _est(e: Estimate) -> str:
    if e.low is None:
        return f"{_num(e.value):>6}"
    return f"{_num(e.value):>6} [{_num(e.low)}, {_num(e.high)}]"


def format_table(reports: list[Report], claim_of: Callable[[str], object]) -> Iterator[str]:
    """Plain text: the statistics, each pair's κ and confusion matrix, the disagreements."""
    for r in reports:
        yield (
            f"{shown_path(r.scope)}: {counted(r.claims, 'claim')} labelled by two or more of "
            f"{counted(len(r.reviewers), 'reviewer')} ({shown_names(r.reviewers)})"
        )
        if r.orphans_left_out:
            where = (
                "sentence is no longer in its article (an orphan: `export` lists it)"
                if r.orphans_left_out == 1
                else "sentences are no longer in their articles (orphans: `export` lists them)"
            )
            yield (
                f"  left out: {counted(r.orphans_left_out, 'claim')} labelled by two or more "
                f"whose {where}"
            )
        if not r.claims:
            yield ""
            continue
        # --samples 0: no interval anywhere, so none is headed or called rough
        intervals = any(getattr(r, attr).low is not None for _, attr in STATISTICS)
        if r.claims < FEW_CLAIMS:
            rough = " and bootstrap intervals are rough (often too narrow)" if intervals else ""
            yield (
                f"  few claims: under {FEW_CLAIMS}, values swing with a single claim{rough}: "
                "a first look only"
            )
        yield f"  {'statistic':<22} {'value':>6}" + (" 95% interval" if intervals else "")
        for title, attr in STATISTICS:
            yield f"  {title:<22} {_est(getattr(r, attr))}"
        # a big team's pairs who shared no claim (most of 66, for twelve) are named on one line
        shared = [p for p in r.pairs if p.claims]
        width = max(
            (len(f"{shown_name(p.first)} / {shown_name(p.second)}") for p in shared), default=4
        )
        yield f"  {'pair':<{width}}  claims  {'agreement':<23}  Cohen's kappa"
        for p in shared:
            name = f"{shown_name(p.first)} / {shown_name(p.second)}"
            yield f"  {name:<{width}}  {p.claims:>6}  {_est(p.agreement):<23}  {_est(p.kappa)}"
        apart = [f"{shown_name(p.first)} / {shown_name(p.second)}" for p in r.pairs if not p.claims]
        if apart:
            from reader.cli.terminal import wrapped

            yield from wrapped("  no claims in common: ", apart)
        yield from _per_reviewer(r)
        constant = [p for p in r.pairs if _one_label(p)]
        if constant:
            names = ", ".join(f"{shown_name(p.first)} / {shown_name(p.second)}" for p in constant)
            yield (
                f"  {names}: one of them gave a single label throughout, so Cohen's kappa is 0 "
                "(n/a if both did) whatever they agree on: see agreement and Gwet's AC1"
            )
        for p in r.pairs:
            if not p.claims:
                continue
            yield f"  {shown_name(p.first)} (rows) by {shown_name(p.second)} (columns):"
            yield "    " + " " * 13 + "".join(f"{lab:>14}" for lab in LABELS)
            for a in LABELS:
                cells = "".join(f"{p.confusion.get((a, b), 0):>14}" for b in LABELS)
                yield f"    {a:<13}{cells}"
        yield f"  disagreements: {len(r.disagreements)}"
        for cid, labels in r.disagreements:
            claim = claim_of(cid)
            where = (
                f"{shown_path(f'{claim.story}/{claim.article}')} #{claim.index + 1}"
                if claim
                else cid
            )
            text = claim.text if claim else ""
            shown = ", ".join(f"{shown_name(rev)} {lab}" for rev, lab in labels.items())
            yield f"    {where} {clipped(text, 70)!r}: {shown}"
        yield ""


def _per_reviewer(r: Report) -> Iterator[str]:
    """Each reviewer's pairs pooled: how many of their labels were compared with another
    reviewer's, and the share that agreed; the one who agrees least with the rest stands out
    where 66 pairs would have to be read. Nothing for two reviewers (their one pair says it)."""
    compared: dict[str, list[float]] = {}
    for p in r.pairs:
        if p.claims and p.agreement.value is not None:
            for name in (p.first, p.second):
                tally = compared.setdefault(name, [0, 0.0])
                tally[0] += p.claims
                tally[1] += p.agreement.value * p.claims
    if len(compared) < 3:
        return
    width = max(len("reviewer"), *(len(shown_name(n)) for n in compared))
    yield f"  {'reviewer':<{width}}  compared  agreement with the others"
    for name in r.reviewers:
        if name in compared:
            n, agreeing = compared[name]
            yield f"  {shown_name(name):<{width}}  {n:>8,}  {_num(agreeing / n)}"


def _csv_rows(reports: list[Report]) -> Iterator[list]:
    def est(e: Estimate) -> list:
        return [e.value, e.low, e.high]

    for r in reports:
        for title, attr in STATISTICS:
            yield [r.scope, title, "", "", "", "", r.claims, *est(getattr(r, attr))]
        for p in r.pairs:
            pair = [r.scope, "", p.first, p.second, "", "", p.claims]
            yield [*pair[:1], "percent agreement", *pair[2:], *est(p.agreement)]
            yield [*pair[:1], "Cohen's kappa", *pair[2:], *est(p.kappa)]
            for (a, b), n in sorted(p.confusion.items()):
                yield [r.scope, "confusion", p.first, p.second, a, b, n, "", "", ""]


def format_csv(reports: list[Report], *, excel: bool = False) -> str:
    """One row per statistic, pair statistic and confusion cell (exact values; `excel`:
    spreadsheet-safe, as `crossread export --excel`)."""
    buf = io.StringIO()
    if excel:
        buf.write("\ufeff")  # the BOM spreadsheets need to read the file as UTF-8
    writer = csv_writer(buf)
    writer.writerow(CSV_COLUMNS)
    for row in _csv_rows(reports):
        if excel:
            writer.writerow([csv_cell(v, excel=True) for v in row])
        else:
            writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def format_json(reports: list[Report], claim_of: Callable[[str], object]) -> str:
    """Everything, including the confusion matrices and the claims they disagree on."""

    def est(e: Estimate) -> dict:
        return {"value": e.value, "low": e.low, "high": e.high}

    def disagreement(cid: str, labels: dict[str, str]) -> dict:
        claim = claim_of(cid)
        where = (
            {"story": claim.story, "article": claim.article, "claim": claim.text} if claim else {}
        )
        return {"claim_id": cid, **where, "labels": labels}

    out = [
        {
            "scope": r.scope,
            "reviewers": r.reviewers,
            "claims": r.claims,
            "orphans_left_out": r.orphans_left_out,
            **{attr: est(getattr(r, attr)) for _, attr in STATISTICS},
            "pairs": [
                {
                    "first": p.first,
                    "second": p.second,
                    "claims": p.claims,
                    "agreement": est(p.agreement),
                    "cohen_kappa": est(p.kappa),
                    "confusion": [
                        {"first_label": a, "second_label": b, "claims": n}
                        for (a, b), n in sorted(p.confusion.items())
                    ],
                }
                for p in r.pairs
            ],
            "disagreements": [disagreement(cid, labels) for cid, labels in r.disagreements],
        }
        for r in reports
    ]
    # ASCII escapes keep the exact text and make it harmless on a terminal
    return json.dumps(out, indent=2) + "\n"
