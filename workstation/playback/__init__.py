"""Playback: a player interface with two backends.

``ClockPlayer`` advances a position against a clock and plays nothing; it is what runs over
SSH or on a machine without a sound card, and in tests (with a controllable time source).
``AudioPlayer`` plays through a miniaudio device and time-stretches for speed changes.
"""

from __future__ import annotations

from .base import SPEEDS, Player
from .clock import ClockPlayer, ManualTime
from .device import detect_output_device, make_player

__all__ = ["SPEEDS", "Player", "ClockPlayer", "ManualTime", "detect_output_device", "make_player"]
