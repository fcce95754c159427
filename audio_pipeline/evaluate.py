"""``sidebyside evaluate``: automatic detections scored against ground truth.

Predictions are the ``calls.parquet`` and ``events.parquet`` that ``sidebyside analyze`` writes;
ground truth is one JSON per call (the format ``tools/make_calls.py`` writes beside each
generated call, e.g. ``sample_calls/*.json``). Calls are joined on ``call_id`` and only calls
present on both sides are scored. Every figure is given for all scored calls and split into
mono (``channels == 1``) and stereo (``channels == 2``) calls; the channel count comes from the
ground truth (from ``calls.parquet`` if the truth lacks it).

Scoring rules
-------------
Counts are summed over calls before dividing (micro-averaging). ``P = matched / predicted``,
``R = matched / true``, ``F1 = 2PR / (P + R)``. A ratio with nothing to divide by is 1.0 (no
predictions means no false alarms; no truth means nothing missed), so a group with nothing to
find and nothing found scores F1 = 1.0, and one with only one side empty scores F1 = 0.

* Spans ``hold``, ``queue_wait``, ``dead_air``: within a call, every (predicted, true) pair
  with IoU >= 0.5 is a candidate; pairs are taken greedily by highest IoU first, each span in at
  most one pair. ``overtalk`` spans are short with fuzzy edges, so a pair is a candidate when
  their overlap is >= 50% of the shorter span, taken greedily by that fraction.
* Hold boundary error: over the matched hold pairs, mean ``|start_pred - start_true|``, mean
  ``|end_pred - end_true|`` and the mean of the two, in seconds.
* Total hold time error: per call ``|sum of predicted hold durations - sum of true ones|``;
  mean and max over calls. The same again with ``calls.total_hold_s`` as the predicted total,
  over the calls where it is not null (the two should agree).
* False holds: a predicted hold matched to no true hold that (a) overlaps the call's true
  queue_wait spans, or its dead_air spans, by >= 50% of the predicted hold's length, or (b)
  starts 0-15 s after a true non-hold of kind ``cancelled_hold`` or ``press_and_hold``. Each
  false hold is counted once, under the first cause that applies in the order queue_wait,
  dead_air, cancelled_hold, press_and_hold. Target: none.
* ``verification_request`` (instants; the event's ``start_s``): a predicted request matches a
  true one when ``|dt| <= 4 s`` and the item is the same; pairs are taken nearest first, one to
  one. Item-agnostic detection: the same with any item. Distractor false alarms: predicted
  requests within 4 s of a true distractor request that the item-agnostic matching left
  unmatched.
* ``repeated_verification`` at the (call, item) level: truth is every (call, item) with a true
  request of that item marked ``repeated``; predicted is every (call, item) with a
  repeated_verification event.
* Transfers: count accuracy is the share of calls whose number of transfer events equals the
  number of true transfers. Events: a predicted transfer matches a true one when
  ``|dt| <= 10 s`` (nearest first, one to one); of the matched, the share whose
  ``to_department`` is right. Department path: share of calls where ``calls.department_path``
  equals the true path exactly (a null path counts as wrong).
* Loop: accuracy of ``calls.transfer_loop`` against the true ``transfer_loop``, with the
  confusion counts (TP/FP/FN/TN). Where ``calls.transfer_loop`` is null the prediction is
  whether the call has a transfer_loop event.

Targets (printed beside the figures): hold F1 >= 0.95, mean hold boundary error <= 2 s,
false holds = 0, repeated-verification F1 >= 0.95, transfer count exact >= 95%, loop
accuracy >= 97%.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from . import tables

SPAN_KINDS = ("hold", "queue_wait", "dead_air", "overtalk")
IOU_MIN = 0.5
OVERTALK_MIN_OVERLAP = 0.5  # of the shorter span
FALSE_HOLD_OVERLAP = 0.5  # of the predicted hold
FALSE_HOLD_AFTER_NON_HOLD_S = 15.0
VERIFICATION_TOLERANCE_S = 4.0
TRANSFER_TOLERANCE_S = 10.0
FALSE_HOLD_CAUSES = ("queue_wait", "dead_air", "cancelled_hold", "press_and_hold")
GROUPS = ("all", "mono", "stereo")
_TRUTH_KEY = {"hold": "holds"}  # event kind -> ground-truth key, where they differ

# (figure path in a group, comparison, threshold, label): what "good enough" means.
TARGETS: tuple[tuple[tuple[str, ...], str, float, str], ...] = (
    (("spans", "hold", "f1"), ">=", 0.95, "hold F1"),
    (("hold_boundary", "mean_s"), "<=", 2.0, "mean hold boundary error (s)"),
    (("false_holds", "total"), "<=", 0, "false holds"),
    (("repeated_verification", "f1"), ">=", 0.95, "repeated-verification F1"),
    (("transfer", "count_exact", "accuracy"), ">=", 0.95, "transfer count exact"),
    (("loop", "accuracy"), ">=", 0.97, "loop accuracy"),
)

Span = tuple[float, float]


class EvaluationError(Exception):
    """An input that cannot be scored; the message is one line naming the file."""


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


# --------------------------------------------------------------------------- loading


def load_truth(gt_dir: str | Path, warn: Callable[[str], None] = _stderr) -> dict[str, dict]:
    """Every ground-truth JSON in ``gt_dir`` keyed by call id; unreadable files are skipped with a warning."""
    folder = Path(gt_dir)
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: ground-truth folder not found")
    truth: dict[str, dict] = {}
    files = sorted(folder.glob("*.json"))
    if not files:
        raise EvaluationError(f"{folder}: no ground-truth .json files")
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            warn(f"warning: {path}: skipped, not readable JSON ({_one_line(exc)})")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("call_id"), str):
            warn(f"warning: {path}: skipped, no call_id (not a ground-truth file)")
            continue
        if data["call_id"] in truth:
            warn(f"warning: {path}: skipped, call_id {data['call_id']!r} already read from another file")
            continue
        truth[data["call_id"]] = data
    return truth


def _read(path: Path, name: str) -> list[dict]:
    if not path.is_file():
        raise EvaluationError(f"{path}: missing (run sidebyside analyze first)")
    try:
        if name in tables.TABLES:
            # fill_missing: files from before a column existed still score on the rest.
            table = tables.read_table(path, name, fill_missing=True)
        else:
            table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises many kinds for a damaged file
        raise EvaluationError(f"{path}: cannot read ({_one_line(exc)})") from exc
    return table.to_pylist()


def load_predictions(out_dir: str | Path) -> dict[str, dict]:
    """What ``analyze`` wrote, per call id: the calls row's fields plus ``events`` (a list of rows)."""
    folder = Path(out_dir)
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: analysis folder not found")
    calls = _read(folder / "calls.parquet", "calls")
    events = _read(folder / "events.parquet", "events")
    pred: dict[str, dict] = {}
    for row in calls:
        if row.get("call_id") is not None:
            pred[row["call_id"]] = {**row, "events": []}
    for ev in events:
        call = pred.get(ev.get("call_id"))
        if call is not None:  # events of a call with no calls row cannot be split by channels
            call["events"].append(ev)
    return pred


