"""Reader gaps: line breaks of any convention, HTML's legacy character references, stray end tags,
definition lists, unclosed Markdown comments and Liquid template tags."""

from __future__ import annotations

import pytest

from lint.documents import line_spans, line_starts, parse


def blocks(path, source):
    out = []
    for b in parse(path, source).blocks:
        s, e = b.source_span(0, len(b.text))
        out.append((b.scope, b.text, source[s:e]))
    return out


def positions(linter, path, source):
    result = linter.lint_source(path, source)
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.text) for f in result.findings]


# -- 1. "\r" alone, "\r\n" and "\n" -----------------------------------------------------------------
BREAKS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def test_line_starts_and_spans_break_at_cr_lf_and_crlf_alike():
    source = "ab\rcd\r\nef\n\rgh\r"
    assert line_starts(source) == [0, 3, 7, 10, 11, 14]
    assert [source[s:e] for s, e in line_spans(source)] == ["ab", "cd", "ef", "", "gh"]
    assert line_spans("ab\ncd\n") == [(0, 2), (3, 5)] and line_starts("ab\ncd\n") == [0, 3, 6]


TEXT_PAGE = "Knee replacement\n\nThis surgery is safe.\nWe use the the best methods.\n"
MD_PAGE = "# Knee replacement\n\nFirst line\\\nsecond line.\n\n```\ncode\n```\n\n- Rest the knee.\n"
HTML_PAGE = "<h1>Knee\nreplacement</h1>\n<p>This surgery\nis safe.</p>\n"


@pytest.mark.parametrize("name", BREAKS)
@pytest.mark.parametrize("path, page, expected", ids=["txt", "md", "html"], argvalues=[
    ("a.txt", TEXT_PAGE, [("title", "Knee replacement"), ("paragraph", "This surgery is safe."),
                          ("paragraph", "We use the the best methods.")]),
    ("a.md", MD_PAGE, [("heading", "Knee replacement"), ("paragraph", "First line second line."),
                       ("list_item", "Rest the knee.")]),
    ("a.html", HTML_PAGE, [("heading", "Knee replacement"), ("paragraph", "This surgery is safe.")]),
])
def test_readers_find_the_same_blocks_whatever_the_line_breaks(name, path, page, expected):
    source = page.replace("\n", BREAKS[name])
    got = blocks(path, source)
    assert [(scope, text) for scope, text, _ in got] == expected
    for scope, text, src in got:  # each block's source is its own lines, not the page from its start
        assert src.replace(BREAKS[name], " ").replace("\\", "") == text


PAGES = {
    "a.txt": "Knee replacement\n\nThis surgery is 100% safe.\nWe use the the best methods.\n",
    "a.md": "# Knee replacement\n\nThis surgery is 100% safe.\nWe use the the best methods.\n\n- Rest the the knee.\n",
    "a.html": "<h1>Knee replacement</h1>\n<p>This surgery is 100% safe.\nWe use the the best methods.</p>\n"
              "<!-- medlint-disable-next-line GRM002 -->\n<p>Rest the the knee.</p>\n<p>Keep the the leg up.</p>\n",
}
EXPECTED = {
    "a.txt": [("EVD001", 3, 17, 3, 21, "100%"), ("PRM002", 3, 17, 3, 26, "100% safe"),
              ("GRM002", 4, 8, 4, 15, "the the")],
    "a.md": [("EVD001", 3, 17, 3, 21, "100%"), ("PRM002", 3, 17, 3, 26, "100% safe"),
             ("GRM002", 4, 8, 4, 15, "the the"), ("GRM002", 6, 8, 6, 15, "the the")],
    # the comment's next line is found in lines of any convention: line 5's repeat is suppressed, line 6's is not
    "a.html": [("EVD001", 2, 20, 2, 24, "100%"), ("PRM002", 2, 20, 2, 29, "100% safe"),
               ("GRM002", 3, 8, 3, 15, "the the"), ("GRM002", 6, 9, 6, 16, "the the")],
}


@pytest.mark.parametrize("name", BREAKS)
@pytest.mark.parametrize("path", PAGES)
def test_findings_have_the_lines_and_columns_an_editor_shows(default_linter, path, name):
    source = PAGES[path].replace("\n", BREAKS[name])
    assert positions(default_linter, path, source) == EXPECTED[path]
    # the offsets are those of the file as read: "\r\n" counts two characters, and the text is the file's own
    for f in default_linter.lint_source(path, source).findings:
        assert source[f.start : f.end] == f.text


