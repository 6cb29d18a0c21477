"""Words as the search sees them: Markdown taken out, Dutch words stemmed, the query read
like PostgreSQL's ``websearch_to_tsquery``, and the matched words marked in a snippet.

The stemmer is Snowball's original Dutch algorithm, which PostgreSQL's ``dutch`` text
search configuration uses; snowballstemmer (3.x) calls it ``dutch_porter`` ("dutch" there
is a newer algorithm that stems differently: "gemeente" to "meen"). The stop words are
PostgreSQL's (Snowball's Dutch list), left out before stemming as PostgreSQL does. So
SQLite's FTS5 table and PostgreSQL's tsvector hold the same stems, and the highlighting,
done here for both databases, marks what the database matched.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]  # ships no type hints
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

ALGORITHM = "dutch_porter"

# PostgreSQL's tsearch_data/dutch.stop (Snowball's Dutch stop words).
STOPWORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er
    maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der
    daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets
    worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja
    eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets
    uw iemand geweest andere""".split()  # noqa: SIM905 - laid out as PostgreSQL ships it
)

WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")

# A query is cut here: nobody types more, and the work stays bounded.
QUERY_LIMIT = 200

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_local = threading.local()


def _stemmer() -> Any:
    # A Snowball stemmer keeps state while it works: one per thread (requests run in a
    # thread pool).
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer(ALGORITHM)
    return stemmer


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The stem of one lower-case word."""
    return str(_stemmer().stemWord(word))


def stems(text: str) -> list[str]:
    """The stems of a text's words, stop words left out, in order."""
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def stemmed_text(title: str, body: str) -> str:
    """What SQLite's FTS5 table indexes: the stems, separated by spaces."""
    return " ".join([*stems(title), *stems(body)])


def plain_text(markdown: str) -> str:
    """The words of a Markdown text without its markup: a line per block."""
    if not markdown:
        return ""
    lines: list[str] = []
    for token in _md.parse(markdown):
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
                elif child.type == "image":
                    parts.append(child.content)
            lines.append("".join(parts))
        elif token.type in ("code_block", "fence"):
            lines.append(token.content)
    return "\n".join(line.strip() for line in lines if line.strip())


def join_texts(parts: Iterable[str | None]) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


# --- the query --------------------------------------------------------------------------------

_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Query:
    """A query as ``websearch_to_tsquery`` reads it: words and "quoted phrases" must all
    be there, ``or`` between two of them makes either do, a leading ``-`` excludes.
    Each phrase is its list of stems."""

    text: str
    groups: list[list[list[str]]] = field(default_factory=list)  # AND of OR of phrases
    excluded: list[list[str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to look for: no words, or only stop words or excluded ones."""
        return not self.groups

    @property
    def terms(self) -> frozenset[str]:
        """The stems a result is highlighted on."""
        return frozenset(s for group in self.groups for phrase in group for s in phrase)

    def fts5(self) -> str:
        """The query in FTS5's syntax. Every stem is quoted (stems hold word characters
        only), so nothing a person types can become FTS5 syntax."""

        def phrase(words: list[str]) -> str:
            return '"' + " ".join(words) + '"'

        wanted = " AND ".join(
            "(" + " OR ".join(phrase(p) for p in group) + ")" for group in self.groups
        )
        if not self.excluded:
            return wanted
        return f"({wanted}) NOT (" + " OR ".join(phrase(p) for p in self.excluded) + ")"


def parse_query(raw: str) -> Query:
    text = raw.strip()[:QUERY_LIMIT]
    query = Query(text)
    either = False
    for match in _QUERY_TOKEN.finditer(text):
        negated, quoted, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word.lower() == "or":
            either = bool(query.groups)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        words = stems(quoted if quoted is not None else word or "")
        if not words:
            continue
        if negated:
            query.excluded.append(words)
        elif either:
            query.groups[-1].append(words)
        else:
            query.groups.append([words])
        either = False
    return query


# --- highlighting -----------------------------------------------------------------------------


# What Snowball's Dutch stemmer folds (its prelude): a word may start with the accented
# letter of a stem's unaccented one.
_ACCENTED = {"a": "aáäà", "e": "eéëè", "i": "iíïì", "o": "oóöò", "u": "uúüù"}


def _letters(prefix: str) -> str:
    return "".join(f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in prefix)


class Marker:
    """Marks the words of a text whose stem is one of the query's, escaping the rest."""

    def __init__(self, terms: frozenset[str]) -> None:
        self.terms = terms
        self._known: dict[str, bool] = {}
        # Only a word that starts like a stem can stem to it: the texts are scanned for
        # those, and the stemmer runs on them alone.
        starts = sorted({t[:2] for t in terms})
        self._candidates = (
            re.compile(r"\b(?:" + "|".join(_letters(s) for s in starts) + r")\w*", re.IGNORECASE)
            if starts
            else None
        )

    def matches(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            lower = word.lower()
            known = lower not in STOPWORDS and stem(lower) in self.terms
            self._known[word] = known
        return known

    def _first(self, text: str) -> int | None:
        """Where the first matching word starts."""
        if self._candidates is None:
            return None
        for candidate in self._candidates.finditer(text):
            if self.matches(candidate.group()):
                return candidate.start()
        return None

    def _render(self, text: str, words: list[re.Match[str]]) -> str:
        out: list[str] = []
        position = words[0].start() if words else 0
        for match in words:
            out.append(html.escape(_SPACE.sub(" ", text[position : match.start()])))
            word = html.escape(match.group())
            out.append(f"<mark>{word}</mark>" if self.matches(match.group()) else word)
            position = match.end()
        return "".join(out)

    def whole(self, text: str) -> Markup:
        words = list(WORD.finditer(text))
        if not words:
            return escape(text)
        head = html.escape(_SPACE.sub(" ", text[: words[0].start()]))
        tail = html.escape(_SPACE.sub(" ", text[words[-1].end() :]))
        return Markup(head + self._render(text, words) + tail)  # noqa: S704 - every piece escaped

    def snippet(self, text: str, size: int = 36, before: int = 8) -> Markup:
        """About ``size`` words from a little before the first match (or from the start),
        found without reading the whole text."""
        at = self._first(text)
        lead: list[re.Match[str]] = []
        if at is not None and at > 0:
            reach = max(0, at - 40 * before)
            lead = list(WORD.finditer(text, reach, at))
            if reach > 0 and lead:
                lead = lead[1:]  # it may be the tail of a longer word
            lead = lead[-before:]
        rest = list(islice(WORD.finditer(text, at or 0), size - len(lead)))
        words = lead + rest
        if not words:
            return Markup("")
        snippet = self._render(text, words)
        if WORD.search(text, 0, words[0].start()):
            snippet = "… " + snippet
        if WORD.search(text, words[-1].end()):
            snippet += " …"
        return Markup(snippet)  # noqa: S704 - every piece escaped in _render
