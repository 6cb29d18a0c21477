"""What the sources share: which rows a source reads, and reading them across
organizations. Importing this registers the permission predicates the sources ask (a
script or a job that never loads the routes needs them too)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import ColumnElement, false, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.council import permissions as _council_permissions  # noqa: F401
from app.db import ALL_ORGANIZATIONS
from app.editions import permissions as _edition_permissions  # noqa: F401
from app.green_papers import permissions as _green_paper_permissions  # noqa: F401
from app.product_sheets import permissions as _sheet_permissions  # noqa: F401
from app.proposals import permissions as _proposal_permissions  # noqa: F401
from app.search.documents import Found, Kind, Wanted
from app.white_papers import permissions as _white_paper_permissions  # noqa: F401

EVERYWHERE = {ALL_ORGANIZATIONS: True}

Source = Callable[[Session, Wanted], Found]


def condition_for(
    wanted: Wanted,
    kind: Kind,
    id_column: InstrumentedAttribute[int],
    organization_column: InstrumentedAttribute[int],
    *more: ColumnElement[bool] | None,
) -> ColumnElement[bool] | None:
    """Which rows a source reads; None when it is asked about nothing."""
    if wanted.organization_id is not None:
        return organization_column == wanted.organization_id
    conditions = [c for c in more if c is not None]
    if wanted.ids.get(kind):
        conditions.append(id_column.in_(sorted(wanted.ids[kind])))
    return or_(false(), *conditions) if conditions else None


def ids_in(column: InstrumentedAttribute[int], ids: Collection[int]) -> ColumnElement[bool] | None:
    return column.in_(sorted(ids)) if ids else None


def read(db: Session, statement: Any) -> list[Any]:
    return list(db.execute(statement, execution_options=EVERYWHERE).all())
