"""``python -m app.search rebuild [organization-slug ...]``: make the search index anew, for
every organization or the ones named. The index keeps itself current on every change;
this is for a database that had data before the index existed, or after a change to what
the index holds."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select

from app.config import get_settings
from app.db import ALL_ORGANIZATIONS, ORGANIZATION_KEY, make_engine, make_session_factory
from app.models import Organization
from app.search.indexer import rebuild


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.search")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("rebuild", help="make the search index anew")
    command.add_argument("organizations", nargs="*", help="organization slugs (default: all)")
    args = parser.parse_args(argv)

    settings = get_settings()
    engine = make_engine(settings.database_url, settings)
    try:
        with make_session_factory(engine).begin() as session:
            organizations = list(
                session.scalars(
                    select(Organization).order_by(Organization.slug),
                    execution_options={ALL_ORGANIZATIONS: True},
                )
            )
            wanted = set(args.organizations)
            unknown = wanted - {o.slug for o in organizations}
            if unknown:
                sys.stderr.write(f"no such organization: {', '.join(sorted(unknown))}\n")
                return 2
            for organization in organizations:
                if wanted and organization.slug not in wanted:
                    continue
                session.info[ORGANIZATION_KEY] = organization.id
                count = rebuild(session, organization)
                sys.stdout.write(f"{organization.slug}: {count} entries\n")
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
