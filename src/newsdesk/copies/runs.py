"""Runs of equal values in numpy arrays: distinct values, how often each occurs, rank within a run.

``np.unique`` does the same with more overhead on the many small arrays the
copy search handles; these three share one definition of where a run starts.
"""

from __future__ import annotations

import numpy as np


def _starts(ordered: np.ndarray) -> np.ndarray:
    """True where a run of equal values begins in the sorted array ``ordered``."""
    edge = np.empty(len(ordered), dtype=bool)
    if len(ordered):
        edge[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=edge[1:])
    return edge


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values."""
    ordered = np.sort(values)
    return ordered[_starts(ordered)] if len(ordered) > 1 else ordered


def counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sorted distinct values and how often each occurs."""
    ordered = np.sort(values)
    starts = np.flatnonzero(_starts(ordered))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def rank_in_run(ordered: np.ndarray) -> np.ndarray:
    """Each element's place (0, 1, ...) within its run of equal values; ``ordered`` is sorted."""
    starts = np.flatnonzero(_starts(ordered))
    return np.arange(len(ordered)) - np.repeat(starts, np.diff(np.append(starts, len(ordered))))
