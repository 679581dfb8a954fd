"""MkDocs hooks for ``openbranch serve`` only: index each preview build for search.

``openbranch build`` indexes a rendered site itself (build.py, after the
engine); MkDocs' live server renders into a folder of its own after every
change, so the index is made there, after each of its builds.  Passed to
MkDocs as ``hooks`` by build.serve; the staged mkdocs.yml stays hook-free.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import search  # loaded by MkDocs as a file: no relative import


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs' config object
    try:
        search.index_site(Path(config["site_dir"]), config["theme"]["language"])
    except search.SearchIndexError as exc:
        raise PluginError(f"search index (Pagefind): {exc}") from exc
