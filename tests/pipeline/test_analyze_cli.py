"""``sidebyside analyze`` end to end on real audio: tables, errors, cache, parallel jobs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import soundfile as sf

from audio_pipeline import tables

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sidebyside", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})


@pytest.fixture(scope="module")
def batch(tmp_path_factory, pyannote_sample):
    """A folder with a mono call, a stereo call and three bad files, analysed once."""
    calls = tmp_path_factory.mktemp("calls")
    data, rate = sf.read(pyannote_sample, dtype="float32")
    sf.write(calls / "mono_call.wav", data[: 20 * rate], rate, subtype="ULAW")
    # Stereo: the same conversation split by speaker would need references; the two halves of
    # the sample on the two sides give two clearly separate channels.
    left, right = data[5 * rate : 17 * rate], data[17 * rate : 29 * rate]
    stereo = np.zeros((14 * rate, 2), dtype=np.float32)
    stereo[: len(left), 0] = left
    stereo[2 * rate : 2 * rate + len(right), 1] = right
    sf.write(calls / "stereo_call.flac", stereo, rate)
    (calls / "empty.wav").write_bytes(b"")
    (calls / "notes.mp3").write_text("not audio at all\n" * 50)
    sub = calls / "nested"
    sub.mkdir()
    sf.write(sub / "cut.wav", data[: 5 * rate], rate)
    (sub / "cut.wav").write_bytes((sub / "cut.wav").read_bytes()[:50000])
    (calls / "readme.txt").write_text("ignored: not an audio suffix")
    out = tmp_path_factory.mktemp("out")
    t = time.perf_counter()
    proc = _run("analyze", str(calls), "--out", str(out), "--quiet")
    return calls, out, proc, time.perf_counter() - t


def test_bad_files_get_one_line_each_and_the_batch_goes_on(batch):
    calls, out, proc, _ = batch
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.startswith(str(calls))]
    assert sorted(Path(line.split(":")[0]).name for line in lines) == ["cut.wav", "empty.wav", "notes.mp3"]
    assert any("empty file" in line for line in lines)
    assert any("cut.wav: truncated" in line for line in lines)
    assert "Traceback" not in proc.stderr
    ids = pq.read_table(out / "calls.parquet").column("call_id").to_pylist()
    assert sorted(ids) == ["mono_call", "stereo_call"]


def test_tables_have_the_documented_schema_and_metadata(batch):
    _, out, _, _ = batch
    for name, schema in tables.TABLES.items():
        pf = pq.ParquetFile(out / f"{name}.parquet")
        assert pf.schema_arrow.remove_metadata().equals(schema), name
        meta = pf.schema_arrow.metadata
        assert meta[b"sidebyside.schema_version"] == tables.SCHEMA_VERSION.encode()
        assert b"faster-whisper" in meta[b"sidebyside.models"]
    calls = pq.read_table(out / "calls.parquet").to_pylist()
    by_id = {c["call_id"]: c for c in calls}
    assert by_id["mono_call"]["channels"] == 1 and by_id["mono_call"]["sample_rate"] == 16000
    assert by_id["mono_call"]["duration_s"] == pytest.approx(20.0, abs=0.01)
    assert by_id["stereo_call"]["channels"] == 2 and by_id["stereo_call"]["diarizer"] == "stereo-channels"
    assert by_id["mono_call"]["analyzed_at"].tzinfo is not None
    assert pq.read_schema(out / "words.parquet").field("start_s").type == pa.float64()


def test_mono_call_has_two_speakers_with_roles_and_every_word_attributed(batch):
    _, out, _, _ = batch
    words = pq.read_table(out / "words.parquet").to_pandas()
    utts = pq.read_table(out / "utterances.parquet").to_pandas()
    mono = words[words.call_id == "mono_call"]
    assert len(mono) > 30
    assert mono.speaker.str.startswith("SPEAKER_").all()
    assert mono.speaker.nunique() == 2
    assert set(mono.role) <= {"agent", "customer", "ivr", "unknown"}
    # Words and utterances agree: every word sits inside its utterance.
    merged = mono.merge(utts, on=["call_id", "utterance_id"], suffixes=("", "_u"))
    assert len(merged) == len(mono)
    assert ((merged.start_s >= merged.start_s_u - 1e-6) & (merged.end_s <= merged.end_s_u + 1e-6)).all()
    assert (merged.speaker == merged.speaker_u).all()


def test_stereo_speakers_are_the_channels(batch):
    _, out, _, _ = batch
    words = pq.read_table(out / "words.parquet").to_pandas()
    stereo = words[words.call_id == "stereo_call"]
    agent_side = stereo[stereo.speaker == "agent"]
    customer_side = stereo[stereo.speaker == "customer"]
    assert len(agent_side) > 10 and len(customer_side) > 10
    # Channel 0 held seconds 5-17 of the sample, channel 1 seconds 17-29 shifted to start at 2 s.
    assert "diane" in " ".join(agent_side.word).lower() or "jersey" in " ".join(agent_side.word).lower()
    assert "difference" in " ".join(customer_side.word).lower()
    assert (agent_side.role == "agent").all() and (customer_side.role == "customer").all()


def test_duckdb_reads_the_tables_directly(batch):
    _, out, _, _ = batch
    con = duckdb.connect()
    n_words, n_calls = con.execute(
        f"SELECT count(*), count(DISTINCT call_id) FROM read_parquet('{out}/words.parquet')"
    ).fetchone()
    assert n_calls == 2 and n_words > 40
    talk = con.execute(
        f"SELECT role, sum(end_s - start_s) FROM read_parquet('{out}/turns.parquet') GROUP BY role ORDER BY role"
    ).fetchall()
    assert {r for r, _ in talk} >= {"agent", "customer"}


def test_second_run_reuses_the_cache(batch, tmp_path):
    """No ASR or diarization the second time: the cached transcripts are read, not rewritten.
    (How much faster that is, benchmarks/speed.py measures; a wall-clock bound here would
    fail whenever the machine is busy.)"""
    calls, out, _, _ = batch
    cached = {p: p.stat().st_mtime_ns for p in (out / ".cache").rglob("words.parquet")}
    assert len(cached) == 2
    proc = _run("analyze", str(calls / "mono_call.wav"), str(calls / "stereo_call.flac"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    reused = next(line for line in proc.stdout.splitlines() if line.startswith("transcripts reused from the cache"))
    assert "mono_call" in reused and "stereo_call" in reused
    assert {p: p.stat().st_mtime_ns for p in (out / ".cache").rglob("words.parquet")} == cached


def test_no_voice_split_is_a_setting_of_its_own_and_keeps_two_real_speakers_two(batch, tmp_path):
    """Diarization settings are part of the cache key: the cached transcript made with the
    voice split is not reused without it. (The 20 s sample has too few windows to split.)"""
    calls, out, _, _ = batch
    work = tmp_path / "out"
    shutil.copytree(out, work)
    proc = _run("analyze", str(calls / "mono_call.wav"), "--out", str(work), "--no-voice-split")
    assert proc.returncode == 0, proc.stderr
    assert not any(line.startswith("transcripts reused from the cache") for line in proc.stdout.splitlines())
    speakers = {name: sorted(pq.read_table(folder / "turns.parquet").to_pandas().query(
        "call_id == 'mono_call'").speaker.unique()) for name, folder in (("split", out), ("none", work))}
    assert speakers["split"] == speakers["none"] and len(speakers["none"]) == 2


def test_reanalysing_one_call_keeps_the_other_calls_rows(batch, tmp_path):
    calls, out, _, _ = batch
    work = tmp_path / "out"
    shutil.copytree(out, work)
    before = pq.read_table(work / "words.parquet").to_pandas()
    proc = _run("analyze", str(calls / "mono_call.wav"), "--out", str(work), "--quiet")
    assert proc.returncode == 0, proc.stderr
    after = pq.read_table(work / "words.parquet").to_pandas()
    assert sorted(after.call_id.unique()) == ["mono_call", "stereo_call"]
    assert len(after) == len(before)


def test_mono_roles_follow_the_current_code_not_the_cache(batch, tmp_path):
    """Roles are cheap and read the sentence model, which transcription does not load: a mono
    call's roles are assigned again on every run, like detection, whatever the cache holds."""
    calls, out, _, _ = batch
    work = tmp_path / "out"
    shutil.copytree(out, work)
    fresh = pq.read_table(out / "utterances.parquet").to_pandas()
    fresh = dict(fresh[fresh.call_id == "mono_call"][["speaker", "role"]].drop_duplicates().values)
    assert set(fresh.values()) & {"agent", "customer"}
    for name in ("utterances", "words", "turns"):
        for path in (work / ".cache").rglob(f"{name}.parquet"):
            rows = tables.read_table(path, name).to_pylist()
            if rows and rows[0]["call_id"] == "mono_call":
                tables.write_table(tables.to_table(name, [{**r, "role": "unknown"} for r in rows]), path, name)
    proc = _run("analyze", str(calls / "mono_call.wav"), "--out", str(work), "--quiet")
    assert proc.returncode == 0, proc.stderr
    for name in ("utterances", "words", "turns"):
        got = pq.read_table(work / f"{name}.parquet").to_pandas()
        got = got[got.call_id == "mono_call"]
        assert dict(got[["speaker", "role"]].drop_duplicates().values) == {
            s: fresh.get(s, "unknown") for s in got.speaker.unique()}


