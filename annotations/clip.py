"""``sidebyside clip``: a shareable piece of a call with its transcript and annotations.

Writes the audio span (format chosen by the file extension, via soundfile) and two
sidecars beside it, ``<stem>.json`` for tools and ``<stem>.txt`` for people, holding
the transcript excerpt (redacted by default) and the annotations that overlap it.

The audio itself is not redacted: a spoken card number is still audible. The
result lists what was redacted in the excerpt so the CLI can warn about it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf
from audio_pipeline.batch import file_sha256

from . import workspace as wsp
from .redact import LABELS, redact_text, redact_texts, redact_tokens
from .workspace import WorkspaceError

# Times read off a waveform display are rounded; allow a span to end this much past the call.
_END_TOLERANCE_S = 0.05


class ClipError(WorkspaceError):
    """A clip could not be made (bad span, unknown call, missing audio, ...)."""


@dataclass
class ClipResult:
    audio: Path
    sidecar_json: Path
    sidecar_txt: Path
    start_s: float
    end_s: float
    redacted: bool
    pii_labels: list[str] = field(default_factory=list)  # placeholders in the excerpt, e.g. ["CARD"]


def make_clip(
    workspace: str | os.PathLike[str],
    call_id: str,
    start_s: float,
    end_s: float,
    out: str | os.PathLike[str],
    *,
    redact: bool = True,
) -> ClipResult:
    """Cut ``[start_s, end_s)`` of ``call_id`` into ``out`` plus its JSON and text sidecars."""
    ws = wsp.workspace_path(workspace)
    out = Path(out)
    calls = wsp.calls_by_id(ws)
    call = calls.get(call_id)
    if call is None:
        known = ", ".join(sorted(calls)[:5]) + (", ..." if len(calls) > 5 else "")
        raise ClipError(f"{ws / 'calls.parquet'}: no call {call_id!r} (known: {known or 'none'})")
    if not (np.isfinite(start_s) and np.isfinite(end_s)):
        raise ClipError(f"call {call_id}: start and end must be numbers of seconds")
    if end_s <= start_s:
        raise ClipError(f"call {call_id}: end {end_s:g} s is not after start {start_s:g} s")
    duration = float(call["duration_s"])
    if start_s < 0 or start_s >= duration or end_s > duration + _END_TOLERANCE_S:
        raise ClipError(
            f"call {call_id}: span {start_s:g}-{end_s:g} s is outside the call (0-{duration:.2f} s)"
        )
    end_s = min(end_s, duration)
    fmt = _output_format(out)
    source = Path(call["source_path"] or "")
    if not source.is_file():
        raise ClipError(f"{source}: source audio of call {call_id} is missing (moved or deleted since analysis)")
    if call.get("content_sha256") and file_sha256(source) != call["content_sha256"]:
        raise ClipError(
            f"{source}: audio of call {call_id} changed since analysis; re-run analyze before clipping"
        )

    samples, rate = _read_span(source, start_s, end_s)
    lines, labels = _excerpt(ws, call_id, start_s, end_s, redact)
    notes = _overlapping_annotations(ws, call_id, start_s, end_s, redact)

    out.parent.mkdir(parents=True, exist_ok=True)
    _atomic(out, lambda tmp: sf.write(str(tmp), samples, rate, format=fmt))
    meta = {
        "call_id": call_id,
        "source_file": source.name,
        "start_s": start_s,
        "end_s": end_s,
        "duration_s": round(end_s - start_s, 6),
        "sample_rate": rate,
        "channels": int(samples.shape[1]),
        "transcript_redacted": redact,
        "audio_redacted": False,
        "redacted_labels": labels,
        "transcript": lines,
        "annotations": notes,
    }
    json_path, txt_path = out.with_suffix(".json"), out.with_suffix(".txt")
    text = json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
    _atomic(json_path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    human = _as_text(meta)
    _atomic(txt_path, lambda tmp: tmp.write_text(human, encoding="utf-8"))
    return ClipResult(out, json_path, txt_path, start_s, end_s, redact, labels)


def _output_format(out: Path) -> str:
    ext = out.suffix.lstrip(".").upper()
    formats = sf.available_formats()
    if ext == "OGA":
        ext = "OGG"
    if not ext or ext not in formats:
        raise ClipError(f"{out}: cannot write audio with extension {out.suffix or '(none)'!r} "
                        "(use .wav, .flac or .ogg)")
    return ext


def _read_span(source: Path, start_s: float, end_s: float) -> tuple[np.ndarray, int]:
    try:
        with sf.SoundFile(str(source)) as f:
            rate = f.samplerate
            f.seek(int(round(start_s * rate)))
            data = f.read(int(round((end_s - start_s) * rate)), dtype="float32", always_2d=True)
        return data, rate
    except (sf.LibsndfileError, RuntimeError):
        pass
    # Containers libsndfile cannot open (m4a, ...) go through the analysis decoder (16 kHz).
    from audio_pipeline.decode import MODEL_RATE, load
    from audio_pipeline.errors import AudioError

    try:
        audio = load(source)
    except AudioError as exc:
        raise ClipError(str(exc)) from None
    a, b = int(round(start_s * MODEL_RATE)), int(round(end_s * MODEL_RATE))
    return np.ascontiguousarray(audio.samples[:, a:b].T), MODEL_RATE


def _excerpt(ws: Path, call_id: str, start_s: float, end_s: float, redact: bool) -> tuple[list[dict], list[str]]:
    """Transcript lines in the span, cut at word level where word timings exist."""
    words = [w for w in wsp.read(ws, "words").to_pylist() if w["call_id"] == call_id]
    words.sort(key=lambda w: (w["utterance_id"], w["start_s"], w["end_s"]))
    utts = [u for u in wsp.read(ws, "utterances").to_pylist() if u["call_id"] == call_id]
    utts.sort(key=lambda u: (u["utterance_id"], u["start_s"]))
    # Redact over the whole call before cutting: a card number read across the
    # clip's edge still has its context.
    if redact:
        for w, text in zip(words, redact_tokens([w["word"] for w in words])):
            w["word"] = text
        for u, text in zip(utts, redact_texts([u["text"] for u in utts])):
            u["text"] = text
    lines: list[dict] = []
    if words:
        for w in words:
            mid = (w["start_s"] + w["end_s"]) / 2
            if not start_s <= mid < end_s:
                continue
            if lines and lines[-1]["utterance_id"] == w["utterance_id"]:
                lines[-1]["text"] += " " + w["word"]
                lines[-1]["end_s"] = w["end_s"]
            else:
                lines.append({"utterance_id": w["utterance_id"], "start_s": w["start_s"], "end_s": w["end_s"],
                              "speaker": w["speaker"], "role": w["role"], "text": w["word"]})
    else:
        lines = [
            {k: u[k] for k in ("utterance_id", "start_s", "end_s", "speaker", "role", "text")}
            for u in utts if u["start_s"] < end_s and u["end_s"] > start_s
        ]
    labels = sorted({lab for ln in lines for lab in _labels_in(ln["text"] or "")}) if redact else []
    return lines, labels


def _labels_in(text: str) -> list[str]:
    return [lab for lab in LABELS if f"[{lab}]" in text]


def _overlapping_annotations(ws: Path, call_id: str, start_s: float, end_s: float, redact: bool) -> list[dict]:
    annotations, _ = wsp.read_store(ws)
    out = []
    for a in annotations:
        if a.deleted or a.call_id != call_id or not (a.start_s < end_s and a.end_s > start_s):
            continue
        d = a.to_dict()
        if redact:
            d["note"] = redact_text(d["note"])
        out.append(d)
    return out


def _as_text(meta: dict) -> str:
    lines = [
        f"Call {meta['call_id']} ({meta['source_file']}), {meta['start_s']:.2f}-{meta['end_s']:.2f} s",
        "Transcript (PII redacted; the audio is not):" if meta["transcript_redacted"] else "Transcript (NOT redacted):",
    ]
    for ln in meta["transcript"]:
        lines.append(f"  [{ln['start_s']:8.2f}-{ln['end_s']:8.2f}] {ln['role'] or ln['speaker']}: {ln['text']}")
    if not meta["transcript"]:
        lines.append("  (no speech transcribed in this span)")
    lines.append("Annotations:")
    for a in meta["annotations"]:
        deps = ", ".join(a["departments"])
        lines.append(
            f"  [{a['start_s']:8.2f}-{a['end_s']:8.2f}] {a['category_label']} (severity {a['severity']}"
            f"{', ' + deps if deps else ''}) by {a['reviewer']}"
            + (f", detection {a['event_id']} {a['verdict']}" if a["event_id"] else "")
            + (f": {a['note']}" if a["note"] else "")
        )
    if not meta["annotations"]:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"


def _atomic(path: Path, write) -> None:
    # Same extension on the temp file: soundfile picks the container from it.
    tmp = path.with_name(f".{path.stem}.tmp-{os.getpid()}{path.suffix}")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
