"""Real-time factor of ``analyze`` per stage, and its cost next to bare faster-whisper.

    .venv/bin/python benchmarks/speed.py [FILES...]      (default: sample_calls/)

RTF = processing seconds / audio seconds (lower is faster; 0.1 means ten times real time).
Stages: decode, ASR, diarization (pyannote on mono, channel VAD on stereo), writing the
tables. "bare faster-whisper" is WhisperModel(...).transcribe(file) with the library's
defaults on the same model, which is what a user would otherwise run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from audio_pipeline import AnalysisOptions, Models, analyze_call
from audio_pipeline.batch import find_audio, write_batch

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    files, _ = find_audio(sys.argv[1:] or [ROOT / "sample_calls"])
    models = Models(AnalysisOptions())
    t = time.perf_counter()
    _ = models.transcriber._model, models.diarizer._pipeline
    print(f"model load: {time.perf_counter() - t:.1f} s (once per process)\n")

    print(f"{'call':28} {'ch':>2} {'audio s':>7} {'decode':>7} {'ASR':>7} {'diarize':>7} {'write':>7} "
          f"{'total':>7} {'bare fw':>7} {'ratio':>6}")
    sums = dict(audio=0.0, decode=0.0, asr=0.0, diarize=0.0, write=0.0, total=0.0, bare=0.0)
    for path in files:
        t0 = time.perf_counter()
        result = analyze_call(path, models)
        t1 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            write_batch(Path(tmp), [result], models.versions())
        t2 = time.perf_counter()
        bare = _bare_faster_whisper(models, path)
        dur = result.call["duration_s"]
        tm = result.timings
        total = (t1 - t0) + (t2 - t1)
        for k, v in (("audio", dur), ("decode", tm["decode"]), ("asr", tm["asr"]), ("diarize", tm["diarize"]),
                     ("write", t2 - t1), ("total", total), ("bare", bare)):
            sums[k] += v
        print(f"{result.call['call_id']:28} {result.call['channels']:>2} {dur:7.1f} {tm['decode'] / dur:7.4f} "
              f"{tm['asr'] / dur:7.3f} {tm['diarize'] / dur:7.3f} {(t2 - t1) / dur:7.4f} {total / dur:7.3f} "
              f"{bare / dur:7.3f} {total / bare:6.2f}")
    a = sums["audio"]
    print(f"{'all':28} {'':>2} {a:7.1f} {sums['decode'] / a:7.4f} {sums['asr'] / a:7.3f} "
          f"{sums['diarize'] / a:7.3f} {sums['write'] / a:7.4f} {sums['total'] / a:7.3f} {sums['bare'] / a:7.3f} "
          f"{sums['total'] / sums['bare']:6.2f}")
    print("\nRTF columns: seconds of work per second of audio. ratio: whole pipeline / bare faster-whisper.")


def _bare_faster_whisper(models: Models, path: Path) -> float:
    model = models.transcriber._model
    t = time.perf_counter()
    segments, _ = model.transcribe(str(path), language="en")
    for _ in segments:
        pass
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
