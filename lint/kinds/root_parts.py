"""A word built from a Greek or Latin root explained as another part of the body: "swelling around the ear
(periorbital cellulitis)", "a nephrectomy (removal of the liver)", "hepatitis, also called inflammation of the
kidneys", "a colonoscopy means a camera looks into your stomach".

The word itself names its part: "orbit-" the eye, "nephr-" the kidney, "hepat-" the liver, and its ending ("-itis",
"-ectomy", "-oscopy"...) makes it a term about that part. So a page that explains the word beside it, in brackets,
with "also called" or with "means", can be checked against the word whatever the page is about: no list of
operations or conditions is needed, only the roots, the endings and the plain words for each part."""

from __future__ import annotations

import re

from lint.kinds._explanation import clause_end, clause_start, phrases, span
from lint.kinds.base import Kind
from lint.matching import compile_builtin

#: a bracket holding the term is read as naming the clause before it when it holds at most this many words
#: ("the armpit (the inguinal region)"); a longer one is a sentence of its own
_BRACKET_WORDS = 4
#: a negation inside an explanation ("not the kidney") says what the term is not: such an explanation is not judged
_NEGATION = compile_builtin(r"(?i)\b(?:not|no|never|nor|without|rather\s+than|instead\s+of)\b|n['’]t\b")
#: the words that put an explanation after a term ("nephrectomy means ...") or before it ("..., also called")
#: (not "or": "hepatitis or a kidney infection" lists two things)
_NAMING_AFTER = compile_builtin(r"(?i)\s*,?\s*(?:(?:also\s+|sometimes\s+|often\s+|otherwise\s+)?(?:called|known\s+as"
                                r"|referred\s+to\s+as)|i\.\s?e\.,?|in\s+other\s+words,?)\s+")
_MEANS_AFTER = compile_builtin(r"(?i)(?:\s*,?\s+(?:which|this|that))?\s+(?:means|is\s+when|happens\s+when"
                               r"|is\s+a\s+condition\s+(?:in\s+which|where)|is\s+the\s+medical\s+name\s+for"
                               r"|is\s+the\s+medical\s+term\s+for)\s+")
#: "a nephrectomy means you stay in hospital for a week": "means" followed by a person or a thing the page speaks of
#: says what follows from the term, not what it is, and names parts of the body for other reasons
_CONSEQUENCE = compile_builtin(r"(?i)(?:you|your|we|they|it|there|that|this|he|she|most|some|many|the\s+operation"
                               r"|the\s+surgeon)\b")
_NAMING_BEFORE = compile_builtin(r"(?i)\s*,?\s*(?:also\s+|sometimes\s+|often\s+|otherwise\s+)?(?:called|known\s+as"
                                 r"|named|known\s+medically\s+as|medically\s+known\s+as|referred\s+to\s+as"
                                 r"|i\.\s?e\.,?)(?:\s+(?:an?|the))?\s*$")
#: a word of a term's name after it, before its explanation: "otitis media (...)", "an inguinal hernia (...)",
#: "orbital cellulitis, an infection of ..." (not a word that joins or places another thing: "a colonoscopy or a CT
#: scan (...)")
_NAME_GOES_ON = compile_builtin(r"(?i)\s+(?!(?:and|or|but|with|to|of|for|in|on|at|after|before|is|are|was|were|a|an"
                                r"|the|your|you|which|that|may|can|will|also|known|called|means)\b)[a-z]+(?![\w-])")
#: how many words of a term's name may follow it
_NAME_WORDS = 2
#: a scope's or a test's aim after it, or what a condition affects: "a colonoscopy to look at your stomach", "a
#: cystoscopy, which looks inside your bladder", "conjunctivitis, which affects the lining of your eardrums"
_LOOKS_AFTER = compile_builtin(r"(?i)\s*,?\s+(?:(?:is\s+)?used\s+)?(?:(?:to\s+look|which\s+looks|that\s+looks)"
                               r"\s+(?:at|into|inside|in)|to\s+(?:check|examine|see\s+inside)"
                               r"|(?:which|that)\s+affects)\s+")
