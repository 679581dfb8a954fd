"""The built-in theme, and a site's own ``themes/`` over it.

The built-in theme — the Jinja2 templates that turn records into pages, and
the Material ``overrides/`` (block overrides of ``main.html``, CSS, the search
worker) — ships inside the package as ``generator/themes/`` (the wheel maps the
repository's top-level ``themes/`` there).  In a source checkout it is that
top-level folder itself.

A site's own ``themes/`` (``site_config.yml`` ``themes_dir``) is laid over it
file by file: a template or override of the same name replaces the built-in
one, and every other built-in file stays.  To change one block only, a site's
file extends the built-in one under the ``openbranch/`` prefix, e.g.
``{% extends "openbranch/record/meeting.md.j2" %}`` in a record template or
``{% extends "openbranch/main.html" %}`` in ``overrides/main.html``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import jinja2

from .config import Site

# The prefix under which a site's own templates reach the built-in ones.
BUILTIN_PREFIX = "openbranch"

_PACKAGED = Path(__file__).resolve().parent / "themes"
_SOURCE_CHECKOUT = Path(__file__).resolve().parent.parent / "themes"


@lru_cache(maxsize=1)
def builtin_theme() -> Path:
    """The built-in theme folder: inside the installed package, else the source checkout's."""
    if (_PACKAGED / "templates").is_dir():
        return _PACKAGED
    if (_SOURCE_CHECKOUT / "templates").is_dir():
        return _SOURCE_CHECKOUT
    raise FileNotFoundError(f"OpenBranch's built-in theme is missing (looked in {_PACKAGED} and {_SOURCE_CHECKOUT}); reinstall the package")


def own_theme(site: Site) -> Optional[Path]:
    """The site's own themes folder, if it has one that is not the built-in theme itself."""
    own = site.themes_dir
    if not own.is_dir() or own.resolve() == builtin_theme().resolve():
        return None
    return own


def own_templates(site: Site) -> Optional[Path]:
    own = own_theme(site)
    return own / "templates" if own is not None and (own / "templates").is_dir() else None


def template_loader(site: Site) -> jinja2.BaseLoader:
    """The site's own templates first, then the built-in ones (also as ``openbranch/…``)."""
    builtin = str(builtin_theme() / "templates")
    loaders: list[jinja2.BaseLoader] = []
    own = own_templates(site)
    if own is not None:
        loaders.append(jinja2.FileSystemLoader(str(own)))
    loaders.append(jinja2.FileSystemLoader(builtin))
    loaders.append(jinja2.PrefixLoader({BUILTIN_PREFIX: jinja2.FileSystemLoader(builtin)}))
    return jinja2.ChoiceLoader(loaders)


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def override_files(site: Site) -> dict[str, Path]:
    """The staged ``overrides/`` folder: relative path -> source file.

    The built-in overrides, each built-in HTML template also under
    ``openbranch/`` (so a site's own ``main.html`` can extend it), and the
    site's own overrides on top.
    """
    builtin = _files(builtin_theme() / "overrides")
    staged = dict(builtin)
    own = own_theme(site)
    if own is not None:
        own_files = _files(own / "overrides")
        if own_files:
            staged.update({f"{BUILTIN_PREFIX}/{name}": path for name, path in builtin.items() if name.endswith(".html")})
            staged.update(own_files)
    return staged
