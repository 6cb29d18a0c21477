"""Where a redirect may go."""

from __future__ import annotations

from urllib.parse import urlsplit


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
