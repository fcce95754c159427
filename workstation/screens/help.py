"""Every key binding of the screen underneath, its panes, and the app."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

_KEY_NAMES = {
    "question_mark": "?", "slash": "/", "minus": "-", "plus": "+", "equals_sign": "=",
    "left_square_bracket": "[", "right_square_bracket": "]", "space": "Space",
    "left": "←", "right": "→", "up": "↑", "down": "↓", "escape": "Esc", "enter": "Enter",
    "backspace": "Backspace", "delete": "Del", "pageup": "PgUp", "pagedown": "PgDn",
}


def key_label(keys: str) -> str:
    out = []
    for k in keys.split(","):
        k = k.strip()
        parts = k.split("+")
        parts[-1] = _KEY_NAMES.get(parts[-1], parts[-1])
        out.append("+".join(p.capitalize() if p in ("ctrl", "shift", "alt") else p for p in parts))
    return " / ".join(out)


def bindings_of(obj: object) -> list[Binding]:
    found: list[Binding] = []
    for cls in type(obj).__mro__:
        for b in cls.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding):
                found.append(b)
            elif isinstance(b, tuple):
                found.append(Binding(*b))
        if cls.__name__ in ("Screen", "Widget", "App", "ScrollView"):
            break
    return found


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under
        self.rows: list[tuple[str, str, str]] = []  # (section, keys, description)

    def _sections(self) -> list[tuple[str, list[Binding]]]:
        from ..widgets.transcript import Transcript

        sections = [(type(self.under).__name__.replace("Screen", "") or "Screen", bindings_of(self.under))]
        if self.under.query(Transcript):
            sections.append(("Transcript pane", list(Transcript.BINDINGS)))
        sections.append(("Everywhere", bindings_of(self.app) + [
            Binding("ctrl+p", "command_palette", "Command palette: every action by name")]))
        return sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            with VerticalScroll():
                for title, bindings in self._sections():
                    table = Table.grid(padding=(0, 2))
                    table.add_column(style="bold", no_wrap=True, min_width=12)
                    table.add_column()
                    seen = set()
                    digits = [b for b in bindings if b.key.isdigit()]
                    for b in bindings:
                        if b.key.isdigit() or (b.key, b.action) in seen:
                            continue
                        seen.add((b.key, b.action))
                        desc = b.tooltip or b.description or b.action
                        self.rows.append((title, key_label(b.key), desc))
                        table.add_row(key_label(b.key), desc)
                    if digits:
                        self.rows.append((title, "0 … 9", "Jump to 0 %, 10 % … 90 % of the call"))
                        table.add_row("0 … 9", "Jump to 0 %, 10 % … 90 % of the call")
                    yield Static(Text(title, style="bold underline"), classes="section")
                    yield Static(table)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Keys (Esc closes)"

    def action_close(self) -> None:
        self.dismiss(None)
