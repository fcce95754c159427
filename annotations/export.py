"""``sidebyside export``: a workspace as Hive-partitioned Parquet that analysts can trust.

Layout: ``OUT/<table>/call_date=YYYY-MM-DD/part-0.parquet`` for the tables calls,
utterances, words, turns, events (when the workspace has detections), annotations
and annotation_history, plus ``OUT/_export.json`` (what was exported, when, how).
Every table has one file per call date of the export, even when that file holds
no rows, so a glob over a table never comes back empty and every reader sees
the same schema.

Trust properties, each covered by ``tests/export``:

* Atomic: everything is written to a hidden folder beside ``OUT`` and swapped
  in with one ``renameat2(RENAME_EXCHANGE)`` (two renames where the kernel lacks
  it); a crash at any point leaves the previous export readable, and the next
  export cleans up or restores whatever a crash left.
* Repeatable: rows are sorted, dictionaries rebuilt per file, and no export-time
  value is written into the Parquet files (``exported_at`` is only in
  ``_export.json``), so exporting the same workspace twice gives identical files.
* Redacted by default: PII in transcripts, notes and evidence becomes ``[CARD]``,
  ``[DOB]``, ... (see :mod:`annotations.redact`); each file says whether it was
  redacted in its ``sidebyside.redacted`` metadata.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from audio_pipeline import tables

from . import workspace as wsp
from .calldate import CallDate, compile_date_pattern, date_from_name, resolve_call_date
from .models import Annotation, HistoryEntry
from .redact import redact_text, redact_texts, redact_tokens
from .workspace import WorkspaceError

EXPORT_SCHEMA_VERSION = "1"
MANIFEST = "_export.json"
FORMAT = "sidebyside-export"
PARTITION = "call_date"

_DICT = pa.dictionary(pa.int32(), pa.string())
_UTC_US = pa.timestamp("us", tz="UTC")

CALLS = pa.schema(list(tables.CALLS) + [pa.field("call_date_source", _DICT)])

_ANNOTATION_FIELDS = [
    ("annotation_id", pa.string()),
    ("call_id", _DICT),
    ("start_s", pa.float64()),
    ("end_s", pa.float64()),
    ("category", _DICT),
    ("category_label", _DICT),
    ("stage", _DICT),
    ("departments", pa.list_(pa.string())),
    ("severity", pa.int16()),
    ("note", pa.string()),
    ("reviewer", _DICT),
    ("created_at", _UTC_US),
    ("updated_at", _UTC_US),
    ("updated_by", _DICT),
    ("event_id", pa.string()),
    ("verdict", _DICT),
    ("version", pa.int32()),
    ("deleted", pa.bool_()),
    ("deleted_at", _UTC_US),
]
ANNOTATIONS = pa.schema(_ANNOTATION_FIELDS)
ANNOTATION_HISTORY = pa.schema(
    [("annotation_id", pa.string()), ("version", pa.int32()), ("op", _DICT),
     ("changed_by", _DICT), ("changed_at", _UTC_US)]
    + [f for f in _ANNOTATION_FIELDS if f[0] not in ("annotation_id", "version")]
)

SCHEMAS: dict[str, pa.Schema] = {
    "calls": CALLS,
    "utterances": tables.UTTERANCES,
    "words": tables.WORDS,
    "turns": tables.TURNS,
    "events": tables.EVENTS,
    "annotations": ANNOTATIONS,
    "annotation_history": ANNOTATION_HISTORY,
}
# Row order inside each file; the last key makes every order total.
SORT_KEYS: dict[str, list[str]] = {
    "calls": ["call_id"],
    "utterances": ["call_id", "utterance_id", "start_s"],
    "words": ["call_id", "utterance_id", "start_s", "end_s", "_row"],
    "turns": ["call_id", "start_s", "end_s", "speaker", "_row"],
    "events": ["call_id", "start_s", "end_s", "event_id", "_row"],
    "annotations": ["call_id", "start_s", "created_at", "annotation_id"],
    "annotation_history": ["call_id", "annotation_id", "version"],
}


@dataclass
class ExportReport:
    out: Path
    redacted: bool
    rows: dict[str, int] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)
    date_sources: dict[str, int] = field(default_factory=dict)


def export_workspace(
    workspace: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    redact: bool = True,
    date_pattern: str | None = None,
) -> ExportReport:
    """Export ``workspace`` to ``out``, replacing an earlier export there atomically."""
    ws = wsp.workspace_path(workspace)
    out = Path(out)
    _check_not_workspace(ws, out)
    pattern = compile_date_pattern(date_pattern) if date_pattern else None
    data, call_dates = build_tables(ws, redact=redact, pattern=pattern)
    dates = sorted({d for col in data.values() for d in _dates_of(col)})

    out.parent.mkdir(parents=True, exist_ok=True)
    with _export_lock(out):
        _recover_leftovers(out)
        _check_replaceable(out)
        tmp = out.parent / f".{out.name}.export-tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        try:
            report = ExportReport(out=out, redacted=redact, dates=[d.isoformat() for d in dates])
            for name, table in data.items():
                meta = _file_metadata(ws, name, redact)
                for d in dates:
                    part = _partition(table, d, SCHEMAS[name], meta)
                    _write_part(part, tmp / name / f"{PARTITION}={d.isoformat()}" / "part-0.parquet")
                report.rows[name] = table.num_rows
            report.date_sources = dict(sorted(Counter(c.source for c in call_dates.values()).items()))
            _write_manifest(tmp, ws, report, date_pattern, call_dates)
            for folder in sorted(tmp.rglob("*"), reverse=True):
                if folder.is_dir():
                    tables.fsync_dir(folder)
            tables.fsync_dir(tmp)
            _publish(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return report


def build_tables(
    ws: Path, *, redact: bool = True, pattern: re.Pattern[str] | None = None
) -> tuple[dict[str, pa.Table], dict[str, CallDate]]:
    """Every export table in final row order, each with a ``call_date`` column to partition on."""
    calls = wsp.read(ws, "calls")
    call_rows = calls.to_pylist()
    if not call_rows:
        # With no call there is no date to partition by, and an export of nothing
        # would replace a good earlier one.
        raise WorkspaceError(f"{ws / 'calls.parquet'}: holds no calls; nothing to export")
    call_dates = {r["call_id"]: resolve_call_date(r, pattern) for r in call_rows}
    annotations, history = wsp.read_store(ws)
    day_of = {cid: cd.day for cid, cd in call_dates.items()}
    day_of.update(_orphan_days(annotations, day_of, pattern))

    out: dict[str, pa.Table] = {}
    calls = calls.append_column(
        pa.field("call_date_source", _DICT),
        pa.array([call_dates[r["call_id"]].source for r in call_rows]).dictionary_encode(),
    )
    out["calls"] = calls
    for name in ("utterances", "words", "turns", "events"):
        if name == "events" and not wsp.has_table(ws, "events"):
            continue
        out[name] = wsp.read(ws, name)
    out["annotations"] = pa.Table.from_pylist([_annotation_row(a) for a in annotations], schema=ANNOTATIONS)
    out["annotation_history"] = pa.Table.from_pylist(
        [_history_row(h) for h in history], schema=ANNOTATION_HISTORY
    )

    for name, table in out.items():
        table = _sorted(table, SORT_KEYS[name])
        if redact:
            table = _redacted(name, table)
        unknown = sorted({c for c in table.column("call_id").to_pylist() if c not in day_of})
        if unknown:
            # A row whose call is in no calls row and has no annotation has no date to go under.
            raise WorkspaceError(
                f"{ws / (name + '.parquet')}: rows for call(s) not in calls.parquet: {', '.join(unknown[:5])}"
            )
        days = pa.array([day_of[c] for c in table.column("call_id").to_pylist()], pa.date32())
        out[name] = table.append_column(PARTITION, days)
    return out, call_dates


# ------------------------------------------------------------------ rows


def _annotation_row(a: Annotation) -> dict:
    return {
        "annotation_id": a.annotation_id, "call_id": a.call_id, "start_s": a.start_s,
        "end_s": a.end_s, "category": a.category, "category_label": a.category_label,
        "stage": a.stage, "departments": list(a.departments), "severity": a.severity,
        "note": a.note, "reviewer": a.reviewer, "created_at": a.created_at,
        "updated_at": a.updated_at, "updated_by": a.updated_by, "event_id": a.event_id,
        "verdict": a.verdict, "version": a.version, "deleted": a.deleted, "deleted_at": a.deleted_at,
    }


def _history_row(h: HistoryEntry) -> dict:
    return {**_annotation_row(h.annotation), "op": h.op, "changed_by": h.changed_by,
            "changed_at": h.changed_at}


def _orphan_days(
    annotations: list[Annotation], known: dict[str, date], pattern: re.Pattern[str] | None
) -> dict[str, date]:
    """Dates for annotated calls missing from calls.parquet: a date in the id, else the first annotation's day."""
    out: dict[str, date] = {}
    for a in sorted(annotations, key=lambda a: a.created_at):
        if a.call_id in known or a.call_id in out:
            continue
        out[a.call_id] = date_from_name(a.call_id, pattern) or a.created_at.astimezone(timezone.utc).date()
    return out


