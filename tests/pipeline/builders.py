"""Calls built by hand for the detectors: utterances over a silent, music-free call."""

from __future__ import annotations

from audio_pipeline.detect import acoustic
from audio_pipeline.detect.timeline import CallView, Utt


def quiet_view(utts: list[Utt], duration: float) -> CallView:
    """A stereo call of ``duration`` s with these utterances, and no sound the frames would label."""
    return CallView("quiet", duration, 2, utts, [], acoustic.Frames.silent(duration))
