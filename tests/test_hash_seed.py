"""The same files give the same evidence and suggestions in every run: nothing may follow the
order of a set, which changes with Python's hash seed (a re-import would relabel claims)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

# reports that draw on one small vocabulary: many candidates share different words of equal rarity
WORDS = """officials said the water level kept rising while crews worked through the night and
    insurers warned of large claims from shopkeepers near the old market quarter""".split()  # noqa: SIM905
NAMES = ["Dunmore", "Karsby", "Holt", "Avenford", "Lisk", "Brayton", "Corran", "Moyle"]

DUMP = """
import sys
from reader.corpus.loader import load_corpus
from reader.pipeline import analyse
for story in load_corpus(sys.argv[1]).stories:
    evidence, suggestions = analyse(story)
    print(*map(repr, evidence), *map(repr, suggestions), sep="\\n")
"""


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(NAMES)} {' '.join(rng.sample(WORDS, 12))}."


def test_analysis_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    rng = random.Random(3)
    story = tmp_path / "story"
    story.mkdir()
    (story / "long.txt").write_text(" ".join(sentence(rng) for _ in range(600)))
    for k in range(2):
        body = " ".join(sentence(rng) for _ in range(30))
        (story / f"short{k}.txt").write_text(f"Flood report {k}\n\n{body}\n")
    runs = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", DUMP, str(story)], env=env, capture_output=True, text=True,
            check=True,
        )  # fmt: skip
        assert out.stdout.count("Suggestion(") >= 660  # one per sentence
        runs.add(out.stdout)
    assert len(runs) == 1
