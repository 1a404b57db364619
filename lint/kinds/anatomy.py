"""Anatomy kinds: a procedure put in the wrong body region, and an organ that the
page's procedure does not act on named as what it removes or operates on.

Both read the knowledge base; neither knows any medical fact itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from lint.kinds.base import ABBREVIATION_AFTER, Kind, is_negated, listed
from lint.knowledge import LISTED_KINDS, POSITIONS
from lint.matching import (NeedleGroup, PatternError, PatternSet, compile_builtin, compile_pattern,
                           compile_phrases, finditer)
from lint.page import Enclosing

_MODIFIER_LABELS = ("region", "structure")


# "back" is an adverb far more often than the part of the body: "join the cut ends back together", "come back"
_BACK_BODY_BEFORE = frozenset({"your", "the", "my", "his", "her", "their", "our", "lower", "upper", "low", "middle", "mid",
                               "sore", "bad", "painful", "stiff", "a", "of"})
_BACK_BODY_AFTER = frozenset({"pain", "ache", "aches", "problems", "problem", "surgery", "muscles", "muscle", "injury",
                              "injuries", "spasm", "spasms", "brace"})

#: a sentence that gives a symptom to a condition other than the page's: "... is a different condition"
_OTHER_CONDITION = compile_builtin(r"(?i)\b(?:a\s+different|another|a\s+separate|other)\s+(?:condition|problem|injury|disorder)s?\b")
#: "the back surfaces", "the back row": "back" names a side of a thing, not the body
_BACK_OF_THING_AFTER = frozenset({"surface", "surfaces", "side", "sides", "wall", "walls", "row", "rows", "edge", "edges",
                                  "part", "parts", "teeth", "tooth", "corner", "page", "pages", "cover", "door", "seat"})


def _terms(unit) -> list:
    """The block's terms less a "back" that is no part of the body (shared by the anatomy rules; not to be changed)."""
    found = unit.memo.get("anatomy_terms")
    if found is None:
        found = unit.memo["anatomy_terms"] = [
            s for s in unit.terms if not (s.label_ == "region" and s.text.lower() == "back" and not _back_is_body(s))]
    return found


def _back_is_body(span) -> bool:
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after == "of" or after in _BACK_OF_THING_AFTER:
        return False  # a side of something: "the back of the eye", "at the back of your knee", "the back surfaces"
    return before in _BACK_BODY_BEFORE or after in _BACK_BODY_AFTER


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
        where = _where_done(self.kb, procedure)
        return self.hit(
            unit, whole.start_char, whole.end_char, suggestions=(suggestion,),
            procedure=procedure.name, region=region_text.lower(), target=where,
        )


_REMOVAL_NOUNS = {"excision", "removal", "resection", "extraction", "amputation", "repair", "replacement",
                  "reconstruction", "biopsy", "examination", "ablation"}
_ACTION_VERBS = {
    "remove", "removes", "removed", "removing", "excise", "excises", "excised", "resect", "resects", "resected",
    "harvest", "harvests", "harvested", "release", "releases", "released",
    "repair", "repairs", "repaired", "replace", "replaces", "replaced", "reconstruct", "reconstructs",
    "examine", "examines", "examined", "inspect", "inspects", "biopsy", "biopsies", "treat", "treats",
    "operate", "operates", "cut", "cuts", "take", "takes", "taking", "took", "taken", "frees", "free", "breaks", "break",
    "trim", "trims", "trimmed", "shave", "shaves", "shaved", "divide", "divides", "divided", "staple", "staples",
    "stapled", "seal", "seals", "sealed", "drain", "drains", "drained", "reattach", "reattaches", "reattached",
    "stitch", "clip", "clips", "clipped", "tie", "ties", "tied", "biopsied", "scrape", "scrapes", "burn", "burns",
    "freeze", "freezes", "destroy", "destroys", "opens", "enter", "enters", "realign", "realigns", "realigned",
    "reshape", "reshapes", "reshaped", "straighten", "straightens", "straightened", "tighten", "tightens", "tightened",
    "clean", "cleans", "cleaned", "drill", "drills", "drilled", "inflate", "inflates", "inflated",
}
_VERB_PARTICLES = {"out", "away", "on", "up", "open"}
_STOP = {"from", "through", "via", "into", "in", "near", "behind", "beside", "under", "above", "below", "with",
         "without", "to", "and", "or", "but", "while", "so", "because", "than", "by", "after", "before", "is", "are",
         "was", "were", "be", "that", "which", "who", "if", "when"}
_MAX_GAP = 6
#: a look at the patient: "will examine your back passage", "also examine your neck"
_EXAMINE = frozenset({"examine", "examines", "examined", "inspect", "inspects"})
#: (and "and": "Your doctor will ask about your symptoms and examine your back and legs", a look in clinic)
_EXAM_BEFORE = frozenset({"will", "may", "also", "to", "first", "then", "carefully", "gently", "and"})
_MODALS = frozenset({"may", "might", "can", "could", "will", "would", "should", "must"})
_MAX_LIST_GAP = 9
_GENERIC_REGIONS = {"body", "skin", "blood-vessels"}
# who or what does the operating: the subject of "removes", "trims", "cuts"
_SURGEONS = {"surgeon", "surgeons", "doctor", "doctors", "we", "they", "team", "procedure", "operation", "surgery",
             "approach", "method", "technique", "nurse", "nurses", "specialist", "consultant", "clinician",
             "endoscopist", "urologist", "gynaecologist", "gynecologist", "radiologist",
             "loop", "wire", "laser", "instrument", "instruments", "tool", "tools", "scope", "device", "probe",
             "stapler", "resectoscope", "endoscope", "laparoscope", "arthroscope"}
#: what a cut leaves on the skin: where it lies is where the cut was made ("the stitches in your lower back", "a scar on
#: the side of your knee"), when it lies on the surface of a part of the body, not inside an organ ("scars in the heart"
#: are what an ablation makes)
_HEALING_CUTS = frozenset({"scar", "scars", "wound", "wounds", "stitches"})
#: places compared, not the cut's own: "infection is more common in wounds on the legs", "scars on the face fade faster
#: than those on the back"
_COMPARED_PLACES = compile_builtin(r"(?i)\b(?:more|less|fewer|than|faster|slower|quicker)\b")
# nouns for an opening made in, or an operation done on, a structure: "a cut in your ovary",
# "keyhole surgery on the knee joint", "a pouch from the top of the stomach"
_CUT_NOUNS = {"cut", "cuts", "incision", "incisions", "opening", "openings", "hole", "holes", "puncture", "punctures",
              "nick", "nicks", *_HEALING_CUTS,
              "surgery", "operation", "pouch", "piece", "section", "sample", "slice", "portion"}
# where a cut is made beside or along a part: "an incision below the breastbone", "a cut along the lower back"
_CUT_BESIDE = {"below", "above", "behind", "under", "over", "along", "across", "around", "beside", "near"}
#: words that put a cut on the outside of the body: "a cut in the skin of your neck"
_SKIN_WORDS = frozenset({"skin", "outside", "outer", "external"})
#: a sentence about another way in, for when the operation through a natural opening cannot be done: "if the stone is
#: too large, a small cut in your back may be needed"
_ANOTHER_WAY_IN = compile_builtin(r"(?i)\b(?:if|unless|rarely|occasionally|sometimes|convert\w*|switch\w*|instead|unlike|"
                                  r"open (?:surgery|operation)|keyhole|larger|bigger|too (?:big|large))\b")
_CUT_LINKS = {"in", "into", "on", "from", "through"}
#: words that say how close a cut is to its landmark: "made just below", "an incision directly over"
_CLOSE_BY = frozenset({"just", "directly", "right", "slightly"})
#: where a cut is, named after it: "the incision sites in your chest"
_CUT_SITES = frozenset({"site", "sites", "line", "lines"})
#: the words a further item of a list of what is removed opens with
_LIST_ITEM_STARTS = {"the", "a", "an", "some", "part", "parts", "any", "your", "excess", "extra", "all", "small", "and"}
#: and after "and" or "or", an adverb: "the whole kidney, the fat around it and sometimes the adrenal gland" (not after a
#: comma alone: "a cut in the groin, usually about the length of a finger")
_LIST_ADVERBS = frozenset({"sometimes", "often", "occasionally", "usually", "also", "possibly"})
# between the words that put organs at risk and the first of them: "injure nearby organs such as the", "punctures the
# top of the"
_ORGAN_RISK_GAP = compile_builtin(
    r"(?i)\s+(?:to\s+|of\s+)?(?:the\s+|your\s+|a\s+)?(?:(?:nearby|surrounding|other|neighbouring|neighboring|internal)\s+)?"
    r"(?:(?:organs?|structures?|parts\s+of\s+the\s+body)\s*,?\s+(?:such\s+as|like|including|for\s+example,?)\s+)?"
    r"(?:the\s+|your\s+)?(?:(?:top|bottom|wall|lining|surface|edge|tip)\s+of\s+(?:the\s+|your\s+)?)?")
# what comes out of the body after an operation, and where from: "light bleeding from the", "a watery or bloodstained
# discharge from your"
_DISCHARGE_BEFORE = compile_builtin(
    r"(?i)\b(?:bleeding|bleed|bleeds|discharge|spotting|leak|leaking|leakage)\s+(?:(?:will\s+|may\s+|can\s+)?(?:come|comes|coming)\s+)?"
    r"from\s+(?:the\s+|your\s+)?$")
