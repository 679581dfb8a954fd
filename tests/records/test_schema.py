"""The record models: valid records pass, values are parsed strictly, JSON Schemas match."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from generator.i18n import Messages
from generator import vocabulary
from generator.records import models
from generator.records.loader import parse_yaml_text
from generator.records.validate import validate_model

from ..helpers import CONTENT_DIR, dump_yaml, run_cli

ZH = Messages("zh")
EN = Messages("en")

# The smallest valid record of each type, as a worker writes it.
MINIMAL_TEXT: dict[str, str] = {
    "meeting": "title: 2025年3月支委会\ndate: 2025-03-05\nkind: 支委会\n",
    "decision": "title: 关于开展主题党日活动的决定\ndate: 2025-03-05\nresult: 通过\n",
    "dues": "title: 2025年党费收缴情况\ndate: 2025-12-31\nkind: 党费\nyear: 2025\n",
    "funds": "title: 2025年第一季度经费收支\ndate: 2025-03-31\nkind: 经费\nperiod: 2025年第一季度\nopening_balance: 0\nclosing_balance: 0\n",
    "appraisal": "title: 2025年度民主评议党员\ndate: 2025-12-20\nkind: 民主评议党员\nperiod: 2025年度\n",
    "notice": "title: 发展党员公示\ndate: 2025-06-01\nkind: 发展党员\nstart: 2025-06-01\nend: 2025-06-07\n",
    "responsibility": "title: 2025年度责任清单\ndate: 2025-02-20\nyear: 2025\n",
    "inspection": "title: 巡察\ndate: 2025-11-18\nkind: 巡察\ninspector: 巡察组\n",
    "branch": "name: 测试党支部\n",
    # Opinions and elections (issue 15)
    "opinion": "title: 关于活动室开放时间的建议\ndate: 2025-06-03\nchannel: 意见箱\nraised_by:\n  role: 群众\nsubject: 活动室开放时间\n",
    "election": "title: 支部委员会选举\ndate: 2025-06-20\nkind: 支部委员会\nseats: 5\n",
}
# ... and as the loader hands it over (all text).
MINIMAL: dict[str, dict[str, Any]] = {name: parse_yaml_text(text, "x.yml", ZH)[0].data for name, text in MINIMAL_TEXT.items()}
MODEL_OF = {
    "meeting": models.Meeting,
    "decision": models.Decision,
    "dues": models.DuesRecord,
    "funds": models.FundsRecord,
    "appraisal": models.Appraisal,
    "notice": models.Notice,
    "responsibility": models.Responsibility,
    "inspection": models.Inspection,
    "branch": models.Branch,
    "opinion": models.Opinion,
    "election": models.Election,
}
RECORD_TYPE = {"dues": "finance", "funds": "finance"}


def validate(model: Any, text: str, messages: Messages = ZH):
    """Load YAML text the way `check` does and validate it; return (model, errors)."""
    loaded, errors = parse_yaml_text(text, "x.yml", messages)
    assert errors == [], errors
    return validate_model(model, loaded.data, loaded, "x.yml", messages)


def one_error(model: Any, text: str, messages: Messages = ZH):
    result, errors = validate(model, text, messages)
    assert result is None
    assert len(errors) == 1, errors
    return errors[0]


# ---------------------------------------------------------------------------
# Minimal valid records
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(MINIMAL))
def test_minimal_record_passes(name: str) -> None:
    model = MODEL_OF[name].model_validate(MINIMAL[name])
    assert model is not None


@pytest.mark.parametrize("name", list(MINIMAL))
def test_minimal_record_passes_through_the_loader(name: str) -> None:
    record_type = RECORD_TYPE.get(name, name)
    data = MINIMAL[name]
    model_cls = models.model_for(record_type, data)
    assert model_cls is MODEL_OF[name]
    result, errors = validate(model_cls, MINIMAL_TEXT[name])
    assert errors == []
    assert result is not None


@pytest.mark.parametrize("name", [n for n in MINIMAL if n != "branch"])
def test_every_required_field_is_required(name: str) -> None:
    model = MODEL_OF[name]
    for field in MINIMAL[name]:
        data = {k: v for k, v in MINIMAL[name].items() if k != field}
        with pytest.raises(ValidationError) as info:
            model.model_validate(data)
        assert [e["type"] for e in info.value.errors()] == ["missing"], field


def test_defaults() -> None:
    meeting = models.Meeting.model_validate(MINIMAL["meeting"])
    assert meeting.status == "published"
    assert meeting.visibility is None
    assert meeting.attendees == [] and meeting.body == ""
    assert meeting.date == dt.date(2025, 3, 5)


def test_a_full_meeting() -> None:
    text = """\
