"""The figure ledger: the same quantity tracked over time across sources.

``build_ledger(figures, articles)`` groups a story's figures into series and
tells revisions (a later, different count) from contradictions (same date,
different values, different sources); ``series_svg(series)`` draws one series.
Rules are documented in ``series`` (what forms a series, copies, money),
``keys`` (subject classes, sides, sources), ``compare`` (findings) and
``chart`` (the SVG).
"""

from newsdesk.ledger.chart import series_svg
from newsdesk.ledger.records import Finding, LedgerArticle, Point, Series
from newsdesk.ledger.series import build_ledger

__all__ = ["Finding", "LedgerArticle", "Point", "Series", "build_ledger", "series_svg"]
