"""The domain's words: sections, record types and every enumeration, in Chinese and English.

A value is stored as its canonical identifier (``branch_committee``).  A worker
may write that identifier or the Chinese word (支委会) in a record; a page shows
the word of the site's language (支委会 / Branch committee).  This is the only
place those words are written, and the only place that knows which enumeration
a record type's ``kind`` takes.
"""

from __future__ import annotations

from typing import Optional

LANGUAGES = ("zh", "en")

# The two sites one build makes: the public one (党外公开) and the members' one (党内公开).
AUDIENCES = ("public", "members")

# A value's words: {"zh": Chinese word (also accepted in records), "en": English label on pages}.
Words = dict[str, str]

# Section folder (content/<section>/, the site's <section>/) -> record type, in the order of the feeds.
SECTIONS: dict[str, str] = {
    "meetings": "meeting",
    "decisions": "decision",
    "finances": "finance",
    "appraisals": "appraisal",
    "notices": "notice",
    # Opinions and elections (issue 15)
    "opinions": "opinion",
    "elections": "election",
}
# The responsibility system and supervision (责任清单, 督查检查).
SECTIONS.update({"responsibilities": "responsibility", "inspections": "inspection"})
SECTION_OF: dict[str, str] = {record_type: section for section, record_type in SECTIONS.items()}

# Record types: the Chinese word is also accepted in a record's ``type`` field.
RECORD_TYPES: dict[str, Words] = {
    "meeting": {"zh": "会议", "en": "meeting"},
    "decision": {"zh": "决策", "en": "decision"},
    "finance": {"zh": "财务", "en": "finance record"},
    "appraisal": {"zh": "评议", "en": "appraisal"},
    "notice": {"zh": "公示", "en": "notice"},
    # Opinions and elections (issue 15)
    "opinion": {"zh": "意见建议", "en": "opinion"},
    "election": {"zh": "换届选举", "en": "election"},
    "branch": {"zh": "支部信息", "en": "branch description"},
}
RECORD_TYPES.update({
    "responsibility": {"zh": "责任清单", "en": "responsibility list"},
    "inspection": {"zh": "督查检查", "en": "inspection"},
})

