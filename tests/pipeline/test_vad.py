"""Speech regions with the VAD restarted after each silence, on real calls and the real Silero model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from audio_pipeline import decode, vad
from audio_pipeline.decode import MODEL_RATE

SAMPLES = Path(__file__).resolve().parents[2] / "sample_calls"


def _customer_segments(name: str) -> tuple[np.ndarray, list[dict]]:
    truth = json.loads((SAMPLES / f"{name}.json").read_text())
    audio = next(p for p in SAMPLES.glob(f"{name}.*") if p.suffix != ".json")
    channel = 1 - truth["agent_channel"]
    roles = {s["id"]: s["role"] for s in truth["speakers"]}
    return decode.load(audio).samples[channel], [s for s in truth["segments"] if roles[s["speaker"]] == "customer"]


def test_customer_answers_after_keypad_tones_and_silence_are_speech():
    # The customer's side of this stereo call is silent while the IVR talks, then carries
    # keypad tones; in one pass Silero scored three of the customer's answers below threshold.
    samples, said = _customer_segments("stereo_hold_callback")
    regions = vad.speech_regions(samples)
    missed = [s["text"] for s in said
              if not any(min(e, s["end_s"]) - max(b, s["start_s"]) > 0.2 for b, e in regions)]
    assert missed == []
    # ...and the silence and tones themselves are not speech.
    talking = sum(e - b for b, e in regions)
    assert talking < 1.5 * sum(s["end_s"] - s["start_s"] for s in said)


def test_stretches_split_at_silences_of_a_second_or_more():
    rng = np.random.default_rng(0)
    second = MODEL_RATE

    def noise(seconds: float, db: float) -> np.ndarray:
        return rng.normal(0, 10 ** (db / 20), int(seconds * second)).astype(np.float32)

    # sound 2 s | silence 3 s | sound 1 s | silence 0.5 s (too short) | sound 1 s | silence 2 s
    x = np.concatenate([noise(2, -20), noise(3, -70), noise(1, -20), noise(0.5, -70), noise(1, -20), noise(2, -70)])
    parts = [(a / second, b / second) for a, b in vad.stretches(x)]
    assert len(parts) == 2
    (a1, b1), (a2, b2) = parts
    assert a1 == 0.0 and 2.0 < b1 < 2.5
    assert 4.5 < a2 < 5.0 and 7.5 < b2 < 8.0


def test_a_channel_without_silence_is_one_stretch():
    x = np.random.default_rng(1).normal(0, 0.05, 5 * MODEL_RATE).astype(np.float32)
    assert vad.stretches(x) == [(0, len(x))]
    assert vad.stretches(np.zeros(0, np.float32)) == []
