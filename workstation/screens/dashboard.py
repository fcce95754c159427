"""Pictures across all loaded calls: holds, pain points by category and stage, transfers."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..data import HOLD_KINDS, KIND_TO_CATEGORY
from ..timefmt import fmt_duration
from ..widgets.barchart import BarChart

HOLD_BUCKETS = [(0, 30, "< 30s"), (30, 60, "30s–1m"), (60, 120, "1–2m"), (120, 300, "2–5m"),
                (300, 600, "5–10m"), (600, float("inf"), "10m +")]


def dashboard_data(app) -> dict[str, list[tuple[str, float]]]:
    ws = app.workspace
    tax = app.taxonomy
    anns = app.annotations_for(None)
    label_of = {c.id: c.label for c in tax.categories} if tax else {}
    rejected = {(a.call_id, a.event_id) for a in anns if a.verdict == "rejected"}

    holds = [e.duration_s for e in ws.events if e.kind in HOLD_KINDS]
    if not holds:
        holds = [c.total_hold_s for c in ws.calls if c.total_hold_s]
    hold_rows = [(label, float(sum(lo <= h < hi for h in holds))) for lo, hi, label in HOLD_BUCKETS]
    if not holds:
        hold_rows = []

    cats: Counter[str] = Counter()
    for e in ws.events:
        if (e.call_id, e.event_id) not in rejected and e.kind not in ("verification_request", "transfer"):
            cid = KIND_TO_CATEGORY.get(e.kind, "other")
            cats[label_of.get(cid, cid)] += 1
    for a in anns:
        if not a.event_id:
            cats[a.category_label] += 1

    stages: Counter[str] = Counter()
    for a in anns:
        if a.verdict != "rejected":
            stages[(a.stage or "no stage").replace("_", " ")] += 1
    order = list(tax.stages) if tax else []
    stage_rows = sorted(stages.items(), key=lambda kv: (order.index(kv[0].replace(" ", "_"))
                                                        if kv[0].replace(" ", "_") in order else 99))

    transfers: Counter[str] = Counter()
    for e in ws.events:
        if e.kind == "transfer" and (e.from_department or e.to_department):
            transfers[f"{e.from_department or '?'} → {e.to_department or '?'}"] += 1
    if not transfers:
        for c in ws.calls:
            path = c.department_path or []
            for a, b in zip(path, path[1:]):
                transfers[f"{a} → {b}"] += 1

    pains = [c.pain_score for c in ws.calls if c.pain_score is not None]
    pain_rows = [(f"{lo}–{lo + 19}", float(sum(lo <= p < lo + 20 or (lo == 80 and p >= 100) for p in pains)))
                 for lo in range(0, 100, 20)] if pains else []

    return {
        "holds": hold_rows,
        "categories": cats.most_common(),
        "stages": [(k, float(v)) for k, v in stage_rows],
        "transfers": transfers.most_common(12),
        "pain": pain_rows,
    }


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class DashboardScreen(Screen):
    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        Binding("escape,backspace", "back", "Back"),
        Binding("r", "app.goto_reel", "Reel"),
        # As on the Calls screen: a viewer who came here with g expects q to quit too.
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        d = dashboard_data(app)
        ws = app.workspace
        total = sum(c.duration_s for c in ws.calls)
        no_events = "" if ws.has_events else "  ·  no events.parquet yet: holds and transfers need detections"
        yield Static(f"[b]{_n(len(ws.calls), 'call')}[/b], {fmt_duration(total)} of audio, "
                     f"{_n(len(ws.events), 'detection')}, {_n(len(app.annotations_for(None)), 'annotation')}{no_events}",
                     id="dash-summary")
        with VerticalScroll():
            with Grid(id="charts"):
                yield BarChart("Hold time distribution (holds)", d["holds"], fmt=lambda v: f"{v:.0f}",
                               color="yellow", empty="no holds detected")
                yield BarChart("Pain points by category", d["categories"], fmt=lambda v: f"{v:.0f}",
                               color="red", empty="no pain points yet")
                yield BarChart("Pain points by customer-experience stage", d["stages"],
                               fmt=lambda v: f"{v:.0f}", color="dark_orange",
                               empty="no annotations with a stage yet")
                yield BarChart("Transfers between departments", d["transfers"], fmt=lambda v: f"{v:.0f}",
                               color="magenta", empty="no transfers detected")
                if d["pain"]:
                    yield BarChart("Calls by pain score", d["pain"], fmt=lambda v: f"{v:.0f}",
                                   color="dodger_blue2")
        yield Footer(compact=True)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 110, "narrow")

    def action_back(self) -> None:
        self.app.pop_screen()