def test_parallel_jobs_give_the_same_transcripts(batch, tmp_path):
    calls, out, _, _ = batch
    par = tmp_path / "par"
    proc = _run("analyze", str(calls / "mono_call.wav"), str(calls / "stereo_call.flac"), "--out", str(par),
                "--jobs", "2", "--no-cache", "--quiet")
    assert proc.returncode == 0, proc.stderr
    cols = ["call_id", "word", "speaker"]
    seq = pq.read_table(out / "words.parquet").to_pandas()[cols]
    got = pq.read_table(par / "words.parquet").to_pandas()[cols]
    assert (seq.astype(str).values == got.astype(str).values).all()


def test_missing_path_and_unknown_model_are_one_line_errors(tmp_path):
    proc = _run("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--quiet")
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0] == f"{tmp_path / 'nope'}: no such file or folder"
    (tmp_path / "m").mkdir()
    sf.write(tmp_path / "x.wav", np.zeros(16000, dtype=np.float32), 16000)
    proc = _run("analyze", str(tmp_path / "x.wav"), "--out", str(tmp_path / "o"), "--asr-model", str(tmp_path / "m"))
    assert proc.returncode == 2
    assert "not a CTranslate2 Whisper model folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_interrupted_table_write_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    rows = [{"call_id": "a", "speaker": "agent", "role": "agent", "start_s": 0.0, "end_s": 1.0}]
    target = tmp_path / "turns.parquet"
    tables.write_table(tables.to_table("turns", rows), target, "turns")
    before = target.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(tables.pq, "write_table", boom)
    with pytest.raises(OSError):
        tables.write_table(tables.to_table("turns", rows * 2), target, "turns")
    assert target.read_bytes() == before
    assert list(tmp_path.iterdir()) == [target]


_WRITER = """
import sys
from pathlib import Path
from audio_pipeline import tables
n = 0
rows = [{"call_id": "c", "utterance_id": i, "word": "word%d" % i, "start_s": i * 0.1, "end_s": i * 0.1 + 0.05,
         "probability": 0.9, "speaker": "agent", "role": "agent"} for i in range(200000)]
table = tables.to_table("words", rows)
print("ready", flush=True)
while True:
    tables.write_table(table, Path(sys.argv[1]), "words")
"""


def test_sigkill_during_table_writes_never_leaves_a_half_written_file(tmp_path):
    import random
    import signal

    target = tmp_path / "words.parquet"
    rng = random.Random(7)
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], cwd=ROOT, stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():
            assert pq.read_table(target).num_rows == 200000
    assert target.exists()
