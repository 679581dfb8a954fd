"""Running the CI files that ``openbranch init`` writes, step by step, on this machine.

Plain functions (no fixtures).  Each job starts in a fresh folder, as on a
runner; its shell steps run in bash exactly as written in the file, with the
file's variables; what a forge does itself is done here by a copy:

- GitHub: ``actions/checkout`` clones the repository (``fetch-depth`` honoured),
  ``upload-artifact``/``upload-pages-artifact`` copy a folder into an artifact
  store, ``download-artifact`` copies it back, ``deploy-pages`` copies the pages
  artifact into the "published" folder; ``setup-python`` and ``cache`` do nothing
  (the installed venv is first on PATH; each job runs once).
- GitLab: each job clones the repository (``GIT_DEPTH`` honoured), gets the
  artifacts of the jobs it ``needs`` and the cache of its key; the ``pages``
  job's ``public/`` is copied into the "published" folder.

Conditions (``if:`` of GitHub jobs, ``rules: - if:`` of GitLab jobs) are
evaluated by a small evaluator that knows ``==``, ``!=``, ``&&``, quoted
literals and the names it is given; anything else fails the test.

A job matrix (GitHub ``strategy.matrix``, GitLab ``parallel.matrix``) runs
the job once per combination, one after the other, each in its own folder
with the combination's values (``${{ matrix.x }}`` in GitHub's ``env`` and
``with``, variables on GitLab); a job that needs it runs after them all and
gets every combination's artifacts.  GitLab's artifact and cache paths may be
globs.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import yaml


@dataclass
class Pipeline:
    """What one run of a CI file did."""

    ran: list[str] = field(default_factory=list)  # jobs, in order
    skipped: list[str] = field(default_factory=list)
    logs: dict[str, str] = field(default_factory=dict)


def _evaluate(expression: str, lookup: Callable[[str], Any]) -> bool:
    """``a == b && c != 'x'`` and bare ``$VAR`` (non-empty) terms."""
    result = True
    for term in (t.strip() for t in expression.split("&&")):
        match = re.fullmatch(r"(\S+)\s*(==|!=)\s*(\S+)", term)
        if match:
            left, op, right = (_operand(match.group(1), lookup), match.group(2), _operand(match.group(3), lookup))
            result = result and ((left == right) if op == "==" else (left != right))
        elif re.fullmatch(r"\$?[\w.]+", term):
            result = result and bool(_operand(term, lookup))
        else:
            raise ValueError(f"cannot evaluate {term!r} in {expression!r}")
    return result


def _operand(token: str, lookup: Callable[[str], Any]) -> Any:
    if len(token) >= 2 and token[0] == token[-1] == "'":
        return token[1:-1]
    return lookup(token.lstrip("$"))


def _bash(script: str, cwd: Path, env: Mapping[str, str], log_name: str, pipeline: Pipeline) -> None:
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=600)
    pipeline.logs[log_name] = pipeline.logs.get(log_name, "") + f"$ {script}\n{proc.stdout}{proc.stderr}"
    if proc.returncode != 0:
        raise AssertionError(f"step of {log_name} failed (exit {proc.returncode}):\n$ {script}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}")


def _copy_tree(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)


def _combinations(matrix: Mapping[str, list]) -> Iterator[dict[str, str]]:
    """Every combination of a matrix's values (no include/exclude)."""
    assert not {"include", "exclude"} & set(matrix), "matrix include/exclude has no stand-in"
    keys = list(matrix)
    for values in itertools.product(*(matrix[k] for k in keys)):
        yield {k: str(v) for k, v in zip(keys, values)}


def _clone(origin: Path, target: Path, depth: int) -> None:
    args = ["git", "clone", "-q", "--no-local"] + (["--depth", str(depth)] if depth > 0 else []) + [origin.as_uri(), str(target)]
    subprocess.run(args, check=True, capture_output=True, timeout=120)


# ---------------------------------------------------------------------------
# GitHub Actions
# ---------------------------------------------------------------------------

_GITHUB_EXPRESSION = re.compile(r"\$\{\{\s*(vars|secrets|matrix)\.(\w+)\s*\}\}")


