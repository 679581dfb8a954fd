"""What OpenBranch relies on in MkDocs' and Material's internals, checked against the installed packages.

Page reuse (generator/engines/mkdocs/reuse.py) replaces ``Page.read_source``,
``Page.render`` and ``File.copy_file`` on single objects and sets MkDocs 1.6
internals; serve (engines/mkdocs/serve.py) runs MkDocs' ``LiveReloadServer``;
themes/overrides/main.html rewrites Material's private ``__config`` JSON, and
themes/overrides/assets/javascripts/openbranch-search-worker.js speaks
Material's private search-worker protocol.  None of it is a public API: an
upgrade may change any of it without notice.  Each test names the internal
in its failure message, so an upgrade that breaks one says which, before a
site is quietly wrong (pages rendered blank, search that never answers).
The end-to-end consequences are tested elsewhere (test_incremental.py,
test_search_browser.py); these say why.
"""

from __future__ import annotations

import inspect
import json
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import EVENTS, PluginCollection
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.engines.mkdocs import MATERIAL_PROJECT, reuse
from generator.theme import builtin_theme

MATERIAL = Path(material.__file__).resolve().parent / "templates"
OVERRIDES = builtin_theme() / "overrides"


def _parameters(function) -> list[str]:  # noqa: ANN001 - any callable
    return list(inspect.signature(function).parameters)


def _source(function) -> str:  # noqa: ANN001
    return inspect.getsource(function)


# ---------------------------------------------------------------------------
# Versions: the ranges pyproject.toml pins are the ranges tested here
# ---------------------------------------------------------------------------


def test_the_installed_versions_are_the_pinned_ones() -> None:
    assert version("mkdocs").startswith("1.6."), f"MkDocs {version('mkdocs')}: page reuse is written against MkDocs 1.6 internals (pyproject.toml pins mkdocs<1.7)"
    assert version("mkdocs-material").startswith("9.8."), f"Material {version('mkdocs-material')}: main.html and the search worker are written against Material 9.8 (pyproject.toml pins mkdocs-material<9.9)"


# ---------------------------------------------------------------------------
# MkDocs: page reuse
# ---------------------------------------------------------------------------


def test_reuse_stubs_take_the_arguments_of_what_they_replace() -> None:
    for ours, theirs, name in (
        (reuse._read_nothing, Page.read_source, "mkdocs.structure.pages.Page.read_source"),
        (reuse._render_nothing, Page.render, "mkdocs.structure.pages.Page.render"),
    ):
        # Ours is bound to the page with functools.partial: (page, …) stands for (self, …).
        assert _parameters(ours)[1:] == _parameters(theirs)[1:], f"{name}{inspect.signature(theirs)} and reuse.{ours.__name__}{inspect.signature(ours)}, which replaces it on reused pages, no longer take the same arguments"
    assert _parameters(reuse._copy_nothing) == _parameters(File.copy_file)[1:], f"mkdocs.structure.files.File.copy_file{inspect.signature(File.copy_file)} and reuse._copy_nothing, which replaces it, no longer take the same arguments"
    assert inspect.signature(File.copy_file).parameters["dirty"].default is False, "mkdocs.structure.files.File.copy_file: the default of `dirty` changed"


def test_mkdocs_calls_the_replaced_methods_on_each_object() -> None:
    """Replacing a method on one page object works only while MkDocs calls it through that object."""
    populate = _source(mkdocs_build._populate_page)
    assert "page.read_source(config)" in populate, "mkdocs.commands.build._populate_page no longer calls page.read_source(config): reused pages would be read and converted"
    assert "page.render(config, files)" in populate, "mkdocs.commands.build._populate_page no longer calls page.render(config, files): reused pages would be rendered"
    assert "file.copy_file(dirty)" in _source(Files.copy_static_files), "mkdocs.structure.files.Files.copy_static_files no longer calls file.copy_file(dirty): static files would be copied as well as linked"


