"""medlint's speed side by side with proselint, in one run on the same files.

    python bench/benchmark.py                  # 260 pages, medians over 3 runs
    python bench/benchmark.py --runs 5 --pages 400
    python bench/benchmark.py --runs 1 --pages 40 --no-proselint   # a quick look

What it does:

1. Builds a corpus in a temporary folder from ``fixtures/`` (the seed pages, the
   well-edited pages and their defect variants, in .txt, .md and .html), copying
   each page under new names with a small variation until there are ``--pages``
   pages (250 or more for the figures the project quotes).
2. Installs proselint (pinned, ``PROSELINT``) into its own virtual environment
   under ``bench/.venv-proselint`` on first use, and reuses it afterwards.
3. Measures, interleaving the tools run by run so that a busy machine slows all
   of them alike (the ratios are the figures to read on a shared machine):

   * medlint's words per second on the corpus with every default rule
     (LanguageTool off), cold cache (``--no-cache`` when the CLI has a cache),
     with ``--jobs 1`` and with the default number of jobs (when ``--jobs`` exists);
   * proselint's words per second on the same files;
   * one page from a cold start (a fresh ``medlint check FILE`` process) against
     ``python -c "import spacy; spacy.blank('en')"``;
   * the same page with an empty data cache (a fresh ``MEDLINT_DATA_CACHE`` folder): a first run on a new
     machine or a CI runner that keeps nothing (``--no-empty-data-cache`` skips it);
   * a re-run on the unchanged corpus answered from the cache (when there is one);
   * peak memory: the largest resident set of one medlint process (``wait4``)
     and the peak of the whole process tree (sampled from /proc), for the
     parallel run's workers.

Every figure is a wall-clock median over ``--runs`` runs (3 or more). Words are
the words of prose medlint's readers extract from the pages (markup and code are
not words); the same count divides both tools' times. Times include each tool's
start-up, as a user would see it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROSELINT = "proselint==0.16.0"
VENV = ROOT / "bench" / ".venv-proselint"
FIXTURE_FOLDERS = ("seeds", "clean", "defects")
PAGE_EXTENSIONS = (".txt", ".md", ".html")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")

# Closing lines that make each copy of a page a different file (so a cache keyed by
# content cannot answer a copy from the original) without adding a defect.
_VARIATIONS = (
    "This page was reviewed by the editorial team.",
    "Please ask your care team if you have any questions about this page.",
    "Bring a list of your medicines to your appointment.",
    "Your hospital can give you this page in large print.",
    "Tell the nurse if you need an interpreter.",
    "This information is also available in other languages.",
    "Ask for a copy of this page to take home.",
)


# -- the corpus ------------------------------------------------------------------------
@dataclass
class Corpus:
    root: Path
    files: list[Path]
    words: int


def fixture_pages(fixtures: Path = ROOT / "fixtures") -> list[Path]:
    pages = []
    for folder in FIXTURE_FOLDERS:
        pages += sorted(p for p in (fixtures / folder).iterdir() if p.suffix in PAGE_EXTENSIONS)
    return pages


def vary(source: str, suffix: str, copy: int) -> str:
    """The page with one more closing line: copy 0 is the page itself."""
    if copy == 0:
        return source
    line = f"{_VARIATIONS[copy % len(_VARIATIONS)]} (Copy {copy}.)"
    if suffix == ".html":
        cut = source.lower().rfind("</body>")
        if cut != -1:
            return f"{source[:cut]}<p>{line}</p>\n{source[cut:]}"
        return f"{source.rstrip()}\n<p>{line}</p>\n"
    return f"{source.rstrip()}\n\n{line}\n"


def count_words(path: Path) -> int:
    """Words of prose in a page, as medlint's readers extract them."""
    from lint.documents import parse

    source = path.read_text(encoding="utf-8-sig")
    return sum(len(_WORD.findall(block.text)) for block in parse(str(path), source).blocks)


def build_corpus(dest: Path, pages: int = 260, fixtures: Path = ROOT / "fixtures") -> Corpus:
    """``pages`` distinct pages in ``dest``: the fixture pages, then varied copies of them."""
    sources = fixture_pages(fixtures)
    if not sources:
        raise SystemExit(f"no pages in {fixtures}")
    dest.mkdir(parents=True, exist_ok=True)
    files = []
    for n in range(pages):
        page = sources[n % len(sources)]
        copy = n // len(sources)
        folder = dest / f"copy{copy:02d}"
        folder.mkdir(exist_ok=True)
        target = folder / f"{page.parent.name}-{page.stem}{page.suffix}"
        target.write_text(vary(page.read_text(encoding="utf-8-sig"), page.suffix, copy), encoding="utf-8")
        files.append(target)
    return Corpus(dest, files, sum(count_words(f) for f in files))


