"""What one audience's portal shows: the tree, each branch's headline figures, the rows of every table.

Every figure comes from a branch's figures.json as it is (the branch computed
it, with the code that draws its own pages); this module only picks which of
them a page shows — the year of the branch's "today" for 三会一课, the newest
dues and funds year, the newest member appraisal — and orders the rows.  The
counts of branches the charts show are the portal's own.  Links point at the
branch's published site, made relative to each portal page when the branch's
address is relative to the portal's root.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .. import vocabulary
from ..compile.urls import quote_path, relative_url
from ..records.published import (
    AppraisalFigures,
    BranchFigures,
    DuesYear,
    FundingYear,
    OpenNotice,
    RectificationFigure,
    RegularityRow,
    RegularityYear,
)
from .branches import BranchSite
from .config import Node, Portal


def branch_address(url: str, page_url: str, target: str = "") -> str:
    """The address of ``target`` (a path on a branch's site) as a link from the portal page at ``page_url``."""
    if url.startswith(("http://", "https://", "/")):
        return url + quote_path(target)
    return relative_url(page_url, quote_path(url + target))


@dataclass
class Branch:
    """One branch on one audience's portal, with the headline figures its rows show."""

    site: BranchSite
    organizations: list[Node]  # from the top of the tree down to the one it belongs to

    @property
    def node(self) -> Node:
        return self.site.node

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def name(self) -> str:
        return self.node.name

    @property
    def figures(self) -> Optional[BranchFigures]:
        return self.site.figures if self.site.available else None

    @property
    def organization(self) -> str:
        """The organisation it belongs to, as the tables show it."""
        return self.organizations[-1].name if self.organizations else ""

    @property
    def org_ids(self) -> str:
        """Every organisation above it, space-separated: what the organisation filter matches."""
        return " ".join(n.id for n in self.organizations)

    # -- headline figures: which of the branch's figures a row shows --------------

    @property
    def regularity(self) -> Optional[RegularityYear]:
        """三会一课 in the year of the branch's build."""
        figures = self.figures
        if figures is None:
            return None
        return next((y for y in figures.regularity if y.year == figures.today.year), None)

    def regularity_of(self, year: int) -> Optional[RegularityYear]:
        figures = self.figures
        return next((y for y in figures.regularity if y.year == year), None) if figures else None

    @property
    def dues(self) -> Optional[DuesYear]:
        return self.figures.dues[0] if self.figures and self.figures.dues else None

    @property
    def funding(self) -> Optional[FundingYear]:
        return self.figures.funding[0] if self.figures and self.figures.funding else None

    @property
    def appraisal(self) -> Optional[AppraisalFigures]:
        """The newest member appraisal (民主评议党员)."""
        if self.figures is None:
            return None
        return next((a for a in self.figures.appraisals if a.kind == "member_appraisal"), None)

    @property
    def rating(self) -> Optional[AppraisalFigures]:
        """The newest branch rating (支部评星定级)."""
        if self.figures is None:
            return None
        return next((a for a in self.figures.appraisals if a.kind == "branch_rating" and a.rating), None)

    @property
    def open_notices(self) -> list[OpenNotice]:
        return list(self.figures.open_notices) if self.figures else []

    @property
    def overdue(self) -> list[RectificationFigure]:
        return [item for item in self.figures.rectification if item.overdue] if self.figures else []

    def link(self, page_url: str, target: str = "") -> str:
        """A link from the portal page at ``page_url`` to ``target`` on this branch's site."""
        return branch_address(self.site.url, page_url, target)


@dataclass
class TreeItem:
    """An organisation of the tree as the home page draws it."""

    node: Node
    branch: Optional[Branch]
    children: list["TreeItem"] = field(default_factory=list)


@dataclass
class MatrixRow:
    """One branch's row (one party group's, for group meetings) of a kind's regularity matrix."""

    branch: Branch
    row: Optional[RegularityRow]  # None: the branch's data is unavailable, or it has no such row


@dataclass
class Dated:
    """An item of a list across branches (a notice, a disclosure, a rectification item), with its branch."""

    branch: Branch
    item: object


@dataclass
class PortalView:
    """One audience's portal: everything its pages and data files show."""

    portal: Portal
    audience: str
    branches: list[Branch]
    tree: list[TreeItem]
    as_of: dt.date  # the newest "today" of the branches' builds
    years: list[int]  # of 三会一课, newest first

    @property
    def unavailable(self) -> list[Branch]:
        return [b for b in self.branches if b.figures is None]

    def kinds(self, year: int) -> list[tuple[str, str]]:
        """The required meeting kinds of ``year`` across the branches, as (kind, period) in the vocabulary's order."""
        found: dict[str, str] = {}
        for branch in self.branches:
            calendar = branch.regularity_of(year)
            for row in calendar.rows if calendar else []:
                found.setdefault(row.kind, row.per)
        return [(kind, found[kind]) for kind in vocabulary.values("meeting_kind") if kind in found]

    def matrix(self, year: int, kind: str) -> list[MatrixRow]:
        """Every branch's rows of ``kind`` in ``year``: one per party group for group meetings, one empty row where there is none."""
        rows = []
        for branch in self.branches:
            calendar = branch.regularity_of(year)
            mine = [r for r in calendar.rows if r.kind == kind] if calendar else []
            rows.extend(MatrixRow(branch, r) for r in mine) if mine else rows.append(MatrixRow(branch, None))
        return rows

    def kind_row(self, branch: Branch, year: int, kind: str) -> list[RegularityRow]:
        calendar = branch.regularity_of(year)
        return [r for r in calendar.rows if r.kind == kind] if calendar else []

    def open_notices(self) -> list[Dated]:
        items = [Dated(b, n) for b in self.branches for n in b.open_notices]
        return sorted(items, key=lambda d: (d.item.end, d.branch.name, d.item.record.id))

    def latest(self) -> list[Dated]:
        items: list[Dated] = [Dated(b, r) for b in self.branches if b.figures for r in b.figures.latest]
        items.sort(key=lambda d: (-d.item.date.toordinal(), d.branch.name, d.item.record.id))
        return items[: self.portal.config.latest_count]

    def overdue(self) -> list[Dated]:
        items = [Dated(b, i) for b in self.branches for i in b.overdue]
        return sorted(items, key=lambda d: (d.item.due or dt.date.max, d.branch.name, d.item.record.id, d.item.item))

    def terms(self) -> list[Branch]:
        """Branches with a term, the soonest to end first."""
        with_term = [b for b in self.branches if b.figures and b.figures.term]
        return sorted(with_term, key=lambda b: (b.figures.term.end, b.name))

    def walk(self) -> Iterator[TreeItem]:
        def visit(items: list[TreeItem]) -> Iterator[TreeItem]:
            for item in items:
                yield item
                yield from visit(item.children)

        return visit(self.tree)


def portal_view(portal: Portal, audience: str, sites: list[BranchSite], today: dt.date) -> PortalView:
    """The view of one audience's portal over the branches' sites read for it; ``today`` when no branch has figures."""
    by_node = {id(site.node): site for site in sites}
    branches: list[Branch] = []
    branch_of: dict[int, Branch] = {}
    for site in sites:
        branch = Branch(site, site.node.ancestors())
        branches.append(branch)
        branch_of[id(site.node)] = branch

    def item(node: Node) -> TreeItem:
        return TreeItem(node, branch_of.get(id(node)) if id(node) in by_node else None, [item(child) for child in node.children])

    as_of = max((b.figures.today for b in branches if b.figures), default=today)
    years = [as_of.year - i for i in range(portal.config.regularity_years)]
    return PortalView(portal, audience, branches, [item(root) for root in portal.roots], as_of, years)
