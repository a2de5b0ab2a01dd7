"""Generate an 改め文 from two versions of a law (domain.md §4.4): ``lawcode.kaimebun(lawcode.diff(old, new))``.

The generator walks the two trees together, provision by provision (children matched by element and
``Num``), and writes one sentence per location in document order:

* text changes inside a provision whose structure did not change become phrase edits
  (「A」を「B」に改める / 「A」を削る / 「A」の下に「B」を加める), each quoted with just enough context to occur once in
  its scope (:mod:`lawcode.amend.quote`). Every edit is performed on a working copy with the applier's own
  code (:func:`~lawcode.amend.textedit.replace_everywhere`), so the next one is chosen against the text it
  will meet;
* captions: 「第N条の見出しを「（…）」に改める」, 「…の前に見出しとして「（…）」を付する」, 「…の見出しを削る」;
* provisions that only exist in the old version are deleted (「第N条を削る」), provisions that only exist in
  the new one are added after their predecessor (「第N条の次に次の二条を加える」) with their text as printed;
* anything else (a changed structure, inline markup that a phrase edit cannot reproduce) is rewritten whole
  (「第N条を次のように改める」) — the *coarse* operation, counted in :attr:`Kaimebun.coarse`.

Correctness of the round trip comes first: ``amend(old, text).law`` must equal ``new`` (改正附則 excluded).
Before a provision is quoted as text the generator reads its own text back with the applier's fragment reader
and compares; provisions that cannot be written as text (tables, figures, ruby …) are listed in
:attr:`Kaimebun.problems` instead of being silently wrong.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree
from rapidfuzz import fuzz

from lawcode.amend.apply import (
    Applier,
    _CAPTION_TAGS as _CAPTIONS,
    _CONTAINER_TITLES,
    _CONTAINERS,
    _SENTENCE_GROUPS,
    _LABEL_TAGS,
    _apply_defaults,
    settle_read,
    _detect_style,
    _learn_defaults,
    _num_tuple,
    _placeholders_like,
    read_preamble,
)
from lawcode.amend.appendix import (
    APPENDIX_TAGS,
    Profile,
    conform,
    give_number,
    learn_profile,
    read_appendices,
    write_appendix,
)
from lawcode.amend.export_rules import sentence_blind
from lawcode.amend.locate import appendix_head, appendix_num, label_of
from lawcode.amend.parse import parse_sentence
from lawcode.amend.quote import next_edit
from lawcode.amend.ruby import ruby_to_text, text_to_ruby
from lawcode.amend.tables import cell_defaults, read_paragraphs, read_provisions, write_provisions
from lawcode.amend.textedit import _block_pieces, _get, blocks, replace_everywhere
from lawcode.errors import AmendError, LawcodeError
from lawcode.io.text import FragmentStyle, read_fragment, read_toc
from lawcode.io.xml_law import canonical_xml
from lawcode.model.law import Law
from lawcode.model.tags import CONTAINER_TAGS, SUBITEM_TAGS, UNIT_OF_TAG
from lawcode.text.numerals import int_to_kanji

__all__ = ["NOT_PARTIAL", "Kaimebun", "generate", "kaimebun"]

#: How :attr:`Kaimebun.problems` starts when the two versions are not related by an 一部改正 at all (another law,
#: with a new law number): no 改め文 of the kind 「…の一部を次のように改正する。」 can turn one into the other.
NOT_PARTIAL = "not a partial amendment"

_FW = "\u3000"
_KANJI_DIGITS = frozenset("〇一二三四五六七八九十百千0123456789０１２３４５６７８９")
_PROVISION_TAGS = frozenset(("Article", "Paragraph", "Item") + SUBITEM_TAGS + CONTAINER_TAGS)
_TITLE_NAME = {"Part": "編名", "Chapter": "章名", "Section": "節名", "Subsection": "款名", "Division": "目名"}


@dataclass
class Kaimebun:
    """A generated 改め文: ``text`` (preamble and sentences), the ``sentences`` alone, how many of them are
    coarse whole rewrites (``coarse``) and phrase edits (``phrase``), and ``problems``: provisions whose new
    text cannot be written so that the applier reads it back exactly (the round trip will not be exact)."""

    text: str
    sentences: list[str] = field(default_factory=list)
    coarse: int = 0
    phrase: int = 0
    problems: list[str] = field(default_factory=list)
    #: Provisions written whose new export cuts or marks sentences otherwise than their text implies (rule
    #: ``sentence boundaries`` of :mod:`lawcode.amend.export_rules`): the applier reads the text back with the
    #: sentences its words imply, equal to the export once sentence boundaries are ignored.
    boundaries: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text


def kaimebun(diff: object) -> str:
    """The 改め文 that turns ``diff.old`` into ``diff.new`` (a :class:`~lawcode.diff.LawDiff`), as text.

    Round trip: ``lawcode.amend(old, kaimebun(lawcode.diff(old, new))).law`` equals *new* except for the
    改正附則. See :func:`generate` for the details (coarse operations, problems).
    """
    old = getattr(diff, "old", None)
    new = getattr(diff, "new", None)
    if not isinstance(old, Law) or not isinstance(new, Law):
        raise AmendError(f"kaimebun() takes a LawDiff (lawcode.diff(old, new)), got {type(diff).__name__}",
                         where="kaimebun()")
    return generate(old, new).text


def generate(old: Law, new: Law) -> Kaimebun:
    """Generate the 改め文 from *old* to *new* (both :class:`~lawcode.model.law.Law`) with its statistics."""
    for law, name in ((old, "old"), (new, "new")):
        if not isinstance(law, Law):
            raise AmendError(f"generate() takes two Law objects; {name} is {type(law).__name__}",
                             where="kaimebun()")
    return _Generator(old, new).run()


# -- helpers ---------------------------------------------------------------------------------------------------

def _body(law: Law) -> etree._Element:
    root = copy.deepcopy(law.root.element)
    body = root.find("LawBody")
    if body is None:
        raise AmendError("the law has no <LawBody>", where=str(law.source or "<law>"))
    for s in list(body.iter("SupplProvision")):
        if s.get("AmendLawNum") is not None:
            parent = s.getparent()
            if parent is not None:
                parent.remove(s)
    return body


def _canon(e: etree._Element) -> bytes:
    return canonical_xml(copy.deepcopy(e))


def _canon_list(es: list[etree._Element]) -> bytes:
    holder = etree.Element("_")
    for e in es:
        holder.append(copy.deepcopy(e))
    return canonical_xml(holder)


def _block_text(b: etree._Element) -> str:
    return "".join(_get(p) for p in _block_pieces(b))


def _skeleton(e: etree._Element, *, skip: frozenset[str] = frozenset()) -> tuple[object, ...]:
    """Structure without text (tags and attributes, recursively), leaving out children tagged in *skip*."""
    return (e.tag, tuple(sorted(e.attrib.items())),
            tuple(_skeleton(c, skip=skip) for c in e if isinstance(c.tag, str) and c.tag not in skip))


def _key(e: etree._Element) -> tuple[str, str]:
    return (str(e.tag), e.get("Num") or "")


def _num(e: etree._Element) -> tuple[int, ...]:
    return _num_tuple(e.get("Num"))


def _hi(e: etree._Element) -> int:
    num = e.get("Num") or "0"
    try:
        return int(num.split(":")[-1].split("_")[0])
    except ValueError:
        return 0


def _short(label: str, like: str) -> str:
    """*label* without the prefix it shares with *like* up to the last unit (第九条第一項第六号 → 第六号)."""
    common = 0
    while common < min(len(label), len(like)) and label[common] == like[common]:
        common += 1
    cut = 0
    for i in range(common):
        if label[i] in "条項号）":
            j = i + 1
            while label[j:j + 1] == "の":  # a branch number belongs to its unit: 第二十二条の三
                j += 1
                while j < len(label) and label[j] in _KANJI_DIGITS:
                    j += 1
            if j == i + 1 or j <= common:
                cut = j
    return label[cut:] or label


def _sig(e: etree._Element) -> bytes:
    """Canonical XML of *e* without its own number (to recognise a renumbered provision)."""
    c = copy.deepcopy(e)
    c.attrib.pop("Num", None)
    for tag in (c.tag + "Title", "ParagraphNum"):
        t = c.find(tag)
        if t is not None:
            t.text = None
    c.tail = None
    return canonical_xml(c)


#: Texts compared for similarity are cut to this length: enough to tell provisions apart.
_SIMILAR_CHARS = 5000


def _similar(a: etree._Element, b: etree._Element) -> bool:
    ta, tb = "".join(a.itertext())[:_SIMILAR_CHARS], "".join(b.itertext())[:_SIMILAR_CHARS]
    if not ta or not tb:
        return False
    return fuzz.ratio(ta, tb) >= 60.0  # normalised Indel similarity, in C (difflib takes seconds on long texts)


#: Provisions that are often shifted by an insertion before them (a new 第四条 or 第四章): paired by their text
#: (a chapter by its name) before their number.
_SHIFTING = frozenset({"Article"} | set(CONTAINER_TAGS))


def _alike(a: etree._Element, b: etree._Element) -> bool:
    """The same provision, judged by content: a 編・章・節 by the name in its title (「第四章　雑則」 and 「第五章　雑則」),
    anything else by similar text (:func:`_similar`)."""
    if a.tag in CONTAINER_TAGS and a.tag == b.tag:
        ta, tb = _text(a.find(f"{a.tag}Title")), _text(b.find(f"{b.tag}Title"))
        return bool(ta and tb) and ta.partition(_FW)[2] == tb.partition(_FW)[2]
    return _similar(a, b)


def _pair(wk: list[etree._Element], nk: list[etree._Element]) -> list[tuple[etree._Element, etree._Element]]:
    """Old and new children that are the same provision, in order: equal apart from the number, else the same
    number, else similar text within a block of changes."""
    sw, sn = [_sig(c) for c in wk], [_sig(c) for c in nk]
    pairs: list[tuple[etree._Element, etree._Element]] = []

    def ranged(e: etree._Element) -> bool:
        return ":" in (e.get("Num") or "")

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, sw, sn, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs.extend((a, b) for a, b in zip(wk[i1:i2], nk[j1:j2], strict=True) if ranged(a) == ranged(b))
            continue
        j = j1
        for i in range(i1, i2):
            # similar text first: a new provision that takes the number of an old one (第四条 inserted, the
            # old 第四条 now 第五条) must not be taken for it; else the same number
            candidates = [jj for jj in range(j, j2) if ranged(wk[i]) == ranged(nk[jj])]
            match = next((jj for jj in candidates if _key(wk[i]) == _key(nk[jj]) or _alike(wk[i], nk[jj])), None)
            if match is not None and wk[i].tag in _SHIFTING and _key(wk[i]) == _key(nk[match]) and \
                    not _alike(wk[i], nk[match]):
                nearby = [jj for jj in candidates if jj > match][:8]  # an insertion shifts by a few places
                match = next((jj for jj in nearby if _alike(wk[i], nk[jj])), match)
            if match is not None:
                pairs.append((wk[i], nk[match]))
                j = match + 1
    return pairs


def _pair_top(wk: list[etree._Element], nk: list[etree._Element]) -> list[tuple[etree._Element, etree._Element]]:
    """本則, 附則 and 別表 of the two versions, paired by tag, number and order of occurrence."""
    def keyed(es: list[etree._Element]) -> dict[tuple[str, str, int], etree._Element]:
        seen: dict[tuple[str, str], int] = {}
        out = {}
        for e in es:
            k = _key(e)
            if e.tag in APPENDIX_TAGS and not k[1]:  # most 別表 have no Num: their title says the number
                k = (k[0], appendix_num(e) or "")
            seen[k] = seen.get(k, 0) + 1
            out[(k[0], k[1], seen[k])] = e
        return out

    a, b = keyed(wk), keyed(nk)
    return [(a[k], b[k]) for k in a if k in b]


def _keyed_twice(part: etree._Element) -> list[str]:
    """Articles of a 本則 or 附則 whose ``Num`` another article of it also has (an export that files 第六十四条 as
    ``Num="44"``, the number of 第四十四条), by their printed titles."""
    seen: dict[str, int] = {}
    articles = list(part.iter("Article"))
    for a in articles:
        seen[a.get("Num") or ""] = seen.get(a.get("Num") or "", 0) + 1
    return [_text(a.find("ArticleTitle")) or a.get("Num") or "" for a in articles if seen[a.get("Num") or ""] > 1]


def _count_word(n: int) -> str:
    return int_to_kanji(n)


def _text(e: etree._Element | None) -> str:
    """The text of *e* without the line breaks and indentation of a pretty-printed file."""
    return "".join(t for t in e.itertext() if t.strip(" \n\t\r")) if e is not None else ""


class _Generator:
    def __init__(self, old: Law, new: Law) -> None:
        self.old_law = old
        self.new_law = new
        self.work = _body(old)  # the working copy: every sentence is applied to it as it is written
        self.target = _body(new)
        self.style: FragmentStyle = _detect_style(self.work)
        self.defaults = _learn_defaults(self.work)
        self.profile: Profile | None = None
        self.out = Kaimebun(text="")

    # -- driver ----------------------------------------------------------------------------------------------
    def run(self) -> Kaimebun:
        w_title, n_title = self.work.getparent(), self.target.getparent()
        assert w_title is not None and n_title is not None
        num_w, num_n = _text(w_title.find("LawNum")).strip(), _text(n_title.find("LawNum")).strip()
        if num_w and num_n and num_w != num_n:  # an 一部改正 keeps the law number; a new law takes a new one
            self.out.problems.append(f"{NOT_PARTIAL}: the new version is another law ({num_w} → {num_n}); an "
                                     "改め文 cannot change a law number")
        self._title(self.work.find("LawTitle"), self.target.find("LawTitle"))
        self._toc(self.work.find("TOC"), self.target.find("TOC"))
        self._preamble_part(self.work.find("Preamble"), self.target.find("Preamble"))
        self._children(self.work, self.target, top=True)
        self.out.text = self._preamble() + "".join(s + "\n" for s in self.out.sentences)
        return self.out

    def _preamble(self) -> str:
        title = self.old_law.title or ""
        num = self.old_law.law_num or ""
        law = f"{title}（{num}）" if num else title
        return f"{_FW}{law}の一部を次のように改正する。\n"

    def _emit(self, sentence: str, quoted: str = "", *, coarse: bool = False) -> None:
        self.out.sentences.append(_FW + sentence + ("\n" + quoted if quoted else ""))
        if coarse:
            self.out.coarse += 1

    # -- labels ----------------------------------------------------------------------------------------------
    def _label(self, e: etree._Element) -> str:
        if e.tag in _CONTAINERS:
            parts = []
            node: etree._Element | None = e
            while node is not None and node.tag in _CONTAINERS:
                t = node.find(node.tag + "Title")
                parts.append(_text(t).split(_FW)[0] if t is not None else node.tag)
                node = node.getparent()
            prefix = "附則" if node is not None and node.tag == "SupplProvision" else ""
            return prefix + "".join(reversed(parts))
        if e.tag == "MainProvision":
            return "本則"
        if e.tag == "AppdxTable":
            head = _appendix_head(e)
            if head is not None and (head != "別表" or len(self.work.findall("AppdxTable")) == 1):
                return head
        parent = e.getparent()
        if e.tag == "Paragraph" and parent is not None and parent.tag == "MainProvision":
            return "本則" + label_of(e)  # a 本則 of 項 only: 「本則第三項」
        if e.tag == "Item" and parent is not None:  # 第三号の二 (label_of writes 第三の二号)
            n = _num(e)
            return self._label(parent) + f"第{int_to_kanji(n[0])}号" + "".join(f"の{int_to_kanji(x)}" for x in n[1:])
        if e.tag in SUBITEM_TAGS and parent is not None:
            return self._label(parent) + _text(e.find(e.tag + "Title"))
        return label_of(e)

    def _scope_label(self, e: etree._Element) -> str:
        """The location of a phrase edit: 「第一条中」 for the only 項 of an article (cited without 第一項)."""
        parent = e.getparent()
        if e.tag == "Paragraph" and parent is not None and parent.tag == "Article" and \
                len(parent.findall("Paragraph")) == 1:
            return label_of(parent)
        return self._label(e)

    # -- title and 目次 --------------------------------------------------------------------------------------
    def _title(self, w: etree._Element | None, n: etree._Element | None) -> None:
        if w is None or n is None or _canon(w) == _canon(n):
            return
        w.attrib.clear()  # the reading and former titles (Kana, OldLawTitle …) are export data, not text
        w.attrib.update(dict(n.attrib))
        if _canon(w) == _canon(n) or self._phrases(w, n, "題名", [w]):
            return
        if len(n) or len(w):
            self.out.problems.append("題名: markup in the title (not generated)")
            return
        self._emit("題名を次のように改める。", _text(n), coarse=True)
        w.text = n.text

    def _toc(self, w: etree._Element | None, n: etree._Element | None) -> None:
        if w is None and n is None:
            return
        if w is None and n is not None:
            text = _render_toc(n, self.defaults)
            if text is None:
                self.out.problems.append("目次 added, and it cannot be written as text (not generated)")
                return
            self._emit("題名の次に次の目次を付する。", text)
            body = self.work
            index = max([i + 1 for i, c in enumerate(body) if c.tag in ("LawTitle", "EnactStatement")] or [0])
            fresh = copy.deepcopy(n)
            fresh.tail = None
            body.insert(index, fresh)
            return
        if w is not None and n is None:
            self._emit("目次を削る。")
            parent = w.getparent()
            assert parent is not None
            parent.remove(w)
            return
        assert w is not None and n is not None
        if _canon(w) == _canon(n):
            return
        if _skeleton(w) == _skeleton(n):
            self._phrases(w, n, "目次", [w])
            return
        text = _render_toc(n, self.defaults)
        if text is None:
            self.out.problems.append("目次: entries added or removed, and the new 目次 cannot be written as text")
            return
        self._emit("目次を次のように改める。", text, coarse=True)
        parent = w.getparent()
        assert parent is not None
        parent.replace(w, copy.deepcopy(n))

    def _preamble_part(self, w: etree._Element | None, n: etree._Element | None) -> None:
        """前文: 「前文中「A」を「B」に改める。」, or 「前文を次のように改める。」 with one line per paragraph."""
        if w is None and n is None:
            return
        if w is None or n is None:
            self.out.problems.append("前文 added or removed (not generated)")
            return
        if _canon(w) == _canon(n):
            return
        if _skeleton(w) == _skeleton(n) and self._phrases(w, n, "前文", [w]):
            return
        try:
            plain = ruby_to_text(n)
            text = "\n".join(_sentences(p.find("ParagraphSentence")) for p in plain)
            if any(p.tag != "Paragraph" or _text(p.find("ParagraphNum")) for p in plain):
                raise ValueError("a 前文 of numbered paragraphs")
            back = read_preamble(text, self.style, like=w)
        except (ValueError, LawcodeError):
            self.out.problems.append("前文: cannot be written as 改め文 text (not generated)")
            return
        text_to_ruby(back)
        _apply_defaults(back, self.defaults)
        if _canon(back) != _canon(n):
            self.out.problems.append("前文: cannot be written as 改め文 text (not generated)")
            return
        self._emit("前文を次のように改める。", text, coarse=True)
        fresh = copy.deepcopy(n)
        fresh.tail = w.tail
        parent = w.getparent()
        assert parent is not None
        parent.replace(w, fresh)

    # -- phrase edits ------------------------------------------------------------------------------------------
    def _slots(self, e: etree._Element) -> list[etree._Element]:
        """What the applier searches for 「X中」 (the element without its number, caption and own title)."""
        if e.tag in ("LawTitle", "TOC"):
            return list(e.iter())
        out: list[etree._Element] = []
        own_title = e.find(e.tag + "Title") if e.tag in _CONTAINERS else None

        def walk(x: etree._Element) -> None:
            if x is own_title or (x.tag in _LABEL_TAGS and x.tag not in _CONTAINER_TITLES):
                return
            out.append(x)
            for c in x:
                if isinstance(c.tag, str):
                    walk(c)

        walk(e)
        return out

    def _phrases(self, w: etree._Element, n: etree._Element, where: str, scope_of: list[etree._Element],
                 own: tuple[list[etree._Element], list[etree._Element]] | None = None) -> bool:
        """Phrase edits turning the text blocks of *w* into those of *n* (same structure), as one sentence
        「{where}中「A」を「B」に改め、…」. Returns False (and edits nothing) when it cannot be done exactly."""
        wb, nb = own if own is not None else (blocks(w.iter()), blocks(n.iter()))
        if len(wb) != len(nb):
            return False
        scope = scope_of[0]
        slots = self._slots(scope) if scope.tag not in ("LawTitle", "TOC", "TableRow") else list(scope.iter())
        if scope.tag in _CONTAINERS:
            t = scope.find(scope.tag + "Title")
            slots = list(t.iter()) if t is not None else []
        backup = copy.deepcopy(scope)
        scope_blocks = blocks(slots)
        edits: list[tuple[str, str, str]] = []
        for bw, bn in zip(wb, nb, strict=True):
            target = _block_text(bn)
            guard = 0
            while True:
                cur = _block_text(bw)
                if cur == target:
                    break
                guard += 1
                if guard > 200:
                    return self._restore(scope, backup)

                def count(s: str) -> int:
                    return sum(_block_text(b).count(s) for b in scope_blocks)

                step = next_edit(cur, target, count)
                if step is None:
                    break
                edit, _, _, _ = step
                if not edit.old or count(edit.old) != 1 or "\n" in edit.old + edit.new:
                    return self._restore(scope, backup)
                if edit.verb == "insert":
                    done = replace_everywhere(slots, edit.old, edit.old + edit.new)
                else:
                    done = replace_everywhere(slots, edit.old, edit.new)
                if done != 1:
                    return self._restore(scope, backup)
                edits.append((edit.verb, edit.old, edit.new))
        if [_canon(b) for b in wb] != [_canon(b) for b in nb]:
            return self._restore(scope, backup)
        if not edits:
            return True
        self._emit(f"{where}中" + _phrase_clauses(edits) + "。")
        self.out.phrase += 1
        return True

    def _restore(self, scope: etree._Element, backup: etree._Element) -> bool:
        """Undo a failed attempt: *scope* takes back the content of *backup*, in place, so that the element the
        caller holds stays in the working tree (the caller goes on with a coarser operation on it)."""
        tail = scope.tail
        scope.clear()
        scope.text, scope.tail = backup.text, tail
        for key, value in backup.attrib.items():
            scope.set(key, value)
        for c in list(backup):
            scope.append(c)
        return False

    # -- provisions ------------------------------------------------------------------------------------------
    def _children(self, w: etree._Element, n: etree._Element, *, top: bool = False) -> None:
        """Bring the provision children of *w* in line with those of *n* (same parent): deletions, then
        renumbering (back to front), then edits and additions in document order."""
        wk = [c for c in w if isinstance(c.tag, str) and self._is_unit(c, top)]
        nk = [c for c in n if isinstance(c.tag, str) and self._is_unit(c, top)]
        if top:
            pairs = _pair_top(wk, nk)
            for a, b in pairs:
                self._provision(a, b)
            for c in wk:
                if c not in {a for a, _ in pairs}:
                    self._delete_appendix(c)
            added = [c for c in nk if c not in {b for _, b in pairs}]
            if added:
                self._add_appendices(n, added, dict((id(b), a) for a, b in pairs))
            return
        if len({_key(c) for c in wk}) != len(wk) or len({_key(c) for c in nk}) != len(nk):
            self._replace(w, n)
            return
        pairs = _pair(wk, nk)
        paired_w = {id(a) for a, _ in pairs}
        paired_n = {id(b) for _, b in pairs}
        if any(_key(a)[0] != _key(b)[0] for a, b in pairs):
            self._replace(w, n)
            return
        for c in wk:
            if id(c) not in paired_w:
                self._delete(c)
        moves = [(a, b) for a, b in pairs if _key(a) != _key(b)]
        if moves and not self._renumber(w, moves):
            self._replace(w, n)
            return
        by_new = {id(b): a for a, b in pairs}
        run: list[etree._Element] = []
        prev: etree._Element | None = None
        for c in nk + [None]:
            if not self._alive(w):
                return
            if c is not None and id(c) not in paired_n:
                run.append(c)
                continue
            if run:
                self._add(w, prev, run, c)
                run = []
            if c is not None:
                self._provision(by_new[id(c)], c)
                prev = c

    def _renumber(self, w: etree._Element, moves: list[tuple[etree._Element, etree._Element]]) -> bool:
        """「X を Y とし、…」 / 「A から B までを N 条ずつ繰り下げる」 for the renumbered children of *w*, in one
        sentence written back to front (繰下げ) or front to back (繰上げ) so that no two share a number."""
        if any(a.tag not in ("Article", "Paragraph", "Item") + SUBITEM_TAGS + CONTAINER_TAGS for a, _ in moves):
            return False
        down = [(a, b) for a, b in moves if _num(b) > _num(a)]
        up = [(a, b) for a, b in moves if _num(b) < _num(a)]
        order = list(reversed(down)) + up if not up or not down else None
        if order is None:
            return False
        siblings = [c for c in w if isinstance(c.tag, str)]
        occupied = {_key(c) for c in siblings}
        for a, b in order:  # simulate: every target number must be free when it is taken
            if _key(b) in occupied:
                return False
            occupied.discard(_key(a))
            occupied.add(_key(b))
        clauses: list[str] = []
        k = 0
        while k < len(order):
            a, b = order[k]
            run = [order[k]]
            delta = _num(b)[0] - _num(a)[0]
            while k + len(run) < len(order):
                a2, b2 = order[k + len(run)]
                la, _ = run[-1]
                simple = all(len(_num(x)) == 1 for x in (a2, b2, la, b))
                step_ok = (_hi(a2) + 1 == _num(la)[0]) if delta > 0 else (_hi(la) + 1 == _num(a2)[0])
                if simple and _num(b2)[0] - _num(a2)[0] == delta and step_ok:
                    run.append((a2, b2))
                else:
                    break
            ranged = any(":" in (x.get("Num") or "") for x, _ in run)
            if ranged and (len(run) < 2 or len(_num(a)) != 1):
                return False
            first, last = (run[0][0], run[-1][0]) if delta < 0 else (run[-1][0], run[0][0])
            lo, hi = min(_num(x)[0] for x, _ in run), max(_hi(x) for x, _ in run)
            in_range = [c for c in self._numbered(w, a) if lo <= _num(c)[0] <= hi]
            unit = UNIT_OF_TAG.get(str(a.tag), "")
            if ranged and (delta == 0 or len(in_range) != len(run)):
                return False
            if (len(run) >= 3 or ranged) and delta and unit and len(in_range) == len(run) and len(_num(a)) == 1:
                word = "繰り下げ" if delta > 0 else "繰り上げ"
                clauses.append(f"{self._label(first)}から{_short(self._label(last), self._label(first))}までを"
                               f"{_count_word(abs(delta))}{unit}ずつ{word}")
            else:
                clauses.extend(f"{self._label(x)}を{self._new_label(y)}とし" for x, y in run)
            k += len(run)
        last = clauses[-1]
        clauses[-1] = last[:-2] + "とする" if last.endswith("とし") else last + "る"
        self._emit("、".join(clauses) + "。")
        for a, b in order:
            self._take_number(a, b)
        return True

    def _numbered(self, w: etree._Element, a: etree._Element) -> list[etree._Element]:
        """The elements numbered in the same series as *a* (articles: the whole body part; others: siblings)."""
        if a.tag == "Article":
            top = w
            while top.getparent() is not None and top.tag not in ("MainProvision", "SupplProvision"):
                top = top.getparent()
            return list(top.iter("Article"))
        return [c for c in w if c.tag == a.tag]

    def _articles(self, w: etree._Element, n: etree._Element) -> None:
        """Articles are numbered through the whole 本則 (or 附則), across chapters: delete and renumber them in
        one pass before the walk, so that a number is never held by two articles at once."""
        wk, nk = list(w.iter("Article")), list(n.iter("Article"))
        if not wk or not nk or len({_key(c) for c in wk}) != len(wk) or len({_key(c) for c in nk}) != len(nk):
            return
        pairs = _pair(wk, nk)
        paired_w = {id(a) for a, _ in pairs}
        moves = [(a, b) for a, b in pairs if _key(a) != _key(b)]
        if not moves:
            return
        for c in wk:
            if id(c) not in paired_w and c.getparent() is not None:
                self._delete(c)
        parent = w
        self._renumber(parent, moves)

    def _take_number(self, a: etree._Element, b: etree._Element) -> None:
        """Give working element *a* the number (``Num`` and printed title) of new element *b*."""
        a.set("Num", b.get("Num") or "")
        if a.tag in CONTAINER_TAGS:  # 「第五章　雑則」: only the number part changes (the applier keeps the name)
            ta, tb = a.find(a.tag + "Title"), b.find(b.tag + "Title")
            if ta is not None and tb is not None and not len(ta):
                head = _text(tb).partition(_FW)[0]
                _, sep, rest = (ta.text or "").partition(_FW)
                ta.text = head + sep + rest
            return
        for tag in (a.tag + "Title", "ParagraphNum"):
            ta, tb = a.find(tag), b.find(tag)
            if ta is not None and tb is not None:
                ta.text = tb.text

    def _is_unit(self, c: etree._Element, top: bool) -> bool:
        if top:
            return c.tag in ("MainProvision", "SupplProvision", "AppdxTable", "AppdxNote", "AppdxStyle",
                             "AppdxFormat", "Appdx", "AppdxFig")
        return c.tag in _PROVISION_TAGS

    def _alive(self, w: etree._Element) -> bool:
        """Whether *w* is still in the working tree (a rewrite of an enclosing provision replaces it)."""
        node: etree._Element | None = w
        while node is not None:
            if node is self.work:
                return True
            node = node.getparent()
        return False

    def _provision(self, w: etree._Element, n: etree._Element) -> None:
        if not self._alive(w) or _canon(w) == _canon(n):
            return
        if w.tag in ("SupplProvision", "MainProvision"):
            if _skeleton(w, skip=_PROVISION_TAGS) != _skeleton(n, skip=_PROVISION_TAGS) or \
                    _canon_list([c for c in w if c.tag not in _PROVISION_TAGS]) != \
                    _canon_list([c for c in n if c.tag not in _PROVISION_TAGS]):
                self.out.problems.append(f"{self._label(w)}: label or non-provision content changed")
                return
            twice = _keyed_twice(n)
            if twice:  # the text names articles by their titles: it cannot give one the Num of another
                self.out.problems.append(f"{self._label(w)}: the new version files "
                                         f"{'、'.join(twice)} under a Num that another article holds "
                                         "(not generated)")
                return
            self._articles(w, n)
            self._children(w, n)
            return
        if w.tag in ("AppdxTable", "AppdxNote", "AppdxStyle", "AppdxFormat", "Appdx", "AppdxFig"):
            if _skeleton(w) == _skeleton(n) and self._phrases(w, n, self._label(w), [w]):
                return
            if w.tag == "AppdxTable" and self._table_rows(w, n):
                return
            if self._replace_appendix(w, n):
                return
            self.out.problems.append(f"{self._label(w)}: changed structure of an appendix (not generated)")
            return
        self._caption(w, n)
        skip = _PROVISION_TAGS | set(_CAPTIONS)
        own_w = [c for c in w if isinstance(c.tag, str) and c.tag not in skip]
        own_n = [c for c in n if isinstance(c.tag, str) and c.tag not in skip]
        if w.attrib != n.attrib or [_skeleton(c) for c in own_w] != [_skeleton(c) for c in own_n]:
            if w.attrib == n.attrib and self._sentence_parts(w, own_w, own_n):
                self._provision(w, n)  # the sentences now pair up: phrase edits and the children
                return
            self._replace(w, n)
            return
        if w.tag in _CONTAINERS:
            tw, tn = w.find(w.tag + "Title"), n.find(n.tag + "Title")
            if tw is not None and tn is not None and _canon(tw) != _canon(tn):
                if not self._phrases(tw, tn, f"{self._label(w)}の{_TITLE_NAME[w.tag]}", [w]):
                    self._replace(w, n)
                    return
        else:
            wb = blocks(x for c in own_w for x in c.iter())
            nb = blocks(x for c in own_n for x in c.iter())
            if [_canon(b) for b in wb] != [_canon(b) for b in nb]:
                if not self._phrases(w, n, self._scope_label(w), [w], own=(wb, nb)):
                    self._replace(w, n)
                    return
        self._children(w, n)

    def _sentence_parts(self, w: etree._Element, own_w: list[etree._Element], own_n: list[etree._Element]) -> bool:
        """A ただし書 or 後段 added to (「第十条第二項に次のただし書を加える。」) or removed from (「…ただし書を削る。」)
        the sentences of *w*, when that is all that changed in its structure; True when written (and performed
        on the working copy). The text of the other sentences is left to phrase edits."""
        if [c.tag for c in own_w] != [c.tag for c in own_n]:
            return False
        changed = [(a, b) for a, b in zip(own_w, own_n, strict=True) if _skeleton(a) != _skeleton(b)]
        if len(changed) != 1 or changed[0][0].tag not in _SENTENCE_GROUPS:
            return False
        gw, gn = changed[0]
        sw, sn = list(gw), list(gn)
        if not sw or any(not isinstance(c.tag, str) or c.tag != "Sentence" for c in sw + sn):
            return False
        label = self._scope_label(w)
        if len(sn) > len(sw):
            new = sn[len(sw):]
            if all(x.get("Function") == "proviso" for x in new) and all(x.get("Function") == "main" for x in sn[:len(sw)]) \
                    and not any(x.get("Function") for x in sw):
                role = "ただし書"
            elif not any(x.get("Function") for x in sn):
                role = "後段"
            else:
                return False
            try:
                text = "".join(_inline_text(x) for x in new)
            except ValueError:
                return False
            if not text or any(m in text for m in "\n「」"):
                return False
            sentence = f"{label}に次の{role}を加える。"
        elif len(sn) < len(sw) and len(sw) == 2:
            if sw[1].get("Function") == "proviso" and not any(x.get("Function") for x in sn):
                role = "ただし書"
            elif not any(x.get("Function") for x in sw):
                role = "後段"
            else:
                return False
            sentence, text = f"{label}{role}を削る。", ""
        else:
            return False
        before = _canon(w)
        if not self._apply_here(sentence, text):
            return False
        if _canon(w) == before:
            return False
        self._emit(sentence, text)
        return True

    def _apply_here(self, sentence: str, text: str) -> bool:
        """Perform one generated sentence on the working copy with the applier itself (so that what is written
        is what the applier will do); False, with the working copy unchanged, when it does not apply."""
        backup = copy.deepcopy(self.work)
        try:
            applier = Applier(self.work)
            applier.style, applier.defaults = self.style, self.defaults  # as learned from the base law, like amend()
            applier.apply_sentence(parse_sentence(sentence, text=text))
        except LawcodeError:
            self._restore(self.work, backup)
            return False
        return True

    def _table_rows(self, w: etree._Element, n: etree._Element) -> bool:
        """A 別表 whose rows were edited or added (「別表第一X事務の項中…」, 「…の項の次に次のように加える」);
        rows are known by their first cell. False (nothing emitted) for any other change."""
        tw, tn = w.find(".//TableStruct/Table"), n.find(".//TableStruct/Table")
        if tw is None or tn is None or _skeleton(w, skip=frozenset({"TableStruct"})) != \
                _skeleton(n, skip=frozenset({"TableStruct"})):
            return False
        if _canon_list([c for c in w if c.tag != "TableStruct"]) != _canon_list([c for c in n if c.tag != "TableStruct"]):
            return False
        rw, rn = tw.findall("TableRow"), tn.findall("TableRow")

        def first(row: etree._Element) -> str:
            cell = row.find("TableColumn")
            return "".join(cell.itertext()).strip() if cell is not None else ""

        keys_w, keys_n = [first(r) for r in rw], [first(r) for r in rn]
        if len(set(keys_w)) != len(keys_w) or len(set(keys_n)) != len(keys_n) or not set(keys_w) <= set(keys_n):
            return False
        if [k for k in keys_n if k in set(keys_w)] != keys_w or not rw:
            return False
        backup = copy.deepcopy(w)
        by_w = dict(zip(keys_w, rw, strict=True))
        table = self._label(w)
        prev: etree._Element | None = None
        pending: list[etree._Element] = []
        for row in rn + [None]:
            if row is not None and first(row) not in by_w:
                pending.append(row)
                continue
            if pending:
                if prev is None or any(_skeleton(r) != _skeleton(prev) for r in pending):
                    return self._restore(w, backup)
                lines = []
                for r in pending:
                    cells = ["".join(t for t in c.itertext() if t.strip()) for c in r.findall("TableColumn")]
                    if any(not c or _FW in c for c in cells) or any(len(c) > 1 for c in r.findall("TableColumn")):
                        return self._restore(w, backup)
                    lines.append(_FW.join(cells))
                anchor = prev
                self._emit(f"{table}{first(anchor)}の項の次に次のように加える。", "\n".join(lines))
                index = list(anchor.getparent()).index(anchor)
                for k, r in enumerate(pending, 1):
                    anchor.getparent().insert(index + k, copy.deepcopy(r))
                pending = []
            if row is None:
                break
            old_row = by_w[first(row)]
            if _canon(old_row) != _canon(row):
                if _skeleton(old_row) != _skeleton(row) or \
                        not self._phrases(old_row, row, f"{table}{first(row)}の項", [old_row]):
                    return self._restore(w, backup)
            prev = old_row
        return True

    # -- appendices (別表) -------------------------------------------------------------------------------------
    def _render_tables(self, elements: list[etree._Element]) -> str | None:
        """条 or 項 holding tables as text with cell notes (:mod:`.tables`), checked as the applier reads it."""
        cells = cell_defaults(self.work)
        try:
            text = write_provisions([ruby_to_text(e) for e in elements], cells)
            back = read_provisions(text, cells)
        except (ValueError, LawcodeError):
            return None
        if self.profile is None:
            self.profile = learn_profile(self.work)
        settle_read(back, self.profile, self.defaults)
        return text if self._reads_back(back, elements) else None

    def _reads_back(self, back: list[etree._Element], elements: list[etree._Element]) -> bool:
        """Whether the elements read back from a generated text are *elements* — exactly, or but for where the
        export cuts and marks sentences (:func:`~lawcode.amend.export_rules.sentence_blind`; noted in
        :attr:`Kaimebun.boundaries`, since no 改め文 can say where a sentence ends other than by its words)."""
        if _canon_list(back) == _canon_list(elements):
            return True
        if len(back) != len(elements) or \
                any(_canon(sentence_blind(a)) != _canon(sentence_blind(b)) for a, b in zip(back, elements, strict=True)):
            return False
        self.out.boundaries.extend(self._label(e) for e in elements)
        return True

    def _appendix_text(self, n: etree._Element, old: etree._Element | None = None) -> str | None:
        """Appendix *n* written as text that the applier reads back exactly (:mod:`.appendix`) in place of *old*
        (or as a new one), else ``None``."""
        cells = cell_defaults(self.work)
        try:
            text = write_appendix(ruby_to_text(n), cells)
        except ValueError:
            return None
        if self.profile is None:
            self.profile = learn_profile(self.work)
        try:
            back = read_appendices(text, self.profile, cells)
        except LawcodeError:
            return None
        for b in back:
            text_to_ruby(b)
            _apply_defaults(b, self.defaults)
            give_number(b, old, self.work)
        return text if _canon_list(back) == _canon_list([n]) else None

    def _appendix_name(self, w: etree._Element) -> str | None:
        """The name an 改め文 locates working appendix *w* by: 「別表第一」 for a 別表, the head of its title for a
        様式 or 書式 (「別記様式第１」) when no other appendix of the law has that head; else ``None``."""
        label = self._label(w)
        if w.tag == "AppdxTable":
            return label if label.startswith("別表") else None
        head = appendix_head(w)
        if not _APPDX_NAME.fullmatch(head):
            return None
        if sum(1 for e in self.work if isinstance(e.tag, str) and e.tag in APPENDIX_TAGS and appendix_head(e) == head) != 1:
            return None
        return head

    def _replace_appendix(self, w: etree._Element, n: etree._Element) -> bool:
        """「別表第一を次のように改める。」 (「別記様式第一を…」) with the whole new appendix; False when it cannot be
        written exactly."""
        label = self._appendix_name(w)
        if label is None:
            return False
        text = self._appendix_text(n, w)
        if text is None:
            return False
        self._emit(f"{label}を次のように改める。", text, coarse=True)
        parent = w.getparent()
        assert parent is not None
        fresh = copy.deepcopy(n)
        fresh.tail = w.tail
        parent.replace(w, fresh)
        return True

    def _delete_appendix(self, w: etree._Element) -> None:
        label = self._appendix_name(w)
        if label is None:
            self.out.problems.append(f"{self._label(w)}: removed (not generated)")
            return
        self._emit(f"{label}を削る。")
        parent = w.getparent()
        assert parent is not None
        parent.remove(w)

    def _add_appendices(self, n_body: etree._Element, added: list[etree._Element],
                        counterpart: dict[int, etree._Element]) -> None:
        """New 別表 (様式, 書式): 「別表第一の次に次の一表を加える。」 (「別記様式第一の次に次の一様式を加える。」), or after
        「附則」 (「本則」) for the first appendix."""
        children = [c for c in n_body if isinstance(c.tag, str)]
        for c in added:
            index = children.index(c)
            before = children[:index]
            prev = before[-1] if before else None
            unit = _APPENDIX_UNIT.get(str(c.tag))
            text = self._appendix_text(c) if unit is not None else None
            anchor = counterpart.get(id(prev)) if prev is not None else None
            if prev is not None and prev.tag in APPENDIX_TAGS and anchor is None:
                anchor = next((x for x in self.work if _canon(x) == _canon(prev)), None)  # added just before
            where: str | None = None
            if anchor is not None and anchor.tag in APPENDIX_TAGS and self._alive(anchor):
                where = self._appendix_name(anchor)
            elif prev is not None and prev.tag in ("MainProvision", "SupplProvision") and \
                    not any(x.tag in APPENDIX_TAGS for x in before):
                has_suppl = any(x.tag == "SupplProvision" and x.get("AmendLawNum") is None for x in self.work)
                where = "附則" if has_suppl else "本則"
                anchor = None
            if text is None or where is None:
                self.out.problems.append(f"{label_of(c)}: added (not generated)")
                continue
            self._emit(f"{where}の次に次の一{unit}を加える。", text)
            fresh = copy.deepcopy(c)
            fresh.tail = None
            if anchor is not None:
                parent = anchor.getparent()
                assert parent is not None
                parent.insert(parent.index(anchor) + 1, fresh)
            else:
                provisions = [i for i, x in enumerate(self.work) if x.tag in ("MainProvision", "SupplProvision")]
                self.work.insert(provisions[-1] + 1 if provisions else len(self.work), fresh)

    def _caption(self, w: etree._Element, n: etree._Element) -> None:
        if w.tag != "Article":
            return
        cw, cn = w.find("ArticleCaption"), n.find("ArticleCaption")
        label = self._label(w)
        if cw is not None and cn is not None:
            if _canon(cw) == _canon(cn):
                return
            if len(cw) or len(cn):
                return  # markup in a caption: left to the whole rewrite
            self._emit(f"{label}の見出しを「{_text(cn)}」に改める。")
            cw.text = cn.text
        elif cw is None and cn is not None and not len(cn):
            self._emit(f"{label}の前に見出しとして「{_text(cn)}」を付する。")
            new_cap = copy.deepcopy(cn)
            new_cap.tail = None
            w.insert(0, new_cap)
        elif cw is not None and cn is None:
            self._emit(f"{label}の見出しを削る。")
            w.remove(cw)

    def _delete(self, w: etree._Element) -> None:
        if not self._alive(w):
            return
        self._emit(f"{self._label(w)}を削る。")
        parent = w.getparent()
        assert parent is not None
        parent.remove(w)

    def _add(self, parent_w: etree._Element, prev_n: etree._Element | None, run: list[etree._Element],
             next_n: etree._Element | None) -> None:
        tag = run[0].tag
        if not self._alive(parent_w):
            return
        if any(c.tag != tag for c in run):  # mixed kinds: one at a time
            p = prev_n
            for c in run:
                self._add(parent_w, p, [c], None if c is not run[-1] else next_n)
                p = c
            return
        unit = UNIT_OF_TAG.get(str(tag))
        if unit is None and parent_w.tag in _PROVISION_TAGS:  # 号の細分 cannot be added yet: rewrite the 号
            pn = self._counterpart(parent_w)
            if pn is not None:
                self._replace(parent_w, pn)
                return
        count = "一" if len(run) == 1 else _count_word(len(run))
        text = self._render_checked(run)
        if text is None and parent_w.tag in ("Article", "Paragraph", "Item") + SUBITEM_TAGS and \
                self._escalate(run[0], parent=parent_w):
            return
        if text is None:
            self.out.problems.append(f"{'、'.join(self._new_label(c) for c in run)}: new text cannot be "
                                     "written as 改め文 text (not generated)")
            return
        what = f"次の{count}{unit}を加える" if unit else "次のように加える"
        if prev_n is not None:
            anchor = parent_w.find(f"{prev_n.tag}[@Num='{prev_n.get('Num')}']")
            assert anchor is not None
            self._emit(f"{self._label(anchor)}の次に{what}。", text)
            index = list(parent_w).index(anchor) + 1
        elif next_n is not None:
            anchor = parent_w.find(f"{next_n.tag}[@Num='{next_n.get('Num')}']")
            assert anchor is not None
            self._emit(f"{self._label(anchor)}の前に{what}。", text)
            index = list(parent_w).index(anchor)
        else:
            self._emit(f"{self._label(parent_w)}に{what}。", text)
            index = len(parent_w)
        for k, c in enumerate(run):
            parent_w.insert(index + k, copy.deepcopy(c))

    def _new_label(self, n: etree._Element) -> str:
        return self._label(n)

    def _replace(self, w: etree._Element, n: etree._Element) -> None:
        """「X を次のように改める」 with the new text (the coarse operation)."""
        if not self._alive(w):
            return
        if w.tag in ("MainProvision", "SupplProvision") or (w.tag == "Paragraph" and not _text(w.find("ParagraphNum"))):
            parent = w.getparent()
            if w.tag == "Paragraph" and parent is not None and parent.tag == "Article":
                pn = self._counterpart(parent)
                if pn is not None:
                    self._replace(parent, pn)
                    return
            main = w if w.tag == "MainProvision" else parent
            if main is not None and main.tag == "MainProvision" and self._replace_main(main):
                return
            self.out.problems.append(f"{self._label(w)}: cannot be rewritten whole (not generated)")
            return
        text = self._render_checked([n])
        if text is None:
            if self._escalate(w):
                return
            self.out.problems.append(f"{self._label(w)}: new text cannot be written as 改め文 text (not generated)")
            return
        self._emit(f"{self._label(w)}を次のように改める。", text, coarse=True)
        parent = w.getparent()
        assert parent is not None
        parent.replace(w, copy.deepcopy(n))

    def _replace_main(self, w: etree._Element) -> bool:
        """「本則を次のように改める。」: the whole 本則, as provisions, or for a 本則 made of 項 only as 項 whose first
        has no number (:func:`lawcode.amend.tables.read_paragraphs`)."""
        n = self._counterpart(w)
        if n is None or w.attrib != n.attrib:
            return False
        paragraphs = [c for c in n if isinstance(c.tag, str)]
        if not paragraphs:
            return False
        if any(c.tag != "Paragraph" for c in paragraphs) or _text(paragraphs[0].find("ParagraphNum")):
            whole = self._render_checked(paragraphs)  # 章 or 条: quoted as provisions
            if whole is None:
                return False
            self._emit("本則を次のように改める。", whole, coarse=True)
            for c in list(w):
                w.remove(c)
            for p in paragraphs:
                w.append(copy.deepcopy(p))
            return True
        cells = cell_defaults(self.work)
        try:
            text = write_provisions([ruby_to_text(p) for p in paragraphs], cells)
            back = read_paragraphs(text, cells)
            for b in back:
                text_to_ruby(b)
        except (ValueError, LawcodeError):
            return False
        if self.profile is None:
            self.profile = learn_profile(self.work)
        for b in back:
            conform(b, self.profile)
            _apply_defaults(b, self.defaults)
        if _canon_list(back) != _canon_list(paragraphs):
            return False
        self._emit("本則を次のように改める。", text, coarse=True)
        for c in list(w):
            w.remove(c)
        for p in paragraphs:
            fresh = copy.deepcopy(p)
            w.append(fresh)
        return True

    def _escalate(self, w: etree._Element, parent: etree._Element | None = None) -> bool:
        """Rewrite the enclosing 条 (or 項, 号) whole when a part of it cannot be written on its own (a first 項
        without a number, a 号 whose text needs a form of its own); True when that was done."""
        parent = parent if parent is not None else w.getparent()
        if parent is None or parent.tag not in ("Article", "Paragraph", "Item") + SUBITEM_TAGS:
            return False
        pn = self._counterpart(parent)
        if pn is None:
            return False
        text = self._render_checked([pn])
        if text is None:
            return self._escalate(parent)
        self._emit(f"{self._label(parent)}を次のように改める。", text, coarse=True)
        holder = parent.getparent()
        assert holder is not None
        holder.replace(parent, copy.deepcopy(pn))
        return True

    def _counterpart(self, w: etree._Element) -> etree._Element | None:
        """The element of the new tree at the same place as working element *w* (by the chain of keys)."""
        chain: list[tuple[str, str]] = []
        node: etree._Element | None = w
        while node is not None and node is not self.work:
            chain.append(_key(node))
            node = node.getparent()
        cur: etree._Element | None = self.target
        for tag, num in reversed(chain):
            assert cur is not None
            cur = next((c for c in cur if c.tag == tag and (c.get("Num") or "") == num), None)
            if cur is None:
                return None
        return cur

    # -- provision text ----------------------------------------------------------------------------------------
    def _render_checked(self, elements: list[etree._Element]) -> str | None:
        if any(next(e.iter("TableStruct"), None) is not None for e in elements):
            return self._render_tables(elements)
        try:
            text = "\n".join(render(ruby_to_text(e)) for e in elements)
        except ValueError:
            return None
        try:
            back = read_fragment(text, self.style)
        except LawcodeError:
            return None
        for b in back:
            text_to_ruby(b)
        _placeholders_like(back, self.work, self.style)
        for b in back:
            _apply_defaults(b, self.defaults)
        return text if self._reads_back(back, elements) else None


#: A 様式 or 書式 name the grammar reads (``APPDX_NAME`` of grammars/amendment.lark).
_APPDX_NAME = re.compile(r"(別記|別紙)?(様式|書式)(第[〇一二三四五六七八九十百千0-9０-９]+号?(の[〇一二三四五六七八九十百千0-9０-９]+)*)?")
#: The unit an 改め文 counts added appendices in: 「次の一表を加える」, 「次の一様式を加える」.
_APPENDIX_UNIT = {"AppdxTable": "表", "AppdxStyle": "様式", "AppdxFormat": "書式"}
_APPENDIX_HEAD = re.compile(r"^別表(?:第[〇一二三四五六七八九十百千0-9０-９]+(?:の[〇一二三四五六七八九十百千0-9０-９]+)*)?")


def _appendix_head(e: etree._Element) -> str | None:
    """「別表第二の三」 at the start of a 別表's title, as an 改め文 names it (``None`` without such a title)."""
    title = e.find(e.tag + "Title")
    m = _APPENDIX_HEAD.match(_text(title).strip(" \u3000")) if title is not None else None
    return m.group(0) if m is not None else None


