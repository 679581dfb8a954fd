"""A site's own ``themes/`` overrides the built-in theme block by block.

The site extends the built-in files under the ``openbranch/`` prefix and
overrides one block each, calling ``{{ super() }}``: the built page must show
the site's addition and every built-in part around it.  A real build with the
real engine; nothing is mocked.
"""

from __future__ import annotations

from pathlib import Path

from .helpers import build_site, describe, write_site

MEETING = {
    "title": "3月支委会",
    "date": "2026-03-12",
    "kind": "支委会",
    "visibility": "公开",
    "attendees": ["王书记"],
    "agenda": ["研究发展党员工作"],
}

MAIN_HTML = """{% extends "openbranch/main.html" %}
{% block announce %}{{ super() }}<p class="site-own-announce">本支部自己的通知条</p>{% endblock %}
"""

HOME = """{% extends "openbranch/home.md.j2" %}
{% block subscribe %}
<p class="site-own-home">本支部自己的首页说明</p>

{{ super() }}
{% endblock %}
"""

MEETING_TEMPLATE = """{% extends "openbranch/record/meeting.md.j2" %}
{% block agenda %}
{{ super() }}
<p class="site-own-meeting">议程由支委会提出</p>
{% endblock %}
"""


def test_a_sites_own_blocks_extend_the_built_in_theme(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/meetings/2026/2026-03-12-branch-committee.yml": MEETING,
            "themes/overrides/main.html": MAIN_HTML,
            "themes/templates/home.md.j2": HOME,
            "themes/templates/record/meeting.md.j2": MEETING_TEMPLATE,
        },
    )
    proc = build_site(site, tmp_path / "out")
    assert proc.returncode == 0, describe(proc)

    for audience in ("public", "members"):
        home = (tmp_path / "out" / audience / "index.html").read_text(encoding="utf-8")
        # The site's additions ...
        assert 'class="site-own-announce"' in home
        assert 'class="site-own-home"' in home
        # ... and the built-in parts: the announce bar, the other home blocks, the block's own content.
        assert 'class="ob-announce ob-announce--' + audience in home
        assert 'class="ob-figures"' in home
        assert 'class="ob-feeds"' in home
        assert home.index('class="site-own-home"') < home.index('class="ob-feeds"')
        # Material's own page around it (the built-in main.html extends base.html).
        assert 'class="md-header' in home

        page = (tmp_path / "out" / audience / "meetings" / "2026" / "2026-03-12-branch-committee" / "index.html").read_text(encoding="utf-8")
        assert 'class="site-own-meeting"' in page
        assert 'class="ob-agenda"' in page and "研究发展党员工作" in page
        assert page.index('class="ob-agenda"') < page.index('class="site-own-meeting"')
        assert 'class="site-own-announce"' in page
        # Blocks the site did not override are the built-in ones.
        assert 'class="ob-figures"' in page  # attendance
