from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped


class Taakveld(Base):
    """A task field of the Dutch municipal budget rules (BBV, Iv3). The same national
    list for every organization, so not organization-scoped; loaded by a migration."""

    __tablename__ = "taakvelden"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    main_code: Mapped[str] = mapped_column(String(10))
    main_name: Mapped[str] = mapped_column(String(200))


class Theme(OrganizationScoped, Base):
    """A cluster of budget lines with a savings target: a percentage of their controllable
    costs, unless an admin overrode it (with a reason, audited)."""

    __tablename__ = "themes"
    __table_args__ = (UniqueConstraint("process_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    slug: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    target_override: Mapped[int | None] = mapped_column(BigInteger)
    override_reason: Mapped[str | None] = mapped_column(Text)


class BudgetLine(OrganizationScoped, Base):
    __tablename__ = "budget_lines"
    __table_args__ = (UniqueConstraint("process_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), index=True
    )
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    programme: Mapped[str] = mapped_column(String(200), default="")
    budget: Mapped[int] = mapped_column(BigInteger)  # euros a year
    controllable: Mapped[int] = mapped_column(BigInteger)  # the part that can be influenced
    taakveld_code: Mapped[str | None] = mapped_column(ForeignKey("taakvelden.code"))


class Group(OrganizationScoped, Base):
    """The people working on one theme: a theme group in a dialogue, a team in a sprint
    (several teams share the sprint's one theme). Its chef is a role assignment scoped
    to the group."""

    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("process_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
