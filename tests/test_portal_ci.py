"""``openbranch init --portal``: a committee repository whose CI builds the branches in a matrix, then the portal.

- the files it writes: portal.yml documents every option and loads as written;
  the example branch builds, and the portal over it;
- the CI files pass actionlint and the published schemas of GitHub workflows
  and GitLab CI (check-jsonschema, carried offline);
- their steps, run in order in a shell (``tests/ci_steps.py``: each matrix
  combination a job of its own, artifacts and caches copied as the forges
  do), check and build two branches and then the portal, and publish the
  public portal with the branches' public sites below it.

The CI steps install OpenBranch as written (``openbranch==<this version>``),
which the test environment already satisfies; ``tests/test_wheel.py`` runs a
branch's CI files from the installed wheel.  Cost: about 3 minutes (two
branch builds per forge).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.portal.config import Organization, PortalConfig, load_portal

from .ci_steps import _evaluate, clean_env, run_github_workflow, run_gitlab_pipeline
from .helpers import describe, run_openbranch, write_file
from .test_init import fill_placeholders

TODAY = "2026-12-01"
BIN = Path(sys.executable).parent
LANGUAGES = ("zh", "en")
WORKFLOW = ".github/workflows/openbranch-portal.yml"


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    repos = {}
    for language in LANGUAGES:
        repo = tmp_path_factory.mktemp(f"portal-{language}") / "committee"
        proc = run_openbranch("init", repo, "--portal", "--name", "中共测试区直属机关工作委员会", "--language", language, "--today", TODAY)
        assert proc.returncode == 0, describe(proc)
        repos[language] = repo
    return repos


def _options(model: type, prefix: str = "") -> list[str]:
    found = []
    for name, info in model.model_fields.items():
        found.append(prefix + name)
        annotation = info.annotation
        if isinstance(annotation, type) and hasattr(annotation, "model_fields") and annotation is not Organization:
            found += _options(annotation, prefix + name + ".")
    return found


def test_every_option_is_described_and_written(repositories: dict[str, Path]) -> None:
    options = _options(PortalConfig) + [f"organizations.{name}" for name in Organization.model_fields]
    for model in (PortalConfig, Organization):
        assert all(f.description for f in model.model_fields.values()), model
    for language, repo in repositories.items():
        text = (repo / "portal.yml").read_text(encoding="utf-8")
        for option in options:
            assert f"{option.rsplit('.', 1)[-1]}:" in text or f" {option.rsplit('.', 1)[-1]}" in text, (language, option)
        portal, problems = load_portal(repo / "portal.yml")
        assert portal is not None, problems
        assert [b.name for b in portal.branches()] == ["第一党支部" if language == "zh" else "First branch"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_github_workflow_passes_actionlint(repositories: dict[str, Path], language: str) -> None:
    proc = subprocess.run([str(BIN / "actionlint"), "-no-color", str(repositories[language] / WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("schema_name", "rel"), [("vendor.github-workflows", WORKFLOW), ("vendor.gitlab-ci", ".gitlab-ci.yml")])
def test_ci_files_match_their_published_schemas(repositories: dict[str, Path], language: str, schema_name: str, rel: str) -> None:
    proc = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema_name, str(repositories[language] / rel)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_both_ci_files_list_the_branches_of_portal_yml(repositories: dict[str, Path]) -> None:
    repo = repositories["zh"]
    github = yaml.safe_load((repo / WORKFLOW).read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    folders = sorted(p.name for p in (repo / "branches").iterdir())
    assert github["jobs"]["branch"]["strategy"]["matrix"]["branch"] == folders
    assert gitlab["branch"]["parallel"]["matrix"] == [{"BRANCH": folders}]
    assert github["jobs"]["portal"]["needs"] == "branch" and gitlab["portal"]["needs"] == ["branch"]
    assert "branches/${{ matrix.branch }}/.openbranch" == github["jobs"]["branch"]["steps"][4]["with"]["path"]
    assert "$BRANCH" in gitlab["branch"]["cache"]["key"]


def _committee(repo: Path, tmp_path: Path) -> Path:
    """The zh committee repository as the committee's worker pushes it: two branches, placeholders filled, committed."""
    origin = tmp_path / "origin"
    subprocess.run(["cp", "-r", str(repo), str(origin)], check=True)
    fill_placeholders(origin / "branches" / "branch-1")
    proc = run_openbranch("init", origin / "branches" / "branch-2", "--name", "第二党支部", "--parent", "中共测试区直属机关工作委员会", "--today", TODAY)
    assert proc.returncode == 0, describe(proc)
    for rel in (".github", ".gitlab-ci.yml", "deploy", ".gitignore", ".gitattributes", ".vscode"):
        subprocess.run(["rm", "-rf", str(origin / "branches" / "branch-2" / rel)], check=True)
    fill_placeholders(origin / "branches" / "branch-2")
    write_file(origin / "branches" / "branch-2" / "content" / "meetings" / "2026" / "2026-11-12-committee.yml", {
        "title": "11月支委会", "date": "2026-11-12", "published": "2026-11-13", "visibility": "公开", "kind": "支委会", "chair": "王书记",
        "attendees": ["王书记", "李委员"], "body": "## 会议情况\n\n研究了年终总结。\n",
        "approval": {"proposed_by": "李委员", "proposed_on": "2026-11-12", "reviewed_by": "王书记", "reviewed_on": "2026-11-12", "approved_by": "王书记", "approved_on": "2026-11-12"},
    })
    # The new branch in portal.yml and in both CI files' branch lists.
    config = yaml.safe_load((origin / "portal.yml").read_text(encoding="utf-8"))
    config["organizations"][0]["children"].append({
        "name": "第二党支部",
        "sites": {"public": "branches/branch-2/site/public", "members": "branches/branch-2/site/members"},
        "urls": {"public": "branch-2/", "members": "branch-2/"},
    })
    write_file(origin / "portal.yml", config)
    for rel in (WORKFLOW, ".gitlab-ci.yml"):
        path = origin / rel
        text = path.read_text(encoding="utf-8")
        assert text.count("[branch-1]") == 1
        path.write_text(text.replace("[branch-1]", "[branch-1, branch-2]"), encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "组织科", "GIT_AUTHOR_EMAIL": "zzk@example.org", "GIT_COMMITTER_NAME": "组织科", "GIT_COMMITTER_EMAIL": "zzk@example.org", "PATH": "/usr/bin:/bin"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "党委门户"]):
        subprocess.run(["git", *args], cwd=origin, env=env, check=True, capture_output=True)
    return origin


