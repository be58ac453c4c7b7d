"""A story's evidence and suggestions as the rows the store writes, prepared (`prepare`) where
they are computed: in a long story's worker processes, so that the writer, which holds the
write lock, only numbers and inserts them (a 30,000-sentence story's rows took it 0.5 s).

The store numbers a story's claims (claim_rows.n) inside its transaction; prepared rows refer to
claims by their index in `story.claims()`. The store inserts the claims in that order, so their
numbers rise with the index and rows in key order by index are in key order by number: numbering
them (`StoryRows.evidence`, `StoryRows.suggestions`) only maps the indices. Were the numbers ever
in another order, the pairs are sorted again.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotations.schema import CONFIDENCE_CODES, LABEL_CODES
from reader.models import Suggestion

if TYPE_CHECKING:
    import numpy as np

# JSON without the spaces after separators: the `suggestions` view shows evidence as SQLite's
# JSON functions write it, so it reads the same.
_compact = json.JSONEncoder(separators=(",", ":")).encode


@dataclass
class StoryRows:
    """A block's rows, claims by index: evidence in key order (claim, other claim, rank,
    score), packed where that is exact (schema.PACK) and as given otherwise (`general`:
    (claim, other, rank, score)); suggestions as rows whose evidence refers to each other claim
    as (index, the rest of its JSON item: `rank,score]`)."""

    claim: np.ndarray
    other: np.ndarray
    packed: np.ndarray
    general: list[tuple]
    suggestions: list[tuple]

    @property
    def pairs(self) -> int:
        return len(self.claim) + len(self.general)

    def evidence(self, numbers: np.ndarray, rising: bool) -> tuple[list[int], list[tuple]]:
        """Rows of evidence_packed (claim, delta, packed), one after the other in one list,
        and of evidence_pairs (claim, other, rank, score), in key order, the claims numbered:
        `numbers[k]` is claim k's number, `rising` says they rise with k."""
        import numpy as np

        if not rising:
            return _resorted(self, numbers)
        claim, other = numbers[self.claim], numbers[self.other]
        packed = np.column_stack((claim, other - claim, self.packed)).ravel().tolist()
        general = [
            (int(numbers[c]), int(numbers[o]), r, _general_score(s)) for c, o, r, s in self.general
        ]
        return packed, general

    def records(self, numbers: Sequence[int]) -> Iterable[tuple[int, tuple]]:
        """(claim number, suggestion_rows row) of each suggestion."""
        for k, label, reason, refs, hints, spans, confidence in self.suggestions:
            # JSON [[other claim's number, rank, score], ...]: the rest of each item is ready
            evidence = "[" + ",".join([f"[{numbers[o]},{rest}" for o, rest in refs]) + "]"
            yield numbers[k], (numbers[k], label, reason, evidence, hints, spans, confidence)


def prepare(
    index: Mapping[str, int],
    columns: tuple[Sequence, Sequence, Sequence, Sequence],
    suggestions: Iterable[Suggestion],
) -> StoryRows:
    """A block's rows: its evidence as columns of claim indices (claim, other claim, rank,
    score), its suggestions; `index`: claim id -> index of the story's claims (a suggestion or
    reference to a claim not in it is dropped)."""
    import numpy as np  # here: the app reads the store without needing numpy to start

    rows, cols, ranks, scores = (_column(c) for c in columns)
    if not len(ranks) or ranks.dtype.kind != "i" or scores.dtype.kind != "f":
        return _one_by_one(*map(_plain, columns), _suggestion_rows(index, suggestions))
    order = np.lexsort((scores, ranks, cols, rows))
    rows, cols, ranks, scores = rows[order], cols[order], ranks[order], scores[order]
    tenths = np.rint(scores * 10)  # as round(): half to even
    exact = (ranks >= 0) & (ranks <= 31) & (scores >= 0) & (scores <= 100) & (tenths / 10 == scores)
    rest = ~exact
    return StoryRows(
        rows[exact],
        cols[exact],
        tenths[exact].astype(np.int64) * 32 + ranks[exact],
        list(
            zip(
                rows[rest].tolist(), cols[rest].tolist(), ranks[rest].tolist(),
                scores[rest].tolist(), strict=True,
            )
        ),
        _suggestion_rows(index, suggestions),
    )  # fmt: skip


