"""The ``openbranch`` command: argument parsing and printing only."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import click

from . import engines, pipeline, scaffold, search, vocabulary
from .audience import AUDIENCES
from .clock import Clock
from .config import CONFIG_FILE, Site, load_site
from .errors import OpenBranchError, RecordError, format_errors
from .i18n import Messages
from .progress import Progress
from .records import forms
from .scaffold import branch as branch_scaffold

_config_option = click.option(
    "-c",
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=CONFIG_FILE,
    show_default=True,
    help="site_config.yml of the site",
)


def _today_option(f):
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="The date taken as today (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH or the clock",
    )(f)


def _clock(today: Optional[dt.datetime]) -> Clock:
    return Clock.read(today.date() if today else None)


def _emit_problems(problems: list[RecordError], fmt: str, messages: Messages, stream=None) -> None:
    if problems:
        click.echo(format_errors(problems, fmt, messages("warning_word")), file=stream)


# Formats read by a program (a CI report): always printed whole, on stdout, even when empty.
_REPORT_FORMATS = ("json", "gitlab")


def _open_site(config_file: Path, fmt: str) -> Site:
    site, problems = load_site(config_file)
    if site is None:
        if fmt in _REPORT_FORMATS:
            click.echo(format_errors(problems, fmt))
        else:
            _emit_problems(problems, fmt, Messages("zh"), sys.stderr)
        if fmt == "text":
            click.echo(Messages("zh")("problems_found", errors=len(problems), warnings=0), err=True)
        sys.exit(1)
    return site


def _version_message() -> str:
    from importlib.metadata import version

    parts = [f"openbranch {version('openbranch')}"]
    parts += [f"{name} {number}" for name, number in {**engines.versions(), **search.versions()}.items()]
    return parts[0] + " (" + ", ".join(parts[1:]) + ")" if len(parts) > 1 else parts[0]


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_message())
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version, help="Show the version of OpenBranch and of its engines, then exit")
def main() -> None:
    """OpenBranch: party-affairs disclosure sites (党务公开) from YAML records."""


@main.command()
@_config_option
@click.option("--format", "fmt", type=click.Choice(["text", "github", "gitlab", "json"]), default="text", show_default=True, help="How problems are printed: text, GitHub annotations, a GitLab Code Quality report, JSON")
@click.option("--strict", is_flag=True, help="Fail on warnings too (for CI)")
@click.option("--previous", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None, help="The last build's data/records.json: warn when a published id disappears")
@_today_option
def check(config_file: Path, fmt: str, strict: bool, previous: Optional[Path], today: Optional[dt.datetime]) -> None:
    """Validate every record; report every problem with file, line and field."""
    site = _open_site(config_file, fmt)
    messages = site.messages
    records, collector = pipeline.check(site, _clock(today).today, previous)
    problems = collector.sorted()
    if fmt in _REPORT_FORMATS:
        click.echo(format_errors(problems, fmt))
    else:
        _emit_problems(problems, fmt, messages)
    failed = collector.failed(strict)
    if fmt == "text":
        if problems:
            click.echo(messages("problems_found", errors=len(collector.errors), warnings=len(collector.warnings)))
        if not failed:
            counts = records.counts()
            click.echo(messages("check_ok", total=sum(counts.values())))
            for record_type, count in counts.items():
                click.echo(messages("check_counts_line", label=messages.type_name(record_type), count=count))
    sys.exit(1 if failed else 0)


@main.command("schema")
@click.option("-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"), show_default=True, help="Folder for the JSON Schemas")
@_config_option
def schema_command(output: Path, config_file: Path) -> None:
    """Write one JSON Schema per record type (meeting.schema.json, …) and site_config.schema.json, in the site's language."""
    language = "zh"
    if config_file.is_file():
        site, _ = load_site(config_file)
        language = site.config.language if site else "zh"
    output.mkdir(parents=True, exist_ok=True)
    files = scaffold.schema_files(".", language)
    for name, text in files.items():
        (output / name).write_text(text, encoding="utf-8")
    click.echo(Messages(language)("schema_written", count=len(files), path=output.as_posix()))


