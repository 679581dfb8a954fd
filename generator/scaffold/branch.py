"""The scaffold of a party branch's repository (``openbranch init``).

Most files come from ``templates/branch/`` (see the package docstring).  Three
are computed, so they can never fall behind the code that reads them:

- ``site_config.yml`` is written from the typed ``SiteConfig`` model: every
  option, with its default value and the comment from
  ``site_config_comments.yml`` in the site's language.  An option without a
  comment stops ``init`` (and its test) instead of being left out.
- ``schemas/`` holds the JSON Schemas of the record types and of
  site_config.yml, in the site's language, as ``openbranch schema`` writes them;
- ``.vscode/settings.json`` maps each content folder to its schema for the
  YAML language server.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import BaseModel

from .. import vocabulary
from ..config import CONFIG_FILE, SiteConfig, disclosing_specs
from ..records.placeholders import placeholder
from ..workdays import LIBRARY_CALENDAR
from . import SCHEMA_FOLDER, render_tree, schema_files, yaml_scalar

KIND = "branch"
COMMENTS_FILE = Path(__file__).resolve().parent / "site_config_comments.yml"


@dataclass(frozen=True)
class BranchAnswers:
    """What ``openbranch init`` is told about the new branch."""

    name: str
    parent: Optional[str]
    language: str  # zh or en
    today: dt.date


def files(answers: BranchAnswers) -> dict[str, str]:
    """Every file of a new branch repository: relative path -> text."""
    result = render_tree(KIND, answers.language, _context(answers))
    result[CONFIG_FILE] = site_config_text(answers)
    result.update(schema_files(SCHEMA_FOLDER, answers.language))
    result[".vscode/settings.json"] = vscode_settings()
    return result


def openbranch_requirement() -> str:
    """The pip requirement that installs the OpenBranch running now (what CI pins)."""
    return f"openbranch=={package_version('openbranch')}"


def _context(answers: BranchAnswers) -> dict[str, Any]:
    language = answers.language
    today = answers.today
    return {
        "zh": language == "zh",
        "language": language,
        "name": answers.name,
        "parent": answers.parent,
        "site_name": _site_name(answers),
        "package": openbranch_requirement(),
        "version": package_version("openbranch"),
        "date": today.isoformat(),
        "year": today.year,
        "month": today.month,
        # A new site configures no holidays yet: its example notice runs by the library's calendar.
        "notice_end": LIBRARY_CALENDAR.deadline(today, SiteConfig().norms.publicity_working_days).day.isoformat(),
        # The example election's term: three years from today, the usual term of a branch committee.
        "term_end": _three_years_on(today).isoformat(),
        "fill": lambda what: placeholder(what, language),
        # A short text in the site's language, for one-line comments and step names.
        "say": lambda zh, en: zh if language == "zh" else en,
    }


def _three_years_on(day: dt.date) -> dt.date:
    """The day before the same date three years on (29 February: 1 March's eve)."""
    try:
        return day.replace(year=day.year + 3) - dt.timedelta(days=1)
    except ValueError:
        return dt.date(day.year + 3, 3, 1) - dt.timedelta(days=1)


def _site_name(answers: BranchAnswers) -> str:
    return f"{answers.name}党务公开" if answers.language == "zh" else f"{answers.name}: party affairs disclosure"


# ---------------------------------------------------------------------------
# site_config.yml from the SiteConfig model
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def option_comments() -> dict[str, dict[str, str]]:
    """Option path (``norms.meetings``) -> {language: comment}."""
    return yaml.safe_load(COMMENTS_FILE.read_text(encoding="utf-8"))


def option_paths(model: type[BaseModel] = SiteConfig, prefix: str = "") -> list[str]:
    """Every option of ``site_config.yml``, as dotted paths, in the model's order."""
    paths = []
    for name, info in model.model_fields.items():
        paths.append(prefix + name)
        default = info.get_default(call_default_factory=True)
        if isinstance(default, BaseModel):
            paths += option_paths(type(default), prefix + name + ".")
    return paths


def _words_for(property_schema: dict[str, Any], language: str) -> dict[str, str]:
    """English word -> the word written in ``language``, for an enumeration's property."""
    if language != "zh":
        return {}
    if "items" in property_schema:
        # A list: the words of its items (a catalogue item's records: 会议/支委会).
        return _words_for(property_schema["items"], language)
    enum = property_schema.get("enum") or next((s["enum"] for s in property_schema.get("anyOf", []) if "enum" in s), None)
    if enum is not None and set(disclosing_specs()) <= set(enum):
        return {spec: vocabulary.written_disclosing(spec, "zh") for spec in disclosing_specs()}
    for name in vocabulary.ENUMERATIONS:
        # The language codes stay codes: load_site reads `language: zh|en` literally.
        if name != "language" and enum == vocabulary.accepted_words(name):
            return vocabulary.written_words(name, "zh")
    return {}


def _scalar(value: Any, words: dict[str, str]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(entry, words) for entry in value) + "]"
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, (int, Decimal)):
        return str(value)
    return yaml_scalar(words.get(value, value))