def run_github_workflow(workflow: Path, origin: Path, work: Path, env: Mapping[str, str], overrides: Mapping[str, str], context: Mapping[str, Any], variables: Mapping[str, str], secrets: Mapping[str, str]) -> Pipeline:
    """Run every job of ``workflow`` whose ``if`` holds, in file order (each after the jobs it needs).

    ``env`` is the runner's environment, ``overrides`` replace values of the
    workflow's own ``env`` (as a test's stand-in for editing the file).
    """
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    pipeline = Pipeline()
    store, published = work / "artifacts", work / "published"
    store.mkdir(parents=True)
    published.mkdir()

    def lookup(name: str) -> Any:
        if name.startswith("vars."):
            return variables.get(name[len("vars."):], "")
        return context[name]

    def expand(value: str, matrix: Mapping[str, str]) -> str:
        def value_of(m: re.Match) -> str:
            table = {"vars": variables, "secrets": secrets, "matrix": matrix}[m.group(1)]
            if m.group(1) == "matrix":
                assert m.group(2) in table, f"no matrix value {m.group(2)}"
            return table.get(m.group(2), "")

        return _GITHUB_EXPRESSION.sub(value_of, value)

    for name, job in data["jobs"].items():
        needs = job.get("needs", [])
        for needed in [needs] if isinstance(needs, str) else needs:
            assert needed in pipeline.ran, f"{name} needs {needed}, which did not run"
        if "if" in job and not _evaluate(job["if"], lookup):
            pipeline.skipped.append(name)
            continue
        matrix = (job.get("strategy") or {}).get("matrix")
        for index, values in enumerate(_combinations(matrix) if matrix else [{}]):
            workspace = work / "jobs" / (f"{name}-{index}" if matrix else name)
            workspace.mkdir(parents=True)
            job_env = {k: expand(v, values) for k, v in _strings(job.get("env", {})).items()}
            for step in job["steps"]:
                assert "if" not in step, step
                if "uses" in step:
                    inputs = {k: expand(v, values) if isinstance(v, str) else v for k, v in step.get("with", {}).items()}
                    _github_action(step["uses"], inputs, origin, workspace, store, published)
                    continue
                step_env = {**env, **_strings(data.get("env", {})), **job_env}
                for key, value in overrides.items():
                    assert key in step_env, f"{key} is not a variable of the workflow"
                    step_env[key] = value
                step_env.update({k: expand(v, values) for k, v in _strings(step.get("env", {})).items()})
                assert "${{" not in step["run"], f"a run script takes values through env, not expressions: {step['run']}"
                _bash(step["run"], workspace, step_env, name, pipeline)
        pipeline.ran.append(name)
    return pipeline


