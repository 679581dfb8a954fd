"""Chinese field names (issue 13, item 9): every schema field's title and description, per language.

The titles and descriptions are data in ``generator/i18n`` (``FIELDS``, by
model and field), not in the models: the meta-tests below hold every field of
every record model, of branch.yml and of site_config.yml to having both, in
both languages.  The JSON Schemas ``openbranch schema`` writes carry them in
the site's language, and an unknown field typed in Chinese is matched against
them ("did you mean ``chair``" for ``主持人``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import yaml

from generator.config import SiteConfig
from generator.i18n import TABLES, field_words
from generator.records.models import RECORD_MODELS
from generator.records.schema import field_key, models_in

from ..helpers import DEMO_CONFIG, DEMO_FINANCE_WARNINGS_EN, DEMO_LATE_DISCLOSURE_EN, DEMO_MEETING_WARNINGS_EN, DEMO_WARNINGS, copy_demo, plant_line, run_cli, write_file

LANGUAGES = ("zh", "en")
TOP_MODELS = [*RECORD_MODELS.values(), SiteConfig]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def every_model() -> list[type]:
    found: dict[type, None] = {}
    for top in TOP_MODELS:
        for model in models_in(top):
            found.setdefault(model, None)
    return list(found)


def every_field() -> Iterator[tuple[type, str]]:
    for model in every_model():
        for name, info in model.model_fields.items():
            yield model, field_key(name, info)


# ---------------------------------------------------------------------------
# The table is complete, and holds nothing else
# ---------------------------------------------------------------------------


def test_every_field_has_a_title_and_a_description_in_both_languages() -> None:
    missing = []
    for model, key in every_field():
        for language in LANGUAGES:
            words = field_words(model, key, language)
            if words is None or not all(part.strip() for part in words):
                missing.append(f"{language}: {model.__name__}.{key}")
            elif language == "zh" and not CHINESE.search(words[0]):
                missing.append(f"zh: {model.__name__}.{key} has no Chinese title ({words[0]!r})")
    assert len(list(every_field())) > 150
    assert missing == []


def test_the_table_names_only_fields_that_exist() -> None:
    defined: dict[str, set[str]] = {}
    for model in every_model():
        for cls in model.__mro__:
            fields = getattr(cls, "model_fields", None)
            if fields is not None and cls.__name__ not in ("BaseModel",):
                defined.setdefault(cls.__name__, set()).update(field_key(n, i) for n, i in fields.items())
    for language in LANGUAGES:
        table = TABLES[language].FIELDS
        stale = [f"{model}.{key}" for model, entries in table.items() for key in entries if key not in defined.get(model, set())]
        assert stale == [], language
    assert {m: set(e) for m, e in TABLES["zh"].FIELDS.items()} == {m: set(e) for m, e in TABLES["en"].FIELDS.items()}


def test_model_names_are_unique() -> None:
    # The table is keyed by a model's class name: two models of one name would share their words.
    names = [model.__name__ for model in every_model()]
    assert len(names) == len(set(names))


# ---------------------------------------------------------------------------
# The JSON Schemas, in the site's language
# ---------------------------------------------------------------------------


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for where in [schema, *schema.get("$defs", {}).values()]:
        for key, value in where.get("properties", {}).items():
            yield key, value


def _schemas(tmp_path: Path, language: str) -> dict[str, dict[str, Any]]:
    folder = tmp_path / language
    write_file(folder / "site_config.yml", {"site_name": "测试", "language": language})
    code, out, err = run_cli(["schema", "-o", folder / "schemas"], cwd=folder)
    assert code == 0, out + err
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "schemas").glob("*.schema.json"))}


def test_schemas_carry_titles_and_descriptions_in_the_sites_language(tmp_path: Path) -> None:
    zh, en = _schemas(tmp_path, "zh"), _schemas(tmp_path, "en")
    assert sorted(zh) == sorted(en) and "site_config.schema.json" in zh and len(zh) == len(RECORD_MODELS) + 1
    meeting_zh, meeting_en = zh["meeting.schema.json"], en["meeting.schema.json"]
    assert meeting_zh["properties"]["chair"]["title"] == "主持人"
    assert meeting_zh["properties"]["chair"]["description"] == "主持会议的人"
    assert meeting_en["properties"]["chair"]["title"] == "Chair"
    assert meeting_zh["properties"]["title"]["title"] == "标题"  # a field every record shares
    assert meeting_zh["$defs"]["RectificationItem"]["properties"]["done_on"]["title"] == "完成日期"
    assert zh["decision.schema.json"]["$defs"]["Vote"]["properties"]["for"]["title"] == "赞成"
    assert zh["site_config.schema.json"]["properties"]["holidays"]["title"] == "节假日"
    for name in zh:
        for language, schemas in (("zh", zh), ("en", en)):
            for key, value in _properties(schemas[name]):
                assert value.get("title") and value.get("description"), (language, name, key)
                if language == "zh":
                    assert CHINESE.search(value["title"]), (name, key, value["title"])


def test_the_config_schema_accepts_the_demo_and_a_new_sites_settings(tmp_path: Path) -> None:
    schema = _schemas(tmp_path, "zh")["site_config.schema.json"]
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    demo = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(demo)] == []
    code, out, err = run_cli(["init", tmp_path / "branch", "--name", "测试党支部", "--today", "2026-12-01"], cwd=tmp_path)
    assert code == 0, out + err
    fresh = yaml.safe_load((tmp_path / "branch" / "site_config.yml").read_text(encoding="utf-8"))
    fresh["holidays"] = {"2027": {"days_off": ["2027-01-01", "2027-02-06 至 2027-02-13"], "workdays": ["2027-02-14"]}}
    assert [e.message for e in validator.iter_errors(fresh)] == []
    assert list(validator.iter_errors({**fresh, "holidays": {"2027": {"days_off": ["2月6日"]}}}))
    settings = json.loads((tmp_path / "branch" / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schemas/site_config.schema.json"] == "/site_config.yml"


# ---------------------------------------------------------------------------
# "Did you mean" for a field typed in Chinese
# ---------------------------------------------------------------------------

MEETING = "content/meetings/2026/2026-01-27-organizational-life.yml"


def _check(site: Path) -> list[str]:
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", "2026-12-01"], cwd=site)
    assert code == 1, out + err
    return [line for line in (out + err).splitlines() if line.startswith(("content/", "site_config.yml")) and line not in DEMO_WARNINGS]


def test_a_field_typed_in_chinese_suggests_the_field_of_that_title(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_demo(site)
    chair = plant_line(site, MEETING, "chair: 陈立群\n", "主持人: 陈立群\n")
    done = plant_line(site, MEETING, "    done_on: 2026-03-20\n", "    完成日期: 2026-03-20\n")
    branch = plant_line(site, "content/branch.yml", "parent: ", "上级组织: ")
    setting = plant_line(site, "site_config.yml", "language: zh\n", "语言: zh\n")
    # site_config.yml is read first: its problem stops the check.
    assert _check(site) == [f"site_config.yml:{setting}:1: 语言: 未知字段“语言”，是否应为“language”（语言）？"]
    plant_line(site, "site_config.yml", "语言: zh\n", "language: zh\n")
    assert _check(site) == [
        f"content/branch.yml:{branch}:1: 上级组织: 未知字段“上级组织”，是否应为“parent”（上级党组织）？",
        f"{MEETING}:{chair}:1: 主持人: 未知字段“主持人”，是否应为“chair”（主持人）？",
        f"{MEETING}:{done}:5: rectification[0].完成日期: 未知字段“完成日期”，是否应为“done_on”（完成日期）？",
    ]


def test_in_english_the_suggestion_names_the_title_matched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_demo(site)
    config = site / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    chair = plant_line(site, MEETING, "chair: 陈立群\n", "主持人: 陈立群\n")
    recorder = plant_line(site, MEETING, "recorder: 王思远\n", "Minute taker: 王思远\n")
    assert sorted(_check(site)) == sorted([
        *DEMO_MEETING_WARNINGS_EN,
        *DEMO_FINANCE_WARNINGS_EN,
        "content/branch.yml:12:11: committee[3].name: warning: committee member '孙雨桐' (宣传委员) has no responsibility list for 2026; record their party-building duties and the day they signed the letter of responsibility in content/responsibilities/2026/",
        "content/inspections/2026/2026-04-16-parent-committee.yml:42:10: rectification[2].due: warning: the rectification item is overdue: due 2026-09-30, status 'in_progress'; when it is done, fill in done_on",
        f"{MEETING}:{chair}:1: 主持人: unknown field '主持人'; did you mean 'chair' (主持人)?",
        # No title is near "Minute taker": the allowed fields are listed, as before.
        f"{MEETING}:{recorder}:1: Minute taker: unknown field 'Minute taker' (allowed fields: " + ", ".join(
            field_key(n, i) for n, i in RECORD_MODELS["meeting"].model_fields.items()
        ) + ")",
        # The demo's own warnings, in English.
        DEMO_LATE_DISCLOSURE_EN,
        "content/notices/2027/2027-01-04-dues-and-funds.yml:7:8: start: warning: no holiday data for 2027: add the days off and make-up workdays of 2027 under holidays: in site_config.yml (until then working days are counted Monday to Friday: about 10 in this notice's period)",
        "content/opinions/2026/2026-06-22-library.yml:14:13: replied_on: warning: answered on 2026-07-24, after the reply was due (2026-07-13, 15 working days after receipt)",
        "content/opinions/2026/2026-10-19-online-dues.yml:2:7: date: warning: not answered, and the reply was due by 2026-11-09 (15 working days after receipt)",
    ])
