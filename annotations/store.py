"""The durable annotation store: one SQLite file per workspace.

Durability rules (reviewer work is the most expensive data we hold):

* WAL journal + ``synchronous=FULL``: a method that returned has its change
  fsynced; a crash or SIGKILL at any point loses at most the change that was
  still in flight, and that one was never acknowledged.
* Every write is a single ``BEGIN IMMEDIATE`` transaction, so writers from
  several reviewer processes queue on the busy timeout instead of failing, and
  read-check-write sequences (optimistic versions, re-reviews) cannot race.
* Nothing is ever physically deleted; every change appends a history row.
* A file we cannot or must not use (corrupt, other application's database,
  newer schema) is refused before anything is written to it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import validation as v
from .errors import (
    AnnotationDeletedError,
    ConflictError,
    CorruptStoreError,
    DuplicateReviewError,
    NotFoundError,
    StoreBusyError,
    StoreClosedError,
    StoreError,
    StoreOpenError,
    ValidationError,
)
from .models import Annotation, HistoryEntry
from .schema import check_compatible, migrate
from .taxonomy import Category, Taxonomy, load_taxonomy

DEFAULT_STORE_NAME = "annotations.sqlite"
BUSY_TIMEOUT_S = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"

# Fields a reviewer may change with update(). call_id and event_id identify
# what was annotated and reviewer/created_at who made it: changing those would
# be a different annotation, so they are fixed at creation.
EDITABLE_FIELDS = frozenset(
    {"start_s", "end_s", "category", "stage", "departments", "severity", "note", "verdict"}
)

_COLUMNS = tuple(f.name for f in fields(Annotation))
_COLUMN_LIST = ", ".join(_COLUMNS)
_PLACEHOLDERS = ", ".join("?" for _ in _COLUMNS)

# Sentinel for review_detection: "keep what the earlier review said".
_KEEP: Any = object()


def resolve_store_path(path: str | os.PathLike[str]) -> Path:
    """A workspace folder maps to ``<folder>/annotations.sqlite``; a file path is used as is."""
    p = Path(path)
    return p / DEFAULT_STORE_NAME if p.is_dir() else p


class AnnotationStore:
    """Create with :meth:`open`; use as a context manager or call :meth:`close`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        taxonomy: Taxonomy,
        known_calls: set[str] | frozenset[str] | None,
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self.taxonomy = taxonomy
        self.known_calls = known_calls
        # One connection may be shared by UI worker threads; the lock keeps
        # their transactions from interleaving on it.
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ open

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
        create: bool = True,
        known_calls: Iterable[str] | None = None,
    ) -> AnnotationStore:
        """Open (and if needed create and migrate) the store at ``path``.

        ``path`` is a workspace folder or the store file itself. ``taxonomy``
        is a loaded Taxonomy or a path to a taxonomy file (default: see
        :func:`annotations.taxonomy.load_taxonomy`). ``known_calls``, when
        given, restricts new annotations to those call ids.
        """
        db_path = resolve_store_path(path)
        tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
        calls = frozenset(known_calls) if known_calls is not None else None

        if db_path.exists():
            _check_is_sqlite(db_path)
        elif not create:
            raise StoreOpenError(f"{db_path}: annotation store does not exist")
        elif not db_path.parent.is_dir():
            raise StoreOpenError(f"{db_path}: folder {db_path.parent} does not exist")

        try:
            conn = sqlite3.connect(
                str(db_path),
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,  # guarded by the store's lock
            )
        except sqlite3.Error as exc:
            raise StoreOpenError(f"{db_path}: cannot open annotation store ({exc})") from None
        try:
            with _translate_errors(db_path):
                check_compatible(conn, db_path)
                _enable_wal(conn, db_path)
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                migrate(conn, db_path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, db_path, tax, calls)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- writes

    def add(
        self,
        call_id: str,
        start_s: float,
        end_s: float,
        category: str,
        *,
        stage: str | None = None,
        departments: Iterable[str] = (),
        severity: int = 3,
        note: str = "",
        reviewer: str,
        event_id: str | None = None,
        verdict: str | None = None,
    ) -> Annotation:
        """Create an annotation; it is on disk when this returns."""
        who = v.reviewer(reviewer)
        call = v.call_id(call_id, self.known_calls)
        start, end = v.times(start_s, end_s)
        cat = v.category(self.taxonomy, category)
        stg = v.stage(self.taxonomy, stage)
        deps = v.departments(self.taxonomy, departments)
        sev = v.severity(self.taxonomy, severity)
        txt = v.note(note)
        evt = v.event_id(event_id)
        ver = v.verdict(verdict)
        if ver is not None and evt is None:
            raise ValidationError("a verdict needs the event_id of the detection it reviews")

        with self._write() as conn:
            return self._create(conn, call, start, end, cat, stg, deps, sev, txt, who, evt, ver)

    def update(
        self,
        annotation_id: str,
        *,
        reviewer: str,
        expected_version: int | None = None,
        **changes: Any,
    ) -> Annotation:
        """Change some fields; returns the new version.

        Pass ``expected_version`` (the version the reviewer was looking at) to
        get a ``ConflictError`` instead of overwriting someone else's edit.
        Fields whose value does not change are not re-validated, so an
        annotation whose category has since left the taxonomy can still have
        its note edited. An update that changes nothing writes nothing.
        """
        who = v.reviewer(reviewer)
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise ValidationError(
                f"cannot update field(s) {', '.join(sorted(unknown))} "
                f"(editable: {', '.join(sorted(EDITABLE_FIELDS))})"
            )
        if not changes:
            raise ValidationError("update needs at least one field to change")

        with self._write() as conn:
            cur = self._get_for_write(conn, annotation_id)
            if cur.deleted:
                raise AnnotationDeletedError(
                    f"annotation {annotation_id} is deleted; restore it before editing"
                )
            _check_version(cur, expected_version)
            values = self._validated_changes(cur, changes)
            if not values:
                return cur
            now = _now()
            new = replace(cur, **values, version=cur.version + 1, updated_at=now, updated_by=who)
            _save(conn, new, "update", who, now)
        return new

    def delete(
        self, annotation_id: str, *, reviewer: str, expected_version: int | None = None
    ) -> Annotation:
        """Soft-delete; the annotation stays in history and can be restored."""
        who = v.reviewer(reviewer)
        with self._write() as conn:
            cur = self._get_for_write(conn, annotation_id)
            _check_version(cur, expected_version)
            if cur.deleted:
                return cur
            now = _now()
            new = replace(
                cur, deleted=True, deleted_at=now, version=cur.version + 1,
                updated_at=now, updated_by=who,
            )
            _save(conn, new, "delete", who, now)
        return new

    def restore(
        self, annotation_id: str, *, reviewer: str, expected_version: int | None = None
    ) -> Annotation:
        """Undo a delete; a no-op for an annotation that is not deleted."""
        who = v.reviewer(reviewer)
        with self._write() as conn:
            cur = self._get_for_write(conn, annotation_id)
            _check_version(cur, expected_version)
            if not cur.deleted:
                return cur
            now = _now()
            new = replace(
                cur, deleted=False, deleted_at=None, version=cur.version + 1,
                updated_at=now, updated_by=who,
            )
            _save(conn, new, "restore", who, now)
        return new

    def review_detection(
        self,
        call_id: str,
        event_id: str,
        verdict: str,
        *,
        reviewer: str,
        start_s: float,
        end_s: float,
        category: str,
        note: str = _KEEP,
        stage: str | None = _KEEP,
        departments: Iterable[str] = _KEEP,
        severity: int = _KEEP,
    ) -> Annotation:
        """Confirm or reject an automatic detection.

        A rejection is stored like a confirmation (it is training and QA data).
        Each reviewer has one verdict per detection: reviewing the same event
        again updates that annotation (restoring it if it was deleted) rather
        than adding a second one. Optional fields left out keep their earlier
        value on a re-review and take the usual defaults on a first review.
        """
        who = v.reviewer(reviewer)
        call = v.call_id(call_id, self.known_calls)
        evt = v.event_id(event_id, required=True)
        ver = v.verdict(verdict, required=True)
        optional = {
            k: val
            for k, val in (("note", note), ("stage", stage), ("departments", departments),
                           ("severity", severity))
            if val is not _KEEP
        }
        with self._write() as conn:
            cur = self._find_review(conn, call, evt, who)
            if cur is None:
                tax = self.taxonomy
                start, end = v.times(start_s, end_s)
                return self._create(
                    conn, call, start, end, v.category(tax, category),
                    v.stage(tax, optional.get("stage")),
                    v.departments(tax, optional.get("departments", ())),
                    v.severity(tax, optional.get("severity", 3)),
                    v.note(optional.get("note", "")),
                    who, evt, ver,
                )
            changes = dict(optional, start_s=start_s, end_s=end_s, category=category, verdict=ver)
            values = self._validated_changes(cur, changes)
            if not values and not cur.deleted:
                return cur
            now = _now()
            new = replace(
                cur, **values, deleted=False, deleted_at=None,
                version=cur.version + 1, updated_at=now, updated_by=who,
            )
            # Bringing back a deleted review is recorded as a restore so the
            # audit trail shows the undelete explicitly.
            _save(conn, new, "restore" if cur.deleted else "update", who, now)
        return new

    # ----------------------------------------------------------------- reads

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id (deleted ones included, see ``.deleted``), or None."""
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMN_LIST} FROM annotations WHERE annotation_id = ?",
                (annotation_id,),
            ).fetchone()
        return _from_row(row) if row else None

    def list(self, call_id: str | None = None, include_deleted: bool = False) -> list[Annotation]:
        """Annotations ordered by call, start time and creation."""
        where, params = [], []
        if call_id is not None:
            where.append("call_id = ?")
            params.append(call_id)
        if not include_deleted:
            where.append("deleted = 0")
        sql = f"SELECT {_COLUMN_LIST} FROM annotations"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY call_id, start_s, created_at, annotation_id"
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_from_row(r) for r in rows]

    def history(self, annotation_id: str | None = None) -> list[HistoryEntry]:
        """Every recorded change, oldest first (optionally for one annotation)."""
        sql = f"SELECT op, changed_by, changed_at, {_COLUMN_LIST} FROM annotation_history"
        params: tuple[Any, ...] = ()
        if annotation_id is not None:
            sql += " WHERE annotation_id = ?"
            params = (annotation_id,)
        sql += " ORDER BY history_id"
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        out = []
        for op, changed_by, changed_at, *rest in rows:
            ann = _from_row(rest)
            out.append(
                HistoryEntry(
                    annotation_id=ann.annotation_id,
                    version=ann.version,
                    op=op,
                    changed_by=changed_by,
                    changed_at=_parse_ts(changed_at),
                    annotation=ann,
                )
            )
        return out

    # -------------------------------------------------------------- internals

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._require_open()
            with _translate_errors(self.path):
                yield conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction, committed (and fsynced) before exit."""
        with self._lock:
            conn = self._require_open()
            with _translate_errors(self.path):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise

    def _require_open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreClosedError(f"{self.path}: annotation store is closed")
        return self._conn

    def _create(
        self, conn: sqlite3.Connection, call: str, start: float, end: float, cat: Category,
        stage: str | None, deps: tuple[str, ...], sev: int, note: str, who: str,
        event_id: str | None, verdict: str | None,
    ) -> Annotation:
        if event_id is not None:
            existing = self._find_review(conn, call, event_id, who)
            if existing is not None:
                raise DuplicateReviewError(
                    f"{who} already reviewed event {event_id!r} on call {call!r} "
                    f"(annotation {existing.annotation_id}); use review_detection to change it"
                )
        # Timestamp taken inside the transaction so timestamps follow commit order.
        now = _now()
        ann = Annotation(
            annotation_id=str(uuid.uuid4()), call_id=call, start_s=start, end_s=end,
            category=cat.id, category_label=cat.label, stage=stage, departments=deps,
            severity=sev, note=note, reviewer=who, created_at=now, updated_at=now,
            updated_by=who, event_id=event_id, verdict=verdict, version=1,
        )
        conn.execute(
            f"INSERT INTO annotations ({_COLUMN_LIST}) VALUES ({_PLACEHOLDERS})", _to_row(ann)
        )
        _append_history(conn, ann, "create", who, now)
        return ann

    def _get_for_write(self, conn: sqlite3.Connection, annotation_id: str) -> Annotation:
        row = conn.execute(
            f"SELECT {_COLUMN_LIST} FROM annotations WHERE annotation_id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no annotation with id {annotation_id!r}")
        return _from_row(row)

    def _find_review(
        self, conn: sqlite3.Connection, call_id: str, event_id: str, reviewer: str
    ) -> Annotation | None:
        row = conn.execute(
            f"SELECT {_COLUMN_LIST} FROM annotations"
            " WHERE call_id = ? AND event_id = ? AND reviewer = ?",
            (call_id, event_id, reviewer),
        ).fetchone()
        return _from_row(row) if row else None

    def _validated_changes(self, cur: Annotation, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate and normalise the fields that actually change; drop the rest."""
        tax = self.taxonomy
        out: dict[str, Any] = {}
        if "start_s" in changes or "end_s" in changes:
            start, end = v.times(changes.get("start_s", cur.start_s), changes.get("end_s", cur.end_s))
            if start != cur.start_s:
                out["start_s"] = start
            if end != cur.end_s:
                out["end_s"] = end
        if "category" in changes and changes["category"] != cur.category:
            cat = v.category(tax, changes["category"])
            out["category"] = cat.id
            out["category_label"] = cat.label  # label as of this edit
        if "stage" in changes and changes["stage"] != cur.stage:
            out["stage"] = v.stage(tax, changes["stage"])
        if "departments" in changes:
            raw = changes["departments"]
            if isinstance(raw, str):
                raw = (raw,)
            elif isinstance(raw, Iterable):
                raw = tuple(dict.fromkeys(raw))  # once only: it may be a generator
            if raw != cur.departments:
                out["departments"] = v.departments(tax, raw)
        if "severity" in changes and changes["severity"] != cur.severity:
            out["severity"] = v.severity(tax, changes["severity"])
        if "note" in changes and changes["note"] != cur.note:
            out["note"] = v.note(changes["note"])
        if "verdict" in changes and changes["verdict"] != cur.verdict:
            verdict = v.verdict(changes["verdict"])
            if verdict is not None and cur.event_id is None:
                raise ValidationError(
                    f"annotation {cur.annotation_id} is not a detection review; it cannot have a verdict"
                )
            out["verdict"] = verdict
        return out


# ----------------------------------------------------------------- helpers


def _check_is_sqlite(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite touches it.

    An empty file is accepted: SQLite creates new databases that way, and a
    crash right after creation can leave one behind (with the real content,
    if any, in the -wal file that SQLite will recover).
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except IsADirectoryError:
        raise StoreOpenError(f"{path}: is a folder, not an annotation store file") from None
    except OSError as exc:
        raise StoreOpenError(f"{path}: cannot read annotation store ({exc.strerror or exc})") from None
    if head and head != _SQLITE_MAGIC:
        raise CorruptStoreError(
            f"{path} is not an SQLite database (corrupt or not an annotation store); "
            "it was left untouched"
        )


def _enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    # Switching to WAL needs a brief exclusive lock; when several processes
    # open a brand-new store together the loser can get SQLITE_BUSY without
    # the busy handler, so retry until the normal busy timeout.
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            break
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    if str(mode).lower() != "wal":
        raise StoreOpenError(
            f"{path}: cannot use write-ahead logging (journal mode {mode!r}); "
            "keep the workspace on a local disk"
        )


def _is_busy(exc: sqlite3.Error) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


@contextmanager
def _translate_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3 exceptions into one-line StoreErrors naming the file."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            raise StoreBusyError(
                f"{path}: store stayed locked by another process for over {BUSY_TIMEOUT_S:.0f}s"
            ) from exc
        raise StoreError(f"{path}: {exc}") from exc
    except sqlite3.IntegrityError as exc:
        raise StoreError(f"{path}: refused by the database: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        # "file is not a database", "database disk image is malformed", ...
        raise CorruptStoreError(f"{path}: annotation store is unreadable ({exc})") from exc


def _check_version(cur: Annotation, expected_version: int | None) -> None:
    if expected_version is not None and cur.version != expected_version:
        raise ConflictError(
            f"annotation {cur.annotation_id} was changed by {cur.updated_by} "
            f"(now version {cur.version}, you edited version {expected_version}); reload and retry",
            expected_version=expected_version,
            actual_version=cur.version,
        )


def _save(conn: sqlite3.Connection, ann: Annotation, op: str, who: str, now: datetime) -> None:
    sets = ", ".join(f"{c} = ?" for c in _COLUMNS if c != "annotation_id")
    row = _to_row(ann)
    conn.execute(
        f"UPDATE annotations SET {sets} WHERE annotation_id = ?", (*row[1:], ann.annotation_id)
    )
    _append_history(conn, ann, op, who, now)


def _append_history(
    conn: sqlite3.Connection, ann: Annotation, op: str, who: str, now: datetime
) -> None:
    conn.execute(
        f"INSERT INTO annotation_history (op, changed_by, changed_at, {_COLUMN_LIST})"
        f" VALUES (?, ?, ?, {_PLACEHOLDERS})",
        (op, who, _fmt_ts(now), *_to_row(ann)),
    )


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _fmt_ts(ts: datetime) -> str:
    return ts.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _parse_ts(text: str) -> datetime:
    ts = datetime.fromisoformat(text)
    return ts if ts.tzinfo else ts.replace(tzinfo=timezone.utc)


def _to_row(a: Annotation) -> tuple[Any, ...]:
    return (
        a.annotation_id, a.call_id, a.start_s, a.end_s, a.category, a.category_label,
        a.stage, json.dumps(list(a.departments)), a.severity, a.note, a.reviewer,
        _fmt_ts(a.created_at), _fmt_ts(a.updated_at), a.updated_by, a.event_id, a.verdict,
        a.version, int(a.deleted), _fmt_ts(a.deleted_at) if a.deleted_at else None,
    )


def _from_row(r: Any) -> Annotation:
    (aid, call, start, end, cat, label, stage, deps, sev, note, reviewer,
     created, updated, updated_by, event, verdict, version, deleted, deleted_at) = r
    return Annotation(
        annotation_id=aid, call_id=call, start_s=float(start), end_s=float(end),
        category=cat, category_label=label, stage=stage, departments=tuple(json.loads(deps)),
        severity=int(sev), note=note, reviewer=reviewer, created_at=_parse_ts(created),
        updated_at=_parse_ts(updated), updated_by=updated_by, event_id=event, verdict=verdict,
        version=int(version), deleted=bool(deleted),
        deleted_at=_parse_ts(deleted_at) if deleted_at else None,
    )
