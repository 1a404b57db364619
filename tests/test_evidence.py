"""Evidence rules: uncited statistics (EVD001) and research claims (EVD002).

Pages here are about procedures the seeds do not cover (LASIK, IVF, knee and
hernia surgery, stents...). Each test states exactly what must be found, or
that nothing may be.
"""

from __future__ import annotations

import re

import pytest

from lint.kinds.evidence import plain_language
from tests.conftest import FIXTURES
from tests.helpers import lint_text, page_of

EVIDENCE = ("EVD001", "EVD002")


def found(linter, text, fmt="md", codes=EVIDENCE):
    result = lint_text(linter, text, fmt)
    for f in result.findings:
        assert result.source[f.start : f.end] == f.text
    return [(f.code, f.text) for f in result.findings if f.code in codes]


# -- what is a claim -----------------------------------------------------------------
@pytest.mark.parametrize("text,claim", [
    ("Over 99% of our patients achieve 20/20 vision.", "Over 99% of our patients"),
    ("LASIK has a 96% success rate.", "96% success rate"),
    ("Bleeding happens in about 3 to 4 in every 100 people.", "about 3 to 4 in every 100 people"),
    ("9 out of 10 of our clients say they would do it again.", "9 out of 10 of our clients"),
    ("Half of all patients can stop their reflux medicine.", "Half of all patients"),
    ("Patients recover three times faster after keyhole hernia repair.", "three times faster"),
    ("Women who follow the diet are twice as likely to conceive.", "twice as likely"),
    ("Stenting cuts the risk of a heart attack by half.", "cuts the risk of a heart attack by half"),
    ("People lose 15 to 30 percent of their starting weight.", "15 to 30 percent"),
    ("Our infection rate is well below the national average.", "well below the national average"),
    ("Diets fail for 95% of people.", "95% of people"),
    ("Only one woman in a thousand has a serious bleed after the operation.", "Only one woman in a thousand"),
])
def test_outcome_numbers_without_a_source_are_found(linter, text, claim):
    assert found(linter, text) == [("EVD001", claim)]


@pytest.mark.parametrize("text", [
    "The operation takes about 90 minutes and the cut is 3 cm long.",
    "Take 1 tablet 3 times a day for 5 days.",
    "Wash with 4% chlorhexidine the night before. Do not use 0.9% saline on the wound.",
    "The surgeon removes about 80% of the stomach.",
    "You need to lose 5% of your body weight before surgery.",
    "You can take up to 8 tablets in 24 hours.",
    "LASIK is offered to people aged 21 or over whose prescription has been stable for 2 years.",
    "A private cycle costs £5,000. We offer 0% finance over 12 months.",
    "Surgery is considered if your BMI is 40 or more, or 35 to 40 with diabetes.",
    "More than 100,000 knee replacements are done each year.",
    "Most people go back to work after 2 to 3 weeks.",
])
def test_durations_doses_sizes_costs_and_counts_are_not_claims(linter, text):
    assert found(linter, text) == []


@pytest.mark.parametrize("text,claim", [
    ("Studies have shown that keyhole surgery is less painful.", "Studies have shown"),
    ("Our laser is clinically proven to protect your eyes.", "clinically proven"),
    ("According to leading eye surgeons, LASIK is very safe.", "According to leading eye surgeons"),
    ("Experts agree that a stent is the right choice.", "Experts agree"),
    ("It has been proven that early surgery prevents arthritis.", "It has been proven"),
    ("Research proves that grommets help children do better at school.", "Research proves"),
    ("A large study followed people for 20 years. Survival was similar.", "A large study followed"),
    ("A recent study of 2,000 patients showed fewer readmissions after rehabilitation.",
     "A recent study of 2,000 patients showed"),
    ("There is strong evidence that weight-loss surgery helps diabetes.", "There is strong evidence"),
])
def test_research_claims_without_a_source_are_found(linter, text, claim):
    assert found(linter, text) == [("EVD002", claim)]


@pytest.mark.parametrize("text", [
    "Your doctor may arrange nerve conduction studies. These show how well the nerve works.",
    "A sleep study showed that you stop breathing at night.",
    "You may be asked to take part in a clinical trial.",
    "Blood tests show how well your kidneys work.",
    "Doctors recommend that you stop smoking before surgery.",
    "Researchers are studying new ways to treat hernias.",
])
def test_tests_and_ordinary_mentions_of_research_are_not_claims(linter, text):
    assert found(linter, text) == []


# -- what is a source ------------------------------------------------------------------
@pytest.mark.parametrize("text,fmt", [
    # a link to a journal or an outside body
    ("About 8 in 10 knee replacements last 25 years ([Evans et al., 2019](https://doi.org/10.1016/x)).", "md"),
    ("Serious complications happen in about 1 in 200 people, says the [NHS](https://www.nhs.uk/x).", "md"),
    # a parenthetical citation: author and year, a body and year, a journal
    ("The hernia came back in 4% of people after mesh repair (Kaufmann et al., 2018).", "md"),
    ("About 3 in 100 people had bleeding (Royal College of Surgeons of England, 2005).", "md"),
    ("Recurrence was 4% with mesh and 12% with stitches (Lancet 2018;391:860).", "md"),
    ("About 6 in 100 people had a complication (Okafor and colleagues, Arthroscopy journal, 2016).", "md"),
    # what the body is, before its name
    ("Roughly 1 in 12 people still have pain a year after a knee replacement, according to the charity Versus Arthritis.", "md"),
    # the provider's own dated review
    ("In our unit's review of bunion operations done in 2024, about 1 in 20 patients needed the screw removed.", "md"),
    # trials of the review named in the sentence before
    ("According to a review by the American Academy of Orthopaedic Surgeons, results were similar. Some trials found "
     "fewer repeat operations after disc replacement.", "md"),
    # a named body
    ("A vasectomy is more than 99% effective, according to the National Health Service (NHS).", "md"),
    ("The HFEA reports that the multiple birth rate fell to 6% in 2019.", "md"),
    ("According to the American Academy of Ophthalmology, 9 in 10 people see well without glasses.", "md"),
    ("Data from the National Joint Registry show that 95% of hips last 10 years.", "md"),
    # footnotes and reference markers that resolve to a reference list
    ("The hernia came back in 4% of people.[^1]\n\n[^1]: Kaufmann R, et al. Lancet. 2018.", "md"),
    ("<p>About 82% of knees last 25 years.<sup>3</sup></p><h2>References</h2><ol><li>Evans JT. 2019.</li></ol>", "html"),
    ("Infection happens in about 1 in 100 operations [2].\n\nReferences\n\n[2] National audit, 2019.", "txt"),
    ("Risks include infection (less than 1%) and dislocation (2).\n\n## References\n\n1. NHS.\n2. National Joint Registry.", "md"),
])
def test_a_source_in_the_same_sentence_is_enough(linter, text, fmt):
    assert found(linter, text, fmt) == []


def test_a_figure_put_another_way_is_not_a_second_claim(linter):
    text = 'In the table, "1 in 100" means about one operation in every hundred.'
    assert [claim for _, claim in found(linter, text)] == ["1 in 100"]


