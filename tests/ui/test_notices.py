"""Notices at 80x24: an information notice never hides the claim or the evidence (it sits over
the footer); a newer one replaces it; an error still stands out above the rest."""

from __future__ import annotations

from textual.widgets._toast import Toast

from reader.ui.app import build_app
from ui.helpers import REVIEWER, screen_lines

SIZE = (80, 24)
LONG = (
    "That was the last claim of this article that the filter shows: ] for the next article, "
    "n for the next untagged claim."
)


async def test_an_information_notice_covers_only_the_footer(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = screen_lines(app)
        await pilot.press("ctrl+z")  # nothing to undo: only a notice changes
        await pilot.pause(0.2)
        after = screen_lines(app)
        assert "Nothing to undo." in after[-1]
        assert after[:-1] == before[:-1]  # the claim, the evidence, its border: all as they were
        # a notice of two lines takes the evidence pane's bottom border too, never a candidate
        app.say(LONG)
        await pilot.pause(0.2)
        after = screen_lines(app)
        assert after[:-2] == before[:-2]
        assert "That was the last claim" in after[-2] and "next untagged claim." in after[-1]
        # it replaced the notice before: notices never pile up over the evidence
        assert [n.message for n in app._notifications] == [LONG]
        assert "Nothing to undo." not in "\n".join(after)


async def test_an_error_is_still_a_box_of_its_own(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.say("Not saved: the database is locked", error=True)
        await pilot.pause(0.2)
        app.say("Nothing to undo.")  # an information notice does not replace an error
        await pilot.pause(0.2)
        toasts = {t._notification.severity: t for t in app.screen.query(Toast)}
        assert set(toasts) == {"error", "information"}
        assert toasts["error"].outer_size.height >= 3  # padded, in its own box
        assert toasts["error"].region.y < toasts["information"].region.y
        assert toasts["information"].outer_size.height == 1


async def test_a_name_that_differs_only_in_case_is_pointed_out(sourced_db: str) -> None:
    # `--reviewer Ana` where `ana` has the tags opened an empty review without a word
    from annotations.store import Store

    with Store.open(sourced_db) as store:
        claim = store.claims(store.stories()[0])[0]
        store.set_label(claim.id, "consistent", "ana")
    app = build_app(sourced_db, "Ana")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause(0.2)
        said = [n.message for n in app._notifications]
        assert said == [
            "No tags by Ana yet; ana has some: names are case-sensitive (--reviewer ana)."
        ]
    app = build_app(sourced_db, "ana")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause(0.2)
        assert not app._notifications
