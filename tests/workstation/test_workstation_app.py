"""Drive the real workstation with Pilot on a small real workspace (silent clock, manual time)."""

from __future__ import annotations


import pyarrow.parquet as pq
import pytest
from textual.widgets import Input, Select, SelectionList, Static

from annotations import AnnotationStore
from workstation.screens.annotate import AnnotationForm
from workstation.screens.call import CallScreen
from workstation.screens.calls import CallsScreen
from workstation.screens.dashboard import DashboardScreen
from workstation.screens.help import HelpScreen
from workstation.screens.message import MessageScreen
from workstation.screens.reel import ReelScreen
from workstation.widgets.barchart import BarChart
from workstation.widgets.events_panel import EventsPanel
from workstation.widgets.transcript import Transcript

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


async def open_call(pilot, app) -> CallScreen:
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, CallScreen)
    return app.screen


async def test_calls_sorted_by_pain_and_filter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CallsScreen)
        assert [c.call_id for c in screen._shown] == ["call-a", "call-b"]  # worst first
        await pilot.press("slash", *"pain<50", "enter")
        assert [c.call_id for c in screen._shown] == ["call-b"]
        await pilot.press("escape")
        assert len(screen._shown) == 2
        await pilot.press("s")  # next sort column cycles without error
        assert screen.sort_key != "pain"


