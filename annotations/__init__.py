"""Durable annotation store for SideBySide reviewers.

Typical use::

    from annotations import AnnotationStore

    with AnnotationStore.open(workspace_dir, known_calls=call_ids) as store:
        ann = store.add("call-0042", 61.0, 187.5, "long_hold",
                        severity=4, departments=["billing"], reviewer="maria")
"""

from .errors import (
    AnnotationDeletedError,
    ConflictError,
    CorruptStoreError,
    DuplicateReviewError,
    NewerSchemaError,
    NotFoundError,
    StoreBusyError,
    StoreClosedError,
    StoreError,
    StoreOpenError,
    UnknownCallError,
    ValidationError,
)
from .models import VERDICTS, Annotation, HistoryEntry
from .schema import SCHEMA_VERSION
from .store import DEFAULT_STORE_NAME, EDITABLE_FIELDS, AnnotationStore, resolve_store_path
from .taxonomy import (
    DEFAULT_TAXONOMY_PATH,
    ENV_VAR as TAXONOMY_ENV_VAR,
    Category,
    Taxonomy,
    TaxonomyError,
    load_taxonomy,
)

__all__ = [
    "AnnotationStore",
    "Annotation",
    "HistoryEntry",
    "VERDICTS",
    "SCHEMA_VERSION",
    "DEFAULT_STORE_NAME",
    "EDITABLE_FIELDS",
    "resolve_store_path",
    "Category",
    "Taxonomy",
    "TaxonomyError",
    "load_taxonomy",
    "DEFAULT_TAXONOMY_PATH",
    "TAXONOMY_ENV_VAR",
    "StoreError",
    "ValidationError",
    "UnknownCallError",
    "DuplicateReviewError",
    "NotFoundError",
    "AnnotationDeletedError",
    "ConflictError",
    "StoreOpenError",
    "CorruptStoreError",
    "NewerSchemaError",
    "StoreBusyError",
    "StoreClosedError",
]
