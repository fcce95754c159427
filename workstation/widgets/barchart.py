"""Horizontal bar charts drawn with block characters (dashboard pictures)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from . import css_beside
from textual.widgets import Static

_EIGHTHS = " ▏▎▍▌▋▊▉█"


def bar(value: float, maximum: float, width: int) -> str:
    """A bar ``width`` cells long at full scale, with eighth-cell resolution."""
    if maximum <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, int(round(value / maximum * width * 8)))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


class _Bars:
    def __init__(self, rows: list[tuple[str, float]], fmt, color: str, empty: str) -> None:
        self.rows, self.fmt, self.color, self.empty = rows, fmt, color, empty

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if not self.rows:
            yield Text(self.empty, style="dim")
            return
        label_w = min(max(len(lbl) for lbl, _ in self.rows), max(8, width // 3))
        values = [self.fmt(v) for _, v in self.rows]
        value_w = max(len(v) for v in values)
        bar_w = max(1, width - label_w - value_w - 3)
        top = max(v for _, v in self.rows)
        for (label, v), shown in zip(self.rows, values):
            line = Text(no_wrap=True, overflow="ellipsis")
            lbl = label if len(label) <= label_w else label[: label_w - 1] + "…"
            line.append(lbl.ljust(label_w) + " ", style="bold")
            b = bar(v, top, bar_w)
            line.append(b, style=self.color)
            line.append(" " * (bar_w - len(b) + 1) + shown.rjust(value_w), style="")
            yield line


class BarChart(Static):
    """A titled bar chart; ``rows`` are (label, value) pairs in display order."""
    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, title: str, rows: list[tuple[str, float]], *, fmt=lambda v: f"{v:g}",
                 color: str = "dodger_blue2", empty: str = "no data", id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(_Bars(rows, fmt, color, empty), id=id, classes=classes)
        self.border_title = title
        self.rows = rows
