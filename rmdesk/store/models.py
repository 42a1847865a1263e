"""ORM models (SQLAlchemy 2.x, Mapped[] style).

Time convention: datetimes are naive local wall-clock time of the RM (China Standard
Time for most users; the zone name is the `timezone` setting). RMs plan "Wednesday
9:00" in their own time and CST has no DST, so naive local time is exact and what
printed plans show; the setting tells a future team server how to convert.
Vocabulary columns hold the ASCII keys from rmdesk.vocab.
"""



from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from rmdesk.store.search_index import INDEXES as LIVE_INDEXES
from rmdesk.store.search_index import LIVE
from rmdesk.store.types import Money, Rate

# Stable constraint names so Alembic migrations (and SQLite batch mode) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings stored with the data (RM profile, targets, rules) as JSON text."""

    __tablename__ = "settings"
    # on a team database an RM's own settings carry the login: "profile@lina" (services.settings)
    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        CheckConstraint("step BETWEEN 1 AND 6", name="step_range"),
        CheckConstraint("qualification_score BETWEEN 0 AND 5", name="score_range"),
        Index("ix_clients_step_status", "step", "status"),
        # Live clients only (migration 0006; rmdesk.store.search_index): the list's sorts and filters.
        # (The migration gives PostgreSQL the same WHERE; naming it here would import that dialect.)
        *(Index(name, *[c.strip() for c in columns.split(",")], sqlite_where=text(LIVE))
          for name, columns in LIVE_INDEXES.items()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str | None] = mapped_column(String(60))
    # Search keys computed at write time (phrase-aware pinyin): 华能电力 -> hndl / huanengdianli
    pinyin_initials: Mapped[str] = mapped_column(String(200), default="", index=True)
    pinyin_full: Mapped[str] = mapped_column(String(800), default="")
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    industry: Mapped[str | None] = mapped_column(String(32))
    policy_class: Mapped[str | None] = mapped_column(String(16))
    two_high: Mapped[bool] = mapped_column(Boolean, default=False)
    size: Mapped[str | None] = mapped_column(String(16))
    district: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    credit_rating: Mapped[str | None] = mapped_column(String(16))
    annual_sales: Mapped[Decimal | None] = mapped_column(Money())
    source_channel: Mapped[str | None] = mapped_column(String(16))
    referrer: Mapped[str | None] = mapped_column(String(100))
    tier: Mapped[str | None] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(64), default="", index=True)

    step: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_reason: Mapped[str | None] = mapped_column(Text)
    lost_reason: Mapped[str | None] = mapped_column(String(32))
    wake_up_date: Mapped[date | None] = mapped_column(Date)
    step_entered_at: Mapped[datetime] = mapped_column(DateTime)
    next_action_date: Mapped[date | None] = mapped_column(Date)

    # Step 1: the five qualification criteria (优选法); the score is their count.
    q_need: Mapped[bool] = mapped_column(Boolean, default=False)
    q_afford: Mapped[bool] = mapped_column(Boolean, default=False)
    q_standard: Mapped[bool] = mapped_column(Boolean, default=False)
    q_authority: Mapped[bool] = mapped_column(Boolean, default=False)
    q_value: Mapped[bool] = mapped_column(Boolean, default=False)
    qualification_score: Mapped[int] = mapped_column(Integer, default=0)
    # Step 3: the client agreed to receive a proposal (金融服务方案).
    proposal_agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Step 5: the closing strategy chosen (a playbook closing_strategies id).
    closing_strategy: Mapped[str | None] = mapped_column(String(32))
    # Step 6: when the next maintenance contact is due.
    next_maintenance_date: Mapped[date | None] = mapped_column(Date)
    # the next due maintenance contact, worked out ahead (rmdesk.store.next_dates, migration 0027)
    next_due: Mapped[date | None] = mapped_column(Date, deferred=True)
    # Half-days the client does not want visits, JSON list like ["mon_am", "fri_pm"].
    busy_hours: Mapped[str | None] = mapped_column(Text)
    # Step 6, keeping the client: a manual tier is kept (recompute skips it) while this
    # reason is set; a cadence (RRULE text) of its own instead of its tier's; founding date.
    tier_override_reason: Mapped[str | None] = mapped_column(Text)
    cadence_rule: Mapped[str | None] = mapped_column(String(120))
    founded_date: Mapped[date | None] = mapped_column(Date)

    intel_notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    # Team mode (migration 0011): raised by every UPDATE; a save from an older copy is refused
    # (StaleDataError, rmdesk.errors.Conflict). changed_by: who saved last (a login or an RM name).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    __mapper_args__ = {"version_id_col": version}
    # The bank list's own version (migration 0026): the list is saved as a whole, apart from the
    # profile, so a bank save neither checks nor raises `version` (services.clients.set_banks).
    banks_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    banks_changed_by: Mapped[str | None] = mapped_column(String(64))
    banks_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # the statement years (financial_years) are saved as a whole too: their own version
    years_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    years_changed_by: Mapped[str | None] = mapped_column(String(64))
    years_changed_at: Mapped[datetime | None] = mapped_column(DateTime)

    contacts: Mapped[list["Contact"]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Contact.id"
    )
    banks: Mapped[list["BankRelation"]] = relationship(cascade="all, delete-orphan")