def test_a_rendered_page_sets_the_anchor_internals_the_stub_sets() -> None:
    """MkDocs 1.6 validates anchors with what ``Page.render`` leaves on the page; the stub must leave the same attributes."""
    render = _source(Page.render)
    for attribute in ("present_anchor_ids", "links_to_anchors", "self.toc", "self.content"):
        assert attribute in render, f"mkdocs.structure.pages.Page.render no longer sets {attribute}: reuse._render_nothing sets it on reused pages"
    validate = _source(Page.validate_anchor_links)
    for attribute in ("present_anchor_ids", "links_to_anchors"):
        assert attribute in validate, f"mkdocs.structure.pages.Page.validate_anchor_links no longer reads Page.{attribute}: check what reuse._render_nothing must set instead"
    for attribute in ("present_anchor_ids", "links_to_anchors", "content", "toc", "markdown", "meta"):
        assert hasattr(Page, attribute) or attribute in inspect.get_annotations(Page), f"mkdocs.structure.pages.Page has no attribute {attribute} (reuse.py sets it)"
    assert get_toc([]).items == [], "mkdocs.structure.toc.get_toc([]) no longer gives an empty table of contents (reuse._render_nothing)"


def test_a_page_with_an_empty_template_is_not_written() -> None:
    """A reused page selects an empty template: MkDocs must write nothing for it, so the old HTML can be linked in."""
    build_page = _source(mkdocs_build._build_page)
    assert "page.meta.get('template', 'main.html')" in build_page, "mkdocs.commands.build._build_page no longer picks the template from page.meta['template'] (reuse.REUSED_TEMPLATE)"
    assert "if output.strip():" in build_page, "mkdocs.commands.build._build_page no longer skips a page whose output is empty: reused pages would be written blank over the linked HTML"


def test_the_plugin_events_and_their_arguments() -> None:
    """MkDocs calls each handler as ``method(item, **kwargs)`` (PluginCollection.run_event) with the keywords of its dispatcher."""
    assert "method(item, **kwargs)" in _source(PluginCollection.run_event), "mkdocs.plugins.PluginCollection.run_event no longer calls handlers as method(item, **kwargs)"
    for event in ("on_files", "on_nav", "on_pre_page", "on_env", "on_post_page"):
        assert event[3:] in EVENTS, f"MkDocs has no plugin event {event} any more (reuse.ReusePlugin.{event})"
        ours, theirs = inspect.signature(getattr(reuse.ReusePlugin, event)), inspect.signature(getattr(PluginCollection, event))
        keywords = [name for name, p in theirs.parameters.items() if p.kind is p.KEYWORD_ONLY]
        assert [name for name, p in ours.parameters.items() if p.kind is p.KEYWORD_ONLY] == keywords, f"MkDocs' plugin event {event}{theirs} changed (reuse.ReusePlugin.{event}{ours})"
    assert "_register_event" in _source(PluginCollection.__setitem__), "mkdocs.plugins.PluginCollection.__setitem__ no longer registers a plugin's events: render.py adds the reuse plugin as config.plugins['openbranch']"
    for attribute in ("abs_src_path", "dest_uri", "src_uri"):
        assert attribute in inspect.get_annotations(File) or hasattr(File, attribute), f"mkdocs.structure.files.File.{attribute} is gone (reuse.ReusePlugin.on_files)"
    assert callable(File.is_documentation_page), "mkdocs.structure.files.File.is_documentation_page is gone (reuse.ReusePlugin.on_files)"


def test_the_api_render_and_serve_call() -> None:
    assert _parameters(mkdocs_build.build)[0] == "config" and "dirty" in _parameters(mkdocs_build.build), f"mkdocs.commands.build.build{inspect.signature(mkdocs_build.build)} changed (engines/mkdocs/render.py)"
    assert "config_file" in _parameters(load_config), f"mkdocs.config.load_config{inspect.signature(load_config)} changed (engines/mkdocs/render.py, serve.py)"
    assert _parameters(LiveReloadServer.__init__)[:6] == ["self", "builder", "host", "port", "root", "mount_path"], f"mkdocs.livereload.LiveReloadServer{inspect.signature(LiveReloadServer.__init__)} changed (engines/mkdocs/serve.py)"
    for method in ("watch", "serve", "shutdown"):
        assert callable(getattr(LiveReloadServer, method, None)), f"mkdocs.livereload.LiveReloadServer.{method} is gone (engines/mkdocs/serve.py)"
    assert "self.error_handler" in _source(LiveReloadServer.__init__), "mkdocs.livereload.LiveReloadServer.error_handler is gone (serve.py serves 404.html through it)"
    assert "self.builder()" in _source(LiveReloadServer._build_loop), "mkdocs.livereload.LiveReloadServer no longer calls its builder after a change (serve.py rebuilds through it)"


