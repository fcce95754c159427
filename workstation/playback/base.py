"""What the screens need from a player, whichever backend runs it."""

from __future__ import annotations

SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


class Player:
    """Position, play state, speed and an optional loop range, in seconds of call audio.

    Subclasses supply ``_now_position`` and may hook the ``_on_*`` methods. All public
    methods return at once: nothing here waits for audio.
    """

    backend = "none"
    silent = True

    def __init__(self, duration_s: float) -> None:
        self.duration_s = max(0.0, float(duration_s))
        self.playing = False
        self.speed = 1.0
        self.loop: tuple[float, float] | None = None
        self.status = ""

    # Subclasses --------------------------------------------------------------------
    def _now_position(self) -> float:
        raise NotImplementedError

    def _set_position(self, t: float) -> None:
        raise NotImplementedError

    def _on_play_state(self) -> None:
        pass

    def _on_speed(self) -> None:
        pass

    # Public ------------------------------------------------------------------------
    @property
    def position(self) -> float:
        return self._now_position()

    def play(self) -> None:
        pos = self.position
        if pos >= self.duration_s - 0.05 and self.loop is None:
            pos = 0.0
        self._set_position(pos)  # re-anchor: the clock may have stood still for a while
        self.playing = True
        self._on_play_state()

    def pause(self) -> None:
        if self.playing:
            pos = self.position
            self.playing = False
            self._set_position(pos)
            self._on_play_state()

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def seek(self, t: float) -> float:
        t = min(max(0.0, float(t)), self.duration_s)
        if self.loop is not None and not (self.loop[0] <= t <= self.loop[1]):
            self.loop = None  # jumping elsewhere means the reviewer is done with this loop
        self._set_position(t)
        return t

    def seek_relative(self, dt: float) -> float:
        return self.seek(self.position + dt)

    def set_speed(self, speed: float) -> float:
        pos = self.position
        self.speed = min(max(float(speed), SPEEDS[0]), SPEEDS[-1])
        self._set_position(pos)
        self._on_speed()
        return self.speed

    def step_speed(self, direction: int) -> float:
        idx = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.speed))
        idx = min(max(idx + direction, 0), len(SPEEDS) - 1)
        return self.set_speed(SPEEDS[idx])

    def set_loop(self, loop: tuple[float, float] | None) -> None:
        if loop is not None:
            a, b = sorted(loop)
            if b - a < 0.1:
                loop = None
            else:
                loop = (max(0.0, a), min(self.duration_s, b))
        self.loop = loop

    def close(self) -> None:
        self.playing = False
