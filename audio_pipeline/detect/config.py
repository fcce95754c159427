"""Detection settings: the shipped ``detect.toml`` with a user's file laid over it."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from ..errors import AnalysisError

DEFAULT_PATH = Path(__file__).with_name("detect.toml")
ENV_VAR = "SIDEBYSIDE_DETECT_CONFIG"


class DetectConfig(dict):
    """Nested settings; ``cfg["hold"]["min_s"]``. ``source`` names the files it came from."""

    source: str = str(DEFAULT_PATH)


def load_config(path: str | Path | None = None) -> DetectConfig:
    """The defaults, overridden key by key by ``path`` (or $SIDEBYSIDE_DETECT_CONFIG).

    Lists replace lists rather than extend them, so a centre can also remove a phrase.
    """
    base = _read(DEFAULT_PATH)
    path = path or os.environ.get(ENV_VAR) or None
    cfg = DetectConfig(base)
    if path:
        user = _read(Path(path))
        _check_keys(user, base, Path(path), "")
        cfg = DetectConfig(_merge(base, user))
        cfg.source = f"{DEFAULT_PATH} + {path}"
        _check_ranges(cfg, Path(path))
    return cfg


def _check_ranges(cfg: dict, path: Path) -> None:
    if not 50 <= cfg["fuzzy"] <= 100:
        raise AnalysisError(path, "fuzzy must be between 50 and 100")
    if cfg["pain"]["scale"] <= 0:
        raise AnalysisError(path, "pain.scale must be above 0")
    sem = cfg["semantic"]
    for key in ("min_similarity", "transfer_min_similarity", "complaint_min_similarity", "hold_cancel_min_similarity"):
        if not 0 < sem[key] <= 1:
            raise AnalysisError(path, f"semantic.{key} must be above 0 and at most 1")
    if not 0 < cfg["transfer"]["new_voice_distance"] <= 2:
        raise AnalysisError(path, "transfer.new_voice_distance must be above 0 and at most 2")
    for section in ("hold", "dead_air", "overtalk", "verification", "acoustic", "pain"):
        for key, value in cfg[section].items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
                raise AnalysisError(path, f"{section}.{key} must not be negative")


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise AnalysisError(path, "detection config not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise AnalysisError(path, f"not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise AnalysisError(path, "not valid TOML (not UTF-8 text)") from None
    except OSError as exc:
        raise AnalysisError(path, f"cannot read ({exc.strerror or exc})") from None


def _check_keys(user: dict, base: dict, path: Path, prefix: str) -> None:
    for key, value in user.items():
        # Departments and items are open sets: a centre may add its own.
        if prefix in ("transfer.departments.", "transfer.topics.", "transfer.menu_heard_as.", "verification.items."):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise AnalysisError(path, f"{prefix}{key} must be a list of phrases")
            continue
        if key not in base:
            raise AnalysisError(path, f"unknown setting {prefix}{key}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise AnalysisError(path, f"{prefix}{key} must be a table")
            _check_keys(value, base[key], path, f"{prefix}{key}.")
        elif isinstance(base[key], list):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise AnalysisError(path, f"{prefix}{key} must be a list of phrases")
        elif isinstance(base[key], (int, float)) and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise AnalysisError(path, f"{prefix}{key} must be a number")
        elif isinstance(base[key], str) and not (isinstance(value, str) and value.strip()):
            raise AnalysisError(path, f"{prefix}{key} must be a non-empty string")


def _merge(base: dict, user: dict) -> dict[str, Any]:
    out = dict(base)
    for key, value in user.items():
        out[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out
