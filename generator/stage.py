"""Writing one audience's project into the build folder, for an engine to render.

The staged project is a plain MkDocs project: Markdown pages with front
matter, data files, the theme overrides and a generated ``mkdocs.yml`` —
no hooks, no plugins of ours, nothing computed at render time.  What it
holds is engine-neutral except for what the engine asks for
(``engines.ProjectNeeds``: Material's search plugin, the ``toc`` slugify
function, the front matter of every page, which the compile step writes).
Only files whose bytes changed are rewritten (so a live-reload server sees
real changes only, and the engine's hard links into a live site stay
intact), and files no longer produced are removed.  What was written is
known from the stage's manifest (each file's hash and what it was copied
from), so an unchanged file is compared by its hash, not read back; a stage
without a manifest, or with a file changed since, is compared byte by byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any, NamedTuple, Optional, Union

import yaml

from .compile.output import Output
from .config import Site
from .engines import SITE_DIR, ProjectNeeds, PythonCall
from .i18n import Labels
from .theme import override_files


# Python-Markdown extensions of every staged project, with their options.
_MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {"tables": {}, "attr_list": {}, "admonition": {}, "toc": {"permalink": True}}


def markdown_extensions(needs: ProjectNeeds) -> list[Any]:
    """mkdocs.yml's ``markdown_extensions``: ours, with the options (or extensions) the engine adds."""
    merged = {name: dict(options) for name, options in _MARKDOWN_EXTENSIONS.items()}
    for name, options in needs.extension_options.items():
        merged.setdefault(name, {}).update(options)
    return [{name: options} if options else name for name, options in merged.items()]


# The theme's stylesheets every site carries (the portal adds its own).
EXTRA_CSS = ["stylesheets/openbranch.css", "stylesheets/openbranch-reports.css", "stylesheets/openbranch-a11y.css", "stylesheets/openbranch-opinions-elections.css"]


def mkdocs_config(site: Site, audience: str, compiled: Output, needs: ProjectNeeds) -> dict[str, Any]:
    """The generated mkdocs.yml, from site_config.yml plus its pass-through block and what the engine ``needs``."""
    config = site.config
    settings = getattr(config.audiences, audience)
    site_name = settings.title or config.site_name or "OpenBranch"
    generated = project_config(site_name, config.language, audience, compiled, needs, settings.url)
    for key, value in config.mkdocs.items():
        generated[key] = value
    return generated


def project_config(
    site_name: str,
    language: str,
    audience: str,
    compiled: Output,
    needs: ProjectNeeds,
    url: Optional[str],
    extra_css: Optional[list[str]] = None,
    audience_note: Optional[str] = None,
) -> dict[str, Any]:
    """The part of mkdocs.yml every OpenBranch project shares (a branch's sites, the committee portal): Material, our extensions and theme, the nav.

    ``audience_note`` is the line above every page that says who the site is for (a branch's own by default).
    """
    generated: dict[str, Any] = {
        "site_name": site_name,
        "docs_dir": "docs",
        "site_dir": SITE_DIR,
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": "overrides",
            "language": language,
            "font": False,
            "variant": "classic",
            "palette": {"scheme": "default", "primary": "red", "accent": "red"},
            "features": ["navigation.tabs", "navigation.top", "search.highlight", "toc.follow"],
        },
        "plugins": list(needs.plugins),
        "markdown_extensions": markdown_extensions(needs),
        "extra_css": EXTRA_CSS + list(extra_css or []),
        "extra": {
            "generator": False,
            "openbranch": {
                "audience": audience,
                "audience_label": audience_note or Labels(language)(f"audience_{audience}_note"),
            },
        },
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"unrecognized_links": "ignore"}},
        "nav": compiled.nav,
    }
    if url:
        generated["site_url"] = url
    return generated


