"""The executive's listen-in: pain points of many calls, worst calls first.

Each moment starts a few seconds before the detection so the listener hears what led to
it, and stops shortly after (long holds are cut: nobody needs three minutes of music).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..data import KIND_LABELS, CallData
from ..playback import Player
from ..timefmt import fmt_duration, fmt_time
from ..widgets.timeline import Timeline
from ..widgets.transcript import Transcript

CONTEXT_S = 4.0
AFTER_S = 1.5
MAX_MOMENT_S = 25.0


@dataclass(frozen=True)
class Moment:
    call_id: str
    label: str
    at_s: float      # where the pain point starts
    until_s: float   # where it ends
    start_s: float   # playback window
    end_s: float
    pain: float | None


def build_moments(app) -> list[Moment]:
    """Detections (not rejected by a reviewer) of every call, worst call first; falls back to
    reviewer annotations when the workspace has no detections."""
    ws = app.workspace
    anns = app.annotations_for(None)
    rejected = {(a.call_id, a.event_id) for a in anns if a.verdict == "rejected" and a.event_id}
    calls = sorted(ws.calls, key=lambda c: (c.pain_score is None, -(c.pain_score or 0),
                                             -len(ws.events_for(c.call_id)), c.call_id))
    by_call: dict[str, list] = {}
    for a in anns:
        if not a.event_id and a.category != "positive_moment":
            by_call.setdefault(a.call_id, []).append(a)
    out: list[Moment] = []
    for c in calls:
        items = [(e.start_s, e.end_s, KIND_LABELS.get(e.kind, e.kind))
                 for e in ws.events_for(c.call_id) if (c.call_id, e.event_id) not in rejected]
        if not items:
            items = [(a.start_s, a.end_s, a.category_label) for a in by_call.get(c.call_id, [])]
        for s, e, label in sorted(items):
            start = max(0.0, s - CONTEXT_S)
            end = min(c.duration_s, max(e, s) + AFTER_S, start + MAX_MOMENT_S)
            out.append(Moment(c.call_id, label, s, e, start, max(end, start + 1.0), c.pain_score))
    return out


class ReelScreen(Screen):
    CSS_PATH = "reel.tcss"
    BINDINGS = [
        Binding("space", "toggle_play", "Play", tooltip="Play / pause", priority=True),
        Binding("q", "app.quit", "Quit", show=False),
        Binding("n,right,tab", "next", "Next", tooltip="Skip to the next moment", priority=True),
        Binding("p,left,shift+tab", "prev", "Prev", tooltip="Back to the previous moment", priority=True),
        Binding("enter,o", "open_call", "Full call", tooltip="Open the full call at this point", priority=True),
        Binding("minus", "speed(-1)", "Slower", show=False, key_display="-"),
        Binding("plus,equals_sign", "speed(1)", "Faster", show=False, key_display="+"),
        Binding("escape,backspace", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.moments: list[Moment] = []
        self.index = -1
        self.player: Player | None = None
        self.call: CallData | None = None
        self._last = ""

    def compose(self) -> ComposeResult:
        yield Static(id="reel-info")
        yield Timeline(id="reel-timeline", classes="panel")
        yield Transcript(id="reel-transcript", classes="panel")
        yield Static(id="reel-transport")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(Timeline).border_title = "Timeline"
        self.query_one(Transcript).border_title = "Transcript"
        self.moments = build_moments(self.app)
        if not self.moments:
            ws = self.app.workspace
            why = ("no detections yet (events.parquet missing) and no reviewer annotations"
                   if not ws.has_events else "no pain points detected or annotated")
            self.query_one("#reel-info", Static).update(f"Nothing to play: {why}. Esc goes back.")
            return
        self.goto(0, autoplay=True)
        self.set_interval(1 / 20, self.tick)

    def on_unmount(self) -> None:
        if self.player:
            self.player.close()

    def on_screen_suspend(self) -> None:
        if self.player:
            self.player.pause()

    def goto(self, index: int, autoplay: bool | None = None) -> None:
        index = min(max(0, index), len(self.moments) - 1)
        m = self.moments[index]
        playing = self.player.playing if autoplay is None and self.player else bool(autoplay)
        if self.call is None or self.call.call_id != m.call_id:
            speed = self.player.speed if self.player else 1.0
            if self.player:
                self.player.close()
            self.call = self.app.workspace.load_call(m.call_id)
            self.player = self.app.new_player(self.call.duration_s, self.call.audio_path)
            self.player.set_speed(speed)
            self.query_one(Timeline).load(self.call, self.app.annotations_for(m.call_id))
            self.query_one(Transcript).load(self.call)
        self.index = index
        tl = self.query_one(Timeline)
        tl.mark_in, tl.mark_out = m.at_s, max(m.until_s, m.at_s + 0.1)
        self.player.seek(m.start_s)
        self.query_one(Transcript).follow = True
        if playing:
            self.player.play()
        pain = f"pain {m.pain:.0f}" if m.pain is not None else "pain –"
        cut = " (cut short: n skips on)" if m.until_s > m.end_s else ""
        self.query_one("#reel-info", Static).update(
            f"[b]Moment {index + 1}/{len(self.moments)}[/b]  ·  {m.call_id}  ·  {pain}  ·  "
            f"[b]{m.label}[/b] at {fmt_time(m.at_s)} for {fmt_duration(m.until_s - m.at_s)}{cut}")
        self.tick()

    def tick(self) -> None:
        if self.player is None or self.call is None or self.index < 0:
            return
        pos = self.player.position
        m = self.moments[self.index]
        if self.player.playing and pos >= m.end_s:
            if self.index + 1 < len(self.moments):
                self.goto(self.index + 1, autoplay=True)
                return
            self.player.pause()
            self.notify("End of the reel.", timeout=3)
        self.query_one(Timeline).position = pos
        self.query_one(Transcript).current_word = self.call.word_at(pos)
        p = self.player
        text = (("▶" if p.playing else "⏸") + f" {fmt_time(pos, True)}  ×{p.speed:g}  "
                f"moment {fmt_time(m.start_s)}–{fmt_time(m.end_s)}  " + ("silent" if p.silent else p.status or "audio"))
        if text != self._last:
            self._last = text
            self.query_one("#reel-transport", Static).update(text)

    def action_toggle_play(self) -> None:
        if self.player:
            self.player.toggle()
            self.tick()

    def action_next(self) -> None:
        if self.moments:
            if self.index + 1 >= len(self.moments):
                self.notify("That was the last moment.", timeout=2)
                return
            self.goto(self.index + 1, autoplay=True)

    def action_prev(self) -> None:
        if self.moments:
            self.goto(self.index - 1, autoplay=True)

    def action_speed(self, direction: int) -> None:
        if self.player:
            self.player.step_speed(direction)
            self.tick()

    def action_open_call(self) -> None:
        if self.moments and self.player:
            m = self.moments[self.index]
            pos = self.player.position
            self.player.pause()
            self.app.open_call(m.call_id, start_at=pos)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self):
        yield SystemCommand("Reel: next moment", "n", self.action_next)
        yield SystemCommand("Reel: previous moment", "p", self.action_prev)
        yield SystemCommand("Reel: open full call", "Enter", self.action_open_call)
