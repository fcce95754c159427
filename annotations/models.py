"""Immutable value objects handed out by the store.

Frozen so that a caller holding an Annotation cannot mistake local edits for
saved ones: the only way to change an annotation is through the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

VERDICTS = ("confirmed", "rejected")
OPS = ("create", "update", "delete", "restore")


@dataclass(frozen=True)
class Annotation:
    annotation_id: str
    call_id: str
    start_s: float
    end_s: float
    category: str
    # Label as it was when the category was chosen, so renaming or removing a
    # category in the taxonomy never rewrites what a reviewer saw.
    category_label: str
    stage: str | None
    departments: tuple[str, ...]
    severity: int
    note: str
    reviewer: str  # who created it; later editors are in updated_by / history
    created_at: datetime
    updated_at: datetime
    updated_by: str
    event_id: str | None
    verdict: str | None
    version: int
    deleted: bool = False
    deleted_at: datetime | None = None

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-friendly dict (ISO-8601 timestamps, list of departments)."""
        return {
            "annotation_id": self.annotation_id,
            "call_id": self.call_id,
            "start_s": self.start_s,
            "end_s": self.end_s,
            "category": self.category,
            "category_label": self.category_label,
            "stage": self.stage,
            "departments": list(self.departments),
            "severity": self.severity,
            "note": self.note,
            "reviewer": self.reviewer,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "updated_by": self.updated_by,
            "event_id": self.event_id,
            "verdict": self.verdict,
            "version": self.version,
            "deleted": self.deleted,
            "deleted_at": self.deleted_at.isoformat() if self.deleted_at else None,
        }


@dataclass(frozen=True)
class HistoryEntry:
    annotation_id: str
    version: int
    op: str  # one of OPS
    changed_by: str
    changed_at: datetime
    annotation: Annotation  # every field as of this version

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotation_id": self.annotation_id,
            "version": self.version,
            "op": self.op,
            "changed_by": self.changed_by,
            "changed_at": self.changed_at.isoformat(),
            "annotation": self.annotation.to_dict(),
        }
