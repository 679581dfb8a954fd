"""Which records and fields each audience may see: the only place that decides it.

The engine that renders the public site never receives a members record, so
no theme, plugin or search index can leak one.  Narrowing also removes the
members-only fields of public records (absence reasons) and every reference
to a record the audience may not see, so not even its id escapes.
"""

from __future__ import annotations

from typing import Any, Optional

from .records.index import Record, RecordSet
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


def narrow(records: RecordSet, audience: str, include_drafts: bool = False) -> RecordSet:
    """The records ``audience`` may see, with members-only fields removed for the public."""
    visible_ids = {r.id for r in records if may_see(r, audience, include_drafts)}
    view = RecordSet(audience=audience, branch=_narrow_branch(records.branch, audience))
    for record in records:
        if record.id not in visible_ids:
            continue
        model = _narrow_model(record, audience, visible_ids)
        narrowed = Record(id=record.id, type=record.type, rel=record.rel, model=model, source=record.source, visibility=record.visibility, path=record.path)
        view.add(narrowed)
    return view


def _narrow_model(record: Record, audience: str, visible_ids: set[str]) -> Any:
    model = record.model
    update: dict[str, Any] = {}
    if record.type == "meeting" and audience == "public" and model.absent:
        # Absence reasons are personal: members' site only.
        update["absent"] = [a.model_copy(update={"reason": None}) for a in model.absent]
    if record.type == "decision" and model.meeting and model.meeting not in visible_ids:
        update["meeting"] = None
    if record.type == "finance" and model.kind == "funds":
        if any(e.decision and e.decision not in visible_ids for e in model.expenses):
            update["expenses"] = [
                e.model_copy(update={"decision": None}) if e.decision and e.decision not in visible_ids else e
                for e in model.expenses
            ]
    return model.model_copy(update=update) if update else model


def _narrow_branch(branch: Optional[Branch], audience: str) -> Optional[Branch]:
    if branch is None or audience == "members":
        return branch
    # Who belongs to which party group is members-only; the groups themselves are public.
    return branch.model_copy(update={"groups": [g.model_copy(update={"members": []}) for g in branch.groups]})
