"""Fixtures for the export, clip and agreement tests (builders live in builders.py)."""

from .builders import _no_taxonomy_env, workspace  # noqa: F401
