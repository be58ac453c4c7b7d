"""Pilot: adjudication shows every reviewer's label, decides, undoes, and exports --final."""

from __future__ import annotations

import csv
import io

from annotations.final_export import write_final_export
from annotations.store import Store
from reader.ui.adjudicate import AdjudicateScreen
from reader.ui.app import build_app
from ui.helpers import first_claims, screen_lines

SIZE = (120, 36)
LEAD = "lead"


def label_team(db: str) -> list:
    """ana, ben and cy label the first four claims: two disagreements, one agreement, one
    claim only ana labelled."""
    claims = first_claims(db, 4)
    rows = {
        "ana": ["consistent", "consistent", "contradicted", "unverified"],
        "ben": ["contradicted", "consistent", "contradicted", None],
        "cy": ["unverified", "consistent", "consistent", None],
    }
    with Store.open(db) as s:
        for reviewer, labels in rows.items():
            for claim, label in zip(claims, labels, strict=True):
                if label:
                    s.set_label(claim.id, label, reviewer)
        s.set_note(claims[0].id, "ben", "the police said [b]eight[/b]")
    return claims


def final_csv(db: str) -> list[dict]:
    buf = io.StringIO()
    with Store.open(db) as s:
        write_final_export(s, buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


async def test_decide_undo_and_export_final(seeded_db: str) -> None:
    claims = label_team(seeded_db)
    app = build_app(seeded_db, LEAD, adjudicate=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AdjudicateScreen)
        text = "\n".join(screen_lines(app))
        assert "disagreements left: 2 of 2" in text
        # the first disagreement, every reviewer side by side, the note shown literally
        assert claims[0].text[:40] in text
        for name, label in (("ana", "consistent"), ("ben", "contradicted"), ("cy", "unverified")):
            assert name in text and label in text
        assert "the police said [b]eight[/b]" in text
        await pilot.press("x")
        await pilot.press("e")
        await pilot.press(*"report")
        await pilot.press("ctrl+s")
        with Store.open(seeded_db) as s:
            final = s.final(claims[0].id)
        assert (final.label, final.decided_by, final.reason) == ("contradicted", LEAD, "report")
        assert "disagreements left: 1 of 2" in "\n".join(screen_lines(app))
        await pilot.press("n")  # the next disagreement: the third claim
        assert app.screen.adjudication.claim == claims[2]
        await pilot.press("c")
        assert "disagreements left: 0 of 2" in "\n".join(screen_lines(app))
        await pilot.press("ctrl+z")  # undoes the last decision only
        with Store.open(seeded_db) as s:
            assert s.final(claims[2].id) is None
            assert s.final(claims[0].id).label == "contradicted"
            assert s.annotation(claims[2].id, "ana").label == "contradicted"  # untouched
        assert "disagreements left: 1 of 2" in "\n".join(screen_lines(app))
        await pilot.press("m", "n")  # the next claim with a single label
        assert app.screen.adjudication.claim == claims[3]
    rows = {r["claim_id"]: r for r in final_csv(seeded_db)}
    first = rows[claims[0].id]
    assert (first["final_label"], first["final_source"], first["reason"], first["decided_by"]) == (
        "contradicted", "adjudicated", "report", LEAD)  # fmt: skip
    assert (first["label:ana"], first["label:ben"], first["label:cy"]) == (
        "consistent", "contradicted", "unverified")  # fmt: skip
    assert (rows[claims[1].id]["final_label"], rows[claims[1].id]["final_source"]) == (
        "consistent", "unanimous")  # fmt: skip
    assert (rows[claims[2].id]["final_label"], rows[claims[2].id]["final_source"]) == (
        "", "undecided")  # fmt: skip
    assert rows[claims[3].id]["final_source"] == "single" and rows[claims[3].id]["label:ben"] == ""
