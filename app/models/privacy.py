from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import EXPORT, personal


class DataExport(OrganizationScoped, Base):
    """A person's download of everything the platform holds about them (AVG art. 15/20),
    built by a background job as a ZIP under a generated name, fetched only by its owner.
    """

    __tablename__ = "data_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(EXPORT)
    )
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued/ready/failed
    # A random name under the exports directory; never derived from the person.
    file_name: Mapped[str | None] = mapped_column(String(100))
    size_bytes: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    # The file is removed after this; the row stays as a record that it was made.
    expires_at: Mapped[datetime | None]
