"""The command line: parses arguments and calls the engine; nothing else lives here."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from lint import __version__
from lint.model import SEVERITY_RANK

FORMATS = ("text", "json", "github", "sarif", "gitlab", "html")


class UserError(click.ClickException):
    """A mistake the user can fix: one line on stderr, exit code 2, no traceback."""

    exit_code = 2

    def show(self, file=None):
        _say_on_stderr(f"medlint: error: {self.format_message()}")


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _settings(config_path: str | None, paths, stdin_filename: str | None = None):
    from lint.config import ConfigError, find_config, load_settings

    if config_path is not None and not config_path.strip():
        raise UserError("--config: empty path")
    try:
        if config_path:
            cfg = Path(config_path)
            if not cfg.is_file():
                reason = "is not a regular file" if cfg.exists() else "config file not found"
                raise ConfigError(f"{config_path}: {reason}")
        else:
            # the config nearest the first file named; for a page read from standard input, the one nearest the file
            # its --stdin-filename names (an editor's buffer of site/pages/x.md takes site/'s config, as ruff does)
            start = next((Path(p) for p in paths if p != "-" and Path(p).exists()), None)
            if start is None:
                start = Path(stdin_filename) if stdin_filename and "-" in paths else Path.cwd()
            cfg = find_config(start)
        return load_settings(cfg)
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def _setup_error(settings, exc, options: dict[str, list[str]] | None = None) -> UserError:
    """A set-up error, named after where the mistake is: a command-line option (``options``: each option's
    values), else the config file."""
    from lint.config import ConfigError

    selector = getattr(exc, "selector", None)
    for option, values in (options or {}).items():
        if selector is not None and selector in values:
            return UserError(f"{option}: {exc}")
    where = f"{settings.source}: " if settings.source and isinstance(exc, ConfigError) else ""
    return UserError(f"{where}{exc}")


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
@click.option("--fix", is_flag=True,
              help="Apply safe fixes in place; report what remains. With '-', print the fixed page on standard "
                   "output and the report on standard error (or --output).")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff instead of writing them.")
@click.option("--baseline", "baseline_file", type=str, metavar="FILE",
              help="Report only findings that are not in this baseline.")
@click.option("--write-baseline", "write_baseline_file", type=str, metavar="FILE",
              help="Record today's findings in FILE (for --baseline) and exit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Lint in N processes, at most one a core (default: the number of cores; 1 lints in this process).")
@click.option("--cache-dir", type=str, metavar="DIR", help="The result cache's folder (default: .medlint_cache).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--force-exclude", is_flag=True,
              help="Apply 'exclude' to files named on the command line too (as pre-commit names them).")
def check(**options):
    """Lint pages (.txt, .md, .html); directories are searched. '-' reads standard input."""
    try:
        _check(**options)
    except KeyboardInterrupt:
        # 130 (128 + SIGINT), as shells and most command-line tools report Ctrl-C: not 1, which says "findings".
        # The workers took the same Ctrl-C (one process group), and a file being fixed is whole: it is replaced in one
        # rename, or written in place with Ctrl-C held off
        _say_on_stderr("medlint: interrupted")
        sys.exit(130)


def _check(paths, fmt, output, select, extend_select, ignore, fail_on, config_path, stdin_filename, quiet,
           statistics, no_source, color, fix, diff, baseline_file, write_baseline_file, jobs, cache_dir, no_cache,
           force_exclude):
    from lint.baseline import Baseline, BaselineError, write_baseline
    from lint.cache import default_cache_dir
    from lint.config import ConfigError
    from lint.engine import SetupError, discover
    from lint.fixes import unified_diff
    from lint.reporters import Report, display_path, render
    from lint.runner import Progress, default_jobs, progress_wanted, run

    # an empty argument is a mistake (an unset shell variable), not "here" or "standard output"
    if "" in paths:
        raise UserError("empty path: give a file or folder ('.' for this folder)")
    for option, value in (("--output", output), ("--write-baseline", write_baseline_file), ("--baseline", baseline_file),
                          ("--cache-dir", cache_dir), ("--stdin-filename", stdin_filename)):  # (--config: _settings)
        if value is not None and not value.strip():
            raise UserError(f"{option}: empty path")
    if stdin_filename and not paths:
        paths = ("-",)  # the page comes on standard input, as with ruff and ESLint
    elif stdin_filename and "-" not in paths:
        raise UserError("--stdin-filename names the page read from standard input; add '-' to the paths")
    paths = paths or (".",)
    if paths.count("-") > 1:
        raise UserError("'-' (standard input) is given more than once; it can be read only once")
    if "-" in paths and sys.stdin is None:
        raise UserError("standard input is closed: there is no page to read for '-'")
    # --fix on a page read from standard input (an editor's "fix this buffer"): standard output carries the page
    # and nothing else, fixed where a fix applied and as it came otherwise, so that "... - < page.md > fixed.md"
    # never loses it; the report moves to standard error (or to --output), as ruff does
    stdin_fix = fix and not diff and "-" in paths
    if baseline_file and write_baseline_file:
        raise UserError("use --baseline or --write-baseline, not both")
    if diff and write_baseline_file:
        raise UserError("--write-baseline records the findings in the files as they are; it does not go with --diff")
    settings = _settings(config_path, paths, stdin_filename)
    if select:
        settings.select = _split(select)
        if not settings.select:
            raise UserError("--select names no rule (give codes, prefixes or categories, comma-separated)")
        # the rules asked for are the ones run, as with ruff: the config's extend-select and ignore were made for its
        # own selection ("--select SEO001" under a config that ignores SEO001 and adds RDB ran the RDB rules only)
        settings.extend_select = []
        settings.ignore = []
    settings.extend_select += _split(extend_select)
    settings.ignore += _split(ignore)
    if fail_on:
        settings.fail_on = fail_on
    notes: list[str] = []
    warnings: list[str] = []
    baseline = None
    if baseline_file:
        try:
            baseline = Baseline.load(baseline_file)
        except BaselineError as exc:
            raise UserError(str(exc)) from None
    files, missing = discover(paths, settings, force_exclude=force_exclude, stdin_filename=stdin_filename)
    for option, target in (("--output", output), ("--write-baseline", write_baseline_file)):
        page = _linted_file(target, files) if target else None
        if page is not None and _linted_file(target, [p for p in paths if p != "-" and not os.path.isdir(p)]) is None:
            # found by walking a folder: the report an earlier run wrote there ("-o report.html" in the linted
            # folder), not a page the user named, so it is left out rather than failing the next run
            files = [f for f in files if f != page]
            page = None
        if page is not None:
            raise UserError(f"{option} {target} is {page}, one of the pages being linted; writing it there would "
                            "replace the page")
    if not files and not missing and not force_exclude:
        from lint.documents import SUPPORTED_EXTENSIONS

        # (pages there, all left out by the configuration's 'exclude', are not "no pages": say which it is)
        unexcluded = replace(settings, exclude=[]) if settings.exclude else None
        if unexcluded is not None and discover(paths, unexcluded)[0]:
            warnings.append(f"every page in {', '.join(paths)} is left out by 'exclude' in {settings.source or 'the configuration'}")
        else:
            warnings.append(f"no pages ({', '.join(SUPPORTED_EXTENSIONS)}) found in {', '.join(paths)}")
    if statistics and fmt != "text" and not diff:
        warnings.append(f"--statistics adds counts to the text report; the {fmt} report has every finding")
    if diff and fmt != "text":
        warnings.append(f"--diff prints the fixes as a unified diff; --format {fmt} is not used")
    cache_folder = None if no_cache else (Path(cache_dir) if cache_dir else default_cache_dir(settings))

    show_progress = progress_wanted("diff" if diff else fmt)
    try:
        outcome = run(
            files, settings, version=__version__, jobs=jobs or default_jobs(), cache_dir=cache_folder,
            fix=fix or diff, write=fix and not diff, stdin_filename=stdin_filename,
            read_stdin=lambda: _binary_stream("stdin").read(),
            progress_factory=Progress if show_progress else None, on_warning=warnings.append,
        )
    except (ConfigError, SetupError) as exc:
        options = {"--select": _split(select), "--extend-select": _split(extend_select), "--ignore": _split(ignore)}
        raise _setup_error(settings, exc, options) from None
    results = [*outcome.results, *missing]
    warnings += outcome.warnings
    if stdin_fix:
        # first, before anything can stop the run: whatever the findings, the caller gets its page back (as it came
        # when --force-exclude left it out: standard input was not read for the run)
        page = outcome.stdin_page if "-" in files else _binary_stream("stdin").read()
        _emit_page(page or b"")

    def finish(code: int):
        # (a note would break a machine-readable report that shares standard error with it)
        for note in notes if not (stdin_fix and output is None and fmt != "text") else ():
            click.echo(f"medlint: {note}", err=True)
        for warning in warnings:
            click.echo(f"medlint: warning: {warning}", err=True)
        # on stderr in every format (the report on stdout stays the findings alone), one line each
        for r in results:
            if r.error:
                click.echo(f"medlint: {display_path(r.path)}: error: {r.error}", err=True)
        sys.exit(2 if any(r.error for r in results) else code)

    if write_baseline_file:
        try:
            count = write_baseline(write_baseline_file, results, __version__)
        except BaselineError as exc:
            raise UserError(str(exc)) from None
        notes.append(f"recorded {count} finding{'s' if count != 1 else ''} in {write_baseline_file}")
        finish(0)

    if diff:
        _emit("".join(unified_diff(c.path, c.before, c.after, c.bom) for c in outcome.changes), output)
        finish(1 if outcome.changes else 0)

    if baseline is not None:
        known = sum(len(r.findings) for r in results)
        results = [baseline.new_findings(r) for r in results]
        known -= sum(len(r.findings) for r in results)
        if known and not quiet:
            notes.append(f"{known} finding{'s' if known != 1 else ''} in the baseline {baseline_file} left out")
    if fix and outcome.fixes:
        files_fixed = len(outcome.changes)
        notes.append(f"fixed {outcome.fixes} problem{'s' if outcome.fixes != 1 else ''} in {files_fixed} "
                     f"file{'s' if files_fixed != 1 else ''}")

    report_stream = sys.stderr if stdin_fix else sys.stdout
    use_color = color == "always" or (color == "auto" and output is None and _is_terminal(report_stream)
                                      and "NO_COLOR" not in os.environ)
    report = Report(results=results, rules={r.code: r for r in outcome.rules}, version=__version__,
                    color=use_color, show_source=not no_source, statistics=statistics, quiet=quiet)
    _emit(render(fmt, report), output, color=use_color, err=stdin_fix)
    threshold = SEVERITY_RANK[settings.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    finish(1 if failing else 0)


def _emit(text: str, output: str | None, color: bool = False, err: bool = False) -> None:
    """The report: to the --output file, else to standard output (standard error when ``err``: standard output
    carries a fixed page)."""
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    else:
        # colour is decided by --color (and the terminal, for "auto"): click would strip it from a pipe, which
        # "--color always | less -R" asks for
        if not text:  # (a quiet, clean run writes nothing, even where standard output is closed)
            return
        _write_standard("stderr" if err else "stdout", lambda: click.echo(text, nl=False, color=color or None, err=err))


def _write_standard(name: str, write) -> None:
    """Call ``write`` to write to standard output or error (``name``), and flush it: a full disk or a closed stream
    is one error line, exit 2, while it can still be said. A reader that went away (``| head -1``) is not an error:
    the rest goes nowhere, quietly."""
    stream = getattr(sys, name)
    label = "standard output" if name == "stdout" else "standard error"
    if stream is None:
        raise UserError(f"{label} is closed: nowhere to write the report")
    try:
        write()
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
    except (OSError, ValueError) as exc:  # (ValueError: a stream closed under Python's feet)
        raise UserError(f"cannot write to {label}: {getattr(exc, 'strerror', None) or exc}") from None


def _silence(stream) -> None:
    """Point a stream whose reader is gone at /dev/null, so that the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def _say_on_stderr(line: str) -> None:
    """One line on standard error, if there is one to write to."""
    try:
        if sys.stderr is not None:
            click.echo(line, err=True)
    except (OSError, ValueError):
        pass


