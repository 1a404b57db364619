"""medlint: a content-quality linter for patient-facing medical web copy.

The import name is ``lint``; the distribution and the command are ``medlint``.
Keep this module free of heavy imports: ``medlint --version`` must not import spaCy.
"""

__version__ = "0.1.0"
