"""Hashes of files and folders by content, for cache keys and version stamps.

One way to hash a set of files: each file's path relative to a root and its
bytes, in sorted order, so the same files give the same hash wherever the
folder is.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Iterable, Iterator, Optional


def add_files(digest: "hashlib._Hash", files: Iterable[Path], root: Path) -> None:
    """Feed each file's path relative to ``root`` and its bytes into ``digest``, in sorted order."""
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")


def folder_digest(folder: Optional[Path], pattern: str = "*") -> str:
    """The hash of every file under ``folder`` matching ``pattern`` ("" when there is no such folder)."""
    if folder is None or not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    add_files(digest, (path for path in folder.rglob(pattern) if path.is_file()), folder)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of one file, read in chunks (attachments may be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_ending(folder: Path, suffix: str) -> Iterator[tuple[str, str, os.stat_result]]:
    """Every file under ``folder`` whose name ends with ``suffix``: (path under it with "/", full path, its stat), unordered and unread."""
    for base, _, names in os.walk(folder):
        for name in names:
            if name.endswith(suffix):
                path = os.path.join(base, name)
                yield os.path.relpath(path, folder).replace(os.sep, "/"), path, os.stat(path)


def code_version(source: Path, *packages: str) -> str:
    """A stamp of one module's code and the installed versions of the packages it drives."""
    stamp = file_digest(source)[:16]
    return " ".join([stamp, *(f"{name} {package_version(name)}" for name in packages)])
