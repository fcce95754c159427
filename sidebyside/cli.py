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
                   help="faster-whisper model: a local CTranslate2 folder or a hub name (default: bundled tiny.en)")
    a.add_argument("--diarizer", default=None, metavar="PIPELINE",
                   help="pyannote pipeline folder or hub id for mono calls (default: bundled segmentation-3.0 + CAM++)")
    a.add_argument("--agent-channel", type=int, choices=(0, 1), default=0,
                   help="stereo channel that carries the agent side (default 0)")
    a.add_argument("--num-speakers", type=int, default=None, metavar="N", help="mono calls: exact speaker count, if known")
    a.add_argument("--no-cache", action="store_true", help="analyse again even if a call is unchanged")
    a.add_argument("--quiet", action="store_true", help="no progress bar or summary")

    args = parser.parse_args(argv)
    if args.command == "analyze":
        return _analyze(args)
    return 2


def _analyze(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from audio_pipeline import AnalysisOptions, analyze_paths
    from audio_pipeline.errors import ModelError

    options = AnalysisOptions(agent_channel=args.agent_channel)
    if args.asr_model:
        options = replace(options, asr=replace(options.asr, model=args.asr_model))
    if args.diarizer or args.num_speakers:
        d = options.diarizer
        options = replace(options, diarizer=replace(d, pipeline=args.diarizer or d.pipeline,
                                                    num_speakers=args.num_speakers))
    if args.jobs < 1:
        print("sidebyside analyze: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        report = analyze_paths(args.paths, args.out, options, jobs=args.jobs,
                               progress=False if args.quiet else None, use_cache=not args.no_cache)
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
