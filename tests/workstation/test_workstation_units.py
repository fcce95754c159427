"""Player clock, time-stretch, time parsing, undo stack: no UI."""

from __future__ import annotations

import numpy as np
import pytest

from annotations import AnnotationStore
from workstation.data import Workspace
from workstation.editing import EditSession, UndoConflict
from workstation.playback import ClockPlayer, ManualTime
from workstation.playback.device import load_audio
from workstation.playback.stretch import Wsola
from workstation.timefmt import fmt_time, parse_time


def test_clock_player_follows_manual_time():
    t = ManualTime()
    p = ClockPlayer(60.0, t)
    p.play()
    t.advance(10)
    assert p.position == 10
    p.set_speed(2.0)
    t.advance(5)
    assert p.position == 20
    p.pause()
    t.advance(100)
    assert p.position == 20
    p.seek(58)
    p.play()
    t.advance(5)
    assert p.position == 60 and not p.playing  # stops at the end
    p.play()  # from the end: starts over
    assert p.position == 0


def test_clock_player_loop_and_speed_steps():
    t = ManualTime()
    p = ClockPlayer(60.0, t)
    p.set_loop((10, 12))
    p.seek(10)
    p.play()
    t.advance(5)
    assert p.position == pytest.approx(11.0)
    p.seek(30)  # leaving the loop cancels it
    assert p.loop is None
    assert [p.step_speed(1) for _ in range(6)][-1] == 2.0
    assert [p.step_speed(-1) for _ in range(9)][-1] == 0.75


@pytest.mark.parametrize("speed", [0.75, 1.5, 2.0])
def test_wsola_changes_tempo_not_pitch(speed):
    rate = 16000
    x = np.sin(2 * np.pi * 440 * np.arange(rate * 2) / rate).astype(np.float32)[:, None]
    w = Wsola(rate, 1)
    pos, out = 0.0, []
    while pos < len(x) - 1000:
        chunk, pos = w.produce(x, pos, 400, speed)
        out.append(chunk)
    y = np.concatenate(out)[:, 0]
    assert len(y) / len(x) == pytest.approx(1 / speed, rel=0.05)
    freq = np.fft.rfftfreq(len(y), 1 / rate)[np.argmax(np.abs(np.fft.rfft(y)))]
    assert freq == pytest.approx(440, abs=5)
    assert np.max(np.abs(y[2000:-2000])) < 1.1  # no overlap-add blow-ups


def test_time_parsing_round_trip():
    assert parse_time("1:30.5") == 90.5
    assert parse_time("83") == 83
    assert parse_time("1:02:03") == 3723
    assert fmt_time(3723) == "1:02:03"
    assert fmt_time(75.34, tenths=True) == "1:15.3"
    for bad in ("", "a", "1:75", "1:2:3:4", "-3"):
        with pytest.raises(ValueError):
            parse_time(bad)


def test_workspace_loads_words_in_time_order(workspace):
    ws = Workspace.load(workspace)
    call = ws.load_call("call-a")
    assert [u.role for u in call.utterances[:2]] == ["agent", "customer"]
    assert call.words[call.word_at(3.1)] == "my"
    assert call.word_at(12.0) == -1  # silence during the hold
    assert ws.call("call-a").pain_score == 80.0
    assert ws.call("call-a").hold_count == 1  # derived from events
    assert call.audio_path is not None
    samples, rate = load_audio(call.audio_path)
    assert rate == 16000 and samples.shape == (320000, 1)


def test_undo_refuses_to_clobber_another_reviewer(workspace):
    with AnnotationStore.open(workspace) as store:
        mine = EditSession(store, "ann")
        a = mine.add("call-a", 1, 2, "dead_air")
        store.update(a.annotation_id, reviewer="bob", note="bob was here")
        with pytest.raises(UndoConflict):
            mine.undo()
        assert store.get(a.annotation_id).note == "bob was here"


def test_audio_player_render_logic_without_a_device():
    """The sound-card callback's logic, driven by hand: frames in, position out."""
    from workstation.playback.device import AudioPlayer

    rate = 16000
    p = AudioPlayer(2.0)
    p._samples = (0.1 * np.sin(2 * np.pi * 300 * np.arange(2 * rate) / rate)).astype(np.float32)[:, None]
    p._rate = rate
    p._stretch = Wsola(rate, 1)
    p._ready = True
    assert not p._render(160).any()  # paused: silence
    p.play()
    out = p._render(1600)
    assert out.shape == (1600, 1) and p.position == pytest.approx(0.1)
    p.set_speed(2.0)
    for _ in range(10):
        p._render(160)
    assert p.position == pytest.approx(0.3, abs=0.03)  # 0.1 s of output at 2× = 0.2 s of call
    p.set_loop((1.0, 1.3))
    p.seek(1.1)
    for _ in range(20):
        p._render(160)
    assert 1.0 <= p.position <= 1.3
    p.set_loop(None)
    p.seek(1.95)
    p._render(4000)
    assert not p.playing and p.position == pytest.approx(2.0)  # ran out: stops


def test_audio_player_is_a_silent_clock_until_the_device_opens(workspace):
    """No device (or one that fails to open): the playhead still moves, and says silent."""
    from workstation.playback.device import AudioPlayer

    t = ManualTime()
    p = AudioPlayer(20.0, time_source=t)
    p.play()
    t.advance(2.5)
    assert p.silent and p.position == 2.5
    with pytest.raises(Exception):
        p.load(workspace / "audio" / "missing.wav")
    t.advance(1.0)
    assert p.position == 3.5
