"""Structure: repeated headings, empty sections, skipped heading levels, and
sections whose text plainly does not match their heading."""

from __future__ import annotations

import re
from pathlib import Path

from lint.compiled import compile_re
from lint.kinds.base import Kind
from lint.yamlio import load_yaml

_NORMALISE = compile_re(r"[\W_]+")
#: a sentence, or a list's lead-in, of a block's text
_SENTENCE = compile_re(r"[^.!?:]+(?:[.!?:]+|$)")
_DATELINE = compile_re(r"\d")


def _line(page, block) -> int:
    return page.line_of(block.src_start)


def _is_heading(unit) -> bool:
    """A section heading: headings, and the title of a plain-text page (its first heading line).

    An HTML <title> is metadata, not part of the page's outline.
    """
    return unit.block.scope == "heading" or (unit.block.scope == "title" and unit.block.level > 0)


class DuplicateHeading(Kind):
    name = "duplicate-heading"
    page_level = True
    options = {}

    def check(self, page):
        seen: dict[tuple, object] = {}
        above: list[tuple[int, int]] = []  # (level, index) of the headings the current one sits under
        for index, unit in enumerate(page.headings):
            block = unit.block
            # an HTML <title> usually repeats the <h1>: that is not a duplicate
            if block.scope == "title" and page.format == "html":
                continue
            level = block.level or 1
            while above and above[-1][0] >= level:
                above.pop()
            parent = above[-1][1] if above else None
            above.append((level, index))
            text = _NORMALISE.sub(" ", block.text.lower()).strip()
            if not text:
                continue
            # the same subheading under two different sections is a parallel outline, not a duplicate ("What are the
            # risks?" under "Choice 1: surgery" and again under "Choice 2: wait and see")
            key = (text, parent if level > 2 else None)
            if key in seen:
                yield self.hit(unit, 0, len(block.text), first=seen[key])
            elif level > 2 and page.format == "text" and (
                    (text, None) in seen
                    or any(t == text and not _parallel(page.headings[p].block.text, page.headings[parent].block.text)
                           for t, p in seen if p is not None and parent is not None)):
                # a plain-text page's question heading is ranked under the heading before it only by guess ("What are
                # the risks?" under "After the procedure"): a repeat is a parallel outline only under parallel headings
                # ("Choice 1: keyhole surgery", "Choice 2: wait and see")
                first = seen.get((text, None)) or next(v for (t, p), v in seen.items() if t == text and p is not None)
                yield self.hit(unit, 0, len(block.text), first=first)
            else:
                seen[key] = f"line {_line(page, block)}"


def _parallel(a: str, b: str) -> bool:
    """Do two headings open alike, as the sections of one outline do ("Choice 1: keyhole surgery", "Choice 2: wait and
    see"; "Surgery: ...", "Tablets: ...")?"""
    first_a, first_b = a.split(None, 1)[:1], b.split(None, 1)[:1]
    return first_a == first_b and bool(first_a) or (":" in a and ":" in b)


class EmptySection(Kind):
    """A heading followed directly by a heading of the same or a higher level, or by nothing."""

    name = "empty-section"
    page_level = True
    options = {
        # the section topics of STR004 (section-off-topic): a plain-text heading that names one ("Recovery", "Risks")
        # opens a section of the page, not a part of the section above it
        "data": (str, ""),
        # headings of a page's own sections that name no topic there (regular expressions, matched at a word start):
        # "Contact us", "Book an appointment", "Frequently asked questions"
        "page_sections": (list, list),
    }

    def setup(self):
        path = Path(self.rule.path).parent / self.opts["data"] if self.opts["data"] else None
        data = load_yaml(path) if path is not None and path.is_file() else {}
        names = [p for entry in (data or {}).get("topics", {}).values() for p in entry["heading"]]
        names += [str(p) for p in self.opts["page_sections"]]
        self.section_names = compile_re(r"\b(?:" + "|".join(names) + r")", re.I) if names else None

    def check(self, page):
        units = page.units
        for i, unit in enumerate(units):
            if not _is_heading(unit):
                continue
            level = unit.block.level
            following = units[i + 1] if i + 1 < len(units) else None
            if following is None:
                # a last line like "Updated 2024" read as a heading is a dateline, not a section
                if _DATELINE.search(unit.block.text):
                    continue
                yield self.hit(unit, 0, len(unit.block.text), next="the end of the page")
            elif _is_heading(following) and following.block.level <= level:
                if page.format == "text" and i > 0 and units[i - 1].block.scope == "title":
                    continue  # a plain-text page's subtitle, under its title, is not a section
                if page.format == "text" and _parent_in_text(unit.block.text, following.block.text):
                    continue  # plain text has no levels: "TREATMENT" over "Medicines", "How can they be prevented?"
                    # over "Keep moving" open a section with parts
                if page.format == "text" and self._parts_follow(units, i + 1) >= 2:
                    continue  # plain text has no levels: "Possible problems" over "Dry socket" and "Infection", each
                    # with its text, opens a section with parts
                yield self.hit(unit, 0, len(unit.block.text), next=f"the heading '{following.block.text}'")

    def _parts_follow(self, units, start: int) -> int:
        """How many headings, from ``units[start]`` on, read as the parts of one section in plain text: each with text
        under it, alike in form (no question among statements, none in capitals among small letters), and naming no
        section of a page ("Dry socket", "Infection" / "Numbness that does not wear off"; not "Recovery", "Contact us"
        or "How successful is it?" after "Pain and swelling")."""
        first, count, j = units[start].block.text, 0, start
        while j < len(units) and _is_heading(units[j]):
            text = units[j].block.text
            if (self.section_names is None or self.section_names.search(text)
                    or text.rstrip().endswith("?") != first.rstrip().endswith("?") or text.isupper() != first.isupper()):
                break
            j += 1
            if j >= len(units) or _is_heading(units[j]):
                break  # a heading with no text of its own
            count += 1
            while j < len(units) and not _is_heading(units[j]):
                j += 1
        return count


