"""Problems found in records and configuration: collected, sorted, formatted.

Every problem is one line in the form compilers and linters use,
``path:line:column: field: message``, so editors and CI can jump to it; CI
also gets them as GitHub annotations and as a GitLab Code Quality report.
Messages are already translated when a ``RecordError`` is made; this module
only orders and prints them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, Protocol, Union

if TYPE_CHECKING:
    from .i18n import Messages

Severity = Literal["error", "warning"]
FieldPath = tuple[Union[str, int], ...]  # a field's place in a file: ("absent", 1, "reason")


def format_field(loc: FieldPath) -> str:
    """``('absent', 1, 'reason')`` -> ``absent[1].reason``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True, order=True)
class RecordError:
    """One problem at one place in one file (path relative to the site folder)."""

    path: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""
    severity: Severity = "error"

    def format_text(self, warning_word: str = "warning") -> str:
        place = self.path
        if self.line:
            place += f":{self.line}:{self.column or 1}"
        prefix = "" if self.severity == "error" else f"{warning_word}: "
        field_part = f" {self.field}:" if self.field else ""
        return f"{place}:{field_part} {prefix}{self.message}"

    def format_github(self) -> str:
        # GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=…::message
        params = [f"file={_gh_escape_property(self.path)}"]
        if self.line:
            params.append(f"line={self.line}")
            params.append(f"col={self.column or 1}")
        if self.field:
            params.append(f"title={_gh_escape_property(self.field)}")
        return f"::{self.severity} {','.join(params)}::{_gh_escape_data(self.message)}"

    def format_gitlab(self) -> dict:
        """One issue of a GitLab Code Quality report (shown in the merge request)."""
        # The fingerprint names the problem, not the run: the same problem keeps
        # it from one pipeline to the next, so GitLab can tell new from fixed.
        identity = "\0".join((self.path, str(self.line), self.field, self.message))
        return {
            "description": f"{self.field}: {self.message}" if self.field else self.message,
            "check_name": f"openbranch-{self.severity}",
            "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
            "severity": "major" if self.severity == "error" else "minor",
            "location": {"path": self.path, "lines": {"begin": self.line or 1}},
        }


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Located(Protocol):
    """A loaded record: its path as shown in errors, and the line and column of each field."""

    rel: str

    def position(self, path: tuple) -> tuple[int, int]: ...


def record_problem(record: Located, path: tuple, messages: "Messages", key: str, severity: Severity = "error", **values: object) -> RecordError:
    """A problem at the line of ``path`` in ``record``, said in the site's language (the rules' one way to report)."""
    line, column = record.position(path)
    return RecordError(record.rel, line, column, format_field(path), messages(key, **values), severity)


class Dated(Located, Protocol):
    """A loaded record with its date."""

    date: dt.date


def dated_within(record: Dated, path: tuple, day: dt.date, today: dt.date, messages: "Messages", kind: str, start: str) -> Iterator[RecordError]:
    """A problem if ``day`` (at ``path``) is before ``record``'s own date (``start``, said as ``kind``) or after ``today``."""
    if day < record.date:
        yield record_problem(record, path, messages, "rule_dated_before_record", date=day.isoformat(), kind=kind, start=start)
    elif day > today:
        yield record_problem(record, path, messages, "rule_dated_after_today", date=day.isoformat(), today=today.isoformat())


@dataclass
class ErrorCollector:
    """Collects problems from every stage; nothing stops at the first one."""

    items: list[RecordError] = field(default_factory=list)

    def add(self, error: RecordError) -> None:
        self.items.append(error)

    def extend(self, errors: Iterable[RecordError]) -> None:
        self.items.extend(errors)

    def sorted(self) -> list[RecordError]:
        return sorted(set(self.items), key=lambda e: (e.path, e.line, e.column, e.field, e.severity, e.message))

    @property
    def errors(self) -> list[RecordError]:
        return [e for e in self.sorted() if e.severity == "error"]

    @property
    def warnings(self) -> list[RecordError]:
        return [e for e in self.sorted() if e.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def format_errors(errors: list[RecordError], fmt: str = "text", warning_word: str = "warning") -> str:
    """All problems in one of the output formats (text, github, gitlab, json)."""
    if fmt == "json":
        return json.dumps([asdict(e) for e in errors], ensure_ascii=False, indent=2)
    if fmt == "gitlab":
        return json.dumps([e.format_gitlab() for e in errors], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(e.format_github() for e in errors)
    return "\n".join(e.format_text(warning_word) for e in errors)


class OpenBranchError(Exception):
    """A failure that stops a command; its problems are already collected."""

    def __init__(self, errors: list[RecordError]):
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors
