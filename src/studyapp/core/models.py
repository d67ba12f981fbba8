"""SQLAlchemy 2.0 models: every entity of the domain.

Our domain has a ``Session`` (a meeting), so SQLAlchemy's own Session class is only ever
imported under another name, and only in ``core/``.

A session's ``body`` is the truth: one Markdown document as the user wrote it. Its talks,
to-dos and attendance are rows derived from it on every save (``services/body_rows.py``);
``heading_raw``, ``source_line`` and ``attendees_raw`` are the lines those rows stand for.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from studyapp.core.model_base import Base as Base
from studyapp.core.model_base import Timestamped as Timestamped
from studyapp.core.model_base import UTCDateTime as UTCDateTime
from studyapp.core.model_base import stored_enum
from studyapp.core.model_base import utcnow as utcnow


class SessionKind(enum.StrEnum):
    PAPER_REVIEW = "paper review"
    MENTORING = "mentoring"
    LECTURE = "lecture"
    PEER_SESSION = "peer session"
    CONFERENCE = "conference"
    OTHER = "other"


class SessionStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AssignmentStatus(enum.StrEnum):
    ASSIGNED = "assigned"
    READING = "reading"
    DONE = "done"
    PRESENTED = "presented"
    DROPPED = "dropped"


class Priority(enum.StrEnum):
    HIGHEST = "highest"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    LOWEST = "lowest"


session_tags = Table(
    "session_tags",
    Base.metadata,
    Column("session_id", ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

paper_tags = Table(
    "paper_tags",
    Base.metadata,
    Column("paper_id", ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Person(Timestamped, Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class GroupMember(Base):
    __tablename__ = "group_members"
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(default=0)
    removed: Mapped[bool] = mapped_column(default=False, server_default=false())  # left rotation
    person: Mapped[Person] = relationship(lazy="joined")


class Group(Timestamped, Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # RFC 5545 RRULE text (python-dateutil parses it); None when the group has no schedule.
    schedule_rrule: Mapped[str | None] = mapped_column(Text)
    timezone: Mapped[str | None] = mapped_column(String(64))
    # ISO dates ("2025-03-10") on which the schedule has no meeting (holidays).
    schedule_skipped: Mapped[list[str]] = mapped_column(default=list)
    members: Mapped[list[GroupMember]] = relationship(
        cascade="all, delete-orphan", order_by=GroupMember.position
    )


class Absence(Base):
    """A member who told the group ahead that they will miss the meeting on ``date``."""

    __tablename__ = "absences"
    __table_args__ = (UniqueConstraint("group_id", "person_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # The unique constraint's index (group first) serves lookups by group.
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    person: Mapped[Person] = relationship(lazy="joined")


class Attendance(Base):
    __tablename__ = "attendance"
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    present: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    person: Mapped[Person] = relationship(lazy="joined")


class Session(Timestamped, Base):
    """One meeting of a group."""

    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_group_date", "group_id", "date"),
        Index("ix_sessions_date_id", "date", "id"),
        # The sidebar's query: live sessions newest first, read straight off this index.
        Index("ix_sessions_live_newest", "deleted_at", "date", "start_time", "id"),
        # The group list's session counts, without reading every session row.
        Index("ix_sessions_live_group", "deleted_at", "group_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    # IANA name ("Asia/Seoul") or a fixed offset ("+09:00").
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    kind: Mapped[SessionKind] = mapped_column(
        stored_enum(SessionKind, "session_kind"), default=SessionKind.OTHER
    )
    status: Mapped[SessionStatus] = mapped_column(
        stored_enum(SessionStatus, "session_status"), default=SessionStatus.HELD
    )
    # The meeting's document (front matter aside), exactly as written.
    body: Mapped[str] = mapped_column(Text, default="")
    # The body's attendance line the attendance rows were read from; None when they came
    # from the front matter or a form.
    attendees_raw: Mapped[str | None] = mapped_column(Text)
    # Front matter as imported: {"blocks": [[key, raw_text], ...]} so unknown keys survive.
    front_matter: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source_path: Mapped[str | None] = mapped_column(Text, index=True)
    source_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # Which meeting of a log file (its date); None when the session is the whole file.
    source_part: Mapped[str | None] = mapped_column(String(80))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(default=1)
    body_author: Mapped[str | None] = mapped_column(String(200))  # who last wrote the body

    group: Mapped[Group] = relationship(lazy="joined")
    tags: Mapped[list[Tag]] = relationship(secondary=session_tags, order_by=Tag.name)
    attendance: Mapped[list[Attendance]] = relationship(
        cascade="all, delete-orphan", order_by=Attendance.position
    )
    presentations: Mapped[list[Presentation]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        # Ties in position (rows moved in one save) read in id order on every engine, as
        # session_details reads them; PostgreSQL gives no order of its own.
        order_by="(Presentation.position, Presentation.id)",
    )
    checklist: Mapped[list[ChecklistItem]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(ChecklistItem.position, ChecklistItem.id)",
    )


class Paper(Timestamped, Base):
    __tablename__ = "papers"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    # Normalized title (casefolded, punctuation dropped) to catch duplicates.
    title_key: Mapped[str] = mapped_column(Text, index=True)
    authors: Mapped[list[str]] = mapped_column(default=list)
    venue: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    url: Mapped[str | None] = mapped_column(Text)
    arxiv_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    doi: Mapped[str | None] = mapped_column(String(200), unique=True)
    bibtex_key: Mapped[str | None] = mapped_column(String(200))
    bibtex: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # its .bib entry, as written
    abstract: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    tags: Mapped[list[Tag]] = relationship(secondary=paper_tags, order_by=Tag.name)


class Presentation(Timestamped, Base):
    """One talk of a session: a heading of its body, naming a presenter and maybe a paper."""

    __tablename__ = "presentations"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    presenter_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    paper_id: Mapped[int | None] = mapped_column(
        ForeignKey("papers.id", ondelete="SET NULL"), index=True
    )
    # The heading line in the body this talk stands for.
    heading_raw: Mapped[str | None] = mapped_column(Text)
    # From the "⏱ used / box" line under the heading; None = never timed.
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    timebox_minutes: Mapped[int | None] = mapped_column(Integer)
    added_by: Mapped[str | None] = mapped_column(String(200))  # the member who added the talk

    session: Mapped[Session] = relationship(back_populates="presentations")
    presenter: Mapped[Person | None] = relationship(lazy="joined")
    paper: Mapped[Paper | None] = relationship(lazy="joined")


class ReadingAssignment(Timestamped, Base):
    __tablename__ = "reading_assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[AssignmentStatus] = mapped_column(
        stored_enum(AssignmentStatus, "assignment_status"), default=AssignmentStatus.ASSIGNED
    )
    paper: Mapped[Paper] = relationship(lazy="joined")
    person: Mapped[Person] = relationship(lazy="joined")


class ChecklistItem(Timestamped, Base):
    """A to-do: a Tasks line of a session's body (``source_line``), or of a group's list."""

    __tablename__ = "checklist_items"
    __table_args__ = (Index("ix_checklist_items_group_done", "group_id", "done"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)  # status_symbol of type DONE
    # The box's character: " ", "x", "/" in progress, "-" cancelled, or any other.
    status_symbol: Mapped[str] = mapped_column(String(1), default=" ", server_default=" ")
    done_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    scheduled_date: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    created_date: Mapped[dt.date | None] = mapped_column(Date)
    cancelled_date: Mapped[dt.date | None] = mapped_column(Date)
    priority: Mapped[Priority | None] = mapped_column(stored_enum(Priority, "priority"))
    recurrence: Mapped[str | None] = mapped_column(Text)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    source_line: Mapped[str | None] = mapped_column(Text)
    task_id: Mapped[str | None] = mapped_column(Text)  # 🆔
    depends_on: Mapped[str | None] = mapped_column(Text)  # ⛔ ids, comma-joined
    on_completion: Mapped[str | None] = mapped_column(String(10))  # 🏁 keep or delete
    block_link: Mapped[str | None] = mapped_column(Text)  # "^abc"
    done_by: Mapped[str | None] = mapped_column(String(200))  # the member who ticked it

    session: Mapped[Session | None] = relationship(back_populates="checklist")
    assignee: Mapped[Person | None] = relationship(lazy="joined")


class NoteRevision(Base):
    """An earlier text of a note, so nothing typed is ever unrecoverable."""

    __tablename__ = "note_revisions"
    __table_args__ = (Index("ix_note_revisions_session_created", "session_id", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    # Which text: "body", the session's document.
    field: Mapped[str] = mapped_column(String(80), default="body")
    content: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(40), default="edit")
    author: Mapped[str | None] = mapped_column(String(200))  # who wrote this text
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Attachment(Base):
    """A file kept with a session (a slide photo, a whiteboard picture), stored in the row."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)  # "slide-20250310-190312.png"
    mime: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SearchText(Base):
    """One searchable text of a session (its title, a note, a to-do...); see core/search.

    A body's row holds NULL: the text is the session's body, as the ``search_docs`` view
    reads it. No foreign key: the index removes these rows itself, after handing their
    tokens to the FTS5 table (created by migration 0004, outside these models).
    """

    __tablename__ = "search_texts"
    # Ids are ``session_id << 13 | n``: 64-bit on PostgreSQL, the rowid on SQLite. The id
    # says the session (``search_docs.session_id``); a session's texts are one id range.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    field: Mapped[int] = mapped_column(SmallInteger)  # search.numbering.FIELDS; the view names it
    ref_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)


# Registers the flush listeners that keep the search index in step with every write.
from studyapp.core.search import sync as _search_sync  # noqa: E402, F401
