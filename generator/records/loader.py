"""Reading record files: safe YAML that remembers where every value came from.

PyYAML's SafeLoader would turn ``no`` into ``False``, ``010`` into ``8`` and
``2025-1-5`` into a string while ``2025-01-05`` becomes a date.  Records must
never carry such silent surprises, so this loader composes the node tree and
converts it itself: every scalar stays the text the worker typed (the schema
decides what it means), plain empty/``null``/``~`` become ``None``, and the
line and column of every key and value are kept for error messages.  They
are worked out when first asked for: only a file with a problem needs them,
and a file read before comes from the cache as its data alone.

Anchors and aliases are refused (records do not need them, and they are the
way to a "billion laughs" file), as are very deep nesting, duplicate keys and
files over the size limit.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..cache import NO_CACHE, Cache
from ..errors import FieldPath, RecordError
from ..hashing import code_version
from ..i18n import Messages

# A record file is a form, not a data dump: nothing real comes near these.
MAX_DEPTH = 32
NULL_WORDS = {"", "~", "null", "Null", "NULL"}

# Cached parses are keyed by the file's text and this stamp of the code that made them.
LOADER_VERSION = code_version(Path(__file__), "PyYAML")


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


class LoadedFile:
    """A YAML file's plain data and the position of every key and value in it.

    Made either with its positions, or with the text it was parsed from
    cleanly (``text``): the positions are then parsed from it when first
    asked for.
    """

    __slots__ = ("data", "_value_positions", "_key_positions", "_text")

    def __init__(
        self,
        data: Any,
        value_positions: Optional[dict[FieldPath, Position]] = None,
        key_positions: Optional[dict[FieldPath, Position]] = None,
        text: Optional[str] = None,
    ):
        self.data = data
        self._text = text
        self._value_positions = value_positions if value_positions is not None or text is not None else {}
        self._key_positions = key_positions if key_positions is not None or text is not None else {}

    def _locate(self) -> None:
        if self._value_positions is None or self._key_positions is None:
            located = _positions_of(self._text or "")
            self._value_positions, self._key_positions = located.value_positions, located.key_positions
            self._text = None

    @property
    def value_positions(self) -> dict[FieldPath, Position]:
        self._locate()
        assert self._value_positions is not None
        return self._value_positions

    @property
    def key_positions(self) -> dict[FieldPath, Position]:
        self._locate()
        assert self._key_positions is not None
        return self._key_positions

    def __getstate__(self) -> tuple:
        return (self.data, self._value_positions, self._key_positions, self._text)

    def __setstate__(self, state: tuple) -> None:
        self.data, self._value_positions, self._key_positions, self._text = state

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """Where the value (or key) at ``path`` is; the nearest enclosing place if absent."""
        table = self.key_positions if key else self.value_positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.key_positions:
                return self.key_positions[probe]
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), Position(1, 1))


class _Refused(Exception):
    def __init__(self, key: str, mark: Any, /, **ctx: Any):
        super().__init__(key)
        self.key = key
        self.mark = mark
        self.ctx = ctx


class _RecordLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and deep nesting while composing."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            raise _Refused("yaml_alias", self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused("yaml_too_deep", self.peek_event().start_mark, limit=MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _convert(node: Node, path: FieldPath, out: LoadedFile) -> Any:
    out.value_positions[path] = _position(node.start_mark)
    if isinstance(node, ScalarNode):
        if node.style is None and node.value in NULL_WORDS:
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_convert(item, path + (i,), out) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("yaml_complex_key", key_node.start_mark)
            key = key_node.value
            if key in result:
                raise _Refused("yaml_duplicate_key", key_node.start_mark, key=key)
            out.key_positions[path + (key,)] = _position(key_node.start_mark)
            result[key] = _convert(value_node, path + (key,), out)
        return result
    raise _Refused("yaml_syntax", node.start_mark, problem=str(node.tag))


def _decode(raw: bytes) -> tuple[str | None, int, int]:
    """The file's text, or None with the line and column of the first byte that is not UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), 0, 0
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, line, column


def _positions_of(text: str) -> LoadedFile:
    """The positions in a text that was parsed cleanly before (so no problem can arise here)."""
    loaded, _ = parse_yaml_text(text, "", None)  # type: ignore[arg-type] - messages are only for problems
    return loaded if loaded is not None else LoadedFile(data=None)


