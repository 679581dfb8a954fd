"""Pre-filled record files for ``openbranch new``: a form to start each record from."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Optional

from .records import schema

# Comments are in the site's language; values are examples the worker replaces.
_FORMS: dict[str, dict[str, str]] = {
    "meeting": {
        "zh": """title: {title}
date: {date}
kind: {kind}
visibility: 公开        # 公开 | 党内 | 不公开
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
        "en": """title: {title}
date: {date}
kind: {kind}
visibility: public     # public | members | restricted
start_time: "14:30"
end_time: "16:00"
location: Branch activity room
chair: Name of the chair
recorder: Name of the recorder
attendees:
  - Name
absent:                # reasons are shown on the members' site only
  - name: Name
    reason: business trip
agenda:
  - First item
body: |
  ## Minutes

  Write the minutes here.
""",
    },
    "decision": {
        "zh": """title: {title}
date: {date}
visibility: 公开
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
result: 通过            # 通过 | 未通过 | 暂缓
follow_up: []
body: |
  决定内容。
""",
        "en": """title: {title}
date: {date}
visibility: public
meeting: id-of-the-meeting      # the meeting record's file name without .yml
category: major matter
background: Background
consultation:
  method: How members' opinions were solicited
  start: {date}
  end: {date}
  participants: 0
  opinions: 0
vote:
  for: 0
  against: 0
  abstain: 0
result: adopted         # adopted | rejected | deferred
follow_up: []
body: |
  The decision.
""",
    },
    "finance_dues": {
        "zh": """title: {title}
date: {date}
kind: 党费
visibility: 党内
year: {year}
months:
  - month: 1
    members: 0
    due: 0.00
    paid: 0.00
""",
        "en": """title: {title}
date: {date}
kind: dues
visibility: members
year: {year}
months:
  - month: 1
    members: 0
    due: 0.00
    paid: 0.00
""",
    },
    "finance_funds": {
        "zh": """title: {title}
date: {date}
kind: 经费
visibility: 公开
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
        "en": """title: {title}
date: {date}
kind: funds
visibility: public
period: {year} Q1
period_start: {year}-01-01
period_end: {year}-03-31
opening_balance: 0.00
income:
  - date: {date}
    source: Allocation from the higher committee
    amount: 0.00
expenses:
  - date: {date}
    item: What was paid for
    category: study
    amount: 0.00
    approved_by: Approver
    decision: id-of-the-approving-decision
    receipts: []
closing_balance: 0.00
""",
    },
    "appraisal": {
        "zh": """title: {title}
date: {date}
kind: {kind}
visibility: 公开
period: {year}年度
members: 0
steps:
  - name: 个人学习
    date: {date}
results:
  优秀: 0
  合格: 0
  基本合格: 0
  不合格: 0
excellent_members: []
""",
        "en": """title: {title}
date: {date}
kind: {kind}
visibility: public
period: {year}
members: 0
steps:
  - name: Self-study
    date: {date}
results:
  excellent: 0
  qualified: 0
  basically_qualified: 0
  unqualified: 0
excellent_members: []
""",
    },
    "notice": {
        "zh": """title: {title}
date: {date}
kind: {kind}
visibility: 公开
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
        "en": """title: {title}
date: {date}
kind: {kind}
visibility: public
stage: Admission as probationary member
start: {date}
end: {date}
contact: Where objections go (phone, address)
subjects:
  - name: Name
    detail: Details
body: |
  The notice.
""",
    },
}

_DEFAULT_KINDS = {
    "meeting": "branch_committee",
    "finance": "funds",
    "appraisal": "member_appraisal",
    "notice": "membership",
}

_KIND_ENUMERATION = {
    "meeting": "meeting_kind",
    "finance": "finance_kind",
    "appraisal": "appraisal_kind",
    "notice": "notice_kind",
}


def record_types() -> list[str]:
    return list(schema.SECTION_OF)


def normalize_kind(record_type: str, kind: Optional[str]) -> Optional[str]:
    """The English kind for ``kind`` (English or Chinese), or None if it is not one."""
    enumeration = _KIND_ENUMERATION.get(record_type)
    if enumeration is None:
        return None
    words = schema.ENUMERATIONS[enumeration]
    if kind is None:
        return _DEFAULT_KINDS[record_type]
    if kind in words:
        return kind
    for en, zh in words.items():
        if kind == zh:
            return en
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "record"


def render_form(record_type: str, kind: Optional[str], title: str, date: dt.date, language: str) -> str:
    key = f"finance_{kind}" if record_type == "finance" else record_type
    form = _FORMS[key][language]
    shown_kind = kind or ""
    if kind and language == "zh" and record_type in _KIND_ENUMERATION:
        shown_kind = schema.ENUMERATIONS[_KIND_ENUMERATION[record_type]][kind]
    safe_title = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return form.format(title=safe_title, date=date.isoformat(), year=date.year, kind=shown_kind)


def new_record_path(content_dir: Path, record_type: str, kind: Optional[str], date: dt.date) -> Path:
    """A free file name: ``<section>/<yyyy>/<date>-<kind or type>[-n].yml``."""
    folder = content_dir / schema.SECTION_OF[record_type] / str(date.year)
    stem = f"{date.isoformat()}-{_slug(kind or record_type)}"
    candidate = folder / f"{stem}.yml"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}.yml"
        n += 1
    return candidate
