"""The page's shared helpers that replaced walks over a block's tokens or the page's blocks (which made a rule's
time grow with the square of a long sentence, table or list): they must answer as the walks did."""

from __future__ import annotations

import random

from lint.page import Enclosing
from tests.helpers import page_of


def _brute_longer(pool, span):
    return [o for o in pool if o is not span and o.start <= span.start and span.end <= o.end and len(o) > len(span)]


class _Span:
    def __init__(self, start, end):
        self.start, self.end = start, end

    def __len__(self):
        return self.end - self.start


def test_enclosing_finds_the_longer_spans_around_a_span_as_testing_every_pair_does():
    draw = random.Random(7)
    for _ in range(200):
        pool = []
        for _ in range(draw.randint(0, 30)):
            start = draw.randint(0, 40)
            pool.append(_Span(start, start + draw.randint(1, 6)))
        around = Enclosing(pool)
        for span in pool:
            assert sorted(map(id, around.longer(span))) == sorted(map(id, _brute_longer(pool, span)))


def test_enclosing_keeps_a_span_of_the_same_extent_and_drops_one_inside_a_longer_name(linter):
    page = page_of(linter, "# Thyroid\n\nThe thyroid gland and the thyroid gland sit in the neck.\n")
    unit = page.units[1]
    spans = list(unit.terms)
    around = Enclosing(spans)
    inner = [s for s in spans if s.text.lower() == "thyroid"]
    assert inner and all(around.longer(s) for s in inner)
    outer = [s for s in spans if s.text.lower() == "thyroid gland"]
    assert len(outer) == 2 and not any(around.longer(s) for s in outer)


def test_a_tokens_sentence_index_is_its_sentence(linter):
    page = page_of(linter, "Knee pain is common. It often gets better. See your GP if it does not improve.\n")
    unit = page.units[0]
    for token in unit.doc:
        assert unit.sents[unit.sent_index(token.i)] == token.sent
    for span in unit.terms:
        assert unit.sents[unit.sent_index_of_span(span)] == span.sent
    across = unit.doc[2:7]  # "is common. It often"
    assert unit.sent_index_of_span(across) is None


def test_the_last_unit_before_is_the_heading_or_lead_in_above_it(linter):
    page = page_of(linter, "# Knee\n\nIntro.\n\n## Risks\n\nThe surgeon may:\n\n- remove the cartilage\n- repair it\n")
    units = page.units
    scopes = [u.block.scope for u in units]
    assert scopes == ["heading", "paragraph", "heading", "paragraph", "list_item", "list_item"]
    assert page.last_before(units[0], ("title", "heading")) is None
    assert page.last_before(units[1], ("title", "heading")) is units[0]
    assert page.last_before(units[5], ("title", "heading")) is units[2]
    assert page.last_before(units[5], ("list_item",), outside=True) is units[3]
    assert page.last_before(units[4], ("list_item",), outside=True) is units[3]


def test_a_source_offsets_line_is_one_more_than_the_newlines_before_it(linter):
    source = "# Knee\n\nIntro.\n\n## Risks\n\n\nEnd\n"
    page = page_of(linter, source)
    for offset in range(len(source) + 1):
        assert page.line_of(offset) == source.count("\n", 0, offset) + 1
