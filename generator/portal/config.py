"""The typed model of ``portal.yml``, and the organisation tree it describes.

One class per block, every option with a default where it has one and a
description, as ``site_config.yml`` (``generator.config``); unknown keys are
errors with a "did you mean".  Paths resolve relative to the folder holding
``portal.yml``.  An organisation is placed in the tree by nesting it under
``children``, or by naming the organisation above it in ``parent`` (for a
flat list); an organisation with ``sites`` is a branch whose published
sites the portal reads.  ``load_portal`` also checks what the schema cannot:
every name once, every ``parent`` known, no cycle.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError
from typing_extensions import Annotated

from ..config import SettingsFolders, read_settings
from ..errors import RecordError
from ..i18n import Messages
from ..records.loader import FieldPath, LoadedFile
from ..records.models.common import Choice, Count, RequiredText, Strict, Text, parse_text
from ..errors import format_field

PORTAL_FILE = "portal.yml"

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def _parse_slug(value: Any) -> Any:
    value = parse_text(value)
    if not _SLUG.match(value):
        raise PydanticCustomError("portal_bad_id", "portal_bad_id", {"value": value})
    return value


def _parse_address(value: Any) -> Any:
    """A site's address: ``https://…``, an absolute path ``/kjj-3/``, or a path relative to the portal's root; a trailing '/' is added."""
    value = parse_text(value).strip()
    if not value or any(c.isspace() for c in value) or value.startswith(("//", "./", "../")):
        raise PydanticCustomError("portal_bad_url", "portal_bad_url", {"value": value})
    return value if value.endswith("/") else value + "/"


Slug = Annotated[str, BeforeValidator(_parse_slug), WithJsonSchema({"type": "string", "pattern": _SLUG.pattern})]
Address = Annotated[str, BeforeValidator(_parse_address), WithJsonSchema({"type": "string"})]


class SiteFolders(Strict):
    """Where a branch's two built sites are (its build's output folders, e.g. CI artifacts)."""

    public: RequiredText = Field(description="The branch's public site (OUT/public of its build), relative to portal.yml; the public portal reads only this")
    members: RequiredText = Field(description="The branch's members' site (OUT/members); only the members' portal reads it")


class SiteUrls(Strict):
    """Where a branch's two sites are published: https://…, /path/, or a path relative to the portal's root."""

    public: Address = Field(description="The address of the branch's public site; the public portal links there and searches its index")
    members: Address = Field(description="The address of the branch's members' site, for the members' portal")


class PortalUrls(Strict):
    public: Optional[Address] = Field(None, description="The public portal's address (for the Atom feed and the sitemap)")
    members: Optional[Address] = Field(None, description="The members' portal's address")


class Organization(Strict):
    """An organisation of the tree (党委, 党总支, 支部); with ``sites`` and ``urls`` it is a branch the portal reads."""

    name: RequiredText = Field(description="The organisation's name, unique in the portal")
    id: Optional[Slug] = Field(None, description="Its address segment in the portal's data files (lower-case letters, digits, '-'); defaults to a hash of the name")
    parent: Optional[Text] = Field(None, description="The name of the organisation above it, for an organisation listed at the top level instead of nested under children")
    children: list["Organization"] = Field(default_factory=list, description="The organisations below it")
    sites: Optional[SiteFolders] = Field(None, description="A branch's built sites: public and members folders")
    urls: Optional[SiteUrls] = Field(None, description="Where a branch's sites are published: public and members addresses")


Organization.model_rebuild()


class PortalConfig(Strict):
    """portal.yml"""

    name: RequiredText = Field(description="The committee's name, shown at the top of every page of the portal")
    language: Choice("language") = Field("zh", description="zh (中文, default) or en")
    urls: PortalUrls = Field(default_factory=PortalUrls, description="The addresses of the public and the members' portal")
    organizations: list[Organization] = Field(description="The organisation tree: 党委 → 党总支 → 支部, by children or parent")
    output_dir: RequiredText = Field("site", description="Where `openbranch portal` writes OUT/public and OUT/members")
    stage_dir: RequiredText = Field(".openbranch", description="Build folder for the portal's staged MkDocs projects")
    regularity_years: Count = Field(2, ge=1, description="Years of 三会一课 the regularity matrix shows, the newest first")
    latest_count: Count = Field(50, ge=1, description="Latest disclosures listed across the branches (and in the Atom feed)")
    search_batch: Count = Field(5, ge=1, description="Branches searched at a time (each batch's indexes merged into one Pagefind instance); the results so far are shown after each batch")


# ---------------------------------------------------------------------------
# The tree
# ---------------------------------------------------------------------------


@dataclass(eq=False)
class Node:
    """One organisation in the tree, where it was written, and what is below it."""

    name: str
    id: str
    path: FieldPath  # of its entry in portal.yml
    config: Organization
    children: list["Node"] = field(default_factory=list)
    parent: Optional["Node"] = None
    problems: list[str] = field(default_factory=list)  # with --keep-going: why its data is unavailable

    @property
    def is_branch(self) -> bool:
        """A branch the portal reads: it has sites (and urls; one without the other is a problem of its own)."""
        return self.config.sites is not None or self.config.urls is not None

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    def ancestors(self) -> list["Node"]:
        """From the top of the tree down to its parent."""
        return [] if self.parent is None else [*self.parent.ancestors(), self.parent]

    def walk(self) -> list["Node"]:
        """It and every organisation below it, in the order of portal.yml."""
        return [self, *(node for child in self.children for node in child.walk())]


@dataclass(frozen=True)
class Portal(SettingsFolders):
    """A loaded portal.yml, its tree, and the folders it resolves to."""

    config_path: Path
    config: PortalConfig
    loaded: LoadedFile
    roots: list[Node]
    problems: list[RecordError]  # tree problems built past with --keep-going (their branches are unavailable)

    def nodes(self) -> list[Node]:
        return [node for root in self.roots for node in root.walk()]

    def branches(self) -> list[Node]:
        return [node for node in self.nodes() if node.is_branch]

    def problem(self, node: Node, where: FieldPath, message: str, severity: str = "error") -> RecordError:
        """A problem at ``where`` inside ``node``'s entry of portal.yml."""
        return problem_at(self.loaded, self.config_path.name, (*node.path, *where), message, severity)