def test_a_source_in_the_next_or_previous_sentence_is_near_enough(linter):
    assert found(linter, "A large trial compared mesh with stitches. The hernia came back in 12 in 100 "
                         "people after stitches (Kaufmann et al., 2018).") == []
    assert found(linter, "A trial compared surgery with splints (Gerritsen et al., 2002). In that trial, "
                         "about 4 in 10 people in the splint group later had surgery.") == []


def test_a_study_description_may_take_its_source_from_the_finding_two_sentences_on(linter):
    text = ("A randomised trial compared surgery with wrist splints. In this kind of study, people are put "
            "into groups by chance. Surgery relieved symptoms better (Gerritsen et al., 2002).")
    assert found(linter, text) == []


def test_a_source_elsewhere_on_the_page_is_not_near(linter):
    text = ("Complications occur in less than 1% of cases. The operation takes an hour. You go home the same day. "
            "Read more in the [NHS guide](https://www.nhs.uk/conditions/hernia-repair/).")
    assert found(linter, text) == [("EVD001", "less than 1% of cases")]


def test_a_link_to_the_sites_own_pages_is_not_a_source(linter):
    assert found(linter, "Our surgeons have a 99.7% success rate. See our [team](/cardiology/our-team).") == [
        ("EVD001", "99.7% success rate")]
    assert found(linter, "9 out of 10 patients are pain-free ([book now](https://clinic.example/book-appointment)).") == [
        ("EVD001", "9 out of 10 patients")]


def test_a_marker_with_no_reference_list_is_not_a_source(linter):
    assert found(linter, "Infection happens in about 1 in 100 operations [2].", "txt") == [
        ("EVD001", "about 1 in 100 operations")]
    assert found(linter, "Risks include infection (less than 1%) and dislocation (2).") == [("EVD001", "less than 1%")]


def test_unnamed_experts_are_not_a_source(linter):
    assert found(linter, "According to experts, 9 out of 10 patients are satisfied.") == [
        ("EVD002", "According to experts"), ("EVD001", "9 out of 10 patients")]


def test_list_items_take_the_source_of_the_sentence_that_introduces_them(linter):
    text = "According to NICE, after a hernia repair:\n\n- about 1 in 100 people get a wound infection\n"
    assert found(linter, text) == []
    text = "After a hernia repair:\n\n- about 1 in 100 people get a wound infection\n"
    assert found(linter, text) == [("EVD001", "about 1 in 100 people")]


def test_figures_based_on_a_named_bodys_publication_are_sourced(linter):
    text = ("All operations carry risks. The figures below are a guide based on the British Association of Spine "
            "Surgeons' patient information.\n\n- **Infection.** About 1 in 100 people get a wound infection.\n")
    assert found(linter, text) == []
    assert found(linter, "Based on information from the Royal College of Surgeons, about 1 in 100 people get an "
                         "infection.") == []
    # "based on" a person's or a clinic's experience is no source
    text = ("The figures below are based on Dr Patel's experience.\n\n"
            "- **Infection.** About 1 in 100 people get a wound infection.\n")
    assert found(linter, text) == [("EVD001", "About 1 in 100 people")]
    assert found(linter, "Based on thousands of operations, 99% of patients are happy.") == [
        ("EVD001", "99% of patients")]


def test_a_lead_in_saying_a_named_body_lists_these_risks_sources_its_list(linter):
    text = ("The British Society for Surgery of the Hand lists these risks. Your surgeon will talk with you about "
            "the ones that apply to you.\n\n- **Infection.** This affects fewer than 1 in 100 people.\n")
    assert found(linter, text) == []
    # "these" pointing back, with no source named, passes nothing on
    text = ("Your surgeon lists these risks. Ask about the ones that apply to you.\n\n"
            "- **Infection.** This affects fewer than 1 in 100 people.\n")
    assert found(linter, text) == [("EVD001", "fewer than 1 in 100 people")]


def test_a_short_label_between_a_sourced_lead_in_and_its_list_passes_the_source_on(linter):
    text = ("The British Association of Urological Surgeons gives the following figures.\n\nLess common:\n\n"
            "- Infection. This affects fewer than 1 in 100 men after a prostate biopsy.\n")
    assert found(linter, text) == []
    text = "These figures are our best guess.\n\nLess common:\n\n- Infection. This affects fewer than 1 in 100 men.\n"
    assert found(linter, text) == [("EVD001", "fewer than 1 in 100 men")]


def test_a_named_body_called_by_the_abbreviation_the_page_gives_it_is_a_source(linter):
    text = ("The National Joint Registry (NJR) collects data on every knee replacement.\n\n"
            "The NJR tracks how many knees need a second operation. Its figures show that about 96 in 100 knee "
            "replacements have not been revised after 15 years. Put another way, about 1 in 25 have been revised.")
    assert found(linter, text) == []
    # an abbreviation the page never ties to a named body is a treatment, not a source
    text = "PRP tracks how your tendon heals. Its results show that about 96 in 100 tendons heal."
    assert found(linter, text) == [("EVD001", "about 96 in 100")]


def test_figures_continued_from_a_sourced_sentence_share_its_source(linter):
    text = ("The CLASS trial was published in the New England Journal of Medicine. Complications were reported in 1 in "
            "100 people after laser treatment. The rate was 6 in 100 after foam injections.")
    assert found(linter, text) == []


def test_an_attribution_that_opens_the_next_sentence_does_not_source_the_claim_before_it(linter):
    text = ("Research shows coloured inks respond as well as black. According to the British Association of "
            "Dermatologists, some tattoos cannot be removed completely.")
    assert found(linter, text) == [("EVD002", "Research shows")]
    text = "About 1 in 20 people get an infection. According to NICE, this figure comes from a national audit."
    assert found(linter, text) == []


def test_a_reference_marker_after_a_full_stop_ends_the_sentence(linter):
    from lint.documents import parse
    from lint.page import Unit

    text = "A trial followed 128 people after surgery.\u00b3 Results are not guaranteed. See the leaflet.[2] It helps.\n"
    block = parse("page.md", text).blocks[0]
    unit = Unit(block, linter.nlp(block.text))
    assert [block.text[a:b] for a, b in unit.sentences] == [
        "A trial followed 128 people after surgery.\u00b3", "Results are not guaranteed.", "See the leaflet.[2]", "It helps."]


def test_a_page_that_says_once_where_its_figures_come_from_is_sourced(linter):
    text = ("Unless we say otherwise, the figures on this page come from the NICE guideline on heavy periods (NG88).\n\n"
            "## Ablation\n\nOut of 100 people who have an ablation, about 30 stop having periods.\n")
    assert found(linter, text) == []
    text = "## Ablation\n\nOut of 100 people who have an ablation, about 30 stop having periods.\n"
    assert found(linter, text) == [("EVD001", "Out of 100 people who have an ablation, about 30")]


