"""A whole run: read the files, answer what the cache can, lint the rest (in parallel
processes when there are enough), apply fixes, and return the results in the
order the files were given, so the output never depends on the number of jobs.

spaCy is imported only when some file has to be linted: a run answered entirely
from the cache loads the rules (for the report) but never the pipeline.
"""

from __future__ import annotations

import codecs
import gc
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from lint.documents import DocumentError, decode
from lint.engine import Linter, load_selected_rules, read_source, rule_pack_dirs
from lint.fixes import fix_until_stable, write_atomic
from lint.interrupt import stop_if_ctrl_c_was_pressed
from lint.model import FileResult, Finding

#: below this many files to lint, worker processes cost more than they save
MIN_FILES_FOR_FORK = 4
MIN_FILES_FOR_SPAWN = 32


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Task:
    """One page to lint: its path as given, its decoded source and what the run does with it."""

    path: str
    source: str
    digest: str = ""
    bom: bool = False
    stdin_filename: str | None = None
    fix: bool = False


@dataclass
class Outcome:
    findings: list[Finding]
    fixed_source: str | None = None  # set when fixes changed the source
    fixes: int = 0
    #: the findings in the source as read, when fixes changed it: what stands if the fixed file cannot be written
    unfixed_findings: list[Finding] | None = None
    #: a kind warned during the run (a failing rule, an unreachable service): do not cache
    warned: bool = False
    warnings: list[str] = field(default_factory=list)


class Change(NamedTuple):
    """A file the fixes changed: its path, its decoded source before and after, and
    whether the file starts with a UTF-8 byte order mark (decoding drops it; a diff
    of the file must show it)."""

    path: str
    before: str
    after: str
    bom: bool = False


@dataclass
class RunResult:
    results: list[FileResult]
    rules: list
    warnings: list[str]
    #: each file the fixes changed
    changes: list[Change] = field(default_factory=list)
    fixes: int = 0
    cached: int = 0
    linted: int = 0
    #: the page read from standard input ('-'), as bytes to write back when fixing it: the fixed page (with its
    #: byte order mark, if it had one), or the bytes as read when nothing changed or they could not be decoded;
    #: None when standard input was not read
    stdin_page: bytes | None = None


def process(linter: Linter, task: Task) -> Outcome:
    """Lint one page and, when asked, fix it until no fix applies."""
    path = "-" if task.stdin_filename is not None else task.path
    before = list(linter.warnings)

    def lint(source: str) -> list[Finding]:
        return linter.lint_source(path, source, task.stdin_filename).findings

    findings = unfixed = lint(task.source)
    fixed, count = None, 0
    if task.fix and any(f.fix for f in findings):
        new_source, count, findings = fix_until_stable(task.source, lint, findings)
        fixed = new_source if new_source != task.source else None
    new_warnings = [w for w in linter.warnings if w not in before]
    return Outcome(findings, fixed, count, unfixed_findings=unfixed if fixed is not None else None,
                   warned=bool(linter.warnings), warnings=new_warnings)


#: allocations between two collections of young objects while pages are linted (Python's default is 700)
_YOUNG_COLLECTION_THRESHOLD = 10_000


# -- worker processes ------------------------------------------------------------------
_WORKER_LINTER: Linter | None = None
_RUN_PID: int | None = None  # (the process that forks the workers, for them to tell that it has gone)


def _init_worker(settings=None) -> None:  # pragma: no cover - runs in the child
    # Ctrl-C reaches every process of the group, and the parent alone answers it: it cancels the pages still queued
    # and stops the workers. A worker that took it itself would send it back as its page's error and go on to the next
    # page, and the parent would wait for the whole queue to be done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_the_run()
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # (held off by the parent while it forked us)
    if settings is not None:  # (spawned: a new process builds its own linter; a forked one inherits the parent's)
        global _WORKER_LINTER
        _WORKER_LINTER = Linter(settings)