def _render_toc(toc: etree._Element, defaults: dict[str, dict[str, str]]) -> str | None:
    """The 目次 as the lines 「目次を次のように改める。」 quotes, or ``None`` when they do not read back exactly."""
    lines = []
    for e in toc.iter():
        if e.tag == "TOCLabel" or e.tag == "TOCSupplProvision" or e.tag == "TOCAppdxTableLabel":
            lines.append(_text(e))
        elif isinstance(e.tag, str) and e.tag.startswith("TOC") and e.tag[3:] in CONTAINER_TAGS:
            title = e.find(e.tag[3:] + "Title")
            rng = e.find("ArticleRange")
            lines.append(_text(title) + _text(rng))
        elif e.tag == "TOCArticle":
            return None
    text = "\n".join(lines)
    try:
        back = read_toc(text)
    except LawcodeError:
        return None
    _apply_defaults(back, defaults)
    return text if _canon(back) == _canon(toc) else None


def _phrase_clauses(edits: list[tuple[str, str, str]]) -> str:
    """「A」を「B」に改め、「C」を削り、「D」の下に「E」を加える (the last verb in its final form)."""
    clauses = []
    for i, (verb, old, new) in enumerate(edits):
        last = i == len(edits) - 1
        if verb == "replace":
            chained = not last and edits[i + 1][0] == "replace"  # 「A」を「B」に、「C」を「D」に改める
            clauses.append(f"「{old}」を「{new}」に" + ("" if chained else "改める" if last else "改め"))
        elif verb == "delete":
            clauses.append(f"「{old}」を" + ("削る" if last else "削り"))
        else:
            clauses.append(f"「{old}」の下に「{new}」を" + ("加える" if last else "加え"))
    return "、".join(clauses)


