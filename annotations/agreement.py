"""``sidebyside agreement``: how far reviewers agree on what happened when.

Cohen's kappa on category over time, the way ELAN's inter-annotator
comparison computes it: each call's timeline is cut into small steps (10 ms by
default); in each step a reviewer's label is the category they marked there, or
``unlabeled``; kappa is computed from the step-by-step confusion matrix of two
reviewers, pooled over every call both of them annotated. Unlabeled time counts,
so agreeing that nothing happened is agreement too.

Which annotations take part: live ones (not deleted), and not the rejections of
automatic detections (a rejection says "this is *not* a long hold", which is
not a claim that the span was one). Where one reviewer's annotations overlap,
the one that starts later (the nested, more specific one) labels the overlap.
"""

from __future__ import annotations

import itertools
import math
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from . import workspace as wsp
from .models import Annotation

UNLABELED = "unlabeled"
DEFAULT_STEP_S = 0.01


@dataclass(frozen=True)
class PairAgreement:
    reviewer_a: str
    reviewer_b: str
    calls: int
    steps: int
    observed: float  # share of steps with the same label
    expected: float  # agreement expected by chance from each reviewer's label frequencies
    kappa: float  # NaN when chance agreement is already 1 (both used a single label throughout)


@dataclass(frozen=True)
class AgreementReport:
    step_s: float
    pairs: list[PairAgreement]
    overall: PairAgreement | None  # every pair's steps pooled


def kappa_from_confusion(matrix: np.ndarray) -> tuple[float, float, float]:
    """(kappa, observed, expected) from a square confusion matrix of counts."""
    m = np.asarray(matrix, dtype=np.float64)
    n = m.sum()
    if n == 0:
        return math.nan, math.nan, math.nan
    observed = np.trace(m) / n
    expected = float((m.sum(axis=1) / n) @ (m.sum(axis=0) / n))
    kappa = math.nan if expected >= 1.0 else (observed - expected) / (1.0 - expected)
    return kappa, float(observed), expected


def cohens_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two equally long label sequences."""
    if len(a) != len(b):
        raise ValueError(f"label sequences differ in length ({len(a)} vs {len(b)})")
    labels = sorted(set(a) | set(b))
    index = {lab: i for i, lab in enumerate(labels)}
    m = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for x, y in zip(a, b):
        m[index[x], index[y]] += 1
    return kappa_from_confusion(m)[0]


def timeline(annotations: Iterable[Annotation], duration_s: float, step_s: float,
             index: dict[str, int]) -> np.ndarray:
    """Label code per step (``index[UNLABELED]`` where nothing was marked).

    A step belongs to an annotation when the step's midpoint lies in [start, end).
    """
    n = max(0, math.ceil(round(duration_s / step_s, 9)))
    codes = np.full(n, index[UNLABELED], dtype=np.int32)
    # Later starts overwrite earlier ones; at equal starts the shorter (nested) one wins.
    for a in sorted(annotations, key=lambda a: (a.start_s, -a.end_s, a.category)):
        lo = max(0, math.ceil(round(a.start_s / step_s - 0.5, 9)))
        hi = min(n, math.ceil(round(a.end_s / step_s - 0.5, 9)))
        if hi > lo:
            codes[lo:hi] = index[a.category]
    return codes


def agreement_from_annotations(
    annotations: Iterable[Annotation],
    durations: dict[str, float] | None = None,
    step_s: float = DEFAULT_STEP_S,
) -> AgreementReport:
    """Pairwise and pooled kappa; ``durations`` (call id → seconds) sets each timeline's length.

    A call missing from ``durations`` runs to the end of its last annotation.
    """
    if not step_s > 0:
        raise ValueError(f"step must be positive, got {step_s}")
    durations = durations or {}
    used = [a for a in annotations if not a.deleted and a.verdict != "rejected"]
    by_call: dict[str, dict[str, list[Annotation]]] = defaultdict(lambda: defaultdict(list))
    for a in used:
        by_call[a.call_id][a.reviewer].append(a)
    labels = [UNLABELED] + sorted({a.category for a in used} - {UNLABELED})
    index = {lab: i for i, lab in enumerate(labels)}
    k = len(labels)

    pair_matrix: dict[tuple[str, str], np.ndarray] = {}
    pair_calls: dict[tuple[str, str], int] = defaultdict(int)
    for call_id in sorted(by_call):
        reviewers = by_call[call_id]
        if len(reviewers) < 2:
            continue
        length = durations.get(call_id)
        if length is None:
            length = max(a.end_s for anns in reviewers.values() for a in anns)
        lines = {r: timeline(anns, length, step_s, index) for r, anns in reviewers.items()}
        for ra, rb in itertools.combinations(sorted(reviewers), 2):
            m = np.bincount(lines[ra] * k + lines[rb], minlength=k * k).reshape(k, k)
            key = (ra, rb)
            pair_matrix[key] = pair_matrix.get(key, 0) + m
            pair_calls[key] += 1

    pairs = [_pair(ra, rb, pair_calls[(ra, rb)], m) for (ra, rb), m in sorted(pair_matrix.items())]
    overall = None
    if pairs:
        total = sum(pair_matrix.values())
        overall = _pair("all pairs", "", len({c for c in by_call if len(by_call[c]) >= 2}), total)
    return AgreementReport(step_s=step_s, pairs=pairs, overall=overall)


def agreement(workspace: str | os.PathLike[str], step_s: float = DEFAULT_STEP_S) -> AgreementReport:
    """Agreement among the reviewers in a workspace's annotation store."""
    ws = wsp.workspace_path(workspace)
    annotations, _ = wsp.read_store(ws)
    durations = {cid: float(r["duration_s"]) for cid, r in wsp.calls_by_id(ws).items()
                 if r["duration_s"] is not None}
    return agreement_from_annotations(annotations, durations, step_s)


def format_report(report: AgreementReport) -> str:
    if not report.pairs:
        return "No call has annotations from two or more reviewers; nothing to compare."
    step_ms = report.step_s * 1000
    head = (f"Cohen's kappa on category per {step_ms:g} ms step (unlabeled time included), "
            "pooled over the calls both reviewers annotated")
    rows = [("reviewer A", "reviewer B", "calls", "minutes", "agreement", "chance", "kappa")]
    for p in report.pairs + ([report.overall] if report.overall else []):
        rows.append((p.reviewer_a, p.reviewer_b, str(p.calls), f"{p.steps * report.step_s / 60:.2f}",
                     f"{p.observed:.3f}", f"{p.expected:.3f}",
                     "n/a" if math.isnan(p.kappa) else f"{p.kappa:.3f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [head]
    for j, r in enumerate(rows):
        if j == len(rows) - 1 and report.overall:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return "\n".join(lines)


def _pair(ra: str, rb: str, calls: int, m: np.ndarray) -> PairAgreement:
    kappa, observed, expected = kappa_from_confusion(m)
    return PairAgreement(ra, rb, calls, int(np.asarray(m).sum()), observed, expected, kappa)
