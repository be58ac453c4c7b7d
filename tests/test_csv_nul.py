"""A NUL in a cell (a note pasted with one, a merged database) is exported as it is stored, on
every Python the package supports: 3.10's csv module refused it ("need to escape"), which
ended the export."""

import io

from annotations.output import _NulWriter, csv_writer

ROWS = [
    ["c1", "a\x00b", None, 3],
    ["c2", 'quote " and, comma\x00', "line\nbreak", 0.5],
    ["c3", "\x00", "\ufdd0 noncharacter\x00", ""],
    ["c4", "no nul", "plain", -1],
]


def test_rows_with_nuls_are_written_as_newer_pythons_write_them() -> None:
    # what csv.writer writes on 3.11+ (NUL as any other character): written out by hand here so
    # that the test means the same on 3.10
    want = (
        "c1,a\x00b,,3\r\n"
        'c2,"quote "" and, comma\x00","line\nbreak",0.5\r\n'
        "c3,\x00,\ufdd0 noncharacter\x00,\r\n"
        "c4,no nul,plain,-1\r\n"
    )
    for writer in (_NulWriter, csv_writer):
        out = io.StringIO()
        writer(out).writerows(ROWS)
        assert out.getvalue() == want
