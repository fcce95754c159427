"""Analyse one call: decode → transcribe → diarize → roles → rows for the tables."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import asr, decode, diarize, roles, transcript, vad
from .errors import AnalysisError


@dataclass(frozen=True)
class AnalysisOptions:
    asr: asr.AsrOptions = field(default_factory=asr.AsrOptions)
    diarizer: diarize.DiarizerOptions = field(default_factory=diarize.DiarizerOptions)
    # Which stereo channel carries the agent side (IVR, agents, hold music); the other is the customer.
    agent_channel: int = 0


@dataclass
class CallResult:
    """Everything ``analyze`` learns about one call, as table rows."""

    call: dict
    utterances: list[dict]
    words: list[dict]
    turns: list[dict]
    events: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


class Models:
    """The loaded models, shared by every call a process analyses."""

    def __init__(self, options: AnalysisOptions) -> None:
        self.options = options
        self.transcriber = asr.Transcriber(options.asr)
        self.diarizer = diarize.Diarizer(options.diarizer)

    def versions(self) -> dict:
        return {
            "asr_model": self.transcriber.label,
            "diarizer": self.diarizer.label,
            **asr.model_versions(),
            **diarize.model_versions(),
        }


def call_id_for(path: str | Path) -> str:
    """The file name without its last extension: ``2024-05-01_123.wav`` → ``2024-05-01_123``."""
    return Path(path).name.rsplit(".", 1)[0] if "." in Path(path).name else Path(path).name


def analyze_call(path: str | Path, models: Models, content_sha256: str = "") -> CallResult:
    path = Path(path)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    audio = decode.load(path)
    timings["decode"] = time.perf_counter() - t

    opts = models.options
    if audio.channels == 2:
        if opts.agent_channel not in (0, 1):
            raise AnalysisError(path, f"agent channel {opts.agent_channel} does not exist in a stereo file")
        spoken, turns, role_of, timings_ = _stereo(audio, models, opts.agent_channel)
    else:
        spoken, turns, role_of, timings_ = _mono(audio, models)
    timings.update(timings_)

    call_id = call_id_for(path)
    utterances = transcript.build_utterances(spoken)
    if audio.channels == 2:
        utterances = _split_out_ivr(utterances)
        role_of.setdefault("ivr", "ivr")
    else:
        role_of = roles.assign_roles(utterances)
    role_of = {**{t.speaker: "unknown" for t in turns}, **role_of}

    utt_rows, word_rows = [], []
    for u in utterances:
        role = role_of.get(u.speaker, "unknown")
        utt_rows.append(
            {"call_id": call_id, "utterance_id": u.utterance_id, "speaker": u.speaker, "role": role,
             "start_s": u.start_s, "end_s": u.end_s, "text": u.text}
        )
        word_rows.extend(
            {"call_id": call_id, "utterance_id": u.utterance_id, "word": w.word, "start_s": w.start_s,
             "end_s": w.end_s, "probability": w.probability, "speaker": u.speaker, "role": role}
            for w in u.words
        )
    turn_rows = [
        {"call_id": call_id, "speaker": t.speaker, "role": role_of.get(t.speaker, "unknown"),
         "start_s": t.start_s, "end_s": t.end_s}
        for t in turns
    ]
    speakers = {t.speaker for t in turns} | {u.speaker for u in utterances}
    call = {
        "call_id": call_id,
        "source_path": str(path.resolve()),
        "content_sha256": content_sha256,
        "codec": audio.codec,
        "duration_s": audio.duration_s,
        "channels": audio.channels,
        "sample_rate": audio.source_rate,
        "agent_channel": opts.agent_channel if audio.channels == 2 else None,
        "speaker_count": len(speakers),
        "asr_model": models.transcriber.label,
        "diarizer": "stereo-channels" if audio.channels == 2 else models.diarizer.label,
        "analyzed_at": datetime.now(timezone.utc),
    }
    return CallResult(call, utt_rows, word_rows, turn_rows, timings=timings)


def _stereo(audio: decode.Audio, models: Models, agent_channel: int):
    names = {agent_channel: "agent", 1 - agent_channel: "customer"}
    spoken: list[transcript.SpokenWord] = []
    t = time.perf_counter()
    for ch in (0, 1):
        for w in models.transcriber.transcribe(audio.samples[ch]):
            if _is_bleed(audio.samples, ch, w.start_s, w.end_s):
                continue
            spoken.append(transcript.SpokenWord(w.start_s, w.end_s, w.word, w.probability, names[ch]))
    asr_s = time.perf_counter() - t
    t = time.perf_counter()
    regions = [vad.speech_regions(audio.samples[ch]) for ch in (0, 1)]
    turns = diarize.channel_turns(regions, [names[0], names[1]])
    diar_s = time.perf_counter() - t
    return spoken, turns, {"agent": "agent", "customer": "customer"}, {"asr": asr_s, "diarize": diar_s}


# A word heard on one channel while the other channel is this much louder is the other side's
# speech leaking across (line echo, joint-stereo codecs such as low-rate Opus), not a second
# speaker; Whisper transcribes the leak faithfully, so it has to be dropped here.
BLEED_RATIO = 0.1  # -20 dB


def _is_bleed(samples, ch: int, start_s: float, end_s: float) -> bool:
    import numpy as np

    a, b = int(start_s * decode.MODEL_RATE), max(int(end_s * decode.MODEL_RATE), int(start_s * decode.MODEL_RATE) + 160)
    own = float(np.sqrt(np.mean(samples[ch, a:b] ** 2))) if b > a else 0.0
    other = float(np.sqrt(np.mean(samples[1 - ch, a:b] ** 2))) if b > a else 0.0
    return own < BLEED_RATIO * other


def _mono(audio: decode.Audio, models: Models):
    samples = audio.samples[0]
    t = time.perf_counter()
    words = models.transcriber.transcribe(samples)
    asr_s = time.perf_counter() - t
    t = time.perf_counter()
    turns = models.diarizer.diarize(samples)
    diar_s = time.perf_counter() - t
    spoken = transcript.attribute_words(words, turns)
    return spoken, turns, {}, {"asr": asr_s, "diarize": diar_s}


def _split_out_ivr(utterances: list[transcript.Utterance]) -> list[transcript.Utterance]:
    """On the agent channel of a stereo call, recorded system prompts are the IVR, not the agent."""
    out = []
    for u in utterances:
        if u.speaker == "agent" and roles.is_ivr_prompt(u.text):
            words = tuple(transcript.SpokenWord(w.start_s, w.end_s, w.word, w.probability, "ivr") for w in u.words)
            u = transcript.Utterance(u.utterance_id, "ivr", u.start_s, u.end_s, words)
        out.append(u)
    return out
