"""Who talked how much: talk ratio, agent pace and overtalk (both sides at once)."""

from __future__ import annotations

Interval = tuple[float, float]


def union(intervals: list[Interval]) -> list[Interval]:
    out: list[list[float]] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def total(intervals: list[Interval]) -> float:
    return sum(e - s for s, e in union(intervals))


def intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    a, b = union(a), union(b)
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if e > s:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def sides(turns: list[dict]) -> tuple[list[Interval], list[Interval]]:
    """Speech of the agent side (agents, and speakers we could not place) and of the customer.
    Recorded IVR prompts are neither: they do not talk over anyone."""
    agent = [(t["start_s"], t["end_s"]) for t in turns if t["role"] in ("agent", "unknown")]
    customer = [(t["start_s"], t["end_s"]) for t in turns if t["role"] == "customer"]
    return agent, customer


def overtalk(turns: list[dict], min_s: float, merge_s: float = 0.3) -> list[Interval]:
    agent, customer = sides(turns)
    both = intersect(agent, customer)
    # Two overlaps a breath apart are one interruption.
    merged: list[list[float]] = []
    for s, e in both:
        if merged and s - merged[-1][1] <= merge_s:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged if e - s >= min_s]


def talk_ratio_agent(turns: list[dict]) -> float | None:
    agent, customer = sides(turns)
    a, c = total(agent), total(customer)
    return a / (a + c) if a + c > 0 else None


def agent_words_per_minute(words: list[dict], turns: list[dict]) -> float | None:
    agent, _ = sides(turns)
    minutes = total(agent) / 60.0
    n = sum(1 for w in words if w["role"] in ("agent", "unknown"))
    return n / minutes if minutes > 0.05 else None
