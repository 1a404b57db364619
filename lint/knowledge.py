"""The medical knowledge base: body regions, anatomy, procedures and conditions.

The data lives in ``rules/knowledge/*.yaml`` (see the README there), written for
clinician-editors to read and extend. This module loads it, checks it (every
reference must resolve) and answers the questions the rule kinds ask: which
region does a word name, are two regions related, which structures does a
procedure act on.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path

from lint.yamlio import cached, load_yaml


class KnowledgeError(Exception):
    """The knowledge base is inconsistent; the message names the file and the entry."""


@dataclass
class Region:
    id: str
    name: str
    parents: tuple[str, ...]
    terms: tuple[str, ...]
    lay: str = ""
    #: the regions of the same parent that border this one (the elbow: the upper arm and the forearm); a region that
    #: lists them is beside only those, not every region of its parent
    neighbours: tuple[str, ...] = ()
    #: a natural opening of the body (the mouth, the back passage): the body systems a scope or tube passed in through
    #: it can reach
    opens_on: tuple[str, ...] = ()


@dataclass
class Aspect:
    """A face of a part of the body: the front or the back of a leg, the palm of a hand, the top of a foot."""

    id: str
    name: str
    #: a regular expression for the words a page names it by, before the part ("the back of your hand")
    words: str
    #: the faces opposite it
    opposite: tuple[str, ...] = ()


@dataclass
class Structure:
    id: str
    name: str
    synonyms: tuple[str, ...]
    regions: tuple[str, ...]
    system: str
    kind: str
    side: str
    lay: str
    location: str = ""
    neighbours: tuple[str, ...] = ()
    #: the faces of its part of the body it lies on (the Achilles tendon: the back of the leg), aspect ids
    aspects: tuple[str, ...] = ()


@dataclass
class Procedure:
    id: str
    name: str
    synonyms: tuple[str, ...]
    abbreviations: tuple[str, ...]
    specialty: str
    regions: tuple[str, ...]
    structures: tuple[str, ...]
    lay: str
    not_: tuple[str, ...] = ()
    #: the faces of its region its cuts are made on (hammer toe correction: the top of the toe), aspect ids
    aspects: tuple[str, ...] = ()
    #: where its cuts or punctures are made, when that is not where it acts (a coronary angiogram: the wrist or the
    #: groin, not the chest), region ids
    entry_regions: tuple[str, ...] = ()
    #: done entirely through a natural opening, with no cut in the skin: the way in, in words ("through the ear
    #: canal"); empty for an operation that may cut the skin
    no_skin_cut: str = ""
    #: the structures its cuts are made in, when it acts on others it never cuts (cataract surgery cuts the cornea,
    #: not the retina it may harm), structure ids; empty: any of its structures
    cut_structures: tuple[str, ...] = ()


@dataclass
class Condition:
    id: str
    name: str
    synonyms: tuple[str, ...]
    regions: tuple[str, ...]
    symptom_regions: tuple[str, ...]
    treated_by: tuple[str, ...]
    lay: str = ""
    # the structures it arises in, when it is confined to them (fibroids: the womb); empty when it is not
    structures: tuple[str, ...] = ()
    #: the faces of its part of the body it lies on (a bunion: the inner edge of the foot), aspect ids
    aspects: tuple[str, ...] = ()
    #: the structures it keeps out of their own place (an undescended testicle: the testicle, in the groin or the
    #: tummy): on a page about it, they may lie in its regions and structures
    displaces: tuple[str, ...] = ()


@dataclass
class KnowledgeBase:
    regions: dict[str, Region] = field(default_factory=dict)
    structures: dict[str, Structure] = field(default_factory=dict)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    aspects: dict[str, Aspect] = field(default_factory=dict)
    #: (a, b) -> where structure a lies against structure b: "above", "below", "in-front-of" or "behind" (each fact is
    #: kept both ways: the prostate below the bladder, the bladder above the prostate)
    positions: dict[tuple[str, str], str] = field(default_factory=dict)

    # -- regions --------------------------------------------------------------
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # answers about regions worked out once (the tree does not change once loaded)
    _answers: dict[tuple, bool] = field(default_factory=dict, repr=False, compare=False)
    # the lexicon, made once: the term matcher, spelling, grammar and SEO rules all read it at start-up
    _lexicon: tuple = field(default=(), repr=False, compare=False)
    # the words of the lexicon's phrases, made once (and kept with the base in the data cache)
    _name_words: tuple = field(default=(), repr=False, compare=False)

    def position(self, a: str, b: str) -> str | None:
        """Where structure ``a`` lies against structure ``b``, when the knowledge base says."""
        return self.positions.get((a, b))

    def narrowest(self, region_ids) -> list[str]:
        """The regions of ``region_ids`` that contain none of the others: a message names the "upper abdomen", not the
        "upper abdomen and abdomen"."""
        return [r for r in region_ids if not any(o != r and r in self.ancestors(o) for o in region_ids)]

    def ancestors(self, region_id: str) -> frozenset[str]:
        """The region and every region that contains it."""
        cached = self._ancestors.get(region_id)
        if cached is not None:
            return cached
        seen = {region_id}
        todo = [region_id]
        while todo:
            for parent in self.regions[todo.pop()].parents:
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        result = self._ancestors[region_id] = frozenset(seen)
        return result

    def _child_index(self) -> dict[str, list[str]]:
        children = self._children
        if not children:
            for r in self.regions.values():
                for parent in r.parents:
                    children.setdefault(parent, []).append(r.id)
        return children

    def spanning(self, region_id: str) -> bool:
        """Is the region made up wholly of parts of other regions (the spine: the neck's, the back's and the pelvis's
        parts of it), rather than a part of the body of its own?"""
        answer = self._answers.get(("spanning", region_id))
        if answer is None:
            children = self._child_index().get(region_id, ())
            answer = self._answers[("spanning", region_id)] = bool(children) and all(
                len(self.regions[c].parents) > 1 for c in children)
        return answer

    def overlap(self, a: str, b: str) -> bool:
        """Do two regions share a part (the neck and the spine share the cervical spine), or is one within the other?"""
        answer = self._answers.get(("overlap", a, b))
        if answer is not None:
            return answer
        answer = self.related(a, b)
        if not answer:
            children = self._child_index()
            below_a, todo = set(), [a]
            while todo:
                for child in children.get(todo.pop(), ()):
                    if child not in below_a:
                        below_a.add(child)
                        todo.append(child)
            answer = any(b in self.ancestors(r) for r in below_a)
        self._answers[("overlap", a, b)] = answer
        return answer

    def related(self, a: str, b: str) -> bool:
        """True when one region lies within the other (or they are the same)."""
        return a in self.ancestors(b) or b in self.ancestors(a)

    def any_related(self, regions_a, regions_b) -> bool:
        return any(self.related(a, b) for a in regions_a for b in regions_b)

    def beside(self, region_a: str, region_b: str, wide=frozenset()) -> bool:
        """Do two regions lie side by side: children of one parent (other than the ``wide`` ones, too large to make
        two parts neighbours), and neighbours when either lists its neighbours (the shoulder and the elbow are both
        in the arm, but the upper arm lies between them)?"""
        a, b = self.regions[region_a], self.regions[region_b]
        if not set(a.parents) & set(b.parents) - set(wide):
            return False
        if a.neighbours or b.neighbours:
            return region_b in a.neighbours or region_a in b.neighbours
        return True

    def structure_regions(self, structure_id: str) -> tuple[str, ...]:
        return self.structures[structure_id].regions

    # -- lexicon ----------------------------------------------------------------
    def lexicon(self) -> list[tuple[str, str, str]]:
        """(label, entry id, phrase) for every name, synonym and abbreviation.

        Labels: ``procedure``, ``structure``, ``condition``, ``region``.
        """
        sizes = (len(self.procedures), len(self.structures), len(self.conditions), len(self.regions))
        if self._lexicon and self._lexicon[0] == sizes:
            return list(self._lexicon[1])
        out = []
        for p in self.procedures.values():
            for phrase in (p.name, *p.synonyms):
                out.append(("procedure", p.id, phrase))
            for abbr in p.abbreviations:
                out.append(("procedure_abbr", p.id, abbr))
        for s in self.structures.values():
            for phrase in (s.name, *s.synonyms):
                out.append(("structure", s.id, phrase))
        for c in self.conditions.values():
            for phrase in (c.name, *c.synonyms):
                out.append(("condition", c.id, phrase))
        for r in self.regions.values():
            for phrase in r.terms:
                out.append(("region", r.id, phrase))
        self._lexicon = (sizes, tuple(out))
        return out

    def name_words(self) -> frozenset[str]:
        """The words of three letters or more in every name, synonym and abbreviation, in lower case: the medical
        words the spelling rule knows from the knowledge base (made with the base when it is built, and kept with it
        in the data cache: made at the first page, they were a tenth of its time)."""
        sizes = (len(self.procedures), len(self.structures), len(self.conditions), len(self.regions))
        if self._name_words and self._name_words[0] == sizes:
            return self._name_words[1]
        words = frozenset(w.lower() for _, _, phrase in self.lexicon() for w in _LETTERS.findall(phrase) if len(w) > 2)
        self._name_words = (sizes, words)
        return words


def _tuple(value, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _entries(data, path: Path, key: str) -> list[dict]:
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) - {key}:
        raise KnowledgeError(f"{path}: expected a mapping with the single key '{key}'")
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise KnowledgeError(f"{path}: '{key}' must be a list")
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise KnowledgeError(f"{path}: entry {n + 1} of '{key}' needs an 'id'")
    return entries


#: a word's letters, as the spelling rule reads words
_LETTERS = re.compile(r"[A-Za-z]+")

_ALLOWED = {
    "regions": {"id", "name", "parents", "terms", "lay", "neighbours", "opens_on"},
    "structures": {"id", "name", "synonyms", "regions", "system", "kind", "side", "lay", "location", "neighbours",
                   "aspects"},
    "procedures": {"id", "name", "synonyms", "abbreviations", "specialty", "regions", "structures", "lay", "not",
                   "aspects", "entry_regions", "no_skin_cut", "cut_structures"},
    "conditions": {"id", "name", "synonyms", "regions", "symptom_regions", "treated_by", "lay", "structures",
                   "aspects", "displaces"},
    "aspects": {"id", "name", "words", "opposite"},
    # (a list of sentences, "prostate below bladder", not of entries)
    "positions": set(),
}
#: where one structure lies against another, and the opposite of each
POSITIONS = {"above": "below", "below": "above", "in-front-of": "behind", "behind": "in-front-of"}
SIDES = {"left", "right", "midline", "bilateral", "either"}
#: the kinds of structure a procedure (or a condition with a list of its structures) involves only when its entry lists
#: them: a bunion operation lies in the foot, and so does the Achilles tendon, yet it is no part of the operation
LISTED_KINDS = ("organ", "gland", "bone", "joint")


def _check_keys(entry: dict, kind: str, where: str) -> None:
    unknown = set(entry) - _ALLOWED[kind]
    if unknown:
        raise KnowledgeError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")


def load_knowledge(directory: Path) -> KnowledgeBase:
    """Load every ``*.yaml`` under ``directory`` (the top key says what it holds).

    The checked knowledge base is kept whole in the data cache (see ``lint.yamlio``), keyed by
    its files' names, sizes and times: building and checking it was a tenth of a second of
    every start. An edited file changes the key, so the base is built and checked again.
    """
    files = sorted(directory.rglob("*.yaml"))
    try:
        stamp = "\0".join(f"{p}\0{p.stat().st_size}\0{p.stat().st_mtime_ns}" for p in files)
    except OSError:
        return _build_knowledge(files)
    return cached(f"knowledge-base\0{stamp}".encode(), lambda: _build_knowledge(files))


def _build_knowledge(files: list[Path]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for path in files:
        data = load_yaml(path)
        if not data:
            continue
        if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in _ALLOWED:
            raise KnowledgeError(f"{path}: the top key must be one of {', '.join(sorted(_ALLOWED))}")
        kind = next(iter(data))
        if kind == "positions":
            _add_positions(kb, data["positions"], path)
            continue
        for entry in _entries(data, path, kind):
            where = f"{path}: {kind[:-1]} '{entry['id']}'"
            _check_keys(entry, kind, where)
            table = getattr(kb, kind)
            if entry["id"] in table:
                raise KnowledgeError(f"{where}: duplicate id")
            name = entry.get("name") or entry["id"].replace("-", " ")
            t = lambda k: _tuple(entry.get(k), where, k)  # noqa: E731
            if kind == "regions":
                table[entry["id"]] = Region(entry["id"], name, t("parents"), t("terms"), entry.get("lay", ""),
                                            t("neighbours"), t("opens_on"))
            elif kind == "structures":
                side = entry.get("side", "midline")
                if side not in SIDES:
                    raise KnowledgeError(f"{where}: side must be one of {', '.join(sorted(SIDES))}")
                table[entry["id"]] = Structure(
                    entry["id"], name, t("synonyms"), t("regions"), entry.get("system", ""),
                    entry.get("kind", ""), side, entry.get("lay", ""), entry.get("location", ""), t("neighbours"),
                    t("aspects"),
                )
            elif kind == "procedures":
                no_skin_cut = entry.get("no_skin_cut", "")
                if not isinstance(no_skin_cut, str):
                    raise KnowledgeError(f"{where}: 'no_skin_cut' must be the way in, in words ('through the mouth')")
                if no_skin_cut and t("entry_regions"):
                    raise KnowledgeError(f"{where}: give 'entry_regions' (where its cuts are made) or 'no_skin_cut' "
                                         "(it makes none), not both")
                table[entry["id"]] = Procedure(
                    entry["id"], name, t("synonyms"), t("abbreviations"), entry.get("specialty", ""),
                    t("regions"), t("structures"), entry.get("lay", ""), t("not"), t("aspects"), t("entry_regions"),
                    no_skin_cut, t("cut_structures"),
                )
            elif kind == "aspects":
                words = entry.get("words")
                if not isinstance(words, str) or not words:
                    raise KnowledgeError(f"{where}: 'words' must be a regular expression")
                try:
                    re.compile(words)
                except re.error as exc:
                    raise KnowledgeError(f"{where}: 'words' is no regular expression ({exc})") from None
                table[entry["id"]] = Aspect(entry["id"], name, words, t("opposite"))
            else:
                table[entry["id"]] = Condition(
                    entry["id"], name, t("synonyms"), t("regions"), t("symptom_regions"), t("treated_by"),
                    entry.get("lay", ""), t("structures"), t("aspects"), t("displaces"),
                )
    validate(kb)
    kb.name_words()  # (made here, it is kept with the base in the data cache)
    return kb


def _add_positions(kb: KnowledgeBase, entries, path: Path) -> None:
    """"prostate below bladder": a structure, where it lies, and the structure it lies against."""
    if not isinstance(entries, list):
        raise KnowledgeError(f"{path}: 'positions' must be a list")
    for n, entry in enumerate(entries):
        words = entry.split() if isinstance(entry, str) else []
        if len(words) != 3 or words[1] not in POSITIONS:
            raise KnowledgeError(f"{path}: position {n + 1} must read '<structure> <{'|'.join(POSITIONS)}> "
                                 f"<structure>', not {entry!r}")
        a, where, b = words
        for key, value in (((a, b), where), ((b, a), POSITIONS[where])):
            if kb.positions.get(key, value) != value:
                raise KnowledgeError(f"{path}: position {n + 1} ({entry!r}) contradicts an earlier one")
            kb.positions[key] = value


def validate(kb: KnowledgeBase) -> None:
    """Referential integrity: every region, structure and procedure named exists."""
    problems = []

    def need(table, ids, where, what):
        for i in ids:
            if i not in table:
                problems.append(f"{where} refers to unknown {what} '{i}'")

    for a in kb.aspects.values():
        need(kb.aspects, a.opposite, f"aspect '{a.id}'", "aspect")
    for r in kb.regions.values():
        need(kb.regions, r.parents, f"region '{r.id}'", "region")
        need(kb.regions, r.neighbours, f"region '{r.id}'", "region")
    systems = {s.system for s in kb.structures.values() if s.system}
    for r in kb.regions.values():
        need(systems, r.opens_on, f"region '{r.id}'", "body system")
    for s in kb.structures.values():
        need(kb.regions, s.regions, f"structure '{s.id}'", "region")
        need(kb.structures, s.neighbours, f"structure '{s.id}'", "structure")
        need(kb.aspects, s.aspects, f"structure '{s.id}'", "aspect")
        if not s.regions:
            problems.append(f"structure '{s.id}' has no region")
    for p in kb.procedures.values():
        need(kb.regions, p.regions, f"procedure '{p.id}'", "region")
        need(kb.structures, p.structures, f"procedure '{p.id}'", "structure")
        need(kb.aspects, p.aspects, f"procedure '{p.id}'", "aspect")
        need(kb.regions, p.entry_regions, f"procedure '{p.id}'", "region")
        need(kb.structures, p.cut_structures, f"procedure '{p.id}'", "structure")
        outside = [c for c in p.cut_structures if c not in p.structures]
        if outside:
            problems.append(f"procedure '{p.id}' cuts structure(s) it does not list in 'structures': {', '.join(outside)}")
        need(kb.procedures, p.not_, f"procedure '{p.id}'", "procedure")
        if not p.regions:
            problems.append(f"procedure '{p.id}' has no region")
    for a, b in kb.positions:
        need(kb.structures, (a, b), f"position '{a} {kb.positions[a, b]} {b}'", "structure")
    for c in kb.conditions.values():
        need(kb.regions, c.regions, f"condition '{c.id}'", "region")
        need(kb.regions, c.symptom_regions, f"condition '{c.id}'", "region")
        need(kb.procedures, c.treated_by, f"condition '{c.id}'", "procedure")
        need(kb.structures, c.structures, f"condition '{c.id}'", "structure")
        need(kb.structures, c.displaces, f"condition '{c.id}'", "structure")
        need(kb.aspects, c.aspects, f"condition '{c.id}'", "aspect")
    # a cycle in the region tree would make every region its own ancestor
    for r in kb.regions:
        state: dict[str, int] = {}

        def visit(x):
            if state.get(x) == 1:
                problems.append(f"region '{r}' is inside itself (a cycle in 'parents')")
                return
            if state.get(x) == 2 or x not in kb.regions:
                return
            state[x] = 1
            for p in kb.regions[x].parents:
                visit(p)
            state[x] = 2

        visit(r)
    if problems:
        raise KnowledgeError("knowledge base: " + "; ".join(sorted(set(problems))[:20]))


def merge_knowledge(bases: list[KnowledgeBase]) -> KnowledgeBase:
    """Knowledge from several packs; a later pack's entry replaces an earlier one with the same id."""
    merged = KnowledgeBase()
    for kb in bases:
        merged.regions.update(kb.regions)
        merged.structures.update(kb.structures)
        merged.procedures.update(kb.procedures)
        merged.conditions.update(kb.conditions)
        merged.aspects.update(kb.aspects)
        merged.positions.update(kb.positions)
    validate(merged)
    return merged
