"""Where the quotations of a paragraph are: its quotation marks read by their context.

Each paragraph is scanned once with a small state machine (the rules are in the docstring
of `newsweave.quotes`, which builds quotes from what this finds): double marks open or
close by what stands on either side of them, and only by their shape when the context
says nothing; single curly quotes are quotes only when one closes them in the paragraph;
a quote still open at the paragraph's end is returned with no closing mark.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"[“”\"„«»‘’]")
_DOUBLE = '“”"„'
_LEFT = "([{<—–/:;‘“«\"'"
_RIGHT = ".,;:!?)]}>—–…’”»\"'-"


def quote_marks(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """(opening mark, closing mark or None) of each top-level quote in text[start:end]."""
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, start, end)]
    not_quotes: set[int] = set()
    while True:
        found: list[tuple[int, int | None]] = []
        mode, depth, open_at = "", 0, -1
        index = 0
        while index < len(marks):
            pos, mark = marks[index]
            index += 1
            before = text[pos - 1] if pos > start else " "
            after = text[pos + 1] if pos + 1 < end else " "
            left = before.isspace() or before in _LEFT
            right = after.isspace() or after in _RIGHT
            if mode == "single":
                if mark == "’" and not after.isalnum() and not before.isspace():
                    found.append((open_at, pos))
                    mode = ""
                elif mark in "“„«" or (mark == '"' and left and not right):
                    break  # a double quote opens: the ‘ was not a quote mark
            elif mode == "double":
                if mark not in _DOUBLE:
                    continue
                if _closes(mark, left, right):
                    if depth == 0:
                        found.append((open_at, pos))
                        mode = ""
                    else:
                        depth -= 1
                elif left and not right:
                    depth += 1
            elif mode == "guillemet":
                if mark == "»":
                    if depth == 0:
                        found.append((open_at, pos))
                        mode = ""
                    else:
                        depth -= 1
                elif mark == "«":
                    depth += 1
            elif mark == "«":
                mode, depth, open_at = "guillemet", 0, pos
            elif mark in _DOUBLE and _opens(mark, left, right):
                mode, depth, open_at = "double", 0, pos
            elif mark == "‘" and pos not in not_quotes and left and after.isalpha():
                mode, open_at = "single", pos
        if mode == "single":
            not_quotes.add(open_at)
            continue  # scan again, with that ‘ taken for an apostrophe
        if mode:
            found.append((open_at, None))
        return found


def _opens(mark: str, left: bool, right: bool) -> bool:
    if left != right:
        return left
    return mark in '“„"'


def _closes(mark: str, left: bool, right: bool) -> bool:
    if left != right:
        return right
    return mark in '”"'
