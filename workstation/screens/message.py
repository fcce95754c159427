"""A full-screen message for a workspace that cannot be opened (missing, empty, damaged)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static


class MessageScreen(Screen):
    CSS_PATH = "message.tcss"
    BINDINGS = [Binding("q,escape,enter", "quit", "Quit")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(self.message, id="message", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#message").border_title = "Cannot open workspace"

    def action_quit(self) -> None:
        self.app.exit(1)
