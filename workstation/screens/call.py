"""One call: timeline, transcript following the playhead, events panel, annotation."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from annotations import Annotation, StoreError

from ..data import HOLD_KINDS, KIND_TO_CATEGORY, CallData, Event
from ..playback import Player
from ..timefmt import fmt_time
from ..widgets.events_panel import EventsPanel, PanelItem
from ..widgets.timeline import Timeline
from ..widgets.transcript import Transcript

TICK_S = 1 / 20


class CallScreen(Screen):
    CSS_PATH = "call.tcss"
    BINDINGS = [
        Binding("space", "toggle_play", "Play", tooltip="Play / pause", priority=True),
        Binding("left", "seek(-5)", "-5s", tooltip="Back 5 seconds", show=False, priority=True),
        Binding("right", "seek(5)", "+5s", tooltip="Forward 5 seconds", show=False, priority=True),
        Binding("shift+left,left_square_bracket", "seek(-30)", "-30s", tooltip="Back 30 seconds", show=False, priority=True),
        Binding("shift+right,right_square_bracket", "seek(30)", "+30s", tooltip="Forward 30 seconds", show=False, priority=True),
        Binding("n", "next_event", "Next", tooltip="Next event (detection or annotation)"),
        Binding("p", "prev_event", "Prev event", tooltip="Previous event", show=False),
        Binding("s", "skip_hold", "Skip hold", tooltip="Skip hold: jump to the end of the hold being played", show=False),
        Binding("minus", "speed(-1)", "Slower", tooltip="Slower (down to 0.75×, pitch kept)", show=False, key_display="-"),
        Binding("plus,equals_sign", "speed(1)", "Faster", tooltip="Faster (up to 2×, pitch kept)", show=False, key_display="+"),
        Binding("i", "mark_in", "In", tooltip="Mark in: selection starts at the playhead", show=False),
        Binding("o", "mark_out", "Out", tooltip="Mark out: selection ends at the playhead", show=False),
        Binding("l", "toggle_loop", "Loop", tooltip="Loop the in–out selection (on/off)", show=False),
        Binding("a", "annotate", "Annotate", tooltip="Annotate the selection, highlighted detection or line"),
        Binding("c", "verdict('confirmed')", "Confirm", tooltip="Confirm the highlighted detection"),
        Binding("x", "verdict('rejected')", "Reject", tooltip="Reject the highlighted detection"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted annotation or review", show=False),
        Binding("d,delete", "delete", "Delete", tooltip="Delete the highlighted annotation (undoable)", show=False),
        Binding("u,ctrl+z", "undo", "Undo", tooltip="Undo the last annotation change"),
        Binding("U,ctrl+y", "redo", "Redo", tooltip="Redo", show=False),
        Binding("f", "follow", "Follow", tooltip="Transcript follows playback (on/off)", show=False),
        Binding("tab", "focus_next", "Next pane", tooltip="Next pane (transcript, events)", show=False),
        Binding("escape,backspace", "back", "Back", tooltip="Clear in/out marks, or back to the calls", show=False),
    ] + [Binding(str(n), f"jump({n})", f"Jump {n * 10}%", show=False) for n in range(10)]

    def __init__(self, call_id: str, start_at: float | None = None, autoplay: bool = False) -> None:
        super().__init__()
        self.call_id = call_id
        self.start_at = start_at
        self.autoplay = autoplay
        self.call: CallData | None = None
        self.player: Player | None = None
        self.mark_in: float | None = None
        # Where n/p last landed: until the reviewer moves on, "annotate" means that detection.
        self._jumped_to: float | None = None
        self.mark_out: float | None = None
        self.annotations: list[Annotation] = []
        self._last_category: str | None = None
        self._last_transport = ""

    # ----------------------------------------------------------------- setup

    def compose(self) -> ComposeResult:
        yield Static(id="call-info")
        yield Timeline(id="timeline", classes="panel")
        with Horizontal(id="body"):
            yield Transcript(id="transcript", classes="panel")
            yield EventsPanel(id="events", classes="panel")
        yield Static(id="transport")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app = self.app
        self.call = call = app.workspace.load_call(self.call_id)
        self.player = app.new_player(call.duration_s, call.audio_path)
        self.annotations = app.annotations_for(self.call_id)
        s = call.summary
        bits = [f"[b]{s.call_id}[/b]", fmt_time(s.duration_s)]
        if s.pain_score is not None:
            bits.append(f"pain {s.pain_score:.0f}")
        if s.department_path:
            bits.append(" → ".join(s.department_path))
        if not call.events:
            bits.append("[dim]no detections[/dim]")
        self.query_one("#call-info", Static).update("  ·  ".join(bits))
        tl = self.query_one(Timeline)
        tl.border_title = "Timeline"
        tl.load(call, self.annotations)
        tr = self.query_one(Transcript)
        tr.border_title = "Transcript"
        tr.load(call)
        ev = self.query_one(EventsPanel)
        ev.border_title = "Events"
        ev.show(call.events, self.annotations, app.reviewer)
        if self.start_at is not None:
            self.player.seek(self.start_at)
        if self.autoplay:
            self.player.play()
        tr.focus()
        self.tick()
        self.set_interval(TICK_S, self.tick)

    def on_unmount(self) -> None:
        if self.player is not None:
            self.player.close()

    def on_screen_suspend(self) -> None:
        # A pushed form or help keeps the call playing; leaving for another screen does not.
        from textual.screen import ModalScreen

        if self.player and not isinstance(self.app.screen, ModalScreen):
            self.player.pause()

    # --------------------------------------------------------------- ticking

    def tick(self) -> None:
        """Move the playhead, lit word and transport line to the player's position."""
        if self.player is None or self.call is None:
            return
        pos = self.player.position
        self.query_one(Timeline).position = pos
        tr = self.query_one(Transcript)
        tr.current_word = self.call.word_at(pos)
        if tr.follow and self.call.utterances:
            # The line cursor rides along with playback, so "annotate this line" means the
            # line being heard unless the reviewer moved the cursor away. Where no word is lit
            # (a jump into a hold or dead air) it also brings that line into view: the words
            # that led into the wait are what the listener needs to see. Where one is, the
            # word's own scrolling keeps it on screen, even inside a long utterance.
            utt = self.call.utterance_at(pos)
            if utt != tr.cursor:
                tr.set_cursor(utt, scroll=tr.current_word < 0)
        self._update_transport(pos)

    def _update_transport(self, pos: float) -> None:
        p = self.player
        parts = [("▶" if p.playing else "⏸") + f" {fmt_time(pos, tenths=True)} / {fmt_time(self.call.duration_s)}",
                 f"×{p.speed:g}"]
        if self.mark_in is not None:
            sel = f"in {fmt_time(self.mark_in, True)}"
            if self.mark_out is not None:
                sel += f" out {fmt_time(self.mark_out, True)}"
            parts.append(sel)
        if p.loop:
            parts.append("⟳ loop")
        if not self.query_one(Transcript).follow:
            parts.append("follow off (f)")
        parts.append("silent" if p.silent else p.status or "audio")
        text = "  ".join(parts)
        if text != self._last_transport:
            self._last_transport = text
            self.query_one("#transport", Static).update(text)

    # -------------------------------------------------------------- playback

    def _seek(self, t: float) -> None:
        self._jumped_to = None
        self.player.seek(t)
        self.query_one(Transcript).follow = True
        self.tick()

    def action_toggle_play(self) -> None:
        self.player.toggle()
        self.tick()

    def action_seek(self, delta: float) -> None:
        self._seek(self.player.position + delta)

    def action_jump(self, tenth: int) -> None:
        self._seek(self.call.duration_s * tenth / 10)

    def on_timeline_seek(self, message: Timeline.Seek) -> None:
        self._seek(message.time_s)

    def on_transcript_line_selected(self, message: Transcript.LineSelected) -> None:
        self._seek(message.start_s)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.query_one(EventsPanel).selected()
        if item is not None:
            self._seek(item.start_s)

    def _marks(self) -> list[float]:
        starts = {round(e.start_s, 2) for e in self.call.events}
        starts |= {round(a.start_s, 2) for a in self.annotations}
        return sorted(starts)

    def action_next_event(self) -> None:
        pos = self.player.position
        later = [t for t in self._marks() if t > pos + 0.5]
        if later:
            self._seek(later[0])
            self._select_item_at(later[0])
            self._jumped_to = later[0]
        else:
            self.notify("No later event.", timeout=2)

    def action_prev_event(self) -> None:
        pos = self.player.position
        # 1 s slack so a second press goes further back rather than to the same event.
        earlier = [t for t in self._marks() if t < pos - 1.0]
        if earlier:
            self._seek(earlier[-1])
            self._select_item_at(earlier[-1])
            self._jumped_to = earlier[-1]
        else:
            self.notify("No earlier event.", timeout=2)

    def _select_item_at(self, t: float) -> None:
        panel = self.query_one(EventsPanel)
        for i, it in enumerate(panel.items):
            if abs(it.start_s - t) < 0.01:
                panel.move_cursor(row=i, animate=False)
                return

    def action_skip_hold(self) -> None:
        pos = self.player.position
        for e in self.call.events:
            if e.kind in HOLD_KINDS and e.start_s - 0.5 <= pos < e.end_s:
                self._seek(e.end_s)
                self.notify(f"Skipped {e.label.lower()} to {fmt_time(e.end_s)}", timeout=2)
                return
        nxt = [e for e in self.call.events if e.kind in HOLD_KINDS and e.start_s > pos]
        if nxt:
            self.notify(f"Not in a hold; next one at {fmt_time(nxt[0].start_s)}.", timeout=3)
        else:
            self.notify("Not in a hold.", timeout=2)

    def action_speed(self, direction: int) -> None:
        speed = self.player.step_speed(direction)
        self.notify(f"Speed ×{speed:g}", timeout=1.5)
        self.tick()

    def action_follow(self) -> None:
        tr = self.query_one(Transcript)
        tr.follow = not tr.follow
        self.tick()

    # ------------------------------------------------------------- selection

    def action_mark_in(self) -> None:
        self.mark_in = self.player.position
        if self.mark_out is not None and self.mark_out <= self.mark_in:
            self.mark_out = None
        self._show_marks()

    def action_mark_out(self) -> None:
        pos = self.player.position
        if self.mark_in is None:
            self.mark_in = max(0.0, pos - 5.0)
        if pos <= self.mark_in:
            self.notify("Out must be after in.", severity="warning", timeout=2)
            return
        self.mark_out = pos
        self._show_marks()

    def _show_marks(self) -> None:
        tl = self.query_one(Timeline)
        tl.mark_in, tl.mark_out = self.mark_in, self.mark_out
        if self.player.loop and (self.mark_in is None or self.mark_out is None):
            self.player.set_loop(None)
        self.tick()

    def action_toggle_loop(self) -> None:
        if self.player.loop:
            self.player.set_loop(None)
        elif self.mark_in is not None and self.mark_out is not None:
            self.player.set_loop((self.mark_in, self.mark_out))
            self.player.seek(self.mark_in)
        else:
            self.notify("Mark in (i) and out (o) first.", timeout=2)
        self.tick()

    def action_back(self) -> None:
        if self.mark_in is not None or self.mark_out is not None:
            self.mark_in = self.mark_out = None
            self._show_marks()
            return
        self.app.pop_screen()

    # ------------------------------------------------------------ annotation

    def _selected(self) -> PanelItem | None:
        panel = self.query_one(EventsPanel)
        return panel.selected()

    def _event_at_playhead(self) -> Event | None:
        pos = self.player.position
        inside = [e for e in self.call.events if e.start_s - 0.5 <= pos <= e.end_s + 0.5]
        return inside[0] if inside else None

    def _just_jumped_to(self, item: PanelItem) -> bool:
        """Whether n/p landed on ``item`` and the reviewer has not moved on since: not seeked,
        not moved the transcript cursor, not played more than a moment past it."""
        return (self._jumped_to is not None and abs(item.start_s - self._jumped_to) < 0.01
                and self.query_one(Transcript).follow
                and self._jumped_to - 0.5 <= self.player.position <= max(item.end_s, self._jumped_to + 2.0))

    def _initial_span(self) -> tuple[float, float, str | None]:
        """Where a new annotation starts: marks, then the focused item or the detection n/p just
        landed on, then the transcript line, then the playhead."""
        pos = self.player.position
        if self.mark_in is not None:
            end = self.mark_out if self.mark_out is not None else pos
            if end <= self.mark_in:
                end = min(self.call.duration_s, self.mark_in + 5.0)
            if end > self.mark_in:
                return self.mark_in, end, None
        focused = self.focused
        item = self._selected()
        if item is not None and (isinstance(focused, EventsPanel) or self._just_jumped_to(item)):
            cat = KIND_TO_CATEGORY.get(item.event.kind) if item.event else None
            return item.start_s, max(item.end_s, item.start_s + 0.1), cat
        if isinstance(focused, Transcript) and self.call.utterances:
            u = self.call.utterances[focused.cursor]
            return u.start_s, max(u.end_s, u.start_s + 0.1), None
        return max(0.0, pos - 5.0), max(pos, 0.1), None

    def action_annotate(self) -> None:
        if self.app.require_session() is None:
            return
        start, end, cat = self._initial_span()
        values = {"start_s": start, "end_s": end, "category": cat or self._last_category,
                  "stage": None, "departments": (), "severity": 3, "note": ""}
        self._open_form("New annotation", values, self._save_new)

    def _open_form(self, title: str, values: dict[str, Any], on_save) -> None:
        from .annotate import AnnotationForm

        was_playing = self.player.playing
        self.player.pause()

        def done(result: dict[str, Any] | None) -> None:
            if result is not None:
                on_save(result)
            if was_playing:
                self.player.play()
            self.tick()

        self.app.push_screen(AnnotationForm(self.app.taxonomy, values, title=title,
                                            duration_s=self.call.duration_s), done)

    def _save_new(self, v: dict[str, Any]) -> None:
        session = self.app.require_session()
        try:
            ann = session.add(self.call_id, v["start_s"], v["end_s"], v["category"], stage=v["stage"],
                              departments=v["departments"], severity=v["severity"], note=v["note"])
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self._last_category = ann.category
        self.mark_in = self.mark_out = None
        self._show_marks()
        self._reload(select=f"a:{ann.annotation_id}")
        self.notify(f"Saved: {ann.category_label} {fmt_time(ann.start_s)}–{fmt_time(ann.end_s)} (u undoes)",
                    timeout=3)

    def action_verdict(self, verdict: str) -> None:
        session = self.app.require_session()
        if session is None:
            return
        item = self._selected()
        event = item.event if item is not None and item.event is not None else None
        if event is None or not isinstance(self.focused, EventsPanel):
            event = self._event_at_playhead() or event
        if event is None:
            self.notify("Select a detection in the events panel first.", severity="warning", timeout=3)
            return
        prev = item.annotation if item is not None and item.event is event else None
        category = prev.category if prev else KIND_TO_CATEGORY.get(event.kind, "other")
        if self.app.taxonomy and category not in self.app.taxonomy.category_ids:
            category = "other" if "other" in self.app.taxonomy.category_ids else self.app.taxonomy.category_ids[0]
        try:
            ann = session.review(self.call_id, event.event_id, verdict,
                                 start_s=prev.start_s if prev else event.start_s,
                                 end_s=prev.end_s if prev else max(event.end_s, event.start_s + 0.01),
                                 category=category)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self._reload(select=f"e:{event.event_id}")
        self.notify(f"{event.label} at {fmt_time(event.start_s)} {ann.verdict}", timeout=2)

    def _selected_annotation(self) -> Annotation | None:
        item = self._selected()
        if item is not None and item.annotation is not None:
            return item.annotation
        return None

    def action_edit(self) -> None:
        if self.app.require_session() is None:
            return
        ann = self._selected_annotation()
        if ann is None:
            self.notify("Select an annotation or reviewed detection in the events panel.", timeout=3)
            return
        values = {"start_s": ann.start_s, "end_s": ann.end_s, "category": ann.category,
                  "stage": ann.stage, "departments": ann.departments, "severity": ann.severity,
                  "note": ann.note}

        def save(v: dict[str, Any]) -> None:
            changes = {k: val for k, val in v.items() if getattr(ann, k) != (
                tuple(val) if k == "departments" else val)}
            if not changes:
                return
            try:
                new = self.app.session.update(ann, **changes)
            except StoreError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self._reload()
            self.notify(f"Saved: {new.category_label} (u undoes)", timeout=2)

        self._open_form("Edit annotation", values, save)

    def action_delete(self) -> None:
        session = self.app.require_session()
        if session is None:
            return
        ann = self._selected_annotation()
        if ann is None:
            self.notify("Select an annotation in the events panel.", timeout=3)
            return
        try:
            session.delete(ann)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self._reload()
        self.notify(f"Deleted {ann.category_label} (u undoes)", timeout=3)

    def action_undo(self) -> None:
        self._history("undo")

    def action_redo(self) -> None:
        self._history("redo")

    def _history(self, which: str) -> None:
        session = self.app.require_session()
        if session is None:
            return
        try:
            what = session.undo() if which == "undo" else session.redo()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if what is None:
            self.notify(f"Nothing to {which}.", timeout=2)
            return
        self._reload()
        self.notify(what.capitalize(), timeout=2)

    def _reload(self, select: str | None = None) -> None:
        self.annotations = self.app.annotations_for(self.call_id)
        self.query_one(Timeline).set_annotations(self.annotations)
        panel = self.query_one(EventsPanel)
        panel.show(self.call.events, self.annotations, self.app.reviewer)
        if select:
            panel.select_key(select)

    # --------------------------------------------------------- command palette

    def palette_commands(self):
        for b in self.BINDINGS[:23]:
            action = b.action
            yield SystemCommand(f"Call: {b.tooltip or b.description}", f"key {b.key.split(',')[0]}",
                                lambda a=action: self.run_action(a))
