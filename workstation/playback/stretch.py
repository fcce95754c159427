"""Streaming WSOLA time-stretch: change speed without changing pitch.

A phase vocoder (librosa.effects.time_stretch) works on whole signals and smears speech
at chunk boundaries when run on a stream; WSOLA works frame by frame, so the device
callback can ask for exactly the samples it needs and a seek simply resets it. For each
output hop it picks, within a small window around the nominal read position, the source
frame that best continues the previous one (waveform similarity), then overlap-adds it.
"""

from __future__ import annotations

import numpy as np


class Wsola:
    def __init__(self, sample_rate: int, channels: int, frame_ms: float = 40.0) -> None:
        n = max(64, int(sample_rate * frame_ms / 1000) // 2 * 2)
        self.n = n
        self.hop = n // 2
        self.tol = n // 4
        self.channels = channels
        # Periodic Hann at 50 % overlap sums to exactly one: no amplitude ripple.
        self.window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)).astype(np.float32)[:, None]
        self.reset()

    def reset(self) -> None:
        self._acc = np.zeros((self.n, self.channels), dtype=np.float32)
        self._prev: int | None = None
        self._ready = np.zeros((0, self.channels), dtype=np.float32)

    def produce(self, src: np.ndarray, pos: float, frames: int, speed: float) -> tuple[np.ndarray, float]:
        """``frames`` output samples read from ``src`` (shape (len, channels)) starting at
        source position ``pos`` (samples); returns them and the new source position."""
        out = [self._ready]
        have = len(self._ready)
        total = len(src)
        n, hop, tol = self.n, self.hop, self.tol
        while have < frames:
            a = int(pos)
            if a >= total:
                break
            best = a
            if self._prev is not None:
                nat = self._prev + hop
                lo = max(0, a - tol)
                target = src[nat:nat + n].mean(axis=1)
                region = src[lo:a + tol + n].mean(axis=1)
                if len(target) == n and len(region) >= n:
                    corr = np.correlate(region, target, mode="valid")
                    best = lo + int(np.argmax(corr))
            frame = src[best:best + n]
            if len(frame) < n:
                frame = np.concatenate([frame, np.zeros((n - len(frame), self.channels), np.float32)])
            self._acc += frame * self.window
            # After a reset the first hop fades in (rising half-window): a seek never clicks.
            out.append(self._acc[:hop].copy())
            have += hop
            self._acc = np.concatenate([self._acc[hop:], np.zeros((hop, self.channels), np.float32)])
            self._prev = best
            pos += hop * speed
        buf = np.concatenate(out) if len(out) > 1 else out[0]
        self._ready = buf[frames:]
        return buf[:frames], pos
