"""Audio → transcripts with speakers and roles → Parquet tables.

The public surface: ``analyze_paths`` for a batch, ``analyze_call`` for one file, and the
options dataclasses. Nothing here imports the store or the workstation.
"""

from .analyze import AnalysisOptions, CallResult, Models, analyze_call, call_id_for
from .asr import AsrOptions
from .batch import BatchReport, analyze_paths
from .diarize import DiarizerOptions
from .errors import AnalysisError, AudioError, ModelError

__all__ = [
    "AnalysisError", "AnalysisOptions", "AsrOptions", "AudioError", "BatchReport", "CallResult",
    "DiarizerOptions", "ModelError", "Models", "analyze_call", "analyze_paths", "call_id_for",
]
