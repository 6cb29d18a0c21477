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

exec uvicorn app.main:create_app --factory \
    --host "${DIALOOG_HOST:-0.0.0.0}" --port "${DIALOOG_PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-4}" \
    --proxy-headers --forwarded-allow-ips "${DIALOOG_TRUSTED_PROXIES:-*}" \
    --no-server-header
