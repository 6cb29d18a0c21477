"""Personal data under the AVG (GDPR): a person's own export, erasure, retention of
inactive accounts and closed processes, and the record of processing for the privacy
officer."""

# Registering the predicates with the package lets callers without the web app (the
# retention job, a script) find them too.
from app.privacy import permissions as _permissions  # noqa: F401
