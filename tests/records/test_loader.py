"""The record loader: text kept as typed, positions of keys and values, refusals."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.i18n import Messages
from generator.records.loader import MAX_DEPTH, Position, load_yaml_file, parse_yaml_text

from ..helpers import write_file

ZH = Messages("zh")
EN = Messages("en")

MEETING = """\
title: 2025年3月支委会
date: 2025-03-05
kind: 支委会
attendees:
  - 王书记
  - 李委员
absent:
  - name: 张三
    reason: 出差
  - name: 李四
    reason:
agenda: [学习文件, 讨论发展党员]
vote:
  for: 7
"""


def parse(text: str, messages: Messages = ZH):
    return parse_yaml_text(text, "x.yml", messages)


def load(tmp_path: Path, content, max_bytes: int = 1 << 20, messages: Messages = ZH):
    path = write_file(tmp_path / "content" / "meetings" / "2025" / "x.yml", content)
    return load_yaml_file(path, "content/meetings/2025/x.yml", messages, max_bytes)


def only_error(result):
    loaded, errors = result
    assert loaded is None
    assert len(errors) == 1, errors
    return errors[0]


# ---------------------------------------------------------------------------
# Values stay the text the worker typed
# ---------------------------------------------------------------------------


def test_scalars_stay_text() -> None:
    loaded, errors = parse("a: no\nb: 010\nc: 1e3\nd: 2025-1-5\ne: 2025-01-05\nf: 14:30\ng: yes\nh: 1.50\ni: '0.10'\n")
    assert errors == []
    assert loaded.data == {"a": "no", "b": "010", "c": "1e3", "d": "2025-1-5", "e": "2025-01-05", "f": "14:30", "g": "yes", "h": "1.50", "i": "0.10"}


def test_nested_structure() -> None:
    loaded, errors = parse(MEETING)
    assert errors == []
    assert loaded.data["attendees"] == ["王书记", "李委员"]
    assert loaded.data["absent"] == [{"name": "张三", "reason": "出差"}, {"name": "李四", "reason": None}]
    assert loaded.data["agenda"] == ["学习文件", "讨论发展党员"]
    assert loaded.data["vote"] == {"for": "7"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a:\n", None),
        ("a: ~\n", None),
        ("a: null\n", None),
        ("a: Null\n", None),
        ("a: NULL\n", None),
        ("a: ''\n", ""),
        ('a: ""\n', ""),
        ("a: 'null'\n", "null"),
        ('a: "~"\n', "~"),
        ("a: nil\n", "nil"),
        ("a: none\n", "none"),
    ],
)
def test_null_handling(text: str, expected) -> None:
    loaded, errors = parse(text)
    assert errors == []
    assert loaded.data == {"a": expected}


def test_empty_and_comment_only_files_load_as_nothing() -> None:
    for text in ("", "\n\n", "# 只有注释\n"):
        loaded, errors = parse(text)
        assert errors == [] and loaded.data is None


def test_tags_do_not_construct_objects() -> None:
    loaded, errors = parse("a: !!python/object/apply:os.system ['echo hi']\nb: !!int '12'\n")
    assert errors == []
    assert loaded.data == {"a": ["echo hi"], "b": "12"}


# ---------------------------------------------------------------------------
# Positions: 1-based line and column of every key and value
# ---------------------------------------------------------------------------


def test_key_and_value_positions() -> None:
    loaded, _ = parse(MEETING)
    assert loaded.key_positions[("title",)] == Position(1, 1)
    assert loaded.value_positions[("title",)] == Position(1, 8)
    assert loaded.key_positions[("date",)] == Position(2, 1)
    assert loaded.value_positions[("date",)] == Position(2, 7)
    assert loaded.value_positions[("kind",)] == Position(3, 7)
    assert loaded.value_positions[()] == Position(1, 1)


def test_positions_in_nested_lists() -> None:
    loaded, _ = parse(MEETING)
    assert loaded.key_positions[("attendees",)] == Position(4, 1)
    assert loaded.value_positions[("attendees", 0)] == Position(5, 5)
    assert loaded.value_positions[("attendees", 1)] == Position(6, 5)
    # absent[1].name and absent[1].reason: a list of mappings
    assert loaded.value_positions[("absent", 1)] == Position(10, 5)
    assert loaded.key_positions[("absent", 1, "name")] == Position(10, 5)
    assert loaded.value_positions[("absent", 1, "name")] == Position(10, 11)
    assert loaded.key_positions[("absent", 1, "reason")] == Position(11, 5)
    # A flow list on one line
    assert loaded.value_positions[("agenda", 0)] == Position(12, 10)
    assert loaded.value_positions[("agenda", 1)] == Position(12, 16)
    # A nested mapping
    assert loaded.key_positions[("vote", "for")] == Position(14, 3)
    assert loaded.value_positions[("vote", "for")] == Position(14, 8)


def test_columns_count_characters_not_bytes() -> None:
    loaded, _ = parse("标题: 会议\n")
    assert loaded.value_positions[("标题",)] == Position(1, 5)


def test_position_falls_back_to_the_nearest_enclosing_place() -> None:
    loaded, _ = parse(MEETING)
    # A missing field inside absent[0] points at the list item ...
    assert loaded.position(("absent", 0, "missing")) == Position(8, 5)
    # ... a missing top-level field at the start of the record.
    assert loaded.position(("nothing",)) == Position(1, 1)
    assert loaded.position(("date",), key=True) == Position(2, 1)
    assert loaded.position(("date",)) == Position(2, 7)


def test_positions_after_leading_comments_and_bom(tmp_path: Path) -> None:
    loaded, errors = load(tmp_path, "\ufeff# 第一行是注释\ntitle: 会议\n".encode("utf-8"))
    assert errors == []
    assert loaded.data == {"title": "会议"}
    assert loaded.key_positions[("title",)] == Position(2, 1)
    assert loaded.value_positions[("title",)] == Position(2, 8)


# ---------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------


def test_duplicate_key_refused_at_the_second_key() -> None:
    error = only_error(parse("title: 会议\ndate: 2025-03-05\ntitle: 另一个\n"))
    assert (error.line, error.column, error.field) == (3, 1, "")
    assert error.message == "字段“title”重复出现"


def test_duplicate_key_in_nested_mapping() -> None:
    error = only_error(parse("absent:\n  - name: 张三\n    name: 李四\n", EN))
    assert (error.line, error.column) == (3, 5)
    assert error.message == "the field 'name' appears twice"


def test_alias_refused() -> None:
    error = only_error(parse("chair: &c 王书记\nrecorder: *c\n"))
    assert (error.line, error.column) == (2, 11)
    assert error.message == "不支持 YAML 锚点和别名（& 和 *），请直接写出内容"


def test_merge_key_alias_refused() -> None:
    error = only_error(parse("base: &b\n  location: 活动室\nother:\n  <<: *b\n"))
    assert (error.line, error.column) == (4, 7)


def test_billion_laughs_refused_quickly() -> None:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 30):
        refs = ", ".join([f"*l{i - 1}"] * 10)
        lines.append(f"l{i}: &l{i} [{refs}]")
    started = time.monotonic()
    error = only_error(parse("\n".join(lines) + "\n"))
    assert time.monotonic() - started < 2
    assert (error.line, error.column) == (2, 10)
    assert "锚点" in error.message


def test_deep_nesting_refused() -> None:
    depth = MAX_DEPTH + 5
    error = only_error(parse("a: " + "[" * depth + "]" * depth + "\n"))
    assert error.message == f"嵌套层级过深（超过 {MAX_DEPTH} 层）"
    assert error.line == 1


def test_deep_block_nesting_refused() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "x\n"
    error = only_error(parse(text, EN))
    assert error.message == f"nested too deeply (more than {MAX_DEPTH} levels)"


def test_nesting_within_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 2
    loaded, errors = parse("a: " + "[" * depth + "]" * depth + "\n")
    assert errors == [] and loaded is not None


def test_very_deep_flow_nesting_does_not_crash() -> None:
    depth = 20000
    error = only_error(parse("a: " + "[" * depth + "]" * depth + "\n"))
    assert "嵌套" in error.message


def test_complex_key_refused() -> None:
    error = only_error(parse("? [a, b]\n: 1\n"))
    assert error.message == "字段名必须是简单文字"


def test_several_documents_refused() -> None:
    error = only_error(parse("title: 会议\n---\ntitle: 另一个\n"))
    assert error.line == 2
    assert error.message == "YAML 格式错误：一个文件只能包含一条记录（不要使用 ---）"


def test_control_character_reported_not_crashing() -> None:
    # A vertical tab, as pasted from a word processor.
    error = only_error(parse("title: 会议\nlocation: 三楼\x0b会议室\n"))
    assert error.line == 2
    assert error.message.startswith("YAML 格式错误：")


@pytest.mark.parametrize(
    "text, line, column, message",
    [
        ("title: 会议\nlocation: 会议室: 三楼\n", 2, 14, "此处不能出现冒号；若值中含有冒号，请给整个值加上引号"),
        ("title: 会议\nattendees:\n\t- 张三\n", 3, 1, "缩进中有制表符（Tab），请改用空格缩进"),
        ('title: "会议\ndate: 2025-03-05\n', 3, 1, "文件意外结束，可能有未闭合的引号或括号"),
        ("agenda: [一, 二\n", 2, 1, "文件意外结束，可能有未闭合的引号或括号"),
        ("attendees:\n  - 张三\n - 李四\n", 3, 2, "缩进不一致，请检查这一行与上一行的对齐"),
    ],
)
def test_syntax_errors_in_plain_words(text: str, line: int, column: int, message: str) -> None:
    error = only_error(parse(text))
    assert (error.line, error.column) == (line, column)
    assert error.message == "YAML 格式错误：" + message


# ---------------------------------------------------------------------------
# Files: size, encodings
# ---------------------------------------------------------------------------


def test_size_limit_refused(tmp_path: Path) -> None:
    text = "title: 会议\nbody: |\n" + "  这是一段很长的会议记录。\n" * 200
    error = only_error(load(tmp_path, text, max_bytes=1024))
    assert (error.path, error.line, error.column) == ("content/meetings/2025/x.yml", 1, 1)
    assert error.message == f"文件过大（{len(text.encode('utf-8')) // 1024} KB），记录文件不能超过 1 KB"


def test_size_limit_is_inclusive(tmp_path: Path) -> None:
    text = "title: " + "a" * (100 - len("title: ") - 1) + "\n"
    assert len(text.encode()) == 100
    loaded, errors = load(tmp_path, text, max_bytes=100)
    assert errors == [] and loaded is not None


def test_bom_accepted(tmp_path: Path) -> None:
    loaded, errors = load(tmp_path, b"\xef\xbb\xbf" + "title: 会议\ndate: 2025-03-05\n".encode("utf-8"))
    assert errors == []
    assert loaded.data == {"title": "会议", "date": "2025-03-05"}
    assert loaded.key_positions[("title",)] == Position(1, 1)


def test_gbk_refused_with_the_line_of_the_first_chinese(tmp_path: Path) -> None:
    text = "date: 2025-03-05\nkind: branch_committee\ntitle: 支委会\n"
    error = only_error(load(tmp_path, text.encode("gbk")))
    # The line is exact; the column is where decoding fails, which may be a
    # little after the first Chinese character ("支" in GBK, D6 A7, happens to
    # be a valid UTF-8 pair).
    assert error.line == 3
    assert error.column >= 8
    assert error.message.startswith("文件不是 UTF-8 编码")
    assert "另存为" in error.message


def test_gbk_refused_in_english(tmp_path: Path) -> None:
    error = only_error(load(tmp_path, "title: 会议\n".encode("gbk"), messages=EN))
    assert (error.line, error.column) == (1, 8)
    assert error.message.startswith("the file is not UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_refused(tmp_path: Path, encoding: str) -> None:
    data = "title: 会议\n".encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + "title: 会议\n").encode(encoding)
    error = only_error(load(tmp_path, data))
    assert error.message.startswith("文件是 UTF-16 编码")


def test_missing_file_reported(tmp_path: Path) -> None:
    error = only_error(load_yaml_file(tmp_path / "nope.yml", "nope.yml", ZH, 1024))
    assert error.path == "nope.yml"
    assert error.message.startswith("无法读取文件：")