def _inline_text(e: etree._Element | None) -> str:
    if e is None:
        return ""
    if any(isinstance(c.tag, str) for c in e):
        raise ValueError("markup")
    return e.text or ""


def _sentences(group: etree._Element | None) -> str:
    if group is None:
        return ""
    children = [c for c in group if isinstance(c.tag, str)]
    if children and all(c.tag == "Column" for c in children):
        return _FW.join("".join(_inline_text(s) for s in col if s.tag == "Sentence") for col in children)
    if any(c.tag != "Sentence" for c in children):
        raise ValueError("not plain sentences")
    return "".join(_inline_text(s) for s in children)


def render(e: etree._Element) -> str:
    """A provision written as text, one line per provision, as an 改め文 quotes it (「（見出し）」「第十条　…」
    「２　…」「一　…」). Raises ValueError for content that has no text form (tables, figures, ruby …)."""
    lines: list[str] = []
    tag = e.tag
    if tag in _CONTAINERS:
        lines.append(_inline_text(e.find(tag + "Title")))
        for c in e:
            if c.tag in _PROVISION_TAGS:
                lines.append(render(c))
            elif c.tag != tag + "Title":
                raise ValueError(c.tag)
        return "\n".join(lines)
    if tag == "Article":
        cap = e.find("ArticleCaption")
        if cap is not None:
            lines.append(_FW + _inline_text(cap))
        title = _inline_text(e.find("ArticleTitle"))
        paragraphs = e.findall("Paragraph")
        for c in e:
            if c.tag not in ("ArticleCaption", "ArticleTitle", "Paragraph"):
                raise ValueError(c.tag)
        if not paragraphs:
            raise ValueError("article without paragraphs")
        first = paragraphs[0]
        body = _sentences(first.find("ParagraphSentence"))
        lines.append(title + (_FW + body if body else ""))
        lines.extend(_render_children(first))
        for p in paragraphs[1:]:
            lines.append(render(p))
        return "\n".join(lines)
    if tag == "Paragraph":
        cap = e.find("ParagraphCaption")
        if cap is not None:
            lines.append(_FW + _inline_text(cap))
        num = _inline_text(e.find("ParagraphNum"))
        if not num:
            raise ValueError("unnumbered paragraph")
        lines.append(num + _FW + _sentences(e.find("ParagraphSentence")))
        lines.extend(_render_children(e))
        return "\n".join(lines)
    if tag == "Item" or tag in SUBITEM_TAGS:
        title = _inline_text(e.find(tag + "Title"))
        body = _sentences(e.find(tag + "Sentence"))
        lines.append(title + (_FW + body if body else ""))
        lines.extend(_render_children(e))
        return "\n".join(lines)
    raise ValueError(str(tag))


def _render_children(e: etree._Element) -> list[str]:
    out = []
    allowed = {"ParagraphCaption", "ParagraphNum", "ParagraphSentence", e.tag + "Title", e.tag + "Sentence"}
    for c in e:
        if not isinstance(c.tag, str):
            continue
        if c.tag in _PROVISION_TAGS:
            out.append(render(c))
        elif c.tag not in allowed:
            raise ValueError(c.tag)
    return out
