"""Comparison rules for export-only differences (lawcode.amend.export_rules): each applies only when the pair
needs it, to both versions alike, and never hides a change of the text."""

from __future__ import annotations

import lawcode
from amend_laws import A, P, law, xml
from lxml import etree

from lawcode.amend.export_rules import RULES, export_rules
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
