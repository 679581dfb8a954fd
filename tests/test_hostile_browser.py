"""Every Big List of Naughty Strings entry in a real site, opened in real Chromium.

Issue 6, "Markup safety": a site is written whose records carry every string
of ``tests/data/blns.json`` (a copy kept in the repository with its MIT
licence; missing is a failure, not a skip).  The strings are dealt round-robin to 24 records
(about 21 each: meetings, notices and decisions), where each one is a tag, a
name (attendee, guest, notice subject), an agenda item and a paragraph of the
body; each record's most markup-laden string is its title.  Every string is
also an attendee and a paragraph of one more record holding them all, and so
the heading and ``<title>`` of its own tag page.  The site is built with the
real ``openbranch build``, served on 127.0.0.1, and every page of the public
site (≈560) is opened in Debian's headless Chromium, one browser, one tab.

On every page:

* no dialog opens (``page.on("dialog")``), and the ``alert``/``confirm``/
  ``prompt`` replacements installed before any page script (an init script)
  are never called — BLNS payloads call ``alert(123)``, ``alert(1)``,
  ``prompt(132)``;
* extra payloads of our own, which would set ``window.__pwned`` through an
  inline script, an event handler or an SVG ``onload``, never run;
* no JavaScript error is thrown (a half-escaped ``<script>`` would throw);
* the DOM holds no element with an ``on…`` attribute (but the theme's own,
  listed in ``THEME_HANDLERS``), no ``<iframe>``,
  ``<object>``, ``<embed>`` or ``<img>`` from a record, no ``javascript:`` /
  ``data:`` link, and no inline script other than the theme's own.

On every record page the title is shown as text: the ``<h1>``'s text equals
the title and ``document.title`` contains it; on every tag page the same holds
for "标签：" + the tag.  Normalisation, applied to
both sides: runs of Unicode whitespace (``str.split()``: spaces, tabs, NBSP,
U+3000, U+2028 …) become one space and the ends are stripped.  This is what
a browser does to ``document.title`` (ASCII whitespace) and is the only
liberty taken: every other character, including zero-width ones, entities
typed as text (``&lt;``) and right-to-left marks, must come through exactly.

Strings with control characters (U+0000–U+001F except tab/LF/CR, U+007F–
U+009F) are refused by ``check``: they are left out of the built site and
checked in a small site of their own, each reported with file, line and
field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .browser import launch_chromium, serve_directory
from .helpers import build_site, describe, run_openbranch, write_site

BLNS_PATH = Path(__file__).resolve().parent / "data" / "blns.json"
TODAY = "2026-06-01"

# The characters `check` refuses in any text (records.models.common.parse_text), said independently here.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Our own payloads: each would set window.__pwned if any of it ever ran.
OWN_PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=\"window.__pwned='svg'\"><circle r=1 /></svg>",
    "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\"></iframe>",
    "<style>@import 'javascript:window.__pwned=1';</style><b style=\"background:url(javascript:window.__pwned='style')\">x</b>",
    "[click](javascript:window.__pwned='md-link') <a href=\"data:text/html,<script>parent.__pwned=1</script>\">d</a>",
    "<details open ontoggle=\"window.__pwned='details'\">x</details>",
    "<body onload=\"window.__pwned='body'\"><input autofocus onfocus=\"window.__pwned='focus'\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\"></style></mglyph></table></mtext></math>",
    "\"><script>window.__pwned='attr-break'</script><p title=\"",
    "{{ 7*7 }}{% raw %}<script>window.__pwned='jinja'</script>",
]

CANARY = """
(() => {
  window.__xss = [];
  for (const name of ["alert", "confirm", "prompt"]) {
    window[name] = function (...args) { window.__xss.push(name + ":" + String(args[0])); };
  }
})();
"""

# Event handlers the theme itself writes (the print page's button); any other is a finding.
THEME_HANDLERS = ["window.print()"]

# Everything about the page a payload could have changed, in one evaluate.
INSPECT = """
() => {
  const THEME_HANDLERS = %s;
  const handlers = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith("on") && !THEME_HANDLERS.includes(attr.value.trim()))
        handlers.push(el.tagName + "[" + attr.name + "=" + attr.value.slice(0, 60) + "]");
    }
  }
  const badUrls = [];
  for (const el of document.querySelectorAll("[href], [src], [action], [formaction], [poster], [data]")) {
    for (const name of ["href", "src", "action", "formaction", "poster", "data"]) {
      if (!el.hasAttribute(name)) continue;
      let scheme = "";
      try { scheme = new URL(el.getAttribute(name), document.baseURI).protocol; } catch (e) { continue; }
      if (!["http:", "https:", "mailto:", "tel:"].includes(scheme)) badUrls.push(el.tagName + "[" + name + "]=" + el.getAttribute(name).slice(0, 60));
    }
  }
  // Inline scripts the browser runs (not data blocks such as Material's application/json config).
  const runnable = ["", "text/javascript", "application/javascript", "module"];
  const inlineScripts = [...document.querySelectorAll("script:not([src])")]
    .filter(s => runnable.includes((s.getAttribute("type") || "").trim().toLowerCase()))
    .map(s => s.textContent);
  // Charts are <img> on report pages; where record text lands, no image or SVG either.
  const foreign = [...document.querySelectorAll(
    ".md-content :is(iframe, frame, object, embed, style, form, input, textarea, math, base, meta, link, script), " +
    ":is(.ob-body, .ob-title, h1, .ob-facts, .ob-names, .ob-summary, .ob-agenda, td, li, .ob-chips) :is(img, svg, video, audio, image)")]
    .map(el => el.tagName);
  const h1 = document.querySelector("h1.ob-title") || document.querySelector(".md-content h1");
  return {
    xss: window.__xss || null,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    handlers, badUrls, inlineScripts, foreign,
    h1: h1 ? h1.textContent : null,
    title: document.title,
  };
}
""" % json.dumps(THEME_HANDLERS)


def norm(text: str) -> str:
    """Runs of Unicode whitespace -> one space, ends stripped (see the module docstring)."""
    return " ".join(text.split())


def load_blns() -> list[str]:
    assert BLNS_PATH.is_file(), f"the Big List of Naughty Strings is missing: {BLNS_PATH} (tests/data/blns.json is part of the repository)"
    strings = json.loads(BLNS_PATH.read_text(encoding="utf-8"))
    assert isinstance(strings, list) and len(strings) > 400, "blns.json is not the list of strings it should be"
    seen: set[str] = set()
    unique = []
    for s in strings:
        if s not in seen:
            seen.add(s)
            unique.append(s)
    return unique


BLNS = load_blns()
REFUSED = [s for s in BLNS if CONTROL.search(s)]
ACCEPTED = [s for s in BLNS if not CONTROL.search(s)]
# Every string goes into one of RECORDS records (a round-robin share of 20-odd
# strings each): as the chair, speaker, location, attendees, guests, agenda,
# tags and body; the share's most markup-laden string is also the title.
# Blank strings cannot be a title, a name in a list or a tag (required text);
# they go into the body and the chair of a record of their own.
RECORDS = 24
POOL = [s for s in ACCEPTED if s.strip()] + OWN_PAYLOADS
BLANKS = [s for s in ACCEPTED if not s.strip()]
TAG_PREFIX = "标签："


def _markup_weight(s: str) -> tuple[int, int]:
    return (sum(s.count(c) for c in "<>&\"'`"), -POOL.index(s))


def _record(r: int) -> tuple[str, str, dict[str, Any]]:
    share = POOL[r::RECORDS]
    title = max(share, key=_markup_weight)
    date = f"2025-{1 + r % 12:02d}-{1 + r:02d}"
    common: dict[str, Any] = {
        "title": title,
        "date": date,
        "visibility": "public",
        "summary": share[0],
        "tags": list(share),
        "body": "\n\n".join(share),
    }
    if r % 4 == 2:
        section, record = "notices", {**common, "kind": "other", "start": date, "end": date, "stage": share[1], "contact": share[2],
                                      "subjects": [{"name": s, "detail": s} for s in share]}
    elif r % 4 == 3:
        # Taken at the meeting three records before (a decision with a result names its meeting).
        section, record = "decisions", {**common, "result": "adopted", "category": share[1], "background": share[2], "meeting": f"blns-{r - 3:02d}"}
    else:
        section, record = "meetings", {**common, "kind": "party_lesson" if r % 2 else "theme_day", "chair": share[1], "speaker": share[2],
                                       "topic": share[3], "location": share[4], "attendees": list(share), "guests": list(share), "agenda": list(share)}
    return f"{section}/2025/blns-{r:02d}/", title, record


def _site_files() -> tuple[dict[str, Any], dict[str, str]]:
    """The site's files, and record page URL -> title.

    Lists are copied: yaml.safe_dump writes a list object used twice as an
    anchor and an alias, which records refuse.
    """
    files: dict[str, Any] = {}
    titles: dict[str, str] = {}
    for r in range(RECORDS):
        url, title, record = _record(r)
        files[f"content/{url[:-1]}.yml"] = record
        titles[url] = title
    files["content/meetings/2025/blank.yml"] = {
        "title": "空白字符串", "date": "2025-12-30", "visibility": "public", "kind": "other",
        "chair": BLANKS[-1], "body": "\n\n".join(BLANKS),
    }
    titles["meetings/2025/blank/"] = "空白字符串"
    # Every string once more, all in one body: one Markdown document of them all.
    files["content/meetings/2025/all-in-one.yml"] = {
        "title": "全部字符串", "date": "2025-12-31", "visibility": "public", "kind": "other",
        "body": "\n\n".join(ACCEPTED + OWN_PAYLOADS),
        "attendees": list(POOL),
    }
    titles["meetings/2025/all-in-one/"] = "全部字符串"
    return files, titles


@pytest.fixture(scope="module")
def blns_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("blns")
    files, titles = _site_files()
    site = write_site(root / "site", files)
    out = root / "out"
    proc = build_site(site, out, "--audience", "public")
    assert proc.returncode == 0, describe(proc)
    return out / "public", titles


def test_every_string_is_in_the_site() -> None:
    """The site really carries every string `check` accepts, in a title or tag, a name and a body."""
    files, titles = _site_files()
    bodies = "\n".join(record["body"] for record in files.values())
    tags = {t for record in files.values() for t in record.get("tags", [])}
    names = {n for record in files.values() for n in record.get("attendees", []) + [s["name"] for s in record.get("subjects", [])]}
    names |= {record["chair"] for record in files.values() if "chair" in record}
    assert set(POOL) <= tags | set(BLANKS)
    assert set(POOL) <= names | set(BLANKS)
    assert all(s in bodies for s in ACCEPTED)
    assert len(set(titles.values())) == len(titles)
    assert REFUSED and len(ACCEPTED) + len(REFUSED) == len(BLNS)


def _theme_script(text: str) -> str:
    """An inline script with its page-relative base path taken out, to compare with other pages'."""
    return re.sub(r'"(?:/|(?:\.\./)*\.\.?)"', '"."', text)


