"""Reading articles: files, directories and stdin, in text, HTML, JSON, JSON Lines and
Multi-News formats, into `Document`s, with every unusable input listed as `Skipped`.

Importing this package is cheap: trafilatura and charset-normalizer load on first use.
"""

from __future__ import annotations

from newsweave.ingest.options import IngestOptions
from newsweave.ingest.parse import read_bytes
from newsweave.ingest.result import ReadResult
from newsweave.ingest.source_label import source_label
from newsweave.ingest.sources import read_sources

__all__ = ["IngestOptions", "ReadResult", "read_bytes", "read_sources", "source_label"]
