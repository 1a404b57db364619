"""A "hypo-" or "hyper-" term explained the wrong way round: "when your glucose is too high (hypoglycaemia)",
"hyperkalaemia (a low phosphate level)", "low testosterone, also called hypothyroidism".

The word itself says which way a level has gone and of what: "hypo-" is too low, "hyper-" too high, and its root
names the thing ("-glycaemia" blood sugar, "-kalaemia" potassium, "-thyroidism" the thyroid). So a page that explains
the word beside it, in brackets, with "also called" or with "means", can be checked against the word, whichever term
it uses and whatever the page is about: no list of conditions is needed, only the prefixes and the roots."""

from __future__ import annotations

import re

from lint.kinds._explanation import clause_end, clause_start, phrases, span
from lint.kinds.base import Kind
from lint.matching import compile_builtin

#: a negation inside an explanation turns its direction ("not high enough"): such an explanation is not judged
_NEGATION = compile_builtin(r"(?i)\b(?:not|no|never|nor|without)\b|n['’]t\b")
#: the words that put an explanation after a term ("hypoglycaemia means ...") or before it ("..., also called")
#: (not "or": "hypoglycaemia or a high temperature" lists two things)
_NAMING_AFTER = compile_builtin(r"(?i)\s*,?\s*(?:also\s+|sometimes\s+|often\s+)?(?:called|known\s+as)\s+")
_MEANS_AFTER = compile_builtin(r"(?i)\s+(?:means|is\s+when|happens\s+when|is\s+a\s+condition\s+(?:in\s+which|where)"
                               r"|is\s+the\s+medical\s+name\s+for|is\s+the\s+medical\s+term\s+for)\s+")
_NAMING_BEFORE = compile_builtin(r"(?i)\s*,?\s*(?:also\s+|sometimes\s+|often\s+)?(?:called|known\s+as|named"
                                 r"|known\s+medically\s+as|medically\s+known\s+as)\s*$")



class LevelDirection(Kind):
    """A level's term ("hypo-" or "hyper-" and a root) beside words that say the other direction or another thing.

    The explanation is the bracket after the term, the clause before a bracketed term, the words after "also called",
    "known as" or "means", or the words before "also called" and the term. Of the words that say a direction in it,
    the nearest to the term counts ("too much insulin can make your blood sugar fall (hypoglycaemia)": "fall"). An
    explanation that names another root's thing and none of the term's own is reported too."""

    name = "level-direction"
    options = {
        # direction -> {'prefix': "hypo" or "hyper", 'says': how the message says it, 'words': what says it in a page}
        "directions": (dict, Kind.REQUIRED),
        # each: 'endings' (the root with its ending, after the prefix: "glycaemia", "glycemia"), 'of' (what the level
        # is of, as the message says it) and 'words' (the words that name that thing in a page)
        "roots": (list, Kind.REQUIRED),
        "other_message": (str, "'{text}': '{term}' is about {of}, but the words beside it speak of '{said}'."),
    }
    list_items = {"roots": dict}

    def setup(self):
        directions = self.opts["directions"]
        if set(directions) != {"low", "high"} or not all(
                isinstance(d, dict) and set(d) == {"prefix", "says", "words"} and isinstance(d["prefix"], str)
                and isinstance(d["says"], str) and isinstance(d["words"], list) and d["words"]
                and all(isinstance(w, str) and w.strip() for w in d["words"]) for d in directions.values()):
            raise self.error("directions: give 'low' and 'high', each with 'prefix', 'says' and 'words' (a list) only")
        self.check_template("other_message", {"text", "term", "of", "said"})
        self.prefixes = {directions[d]["prefix"].lower(): d for d in ("low", "high")}
        self.says = {d: directions[d]["says"] for d in ("low", "high")}
        self.direction_words = {d: compile_builtin(r"(?i)(?<![\w-])(?:" + phrases(w.lower() for w in directions[d]["words"])
                                                   + r")(?![\w-])") for d in ("low", "high")}
        self.roots = []  # (endings, of, words pattern)
        endings_to_root = {}
        for n, entry in enumerate(self.opts["roots"], 1):
            if not isinstance(entry, dict) or set(entry) != {"endings", "of", "words"} \
                    or not isinstance(entry["endings"], list) or not entry["endings"] or not isinstance(entry["of"], str) \
                    or not isinstance(entry["words"], list) or not entry["words"] \
                    or not all(isinstance(x, str) and x.strip() for x in entry["endings"] + entry["words"]):
                raise self.error(f"roots: entry {n} needs 'endings' and 'words' (lists of words) and 'of' (a text), "
                                 f"and nothing else")
            words = compile_builtin(r"(?i)(?<![\w-])(?:" + phrases(w.lower() for w in entry["words"]) + r")(?![\w-])")
            for ending in entry["endings"]:
                endings_to_root[ending.lower()] = len(self.roots)
            self.roots.append((entry["of"], words))
        self.root_of_ending = endings_to_root
        self.term = compile_builtin(r"(?i)(?<![\w-])(" + "|".join(map(re.escape, sorted(self.prefixes, key=len, reverse=True)))
                                    + r")(" + phrases(endings_to_root) + r")(?![\w-])")

    def check(self, page):
        for unit in self.units(page):
            text = unit.block.text
            for m in self.term.finditer(text):
                hit = self._judge(unit, text, m)
                if hit is not None:
                    yield hit

    def _explanations(self, text: str, s: int, e: int):
        """(start, end, after) of each stretch that explains the term at s..e, nearest first; ``after`` says whether
        it follows the term."""
        rest = text[e:]
        if rest.lstrip().startswith("("):
            open_at = e + rest.index("(")
            close = text.find(")", open_at)
            if close > open_at:
                yield open_at + 1, close, True
                return
        for pattern in (_MEANS_AFTER, _NAMING_AFTER):
            after = pattern.match(text, e)
            if after is not None:
                yield after.end(), clause_end(text, after.end()), True
                return
        before = text[:s]
        if before.rstrip().endswith("(") and text[e:].lstrip().startswith(")"):
            opened = before.rstrip()
            yield clause_start(text, len(opened) - 1), len(opened) - 1, False
            return
        named = _NAMING_BEFORE.search(before)
        if named is not None:
            yield clause_start(text, named.start()), named.start(), False



    def _judge(self, unit, text: str, m):
        direction = self.prefixes[m.group(1).lower()]
        of, own_words = self.roots[self.root_of_ending[re.sub(r"\s+", " ", m.group(2).lower())]]
        for start, end, after in self._explanations(text, m.start(), m.end()):
            if _NEGATION.search(text, start, end):
                continue
            said = []  # (distance from the term, direction, match)
            for d, pattern in self.direction_words.items():
                for w in pattern.finditer(text, start, end):
                    said.append((w.start() - m.end() if after else m.start() - w.end(), d, w))
            if said:
                _, d, w = min(said, key=lambda x: x[0])
                if d != direction:
                    s, e = span(text, m, w)
                    return self.hit(unit, s, e, term=m.group(0), means=self.says[direction], of=of, said=w.group(0))
            if own_words.search(text, start, end) is None:
                other = None
                for other_of, words in self.roots:
                    if words is own_words:
                        continue
                    found = words.search(text, start, end)
                    if found is not None:
                        other = found
                        break
                if other is not None:
                    s, e = span(text, m, other)
                    return self.hit(unit, s, e, message=self.opts["other_message"], term=m.group(0), of=of,
                                    said=other.group(0))
        return None

