"""The trace model and its file formats: YAML/JSON/CSV round trips, needs.json, errors and unlinked rows."""

from __future__ import annotations

import json

import pytest

from lawcode.errors import TraceError
from lawcode.impact import (
    Link,
    Trace,
    TraceItem,
    read_needs,
    read_trace,
    to_needs,
    trace_from_dict,
    write_trace,
)

YAML = """\
format: lawcode-trace/1
defaults: {law: 試験法, kind: requirement, edition: 第1版}
items:
  - id: R-1
    title: 届出を受け付けること
    attributes: {system: 届出システム}
    links:
      - {address: 第二条, kind: 根拠, fingerprint: abc, law_version: old}
  - id: R-2
    title: リンクなし
    links: []
"""


def _trace() -> Trace:
    return Trace([TraceItem("R-1", "requirement", "届出", {"system": "S"}, [Link("試験法", "第二条", "参照", "fp", "old")]),
                  TraceItem("P-1", "procedure", "申請", {"所管府省庁": "総務省"}, [Link("試験法", "第三条第一項")])])


def test_yaml_defaults_fill_items_and_links(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(YAML, encoding="utf-8")
    trace = read_trace(path)
    item = trace["R-1"]
    assert item.kind == "requirement" and item.attributes == {"system": "届出システム"}
    assert item.links == [Link("試験法", "第二条", "根拠", "abc", "old")]
    assert item.provenance.edition == "第1版" and item.provenance.file == str(path)
    # an item without links is kept and also listed as unlinked, with the reason
    assert "R-2" in trace and [u.reason for u in trace.unlinked] == ["item without links"]


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
def test_round_trip(tmp_path, suffix):
    path = tmp_path / f"t{suffix}"
    write_trace(_trace(), path)
    back = read_trace(path)
    assert [i.id for i in back] == ["R-1", "P-1"]
    assert back["R-1"].links == _trace()["R-1"].links
    assert back["P-1"].attributes["所管府省庁"] == "総務省"


def test_csv_rows_with_the_same_id_are_one_item_and_bad_rows_are_unlinked(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,title,law,address,system\nA,甲,試験法,第一条,S\nA,甲,試験法,第二条,S\nB,乙,,第三条,S\n,丙,試験法,第四条,S\n",
                    encoding="utf-8")
    trace = read_trace(path)
    assert [k.address for k in trace["A"].links] == ["第一条", "第二条"]
    assert sorted(u.reason for u in trace.unlinked) == ["row without id", "row without law"]
    assert trace.unlinked[0].provenance.row is not None


def test_errors_name_the_file_and_item(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("items:\n  - {title: no id}\n", encoding="utf-8")
    with pytest.raises(TraceError) as info:
        read_trace(bad)
    assert "item 1" in str(info.value.where)
    broken = tmp_path / "broken.yaml"
    broken.write_text("items: [\n", encoding="utf-8")
    with pytest.raises(TraceError) as info:
        read_trace(broken)
    assert str(broken) in str(info.value.where)
    with pytest.raises(TraceError):
        trace_from_dict({"format": "other/9", "items": []})
    with pytest.raises(TraceError):
        read_trace(tmp_path / "missing.yaml")


def test_duplicate_ids_are_refused():
    trace = _trace()
    with pytest.raises(TraceError, match="duplicate"):
        trace.add(TraceItem("R-1", "requirement"))
    with pytest.raises(TraceError):
        trace + Trace([TraceItem("P-1", "procedure")])


def test_needs_json_export_and_import(tmp_path):
    data = to_needs(_trace())
    need = data["versions"]["1.0"]["needs"]["R-1"]
    assert need["law_links"] == ["試験法:第二条"] and need["type"] == "requirement"
    path = tmp_path / "needs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    back = read_needs(path)
    assert [i.id for i in back] == ["R-1", "P-1"]
    assert back["P-1"].links[0].law == "試験法" and back["P-1"].links[0].address == "第三条第一項"
    assert [i.id for i in read_trace(path)] == ["R-1", "P-1"]  # read_trace recognises needs.json too