# -- 2. HTML's legacy character references: "&amp", "&copy", "&nbsp" without a ";" ------------------
def char_sources(source, block):
    """The source characters each character of a block's text stands for."""
    return [source[slice(*block.source_span(i, i + 1))] for i in range(len(block.text))]


def test_html_reads_legacy_references_without_a_semicolon_as_a_browser_does():
    source = ("<p>Fish &amp chips &copy 2024, &copy2024, &notit, AT&T, R&D, &ampx; and &#169 here.</p>"
              "<p>Tail &amp</p>")
    doc = parse("a.html", source)
    first, second = doc.blocks
    assert first.text == "Fish & chips © 2024, ©2024, ¬it, AT&T, R&D, &x; and © here."
    assert second.text == "Tail &"  # at the very end of the file too
    sources = char_sources(source, first)
    assert sources[5] == "&amp" and sources[first.text.index("©")] == "&copy"
    assert sources[first.text.index("¬")] == "&not" and sources[first.text.index("¬") + 1] == "i"
    assert sources[first.text.index("&x;")] == "&amp" and sources[first.text.index("© here")] == "&#169"
    assert char_sources(source, second)[-1] == "&amp"


def test_html_legacy_references_in_an_attribute_stop_before_a_letter_or_equals_sign():
    source = '<p>x</p><img src="a.png" alt="Knee &copy 2024, &copy2 &amp=1 &ampx; &amp; &lt">'
    alt = parse("a.html", source).blocks[1]
    assert alt.scope == "image_alt" and alt.text == "Knee © 2024, &copy2 &amp=1 &ampx; & <"


def test_markdown_keeps_commonmarks_rule_a_reference_needs_its_semicolon():
    source = "Fish &amp chips &copy 2024, &ampx; and &amp;.\n\n<p>Fish &amp chips</p>\n"
    assert [(s, t) for s, t, _ in blocks("a.md", source)] == [
        ("paragraph", "Fish &amp chips &copy 2024, &ampx; and &."),
        ("paragraph", "Fish & chips"),  # raw HTML in Markdown goes to the browser as it stands
    ]


def test_a_finding_over_a_legacy_reference_points_at_the_source(default_linter):
    source = "<p>Fish &amp chips.</p>\n<p>Keep the &nbsp the leg up &copy 2024.</p>\n"
    assert positions(default_linter, "a.html", source) == [("GRM002", 2, 9, 2, 22, "the &nbsp the")]


# -- 3. end tags with no element of their own open ----------------------------------------------------
@pytest.mark.parametrize("source, expected", [
    # a stray "</div>" (or "</li>", "</ul>", "</td>") inside a paragraph is ignored by browsers
    ("<p>Keep the </div>the leg up.</p>", [("paragraph", "Keep the the leg up.")]),
    ("<ul><li>Rest.</li></ul></li> Ice the </ul>knee.</td> Lift it.",
     [("list_item", "Rest."), ("paragraph", "Ice the knee. Lift it.")]),
    # "</br>" is a line break, "</p>" alone an empty paragraph: a break, as before
    ("<p>one</br>two</p>", [("paragraph", "one two")]),
    ("<div>one</p>two</div>", [("paragraph", "one"), ("paragraph", "two")]),
    # an end tag that does close something still ends its block, down to the element it closes
    ("<div><p>one </div> two</p>", [("paragraph", "one"), ("paragraph", "two")]),
    # the end tag of another heading level closes the open heading: what follows is not a heading
    ("<h3>Risks</h2> Bleeding is rare.", [("heading", "Risks"), ("paragraph", "Bleeding is rare.")]),
])
def test_html_end_tags_with_nothing_open_do_not_split_blocks(source, expected):
    assert [(s, t) for s, t, _ in blocks("a.html", source)] == expected


def test_a_repeat_across_a_stray_end_tag_is_found_where_it_stands(default_linter):
    source = "<h1>Knee</h1>\n<p>Keep the\n</div>the leg up.</p>\n"
    assert positions(default_linter, "a.html", source) == [("GRM002", 2, 9, 3, 10, "the\n</div>the")]


