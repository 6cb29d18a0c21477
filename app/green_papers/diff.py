"""A readable difference between two texts: word by word, with what went out struck
through and what came in underlined, the way people compare drafts on paper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words with the space after them, and line breaks on their own, so a changed word does
# not mark its whole line and paragraphs stay paragraphs.
_TOKENS = re.compile(r"\n|[^\S\n]+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "removed" or "added"
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return pieces


def changed(pieces: list[Piece]) -> tuple[int, int]:
    """How many words went out and came in: for the history's one-line summary."""
    removed = sum(len(p.text.split()) for p in pieces if p.kind == "removed")
    added = sum(len(p.text.split()) for p in pieces if p.kind == "added")
    return removed, added