class _ProjectDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, plus ``PythonCall`` values as ``!!python/object/apply:`` tags."""


def _represent_call(dumper: yaml.SafeDumper, call: PythonCall) -> yaml.Node:
    return dumper.represent_mapping(f"tag:yaml.org,2002:python/object/apply:{call.function}", {"kwds": dict(call.kwds)}, flow_style=True)


_ProjectDumper.add_representer(PythonCall, _represent_call)


def dump_mkdocs_yml(data: dict[str, Any], source: str = "site_config.yml") -> str:
    text = yaml.dump(data, Dumper=_ProjectDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"# Generated by OpenBranch from {source}; do not edit.\n" + text


def _write_new(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new file, not the old one overwritten: the engine may have hard-linked
    # the old one into a live site (static files are linked, not copied).
    tmp = path.with_name(path.name + ".openbranch-tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    _write_new(path, data)
    return True


# The stage's manifest: what write_stage last wrote, by path under the stage.
STAGE_MANIFEST = ".openbranch-stage.json"

# A file as it stands on disk: the manifest's entry is trusted only while this is unchanged.
_Identity = list[int]


def _identity(path: Path) -> Optional[_Identity]:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _read_manifest(stage: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((stage / STAGE_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def stage_root(site: Site, output: Optional[Path] = None) -> Path:
    """Where one build's (or serve's) staged projects live, one folder per audience.

    ``serve`` and each build output get their own folder, so a build never
    deletes the project a running ``serve`` renders (nor the preview it
    publishes into ``<root>/preview``, see pipeline.serve), and two builds of one
    site into different folders (CI jobs, tests) never write into each other.
    """
    if output is None:
        return site.stage_dir / "serve"
    key = hashlib.sha1(str(output.resolve()).encode("utf-8")).hexdigest()[:10]
    return site.stage_dir / f"build-{key}"


class Staged(NamedTuple):
    """What ``write_project`` left in a stage."""

    changed: int  # files written or removed
    # The digest of every file the project now holds, by its path under the
    # stage: what the engine compares with the last render instead of reading
    # every page again.
    digests: dict[str, str]


def write_stage(site: Site, stage: Path, audience: str, compiled: Output, needs: ProjectNeeds) -> Staged:
    """Write the project for ``audience`` into ``stage`` with what the engine ``needs``."""
    wanted: dict[str, Union[bytes, Path]] = {}
    for doc_path, payload in compiled.items():
        wanted[f"docs/{doc_path}"] = payload
    for name, source in override_files(site).items():
        wanted[f"overrides/{name}"] = source
    wanted["mkdocs.yml"] = dump_mkdocs_yml(mkdocs_config(site, audience, compiled, needs)).encode("utf-8")
    return write_project(stage, wanted)


def write_project(stage: Path, wanted: dict[str, Union[bytes, Path]]) -> Staged:
    """Make ``stage`` hold exactly ``wanted`` (paths relative to it) under ``docs/`` and ``overrides/`` (and its other files).

    Files elsewhere in ``stage`` (the engine's own state) are left alone.  A
    manifest of what was written (digest, the copied file's identity) lets an
    unchanged file be known without reading it back.
    """
    # The manifest is removed while the stage changes: a stage half written never has one.
    previous = _read_manifest(stage)
    (stage / STAGE_MANIFEST).unlink(missing_ok=True)
    written: dict[str, dict[str, Any]] = {}
    changed = 0
    for rel in sorted(wanted):
        payload, path, held = wanted[rel], stage / rel, previous.get(rel)
        if not isinstance(held, dict) or not isinstance(held.get("digest"), str):
            held = None  # a manifest of another version: compare the bytes
        if isinstance(payload, Path):
            # A file copied in (an attachment, a theme file): its bytes are read only when it changed.
            source = _identity(payload)
            if held is not None and held.get("source") == source and held.get("identity") == _identity(path):
                written[rel] = held
                continue
            data = payload.read_bytes()
        else:
            data, source = payload, None
        digest = _digest(data)
        if held is not None and held.get("digest") == digest and held.get("identity") == _identity(path):
            written[rel] = {**held, "source": source}
            continue
        changed += _write_if_changed(path, data)
        written[rel] = {"digest": digest, "source": source, "identity": _identity(path)}
    # Remove what this compile no longer produces (a record made private, a deleted tag).
    # Only in the folders we write: the engine keeps its own state beside them.
    if previous:
        for rel in sorted(set(previous) - set(wanted), reverse=True):
            path = stage / rel
            if path.is_file():
                path.unlink()
                changed += 1
            _remove_empty_parents(path.parent, stage)
    else:
        for owned in (stage / "docs", stage / "overrides"):
            if owned.is_dir():
                for existing in sorted(owned.rglob("*"), reverse=True):
                    rel = existing.relative_to(stage).as_posix()
                    if existing.is_file() and rel not in wanted:
                        existing.unlink()
                        changed += 1
                    elif existing.is_dir() and not any(existing.iterdir()):
                        existing.rmdir()
    tmp = stage / (STAGE_MANIFEST + ".tmp")
    tmp.write_text(json.dumps(written, sort_keys=True), encoding="utf-8")
    os.replace(tmp, stage / STAGE_MANIFEST)
    return Staged(changed, {rel: entry["digest"] for rel, entry in written.items()})


def _remove_empty_parents(folder: Path, stage: Path) -> None:
    """Remove ``folder`` and its parents up to (not including) ``stage``'s own folders while they are empty."""
    while folder != stage and folder.parent != stage and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def remove_stage(site: Site, root: Path) -> None:
    """Remove one build's staged projects, and the build folder if nothing else is in it."""
    shutil.rmtree(root, ignore_errors=True)
    try:
        site.stage_dir.rmdir()
    except OSError:
        pass  # serve's stage or another build's is still there
