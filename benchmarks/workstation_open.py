"""How long the workstation takes to open a 60-minute call with 10,000 words.

Builds a synthetic workspace (tables written with audio_pipeline.tables; no audio file, the
silent backend plays it), starts the real app headless, and times Enter-to-first-frame of
the call screen: reading the call's rows, laying out the transcript, timeline and events.

    .venv/bin/python benchmarks/workstation_open.py [--words 10000] [--minutes 60]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audio_pipeline import tables  # noqa: E402

VOCAB = ("account billing please hold verify your date of birth transfer department sorry "
         "thank you for calling I understand the charge on my statement again card number").split()


def build(root: Path, minutes: float, n_words: int, extra_calls: int = 20) -> str:
    rng = random.Random(7)
    dur = minutes * 60
    calls, utts, words, turns, events = [], [], [], [], []
    for c in range(extra_calls + 1):
        cid = f"bench-{c:03d}"
        calls.append(dict(call_id=cid, source_path=f"/nonexistent/{cid}.wav", content_sha256="0" * 64,
                          codec="WAV", duration_s=dur if c == 0 else 300.0, channels=1, sample_rate=8000,
                          agent_channel=None, speaker_count=2, asr_model="x", diarizer="x", analyzed_at=None))
        if c:
            continue
        t, uid, w = 0.0, 0, 0
        while w < n_words:
            role = "agent" if uid % 2 == 0 else "customer"
            k = min(rng.randint(4, 14), n_words - w)
            start = t
            for _ in range(k):
                words.append(dict(call_id=cid, utterance_id=uid, word=rng.choice(VOCAB), start_s=t,
                                  end_s=t + 0.3, probability=0.9, speaker=role, role=role))
                t += dur * 0.7 / n_words
            utts.append(dict(call_id=cid, utterance_id=uid, speaker=role, role=role, start_s=start, end_s=t,
                             text=""))
            turns.append(dict(call_id=cid, speaker=role, role=role, start_s=start, end_s=t))
            t += dur * 0.3 / (n_words / 9)
            uid += 1
            w += k
        for e in range(60):
            s = rng.uniform(0, dur - 60)
            events.append(dict(call_id=cid, event_id=f"e{e}", kind=rng.choice(tables.EVENT_KINDS), start_s=s,
                               end_s=s + rng.uniform(1, 50), item=None, from_department="billing",
                               to_department="sales", confidence=0.8, evidence=""))
    tables.write_table(tables.to_table("calls", calls), root / "calls.parquet", "calls")
    tables.write_table(tables.to_table("utterances", utts), root / "utterances.parquet", "utterances")
    tables.write_table(tables.to_table("words", words), root / "words.parquet", "words")
    tables.write_table(tables.to_table("turns", turns), root / "turns.parquet", "turns")
    tables.write_table(pa.Table.from_pylist(events, schema=tables.EVENTS), root / "events.parquet", "events")
    return "bench-000"


async def measure(root: Path, call_id: str, size: tuple[int, int]) -> tuple[float, float]:
    from workstation.app import Workstation
    from workstation.screens.call import CallScreen

    app = Workstation(root, reviewer="bench", audio="silent")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        t0, c0 = time.perf_counter(), time.process_time()
        app.open_call(call_id)
        while not (isinstance(app.screen, CallScreen) and app.screen.is_mounted and app.screen.player):
            await asyncio.sleep(0)
        await pilot.pause()  # first frame laid out and rendered
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        n = len(app.screen.call.words)
        await pilot.press("end")  # the transcript scrolls to the last line without delay
        await pilot.pause()
    assert n >= 1
    return elapsed, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cid = build(root, args.minutes, args.words)
        for size in ((80, 24), (200, 50)):
            runs = [asyncio.run(measure(root, cid, size)) for _ in range(args.runs)]
            wall = [w for w, _ in runs]
            cpu = [c for _, c in runs]
            # CPU time is shown too: on a shared machine wall time mostly measures the neighbours.
            print(f"open {args.minutes:g}-min call, {args.words} words at {size[0]}x{size[1]}: "
                  f"wall best {min(wall):.3f} s / worst {max(wall):.3f} s, "
                  f"CPU best {min(cpu):.3f} s ({args.runs} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
