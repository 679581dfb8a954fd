"""``openbranch init``: the repository it writes, its placeholders, and ``check --format gitlab``.

Everything runs the real command (``python -m generator``) on real folders in
``tmp_path``.  Building and browsing an initialised repository, and running
its CI files, is in ``tests/test_wheel.py`` (from the installed wheel).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import Field

from generator import vocabulary
from generator.config import SiteConfig, load_site
from generator.i18n import Messages
from generator.records import schema
from generator.records.placeholders import placeholder, placeholders_in
from generator.scaffold import branch as branch_scaffold

from .helpers import run_cli

TODAY = "2026-12-01"
NAME = "第三党支部"


def init(folder: Path, *extra: str, name: str = NAME) -> tuple[int, str, str]:
    return run_cli(["init", folder, "--name", name, "--today", TODAY, *extra], cwd=folder.parent)


def _fill(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"【(?:请填写|fill in)[:：]\s*([^】]*)】", lambda m: "填好的" + m.group(1), text), encoding="utf-8")


def fill_placeholders(site: Path, duties: bool = True) -> None:
    """What the worker does first: every 【请填写：…】 of branch.yml replaced by a real value; with ``duties``,
    also the example responsibility list filled in (the same names) and published, as the committee's
    duties for the year must be (otherwise each committee member is warned about)."""
    _fill(site / "content" / "branch.yml")
    if duties:
        path = next((site / "content" / "responsibilities").rglob("*.yml"))
        _fill(path)
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^status: (草稿|draft)", lambda m: "status: " + ("已发布" if m.group(1) == "草稿" else "published"), text, flags=re.M)
        # Published with its disclosure approval (提出 → 审核 → 审批), on the list's own date.
        day = re.search(r"^date: (\S+)", text, flags=re.M).group(1)
        if not re.search(r"^approval:", text, flags=re.M):
            text += "".join(f"{key}\n" for key in ("approval:",)) + "".join(f"  {step}_by: 王书记\n  {step}_on: {day}\n" for step in ("proposed", "reviewed", "approved"))
        path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------
# The repository
# ---------------------------------------------------------------------------

EXPECTED_FILES = {
    "site_config.yml",
    "README.md",
    ".gitignore",
    ".gitattributes",
    ".github/workflows/openbranch.yml",
    ".gitlab-ci.yml",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    "deploy/nginx.conf",
    "content/branch.yml",
    "content/meetings/2026/2026-12-01-branch-committee.yml",
    "content/decisions/2026/2026-12-01-decision.yml",
    "content/finances/2026/2026-12-01-funds.yml",
    "content/finances/2026/2026-12-01-dues.yml",
    "content/appraisals/2026/2026-12-01-member-appraisal.yml",
    "content/notices/2026/2026-12-01-membership.yml",
    "content/opinions/2026/2026-12-01-opinion.yml",
    "content/elections/2026/2026-12-01-committee.yml",
    "content/responsibilities/2026/2026-12-01-responsibility.yml",
    "content/inspections/2026/2026-12-01-inspection.yml",
} | {f"schemas/{t}.schema.json" for t in (*schema.SCHEMA_TYPES, schema.CONFIG_SCHEMA)}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_init_writes_a_repository_that_checks_with_a_warning_per_placeholder(tmp_path: Path, language: str) -> None:
    site = tmp_path / "branch"
    code, out, err = init(site, "--language", language)
    assert code == 0, out + err
    assert _files(site) == EXPECTED_FILES
    assert str(len(EXPECTED_FILES)) in out

    code, out, err = run_cli(["check"], cwd=site)
    assert code == 0, out + err
    warnings = [line for line in out.splitlines() if line.startswith("content/branch.yml:")]
    # parent, description, three committee names, address, objections
    assert len(warnings) == 7, out
    word = "警告" if language == "zh" else "warning"
    assert all(re.match(rf"content/branch\.yml:\d+:\d+: [a-z_.\[\]0-9]+: {word}: ", line) for line in warnings), warnings
    # One example of every record type (dues and funds for finance), each loaded and checked.
    messages = Messages(language)
    for record_type, count in {"meeting": 1, "decision": 1, "finance": 2, "appraisal": 1, "notice": 1, "opinion": 1, "election": 1, "responsibility": 1, "inspection": 1}.items():
        assert messages("check_counts_line", label=messages.type_name(record_type), count=count) in out.splitlines(), out

    code, out, err = run_cli(["check", "--strict"], cwd=site)
    assert code == 1, out + err
    fill_placeholders(site, duties=False)
    # Named now, the three committee members have no responsibility list for the year (the example is a draft).
    code, out, err = run_cli(["check", "--strict"], cwd=site)
    assert code == 1, out + err
    missing = [line for line in out.splitlines() if line.startswith("content/")]
    assert len(missing) == 3 and all(re.match(r"content/branch\.yml:\d+:\d+: committee\[[0-2]\]\.name: ", line) for line in missing), out
    fill_placeholders(site)
    code, out, err = run_cli(["check", "--strict"], cwd=site)
    assert code == 0, out + err


def test_the_placeholder_warning_names_file_line_column_and_field(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    assert init(site)[0] == 0
    text = (site / "content" / "branch.yml").read_text(encoding="utf-8")
    line_no = next(i for i, line in enumerate(text.splitlines(), 1) if "书记姓名" in line)
    column = text.splitlines()[line_no - 1].index("【") + 1
    out = run_cli(["check"], cwd=site)[1]
    assert f"content/branch.yml:{line_no}:{column}: committee[0].name: 警告: 尚未填写：书记姓名（请把“【请填写：…】”换成实际内容）" in out, out


def test_every_example_record_is_a_draft_dated_today(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    assert init(site)[0] == 0
    examples = [p for p in (site / "content").rglob("*.yml") if p.name != "branch.yml"]
    assert {p.relative_to(site / "content").parts[0] for p in examples} == set(vocabulary.SECTIONS)
    for path in examples:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["status"] == "草稿", path
        assert str(data["date"]) == TODAY, path


def test_parent_given_is_written_and_not_a_placeholder(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    assert init(site, "--parent", "中共某某区直属机关工作委员会")[0] == 0
    branch = yaml.safe_load((site / "content" / "branch.yml").read_text(encoding="utf-8"))
    assert branch["name"] == NAME
    assert branch["parent"] == "中共某某区直属机关工作委员会"
    assert "parent:" not in run_cli(["check"], cwd=site)[1]


def test_a_name_that_needs_quoting_stays_the_name(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    name = 'Branch #3: "R&D" 党支部'
    assert init(site, "--language", "en", name=name)[0] == 0
    loaded, _ = load_site(site / "site_config.yml")
    assert loaded is not None
    assert yaml.safe_load((site / "content" / "branch.yml").read_text(encoding="utf-8"))["name"] == name
    assert run_cli(["check"], cwd=site)[0] == 0


# ---------------------------------------------------------------------------
# site_config.yml: every option of the typed model, commented
# ---------------------------------------------------------------------------


def _key_paths(data: object, prefix: str = "") -> set[str]:
    paths: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            paths.add(prefix + str(key))
            paths |= _key_paths(value, prefix + str(key) + ".")
    return paths


def test_every_option_has_a_comment_in_both_languages_and_no_comment_is_stale() -> None:
    comments = branch_scaffold.option_comments()
    options = branch_scaffold.option_paths()
    assert len(options) > 20
    for option in options:
        assert option in comments, option
        assert comments[option].get("zh", "").strip() and comments[option].get("en", "").strip(), option
    assert set(comments) - {"_header"} == set(options)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_site_config_lists_every_option_at_its_default_with_a_comment(tmp_path: Path, language: str) -> None:
    site = tmp_path / "branch"
    assert init(site, "--language", language)[0] == 0
    text = (site / "site_config.yml").read_text(encoding="utf-8")
    options = branch_scaffold.option_paths()
    # Every option is written out (the meeting norms' kinds are entries of one option).
    assert set(options) <= _key_paths(yaml.safe_load(text))
    # Every option's line has its comment right above it.
    lines = text.splitlines()
    stack: list[str] = []
    commented = set()
    for i, line in enumerate(lines):
        match = re.match(r"^( *)([A-Za-z_\u4e00-\u9fff]+):", line)
        if match:
            depth = len(match.group(1)) // 2
            stack[depth:] = [match.group(2)]
            if lines[i - 1].lstrip().startswith("# "):
                commented.add(".".join(stack))
    assert set(options) <= commented, set(options) - commented
    # And it means exactly the defaults.
    loaded, problems = load_site(site / "site_config.yml")
    assert loaded is not None, problems
    expected = SiteConfig(site_name=loaded.config.site_name, language=language)
    assert loaded.config == expected
    assert loaded.config.site_name.startswith(NAME)


def test_an_option_without_a_comment_stops_init_instead_of_being_left_out() -> None:
    class WithNewOption(SiteConfig):
        brand_new_option: int = Field(1, description="added by a later change")

    answers = branch_scaffold.BranchAnswers(NAME, None, "zh", dt.date(2026, 12, 1))
    with pytest.raises(KeyError, match="brand_new_option"):
        branch_scaffold.site_config_text(answers, WithNewOption)


# ---------------------------------------------------------------------------
# The editor: each content folder mapped to its JSON Schema
# ---------------------------------------------------------------------------


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as the language server reads it: dates stay text (YAML 1.2 has no timestamps)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_vscode_maps_every_content_folder_to_a_schema_that_its_example_passes(tmp_path: Path) -> None:
    from fnmatch import fnmatch

    site = tmp_path / "branch"
    assert init(site)[0] == 0
    settings = json.loads((site / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    record_files = sorted(p.relative_to(site).as_posix() for p in (site / "content").rglob("*.yml"))
    assert len(record_files) == 11  # branch.yml and one example per record type (two for finance)
    for rel in record_files:
        schemas = [s for s, globs in mapping.items() if any(fnmatch("/" + rel, g.replace("**/", "*")) for g in ([globs] if isinstance(globs, str) else globs))]
        assert len(schemas) == 1, (rel, schemas)
        schema_path = site / schemas[0]
        assert schema_path.is_file(), schemas[0]
        data = yaml.load((site / rel).read_text(encoding="utf-8"), Loader=_Yaml12Loader)
        jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    # A wrong value is caught by the schema the editor uses.
    meeting = next(r for r in record_files if r.startswith("content/meetings/"))
    data = yaml.load((site / meeting).read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "kind": "茶话会"}, json.loads((site / "schemas" / "meeting.schema.json").read_text(encoding="utf-8")))


def test_schema_command_writes_the_same_schemas_as_init(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    assert init(site)[0] == 0
    code, out, err = run_cli(["schema", "-o", tmp_path / "fresh"], cwd=site)
    assert code == 0, out + err
    for path in (site / "schemas").iterdir():
        assert (tmp_path / "fresh" / path.name).read_bytes() == path.read_bytes(), path.name


# ---------------------------------------------------------------------------
# Refusing a folder that is not empty
# ---------------------------------------------------------------------------


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    site = tmp_path / "已有文件夹"
    site.mkdir()
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = init(site)
    assert code == 1
    assert f"文件夹 {site.as_posix()} 不是空的" in err
    assert "--force" in err
    assert "Traceback" not in err
    assert _files(site) == {"notes.txt"}


def test_init_accepts_a_freshly_cloned_empty_repository(tmp_path: Path) -> None:
    site = tmp_path / "clone"
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    code, out, err = init(site)
    assert code == 0, out + err
    assert "site_config.yml" in _files(site)


def test_init_with_force_overwrites_and_lists_what_it_overwrote(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    site.mkdir()
    (site / "README.md").write_text("old readme", encoding="utf-8")
    (site / "content").mkdir()
    (site / "content" / "branch.yml").write_text("name: 旧支部\n", encoding="utf-8")
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = init(site, "--force")
    assert code == 0, out + err
    assert "覆盖了以下 2 个原有文件：" in out
    listed = out.split("覆盖了以下 2 个原有文件：", 1)[1].splitlines()[1:3]
    assert [line.strip() for line in listed] == ["README.md", "content/branch.yml"]
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (site / "README.md").read_text(encoding="utf-8") != "old readme"


def test_init_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    code, out, err = init(target)
    assert code == 1
    assert f"{target.as_posix()} 不是文件夹" in err


# ---------------------------------------------------------------------------
# Placeholders: one convention, one detection function
# ---------------------------------------------------------------------------


def test_placeholders_are_found_anywhere_in_a_record_and_nothing_else_is() -> None:
    data = {
        "title": "关于【请填写：事项】的决定",
        "body": "【通知】这不是待填写的内容。【fill in: the minutes】 and 【Fill in：more】",
        "committee": [{"name": placeholder("书记姓名", "zh"), "post": "书记"}, {"name": "王芳"}],
        "contact": {"objections": placeholder("where objections go", "en")},
        "count": 3,
    }
    assert list(placeholders_in(data)) == [
        (("title",), "事项"),
        (("body",), "the minutes"),
        (("body",), "more"),
        (("committee", 0, "name"), "书记姓名"),
        (("contact", "objections"), "where objections go"),
    ]
    assert list(placeholders_in({"text": "【请填写】", "other": "请填写：姓名"})) == []


# ---------------------------------------------------------------------------
# check --format gitlab: a GitLab Code Quality report
# ---------------------------------------------------------------------------

# GitLab's Code Quality report format (docs: ci/testing/code_quality, "Code Quality report
# format"): a JSON array of issues, each with these fields; severity one of GitLab's words.
CODE_QUALITY_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^/"}},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_check_format_gitlab_is_a_code_quality_report(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    assert init(site)[0] == 0
    broken = site / "content" / "meetings" / "2026" / "2026-11-30-broken.yml"
    broken.write_text("title: 坏记录\ndate: 2026-11-31\nkind: 茶话会\n", encoding="utf-8")

    code, out, err = run_cli(["check", "--strict", "--format", "gitlab"], cwd=site)
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, CODE_QUALITY_SCHEMA)
    by_path = {}
    for issue in report:
        by_path.setdefault(issue["location"]["path"], []).append(issue)
    errors = by_path["content/meetings/2026/2026-11-30-broken.yml"]
    assert {(i["location"]["lines"]["begin"], i["severity"]) for i in errors} == {(2, "major"), (3, "major")}
    assert any(i["description"].startswith("date: ") and "2026-11-31" in i["description"] for i in errors)
    # One fingerprint per problem, the same on the next run.
    assert len({i["fingerprint"] for i in report}) == len(report)
    assert json.loads(run_cli(["check", "--strict", "--format", "gitlab"], cwd=site)[1]) == report

    # Warnings (the placeholders left in branch.yml) are minor issues; --strict fails on them.
    broken.unlink()
    code, out, err = run_cli(["check", "--strict", "--format", "gitlab"], cwd=site)
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, CODE_QUALITY_SCHEMA)
    assert len(report) == 7
    assert {(i["location"]["path"], i["severity"]) for i in report} == {("content/branch.yml", "minor")}

    # A clean site gives an empty report, still valid JSON (GitLab reads the file on every run).
    fill_placeholders(site)
    code, out, err = run_cli(["check", "--strict", "--format", "gitlab"], cwd=site)
    assert code == 0, out + err
    assert json.loads(out) == []


def test_check_format_gitlab_reports_a_broken_site_config_too(tmp_path: Path) -> None:
    site = tmp_path / "branch"
    assert init(site)[0] == 0
    (site / "site_config.yml").write_text("language: zh\nnorm: {}\n", encoding="utf-8")
    code, out, err = run_cli(["check", "--format", "gitlab"], cwd=site)
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, CODE_QUALITY_SCHEMA)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in report] == [("site_config.yml", 2)]
