"""Suggested labels for claims: consistent, contradicted or unverified, with a checkable reason."""

from __future__ import annotations

from collections.abc import Iterable

from reader.models import Evidence, Story, Suggestion


def suggest_story(story: Story, evidence: Iterable[Evidence] | None = None) -> list[Suggestion]:
    """One suggestion per claim of `story` (placeholder: everything unverified)."""
    return [
        Suggestion(c.id, "unverified", "no counterpart found in any other source")
        for c in story.claims()
    ]


__all__ = ["suggest_story"]
