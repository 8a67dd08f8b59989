"""Read-side views of a desk, shared by digest, report, export and CLI."""

from .desk import EventView, ProvenanceNode, StoryView, desk_view, provenance_trees
from .facts import FactLimits, StoryFacts, desk_ledger, series_record, story_facts

__all__ = ["EventView", "FactLimits", "ProvenanceNode", "StoryFacts", "StoryView", "desk_ledger", "desk_view",
           "provenance_trees", "series_record", "story_facts"]
