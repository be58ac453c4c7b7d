"""Hand-built stories for store tests, so they don't depend on the loader or the aligner."""

from __future__ import annotations

from rapidfuzz import fuzz

from reader.corpus.sentences import article_from_sentences
from reader.models import Evidence, Story, Suggestion


def make_story(name: str, articles: dict[str, list[str]]) -> Story:
    """A story whose articles are their sentences joined by single spaces."""
    story = Story(name=name, path=f"/corpus/{name}")
    for art_name, sentences in articles.items():
        story.articles.append(
            article_from_sentences(name, art_name, sentences, path=f"/corpus/{name}/{art_name}")
        )
    return story


def make_evidence(story: Story, top: int = 3) -> list[Evidence]:
    """For each claim, the best `top` sentences of every other article by rapidfuzz ratio."""
    out = []
    for a in story.articles:
        for c in a.claims:
            for b in story.articles:
                if b is a:
                    continue
                ranked = sorted(b.claims, key=lambda o: -fuzz.ratio(c.text, o.text))[:top]
                for rank, o in enumerate(ranked, 1):
                    out.append(
                        Evidence(c.id, o.id, b.name, rank, fuzz.ratio(c.text, o.text), o.text)
                    )
    return out


def make_suggestions(story: Story, label: str = "consistent") -> list[Suggestion]:
    return [
        Suggestion(c.id, label, f"matched in other sources: {c.text[:20]}") for c in story.claims()
    ]


SEED = {
    "a.txt": [
        "The storm hit the coast on Monday.",
        "Six people were injured.",
        "Power was cut for six hours.",
        "Officials said the bridge was closed.",
    ],
    "b.txt": [
        "A storm struck the coast Monday.",
        "Eight people were hurt.",
        "Power went out for eight hours.",
    ],
    "c.txt": [
        "The storm reached the coast on Monday night.",
        "Six were injured, police said.",
        "The bridge stayed open.",
    ],
}


def seed_story() -> Story:
    return make_story("storm", SEED)
