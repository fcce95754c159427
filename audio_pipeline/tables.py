"""The Parquet tables ``analyze`` writes: one schema definition, atomic writes.

Every later stage (annotation export, the workstation) reads these files, so each column name
and type is written here once.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA_VERSION = "1"
_DICT = pa.dictionary(pa.int32(), pa.string())
_UTC_US = pa.timestamp("us", tz="UTC")

CALLS = pa.schema(
    [
        ("call_id", pa.string()),
        ("source_path", pa.string()),
        ("content_sha256", pa.string()),
        ("codec", _DICT),
        ("duration_s", pa.float64()),
        ("channels", pa.int32()),
        ("sample_rate", pa.int32()),
        ("agent_channel", pa.int32()),
        ("speaker_count", pa.int32()),
        ("asr_model", _DICT),
        ("diarizer", _DICT),
        ("analyzed_at", _UTC_US),
        # Call metrics and pain points (audio_pipeline.detect); see the README for each.
        ("hold_count", pa.int32()),
        ("total_hold_s", pa.float64()),
        ("longest_hold_s", pa.float64()),
        ("queue_wait_s", pa.float64()),
        ("dead_air_s", pa.float64()),
        ("overtalk_s", pa.float64()),
        ("verification_request_count", pa.int32()),
        ("repeated_verification_count", pa.int32()),
        ("repeated_items", pa.list_(pa.string())),
        ("transfer_count", pa.int32()),
        ("transfer_loop", pa.bool_()),
        ("department_path", pa.list_(pa.string())),
        ("talk_ratio_agent", pa.float64()),
        ("agent_words_per_minute", pa.float64()),
        ("pain_score", pa.float64()),
    ]
)
# The columns the transcription stage writes; the rest are filled by detection.
BASE_CALL_COLUMNS = (
    "call_id", "source_path", "content_sha256", "codec", "duration_s", "channels", "sample_rate",
    "agent_channel", "speaker_count", "asr_model", "diarizer", "analyzed_at",
)
UTTERANCES = pa.schema(
    [
        ("call_id", _DICT),
        ("utterance_id", pa.int32()),
        ("speaker", _DICT),
        ("role", _DICT),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("text", pa.string()),
    ]
)
WORDS = pa.schema(
    [
        ("call_id", _DICT),
        ("utterance_id", pa.int32()),
        ("word", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("probability", pa.float32()),
        ("speaker", _DICT),
        ("role", _DICT),
    ]
)
# Who spoke when, independent of words: talk ratio, overtalk and diarization error need it.
TURNS = pa.schema(
    [
        ("call_id", _DICT),
        ("speaker", _DICT),
        ("role", _DICT),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
    ]
)

# Pain points found automatically (audio_pipeline.detect); the workstation and export read it.
EVENT_KINDS = (
    "hold", "queue_wait", "dead_air", "overtalk", "verification_request",
    "repeated_verification", "transfer", "transfer_loop",
)
EVENTS = pa.schema(
    [
        ("call_id", _DICT),
        ("event_id", pa.string()),
        ("kind", _DICT),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("item", _DICT),
        ("from_department", _DICT),
        ("to_department", _DICT),
        ("confidence", pa.float64()),
        ("evidence", pa.string()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "calls": CALLS,
    "utterances": UTTERANCES,
    "words": WORDS,
    "turns": TURNS,
    "events": EVENTS,
}
# What the transcription stage produces (and caches); detection adds "events" and call metrics.
TRANSCRIPTION_TABLES = ("calls", "utterances", "words", "turns")


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column) as a table of the named schema."""
    schema = TABLES[name]
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def write_table(table: pa.Table, path: Path, name: str, models: dict | None = None) -> None:
    """Write ``table`` to ``path`` atomically: readers see the old file or the new, never half.

    The data goes to a temporary file in the same folder, is flushed to disk, and replaces
    the target in one rename; the folder entry is flushed too so the rename survives a crash.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = dict(table.schema.metadata or {})
    meta[b"sidebyside.schema_version"] = SCHEMA_VERSION.encode()
    meta[b"sidebyside.table"] = name.encode()
    if models:
        meta[b"sidebyside.models"] = json.dumps(models, sort_keys=True).encode()
    table = table.replace_schema_metadata(meta)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            pq.write_table(table, f, compression="zstd")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_table(path: Path, name: str, fill_missing: bool = False) -> pa.Table:
    """Read a table we wrote, cast to the current schema (columns in schema order).

    ``fill_missing`` adds columns a file written by an older version lacks, as nulls.
    """
    table = pq.read_table(path)
    schema = TABLES[name]
    if fill_missing:
        for f in schema:
            if f.name not in table.column_names:
                table = table.append_column(f.name, pa.nulls(len(table), f.type))
    return table.select([f.name for f in schema]).cast(schema)


def schema_version(path: Path) -> str | None:
    meta = pq.read_schema(path).metadata or {}
    value = meta.get(b"sidebyside.schema_version")
    return value.decode() if value else None
