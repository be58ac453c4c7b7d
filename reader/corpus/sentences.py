"""Articles built from sentences that are already split (tests, benchmarks, other tools' output)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from reader.corpus.claim_ids import assign_ids
from reader.models import Article, Claim


def article_from_sentences(
    story: str,
    name: str,
    sentences: Sequence[str],
    *,
    sep: str = " ",
    path: str = "",
    title: str | None = None,
    title_span: tuple[int, int] | None = None,
) -> Article:
    """An article whose text is `sentences` joined by `sep`, each sentence one claim.

    The title defaults to the first sentence; ids and offsets are those an import would give.
    """
    text = sep.join(sentences)
    article = Article(
        story=story,
        name=name,
        path=path or name,
        text=text,
        title=sentences[0] if title is None and sentences else title or "",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding="utf-8",
        title_span=title_span,
    )
    pos = 0
    ids = assign_ids(story, name, list(sentences))
    for k, (cid, s) in enumerate(zip(ids, sentences, strict=True)):
        start = text.index(s, pos)
        pos = start + len(s)
        article.claims.append(Claim(cid, story, name, k, start, pos, s))
    return article
