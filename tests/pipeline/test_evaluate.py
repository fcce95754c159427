"""``sidebyside evaluate``: predictions built from the real sample ground truth, then perturbed."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from audio_pipeline import tables
from audio_pipeline.evaluate import (EvaluationError, evaluate, format_report, load_predictions, load_truth,
                                     match_instants, match_spans, overlap_of_shorter, prf)
from sidebyside.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "sample_calls"


@pytest.fixture()
def gt_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gt"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.json")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture()
def truth(gt_dir: Path) -> dict[str, dict]:
    return load_truth(gt_dir)


def events_from_truth(gt: dict) -> list[dict]:
    """The events a perfect detector would write for one call."""
    cid, rows = gt["call_id"], []

    def add(kind: str, start: float, end: float | None = None, **extra) -> None:
        rows.append({"call_id": cid, "event_id": f"{cid}-{len(rows)}", "kind": kind, "start_s": start,
                     "end_s": start if end is None else end, "confidence": 1.0, "evidence": "", **extra})

    for kind in ("holds", "queue_wait", "dead_air", "overtalk"):
        for s in gt[kind]:
            add("hold" if kind == "holds" else kind, s["start_s"], s["end_s"])
    for r in gt["verification_requests"]:
        add("verification_request", r["time_s"], item=r["item"])
        if r["repeated"]:
            add("repeated_verification", r["time_s"], item=r["item"])
    for t in gt["transfers"]:
        add("transfer", t["time_s"], from_department=t["from_department"], to_department=t["to_department"])
        if t["loop"]:
            add("transfer_loop", t["time_s"], from_department=t["from_department"],
                to_department=t["to_department"])
    return rows


def call_from_truth(gt: dict) -> dict:
    holds = sum(h["end_s"] - h["start_s"] for h in gt["holds"])
    row = {
        "call_id": gt["call_id"], "source_path": gt["audio"], "duration_s": gt["duration_s"],
        "channels": gt["channels"], "sample_rate": gt["sample_rate"], "transfer_count": len(gt["transfers"]),
        "transfer_loop": gt["transfer_loop"], "department_path": gt["department_path"], "total_hold_s": holds,
        "hold_count": len(gt["holds"]),
        "repeated_items": sorted({r["item"] for r in gt["verification_requests"] if r["repeated"]}),
    }
    # The calls schema is growing while this is written: keep only the columns it has.
    return {k: v for k, v in row.items() if k in tables.CALLS.names}


def write_out(folder: Path, calls: list[dict], events: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tables.write_table(tables.to_table("calls", calls), folder / "calls.parquet", "calls")
    try:
        ev = tables.to_table("events", events)
    except KeyError:  # "events" not registered in tables.TABLES yet
        ev = pa.Table.from_pylist(events, schema=tables.EVENTS)
    tables.write_table(ev, folder / "events.parquet", "events")
    return folder


def perfect(truth: dict[str, dict]) -> tuple[list[dict], list[dict]]:
    calls = [call_from_truth(gt) for gt in truth.values()]
    events = [e for gt in truth.values() for e in events_from_truth(gt)]
    return calls, events


def figures_for(tmp_path: Path, truth: dict, calls: list[dict], events: list[dict]) -> dict:
    out = write_out(tmp_path / "out", calls, events)
    return evaluate(load_predictions(out), truth)


# --------------------------------------------------------------------------- matching primitives


def test_span_matching_is_one_to_one_best_iou_first():
    true = [(0.0, 10.0), (12.0, 22.0)]
    pred = [(1.0, 11.0), (0.0, 9.0), (30.0, 40.0)]
    # pred 1 fits true 0 better (IoU 0.9) than pred 0 does (0.82); pred 0 does not reach true 1.
    assert match_spans(pred, true) == [(1, 0)]
    assert match_spans([(0.0, 4.0)], [(0.0, 10.0)]) == []  # IoU 0.4


def test_overtalk_rule_is_overlap_of_the_shorter_span():
    assert match_spans([(10.0, 10.6)], [(10.2, 12.0)], overlap_of_shorter, 0.5) == [(0, 0)]
    assert match_spans([(10.0, 10.6)], [(10.4, 12.0)], overlap_of_shorter, 0.5) == []


def test_instant_matching_nearest_first_within_tolerance():
    assert match_instants([10.0, 13.0], [12.5], 4.0) == [(1, 0)]
    assert match_instants([10.0], [14.5], 4.0) == []
    assert match_instants([10.0], [11.0], 4.0, compatible=lambda i, j: False) == []


def test_prf_empty_sides():
    assert prf(0, 0, 0)["f1"] == 1.0
    assert prf(0, 0, 3)["f1"] == 0.0
    assert prf(0, 2, 0)["f1"] == 0.0
    assert prf(3, 4, 6) == {"matched": 3, "predicted": 4, "true": 6, "precision": 0.75, "recall": 0.5,
                            "f1": pytest.approx(0.6)}


# --------------------------------------------------------------------------- scoring cases


def test_perfect_predictions_score_perfectly(tmp_path, truth):
    figures = figures_for(tmp_path, truth, *perfect(truth))
    assert figures["calls"]["mono"] == ["billing_loop_mulaw", "retentions_transfer", "sales_simple"]
    assert figures["calls"]["stereo"] == ["stereo_hold_callback", "tech_support_opus"]
    for name in ("all", "mono", "stereo"):
        g = figures["groups"][name]
        for kind in ("hold", "queue_wait", "dead_air", "overtalk"):
            assert g["spans"][kind]["f1"] == 1.0, (name, kind)
        assert g["verification"]["item"]["f1"] == 1.0
        assert g["verification"]["any_item"]["f1"] == 1.0
        assert g["verification"]["distractor_false_alarms"] == 0
        assert g["repeated_verification"]["f1"] == 1.0
        assert g["transfer"]["events"]["f1"] == 1.0
        assert g["transfer"]["count_exact"]["accuracy"] == 1.0
        assert g["transfer"]["department_path_exact"]["accuracy"] == 1.0
        assert g["loop"]["accuracy"] == 1.0
        assert g["false_holds"]["total"] == 0
        assert g["hold_time"]["max_abs_error_s"] == pytest.approx(0.0, abs=1e-9)
    g = figures["groups"]["all"]
    assert g["spans"]["hold"]["matched"] == 4  # 1 in billing_loop, 3 in stereo_hold_callback
    assert g["hold_boundary"]["mean_s"] == 0.0
    assert g["hold_time"]["from_calls_table"]["max_abs_error_s"] == pytest.approx(0.0, abs=1e-9)
    assert g["transfer"]["to_department"]["accuracy"] == 1.0
    assert (g["loop"]["tp"], g["loop"]["fp"], g["loop"]["fn"], g["loop"]["tn"]) == (1, 0, 0, 4)
    assert all(all(t["met"].values()) for t in figures["targets"])


def test_holds_shifted_three_seconds_still_match(tmp_path, truth):
    calls, events = perfect(truth)
    for e in events:
        if e["kind"] == "hold":
            e["start_s"] += 3.0
            e["end_s"] += 3.0
    g = figures_for(tmp_path, truth, calls, events)["groups"]["all"]
    assert g["spans"]["hold"]["f1"] == 1.0
    assert g["hold_boundary"]["start_s"] == pytest.approx(3.0)
    assert g["hold_boundary"]["end_s"] == pytest.approx(3.0)
    assert g["hold_boundary"]["mean_s"] == pytest.approx(3.0)
    assert g["hold_time"]["max_abs_error_s"] == pytest.approx(0.0, abs=1e-6)  # same durations


def test_hold_over_queue_wait_is_a_false_hold(tmp_path, truth):
    calls, events = perfect(truth)
    qw = truth["retentions_transfer"]["queue_wait"][0]
    events.append({"call_id": "retentions_transfer", "event_id": "x", "kind": "hold",
                   "start_s": qw["start_s"] + 1.0, "end_s": qw["end_s"] - 1.0})
    figures = figures_for(tmp_path, truth, calls, events)
    g = figures["groups"]["all"]
    assert g["false_holds"]["total"] == 1
    assert g["false_holds"]["by_cause"]["queue_wait"] == 1
    assert g["spans"]["hold"]["predicted"] == 5 and g["spans"]["hold"]["matched"] == 4
    assert g["spans"]["hold"]["precision"] == pytest.approx(0.8)
    assert figures["groups"]["stereo"]["false_holds"]["total"] == 0
    assert g["hold_time"]["max_abs_error_s"] == pytest.approx(qw["end_s"] - qw["start_s"] - 2.0)
    target = next(t for t in figures["targets"] if t["figure"] == "false_holds.total")
    assert target["met"] == {"all": False, "mono": False, "stereo": True}


def test_hold_after_cancelled_hold_is_a_false_hold(tmp_path, truth):
    calls, events = perfect(truth)
    t = truth["stereo_hold_callback"]["non_holds"][0]["time_s"]  # cancelled_hold
    events.append({"call_id": "stereo_hold_callback", "event_id": "x", "kind": "hold",
                   "start_s": t + 5.0, "end_s": t + 9.0})
    g = figures_for(tmp_path, truth, calls, events)["groups"]["stereo"]
    assert g["false_holds"]["by_cause"] == {"queue_wait": 0, "dead_air": 0, "cancelled_hold": 1,
                                            "press_and_hold": 0}


def test_missing_repeated_verification_lowers_recall(tmp_path, truth):
    calls, events = perfect(truth)
    true_pairs = {(gt["call_id"], r["item"]) for gt in truth.values()
                  for r in gt["verification_requests"] if r["repeated"]}
    assert len(true_pairs) >= 2
    dropped = next(i for i, e in enumerate(events) if e["kind"] == "repeated_verification")
    del events[dropped]
    g = figures_for(tmp_path, truth, calls, events)["groups"]["all"]
    rep = g["repeated_verification"]
    assert rep["precision"] == 1.0
    assert rep["recall"] == pytest.approx((len(true_pairs) - 1) / len(true_pairs))
    assert g["verification"]["item"]["f1"] == 1.0  # the request itself is still there


def test_wrong_item_counts_only_against_item_matching(tmp_path, truth):
    calls, events = perfect(truth)
    req = next(e for e in events if e["kind"] == "verification_request" and e["call_id"] == "sales_simple")
    req["item"] = "pin"
    req["start_s"] += 2.0
    g = figures_for(tmp_path, truth, calls, events)["groups"]["all"]
    n = sum(len(gt["verification_requests"]) for gt in truth.values())
    assert g["verification"]["any_item"]["f1"] == 1.0
    assert g["verification"]["item"]["matched"] == n - 1


def test_request_at_a_distractor_is_a_false_alarm(tmp_path, truth):
    calls, events = perfect(truth)
    d = truth["stereo_hold_callback"]["distractor_requests"][0]["time_s"]
    events.append({"call_id": "stereo_hold_callback", "event_id": "x", "kind": "verification_request",
                   "start_s": d + 1.0, "end_s": d + 1.0, "item": "account_number"})
    g = figures_for(tmp_path, truth, calls, events)["groups"]["stereo"]
    assert g["verification"]["distractor_false_alarms"] == 1
    assert g["verification"]["item"]["precision"] == pytest.approx(4 / 5)


def test_wrong_transfer_count_on_one_call(tmp_path, truth):
    calls, events = perfect(truth)
    events.append({"call_id": "sales_simple", "event_id": "x", "kind": "transfer", "start_s": 60.0,
                   "end_s": 60.0, "from_department": "sales", "to_department": "billing"})
    g = figures_for(tmp_path, truth, calls, events)["groups"]["all"]
    n = len(truth)
    assert g["transfer"]["count_exact"]["accuracy"] == pytest.approx((n - 1) / n)
    assert g["transfer"]["events"]["precision"] == pytest.approx(3 / 4)
    assert g["transfer"]["events"]["recall"] == 1.0


def test_wrong_loop_and_path(tmp_path, truth):
    calls, events = perfect(truth)
    if "transfer_loop" not in tables.CALLS.names:
        pytest.skip("calls has no transfer_loop column yet")
    billing = next(c for c in calls if c["call_id"] == "billing_loop_mulaw")
    billing["transfer_loop"] = False
    billing["department_path"] = ["ivr", "billing", "technical_support"]
    g = figures_for(tmp_path, truth, calls, events)["groups"]["mono"]
    assert g["loop"]["accuracy"] == pytest.approx(2 / 3)
    assert (g["loop"]["tp"], g["loop"]["fn"], g["loop"]["tn"]) == (0, 1, 2)
    assert g["transfer"]["department_path_exact"]["accuracy"] == pytest.approx(2 / 3)


def test_only_calls_on_both_sides_are_scored(tmp_path, truth):
    calls, events = perfect(truth)
    calls = [c for c in calls if c["call_id"] != "sales_simple"]
    calls.append({"call_id": "unknown_call", "channels": 1})
    figures = figures_for(tmp_path, truth, calls, events)
    assert "sales_simple" not in figures["calls"]["scored"]
    assert figures["calls"]["ground_truth_not_analysed"] == ["sales_simple"]
    assert figures["calls"]["analysed_without_ground_truth"] == ["unknown_call"]
    report = format_report(figures)
    assert "ground truth but no analysis: sales_simple" in report
    assert "analysed but no ground truth: unknown_call" in report


def test_no_overlap_is_an_error(tmp_path, truth):
    out = write_out(tmp_path / "out", [{"call_id": "other", "channels": 1}], [])
    with pytest.raises(EvaluationError, match="no analysed call has ground truth"):
        evaluate(load_predictions(out), truth)


def test_bad_json_is_skipped_with_a_warning(gt_dir):
    (gt_dir / "broken.json").write_text("{not json")
    warnings: list[str] = []
    truth = load_truth(gt_dir, warn=warnings.append)
    assert len(truth) == 5
    assert len(warnings) == 1 and "broken.json" in warnings[0]


# --------------------------------------------------------------------------- CLI


def test_cli_prints_the_report_and_writes_json(tmp_path, gt_dir, truth, capsys):
    out = write_out(tmp_path / "out", *perfect(truth))
    (gt_dir / "broken.json").write_text("[1, 2")
    report_json = tmp_path / "figures.json"
    assert main(["evaluate", str(out), str(gt_dir), "--json", str(report_json)]) == 0
    captured = capsys.readouterr()
    assert "Scored 5 call(s): 3 mono, 2 stereo" in captured.out
    assert "hold (IoU>=0.5)" in captured.out
    assert "FAIL" not in captured.out
    assert all(len(line) <= 80 for line in captured.out.splitlines())
    assert "broken.json" in captured.err and len(captured.err.strip().splitlines()) == 1
    figures = json.loads(report_json.read_text())
    assert figures["groups"]["all"]["spans"]["hold"]["f1"] == 1.0


def test_cli_marks_missed_targets(tmp_path, gt_dir, truth, capsys):
    calls, events = perfect(truth)
    events = [e for e in events if e["kind"] != "hold"]
    out = write_out(tmp_path / "out", calls, events)
    assert main(["evaluate", str(out), str(gt_dir)]) == 0
    hold_f1 = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("F1"))
    assert "FAIL" in hold_f1 and "*" in hold_f1


def test_cli_missing_out_dir(tmp_path, gt_dir, capsys):
    missing = tmp_path / "nowhere"
    assert main(["evaluate", str(missing), str(gt_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0]


def test_cli_missing_events_file(tmp_path, gt_dir, truth, capsys):
    out = write_out(tmp_path / "out", *perfect(truth))
    (out / "events.parquet").unlink()
    assert main(["evaluate", str(out), str(gt_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "events.parquet" in err[0] and "missing" in err[0]


def test_cli_damaged_calls_file(tmp_path, gt_dir, truth, capsys):
    out = write_out(tmp_path / "out", *perfect(truth))
    (out / "calls.parquet").write_bytes(b"not parquet")
    assert main(["evaluate", str(out), str(gt_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "calls.parquet" in err[0] and "cannot read" in err[0]


def test_cli_no_overlap(tmp_path, gt_dir, capsys):
    out = write_out(tmp_path / "out", [{"call_id": "other", "channels": 1}], [])
    assert main(["evaluate", str(out), str(gt_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no analysed call has ground truth" in err[0]


def test_truth_is_not_modified(tmp_path, truth):
    before = copy.deepcopy(truth)
    figures_for(tmp_path, truth, *perfect(truth))
    assert truth == before