# ---------------------------------------------------------------------------
# What the staged project asks of MkDocs, Material and pymdown-extensions
# ---------------------------------------------------------------------------


def test_the_toc_slugify_function_exists_with_its_options() -> None:
    from importlib import import_module

    call = MATERIAL_PROJECT.extension_options["toc"]["slugify"]
    module, _, name = call.function.rpartition(".")
    slugify = getattr(import_module(module), name)(**call.kwds)
    assert slugify("基本信息 Info", "-") == "基本信息-info", f"{call.function}(**{dict(call.kwds)}) no longer gives Unicode heading anchors"


def test_material_search_skips_pages_excluded_in_their_front_matter() -> None:
    """Every staged page says ``search: {exclude: true}`` (Pagefind is the index); Material's own index must honour it."""
    from material.plugins.search.plugin import SearchIndex

    assert MATERIAL_PROJECT.page_front_matter == {"search": {"exclude": True}}
    source = _source(SearchIndex.add_entry_from_context)
    assert 'page.meta.get("search")' in source and 'search.get("exclude")' in source, "material.plugins.search.plugin.SearchIndex.add_entry_from_context no longer reads page.meta['search']['exclude']: Material would index every page again"


def test_a_staged_project_loads(tmp_path: Path) -> None:
    """The slugify tag as stage.py writes it loads in MkDocs' own YAML loader."""
    from generator.stage import dump_mkdocs_yml

    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(dump_mkdocs_yml({"site_name": "t", "markdown_extensions": [{"toc": dict(MATERIAL_PROJECT.extension_options["toc"])}]}), encoding="utf-8")
    config = load_config(config_file=str(config_file))
    slugify = config.mdx_configs["toc"]["slugify"]
    assert callable(slugify) and slugify("党员大会", "-") == "党员大会", "MkDocs' YAML loader no longer makes the !!python/object/apply: slugify tag a function"


# ---------------------------------------------------------------------------
# Material: the __config JSON main.html rewrites
# ---------------------------------------------------------------------------


def _base_html() -> str:
    return (MATERIAL / "base.html").read_text(encoding="utf-8")


def _bundle() -> Path:
    found = re.search(r"assets/javascripts/(bundle\.[0-9a-f]+\.min\.js)", _base_html())
    assert found, "Material's base.html no longer loads assets/javascripts/bundle.<hash>.min.js"
    return MATERIAL / "assets" / "javascripts" / found.group(1)


def test_material_base_html_has_the_config_block_main_html_overrides() -> None:
    base = _base_html()
    block = base.find("{% block config %}")
    assert block >= 0, "Material's base.html has no {% block config %}: main.html overrides it to point the search box at the Pagefind worker"
    script = base.find('<script id="__config" type="application/json">', block)
    end = base.find("{% endblock %}", block)
    assert block < script < end, 'Material\'s private __config JSON (<script id="__config" type="application/json">) is no longer inside {% block config %} of base.html'
    config = base[script:end]
    assert '"base": base_url' in config, "Material's __config no longer has \"base\": main.html builds the worker's address from config.base"
    assert re.search(r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js" \| url', config), "Material's __config no longer has \"search\" (the search worker's address) that main.html replaces"
    assert end < base.find("{% block scripts %}"), "Material's base.html loads its bundle before {% block config %}: the bundle would read __config before main.html rewrites it"


def test_main_html_rewrites_what_material_has() -> None:
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    assert '{% block config %}\n  {{ super() }}' in main, "themes/overrides/main.html must extend Material's config block with {{ super() }}"
    assert 'document.getElementById("__config")' in main and "config.search = config.base + " in main, "themes/overrides/main.html no longer rewrites __config.search"
    assert (OVERRIDES / "assets" / "javascripts" / "openbranch-search-worker.js").is_file()


def test_material_bundle_reads_config_once_from_the_script_element() -> None:
    bundle = _bundle().read_text(encoding="utf-8")
    assert 'j("#__config")' in bundle or '"#__config"' in bundle, "Material's bundle no longer reads its configuration from #__config (the JSON main.html rewrites)"
    assert re.search(r"JSON\.parse\(\w+\.textContent\)", bundle), "Material's bundle no longer parses #__config's text as JSON"


