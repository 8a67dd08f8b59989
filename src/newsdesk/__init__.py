"""newsdesk: turn a pile or a stream of news articles into dated, sourced stories.

The library is the product; the CLI and the HTML report are thin layers over it.
Start at :func:`newsdesk.pipeline.build`.
"""

__version__ = "0.1.0"