# -- 6. definition lists ---------------------------------------------------------------------------------
@pytest.mark.parametrize("source", [
    "<dl><dt>Stay with the</dt><dd>the nurse after the operation.</dd><dt>Recovery</dt><dd>About six weeks.</dd></dl>",
    # end tags left out, as HTML allows, and a definition in paragraphs
    "<dl><dt>Stay with the<dd>the nurse after the operation.<dt>Recovery<dd><p>About six weeks.</p></dl>",
])
def test_html_definition_list_terms_and_definitions_are_blocks_of_their_own(source):
    assert [(s, t) for s, t, _ in blocks("a.html", source)] == [
        ("list_item", "Stay with the"), ("list_item", "the nurse after the operation."),
        ("list_item", "Recovery"), ("list_item", "About six weeks."),
    ]


def test_a_definition_does_not_run_into_its_term(default_linter):
    source = ("<h1>Knee</h1>\n<dl>\n<dt>Stay with the</dt>\n<dd>the nurse after the the operation.</dd>\n"
              "<dt>Recovery</dt><dd>About six weeks.</dd>\n</dl>\n")
    # "the" ending the term and "the" opening the definition are not a repeat: only the one inside the definition is
    assert positions(default_linter, "a.html", source) == [("GRM002", 4, 21, 4, 28, "the the")]


# -- 4. Markdown: "<!--" and "<code>" that are never closed ----------------------------------------------
def test_markdown_an_unclosed_comment_inside_a_paragraph_is_text():
    # CommonMark: "<!--" with no "-->" after it is not inline HTML but literal text; one that is closed hides all up
    # to the first "-->", other "<!--" in it too; a suppression comment there is still read, at its offset
    source = ("Keep <!-- the\nthe leg up. <!-- and\nrest <!-- it.\n\n"
              "A <!-- b <!-- c --> d <!-- medlint-disable-line GRM002 --> e.\n\n"
              "Use <code> the the\nthe <kbd>x</KBD> end <code a='1'>y</code >, then <code> open.\n")
    doc = parse("a.md", source)
    assert [b.text for b in doc.blocks] == ["Keep <!-- the the leg up. <!-- and rest <!-- it.", "A d e.", "Use \ufffc, then open."]
    first = doc.blocks[0]
    at = [i for i in range(len(first.text)) if first.text.startswith("<!--", i)]
    assert [source[slice(*first.source_span(i, i + 4))] for i in at] == ["<!--"] * 3 and len(set(at)) == 3
    [directive] = doc.directives
    assert (directive.action, directive.codes, directive.offset) == ("disable-line", ("GRM002",), source.index("<!-- medlint"))


def test_markdown_thousands_of_unclosed_comments_are_each_looked_past_once(monkeypatch):
    # the end of a comment (or of <code>) is looked for from where the scan stands, and the answer is kept: every
    # stretch of the paragraph is searched once, not once for each "<!--" before it
    from lint.documents import markdown

    scanned = []
    look = markdown._Ahead._look

    def counting(self, what, at):
        known = self.found.get(what)
        start, stop = look(self, what, at)
        if self.found.get(what) is not known:  # a new search, from ``at`` to what it found or the end
            scanned.append((start if start != -1 else self.end) - at)
        return start, stop

    monkeypatch.setattr(markdown._Ahead, "_look", counting)
    source = "Intro.\n" + "".join(f"Line {i} <!-- never closed <code> nor this\n" for i in range(3000))
    block = parse("a.md", source).blocks[0]
    assert block.text.startswith("Intro. Line 0 <!-- never closed nor this Line 1 <!-- never closed nor this")
    assert block.text.count("<!--") == 3000 and "<code>" not in block.text
    assert sum(scanned) <= 3 * len(source)


