"""The scaffold of a committee portal's repository (``openbranch init --portal``).

Its own files come from ``templates/portal/`` (see the package docstring):
``portal.yml`` with every option commented, a README for the committee's
worker, ``.gitignore``, and CI for GitHub Actions and GitLab that build the
branches in a job matrix (``.openbranch/`` cached per branch), then the
portal from their artifacts, and publish it.  One example branch is written
under ``branches/`` with the branch scaffold's own files (``scaffold.branch``:
settings, branch.yml, draft examples, schemas), less what the committee's
repository does for it (its CI, its nginx file, its editor settings), so the
new repository builds straight away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from . import branch as branch_scaffold
from . import render_tree

KIND = "portal"
# The example branch's folder under branches/ (and its address below the portal).
EXAMPLE = "branch-1"
# Files of a branch repository that a branch inside the committee's repository does without:
# the committee's CI builds it, its host serves it, and editors open the committee's repository.
_NOT_IN_A_COMMITTEE = (".github/", ".gitlab-ci.yml", "deploy/", ".gitignore", ".gitattributes", ".vscode/")


@dataclass(frozen=True)
class PortalAnswers:
    """What ``openbranch init --portal`` is told about the committee."""

    name: str
    language: str  # zh or en
    today: dt.date


def _example_name(language: str) -> str:
    return "第一党支部" if language == "zh" else "First branch"


def _context(answers: PortalAnswers) -> dict[str, Any]:
    language = answers.language
    return {
        "zh": language == "zh",
        "name": answers.name,
        "package": branch_scaffold.openbranch_requirement(),
        "version": version("openbranch"),
        "example": EXAMPLE,
        "example_name": _example_name(language),
        # The CI files' branch list (a YAML flow sequence), as portal.yml lists them.
        "branches": f"[{EXAMPLE}]",
        "say": lambda zh, en: zh if language == "zh" else en,
    }


def files(answers: PortalAnswers) -> dict[str, str]:
    """Every file of a new committee portal repository: relative path -> text."""
    result = render_tree(KIND, answers.language, _context(answers))
    example = branch_scaffold.BranchAnswers(_example_name(answers.language), answers.name, answers.language, answers.today)
    for path, text in branch_scaffold.files(example).items():
        if not path.startswith(_NOT_IN_A_COMMITTEE):
            result[f"branches/{EXAMPLE}/{path}"] = text
    return result
