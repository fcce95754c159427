"""Versioned schema migrations for the annotation store.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[i]`` takes a
store from version ``i`` to ``i + 1``. To change the schema, append a function;
never edit one that has shipped, because stores in the field already ran it.
Migrations must not use ``executescript`` (it commits implicitly, which would
break the all-or-nothing upgrade in ``migrate``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from .errors import NewerSchemaError, StoreOpenError

# "SBSA" — lets us tell our own stores from any other SQLite file.
APPLICATION_ID = 0x53425341

# Shared by the live table and the history table so a history row can hold
# "all fields as of that version" without a second definition drifting.
_ANNOTATION_COLUMNS_SQL = """
    annotation_id  TEXT    NOT NULL,
    call_id        TEXT    NOT NULL,
    start_s        REAL    NOT NULL,
    end_s          REAL    NOT NULL,
    category       TEXT    NOT NULL,
    category_label TEXT    NOT NULL,
    stage          TEXT,
    departments    TEXT    NOT NULL DEFAULT '[]',
    severity       INTEGER NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    reviewer       TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    updated_by     TEXT    NOT NULL,
    event_id       TEXT,
    verdict        TEXT    CHECK (verdict IS NULL OR verdict IN ('confirmed', 'rejected')),
    version        INTEGER NOT NULL CHECK (version >= 1),
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    deleted_at     TEXT,
    CHECK (start_s >= 0 AND end_s >= start_s)
"""


def _m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"CREATE TABLE annotations ({_ANNOTATION_COLUMNS_SQL}, PRIMARY KEY (annotation_id))"
    )
    conn.execute("CREATE INDEX annotations_by_call ON annotations (call_id, start_s)")
    # One verdict per reviewer per detection: a re-review updates, never duplicates.
    conn.execute(
        "CREATE UNIQUE INDEX annotations_one_review ON annotations (call_id, event_id, reviewer)"
        " WHERE event_id IS NOT NULL"
    )
    conn.execute(
        f"""CREATE TABLE annotation_history (
            history_id INTEGER PRIMARY KEY AUTOINCREMENT,
            op         TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            {_ANNOTATION_COLUMNS_SQL},
            UNIQUE (annotation_id, version)
        )"""
    )
    # Reviewer work is the most expensive data we hold: make the audit trail
    # append-only and live rows undeletable at the database level, so a buggy
    # caller (or a hand-run SQL statement) cannot silently lose it.
    conn.execute(
        "CREATE TRIGGER annotation_history_no_update BEFORE UPDATE ON annotation_history"
        " BEGIN SELECT RAISE(ABORT, 'annotation_history is append-only'); END"
    )
    conn.execute(
        "CREATE TRIGGER annotation_history_no_delete BEFORE DELETE ON annotation_history"
        " BEGIN SELECT RAISE(ABORT, 'annotation_history is append-only'); END"
    )
    conn.execute(
        "CREATE TRIGGER annotations_soft_delete_only BEFORE DELETE ON annotations"
        " BEGIN SELECT RAISE(ABORT, 'annotations are soft-deleted; set deleted = 1'); END"
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m001_initial,
]

SCHEMA_VERSION = len(MIGRATIONS)


def newer_schema_message(path: Path, found: int) -> str:
    return (
        f"{path} was written by a newer SideBySide (schema {found} > {SCHEMA_VERSION}); "
        "upgrade SideBySide"
    )


def check_compatible(conn: sqlite3.Connection, path: Path) -> int:
    """Read-only checks before anything is written; returns the current version.

    Runs before WAL is switched on (that alone rewrites the file header), so a
    store we refuse is left byte-for-byte as we found it.

    The reads share one snapshot: another process may be creating this very
    store, and its commit landing between two autocommit reads would show a
    version-0 file that already has tables, i.e. someone else's database.
    """
    conn.execute("BEGIN")
    try:
        return _check_snapshot(conn, path)
    finally:
        conn.execute("ROLLBACK")


def _check_snapshot(conn: sqlite3.Connection, path: Path) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(newer_schema_message(path, version))
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        raise StoreOpenError(
            f"{path} is an SQLite database of another application (application_id {app_id:#x}); "
            "not opening it as an annotation store"
        )
    if version == 0:
        # A version-0 file with tables in it is somebody else's database;
        # creating our tables inside it would be a nasty surprise.
        (n_objects,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if n_objects:
            raise StoreOpenError(
                f"{path} is an SQLite database but not a SideBySide annotation store; "
                "not opening it"
            )
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the store up to SCHEMA_VERSION atomically.

    Runs under BEGIN IMMEDIATE and re-reads the version inside the
    transaction, so several processes opening a fresh store at once migrate
    it exactly once; a crash mid-migration rolls back to the old version.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(newer_schema_message(path, version))
        for target in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[target - 1](conn)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
