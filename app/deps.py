"""Annotated dependencies that handlers declare: ``db: DbSession, organization: CurrentOrg``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.accounts.sessions import organization_and_actor
from app.db import get_session
from app.errors import SignInRequired, UnknownHost
from app.organizations.queries import OrganizationView

# scope="function": the unit of work ends (commits) before the response is sent.
DbSession = Annotated[Session, Depends(get_session, scope="function")]


def get_current_organization(request: Request, db: DbSession) -> OrganizationView:
    """The organization this request is for, chosen by host name; scopes the session to it
    and loads the signed-in person (if any), so every page knows both."""
    organization, actor = organization_and_actor(db, request, request.app.state.settings)
    if organization is None:
        raise UnknownHost()
    request.state.organization = organization
    # For what a page asks while it renders (app.privacy.display); not for handlers.
    request.state.db = db
    request.state.actor = actor
    return organization


# A plain view (id, slug, name, colours, content version), not the ORM row: a use case
# that changes the organization loads the row (db.get_one(Organization, organization.id)).
CurrentOrg = Annotated[OrganizationView, Depends(get_current_organization)]


# The actor dependencies only read what get_current_organization loaded: async, so they
# run on the event loop instead of taking a trip through the thread pool on every page
# (each trip is a thread switch and a turn at the GIL under load; issue #13).
async def get_optional_actor(request: Request, organization: CurrentOrg) -> Actor | None:
    return getattr(request.state, "actor", None)


async def get_current_actor(request: Request, organization: CurrentOrg) -> Actor:
    actor: Actor | None = getattr(request.state, "actor", None)
    if actor is None:
        raise SignInRequired()
    return actor


OptionalActor = Annotated[Actor | None, Depends(get_optional_actor)]
CurrentActor = Annotated[Actor, Depends(get_current_actor)]


# A row id in a URL: bounded, so an absurd number is a 400, not a database error.
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]
