from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf


@pytest.fixture(scope="session")
def models():
    """The real bundled models, loaded once for the whole session."""
    from audio_pipeline import AnalysisOptions, Models

    return Models(AnalysisOptions())


@pytest.fixture(scope="session")
def sample_speech(pyannote_sample: Path) -> tuple[np.ndarray, int]:
    data, rate = sf.read(pyannote_sample, dtype="float32")
    return data, rate
