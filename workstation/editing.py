"""Every annotation change goes through here: saved to the store at once, and undoable.

The undo stack holds store operations, not UI state. Each entry remembers the annotation
before and after the change; undo drives the store back to "before" with the store's own
verbs (an add is undone by a delete, a delete by a restore, an edit by an edit back), so
the history table records the undo like any other change and nothing is ever lost.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from annotations import EDITABLE_FIELDS, Annotation, AnnotationStore, StoreError


class UndoConflict(StoreError):
    """Undo/redo refused: the annotation changed (another reviewer) since this change."""


@dataclass
class _Op:
    label: str
    before: Annotation | None  # None: the annotation did not exist before
    after: Annotation
    current: Annotation        # what the store holds now as far as we know (for conflicts)


def _field_changes(cur: Annotation, target: Annotation) -> dict[str, Any]:
    names = {f.name for f in fields(Annotation)} & EDITABLE_FIELDS
    return {n: getattr(target, n) for n in sorted(names) if getattr(cur, n) != getattr(target, n)}


class EditSession:
    """One reviewer's edits in this run of the workstation."""

    def __init__(self, store: AnnotationStore, reviewer: str, limit: int = 500) -> None:
        self.store = store
        self.reviewer = reviewer
        self._undo: list[_Op] = []
        self._redo: list[_Op] = []
        self._limit = limit

    def _sync(self, ann: Annotation) -> None:
        # Later ops on the same annotation move its version on; earlier entries must expect
        # that version, or undoing them would look like someone else's edit.
        for op in (*self._undo, *self._redo):
            if op.after.annotation_id == ann.annotation_id:
                op.current = ann

    def _push(self, op: _Op) -> None:
        self._sync(op.current)
        self._undo.append(op)
        del self._undo[:-self._limit]
        self._redo.clear()

    # ----------------------------------------------------------------- edits

    def add(self, call_id: str, start_s: float, end_s: float, category: str, **kw: Any) -> Annotation:
        ann = self.store.add(call_id, start_s, end_s, category, reviewer=self.reviewer, **kw)
        self._push(_Op("add", None, ann, ann))
        return ann

    def update(self, ann: Annotation, **changes: Any) -> Annotation:
        new = self.store.update(ann.annotation_id, reviewer=self.reviewer,
                                expected_version=ann.version, **changes)
        if new.version != ann.version:
            self._push(_Op("edit", ann, new, new))
        return new

    def delete(self, ann: Annotation) -> Annotation:
        new = self.store.delete(ann.annotation_id, reviewer=self.reviewer, expected_version=ann.version)
        if new.version != ann.version:
            self._push(_Op("delete", ann, new, new))
        return new

    def review(self, call_id: str, event_id: str, verdict: str, **kw: Any) -> Annotation:
        before = next((a for a in self.store.list(call_id, include_deleted=True)
                       if a.event_id == event_id and a.reviewer == self.reviewer), None)
        new = self.store.review_detection(call_id, event_id, verdict, reviewer=self.reviewer, **kw)
        if before is None or new.version != before.version:
            self._push(_Op(verdict[:-2] if verdict.endswith("ed") else verdict, before, new, new))
        return new

    # ------------------------------------------------------------- undo/redo

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> str | None:
        """Undo the last change; returns a description, None if nothing to undo.
        Raises UndoConflict when someone else changed the annotation since."""
        if not self._undo:
            return None
        op = self._undo[-1]
        self._sync(self._goto(op.current, op.before))
        self._redo.append(self._undo.pop())
        return f"undid {op.label}"

    def redo(self) -> str | None:
        if not self._redo:
            return None
        op = self._redo[-1]
        self._sync(self._goto(op.current, op.after))
        self._undo.append(self._redo.pop())
        return f"redid {op.label}"

    def _goto(self, known: Annotation, target: Annotation | None) -> Annotation:
        aid = known.annotation_id
        cur = self.store.get(aid)
        if cur is None:
            raise UndoConflict(f"annotation {aid} no longer exists")
        if cur.version != known.version:
            raise UndoConflict(f"annotation {aid} was changed by {cur.updated_by} since; not undone")
        who = self.reviewer
        if target is None or target.deleted:
            return self.store.delete(aid, reviewer=who, expected_version=cur.version)
        if cur.deleted:
            cur = self.store.restore(aid, reviewer=who, expected_version=cur.version)
        changes = _field_changes(cur, target)
        if changes:
            cur = self.store.update(aid, reviewer=who, expected_version=cur.version, **changes)
        return cur
