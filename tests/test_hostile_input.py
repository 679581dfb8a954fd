"""Hostile and broken input below the browser (issue 6): markup, YAML 1.1, files, personal data.

* Markup: ``render_body`` (Markdown -> nh3-sanitised HTML) keeps ordinary
  Markdown and lets no script, handler, ``javascript:``/``data:`` URL,
  ``<iframe>``, ``<style>`` or SVG through.  The output is parsed and checked
  tag by tag, attribute by attribute, not searched for strings.
* YAML 1.1 surprises the loader tests do not already cover (``yes``/``no``/
  ``on`` as choices, ``1e3``/``010`` as counts and amounts, ``2025-1-5`` in
  nested dates) each give an error at their line and field through the real
  ``openbranch check``; as text they stay the very words typed.
* Attachments: ``..``, an absolute path, and symlinks pointing out of
  ``content/attachments/`` are refused with file, line and field; an
  attachment over ``limits.attachment_max_mb`` warns; a file name with spaces
  and Chinese characters is published and its link resolves to it.
* Personal data: a resident ID (valid check digit), a mobile number and a
  Luhn-valid bank card are errors in a public record and warnings in a
  members record, at their line and field; nothing in a restricted record;
  ``numbers_ok`` silences one field only; ``check --strict`` fails on the
  warnings.

Record files are literal YAML text, so every expected line and column can be
read off the text.
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.pipeline import check as check_records
from generator.config import load_site
from generator.compile.sanitise import render_body

from .helpers import DEFAULT_CONFIG, build_site, describe, run_openbranch, write_site

TODAY = "2026-06-01"

# ---------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------

SAFE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser


def url_scheme(url: str) -> str:
    """The scheme a browser would see: the URL parser strips leading controls/spaces and tab/LF/CR."""
    cleaned = url.lstrip("".join(chr(c) for c in range(0x21))).replace("\t", "").replace("\n", "").replace("\r", "")
    return urlsplit(cleaned).scheme.lower()


def assert_harmless(fragment: str) -> None:
    for tag, attrs in elements(fragment).elements:
        assert tag in SAFE_TAGS, f"<{tag}> survived: {fragment!r}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"{name}= survived: {fragment!r}"
            assert name not in ("style", "src", "srcdoc", "action", "formaction", "xlink:href", "background"), f"{name}= survived: {fragment!r}"
            if name == "href":
                assert url_scheme(value) in SAFE_SCHEMES, f"href {value!r} survived: {fragment!r}"


PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "script-upper": "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "script-in-markdown-paragraph": "会议内容 <script>alert(document.cookie)</script> 完毕",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "handler-on-allowed-tag": '<p onclick="alert(1)" onmouseover=alert(2)>点我</p>',
    "handler-on-link": '<a href="https://example.org" onfocus="alert(1)" autofocus>x</a>',
    "javascript-markdown-link": "[点我](javascript:alert(1))",
    "javascript-html-link": '<a href="javascript:alert(1)">x</a>',
    "javascript-mixed-case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "javascript-entity": '<a href="&#106;avascript:alert(1)">x</a>',
    "javascript-tab": '<a href="java\tscript:alert(1)">x</a>',
    "javascript-leading-space": '<a href=" javascript:alert(1)">x</a>',
    "javascript-reference-link": "[x][evil]\n\n[evil]: javascript:alert(1)",
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "style-element": "<style>body { display: none } @import url(https://evil.example/x.css);</style>",
    "style-attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "style-closing-escape": "</style><script>alert(1)</script>",
    "svg-onload": '<svg onload="alert(1)"><circle r="5" /></svg>',
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-animate": '<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text y="20">x</text></a></svg>',
    "data-link-markdown": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data-link-html": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "data-image": '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "markdown-image-javascript": "![x](javascript:alert(1))",
    "object-embed": '<object data="evil.swf"></object><embed src="evil.swf">',
    "form": '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button><input autofocus onfocus=alert(3)></form>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base": '<base href="javascript:alert(1)//">',
    "math": '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    "details-ontoggle": "<details open ontoggle=alert(1)>x</details>",
    "html-comment-break": "<!--><script>alert(1)</script>-->",
    "noscript-mxss": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "fenced-html": "```html\n<script>alert(1)</script>\n```",
    "heading-id-clobber": "<h2 id=\"__config\" name=\"x\">x</h2>",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_markup_payloads_do_not_survive(name: str) -> None:
    out = render_body(PAYLOADS[name])
    assert_harmless(out)
    lowered = out.lower()
    for needle in ("<script", "<iframe", "<style", "<svg", "<img", "<object", "<embed", "<form", "<meta", "<base", "<math", "onerror=", "onload="):
        assert needle not in lowered, f"{needle} in {out!r}"


def test_script_inside_code_is_shown_as_text() -> None:
    out = render_body("```html\n<script>alert(1)</script>\n```\n\n行内 `<img src=x onerror=alert(1)>` 代码")
    assert_harmless(out)
    text = "".join(elements(out).text)
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text


def test_text_with_markup_characters_is_kept_as_text() -> None:
    out = render_body("收支 a < b & c > d，“引号” 'single' \"double\"")
    assert_harmless(out)
    assert "".join(elements(out).text).strip() == "收支 a < b & c > d，“引号” 'single' \"double\""


def test_ordinary_markdown_survives() -> None:
    body = "\n".join([
        "## 会议议程",
        "",
        "1. 传达上级精神",
        "2. 讨论发展党员",
        "",
        "- 王书记",
        "- 李委员",
        "",
        "| 项目 | 金额 |",
        "|---|---:|",
        "| 党费 | 1,200.00 |",
        "",
        "详见 [上级通知](https://example.org/notice?id=1&x=2) 与 [邮件](mailto:dangban@example.org)，**重点** *强调* `代码`。",
        "",
        "> 引用的文件",
        "",
        "### 小结",
    ])
    out = render_body(body)
    assert_harmless(out)
    found = elements(out)
    tags = [tag for tag, _ in found.elements]
    for tag in ("ol", "ul", "li", "table", "thead", "tbody", "th", "td", "a", "strong", "em", "code", "blockquote"):
        assert tag in tags, f"<{tag}> missing from {out!r}"
    # Body headings nest under the page's own headings (one level down), with readable ids.
    headings = [(tag, attrs) for tag, attrs in found.elements if tag in ("h2", "h3", "h4", "h5", "h6")]
    assert len(headings) == 2 and headings[0][0] < headings[1][0], headings
    assert headings[0][1].get("id") == "会议议程"
    links = [attrs for tag, attrs in found.elements if tag == "a"]
    assert links[0]["href"] == "https://example.org/notice?id=1&x=2"
    assert links[1]["href"] == "mailto:dangban@example.org"
    assert [attrs.get("align") for tag, attrs in found.elements if tag in ("th", "td")][1] == "right"
    assert "1,200.00" in "".join(found.text)


# ---------------------------------------------------------------------------
# Running check on literal files
# ---------------------------------------------------------------------------


def run_check(site: Path, *extra: str) -> tuple[int, list[str], str]:
    proc = run_openbranch("check", "-c", site / "site_config.yml", "--today", TODAY, *extra, cwd=site)
    assert "Traceback" not in proc.stderr, describe(proc)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("content/")]
    return proc.returncode, lines, describe(proc)


# ---------------------------------------------------------------------------
# YAML 1.1 surprises
# ---------------------------------------------------------------------------

CHOICES = """\
title: 支委会
date: 2025-03-05
kind: yes
visibility: no
status: on
"""

COUNTS = """\
title: 年度民主评议党员
date: 2025-01-20
kind: member_appraisal
period: 2024年度
members: 1e3
results:
  excellent: 010
  qualified: on