#: a symptom given as the reason for something: "because of back pain", "due to a painful shoulder"
_AS_REASON = compile_builtin(r"(?i)\b(?:because\s+of|due\s+to|owing\s+to)\s+(?:your\s+|a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
# what is expected afterwards, in the sentence: "you may have", "is normal"
_EXPECTED_AFTER = compile_builtin(r"(?i)\b(?:may|will|might|can|could|probably|normal|common|expected|usual)\b")
# the bleeding as a cause or a sign of a condition: "iron deficiency caused by bleeding from the bowel"
_AS_CAUSE = compile_builtin(r"(?i)\b(?:caused\s+by|causes|cause\s+is|due\s+to|because\s+of|results?\s+of|signs?\s+of|symptoms?\s+of"
                            r"|after\s+years)\b")
# between two organs of one list
_LIST_JOIN = compile_builtin(r"(?i)\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)(?:the\s+|your\s+)?")
# "... can be injured" after an organ (or a second organ with it: "the bladder or the gallbladder can be injured")
_INJURED_AFTER = compile_builtin(
    r"(?i)\s+(?:(?:or|and)\s+(?:the\s+|your\s+)?[\w-]+\s+)?(?:can|could|may|might|is|are|was|were)\s+(?:(?:rarely|occasionally|"
    r"sometimes|also|very\s+rarely|accidentally)\s+)?(?:be\s+)?(?:injured|damaged|punctured|perforated|nicked|torn|harmed|hurt)\b")
# what harms an organ by touch, in the operation: a needle, a scope, an instrument, the operation itself
_PHYSICAL_HARM = compile_builtin(
    r"(?i)\b(?:injur\w*|punctur\w*|perforat\w*|nick\w*|torn|tear|hole|needle|scope|instruments?|drain|tube|camera)\b")
#: between the words that put a nerve at risk, or under pressure, and the nerve: "protect the", "irritation of your",
#: "pressure on the"
_RISK_GAP = compile_builtin(r"(?i)\s+(?:to\s+|of\s+)?(?:the\s+|your\s+|a\s+)?(?:small\s+|large\s+|nearby\s+|main\s+)?")
#: a nerve said to be squeezed, after its name: "the ulnar nerve| is squeezed|", "nerve| becomes trapped|"
_SQUEEZED_AFTER = compile_builtin(
    r"(?i)\s+(?:is|are|gets?|becomes?|has\s+been|have\s+been|can\s+be|may\s+be)\s+(?:(?:slowly|gradually|badly|being)\s+)?"
    r"(?:squeezed|compressed|trapped|entrapped|pinched|pressed\s+on)\b")
#: a sentence about another case than the page's: "the ulnar nerve can also be squeezed", "a similar problem"
_ANOTHER_CASE = compile_builtin(
    r"(?i)\b(?:also|other|another|similar|similarly|unlike|rather\s+than|instead|as\s+well|mimic\w*|confused|"
    r"rule\s+out|ruled\s+out|different|too|either|both)\b")
#: the size or place of a part named before it: "the middle part of", "a small piece of"
_PART_SIZES = frozenset({"middle", "central", "upper", "lower", "top", "bottom", "front", "back", "inner", "outer", "small",
                         "tiny", "large", "whole", "main", "end"})
#: a fold of skin a cut is hidden in: "a cut in the skin crease at ..."
_CREASES = frozenset({"crease", "creases", "fold", "folds"})
#: the face of a part named before it: "the back of the knee", "the underside of the toe"
_FACE_NOUNS = frozenset({"back", "front", "rear", "top", "bottom", "underside", "inside", "outside", "sole"})
#: words before a part's name that make it something else: "the donor disc", "the optic disc"
_NOT_THE_BODYS = {"disc": frozenset({"donor", "optic", "corneal", "grafted", "new", "clear"}),
                  "discs": frozenset({"donor", "optic", "corneal"})}
#: "a small disc of tissue": a shape, when "of" names what it is made of, not where it is ("a disc of the spine")
_SHAPE_WORDS = frozenset({"disc", "discs", "disk", "disks"})
_SHAPE_OF_PLACE = frozenset({"the", "your", "a", "an", "each", "one", "their", "his", "her"})
#: words before "head" that make it the head of a bone, not the head: "the broken head", "the radial head"
_BONE_HEAD_BEFORE = frozenset({"broken", "damaged", "worn", "fractured", "radial", "femoral", "humeral", "metatarsal",
                               "bone's", "new", "metal", "artificial", "replacement", "ball-shaped", "rounded"})
#: a verb after a noun: the noun is a clause's subject
_VERB_AFTER = {"is", "are", "was", "were", "may", "might", "can", "could", "will", "would", "should", "has", "have", "had",
               "does", "do", "feels", "feel", "hurts", "hurt", "becomes", "become", "gets", "get", "stays", "stay",
               "remains", "remain", "heals", "heal", "needs", "need", "must"}
#: symptoms a part of the body names where they are felt: "leg pain", "back problems"
_SYMPTOMS_AFTER = frozenset({"pain", "pains", "ache", "aches", "swelling", "numbness", "weakness", "symptoms", "problems",
                             "cramp", "cramps", "tingling", "stiffness"})
#: the kinds of structure a graft is taken from
_GRAFT_KINDS = frozenset({"vessel", "bone", "tendon", "muscle", "tissue", "cartilage", "ligament"})
#: verbs that say a graft was taken from a place: "a vein harvested from the side of your neck" names the donor site
_TAKEN_FROM = {"harvested", "taken", "removed", "obtained", "collected", "borrowed"}
#: the words of a cut's size: "a cut |of about 6 to 8 centimetres| is made"
_SIZE_WORDS = {"of", "about", "around", "roughly", "to", "cm", "centimetres", "centimeters", "mm", "millimetres",
               "millimeters", "inch", "inches", "long", "-"}
#: what an operation leaves where it is done: "splints are placed inside the nose", "the battery is placed under the skin of"
_PLACED_THINGS = {"splint", "splints", "pack", "packs", "packing", "stent", "stents", "battery", "generator", "implant",
                  "implants", "pump", "port", "mesh", "graft", "grafts", "plate", "plates", "screws", "wires", "tab", "tabs",
                  "anchor", "anchors", "clip", "clips", "coil", "coils", "button", "buttons", "electrode", "electrodes",
                  "cylinder", "cylinders", "reservoir", "rods",
                  # (a stimulator's battery by its own names: "the IPG is placed under the skin of your chest")
                  "ipg", "stimulator", "stimulators", "neurostimulator"}
#: what a graft is called, right before the verb that takes it: "a bone graft taken from"
_GRAFTS = {"graft", "grafts", "bone", "vein", "veins", "tissue", "tendon", "skin", "cartilage", "fat"}
#: verbs that take something away from a part of the body: "remove loose skin from the neck"
_REMOVING = frozenset({"remove", "removes", "removing", "take", "takes", "taking", "harvest", "harvests", "harvesting",
                       "trim", "trims", "excise", "excises"})
#: words of a cut that may be made anywhere: a graft's donor site, a way into a blood vessel ("a small nick in the wrist
#: or groin, and a fine tube is guided into the arteries")
_ELSEWHERE_WORDS = frozenset({"graft", "grafts", "donor", "harvest", "harvested", "harvesting", "flap", "catheter",
                              "catheters", "artery", "arteries", "vein", "veins", "vessel", "vessels"})
# what a clip or a probe on the skin measures, which makes it a monitor
_MONITORING = compile_builtin(r"(?i)\b(?:oxygen|pulse|heart\s+rate|heartbeat|blood\s+pressure|saturation|monitor|monitors|monitoring|measures?)\b")
# an operation a person had before, which is not the page's: "after an operation to remove the prostate gland", "if you
# have had surgery to take out your womb"
_EARLIER_OPERATION = compile_builtin(
    r"(?i)\b(?:after|following|since|had|previous|earlier|past|prior)\s+(?:an?\s+|your\s+|their\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:operation|surgery|procedure)s?\s+(?:to|that)\s+$"
)
# what enters a part of the body on its own, as the subject of "enter": "food can come back up and enter the lungs
# during the anaesthetic" is no way in of the operation (unless a person or an instrument is named after it)
_SUBSTANCE_ENTERS = compile_builtin(
    r"(?i)\b(?:food|fluids?|liquids?|drinks?|contents|acid|vomit|sick|germs|bacteria|air|water|saliva|bile|urine|stool|"
    r"gas|smoke|dust)\b(?![^.;]*\b(?:surgeons?|doctors?|scopes?|cameras?|instruments?|we|they)\b)[^.;]*$"
)
# other operations given as examples: "ear, nose and throat operations, such as putting in grommets or taking out the
# tonsils" on a page about fasting before any of them
_EXAMPLE_OPERATIONS = compile_builtin(
    r"(?i)\b(?:operations?|procedures?|surgery|surgeries|treatments)\s*,?\s+(?:such\s+as|like|including|for\s+example|"
    r"e\.g\.,?)\s[^.;]*$"
)
def _pins_and_needles(tokens, i: int) -> bool:
    """Is token ``i`` the last of "pins and needles", one symptom of three words?"""
    return i > 1 and tokens[i].lower_ == "needles" and tokens[i - 1].lower_ == "and" and tokens[i - 2].lower_ == "pins"


#: an operation's cut: where it is made is the operation's site, whoever makes it
_INCISIONS = {"incision", "incisions", "cut", "cuts", "nick", "nicks", *_HEALING_CUTS}
# where a cut is "made", "hidden" or "placed"
_PLACED_VERBS = {"made", "hidden", "placed", "sited", "positioned", "located", "done", "put", "anchored", "fixed", "lodged",
                 "implanted", "inserted", "secured", "stitched", "buried",
                 # (what an operation leaves, where it stays: "one tab sits in the outer capsule of the prostate")
                 "sits", "sit", "rests", "rest"}
_PLACE_PREPS = {"in", "into", "on", "through", "behind", "over", "along", "under", "below", "above", "around", "across",
                "near", "beside", "inside", "within"}
# the path of a scope or camera: "the scope is passed along the urethra into the bladder, then onwards into the
# ..." (only for a scope: a catheter passed into the bladder, or a breathing tube into the windpipe, is no part of
# the operation the page is about)
_ROUTE_WORDS = {"pass", "passes", "passed", "insert", "inserts", "inserted", "guide", "guides", "guided", "advance",
                "advances", "advanced", "thread", "threads", "threaded", "onwards", "onward"}
_SCOPES = {"scope", "camera", "telescope", "probe", "instrument", "instruments"}
_PASSIVE_VERBS = {"removed", "taken", "cut", "excised", "resected", "stapled", "divided", "extracted", "replaced",
                  "repaired", "biopsied", "sealed", "tied", "cauterised", "cauterized", "opened", "trimmed", "shaved",
                  "scraped", "reshaped", "realigned", "straightened", "drilled", "joined", "rejoined", "stitched",
                  "sewn"}
#: verbs of an operation's join, before "to" and what is joined ("the pouch is then joined directly to the small bowel")
_JOINED = frozenset({"joined", "rejoined", "stitched", "sewn", "stapled"})
_PASSIVE_AUX = {"is", "are", "be", "then", "also", "usually", "often", "will", "may", "can", "might", "must",
                "sometimes", "carefully", "gently", "both", "all"}
#: a part of the structure named right before it, the true subject of a passive: "part of the bladder |wall| is trimmed"
_PART_NOUNS = frozenset({"wall", "walls", "lining", "tip", "edge", "edges", "surface", "floor", "roof", "lobe", "lobes",
                         "neck", "capsule", "tissue", "muscle", "bed"})


# (not "cells" or "tissue": "fat cells taken from your tummy" are a graft, whose donor site may be anywhere)
_SAMPLES = frozenset({"sample", "samples", "biopsy", "biopsies", "specimen", "specimens"})


def _sample_before(doc, action: int) -> bool:
    """Is the participle at ``action`` said of a sample just before it, a name in brackets between ("a small sample
    (biopsy) taken from")?"""
    k = action - 1
    if k >= 0 and doc[k].text == ")":
        k = next((j for j in range(k - 1, max(-1, k - 6), -1) if doc[j].text == "("), k) - 1
    return k >= 0 and doc[k].lower_ in _SAMPLES


def _joined_to_subject(doc, start: int) -> bool:
    """Is the phrase at ``start`` joined to the subject before it: "together with the", "along with", "as well as"?"""
    words = [t.lower_ for t in doc[max(0, start - 4) : start]]
    text = " ".join(words)
    return "together with" in text or "along with" in text or "as well as" in text


def _opens_list_item(joiner: str, word: str) -> bool:
    """Does ``word``, after ``joiner`` ("and", "or", a comma), open a further item of a list?"""
    return word in _LIST_ITEM_STARTS or joiner != "," and word in _LIST_ADVERBS


def _route_verb(doc, i: int):
    """The verb that passes a scope along the way ``i`` ("into", "through") opens, within the clause before it: "the
    scope is passed through", "passes a thin telescope, a resectoscope, up through". None when no scope is named."""
    k = i - 1
    while k >= 0 and i - k <= 14:
        low = doc[k].lower_
        if low in _ROUTE_WORDS:
            return k if _scope_in_sentence(doc, i) else None
        # (past an earlier leg of the way: "passed through the urethra into the kidney" goes on to the kidney)
        if doc[k].is_sent_start or low in (";", ":", "and", "but", "then"):
            return None
        k -= 1
    return None


def _named_scope(doc, i: int) -> str | None:
    """The last scope or camera named in the sentence before token ``i`` ("probe", "camera", "bronchoscope")."""
    k = i - 1
    while k >= 0:
        low = doc[k].lower_
        if low in _SCOPES or (low.endswith("scope") and len(low) > 7):
            return low
        if doc[k].is_sent_start:
            return None
        k -= 1
    return None


def _scope_in_sentence(doc, i: int) -> bool:
    """A scope or camera (an endoscope, "the camera") named in the sentence before token ``i``."""
    k = i - 1
    while k >= 0:
        low = doc[k].lower_
        if low in _SCOPES or (low.endswith("scope") and len(low) > 7):
            return True
        if doc[k].is_sent_start:
            break
        k -= 1
    return False


class OffTopicStructure(Kind):
    """An organ or structure named as what the procedure removes or acts on, when it does not."""

    name = "off-topic-structure"
    page_level = True
    options = {
        # structures of these kinds belong to a procedure only when its entry lists them
        "listed_kinds": (list, lambda: list(LISTED_KINDS)),
        # regions with no skin of their own: a scar or wound there is made inside the body ("tiny scars in the heart"
        # are what an ablation makes), so it says nothing of where the operation's cut was
        "inner_regions": (list, list),
        # a cut in the right part on the wrong face of it ("a small cut along the bottom of the toe" for hammer toe
        # correction, whose entry puts its cuts on the top): {face} is the face named, {faces} the procedure's
        "face_message": (str, ""),
        # how a message names the operation of a page whose procedure the knowledge base does not know
        "titled_procedure": (str, "'{title}'"),
        # a scope passed in the wrong way ("passed through your back passage" for a hysteroscopy): the rule's own
        # message when empty
        "route_message": (str, ""),
        # a nerve the operation puts at risk ("care is taken to protect the sciatic nerve" on a shoulder page): it must
        # lie where the operation is done or cut, or beside it. The words before the nerve that put it at risk, and the
        # message (the rule's own when empty)
        "nerve_risk_words": (list, list),
        "nerve_message": (str, ""),
        # an organ or gland the operation may injure must lie where it is done or cut, or beside it: the words before
        # it that say so (or "... can be injured" after it), and the organs that harm from afar may reach (a medicine
        # that damages the kidneys)
        "organ_risk_words": (list, list),
        "organ_risk_skip": (list, list),
        # bleeding or a discharge from an opening or organ of another body system than the operation's ("light bleeding
        # from the back passage" after a hysteroscopy); off when empty
        "discharge_message": (str, ""),
        # a cut in the skin for an operation done through a natural opening (knowledge key ``no_skin_cut``): {way} is
        # the way in; the rule's own message when empty
        "no_cut_message": (str, ""),
        # the nerve a squeezed-nerve condition squeezes, and its release frees ("relieves the pressure on the ulnar
        # nerve" on a carpal tunnel page, whose condition's entry lists the median nerve): the words before the nerve
        # that put pressure on it or take it off, and the message ({conditions}: the conditions whose nerves the page
        # is about); off when empty
        "squeeze_words": (list, list),
        "squeeze_message": (str, ""),
        # a cut in a structure the operation acts on but never cuts (knowledge key ``cut_structures``: cataract surgery
        # cuts the cornea, not the retina): {targets} are the structures it cuts; the rule's own message when empty
        "cut_message": (str, ""),
    }

    def setup(self):
        self.check_template("nerve_message", {"text", "procedure", "structure", "targets"})
        self.check_template("discharge_message", {"text", "procedure", "structure", "targets"})
        self.nerve_risk = compile_phrases(self.opts["nerve_risk_words"])
        self.organ_risk = compile_phrases(self.opts["organ_risk_words"])
        self._regions_of_structures: dict[tuple[str, bool], tuple[str, ...]] = {}
        self.faces = AspectWords(self.kb, self.trusted)
        self.inner_regions = frozenset(self.opts["inner_regions"])
        self.check_template("face_message", {"text", "procedure", "face", "faces", "structure"})
        self.check_template("route_message", {"text", "procedure", "structure", "targets"})
        self.check_template("no_cut_message", {"text", "procedure", "structure", "targets", "way"})
        self.check_template("squeeze_message", {"text", "conditions", "structure", "targets"})
        self.check_template("cut_message", {"text", "procedure", "structure", "targets"})
        self.squeeze = compile_phrases(self.opts["squeeze_words"]) if self.opts["squeeze_message"] else None

    def _acting(self, page, unit, before_token):
        """The procedures acting in this sentence: one named before the action, else the page topic."""
        sent_no = unit.sent_index(before_token.i)
        spans = [s for s in _terms(unit) if s.label_ == "procedure" and s.end <= before_token.i
                 and unit.sent_index_of_span(s) == sent_no]
        # the longest names only: "hip arthroplasty", not the "arthroplasty" inside it
        around = Enclosing(spans)
        named = [s.kb_id_ for s in spans if not around.longer(s)]
        if named:
            return named, True
        if len(page.topic_procedures) > 3:
            return [], False  # a page about many procedures (an A-Z, a price list): no one of them is "the" topic
        if not page.topic_procedures and page.topic_conditions:
            # a page about a condition: "the surgeon removes" is one of the operations that treat it
            treating = list(dict.fromkeys(p for c in page.topic_conditions for p in self.kb.conditions[c].treated_by))
            return (treating if len(treating) <= 6 else []), False
        return list(_specific(self.kb, page.topic_procedures)), False

    def _title_regions(self, page) -> dict[str, tuple[str, ...]]:
        """procedure id -> the part of the body the page's title names it with ("Lumbar spinal fusion": the lumbar
        spine), when that part lies within the procedure's own regions and every mention in the title agrees."""
        kb = self.kb
        named: dict[str, set[str]] = {}
        for unit in page.units:
            if unit.block.scope != "title" and not (unit.block.scope == "heading" and unit.block.level <= 1):
                continue
            terms = _terms(unit)
            regions_by_end = {t.end: t.kb_id_ for t in terms if t.label_ == "region"}
            for t in terms:
                if t.label_ == "procedure" and t.kb_id_ in kb.procedures:
                    region = regions_by_end.get(t.start)
                    named.setdefault(t.kb_id_, set()).add(region)
        out = {}
        for proc, regions in named.items():
            if len(regions) == 1 and None not in regions:
                region = next(iter(regions))
                own = kb.procedures[proc].regions
                if region not in own and any(r in kb.ancestors(region) for r in own):
                    out[proc] = (region,)
        return out

    def _entered(self, procedure, cut: bool, skin_cut: bool = False, outside: bool = False, incised: bool = False):
        """The procedure as far as a cut goes: its entry regions, when its entry names them. One done through a natural
        opening cuts only its own structures, or inside the opening it goes through (the back of the throat for a
        tonsillectomy), never the skin: ``outside`` is a cut placed beside its landmark ("behind the ear"). An incision
        (``incised``) is made only in the structures its entry says it cuts, when it names them."""
        if incised and procedure.cut_structures:
            return replace(procedure, id=procedure.id + "@cut", structures=procedure.cut_structures)
        if procedure.no_skin_cut:
            if not skin_cut:
                return procedure
            # (an id of its own: the regions of a procedure's structures are kept by id)
            inside = () if outside else tuple(r for r in procedure.regions if self.kb.regions[r].opens_on)
            return replace(procedure, id=procedure.id + "@entry", regions=inside)
        if not cut or not procedure.entry_regions:
            return procedure
        return replace(procedure, id=procedure.id + "@entry", regions=procedure.entry_regions, structures=())

    @staticmethod
    def _narrowed(procedure, narrowed):
        regions = narrowed.get(procedure.id)
        if regions is None:
            return procedure
        return replace(procedure, regions=regions)

    def _condition_heads(self, page) -> frozenset[str]:
        """The last words of the names of the conditions the page is about. On a page about a pilonidal sinus,
        "remove the sinus" is that sinus, not the paranasal sinuses the bare word names elsewhere; a word the
        condition itself lies in is left to the anatomy (a "frozen shoulder" is in the shoulder)."""
        kb = self.kb
        heads = set()
        for c in page.topic_conditions:
            condition = kb.conditions[c]
            for name in (condition.name, *condition.synonyms):
                words = name.lower().split()
                if len(words) > 1:
                    heads.add(words[-1])
        return frozenset(heads)

    def _names_condition(self, target, heads, page) -> bool:
        if not heads or len(target) != 1 or target.text.lower() not in heads:
            return False
        regions = (target.kb_id_,) if target.label_ == "region" else self.kb.structures[target.kb_id_].regions
        where = [r for c in page.topic_conditions for r in self.kb.conditions[c].regions]
        return not self.kb.any_related(tuple(regions), tuple(where))

    def check(self, page):
        kb = self.kb
        heads = self._condition_heads(page)
        title_regions = None  # (worked out at the first action that needs them)
        for unit in self.units(page):
            terms = _terms(unit)
            candidates = [s for s in terms if s.label_ in ("structure", "region")
                          and not self._names_condition(s, heads, page)]
            if not candidates:
                continue
            # "thyroid gland", not also the "thyroid" inside it
            # a structure inside a procedure's name ("transurethral resection of the prostate") is that procedure's
            procedures = [s for s in terms if s.label_ == "procedure"]
            around = Enclosing(candidates + procedures)
            # (and one that describes a condition's name is the condition's: "to treat atrial fibrillation" treats no
            # atrium, where "removes the torn meniscus" removes the meniscus the condition names last)
            # (looked up among the conditions that start close enough before it: a test of every pair took time growing
            # with the square of a block's terms)
            conditions = Enclosing([s for s in terms if s.label_ == "condition"])
            structures = [s for s in candidates if not around.longer(s)
                          and not any(c.end > s.end for c in conditions.longer(s))]
            if not structures:
                continue
            doc = unit.doc
            starts = {}
            for s in structures:
                if s.start not in starts or s.end > starts[s.start].end:
                    starts[s.start] = s
            by_end = {s.end: s for s in structures}
            by_end["_regions"] = {s.start for s in structures if s.label_ == "region"}
            reported = set()  # the actions reported: "an incision across the palm of the hand" is one finding
            if self.nerve_risk is not None and page.topic_procedures:
                yield from self._at_risk(page, unit, structures)
            if self.opts["discharge_message"] and page.topic_procedures:
                yield from self._discharge_from(page, unit, structures)
            squeezed = set()  # the nerves reported as not the one squeezed: not reported again as not acted on
            if self.squeeze is not None and (page.topic_conditions or page.topic_procedures):
                for hit, target in self._squeezed_nerve(page, unit, structures):
                    squeezed.add(target.start)
                    yield hit
            for target in structures:
                if target.start in squeezed:
                    continue
                if target.label_ == "region" and target.end < len(doc) and doc[target.end].text in ("-", "‑") \
                        and not doc[target.end - 1].whitespace_:
                    continue  # "freeze a sample as a back-up", "a knee-length stocking": a word of a compound
                if target.start > 0 and doc[target.start - 1].lower_ in _NOT_THE_BODYS.get(target.text.lower(), ()):
                    continue  # "the donor disc is cut": a disc of cornea, not of the spine
                if target.text.lower() in _SHAPE_WORDS and target.end + 1 < len(doc) and doc[target.end].lower_ == "of" \
                        and doc[target.end + 1].lower_ not in _SHAPE_OF_PLACE:
                    continue  # "removes a small disc of tissue through a tiny opening": a disc-shaped piece
                if target.kb_id_ == "head" and target.start > 0 and doc[target.start - 1].lower_ in _BONE_HEAD_BEFORE:
                    continue  # "the broken head is removed" on a page about the radial head: the head of a bone
                if target.label_ == "region" and target.end < len(doc) and doc[target.end].lower_ in _SYMPTOMS_AFTER:
                    continue  # "used to treat leg pain": what is treated is the pain, wherever it is felt
                # (the block's text, which is the doc's: ``doc.text`` joins the tokens again at each reading)
                if _BETWEEN_LANDMARKS.search(unit.block.text, max(0, target.start_char - 80), target.start_char) \
                        and "and" in unit.lowers[max(0, target.start - 8):target.start] \
                        or _BETWEEN_FIRST.search(unit.block.text, max(0, target.start_char - 40), target.start_char) \
                        and _AND_AFTER.match(unit.block.text, target.end_char):
                    continue  # "taken from the area between your belly button and your pubic bone": a landmark of
                    # a place, not what the operation acts on
                action = self._action_before(doc, target.start, by_end, target.end)
                passive = False
                if action is None:
                    action = self._passive_after(doc, target, unit.sent_at(target.start).end)
                    passive = action is not None
                if action is None:
                    continue
                if _cut_as_reduce(doc, action):
                    continue  # "they cut your risk of ankle sprains in half": to cut is to reduce, no incision
                if doc[action].lower_ in _HEALING_CUTS and (
                        target.label_ != "region" or target.kb_id_ in self.inner_regions
                        or "through" in unit.lowers[action:target.start] or "near" in unit.lowers[action:target.start]
                        or _COMPARED_PLACES.search(unit.sent_at(action).text)):
                    continue  # "scars in the heart", "stitches placed through a tube passed down your throat", "more
                    # common in wounds on the legs" (what is true of wounds anywhere, not where this one is), "the wound
                    # near the buttock crease" (a wound runs on past where it is said to be near)
                if doc[action].lower_ in _EXAMINE and action > 0 and doc[action - 1].lower_ in _EXAM_BEFORE \
                        and not _scope_in_sentence(doc, unit.sent_at(action).end):
                    continue  # "Your surgeon will examine your arm and hand": a look at the patient in clinic, with no
                    # scope, is no part of the operation
                if any(p.start <= action < p.end for p in procedures):
                    continue  # "endovenous laser ablation of the neck": the procedure's own name, put in the wrong
                    # region (ANA001's finding), not an operation on the neck
                if _EARLIER_OPERATION.search(unit.block.text, max(0, doc[action].idx - 60), doc[action].idx):
                    continue  # "you leak urine after an operation to remove the prostate gland": another operation, past
                sentence = unit.sent_at(action)
                if doc[action].lower_ in ("enter", "enters") \
                        and _SUBSTANCE_ENTERS.search(unit.block.text, sentence.start_char, doc[action].idx):
                    continue  # "food can come back up and enter the lungs": no instrument of the operation
                if _EXAMPLE_OPERATIONS.search(unit.block.text, sentence.start_char, doc[action].idx):
                    continue  # "operations such as putting in grommets or taking out the tonsils": other operations
                if doc[action].lower_ in ("clip", "clips", "probe", "sensor", "cuff") and _MONITORING.search(
                        unit.block.text, max(0, doc[action].idx - 80), min(sentence.end_char, doc[action].idx + 60)):
                    continue  # "checks your oxygen level with a clip on your finger", "a clip on your finger measures
                    # your oxygen level": a monitor, not an implant
                acting, named = self._acting(page, unit, doc[action])
                if acting and not named and unit.block.scope != "heading" and _under_alternatives(page, unit):
                    continue  # "a small cut inside the mouth, to take out a stone" under "Other options" on a page about
                    # removing the gland through the neck: another treatment than the page's
                if not acting:
                    if not page.topic_procedures and not page.topic_conditions and not passive:
                        # a procedure the knowledge base does not know: a cut in another part of the body from the one
                        # the title names ("a cut in your armpit" under "Kneecap Fracture Surgery")
                        hit = self._titled_cut(page, unit, action, target, reported)
                        if hit is not None:
                            yield hit
                    continue
                if not named and not page.topic_procedures and (passive or doc[action].lower_ not in _INCISIONS
                                                                 and doc[action].lower_ not in _REMOVAL_NOUNS
                                                                 and not self._surgeon_subject(unit, action)):
                    continue  # on a page about a condition, only what a surgeon does is an operation ("taken on an
                    # empty stomach", "the blood supply to the brain is cut off" are not)
                if doc[action].lower_ in _TAKEN_FROM and any(t.lower_ == "blood" for t in doc[max(0, action - 5):action]):
                    continue  # "a blood sample is taken from your arm": a blood test, no act of the operation on the arm
                passive_verb = ((doc[action].lower_ in _PASSIVE_VERBS or doc[action].lower_ in _ROUTE_WORDS)
                                and action > 0 and doc[action - 1].lower_ in _PASSIVE_AUX)
                # "a bone graft taken from your collarbone": the graft is what the operation takes
                graft_taken = doc[action].lower_ in _TAKEN_FROM and action > 0 and doc[action - 1].lower_ in _GRAFTS
                # "a small sample (biopsy) taken from the lining of": a sample the operation takes, named in brackets
                graft_taken = graft_taken or doc[action].lower_ in _TAKEN_FROM and _sample_before(doc, action)
                if (not named and not passive and not passive_verb and not graft_taken
                        and doc[action].lower_ not in _REMOVAL_NOUNS
                        and doc[action].lower_ not in _INCISIONS and doc[action].lower_ not in _PLACED_THINGS
                        and not self._surgeon_subject(unit, action) and not self._surgeon_lead_in(page, unit)):
                    continue
                # "a cut under the ribs": a landmark beside the cut, judged by where it lies, not by what is operated on
                # ("a small cut just below your collarbone": past an adverb of place)
                after_cut = action + 1
                while after_cut < len(doc) - 1 and (doc[after_cut].lower_ in _CLOSE_BY or doc[action].lower_ in _INCISIONS
                                                    and (doc[after_cut].like_num or doc[after_cut].lower_ in _SIZE_WORDS
                                                         or doc[after_cut].lower_ in ("each", ","))):
                    after_cut += 1  # (past the cut's size too: "a cut about 5 centimetres long below your collarbone")
                beside = doc[action].lower_ in _CUT_NOUNS and after_cut < len(doc) and doc[after_cut].lower_ in _CUT_BESIDE
                # (a device placed beside a landmark: "The battery is then placed below the collarbone")
                beside = beside or doc[action].lower_ in _PLACED_THINGS and target.start >= 2 \
                    and doc[target.start - 1].lower_ in ("the", "your") and doc[target.start - 2].lower_ in _CUT_BESIDE
                # "bone taken from your hip": a graft's donor site, right when any of the procedure's parts lies there
                donor = (doc[action].lower_ in _TAKEN_FROM or doc[action].lower_ in _REMOVING) and target.label_ == "region"
                # (the page's own procedure, named in its title with the part it is done on: "Lumbar spinal fusion" is done
                # on the lower back, though a spinal fusion may be done anywhere along the spine)
                if title_regions is None:
                    title_regions = self._title_regions(page)
                narrowed = title_regions if not named else {}
                # (a cut for a procedure that enters elsewhere: a coronary angiogram's cut is at the wrist or the groin)
                cut = doc[action].lower_ in _CUT_NOUNS or doc[action].lower_ in _INCISIONS
                # (a scope passed in through a natural opening: "through your mouth" for a gastroscopy; on a page about
                # more than one procedure, any of them: an ERCP's scope on a page about gallstones and their removal)
                routed = doc[action].lower_ in _ROUTE_WORDS
                if routed and any(self._way_in(kb.procedures[p], target)
                                  for p in (acting if named else {*acting, *page.topic_procedures})):
                    continue
                # (a natural opening onto another body system is the wrong way in, however near: the back passage for
                # a look inside the womb)
                wrong_opening = routed and target.label_ == "region" and bool(kb.regions[target.kb_id_].opens_on)
                # (a cut placed beside a part, or on its skin, is outside the body: "a small cut behind the ear")
                # (the skin is cut only by an incision: "surgery over nasal sprays" is no cut over anything; and a way in
                # through the skin is no way in for an operation through a natural opening: "passed through your belly
                # button and into the uterus" for an endometrial ablation)
                incision = doc[action].lower_ in _INCISIONS
                skin_cut = incision or routed
                outside = skin_cut and any(doc[k].lower_ in _CUT_BESIDE or doc[k].lower_ in _SKIN_WORDS
                                      for k in range(action + 1, target.start))
                if not wrong_opening and any(
                        self._acts_on(self._entered(self._narrowed(kb.procedures[p], narrowed), cut, skin_cut, outside, incision),
                                      target, beside)
                        or donor and self._donor_site(kb.procedures[p], target) for p in acting):
                    face = self._wrong_face(unit, doc, action, target, acting) if self.opts["face_message"] else None
                    if face is not None:
                        proc, face_named, hi, place_name = face
                        lo = doc[action].idx
                        if action not in reported and not is_negated(unit, lo, hi):
                            reported.add(action)
                            yield self.hit(unit, lo, hi, message=self.opts["face_message"], procedure=proc.name,
                                           structure=place_name, face=kb.aspects[face_named].name,
                                           faces=listed([kb.aspects[a].name for a in proc.aspects if a in kb.aspects]))
                    continue
                # "major surgery on your head or neck": one of two places offered as a choice is the operation's own
                alternative = self._alternative(doc, target, starts)
                if alternative is not None and any(
                        self._acts_on(self._entered(self._narrowed(kb.procedures[p], narrowed), cut, skin_cut, outside, incision),
                                      alternative, beside)
                        for p in acting):
                    continue
                proc = self._narrowed(kb.procedures[acting[0]], narrowed)
                lo, hi = (target.start_char, doc[action].idx + len(doc[action].text)) if passive else (
                    doc[action].idx, target.end_char)
                again = next((k for k in range(target.start - 1, action, -1) if doc[k].lower_ == "another"), None)
                if not passive and again is not None and doc[again - 1].lower_ in ("and", ","):
                    lo = doc[again].idx  # "a cut on the head ..., and another in the lower back": the second cut
                if is_negated(unit, lo, hi):
                    continue  # "there are no cuts on your face"
                if action in reported:
                    continue
                message = self.opts["route_message"] if routed and self.opts["route_message"] else None
                if incision and all(kb.procedures[p].no_skin_cut for p in acting):
                    sent = unit.sent_at(action)
                    if _ANOTHER_WAY_IN.search(unit.block.text, sent.start_char, sent.end_char):
                        continue  # "if the stone cannot be reached, a small cut in your back may be needed": another
                        # operation, when this one cannot be done
                    if any(not kb.procedures[p.kb_id_].no_skin_cut for p in procedures if p.kb_id_ in kb.procedures):
                        continue  # "Percutaneous nephrolithotomy. The surgeon makes a small cut in your back": the
                        # block names an operation that cuts the skin
                    message = self.opts["no_cut_message"] or None
                    proc = kb.procedures[acting[0]]
                targets = _where_done(kb, proc)
                if incision and target.label_ == "structure" and proc.cut_structures \
                        and target.kb_id_ in proc.structures:
                    # (a structure it acts on, but does not cut: the message names the ones it cuts)
                    message = self.opts["cut_message"] or None
                    targets = listed([kb.structures[c].name for c in proc.cut_structures], "or")
                reported.add(action)
                yield self.hit(
                    unit, lo, hi, procedure=proc.name, structure=target.text, targets=targets, way=proc.no_skin_cut,
                    message=message,
                )

    def _titled_cut(self, page, unit, action: int, target, reported):
        """The finding for a cut made in another part of the body from the one the page's title names, on a page whose
        procedure the knowledge base does not know; None for any other action, or for a cut for a graft or into a blood
        vessel."""
        doc = unit.doc
        if doc[action].lower_ not in _INCISIONS or target.label_ != "region" or target.kb_id_ in _GENERIC_REGIONS \
                or action in reported or target.start <= action:
            return None
        titled = titled_parts(self.kb, page, _GENERIC_REGIONS)
        if titled is None:
            return None
        sent = unit.sent_at(action)
        if not _ELSEWHERE_WORDS.isdisjoint(unit.lowers[sent.start:sent.end]):
            return None  # "a second cut in the thigh, to take a graft": a donor site, or a way in, may be anywhere
        title_segments = {s for r in titled[1] for s in _segment(self.kb, r)}
        if _segment(self.kb, target.kb_id_) & title_segments:
            return None
        lo, hi = doc[action].idx, target.end_char
        if is_negated(unit, lo, hi):
            return None
        reported.add(action)
        return self.hit(unit, lo, hi, procedure=self.opts["titled_procedure"].format(title=titled[0]),
                        structure=target.text, targets=listed(sorted(self.kb.regions[r].name for r in titled[1])))

    def _at_risk(self, page, unit, structures):
        """A nerve the page says the operation puts at risk, lying nowhere near where it is done or cut; and an organ
        the operation may injure ("the needle can injure nearby organs such as the bowel, bladder or spleen", "the
        gallbladder can be injured")."""
        kb = self.kb
        text = unit.block.text
        procedures = _specific(kb, page.topic_procedures)
        if not procedures or len(procedures) > 3:
            return
        near = None  # (where the operation is done, cut and reaches, with what lies beside: worked out at the first nerve)
        at_risk_end = None  # (the end of the last organ put at risk: the next item of its list is at risk too)
        for target in structures:
            if target.label_ != "structure":
                continue
            kind = kb.structures[target.kb_id_].kind
            risk = None
            finish = target.end_char
            if kind == "nerve":
                for m in finditer(self.nerve_risk, text, max(0, target.start_char - 40), target.start_char):
                    risk = m
                if risk is None or not _RISK_GAP.fullmatch(text, risk.end(), target.start_char):
                    continue
                start = risk.start()
            elif kind in ("organ", "gland") and self.organ_risk is not None \
                    and target.kb_id_ not in self.opts["organ_risk_skip"]:
                for m in finditer(self.organ_risk, text, max(0, target.start_char - 80), target.start_char):
                    risk = m
                if risk is not None and _ORGAN_RISK_GAP.fullmatch(text, risk.end(), target.start_char):
                    start = risk.start()
                elif (injured := _INJURED_AFTER.match(text, target.end_char)) is not None:
                    start = target.start_char  # "the bladder or the gallbladder can be injured"
                    finish = injured.end()
                elif at_risk_end is not None and _LIST_JOIN.fullmatch(text, at_risk_end, target.start_char):
                    start = target.start_char  # "such as the bowel, bladder or spleen": an item of the list at risk
                else:
                    continue
                at_risk_end = target.end_char
                sentence = unit.sent_at(target.start)
                if not _PHYSICAL_HARM.search(text, sentence.start_char, sentence.end_char):
                    continue  # "too much paracetamol can damage your liver": harm from a medicine, anywhere
            else:
                continue
            if near is None:
                near = _around_operation(kb, procedures, [r for p in procedures
                                                          for r in self._structure_regions(kb.procedures[p])])
                # (the page's condition may be the nerve's own: "irritation of the sciatic nerve" on a page about sciatica)
                for c in page.topic_conditions:
                    near.update(kb.conditions[c].regions)
                    near.update(kb.conditions[c].symptom_regions)
            nerve = kb.structures[target.kb_id_]
            if not near or any(nerve.id in kb.procedures[p].structures for p in procedures) \
                    or kb.any_related(nerve.regions, tuple(near)):
                continue
            proc = kb.procedures[procedures[0]]
            yield self.hit(unit, start, finish, procedure=proc.name, structure=target.text,
                           targets=_where_done(kb, proc),
                           message=self.opts["nerve_message"] or None)

    def _squeezed_nerves(self, page) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
        """(condition id -> the nerves it squeezes, for the page's conditions and those its operations treat whose
        entries list nerves; every nerve the page may say is squeezed or freed: those, and its operations' own)."""
        key = ("squeezed-nerves", id(self.kb))
        found = page.memo.get(key)
        if found is not None:
            return found
        kb = self.kb
        procedures = set(page.topic_procedures)
        conditions = set(page.topic_conditions)
        conditions.update(c.id for c in kb.conditions.values() if procedures.intersection(c.treated_by))
        squeezing = {}
        for c in sorted(conditions):
            nerves = tuple(s for s in kb.conditions[c].structures if s in kb.structures and kb.structures[s].kind == "nerve")
            if nerves:
                squeezing[c] = nerves
        allowed = {n for nerves in squeezing.values() for n in nerves}
        if allowed:
            allowed.update(s for p in procedures for s in kb.procedures[p].structures
                           if s in kb.structures and kb.structures[s].kind == "nerve")
        found = page.memo[key] = (squeezing, frozenset(allowed))
        return found

    def _squeezed_nerve(self, page, unit, structures):
        """(hit, nerve) for each nerve said to be squeezed, or freed by the operation, that is not the one the page's
        condition squeezes: "carpal tunnel release relieves pressure on the ulnar nerve", "tarsal tunnel syndrome happens
        when the sural nerve is trapped". Not in a sentence that names another condition or operation, that names the
        right nerve too, or that says it is another case ("can also be squeezed", "a similar problem")."""
        kb = self.kb
        text = unit.block.text
        squeezing, allowed = None, None
        sentences, in_block = None, None
        judged = {}  # sentence index -> (whether it is about another case, the ids of the terms it names)
        for target in structures:
            if target.label_ != "structure" or kb.structures[target.kb_id_].kind != "nerve":
                continue
            pressure = None
            for m in finditer(self.squeeze, text, max(0, target.start_char - 40), target.start_char):
                pressure = m
            if pressure is not None and _RISK_GAP.fullmatch(text, pressure.end(), target.start_char):
                start, end = pressure.start(), target.end_char
            elif (squeezed := _SQUEEZED_AFTER.match(text, target.end_char)) is not None:
                start, end = target.start_char, squeezed.end()
            else:
                continue
            if squeezing is None:
                squeezing, allowed = self._squeezed_nerves(page)
                topics = {*page.topic_procedures, *page.topic_conditions, *squeezing}
            if not allowed or target.kb_id_ in allowed:
                continue
            if sentences is None:
                # (what each sentence names, read once: a block of one long sentence naming a nerve again and again
                # would otherwise be read once for each)
                sentences, in_block = {}, set()
                for t in _terms(unit):
                    sentences.setdefault(unit.sent_index(t.start), []).append(t)
                    in_block.add(t.kb_id_)
            index = unit.sent_index(target.start)
            if index not in judged:
                # (a sentence that says it is another case, names another condition or operation, or the right nerve)
                sentence, here = unit.sents[index], sentences.get(index, ())
                elsewhere = _ANOTHER_CASE.search(text, sentence.start_char, sentence.end_char) is not None or any(
                    t.label_ in ("condition", "procedure") and t.kb_id_ not in topics
                    or t.label_ == "structure" and t.kb_id_ in allowed for t in here)
                judged[index] = (elsewhere, {t.kb_id_ for t in here})
            elsewhere, in_sentence = judged[index]
            if elsewhere or is_negated(unit, start, end):
                continue
            # (the condition the sentence names, else the block, else the page's: an operation may treat several)
            named = next(chosen for chosen in (
                [c for c in squeezing if c in in_sentence],
                [c for c in squeezing if c in in_block],
                [c for c in squeezing if c in page.topic_conditions],
                list(squeezing)) if chosen)
            nerves = list(dict.fromkeys(n for c in named for n in squeezing[c]))
            hit = self.hit(unit, start, end, conditions=listed([kb.conditions[c].name for c in named], "or"),
                           structure=target.text, targets=" or the ".join(kb.structures[n].name for n in nerves),
                           message=self.opts["squeeze_message"])
            yield hit, target

    def _discharge_from(self, page, unit, structures):
        """Bleeding or a discharge said to come, after the operation, from an opening or an organ of another body system
        than every one the operation acts on: "light bleeding from the back passage" after a look inside the womb,
        "a watery discharge from the bladder" after an endometrial ablation."""
        kb = self.kb
        text = unit.block.text
        procedures = _specific(kb, page.topic_procedures)
        if not procedures or len(procedures) > 3:
            return
        systems = None
        for target in structures:
            lead = _DISCHARGE_BEFORE.search(text, max(0, target.start_char - 60), target.start_char)
            if lead is None:
                continue
            if target.label_ == "region":
                theirs = set(kb.regions[target.kb_id_].opens_on)
            else:
                structure = kb.structures[target.kb_id_]
                theirs = {structure.system} if structure.kind in ("organ", "vessel", "space") else set()
            if not theirs:
                continue
            if systems is None:
                systems = {kb.structures[x].system for p in procedures for x in kb.procedures[p].structures}
                for c in page.topic_conditions:  # (bleeding from the back passage on a page about piles and their banding)
                    systems.update(kb.structures[x].system for x in kb.conditions[c].structures if x in kb.structures)
            if not systems or theirs & systems or is_negated(unit, lead.start(), target.end_char):
                continue
            sentence = unit.sent_at(target.start)
            if not _EXPECTED_AFTER.search(text, sentence.start_char, sentence.end_char) \
                    or _AS_CAUSE.search(text, sentence.start_char, lead.start()):
                continue  # "iron deficiency is often caused by bleeding from the bowel": the condition's cause
            proc = kb.procedures[procedures[0]]
            yield self.hit(unit, lead.start(), target.end_char, procedure=proc.name, structure=target.text,
                           targets=_where_done(kb, proc),
                           message=self.opts["discharge_message"])

    @staticmethod
    def _alternative(doc, target, starts):
        """The place named after ``target`` as another choice ("your head or neck", "the hand or the wrist"), or None."""
        k = target.end
        if k < len(doc) and doc[k].lower_ == "or":
            k += 1
            while k < len(doc) and doc[k].lower_ in ("the", "your", "a", "an", "their"):
                k += 1
            return starts.get(k)
        return None

    def _wrong_face(self, unit, doc, action: int, target, acting):
        """(procedure, face named, end of the words naming it, the part named) for a cut on the face of its part opposite
        the one the procedure's cuts are made on: "a small cut along the bottom of the toe" for hammer toe correction,
        "a cut along the back of the knee" (a part named by its face). None when the action is no cut or the words
        before the part name no such face."""
        if doc[action].lower_ not in _INCISIONS or target.start <= action:
            return None
        if target.label_ == "structure":
            # a part named by its face ("the back of the knee"): its own face against the procedure's
            own = self.kb.structures[target.kb_id_].aspects
            for p in acting:
                proc = self.kb.procedures[p]
                named = next((a for a in own if proc.aspects and a not in proc.aspects and a in self.kb.aspects
                              and any(a in self.kb.aspects[x].opposite for x in proc.aspects if x in self.kb.aspects)),
                             None)
                if named is not None:
                    regions = self.kb.structures[target.kb_id_].regions
                    return proc, named, target.end_char, self.kb.regions[regions[0]].name if regions else target.text
            return None
        if target.label_ != "region":
            return None
        words = doc[action + 1:target.start].text
        end = target.end_char
        # "a cut across the wrist crease on the little-finger side": a face named after the part
        after = _FACE_AFTER.match(unit.block.text, target.end_char)
        if after is not None:
            words += " " + after.group()
            end = after.end()
        for p in acting:
            proc = self.kb.procedures[p]
            named = self.faces.clash(proc.aspects, words)
            if named is not None:
                return proc, named, end, target.text
        return None

    def _acts_on(self, procedure, target, beside: bool = False) -> bool:
        """Does the procedure act on the structure? Organs, glands, bones and joints must be listed
        among its structures; other tissue must at least lie inside its regions. A landmark ``beside`` a cut
        must lie in or around the procedure's regions."""
        kb = self.kb
        structure_id = target.kb_id_
        if beside and target.label_ == "structure" and kb.any_related(kb.structures[structure_id].regions,
                                                                       procedure.regions):
            return True
        if target.label_ == "structure" and procedure.id.endswith("@cut"):
            # (only the structures it cuts, however near the others lie: the retina is in the eye too)
            return structure_id in procedure.structures or bool(set(kb.structures[structure_id].regions) & _GENERIC_REGIONS)
        if target.label_ == "region" and procedure.no_skin_cut and procedure.id.endswith("@entry"):
            # a cut for an operation through a natural opening: only inside the opening ("at the back of the throat"),
            # not in the part around it ("on your neck")
            return any(r in kb.ancestors(structure_id) for r in procedure.regions)
        if target.label_ == "region":
            # a region named as the target: "keyhole surgery on the knee"
            # a cut "in the lower back" for a spine operation: the region or one beside it
            # (or a region one of its structures lies in: the usual way in, "through the tummy" for a disc
            # replacement in the lower back, whose entry lists the great vessels it is reached past)
            # (a region that shares a part with a procedure's region made of parts of others: a cut in the neck for a
            # spinal fusion, which may be done on the neck's part of the spine)
            return (structure_id in _GENERIC_REGIONS or kb.any_related((structure_id,), procedure.regions)
                    or any(kb.spanning(r) and kb.overlap(structure_id, r) for r in procedure.regions)
                    # (not parts of the face or head: the eye, the mouth and the ear are no way into each other)
                    # (not for a cut where the entry is given: a cut "in the groin" for an operation entered at the belly
                    # button is wrong, though the groin is beside the tummy)
                    or not procedure.id.endswith("@entry") and any(kb.beside(structure_id, r, _NO_WAY_IN)
                                                                   for r in procedure.regions)
                    or kb.any_related((structure_id,), self._structure_regions(procedure)))
        if structure_id in procedure.structures:
            return True
        structure = self.kb.structures[structure_id]
        if set(structure.regions) & _GENERIC_REGIONS:
            return True  # skin, fat, vessels and nerves everywhere
        if structure.kind in self.opts["listed_kinds"]:
            return False
        return any(r in kb.ancestors(s) for s in structure.regions for r in procedure.regions)

    def _way_in(self, procedure, target) -> bool:
        """Can a scope reach what the procedure acts on through ``target``: a natural opening onto one of the body
        systems it acts on ("through your mouth" for a gastroscopy), or a passage of one of them ("through the vagina
        and cervix" for a hysteroscopic myomectomy)?"""
        kb = self.kb
        if target.label_ == "region":
            return any(kb.structures[s].system in kb.regions[target.kb_id_].opens_on for s in procedure.structures)
        # (the passage is one of the structures the procedure's entry lists: ERCP's has the stomach, not the windpipe
        # that lies beside the gullet)
        return target.kb_id_ in procedure.structures

    def _donor_site(self, procedure, target) -> bool:
        """Does a graft the procedure takes (a vessel, bone, tendon, muscle or other tissue it lists) lie in the
        region? (Not its nerves: a heart bypass lists the phrenic nerve, in the neck, as a risk.)"""
        return self.kb.any_related((target.kb_id_,), self._structure_regions(procedure, graft=True))

    def _structure_regions(self, procedure, graft: bool = False) -> tuple[str, ...]:
        """The regions the procedure's structures lie in, less those found all over the body: those of the blood
        vessels and spaces it reaches past (its way in), or with ``graft``, those of the tissue it may take a graft
        from. (Not its bones, nerves or ducts as a way in: a discectomy lists the neck's vertebrae, and a cut in the
        neck for a lower back discectomy is still wrong; a kidney operation lists the ureter, which runs down to the
        pelvis, and a cut in the groin for it is still wrong.)"""
        found = self._regions_of_structures.get((procedure.id, graft))
        if found is None:
            kb = self.kb
            kept = [kb.structures[s] for s in procedure.structures]
            kept = [s for s in kept if s.kind in _GRAFT_KINDS and s.system != "nervous"] if graft \
                else [s for s in kept if s.system == "cardiovascular" or s.kind == "space"]
            found = self._regions_of_structures[(procedure.id, graft)] = tuple(sorted(
                {r for s in kept for r in s.regions} - _GENERIC_REGIONS))
        return found

    @staticmethod
    def _passive_after(doc, target, sent_end):
        """"part of the pancreas are then taken out", "a small piece of the prostate may be removed"; ``sent_end``
        ends the target's sentence."""
        # "The two tubes that carry sperm from the testicles towards the penis are cut": the relative clause's head
        # is what is cut
        for j in range(target.start - 1, max(-1, target.start - 13), -1):
            low = doc[j].lower_
            if low in (".", ";", ":", ","):
                break
            if low in ("that", "which") and j > 0 and doc[j - 1].lower_ not in ("so", "such", "and", "or", "now") \
                    and doc[j - 1].is_alpha:
                return None
        i = target.end
        if i < sent_end and doc[i].lower_ in _PART_NOUNS:
            i += 1  # "a small part of the bladder wall is also trimmed"
        # past the rest of a coordination: "the gallbladder and part of the pancreas are taken out"
        hops = 0
        while i < sent_end and hops < 8:
            low = doc[i].lower_
            if low == "," and hops == 0 and i + 1 < sent_end and doc[i + 1].lower_ in ("is", "are") \
                    and _joined_to_subject(doc, target.start):
                i += 1  # "the appendix, together with the gallbladder, is tied off" (not "the port, located in the thigh, is")
                continue
            if low in _PASSIVE_AUX:
                i += 1
                hops += 1
                continue
            if low in _PASSIVE_VERBS:
                before = {t.lower_ for t in doc[max(target.end, i - 4) : i]}
                if before & {"has", "have", "had", "was", "were", "been", "if", "already"}:
                    return None
                return i if before & {"is", "are", "be"} else None
            return None
        return None

    @staticmethod
    def _action_before(doc, start, by_end=None, end=None):
        """Index of the removal noun or action verb governing the structure at ``start``, if any."""
        i = start - 1
        gap = 0
        hops = 0
        by_end = by_end or {}
        # a target followed by its own verb is the subject of a clause ("..., and the ear may hurt"): not a list item
        listed = end is not None and (end >= len(doc) or doc[end].lower_ not in _VERB_AFTER)
        # (an item of a list already walked may be longer: "the tumour, a thin layer of bladder muscle underneath it
        # and a small piece of the appendix")
        while i >= 0 and gap <= (_MAX_LIST_GAP if hops else _MAX_GAP):
            tok = doc[i]
            low = tok.lower_
            if low in _MODALS:
                return None  # "which examines the cervix, may mention cervical ...": a verb of its own starts here
            # "removes the tonsils and the thyroid gland": go on past the first conjunct
            if low in ("and", ",") and i in by_end:
                if listed and i + 1 < len(doc) and _opens_list_item(low, doc[i + 1].lower_):
                    hops += 1  # "the thickened skin and a section of": a further item of a list
                i = by_end[i].start - 1
                gap = 0 if hops else gap + 1  # (a list already walked: each item starts afresh)
                continue
            # "removes excess skin, a small strip of muscle and the parotid gland": past list items that are no terms
            # (in a list already walked, a short item opens with any word: "damaged tissue, frayed tendon ends and
            # part of the meniscus")
            if low in ("and", ",", "or") and listed and hops < 3 and i + 1 < len(doc) \
                    and (_opens_list_item(low, doc[i + 1].lower_) or hops and low == "," and 0 < gap <= 4):
                hops += 1
                gap = 0
                i -= 1
                continue
            # "the breast is removed along with the lymph nodes in the groin"
            if low == "with" and i > 0 and doc[i - 1].lower_ in ("along", "together"):
                i -= 2
                gap += 1
                continue
            if low == "as" and i > 1 and doc[i - 1].lower_ == "well" and doc[i - 2].lower_ == "as":
                i -= 3
                gap += 1
                continue
            placed = i - 1
            while placed > 0 and doc[placed].lower_ in _CLOSE_BY:
                placed -= 1  # "an incision made just below the collarbone"
            if low in _PLACE_PREPS and placed > 0 and doc[placed].lower_ in _PLACED_VERBS:
                # "the incision is hidden in the crease of", "the cut is usually made behind the": the cut is the
                # subject of the passive
                k = placed - 1
                while k > 0 and doc[k].lower_ in _PASSIVE_AUX | {"usually", "normally", "typically", "generally"}:
                    k -= 1
                # "A cut of about 6 to 8 centimetres is made just under the ribs": past the cut's size
                size = k
                while size > 0 and k - size < 7 and (doc[size].like_num or doc[size].lower_ in _SIZE_WORDS):
                    size -= 1
                if size < k and doc[size].lower_ in _CUT_NOUNS:
                    k = size
                # (or what the operation leaves in place: "soft splints are placed inside the ear canals")
                return k if doc[k].lower_ in _CUT_NOUNS or doc[k].lower_ in _PLACED_THINGS else None
            if low in _CUT_BESIDE and i > 0 and doc[i - 1].lower_ in _CUT_NOUNS:
                return i - 1
            if low in _CUT_BESIDE and i > 1 and doc[i - 1].lower_ in _CLOSE_BY \
                    and doc[i - 2].lower_ in _CUT_NOUNS:
                return i - 2  # "a small incision just below your collarbone"
            if (low in _CUT_LINKS or low in _CUT_BESIDE or low == "down") and i > 1 \
                    and (doc[i - 1].lower_ in _SIZE_WORDS or doc[i - 1].text == ","):
                # "an incision about 6 inches long in the side of", "small cuts, each about 1 cm long, on the": past the
                # cut's size
                k = i - 1
                while k > 0 and i - k <= 8 and (doc[k].like_num or doc[k].lower_ in _SIZE_WORDS
                                                 or doc[k].lower_ in ("each", "approximately", "only", "just", ",")):
                    k -= 1
                if doc[k].lower_ in _INCISIONS and any(doc[j].lower_ in _SIZE_WORDS for j in range(k + 1, i)):
                    return k
            if low == "to" and i > 0:
                # "the pouch is then joined directly to the large bowel"
                k = i - 1
                if k > 0 and doc[k].lower_ in ("directly", "then", "back", "together"):
                    k -= 1
                if doc[k].lower_ in _JOINED:
                    return k
            if low == "of" and i > 1 and doc[i - 1].lower_ in _FACE_NOUNS and doc[i - 2].lower_ in ("the", "your", "its"):
                # "a cut along the back of the knee": past the face of the part, to the cut
                i -= 3
                gap += 1
                continue
            if low == "of" and i > 2 and doc[i - 1].lower_ in ("part", "section", "piece", "end") \
                    and doc[i - 2].lower_ in _PART_SIZES and doc[i - 3].lower_ in ("the", "a", "its"):
                # "together with the middle part of the collarbone": past the part, to what takes it
                i -= 4
                gap += 1
                continue
            if low in ("down", "along", "up") and i > 0 and doc[i - 1].lower_ not in _CUT_NOUNS \
                    and doc[i - 1].lower_ not in _INCISIONS:
                # "the bronchoscope is passed through your nose, down your oesophagus": a scope's way down a passage
                # (a cut "down the front of the ankle" is read as a cut)
                # (not an ultrasound probe passed down the gullet for a heart scan, on a page about another procedure)
                verb = _route_verb(doc, i)
                if verb is not None and _named_scope(doc, i) != "probe":
                    return verb
            if low in _CUT_LINKS and i > 1 and doc[i - 1].lower_ in _CUT_SITES and doc[i - 2].lower_ in _INCISIONS:
                return i - 2  # "hernias can develop at the incision sites in your chest": the cuts' sites are the cuts'
            if low in _CUT_LINKS and i > 1 and doc[i - 1].lower_ in _CREASES:
                # "a cut in a natural skin crease at the back of your neck": past the crease the cut is hidden in
                k = i - 2
                while k > 0 and doc[k].lower_ in ("natural", "skin", "a", "the", "your", "existing", "deep"):
                    k -= 1
                if doc[k].lower_ in _CUT_LINKS and k > 0 and doc[k - 1].lower_ in _CUT_NOUNS:
                    return k - 1
            if low == "at" and i > 0 and doc[i - 1].lower_ in _CUT_NOUNS:
                return i - 1  # "a small incision at the back of the neck" (a cut noun only: not "look at the")
            if low in _CUT_LINKS and i > 0:
                prev = doc[i - 1].lower_
                if low == "from" and start in by_end.get("_regions", ()) and prev not in _TAKEN_FROM:
                    # "remove loose skin from the neck": what is taken from a part of the body (judged as a donor site,
                    # so "we remove a vein from your leg" for a heart bypass stays right)
                    verb = next((k for k in range(i - 2, max(-1, i - 6), -1) if doc[k].lower_ in _REMOVING), None)
                    return verb  # (else "a vein from your leg": where a graft comes from, not what is operated on)
                if prev in _CUT_NOUNS or prev in _ACTION_VERBS:
                    return i - 1
                if prev == "another" and i > 2 and doc[i - 2].lower_ in ("and", ","):
                    # "a small cut on the head, usually behind the ear, and another in the lower back": the cut
                    # named earlier in the sentence, made again
                    earlier = next((k for k in range(i - 3, max(doc[i].sent.start, i - 25) - 1, -1)
                                    if doc[k].lower_ in _CUT_NOUNS and doc[k].lower_ not in _HEALING_CUTS), None)
                    if earlier is not None:
                        return earlier
                if low in ("into", "through"):
                    # "the scope is passed through your mouth", "passes a proctoscope, a short tube with a light,
                    # into your back passage": the way a scope goes is where the operation is done
                    verb = _route_verb(doc, i)
                    if verb is not None:
                        return verb
                if low == "from":
                    # "shave a small amount of bone from the kneecap": the verb may come earlier
                    i -= 1
                    gap -= 3
                    continue
                # "a cut in the top part of" -> keep looking through "of"-phrases only
                return None
            if low == ")":
                # "take a small sample of tissue (a biopsy) from the lining of": past a name given in brackets
                opening = next((k for k in range(i - 1, max(-1, i - 8), -1) if doc[k].text == "("), None)
                if opening is not None and not any(doc[k].text in (")", ".", ";") for k in range(opening + 1, i)):
                    i = opening - 1
                    continue
            if tok.is_punct or low in _STOP or tok.is_sent_start and i != start - 1 and low not in _ACTION_VERBS:
                return None
            if low in _REMOVAL_NOUNS:
                return i if i + 1 < len(doc) and doc[i + 1].lower_ == "of" else None
            if low in _ACTION_VERBS:
                # "a heart-lung machine takes over the work of the heart and lungs": no operation on them
                return None if i + 1 < len(doc) and doc[i + 1].lower_ == "over" else i
            if low in _VERB_PARTICLES and i > 0 and doc[i - 1].lower_ in _ACTION_VERBS:
                return i - 1
            i -= 1
            gap += 1
        return None

    @staticmethod
    def _surgeon_lead_in(page, unit) -> bool:
        """A list item under "Depending on what is found, the surgeon may:" has the surgeon as subject."""
        if unit.block.scope != "list_item":
            return False
        previous = page.last_before(unit, ("list_item",), outside=True)
        if previous is None or not previous.block.text.rstrip().endswith(":"):
            return False
        return bool({t.lower_ for t in previous.doc} & _SURGEONS)

    @staticmethod
    def _surgeon_subject(unit, action):
        """"the surgeon removes ..." / "we remove ...": a person doing the operation."""
        sent = unit.sent_at(action)
        words = {t.lower_ for t in unit.doc[sent.start : action]}
        return bool(words & _SURGEONS)


# -- symptoms placed in the wrong part of the body --------------------------------------------------

#: parts of the body whose regions are no way into each other: the eye, the mouth and the ear are all in the head
_NO_WAY_IN = frozenset({"body", "face", "head"})


# what a verb "cut" reduces when it means "reduce": "cut your risk", "cuts the chance", "cutting recovery time"
_REDUCED = frozenset({"risk", "risks", "chance", "chances", "rate", "rates", "number", "cost", "costs", "time", "times",
                      "recovery", "waiting", "pain", "odds", "likelihood", "need", "spending", "bill", "bills"})


class AspectWords:
    """The knowledge base's faces of a part of the body, as a page names them (see ``rules/knowledge/aspects.yaml``)."""

    def __init__(self, kb, trusted: bool):
        self.kb = kb
        # (searched only in the few words before a place: a short string, under no time limit needed)
        self.words = [(a.id, compile_pattern(a.words, f"aspect '{a.id}'", trusted=trusted)) for a in kb.aspects.values()]

    def clash(self, own, words: str) -> str | None:
        """The face ``words`` name when it is opposite one of the ``own`` faces and none of them; else None."""
        if not own or not self.words:
            return None
        named = [aspect for aspect, pattern in self.words if pattern.search(words)]
        if not named or set(named) & set(own):
            return None
        aspects = self.kb.aspects
        return next((n for n in named if any(n in aspects[a].opposite for a in own if a in aspects)), None)


#: a list that goes on after an item: ", and the", ", or a"
_LIST_GOES_ON = compile_builtin(r"(?i)\s*,\s*(?:and|or)\s+(?:the|your|a|an)\b")
#: what a blockage cuts off: "the blood supply to the bowel is cut off"
_SUPPLIES = frozenset({"supply", "supplies", "flow", "circulation", "oxygen"})


def _cut_as_reduce(doc, action: int) -> bool:
    """Is the word at ``action`` the verb "cut" meaning "reduce" ("they cut your risk of ankle sprains") or "stop" ("the
    blood supply is cut off"), no incision?"""
    if doc[action].lower_ not in ("cut", "cuts", "cutting"):
        return False
    if action + 1 < len(doc) and doc[action + 1].lower_ == "off" \
            and any(t.lower_ in _SUPPLIES for t in doc[max(0, action - 10):action]):
        return True  # "the blood supply to part of the brain is cut off": a supply stopped, no incision
    k = action + 1
    while k < len(doc) and k <= action + 2 and doc[k].lower_ in ("your", "the", "their", "his", "her", "our", "its",
                                                                  "down", "back"):
        k += 1
    return k < len(doc) and doc[k].lower_ in _REDUCED


def _segment(kb, region_id: str) -> frozenset[str]:
    """The major parts of the body a region lies in (head, neck, trunk, arm, leg...)."""
    return frozenset(r for r in kb.ancestors(region_id) if "body" in kb.regions[r].parents)


def _side(region_id: str) -> str | None:
    parts = set(region_id.split("-"))
    if "left" in parts:
        return "left"
    if "right" in parts:
        return "right"
    return None


def titled_parts(kb, page, ignore=frozenset()):
    """(the page's title, the parts of the body it names), for a page whose procedure and condition the knowledge base
    does not know: "Kneecap (Patella) Fracture Surgery" names the kneecap, in the knee. None when the title names no
    part, or names parts in more than one part of the body (worked out once a page)."""
    key = ("titled-parts", frozenset(ignore))
    if key in page.memo:
        return page.memo[key]
    found = None
    for unit in page.units:
        if unit.block.scope == "title" or unit.block.scope == "heading" and unit.block.level <= 1:
            regions = set()
            for t in _terms(unit):
                if t.label_ == "region":
                    regions.add(t.kb_id_)
                elif t.label_ == "structure":
                    regions.update(kb.structures[t.kb_id_].regions)
            regions -= set(ignore)
            segments = {s for r in regions for s in _segment(kb, r)}
            if regions and len(segments) == 1:
                found = (unit.block.text.strip(), frozenset(regions))
            break
    page.memo[key] = found
    return found


#: the people a service is for, described by what they live with: "for people with both sight and hearing loss"
_PEOPLE_WITH = compile_builtin(r"(?i)\b(?:people|persons?|patients|children|adults|anyone|those|users|visitors|carers)\s+"
                               r"(?:who\s+(?:have|live\s+with)|with|living\s+with)\s+(?:[\w-]+\s+){0,4}$")


class SymptomRegion(Kind):
    """A symptom placed where the page's condition or operation does not cause it.

    "A torn meniscus causes pain in the ankle", "carpal tunnel syndrome causes
    numbness in the toes". Where the page describes its condition (a sentence
    naming it, or a section on symptoms and causes), the symptom must be in the
    condition's own symptom regions; elsewhere (recovery, risks), only a symptom in
    another part of the body altogether is reported, and never one the sentence
    ties to a complication that travels (a blood clot, low calcium, the gas of
    keyhole surgery).
    """

    name = "symptom-region"
    page_level = True
    options = {
        "symptoms": (list, Kind.REQUIRED),
        "verbs": (list, list),
        "prepositions": (list, lambda: ["in", "around", "at", "on", "down", "into", "through", "across", "over", "of",
                                        "behind", "between", "along", "towards", "toward"]),
        "complication_cues": (list, list),
        # complications felt in known parts of the body: each {name, cues, regions}. A symptom the sentence ties to one
        # ("pain in your fingertips, caused by the gas used to inflate the tummy") is judged against its regions
        "located_cues": (list, list),
        # words that put a symptom at the operation's cut ("numbness along the outer thigh, near the scar"), said in the
        # symptom's own words (from the symptom to a few words past its place): judged against where the operation is
        # done and cut, and the parts of the body beside those
        "wound_cues": (list, list),
        # parts of the head judged on their own, not as the head: a symptom in one is reported unless the page's own
        # parts, or a part its symptoms are referred to by name, hold it ("ringing in your ears" after an eye operation;
        # a referral to the whole head or face, as for a headache, does not count)
        "senses": (list, list),
        "wound_name": (str, "the cut for {procedure}"),
        "access_name": (str, "the drip or needle for {procedure}"),
        # how a message names the subject of a page whose procedure or condition the knowledge base does not know
        "titled_topic": (str, "'{title}'"),
        # the cues that, in the lead-in of a list ("Call 999 if you have:"), make its items another problem's warning
        # signs (fewer than in a sentence: "symptoms that medicines have not helped, such as:" names no complication)
        "lead_in_cues": (list, list),
        # the same in the heading over a list ("Side effects and how common they are" over "- swelling of the face" on a
        # medicine leaflet): a medicine's side effects may be felt anywhere
        "heading_cues": (list, list),
        # a medicine, by name (word lists beside the rule, one word or more a line, and the rule's own list), by the
        # ending of its international name ("-fenacin", "-olol"), or by what it comes as ("tablets", "drops"); less
        # the words of those lists that name no medicine on their own ("muscle" of "muscle relaxant")
        "medicine_lists": (list, list),
        "medicines": (list, list),
        "not_medicines": (list, list),
        "medicine_endings": (list, list),
        # a medicine as the subject of what causes a symptom ("Oxybutynin can cause blurred vision"), and a list's
        # lead-in on side effects ("Common side effects:") where it or the heading over it names a medicine, not an
        # operation ("Antimuscarinic medicines"): the items are the medicine's side effects, felt anywhere. (A lead-in
        # on the side effects of an operation, "Possible side effects include:" under "After the procedure", is not.)
        "side_effect_cues": (list, list),
        "operation_words": (list, list),
        "describing_headings": (list, list),
        "referred": (dict, dict),
        # condition id -> the regions of the part of the body it comes from, whose symptoms it may still give: "pain and
        # swelling in one leg" for a pulmonary embolism, a clot from a leg vein (not its symptom_regions, which other
        # rules take for where the condition itself lies: "a pulmonary embolism, a clot in the leg" is still wrong)
        "source_regions": (dict, dict),
        "sides": (dict, dict),
        # symptoms that name where they are felt without naming the place: "blurred vision" (the eye), "a burning
        # feeling when you urinate" (the pelvis): the words, as a regular expression, and the region
        "implied": (dict, dict),
        # a word every one of those symptoms holds: a block with none of them is not scanned for them
        "implied_words": (list, list),
        "ignore_regions": (list, lambda: ["body", "skin", "blood-vessels"]),
        # regions (exactly these, not the parts inside them) where warning signs after any
        # operation are felt: a swollen leg or calf (a clot), chest pain
        "after_surgery_regions": (list, lambda: ["lower-limb", "calf", "chest"]),
        # symptoms of the skin where something went in ("bruising"): felt where the operation is done or goes in, never
        # referred elsewhere ("bruising in the groin" after a gastroscopy); and, in a sentence with an ``access_cues``
        # word ("where the drip went in"), in the arm or hand, where drips and cannulas go
        "local_symptoms": (list, list),
        "access_cues": (list, list),
        # symptom words that stand before the part they are felt in: "an aching knee", "a numb big toe"
        "before_place": (list, list),
        # words that call a symptom normal: a symptom word before its place is judged only in such a sentence
        "normal_words": (list, list),
        # a symptom of the right part on the wrong face of it ("pain on the inside of your elbow" for tennis elbow,
        # whose entry puts it on the outer side): {face} is the face named, {faces} the condition's
        "face_message": (str, ""),
        # a symptom on the other side of the body from the problem that causes it, in one sentence ("A stone in the left
        # kidney causes pain on the right side"): the parts whose problems are felt on their own side, those felt on the
        # other (the brain and the arteries to it: "a stroke in the left side of the brain weakens the right arm"), and
        # the message ({cause}, {cause_side}, {expected}, {side})
        "sided_parts": (list, list),
        "crossed_parts": (list, list),
        "side_message": (str, ""),
    }

    def setup(self):
        self.faces = AspectWords(self.kb, self.trusted)
        self.check_template("face_message", {"text", "topic", "place", "face", "faces"})
        self.check_template("side_message", {"text", "cause", "cause_side", "expected", "side"})
        self.sided = None
        if self.opts["side_message"] and (self.opts["sided_parts"] or self.opts["crossed_parts"]):
            parts = _words_alternation({*self.opts["sided_parts"], *self.opts["crossed_parts"]})
            # "the left kidney", "the right side of the brain", "a disc bulges to the left"
            self.sided = compile_builtin(
                rf"(?i)\b(?P<side>left|right)(?:-hand)?\s+(?:side\s+of\s+(?:the\s+|your\s+)?)?(?P<part>{parts})\b"
                rf"|\b(?P<part2>{parts})\s+(?:bulges|bulging|slips|presses|pushes|leans|points|swells)\s+(?:out\s+)?(?:to|towards)"
                rf"\s+the\s+(?P<side2>left|right)\b")
            symptoms = _words_alternation({w.lower() for w in self.opts["symptoms"]} | {"pins and needles", "paralysis", "sciatica"})
            # "pain on the right side", "the pain is felt in your right leg", "weakness in the left arm"
            self.sided_symptom = compile_builtin(
                rf"(?i)\b(?P<symptom>{symptoms})\b(?:\s+[\w-]+){{0,5}}?\s+(?:in|on|down|into|along|across|to|over)\s+"
                rf"(?:the\s+|your\s+|their\s+|his\s+|her\s+|one\s+)?(?P<side>left|right)\b(?:-hand)?(?:\s+(?P<place>side|[a-z]+))?")
            self.crossed = {p.lower() for p in self.opts["crossed_parts"]}
        self.symptoms = {w.lower() for w in self.opts["symptoms"]}
        self.verbs = {w.lower() for w in self.opts["verbs"]}
        self.before_place = {w.lower() for w in self.opts["before_place"]}
        self.normal_words = frozenset(w.lower() for w in self.opts["normal_words"])
        self.preps = {w.lower() for w in self.opts["prepositions"]}
        self.cues = compile_phrases(self.opts["complication_cues"])
        self.wound_cues = compile_phrases(self.opts["wound_cues"])
        unknown = [r for r in self.opts["senses"] if r not in self.kb.regions]
        if unknown:
            raise self.error(f"'senses' names unknown region(s) {', '.join(map(str, unknown))}")
        self.senses = tuple(self.opts["senses"])
        self.check_template("wound_name", {"procedure"})
        self.check_template("access_name", {"procedure"})
        self.located_cues = []  # (compiled cues, name, regions)
        for n, entry in enumerate(self.opts["located_cues"], 1):
            if not isinstance(entry, dict) or set(entry) != {"name", "cues", "regions"} \
                    or not isinstance(entry["name"], str) or not isinstance(entry["cues"], list) \
                    or not isinstance(entry["regions"], list) or not entry["cues"] or not entry["regions"]:
                raise self.error(f"located_cues: entry {n} needs 'name', 'cues' and 'regions' (and nothing else)")
            unknown = [r for r in entry["regions"] if r not in self.kb.regions]
            if unknown:
                raise self.error(f"located_cues: entry {n} names unknown region(s) {', '.join(map(str, unknown))}")
            self.located_cues.append((compile_phrases(entry["cues"]), entry["name"], tuple(entry["regions"])))
        self.lead_in_cues = compile_phrases(self.opts["lead_in_cues"])
        self.heading_cues = compile_phrases(self.opts["heading_cues"])
        from lint.kinds.spelling import vocabulary_words  # (spelling's reader: one format for every word list)

        listed_medicines = vocabulary_words(tuple(str(self.rule.path.parent / name)
                                                  for name in self.opts["medicine_lists"]))
        self.medicines = (listed_medicines | {w.lower() for w in self.opts["medicines"]}) \
            - {w.lower() for w in self.opts["not_medicines"]}
        self.medicine_endings = tuple(sorted({w.lower() for w in self.opts["medicine_endings"]}))
        self.side_effect_cues = compile_phrases(self.opts["side_effect_cues"])
        self.operation_words = compile_phrases(self.opts["operation_words"])
        self.headings = compile_phrases(self.opts["describing_headings"])
        self.ignore = set(self.opts["ignore_regions"])
        self.after_surgery = set(self.opts["after_surgery_regions"])
        self.local_symptoms = frozenset(w.lower() for w in self.opts["local_symptoms"])
        self.access_cues = compile_phrases(self.opts["access_cues"])
        for region, extra in self.opts["referred"].items():
            for r in [region, *extra]:
                if r not in self.kb.regions:
                    raise self.error(f"'referred' names unknown region '{r}'")
        self.referred = {k: tuple(v) for k, v in self.opts["referred"].items()}
        for condition, regions in self.opts["source_regions"].items():
            if condition not in self.kb.conditions:
                raise self.error(f"'source_regions' names unknown condition '{condition}'")
            if not isinstance(regions, list) or not all(r in self.kb.regions for r in regions):
                raise self.error(f"'source_regions' of '{condition}' must be a list of region ids")
        self.source_regions = {k: tuple(v) for k, v in self.opts["source_regions"].items()}
        self.sides = {}
        where = f"{self.rule.path}: rule {self.rule.code}"
        # one pattern for all of them, a group per region: a block is scanned once
        groups, self.implied_regions = [], {}
        for n, (pattern, region) in enumerate(self.opts["implied"].items()):
            if region not in self.kb.regions:
                raise self.error(f"'implied' names unknown region '{region}'")
            try:
                compile_pattern(pattern, where, trusted=self.trusted)
            except PatternError as exc:
                raise self.error(str(exc).removeprefix(where + ": ")) from None
            groups.append(f"(?P<implied{n}>{pattern})")
            self.implied_regions[f"implied{n}"] = region
        self.implied = compile_pattern("|".join(groups), where, trusted=self.trusted) if groups else None
        self.implied_words = frozenset(w.lower() for w in self.opts["implied_words"])
        for words, region in self.opts["sides"].items():
            if region not in self.kb.regions:
                raise self.error(f"'sides' names unknown region '{region}'")
            self.sides[frozenset(words.lower().split())] = region

    # -- what the page leads us to expect ------------------------------------------------------
    def _expected(self, page):
        kb = self.kb
        strict: set[str] = set()
        conditions = page.topic_conditions
        procedures = _specific(kb, page.topic_procedures)
        if conditions:
            # a condition the page's operation treats is the page's too, even named once ("The most common reason is
            # mitral regurgitation" on a mitral valve repair page that names atrial fibrillation more often), unless
            # it is body-wide (obesity, on a gastric balloon page, gives no tingling feet); a page with no condition
            # of its own takes all its operation's, below
            operations = set(procedures)
            conditions += tuple(sorted(c for c in page.condition_scores if c not in conditions
                                       and operations.intersection(kb.conditions[c].treated_by)
                                       and "body" not in kb.conditions[c].regions))
        for c in conditions:
            strict.update(kb.conditions[c].regions)
            strict.update(self._symptom_regions(c))
        loose = set(strict)
        for p in procedures:
            regions = kb.procedures[p].regions
            if conditions and {"upper-limb", "lower-limb"} <= {s for r in regions for s in _segment(kb, r)}:
                # a general procedure done on any limb (an arthroscopy) is done where the condition is
                regions = [r for r in regions if kb.any_related((r,), tuple(strict))] or regions
            loose.update(regions)
            # (and where it goes in: bruising at the top of the leg after a catheter passed up from the groin)
            loose.update(kb.procedures[p].entry_regions)
            if not conditions:
                strict.update(kb.procedures[p].regions)
        if not conditions:
            # the page names no condition: those its operation treats (less a body-wide one that is not most of them:
            # a hip replacement for rheumatoid arthritis still gives no numb wrist)
            treated = [c for c in kb.conditions.values() if set(c.treated_by) & set(procedures)]
            body_wide = [c for c in treated if "body" in c.regions]
            if 2 * len(body_wide) <= len(treated):
                treated = [c for c in treated if "body" not in c.regions]
            for c in treated:
                strict.update(c.regions)
                strict.update(self._symptom_regions(c.id))
                loose.update(self._symptom_regions(c.id))
        own = strict | loose
        referred = set()
        for r in own:
            for extra in self.referred.get(r, ()):
                loose.add(extra)
                if r in strict:
                    strict.add(extra)
                if extra not in own:
                    referred.add(extra)
        return strict, loose, conditions, referred

    def _describing(self, page, unit) -> bool:
        """Is this block in a section about the condition (symptoms, causes, why it is done)?"""
        heading = page.last_before(unit, ("title", "heading"))
        return heading is not None and self.headings is not None and any(
            True for _ in finditer(self.headings, heading.block.text))

    def _cued(self, unit, sent_no: int):
        """The complication the sentence ties its symptoms to, or the next one when that explains it ("You may feel
        pain in your shoulder. This comes from the gas used to inflate the tummy."): True for one felt anywhere (a
        clot, a medicine), a located cue's (name, regions), or False for none."""
        sents = unit.sents
        if self._medicine_causes(unit, sent_no):
            return True  # "Oxybutynin can cause blurred vision": a medicine's side effect, felt anywhere
        texts = [sents[sent_no].text]
        # the thing the sentence's "It" stands for, named in one of the two sentences before: "Some dermatologists
        # prescribe minoxidil tablets. This use is not FDA approved. It can cause dizziness and ankle swelling."
        if sent_no > 0 and _CAUSED_BY_IT.match(sents[sent_no].text):
            texts.extend(sents[k].text for k in range(max(0, sent_no - 2), sent_no))
        if sent_no + 1 < len(sents) and (sents[sent_no + 1][0].lower_ in ("this", "it", "that", "these", "they")
                                         or _opens_with_symptom_named_before(sents[sent_no], sents[sent_no + 1])):
            texts.append(sents[sent_no + 1].text)
        for text in texts:
            if self.cues is not None and any(True for _ in finditer(self.cues, text)):
                return True
            for compiled, name, regions in self.located_cues:
                if any(True for _ in finditer(compiled, text)):
                    return name, regions
        return False

    def _other_sense(self, region: str, loose: set, referred: set) -> bool:
        """Is ``region`` in a part of the head the page's parts do not hold ("ringing in your ears" on an eye page)?"""
        kb = self.kb
        sense = next((s for s in self.senses if s == region or s in kb.ancestors(region)), None)
        if sense is None:
            return False
        own = loose - referred
        if any(s in own for s in self.senses) and "brain" not in own:
            # a page about a part of the head that is a sense of its own (the eye) gives no symptoms to the others
            # through a whole head its conditions name ("headache" with glaucoma does not make a numb lip an eye
            # laser's; an operation on the brain may still touch any of them)
            own = own - _WHOLE_HEAD
        allowed = tuple(own | (referred - _WHOLE_HEAD))
        return not kb.any_related((region,), allowed)

    def _at_wound(self, page, unit, anchor: int, mention):
        """(name, regions) of the operation's cut when the symptom's own words put it there ("a numb patch of skin
        below the scar, across the upper back", "numbness on the sole of the foot, because a skin nerve near the scar
        is stretched"): the operation's regions and entry regions, with the parts of the body beside them; else None."""
        procedures = _specific(self.kb, page.topic_procedures)
        if not procedures:
            return None
        doc = unit.doc
        sent = unit.sent_at(anchor)
        last = doc[min(mention.end + 10, sent.end) - 1]
        start, end = doc[anchor].idx, last.idx + len(last)
        text = unit.block.text
        # (a cue before the place belongs to it only with no other symptom between: "bruising around the cut and some
        # swelling in your knee" puts the bruising at the cut, not the swelling; nor a place joined to the cue's own by
        # "and": "numbness of the skin around the scar and the lower part of the ear" names a second place)
        cues = [cue for cue in finditer(self.wound_cues, text, start, end)
                if cue.start() > mention.start_char or not any(
                    t.lower_ in self.symptoms or t.lower_ in ("and", "or")
                    for t in doc.char_span(cue.end(), mention.start_char, alignment_mode="expand") or ())]
        if not cues:
            return None
        kb = self.kb
        near = _around_operation(kb, procedures)
        name = self.opts["wound_name"]
        if self.access_cues is not None and any(self.access_cues.search(c.group()) for c in cues):
            # where a drip or a cannula went in: the arm or the hand, whatever the operation ("swelling in your ankles
            # where the drip went in" is out of place even after a treatment of the whole body)
            near = (set(near) - {"body"}) | {"upper-limb"}
            name = self.opts["access_name"]
        if not near:
            return None
        return name.format(procedure=kb.procedures[procedures[0]].name), tuple(sorted(near))

    def _lead_in_cued(self, page, unit) -> bool:
        """A list item under a lead-in with a complication cue: "Call 911 right away if you have:" over "chest pain"."""
        if unit.block.scope != "list_item":
            return False
        lead = page.last_before(unit, ("list_item",), outside=True)
        if lead is not None and lead.block.scope == "paragraph" and lead.block.text.rstrip().endswith(":"):
            if self.lead_in_cues is not None and any(True for _ in finditer(self.lead_in_cues, lead.block.text)):
                return True
            if self._medicine_lead_in(page, unit, lead):
                return True
        heading = page.last_before(unit, ("heading",)) if self.heading_cues is not None else None
        return heading is not None and any(True for _ in finditer(self.heading_cues, heading.block.text))

    def _names_medicine(self, text: str) -> bool:
        """Does the text name a medicine: by name, by its name's ending, or by what it comes as ("tablets")?"""
        for m in _MEDICINE_WORD.finditer(text):
            word = m.group().lower().removesuffix("'s").removesuffix("’s")
            if word in self.medicines or len(word) >= 7 and word.endswith(self.medicine_endings):
                return True
        return False

    def _medicine_causes(self, unit, sent_no: int) -> bool:
        """Is a medicine what the sentence says causes its symptoms: named as the subject ("Oxybutynin can cause",
        "In older people, tolterodine may cause"), or named in one of the two sentences before the "It" or "They"
        that is ("Mirabegron works in a different way. It can cause ...")?"""
        if not self.medicines and not self.medicine_endings:
            return False
        sents = unit.sents
        text = sents[sent_no].text
        m = _MEDICINE_SUBJECT_CAUSES.match(text)
        if m is not None and self._names_medicine(m.group("subject")):
            return True
        return sent_no > 0 and _CAUSED_BY_IT.match(text) is not None and any(
            self._names_medicine(sents[k].text) for k in range(max(0, sent_no - 2), sent_no))

    def _medicine_lead_in(self, page, unit, lead) -> bool:
        """Is a list's lead-in about a medicine's side effects: a medicine as what causes them ("Mirabegron may
        cause:"), or side effects named in a lead-in or under a heading that names a medicine and no operation
        ("Common side effects:" under "Antimuscarinic medicines"; not "Possible side effects include:" under "After
        the procedure")?"""
        if lead.sents and self._medicine_causes(lead, len(lead.sents) - 1):
            return True
        text = lead.block.text
        if self.side_effect_cues is None or not any(True for _ in finditer(self.side_effect_cues, text)):
            return False
        if self._operation_named(text):
            return False
        if self._names_medicine(text):
            return True
        heading = page.last_before(unit, ("title", "heading"))
        return heading is not None and not self._operation_named(heading.block.text) \
            and self._names_medicine(heading.block.text)

    def _operation_named(self, text: str) -> bool:
        return self.operation_words is not None and any(True for _ in finditer(self.operation_words, text))

    def _wrong_sides(self, page):
        """A symptom on the other side of the body from the sided part that causes it, said in one sentence ("A stone in
        the left kidney usually causes pain on the right side"), or on the same side for the brain, which serves the
        body's other side. A sentence that names both sides for the part, or the other side on purpose, is left alone."""
        for unit in self.units(page):
            text = unit.block.text
            low = text.lower()
            if "left" not in low and "right" not in low:
                continue
            for sent in unit.sents:
                a, b = sent.start_char, sent.end_char
                if _SIDES_LEFT_OPEN.search(text, a, b) or not _SIDE_CAUSING.search(text, a, b):
                    continue  # (the symptom must be said to come from the part: not "pain in your right leg after a
                    # left hip operation", which may be a clot's)
                sided = list(self.sided.finditer(text, a, b))
                causes = {(m.group("side") or m.group("side2")).lower() for m in sided}
                if len(causes) != 1:
                    continue
                cause_side, part = causes.pop(), (sided[0].group("part") or sided[0].group("part2")).lower()
                crossed = part in self.crossed
                expected = ("right" if cause_side == "left" else "left") if crossed else cause_side
                for m in self.sided_symptom.finditer(text, a, b):
                    side = m.group("side").lower()
                    if side == expected or any(m.start() <= c.start() < m.end() for c in sided):
                        continue
                    yield self.hit(unit, m.start(), m.end(), message=self.opts["side_message"], suggestions=(),
                                   cause=part, cause_side=cause_side, expected=expected, side=side)
                    break

    def check(self, page):
        if self.sided is not None:
            yield from self._wrong_sides(page)
        kb = self.kb
        titled = None
        if not page.topic_procedures and not page.topic_conditions:
            # a procedure or condition the knowledge base does not know: a symptom in another part of the body from
            # the one the title names is still out of place ("numbness in the fingers" under "Kneecap Fracture Surgery")
            titled = titled_parts(self.kb, page, self.ignore)
            if titled is None:
                return
            strict, loose, conditions, referred = set(), set(titled[1]), (), set()
            for r in titled[1]:
                for extra in self.referred.get(r, ()):
                    loose.add(extra)
                    if extra not in titled[1]:
                        referred.add(extra)
        else:
            strict, loose, conditions, referred = self._expected(page)
        if not loose:
            return
        # a region symptoms are only referred to stands for itself, not for its whole part of the body (chest pain
        # spreads to the jaw; the eye is no more expected on a chest page for that)
        loose_segments = set()
        for r in loose - referred:
            loose_segments |= _segment(kb, r)
        referred_to = tuple(referred)
        for unit in self.units(page):
            terms = [s for s in _terms(unit) if s.label_ in ("region", "structure")]
            implied = self._implied(unit) if self.implied is not None and self._may_imply(unit.block.text) else []
            if not terms and not implied:
                continue
            describing = None
            # worked out once per sentence, not once per mention: a block of one long sentence has hundreds
            cued: dict[int, bool] = {}
            conditions_in = None
            # one finding for one symptom: "blurred vision in one eye" is not also "blurred vision"
            reported: list[tuple[int, int]] = []
            for mention, anchor in [*self._mentions(unit, terms), *implied]:
                region = self._region_of(unit, mention)
                if region is None or region in self.ignore:
                    continue
                first = min(unit.doc[anchor].idx, mention.start_char)
                if _PEOPLE_WITH.search(unit.block.text, max(0, first - 60), first):
                    continue  # "interpreters for people with both sight and hearing loss": who a service is for, no
                    # symptom of the page's operation
                if _AS_REASON.search(unit.block.text, max(0, first - 50), first):
                    continue  # "if you find it hard to lie flat, for example because of back pain": a reason the reader
                    # already has, no symptom of the page's operation
                if titled is not None and not self._called_normal(unit, anchor):
                    continue  # (the knowledge base's account of what the operation gives and where is missing: only
                    # a symptom the page calls an expected one is judged, not a complication's warning sign)
                sent_no = unit.sent_index(anchor)
                wound = self._at_wound(page, unit, anchor, mention) if self.wound_cues is not None else None
                if wound is not None:
                    pass  # the symptom is at the cut: judged there, whatever else the sentence names
                elif self.cues is not None or self.located_cues:
                    if sent_no not in cued:
                        cued[sent_no] = self._cued(unit, sent_no) or self._lead_in_cued(page, unit)
                    if cued[sent_no] is True:
                        continue
                located = wound or cued.get(sent_no) or None
                if describing is None:
                    describing = self._describing(page, unit)
                if conditions_in is None:
                    conditions_in = self._conditions_by_sentence(unit)
                starts, named, owns = conditions_in.get(sent_no, ((), (), ()))
                named_before = bisect_left(starts, anchor)  # the conditions the sentence names before the symptom
                regions = (region,) if mention.label_ == "region" else kb.structures[mention.kb_id_].regions
                # a whole-body condition (obesity, chronic pain) may give aches anywhere, but blurred vision or
                # hearing loss only where it names the eye or the ear (diabetes names the eye)
                anywhere = (mention, anchor) not in implied
                if located is not None:
                    # "pain in the tips of your fingers, from the gas used to inflate the tummy": where that is felt
                    topic_name, expected = located
                    bad = not kb.any_related(regions, expected)
                elif named_before:
                    # "a torn meniscus causes pain in the ankle": the sentence's own condition decides
                    own = owns[named_before - 1]
                    bad = not (anywhere and "body" in own) and (
                        not kb.any_related(regions, own) or self._wrong_side(region, own))
                    expected = own
                    topic_name = kb.conditions[named[named_before - 1]].name
                elif describing and strict:
                    bad = not (anywhere and "body" in strict) and (
                        not kb.any_related(regions, strict) or self._wrong_side(region, strict))
                    expected = strict
                elif unit.doc[anchor].lower_ in self.local_symptoms and page.topic_procedures \
                        and self._own_place(unit, anchor, mention):
                    bad, expected = self._local_out_of_place(page, unit, sent_no, regions)
                else:
                    bad = (not any(_segment(kb, r) & loose_segments for r in regions)
                           and not (referred_to and kb.any_related(regions, referred_to))
                           and (region not in self.after_surgery or unit.doc[anchor].lower_ in _NOT_CLOT_SIGNS
                                or self._called_normal(unit, anchor))
                           and not (anywhere and "body" in strict))
                    if not bad and self.senses and "body" not in strict:
                        bad = self._other_sense(region, loose, referred)
                    expected = loose
                if not bad:
                    # the right part, but the face of it opposite the condition's: "pain on the inside of your elbow"
                    # for tennis elbow (judged only where the symptom's condition is known)
                    face = None
                    if self.opts["face_message"] and anywhere and anchor < mention.start and located is None:
                        about = named[:named_before] if named_before else conditions if describing else ()
                        face = self._wrong_face(unit, anchor, mention, about)
                    if face is not None and (named[named_before:] or _OTHER_CONDITION.search(unit.sents[sent_no].text)):
                        # "Pain on the inner side of the elbow is a different condition, often called golfer's elbow":
                        # the sentence gives the symptom to another condition
                        face = None
                    if face is not None and not any(unit.doc[anchor].idx < e and s < mention.end_char
                                                    for s, e in reported):
                        condition, face_named = face
                        reported.append((unit.doc[anchor].idx, mention.end_char))
                        yield self.hit(unit, unit.doc[anchor].idx, mention.end_char, message=self.opts["face_message"],
                                       topic=condition.name, place=mention.text, face=kb.aspects[face_named].name,
                                       faces=listed([kb.aspects[a].name for a in condition.aspects if a in kb.aspects]))
                    continue
                lo = min(anchor, mention.start)
                if _pins_and_needles(unit.tokens, anchor):
                    lo = min(anchor - 2, mention.start)  # (the whole "pins and needles")
                hi = max(anchor + 1, mention.end)
                span = unit.doc[lo:hi]
                if any(span.start_char < e and s < span.end_char for s, e in reported):
                    continue
                reported.append((span.start_char, span.end_char))
                where = listed(sorted({kb.regions[r].name for r in expected if r not in self.ignore})[:4])
                if named_before or located is not None:
                    topic = topic_name
                elif conditions and describing:
                    topic = kb.conditions[conditions[0]].name
                elif page.topic_procedures:
                    topic = kb.procedures[_specific(kb, page.topic_procedures)[0]].name
                elif titled is not None:
                    topic = self.opts["titled_topic"].format(title=titled[0])
                else:
                    topic = kb.conditions[conditions[0]].name
                # (a symptom that implies its place is named by that place: "blurred vision", in the eye)
                place = mention.text if anywhere else kb.regions[region].name
                yield self.hit(unit, span.start_char, span.end_char, place=place, topic=topic, expected=where)

    def _own_regions(self, page) -> frozenset[str]:
        """Where the page's operations are done and go in, the parts beside them, and the parts their symptoms are
        referred to (a bruise spreads: from the nose to around the eyes, from the groin to the scrotum)."""
        found = page.memo.get("operation_regions")
        if found is None:
            found = _around_operation(self.kb, _specific(self.kb, page.topic_procedures))
            for r in list(found):
                found.update(self.referred.get(r, ()))
            found = page.memo["operation_regions"] = frozenset(found)
        return found

    def _own_place(self, unit, anchor: int, mention) -> bool:
        """Is the place the symptom's own: no other symptom between them, or one joined to it before any place ("bruising
        and tenderness around the groin"), not after a place of its own ("bruising around the cut and some swelling in
        your ankle" puts the swelling in the ankle)?"""
        placed = False
        for t in unit.tokens[anchor + 1:mention.start]:
            if t.lower_ in self.preps:
                placed = True
            elif t.lower_ in self.symptoms and placed:
                return False
        return True

    def _local_out_of_place(self, page, unit, sent_no: int, regions) -> tuple[bool, set]:
        """(is a skin symptom such as bruising out of place, where it is expected): it is felt where the operation is
        done or goes in, and, when the sentence speaks of a drip or a cannula, in the arm or hand."""
        own = set(self._own_regions(page))
        sent = unit.sents[sent_no]
        accessed = self.access_cues is not None and self.access_cues.search(sent.text) is not None
        if accessed:
            own.add("upper-limb")
        elif "body" in own:
            return False, own  # (a treatment of the whole body may bruise anywhere)
        own.discard("body")
        return not self.kb.any_related(regions, tuple(own)), own

    def _wrong_face(self, unit, anchor: int, mention, conditions):
        """(condition, face named) when the words between a symptom and its place name the face of the place opposite
        the one each condition the symptom may belong to is felt on; else None. ("Tennis elbow, also called golfer's
        elbow, is pain on the outer side": right for one of them, and the conflation is another rule's finding.)"""
        words = unit.block.text[unit.doc[anchor].idx:mention.start_char]
        found = None
        for c in conditions:
            condition = self.kb.conditions[c]
            named = self.faces.clash(condition.aspects, words)
            if named is None:
                return None
            found = found or (condition, named)
        return found

    def _conditions_by_sentence(self, unit) -> dict:
        """For each sentence of the block, the conditions it names (their first tokens and ids, in order) and, for
        each k, the regions of its first k conditions (``_condition_regions``): a symptom takes those named before it.
        Built as running unions once per block, where working out each mention's from its sentence's terms took
        time growing with the square of a long sentence."""
        by_sentence: dict = {}
        for s in unit.terms:
            if s.label_ == "condition":
                starts, ids, owns = by_sentence.setdefault(unit.sent_index_of_span(s), ([], [], []))
                starts.append(s.start)
                ids.append(s.kb_id_)
                # (the regions a set of conditions refers pain to are those of each of them, so the union runs on)
                owns.append((owns[-1] if owns else frozenset()) | self._condition_regions([s.kb_id_]))
        return by_sentence

    def _symptom_regions(self, condition_id: str) -> tuple[str, ...]:
        """Where a condition's symptoms are felt: its own, and those of the part of the body it comes from."""
        return self.kb.conditions[condition_id].symptom_regions + self.source_regions.get(condition_id, ())

    def _condition_regions(self, condition_ids) -> set[str]:
        out: set[str] = set()
        for c in condition_ids:
            out.update(self.kb.conditions[c].regions)
            out.update(self._symptom_regions(c))
        for r in list(out):
            out.update(self.referred.get(r, ()))
        return out

    def _wrong_side(self, region: str, expected) -> bool:
        side = _side(region)
        if side is None:
            return False
        sides = {_side(r) for r in expected} - {None}
        return bool(sides) and side not in sides

    def _called_normal(self, unit, i: int) -> bool:
        # asked for each symptom word: answered once per sentence, where walking the sentence each time took
        # time growing with the square of a block that spaCy reads as one sentence
        index = unit.sent_index(i)
        answers = unit.memo.setdefault(("called-normal", self.rule.code), {})
        if index not in answers:
            sent = unit.sents[index]
            answers[index] = not self.normal_words.isdisjoint(unit.lowers[sent.start : sent.end])
        return answers[index]

    def _may_imply(self, text: str) -> bool:
        """Does the text hold a word of the implied symptoms (as a substring: cheaper than the block's words)?"""
        if not self.implied_words:
            return True
        lowered = text.lower()
        return any(w in lowered for w in self.implied_words)

    def _implied(self, unit) -> list:
        """(span labelled with its region, its first token) for each symptom that implies where it is felt."""
        found = []
        for m in finditer(self.implied, unit.block.text):
            span = unit.doc.char_span(m.start(), m.end(), label="region", kb_id=self.implied_regions[m.lastgroup],
                                      alignment_mode="expand")
            if span is not None:
                found.append((span, span.start))
        return found

    def _region_of(self, unit, mention) -> str | None:
        """The region a mention names, refined by the side words in front ("lower left side of your abdomen")."""
        if mention.label_ == "structure":
            regions = self.kb.structures[mention.kb_id_].regions
            return regions[0] if regions else None
        region = mention.kb_id_
        doc = unit.doc
        sent_start = unit.sent_at(mention.start).start
        words = {t.lower_ for t in doc[max(mention.start - 6, sent_start) : mention.start]}
        words &= {"left", "right", "upper", "lower", "top", "bottom"}
        if words and region in ("abdomen", "upper-abdomen", "lower-abdomen"):
            refined = self.sides.get(frozenset(words))
            if refined:
                return refined
        return region

    @staticmethod
    def _of_target(doc, starts, span):
        """"the back of your eye" is about the eye: follow "of" to the next term."""
        if span.end < len(doc) and doc[span.end].lower_ == "of":
            for k in range(span.end + 1, min(span.end + 3, len(doc))):
                if k in starts:
                    return starts[k]
        return span

    def _mentions(self, unit, terms):
        """(region or structure span, index of the symptom word) pairs."""
        if unit.lower_set.isdisjoint(self.symptoms) and unit.lower_set.isdisjoint(self.verbs) \
                and "needles" not in unit.lower_set:
            return
        doc = unit.tokens  # indexed like the Doc, without a new Token object each time
        starts = {}
        ends = {}
        for s in terms:
            if s.start not in starts or s.end > starts[s.start].end:
                starts[s.start] = s
            ends.setdefault(s.end, s)
        named_part = 0  # the part the last symptom word before its place was felt in
        for tok in doc:
            low = tok.lower_
            if low in self.symptoms or low == "needles" and _pins_and_needles(doc, tok.i):
                # "pain in your toes", "tingling, numbness and pain in your toes, thumb...", "pins and needles in"
                j = tok.i + 1
                limit = min(len(doc), tok.i + 24)
                found = False
                while j < limit:
                    # (after a place, on past the verb that spreads it: "felt in the groin, and sometimes spreads
                    # between the shoulder blades")
                    while j < limit and (doc[j].lower_ in self.symptoms or doc[j].lower_ in _SYMPTOM_LINKS
                                         or found and doc[j].lower_ in _SPREADING):
                        j += 1
                    if j < limit and doc[j - 1].lower_ in self.preps and doc[j].lower_ not in self.preps and j - 1 > tok.i:
                        j -= 1  # "pain that spreads down the left leg": "down" is the preposition
                    if not (j < limit and (doc[j].lower_ in self.preps
                                           or doc[j].lower_ == "to" and doc[j - 1].lower_ in _MOVING)):
                        # "pain that wakes you at night and spreads down into your arm": past the clause's other verb
                        spreads = _spreading_after(doc, tok.i, j, limit) if not found else None
                        if spreads is None or spreads + 1 >= limit or doc[spreads + 1].lower_ not in self.preps:
                            break
                        j = spreads + 1
                    k = j + 1
                    while k < limit and k not in starts and not doc[k].is_punct and k - j <= 9:
                        k += 1
                    if k not in starts:
                        break
                    target = self._of_target(doc, starts, starts[k])
                    yield target, tok.i
                    found = True
                    # "starts around your belly button and moves to the lower right": go on
                    j = target.end
                if found:
                    continue
                # "an aching knee is normal", "a numb big toe is common for a few hours": (only where the sentence calls it
                # normal: a list of warning signs names a "stiff neck" or "swollen ankles" that any operation may bring)
                if low in self.before_place and tok.i >= named_part and self._called_normal(unit, tok.i):
                    j = tok.i + 1
                    while j < min(len(doc), tok.i + 5) and (doc[j].lower_ in self.symptoms or doc[j].lower_ in (",", "and")):
                        j += 1
                    if j in starts:
                        named_part = j  # (once: "a stiff, painful knee" is one symptom)
                        yield starts[j], tok.i
                        continue
                # "knee pain", "ankle swelling"
                if tok.i in ends and tok.i - ends[tok.i].start <= 3:
                    yield ends[tok.i], tok.i
                    continue
                # "your knee may feel sore", "for the tonsils to feel sore": a part, then how it feels
                if low in self.before_place and tok.i > 1 and doc[tok.i - 1].lower_ in _FEELS:
                    k = tok.i - 1
                    while k > 0 and doc[k].lower_ in _FEELS_GAP:
                        k -= 1
                    if k + 1 in ends:
                        yield ends[k + 1], tok.i
            elif low in self.verbs and tok.i > 0:
                # "your ankle may swell", "the knee becomes swollen"
                k = tok.i - 1
                while k > 0 and doc[k].lower_ in {"may", "can", "might", "will", "could", "often", "also", "quickly", "becomes", "become", "feel", "feels", "start", "starts", "to", "then", "soon"}:
                    k -= 1
                if k + 1 in ends:
                    yield ends[k + 1], tok.i


#: a sentence's opening words (a subject, and what may come before it: "In older people, oxybutynin") and the verb
#: that says they cause what follows: "Oxybutynin can cause", "Mirabegron may sometimes cause", "Tolterodine causes"
_MEDICINE_SUBJECT_CAUSES = compile_builtin(
    r"(?i)\W*(?P<subject>(?:[\w'’-]+(?:\s+|,\s*)){1,8}?)"
    r"(?:(?:can|may|might|could|will|does|do|sometimes|often|commonly|also|occasionally|rarely|usually|frequently|both)\s+){0,3}"
    r"(?:cause|causes|caused|give|gives|lead\s+to|leads\s+to|bring\s+on|brings\s+on|trigger|triggers|produce|produces)\b")
#: a word, for the medicine names a text holds
_MEDICINE_WORD = compile_builtin(r"[^\W\d_][\w'’-]*")
#: a sentence whose subject is a pronoun for a thing named before, and what it causes: "It can cause", "They may give you"
_CAUSED_BY_IT = compile_builtin(r"(?i)(?:it|they|this|these)\s+(?:can|may|might|could|sometimes|often|also|commonly)\s+"
                                r"(?:(?:also|sometimes|occasionally)\s+)?(?:cause|causes|give|lead\s+to|bring\s+on)\b")


def _spreading_after(doc, symptom: int, j: int, limit: int) -> int | None:
    """In a clause about the symptom at ``symptom`` ("pain that wakes you at night and spreads down into ..."), the
    index of the verb of spreading ``j`` or a few words after, when no punctuation comes between; else None."""
    if symptom + 1 >= len(doc) or doc[symptom + 1].lower_ not in ("that", "which"):
        return None
    for k in range(j, min(limit, j + 8)):
        low = doc[k].lower_
        if doc[k].is_punct:
            return None
        if low in _SPREADING:
            return k
    return None


#: the verbs between a part and how it feels: "your knee may |feel| sore"
_FEELS = frozenset({"feel", "feels", "become", "becomes", "get", "gets", "look", "looks", "stay", "stays"})
_FEELS_GAP = _FEELS | {"may", "can", "might", "will", "could", "often", "also", "usually", "to", "then", "soon", "a", "little",
                       "bit", "quite", "slightly", "very"}
# words between a symptom and where it is felt: "pain that moves to", "numbness and tingling in"
_MOVING = {"moves", "move", "spreads", "spread", "radiates", "radiate", "travels", "travel", "shoots", "shoot", "goes",
           "go", "down", "up", "moving", "spreading", "radiating", "travelling", "traveling", "shooting", "extends"}
#: the verbs of a symptom that spreads, after the clause's other verb: "pain that wakes you and |spreads| down your arm"
_SPREADING = frozenset({"moves", "move", "spreads", "spread", "radiates", "radiate", "travels", "travel", "shoots",
                        "shoot", "extends", "extend"})
_SYMPTOM_LINKS = {",", "and", "or", "that", "which", "then", "usually", "often", "mainly", "mostly", "later", "is",
                  "deep", "just", "are", "felt", "starts", "start", "and/or", "can", "may", "might", "also", "sometimes",
                  # "blurred vision in one eye", "a burning feeling in the ..."
                  "vision", "sight", "sensation", "feeling",
                  # "a small numb patch on the shin", "a sore spot at the top of the cut"
                  "patch", "patches", "area", "areas", "spot", "spots"} | _MOVING


#: symptoms no clot gives: numbness in a leg after an operation on the chest is no warning sign of one
_NOT_CLOT_SIGNS = frozenset({"numbness", "numb", "tingling", "itching", "ringing", "blurred", "blurry", "blurring"})

#: referrals that name the whole head or face (a headache), not one of its senses
_WHOLE_HEAD = frozenset({"head", "face"})


def _around_operation(kb, procedures, more=()) -> set[str]:
    """Where the procedures are done and cut (and the ``more`` regions), with the parts of the body beside each: its
    neighbours, or, for a region that lists none, every other part of its own parent (the breast and the armpit, both
    in the chest)."""
    near: set[str] = set()
    for r in (*(r for p in procedures for r in (*kb.procedures[p].regions, *kb.procedures[p].entry_regions)), *more):
        near.add(r)
        near.update(kb.regions[r].neighbours or (
            o.id for o in kb.regions.values() if set(o.parents) & (set(kb.regions[r].parents) - {"body", "trunk"})))
    return near


def _specific(kb, procedures) -> tuple[str, ...]:
    """Drop a general procedure when a more specific one is also a topic (arthroscopy vs. hip arthroscopy)."""
    chosen = []
    for p in procedures:
        mine = kb.procedures[p].regions
        # p is the general one when every region of another topic lies inside p's regions
        if any(q != p and set(kb.procedures[q].regions) != set(mine)
               and all(any(r in kb.ancestors(x) for r in mine) for x in kb.procedures[q].regions)
               for q in procedures):
            continue
        chosen.append(p)
    return tuple(chosen or procedures)


# -- a structure placed where it is not ------------------------------------------------------------

# the side or part of a place named before it: "the right armpit", "the lining of the bladder", "the outer layer of"
_PART_OF_PLACE = compile_builtin(
    r"(?i)(?:(?:left|right|upper|lower|inner|outer|top|bottom|front|side|lining|wall|layer|surface|base|tip|roof|floor"
    r"|edge|covering|corner|outside|inside|middle|centre|center|part|end|section|portion)\s+){1,3}(?:of\s+(?:the\s+|your\s+|each\s+)?)?"
    # a face of the part: "the back of your hand", "the pinky side of the wrist", "the sole of the foot"
    r"|(?:(?:pinky|pinkie|thumb|little[\s-]finger|palm|palmar|radial|ulnar|inner|outer|inside|outside)[\s-]side|back|rear"
    r"|underside|sole|palm)\s+of\s+(?:the\s+|your\s+|each\s+)?"
    # "the main artery of the brain", "the bones of the"
    r"|(?i:(?:main\s+|large\s+|small\s+)?(?:artery|arteries|vein|veins|vessels?|nerves?|bones?|muscles?)\s+(?:of|in)"
    r"\s+(?:the\s+|your\s+))")
# the kinds of structure whose place a page gives straight after the name ("the popliteal artery behind your knee")
_ADJACENT_KINDS = frozenset({"vessel", "tendon", "muscle", "ligament", "nerve"})
# an organ put somewhere by an operation, which lies where the surgeon placed it (after an oesophagectomy "your new
# stomach ... sits in your chest")
#: a nerve named again in general, with a clause that says what it does: "... stimulates the nerves that "
_OTHER_NERVES_WHICH = compile_builtin(r"(?i)\bnerves?\s+(?:that|which)\s+(?:(?:help|helps|also|then)\s+)?$")
_MOVED_ORGAN = frozenset({"transplanted", "transplant", "donor", "donated", "grafted", "new"})
_BEFORE_BIRTH = compile_builtin(r"(?i)\b(?:before\s+(?:birth|a\s+baby\s+is\s+born|he\s+is\s+born|they\s+are\s+born)"
                                r"|in\s+the\s+womb|unborn|during\s+pregnancy|as\s+a\s+baby\s+grows)\b")
#: a thing the sentence attaches to the subject, which the placing verb is about: "..., with a thin wire that sits"
_ATTACHED_THING = compile_builtin(r"(?i)\bwith\s+(?:a|an|the|two|its|their)\s+[^.;]*?\b(?:that|which)\s+\Z")
_SIDE_OF = compile_builtin(r"(?i)[\s-]side\s+of\s")
_FACE_AFTER = compile_builtin(r"(?i)(?:\s+crease|\s+joint)?,?\s+(?:on|along|at)\s+(?:the|its|your)\s+[\w-]+(?:\s+finger)?[\s-]side\b")
#: the whole body and the trunk: two parts of the body that share only these are far apart
_WHOLE = frozenset({"body", "trunk"})
#: "the skin| of your |lower back"
_SKIN_OF = compile_builtin(r"(?i)\s+(?:of|on|over)\s+(?:the\s+|your\s+)")
#: a further part a tube is passed along: "through your mouth| and down your |windpipe"
_ONWARD = compile_builtin(r"(?i)\s*,?\s*(?:and\s+|then\s+)+(?:down|along|up|through)\s+(?:the\s+|your\s+)")
#: a second place joined to the first: "in the lining of the stomach or the large bowel"
_OTHER_PLACE = compile_builtin(r"(?i)\s*,?\s*(?:or|and)\s+(?:in\s+|of\s+)?(?:the\s+|your\s+)")
#: from where a tube runs to its far end: "... to the", "... down into your"
# (and "from": what separates one part from another)
_FAR_END = compile_builtin(r"(?i)\s*(?:(?:down|up|on|back|out)\s+)?(?:to|into|from)\s+(?:the|your)\s*")
#: a clause in "which" or "that" right after a term: ", which", ", which usually"
_WHICH_CLAUSE_AFTER = compile_builtin(r"(?i)\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:which|that)\s+(?:(?:usually|also|often|normally|then)\s+)?")
#: a placing by a verb of going: its subject stands right before it ("the sciatic nerves, which run alongside")
_GOING = compile_builtin(r"(?i)(?:runs|run|passes|pass|travels|travel)\s+(?:alongside|beside|next\s+to|close\s+to)\b")
_SUBJECT_GAP = compile_builtin(r"(?i)\s*(?:\)\s*)?(?:,\s*)?(?:(?:which|that)\s+)?(?:(?:usually|also|often|then|normally)\s+)?")
#: lying on a structure: "sits on the front of the chest wall", "lies on top of the diaphragm" (not what grows on it)
_ON = compile_builtin(r"(?i)(?:sits|sit|lies|lie|rests|rest)\b.*\bon\b")
# a placing that puts a structure beside another rather than inside it
_BESIDE = compile_builtin(
    r"(?i)\b(?:above|below|beneath|under|underneath|over|behind|beside|next\s+to|in\s+front\s+of|near|alongside"
    r"|at\s+the\s+(?:base|top|bottom|end|tip)\s+of)\b")

#: what a pronoun opening a sentence about a structure says of it: "They are small glands found at ..."
_PRONOUN_VERBS = frozenset({"is", "are", "was", "were", "lies", "lie", "sits", "sit", "runs", "run", "carries", "carry",
                            "connects", "connect", "joins", "join", "forms", "form", "passes", "pass"})


def _opens_with_pronoun(sent) -> bool:
    """ "It lies ...", "They are ...", "This is ...": not "This pocket is called a bleb", whose "this" opens a new
    subject."""
    first = sent[0].lower_
    if first in ("it", "they"):
        return True
    return first in ("this", "these") and len(sent) > 1 and (
        sent[1].lower_ in _PRONOUN_VERBS or sent[1].lower_ in ("can", "may", "will", "usually", "also", "often", "then"))


#: a sentence that opens by naming the kind of a structure the sentence before named: "This large nerve starts ..."
_THIS_KIND = compile_builtin(r"(?i)(?:this|that|these|those)\s+(?:[a-z-]+\s+){0,2}?(?P<kind>nerve|bone|muscle|tendon"
                             r"|gland|organ|artery|vein|vessel|ligament|joint|cartilage)s?\b")
#: the knowledge base's kinds of structure, by the words a page calls them
_KIND_WORDS = {"artery": "vessel", "vein": "vessel"}


#: a sentence that says what kind of structure the last one of that kind named is: "This is the long bone in the hand
#: that leads to the middle finger" after "... joined to the carpal bones and to the third metacarpal"
_THIS_IS_KIND = compile_builtin(r"(?i)(?:this|these)\s+(?:is|are)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}?(?P<kind>nerve|bone"
                                r"|muscle|tendon|gland|organ|artery|vein|vessel|ligament|joint|cartilage)s?\b")


def _referent(sent, previous_terms, kb):
    """The structure of the sentence before that a sentence opening "This large nerve ..." or "This is the long bone
    ..." is about (the last of that kind it names), or None."""
    m = _THIS_KIND.match(sent.text) or _THIS_IS_KIND.match(sent.text)
    if m is None:
        return None
    kind = m.group("kind").lower()
    kind = _KIND_WORDS.get(kind, kind)
    found = [t for t in previous_terms if t.label_ == "structure" and kb.structures[t.kb_id_].kind == kind]
    return found[-1] if found else None


#: where nerves start
_NERVE_CENTRES = frozenset({"brain", "spinal-cord", "brainstem"})
#: where the nerves of the body and the limbs leave the spine
_SPINAL_REGIONS = frozenset({"spine", "lower-back", "upper-back"})
#: from a tube's way in to where it goes: "... the urethra into the uterine arteries", "..., then on into the"
_INTO = compile_builtin(r"(?i)\s*,?\s*(?:and\s+|then\s+)*(?:(?:guided|passed|pushed|advanced|moved|threaded|steered)\s+)?"
                       r"(?:on\s+|up\s+|down\s+|onwards\s+)?(?:into|to)\s+(?:the\s+|your\s+|one\s+of\s+the\s+)?")


def _verb_after(doc, i: int, end: int) -> str:
    """The word at token ``i``, past an aside in brackets or commas: "Haemorrhoids (piles or fissures) are ..." """
    if i < end and doc[i].text in ("(", ","):
        # (or between commas: "Kidney stones, also called gallstones, are ...")
        closing = ")" if doc[i].text == "(" else ","
        close = next((j for j in range(i + 1, min(end, i + 12)) if doc[j].text == closing), None)
        if close is not None:
            i = close + 1
    return doc[i].lower_ if i < end else ""


#: a sentence that opens with where something lies: "Just beneath the collarbone", "On the inside of your ankle"
_INVERTED_PLACE = compile_builtin(
    r"(?i)(?:(?:the|a)\s+(?:[a-z-]+\s+){0,2}?(?:bump|lump|knob|bone|area|part|spot|muscle|nerve|tendon)\s+)?"
    r"(?P<words>(?:just\s+|directly\s+|deep\s+)?(?:(?P<beside>beneath|below|under|underneath|behind|above|in\s+front\s+of"
    r"|beside|next\s+to|alongside)|inside|within|(?:on|at|along|down)\s+the\s+(?:front|back|inside|outside|top|bottom"
    r"|underside|(?:inner|outer)\s+side)\s+of)\s+(?:the\s+|your\s+|each\s+))")
#: the verb after such a place, and the words before what lies there: "lie the", "is the lower end of the"
_INVERTED_VERB = compile_builtin(
    r"(?i)\s*,?\s+(?:lie|lies|sit|sits|run|runs|is|are|you\s+will\s+find|you\s+find)\s+(?:the\s+|your\s+|two\s+|a\s+|an\s+)?"
    r"(?:(?:lower|upper|outer|inner|top|bottom)\s+(?:end|part|tip)\s+of\s+(?:the\s+|your\s+))?")

#: a description of where a structure lies, before its name: "the large nerve at the back of the| leg, the femoral nerve"
_DESCRIBED_BEFORE = compile_builtin(
    r"(?i)\b(?:the|a)\s+(?:[a-z-]+\s+){0,2}?(?:nerves?|muscles?|tendons?|bones?|arter(?:y|ies)|veins?|ligaments?)\s+"
    r"(?:(?:that|which)\s+(?:runs?|lies?|sits?)\s+)?(?:at|on|along|down|up|in|over)\s+the\s+(?:front|back|rear|top|bottom"
    r"|underside|inside|outside|(?:inner|outer|palm|thumb|little-finger)\s+side)\s+of\s+(?:the\s+|your\s+|each\s+)")
#: the name after it: ", the", ", called the"
_NAMED_AFTER = compile_builtin(r"(?i)\s*,\s*(?:(?:called|known\s+as)\s+)?(?:the\s+|your\s+)")

#: a place named by two landmarks: "the area between ..."
_AREA_BETWEEN = r"(?i)\bthe\s+(?:area|skin|space|part|region|fold|line|gap|stretch)\s+between\s+(?:(?:the|your|its)\s+)?"
#: the second landmark, up to the part: "the area between your belly button and your |pubic bone"
_BETWEEN_LANDMARKS = compile_builtin(_AREA_BETWEEN + r"(?:[\w-]+\s+){1,3}?and\s+(?:(?:the|your|its)\s+)?$")
#: ... and the first: "the area between your |hip bone| and"
_BETWEEN_FIRST = compile_builtin(_AREA_BETWEEN + "$")
_AND_AFTER = compile_builtin(r"\s+and\b")

#: the second of two places: "between the scrotum| and the |anus"
_AND_THE = compile_builtin(r"(?i)\s+and\s+(?:the\s+|your\s+)?")

#: what closes an apposition after its place: "the lamina, the bony arch at the front of the vertebra, is removed" (a
#: noun phrase that goes on to its verb is a clause's subject: "After surgery on your kneecap, the tendon at the back
#: of your knee may ache")
_APPOSITION_CLOSED = compile_builtin(r"\s*(?:[,.;:)!?]|$)")
#: or, for one that opens with "a" (what the part is), by a clause saying what the part does, which no place does: "the
#: thyroid gland, a small gland at the back of your neck that controls your metabolism"
_A_DEFINITION = compile_builtin(r"[,(]\s*an?\s")
_CLOSED_BY_WHAT_IT_DOES = compile_builtin(r"\s+(?:that|which)\s+(?:controls?|makes?|produces?|stores?|releases?|"
                                          r"regulates?|helps?)\b")


#: a term that is the object of a relative clause, whose verb after it is the clause's head noun's: "nerves that control
#: the| vocal cords run close to ..."
# ("A small nerve that carries taste from the tongue runs just behind the eardrum": the nerve runs)
# (and a longer clause: "the ureters, which carry urine from the bladder to the| kidneys, lie close to the womb")
_RELATIVE_OBJECT = compile_builtin(r"(?i)\b(?:that|which|who)\s+[a-z]+\s+(?:[a-z-]+\s+){0,7}$")


# a side of the body after a placing: "on the lower left side of your tummy"
_SIDE_AFTER = compile_builtin(r"(?i),?\s+(?:on|in|at)\s+the\s+(?P<part>(?:(?:lower|upper)\s+)?(?:left|right)(?:\s+(?:lower|upper))?)"
                              r"(?:\s+(?:side|part|half|hand\s+side))?\s+of\s+(?:the\s+|your\s+)")


#: the words of a placing that say which way a structure lies from another ("over" is left out: "the kneecap lies over
#: the knee joint" means in front of it)
_DIRECTION = compile_builtin(r"(?i)\b(?:(above|on\s+top\s+of)|(below|under|underneath|beneath)|(behind)|(in\s+front\s+of))\b")
_DIRECTIONS = ("above", "below", "behind", "in-front-of")


#: what a structure's name ends with after "of": "the head of |the humerus|"
_OF_TAIL = compile_builtin(r"\bof\s+(?:the\s+|your\s+)?([A-Za-z][\w' -]*)$")


class _NamedTerm:
    """A term of the knowledge base found inside another's name, read as a term span is (label, id, text)."""

    __slots__ = ("label_", "kb_id_", "text")

    def __init__(self, label: str, kb_id: str, text: str):
        self.label_, self.kb_id_, self.text = label, kb_id, text


class StructureLocation(Kind):
    """A structure (or condition) described as lying in, or being part of, a place it is not.

    "The prostate sits just below the kidneys", "the acetabulum is part of your shoulder
    blade", "the septum divides your throat", "the ureter carries urine from the liver to the
    bladder", "the talus, a bone in the wrist". The subject is the structure or condition named
    last before the phrase in the sentence (or in the sentence before, when this one starts with
    "It" or "They"); an apposition places only the term right before its comma.
    """

    name = "structure-location"
    options = {
        # "sits below the", "is part of your": the phrases that place a subject somewhere
        "placing": (list, Kind.REQUIRED),
        # "supplies feeling to the outer side of the foot": where a nerve gives feeling (a subject that is no nerve is
        # not judged)
        "territory": (list, list),
        # where a named vessel, nerve, tendon, muscle or ligament is, said right after its name: "the popliteal artery
        # behind your ankle", "the radial artery in your groin" (judged only straight after the name)
        "adjacent": (list, list),
        # "carries urine from X to Y": where a tube or vessel runs (X and Y must be its neighbours)
        "running": (list, list),
        # "connects your throat to your stomach": as running, judged only when a second place follows
        "connecting": (list, list),
        # "separates your chest from your abdomen": both places must be where the subject lies, judged only when a
        # second place follows
        "separating": (list, list),
        # "the area of skin between the scrotum and the anus": what lies between two places lies beside both
        "between": (list, list),
        # ", a bone in the wrist": an apposition that places the term it follows (the subject is the term the
        # match starts right after, never one further back: "After a knee operation, a tendon in the ...")
        "apposition": (list, list),
        # "the lamina, the bony arch at the front of the vertebra", "is the cord at the front of your ankle": the face of a
        # place a subject lies on, judged by the faces alone (an apposition's subject is the term right before it)
        "facing": (list, list),
        # "where your oesophagus meets the small intestine": two structures that touch, which must be neighbours
        "meeting": (list, list),
        "meeting_message": (str, ""),
        # a structure placed the opposite way from another to the way the knowledge base's positions have it ("the
        # prostate sits just above the bladder"): {where} is the way it lies (the rule's own message when empty)
        "position_message": (str, ""),
        # "passed through the urethra into the uterine arteries": a tube's way in, ending where the match ends; the
        # structure it goes through and the one it goes into must be neighbours, or parts of one connected system
        "route": (list, list),
        # the body systems whose tubes connect end to end (a catheter in the femoral artery reaches the heart)
        "connected_systems": (list, list),
        # the message of a route no tube could take (the rule's own message when empty)
        "route_message": (str, ""),
    }

    def setup(self):
        where = f"{self.rule.path}: rule {self.rule.code}"
        self._structure_names = None  # (each structure's name in lower case -> its id, made when first asked)
        try:
            self.placing = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["placing"]]
            self.running = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["running"]]
            self.territory = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["territory"]]
            self.adjacent = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["adjacent"]]
            self.connecting = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["connecting"]]
            self.separating = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["separating"]]
            self.between = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["between"]]
            self.apposition = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["apposition"]]
            self.facing = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["facing"]]
            self.meeting = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["meeting"]]
            self.route = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["route"]]
        except PatternError as exc:
            raise self.error(str(exc).removeprefix(where + ": ")) from None
        # the sentence patterns, some fifty, tried on each sentence with two terms: a block that holds none of the
        # strings one of which each match of a pattern needs is not searched for it (a set of their own: they read blocks)
        self._kinded_patterns = [(p, kind) for kind, patterns in (
            ("place", self.placing), ("run", self.running), ("territory", self.territory), ("adjacent", self.adjacent),
            ("connect", self.connecting), ("separate", self.separating), ("between", self.between),
            ("face", self.facing), ("meet", self.meeting), ("appose", self.apposition)) for p in patterns]
        self._sentence_patterns = [p for p, _ in self._kinded_patterns]
        self._sentence_scan = PatternSet(self._sentence_patterns, NeedleGroup())
        self._sentence_scan.register()
        self.connected_systems = frozenset(self.opts["connected_systems"])
        # the body's natural openings, and the body systems a tube passed in through each can reach (the knowledge base's)
        self.openings = {r.id: frozenset(r.opens_on) for r in self.kb.regions.values() if r.opens_on}
        # the conditions that keep a structure out of its own place (an undescended testicle), for _displaced_fits
        self._displacing = [c for c in self.kb.conditions.values() if c.displaces]
        self._region_named = {t.lower(): r.id for r in self.kb.regions.values() for t in r.terms}
        self.check_template("route_message", {"text", "subject", "place"})
        self.check_template("meeting_message", {"text", "subject", "place"})
        self.check_template("position_message", {"text", "subject", "place", "where"})
        self.faces = AspectWords(self.kb, self.trusted)

    def _inverted(self, text: str, sent, starts):
        """(start, end, subject, place, beside) for a sentence that opens with where something lies and then names it
        ("Just beneath the collarbone lie the femoral artery and vein", "On the inside of your ankle is the lower end of
        the fibula"), or None."""
        opening = _INVERTED_PLACE.match(text, sent.start_char, sent.end_char)
        if opening is None:
            return None
        place = starts.get(opening.end())
        if place is None or place.label_ not in ("structure", "region"):
            return None
        verb = _INVERTED_VERB.match(text, place.end_char, sent.end_char)
        if verb is None:
            return None
        subject = starts.get(verb.end())
        if subject is None or subject.label_ not in ("structure", "condition"):
            return None
        # (below, behind, beside: next to the place; inside it, or on one of its faces: in it)
        beside = opening.group("beside") is not None
        return opening.start("words"), subject.end_char, subject, place, beside

    def _described_before(self, text: str, sent, starts):
        """(start, end, subject, place, False) for a structure named after a description of where it lies ("The large
        nerve at the back of the leg, the femoral nerve, is cut"), or None."""
        for m in finditer(_DESCRIBED_BEFORE, text, sent.start_char, sent.end_char):
            place = starts.get(m.end())
            if place is None:
                continue
            name = _NAMED_AFTER.match(text, place.end_char, sent.end_char)
            subject = starts.get(name.end()) if name is not None else None
            if subject is not None and subject.label_ == "structure":
                return m.start(), subject.end_char, subject, place, False
        return None

    def _regions(self, span):
        kb = self.kb
        if span.label_ == "structure":
            return kb.structures[span.kb_id_].regions
        if span.label_ == "condition":
            return kb.conditions[span.kb_id_].regions
        if span.label_ == "region":
            return (span.kb_id_,)
        return ()

    def _fits(self, subject, place) -> bool:
        kb = self.kb
        if subject.label_ == "structure" and place.label_ == "structure":
            s = kb.structures[subject.kb_id_]
            if place.kb_id_ == s.id or place.kb_id_ in s.neighbours or s.id in kb.structures[place.kb_id_].neighbours:
                return True
        a, b = self._regions(subject), self._regions(place)
        if subject.label_ == "condition":
            # where its symptoms are felt is a right place too: "sciatica is pain that travels down the leg"
            a = tuple(a) + tuple(kb.conditions[subject.kb_id_].symptom_regions)
        # (a condition of the skin, or of the whole body, forms on any part: "keloid scars tend to form on the chest";
        # not under an organ: "lies beneath the liver")
        if not a or not b or set(b) & {"body", "skin", "blood-vessels"} \
                or subject.label_ == "condition" and set(a) <= {"body", "skin"} and place.label_ == "region":
            return True
        return kb.any_related(a, b)

    def _aspect_clash(self, subject, words: str) -> bool:
        """Do ``words`` (those before the place: "runs down the front of your") name the face opposite the one the
        subject lies on ("the Achilles tendon ... runs down the front of your lower leg")?"""
        if subject.label_ == "structure":
            own = self.kb.structures[subject.kb_id_].aspects
        elif subject.label_ == "condition":
            own = self.kb.conditions[subject.kb_id_].aspects
        else:
            return False
        return self.faces.clash(own, words) is not None

    def _confined_fits(self, subject, place) -> bool:
        """A condition confined to a few structures is only *in* one of them: "fibroids are growths in the
        ovaries" names an organ of the right region but the wrong one."""
        if subject.label_ != "condition" or place.label_ != "structure":
            return True
        confined = self.kb.conditions[subject.kb_id_].structures
        if not confined or place.kb_id_ in confined:
            return True
        # (skin and vessels are everywhere: "haemorrhoids are swollen veins under the skin")
        return bool(set(self.kb.structures[place.kb_id_].regions) & _GENERIC_REGIONS)

    def _sided(self, place, part_words: str):
        """The part of a region its side words name ("the lower left of the abdomen": the left lower abdomen, when the
        knowledge base names it so), as a span of its own; else the place as it is."""
        sides = [w for w in part_words.lower().split() if w in ("left", "right", "upper", "lower", "top", "bottom")]
        region = None
        if len(sides) == 2:
            name = place.text.lower()
            region = self._region_named.get(f"{sides[0]} {sides[1]} {name}") \
                or self._region_named.get(f"{sides[1]} {sides[0]} {name}")
            # "the upper right of your tummy": the part of the region the words name, by its id
            region = region or next((r for r in (f"{sides[0]}-{sides[1]}-{place.kb_id_}", f"{sides[1]}-{sides[0]}-{place.kb_id_}")
                                     if r in self.kb.regions), None)
        elif sides in (["left"], ["right"]) and f"{sides[0]}-{place.kb_id_}" in self.kb.regions:
            region = f"{sides[0]}-{place.kb_id_}"  # "the left side of your tummy": the left abdomen
        if region is None:
            return place
        from spacy.tokens import Span  # (spaCy is loaded by then: a place is a span of a parsed page)

        return Span(place.doc, place.start, place.end, label="region", kb_id=region)

    def _wrong_side(self, text: str, place, subject, starts):
        """(start, end) of the side of the body named after a right placing, when the subject is not on that side:
        "attached to the large bowel on the lower left side of your tummy" (the appendix is on the right)."""
        side = _SIDE_AFTER.match(text, place.end_char)
        sided = starts.get(side.end()) if side is not None else None
        if sided is None or sided.label_ != "region":
            return None
        sided = self._sided(sided, side.group("part"))
        if self._placed_fits(subject, sided, False):
            return None
        return side.start() + len(side.group()) - len(side.group().lstrip(", ")), sided.end_char

    def _known_position(self, subject, place, words: str) -> str | None:
        """"agrees" or "clashes" when the placing says which way the subject lies from the place ("sits just above the
        bladder") and the knowledge base's positions say which way it does; None when either is silent."""
        if subject.label_ != "structure" or place.label_ != "structure":
            return None
        m = _DIRECTION.search(words)
        if m is None:
            return None
        known = self.kb.position(subject.kb_id_, place.kb_id_)
        if known is None:
            return None
        claimed = _DIRECTIONS[m.lastindex - 1]
        return "agrees" if claimed == known else "clashes" if POSITIONS[claimed] == known else None

    def _last_named_structure(self, subject):
        """The structure a structure's name ends with, after "of" ("the head of |the humerus|"), as a term; or None."""
        if subject.label_ != "structure":
            return None
        tail = _OF_TAIL.search(subject.text)
        if tail is None:
            return None
        if self._structure_names is None:
            self._structure_names = {phrase.lower(): id_ for label, id_, phrase in self.kb.lexicon() if label == "structure"}
        id_ = self._structure_names.get(tail.group(1).lower())
        return _NamedTerm("structure", id_, tail.group(1)) if id_ is not None and id_ != subject.kb_id_ else None

    def _displaced_fits(self, page, subject, place) -> bool:
        """On a page about a condition that keeps the subject out of its own place, or about an operation that treats
        one, the condition's places are right for it: "if the testicle is inside the abdomen" on an orchidopexy page."""
        if subject.label_ != "structure":
            return False
        kb = self.kb
        for condition in self._displacing:
            if subject.kb_id_ not in condition.displaces or not (
                    condition.id in page.topic_conditions or set(condition.treated_by) & set(page.topic_procedures)):
                continue
            if place.label_ == "structure" and place.kb_id_ in condition.structures:
                return True
            regions = [*condition.regions, *(r for s in condition.structures for r in kb.structures[s].regions)]
            if kb.any_related(self._regions(place), regions):
                return True
        return False

    def _placed_fits(self, subject, place, beside: bool) -> bool:
        """Is ``place`` a right place for ``subject`` to lie in (or, when ``beside``, next to)?"""
        if beside:
            return self._fits(subject, place) or self._adjacent(subject, place)
        # (a structure said to lie in another is a part of it: "the vas deferens, two tubes located in the kidneys")
        return self._fits(subject, place) and self._confined_fits(subject, place) and self._part_fits(subject, place)

    def _part_fits(self, subject, place) -> bool:
        """A structure said to be a part or the lining of another is that one, its neighbour, or of its body system:
        "the urothelium, the thin lining of the rectum" names an organ of the right region, but of another system."""
        if subject.label_ != "structure" or place.label_ != "structure":
            return True
        s, p = self.kb.structures[subject.kb_id_], self.kb.structures[place.kb_id_]
        # (a vessel or a nerve runs through the walls of other systems' parts: "the internal mammary artery, which runs
        # along the inside of your chest wall")
        return s.id == p.id or p.id in s.neighbours or s.id in p.neighbours or s.system == p.system \
            or not s.system or not p.system or bool(set(p.regions) & _GENERIC_REGIONS) \
            or s.system in ("cardiovascular", "nervous") and s.kind in ("vessel", "nerve")

    def _adjacent(self, subject, place) -> bool:
        """Regions side by side in one part of the body (the nose above the mouth, both in the head):
        what "sits above", "lies behind" or "is next to" may rightly say."""
        a, b = self._regions(subject), self._regions(place)
        parents_a, parents_b = self._close_parents(a), self._close_parents(b)
        return bool(parents_a & (parents_b | set(b))) or bool(parents_b & set(a))

    def _close_parents(self, regions) -> set[str]:
        """The regions' parents, less the whole body and the trunk (too wide to make two parts neighbours)."""
        return {p for r in regions for p in self.kb.regions[r].parents if p not in ("body", "trunk")}

    def _neighbourly(self, subject, place) -> bool:
        kb = self.kb
        if subject.label_ != "structure" or place.label_ != "structure":
            return True
        s = kb.structures[subject.kb_id_]
        p = kb.structures[place.kb_id_]
        # (blood vessels reach the heart and each other: "the carotid arteries carry blood from your heart")
        return p.id == s.id or p.id in s.neighbours or s.id in p.neighbours or not s.neighbours \
            or s.system == p.system == "cardiovascular"

    def _nerve_from_centre(self, subject, place) -> bool:
        """ "The facial nerve runs from the brain": every nerve starts in the brain or the spinal cord, and a nerve of
        the body or the limbs at the spine ("the sciatic nerve runs from your lower back"), an arm's in the neck."""
        kb = self.kb
        if subject.label_ != "structure" or kb.structures[subject.kb_id_].kind != "nerve":
            return False
        if place.kb_id_ in _NERVE_CENTRES:
            return True  # (the brain as a region, the brainstem and spinal cord as structures)
        if place.label_ != "region":
            return False
        regions = kb.structures[subject.kb_id_].regions
        if place.kb_id_ == "neck":
            # the arm's nerves leave the spine in the neck: "the ulnar nerve runs from the neck down the inner arm"
            return any("upper-limb" in kb.ancestors(r) for r in regions)
        if not kb.ancestors(place.kb_id_) & _SPINAL_REGIONS:
            return False
        return not any("head" in kb.ancestors(r) for r in regions)

    def _route_ok(self, way, end) -> bool:
        """Can a tube go through ``way`` into ``end``? Neighbours, or two parts of one connected system; from a
        natural opening, into the systems it opens on; through the skin of a part of the body, into what lies in
        that part."""
        kb = self.kb
        if way.label_ == "region" and end.label_ == "structure":
            region, target = way.kb_id_, kb.structures[end.kb_id_]
            # (a catheter in any blood vessel reaches the heart: "through the groin up to the heart")
            if region in _GENERIC_REGIONS or target.system == "cardiovascular" or set(target.regions) & _GENERIC_REGIONS:
                return True
            systems = self.openings.get(region)
            if systems is not None:
                return target.system in systems  # "through your mouth ... into the ureter"
            # "through the skin of your lower back into the prostate": the two share no part of the body
            near = kb.ancestors(region) - _WHOLE
            return any(near & (kb.ancestors(r) - _WHOLE) for r in target.regions)
        if way.label_ != "structure" or end.label_ != "structure":
            return True  # "through a small cut in the groin into the tummy": a region is a way in through the skin
        a, b = kb.structures[way.kb_id_], kb.structures[end.kb_id_]
        if a.id == b.id or b.id in a.neighbours or a.id in b.neighbours:
            return True
        return a.system == b.system and (a.system in self.connected_systems or kb.any_related(a.regions, b.regions))

    def _routes(self, unit, text, in_sent, sent, starts):
        """(start, end, way, end term) of each route in the sentence that no tube could take."""
        for compiled in self.route:
            for m in finditer(compiled, text, sent.start_char, sent.end_char):
                way = starts.get(m.end())
                if way is None:
                    continue
                # "through the skin of your lower back": the part of the body the skin is on
                of = _SKIN_OF.match(text, way.end_char) if way.kb_id_ in ("skin", "skin-organ") else None
                if of is not None and of.end() in starts:
                    way = starts[of.end()]
                # "through your mouth and down your windpipe into your stomach": the last part passed is the way in
                step = _ONWARD.match(text, way.end_char)
                while step is not None and step.end() in starts:
                    way = starts[step.end()]
                    step = _ONWARD.match(text, way.end_char)
                for end in in_sent:
                    if end.start_char <= way.end_char:
                        continue
                    if _INTO.fullmatch(text, way.end_char, end.start_char) and not self._route_ok(way, end):
                        yield m.start(), end.end_char, way, end
                    break

    def check(self, page):
        previous_subject = None
        for unit in self.units(page):
            if not unit.terms:
                continue  # no term, no place to put one in, and no subject for the next block
            doc = unit.doc
            text = unit.block.text
            terms = [t for t in _terms(unit) if t.label_ in ("structure", "condition", "region")]
            around = Enclosing(terms)
            terms = [t for t in terms if not around.longer(t)]
            if not terms:
                continue  # no term, no place to put one in, and no subject for the next block
            starts = {t.start_char: t for t in terms}
            # each sentence's terms and term starts found by bisection: testing every term against every
            # sentence took time growing with the square of a long block's length
            by_start = sorted(range(len(terms)), key=lambda i: terms[i].start)
            token_starts = [terms[i].start for i in by_start]
            char_starts = sorted(starts)
            previous_terms: list = []
            found: list = []  # the findings of the block's placings, less those that overlap a longer one
            alive = None  # the ids of the sentence patterns the block may hold a match of (found when first needed)
            for sent in unit.sents:
                first = bisect_left(char_starts, sent.start_char)
                if first == len(char_starts) or char_starts[first] > sent.end_char:
                    # a finding ends where a term starts: none here. A sentence about something else ("This pocket is
                    # called a bleb.") is what the next one's "It" means, not the structure before it
                    if not _opens_with_pronoun(sent):
                        previous_subject = None
                    previous_terms = []
                    continue
                in_sent = [terms[i] for i in sorted(by_start[bisect_left(token_starts, sent.start)
                                                             : bisect_left(token_starts, sent.end)])]
                pronoun = _opens_with_pronoun(sent)
                # "... the sciatic nerve. This large nerve starts in the lower back.": the nerve is the subject on
                referent = _referent(sent, previous_terms, self.kb) if previous_terms else None
                if referent is not None:
                    pronoun, previous_subject = True, referent
                previous_terms = in_sent
                # a finding needs a place and a subject before it (a structure or condition of this sentence, or the
                # last sentence's for "It ..."): a sentence with one term has no room for both, most of the time
                if len(in_sent) < 2 and not (pronoun and previous_subject is not None):
                    patterns = ()
                else:
                    # an apposition follows a term's comma: most sentences have none
                    apposed = any(text.startswith(",", t.end_char) or text.startswith("),", t.end_char)
                                  or text.startswith(" (", t.end_char) for t in in_sent)
                    if alive is None:
                        alive = self._sentence_scan.alive_in(text, self._sentence_patterns)
                    patterns = [(p, kind) for p, kind in self._kinded_patterns
                                if id(p) in alive and (kind != "appose" or apposed)]
                for compiled, kind in patterns:
                    for m in finditer(compiled, text, sent.start_char, sent.end_char):
                        place = starts.get(m.end())
                        if place is not None and _SIDE_OF.match(text, place.end_char):
                            place = None  # "the palm side of the wrist", "the thumb side of your hand": a face of the next
                        if place is None:
                            # "found at the base of the skull": the phrase's last words open the place's own name
                            place = next((t for t in in_sent if m.start() < t.start_char < m.end() < t.end_char), None)
                        if place is None:
                            # "under the right armpit", "in the lining of the bladder": a side or a part of the place
                            part = _PART_OF_PLACE.match(text, m.end())
                            if part is not None:
                                place = starts.get(part.end())
                                if place is not None and place.label_ == "region":
                                    place = self._sided(place, part.group())  # "the lower left of the abdomen"
                        if place is None:
                            continue
                        before = [t for t in in_sent if t.end_char <= m.start() and t.label_ != "region"]
                        if kind == "face" and text[m.start()] in ",(":
                            kind = "appose face"
                        if kind in ("appose", "appose face"):
                            # the term right before the comma, or before its abbreviation: "ductal carcinoma in situ
                            # (DCIS), an early cancer ..."
                            before = [t for t in before if t.end_char == m.start()
                                      or ABBREVIATION_AFTER.fullmatch(text, t.end_char, m.start())
                                      or text[t.end_char:m.start()] in (")", " " if kind == "appose face" else ")")]
                            if not before:
                                continue
                            if _LIST_GOES_ON.match(text, place.end_char):
                                continue  # "fractures of the shinbone, the navicular bone in the midfoot, and the base
                                # of the fifth metatarsal": the next item of a list, no apposition
                        # "The septum is the wall of bone and cartilage that divides ...": a sentence that
                        # defines its first term is about that term
                        defined = [t for t in before if t.start <= sent.start + 2
                                   and _verb_after(doc, t.end, sent.end) in ("is", "are")]
                        # (the last sentence's subject only for the pronoun's own verb: "It lies below ...", not
                        # "These include ... a catheter to drain urine from your bladder")
                        if kind == "face":
                            # "take a hamstring tendon from the front of your thigh": what is taken lies inside the match
                            inside = [t for t in in_sent if m.start() <= t.start_char and t.end_char <= place.start_char
                                      and t.label_ == "structure"]
                            if inside:
                                defined, before = [], inside
                        if kind == "between" and not defined and not before:
                            # "The perineum is the area of skin between ...": a part of the body defined by where it lies
                            defined = [t for t in in_sent if t.label_ == "region" and t.start <= sent.start + 2
                                       and t.end_char <= m.start() and _verb_after(doc, t.end, sent.end) in ("is", "are")]
                        if kind == "meet":
                            defined = []  # "The ankle joint is where the tibia meets the talus": the tibia meets it
                        if defined and before and _WHICH_CLAUSE_AFTER.fullmatch(text, before[-1].end_char, m.start()):
                            # "The adrenal glands are controlled by the pituitary gland, which sits at the base of the
                            # brain": a clause in "which" right after a term is that term's
                            defined = []
                        subject = defined[0] if defined else (before[-1] if before else (
                            previous_subject if pronoun and (m.start() - sent.start_char <= 24 or (
                                len(sent) > 1 and sent[1].lower_ in _PRONOUN_VERBS)) else None))
                        if subject is None or subject is place:
                            continue
                        if kind == "place" and not defined and _GOING.match(m.group()) \
                                and subject.end_char <= m.start() and not _SUBJECT_GAP.fullmatch(text, subject.end_char, m.start()):
                            continue  # "If the cyst is near the kidney, the needle passes close to ...": the needle passes
                        if subject.kb_id_ in ("skin", "skin-organ"):
                            continue  # "passed through the skin ... to drain bile from the gallbladder": skin is everywhere
                        # (the subject may be the last sentence's, in the block before: its own doc)
                        if subject.start > 0 and subject.doc[subject.start - 1].lower_ in _MOVED_ORGAN:
                            continue  # "a transplanted kidney sits low in the front of the abdomen": not where it grew
                        if not defined and text[subject.end_char:m.start()] in (" ", ", ") \
                                and _RELATIVE_OBJECT.search(text, max(sent.start_char, subject.start_char - 70), subject.start_char):
                            # "Two nerves that control the vocal cords run close to the thyroid": the nerves run (and
                            # "the recurrent laryngeal nerves, which control the vocal cords, run close to ...")
                            continue
                        if _BEFORE_BIRTH.search(sent.text):
                            continue  # "Before birth, the testicles form inside the tummy": where a part grows first
                        if not defined and subject.end_char <= m.start() \
                                and _ATTACHED_THING.search(text, subject.end_char, m.start()):
                            continue  # "placed behind your ear, with a thin wire that sits inside the cochlea": the wire
                        # (from the sentence's start for the last sentence's subject: "the MPFL, or medial ... . This is")
                        between = {tok.lower_ for tok in doc[max(subject.end, sent.start) : place.start]}
                        if not defined and between & {"or", "and"}:
                            continue  # "your bladder or the tubes that carry urine from ...": another subject
                        if not defined and subject.end_char <= m.start() \
                                and between & {"because", "since", "although", "though", "when", "while", "if", "but"}:
                            continue  # "the tongue, because a small taste nerve passes through ...": another clause
                        far_wrong = False
                        adjacent = kind == "adjacent"
                        if adjacent:
                            if not before or before[-1] is not subject or subject.end_char != m.start() \
                                    or subject.label_ != "structure" \
                                    or self.kb.structures[subject.kb_id_].kind not in _ADJACENT_KINDS \
                                    or "spine" in self.kb.structures[subject.kb_id_].regions:
                                continue  # (nor a nerve root, which the spine holds from the neck to the lower back)
                            kind = "place"
                        if kind == "territory":
                            if subject.label_ != "structure" or self.kb.structures[subject.kb_id_].kind != "nerve":
                                continue
                            if _OTHER_NERVES_WHICH.search(text, subject.end_char, m.start()):
                                continue  # "tibial nerve stimulation, where a needle stimulates the nerves that control
                                # the bladder": what those nerves do, not the named one
                            kind = "place"
                        if kind == "appose face" and not _APPOSITION_CLOSED.match(text, place.end_char) \
                                and not (_A_DEFINITION.match(text, m.start())
                                         and _CLOSED_BY_WHAT_IT_DOES.match(text, place.end_char)):
                            continue  # "After surgery on your kneecap, the tendon at the back of your knee may ache"
                        if kind == "meet":
                            # (judged only between two structures the knowledge base knows the neighbours of)
                            ok = subject.label_ != "structure" or place.label_ != "structure" \
                                or self._neighbourly(subject, place)
                        elif kind in ("face", "appose face"):
                            ok = not self._aspect_clash(subject, text[m.start():place.start_char])
                        elif kind in ("place", "appose") and (known := self._known_position(subject, place, m.group())):
                            ok = known == "agrees"  # "the prostate sits just above the bladder": it lies below it
                            if not ok and self.opts["position_message"]:
                                found.append(self.hit(
                                    unit, m.start(), place.end_char, subject=subject.text, place=place.text,
                                    message=self.opts["position_message"],
                                    where=self.kb.position(subject.kb_id_, place.kb_id_).replace("-", " ")))
                                continue
                        elif kind in ("place", "appose"):
                            # (straight after its name, "behind your ankle" puts it at the ankle)
                            beside = _BESIDE.search(m.group()) is not None and not adjacent
                            if not beside and place.label_ == "structure" and _ON.match(m.group()) is not None:
                                # (on another structure is against it, its neighbour, not in it: "breast tissue sits on
                                # the front of the chest wall", not "on top of the diaphragm"; on a region is in it: "the
                                # liver sits on the left side of your abdomen")
                                ok = self._fits(subject, place) and self._neighbourly(subject, place)
                            else:
                                ok = self._placed_fits(subject, place, beside)
                                if not ok and kind == "appose":
                                    # "the head of the humerus, the bone of the upper arm": the apposition may describe
                                    # the structure the subject's name ends with
                                    last = self._last_named_structure(subject)
                                    ok = last is not None and self._placed_fits(last, place, beside)
                                ok = ok or self._displaced_fits(page, subject, place)
                            ok = ok and not self._aspect_clash(subject, text[m.start():place.start_char])
                            if ok:
                                # "an open sore in the lining of the stomach or the large bowel": each place named
                                other = _OTHER_PLACE.match(text, place.end_char)
                                other = starts.get(other.end()) if other is not None else None
                                if other is not None and other.label_ == "structure" == subject.label_ \
                                        and self.kb.structures[other.kb_id_].kind == self.kb.structures[subject.kb_id_].kind:
                                    other = None  # "the sciatic nerve in your leg and the median nerve in your wrist":
                                    # the next of a list of nerves, no second place
                                if other is not None and not self._placed_fits(subject, other, beside):
                                    yield self.hit(unit, m.start(), other.end_char, subject=subject.text,
                                                   place=other.text)
                                    continue
                        elif kind == "between":
                            second = next((t for t in in_sent if t.start_char > place.end_char
                                           and _AND_THE.fullmatch(text, place.end_char, t.start_char)), None)
                            if second is None or set(self._regions(subject)) & _GENERIC_REGIONS:
                                continue  # ("the skin of the perineum, the area between ...": the skin is everywhere)
                            ok = self._placed_fits(subject, place, True) and self._placed_fits(subject, second, True)
                            if not ok and self._placed_fits(subject, place, True):
                                far_wrong = True  # "between the scrotum and the belly button": the second is wrong
                        elif kind == "separate":
                            second = next((t for t in in_sent if t.start_char > place.end_char
                                           and _FAR_END.fullmatch(text, place.end_char, t.start_char)), None)
                            if second is None:
                                continue
                            ok = self._fits(subject, place) and self._fits(subject, second)
                            if not ok and self._fits(subject, place):
                                far_wrong = True  # "separates your chest from your neck": the second side is wrong
                        else:
                            second = next((t for t in in_sent if t.start_char > place.end_char
                                           and _FAR_END.fullmatch(text, place.end_char, t.start_char)), None)
                            if second is not None and second.kb_id_ in ("skin", "skin-organ"):
                                # "to the skin of your lower back": the part of the body the skin is on
                                of = _SKIN_OF.match(text, second.end_char)
                                if of is not None and of.end() in starts:
                                    second = starts[of.end()]
                            if kind == "connect" and second is None:
                                continue
                            # (a blood vessel's far end is any organ it feeds: "from your heart to your brain")
                            vessel = subject.label_ == "structure" \
                                and self.kb.structures[subject.kb_id_].system == "cardiovascular"
                            # (a far end that is a part of the body, not an organ: judged by where the subject lies)
                            far_wrong = second is not None and not vessel and not (
                                self._neighbourly(subject, second) if second.label_ == "structure"
                                else self._fits(subject, second))
                            ok = self._neighbourly(subject, place) and not far_wrong
                            if ok and second is None and not self._fits(subject, place) \
                                    and not self._nerve_from_centre(subject, place):
                                ok = False
                        if ok and kind in ("place", "appose"):
                            # "attached to the large bowel on the lower left side of your tummy": a right placing, then
                            # the side of the body it is on
                            wrong_side = self._wrong_side(text, place, subject, starts)
                            if wrong_side is not None:
                                yield self.hit(unit, wrong_side[0], wrong_side[1], subject=subject.text, place=place.text)
                                continue
                        if ok:
                            continue
                        end = place.end_char
                        if far_wrong:
                            end = second.end_char  # "carries urine from the kidney to the small intestine"
                        found.append(self.hit(unit, subject.start_char if adjacent else m.start(), end,
                                              subject=subject.text, place=place.text,
                                              message=self.opts["meeting_message"] or None if kind == "meet" else None))
                if len(in_sent) >= 2:
                    # "Just beneath the collarbone lie the femoral artery and vein": the place first, then what lies there
                    inverted = self._inverted(text, sent, starts) or self._described_before(text, sent, starts)
                    if inverted is not None:
                        lo, hi, subject, place, beside = inverted
                        if not (self._placed_fits(subject, place, beside)
                                and not self._aspect_clash(subject, text[lo:place.start_char])):
                            found.append(self.hit(unit, lo, hi, subject=subject.text, place=place.text))
                if self.route and len(in_sent) >= 2:
                    for start, end, way, into in self._routes(unit, text, in_sent, sent, starts):
                        yield self.hit(unit, start, end, subject=way.text, place=into.text,
                                       message=self.opts["route_message"] or None)
                firsts = [t for t in in_sent if t.label_ in ("structure", "condition")]
                if pronoun and previous_subject is not None:
                    pass  # "It sits below the bladder. It wraps around the urethra.": still the prostate
                elif firsts:
                    previous_subject = firsts[0]
                elif not pronoun:
                    previous_subject = None
            # one finding for one wrong place, where two phrases read the same words: the longest ("Gallstones, hard
            # pebbles that form in the pancreas" is an apposition and a placing)
            kept: list = []
            for hit in sorted(found, key=lambda h: (h.start - h.end, h.start)):
                if not any(hit.start < k.end and k.start < hit.end for k in kept):
                    kept.append(hit)
            yield from sorted(kept, key=lambda h: h.start)