# ---------------------------------------------------------------------------
# Material: the search worker protocol openbranch-search-worker.js speaks
# ---------------------------------------------------------------------------


def _bundle_sources() -> dict[str, str]:
    """The TypeScript sources of the installed bundle, from its source map (shipped beside it)."""
    bundle = _bundle()
    assert bundle.read_text(encoding="utf-8").rstrip().endswith(f"//# sourceMappingURL={bundle.name}.map"), f"{bundle.name} no longer points to its source map"
    mapping = json.loads((bundle.parent / f"{bundle.name}.map").read_text(encoding="utf-8"))
    return dict(zip(mapping["sources"], mapping["sourcesContent"]))


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    return _bundle_sources()


def _one(sources: dict[str, str], path: str) -> str:
    found = [text for name, text in sources.items() if name.endswith(path)]
    assert len(found) == 1, f"Material's bundle no longer has {path} (the search worker protocol lives there)"
    return found[0]


def test_the_worker_is_started_from_config_search(sources: dict[str, str]) -> None:
    mount = _one(sources, "components/search/_/index.ts")
    assert "setupSearchWorker(config.search, index$)" in mount, "Material no longer starts its search worker from __config.search (components/search/_/index.ts mountSearch)"
    setup = _one(sources, "integrations/search/worker/_/index.ts")
    assert "watchWorker<SearchMessage>(url)" in setup and "type: SearchMessageType.SETUP" in setup, "Material's setupSearchWorker no longer starts the worker at the URL and sends it SETUP"


def test_the_message_types_are_the_ones_the_worker_numbers(sources: dict[str, str]) -> None:
    message = _one(sources, "integrations/search/worker/message/index.ts")
    enum = re.search(r"export const enum SearchMessageType \{(.*?)\}", message, re.S)
    assert enum, "Material's SearchMessageType enum is gone (integrations/search/worker/message/index.ts)"
    theirs = re.findall(r"^\s*([A-Z]+),?\s", enum.group(1), re.M)
    worker = (OVERRIDES / "assets" / "javascripts" / "openbranch-search-worker.js").read_text(encoding="utf-8")
    numbered = re.search(r"var SETUP = (\d), READY = (\d), QUERY = (\d), RESULT = (\d);", worker)
    assert numbered, "openbranch-search-worker.js no longer numbers SETUP, READY, QUERY, RESULT"
    ours = sorted(zip(map(int, numbered.groups()), ("SETUP", "READY", "QUERY", "RESULT")))
    assert theirs == [name for _, name in ours], f"Material's SearchMessageType is now {theirs}; openbranch-search-worker.js numbers them {ours}"
    for shape in ("type: SearchMessageType.QUERY", "data: string", "type: SearchMessageType.RESULT", "data: SearchResult"):
        assert shape in message, f"Material's search worker messages changed: {shape!r} is gone from SearchMessage (integrations/search/worker/message/index.ts)"


def test_results_are_read_as_the_worker_writes_them(sources: dict[str, str]) -> None:
    result = _one(sources, "components/search/result/index.ts")
    assert "first(isSearchReadyMessage)" in result, "Material no longer waits for the worker's READY before showing results (the worker sends READY after SETUP)"
    assert "({ items })" in result, "Material no longer reads RESULT's data as { items } (the worker posts {items: SearchItem[][]})"
    render = _one(sources, "templates/search/index.tsx")
    for field in ("document.location", "document.title", "document.text", "document.score", "document.terms"):
        assert field in render, f"Material's search result rendering no longer reads SearchItem.{field.split('.')[1]} (templates/search/index.tsx), which the worker writes"
    assert 'l.includes("#")' in render or '.includes("#")' in render, "Material no longer takes an item without '#' in its location as the page of a result group (the worker puts the page first, sections after)"


# ---------------------------------------------------------------------------
# Material: what the search worker's full count, its late excerpts and
# main.html's search-on-input rely on (issue 16)
# ---------------------------------------------------------------------------


def _worker() -> str:
    """The branch site's search worker with the core it loads (importScripts), as the browser runs them."""
    scripts = OVERRIDES / "assets" / "javascripts"
    worker = (scripts / "openbranch-search-worker.js").read_text(encoding="utf-8")
    assert 'importScripts("openbranch-search-core.js")' in worker, "the search worker no longer loads openbranch-search-core.js"
    return (scripts / "openbranch-search-core.js").read_text(encoding="utf-8") + "\n" + worker


