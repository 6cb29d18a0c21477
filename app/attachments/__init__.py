"""Attachments to proposals and product sheets: PDF, images and office files, checked by
size, extension and content, kept under generated names, downloaded as attachments."""

# Registered with the package, so a caller without the web app finds them too: the
# predicates, and the session hooks that keep files in step with the transaction.
from app.attachments import permissions as _permissions  # noqa: F401
from app.attachments import storage as _storage  # noqa: F401
