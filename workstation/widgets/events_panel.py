"""Detections and annotations of one call, in time order, with review status."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from annotations import Annotation

from . import css_beside
from ..data import Event
from ..timefmt import fmt_time


@dataclass(frozen=True)
class PanelItem:
    kind: str  # "event" | "annotation"
    start_s: float
    end_s: float
    event: Event | None = None
    annotation: Annotation | None = None  # for an event: this reviewer's verdict, if any


class EventsPanel(DataTable):
    """Row key = "e:<event_id>" or "a:<annotation_id>"."""
    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=False)
        self.items: list[PanelItem] = []

    def on_mount(self) -> None:
        # Length is left to the timeline: at 80 columns the transcript needs the room.
        self.add_column("At", key="at", width=7)
        self.add_column("What", key="what", width=14)
        self.add_column("Review", key="review", width=10)

    def show(self, events: list[Event], annotations: list[Annotation], reviewer: str) -> None:
        """Refill, keeping the cursor on the same item where possible."""
        keep = self.selected_key()
        reviews: dict[str, Annotation] = {}
        others: list[Annotation] = []
        for a in annotations:
            if a.event_id:
                # This reviewer's verdict wins over other reviewers' on the event's row.
                if a.event_id not in reviews or a.reviewer == reviewer:
                    reviews[a.event_id] = a
            else:
                others.append(a)
        items = [PanelItem("event", e.start_s, e.end_s, event=e, annotation=reviews.get(e.event_id))
                 for e in events]
        known = {e.event_id for e in events}
        # Reviews of events no longer in events.parquet still show, as annotations.
        others += [a for eid, a in reviews.items() if eid not in known]
        items += [PanelItem("annotation", a.start_s, a.end_s, annotation=a) for a in others]
        items.sort(key=lambda it: (it.start_s, it.kind != "event"))
        self.items = items
        self.clear()
        for it in items:
            self.add_row(*self._cells(it), key=self._key(it))
        if not items:
            self.add_row("", Text("nothing yet", style="dim italic"), "", key="none")
        if keep is not None:
            self.select_key(keep)

    @staticmethod
    def _key(it: PanelItem) -> str:
        return f"e:{it.event.event_id}" if it.event else f"a:{it.annotation.annotation_id}"

    def _cells(self, it: PanelItem) -> tuple:
        at = fmt_time(it.start_s)
        if it.event is not None:
            what = Text(it.event.label, style="bold")
            if it.event.kind == "transfer" and it.event.to_department:
                what = Text(f"→ {it.event.to_department}", style="bold magenta")
            a = it.annotation
            if a is None:
                review = Text("unreviewed", style="dim")
            elif a.verdict == "rejected":
                review = Text("✗ rejected", style="red")
            else:
                review = Text(f"✓ sev {a.severity}", style="green")
        else:
            a = it.annotation
            what = Text(a.category_label, style="italic")
            review = Text(f"● sev {a.severity}", style="yellow")
        if len(what.plain) > 14:
            what.truncate(14, overflow="ellipsis")
        return at, what, review

    def selected_key(self) -> str | None:
        if not self.items or self.cursor_row < 0 or self.cursor_row >= len(self.items):
            return None
        return self._key(self.items[self.cursor_row])

    def selected(self) -> PanelItem | None:
        if not self.items or not (0 <= self.cursor_row < len(self.items)):
            return None
        return self.items[self.cursor_row]

    def select_key(self, key: str) -> bool:
        for i, it in enumerate(self.items):
            if self._key(it) == key:
                self.move_cursor(row=i, animate=False)
                return True
        return False
