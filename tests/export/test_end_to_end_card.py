"""Real speech end to end: espeak-ng reads a card number digit by digit, the real
``sidebyside analyze`` transcribes it, and the default export must not contain it.

About a minute on two CPU cores, almost all of it loading the ASR and diarization
models; the audio is under eight seconds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pytest
import soundfile as sf

from annotations import AnnotationStore
from sidebyside.cli import main

from .builders import CARD, REPO_ROOT

pytestmark = pytest.mark.slow
CALL_ID = "card_2024-05-01"
SPOKEN = "My card number is " + ", ".join(" ".join(CARD[i:i + 4]) for i in range(0, 16, 4)) + "."


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    import soxr

    root = tmp_path_factory.mktemp("card")
    raw, audio_dir, ws = root / "raw.wav", root / "audio", root / "ws"
    audio_dir.mkdir()
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(raw), SPOKEN], check=True, capture_output=True)
    data, rate = sf.read(raw)
    sf.write(audio_dir / f"{CALL_ID}.wav", soxr.resample(data, rate, 16000), 16000, subtype="PCM_16")
    proc = subprocess.run(
        [sys.executable, "-m", "sidebyside", "analyze", str(audio_dir), "--out", str(ws), "--quiet"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=540,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    with AnnotationStore.open(ws) as store:
        store.add(CALL_ID, 0.5, 6.0, "other", reviewer="qa", note=f"customer read {CARD} aloud")
    return ws


def _card_pieces(folder: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) for every string holding 4+ consecutive digits of the card.

    Digits count as consecutive across spaces, commas, dots and hyphens, and across
    rows of the words table (one digit per row), which is how ASR splits them.
    """
    found = []
    for table_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        t = ds.dataset(table_dir, format="parquet", partitioning="hive").to_table()
        for name in t.column_names:
            col = t.column(name)
            if pa.types.is_dictionary(col.type):
                col = col.cast(pa.string())
            if not pa.types.is_string(col.type) or name in ("content_sha256", "source_path", "annotation_id"):
                continue  # hashes, local paths and random ids: machine-made, not speech
            values = [v or "" for v in col.to_pylist()]
            for v in values + [" ".join(values)]:  # each value, and the column read as one stream
                for run in re.findall(r"\d(?:[\s,.\-]*\d)*", v):
                    digits = re.sub(r"\D", "", run)
                    if any(digits[i:i + 4] in CARD for i in range(len(digits) - 3)):
                        found.append((table_dir.name, name, run))
    return found


def test_spoken_card_never_leaves_in_a_default_export(analysed: Path, tmp_path: Path) -> None:
    clear, red = tmp_path / "clear", tmp_path / "red"
    assert main(["export", str(analysed), "--out", str(clear), "--no-redact"]) == 0
    # The premise: ASR really wrote (part of) the card number down.
    leaked_without_redaction = _card_pieces(clear)
    assert any(table == "utterances" for table, _, _ in leaked_without_redaction), leaked_without_redaction

    assert main(["export", str(analysed), "--out", str(red)]) == 0
    assert _card_pieces(red) == []
    utterances = ds.dataset(red / "utterances", format="parquet", partitioning="hive").to_table()
    assert "[CARD]" in " ".join(utterances.column("text").to_pylist())
    assert [p.name for p in (red / "calls").iterdir()] == ["call_date=2024-05-01"]
