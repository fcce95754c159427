"""The one-screen table ``analyze`` prints after a batch."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table


def print_summary(report, out_dir: Path) -> None:
    console = Console()
    table = Table(title=f"Analysed calls → {out_dir}", title_justify="left")
    for col, kw in (("call", {}), ("length", {"justify": "right"}), ("ch", {"justify": "right"}),
                    ("speakers (role)", {}), ("words", {"justify": "right"}), ("", {})):
        table.add_column(col, **kw)
    for r in sorted(report.results, key=lambda r: r.call["call_id"]):
        c = r.call
        seen = {}
        for u in r.utterances:
            seen.setdefault(u["speaker"], u["role"])
        who = ", ".join(f"{role}×{n}" if n > 1 else role for role, n in sorted(Counter(seen.values()).items()))
        minutes, seconds = divmod(int(round(c["duration_s"])), 60)
        table.add_row(c["call_id"], f"{minutes}:{seconds:02d}", str(c["channels"]), who,
                      str(len(r.words)), "cached" if c["call_id"] in report.cached else "")
    console.print(table)
    if report.failed:
        console.print(f"[red]{len(report.failed)} failed[/red]")
