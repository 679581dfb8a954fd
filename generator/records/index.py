"""All records of a site, loaded once, with the cross-record index and its checks.

``load_records`` walks ``content/`` in sorted order, validates every file, and
then checks what no single file can: unique ids, references between records
(a decision's meeting, an expense's approving decision, the dues record a
funds income is the retained share of) and attachments.
Every problem is collected; nothing stops at the first one.  A file that does
not validate is remembered as a ``FailedRecord``, so a record that refers to
it is not also told that it refers to nothing (the file's own errors say
what is wrong), and rules that need every record of a kind know one is missing.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from pydantic import BaseModel

from ..config import Site
from ..errors import ErrorCollector, RecordError, format_field
from ..i18n import Messages
from .. import vocabulary
from ..cache import NO_CACHE, Cache
from .loader import FieldPath, LoadedFile, load_yaml_file
from .models import Branch, FinanceKindOnly, model_for
from .models.meeting import Period
from .validate import validate_model

ATTACHMENTS_DIR = "attachments"
BRANCH_FILE = "branch.yml"
RECORD_SUFFIXES = (".yml", ".yaml")


@dataclass
class Record:
    """One validated record and where it came from."""

    id: str
    type: str  # meeting, decision, finance, appraisal, notice
    rel: str  # path relative to the site folder, for messages
    model: Any  # the pydantic model of its type
    source: LoadedFile
    visibility: str  # resolved: public, members or restricted
    path: Optional[Path] = None  # the record file

    @property
    def section(self) -> str:
        return vocabulary.SECTION_OF[self.type]

    @cached_property
    def fingerprint(self) -> str:
        """Everything a page or file can show of this record (its audience-narrowed data included)."""
        return f"{self.id}\0{self.type}\0{self.visibility}\0{self.rel}\0{self.model.model_dump_json()}"

    @property
    def date(self) -> dt.date:
        return self.model.date

    @property
    def title(self) -> str:
        return self.model.title

    @property
    def kind(self) -> Optional[str]:
        return getattr(self.model, "kind", None)

    @property
    def is_draft(self) -> bool:
        return self.model.status == "draft"

    @property
    def url(self) -> str:
        """The record's page, relative to the site root: ``<section>/<yyyy>/<id>/``."""
        return f"{self.section}/{self.date.year}/{self.id}/"

    def sort_key(self) -> tuple:
        """Newest first, id as the tiebreak so order never drifts."""
        return (-self.date.toordinal(), self.id)

    def position(self, path: FieldPath, key: bool = False) -> tuple[int, int]:
        pos = self.source.position(path, key=key)
        return pos.line, pos.column


@dataclass(frozen=True)
class FailedRecord:
    """A record file that did not load (its errors are reported): what other records may know it by."""

    id: str  # its ``id:`` if that much could be read, else its file name without the suffix
    type: str
    rel: str
    kind: Optional[str] = None  # its ``kind:`` (the identifier) if that could be read


@dataclass(frozen=True)
class WithheldMeeting:
    """A held meeting the audience may not see, as the 三会一课 calendar counts it.

    Nothing of the record but its kind, its party group, the period it counts
    for and its visibility (``members`` or ``restricted``): no id, title, date
    or any other field.
    """

    kind: str
    group: Optional[str]
    period: Period
    visibility: str


@dataclass
class RecordSet:
    """Records and the branch description: every record of a site, or what one audience may see.

    ``load_records`` makes the site's; ``audience.narrow`` makes one audience's
    (``audience`` set), with narrowed copies of the records it may see and
    the facts it may know of the others (``withheld_meetings``,
    ``meetings_since``) and of the roster (``attendance``).
    """

    records: list[Record] = field(default_factory=list)
    branch: Optional[Branch] = None
    branch_source: Optional[LoadedFile] = None
    by_id: dict[str, Record] = field(default_factory=dict)
    audience: Optional[str] = None  # None: not narrowed, every record of the site
    failed: dict[str, FailedRecord] = field(default_factory=dict)  # by id: files with errors (only the site's, never a view's)
    # Set by audience.narrow: the held meetings this audience may not see,
    withheld_meetings: list[WithheldMeeting] = field(default_factory=list)
    # the first day of the month the site's meeting records begin (the same for every audience),
    meetings_since: Optional[dt.date] = None
    # and each visible meeting's attendance (figures.records.Attendance), counted on the full roster.
    attendance: dict[str, Any] = field(default_factory=dict)
    # Set by pipeline.check, once per build (one git log): each record's history.RecordDates, by id.
    dates: dict[str, Any] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        self.records.append(record)
        self.by_id[record.id] = record

    def of_type(self, record_type: str) -> list[Record]:
        return [r for r in self.records if r.type == record_type]

    def counts(self) -> dict[str, int]:
        return {t: len(self.of_type(t)) for t in vocabulary.SECTION_OF}

    def get(self, record_id: Optional[str]) -> Optional[Record]:
        return self.by_id.get(record_id) if record_id else None

    def failed_of_type(self, record_type: str, kind: Optional[str] = None) -> list[FailedRecord]:
        """The files of a type that did not load; with ``kind``, those of that kind or of a kind that could not be read."""
        return [f for f in self.failed.values() if f.type == record_type and (kind is None or f.kind in (None, kind))]

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)


