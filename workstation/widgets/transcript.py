"""The transcript: one entry per utterance (wrapped), role-coloured, current word lit.

A Line API widget (ScrollView + render_line): only the rows on screen are rendered, and
rendered rows are cached, so a 60-minute call with tens of thousands of words scrolls as
fast as a short one. Wrapping is computed once per width.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from . import css_beside
from ..data import CallData
from ..timefmt import fmt_time

ROLE_WIDTH = 8


@dataclass(frozen=True)
class _Row:
    utt: int
    lo: int       # word range shown on this row (global word indices)
    hi: int
    first: bool
    text: str | None = None  # for utterances without word timings


class Transcript(ScrollView, can_focus=True):
    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES = {
        "transcript--time",
        "transcript--agent",
        "transcript--customer",
        "transcript--other",
        "transcript--word",
        "transcript--cursor",
        "transcript--empty",
    }
    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Prev line", show=False),
        Binding("down,j", "cursor(1)", "Next line", show=False),
        Binding("pageup", "cursor(-10)", "Page up", show=False),
        Binding("pagedown", "cursor(10)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First line", show=False),
        Binding("end", "cursor_to(-1)", "Last line", show=False),
        Binding("enter", "select", "Play from line", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)
    current_word: reactive[int] = reactive(-1)

    class LineSelected(Message):
        """Enter on an utterance: the screen seeks there."""

        def __init__(self, index: int, start_s: float) -> None:
            super().__init__()
            self.index = index
            self.start_s = start_s

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.call: CallData | None = None
        self.follow = True
        self._rows: list[_Row] = []
        self._first_row: list[int] = []   # utterance → its first row
        self._word_row: list[int] = []    # word → row
        self._layout_width = -1
        self._cache: dict[tuple, Strip] = {}
        self._prefix_w = 0

    # ------------------------------------------------------------------ data

    def load(self, call: CallData) -> None:
        self.call = call
        longest = fmt_time(call.duration_s)
        self._prefix_w = len(longest) + 1 + ROLE_WIDTH + 1
        self._layout_width = -1
        self.cursor = 0
        self.current_word = -1
        self._relayout()
        self.scroll_to(y=0, animate=False)

    def _text_width(self) -> int:
        return max(12, self.scrollable_content_region.width - self._prefix_w)

    def _relayout(self) -> None:
        call = self.call
        if call is None:
            return
        width = self._text_width()
        if width == self._layout_width:
            return
        self._layout_width = width
        rows: list[_Row] = []
        first_row: list[int] = []
        word_row = [0] * len(call.words)
        words = call.words
        for u in call.utterances:
            first_row.append(len(rows))
            if u.word_hi == u.word_lo:
                # No word timings: wrap the utterance text as plain text.
                for j, chunk in enumerate(_wrap_plain(u.text or "…", width)):
                    rows.append(_Row(u.index, u.word_lo, u.word_lo, j == 0, chunk))
                continue
            lo = u.word_lo
            used = 0
            first = True
            for wi in range(u.word_lo, u.word_hi):
                wlen = len(words[wi])
                need = wlen if used == 0 else used + 1 + wlen
                if used and need > width:
                    rows.append(_Row(u.index, lo, wi, first))
                    first = False
                    lo, used = wi, wlen
                else:
                    used = need
                word_row[wi] = len(rows)
            rows.append(_Row(u.index, lo, u.word_hi, first))
        self._rows, self._first_row, self._word_row = rows, first_row, word_row
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))
        self._cache.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # ------------------------------------------------------------- behaviour

    def watch_current_word(self, old: int, new: int) -> None:
        for w in (old, new):
            if 0 <= w < len(self._word_row):
                self._refresh_row(self._word_row[w])
        if new >= 0 and self.follow and new < len(self._word_row):
            self._ensure_visible(self._word_row[new])

    def watch_cursor(self, old: int, new: int) -> None:
        self._cache.clear()
        self.refresh()

    def set_cursor(self, index: int, scroll: bool = True) -> None:
        if not self.call or not self.call.utterances:
            return
        index = min(max(0, index), len(self.call.utterances) - 1)
        self.cursor = index
        if scroll and index < len(self._first_row):
            self._ensure_visible(self._first_row[index])

    def _ensure_visible(self, row: int) -> None:
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        if row < top or row >= top + height - 1:
            self.scroll_to(y=max(0, row - height // 3), animate=False)

    def _refresh_row(self, row: int) -> None:
        self._cache = {k: v for k, v in self._cache.items() if k[0] != row}
        y = row - int(self.scroll_y)
        if 0 <= y < self.size.height:
            self.refresh_line(y)

    def action_cursor(self, delta: int) -> None:
        self.follow = False
        self.set_cursor(self.cursor + delta)

    def action_cursor_to(self, index: int) -> None:
        if self.call and self.call.utterances:
            self.follow = False
            self.set_cursor(index if index >= 0 else len(self.call.utterances) - 1)

    def action_select(self) -> None:
        if self.call and self.call.utterances:
            u = self.call.utterances[self.cursor]
            self.follow = True
            self.post_message(self.LineSelected(u.index, u.start_s))

    # ------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row_index = y + int(self.scroll_y)
        call = self.call
        if call is None or not call.utterances:
            if y == 0:
                msg = "No transcript for this call." if call is not None else ""
                style = self.get_component_rich_style("transcript--empty")
                return Strip([Segment(msg[:width], style)]).extend_cell_length(width, self.rich_style)
            return Strip.blank(width, self.rich_style)
        if row_index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[row_index]
        cw = self.current_word
        lit = cw if row.lo <= cw < row.hi else -1
        key = (row_index, width, lit, row.utt == self.cursor)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(row, width, lit)
            if len(self._cache) > 2000:
                self._cache.clear()
            self._cache[key] = strip
        return strip

    def _role_style(self, role: str) -> Style:
        cls = {"agent": "transcript--agent", "customer": "transcript--customer"}.get(role, "transcript--other")
        return self.get_component_rich_style(cls)

    def _render_row(self, row: _Row, width: int, lit: int) -> Strip:
        call = self.call
        assert call is not None
        u = call.utterances[row.utt]
        base = self.rich_style
        if row.utt == self.cursor and self.has_focus:
            base = base + self.get_component_rich_style("transcript--cursor")
        elif row.utt == self.cursor:
            base = base + self.get_component_rich_style("transcript--cursor", partial=True)
        role_style = self._role_style(u.role)
        segs: list[Segment] = []
        tw = self._prefix_w - ROLE_WIDTH - 1
        if row.first:
            segs.append(Segment(fmt_time(u.start_s).rjust(tw - 1) + " ",
                                base + self.get_component_rich_style("transcript--time")))
            segs.append(Segment(u.role.upper()[:ROLE_WIDTH].ljust(ROLE_WIDTH) + " ", base + role_style + Style(bold=True)))
        else:
            segs.append(Segment(" " * self._prefix_w, base))
        text_style = base + role_style
        if row.text is not None:
            segs.append(Segment(row.text, text_style))
        else:
            word_style = text_style + self.get_component_rich_style("transcript--word")
            for wi in range(row.lo, row.hi):
                if wi > row.lo:
                    segs.append(Segment(" ", text_style))
                segs.append(Segment(call.words[wi], word_style if wi == lit else text_style))
        return Strip(segs).crop(0, width).extend_cell_length(width, base)


def _wrap_plain(text: str, width: int) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return out
