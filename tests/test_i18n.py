"""The translation table is complete: every key the code and templates use exists in every language,
every key defined is used, and both languages say the same things with the same placeholders.

Keys are found where they are used: in the Python code by its syntax tree (the
first argument of ``messages(…)``, ``t(…)``, ``_error(…)`` and the like), in
the built-in templates by Jinja2's own parser (``t("…")``).  A key built from
parts (``t("section_" ~ section)``) is a pattern; each pattern must be declared
below with the keys it stands for, so a new one cannot slip past.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Iterator, Optional

import jinja2
from jinja2 import nodes

from generator import vocabulary
from generator.compile.exports import DATA_FILES
from generator.config import DEFAULT_CATALOGUE
from generator.i18n import TABLES
from generator.portal.tables import COLUMNS as PORTAL_COLUMNS
from generator.portal.tables import TABLES as PORTAL_TABLES
from generator.records.loader import YAML_PROBLEMS
from generator.theme import builtin_theme

PACKAGE = Path(__import__("generator").__file__).resolve().parent
TEMPLATES = builtin_theme() / "templates"
from generator.figures.elections import TERM_STATES
from generator.figures.opinions import REPLY_STATES
ZH, EN = TABLES["zh"], TABLES["en"]

# Calls whose first argument is a message key, or a label key (by the called name).
MESSAGE_CALLS = {"messages", "_error", "PydanticCustomError", "_Refused"}
LABEL_CALLS = {"t"}
# Calls whose key is another argument than the first.
KEY_ARGUMENT = {"read_settings": 2, "record_problem": 3}
# Calls that pass on a key made elsewhere (its literal is counted where it is made).
PASSED_ON = {
    ("records/validate.py", "_message"),  # pydantic's error type: a key from _error / PydanticCustomError
    ("records/loader.py", "parse_yaml_text"),  # _Refused.key
    ("records/loader.py", "_translate_yaml_problem"),  # YAML_PROBLEMS
    ("records/models/common.py", "_error"),  # its callers' keys
    ("config.py", "read_settings"),  # its callers' key for a missing file (KEY_ARGUMENT)
    ("errors.py", "record_problem"),  # its callers' keys (KEY_ARGUMENT)
}
# Each key pattern used, and the keys it stands for.
PATTERNS: dict[tuple[str, str], list[str]] = {
    ("labels", "section_*"): [f"section_{s}" for s in vocabulary.SECTIONS],
    ("labels", "audience_*"): [f"audience_{a}" for a in vocabulary.AUDIENCES],
    ("labels", "audience_*_note"): [f"audience_{a}_note" for a in vocabulary.AUDIENCES],
    ("labels", "visibility_*"): [f"visibility_{v}" for v in vocabulary.AUDIENCES],
    ("labels", "per_*"): [f"per_{p}" for p in vocabulary.values("period")],
    ("labels", "data_file_*"): [f"data_file_{f.key}" for f in DATA_FILES],
    ("labels", "data_column_*_*"): [f"data_column_{f.key}_{'more' if c == '…' else c}" for f in DATA_FILES for c in f.columns],
    ("labels", "portal_file_*"): [f"portal_file_{name}" for name in PORTAL_TABLES],
    ("labels", "portal_column_*"): [f"portal_column_{column}" for column in PORTAL_COLUMNS],
    ("labels", "catalogue_timing_*"): [f"catalogue_timing_{p}" for p in vocabulary.values("disclosure_timing")],
    ("labels", "catalogue_item_*"): [f"catalogue_item_{row[0]}" for row in DEFAULT_CATALOGUE],
    ("messages", "audience_label_*"): [f"audience_label_{a}" for a in vocabulary.AUDIENCES],
    ("messages", "timing_*"): ["timing_check", "timing_compile", "timing_render", "timing_search"],
    ("messages", "pii_*"): ["pii_id_number", "pii_mobile", "pii_bank_card"],
    # Opinions and elections (issue 15)
    ("labels", "reply_*"): [f"reply_{state}" for state in REPLY_STATES],
    ("labels", "term_*"): [f"term_{state}" for state in TERM_STATES],
}
# Keys used through a table of keys rather than a call.
TABLE_KEYS = {"messages": set(YAML_PROBLEMS.values())}
# Keys whose languages show different parts of what the code passes (a month's number or its name).
LANGUAGE_PICKS_PLACEHOLDERS = {"month_n", "date_long", "date_short"}


# ---------------------------------------------------------------------------
# Finding the keys
# ---------------------------------------------------------------------------


def _pattern(node: ast.AST) -> Optional[str]:
    """A key expression as a literal or a pattern with ``*`` for each computed part; None if not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [v.value if isinstance(v, ast.Constant) else "*" for v in node.values]
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pattern(node.left), _pattern(node.right)
        return (left if left is not None else "*") + (right if right is not None else "*")
    return None


