"""The published JSON Schemas: one per record type, from its model (``records.models``).

They are written by ``openbranch schema`` for editors and published in every
site under ``data/schemas/``.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .models import RECORD_MODELS

# The record types with a schema, in the order they are written.
SCHEMA_TYPES = tuple(RECORD_MODELS)


def json_schema(record_type: str) -> dict[str, Any]:
    """The published JSON Schema of one record type."""
    schema = TypeAdapter(RECORD_MODELS[record_type]).json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{record_type}.schema.json"
    schema.setdefault("title", record_type)
    return schema
