"""THE leak test: nothing members-only, restricted or draft reaches the public site.

One site is written into a temporary folder.  Every text field of every
record carries a unique marker whose prefix says who may see it:

=============  ==============================================================
``PUBOK``      public values: must be on both sites
``LEAKMEMB``   anything of a ``members`` record: members' site only
``LEAKREST``   anything of a ``restricted`` record (and an attachment no
               record names): neither site
``LEAKDRAFT``  anything of a ``status: draft`` record: neither site
``LEAKREASON`` reasons for leave and absence inside a public meeting: members' site only
``LEAKGROUP``  party-group member names and the roster in branch.yml: members' site only
``LEAKRAISER`` who raised a public opinion (its ``raised_by.name``): members' site only
``LEAKFIND``   a members-only finding inside a public inspection: members'
               site only
=============  ==============================================================

Markers sit in titles, bodies, summaries, tags, every meeting, decision,
ledger, appraisal, notice, opinion, election, responsibility list and inspection field, approvals, corrections, record ids,
attachment titles, attachment file and folder names and attachment contents.
Public records also point at members-only, restricted and draft records (a
decision's meeting, an expense's approving decision, a year-end report's
meeting), and members records
point at public ones, so the cross-record links and listings are covered.

The site is built once per engine (MkDocs, Zensical) with the real command,
then EVERY file under each audience's output is read — its path, its raw
bytes as text, the HTML unescaped text, the URL-unquoted text, ``\\uXXXX``
escapes decoded, JSON decoded and walked, gzip and zip members opened — and
every marker found is reported with the file and the field it came from.
Nothing is sampled on the forbidden side, so a new output (feed, data JSON,
CSV, iCalendar, the 公开目录 page) is scanned the day it appears; the
catalogue page is also held to showing members-scope items only as existing.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import json
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import unquote

import pytest

from .helpers import build_site, describe, write_site

TODAY = "2026-06-01"

# Every prefix a marker can have; a marker is PREFIX + four digits.
PREFIXES = ("PUBOK", "LEAKMEMB", "LEAKREST", "LEAKDRAFT", "LEAKREASON", "LEAKGROUP", "LEAKRAISER", "LEAKFIND")
MARKER_RE = re.compile(r"(PUBOK|LEAKMEMB|LEAKREST|LEAKDRAFT|LEAKREASON|LEAKGROUP|LEAKRAISER|LEAKFIND)(\d{4})")


# ---------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------


class Markers:
    """Hands out unique markers and remembers which field each one was put in."""

    def __init__(self) -> None:
        self._next = 1
        self.label_of: dict[str, str] = {}
        self.by_label: dict[str, str] = {}

    def new(self, prefix: str, label: str) -> str:
        assert prefix in PREFIXES
        marker = f"{prefix}{self._next:04d}"
        self._next += 1
        assert self._next < 10000
        self.label_of[marker] = label
        self.by_label[label] = marker
        return marker

    def of_prefix(self, prefix: str) -> list[str]:
        return [m for m in self.label_of if m.startswith(prefix)]


@dataclass
class Scope:
    """One disclosure scope of records: the marker prefix and the YAML words to set."""

    name: str  # public, members, restricted, draft_public, draft_members
    prefix: str
    visibility: str
    draft: bool = False


SCOPES = [
    Scope("public", "PUBOK", "public"),
    Scope("members", "LEAKMEMB", "members"),
    Scope("restricted", "LEAKREST", "restricted"),
    # Drafts: one that would be public, one that would be members-only, the
    # second written with the Chinese words to cover both spellings.
    Scope("draft_public", "LEAKDRAFT", "public", draft=True),
    Scope("draft_members", "LEAKDRAFT", "党内", draft=True),
]


# ---------------------------------------------------------------------------
# The site: every record type in every scope, every field marked
# ---------------------------------------------------------------------------


def _pdf(text: str) -> bytes:
    """A small valid, uncompressed PDF showing ``text``."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


