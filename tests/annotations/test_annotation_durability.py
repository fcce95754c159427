"""Acknowledged writes survive SIGKILL, and concurrent writers lose nothing.

Both tests drive real child processes (store_writer.py) because the promises
under test — "on disk when add() returns", "no lost writes across processes" —
are about processes, not threads.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from annotations import AnnotationStore
from annotations.schema import SCHEMA_VERSION, check_compatible, migrate

WRITER = Path(__file__).with_name("store_writer.py")
# -S skips site-packages: the writer needs only the stdlib and the repo, and
# the faster start-up lets us afford hundreds of kills.
WRITER_CMD = [sys.executable, "-S", str(WRITER)]

KILLS = int(os.environ.get("SIDEBYSIDE_CRASH_KILLS", "300"))


def _parse_acks(stdout: str, acked: dict[str, int]) -> int:
    """Record acknowledged (id -> highest acknowledged version); returns lines read."""
    n = 0
    for line in stdout.splitlines(keepends=True):
        if not line.endswith("\n"):
            continue  # cut off by the kill: never acknowledged
        kind, *rest = line.split()
        if kind == "A":
            acked[rest[0]] = max(acked.get(rest[0], 0), 1)
        elif kind == "U":
            acked[rest[0]] = max(acked.get(rest[0], 0), int(rest[1]))
        else:
            continue
        n += 1
    return n


def _assert_store_has(path: Path, acked: dict[str, int], context: str) -> int:
    with AnnotationStore.open(path) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
        versions = {a.annotation_id: a.version for a in store.list(include_deleted=True)}
        created = {
            r[0]
            for r in store._conn.execute(
                "SELECT annotation_id FROM annotation_history WHERE op = 'create'"
            )
        }
    missing = sorted(set(acked) - set(versions))
    assert not missing, f"{context}: {len(missing)} acknowledged ids lost, e.g. {missing[:3]}"
    stale = [aid for aid, v in acked.items() if versions[aid] < v]
    assert not stale, f"{context}: acknowledged updates lost for {stale[:3]}"
    assert set(acked) <= created, f"{context}: acknowledged ids without a create history row"
    return len(versions)


def test_acknowledged_annotations_survive_sigkill(tmp_path: Path) -> None:
    seed = int(os.environ.get("SIDEBYSIDE_CRASH_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    path = tmp_path / "annotations.sqlite"
    acked: dict[str, int] = {}
    kills_after_acks = 0

    for i in range(KILLS):
        proc = subprocess.Popen(
            [*WRITER_CMD, str(path), "--tag", f"k{i}", "--updates"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        first = ""
        where = rng.random()
        if where < 0.1:
            # Kill during start-up, open or WAL recovery.
            time.sleep(rng.uniform(0, 0.08))
        else:
            ready = proc.stdout.readline()
            assert ready == "ready\n", f"writer failed to start: {proc.stderr.read()}"
            if where >= 0.3:
                # Mostly kill mid-loop; waiting for the first ack keeps that
                # true however slow the machine is.
                first = proc.stdout.readline()
            time.sleep(rng.uniform(0, 0.015))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        out = first + out
        assert proc.returncode == -signal.SIGKILL, f"writer exited on its own (seed {seed}): {err}"
        if _parse_acks(out, acked):
            kills_after_acks += 1
        if (i + 1) % 100 == 0:
            _assert_store_has(path, acked, f"after kill {i + 1} (seed {seed})")

    total = _assert_store_has(path, acked, f"after {KILLS} kills (seed {seed})")
    # Guard against a vacuous pass: the writers must really have been killed
    # in the middle of writing, many times over.
    assert kills_after_acks >= KILLS // 2, (kills_after_acks, seed)
    assert len(acked) >= KILLS, (len(acked), seed)
    # At most one unacknowledged add per kill can have landed.
    assert len(acked) <= total <= len(acked) + KILLS


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    per_writer = 200
    procs = {
        tag: subprocess.Popen(
            # --wait-go: both open the brand-new store and write at the same moment.
            [*WRITER_CMD, str(path), "--tag", tag, "--count", str(per_writer), "--wait-go"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag in ("a", "b")
    }
    for proc in procs.values():
        assert proc.stdout.readline() == "ready\n"
    for proc in procs.values():
        proc.stdin.write("go\n")
        proc.stdin.flush()
    acked: dict[str, dict[str, int]] = {}
    for tag, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        acked[tag] = {}
        assert _parse_acks(out, acked[tag]) == per_writer

    assert not set(acked["a"]) & set(acked["b"])
    everything = {**acked["a"], **acked["b"]}
    assert _assert_store_has(path, everything, "two writers") == 2 * per_writer
    with AnnotationStore.open(path) as store:
        for tag in ("a", "b"):
            anns = store.list(f"call-{tag}")
            assert {a.annotation_id for a in anns} == set(acked[tag])
            assert sorted(a.note for a in anns) == sorted(f"{tag} #{i}" for i in range(per_writer))
        assert len(store.history()) == 2 * per_writer


class _CreatedBetweenReads:
    """A connection on which another process finishes creating the store
    right after our first read, the interleaving that made a fresh store look
    like someone else's database to the slower of two processes."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn, self._path, self._done = conn, path, False

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        cur = self._conn.execute(sql, *args)
        if not self._done and "user_version" in sql:
            self._done = True
            AnnotationStore.open(self._path).close()
        return cur


def test_store_created_by_another_process_mid_open_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    slow = sqlite3.connect(path, isolation_level=None)
    # The faster process has already switched the new file to WAL, as open() does first.
    slow.execute("PRAGMA journal_mode = WAL")
    try:
        version = check_compatible(_CreatedBetweenReads(slow, path), path)
        assert version == 0  # one consistent view: the file as it was before the other commit
        migrate(slow, path)  # re-reads under a write lock: nothing left to do
        assert slow.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        slow.close()
    with AnnotationStore.open(path) as store:
        assert store.list("call-a") == []
