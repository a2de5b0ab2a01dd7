"""Real version pairs of the shared corpus: ``apply`` rebuilds every new version exactly, renumbering is
reported as such where the amendments renumber, and serialisation variants have no changes."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.diff import diff

from testsupport import corpus_dir
from diff_corpus_pairs import version_pairs

_BASE = corpus_dir()
_PAIRS = version_pairs(_BASE) if _BASE is not None else []
#: The corpus holds 302 real pairs (egov/ 18, egov_versions/ 49, version_pairs/ 219, amendments/ 16).
MIN_PAIRS = 300


@pytest.mark.corpus
def test_the_corpus_has_all_its_pairs(corpus):
    assert len(version_pairs(corpus)) >= MIN_PAIRS


@pytest.mark.corpus
@pytest.mark.parametrize("pair", _PAIRS or [None], ids=[p[0] for p in _PAIRS] or ["no-corpus"])
def test_apply_rebuilds_the_new_version(corpus, pair):
    if pair is None:
        pytest.skip("no pairs")
    _, a, b = pair
    old, new = lawcode.load(a), lawcode.load(b)
    d = diff(old, new)
    assert lawcode.canonical_xml(d.apply(old)) == lawcode.canonical_xml(new)
    for c in d.changes:  # every change has an address on one side at least, and spans inside its texts
        assert c.old_path or c.new_path
        assert all(0 <= s < e <= len(c.old_text) for s, e in c.old_spans)
        assert all(0 <= s < e <= len(c.new_text) for s, e in c.new_spans)
    for old_path, new_path in d.lineage.items():
        assert old_path in old and new_path in new
    for c in d.changes:  # a renumbered or moved provision is followed by the lineage, never deleted + added
        if c.kind in ("renumbered", "moved"):
            assert d.lineage[c.old_path] == c.new_path
            assert d.lineage.back(c.new_path) == c.old_path


def _pair(corpus, before: str, after: str):
    base = corpus / "amendments" / "revisions"
    old, new = lawcode.load(base / before), lawcode.load(base / after)
    return old, new, diff(old, new)


@pytest.mark.corpus
def test_shakuchi_shakka_article_38_paragraph_shifts(corpus):
    # 令和3年法律第37号 第35条: 第三十八条中第七項を第九項とし、第四項から第六項までを二項ずつ繰り下げ …
    old, new, d = _pair(corpus, "403AC0000000090_20210519_503AC0000000037.xml",
                        "403AC0000000090_20220518_503AC0000000037.xml")
    p = "MainProvision-Article_38-Paragraph_"
    assert {k: d.lineage[p + str(k)] for k in range(1, 8)} == {
        1: p + "1", 2: p + "3", 3: p + "5", 4: p + "6", 5: p + "7", 6: p + "8", 7: p + "9"}
    added = {c.new_path for c in d.changes if c.kind == "added"}
    assert {p + "2", p + "4"} <= added
    texts = {(c.old_label, c.new_label): ([c.old_text[a:b] for a, b in c.old_spans],
                                          [c.new_text[a:b] for a, b in c.new_spans])
             for c in d.changes if c.kind == "text_changed"}
    # 同条第三項中「前項」を「第三項」に改め … 同条第二項中「前項」を「第一項」に改め
    assert texts[("第三十八条第三項", "第三十八条第五項")] == (["前項"], ["第三項"])
    assert texts[("第三十八条第二項", "第三十八条第三項")] == (["前項"], ["第一項"])


@pytest.mark.corpus
def test_ryokangyo_articles_shifted_by_branch_numbers(corpus):
    # 令和5年法律第52号 第1条: 第三条の四を第三条の五とし、第三条の三を第三条の四とし、第三条の二を第三条の三とし …
    old, new, d = _pair(corpus, "323AC0000000138_20230713_505AC0000000067.xml",
                        "323AC0000000138_20231213_505AC0000000052.xml")
    renumbered = {(c.old_label, c.new_label) for c in d.changes if c.kind == "renumbered"}
    assert {("第三条の二", "第三条の三"), ("第三条の三", "第三条の四"), ("第三条の四", "第三条の五")} <= renumbered
    assert not any(c.kind == "deleted" and c.tag == "Article" for c in d.changes)


@pytest.mark.corpus
def test_two_serialisations_of_one_revision(corpus):
    base = corpus / "egov" / "405AC0000000088"
    a = lawcode.load(base / "405AC0000000088_20180401_429AC0000000004.xml")
    b = lawcode.load(base / "405AC0000000088_20180401_429AC0000000004_lawtext-serialization.xml")
    d = diff(a, b)
    # the variant writes a few elided item ranges differently (SOURCES.md: "text also differs slightly");
    # everything else — indentation, attribute order, extra attributes — is not a change
    assert len(d.changes) < 10
    assert not any(c.tag == "Article" for c in d.changes)
    assert lawcode.canonical_xml(d.apply(a)) == lawcode.canonical_xml(b)


@pytest.mark.corpus
def test_timeline_of_a_version_series(corpus):
    from lawcode.diff import timeline

    files = sorted((corpus / "egov_versions" / "405AC0000000047").glob("*.xml"))  # 不正競争防止法, 14 revisions
    versions = [lawcode.load(f) for f in files]
    tl = timeline(versions)
    changed = list(tl.changed())
    assert len(tl.diffs) == len(versions) - 1 and changed
    for h in changed:
        for e in h.events:
            assert e.version in h.paths or e.kinds == ("deleted",)
            # every file is named by its e-Gov revision id, so the amending law and date are known
            assert e.enforcement_date is not None
            if files[e.version].name.split("_")[2] != "000000000000000.xml":
                assert e.amending_law_num
    # a provision's path in each version is where the lineage took it
    for h in tl:
        ks = sorted(h.paths)
        for k0, k1 in zip(ks, ks[1:], strict=False):
            if k1 == k0 + 1:
                assert tl.diffs[k0].lineage.get(h.paths[k0]) == h.paths[k1]
