"""Where someone speaks on one channel: Silero VAD, started afresh after every silence.

Silero is a recurrent network that faster-whisper runs over a whole channel in one pass. After
keypad tones and half a minute of digital silence (the customer's side of a stereo call while
the IVR talks) its state stays depressed: on development calls the customer's first answers
scored 0.2-0.45 against the 0.5 threshold for a minute or more, and were lost from the
transcript, the turns and the music/speech frames, while the same audio scored 0.6-0.85 with a
fresh state. No one speaks through a silence, so each stretch between silences is judged on
its own. A channel with no silence in it (a noisy line) is one stretch: the old behaviour.
"""

from __future__ import annotations

import numpy as np

from .decode import MODEL_RATE

_FRAME = 512            # Silero's window at 16 kHz (32 ms)
QUIET_ABOVE_FLOOR_DB = 10.0
QUIET_MAX_DB = -35.0    # never call louder than this quiet, whatever the floor
MIN_QUIET_S = 1.0       # a silence this long restarts the VAD
_MARGIN_S = 0.25        # quiet kept either side of a stretch, so its edges look like edges


def stretches(samples: np.ndarray) -> list[tuple[int, int]]:
    """Sample ranges between silences of at least ``MIN_QUIET_S``."""
    n = len(samples) // _FRAME
    if n == 0:
        return [(0, len(samples))] if len(samples) else []
    frames = samples[: n * _FRAME].astype(np.float64).reshape(n, _FRAME)
    db = 10 * np.log10((frames ** 2).mean(axis=1) + 1e-12)
    live = db[db > -90.0]  # exact zeros are not the line's noise floor
    floor = float(np.percentile(live if len(live) else db, 5))
    quiet = db < min(floor + QUIET_ABOVE_FLOOR_DB, QUIET_MAX_DB)

    min_run = int(np.ceil(MIN_QUIET_S * MODEL_RATE / _FRAME))
    margin = int(_MARGIN_S * MODEL_RATE)
    silences = [(a, b) for a, b in runs_of(quiet) if b - a >= min_run]
    # A stretch runs from the end of one silence (or the start) to the start of the next (or the end).
    edges = [0] + [int(x) for silence in silences for x in silence] + [n]
    out = [(max(0, a * _FRAME - margin), len(samples) if b == n else min(len(samples), b * _FRAME + margin))
           for a, b in zip(edges[::2], edges[1::2]) if b > a]
    return [(a, b) for a, b in out if b - a >= _FRAME]


def runs_of(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index pairs of the True runs of a frame mask."""
    if not len(mask):
        return []
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))


def speech_chunks(samples: np.ndarray, options: dict) -> list[dict]:
    """Speech as faster-whisper's ``get_speech_timestamps`` gives it ({"start", "end"} in
    samples), each stretch between silences judged with a fresh VAD state."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    audio = samples.astype(np.float32, copy=False)
    opts = VadOptions(**options)
    # Stretches are at least a second apart, so their chunks never overlap.
    return [{"start": c["start"] + a, "end": c["end"] + a}
            for a, b in stretches(audio)
            for c in get_speech_timestamps(audio[a:b], opts, sampling_rate=MODEL_RATE)]


# Turns are cut tighter than the ASR's chunks: they mark who talks when, not what to decode.
TURN_VAD = {"threshold": 0.5, "min_silence_duration_ms": 300, "speech_pad_ms": 60}


def speech_regions(samples: np.ndarray) -> list[tuple[float, float]]:
    """Speech regions (seconds) of one channel."""
    return [(c["start"] / MODEL_RATE, c["end"] / MODEL_RATE) for c in speech_chunks(samples, TURN_VAD)]
