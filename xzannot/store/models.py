"""The project schema: documents, pages, their texts, edits, labels, spans and annotators.

Changing anything here needs a new migration in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from xzannot.core.edits import Review
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanLayer, SpanStatus

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timestamps are stored in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names, so migrations can refer to them."""

    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    """A source file: a PDF, or a text dump standing for one page."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(
        String(16)
    )  # "pdf", "text", "image" or "ocr" (a hOCR/PAGE/ALTO file)
    source_path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    page_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    pages: Mapped[list[Page]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Page.number"
    )
    references: Mapped[list[ReferenceText]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )


class Page(Base):
    """One page of a document, numbered from 1 in source order."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    width: Mapped[float] = mapped_column(Float)  # points
    height: Mapped[float] = mapped_column(Float)
    printed_label: Mapped[str | None] = mapped_column(String(64))
    label_source: Mapped[str] = mapped_column(String(16), default="none")
    review_status: Mapped[str] = mapped_column(String(16), default=PageStatus.TODO.value)
    needs_text: Mapped[bool] = mapped_column(default=False)
    # running heads and folios taken out of the body text, top of the page first
    furniture: Mapped[list[str] | None] = mapped_column(JSON)
    # when the automatic corrections (reading order, normalisation) were made
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # why the text layer cannot be trusted (see xzannot.core.suspect), or None
    suspect: Mapped[str | None] = mapped_column(Text)
    # degrees a scan was turned to stand straight; boxes are on the straightened image
    skew: Mapped[float | None] = mapped_column(Float)
    # where the page's image is when it is not the document's own file (an OCR file's image)
    image_path: Mapped[str | None] = mapped_column(Text)
    image_frame: Mapped[int | None] = mapped_column(Integer)  # its frame, from 0

    document: Mapped[Document] = relationship(back_populates="pages")
    text: Mapped[PageText | None] = relationship(
        back_populates="page", cascade="all, delete-orphan", uselist=False
    )
    edits: Mapped[list[EditRow]] = relationship(
        back_populates="page", cascade="all, delete-orphan", order_by="EditRow.seq"
    )
    spans: Mapped[list[Span]] = relationship(back_populates="page", cascade="all, delete-orphan")


