"""Analyse many calls: find files, reuse cached results, run in parallel, write the tables."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

import pyarrow as pa

from . import decode, roles, tables
from .detect import DetectConfig, detect_call, load_config
from .detect.semantic import intents_for
from .analyze import AnalysisOptions, CallResult, Models, analyze_call, call_id_for
from .errors import AnalysisError, ModelError

AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".ogg", ".opus", ".oga", ".m4a", ".aac", ".webm", ".wma", ".au", ".aiff", ".aif"}
# Bumped whenever the analysis changes what it would write for the same audio and options.
PIPELINE_VERSION = "6"
CACHE_DIR = ".cache"


@dataclass
class BatchReport:
    analysed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    results: list[CallResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def find_audio(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named directly, plus audio files found by recursing into folders."""
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in AUDIO_SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.is_file():
            found.append(p)
        else:
            missing.append((str(p), f"{p}: no such file or folder"))
    return found, missing


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cache_key(content_sha256: str, options: AnalysisOptions) -> str:
    fingerprint = json.dumps({"v": PIPELINE_VERSION, "options": asdict(options)}, sort_keys=True, default=str)
    return hashlib.sha256((content_sha256 + fingerprint).encode()).hexdigest()[:40]


def _load_cached(folder: Path, path: Path) -> CallResult | None:
    try:
        parts = {name: tables.read_table(folder / f"{name}.parquet", name, fill_missing=True).to_pylist()
                 for name in tables.TRANSCRIPTION_TABLES}
    except Exception:
        return None  # a damaged cache entry is just a miss
    call = parts["calls"][0]
    # The same audio may sit under a new name or folder: identity comes from where it is now.
    call_id = call_id_for(path)
    call.update(call_id=call_id, source_path=str(path.resolve()))
    for name in ("utterances", "words", "turns"):
        for row in parts[name]:
            row["call_id"] = call_id
    return CallResult(call, parts["utterances"], parts["words"], parts["turns"])


def _store_cached(folder: Path, result: CallResult) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:
        # Only the expensive stage is cached: detection is cheap and reruns with the current config.
        base = {k: v for k, v in result.call.items() if k in tables.BASE_CALL_COLUMNS}
        for name in tables.TRANSCRIPTION_TABLES:
            rows = [base] if name == "calls" else getattr(result, name)
            tables.write_table(tables.to_table(name, rows), tmp / f"{name}.parquet", name)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _rows(result: CallResult, name: str) -> list[dict]:
    return [result.call] if name == "calls" else getattr(result, name)


# One set of models per worker process, loaded on its first call.
_worker_models: Models | None = None


def _worker_init(options: AnalysisOptions, threads: int) -> None:
    global _worker_models
    import torch

    torch.set_num_threads(threads)
    _worker_models = Models(_with_threads(options, threads))


def _with_threads(options: AnalysisOptions, threads: int) -> AnalysisOptions:
    from dataclasses import replace

    return replace(options, asr=replace(options.asr, cpu_threads=threads))


def _worker_analyze(path: str, sha: str) -> CallResult:
    assert _worker_models is not None
    return analyze_call(path, _worker_models, sha)


