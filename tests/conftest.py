from __future__ import annotations

from pathlib import Path

import os

import pytest

# In the test suite a failing rule raises instead of becoming a warning.
os.environ.setdefault("MEDLINT_DEBUG", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-expected", action="store_true", default=False,
                     help="Rewrite the fixtures' .expected snapshot files from medlint's current output.")


@pytest.fixture(scope="session")
def update_expected(request) -> bool:
    return request.config.getoption("--update-expected")


@pytest.fixture(scope="session")
def linter():
    """Every rule, including those off by default, with default settings."""
    from lint.config import Settings
    from lint.engine import Linter

    return Linter(Settings(select=["ALL"]))


@pytest.fixture(scope="session")
def default_linter():
    from lint.config import Settings
    from lint.engine import Linter

    return Linter(Settings())