def _linted_file(target: str, files: list[str]) -> str | None:
    """The page among ``files`` that ``target`` (an --output or --write-baseline file) is, however it is named
    (another spelling, a link to it, a hard link): the report would replace it."""
    if not os.path.exists(target):
        return None
    for page in files:
        if page == "-":
            continue
        try:
            if os.path.samefile(target, page):
                return page
        except OSError:
            if os.path.realpath(target) == os.path.realpath(page):
                return page
    return None


def _binary_stream(name: str):
    """The byte stream under ``sys.stdin`` or ``sys.stdout`` (or the stream itself where it takes bytes, as a test
    runner's may). Click 8.5 deprecates its ``get_binary_stream``, to be removed in Click 9."""
    stream = getattr(sys, name)
    return getattr(stream, "buffer", stream)


def _emit_page(data: bytes) -> None:
    """A page as bytes on standard output: its own encoding, byte order mark and line endings, which a text
    stream would translate."""
    if sys.stdout is None:
        raise UserError("standard output is closed: nowhere to write the fixed page")

    def write():
        sys.stdout.flush()
        stream = _binary_stream("stdout")
        stream.write(data)
        stream.flush()

    _write_standard("stdout", write)


def _all_rules(config_path: str | None):
    """The built-in rules and those of the packs the config file names (``rule-paths``)."""
    from lint.engine import rule_pack_dirs
    from lint.registry import RuleError, load_rules

    settings = _settings(config_path, ())
    try:
        return load_rules(rule_pack_dirs(settings))
    except RuleError as exc:
        raise UserError(str(exc)) from None


