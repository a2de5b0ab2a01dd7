"""lawcode.definitions: the three drafting forms, scopes and users."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.errors import LawcodeError

from refs_lawxml import article, law, suppl


def by_term(lw: lawcode.Law) -> dict[str, lawcode.Definition]:
    return {d.term: d for d in lawcode.definitions(lw)}


def test_means_sentence_with_law_scope_and_users():
    lw = law(article(1, "この法律において「事業者」とは、事業を行う者をいう。"),
             article(2, "事業者は、届け出なければならない。"),
             article(3, "市長は、「事業者」とあるのを読み替える。"))
    d = by_term(lw)["事業者"]
    assert d.form == "means" and d.scope == "law" and d.scope_path is None
    assert d.source == "MainProvision-Article_1-Paragraph_1"
    assert lw.find(d.source).text()[d.span[0]:d.span[1]] == "事業者"
    assert d.users == ("MainProvision-Article_2-Paragraph_1",)  # quoted uses do not count


def test_definition_items_of_a_definitions_article(sample_v1):
    d = by_term(sample_v1)
    assert d["個人情報"].form == "item" and d["個人情報"].source == "MainProvision-Article_2-Paragraph_1-Item_1"
    assert d["保有個人情報"].users
    # a longer term wins: a use of 保有個人情報 is not a use of 個人情報
    assert "MainProvision-Article_7-Paragraph_1" in d["保有個人情報"].users


def test_short_name_applies_from_its_definition_and_within_its_scope():
    lw = law(article(1, "甲"), article(2, "届出をした者（以下この条において「届出者」という。）は、", "届出者は、"),
             article(3, "届出者は、"))
    d = by_term(lw)["届出者"]
    assert d.form == "short_name" and d.scope == "Article" and d.scope_path == "MainProvision-Article_2"
    assert d.users == ("MainProvision-Article_2-Paragraph_2",)  # 第三条 is outside the scope


def test_chapter_scope_from_the_sentence_opening():
    lw = law(article(1, "この章において「申請」とは、求めをいう。"))
    assert by_term(lw)["申請"].scope == "law"  # no chapter here: falls back to the law


def test_definition_in_an_amending_suppl_is_scoped_to_it():
    lw = law(article(1, "新法は"), tail=suppl(article(1, "改正後の法（以下「新法」という。）の規定", "新法の規定"),
                                             amend="令和六年一月一〇日法律第五号"))
    d = by_term(lw)["新法"]
    assert d.scope == "SupplProvision" and d.scope_path == "SupplProvision[令和6年法律第5号]"
    assert "MainProvision-Article_1-Paragraph_1" not in d.users


def test_wrong_argument_type():
    with pytest.raises(LawcodeError):
        lawcode.definitions(None)  # type: ignore[arg-type]
