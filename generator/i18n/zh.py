"""Chinese (zh), the default language: every message, label and form text, by key.

The keys are the same in every language (tests/test_i18n.py checks it); the lookup is in ``generator.i18n``.
"""

MESSAGES: dict[str, str] = {
    # Files and YAML
    "file_unreadable": "无法读取文件：{reason}",
    "file_too_large": "文件过大（{size_kb} KB），记录文件不能超过 {limit_kb} KB",
    "file_not_utf8": "文件不是 UTF-8 编码（可能是 Windows 记事本保存的 GBK/ANSI 编码）。请在编辑器中选择“另存为”，编码选 UTF-8 后重新保存",
    "file_utf16": "文件是 UTF-16 编码。请在编辑器中选择“另存为”，编码选 UTF-8 后重新保存",
    "yaml_syntax": "YAML 格式错误：{problem}",
    "yaml_tab": "缩进中有制表符（Tab），请改用空格缩进",
    "yaml_colon": "此处不能出现冒号；若值中含有冒号，请给整个值加上引号",
    "yaml_missing_colon": "缺少冒号“:”，或缩进不一致",
    "yaml_unclosed_quote": "文件意外结束，可能有未闭合的引号或括号",
    "yaml_indent": "缩进不一致，请检查这一行与上一行的对齐",
    "yaml_multi_doc": "一个文件只能包含一条记录（不要使用 ---）",
    "yaml_alias": "不支持 YAML 锚点和别名（& 和 *），请直接写出内容",
    "yaml_too_deep": "嵌套层级过深（超过 {limit} 层）",
    "yaml_complex_key": "字段名必须是简单文字",
    "yaml_duplicate_key": "字段“{key}”重复出现",
    "not_a_mapping": "记录文件的内容应为“字段: 值”的形式",
    "empty_file": "文件是空的",
    # Schema
    "missing": "缺少必填字段",
    "unknown_field": "未知字段“{name}”",
    "did_you_mean": "，是否应为“{suggestion}”？",
    "allowed_fields": "（可用字段：{fields}）",
    "expected_text": "应为文字，收到的是{got}",
    "expected_list": "应为列表（每项以“- ”开头），收到的是{got}",
    "expected_mapping": "应为“字段: 值”的结构，收到的是{got}",
    "got_text": "文字“{value}”",
    "got_list": "列表",
    "got_mapping": "“字段: 值”结构",
    "got_nothing": "空值",
    "bad_date": "日期应写成 YYYY-MM-DD（如 2025-03-07），收到“{value}”",
    "bad_date_value": "日期“{value}”不存在",
    "bad_time": "时间应写成 HH:MM（如 14:30），收到“{value}”",
    "bad_count": "应为不小于 0 的整数，收到“{value}”",
    "bad_count_range": "应在 {low} 到 {high} 之间，收到 {value}",
    "bad_number": "应为数字，收到“{value}”",
    "bad_money": "金额应为数字，最多两位小数（如 1200 或 35.50），不带货币符号和千位分隔符，收到“{value}”",
    "money_decimals": "金额最多两位小数，收到“{value}”",
    "money_negative": "金额不能为负数，收到“{value}”",
    "bad_choice": "“{value}”不是可用的值，应为以下之一：{allowed}",
    "bad_id": "编号“{value}”只能包含文字、数字、连字符、下划线和点，且不能以点开头",
    "bad_value": "值不符合要求：{detail}",
    "control_character": "第 {position} 个字符是不可见的控制字符（{code}），可能是从 Word 或微信粘贴带入的，请删除",
    "empty_text": "不能为空",
    "type_mismatch": "记录类型“{value}”与所在栏目“{section}”不符",
    # Cross-record
    "duplicate_id": "编号“{id}”重复，另一条记录在 {other}",
    "missing_reference": "引用的{kind}“{id}”不存在",
    "wrong_reference": "“{id}”是{actual}，不是{kind}",
    "missing_attachment": "附件“{file}”不存在（附件应放在 content/attachments/ 下）",
    "attachment_outside": "附件路径“{file}”指向 content/attachments/ 之外",
    "attachment_too_large": "附件“{file}”大小为 {size_mb} MB，超过 {limit_mb} MB 的上限，请压缩后再公开",
    "unknown_section": "不认识的栏目文件夹“{name}”，应为：{allowed}",
    "not_in_year_folder": "记录应放在年份文件夹中，如 {expected}",
    "year_folder_mismatch": "记录日期是 {year} 年，但文件在“{folder}”文件夹中",
    "no_content": "找不到记录文件夹 {path}",
    "no_branch": "缺少 content/branch.yml（支部基本信息）",
    # Rules a higher-level committee checks
    "rule_closing_balance": "期末结余 {closing} 与计算结果不符：期初 {opening} + 收入 {income} − 支出 {expenses} = {expected}",
    "rule_opening_balance": "期初结余 {opening} 应等于上一期（{previous}）的期末结余 {closing}",
    "rule_decision_not_adopted": "审批该支出的决策“{id}”的结果是“{result}”，未获通过",
    "rule_grades_exceed": "各等次人数合计 {total} 人，超过参评党员 {members} 人",
    "rule_excellent_cap": "“优秀”{count} 人，超过参评党员 {members} 人的 {share}（最多 {limit} 人）",
    "rule_vote_exceeds": "表决票数合计 {cast}，超过会议“{meeting}”的出席人数 {present}",
    "rule_no_majority": "赞成票 {votes} 未超过出席人数 {present} 的半数，不能记为“通过”",
    "rule_quorum": "会议“{meeting}”出席 {present} 人，应到 {eligible} 人，未超过 {share}，不足以作出决定",
    "rule_notice_order": "公示结束日期 {end} 早于开始日期 {start}",
    "rule_notice_short": "公示期只有 {days} 个工作日，少于规定的 {required} 个工作日",
    "rule_term_ended": "支部委员会任期已于 {end} 届满，尚未记录换届选举",
    "pii_id_number": "含有居民身份证号码，不能公开；请删除或打码（如 3301**********1234）",
    "pii_mobile": "含有手机号码；请删除或打码，若确需公开（如支部联系电话），请在 numbers_ok 中列出此字段",
    "pii_bank_card": "含有银行卡号，不能公开；请删除或打码",
    "previous_unreadable": "无法读取上次生成的记录索引：{reason}",
    "previous_id_gone": "上次发布的记录“{id}”（{url}）已不存在，其网址将失效；如果只是改了文件名，请在新文件中写上 id: {id}",
    # Config
    "config_missing": "找不到配置文件 {path}",
    # Command output
    "check_ok": "检查通过：共 {total} 条记录",
    "check_counts_line": "  {label}：{count}",
    "problems_found": "发现 {errors} 个错误、{warnings} 个警告",
    "warning_word": "警告",
    "new_no_kind": "此类记录没有“kind”，请去掉 --kind",
    "schema_written": "已写出 {count} 个 JSON Schema 到 {path}",
    "audience_label_public": "公开网站",
    "audience_label_members": "党内网站",
    "build_summary": "{audience}：{records} 条记录，{pages} 个页面（{counts}）",
    "progress_loading": "读取并检查记录……",
    "progress_compiling": "{audience}：编译页面……",
    "progress_rendering": "{audience}：生成 {done}/{total} 页",
    "progress_rendered": "{audience}：已生成 {total} 页",
    "build_reuse": "  {audience}：重新生成 {rendered} 页，沿用未变的 {reused} 页",
    "build_timings": "各阶段用时：{timings}",
    "timing_inputs": "核对输入",
    "timing_check": "读取与检查",
    "timing_compile": "编译{audience}",
    "timing_render": "生成{audience}",
    "timing_search": "索引{audience}",
    "progress_indexing": "{audience}：建立搜索索引……",
    "build_done": "已生成 {path}（用时 {seconds:.1f} 秒）",
    "build_failed": "生成失败，原有网站保持不变",
    "engine_failed": "{engine} 生成出错：{detail}",
    "engine_missing": "--engine {engine}：{name} 未安装。请运行 pip install 'openbranch[{engine}]' 安装后重试",
    "search_failed": "建立站内搜索索引（Pagefind）出错：{detail}",
    # openbranch init (generator/scaffold/) and placeholders (generator/records/placeholders.py)
    "placeholder_left": "尚未填写：{what}（请把“【请填写：…】”换成实际内容）",
    "init_not_empty": "文件夹 {path} 不是空的。要在其中写入，请加 --force（同名文件会被覆盖，其他文件保持不变）",
    "init_not_folder": "{path} 不是文件夹",
    "init_written": "已在 {path} 创建支部网站仓库（{count} 个文件）",
    "init_overwritten": "覆盖了以下 {count} 个原有文件：",
    "init_next_steps": "下一步：\n  1. 把 content/branch.yml 中的“【请填写：…】”换成实际内容（openbranch check 会逐条提示）\n  2. 看 README.md：添加记录、检查、预览、发布\n  3. 用 git 提交并推送，CI 会检查记录、生成并发布网站",
    "list_separator": "、",
    "new_title": "{type}",
    "timing_seconds": "{label} {seconds:.1f} 秒",
}