_CONFIG_OPTION = click.option("--config", "config_path", type=str,
                              help="Use this config file (for its rule-paths) instead of searching for one.")


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@_CONFIG_OPTION
def rules_command(fmt, show_all, config_path):
    """List the rules (with your rule packs'): code, name, category and default severity."""
    import json

    rules = _all_rules(config_path)
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
@_CONFIG_OPTION
def explain(code, config_path):
    """Show a rule's documentation, examples and options."""
    import json

    rules = _all_rules(config_path)
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
    tunable = _tunable_options(rule)
    if tunable:
        width = max(len(f"{k} = {json.dumps(v)}") for k, (v, _) in tunable.items())
        lines += ["", f"Options (change them under [tool.medlint.rules.{rule.code}]):",
                  *[f"  {f'{k} = {json.dumps(v)}':<{width}}  (the kind's default)" if default else f"  {k} = {json.dumps(v)}"
                    for k, (v, default) in tunable.items()]]
    if rule.url:
        lines += ["", f"More: {rule.url}"]
    click.echo("\n".join(lines))


def _tunable_options(rule) -> dict:
    """The rule's options of one value (a number, a word, a switch; not its lists), each with whether it is its
    kind's default (not set in the rule's file), in the kind's order: an editor can change the defaults too."""
    from lint.kinds import kinds

    kind = kinds().get(rule.kind)
    out = {}
    for key, (_types, default) in (kind.options.items() if kind is not None else ()):
        if key in rule.options:
            out[key] = (rule.options[key], False)
        elif not callable(default) and isinstance(default, (bool, int, float, str)):
            out[key] = (default, True)
    for key, value in rule.options.items():  # (an option the kind does not know is an error when the rule runs)
        out.setdefault(key, (value, False))
    return {k: v for k, v in out.items() if isinstance(v[0], (bool, int, float, str))}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def entry() -> None:
    """The ``medlint`` command: ``main``, then an exit that skips tearing down the heap.

    Freeing every object of spaCy's tables and the rules one by one took about a fifth of a
    second at the end of every run, and a command line process gains nothing from it. The exit
    handlers still run (the compiled-pattern table is saved by one) and the output is flushed;
    only the interpreter's clean-up is left to the operating system. Tests and programs that
    call ``main`` themselves keep the normal exit.
    """
    from lint.interrupt import watch_ctrl_c

    watch_ctrl_c()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
        if code == 1 and isinstance(exc.__context__, click.exceptions.Abort) \
                and isinstance(exc.__context__.__cause__, KeyboardInterrupt):
            # Ctrl-C outside a command's own handling (while click reads the arguments): click says "Aborted!" with
            # 1, which CI reads as findings
            _say_on_stderr("medlint: interrupted")
            code = 130
    except KeyboardInterrupt:
        _say_on_stderr("medlint: interrupted")  # (between the command's end and here)
        code = 130
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # (started with the stream closed: ">&-")
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (medlint ... | head): nothing left to say
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
