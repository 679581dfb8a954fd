"""The record forms ``openbranch new`` writes: a pre-filled file to start each record from.

The form texts are per language in ``generator.i18n`` (comments in the
site's language, placeholders the worker replaces); the enumeration words
they show come from ``generator.vocabulary``, so a form always offers the
words the loader accepts.  A new record is a draft with the site's default
visibility and an approval block to fill in before it is published.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Optional

from .. import vocabulary
from ..i18n import Messages, form

# The kind a new record gets when none is asked for.
_DEFAULT_KINDS = {
    "meeting": "branch_committee",
    "finance": "funds",
    "appraisal": "member_appraisal",
    "notice": "membership",
    "election": "committee",
}
_DEFAULT_KINDS["inspection"] = "parent_committee"


def record_types() -> list[str]:
    return list(vocabulary.SECTION_OF)


def normalize_kind(record_type: str, kind: Optional[str]) -> Optional[str]:
    """The identifier for ``kind`` (identifier or Chinese word), the default kind for None, or None if it is not one."""
    enumeration = vocabulary.KIND_ENUMERATION.get(record_type)
    if enumeration is None:
        return None
    if kind is None:
        return _DEFAULT_KINDS[record_type]
    return vocabulary.canonical(enumeration, kind)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "record"


def render_form(record_type: str, kind: Optional[str], title: str, date: dt.date, language: str, visibility: str, end: Optional[dt.date] = None) -> str:
    """A new record's text: a draft (草稿) with the site's default ``visibility`` and the approval still to fill in.

    Every value a person must supply is a placeholder (``records.placeholders``),
    which ``check`` reports as an error once the record is published; as a
    draft the form checks clean.  ``end`` is a notice's last day (the site's
    publicity period from ``date``, in working days); else ``date``.
    """
    name = f"finance_{kind}" if record_type == "finance" else record_type
    kinds = vocabulary.KIND_ENUMERATION.get(record_type)
    shown_kind = vocabulary.written_word(kinds, kind, language) if kind and kinds else (kind or "")
    words = {enumeration: vocabulary.written_words(enumeration, language) for enumeration in vocabulary.ENUMERATIONS}
    choices = {enumeration: " | ".join(written.values()) for enumeration, written in words.items()}
    safe_title = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    messages = Messages(language)
    status = messages("new_form_status", draft=words["status"]["draft"], published=words["status"]["published"])
    values = {**words, "visibility": words["visibility"][visibility]}
    return form(name, language).format(
        title=safe_title, date=date.isoformat(), end=(end or date).isoformat(), year=date.year, kind=shown_kind, choices=choices, status_line=status, approval_block=messages("new_form_approval"), **values
    )


def new_record_path(content_dir: Path, record_type: str, kind: Optional[str], date: dt.date) -> Path:
    """A free file name: ``<section>/<yyyy>/<date>-<kind or type>[-n].yml``."""
    folder = content_dir / vocabulary.SECTION_OF[record_type] / str(date.year)
    stem = f"{date.isoformat()}-{_slug(kind or record_type)}"
    candidate = folder / f"{stem}.yml"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}.yml"
        n += 1
    return candidate
