"""Errors a user sees: one line naming the file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """A call could not be analysed. ``str()`` is the one-line message for stderr."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class AudioError(AnalysisError):
    """The file is not audio we can read: empty, truncated, corrupt or unsupported."""


class ModelError(Exception):
    """A model could not be loaded (missing folder, no network for a hub name...)."""
