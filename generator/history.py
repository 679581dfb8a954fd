"""When each record was first published and last changed.

First published is the record's own ``published:`` date when it has one (the
day it was really disclosed: a record typed in later, or moved between
repositories, keeps its true date); else the first commit that added the
file.  One ``git log`` over the content folder gives every file's commit
dates in a single pass (never one git call per record).  Outside a git
repository, or for a file git does not know yet, the dates come from the
record itself: its date, and its latest correction.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .records.index import RecordSet


@dataclass(frozen=True)
class RecordDates:
    first_published: dt.date
    last_changed: dt.date
    from_git: bool


def _git_dates(content_dir: Path) -> dict[Path, tuple[dt.date, dt.date]]:
    """Path -> (first commit date, last commit date) for every file under ``content_dir``."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=content_dir, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."],
            cwd=content_dir, capture_output=True, text=True, check=True, timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[Path, tuple[dt.date, dt.date]] = {}
    current: Optional[dt.date] = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
            continue
        if not line.strip() or current is None:
            continue
        path = (Path(top) / line.strip()).resolve()
        first, last = dates.get(path, (current, current))
        # git log lists newest first: keep the earliest as first, the latest as last.
        dates[path] = (min(first, current), max(last, current))
    return dates


def record_dates(records: RecordSet, content_dir: Path) -> dict[str, RecordDates]:
    """Dates for every record, keyed by id."""
    git = _git_dates(content_dir)
    result: dict[str, RecordDates] = {}
    for record in records:
        corrected = max((c.date for c in record.model.corrections), default=None)
        found = git.get(record.path) if record.path else None
        if found:
            first, last = found
        else:
            first = last = record.date
        if record.model.published is not None:
            first = record.model.published
            last = max(last, first)
        if corrected is not None:
            last = max(last, corrected)
        result[record.id] = RecordDates(first_published=first, last_changed=last, from_git=found is not None)
    return result