# -- what browsers hide stays hidden, and odd markup does not stop the HTML reader ------------------------
@pytest.mark.parametrize("source, expected", [
    # a comment never closed runs to the end of the file (HTML5)
    ("<p>Rest.</p><!-- draft\n<p>Keep the the leg up.</p>", [("paragraph", "Rest.")]),
    # "<!-->" and "<!--->" are empty comments, closed at once
    ("<p>A<!-->B<!--->C</p><p>D</p>", [("paragraph", "ABC"), ("paragraph", "D")]),
    # "<![alt]" is a bogus comment up to the next ">" (the parser raised AssertionError and the run stopped)
    ("<p>Image <![alt](x.png) here</p><p>Next</p>", [("paragraph", "Image"), ("paragraph", "Next")]),
    ("<![CDATA[hidden]]><p>Shown</p>", [("paragraph", "Shown")]),
    # "&#" that starts no number, with no ";" after it: text, and the tags after it are still tags
    ("<p>Call &# 1 now</p><h2>Risks &#x</h2><p>Second <b>bold</b> &#169</p>",
     [("paragraph", "Call &# 1 now"), ("heading", "Risks &#x"), ("paragraph", "Second bold ©")]),
])
def test_html_hidden_and_odd_markup_reads_as_in_a_browser(source, expected):
    assert [(s, t) for s, t, _ in blocks("a.html", source)] == expected


def test_a_directive_in_a_comment_that_is_never_closed_is_read():
    doc = parse("a.html", "<p>Keep the the leg up.</p>\n<!-- medlint-disable GRM002")
    assert [(d.action, d.codes, d.offset) for d in doc.directives] == [("disable", ("GRM002",), 28)]


def test_markdown_a_line_opening_an_unclosed_comment_hides_the_rest_of_the_page(default_linter):
    # CommonMark: "<!--" at the start of a line opens an HTML block (its second kind) that ends at the line holding
    # "-->" or at the end of the document; a browser shows none of it
    source = "# Knee\n\nKeep the the leg up.\n<!-- draft\n\nRest the the knee.\n\n## Risks\n"
    assert [(s, t) for s, t, _ in blocks("a.md", source)] == [("heading", "Knee"), ("paragraph", "Keep the the leg up.")]
    assert positions(default_linter, "a.md", source) == [("GRM002", 3, 6, 3, 13, "the the")]


# -- 5. Liquid (Jekyll) in Markdown sources ----------------------------------------------------------------
JEKYLL_PAGE = """---
layout: page
title: Knee replacement
clinic: St Mary's
---
{% include header.html %}

# {{ page.title }}

Call {{ site.phone | escape }} to book a visit at {{ clinic }}.
{% if page.show_map %}
See the [map]({{ site.baseurl }}/map) and ![{{ page.title }} ward]({{ site.baseurl }}/ward.png) photo.
{% endif %}

{% comment %}
Draft: lorem ipsum TODO

Another hidden paragraph.
{% endcomment %}

{% assign surgeon = "Dr Patel" %}
Your surgeon, {{ surgeon }}, will see you. At {{clinic_name}}, recovery takes six weeks.

<p>Parking at {{ site.clinic | default: "the hospital" }} is free. Ask at {{ hospital_name }}.</p>
"""


def test_markdown_reads_liquid_tags_and_outputs_as_markup():
    got = blocks("a.md", JEKYLL_PAGE)
    # what a tag or an output renders stands in the text as one placeholder (U+FFFC), never at a block's ends
    assert [(s, t) for s, t, _ in got] == [
        ("paragraph", "Call \ufffc to book a visit at \ufffc."),
        ("paragraph", "See the map and \ufffc photo."),
        ("image_alt", "ward"),
        ("paragraph", "Your surgeon, \ufffc, will see you. At {{clinic_name}}, recovery takes six weeks."),
        ("paragraph", "Parking at \ufffc is free. Ask at {{ hospital_name }}."),
    ]
    doc = parse("a.md", JEKYLL_PAGE)
    assert [link.target for b in doc.blocks for link in b.links] == ["{{ site.baseurl }}/map"]


def test_seo003_reports_only_the_placeholders_nothing_fills_in_a_jekyll_page(default_linter):
    found = [p for p in positions(default_linter, "a.md", JEKYLL_PAGE) if p[0] == "SEO003" or "{" in p[5]]
    assert found == [("SEO003", 22, 47, 22, 62, "{{clinic_name}}"), ("SEO003", 24, 75, 24, 94, "{{ hospital_name }}")]


