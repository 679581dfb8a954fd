"""The CI and web-server files ``openbranch init`` writes, checked by the tools that read them.

- ``.github/workflows/openbranch.yml``: actionlint, and GitHub's published
  workflow schema (check-jsonschema's ``vendor.github-workflows``, carried offline);
- ``.gitlab-ci.yml``: GitLab's published CI schema (``vendor.gitlab-ci``);
- ``deploy/nginx.conf``: a real nginx (Debian's ``nginx-light``, installed by
  ``scripts/test.sh``) serving two freshly built sites: the public one as is,
  the members' one behind basic authentication, Pagefind's hashed files cached
  for a year, text gzipped.

Running the CI files' steps on an initialised repository is in
``tests/test_wheel.py``, which has the installed wheel they install.
Cost: about 15 s (two builds of an empty site, one nginx).
"""

from __future__ import annotations

import base64
import contextlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from .helpers import run_cli
from .test_init import fill_placeholders

BIN = Path(sys.executable).parent
LANGUAGES = ("zh", "en")


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One initialised repository per language."""
    repos = {}
    for language in LANGUAGES:
        repo = tmp_path_factory.mktemp(f"ci-{language}") / "branch"
        code, out, err = run_cli(["init", repo, "--name", "第三党支部", "--language", language, "--today", "2026-12-01"])
        assert code == 0, out + err
        repos[language] = repo
    return repos


def _run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------------------
# Linters and published schemas
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_github_workflow_passes_actionlint(repositories: dict[str, Path], language: str) -> None:
    proc = _run(BIN / "actionlint", "-no-color", repositories[language] / ".github" / "workflows" / "openbranch.yml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_does_catch_a_broken_workflow(repositories: dict[str, Path], tmp_path: Path) -> None:
    text = (repositories["en"] / ".github" / "workflows" / "openbranch.yml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace("    needs: build\n", "    needs: biuld\n", 1), encoding="utf-8")
    proc = _run(BIN / "actionlint", "-no-color", broken)
    assert proc.returncode == 1
    assert "biuld" in proc.stdout


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("schema_name", "rel"),
    [("vendor.github-workflows", ".github/workflows/openbranch.yml"), ("vendor.gitlab-ci", ".gitlab-ci.yml")],
)
def test_ci_files_match_their_published_schemas(repositories: dict[str, Path], language: str, schema_name: str, rel: str) -> None:
    proc = _run(BIN / "check-jsonschema", "--builtin-schema", schema_name, repositories[language] / rel)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_gitlab_schema_does_catch_a_misspelt_keyword(repositories: dict[str, Path], tmp_path: Path) -> None:
    text = (repositories["en"] / ".gitlab-ci.yml").read_text(encoding="utf-8")
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(text.replace("  stage: build\n", "  stage: build\n  scirpt: [true]\n", 1), encoding="utf-8")
    proc = _run(BIN / "check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", broken)
    assert proc.returncode == 1, proc.stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_install_source_is_set_in_one_place_per_file_pinned_to_this_version(repositories: dict[str, Path], language: str) -> None:
    pinned = f"openbranch=={version('openbranch')}"
    github = yaml.safe_load((repositories[language] / ".github" / "workflows" / "openbranch.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((repositories[language] / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert github["env"]["OPENBRANCH_PACKAGE"] == pinned
    assert gitlab["variables"]["OPENBRANCH_PACKAGE"] == pinned
    for rel in (".github/workflows/openbranch.yml", ".gitlab-ci.yml"):
        text = (repositories[language] / rel).read_text(encoding="utf-8")
        installs = [line for line in text.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
        assert installs and all('"$OPENBRANCH_PACKAGE"' in line for line in installs), installs
        assert text.count(pinned) == 1, rel


# ---------------------------------------------------------------------------
# nginx
# ---------------------------------------------------------------------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def built(repositories: dict[str, Path]) -> Path:
    """The Chinese repository, its placeholders filled, built into site/."""
    repo = repositories["zh"]
    fill_placeholders(repo)
    code, out, err = run_cli(["build", "--today", "2026-12-01"], cwd=repo, timeout=300)
    assert code == 0, out + err
    return repo / "site"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _nginx(conf: str, folder: Path, port: int) -> Iterator[None]:
    """Run nginx in the foreground with ``conf`` inside a minimal main configuration."""
    (folder / "openbranch.conf").write_text(conf, encoding="utf-8")
    temp_paths = "".join(f"  {kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = (
        "user root;\nworker_processes 1;\ndaemon off;\n"
        f"pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        "events { worker_connections 64; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n"
        f"{temp_paths}  include {folder / 'openbranch.conf'};\n}}\n"
    )
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    assert Path(NGINX).is_file(), "nginx is missing: scripts/test.sh installs it (apt-get install nginx-light)"
    test = _run(NGINX, "-t", "-p", folder, "-c", folder / "nginx.conf")
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else "nginx exited"
            assert time.monotonic() < deadline, "nginx did not start listening"
            time.sleep(0.1)
        yield
    finally:
        server.terminate()
        server.wait(timeout=20)


def _get(port: int, host: str, path: str, auth: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host, "Accept-Encoding": "gzip"})
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def test_nginx_serves_the_public_site_and_the_members_site_behind_a_login(built: Path, repositories: dict[str, Path], tmp_path: Path) -> None:
    conf = (repositories["zh"] / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    port = _free_port()
    # Only what a host changes: where the files are, the port, the password file.
    assert conf.count("listen 80;") == 2
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("/srv/openbranch/public", str(built / "public")).replace("/srv/openbranch/members", str(built / "members"))
    assert "/etc/nginx/openbranch-members.htpasswd" in conf
    (tmp_path / "htpasswd").write_text("member:{PLAIN}secret\n", encoding="utf-8")
    conf = conf.replace("/etc/nginx/openbranch-members.htpasswd", str(tmp_path / "htpasswd"))
    public_host = re.search(r"server_name (\S+);", conf).group(1)
    members_host = re.findall(r"server_name (\S+);", conf)[1]

    fragment = next((built / "public" / "pagefind" / "fragment").iterdir()).name
    meta = next((built / "public" / "pagefind").glob("pagefind.*.pf_meta")).name
    bundle = next((built / "public" / "assets" / "javascripts").glob("bundle.*.min.js")).name

    with _nginx(conf, tmp_path, port):
        status, headers, body = _get(port, public_host, "/")
        assert status == 200
        assert headers.get("content-encoding") == "gzip"
        for path in (f"/pagefind/fragment/{fragment}", f"/pagefind/{meta}", f"/assets/javascripts/{bundle}"):
            status, headers, _ = _get(port, public_host, path)
            assert status == 200, path
            assert "immutable" in headers.get("cache-control", "") and "max-age=31536000" in headers["cache-control"], (path, headers)
        # The entry file names the current hashed files: never cached for long.
        status, headers, _ = _get(port, public_host, "/pagefind/pagefind-entry.json")
        assert status == 200 and "immutable" not in headers.get("cache-control", "")
        assert _get(port, public_host, "/no-such-page/")[0] == 404

        for path in ("/", f"/pagefind/fragment/{next((built / 'members' / 'pagefind' / 'fragment').iterdir()).name}"):
            assert _get(port, members_host, path)[0] == 401, path
        assert _get(port, members_host, "/", auth="member:wrong")[0] == 401
        status, headers, body = _get(port, members_host, "/", auth="member:secret")
        assert status == 200
        import gzip

        assert "本网站仅供本支部党员查阅" in gzip.decompress(body).decode("utf-8")
