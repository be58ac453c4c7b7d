"""Values numbered in the order they are first met: an article's claims by article, a story's
texts (an article may repeat a sentence, a hostile one thousands of times: each text is read,
embedded and scored once)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def first_seen(items: Iterable[T]) -> tuple[list[T], list[int]]:
    """The distinct `items`, in the order first met, and each item's number among them."""
    number: dict[T, int] = {}
    which = [number.setdefault(x, len(number)) for x in items]
    return list(number), which