LABELS: dict[str, str] = {
    # Site and navigation
    "home": "首页",
    "audience_public": "党外公开",
    "audience_members": "党内公开（仅限党员）",
    "audience_public_note": "本网站面向社会公开",
    "audience_members_note": "本网站仅供本支部党员查阅，请勿外传",
    "section_meetings": "会议",
    "section_decisions": "决策",
    "section_finances": "财务",
    "section_appraisals": "评议",
    "section_notices": "公示",
    "tags": "标签",
    "tag_title": "标签：{tag}",
    "all_tags": "全部标签",
    "by_year": "按年份",
    "by_kind": "按类别",
    "year_heading": "{year}年",
    "no_records": "暂无记录",
    "count_records": "共 {count} 条",
    "records_range": "第 {first}–{last} 条，共 {total} 条",
    "page_number": "第 {number} 页",
    "pages": "分页",
    "previous_page": "上一页",
    "next_page": "下一页",
    "newest_records": "最新 {count} 条",
    # Home
    "branch": "支部概况",
    "parent_org": "上级党组织",
    "committee": "支部委员会",
    "term": "任期",
    "groups": "党小组",
    "members_count": "党员人数",
    "contact": "联系方式",
    "open_notices": "正在公示",
    "no_open_notices": "目前没有正在进行的公示",
    "latest": "最新公开",
    "upcoming": "近期会议",
    "no_upcoming": "暂无已安排的会议",
    "year_figures": "{year}年主要数据",
    "meetings_held": "已召开会议",
    "decisions_made": "作出决策",
    "dues_rate": "党费收缴率",
    "balance": "经费结余",
    "as_of": "截至{what}",
    # Common record fields
    "date": "日期",
    "date_long": "{year}年{month}月{day}日",
    "title": "标题",
    "kind": "类别",
    "visibility_public": "党外公开",
    "visibility_members": "党内公开",
    "tags_label": "标签",
    "attachments": "附件",
    "size": "大小",
    "sha256": "SHA-256 校验值",
    "approval": "公开审批",
    "proposed_by": "提出",
    "reviewed_by": "保密审查",
    "approved_by": "审批",
    "approved_on": "审批日期",
    "corrections": "更正说明",
    "reason": "原因",
    "first_published": "首次发布",
    "last_changed": "最后更新",
    "details": "基本信息",
    "content": "正文",
    # Meetings
    "time": "时间",
    "location": "地点",
    "chair": "主持人",
    "recorder": "记录人",
    "group": "党小组",
    "attendance": "出席情况",
    "present": "出席",
    "absent": "缺席",
    "attendance_rate": "出席率",
    "attendees": "出席人员",
    "absentees": "缺席人员",
    "guests": "列席人员",
    "persons": "{count} 人",
    "agenda": "会议议程",
    "minutes": "会议记录",
    "speaker": "主讲人",
    "topic": "党课主题",
    "topics": "批评与自我批评主题",
    "rectification": "整改事项",
    "item": "事项",
    "owner": "责任人",
    "due": "完成时限",
    "status": "状态",
    "decisions_taken": "会议作出的决策",
    "scheduled": "尚未召开",
    # Decisions
    "meeting": "决策会议",
    "category": "事项类别",
    "background": "背景",
    "consultation": "征求意见",
    "method": "方式",
    "period": "时间",
    "participants": "参与人数",
    "opinions": "收到意见",
    "summary": "意见摘要",
    "vote": "表决情况",
    "vote_for": "赞成",
    "vote_against": "反对",
    "vote_abstain": "弃权",
    "result": "表决结果",
    "follow_up": "落实情况",
    "action": "落实措施",
    "funded_by": "相关经费支出",
    # Finances
    "dues_ledger": "党费收缴",
    "month": "月份",
    "month_n": "{n}月",
    "members": "党员人数",
    "due_amount": "应缴（元）",
    "paid_amount": "实缴（元）",
    "collection_rate": "收缴率",
    "total": "合计",
    "opening_balance": "期初结余",
    "closing_balance": "期末结余",
    "income": "收入",
    "expenses": "支出",
    "source": "来源",
    "amount": "金额（元）",
    "expense_item": "支出事项",
    "expense_category": "类别",
    "approver": "审批人",
    "approving_decision": "审批决策",
    "receipts": "票据",
    "by_category": "支出分类",
    "summary_table": "收支概况",
    "audit": "审计",
    "auditor": "审计人",
    "finding": "审计意见",
    # Appraisals
    "members_appraised": "参评党员",
    "steps": "评议程序",
    "results": "评定结果",
    "grade": "等次",
    "count": "人数",
    "share": "占比",
    "excellent_members": "优秀党员",
    "rating": "支部评定等级",
    "indicators": "考核指标",
    "indicator": "指标",
    "target": "目标",
    "actual": "完成",
    "unit": "单位",
    "met": "达标",
    "not_met": "未达标",
    "measures": "整改措施",
    # Notices
    "notice_period": "公示期",
    "notice_open": "公示中，还剩 {days} 天",
    "notice_closed": "公示已结束",
    "notice_upcoming": "尚未开始",
    "stage": "阶段",
    "subjects": "公示对象",
    "name": "姓名",
    "detail": "基本情况",
    "objections": "意见反映渠道",
    "objections_note": "公示期间，如对公示对象有不同意见，可通过以下方式反映：",
    "until": "截止 {date}",
    "date_range": "{start} 至 {end}",
    # Reports
    "year": "年度",
    "regularity": "三会一课落实情况",
    "regularity_short": "三会一课",
    "regularity_note_public": "本页只统计向社会公开的会议记录；党内会议在党内网站统计。",
    "regularity_rate": "落实率",
    "required": "要求",
    "per_month": "每月 {count} 次",
    "per_quarter": "每季度 {count} 次",
    "per_year": "每年 {count} 次",
    "cell_held": "已召开",
    "cell_missed": "未召开",
    "cell_partial": "次数不足",
    "cell_upcoming": "未到期",
    "cell_norecords": "无记录期间",
    "quarter_n": "第{name}季度",
    "month_short": "{n}月",
    "whole_year": "全年",
    "overdue": "已逾期",
    "all_rectification": "整改事项落实情况",
    "meeting_of_item": "来源会议",
    "count_meetings": "会议次数",
    "count_people": "人数",
    "yuan_unit": "元",
    "meetings_chart": "各类会议召开次数",
    "funds_overview": "经费收支（按年度）",
    "funds_chart": "各期收入与支出",
    "dues_chart": "{year}年党费逐月收缴",
    "per_member": "人均党建经费",
    "norm": "标准",
    "norm_per_member": "每名党员每年不少于 {amount} 元",
    "meets_norm": "达到标准",
    "below_norm": "低于标准",
    "ledgers": "账目",
    "grades_chart": "民主评议等次分布",
    "grade_history": "历年评议结果",
    "ratings": "支部评定等级",
    "chart_table": "图表数据",
    "open_data": "开放数据",
    "open_data_intro": "本网站公开的全部记录也以数据文件提供，可供下载、订阅和核对。文件只包含本网站读者可以查看的记录。",
    "subscribe": "订阅",
    "feed_all": "全部公开内容（Atom）",
    "feed_section": "{section}（Atom）",
    "feed_calendar": "会议日历（iCalendar，可导入手机日历）",
    # Feeds and the calendar
    "feed_title_all": "全部公开",
    "calendar_name": "会议日历",
    "feed_corrected": "【更正】",
    "feed_correction": "更正（{date}）：{change}",
    "feed_correction_reason": "；原因：{reason}",
    "calendar_agenda": "议程：",
    "calendar_chair": "主持人：{name}",
    "calendar_speaker": "主讲人：{name}",
    "calendar_topic": "主题：{topic}",
    "files": "数据文件",
    "description": "说明",
    "columns": "字段",
    "board": "公开栏",
    "board_title": "{year}年{quarter}党务公开",
    "board_intro": "以下每页可直接打印张贴在党务公开栏（A4 或 A3 纸），扫描二维码可在手机上查看记录全文。",
    "board_items": "共 {count} 项公开内容",
    "board_scan": "扫码查看全文",
    "board_print": "打印本页",
    # Open data: what each published file is, and its columns
    "data_file_record_json": "每条记录的全部字段（JSON），与记录页面 <section>/<yyyy>/<id>/ 并列；字段含义见该类型的 JSON Schema。金额为两位小数的字符串（元），日期为 ISO 格式。",
    "data_column_record_json_id": "记录的永久编号",
    "data_column_record_json_type": "记录类型：meeting、decision、finance、appraisal、notice",
    "data_column_record_json_url": "记录页面的地址",
    "data_column_record_json_more": "其余字段同该类型的 JSON Schema（data/schemas/<type>.schema.json）",
    "data_file_records_index": "全部记录的索引，按日期从新到旧排列（同日按编号）。",
    "data_column_records_index_id": "记录的永久编号",
    "data_column_records_index_type": "记录类型",
    "data_column_records_index_kind": "记录种类（如会议类别），没有则为 null",
    "data_column_records_index_title": "标题",
    "data_column_records_index_date": "日期",
    "data_column_records_index_updated": "最后更正日期，未更正则同日期",
    "data_column_records_index_visibility": "公开范围：public（党外公开）或 members（党内公开）",
    "data_column_records_index_url": "记录页面的地址",
    "data_column_records_index_json_url": "记录 JSON 文件的地址",
    "data_file_funds_csv": "经费收支明细：每个经费账目的每笔收入和支出一行（UTF-8 带 BOM，可用 Excel 直接打开）。",
    "data_column_funds_csv_ledger_id": "账目记录编号",
    "data_column_funds_csv_period": "账期",
    "data_column_funds_csv_date": "日期",
    "data_column_funds_csv_direction": "收支方向：income（收入）或 expense（支出）",
    "data_column_funds_csv_item": "收入来源或支出事项",
    "data_column_funds_csv_category": "支出类别",
    "data_column_funds_csv_amount": "金额（元，两位小数）",
    "data_column_funds_csv_approved_by": "审批人",
    "data_column_funds_csv_decision": "批准该支出的决策记录编号",
    "data_file_ledgers_csv": "经费账目汇总：每个账期一行，期初余额 + 收入合计 − 支出合计 = 期末余额。",
    "data_column_ledgers_csv_ledger_id": "账目记录编号",
    "data_column_ledgers_csv_period": "账期",
    "data_column_ledgers_csv_period_start": "账期开始日期",
    "data_column_ledgers_csv_period_end": "账期结束日期",
    "data_column_ledgers_csv_opening_balance": "期初余额（元）",
    "data_column_ledgers_csv_income_total": "收入合计（元）",
    "data_column_ledgers_csv_expense_total": "支出合计（元）",
    "data_column_ledgers_csv_closing_balance": "期末余额（元）",
    "data_file_dues_csv": "党费收缴：每个党费账目的每月一行。",
    "data_column_dues_csv_ledger_id": "党费记录编号",
    "data_column_dues_csv_year": "年度",
    "data_column_dues_csv_month": "月份",
    "data_column_dues_csv_members": "应缴党员人数",
    "data_column_dues_csv_due": "应缴金额（元）",
    "data_column_dues_csv_paid": "实缴金额（元）",
    "data_file_record_schemas": "各类记录的 JSON Schema（meeting、decision、finance、appraisal、notice、branch），可供编辑器补全和校验。",
    "data_file_index_schema": "记录索引 data/records.json 的 JSON Schema。",
    "data_file_feed_all": "全部新公开和更正记录的 Atom 订阅源（最新 50 条）。",
    "data_file_feed_sections": "各栏目（meetings、decisions、finances、appraisals、notices）的 Atom 订阅源。",
    "data_file_calendar": "会议日历（iCalendar），含已召开和即将召开的会议、地点、议程和记录链接，可在日历应用中订阅。",
}

