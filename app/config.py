"""One place for every setting, read from the environment (prefix ``DIALOOG_``).

Nested groups use a double underscore, e.g. ``DIALOOG_DB__ECHO=1``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production"  # noqa: S105


class DatabaseSettings(BaseModel):
    echo: bool = False
    pool_size: int = 5
    max_overflow: int = 10


class MailSettings(BaseModel):
    # "outbox" keeps mails in the database and shows them on /dev/postvak (development);
    # "smtp" sends them.
    backend: Literal["outbox", "smtp"] = "outbox"
    host: str = "127.0.0.1"
    port: int = 25
    security: Literal["none", "starttls", "tls"] = "none"
    username: str | None = None
    password: str | None = None
    sender: str = "Dialoog <noreply@dialoog.invalid>"
    timeout_seconds: float = 10.0


class OidcProviderSettings(BaseModel):
    """One OpenID Connect provider, e.g. a municipality's own sign-in for its staff."""

    name: str  # in URLs: /aanmelden/oidc/<name>
    label: str  # on the button: "Aanmelden met <label>"
    organization: str  # the organization (slug) whose staff use it
    discovery_url: str
    client_id: str
    client_secret: str
    scopes: str = "openid email profile"
    name_claim: str = "name"
    email_claim: str = "email"
    # Optional: a claim listing the person's groups, and which values give which role.
    roles_claim: str | None = None
    role_map: dict[str, str] = Field(default_factory=dict)


class AccountSettings(BaseModel):
    """Session time-outs (ASVS V7.3): a session ends after a while without use (idle) and
    after a fixed time whatever happens (absolute). Staff roles see other people's data
    and decide for the municipality, so their sessions are short, like a working day with
    a lunch break; a citizen who comments now and then would find that a nuisance, and
    what their account reaches is their own, so their sessions last longer.
    """

    # Citizens (no staff role).
    idle_days: int = 14
    absolute_days: int = 30
    # Accounts holding a staff role (app.access.roles.STAFF_ROLES).
    staff_idle_minutes: int = 60
    staff_absolute_hours: int = 12
    privacy_version: str = "2026-11"
    confirm_link_hours: int = 72
    reset_link_minutes: int = 60
    # Failed sign-ins allowed before waiting starts, per account and per address.
    free_failures_per_account: int = 5
    free_failures_per_address: int = 20
    # Local (password) sign-ins of accounts with a staff role ask for a code from an
    # authenticator app too (TOTP, ASVS V6.3); sign-ins through OpenID Connect never do,
    # the identity provider answers for those.
    second_factor_for_staff: bool = True


class RateLimit(BaseModel):
    requests: int
    seconds: int


class RateLimitSettings(BaseModel):
    """How often sign-in, registration, comments and search may be used in a fixed window
    (ASVS V2.4), counted in the database so several app processes share the count.

    Per address the limits are generous: a town hall, a library or an evening session
    puts many honest people behind one address, and guessing passwords is slowed per
    account and per address already (``AccountSettings.free_failures_*``). They stop a
    script, not a crowd. Per account a person writes comments by hand, so that limit is
    tight.
    """

    enabled: bool = True
    # Per client address.
    sign_in: RateLimit = RateLimit(requests=300, seconds=600)
    registration: RateLimit = RateLimit(requests=60, seconds=3600)
    search: RateLimit = RateLimit(requests=120, seconds=60)
    comments_per_address: RateLimit = RateLimit(requests=200, seconds=600)
    # Per account.
    comments_per_account: RateLimit = RateLimit(requests=20, seconds=600)


class PrivacySettings(BaseModel):
    """Personal data under the AVG (app.privacy)."""

    # A person's own export (a ZIP) is offered this long, then its file is removed.
    export_days: int = 7
    # Retention (app.privacy.retention, run daily): an account without a sign-in and
    # without a contribution for this long is erased, unless it holds a role (those are
    # reported to the admin instead). 0 turns it off.
    inactive_account_months: int = 24
    # What applicants wrote about themselves (motivation, expertise, phone, ...) is
    # anonymised this long after the last phase of their process ended. 0 turns it off.
    closed_process_months: int = 12


