from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("NEWSWEAVE_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow test: set NEWSWEAVE_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def sample_digest():  # type: ignore[no-untyped-def]
    import newsweave

    return newsweave.digest([newsweave.sample_path()])


@pytest.fixture(scope="session")
def seeds_digest(seeds_dir: Path):  # type: ignore[no-untyped-def]
    import newsweave

    return newsweave.digest([seeds_dir])


@pytest.fixture(scope="session")
def digest_of():  # type: ignore[no-untyped-def]
    """Digest texts given as bodies of plain-text articles of outlets "Outlet 0", "Outlet 1"...,
    all published on one date, or each on its own (`published` a sequence, one per body)."""
    from newsweave.model import Document
    from newsweave.pipeline import digest_documents

    def digest(*bodies: str, published: str | Sequence[str] | None = None):  # type: ignore[no-untyped-def]
        days = (
            [published] * len(bodies)
            if published is None or isinstance(published, str)
            else list(published)
        )
        documents = [
            Document(origin=f"{n}.txt", format="text", body=body, source=f"Outlet {n}",
                     published=day)
            for n, (body, day) in enumerate(zip(bodies, days, strict=True))
        ]  # fmt: skip
        return digest_documents(documents)

    return digest