def _sorted(table: pa.Table, keys: list[str]) -> pa.Table:
    helper = {}
    for k in keys:
        if k == "_row":
            helper[k] = pa.array(range(table.num_rows), pa.int64())
            continue
        col = table.column(k)
        helper[k] = col.cast(pa.string()) if pa.types.is_dictionary(col.type) else col
    order = pc.sort_indices(pa.table(helper), sort_keys=[(k, "ascending") for k in keys])
    return table.take(order)


def _redacted(name: str, table: pa.Table) -> pa.Table:
    if name == "utterances":
        return _replace(table, "text", _per_call(table, "text", redact_texts))
    if name == "words":
        return _replace(table, "word", _per_call(table, "word", redact_tokens))
    if name == "events":
        return _replace(table, "evidence", [redact_text(t) for t in table.column("evidence").to_pylist()])
    if name in ("annotations", "annotation_history"):
        return _replace(table, "note", [redact_text(t) for t in table.column("note").to_pylist()])
    return table


def _per_call(table: pa.Table, column: str, fn) -> list:
    """Apply ``fn`` to each call's values in row order, so context runs across rows of a call."""
    calls = table.column("call_id").cast(pa.string()).to_pylist()
    values = table.column(column).to_pylist()
    out: list = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or calls[i] != calls[start]:
            out.extend(fn(values[start:i]))
            start = i
    return out