def test_table_cells_take_the_source_of_the_caption_or_of_a_source_column(linter):
    html = ("<p>Table 1. Risks after surgery. Frequencies come from a review by Ficarra and colleagues [1].</p>"
            "<table><tr><th>Risk</th><th>How often</th></tr><tr><td>Leakage</td><td>About 3 in 100 people</td></tr></table>"
            "<h2>References</h2><ol><li>Ficarra V. Eur Urol. 2012.</li></ol>")
    assert found(linter, html, "html") == []
    md = ("## Summary\n\n| Choice | Benefit | Source |\n| --- | --- | --- |\n"
          "| Surgery | About 90 in 100 people report success | Gerritsen 2002 |\n")
    assert found(linter, md) == []
    md = "## Summary\n\n| Choice | Benefit |\n| --- | --- |\n| Surgery | About 90 in 100 people report success |\n"
    assert found(linter, md) == [("EVD001", "About 90 in 100 people")]


def test_figures_reported_sentence_after_sentence_from_a_cited_study(linter):
    text = ("The KANON trial included 121 adults (Frobell et al., 2010). At 2 years, 39% had chosen surgery. By 5 years, "
            "51% had. Of the rest, 20% still had pain.")
    assert found(linter, text) == []
    # a claim of the page's own after the study: the chain is broken by a sentence with no figure
    text = ("A Cochrane review (Eekhof and colleagues, 2012) found that phenol works. With our method, that simply doesn't "
            "happen. Our patients also heal twice as fast.")
    assert ("EVD001", "twice as fast") in found(linter, text)


def test_a_departments_page_of_its_own_audited_results_is_sourced_by_the_audit(linter):
    text = ("This page reports the results of hip surgery in our department over two audit years. The figures were "
            "checked by the hospital's Clinical Audit Department in November 2024.\n\n"
            "Our infection rate was 0.6%, below the national figure.\n")
    assert found(linter, text) == []
    text = "This page reports the results of hip surgery in our department.\n\nOur infection rate was 0.6%.\n"
    assert found(linter, text) == [("EVD001", "0.6%")]


def test_a_section_headed_by_the_providers_own_audit_is_sourced_by_it(linter):
    text = ("## What our audit found\n\nWe check our results each year. 214 people had a prostate biopsy here.\n\n"
            "- 198 of the 214 (93%) said the test was bearable.\n- 3 people (1.4%) had an infection.\n")
    assert found(linter, text) == []
    # ("Our results" names no record kept)
    text = "## Our results\n\n- 198 of 214 people (93%) said the test was bearable.\n"
    assert found(linter, text) == [("EVD001", "198 of 214 people"), ("EVD001", "93%")]


def test_a_section_that_says_its_figures_or_its_table_come_from_a_source_is_sourced(linter):
    text = ("## Risks\n\nThe figures here come from the British Obesity and Metabolic Surgery Society registry (2023).\n\n"
            "Leaks happen in about 1 in 100 sleeve operations.\n")
    assert found(linter, text) == []
    html = ("<h2>Risks</h2><p>The table below comes from our own vascular quality audit.</p>"
            "<table><tr><th>Problem</th><th>Rate</th></tr><tr><td>Wound infection</td><td>2.1%</td></tr></table>")
    assert found(linter, html, "html") == []
    html = ("<h2>Risks</h2><p>The table below shows the risks.</p>"
            "<table><tr><th>Problem</th><th>Rate</th></tr><tr><td>Wound infection</td><td>2.1%</td></tr></table>")
    assert found(linter, html, "html") == [("EVD001", "2.1%")]


def test_a_summary_over_a_page_with_a_reference_list_restates_what_the_body_cites(linter):
    body = ("## Does it work?\n\nA 2019 Cochrane review of 12 trials found that knee braces ease pain a little "
            "(Duivenvoorden, 2015).\n\n## References\n\n1. Duivenvoorden T. Braces for knee osteoarthritis. "
            "Cochrane Database Syst Rev. 2015.\n")
    summary = "## Key points\n\n- Studies show knee braces ease pain only a little.\n\n"
    assert found(linter, summary + body) == []
    # (with no reference list, the summary's claim needs its own source)
    assert found(linter, summary + "## Does it work?\n\nBraces may help.\n") == [
        ("EVD002", "Studies show")]


def test_a_list_under_a_hedged_lead_in_is_guidance(linter):
    text = "Most people:\n\n- return to desk work after one to two weeks\n- drive again after three weeks\n"
    assert found(linter, text) == []
    text = "After ACL surgery:\n\n- you return to desk work after one week\n"
    assert found(linter, text) == [("EVD001", "return to desk work after one week")]


def test_a_study_named_in_the_sentence_after_sources_it(linter):
    text = ("A large American study compared antibiotics with surgery. It was called the Comparison of Outcomes of "
            "Antibiotic Drugs and Appendectomy (CODA) trial.")
    assert found(linter, text) == []


def test_a_long_chain_of_paragraphs_going_on_from_one_study_is_read_once(linter):
    import time

    text = "A 2019 trial of thyroid surgery (Smith et al., 2019) followed 900 people.\n\n" + "".join(
        f"In the same trial, {n} in 100 people had a hoarse voice at {n} weeks.\n\n" for n in range(1, 80))
    started = time.perf_counter()
    assert found(linter, text) == []
    assert time.perf_counter() - started < 5  # each block's flags once: no look-back that branches


def test_a_benefit_weighed_against_a_cost_is_not_a_claim_but_a_sales_aside_is(linter):
    assert found(linter, "A hysterectomy stops periods permanently, but it is major surgery with a longer recovery.") == []
    for aside in ("the best part is the price", "you can book a top-up whenever you like"):
        assert found(linter, f"Our prostate treatment stops symptoms permanently, but {aside}.") == [
            ("EVD001", "stops symptoms permanently")]


def test_research_said_not_to_prove_or_to_disagree_is_not_a_claim(linter):
    assert found(linter, "A knee brace is not proven to prevent a second ACL tear.") == []
    assert found(linter, "Figures are given as a range, because studies found slightly different results.") == []


def test_a_bare_yes_to_does_it_work_is_a_claim(linter):
    text = "## Does a gastric balloon work?\n\nIt does, and brilliantly.\n"
    assert found(linter, text, codes=("EVD001",)) == [("EVD001", "It does, and brilliantly")]
    text = "## Does a gastric balloon work?\n\nYes, for many people, but not for everyone.\n"
    assert found(linter, text, codes=("EVD001",)) == []
    text = "## Are there alternatives?\n\nYes. You can take tablets instead.\n"
    assert found(linter, text, codes=("EVD001",)) == []


# -- messages and the plain-language form ------------------------------------------------
@pytest.mark.parametrize("claim,plain", [
    ("less than 0.5%", "fewer than 1 in 200"),
    ("0.1%", "1 in 1,000"),
    ("about 0.3%", "about 1 in 350"),
    ("under 2%", "fewer than 1 in 50"),
    ("3%", "3 in 100"),
    ("1.5%", "15 in 1,000"),
    ("about 27%", "about 27 in 100"),
    ("over 90 percent", "more than 9 in 10"),
    ("98% success rate", "98 in 100"),
    ("15 to 30 percent", "15 to 30 in 100"),
    ("approx 5 percent", "about 1 in 20"),
])
def test_percentages_are_given_as_natural_frequencies(claim, plain):
    assert plain_language(claim) == (plain,)


