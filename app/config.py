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
    db: DatabaseSettings = DatabaseSettings()
    i18n: I18nSettings = I18nSettings()

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def secure_cookies(self) -> bool:
        """Cookies carry Secure outside development, where plain http on localhost is used."""
        return self.environment == "production"

    @model_validator(mode="after")
    def _refuse_development_secret_in_production(self) -> Settings:
        if self.is_production and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("DIALOOG_SECRET_KEY must be set in production")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