def _replace(table: pa.Table, column: str, values: list) -> pa.Table:
    i = table.schema.get_field_index(column)
    return table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))


# ---------------------------------------------------------------- writing


def _dates_of(table: pa.Table) -> set[date]:
    return set(pc.unique(table.column(PARTITION)).to_pylist())


def _partition(table: pa.Table, day: date, schema: pa.Schema, meta: dict[bytes, bytes]) -> pa.Table:
    part = table.filter(pc.equal(table.column(PARTITION), pa.scalar(day, pa.date32())))
    part = part.drop_columns([PARTITION]).combine_chunks()
    columns = []
    for f in schema:
        col = part.column(f.name)
        if pa.types.is_dictionary(f.type):
            # Rebuilt per file: a filtered column keeps the whole table's dictionary,
            # which would make a file's bytes depend on what else was exported.
            col = pc.dictionary_encode(col.cast(pa.string())).cast(f.type)
        columns.append(col)
    return pa.Table.from_arrays(columns, schema=schema.with_metadata(meta))


def _file_metadata(ws: Path, name: str, redact: bool) -> dict[bytes, bytes]:
    meta = {
        b"sidebyside.export_schema_version": EXPORT_SCHEMA_VERSION.encode(),
        b"sidebyside.source_schema_version": tables.SCHEMA_VERSION.encode(),
        b"sidebyside.table": name.encode(),
        b"sidebyside.partitioned_by": PARTITION.encode(),
        b"sidebyside.redacted": b"true" if redact else b"false",
    }
    if name in wsp.SCHEMAS:
        models = wsp.source_metadata(ws, name).get(b"sidebyside.models")
        if models:
            meta[b"sidebyside.models"] = models
    return meta


def _write_part(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        pq.write_table(table, f, compression="zstd")
        f.flush()
        os.fsync(f.fileno())


def _write_manifest(
    tmp: Path, ws: Path, report: ExportReport, date_pattern: str | None, call_dates: dict[str, CallDate]
) -> None:
    manifest = {
        "format": FORMAT,
        "export_schema_version": EXPORT_SCHEMA_VERSION,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "workspace": str(ws.resolve()),
        "redacted": report.redacted,
        "partitioned_by": PARTITION,
        "date_pattern": date_pattern,
        "tables": report.rows,
        "dates": report.dates,
        "call_dates": {cid: {"date": cd.day.isoformat(), "source": cd.source}
                       for cid, cd in sorted(call_dates.items())},
    }
    with open(tmp / MANIFEST, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())


# ------------------------------------------------------- swap and recovery


def _check_not_workspace(ws: Path, out: Path) -> None:
    ws_r, out_r = ws.resolve(), out.resolve()
    if out_r == ws_r or out_r in ws_r.parents:
        raise WorkspaceError(
            f"{out}: is the workspace or contains it; an export replaces its folder, choose another --out"
        )


def _check_replaceable(out: Path) -> None:
    """Only an earlier export or an empty folder may be replaced: never someone's documents."""
    if not out.exists():
        return
    if not out.is_dir():
        raise WorkspaceError(f"{out}: exists and is a file, not an export folder")
    if not any(out.iterdir()):
        return
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise WorkspaceError(
            f"{out}: exists and is not a SideBySide export (no valid {MANIFEST}); "
            "refusing to replace it, choose a new or empty folder"
        )


@contextmanager
def _export_lock(out: Path) -> Iterator[None]:
    # Two exports to one folder would each swap in their own copy; serialise them.
    # Holding the lock also means every hidden export folder we find is a crash leftover.
    lock_path = out.parent / f".{out.name}.export-lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _leftovers(out: Path, kind: str) -> list[Path]:
    prefix = f".{out.name}.export-{kind}-"
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix) and p.is_dir())


def _recover_leftovers(out: Path) -> None:
    """Undo what a crashed export left: restore a displaced export, drop half-written ones."""
    olds = _leftovers(out, "old")
    if not out.exists() and olds:
        newest = max(olds, key=lambda p: p.stat().st_mtime)
        os.rename(newest, out)
        tables.fsync_dir(out.parent)
        olds.remove(newest)
    for p in olds + _leftovers(out, "tmp"):
        shutil.rmtree(p, ignore_errors=True)


def _publish(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.rename(tmp, out)
    elif _exchange(tmp, out):
        shutil.rmtree(tmp)  # now holds the previous export
    else:
        old = out.parent / tmp.name.replace("export-tmp-", "export-old-")
        os.rename(out, old)
        tables.fsync_dir(out.parent)
        try:
            os.rename(tmp, out)
        except BaseException:
            os.rename(old, out)
            raise
        tables.fsync_dir(out.parent)
        shutil.rmtree(old)
    tables.fsync_dir(out.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))