"""

MONEY = """\
title: 2025年第一季度经费
date: 2025-03-31
kind: funds
period: 2025年第一季度
opening_balance: 010
income:
  - date: 2025-1-5
    source: 上级拨付
    amount: 1e3
closing_balance: 1010
"""

DATES = """\
title: 公示
date: 2025-03-01
kind: other
start: 2025-3-1
end: 2025-03-08
approval:
  approved_on: 2025-1-5
"""

VOTE = """\
title: 关于经费使用的决定
date: 2025-03-05
result: adopted
vote:
  for: 1e3
  against: no
  abstain: 010
"""

WORDS = """\
title: no
date: 2025-03-05
kind: 支委会
visibility: public
chair: on
location: yes
attendees:
  - no
  - off
  - y
summary: 1e3
topic: 010
tags:
  - 2025-1-5
"""


def test_yaml_1_1_words_and_numbers_give_errors_at_their_line(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        "content/meetings/2025/choices.yml": CHOICES,
        "content/appraisals/2025/counts.yml": COUNTS,
        "content/finances/2025/money.yml": MONEY,
        "content/notices/2025/dates.yml": DATES,
        "content/decisions/2025/vote.yml": VOTE,
    })
    code, lines, output = run_check(site)
    assert code == 1, output
    A, F, M, N, D = (f"content/{p}.yml" for p in ("appraisals/2025/counts", "finances/2025/money", "meetings/2025/choices", "notices/2025/dates", "decisions/2025/vote"))
    count = "应为不小于 0 的整数，收到"
    money = "金额应为数字，最多两位小数（如 1200 或 35.50），不带货币符号和千位分隔符，收到"
    date = "日期应写成 YYYY-MM-DD（如 2025-03-07），收到"
    expected = [
        f"{A}:5:10: members: {count}“1e3”",
        f"{A}:7:14: results.excellent: {count}“010”",
        f"{A}:8:14: results.qualified: {count}“on”",
        f"{D}:5:8: vote.for: {count}“1e3”",
        f"{D}:6:12: vote.against: {count}“no”",
        f"{D}:7:12: vote.abstain: {count}“010”",
        f"{F}:5:18: opening_balance: {money}“010”",
        f"{F}:7:11: income[0].date: {date}“2025-1-5”",
        f"{F}:9:13: income[0].amount: {money}“1e3”",
        f"{M}:3:7: kind: “yes”不是可用的值，应为以下之一：",
        f"{M}:4:13: visibility: “no”不是可用的值，应为以下之一：公开（public）、党内（members）、不公开（restricted）",
        f"{M}:5:9: status: “on”不是可用的值，应为以下之一：已发布（published）、草稿（draft）",
        f"{N}:4:8: start: {date}“2025-3-1”",
        f"{N}:7:16: approval.approved_on: {date}“2025-1-5”",
    ]
    for want in expected:
        assert any(line.startswith(want) for line in lines), f"missing: {want}\n{output}"
    assert len(lines) == len(expected), output


def test_yaml_1_1_words_where_text_is_expected_stay_the_words_typed(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/meetings/2025/words.yml": WORDS})
    code, lines, output = run_check(site)
    assert (code, lines) == (0, []), output
    loaded, problems = load_site(site / "site_config.yml")
    assert loaded is not None, problems
    records, collector = check_records(loaded, dt.date(2026, 6, 1))
    assert not collector.items
    m = records.records[0].model
    assert (m.title, m.chair, m.location, m.summary, m.topic) == ("no", "on", "yes", "1e3", "010")
    assert m.attendees == ["no", "off", "y"]
    assert m.tags == ["2025-1-5"]
    # …and the page says "no", not "False".
    proc = build_site(site, tmp_path / "out", "--audience", "public")
    assert proc.returncode == 0, describe(proc)
    page = (tmp_path / "out/public/meetings/2025/words/index.html").read_text(encoding="utf-8")
    assert '<h1 class="ob-title">no</h1>' in page
    assert "False" not in page and "True" not in page


# ---------------------------------------------------------------------------
# Attachments
# ---------------------------------------------------------------------------


def attachment_record(*names: str, visibility: str = "public") -> str:
    lines = ["title: 支委会", "date: 2025-03-05", "kind: 支委会", f"visibility: {visibility}", "attachments:"]
    for name in names:
        lines += [f"  - file: {json.dumps(name, ensure_ascii=False)}", "    title: 会议纪要"]
    return "\n".join(lines) + "\n"


def test_attachment_paths_leaving_the_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF secret")
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "plan.pdf").write_bytes(b"%PDF plan")
    site = write_site(tmp_path / "site", {
        "content/attachments/ok.pdf": b"%PDF ok",
        "content/meetings/2025/paths.yml": attachment_record(
            "ok.pdf",                       # line 6: fine
            "../branch.yml",                # line 8
            "sub/../../../secret.pdf",      # line 10
            str(outside),                   # line 12: absolute
            "link.pdf",                     # line 14: symlink to a file outside
            "linked-dir/plan.pdf",          # line 16: through a symlinked folder
        ),
    })
    (site / "content/attachments/link.pdf").symlink_to(outside)
    (site / "content/attachments/linked-dir").symlink_to(tmp_path / "secrets", target_is_directory=True)
    code, lines, output = run_check(site)
    assert code == 1, output
    rel = "content/meetings/2025/paths.yml"
    expected = [
        f"{rel}:8:11: attachments[1].file: 附件路径“../branch.yml”指向 content/attachments/ 之外",
        f"{rel}:10:11: attachments[2].file: 附件路径“sub/../../../secret.pdf”指向 content/attachments/ 之外",
        f"{rel}:12:11: attachments[3].file: 附件路径“{outside}”指向 content/attachments/ 之外",
        f"{rel}:14:11: attachments[4].file: 附件路径“link.pdf”指向 content/attachments/ 之外",
        f"{rel}:16:11: attachments[5].file: 附件路径“linked-dir/plan.pdf”指向 content/attachments/ 之外",
    ]
    assert lines == expected, output
    # And the build refuses too: nothing of the secret is published.
    proc = build_site(site, tmp_path / "out")
    assert proc.returncode == 1, describe(proc)
    assert not (tmp_path / "out" / "public").exists()


def test_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        "content/attachments/2025/real.pdf": b"%PDF real",
        "content/meetings/2025/inside.yml": attachment_record("alias.pdf"),
    })
    (site / "content/attachments/alias.pdf").symlink_to(site / "content/attachments/2025/real.pdf")
    code, lines, output = run_check(site)
    assert (code, lines) == (0, []), output


def test_attachment_over_the_size_limit_warns(tmp_path: Path) -> None:
    config = {**DEFAULT_CONFIG, "limits": {"attachment_max_mb": 1}}
    site = write_site(tmp_path / "site", {
        "content/attachments/big.pdf": b"%PDF" + b"\0" * (3 * 1024 * 1024 // 2),
        "content/attachments/exactly.pdf": b"\0" * (1024 * 1024),
        "content/meetings/2025/big.yml": attachment_record("big.pdf", "exactly.pdf"),
    }, config=config)
    code, lines, output = run_check(site)
    assert code == 0, output
    assert lines == ["content/meetings/2025/big.yml:6:11: attachments[0].file: 警告: 附件“big.pdf”大小为 1.5 MB，超过 1 MB 的上限，请压缩后再公开"], output
    code, lines, output = run_check(site, "--strict")
    assert code == 1 and len(lines) == 1, output


@pytest.mark.parametrize("name", ["2025 会议 纪要（终稿）.pdf", "支委会/第 3 次 会议 记录 #1.pdf"])
def test_attachment_with_spaces_and_chinese_is_published_and_linked(tmp_path: Path, name: str) -> None:
    data = b"%PDF-1.4 " + name.encode("utf-8")
    site = write_site(tmp_path / "site", {
        f"content/attachments/{name}": data,
        "content/meetings/2025/with-file.yml": attachment_record(name),
    })
    code, lines, output = run_check(site)
    assert (code, lines) == (0, []), output
    out = tmp_path / "out"
    proc = build_site(site, out)
    assert proc.returncode == 0, describe(proc)
    for audience in ("public", "members"):
        root = out / audience
        assert (root / "attachments" / name).read_bytes() == data
        page_rel = "meetings/2025/with-file/index.html"
        hrefs = [attrs.get("href", "") for tag, attrs in elements((root / page_rel).read_text(encoding="utf-8")).elements if tag == "a"]
        attachment_links = [h for h in hrefs if "attachments/" in h]
        assert len(attachment_links) == 1, hrefs
        href = attachment_links[0]
        assert " " not in href, f"the href should be percent-encoded: {href!r}"
        # Resolve the link the way a browser does, from the page's URL.
        target = urlsplit(urljoin(f"http://site.test/{page_rel}", href)).path
        resolved = root / unquote(target).lstrip("/")
        assert resolved.is_file() and resolved.read_bytes() == data, (href, resolved)


# ---------------------------------------------------------------------------
# Personal data
# ---------------------------------------------------------------------------

RESIDENT_ID = "11010519491231002X"  # check digit X is right
WRONG_CHECK_DIGIT = "110105194912310021"  # same number, wrong check digit (and not Luhn-valid)
MOBILE = "138 1234 5678"
BANK_CARD = "6228480012345671"  # Luhn-valid


def pii_record(visibility: str) -> str:
    return f"""\