def _runner_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {**clean_env(BIN, home), "SOURCE_DATE_EPOCH": "1796083200"}  # 2026-12-01


def test_the_github_workflow_builds_the_branches_then_the_portal(repositories: dict[str, Path], tmp_path: Path) -> None:
    origin = _committee(repositories["zh"], tmp_path)
    work = tmp_path / "run"
    context = {"github.ref_name": "main", "github.event.repository.default_branch": "main"}
    pipeline = run_github_workflow(origin / WORKFLOW, origin, work, _runner_env(tmp_path), overrides={}, context=context, variables={}, secrets={})
    assert pipeline.ran == ["branch", "portal", "publish-public"], pipeline.logs
    assert pipeline.skipped == ["deploy-members"]
    assert sorted(p.name for p in (work / "artifacts").iterdir()) == ["github-pages", "members-site", "site-branch-1", "site-branch-2"]
    published = work / "published" / "pages"
    home = (published / "index.html").read_text(encoding="utf-8")
    assert "中共测试区直属机关工作委员会" in home and "本平台面向社会公开" in home
    assert "第二党支部" in home
    assert "11月支委会" in (published / "branch-2" / "meetings" / "2026" / "2026-11-12-committee" / "index.html").read_text(encoding="utf-8")
    assert (published / "branch-1" / "data" / "figures.json").is_file()
    members = work / "artifacts" / "members-site"
    assert "本平台仅供党员查阅" in (members / "index.html").read_text(encoding="utf-8")
    assert "本网站仅供本支部党员查阅" in (members / "branch-2" / "index.html").read_text(encoding="utf-8")
    # Nothing of the members' sites is on Pages.
    assert not any("仅供本支部党员查阅" in p.read_text(encoding="utf-8", errors="ignore") for p in published.rglob("*.html"))
    jobs = yaml.safe_load((origin / WORKFLOW).read_text(encoding="utf-8"))["jobs"]
    assert not _evaluate(jobs["publish-public"]["if"], {**context, "github.ref_name": "feature"}.__getitem__)


def test_the_gitlab_pipeline_builds_the_branches_then_the_portal(repositories: dict[str, Path], tmp_path: Path) -> None:
    origin = _committee(repositories["zh"], tmp_path)
    work = tmp_path / "run"
    predefined = {"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_REF_SLUG": "main"}
    pipeline = run_gitlab_pipeline(origin / ".gitlab-ci.yml", origin, work, _runner_env(tmp_path), predefined, project_variables={})
    assert pipeline.ran == ["branch: [branch-1]", "branch: [branch-2]", "portal", "pages"], pipeline.logs
    assert pipeline.skipped == ["deploy-members"]
    # .openbranch/ cached per branch, under a key of its own.
    assert (work / "caches" / "openbranch-branch-1-main" / "branches" / "branch-1" / ".openbranch").is_dir()
    assert (work / "caches" / "openbranch-branch-2-main" / "branches" / "branch-2" / ".openbranch").is_dir()
    assert not (work / "caches" / "openbranch-branch-1-main" / "branches" / "branch-2").exists()
    published = work / "published" / "pages"
    assert "第二党支部" in (published / "index.html").read_text(encoding="utf-8")
    assert (published / "branch-1" / "index.html").is_file() and (published / "branch-2" / "index.html").is_file()
    assert not (published / "members-site").exists()
    assert "本平台仅供党员查阅" in (work / "artifacts" / "portal" / "members-site" / "index.html").read_text(encoding="utf-8")
