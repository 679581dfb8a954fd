"""The one translation table: every message and label OpenBranch prints.

Chinese (``zh``) is the default language, English (``en``) the other one.
Messages are ``str.format`` templates; labels are plain words used by the
page templates through ``t(key)``.
"""

from __future__ import annotations

from typing import Any, Callable

LANGUAGES = ("zh", "en")

# ---------------------------------------------------------------------------
# Messages: errors, warnings and command output
# ---------------------------------------------------------------------------

MESSAGES: dict[str, dict[str, str]] = {
    # Files and YAML
    "file_unreadable": {"zh": "无法读取文件：{reason}", "en": "cannot read the file: {reason}"},
    "file_too_large": {
        "zh": "文件过大（{size_kb} KB），记录文件不能超过 {limit_kb} KB",
        "en": "the file is too large ({size_kb} KB); a record file may be at most {limit_kb} KB",
    },
    "file_not_utf8": {
        "zh": "文件不是 UTF-8 编码（可能是 Windows 记事本保存的 GBK/ANSI 编码）。请在编辑器中选择“另存为”，编码选 UTF-8 后重新保存",
        "en": "the file is not UTF-8 (probably saved as GBK/ANSI by a Windows editor). Open it and save it again with the encoding UTF-8",
    },
    "file_utf16": {
        "zh": "文件是 UTF-16 编码。请在编辑器中选择“另存为”，编码选 UTF-8 后重新保存",
        "en": "the file is UTF-16. Open it and save it again with the encoding UTF-8",
    },
    "yaml_syntax": {"zh": "YAML 格式错误：{problem}", "en": "YAML syntax error: {problem}"},
    "yaml_tab": {"zh": "缩进中有制表符（Tab），请改用空格缩进", "en": "a tab is used for indentation; indent with spaces"},
    "yaml_colon": {
        "zh": "此处不能出现冒号；若值中含有冒号，请给整个值加上引号",
        "en": "a colon is not allowed here; if the value contains a colon, put the whole value in quotes",
    },
    "yaml_missing_colon": {"zh": "缺少冒号“:”，或缩进不一致", "en": "a ':' is missing, or the indentation is inconsistent"},
    "yaml_unclosed_quote": {"zh": "文件意外结束，可能有未闭合的引号或括号", "en": "the file ends unexpectedly; a quote or bracket may be left open"},
    "yaml_indent": {"zh": "缩进不一致，请检查这一行与上一行的对齐", "en": "inconsistent indentation; check how this line lines up with the one above"},
    "yaml_multi_doc": {"zh": "一个文件只能包含一条记录（不要使用 ---）", "en": "a file holds one record only (do not use ---)"},
    "yaml_alias": {
        "zh": "不支持 YAML 锚点和别名（& 和 *），请直接写出内容",
        "en": "YAML anchors and aliases (& and *) are not supported; write the value out",
    },
    "yaml_too_deep": {"zh": "嵌套层级过深（超过 {limit} 层）", "en": "nested too deeply (more than {limit} levels)"},
    "yaml_complex_key": {"zh": "字段名必须是简单文字", "en": "a field name must be plain text"},
    "yaml_duplicate_key": {"zh": "字段“{key}”重复出现", "en": "the field '{key}' appears twice"},
    "not_a_mapping": {
        "zh": "记录文件的内容应为“字段: 值”的形式",
        "en": "a record file must consist of 'field: value' lines",
    },
    "empty_file": {"zh": "文件是空的", "en": "the file is empty"},
    # Schema
    "missing": {"zh": "缺少必填字段", "en": "required field missing"},
    "unknown_field": {"zh": "未知字段“{name}”", "en": "unknown field '{name}'"},
    "did_you_mean": {"zh": "，是否应为“{suggestion}”？", "en": "; did you mean '{suggestion}'?"},
    "allowed_fields": {"zh": "（可用字段：{fields}）", "en": " (allowed fields: {fields})"},
    "expected_text": {"zh": "应为文字，收到的是{got}", "en": "expected text, got {got}"},
    "expected_list": {"zh": "应为列表（每项以“- ”开头），收到的是{got}", "en": "expected a list (each item starting with '- '), got {got}"},
    "expected_mapping": {"zh": "应为“字段: 值”的结构，收到的是{got}", "en": "expected 'field: value' entries, got {got}"},
    "got_text": {"zh": "文字“{value}”", "en": "the text '{value}'"},
    "got_list": {"zh": "列表", "en": "a list"},
    "got_mapping": {"zh": "“字段: 值”结构", "en": "'field: value' entries"},
    "got_nothing": {"zh": "空值", "en": "nothing"},
    "bad_date": {
        "zh": "日期应写成 YYYY-MM-DD（如 2025-03-07），收到“{value}”",
        "en": "a date must be written YYYY-MM-DD (e.g. 2025-03-07), got '{value}'",
    },
    "bad_date_value": {"zh": "日期“{value}”不存在", "en": "there is no such date as '{value}'"},
    "bad_time": {"zh": "时间应写成 HH:MM（如 14:30），收到“{value}”", "en": "a time must be written HH:MM (e.g. 14:30), got '{value}'"},
    "bad_count": {"zh": "应为不小于 0 的整数，收到“{value}”", "en": "expected a whole number of 0 or more, got '{value}'"},
    "bad_count_range": {"zh": "应在 {low} 到 {high} 之间，收到 {value}", "en": "expected a number from {low} to {high}, got {value}"},
    "bad_number": {"zh": "应为数字，收到“{value}”", "en": "expected a number, got '{value}'"},
    "bad_money": {
        "zh": "金额应为数字，最多两位小数（如 1200 或 35.50），不带货币符号和千位分隔符，收到“{value}”",
        "en": "an amount must be a number with at most two decimals (e.g. 1200 or 35.50), without currency sign or thousands separators, got '{value}'",
    },
    "money_decimals": {"zh": "金额最多两位小数，收到“{value}”", "en": "an amount has at most two decimals, got '{value}'"},
    "money_negative": {"zh": "金额不能为负数，收到“{value}”", "en": "an amount cannot be negative, got '{value}'"},
    "bad_choice": {"zh": "“{value}”不是可用的值，应为以下之一：{allowed}", "en": "'{value}' is not allowed; expected one of: {allowed}"},
    "bad_bool": {"zh": "应为“是”或“否”，收到“{value}”", "en": "expected yes or no, got '{value}'"},
    "bad_id": {
        "zh": "编号“{value}”只能包含文字、数字、连字符、下划线和点，且不能以点开头",
        "en": "the id '{value}' may hold only letters, digits, '-', '_' and '.', and may not start with '.'",
    },
    "bad_value": {"zh": "值不符合要求：{detail}", "en": "invalid value: {detail}"},
    "empty_text": {"zh": "不能为空", "en": "must not be empty"},
    "type_mismatch": {
        "zh": "记录类型“{value}”与所在栏目“{section}”不符",
        "en": "the record type '{value}' does not match its section '{section}'",
    },
    # Cross-record
    "duplicate_id": {"zh": "编号“{id}”重复，另一条记录在 {other}", "en": "the id '{id}' is used twice; the other record is {other}"},
    "missing_reference": {"zh": "引用的{kind}“{id}”不存在", "en": "the referenced {kind} '{id}' does not exist"},
    "wrong_reference": {"zh": "“{id}”是{actual}，不是{kind}", "en": "'{id}' is a {actual}, not a {kind}"},
    "missing_attachment": {
        "zh": "附件“{file}”不存在（附件应放在 content/attachments/ 下）",
        "en": "the attachment '{file}' does not exist (attachments go under content/attachments/)",
    },
    "attachment_outside": {
        "zh": "附件路径“{file}”指向 content/attachments/ 之外",
        "en": "the attachment path '{file}' points outside content/attachments/",
    },
    "unknown_section": {
        "zh": "不认识的栏目文件夹“{name}”，应为：{allowed}",
        "en": "unknown section folder '{name}'; expected one of: {allowed}",
    },
    "not_in_year_folder": {
        "zh": "记录应放在年份文件夹中，如 {expected}",
        "en": "a record belongs in a year folder, e.g. {expected}",
    },
    "year_folder_mismatch": {
        "zh": "记录日期是 {year} 年，但文件在“{folder}”文件夹中",
        "en": "the record is dated {year} but sits in the folder '{folder}'",
    },
    "no_content": {"zh": "找不到记录文件夹 {path}", "en": "the records folder {path} does not exist"},
    "no_branch": {
        "zh": "缺少 content/branch.yml（支部基本信息）",
        "en": "content/branch.yml (the branch's description) is missing",
    },
    # Config
    "config_missing": {"zh": "找不到配置文件 {path}", "en": "the configuration file {path} does not exist"},
    # Command output
    "check_ok": {"zh": "检查通过：共 {total} 条记录", "en": "check passed: {total} records"},
    "check_counts_line": {"zh": "  {label}：{count}", "en": "  {label}: {count}"},
    "problems_found": {"zh": "发现 {errors} 个错误、{warnings} 个警告", "en": "{errors} error(s), {warnings} warning(s)"},
    "warning_word": {"zh": "警告", "en": "warning"},
    "new_written": {"zh": "已创建 {path}", "en": "created {path}"},
    "new_exists": {"zh": "文件已存在：{path}", "en": "the file already exists: {path}"},
    "new_no_kind": {"zh": "此类记录没有“kind”，请去掉 --kind", "en": "this record type has no kind; drop --kind"},
    "schema_written": {"zh": "已写出 {count} 个 JSON Schema 到 {path}", "en": "wrote {count} JSON Schemas to {path}"},
    "build_summary": {"zh": "{audience}：{records} 条记录，{pages} 个页面", "en": "{audience}: {records} records, {pages} pages"},
    "build_done": {"zh": "已生成 {path}（用时 {seconds:.1f} 秒）", "en": "built {path} in {seconds:.1f} s"},
    "build_failed": {"zh": "生成失败，原有网站保持不变", "en": "the build failed; the previous site is left untouched"},
    "engine_failed": {"zh": "MkDocs 生成出错：{detail}", "en": "MkDocs failed: {detail}"},
}

# ---------------------------------------------------------------------------
# Names of record types, for counts and messages
# ---------------------------------------------------------------------------

TYPE_NAMES: dict[str, dict[str, str]] = {
    "meeting": {"zh": "会议", "en": "meeting"},
    "decision": {"zh": "决策", "en": "decision"},
    "finance": {"zh": "财务", "en": "finance record"},
    "appraisal": {"zh": "评议", "en": "appraisal"},
    "notice": {"zh": "公示", "en": "notice"},
    "branch": {"zh": "支部信息", "en": "branch description"},
}


class Messages:
    """Translates message keys for one language: ``messages("missing")``."""

    def __init__(self, language: str = "zh"):
        self.language = language if language in LANGUAGES else "zh"

    def __call__(self, key: str, **values: Any) -> str:
        entry = MESSAGES.get(key)
        if entry is None:
            raise KeyError(f"no message {key!r}")
        return entry[self.language].format(**values)

    def type_name(self, record_type: str) -> str:
        return TYPE_NAMES[record_type][self.language]

    def join(self, words: list[str]) -> str:
        return ("、" if self.language == "zh" else ", ").join(words)


def translator(language: str) -> Callable[..., str]:
    return Messages(language)
