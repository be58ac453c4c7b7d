"""The command line: `crossread` and its subcommands, and how their output is formatted."""

from reader.cli.main import main

__all__ = ["main"]