def test_every_page_is_harmless_and_every_title_is_text(blns_site: tuple[Path, dict[str, str]]) -> None:
    public, titles = blns_site
    pages = sorted(p.relative_to(public).as_posix() for p in public.rglob("*.html"))
    record_pages = {f"{url}index.html": title for url, title in titles.items()}
    assert set(record_pages) <= set(pages), sorted(set(record_pages) - set(pages))[:10]
    tag_pages = [p for p in pages if p.startswith("tags/") and p != "tags/index.html"]
    assert len(tag_pages) == len(POOL), (len(tag_pages), len(POOL))

    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    tag_headings: dict[str, str] = {}
    theme_scripts: set[str] | None = None
    with serve_directory(public) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            context = browser.new_context()
            context.add_init_script(CANARY)
            # The search worker would fetch and index every string on every page load; search
            # results are not part of a page until someone types, so it gets an empty index.
            index = json.loads((public / "search" / "search_index.json").read_text(encoding="utf-8"))
            empty_index = json.dumps({"config": index["config"], "docs": []})
            context.route("**/search/search_index.json", lambda route: route.fulfill(status=200, content_type="application/json", body=empty_index))
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.type} {d.message}"), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
            page.goto(f"{base}/404.html", wait_until="load")  # no record on it: the theme's own scripts
            theme_scripts = {_theme_script(t) for t in page.evaluate(INSPECT)["inlineScripts"]}
            for rel in pages:
                page.goto(f"{base}/{rel}", wait_until="load")
                facts = page.evaluate(INSPECT)
                if facts["xss"]:
                    problems.append(f"{rel}: dialog function called: {facts['xss'][:3]}")
                if facts["pwned"] is not None:
                    problems.append(f"{rel}: payload ran: window.__pwned={facts['pwned']}")
                if facts["handlers"]:
                    problems.append(f"{rel}: event handler attributes: {facts['handlers'][:5]}")
                if facts["badUrls"]:
                    problems.append(f"{rel}: script URLs: {facts['badUrls'][:5]}")
                if facts["foreign"]:
                    problems.append(f"{rel}: foreign elements from a record: {facts['foreign'][:5]}")
                extra = {_theme_script(t) for t in facts["inlineScripts"]} - theme_scripts
                if extra:
                    problems.append(f"{rel}: inline script not of the theme: {sorted(extra)[0][:200]!r}")
                title = record_pages.get(rel)
                if title is not None:
                    if facts["h1"] is None or norm(facts["h1"]) != norm(title):
                        problems.append(f"{rel}: <h1> {facts['h1']!r} is not the title {title!r}")
                    if norm(title) not in norm(facts["title"]):
                        problems.append(f"{rel}: <title> {facts['title']!r} does not contain the title {title!r}")
                if rel in tag_pages:
                    tag_headings[norm(facts["h1"] or "")] = norm(facts["title"])
        finally:
            browser.close()
    assert not dialogs, "\n".join(dialogs[:20])
    assert not errors, "\n".join(errors[:20])
    assert not problems, f"{len(problems)} problems, the first:\n" + "\n".join(problems[:40])
    # Every tag's page shows the tag as text, in its heading and its <title>.
    for tag in POOL:
        heading = norm(TAG_PREFIX + tag)
        assert heading in tag_headings, f"no tag page shows the tag {tag!r} as its heading"
        assert norm(tag) in tag_headings[heading], f"the <title> of the tag page of {tag!r} is {tag_headings[heading]!r}"


