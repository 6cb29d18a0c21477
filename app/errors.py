"""Domain errors carry their HTTP status; one handler renders them (app.web.errors)."""

from __future__ import annotations

from app.i18n import gettext
from app.i18n import lazy_gettext as _l


class DomainError(Exception):
    status_code = 400
    default_title: str = _l("Something went wrong")
    default_message: str = _l("Your request could not be handled.")

    def __init__(self, message: str | None = None, *, title: str | None = None) -> None:
        self.message = message if message is not None else str(self.default_message)
        self.title = title if title is not None else str(self.default_title)
        super().__init__(self.message)


class NotFound(DomainError):
    status_code = 404
    default_title = _l("Page not found")
    default_message = _l("We cannot find this page. It may have moved, or the address has a typo.")


class UnknownHost(NotFound):
    default_title = _l("Unknown address")
    default_message = _l("No municipality uses Dialoog at this address.")


class SignInRequired(DomainError):
    """Not an error page: the handler sends the visitor to sign in, and back afterwards."""

    status_code = 401
    default_title = _l("Please sign in")
    default_message = _l("Sign in to do this.")


class Forbidden(DomainError):
    status_code = 403
    default_title = _l("Not allowed")
    default_message = _l("You may not do this.")


class CsrfFailed(Forbidden):
    default_title = _l("The form has expired")
    default_message = _l(
        "For your safety we did not process this form. Reload the page and try again."
    )


class TooManyAttempts(DomainError):
    status_code = 429
    default_title = _l("Too many attempts")
    default_message = _l("Please wait a moment and try again.")


class RateLimited(TooManyAttempts):
    """Over a rate limit (app.security.rate_limit); the page says when to try again and
    the response carries Retry-After."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        minutes = max(1, -(-retry_after // 60))
        super().__init__(
            gettext(
                "You did this too often in a short time. "
                "Please try again in %(minutes)d minute(s).",
                minutes=minutes,
            )
        )


class Conflict(DomainError):
    status_code = 409
    default_title = _l("This has changed in the meantime")
    default_message = _l("Someone else changed this while you were working on it.")


class InvalidTransition(Conflict):
    default_title = _l("This step is not possible")
    default_message = _l("This step is not possible from the current state.")


class PhaseClosed(Conflict):
    default_title = _l("Not possible in this phase")
    default_message = _l("This can only be done in another phase of the process.")