# -- running and measuring -------------------------------------------------------------
@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the process and the children it waited for
    exit_code: int
    max_rss_kb: int  # the largest single process (the child or one it waited for)
    tree_rss_kb: int  # peak of the sum over the process tree, sampled; 0 if not measurable
    # the same with each page of memory the forked workers share with their parent counted once (the proportional
    # set size, Linux's smaps_rollup): the summed RSS above counts such a page once per process that maps it
    tree_pss_kb: int = 0


@dataclass
class Figures:
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def max_rss_mb(self) -> float:
        return max(r.max_rss_kb for r in self.runs) / 1024

    @property
    def tree_rss_mb(self) -> float:
        return max(r.tree_rss_kb for r in self.runs) / 1024

    @property
    def tree_pss_mb(self) -> float:
        return max(r.tree_pss_kb for r in self.runs) / 1024


def _proc_field_kb(path: str, field: str) -> int:
    """The KiB figure of a "Field:   123 kB" line of a /proc file, 0 when the line is not there."""
    with open(path) as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB: summed RSS and summed PSS."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            rss += _proc_field_kb(f"/proc/{p}/status", "VmRSS:")
            try:
                pss += _proc_field_kb(f"/proc/{p}/smaps_rollup", "Pss:")
            except OSError:  # (a kernel without smaps_rollup: the PSS figure stays 0, not measured)
                pass
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None, ok=(0, 1)) -> Run:
    """Run a command to completion; its wall time, exit code and memory."""
    peak = [0, 0]
    done = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample():
        while not done.wait(0.02):
            rss, pss = _tree_memory_kb(proc.pid)
            peak[0] = max(peak[0], rss)
            peak[1] = max(peak[1], pss)

    sampler = threading.Thread(target=sample, daemon=True)
    if sys.platform.startswith("linux"):
        sampler.start()
    # read stderr while waiting, so a chatty tool cannot block on a full pipe
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(map(str, cmd))}: exit {code}\n{err.decode(errors='replace')[-2000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, code, usage.ru_maxrss, peak[0], peak[1])


def medlint_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("MEDLINT_LANGUAGETOOL_URL", None)  # LanguageTool off: a pure medlint figure
    env.pop("MEDLINT_DEBUG", None)
    return env


def medlint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "lint", *args]


def medlint_options() -> set[str]:
    """The long options ``medlint check`` has (the cache and --jobs come from another change)."""
    out = subprocess.run(medlint_cmd("check", "--help"), env=medlint_env(), capture_output=True, text=True,
                         check=True).stdout
    return set(re.findall(r"(--[a-z][a-z-]*)", out))


def proselint_exe() -> Path:
    """proselint in its own virtual environment, created on first use."""
    exe = VENV / "bin" / "proselint"
    if exe.exists():
        return exe
    print(f"installing {PROSELINT} into {VENV.relative_to(ROOT)} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", PROSELINT], check=True)
    return exe


def imports_spacy(args: list[str], cwd: Path) -> bool:
    """Whether ``medlint ARGS`` imports spaCy (run in a fresh process that reports sys.modules)."""
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['medlint', *{args!r}]\n"
        "try:\n    runpy.run_module('lint', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write('\\nSPACY=%d\\n' % ('spacy' in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=cwd, env=medlint_env(), capture_output=True, text=True)
    return "SPACY=1" in out.stderr


