"""crossread's reader: loading stories, segmenting claims, aligning evidence, suggestions, CLI and UI.

Everything in this package except `reader.ui` runs without Textual.
"""

__version__ = "0.1.0"
