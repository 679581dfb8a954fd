"""Attachments and receipts: the files a record names, their sizes and SHA-256, copied once each.

A record's page lists its attachments with size and hash (so a reader can
check a printed copy against the published file); the files themselves are
staged at ``attachments/<path under content/attachments/>``, once however
many records name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..config import Site
from ..hashing import file_digest
from ..records.index import Record, RecordSet, attachment_files, resolve_attachment
from .output import Output


@dataclass(frozen=True)
class AttachmentInfo:
    name: str  # path under content/attachments/
    title: str
    size: int
    sha256: str
    source: Path

    @property
    def url(self) -> str:
        return f"attachments/{self.name}"


@lru_cache(maxsize=4096)
def _sha256(path: Path, mtime_ns: int, size: int) -> str:
    """A file's hash, remembered while its modification time and size stay the same."""
    return file_digest(path)


def attachment_info(site: Site, name: str, title: Optional[str]) -> Optional[AttachmentInfo]:
    real, _ = resolve_attachment(site, name)
    if real is None:
        return None
    stat = real.stat()
    return AttachmentInfo(name=name, title=title or Path(name).name, size=stat.st_size, sha256=_sha256(real, stat.st_mtime_ns, stat.st_size), source=real)


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


@dataclass(frozen=True)
class RecordFiles:
    """A record's attachments (in its order) and, for a funds ledger, its receipts by name."""

    attachments: list[AttachmentInfo]
    receipts: dict[str, AttachmentInfo]

    def all(self) -> list[AttachmentInfo]:
        return [*self.attachments, *self.receipts.values()]


def record_files(site: Site, record: Record) -> RecordFiles:
    attachments = [info for a in record.model.attachments if (info := attachment_info(site, a.file, a.title)) is not None]
    receipts: dict[str, AttachmentInfo] = {}
    if record.type == "finance" and record.kind == "funds":
        for expense in record.model.expenses:
            for receipt in expense.receipts:
                info = attachment_info(site, receipt, None)
                if info is not None:
                    receipts[receipt] = info
    return RecordFiles(attachments, receipts)


def stage_attachments(site: Site, view: RecordSet, output: Output) -> None:
    """Every file the audience's records name, once each."""
    staged: dict[str, Path] = {}
    for record in view.records:
        for _, name in attachment_files(record):
            real, _ = resolve_attachment(site, name)
            if real is not None:
                staged.setdefault(f"attachments/{name}", real)
    for url, source in sorted(staged.items()):
        output.add(url, source, "attachments")
