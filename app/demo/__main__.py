"""``python -m app.demo``: load the demo cases into the configured database."""

from __future__ import annotations

import sys

from app.config import get_settings
from app.db import make_engine, make_session_factory
from app.demo.data import DEMO_PASSWORD, ZEIST
from app.demo.loader import demo_accounts, load_demo
from app.demo.people import ANNELIES, zeist_experts
from app.demo.sprint_plan import ADVISERS, LAWYERS, OFFICIAL, member_accounts


def main() -> int:
    settings = get_settings()
    engine = make_engine(settings.database_url, settings)
    with make_session_factory(engine).begin() as session:
        report = load_demo(session)
    engine.dispose()
    sys.stdout.write(f"demo data: {report}\n\n")
    sys.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD})\n")
    for organization, email, name, roles in demo_accounts():
        sys.stdout.write(f"  {organization:<20} {email:<30} {roles:<10} {name}\n")
    sys.stdout.write(
        "  and the chefs of the Zeist themes (chef.zorg@, chef.buitenruimte@, chef.sport@, "
        "chef.cultuur@, chef.ruimte@, chef.veiligheid@, chef.onderwijs@zeist.example; Ruud for "
        "Burger en Bestuur) and the captains of the ten Hoogeveen teams "
        "(team1@ ... team10@hoogeveen.example).\n"
    )
    sys.stdout.write(
        "  Zeist's councillors, of every party: "
        + ", ".join(f"{c.email.split('@')[0]}@ ({c.party})" for c in ZEIST.councillors)
        + ".\n"
    )
    members = member_accounts()
    sys.stdout.write(
        "  Hoogeveen's sprint of 14-15 May 2019 is over and its package published: the "
        "steering group (regie@), the lawyers (jurist@, "
        f"{LAWYERS[1].split('@')[0]}@), the financial advisers (financien@, "
        f"{ADVISERS[1].split('@')[0]}@), the official who wrote the options ({OFFICIAL}) and "
        "the board (college@, who composed the package) sign in at hoogeveen.localhost; "
        f"each team has six members besides its captain ({members[0][1]} ... "
        f"{members[-1][1]}).\n"
    )
    experts = [e.email for e in zeist_experts() if e.email != ANNELIES]
    sys.stdout.write(
        f"  Zeist's theme groups have {len(experts)} applicants, most accepted "
        f"({experts[0]} ... {experts[-1]}), and two staff members answered the call for "
        "chefs without being chosen (wouter@, ilse@zeist.example).\n"
    )
    if settings.accounts.second_factor_for_staff:
        sys.stdout.write(
            "\nStaff accounts (every role but expert and chef) set up a second step at their "
            "first sign-in: a code from an authenticator app on your phone (FreeOTP, Google or "
            "Microsoft Authenticator; the page shows a QR code and the key to type). For a "
            "quick try-out without it: DIALOOG_ACCOUNTS__SECOND_FACTOR_FOR_STAFF=false make run\n"
        )
    sys.stdout.write(
        "\nZeist: http://localhost:8000  Hoogeveen: http://hoogeveen.localhost:8000"
        "  Mails: http://localhost:8000/dev/postvak\n\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
