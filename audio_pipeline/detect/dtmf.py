"""Keypad tones (DTMF): which keys the caller pressed, and when.

Digits keyed into the IVR count as "already given" for identity verification, so the
detector has to hear them. Each key is one low (row) and one high (column) frequency; a frame
holds a key when nearly all its energy sits on exactly one of each.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..decode import MODEL_RATE

ROWS = (697.0, 770.0, 852.0, 941.0)
COLS = (1209.0, 1336.0, 1477.0, 1633.0)
KEYS = ("123A", "456B", "789C", "*0#D")
_FRAME = int(0.04 * MODEL_RATE)
_HOP = int(0.02 * MODEL_RATE)


@dataclass(frozen=True)
class KeyPress:
    start_s: float
    end_s: float
    key: str


@dataclass(frozen=True)
class KeyEntry:
    """Key presses close together: one thing typed in (an account number, a menu choice)."""

    start_s: float
    end_s: float
    keys: str


def key_presses(x: np.ndarray) -> list[KeyPress]:
    """Key presses in one channel of 16 kHz audio."""
    n = (len(x) - _FRAME) // _HOP + 1
    if n <= 0:
        return []
    idx = np.arange(_FRAME)[None, :] + _HOP * np.arange(n)[:, None]
    frames = x[idx].astype(np.float64) * np.hanning(_FRAME)[None, :]
    freqs = np.array(ROWS + COLS)
    basis = np.exp(-2j * np.pi * freqs[None, :] * np.arange(_FRAME)[:, None] / MODEL_RATE)
    # Power at each key frequency relative to the frame's total, both through the same window.
    mag = np.abs(frames @ basis) ** 2
    total = (np.abs(np.fft.rfft(frames, axis=1)) ** 2).sum(axis=1) + 1e-20
    # A Hann-windowed tone puts 2/3 of its energy in the bin at its frequency: a clean key is ~1.
    rel = 1.5 * mag / total[:, None]
    r, c = rel[:, :4], rel[:, 4:]
    ri, ci = r.argmax(axis=1), c.argmax(axis=1)
    rbest, cbest = r.max(axis=1), c.max(axis=1)
    r2 = np.sort(r, axis=1)[:, -2]
    c2 = np.sort(c, axis=1)[:, -2]
    twist = np.minimum(rbest, cbest) / np.maximum(np.maximum(rbest, cbest), 1e-20)
    ok = (rbest + cbest > 0.8) & (twist > 0.16) & (r2 < 0.1 * rbest) & (c2 < 0.1 * cbest)

    presses: list[KeyPress] = []
    i = 0
    while i < n:
        if not ok[i]:
            i += 1
            continue
        key = KEYS[ri[i]][ci[i]]
        j = i
        while j + 1 < n and ok[j + 1] and KEYS[ri[j + 1]][ci[j + 1]] == key:
            j += 1
        if j - i + 1 >= 2:  # two overlapping 40 ms frames: keys held ~55 ms or more (people press 70+)
            presses.append(KeyPress(i * _HOP / MODEL_RATE, (j * _HOP + _FRAME) / MODEL_RATE, key))
        i = j + 1
    return presses


def key_entries(presses: list[KeyPress], gap_s: float = 1.5) -> list[KeyEntry]:
    """Group presses with less than ``gap_s`` between them."""
    entries: list[KeyEntry] = []
    for p in presses:
        if entries and p.start_s - entries[-1].end_s < gap_s:
            last = entries[-1]
            entries[-1] = KeyEntry(last.start_s, p.end_s, last.keys + p.key)
        else:
            entries.append(KeyEntry(p.start_s, p.end_s, p.key))
    return entries


def caller_keys(samples: np.ndarray, agent_channel: int | None) -> list[KeyEntry]:
    """What the caller typed in, from a call's channels (``samples``: channels × samples).

    On a stereo call only the caller's channel is listened to: tones on the agent's side are
    the agent dialling (an extension for a transfer) or hold music that happens to sit on two
    key frequencies, not the caller's keypad.
    """
    channels = [ch for ch in range(len(samples)) if len(samples) == 1 or ch != agent_channel]
    presses = sorted((p for ch in channels for p in key_presses(samples[ch])), key=lambda p: p.start_s)
    deduped: list[KeyPress] = []
    for p in presses:  # with both channels listened to, a key heard on both (line echo) is one press
        if not deduped or p.start_s - deduped[-1].start_s > 0.06 or p.key != deduped[-1].key:
            deduped.append(p)
    return key_entries(deduped)