@pytest.mark.parametrize("path, source, expected", [
    # rendered HTML and plain text keep every template leftover: nothing renders them any more
    ("a.html", "<p>At {{city}}, we {% if x %}care{% endif %}.</p>\n",
     [("SEO003", 1, 7, 1, 15, "{{city}}"), ("SEO003", 1, 20, 1, 30, "{% if x %}"), ("SEO003", 1, 34, 1, 45, "{% endif %}")]),
    ("a.txt", "Knee surgery\n\nAt {{city}}, we care for {{ page.title }}.\n",
     [("SEO003", 3, 4, 3, 12, "{{city}}"), ("SEO003", 3, 26, 3, 42, "{{ page.title }}")]),
])
def test_template_leftovers_outside_markdown_are_still_reported(default_linter, path, source, expected):
    assert [p for p in positions(default_linter, path, source) if p[0] == "SEO003"] == expected


@pytest.mark.parametrize("source, expected", [
    # raw shows what it holds as written; a highlight is code; a comment may hide blank lines and half lines
    ("{% raw %}Shown as {{ name }}.{% endraw %}\n", ["Shown as {{ name }}."]),
    ("{% highlight python %}\nthe the\n\nmore\n{% endhighlight %}\nAfter.\n", ["After."]),
    ("Before {% comment %} hidden\n\nstill hidden {% endcomment %} after.\n", ["Before", "after."]),
    # a line of tags alone renders as an empty line: it ends the paragraph
    ("One line.\n{%- if page.x -%}\nAnother line.\n", ["One line.", "Another line."]),
    # Hugo's shortcodes are template markup too; what they wrap is prose
    ('{{< figure src="x.png" >}}\n\n{{% notice tip %}}\nKeep the wound dry.\n{{% /notice %}}\n', ["Keep the wound dry."]),
    # variables the page defines, in its front matter or with assign/capture/for, are filled in; others are not
    ("{% for step in page.steps %}\n- {{ step }} and {{ item }}\n{% endfor %}\n", ["and {{ item }}"]),
    # a "{{" or "{%" with another opening or a blank line before its end is text: no paragraphs go missing
    ("Prices {{ vary by {% clinic\n\n| Knee | £100 |\n|---|---|\n\nSee {{ page.x }} and {% if y %}.\n",
     ["Prices {{ vary by {% clinic", "Knee", "£100", "See \ufffc and \ufffc."]),
    ("Use `{{ code }}` here.\n", ["Use \ufffc here."]),
    # what renders as content is a placeholder between two words: none at a block's start or end, one for a run of
    # tags (white space between them or none); a tag that renders nothing leaves none
    ("{{ page.clinic }} The ward {{ page.ward }}\n", ["The ward"]),
    ("Ward {% if x %}{{ page.a }} {% else %} {{ page.b }}{% endif %} opens at eight.\n",
     ["Ward \ufffc opens at eight."]),
    ("- Fast from {{ page.fast_time }}.\n- {% include ward.md %}\n", ["Fast from \ufffc."]),
    ("![the {{ page.x }} the](scar.png)\n", ["the \ufffc the"]),
    ("{% raw %}the{% endraw %} the {% assign n = 2 %} the ward\n", ["the the the ward"]),
])
def test_markdown_liquid_blocks_and_stray_braces(source, expected):
    assert [t for _, t, _ in blocks("a.md", source)] == expected


# -- 7. Liquid markup between two words: what it renders stands between them ---------------------------------------
THYROID_PAGE = """---
title: Thyroid surgery
---
# Thyroid surgery

Your surgeon at the {{ page.clinic }} the day before will check your voice.
Bring your scan {% if page.scan %} and your letter {% endif %} and your tablets.
Keep the {% comment %} note to editors {% endcomment %} the wound dry.
At {{clinic_name}}, most people go home the next day.

<p>Ask the {{ site.nurse }} the questions you have.</p>
"""


def test_markdown_liquid_between_words_reads_as_one_placeholder_mapped_to_the_tag():
    doc = parse("a.md", THYROID_PAGE)
    assert [(b.scope, b.text) for b in doc.blocks] == [
        ("heading", "Thyroid surgery"),
        # a tag that renders nothing of its own (a comment, raw, assign) leaves the words on its sides to meet
        ("paragraph", "Your surgeon at the \ufffc the day before will check your voice. Bring your scan \ufffc and "
                      "your letter \ufffc and your tablets. Keep the the wound dry. At {{clinic_name}}, most people go "
                      "home the next day."),
        ("paragraph", "Ask the \ufffc the questions you have."),  # in an HTML block too
    ]
    paragraph, html_paragraph = doc.blocks[1:]
    for block, tags in ((paragraph, ["{{ page.clinic }}", "{% if page.scan %}", "{% endif %}"]),
                        (html_paragraph, ["{{ site.nurse }}"])):
        at = [i for i, ch in enumerate(block.text) if ch == "\ufffc"]
        assert [THYROID_PAGE[slice(*block.source_span(i, i + 1))] for i in at] == tags
        # the words on each side still map one for one
        assert THYROID_PAGE[slice(*block.source_span(at[0] - 4, at[0] + 5))] == tags[0].join(["the ", " the"])


