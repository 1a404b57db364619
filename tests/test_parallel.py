"""--jobs: the same report whatever the number of processes; the progress bar only for people."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import runner as runner_module
from lint.cli import main
from lint.runner import Progress, progress_wanted
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Eight labelled defect pages in all three formats, plus an unreadable file."""
    folder = tmp_path_factory.mktemp("pages")
    chosen = sorted(p for p in (FIXTURES / "defects").iterdir() if p.suffix in (".md", ".html", ".txt"))[:8]
    assert {p.suffix for p in chosen} == {".md", ".html", ".txt"}
    for p in chosen:
        shutil.copy(p, folder / p.name)
    (folder / "broken.md").write_bytes(b"\xff\xfe\x00binary")
    return folder


def check(*args):
    return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_two_jobs_give_the_same_report_as_one(pages, fmt):
    one = check("-j", "1", "--format", fmt, str(pages))
    two = check("-j", "2", "--format", fmt, str(pages))
    assert one.exit_code == two.exit_code == 2  # findings, and one unreadable file
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert one.stdout.count("SPL001") > 0 and "broken.md" in one.stdout + one.stderr


def test_parallel_fixes_match_serial_fixes(pages, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for target in (serial, parallel):
        shutil.copytree(pages, target)
        (target / "broken.md").unlink()
        for page in target.iterdir():  # a safe fix or two on every page
            text = page.read_text(encoding="utf-8")
            slip = "Rest the the leg for a day (when opposed to walking at once)."
            text = text.replace("</p>", f" {slip}</p>", 1) if page.suffix == ".html" else f"{text}\n{slip}\n"
            page.write_text(text, encoding="utf-8")
    # the fixable rules and a few others (spelling is the slow one, and has no safe fixes yet)
    one = check("-j", "1", "--fix", "--format", "json", "--ignore", "SPL001", str(serial))
    two = check("-j", "2", "--fix", "--format", "json", "--ignore", "SPL001", str(parallel))
    assert two.stdout.replace(str(parallel), str(serial)) == one.stdout
    assert "medlint: fixed 16 problems in 8 files" in one.stderr and two.stderr == one.stderr
    for page in serial.iterdir():
        assert (parallel / page.name).read_bytes() == page.read_bytes()


def test_the_pool_is_used_for_many_files_and_skipped_for_few(pages, monkeypatch):
    from concurrent import futures

    created = []
    real_pool = futures.ProcessPoolExecutor

    class CountingPool(real_pool):
        def __init__(self, *a, **k):
            created.append(k.get("max_workers"))
            super().__init__(*a, **k)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", CountingPool)
    check("-j", "2", "--ignore", "SPL001", str(pages))
    assert created == [2]
    check("-j", "2", "--ignore", "SPL001", str(next(pages.glob("*.md"))))
    assert created == [2]  # one file: linted in this process


def test_progress_is_for_terminals_only(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    assert progress_wanted("text", Tty()) is True
    assert progress_wanted("text", io.StringIO()) is False  # piped, redirected
    for machine in ("json", "sarif", "github", "gitlab"):
        assert progress_wanted(machine, Tty()) is False
    monkeypatch.setenv("CI", "true")
    assert progress_wanted("text", Tty()) is False


def test_progress_draws_after_a_moment_and_clears_its_line(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(runner_module.time, "monotonic", lambda: clock[0])
    out = io.StringIO()
    bar = Progress(4, stream=out, width=8)
    bar.advance()
    assert out.getvalue() == ""  # a quick run shows nothing
    clock[0] += 1
    bar.advance()
    assert out.getvalue() == "\rmedlint [####----] 2/4 files"
    bar.close()
    assert out.getvalue().endswith("\r")
    assert out.getvalue().split("\r")[-2].strip() == ""


def test_the_collector_is_paused_for_start_up_only(pages, monkeypatch):
    import gc

    from lint.config import Settings

    states = []
    thresholds = []
    real_process = runner_module.process

    def process(linter, task):
        states.append(gc.isenabled())
        thresholds.append(gc.get_threshold()[0])
        return real_process(linter, task)

    monkeypatch.setattr(runner_module, "process", process)
    assert gc.isenabled()
    before = gc.get_threshold()
    files = sorted(str(p) for p in pages.iterdir() if p.suffix in (".md", ".txt", ".html") and p.name != "broken.md")[:3]
    result = runner_module.run(files, Settings(), version="test", jobs=1)
    assert len(result.results) == len(states) == 3
    # paused while the first page is linted (start-up), running for the others, and running after
    assert states == [False, True, True]
    # young objects are collected less often while pages are linted (a page leaves no cycles behind)
    assert thresholds[1:] == [runner_module._YOUNG_COLLECTION_THRESHOLD] * 2
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing is left frozen for the next run in this process
    assert gc.get_threshold() == before


def test_a_linted_page_leaves_no_cycles_for_the_collector(pages):
    """The rules share facts about a page (its sources, its joined blocks); when the page is done nothing refers
    to it, so its docs and tokens go at once rather than at the collector's next full pass."""
    import gc

    from lint.config import Settings
    from lint.engine import Linter

    linter = Linter(Settings())
    files = sorted(str(p) for p in pages.iterdir() if p.suffix in (".md", ".txt", ".html") and p.name != "broken.md")
    linter.lint_file(files[0])
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in files:
            linter.lint_file(path)
        assert gc.collect() == 0
    finally:
        if collecting:
            gc.enable()


def _slow_page(linter, task):
    import time

    time.sleep(0.5)
    return task, os.getpid()


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False  # gone
    return state != "Z"  # (ended, and not yet waited for)


def test_a_caller_that_stops_early_does_not_wait_for_the_queued_pages(monkeypatch):
    # Ctrl-C (or any error) in the caller between two pages closes the generator: the pool must drop its queue and stop
    # its workers at once, not lint the pages left first (fifteen seconds of them here, at two workers)
    import time

    if runner_module._pool_context()[0].get_start_method() != "fork" or not Path("/proc/self/stat").exists():
        pytest.skip("the slow page is patched in before the workers are forked, and /proc tells they are gone")
    monkeypatch.setattr(runner_module, "process", _slow_page)

    class NoPipeline:
        nlp = None

    outcomes = runner_module.lint_tasks(NoPipeline(), list(range(64)), jobs=2)
    workers = set()
    for expected in range(4):  # the parent's page, then the pool's first
        task, pid = next(outcomes)
        assert task == expected
        workers.add(pid)
    workers.discard(os.getpid())
    assert workers
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        outcomes.throw(KeyboardInterrupt)
    assert time.monotonic() - started < 5
    assert not [pid for pid in workers if _running(pid)]


def test_a_ctrl_c_while_the_workers_start_stops_them(monkeypatch):
    # Ctrl-C is held off while the pool forks its workers and is raised the moment it is let through: it must stop the
    # workers too. Raised just outside the block that stops them, it once let the run go on to the last page.
    import concurrent.futures
    import signal
    import threading
    import time

    if runner_module._pool_context()[0].get_start_method() != "fork" or not Path("/proc/self/stat").exists():
        pytest.skip("the slow page is patched in before the workers are forked, and /proc tells they are gone")
    monkeypatch.setattr(runner_module, "process", _slow_page)
    workers = []
    queue_pages = concurrent.futures.ProcessPoolExecutor.map

    def map_then_ctrl_c(pool, *args, **kwargs):
        outcomes = queue_pages(pool, *args, **kwargs)
        workers.extend(process.pid for process in pool._processes.values())
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # (pending: Ctrl-C is held off here)
        return outcomes

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "map", map_then_ctrl_c)

    class NoPipeline:
        nlp = None

    outcomes = runner_module.lint_tasks(NoPipeline(), list(range(64)), jobs=2)
    assert next(outcomes)[0] == 0  # (the parent's own page, before the pool)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        next(outcomes)
    assert workers and time.monotonic() - started < 5
    assert not [pid for pid in workers if _running(pid)]


def test_a_ctrl_c_a_library_swallows_still_stops_the_run(monkeypatch, pages):
    # a bare "except:" in a library (spaCy asking whether a model is installed) once took a Ctrl-C pressed while the
    # linter was built, and the run went on to its last page: the command's handler records it, and the run stops
    import signal

    from lint import interrupt
    from lint.config import Settings

    monkeypatch.setattr(interrupt, "_ctrl_c_pressed", False)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    linted = []
    real_linter, real_process = runner_module.Linter, runner_module.process

    def linter_built_while_ctrl_c_is_swallowed(settings):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            [0 for _ in range(1000)]  # (the handler runs between two steps of Python, here)
        except:  # noqa: E722 - the library's bare except
            pass
        return real_linter(settings)

    monkeypatch.setattr(runner_module, "Linter", linter_built_while_ctrl_c_is_swallowed)
    monkeypatch.setattr(runner_module, "process", lambda linter, task: linted.append(task) or real_process(linter, task))
    files = sorted(str(p) for p in pages.iterdir() if p.suffix in (".md", ".txt", ".html") and p.name != "broken.md")
    try:
        interrupt.watch_ctrl_c()
        with pytest.raises(KeyboardInterrupt):
            runner_module.run(files, Settings(), version="test", jobs=1)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert not linted


def test_the_workers_end_with_the_run_however_it_ends(tmp_path):
    # a run that ends without stopping its workers (killed, or ended where no code of ours saw it) once left them
    # waiting for pages for ever, holding the terminal's or CI's output pipes open
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    if runner_module._pool_context()[0].get_start_method() != "fork" or not Path("/proc/self/stat").exists():
        pytest.skip("the slow page is patched in before the workers are forked, and /proc tells they are gone")
    script = (
        "import os, time\n"
        "from lint import runner\n"
        "runner.process = lambda linter, task: (time.sleep(0.2), os.getpid())[1]\n"
        "class NoPipeline:\n"
        "    nlp = None\n"
        "outcomes = runner.lint_tasks(NoPipeline(), list(range(64)), jobs=2)\n"
        "pids = {next(outcomes) for _ in range(6)} - {os.getpid()}\n"
        "print(' '.join(map(str, pids)), flush=True)\n"
        "os._exit(0)  # (no clean-up of ours runs)\n"
    )
    printed = tmp_path / "pids.txt"
    with printed.open("w") as out:  # (a file, not a pipe: a worker left behind would hold a pipe open)
        subprocess.run([sys.executable, "-c", script], stdout=out, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    workers = [int(pid) for pid in printed.read_text().split()]
    assert workers
    deadline = time.monotonic() + 10
    while [pid for pid in workers if _running(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, 9)
    assert not left


def test_no_more_worker_processes_than_cores(monkeypatch):
    # "-j 1000" once started a process a page and filled the memory: the pool is capped at the cores
    asked = []

    class Recorded(Exception):
        pass

    def pool(max_workers, **_):
        asked.append(max_workers)
        raise Recorded

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", pool)
    monkeypatch.setattr(runner_module, "default_jobs", lambda: 2)
    monkeypatch.setattr(runner_module, "process", lambda linter, task: task)  # (the parent's first page, if it forks)

    class NoPipeline:
        nlp = None

    with pytest.raises(Recorded):
        list(runner_module.lint_tasks(NoPipeline(), list(range(64)), jobs=1000))
    assert asked == [2]
