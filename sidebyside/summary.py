"""The one-screen table ``analyze`` prints after a batch."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table


_SHORT = {"agent": "A", "customer": "C", "ivr": "IVR"}


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, s = divmod(int(round(seconds)), 60)
    return f"{minutes}:{s:02d}"


def _count(v: int | None) -> str:
    return "–" if v is None else str(v)


def print_summary(report, out_dir: Path) -> None:
    """Calls worst first, so the listener knows where to start."""
    console = Console()
    table = Table(title=f"Analysed calls → {out_dir} (worst first)", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption="who: A agent, C customer, IVR automated menu", caption_justify="left")
    right = {"justify": "right"}
    columns = (("call", {}), ("length", right), ("ch", right), ("pain", right), ("hold", right),
               ("xfers", right), ("loop", {}), ("re-ID", right), ("words", right))
    rows = []
    # A call whose detection failed has no pain score; it sorts last, not first.
    ordered = sorted(report.results, key=lambda r: (-(r.call.get("pain_score") or -1), r.call["call_id"]))
    for r in ordered:
        c = r.call
        seen = {}
        for u in r.utterances:
            seen.setdefault(u["speaker"], u["role"])
        who = " ".join(f"{_SHORT.get(role, role)}×{n}" if n > 1 else _SHORT.get(role, role)
                       for role, n in sorted(Counter(seen.values()).items()))
        pain = c.get("pain_score")
        loop = c.get("transfer_loop")
        rows.append((c["call_id"], _clock(c["duration_s"]), str(c["channels"]),
                      "–" if pain is None else f"{pain:.0f}", _clock(c.get("total_hold_s")),
                      _count(c.get("transfer_count")), "–" if loop is None else ("LOOP" if loop else "no"),
                      _count(c.get("repeated_verification_count")), str(len(r.words)), who))
    # Every column but the speakers keeps its full width; on a narrow terminal only that one wraps.
    for i, (col, kw) in enumerate(columns):
        width = max([len(col)] + [len(row[i]) for row in rows])
        table.add_column(col, min_width=width, no_wrap=True, **kw)
    table.add_column("who")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    cached = sorted(r.call["call_id"] for r in report.results if r.call["call_id"] in report.cached)
    if cached:
        # Detection still ran again on these, with the current settings.
        console.print(f"transcripts reused from the cache: {', '.join(cached)}", highlight=False)
    if report.failed:
        console.print(f"[red]{len(report.failed)} failed[/red]")