class PageText(Base):
    """A page's original text as extracted, with one packed box per character."""

    __tablename__ = "page_texts"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), unique=True)
    original: Mapped[str] = mapped_column(Text)
    boxes: Mapped[bytes | None] = mapped_column(LargeBinary)  # see xzannot.core.boxes
    rules: Mapped[bytes | None] = mapped_column(LargeBinary)  # ruled lines, packed as boxes
    source: Mapped[str] = mapped_column(String(16))  # xzannot.core.pages.TextSource
    # OCR: a float32 per character (NaN: none), other readings by character index, the engine,
    # and the indices of low-confidence characters a reviewer accepted as read
    confidences: Mapped[bytes | None] = mapped_column(LargeBinary)
    alternatives: Mapped[dict[str, list[str]] | None] = mapped_column(JSON)
    engine: Mapped[str | None] = mapped_column(String(200))
    checked: Mapped[list[int] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    page: Mapped[Page] = relationship(back_populates="text")


class ReferenceText(Base):
    """A second witness of a document's text (a web transcription, another edition)."""

    __tablename__ = "reference_texts"
    __table_args__ = (UniqueConstraint("document_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="references")


class Annotator(Base):
    """A person (or a rule set) that edits text or marks spans."""

    __tablename__ = "annotators"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # a curator may change anyone's spans and the curated layer (see xzannot.core.team)
    curator: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EditRow(Base):
    """One correction in a page's chain of edits (see xzannot.core.edits)."""

    __tablename__ = "edits"
    __table_args__ = (UniqueConstraint("page_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # position in the chain, from 1
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    replacement: Mapped[str] = mapped_column(Text)
    # int32 per replacement character: its index before the edit, or -1 (see core.edits)
    origins: Mapped[bytes | None] = mapped_column(LargeBinary)
    kind: Mapped[str] = mapped_column(String(32))  # manual, reflow, spacing, punctuation, ...
    group_key: Mapped[str | None] = mapped_column(String(64))
    # what an automatic correction acted on, in words (why the page was reordered, say)
    evidence: Mapped[str | None] = mapped_column(Text)
    # a core.edits.Review: an automatic correction is open until reviewed
    review: Mapped[str] = mapped_column(
        String(16), default=Review.OPEN.value, server_default=Review.OPEN.value
    )
    reverts: Mapped[int | None] = mapped_column(ForeignKey("edits.id"))  # the edit this undoes
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    page: Mapped[Page] = relationship(back_populates="edits")
    annotator: Mapped[Annotator | None] = relationship()


class Label(Base):
    """An entry of the project's label schema (target, project, policy, ...)."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    color: Mapped[str] = mapped_column(String(16))
    shortcut: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Span(Base):
    """A labelled character range on a page's current text."""

    __tablename__ = "spans"
    # at most one live span of a label on the same characters in each annotator's layer
    # (migrations 0008, 0010)
    __table_args__ = (
        Index(
            "uq_spans_live",
            "page_id",
            "start",
            "end",
            "label_id",
            "layer",
            "annotator_id",
            unique=True,
            sqlite_where=text("deleted = false AND orphaned = false"),
            postgresql_where=text("deleted = false AND orphaned = false"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id"))
    quote: Mapped[str] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=SpanStatus.ACCEPTED.value)
    orphaned: Mapped[bool] = mapped_column(default=False)
    deleted: Mapped[bool] = mapped_column(default=False)
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id"))
    # who changed the span last (migration 0011): set by every change the store makes, by
    # the database when an edit moves it (the edit's author) and on a team server to the
    # annotator named like the connecting role; an annotator's id, not a reference (SQLite
    # cannot drop a column that refers, should the migration be undone)
    changed_by: Mapped[int | None] = mapped_column(Integer)
    # "annotation": the annotator's own layer; "curated": the layer curators merge into
    layer: Mapped[str] = mapped_column(
        String(16), default=SpanLayer.ANNOTATION.value, server_default=SpanLayer.ANNOTATION.value
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    page: Mapped[Page] = relationship(back_populates="spans")
    label: Mapped[Label] = relationship()
    annotator: Mapped[Annotator | None] = relationship()


class SpanChange(Base):
    """A span's place before an edit changed its shape (took some or all of its characters).

    Reverting that edit puts the span back here.
    """

    __tablename__ = "span_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    edit_id: Mapped[int] = mapped_column(ForeignKey("edits.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """A project-wide setting kept with the project's data (e.g. its own rules file)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class CollationRejection(Base):
    """A difference from a reference that a reviewer rejected: it stays settled next time."""

    __tablename__ = "collation_rejections"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("reference_texts.id", ondelete="CASCADE"))
    page_reading: Mapped[str] = mapped_column(Text)
    reference_reading: Mapped[str] = mapped_column(Text)
    reference_start: Mapped[int] = mapped_column(Integer)
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PageCollation(Base):
    """How a page last compared with its reference: shown in the pages list."""

    __tablename__ = "page_collations"

    page_id: Mapped[int] = mapped_column(
        ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True
    )
    reference_id: Mapped[int | None] = mapped_column(
        ForeignKey("reference_texts.id", ondelete="CASCADE")
    )  # None: the page has no counterpart in any reference
    open_differences: Mapped[int] = mapped_column(Integer, default=0)
    cer: Mapped[float | None] = mapped_column(Float)
    coverage: Mapped[float] = mapped_column(Float, default=0.0)
    collated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PageSearch(Base):
    """A page's current text as the search index holds it (see xzannot.core.search.fold).

    Kept by :mod:`xzannot.store.search_index` in the transaction that changes the text; on
    SQLite a full-text table of trigrams (``page_search_fts``) follows it by triggers, on
    PostgreSQL a trigram index (``pg_trgm``) when the server has it.
    """

    __tablename__ = "page_search"

    page_id: Mapped[int] = mapped_column(
        ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    folded: Mapped[str] = mapped_column(Text)


class SearchStale(Base):
    """Pages whose text changed in the open transaction: triggers on edits and page texts
    note them; the index is brought up to date before the transaction commits."""

    __tablename__ = "search_stale"

    page_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class SavedSearch(Base):
    """A search kept in the project under a name, for the team to run again."""

    __tablename__ = "saved_searches"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    query: Mapped[dict[str, Any]] = mapped_column(JSON)
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id"))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class Assignment(Base):
    """Pages of a document given to an annotator to label (all its pages when the range is
    open)."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    first_page: Mapped[int | None] = mapped_column(Integer)  # page numbers, inclusive
    last_page: Mapped[int | None] = mapped_column(Integer)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AnnotatorPage(Base):
    """Where an annotator stands with a page of theirs: to do, in progress, done."""

    __tablename__ = "annotator_pages"

    page_id: Mapped[int] = mapped_column(
        ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True
    )
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default=PageStatus.TODO.value)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class ChangeLogRow(Base):
    """A change to the project, written by database triggers (migration 0011, see
    :mod:`xzannot.store.change_log`): every window on the project reads the rows after the
    last it has seen and refreshes what they name. Kept for about a day."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index(
            "ix_change_log_pending",
            "page_id",
            "what",
            sqlite_where=text("pending"),
            postgresql_where=text("pending"),
        ),
        {"sqlite_autoincrement": True},  # an id is never given twice, even after a clean-up
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    page_id: Mapped[int | None] = mapped_column(Integer)  # None: not one page's
    what: Mapped[str] = mapped_column(String(16))  # spans, text, page_status, documents, labels
    annotator: Mapped[str | None] = mapped_column(String(200))
    # written in the open transaction; folded into one row a page and kind when it commits
    pending: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