#: a heading that tells the reader what to do: "Keep moving", "Check your skin every day", "Eat well"
_IMPERATIVE_HEADING = compile_re(
    r"(?i)\s*(?:keep|check|change|eat|drink|move|stop|avoid|use|take|wear|look|protect|stay|get|ask|tell|try|make|do|don[’']t"
    r"|rest|raise|walk|sleep|limit|cut|reduce|choose|clean|wash|plan|learn|watch|know|call|contact|see|find|join|build|sit"
    r"|stand|lift|drive|return|go|start|follow|prepare|bring)\b")


def _parent_in_text(heading: str, following: str) -> bool:
    """In plain text, does a heading rank above the one after it: in capitals over one that is not, or a question over
    one that is not?"""
    letters = [c for c in heading if c.isalpha()]
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters)
    if capitals and any(c.islower() for c in following):
        return True
    # (a question answered by steps to take: "How can pressure ulcers be prevented?" over "Keep moving"; not "Are
    # there any risks?" over "After the operation", an empty section)
    return heading.rstrip().endswith("?") and _IMPERATIVE_HEADING.match(following) is not None


class SkippedHeadingLevel(Kind):
    """A heading more than one level below the heading before it (h2 -> h4)."""

    name = "skipped-heading-level"
    page_level = True
    options = {}

    def check(self, page):
        previous = None
        for unit in page.units:
            if not _is_heading(unit) or unit.block.level <= 0:
                continue
            level = unit.block.level
            if previous is not None and level > previous + 1:
                yield self.hit(unit, 0, len(unit.block.text), level=level, previous=previous,
                               expected=previous + 1)
            previous = level


