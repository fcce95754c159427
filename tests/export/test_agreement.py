"""Cohen's kappa over discretised timelines, checked against hand-computed values."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from annotations import AnnotationStore, Annotation
from annotations.agreement import (
    agreement,
    agreement_from_annotations,
    cohens_kappa,
    format_report,
    kappa_from_confusion,
)
from sidebyside.cli import main

from .builders import DATED

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)


def ann(reviewer: str, start: float, end: float, category: str, call: str = "c1", **kw) -> Annotation:
    return Annotation(
        annotation_id=f"{reviewer}-{start}-{category}", call_id=call, start_s=start, end_s=end,
        category=category, category_label=category, stage=None, departments=(), severity=3, note="",
        reviewer=reviewer, created_at=T0, updated_at=T0, updated_by=reviewer, event_id=kw.get("event_id"),
        verdict=kw.get("verdict"), version=1, deleted=kw.get("deleted", False),
    )


def test_kappa_textbook_table() -> None:
    # Cohen (1960)-style 2x2 example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2 / 0.5 = 0.4.
    kappa, po, pe = kappa_from_confusion(np.array([[20, 5], [10, 15]]))
    assert (po, pe) == pytest.approx((0.7, 0.5)) and kappa == pytest.approx(0.4)
    assert cohens_kappa(["y"] * 25 + ["n"] * 25, ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15) == pytest.approx(0.4)


def test_kappa_by_hand_on_a_timeline() -> None:
    """1 s call, 100 ms steps.

    step:  0  1  2  3  4  5  6  7  8  9
    A:     H  H  H  H  H  .  .  .  .  .     (long_hold 0.0-0.5)
    B:     H  H  H  D  D  D  .  .  .  .     (long_hold 0.0-0.3, dead_air 0.3-0.6)

    agree on steps 0-2 and 6-9: p_o = 7/10.
    A: H 5, . 5;  B: H 3, D 3, . 4  ->  p_e = (5*3 + 5*4 + 0*3) / 100 = 0.35.
    kappa = (0.7 - 0.35) / (1 - 0.35) = 7/13.
    """
    report = agreement_from_annotations(
        [ann("A", 0.0, 0.5, "long_hold"), ann("B", 0.0, 0.3, "long_hold"), ann("B", 0.3, 0.6, "dead_air")],
        {"c1": 1.0}, step_s=0.1,
    )
    (pair,) = report.pairs
    assert (pair.reviewer_a, pair.reviewer_b, pair.calls, pair.steps) == ("A", "B", 1, 10)
    assert pair.observed == pytest.approx(0.7) and pair.expected == pytest.approx(0.35)
    assert pair.kappa == pytest.approx(7 / 13)
    # Same answer at the default 10 ms resolution: the boundaries sit on step edges.
    fine = agreement_from_annotations(
        [ann("A", 0.0, 0.5, "long_hold"), ann("B", 0.0, 0.3, "long_hold"), ann("B", 0.3, 0.6, "dead_air")],
        {"c1": 1.0},
    )
    assert fine.pairs[0].kappa == pytest.approx(7 / 13) and fine.pairs[0].steps == 100


def test_pooled_over_calls_and_pairs() -> None:
    anns = [
        ann("A", 0.0, 0.5, "long_hold", "c1"), ann("B", 0.0, 0.5, "long_hold", "c1"),
        ann("A", 0.0, 0.2, "dead_air", "c2"), ann("B", 0.2, 0.4, "dead_air", "c2"),
        ann("C", 0.0, 0.5, "long_hold", "c1"),
        ann("A", 0.0, 1.0, "other", "solo"),  # one reviewer only: not compared
        ann("B", 0.5, 1.0, "other", "c1", deleted=True),  # deleted: ignored
        ann("C", 0.5, 1.0, "other", "c1", event_id="e1", verdict="rejected"),  # rejection: ignored
    ]
    report = agreement_from_annotations(anns, {"c1": 1.0, "c2": 1.0, "solo": 1.0}, step_s=0.1)
    pairs = {(p.reviewer_a, p.reviewer_b): p for p in report.pairs}
    assert set(pairs) == {("A", "B"), ("A", "C"), ("B", "C")}
    # A/B pooled over c1 (identical) and c2: c2 steps 0-1 D/., 2-3 ./D, 4-9 ./. -> 16 of 20 agree.
    # A: H 5, D 2, . 13; B: H 5, D 2, . 13 -> p_e = (25 + 4 + 169) / 400 = 0.495.
    ab = pairs[("A", "B")]
    assert ab.calls == 2 and ab.steps == 20 and ab.observed == pytest.approx(0.8)
    assert ab.kappa == pytest.approx((0.8 - 0.495) / (1 - 0.495))
    assert pairs[("A", "C")].kappa == pytest.approx(1.0) and pairs[("A", "C")].calls == 1
    assert report.overall is not None and report.overall.steps == 40 and report.overall.calls == 2


def test_nested_annotation_labels_the_overlap() -> None:
    report = agreement_from_annotations(
        [ann("A", 0.0, 1.0, "long_hold"), ann("A", 0.4, 0.6, "dead_air"),
         ann("B", 0.0, 0.4, "long_hold"), ann("B", 0.4, 0.6, "dead_air"), ann("B", 0.6, 1.0, "long_hold")],
        {"c1": 1.0}, step_s=0.1,
    )
    assert report.pairs[0].kappa == pytest.approx(1.0)


def test_single_label_kappa_is_undefined() -> None:
    report = agreement_from_annotations([ann("A", 0, 1, "other"), ann("B", 0, 1, "other")], {"c1": 1.0}, 0.1)
    assert math.isnan(report.pairs[0].kappa)
    assert "n/a" in format_report(report)


def test_workspace_agreement_and_cli(workspace: Path, capsys) -> None:
    with AnnotationStore.open(workspace) as store:
        store.add(DATED, 1.0, 3.0, "customer_effort", reviewer="carol")
    report = agreement(workspace)
    names = {(p.reviewer_a, p.reviewer_b) for p in report.pairs}
    assert names == {("alice", "bob"), ("alice", "carol"), ("bob", "carol")}
    assert all(p.steps == 400 for p in report.pairs)  # the 4 s call at 10 ms
    assert main(["agreement", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert "alice" in out and "carol" in out and "all pairs" in out and "kappa" in out


def test_no_pairs_message(tmp_path: Path, workspace: Path, capsys) -> None:
    for name in ("annotations.sqlite", "annotations.sqlite-wal", "annotations.sqlite-shm"):
        (workspace / name).unlink(missing_ok=True)
    assert main(["agreement", str(workspace)]) == 0
    assert "nothing to compare" in capsys.readouterr().out