def test_strings_with_control_characters_are_refused_with_file_line_and_field(tmp_path: Path) -> None:
    files = {}
    for i, s in enumerate(REFUSED):
        # title on line 1, chair on line 4 (yaml.safe_dump writes each as one escaped line).
        files[f"content/meetings/2025/ctl-{i}.yml"] = {"title": s, "date": "2025-03-01", "kind": "other", "chair": f"x{s}"}
    site = write_site(tmp_path / "site", files)
    for i in range(len(REFUSED)):
        text = (site / f"content/meetings/2025/ctl-{i}.yml").read_text(encoding="utf-8")
        assert text.splitlines()[0].startswith("title: "), text
        assert text.splitlines()[3].startswith("chair: "), text
    proc = run_openbranch("check", "-c", site / "site_config.yml", "--today", TODAY, cwd=site)
    assert proc.returncode == 1, describe(proc)
    for i, s in enumerate(REFUSED):
        first = CONTROL.search(s)
        assert first is not None
        code = f"U+{ord(first.group()):04X}"
        for field, line, position in (("title", 1, first.start() + 1), ("chair", 4, first.start() + 2)):
            expected = f"content/meetings/2025/ctl-{i}.yml:{line}:"
            hits = [l for l in proc.stdout.splitlines() if l.startswith(expected) and f" {field}: " in l]
            assert hits, f"no error for {field} of ctl-{i} ({s!r})\n{describe(proc)}"
            assert code in hits[0] and f"第 {position} 个字符" in hits[0], hits[0]