def test_no_repeated_word_across_liquid_that_renders_content(default_linter):
    # the comment renders nothing: that "the the" is on the page; the name nothing fills is still a leftover
    assert positions(default_linter, "a.md", THYROID_PAGE) == [
        ("GRM002", 8, 6, 8, 60, "the {% comment %} note to editors {% endcomment %} the"),
        ("SEO003", 9, 4, 9, 19, "{{clinic_name}}"),
    ]
    # nor does a phrase rule read across one: "100% safe" (PRM002) is not on the page, what it says is unknown
    source = "# Varicose veins\n\nVein stripping is {{ page.qualifier }} 100% {{ page.word }} safe.\n"
    found = positions(default_linter, "a.md", source)
    assert [p for p in found if p[0] in ("EVD001", "PRM002")] == [("EVD001", 3, 40, 3, 44, "100%")]


# -- 8. Markdown definition lists (kramdown, PHP Markdown Extra) -------------------------------------------------------
DEFINITIONS_MD = """# Before ACL surgery

Physiotherapy
Prehab
: Exercises that build up the muscles
  around your knee before the operation.
: Most people start two weeks before.

Graft
:   A tendon taken from your own leg.

    It takes about a year to grow into the bone.
"""


def test_markdown_definition_list_terms_and_definitions_are_blocks_of_their_own():
    # each line of the paragraph above the first ": " is a term; a definition runs on over its wrapped lines, and
    # its indented paragraphs belong to it
    assert blocks("a.md", DEFINITIONS_MD) == [
        ("heading", "Before ACL surgery", "Before ACL surgery"),
        ("list_item", "Physiotherapy", "Physiotherapy"),
        ("list_item", "Prehab", "Prehab"),
        ("list_item", "Exercises that build up the muscles around your knee before the operation.",
         "Exercises that build up the muscles\n  around your knee before the operation."),
        ("list_item", "Most people start two weeks before.", "Most people start two weeks before."),
        ("list_item", "Graft", "Graft"),
        ("list_item", "A tendon taken from your own leg.", "A tendon taken from your own leg."),
        ("list_item", "It takes about a year to grow into the bone.", "It takes about a year to grow into the bone."),
    ]


def test_markdown_and_html_definition_lists_read_alike():
    html = ("<dl><dt>Stay with the</dt><dd>the nurse after the operation.</dd><dt>Recovery</dt>"
            "<dd>About six weeks.</dd></dl>")
    markdown = "Stay with the\n: the nurse after the operation.\n\nRecovery\n: About six weeks.\n"
    assert [(s, t) for s, t, _ in blocks("a.md", markdown)] == [(s, t) for s, t, _ in blocks("a.html", html)]


@pytest.mark.parametrize("source, expected", [
    # CommonMark: a ": " line with no paragraph above it to be its term is prose, as is ":" with no space after it
    ("## Prostate biopsy\n: takes about 20 minutes.\n", [("heading", "Prostate biopsy"),
                                                        ("paragraph", ": takes about 20 minutes.")]),
    ("Prostate biopsy\n:20 minutes, no more.\n", [("paragraph", "Prostate biopsy :20 minutes, no more.")]),
    ("- Prostate biopsy\n: takes about 20 minutes.\n", [("list_item", "Prostate biopsy : takes about 20 minutes.")]),
    ("> Prostate biopsy\n: takes about 20 minutes.\n", [("paragraph", "Prostate biopsy : takes about 20 minutes.")]),
])
def test_markdown_a_colon_line_that_follows_no_term_stays_prose(source, expected):
    assert [(s, t) for s, t, _ in blocks("a.md", source)] == expected