class Contact(Base):
    """A key person (关键人) at the client."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60), index=True)
    title: Mapped[str | None] = mapped_column(String(60))
    role: Mapped[str | None] = mapped_column(String(32))
    decision_power: Mapped[str] = mapped_column(String(16), default="none")
    attitude: Mapped[str] = mapped_column(String(16), default="unknown")
    phone: Mapped[str | None] = mapped_column(String(32))  # as typed
    # E.164 with any extension (+861088886666;ext=123); None when not a known valid number
    phone_normalized: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    birthday: Mapped[date | None] = mapped_column(Date)
    # The birthday is kept on the lunar calendar (农历): `birthday` is the solar date of birth,
    # and each year's birthday falls on the same lunar month and day.
    birthday_is_lunar: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the next solar date of the birthday, worked out ahead (rmdesk.store.next_dates, migration 0027)
    next_birthday: Mapped[date | None] = mapped_column(Date, deferred=True)
    preferences: Mapped[str | None] = mapped_column(Text)
    # Team mode (migration 0011), as on Client
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}
    client: Mapped["Client"] = relationship(back_populates="contacts")


class BankRelation(Base):
    """A bank the client already uses, with our estimate of its share and satisfaction."""

    __tablename__ = "bank_relations"
    __table_args__ = (CheckConstraint("share_pct BETWEEN 0 AND 100", name="share_range"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    bank_name: Mapped[str] = mapped_column(String(100))
    share_pct: Mapped[int | None] = mapped_column(Integer)
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1 (unhappy) .. 5 (very happy)
    notes: Mapped[str | None] = mapped_column(Text)


class Visit(Base):
    """A planned or held visit; the call report fields are filled after it."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_planned_at_status", "planned_at", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    planned_at: Mapped[datetime] = mapped_column(DateTime)
    duration_min: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="onsite")
    objective: Mapped[str | None] = mapped_column(Text)
    agenda: Mapped[str | None] = mapped_column(Text)
    attendees_ours: Mapped[str | None] = mapped_column(Text)
    attendees_theirs: Mapped[str | None] = mapped_column(Text)
    questions: Mapped[str | None] = mapped_column(Text)
    materials: Mapped[str | None] = mapped_column(Text)  # JSON list of material keys
    products: Mapped[str | None] = mapped_column(Text)  # JSON list of product keys
    status: Mapped[str] = mapped_column(String(16), default="planned")
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    # Call report (拜访记录)
    report_outcome: Mapped[str | None] = mapped_column(Text)
    report_needs: Mapped[str | None] = mapped_column(Text)
    report_reaction: Mapped[str | None] = mapped_column(Text)
    report_attendees: Mapped[str | None] = mapped_column(Text)  # who was actually met
    report_products: Mapped[str | None] = mapped_column(Text)  # JSON list of product keys discussed
    reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The calendar's version of the visit (iCalendar SEQUENCE and LAST-MODIFIED): raised by
    # every change an exported event shows (time, status, confirmation, trash, restore).
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    # No lost update (migration 0016, as on Client): raised by every UPDATE; who changed it last and when.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}


