"""Evidence retrieval: for each claim, the sentences of other articles that report its fact."""

from reader.align.evidence import align_story

__all__ = ["align_story"]
