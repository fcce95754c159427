"""Calls built by hand for the detectors: utterances over a silent, music-free call."""

from __future__ import annotations

import numpy as np

from audio_pipeline.detect import acoustic
from audio_pipeline.detect.timeline import CallView, Utt


def quiet_view(utts: list[Utt], duration: float) -> CallView:
    """A stereo call of ``duration`` s with these utterances, and no sound the frames would label."""
    n = int(duration / acoustic.HOP_S) + 1
    off = np.zeros(n, bool)
    frames = acoustic.Frames(db=np.full(n, -70.0), active=off, speech=off.copy(), tone=off.copy(),
                             music=off.copy(), floor_db=-70.0)
    return CallView("quiet", duration, 2, utts, [], frames)