def _opens_with_symptom_named_before(sentence, following) -> bool:
    """Does the next sentence open with the place the sentence named, as its subject ("You may have pain in the tip of
    one shoulder. Shoulder-tip pain is caused by the gas used")?"""
    first = following[0].lower_.split("-")[0]
    return len(first) > 3 and first.isalpha() and any(t.lower_ == first for t in sentence)


#: words that say the part causes the symptom: "a stone in the left kidney causes pain", "the pain is felt in"
_SIDE_CAUSING = compile_builtin(r"(?i)\b(?:causes?|caused|causing|felt|gives?|giving|leads?\s+to|produces?|results?\s+in"
                                r"|spreads?\s+(?:down\s+)?(?:to|into)|travels?\s+(?:down\s+)?(?:to|into)|affects?|affecting)\b")
#: a sentence that names the other side on purpose, both sides, or sight (the eyes' halves of the field of view cross
#: only in part): its sides are not judged
_SIDES_LEFT_OPEN = compile_builtin(r"(?i)\b(?:opposite|other\s+side|either\s+side|both\s+sides|each\s+side|left\s+(?:or|and)\s+right"
                                   r"|right\s+(?:or|and)\s+left|vision|sight|visual|eyes?|field\s+of\s+view)\b")


def _words_alternation(phrases) -> str:
    """Phrases as one alternation, longest first, any white space between their words."""
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=lambda w: (-len(w), w))) + ")"


#: a heading over other treatments than the page's: "Other options", "Alternatives to surgery", "Non-surgical treatment"
_ALTERNATIVES_HEADING = compile_builtin(
    r"(?i)\b(?:other|alternative|different)\s+(?:options|treatments?|choices|procedures|operations|ways|approaches)\b"
    r"|\balternatives?\b|\binstead\b|\bnon-?surgical\b|\bwithout\s+surgery\b")


def _under_alternatives(page, unit) -> bool:
    """Does the block stand in a section on other treatments than the page's ("Other options")?"""
    heading = page.last_before(unit, ("heading",))
    return heading is not None and _ALTERNATIVES_HEADING.search(heading.block.text) is not None


def _where_done(kb, procedure) -> str:
    """Where an operation is done, for a message: its narrowest regions in words ("the upper abdomen", not "the upper
    abdomen and abdomen")."""
    return listed([kb.regions[r].name for r in kb.narrowest(procedure.regions)])