ENUMERATIONS: dict[str, dict[str, Words]] = {
    "language": {
        "zh": {"zh": "中文", "en": "Chinese"},
        "en": {"zh": "英文", "en": "English"},
    },
    "period": {
        "month": {"zh": "月", "en": "Month"},
        "quarter": {"zh": "季度", "en": "Quarter"},
        "year": {"zh": "年", "en": "Year"},
    },
    # The disclosure catalogue (site_config.yml catalogue:): to whom an item is disclosed, and how often.
    "scope": {
        "public": {"zh": "公开", "en": "Public"},
        "members": {"zh": "党内", "en": "Members"},
    },
    "disclosure_timing": {
        "event": {"zh": "每次", "en": "Each event"},
        "month": {"zh": "月", "en": "Month"},
        "quarter": {"zh": "季度", "en": "Quarter"},
        "year": {"zh": "年", "en": "Year"},
    },
    "disclosure_state": {
        "on_time": {"zh": "及时", "en": "On time"},
        "late": {"zh": "逾期", "en": "Late"},
        "missing": {"zh": "未公开", "en": "Not disclosed"},
        "not_due": {"zh": "未到期", "en": "Not yet due"},
        "not_over": {"zh": "期间未结束", "en": "Period not over"},
        "upcoming": {"zh": "尚未发生", "en": "Not yet held"},
    },
    "visibility": {
        "public": {"zh": "公开", "en": "Public"},
        "members": {"zh": "党内", "en": "Members"},
        "restricted": {"zh": "不公开", "en": "Restricted"},
    },
    "status": {
        "published": {"zh": "已发布", "en": "Published"},
        "draft": {"zh": "草稿", "en": "Draft"},
    },
    "meeting_kind": {
        "general_assembly": {"zh": "党员大会", "en": "General assembly"},
        "branch_committee": {"zh": "支委会", "en": "Branch committee"},
        "group_meeting": {"zh": "党小组会", "en": "Group meeting"},
        "party_lesson": {"zh": "党课", "en": "Party lesson"},
        "theme_day": {"zh": "主题党日", "en": "Theme day"},
        "organizational_life": {"zh": "组织生活会", "en": "Organizational life"},
        "democratic_life": {"zh": "民主生活会", "en": "Democratic life"},
        "other": {"zh": "其他会议", "en": "Other"},
    },
    "decision_result": {
        "adopted": {"zh": "通过", "en": "Adopted"},
        "rejected": {"zh": "未通过", "en": "Rejected"},
        "deferred": {"zh": "暂缓", "en": "Deferred"},
    },
    "progress": {
        "not_started": {"zh": "未开始", "en": "Not started"},
        "in_progress": {"zh": "进行中", "en": "In progress"},
        "done": {"zh": "已完成", "en": "Done"},
    },
    "approval_scope": {
        "public": {"zh": "公开", "en": "Public records"},
        "all": {"zh": "全部", "en": "All published records"},
        "none": {"zh": "不要求", "en": "None"},
    },
    "finance_kind": {
        "dues": {"zh": "党费", "en": "Dues"},
        "funds": {"zh": "经费", "en": "Funds"},
    },
    "appraisal_kind": {
        "member_appraisal": {"zh": "民主评议党员", "en": "Member appraisal"},
        "branch_rating": {"zh": "支部评星定级", "en": "Branch rating"},
        "performance": {"zh": "绩效考核", "en": "Performance"},
    },
    # The roster's member status (branch.yml members[].status); only full members vote.
    "member_status": {
        "full": {"zh": "正式党员", "en": "Full member"},
        "probationary": {"zh": "预备党员", "en": "Probationary member"},
    },
    # The base of the 优秀 cap (norms.excellent_cap_base).
    "excellent_cap_base": {
        "full_members": {"zh": "参评正式党员", "en": "Full members appraised"},
        "members": {"zh": "全体参评党员", "en": "All members appraised"},
    },
    "grade": {
        "excellent": {"zh": "优秀", "en": "Excellent"},
        "qualified": {"zh": "合格", "en": "Qualified"},
        "basically_qualified": {"zh": "基本合格", "en": "Basically qualified"},
        "unqualified": {"zh": "不合格", "en": "Unqualified"},
    },
    "notice_kind": {
        "membership": {"zh": "发展党员", "en": "Membership"},
        "election": {"zh": "选举", "en": "Election"},
        "appraisal": {"zh": "评议结果", "en": "Appraisal"},
        "other": {"zh": "其他", "en": "Other"},
    },
    # Opinions and elections (issue 15)
    "opinion_channel": {
        "suggestion_box": {"zh": "意见箱", "en": "Suggestion box"},
        "forum": {"zh": "座谈会", "en": "Forum"},
        "talk": {"zh": "谈心谈话", "en": "Heart-to-heart talk"},
        "letter": {"zh": "来信", "en": "Letter"},
        "online": {"zh": "网上", "en": "Online"},
    },
    "opinion_raiser": {
        "member": {"zh": "党员", "en": "Party member"},
        "public": {"zh": "群众", "en": "Member of the public"},
    },
    "opinion_status": {
        "in_progress": {"zh": "办理中", "en": "In progress"},
        "resolved": {"zh": "已解决", "en": "Resolved"},
        "reported": {"zh": "已上报", "en": "Reported upward"},
        "explained": {"zh": "已说明", "en": "Explained"},
    },
    "election_body": {
        "committee": {"zh": "支部委员会", "en": "Branch committee"},
        "secretary": {"zh": "书记", "en": "Secretary"},
        "deputy_secretary": {"zh": "副书记", "en": "Deputy secretary"},
    },
}

# The responsibility system and supervision: who inspects, and the state of an inspection's follow-up.
ENUMERATIONS.update({
    "inspection_kind": {
        "parent_committee": {"zh": "上级党组织督查", "en": "Parent committee"},
        "discipline_group": {"zh": "纪检监察组检查", "en": "Discipline inspection group"},
        "inspection_tour": {"zh": "巡察", "en": "Inspection tour"},
        "special_check": {"zh": "专项检查", "en": "Special check"},
        "self_check": {"zh": "支部自查", "en": "Self-check"},
    },
    "inspection_state": {
        "overdue": {"zh": "整改逾期", "en": "Overdue"},
        "open": {"zh": "整改中", "en": "Being rectified"},
        "closed": {"zh": "整改完成", "en": "Rectified"},
        "no_items": {"zh": "无整改事项", "en": "Nothing to rectify"},
    },
})

