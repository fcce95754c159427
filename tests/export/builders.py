"""Small real workspaces for the export, clip and agreement tests.

Tables are written with the pipeline's own ``to_table``/``write_table`` and the
annotations with the real store, so the tests read exactly what ``analyze`` and
the workstation would leave behind.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
import soundfile as sf

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from annotations import AnnotationStore  # noqa: E402
from audio_pipeline import tables  # noqa: E402

# Luhn-valid (checked in test_redact) and spoken in the fixture's transcripts.
CARD = "4539148803436467"
ANALYZED_AT = datetime(2024, 6, 30, 12, 0, tzinfo=timezone.utc)
MTIME_DAY = datetime(2023, 1, 15, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _no_taxonomy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIDEBYSIDE_TAXONOMY", raising=False)


def write_audio(path: Path, seconds: float, rate: int = 8000, channels: int = 1, date_tag: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    t = np.arange(int(seconds * rate)) / rate
    # A ramp in level makes every sample position distinguishable in the clip tests.
    mono = (0.1 + 0.8 * t / seconds) * np.sin(2 * np.pi * 440 * t)
    data = np.stack([mono] * channels, axis=1)
    with sf.SoundFile(str(path), "w", rate, channels, subtype="PCM_16") as f:
        if date_tag:
            f.date = date_tag
        f.write(data)


def call_row(call_id: str, source: Path, duration: float, sha: str = "") -> dict:
    return {
        "call_id": call_id, "source_path": str(source), "content_sha256": sha, "codec": "WAV/PCM_16",
        "duration_s": duration, "channels": 1, "sample_rate": 8000, "agent_channel": None,
        "speaker_count": 2, "asr_model": "whisper-tiny.en", "diarizer": "test", "analyzed_at": ANALYZED_AT,
    }


def write_tables(ws: Path, calls: list[dict], utterances: list[dict], words: list[dict], turns: list[dict],
                 events: list[dict] | None = None) -> None:
    ws.mkdir(parents=True, exist_ok=True)
    for name, rows in (("calls", calls), ("utterances", utterances), ("words", words), ("turns", turns)):
        tables.write_table(tables.to_table(name, rows), ws / f"{name}.parquet", name, models={"asr_model": "test"})
    if events is not None:
        tables.write_table(pa.Table.from_pylist(events, schema=tables.EVENTS), ws / "events.parquet", "events")


def utterance(call_id: str, uid: int, start: float, end: float, text: str, role: str = "customer") -> dict:
    return {"call_id": call_id, "utterance_id": uid, "speaker": f"S_{role}", "role": role,
            "start_s": start, "end_s": end, "text": text}


def words_of(u: dict) -> list[dict]:
    tokens = u["text"].split()
    step = (u["end_s"] - u["start_s"]) / len(tokens)
    return [{"call_id": u["call_id"], "utterance_id": u["utterance_id"], "word": w,
             "start_s": u["start_s"] + i * step, "end_s": u["start_s"] + (i + 1) * step,
             "probability": 0.9, "speaker": u["speaker"], "role": u["role"]} for i, w in enumerate(tokens)]


# The PII the redaction tests look for, as it appears in the fixture.
PII_STRINGS = ["4539", "1488", "0343", "6467", "jane.doe@example.com", "12/03/1985", "LS6 2QR",
               "07700 900123", "22 Acacia Avenue"]

DATED = "2024-05-01_0001"
PATTERNED = "queue7-20240502-0002"
TAGGED = "tagged"
MTIME = "mtime-only"
GONE = "gone"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Five calls whose dates come from each source, PII in every text column, two reviewers."""
    ws = tmp_path / "ws"
    audio = tmp_path / "audio"
    write_audio(audio / f"{DATED}.wav", 4.0)
    write_audio(audio / f"{PATTERNED}.wav", 2.0)
    write_audio(audio / f"{TAGGED}.wav", 2.0, date_tag="2022-03-04")
    write_audio(audio / f"{MTIME}.wav", 2.0)
    os.utime(audio / f"{MTIME}.wav", (MTIME_DAY.timestamp(), MTIME_DAY.timestamp()))
    calls = [call_row(DATED, audio / f"{DATED}.wav", 4.0), call_row(PATTERNED, audio / f"{PATTERNED}.wav", 2.0),
             call_row(TAGGED, audio / f"{TAGGED}.wav", 2.0), call_row(MTIME, audio / f"{MTIME}.wav", 2.0),
             call_row(GONE, audio / "gone.wav", 2.0)]
    utts = [
        utterance(DATED, 0, 0.0, 1.0, "Can I take the long number on your card?", "agent"),
        utterance(DATED, 1, 1.0, 2.0, "It's 4 5 3 9 1 4 8 8"),
        utterance(DATED, 2, 2.0, 3.0, "0 3 4 3 6 4 6 7. My email is jane.doe@example.com"),
        utterance(DATED, 3, 3.0, 4.0, "Born 12/03/1985, postcode LS6 2QR, phone 07700 900123, 22 Acacia Avenue"),
        utterance(PATTERNED, 0, 0.0, 1.0, "Hello, I need help with my bill.", "customer"),
        utterance(TAGGED, 0, 0.0, 1.0, "Thanks for holding.", "agent"),
    ]
    words = [w for u in utts for w in words_of(u)]
    turns = [{"call_id": u["call_id"], "speaker": u["speaker"], "role": u["role"],
              "start_s": u["start_s"], "end_s": u["end_s"]} for u in utts]
    events = [
        {"call_id": DATED, "event_id": "evt-1", "kind": "verification_request", "start_s": 3.0, "end_s": 4.0,
         "item": "date_of_birth", "from_department": None, "to_department": None, "confidence": 0.9,
         "evidence": "Born 12/03/1985, card 4539 1488 0343 6467"},
        {"call_id": PATTERNED, "event_id": "evt-2", "kind": "hold", "start_s": 0.5, "end_s": 1.5,
         "item": None, "from_department": None, "to_department": None, "confidence": 0.7, "evidence": "music"},
    ]
    write_tables(ws, calls, utts, words, turns, events)
    with AnnotationStore.open(ws) as store:
        a = store.add(DATED, 1.0, 3.0, "customer_effort", stage="identify", departments=["billing", "ivr"],
                      severity=4, note="read card 4539 1488 0343 6467 twice", reviewer="alice")
        store.update(a.annotation_id, reviewer="bob", severity=5, expected_version=1)
        store.add(DATED, 0.5, 3.5, "customer_effort", severity=2, reviewer="bob")
        gone = store.add(PATTERNED, 0.0, 1.0, "other", reviewer="alice", note="mistake")
        store.delete(gone.annotation_id, reviewer="alice")
        store.review_detection(DATED, "evt-1", "confirmed", reviewer="alice", start_s=3.0, end_s=4.0,
                               category="repeated_verification", note="DOB 12/03/1985 asked again")
    return ws
