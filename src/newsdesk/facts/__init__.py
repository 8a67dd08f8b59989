"""Facts stage: entity mentions, quotes with speakers, figures with units.

Modules: ``nlp.py`` (the one spaCy loader), ``entities.py``, ``quotes.py``,
``figures.py`` (+ ``numbers.py``); records in ``records.py``.
"""
