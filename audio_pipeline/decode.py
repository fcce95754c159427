"""Decode a call recording into float32 samples at the models' 16 kHz rate.

libsndfile (through soundfile) reads WAV in every telephony coding (PCM 16/24/32, float,
µ-law, A-law), FLAC, MP3 and OGG Vorbis/Opus exactly and reports the header's frame count, which
lets us tell a truncated file from a short one. PyAV (FFmpeg, already a faster-whisper
dependency) is the fallback for containers libsndfile does not know (M4A, WebM, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

from .errors import AudioError

MODEL_RATE = 16000
MIN_DURATION_S = 0.5
# A header that promises more than the file holds by this much means the file was cut short.
TRUNCATION_TOLERANCE_S = 0.05


@dataclass(frozen=True)
class Audio:
    """A decoded call. ``samples`` is (channels, n) float32 at ``MODEL_RATE``."""

    path: Path
    samples: np.ndarray
    source_rate: int
    codec: str

    @property
    def channels(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration_s(self) -> float:
        return self.samples.shape[1] / MODEL_RATE

    def mono(self) -> np.ndarray:
        """Both sides mixed, as a mono recording would have them."""
        return self.samples.mean(axis=0) if self.channels > 1 else self.samples[0]


def load(path: str | Path) -> Audio:
    """Decode ``path`` and resample it to 16 kHz, keeping channels apart.

    Raises :class:`AudioError` with a one-line reason for anything that is not a usable call.
    """
    path = Path(path)
    if not path.is_file():
        raise AudioError(path, "no such file")
    if path.stat().st_size == 0:
        raise AudioError(path, "empty file (0 bytes)")

    try:
        data, rate, codec = _read_soundfile(path)
    except _NotHandled:
        data, rate, codec = _read_pyav(path)

    if data.ndim != 2 or data.shape[0] == 0:
        raise AudioError(path, "no audio samples in file")
    if data.shape[1] not in (1, 2):
        raise AudioError(path, f"{data.shape[1]} channels; expected mono or agent/customer stereo")
    if not np.isfinite(data).all():
        raise AudioError(path, "corrupt audio (non-finite sample values)")
    duration = data.shape[0] / rate
    if duration < MIN_DURATION_S:
        raise AudioError(path, f"too short to analyse ({duration:.2f} s of audio)")

    if rate != MODEL_RATE:
        data = soxr.resample(data, rate, MODEL_RATE, quality="HQ")
    samples = np.ascontiguousarray(data.T, dtype=np.float32)
    return Audio(path=path, samples=samples, source_rate=int(rate), codec=codec)


class _NotHandled(Exception):
    pass


def _read_soundfile(path: Path) -> tuple[np.ndarray, int, str]:
    try:
        info = sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError) as exc:
        if _looks_like_audio_container(path):
            raise _NotHandled from exc
        raise AudioError(path, f"not a readable audio file ({_short(exc)})") from exc
    try:
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError) as exc:
        raise AudioError(path, f"corrupt or truncated audio ({_short(exc)})") from exc

    # MP3 and OGG headers carry no exact frame count; for the rest a short read means truncation.
    exact_length = info.format not in ("MP3", "OGG")
    if exact_length and info.frames > 0:
        missing_s = (info.frames - data.shape[0]) / info.samplerate
        if missing_s > TRUNCATION_TOLERANCE_S:
            raise AudioError(
                path,
                f"truncated: header says {info.frames / info.samplerate:.1f} s, "
                f"file holds {data.shape[0] / info.samplerate:.1f} s",
            )
    if exact_length and info.format in ("WAV", "WAVEX", "RF64") and _wav_data_short(path, info):
        raise AudioError(path, "truncated: WAV data chunk is shorter than its header says")
    codec = f"{info.format}/{info.subtype}"
    return data, int(rate), codec


def _wav_data_short(path: Path, info: sf._SoundFileInfo) -> bool:
    """libsndfile quietly clamps a WAV whose data chunk runs past the end of the file."""
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    if head[:4] != b"RIFF":
        return False
    pos = 12
    while pos + 8 <= len(head):
        chunk_id, size = head[pos : pos + 4], int.from_bytes(head[pos + 4 : pos + 8], "little")
        if chunk_id == b"data":
            # 0xFFFFFFFF and 0 are the placeholders streaming writers leave; not truncation.
            if size in (0, 0xFFFFFFFF):
                return False
            return pos + 8 + size > path.stat().st_size
        pos += 8 + size + (size & 1)
    return False


_PYAV_SUFFIXES = {".m4a", ".mp4", ".aac", ".webm", ".wma", ".amr", ".3gp", ".opus", ".mka"}


def _looks_like_audio_container(path: Path) -> bool:
    return path.suffix.lower() in _PYAV_SUFFIXES


def _read_pyav(path: Path) -> tuple[np.ndarray, int, str]:
    import av  # faster-whisper's own decoder dependency

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(path, "no audio stream in file")
            stream = container.streams.audio[0]
            rate = stream.rate
            codec = f"{container.format.name}/{stream.codec_context.name}"
            frames = [
                frame.to_ndarray().astype(np.float32).reshape(stream.channels, -1)
                if frame.format.is_planar
                else frame.to_ndarray().astype(np.float32).reshape(-1, stream.channels).T
                for frame in container.decode(stream)
            ]
    except AudioError:
        raise
    except Exception as exc:  # PyAV raises many types for broken input
        raise AudioError(path, f"not a readable audio file ({_short(exc)})") from exc
    if not frames:
        raise AudioError(path, "no audio samples in file")
    data = np.concatenate(frames, axis=1).T
    if np.abs(data).max() > 1.5:  # integer sample formats
        data = data / 32768.0
    return data, int(rate), codec


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