def _record_files(content_dir: Path) -> Iterator[Path]:
    """Every record file, in a sorted, stable order (attachments excluded)."""
    for path in sorted(content_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in RECORD_SUFFIXES:
            continue
        parts = path.relative_to(content_dir).parts
        if parts[0] == ATTACHMENTS_DIR or any(p.startswith(".") for p in parts):
            continue
        if parts == (BRANCH_FILE,):
            continue
        yield path


def load_records(site: Site, collector: ErrorCollector, cache: Cache = NO_CACHE) -> RecordSet:
    """Load, validate and index all of ``content/``; problems go to ``collector``."""
    messages = site.messages
    content = site.content_dir
    result = RecordSet()
    if not content.is_dir():
        collector.add(RecordError(site.relative(content), 0, 0, "", messages("no_content", path=site.relative(content))))
        return result
    max_bytes = site.config.limits.record_max_kb * 1024

    branch_path = content / BRANCH_FILE
    if branch_path.is_file():
        loaded_branch = _load_one(branch_path, "branch", site, collector, max_bytes, with_source=True, cache=cache)
        if isinstance(loaded_branch, tuple):
            result.branch, result.branch_source = loaded_branch
    else:
        collector.add(RecordError(site.relative(branch_path), 0, 0, "", messages("no_branch")))

    first_file: dict[str, str] = {}
    for path in _record_files(content):
        rel = site.relative(path)
        parts = path.relative_to(content).parts
        record_type = vocabulary.SECTIONS.get(parts[0]) if len(parts) > 1 else None
        if record_type is None:
            collector.add(RecordError(rel, 0, 0, "", messages("unknown_section", name=parts[0] if len(parts) > 1 else "", allowed=", ".join(vocabulary.SECTIONS))))
            continue
        loaded_model = _load_one(path, record_type, site, collector, max_bytes, with_source=True, cache=cache)
        if not isinstance(loaded_model, tuple):
            failed = _failed_record(path, record_type, rel, loaded_model)
            result.failed.setdefault(failed.id, failed)
            continue
        model, loaded = loaded_model
        record_id = model.id or path.stem
        visibility = model.visibility or site.config.default_visibility
        record = Record(id=record_id, type=record_type, rel=rel, model=model, source=loaded, visibility=visibility, path=path.resolve())
        _check_placement(record, parts, messages, collector)
        if model.type is not None and model.type not in (record_type, messages.type_name(record_type), parts[0]):
            line, col = record.position(("type",))
            collector.add(RecordError(rel, line, col, "type", messages("type_mismatch", value=model.type, section=parts[0])))
        if record_id in first_file:
            line, col = record.position(("id",)) if model.id else (1, 1)
            collector.add(RecordError(rel, line, col, "id", messages("duplicate_id", id=record_id, other=first_file[record_id])))
            continue
        first_file[record_id] = rel
        result.add(record)

    result.records.sort(key=Record.sort_key)
    _check_references(result, site, collector)
    return result


def _load_one(path: Path, record_type: str, site: Site, collector: ErrorCollector, max_bytes: int, with_source: bool = False, cache: Cache = NO_CACHE) -> Any:
    """The validated model (with its source if ``with_source``, as a tuple); else what was read of a file that failed (its data or None)."""
    messages = site.messages
    rel = site.relative(path)
    loaded, errors = load_yaml_file(path, rel, messages, max_bytes, cache)
    collector.extend(errors)
    if loaded is None:
        return None
    if loaded.data is None:
        collector.add(RecordError(rel, 1, 1, "", messages("empty_file")))
        return None
    data = loaded.data
    model_cls = model_for(record_type, data) if isinstance(data, dict) else BaseModel
    model, errors = validate_model(model_cls, data, loaded, rel, messages)
    collector.extend(errors)
    if model is None or model_cls is FinanceKindOnly:
        return data
    return (model, loaded) if with_source else model


def _failed_record(path: Path, record_type: str, rel: str, data: Any) -> FailedRecord:
    fields = data if isinstance(data, dict) else {}
    written_id, kind = fields.get("id"), fields.get("kind")
    return FailedRecord(
        id=written_id if isinstance(written_id, str) and written_id.strip() else path.stem,
        type=record_type,
        rel=rel,
        kind=vocabulary.canonical(vocabulary.KIND_ENUMERATION[record_type], kind) if record_type in vocabulary.KIND_ENUMERATION else None,
    )


def _check_placement(record: Record, parts: tuple[str, ...], messages: Messages, collector: ErrorCollector) -> None:
    year = str(record.date.year)
    if len(parts) < 3:
        expected = f"{parts[0]}/{year}/{parts[-1]}"
        collector.add(RecordError(record.rel, 1, 1, "", messages("not_in_year_folder", expected=expected), "warning"))
    elif parts[1] != year:
        line, col = record.position(("date",))
        collector.add(RecordError(record.rel, line, col, "date", messages("year_folder_mismatch", year=year, folder=parts[1]), "warning"))


# ---------------------------------------------------------------------------
# References between records, and attachments
# ---------------------------------------------------------------------------


def references(record: Record) -> Iterator[tuple[FieldPath, str, str]]:
    """Every (field path, referenced id, expected type) a record holds."""
    model = record.model
    if record.type == "decision" and model.meeting:
        yield ("meeting",), model.meeting, "meeting"
    if record.type == "finance" and model.kind == "funds":
        for i, income in enumerate(model.income):
            if income.dues:
                yield ("income", i, "dues"), income.dues, "finance"
        for i, expense in enumerate(model.expenses):
            if expense.decision:
                yield ("expenses", i, "decision"), expense.decision, "decision"
    # Opinions and elections (issue 15)
    if record.type == "opinion" and model.decision:
        yield ("decision",), model.decision, "decision"
    if record.type == "election" and model.meeting:
        yield ("meeting",), model.meeting, "meeting"
    if record.type == "responsibility":
        for i, assignment in enumerate(model.assignments):
            if assignment.report:
                yield ("assignments", i, "report"), assignment.report, "meeting"


def attachment_files(record: Record) -> Iterator[tuple[FieldPath, str]]:
    """Every (field path, file under content/attachments/) a record names."""
    for i, attachment in enumerate(record.model.attachments):
        yield ("attachments", i, "file"), attachment.file
    if record.type == "finance" and record.model.kind == "funds":
        for i, expense in enumerate(record.model.expenses):
            for j, receipt in enumerate(expense.receipts):
                yield ("expenses", i, "receipts", j), receipt


def resolve_attachment(site: Site, name: str) -> tuple[Optional[Path], str]:
    """The attachment's real path, or None and why ('outside' or 'missing')."""
    base = (site.content_dir / ATTACHMENTS_DIR).resolve()
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts or name.startswith(("/", "\\")):
        return None, "outside"
    real = (base / candidate).resolve()
    if base != real and base not in real.parents:
        return None, "outside"
    if not real.is_file():
        return None, "missing"
    return real, ""


def _check_references(result: RecordSet, site: Site, collector: ErrorCollector) -> None:
    messages = site.messages
    for record in result.records:
        for path, target_id, expected in references(record):
            # A file with errors of its own (reported at that file) still exists: no "does not exist" for it.
            target = result.by_id.get(target_id) or result.failed.get(target_id)
            if target is None:
                line, col = record.position(path)  # only where there is a problem: positions are parsed on demand
                collector.add(RecordError(record.rel, line, col, format_field(path), messages("missing_reference", kind=messages.type_name(expected), id=target_id)))
            elif target.type != expected:
                line, col = record.position(path)
                collector.add(RecordError(record.rel, line, col, format_field(path), messages("wrong_reference", id=target_id, kind=messages.type_name(expected), actual=messages.type_name(target.type))))
        limit_mb = site.config.limits.attachment_max_mb
        for path, name in attachment_files(record):
            real, problem = resolve_attachment(site, name)
            size = real.stat().st_size if real is not None else 0
            if problem:
                line, col = record.position(path)
                message = messages("attachment_outside" if problem == "outside" else "missing_attachment", file=name)
                collector.add(RecordError(record.rel, line, col, format_field(path), message))
            elif size > limit_mb * 1024 * 1024:
                line, col = record.position(path)
                size_mb = f"{size / 1024 / 1024:.1f}"
                collector.add(RecordError(record.rel, line, col, format_field(path), messages("attachment_too_large", file=name, size_mb=size_mb, limit_mb=limit_mb), "warning"))
