"""Which day a call took place: the partition key of every export.

Sources, first match wins (the winner is recorded per call as ``call_date_source``):

1. ``pattern``   a date in the call id or the audio file name (``--date-pattern``;
                 by default an ISO date such as ``2024-05-01``, ``2024_05_01`` or ``20240501``).
                 Telephony systems name recordings by when they happened, so this is the
                 most trustworthy source.
2. ``embedded``  a date tag inside the audio file (WAV ``ICRD``, FLAC/Ogg ``DATE``).
3. ``mtime``     the audio file's modification time (UTC). Copying a file can change it,
                 which is why it comes after the two above.
4. ``analyzed``  the day ``sidebyside analyze`` processed the call (UTC), when the audio
                 is gone or says nothing.

All dates are calendar days in UTC, so the same workspace partitions the same
way on every machine.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from .workspace import WorkspaceError

SOURCES = ("pattern", "embedded", "mtime", "analyzed")

# Lookarounds keep us from reading a date out of the middle of a longer number.
_DEFAULT_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>\d\d)(?P=sep)(?P<day>\d\d)(?!\d)"),
)
_STRFTIME = {
    "Y": r"(?P<year>\d{4})",
    "y": r"(?P<year2>\d{2})",
    "m": r"(?P<month>\d{1,2})",
    "d": r"(?P<day>\d{1,2})",
    "b": r"(?P<mon>[A-Za-z]{3})",
    "H": r"\d{2}", "M": r"\d{2}", "S": r"\d{2}",
    "%": "%",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class CallDate:
    day: date
    source: str  # one of SOURCES


def compile_date_pattern(spec: str) -> re.Pattern[str]:
    """A ``--date-pattern``: a strftime-like pattern (``call_%Y%m%d``) or a regex.

    A regex needs named groups ``year``, ``month`` and ``day``. A strftime pattern is
    searched anywhere in the name, so ``%Y%m%d`` finds ``queue7_20240501_0931``.
    """
    if "%" in spec:
        out, i = [], 0
        while i < len(spec):
            ch = spec[i]
            if ch == "%" and i + 1 < len(spec):
                code = spec[i + 1]
                if code not in _STRFTIME:
                    raise WorkspaceError(f"--date-pattern {spec!r}: unsupported directive %{code} "
                                         f"(use %Y %y %m %d %b %H %M %S)")
                out.append(_STRFTIME[code])
                i += 2
            else:
                out.append(re.escape(ch))
                i += 1
        regex = "".join(out)
    else:
        regex = spec
    try:
        pattern = re.compile(regex)
    except re.error as exc:
        raise WorkspaceError(f"--date-pattern {spec!r}: not a valid regular expression ({exc})") from None
    groups = set(pattern.groupindex)
    if not ({"year", "year2"} & groups and {"month", "mon"} & groups and "day" in groups):
        raise WorkspaceError(
            f"--date-pattern {spec!r}: needs named groups year, month and day "
            "(e.g. '(?P<year>\\d{4})(?P<month>\\d\\d)(?P<day>\\d\\d)') or a strftime pattern like '%Y%m%d'"
        )
    return pattern


def resolve_call_date(call: dict, pattern: re.Pattern[str] | None = None) -> CallDate:
    """The day of one call (a ``calls`` row as a dict); see the module docstring for the order."""
    source = call.get("source_path") or ""
    names = [call["call_id"], Path(source).name] if source else [call["call_id"]]
    found = _from_names(names, pattern)
    if found:
        return CallDate(found, "pattern")
    if source and os.path.isfile(source):
        embedded = _embedded_date(source)
        if embedded:
            return CallDate(embedded, "embedded")
        try:
            mtime = os.stat(source).st_mtime
            return CallDate(datetime.fromtimestamp(mtime, timezone.utc).date(), "mtime")
        except OSError:
            pass
    analyzed = call.get("analyzed_at")
    if isinstance(analyzed, datetime):
        aware = analyzed if analyzed.tzinfo else analyzed.replace(tzinfo=timezone.utc)
        return CallDate(aware.astimezone(timezone.utc).date(), "analyzed")
    raise WorkspaceError(f"call {call['call_id']!r}: no date in its name, audio file or analysis time")


def date_from_name(name: str, pattern: re.Pattern[str] | None = None) -> date | None:
    return _from_names([name], pattern)


def _from_names(names: list[str], pattern: re.Pattern[str] | None) -> date | None:
    for name in names:
        for p in (pattern,) if pattern is not None else _DEFAULT_PATTERNS:
            for m in p.finditer(name):
                d = _date_from_match(m)
                if d is not None:
                    return d
    return None


def _date_from_match(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        year = int(g["year"]) if g.get("year") else 2000 + int(g["year2"])
        if g.get("month"):
            month = int(g["month"])
        else:
            month = _MONTHS.index(g["mon"][:3].lower()) + 1
        return date(year, month, int(g["day"]))
    except (KeyError, TypeError, ValueError):
        return None  # 2024-13-45 is not a date; keep looking


def _embedded_date(path: str) -> date | None:
    try:
        import soundfile as sf

        with sf.SoundFile(path) as f:
            tag = (f.date or "").strip()
    except Exception:  # any unreadable file simply has no embedded date
        return None
    m = re.match(r"(\d{4})[-:/.]?(\d{2})[-:/.]?(\d{2})", tag)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