class Task(Base):
    """A next step (下一步) with an owner and a due date."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(64), default="")
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Tasks made from a won credit deal (post-loan checks, maturity) name it and their kind.
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str | None] = mapped_column(String(24))
    # No lost update (migration 0016, as on Client): raised by every UPDATE; who changed it last and when.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}


class StepProgress(Base):
    """A ticked checklist item of a step for a client."""

    __tablename__ = "step_progress"
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    done_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(64))  # who ticked it (migration 0026)


class StepChange(Base):
    """One move of a client: between steps and/or statuses, with when and why."""

    __tablename__ = "step_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    from_step: Mapped[int | None] = mapped_column(Integer)
    to_step: Mapped[int] = mapped_column(Integer)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    override: Mapped[bool] = mapped_column(Boolean, default=False)
    unmet: Mapped[str | None] = mapped_column(Text)  # comma-separated condition keys overridden
    changed_by: Mapped[str | None] = mapped_column(String(64))  # who added it (migration 0016)
    stay_since: Mapped[datetime | None] = mapped_column(DateTime)  # the stay in from_step began (0028, store/stays.py)
    entry_before: Mapped[datetime | None] = mapped_column(DateTime)  # the previous forward entry into to_step (0028)
    moved_on_at: Mapped[datetime | None] = mapped_column(DateTime)  # the next forward entry into a higher step (0028)


class Need(Base):
    """A need found at the client, by area (step 3)."""

    __tablename__ = "needs"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # No lost update (migration 0016, as on Client): raised by every UPDATE; who changed it last and when.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}


class Objection(Base):
    __tablename__ = "objections"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="SET NULL"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    words: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    blocking: Mapped[bool] = mapped_column(Boolean, default=True)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    # No lost update (migration 0016, as on Client): raised by every UPDATE; who changed it last and when.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}


class Product(Base):
    """The product catalogue (seeded from resources/products.toml)."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(48), unique=True)
    category: Mapped[str] = mapped_column(String(16))
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(160))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Deal(Base):
    __tablename__ = "deals"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_nonneg"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money())
    rate: Mapped[Decimal | None] = mapped_column(Rate())
    status: Mapped[str] = mapped_column(String(16), default="open")
    expected_date: Mapped[date | None] = mapped_column(Date)
    actual_date: Mapped[date | None] = mapped_column(Date)
    maturity_date: Mapped[date | None] = mapped_column(Date)
    lost_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # No lost update (migration 0016, as on Client): raised by every UPDATE; who changed it last and when.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}
    proposal_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the proposal version it came from


class BusinessVolume(Base):
    """A client's business in one period (e.g. 2026 or 2026-H1), for tiering and targets."""

    __tablename__ = "business_volumes"
    __table_args__ = (UniqueConstraint("client_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(16))
    avg_deposits: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    avg_loans: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    intl_settlement_usd: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    fee_income: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    products_held: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the measures of the published star-points table (half-year averages, yuan; migration 0017)
    investment: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0), server_default="0")
    card_spending: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0), server_default="0")
    mortgage: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0), server_default="0")
    personal_loans: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0), server_default="0")
    card_overdraft: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0), server_default="0")
    # no lost update (migration 0026): services.tiering.set_business_volume
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}


class FinancingEstimate(Base):
    """A financing-need estimate saved on the client (step 3 tool)."""

    __tablename__ = "financing_estimates"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(24))
    inputs: Mapped[str] = mapped_column(Text)  # JSON {name: decimal text}
    steps: Mapped[str] = mapped_column(Text)  # JSON [[key, decimal text], ...]
    result: Mapped[Decimal] = mapped_column(Money())
    created_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(64))  # who added it (migration 0016)


