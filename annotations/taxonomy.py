"""The annotation taxonomy: categories, stages, departments and severity range.

The taxonomy is configuration, not code, so a contact centre can adapt it to
its own vocabulary without touching SideBySide. Resolution order for the file:
explicit argument, then the ``SIDEBYSIDE_TAXONOMY`` environment variable, then
the ``taxonomy.toml`` shipped beside this module.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

ENV_VAR = "SIDEBYSIDE_TAXONOMY"
DEFAULT_TAXONOMY_PATH = Path(__file__).with_name("taxonomy.toml")

# Ids end up in exports, file names and SQL filters; keeping them to a
# conservative alphabet avoids quoting surprises downstream.
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class TaxonomyError(ValueError):
    """A taxonomy file could not be read or is malformed (one-line message)."""


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Category, ...]
    stages: tuple[str, ...]
    departments: tuple[str, ...]
    severity_min: int = 1
    severity_max: int = 5
    source: Path | None = None

    def category(self, category_id: str) -> Category | None:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        return None

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)


def resolve_taxonomy_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Which taxonomy file would be used for ``path`` (see module docstring)."""
    if path is not None:
        return Path(path)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return DEFAULT_TAXONOMY_PATH


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """Load and validate a taxonomy file; raises ``TaxonomyError`` naming the file."""
    source = resolve_taxonomy_path(path)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise TaxonomyError(f"{source}: cannot read taxonomy file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TaxonomyError(f"{source}: taxonomy file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: invalid TOML: {exc}") from None
    try:
        return taxonomy_from_dict(data, source=source)
    except TaxonomyError as exc:
        raise TaxonomyError(f"{source}: {exc}") from None


def taxonomy_from_dict(data: Mapping[str, Any], *, source: Path | None = None) -> Taxonomy:
    """Validate an already-parsed taxonomy mapping (messages omit the file name)."""
    categories = _parse_categories(data.get("categories"))
    stages = _parse_id_list(data, "stages")
    departments = _parse_id_list(data, "departments")
    sev_min, sev_max = _parse_severity(data.get("severity", {}))
    return Taxonomy(
        categories=categories,
        stages=stages,
        departments=departments,
        severity_min=sev_min,
        severity_max=sev_max,
        source=source,
    )


def _parse_categories(value: Any) -> tuple[Category, ...]:
    if value is None:
        raise TaxonomyError("missing [[categories]] entries")
    if not isinstance(value, list) or not value:
        raise TaxonomyError("'categories' must be a non-empty array of tables ([[categories]])")
    seen: set[str] = set()
    out: list[Category] = []
    for i, entry in enumerate(value, start=1):
        where = f"category #{i}"
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{where} must be a table with id and label")
        cid = entry.get("id")
        if not isinstance(cid, str) or not _ID_RE.match(cid):
            raise TaxonomyError(
                f"{where} has invalid id {cid!r} (use lowercase letters, digits and '_')"
            )
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            raise TaxonomyError(f"category {cid!r} needs a non-empty 'label'")
        description = entry.get("description", "")
        if not isinstance(description, str):
            raise TaxonomyError(f"category {cid!r} has a non-text 'description'")
        unknown = set(entry) - {"id", "label", "description"}
        if unknown:
            raise TaxonomyError(f"category {cid!r} has unknown key(s): {', '.join(sorted(unknown))}")
        if cid in seen:
            raise TaxonomyError(f"duplicate category id {cid!r}")
        seen.add(cid)
        out.append(Category(id=cid, label=label.strip(), description=description.strip()))
    return tuple(out)


def _parse_id_list(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        raise TaxonomyError(f"missing '{key}' list")
    if not isinstance(value, list) or not value:
        raise TaxonomyError(f"'{key}' must be a non-empty list of ids")
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str) or not _ID_RE.match(item):
            raise TaxonomyError(
                f"'{key}' has invalid id {item!r} (use lowercase letters, digits and '_')"
            )
        if item in seen:
            raise TaxonomyError(f"duplicate id {item!r} in '{key}'")
        seen.add(item)
    return tuple(value)


def _parse_severity(value: Any) -> tuple[int, int]:
    if not isinstance(value, dict):
        raise TaxonomyError("[severity] must be a table with 'min' and 'max'")
    lo = value.get("min", 1)
    hi = value.get("max", 5)
    # bool is an int subclass; `min = true` is a typo, not a severity.
    if not isinstance(lo, int) or isinstance(lo, bool) or not isinstance(hi, int) or isinstance(hi, bool):
        raise TaxonomyError("[severity] 'min' and 'max' must be integers")
    if lo > hi:
        raise TaxonomyError(f"[severity] min ({lo}) is greater than max ({hi})")
    return lo, hi
