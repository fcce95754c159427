"""Decoding every telephony format we promise, and a clear one-line error for everything else."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from audio_pipeline import decode
from audio_pipeline.errors import AudioError


def _excerpt(sample_speech, rate: int, seconds: float = 4.0, channels: int = 1) -> np.ndarray:
    import soxr

    data, src_rate = sample_speech
    clip = data[int(7 * src_rate) : int((7 + seconds) * src_rate)]
    clip = soxr.resample(clip, src_rate, rate) if rate != src_rate else clip
    if channels == 2:
        # Different content per side, so a swapped or mixed channel would show.
        clip = np.stack([clip, np.roll(clip, rate) * 0.5], axis=1)
    return clip.astype(np.float32)


@pytest.mark.parametrize(
    "suffix,fmt,subtype,rate,channels",
    [
        (".wav", "WAV", "PCM_16", 8000, 1),
        (".wav", "WAV", "PCM_24", 16000, 2),
        (".wav", "WAV", "PCM_32", 44100, 1),
        (".wav", "WAV", "FLOAT", 48000, 1),
        (".wav", "WAV", "ULAW", 8000, 1),
        (".wav", "WAV", "ALAW", 8000, 2),
        (".flac", "FLAC", "PCM_16", 8000, 2),
        (".ogg", "OGG", "VORBIS", 22050, 1),
        (".opus", "OGG", "OPUS", 48000, 1),
        (".mp3", "MP3", "MPEG_LAYER_III", 8000, 1),
        (".mp3", "MP3", "MPEG_LAYER_III", 44100, 2),
    ],
)
def test_every_promised_format_decodes_to_16k_with_channels_kept(
    tmp_path, sample_speech, suffix, fmt, subtype, rate, channels
):
    clip = _excerpt(sample_speech, rate, channels=channels)
    path = tmp_path / f"call{suffix}"
    sf.write(path, clip, rate, format=fmt, subtype=subtype)

    audio = decode.load(path)

    assert audio.channels == channels
    assert audio.source_rate == rate
    assert audio.samples.dtype == np.float32
    assert audio.duration_s == pytest.approx(4.0, abs=0.08)
    # The speech survives the trip: its loudness contour matches the original's (robust to the
    # few milliseconds of delay lossy codecs add).
    ref = _excerpt(sample_speech, decode.MODEL_RATE, channels=channels)
    ref = ref if channels == 1 else ref[:, 0]
    assert np.corrcoef(_envelope(audio.samples[0]), _envelope(ref))[0, 1] > 0.95


def _envelope(x: np.ndarray, frame: int = 1600, frames: int = 38) -> np.ndarray:
    return np.array([np.sqrt(np.mean(x[i * frame : (i + 1) * frame] ** 2)) for i in range(frames)])


def test_pyav_fallback_reads_m4a(tmp_path, sample_speech):
    wav = tmp_path / "src.wav"
    sf.write(wav, _excerpt(sample_speech, 16000), 16000)
    m4a = tmp_path / "call.m4a"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), str(m4a)], check=True)
    audio = decode.load(m4a)
    assert audio.channels == 1
    assert audio.duration_s == pytest.approx(4.0, abs=0.1)


def test_empty_file_is_refused_by_name(tmp_path):
    path = tmp_path / "empty.wav"
    path.write_bytes(b"")
    with pytest.raises(AudioError) as err:
        decode.load(path)
    assert str(err.value) == f"{path}: empty file (0 bytes)"


def test_text_file_is_not_audio(tmp_path):
    path = tmp_path / "notes.wav"
    path.write_text("call notes, not audio\n" * 20)
    with pytest.raises(AudioError, match=r"notes\.wav: not a readable audio file"):
        decode.load(path)


def test_truncated_wav_is_reported_as_truncated(tmp_path, sample_speech):
    path = tmp_path / "cut.wav"
    sf.write(path, _excerpt(sample_speech, 8000), 8000, subtype="PCM_16")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(AudioError, match=r"cut\.wav: truncated"):
        decode.load(path)


def test_corrupt_flac_is_refused(tmp_path, sample_speech):
    path = tmp_path / "bad.flac"
    sf.write(path, _excerpt(sample_speech, 8000), 8000, format="FLAC")
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(0)
    data[200:] = rng.integers(0, 256, len(data) - 200, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))
    with pytest.raises(AudioError, match=r"bad\.flac: "):
        decode.load(path)


def test_three_channel_file_is_refused(tmp_path):
    path = tmp_path / "conf.wav"
    sf.write(path, np.zeros((8000, 3), dtype=np.float32), 8000)
    with pytest.raises(AudioError, match="3 channels"):
        decode.load(path)


def test_random_bytes_named_mp3_are_refused(tmp_path):
    path = tmp_path / "noise.mp3"
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8).tobytes())
    with pytest.raises(AudioError, match=r"noise\.mp3: "):
        decode.load(path)


def test_missing_file(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        decode.load(tmp_path / "nope.wav")
