"""Time stamps as reviewers read and type them (m:ss, h:mm:ss, optional tenths)."""

from __future__ import annotations


def fmt_time(seconds: float, tenths: bool = False) -> str:
    """``75.3`` → ``1:15`` (or ``1:15.3``); hours appear only when needed."""
    seconds = max(0.0, float(seconds))
    if tenths:
        whole = int(seconds)
        frac = int(round((seconds - whole) * 10))
        if frac == 10:
            whole, frac = whole + 1, 0
    else:
        whole, frac = int(seconds), 0
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    core = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return f"{core}.{frac}" if tenths else core


def fmt_duration(seconds: float | None) -> str:
    """Compact duration for tables: ``45s``, ``3m05s``, ``1h02m``."""
    if seconds is None:
        return "–"
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{(seconds % 3600) // 60:02d}m"


def parse_time(text: str) -> float:
    """Parse ``90``, ``1:30``, ``1:30.5`` or ``1:02:03``; ValueError on anything else."""
    text = text.strip()
    if not text:
        raise ValueError("empty time")
    parts = text.split(":")
    if len(parts) > 3:
        raise ValueError(f"not a time: {text!r}")
    total = 0.0
    for i, part in enumerate(parts):
        value = float(part)  # ValueError propagates with a usable message
        if value < 0 or (i > 0 and value >= 60):
            raise ValueError(f"not a time: {text!r}")
        total = total * 60 + value
    return total