# Month and quarter names, 1 to 12 and 1 to 4 (dates, dues months, boards).
MONTH_NAMES = [f"{n}月" for n in range(1, 13)]
QUARTER_NAMES = ["一", "二", "三", "四"]

# The forms `openbranch new` writes: YAML with comments in this language and example values the worker replaces.
# {title}, {date}, {year} and {kind} are filled in; so are the enumeration words ({visibility[public]}, {choices[visibility]}).
FORMS: dict[str, str] = {
    "meeting": """title: {title}
date: {date}
kind: {kind}
visibility: {visibility[public]}        # {choices[visibility]}
start_time: "14:30"
end_time: "16:00"
location: 支部活动室
chair: 主持人姓名
recorder: 记录人姓名
attendees:             # 出席人员
  - 姓名
absent:                # 缺席人员及原因（原因只在党内网站显示）
  - name: 姓名
    reason: 出差
agenda:                # 议程
  - 议题一
body: |
  ## 会议内容

  在此填写会议记录。
""",
    "decision": """title: {title}
date: {date}
visibility: {visibility[public]}
meeting: 作出决定的会议编号     # 会议记录的文件名（不含 .yml）
category: 重大事项
background: 议题背景
consultation:
  method: 征求意见的方式
  start: {date}
  end: {date}
  participants: 0
  opinions: 0
vote:
  for: 0
  against: 0
  abstain: 0
result: {decision_result[adopted]}            # {choices[decision_result]}
follow_up: []
body: |
  决定内容。
""",
    "finance_dues": """title: {title}
date: {date}
kind: {finance_kind[dues]}
visibility: {visibility[members]}
year: {year}
months:
  - month: 1
    members: 0
    due: 0.00
    paid: 0.00
""",
    "finance_funds": """title: {title}
date: {date}
kind: {finance_kind[funds]}
visibility: {visibility[public]}
period: {year}年第一季度
period_start: {year}-01-01
period_end: {year}-03-31
opening_balance: 0.00
income:
  - date: {date}
    source: 上级党委下拨党建工作经费
    amount: 0.00
expenses:
  - date: {date}
    item: 支出事项
    category: 学习教育
    amount: 0.00
    approved_by: 审批人
    decision: 批准该支出的决策编号
    receipts: []
closing_balance: 0.00
""",
    "appraisal": """title: {title}
date: {date}
kind: {kind}
visibility: {visibility[public]}
period: {year}年度
members: 0
steps:
  - name: 个人学习
    date: {date}
results:
  {grade[excellent]}: 0
  {grade[qualified]}: 0
  {grade[basically_qualified]}: 0
  {grade[unqualified]}: 0
excellent_members: []
""",
    "notice": """title: {title}
date: {date}
kind: {kind}
visibility: {visibility[public]}
stage: 拟接收预备党员
start: {date}
end: {date}
contact: 意见反馈渠道（电话、地址）
subjects:
  - name: 姓名
    detail: 基本情况
body: |
  公示内容。
""",
}