def test_no_natural_frequency_for_whole_or_impossible_percentages():
    assert plain_language("100%") == ()
    assert plain_language("9 out of 10") == ()


def test_the_message_names_the_source_needed_and_the_plain_form(linter):
    result = lint_text(linter, "After LASIK, serious complications happen in less than 0.5% of eyes.")
    (f,) = [f for f in result.findings if f.code == "EVD001"]
    assert f.text == "less than 0.5% of eyes"
    assert f.suggestions == ("fewer than 1 in 200",)
    assert "audit or registry" in f.message and "'fewer than 1 in 200'" in f.message
    result = lint_text(linter, "98% of our patients are happy with their new knee.")
    (f,) = [f for f in result.findings if f.code == "EVD001"]
    assert "publish the audit behind your own figures" in f.message
    result = lint_text(linter, "Studies show that IVF works.")
    (f,) = [f for f in result.findings if f.code == "EVD002"]
    assert "name the study (authors, year, journal)" in f.message


# -- whole pages ------------------------------------------------------------------------
def test_exact_evidence_findings_on_the_ivf_defect_page(linter):
    page = FIXTURES / "defects" / "ev-ivf.md"
    result = linter.lint_file(str(page))
    source = page.read_text(encoding="utf-8")
    got = [(f.code, f.line, f.column, f.text) for f in result.findings if f.code in EVIDENCE]
    assert got == [
        ("EVD001", 18, 59, "68% of our patients"),
        ("EVD001", 18, 157, "twice as likely"),
        ("EVD002", 18, 186, "Scientific evidence shows"),
        ("EVD001", 24, 104, "about 1 in 3 women"),
    ]
    for f in result.findings:
        assert source[f.start : f.end] == f.text


@pytest.mark.parametrize("page", sorted((FIXTURES / "clean").glob("ev-*")), ids=lambda p: p.name)
def test_the_sourced_clean_pages_are_silent(linter, page):
    result = linter.lint_file(str(page))
    assert [(f.code, f.text) for f in result.findings if f.category in ("evidence", "promotional")
            and f.severity != "info"] == []


# -- new wordings of the same claims (veneers, sterilisation, gastric balloons, eyelids) -------------
@pytest.mark.parametrize("text,claim", [
    ("Women on the balloon programme lose weight 3x faster.", ("EVD001", "3x faster")),
    ("Our patients are 2× more likely to keep the weight off.", ("EVD001", "2× more")),
    ("Patients walk unaided twice as soon as after a standard repair.", ("EVD001", "twice as soon")),
    ("Porcelain veneers outlast bonding by a factor of three.", ("EVD001", "by a factor of three")),
    ("The failure rate is 2 per 1,000 procedures.", ("EVD001", "2 per 1,000 procedures")),
    ("You recover 5 days sooner.", ("EVD001", "5 days sooner")),
    ("The risk of infection is cut by two-thirds.", ("EVD001", "risk of infection is cut by two-thirds")),
    ("Independent audits show that the balloon is safe.", ("EVD002", "Independent audits show")),
    ("Published data from more than 4,000 cases confirm that veneers rarely fail.",
     ("EVD002", "Published data from more than 4,000 cases confirm")),
    ("Proven to outperform the gastric band.", ("EVD002", "Proven to outperform")),
    ("Gynaecologists worldwide recommend sterilisation.", ("EVD002", "Gynaecologists worldwide recommend")),
    ("It is widely accepted that eyelid surgery improves vision.", ("EVD002", "It is widely accepted that")),
])
def test_new_wordings_of_claims_are_found(linter, text, claim):
    assert found(linter, text) == [claim]


def test_a_clinics_own_figure_takes_no_source_from_a_neighbour_that_cites_its_own_claim(linter):
    text = ("Our revision rate is under 2%. Published series report revision in 5% to 15% of people "
            "([Smith et al., 2019](https://doi.org/10.1000/x)).")
    assert found(linter, text) == [("EVD001", "under 2%")]
    # a neighbour that only gives the source still counts
    text = "Our revision rate is under 2%. These figures come from our audit ([audit](https://example.org/audit.pdf))."
    assert found(linter, text) == []


def test_a_plain_text_reference_list_run_into_one_block_resolves_markers(linter):
    text = ("A tear happens in about 1 in 1,000 tests [2].\n\n"
            "References\n[1] NHS. Colonoscopy.\n[2] British Society of Gastroenterology. Colonoscopy.\n")
    assert found(linter, text, fmt="txt") == []


@pytest.mark.parametrize("text", [
    "Your test results show how well your kidneys work.",
    "The tests showed that the nerve is working normally.",
    "Take the drops twice a day, as soon as you wake and at bedtime.",
    "Doctors recommend stopping smoking 6 weeks before surgery.",
])
def test_new_claim_patterns_leave_ordinary_copy_alone(linter, text):
    assert found(linter, text) == []


def test_on_a_page_that_sources_most_of_its_figures_an_unconnected_one_is_info(linter):
    page = (
        "# Knee replacement\n\n"
        "About 1 in 100 people get a deep infection, according to the National Joint Registry.\n\n"
        "About 2 in 100 people get a blood clot, according to NICE.\n\n"
        "About 9 in 10 knees last 15 years, according to the National Joint Registry.\n\n"
        "## Stiffness\n\n"
        "Stiffness needing another procedure affects about 1 in 50 people.\n"
    )
    result = lint_text(linter, page)
    mine = [f for f in result.findings if f.code == "EVD001"]
    assert [(f.text, f.severity) for f in mine] == [("about 1 in 50 people", "info")]
    assert "this page gives a source for 3 of its 4 claims" in mine[0].message
    # a page that sources too few of its figures keeps its warnings
    sparse = page.replace(", according to the National Joint Registry", "")
    assert {f.severity for f in lint_text(linter, sparse).findings if f.code == "EVD001"} == {"warning"}


def test_the_sourced_page_gate_can_be_turned_off():
    from lint.config import Settings
    from lint.engine import Linter

    linter = Linter(Settings(select=["EVD001"], rules={"EVD001": {"sourced_page_min": 0}}))
    page = ("# Cataract\n\nAbout 1 in 100 get swelling (NICE, 2023). About 1 in 1,000 get an infection (RCOphth, 2022). "
            "About 1 in 50 need laser later (NOD Audit, 2024).\n\nAbout 1 in 20 get dry eye.\n")
    assert {f.severity for f in lint_text(linter, page).findings} == {"warning"}


def test_a_source_line_under_a_table_or_list_sources_its_figures(linter):
    table = (
        "<h1>Our results</h1><table><tr><th>Measure</th><th>Our unit</th></tr>"
        "<tr><td>Tear in the lens capsule</td><td>0.8%</td></tr>"
        "<tr><td>Vision 6/12 or better</td><td>93%</td></tr></table>"
        "<p>Source: National Ophthalmology Database Audit, Annual Report 2025.</p>"
    )
    assert found(linter, table, "html") == []
    listed = "# Risks\n\n- infection: about 1 in 100 people\n- a clot: about 1 in 200 people\n\nSource: NICE guideline NG157 (2020).\n"
    assert found(linter, listed) == []
    # a line under the table that gives no source leaves its figures unsourced
    unsourced = table.replace("Source: National Ophthalmology Database Audit, Annual Report 2025.", "Ask us about these.")
    assert [c for c, _ in found(linter, unsourced, "html")] == ["EVD001", "EVD001"]