@main.command()
@click.argument("record_type", type=click.Choice(forms.record_types()))
@click.option("--kind", default=None, help="The record's kind (English or Chinese word)")
@click.option("--title", default=None, help="The record's title")
@_config_option
@_today_option
def new(record_type: str, kind: Optional[str], title: Optional[str], config_file: Path, today: Optional[dt.datetime]) -> None:
    """Write a pre-filled record at the right path and print that path."""
    site = _open_site(config_file, "text")
    messages = site.messages
    has_kinds = record_type in vocabulary.KIND_ENUMERATION
    if not has_kinds and kind is not None:
        raise click.UsageError(messages("new_no_kind"))
    normalized = forms.normalize_kind(record_type, kind)
    if has_kinds and normalized is None:
        allowed = vocabulary.allowed_list(vocabulary.KIND_ENUMERATION[record_type], messages.language)
        raise click.UsageError(messages("bad_choice", value=kind, allowed=messages.join(allowed)))
    date = _clock(today).today
    title = title or messages("new_title", type=messages.type_name(record_type))
    path = forms.new_record_path(site.content_dir, record_type, normalized, date)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = forms.render_form(record_type, normalized, title, date, messages.language)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    click.echo(site.relative(path))


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), default=Path("."), required=False)
@click.option("--name", required=True, help="The branch's name, e.g. 第三党支部")
@click.option("--parent", default=None, help="The higher-level party organisation (a placeholder to fill in when left out)")
@click.option("--language", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="The language of the sites, the comments and the README")
@click.option("--force", is_flag=True, help="Write into a folder that is not empty, overwriting files of the same name")
@_today_option
def init(folder: Path, name: str, parent: Optional[str], language: str, force: bool, today: Optional[dt.datetime]) -> None:
    """Write a new branch repository in FOLDER (default: here): settings, branch.yml, draft examples, schemas, CI and nginx files."""
    messages = Messages(language)
    if not name.strip():
        raise click.UsageError("--name: " + messages("empty_text"))
    answers = branch_scaffold.BranchAnswers(name.strip(), parent.strip() if parent and parent.strip() else None, language, _clock(today).today)
    try:
        written = scaffold.write_files(folder, branch_scaffold.files(answers), force)
    except scaffold.FolderNotEmpty:
        click.echo(messages("init_not_empty", path=folder.as_posix()), err=True)
        sys.exit(1)
    except scaffold.NotAFolder:
        click.echo(messages("init_not_folder", path=folder.as_posix()), err=True)
        sys.exit(1)
    click.echo(messages("init_written", path=folder.as_posix(), count=len(written.files)))
    if written.overwritten:
        click.echo(messages("init_overwritten", count=len(written.overwritten)))
        for rel in written.overwritten:
            click.echo(f"  {rel}")
    click.echo(messages("init_next_steps"))


@main.command()
@_config_option
@click.option("-d", "--dest", "output", type=click.Path(file_okay=False, path_type=Path), default=None, help="Output folder (default: site/ beside the config)")
@click.option("--audience", type=click.Choice(["public", "members", "all"]), default="all", show_default=True)
@click.option("--clean", is_flag=True, help="Ignore what earlier builds kept in the stage folder and render every page")
@click.option("--strict", is_flag=True, help="Fail on warnings too")
@click.option("--engine", "engine_name", default=engines.DEFAULT_ENGINE, show_default=True, metavar="|".join(engines.names()), help="The renderer: MkDocs + Material, or Zensical")
@_today_option
def build(config_file: Path, output: Optional[Path], audience: str, clean: bool, strict: bool, engine_name: str, today: Optional[dt.datetime]) -> None:
    """Build the public and the members' site from the records."""
    site = _open_site(config_file, "text")
    messages = site.messages
    if engine_name not in engines.names():
        raise click.UsageError("--engine: " + messages("bad_choice", value=engine_name, allowed=messages.join(engines.names())))
    engine = engines.get(engine_name)
    if not engine.installed():
        click.echo(messages("engine_missing", engine=engine_name, name=engine.title), err=True)
        sys.exit(1)
    audiences = AUDIENCES if audience == "all" else (audience,)
    try:
        report = pipeline.build(site, output, audiences, _clock(today), clean, strict, Progress(sys.stderr), engine_name)
    except OpenBranchError as exc:
        _emit_problems(exc.errors, "text", messages, sys.stderr)
        errors = [e for e in exc.errors if e.severity == "error"]
        click.echo(messages("problems_found", errors=len(errors), warnings=len(exc.errors) - len(errors)), err=True)
        click.echo(messages("build_failed"), err=True)
        sys.exit(1)
    _print_summary(report, messages)
    click.echo(messages("build_done", path=site.relative(report.output), seconds=report.seconds))
    click.echo(messages("build_timings", timings=_timings_text(report.timings, messages)))


def _print_summary(report: pipeline.BuildReport, messages: Messages) -> None:
    """Per audience: records and pages, pages reused, the engine's warnings."""
    title = engines.get(report.engine).title
    for part in report.audiences:
        label = messages("audience_label_" + part.audience)
        counts = messages.join([f"{messages.type_name(t)} {n}" for t, n in part.counts.items()])
        click.echo(messages("build_summary", audience=label, records=sum(part.counts.values()), pages=part.pages, counts=counts))
        if part.reused:
            click.echo(messages("build_reuse", audience=label, rendered=part.rendered, reused=part.reused))
        for warning in part.warnings:
            click.echo(f"  {title}: {warning}", err=True)


def _timings_text(timings: dict[str, float], messages: Messages) -> str:
    parts = []
    for name, seconds in timings.items():
        stage_name, _, audience = name.partition(" ")
        label = messages("timing_" + stage_name, audience=messages("audience_label_" + audience) if audience else "")
        parts.append(messages("timing_seconds", label=label, seconds=seconds))
    return " · ".join(parts)


@main.command()
@_config_option
@click.option("--audience", type=click.Choice(["public", "members"]), default="members", show_default=True)
@click.option("--drafts", is_flag=True, help="Show draft records too")
@click.option("-a", "--dev-addr", default=None, help="IP:PORT to serve on (default 127.0.0.1:8000)")
@_today_option
def serve(config_file: Path, audience: str, drafts: bool, dev_addr: Optional[str], today: Optional[dt.datetime]) -> None:
    """Preview one audience's site with live reload while records change."""
    site = _open_site(config_file, "text")
    messages = site.messages

    def show(problems: list[RecordError]) -> None:
        _emit_problems(problems, "text", messages, sys.stderr)

    def built(report: pipeline.BuildReport) -> None:
        _print_summary(report, messages)
        sys.stdout.flush()

    try:
        pipeline.serve(site, audience, _clock(today), drafts, dev_addr, show, built)
    except OpenBranchError as exc:
        show(exc.errors)
        click.echo(messages("build_failed"), err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