#: an apposition or a predicate that says what the term is: "a colonoscopy, an examination of the stomach", "... also
#: called a colectomy, is an operation to remove the appendix" (not any noun after a comma: "after your nephrectomy,
#: the nurse ...")
_APPOSITION_AFTER = compile_builtin(r"(?i)\s*,\s+(?:(?:which\s+)?is\s+)?(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}?"
                                    r"(?:examination|test|look|operation|procedure|surgery|removal|inflammation"
                                    r"|infection|camera\s+test)"
                                    r"\s+(?:of|to|on|in|into|inside|that|which|where)\s+")
#: where the explanation after "also called" or "means" ends: the comma that closes an aside ("hepatitis, also called
#: inflammation of the liver, has many causes")
_ASIDE_END = compile_builtin(r"[,.;:!?()\[\]]")
#: what may join two roots of one word: a linking vowel and a hyphen ("salpingo-oophorectomy")
_LINK = compile_builtin(r"[oi]?-?")



def _tree(words) -> str:
    """One pattern for the words, as a tree of their letters: "itis", "ectomy" and "ectomies" are
    "(?:ectom(?:ies|y)|itis)"."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node) -> str:
        branches = [re.escape(letter) + pattern(node[letter]) for letter in sorted(node) if letter]
        if not branches:
            return ""
        ends = "" in node
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return pattern(tree)


def _words_pattern(words):
    return compile_builtin(r"(?i)(?<![\w-])(?:" + phrases(w.lower() for w in words) + r")(?![\w-])")


def _is_words(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(x, str) and x.strip() for x in value)


class RootParts(Kind):
    """A term built from a root that names a part of the body, beside words that name another part.

    A term is a word made of optional prefixes ("peri", "sub"), one or more roots joined by linking vowels
    ("oesophago-gastro-duoden-") and an ending ("-oscopy"), or one of a few adjectives ("inguinal"). Its
    explanation is the bracket after the term, the clause before a bracketed term, the words after "also called",
    "known as", "i.e.", "means" or "to look at", an apposition ("a colonoscopy, an examination of ..."), or the words
    before "also called" and the term. An explanation that names no word of the
    term's own parts (nor one its entries allow) and names another entry's part is reported, with the word of the
    other part nearest the term."""

    name = "root-parts"
    options = {
        # each: 'roots' (the word pieces), 'part' (the part, as the message names it), 'words' (the words that name
        # it in a page) and, optionally, 'also' (words that are not wrong beside it: neighbours, the way in)
        "roots": (list, Kind.REQUIRED),
        # the endings that make a term of a root: "itis", "ectomy", "oscopy"
        "endings": (list, Kind.REQUIRED),
        # whole adjectives that are terms, each with a root of the list: "inguinal", "axillary"
        "adjectives": (list, list),
        # the prefixes a term may have before its first root: "peri", "sub"
        "prefixes": (list, list),
        # terms built as above that are not judged, because pages use them of more than one part ("cystectomy":
        # the bladder, or a cyst anywhere)
        "unjudged": (list, list),
    }
    list_items = {"roots": dict}

    def setup(self):
        self.entries = []  # (part, its words or the words it allows, its words)
        entry_of_root = {}
        for n, entry in enumerate(self.opts["roots"], 1):
            if not isinstance(entry, dict) or not {"roots", "part", "words"} <= set(entry) \
                    or not set(entry) <= {"roots", "part", "words", "also"} \
                    or not _is_words(entry["roots"]) or not isinstance(entry["part"], str) \
                    or not entry["part"].strip() \
                    or not _is_words(entry["words"]) or ("also" in entry and not _is_words(entry["also"])):
                raise self.error(f"roots: entry {n} needs 'roots' and 'words' (lists of words) and 'part' (a text), "
                                 f"and may have 'also' (a list of words), and nothing else")
            for root in entry["roots"]:
                root = root.lower().strip()
                if not re.fullmatch(r"[a-z]+", root):
                    raise self.error(f"roots: entry {n}: root '{root}' must be letters only")
                if root in entry_of_root:
                    raise self.error(f"roots: entry {n}: root '{root}' is given twice")
                entry_of_root[root] = len(self.entries)
            words = [w.lower() for w in entry["words"]]
            self.entries.append((entry["part"], _words_pattern(words + [w.lower() for w in entry.get("also", ())]),
                                 _words_pattern(words)))
        for option in ("endings", "adjectives", "prefixes", "unjudged"):
            bad = [w for w in self.opts[option] if not re.fullmatch(r"[a-z-]+", w.lower().strip())]
            if bad:
                raise self.error(f"{option}: '{bad[0]}' must be letters (and hyphens) only")
        if not self.opts["endings"]:
            raise self.error("endings: give at least one ending")
        self.entry_of_root = entry_of_root
        self._parts_memo: dict[str, set[int] | None] = {}
        # each root under its first two letters, longest first: "cholecyst" (the gallbladder) is read before "cyst"
        # (the bladder)
        self.roots_by_start = {}
        for root in sorted(entry_of_root, key=lambda r: (-len(r), r)):
            self.roots_by_start.setdefault(root[:2], []).append(root)
        prefixes = phrases(p.lower() for p in self.opts["prefixes"]) or "(?!)"
        self.prefix_at = compile_builtin("(?:" + prefixes + ")") if self.opts["prefixes"] else None
        self.endings = {e.lower() for e in self.opts["endings"]}
        self.unjudged = {w.lower() for w in self.opts["unjudged"]}
        adjectives = {a.lower() for a in self.opts["adjectives"]}
        for adjective in sorted(adjectives):
            if self._adjective_root(adjective) is None:
                raise self.error(f"adjectives: '{adjective}' has none of the roots")
        adjectives_pattern = phrases(adjectives) or "(?!)"
        self.adjective = compile_builtin(r"(?:" + prefixes + r")*-?(" + adjectives_pattern + r")")
        # the one scan of a block: a word that ends in an ending or an adjective (the endings and adjectives as one
        # tree of letters, so that each word costs the engine a few steps); every other word is passed over inside the
        # regular-expression engine, and the few found are read in Python
        self.candidate = compile_builtin(r"(?i)(?<![\w-])[a-z-]*" + _tree(self.endings | adjectives) + r"(?![\w-])")
        # a block with none of them in it is passed over without the scan (most blocks: a search for a few strings
        # costs less than trying the pattern at every letter); each one that holds another is left out
        needles = self.endings | adjectives
        self.needles = tuple(sorted(n for n in needles if not any(o != n and o in n for o in needles)))

    # -- reading a term ----------------------------------------------------------------
    def _roots(self, word: str, at: int = 0, first: bool = True) -> list[str] | None:
        """The roots of ``word`` from ``at`` on, when the rest is roots joined by linking vowels and ends in an
        ending, or None; prefixes are read only before the first root. Longer roots are tried first, and a shorter
        one when the longer leaves no reading ("orchitis": "orch", not "orchi")."""
        if not first and word[at:] in self.endings:
            return []
        for root in self._roots_at(word, at):
            after = at + len(root)
            link = _LINK.match(word, after).end()
            for then in ((after, link) if link > after else (after,)):
                rest = self._roots(word, then, False)
                if rest is not None:
                    return [root] + rest
        if first and self.prefix_at is not None:
            prefix = self.prefix_at.match(word, at)
            if prefix is not None:
                then = prefix.end() + (word[prefix.end():prefix.end() + 1] == "-")
                return self._roots(word, then, True)
        return None

    def _roots_at(self, word: str, at: int) -> list[str]:
        """The roots that begin at ``at``, longest first (a root may begin a longer one: "orchi", "orchid")."""
        return [r for r in self.roots_by_start.get(word[at:at + 2], ()) if word.startswith(r, at)]

    def _adjective_root(self, adjective: str) -> str | None:
        """The longest root in an adjective ("periorbital": "orbit")."""
        found = [r for r in self.entry_of_root if r in adjective]
        return max(found, key=len) if found else None

    def _parts_of(self, word: str) -> set[int] | None:
        """The entries whose parts the term ``word`` names, or None when it is not a term (worked out once a word:
        a page says "colonoscopy" many times)."""
        word = word.lower()
        if word not in self._parts_memo:
            if len(self._parts_memo) > 10_000:
                self._parts_memo.clear()
            self._parts_memo[word] = self._read_parts(word)
        return self._parts_memo[word]

    def _read_parts(self, word: str) -> set[int] | None:
        if word in self.unjudged:
            return None
        adjective = self.adjective.fullmatch(word)
        if adjective is not None:
            roots = [self._adjective_root(adjective.group(1))]
        else:
            roots = self._roots(word)
            if roots is None and "-" in word:  # "keyhole-gastrectomy": its last part alone
                roots = self._roots(word.rsplit("-", 1)[1])
        if not roots:
            return None
        return {self.entry_of_root[r] for r in roots}

    # -- checking ------------------------------------------------------------------------
    def check(self, page):
        units = self.units(page)
        # the strings the page holds at all, looked for once in its whole text: each block is then searched for those
        # few only
        whole = "\n".join(unit.block.text for unit in units).lower()
        needles = [needle for needle in self.needles if needle in whole]
        if not needles:
            return
        for unit in units:
            text = unit.block.text
            lowered = text.lower()
            if not any(needle in lowered for needle in needles):
                continue
            for m in self.candidate.finditer(text):
                own = self._parts_of(m.group(0))
                if own is None:
                    continue
                hit = self._judge(unit, text, m, own)
                if hit is not None:
                    yield hit

    def _explanations(self, text: str, s: int, e: int):
        """(start, end, after, bracket) of each stretch that explains the term at s..e; ``after`` says whether it
        follows the term, ``bracket`` is the rest of a bracket that holds the term (its own words count there)."""
        name_ends = [e]
        for _ in range(_NAME_WORDS):
            word = _NAME_GOES_ON.match(text, name_ends[-1])
            if word is None:
                break
            name_ends.append(word.end())
        for name_end in name_ends:
            if text[name_end:].lstrip().startswith("("):
                open_at = text.index("(", name_end)
                close = text.find(")", open_at)
                if close > open_at:
                    yield open_at + 1, close, True, None
                    return
        for name_end in name_ends:
            for pattern in (_MEANS_AFTER, _NAMING_AFTER, _LOOKS_AFTER, _APPOSITION_AFTER):
                after = pattern.match(text, name_end)
                if after is not None:
                    if pattern is _MEANS_AFTER and _CONSEQUENCE.match(text, after.end()):
                        return
                    yield after.end(), clause_end(text, after.end(), _ASIDE_END), True, None
                    return
        before = text[:s]
        open_at = before.rfind("(")
        if open_at >= 0 and ")" not in text[open_at:s]:
            close = text.find(")", e)
            if close >= 0 and "(" not in text[e:close] and len(text[open_at + 1:close].split()) <= _BRACKET_WORDS:
                end = len(text[:open_at].rstrip())
                yield clause_start(text, end), end, False, (open_at + 1, close)
            return
        named = _NAMING_BEFORE.search(before)
        if named is not None:
            yield clause_start(text, named.start()), named.start(), False, None

    def _judge(self, unit, text: str, m, own: set[int]):
        for start, end, after, bracket in self._explanations(text, m.start(), m.end()):
            if start >= end or _NEGATION.search(text, start, end):
                continue
            others = []  # (distance from the term, entry, match)
            for i, (_, _, words) in enumerate(self.entries):
                if i in own:
                    continue
                for w in words.finditer(text, start, end):
                    others.append((w.start() - m.end() if after else m.start() - w.end(), i, w))
            if not others:
                continue
            # the term's own part named (or a word its entries allow), in the explanation or beside the term in its
            # bracket ("pain in your groin (hip arthritis)"): the explanation may be right. A word inside another
            # part's longer name is not one ("voice" in "the voice box", for the tonsils)
            stretches = [(start, end)] + ([bracket] if bracket else [])
            if any(not any(o.start() <= w.start() and w.end() <= o.end() and o.end() - o.start() > w.end() - w.start()
                           for _, _, o in others)
                   for i in own for a, b in stretches for w in self.entries[i][1].finditer(text, a, b)):
                continue
            _, i, w = min(others, key=lambda x: x[0])
            s, e = span(text, m, w)
            part = " and ".join(sorted({self.entries[j][0] for j in own}))
            return self.hit(unit, s, e, term=m.group(0), part=part, said=w.group(0))
        return None