def test_a_survey_named_by_the_abbreviation_the_page_gave_it_is_a_source(linter):
    page = ("# Eye unit\n\nWe ask every patient to complete the NHS Friends and Family Test (FFT). "
            "In the FFT for 2023 to 2024, 97% of 2,104 patients rated their care as good.\n")
    assert found(linter, page) == []


@pytest.mark.parametrize("text", [
    "In our 2025 tonsillectomy outcomes audit of 1,184 children, 28 (2.4%) came back because of bleeding.",
    "In the unit's Lithotripsy Pilot Audit 2025, 68 of the 96 patients (71%) were stone-free at 6 weeks.",
])
def test_a_providers_own_named_and_dated_audit_is_a_source(linter, text):
    assert found(linter, f"# Results\n\n{text}\n") == []


def test_a_research_claim_takes_its_source_from_the_study_described_after_it(linter):
    page = ("# Knee nerve ablation\n\nEarlier research suggests ablation may ease knee pain. In one trial of 151 people, "
            "74% had half their pain gone at 6 months. The figure was 16% after a steroid injection [2].\n\n"
            "## References\n\n1. Smith J. Knee pain. 2019.\n2. Davis P. Genicular ablation trial. Pain Med. 2018.\n")
    assert found(linter, page) == []
    # with no study after it, the claim stands
    bare = page.replace("In one trial of 151 people, 74% had half their pain gone at 6 months. ", "")
    bare = bare.replace("The figure was 16% after a steroid injection [2].", "Ask your doctor.")
    assert found(linter, bare) == [("EVD002", "research suggests")]


def test_a_boxed_paragraph_takes_its_source_from_the_source_line_under_it(linter):
    page = ('<h1>Tonsillectomy</h1><div class="box"><p>In a national audit of 33,921 operations, about 3 in 100 patients '
            'bled afterwards. About 1 in 100 needed a second operation.</p>'
            '<p class="source">Source: Royal College of Surgeons of England, National Tonsillectomy Audit, 2005.</p></div>')
    assert found(linter, page, "html") == []


def test_a_sentence_saying_which_dated_report_a_figure_is_from_sources_it(linter):
    page = ("# Screening\n\nMore than 95 in 100 people who return a kit need no further tests. This figure is from the "
            "programme's key performance indicators for 2023 to 2024.\n")
    assert found(linter, page) == []
    undated = page.replace(" for 2023 to 2024", "")
    assert [c for c, _ in found(linter, undated)] == ["EVD001"]


def test_the_same_source_named_a_section_up_sources_a_list(linter):
    page = ("# Colonoscopy\n\nThe NHS leaflet on colonoscopy (NHS England, 2024) gives these figures. For every 10 people:\n\n"
            "- about 5 have no polyps\n- about 4 have polyps\n\n## Risks\n\nThe test has some risks. The same leaflet lists "
            "these:\n\n- bleeding, in about 1 in 150 people\n- a tear in the bowel, in about 1 in 1,700 people\n")
    assert found(linter, page) == []
    # "The leaflet" with no "same", after a new heading, does not reach back
    other = page.replace("The same leaflet lists these:", "A leaflet lists these:")
    assert [c for c, _ in found(linter, other)] == ["EVD001", "EVD001"]


@pytest.mark.parametrize("citation", [
    "(European Society of Cataract and Refractive Surgeons (ESCRS) Study Group, 2007)",
    "(Gohel and others, 2019)",
])
def test_more_citation_forms(linter, citation):
    assert found(linter, f"# Results\n\nInfection followed about 1 in 2,000 operations {citation}.\n") == []


def test_normally_is_a_hedge_on_a_recovery_time(linter):
    assert found(linter, "# After surgery\n\nThe swelling normally settles within one to two weeks.\n") == []


def test_a_journal_named_by_its_title_is_a_source_and_the_published_trial_goes_on_from_it(linter):
    page = ("<h1>Trial news</h1><p>Nurse calls before colonoscopy helped, in a trial published this month in the "
            "<em>American Journal of Gastroenterology</em>.</p><h2>About the study</h2><p>The trial enrolled 1,020 adults.</p>"
            "<h2>What the researchers found</h2><p>In the published trial, 91% of people in the call group had a clean "
            "bowel, compared with 82% in the usual-care group.</p>")
    assert found(linter, page, "html") == []
    unnamed = page.replace("<em>American Journal of Gastroenterology</em>", "a medical journal")
    assert [c for c, _ in found(linter, unnamed, "html")] == ["EVD001", "EVD001"]


def test_a_providers_figure_broken_down_and_sourced_in_the_next_sentence(linter):
    page = ("# Pre-admission\n\nIn 2024, 1 in 25 planned operations at our centre were cancelled on the day. About a third "
            "of these were for health reasons (Lakeshore Surgical Services Quality Report, 2024).\n")
    assert found(linter, page) == []


def test_what_an_operation_removes_for_good_is_a_claim_but_removed_permanently_is_a_description(linter):
    assert found(linter, "# Excision\n\nExcision removes the disease for good.\n") == [
        ("EVD001", "removes the disease for good")]
    assert found(linter, "# Sleeve\n\nPart of the stomach is removed permanently, so the operation cannot be reversed.\n") == []


@pytest.mark.parametrize("text", [
    "Serious problems happen in about 2 to 3 in 100 people, according to the 2017 expert consensus statement of the "
    "Heart Rhythm Society.",
    "- Slow healing affected about 1 in 5 people, according to our unit's audit for 2022 to 2024.\n"
    "- Bleeding affected about 1 in 50 people in the same 2022 to 2024 audit.",
])
def test_sources_named_through_their_document_or_a_dated_back_reference(linter, text):
    assert found(linter, f"# Risks\n\n{text}\n") == []


@pytest.mark.parametrize("text,claim", [
    ("Transplanted follicles are genetically immune to balding.", "genetically immune to balding"),
    ("Once the grafts take root they're yours for life.", "yours for life"),
    ("Our veneers will last for minimum 20 years.", "last for minimum 20 years"),
    ("Lip filler holds its shape for up to two years.", "holds its shape for up to two years"),
    ("Our bleeding rate is less than half that of open surgery.", "less than half that of"),
    ("Robotic patients go home in 2 days instead of 6.", "in 2 days instead of 6"),
    ("With the new beam, the risk of a second cancer practically disappears.",
     "risk of a second cancer practically disappears"),
])
def test_more_outcome_claims(linter, text, claim):
    assert found(linter, f"# Clinic\n\n{text}\n") == [("EVD001", claim)]


