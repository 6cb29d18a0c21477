"""The open-data API under ``/api/v1``: read-only JSON and CSV of what is published.

A FastAPI application of its own, mounted on the site (see :mod:`app.api.app`), so it can
publish its OpenAPI document while the site publishes none. It shares the site's state
(settings, session factory) and middleware, and finds the organization by host name like
every page does; it needs no session cookie and no CSRF token, because it only reads.
"""