title: 支委会
date: 2025-03-05
kind: 支委会
visibility: {visibility}
location: 三楼会议室，联系人电话 {MOBILE}
attendees:
  - 王书记
  - 李委员（{RESIDENT_ID}）
body: |
  会议研究困难党员补助，
  补助款打入卡号 {BANK_CARD}。
"""


def pii_lines(rel: str, warning: str = "") -> list[str]:
    return [
        f"{rel}:5:11: location: {warning}含有手机号码；请删除或打码，若确需公开（如支部联系电话），请在 numbers_ok 中列出此字段",
        f"{rel}:8:5: attendees[1]: {warning}含有居民身份证号码，不能公开；请删除或打码（如 3301**********1234）",
        f"{rel}:9:7: body: {warning}含有银行卡号，不能公开；请删除或打码",
    ]


def test_personal_numbers_in_a_public_record_are_errors(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/meetings/2025/pii.yml": pii_record("public")})
    code, lines, output = run_check(site)
    assert code == 1, output
    assert lines == pii_lines("content/meetings/2025/pii.yml"), output


def test_personal_numbers_in_a_members_record_are_warnings_and_strict_fails(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/meetings/2025/pii.yml": pii_record("members")})
    code, lines, output = run_check(site)
    assert code == 0, output
    assert lines == pii_lines("content/meetings/2025/pii.yml", "警告: "), output
    code, lines, output = run_check(site, "--strict")
    assert code == 1, output
    assert lines == pii_lines("content/meetings/2025/pii.yml", "警告: "), output
    proc = build_site(site, tmp_path / "out", "--strict")
    assert proc.returncode == 1, describe(proc)


def test_personal_numbers_in_a_restricted_record_are_not_reported(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/meetings/2025/pii.yml": pii_record("restricted")})
    code, lines, output = run_check(site, "--strict")
    assert (code, lines) == (0, []), output


def test_personal_number_in_a_nested_field(tmp_path: Path) -> None:
    text = f"""\
