"""The command line: parses arguments and calls the engine; nothing else lives here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lint import __version__
from lint.model import SEVERITY_RANK

FORMATS = ("text", "json", "github", "sarif")


class UserError(click.ClickException):
    """A mistake the user can fix: one line on stderr, exit code 2, no traceback."""

    exit_code = 2

    def show(self, file=None):
        click.echo(f"medlint: error: {self.format_message()}", err=True)


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _settings(config_path: str | None, paths):
    from lint.config import ConfigError, find_config, load_settings

    try:
        if config_path:
            cfg = Path(config_path)
            if not cfg.is_file():
                raise ConfigError(f"{config_path}: config file not found")
        else:
            start = next((Path(p) for p in paths if p != "-" and Path(p).exists()), Path.cwd())
            cfg = find_config(start)
        return load_settings(cfg)
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def _linter(settings):
    from lint.config import ConfigError
    from lint.engine import Linter, SetupError

    try:
        return Linter(settings)
    except (ConfigError, SetupError) as exc:
        where = f"{settings.source}: " if settings.source and isinstance(exc, ConfigError) else ""
        raise UserError(f"{where}{exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="medlint", message="%(prog)s %(version)s")
def main():
    """medlint: a content-quality linter for patient-facing medical web copy."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--select", multiple=True, help="Only these rules: codes, prefixes or categories (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add rules to the selection.")
@click.option("--ignore", multiple=True, help="Leave out these rules: codes, prefixes or categories.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding is at or above this severity (default: warning).")
@click.option("--config", "config_path", type=str, help="Use this config file instead of searching for one.")
@click.option("--stdin-filename", type=str, help="The name of the file read from '-' (chooses its format).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary and file errors.")
@click.option("--statistics", is_flag=True, help="Count the findings per rule.")
@click.option("--no-source", is_flag=True, help="Do not show the source line under each finding.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def check(paths, fmt, output, select, extend_select, ignore, fail_on, config_path, stdin_filename, quiet,
          statistics, no_source, color):
    """Lint pages (.txt, .md, .html); directories are searched. '-' reads standard input."""
    from lint.engine import discover
    from lint.model import FileResult
    from lint.reporters import Report, render

    paths = paths or (".",)
    settings = _settings(config_path, paths)
    if select:
        settings.select = _split(select)
    settings.extend_select += _split(extend_select)
    settings.ignore += _split(ignore)
    if fail_on:
        settings.fail_on = fail_on
    files, missing = discover(paths, settings)
    linter = _linter(settings)

    results: list[FileResult] = []
    for path in files:
        if path == "-":
            data = click.get_binary_stream("stdin").read()
            from lint.documents import DocumentError, decode

            try:
                source = decode(data)
            except DocumentError as exc:
                results.append(FileResult(path=stdin_filename or "-", error=str(exc)))
                continue
            result = linter.lint_source("-", source, stdin_filename)
            result.path = stdin_filename or "-"
            results.append(result)
        else:
            results.append(linter.lint_file(path))
    results.extend(missing)

    use_color = color == "always" or (color == "auto" and output is None and sys.stdout.isatty()
                                      and "NO_COLOR" not in os.environ)
    report = Report(results=results, rules={r.code: r for r in linter.rules}, version=__version__,
                    color=use_color, show_source=not no_source, statistics=statistics, quiet=quiet)
    text = render(fmt, report)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    else:
        click.echo(text, nl=False)
    for warning in linter.warnings:
        click.echo(f"medlint: warning: {warning}", err=True)
    if fmt != "text":
        for r in results:
            if r.error:
                click.echo(f"medlint: {r.path}: {r.error}", err=True)
    if any(r.error for r in results):
        sys.exit(2)
    threshold = SEVERITY_RANK[settings.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    sys.exit(1 if failing else 0)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
def rules_command(fmt, show_all):
    """List the rules: code, name, category and default severity."""
    import json

    from lint.registry import RuleError, builtin_rules_dir, load_rules

    try:
        rules = load_rules([builtin_rules_dir()])
    except RuleError as exc:
        raise UserError(str(exc)) from None
    if not show_all:
        rules = [r for r in rules if r.enabled]
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
                                "enabled": r.enabled, "fix": r.fix} for r in rules], indent=2))
        return
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        click.echo(f"{r.code}  {r.name:<{width}}  {r.category:<12} {r.severity}{'' if r.enabled else '  (off by default)'}")


@main.command()
@click.argument("code")
def explain(code):
    """Show a rule's documentation and examples."""
    from lint.registry import RuleError, builtin_rules_dir, load_rules

    try:
        rules = load_rules([builtin_rules_dir()])
    except RuleError as exc:
        raise UserError(str(exc)) from None
    rule = next((r for r in rules if r.code == code.upper() or r.name == code.lower()), None)
    if rule is None:
        raise UserError(f"unknown rule '{code}'; 'medlint rules' lists them")
    lines = [
        f"{rule.code} {rule.name}",
        "",
        f"Category: {rule.category}    Default severity: {rule.severity}    Kind: {rule.kind}"
        + ("    Fixable" if rule.fix else ""),
        "",
        "Why it matters:",
        f"  {rule.rationale}",
        "",
        "Flagged:",
        *[f"  - {_one_line(e.text)}" for e in rule.fire],
        "",
        "Fine:",
        *[f"  - {_one_line(e.text)}" for e in rule.passes],
    ]
    if rule.url:
        lines += ["", f"More: {rule.url}"]
    click.echo("\n".join(lines))


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    main()
