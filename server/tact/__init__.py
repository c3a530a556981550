"""Tact: a compose-time linter for client email."""

__version__ = "0.1.0"
