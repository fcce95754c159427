"""Bad input is refused with a clear one-line error and leaves data untouched."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from annotations import (
    SCHEMA_VERSION,
    AnnotationStore,
    CorruptStoreError,
    NewerSchemaError,
    StoreError,
    StoreOpenError,
    TaxonomyError,
    UnknownCallError,
    ValidationError,
    load_taxonomy,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    msg = str(exc.value)
    assert "\n" not in msg and msg.strip() == msg and msg
    return msg


# --------------------------------------------------------------- field values

GOOD = dict(call_id="call-1", start_s=1.0, end_s=2.0, category="dead_air", reviewer="maria")


@pytest.mark.parametrize(
    "override, needle",
    [
        ({"start_s": 10.0, "end_s": 5.0}, "end_s (5.0) is before start_s (10.0)"),
        ({"start_s": -0.5}, "start_s must not be negative"),
        ({"end_s": float("nan")}, "end_s must be finite"),
        ({"start_s": "1.0"}, "start_s must be a number"),
        ({"category": "rudeness"}, "unknown category 'rudeness'"),
        ({"stage": "payment"}, "unknown stage 'payment'"),
        ({"departments": ["billing", "legal"]}, "unknown department 'legal'"),
        ({"severity": 0}, "severity must be an integer from 1 to 5, got 0"),
        ({"severity": 6}, "severity must be an integer from 1 to 5, got 6"),
        ({"severity": 2.5}, "got 2.5"),
        ({"severity": True}, "got True"),
        ({"verdict": "maybe", "event_id": "e1"}, "unknown verdict 'maybe'"),
        ({"verdict": "confirmed"}, "needs the event_id"),
        ({"reviewer": ""}, "reviewer must be a non-empty name"),
        ({"reviewer": "   "}, "reviewer must be a non-empty name"),
        ({"call_id": ""}, "call_id must be a non-empty string"),
        ({"note": None}, "note must be text"),
    ],
)
def test_bad_annotation_values_are_refused_with_a_clear_error(
    store: AnnotationStore, override: dict, needle: str
) -> None:
    args = {**GOOD, **override}
    call_id, start_s, end_s, category = (args.pop(k) for k in ("call_id", "start_s", "end_s", "category"))
    with pytest.raises(ValidationError) as exc:
        store.add(call_id, start_s, end_s, category, **args)
    assert needle in _one_line(exc)
    assert store.list(include_deleted=True) == [] and store.history() == []


def test_unknown_call_id_is_refused_naming_the_call(workspace: Path) -> None:
    with AnnotationStore.open(workspace, known_calls={"call-1", "call-2"}) as store:
        ok = store.add("call-2", 0, 1, "dead_air", reviewer="maria")
        with pytest.raises(UnknownCallError) as exc:
            store.add("call-9", 0, 1, "dead_air", reviewer="maria")
        assert "unknown call_id 'call-9'" in _one_line(exc)
        with pytest.raises(UnknownCallError, match="call-9"):
            store.review_detection("call-9", "e", "rejected", reviewer="maria",
                                   start_s=0, end_s=1, category="dead_air")
        assert [a.annotation_id for a in store.list()] == [ok.annotation_id]


def test_unknown_verdict_in_review_detection_is_refused(store: AnnotationStore) -> None:
    with pytest.raises(ValidationError, match="unknown verdict 'yes'"):
        store.review_detection("c", "e", "yes", reviewer="r", start_s=0, end_s=1,
                               category="dead_air")
    with pytest.raises(ValidationError, match="unknown verdict None"):
        store.review_detection("c", "e", None, reviewer="r", start_s=0, end_s=1,  # type: ignore[arg-type]
                               category="dead_air")
    assert store.list() == []


def test_point_annotation_with_equal_start_and_end_is_allowed(store: AnnotationStore) -> None:
    ann = store.add("c", 12, 12, "positive_moment", reviewer="r")
    assert ann.duration_s == 0.0


# ------------------------------------------------------------------ store files


def test_random_bytes_store_file_gives_clear_error_and_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    path.write_bytes(random.Random(1).randbytes(64 * 1024))
    before = _digest(path)
    for create in (True, False):
        with pytest.raises(CorruptStoreError) as exc:
            AnnotationStore.open(path, create=create)
        msg = _one_line(exc)
        assert str(path) in msg and "not an SQLite database" in msg
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.sqlite"]


def test_sqlite_header_with_garbage_body_gives_clear_error_and_is_not_modified(
    tmp_path: Path,
) -> None:
    path = tmp_path / "annotations.sqlite"
    body = bytearray(random.Random(2).randbytes(16 * 1024))
    body[:16] = b"SQLite format 3\x00"
    body[18:20] = b"\x01\x01"  # rollback-journal mode, so SQLite creates no -wal/-shm
    path.write_bytes(bytes(body))
    before = _digest(path)
    with pytest.raises(CorruptStoreError) as exc:
        AnnotationStore.open(path)
    assert str(path) in _one_line(exc)
    assert _digest(path) == before


def test_truncated_store_file_is_refused_not_rebuilt(workspace: Path) -> None:
    with AnnotationStore.open(workspace) as store:
        for i in range(200):
            store.add("c", i, i + 1, "dead_air", note="x" * 200, reviewer="r")
    path = workspace / "annotations.sqlite"
    data = path.read_bytes()
    assert len(data) > 3 * 4096
    path.write_bytes(data[: len(data) // 3])
    before = _digest(path)
    with pytest.raises(CorruptStoreError) as exc:
        with AnnotationStore.open(workspace) as store:
            store.list()
    assert str(path) in _one_line(exc)
    assert _digest(path) == before


def test_store_from_a_newer_sidebyside_is_refused_and_left_untouched(workspace: Path) -> None:
    with AnnotationStore.open(workspace) as store:
        store.add("c", 0, 1, "dead_air", reviewer="maria")
    path = workspace / "annotations.sqlite"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = _digest(path)

    with pytest.raises(NewerSchemaError) as exc:
        AnnotationStore.open(workspace)
    assert _one_line(exc) == (
        f"{path} was written by a newer SideBySide "
        f"(schema {SCHEMA_VERSION + 5} > {SCHEMA_VERSION}); upgrade SideBySide"
    )
    assert _digest(path) == before
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    assert raw.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    raw.close()


def test_another_applications_sqlite_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    raw.commit()
    raw.close()
    before = _digest(path)
    with pytest.raises(StoreOpenError) as exc:
        AnnotationStore.open(path)
    assert "not a SideBySide annotation store" in _one_line(exc)
    assert _digest(path) == before


def test_missing_store_with_create_false_is_an_error_and_nothing_is_created(workspace: Path) -> None:
    with pytest.raises(StoreOpenError) as exc:
        AnnotationStore.open(workspace, create=False)
    assert "does not exist" in _one_line(exc)
    assert list(workspace.iterdir()) == []


def test_store_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreOpenError, match="does not exist"):
        AnnotationStore.open(tmp_path / "no" / "such" / "annotations.sqlite")


def test_new_store_is_migrated_to_the_current_schema(workspace: Path) -> None:
    AnnotationStore.open(workspace).close()
    raw = sqlite3.connect(workspace / "annotations.sqlite")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"annotations", "annotation_history"} <= tables
    raw.close()
    # Reopening an up-to-date store is a no-op, not a second migration.
    AnnotationStore.open(workspace).close()


def test_pending_migrations_run_on_open(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotations import schema

    with AnnotationStore.open(workspace) as store:
        ann = store.add("c", 0, 1, "dead_air", reviewer="maria")

    def _m_add_index(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE INDEX annotations_by_reviewer ON annotations (reviewer)")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _m_add_index])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with AnnotationStore.open(workspace) as store:
        assert store.get(ann.annotation_id) == ann
    raw = sqlite3.connect(workspace / "annotations.sqlite")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    assert raw.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'annotations_by_reviewer'"
    ).fetchone() == (1,)
    raw.close()


def test_failing_migration_rolls_back_completely(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotations import schema

    AnnotationStore.open(workspace).close()

    def _m_half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _m_half_done])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(RuntimeError, match="disk on fire"):
        AnnotationStore.open(workspace)
    raw = sqlite3.connect(workspace / "annotations.sqlite")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    assert raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    raw.close()


# -------------------------------------------------------------------- taxonomy


def test_shipped_taxonomy_has_the_expected_vocabulary() -> None:
    tax = load_taxonomy()
    assert set(tax.category_ids) >= {
        "long_hold", "hold_then_callback", "repeated_verification", "transfer_loop",
        "cold_transfer", "dead_air", "overtalk", "agent_knowledge_gap", "process_failure",
        "customer_effort", "positive_moment", "other",
    }
    assert tax.stages == ("reach", "identify", "diagnose", "resolve", "wrap_up")
    assert tax.departments == (
        "ivr", "billing", "technical_support", "customer_care", "sales", "retentions",
    )
    assert (tax.severity_min, tax.severity_max) == (1, 5)
    assert all(c.label and c.description for c in tax.categories)


@pytest.mark.parametrize(
    "text, needle",
    [
        ("stages = [\n", "invalid TOML"),
        ('stages = ["a"]\ndepartments = ["b"]\n', "missing [[categories]]"),
        ('departments = ["b"]\n[[categories]]\nid = "x"\nlabel = "X"\n', "missing 'stages'"),
        ('stages = ["a"]\ndepartments = ["b"]\n[[categories]]\nid = "x"\n', "needs a non-empty 'label'"),
        ('stages = ["a"]\ndepartments = ["b"]\n[[categories]]\nid = "Bad Id"\nlabel = "X"\n',
         "invalid id 'Bad Id'"),
        ('stages = ["a"]\ndepartments = ["b"]\n[[categories]]\nid = "x"\nlabel = "X"\n'
         '[[categories]]\nid = "x"\nlabel = "Y"\n', "duplicate category id 'x'"),
        ('stages = ["a"]\ndepartments = ["b"]\n[severity]\nmin = 5\nmax = 1\n'
         '[[categories]]\nid = "x"\nlabel = "X"\n', "min (5) is greater than max (1)"),
        ('stages = ["a", "a"]\ndepartments = ["b"]\n[[categories]]\nid = "x"\nlabel = "X"\n',
         "duplicate id 'a' in 'stages'"),
        ('stages = "a"\ndepartments = ["b"]\n[[categories]]\nid = "x"\nlabel = "X"\n',
         "'stages' must be a non-empty list"),
    ],
)
def test_malformed_taxonomy_file_error_names_the_file_and_problem(
    tmp_path: Path, text: str, needle: str
) -> None:
    path = tmp_path / "my_taxonomy.toml"
    path.write_text(text)
    with pytest.raises(TaxonomyError) as exc:
        load_taxonomy(path)
    msg = _one_line(exc)
    assert msg.startswith(f"{path}: ") and needle in msg


def test_malformed_taxonomy_from_env_var_blocks_opening_the_store(
    tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("this is = = not toml")
    monkeypatch.setenv("SIDEBYSIDE_TAXONOMY", str(path))
    with pytest.raises(TaxonomyError, match="broken.toml: invalid TOML"):
        AnnotationStore.open(workspace)
    # Refused before the store file was created.
    assert list(workspace.iterdir()) == []


def test_missing_taxonomy_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError) as exc:
        load_taxonomy(tmp_path / "nope.toml")
    assert "nope.toml: cannot read taxonomy file" in _one_line(exc)


def test_all_store_errors_share_one_base_class() -> None:
    assert issubclass(TaxonomyError, ValueError)
    for cls in (ValidationError, UnknownCallError, CorruptStoreError, NewerSchemaError,
                StoreOpenError):
        assert issubclass(cls, StoreError)
