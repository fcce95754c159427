"""The second look inside each speaker cluster (voice_split.py): on constructed embeddings, where
the geometry is known, and on real speech through the bundled pipeline."""

from __future__ import annotations

import numpy as np
import pytest
from audio_pipeline import decode
from audio_pipeline.diarize import Diarizer, DiarizerOptions
from audio_pipeline.voice_split import SplitRule, split_merged_voices

RULE = SplitRule()


def _voice(rng: np.random.Generator, centre: np.ndarray, n: int, spread: float = 0.05) -> np.ndarray:
    x = centre + rng.normal(0, spread / np.sqrt(len(centre)), (n, len(centre)))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _centres(rng: np.random.Generator, distance: float, dim: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """Two unit vectors ``distance`` apart (Euclidean)."""
    a = rng.normal(size=dim)
    a /= np.linalg.norm(a)
    o = rng.normal(size=dim)
    o -= (o @ a) * a
    o /= np.linalg.norm(o)
    angle = 2 * np.arcsin(distance / 2)
    return a, np.cos(angle) * a + np.sin(angle) * o


def test_two_voices_under_one_label_come_apart_and_the_others_keep_theirs():
    rng = np.random.default_rng(0)
    a, b = _centres(rng, 0.55)   # closer than the clustering's 0.6: pyannote ran them together
    c = _centres(rng, 1.2)[1]
    x = np.vstack([_voice(rng, a, 30), _voice(rng, b, 12), _voice(rng, c, 20)])
    clusters = np.array([0] * 42 + [1] * 20)

    out = split_merged_voices(x, clusters, RULE)

    assert len(set(out)) == 3
    assert len(set(out[:30])) == 1 and len(set(out[30:42])) == 1
    assert out[0] != out[30]
    assert len(set(out[42:])) == 1 and out[42] not in (out[0], out[30])


def test_one_voice_with_a_few_stray_embeddings_stays_one_speaker():
    rng = np.random.default_rng(1)
    a, b = _centres(rng, 0.55)
    # Six strays: one fewer than a second voice needs.
    x = np.vstack([_voice(rng, a, 40), _voice(rng, b, RULE.min_embeddings - 1)])
    assert set(split_merged_voices(x, np.zeros(len(x), int), RULE)) == {0}


def test_a_second_group_too_small_a_share_of_a_long_speaker_is_not_a_voice():
    rng = np.random.default_rng(2)
    a, b = _centres(rng, 0.55)
    x = np.vstack([_voice(rng, a, 200), _voice(rng, b, 12)])   # 12 embeddings, but 6% of them
    assert set(split_merged_voices(x, np.zeros(len(x), int), RULE)) == {0}
    assert len(set(split_merged_voices(x[:100], np.zeros(100, int), RULE))) == 1
    assert len(set(split_merged_voices(np.vstack([x[:100], x[200:]]), np.zeros(112, int), RULE))) == 2


def test_one_tight_voice_is_left_alone_and_max_clusters_is_kept():
    rng = np.random.default_rng(3)
    a, b = _centres(rng, 0.55)
    one = _voice(rng, a, 60)
    assert set(split_merged_voices(one, np.zeros(60, int), RULE)) == {0}

    two = np.vstack([_voice(rng, a, 30), _voice(rng, b, 30)])
    assert len(set(split_merged_voices(two, np.zeros(60, int), RULE, max_clusters=1))) == 1
    assert len(set(split_merged_voices(two, np.zeros(60, int), RULE, max_clusters=2))) == 2


@pytest.fixture(scope="module")
def sample_embeddings(pyannote_sample) -> tuple[np.ndarray, np.ndarray]:
    """The bundled pipeline's own unit embeddings of pyannote's two-speaker sample (real speech,
    10 s windows) and pyannote's clusters of them, before any split."""
    diarizer = Diarizer(DiarizerOptions(split=None))
    clustering = diarizer._pipeline.clustering
    own = type(clustering).__mro__[1].cluster   # pyannote's AgglomerativeClustering.cluster
    seen = {}

    def spy(embeddings, **kwargs):
        seen["clusters"] = own(clustering, embeddings, **kwargs)
        seen["embeddings"] = embeddings.copy()
        return seen["clusters"]

    clustering.cluster = spy
    diarizer.diarize(decode.load(pyannote_sample).samples[0])
    return seen["embeddings"], seen["clusters"]


def test_each_real_voice_alone_is_kept_whole(sample_embeddings):
    x, clusters = sample_embeddings
    assert len(set(clusters)) == 2

    # The sample is 30 s: 11 and 8 windows, too few for the default rule to look inside either
    # speaker. A rule that looks inside the larger one (groups of 5) keeps that real voice
    # whole; with groups of 4 a real voice does split: the margin the default's 7 keeps.
    one = x[clusters == np.bincount(clusters).argmax()]
    looser = SplitRule(min_embeddings=5)
    assert len(one) >= 2 * looser.min_embeddings
    assert set(split_merged_voices(one, np.zeros(len(one), int), looser)) == {0}
    loosest = SplitRule(min_embeddings=4)
    assert any(len(set(split_merged_voices(v, np.zeros(len(v), int), loosest))) == 2
               for v in (x[clusters == 0], x[clusters == 1]))


def test_the_bundled_pipeline_splits_unless_told_how_many_speakers_or_told_not_to():
    rng = np.random.default_rng(4)
    a, b = _centres(rng, 0.55)
    x = np.vstack([_voice(rng, a, 30), _voice(rng, b, 30)])

    clustering = Diarizer(DiarizerOptions())._pipeline.clustering
    assert len(set(clustering.cluster(x.copy(), min_clusters=1, max_clusters=6))) == 2
    # The user said how many: pyannote's count stands.
    assert len(set(clustering.cluster(x.copy(), min_clusters=1, max_clusters=1, num_clusters=1))) == 1

    off = Diarizer(DiarizerOptions(split=None))._pipeline.clustering
    assert len(set(off.cluster(x.copy(), min_clusters=1, max_clusters=6))) == 1
