"""Reading the inputs named on the command line: files, directories and stdin ("-").

Nothing raised while reading one input stops the others: every input that gives no
document is reported in `ReadResult.skipped` with a one-line reason.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from newsweave.errors import InputError
from newsweave.ingest.options import DEFAULT_OPTIONS, IngestOptions, too_large_reason
from newsweave.ingest.parse import EMPTY, parse_bytes
from newsweave.ingest.result import ReadResult
from newsweave.ingest.source_label import is_url
from newsweave.ingest.walk import list_directory
from newsweave.model import Skipped

STDIN = "stdin"
EMPTY_DIRECTORY = "no article read from this directory"
NOT_REGULAR = "not a regular file"
URL_NOT_READ = (
    "a URL: digest reads files; fetch pages with 'newsweave ingest URL --db FILE', "
    "then 'newsweave digest --story ID --db FILE'"
)


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error) or type(error).__name__).lower()


def _parse_into(
    result: ReadResult, data: bytes, origin: str, filename: str | None, empty: str = EMPTY
) -> None:
    try:
        result.extend(parse_bytes(data, origin, filename=filename))
    except InputError as error:
        reason = str(error)
        result.skipped.append(Skipped(input=origin, reason=empty if reason == EMPTY else reason))
    except Exception as error:  # a parser bug must not lose the other inputs
        message = " ".join(str(error).split())
        reason = f"could not be read ({type(error).__name__}: {message})"
        result.skipped.append(Skipped(input=origin, reason=reason))


def _read_limited(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """At most `max_bytes` bytes of `stream`, or None when it holds more."""
    data = stream.read(max_bytes + 1)
    if isinstance(data, str):  # a text stream given by mistake
        data = data.encode("utf-8")
    return None if len(data) > max_bytes else data


def _read_file(result: ReadResult, path: str, info: os.stat_result, options: IngestOptions) -> None:
    """Read one file; the size limit is checked on the file's metadata before reading."""
    if stat.S_ISREG(info.st_mode) and info.st_size > options.max_bytes:
        reason = too_large_reason("file", info.st_size, options.max_bytes)
        result.skipped.append(Skipped(input=path, reason=reason))
        return
    try:
        with open(path, "rb") as stream:
            data = _read_limited(stream, options.max_bytes)
    except OSError as error:
        result.skipped.append(Skipped(input=path, reason=_os_reason(error)))
        return
    if data is None:
        reason = too_large_reason("file", None, options.max_bytes)
        result.skipped.append(Skipped(input=path, reason=reason))
        return
    _parse_into(result, data, path, os.path.basename(path))


def _read_directory(result: ReadResult, directory: str, options: IngestOptions) -> None:
    found = len(result.documents)
    for entry in list_directory(directory):
        if entry.reason is not None:
            result.skipped.append(Skipped(input=entry.path, reason=entry.reason))
            continue
        try:
            info = os.stat(entry.path)
        except OSError as error:
            result.skipped.append(Skipped(input=entry.path, reason=_os_reason(error)))
            continue
        if not stat.S_ISREG(info.st_mode):
            result.skipped.append(Skipped(input=entry.path, reason=NOT_REGULAR))
            continue
        _read_file(result, entry.path, info, options)
    if len(result.documents) == found:
        result.skipped.append(Skipped(input=directory, reason=EMPTY_DIRECTORY))


def _read_path(result: ReadResult, path: str, options: IngestOptions) -> None:
    try:
        info = os.stat(path)
    except OSError as error:
        reason = _os_reason(error)
        if is_url(path) and isinstance(error, FileNotFoundError):
            reason = URL_NOT_READ
        result.skipped.append(Skipped(input=path, reason=reason))
        return
    except ValueError:  # e.g. a NUL character in the path
        result.skipped.append(Skipped(input=path, reason="invalid path"))
        return
    if stat.S_ISDIR(info.st_mode):
        _read_directory(result, path, options)
    else:  # a path given explicitly is always attempted, pipes and devices included
        _read_file(result, path, info, options)


def _read_stdin(result: ReadResult, stream: BinaryIO, options: IngestOptions) -> None:
    try:
        data = _read_limited(stream, options.max_bytes)
    except (OSError, ValueError) as error:
        result.skipped.append(Skipped(input=STDIN, reason=f"cannot read stdin: {error}"))
        return
    if data is None:
        reason = too_large_reason(STDIN, None, options.max_bytes)
        result.skipped.append(Skipped(input=STDIN, reason=reason))
        return
    _parse_into(result, data, STDIN, None, empty="empty input (nothing on stdin)")


def read_sources(
    paths: Sequence[str | Path],
    *,
    stdin: BinaryIO | None = None,
    options: IngestOptions = DEFAULT_OPTIONS,
) -> ReadResult:
    """The documents in `paths`, in the order given, and every input skipped with its reason.

    A path is a file (read whatever its extension: the content is sniffed), a directory
    (read recursively in sorted order, see `walk`), or "-" for `stdin` (a binary stream;
    the process's stdin when None). Each file above `options.max_bytes` is skipped
    without being read. Origins are the paths as given or found, and "stdin".
    """
    if isinstance(paths, str | os.PathLike):  # one path given where a list was expected
        paths = [paths]
    result = ReadResult()
    stdin_read = False
    for given in paths:
        path = os.fspath(given)
        if path != "-":
            _read_path(result, path, options)
        elif stdin_read:
            reason = 'stdin was already read ("-" given more than once)'
            result.skipped.append(Skipped(input=STDIN, reason=reason))
        else:
            stdin_read = True
            _read_stdin(result, stdin if stdin is not None else sys.stdin.buffer, options)
    return result
