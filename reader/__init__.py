"""crossread's reader: loading, segmenting, aligning evidence, suggestions, the CLI and the UI.

Everything in this package except `reader.ui` runs without Textual.
"""

__version__ = "0.1.0"