# -- the benchmark ------------------------------------------------------------------------
def one_page(corpus: Corpus) -> Path:
    """A typical page for the cold-start figure: a well-edited Markdown page of median size."""
    candidates = sorted((f for f in corpus.files if f.name.startswith("clean-") and f.suffix == ".md"),
                        key=lambda f: f.stat().st_size)
    return candidates[len(candidates) // 2] if candidates else corpus.files[0]


def compile_bytecode() -> None:
    """Write medlint's bytecode, as ``pip install`` does for an installed package.

    In a checkout run with PYTHONDONTWRITEBYTECODE (as on the development machine)
    every start would otherwise compile medlint's modules from source, which an
    installed medlint never does, while spaCy's installed modules start compiled.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "lint"), quiet=1)


#: the light rule the pipeline floor is measured with (it reads headings, and needs the pipeline as every rule does)
FLOOR_RULE = "STR001"
FLOOR = f"medlint (default jobs), {FLOOR_RULE} only"


#: the one-page run with an empty data cache
EMPTY_DATA_CACHE = "medlint one page, empty data cache"


def benchmark(corpus: Corpus, runs: int, with_proselint: bool = True, empty_data_cache: bool = True) -> dict:
    compile_bytecode()
    env = medlint_env()
    options = medlint_options()
    has_cache = "--no-cache" in options
    has_jobs = "--jobs" in options
    cache_dir = corpus.root.parent / "medlint-cache"
    cold = ["--no-cache"] if has_cache else []
    base = ["check", "--fail-on", "never", *cold]
    target = [str(corpus.root)]
    page = one_page(corpus)
    proselint = proselint_exe() if with_proselint else None

    series: dict[str, Figures] = {}

    def measure(name: str, cmd: list[str], **kw) -> None:
        series.setdefault(name, Figures()).runs.append(run(cmd, **kw))

    # warm the OS file cache and Python's bytecode caches, untimed
    run(medlint_cmd(*base, *target), env=env)
    if proselint:
        run([str(proselint), "check", *target])
    run([sys.executable, "-c", "import spacy; spacy.blank('en')"], ok=(0,))

    for _ in range(runs):
        if has_jobs:
            measure("medlint --jobs 1", medlint_cmd(*base, "--jobs", "1", *target), env=env)
        measure("medlint (default jobs)", medlint_cmd(*base, *target), env=env)
        if "--select" in options:
            # the pages read and run through the spaCy pipeline with one light rule: how fast medlint can be
            # with any set of rules on this pipeline (start-up, reading, tokenizing)
            measure(FLOOR, medlint_cmd(*base, "--select", FLOOR_RULE, *target), env=env)
        if proselint:
            measure("proselint", [str(proselint), "check", *target])
        measure("medlint one page, cold start", medlint_cmd(*base, str(page)), env=env)
        if empty_data_cache:
            # the first run on a new machine, or a CI runner that keeps nothing: the rules' patterns compiled and
            # their facts worked out anew (the data cache a fresh folder each time)
            with tempfile.TemporaryDirectory(prefix="medlint-data-") as fresh:
                measure(EMPTY_DATA_CACHE, medlint_cmd(*base, str(page)), env={**env, "MEDLINT_DATA_CACHE": fresh})
        measure("python: import spacy; spacy.blank('en')",
                [sys.executable, "-c", "import spacy; spacy.blank('en')"], ok=(0,))
        measure("python -c pass", [sys.executable, "-c", "pass"], ok=(0,))
        measure("medlint --version", medlint_cmd("--version"), env=env, ok=(0,))

    if has_cache:
        cached = ["check", "--fail-on", "never"]
        if "--cache-dir" in options:
            cached += ["--cache-dir", str(cache_dir)]
        run(medlint_cmd(*cached, *target), cwd=corpus.root.parent, env=env)  # fills the cache
        for _ in range(runs):
            measure("medlint re-run, cache hit", medlint_cmd(*cached, *target), cwd=corpus.root.parent, env=env)

    spacy_free = {
        "medlint --version": imports_spacy(["--version"], corpus.root.parent),
        "medlint rules": imports_spacy(["rules"], corpus.root.parent),
    }
    if has_cache:
        args = ["check", "--fail-on", "never", *(["--cache-dir", str(cache_dir)] if "--cache-dir" in options else []),
                str(corpus.root)]
        spacy_free["medlint check (cache hit)"] = imports_spacy(args, corpus.root.parent)
    return {
        "series": series, "has_cache": has_cache, "has_jobs": has_jobs, "page": page,
        "page_words": count_words(page), "imports_spacy": spacy_free,
    }


def report(corpus: Corpus, result: dict, runs: int, load_before, load_after) -> str:
    s: dict[str, Figures] = result["series"]
    words = corpus.words
    lines = [
        f"corpus: {len(corpus.files)} pages, {words:,} words of prose "
        f"({sum(f.stat().st_size for f in corpus.files) / 1024:.0f} KiB); medians over {runs} run(s)",
        f"machine: {os.cpu_count()} cores; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after",
        "",
        f"{'':<44}{'seconds':>9}{'words/s':>10}{'CPU s':>8}{'max RSS':>10}{'tree RSS':>10}",
    ]

    def row(name: str, per_words: bool = True) -> None:
        f = s.get(name)
        if f is None:
            lines.append(f"{name:<44}{'not available':>19}")
            return
        wps = f"{words / f.seconds:,.0f}" if per_words else ""
        lines.append(f"{name:<44}{f.seconds:>9.3f}{wps:>10}{f.cpu_seconds:>8.2f}{f.max_rss_mb:>8.0f}MB"
                     f"{f.tree_rss_mb:>8.0f}MB")

    row("medlint --jobs 1")
    row("medlint (default jobs)")
    row(FLOOR)
    row("proselint")
    row("medlint re-run, cache hit")
    row("medlint one page, cold start", per_words=False)
    if EMPTY_DATA_CACHE in s:
        row(EMPTY_DATA_CACHE, per_words=False)
    row("python: import spacy; spacy.blank('en')", per_words=False)
    row("python -c pass", per_words=False)
    row("medlint --version", per_words=False)
    lines.append("")
    if not result["has_jobs"]:
        lines.append("--jobs: not available in this medlint (one process)")
    if not result["has_cache"]:
        lines.append("cache: not available in this medlint (no --no-cache option); the cache-hit re-run is not measured")

    def ratio(label: str, a: str, b: str, target: str, invert: bool = False) -> None:
        """The wall-clock ratio (the target's measure) and the CPU-time one (steadier on a shared machine)."""
        if a in s and b in s:
            wall = s[a].seconds / s[b].seconds
            cpu = s[a].cpu_seconds / s[b].cpu_seconds
            if invert:
                wall, cpu = 1 / wall, 1 / cpu
            lines.append(f"{label:<52}{wall:>6.2f}x   (target {target}; by CPU time {cpu:.2f}x)")

    ratio("medlint/proselint words per second, --jobs 1", "medlint --jobs 1", "proselint", ">= 2x", invert=True)
    ratio("medlint/proselint words per second, default jobs", "medlint (default jobs)", "proselint", ">= 2x",
          invert=True)
    ratio(f"the same with {FLOOR_RULE} only (the pipeline's floor)", FLOOR, "proselint", "none; the ceiling",
          invert=True)
    ratio("one-page cold start / bare spaCy start-up", "medlint one page, cold start",
          "python: import spacy; spacy.blank('en')", "<= 1.3x")
    if "medlint re-run, cache hit" in s:
        lines.append(f"{'cache-hit re-run of the corpus':<52}{s['medlint re-run, cache hit'].seconds:>6.2f}s   "
                     f"(target < 0.5 s for 250 pages)")
    peak = max((s[n].max_rss_mb for n in s if n.startswith("medlint")), default=0)
    tree = max((s[n].tree_rss_mb for n in s if n.startswith("medlint")), default=0)
    lines.append(f"{'peak memory, largest medlint process':<52}{peak:>6.0f}MB  (target < 500 MB)")
    if tree:
        lines.append(f"{'peak memory, medlint process tree (all workers)':<52}{tree:>6.0f}MB  (RSS summed: a page "
                     "the workers share with the parent counted in each)")
    tree_pss = max((s[n].tree_pss_mb for n in s if n.startswith("medlint")), default=0)
    if tree_pss:
        lines.append(f"{'  the same, each shared page counted once (PSS)':<52}{tree_pss:>6.0f}MB")
    for what, imported in result["imports_spacy"].items():
        lines.append(f"{what + ' imports spaCy:':<52}{'yes' if imported else 'no':>6}")
    lines.append(f"one page: {result['page'].name} ({result['page_words']} words)")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is reported (default 3)")
    parser.add_argument("--pages", type=int, default=260, help="pages in the corpus (default 260)")
    parser.add_argument("--no-proselint", action="store_true", help="skip proselint (no install)")
    parser.add_argument("--no-empty-data-cache", action="store_true",
                        help="skip the one-page run with an empty data cache (some 13 s a run)")
    parser.add_argument("--keep", type=Path, help="build the corpus in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.pages < 1:
        parser.error("--runs and --pages must be at least 1")
    sys.path.insert(0, str(ROOT))

    work = Path(tempfile.mkdtemp(prefix="medlint-bench-"))
    try:
        corpus = build_corpus((args.keep or work) / "corpus", args.pages)
        load_before = os.getloadavg()
        result = benchmark(corpus, args.runs, with_proselint=not args.no_proselint,
                           empty_data_cache=not args.no_empty_data_cache)
        load_after = os.getloadavg()
        print(report(corpus, result, args.runs, load_before, load_after))
        if args.json:
            args.json.write_text(json.dumps({
                "pages": len(corpus.files), "words": corpus.words, "runs": args.runs,
                "load": [load_before[0], load_after[0]],
                "seconds": {n: f.seconds for n, f in result["series"].items()},
                "cpu_seconds": {n: f.cpu_seconds for n, f in result["series"].items()},
                "max_rss_mb": {n: f.max_rss_mb for n, f in result["series"].items()},
                "tree_rss_mb": {n: f.tree_rss_mb for n, f in result["series"].items()},
                "tree_pss_mb": {n: f.tree_pss_mb for n, f in result["series"].items()},
                "imports_spacy": result["imports_spacy"],
            }, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
