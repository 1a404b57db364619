"""SEO: keyword stuffing, a multi-word phrase repeated far above natural density.

A phrase is stuffed when it is at least ``min_words`` words long, occurs at least
``min_count`` times and takes up at least ``min_density`` of the page's words.
The knowledge base's own names ("total hip replacement") are natural on their
own page and are not counted. Every occurrence after the ``allowed``-th is reported.
"""

from __future__ import annotations

from collections import defaultdict

from lint.kinds.base import Kind


class KeywordStuffing(Kind):
    name = "keyword-stuffing"
    page_level = True
    options = {
        "min_words": (int, 3),
        "max_words": (int, 6),
        "min_count": (int, 4),
        "min_density": (float, 0.02),
        "allowed": (int, 2),
    }

    def setup(self):
        # every run of words inside a knowledge-base name: "invasive spine surgery" is part of
        # "minimally invasive spine surgery", which a page about it names naturally
        self.known = set()
        for _, _, phrase in self.kb.lexicon():
            words = phrase.lower().replace("-", " ").split()
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    self.known.add(" ".join(words[i:j]))

    def check(self, page):
        o = self.opts
        total = max(page.word_count, 1)
        units = self.units(page)
        occurrences: dict[tuple, list] = defaultdict(list)
        for ui, unit in enumerate(units):
            words = [t for t in unit.doc if t.is_alpha or t.like_num]
            lowers = [t.lower_ for t in words]
            for n in range(o["min_words"], o["max_words"] + 1):
                for i in range(len(words) - n + 1):
                    gram = tuple(lowers[i : i + n])
                    if words[i].is_stop or words[i + n - 1].is_stop:
                        continue
                    # the n-gram must be contiguous in the text (no punctuation inside)
                    if words[i + n - 1].i - words[i].i != n - 1:
                        continue
                    occurrences[gram].append((ui, words[i].idx, words[i + n - 1].idx + len(words[i + n - 1].text)))
        stuffed = []
        for gram, occ in occurrences.items():
            if len(occ) < o["min_count"] or " ".join(gram) in self.known:
                continue
            if len(occ) * len(gram) / total < o["min_density"]:
                continue
            stuffed.append((gram, occ))
        # report the longest phrases; drop a phrase inside a longer stuffed one with as many occurrences
        stuffed.sort(key=lambda g: (-len(g[0]), -len(g[1])))
        covered: list[tuple[int, int, int]] = []
        for gram, occ in stuffed:
            if all(any(u == cu and s >= cs and e <= ce for cu, cs, ce in covered) for u, s, e in occ):
                continue
            covered.extend(occ)
            phrase = " ".join(gram)
            for n, (ui, s, e) in enumerate(occ):
                if n >= o["allowed"]:
                    yield self.hit(units[ui], s, e, phrase=phrase, count=len(occ),
                                   density=f"{100 * len(occ) * len(gram) / total:.1f}%")
