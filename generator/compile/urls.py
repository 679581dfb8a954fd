"""Where things are on a staged site, and links between them.

Every page is a folder's ``index.md`` served at the folder's URL (directory
URLs); URLs here are relative to the site root (``meetings/2025/<id>/``) until
made relative to a page or absolute with the audience's configured address.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from typing import Optional
from urllib.parse import quote

from ..records.index import Record


def page_url(doc_path: str) -> str:
    """The URL (directory style) a staged Markdown file is served at."""
    stem = doc_path[:-3] if doc_path.endswith(".md") else doc_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_path(url: str) -> str:
    """The staged Markdown file served at a directory URL (``page_url`` the other way)."""
    return url + "index.md"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page's URL to another URL, both relative to the site root."""
    start = from_url or "."
    target = to_url or "."
    rel = posixpath.relpath(target, start)
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            return "./"
    return rel


def quote_path(path: str) -> str:
    """A site path with everything but unreserved characters and '/' percent-encoded."""
    return quote(path, safe="/-._~")


def site_base(url: Optional[str]) -> Optional[str]:
    """An audience's configured address as a base ending in '/', or None when it has none."""
    return (url.rstrip("/") + "/") if url else None


def absolute_url(base: str, site_path: str) -> str:
    """A site path under the audience's address (``site_base``)."""
    return base + quote_path(site_path)


def record_json_path(record: Record) -> str:
    """Where a record's JSON is, beside its page: ``<section>/<yyyy>/<id>.json``."""
    return f"{record.section}/{record.date.year}/{record.id}.json"


def record_page_path(record: Record) -> str:
    """The staged page of a record: ``<section>/<yyyy>/<id>/index.md``."""
    return page_path(record.url)


_SAFE_SLUG = re.compile(r"^[^\W_][\w-]{0,40}$")


def tag_slug(tag: str) -> str:
    """A tag's URL segment: the tag itself when it is a plain word, else a stable hash."""
    if _SAFE_SLUG.match(tag):
        return tag
    return "t-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]


def tag_url(tag: str) -> str:
    """The listing of a tag's records: ``tags/<slug>/``."""
    return f"tags/{tag_slug(tag)}/"
