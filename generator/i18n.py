"""The one translation table: every message and label OpenBranch prints.

Chinese (``zh``) is the default language, English (``en``) the other one.
Messages are ``str.format`` templates; labels are plain words used by the
page templates through ``t(key)``.
"""

from __future__ import annotations

from typing import Any

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
    "control_character": {
        "zh": "第 {position} 个字符是不可见的控制字符（{code}），可能是从 Word 或微信粘贴带入的，请删除",
        "en": "character {position} is an invisible control character ({code}), probably pasted from Word or WeChat; delete it",
    },
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
    "attachment_too_large": {
        "zh": "附件“{file}”大小为 {size_mb} MB，超过 {limit_mb} MB 的上限，请压缩后再公开",
        "en": "the attachment '{file}' is {size_mb} MB, over the {limit_mb} MB limit; compress it before publishing",
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
    # Rules a higher-level committee checks
    "rule_closing_balance": {
        "zh": "期末结余 {closing} 与计算结果不符：期初 {opening} + 收入 {income} − 支出 {expenses} = {expected}",
        "en": "the closing balance {closing} does not add up: opening {opening} + income {income} − expenses {expenses} = {expected}",
    },
    "rule_opening_balance": {
        "zh": "期初结余 {opening} 应等于上一期（{previous}）的期末结余 {closing}",
        "en": "the opening balance {opening} should equal the previous period's ({previous}) closing balance {closing}",
    },
    "rule_decision_not_adopted": {
        "zh": "审批该支出的决策“{id}”的结果是“{result}”，未获通过",
        "en": "the approving decision '{id}' was not adopted (result: {result})",
    },
    "rule_grades_exceed": {
        "zh": "各等次人数合计 {total} 人，超过参评党员 {members} 人",
        "en": "the grade counts add up to {total}, more than the {members} members appraised",
    },
    "rule_excellent_cap": {
        "zh": "“优秀”{count} 人，超过参评党员 {members} 人的 {share}（最多 {limit} 人）",
        "en": "{count} graded excellent, more than {share} of the {members} members (at most {limit})",
    },
    "rule_vote_exceeds": {
        "zh": "表决票数合计 {cast}，超过会议“{meeting}”的出席人数 {present}",
        "en": "{cast} votes were cast, more than the {present} present at the meeting '{meeting}'",
    },
    "rule_no_majority": {
        "zh": "赞成票 {votes} 未超过出席人数 {present} 的半数，不能记为“通过”",
        "en": "{votes} votes for is not more than half of the {present} present; the decision cannot be adopted",
    },
    "rule_quorum": {
        "zh": "会议“{meeting}”出席 {present} 人，应到 {eligible} 人，未超过 {share}，不足以作出决定",
        "en": "the meeting '{meeting}' had {present} of {eligible} present, not more than {share}: too few to decide",
    },
    "rule_notice_order": {"zh": "公示结束日期 {end} 早于开始日期 {start}", "en": "the notice ends ({end}) before it starts ({start})"},
    "rule_notice_short": {
        "zh": "公示期只有 {days} 个工作日，少于规定的 {required} 个工作日",
        "en": "the notice runs {days} working days, fewer than the required {required}",
    },
    "rule_term_ended": {
        "zh": "支部委员会任期已于 {end} 届满，尚未记录换届选举",
        "en": "the committee's term ended on {end} and no election is recorded",
    },
    "pii_id_number": {
        "zh": "含有居民身份证号码，不能公开；请删除或打码（如 3301**********1234）",
        "en": "contains a resident ID number, which must not be published; remove or mask it",
    },
    "pii_mobile": {
        "zh": "含有手机号码；请删除或打码，若确需公开（如支部联系电话），请在 numbers_ok 中列出此字段",
        "en": "contains a mobile phone number; remove or mask it, or list this field under numbers_ok if it is meant to be published",
    },
    "pii_bank_card": {
        "zh": "含有银行卡号，不能公开；请删除或打码",
        "en": "contains a bank card number, which must not be published; remove or mask it",
    },
    "previous_unreadable": {"zh": "无法读取上次生成的记录索引：{reason}", "en": "cannot read the last build's record index: {reason}"},
    "previous_id_gone": {
        "zh": "上次发布的记录“{id}”（{url}）已不存在，其网址将失效；如果只是改了文件名，请在新文件中写上 id: {id}",
        "en": "the record '{id}' ({url}) published by the last build is gone and its address will break; if the file was only renamed, add id: {id} to it",
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
    "audience_label_public": {"zh": "公开网站", "en": "public site"},
    "audience_label_members": {"zh": "党内网站", "en": "members' site"},
    "build_summary": {
        "zh": "{audience}：{records} 条记录，{pages} 个页面（{counts}）",
        "en": "{audience}: {records} records, {pages} pages ({counts})",
    },
    "progress_loading": {"zh": "读取并检查记录……", "en": "loading and checking records…"},
    "progress_compiling": {"zh": "{audience}：编译页面……", "en": "{audience}: compiling pages…"},
    "progress_rendering": {"zh": "{audience}：生成 {done}/{total} 页", "en": "{audience}: rendering {done}/{total} pages"},
    "progress_rendered": {"zh": "{audience}：已生成 {total} 页", "en": "{audience}: {total} pages rendered"},
    "build_reuse": {
        "zh": "  {audience}：重新生成 {rendered} 页，沿用未变的 {reused} 页",
        "en": "  {audience}: {rendered} pages rendered, {reused} unchanged pages reused",
    },
    "build_timings": {"zh": "各阶段用时：{timings}", "en": "time per stage: {timings}"},
    "timing_check": {"zh": "读取与检查", "en": "load + check"},
    "timing_compile": {"zh": "编译{audience}", "en": "compile {audience}"},
    "timing_render": {"zh": "生成{audience}", "en": "render {audience}"},
    "timing_search": {"zh": "索引{audience}", "en": "search index {audience}"},
    "progress_indexing": {"zh": "{audience}：建立搜索索引……", "en": "{audience}: indexing for search…"},
    "build_done": {"zh": "已生成 {path}（用时 {seconds:.1f} 秒）", "en": "built {path} in {seconds:.1f} s"},
    "build_failed": {"zh": "生成失败，原有网站保持不变", "en": "the build failed; the previous site is left untouched"},
    "engine_failed": {"zh": "{engine} 生成出错：{detail}", "en": "{engine} failed: {detail}"},
    "engine_missing": {
        "zh": "--engine {engine}：{name} 未安装。请运行 pip install 'openbranch[{engine}]' 安装后重试",
        "en": "--engine {engine}: {name} is not installed. Install it with pip install 'openbranch[{engine}]' and try again",
    },
    "search_failed": {"zh": "建立站内搜索索引（Pagefind）出错：{detail}", "en": "Building the search index (Pagefind) failed: {detail}"},
    # ---- openbranch init and placeholders (generator/scaffold/, generator/records/placeholders.py) ----
    "placeholder_left": {
        "zh": "尚未填写：{what}（请把“【请填写：…】”换成实际内容）",
        "en": "not filled in yet: {what} (replace the '【fill in: …】' with the real value)",
    },
    "init_not_empty": {
        "zh": "文件夹 {path} 不是空的。要在其中写入，请加 --force（同名文件会被覆盖，其他文件保持不变）",
        "en": "the folder {path} is not empty. To write into it anyway, add --force (files of the same name are overwritten, others are left alone)",
    },
    "init_not_folder": {"zh": "{path} 不是文件夹", "en": "{path} is not a folder"},
    "init_written": {"zh": "已在 {path} 创建支部网站仓库（{count} 个文件）", "en": "wrote a branch site repository in {path} ({count} files)"},
    "init_overwritten": {"zh": "覆盖了以下 {count} 个原有文件：", "en": "overwrote these {count} existing files:"},
    "init_next_steps": {
        "zh": "下一步：\n  1. 把 content/branch.yml 中的“【请填写：…】”换成实际内容（openbranch check 会逐条提示）\n  2. 看 README.md：添加记录、检查、预览、发布\n  3. 用 git 提交并推送，CI 会检查记录、生成并发布网站",
        "en": "Next:\n  1. Replace each '【fill in: …】' in content/branch.yml (openbranch check lists every one)\n  2. Read README.md: add a record, check, preview, publish\n  3. Commit and push with git; CI checks the records, builds and publishes the sites",
    },
    # ---- end of openbranch init ----
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

    def __call__(self, key: str, /, **values: Any) -> str:
        entry = MESSAGES.get(key)
        if entry is None:
            raise KeyError(f"no message {key!r}")
        return entry[self.language].format(**values)

    def type_name(self, record_type: str) -> str:
        return TYPE_NAMES[record_type][self.language]

    def join(self, words: list[str]) -> str:
        return ("、" if self.language == "zh" else ", ").join(words)


# ---------------------------------------------------------------------------
# Labels: every word the page templates print
# ---------------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    # Site and navigation
    "home": {"zh": "首页", "en": "Home"},
    "audience_public": {"zh": "党外公开", "en": "Public disclosure"},
    "audience_members": {"zh": "党内公开（仅限党员）", "en": "Within the party (members only)"},
    "audience_public_note": {"zh": "本网站面向社会公开", "en": "This site is open to the public"},
    "audience_members_note": {"zh": "本网站仅供本支部党员查阅，请勿外传", "en": "This site is for the branch's members only; do not pass it on"},
    "section_meetings": {"zh": "会议", "en": "Meetings"},
    "section_decisions": {"zh": "决策", "en": "Decisions"},
    "section_finances": {"zh": "财务", "en": "Finances"},
    "section_appraisals": {"zh": "评议", "en": "Appraisals"},
    "section_notices": {"zh": "公示", "en": "Notices"},
    "tags": {"zh": "标签", "en": "Tags"},
    "tag": {"zh": "标签", "en": "Tag"},
    "all_tags": {"zh": "全部标签", "en": "All tags"},
    "records_tagged": {"zh": "带有此标签的记录", "en": "Records with this tag"},
    "by_year": {"zh": "按年份", "en": "By year"},
    "by_kind": {"zh": "按类别", "en": "By kind"},
    "year_heading": {"zh": "{year}年", "en": "{year}"},
    "no_records": {"zh": "暂无记录", "en": "No records yet"},
    "count_records": {"zh": "共 {count} 条", "en": "{count} records"},
    "records_range": {"zh": "第 {first}–{last} 条，共 {total} 条", "en": "{first}–{last} of {total} records"},
    "page_number": {"zh": "第 {number} 页", "en": "page {number}"},
    "pages": {"zh": "分页", "en": "Pages"},
    "previous_page": {"zh": "上一页", "en": "Previous"},
    "next_page": {"zh": "下一页", "en": "Next"},
    "by_year": {"zh": "按年份", "en": "By year"},
    "newest_records": {"zh": "最新 {count} 条", "en": "Newest {count}"},
    "back_to_section": {"zh": "返回{section}", "en": "Back to {section}"},
    # Home
    "branch": {"zh": "支部概况", "en": "The branch"},
    "parent_org": {"zh": "上级党组织", "en": "Parent organization"},
    "committee": {"zh": "支部委员会", "en": "Branch committee"},
    "term": {"zh": "任期", "en": "Term"},
    "groups": {"zh": "党小组", "en": "Party groups"},
    "members_count": {"zh": "党员人数", "en": "Members"},
    "contact": {"zh": "联系方式", "en": "Contact"},
    "open_notices": {"zh": "正在公示", "en": "Open notices"},
    "no_open_notices": {"zh": "目前没有正在进行的公示", "en": "No notice is open now"},
    "latest": {"zh": "最新公开", "en": "Latest disclosures"},
    "upcoming": {"zh": "近期会议", "en": "Upcoming meetings"},
    "no_upcoming": {"zh": "暂无已安排的会议", "en": "No meeting scheduled"},
    "year_figures": {"zh": "{year}年主要数据", "en": "Key figures {year}"},
    "meetings_held": {"zh": "已召开会议", "en": "Meetings held"},
    "decisions_made": {"zh": "作出决策", "en": "Decisions"},
    "dues_rate": {"zh": "党费收缴率", "en": "Dues collection rate"},
    "balance": {"zh": "经费结余", "en": "Funds balance"},
    "as_of": {"zh": "截至{what}", "en": "as of {what}"},
    # Common record fields
    "date": {"zh": "日期", "en": "Date"},
    "title": {"zh": "标题", "en": "Title"},
    "kind": {"zh": "类别", "en": "Kind"},
    "visibility": {"zh": "公开范围", "en": "Disclosure"},
    "visibility_public": {"zh": "党外公开", "en": "Public"},
    "visibility_members": {"zh": "党内公开", "en": "Within the party"},
    "tags_label": {"zh": "标签", "en": "Tags"},
    "attachments": {"zh": "附件", "en": "Attachments"},
    "size": {"zh": "大小", "en": "Size"},
    "sha256": {"zh": "SHA-256 校验值", "en": "SHA-256"},
    "approval": {"zh": "公开审批", "en": "Disclosure approval"},
    "proposed_by": {"zh": "提出", "en": "Proposed by"},
    "reviewed_by": {"zh": "保密审查", "en": "Confidentiality review"},
    "approved_by": {"zh": "审批", "en": "Approved by"},
    "approved_on": {"zh": "审批日期", "en": "Approved on"},
    "corrections": {"zh": "更正说明", "en": "Corrections"},
    "change": {"zh": "更正内容", "en": "What changed"},
    "reason": {"zh": "原因", "en": "Why"},
    "first_published": {"zh": "首次发布", "en": "First published"},
    "last_changed": {"zh": "最后更新", "en": "Last changed"},
    "related": {"zh": "相关记录", "en": "Related records"},
    "details": {"zh": "基本信息", "en": "Details"},
    "content": {"zh": "正文", "en": "Text"},
    # Meetings
    "time": {"zh": "时间", "en": "Time"},
    "location": {"zh": "地点", "en": "Place"},
    "chair": {"zh": "主持人", "en": "Chair"},
    "recorder": {"zh": "记录人", "en": "Recorder"},
    "group": {"zh": "党小组", "en": "Party group"},
    "attendance": {"zh": "出席情况", "en": "Attendance"},
    "present": {"zh": "出席", "en": "Present"},
    "absent": {"zh": "缺席", "en": "Absent"},
    "attendance_rate": {"zh": "出席率", "en": "Attendance rate"},
    "attendees": {"zh": "出席人员", "en": "Present"},
    "absentees": {"zh": "缺席人员", "en": "Absent"},
    "guests": {"zh": "列席人员", "en": "Guests"},
    "persons": {"zh": "{count} 人", "en": "{count}"},
    "agenda": {"zh": "会议议程", "en": "Agenda"},
    "minutes": {"zh": "会议记录", "en": "Minutes"},
    "speaker": {"zh": "主讲人", "en": "Speaker"},
    "topic": {"zh": "党课主题", "en": "Topic"},
    "topics": {"zh": "批评与自我批评主题", "en": "Criticism and self-criticism topics"},
    "rectification": {"zh": "整改事项", "en": "Rectification items"},
    "item": {"zh": "事项", "en": "Item"},
    "owner": {"zh": "责任人", "en": "Owner"},
    "due": {"zh": "完成时限", "en": "Due"},
    "status": {"zh": "状态", "en": "Status"},
    "done_on": {"zh": "完成日期", "en": "Done on"},
    "decisions_taken": {"zh": "会议作出的决策", "en": "Decisions taken"},
    "scheduled": {"zh": "尚未召开", "en": "Scheduled"},
    # Decisions
    "meeting": {"zh": "决策会议", "en": "Decided at"},
    "category": {"zh": "事项类别", "en": "Category"},
    "background": {"zh": "背景", "en": "Background"},
    "consultation": {"zh": "征求意见", "en": "Consultation"},
    "method": {"zh": "方式", "en": "Method"},
    "period": {"zh": "时间", "en": "Period"},
    "participants": {"zh": "参与人数", "en": "Participants"},
    "opinions": {"zh": "收到意见", "en": "Opinions received"},
    "summary": {"zh": "意见摘要", "en": "Summary"},
    "vote": {"zh": "表决情况", "en": "Vote"},
    "vote_for": {"zh": "赞成", "en": "For"},
    "vote_against": {"zh": "反对", "en": "Against"},
    "vote_abstain": {"zh": "弃权", "en": "Abstain"},
    "result": {"zh": "表决结果", "en": "Result"},
    "follow_up": {"zh": "落实情况", "en": "Follow-up"},
    "action": {"zh": "落实措施", "en": "Action"},
    "funded_by": {"zh": "相关经费支出", "en": "Expenses it approved"},
    # Finances
    "dues_ledger": {"zh": "党费收缴", "en": "Dues"},
    "month": {"zh": "月份", "en": "Month"},
    "month_n": {"zh": "{n}月", "en": "{name}"},
    "members": {"zh": "党员人数", "en": "Members"},
    "due_amount": {"zh": "应缴（元）", "en": "Due (yuan)"},
    "paid_amount": {"zh": "实缴（元）", "en": "Paid (yuan)"},
    "collection_rate": {"zh": "收缴率", "en": "Collection rate"},
    "total": {"zh": "合计", "en": "Total"},
    "opening_balance": {"zh": "期初结余", "en": "Opening balance"},
    "closing_balance": {"zh": "期末结余", "en": "Closing balance"},
    "income": {"zh": "收入", "en": "Income"},
    "expenses": {"zh": "支出", "en": "Expenses"},
    "source": {"zh": "来源", "en": "Source"},
    "amount": {"zh": "金额（元）", "en": "Amount (yuan)"},
    "expense_item": {"zh": "支出事项", "en": "Item"},
    "expense_category": {"zh": "类别", "en": "Category"},
    "approver": {"zh": "审批人", "en": "Approved by"},
    "approving_decision": {"zh": "审批决策", "en": "Approving decision"},
    "receipts": {"zh": "票据", "en": "Receipts"},
    "by_category": {"zh": "支出分类", "en": "Expenses by category"},
    "summary_table": {"zh": "收支概况", "en": "Summary"},
    "audit": {"zh": "审计", "en": "Audit"},
    "auditor": {"zh": "审计人", "en": "Auditor"},
    "finding": {"zh": "审计意见", "en": "Finding"},
    "yuan": {"zh": "{amount} 元", "en": "¥{amount}"},
    "not_disclosed": {"zh": "（未公开）", "en": "(not disclosed)"},
    # Appraisals
    "members_appraised": {"zh": "参评党员", "en": "Members appraised"},
    "steps": {"zh": "评议程序", "en": "Procedure"},
    "step": {"zh": "步骤", "en": "Step"},
    "results": {"zh": "评定结果", "en": "Results"},
    "grade": {"zh": "等次", "en": "Grade"},
    "count": {"zh": "人数", "en": "Count"},
    "share": {"zh": "占比", "en": "Share"},
    "excellent_members": {"zh": "优秀党员", "en": "Outstanding members"},
    "rating": {"zh": "支部评定等级", "en": "Branch rating"},
    "indicators": {"zh": "考核指标", "en": "Indicators"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "target": {"zh": "目标", "en": "Target"},
    "actual": {"zh": "完成", "en": "Achieved"},
    "unit": {"zh": "单位", "en": "Unit"},
    "met": {"zh": "达标", "en": "Met"},
    "not_met": {"zh": "未达标", "en": "Not met"},
    "measures": {"zh": "整改措施", "en": "Rectification measures"},
    # Notices
    "notice_period": {"zh": "公示期", "en": "Publicity period"},
    "notice_open": {"zh": "公示中，还剩 {days} 天", "en": "Open, {days} day(s) left"},
    "notice_closed": {"zh": "公示已结束", "en": "Closed"},
    "notice_upcoming": {"zh": "尚未开始", "en": "Not yet open"},
    "stage": {"zh": "阶段", "en": "Stage"},
    "subjects": {"zh": "公示对象", "en": "Subjects"},
    "name": {"zh": "姓名", "en": "Name"},
    "detail": {"zh": "基本情况", "en": "Details"},
    "objections": {"zh": "意见反映渠道", "en": "Where to raise objections"},
    "objections_note": {
        "zh": "公示期间，如对公示对象有不同意见，可通过以下方式反映：",
        "en": "During the publicity period, objections may be raised here:",
    },
    "until": {"zh": "截止 {date}", "en": "until {date}"},
    "date_range": {"zh": "{start} 至 {end}", "en": "{start} to {end}"},
    # Reports
    "year": {"zh": "年度", "en": "Year"},
    "regularity": {"zh": "三会一课落实情况", "en": "Regularity of meetings"},
    "regularity_short": {"zh": "三会一课", "en": "Regularity"},
    "regularity_note_public": {
        "zh": "本页只统计向社会公开的会议记录；党内会议在党内网站统计。",
        "en": "This page counts only meetings disclosed to the public; meetings within the party are counted on the members' site.",
    },
    "regularity_rate": {"zh": "落实率", "en": "Rate"},
    "required": {"zh": "要求", "en": "Required"},
    "per_month": {"zh": "每月 {count} 次", "en": "{count} a month"},
    "per_quarter": {"zh": "每季度 {count} 次", "en": "{count} a quarter"},
    "per_year": {"zh": "每年 {count} 次", "en": "{count} a year"},
    "cell_held": {"zh": "已召开", "en": "held"},
    "cell_missed": {"zh": "未召开", "en": "missed"},
    "cell_partial": {"zh": "次数不足", "en": "too few"},
    "cell_upcoming": {"zh": "未到期", "en": "to come"},
    "cell_norecords": {"zh": "无记录期间", "en": "before the records"},
    "quarter_n": {"zh": "第{cn}季度", "en": "Q{n}"},
    "month_short": {"zh": "{n}月", "en": "{n}"},
    "whole_year": {"zh": "全年", "en": "Year"},
    "legend": {"zh": "图例", "en": "Legend"},
    "overdue": {"zh": "已逾期", "en": "overdue"},
    "all_rectification": {"zh": "整改事项落实情况", "en": "Rectification items"},
    "meeting_of_item": {"zh": "来源会议", "en": "Meeting"},
    "count_meetings": {"zh": "会议次数", "en": "Meetings"},
    "count_people": {"zh": "人数", "en": "People"},
    "yuan_unit": {"zh": "元", "en": "yuan"},
    "meetings_chart": {"zh": "各类会议召开次数", "en": "Meetings held per kind"},
    "funds_overview": {"zh": "经费收支（按年度）", "en": "Funds by year"},
    "funds_chart": {"zh": "各期收入与支出", "en": "Income and spending per period"},
    "dues_chart": {"zh": "{year}年党费逐月收缴", "en": "Dues collected per month, {year}"},
    "per_member": {"zh": "人均党建经费", "en": "Funding per member"},
    "norm": {"zh": "标准", "en": "Norm"},
    "norm_per_member": {"zh": "每名党员每年不少于 {amount} 元", "en": "at least {amount} yuan per member per year"},
    "meets_norm": {"zh": "达到标准", "en": "meets the norm"},
    "below_norm": {"zh": "低于标准", "en": "below the norm"},
    "ledgers": {"zh": "账目", "en": "Ledgers"},
    "grades_chart": {"zh": "民主评议等次分布", "en": "Grade distribution"},
    "grade_history": {"zh": "历年评议结果", "en": "Appraisal results across years"},
    "ratings": {"zh": "支部评定等级", "en": "Branch ratings"},
    "chart_table": {"zh": "图表数据", "en": "Chart data"},
    "open_data": {"zh": "开放数据", "en": "Open data"},
    "open_data_intro": {
        "zh": "本网站公开的全部记录也以数据文件提供，可供下载、订阅和核对。文件只包含本网站读者可以查看的记录。",
        "en": "Every record on this site is also available as data to download, subscribe to and check. The files hold only the records this site's readers may see.",
    },
    "subscribe": {"zh": "订阅", "en": "Subscribe"},
    "feed_all": {"zh": "全部公开内容（Atom）", "en": "All disclosures (Atom)"},
    "feed_section": {"zh": "{section}（Atom）", "en": "{section} (Atom)"},
    "feed_calendar": {"zh": "会议日历（iCalendar，可导入手机日历）", "en": "Meeting calendar (iCalendar)"},
    "files": {"zh": "数据文件", "en": "Data files"},
    "file": {"zh": "文件", "en": "File"},
    "format": {"zh": "格式", "en": "Format"},
    "description": {"zh": "说明", "en": "Description"},
    "columns": {"zh": "字段", "en": "Columns"},
    "board": {"zh": "公开栏", "en": "Print board"},
    "board_title": {"zh": "{year}年{quarter}党务公开", "en": "Party affairs disclosure, {quarter} {year}"},
    "board_intro": {
        "zh": "以下每页可直接打印张贴在党务公开栏（A4 或 A3 纸），扫描二维码可在手机上查看记录全文。",
        "en": "Each page below prints for the disclosure board (A4 or A3); scan a QR code to read the full record on a phone.",
    },
    "board_items": {"zh": "共 {count} 项公开内容", "en": "{count} disclosures"},
    "board_scan": {"zh": "扫码查看全文", "en": "Scan for the full record"},
    "board_print": {"zh": "打印本页", "en": "Print this page"},
    "board_footer": {"zh": "{branch} · {audience} · 打印自 {site}", "en": "{branch} · {audience} · printed from {site}"},
    # Footer
    "generated_by": {"zh": "由 OpenBranch 生成", "en": "Made with OpenBranch"},
}

MONTH_NAMES_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


class Labels:
    """The label table for one language, as the templates use it: ``t("agenda")``."""

    def __init__(self, language: str = "zh"):
        self.language = language if language in LANGUAGES else "zh"

    def __call__(self, key: str, **values: Any) -> str:
        entry = LABELS.get(key)
        if entry is None:
            raise KeyError(f"no label {key!r}")
        text = entry[self.language]
        return text.format(**values) if values else text

    def enum(self, enumeration: str, value: str | None) -> str:
        """An enumeration value in the site's language (the stored value is English)."""
        from .records.schema import ENUMERATIONS

        if value is None:
            return ""
        if self.language == "zh":
            return ENUMERATIONS[enumeration].get(value, value)
        return value.replace("_", " ").capitalize()

    def date(self, value) -> str:
        if value is None:
            return ""
        if self.language == "zh":
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {MONTH_NAMES_EN[value.month - 1]} {value.year}"

    def quarter(self, n: int) -> str:
        """第一季度 … 第四季度 / Q1 … Q4."""
        return self("quarter_n", n=n, cn="一二三四"[n - 1] if 1 <= n <= 4 else str(n))

    def month(self, n: int) -> str:
        return self("month_n", n=n, name=MONTH_NAMES_EN[n - 1] if 1 <= n <= 12 else str(n))
