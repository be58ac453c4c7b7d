"""`g` shows the labelling guidelines: Markdown, scrollable, untrusted text shown as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.corpus.loader import load_corpus
from reader.ui.app import build_app
from reader.ui.guidelines import GuidelinesScreen
from ui.conftest import SEEDS, import_into
from ui.helpers import REVIEWER, labels, screen_lines

RULES = (
    "# Labelling rules\n\n"
    "A claim is **consistent** when another source says the same.\n\n"
    "Hostile: [@click=app.quit]quit[/] and \x1b[31mred\x1b[0m and [b]bold[/b].\n\n"
    "See [the manual](https://example.org/manual).\n\n"
    + "".join(f"- rule {i}: read every source.\n" for i in range(60))
    + "\nLast line of the rules.\n"
)


def story_with_guidelines(tmp_path: Path) -> Path:
    folder = tmp_path / "geneva"
    folder.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    (folder / "guidelines.md").write_text(RULES, encoding="utf-8")
    return folder


def test_guidelines_md_is_not_an_article(tmp_path: Path) -> None:
    corpus = load_corpus(story_with_guidelines(tmp_path))
    assert [a.name for a in corpus.stories[0].articles] == sorted(
        p.name for p in SEEDS.glob("*.txt")
    )[:2]
    assert any("guidelines" in s.reason for s in corpus.skipped)


def test_guidelines_are_found_beside_a_story_whose_folder_name_is_not_utf8(tmp_path: Path) -> None:
    import os

    from reader.corpus.decode import escape_undecodable
    from reader.ui.guidelines import find_guidelines

    folder = story_with_guidelines(tmp_path).rename(tmp_path / os.fsdecode(b"gen\xe8ve"))
    stored = escape_undecodable(str(folder))  # as the store keeps its path: "gen\\xe8ve"
    assert find_guidelines(stored) == folder / "guidelines.md"


async def test_g_shows_the_guidelines_scrolls_and_never_runs_their_text(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    import_into("review.db", story_with_guidelines(tmp_path))
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuidelinesScreen)
        shown = "\n".join(screen_lines(app))
        assert "Labelling rules" in shown and "Esc closes" in shown
        assert "[@click=app.quit]quit[/]" in shown and "[b]bold[/b]" in shown
        assert "\x1b" not in shown
        assert "Last line of the rules." not in shown
        for _ in range(80):
            await pilot.press("j")
        await pilot.pause()
        assert "Last line of the rules." in "\n".join(screen_lines(app))
        # a link is never opened: its address is shown after its words, to copy if wanted;
        # clicks on the text never run it
        await pilot.press("home")
        await pilot.pause()
        assert "See the manual (https://example.org/manual)." in "\n".join(screen_lines(app))
        for y in range(0, 14):
            await pilot.click("#guidelines-scroll", offset=(12, y))
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
        assert not isinstance(app.screen, GuidelinesScreen)
        await pilot.press("c")
    assert len(labels("review.db")) == 1


async def test_without_guidelines_g_says_where_to_put_them(seeded_db: str) -> None:
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert not isinstance(app.screen, GuidelinesScreen)
        assert any("guidelines.md" in n.message for n in app._notifications)


async def test_guidelines_given_on_the_command_line(seeded_db: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules.md"
    rules.write_text("# Team rules\n\nLink every contradiction.\n")
    app = build_app(seeded_db, REVIEWER, guidelines=str(rules))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert "Link every contradiction." in "\n".join(screen_lines(app))


def test_a_missing_guidelines_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "x.db"), "--guidelines",
         str(tmp_path / "nope.md")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "nope.md" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_guidelines_that_are_a_fifo_are_refused_not_waited_for(tmp_path: Path) -> None:
    # `--guidelines` accepted a FIFO, and `g` froze the app: opening it waits for a writer
    import os
    import threading

    from reader.ui.guidelines import read_guidelines

    fifo = tmp_path / "rules.md"
    os.mkfifo(fifo)
    outcome: list[BaseException | str] = []

    def read() -> None:
        try:
            outcome.append(read_guidelines(fifo))
        except (OSError, ValueError) as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # let it go: a writer that closes at once gives it an end of file
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
        raise AssertionError("reading the guidelines waited on a FIFO")
    assert isinstance(outcome[0], ValueError) and "not a regular file" in str(outcome[0])


BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 64  # an image named .md


def test_guidelines_that_are_a_binary_file_are_refused_in_one_line(tmp_path: Path) -> None:
    # the app opened on them, and g showed the bytes as garbage
    rules = tmp_path / "rules.md"
    rules.write_bytes(BINARY)
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(SEEDS), "--db", str(tmp_path / "x.db"),
         "--guidelines", str(rules)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        f"crossread: error: --guidelines {rules}: binary file (NUL or other non-text bytes "
        "near its start)\n"
    )
    assert not (tmp_path / "x.db").exists()


async def test_g_refuses_binary_guidelines_and_reads_text_as_articles_are(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    story = story_with_guidelines(tmp_path)
    import_into("review.db", story)
    (story / "guidelines.md").write_bytes(BINARY)  # beside the story: found, not given
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert not isinstance(app.screen, GuidelinesScreen)
        assert any("binary file" in n.message for n in app._notifications)
        # a BOM says UTF-16 (it was read as UTF-8: every other character a NUL)
        (story / "guidelines.md").write_bytes("# Règles\n\nLink each claim.\n".encode("utf-16"))
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuidelinesScreen)
        assert "Link each claim." in "\n".join(screen_lines(app))


async def test_long_guidelines_open_at_once_and_escape_closes_them(
    seeded_db: str, tmp_path: Path
) -> None:
    # a manual of 100 KB (1,300 paragraphs) froze the app for 14 s after g, nothing shown,
    # every key waiting: each paragraph was a widget of its own to style and lay out
    import time

    rules = tmp_path / "manual.md"
    para = "Tag a claim *consistent* when another source reports it; see [the manual](x).\n\n"
    rules.write_text("# Manual\n\n" + para * 1300 + "The end of the manual.\n")
    app = build_app(seeded_db, REVIEWER, guidelines=str(rules))
    async with app.run_test(size=(80, 24)) as pilot:
        started = time.monotonic()
        await pilot.press("g")
        assert isinstance(app.screen, GuidelinesScreen)
        assert time.monotonic() - started < 2
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Manual" in "\n".join(screen_lines(app))
        await pilot.press("end")
        await pilot.pause()
        assert "The end of the manual." in "\n".join(screen_lines(app))
        await pilot.press("escape", "c")
        assert time.monotonic() - started < 8
    assert len(labels(seeded_db)) == 1