def _keys_of(node: ast.AST) -> Optional[list[str]]:
    if isinstance(node, ast.IfExp):
        body, orelse = _keys_of(node.body), _keys_of(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    found = _pattern(node)
    return [found] if found is not None else None


def _called(call: ast.Call, cls: Optional[str]) -> Optional[str]:
    """Which table a call looks a key up in ("messages", "labels"), or None."""
    func = call.func
    if isinstance(func, ast.Call) and isinstance(func.func, ast.Name):
        return {"Messages": "messages", "Labels": "labels"}.get(func.func.id)
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name == "self" and cls in ("Messages", "Labels"):
        return cls.lower()
    if name in MESSAGE_CALLS or name in KEY_ARGUMENT:
        return "messages"
    if name in LABEL_CALLS:
        return "labels"
    return None


def _python_uses() -> Iterator[tuple[str, str, str, str]]:
    """(table, key or pattern, file, function) for every key lookup in the package's code."""
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in ("i18n/zh.py", "i18n/en.py") or rel.startswith("themes/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        yield from _walk(tree, rel, None, "")


def _walk(node: ast.AST, rel: str, cls: Optional[str], function: str) -> Iterator[tuple[str, str, str, str]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            yield from _walk(child, rel, child.name, function)
            continue
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from _walk(child, rel, cls, child.name)
            continue
        if isinstance(child, ast.Call):
            table = _called(child, cls)
            name = child.func.id if isinstance(child.func, ast.Name) else getattr(child.func, "attr", "")
            index = KEY_ARGUMENT.get(name, 0)
            if table and len(child.args) > index:
                keys = _keys_of(child.args[index])
                if keys is None:
                    assert (rel, function) in PASSED_ON, f"{rel}:{child.lineno}: a {table} key that is neither a literal nor a pattern"
                else:
                    for key in keys:
                        yield table, key, rel, function
        yield from _walk(child, rel, cls, function)


def _template_pattern(node: nodes.Node) -> Optional[str]:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return node.value
    if isinstance(node, nodes.Concat):
        return "".join(_template_pattern(n) or "*" for n in node.nodes)
    return None


def _template_uses() -> Iterator[tuple[str, str, str]]:
    environment = jinja2.Environment()
    for path in sorted(TEMPLATES.rglob("*.j2")):
        rel = path.relative_to(TEMPLATES).as_posix()
        tree = environment.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "t":
                key = _template_pattern(call.args[0]) if call.args else None
                assert key is not None, f"{rel}:{call.lineno}: t() with a key that is neither a literal nor a pattern"
                yield "labels", key, rel


def _uses() -> dict[tuple[str, str], list[str]]:
    """(table, key or pattern) -> where it is used."""
    found: dict[tuple[str, str], list[str]] = {}
    for table, key, rel, function in _python_uses():
        found.setdefault((table, key), []).append(f"{rel} {function}")
    for table, key, rel in _template_uses():
        found.setdefault((table, key), []).append(rel)
    for table, keys in TABLE_KEYS.items():
        for key in keys:
            found.setdefault((table, key), []).append("a key table")
    return found


def _defined(table: str) -> set[str]:
    return set(getattr(ZH, table.upper()))


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------


def test_both_languages_define_the_same_keys() -> None:
    for table in ("MESSAGES", "LABELS", "FORMS"):
        zh, en = getattr(ZH, table), getattr(EN, table)
        assert sorted(set(zh) - set(en)) == [], f"{table}: only in zh.py"
        assert sorted(set(en) - set(zh)) == [], f"{table}: only in en.py"
        assert all(zh[key].strip() and en[key].strip() for key in zh if key != "list_separator"), f"{table}: an empty text"
    assert len(ZH.MONTH_NAMES) == len(EN.MONTH_NAMES) == 12
    assert len(ZH.QUARTER_NAMES) == len(EN.QUARTER_NAMES) == 4


def _placeholders(text: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}


def test_both_languages_take_the_same_placeholders() -> None:
    for table in ("MESSAGES", "LABELS", "FORMS"):
        zh, en = getattr(ZH, table), getattr(EN, table)
        for key in zh:
            if key in LANGUAGE_PICKS_PLACEHOLDERS:
                continue
            assert _placeholders(zh[key]) == _placeholders(en[key]), f"{table}[{key!r}]: zh {zh[key]!r}, en {en[key]!r}"


def _matches(pattern: str, key: str) -> bool:
    return re.fullmatch("".join(r"\w+" if part == "*" else re.escape(part) for part in re.split(r"(\*)", pattern)), key) is not None


def test_every_key_used_exists_in_every_language() -> None:
    missing = []
    for (table, key), places in sorted(_uses().items()):
        if "*" in key:
            assert (table, key) in PATTERNS, f"the {table} key pattern {key!r} ({places[0]}) is not declared in PATTERNS"
            wanted = PATTERNS[(table, key)]
        else:
            wanted = [key]
        missing += [f"{table} {name!r} (used in {places[0]})" for name in wanted if name not in _defined(table)]
    assert missing == []


def test_every_pattern_declared_is_used() -> None:
    used = set(_uses())
    assert sorted(set(PATTERNS) - used) == []


def test_every_key_defined_is_used() -> None:
    uses = _uses()
    unused = []
    for table in ("messages", "labels"):
        literal = {key for (t, key) in uses if t == table and "*" not in key}
        patterns = [key for (t, key) in uses if t == table and "*" in key]
        for key in sorted(_defined(table)):
            if key not in literal and not any(_matches(p, key) for p in patterns):
                unused.append(f"{table} {key!r}")
    assert unused == []


def test_every_form_is_used() -> None:
    kinds = vocabulary.ENUMERATIONS["finance_kind"]
    expected = {t for t in vocabulary.SECTION_OF if t != "finance"} | {f"finance_{k}" for k in kinds}
    assert set(ZH.FORMS) == expected