id: 2025-03-05-branch-committee
title: 2025年3月支委会
date: 2025-03-05
kind: branch_committee
visibility: 党内
status: 草稿
start_time: "14:30"
end_time: "16:00"
attendees: [王书记, 李委员]
absent:
  - name: 张三
    reason: 出差
rectification:
  - item: 学习制度不健全
    due: 2025-06-30
    status: 进行中
attachments:
  - file: 2025/纪要.pdf
approval:
  approved_by: 王书记
  approved_on: 2025-03-06
corrections:
  - date: 2025-03-10
    change: 更正出席人数
"""
    model, errors = validate(models.Meeting, text)
    assert errors == []
    assert model.visibility == "members"
    assert model.status == "draft"
    assert model.absent[0].reason == "出差"
    assert model.rectification[0].status == "in_progress"
    assert model.rectification[0].due == dt.date(2025, 6, 30)
    assert model.approval.approved_on == dt.date(2025, 3, 6)


# ---------------------------------------------------------------------------
# Enumerations: English or Chinese in, English stored
# ---------------------------------------------------------------------------


ENUM_FIELDS = [
    (models.Meeting, "meeting", "kind", "meeting_kind"),
    (models.Decision, "decision", "result", "decision_result"),
    (models.Appraisal, "appraisal", "kind", "appraisal_kind"),
    (models.Notice, "notice", "kind", "notice_kind"),
    (models.Meeting, "meeting", "visibility", "visibility"),
    (models.Meeting, "meeting", "status", "status"),
]


@pytest.mark.parametrize("model, name, field, enumeration", ENUM_FIELDS)
def test_enumerations_accept_english_and_chinese_and_store_english(model, name, field, enumeration) -> None:
    for english, words in vocabulary.ENUMERATIONS[enumeration].items():
        for word in (english, words["zh"]):
            record = model.model_validate({**MINIMAL[name], field: word})
            assert getattr(record, field) == english


def test_finance_kind_picks_the_model() -> None:
    assert models.model_for("finance", {"kind": "dues"}) is models.DuesRecord
    assert models.model_for("finance", {"kind": "党费"}) is models.DuesRecord
    assert models.model_for("finance", {"kind": "经费"}) is models.FundsRecord
    assert models.model_for("finance", {"kind": "捐款"}) is models.FinanceKindOnly
    assert models.model_for("finance", {}) is models.FinanceKindOnly


def test_grades_as_keys_accept_both_languages() -> None:
    record = models.Appraisal.model_validate({**MINIMAL["appraisal"], "results": {"优秀": "3", "qualified": "20"}})
    assert record.results == {"excellent": 3, "qualified": 20}


@pytest.mark.parametrize("word", ["no", "No", "false", "True", "yes", " 通过", "ADOPTED", ""])
def test_enumeration_refuses_near_words(word: str) -> None:
    with pytest.raises(ValidationError):
        models.Decision.model_validate({**MINIMAL["decision"], "result": word})


def test_bad_choice_message_in_both_languages() -> None:
    text = dump_yaml({**MINIMAL["decision"], "result": "同意"})
    error = one_error(models.Decision, text)
    assert (error.line, error.column, error.field) == (3, 9, "result")
    assert error.message == "“同意”不是可用的值，应为以下之一：通过（adopted）、未通过（rejected）、暂缓（deferred）"
    error = one_error(models.Decision, text, EN)
    assert error.message == "'同意' is not allowed; expected one of: adopted, rejected, deferred"


def test_bad_grade_key_points_at_the_key() -> None:
    text = dump_yaml({**MINIMAL["appraisal"], "results": {"优秀": 3, "良好": 2}})
    error = one_error(models.Appraisal, text)
    assert error.field == "results.良好"
    assert error.line == 7 and error.column == 3
    assert error.message.startswith("“良好”不是可用的值")


# ---------------------------------------------------------------------------
# Money: exact decimals
# ---------------------------------------------------------------------------


def _funds_with(*amounts: str, **extra: Any) -> models.FundsRecord:
    income = [{"date": "2025-01-05", "source": "上级下拨", "amount": a} for a in amounts]
    return models.FundsRecord.model_validate({**MINIMAL["funds"], "income": income, **extra})


def test_money_is_exact_decimal() -> None:
    record = _funds_with("0.10", "0.20")
    amounts = [i.amount for i in record.income]
    assert all(isinstance(a, Decimal) for a in amounts)
    assert sum(amounts, Decimal("0")) == Decimal("0.30")
    assert amounts[0] + amounts[1] == Decimal("0.30")
    assert str(amounts[0]) == "0.10"


@pytest.mark.parametrize("value, expected", [("0", "0"), ("1200", "1200"), ("35.5", "35.5"), ("35.50", "35.50"), ("0.01", "0.01"), ("99999999.99", "99999999.99")])
def test_money_accepted(value: str, expected: str) -> None:
    assert _funds_with(value).income[0].amount == Decimal(expected)


@pytest.mark.parametrize(
    "value, key",
    [
        ("-1", "money_negative"),
        ("-0.50", "money_negative"),
        ("1.005", "money_decimals"),
        ("0.001", "money_decimals"),
        ("1e3", "bad_money"),
        ("¥100", "bad_money"),
        ("1,200", "bad_money"),
        ("1200元", "bad_money"),
        (".5", "bad_money"),
        ("5.", "bad_money"),
        ("NaN", "bad_money"),
        ("Infinity", "bad_money"),
        ("", "bad_money"),
    ],
)
def test_money_refused(value: str, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        _funds_with(value)
    assert [e["type"] for e in info.value.errors()] == [key]


def test_float_money_refused() -> None:
    with pytest.raises(ValidationError):
        _funds_with(0.1)  # type: ignore[arg-type]


def test_negative_money_message() -> None:
    text = dump_yaml({**MINIMAL["funds"], "expenses": [{"date": "2025-01-05", "item": "退款", "amount": "-20.00"}]})
    error = one_error(models.FundsRecord, text)
    assert error.field == "expenses[0].amount"
    assert error.message == "金额不能为负数，收到“-20.00”"


def test_balances_may_be_negative() -> None:
    record = models.FundsRecord.model_validate({**MINIMAL["funds"], "opening_balance": "-12.50"})
    assert record.opening_balance == Decimal("-12.50")


def test_dues_months_are_money() -> None:
    record = models.DuesRecord.model_validate({**MINIMAL["dues"], "months": [{"month": "1", "members": "12", "due": "360.00", "paid": "355.50"}]})
    assert record.months[0].paid == Decimal("355.50")
    assert record.months[0].month == 1


# ---------------------------------------------------------------------------
# Dates, times, counts, ids, text
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("value, key", [("2025-1-5", "bad_date"), ("2025/01/05", "bad_date"), ("2025年1月5日", "bad_date"), ("20250105", "bad_date"), ("2025-02-30", "bad_date_value"), ("2025-13-01", "bad_date_value"), ("2024-02-29x", "bad_date")])
def test_dates_refused(value: str, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        models.Meeting.model_validate({**MINIMAL["meeting"], "date": value})
    assert [e["type"] for e in info.value.errors()] == [key]


def test_leap_day_accepted() -> None:
    assert models.Meeting.model_validate({**MINIMAL["meeting"], "date": "2024-02-29"}).date == dt.date(2024, 2, 29)


@pytest.mark.parametrize("value, ok", [("14:30", True), ("09:00", True), ("23:59", True), ("9:00", False), ("24:00", False), ("14:60", False), ("870", False)])
def test_times(value: str, ok: bool) -> None:
    data = {**MINIMAL["meeting"], "start_time": value}
    if ok:
        assert models.Meeting.model_validate(data).start_time == value
    else:
        with pytest.raises(ValidationError):
            models.Meeting.model_validate(data)


@pytest.mark.parametrize("value, ok", [("0", True), ("7", True), ("12", True), ("010", False), ("-1", False), ("1.0", False), ("七", False), ("true", False)])
def test_counts(value: str, ok: bool) -> None:
    data = {**MINIMAL["decision"], "vote": {"for": value}}
    if ok:
        assert models.Decision.model_validate(data).vote.for_ == int(value)
    else:
        with pytest.raises(ValidationError) as info:
            models.Decision.model_validate(data)
        assert info.value.errors()[0]["type"] == "bad_count"


@pytest.mark.parametrize("value, ok", [("2025-03-05-branch-committee", True), ("会议01", True), ("a.b_c", True), (".hidden", False), ("-x", False), ("a b", False), ("a/b", False), ("../x", False)])
def test_ids(value: str, ok: bool) -> None:
    data = {**MINIMAL["meeting"], "id": value}
    if ok:
        assert models.Meeting.model_validate(data).id == value
    else:
        with pytest.raises(ValidationError) as info:
            models.Meeting.model_validate(data)
        assert info.value.errors()[0]["type"] == "bad_id"


def test_required_text_must_not_be_blank() -> None:
    error = one_error(models.Meeting, "title: '  '\ndate: 2025-03-05\nkind: 支委会\n")
    assert (error.field, error.message) == ("title", "不能为空")


def test_empty_required_value_is_nothing() -> None:
    error = one_error(models.Meeting, "title:\ndate: 2025-03-05\nkind: 支委会\n")
    assert (error.line, error.column, error.field) == (1, 7, "title")
    assert error.message == "应为文字，收到的是空值"


def test_text_where_a_list_is_expected() -> None:
    error = one_error(models.Meeting, "title: 会议\ndate: 2025-03-05\nkind: 支委会\nagenda: 学习文件\n")
    assert (error.line, error.column, error.field) == (4, 9, "agenda")
    assert error.message == "应为列表（每项以“- ”开头），收到的是文字“学习文件”"


def test_text_where_a_mapping_is_expected() -> None:
    error = one_error(models.Decision, "title: 决定\ndate: 2025-03-05\nresult: 通过\nvote: 全票通过\n", EN)
    assert (error.line, error.column, error.field) == (4, 7, "vote")
    assert error.message == "expected 'field: value' entries, got the text '全票通过'"


def test_unknown_nested_field_suggests_the_near_name() -> None:
    error = one_error(models.Meeting, "title: 会议\ndate: 2025-03-05\nkind: 支委会\nabsent:\n  - name: 张三\n    reasn: 出差\n")
    assert (error.line, error.column, error.field) == (6, 5, "absent[0].reasn")
    assert error.message == "未知字段“reasn”，是否应为“reason”？"


def test_unknown_field_without_a_near_name_lists_the_allowed_ones() -> None:
    error = one_error(models.Decision, "title: 决定\ndate: 2025-03-05\nresult: 通过\nvote:\n  zzz: 1\n  for: 3\n")
    assert error.field == "vote.zzz"
    assert error.message == "未知字段“zzz”（可用字段：for, against, abstain）"


def test_record_that_is_not_a_mapping() -> None:
    result, errors = validate(models.Meeting, "- title: 会议\n")
    assert result is None
    assert [(e.line, e.column, e.message) for e in errors] == [(1, 1, "记录文件的内容应为“字段: 值”的形式")]


# ---------------------------------------------------------------------------
# JSON Schema
# ---------------------------------------------------------------------------

SCHEMA_TYPES = ["meeting", "decision", "finance", "appraisal", "notice", "branch", "opinion", "election", "responsibility", "inspection"]


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    out = folder / "out"
    code, stdout, stderr = run_cli(["schema", "-o", out], cwd=folder)
    assert code == 0, stderr
    assert stdout.strip() == f"已写出 {len(SCHEMA_TYPES) + 1} 个 JSON Schema 到 {out.as_posix()}"
    return out


def test_schema_command_writes_one_file_per_type_and_the_config(schema_dir: Path) -> None:
    assert sorted(p.name for p in schema_dir.iterdir()) == sorted(f"{t}.schema.json" for t in [*SCHEMA_TYPES, "site_config"])
    for record_type in [*SCHEMA_TYPES, "site_config"]:
        data = json.loads((schema_dir / f"{record_type}.schema.json").read_text(encoding="utf-8"))
        assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert data["$id"] == f"{record_type}.schema.json"


def _validator(schema_dir: Path, record_type: str):
    data = json.loads((schema_dir / f"{record_type}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    return jsonschema.Draft202012Validator(data, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _as_editor_sees(value: Any) -> Any:
    """safe_load's dates back to the ISO text the worker typed."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    return value


