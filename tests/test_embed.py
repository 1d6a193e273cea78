from __future__ import annotations

import subprocess
import sys

import numpy as np

from newsweave.embed import Embedder, WordLlamaEmbedder, default_embedder


def test_default_embedder_loads_packaged_model_and_normalises() -> None:
    embedder = default_embedder()
    assert isinstance(embedder, Embedder)
    vectors = embedder.embed(
        [
            "The minister visited the flooded town on Monday.",
            "On Monday the minister went to the town hit by the flood.",
            "Quarterly earnings of the chip maker beat forecasts.",
        ]
    )
    assert vectors.shape == (3, 256)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    similar, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert similar > unrelated + 0.3


def test_empty_input_gives_empty_matrix() -> None:
    assert WordLlamaEmbedder().embed([]).shape == (0, 256)


def test_model_loads_with_network_disabled() -> None:
    """No hub download: loading works with every proxy pointed at a closed port."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled in test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from newsweave.embed import default_embedder\n"
        "print(default_embedder().embed(['a test sentence']).shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "(1, 256)"


def test_import_newsweave_stays_light() -> None:
    code = (
        "import sys, newsweave\n"
        "heavy = [m for m in ('torch', 'spacy', 'sklearn', 'wordllama', 'trafilatura') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_vectors_are_wordllamas_own_mean_of_token_vectors() -> None:
    """Our pooling (fast tokenizer path, sparse token counts) gives wordllama's vectors:
    its inference class, fed the same packaged files, is the reference."""
    from pathlib import Path

    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    texts = [
        "Rescue teams lifted families from balconies and attic windows.",
        "Le barrage a cédé lundi à 2 heures du matin.",  # accents: byte fallback tokens
        "Ein Damm ist gebrochen; 40 Häuser wurden überflutet.\n\nZweiter Absatz.",
        "x",
        "A much longer text " * 40,  # batches mix lengths: wordllama pads, we do not
    ]
    package = Path(wordllama.__file__).parent  # the reference reads the files on its own
    tokenizer = Tokenizer.from_file(
        str(package / "tokenizers" / "l2_supercat_tokenizer_config.json")
    )
    weights = package / "weights" / "l2_supercat_256.safetensors"
    with safe_open(str(weights), framework="np", device="cpu") as handle:
        table = handle.get_tensor("embedding.weight")
    reference = WordLlamaInference(table, tokenizer).embed(texts, norm=True)
    ours = WordLlamaEmbedder().embed(texts)
    np.testing.assert_allclose(ours, reference, atol=1e-5)


def test_empty_text_gives_a_zero_vector_not_nan() -> None:
    vectors = WordLlamaEmbedder().embed(["", "Bridge reopened."])
    assert not np.isnan(vectors).any()
    assert float(np.abs(vectors[0]).max()) == 0.0
    assert abs(float(np.linalg.norm(vectors[1])) - 1.0) < 1e-5
