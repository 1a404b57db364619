"""Speed at scale: cold runs with one and two processes, and a re-run answered from the cache.

    python bench/scale.py --pages 300            # all three measurements
    python bench/scale.py --pages 300 --skip-cold

Builds a folder of N pages from the fixtures (each copy made unique, so no two pages
share content), then times `medlint check` as a subprocess, as a user would run it:

* cold, --jobs 1 and --jobs 2, with --no-cache: the speed-up of parallel processes;
* warm: the cache filled by a first run, then an unchanged re-run (best of five).

Other work on the machine skews the cold figures; run it when the machine is quiet.
On a shared machine, ``--cpu-model`` estimates the --jobs 2 speed-up from CPU time
instead (Linux's autogroup scheduler gives a whole session one share of the CPU, so
a second process only helps when a core is free): one process costs setup + all
pages; two cost setup + the busier worker's pages + the parent's own work.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(folder: Path, pages: int) -> None:
    sources = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".md", ".html", ".txt"))
    for i, src in zip(range(pages), itertools.cycle(sources)):
        text = src.read_text(encoding="utf-8")
        tail = f"\n<!-- copy {i} -->\n" if src.suffix in (".md", ".html") else f"\nCopy {i}.\n"
        (folder / f"page-{i:03d}{src.suffix}").write_text(text + tail, encoding="utf-8")


def timed(args: list[str], cwd: Path) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lint", "check", "--fail-on", "never", *args],
                          cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"medlint failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, done.stdout


def _timed_work(task):
    import lint.runner as runner

    start = time.process_time()
    out = runner.process(runner._WORKER_LINTER, task)
    out.warnings = [*out.warnings, f"__cpu {os.getpid()} {time.process_time() - start} {id(task)}"]
    return out


def cpu_model(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import lint.runner as runner
    from lint.config import Settings
    from lint.engine import Linter

    runner._work = _timed_work  # the forked workers run this, and report their CPU time
    start = time.process_time()
    linter = Linter(Settings())
    linter.nlp  # noqa: B018 - built before the fork, as a real run does
    setup = time.process_time() - start
    tasks = [runner.Task(path=str(p), source=p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
    start = time.process_time()
    serial = [o.findings for o in runner.lint_tasks(linter, tasks, 1)]
    pages = time.process_time() - start
    start = time.process_time()
    outcomes = list(runner.lint_tasks(linter, tasks, 2))
    parent = time.process_time() - start
    workers: dict[str, float] = {}
    for outcome in outcomes:
        for note in outcome.warnings:
            if note.startswith("__cpu "):
                _, pid, cpu, _ = note.split()
                workers[pid] = workers.get(pid, 0.0) + float(cpu)
    assert [o.findings for o in outcomes] == serial, "two workers must find what one process finds"
    one, two = setup + pages, setup + max(workers.values()) + parent
    print(f"CPU model: setup {setup:.1f} s, pages {pages:.1f} s in one process; workers "
          f"{' + '.join(f'{v:.1f}' for v in workers.values())} s, parent {parent:.2f} s")
    print(f"--jobs 1 ~ {one:.1f} s, --jobs 2 ~ {two:.1f} s on two free cores: speed-up {one / two:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--skip-cold", action="store_true", help="only the cached re-run")
    parser.add_argument("--cpu-model", action="store_true", help="estimate the --jobs 2 speed-up from CPU time")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="medlint-scale-"))
    try:
        pages = work / "pages"
        pages.mkdir()
        build(pages, args.pages)
        print(f"{args.pages} pages, {sum(p.stat().st_size for p in pages.iterdir()) / 1e6:.1f} MB, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        if args.cpu_model:
            cpu_model(pages)
            return
        if not args.skip_cold:
            one, out1 = timed(["--no-cache", "-j", "1", "pages"], work)
            print(f"cold --jobs 1: {one:7.1f} s")
            two, out2 = timed(["--no-cache", "-j", "2", "pages"], work)
            print(f"cold --jobs 2: {two:7.1f} s   speed-up {one / two:.2f}x   same output: {out1 == out2}")
        fill, out = timed(["--cache-dir", "cache", "pages"], work)
        print(f"cache filled:  {fill:7.1f} s")
        warm = []
        for _ in range(5):
            seconds, again = timed(["--cache-dir", "cache", "pages"], work)
            assert again == out, "a cached run must print what the first run printed"
            warm.append(seconds)
        print(f"warm re-run:   {min(warm):7.2f} s (best of 5; worst {max(warm):.2f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