class LeakSite:
    """Builds the files of the leak site; ``files`` maps site-relative paths to content."""

    def __init__(self) -> None:
        self.m = Markers()
        self.files: dict[str, Any] = {}
        self.ids: dict[tuple[str, str], str] = {}  # (scope, what) -> record id

    # -- shared parts --------------------------------------------------------

    def _k(self, scope: Scope, label: str) -> Callable[[str], str]:
        def k(what: str) -> str:
            return self.m.new(scope.prefix, f"{scope.name}.{label}.{what}")

        return k

    def _attachments(self, k: Callable[[str], str], folder: str) -> list[dict[str, str]]:
        """A text file in a marked sub-folder, and a PDF; marked names, titles, contents."""
        txt = f"{folder}/{k('attachment_dir')}/{k('attachment_txt_name')}-纪要.txt"
        pdf = f"{folder}/{k('attachment_pdf_name')}.pdf"
        self.files[f"content/attachments/{txt}"] = f"附件正文 {k('attachment_txt_content')}\n第二行 {k('attachment_txt_content2')}\n"
        self.files[f"content/attachments/{pdf}"] = _pdf(k("attachment_pdf_content"))
        return [{"file": txt, "title": f"附件 {k('attachment_title')}"}, {"file": pdf}]

    def _common(self, scope: Scope, k: Callable[[str], str], date: str, folder: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": f"标题 {k('title')}",
            "date": date,
            "visibility": scope.visibility,
        }
        if scope.draft:
            data["status"] = "draft" if scope.visibility == "public" else "草稿"
        data.update(
            {
                "summary": f"摘要 {k('summary')}",
                "tags": [k("tag_plain"), f"标签 {k('tag_spaced')}"],
                "body": (
                    f"## 小节 {k('body_heading')}\n\n"
                    f"正文 {k('body_text')}，**{k('body_bold')}**。\n\n"
                    f"- 列表 {k('body_list')}\n\n"
                    f"| 列 | 值 |\n|---|---|\n| 表格 | {k('body_table')} |\n\n"
                    f"[链接 {k('body_link_text')}](https://example.org/{k('body_link_url')}/)\n"
                ),
                "attachments": self._attachments(k, folder),
                "approval": {
                    # Complete and in order, approved before publication (an upcoming meeting's by today).
                    "proposed_by": f"提出 {k('approval_proposed_by')}",
                    "proposed_on": min(date, TODAY),
                    "reviewed_by": f"审查 {k('approval_reviewed_by')}",
                    "reviewed_on": min(date, TODAY),
                    "approved_by": f"审批 {k('approval_approved_by')}",
                    "approved_on": min(date, TODAY),
                },
                "corrections": [{"date": date, "change": f"更正 {k('correction_change')}", "reason": f"原因 {k('correction_reason')}"}],
            }
        )
        return data

    def _write(self, section: str, year: str, record_id: str, data: dict[str, Any]) -> None:
        self.files[f"content/{section}/{year}/{record_id}.yml"] = data

    # -- one record of each type -------------------------------------------

    def meeting(self, scope: Scope, what: str, date: str, kind: str, absent_reason: Callable[[str], str] | None = None) -> str:
        k = self._k(scope, f"meeting_{what}")
        record_id = f"{date}-{k('id')}"
        reason = absent_reason or k
        data = self._common(scope, k, date, f"minutes/{k('attachment_folder')}")
        data.update(
            {
                "kind": kind,
                "group": f"小组 {k('group')}",
                "start_time": "09:00",
                "end_time": "11:30",
                "location": f"地点 {k('location')}",
                "chair": f"主持 {k('chair')}",
                "recorder": f"记录 {k('recorder')}",
                # Said outright: the people listed are not on the branch's roster (their names are markers).
                "expected": "6",
                "attendees": [f"到会 {k('attendee1')}", f"到会 {k('attendee2')}", f"到会 {k('attendee3')}"],
                "on_leave": [{"name": f"请假 {k('leave_name1')}", "reason": f"病假 {reason('leave_reason1')}"}],
                "absent": [
                    {"name": f"缺席 {k('absent_name1')}", "reason": f"请假 {reason('absent_reason1')}"},
                    {"name": f"缺席 {k('absent_name2')}", "reason": f"出差 {reason('absent_reason2')}"},
                ],
                "guests": [f"列席 {k('guest')}"],
                "agenda": [f"议程 {k('agenda1')}", f"议程 {k('agenda2')}"],
                "speaker": f"讲课 {k('speaker')}",
                "topic": f"主题 {k('topic')}",
                "topics": [f"批评 {k('topics1')}", f"自我批评 {k('topics2')}"],
                "rectification": [
                    # An item is done, and has progress, only on a meeting already held (the rules check the dates).
                    {"item": f"整改 {k('rect_item1')}", "owner": f"责任人 {k('rect_owner1')}", "due": "2025-12-31", **({"status": "done", "done_on": date} if date <= TODAY else {})},
                    {
                        "item": f"整改 {k('rect_item2')}",
                        "owner": f"责任人 {k('rect_owner2')}",
                        "due": "2026-12-31",
                        "status": "in_progress",
                        "progress": [{"date": date, "text": f"进展 {k('rect_progress1')}"}] if date <= TODAY else [],
                    },
                ],
            }
        )
        self._write("meetings", date[:4], record_id, data)
        return record_id

    def decision(self, scope: Scope, what: str, date: str, meeting: str | None) -> str:
        k = self._k(scope, f"decision_{what}")
        record_id = k("id")  # set with ``id:``; the file name carries a marker of its own
        data: dict[str, Any] = {"id": record_id}
        data.update(self._common(scope, k, date, f"decisions/{k('attachment_folder')}"))
        data.update(
            {
                "meeting": meeting,
                "category": f"类别 {k('category')}",
                "background": f"背景 {k('background')}",
                "consultation": {
                    "method": f"方式 {k('consultation_method')}",
                    "start": date,
                    "end": date,
                    "participants": "10",
                    "opinions": "3",
                    "summary": f"意见 {k('consultation_summary')}",
                },
                # Three attended the meeting: the vote fits it and has a majority.
                "vote": {"for": "2", "against": "1", "abstain": "0"},
                "result": "adopted",
                "follow_up": [
                    {"date": date, "action": f"落实 {k('follow_up1')}", "status": "done"},
                    {"date": date, "action": f"落实 {k('follow_up2')}"},
                ],
            }
        )
        if meeting is None:
            del data["meeting"]
        self._write("decisions", date[:4], f"{date}-{k('file_name')}", data)
        return record_id

    def dues(self, scope: Scope, what: str, date: str) -> str:
        """Dues per member: their names and notes are members-only even in a public record (LEAKMEMB there)."""
        k = self._k(scope, f"dues_{what}")
        member = k if scope.name != "public" else (lambda what_: self.m.new("LEAKMEMB", f"public.dues_{what}.{what_}"))
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"dues/{k('attachment_folder')}")
        data.update(
            {
                "kind": "dues",
                "year": date[:4],
                # Bases and payments no other value has (DUES_MEMBER_AMOUNTS): the public site must show none of them.
                "members": [
                    {"name": f"党员 {member('member_name1')}", "base": "8765.43", "rate": "1.5%", "paid": {"1": "131.48", "2": "131.48"}},
                    {"name": f"党员 {member('member_name2')}", "base": "9876.54", "paid": {"1": "148.15", "2": "100.00"}, "note": f"备注 {member('member_note')}"},
                ],
            }
        )
        self._write("finances", date[:4], record_id, data)
        return record_id

    def funds(self, scope: Scope, what: str, date: str, decisions: list[str | None]) -> str:
        """A ledger with one expense per entry of ``decisions`` (the approving decision or None)."""
        k = self._k(scope, f"funds_{what}")
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"funds/{k('attachment_folder')}")
        expenses = []
        for n, decision in enumerate(decisions, start=1):
            receipt = f"receipts/{k(f'receipt_dir{n}')}/{k(f'receipt_name{n}')}.pdf"
            self.files[f"content/attachments/{receipt}"] = _pdf(k(f"receipt_content{n}"))
            expense = {
                "date": date,
                "item": f"支出 {k(f'expense_item{n}')}",
                "category": f"类别 {k(f'expense_category{n}')}",
                "amount": "100.00",
                "approved_by": f"审批人 {k(f'expense_approved_by{n}')}",
                "decision": decision,
                "receipts": [receipt],
            }
            if decision is None:
                del expense["decision"]
            expenses.append(expense)
        data.update(
            {
                "kind": "funds",
                "period": f"期间 {k('period')}",
                "period_start": f"{date[:4]}-01-01",
                "period_end": f"{date[:4]}-03-31",
                # Income equals spending, so every ledger opens and closes at 1000.00
                # and the chain of balances holds whatever order the ledgers sort in.
                "opening_balance": "1000.00",
                "income": [
                    {"date": date, "source": f"来源 {k('income_source1')}", "amount": f"{100 * len(decisions) - 50}.00"},
                    {"date": date, "source": f"来源 {k('income_source2')}", "amount": "50.00"},
                ],
                "expenses": expenses,
                "closing_balance": "1000.00",
                "audit": {"date": date, "auditor": f"审计 {k('audit_auditor')}", "finding": f"结论 {k('audit_finding')}"},
            }
        )
        self._write("finances", date[:4], record_id, data)
        return record_id

    def appraisal(self, scope: Scope, what: str, date: str) -> str:
        k = self._k(scope, f"appraisal_{what}")
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"appraisals/{k('attachment_folder')}")
        data.update(
            {
                "kind": "member_appraisal",
                "period": f"年度 {k('period')}",
                "members": "12",
                "steps": [{"name": f"步骤 {k('step1')}", "date": date}, {"name": f"步骤 {k('step2')}", "date": date}],
                "results": {"excellent": "3", "qualified": "8", "basically_qualified": "1", "unqualified": "0"},
                "excellent_members": [f"优秀 {k('excellent1')}", f"优秀 {k('excellent2')}", f"优秀 {k('excellent3')}"],
                "rating": f"星级 {k('rating')}",
                "indicators": [
                    {"name": f"指标 {k('indicator1')}", "target": "12", "actual": "12", "unit": f"单位 {k('indicator_unit1')}"},
                    {"name": f"指标 {k('indicator2')}", "target": "95.5", "actual": "97", "unit": "%"},
                ],
                "measures": [f"措施 {k('measure1')}", f"措施 {k('measure2')}"],
            }
        )
        self._write("appraisals", date[:4], record_id, data)
        return record_id

    def notice(self, scope: Scope, what: str, date: str, start: str, end: str) -> str:
        k = self._k(scope, f"notice_{what}")
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"notices/{k('attachment_folder')}")
        data.update(
            {
                "kind": "membership",
                "stage": f"阶段 {k('stage')}",
                "start": start,
                "end": end,
                "contact": f"联系 {k('contact')}",
                "subjects": [
                    {"name": f"对象 {k('subject_name1')}", "detail": f"情况 {k('subject_detail1')}"},
                    {"name": f"对象 {k('subject_name2')}"},
                ],
            }
        )
        self._write("notices", date[:4], record_id, data)
        return record_id

    # -- opinions and elections (issue 15) ------------------------------------

    def opinion(self, scope: Scope, what: str, date: str, decision: str | None, raiser: Callable[[str], str] | None = None) -> str:
        """An answered opinion; ``raiser`` marks the name of who raised it (members-only even in a public opinion)."""
        k = self._k(scope, f"opinion_{what}")
        record_id = f"{date}-{k('id')}"
        name = raiser or k
        data = self._common(scope, k, date, f"opinions/{k('attachment_folder')}")
        data.update(
            {
                "channel": "意见箱",
                "raised_by": {"role": "群众", "name": f"提出人 {name('raiser_name')}"},
                "subject": f"主题 {k('subject')}",
                "content": f"内容 {k('content')}",
                "handler": f"承办 {k('handler')}",
                "handling": "已解决",
                "reply": f"答复 {k('reply')}",
                "replied_on": date,
                "decision": decision,
            }
        )
        if decision is None:
            del data["decision"]
        self._write("opinions", date[:4], record_id, data)
        return record_id

    def election(self, scope: Scope, what: str, date: str, meeting: str | None) -> str:
        k = self._k(scope, f"election_{what}")
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"elections/{k('attachment_folder')}")
        data.update(
            {
                "kind": "支部委员会",
                "meeting": meeting,
                "plan_approval": {"date": date, "number": f"文号 {k('plan_number')}", "by": f"批复 {k('plan_by')}"},
                "seats": "2",
                "eligible_voters": "12",
                "ballots": {"issued": "12", "returned": "12", "valid": "12"},
                "candidates": [{"name": f"候选 {k('candidate1')}", "votes": "10"}, {"name": f"候选 {k('candidate2')}", "votes": "9"}, {"name": f"候选 {k('candidate3')}", "votes": "5"}],
                "term": {"start": date, "end": "2029-12-31"},
            }
        )
        # Those elected are named as among the candidates: the same markers.
        data["elected"] = [data["candidates"][0]["name"], data["candidates"][1]["name"]]
        if meeting is None:
            del data["meeting"]
        self._write("elections", date[:4], record_id, data)
        return record_id

    def responsibility(self, scope: Scope, what: str, date: str, reports: list[str | None]) -> str:
        """A responsibility list with one assignment per entry of ``reports`` (the meeting of the year-end report, or None)."""
        k = self._k(scope, f"responsibility_{what}")
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"duties/{k('attachment_folder')}")
        assignments = []
        for n, report in enumerate(reports, start=1):
            assignment = {
                "name": f"支委 {k(f'name{n}')}",
                "post": f"职务 {k(f'post{n}')}",
                "work_post": f"岗位 {k(f'work_post{n}')}",
                "duties": [f"责任 {k(f'duty{n}')}"],
                "work_duties": [f"业务 {k(f'work_duty{n}')}"],
                "signed_on": date,
                "reported_on": date,
                "report_summary": f"述职 {k(f'report_summary{n}')}",
            }
            if report:
                assignment["report"] = report
            assignments.append(assignment)
        data.update({"year": date[:4], "issued_by": f"制定 {k('issued_by')}", "assignments": assignments})
        self._write("responsibilities", date[:4], record_id, data)
        return record_id

    def inspection(self, scope: Scope, what: str, date: str, members_finding: Callable[[str], str] | None = None) -> str:
        """An inspection with findings (one members-only, marked by ``members_finding`` when given) and items."""
        k = self._k(scope, f"inspection_{what}")
        record_id = f"{date}-{k('id')}"
        data = self._common(scope, k, date, f"inspections/{k('attachment_folder')}")
        hidden = members_finding or k
        data.update(
            {
                "kind": "discipline_group",
                "inspector": f"检查组 {k('inspector')}",
                "scope": [f"范围 {k('scope1')}"],
                "method": f"方式 {k('method')}",
                "conclusion": f"结论 {k('conclusion')}",
                "findings": [
                    {"text": f"问题 {k('finding1')}", "category": f"类别 {k('finding_category1')}"},
                    {"text": f"问题 {hidden('finding_members')}", "category": f"类别 {hidden('finding_members_category')}", "visibility": "党内"},
                ],
                "rectification": [
                    {"item": f"整改 {k('rect_item1')}", "owner": f"责任人 {k('rect_owner1')}", "due": "2025-12-31", "status": "done", "done_on": date, "progress": [{"date": date, "text": f"进展 {k('rect_progress1')}"}]},
                    {"item": f"整改 {k('rect_item2')}", "owner": f"责任人 {k('rect_owner2')}", "due": "2026-03-31", "status": "in_progress"},
                ],
            }
        )
        self._write("inspections", date[:4], record_id, data)
        return record_id

    # -- the whole site ------------------------------------------------------

    def build(self) -> dict[str, Any]:
        by_scope = {s.name: s for s in SCOPES}
        public = by_scope["public"]
        meetings: dict[str, str] = {}
        decisions: dict[str, str] = {}
        for scope in SCOPES:
            reason = None
            if scope.name == "public":
                # Absence reasons inside a public meeting are members-only.
                def reason(what: str, _m: Markers = self.m) -> str:
                    return _m.new("LEAKREASON", f"public.meeting.{what}")

            meetings[scope.name] = self.meeting(scope, "held", "2025-03-12", "organizational_life", reason)
            # Upcoming after --today, so it is listed on the home page if visible.
            self.meeting(scope, "upcoming", "2026-06-10", "party_lesson", reason)
            decisions[scope.name] = self.decision(scope, "own", "2025-03-12", meetings[scope.name])
            # A month's dues are recorded once: each scope's dues in a year of its own (drafts are not checked).
            self.dues(scope, "year", {"members": "2024-02-28", "restricted": "2023-02-28"}.get(scope.name, "2025-02-28"))
            self.funds(scope, "ledger", "2025-03-31", [decisions[scope.name], None])
            self.appraisal(scope, "year", "2025-01-20")
            # Open on --today, so it is listed among the open notices if visible.
            self.notice(scope, "open", "2026-05-28", "2026-05-28", "2026-06-05")
            self.notice(scope, "closed", "2025-04-01", "2025-04-01", "2025-04-08")
            raiser = None
            if scope.name == "public":
                # Who raised a public opinion is members-only.
                def raiser(what: str, _m: Markers = self.m) -> str:
                    return _m.new("LEAKRAISER", f"public.opinion.{what}")

            self.opinion(scope, "answered", "2025-05-12", decisions[scope.name], raiser)
            self.election(scope, "held", "2025-03-12", meetings[scope.name])

            finding = None
            if scope.name == "public":
                # A members-only finding inside a public inspection.
                def finding(what: str, _m: Markers = self.m) -> str:
                    return _m.new("LEAKFIND", f"public.inspection.{what}")

            self.inspection(scope, "own", "2025-03-20", finding)
            self.responsibility(scope, "year", "2025-02-20", [meetings[scope.name]])

        # Public records pointing at records the public may not see: their ids and
        # titles must not reach the public site through the link.
        for hidden in ("members", "restricted", "draft_public", "draft_members"):
            self.decision(public, f"refers_{hidden}_meeting", "2025-05-10", meetings[hidden])
        self.funds(public, "refers_hidden_decisions", "2025-06-30", [decisions["members"], decisions["restricted"], decisions["draft_public"], decisions["draft_members"]])
        self.responsibility(public, "refers_hidden_meetings", "2025-02-21", [meetings["members"], meetings["restricted"], meetings["draft_public"], meetings["draft_members"]])
        # Members records pointing at public ones: the public meeting's "decisions
        # taken" and the public decision's "funded by" must not list them.
        self.decision(by_scope["members"], "refers_public_meeting", "2025-05-11", meetings["public"])
        self.funds(by_scope["members"], "refers_public_decision", "2025-06-30", [decisions["public"]])
        # A public opinion and election pointing at hidden records (the decision it led to, the meeting that held it).
        for hidden in ("members", "restricted", "draft_public", "draft_members"):
            self.opinion(public, f"refers_{hidden}_decision", "2025-05-13", decisions[hidden], lambda what, _h=hidden, _m=self.m: _m.new("LEAKRAISER", f"public.opinion_{_h}.{what}"))
            self.election(public, f"refers_{hidden}_meeting", "2025-03-13", meetings[hidden])
        # A tag shared by a public and a members record: the public tag page may list only the public one.
        shared_tag = "共享标签"
        for path, data in self.files.items():
            if path.endswith(".yml") and isinstance(data, dict) and data.get("tags"):
                data["tags"].append(shared_tag)

        # An attachment no record names: never published.
        orphan = self.m.new("LEAKREST", "orphan.attachment_name")
        self.files[f"content/attachments/{orphan}.txt"] = f"孤立附件 {self.m.new('LEAKREST', 'orphan.attachment_content')}\n"

        g = lambda what: self.m.new("LEAKGROUP", f"branch.{what}")  # noqa: E731
        p = lambda what: self.m.new("PUBOK", f"branch.{what}")  # noqa: E731
        self.files["content/branch.yml"] = {
            "name": f"党支部 {p('name')}",
            "parent": f"上级 {p('parent')}",
            "description": f"简介 {p('description')}",
            "committee": [{"name": f"书记 {p('committee_name')}", "post": f"书记 {p('committee_post')}"}],
            "groups": [
                {"name": f"第一党小组 {p('group_name1')}", "leader": f"组长 {p('group_leader1')}", "members": [f"组员 {g('group1_member1')}", f"组员 {g('group1_member2')}"]},
                {"name": f"第二党小组 {p('group_name2')}", "members": [f"组员 {g('group2_member1')}"]},
            ],
            # The roster (党员名册) is members-only, and shown on neither site: the public view has only its counts.
            "members": [
                {"name": f"党员 {g(f'roster_member{n}')}", "status": "预备党员" if n == 12 else "正式党员", "joined": "2024-06-01"}
                for n in range(1, 13)
            ],
            "member_counts": [{"since": "2025-01-01", "count": "12", "probationary": "1"}],
            "term": {"start": "2024-01-01", "end": "2026-12-31"},
            "contact": {"email": f"{p('contact_email')}@example.org", "address": f"地址 {p('contact_address')}", "objections": f"异议 {p('contact_objections')}"},
        }
        return self.files


