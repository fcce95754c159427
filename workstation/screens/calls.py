"""The list of analysed calls: sortable, filterable, Enter opens one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ..data import CallSummary
from ..timefmt import fmt_duration


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    value: Callable[[CallSummary, dict], Any]
    show: Callable[[Any], str | Text]
    numeric: bool = True


def _num(v: Any, fmt: str = "{:g}") -> str:
    return "–" if v is None else fmt.format(v)


def _yes(v: Any) -> Text | str:
    if v is None:
        return "–"
    return Text("LOOP", style="bold magenta") if v else Text("no", style="dim")


def _pain(v: Any) -> Text | str:
    if v is None:
        return "–"
    style = "bold red" if v >= 70 else "dark_orange" if v >= 40 else "green"
    return Text(f"{v:.0f}", style=style)


COLUMNS = [
    Column("call", "Call", lambda c, s: c.call_id, lambda v: v, numeric=False),
    Column("dur", "Length", lambda c, s: c.duration_s, fmt_duration),
    Column("pain", "Pain", lambda c, s: c.pain_score, _pain),
    Column("hold", "Hold", lambda c, s: c.total_hold_s, lambda v: fmt_duration(v) if v is not None else "–"),
    Column("xfer", "Xfers", lambda c, s: c.transfer_count, _num),
    Column("loop", "Loop", lambda c, s: c.transfer_loop, _yes),
    Column("reid", "Re-ID", lambda c, s: c.repeated_verification_count, _num),
    Column("notes", "Notes", lambda c, s: s.get("notes", 0), _num),
    Column("review", "Done", lambda c, s: s.get("reviewed_frac"), lambda v: v),
]
_FILTER_FIELDS = {"pain", "hold", "dur", "xfer", "reid", "notes"}
_CMP = re.compile(r"^(\w+)\s*(>=|<=|>|<|=)\s*([\d.]+)$")


class CallsScreen(Screen):
    CSS_PATH = "calls.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open", show=True),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("s", "sort", "Sort"),
        Binding("S", "reverse", "Reverse", show=False),
        Binding("r", "app.goto_reel", "Reel"),
        Binding("g", "app.goto_dashboard", "Dashboard"),
        Binding("q", "app.quit", "Quit"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort_key = "pain"
        self.sort_reverse = True
        self.filter_text = ""
        self._stats: dict[str, dict] = {}
        self._shown: list[CallSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: text  pain>50  hold>60  xfer>1  loop  unreviewed", id="filter")
        yield DataTable(id="calls", cursor_type="row", zebra_stripes=True, classes="panel")
        yield Static(id="calls-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.border_title = "Calls"
        for col in COLUMNS:
            table.add_column(col.label, key=col.key)
        self.refresh_calls()
        table.focus()

    def on_screen_resume(self) -> None:
        # Annotations may have changed on the call screen.
        self.refresh_calls()

    # ----------------------------------------------------------------- data

    def _compute_stats(self) -> None:
        app = self.app
        ws = app.workspace
        anns = app.annotations_for(None)
        by_call: dict[str, list] = {}
        for a in anns:
            by_call.setdefault(a.call_id, []).append(a)
        stats = {}
        for c in ws.calls:
            mine = by_call.get(c.call_id, [])
            events = ws.events_for(c.call_id)
            reviewed = {a.event_id for a in mine if a.event_id}
            n_ev = len(events)
            done = sum(e.event_id in reviewed for e in events)
            stats[c.call_id] = {
                "notes": len([a for a in mine if not a.event_id]),
                "reviewed": done,
                "events": n_ev,
                "reviewed_frac": f"{done}/{n_ev}" if n_ev else ("–" if not mine else "notes"),
            }
        self._stats = stats

    def _matches(self, c: CallSummary) -> bool:
        st = self._stats.get(c.call_id, {})
        for tok in self.filter_text.lower().split():
            m = _CMP.match(tok)
            if m and m.group(1) in _FILTER_FIELDS:
                col = next(x for x in COLUMNS if x.key == m.group(1))
                v = col.value(c, st)
                if v is None:
                    return False
                op, n = m.group(2), float(m.group(3))
                ok = {">": v > n, "<": v < n, ">=": v >= n, "<=": v <= n, "=": v == n}[op]
                if not ok:
                    return False
            elif tok == "loop":
                if not c.transfer_loop:
                    return False
            elif tok == "unreviewed":
                if st.get("events", 0) and st.get("reviewed", 0) >= st.get("events", 0):
                    return False
                if not st.get("events", 0) and st.get("notes", 0):
                    return False
            elif tok not in c.call_id.lower() and tok not in c.source_path.lower():
                return False
        return True

    def refresh_calls(self) -> None:
        ws = self.app.workspace
        table = self.query_one(DataTable)
        keep = None
        if self._shown and 0 <= table.cursor_row < len(self._shown):
            keep = self._shown[table.cursor_row].call_id
        self._compute_stats()
        col = next(x for x in COLUMNS if x.key == self.sort_key)
        calls = [c for c in ws.calls if self._matches(c)]

        def key(c: CallSummary):
            v = col.value(c, self._stats.get(c.call_id, {}))
            # Missing values sort last whichever direction is chosen.
            missing = v is None or v == "–"
            return (missing != self.sort_reverse, v if not missing else 0)

        try:
            calls.sort(key=key, reverse=self.sort_reverse)
        except TypeError:
            calls.sort(key=lambda c: c.call_id)
        self._shown = calls
        table.clear()
        for c in calls:
            st = self._stats.get(c.call_id, {})
            table.add_row(*[x.show(x.value(c, st)) for x in COLUMNS], key=c.call_id)
        for x in COLUMNS:
            arrow = (" ▼" if self.sort_reverse else " ▲") if x.key == self.sort_key else ""
            table.columns[x.key].label = Text(x.label + arrow)
        table.refresh()
        if keep is not None:
            for i, c in enumerate(calls):
                if c.call_id == keep:
                    table.move_cursor(row=i, animate=False)
        self._update_status()

    def _update_status(self) -> None:
        ws = self.app.workspace
        parts = [f"{len(self._shown)} of {len(ws.calls)} calls"]
        if not ws.has_events:
            parts.append("no events.parquet yet: no detections")
        elif all(c.pain_score is None for c in ws.calls):
            parts.append("no pain scores in calls.parquet")
        self.query_one("#calls-status", Static).update(" · ".join(parts))

    # -------------------------------------------------------------- actions

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.app.open_call(str(event.row_key.value))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = key, key != "call"
        self.refresh_calls()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self._shown and 0 <= table.cursor_row < len(self._shown):
            self.app.open_call(self._shown[table.cursor_row].call_id)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        inp = self.query_one("#filter", Input)
        inp.value = ""
        self.query_one(DataTable).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.refresh_calls()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_sort(self) -> None:
        keys = [c.key for c in COLUMNS]
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)]
        self.sort_reverse = self.sort_key != "call"
        self.refresh_calls()
        self.notify(f"Sorted by {next(c.label for c in COLUMNS if c.key == self.sort_key)}", timeout=2)

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.refresh_calls()

    def palette_commands(self):
        from textual.app import SystemCommand

        yield SystemCommand("Open call", "Open the highlighted call (Enter)", self.action_open)
        yield SystemCommand("Filter calls", "Filter the list (/)", self.action_filter)
        yield SystemCommand("Sort calls", "Sort by the next column (s)", self.action_sort)