class ClientEvent(Base):
    """A timeline entry without a table of its own: an edit of a key field, a trash move."""

    __tablename__ = "client_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(24))
    field: Mapped[str | None] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)  # why (a reschedule's reason, ...)
    changed_by: Mapped[str | None] = mapped_column(String(64))  # who added it (migration 0016)


class MaintenanceLog(Base):
    """A maintenance contact of step 6, by way (on-site, extra value, knowledge, ...)."""

    __tablename__ = "maintenance_logs"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    way: Mapped[str] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(64))  # who added it (migration 0016)


class Complaint(Base):
    """A client complaint and how far its handling went (listen ... close the loop)."""

    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    steps_done: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of complaint step ids
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # No lost update (migration 0016, as on Client): raised by every UPDATE; who changed it last and when.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}


class TeamMember(Base):
    """An RM (or the team lead) of a team database: the server login and the name shown."""

    __tablename__ = "team_members"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    lead: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ClientShare(Base):
    """A client its owner shares with another RM (who then sees and edits it)."""

    __tablename__ = "client_shares"
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True)
    login: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class WorkReport(Base):
    """One version of an RM's daily work log, weekly summary or monthly market report.

    The latest version of a (kind, period) is the report; a draft is edited in place, a
    submitted one is kept as it was: a change after submission is a new version with the
    reason. `figures` is the generated part frozen at submission (JSON, both languages)."""

    __tablename__ = "work_reports"
    __table_args__ = (UniqueConstraint("owner", "kind", "period", "version"),
                      CheckConstraint("kind IN ('daily', 'weekly', 'monthly')", name="kind_known"))
    id: Mapped[int] = mapped_column(primary_key=True)
    # The RM's login in team mode (filled by the server, migration 0023); '' on the local book.
    owner: Mapped[str] = mapped_column(String(64), default="", server_default="")
    kind: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(10))  # 2026-11-23 | 2026-W48 | 2026-11
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | submitted | signed_off
    notes: Mapped[str | None] = mapped_column(Text)  # the RM's own notes on the period
    plan: Mapped[str | None] = mapped_column(Text)  # tomorrow's / next period's plan
    observations: Mapped[str | None] = mapped_column(Text)  # JSON [{"industry", "district", "text"}]
    figures: Mapped[str | None] = mapped_column(Text)  # frozen at submission
    change_reason: Mapped[str | None] = mapped_column(Text)  # why a submitted report changed
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The lead's sign-off of this version (team mode; services/workreport_review.py)
    signed_off_by: Mapped[str | None] = mapped_column(String(64))
    signed_off_at: Mapped[datetime | None] = mapped_column(DateTime)


class WorkReportComment(Base):
    """A review comment on one version of a work report (the lead's, or the RM's answer).
    Kept as written: no one edits or deletes a comment (team mode: no policy allows it)."""

    __tablename__ = "work_report_comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("work_reports.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(64), default="", server_default="")  # the login (server-filled)
    at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)


class CalendarDay(Base):
    """A day of a State Council holiday notice as the RM entered it (see services.workcal):
    a public holiday (off, with the holiday's key) or an official make-up working day.
    A year with any entered day follows the entered notice instead of the package's data."""

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    notice_year: Mapped[int] = mapped_column(Integer, index=True)  # the notice's year (a make-up day may be in the year before)
    off: Mapped[bool] = mapped_column(Boolean)
    holiday: Mapped[str | None] = mapped_column(String(32))  # label.holiday key of a day off
    entered_at: Mapped[datetime] = mapped_column(DateTime)


class EarlyWarning(Base):
    """An early-warning signal (风险预警信号) seen at a client: which signal of the catalogue
    (resources/warning_signals.toml), when it was seen, how serious, what is done about it,
    and when it was closed (with how). `task_id`: the post-loan check it raised, if any.
    Team mode: governed by its client's owner (the client_id policy of store.team)."""

    __tablename__ = "early_warnings"
    __table_args__ = (CheckConstraint("severity IN ('low', 'medium', 'high')", name="severity_known"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    signal: Mapped[str] = mapped_column(String(48))
    seen_on: Mapped[date] = mapped_column(Date)
    severity: Mapped[str] = mapped_column(String(8))
    detail: Mapped[str | None] = mapped_column(Text)  # what was seen
    action: Mapped[str | None] = mapped_column(Text)  # what is done about it
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    closed_note: Mapped[str | None] = mapped_column(Text)  # how it was resolved
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))
    __mapper_args__ = {"version_id_col": version}


