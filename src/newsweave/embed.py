"""Sentence embeddings behind one small interface.

The default model is WordLlama's `l2_supercat` 256-d static embedding, which ships inside the
`wordllama` PyPI package (weights and tokenizer in site-packages), so nothing is downloaded at
run time. wordllama's own `WordLlama.load()` looks for the tokenizer in the wrong folder and then
tries to download it, so we open the packaged files ourselves and hand them to its inference
class.

Any object with `name` and `embed(texts) -> (n, d) float32, L2-normalised` can replace it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from newsweave.errors import MissingDependency

Matrix = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit-length vectors; similar meaning gives a high dot product."""

    name: str

    def embed(self, texts: Sequence[str]) -> Matrix: ...


def normalise_rows(vectors: npt.NDArray[Any]) -> Matrix:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    matrix: Matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: Matrix = (matrix / norms).astype(np.float32)
    return unit


class WordLlamaEmbedder:
    """WordLlama static embeddings loaded from the files inside the installed package."""

    name = "wordllama-l2_supercat-256"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                self._model = _load_wordllama(self.dim)
        return self._model

    def embed(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._load().embed(list(texts), norm=True)
        return normalise_rows(vectors)


def _load_wordllama(dim: int) -> Any:
    try:
        import wordllama
        from safetensors import safe_open
        from tokenizers import Tokenizer
        from wordllama.inference import WordLlamaInference
    except ImportError as exc:  # pragma: no cover - wordllama is a core dependency
        raise MissingDependency(
            "the default embedder needs wordllama: pip install 'wordllama==0.4.0.post1'"
        ) from exc
    package = Path(wordllama.__file__).parent
    weights = package / "weights" / "l2_supercat_256.safetensors"
    tokenizer_file = package / "tokenizers" / "l2_supercat_tokenizer_config.json"
    for needed in (weights, tokenizer_file):
        if not needed.is_file():
            raise MissingDependency(
                f"wordllama package has no {needed.name}; reinstall: "
                "pip install --force-reinstall 'wordllama==0.4.0.post1'"
            )
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    with safe_open(str(weights), framework="np", device="cpu") as handle:
        table = handle.get_tensor("embedding.weight")[:, :dim]
    return WordLlamaInference(table, tokenizer)


_default: WordLlamaEmbedder | None = None


def default_embedder() -> Embedder:
    """The shared default embedder (loaded on first use, then reused)."""
    global _default
    if _default is None:
        _default = WordLlamaEmbedder()
    return _default
