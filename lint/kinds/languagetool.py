"""Grammar and spelling from a LanguageTool server, when one is configured.

Runs only when ``[tool.medlint.languagetool] url`` or ``MEDLINT_LANGUAGETOOL_URL``
is set; otherwise nothing is tried and nothing is printed. Each page is sent
once (in batches) whichever LanguageTool rules are selected, and each rule keeps
the matches of its own LanguageTool categories. Words the knowledge base or the
site's vocabulary (``accept``) knows are never reported. A server that is down,
slow or answers nonsense gives one warning line for the run, and medlint goes
on without it.
"""

from __future__ import annotations

import re

from lint.kinds.base import Kind
from lint.languagetool import DEFAULT_BATCH, DEFAULT_TIMEOUT, LanguageToolClient, LanguageToolError, url_problem

#: per linter run (keyed by its warnings list) and server: the client, or None once it failed
_STATE: dict[tuple[int, str], LanguageToolClient | None] = {}
_PAGE_KEY = "_languagetool_matches"


class LanguageTool(Kind):
    name = "languagetool"
    page_level = True
    options = {
        # LanguageTool category ids this rule reports ("GRAMMAR", "TYPOS"...); empty: all not claimed by `exclude`
        "categories": (list, list),
        "exclude_categories": (list, list),
        # LanguageTool issue types this rule reports ("misspelling"); empty: any
        "issue_types": (list, list),
        "exclude_issue_types": (list, list),
    }

    def setup(self):
        self.url = self.settings.languagetool_url()
        self.categories = {c.upper() for c in self.opts["categories"]}
        self.exclude = {c.upper() for c in self.opts["exclude_categories"]}
        self.issue_types = {t.lower() for t in self.opts["issue_types"]}
        self.exclude_types = {t.lower() for t in self.opts["exclude_issue_types"]}
        if not self.url:
            return
        problem = url_problem(self.url)
        if problem is not None:  # (one in the config file is exit 2; this one came from MEDLINT_LANGUAGETOOL_URL)
            self.warn(f"LanguageTool URL {self.url!r} is {problem}; its grammar and spelling checks were skipped.")
            self.url = None
            return
        known = {w.lower() for _, _, phrase in self.kb.lexicon() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", phrase)}
        known.update(w.lower() for w in self.settings.accept)
        self.known = known

    def _client(self) -> LanguageToolClient | None:
        key = (id(self._warnings), self.url)
        if key not in _STATE:
            lt = self.settings.languagetool
            _STATE[key] = LanguageToolClient(
                self.url, language=lt.get("language", "en-GB"), timeout=float(lt.get("timeout", DEFAULT_TIMEOUT)),
                batch_size=int(lt.get("batch-size", DEFAULT_BATCH)), disabled_rules=tuple(lt.get("disabled-rules", ())),
            )
        return _STATE[key]

    def _matches(self, page, units):
        """The page's matches, fetched once for all LanguageTool rules."""
        cached = page.__dict__.get(_PAGE_KEY)
        if cached is not None:
            return cached
        client = self._client()
        matches = []
        if client is not None:
            try:
                matches = client.check([u.block.text for u in units])
            except LanguageToolError as exc:
                _STATE[(id(self._warnings), self.url)] = None  # do not wait on a dead server for every file
                self.warn(f"LanguageTool at {self.url} could not be used ({exc}); "
                          "its grammar and spelling checks were skipped.")
        page.__dict__[_PAGE_KEY] = (units, matches)
        return units, matches

    def _mine(self, match) -> bool:
        category, issue = match.category_id.upper(), match.issue_type.lower()
        if self.categories and category not in self.categories:
            return False
        if self.issue_types and issue not in self.issue_types and category not in self.categories:
            return False
        return category not in self.exclude and issue not in self.exclude_types

    def check(self, page):
        if not self.url:
            return
        units = [u for u in page.units if u.block.scope in self.rule.scope]
        units, matches = self._matches(page, units)
        for m in matches:
            if not self._mine(m):
                continue
            unit = units[m.block_index]
            text = unit.block.text[m.start:m.end]
            if text.lower() in self.known or all(w.lower() in self.known for w in re.findall(r"[A-Za-z'-]+", text) if w):
                if re.search(r"[A-Za-z]", text):
                    continue
            yield self.hit(unit, m.start, m.end, suggestions=m.replacements, lt_message=m.message.rstrip("."),
                           lt_rule=m.rule_id)
