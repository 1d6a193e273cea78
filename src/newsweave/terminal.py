"""What the command line shows on stderr, shared by its commands: a transient progress
line (only on a terminal) and the inputs that were skipped, each with its reason."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from newsweave.model import Skipped


@contextmanager
def progress_line(enabled: bool, total: int | None = None) -> Iterator[Callable[..., None]]:
    """Yields `update(description, completed=None)`: a spinner with the description and the
    elapsed time on stderr while the block runs; a no-op when `enabled` is false."""
    if not enabled:
        yield lambda *_args, **_kwargs: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("newsweave", total=total)

        def update(description: str, completed: int | None = None) -> None:
            progress.update(task, description=description, completed=completed)

        yield update


def print_skipped(skipped: Sequence[Skipped], limit: int | None = None, more: str = "") -> None:
    """One stderr line per skipped input (the first `limit` of them, then a count)."""
    shown = skipped if limit is None else skipped[:limit]
    for item in shown:
        print(f"newsweave: skipped {item.input}: {item.reason}", file=sys.stderr)
    if len(skipped) > len(shown):
        print(f"newsweave: ... and {len(skipped) - len(shown)} more skipped{more}", file=sys.stderr)
