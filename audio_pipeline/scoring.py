"""Scores against references: word error rate and diarization error rate.

Used by the benchmarks and tests; references are pyannote's sample (STM/RTTM) and the
ground-truth JSON beside each generated call in ``sample_calls/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}


def normalize(text: str) -> list[str]:
    """Lower case, no punctuation, digits split one per token, spelled digits as digits.

    Whisper writes "4 5 3 9" or "4539" or "four five" for the same speech; a card read digit
    by digit should not count as four errors because of formatting.
    """
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=\d)[,.](?=\d)", "", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    tokens: list[str] = []
    for tok in text.split():
        tok = tok.strip("'")
        if not tok:
            continue
        tok = _NUMBER_WORDS.get(tok, tok)
        if tok.isdigit():
            tokens.extend(tok)
        else:
            tokens.append(tok)
    return tokens


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate after :func:`normalize` (substitutions + deletions + insertions) / N."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)


def read_stm(path: Path) -> list[tuple[str, float, float, str]]:
    rows = []
    for line in Path(path).read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and not line.startswith(";;"):
            rows.append((parts[2], float(parts[3]), float(parts[4]), parts[5]))
    return rows


def load_ground_truth(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def reference_text(truth: dict) -> str:
    return " ".join(s["text"] for s in sorted(truth["segments"], key=lambda s: s["start_s"]))


def der(reference: list[tuple[float, float, str]], hypothesis: list[tuple[float, float, str]],
        collar: float = 0.0) -> float:
    """Diarization error rate (pyannote.metrics), overlaps scored, optional forgiveness collar."""
    from pyannote.core import Annotation, Segment
    from pyannote.metrics.diarization import DiarizationErrorRate

    def annotation(turns):
        ann = Annotation()
        for i, (start, end, who) in enumerate(turns):
            if end > start:
                ann[Segment(start, end), i] = who
        return ann

    return float(DiarizationErrorRate(collar=collar)(annotation(reference), annotation(hypothesis)))
