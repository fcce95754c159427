"""Field validation for annotations: one function per field, one-line errors.

Kept apart from the store so the UI can validate a form before saving, with
exactly the messages the store would give.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .errors import UnknownCallError, ValidationError
from .models import VERDICTS
from .taxonomy import Category, Taxonomy


def reviewer(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"reviewer must be a non-empty name, got {value!r}")
    return value.strip()


def call_id(value: object, known_calls: set[str] | frozenset[str] | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"call_id must be a non-empty string, got {value!r}")
    if known_calls is not None and value not in known_calls:
        raise UnknownCallError(f"unknown call_id {value!r}: not in the analysis output")
    return value


def _seconds(name: str, value: object) -> float:
    # bool is an int subclass; True as a time is always a bug.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(f"{name} must be a number of seconds, got {value!r}")
    f = float(value)
    if not math.isfinite(f):
        raise ValidationError(f"{name} must be finite, got {value!r}")
    if f < 0:
        raise ValidationError(f"{name} must not be negative, got {f}")
    return f


def times(start_s: object, end_s: object) -> tuple[float, float]:
    start = _seconds("start_s", start_s)
    end = _seconds("end_s", end_s)
    if end < start:
        raise ValidationError(f"end_s ({end}) is before start_s ({start})")
    return start, end


def category(taxonomy: Taxonomy, value: object) -> Category:
    cat = taxonomy.category(value) if isinstance(value, str) else None
    if cat is None:
        raise ValidationError(
            f"unknown category {value!r} (known: {', '.join(taxonomy.category_ids)})"
        )
    return cat


def stage(taxonomy: Taxonomy, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in taxonomy.stages:
        raise ValidationError(f"unknown stage {value!r} (known: {', '.join(taxonomy.stages)})")
    return value


def departments(taxonomy: Taxonomy, value: object) -> tuple[str, ...]:
    # A bare string is iterable too; treating "billing" as 7 letters would be silly.
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, Iterable):
        raise ValidationError(f"departments must be a list of department ids, got {value!r}")
    out: list[str] = []
    for dep in value:
        if not isinstance(dep, str) or dep not in taxonomy.departments:
            raise ValidationError(
                f"unknown department {dep!r} (known: {', '.join(taxonomy.departments)})"
            )
        if dep not in out:
            out.append(dep)
    return tuple(out)


def severity(taxonomy: Taxonomy, value: object) -> int:
    lo, hi = taxonomy.severity_min, taxonomy.severity_max
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValidationError(f"severity must be an integer from {lo} to {hi}, got {value!r}")
    return value


def note(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"note must be text, got {type(value).__name__}")
    return value


def verdict(value: object, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if value not in VERDICTS:
        raise ValidationError(f"unknown verdict {value!r} (use one of: {', '.join(VERDICTS)})")
    return value  # type: ignore[return-value]


def event_id(value: object, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    # Detectors may number events; normalise so 7 and "7" are the same event.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"event_id must be a non-empty string, got {value!r}")
    return value
