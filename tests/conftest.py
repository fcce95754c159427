"""Fixtures shared by every test folder: real audio that ships with the installed packages."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def pyannote_sample() -> Path:
    """30 s of two-person telephone-style speech with reference RTTM and STM, inside the pyannote.audio wheel."""
    import pyannote.audio

    return Path(pyannote.audio.__file__).parent / "sample" / "sample.wav"
