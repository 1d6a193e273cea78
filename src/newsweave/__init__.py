"""newsweave: read several outlets' coverage of one event; get a digest that cites its sources.

    >>> import newsweave
    >>> d = newsweave.digest([newsweave.sample_path()])
    >>> print(newsweave.render(d, "md"))

The public API is small: `digest`, `digest_documents`, `render`, `sample_path`, the options
`DigestOptions`/`SummaryOptions`, the data classes in `newsweave.model` and the errors in
`newsweave.errors`. Heavy modules load on first use, so `import newsweave` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsweave.pipeline import DigestOptions, digest, digest_documents
    from newsweave.report import render
    from newsweave.sample import sample_path
    from newsweave.summarize import SummaryOptions

_EXPORTS = {
    "digest": "newsweave.pipeline",
    "digest_documents": "newsweave.pipeline",
    "DigestOptions": "newsweave.pipeline",
    "SummaryOptions": "newsweave.summarize",
    "render": "newsweave.report",
    "sample_path": "newsweave.sample",
}

__all__ = [
    "DigestOptions",
    "SummaryOptions",
    "__version__",
    "digest",
    "digest_documents",
    "render",
    "sample_path",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
    return getattr(import_module(module), name)