def load_yaml_file(path: Path, rel: str, messages: Messages, max_bytes: int, cache: Cache = NO_CACHE) -> tuple[LoadedFile | None, list[RecordError]]:
    """Read one YAML file; on any problem return None and the problems found."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        return None, [RecordError(rel, 0, 0, "", messages("file_unreadable", reason=exc.strerror or str(exc)))]
    if size > max_bytes:
        return None, [RecordError(rel, 1, 1, "", messages("file_too_large", size_kb=size // 1024, limit_kb=max_bytes // 1024))]
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [RecordError(rel, 1, 1, "", messages("file_utf16"))]
    text, bad_line, bad_column = _decode(raw)
    if text is None:
        return None, [RecordError(rel, bad_line, bad_column, "", messages("file_not_utf8"))]
    # A file read before (same bytes) is not parsed again: only clean parses are cached,
    # as their data (positions come from the text if a problem needs them).
    cached = cache.get("yaml", LOADER_VERSION, text)
    if cached is not None:
        return LoadedFile(json.loads(cached), text=text), []
    loaded, errors = parse_yaml_text(text, rel, messages)
    if loaded is not None and not errors:
        cache.put("yaml", LOADER_VERSION, text, json.dumps(loaded.data, ensure_ascii=False))
    return loaded, errors


class _SlowPath(Exception):
    """The fast parser met something the careful one must report (or refuse) precisely."""


def _compose_fast(text: str) -> Node | None:
    """Compose the node tree from libyaml's events (C, ~10x faster than PyYAML's own parser).

    Anything unusual — an alias, deep nesting, a second document, any syntax
    error — sends the file to the careful pure-Python path, so error messages
    and their positions stay exactly those of ``_RecordLoader``.
    """
    root: Node | None = None
    stack: list[tuple[Node, list[Any]]] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(event)
            if kind is ScalarEvent:
                node: Node = ScalarNode(event.tag, event.value, event.start_mark, event.end_mark, style=event.style or None)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if len(stack) >= MAX_DEPTH - 1:
                    raise _SlowPath
                node_type = MappingNode if kind is MappingStartEvent else SequenceNode
                node = node_type(event.tag, [], event.start_mark, None)
                stack.append((node, []))
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                node, items = stack.pop()
                node.value = list(zip(items[0::2], items[1::2])) if isinstance(node, MappingNode) else items
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _SlowPath
                continue
            elif kind is AliasEvent:
                raise _SlowPath
            else:
                continue
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
    except yaml.YAMLError:
        raise _SlowPath from None
    return root


def parse_yaml_text(text: str, rel: str, messages: Messages) -> tuple[LoadedFile | None, list[RecordError]]:
    out = LoadedFile(data=None)
    if yaml.__with_libyaml__:
        try:
            node = _compose_fast(text)
            out.data = None if node is None else _convert(node, (), out)
            return out, []
        except (_SlowPath, _Refused):
            out = LoadedFile(data=None)
    loader = None
    try:
        # Constructing the loader already raises ReaderError on control characters.
        loader = _RecordLoader(text)
        node = loader.get_single_node()
        if node is None:
            out.data = None
        else:
            out.data = _convert(node, (), out)
    except _Refused as refused:
        pos = _position(refused.mark)
        return None, [RecordError(rel, pos.line, pos.column, "", messages(refused.key, **refused.ctx))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _position(mark) if mark is not None else Position(1, 1)
        problem = _translate_yaml_problem(exc, messages)
        return None, [RecordError(rel, pos.line, pos.column, "", messages("yaml_syntax", problem=problem))]
    except yaml.YAMLError as exc:  # reader errors (control characters) and the like
        mark = getattr(exc, "position", None)
        line = text.count("\n", 0, mark) + 1 if isinstance(mark, int) else 1
        return None, [RecordError(rel, line, 1, "", messages("yaml_syntax", problem=str(exc).splitlines()[0]))]
    except RecursionError:
        return None, [RecordError(rel, 1, 1, "", messages("yaml_too_deep", limit=MAX_DEPTH))]
    finally:
        if loader is not None:
            loader.dispose()
    return out, []


# PyYAML's problem texts -> the message that says them in plain words.
YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "yaml_tab",
    "mapping values are not allowed here": "yaml_colon",
    "could not find expected ':'": "yaml_missing_colon",
    "found unexpected end of stream": "yaml_unclosed_quote",
    "expected the node content, but found '<stream end>'": "yaml_unclosed_quote",
    "expected ',' or ']'": "yaml_unclosed_quote",
    "expected ',' or '}'": "yaml_unclosed_quote",
    "while scanning a quoted scalar": "yaml_unclosed_quote",
    "expected <block end>, but found '<block mapping start>'": "yaml_indent",
    "expected <block end>, but found '-'": "yaml_indent",
    "expected <block end>, but found '<scalar>'": "yaml_indent",
    "expected <block end>, but found '<block sequence start>'": "yaml_indent",
    "expected a single document in the stream": "yaml_multi_doc",
}


def _translate_yaml_problem(exc: yaml.MarkedYAMLError, messages: Messages) -> str:
    """PyYAML's problem text, with the common cases said in plain words."""
    problem = (exc.problem or exc.context or "").strip()
    # PyYAML puts the telling words in ``problem`` or, for some errors, in ``context``.
    context = (exc.context or "").strip()
    for text, key in YAML_PROBLEMS.items():
        if problem.startswith(text) or context.startswith(text):
            return messages(key)
    return problem
