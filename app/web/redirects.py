"""Where a redirect may go, and this site's own address for links in mails."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import Request


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to somewhere else."""
    if not target:
        return "/"
    try:
        parts = urlsplit(target)
    except ValueError:  # e.g. "http://[x": not a URL at all
        return "/"
    if parts.scheme or parts.netloc:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def site_url(request: Request) -> str:
    """The site's address as the request reached it, without a trailing slash: mails and
    jobs put it before a path to make a link that works outside the browser."""
    return str(request.base_url).rstrip("/")
