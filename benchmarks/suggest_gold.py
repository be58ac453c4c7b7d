"""Suggestions against a gold file, per confidence: how often each level is right.

    python benchmarks/suggest_gold.py GOLD.jsonl CORPUS

GOLD holds one JSON object a line, {"article", "fragment", "labels"}, matched to the claim of that
article whose text holds the fragment's first 40 characters (white space folded), as
`score-suggestions` does. Prints, per confidence level, how many suggestions were right, and the
figure `A` relies on: the share of high-confidence suggestions that are right.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from reader.cli.suggest_export import suggestion_records


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    records = list(suggestion_records(sys.argv[2]))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for g in gold:
        key = _fold(g["fragment"])[:40]
        found = [r for r in records if r["article"] == g["article"] and key in _fold(r["text"])]
        if not found:
            continue
        r = found[0]
        level = r["suggestion_confidence"]
        total[level] += 1
        right[level] += r["suggested_label"] in g["labels"]
        if r["suggested_label"] not in g["labels"] and level == "high":
            print(f"  wrong high: {g['article']}: {g['fragment'][:60]!r} "
                  f"gold={'|'.join(g['labels'])} got={r['suggested_label']}")  # fmt: skip
    for level in ("high", "medium", "low"):
        n = total[level]
        share = f"{right[level] / n:.2f}" if n else "-"
        print(f"{level:6s} {right[level]:3d} of {n:3d} right ({share})")
    n = total["high"]
    share = right["high"] / n if n else 0.0
    print(
        f"high-confidence suggestions right: {share:.2f} ({right['high']} of {n}; target >= 0.95)"
    )


if __name__ == "__main__":
    main()
