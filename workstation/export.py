"""Export annotations to Parquet from the TUI: one function, so the backend can switch.

The project-wide exporter (``annotations.export.export_workspace``, the same code as
``sidebyside export``) is used when present: it writes every table, partitioned by call
date, redacted, atomically replacing ``OUT_DIR/exports``. Without it, annotations alone
are written here with pyarrow.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from annotations import AnnotationStore
from audio_pipeline import tables

EXPORT_FOLDER = "exports"

FALLBACK_SCHEMA = pa.schema([
    ("annotation_id", pa.string()),
    ("call_id", pa.string()),
    ("start_s", pa.float64()),
    ("end_s", pa.float64()),
    ("category", pa.string()),
    ("category_label", pa.string()),
    ("stage", pa.string()),
    ("departments", pa.list_(pa.string())),
    ("severity", pa.int32()),
    ("note", pa.string()),
    ("reviewer", pa.string()),
    ("updated_by", pa.string()),
    ("event_id", pa.string()),
    ("verdict", pa.string()),
    ("version", pa.int32()),
    ("created_at", pa.timestamp("us", tz="UTC")),
    ("updated_at", pa.timestamp("us", tz="UTC")),
])


def export_annotations(workspace: Path, store: AnnotationStore) -> Path:
    """Export the workspace's annotations; returns the folder or file that holds them."""
    try:
        from annotations.export import export_workspace
    except ImportError:
        return _export_local(Path(workspace), store)
    report = export_workspace(workspace, Path(workspace) / EXPORT_FOLDER)
    return Path(report.out) / "annotations"


def _export_local(workspace: Path, store: AnnotationStore) -> Path:
    rows = [a for a in store.list() if not a.deleted]
    cols: dict[str, list] = {f.name: [] for f in FALLBACK_SCHEMA}
    for a in rows:
        for name in cols:
            v = getattr(a, name)
            cols[name].append(list(v) if name == "departments" else v)
    table = pa.Table.from_pydict(cols, schema=FALLBACK_SCHEMA)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    path = workspace / EXPORT_FOLDER / f"annotations-{stamp}.parquet"
    tables.write_table(table, path, "annotations")
    return path