def _end_with_the_run() -> None:  # pragma: no cover - runs in the child
    """Have Linux end this worker when the process that started it ends, however that ends.

    A worker its parent did not stop (the parent was killed, or ended by a way no code of ours saw) waits for pages
    for ever: it holds the writing end of the queue it reads itself, so it never sees the queue close, and it keeps
    the terminal's or CI's output pipes open, so that the run seems never to end.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # (1: PR_SET_PDEATHSIG)
    except (OSError, AttributeError):
        return
    if _RUN_PID is not None and os.getppid() != _RUN_PID:
        os._exit(1)  # (it ended before that was asked for)


def _work(task: Task) -> Outcome:
    return process(_WORKER_LINTER, task)


def _pool_context():
    import multiprocessing

    # fork on Linux: the workers inherit the loaded rules and the built pipeline. (Asked for by name: from Python
    # 3.14, listing the start methods works out the default one, which writes a probe file in the temporary folder)
    if sys.platform.startswith("linux"):
        try:
            return multiprocessing.get_context("fork"), MIN_FILES_FOR_FORK
        except ValueError:  # (a Python built without fork)
            pass
    return multiprocessing.get_context("spawn"), MIN_FILES_FOR_SPAWN


def lint_tasks(linter: Linter, tasks: list[Task], jobs: int, progress=None):
    """Outcomes of the tasks, in the tasks' order, linted by up to ``jobs`` processes."""
    global _WORKER_LINTER, _RUN_PID
    context, minimum = _pool_context()
    if jobs <= 1 or len(tasks) < minimum:
        for task in tasks:
            yield process(linter, task)
            if progress:
                progress.advance()
        return
    from concurrent.futures import ProcessPoolExecutor

    linter.nlp  # noqa: B018 - build the pipeline once, before the workers are forked
    if context.get_start_method() == "fork":
        # the first page is linted here: the tables that rules build on first use (phrase groups,
        # pattern prefilters, the spelling suggestions' word starts) are then built once and
        # inherited by every worker, instead of once in each
        yield process(linter, tasks[0])
        if progress:
            progress.advance()
        tasks = tasks[1:]
    stop_if_ctrl_c_was_pressed()  # (not a worker started after a Ctrl-C that was swallowed)
    # (no more processes than cores: each loads the pipeline, and "-j 1000" once started as many and filled the memory)
    jobs = min(jobs, len(tasks), default_jobs())
    chunk = max(1, min(8, len(tasks) // (jobs * 6)))
    if context.get_start_method() == "fork":
        _WORKER_LINTER, _RUN_PID = linter, os.getpid()
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(linter.settings,))
    # (Ctrl-C held off while the workers start: one that reached a worker before it could ignore Ctrl-C broke the pool,
    # and the run ended with 1, not 130. The parent takes a Ctrl-C of that moment as soon as they have started)
    masked = hasattr(signal, "pthread_sigmask")
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if masked else None
    outcomes = None
    try:
        try:
            outcomes = pool.map(_work, tasks, chunksize=chunk)
        finally:
            # (a Ctrl-C held off above is raised as soon as this returns, so the unmasking is inside the block that
            # stops the workers: outside it, the run exited and left them waiting for pages, holding its output pipes
            # open, which is how CI saw a Ctrl-C'd run that never ended)
            if masked:
                signal.pthread_sigmask(signal.SIG_SETMASK, before)
        for outcome in outcomes:
            yield outcome
            if progress:
                progress.advance()
    except BaseException:
        # Ctrl-C, an error in the caller, or the caller closing this generator: leaving the pool's block would wait
        # for every page still queued, so the queue is dropped and the workers are stopped where they are
        if outcomes is not None:
            outcomes.close()
        _stop_workers(pool)
        raise
    else:
        pool.shutdown()
    finally:
        _WORKER_LINTER = None


def _stop_workers(pool) -> None:
    """Cancel what ``pool`` has not started and end its workers now, not after the pages they are linting."""
    # (Python 3.14 has ProcessPoolExecutor.terminate_workers; before it, the processes are only in a private field)
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


# -- the run ---------------------------------------------------------------------------
def run(files: list[str], settings, *, version: str, jobs: int = 1, cache_dir=None, fix: bool = False,
        write: bool = False, stdin_filename: str | None = None, read_stdin=None, progress_factory=None,
        on_warning=None) -> RunResult:
    """Lint ``files`` (paths, or '-' for ``read_stdin()``) with everything the command line asked for.

    ``fix`` applies safe fixes in memory; ``write`` also writes them to the files.
    ``cache_dir`` (None: no cache) holds the result cache. ``on_warning`` gets
    one-line warnings about the cache.
    """
    from lint.cache import ResultCache, run_key

    cache = None
    if cache_dir is not None:
        cache = ResultCache(cache_dir, run_key(settings, version, rule_pack_dirs(settings)))
    run = _Run(settings, cache, fix, write, on_warning)
    for path in files:
        run.add(path, stdin_filename, read_stdin)
    if run.pending:
        # Start-up makes a few hundred thousand long-lived objects (spaCy's tables, the rules, the
        # knowledge base), and the collector would walk them all again and again while they are
        # made: it is paused until the first page is linted, and what exists then is frozen out
        # of its sight (the workers forked later share those pages of memory untouched, too).
        collecting = gc.isenabled()
        frozen = False
        threshold = gc.get_threshold()
        gc.disable()
        try:
            linter = Linter(settings)
            stop_if_ctrl_c_was_pressed()
            run.rules = linter.rules
            # what the rules found wrong while they were set up (a LanguageTool URL that is no URL), said once
            run.warnings.extend(w for w in linter.warnings if w not in run.warnings)
            progress = progress_factory(len(run.pending)) if progress_factory else None
            outcomes = lint_tasks(linter, [t for _, t in run.pending], jobs, progress)
            try:
                for (index, task), outcome in zip(run.pending, outcomes):
                    stop_if_ctrl_c_was_pressed()
                    run.record(index, task, outcome)
                    if collecting and not gc.isenabled():
                        gc.freeze()
                        frozen = True
                        # a page's objects go when it does (no cycles): the collector need not look at them every
                        # 700 allocations, as it would by default (a tenth of a run's time went to that)
                        gc.set_threshold(_YOUNG_COLLECTION_THRESHOLD, *threshold[1:])
                        gc.enable()
                # what the parent's linter said outside any page: the pipeline is built here before the workers are
                # forked (a spaCy model that is not installed), so no worker's outcome carries that warning
                run.warnings.extend(w for w in linter.warnings if w not in run.warnings)
            finally:
                # the pool shut down here, at once, not when the collector gets to the generator
                outcomes.close()
                if progress:
                    progress.close()
        finally:
            if frozen:
                # a caller that runs medlint many times in one process (an editor, the tests) gets
                # what this run made back into the collector's sight, and its own thresholds
                gc.unfreeze()
                gc.set_threshold(*threshold)
            if collecting:
                gc.enable()
    else:
        run.rules = load_selected_rules(settings)[1]
        if cache is not None:
            cache.touch()
    return RunResult(results=run.results, rules=run.rules, warnings=run.warnings, changes=run.changes,
                     fixes=run.fixes, cached=run.cached, linted=len(run.pending),
                     stdin_page=run.stdin_fixed if run.stdin_fixed is not None else run.stdin_data)


class _Run:
    """The state of one run: results in the files' order, the pages still to lint, fixes made."""

    def __init__(self, settings, cache, fix: bool, write: bool, on_warning):
        self.settings = settings
        self.cache = cache
        self.fix = fix
        self.write = write
        self.on_warning = on_warning
        self.results: list[FileResult] = []
        self.pending: list[tuple[int, Task]] = []
        self.rules: list = []
        self.warnings: list[str] = []
        self.changes: list[Change] = []
        self.fixes = 0
        self.cached = 0
        self.stdin_data: bytes | None = None
        self.stdin_fixed: bytes | None = None

    def add(self, path: str, stdin_filename, read_stdin) -> None:
        """Read one file; answer it from the cache, or queue it for linting."""
        from lint.cache import content_hash

        display = (stdin_filename or "-") if path == "-" else path
        try:
            if path == "-":
                # kept as read: an editor that pipes a page through --fix gets it back unchanged when it
                # cannot be decoded (a binary or UTF-16 page), rather than losing it
                data = self.stdin_data = read_stdin()
                limit = self.settings.max_file_size
                if len(data) > limit:  # (the same guard as a file's: an editor's buffer is echoed back unchanged)
                    raise DocumentError(f"page is {len(data):,} bytes, over the limit of {limit:,} (max-file-size)")
                source = decode(data)
            else:
                source, data = read_source(path, self.settings.max_file_size)
        except DocumentError as exc:
            self.results.append(FileResult(path=display, error=str(exc)))
            return
        task = Task(path=display, source=source, bom=data.startswith(codecs.BOM_UTF8),
                    stdin_filename=(stdin_filename or "") if path == "-" else None, fix=self.fix)
        if self.cache is not None:
            task.digest = content_hash(data)
            hit = self.cache.get(_cache_path(task), task.digest, source)
            # a cached page with fixable findings still goes through the linter when fixing
            if hit is not None and not (self.fix and any(f.fix for f in hit)):
                self.results.append(FileResult(path=display, source=source, findings=hit))
                self.cached += 1
                return
        self.pending.append((len(self.results), task))
        self.results.append(FileResult(path=display, source=source))  # filled in by record()

    def record(self, index: int, task: Task, outcome: Outcome) -> None:
        """Take a linted page's outcome: write its fixes, keep its findings, cache them."""
        from lint.cache import CacheUnavailable, content_hash

        self.warnings.extend(w for w in outcome.warnings if w not in self.warnings)
        source = task.source
        if outcome.fixed_source is not None:
            source = outcome.fixed_source
            if self.write and task.stdin_filename is None:
                try:
                    write_atomic(task.path, source, task.bom)
                except OSError as exc:
                    # the file was read and checked: its findings (as it stands, unfixed) are reported with the error
                    self.results[index] = FileResult(path=task.path, source=task.source,
                                                     findings=outcome.unfixed_findings or [],
                                                     error=f"cannot write the fixed file: {exc.strerror or exc}")
                    return
            elif task.stdin_filename is not None:
                # standard input cannot be rewritten: the fixed page goes back to the caller as bytes, with the
                # byte order mark decoding dropped, so that a page with nothing else changed comes back byte for byte
                self.stdin_fixed = (codecs.BOM_UTF8 if task.bom else b"") + source.encode("utf-8")
            self.fixes += outcome.fixes
            self.changes.append(Change(task.path, task.source, source, task.bom))
        self.results[index] = FileResult(path=task.path, source=source, findings=outcome.findings)
        # a result shaped by a warning (a failing rule, an unreachable service) is not kept;
        # nor one for fixed content that is not on disk (--diff)
        if self.cache is None or outcome.warned or (outcome.fixed_source is not None and not self.write):
            return
        digest = task.digest
        if outcome.fixed_source is not None:
            digest = content_hash((codecs.BOM_UTF8 if task.bom else b"") + source.encode("utf-8"))
        try:
            self.cache.put(_cache_path(task), digest, outcome.findings)
        except CacheUnavailable as exc:
            if self.on_warning:
                self.on_warning(f"{exc}; running without the cache")
            self.cache = None


def _cache_path(task: Task) -> str:
    return task.path if task.stdin_filename is None else f"-\0{task.stdin_filename}"


# -- progress --------------------------------------------------------------------------
class Progress:
    """A one-line bar on stderr: drawn only after a moment, at most ten times a second."""

    DELAY = 0.5

    def __init__(self, total: int, stream=None, width: int = 30):
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.visible = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.started < self.DELAY or (now - self.drawn_at < 0.1 and self.done < self.total):
            return
        self.drawn_at = now
        filled = self.width * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\rmedlint [{bar}] {self.done}/{self.total} files")
        self.stream.flush()
        self.visible = True

    def close(self) -> None:
        if self.visible:
            self.stream.write("\r" + " " * (self.width + 40) + "\r")
            self.stream.flush()


def progress_wanted(fmt: str, stream=None) -> bool:
    """A bar only for a person at a terminal: never in CI logs or for machine-readable output."""
    stream = stream or sys.stderr
    if fmt not in ("text", "html") or os.environ.get("CI") or os.environ.get("MEDLINT_NO_PROGRESS"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
