"""A small real workspace: tables written with audio_pipeline.tables, a synthesised WAV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
import soundfile as sf

from audio_pipeline import tables
from workstation.app import Workstation
from workstation.playback import ManualTime

RATE = 16000
SCRIPT = [
    # (role, start, end, words)
    ("agent", 0.5, 2.5, "thank you for calling how can I help"),
    ("customer", 3.0, 5.0, "my bill is wrong again"),
    ("agent", 5.5, 7.0, "can I have your account number"),
    ("customer", 7.5, 9.0, "it is one two three four"),
    ("agent", 16.0, 18.0, "thanks for holding I found it"),
    ("customer", 18.5, 19.5, "finally"),
]
EVENTS = [
    ("evt-1", "verification_request", 5.5, 7.0, None, None),
    ("evt-2", "hold", 9.5, 15.5, None, None),
    ("evt-3", "transfer", 15.6, 15.9, "billing", "technical_support"),
]


def build_workspace(root: Path, *, events: bool = True, calls: int = 2, script: list | None = None,
                    event_list: list | None = None, duration: float = 20.0) -> Path:
    script = SCRIPT if script is None else script
    event_list = EVENTS if event_list is None else event_list
    root.mkdir(parents=True, exist_ok=True)
    audio_dir = root / "audio"
    audio_dir.mkdir(exist_ok=True)
    call_rows, utt_rows, word_rows, turn_rows, event_rows = [], [], [], [], []
    for n in range(calls):
        cid = f"call-{chr(ord('a') + n)}"
        dur = duration
        t = np.arange(int(dur * RATE)) / RATE
        # A tone per utterance so there is something real to decode and play.
        wav = np.zeros_like(t, dtype=np.float32)
        for i, (_, s, e, _) in enumerate(script):
            m = (t >= s) & (t < e)
            wav[m] = 0.2 * np.sin(2 * np.pi * (220 + 40 * i) * t[m])
        path = audio_dir / f"{cid}.wav"
        sf.write(path, wav, RATE)
        call_rows.append(dict(call_id=cid, source_path=str(path), content_sha256="0" * 64, codec="WAV/PCM_16",
                              duration_s=dur, channels=1, sample_rate=RATE, agent_channel=None,
                              speaker_count=2, asr_model="test", diarizer="test", analyzed_at=None))
        for uid, (role, s, e, text) in enumerate(script):
            spk = "SPEAKER_00" if role == "agent" else "SPEAKER_01"
            utt_rows.append(dict(call_id=cid, utterance_id=uid, speaker=spk, role=role, start_s=s, end_s=e,
                                 text=text.capitalize() + "."))
            words = text.split()
            step = (e - s) / len(words)
            for k, w in enumerate(words):
                word_rows.append(dict(call_id=cid, utterance_id=uid, word=w, start_s=s + k * step,
                                      end_s=s + (k + 1) * step - 0.02, probability=0.9, speaker=spk, role=role))
            turn_rows.append(dict(call_id=cid, speaker=spk, role=role, start_s=s, end_s=e))
        for eid, kind, s, e, frm, to in event_list:
            event_rows.append(dict(call_id=cid, event_id=f"{cid}:{eid}", kind=kind, start_s=s, end_s=e, item=None,
                                   from_department=frm, to_department=to, confidence=0.9, evidence="test"))
    for i, row in enumerate(call_rows):
        row["pain_score"] = 80.0 - 50 * i
    calls_t = tables.to_table("calls", call_rows)
    tables.write_table(calls_t, root / "calls.parquet", "calls")
    tables.write_table(tables.to_table("utterances", utt_rows), root / "utterances.parquet", "utterances")
    tables.write_table(tables.to_table("words", word_rows), root / "words.parquet", "words")
    tables.write_table(tables.to_table("turns", turn_rows), root / "turns.parquet", "turns")
    if events:
        ev = pa.Table.from_pylist(event_rows, schema=tables.EVENTS)
        tables.write_table(ev, root / "events.parquet", "events")
    return root


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def build():
    return build_workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return build_workspace(tmp_path / "ws")


@pytest.fixture
def clock() -> ManualTime:
    return ManualTime(1000.0)


@pytest.fixture
def make_app(workspace: Path, clock: ManualTime):
    apps = []

    def make(path: Path | None = None, **kw) -> Workstation:
        kw.setdefault("reviewer", "tester")
        kw.setdefault("audio", "silent")
        app = Workstation(path or workspace, time_source=clock, **kw)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.store is not None:
            app.store.close()