def test_in_copy_written_a_sentence_to_a_paragraph_the_next_paragraph_can_source_a_figure(linter):
    page = ("WHAT PEOPLE SAID\n\nWe asked people who came for a blood test what they thought.\n\n"
            "9 out of 10 people said the nurse explained things well.\n\n"
            "This comes from the Kingsmead Blood Test Service Patient Survey 2024.\n")
    assert found(linter, page, "txt") == []
    # a long paragraph after the claim does not source it
    long_after = page.replace("This comes from the Kingsmead Blood Test Service Patient Survey 2024.",
                              "We read every comment. We change things when people ask. This comes from the Kingsmead "
                              "Blood Test Service Patient Survey 2024.")
    assert [c for c, _ in found(linter, long_after, "txt")] == ["EVD001"]


def test_a_lead_in_ending_in_a_colon_and_a_reference_marker_sources_its_list(linter):
    page = ("# Risks\n\nA large review of population studies, published in 2016, found these rates:[1]\n\n"
            "- bleeding in about 2.6 in every 1,000 tests\n- a tear in about 0.5 in every 1,000 tests\n\n"
            "## References\n\n1. Reumkens A, et al. Post-colonoscopy complications. Am J Gastroenterol. 2016.\n")
    assert found(linter, page) == []


def test_the_providers_own_figure_takes_no_source_from_a_neighbouring_paragraph_that_cites_another(linter):
    page = "# Knee replacement\n\nNationally, about 1 in 100 people get an infection (NJR, 2023).\n\nOur infection rate is 0.1%.\n"
    assert found(linter, page) == [("EVD001", "0.1%")]
    # prose that mentions figures is not a source line
    page = ("# Knee replacement\n\nOur success rate is 98%.\n\n"
            "Figures from the national registry (NJR, 2023) show an average of 95%.\n")
    assert ("EVD001", "98%") in found(linter, page)


def test_the_sourced_page_gate_counts_sentences_and_spares_the_providers_own_figures(linter):
    page = ("# Hip replacement\n\nAbout 1 in 100 get an infection, 2 in 100 a clot and 1 in 200 a dislocation (NJR, 2023).\n\n"
            "Most people go home after 2 days.\n\nAbout 1 in 20 need a blood transfusion.\n")
    # one cited sentence (three figures) against one unsourced one: not "most of its claims"
    assert {f.severity for f in lint_text(linter, page).findings if f.code == "EVD001"} == {"warning"}
    cited = ("# Hip replacement\n\nAbout 1 in 100 get an infection (NJR, 2023).\n\nAbout 2 in 100 get a clot (NICE, 2020).\n\n"
             "About 1 in 200 dislocate (NJR, 2023).\n\n## Blood\n\nAbout 1 in 20 need a transfusion.\n\n## Results\n\n"
             "Our own success rate is 99%.\n")
    severities = {f.text: f.severity for f in lint_text(linter, cited).findings if f.code == "EVD001"}
    assert severities == {"About 1 in 20": "info", "99%": "warning"}


def test_a_demoted_finding_is_one_level_below_the_configured_severity():
    from lint.config import Settings
    from lint.engine import Linter

    linter = Linter(Settings(select=["EVD001"], severity={"EVD001": "error"}))
    page = ("# Cataract\n\nAbout 1 in 100 get swelling (NICE, 2023).\n\nAbout 1 in 1,000 get an infection (RCOphth, 2022).\n\n"
            "About 1 in 50 need laser later (NOD Audit, 2024).\n\n## Dry eye\n\nAbout 1 in 20 get dry eye.\n")
    assert [f.severity for f in lint_text(linter, page).findings] == ["warning"]


def test_a_run_of_superscripts_before_a_colon_is_read_quickly(linter):
    import time

    page = "# Risks\n\nStudies" + "¹" * 40 + " looked at these risks:\n\n- bleeding in about 1 in 100 people\n"
    start = time.perf_counter()
    lint_text(linter, page)
    assert time.perf_counter() - start < 5


def test_care_instructions_are_not_claims_that_results_last(linter):
    assert found(linter, "# After grommets\n\nMake sure your child stays out of swimming pools for two weeks.\n") == []
    assert found(linter, "# Polyp removal\n\nOnce it's out, it stays out.\n") == [("EVD001", "it stays out")]


def test_the_rules_of_a_page_share_what_its_sources_are(linter):
    """EVD001, EVD002, EVD003 and EVD004 read the same sources of a page: they are worked out once."""
    from lint.kinds.evidence import SourceFinder

    page = page_of(linter, "# Prostate biopsy\n\nMost men go home the same day (NICE, 2023).\n")
    lexicons = {id(c.evidence if c.rule.code == "EVD003" else c.lex) for c in linter.checkers
                if c.rule.code in ("EVD001", "EVD002", "EVD003", "EVD004")}
    assert len(lexicons) == 1
    lexicon = next(c for c in linter.checkers if c.rule.code == "EVD001").lex
    finder = SourceFinder.of(lexicon, page)
    assert SourceFinder.of(lexicon, page) is finder
    assert finder.page_has_sources()
    assert SourceFinder.of(lexicon, page_of(linter, "# Prostate biopsy\n")) is not finder


def test_only_the_abbreviations_a_page_gives_its_bodies_mark_sources(linter):
    from lint.kinds.evidence import SourceFinder

    page = page_of(linter, "# Knee replacement\n\nThe National Joint Registry (NJR) collects data.\n\n"
                           "In the NJR, 96 in 100 did well. Its NJR data show more. In the PRP group, 5 in 100 did.\n")
    lexicon = next(c for c in linter.checkers if c.rule.code == "EVD001").lex
    unit = page.units[-1]
    spans = [unit.block.text[a:b] for a, b in SourceFinder.of(lexicon, page).spans(unit)]
    assert "In the NJR" in spans and "Its NJR data" in spans
    assert not any("PRP" in span for span in spans)


def test_a_source_column_counts_for_the_cells_of_its_table_up_to_forty_cells_before_its_header(linter):
    from lint.kinds.evidence import _has_source_column, _scope_run

    rows = "".join(f"| Row {i} | About {i} in 100 people |\n" for i in range(30))
    md = (f"# Risks\n\nAfter surgery.\n\n| Risk | How often |\n| --- | --- |\n{rows}\n"
          "Then more.\n\n| Choice | Benefit | Source |\n| --- | --- | --- |\n| Surgery | About 90 in 100 | Gerritsen 2002 |\n")
    page = page_of(linter, md)
    units = page.units
    cells = [k for k, u in enumerate(units) if u.block.scope == "table_cell"]
    first_table = [k for k in cells if k < cells[0] + 62]
    assert _scope_run(units, first_table[10]) == (first_table[0], first_table[-1])
    assert not any(_has_source_column(units, k) for k in first_table)
    second_table = [k for k in cells if k > first_table[-1]]
    assert all(_has_source_column(units, k) for k in second_table)
    # a header 40 cells or more after a cell is past what the rule reads
    long_rows = "".join(f"| Row {i} | About {i} in 100 people | |\n" for i in range(20))
    page = page_of(linter, f"# Risks\n\n| Risk | How often | Note |\n| --- | --- | --- |\n{long_rows}"
                           "| Source | Where from | |\n")
    units = page.units
    cells = [k for k, u in enumerate(units) if u.block.scope == "table_cell"]
    header = next(k for k in cells if units[k].block.text == "Source")
    assert [_has_source_column(units, k) for k in cells] == [k > header - 40 for k in cells]


