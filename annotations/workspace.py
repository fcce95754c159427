"""Read what ``sidebyside analyze`` and the reviewers left in a workspace folder.

A workspace is the folder ``analyze --out`` wrote: ``calls.parquet``,
``utterances.parquet``, ``words.parquet``, ``turns.parquet``, optionally
``events.parquet`` (detections) and ``annotations.sqlite`` (the reviewers'
store). Export, clip and agreement all read it through here, so a missing or
unreadable file gives the same one-line error everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from audio_pipeline import tables

from .models import Annotation, HistoryEntry
from .store import DEFAULT_STORE_NAME, AnnotationStore

SCHEMAS: dict[str, pa.Schema] = {**tables.TABLES, "events": tables.EVENTS}


class WorkspaceError(Exception):
    """A one-line, user-facing problem with a workspace, a call or an output path."""


def workspace_path(path: str | os.PathLike[str]) -> Path:
    ws = Path(path)
    if not ws.is_dir():
        raise WorkspaceError(f"{ws}: no such workspace folder (run `sidebyside analyze ... --out {ws}` first)")
    if not (ws / "calls.parquet").is_file():
        raise WorkspaceError(
            f"{ws}: no calls.parquet here; is this the folder `sidebyside analyze --out` wrote?"
        )
    return ws


def has_table(ws: Path, name: str) -> bool:
    return (ws / f"{name}.parquet").is_file()


def read(ws: Path, name: str) -> pa.Table:
    """Table ``name`` cast to its current schema; an absent optional table reads as empty."""
    path = ws / f"{name}.parquet"
    schema = SCHEMAS[name]
    if not path.is_file():
        if name == "calls":
            raise WorkspaceError(f"{path}: missing")
        return schema.empty_table()
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise WorkspaceError(f"{path}: unreadable Parquet file ({_first_line(exc)})") from None
    missing = [f.name for f in schema if f.name not in table.column_names]
    if missing:
        raise WorkspaceError(f"{path}: missing column(s) {', '.join(missing)}; re-run analyze")
    try:
        return table.select([f.name for f in schema]).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise WorkspaceError(f"{path}: unexpected column types ({_first_line(exc)})") from None


def source_metadata(ws: Path, name: str) -> dict[bytes, bytes]:
    path = ws / f"{name}.parquet"
    return dict(pq.read_schema(path).metadata or {}) if path.is_file() else {}


def read_store(ws: Path) -> tuple[list[Annotation], list[HistoryEntry]]:
    """All annotations (deleted ones too) and their full history; empty if no store exists."""
    if not (ws / DEFAULT_STORE_NAME).is_file():
        return [], []
    with AnnotationStore.open(ws, create=False) as store:
        return store.list(include_deleted=True), store.history()


def calls_by_id(ws: Path) -> dict[str, dict]:
    return {r["call_id"]: r for r in read(ws, "calls").to_pylist()}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
