"""Behaviour of the annotation store's API: fields, history, taxonomy, reviews."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from annotations import (
    Annotation,
    AnnotationDeletedError,
    AnnotationStore,
    ConflictError,
    DuplicateReviewError,
    HistoryEntry,
    NotFoundError,
    StoreClosedError,
    ValidationError,
    load_taxonomy,
)


def _is_utc_now(ts: datetime) -> bool:
    return (
        ts.tzinfo is not None
        and ts.utcoffset() == timedelta(0)
        and abs(datetime.now(timezone.utc) - ts) < timedelta(minutes=1)
    )


def test_every_field_round_trips_through_a_reopened_store(workspace: Path) -> None:
    with AnnotationStore.open(workspace) as store:
        made = store.add(
            "call-0042", 61.25, 187.5, "transfer_loop",
            stage="diagnose", departments=["billing", "technical_support"], severity=4,
            note="Bounced billing → tech → billing; «unicode» ok", reviewer="maria",
        )
        review = store.review_detection(
            "call-0042", "det-7", "confirmed", reviewer="maria",
            start_s=10.0, end_s=12.0, category="dead_air",
        )

    assert (workspace / "annotations.sqlite").is_file()
    with AnnotationStore.open(workspace / "annotations.sqlite", create=False) as store:
        got = store.get(made.annotation_id)
        got_review = store.get(review.annotation_id)

    assert got == made
    assert got_review == review
    assert got.call_id == "call-0042"
    assert (got.start_s, got.end_s) == (61.25, 187.5)
    assert got.category == "transfer_loop" and got.category_label == "Transfer loop"
    assert got.stage == "diagnose"
    assert got.departments == ("billing", "technical_support")
    assert got.severity == 4
    assert got.note == "Bounced billing → tech → billing; «unicode» ok"
    assert got.reviewer == "maria" and got.updated_by == "maria"
    assert _is_utc_now(got.created_at) and got.updated_at == got.created_at
    assert got.event_id is None and got.verdict is None
    assert got.version == 1 and got.deleted is False and got.deleted_at is None
    assert len(got.annotation_id) == 36 and got.annotation_id.count("-") == 4
    assert (got_review.event_id, got_review.verdict) == ("det-7", "confirmed")


def test_annotation_and_history_entry_are_frozen(store: AnnotationStore) -> None:
    ann = store.add("c", 0, 1, "other", reviewer="r")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ann.note = "sneaky"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        store.history(ann.annotation_id)[0].op = "update"  # type: ignore[misc]


def test_store_file_uses_wal_and_full_sync(workspace: Path) -> None:
    with AnnotationStore.open(workspace) as store:
        store.add("c", 0, 1, "other", reviewer="r")
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # A fresh connection (any process) sees the committed row immediately.
    raw = sqlite3.connect(workspace / "annotations.sqlite")
    assert raw.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    raw.close()


def test_edit_delete_restore_each_add_a_history_version(store: AnnotationStore) -> None:
    ann = store.add("c1", 5, 9, "long_hold", severity=2, reviewer="maria")
    edited = store.update(ann.annotation_id, reviewer="bob", severity=5, note="worse than it looked",
                          expected_version=1)
    deleted = store.delete(ann.annotation_id, reviewer="carol")
    restored = store.restore(ann.annotation_id, reviewer="maria")

    assert [edited.version, deleted.version, restored.version] == [2, 3, 4]
    assert edited.severity == 5 and edited.updated_by == "bob" and edited.reviewer == "maria"
    assert edited.updated_at >= ann.updated_at
    assert deleted.deleted is True and deleted.deleted_at is not None
    assert restored.deleted is False and restored.deleted_at is None

    hist = store.history(ann.annotation_id)
    assert all(isinstance(h, HistoryEntry) for h in hist)
    assert [(h.version, h.op, h.changed_by) for h in hist] == [
        (1, "create", "maria"),
        (2, "update", "bob"),
        (3, "delete", "carol"),
        (4, "restore", "maria"),
    ]
    # Each entry holds the full annotation as of that version.
    assert hist[0].annotation == ann
    assert hist[1].annotation == edited and hist[1].annotation.note == "worse than it looked"
    assert hist[2].annotation.deleted is True
    assert hist[3].annotation == restored == store.get(ann.annotation_id)
    assert all(_is_utc_now(h.changed_at) for h in hist)


def test_deleted_annotations_are_hidden_from_listing_but_kept(store: AnnotationStore) -> None:
    keep = store.add("c1", 0, 1, "overtalk", reviewer="r")
    gone = store.add("c1", 2, 3, "overtalk", reviewer="r")
    other_call = store.add("c2", 0, 1, "overtalk", reviewer="r")
    store.delete(gone.annotation_id, reviewer="r")

    assert [a.annotation_id for a in store.list("c1")] == [keep.annotation_id]
    assert [a.annotation_id for a in store.list("c1", include_deleted=True)] == [
        keep.annotation_id, gone.annotation_id,
    ]
    assert {a.annotation_id for a in store.list()} == {keep.annotation_id, other_call.annotation_id}
    assert store.get(gone.annotation_id).deleted is True
    # The history of every annotation is available in one call, oldest first.
    assert [(h.annotation_id, h.op) for h in store.history()] == [
        (keep.annotation_id, "create"),
        (gone.annotation_id, "create"),
        (other_call.annotation_id, "create"),
        (gone.annotation_id, "delete"),
    ]


def test_rows_cannot_be_physically_deleted_or_history_rewritten(workspace: Path) -> None:
    with AnnotationStore.open(workspace) as store:
        ann = store.add("c1", 0, 1, "overtalk", reviewer="r")
    raw = sqlite3.connect(workspace / "annotations.sqlite")
    with pytest.raises(sqlite3.IntegrityError, match="soft-deleted"):
        raw.execute("DELETE FROM annotations")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("UPDATE annotation_history SET changed_by = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("DELETE FROM annotation_history")
    raw.close()
    with AnnotationStore.open(workspace) as store:
        assert store.get(ann.annotation_id) == ann
        assert len(store.history(ann.annotation_id)) == 1


def test_stale_expected_version_raises_conflict_and_keeps_other_edit(store: AnnotationStore) -> None:
    ann = store.add("c1", 0, 10, "dead_air", reviewer="maria")
    store.update(ann.annotation_id, reviewer="bob", note="bob's note", expected_version=1)
    with pytest.raises(ConflictError, match="version 2") as exc:
        store.update(ann.annotation_id, reviewer="maria", note="maria's note", expected_version=1)
    assert (exc.value.expected_version, exc.value.actual_version) == (1, 2)
    assert store.get(ann.annotation_id).note == "bob's note"
    assert len(store.history(ann.annotation_id)) == 2
    with pytest.raises(ConflictError):
        store.delete(ann.annotation_id, reviewer="maria", expected_version=1)
    assert store.get(ann.annotation_id).deleted is False


def test_update_that_changes_nothing_writes_no_version(store: AnnotationStore) -> None:
    ann = store.add("c1", 0, 10, "dead_air", departments=["ivr"], reviewer="maria")
    same = store.update(ann.annotation_id, reviewer="bob", note="", start_s=0, departments=["ivr"])
    assert same == ann
    assert len(store.history(ann.annotation_id)) == 1


def test_update_refuses_unknown_fields_missing_ids_and_deleted_annotations(
    store: AnnotationStore,
) -> None:
    ann = store.add("c1", 0, 10, "dead_air", reviewer="maria")
    with pytest.raises(ValidationError, match="call_id"):
        store.update(ann.annotation_id, reviewer="bob", call_id="c2")
    with pytest.raises(ValidationError, match="at least one field"):
        store.update(ann.annotation_id, reviewer="bob")
    with pytest.raises(NotFoundError, match="nope"):
        store.update("nope", reviewer="bob", note="x")
    with pytest.raises(ValidationError, match="end_s"):
        store.update(ann.annotation_id, reviewer="bob", end_s=-1)
    with pytest.raises(ValidationError, match="before start_s"):
        store.update(ann.annotation_id, reviewer="bob", start_s=11)
    store.delete(ann.annotation_id, reviewer="bob")
    with pytest.raises(AnnotationDeletedError, match="restore"):
        store.update(ann.annotation_id, reviewer="bob", note="x")
    assert [h.op for h in store.history(ann.annotation_id)] == ["create", "delete"]


def test_annotation_keeps_its_label_after_the_taxonomy_changes(workspace: Path, tmp_path: Path) -> None:
    with AnnotationStore.open(workspace) as store:
        hold = store.add("c1", 0, 60, "long_hold", reviewer="maria")
        effort = store.add("c1", 70, 80, "customer_effort", stage="identify", reviewer="maria")

    # A site renames long_hold and drops customer_effort and the identify stage.
    text = (load_taxonomy().source.read_text()
            .replace('label = "Long hold"', 'label = "Excessive hold"')
            .replace('id = "customer_effort"', 'id = "customer_workload"')
            .replace('"identify", ', ""))
    custom = tmp_path / "site_taxonomy.toml"
    custom.write_text(text)

    with AnnotationStore.open(workspace, taxonomy=custom) as store:
        assert store.get(hold.annotation_id).category_label == "Long hold"
        new = store.add("c1", 100, 160, "long_hold", reviewer="bob")
        assert new.category_label == "Excessive hold"
        # Editing other fields neither re-labels nor re-validates retired values.
        edited = store.update(effort.annotation_id, reviewer="bob", note="still valid")
        assert (edited.category, edited.category_label, edited.stage) == (
            "customer_effort", "Customer effort", "identify",
        )
        edited = store.update(hold.annotation_id, reviewer="bob", category="long_hold", severity=5)
        assert edited.category_label == "Long hold"
        # Choosing a category again takes the label current at that moment.
        moved = store.update(effort.annotation_id, reviewer="bob", category="long_hold")
        assert moved.category_label == "Excessive hold"
        with pytest.raises(ValidationError, match="customer_effort"):
            store.update(hold.annotation_id, reviewer="bob", category="customer_effort")
        with pytest.raises(ValidationError, match="identify"):
            store.add("c1", 0, 1, "long_hold", stage="identify", reviewer="bob")


def test_taxonomy_from_environment_variable_is_used(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    custom = tmp_path / "env_taxonomy.toml"
    custom.write_text(
        'stages = ["only"]\ndepartments = ["desk"]\n[severity]\nmin = 0\nmax = 2\n'
        '[[categories]]\nid = "rude"\nlabel = "Rude agent"\n'
    )
    monkeypatch.setenv("SIDEBYSIDE_TAXONOMY", str(custom))
    with AnnotationStore.open(workspace) as store:
        ann = store.add("c", 0, 1, "rude", stage="only", departments=["desk"], severity=0,
                        reviewer="r")
        assert ann.category_label == "Rude agent"
        with pytest.raises(ValidationError, match="long_hold"):
            store.add("c", 0, 1, "long_hold", reviewer="r")
        with pytest.raises(ValidationError, match="from 0 to 2"):
            store.add("c", 0, 1, "rude", severity=3, reviewer="r")


def test_review_detection_confirm_and_reject_are_both_stored(store: AnnotationStore) -> None:
    ok = store.review_detection("c1", "evt-1", "confirmed", reviewer="maria",
                                start_s=30, end_s=95, category="long_hold", severity=4)
    no = store.review_detection("c1", "evt-2", "rejected", reviewer="maria",
                                start_s=120, end_s=126, category="dead_air",
                                note="music on hold, not silence")
    assert (ok.event_id, ok.verdict, ok.severity, ok.version) == ("evt-1", "confirmed", 4, 1)
    assert (no.event_id, no.verdict, no.note) == ("evt-2", "rejected", "music on hold, not silence")
    assert {(a.event_id, a.verdict) for a in store.list("c1")} == {
        ("evt-1", "confirmed"), ("evt-2", "rejected"),
    }


def test_re_reviewing_an_event_updates_the_verdict_instead_of_duplicating(
    store: AnnotationStore,
) -> None:
    first = store.review_detection("c1", "evt-1", "confirmed", reviewer="maria",
                                   start_s=30, end_s=95, category="long_hold",
                                   note="agent forgot the customer", severity=4)
    again = store.review_detection("c1", "evt-1", "rejected", reviewer="maria",
                                   start_s=30, end_s=95, category="long_hold")
    assert again.annotation_id == first.annotation_id
    assert (again.verdict, again.version) == ("rejected", 2)
    # Optional fields left out on a re-review keep the earlier values.
    assert (again.note, again.severity) == ("agent forgot the customer", 4)
    assert len(store.list("c1")) == 1

    # Same verdict again: nothing changes, nothing is written.
    same = store.review_detection("c1", "evt-1", "rejected", reviewer="maria",
                                  start_s=30, end_s=95, category="long_hold")
    assert same == again

    # Another reviewer's verdict on the same event is separate data.
    bob = store.review_detection("c1", "evt-1", "confirmed", reviewer="bob",
                                 start_s=31, end_s=90, category="long_hold")
    assert bob.annotation_id != first.annotation_id
    assert sorted((a.reviewer, a.verdict) for a in store.list("c1")) == [
        ("bob", "confirmed"), ("maria", "rejected"),
    ]

    # Reviewing again after deleting brings the same annotation back.
    store.delete(first.annotation_id, reviewer="maria")
    back = store.review_detection("c1", "evt-1", "confirmed", reviewer="maria",
                                  start_s=30, end_s=95, category="long_hold")
    assert back.annotation_id == first.annotation_id and back.deleted is False
    assert [(h.version, h.op, h.annotation.verdict) for h in store.history(first.annotation_id)] == [
        (1, "create", "confirmed"),
        (2, "update", "rejected"),
        (3, "delete", "rejected"),
        (4, "restore", "confirmed"),
    ]


def test_adding_a_second_review_of_the_same_event_directly_is_refused(store: AnnotationStore) -> None:
    store.review_detection("c1", 7, "confirmed", reviewer="maria",
                           start_s=1, end_s=2, category="overtalk")
    with pytest.raises(DuplicateReviewError, match="review_detection"):
        store.add("c1", 1, 2, "overtalk", reviewer="maria", event_id="7", verdict="rejected")
    assert [a.event_id for a in store.list()] == ["7"]


def test_store_refuses_use_after_close(workspace: Path) -> None:
    store = AnnotationStore.open(workspace)
    store.close()
    with pytest.raises(StoreClosedError, match="closed"):
        store.add("c", 0, 1, "other", reviewer="r")
    store.close()  # closing twice is harmless


def test_to_dict_is_plain_data(store: AnnotationStore) -> None:
    ann = store.add("c", 0, 1, "other", departments=["sales"], reviewer="r")
    d = ann.to_dict()
    assert d["departments"] == ["sales"]
    assert datetime.fromisoformat(d["created_at"]) == ann.created_at
    assert set(d) == {f.name for f in dataclasses.fields(Annotation)}
