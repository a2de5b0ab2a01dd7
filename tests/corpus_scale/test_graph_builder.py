"""GraphBuilder: the graph does not depend on the order the partitions arrive in, and nothing is left to settle
once the last one is in; the collector never walks what it built."""

from __future__ import annotations

import gc
import itertools

from lawcode.corpus import GraphBuilder, tables


def _edges(rows: list[dict]) -> tables.Columns:
    """Edge columns from rows that name only what matters here (the rest is filled in)."""
    base = {"src": "", "dst": "", "src_law": "", "src_path": "", "src_label": "", "dst_law": "", "dst_path": "",
            "kind": "internal", "text": "", "span_start": 0, "span_end": 0, "resolved": True, "reason": None,
            "part": None}
    return {name: [{**base, **row}[name] for row in rows] for name in tables.EDGE_COLUMNS}


def _law(law: str, title: str) -> dict:
    return {"src": law, "src_law": law, "src_label": title}


def _cite(law: str, path: str, label: str, target_law: str, target: str, text: str = "") -> dict:
    return {"src": f"{law}/{path}", "dst": f"{target_law}/{target}" if target else target_law, "src_law": law,
            "src_path": path, "src_label": label, "dst_law": target_law, "dst_path": target, "text": text}


# law A cites a provision of law B and B as a whole; B's own partition has that provision citing something
PART_A = _edges([_law("A", "甲法"), _cite("A", "MainProvision-Article_1", "第一条", "B", "MainProvision-Article_2"),
                 _cite("A", "MainProvision-Article_1", "第一条", "B", "", text="乙法"),
                 _cite("A", "MainProvision-Article_1", "第一条", "C", "MainProvision-Article_9")])
PART_B = _edges([_law("B", "乙法"), _cite("B", "MainProvision-Article_2", "第二条", "B", "MainProvision-Article_1"),
                 _cite("B", "MainProvision-Article_2", "第二条", "B", "MainProvision-Article_1", text="again")])


def _built(parts: list[tables.Columns]):
    builder = GraphBuilder()
    for part in parts:
        builder.add(part)
    return builder.graph()


def test_the_graph_is_the_same_in_any_arrival_order():
    graphs = [_built(list(order)) for order in itertools.permutations([PART_A, PART_B])]
    first = graphs[0]
    for g in graphs[1:]:
        assert dict(g.nodes(data=True)) == dict(first.nodes(data=True))
        assert sorted(g.edges(keys=True, data=True), key=repr) == sorted(first.edges(keys=True, data=True), key=repr)
    nodes = dict(first.nodes(data=True))
    assert nodes["B"] == {"law": "B", "path": "", "label": "乙法"}  # a law's node: its title, though also cited
    assert nodes["B/MainProvision-Article_2"]["label"] == "第二条"  # cited by A, citing in B: B's label
    assert nodes["C/MainProvision-Article_9"] == {"law": "C", "path": "MainProvision-Article_9", "label": ""}
    assert nodes["B/MainProvision-Article_1"]["label"] == ""  # only cited
    assert sorted(k for _, _, k in first.edges("B/MainProvision-Article_2", keys=True)) == [0, 1]


def test_a_partition_read_back_from_its_frame_gives_the_same_graph():
    from_frames = _built([tables.frame(p, tables.EDGE_SCHEMA) for p in (PART_B, PART_A)])
    assert dict(from_frames.nodes(data=True)) == dict(_built([PART_A, PART_B]).nodes(data=True))


def test_what_a_kept_block_allocates_is_not_left_to_the_young_collection():
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with tables.collector_paused(keep=True):
            assert not gc.isenabled()
            kept = [{"n": [i]} for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_count()[0] < 100  # the young generation's count starts again
        young = {id(o) for o in gc.get_objects(generation=0)}
        assert not any(id(o) in young for o in kept)
        assert any(kept[0] is o for o in gc.get_objects(generation=2))
    finally:
        if not was_enabled:
            gc.disable()


def test_a_programs_own_frozen_objects_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with tables.collector_paused(keep=True):
            [{"n": [i]} for i in range(10)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
