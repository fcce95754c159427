"""SideBySide listening workstation: a Textual TUI over an ``analyze`` output folder.

Entry point: :func:`workstation.app.run` (``sidebyside review OUT_DIR``).
"""

from __future__ import annotations

__all__ = ["run"]


def run(out_dir: str, reviewer: str | None = None, audio: str = "auto") -> int:
    """Open the workstation on ``out_dir``; returns a process exit code."""
    from .app import run as _run

    return _run(out_dir, reviewer=reviewer, audio=audio)
