"""Which records and fields each audience may see: the only place that decides it.

The engine that renders the public site never receives a members record, so
no theme, plugin or search index can leak one.  Narrowing also removes the
members-only fields of public records (reasons for leave and absence, per-member dues, who raised an opinion) and
every reference to a record the audience may not see, so not even its id
escapes.

What an audience may know without seeing the records is decided here too:
that a meeting it may not see was held (kind, party group, the period it
counts for and its visibility, nothing else: ``WithheldMeeting``), the month
the site's meeting records begin, and each visible meeting's attendance
counted on the full roster.  The public view's branch has no names of the
roster or of the party groups' members: the roster becomes the counts it
implies (``Branch.counts_from_roster``), the same on every day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from .records.index import Record, RecordSet, WithheldMeeting
from .records.models import Branch
from .vocabulary import AUDIENCES

__all__ = ["AUDIENCES", "may_see", "narrow", "sees_scope"]

# Which visibilities each audience's site shows.
_SHOWN = {
    "public": {"public"},
    "members": {"public", "members"},
}


def may_see(record: Record, audience: str, include_drafts: bool = False) -> bool:
    if record.is_draft and not include_drafts:
        return False
    return record.visibility in _SHOWN[audience]


def sees_scope(audience: str, scope: str) -> bool:
    """Whether ``audience`` may see what is disclosed in ``scope`` (public or members), such as a catalogue item's disclosures."""
    return scope in _SHOWN[audience]


def narrow(records: RecordSet, audience: str, include_drafts: bool = False, today: Optional[dt.date] = None) -> RecordSet:
    """The records ``audience`` may see, with members-only fields removed for the public.

    ``today`` bounds the withheld meetings to those already held (every one
    when None).
    """
    visible_ids = {r.id for r in records if may_see(r, audience, include_drafts)}
    view = RecordSet(audience=audience, branch=_narrow_branch(records.branch, audience))
    for record in records:
        if record.id not in visible_ids:
            continue
        model = _narrow_model(record, audience, visible_ids)
        narrowed = Record(id=record.id, type=record.type, rel=record.rel, model=model, source=record.source, visibility=record.visibility, path=record.path)
        view.add(narrowed)
    meetings = [m for m in records.of_type("meeting") if not m.is_draft]
    # A withheld meeting's group is one of the branch's (public) groups, or none: never the record's own text.
    groups = {g.name for g in records.branch.groups} if records.branch else set()
    view.withheld_meetings = [
        WithheldMeeting(
            kind=m.model.kind,
            group=m.model.group if m.model.kind == "group_meeting" and m.model.group in groups else None,
            period=m.model.counts_for,
            visibility=m.visibility,
        )
        for m in meetings
        if m.id not in visible_ids and (today is None or m.date <= today)
    ]
    since = min((m.date for m in meetings if m.visibility != "restricted"), default=None)
    view.meetings_since = since.replace(day=1) if since else None
    # Imported here: the figures package reads who may see what from this module.
    from .figures.records import attendance

    for meeting in view.of_type("meeting"):
        counted = attendance(records.by_id[meeting.id], records.branch)
        if counted is not None:
            view.attendance[meeting.id] = counted
    return view


def _narrow_model(record: Record, audience: str, visible_ids: set[str]) -> Any:
    model = record.model
    update: dict[str, Any] = {}
    if record.type == "meeting" and audience == "public":
        # Reasons for leave and absence are personal: members' site only.
        for field in ("on_leave", "absent"):
            if getattr(model, field):
                update[field] = [a.model_copy(update={"reason": None}) for a in getattr(model, field)]
    if record.type == "decision" and model.meeting and model.meeting not in visible_ids:
        update["meeting"] = None
    if record.type == "finance" and model.kind == "funds":
        if any(e.decision and e.decision not in visible_ids for e in model.expenses):
            update["expenses"] = [
                e.model_copy(update={"decision": None}) if e.decision and e.decision not in visible_ids else e
                for e in model.expenses
            ]
        if any(i.dues and i.dues not in visible_ids for i in model.income):
            update["income"] = [i.model_copy(update={"dues": None}) if i.dues and i.dues not in visible_ids else i for i in model.income]
    if record.type == "finance" and model.kind == "dues" and audience == "public" and model.members:
        # A member's base, payments and arrears are members-only: the public sees the monthly totals
        # (computed from the members when the record was validated).
        update["members"] = []
    # Opinions and elections (issue 15)
    if record.type == "opinion":
        if audience == "public" and model.raised_by.name is not None:
            # Who raised an opinion is members-only: the public sees only 党员 or 群众.
            update["raised_by"] = model.raised_by.model_copy(update={"name": None})
        if model.decision and model.decision not in visible_ids:
            update["decision"] = None
    if record.type == "election" and model.meeting and model.meeting not in visible_ids:
        update["meeting"] = None
    update.update(_narrow_duties(record, audience, visible_ids))
    return model.model_copy(update=update) if update else model


def _narrow_duties(record: Record, audience: str, visible_ids: set[str]) -> dict[str, Any]:
    """An inspection's findings the audience may not see, and year-end reports given at meetings it may not see."""
    model = record.model
    if record.type == "inspection":
        shown = _SHOWN[audience]
        findings = [f for f in model.findings if (f.visibility or record.visibility) in shown]
        return {"findings": findings} if len(findings) != len(model.findings) else {}
    if record.type == "responsibility" and any(a.report and a.report not in visible_ids for a in model.assignments):
        return {"assignments": [a.model_copy(update={"report": None}) if a.report and a.report not in visible_ids else a for a in model.assignments]}
    return {}


def _narrow_branch(branch: Optional[Branch], audience: str) -> Optional[Branch]:
    if branch is None or audience == "members":
        return branch
    # Who belongs to which party group, and who is on the roster, is members-only;
    # the groups themselves, and how many members the branch had when, are public.
    update: dict[str, Any] = {"groups": [g.model_copy(update={"members": []}) for g in branch.groups]}
    if branch.members:
        update.update(members=[], member_counts=branch.counts_from_roster())
    return branch.model_copy(update=update)
