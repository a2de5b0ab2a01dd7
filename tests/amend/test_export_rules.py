"""Comparison rules for export-only differences (lawcode.amend.export_rules): each applies only when the pair
needs it, to both versions alike, and never hides a change of the text."""

from __future__ import annotations

import lawcode
from amend_laws import A, P, law, xml
from lxml import etree

from lawcode.amend.export_rules import RULES, SENTENCE_RULE, align_sentences, export_rules, sentence_blind
from lawcode.amend.roundtrip import check_pair, comparable_body, comparable_pair

TEN = [P(n, f"第{n}項の文。") for n in range(1, 11)]


def ascii_ten(xml_text: str) -> str:
    return xml_text.replace("<ParagraphNum>１０</ParagraphNum>", "<ParagraphNum>10</ParagraphNum>")


def roots(old: str, new: str) -> tuple[etree._Element, etree._Element]:
    return etree.fromstring(old.encode("utf-8")), etree.fromstring(new.encode("utf-8"))


def test_digit_width_of_a_number_field_is_an_export_difference() -> None:
    old, new = roots(ascii_ten(xml(A(1, *TEN))), xml(A(1, *TEN)))
    assert export_rules(old, new) == ["digit width"]
    assert etree.tostring(old) == etree.tostring(new)  # both now print 「１０」


def test_digit_width_rule_is_not_applied_when_both_exports_agree() -> None:
    old, new = roots(ascii_ten(xml(A(1, *TEN))), ascii_ten(xml(A(1, *TEN))))
    assert export_rules(old, new) == []
    assert b"<ParagraphNum>10</ParagraphNum>" in etree.tostring(old)  # left as written


def test_digit_width_rule_does_not_hide_a_different_number() -> None:
    changed = xml(A(1, *TEN)).replace("<ParagraphNum>９</ParagraphNum>", "<ParagraphNum>8</ParagraphNum>")
    old, new = roots(changed, xml(A(1, *TEN)))
    assert "digit width" not in export_rules(old, new)
    assert b"<ParagraphNum>8</ParagraphNum>" in etree.tostring(old)


def test_digit_width_never_touches_sentences() -> None:
    old, new = roots(ascii_ten(xml(A(1, *TEN[:9], P(10, "10日以内に届け出る。")))), xml(A(1, *TEN[:9], P(10, "10日以内に届け出る。"))))
    assert export_rules(old, new) == ["digit width"]
    assert "10日以内" in "".join(old.itertext())


def test_extract_of_a_suppl_provision() -> None:
    suppl = '<SupplProvision{}><SupplProvisionLabel>附　則</SupplProvisionLabel>{}</SupplProvision>'
    body = P(1, "この法律は、公布の日から施行する。")
    old, new = roots(xml(A(1, TEN[0]), extra=suppl.format("", body)),
                     xml(A(1, TEN[0]), extra=suppl.format(' Extract="true"', body)))
    assert export_rules(old, new) == ["extract"]
    assert next(new.iter("SupplProvision")).get("Extract") is None


def test_appendix_number_and_enact_statement() -> None:
    table = '<AppdxTable{}><AppdxTableTitle>別表第一</AppdxTableTitle><Remarks><Sentence>備考</Sentence></Remarks></AppdxTable>'
    enact = "<EnactStatement>内閣は、この政令を制定する。</EnactStatement>"
    old_xml = xml(A(1, TEN[0]), extra=table.format(""))
    new_xml = xml(A(1, TEN[0]), extra=table.format(' Num="1"')).replace("</LawTitle>", "</LawTitle>" + enact)
    old, new = roots(old_xml, new_xml)
    assert export_rules(old, new) == ["appendix number", "enact statement"]
    assert next(new.iter("AppdxTable")).get("Num") is None
    assert next(new.iter("EnactStatement"), None) is None


def test_enact_statement_in_both_versions_is_compared_as_text() -> None:
    enact = "<EnactStatement>内閣は、{}この政令を制定する。</EnactStatement>"
    old, new = roots(xml(A(1, TEN[0])).replace("</LawTitle>", "</LawTitle>" + enact.format("")),
                     xml(A(1, TEN[0])).replace("</LawTitle>", "</LawTitle>" + enact.format("法律に基づき、")))
    assert export_rules(old, new) == []