LOOSE_DEFINITIONS_MD = """# Prostate biopsy words

Transperineal biopsy

: Samples taken through the skin between the scrotum and the back passage.

: It is done under a general or local anaesthetic.

PSA
: A blood test for a protein the prostate makes.
  - A raised level does not always mean cancer.
  - An infection can raise it too.

- Bring a list of your medicines.

> Ask about the
> biopsy

: stays prose: a quote is no term.
"""


def test_markdown_definition_lists_may_be_loose_and_hold_lists():
    # kramdown, PHP Markdown Extra, Pandoc and markdown-it let a blank line stand between a term and its definition and
    # between two definitions ("loose"); a list indented under a definition is part of it, as a list in <dd> is
    assert [(b.definition_list, b.scope, b.text) for b in parse("a.md", LOOSE_DEFINITIONS_MD).blocks] == [
        ("", "heading", "Prostate biopsy words"),
        ("term", "list_item", "Transperineal biopsy"),
        ("definition", "list_item", "Samples taken through the skin between the scrotum and the back passage."),
        ("definition", "list_item", "It is done under a general or local anaesthetic."),
        ("term", "list_item", "PSA"),
        ("definition", "list_item", "A blood test for a protein the prostate makes."),
        ("definition", "list_item", "A raised level does not always mean cancer."),
        ("definition", "list_item", "An infection can raise it too."),
        ("", "list_item", "Bring a list of your medicines."),
        ("", "paragraph", "Ask about the biopsy"),
        ("", "paragraph", ": stays prose: a quote is no term."),
    ]


def test_a_markdown_definition_does_not_run_into_its_term(default_linter):
    source = "# Varicose veins\n\nStay with the\n: the nurse after the the operation.\n: Recovery takes two weeks.\n"
    # "the" ending the term and "the" opening the definition are no repeat, as in HTML: only the one in the definition
    assert positions(default_linter, "a.md", source) == [("GRM002", 4, 19, 4, 26, "the the")]


GLOSSARY = [("Thyroidectomy", "an operation to remove all or part of the thyroid gland in the front of your neck"),
            ("Lobectomy", "an operation to remove one of the two lobes of the thyroid gland"),
            ("Parathyroid glands", "four small glands behind the thyroid that control the calcium level in your blood")]


def test_rules_read_a_markdown_definition_list_as_they_read_an_html_one(default_linter):
    markdown = "# Thyroid surgery words\n\n" + "\n".join(f"{term}\n: {text}\n" for term, text in GLOSSARY)
    html = "<h1>Thyroid surgery words</h1>\n<dl>\n" + "".join(f"<dt>{term}</dt>\n<dd>{text}</dd>\n"
                                                            for term, text in GLOSSARY) + "</dl>\n"
    found = {path: [(f.code, f.text) for f in default_linter.lint_source(path, page).findings]
             for path, page in (("a.md", markdown), ("a.html", html))}
    # the same findings (base main read each Markdown entry as one paragraph, "Thyroidectomy : an operation...", and
    # reported "Parathyroid" instead): none, as each term's definition follows it (RDB003 reported "Thyroidectomy" in
    # both before the readers marked the terms)
    assert found["a.md"] == found["a.html"] == []


THYROID_WORDS_HTML = (
    "<h1>Thyroid surgery</h1>\n<p>Words you may hear:</p>\n<dl>\n"
    "<dt>Thyroidectomy</dt>\n<dt>Total thyroidectomy</dt>\n<dd>Taking out the whole thyroid gland.</dd>\n"
    "<dd>It takes about two hours.<p>Most people go home the next day.</p></dd>\n"
    # end tags left out, as HTML allows
    "<dt>Lobectomy<dd>Taking out one half of the gland.\n</dl>\n"
    "<ul><li>Calcium level</li><li>Voice changes</li></ul>\n"
)
THYROID_WORDS_MD = """# Thyroid surgery

Words you may hear:

Thyroidectomy
Total thyroidectomy
: Taking out the whole thyroid gland.
: It takes about two hours.

    Most people go home the next day.

Lobectomy
: Taking out one half of the gland.

- Calcium level
- Voice changes
"""


