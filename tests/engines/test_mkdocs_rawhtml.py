"""Raw HTML blocks passed around Python-Markdown (engines/mkdocs/rawhtml.py) give exactly MkDocs' own conversion.

Every page of the demo, both audiences, is converted twice through MkDocs'
``Page.render`` — once as MkDocs does, once with the blocks taken out — and
everything ``render`` leaves on the page is compared: the HTML, the table of
contents, the title, the anchors.  Pages the shortcut must leave alone
(comments, scripts, fenced code, inline markup, references html.parser
rewrites) are converted as MkDocs does.  The internals of Python-Markdown the
shortcut imitates are checked last, each naming itself when it changes.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import markdown
import pytest
from markdown import htmlparser, postprocessors
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from generator.engines.mkdocs import rawhtml


def _project_config(project: Path):  # noqa: ANN202 - MkDocs' config type
    return load_config(config_file=str(project / "mkdocs.yml"))


def _rendered(page: Page) -> tuple:
    toc = [(a.title, a.id, a.level, [(c.title, c.id, c.level) for c in a.children]) for a in page.toc]
    return page.content, toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors


def _both_ways(file, config, files, plain) -> tuple[tuple, tuple, bool]:  # noqa: ANN001 - MkDocs' types
    """What MkDocs' render leaves on the page, what the shortcut leaves, and whether the shortcut took the blocks out."""
    ours = Page(None, file, config)
    ours.read_source(config)
    shortcut = rawhtml.split_raw_blocks(ours.markdown, *plain) is not None
    rawhtml.render_passing_raw_html(ours, ours.render, config, files, *plain)
    theirs = Page(None, file, config)
    theirs.read_source(config)
    theirs.render(config, files)
    return _rendered(theirs), _rendered(ours), shortcut


def test_every_demo_page_converts_to_the_same_bytes_and_anchors(demo_out: Path) -> None:
    stages = sorted((demo_out.parent / "site" / ".openbranch").glob("build-*"))
    assert len(stages) == 1, stages
    taken = compared = 0
    for audience in ("public", "members"):
        config = _project_config(stages[0] / audience)
        files = get_files(config)
        plain = rawhtml.plain_markdown(config)
        assert plain is not None, "the staged project's Markdown extensions no longer leave raw text to html_block alone"
        for file in files.documentation_pages():
            theirs, ours, shortcut = _both_ways(file, config, files, plain)
            assert ours == theirs, f"{audience}/{file.src_uri}: the shortcut's conversion differs from MkDocs'"
            compared += 1
            taken += shortcut
    # Every staged page is the compile step's HTML and headings: all of them take the shortcut.
    assert compared > 250 and taken == compared, (taken, compared)


CASES = {
    # name: (Markdown, whether the blocks are taken out)
    "blocks and headings": ("## 基本信息\n\n<dl class=\"ob-facts\">\n<div><dt>日期</dt><dd>2026年1月9日</dd></div>\n</dl>\n\n## 议程\n\n<ol>\n<li>一</li>\n</ol>\n", True),
    "consecutive lines of blocks": ("<h1 class=\"ob-title\">标题</h1>\n<p class=\"ob-subtitle\"><span>会议</span> <time datetime=\"2026-01-09\">1月9日</time></p>\n<p data-pagefind-ignore>x</p>\n\n## 下一节\n", True),
    "a block spanning blank lines": ("<div class=\"ob-body\">\n<p>一</p>\n\n<p>二</p>\n</div>\n\n## 后\n", True),
    "text on the line after a block": ("<div>一</div>\nplain text\n\n## h\n", True),
    "a heading right after a block": ("<div>一</div>\n## 不是标题\n", True),
    "a heading right before a block": ("## 标题\n<div>一</div>\n", True),
    "void and empty tags": ("<p>a<br>b<br/>c<img src=\"x.png\" alt=\"&quot;q&quot;\"></p>\n\n<div><input type=checkbox checked></div>\n", True),
    "upper-case tags and references": ("<DIV ID=\"A&amp;B\">&lt;tag&gt; &#39; &#x27; &amp;</DIV>\n", True),
    "ids and a named anchor": ("<div id=\"甲\"><h3 id=\"会议议程_1\">会议议程</h3><p><a name=\"n\">x</a></p></div>\n", True),
    "a quoted > in an attribute": ("<div title=\"a > b\">x</div>\n", True),
    "an unmatched end tag inside": ("<div>x</span>y</div>\n\n## h\n", True),
    "an unclosed inline tag inside": ("<div><p>x<b>y</div>\n\n## h\n", True),
    "a bare ampersand": ("Tom & Jerry\n\n<div>a & b</div>\n", True),
    "the last block ends the page": ("## h\n\n<table>\n<tr><td>1</td></tr>\n</table>", True),
    "tabs and spaces-only lines": ("<div>\n\tindented\n   \n</div>\n\n## h\n", True),
    # Left to MkDocs:
    "a comment": ("<div>x</div>\n\n<!-- note -->\n", False),
    "a script": ("<div>x</div>\n\n<script>var a = '<div>';</script>\n", False),
    "fenced code": ("<div>x</div>\n\n```\n<div>code</div>\n```\n", False),
    "an inline tag starting a line": ("<span>x</span>\n\n<div>y</div>\n", False),
    "a tag inside a paragraph": ("text <b>bold</b>\n\n<div>y</div>\n", False),
    "an indented tag": ("    <div>code</div>\n\n<div>y</div>\n", False),
    "a reference html.parser completes": ("<div>&amp without semicolon</div>\n", False),
    "a block left open": ("<div>\n<p>x</p>\n\n## h\n", False),
    "text after the end tag on its line": ("<div>x</div> tail\n\n## h\n", False),
    "a rule": ("<hr>\n\n<div>x</div>\n", False),
    "an unquoted value html.parser reads differently": ("<div class=a\"b>x</div>\n", False),
    "no HTML at all": ("## 只有标题\n\n一段文字。\n", False),
}


