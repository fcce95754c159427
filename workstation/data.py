"""Loading an ``analyze`` output folder for the workstation.

Only ``audio_pipeline.tables`` is imported from the pipeline: the workstation must open on a
laptop without the speech models installed. Columns that later pipeline versions add to
``calls.parquet`` (pain_score, hold totals, ...) are used when present; when absent they are
derived from ``events.parquet`` where that is honest, and otherwise left as ``None`` ("–").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from audio_pipeline import tables

EVENTS_FILE = "events.parquet"
CALLS_FILE = "calls.parquet"

# Columns the calls table is expected to gain; read when present.
OPTIONAL_CALL_COLUMNS = (
    "hold_count", "total_hold_s", "transfer_count", "transfer_loop",
    "repeated_verification_count", "pain_score", "department_path",
)

HOLD_KINDS = ("hold", "queue_wait")

KIND_LABELS = {
    "hold": "Hold",
    "queue_wait": "Queue wait",
    "dead_air": "Dead air",
    "overtalk": "Overtalk",
    "verification_request": "Verification",
    "repeated_verification": "Repeat verification",
    "transfer": "Transfer",
    "transfer_loop": "Transfer loop",
}

# Detection kind → taxonomy category used when a reviewer confirms/rejects it.
KIND_TO_CATEGORY = {
    "hold": "long_hold",
    "queue_wait": "long_hold",
    "dead_air": "dead_air",
    "overtalk": "overtalk",
    "verification_request": "repeated_verification",
    "repeated_verification": "repeated_verification",
    "transfer": "cold_transfer",
    "transfer_loop": "transfer_loop",
}


class WorkspaceError(Exception):
    """The folder cannot be opened as a workspace; the message is shown to the user as is."""


@dataclass(frozen=True)
class Event:
    event_id: str
    call_id: str
    kind: str
    start_s: float
    end_s: float
    item: str | None = None
    from_department: str | None = None
    to_department: str | None = None
    confidence: float | None = None
    evidence: str | None = None

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())

    @property
    def duration_s(self) -> float:
        return max(0.0, self.end_s - self.start_s)


@dataclass
class CallSummary:
    call_id: str
    source_path: str
    duration_s: float
    channels: int
    sample_rate: int
    agent_channel: int | None
    pain_score: float | None = None
    hold_count: int | None = None
    total_hold_s: float | None = None
    transfer_count: int | None = None
    transfer_loop: bool | None = None
    repeated_verification_count: int | None = None
    department_path: list[str] | None = None


@dataclass
class Utterance:
    index: int          # position in CallData.utterances
    utterance_id: int
    speaker: str
    role: str
    start_s: float
    end_s: float
    text: str
    word_lo: int        # words[word_lo:word_hi] belong to this utterance
    word_hi: int


@dataclass
class CallData:
    summary: CallSummary
    utterances: list[Utterance]
    words: list[str]
    word_start: np.ndarray
    word_end: np.ndarray
    word_utt: np.ndarray  # utterance index of each word
    turns: list[tuple[str, float, float]]  # (role, start, end)
    events: list[Event]
    audio_path: Path | None
    _utt_starts: list[float] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        # Overtalk makes utterances overlap, so words in display order are not sorted by time;
        # the playhead search runs on a sorted view.
        self._order = np.argsort(self.word_start, kind="stable")
        self._sorted_start = self.word_start[self._order]

    @property
    def call_id(self) -> str:
        return self.summary.call_id

    @property
    def duration_s(self) -> float:
        return self.summary.duration_s

    def word_at(self, t: float) -> int:
        """Index of the word being spoken at ``t`` (the last started one), or -1."""
        k = int(np.searchsorted(self._sorted_start, t, side="right")) - 1
        if k < 0:
            return -1
        i = int(self._order[k])
        # Between words the last one stays lit only briefly, so silence reads as silence.
        return i if t <= self.word_end[i] + 0.25 else -1

    def utterance_at(self, t: float) -> int:
        """Index of the last utterance starting at or before ``t`` (0 if none yet)."""
        if not self._utt_starts:
            self._utt_starts = [u.start_s for u in self.utterances]
        return max(0, bisect.bisect_right(self._utt_starts, t) - 1)


def _col(table: pa.Table, name: str) -> list[Any]:
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def _read_filtered(path: Path, call_id: str, columns: list[str]) -> pa.Table:
    # Plain read + compute filter: avoids pyarrow.dataset's import cost (~0.3 s) on first open.
    pf = pq.ParquetFile(path)
    wanted = [c for c in columns if c in pf.schema_arrow.names]
    table = pf.read(columns=wanted)
    if "call_id" not in table.column_names or table.num_rows == 0:
        return table.slice(0, 0)
    ids = table.column("call_id")
    if pa.types.is_dictionary(ids.type):
        ids = ids.cast(pa.string())
    return table.filter(pc.equal(ids, call_id))


class Workspace:
    """An ``analyze`` output folder: the calls table, events, and per-call loading."""

    def __init__(self, path: Path, calls: list[CallSummary], events: list[Event]) -> None:
        self.path = path
        self.calls = calls
        self.events = events
        self.has_events = (path / EVENTS_FILE).exists()
        self._by_id = {c.call_id: c for c in calls}
        self._events_by_call: dict[str, list[Event]] = {}
        for ev in events:
            self._events_by_call.setdefault(ev.call_id, []).append(ev)
        for evs in self._events_by_call.values():
            evs.sort(key=lambda e: (e.start_s, e.end_s))
        self._cache: dict[str, CallData] = {}

    # ------------------------------------------------------------------ open

    @classmethod
    def load(cls, path: str | Path) -> Workspace:
        """Read calls (+ events); raises WorkspaceError with a message fit for the screen."""
        p = Path(path).expanduser()
        hint = f"Run `sidebyside analyze AUDIO... --out {p}` first."
        if not p.exists():
            raise WorkspaceError(f"{p} does not exist. {hint}")
        if not p.is_dir():
            raise WorkspaceError(f"{p} is not a folder. Give the folder `sidebyside analyze --out` wrote.")
        calls_path = p / CALLS_FILE
        if not calls_path.exists():
            raise WorkspaceError(f"No analysed calls in {p} ({CALLS_FILE} not found). {hint}")
        try:
            table = pq.read_table(calls_path)
        except Exception as exc:  # pyarrow raises several types for damaged files
            raise WorkspaceError(f"{calls_path} cannot be read: {exc}") from None
        if table.num_rows == 0:
            raise WorkspaceError(f"{calls_path} lists no calls. {hint}")
        missing = [f.name for f in tables.CALLS if f.name not in table.column_names
                   and f.name in ("call_id", "duration_s")]
        if missing:
            raise WorkspaceError(f"{calls_path} is not a SideBySide calls table (no {', '.join(missing)}).")
        events = cls._load_events(p / EVENTS_FILE)
        calls = cls._calls_from_table(table, events)
        return cls(p, calls, events)

    @staticmethod
    def _load_events(path: Path) -> list[Event]:
        if not path.exists():
            return []
        try:
            table = pq.read_table(path)
        except Exception:
            return []
        cols = {f.name: _col(table, f.name) for f in tables.EVENTS}
        out = []
        for i in range(table.num_rows):
            start, end = cols["start_s"][i], cols["end_s"][i]
            if cols["call_id"][i] is None or start is None:
                continue
            out.append(Event(
                event_id=str(cols["event_id"][i] or f"evt-{i}"),
                call_id=str(cols["call_id"][i]),
                kind=str(cols["kind"][i] or "event"),
                start_s=float(start),
                end_s=float(end if end is not None else start),
                item=cols["item"][i],
                from_department=cols["from_department"][i],
                to_department=cols["to_department"][i],
                confidence=cols["confidence"][i],
                evidence=cols["evidence"][i],
            ))
        return out

    @staticmethod
    def _calls_from_table(table: pa.Table, events: list[Event]) -> list[CallSummary]:
        c = {name: _col(table, name) for name in
             [f.name for f in tables.CALLS] + list(OPTIONAL_CALL_COLUMNS)}
        present = set(table.column_names)
        by_call: dict[str, list[Event]] = {}
        for ev in events:
            by_call.setdefault(ev.call_id, []).append(ev)
        calls = []
        for i in range(table.num_rows):
            cid = str(c["call_id"][i])
            evs = by_call.get(cid, [])
            s = CallSummary(
                call_id=cid,
                source_path=str(c["source_path"][i] or ""),
                duration_s=float(c["duration_s"][i] or 0.0),
                channels=int(c["channels"][i] or 1),
                sample_rate=int(c["sample_rate"][i] or 0),
                agent_channel=c["agent_channel"][i],
            )
            for name in OPTIONAL_CALL_COLUMNS:
                if name in present:
                    setattr(s, name, c[name][i])
            # Derive counts from detections only when the pipeline did not supply them (no
            # column, or null: detection failed or an older table) and detections exist for
            # this workspace; never invent a pain score.
            if events:
                holds = [e for e in evs if e.kind in HOLD_KINDS]
                if s.hold_count is None:
                    s.hold_count = len(holds)
                if s.total_hold_s is None:
                    s.total_hold_s = sum(e.duration_s for e in holds)
                if s.transfer_count is None:
                    s.transfer_count = sum(e.kind == "transfer" for e in evs)
                if s.transfer_loop is None:
                    s.transfer_loop = any(e.kind == "transfer_loop" for e in evs)
                if s.repeated_verification_count is None:
                    s.repeated_verification_count = sum(e.kind == "repeated_verification" for e in evs)
            if isinstance(s.department_path, str):
                s.department_path = [d for d in s.department_path.replace("→", ">").split(">") if d.strip()]
            calls.append(s)
        return calls

    # ----------------------------------------------------------------- query

    def call(self, call_id: str) -> CallSummary:
        return self._by_id[call_id]

    def events_for(self, call_id: str) -> list[Event]:
        return self._events_by_call.get(call_id, [])

    def audio_path(self, summary: CallSummary) -> Path | None:
        """The call's audio, looked for where analyze saw it, then beside the workspace."""
        if not summary.source_path:
            return None
        src = Path(summary.source_path)
        candidates = [src, self.path / src, self.path / src.name, self.path.parent / src]
        for cand in candidates:
            if cand.is_file():
                return cand
        return None

    def load_call(self, call_id: str) -> CallData:
        """Utterances, words, turns and events of one call (cached)."""
        if call_id in self._cache:
            return self._cache[call_id]
        summary = self._by_id[call_id]
        utt_t = self._maybe(tables.UTTERANCES, "utterances", call_id)
        word_t = self._maybe(tables.WORDS, "words", call_id)
        turn_t = self._maybe(tables.TURNS, "turns", call_id)

        u_ids = _col(utt_t, "utterance_id")
        u_start = _col(utt_t, "start_s")
        order = sorted(range(utt_t.num_rows), key=lambda i: (u_start[i] or 0.0, i))
        u_end = _col(utt_t, "end_s")
        u_spk = _col(utt_t, "speaker")
        u_role = _col(utt_t, "role")
        u_text = _col(utt_t, "text")

        w_utt = _col(word_t, "utterance_id")
        w_text = _col(word_t, "word")
        w_start = np.asarray(_col(word_t, "start_s"), dtype=float) if word_t.num_rows else np.zeros(0)
        w_end = np.asarray(_col(word_t, "end_s"), dtype=float) if word_t.num_rows else np.zeros(0)

        # Words grouped by utterance id, kept in time order within each.
        by_utt: dict[int, list[int]] = {}
        for wi, uid in enumerate(w_utt):
            by_utt.setdefault(uid, []).append(wi)

        utterances: list[Utterance] = []
        words: list[str] = []
        starts: list[float] = []
        ends: list[float] = []
        word_utt: list[int] = []
        for idx, i in enumerate(order):
            uid = u_ids[i]
            lo = len(words)
            for wi in sorted(by_utt.get(uid, ()), key=lambda k: w_start[k]):
                text = (w_text[wi] or "").strip()
                if not text:
                    continue
                words.append(text)
                starts.append(float(w_start[wi]))
                ends.append(float(w_end[wi]))
                word_utt.append(idx)
            utterances.append(Utterance(
                index=idx, utterance_id=int(uid if uid is not None else idx),
                speaker=str(u_spk[i] or ""), role=str(u_role[i] or "unknown"),
                start_s=float(u_start[i] or 0.0), end_s=float(u_end[i] or 0.0),
                text=str(u_text[i] or "").strip(), word_lo=lo, word_hi=len(words),
            ))
        ws = np.asarray(starts, dtype=float)
        turns = [
            (str(r or "unknown"), float(s), float(e))
            for r, s, e in zip(_col(turn_t, "role"), _col(turn_t, "start_s"), _col(turn_t, "end_s"))
            if s is not None and e is not None
        ]
        data = CallData(
            summary=summary,
            utterances=utterances,
            words=words,
            word_start=ws,
            word_end=np.asarray(ends, dtype=float),
            word_utt=np.asarray(word_utt, dtype=np.int64),
            turns=turns,
            events=self.events_for(call_id),
            audio_path=self.audio_path(summary),
        )
        self._cache[call_id] = data
        return data

    def _maybe(self, schema: pa.Schema, name: str, call_id: str) -> pa.Table:
        path = self.path / f"{name}.parquet"
        if not path.exists():
            return schema.empty_table()
        try:
            return _read_filtered(path, call_id, [f.name for f in schema])
        except Exception:
            return schema.empty_table()