class SectionOffTopic(Kind):
    """A section whose heading names a topic its text never mentions.

    Conservative by design: only headings that name one of the topics in the
    rule's data are judged, only sections of at least ``min_words`` words, and
    any one of many words for the topic is enough to pass.
    """

    name = "section-off-topic"
    page_level = True
    options = {
        "data": (str, "section-topics.yaml"),
        "min_words": (int, 20),
        # a section that names its own topic with at most one word, and another topic with at least this many
        # different words, is about that other topic (a "Meet our team" section of aftercare that names the
        # surgeon once); 0 turns this off
        "other_min": (int, 0),
        # ... or with at most ``own_max`` words, when the other topic has more words than it and at least
        # ``other_min_beside``: a fee paragraph under "What happens after banding" that speaks of "the day" and "a
        # follow-up appointment" is still about money (0 turns this off)
        "own_max": (int, 1),
        "other_min_beside": (int, 0),
        # the other topics read so ("cost": fees are pasted under any heading; most other topics share words)
        "beside_topics": (list, list),
        "other_message": (str, ""),
        # for each heading's topic, the topics whose words may show its section is about them instead (not
        # "preparation" or "getting help", whose words are in every kind of section; not "team" under "What happens
        # during the test", where who does the test belongs)
        "other_topics": (dict, dict),
        # the lead-in of warning signs to report, a regular expression: "Tell the nurse straight away if you feel:". The
        # signs under it (a rash, feeling dizzy) belong to any section that tells the reader what happens, and make
        # it no section on risks ("" turns this off)
        "report_signs": (str, ""),
    }

    def setup(self):
        path = Path(self.rule.path).parent / self.opts["data"]
        data = load_yaml(path) if path.is_file() else {}
        self.topics = []
        for name, entry in (data or {}).get("topics", {}).items():
            heading = compile_re(r"\b(?:" + "|".join(entry["heading"]) + r")", re.I)
            # (matched at a word start, as the data says: "Rs" is in no "ears")
            # (a topic with no words of its own is judged only by another topic's words: "Living with a pacemaker")
            words = compile_re(r"(?<!\w)(?:" + "|".join(entry["words"]) + r")", re.I) if entry["words"] else None
            self.topics.append((name, heading, words, [w for w in entry["words"] if w.isalpha()][:4]))
        self.check_template("other_message", {"text", "topic", "other", "examples"})
        self.report_signs = compile_re(self.opts["report_signs"], re.I) if self.opts["report_signs"] else None

    @staticmethod
    def _kinds(words, text: str) -> int:
        """How many different words of a topic the text uses ("risk" and "risks" are one)."""
        return len({m.group().lower()[:5] for m in words.finditer(text)})

    def _second_topics(self, heading: str, first) -> list:
        """The topics other than ``first`` that the heading names in words apart from those naming ``first`` ("at home"
        in "Radiation safety at home"; not "risk" in "Who is at risk?", which names the one topic of who is at risk)."""
        taken = first[1].search(heading)
        return [t for t in self.topics if t is not first
                and any(m.end() <= taken.start() or m.start() >= taken.end() for m in t[1].finditer(heading))]

    def check(self, page):
        units = page.units
        for i, unit in enumerate(units):
            if not _is_heading(unit):
                continue
            topic = next((t for t in self.topics if t[1].search(unit.block.text)), None)
            if topic is None:
                continue
            body, direct, signs = [], None, []
            for other in units[i + 1:]:
                if _is_heading(other):
                    if other.block.level <= unit.block.level:
                        break
                    if direct is None:
                        direct = len(body)
                    continue  # a subsection's text belongs to this section too
                body.append(other.block.text)
                signs.append(self._reported_signs(other, signs[-1] if signs else False))
            text = " ".join(body)
            if len(text.split()) < self.opts["min_words"]:
                continue
            if topic[2] is not None and not topic[2].search(text):
                # (a heading that names two topics, in words of its own for each, is on topic with either: "Radiation
                # safety at home" may speak of the weeks at home, not of risks)
                if not any(t[2] is None or t[2].search(text) for t in self._second_topics(unit.block.text, topic)):
                    yield self.hit(unit, 0, len(unit.block.text), topic=topic[0], examples=", ".join(topic[3]))
                continue
            # (warning signs to report are no other topic: "Tell the nurse straight away if you feel:" / "itchy, or
            # notice a rash" / "dizzy or unwell" under "What happens during the transfusion?")
            unsigned = [self._without_signs(t, s) for t, s in zip(body, signs)]
            found = self._about_another(unit, topic, text, " ".join(unsigned))
            # (a section with subsections: its own text before them, when it is long enough to judge, may be about
            # another topic while the subsections keep to the heading's: fees pasted under "What happens after
            # banding", above "How will I feel afterwards?")
            if found is None and direct and len(" ".join(body[:direct]).split()) >= self.opts["min_words"]:
                found = self._about_another(unit, topic, " ".join(body[:direct]), " ".join(unsigned[:direct]),
                                            self.opts["beside_topics"])
            if found is not None:
                yield found

    def _reported_signs(self, unit, under_lead_in):
        """Is a block of a section warning signs to report: True for an item of the list under a lead-in such as "Tell
        the nurse straight away if you feel:", "lead-in" for the lead-in itself, else False (``under_lead_in``: what the
        block before it was)."""
        if self.report_signs is None:
            return False
        block = unit.block
        if block.scope == "list_item" and under_lead_in:
            return True
        if block.text.rstrip().endswith(":") and self.report_signs.search(block.text):
            return "lead-in"
        return False

    def _without_signs(self, text: str, signs) -> str:
        """A block's text without the warning signs it tells the reader to report: all of a list item under such a
        lead-in, else each sentence that tells ("Tell the nurse at once if you feel hot or itchy.")."""
        if signs is True:
            return ""
        if self.report_signs is None:
            return text
        return _SENTENCE.sub(lambda m: "" if self.report_signs.search(m.group()) else m.group(), text)

    def _about_another(self, unit, topic, text: str, others_text: str, only=None):
        """A finding when ``text``, under the heading ``unit`` of ``topic``, reads as a section on another topic (one of
        ``only``, if given), whose words are counted in ``others_text`` (the text without warning signs to report)."""
        least = self.opts["other_min"]
        own = self._kinds(topic[2], text) if topic[2] is not None else 0
        if not least or own > max(1, self.opts["own_max"]):
            return None
        heading = unit.block.text
        others = [t for t in self.opts["other_topics"].get(topic[0], ()) if only is None or t in only]
        counts = {t[0]: self._kinds(t[2], others_text) for t in self.topics
                  if t[0] in others and t[2] is not None and not t[1].search(heading) and t[0] not in heading.lower()}
        other = max(counts, key=counts.get, default=None)
        beside = self.opts["other_min_beside"]
        # (a topic of ``beside_topics`` needs fewer words with one word of the heading's own or none: fewer of its own
        # make a section no more on topic)
        if other is not None and (own <= 1 and counts[other] >= least
                                  or bool(beside) and other in self.opts["beside_topics"]
                                  and counts[other] >= beside and counts[other] > own):
            return self.hit(unit, 0, len(unit.block.text), topic=topic[0], other=other,
                            examples=", ".join(topic[3]), message=self.opts["other_message"] or None)
        return None