def test_the_round_trip_counts_the_rules_a_pair_needed() -> None:
    old = lawcode.loads(ascii_ten(xml(A(1, *TEN), A(2, P(1, "市長が定める。")))).encode("utf-8"))
    new = law(A(1, *TEN), A(2, P(1, "町長が定める。")))
    result = check_pair(old, new)
    assert result.status == "exact" and result.rules == ["digit width"]
    a, b, _, rules = comparable_pair(old, new)
    assert rules == ["digit width"] and comparable_body(a) != comparable_body(b)  # the text change remains
    assert set(RULES) >= set(rules)


# -- sentence boundaries (a comparison rule) ------------------------------------------------------------------

def _group(*sentences: str) -> etree._Element:
    return etree.fromstring(("<ParagraphSentence>" + "".join(sentences) + "</ParagraphSentence>").encode("utf-8"))


def test_sentence_blind_ignores_where_and_how_sentences_are_cut() -> None:
    one = _group('<Sentence Num="1" WritingMode="vertical">甲とする。乙とする。</Sentence>')
    two = _group('<Sentence Function="main" Num="1" WritingMode="vertical">甲とする。</Sentence>',
                 '<Sentence Function="proviso" Num="2" WritingMode="vertical">乙とする。\n</Sentence>')
    assert etree.tostring(sentence_blind(one)) == etree.tostring(sentence_blind(two))
    other = _group('<Sentence Num="1" WritingMode="vertical">甲とする。丙とする。</Sentence>')
    assert etree.tostring(sentence_blind(one)) != etree.tostring(sentence_blind(other))


def test_align_sentences_takes_the_export_cut_only_where_the_words_agree() -> None:
    got = etree.fromstring(xml(A(1, P(1, "市長が定める。ただし、町長が定めることができる。")), A(2, P(1, "甲とする。")))
                           .encode("utf-8"))
    want = etree.fromstring(xml(A(1, P(1, "市長が定める。ただし、町長が定めることができる。")), A(2, P(1, "乙とする。")))
                            .encode("utf-8"))
    first = next(want.iter("ParagraphSentence"))  # the export writes the two sentences of 第一条 in one
    text = "".join(first.itertext())
    for s in list(first):
        first.remove(s)
    etree.SubElement(first, "Sentence", WritingMode="vertical").text = text
    assert align_sentences(got, want) == 1  # 第一条 aligned; 第二条 (甲 → 乙) is a change of the text: kept
    assert [("".join(p.itertext())) for p in got.iter("ParagraphSentence")] == [text, "甲とする。"]
    assert etree.tostring(next(got.iter("ParagraphSentence"))) == etree.tostring(first)


def test_a_round_trip_that_differs_only_in_sentence_boundaries_is_exact_by_that_rule() -> None:
    old = law(A(1, P(1, "市長が定める。")))
    new_xml = xml(A(1, P(1, "市長が定める。")), A(2, P(1, "この条例は、公布の日から施行する。ただし、次条は除く。")))
    # the export leaves the 本文・ただし書 marking off the new sentences, which the text implies
    new = lawcode.loads(new_xml.replace(' Function="main"', "").replace(' Function="proviso"', "").encode("utf-8"))
    result = check_pair(old, new)
    assert result.status == "exact" and SENTENCE_RULE in result.rules


def test_a_whole_revision_record_filed_as_a_preamble_or_an_enact_statement() -> None:
    record = "裁判所職員の定員に関する法律（昭和二十二年法律第六十四号）の全部を改正する。"
    preamble = (f"<Preamble><Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence><Sentence>{record}</Sentence>"
                "</ParagraphSentence></Paragraph></Preamble>")
    old, new = roots(xml(A(1, TEN[0])).replace("</LawTitle>", "</LawTitle>" + preamble),
                     xml(A(1, TEN[0])).replace("</LawTitle>", f"</LawTitle><EnactStatement>{record}</EnactStatement>"))
    assert export_rules(old, new) == ["enact statement"]
    assert next(old.iter("Preamble"), None) is None and next(old.iter("EnactStatement")).text == record
    assert etree.tostring(old) == etree.tostring(new)


def test_a_real_preamble_is_not_an_enact_statement() -> None:
    preamble = ("<Preamble><Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence><Sentence>われらは、平和を願う。"
                "</Sentence></ParagraphSentence></Paragraph></Preamble>")
    old, new = roots(xml(A(1, TEN[0])).replace("</LawTitle>", "</LawTitle>" + preamble), xml(A(1, TEN[0])))
    assert export_rules(old, new) == []