@pytest.mark.parametrize("option, template, error", [
    ("research_message", "No source for this {claim}: {bogus}.", "'research_message' names {bogus}, which it never fills"),
    ("sourced_page_note", "({sourced} of {total} claims sourced)", "'sourced_page_note' names {total}, which it never fills"),
    ("sourced_page_note", "({sourced} of {claims claims)", "'sourced_page_note' is not a template"),
])
def test_a_message_option_naming_a_field_never_filled_is_refused(option, template, error):
    import yaml

    from lint.config import Settings
    from lint.kinds.evidence import UncitedClaim
    from lint.registry import RuleError, builtin_rules_dir, parse_rule

    path = builtin_rules_dir() / "evidence" / "EVD001-uncited-statistic.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("options", {})[option] = template
    with pytest.raises(RuleError, match=re.escape(error)):
        UncitedClaim(parse_rule(data, path), None, Settings())
    data["options"][option] = "{claim} needs a source" if option == "research_message" else "({sourced} of {claims})"
    UncitedClaim(parse_rule(data, path), None, Settings())  # the fields it fills are fine


def test_a_guideline_two_bodies_wrote_together_is_a_named_source(linter):
    """A joint guideline names its bodies with a slash or "and", one of them perhaps a body the lexicon does not know."""
    page = ("# Male infertility tests\n\n"
            "The American Society for Reproductive Medicine (ASRM) has written joint guidance on male infertility with the "
            "American Urological Association (AUA).\n\n"
            "You may want to be checked sooner if you have a known risk factor.\n\n"
            "The AUA/ASRM guideline on male infertility notes that a male factor contributes to about half of infertile "
            "couples. That is why testing only the female partner is not enough.\n")
    assert found(linter, page) == []
    for joint in ("AUA / ASRM", "AUA and ASRM", "AUA/XYZQ", "ABC/XYZQ", "joint AUA/ASRM", "joint ABC/XYZQ"):
        assert found(linter, page.replace("AUA/ASRM guideline", f"{joint} guideline")) == [], joint
    # a guideline that names no body, or the page's own, is no source (on a page that names no guidance before it)
    alone = "# Male infertility tests\n\n" + page.split("\n\n")[-1]
    for unnamed in ("The guideline", "Our guideline", "The Clinic/Our guideline"):
        assert found(linter, alone.replace("The AUA/ASRM guideline", unnamed)) \
            == [("EVD001", "about half of infertile couples")], unnamed


@pytest.mark.parametrize("text", [
    "Under the NICE criteria, about 1 in 20 adults with severe deafness can have an implant in each ear.",
    "About 1 in 20 adults with severe deafness can have an implant in each ear under NICE criteria.",
    "In the NICE rules, about 1 in 20 adults with severe deafness can have an implant in each ear.",
    "NICE's criteria count about 1 in 20 adults with severe deafness as suitable for two implants.",
    "The NICE appraisal counts about 1 in 20 adults with severe deafness as suitable for two implants.",
    "NICE technology appraisal TA566 counts about 1 in 20 adults with severe deafness as suitable for two implants.",
])
def test_the_criteria_rules_or_appraisal_of_a_named_body_are_a_source(linter, text):
    assert found(linter, f"# Cochlear implants\n\n{text}\n") == []


@pytest.mark.parametrize("text", [
    "Under the clinic's criteria, about 1 in 20 adults with severe deafness can have an implant in each ear.",
    "Under our criteria, about 1 in 20 adults with severe deafness can have an implant in each ear.",
    "Our criteria count about 1 in 20 adults with severe deafness as suitable for two implants.",
    # a method a body's criteria name, in the paragraph before, is not where the figure comes from
    "A biopsy lets the pathologist classify the disease according to current World Health Organization criteria.\n\n"
    "Excision biopsy gives a definite diagnosis in 99% of cases.",
])
def test_criteria_no_named_body_set_are_no_source(linter, text):
    assert [c for c, _ in found(linter, f"# Clinic\n\n{text}\n")] == ["EVD001"]


def test_a_level_that_says_when_something_counts_is_not_a_claim(linter):
    """The paragraph of the cochlear implant page: NICE is named a paragraph up, and the 50% is the level its guidance
    sets, in a condition ("If you hear 50% or fewer ...") or counted as something ("A score of 50% or less counts as ...")."""
    page = ("# Cochlear implants for adults\n\n## Who might benefit?\n\n"
            "National Institute for Health and Care Excellence (NICE) guidance (TA566) sets out who can have a cochlear "
            "implant on the NHS. In summary, you may be suitable if:\n\n"
            "- you have severe to profound deafness in both ears, and\n"
            "- you get too little benefit from well-fitted hearing aids.\n\n"
            "The guidance defines severe to profound deafness as only hearing sounds louder than 80 decibels at certain "
            "pitches. It also uses a sentence test, done while you wear your hearing aids. If you correctly hear 50% or "
            "fewer of the key words, the guidance counts this as too little benefit.\n")
    assert found(linter, page) == []
    for level in ("Under the NICE criteria, a score of 50% or less on the sentence test counts as too little benefit.",
                  "A score of 50% or less on the sentence test counts as too little benefit.",
                  "NICE criteria count a score of 50% or less as too little benefit.",
                  "TA566 counts a score of 50 percent or lower as too little benefit."):
        assert found(linter, f"# Cochlear implants\n\n{level}\n") == [], level
    # a share of people or operations, the provider's own rate, or a result after the level, is a claim
    for claim, text in (("More than 90% of operations", "More than 90% of operations count as a success."),
                        ("90%", "Our success rate of 90% or more counts as one of the best in the country."),
                        ("about 9 in 10 people",
                         "A score of 50% or less counts as too little benefit. After an implant, about 9 in 10 people "
                         "hear more words.")):
        assert found(linter, f"# Cochlear implants\n\n{text}\n") == [("EVD001", claim)], text


def test_the_normal_course_of_healing_is_not_a_claim_that_results_last(linter):
    page = ("# Lumbar fusion: your recovery\n\n## How long does the bone take to heal?\n\n"
            "Bone usually takes three to six months to join, and it keeps getting stronger for a year or more. "
            "Your surgeon will check the fusion on an X-ray.\n")
    assert found(linter, page) == []
    for timeline in ("the bone keeps healing for a year or more", "your muscles keep getting stronger for up to two years",
                     "the nerve keeps recovering for 18 months"):
        assert found(linter, page.replace("it keeps getting stronger for a year or more", timeline)) == [], timeline
    # a figure for the result, a treatment's results that go on improving, a benefit that grows for years
    for claim, text in (("90%", "and 90% of fusions are solid at a year"),
                        ("keep improving for up to a year", "and the results keep improving for up to a year"),
                        ("keeps getting stronger for years", "and it keeps getting stronger for years"),
                        ("keeps working for 20 years", "and the fusion keeps working for 20 years")):
        assert found(linter, page.replace("and it keeps getting stronger for a year or more", text)) \
            == [("EVD001", claim)], text


