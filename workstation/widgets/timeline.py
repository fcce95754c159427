"""The whole call at a glance: who speaks, detections, annotations, the playhead.

Rows: agent speech, customer speech, detections (holds, dead air, transfers, repeated
verification …), reviewer annotations with the in/out selection, and a time ruler.
Clicking a column seeks there. Columns are bucketed once per width; only the playhead
and selection overlay change while playing.
"""

from __future__ import annotations

import functools

import numpy as np
from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from . import css_beside
from ..data import CallData
from ..timefmt import fmt_time

LABELS = ("Agent", "Cust.", "Events", "Notes", "")
LABEL_W = 7

# Glyph and colour per detection kind; priority decides what shows when kinds share a cell.
KIND_GLYPH = {
    "transfer_loop": ("↺", "bold magenta", 7),
    "transfer": ("⇄", "magenta", 6),
    "repeated_verification": ("V", "bold cyan", 5),
    "verification_request": ("v", "cyan", 4),
    "overtalk": ("≈", "red", 3),
    "dead_air": ("░", "bright_black on #3a1c1c", 2),
    "hold": ("▒", "yellow", 1),
    "queue_wait": ("▒", "dark_orange", 1),
}
SEVERITY_STYLE = {1: "green", 2: "chartreuse3", 3: "yellow", 4: "dark_orange", 5: "red"}


@functools.lru_cache(maxsize=64)
def _style(spec: str) -> Style:
    return Style.parse(spec) if spec else Style()


class Timeline(Widget):
    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES = {"timeline--label", "timeline--agent", "timeline--customer",
                         "timeline--playhead", "timeline--selection", "timeline--ruler"}

    position: reactive[float] = reactive(0.0)
    mark_in: reactive[float | None] = reactive(None)
    mark_out: reactive[float | None] = reactive(None)

    class Seek(Message):
        def __init__(self, time_s: float) -> None:
            super().__init__()
            self.time_s = time_s

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.call: CallData | None = None
        self.annotations: list = []
        self._cols: list[list[tuple[str, Style | str]]] | None = None
        self._cols_width = -1

    def load(self, call: CallData, annotations: list | None = None) -> None:
        self.call = call
        self.annotations = list(annotations or [])
        self._cols = None
        self.refresh()

    def set_annotations(self, annotations: list) -> None:
        self.annotations = list(annotations)
        self._cols = None
        self.refresh()

    def watch_position(self, old: float, new: float) -> None:
        # Redraw only when the playhead moves to another column (20 ticks a second otherwise).
        if self.call is None or self._col_of(old) != self._col_of(new):
            self.refresh()

    def watch_mark_in(self) -> None:
        self.refresh()

    def watch_mark_out(self) -> None:
        self.refresh()

    # ------------------------------------------------------------- geometry

    @property
    def _track_w(self) -> int:
        return max(1, self.size.width - LABEL_W)

    def _col_of(self, t: float) -> int:
        dur = self.call.duration_s if self.call else 0.0
        if dur <= 0:
            return 0
        return min(self._track_w - 1, max(0, int(t / dur * self._track_w)))

    def time_at_x(self, x: int) -> float | None:
        if self.call is None or x < LABEL_W:
            return None
        frac = (x - LABEL_W + 0.5) / self._track_w
        return min(max(0.0, frac), 1.0) * self.call.duration_s

    def on_click(self, event: Click) -> None:
        t = self.time_at_x(event.x)
        if t is not None:
            self.post_message(self.Seek(t))

    # ------------------------------------------------------------ rendering

    def _build(self) -> None:
        w = self._track_w
        self._cols_width = w
        call = self.call
        blank = (" ", "")
        rows = [[blank] * w for _ in range(4)]
        if call is None or call.duration_s <= 0:
            self._cols = rows
            return
        dur = call.duration_s
        edges = np.linspace(0.0, dur, w + 1)
        for r, role in ((0, "agent"), (1, "customer")):
            cover = np.zeros(w)
            for rl, s, e in call.turns:
                if rl != role or e <= s:
                    continue
                a, b = np.searchsorted(edges, [s, e], side="right") - 1
                for c in range(max(0, a), min(w - 1, b) + 1):
                    cover[c] += min(e, edges[c + 1]) - max(s, edges[c])
            frac = cover / max(dur / w, 1e-9)
            style = self.get_component_rich_style(f"timeline--{role}")
            for c in range(w):
                f = frac[c]
                if f > 0.02:
                    rows[r][c] = ("█" if f > 0.66 else "▆" if f > 0.33 else "▃", style)
        prio = [0] * w
        for ev in call.events:
            glyph, style, p = KIND_GLYPH.get(ev.kind, ("•", "white", 0))
            for c in range(self._col_of(ev.start_s), self._col_of(max(ev.start_s, ev.end_s - 1e-6)) + 1):
                if p >= prio[c]:
                    prio[c] = p
                    rows[2][c] = (glyph, style)
        for ann in self.annotations:
            style = SEVERITY_STYLE.get(getattr(ann, "severity", 3), "yellow")
            glyph = "✗" if getattr(ann, "verdict", None) == "rejected" else "■"
            for c in range(self._col_of(ann.start_s), self._col_of(max(ann.start_s, ann.end_s - 1e-6)) + 1):
                rows[3][c] = (glyph, style)
        self._cols = rows

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y >= len(LABELS):
            return Strip.blank(width, base)
        if self._cols is None or self._cols_width != self._track_w:
            self._build()
        assert self._cols is not None
        label_style = base + self.get_component_rich_style("timeline--label")
        segs = [Segment(LABELS[y].ljust(LABEL_W - 1)[: LABEL_W - 1] + " ", label_style)]
        if y == 4:
            segs.append(Segment(self._ruler(), base + self.get_component_rich_style("timeline--ruler")))
            return Strip(segs).crop(0, width).extend_cell_length(width, base)
        head = self._col_of(self.position) if self.call else -1
        sel = None
        if self.mark_in is not None:
            end = self.mark_out if self.mark_out is not None else self.position
            a, b = sorted((self.mark_in, end))
            sel = (self._col_of(a), self._col_of(b))
        sel_style = self.get_component_rich_style("timeline--selection")
        head_style = self.get_component_rich_style("timeline--playhead")
        for c, (ch, st) in enumerate(self._cols[y]):
            style = base + (_style(st) if isinstance(st, str) else st)
            if sel and sel[0] <= c <= sel[1]:
                style = style + sel_style
                if y == 3 and ch == " ":
                    ch = "▔"
            if c == head:
                style = style + head_style
                if ch == " ":
                    ch = "│"
            segs.append(Segment(ch, style))
        return Strip(segs).crop(0, width).extend_cell_length(width, base)

    def _ruler(self) -> str:
        w = self._track_w
        dur = self.call.duration_s if self.call else 0.0
        out = [" "] * w
        if dur <= 0:
            return "".join(out)
        # Round tick steps (10 s, 1 min, 5 min …) read better than arbitrary fractions.
        steps = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)
        step = next((st for st in steps if dur / st <= max(1, w // 10)), steps[-1])
        ticks = [i * step for i in range(int(dur // step) + 1)]
        for t in ticks:
            label = fmt_time(t)
            c = self._col_of(t)
            if c + len(label) > w - len(fmt_time(dur)) - 1:
                break
            if any(ch != " " for ch in out[max(0, c - 1):c + len(label)]):
                continue
            out[c:c + len(label)] = list(label)
        end = fmt_time(dur)
        out[w - len(end):] = list(end)
        return "".join(out)
