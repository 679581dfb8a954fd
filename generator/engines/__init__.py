"""Rendering engines: one small interface, and a registry of the engines by name.

The compiler stages one plain project per audience (``mkdocs.yml``, Markdown
pages with front matter, data files, theme overrides; see ``stage.py``).  An
engine turns such a project into a site:

- ``render`` renders the project into a fresh folder, and may reuse the pages
  of the site it rendered last time (``publish.PreviousSite``) where their
  inputs are unchanged; it hands back the manifest of what it rendered from,
  which ``publish`` keeps for the next build;
- ``serve`` serves a rendered site with live reload, calling back to rebuild
  it when a watched path changes;
- ``installed``, ``versions`` and ``project``: whether its packages are
  there, which versions, and what it needs in the staged project beyond the
  engine-neutral part (``ProjectNeeds``).

One package or module per engine: ``mkdocs/`` (MkDocs + Material, the only
place that knows MkDocs' events and internals) and ``zensical``.  Nothing
else in ``generator/`` imports an engine's package.
"""

from __future__ import annotations

import importlib.util
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable, ClassVar, Mapping, Optional, Sequence

from ..publish import PreviousSite

# Where an engine run on the staged project by itself writes (``site_dir`` of
# the staged mkdocs.yml).  Zensical refuses a folder outside the project and
# renders there; MkDocs is always given the fresh folder instead.  The stage
# leaves it alone between builds, as it does the engines' caches beside it.
SITE_DIR = ".site"


class EngineError(Exception):
    """The engine could not render (or serve) a staged project."""


@dataclass(frozen=True)
class PythonCall:
    """A value the engine makes by calling Python when it loads mkdocs.yml.

    Written as ``!!python/object/apply:<function> {kwds: {…}}`` (PyYAML's tag,
    which MkDocs' and Zensical's loaders both accept), e.g. the ``slugify``
    function of the ``toc`` extension.
    """

    function: str  # dotted name, e.g. "pymdownx.slugs.slugify"
    kwds: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectNeeds:
    """What an engine needs in the staged project, beyond the engine-neutral part ``stage.py`` writes."""

    # Entries of mkdocs.yml's ``plugins`` list.
    plugins: tuple[Any, ...] = ()
    # Options added to Markdown extensions of the staged mkdocs.yml, by extension name.
    extension_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Front matter every staged page carries (the compile step's ``page_front_matter``).
    page_front_matter: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Rendered:
    """What one render did."""

    warnings: list[str] = field(default_factory=list)
    rendered: int = 0  # pages the engine rendered
    reused: int = 0  # pages taken unchanged from the previous site
    manifest: dict[str, Any] = field(default_factory=dict)  # for publish.remember once the site is live; empty: nothing to reuse


def staged_pages(digests: Mapping[str, str]) -> dict[str, str]:
    """The digest of each staged page (``docs/**/*.md``), by its path under ``docs/``, in order."""
    return {rel[len("docs/"):]: digest for rel, digest in sorted(digests.items()) if rel.startswith("docs/") and rel.endswith(".md")}


class Engine(ABC):
    """One rendering engine."""

    name: ClassVar[str]  # as given to --engine
    title: ClassVar[str]  # as shown to people
    module: ClassVar[str]  # the Python module it runs on
    packages: ClassVar[tuple[str, ...]]  # the distributions whose versions it reports
    project: ClassVar[ProjectNeeds]

    def installed(self) -> bool:
        """Whether the engine's module can be imported here (Zensical is an optional extra)."""
        return importlib.util.find_spec(self.module) is not None

    def versions(self) -> dict[str, str]:
        """The installed version of each of the engine's packages (those not installed are left out)."""
        found = {}
        for name in self.packages:
            try:
                found[name] = version(name)
            except PackageNotFoundError:
                continue
        return found

    @abstractmethod
    def render(
        self,
        project: Path,
        site_dir: Path,
        epoch: int,
        digests: Mapping[str, str],
        previous: Optional[PreviousSite] = None,
        on_page: Optional[Callable[[], None]] = None,
    ) -> Rendered:
        """Render the staged ``project`` into the fresh folder ``site_dir``.

        ``epoch`` is the build's timestamp (``clock.Clock.build_epoch``);
        ``digests`` the digest of every file of the project, by its path under
        it, as the stage wrote it (``stage.Staged``: what changed is known
        without reading the project again); ``previous`` the live site and its
        manifest, whose pages may be reused; ``on_page`` is called once per
        page rendered or reused.  Raises ``EngineError`` when the engine
        refuses the project.
        """

    def serve(self, project: Path, site_dir: Path, watched: Sequence[Path], rebuild: Callable[[], None], dev_addr: Optional[str] = None) -> None:
        """Serve the site rendered from ``project`` at ``site_dir`` with live reload, until interrupted.

        When a file under ``watched`` changes, ``rebuild`` is called (it
        renders the site again into ``site_dir``), then open pages reload.
        """
        raise EngineError(f"{self.title} has no live preview in OpenBranch")


# -- the registry -----------------------------------------------------------------

DEFAULT_ENGINE = "mkdocs"
ENGINES: dict[str, Engine] = {}


def _register(engine: Engine) -> None:
    ENGINES[engine.name] = engine


def names() -> tuple[str, ...]:
    """The engines' names, the default first."""
    return tuple(ENGINES)


def get(name: str) -> Engine:
    """The engine called ``name``; ``ValueError`` for an unknown name."""
    try:
        return ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}") from None


def versions() -> dict[str, str]:
    """The installed version of every engine's packages."""
    found: dict[str, str] = {}
    for engine in ENGINES.values():
        found.update(engine.versions())
    return found


# The engines themselves (they import the interface above; their own packages are imported only when used).
from .mkdocs import MkDocs  # noqa: E402
from .zensical import Zensical  # noqa: E402

_register(MkDocs())
_register(Zensical())