# --------------------------------------------------------------------------- matching


def iou(a: Span, b: Span) -> float:
    inter = _overlap(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def overlap_of_shorter(a: Span, b: Span) -> float:
    shorter = min(a[1] - a[0], b[1] - b[0])
    return _overlap(a, b) / shorter if shorter > 0 else 0.0


def _overlap(a: Span, b: Span) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(pred: Sequence[Span], true: Sequence[Span],
                score: Callable[[Span, Span], float] = iou,
                minimum: float = IOU_MIN) -> list[tuple[int, int]]:
    """One-to-one (pred index, true index) pairs: best ``score`` first, only pairs scoring >= ``minimum``."""
    candidates = []
    for i, p in enumerate(pred):
        for j, t in enumerate(true):
            s = score(p, t)
            if s >= minimum and s > 0:
                candidates.append((-s, i, j))
    return _greedy(candidates)


def match_instants(pred: Sequence[float], true: Sequence[float], tolerance: float,
                   compatible: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """One-to-one (pred index, true index) pairs within ``tolerance`` seconds, nearest first."""
    candidates = []
    for i, p in enumerate(pred):
        for j, t in enumerate(true):
            d = abs(p - t)
            if d <= tolerance and (compatible is None or compatible(i, j)):
                candidates.append((d, i, j))
    return _greedy(candidates)


def _greedy(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    # Index order breaks ties so the result does not depend on set or dict ordering.
    used_p: set[int] = set()
    used_t: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_t:
            used_p.add(i)
            used_t.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def prf(matched: int, predicted: int, true: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts, with the counts themselves."""
    precision = matched / predicted if predicted else 1.0
    recall = matched / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"matched": matched, "predicted": predicted, "true": true,
            "precision": precision, "recall": recall, "f1": f1}


# --------------------------------------------------------------------------- scoring


def _events(call: dict, kind: str) -> list[dict]:
    return sorted((e for e in call.get("events", []) if e.get("kind") == kind),
                  key=lambda e: (e.get("start_s") or 0.0, e.get("end_s") or 0.0))


def _spans(rows: Iterable[dict]) -> list[Span]:
    return [(float(r["start_s"]), float(r["end_s"])) for r in rows
            if r.get("start_s") is not None and r.get("end_s") is not None]


def score_call(pred: dict, truth: dict) -> dict[str, Any]:
    """Additive counts for one call; ``aggregate`` sums them over a group of calls."""
    out: dict[str, Any] = {}

    spans = {}
    for kind in SPAN_KINDS:
        p, t = _spans(_events(pred, kind)), _spans(truth.get(_TRUTH_KEY.get(kind, kind)) or [])
        if kind == "overtalk":
            pairs = match_spans(p, t, overlap_of_shorter, OVERTALK_MIN_OVERLAP)
        else:
            pairs = match_spans(p, t)
        spans[kind] = (p, t, pairs)
        out[f"span_{kind}"] = (len(pairs), len(p), len(t))

    p_holds, t_holds, hold_pairs = spans["hold"]
    out["hold_deltas"] = [(abs(p_holds[i][0] - t_holds[j][0]), abs(p_holds[i][1] - t_holds[j][1]))
                          for i, j in hold_pairs]
    true_total = sum(e - s for s, e in t_holds)
    out["hold_time_error"] = abs(sum(e - s for s, e in p_holds) - true_total)
    total = pred.get("total_hold_s")
    out["hold_time_error_calls"] = None if total is None else abs(float(total) - true_total)

    out["false_holds"] = _false_holds(p_holds, {i for i, _ in hold_pairs}, truth)

    p_req = [e for e in _events(pred, "verification_request") if e.get("start_s") is not None]
    t_req = [r for r in truth.get("verification_requests") or [] if r.get("time_s") is not None]
    p_times = [float(e["start_s"]) for e in p_req]
    t_times = [float(r["time_s"]) for r in t_req]
    same_item = match_instants(p_times, t_times, VERIFICATION_TOLERANCE_S,
                               lambda i, j: p_req[i].get("item") == t_req[j].get("item"))
    any_item = match_instants(p_times, t_times, VERIFICATION_TOLERANCE_S)
    out["verification_item"] = (len(same_item), len(p_req), len(t_req))
    out["verification_any"] = (len(any_item), len(p_req), len(t_req))
    matched_any = {i for i, _ in any_item}
    distractors = [float(d["time_s"]) for d in truth.get("distractor_requests") or []
                   if d.get("time_s") is not None]
    out["distractor_false_alarms"] = sum(
        1 for i, t in enumerate(p_times)
        if i not in matched_any and any(abs(t - d) <= VERIFICATION_TOLERANCE_S for d in distractors))

    true_rep = {r.get("item") for r in t_req if r.get("repeated")}
    pred_rep = {e.get("item") for e in _events(pred, "repeated_verification")}
    out["repeated"] = (len(true_rep & pred_rep), len(pred_rep), len(true_rep))

    p_tr = [e for e in _events(pred, "transfer") if e.get("start_s") is not None]
    t_tr = [t for t in truth.get("transfers") or [] if t.get("time_s") is not None]
    tr_pairs = match_instants([float(e["start_s"]) for e in p_tr], [float(t["time_s"]) for t in t_tr],
                              TRANSFER_TOLERANCE_S)
    out["transfer_count_ok"] = len(_events(pred, "transfer")) == len(truth.get("transfers") or [])
    out["transfer_events"] = (len(tr_pairs), len(p_tr), len(t_tr))
    out["transfer_to_ok"] = sum(1 for i, j in tr_pairs
                                if p_tr[i].get("to_department") == t_tr[j].get("to_department"))
    path = pred.get("department_path")
    out["department_path_ok"] = path is not None and list(path) == list(truth.get("department_path") or [])

    loop = pred.get("transfer_loop")
    if loop is None:
        loop = bool(_events(pred, "transfer_loop"))
    out["loop"] = (bool(loop), bool(truth.get("transfer_loop")))
    return out


def _false_holds(p_holds: list[Span], matched: set[int], truth: dict) -> dict[str, int]:
    areas = {kind: _spans(truth.get(kind) or []) for kind in ("queue_wait", "dead_air")}
    non_holds = [(float(n["time_s"]), n.get("kind")) for n in truth.get("non_holds") or []
                 if n.get("time_s") is not None]
    counts = dict.fromkeys(FALSE_HOLD_CAUSES, 0)
    for i, hold in enumerate(p_holds):
        if i in matched:
            continue
        length = hold[1] - hold[0]
        for cause in FALSE_HOLD_CAUSES:
            if cause in areas:
                # Summed over the kind's spans: a hold may straddle two short dead-air gaps.
                covered = sum(_overlap(hold, s) for s in areas[cause])
                hit = length > 0 and covered >= FALSE_HOLD_OVERLAP * length
            else:
                hit = any(kind == cause and 0 <= hold[0] - t <= FALSE_HOLD_AFTER_NON_HOLD_S
                          for t, kind in non_holds)
            if hit:
                counts[cause] += 1
                break
    return counts


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def aggregate(scores: Sequence[dict]) -> dict[str, Any]:
    """Figures for a group of calls from their ``score_call`` counts."""
    def total(key: str) -> dict[str, Any]:
        return prf(*(sum(s[key][k] for s in scores) for k in range(3)))

    deltas = [d for s in scores for d in s["hold_deltas"]]
    starts, ends = [d[0] for d in deltas], [d[1] for d in deltas]
    hold_err = [s["hold_time_error"] for s in scores]
    hold_err_calls = [s["hold_time_error_calls"] for s in scores if s["hold_time_error_calls"] is not None]
    false_holds = {c: sum(s["false_holds"][c] for s in scores) for c in FALSE_HOLD_CAUSES}
    transfers = total("transfer_events")
    to_ok = sum(s["transfer_to_ok"] for s in scores)
    loops = [s["loop"] for s in scores]
    confusion = {
        "tp": sum(1 for p, t in loops if p and t), "fp": sum(1 for p, t in loops if p and not t),
        "fn": sum(1 for p, t in loops if not p and t), "tn": sum(1 for p, t in loops if not p and not t),
    }
    n = len(scores)
    return {
        "calls": n,
        "spans": {kind: total(f"span_{kind}") for kind in SPAN_KINDS},
        "hold_boundary": {
            "pairs": len(deltas), "start_s": _mean(starts), "end_s": _mean(ends),
            "mean_s": _mean(starts + ends),
        },
        "hold_time": {
            "calls": n, "mean_abs_error_s": _mean(hold_err), "max_abs_error_s": max(hold_err, default=None),
            "from_calls_table": {
                "calls": len(hold_err_calls), "mean_abs_error_s": _mean(hold_err_calls),
                "max_abs_error_s": max(hold_err_calls, default=None),
            },
        },
        "false_holds": {"total": sum(false_holds.values()), "by_cause": false_holds},
        "verification": {
            "item": total("verification_item"), "any_item": total("verification_any"),
            "distractor_false_alarms": sum(s["distractor_false_alarms"] for s in scores),
        },
        "repeated_verification": total("repeated"),
        "transfer": {
            "count_exact": _accuracy(sum(s["transfer_count_ok"] for s in scores), n),
            "events": transfers,
            "to_department": {"correct": to_ok, "matched": transfers["matched"],
                              "accuracy": to_ok / transfers["matched"] if transfers["matched"] else None},
            "department_path_exact": _accuracy(sum(s["department_path_ok"] for s in scores), n),
        },
        "loop": {**_accuracy(confusion["tp"] + confusion["tn"], n), **confusion},
    }


def _accuracy(k: int, n: int) -> dict[str, Any]:
    return {"correct": k, "calls": n, "accuracy": k / n if n else None}


def _channels(pred: dict, truth: dict) -> int | None:
    value = truth.get("channels", pred.get("channels"))
    return int(value) if value is not None else None


def _get(figures: dict, path: Sequence[str]) -> Any:
    for key in path:
        figures = figures[key]
    return figures


def _meets(value: Any, op: str, threshold: float) -> bool | None:
    if value is None:
        return None
    # Times are sums of float seconds: 2.0000000001 s is on target, not a miss.
    eps = 1e-9
    return value >= threshold - eps if op == ">=" else value <= threshold + eps


def evaluate(pred: dict[str, dict], truth: dict[str, dict]) -> dict[str, Any]:
    """All figures for the calls in both ``pred`` and ``truth``, overall and by mono/stereo.

    Raises ``EvaluationError`` when no call is in both.
    """
    scored = sorted(set(pred) & set(truth))
    if not scored:
        raise EvaluationError(f"no analysed call has ground truth ({len(pred)} analysed, "
                              f"{len(truth)} with ground truth; calls are joined on call_id)")
    per_call = {cid: score_call(pred[cid], truth[cid]) for cid in scored}
    channels = {cid: _channels(pred[cid], truth[cid]) for cid in scored}
    members = {
        "all": scored,
        "mono": [c for c in scored if channels[c] == 1],
        "stereo": [c for c in scored if channels[c] == 2],
    }
    groups = {g: aggregate([per_call[c] for c in ids]) for g, ids in members.items()}
    targets = []
    for path, op, threshold, label in TARGETS:
        targets.append({
            "figure": ".".join(path), "label": label, "op": op, "threshold": threshold,
            "met": {g: _meets(_get(groups[g], path), op, threshold) for g in GROUPS if groups[g]["calls"]},
        })
    return {
        "calls": {
            "scored": scored,
            "mono": members["mono"], "stereo": members["stereo"],
            "ground_truth_not_analysed": sorted(set(truth) - set(pred)),
            "analysed_without_ground_truth": sorted(set(pred) - set(truth)),
        },
        "groups": groups,
        "targets": targets,
    }


# --------------------------------------------------------------------------- report

_LABEL_W, _CELL_W = 30, 11


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table, one column per group, at most 80 characters wide."""
    calls, groups = figures["calls"], figures["groups"]
    shown = [g for g in GROUPS if groups[g]["calls"]]
    met = {t["figure"]: t for t in figures["targets"]}
    lines = [f"Scored {len(calls['scored'])} call(s): "
             f"{len(calls['mono'])} mono, {len(calls['stereo'])} stereo"]
    missing, extra = calls["ground_truth_not_analysed"], calls["analysed_without_ground_truth"]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"ground truth but no analysis: {', '.join(missing)}")
        if extra:
            parts.append(f"analysed but no ground truth: {', '.join(extra)}")
        lines.append("Not scored: " + "; ".join(parts))
    lines.append("")
    lines.append(f"{'':<{_LABEL_W}}" + "".join(f"{g:>{_CELL_W}}" for g in shown) + "  target")
    failed = False

    def row(label: str, fmt: Callable[[dict], str], target: str | None = None) -> None:
        nonlocal failed
        cells = []
        for g in shown:
            text = fmt(groups[g])
            if target and met[target]["met"].get(g) is False:
                text += "*"
                failed = True
            cells.append(f"{text:>{_CELL_W}}")
        suffix = ""
        if target:
            t = met[target]
            state = t["met"].get("all")
            suffix = f"  {t['op']} {t['threshold']:g} " + {True: "ok", False: "FAIL", None: "n/a"}[state]
        lines.append(f"{label:<{_LABEL_W}}" + "".join(cells) + suffix)

    def section(title: str) -> None:
        lines.append(title)

    for kind in SPAN_KINDS:
        rule = "overlap>=50% of shorter" if kind == "overtalk" else "IoU>=0.5"
        section(f"{kind} ({rule})")
        _prf_rows(row, lambda g, k=kind: g["spans"][k], "spans.hold.f1" if kind == "hold" else None)
    section("hold boundaries (matched holds)")
    row("  pairs", lambda g: str(g["hold_boundary"]["pairs"]))
    row("  mean |d start| (s)", lambda g: _num(g["hold_boundary"]["start_s"], 2))
    row("  mean |d end| (s)", lambda g: _num(g["hold_boundary"]["end_s"], 2))
    row("  mean of both (s)", lambda g: _num(g["hold_boundary"]["mean_s"], 2), "hold_boundary.mean_s")
    section("total hold time per call, |error| (s)")
    row("  events: mean / max",
        lambda g: _pair(g["hold_time"]["mean_abs_error_s"], g["hold_time"]["max_abs_error_s"]))
    row("  calls.total_hold_s: mean / max",
        lambda g: _pair(g["hold_time"]["from_calls_table"]["mean_abs_error_s"],
                        g["hold_time"]["from_calls_table"]["max_abs_error_s"]))
    section("false holds (unmatched predicted holds)")
    row("  total", lambda g: str(g["false_holds"]["total"]), "false_holds.total")
    for cause in FALSE_HOLD_CAUSES:
        where = "over " if cause in ("queue_wait", "dead_air") else "after "
        row(f"    {where}{cause}", lambda g, c=cause: str(g["false_holds"]["by_cause"][c]))
    section("verification requests (|dt|<=4 s)")
    _prf_rows(row, lambda g: g["verification"]["item"], None, "same item")
    _prf_rows(row, lambda g: g["verification"]["any_item"], None, "any item")
    row("  distractor false alarms", lambda g: str(g["verification"]["distractor_false_alarms"]))
    section("repeated verification (call, item)")
    _prf_rows(row, lambda g: g["repeated_verification"], "repeated_verification.f1")
    section("transfers")
    row("  count exact", lambda g: _acc(g["transfer"]["count_exact"]), "transfer.count_exact.accuracy")
    _prf_rows(row, lambda g: g["transfer"]["events"], None, "events |dt|<=10 s")
    row("  to_department right", lambda g: _acc(g["transfer"]["to_department"], "matched"))
    row("  department path exact", lambda g: _acc(g["transfer"]["department_path_exact"]))
    section("transfer loop (per call)")
    row("  accuracy", lambda g: _acc(g["loop"]), "loop.accuracy")
    row("  TP/FP/FN/TN", lambda g: "/".join(str(g["loop"][k]) for k in ("tp", "fp", "fn", "tn")))
    lines.append("")
    lines.append("P/R/F1 micro-averaged; counts are matched/predicted/true."
                 + (" * misses its target." if failed else ""))
    return "\n".join(lines)


def _prf_rows(row: Callable, get: Callable[[dict], dict], target: str | None, name: str = "") -> None:
    prefix = f"  {name}: " if name else "  "
    row(f"{prefix}F1", lambda g: f"{get(g)['f1']:.3f}", target)
    row(f"{prefix}P / R", lambda g: f"{get(g)['precision']:.2f}/{get(g)['recall']:.2f}")
    row(f"{prefix}counts", lambda g: "/".join(str(get(g)[k]) for k in ("matched", "predicted", "true")))


def _num(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _pair(a: float | None, b: float | None) -> str:
    if a is None and b is None:
        return "n/a"
    return f"{_num(a, 1)}/{_num(b, 1)}"


def _acc(d: dict, of: str = "calls") -> str:
    if d["accuracy"] is None:
        return "n/a"
    counts = f"{d['correct']}/{d[of]}"
    # Large counts do not fit an 11-character cell beside the percentage; the JSON has them.
    return f"{d['accuracy']:.0%} {counts}" if len(counts) <= 6 else f"{d['accuracy']:.1%}"


def write_json(figures: dict[str, Any], path: str | Path) -> None:
    """The figures as JSON (NaN-free: missing values are null)."""
    Path(path).write_text(json.dumps(figures, indent=2, allow_nan=False) + "\n", encoding="utf-8")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__
