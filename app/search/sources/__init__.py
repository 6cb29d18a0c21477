"""Where the documents come from: one source per kind, each a fixed number of statements
(one, and a second for the texts or the publication dates when it found anything),
however many items it is asked about.

Whether an item is public is asked of the permission predicates, as an anonymous visitor
(``can(None, ...)``), so the search shows what the item's own page would show. The
amendments have no predicate of their own: the council's work is public as soon as the
edition is with the council, which every amendment's decision means.
"""

from __future__ import annotations

from app.search.documents import Kind
from app.search.sources.central import amendments, decisions, editions, product_sheets
from app.search.sources.common import EVERYWHERE, Source
from app.search.sources.items import green_papers, proposals, white_papers

SOURCES: dict[Kind, Source] = {
    Kind.PROPOSAL: proposals,
    Kind.GREEN_PAPER: green_papers,
    Kind.WHITE_PAPER: white_papers,
    Kind.EDITION: editions,
    Kind.PRODUCT_SHEET: product_sheets,
    Kind.AMENDMENT: amendments,
    Kind.DECISION: decisions,
}

__all__ = ["EVERYWHERE", "SOURCES", "Source"]
