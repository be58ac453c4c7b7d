"""Reading hostile corpora: stray bytes, legacy encodings, stray NULs, odd names, symlinks out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.store import Store
from reader.corpus.decode import decode_bytes
from reader.corpus.loader import load_corpus

ENGLISH = (
    "The talks in Geneva ended on Monday without a breakthrough, officials said. "
    "Both delegations agreed to meet again next week in Vienna.\n"
)
RUSSIAN = (
    "Москва заявила, что переговоры в Женеве прошли конструктивно, но без прорыва. "
    "Стороны договорились продолжить диалог на следующей неделе в Вене. "
    "Представитель министерства отметил, что позиции сторон по-прежнему расходятся.\n"
) * 2


def crossread(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, timeout=120, cwd=cwd
    )


def test_a_stray_invalid_byte_keeps_utf8_and_names_its_offset() -> None:
    good = "Zürich café: the talks resumed on Monday. ".encode()
    data = good + b"\xff" + " Officials in Zürich agreed.".encode()
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8"
    assert text == good.decode() + "\ufffd" + " Officials in Zürich agreed."
    assert warnings == [
        f"1 invalid UTF-8 sequence(s) replaced with U+FFFD (first at byte {len(good)})"
    ]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_legacy_encodings_are_detected(encoding: str) -> None:
    text, used, warnings = decode_bytes(RUSSIAN.encode(encoding))
    assert text == RUSSIAN
    assert used.replace("_", "-") == encoding
    assert warnings == [f"decoded as {used} (not valid UTF-8)"]


@pytest.mark.parametrize(("encoding", "sample"), [
    ("utf-16-le", ENGLISH * 2), ("utf-16-be", ENGLISH * 2), ("utf-16-le", RUSSIAN),
])  # fmt: skip
def test_utf16_without_a_bom_is_decoded_not_called_binary(encoding: str, sample: str) -> None:
    text, used, _ = decode_bytes(sample.encode(encoding))
    assert text == sample and used == encoding


def test_a_stray_nul_is_replaced_and_warned_not_binary() -> None:
    data = ENGLISH.encode() * 3 + b"\x00" + ENGLISH.encode()
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8" and len(text) == len(data)
    assert text[len(ENGLISH) * 3] == "\ufffd"
    assert warnings == ["1 control character(s) (1 NUL) replaced with U+FFFD"]


def test_file_and_folder_names_that_are_not_utf8_are_escaped(tmp_path: Path) -> None:
    root = tmp_path / os.fsdecode(b"story\xff")
    root.mkdir()
    (root / os.fsdecode(b"caf\xe9.txt")).write_text(ENGLISH)
    (root / "ok.txt").write_text(ENGLISH)
    corpus = load_corpus(root)
    story = corpus.stories[0]
    assert story.name == "story\\xff"
    assert [a.name for a in story.articles] == ["caf\\xe9.txt", "ok.txt"]
    assert "not valid UTF-8" in story.articles[0].warnings[0]
    db = tmp_path / "x.db"
    proc = crossread(
        "import", os.fsencode(root).decode("utf-8", "surrogateescape"), "--db", str(db)
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr + proc.stdout
    assert b"warning story\\xff/caf\\xe9.txt: file name is not valid UTF-8" in proc.stdout
    with Store.open(db) as s:
        assert s.stories() == ["story\\xff"]
    proc = crossread("suggest", str(root))
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert {json.loads(line)["article"] for line in proc.stdout.splitlines()} == {
        "caf\\xe9.txt",
        "ok.txt",
    }


def test_symlinks_out_of_the_corpus_are_skipped_unless_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the secret password is swordfish, said the admin.\n")
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(ENGLISH)
    (story / "x.txt").symlink_to(secret)
    (story / "inside.txt").symlink_to("a.txt")  # a link within the corpus is fine
    db = tmp_path / "x.db"
    proc = crossread("import", str(story), "--db", str(db))
    assert proc.returncode == 0
    assert b"skipped " in proc.stdout and b"x.txt: symbolic link out of the corpus" in proc.stdout
    export = crossread("export", "--all", "--db", str(db))
    assert b"swordfish" not in export.stdout and b"inside.txt" in export.stdout
    suggest = crossread("suggest", str(story))
    assert b"swordfish" not in suggest.stdout and b"out of the corpus" in suggest.stderr
    followed = crossread("suggest", str(story), "--follow-symlinks")
    assert b"swordfish" in followed.stdout


def test_import_of_a_folder_without_articles_exits_2_like_suggest(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG\r\n")
    for args in (["import", "empty", "--db", "x.db"], ["suggest", "empty"]):
        proc = crossread(*args, cwd=tmp_path)
        assert proc.returncode == 2, args
        assert proc.stderr.strip().splitlines()[-1].startswith(b"crossread: error: no articles")
    assert not (tmp_path / "x.db").exists()


def test_decoding_warnings_are_printed_and_stored(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(ENGLISH)
    (story / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (story / "stray.txt").write_bytes(ENGLISH.encode() + b"\xff" + "Zürich.\n".encode())
    db = tmp_path / "x.db"
    proc = crossread("import", str(story), "--db", str(db))
    assert b"warning story/ru.txt: decoded as cp1251" in proc.stdout
    assert b"warning story/stray.txt: 1 invalid UTF-8 sequence(s)" in proc.stdout
    suggest = crossread("suggest", str(story))
    assert b"warning story/ru.txt: decoded as cp1251" in suggest.stderr
    with Store.open(db) as s:
        stored = {a.name: a.warnings for a in s.articles("story")}
    assert stored["ru.txt"] == ("decoded as cp1251 (not valid UTF-8)",)
    assert stored["a.txt"] == ()


def test_a_folder_name_that_is_not_utf8_is_said_as_its_files_are(tmp_path: Path) -> None:
    # the file got "file name is not valid UTF-8; shown as …"; its folder said nothing
    root = tmp_path / os.fsdecode(b"story\xff")
    root.mkdir()
    (root / "a.txt").write_text(ENGLISH)
    (root / "b.txt").write_text(ENGLISH)
    for args in (["import", str(root), "--db", str(tmp_path / "x.db")], ["suggest", str(root)]):
        proc = crossread(*args)
        assert proc.returncode == 0, proc.stderr
        said = proc.stdout + proc.stderr if args[0] == "import" else proc.stderr
        assert said.count(b"folder name is not valid UTF-8; shown as story\\xff") == 1, said
