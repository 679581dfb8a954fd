"""Raw HTML blocks of a staged page, passed through Python-Markdown without its HTML parser.

A staged page is mostly raw HTML written by the compile step (facts,
attendance, the sanitised body) with Markdown headings between the blocks.
Python-Markdown runs ``html.parser`` over every tag of the page twice (its
``html_block`` preprocessor and MkDocs' ``mkdocs_raw_html``, which collects
anchor ids), only to put each block back verbatim: a third of the engine's
time per page.  ``render_passing_raw_html`` does the same conversion with
each such block taken out first — a placeholder word in its place, the block
put back where the word's paragraph comes out — so only the Markdown between
the blocks is parsed.

A block is taken out only where Python-Markdown would certainly have kept it
verbatim, judged by the rules of its ``HTMLExtractor``: it starts a
paragraph with a block-level start tag in the first column, its tags (plain
start and end tags with quoted or simple attributes; character references
that end in ``;``) nest so that the stack of open tags empties exactly at
the end of a line, and a blank line follows.  A page with anything else
that ``html.parser`` would read (a ``<`` anywhere else, comments,
``<script>``, a block left open, a reference it would rewrite) or a fenced
code block is converted as MkDocs always does, and so is every page of a
project whose Markdown extensions add a preprocessor or a postprocessor
(``md_in_html``, the ``pymdownx`` ones a site may add through
site_config.yml's ``mkdocs:`` block): they might read inside the blocks.
tests/engines/test_mkdocs_contract.py converts every page of the demo both
ways and compares every byte and every anchor.
"""

from __future__ import annotations

import html
import re
from functools import partial
from typing import Any, Callable, Optional

from mkdocs.plugins import BasePlugin

# The text processors of Python-Markdown with the staged projects' extensions
# (stage.py) and MkDocs' own, by name and class: the only ones that read the raw
# text around the blocks.  Tree and inline processors never see a raw block (it
# is stashed).  md_in_html, for one, puts its own classes under the same names.
KNOWN_PREPROCESSORS = {"normalize_whitespace": "NormalizeWhitespace", "fenced_code_block": "FencedBlockPreprocessor", "html_block": "HtmlBlockPreprocessor"}
KNOWN_POSTPROCESSORS = {"raw_html": "RawHtmlPostprocessor", "amp_substitute": "AndSubstitutePostprocessor"}
_KNOWN_MODULES = ("markdown.preprocessors", "markdown.postprocessors", "markdown.extensions.fenced_code")

# Elements html.parser reads as raw text (script, style) or that Python-Markdown
# treats specially as a block's first tag (hr, an empty tag); textarea and
# title for the parsers that read them as RCDATA.
_SPECIAL = frozenset({"script", "style", "hr", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})

_INTERESTING = re.compile(r"[<&]")
_START_TAG = re.compile(
    r"""<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*"|='[^']*'|=[-a-zA-Z0-9_.:/#%]+)?)*)\s*(/?)>"""
)
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9]*)>")
_REFERENCE = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)"|='([^']*)'|=([^\s>]+))?""")
_WHITESPACE_LINE = re.compile(r"(?<=\n) +\n")
_FENCE = re.compile(r"^(?:~{3,}|`{3,})", re.MULTILINE)

_TOKEN_WORD = "openbranchrawhtml"


class _NotPlain(Exception):
    """The page holds HTML whose fate in Python-Markdown is not certain: convert it as MkDocs does."""


def normalized(markdown: str, tab_length: int = 4) -> str:
    """The text as Python-Markdown's ``NormalizeWhitespace`` leaves it (without the two newlines it appends)."""
    text = markdown.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(tab_length)
    # The extra newline lets a last line of spaces be seen as one, as after the two Python-Markdown appends.
    return _WHITESPACE_LINE.sub("\n", text + "\n")[:-1]


def _anchor_ids(tag: str, attributes: str, into: set[str]) -> None:
    """The ids MkDocs' ``_HTMLHandler`` collects from one start tag (``id``, and ``name`` of ``a``)."""
    lowered = attributes.lower()
    if "id" not in lowered and "name" not in lowered:
        return
    for match in _ATTRIBUTE.finditer(attributes):
        name = match.group(1).lower()
        if name == "id" or (name == "name" and tag == "a"):
            value = next((v for v in match.group(2, 3, 4) if v is not None), None)
            if value is not None:
                into.add(html.unescape(value))


def _raw_block_end(text: str, start: int, ids: set[str]) -> int:
    """Where the raw block that opens at ``start`` ends (just after its last end tag); ``_NotPlain`` if unsure."""
    stack: list[str] = []
    position = start
    while True:
        found = _INTERESTING.search(text, position)
        if found is None:
            raise _NotPlain("a block left open")
        at = found.start()
        if text[at] == "&":
            position = _reference_ok(text, at)
            continue
        tag = _START_TAG.match(text, at)
        if tag is not None:
            name = tag.group(1).lower()
            if name in _SPECIAL:
                raise _NotPlain(name)
            _anchor_ids(name, tag.group(2), ids)
            if not tag.group(3):  # "<br/>" is an empty tag; "<br>" is pushed, as HTMLExtractor does
                stack.append(name)
            position = tag.end()
            continue
        end = _END_TAG.match(text, at)
        if end is None:
            raise _NotPlain("markup other than plain tags")
        name = end.group(1).lower()
        position = end.end()
        if name in stack:
            while stack.pop() != name:
                pass
        if not stack:
            return position


