"""The options that control reading, and how sizes are shown in messages."""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.errors import ConfigError

KIB = 1024
MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MIB


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    `max_bytes` is the largest input accepted, per file and for stdin (default 20 MB,
    MB meaning 1024 * 1024 bytes). Bigger files are skipped without being read; the
    command line sets it with --max-size.
    """

    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int):
            raise ConfigError(f"max_bytes must be a whole number of bytes, not {self.max_bytes!r}")
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, not {self.max_bytes}")


DEFAULT_OPTIONS = IngestOptions()


def format_size(size: int, *, trim: bool = False) -> str:
    """A size for a message: "50.0 MB", "3.5 KB", "12 bytes"; `trim` drops a trailing ".0"."""
    if size >= MIB:
        number, unit = size / MIB, "MB"
    elif size >= KIB:
        number, unit = size / KIB, "KB"
    else:
        return f"{size} bytes"
    text = f"{number:.1f}"
    if trim and text.endswith(".0"):
        text = text[:-2]
    return f"{text} {unit}"


def too_large_reason(what: str, size: int | None, max_bytes: int) -> str:
    """The skip reason for an input above the limit; `size` is None when unknown (stdin)."""
    limit = format_size(max_bytes, trim=True)
    if size is None:
        return f"{what} is above the {limit} limit (raise it with --max-size)"
    return f"{what} is {format_size(size)}, above the {limit} limit (raise it with --max-size)"