@pytest.fixture(scope="module")
def tiny_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A staged-like project: the staged projects' Markdown extensions and the toc slugify of engines/mkdocs."""
    from generator.engines.mkdocs import MATERIAL_PROJECT
    from generator.stage import dump_mkdocs_yml, markdown_extensions

    project = tmp_path_factory.mktemp("rawhtml")
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(
        dump_mkdocs_yml({"site_name": "t", "docs_dir": "docs", "markdown_extensions": markdown_extensions(MATERIAL_PROJECT)}), encoding="utf-8"
    )
    return project


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_kind_of_markup_converts_as_mkdocs_converts_it(tiny_project: Path, name: str) -> None:
    text, taken = CASES[name]
    page_file = tiny_project / "docs" / "index.md"
    page_file.write_text(text, encoding="utf-8")
    config = _project_config(tiny_project)
    files = get_files(config)
    plain = rawhtml.plain_markdown(config)
    assert plain is not None
    theirs, ours, shortcut = _both_ways(files.get_file_from_path("index.md"), config, files, plain)
    assert ours == theirs, name
    assert shortcut is taken, f"{name}: the blocks were {'not ' if taken else ''}expected to be taken out"


def test_a_project_with_an_extension_that_reads_raw_html_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - md_in_html\n", encoding="utf-8")
    assert rawhtml.plain_markdown(_project_config(tmp_path)) is None, "md_in_html reads inside raw HTML blocks: the shortcut must not be taken"


# ---------------------------------------------------------------------------
# The Python-Markdown internals the shortcut imitates
# ---------------------------------------------------------------------------


def _source(function) -> str:  # noqa: ANN001
    return inspect.getsource(function)


def test_html_extractor_opens_closes_and_stashes_blocks_as_imitated() -> None:
    start, end = _source(htmlparser.HTMLExtractor.handle_starttag), _source(htmlparser.HTMLExtractor.handle_endtag)
    assert "self.at_line_start() and not self.inraw" in start and "self.cleandoc.append('\\n')" in start, \
        "markdown.htmlparser.HTMLExtractor.handle_starttag no longer opens a raw block at a block-level tag at a line's start with a newline before it"
    assert "tag in self.empty_tags" in start and htmlparser.HTMLExtractor(markdown.Markdown()).empty_tags == {"hr"}, \
        "markdown.htmlparser.HTMLExtractor: the empty tags changed (rawhtml._SPECIAL)"
    for expected in ("while self.stack:", "if self.stack.pop() == tag:", "blank_line_re.match", "self._cache.append('\\n')", "self.intail = True", "self.cleandoc.append('\\n\\n')"):
        assert expected in end, f"markdown.htmlparser.HTMLExtractor.handle_endtag no longer has {expected!r}: rawhtml.split_raw_blocks imitates how it ends and stashes a block"
    assert htmlparser.blank_line_re.pattern == r"^([ ]*\n){2}", "markdown.htmlparser.blank_line_re changed (rawhtml.split_raw_blocks: a blank line after a block)"
    assert "if self.intail and '\\n' in data:" in _source(htmlparser.HTMLExtractor.handle_data), "markdown.htmlparser.HTMLExtractor.handle_data: a newline no longer ends the tail of a block"


def test_raw_html_comes_back_in_place_of_its_paragraph_before_the_page_is_stripped() -> None:
    run = _source(postprocessors.RawHtmlPostprocessor.run)
    assert "<p>{ base_placeholder }</p>|{ base_placeholder }" in run, "markdown.postprocessors.RawHtmlPostprocessor no longer replaces a placeholder's paragraph (rawhtml.restore_raw_blocks)"
    convert = _source(markdown.Markdown.convert)
    assert convert.index("self.postprocessors") < convert.index("return output.strip()"), "markdown.Markdown.convert no longer strips the page after putting raw HTML back (rawhtml.restore_raw_blocks)"
    normalize = _source(markdown.preprocessors.NormalizeWhitespace.run)
    for step in ('replace(util.STX, "")', 'replace("\\r\\n", "\\n")', "expandtabs(self.md.tab_length)", r"re.sub(r'(?<=\n) +\n', '\n', source)"):
        assert step in normalize, f"markdown.preprocessors.NormalizeWhitespace no longer does {step} (rawhtml.normalized)"


def test_mkdocs_render_reads_the_markdown_and_sets_what_the_shortcut_restores() -> None:
    render = _source(Page.render)
    assert "md.convert(self.markdown)" in render, "mkdocs.structure.pages.Page.render no longer converts page.markdown (rawhtml.render_passing_raw_html sets it)"
    assert "raw_html_ext.present_anchor_ids" in render, "mkdocs.structure.pages.Page.render no longer takes anchors from raw HTML (rawhtml adds the blocks' ids)"