# Which enumeration a record type's ``kind`` takes (decisions have no kind).
KIND_ENUMERATION: dict[str, str] = {
    "meeting": "meeting_kind",
    "finance": "finance_kind",
    "appraisal": "appraisal_kind",
    "notice": "notice_kind",
    "election": "election_body",
}

# Record types listed by a status of their own besides kind: type -> (field, enumeration).
STATUS_ENUMERATION: dict[str, tuple[str, str]] = {
    "opinion": ("handling", "opinion_status"),
}
KIND_ENUMERATION["inspection"] = "inspection_kind"  # responsibility lists have no kind


def values(enumeration: str) -> list[str]:
    """The canonical values of an enumeration, in their order."""
    return list(ENUMERATIONS[enumeration])


def label(enumeration: str, value: Optional[str], language: str) -> str:
    """A value as a page shows it in ``language`` ("" for no value; an unknown value as it is)."""
    if value is None:
        return ""
    words = ENUMERATIONS[enumeration].get(value)
    return words[language] if words else value


def written_word(enumeration: str, value: str, language: str) -> str:
    """A value as a worker writes it in ``language``: the Chinese word, or the identifier."""
    return ENUMERATIONS[enumeration][value]["zh"] if language == "zh" else value


def written_words(enumeration: str, language: str) -> dict[str, str]:
    """Every value of an enumeration -> the word a worker writes for it in ``language``."""
    return {value: written_word(enumeration, value, language) for value in ENUMERATIONS[enumeration]}


def canonical(enumeration: str, word: object) -> Optional[str]:
    """The value a written word stands for (the identifier or the Chinese word), else None."""
    if not isinstance(word, str):
        return None
    words = ENUMERATIONS[enumeration]
    if word in words:
        return word
    return next((value for value, pair in words.items() if pair["zh"] == word), None)


def accepted_words(enumeration: str) -> list[str]:
    """Every word a record may use for an enumeration: each identifier, then its Chinese word."""
    return [word for value, pair in ENUMERATIONS[enumeration].items() for word in (value, pair["zh"])]


def allowed_list(enumeration: str, language: str) -> list[str]:
    """The allowed values as an error message lists them: 支委会（branch_committee） / branch_committee."""
    if language == "zh":
        return [f"{pair['zh']}（{value}）" for value, pair in ENUMERATIONS[enumeration].items()]
    return values(enumeration)


def described(enumeration: str) -> str:
    """Every value with its Chinese word, for a schema's description: ``public 公开 | members 党内 | …``."""
    return " | ".join(f"{value} {pair['zh']}" for value, pair in ENUMERATIONS[enumeration].items())


def kind_label(record_type: str, kind: Optional[str], language: str) -> str:
    """A record's kind as a page shows it ("" for a type without kinds)."""
    enumeration = KIND_ENUMERATION.get(record_type)
    return label(enumeration, kind, language) if enumeration and kind else ""


def disclosing_label(spec: str, language: str) -> str:
    """A catalogue item's ``records:`` entry (``meeting`` or ``meeting/branch_committee``) as a page says it: 会议 / 支委会."""
    record_type, _, kind = spec.partition("/")
    return kind_label(record_type, kind, language) if kind else type_name(record_type, language)


def written_disclosing(spec: str, language: str) -> str:
    """A catalogue ``records:`` entry as a worker writes it in ``language``: 会议/支委会, or meeting/branch_committee."""
    if language != "zh":
        return spec
    record_type, _, kind = spec.partition("/")
    written = RECORD_TYPES[record_type]["zh"]
    return f"{written}/{written_word(KIND_ENUMERATION[record_type], kind, 'zh')}" if kind else written


def type_name(record_type: str, language: str) -> str:
    """A record type's name in ``language`` (会议 / meeting)."""
    return RECORD_TYPES[record_type][language]
