"""The workstation application: workspace, annotation store, players, navigation."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from annotations import Annotation, AnnotationStore, StoreError, Taxonomy, TaxonomyError, load_taxonomy

from .data import Workspace, WorkspaceError
from .editing import EditSession
from .export import export_annotations
from .playback import Player, make_player
from .playback.device import AudioPlayer

REVIEWER_ENV = "SIDEBYSIDE_REVIEWER"


def resolve_reviewer(explicit: str | None = None) -> str:
    """``--reviewer``, then $SIDEBYSIDE_REVIEWER, then the OS user."""
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get(REVIEWER_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser() or "reviewer"
    except Exception:
        return "reviewer"


class Workstation(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "SideBySide"
    SUB_TITLE = "review"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f2", "goto_calls", "Calls", show=False),
        Binding("f3", "goto_reel", "Reel", show=False),
        Binding("f4", "goto_dashboard", "Dashboard", show=False),
        Binding("ctrl+e", "export", "Export", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        out_dir: str | Path = "out",
        *,
        reviewer: str | None = None,
        audio: str = "auto",
        time_source: Callable[[], float] | None = None,
        taxonomy: Taxonomy | str | None = None,
    ) -> None:
        super().__init__()
        self.out_dir = Path(out_dir)
        self.reviewer = resolve_reviewer(reviewer)
        self.audio = audio
        self.time_source = time_source
        self.workspace: Workspace | None = None
        self.load_error: str | None = None
        self.store: AnnotationStore | None = None
        self.session: EditSession | None = None
        self.store_error: str | None = None
        self._silent_notified = False
        self.last_export: Path | None = None
        self.sub_title = f"{self.out_dir} · reviewer {self.reviewer}"
        try:
            self.workspace = Workspace.load(self.out_dir)
        except WorkspaceError as exc:
            self.load_error = str(exc)
        self.taxonomy: Taxonomy | None = None
        if self.workspace is not None:
            self._open_store(taxonomy)

    def _open_store(self, taxonomy: Taxonomy | str | None) -> None:
        assert self.workspace is not None
        try:
            tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
            self.taxonomy = tax
            self.store = AnnotationStore.open(
                self.workspace.path, taxonomy=tax,
                known_calls=[c.call_id for c in self.workspace.calls],
            )
            self.session = EditSession(self.store, self.reviewer)
        except (StoreError, TaxonomyError, OSError) as exc:
            self.store_error = f"Annotations are read-only: {exc}"

    # ------------------------------------------------------------- lifecycle

    def on_mount(self) -> None:
        from .screens.calls import CallsScreen
        from .screens.message import MessageScreen

        if self.workspace is None:
            self.push_screen(MessageScreen(self.load_error or "Nothing to show."))
            return
        self.push_screen(CallsScreen())
        if self.store_error:
            self.notify(self.store_error, severity="error", timeout=20)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    # ------------------------------------------------------------ annotation

    def annotations_for(self, call_id: str | None = None) -> list[Annotation]:
        if self.store is None:
            return []
        try:
            return self.store.list(call_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return []

    def require_session(self) -> EditSession | None:
        if self.session is None:
            self.notify(self.store_error or "No annotation store.", severity="error")
        return self.session

    # -------------------------------------------------------------- playback

    def new_player(self, duration_s: float, audio_path: Path | None) -> Player:
        """A player for one call; decoding happens on a worker so the UI never waits."""
        player = make_player(duration_s, self.audio, self.time_source)
        if isinstance(player, AudioPlayer):
            if audio_path is None:
                player.status = "audio file not found"
                self.notify("The call's audio file was not found; transcript only.", severity="warning")
            else:
                self.run_worker(lambda: self._load_audio(player, audio_path), thread=True,
                                group="audio", exit_on_error=False)
        elif not self._silent_notified and self.audio != "silent":
            self._silent_notified = True
            self.notify(
                "No audio output device (SSH session or no sound card): playing silently. "
                "The playhead, transcript and timeline follow a real-time clock.",
                title="Silent playback", severity="warning", timeout=8,
            )
        return player

    def _load_audio(self, player: AudioPlayer, path: Path) -> None:
        try:
            player.load(path)
        except Exception as exc:
            player.status = "audio failed"
            why = exc.args[0] if exc.args else exc
            self.call_from_thread(self.notify, f"Cannot play {path.name} ({why}); playing silently.",
                                  severity="error", timeout=10)

    # ------------------------------------------------------------ navigation

    def _base_screen(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_goto_calls(self) -> None:
        if self.workspace is not None:
            self._base_screen()

    def action_goto_reel(self) -> None:
        from .screens.reel import ReelScreen

        if self.workspace is not None and not isinstance(self.screen, ReelScreen):
            self._base_screen()
            self.push_screen(ReelScreen())

    def action_goto_dashboard(self) -> None:
        from .screens.dashboard import DashboardScreen

        if self.workspace is not None and not isinstance(self.screen, DashboardScreen):
            self._base_screen()
            self.push_screen(DashboardScreen())

    def open_call(self, call_id: str, start_at: float | None = None, autoplay: bool = False) -> None:
        from .screens.call import CallScreen

        self.push_screen(CallScreen(call_id, start_at=start_at, autoplay=autoplay))

    def action_export(self) -> None:
        if self.workspace is None or self.store is None:
            self.notify(self.store_error or "Nothing to export.", severity="error")
            return
        self.notify("Exporting annotations…", timeout=2)
        # Exporting rewrites every table; a worker keeps playback and typing responsive.
        self.run_worker(self._export, thread=True, group="export", exit_on_error=False)

    def _export(self) -> None:
        try:
            path = export_annotations(self.workspace.path, self.store)
        except Exception as exc:
            self.call_from_thread(self.notify, f"Export failed: {exc}", severity="error", timeout=15)
            return
        self.last_export = path
        self.call_from_thread(self.notify, f"Annotations exported to {path}", title="Export", timeout=12)

    # ------------------------------------------------------- command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.workspace is None:
            return
        yield SystemCommand("Calls", "List of analysed calls (F2)", self.action_goto_calls)
        yield SystemCommand("Reel", "Listen to the worst moments across calls (F3)", self.action_goto_reel)
        yield SystemCommand("Dashboard", "Holds, pain points and transfers in pictures (F4)",
                            self.action_goto_dashboard)
        yield SystemCommand("Export annotations", "Write annotations to Parquet (Ctrl+E)", self.action_export)
        yield SystemCommand("Keys", "Every key binding (?)", self.action_help)
        commands = getattr(screen, "palette_commands", None)
        if callable(commands):
            yield from commands()


def run(out_dir: str, reviewer: str | None = None, audio: str = "auto") -> int:
    app = Workstation(out_dir, reviewer=reviewer, audio=audio)
    result = app.run()
    return int(result or 0)
