"""Loads the demo cases idempotently: a second run finds everything in place and changes
nothing (no rows, no audit entries). It goes through the same use cases as the app."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.access.roles import Role, ScopeType
from app.access.service import active_assignment, grant_role
from app.accounts.service import user_by_email
from app.audit.service import SYSTEM_ACTOR, changes, record
from app.cache import versions as _content_versions  # noqa: F401 - a load moves them on
from app.db import ORGANIZATION_KEY, utcnow
from app.demo.council import ensure_council
from app.demo.data import ORGANIZATIONS, DemoOrganization, DemoUser
from app.demo.editions import ensure_editions
from app.demo.green_papers import ensure_green_papers
from app.demo.meetings import ensure_meetings
from app.demo.notifications import ensure_notifications
from app.demo.people import demo_password_hash
from app.demo.processes import chef_accounts, ensure_processes
from app.demo.proposals import ensure_proposals
from app.demo.recruitment import ensure_recruitment
from app.demo.sprint import ensure_sprint
from app.models import Organization, OrganizationHost, SearchEntry, User
from app.organizations.branding import validate_tokens
from app.pages.queries import page_by_slug
from app.pages.service import create_page, update_page
from app.search.indexer import rebuild


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, *, created: bool = False, updated: bool = False) -> None:
        if created:
            self.created += 1
        elif updated:
            self.updated += 1
        else:
            self.unchanged += 1

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _ensure_organization(
    session: Session, demo: DemoOrganization, report: LoadReport
) -> Organization:
    organization = session.scalar(
        select(Organization)
        .options(selectinload(Organization.hosts))
        .where(Organization.slug == demo.slug)
    )
    wanted = {
        "name": demo.name,
        "theme_tokens": validate_tokens(demo.theme_tokens),
        "logo_path": demo.logo_path,
    }
    if organization is None:
        organization = Organization(slug=demo.slug, hosts=[], **wanted)
        session.add(organization)
        session.flush()
        session.info[ORGANIZATION_KEY] = organization.id
        record(
            session,
            actor=SYSTEM_ACTOR,
            action="organization.created",
            target=organization,
            after={"slug": demo.slug, "name": demo.name},
        )
        report.count(created=True)
    else:
        session.info[ORGANIZATION_KEY] = organization.id
        before, after = changes(organization, wanted)
        if after:
            for key, value in after.items():
                setattr(organization, key, value)
            record(
                session,
                actor=SYSTEM_ACTOR,
                action="organization.updated",
                target=organization,
                before=before,
                after=after,
            )
        report.count(updated=bool(after))

    known = {h.host for h in organization.hosts}
    for host in demo.hosts:
        if host not in known:
            organization.hosts.append(OrganizationHost(host=host))
            session.flush()
            record(
                session,
                actor=SYSTEM_ACTOR,
                action="organization.host_added",
                target=organization,
                after={"host": host},
            )
        report.count(created=host not in known)
    return organization


def _ensure_users(session: Session, demo: DemoOrganization, report: LoadReport) -> None:
    """Demo accounts with their roles. An existing account keeps its password (someone
    trying the demo may have changed it); missing roles are added."""
    chefs = tuple(DemoUser(email, name, ()) for email, name in chef_accounts(demo.slug))
    listed = {u.email for u in demo.users}
    councillors = tuple(
        DemoUser(c.email, c.display_name, (Role.COUNCIL.value,))
        for c in demo.councillors
        if c.email not in listed
    )
    for demo_user in demo.users + chefs + councillors:
        user = user_by_email(session, demo_user.email)
        created = user is None
        if user is None:
            user = User(
                display_name=demo_user.display_name,
                email=demo_user.email,
                password_hash=demo_password_hash(),
                email_confirmed_at=utcnow(),
            )
            session.add(user)
            session.flush()
            record(session, actor=SYSTEM_ACTOR, action="user.registered", target=user)
        report.count(created=created)
        for role in demo_user.roles:
            if active_assignment(session, user, Role(role), ScopeType.ORGANIZATION, None) is None:
                grant_role(session, SYSTEM_ACTOR, user, Role(role))
                report.count(created=True)


def demo_accounts() -> list[tuple[str, str, str, str]]:
    """(organization, email, name, roles) of every demo account, for `make run` to print."""
    return [
        (demo.name, u.email, u.display_name, ", ".join(u.roles) or "chef")
        for demo in ORGANIZATIONS
        for u in demo.users
    ]


def load_demo(session: Session) -> LoadReport:
    """Create or bring up to date every demo organization and what belongs to it."""
    report = LoadReport()
    try:
        for demo in ORGANIZATIONS:
            _ensure_organization(session, demo, report)
            for demo_page in demo.pages:
                page = page_by_slug(session, demo_page.slug)
                if page is None:
                    create_page(
                        session,
                        actor=SYSTEM_ACTOR,
                        slug=demo_page.slug,
                        title=demo_page.title,
                        body=demo_page.body,
                    )
                    report.count(created=True)
                else:
                    changed = update_page(
                        session,
                        page,
                        actor=SYSTEM_ACTOR,
                        title=demo_page.title,
                        body=demo_page.body,
                    )
                    report.count(updated=changed)
            _ensure_users(session, demo, report)
            report.created += ensure_processes(session, demo.slug)
            # After the processes: groups, chefs and budget lines must exist.
            report.created += ensure_recruitment(session, demo.slug)
            report.created += ensure_meetings(session, demo.slug)
            report.created += ensure_green_papers(session, demo.slug)
            report.created += ensure_proposals(session, demo.slug)
            # After the proposals: the editions bundle their submitted white papers.
            report.created += ensure_editions(session, demo.slug)
            # After the editions: the council decides on the latest one.
            report.created += ensure_council(session, demo.slug)
            # After the processes and the users: Hoogeveen's finished sprint.
            report.created += ensure_sprint(session, demo.slug)
            report.created += ensure_notifications(session, demo.slug)
            session.flush()
            _ensure_search_index(session, demo.slug, report)
    finally:
        session.info.pop(ORGANIZATION_KEY, None)
    return report


def _ensure_search_index(session: Session, slug: str, report: LoadReport) -> None:
    """New items index themselves as they are written; a database whose demo was loaded
    before the search existed has them unindexed, so an empty index is made anew."""
    if session.scalar(select(func.count(SearchEntry.id))):
        return
    organization = session.scalars(select(Organization).where(Organization.slug == slug)).one()
    report.created += rebuild(session, organization)
