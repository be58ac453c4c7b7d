"""Settings from the config file in the app: keymap, space, theme kept across restarts,
and a broken file that still opens the app with one line about it."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import build_app
from ui.helpers import REVIEWER, first_claims, labels, screen_lines


async def test_a_rebound_key_tags_and_help_shows_it(seeded_db: str, config_dir: Path) -> None:
    (config_dir / "config.toml").write_text('[keys]\ntag_consistent = "y"\n')
    claims = first_claims(seeded_db, 2)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c")  # no longer bound
        assert labels(seeded_db) == {}
        await pilot.press("y")
        assert labels(seeded_db) == {claims[0].id: "consistent"}
        await pilot.press("question_mark")
        help_text = "\n".join(screen_lines(app))
        assert "  y               consistent with the other sources" in help_text


async def test_space_clears_and_stays_unless_set(seeded_db: str, config_dir: Path) -> None:
    claims = first_claims(seeded_db, 3)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "k", "space")
        assert labels(seeded_db) == {}
        assert app.review.claim == claims[0]  # cleared, not moved
    (config_dir / "config.toml").write_text("space_advances = true\n")
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "k", "space")
        assert app.review.claim == claims[1]


async def test_a_theme_picked_is_there_at_the_next_start(seeded_db: str, config_dir: Path) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "nord"  # what the command palette's theme picker does
        await pilot.pause()
    assert 'theme = "nord"' in (config_dir / "config.toml").read_text()
    again = build_app(seeded_db, REVIEWER)
    async with again.run_test(size=(120, 36)):
        assert again.theme == "nord"


async def test_a_broken_config_opens_with_defaults_and_one_line(
    seeded_db: str, config_dir: Path
) -> None:
    (config_dir / "config.toml").write_text('theme = "no-such-theme"\n[keys]\nnope = "z"\n')
    claims = first_claims(seeded_db, 2)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("theme 'no-such-theme'" in m for m in said)
        assert any("keys.nope" in m for m in said)
        await pilot.press("c")
        assert labels(seeded_db) == {claims[0].id: "consistent"}
    assert app.theme == "textual-dark"


async def test_an_unknown_action_names_the_nearest_and_where_the_ids_are(
    seeded_db: str, config_dir: Path
) -> None:
    # "see README, Keys" sent the reader to the table of keys, which names no id (they are
    # listed under Settings), and a typo'd id was not named
    (config_dir / "config.toml").write_text('[keys]\ntag_consistant = "y"\n')
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
    assert said == [
        "config: keys.tag_consistant: no such action (did you mean tag_consistent?); "
        "the ids are listed in the README, under Settings"
    ]
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert "`tag_consistent`" in readme[readme.index("### Settings") : readme.index("## Exports")]


async def test_a_key_given_to_two_actions_is_refused_in_one_line(
    seeded_db: str, config_dir: Path
) -> None:
    # c, still shown as "consistent" in help, tagged the claim unverified, without a word
    (config_dir / "config.toml").write_text('[keys]\ntag_unverified = "c"\n')
    claims = first_claims(seeded_db, 3)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("keys.tag_unverified" in m and "tag_consistent" in m for m in said)
        await pilot.press("c", "u")
        assert labels(seeded_db) == {claims[0].id: "consistent", claims[1].id: "unverified"}


async def test_two_actions_may_swap_their_keys(seeded_db: str, config_dir: Path) -> None:
    (config_dir / "config.toml").write_text(
        '[keys]\ntag_consistent = "x"\ntag_contradicted = "c"\n'
    )
    claims = first_claims(seeded_db, 3)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        assert not app._notifications
        await pilot.press("x", "c")
        assert labels(seeded_db) == {claims[0].id: "consistent", claims[1].id: "contradicted"}


async def test_a_rebound_claim_key_moves_from_every_pane(seeded_db: str, config_dir: Path) -> None:
    (config_dir / "config.toml").write_text('[keys]\nnext_claim = "m"\n')
    claims = first_claims(seeded_db, 3)
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("m")
        assert app.review.claim == claims[1]
        app.query_one("#evidence").focus()
        await pilot.press("m")
        assert app.review.claim == claims[2]


def test_the_readme_names_every_binding_id() -> None:
    import re

    from reader.ui.app import CrossreadApp

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    settings = readme[readme.index("### Settings") : readme.index("## Exports")]
    named = set(re.findall(r"`(\w+)`", settings))
    named |= {f"link_{i}" for i in range(1, 10)} if "`link_1`…`link_9`" in settings else set()
    ids = {b.id for b in CrossreadApp.BINDINGS if b.id}
    assert ids <= named, ids - named
