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
    # Working days, holidays, rectification items, field titles
    "rule_notice_short_estimated": "公示期按周一至周五估算只有 {days} 个工作日，少于规定的 {required} 个工作日",
    "rule_holidays_unknown": "{year} 年没有节假日数据：请在 site_config.yml 的 holidays: 中填写 {year} 年的放假日期和调休上班日期（在此之前按周一至周五估算，公示期约 {days} 个工作日）",
    "rule_item_done_without_date": "状态为“已完成”，但没有填写完成日期 done_on",
    "rule_item_done_on_not_done": "填写了完成日期 {date}，但状态是“{status}”；已完成的事项请把状态改为“已完成”",
    "rule_dated_before_record": "日期 {date} 早于{kind}日期 {start}",
    "rule_dated_after_today": "日期 {date} 晚于今天（{today}）",
    "rule_progress_order": "进展日期 {date} 早于上一条的 {previous}，请按时间顺序填写",
    "bad_year": "年份应为四位数字，如 2027，收到“{value}”",
    "bad_day_span": "日期段“{value}”的结束日期早于开始日期",
    "holiday_wrong_year": "日期“{value}”不在 {year} 年内",
    "holiday_workday_weekday": "{date} 不是周六或周日：调休上班日只能是周末",
    "holiday_listed_twice": "{date} 同时写在放假日期和调休上班日期中",
    "did_you_mean_titled": "，是否应为“{suggestion}”（{title}）？",
    # The disclosure catalogue (generator/figures/catalogue.py, rules.check_catalogue)
    "rule_catalogue_late": "逾期公开：公开目录“{item}”要求在 {event} 后 {allowed} 个工作日内（最迟 {deadline}）公开，本记录 {published} 才首次公开，用了 {days} 个工作日{estimate}{source}",
    "rule_catalogue_missing": "未公开：公开目录“{item}”{period}的公开期限 {deadline} 已过，还没有已发布的{records}记录{estimate}",
    "rule_catalogue_draft": "未公开：公开目录“{item}”最迟应在 {deadline} 公开，本记录仍是草稿；核实后把 status 改为“已发布”{estimate}",
    "rule_catalogue_not_yet": "未公开：公开目录“{item}”最迟应在 {deadline} 公开，本记录的首次公开日期 {published} 还没到{estimate}",
    "catalogue_no_records": "至少写一个公开这一事项的记录类型，如 [会议/支委会] 或 [财务/党费]",
    "catalogue_period_end": "{period}结束（{date}）",
    "catalogue_estimate": "（{years} 年没有节假日数据，工作日按周一至周五估算）",
    "catalogue_from_git": "（首次公开日期取自 git 中第一次提交本文件的日期；如不准确，请填写 published:）",
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
    "notice_open": "公示中",
    "notice_closed": "公示已结束",
    "notice_upcoming": "尚未开始",
    "stage": "阶段",
    "subjects": "公示对象",
    "name": "姓名",
    "detail": "基本情况",
    "objections": "意见反映渠道",
    "objections_note": "公示期间，如对公示对象有不同意见，可通过以下方式反映：",
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
    # Working days, rectification items and their progress
    "notice_days_left": "还剩 {days} 个工作日，截止 {date}",
    "notice_days_left_estimated": "还剩约 {days} 个工作日，截止 {date}",
    "notice_length": "{range}（{days} 个工作日）",
    "notice_length_estimated": "{range}（约 {days} 个工作日）",
    "workdays_estimated": "{years} 年没有节假日数据，工作日按周一至周五估算，可能不准确。",
    "date_short": "{month}月{day}日",
    "list_separator": "、",
    "done_on": "完成日期",
    "item_progress": "整改进展",
    "item_no_due": "未定时限",
    # The disclosure catalogue (党务公开目录)
    "catalogue": "党务公开目录",
    "catalogue_short": "公开目录",
    "catalogue_intro": "按照《中国共产党党务公开条例（试行）》，列入公开目录的事项应当主动、及时公开。下面是本支部公开目录中的每个事项、公开范围和时限，以及每次（每期）是否按时公开。",
    "catalogue_note_public": "党内公开的事项这里只列出名称、范围和时限，公开情况见党内网站。",
    "catalogue_scope": "公开范围",
    "catalogue_timing": "公开时限",
    "catalogue_records": "公开载体",
    "catalogue_latest": "最近一次公开",
    "catalogue_state": "公开情况",
    "catalogue_timing_event": "事项发生后 {days} 个工作日内",
    "catalogue_timing_month": "每月，月末后 {days} 个工作日内",
    "catalogue_timing_quarter": "每季度，季末后 {days} 个工作日内",
    "catalogue_timing_year": "每年，年末后 {days} 个工作日内",
    "catalogue_since": "（自 {date} 起）",
    "catalogue_on_date_open": "（",
    "catalogue_on_date_close": "）",
    "catalogue_members_only": "党内公开事项，公开情况见党内网站",
    "catalogue_none": "尚无公开记录",
    "catalogue_deadline": "公开期限",
    "catalogue_published": "公开日期",
    "catalogue_taken": "用时",
    "catalogue_days": "{days} 个工作日",
    "catalogue_days_estimated": "约 {days} 个工作日",
    "catalogue_period_year": "{year}年",
    "catalogue_period_quarter": "{year}年{quarter}",
    "catalogue_period_month": "{year}年{month}",
    "catalogue_summary": "及时 {on_time} · 逾期 {late} · 未公开 {missing}",
    "catalogue_estimated": "（估算）",
    "catalogue_on_time_list": "及时公开 {count} 次",
    "data_file_catalogue_csv": "党务公开目录：本网站可见的每个公开事项的每次（每期）公开情况一行；只在党内公开的事项在公开网站上没有行。",
    "data_column_catalogue_csv_item": "公开事项",
    "data_column_catalogue_csv_scope": "公开范围：public（公开）或 members（党内）",
    "data_column_catalogue_csv_per": "公开时限：event（每次）、month、quarter 或 year",
    "data_column_catalogue_csv_within_working_days": "事项发生后（或每期结束后）几个工作日内公开",
    "data_column_catalogue_csv_period": "期间，如 2026、2026-Q2、2026-03；逐次公开的事项为空",
    "data_column_catalogue_csv_event": "事项日期，或期间的最后一天",
    "data_column_catalogue_csv_deadline": "公开期限（最迟公开的日期）",
    "data_column_catalogue_csv_estimated": "没有节假日数据、工作日按周一至周五估算的年份；为空则准确",
    "data_column_catalogue_csv_record_id": "公开它的记录编号",
    "data_column_catalogue_csv_published": "首次公开日期",
    "data_column_catalogue_csv_working_days": "事项发生（或期间结束）后到公开用了几个工作日",
    "data_column_catalogue_csv_state": "公开情况：on_time（及时）、late（逾期）、missing（未公开）、not_due（未到期）、not_over（期间未结束）或 upcoming（尚未发生）",
    "catalogue_item_meetings": "三会一课执行情况",
    "catalogue_item_organizational_life": "主题党日和组织生活会",
    "catalogue_item_decisions": "重大事项决策",
    "catalogue_item_dues": "党费收缴使用管理",
    "catalogue_item_funds": "党建工作经费收支",
    "catalogue_item_membership": "发展党员",
    "catalogue_item_appraisal": "民主评议",
    "catalogue_item_election": "换届选举",
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

