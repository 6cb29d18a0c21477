"""Annotated dependencies that handlers declare: ``db: DbSession, organization: CurrentOrg``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.db import ORGANIZATION_KEY, get_session
from app.errors import UnknownHost
from app.models import Organization
from app.organizations.queries import OrganizationView, organization_for_host

# scope="function": the unit of work ends (commits) before the response is sent.
DbSession = Annotated[Session, Depends(get_session, scope="function")]


def get_current_organization(request: Request, db: DbSession) -> Organization:
    """The organization this request is for, chosen by host name; scopes the session to it."""
    organization = organization_for_host(
        db, request.headers.get("host", ""), request.app.state.settings
    )
    if organization is None:
        raise UnknownHost()
    db.info[ORGANIZATION_KEY] = organization.id
    request.state.organization = OrganizationView.of(organization)
    return organization


CurrentOrg = Annotated[Organization, Depends(get_current_organization)]