def test_on_a_sales_page_the_course_of_healing_is_no_claim_like_sentence_either(linter):
    """EVD004 reads the sentences EVD001 leaves, at a lower threshold on a page of sales lines: a healing timeline that
    EVD001 no longer reports is not taken up by it."""
    page = ("# Thumb surgery\n\nOur world-class surgeons are the best in the country. 9 out of 10 people are pain-free. "
            "Studies have proven that it works.\n\nFull recovery takes time. Most people can do light tasks within six to "
            "eight weeks, but pinch strength keeps improving for up to a year.\n")
    assert found(linter, page, codes=("EVD001", "EVD002", "EVD004")) == [
        ("EVD004", "Our world-class surgeons are the best in the country"), ("EVD001", "9 out of 10 people"),
        ("EVD002", "Studies have proven")]
    # a treatment's results that go on improving are still a claim
    results = page.replace("pinch strength keeps improving", "the results keep improving")
    assert ("EVD001", "keep improving for up to a year") in found(linter, results, codes=("EVD001", "EVD004"))


@pytest.mark.parametrize("text", [
    # authors in brackets, the year outside them in the same sentence
    "A Danish trial published in 2018 (Sorensen and colleagues) compared keyhole and open hernia repair. "
    "Long-term pain affected 3% of people after keyhole repair.",
    "A large cataract study (de Jong and others) reported in 2021 that infection affected 1 in 1,000 eyes.",
    # a dated study in a journal not on the list, named by its title
    "A 2019 evidence review in Obesity Reviews found that most people keep off some weight after a gastric bypass.",
    "In a 2020 review in Sports Medicine, 8 in 10 people were back to sport a year after ACL reconstruction.",
    "A trial in Foot and Ankle International, published in 2021, found that most bunions stayed corrected.",
    # what a named body did with the research
    "In the trials summarised by NICE, about 8 in 10 men passed urine more easily after prostate surgery.",
    "In studies analysed by the World Health Organization, 9 in 10 people had no serious side effects.",
    # a named body that explains the risk, or explains that ...
    "The British Thyroid Foundation explains the risks. About 1 in 100 people have a lasting hoarse voice.",
])
def test_authors_in_brackets_journals_by_title_and_what_a_body_did_with_research_are_sources(linter, text):
    assert found(linter, f"# Surgery\n\n{text}\n") == []


@pytest.mark.parametrize("text, claim", [
    # no year in the sentence: no study a reader can find
    ("A Danish trial (Sorensen and colleagues) compared keyhole and open hernia repair.",
     ("EVD002", "A Danish trial (Sorensen and colleagues) compared")),
    # no study: who operates, not who wrote
    ("Our team (Patel and colleagues) has done 500 hernia repairs since 2010, with a 99% success rate.",
     ("EVD001", "99% success rate")),
    # a place, a group of people or a hospital's unit is no journal
    ("A 2019 study in New Zealand found that most people keep off weight.", ("EVD002", "A 2019 study in New Zealand found")),
    ("A 2019 trial in people with diabetes found that most people keep off weight.",
     ("EVD002", "A 2019 trial in people with diabetes found")),
    ("A 2020 study in Sports Medicine clinics found that most people return to sport.",
     ("EVD002", "A 2020 study in Sports Medicine clinics found")),
    # research reviewed by a surgeon, not a body
    ("In the trials reviewed by Mr Patel, 9 in 10 people were happy.", ("EVD001", "9 in 10 people")),
    # a guide from a body that says what it covers, not what it finds
    ("This guide from the British Thyroid Foundation explains what to expect. About 1 in 100 people have a lasting "
     "hoarse voice.", ("EVD001", "About 1 in 100 people")),
])
def test_near_misses_of_those_sources_still_need_one(linter, text, claim):
    assert found(linter, f"# Surgery\n\n{text}\n") == [claim]


def test_a_national_scheme_named_with_its_abbreviation_is_quoted_by_its_reports(linter):
    """"The ... (PROMs) programme" is a named body: "Its annual reports" in the next sentence, or "The PROMs annual
    reports" further on, quote it; the provider's own programme is no source."""
    page = ("# Hernia repair\n\nThe Patient Reported Outcome Measures (PROMs) programme collects questionnaires after "
            "hernia repair. Its annual reports show that most people feel better.\n")
    assert found(linter, page) == []
    later = page.replace("collects questionnaires after hernia repair.",
                         "began in 2009. Hernia repair is common. The PROMs annual reports show more.")
    assert found(linter, later) == []
    own = page.replace("The Patient Reported Outcome Measures (PROMs) programme collects",
                       "Our hospital runs a Patient Reported Outcome Measures (PROMs) programme that collects")
    assert found(linter, own) == [("EVD002", "reports show")]


@pytest.mark.parametrize("text", [
    "Before a varicose vein operation, wash your legs with a 4% skin wash.",
    "Use the 5% lotion on dry skin after your knee surgery.",
    "For the itch around the scar, a 1% clotrimazole cream or a 2% ketoconazole shampoo may help.",
    "Your eye clinic may give you a 0.5% eye wash after cataract surgery.",
])
def test_a_percentage_before_a_products_form_is_its_strength(linter, text):
    assert found(linter, f"# Surgery\n\n{text}\n") == []


@pytest.mark.parametrize("text, claim", [
    # an outcome after the product, or a result of it: not its strength
    ("After the hernia repair, 4% of people had a rash from the lotion.", "4% of people"),
    ("The spray stops the itch in 95% of people after vein surgery.", "95% of people"),
    # a word that is no medicine's name between the figure and the form
    ("Our spray is a 95% effective spray for scar itch.", "95%"),
])
def test_outcomes_near_a_products_form_still_need_a_source(linter, text, claim):
    assert found(linter, f"# Surgery\n\n{text}\n") == [("EVD001", claim)]


@pytest.mark.parametrize("text", [
    "The NHS website on enlarged prostate says about 1 in 3 men over 50 have symptoms.",
    "NICE's summary on inguinal hernia says about 1 in 4 men have one in their lifetime.",
    "The Royal College of Surgeons leaflet about knee replacement states that 8 in 10 people are happy with it.",
    "NICE, in its guidance on thyroid surgery, says about 1 in 100 people have a lasting hoarse voice.",
    # ... and the sentence after it
    "The NHS page on varicose veins says they are common. About 3 in 10 adults have them.",
])
def test_a_named_bodys_document_on_a_topic_is_a_source(linter, text):
    assert found(linter, f"# Surgery\n\n{text}\n") == []


@pytest.mark.parametrize("text, claim", [
    # the provider's own document
    ("Our leaflet on hernia repair says 98% of people are happy.", "98% of people"),
    ("Our surgeons, in their leaflet on hernia repair, say 98% of people are happy.", "98% of people"),
    # a body, but no document of it
    ("NICE on varicose veins suggests 30% of adults have them.", "30% of adults"),
])
def test_a_document_on_a_topic_that_is_no_named_bodys_is_no_source(linter, text, claim):
    assert found(linter, f"# Surgery\n\n{text}\n") == [("EVD001", claim)]
