"""``sidebyside clip``: the audio span, its sidecars, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from annotations.clip import ClipError, make_clip
from annotations.workspace import calls_by_id
from sidebyside.cli import main

from .builders import DATED, GONE


def test_clip_audio_and_sidecars(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "share" / "clip.wav"
    result = make_clip(workspace, DATED, 1.0, 3.0, out)
    data, rate = sf.read(out, always_2d=True)
    source, _ = sf.read(calls_by_id(workspace)[DATED]["source_path"], always_2d=True)
    assert rate == 8000 and data.shape == (16000, 1)
    assert np.allclose(data, source[8000:24000], atol=1e-4)  # the right samples, not just the right length

    meta = json.loads(result.sidecar_json.read_text())
    assert meta["call_id"] == DATED and meta["transcript_redacted"] is True and meta["audio_redacted"] is False
    text = " ".join(line["text"] for line in meta["transcript"])
    assert "4 5 3 9" not in text and "[CARD]" in text and "jane.doe" not in text
    assert [line["utterance_id"] for line in meta["transcript"]] == [1, 2]
    assert "CARD" in result.pii_labels
    # Overlapping, live annotations only: the one at 3.0-4.0 touches the end and is left out.
    notes = meta["annotations"]
    assert sorted(a["reviewer"] for a in notes) == ["alice", "bob"]
    assert all("4539" not in (a["note"] or "") for a in notes)
    human = result.sidecar_txt.read_text()
    assert "customer_effort" not in human and "Customer effort" in human and "[CARD]" in human


def test_clip_no_redact_and_flac(workspace: Path, tmp_path: Path) -> None:
    result = make_clip(workspace, DATED, 0.0, 4.0, tmp_path / "c.flac", redact=False)
    assert sf.info(str(result.audio)).format == "FLAC"
    meta = json.loads(result.sidecar_json.read_text())
    assert "jane.doe@example.com" in " ".join(line["text"] for line in meta["transcript"])
    assert result.pii_labels == []


@pytest.mark.parametrize("args, message", [
    (("no-such-call", 0.0, 1.0), "no call 'no-such-call'"),
    ((DATED, 2.0, 1.0), "end 1 s is not after start 2 s"),
    ((DATED, 1.0, 1.0), "is not after start"),
    ((DATED, 3.0, 9.0), "outside the call (0-4.00 s)"),
    ((DATED, -1.0, 1.0), "outside the call"),
    ((GONE, 0.0, 1.0), "source audio of call gone is missing"),
])
def test_clip_errors(workspace: Path, tmp_path: Path, args, message: str) -> None:
    with pytest.raises(ClipError, match=message.replace("(", r"\(").replace(")", r"\)")):
        make_clip(workspace, *args, tmp_path / "c.wav")
    assert not (tmp_path / "c.wav").exists()


def test_clip_bad_extension(workspace: Path, tmp_path: Path) -> None:
    with pytest.raises(ClipError, match=r"cannot write audio with extension '\.mp4'"):
        make_clip(workspace, DATED, 0.0, 1.0, tmp_path / "c.mp4")


def test_clip_refuses_changed_audio(workspace: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from audio_pipeline import tables

    calls = pq.read_table(workspace / "calls.parquet").to_pylist()
    for c in calls:
        c["content_sha256"] = "0" * 64  # as if the file had been re-recorded after analysis
    tables.write_table(tables.to_table("calls", calls), workspace / "calls.parquet", "calls")
    with pytest.raises(ClipError, match="changed since analysis"):
        make_clip(workspace, DATED, 0.0, 1.0, tmp_path / "c.wav")


def test_cli_clip_one_line_errors(workspace: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "c.wav"
    assert main(["clip", DATED, "1", "2", "--workspace", str(workspace), "--out", str(out)]) == 0
    assert out.is_file() and "warning" in capsys.readouterr().err
    assert main(["clip", "nope", "1", "2", "--workspace", str(workspace), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sidebyside clip: ") and "'nope'" in err
    assert main(["clip", DATED, "1", "2", "--workspace", str(tmp_path / "none"), "--out", str(out)]) == 1
    assert "no such workspace folder" in capsys.readouterr().err
