"""OpenBranch as a branch adopts it: the wheel, installed outside the checkout.

SLOW, on purpose (about 1.5–3 minutes on 2 cores): one fixture builds the wheel
with the test environment's hatchling (no download) and installs it into a
fresh virtual environment in a temporary folder, resolving its dependencies
from the package index (about 25 s, more on a cold pip cache).  With that
installed ``openbranch`` only — never this checkout's code — the tests then

- run ``openbranch init``, ``check`` and ``build`` and open both home pages in Chromium;
- build a copy of the repository's demo;
- ask for ``--engine zensical``, which is not installed there;
- run the steps of both CI files ``init`` wrote, in order, on a git repository
  made from the initialised folder, and find both sites built and published;

and, last, ``pytest --collect-only`` runs in a fresh ``git clone`` of this
repository with nothing beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .browser import launch_chromium, serve_directory
from .ci_steps import _evaluate, clean_env, run_github_workflow, run_gitlab_pipeline
from .helpers import REPO_ROOT
from .test_init import fill_placeholders

TODAY = "2026-12-01"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    home: Path  # a folder outside the checkout, for the sites the tests make

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self) -> dict[str, str]:
        return clean_env(self.bin, self.home)

    def openbranch(self, *args: object, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bin / "openbranch"), *map(str, args)], cwd=cwd, env=self.env(), capture_output=True, text=True, timeout=timeout)


def _describe(proc: subprocess.CompletedProcess) -> str:
    return f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert REPO_ROOT not in base.parents
    dist = base / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(REPO_ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, _describe(built)
    (wheel,) = dist.glob("openbranch-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    home = base / "home"
    home.mkdir()
    env = clean_env(venv / "bin", home)
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", str(wheel)], cwd=home, env=env, capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, _describe(install)
    output = install.stdout + install.stderr
    assert not re.search(r"deprecat", output, re.IGNORECASE), output
    return Installed(wheel=wheel, venv=venv, home=home)


def test_the_wheel_carries_the_theme_and_the_scaffold_and_runs_from_the_venv(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for name in (
        "generator/themes/templates/home.md.j2",
        "generator/themes/overrides/main.html",
        "generator/scaffold/site_config_comments.yml",
        "generator/scaffold/templates/branch/common/dot-gitignore",
        "generator/scaffold/templates/branch/common/dot-github/workflows/openbranch.yml",
        "generator/scaffold/templates/branch/zh/README.md",
    ):
        assert name in names, name
    where = subprocess.run([str(installed.bin / "python"), "-c", "import generator; print(generator.__file__)"], cwd=installed.home, env=installed.env(), capture_output=True, text=True)
    assert Path(where.stdout.strip()).is_relative_to(installed.venv), where.stdout + where.stderr


@pytest.fixture(scope="module")
def initialised(installed: Installed) -> Path:
    repo = installed.home / "第三党支部"
    proc = installed.openbranch("init", repo, "--name", "第三党支部", "--parent", "中共某某区直属机关工作委员会", "--today", TODAY, cwd=installed.home)
    assert proc.returncode == 0, _describe(proc)
    return repo


def test_init_check_build_and_browse_from_the_installed_wheel(installed: Installed, initialised: Path) -> None:
    from playwright.sync_api import sync_playwright

    check = installed.openbranch("check", cwd=initialised)
    assert check.returncode == 0, _describe(check)
    assert "检查通过：共 10 条记录" in check.stdout
    build = installed.openbranch("build", "--today", TODAY, cwd=initialised)
    assert build.returncode == 0, _describe(build)
    # Every example is a draft: nothing is published yet.
    assert "公开网站：0 条记录" in build.stdout and "党内网站：0 条记录" in build.stdout

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for audience, banner in (("public", "本网站面向社会公开"), ("members", "本网站仅供本支部党员查阅")):
                with serve_directory(initialised / "site" / audience) as base_url:
                    page = browser.new_page()
                    failures: list[str] = []
                    page.on("pageerror", lambda exc: failures.append(str(exc)))
                    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
                    page.goto(base_url + "/")
                    page.wait_for_load_state("networkidle")
                    assert page.locator("h1.ob-title").inner_text() == "第三党支部党务公开"
                    assert banner in page.locator(".ob-announce").inner_text()
                    # The branch as init wrote it, placeholders visible until they are filled.
                    facts = page.locator("main").inner_text()
                    assert "中共某某区直属机关工作委员会" in facts and "【请填写：书记姓名】" in facts
                    assert failures == [], failures
                    page.close()
        finally:
            browser.close()


def test_the_installed_wheel_builds_a_copy_of_the_demo(installed: Installed) -> None:
    demo = installed.home / "demo"
    shutil.copytree(REPO_ROOT / "content", demo / "content")
    shutil.copy2(REPO_ROOT / "site_config.yml", demo / "site_config.yml")
    proc = installed.openbranch("build", "--today", "2026-11-22", cwd=demo, timeout=600)
    assert proc.returncode == 0, _describe(proc)
    for audience in ("public", "members"):
        site = demo / "site" / audience
        assert (site / "index.html").is_file()
        assert len(list((site / "meetings").rglob("index.html"))) > 50
        assert (site / "pagefind" / "pagefind.js").is_file()


def test_zensical_without_its_extra_is_a_one_line_error(installed: Installed, initialised: Path) -> None:
    missing = subprocess.run([str(installed.bin / "python"), "-c", "import zensical"], env=installed.env(), capture_output=True, text=True)
    assert missing.returncode != 0
    proc = installed.openbranch("build", "--engine", "zensical", cwd=initialised)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == ["--engine zensical：Zensical 未安装。请运行 pip install 'openbranch[zensical]' 安装后重试"]


# ---------------------------------------------------------------------------
# The CI files, step by step
# ---------------------------------------------------------------------------


def _git_repository(installed: Installed, initialised: Path, name: str) -> Path:
    """The initialised folder as the worker pushes it: placeholders filled, committed."""
    origin = installed.home / name
    shutil.copytree(initialised, origin, ignore=shutil.ignore_patterns("site", ".openbranch"))
    fill_placeholders(origin)
    env = {**installed.env(), "GIT_AUTHOR_NAME": "组织委员", "GIT_AUTHOR_EMAIL": "zz@example.org", "GIT_COMMITTER_NAME": "组织委员", "GIT_COMMITTER_EMAIL": "zz@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "支部网站"]):
        subprocess.run(["git", *args], cwd=origin, env=env, check=True, capture_output=True)
    return origin


def test_the_github_workflow_checks_builds_and_publishes(installed: Installed, initialised: Path) -> None:
    origin = _git_repository(installed, initialised, "origin-github")
    work = installed.home / "github-run"
    published_members = work / "published" / "members"
    context = {"github.ref_name": "main", "github.event.repository.default_branch": "main"}
    workflow = origin / ".github" / "workflows" / "openbranch.yml"

    pipeline = run_github_workflow(
        workflow, origin, work, installed.env(),
        overrides={"OPENBRANCH_PACKAGE": str(installed.wheel)},
        context=context,
        # The intranet deploy turned on, to a folder: rsync copies locally as it would over ssh.
        variables={"MEMBERS_DEPLOY_TO": f"{published_members}/", "MEMBERS_SSH_KNOWN_HOSTS": ""},
        secrets={"MEMBERS_SSH_KEY": "not a key"},
    )
    assert pipeline.ran == ["build", "publish-public", "deploy-members"], pipeline.logs
    assert "::warning" not in pipeline.logs["build"] and "::error" not in pipeline.logs["build"]
    public = (work / "published" / "pages" / "index.html").read_text(encoding="utf-8")
    assert "本网站面向社会公开" in public
    assert "本网站仅供本支部党员查阅" in (work / "artifacts" / "members-site" / "index.html").read_text(encoding="utf-8")
    assert "本网站仅供本支部党员查阅" in (published_members / "index.html").read_text(encoding="utf-8")
    # The full history was checked out (first-published dates come from git log).
    log = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=work / "jobs" / "build", capture_output=True, text=True)
    assert log.stdout.strip() == "false"

    # As written, the intranet deploy is off, and nothing but the default branch publishes.
    import yaml

    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    off = {**context, "vars.MEMBERS_DEPLOY_TO": ""}
    assert not _evaluate(jobs["deploy-members"]["if"], off.__getitem__)
    feature = {**context, "github.ref_name": "feature"}
    assert not _evaluate(jobs["publish-public"]["if"], feature.__getitem__)


def test_the_gitlab_pipeline_reports_builds_and_publishes(installed: Installed, initialised: Path) -> None:
    import json

    import yaml

    origin = _git_repository(installed, initialised, "origin-gitlab")
    work = installed.home / "gitlab-run"
    published_members = work / "published" / "members"
    key_file = installed.home / "members-key"
    key_file.write_text("not a key\n", encoding="utf-8")
    predefined = {"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_REF_SLUG": "main"}
    ci_file = origin / ".gitlab-ci.yml"

    pipeline = run_gitlab_pipeline(
        ci_file, origin, work, installed.env(), predefined,
        project_variables={
            "OPENBRANCH_PACKAGE": str(installed.wheel),
            "MEMBERS_DEPLOY_TO": f"{published_members}/",
            "MEMBERS_SSH_KEY": str(key_file),
            "MEMBERS_SSH_KNOWN_HOSTS": "",
        },
    )
    assert pipeline.ran == ["build", "pages", "deploy-members"], pipeline.logs
    assert json.loads((work / "artifacts" / "build" / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert "本网站面向社会公开" in (work / "published" / "pages" / "index.html").read_text(encoding="utf-8")
    assert "本网站仅供本支部党员查阅" in (work / "artifacts" / "build" / "site" / "members" / "index.html").read_text(encoding="utf-8")
    assert "本网站仅供本支部党员查阅" in (published_members / "index.html").read_text(encoding="utf-8")
    assert (work / "caches" / "openbranch-main" / ".openbranch").is_dir()
    log = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=work / "jobs" / "build", capture_output=True, text=True)
    assert log.stdout.strip() == "false"

    # As written, the intranet deploy is off, and only the default branch publishes.
    data = yaml.safe_load(ci_file.read_text(encoding="utf-8"))
    as_written = {**predefined, **{k: str(v) for k, v in data["variables"].items()}}
    assert not _evaluate(data["deploy-members"]["rules"][0]["if"], lambda n: as_written.get(n, ""))
    feature = {**as_written, "CI_COMMIT_BRANCH": "feature"}
    assert not _evaluate(data["pages"]["rules"][0]["if"], lambda n: feature.get(n, ""))


def test_a_problem_fails_the_gitlab_build_with_a_code_quality_report(installed: Installed, initialised: Path) -> None:
    """Unfilled placeholders: the check fails, the report lists them, the log says them in words."""
    import json

    origin = installed.home / "origin-unfilled"
    shutil.copytree(initialised, origin, ignore=shutil.ignore_patterns("site", ".openbranch"))
    env = {**installed.env(), "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        subprocess.run(["git", *args], cwd=origin, env=env, check=True, capture_output=True)
    work = installed.home / "gitlab-unfilled"
    with pytest.raises(AssertionError, match=r"content/branch\.yml:\d+:\d+: committee\[0\]\.name: 警告: 尚未填写：书记姓名"):
        run_gitlab_pipeline(origin / ".gitlab-ci.yml", origin, work, installed.env(), {"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_REF_SLUG": "main"}, {"OPENBRANCH_PACKAGE": str(installed.wheel)})
    report = json.loads((work / "jobs" / "build" / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert len(report) == 6 and {i["severity"] for i in report} == {"minor"}


# ---------------------------------------------------------------------------
# A clone with nothing beside it
# ---------------------------------------------------------------------------


def test_pytest_collects_in_a_fresh_clone_with_nothing_beside_it(tmp_path: Path) -> None:
    clone = tmp_path / "alone" / "openbranch"
    subprocess.run(["git", "clone", "-q", "--no-local", str(REPO_ROOT), str(clone)], check=True, capture_output=True, timeout=300)
    assert sorted(p.name for p in clone.parent.iterdir()) == ["openbranch"]
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH",)}
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, _describe(proc)
    assert re.search(r"^\d+ tests collected", proc.stdout, re.MULTILINE), proc.stdout[-2000:]