@pytest.mark.parametrize("path, source", [("a.html", THYROID_WORDS_HTML), ("a.md", THYROID_WORDS_MD)])
def test_readers_mark_the_terms_and_definitions_of_a_definition_list(path, source):
    # a term and a definition have the scope of a bullet list's item: the mark is what tells them apart
    assert [(b.definition_list, b.scope, b.text) for b in parse(path, source).blocks] == [
        ("", "heading", "Thyroid surgery"),
        ("", "paragraph", "Words you may hear:"),
        ("term", "list_item", "Thyroidectomy"),
        ("term", "list_item", "Total thyroidectomy"),
        ("definition", "list_item", "Taking out the whole thyroid gland."),
        ("definition", "list_item", "It takes about two hours."),
        ("definition", "list_item", "Most people go home the next day."),
        ("term", "list_item", "Lobectomy"),
        ("definition", "list_item", "Taking out one half of the gland."),
        ("", "list_item", "Calcium level"),
        ("", "list_item", "Voice changes"),
    ]


# -- 9. Markdown: thousands of "[" and "![" that are never closed ----------------------------------------------------
def test_markdown_thousands_of_unclosed_brackets_are_each_looked_past_once(monkeypatch):
    # each "[" and "![" finds its "]" by bisection in a table of the block's brackets, made once for the block; a
    # pattern read on to the end of the paragraph for each of them (5,000 "see [[note] " took 3.7 s)
    from lint.documents import markdown

    made = []

    class Counting(markdown._Brackets):
        def __init__(self, source, start, end):
            made.append((start, end))
            super().__init__(source, start, end)

    monkeypatch.setattr(markdown, "_Brackets", Counting)
    body = "".join(f"see [note {i} or ![scan {i} and [[graft] [^ x [^y " for i in range(2000))
    source = ("Before [ACL surgery](https://example.org/acl) read ![knee brace](brace.png) this.\n" + body
              + "\nand [the end](end.md)[^1].\n\n" + "[" * 5000 + "\n")
    doc = parse("a.md", source)
    assert [(b.scope, b.text) for b in doc.blocks] == [
        ("paragraph", "Before ACL surgery read \ufffc this. " + body.rstrip() + " and the end."),
        ("image_alt", "knee brace"),
        ("paragraph", "[" * 5000),
    ]
    first = doc.blocks[0]
    assert [(link.target, first.text[link.start : link.end]) for link in first.links] == [
        ("https://example.org/acl", "ACL surgery"), ("end.md", "the end")]
    assert first.citations == [len(first.text) - 1]  # the footnote reference, before the full stop
    at = first.text.index("see [note 1999 or ![scan 1999")
    assert source[slice(*first.source_span(at, at + 29))] == "see [note 1999 or ![scan 1999"
    assert made == [(0, source.index("\n\n")), (source.index("\n\n") + 2, len(source) - 1)]


# -- 10. code, images and other shown-but-unread elements between words -----------------------------------------
@pytest.mark.parametrize("path,source", [
    ("a.md", "Keep the `sling` the whole week after ACL surgery.\n"),
    ("a.md", "Keep the ![sling](sling.png) the whole week after ACL surgery.\n"),
    ("a.md", "Keep the <kbd>sling</kbd> the whole week after ACL surgery.\n"),
    ("a.html", "<p>Keep the <code>sling</code> the whole week after ACL surgery.</p>"),
    ("a.html", "<p>Keep the <img src='sling.png' alt='sling'> the whole week after ACL surgery.</p>"),
])
def test_words_on_the_two_sides_of_code_or_an_image_are_not_adjacent(default_linter, path, source):
    # the rendered page shows something between the two "the"s: dropping it made a repeated word out of nothing
    assert [f for f in positions(default_linter, path, source) if f[0] == "GRM002"] == []
    block = next(b for b in parse(path, source).blocks if b.scope == "paragraph")
    assert block.text == "Keep the \ufffc the whole week after ACL surgery."
    at = block.text.index("\ufffc")
    start, end = block.source_span(at, at + 1)
    assert source[start:end].startswith(("`", "![", "<kbd>", "<code>", "<img"))


def test_a_phrase_is_not_made_across_code_between_its_words(default_linter):
    # "no `BMI` risk" read as "no risk": a guarantee the page does not make
    source = "Bariatric surgery carries no `BMI` risk for most people.\n"
    assert [f[0] for f in positions(default_linter, "a.md", source)] == []
    plain = source.replace("`BMI` ", "")
    assert [f[0] for f in positions(default_linter, "a.md", plain)] == ["PRM002"]
