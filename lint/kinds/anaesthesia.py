"""An anaesthetic that cannot numb the part of the body the page's operation is on: "a spinal block" for a hand
operation, "an epidural" for a rotator cuff repair, "spinal anesthesia" for a parathyroidectomy."""

from __future__ import annotations

import re

from lint.kinds.base import Kind
from lint.matching import compile_builtin

#: words in the clause before the anaesthetic that say it is not the one used: "instead of a spinal anaesthetic",
#: "you will not need an epidural", "unlike a spinal block"
_NOT_USED_BEFORE = compile_builtin(
    r"(?i)\b(?:not|never|no|nor|instead\s+of|rather\s+than|unlike|without|except|neither|don['’]t|doesn['’]t|won['’]t"
    r"|isn['’]t|aren['’]t|cannot|can['’]t)\b[^.;:!?]*$")
#: how far back the clause before is read
_CLAUSE_REACH = 80


class AnaestheticRegion(Kind):
    """A spinal or epidural anaesthetic given for an operation on a part of the body it does not numb.

    A spinal or an epidural numbs the body from the chest or the waist down, so it is no anaesthetic for an operation
    on the hand, the shoulder, the neck or the head; a page that names one for such an operation has mixed up its
    anaesthetics (those operations are done under a general anaesthetic or a nerve block). Only a page whose topic
    procedures all lie in the regions an anaesthetic cannot reach is judged, and only a mention that does not say it
    is not used ("instead of a spinal anaesthetic")."""

    name = "anaesthetic-region"
    options = {
        # each: 'names' (how pages name it), 'numbs' (where it works, as the message says it), and 'cannot_reach'
        # (regions of the knowledge base, with every region inside them, that it never numbs)
        "anaesthetics": (list, Kind.REQUIRED),
    }
    list_items = {"anaesthetics": dict}

    def setup(self):
        self.anaesthetics = []
        for n, entry in enumerate(self.opts["anaesthetics"], 1):
            if not isinstance(entry, dict) or set(entry) != {"names", "numbs", "cannot_reach"} \
                    or not isinstance(entry["names"], list) or not entry["names"] \
                    or not all(isinstance(x, str) and x.strip() for x in entry["names"]) \
                    or not isinstance(entry["numbs"], str) or not isinstance(entry["cannot_reach"], list) \
                    or not entry["cannot_reach"]:
                raise self.error(f"anaesthetics: entry {n} needs 'names' (a list of words), 'numbs' (a text) and "
                                 f"'cannot_reach' (a list of regions), and nothing else")
            unknown = [r for r in entry["cannot_reach"] if self.kb is not None and r not in self.kb.regions]
            if unknown:
                raise self.error(f"anaesthetics: entry {n} names unknown region(s) {', '.join(map(str, unknown))}")
            self.anaesthetics.append((self._pattern(entry["names"]), entry["numbs"], frozenset(entry["cannot_reach"])))

    @staticmethod
    def _pattern(names: list[str]):
        """One pattern for the names, longest first; a name given with its article ("an epidural") needs the article
        before it, but the finding starts after it, as it does for the others ("under a |spinal anaesthetic|")."""
        alternatives = []
        for name in sorted({x.strip().lower() for x in names}, key=lambda w: (-len(w), w)):
            words = name.split()
            if len(words) > 1 and words[0] in ("a", "an", "the"):
                alternatives.append(rf"(?<=\b{words[0]}\s)" + r"\s+".join(map(re.escape, words[1:])))
            else:
                alternatives.append(r"\s+".join(map(re.escape, words)))
        return compile_builtin(r"(?i)(?<![\w-])(?:" + "|".join(alternatives)
                               + r")(?![\w-])(?!\s+(?:steroid|injections?|space|abscess|haematoma|hematoma)\b)")

    def _unreached(self, procedure_id: str, cannot_reach: frozenset) -> str | None:
        """The region of the procedure the anaesthetic cannot reach, when it can reach none of them; else None."""
        regions = self.kb.procedures[procedure_id].regions
        if regions and all(not cannot_reach.isdisjoint(self.kb.ancestors(r)) for r in regions):
            return self.kb.regions[regions[0]].name or regions[0]
        return None

    def check(self, page):
        if self.kb is None or not page.topic_procedures:
            return
        # (the anaesthetics that can serve none of the page's operations, each with the first operation and its region)
        judged = []
        for pattern, numbs, cannot_reach in self.anaesthetics:
            unreached = [(p, self._unreached(p, cannot_reach)) for p in page.topic_procedures]
            if all(region for _, region in unreached):
                procedure, region = unreached[0]
                judged.append((pattern, numbs, region, self.kb.procedures[procedure].name))
        if not judged:
            return
        for unit in self.units(page):
            text = unit.block.text
            for pattern, numbs, region, procedure in judged:
                for m in pattern.finditer(text):
                    if not _NOT_USED_BEFORE.search(text, max(0, m.start() - _CLAUSE_REACH), m.start()):
                        yield self.hit(unit, m.start(), m.end(), numbs=numbs, region=region, procedure=procedure)
