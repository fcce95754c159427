"""Pain points found automatically: holds, queue waits, dead air, overtalk, identity
verification asked again, transfers and transfer loops, plus the call metrics and pain score.

Detection runs on what transcription produced (utterances, words, turns) and on the sound
of the call; it is cheap, so it runs again on every ``analyze`` with the current settings
(``detect.toml``), while the transcription is cached.
"""

from __future__ import annotations

from ..decode import Audio
from ..voiceprint import Voiceprints
from .acoustic import analyse
from .config import DetectConfig, load_config
from .dtmf import caller_keys
from .lexicon import Phrases
from .pain import pain_score
from .semantic import intents_for
from .talk import agent_words_per_minute, overtalk, talk_ratio_agent
from .timeline import CallView, build
from .transfers import TransferDetector, is_loop_path
from .verification import VerificationDetector
from .waits import WaitDetector

__all__ = ["DetectConfig", "load_config", "detect_call"]


def view_of(call_id: str, duration: float, channels: int, utterances: list[dict], words: list[dict],
            keys: list, frames, turns: list[dict], cfg: DetectConfig) -> CallView:
    """The call as the detectors see it, with the settings' phrases for recordings and agents."""
    f = cfg["fuzzy"]
    return build(call_id, duration, channels, utterances, words, keys, frames,
                 Phrases(cfg["hold"]["announcement"], f), Phrases(cfg["transfer"]["ivr_prompt"], f), turns,
                 Phrases(cfg["transfer"]["intent"] + cfg["hold"]["announce"], f),
                 recording_max_s=float(cfg["hold"]["recording_max_s"]))


def detect_call(audio: Audio, call: dict, utterances: list[dict], words: list[dict], turns: list[dict],
                cfg: DetectConfig) -> tuple[list[dict], dict]:
    """Events (rows of ``events.parquet``) and the metric columns of the call's ``calls`` row."""
    call_id = call["call_id"]
    stereo = audio.channels == 2
    music_channel = call.get("agent_channel") if stereo else None
    frames = analyse(audio.samples, music_channel if music_channel is not None else 0, cfg["acoustic"])

    keys = caller_keys(audio.samples, music_channel)

    view = view_of(call_id, audio.duration_s, audio.channels, utterances, words, keys, frames, turns, cfg)
    if stereo and music_channel is not None and cfg["transfer"]["new_voice_distance"] < 1:
        view.agent_voices = Voiceprints(audio.samples[music_channel])
    intents = intents_for(cfg)
    waits = WaitDetector(cfg, intents).detect(view)
    requests = VerificationDetector(cfg, intents).detect(view)
    transfers, path = TransferDetector(cfg, intents).detect(view)
    talk_over = overtalk(turns, float(cfg["overtalk"]["min_s"]))

    events: list[dict] = []

    def add(kind: str, start: float, end: float, confidence: float, evidence: str, **extra) -> None:
        events.append({"call_id": call_id, "kind": kind, "start_s": round(start, 3), "end_s": round(end, 3),
                       "item": extra.get("item"), "from_department": extra.get("from_department"),
                       "to_department": extra.get("to_department"), "confidence": round(confidence, 3),
                       "evidence": evidence[:200]})

    for w in waits:
        if w.kind in ("hold", "queue_wait", "dead_air"):
            add(w.kind, w.start, w.end, w.confidence, "; ".join(w.evidence))
    for s, e in talk_over:
        add("overtalk", s, e, 0.7, f"both sides speaking for {e - s:.1f} s")
    for r in requests:
        add("verification_request", r.time, r.time, r.confidence, f"{r.speaker}: {r.text[:80]!r}; {r.evidence}",
            item=r.item)
        if r.repeated:
            add("repeated_verification", r.time, r.time, r.confidence, f"asked again: {r.evidence}", item=r.item)
    for t in transfers:
        extra = {"from_department": t.from_department, "to_department": t.to_department}
        add("transfer", t.start, t.end, t.confidence, t.evidence, **extra)
        if t.loop:
            add("transfer_loop", t.start, t.end, t.confidence,
                f"back to {t.to_department or 'a department'} visited before ({' → '.join(path)})"
                + (f"; caller: {t.sent_back[:60]!r}" if t.sent_back else ""), **extra)

    events.sort(key=lambda e: (e["start_s"], e["kind"]))
    counts: dict[str, int] = {}
    for e in events:
        # Stable across runs with the same result: kind, time and item name the event.
        base = f"{e['kind']}@{e['start_s']:.2f}" + (f":{e['item']}" if e["item"] else "")
        counts[base] = counts.get(base, 0) + 1
        e["event_id"] = base if counts[base] == 1 else f"{base}#{counts[base]}"

    holds = [e for e in events if e["kind"] == "hold"]
    repeated = [e for e in events if e["kind"] == "repeated_verification"]
    metrics = {
        "hold_count": len(holds),
        "total_hold_s": round(sum(e["end_s"] - e["start_s"] for e in holds), 3),
        "longest_hold_s": round(max((e["end_s"] - e["start_s"] for e in holds), default=0.0), 3),
        "queue_wait_s": round(sum(e["end_s"] - e["start_s"] for e in events if e["kind"] == "queue_wait"), 3),
        "dead_air_s": round(sum(e["end_s"] - e["start_s"] for e in events if e["kind"] == "dead_air"), 3),
        "overtalk_s": round(sum(e["end_s"] - e["start_s"] for e in events if e["kind"] == "overtalk"), 3),
        "verification_request_count": sum(1 for e in events if e["kind"] == "verification_request"),
        "repeated_verification_count": len(repeated),
        "repeated_items": sorted({e["item"] for e in repeated}),
        "transfer_count": len(transfers),
        "transfer_loop": any(t.loop for t in transfers) or is_loop_path(path),
        "department_path": path,
        "talk_ratio_agent": _round(talk_ratio_agent(turns)),
        "agent_words_per_minute": _round(agent_words_per_minute(words, turns)),
        "_dead_air_count": sum(1 for e in events if e["kind"] == "dead_air"),
        "_overtalk_count": len(talk_over),
    }
    metrics["pain_score"] = pain_score(metrics, cfg)
    return events, {k: v for k, v in metrics.items() if not k.startswith("_")}


def _round(x: float | None, nd: int = 3) -> float | None:
    return None if x is None else round(x, nd)
