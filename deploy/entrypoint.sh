#!/bin/sh
# Container entrypoint: bring the database schema up to date, then start the web server
# (or run the command given, e.g. `python -m app.demo`).
# DIALOOG_MIGRATE_ON_START=0 skips the migration step.
set -eu

if [ "${DIALOOG_MIGRATE_ON_START:-1}" != "0" ]; then
    echo "entrypoint: alembic upgrade head" >&2
    alembic upgrade head
fi

if [ "$#" -gt 0 ]; then
    exec "$@"
fi

# One worker per CPU core unless WEB_CONCURRENCY says otherwise: more processes than cores
# only take turns on them, which lengthens the slowest answers (deploy/README.md, Workers).
exec uvicorn app.main:create_app --factory \
    --host "${DIALOOG_HOST:-0.0.0.0}" --port "${DIALOOG_PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-$(nproc)}" \
    --proxy-headers --forwarded-allow-ips "${DIALOOG_TRUSTED_PROXIES:-*}" \
    --no-server-header
