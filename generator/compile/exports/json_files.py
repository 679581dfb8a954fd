"""Record JSON beside each record's page, the record index data/records.json, and the JSON Schemas.

A record's JSON is its fields as validated (narrowed to the audience), plus its
id, type, visibility, address and ``files``: every attachment and receipt it
names, with size and SHA-256, so a reader can check a downloaded copy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...cache import code_stamp
from ...records import schema
from ...records.index import Record, attachment_files
from ...errors import format_field
from ..attachments import attachment_info
from ...records.published import IndexEntry, RecordIndex, index_schema
from ..output import Output
from ..urls import record_json_path
from .context import ExportContext, json_bytes, record_updated


def record_file_entries(context: ExportContext, record: Record) -> list[dict[str, Any]]:
    """Every file the record names that is published (attachments, receipts): its field, name, address, size and SHA-256."""
    entries = []
    for path, name in attachment_files(record):
        info = attachment_info(context.site, name, None)
        if info is not None:
            entries.append({"field": format_field(path), "file": name, "name": Path(name).name, "url": context.url(info.url), "size": info.size, "sha256": info.sha256})
    return entries


def _record_data(context: ExportContext, record: Record, files: list[dict[str, Any]]) -> dict[str, Any]:
    data = record.model.model_dump(mode="json", by_alias=True)
    data["id"] = record.id
    data["type"] = record.type
    data["visibility"] = record.visibility
    data["url"] = context.url(record.url)
    data["files"] = files
    return data


def record_index(context: ExportContext) -> RecordIndex:
    entries = [
        IndexEntry(
            id=record.id,
            type=record.type,
            kind=record.kind,
            title=record.title,
            date=record.date,
            updated=record_updated(record),
            visibility=record.visibility,
            url=context.url(record.url),
            json_url=context.url(record_json_path(record)),
        )
        for record in context.records
    ]
    return RecordIndex(audience=context.view.audience, records=entries)


def export_json(context: ExportContext, output: Output) -> None:
    for record in context.records:
        # Cached across builds: a decade of records is thousands of files that rarely change.
        files = record_file_entries(context, record)
        key = json.dumps([context.base, record.fingerprint, files], ensure_ascii=False)
        text = context.cache.get_or_make("record-json", code_stamp(), key, lambda: json_bytes(_record_data(context, record, files)).decode("utf-8"))  # noqa: B023 - called at once
        output.add(record_json_path(record), text.encode("utf-8"), f"record JSON of {record.id}")
    output.add("data/records.json", json_bytes(record_index(context).model_dump(mode="json")), "record index")
    for record_type in schema.SCHEMA_TYPES:
        output.add(f"data/schemas/{record_type}.schema.json", json_bytes(schema.json_schema(record_type, context.site.config.language)), "JSON Schemas")
    output.add("data/schemas/records.schema.json", json_bytes(index_schema()), "JSON Schemas")
