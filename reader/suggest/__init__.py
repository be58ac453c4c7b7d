"""Suggested labels for claims: consistent, contradicted or unverified, with a checkable reason.

`suggest_story` runs the detectors (numbers, dates, titles) across the whole story, votes per fact,
and adds polarity and altered-quote hints. No Textual, no network.
"""

from __future__ import annotations

from reader.suggest.decide import StorySuggester, suggest_story

__all__ = ["StorySuggester", "suggest_story"]
