"""Typed factory functions: each makes one valid object, flushed, with sensible defaults."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from sqlalchemy.orm import Session

from app.access.roles import Role
from app.access.service import grant_role
from app.accounts.passwords import hash_password
from app.db import organization_scope, utcnow
from app.models import Organization, OrganizationHost, Page, Process, User
from app.pages.service import create_page
from app.phases.kinds import ProcessKind
from app.processes.service import create_process


def make_organization(
    db: Session, *, slug: str, name: str | None = None, hosts: Sequence[str] = ()
) -> Organization:
    organization = Organization(
        slug=slug,
        name=name or f"Gemeente {slug.title()}",
        theme_tokens={"--dialoog-brand-color": "#123456"},
        hosts=[OrganizationHost(host=h) for h in hosts],
    )
    db.add(organization)
    db.flush()
    return organization


def make_page(
    db: Session,
    organization: Organization,
    *,
    slug: str = "over",
    title: str = "Over ons",
    body: str = "Een **pagina**.",
) -> Page:
    with organization_scope(db, organization.id):
        return create_page(db, actor="test", slug=slug, title=title, body=body)


DEFAULT_PASSWORD = "een lange zin als wachtwoord"


@lru_cache(maxsize=1)
def _default_hash() -> str:
    # Argon2 is slow on purpose; hash the shared test password once per run.
    return hash_password(DEFAULT_PASSWORD)


def make_user(
    db: Session,
    organization: Organization,
    *,
    email: str = "annelies@example.org",
    display_name: str = "Annelies",
    confirmed: bool = True,
    roles: Sequence[Role] = (),
    password: str | None = DEFAULT_PASSWORD,
) -> User:
    with organization_scope(db, organization.id):
        user = User(
            display_name=display_name,
            email=email,
            password_hash=(
                _default_hash() if password == DEFAULT_PASSWORD else hash_password(password)
            )
            if password
            else None,
            email_confirmed_at=utcnow() if confirmed else None,
        )
        db.add(user)
        db.flush()
        for role in roles:
            grant_role(db, "test", user, role)
    return user


def make_process(
    db: Session,
    organization: Organization,
    *,
    kind: ProcessKind = ProcessKind.DIALOGUE,
    slug: str = "dialoog",
    title: str = "Bezuinigingsdialoog",
    target_total: int = 6_200_000,
    starts_on: date = date(2011, 1, 25),
) -> Process:
    with organization_scope(db, organization.id):
        return create_process(
            db,
            "test",
            kind=kind,
            slug=slug,
            title=title,
            target_total=target_total,
            target_current_year=None,
            first_year=2012,
            last_year=2015,
            starts_on=starts_on,
        )


SMALL_BUDGET = (
    "code,naam,programma,begroting,beinvloedbaar,taakveld,thema\n"
    "ON-1,Schoolgebouwen,Onderwijs,2000000,1500000,4.2,Onderwijs\n"
    "ON-2,Leerlingenvervoer,Onderwijs,900000,500000,4.3,Onderwijs\n"
    "SP-1,Sportvelden,Sport,1200000,1000000,5.1,Sport\n"
)
