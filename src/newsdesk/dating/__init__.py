"""Publication dates: the ``date`` stage of newsdesk.

Public entry points:

* :func:`date_html` -- the publication date of an HTML page;
* :func:`date_text` -- the publication date of a plain-text dump;
* :func:`parse_given_date` -- normalise a date given in metadata;
* :func:`slash_order` -- how one outlet writes slashed dates (``"dmy"``/``"mdy"``),
  to pass to :func:`date_text` for that outlet's texts.

Each returns a :class:`newsdesk.records.DateFinding` (or a ``date``) and
prefers no date to an invented one.
"""

from .html import date_html
from .parse import parse_given_date
from .text import date_text, slash_order

__all__ = ["date_html", "date_text", "parse_given_date", "slash_order"]
