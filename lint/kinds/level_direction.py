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
                               r"|is\s+the\s+medical\s+name\s+for|is\s+the\s+medical\s+term\s+for)\s+"
                               # (or after a comma: "hypoparathyroidism, a condition in which the glands make too much")
                               r"|,\s+(?:a\s+condition\s+(?:in\s+which|where)|which\s+means)\s+")
_NAMING_BEFORE = compile_builtin(r"(?i)\s*,?\s*(?:also\s+|sometimes\s+|often\s+)?(?:called|known\s+as|named"
                                 r"|known\s+medically\s+as|medically\s+known\s+as)\s*$")

#: between a treatment and the word that says what it treats: "Thyroidectomy |is one of the main| treatments for", "Insulin
#: |is usually given| to treat" (words of a sentence about the treatment, no other noun that could be the subject)
_TREATMENT_GAP = (r"(?:\s+(?:is|are|was|were|can|could|may|might|will|would|be|been|often|usually|sometimes|also|mainly"
                  r"|mostly|commonly|widely|still|the|a|an|one|of|main|first|best|most|common|usual|standard|only|effective"
                  r"|safe|good|way|ways|option|options|operation|surgery|procedure|treatment|medicine|drug|tablets?"
                  r"|injections?|used|given|offered|recommended|helps?|works?|choice|therapy|as)){0,8}?")
#: what says the treatment is for a level: "to treat", "a treatment for", "cures", "prevents"
_TREATS = (r"\s+(?:(?:to\s+)?(?:treat|cure|prevent|avoid|correct|reverse|stop)|treats|treated|treating|cures|cured"
           r"|prevents|corrects|reverses|stops|treatments|prevention)(?:\s+(?:for|of))?")
#: between that and the term: "to treat |severe| hypoglycaemia", "a treatment for |people with| hyperthyroidism"
_TERM_GAP = (r"(?:\s+(?:an?|the|your|their|this|mild|moderate|severe|primary|secondary|persistent|chronic|acute|sudden"
             r"|(?:symptoms|episodes?|attacks?|bouts?)\s+of|(?:people|patients|someone|those|adults|children|men|women)"
             r"\s+with)){0,3}")
#: "for" and the term, with at most an article or an adjective between: "thyroidectomy for hypothyroidism"
_FOR = r"\s+for(?:\s+(?:an?|the|your|mild|moderate|severe|primary|secondary|persistent|chronic|acute))?"
#: what the page is about standing as the subject: "This operation treats ...", "The procedure is used to treat ..."
#: (not "It": after "Your doctor may prescribe levothyroxine." it is the medicine, not the page's operation)
_TOPIC_SUBJECT = (r"(?:^|(?<=[.!?])\s+)(?:this|the)\s+(?:operation|procedure|surgery|treatment|medicine|drug|tablets?"
                  r"|injections?)")
#: "hypoglycaemia is treated with glucose tablets"
_TREATED_WITH = (r"\s+(?:is|are|can\s+be|may\s+be|is\s+usually|is\s+often|are\s+usually|are\s+often)\s+"
                 r"(?:treated|cured|prevented|corrected|reversed|managed)\s+(?:with|by|using)(?:\s+(?:an?|the|your"
                 r"|a\s+course\s+of|an\s+operation\s+called))?\s+")


