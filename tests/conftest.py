from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

# In the test suite a failing rule raises instead of becoming a warning.
os.environ.setdefault("MEDLINT_DEBUG", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

# Property tests run the same generated cases on every run (derandomized: seeded from each
# test's own code), so CI is deterministic and a failure reproduces on any machine; with
# derandomize there is no example database. HYPOTHESIS_PROFILE=explore draws fresh random
# cases instead (for fuzzing locally); the number of cases is set per test, so both profiles
# run as many. What hypothesis still keeps (its Unicode tables, a failing case's patch) goes
# to the repository's git-ignored .hypothesis/, wherever pytest is started from.
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(ROOT / ".hypothesis")
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("explore", settings.get_profile("ci"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
