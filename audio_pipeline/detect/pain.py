"""The pain score: one number per call that orders calls for listening.

Points add up from what a customer would feel (minutes on hold, each repeated identity
question, each transfer, a loop), weighted in ``detect.toml``'s [pain] table, and the score
is ``100 * (1 - exp(-points / scale))``: 0 for a clean call, rising fast for the first pain
points and flattening towards 100, so one terrible call does not dwarf every other.
"""

from __future__ import annotations

import math


def pain_points(metrics: dict, cfg: dict) -> float:
    p = cfg["pain"]
    return (
        p["hold_per_minute"] * (metrics["total_hold_s"] or 0.0) / 60.0
        + p["hold_each"] * (metrics["hold_count"] or 0)
        + p["queue_per_minute"] * (metrics["queue_wait_s"] or 0.0) / 60.0
        + p["dead_air_each"] * metrics["_dead_air_count"]
        + p["overtalk_each"] * metrics["_overtalk_count"]
        + p["repeated_verification_each"] * (metrics["repeated_verification_count"] or 0)
        + p["transfer_each"] * (metrics["transfer_count"] or 0)
        + p["transfer_loop"] * (1 if metrics["transfer_loop"] else 0)
    )


def pain_score(metrics: dict, cfg: dict) -> float:
    score = 100.0 * (1.0 - math.exp(-pain_points(metrics, cfg) / float(cfg["pain"]["scale"])))
    return math.floor(score * 10) / 10  # rounded down: only a call with no end reaches 100
