"""The silent backend: a real-time clock that moves the playhead without sound."""

from __future__ import annotations

import time
from typing import Callable

from .base import Player


class ManualTime:
    """A time source tests advance by hand, so timing tests need no sleeps."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ClockPlayer(Player):
    backend = "silent"
    silent = True

    def __init__(self, duration_s: float, time_source: Callable[[], float] = time.monotonic) -> None:
        super().__init__(duration_s)
        self._time = time_source
        self._anchor_pos = 0.0
        self._anchor_time = time_source()

    def _now_position(self) -> float:
        if not self.playing:
            return self._anchor_pos
        pos = self._anchor_pos + (self._time() - self._anchor_time) * self.speed
        if self.loop is not None:
            a, b = self.loop
            if pos >= b:
                pos = a + (pos - a) % (b - a) if pos - a >= 0 else a
                self._set_position(pos)
        if pos >= self.duration_s:
            # End of call: stop there, as a real device would run out of samples.
            self.playing = False
            self._set_position(self.duration_s)
            return self.duration_s
        return pos

    def _set_position(self, t: float) -> None:
        self._anchor_pos = t
        self._anchor_time = self._time()
