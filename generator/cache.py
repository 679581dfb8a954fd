"""A small on-disk cache for pure, slow computations (QR codes, charts), and compiled templates.

Only values that are a function of their key alone go in here: the same
URL always gives the same QR code, the same numbers the same chart.  The key
includes a version stamp of the code that made the value, so a change to
that code (or to the library) never serves an old picture.  SQLite keeps it
in one file that the two audiences' build processes can share safely.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of OpenBranch's own code and built-in templates: cached pages and files made by other code are never reused."""
    from .hashing import add_files
    from .theme import builtin_theme

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    templates = builtin_theme() / "templates"
    add_files(digest, here.rglob("*.py"), here)
    add_files(digest, (path for path in templates.rglob("*") if path.is_file()), templates)
    return digest.hexdigest()


class Cache:
    def __init__(self, path: Optional[Path]):
        self._db: Optional[sqlite3.Connection] = None
        self._pending: list[tuple[str, str]] = []
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        except sqlite3.Error:
            # A cache that cannot be opened (read-only checkout, odd file system) only costs time.
            self._db = None

    @staticmethod
    def key(namespace: str, version: str, text: str) -> str:
        return hashlib.sha256(f"{namespace}\0{version}\0{text}".encode("utf-8")).hexdigest()

    def get(self, namespace: str, version: str, text: str) -> Optional[str]:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM entry WHERE key = ?", (self.key(namespace, version, text),)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row is not None else None

    def put(self, namespace: str, version: str, text: str, value: str) -> None:
        if self._db is not None:
            self._pending.append((self.key(namespace, version, text), value))

    def get_or_make(self, namespace: str, version: str, text: str, make: Callable[[], str]) -> str:
        value = self.get(namespace, version, text)
        if value is None:
            value = make()
            self.put(namespace, version, text, value)
        return value

    def flush(self) -> None:
        """Store what was made since the last flush (one transaction: fast, and all or nothing)."""
        if self._db is None or not self._pending:
            self._pending.clear()
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO entry (key, value) VALUES (?, ?)", self._pending)
        except sqlite3.Error:
            pass  # the values were still used; only the next build pays again
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


NO_CACHE = Cache(None)


# The cache's file in a build folder (beside it, SQLite's journal while it is open).
CACHE_FILE = "cache.sqlite"
# Where, in a build folder, page templates are kept compiled (jinja2's bytecode
# cache: each is checked against its template's source before it is used).
TEMPLATES_FOLDER = "templates-compiled"


def open_cache(stage_dir: Path) -> Cache:
    """The cache of a build folder."""
    return Cache(stage_dir / CACHE_FILE)


def templates_folder(stage_dir: Path) -> str:
    """The compiled-template folder of a build folder, made if need be."""
    folder = stage_dir / TEMPLATES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def clear(stage_dir: Path) -> None:
    """Forget everything cached in a build folder (``build --clean``)."""
    for name in (CACHE_FILE, CACHE_FILE + "-wal", CACHE_FILE + "-shm"):
        (stage_dir / name).unlink(missing_ok=True)
    shutil.rmtree(stage_dir / TEMPLATES_FOLDER, ignore_errors=True)
