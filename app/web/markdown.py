"""Markdown to safe HTML: markdown-it renders (raw HTML off), nh3 sanitises what is left."""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    return _rendered(text)


# The same texts (a proposal's summary, the comments under it, a section of a green paper)
# are rendered on every view; rendering is a pure function of the text, so the text itself
# is the cache key and an edit simply misses. 2,048 texts per worker, a few KB each.
@lru_cache(maxsize=2048)
def _rendered(text: str) -> Markup:
    html = _md.render(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)  # noqa: S704 - sanitised by nh3 just above


def plain_text(text: str | None) -> str:
    """Markdown's words without its markup, on one line: what a description or a feed
    summary shows. Read from markdown-it's tokens, so emphasis, links and lists give their
    text and nothing else (no HTML to strip, no entities to undo)."""
    if not text:
        return ""
    words: list[str] = []
    for token in _md.parse(text):
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    words.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    words.append(" ")
            words.append(" ")
        elif token.type in ("code_block", "fence"):
            words.append(f" {token.content} ")
    return " ".join("".join(words).split())
