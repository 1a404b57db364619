"""The engine: files in, findings out. The command line and the tests call this."""

from __future__ import annotations

import bisect
from collections import Counter
import fnmatch
import os
from pathlib import Path

from lint.compiled import compile_re
from lint.config import ConfigError, Settings
from lint.documents import SUPPORTED_EXTENSIONS, DocumentError, decode, line_starts, parse
from lint.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from lint.model import FileResult, Finding
from lint.registry import Rule, RuleError, builtin_rules_dir, load_rules, matches, valid_selector
from lint.suppression import Suppressions
from lint.yamlio import DataFileError

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
    "site-packages", "_build", ".medlint_cache", ".pytest_cache", ".mypy_cache",
)


class SetupError(Exception):
    """A broken rule pack, knowledge base or selector: exit code 2."""


#: characters a fix may not write into an attribute's value (image alt text), or anywhere in a page
_ATTRIBUTE_BREAKERS = frozenset("'\"<>&")
_MARKUP_OPENERS = frozenset("<&")


def select_rules(rules: list[Rule], settings: Settings) -> list[Rule]:
    for selector in [*(settings.select or []), *settings.extend_select, *settings.ignore]:
        if not valid_selector(selector, rules):
            if selector in settings.selector_keys:  # from the config file: the CLI names the file, this the key
                raise ConfigError(f"{settings.selector_keys[selector]}: unknown rule selector '{selector}' "
                                  "(a code, a code prefix, a category or ALL)")
            error = ConfigError(f"unknown rule selector '{selector}' (a code, a code prefix, a category or ALL)")
            error.selector = selector  # the command line says whether it came from an option or the config file
            raise error
    chosen = []
    for rule in rules:
        on = any(matches(s, rule) for s in settings.select) if settings.select is not None else rule.enabled
        on = on or any(matches(s, rule) for s in settings.extend_select)
        if on and not any(matches(s, rule) for s in settings.ignore):
            chosen.append(rule)
    return chosen


def rule_pack_dirs(settings: Settings) -> list[Path]:
    return [builtin_rules_dir(), *settings.rule_paths]


def load_selected_rules(settings: Settings) -> tuple[list[Rule], list[Rule]]:
    """Every rule of the packs and the selected ones, with the settings checked against them.

    Needs no spaCy: a run answered from the result cache uses it for the report's rule list.
    """
    try:
        all_rules = load_rules(rule_pack_dirs(settings))
    except (RuleError, DataFileError) as exc:
        raise SetupError(str(exc)) from None
    rules = select_rules(all_rules, settings)
    for code in settings.severity:
        if not any(r.code == code for r in all_rules):
            raise ConfigError(f"severity: unknown rule code '{code}'")
    for code in settings.rules:
        if not any(r.code == code for r in all_rules):
            raise ConfigError(f"rules: unknown rule code '{code}'")
    for glob, selectors in settings.per_file_ignores.items():
        for selector in selectors:
            if not valid_selector(selector, all_rules):
                raise ConfigError(f"per-file-ignores.{glob}: unknown rule selector '{selector}' "
                                  "(a code, a code prefix, a category or ALL)")
    return all_rules, rules


def read_source(path: str, max_size: int) -> tuple[str, bytes]:
    """Read and decode one file: (text, raw bytes), or DocumentError with a one-line reason."""
    try:
        size = os.path.getsize(path)
        if size > max_size:
            raise DocumentError(f"file is {size:,} bytes, over the limit of {max_size:,} (max-file-size)")
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise DocumentError("is a directory") from None
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    return decode(data), data


