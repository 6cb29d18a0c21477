from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.config import MailSettings, Settings


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(environment="production", mail=MailSettings(backend="smtp"))


def test_production_refuses_to_keep_mail_in_the_outbox() -> None:
    with pytest.raises(ValidationError, match="MAIL__BACKEND"):
        Settings(environment="production", secret_key="x" * 32)


def test_providers_come_from_json_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "DIALOOG_OIDC_PROVIDERS",
        '[{"name": "zeist", "label": "Zeist", "organization": "zeist",'
        ' "discovery_url": "https://idp.example/.well-known/openid-configuration",'
        ' "client_id": "c", "client_secret": "s"}]',
    )
    settings = Settings()
    assert [p.name for p in settings.providers_for("zeist")] == ["zeist"]
    assert settings.providers_for("hoogeveen") == []


def test_production_cookies_carry_the_host_prefix() -> None:
    from app.accounts.sessions import cookie_name as session_cookie
    from app.web.csrf import cookie_name as csrf_cookie

    production = Settings(
        environment="production", secret_key="x" * 32, mail=MailSettings(backend="smtp")
    )
    development = Settings()
    assert csrf_cookie(production) == "__Host-dialoog_csrf"
    assert session_cookie(production) == "__Host-dialoog_session"
    assert csrf_cookie(development) == "dialoog_csrf"
