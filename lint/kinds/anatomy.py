"""Anatomy kinds: a procedure put in the wrong body region, and an organ that the
page's procedure does not act on named as what it removes or operates on.

Both read the knowledge base; neither knows any medical fact itself.
"""

from __future__ import annotations

from lint.kinds.base import Kind

_MODIFIER_LABELS = ("region", "structure")


def _terms(unit):
    return unit.doc.spans.get("terms", ())


def _regions_of(kb, span) -> tuple[str, ...]:
    if span.label_ == "region":
        return (span.kb_id_,)
    if span.label_ == "structure":
        return kb.structures[span.kb_id_].regions
    return ()


class ProcedureRegion(Kind):
    """A procedure named with a region or organ it is not done on: "hip lumbar laminectomy"."""

    name = "procedure-region"
    options = {
        # words that may stand between "<procedure> of the" and a region
        "linking": (list, lambda: ["of the", "on the", "of your", "on your", "of a", "of his", "of her", "in the", "to the"]),
    }

    def setup(self):
        self.linking = [tuple(p.lower().split()) for p in self.opts["linking"]]

    def _compatible(self, procedure, span) -> bool:
        kb = self.kb
        if span.label_ == "structure" and span.kb_id_ in procedure.structures:
            return True
        return kb.any_related(_regions_of(kb, span), procedure.regions)

    def check(self, page):
        kb = self.kb
        for unit in self.units(page):
            terms = _terms(unit)
            if not terms:
                continue
            by_end = {}
            by_start = {}
            for span in terms:
                if span.label_ in _MODIFIER_LABELS:
                    by_end.setdefault(span.end, []).append(span)
                    by_start.setdefault(span.start, []).append(span)
            for span in terms:
                if span.label_ != "procedure":
                    continue
                procedure = kb.procedures[span.kb_id_]
                # modifiers right in front: "hip lumbar laminectomy"
                chain, pos = [], span.start
                while pos in by_end:
                    longest = min(by_end[pos], key=lambda s: s.start)
                    chain.append(longest)
                    pos = longest.start
                bad = [m for m in chain if not self._compatible(procedure, m)]
                if bad:
                    first = min(m.start for m in bad)
                    region = bad[-1].text
                    yield self._hit(unit, unit.doc[first:span.end], procedure, region, span, chain, bad)
                    continue
                # "<procedure> of the <region>"
                after = [t.lower_ for t in unit.doc[span.end : span.end + 3]]
                for link in self.linking:
                    if tuple(after[: len(link)]) == link and span.end + len(link) in by_start:
                        target = max(by_start[span.end + len(link)], key=lambda s: s.end)
                        if not self._compatible(procedure, target):
                            yield self._hit(unit, unit.doc[span.start : target.end], procedure, target.text, span, [], [target])
                        break

    def _hit(self, unit, whole, procedure, region_text, proc_span, chain, bad):
        good = [m for m in chain if m not in bad]
        suggestion = " ".join([*(m.text for m in sorted(good, key=lambda s: s.start)), proc_span.text]) if chain else proc_span.text
        where = ", ".join(self.kb.regions[r].name for r in procedure.regions)
        return self.hit(
            unit, whole.start_char, whole.end_char, suggestions=(suggestion,),
            procedure=procedure.name, region=region_text.lower(), target=where,
        )


_REMOVAL_NOUNS = {"excision", "removal", "resection", "extraction", "amputation", "repair", "replacement",
                  "reconstruction", "biopsy", "examination", "ablation"}
_ACTION_VERBS = {
    "remove", "removes", "removed", "removing", "excise", "excises", "excised", "resect", "resects", "resected",
    "repair", "repairs", "repaired", "replace", "replaces", "replaced", "reconstruct", "reconstructs",
    "examine", "examines", "examined", "inspect", "inspects", "biopsy", "biopsies", "treat", "treats",
    "operate", "operates", "cut", "cuts", "take", "takes", "taking", "took", "frees", "free", "breaks", "break",
}
_VERB_PARTICLES = {"out", "away", "on", "up", "open"}
_STOP = {"from", "through", "via", "into", "in", "near", "behind", "beside", "under", "above", "below", "with",
         "without", "to", "and", "or", "but", "while", "so", "because", "than", "by", "after", "before", "is", "are",
         "was", "were", "be", "that", "which", "who", "if", "when"}
_MAX_GAP = 6


class OffTopicStructure(Kind):
    """An organ or structure named as what the procedure removes or acts on, when it does not."""

    name = "off-topic-structure"
    page_level = True
    options = {}

    def _acting(self, page, unit, before_token):
        """The procedures acting in this sentence: one named before the action, else the page topic."""
        named = [s.kb_id_ for s in _terms(unit) if s.label_ == "procedure" and s.end <= before_token.i
                 and s.sent == before_token.sent]
        if named:
            return named[-1:], True
        return list(page.topic_procedures), False

    def check(self, page):
        kb = self.kb
        for unit in self.units(page):
            structures = [s for s in _terms(unit) if s.label_ == "structure"]
            if not structures:
                continue
            doc = unit.doc
            for target in structures:
                action = self._action_before(doc, target.start)
                if action is None:
                    continue
                acting, named = self._acting(page, unit, doc[action])
                if not acting:
                    continue
                if not named and doc[action].lower_ not in _REMOVAL_NOUNS and not self._surgeon_subject(doc, action):
                    continue
                structure = kb.structures[target.kb_id_]
                if any(target.kb_id_ in kb.procedures[p].structures or
                       kb.any_related(structure.regions, kb.procedures[p].regions) for p in acting):
                    continue
                proc = kb.procedures[acting[0]]
                yield self.hit(
                    unit, doc[action].idx, target.end_char, procedure=proc.name, structure=target.text,
                    targets=", ".join(kb.regions[r].name for r in proc.regions),
                )

    @staticmethod
    def _action_before(doc, start):
        """Index of the removal noun or action verb governing the structure at ``start``, if any."""
        i = start - 1
        gap = 0
        while i >= 0 and gap <= _MAX_GAP:
            tok = doc[i]
            low = tok.lower_
            if tok.is_punct or low in _STOP or tok.is_sent_start and i != start - 1 and low not in _ACTION_VERBS:
                return None
            if low in _REMOVAL_NOUNS:
                return i if i + 1 < len(doc) and doc[i + 1].lower_ == "of" else None
            if low in _ACTION_VERBS:
                return i
            if low in _VERB_PARTICLES and i > 0 and doc[i - 1].lower_ in _ACTION_VERBS:
                return i - 1
            i -= 1
            gap += 1
        return None

    @staticmethod
    def _surgeon_subject(doc, action):
        """"the surgeon removes ..." / "we remove ...": a person doing the operation."""
        sent = doc[action].sent
        words = {t.lower_ for t in doc[sent.start : action]}
        return bool(words & {"surgeon", "surgeons", "doctor", "doctors", "we", "team", "procedure", "operation", "surgery"})
