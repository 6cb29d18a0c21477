"""Reading submitted forms: every value comes back as typed (to show again), with a
message per field that is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from fastapi import Depends, Request
from starlette.datastructures import FormData

from app.i18n import gettext as _


@dataclass
class FormResult:
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def text(
        self,
        form: FormData,
        name: str,
        *,
        label: str,
        required: bool = True,
        min_length: int = 0,
        max_length: int = 200,
    ) -> str:
        raw = form.get(name)
        value = raw.strip() if isinstance(raw, str) else ""
        self.values[name] = value
        if required and not value:
            self.errors[name] = _("Fill in this field: %(label)s.", label=label)
        elif value and len(value) < min_length:
            self.errors[name] = _(
                "%(label)s: use at least %(n)d characters.", label=label, n=min_length
            )
        elif len(value) > max_length:
            self.errors[name] = _(
                "%(label)s: use at most %(n)d characters.", label=label, n=max_length
            )
        return value

    def email(self, form: FormData, name: str = "email") -> str:
        value = self.text(form, name, label=_("Email address"), max_length=254)
        if value and name not in self.errors:
            try:
                value = validate_email(value, check_deliverability=False).normalized.lower()
            except EmailNotValidError:
                self.errors[name] = _("Fill in an email address like name@example.nl.")
        return value

    def secret(self, form: FormData, name: str, *, label: str) -> str:
        """A password: checked, but never sent back to the page."""
        raw = form.get(name)
        value = raw if isinstance(raw, str) else ""
        if not value:
            self.errors[name] = _("Fill in this field: %(label)s.", label=label)
        return value

    def checkbox(self, form: FormData, name: str) -> bool:
        checked = form.get(name) in ("on", "1", "true", "ja")
        self.values[name] = "on" if checked else ""
        return checked


async def form_data(request: Request) -> FormData:
    # Starlette caches the parsed form, so the CSRF check and the handler share one parse.
    return await request.form()


Form = Annotated[FormData, Depends(form_data)]