def _normal(words: str) -> str:
    """Words as a table looks them up: in lower case, one space between them."""
    return " ".join(words.lower().split())


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
        # each: 'endings' (of a root above), and the treatments that 'lower' or 'raise' that level. One that lowers it
        # treats a level too high ("thyroidectomy for hyperthyroidism"), never one too low, and one that raises it the
        # other way round: "Thyroidectomy treats hypothyroidism", "insulin to treat hypoglycaemia" are reported
        "treatments": (list, []),
        "treatment_message": (str, "'{text}': {treatment} {moves} {of}, so it treats {of} that is too {needs}, "
                                   "not '{term}'."),
    }
    list_items = {"roots": dict, "treatments": dict}

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
        # a term: its prefix and its root's ending
        term = (r"(?P<prefix>" + "|".join(map(re.escape, sorted(self.prefixes, key=len, reverse=True))) + r")(?P<ending>"
                + phrases(endings_to_root) + r")(?![\w-])")
        self.term = compile_builtin(r"(?i)(?<![\w-])" + term)
        self._treatments_setup(endings_to_root, term)

    def _treatments_setup(self, endings_to_root: dict, term: str) -> None:
        self.check_template("treatment_message", {"text", "treatment", "moves", "of", "needs", "term"})
        self.moves: dict[str, dict[int, str]] = {}  # a treatment in lower case -> {a root's index: the way it moves it}
        for n, entry in enumerate(self.opts["treatments"], 1):
            known = set(entry) <= {"endings", "lower", "raise"} and isinstance(entry.get("endings"), list) \
                and entry["endings"] and all(isinstance(x, str) and x.lower() in endings_to_root for x in entry["endings"])
            lists = [entry.get(side, []) for side in ("lower", "raise")]
            if not known or not any(lists) or not all(isinstance(words, list) and all(isinstance(w, str) and w.strip()
                                                                                       for w in words) for words in lists):
                raise self.error(f"treatments: entry {n} needs 'endings' (endings of the roots above) and 'lower' or "
                                 f"'raise' (lists of words), and nothing else")
            roots = {endings_to_root[x.lower()] for x in entry["endings"]}
            for side, direction in (("lower", "low"), ("raise", "high")):
                for word in entry.get(side, []):
                    for root in roots:
                        self.moves.setdefault(_normal(word), {})[root] = direction
        if not self.moves:
            self.treated = None
            return
        treatment = r"(?<![\w-])(?P<treatment>" + phrases(self.moves) + r")(?![\w-])"
        treats = f"(?:{_TREATS}{_TERM_GAP}|{_FOR})\\s+"
        # the treatment, then what it treats; what is treated, then the treatment
        self.treated = compile_builtin(f"(?i){treatment}{_TREATMENT_GAP}{treats}{term}")
        self.treated_with = compile_builtin(f"(?i)(?<![\\w-]){term}{_TREATED_WITH}{treatment}")
        self.topic_treated = compile_builtin(f"(?i){_TOPIC_SUBJECT}{_TREATMENT_GAP}{treats}{term}")
        self.treatment_words = compile_builtin(f"(?i){treatment}")

    def check(self, page):
        topic = self._topic_treatment(page)
        for unit in self.units(page):
            text = unit.block.text
            judged = set()  # the terms reported for their explanation: one finding for a term
            for m in self.term.finditer(text):
                hit = self._judge(unit, text, m)
                if hit is not None:
                    judged.add(m.start())
                    yield hit
            if self.treated is not None and self.term.search(text) is not None:
                yield from self._wrong_treatments(unit, text, topic, judged)

    def _topic_treatment(self, page):
        """The treatment the page's title names (the one "This operation" stands for), or None: none, or two that move
        levels apart."""
        if self.treated is None:
            return None
        named = {_normal(m.group("treatment")): m.group("treatment")
                 for u in page.units if u.block.scope == "title" or u.block.scope == "heading" and u.block.level <= 1
                 for m in self.treatment_words.finditer(u.block.text)}
        moves = {tuple(sorted(self.moves[k].items())) for k in named}
        return next(iter(named.values())) if len(moves) == 1 else None

    def _wrong_treatments(self, unit, text: str, topic, judged: set):
        found = [(m, m.group("treatment")) for pattern in (self.treated, self.treated_with) for m in pattern.finditer(text)]
        if topic is not None:
            # (not after a sentence that names a treatment: "Your doctor may also prescribe carbimazole. The medicine
            # treats ..." is about carbimazole)
            found += [(m, topic) for m in self.topic_treated.finditer(text)
                      if self.treatment_words.search(text, max(0, m.start() - 200), m.start()) is None]
        for m, treatment in found:
            root = self.root_of_ending[_normal(m.group("ending"))]
            direction = self.moves[_normal(treatment)].get(root)
            # (a treatment that moves the level one way treats it gone the other way; a negation turns the sentence)
            if direction != self.prefixes[m.group("prefix").lower()] or m.start("prefix") in judged \
                    or _NEGATION.search(text, m.start(), m.end()):
                continue
            # (another treatment named beside it that moves the level the other way may be what treats it: "insulin
            # and dextrose to treat hyperglycaemia")
            if any(self.moves[_normal(t.group("treatment"))].get(root, direction) != direction
                   for t in self.treatment_words.finditer(text, max(0, m.start() - 60), m.end())):
                continue
            needs = "high" if direction == "low" else "low"
            start = m.start() + len(m.group()) - len(m.group().lstrip())  # (a topic's sentence: after its space)
            yield self.hit(unit, start, m.end(), message=self.opts["treatment_message"], treatment=treatment,
                           moves="lowers" if direction == "low" else "raises", of=self.roots[root][0], needs=needs,
                           term=m.group("prefix") + m.group("ending"))

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
        direction = self.prefixes[m.group("prefix").lower()]
        of, own_words = self.roots[self.root_of_ending[_normal(m.group("ending"))]]
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