# ---------------------------------------------------------------------------
# Reading every byte of the output
# ---------------------------------------------------------------------------

_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif value is not None:
        yield str(value)


def _text_views(text: str) -> Iterator[str]:
    """The text as written, HTML-unescaped, URL-unquoted, \\uXXXX-decoded, zero-width-free."""
    unescaped = html.unescape(text)
    yield text
    yield unescaped
    yield unquote(text)
    yield unquote(unescaped)
    decoded = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    yield decoded
    yield html.unescape(unquote(decoded))
    yield _ZERO_WIDTH.sub("", html.unescape(unquote(decoded)))


def _json_view(data: bytes) -> Iterator[str]:
    try:
        value = json.loads(data.decode("utf-8", errors="ignore"))
    except ValueError:
        return
    for text in _json_strings(value):
        yield from _text_views(text)


def _gzip_members(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    yield name[: -len(".gz")], gzip.decompress(data)


def _pagefind_members(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """Pagefind's index files (fragments, index chunks, metadata, WebAssembly) are gzip streams."""
    yield f"{name}!gunzip", gzip.decompress(data)


def _zip_members(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            yield f"{name}!{info.filename}", archive.read(info)


# Table: how a file's bytes are opened, by how its name ends.  Every file is also
# read as text whatever its name; containers are opened and their members read
# the same way (so a future feed.xml.gz or data.zip is covered).
CONTAINERS: dict[str, Callable[[str, bytes], Iterator[tuple[str, bytes]]]] = {
    ".gz": _gzip_members,
    ".zip": _zip_members,
    ".pf_fragment": _pagefind_members,
    ".pf_index": _pagefind_members,
    ".pf_meta": _pagefind_members,
    ".pf_filter": _pagefind_members,
    ".pagefind": _pagefind_members,
}
STRUCTURED: dict[str, Callable[[bytes], Iterator[str]]] = {
    ".json": _json_view,
    ".geojson": _json_view,
    ".webmanifest": _json_view,
    ".map": _json_view,
}


def _views_of(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) for every way of reading one file's name and bytes."""
    yield name, name
    for text in _text_views(name):
        yield name, text
    lowered = name.lower()
    for suffix, opener in CONTAINERS.items():
        if lowered.endswith(suffix):
            for inner_name, inner_data in opener(name, data):
                yield from _views_of(inner_name, inner_data)
    text = data.decode("utf-8", errors="ignore")
    for view in _text_views(text):
        yield name, view
    # Other encodings an export might use (UTF-16 CSV from a spreadsheet tool, say).
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        for view in _text_views(data.decode("utf-16", errors="ignore")):
            yield name, view
    for suffix, reader in STRUCTURED.items():
        if lowered.endswith(suffix):
            for view in reader(data):
                yield name, view


@dataclass
class Scan:
    """Every marker found in one output tree, by file."""

    files: int = 0
    bytes: int = 0
    extensions: set[str] = field(default_factory=set)
    found: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # marker -> files

    def markers(self) -> set[str]:
        return set(self.found)


def scan_tree(root: Path) -> Scan:
    scan = Scan()
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        data = path.read_bytes()
        scan.files += 1
        scan.bytes += len(data)
        scan.extensions.add("".join(path.suffixes[-1:]).lower() or "(none)")
        for where, text in _views_of(rel, data):
            for match in MARKER_RE.finditer(text.upper()):
                scan.found[match.group(0)].add(where)
    return scan


# ---------------------------------------------------------------------------
# The build, once for the module per engine
# ---------------------------------------------------------------------------

# Every rendering engine (openbranch build --engine): each writes its own
# files (search index, sitemap, assets), so each output is scanned.
ENGINES = ["mkdocs", "zensical"]


@dataclass
class Built:
    site: Path
    out: Path
    markers: Markers
    scans: dict[str, Scan]
    stdout: str
    stderr: str
    engine: str


@pytest.fixture(scope="module", params=ENGINES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp(f"leak-{request.param}")
    leak = LeakSite()
    files = leak.build()
    config = {
        "site_name": "泄露测试党支部",
        "language": "zh",
        "default_visibility": "members",
        "audiences": {"public": {"url": "https://public.example.org/"}, "members": {"url": "https://members.example.org/"}},
        # The search index in parts (pagefind/part-2/, …), so every part is scanned.
        "limits": {"search_index_pages": 10},
    }
    site = write_site(root / "site", files, config)
    out = root / "out"
    proc = build_site(site, out, "--engine", request.param, today=TODAY)
    assert proc.returncode == 0, describe(proc)
    scans = {audience: scan_tree(out / audience) for audience in ("public", "members")}
    return Built(site, out, leak.m, scans, proc.stdout, proc.stderr, request.param)


# ---------------------------------------------------------------------------
# The rules, one row per audience
# ---------------------------------------------------------------------------

FORBIDDEN = {
    "public": ("LEAKMEMB", "LEAKREST", "LEAKDRAFT", "LEAKREASON", "LEAKGROUP", "LEAKRAISER", "LEAKFIND"),
    "members": ("LEAKREST", "LEAKDRAFT"),
}

# Values that must be on each site, so the scan cannot pass by finding nothing.
# Labels are ``scope.record_what.field`` as handed out by LeakSite.
REQUIRED = {
    "public": [
        "public.meeting_held.title",
        "public.meeting_held.body_text",
        "public.meeting_held.body_heading",
        "public.meeting_held.summary",
        "public.meeting_held.tag_plain",
        "public.meeting_held.location",
        "public.meeting_held.chair",
        "public.meeting_held.attendee1",
        "public.meeting_held.absent_name1",
        "public.meeting_held.leave_name1",
        "public.meeting_held.agenda1",
        "public.meeting_held.topics1",
        "public.meeting_held.rect_item1",
        "public.meeting_held.rect_progress1",
        "public.meeting_held.attachment_title",
        "public.meeting_held.attachment_txt_name",
        "public.meeting_held.attachment_txt_content",
        "public.meeting_held.attachment_pdf_name",
        "public.meeting_held.attachment_pdf_content",
        "public.meeting_held.correction_change",
        "public.meeting_upcoming.title",
        "public.decision_own.id",
        "public.decision_own.title",
        "public.decision_own.consultation_method",
        "public.decision_own.follow_up1",
        "public.decision_refers_members_meeting.title",
        "public.dues_year.title",
        "public.funds_ledger.expense_item1",
        "public.funds_ledger.income_source1",
        "public.funds_ledger.receipt_name1",
        "public.funds_ledger.receipt_content1",
        "public.funds_refers_hidden_decisions.expense_item1",
        "public.appraisal_year.step1",
        "public.appraisal_year.indicator1",
        "public.appraisal_year.excellent1",
        "public.notice_open.subject_name1",
        "public.notice_open.contact",
        "public.notice_closed.title",
        "public.opinion_answered.subject",
        "public.opinion_answered.reply",
        "public.opinion_refers_members_decision.title",
        "public.election_held.candidate1",
        "public.election_held.plan_number",
        "public.election_refers_members_meeting.title",
        "public.inspection_own.title",
        "public.inspection_own.inspector",
        "public.inspection_own.scope1",
        "public.inspection_own.finding1",
        "public.inspection_own.rect_item1",
        "public.inspection_own.rect_progress1",
        "public.responsibility_year.name1",
        "public.responsibility_year.duty1",
        "public.responsibility_year.work_duty1",
        "public.responsibility_year.report_summary1",
        "public.responsibility_refers_hidden_meetings.name1",
        "branch.name",
        "branch.group_name1",
    ],
}
REQUIRED["members"] = REQUIRED["public"] + [
    label.replace("public.", "members.", 1) for label in REQUIRED["public"] if label.startswith("public.") and "refers_" not in label
] + [
    "members.decision_refers_public_meeting.title",
    "members.funds_refers_public_decision.expense_item1",
]

# Kinds of output files the scan must have read (attachments: .txt and .pdf;
# MkDocs also gzips the sitemap, Zensical does not; the search index: Pagefind's
# fragments, chunks, metadata and WebAssembly, made for either engine).
_PAGEFIND = {".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"}
EXPECTED_EXTENSIONS = {
    "mkdocs": {".html", ".json", ".xml", ".gz", ".js", ".css", ".txt", ".pdf"} | _PAGEFIND,
    "zensical": {".html", ".json", ".xml", ".js", ".css", ".txt", ".pdf"} | _PAGEFIND,
}

AUDIENCES = ["public", "members"]


def _report(built: Built, audience: str, markers: set[str]) -> str:
    lines = []
    for marker in sorted(markers):
        files = sorted(built.scans[audience].found[marker])
        shown = ", ".join(files[:6]) + (f", … ({len(files)} files)" if len(files) > 6 else "")
        lines.append(f"  {marker} [{built.markers.label_of.get(marker, 'unknown marker')}] in {shown}")
    return "\n".join(lines)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_forbidden_marker_in_any_file(built: Built, audience: str) -> None:
    scan = built.scans[audience]
    leaked = {m for m in scan.markers() if m.startswith(FORBIDDEN[audience])}
    assert not leaked, f"{len(leaked)} markers leaked into the {audience} site:\n" + _report(built, audience, leaked)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_required_markers_present(built: Built, audience: str) -> None:
    scan = built.scans[audience]
    missing = [label for label in REQUIRED[audience] if built.markers.by_label[label] not in scan.found]
    assert not missing, f"values the {audience} site must show are missing (the scan would pass vacuously): {missing}"


def test_members_site_shows_absence_reasons(built: Built) -> None:
    """The reasons hidden from the public are really rendered for members (so hiding them is tested)."""
    reasons = set(built.markers.of_prefix("LEAKREASON"))
    assert reasons & built.scans["members"].markers() == reasons


def test_withheld_meetings_and_the_roster(built: Built) -> None:
    """Issue 13: the public 三会一课 calendar counts a members-only meeting with nothing of its record; the roster stays out.

    The members-only and restricted life meetings (2025-03-12) and everything they hold are
    LEAKMEMB / LEAKREST markers, so ``test_no_forbidden_marker_in_any_file`` proves no byte of
    them reaches the public site; this checks the fact that one was held is there, so that
    proof is not vacuous for the calendar.  Reasons for leave (``on_leave``) are LEAKREASON
    markers like reasons for absence, and the roster's names LEAKGROUP markers.
    """
    from generator.audience import narrow
    from generator.config import load_site
    from generator.pipeline import check

    html = (built.out / "public" / "regularity" / "index.html").read_text(encoding="utf-8")
    year = html[html.index(">2025年<") :]
    life = next(row for row in re.findall(r"<tr[^>]*>(.*?)</tr>", year, re.S) if "组织生活会" in row)
    # The public meeting of that day is linked; the members-only one is a mark and its scope, no link, no title.
    assert "ob-cell--held" in life and life.count("<a ") == 1
    assert '<span class="ob-cell__withheld">✓<small class="ob-cell__note">党内公开</small><span class="ob-sr-only"> 已召开</span></span>' in life
    assert "不公开" not in html  # the restricted one counts nowhere by default
    site, _ = load_site(built.site / "site_config.yml")
    assert site is not None
    records, _ = check(site, dt.date.fromisoformat(TODAY))
    public = narrow(records, "public", today=dt.date.fromisoformat(TODAY))
    # What the public view knows of the hidden meetings: kind, group, period, visibility; nothing else.
    assert {w.visibility for w in public.withheld_meetings} == {"members", "restricted"}
    assert all(MARKER_RE.search(repr(w)) is None for w in public.withheld_meetings)
    # The roster becomes its counts: the same headcount every day, and no name.
    assert public.branch is not None and public.branch.members == []
    assert records.branch is not None and len(records.branch.members) == 12
    for day in ("2024-06-01", "2024-06-02", "2025-06-01"):
        assert public.branch.headcount_on(dt.date.fromisoformat(day)) == records.branch.headcount_on(dt.date.fromisoformat(day))
    assert "LEAKGROUP" not in public.branch.model_dump_json()


def test_members_site_shows_who_raised_each_public_opinion(built: Built) -> None:
    """The names hidden from the public are really rendered for members (so hiding them is tested)."""
    names = set(built.markers.of_prefix("LEAKRAISER"))
    assert names and names & built.scans["members"].markers() == names


def test_members_site_shows_members_only_findings(built: Built) -> None:
    """The finding hidden from the public inside a public inspection is really rendered for members."""
    findings = set(built.markers.of_prefix("LEAKFIND"))
    assert findings and findings & built.scans["members"].markers() == findings


@pytest.mark.parametrize("audience", AUDIENCES)
def test_scan_read_every_kind_of_file(built: Built, audience: str) -> None:
    scan = built.scans[audience]
    assert scan.files > 20 and scan.bytes > 100_000
    missing = EXPECTED_EXTENSIONS[built.engine] - scan.extensions
    assert not missing, f"the scan read no {sorted(missing)} file in the {audience} site; it read {sorted(scan.extensions)}"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_search_index_was_read(built: Built, audience: str) -> None:
    """The site's own values are found inside its Pagefind index, so a leak into it would be too."""
    marker = built.markers.by_label[f"{audience}.meeting_held.body_text"]
    where = built.scans[audience].found[marker]
    assert any(re.match(r"pagefind/(part-\d+/)?fragment/", w) and w.endswith("!gunzip") for w in where), sorted(where)
    assert any(re.match(r"pagefind/(part-\d+/)?index/", w) and w.endswith("!gunzip") for w in where), sorted(where)
    # The index is in parts: the scan read the parts after the first too.
    parts = json.loads((built.out / audience / "pagefind" / "openbranch-parts.json").read_text(encoding="utf-8"))["parts"]
    assert len(parts) >= 2, parts
    found_in_parts = {w.split("/")[1] for where in built.scans[audience].found.values() for w in where if w.startswith("pagefind/part-") and w.endswith("!gunzip")}
    assert found_in_parts == {part.rstrip("/") for part in parts}, (found_in_parts, parts)


def test_every_marker_is_known(built: Built) -> None:
    """A marker found that LeakSite never handed out means the scan or the fixture is broken."""
    for audience in AUDIENCES:
        unknown = built.scans[audience].markers() - set(built.markers.label_of)
        assert not unknown, unknown


def test_catalogue_page_shows_members_scope_items_only_as_existing(built: Built) -> None:
    """The 公开目录 page (default catalogue): on the public site a members-scope item names no record, not even a public one;
    a public item names public records only; the members' site shows both. (Its every byte is in the scans above.)"""
    pages = {audience: (built.out / audience / "catalogue" / "index.html").read_text(encoding="utf-8") for audience in AUDIENCES}
    found = {audience: set(MARKER_RE.findall(page)) for audience, page in pages.items()}
    marker = lambda label: tuple(MARKER_RE.match(built.markers.by_label[label]).groups())  # noqa: E731
    # 重大事项决策 (public): the public decision is its latest disclosure on both sites; the members one on neither.
    assert marker("public.decision_own.title") in found["public"] and marker("public.decision_own.title") in found["members"]
    assert marker("members.decision_own.title") not in found["members"] | found["public"]
    # 党费收缴使用管理 (members): nothing of its records on the public page, its latest disclosure on the members' page.
    dues = {marker("public.dues_year.title"), marker("members.dues_year.title")}
    assert not dues & found["public"]
    assert dues & found["members"]
    assert not {m for m in found["public"] if m[0] != "PUBOK"}


def test_scanner_sees_hidden_forms() -> None:
    """The scanner itself: escaped, encoded, compressed and zipped markers are all found."""
    root_files = {
        "a.html": "<p>&#76;EAKMEMB0001 &lt;LEAKMEMB0002&gt;</p>".encode(),
        "b.json": b'{"k": "\\u004cEAKREST0003", "\\u004cEAKDRAFT0004": ["x"]}',
        "c.js": b'var s = "\\u004cEAKGROUP0005";',
        "d.xml.gz": gzip.compress(b"<loc>https://x/LEAKMEMB0006/</loc>", mtime=0),
        "e.txt": "%4C%45AKREASON0007 leak\u200bmemb0008".encode(),
        "LEAKMEMB0009/f.css": b"",
        "g.csv": "LEAKREST0010".encode("utf-16"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner.csv", "LEAKDRAFT0011")
    root_files["h.zip"] = buffer.getvalue()
    root_files["pagefind/fragment/und_1.pf_fragment"] = gzip.compress(b'pagefind_dcd{"content":"LEAKMEMB0012"}', mtime=0)

    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, data in root_files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        found = scan_tree(root).markers()
    assert found == {f"{p}{n:04d}" for p, n in [
        ("LEAKMEMB", 1), ("LEAKMEMB", 2), ("LEAKREST", 3), ("LEAKDRAFT", 4), ("LEAKGROUP", 5), ("LEAKMEMB", 6),
        ("LEAKREASON", 7), ("LEAKMEMB", 8), ("LEAKMEMB", 9), ("LEAKREST", 10), ("LEAKDRAFT", 11), ("LEAKMEMB", 12),
    ]}



# ---------------------------------------------------------------------------
# The committee portal over the same site: its public portal reads only the
# branch's public site, so nothing members-only may reach any byte of it
# ---------------------------------------------------------------------------


@dataclass
class Portal:
    scans: dict[str, Scan]
    markers: Markers


@pytest.fixture(scope="module")
def portal(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Portal:
    from .helpers import run_openbranch, write_file

    root = tmp_path_factory.mktemp(f"leak-portal-{built.engine}")
    name = built.markers.by_label["branch.name"]
    write_file(root / "portal.yml", {
        "name": "泄露测试党委",
        "urls": {"public": "https://portal.example.org/", "members": "https://portal.intranet.example.org/"},
        "organizations": [{
            "name": f"党支部 {name}",
            "sites": {"public": str(built.out / "public"), "members": str(built.out / "members")},
            "urls": {"public": "https://public.example.org/", "members": "https://members.example.org/"},
        }],
    })
    proc = run_openbranch("portal", "-c", root / "portal.yml", "-d", root / "out", cwd=root)
    assert proc.returncode == 0, describe(proc)
    return Portal({audience: scan_tree(root / "out" / audience) for audience in AUDIENCES}, built.markers)


# What each portal must show, so its scan cannot pass by finding nothing: the
# branch's name, its open notice (the home page's count, the notices page's
# title) and its appraisal's period.
PORTAL_REQUIRED = {
    audience: ["branch.name", f"{audience}.notice_open.title", f"{audience}.appraisal_year.period"] for audience in AUDIENCES
}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_forbidden_marker_in_the_portal(portal: Portal, audience: str) -> None:
    scan = portal.scans[audience]
    leaked = {m for m in scan.markers() if m.startswith(FORBIDDEN[audience])}
    assert not leaked, f"{len(leaked)} markers leaked into the {audience} portal: " + ", ".join(f"{m} [{portal.markers.label_of.get(m)}] in {sorted(scan.found[m])[:4]}" for m in sorted(leaked))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_portal_shows_the_branch(portal: Portal, audience: str) -> None:
    scan = portal.scans[audience]
    missing = [label for label in PORTAL_REQUIRED[audience] if portal.markers.by_label[label] not in scan.found]
    assert not missing, f"the {audience} portal does not show {missing}"
    assert {".html", ".json", ".csv", ".atom", ".svg", ".js", ".css"} <= scan.extensions
# Per-member dues (issue 14): bases and amounts of the public dues record's members (LeakSite.dues).
DUES_MEMBER_AMOUNTS = ("8765.43", "8,765.43", "9876.54", "9,876.54", "131.48", "148.15")


def test_per_member_dues_reach_only_the_members_site(built: Built) -> None:
    """A member's name, base, payments and arrears never reach the public site; members see them all.

    The names are LEAKMEMB markers (so every scan above covers them); the
    amounts are numbers no other value has, looked for in every view of
    every public file.  The public site still has the monthly totals.
    """
    names = [built.markers.by_label[f"public.dues_year.{what}"] for what in ("member_name1", "member_name2", "member_note")]
    assert set(names) <= built.scans["members"].markers()
    assert not set(names) & built.scans["public"].markers()
    found: dict[str, list[str]] = defaultdict(list)
    for audience in AUDIENCES:
        root = built.out / audience
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            for view_name, text in _views_of(rel, path.read_bytes()):
                for amount in DUES_MEMBER_AMOUNTS:
                    if amount in text:
                        found[audience].append(f"{amount} in {view_name}")
    assert not found["public"], found["public"][:10]
    assert any("dues-members.csv" in where for where in found["members"]), found["members"][:10]
    assert not (built.out / "public/data/dues-members.csv").exists()
    assert (built.out / "members/data/dues-members.csv").is_file()
    public_dues = next(d for d in (json.loads(p.read_text(encoding="utf-8")) for p in (built.out / "public/finances").rglob("*.json")) if d["kind"] == "dues")
    assert public_dues["members"] == []
    assert [(m["month"], m["due"], m["paid"]) for m in public_dues["months"]] == [(1, "279.63", "279.63"), (2, "279.63", "231.48")]
