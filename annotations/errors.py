"""Errors raised by the annotation store.

Every message is a single line that names the offending value (and the file,
where one is involved) so it can be shown verbatim in the UI or a CLI.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class for every annotation-store error."""


class ValidationError(StoreError, ValueError):
    """An annotation value was refused (bad time range, unknown category, ...)."""


class UnknownCallError(ValidationError):
    """The call id is not in the analysis output the store was opened with."""


class DuplicateReviewError(ValidationError):
    """This reviewer already reviewed this detection; use review_detection to change it."""


class NotFoundError(StoreError, LookupError):
    """No annotation with the given id."""


class AnnotationDeletedError(StoreError):
    """The annotation is deleted; restore it before editing."""


class ConflictError(StoreError):
    """Someone else changed the annotation since the caller last read it."""

    def __init__(self, message: str, *, expected_version: int, actual_version: int) -> None:
        super().__init__(message)
        self.expected_version = expected_version
        self.actual_version = actual_version


class StoreOpenError(StoreError):
    """The store file could not be opened (missing, unreadable, wrong kind of file)."""


class CorruptStoreError(StoreOpenError):
    """The file is not a readable SQLite database; it is left untouched."""


class NewerSchemaError(StoreOpenError):
    """The store was written by a newer SideBySide; it is left untouched."""


class StoreBusyError(StoreError):
    """Another process held the store locked for longer than the busy timeout."""


class StoreClosedError(StoreError):
    """The store was used after close()."""
