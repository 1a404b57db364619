"""The pre-commit hook, run for real: ``pre-commit try-repo`` installs this repository into a
fresh environment (from PyPI) and runs the ``medlint`` hook on a sample repository.

It takes a minute or two (the hook environment installs spaCy), so it is marked ``slow``:
``pytest -m "not slow"`` leaves it out of a quick local run; CI runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from lint.documents import SUPPORTED_EXTENSIONS
from tests.conftest import ROOT

BAD = "# Thyroidectomy\n\nOur revolutionary thyroid surgery is guaranteed.\n"
GOOD = "# Thyroidectomy\n\nA thyroidectomy removes all or part of the thyroid gland in the neck.\n"
NOT_A_PAGE = 'print("the the revolutionary guaranteed")\n'


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "medlint")
    assert hook["entry"] == "medlint check --force-exclude" and hook["language"] == "python"
    # the hook passes medlint the files it lints, every name medlint itself picks in a folder, and nothing else
    # (pre-commit's types gave no .mdown or .text; its 'text' would be every text file)
    files = re.compile(hook["files"])
    for extension in SUPPORTED_EXTENSIONS:
        assert files.search(f"site/pages/thyroid{extension}") and files.search(f"PROSTATE{extension.upper()}")
    for other in ("tools.py", "notes.yaml", "page.md.bak", "page.mdx", "index.html.j2", "readme"):
        assert not files.search(other), other
    assert "types_or" not in hook and "types" not in hook
    assert hook["require_serial"] is True


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if subprocess.run(["git", "rev-parse", "--verify", "HEAD"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("this checkout has no commits for pre-commit to clone")
    sample = tmp_path / "site"
    (sample / "pages").mkdir(parents=True)
    (sample / "pages" / "thyroid-bad.md").write_text(BAD, encoding="utf-8")
    (sample / "pages" / "thyroid-good.md").write_text(GOOD, encoding="utf-8")
    (sample / "tools.py").write_text(NOT_A_PAGE, encoding="utf-8")
    _git("init", "-q", cwd=sample)
    _git("add", ".", cwd=sample)
    _git("-c", "user.name=medlint tests", "-c", "user.email=tests@medlint.invalid", "commit", "-q", "-m", "pages",
         cwd=sample)
    env = {**os.environ, "CI": "true"}
    env.pop("PYTHONPATH", None)  # the hook must run the installed copy, not this checkout
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "medlint", "--all-files"],
        cwd=sample, env=env, capture_output=True, text=True, timeout=900,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "medlint" in out and "Failed" in out
    assert "pages/thyroid-bad.md:3:5: PRM001" in out and "pages/thyroid-bad.md:3:38: PRM002" in out
    assert "thyroid-good.md" not in out and "tools.py" not in out
