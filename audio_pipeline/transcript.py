"""Put words and speakers together: every word gets a speaker, words become utterances."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .asr import Word
from .diarize import Turn

# A pause longer than this inside one speaker's talk starts a new utterance line.
UTTERANCE_GAP_S = 1.2


@dataclass(frozen=True)
class SpokenWord:
    start_s: float
    end_s: float
    word: str
    probability: float
    speaker: str


@dataclass(frozen=True)
class Utterance:
    utterance_id: int
    speaker: str
    start_s: float
    end_s: float
    words: tuple[SpokenWord, ...]

    @property
    def text(self) -> str:
        return " ".join(w.word for w in self.words)


def attribute_words(words: list[Word], turns: list[Turn], fallback: str = "unknown") -> list[SpokenWord]:
    """Give each word the speaker whose turns overlap it most.

    A word in no turn (diarization and ASR disagree on a boundary) goes to the nearest turn
    within 1 s, else ``fallback``.
    """
    starts = [t.start_s for t in turns]
    out = []
    for w in words:
        best, best_overlap = None, 0.0
        # Turns are sorted by start; any turn overlapping w starts before w ends.
        hi = bisect.bisect_right(starts, w.end_s)
        for t in turns[max(0, hi - 64) : hi]:
            overlap = min(t.end_s, w.end_s) - max(t.start_s, w.start_s)
            if overlap > best_overlap:
                best, best_overlap = t.speaker, overlap
        if best is None:
            best = _nearest_speaker(turns, starts, (w.start_s + w.end_s) / 2) or fallback
        out.append(SpokenWord(w.start_s, w.end_s, w.word, w.probability, best))
    return out


def _nearest_speaker(turns: list[Turn], starts: list[float], t: float, within: float = 1.0) -> str | None:
    i = bisect.bisect_right(starts, t)
    best, best_d = None, within
    for turn in turns[max(0, i - 32) : i + 2]:
        d = max(turn.start_s - t, t - turn.end_s, 0.0)
        if d <= best_d:
            best, best_d = turn.speaker, d
    return best


def build_utterances(words: list[SpokenWord]) -> list[Utterance]:
    """Consecutive words of one speaker, split at a speaker change or a long pause.

    ``words`` may interleave speakers (stereo overlap); each speaker's words are grouped on
    their own, then utterances are ordered by start time.
    """
    by_speaker: dict[str, list[SpokenWord]] = {}
    for w in sorted(words, key=lambda w: w.start_s):
        by_speaker.setdefault(w.speaker, []).append(w)

    # A speaker's line also ends where another speaker talks in between (a normal turn change),
    # unless that talk is only inside an overlap.
    all_sorted = sorted(words, key=lambda w: w.start_s)
    others_starts = [w.start_s for w in all_sorted]

    groups: list[list[SpokenWord]] = []
    for speaker, ws in by_speaker.items():
        current: list[SpokenWord] = []
        for w in ws:
            if current:
                gap = w.start_s - current[-1].end_s
                interrupted = _someone_else_between(all_sorted, others_starts, speaker, current[-1].end_s, w.start_s)
                if gap > UTTERANCE_GAP_S or interrupted:
                    groups.append(current)
                    current = []
            current.append(w)
        if current:
            groups.append(current)
    groups.sort(key=lambda g: (g[0].start_s, g[0].speaker))
    return [
        Utterance(i, g[0].speaker, g[0].start_s, max(w.end_s for w in g), tuple(g))
        for i, g in enumerate(groups)
    ]


def _someone_else_between(all_sorted, starts, speaker, t0, t1) -> bool:
    lo = bisect.bisect_left(starts, t0)
    hi = bisect.bisect_right(starts, t1)
    return any(all_sorted[i].speaker != speaker and all_sorted[i].end_s <= t1 + 0.05 for i in range(lo, hi))
