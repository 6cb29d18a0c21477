"""What every API handler starts from: the organization the host name names (the session
scoped to it, as :func:`app.deps.get_current_organization` does for pages, but without
reading a session cookie: the API knows nobody), and the process a URL names."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from app.db import ORGANIZATION_KEY
from app.deps import DbSession
from app.errors import NotFound
from app.models import Process
from app.organizations.queries import OrganizationView, organization_for_host
from app.processes.queries import process_by_slug

# What slugify() makes (app.processes.budget_import): checked here, so a stray byte in a
# URL is a 422 and never reaches the database.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX = 80


def api_organization(request: Request, db: DbSession) -> OrganizationView:
    organization = organization_for_host(
        db, request.headers.get("host", ""), request.app.state.settings
    )
    if organization is None:
        raise NotFound("No municipality publishes data at this address.")
    db.info[ORGANIZATION_KEY] = organization.id
    request.state.organization = organization  # for the request log
    return organization


ProcessSlug = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        max_length=SLUG_MAX,
        description="The process's slug, as in its page's address.",
    ),
]


def api_process(slug: ProcessSlug, db: DbSession) -> Process:
    """The process (with its phases), or a 404. Runs after :func:`api_organization`,
    which the router declares first."""
    process = process_by_slug(db, slug)
    if process is None:
        raise NotFound("No process with this slug.")
    return process


CurrentProcess = Annotated[Process, Depends(api_process)]

# A row id in a URL: bounded, so an absurd number is a 422, not a database error.
ItemId = Annotated[int, Path(ge=1, le=2_147_483_647, description="The proposal's id.")]
