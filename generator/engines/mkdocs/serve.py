"""Serving a rendered site with MkDocs' live-reload server.

MkDocs' server (``mkdocs.livereload.LiveReloadServer``, what ``mkdocs
serve`` runs) serves the rendered site at ``site_dir``, injects its reload
script into the HTML it sends, watches the given paths and, after a burst
of changes, calls ``rebuild`` and then reloads open pages.  It never renders
anything itself: ``rebuild`` runs OpenBranch's pipeline, which swaps a new
site in at ``site_dir``.  Requests wait while a rebuild runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence
from urllib.parse import urlsplit

from .. import EngineError
from .render import quiet_mkdocs


def serve(project: Path, site_dir: Path, watched: Sequence[Path], rebuild: Callable[[], None], dev_addr: Optional[str] = None) -> None:
    """Serve ``site_dir`` (rendered from ``project``) on ``dev_addr`` or the project's, until interrupted."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import LiveReloadServer

    options = {"dev_addr": dev_addr} if dev_addr else {}
    with quiet_mkdocs() as collected:
        try:
            config = load_config(config_file=str(project / "mkdocs.yml"), **options)
        except MkDocsException as exc:
            raise EngineError("; ".join([*collected.messages, str(exc)])) from exc
    host, port = config.dev_addr
    # As mkdocs serve does: the site under the path of its site_url (/ when none).
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir), mount_path=urlsplit(config.site_url or "/").path)

    def error_page(code: int) -> Optional[bytes]:
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    for path in watched:
        server.watch(str(path))
    try:
        server.serve()
    except OSError as exc:  # the address is taken, or not ours to bind
        raise EngineError(f"{host}:{port}: {exc.strerror or exc}") from exc
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