class Linter:
    """Loads the rules and the knowledge once; lints any number of files."""

    def __init__(self, settings: Settings):
        self.settings = settings
        pack_dirs = rule_pack_dirs(settings)
        self.all_rules, self.rules = load_selected_rules(settings)
        try:
            self.kb = self._load_knowledge(pack_dirs)
        except (KnowledgeError, DataFileError) as exc:
            raise SetupError(str(exc)) from None
        from lint.kinds import kinds

        available = kinds()
        #: run-level warnings from kinds (one line each, printed on stderr by the CLI)
        self.warnings: list[str] = []
        self.checkers = []
        for rule in self.rules:
            kind = available.get(rule.kind)
            if kind is None:
                raise SetupError(f"{rule.path}: rule {rule.code}: unknown kind '{rule.kind}'")
            try:
                self.checkers.append(kind(rule, self.kb, settings, self.warnings))
            except (RuleError, DataFileError) as exc:
                raise SetupError(str(exc)) from None
        self._nlp = None

    @staticmethod
    def _load_knowledge(pack_dirs) -> KnowledgeBase:
        kb_dirs = [d / "knowledge" for d in map(Path, pack_dirs) if (d / "knowledge").is_dir()]
        if len(kb_dirs) == 1:
            return load_knowledge(kb_dirs[0])
        from lint.knowledge import merge_knowledge

        return merge_knowledge([load_knowledge(d) for d in kb_dirs])

    @property
    def nlp(self):
        if self._nlp is None:
            from lint.pipeline import MODEL_FALLBACKS, get_pipeline

            self._nlp = get_pipeline(id(self.kb), self.kb.lexicon, self.settings.model)
            fallback = MODEL_FALLBACKS.get(self.settings.model or "")
            if fallback and fallback not in self.warnings:
                self.warnings.append(fallback)
        return self._nlp

    # -- files -------------------------------------------------------------------
    def read(self, path: str) -> str:
        """Read and decode one file, or raise DocumentError with a one-line reason."""
        return read_source(path, self.settings.max_file_size)[0]

    def lint_file(self, path: str) -> FileResult:
        try:
            source = self.read(path)
        except DocumentError as exc:
            return FileResult(path=path, error=str(exc))
        return self.lint_source(path, source)

    def lint_source(self, path: str, source: str, stdin_filename: str | None = None) -> FileResult:
        from lint.page import Page, Unit

        document = parse(path, source, stdin_filename)
        display = stdin_filename if (path == "-" and stdin_filename) else path
        ignored = self._ignored_for(display)
        checkers = [c for c in self.checkers if not any(matches(s, c.rule) for s in ignored)]
        if not document.blocks or not checkers:
            return FileResult(path=path, source=source)
        docs = self.nlp.pipe([b.text for b in document.blocks], batch_size=256)
        units = [Unit(block, doc) for block, doc in zip(document.blocks, docs)]
        page = Page(document, units, self.kb, self.settings)
        starts = line_starts(source)
        suppress = Suppressions(source, document.directives, starts)
        for directive in document.directives:
            self._check_directive(display, directive, starts)
        findings: dict[tuple, Finding] = {}
        scores: dict[tuple, float] = {}
        demoted: set[tuple] = set()
        own_slips: set[tuple] = set()
        # findings an editor suppressed where they stand (a line or a stretch of the page): not reported, but
        # the claim was found and reviewed, so a sentence model must not report it again (see _settle_model_findings)
        reviewed: list[Finding] = []
        for checker in checkers:
            rule = checker.rule
            severity = self.settings.severity.get(rule.code, rule.severity)
            for hit in self._run(checker, page):
                if hit.block.scope not in rule.scope and not checker.page_level:
                    continue
                finding = self._finding(rule, severity, hit, source, starts)
                if finding is None:
                    continue
                if suppress and suppress.suppressed(finding):
                    if suppress.suppressed_in_place(finding):
                        reviewed.append(finding)
                    continue
                key = (finding.code, finding.start, finding.end)
                findings.setdefault(key, finding)
                if hit.demoted:
                    demoted.add(key)
                if hit.own_slip:
                    own_slips.add(key)
                if hit.score is not None:
                    scores[key] = hit.score
        page.close()
        settled = _settle_model_findings(findings, scores, checkers, frozenset(demoted), reviewed, frozenset(own_slips))
        ordered = sorted(settled, key=Finding.sort_key)
        return FileResult(path=path, source=source, findings=ordered)

    def _check_directive(self, path: str, directive, starts: list[int]) -> None:
        """Warn of a code in a suppression comment that names no rule: a typo ("GRM02") would otherwise leave the
        findings in place with no word why, and a stray word would be read as a prefix and silence rules."""
        for code in directive.codes:
            if not valid_selector(code, self.all_rules):
                line = bisect.bisect_right(starts, directive.offset)
                self.warnings.append(f"{path}:{line}: 'medlint-{directive.action}' names no rule '{code}' "
                                     "(a code, a code prefix, a category or ALL; a reason goes after ' -- ')")

    def _run(self, checker, page):
        """A rule's hits; a bug in one rule costs that rule's findings on this page, not the run."""
        from lint import matching  # (imported by the kinds already; a run answered from the cache never gets here)

        matching.start_time_budget()
        try:
            hits = list(checker.check(page))
            for pattern in matching.timed_out():
                self.warnings.append(
                    f"rule {checker.rule.code}: the pattern {pattern!r} ran over {matching.PATTERN_TIMEOUT:g} s on "
                    f"{page.path} and was stopped there; its findings on that file may be missing (simplify the pattern)")
            return hits
        except Exception as exc:  # noqa: BLE001 - reported, never silent
            if os.environ.get("MEDLINT_DEBUG"):
                raise
            self.warnings.append(
                f"rule {checker.rule.code} failed on {page.path} ({exc.__class__.__name__}: {exc}); "
                "its findings on that file are missing. Please report this."
            )
            return []

    def _finding(self, rule: Rule, severity: str, hit, source: str, starts: list[int]) -> Finding | None:
        if not (0 <= hit.start < hit.end <= len(hit.block.text)):
            return None
        start, end = hit.block.source_span(hit.start, hit.end)
        if not (0 <= start < end <= len(source)):
            return None
        line = bisect.bisect_right(starts, start)
        end_line = bisect.bisect_right(starts, end - 1) if end > start else line
        end_col = end - starts[end_line - 1] + 1
        fix = hit.fix
        if fix is not None and source[start:end] != hit.block.text[hit.start : hit.end]:
            fix = None  # the span holds markup or entities: a safe fix replaces plain prose only
        elif fix is not None and (hit.block.scope == "image_alt" and _ATTRIBUTE_BREAKERS & set(fix.replacement)
                                  or _MARKUP_OPENERS & set(fix.replacement)):
            fix = None  # a quote written into an attribute's value ends it ("alt='It's a ...'"), and "<" or "&" in a
            # page opens markup: a suggestion only
        if hit.demoted:
            severity = _ONE_LEVEL_DOWN[severity]
        return Finding(
            code=rule.code, name=rule.name, category=rule.category, severity=severity, message=hit.message,
            start=start, end=end, text=source[start:end], line=line, column=start - starts[line - 1] + 1,
            end_line=end_line, end_column=end_col, suggestions=hit.suggestions, url=rule.url, fix=fix,
        )

    def _ignored_for(self, path: str) -> list[str]:
        if not self.settings.per_file_ignores:
            return []
        out = []
        posix = Path(path).as_posix()
        name = Path(path).name
        # a pattern names files from the config file's folder, as ruff's do: "sub/*.md" is the same files
        # whichever folder medlint is run from and however the path is given
        from_config = path_from_config(path, self.settings) if path != "-" else None
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(
                posix, f"*/{pattern}"
            ) or (from_config is not None and fnmatch.fnmatch(from_config, pattern)):
                out.extend(codes)
        return out