def _reference_ok(text: str, at: int) -> int:
    """Past the ``&`` at ``at`` if html.parser hands it on unchanged (a whole reference, or a bare ``&``); ``_NotPlain`` if not."""
    reference = _REFERENCE.match(text, at)
    if reference is not None:
        return reference.end()
    following = text[at + 1 : at + 2]
    if following.isascii() and (following.isalpha() or following == "#"):
        raise _NotPlain("a character reference html.parser would rewrite")
    return at + 1


def split_raw_blocks(markdown: str, block_level: frozenset[str], tab_length: int = 4) -> Optional[tuple[str, list[str], set[str]]]:
    """The page as Python-Markdown's ``HTMLExtractor`` leaves it, with placeholder words for its raw blocks; the blocks; their anchor ids.

    The first is the text the Markdown block parser then reads, the second
    what comes back in place of each placeholder's paragraph.  None where
    the page has no raw block, or markup whose handling is not certain.
    """
    text = normalized(markdown, tab_length)
    if _TOKEN_WORD in text or _FENCE.search(text):
        return None  # fenced code is taken out before raw HTML: not ours to judge
    blocks: list[str] = []
    ids: set[str] = set()
    cleandoc: list[str] = []
    copied = scanned = 0  # text before ``copied`` is in ``cleandoc``; before ``scanned``, read
    try:
        while True:
            found = _INTERESTING.search(text, scanned)
            if found is None:
                cleandoc.append(text[copied:])
                break
            at = found.start()
            if text[at] == "&":
                scanned = _reference_ok(text, at)
                continue
            # A "<": only a block-level start tag in a line's first column, which opens a raw block.
            tag = _START_TAG.match(text, at)
            if tag is None or tag.group(3) or (at > 0 and text[at - 1] != "\n"):
                raise _NotPlain("markup inside Markdown text")
            name = tag.group(1).lower()
            if name not in block_level or name in _SPECIAL:
                raise _NotPlain("an inline tag starting a line")
            cleandoc.append(text[copied:at])
            end = _raw_block_end(text, at, ids)
            # HTMLExtractor: "\n" before the block; the block stashed with a newline when a
            # blank line follows; the placeholder; "\n\n" after it.
            blank_after = text[end : end + 2] in ("", "\n", "\n\n")
            if not blank_after and not text.startswith("\n", end):
                raise _NotPlain("text after a block on its last line")
            cleandoc.append(f"\n{_TOKEN_WORD}{len(blocks)}x\n\n")
            blocks.append(text[at:end] + ("\n" if blank_after else ""))
            copied = scanned = end
    except _NotPlain:
        return None
    if not blocks:
        return None
    return "".join(cleandoc), blocks, ids


_PLACEHOLDER = re.compile(rf"<p>{_TOKEN_WORD}(\d+)x</p>|{_TOKEN_WORD}(\d+)x")


def restore_raw_blocks(content: str, blocks: list[str]) -> Optional[str]:
    """The converted page with each placeholder (or its paragraph) replaced by its block; None if one is missing."""
    found: set[int] = set()

    def put_back(match: re.Match[str]) -> str:
        number = int(match.group(1) or match.group(2))
        found.add(number)
        return blocks[number]

    # Python-Markdown puts the blocks back before it strips the page's ends: so here too.
    restored = _PLACEHOLDER.sub(put_back, content).strip()
    return restored if len(found) == len(blocks) else None


def plain_markdown(config: Any) -> Optional[tuple[frozenset[str], int]]:
    """The block-level tags and tab length of the project's Python-Markdown, or None if its extensions read raw text."""
    import markdown

    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    for registry, known in ((md.preprocessors, KNOWN_PREPROCESSORS), (md.postprocessors, KNOWN_POSTPROCESSORS)):
        if len(registry) != len(known) or not all(name in registry for name in known):
            return None
        for name, class_name in known.items():
            kind = type(registry[name])
            if kind.__name__ != class_name or kind.__module__ not in _KNOWN_MODULES:
                return None
    return frozenset(md.block_level_elements), md.tab_length


def render_passing_raw_html(page: Any, render: Callable[[Any, Any], None], config: Any, files: Any, block_level: frozenset[str], tab_length: int = 4) -> None:
    """``Page.render`` (``render``), with the page's verbatim raw HTML blocks passed around Python-Markdown.

    Sets what MkDocs' own render sets (content, toc, the title from the
    first heading, the anchor ids present, links to anchors) to what it
    would have set; falls back to ``render`` itself wherever unsure.
    """
    source = page.markdown
    split = split_raw_blocks(source, block_level, tab_length) if source else None
    if split is None:
        render(config, files)
        return
    text, blocks, ids = split
    try:
        page.markdown = text
        render(config, files)
    finally:
        page.markdown = source
    content = restore_raw_blocks(page.content, blocks)
    if content is None:
        render(config, files)
        return
    page.content = content
    page.present_anchor_ids = set(page.present_anchor_ids or ()) | ids


class RawHtmlPlugin(BasePlugin):
    """Every page rendered with its raw HTML blocks passed around Python-Markdown (added by ``render``, never staged)."""

    def __init__(self) -> None:
        super().__init__()
        self.plain: Optional[tuple[frozenset[str], int]] = None

    def on_config(self, config):  # noqa: ANN001 - MkDocs' types
        self.plain = plain_markdown(config)
        return config

    def on_pre_page(self, page, *, config, files):  # noqa: ANN001
        if self.plain is not None:
            block_level, tab_length = self.plain
            # Whatever render the page has by now (the reuse plugin's stub for a reused page) is the one wrapped.
            page.render = partial(render_passing_raw_html, page, page.render, block_level=block_level, tab_length=tab_length)
        return page