def analyze_paths(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    options: AnalysisOptions | None = None,
    jobs: int = 1,
    progress: bool | None = None,
    on_error: Callable[[str], None] | None = None,
    use_cache: bool = True,
    detect_config: "DetectConfig | None" = None,
) -> BatchReport:
    """Analyse every call under ``paths`` and write the tables into ``out_dir``.

    A file that fails is reported through ``on_error`` (one line) and the batch goes on. Calls
    already in ``out_dir``'s tables and not in this batch are kept; a call analysed again
    replaces its old rows. Transcription is cached; detection (``detect_config``, default the
    shipped ``detect.toml``) runs again on every call each time.
    """
    from tqdm import tqdm

    options = options or AnalysisOptions()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    say = on_error or (lambda line: print(line, file=sys.stderr))

    files, missing = find_audio(paths)
    for _, line in missing:
        say(line)
    report.failed.extend(missing)

    # Two files that would share a call_id would overwrite each other's rows.
    seen: dict[str, Path] = {}
    todo: list[tuple[Path, str]] = []
    cache_root = out_dir / CACHE_DIR
    bar = tqdm(total=len(files), unit="call", disable=progress is False if progress is not None else None,
               file=sys.stderr, dynamic_ncols=True)
    for path in files:
        call_id = call_id_for(path)
        if call_id in seen:
            line = f"{path}: call id {call_id!r} already used by {seen[call_id]}; rename one of them"
            bar.write(line, file=sys.stderr) if on_error is None else say(line)
            report.failed.append((str(path), line))
            bar.update(1)
            continue
        seen[call_id] = path
        try:
            sha = file_sha256(path)
        except OSError as exc:
            line = f"{path}: cannot read ({exc.strerror})"
            say(line)
            report.failed.append((str(path), line))
            bar.update(1)
            continue
        cached = _load_cached(cache_root / cache_key(sha, options), path) if use_cache else None
        if cached is not None:
            report.results.append(cached)
            report.cached.append(cached.call["call_id"])
            bar.update(1)
        else:
            todo.append((path, sha))

    def finished(path: Path, sha: str, result: CallResult) -> None:
        _store_cached(cache_root / cache_key(sha, options), result)
        report.results.append(result)
        report.analysed.append(result.call["call_id"])

    def failed(path: Path, exc: BaseException) -> None:
        line = str(exc) if isinstance(exc, AnalysisError) else f"{path}: {type(exc).__name__}: {exc}"
        line = line.splitlines()[0] if line else f"{path}: failed"
        bar.write(line, file=sys.stderr) if on_error is None else say(line)
        report.failed.append((str(path), line))

    if jobs <= 1 or len(todo) <= 1:
        models = Models(options)
        for path, sha in todo:
            bar.set_postfix_str(path.name)
            try:
                finished(path, sha, analyze_call(path, models, sha))
            except ModelError:
                raise
            except Exception as exc:
                failed(path, exc)
            bar.update(1)
    else:
        threads = max(1, (os.cpu_count() or 1) // jobs)
        # spawn, not fork: torch and CTranslate2 thread pools do not survive a fork.
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_worker_init,
                                 initargs=(options, threads)) as pool:
            futures = {pool.submit(_worker_analyze, str(p), sha): (p, sha) for p, sha in todo}
            for fut in as_completed(futures):
                path, sha = futures[fut]
                try:
                    finished(path, sha, fut.result())
                except ModelError:
                    raise
                except Exception as exc:
                    failed(path, exc)
                bar.update(1)
    bar.close()

    config = detect_config if detect_config is not None else load_config()
    for result in report.results:
        try:
            detect_into(result, config)
        except AnalysisError as exc:
            say(str(exc).splitlines()[0])
        except Exception as exc:  # a detector bug must not lose the transcription
            say(f"{result.call['source_path']}: detection failed ({type(exc).__name__}: {exc})".splitlines()[0])

    if report.results:
        write_batch(out_dir, report.results, Models(options).versions())
    return report


def detect_into(result: CallResult, config: "DetectConfig") -> None:
    """Run detection on one transcribed call: fills ``result.events`` and the metric columns."""
    audio = decode.load(result.call["source_path"])
    if audio.channels == 1:
        _reassign_roles(result, config)
    events, metrics = detect_call(audio, result.call, result.utterances, result.words, result.turns, config)
    result.events = events
    result.call.update(metrics)


def _reassign_roles(result: CallResult, config: "DetectConfig") -> None:
    """A mono call's roles again, now reading what each speaker's sentences mean as well as
    their phrases: transcription has no sentence model, and roles are cheap, so like detection
    they follow the current code and settings rather than the cache."""
    intents = intents_for(config)
    said = [_Said(u["speaker"], u["start_s"], u["end_s"], u["text"]) for u in result.utterances]
    role_of = roles.assign_roles(said, intent_of=(lambda s: intents.nearest(s)[0]) if intents else None)
    for rows in (result.utterances, result.words, result.turns):
        for row in rows:
            row["role"] = role_of.get(row["speaker"], "unknown")


class _Said(NamedTuple):
    speaker: str
    start_s: float
    end_s: float
    text: str


def write_batch(out_dir: Path, results: list[CallResult], models: dict) -> None:
    """Merge this batch into the tables in ``out_dir``; each file is replaced atomically."""
    new_ids = {r.call["call_id"] for r in results}
    for name in tables.TABLES:
        fresh = tables.to_table(name, [row for r in results for row in _rows(r, name)])
        target = out_dir / f"{name}.parquet"
        if target.exists():
            try:
                old = tables.read_table(target, name, fill_missing=True)
                keep = [cid not in new_ids for cid in old.column("call_id").to_pylist()]
                fresh = pa.concat_tables([old.filter(pa.array(keep, pa.bool_())), fresh]).combine_chunks()
            except Exception as exc:
                print(f"{target}: existing table unreadable ({exc}); replacing it with this batch", file=sys.stderr)
        fresh = _sorted(fresh, name)
        tables.write_table(fresh, target, name, models)


def _sorted(table: pa.Table, name: str) -> pa.Table:
    """Rows by call, then time: Arrow cannot sort dictionary columns, so sort on decoded keys."""
    import pyarrow.compute as pc

    keys = {"call_id": table.column("call_id").cast(pa.string())}
    if name != "calls":
        keys["start_s"] = table.column("start_s")
    order = pc.sort_indices(pa.table(keys), sort_keys=[(k, "ascending") for k in keys])
    return table.take(order)