_ONE_LEVEL_DOWN = {"error": "warning", "warning": "info", "info": "info"}


def _settle_model_findings(found: dict, scores: dict, checkers, demoted: frozenset = frozenset(),
                           reviewed=(), own_slips: frozenset = frozenset()) -> list[Finding]:
    """The findings, less those of a scored rule (the sentence models) that the page does not bear
    out: below the rule's threshold on a page that is not sales copy (``keeps``), or covered by a
    finding of a rule it defers to (``defers_to``): one finding, the precise one. A finding whose
    hit was a slip of its own (``own_slips``, by key) is never covered.

    ``reviewed`` are findings a suppression comment removed on their line or stretch of the page:
    they are not reported, but they still cover a deferring rule's finding, since the editor has
    seen that claim and let it stand. A rule turned off for the run (``--ignore``) or the file
    (``per-file-ignores``, ``medlint-disable-file``) covers nothing: nobody reviewed its claims, and
    the model is left to report them."""
    findings = list(found.values())
    if scores:
        by_rule = {c.rule.code: c for c in checkers}
        # what marks a page as sales copy: findings the rules are sure of (not one a rule demoted, such as a figure
        # on a page that sources most of its figures; a rule the user set to info still counts)
        counts = Counter(f.code for key, f in found.items() if key not in demoted)

        def stands(key, f) -> bool:
            keeps = getattr(by_rule.get(f.code), "keeps", None)
            return key not in scores or keeps is None or keeps(scores[key], counts)

        findings = [f for key, f in found.items() if stands(key, f)]
    deferring = {c.rule.code: set(c.defers_to) for c in checkers if getattr(c, "defers_to", None)}
    if not deferring:
        return findings
    by_code: dict[str, list[Finding]] = {}
    for f in [*findings, *reviewed]:
        by_code.setdefault(f.code, []).append(f)
    # per code, its findings' starts in order and the furthest end among the findings up to each: a finding
    # overlaps one of them if the furthest end of those starting before its end lies past its start (testing
    # every pair took time growing with the square of a block's findings)
    reach: dict[str, tuple[list[int], list[int]]] = {}
    for code, group in by_code.items():
        group.sort(key=lambda g: g.start)
        furthest, ends = None, []
        for g in group:
            furthest = g.end if furthest is None or g.end > furthest else furthest
            ends.append(furthest)
        reach[code] = ([g.start for g in group], ends)

    def covered(f, code) -> bool:
        if code not in reach:
            return False
        starts, furthest_ends = reach[code]
        before_end = bisect.bisect_left(starts, f.end)  # the findings with g.start < f.end
        return before_end > 0 and furthest_ends[before_end - 1] > f.start

    out = []
    for f in findings:
        codes = deferring.get(f.code)
        if codes and (f.code, f.start, f.end) not in own_slips and any(covered(f, c) for c in codes):
            continue
        out.append(f)
    return out


