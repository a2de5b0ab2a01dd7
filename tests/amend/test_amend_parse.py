"""The grammar of 改め文: every operation family, locations, anaphora, lists, ranges, nested quotes, both
styles, and parse errors with line/column."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.amend import (
    Add,
    AddSentence,
    AttachCaption,
    Delete,
    DeletePhrase,
    InsertPhrase,
    Loc,
    Range,
    Renumber,
    ReplacePhrase,
    ReplaceWhole,
    SetText,
    Shift,
    Step,
)
from lawcode.amend.document import split_parts
from lawcode.amend.parse import cut_quotes, parse_sentence


def one(sentence: str):
    ops = parse_sentence(sentence)
    assert len(ops) == 1, ops
    return ops[0]


def test_phrase_replace_with_location():
    op = one("第十八条第一項中「前条」を「第十七条」に改める。")
    assert isinstance(op, ReplacePhrase)
    assert (op.old, op.new) == ("前条", "第十七条")
    (loc,) = op.targets
    assert isinstance(loc, Loc)
    assert loc.steps == (Step("Article", (18,)), Step("Paragraph", (1,)))
    assert loc.text == "第十八条第一項"


def test_phrase_delete_and_insert():
    assert isinstance(one("第二十六条第一項中「及び第四十七条第六項」を削る。"), DeletePhrase)
    op = one("第四十二条第一項中「第四十条」の下に「、第四十二条の二」を加える。")
    assert isinstance(op, InsertPhrase) and (op.anchor, op.text) == ("第四十条", "、第四十二条の二")


def test_chained_same_verb_and_lists_of_quotes():
    ops = parse_sentence("第六条第二項中「又は自己」を「若しくは自己」に、「の使用」を「を使用し」に改める。")
    assert [(o.old, o.new) for o in ops] == [("又は自己", "若しくは自己"), ("の使用", "を使用し")]
    ops = parse_sentence("第三条中「甲」及び「乙」を削る。")
    assert [o.old for o in ops] == ["甲", "乙"]


def test_chained_mixed_verbs_share_the_location():
    ops = parse_sentence("第十七条第一項中「A」の下に「B」を加え、「E」を「F」に改め、「G」を削り、同項ただし書を削り、"
                         "同条に次の三項を加える。")
    kinds = [type(o) for o in ops]
    assert kinds == [InsertPhrase, ReplacePhrase, DeletePhrase, Delete, Add]
    assert ops[1].targets == ops[0].targets
    assert ops[3].targets[0].part == "proviso" and ops[3].targets[0].steps[0].anaphor
    assert ops[4].count == 3 and ops[4].unit == "項" and ops[4].position == "end"


def test_nested_quotes_are_one_operand():
    op = one("第五条中「「甲」とあるのは「乙」」を「「甲」とあるのは「丙」」に改める。")
    assert op.old == "「甲」とあるのは「乙」" and op.new == "「甲」とあるのは「丙」"
    skeleton, quotes = cut_quotes("「a「b」c」を「d」に")
    assert quotes == ["a「b」c", "d"]


def test_multi_target_lists_and_ranges():
    op = one("第五条第一項第五号、第十八条第一項第六号及び第五十二条第七号ロ中「禁錮」を「拘禁刑」に改める。")
    assert len(op.targets) == 3
    assert op.targets[2].steps[-1] == Step("Subitem", key="ロ")
    op = one("第三十一条から第三十三条までの規定及び第三十六条中「懲役」を「拘禁刑」に改める。")
    assert isinstance(op.targets[0], Range) and isinstance(op.targets[1], Loc)
    op = one("第七条第一項及び第二項並びに第八条中「A」を「B」に改める。")
    assert len(op.targets) == 3


@pytest.mark.parametrize("part,word", [("caption", "の見出し"), ("main", "本文"), ("proviso", "ただし書"),
                                       ("first", "前段"), ("second", "後段"), ("chapeau", "各号列記以外の部分"),
                                       ("chapeau", "柱書")])
def test_sentence_parts(part, word):
    op = one(f"第八条第一項{word}中「A」を「B」に改める。" if word != "の見出し" else f"第八条{word}中「A」を「B」に改める。")
    assert op.targets[0].part == part


def test_anaphora_in_sentence_order():
    ops = parse_sentence("第三十八条中第七項を第九項とし、第四項から第六項までを二項ずつ繰り下げ、同条第三項中「前項」を"
                         "「第三項」に改め、同項を同条第五項とし、同項の次に次の一項を加える。")
    assert [type(o) for o in ops] == [Renumber, Shift, ReplacePhrase, Renumber, Add]
    assert ops[0].target.steps == (Step("Article", (38,)), Step("Paragraph", (7,)))
    assert ops[1].by == 2 and ops[1].unit == "項"
    assert ops[3].target.steps == (Step("Paragraph", anaphor=True),)
    assert ops[4].position == "after"


def test_structure_families():
    assert isinstance(one("第十条を次のように改める。"), ReplaceWhole)
    assert isinstance(one("第九条第一項第三号を削る。"), Delete)
    op = one("第十二条から第二十条までを一条ずつ繰り下げる。")
    assert isinstance(op, Shift) and op.by == 1
    assert one("同項第四号から第六号までを一号ずつ繰り上げる。").by == -1
    op = one("第十条の見出しを「（標識）」に改める。")
    assert isinstance(op, SetText) and op.target.part == "caption"
    assert isinstance(one("第五条の前に見出しとして「（定義）」を付する。"), AttachCaption)
    op = one("同条に第一項として次の一項を加える。")
    assert isinstance(op, Add) and op.position == "as" and op.ordinal == (1,)
    assert isinstance(one("同項に後段として次のように加える。"), AddSentence)
    op = one("第一章中第五条の次に次の一条を加える。")
    assert op.target.steps == (Step("Chapter", (1,)), Step("Article", (5,)))
    op = one("本則中第三十三条の三を第三十三条の四とする。")
    assert op.target.steps == (Step("MainProvision"), Step("Article", (33, 3)))
    assert one("目次中「・第十八条」を「―第十八条」に改める。").targets[0].steps == (Step("TOC"),)
    assert one("題名中「A」を「B」に改める。").targets[0].steps == (Step("LawTitle"),)
    assert one("第三章の章名中「A」を「B」に改める。").targets[0].part == "title"
    assert one("附則第三条中「A」を「B」に改める。").targets[0].steps[0] == Step("SupplProvision")
    op = one("別表第一児童手当の支給に関する事務の項中「A」を「B」に改める。")
    assert op.targets[0].steps == (Step("AppdxTable", (1,)), Step("TableRow", key="児童手当の支給に関する事務"))


def test_exclusions_and_with_caption():
    op = one("本則（第九条を除く。）中「A」を「B」に改める。")
    assert op.targets[0].exclude[0].steps == (Step("Article", (9,)),)
    op = one("第八条（見出しを含む。）及び第九条中「A」を「B」に改める。")
    assert op.targets[0].with_caption and not op.targets[1].with_caption


def test_horizontal_municipal_style_with_arabic_numerals():
    op = one("第3条第2項第1号中「市長」を「市の機関」に改める。")
    assert op.targets[0].steps == (Step("Article", (3,)), Step("Paragraph", (2,)), Step("Item", (1,)))
    op = one("第１２条から第２０条までを１条ずつ繰り下げる。")
    assert op.by == 1 and op.target.start.steps == (Step("Article", (12,)),)


def test_old_style_phrase_without_location_targets_the_main_provision():
    op = one("「勅令」を「政令」に改める。")
    assert op.targets[0].steps == (Step("MainProvision"),)


def test_parse_amendment_gives_spans_of_sentences():
    text = "テスト法（令和五年法律第九十九号）の一部を次のように改正する。\n　第一条中「甲」を「乙」に改める。\n"
    ops = lawcode.parse_amendment(text)
    assert len(ops) == 1
    span = ops[0].span
    assert (span.line, span.column) == (2, 2)
    assert text[span.start:span.end] == "第一条中「甲」を「乙」に改める。"


def test_parse_error_has_line_column_and_sentence():
    text = "テスト法の一部を次のように改正する。\n　第一条中「甲」を「乙」に直す。\n"
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.parse_amendment(text)
    err = info.value
    assert err.line == 2 and err.column is not None and err.column > 2
    assert "第一条中「甲」を「乙」に直す。" in str(err)


def test_unbalanced_quote_is_a_parse_error():
    with pytest.raises(lawcode.ParseError, match="unbalanced"):
        lawcode.parse_amendment("第一条中「甲」を「乙に改める。")


def test_parts_one_per_article_of_a_seibi_law_and_provision_text():
    text = (
        "（甲法の一部改正）\n"
        "第一条　甲法（令和元年法律第一号）の一部を次のように改正する。\n"
        "　　第二条に次の一項を加える。\n"
        "　２　追加された項。\n"
        "　　第三条中「A」を「B」に改める。\n"
        "第二条　乙法の一部を次のように改正する。\n"
        "　　第一条を削る。\n"
        "　　　附　則\n"
        "この法律は、公布の日から施行する。\n"
    )
    parts = split_parts(text)
    assert [(p.title, p.law_num, p.article) for p in parts] == [
        ("甲法", "令和元年法律第一号", "第一条"), ("乙法", None, "第二条")]
    first = parts[0].sentences
    assert first[0].body == "２　追加された項。" and first[1].body == ""
    assert len(parts[1].sentences) == 1


def test_list_preamble_expands_into_one_part_per_law():
    text = ("第二百二十一条　次に掲げる法律の規定中「懲役」を「拘禁刑」に改める。\n"
            "　一　甲法（昭和二十三年法律第一号）第三十一条から第三十三条まで\n"
            "　二　乙法（昭和二十四年法律第二号）第五条第一項\n")
    parts = split_parts(text)
    assert [p.title for p in parts] == ["甲法", "乙法"]
    assert parts[0].sentences[0].text == "第三十一条から第三十三条まで中「懲役」を「拘禁刑」に改める。"


def test_quoted_phrase_with_an_unbalanced_bracket_is_read_loosely():
    op = one("第二条中「連結親法人（以下「連結親法人」を「通算法人（以下「通算法人」に改める。")
    assert (op.old, op.new) == ("連結親法人（以下「連結親法人", "通算法人（以下「通算法人")


def test_article_table_rows():
    op = one("第三十八条の表第七十条第二項の項中「A」を「B」に改める。")
    assert op.targets[0].steps == (Step("Article", (38,)), Step("TableStruct"), Step("TableRow", key="第七十条第二項"))
    assert one("第十条の表中「A」を「B」に改める。").targets[0].part == "table"
