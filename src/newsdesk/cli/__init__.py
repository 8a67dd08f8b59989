"""Command line: each command parses its options, calls one library function, reports.

Errors a user can fix (a missing path, a file that is not a desk) become a
clear message and exit code 2; nothing here holds logic of its own. The
commands live by subject: ``desk.py`` (build, export, digest, report, search,
quarantine, explain), ``copies.py`` (copies, provenance), ``facts.py``
(quotes, figures, ledger), ``stories.py`` (timeline, briefing).
"""

from __future__ import annotations

import os

from . import desk, copies, facts, stories  # noqa: F401, I001  (each registers its commands; help lists them in this order)
from .common import app

__all__ = ["app", "main"]


def main() -> None:  # pragma: no cover
    # numpy's BLAS threads fight the worker processes for the cores (small products ran 40x slower on a
    # busy 2-core machine); one thread each unless the user says otherwise
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    app()
