"""``sidebyside export``: layout, types through four readers, repeatability, atomicity, redaction."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from annotations import export as export_mod
from annotations.export import MANIFEST, SCHEMAS, export_workspace
from annotations.workspace import WorkspaceError
from sidebyside.cli import main

from .builders import CARD, DATED, GONE, MTIME, PATTERNED, PII_STRINGS, TAGGED

TABLES = ["calls", "utterances", "words", "turns", "events", "annotations", "annotation_history"]
DATES = {DATED: "2024-05-01", PATTERNED: "2024-05-02", TAGGED: "2022-03-04", MTIME: "2023-01-15",
         GONE: "2024-06-30"}
SOURCES = {DATED: "pattern", PATTERNED: "pattern", TAGGED: "embedded", MTIME: "mtime", GONE: "analyzed"}


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


def dataset(folder: Path, table: str) -> pa.Table:
    part = ds.partitioning(pa.schema([("call_date", pa.date32())]), flavor="hive")
    return ds.dataset(folder / table, format="parquet", partitioning=part).to_table()


@pytest.fixture
def exported(workspace: Path, tmp_path: Path) -> Path:
    out = tmp_path / "export"
    export_workspace(workspace, out)
    return out


def test_layout_one_file_per_table_and_call_date(exported: Path) -> None:
    for table in TABLES:
        parts = sorted(p.name for p in (exported / table).iterdir())
        assert parts == sorted(f"call_date={d}" for d in set(DATES.values())), table
        for p in parts:
            assert [f.name for f in (exported / table / p).iterdir()] == ["part-0.parquet"]
    manifest = json.loads((exported / MANIFEST).read_text())
    assert manifest["format"] == "sidebyside-export" and manifest["redacted"] is True
    assert {c: v["source"] for c, v in manifest["call_dates"].items()} == SOURCES
    assert manifest["tables"]["annotations"] == 4 and manifest["tables"]["annotation_history"] == 6


def test_call_dates_from_each_source(exported: Path) -> None:
    calls = dataset(exported, "calls").to_pylist()
    assert {r["call_id"]: r["call_date"].isoformat() for r in calls} == DATES
    assert {r["call_id"]: r["call_date_source"] for r in calls} == SOURCES


def test_pyarrow_types_and_metadata(exported: Path) -> None:
    for table in TABLES:
        t = dataset(exported, table)
        expected = SCHEMAS[table].append(pa.field("call_date", pa.date32()))
        assert t.schema.remove_metadata() == expected.remove_metadata(), table
        for f in (exported / table).rglob("*.parquet"):
            meta = pq.read_schema(f).metadata
            assert meta[b"sidebyside.export_schema_version"] == b"1"
            assert meta[b"sidebyside.table"] == table.encode()
            assert meta[b"sidebyside.redacted"] == b"true"
            assert not any(b"exported" in k for k in meta)  # export time would break repeatability
    ann = dataset(exported, "annotations").to_pylist()
    first = next(a for a in ann if a["reviewer"] == "alice" and a["category"] == "customer_effort")
    assert first["departments"] == ["billing", "ivr"] and first["severity"] == 5 and first["version"] == 2
    assert first["created_at"].tzinfo is not None and first["updated_by"] == "bob"
    assert sum(a["deleted"] for a in ann) == 1
    review = next(a for a in ann if a["event_id"] == "evt-1")
    assert review["verdict"] == "confirmed"


def test_history_keeps_every_version(exported: Path) -> None:
    hist = dataset(exported, "annotation_history").to_pylist()
    assert sorted(h["op"] for h in hist) == ["create"] * 4 + ["delete", "update"]
    edited = [h for h in hist if h["note"] and "read card" in h["note"]]
    assert [h["version"] for h in edited] == [1, 2] and [h["changed_by"] for h in edited] == ["alice", "bob"]
    assert all(h["changed_at"].tzinfo is not None for h in hist)


def test_pandas_reads_typed_columns(exported: Path) -> None:
    df = pd.read_parquet(exported / "annotations")
    assert str(df["severity"].dtype) == "int16"
    assert str(df["deleted"].dtype) == "bool"
    assert str(df["created_at"].dtype) == "datetime64[us, UTC]"
    assert str(df["start_s"].dtype) == "float64"
    assert isinstance(df["category"].dtype, pd.CategoricalDtype)
    assert set(df["call_date"].astype(str)) == {"2024-05-01", "2024-05-02"}
    words = pd.read_parquet(exported / "words")
    assert len(words) == sum(pq.read_metadata(f).num_rows for f in (exported / "words").rglob("*.parquet"))
    assert str(words["probability"].dtype) == "float32"


def test_polars_reads_with_hive_dates(exported: Path) -> None:
    df = pl.read_parquet(str(exported / "annotations" / "**" / "*.parquet"), hive_partitioning=True)
    assert df.schema["call_date"] == pl.Date
    assert df.schema["departments"] == pl.List(pl.String)
    assert df.schema["severity"] == pl.Int16
    assert df.schema["created_at"] == pl.Datetime("us", "UTC")
    assert df.schema["deleted"] == pl.Boolean
    per_day = dict(df.group_by("call_date").len().iter_rows())
    assert per_day == {date(2024, 5, 1): 3, date(2024, 5, 2): 1}
    utt = pl.read_parquet(str(exported / "utterances" / "**" / "*.parquet"), hive_partitioning=True)
    assert utt.height == 6 and utt.schema["start_s"] == pl.Float64


def test_duckdb_reads_hive_partitions(exported: Path) -> None:
    con = duckdb.connect()
    glob = f"{exported}/annotations/**/*.parquet"
    rel = con.sql(f"SELECT * FROM read_parquet('{glob}', hive_partitioning=true)")
    types = dict(zip(rel.columns, [str(t) for t in rel.types]))
    assert types["call_date"] == "DATE" and types["severity"] == "SMALLINT"
    assert types["departments"] == "VARCHAR[]" and types["deleted"] == "BOOLEAN"
    assert types["created_at"] == "TIMESTAMP WITH TIME ZONE" and types["start_s"] == "DOUBLE"
    rows = con.sql(
        f"SELECT call_date, count(*) FROM read_parquet('{glob}', hive_partitioning=true) "
        "WHERE NOT deleted GROUP BY call_date ORDER BY call_date"
    ).fetchall()
    assert rows == [(date(2024, 5, 1), 3)]
    joined = con.sql(
        f"SELECT e.item, a.verdict FROM read_parquet('{exported}/events/**/*.parquet', hive_partitioning=true) e "
        f"JOIN read_parquet('{glob}', hive_partitioning=true) a USING (call_id, event_id)"
    ).fetchall()
    assert joined == [("date_of_birth", "confirmed")]


def test_rows_sorted_within_files(exported: Path) -> None:
    words = dataset(exported, "words").to_pandas()
    for _, g in words.groupby("call_id", observed=True):
        keys = list(zip(g["utterance_id"], g["start_s"]))
        assert keys == sorted(keys)


def test_export_twice_gives_identical_files(workspace: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    export_workspace(workspace, a)
    export_workspace(workspace, b)
    assert tree_digest(a) == tree_digest(b)
    first = tree_digest(a)
    export_workspace(workspace, a)  # over itself
    assert tree_digest(a) == first
    for table in TABLES:
        assert dataset(a, table).equals(dataset(b, table))


def test_failed_export_leaves_previous_intact(workspace: Path, exported: Path, monkeypatch) -> None:
    before = tree_digest(exported)
    manifest = (exported / MANIFEST).read_bytes()
    real, calls = export_mod._write_part, []

    def crash_on_third(table, path):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(table, path)

    monkeypatch.setattr(export_mod, "_write_part", crash_on_third)
    with pytest.raises(OSError, match="No space"):
        export_workspace(workspace, exported, redact=False)
    assert tree_digest(exported) == before and (exported / MANIFEST).read_bytes() == manifest
    assert [p.name for p in exported.parent.iterdir() if ".export-tmp-" in p.name] == []


def test_crash_between_renames_is_recovered(workspace: Path, exported: Path, monkeypatch) -> None:
    """A kill -9 after the old export was moved aside and before the new one arrived."""
    before = tree_digest(exported)
    old = exported.parent / f".{exported.name}.export-old-99999-deadbeef"
    os.rename(exported, old)
    half = exported.parent / f".{exported.name}.export-tmp-99999-cafebabe"
    (half / "calls").mkdir(parents=True)
    # The next export restores the previous one before doing anything, so even
    # if it fails too, analysts are back to the last good export.
    monkeypatch.setattr(export_mod, "_write_part", lambda *a: (_ for _ in ()).throw(OSError("disk gone")))
    with pytest.raises(OSError):
        export_workspace(workspace, exported)
    assert tree_digest(exported) == before
    assert not old.exists() and not half.exists()


def test_two_rename_fallback_swaps_too(workspace: Path, exported: Path, monkeypatch) -> None:
    monkeypatch.setattr(export_mod, "_exchange", lambda a, b: False)
    export_workspace(workspace, exported, redact=False)
    assert json.loads((exported / MANIFEST).read_text())["redacted"] is False
    assert [p.name for p in exported.parent.iterdir() if ".export-" in p.name and "lock" not in p.name] == []


def test_refuses_to_replace_other_folders(workspace: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("precious")
    with pytest.raises(WorkspaceError, match="not a SideBySide export"):
        export_workspace(workspace, docs)
    assert (docs / "thesis.txt").read_text() == "precious"
    with pytest.raises(WorkspaceError, match="is the workspace"):
        export_workspace(workspace, workspace)
    with pytest.raises(WorkspaceError, match="is the workspace or contains it"):
        export_workspace(workspace, workspace.parent)
    empty = tmp_path / "empty"
    empty.mkdir()
    export_workspace(workspace, empty)
    assert (empty / MANIFEST).is_file()


def _all_strings(folder: Path) -> list[str]:
    out = []
    for table in TABLES:
        t = dataset(folder, table)
        for name in t.column_names:
            col = t.column(name)
            if pa.types.is_dictionary(col.type):
                col = col.cast(pa.string())
            if pa.types.is_string(col.type):
                out.extend(v for v in col.to_pylist() if v)
    return out


def _card_runs(strings: list[str]) -> list[str]:
    """Digit runs of 4+ that are pieces of the card (separators ignored within a run)."""
    import re

    found = []
    uuid = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    for s in strings:
        if uuid.match(s):
            continue  # random ids sometimes hold four of the card's digits by chance
        for run in re.findall(r"\d[\d ,.\-]*\d", s):
            digits = re.sub(r"\D", "", run)
            if len(digits) >= 4 and any(digits[i:i + 4] in CARD for i in range(len(digits) - 3)):
                found.append(s)
    return found


def test_redacted_by_default_and_no_redact_keeps_text(workspace: Path, tmp_path: Path) -> None:
    red, clear = tmp_path / "red", tmp_path / "clear"
    export_workspace(workspace, red)
    export_workspace(workspace, clear, redact=False)
    red_text, clear_text = "\n".join(_all_strings(red)), "\n".join(_all_strings(clear))
    for pii in PII_STRINGS:
        assert pii in clear_text, pii
        assert pii not in red_text, pii
    assert _card_runs(_all_strings(red)) == []
    for label in ("[CARD]", "[EMAIL]", "[DOB]", "[POSTCODE]", "[PHONE]", "[ADDRESS]"):
        assert label in red_text, label
    # Words: each digit of the card was its own row; every one is replaced.
    words = dataset(red, "words").to_pylist()
    digit_rows = [w for w in words if w["call_id"] == DATED and w["utterance_id"] in (1, 2)][1:17]
    assert {w["word"] for w in digit_rows} == {"[CARD]"}
    # The verification item names are data, not PII.
    assert dataset(red, "events").column("item").to_pylist().count("date_of_birth") == 1
    assert pq.read_schema(next((clear / "words").rglob("*.parquet"))).metadata[b"sidebyside.redacted"] == b"false"


def test_date_pattern_option(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    # Only the strftime pattern counts now: DATED's ISO date does not match it.
    export_workspace(workspace, out, date_pattern="queue7-%Y%m%d")
    calls = {r["call_id"]: r for r in dataset(out, "calls").to_pylist()}
    assert calls[PATTERNED]["call_date_source"] == "pattern"
    assert calls[DATED]["call_date_source"] == "mtime"
    export_workspace(workspace, out, date_pattern=r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)_")
    calls = {r["call_id"]: r for r in dataset(out, "calls").to_pylist()}
    assert calls[DATED]["call_date"] == date(2024, 5, 1) and calls[PATTERNED]["call_date_source"] == "mtime"
    with pytest.raises(WorkspaceError, match="named groups year, month and day"):
        export_workspace(workspace, out, date_pattern=r"\d+")
    with pytest.raises(WorkspaceError, match="not a valid regular expression"):
        export_workspace(workspace, out, date_pattern="(")


def test_workspace_without_store_or_events(workspace: Path, tmp_path: Path) -> None:
    for name in ("annotations.sqlite", "annotations.sqlite-wal", "annotations.sqlite-shm", "events.parquet"):
        (workspace / name).unlink(missing_ok=True)
    out = tmp_path / "out"
    report = export_workspace(workspace, out)
    assert report.rows["annotations"] == 0 and "events" not in report.rows
    assert not (out / "events").exists()
    df = duckdb.sql(f"SELECT * FROM read_parquet('{out}/annotations/**/*.parquet', hive_partitioning=true)")
    assert len(df.fetchall()) == 0 and "severity" in df.columns


def test_cli_export(workspace: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "cli"
    assert main(["export", str(workspace), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "4 annotations" in printed and "PII redacted" in printed
    assert main(["export", str(tmp_path / "nope"), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("sidebyside export: ") and "nope" in err and "\n" not in err
