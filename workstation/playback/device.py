"""The miniaudio backend and the choice between it and the silent clock."""

from __future__ import annotations

import functools
import os
import threading
import time
from pathlib import Path
from typing import Callable

import numpy as np

from .base import Player
from .clock import ClockPlayer
from .stretch import Wsola

AUDIO_ENV = "SIDEBYSIDE_AUDIO"  # "silent" forces the clock, "device" skips detection

# ALSA's "null" plugin and miniaudio's NULL backend accept samples and discard them:
# a machine whose only output looks like this has no way to make sound.
_NULL_MARKERS = ("discard all samples", "null", "dummy")


@functools.lru_cache(maxsize=1)
def detect_output_device() -> str | None:
    """Name of a real playback device, or None (no sound card, SSH session, no backend)."""
    try:
        import miniaudio

        devices = miniaudio.Devices()
        playbacks = devices.get_playbacks()
    except Exception:
        return None
    for dev in playbacks:
        name = str(dev.get("name", ""))
        if not any(m in name.lower() for m in _NULL_MARKERS):
            return name
    return None


def load_audio(path: Path) -> tuple[np.ndarray, int]:
    """Decode to float32 (frames, channels); soundfile first, miniaudio for mp3 and friends."""
    try:
        import soundfile as sf

        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
        return np.ascontiguousarray(data), int(rate)
    except Exception:
        import miniaudio

        dec = miniaudio.decode_file(str(path), output_format=miniaudio.SampleFormat.FLOAT32)
        arr = np.frombuffer(dec.samples, dtype=np.float32).reshape(-1, dec.nchannels)
        return arr.copy(), int(dec.sample_rate)


class AudioPlayer(ClockPlayer):
    """Plays decoded samples through a miniaudio device.

    The device pulls samples from a generator on miniaudio's own thread; the UI thread only
    flips fields under a lock, so nothing it does waits for the sound card. Until the audio
    is decoded and the device is open (or if opening it fails) the player runs as the
    silent clock it inherits from, and audio picks up wherever the playhead has got to.
    """

    backend = "miniaudio"

    def __init__(self, duration_s: float, backends: list | None = None,
                 time_source: Callable[[], float] = time.monotonic) -> None:
        super().__init__(duration_s, time_source)
        self._backends = backends  # e.g. [miniaudio.Backend.NULL] in tests: real timing, no sound
        self._lock = threading.RLock()  # the clock fallback re-enters _set_position
        self._samples: np.ndarray | None = None
        self._rate = 0
        self._pos = 0.0  # source samples
        self._device = None
        self._stretch: Wsola | None = None
        self._ready = False
        self.status = "loading audio…"

    @property
    def silent(self) -> bool:  # type: ignore[override]
        return not self._ready

    # Runs on a worker thread.
    def load(self, path: Path) -> None:
        import miniaudio

        samples, rate = load_audio(path)
        device = miniaudio.PlaybackDevice(
            output_format=miniaudio.SampleFormat.FLOAT32,
            nchannels=samples.shape[1],
            sample_rate=rate,
            buffersize_msec=80,
            backends=self._backends,
        )
        with self._lock:
            self._samples, self._rate = samples, rate
            self._stretch = Wsola(rate, samples.shape[1])
            self._pos = ClockPlayer._now_position(self) * rate
            self._ready = True
        gen = self._generate()
        next(gen)
        device.start(gen)
        self._device = device
        self.status = ""

    def _generate(self):
        frames = yield b""
        while True:
            with self._lock:
                out = self._render(frames)
            frames = yield out.tobytes()

    def _render(self, frames: int) -> np.ndarray:
        src = self._samples
        if src is None or not self.playing:
            return np.zeros((frames, 1 if src is None else src.shape[1]), np.float32)
        rate = self._rate
        end = len(src)
        if self.loop is not None:
            end = min(end, int(self.loop[1] * rate))
        if self.speed == 1.0:
            a = int(self._pos)
            chunk = src[a:min(a + frames, end)]
            self._pos = a + len(chunk)
        else:
            chunk, self._pos = self._stretch.produce(src[:end], self._pos, frames, self.speed)
        if self._pos >= end:
            if self.loop is not None:
                self._pos = self.loop[0] * rate
                self._stretch.reset()
            else:
                self.playing = False
        if len(chunk) < frames:
            chunk = np.concatenate([chunk, np.zeros((frames - len(chunk), src.shape[1]), np.float32)])
        return chunk

    def _now_position(self) -> float:
        if not self._ready:
            return super()._now_position()
        return min(self._pos / self._rate, self.duration_s)

    def _set_position(self, t: float) -> None:
        with self._lock:
            if not self._ready:
                super()._set_position(t)
                return
            self._pos = t * self._rate
            if self._stretch is not None:
                self._stretch.reset()

    def _on_speed(self) -> None:
        with self._lock:
            if self._stretch is not None:
                self._stretch.reset()

    def close(self) -> None:
        super().close()
        if self._device is not None:
            try:
                self._device.close()
            except Exception:
                pass
            self._device = None


def make_player(
    duration_s: float,
    audio: str = "auto",
    time_source: Callable[[], float] | None = None,
) -> Player:
    """A player for one call: miniaudio when a real device exists (or ``audio="device"``),
    otherwise the silent clock. The caller loads audio into an AudioPlayer on a worker."""
    mode = os.environ.get(AUDIO_ENV, audio) if audio == "auto" else audio
    if mode == "device" or (mode == "auto" and detect_output_device() is not None):
        return AudioPlayer(duration_s, time_source=time_source or time.monotonic)
    return ClockPlayer(duration_s, time_source or time.monotonic)