def problem_at(loaded: LoadedFile, rel: str, path: FieldPath, message: str, severity: str = "error") -> RecordError:
    """A problem of portal.yml at the value at ``path`` (or, for an entry itself, its first key)."""
    pos = loaded.position(path, key=True) if path and isinstance(path[-1], int) else loaded.position(path)
    return RecordError(rel, pos.line, pos.column, format_field(path), message, severity)  # type: ignore[arg-type]


def _default_id(name: str) -> str:
    return "o-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def _nodes(items: list[Organization], prefix: FieldPath) -> list[Node]:
    nodes = []
    for i, item in enumerate(items):
        path = (*prefix, i)
        node = Node(item.name, item.id or _default_id(item.name), path, item)
        node.children = _nodes(item.children, (*path, "children"))
        for child in node.children:
            child.parent = node
        nodes.append(node)
    return nodes


def _all(nodes: list[Node]) -> list[Node]:
    return [n for node in nodes for n in node.walk()]


def _place(config_path: Path, loaded: LoadedFile, config: PortalConfig, messages: Messages) -> tuple[list[Node], list[tuple[RecordError, list[Node]]]]:
    """The tree: nested entries as written, top-level entries with ``parent`` moved under it; each problem with the branches it concerns."""
    rel = config_path.name
    problems: list[tuple[RecordError, list[Node]]] = []

    def problem(node: Node, where: FieldPath, message: str) -> RecordError:
        return problem_at(loaded, rel, (*node.path, *where), message)

    tops = _nodes(config.organizations, ("organizations",))
    everything = _all(tops)
    by_name: dict[str, Node] = {}
    by_id: dict[str, Node] = {}
    for node in everything:
        first = by_name.setdefault(node.name, node)
        if first is not node:
            line = loaded.position(first.path, key=True).line
            problems.append((problem(node, ("name",), messages("portal_duplicate_name", name=node.name, line=line)), [*first.walk(), *node.walk()]))
        first = by_id.setdefault(node.id, node)
        if first is not node and first.name != node.name:
            line = loaded.position(first.path, key=True).line
            problems.append((problem(node, ("id",), messages("portal_duplicate_id", id=node.id, line=line)), [*first.walk(), *node.walk()]))
        if (node.config.sites is None) != (node.config.urls is None):
            problems.append((problem(node, ("sites" if node.config.sites is None else "urls",), messages("portal_half_branch", name=node.name)), node.walk()))
        if node.parent is not None and node.config.parent is not None:
            problems.append((problem(node, ("parent",), messages("portal_parent_nested", nested=node.parent.name, parent=node.config.parent)), node.walk()))

    roots: list[Node] = []
    for node in tops:
        wanted = node.config.parent
        if wanted is None:
            roots.append(node)
            continue
        above = by_name.get(wanted)
        if above is None:
            problems.append((problem(node, ("parent",), messages("portal_parent_missing", name=wanted)), node.walk()))
            roots.append(node)
            continue
        # A cycle: the organisation named as parent is this one or below it.
        chain = [above]
        while chain[-1].parent is not None:
            chain.append(chain[-1].parent)
        if node in chain or above in node.walk():
            cycle = [node.name, *(n.name for n in _parent_chain(node, by_name))]
            problems.append((problem(node, ("parent",), messages("portal_cycle", cycle=" → ".join(cycle))), node.walk()))
            roots.append(node)
            continue
        node.parent = above
        above.children.append(node)
    if not any(node.is_branch for node in everything):
        pos = loaded.position(("organizations",), key=True)
        problems.append((RecordError(rel, pos.line, pos.column, "organizations", messages("portal_no_branches")), []))
    return roots, problems


def _parent_chain(node: Node, by_name: dict[str, Node]) -> list[Node]:
    """The organisations named by ``parent`` from ``node`` up, until one repeats (the cycle, for the message)."""
    seen = [node]
    current = node
    while current.config.parent is not None and current.config.parent in by_name:
        current = by_name[current.config.parent]
        if current in seen:
            return seen[1:] + [current]
        seen.append(current)
    return seen[1:]


def load_portal(config_path: Path, keep_going: bool = False) -> tuple[Optional[Portal], list[RecordError]]:
    """Read and validate portal.yml and place its organisations in a tree.

    Problems of the file itself (YAML, unknown keys, wrong types) stop it.
    Problems of the tree (a name twice, an unknown parent, a cycle) stop it
    too, unless ``keep_going``: then the branches they concern are marked
    unavailable, their organisations stay at the top of the tree, and the
    problems are kept in ``Portal.problems``.
    """
    config_path = config_path.resolve()
    model, loaded, errors = read_settings(config_path, PortalConfig, "portal_config_missing", 4 << 20)
    if model is None:
        return None, errors
    roots, problems = _place(config_path, loaded, model, Messages(model.language))
    found = [error for error, _ in problems]
    if found and (not keep_going or any(not concerned for _, concerned in problems)):
        return None, found
    for error, concerned in problems:
        for node in concerned:
            node.problems.append(error.message)
    return Portal(config_path, model, loaded, roots, found), []


__all__ = ["PORTAL_FILE", "Node", "Organization", "Portal", "PortalConfig", "SiteFolders", "SiteUrls", "load_portal", "problem_at"]