@pytest.mark.parametrize("name", list(MINIMAL))
def test_schema_accepts_the_minimal_records(schema_dir: Path, name: str) -> None:
    validator = _validator(schema_dir, RECORD_TYPE.get(name, name))
    data = _as_editor_sees(yaml.safe_load(MINIMAL_TEXT[name]))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_schema_refuses_what_check_refuses(schema_dir: Path) -> None:
    validator = _validator(schema_dir, "meeting")
    bad = [
        {**MINIMAL["meeting"], "kind": "支部会"},
        {**MINIMAL["meeting"], "locaton": "活动室"},
        {k: v for k, v in MINIMAL["meeting"].items() if k != "kind"},
        {**MINIMAL["meeting"], "date": "2025-1-5"},
        {**MINIMAL["meeting"], "attendees": "王书记"},
    ]
    for data in bad:
        assert list(validator.iter_errors(_as_editor_sees(data))), data
    funds = _validator(schema_dir, "finance")
    income = {"date": "2025-01-05", "source": "下拨", "amount": "1.005"}
    assert list(funds.iter_errors({**MINIMAL["funds"], "income": [income]}))
    assert not list(funds.iter_errors({**MINIMAL["funds"], "income": [{**income, "amount": "1.00"}]}))


def _demo_records() -> list[tuple[Path, str]]:
    """Every record of the demo site with the schema it must satisfy."""
    found = []
    for path in sorted(CONTENT_DIR.rglob("*")):
        if not path.is_file() or path.suffix not in (".yml", ".yaml"):
            continue
        parts = path.relative_to(CONTENT_DIR).parts
        if parts[0] == "attachments" or any(p.startswith(".") for p in parts):
            continue
        if parts == ("branch.yml",):
            found.append((path, "branch"))
        elif parts[0] in vocabulary.SECTIONS:
            found.append((path, vocabulary.SECTIONS[parts[0]]))
    return found


MIN_DEMO_RECORDS = 30


def test_json_schemas_validate_the_demo_records(schema_dir: Path) -> None:
    records = _demo_records()
    assert len(records) >= MIN_DEMO_RECORDS, f"content/ holds only {len(records)} records"
    assert any(t == "branch" for _, t in records), "content/branch.yml is missing"
    validators = {t: _validator(schema_dir, t) for t in SCHEMA_TYPES}
    problems = []
    for path, record_type in records:
        data = _as_editor_sees(yaml.safe_load(path.read_text(encoding="utf-8-sig")))
        for error in validators[record_type].iter_errors(data):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{path.relative_to(CONTENT_DIR)}: {where}: {error.message}")
    assert problems == []
