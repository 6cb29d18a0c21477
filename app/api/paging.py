"""Pages of a list: ``page`` and ``per_page`` in, ``total`` and ``links`` out."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request

from app.api.schemas import PageLinks

T = TypeVar("T")

MAX_PER_PAGE = 100
# Bounded, so an absurd page number is a 422 rather than an offset the database refuses.
MAX_PAGE = 100_000


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def window(self, items: list[T]) -> list[T]:
        """This page of a list that was loaded whole."""
        return items[self.offset : self.offset + self.per_page]

    def links(self, request: Request, total: int) -> PageLinks:
        """Links that keep the request's filters; ``next`` while later items exist."""
        url = request.url
        last = max(1, ceil(total / self.per_page))
        return PageLinks(
            self=str(url),
            next=str(url.include_query_params(page=self.page + 1)) if self.page < last else None,
            prev=(
                str(url.include_query_params(page=min(self.page - 1, last)))
                if self.page > 1
                else None
            ),
        )

    def fields(self, request: Request, total: int) -> dict[str, object]:
        """The list envelope's fields besides ``items``."""
        return {
            "total": total,
            "page": self.page,
            "per_page": self.per_page,
            "links": self.links(request, total),
        }


def paging(
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="The page, from 1.")] = 1,
    per_page: Annotated[
        int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page, at most 100.")
    ] = 25,
) -> Paging:
    return Paging(page, per_page)


PagingParams = Annotated[Paging, Depends(paging)]
