"""Loading what users download from e-Gov: API v1 lawdata, API v2 law_data (XML, JSON, Base64) and JSON trees.

Contract (lawcode/io/loading.py, lawcode/io/egov_response.py, lawcode/io/json_tree.py):

* the format is read from the content, never from the file name;
* the ``<Law>`` inside a response is canonically equal to that element as it stands in the response, and
  ``law.to_xml()`` writes it back without the envelope;
* the envelope's metadata is kept on ``law.revision`` (a frozen :class:`lawcode.model.revision.Revision`,
  ``None`` for bare files);
* listings raise :class:`lawcode.NotALawError`, API error responses a :class:`lawcode.ParseError` quoting the
  API's message, and hostile or malformed JSON a ParseError naming a JSON path or a line and column;
* non-UTF-8 bytes get a "this file is not UTF-8 (looks like Shift_JIS): convert it with …" hint.

Corpus tests check every response file of the shared corpus against an independent reading with lxml/json.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from testsupport import SAMPLES, xml_to_json_tree
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import lawcode
from lawcode.errors import NotALawError
from lawcode.io import check_roundtrip
from lawcode.io.egov_response import revision_from_api
from lawcode.io.json_tree import MAX_ELEMENT_DEPTH
from lawcode.model.revision import AttachedFile, Revision

TINY_LAW = (
    '<Law Era="Reiwa" Year="1" Num="1" LawType="Act" Lang="ja"><LawNum>令和元年法律第一号</LawNum><LawBody>'
    '<LawTitle Kana="てすとほう">テスト法</LawTitle><MainProvision><Article Num="1"><ArticleTitle>第一条</ArticleTitle>'
    '<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence Num="1">本文<Ruby>罹<Rt>り</Rt></Ruby>災。'
    "</Sentence></ParagraphSentence></Paragraph></Article></MainProvision></LawBody></Law>"
)

V1_RESPONSE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<DataRoot>\n  <Result>\n    <Code>0</Code>\n    <Message/>\n'
    "  </Result>\n  <ApplData>\n    <LawId>501AC0000000001</LawId>\n    <LawNum/>\n    <LawFullText>\n      "
    + TINY_LAW
    + "\n    </LawFullText>\n    <ImageData>UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==</ImageData>\n  </ApplData>\n</DataRoot>\n"
)

LAW_INFO = {
    "law_type": "Act",
    "law_id": "501AC0000000001",
    "law_num": "令和元年法律第一号",
    "law_num_era": "Reiwa",
    "law_num_year": 1,
    "law_num_type": "Act",
    "law_num_num": "001",
    "promulgation_date": "2019-05-01",
}
REVISION_INFO = {
    "law_revision_id": "501AC0000000001_20200401_502AC0000000009",
    "law_type": "Act",
    "law_title": "テスト法",
    "law_title_kana": "てすとほう",
    "abbrev": "テ法,試法",
    "category": "行政組織",
    "updated": "2024-07-23T06:10:33+09:00",
    "amendment_promulgate_date": "2020-03-31",
    "amendment_enforcement_date": "2020-04-01",
    "amendment_enforcement_comment": None,
    "amendment_scheduled_enforcement_date": None,
    "amendment_law_id": "502AC0000000009",
    "amendment_law_title": "テスト法の一部を改正する法律",
    "amendment_law_title_kana": None,
    "amendment_law_num": "令和二年法律第九号",
    "amendment_type": "3",
    "repeal_status": "None",
    "repeal_date": None,
    "remain_in_force": False,
    "mission": "New",
    "current_revision_status": "CurrentEnforced",
}


def _xml_record(tag: str, fields: dict) -> str:
    def text(v: object) -> str:
        return "" if v is None else (str(v).lower() if isinstance(v, bool) else str(v))

    return f"<{tag}>" + "".join(f"<{k}>{text(v)}</{k}>" for k, v in fields.items()) + f"</{tag}>"


def v2_xml_response(full_text: str = TINY_LAW, revision_info: dict | None = None) -> str:
    return (
        "<law_data_response><attached_files_info/>"
        + _xml_record("law_info", LAW_INFO)
        + "\n"
        + _xml_record("revision_info", revision_info or REVISION_INFO)
        + "\n<law_full_text>"
        + full_text
        + "</law_full_text></law_data_response>"
    )


TINY_TREE = xml_to_json_tree(etree.fromstring(TINY_LAW.encode()))


def v2_json_response(full_text: object = None, **overrides: object) -> dict:
    body = {
        "attached_files_info": {
            "image_data": "",
            "attached_files": [
                {"law_revision_id": REVISION_INFO["law_revision_id"], "src": "./pict/X-001.jpg",
                 "updated": "2024-11-23T01:05:36+09:00"}
            ],
        },
        "law_info": LAW_INFO,
        "revision_info": REVISION_INFO,
        "law_full_text": TINY_TREE if full_text is None else full_text,
    }
    body.update(overrides)
    return body


def dumps(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def canonical_law_element(element: etree._Element) -> bytes:
    """Canonical form of one element as it stands inside a response (serialised alone by lxml)."""
    return lawcode.canonical_xml(etree.tostring(element, encoding="UTF-8"))


# --------------------------------------------------------------------------------------------------------
# hand-written responses: every shape loads and keeps its metadata
# --------------------------------------------------------------------------------------------------------


def test_bare_law_has_no_revision():
    law = lawcode.loads(TINY_LAW)
    assert law.revision is None
    assert lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml").revision is None


def test_v1_lawdata_response():
    law = lawcode.loads(V1_RESPONSE.encode(), "v1.xml")
    assert law.title == "テスト法"
    assert law.root.tag == "Law"
    rev = law.revision
    assert isinstance(rev, Revision)
    assert rev.origin == "api_v1/lawdata"
    assert (rev.law_id, rev.law_num, rev.result_code, rev.result_message) == ("501AC0000000001", None, "0", None)
    assert rev.revision_id is None  # v1 knows no revisions
    assert rev.image_zip() == base64.b64decode("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==")
    assert law.law_id == "501AC0000000001"  # the <Law> has no LawId attribute: the envelope's is used
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)
    assert not law.to_xml().lstrip().startswith(b"<DataRoot")
    assert b"DataRoot" not in law.to_xml()


def test_v1_positions_are_those_of_the_response():
    law = lawcode.loads(V1_RESPONSE)
    assert law.root.element.sourceline == V1_RESPONSE[: V1_RESPONSE.index("<Law ")].count("\n") + 1
    broken = V1_RESPONSE.replace("<LawBody>", "<LawBodyX>").replace("</LawBody>", "</LawBodyX>")
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.loads(broken, "v1.xml")
    assert info.value.line == V1_RESPONSE[: V1_RESPONSE.index("<Law ")].count("\n") + 1
    assert "LawBody" in str(info.value)


def test_v2_law_data_xml_response():
    law = lawcode.loads(v2_xml_response())
    rev = law.revision
    assert rev is not None and rev.origin == "api_v2/law_data"
    assert rev.revision_id == "501AC0000000001_20200401_502AC0000000009"
    assert rev.amendment_enforcement_date == date(2020, 4, 1) == rev.enforced
    assert rev.amendment_promulgate_date == date(2020, 3, 31)
    assert rev.promulgation_date == date(2019, 5, 1)
    assert rev.updated == datetime.fromisoformat("2024-07-23T06:10:33+09:00")
    assert rev.updated.utcoffset() is not None
    assert rev.law_num_year == 1 and isinstance(rev.law_num_year, int)
    assert rev.remain_in_force is False
    assert rev.amendment_enforcement_comment is None  # an empty element reads as None
    assert rev.abbreviations == ("テ法", "試法")
    assert rev.current_revision_status == "CurrentEnforced"
    assert rev.amendment_law_num == "令和二年法律第九号"
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)


def test_v2_law_data_json_response():
    law = lawcode.loads(dumps(v2_json_response()), "r.json")
    rev = law.revision
    assert rev is not None
    assert rev.revision_id == REVISION_INFO["law_revision_id"]
    assert rev.amendment_enforcement_date == date(2020, 4, 1)
    assert rev.attached_files == (
        AttachedFile("./pict/X-001.jpg", REVISION_INFO["law_revision_id"],
                     datetime.fromisoformat("2024-11-23T01:05:36+09:00")),
    )
    assert rev.image_data is None  # "" reads as None
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)


def test_xml_and_json_responses_give_the_same_revision():
    from_xml = lawcode.loads(v2_xml_response()).revision
    from_json = lawcode.loads(dumps(v2_json_response(attached_files_info={}))).revision
    assert from_xml == from_json


def test_json_element_tree():
    law = lawcode.loads(dumps(TINY_TREE))
    assert law.revision is None
    assert law.find("第一条").text() == lawcode.loads(TINY_LAW).find("第一条").text()
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)


def test_json_tree_quirks_of_real_responses():
    """Real v2 responses write ``"attr": ""`` for elements without attributes and omit empty children."""
    tree = json.loads(json.dumps(TINY_TREE))
    tree["children"][0]["attr"] = ""  # LawNum
    tree["children"][1]["children"][1]["children"][0]["children"][1]["children"][0].pop("children")  # ParagraphNum
    law = lawcode.loads(dumps(tree))
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)


def test_base64_full_text_both_ways():
    xml_in_json = v2_json_response(full_text=base64.b64encode(TINY_LAW.encode()).decode())
    law = lawcode.loads(dumps(xml_in_json))
    assert law.revision is not None and law.revision.revision_id == REVISION_INFO["law_revision_id"]
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)
    encoded = base64.encodebytes(dumps(TINY_TREE)).decode()  # with line breaks, as MIME encoders write it
    json_in_xml = v2_xml_response(full_text=encoded)
    law = lawcode.loads(json_in_xml)
    assert law.revision is not None and law.revision.amendment_law_id == "502AC0000000009"
    assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(TINY_LAW)


def test_revision_is_a_frozen_hashable_value():
    rev = lawcode.loads(v2_xml_response()).revision
    assert rev is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        rev.revision_id = "x"  # type: ignore[misc]
    assert hash(rev) == hash(dataclasses.replace(rev))
    payload = rev.as_dict()
    assert payload["amendment_enforcement_date"] == "2020-04-01"
    json.dumps(payload)  # plain data


def test_revision_from_api_for_a_client():
    """The constructor an API client will use: the same fields give the same object."""
    rev = revision_from_api(LAW_INFO, dict(REVISION_INFO, brand_new_field="x"))
    assert rev == dataclasses.replace(lawcode.loads(v2_xml_response()).revision, extra=rev.extra)
    assert ("revision_info.brand_new_field", "x") in rev.extra
    with pytest.raises(lawcode.ParseError, match="revision_info.amendment_enforcement_date"):
        revision_from_api(LAW_INFO, dict(REVISION_INFO, amendment_enforcement_date="2020-13-01"))
    with pytest.raises(ValueError, match="law_num_year"):
        revision_from_api(dict(LAW_INFO, law_num_year="x"), None, fail=lambda where, why: ValueError(where))


@pytest.mark.parametrize("name", ["law.txt", "law", "law.json", "response.xml", "tree.xml"])
def test_format_is_detected_from_content_not_extension(tmp_path, name):
    contents = {"law.txt": V1_RESPONSE.encode(), "law": dumps(v2_json_response()), "law.json": TINY_LAW.encode(),
                "response.xml": dumps(v2_json_response()), "tree.xml": dumps(TINY_TREE)}
    path = tmp_path / name
    path.write_bytes(contents[name])
    law = lawcode.load(path)
    assert law.title == "テスト法"
    assert law.source == str(path)


def test_binary_file_objects(tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(dumps(v2_json_response()))
    with path.open("rb") as handle:
        law = lawcode.load(handle)
    assert law.revision is not None


# --------------------------------------------------------------------------------------------------------
# what is not a law
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, words",
    [
        (dumps({"law_info": LAW_INFO, "revisions": [REVISION_INFO]}), "law_revisions"),
        (dumps({"total_count": 1, "count": 1, "next_offset": None, "laws": []}), "laws search"),
        (dumps({"total_count": 0, "sentence_count": 0, "items": []}), "keyword"),
        (b"<DataRoot><Result><Code>0</Code></Result><ApplData><LawNameListInfo/></ApplData></DataRoot>", "law list"),
        (b"<DataRoot><Result><Code>0</Code></Result><ApplData><LawContents/></ApplData></DataRoot>", "articles"),
        (b"<law_revisions_response><law_info/></law_revisions_response>", "revision history"),
        (b"<law_data_response><law_info/></law_data_response>", "law_full_text"),
        (dumps([1, 2]), "list"),
        (dumps({"tag": "Article", "attr": {"Num": "1"}, "children": []}), "<Article>"),
        (dumps(v2_json_response(full_text={"tag": "Article", "children": []})), "$.law_full_text"),
    ],
)
def test_listings_are_not_laws(data, words):
    with pytest.raises(NotALawError) as info:
        lawcode.loads(data, "x")
    assert words in str(info.value)
    assert isinstance(info.value, lawcode.ParseError)


def test_not_a_law_position_is_the_document_start():
    with pytest.raises(NotALawError) as info:
        lawcode.loads(b'\n\n  {"laws": []}', "x.json")
    assert (info.value.line, info.value.column) == (3, 3)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<DataRoot><Result><Code>1</Code><Message>\xe6\xb3\x95\xe4\xbb\xa4\xe3\x81\x8c\xe3\x81\x82\xe3\x82\x8a"
         b"\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93</Message></Result><ApplData/></DataRoot>", "法令がありません"),
        (dumps({"code": "404001", "message": "指定された法令が見つかりません"}), "404001"),
        (b"<error_info><code>400001</code><message>law_type wrong</message></error_info>", "law_type wrong"),
    ],
)
def test_api_error_responses_quote_the_api(data, message):
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.loads(data)
    assert not isinstance(info.value, NotALawError)  # a failed download, not a document to skip
    assert message in str(info.value)
    assert "error response" in str(info.value)


# --------------------------------------------------------------------------------------------------------
# hostile and malformed input
# --------------------------------------------------------------------------------------------------------


def _element_path(depth: int) -> dict:
    node: dict = {"tag": "Sentence", "children": ["x"]}
    for _ in range(depth):
        node = {"tag": "Ruby", "children": [node]}
    return {"tag": "Law", "children": [{"tag": "LawBody", "children": [node]}]}


@pytest.mark.parametrize(
    "data, where, words",
    [
        (b"[" * 100_000 + b"]" * 100_000, (1, None), "nested too deeply"),
        (b'{"tag": "Law", "children": [' + b'{"tag": "x", "children": [' * 5000 + b"]}" * 5000 + b"]}",
         (1, None), "nested too deeply"),
        (dumps(_element_path(MAX_ELEMENT_DEPTH + 5)), None, "nested more than 256"),
        (b'{"tag": "Law", "attr": {"Num": 1' + b"0" * 5000 + b"}}", (1, 32), "5001 digits"),
        (b'{"tag": "Law", "attr": {"Num": 1e999}}', (1, 32), "out of range"),
        (b'{"tag": "Law", "attr": {"Num": NaN}}', (1, 32), "NaN"),
        (b'{"tag": "Law", "tag": "DataRoot"}', (1, 16), "duplicate key"),
        (b'{"tag": "Law", "children": [}', (1, 29), "not well-formed JSON"),
        (b'{"tag": 5}', None, "$.tag"),
        (b'{"tag": "{http://x}Law"}', None, "$.tag"),
        (b'{"tag": "a:Law"}', None, "$.tag"),
        (b'{"tag": "Law", "attr": ["Num"]}', None, "$.attr"),
        (b'{"tag": "Law", "attr": {"Num": 1}}', None, "$.attr.Num"),
        (b'{"tag": "Law", "attr": {"x y": "1"}}', None, "$.attr"),
        (b'{"tag": "Law", "children": {"tag": "LawBody"}}', None, "$.children"),
        (b'{"tag": "Law", "children": [1]}', None, "$.children[0]"),
        (b'{"tag": "Law", "children": [{"tag": "LawBody", "children": ["\\u0000"]}]}', None, "$.children[0].children[0]"),
        (b'{"tag": "Law", "kids": []}', None, "'kids'"),
        (dumps(v2_json_response(law_info=[1])), None, "$.law_info"),
        (dumps(v2_json_response(revision_info=dict(REVISION_INFO, amendment_enforcement_date="2020-02-30"))), None,
         "$.revision_info.amendment_enforcement_date"),
        (dumps(v2_json_response(revision_info=dict(REVISION_INFO, remain_in_force="maybe"))), None,
         "$.revision_info.remain_in_force"),
        (dumps(v2_json_response(attached_files_info={"attached_files": [{"src": 1}]})), None,
         "$.attached_files_info.attached_files[0]"),
        (dumps(v2_json_response(full_text="not base64!")), None, "Base64"),
        (dumps(v2_json_response(full_text=base64.b64encode(V1_RESPONSE.encode()).decode())), None,
         "another API response"),
    ],
    ids=[
        "deep-arrays", "deep-elements-beyond-parser", "deep-elements", "huge-int", "huge-float", "nan",
        "duplicate-key", "truncated", "tag-not-string", "tag-namespace", "tag-prefix", "attr-not-object",
        "attr-value-number", "attr-name-invalid", "children-not-array", "child-number", "nul-in-text",
        "unknown-key", "law-info-not-object", "bad-date", "bad-boolean", "attached-without-src", "bad-base64",
        "base64-envelope-in-envelope",
    ],
)
def test_hostile_and_malformed_json(data, where, words):
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.loads(data, "h.json")
    err = info.value
    assert words in str(err), str(err)
    assert err.source.startswith("h.json")
    if where is not None:
        line, column = where
        assert err.line == line, err
        if column is not None:
            assert err.column == column, err


def test_hostile_json_from_a_file_names_the_file(tmp_path):
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 50_000)
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.load(path)
    assert str(info.value).startswith(f"{path}:")


def test_json_size_limit(monkeypatch):
    from lawcode.io import json_tree

    monkeypatch.setattr(json_tree, "MAX_BYTES", 100)
    with pytest.raises(lawcode.ParseError, match="larger than"):
        json_tree.parse_json_bytes(dumps(TINY_TREE))


@pytest.mark.parametrize(
    "doc",
    [
        '<!DOCTYPE DataRoot [<!ENTITY a "aaaa">]><DataRoot><ApplData><LawFullText>' + TINY_LAW.replace("本文", "&a;")
        + "</LawFullText></ApplData></DataRoot>",
        '<?xml version="1.0"?>\n<!DOCTYPE law_data_response [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        + v2_xml_response().replace("テスト法</law_title>", "&x;</law_title>"),
    ],
    ids=["entity-in-v1", "xxe-in-v2"],
)
def test_entities_in_envelopes_are_refused(doc):
    with pytest.raises(lawcode.ParseError, match="DTD internal subsets"):
        lawcode.loads(doc)


def test_entities_in_a_base64_full_text_are_refused():
    xxe = '<!DOCTYPE Law [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + TINY_LAW.replace("本文", "&x;")
    data = dumps(v2_json_response(full_text=base64.b64encode(xxe.encode()).decode()))
    with pytest.raises(lawcode.ParseError, match="DTD internal subsets") as info:
        lawcode.loads(data, "r.json")
    assert "Base64" in info.value.source  # the error says it is inside the decoded full text


def test_check_roundtrip_reports_bad_json_instead_of_raising(tmp_path):
    path = tmp_path / "deep.json"
    path.write_bytes(b'{"tag": "Law", "children": [' * 3000)
    result = check_roundtrip(path)
    assert result.ok is False and not result.skipped
    assert result.difference and str(path) in result.difference


def test_deep_xml_envelope_is_refused():
    doc = "<DataRoot>" + "<ApplData>" * 300 + "</ApplData>" * 300 + "</DataRoot>"
    with pytest.raises(lawcode.ParseError, match="256 levels"):
        lawcode.loads(doc)


# --------------------------------------------------------------------------------------------------------
# non-UTF-8 bytes
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding, name", [("cp932", "Shift_JIS"), ("shift_jis", "Shift_JIS"), ("euc_jp", "EUC-JP")])
@pytest.mark.parametrize("shape", ["xml", "v1", "json"])
def test_undeclared_legacy_encoding_gets_a_hint(tmp_path, encoding, name, shape):
    text = {"xml": TINY_LAW, "v1": V1_RESPONSE.replace(' encoding="UTF-8"', ""),
            "json": json.dumps(v2_json_response(), ensure_ascii=False)}[shape]
    path = tmp_path / f"law.{'json' if shape == 'json' else 'xml'}"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.load(path)
    message = str(info.value)
    assert f"this file is not UTF-8 (looks like {name})" in message
    assert "convert it with `iconv" in message and str(path) in message
    assert info.value.line is not None  # the first byte that is not UTF-8


def test_declared_shift_jis_gets_the_conversion_command():
    data = ('<?xml version="1.0" encoding="Shift_JIS"?>\n' + TINY_LAW).encode("cp932")
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.loads(data, "sj.xml")
    assert "iconv -f CP932 -t UTF-8 sj.xml" in str(info.value)


def test_random_bytes_get_no_false_encoding_guess():
    data = TINY_LAW.encode().replace("本文".encode(), b"\xff\xfe\xfd")
    with pytest.raises(lawcode.ParseError) as info:
        lawcode.loads(data)
    assert "looks like" not in str(info.value)
    assert "not UTF-8" in str(info.value)


# --------------------------------------------------------------------------------------------------------
# properties: any element tree survives JSON
# --------------------------------------------------------------------------------------------------------

_names = st.sampled_from(["Sentence", "Ruby", "Rt", "Line", "Sup", "Sub", "Column", "Item", "QuoteStruct"])
_text = st.text(alphabet=st.sampled_from(list("本文　 \n、。（）ab1２&<>\"'")), max_size=6)


@st.composite
def _element(draw, depth: int = 0) -> etree._Element:
    e = etree.Element(draw(_names))
    for key in draw(st.lists(st.sampled_from(["Num", "WritingMode", "Style", "Hide"]), max_size=3, unique=True)):
        e.set(key, draw(_text))
    e.text = draw(_text) or None
    if depth < 3:
        for child in draw(st.lists(_element(depth + 1), max_size=3)):
            child.tail = draw(_text) or None
            e.append(child)
    return e


@given(_element())
def test_json_tree_round_trip_property(inner):
    law = etree.fromstring(TINY_LAW.encode())
    paragraph = law.find(".//ParagraphSentence")
    paragraph.append(inner)
    loaded = lawcode.loads(dumps(xml_to_json_tree(law)))
    assert lawcode.canonical_xml(loaded.to_xml()) == canonical_law_element(law)


# --------------------------------------------------------------------------------------------------------
# the real responses of the corpus
# --------------------------------------------------------------------------------------------------------


def _files(corpus: Path, pattern: str) -> list[Path]:
    files = sorted(corpus.glob(pattern))
    assert files, f"no {pattern} in {corpus}"
    return files


@pytest.mark.corpus
def test_corpus_v1_lawdata_responses(corpus):
    for path in _files(corpus, "api_v1/lawdata/*.xml"):
        envelope = etree.parse(str(path)).getroot()
        law = lawcode.load(path)
        assert law.revision is not None and law.revision.origin == "api_v1/lawdata", path
        assert law.revision.law_id == envelope.findtext("ApplData/LawId"), path
        assert law.law_id == envelope.findtext("ApplData/LawId"), path
        assert law.revision.result_code == "0"
        expected = canonical_law_element(envelope.find("ApplData/LawFullText/Law"))
        assert lawcode.canonical_xml(law.to_xml()) == expected, path
        # the same <Law> that the corpus cut out of this response byte for byte
        law_id = envelope.findtext("ApplData/LawId")
        (extracted,) = (corpus / "egov" / law_id).glob("*_v1api_extracted.xml")
        assert lawcode.canonical_xml(extracted.read_bytes()) == expected, path
        assert check_roundtrip(path).ok, path


@pytest.mark.corpus
def test_corpus_v2_law_data_xml_responses(corpus):
    for path in _files(corpus, "amendments/revisions/*.law_data_response.xml"):
        envelope = etree.parse(str(path)).getroot()
        law = lawcode.load(path)
        rev = law.revision
        revision_id = path.name.removesuffix(".law_data_response.xml")
        assert rev is not None and rev.origin == "api_v2/law_data", path
        assert rev.revision_id == revision_id == envelope.findtext("revision_info/law_revision_id")
        assert rev.law_id == envelope.findtext("law_info/law_id") == revision_id.split("_")[0]
        assert rev.amendment_enforcement_date == date.fromisoformat(
            envelope.findtext("revision_info/amendment_enforcement_date")
        )
        assert rev.amendment_enforcement_date.strftime("%Y%m%d") == revision_id.split("_")[1]
        assert rev.current_revision_status == envelope.findtext("revision_info/current_revision_status")
        assert rev.title == law.title == envelope.findtext("revision_info/law_title")
        assert rev.law_num == law.law_num
        expected = canonical_law_element(envelope.find("law_full_text/Law"))
        assert lawcode.canonical_xml(law.to_xml()) == expected, path
        sibling = path.with_name(revision_id + ".xml")
        assert lawcode.canonical_xml(sibling.read_bytes()) == expected, path
        assert check_roundtrip(path).ok, path


@pytest.mark.corpus
def test_corpus_v2_json_trees_equal_the_xml_of_the_same_revision(corpus):
    for path in _files(corpus, "api_v2/law_full_text_json/*.json"):
        law = lawcode.load(path)
        assert law.revision is None
        xml = next((corpus / "egov_versions").glob(f"*/{path.stem}.xml"))
        assert lawcode.canonical_xml(law.to_xml()) == lawcode.canonical_xml(xml.read_bytes()), path
        tree = json.loads(path.read_text(encoding="utf-8"))
        assert law.law_id == tree["attr"]["LawId"]


@pytest.mark.corpus
def test_corpus_v2_json_law_data_sample(corpus):
    path = corpus / "api_v2" / "samples" / "law_data_411AC0000000127_sample.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    law = lawcode.load(path)
    rev = law.revision
    assert rev is not None
    assert rev.revision_id == raw["revision_info"]["law_revision_id"]
    assert rev.abbreviations == tuple(raw["revision_info"]["abbrev"].split(","))
    assert [f.src for f in rev.attached_files] == [f["src"] for f in raw["attached_files_info"]["attached_files"]]
    assert law.title == raw["revision_info"]["law_title"]
    assert law.law_num == raw["law_info"]["law_num"]
    # Base64 variant of the same response (what the API sends when the full-text format differs)
    xml = law.to_xml()
    encoded = dict(raw, law_full_text=base64.b64encode(xml).decode())
    again = lawcode.loads(dumps(encoded))
    assert again.revision == rev
    assert lawcode.canonical_xml(again.to_xml()) == lawcode.canonical_xml(xml)


@pytest.mark.corpus
def test_corpus_listings_are_skipped_not_failed(corpus):
    listings = [
        *sorted((corpus / "api_v2" / "law_revisions").glob("*.json")),
        corpus / "api_v2" / "samples" / "laws_sample.json",
        corpus / "api_v2" / "samples" / "keyword_search_sample.json",
        corpus / "api_v1" / "samples" / "updatelawlists_20230201.xml",
    ]
    for path in listings:
        with pytest.raises(NotALawError):
            lawcode.load(path)
    assert check_roundtrip(listings[-1], skip_other_roots=True).skipped


@pytest.mark.corpus
def test_corpus_responses_load_whatever_their_name(corpus, tmp_path):
    for source in (next((corpus / "api_v1" / "lawdata").glob("*.xml")),
                   next((corpus / "amendments" / "revisions").glob("*.law_data_response.xml")),
                   next((corpus / "api_v2" / "law_full_text_json").glob("*.json"))):
        renamed = tmp_path / "download.bin"
        shutil.copyfile(source, renamed)
        assert lawcode.canonical_xml(lawcode.load(renamed).to_xml()) == lawcode.canonical_xml(
            lawcode.load(source).to_xml()
        )