title: 拟接收预备党员公示
date: 2025-03-03
kind: other
visibility: public
start: 2025-03-03
end: 2025-03-10
subjects:
  - name: 张三
    detail: 身份证号 {RESIDENT_ID}
"""
    site = write_site(tmp_path / "site", {"content/notices/2025/notice.yml": text})
    code, lines, output = run_check(site)
    assert code == 1, output
    assert lines == ["content/notices/2025/notice.yml:9:13: subjects[0].detail: 含有居民身份证号码，不能公开；请删除或打码（如 3301**********1234）"], output


def test_numbers_ok_silences_only_the_listed_field(tmp_path: Path) -> None:
    text = f"""\
title: 拟接收预备党员公示
date: 2025-03-03
kind: other
visibility: public
start: 2025-03-03
end: 2025-03-10
contact: 支部办公室 {MOBILE}
numbers_ok: [contact]
body: 如有意见请致电 13912345678。
"""
    site = write_site(tmp_path / "site", {"content/notices/2025/notice.yml": text})
    code, lines, output = run_check(site)
    assert code == 1, output
    assert lines == ["content/notices/2025/notice.yml:9:7: body: 含有手机号码；请删除或打码，若确需公开（如支部联系电话），请在 numbers_ok 中列出此字段"], output
    site2 = write_site(tmp_path / "site2", {"content/notices/2025/notice.yml": text.replace("numbers_ok: [contact]", "numbers_ok: [contact, body]")})
    code, lines, output = run_check(site2, "--strict")
    assert (code, lines) == (0, []), output


def test_numbers_that_only_look_personal_are_not_flagged(tmp_path: Path) -> None:
    text = f"""\
title: 支委会
date: 2025-03-05
kind: 支委会
visibility: public
location: 文件编号 {WRONG_CHECK_DIGIT}
summary: 经费 12345678.00 元，会议号 1234-5678，合同号 6228480012345672
body: 座机 0571-88886666，邮编 310000，{WRONG_CHECK_DIGIT}X。
"""
    site = write_site(tmp_path / "site", {"content/meetings/2025/numbers.yml": text})
    code, lines, output = run_check(site, "--strict")
    assert (code, lines) == (0, []), output