class RelatedParty(Base):
    """A related party of a client (关联方): its group parent, a subsidiary or affiliate, a main
    supplier or buyer, its guarantor or a company it guarantees. The other side is another
    client (`other_client_id`) or a company that is not one yet (`other_name` only; the name
    is kept for a client too, so a link outlives the other client's deletion).
    Team mode: the row belongs to `client_id`, the client it was recorded on — that client's
    owner (and whoever sees that client) reads and changes it."""

    __tablename__ = "related_parties"
    __table_args__ = (
        CheckConstraint("kind IN ('parent', 'subsidiary', 'affiliate', 'supplier', 'buyer', 'guarantor', "
                        "'guaranteed')", name="kind_known"),
        CheckConstraint("other_client_id IS NULL OR other_client_id <> client_id", name="not_self"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    other_client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="SET NULL"), index=True)
    other_name: Mapped[str] = mapped_column(String(200))
    other_key: Mapped[str] = mapped_column(String(200), index=True)  # the name normalised (duplicates)
    amount: Mapped[Decimal | None] = mapped_column(Money())  # a guarantee's amount, a share of purchases...
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
class Proposal(Base):
    """One version of a client's financial-service proposal (金融服务方案). The newest
    version is a draft until it is printed or sent (frozen_at set); a frozen version never
    changes, and editing it starts the next version (services.proposals)."""

    __tablename__ = "proposals"
    __table_args__ = (UniqueConstraint("client_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    situation: Mapped[str | None] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    solution: Mapped[str | None] = mapped_column(Text)  # the words around the product lines
    lines: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{product, amount, term_months, rate, note}]
    benefits: Mapped[str | None] = mapped_column(Text)
    conditions: Mapped[str | None] = mapped_column(Text)
    next_steps: Mapped[str | None] = mapped_column(Text)
    estimate_id: Mapped[int | None] = mapped_column(ForeignKey("financing_estimates.id", ondelete="SET NULL"),
                                                    index=True)
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime)
    frozen_how: Mapped[str | None] = mapped_column(String(16))  # printed | sent
    frozen_copy: Mapped[str | None] = mapped_column(Text)  # JSON: what was printed (names, RM contact, estimate)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # no lost update on the draft (`version` above is the proposal's own numbering: v1, v2 …)
    edit_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str | None] = mapped_column(String(64))

    __mapper_args__ = {"version_id_col": edit_version}


class FinancialYear(Base):
    """One year of a client's key statement lines, in yuan (the financial quick check,
    rmdesk.services.fincheck). Lines not known are NULL; profit and operating cash flow may
    be negative."""

    __tablename__ = "financial_years"
    __table_args__ = (UniqueConstraint("client_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    sales: Mapped[Decimal] = mapped_column(Money())
    cost_of_sales: Mapped[Decimal | None] = mapped_column(Money())
    profit: Mapped[Decimal | None] = mapped_column(Money())  # 利润总额, before tax
    interest_expense: Mapped[Decimal | None] = mapped_column(Money())
    operating_cash_flow: Mapped[Decimal | None] = mapped_column(Money())
    receivables: Mapped[Decimal | None] = mapped_column(Money())
    inventory: Mapped[Decimal | None] = mapped_column(Money())
    payables: Mapped[Decimal | None] = mapped_column(Money())
    current_assets: Mapped[Decimal | None] = mapped_column(Money())
    current_liabilities: Mapped[Decimal | None] = mapped_column(Money())
    total_assets: Mapped[Decimal | None] = mapped_column(Money())
    total_liabilities: Mapped[Decimal | None] = mapped_column(Money())
    entered_at: Mapped[datetime] = mapped_column(DateTime)
