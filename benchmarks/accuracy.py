"""Transcript and speaker accuracy of ``analyze`` against references.

    .venv/bin/python benchmarks/accuracy.py [--out DIR]

WER against the ground truth of every call in sample_calls/ and against the transcript that
ships with pyannote's sample (sample.stm); DER on pyannote's sample (sample.rttm) and on the
sample calls (mono: the pyannote pipeline; stereo: per channel, which must be exact).
Analyses into DIR (default: a temporary folder; an existing analysis there is reused).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from audio_pipeline import analyze_paths
from audio_pipeline.scoring import der, load_ground_truth, read_stm, reference_text, wer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    import pyannote.audio

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="sbs-accuracy-"))

    sample = Path(pyannote.audio.__file__).parent / "sample" / "sample.wav"
    staging = out / "_inputs"
    staging.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample, staging / "pyannote_sample.wav")
    report = analyze_paths([ROOT / "sample_calls", staging], out, progress=False)
    assert not report.failed, report.failed

    calls = {r["call_id"]: r for r in pq.read_table(out / "calls.parquet").to_pylist()}
    words = pq.read_table(out / "words.parquet").to_pandas()
    turns = pq.read_table(out / "turns.parquet").to_pandas()

    print(f"{'call':28} {'ch':>2} {'dur s':>6} {'WER':>6} {'DER':>6} {'DER c.25':>8}  speakers ref/hyp")
    rows = []
    for truth_path in sorted((ROOT / "sample_calls").glob("*.json")):
        truth = load_ground_truth(truth_path)
        cid = truth["call_id"]
        hyp_text = " ".join(words[words.call_id == cid].sort_values("start_s").word)
        ref_turns = [(s["start_s"], s["end_s"], s["speaker"]) for s in truth["segments"]]
        if calls[cid]["channels"] == 2:
            # Stereo truth by side: the agent side holds agents and IVR prompts.
            side = {s["id"]: ("customer" if s["role"] == "customer" else "agent") for s in truth["speakers"]}
            ref_turns = [(a, b, side[w]) for a, b, w in ref_turns]
        hyp = turns[turns.call_id == cid]
        hyp_turns = [(r.start_s, r.end_s, r.speaker) for r in hyp.itertuples()]
        e_wer = wer(reference_text(truth), hyp_text)
        e_der, e_der_c = der(ref_turns, hyp_turns), der(ref_turns, hyp_turns, collar=0.25)
        n_ref = len({t[2] for t in ref_turns})
        n_hyp = len({t[2] for t in hyp_turns})
        rows.append((cid, calls[cid]["channels"], e_wer, e_der, e_der_c, calls[cid]["duration_s"]))
        print(f"{cid:28} {calls[cid]['channels']:>2} {calls[cid]['duration_s']:6.0f} {e_wer:6.1%} {e_der:6.1%} "
              f"{e_der_c:8.1%}  {n_ref}/{n_hyp}")

    total = sum(r[5] for r in rows)
    print(f"{'sample_calls (duration-weighted)':28}    {total:6.0f} {sum(r[2] * r[5] for r in rows) / total:6.1%}")

    stm = read_stm(sample.with_suffix(".stm"))
    hyp_text = " ".join(words[words.call_id == "pyannote_sample"].sort_values("start_s").word)
    from pyannote.database.util import load_rttm

    ref_ann = next(iter(load_rttm(str(sample.with_suffix(".rttm"))).values()))
    ref_turns = [(s.start, s.end, label) for s, _, label in ref_ann.itertracks(yield_label=True)]
    hyp = turns[turns.call_id == "pyannote_sample"]
    hyp_turns = [(r.start_s, r.end_s, r.speaker) for r in hyp.itertuples()]
    print(f"{'pyannote sample.wav':28} {1:>2} {30:6.0f} {wer(' '.join(r[3] for r in stm), hyp_text):6.1%} "
          f"{der(ref_turns, hyp_turns):6.1%} {der(ref_turns, hyp_turns, collar=0.25):8.1%}")


if __name__ == "__main__":
    main()