def _strings(mapping: Mapping[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in mapping.items()}


def _github_action(uses: str, inputs: Mapping[str, Any], origin: Path, workspace: Path, store: Path, published: Path) -> None:
    action = uses.split("@", 1)[0]
    if action == "actions/checkout":
        # The runner's workspace is the checkout itself.
        workspace.rmdir()
        _clone(origin, workspace, int(inputs.get("fetch-depth", 1)))
    elif action in ("actions/setup-python", "actions/cache"):
        pass
    elif action == "actions/upload-pages-artifact":
        _copy_tree(workspace / inputs["path"], store / "github-pages")
    elif action == "actions/upload-artifact":
        _copy_tree(workspace / inputs["path"], store / inputs["name"])
    elif action == "actions/download-artifact" and "pattern" in inputs:
        # Every artifact matching the pattern, each into a folder of its name under path.
        assert not inputs.get("merge-multiple"), "merge-multiple has no stand-in"
        for artifact in sorted(store.glob(inputs["pattern"])):
            _copy_tree(artifact, workspace / inputs.get("path", ".") / artifact.name)
    elif action == "actions/download-artifact":
        _copy_tree(store / inputs["name"], workspace / inputs.get("path", "."))
    elif action == "actions/deploy-pages":
        _copy_tree(store / "github-pages", published / "pages")
    else:
        raise AssertionError(f"no stand-in for the action {uses}")


# ---------------------------------------------------------------------------
# GitLab CI
# ---------------------------------------------------------------------------

_GITLAB_KEYWORDS = {"variables", "default", "stages", "include", "workflow"}


def run_gitlab_pipeline(ci_file: Path, origin: Path, work: Path, env: Mapping[str, str], predefined: Mapping[str, str], project_variables: Mapping[str, str]) -> Pipeline:
    """Run every job whose rules hold, stage by stage.

    ``predefined`` are GitLab's own variables (CI_COMMIT_BRANCH, …);
    ``project_variables`` (Settings → CI/CD → Variables) override the file's.
    """
    data = yaml.safe_load(ci_file.read_text(encoding="utf-8"))
    pipeline = Pipeline()
    store, caches, published = work / "artifacts", work / "caches", work / "published"
    for folder in (store, caches, published):
        folder.mkdir(parents=True)
    variables = {**predefined, **_strings(data.get("variables", {})), **project_variables}
    jobs = {name: job for name, job in data.items() if name not in _GITLAB_KEYWORDS}

    instances: dict[str, list[str]] = {}  # a job's name -> the names its runs got (one per matrix combination)
    for stage in data["stages"]:
        for name, job in jobs.items():
            if job.get("stage") != stage:
                continue
            rules = job.get("rules")
            if rules is not None and not any(_evaluate(rule["if"], lambda n: variables.get(n, "")) for rule in rules):
                pipeline.skipped.append(name)
                continue
            matrix = (job.get("parallel") or {}).get("matrix")
            runs = [values for entry in matrix for values in _combinations(entry)] if matrix else [{}]
            for values in runs:
                run = f"{name}: [{', '.join(values.values())}]" if matrix else name
                run_variables = {**variables, **values}
                workspace = work / "jobs" / run
                _clone(origin, workspace, int(variables.get("GIT_DEPTH", "20")))
                for needed in job.get("needs", []):
                    assert needed in instances, f"{name} needs {needed}, which did not run"
                    for instance in instances[needed]:
                        if (store / instance).is_dir():
                            shutil.copytree(store / instance, workspace, dirs_exist_ok=True, symlinks=True)
                cache = job.get("cache")
                cache_key = re.sub(r"\$(\w+)", lambda m: run_variables.get(m.group(1), ""), cache["key"]) if cache else ""
                if cache and (caches / cache_key).is_dir():
                    shutil.copytree(caches / cache_key, workspace, dirs_exist_ok=True, symlinks=True)
                _bash("\n".join(job["script"]), workspace, {**env, **run_variables}, run, pipeline)
                if cache:
                    for path in cache["paths"]:
                        for found in _globbed(workspace, path):
                            _copy_tree(workspace / found, caches / cache_key / found)
                artifacts = job.get("artifacts", {})
                for path in artifacts.get("paths", []):
                    found_any = False
                    for found in _globbed(workspace, path):
                        _copy_tree(workspace / found, store / run / found)
                        found_any = True
                    assert found_any, f"{run}: no artifact at {path}"
                for report in artifacts.get("reports", {}).values():
                    (store / run).mkdir(parents=True, exist_ok=True)
                    shutil.copy2(workspace / report, store / run / report)
                if name == "pages":
                    _copy_tree(store / name / "public", published / "pages")
                pipeline.ran.append(run)
                instances.setdefault(name, []).append(run)
    return pipeline


def _globbed(workspace: Path, path: str) -> list[str]:
    """The paths a GitLab artifact or cache path names in ``workspace`` (it may hold ``*``)."""
    if "*" not in path:
        return [path] if (workspace / path).exists() else []
    return sorted(found.relative_to(workspace).as_posix() for found in workspace.glob(path.rstrip("/")))


def clean_env(venv_bin: Path, home: Path) -> dict[str, str]:
    """The environment of a runner: the venv's bin first on PATH, a home of its own, nothing of this test run."""
    env = {key: value for key, value in os.environ.items() if key in ("LANG", "LC_ALL", "TMPDIR", "PATH")}
    env["PATH"] = f"{venv_bin}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}"
    env["HOME"] = str(home)
    env["PYTHONIOENCODING"] = "utf-8"
    env["CI"] = "true"
    return env
