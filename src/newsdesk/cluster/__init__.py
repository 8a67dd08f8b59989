"""Cluster stage: online assignment of articles to events, and of events to stories.

Public entry point: :func:`assign_clusters` (``state.py`` holds what it needs to know
of the desk so far, ``recluster.py`` groups a story's recent articles into events,
``explain.py`` says why each article went where it did).
"""

from .assign import ClusterResult, assign_clusters
from .state import ClusterState, Features, article_features, day

__all__ = ["assign_clusters", "ClusterState", "ClusterResult", "Features", "article_features", "day"]