async def test_open_play_seek_and_follow(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        assert screen.call_id == "call-a"
        player = screen.player
        await pilot.press("space")
        assert player.playing
        clock.advance(3.2)
        screen.tick()
        assert player.position == pytest.approx(3.2)
        tr = screen.query_one(Transcript)
        word = screen.call.words[tr.current_word]
        assert word == "my"  # customer's first word at 3.0–3.4 s
        await pilot.press("right")
        assert player.position == pytest.approx(8.2)
        await pilot.press("shift+left")
        assert player.position == 0.0
        await pilot.press("right_square_bracket")
        assert player.position == 20.0  # clamped at the end
        screen.tick()
        assert not player.playing  # ran out of call, as a device would
        await pilot.press("5", "space")
        assert player.position == pytest.approx(10.0) and player.playing
        await pilot.press("plus", "plus")
        assert player.speed == 1.5
        clock.advance(2.0)
        screen.tick()
        assert player.position == pytest.approx(13.0)  # 2 s at ×1.5
        await pilot.press("minus", "minus", "minus")
        assert player.speed == 0.75
        await pilot.press("space")
        assert not player.playing


async def test_jumping_into_a_hold_far_down_brings_its_lead_in_into_view(make_app, build, tmp_path):
    """A hold has no words to light, so the transcript must follow the line cursor: the
    agent's last words before the wait are on screen, not the top of the call."""
    script = [("agent" if i % 2 == 0 else "customer", 2.0 * i, 2.0 * i + 1.5, f"line {i} of the call")
              for i in range(40)]
    script.append(("agent", 110.0, 112.0, "thanks for holding"))
    ws = build(tmp_path / "long", calls=1, script=script, duration=115.0,
               event_list=[("evt-1", "hold", 80.5, 109.5, None, None)])
    app = make_app(ws)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_call(pilot, app)
        tr = screen.query_one(Transcript)
        await pilot.press("n")
        await pilot.pause()
        assert screen.player.position == pytest.approx(80.5)
        assert tr.current_word == -1  # nothing is said during the hold
        assert tr.cursor == 39  # "line 39", the last thing said before it
        row = tr._first_row[39]
        assert tr.scroll_y <= row < tr.scroll_y + tr.scrollable_content_region.height


async def test_a_jump_into_a_long_utterance_keeps_the_lit_word_on_screen(make_app, build, tmp_path):
    """An utterance taller than the pane: the line cursor must not scroll back to its first
    row and push the word being spoken off screen."""
    words = " ".join(f"word{i}" for i in range(400))
    script = [("agent", 0.0, 1.5, "hello"), ("customer", 2.0, 100.0, words)]
    ws = build(tmp_path / "long", calls=1, script=script, duration=101.0, event_list=[])
    app = make_app(ws)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_call(pilot, app)
        tr = screen.query_one(Transcript)
        screen._seek(80.0)
        await pilot.pause()
        assert tr.cursor == 1 and tr.current_word > 300
        row = tr._word_row[tr.current_word]
        assert row > tr.scrollable_content_region.height  # far below the utterance's first row
        assert tr.scroll_y <= row < tr.scroll_y + tr.scrollable_content_region.height


async def test_jump_to_events_skip_hold_and_loop(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        p = screen.player
        await pilot.press("n")
        assert p.position == pytest.approx(5.5)  # verification request
        await pilot.press("n")
        assert p.position == pytest.approx(9.5)  # hold
        await pilot.press("s")
        assert p.position == pytest.approx(15.5)  # skipped to the hold's end
        await pilot.press("p")
        assert p.position == pytest.approx(9.5)
        # Loop a selection: in at 9.5, out at 11.5, play 3 s → wrapped to 10.5.
        await pilot.press("i")
        clock.advance(0)
        p.seek(11.5)
        await pilot.press("o", "l")
        assert p.loop == (9.5, 11.5)
        await pilot.press("space")
        clock.advance(3.0)
        screen.tick()
        assert p.position == pytest.approx(10.5)
        # Clicking the timeline seeks.
        tl = screen.query_one("#timeline")
        await pilot.click("#timeline", offset=(tl.size.width - 2, 2))
        assert p.position > 18.0


async def test_annotate_with_every_field(make_app, workspace, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        screen.player.seek(3.0)
        await pilot.press("i")
        screen.player.seek(6.0)
        await pilot.press("o", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AnnotationForm)
        assert form.query_one("#start", Input).value == "0:03.0"
        form.query_one("#category", Select).value = "repeated_verification"
        form.query_one("#stage", Select).value = "identify"
        form.query_one("#severity", Select).value = 4
        deps = form.query_one("#departments", SelectionList)
        deps.select("billing")
        deps.select("customer_care")
        form.query_one("#note", Input).focus()
        await pilot.press(*"asked twice", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
    with AnnotationStore.open(workspace) as store:
        [ann] = store.list("call-a")
    assert (ann.start_s, ann.end_s) == (3.0, 6.0)
    assert ann.category == "repeated_verification"
    assert ann.stage == "identify"
    assert set(ann.departments) == {"billing", "customer_care"}
    assert ann.severity == 4
    assert ann.note == "asked twice"
    assert ann.reviewer == "tester"


async def test_annotating_right_after_a_jump_takes_the_detection_landed_on(make_app):
    """n lands on the hold with the transcript focused: `a` proposes the hold's span and
    category, not the line before it. Once the reviewer moves the line cursor, or seeks, `a`
    is about the line or the playhead again."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        assert isinstance(app.focused, Transcript)
        await pilot.press("n", "n", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AnnotationForm)
        assert (form.query_one("#start", Input).value, form.query_one("#end", Input).value) == ("0:09.5", "0:15.5")
        assert form.query_one("#category", Select).value == "long_hold"
        await pilot.press("escape")
        await pilot.press("up", "a")  # the reviewer picked a line: annotate that line
        await pilot.pause()
        line = screen.call.utterances[screen.query_one(Transcript).cursor]
        assert app.screen.query_one("#start", Input).value == f"0:{line.start_s:04.1f}"
        assert app.screen.query_one("#end", Input).value == f"0:{line.end_s:04.1f}"
        await pilot.press("escape", "n")
        assert screen.player.position == pytest.approx(15.6)  # the transfer
        await pilot.press("left", "a")  # ... and seeked back from it: the line heard there
        await pilot.pause()
        line = screen.call.utterances[screen.query_one(Transcript).cursor]
        assert line.start_s < 15.6
        assert app.screen.query_one("#start", Input).value == f"0:{line.start_s:04.1f}"
        await pilot.press("escape")
        assert app.store.list("call-a") == []


async def test_form_validation_and_cancel(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#end", Input).value = "0:00.0"
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "after start" in str(form.query_one("#error", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, CallScreen)
        assert app.store.list("call-a") == []


async def test_reject_detection_undo_redo(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        panel = screen.query_one(EventsPanel)
        panel.focus()
        panel.select_key("e:call-a:evt-2")  # the hold
        await pilot.press("x")
        [ann] = app.store.list("call-a")
        assert (ann.event_id, ann.verdict, ann.category) == ("call-a:evt-2", "rejected", "long_hold")
        await pilot.press("u")
        assert app.store.list("call-a") == []
        await pilot.press("U")
        [again] = app.store.list("call-a")
        assert again.verdict == "rejected"
        # Confirm a different detection: the review is its own annotation.
        panel.select_key("e:call-a:evt-1")
        await pilot.press("c")
        verdicts = {a.event_id: a.verdict for a in app.store.list("call-a")}
        assert verdicts == {"call-a:evt-2": "rejected", "call-a:evt-1": "confirmed"}


async def test_edit_delete_and_undo_chain(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        ann = app.session.add("call-a", 1.0, 2.0, "dead_air", severity=2)
        screen._reload(select=f"a:{ann.annotation_id}")
        screen.query_one(EventsPanel).focus()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AnnotationForm)
        form.query_one("#severity", Select).value = 5
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.get(ann.annotation_id).severity == 5
        await pilot.press("d")
        assert app.store.list("call-a") == []
        await pilot.press("u")  # undo delete
        assert app.store.get(ann.annotation_id).severity == 5
        await pilot.press("u")  # undo edit
        assert app.store.get(ann.annotation_id).severity == 2
        await pilot.press("u")  # undo add
        assert app.store.get(ann.annotation_id).deleted
        await pilot.press("U", "U")
        cur = app.store.get(ann.annotation_id)
        assert not cur.deleted and cur.severity == 5
        # Every step is in the store's history: nothing was thrown away.
        assert len(app.store.history(ann.annotation_id)) >= 7


async def test_export_and_read_back(make_app, workspace):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, app)
        app.session.add("call-a", 1.0, 2.0, "dead_air", severity=2, note="quiet", departments=["billing"])
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = app.last_export
        assert path is not None and path.exists()
        assert str(workspace) in str(path)
    table = pq.read_table(path) if path.is_file() else pq.ParquetDataset(path).read()
    rows = table.to_pylist()
    assert [(r["category"], r["note"], list(r["departments"])) for r in rows] == [
        ("dead_air", "quiet", ["billing"])]


async def test_reel_plays_moments_in_pain_order(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        reel = app.screen
        assert isinstance(reel, ReelScreen)
        assert [m.call_id for m in reel.moments][:3] == ["call-a"] * 3
        assert reel.moments[0].start_s == pytest.approx(1.5)  # 4 s of context before 5.5
        assert reel.player.playing
        clock.advance(reel.moments[0].end_s - reel.moments[0].start_s + 0.1)
        reel.tick()
        assert reel.index == 1  # auto-advanced
        await pilot.press("n", "n")
        assert reel.moments[reel.index].call_id == "call-b"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen) and app.screen.call_id == "call-b"


async def test_dashboard_has_pictures(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.session.add("call-a", 1.0, 2.0, "dead_air", stage="diagnose")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        charts = {c.border_title: c.rows for c in app.screen.query(BarChart)}
        assert dict(charts["Hold time distribution (holds)"])["< 30s"] == 2
        assert dict(charts["Transfers between departments"]) == {"billing → technical_support": 2}
        assert dict(charts["Pain points by customer-experience stage"]) == {"diagnose": 1}
        assert dict(charts["Pain points by category"])["Long hold"] == 2


async def test_help_lists_bindings(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(desc for _, _, desc in app.screen.rows)
        for word in ("Annotate", "Reject", "Undo", "Skip hold", "Loop", "Command palette"):
            assert word in text
        await pilot.press("escape")
        assert isinstance(app.screen, CallScreen)


async def test_palette_knows_actions(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Reel" in titles and "Export annotations" in titles
        assert any("Annotate" in t for t in titles)


@pytest.mark.parametrize("kind", ["missing", "empty"])
async def test_clear_message_for_bad_out_dir(tmp_path, make_app, kind):
    path = tmp_path / "nope"
    if kind == "empty":
        path.mkdir()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        msg = app.screen.message
        assert ("does not exist" in msg) if kind == "missing" else ("calls.parquet not found" in msg)
        assert "sidebyside analyze" in msg
        await pilot.press("q")
    assert app.return_value == 1


async def test_silent_backend_is_announced(make_app, monkeypatch):
    from workstation.playback import device

    monkeypatch.setattr(device, "detect_output_device", lambda: None)
    app = make_app(audio="auto")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, app)
        assert screen.player.silent
        assert any("No audio output device" in n.message for n in app._notifications)


async def test_workspace_without_events_degrades(tmp_path, make_app, build):
    ws = build(tmp_path / "noev", events=False)
    app = make_app(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no events.parquet" in str(app.screen.query_one("#calls-status", Static).render())
        screen = await open_call(pilot, app)
        await pilot.press("n", "s", "c", "x", "r")
        assert isinstance(app.screen, CallScreen)
        await pilot.press("escape", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReelScreen) and app.screen.moments == []


CALL_KEYS = list("abcdefghijklmnoprstuvwxyzSU05[]-+=/") + [
    "space", "left", "right", "up", "down", "shift+left", "shift+right", "tab", "enter",
    "pageup", "pagedown", "home", "end", "delete", "ctrl+z", "ctrl+y", "question_mark"]
OTHER_KEYS = list("nprsgSx/") + ["space", "left", "right", "up", "down", "tab", "enter", "backspace",
                                  "question_mark"]


async def test_no_traceback_on_any_key(make_app, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for start in ("call", "calls", "reel", "dashboard"):
            await pilot.press("f2")
            if start == "call":
                await pilot.press("enter")
            elif start == "reel":
                await pilot.press("f3")
            elif start == "dashboard":
                await pilot.press("f4")
            for key in CALL_KEYS if start == "call" else OTHER_KEYS:
                await pilot.press(key)
                clock.advance(0.7)
                # Close any form or help the key opened, so later keys reach the screen.
                while isinstance(app.screen, (AnnotationForm, HelpScreen)):
                    await pilot.press("escape")
        assert app.is_running


@pytest.mark.parametrize("opens", ["g", "r"])
async def test_q_quits_from_the_dashboard_and_the_reel_as_from_the_calls(make_app, opens):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(opens)
        await pilot.pause()
        assert not isinstance(app.screen, CallsScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