class UploadSettings(BaseModel):
    """Attachments to proposals and product sheets (app.attachments): how large one file
    may be, and how many one proposal or product sheet may carry."""

    max_bytes: int = 10 * 1024 * 1024
    max_per_subject: int = 10


class I18nSettings(BaseModel):
    default_locale: str = "nl"
    locales: tuple[str, ...] = ("nl", "en")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DIALOOG_", env_nested_delimiter="__", extra="ignore"
    )

    environment: Literal["development", "test", "production"] = "development"
    # SQLite under var/ so a newcomer needs no database server; production sets PostgreSQL.
    database_url: str = Field(default=f"sqlite:///{ROOT / 'var' / 'dialoog.sqlite3'}")
    secret_key: str = DEVELOPMENT_SECRET
    log_format: Literal["console", "json"] = "console"
    log_level: str = "INFO"
    # Host names that fall back to the default organization when no organization claims
    # them; in production every host must be claimed explicitly.
    local_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
    default_organization: str = "zeist"
    # Built documents (the central white paper's PDF, Word, CSV, XLSX) live below here.
    documents_dir: Path = ROOT / "var" / "documents"
    # Attachments people upload, under generated names (app.attachments.storage).
    uploads_dir: Path = ROOT / "var" / "uploads"
    # A person's own data exports (ZIPs under generated names) live below here.
    exports_dir: Path = ROOT / "var" / "exports"
    # Where meetings happen: times are stored in UTC and shown and entered in this zone.
    timezone: str = "Europe/Amsterdam"
    # How background jobs run: a thread in the app process, inline after each commit
    # (the tests), or off (a separate worker, or none).
    jobs_mode: Literal["thread", "inline", "off"] = "thread"
    # Rendered pages for visitors who are not signed in, kept per content version
    # (app.cache.pages). Unset: on in production only, so development shows template
    # edits at once and tests see every page rendered.
    page_cache: bool | None = None
    # Page reads each server process works on at once; the rest queue in order of arrival
    # (app.web.admission). Below the database pool's size, so an admitted read never waits
    # for a connection.
    concurrent_reads: int = Field(default=4, ge=1)
    db: DatabaseSettings = DatabaseSettings()
    i18n: I18nSettings = I18nSettings()
    mail: MailSettings = MailSettings()
    accounts: AccountSettings = AccountSettings()
    rate_limits: RateLimitSettings = RateLimitSettings()
    uploads: UploadSettings = UploadSettings()
    privacy: PrivacySettings = PrivacySettings()
    oidc_providers: list[OidcProviderSettings] = Field(default_factory=list)

    @property
    def caches_pages(self) -> bool:
        return self.page_cache if self.page_cache is not None else self.is_production

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    def providers_for(self, organization_slug: str) -> list[OidcProviderSettings]:
        return [p for p in self.oidc_providers if p.organization == organization_slug]

    @property
    def secure_cookies(self) -> bool:
        """Cookies carry Secure outside development, where plain http on localhost is used."""
        return self.environment == "production"

    @model_validator(mode="after")
    def _refuse_development_defaults_in_production(self) -> Settings:
        if self.is_production and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("DIALOOG_SECRET_KEY must be set in production")
        names = [p.name for p in self.oidc_providers]
        if len(names) != len(set(names)):
            raise ValueError("each OIDC provider needs its own name (it is the client's key)")
        if self.concurrent_reads > self.db.pool_size + self.db.max_overflow:
            raise ValueError("concurrent_reads must not exceed the database pool's size")
        if self.is_production and self.mail.backend == "outbox":
            # Confirmation and reset mails would silently never arrive.
            raise ValueError("set DIALOOG_MAIL__BACKEND=smtp and the SMTP server in production")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