def path_from_config(path: str, settings: Settings) -> str | None:
    """The path relative to the config file's folder, in POSIX form (how ``exclude`` and ``per-file-ignores``
    patterns name files); None without a config file or for a path outside its folder."""
    if settings.source is None:
        return None
    try:
        return Path(path).resolve().relative_to(settings.source.parent.resolve()).as_posix()
    except ValueError:
        return None


def discover(paths, settings: Settings, force_exclude: bool = False,
             stdin_filename: str | None = None) -> tuple[list[str], list[FileResult]]:
    """Files to lint (directories walked for page extensions), and errors for missing paths. ``exclude`` applies
    to what a walk finds; with ``force_exclude`` to files named on the command line too (pre-commit names them), and
    to the page read from '-' by the name ``stdin_filename`` gives it (an editor's buffer of an excluded file), as
    ruff does."""
    files: list[str] = []
    errors: list[FileResult] = []
    excludes = [*DEFAULT_EXCLUDE, *settings.exclude]

    # one compiled pattern for all globs: fnmatch per file, pattern and path part is the
    # slowest step of a run answered from the cache
    match = compile_re("|".join(fnmatch.translate(os.path.normcase(pat)) for pat in excludes)).match
    def excluded(rel: str) -> bool:
        rel = os.path.normcase(os.path.normpath(rel))  # "./drafts/d.md" is "drafts/d.md"
        if match(rel) or any(match(part) for part in Path(rel).parts):
            return True
        # a pattern with a folder in it ("drafts/*.md") names files from the config file's folder, as per-file-ignores
        # do: the same files whether medlint is given ".", "drafts" or an absolute path
        from_config = path_from_config(rel, settings)
        return from_config is not None and bool(match(os.path.normcase(from_config)))

    # one file named several ways ("d.md", "./d.md", a symbolic link to it) is linted, and fixed, once: under the
    # first name given
    seen = set()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    def unreadable(exc: OSError) -> None:  # a folder the walk cannot list is said, not skipped in silence
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        errors.append(FileResult(path=exc.filename or str(exc), error=reason))

    for raw in paths:
        if raw == "-":
            if not (force_exclude and stdin_filename and excluded(stdin_filename)):
                files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirnames, filenames in os.walk(p, onerror=unreadable, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not excluded(os.path.join(root, d)))
                for fn in filenames:
                    full = os.path.join(root, fn)
                    # only regular files (or links to one): reading a named pipe or a device found in a folder
                    # would hang the run or never end
                    if fn.lower().endswith(SUPPORTED_EXTENSIONS) and not excluded(full) and os.path.isfile(full):
                        found.append(full)
            for f in sorted(found):
                add(f)
        elif p.exists() or p.is_symlink():
            if force_exclude and excluded(raw):
                continue
            add(raw)
        else:
            errors.append(FileResult(path=raw, error="no such file or directory"))
    return files, errors