def _flow(model: BaseModel, language: str) -> str:
    properties = type(model).model_json_schema()["properties"]
    parts = [
        f"{name}: {_scalar(getattr(model, name), _words_for(properties[name], language))}"
        for name in type(model).model_fields
        if getattr(model, name) is not None  # an unset optional option stays out of the line
    ]
    return "{" + ", ".join(parts) + "}"


def _emit(model: BaseModel, language: str, prefix: str, indent: int, lines: list[str]) -> None:
    comments = option_comments()
    properties = type(model).model_json_schema()["properties"]
    pad = " " * indent
    for name in type(model).model_fields:
        option = prefix + name
        if option not in comments or language not in comments[option]:
            raise KeyError(f"{COMMENTS_FILE.name} has no {language} comment for the option {option!r}")
        if indent == 0:
            lines.append("")
        lines.extend(f"{pad}# {line}".rstrip() for line in comments[option][language].strip().splitlines())
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            lines.append(f"{pad}{name}:")
            _emit(value, language, option + ".", indent + 2, lines)
        elif isinstance(value, dict) and value:
            key_words = _words_for(properties[name].get("propertyNames", {}), language)
            lines.append(f"{pad}{name}:")
            for key, item in value.items():
                shown = _flow(item, language) if isinstance(item, BaseModel) else _scalar(item, {})
                lines.append(f"{pad}  {_scalar(key, key_words)}: {shown}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{name}: {{}}")
        elif isinstance(value, list) and value and all(isinstance(entry, BaseModel) for entry in value):
            # A list of blocks (the catalogue): one flow mapping a line, so an item is one line to add or delete.
            lines.append(f"{pad}{name}:")
            lines.extend(f"{pad}  - {_flow(entry, language)}" for entry in value)
        else:
            lines.append(f"{pad}{name}: {_scalar(value, _words_for(properties[name], language))}".rstrip())


def site_config_text(answers: BranchAnswers, model: type[SiteConfig] = SiteConfig) -> str:
    """``site_config.yml`` with every option of ``model`` at its default, commented."""
    config = model(site_name=_site_name(answers), language=answers.language)
    header = option_comments()["_header"][answers.language]
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    _emit(config, answers.language, "", 0, lines)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# The editor: schemas for the YAML language server
# ---------------------------------------------------------------------------


def vscode_settings() -> str:
    """``.vscode/settings.json``: each content folder checked against its JSON Schema while typing."""
    mapping: dict[str, Any] = {f"./{SCHEMA_FOLDER}/site_config.schema.json": "/site_config.yml", f"./{SCHEMA_FOLDER}/branch.schema.json": "/content/branch.yml"}
    for section, record_type in vocabulary.SECTIONS.items():
        mapping[f"./{SCHEMA_FOLDER}/{record_type}.schema.json"] = [f"/content/{section}/**/*.yml", f"/content/{section}/**/*.yaml"]
    settings = {
        "yaml.schemas": mapping,
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