def test_the_count_is_the_number_of_items_and_only_the_first_ten_are_shown_at_once(sources: dict[str, str]) -> None:
    """The worker answers with every matching page (so Material counts them all) and loads the excerpts of the first EAGER only."""
    result = _one(sources, "components/search/result/index.ts")
    assert "switch (items.length)" in result and "round(items.length)" in result, "Material no longer counts the results as the number of items the worker posts"
    shown = re.search(r"of\(\.\.\.items\.slice\(0, (\d+)\)\)", result)
    assert shown, "Material no longer shows a first slice of the items at once (components/search/result mountSearchResult)"
    eager = re.search(r"var EAGER = (\d+);", _worker())
    assert eager and eager.group(1) == shown.group(1), f"Material shows the first {shown.group(1)} results at once; the worker loads excerpts for {eager and eager.group(1)}"
    assert "items.slice(" + shown.group(1) + ")" in result and "bufferCount(4)" in result and "zipWith(boundary$)" in result, "Material no longer shows the other items a few at a time as the list's end comes into view: placeholders would all be shown, and all asked for"
    assert "watchElementBoundary(el.parentElement!)" in result, "Material no longer watches the end of the result list to show more"


def test_strings_in_results_are_rendered_as_html(sources: dict[str, str]) -> None:
    """The worker's titles carry markup (the placeholder, the type and date line): Material must insert strings as HTML."""
    h = _one(sources, "utilities/h/index.ts")
    assert "el.innerHTML += child.toString()" in h, "Material's h() no longer inserts strings as HTML: the worker's titles would show their tags"


def test_the_result_markup_main_html_fills_in(sources: dict[str, str]) -> None:
    """main.html finds a placeholder's link, heading and article in the markup Material renders for a result."""
    render = _one(sources, "templates/search/index.tsx")
    for markup in ('class="md-search-result__link"', 'class="md-search-result__article md-typeset"', "<h1>{document.title}</h1>", '<li class="md-search-result__item">'):
        assert markup in render, f"Material's search result markup changed: {markup} is gone (templates/search/index.tsx); main.html's searchExcerpts fills in placeholders by it"
    assert 'url.searchParams.set("h"' in render, "Material no longer puts the query in ?h= of a result's link (main.html keeps it on the links it fills in)"
    partial = (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8")
    assert '<ol class="md-search-result__list"' in partial, "Material's search partial has no ol.md-search-result__list (main.html watches it for placeholders)"
    assert 'data-md-component="search-query"' in partial, "Material's search box is no longer input[data-md-component=search-query] (main.html listens to it)"
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    for used in (".md-search-result__list", 'input[data-md-component="search-query"]', 'closest("a")', 'closest("article")'):
        assert used in main, f"main.html no longer uses {used}: update this test with what it relies on"


def test_the_query_is_read_on_keyup(sources: dict[str, str]) -> None:
    """main.html sends a keyup of its own when a query arrives without a key (paste, input method): Material must read the box on keyup."""
    query = _one(sources, "components/search/query/index.ts")
    assert 'fromEvent(el, "keyup")' in query, "Material no longer reads the search box on keyup: main.html's searchOnEveryInput would need another event"
    assert "map(() => el.value)" in query and "distinctUntilChanged()" in query, "Material no longer reads el.value on those events, once per change"
    assert 'new KeyboardEvent("keyup"' in (OVERRIDES / "main.html").read_text(encoding="utf-8")


def test_base_html_has_the_blocks_and_the_description_main_html_and_the_pages_use() -> None:
    base = _base_html()
    for block in ("{% block htmltitle %}", "{% block extrahead %}", "{% block site_meta %}"):
        assert block in base, f"Material's base.html has no {block} (main.html overrides it)"
    assert "page.meta.description" in base, "Material no longer writes a page's front-matter description into <meta name=\"description\"> (compile/pages.py gives every page one)"
    assert "<title>{{ page.meta.title }} - {{ config.site_name }}</title>" in base, "Material's htmltitle no longer writes \"title - site name\" for a page with a title: main.html's override for the home page (whose title is the site's name) may not be needed"
