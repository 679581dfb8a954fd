"""The published JSON Schemas: one per record type, from its model (``records.models``), and site_config.yml's.

They are written by ``openbranch schema`` (and ``openbranch init``) for
editors and published in every site under ``data/schemas/``.  Every field's
title and description come from the translation table (``i18n`` ``FIELDS``,
by model and field) in the site's language, so an editor shows 主持人 over
``chair`` to a Chinese site's worker; the models hold the types, not the words.
"""

from __future__ import annotations

import typing
from typing import Any, Iterator

from pydantic import BaseModel, TypeAdapter

from ..config import SiteConfig
from ..i18n import field_words
from .models import RECORD_MODELS

# The record types with a schema, in the order they are written.
SCHEMA_TYPES = tuple(RECORD_MODELS)
# The schema of site_config.yml, written beside the record types' for editors.
CONFIG_SCHEMA = "site_config"


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """Every model an annotation holds (itself, its fields' models, theirs…), each once, in the order met."""
    seen: dict[type[BaseModel], None] = {}

    def walk(node: Any) -> None:
        if isinstance(node, type) and issubclass(node, BaseModel):
            if node in seen:
                return
            seen[node] = None
            for info in node.model_fields.values():
                walk(info.annotation)
            return
        for argument in typing.get_args(node):
            walk(argument)

    walk(annotation)
    return iter(seen)


def field_key(name: str, info: Any) -> str:
    """A field as a record writes it: its alias (``for``) or its name."""
    return info.alias or name


def _titled(schema: dict[str, Any], annotation: Any, language: str) -> dict[str, Any]:
    """``schema`` with each field's title and description in ``language``."""
    definitions = schema.get("$defs", {})
    for model in models_in(annotation):
        target = schema if model is annotation else definitions.get(model.__name__)
        if target is None:
            continue
        for name, info in model.model_fields.items():
            key = field_key(name, info)
            words = field_words(model, key, language)
            if key in target.get("properties", {}) and words is not None:
                target["properties"][key]["title"], target["properties"][key]["description"] = words
    return schema


def json_schema(record_type: str, language: str = "zh") -> dict[str, Any]:
    """The published JSON Schema of one record type, its fields titled and described in ``language``."""
    annotation = RECORD_MODELS[record_type]
    schema = _titled(TypeAdapter(annotation).json_schema(by_alias=True), annotation, language)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{record_type}.schema.json"
    schema.setdefault("title", record_type)
    return schema


def config_schema(language: str = "zh") -> dict[str, Any]:
    """The JSON Schema of site_config.yml, its options titled and described in ``language``."""
    schema = _titled(SiteConfig.model_json_schema(by_alias=True), SiteConfig, language)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{CONFIG_SCHEMA}.schema.json"
    return schema
