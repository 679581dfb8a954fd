"""Reading what the branches published: each branch's site folder, its figures.json, its search index.

The portal reads, for one audience, only that audience's site of each branch
(``sites.public`` for the public portal, ``sites.members`` for the members'
one) and only what the site publishes: ``data/figures.json`` and whether
``pagefind/`` is there.  It never reads a record, so the public portal can
hold nothing a branch's public site does not: a figures.json that says it
belongs to the other audience is refused.  Every problem is one line naming
the branch and the file; with ``--keep-going`` the branch is shown as
unavailable (数据不可用) instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from ..errors import RecordError
from ..records.published import FIGURES_VERSION, BranchFigures
from ..errors import format_field
from ..search import INDEX_FOLDER
from .config import Node, Portal

FIGURES_FILE = "data/figures.json"
INDEX_ENTRY = f"{INDEX_FOLDER}/pagefind-entry.json"


@dataclass
class BranchSite:
    """One branch as one audience's portal sees it."""

    node: Node
    url: str  # where its site is published, as portal.yml gives it
    figures: Optional[BranchFigures] = None
    problems: list[str] = field(default_factory=list)  # why its figures are unavailable
    searchable: bool = False  # its site has a search index

    @property
    def available(self) -> bool:
        return self.figures is not None and not self.problems


def _figures(portal: Portal, node: Node, audience: str, folder: Path) -> tuple[Optional[BranchFigures], list[RecordError]]:
    messages = portal.messages
    path = folder / FIGURES_FILE
    rel = portal.relative(path)
    name = node.name
    if not path.is_file():
        return None, [RecordError(rel, 0, 0, "", messages("portal_figures_missing", branch=name))]
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return None, [RecordError(rel, 0, 0, "", messages("portal_figures_corrupt", branch=name, detail=str(exc)))]
    except json.JSONDecodeError as exc:
        return None, [RecordError(rel, exc.lineno, exc.colno, "", messages("portal_figures_corrupt", branch=name, detail=exc.msg))]
    version = data.get("version") if isinstance(data, dict) else None
    if version != FIGURES_VERSION:
        return None, [RecordError(rel, 0, 0, "version", messages("portal_figures_version", branch=name, found=version, expected=FIGURES_VERSION))]
    try:
        figures = BranchFigures.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        return None, [RecordError(rel, 0, 0, format_field(tuple(first["loc"])), messages("portal_figures_invalid", branch=name, count=exc.error_count()))]
    if figures.audience != audience:
        # A public portal pointed at a members' site would publish it: never.
        return None, [RecordError(rel, 0, 0, "audience", messages("portal_figures_audience", branch=name, found=messages("audience_label_" + figures.audience), expected=messages("audience_label_" + audience)))]
    return figures, []


def read_branch(portal: Portal, node: Node, audience: str) -> tuple[BranchSite, list[RecordError]]:
    """One branch's site for ``audience``: its figures and whether it can be searched, with every problem found."""
    messages = portal.messages
    urls, sites = node.config.urls, node.config.sites
    site = BranchSite(node, getattr(urls, audience) if urls else "", problems=list(node.problems))
    if sites is None or urls is None:
        return site, []  # a half-written branch: its problem is the tree's (config.load_portal)
    folder_text = getattr(sites, audience)
    folder = (portal.root / folder_text).resolve()
    problems: list[RecordError] = []
    if not folder.is_dir():
        problems.append(portal.problem(node, ("sites", audience), messages("portal_site_missing", branch=node.name, audience=messages("audience_label_" + audience), path=folder_text)))
    else:
        site.figures, problems = _figures(portal, node, audience, folder)
        site.searchable = (folder / INDEX_ENTRY).is_file()
        if not site.searchable:
            problems.append(RecordError(portal.relative(folder / INDEX_ENTRY), 0, 0, "", messages("portal_index_missing", branch=node.name), "warning"))
        if site.figures is not None and site.figures.branch.name and site.figures.branch.name != node.name:
            problems.append(portal.problem(node, ("name",), messages("portal_name_differs", branch=node.name, found=site.figures.branch.name, path=folder_text), "warning"))
    site.problems += [p.message for p in problems if p.severity == "error"]
    return site, problems


def read_branches(portal: Portal, audience: str) -> tuple[list[BranchSite], list[RecordError]]:
    """Every branch of the tree for ``audience``, in the tree's order, and every problem found."""
    sites, problems = [], []
    for node in portal.branches():
        site, found = read_branch(portal, node, audience)
        sites.append(site)
        problems.extend(found)
    return sites, problems
