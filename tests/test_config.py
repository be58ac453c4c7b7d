"""The settings file: read as data, one line per problem, defaults for what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.config import config_path, load_config, save_theme


def write(folder: Path, text: str) -> Path:
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_tests_never_see_the_developers_config(config_dir: Path) -> None:
    assert config_path() == config_dir / "config.toml"
    assert load_config() == load_config(config_dir / "missing.toml")  # defaults


def test_settings_and_keys_are_read(config_dir: Path) -> None:
    write(
        config_dir,
        'theme = "nord"\nauto_advance = false\nspace_advances = true\n\n'
        '[keys]\ntag_consistent = "y"\nnext_claim = "j, down"\n',
    )
    config = load_config()
    assert (config.theme, config.auto_advance, config.space_advances) == ("nord", False, True)
    assert config.keys == {"tag_consistent": "y", "next_claim": "j,down"}
    assert config.problems == []


def test_each_problem_is_one_line_naming_the_key_and_the_rest_still_applies(
    config_dir: Path,
) -> None:
    write(config_dir, 'auto_advance = "yes"\ncolour = 3\nspace_advances = true\n')
    config = load_config()
    assert config.auto_advance is True and config.space_advances is True
    assert len(config.problems) == 2
    assert all("\n" not in p for p in config.problems)
    assert "auto_advance must be true or false" in config.problems[0]
    assert "unknown setting 'colour'" in config.problems[1]


def test_a_file_that_is_not_toml_gives_the_defaults(config_dir: Path) -> None:
    write(config_dir, "theme = nord\n[keys\n")
    config = load_config()
    assert config.theme is None and config.keys == {}
    assert len(config.problems) == 1 and "not valid TOML" in config.problems[0]


def test_bad_keys_fall_back_to_the_default_keys(config_dir: Path) -> None:
    write(config_dir, '[keys]\ntag_consistent = ["c"]\n')
    config = load_config()
    assert config.keys == {} and "keys.tag_consistent" in config.problems[0]


def test_one_bad_key_keeps_only_that_actions_default(config_dir: Path) -> None:
    """A typo in one binding dropped every rebinding written after it."""
    write(config_dir, '[keys]\nnext_claim = "j,down"\ntag_consistent = 5\ntag_unverified = "y"\n')
    config = load_config()
    assert config.keys == {"next_claim": "j,down", "tag_unverified": "y"}
    assert len(config.problems) == 1 and "keys.tag_consistent" in config.problems[0]
    assert "tag_consistent keeps its default keys" in config.problems[0]


def test_a_config_folder_that_is_a_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$CROSSREAD_CONFIG_DIR naming the settings file itself: its settings were ignored
    without a word."""
    file = tmp_path / "config.toml"
    file.write_text('theme = "nord"\n', encoding="utf-8")
    monkeypatch.setenv("CROSSREAD_CONFIG_DIR", str(file))
    config = load_config()
    assert config.theme is None
    assert config.problems == [
        f"{file / 'config.toml'}: cannot read it ({file} is a file, not a folder); "
        "using the defaults"
    ]


def test_saving_the_theme_keeps_the_rest_of_the_file(config_dir: Path) -> None:
    path = write(config_dir, '# mine\nauto_advance = false\n\n[keys]\ntheme = "x"\n')
    assert save_theme("gruvbox") is None
    text = path.read_text()
    assert text.startswith('theme = "gruvbox"\n# mine\nauto_advance = false\n')
    assert '[keys]\ntheme = "x"' in text  # a key of a table is not the theme
    assert save_theme("nord") is None
    assert load_config().theme == "nord" and path.read_text().count("theme = ") == 2
    broken = write(config_dir, "auto_advance = \n")
    assert "not changed" in save_theme("nord")
    assert broken.read_text() == "auto_advance = \n"


def test_a_fifo_for_a_config_file_is_one_line_not_a_frozen_start(config_dir: Path) -> None:
    # the app did not start (reading the file waited for a writer); saving a theme would too
    import contextlib
    import os
    import threading

    fifo = config_dir / "config.toml"
    os.mkfifo(fifo)
    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.extend([load_config(), save_theme("nord")]), daemon=True
    )
    worker.start()
    worker.join(10)
    if worker.is_alive():  # let it go: a writer that closes at once gives it an end of file
        for _ in range(2):
            with contextlib.suppress(OSError):  # (no reader waiting yet)
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        raise AssertionError("reading the config file waited on a FIFO")
    config, saved = outcome
    assert config.theme is None and len(config.problems) == 1
    assert "not a regular file" in config.problems[0] and "defaults" in config.problems[0]
    assert saved is not None and "not changed" in saved
    assert [p.name for p in config_dir.iterdir()] == ["config.toml"]


def test_saving_the_theme_writes_through_a_symlinked_config_file(
    config_dir: Path, tmp_path: Path
) -> None:
    # a config file kept with one's dotfiles is a link to them: picking a theme replaced the
    # link with a copy, so the dotfiles never saw it and the next edit there was ignored
    import os

    kept = tmp_path / "dotfiles" / "crossread.toml"
    kept.parent.mkdir()
    kept.write_text("auto_advance = false\n")
    os.chmod(kept, 0o600)
    (config_dir / "config.toml").symlink_to(kept)
    assert save_theme("nord") is None
    assert (config_dir / "config.toml").is_symlink()
    assert kept.read_text() == 'theme = "nord"\nauto_advance = false\n'
    assert kept.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in kept.parent.iterdir()) == ["crossread.toml"]


def test_a_config_file_that_is_a_folder_is_called_a_folder(config_dir: Path) -> None:
    # it was "not a regular file (FIFO, device or socket)": the user looked for a FIFO
    (config_dir / "config.toml").mkdir()
    config = load_config()
    assert config.problems == [
        f"{config_dir / 'config.toml'}: cannot read it (a folder, not a file); using the defaults"
    ]


def test_saving_the_theme_writes_through_a_hard_linked_config_file(
    config_dir: Path, tmp_path: Path
) -> None:
    # a dotfiles copy hard-linked to the config file was cut off from it: the theme went into a
    # new file under the config's name, and the dotfiles' copy kept the old text
    import os

    kept = tmp_path / "dotfiles" / "crossread.toml"
    kept.parent.mkdir()
    kept.write_text("auto_advance = false\n")
    os.link(kept, config_dir / "config.toml")
    assert save_theme("nord") is None
    assert kept.read_text() == 'theme = "nord"\nauto_advance = false\n'
    assert os.path.samefile(kept, config_dir / "config.toml")


def test_two_apps_saving_the_theme_at_once_never_leave_a_torn_config(config_dir: Path) -> None:
    # both wrote the same config.toml.tmp beside it: one renamed the other's half-written file
    # over the config, or failed with "No such file" when the other had renamed it first
    import multiprocessing

    write(config_dir, "auto_advance = false\n" + "# a long comment line\n" * 20_000)
    with multiprocessing.get_context("fork").Pool(2) as apps:
        saved = apps.map(_save_often, ["nord", "gruvbox"])
    assert saved == [[None] * 40] * 2
    config = load_config()
    assert config.theme in ("nord", "gruvbox") and config.problems == []
    assert [p.name for p in config_dir.iterdir()] == ["config.toml"]


def _save_often(theme: str) -> list[str | None]:
    return [save_theme(theme) for _ in range(40)]
