"""Shared fixtures for the annotation-store tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# Plain `pytest` (unlike `python -m pytest`) does not put the repo root on
# sys.path; the store must be importable either way.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from annotations import AnnotationStore  # noqa: E402


@pytest.fixture(autouse=True)
def _no_taxonomy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own SIDEBYSIDE_TAXONOMY must not change test outcomes.
    monkeypatch.delenv("SIDEBYSIDE_TAXONOMY", raising=False)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "workspace"
    ws.mkdir()
    return ws


@pytest.fixture
def store(workspace: Path):
    with AnnotationStore.open(workspace) as s:
        yield s
