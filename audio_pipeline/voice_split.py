"""A second look inside each speaker cluster of a mono call, for two voices run together.

Agglomerative clustering with one distance threshold has to choose: loose enough that one
person's voice stays one speaker over a whole call, or tight enough that two similar voices (two
agents from the same contact centre's headset model, a caller and an agent of the same
accent) come apart. A threshold that does the second splits real people too. But two voices run
together leave a mark the threshold does not look at: inside the cluster, the embeddings fall
into two tight groups, each with many members. One voice that merely varies has at most a few
stray embeddings. So each cluster is split in two where a tighter threshold finds a second group
that is large both in embeddings and as a share of the cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SplitRule:
    # Euclidean distance of unit embeddings (pyannote's "centroid" linkage), tighter than the
    # clustering's own threshold.
    threshold: float = 0.45
    # The second group must hold this many embeddings (10 s windows every 2 s, so 7 is about
    # 15 s of speech) and this share of the cluster's.
    min_embeddings: int = 7
    min_share: float = 0.1


def split_merged_voices(embeddings: np.ndarray, clusters: np.ndarray, rule: SplitRule,
                        max_clusters: int | None = None) -> np.ndarray:
    """Cluster labels (0 … K-1) with every cluster that holds two voices split in two.

    ``embeddings`` are the unit-length embeddings that were clustered into ``clusters``. Each
    cluster is looked at once; no more than ``max_clusters`` clusters come out.
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    out = np.asarray(clusters).copy()
    count = len(np.unique(out))
    for k in np.unique(clusters):
        if max_clusters is not None and count >= max_clusters:
            break
        members = np.flatnonzero(out == k)
        if len(members) < 2 * rule.min_embeddings:
            continue
        x = embeddings[members]
        groups = fcluster(linkage(x, method="centroid", metric="euclidean"), rule.threshold,
                          criterion="distance")
        labels, sizes = np.unique(groups, return_counts=True)
        if len(labels) < 2:
            continue
        order = np.argsort(-sizes, kind="stable")
        first, second = labels[order[:2]]
        n_second = int(sizes[order[1]])
        if n_second < rule.min_embeddings or n_second < rule.min_share * len(members):
            continue
        # The rest of the cluster (small groups between the two) goes with the nearer voice.
        a, b = x[groups == first].mean(axis=0), x[groups == second].mean(axis=0)
        to_b = np.linalg.norm(x - b, axis=1) < np.linalg.norm(x - a, axis=1)
        out[members[to_b]] = out.max() + 1
        count += 1
    return np.unique(out, return_inverse=True)[1]
