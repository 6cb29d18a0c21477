"""``python -m app.demo``: load the demo cases into the configured database."""

from __future__ import annotations

import sys

from app.config import get_settings
from app.db import make_engine, make_session_factory
from app.demo.loader import load_demo


def main() -> int:
    settings = get_settings()
    engine = make_engine(settings.database_url, settings)
    with make_session_factory(engine).begin() as session:
        report = load_demo(session)
    engine.dispose()
    sys.stdout.write(f"demo data: {report}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
