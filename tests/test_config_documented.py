"""Every option of site_config.yml is documented, and unknown options are refused with a suggestion."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from generator.config import SiteConfig

from .helpers import BRANCH, make_site, run_cli


def _options(model: type[BaseModel], prefix: str = "") -> typing.Iterator[tuple[str, object]]:
    for name, field in model.model_fields.items():
        yield prefix + name, field
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _options(annotation, prefix + name + ".")


def test_every_option_has_a_description() -> None:
    options = dict(_options(SiteConfig))
    assert len(options) > 20
    missing = [name for name, field in options.items() if not field.description]  # type: ignore[attr-defined]
    assert not missing, missing


def test_readme_names_every_block_of_site_config() -> None:
    from .helpers import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for block in ("norms:", "publicity_working_days", "excellent_share_max", "quorum_more_than", "funding_per_member_per_year"):
        assert block in readme, block


def test_unknown_option_is_refused_with_a_suggestion(tmp_path) -> None:
    site = make_site(tmp_path, {"content/branch.yml": BRANCH}, config="language: zh\nnorm:\n  quorum_more_than: 1/2\n")
    code, out, err = run_cli(["check", "-c", site / "site_config.yml"], cwd=site)
    assert code == 1
    assert "site_config.yml:2:1: norm: 未知字段“norm”，是否应为“norms”？" in out + err
