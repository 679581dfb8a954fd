"""``openbranch init``: a new repository written from a scaffold.

A scaffold kind is a folder of file templates, ``templates/<kind>/``, and a
module that says what the templates are told and which files are computed
rather than templated: ``branch.py`` for a party branch's repository (the one
kind today; a committee portal's repository is meant to be the next, with
its own module and folder, and the same writing code below).

A kind's folder holds ``common/`` (files for every language) and one folder
per language (``zh/``, ``en/``) whose files are added on top.  Every file is a
Jinja2 template with square-bracket delimiters — ``[[ value ]]``,
``[% if zh %]…[% endif %]`` — because the files themselves are full of
``{{ }}`` and ``${{ }}`` (GitHub expressions, nginx blocks, YAML).  A path
may hold values too (``content/meetings/[[year]]/…``), and a leading
``dot-`` becomes ``.`` (``dot-gitignore`` → ``.gitignore``), so that no
file of the package is hidden or read by git as its own configuration.

Writing refuses a folder that holds anything but ``.git`` unless ``force``;
then it overwrites files of the same name, says which, and leaves every
other file alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import jinja2
import yaml

from ..records import schema

TEMPLATES = Path(__file__).resolve().parent / "templates"
SCHEMA_FOLDER = "schemas"
# What a freshly cloned, still empty repository already holds.
_IGNORED_WHEN_EMPTY = {".git"}


class FolderNotEmpty(Exception):
    """The target folder already holds files and ``force`` was not given."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


class NotAFolder(Exception):
    """The target exists and is a file."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


@dataclass(frozen=True)
class Written:
    """What ``write_files`` did: every file written, and those that existed before."""

    root: Path
    files: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)


def yaml_scalar(value: Any) -> str:
    """``value`` as one YAML scalar, quoted only when YAML needs it (Chinese kept as is)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1 << 20)
    return text.removesuffix("\n").removesuffix("\n...")


def _environment(kind: str, language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES / kind / language), str(TEMPLATES / kind / "common")]),
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml"] = yaml_scalar
    return env


def _template_names(kind: str, language: str) -> list[str]:
    names: set[str] = set()
    for part in ("common", language):
        folder = TEMPLATES / kind / part
        names.update(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return sorted(names)


def _output_path(name: str) -> str:
    return "/".join("." + part[len("dot-"):] if part.startswith("dot-") else part for part in name.split("/"))


def render_tree(kind: str, language: str, context: Mapping[str, Any]) -> dict[str, str]:
    """Every template of ``kind`` rendered for ``language``: output path -> text."""
    env = _environment(kind, language)
    files: dict[str, str] = {}
    for name in _template_names(kind, language):
        path = _output_path(env.from_string(name).render(context))
        files[path] = env.get_template(name).render(context)
    return files


def schema_files(folder: str = SCHEMA_FOLDER, language: str = "zh") -> dict[str, str]:
    """One JSON Schema per record type (and branch.yml), and site_config.yml's, titled in ``language``: ``folder/<name>.schema.json`` -> text."""
    schemas = {record_type: schema.json_schema(record_type, language) for record_type in schema.SCHEMA_TYPES}
    schemas[schema.CONFIG_SCHEMA] = schema.config_schema(language)
    return {f"{folder}/{name}.schema.json": json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n" for name, data in schemas.items()}


def _is_empty(folder: Path) -> bool:
    return not any(entry.name not in _IGNORED_WHEN_EMPTY for entry in folder.iterdir())


def write_files(target: Path, files: Mapping[str, str], force: bool = False) -> Written:
    """Write ``files`` (relative path -> text) under ``target``, refusing a non-empty folder unless ``force``."""
    if target.exists() and not target.is_dir():
        raise NotAFolder(target)
    if target.is_dir() and not force and not _is_empty(target):
        raise FolderNotEmpty(target)
    written = Written(root=target)
    for rel in sorted(files):
        path = target / rel
        if path.is_file():
            written.overwritten.append(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(files[rel])
        written.files.append(rel)
    return written
