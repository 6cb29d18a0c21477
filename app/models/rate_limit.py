from __future__ import annotations

from sqlalchemy import BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base


class RateLimitCounter(Base):
    """How often one key (an action and an address or account) was used in one fixed
    time window. In the database, so every app process counts on the same row.

    Not organization-scoped: an address that hammers one municipality's sign-in is the
    same address at the next, and the key names the organization where it matters.
    """

    __tablename__ = "rate_limit_counters"
    __table_args__ = (Index("ix_rate_limit_counters_window_end", "window_end"),)

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    # Seconds since the epoch at which the window ends (windows are whole multiples of
    # the limit's length); past it, the row is of no use and may go.
    window_end: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(default=0)
