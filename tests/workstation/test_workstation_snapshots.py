"""Snapshot of every screen (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

import pytest

from workstation.app import Workstation


@pytest.fixture
def snap_app(make_app):
    def make(**kw) -> Workstation:
        app = make_app(**kw)
        app.sub_title = "snapshot workspace · reviewer tester"  # the tmp path differs per run
        return app

    return make


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_calls_screen(snap_compare, snap_app):
    assert snap_compare(snap_app(), terminal_size=(80, 24), run_before=_settle)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_call_screen(snap_compare, snap_app, size):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "n")  # open the worst call, jump to its first event
        await _settle(pilot)

    assert snap_compare(snap_app(), terminal_size=size, run_before=run_before)


def test_annotation_form(snap_compare, snap_app):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "n", "n", "i", "right", "o", "a")
        await _settle(pilot)

    assert snap_compare(snap_app(), terminal_size=(80, 24), run_before=run_before)


def test_reel_screen(snap_compare, snap_app):
    async def run_before(pilot) -> None:
        await pilot.press("r")
        await _settle(pilot)

    assert snap_compare(snap_app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_dashboard_screen(snap_compare, snap_app, size):
    async def run_before(pilot) -> None:
        await pilot.press("g")
        await _settle(pilot)

    assert snap_compare(snap_app(), terminal_size=size, run_before=run_before)


def test_help_screen(snap_compare, snap_app):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "question_mark")
        await _settle(pilot)

    assert snap_compare(snap_app(), terminal_size=(80, 24), run_before=run_before)


def test_missing_workspace_message(snap_compare, make_app, tmp_path):
    from pathlib import Path

    assert snap_compare(make_app(Path("no/such/folder")), terminal_size=(80, 24))
