"""Listing a directory's article files, recursively, in sorted order.

Entries that are not read still appear, each with the reason, so every file in the tree
is accounted for: hidden files and directories (whose contents are not listed), README,
LICENSE and CHANGELOG files, and files whose extension is not an article format.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsweave.ingest.detect import is_article_name, suffix_of

_NOT_ARTICLES = ("README", "LICENSE", "LICENCE", "CHANGELOG")


@dataclass(frozen=True)
class Entry:
    """A file under a directory: `reason` is None when it should be read, else why not."""

    path: str
    reason: str | None = None


def _skip_reason(name: str) -> str | None:
    upper = name.upper()
    for prefix in _NOT_ARTICLES:
        if upper.startswith(prefix):
            return f"{prefix} file, not an article"
    if suffix_of(name) in (".rss", ".atom"):
        return "a feed: in a folder only articles are read; name it to 'newsweave ingest'"
    if not is_article_name(name):
        # in a folder only article extensions are read; a file named on its own is sniffed
        return (
            f"not an article file type ({suffix_of(name)}): in a folder, files are read by "
            "type; name the file itself to read it as text"
        )
    return None


def _walk(directory: str, seen: set[str], entries: list[Entry]) -> None:
    real = os.path.realpath(directory)
    if real in seen:
        entries.append(Entry(directory, "directory already listed (symbolic link loop)"))
        return
    seen.add(real)
    try:
        with os.scandir(directory) as scan:
            children = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        entries.append(Entry(directory, f"cannot list directory: {error.strerror or error}"))
        return
    for child in children:
        path = os.path.join(directory, child.name)
        try:
            is_dir = child.is_dir()
        except OSError:
            is_dir = False
        if child.name.startswith("."):
            kind = "directory" if is_dir else "file"
            entries.append(Entry(path, f"hidden {kind}, not read"))
        elif is_dir:
            _walk(path, seen, entries)
        else:
            entries.append(Entry(path, _skip_reason(child.name)))


def list_directory(directory: str) -> list[Entry]:
    """Every file under `directory` (as given, joined with the names found), sorted by path."""
    entries: list[Entry] = []
    _walk(directory, set(), entries)
    return entries