# Schema fields (records, branch.yml, site_config.yml): model -> field -> (title, description).
# The JSON Schemas editors show take them (``records.schema``); an unknown field typed in
# Chinese is matched against the titles (``records.validate``).  A field a model inherits is
# looked up under the model that defines it (``RecordBase`` for every record's common fields).
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "RecordBase": {
        "id": ("编号", "记录的永久编号，用于网址和相互引用；不写则取文件名（不含 .yml）"),
        "type": ("记录类型", "记录类型，可不写；写了须与所在栏目文件夹一致"),
        "title": ("标题", "记录的标题"),
        "date": ("日期", "记录的日期（YYYY-MM-DD），决定它所在的年份文件夹"),
        "published": ("首次发布日期", "首次公开的日期；不写则取第一次提交该文件的日期"),
        "visibility": ("公开范围", "公开（两个网站都显示）、党内（只在党内网站显示）或不公开；不写则用 site_config.yml 的 default_visibility"),
        "status": ("状态", "已发布，或草稿（草稿不生成到网站）"),
        "summary": ("摘要", "一两句话，显示在列表中"),
        "tags": ("标签", "用于归类和检索的关键词"),
        "body": ("正文", "正文内容，使用 Markdown 格式"),
        "attachments": ("附件", "附件文件，放在 content/attachments/ 下"),
        "approval": ("公开审批", "公开程序：提出、保密审查、审批"),
        "corrections": ("更正", "发布后的更正记录"),
        "numbers_ok": ("允许公开的号码", "其中的电话等号码确需公开的字段（如 contact、body）"),
    },
    "Attachment": {
        "file": ("文件", "文件路径，相对于 content/attachments/"),
        "title": ("名称", "文件是什么；不写则显示文件名"),
    },
    "Approval": {
        "proposed_by": ("提出人", "提出公开的人"),
        "proposed_on": ("提出日期", "提出公开的日期"),
        "reviewed_by": ("保密审查人", "进行保密审查的人"),
        "reviewed_on": ("审查日期", "保密审查的日期"),
        "approved_by": ("审批人", "批准公开的人"),
        "approved_on": ("审批日期", "批准公开的日期"),
    },
    "Correction": {
        "date": ("更正日期", "更正的日期"),
        "change": ("更正内容", "改了什么"),
        "reason": ("更正原因", "为什么更正"),
    },
    "Meeting": {
        "kind": ("会议类型", "党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主生活会或其他会议"),
        "group": ("党小组", "党小组会所属的党小组，与 branch.yml 中的名称一致"),
        "start_time": ("开始时间", "会议开始时间（HH:MM）"),
        "end_time": ("结束时间", "会议结束时间（HH:MM）"),
        "location": ("地点", "会议地点"),
        "chair": ("主持人", "主持会议的人"),
        "recorder": ("记录人", "做会议记录的人"),
        "attendees": ("出席人员", "实际到会的党员姓名"),
        "absent": ("缺席人员", "未到会的党员及原因"),
        "guests": ("列席人员", "列席会议的非本支部人员"),
        "agenda": ("议程", "会议议程，每项一行"),
        "speaker": ("主讲人", "党课的主讲人"),
        "topic": ("党课主题", "党课的题目"),
        "topics": ("查摆问题", "组织生活会、民主生活会上批评和自我批评的主要问题"),
        "rectification": ("整改事项", "会议确定的整改任务，逐项跟踪到完成"),
    },
    "Absence": {
        "name": ("姓名", "缺席党员的姓名"),
        "reason": ("缺席原因", "缺席原因（只在党内网站显示）"),
    },
    "RectificationItem": {
        "item": ("整改任务", "要整改的问题和措施"),
        "owner": ("责任人", "负责整改的人"),
        "due": ("完成时限", "应当完成的日期"),
        "status": ("状态", "未开始、进行中或已完成；过了完成时限仍未完成的显示为已逾期"),
        "done_on": ("完成日期", "实际完成的日期；状态为已完成时必填，不早于会议日期，不晚于今天"),
        "progress": ("进展情况", "按时间顺序记录的整改进展，每条写日期和内容"),
    },
    "ProgressEntry": {
        "date": ("日期", "这一进展的日期，不早于会议日期，不晚于今天"),
        "text": ("进展", "做了什么、到了哪一步"),
    },
    "Decision": {
        "meeting": ("决策会议", "作出决定的会议的编号"),
        "category": ("类别", "如重大事项、经费、发展党员"),
        "background": ("背景", "为什么要作出这项决定"),
        "consultation": ("征求意见", "会前征求党员意见的情况"),
        "vote": ("表决", "表决票数：赞成、反对、弃权"),
        "result": ("结果", "通过、未通过或暂缓"),
        "follow_up": ("落实情况", "决定的执行和落实情况"),
    },
    "Consultation": {
        "method": ("方式", "怎样征求党员意见"),
        "start": ("开始日期", "征求意见开始的日期"),
        "end": ("结束日期", "征求意见结束的日期"),
        "participants": ("参与人数", "参与的人数"),
        "opinions": ("意见条数", "收到的意见条数"),
        "summary": ("意见摘要", "意见的主要内容和采纳情况"),
    },
    "Vote": {
        "for": ("赞成", "赞成票数"),
        "against": ("反对", "反对票数"),
        "abstain": ("弃权", "弃权票数"),
    },
    "FollowUp": {
        "date": ("日期", "这一步的日期"),
        "action": ("落实措施", "做了什么"),
        "status": ("状态", "未开始、进行中或已完成"),
    },
    "DuesRecord": {
        "kind": ("财务类型", "党费"),
        "year": ("年度", "党费所属的年份"),
        "months": ("各月收缴", "每月的应缴人数、应缴金额和实缴金额"),
    },
    "DuesMonth": {
        "month": ("月份", "1 至 12"),
        "members": ("应缴人数", "当月应缴党费的党员人数"),
        "due": ("应缴金额", "当月应缴党费合计（元）"),
        "paid": ("实缴金额", "当月实缴党费合计（元）"),
    },
    "FundsRecord": {
        "kind": ("财务类型", "经费"),
        "period": ("期间", "账目所属期间，如 2025年第一季度"),
        "period_start": ("期间开始", "期间的第一天"),
        "period_end": ("期间结束", "期间的最后一天"),
        "opening_balance": ("期初结余", "期初结余（元），应等于上一期的期末结余"),
        "income": ("收入", "本期各项收入"),
        "expenses": ("支出", "本期各项支出"),
        "closing_balance": ("期末结余", "期末结余（元）＝期初结余＋收入－支出"),
        "audit": ("审计", "财务审计情况"),
    },
    "Income": {
        "date": ("日期", "收入日期"),
        "source": ("来源", "收入来源，如上级拨付、党费返还"),
        "amount": ("金额", "收入金额（元），最多两位小数"),
    },
    "Expense": {
        "date": ("日期", "支出日期"),
        "item": ("用途", "支出用于什么"),
        "category": ("类别", "支出类别，如学习教育、慰问"),
        "amount": ("金额", "支出金额（元），最多两位小数"),
        "approved_by": ("审批人", "批准这笔支出的人"),
        "decision": ("审批决策", "批准这笔支出的决策的编号"),
        "receipts": ("票据", "票据文件，放在 content/attachments/ 下"),
    },
    "Audit": {
        "date": ("审计日期", "审计的日期"),
        "auditor": ("审计人", "审计的人或单位"),
        "finding": ("审计意见", "审计发现和结论"),
    },
    "Appraisal": {
        "kind": ("评议类型", "民主评议党员、支部评星定级或绩效考核"),
        "period": ("评议期间", "评议所属期间，如 2025年度"),
        "members": ("参评人数", "参加评议的党员人数"),
        "steps": ("评议程序", "各步骤及其日期"),
        "results": ("评定结果", "各等次的人数：优秀、合格、基本合格、不合格"),
        "excellent_members": ("优秀党员", "评为优秀的党员姓名"),
        "rating": ("支部评定等级", "支部的评定等级，如五星"),
        "indicators": ("考核指标", "量化考核指标及完成情况"),
        "measures": ("整改措施", "针对评议中发现问题的整改措施"),
    },
    "Step": {
        "name": ("步骤", "评议程序的步骤，如个人学习、民主测评"),
        "date": ("日期", "这一步的日期"),
    },
    "Indicator": {
        "name": ("指标", "指标名称"),
        "target": ("目标", "目标值"),
        "actual": ("完成", "实际完成值"),
        "unit": ("单位", "计量单位"),
    },
    "Notice": {
        "kind": ("公示类型", "发展党员、选举、评议结果或其他"),
        "stage": ("阶段", "如拟接收预备党员"),
        "start": ("公示开始", "公示的第一天"),
        "end": ("公示结束", "公示的最后一天；发展党员公示至少 norms.publicity_working_days 个工作日"),
        "contact": ("意见反映渠道", "对公示有意见时向谁反映；不写则用 branch.yml 中的 contact.objections"),
        "subjects": ("公示对象", "公示的人员及基本情况"),
    },
    "Subject": {
        "name": ("姓名", "公示对象的姓名"),
        "detail": ("基本情况", "公示对象的基本情况"),
    },
    "Branch": {
        "name": ("支部名称", "党支部的全称"),
        "parent": ("上级党组织", "上级党组织的名称"),
        "description": ("简介", "支部的简要介绍"),
        "committee": ("支部委员会", "支委会成员及职务"),
        "groups": ("党小组", "各党小组及其成员"),
        "member_counts": ("党员人数", "各时期的党员人数，用于出席率和人均经费"),
        "term": ("任期", "本届支部委员会的任期"),
        "contact": ("联系方式", "支部的联系方式"),
    },
    "CommitteeMember": {
        "name": ("姓名", "支委会成员的姓名"),
        "post": ("职务", "如书记、组织委员"),
    },
    "PartyGroup": {
        "name": ("党小组名称", "如第一党小组"),
        "leader": ("组长", "党小组组长"),
        "members": ("成员", "党小组成员的姓名（只在党内网站显示）"),
    },
    "MemberCount": {
        "since": ("起始日期", "从这一天起适用这个人数"),
        "count": ("党员人数", "党员总数（含预备党员）"),
        "probationary": ("预备党员人数", "其中预备党员的人数"),
    },
    "Term": {
        "start": ("任期开始", "本届任期的第一天"),
        "end": ("任期届满", "本届任期的最后一天"),
    },
    "Contact": {
        "phone": ("电话", "联系电话"),
        "email": ("电子邮箱", "联系邮箱"),
        "address": ("地址", "联系地址"),
        "objections": ("意见反映渠道", "对公示有意见时向谁反映"),
    },
    "SiteConfig": {
        "site_name": ("网站名称", "显示在每页顶部；不写则用支部名称"),
        "language": ("语言", "网站和提示信息的语言：zh（中文）或 en（英文）"),
        "content_dir": ("记录文件夹", "记录所在的文件夹，相对于本文件"),
        "output_dir": ("输出文件夹", "openbranch build 把公开网站和党内网站写到这里"),
        "stage_dir": ("工作文件夹", "生成时的工作文件夹（可在 CI 中缓存）"),
        "themes_dir": ("主题文件夹", "本支部自己的模板和样式；没有则用内置主题"),
        "default_visibility": ("默认公开范围", "没写 visibility 的记录的公开范围"),
        "audiences": ("两个网站", "公开网站和党内网站的网址和标题"),
        "norms": ("检查规定", "上级党组织检查的规定，各地可按本地要求修改"),
        "limits": ("大小限制", "记录文件、附件和列表的大小限制"),
        "holidays": ("节假日", "按年填写国务院公布的放假日期和调休上班日期，用于计算工作日；填写的日期优先于内置数据（内置数据到 2026 年）"),
        "catalogue": ("公开目录", "党务公开目录：每个公开事项、公开它的记录、公开范围和时限；不写则用默认目录，写 [] 表示不设目录"),
        "mkdocs": ("MkDocs 选项", "原样传给 MkDocs 的选项（高级）"),
    },
    "CatalogueItem": {
        "item": ("公开事项", "事项名称，显示在公开目录页上，如 三会一课执行情况"),
        "records": ("公开载体", "公开这一事项的记录类型，或“类型/类别”，如 会议/支委会、财务/党费"),
        "scope": ("公开范围", "公开（向社会公开）或 党内（在党内公开）"),
        "per": ("公开时限", "每次：每件事项分别公开；月、季度、年：每期公开一次"),
        "within_working_days": ("工作日", "事项发生后（按记录日期），或每期结束后，最迟几个工作日内公开"),
        "since": ("起始日期", "从哪一天起检查这一事项；不写则从第一次公开算起"),
    },
    "Audiences": {
        "public": ("公开网站", "公开网站（党外公开）"),
        "members": ("党内网站", "党内网站（党内公开），只能部署在只有党员能访问的地方"),
    },
    "AudienceSettings": {
        "url": ("网址", "网站的网址，用于站点地图、订阅和二维码"),
        "title": ("标题", "页面顶部的标题；不写则为网站名称加网站类别"),
    },
    "Norms": {
        "meetings": ("会议频次", "每类会议至少开几次（三会一课）"),
        "funding_per_member_per_year": ("人均经费标准", "每名党员每年党建工作经费的最低标准（元）"),
        "publicity_working_days": ("公示工作日", "发展党员公示至少几个工作日（按法定节假日和调休计算）"),
        "excellent_share_max": ("优秀比例上限", "民主评议中“优秀”等次最多占参评党员的比例"),
        "quorum_more_than": ("到会比例", "会议作出决定时，到会人数须超过应到人数的这个比例"),
        "dues_alert_months": ("党费提醒月数", "党员连续几个月未交党费时提醒"),
    },
    "Frequency": {
        "count": ("次数", "每个周期至少开几次；0 表示不检查"),
        "per": ("周期", "月、季度或年"),
    },
    "Limits": {
        "record_max_kb": ("记录文件上限", "一个记录文件最大多少 KB，超过则拒绝"),
        "attachment_max_mb": ("附件提醒大小", "一个附件超过多少 MB 时提醒"),
        "listing_page_size": ("每页条数", "列表每页显示多少条记录（至少 10）"),
    },
    "HolidayYear": {
        "days_off": ("放假日期", "这一年的放假日期，每项一个日期或一段日期，如 2027-02-06/2027-02-13 或 2027-02-06 至 2027-02-13"),
        "workdays": ("调休上班日期", "这一年因调休而上班的周六、周日"),
    },
}
