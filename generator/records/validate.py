"""Validating loaded YAML against a model, and saying every problem in plain words.

pydantic reports problems as ``(type, loc, ctx)``; this module turns each one
into a ``RecordError`` at the line and column of the offending key or value,
with a message from the translation table (never pydantic's English text).
"""

from __future__ import annotations

import difflib
import typing
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from ..errors import RecordError, format_field
from ..i18n import LANGUAGES, Messages, field_words
from .loader import FieldPath, LoadedFile
from .. import vocabulary


def validate_model(model: type[BaseModel], data: Any, loaded: LoadedFile, rel: str, messages: Messages) -> tuple[Optional[BaseModel], list[RecordError]]:
    """Validate ``data``; return the model or None and every problem found."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [RecordError(rel, 1, 1, "", messages("not_a_mapping"))]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_to_record_error(model, error, loaded, rel, messages) for error in exc.errors(include_url=False)]


def _to_record_error(model: type[BaseModel], error: Any, loaded: LoadedFile, rel: str, messages: Messages) -> RecordError:
    kind = error["type"]
    loc: FieldPath = tuple(p for p in error["loc"] if p != "[key]")
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "missing":
        # Point at the mapping that lacks the field (its key, or the list item).
        parent = loc[:-1]
        pos = loaded.position(parent, key=True) if parent else loaded.position(())
        return RecordError(rel, pos.line, pos.column, format_field(loc), messages("missing"))
    if kind == "extra_forbidden":
        pos = loaded.position(loc, key=True)
        name = str(loc[-1])
        message = messages("unknown_field", name=name)
        place = _model_at(model, loc[:-1])
        allowed = [key for key, _ in _fields_of(place)]
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        titled = _titled_match(place, name)
        if close:
            message += messages("did_you_mean", suggestion=close[0])
        elif titled:
            message += messages("did_you_mean_titled", suggestion=titled[0], title=titled[1])
        elif allowed:
            message += messages("allowed_fields", fields=", ".join(allowed))
        return RecordError(rel, pos.line, pos.column, format_field(loc), message)
    pos = loaded.position(loc, key=error["loc"][-1:] == ("[key]",))
    return RecordError(rel, pos.line, pos.column, format_field(loc), _message(kind, ctx, value, messages))


def _message(kind: str, ctx: dict[str, Any], value: Any, messages: Messages) -> str:
    if kind == "bad_choice":
        words = ctx.get("allowed")
        if words is None:
            words = vocabulary.allowed_list(ctx["enumeration"], messages.language)
        return messages("bad_choice", value=ctx.get("value", ""), allowed=messages.join(list(words)))
    if kind == "expected_text":
        return messages("expected_text", got=_describe(ctx.get("value"), messages))
    if kind in ("list_type", "tuple_type", "set_type"):
        return messages("expected_list", got=_describe(value, messages))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return messages("expected_mapping", got=_describe(value, messages))
    if kind in ("string_type",):
        return messages("expected_text", got=_describe(value, messages))
    try:
        return messages(kind, **ctx)
    except KeyError:
        return messages("bad_value", detail=kind)


def _describe(value: Any, messages: Messages) -> str:
    if value is None:
        return messages("got_nothing")
    if isinstance(value, list):
        return messages("got_list")
    if isinstance(value, dict):
        return messages("got_mapping")
    text = str(value)
    if len(text) > 40:
        text = text[:40] + "…"
    return messages("got_text", value=text)


# ---------------------------------------------------------------------------
# Which fields a nested place allows, for "did you mean"
# ---------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional; of a Union keep the first model arm."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin is typing.Union or str(origin) == "types.UnionType":
            arms = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in arms if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else arms[0]
            continue
        return annotation


def _model_at(model: Any, loc: FieldPath) -> Optional[type[BaseModel]]:
    """The model of the mapping at ``loc`` inside ``model`` (None if that place is not a model)."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(part, int) and origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields = dict(_fields_of(annotation))
            if part not in fields:
                return None
            annotation = fields[part].annotation
        else:
            return None
    annotation = _unwrap(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _fields_of(model: Optional[type[BaseModel]]) -> list[tuple[str, Any]]:
    """(key as written, field info) of a model's fields; none for no model."""
    return [(info.alias or name, info) for name, info in model.model_fields.items()] if model is not None else []


def _titled_match(model: Optional[type[BaseModel]], name: str) -> Optional[tuple[str, str]]:
    """The field whose title in either language is ``name`` or near it (主持人 -> chair): (its key, the title matched)."""
    by_title: dict[str, tuple[str, str]] = {}
    for key, _ in _fields_of(model):
        for language in LANGUAGES:
            words = field_words(model, key, language)  # type: ignore[arg-type]
            if words is not None:
                by_title.setdefault(words[0].casefold(), (key, words[0]))
    close = difflib.get_close_matches(name.strip().casefold(), list(by_title), n=1, cutoff=0.6)
    return by_title[close[0]] if close else None
