"""``sidebyside`` — a thin layer: parse options, call one function per command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sidebyside", description="Call-audio analysis workstation.")
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="transcribe and diarize calls into Parquet tables")
    a.add_argument("paths", nargs="+", metavar="PATH", help="audio files or folders (searched recursively)")
    a.add_argument("--out", required=True, metavar="DIR", help="folder for the Parquet tables")
    a.add_argument("--jobs", type=int, default=1, metavar="N", help="calls analysed in parallel (processes)")
    a.add_argument("--asr-model", default=None, metavar="MODEL",
                   help="faster-whisper model: bundled:base (default), bundled:tiny.en (faster), "
                        "a local CTranslate2 folder or a hub name")
    a.add_argument("--diarizer", default=None, metavar="PIPELINE",
                   help="pyannote pipeline folder or hub id for mono calls (default: bundled segmentation-3.0 + CAM++)")
    a.add_argument("--agent-channel", type=int, choices=(0, 1), default=0,
                   help="stereo channel that carries the agent side (default 0)")
    a.add_argument("--num-speakers", type=int, default=None, metavar="N", help="mono calls: exact speaker count, if known")
    a.add_argument("--no-voice-split", action="store_true",
                   help="mono calls: keep pyannote's speaker clusters, without the second look for two voices in one")
    a.add_argument("--detect-config", default=None, metavar="FILE",
                   help="detection settings (TOML) laid over the shipped detect.toml "
                        "(default: $SIDEBYSIDE_DETECT_CONFIG if set)")
    a.add_argument("--no-cache", action="store_true", help="analyse again even if a call is unchanged")
    a.add_argument("--quiet", action="store_true", help="no progress bar or summary")

    e = sub.add_parser("export", help="export tables and annotations as date-partitioned Parquet")
    e.add_argument("workspace", nargs="?", default="out", metavar="WORKSPACE",
                   help="folder analyze wrote, with its annotations.sqlite (default: out)")
    e.add_argument("--out", required=True, metavar="DIR", help="export folder (replaced atomically)")
    e.add_argument("--no-redact", action="store_true",
                   help="keep card numbers, dates of birth, ... in clear text (authorised users only)")
    e.add_argument("--date-pattern", default=None, metavar="PATTERN",
                   help="call date in the call id or file name: strftime-like (call_%%Y%%m%%d) or a regex "
                        "with groups year, month, day (default: ISO dates like 2024-05-01 or 20240501)")

    c = sub.add_parser("clip", help="cut a shareable audio clip with its transcript and annotations")
    c.add_argument("call_id", metavar="CALL_ID")
    c.add_argument("start", type=float, metavar="START", help="seconds from the start of the call")
    c.add_argument("end", type=float, metavar="END", help="seconds from the start of the call")
    c.add_argument("--workspace", default="out", metavar="DIR", help="folder analyze wrote (default: out)")
    c.add_argument("--out", required=True, metavar="FILE", help="clip file; format from the extension (.wav, .flac, .ogg)")
    c.add_argument("--no-redact", action="store_true", help="keep PII in the transcript excerpt")

    g = sub.add_parser("agreement", help="inter-reviewer agreement (Cohen's kappa) on annotated calls")
    g.add_argument("workspace", nargs="?", default="out", metavar="WORKSPACE",
                   help="folder analyze wrote, with its annotations.sqlite (default: out)")
    g.add_argument("--step", type=float, default=0.01, metavar="SECONDS", help="timeline step (default 0.01)")

    # --- review (workstation) ---
    r = sub.add_parser("review", help="listen, read and annotate calls in the terminal workstation")
    r.add_argument("out_dir", nargs="?", default="out", metavar="OUT_DIR",
                   help="folder analyze wrote (default: out)")
    r.add_argument("--reviewer", default=None, metavar="NAME",
                   help="name saved with annotations (default: $SIDEBYSIDE_REVIEWER or the OS user)")
    r.add_argument("--audio", choices=("auto", "device", "silent"), default="auto",
                   help="playback backend: sound device when one exists (auto), or a silent clock")

    v = sub.add_parser("evaluate", help="score detections against ground truth (precision, recall, F1, ...)")
    v.add_argument("out_dir", metavar="OUT_DIR", help="folder analyze wrote (calls.parquet, events.parquet)")
    v.add_argument("ground_truth_dir", metavar="GROUND_TRUTH_DIR",
                   help="folder of ground-truth JSON files, one per call (as in sample_calls/)")
    v.add_argument("--json", default=None, metavar="FILE", help="also write every figure to FILE as JSON")

    args = parser.parse_args(argv)
    if args.command == "analyze":
        return _analyze(args)
    if args.command == "export":
        return _export(args)
    if args.command == "clip":
        return _clip(args)
    if args.command == "agreement":
        return _agreement(args)
    if args.command == "review":
        return _review(args)
    if args.command == "evaluate":
        return _evaluate(args)
    return 2


def _evaluate(args: argparse.Namespace) -> int:
    from audio_pipeline.evaluate import (EvaluationError, evaluate, format_report, load_predictions,
                                         load_truth, write_json)

    def warn(message: str) -> None:
        print(f"sidebyside evaluate: {message}", file=sys.stderr)

    try:
        pred = load_predictions(args.out_dir)
        truth = load_truth(args.ground_truth_dir, warn=warn)
        figures = evaluate(pred, truth)
    except EvaluationError as exc:
        print(f"sidebyside evaluate: {exc}", file=sys.stderr)
        return 1
    print(format_report(figures))
    if args.json:
        try:
            write_json(figures, args.json)
        except OSError as exc:
            print(f"sidebyside evaluate: {args.json}: cannot write ({exc.strerror or exc})", file=sys.stderr)
            return 1
    return 0


def _review(args: argparse.Namespace) -> int:
    from workstation import run

    return run(args.out_dir, reviewer=args.reviewer, audio=args.audio)


def _export(args: argparse.Namespace) -> int:
    from annotations.errors import StoreError
    from annotations.export import export_workspace
    from annotations.workspace import WorkspaceError

    try:
        report = export_workspace(args.workspace, args.out, redact=not args.no_redact,
                                  date_pattern=args.date_pattern)
    except (WorkspaceError, StoreError, OSError) as exc:
        print(f"sidebyside export: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {name}" for name, n in report.rows.items())
    sources = ", ".join(f"{src} {n}" for src, n in report.date_sources.items())
    print(f"exported {counts} to {report.out} ({len(report.dates)} call date(s); dates from: {sources})")
    print("PII redacted" if report.redacted else "NOT redacted: contains PII in clear text")
    return 0


def _clip(args: argparse.Namespace) -> int:
    from annotations.clip import make_clip
    from annotations.errors import StoreError
    from annotations.workspace import WorkspaceError

    try:
        result = make_clip(args.workspace, args.call_id, args.start, args.end, args.out,
                           redact=not args.no_redact)
    except (WorkspaceError, StoreError, OSError) as exc:
        print(f"sidebyside clip: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {result.audio}, {result.sidecar_json} and {result.sidecar_txt}")
    if result.pii_labels:
        print(f"warning: the transcript excerpt had {', '.join(result.pii_labels)} redacted; "
              "the audio is not redacted and still contains it", file=sys.stderr)
    return 0


def _agreement(args: argparse.Namespace) -> int:
    from annotations.agreement import agreement, format_report
    from annotations.errors import StoreError
    from annotations.workspace import WorkspaceError

    if not args.step > 0:
        print("sidebyside agreement: --step must be positive", file=sys.stderr)
        return 2
    try:
        report = agreement(args.workspace, step_s=args.step)
    except (WorkspaceError, StoreError) as exc:
        print(f"sidebyside agreement: {exc}", file=sys.stderr)
        return 1
    print(format_report(report))
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from audio_pipeline import AnalysisOptions, analyze_paths
    from audio_pipeline.detect import load_config
    from audio_pipeline.errors import AnalysisError, ModelError

    options = AnalysisOptions(agent_channel=args.agent_channel)
    if args.asr_model:
        options = replace(options, asr=replace(options.asr, model=args.asr_model))
    if args.diarizer or args.num_speakers:
        d = options.diarizer
        options = replace(options, diarizer=replace(d, pipeline=args.diarizer or d.pipeline,
                                                    num_speakers=args.num_speakers))
    if args.no_voice_split:
        options = replace(options, diarizer=replace(options.diarizer, split=None))
    if args.jobs < 1:
        print("sidebyside analyze: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        config = load_config(args.detect_config)
        # The sentence model loads before any audio: a missing or broken one is one line
        # now, not the same failure repeated for every call of the batch.
        from audio_pipeline.detect.semantic import intents_for

        intents_for(config)
    except AnalysisError as exc:
        print(f"sidebyside analyze: {exc}", file=sys.stderr)
        return 2
    try:
        report = analyze_paths(args.paths, args.out, options, jobs=args.jobs,
                               progress=False if args.quiet else None, use_cache=not args.no_cache,
                               detect_config=config)
    except ModelError as exc:
        print(f"sidebyside analyze: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sidebyside analyze: interrupted; tables already written are intact", file=sys.stderr)
        return 130
    if not args.quiet:
        from .summary import print_summary

        print_summary(report, Path(args.out))
    if report.failed:
        print(f"{len(report.failed)} file(s) failed; see the lines above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
