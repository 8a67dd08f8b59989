"""The desk's storage. One SQLite file by default (:class:`SQLiteStore`).

Stages never touch the store; the pipeline reads records from it and writes
results back. Keep this interface small so that another backend (a server
database) can stand beside SQLite.
"""

from .sqlite import SQLiteStore, StoreError, open_store

__all__ = ["SQLiteStore", "StoreError", "open_store"]
