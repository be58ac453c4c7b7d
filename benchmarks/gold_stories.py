"""Evidence and suggestions scored on stories the repository does not hold, against their
counterpart gold files: what the issues call "the same figures on stories you don't have".

    python benchmarks/gold_stories.py STORIES GOLDS [--scorer DIR]

STORIES: a folder of story folders (one per event, its articles inside). GOLDS: a folder of
`STORY.gold.jsonl` files in the dev gold's counterpart format (`score-evidence`'s: every claim of
the story, each with its counterparts in the other articles, "agrees" or "contradicts"). For each
story with a gold file, in a temp folder: `crossread import`, then `score-evidence`; and
`crossread suggest`, scored with `score-suggestions` against labels derived from the same gold (a
claim with a contradicting counterpart: contradicted, or consistent too when another agrees; with
agreeing ones only: consistent; with none: unverified). Prints each story's figures and the sums.
The scorers are the dev tools (`--scorer`: their folder).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

SCORERS = "/work/shared/tools"
EVIDENCE = {
    "pairs": r"recall@3 [\d.]+ \((\d+) of (\d+) pairs\)\s*$",
    "contradicting": r"contradicts .*recall@3 [\d.]+ \((\d+) of (\d+)\)",
    "groups": r"within 3 [\d.]+ \((\d+) of (\d+)\)",
    "false leads": r"false leads .*?: (\d+) of (\d+)",
}  # fmt: skip
SUGGESTIONS = {"accuracy": r"accuracy [\d.]+ \((\d+) of (\d+)\)"}


def derived_labels(gold: Path, out: Path) -> None:
    """The suggestion labels the counterpart gold implies, in `score-suggestions`' format."""
    lines = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        said = {c["relation"] for c in item["counterparts"]}
        labels = (
            ["consistent", "contradicted"] if said == {"agrees", "contradicts"}
            else ["contradicted"] if "contradicts" in said
            else ["consistent"] if said else ["unverified"]
        )  # fmt: skip
        where = {k: item[k] for k in ("article", "fragment")}
        lines.append(json.dumps({**where, "labels": labels}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def figures(text: str, patterns: dict[str, str]) -> dict[str, tuple[int, int]]:
    found = {}
    for name, pattern in patterns.items():
        m = re.search(pattern, text, re.MULTILINE)
        found[name] = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    return found


def crossread(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "reader", *args], check=True, capture_output=True)


def score(tool: Path, *args: str) -> str:
    return subprocess.run([str(tool), *args], capture_output=True, text=True, check=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path)
    parser.add_argument("golds", type=Path)
    parser.add_argument("--scorer", type=Path, default=Path(SCORERS))
    args = parser.parse_args()
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for gold in sorted(args.golds.glob("*.gold.jsonl")):
            name = gold.name.removesuffix(".gold.jsonl")
            story = args.stories / name
            if not story.is_dir():
                continue
            db, suggested, labels = work / f"{name}.db", work / f"{name}.jsonl", work / name
            crossread("import", str(story), "--db", str(db))
            crossread("suggest", str(story), "--format", "jsonl", "-o", str(suggested))
            derived_labels(gold, labels)
            got = figures(score(args.scorer / "score-evidence", str(gold), str(db)), EVIDENCE)
            got |= figures(
                score(args.scorer / "score-suggestions", str(labels), str(suggested)), SUGGESTIONS
            )
            for key, (found, of) in got.items():
                total[key] += found
                total[key + " of"] += of
            print(f"{name:14} " + "  ".join(f"{k} {f}/{n}" for k, (f, n) in got.items()))
    print(
        "all            "
        + "  ".join(
            f"{k} {total[k]}/{total[k + ' of']} ({total[k] / max(1, total[k + ' of']):.3f})"
            for k in (*EVIDENCE, *SUGGESTIONS)
        )
    )


if __name__ == "__main__":
    main()
