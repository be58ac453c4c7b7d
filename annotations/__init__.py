"""crossread's record of the work: the SQLite store, labels, event log, undo and exports.

Never imports Textual.
"""
