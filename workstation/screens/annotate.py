"""The annotation form: span, category, stage, departments, severity, note.

Keyboard-first: Tab walks the fields, Ctrl+S (or Enter in the note) saves, Escape cancels.
Nothing is written here; the caller saves the returned values to the store at once.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from annotations import Taxonomy

from ..timefmt import fmt_time, parse_time

SEVERITY_WORDS = {1: "minor", 2: "low", 3: "medium", 4: "high", 5: "critical"}


class AnnotationForm(ModalScreen[dict[str, Any] | None]):
    CSS_PATH = "annotate.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, taxonomy: Taxonomy, values: dict[str, Any], *, title: str = "Annotation",
                 duration_s: float | None = None) -> None:
        super().__init__()
        self.taxonomy = taxonomy
        self.values = values
        self.title_text = title
        self.duration_s = duration_s

    def compose(self) -> ComposeResult:
        tax, v = self.taxonomy, self.values
        cats = [(c.label, c.id) for c in tax.categories]
        cat = v.get("category")
        sev_opts = [(f"{n} {SEVERITY_WORDS.get(n, '')}".strip(), n)
                    for n in range(tax.severity_min, tax.severity_max + 1)]
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self.title_text
            with VerticalScroll(id="fields"):
                with Horizontal(id="columns"):
                    with Vertical(id="left"):
                        with Horizontal(id="span"):
                            with Vertical():
                                yield Label("Start")
                                yield Input(fmt_time(v["start_s"], tenths=True), id="start", compact=True)
                            with Vertical():
                                yield Label("End")
                                yield Input(fmt_time(v["end_s"], tenths=True), id="end", compact=True)
                        yield Label("Category")
                        yield Select(cats, id="category", prompt="choose…", compact=True,
                                     value=cat if cat in tax.category_ids else Select.NULL)
                        yield Label("Stage")
                        yield Select([(s.replace("_", " "), s) for s in tax.stages], id="stage",
                                     prompt="(none)", compact=True,
                                     value=v.get("stage") if v.get("stage") in tax.stages else Select.NULL)
                        yield Label("Severity")
                        yield Select(sev_opts, id="severity", allow_blank=False, compact=True,
                                     value=v.get("severity", 3))
                    with Vertical(id="right"):
                        yield Label("Departments")
                        chosen = set(v.get("departments") or ())
                        yield SelectionList(*[Selection(d.replace("_", " "), d, d in chosen)
                                              for d in tax.departments], id="departments")
                yield Label("Note")
                yield Input(v.get("note", ""), id="note", placeholder="what happened (Enter saves)",
                            compact=True)
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button("Save ^S", variant="primary", id="save", compact=True)
                yield Button("Cancel Esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        target = "#category" if self.values.get("category") is None else "#note"
        self.query_one(target).focus()

    def _collect(self) -> dict[str, Any] | None:
        err = self.query_one("#error", Static)
        try:
            start = parse_time(self.query_one("#start", Input).value)
            end = parse_time(self.query_one("#end", Input).value)
        except ValueError:
            err.update("Times look like 1:23 or 1:23.4 or 83.4")
            return None
        if end <= start:
            err.update("End must be after start.")
            return None
        if self.duration_s is not None and start > self.duration_s:
            err.update(f"Start is past the end of the call ({fmt_time(self.duration_s)}).")
            return None
        cat = self.query_one("#category", Select).value
        if cat is Select.NULL:
            err.update("Choose a category.")
            self.query_one("#category").focus()
            return None
        stage = self.query_one("#stage", Select).value
        return {
            "start_s": start,
            "end_s": end,
            "category": cat,
            "stage": None if stage is Select.NULL else stage,
            "departments": list(self.query_one("#departments", SelectionList).selected),
            "severity": int(self.query_one("#severity", Select).value),
            "note": self.query_one("#note", Input).value.strip(),
        }

    def action_save(self) -> None:
        values = self._collect()
        if values is not None:
            self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note":
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.action_cancel()
