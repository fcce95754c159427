"""What the line sounds like, frame by frame: silence, speech, music or a tone.

Holds and queues are told apart from dead air by sound, not only by words: music-on-hold is
sustained non-speech sound on the system side, dead air is the line's noise floor, and a
ringing or keypad tone is a few pure frequencies. Speech comes from Silero VAD, which scores
music low; the rest is energy above the call's own noise floor and spectral peakiness.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import vad
from ..vad import runs_of
from ..decode import MODEL_RATE

HOP_S = 0.05
_WIN = 2048


@dataclass
class Frames:
    """Per-frame labels at ``HOP_S`` spacing (frame i covers i*HOP_S .. (i+1)*HOP_S)."""

    db: np.ndarray          # level, dBFS
    active: np.ndarray      # clearly above the noise floor
    speech: np.ndarray      # VAD speech on any channel
    tone: np.ndarray        # one or two pure frequencies (ringback, DTMF, dial tone)
    music: np.ndarray       # sustained non-speech, non-tone sound
    floor_db: float

    @classmethod
    def silent(cls, duration: float) -> "Frames":
        """``duration`` s with nothing the frames would label: for calls built from words alone."""
        n = int(duration / HOP_S) + 1
        off = np.zeros(n, bool)
        return cls(db=np.full(n, -70.0), active=off, speech=off.copy(), tone=off.copy(), music=off.copy(),
                   floor_db=-70.0)

    def __len__(self) -> int:
        return len(self.db)

    def index(self, t: float) -> int:
        return min(max(int(round(t / HOP_S)), 0), len(self.db))

    def fraction(self, kind: str, start: float, end: float) -> float:
        a, b = self.index(start), self.index(end)
        if b <= a:
            return 0.0
        return float(getattr(self, kind)[a:b].mean())


def analyse(channels: np.ndarray, music_channel: int | None, cfg: dict) -> Frames:
    """Label frames of a call. ``channels`` is (n_channels, samples) at 16 kHz; on a stereo call
    music and tones are looked for on ``music_channel`` (the agent side, where hold music plays)."""
    mix = channels.mean(axis=0) if channels.shape[0] > 1 else channels[0]
    src = channels[music_channel] if music_channel is not None and channels.shape[0] > 1 else mix
    hop = int(HOP_S * MODEL_RATE)
    n = max(1, len(mix) // hop)

    power = _frame_power(src, hop, n)
    db = 10 * np.log10(power + 1e-12)
    # Digital silence (exact zeros some codecs and recorders write) is not the line's noise.
    live = db[db > -90.0]
    floor = float(np.percentile(live if len(live) else db, 10))
    active = db > floor + float(cfg["active_above_floor_db"])

    speech = np.zeros(n, bool)
    for ch in range(channels.shape[0]):
        for s, e in vad.speech_regions(channels[ch]):
            speech[int(s / HOP_S):int(np.ceil(e / HOP_S))] = True

    spec = _spectrogram(src, hop, n)
    tone = _peaky(spec) & active
    steady = _steadiness(spec)
    candidate = _runs(active & ~speech & ~tone, float(cfg["music_min_s"]), float(cfg["music_gap_s"]))
    # Speech the VAD missed is also active non-speech; music differs in holding its spectrum
    # from one frame to the next (notes and chords sustain, phonemes change every ~80 ms).
    # Judged a second at a time, so speech the VAD missed next to real music is not swept in.
    music = np.zeros(n, bool)
    step = int(round(1.0 / HOP_S))
    for a, b in runs_of(candidate):
        for c in range(a, b, step):
            d = min(b, c + step)
            if b - d < step // 2:
                d = b  # a short tail joins the chunk before it
            if np.median(steady[c:d]) >= float(cfg["music_steadiness"]):
                music[c:d] = True
            if d == b:
                break
        # A one-second hole between music (a drum hit, a chord change) is still the music.
        inner = music[a:b].copy()
        for x, y in runs_of(~inner):
            if x > 0 and y < len(inner) and y - x <= step:
                inner[x:y] = True
        music[a:b] = inner
    music = _runs(music, float(cfg["music_min_s"]), 0.0)
    # Music ducked under a recorded announcement is still the hold: keep it continuous.
    music = music | _bridged(speech, music, 1.5)
    return Frames(db=db, active=active, speech=speech, tone=tone, music=music, floor_db=floor)


def _frame_power(x: np.ndarray, hop: int, n: int) -> np.ndarray:
    x = x[: n * hop].astype(np.float64)
    if len(x) < n * hop:
        x = np.pad(x, (0, n * hop - len(x)))
    return (x.reshape(n, hop) ** 2).mean(axis=1)


def _spectrogram(x: np.ndarray, hop: int, n: int) -> np.ndarray:
    """Power spectrum of the telephone band (300-3400 Hz), one column per frame."""
    import librosa

    spec = np.abs(librosa.stft(x.astype(np.float32), n_fft=_WIN, hop_length=hop, center=True)) ** 2
    spec = spec[:, :n]
    if spec.shape[1] < n:
        spec = np.pad(spec, ((0, 0), (0, n - spec.shape[1])))
    f = librosa.fft_frequencies(sr=MODEL_RATE, n_fft=_WIN)
    return spec[(f > 300) & (f < 3400)]


def _steadiness(spec: np.ndarray) -> np.ndarray:
    """Correlation of each frame's log spectrum with the previous frame's, over what stands
    above the line's noise: each frequency's quiet level in the call (its 20th percentile, x3)
    is added first, so the hiss between the notes, which changes from frame to frame, does
    not hide notes that hold (on a noisy dev4 call hold music scored 0.66 and went unheard;
    measured on dev3 and dev4's mono calls, 1 s chunks: music kept 87% -> 99%, speech taken
    for steady 3% -> 2%, thresholds 0.72 -> 0.76)."""
    floor = np.percentile(spec, 20, axis=1, keepdims=True) * 3.0
    log = np.log(spec + floor + 1e-4 * float(np.mean(spec)) + 1e-20)
    log -= log.mean(axis=0, keepdims=True)
    num = (log[:, 1:] * log[:, :-1]).sum(axis=0)
    den = np.sqrt((log[:, 1:] ** 2).sum(axis=0) * (log[:, :-1] ** 2).sum(axis=0)) + 1e-12
    return np.concatenate([[0.0], num / den])


def _peaky(spec: np.ndarray) -> np.ndarray:
    """Frames whose energy sits almost all in two narrow spectral peaks."""
    total = spec.sum(axis=0) + 1e-20
    # Energy within ±2 bins of the strongest peak, then of the strongest peak elsewhere.
    work = spec.copy()
    kept = np.zeros(spec.shape[1])
    cols = np.arange(spec.shape[1])
    for _ in range(2):
        k = work.argmax(axis=0)
        for d in range(-2, 3):
            idx = np.clip(k + d, 0, spec.shape[0] - 1)
            kept += work[idx, cols]
            work[idx, cols] = 0
    return kept / total > 0.9


def _runs(mask: np.ndarray, min_s: float, gap_s: float) -> np.ndarray:
    """Close gaps shorter than ``gap_s``, then keep runs at least ``min_s`` long."""
    out = mask.copy()
    gap = int(round(gap_s / HOP_S))
    idx = np.flatnonzero(out)
    if len(idx):
        breaks = np.flatnonzero(np.diff(idx) > 1)
        for b in breaks:
            if idx[b + 1] - idx[b] - 1 <= gap:
                out[idx[b]:idx[b + 1]] = True
    keep = np.zeros_like(out)
    for a, b in runs_of(out):
        if (b - a) * HOP_S >= min_s:
            keep[a:b] = True
    return keep


def _bridged(speech: np.ndarray, music: np.ndarray, seconds: float) -> np.ndarray:
    """Speech runs with music on both sides (within ``seconds``)."""
    k = int(round(seconds / HOP_S))
    out = np.zeros_like(music)
    # The VAD may cut one announcement into pieces at its pauses; bridge the whole of it.
    for a, b in runs_of(_runs(speech, 0.0, 0.6)):
        if music[max(0, a - k):a].any() and music[b:b + k].any():
            out[a:b] = True
    return out