def _column(values: Sequence) -> np.ndarray:
    """A column as the array of its values as Python numbers (`_plain`): a float32 score is
    packed as the double it is, not rounded in float32."""
    import numpy as np

    if isinstance(values, np.ndarray) and values.dtype.kind in "iuf":
        return values.astype(np.float64 if values.dtype.kind == "f" else np.int64)
    return np.asarray(_plain(values))


def _plain(values: Sequence) -> Sequence:
    """An array's values as Python numbers; any other sequence as it is."""
    return values.tolist() if hasattr(values, "tolist") else values


def _suggestion_rows(index: Mapping[str, int], suggestions: Iterable[Suggestion]) -> list[tuple]:
    return [
        (
            index[s.claim_id],
            LABEL_CODES.index(s.label) if s.label in LABEL_CODES else s.label,
            s.reason,
            [
                (index[e.other_id], _rest(e.rank, e.score))
                for e in s.evidence
                if e.other_id in index
            ],
            _hints(s.hints),
            _spans(s.spans),
            CONFIDENCE_CODES.index(s.confidence)
            if s.confidence in CONFIDENCE_CODES
            else s.confidence,
        )
        for s in suggestions
        if s.claim_id in index
    ]


def _rest(rank: object, score: object) -> str:
    """`rank,score]`, as in JSON: an int and a finite float are written as repr writes them."""
    if type(rank) is int and type(score) is float and math.isfinite(score):
        return f"{rank!r},{score!r}]"
    return _compact([rank, score])[1:]


def _hints(hints: Sequence[str]) -> str:
    return json.dumps(list(hints), ensure_ascii=False) if hints else "[]"


def _spans(spans: Sequence) -> str:
    return json.dumps([list(sp) for sp in spans]) if spans else "[]"


def _one_by_one(
    rows: Sequence, cols: Sequence, ranks: Sequence, scores: Sequence, suggestions: list[tuple]
) -> StoryRows:
    """`prepare` of values that are not all integer ranks and float scores."""
    import numpy as np

    packed, general = [], []
    for c, o, r, sc in sorted(zip(rows, cols, ranks, scores, strict=True)):
        p = _pack(r, sc)
        if p is None:
            general.append((c, o, r, sc))
        else:
            packed.append((c, o, p))
    claim, other, pack = (np.array([row[k] for row in packed], np.int64) for k in range(3))
    return StoryRows(claim, other, pack, general, suggestions)


def _resorted(rows: StoryRows, numbers: np.ndarray) -> tuple[list[int], list[tuple]]:
    """`StoryRows.evidence` for claim numbers that do not rise with the index: sorted again."""
    n = numbers.tolist()
    pairs = [
        (n[c], n[o], p % 32, p // 32 / 10)
        for c, o, p in zip(
            rows.claim.tolist(), rows.other.tolist(), rows.packed.tolist(), strict=True
        )
    ]
    pairs += [(n[c], n[o], r, s) for c, o, r, s in rows.general]
    packed, general = [], []
    for c, o, r, s in sorted(pairs):
        p = _pack(r, s)
        if p is None:
            general.append((c, o, r, _general_score(s)))
        else:
            packed += (c, o - c, p)
    return packed, general


def _pack(rank: object, score: object) -> int | None:
    """Rank and score as one integer, tenths * 32 + rank, when that is exact (schema.PACK)."""
    if not isinstance(rank, int) or not 0 <= rank <= 31:
        return None
    if not isinstance(score, (int, float)) or not 0 <= score <= 100:
        return None
    tenths = round(score * 10)
    return tenths * 32 + rank if tenths / 10 == score else None


def _general_score(score: object) -> object:
    """A score for evidence_pairs (see schema.TENTHS): tenths as an integer when that is
    exact; a whole number is a score, not tenths, so it is stored as a float."""
    if isinstance(score, int):
        score = float(score)
    if isinstance(score, float):
        tenths = round(score * 10) if score == score and abs(score) < 1e15 else None
        if tenths is not None and tenths / 10 == score:
            return tenths
    return score
