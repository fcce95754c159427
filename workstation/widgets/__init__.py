"""Widgets of the workstation; each keeps its styles in a ``.tcss`` file beside it."""

from __future__ import annotations

from pathlib import Path


def css_beside(module_file: str) -> str:
    """The ``.tcss`` next to a widget module, as DEFAULT_CSS (widgets have no CSS_PATH)."""
    path = Path(module_file).with_suffix(".tcss")
    return path.read_text(encoding="utf-8") if path.exists() else ""
