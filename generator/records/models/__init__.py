"""One typed model per record type: the single source of validation, JSON Schema and export formats.

``common`` holds the field types and the parts every record shares; each
record type has its module.  ``model_for`` picks the model a file is
validated with.
"""

from __future__ import annotations

from typing import Any, Union

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from .appraisal import Appraisal
from .branch import Branch
from .common import parse_choice
from .decision import Decision
from .election import Election
from .finance import DuesRecord, FinanceKindOnly, FundsRecord
from .meeting import Meeting
from .notice import Notice
from .opinion import Opinion
from .inspection import Inspection
from .responsibility import Responsibility

RECORD_MODELS: dict[str, Any] = {
    "meeting": Meeting,
    "decision": Decision,
    "finance": Union[DuesRecord, FundsRecord],
    "appraisal": Appraisal,
    "notice": Notice,
    "opinion": Opinion,
    "election": Election,
    "branch": Branch,
}
RECORD_MODELS.update({"responsibility": Responsibility, "inspection": Inspection})

FINANCE_MODELS = {"dues": DuesRecord, "funds": FundsRecord}


def model_for(record_type: str, data: dict[str, Any]) -> type[BaseModel]:
    """The model to validate a record with; finance picks by its ``kind``."""
    if record_type == "finance":
        try:
            return FINANCE_MODELS[parse_choice("finance_kind", data.get("kind"))]
        except PydanticCustomError:
            return FinanceKindOnly
    return RECORD_MODELS[record_type]


__all__ = ["Appraisal", "Branch", "Decision", "DuesRecord", "Election", "FinanceKindOnly", "FundsRecord", "Inspection", "Meeting", "Notice", "Opinion", "RECORD_MODELS", "Responsibility", "FINANCE_MODELS", "model_for"]
