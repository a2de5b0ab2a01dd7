"""Finding and resolving the references of one law: :func:`references`.

The scanner reads every provision's *own* text (the part of :meth:`Provision.text` before its first
sub-provision; an article's caption) in document order. A compiled pre-scan (:data:`_ANCHOR`: law numbers,
law-name endings before 第…, この法律, and the pointer chunk of :mod:`lawcode.refs.tokens`) finds candidates;
each candidate is parsed by the LALR grammar (:mod:`lawcode.refs.parse`, cached per phrase) and resolved by
:class:`_Resolver` with the context rules documented in ``docs/references.md``:

* relative references count from the holding provision (前項 in an Item is the paragraph before the Item's
  paragraph; 前条 of 第十三条の二 is 第十三条);
* 同条/同項/同号 take the last provision of that level cited before them in the same article, also across a
  parenthesis and into another law;
* a pointer that starts below the article (第二項, 第三号) continues the previous pointer of its list, or the
  mention it follows with a connector or in a parenthesis, else the holding provision;
* in a 附則, a bare 第N条 is the 本則 (of the amending law, in an 改正附則) and 附則第N条 the 附則 holding the
  mention; inside a 別表, 第N号 is that 別表's item; この法律 in an 改正附則 is the amending law;
* mentions inside 「」 (読替え phrases, quoted amendments) are not references of the quoting law.
"""

from __future__ import annotations

import bisect
import gc
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from lawcode.errors import LawcodeError
from lawcode.model.num import parse_num
from lawcode.text.numerals import format_branch_number
from lawcode.model.tags import CONTAINER_TAGS, SUBITEM_TAGS
from lawcode.refs.laws import LawNames, LawRef
from lawcode.refs.model import RefKind, Reference, new_reference
from lawcode.refs.parse import Frag, Pointer, Range, parse_mention
from lawcode.refs.tokens import CHUNK, KANA, LETTER_CHUNK, N, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law
    from lawcode.model.provision import Provision

__all__ = ["references", "own_regions"]

Loc = tuple[str, ...]

_LAWNUM = f"(?:明治|大正|昭和|平成|令和)[元{N[1:-2]}]+年[^（）。、「」\\s第]{{1,24}}?第{N}号"
#: The characters any anchor starts with: a leading lookahead on them lets the regex engine skip all other
#: positions quickly (four times faster than the bare alternation).
_FIRST = "（明大昭平令法政勅こ規条第前次同本各別附付様書協" + KANA
_ANCHOR = re.compile(
    f"(?=[{_FIRST}])(?:"
    f"(?P<paren>（(?P<pnum>{_LAWNUM})(?P<prest>[^（）]*)）)"
    f"|(?P<bare>{_LAWNUM})"
    f"|(?P<short>(?:法律|政令|勅令)第{N}号)(?=第|附則|別表)"
    "|(?<=[法律令則例])(?P<aparen>（以下「(?P<aname>[^「」]{1,20})」という。?）)"
    f"|(?P<letter>(?<![ァ-ヶー])[{KANA}](?=に掲げる|に規定する|に該当する|の規定|から[{KANA}]まで|及び[{KANA}]|又は[{KANA}]|若しくは[{KANA}]))"
    "|(?P<self>この(?:法律|条例|政令|府令|省令|規則|命令|勅令))"
    f"|(?P<lawend>(?:法律|法|令|規則|条例|協定|条約))(?=第{N}[編章節款目条項]|附則第|附則別表|別表)"
    f"|(?P<ptr>{CHUNK.pattern})"
    ")"
)
_ALIAS = re.compile("以下「([^」]{1,20})」という")
#: A defined term that starts like a citation (以下この条において「第二号新個人情報保護法」という).
_CITE_LIKE_TERM = re.compile("「(第[^「」]{1,30})」(?:と総称する|という)")
_RUN_CHAR = re.compile("[一-龥々〆ヵヶァ-ヴー・]")
_NAME_STOP = re.compile("[、。「」（）()\\s\u3000]")
_NAME_SPLIT = re.compile("及び|並びに|又は|若しくは|により|による|において|に基づく|に規定する|の規定|とみなされる|前の|後の|は|を|が|で")
_TITLE_HEAD = re.compile("[^\u3000 （(\n]+")
_AMENDING_TITLE = re.compile("(?:改正|廃止|整備|整理)(?:等)?(?:する|に関する)(?:法律|政令|省令|条例|規則)$")
_CONNECTOR = re.compile("^(?:及び|並びに|又は|若しくは|、)$")
_PARENS = re.compile("（[^（）]*）")

_RANK: dict[str, int] = {"MainProvision": 0, "SupplProvision": 0}
for _i, _t in enumerate(CONTAINER_TAGS):
    _RANK[_t] = 1 + _i
_RANK.update({"Article": 6, "Paragraph": 7, "Item": 8})
for _i, _t in enumerate(SUBITEM_TAGS):
    _RANK[_t] = 9 + _i
_MEMORY_LEVELS = frozenset(CONTAINER_TAGS + ("Article", "Paragraph", "Item", "AppdxTable"))
_SCANNED = frozenset(("Paragraph", "Item", "Class") + SUBITEM_TAGS)


_TAG_OF: dict[str, str] = {}
_TAG_RE = re.compile("[^_\\[#]+")


def _tag(seg: str) -> str:
    tag = _TAG_OF.get(seg)
    if tag is None:
        m = _TAG_RE.match(seg)
        tag = _TAG_OF[seg] = m.group() if m else seg
    return tag


@lru_cache(maxsize=65536)
def _tags(loc: Loc) -> tuple[str, ...]:
    return tuple(_tag(seg) for seg in loc)


def _rank(seg: str) -> int:
    return _RANK.get(_tag(seg), 0)


@lru_cache(maxsize=8192)
def _num(number: tuple[int, ...] | None) -> str:
    return "_".join(map(str, number)) if number else ""


# -- regions ---------------------------------------------------------------------------------------------------
def own_regions(law: "Law") -> Iterator[tuple["Provision", str, int, int]]:
    """``(provision, text, start, end)`` for every piece of text that belongs to a provision itself: the
    sentences (and tables) of a 項, 号 or 細分 before its first sub-provision, an article's caption, an
    appendix's content after its title head. Offsets are into ``provision.text()``. Document order."""
    for p in law.provisions():
        tag = p.tag
        if tag == "Article":
            caption = p.caption
            if caption:
                yield p, caption, 0, len(caption)
            continue
        if tag in _SCANNED:
            start = 0
        elif tag.startswith(("Appdx", "SupplProvisionAppdx")):
            start = -1
        else:
            continue
        text = p.cache_texts()  # its 号 and 細分 come next: their texts are slices of this layout
        kids = p.subprovisions
        end = len(text)
        if kids:
            first = kids[0].text()
            k = text.find(first) if first else -1
            if k >= 0:
                end = k
        if start < 0:
            m = _TITLE_HEAD.match(text)
            start = m.end() if m else 0
        if start < end:
            yield p, text, start, end


_QUOTE = re.compile("[「」]")


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Intervals of 「…」 (outermost, nesting respected) inside ``text[start:end]``."""
    if text.find("「", start, end) < 0:
        return []
    out: list[tuple[int, int]] = []
    depth = 0
    open_at = 0
    for m in _QUOTE.finditer(text, start, end):
        if m.group() == "「":
            if depth == 0:
                open_at = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((open_at, m.end()))
    if depth:
        out.append((open_at, end))
    return out


# -- resolution ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Target:
    """Where a pointer leads: the law (``None`` = the law being read), and symbolic locations."""

    law: LawRef | None
    locs: list[Loc]
    reason: str | None = None


class _Here:
    """The holding provision; its path segments and its ancestors by level are worked out on first use."""

    __slots__ = ("p", "_loc", "_by_tag", "scope")

    def __init__(self, p: "Provision") -> None:
        self.p = p
        self._loc: Loc | None = None
        self._by_tag: dict[str, "Provision"] | None = None
        scope = p
        while scope.parent is not None:
            scope = scope.parent
        self.scope = scope

    @property
    def loc(self) -> Loc:
        if self._loc is None:
            self._loc = tuple((self.p.path or "").split("-"))
        return self._loc

    @property
    def by_tag(self) -> dict[str, "Provision"]:
        if self._by_tag is None:
            self._by_tag = {}
            for a in (self.p, *self.p.ancestors()):
                self._by_tag.setdefault(a.tag, a)
        return self._by_tag


class _Resolver:
    def __init__(self, law: "Law", library: Any = None) -> None:
        self.law = law
        self.library = library
        self.names = LawNames(law)
        #: Pointers resolved so far in the current article, for 同条/同項/同号 (searched backwards when needed).
        self.history: list[tuple[_Target, Pointer]] = []
        self.memory_article: "Provision | None" = None
        #: In an amending provision (「X法の一部を次のように改正する。」), the law being amended.
        self.amended: LawRef | None = None
        self._containers: dict[tuple[str, str, tuple[int, ...]], str] | None = None
        self._loaded: dict[str, "Law | None"] = {}
        self.last_each: _Target | None = None  # the items of the last 「…各号」, for 当該各号
        self._last_loc: Loc | None = None
        self._last_law: LawRef | None = None

    # -- laws ------------------------------------------------------------------------------------------------
    def loaded(self, ref: LawRef | None) -> "Law | None":
        """The text of *ref* when available (``None`` = the law being read; else from the library)."""
        if ref is None:
            return self.law
        if self.library is None:
            return None
        if ref.key in self._loaded:
            return self._loaded[ref.key]
        found = None
        for key in (ref.key, ref.number, ref.title):
            if not key:
                continue
            try:
                if hasattr(self.library, "find_law"):
                    found = self.library.find_law(key)
                elif hasattr(self.library, "get"):
                    found = self.library.get(key)
            except (LawcodeError, KeyError):
                found = None
            if found is not None:
                break
        self._loaded[ref.key] = found
        return found

    def canon(self, law: "Law", loc: Loc) -> str | None:
        """The path of the provision at *loc* in *law*, or ``None``. A number inside a deleted range
        (第三十条 within ``Num="29:31"``) finds the range placeholder."""
        by_path = law._by_path
        path = "-".join(loc)
        if path in by_path:
            return path
        cur = by_path.get(loc[0])
        if cur is None:
            return None
        for seg in loc[1:]:
            if cur.number is not None and cur.number.is_range:
                return None  # below a deleted range (第十五条から第十七条まで　削除) nothing exists
            hit = by_path.get(f"{cur.path}-{seg}")
            if hit is None:
                tag, _, raw = seg.partition("_")
                number = parse_num(raw).first if raw else None
                if number is None:
                    return None
                pool = law._articles_in(cur) if tag == "Article" else cur.subprovisions
                hit = next((k for k in pool if k.tag == tag and k.number is not None and k.number.covers(number)),
                           None)
                if hit is None:
                    return None
            cur = hit
        return cur.path

    def _appendix(self, tag: str, number: tuple[int, ...] | None) -> str | None:
        """An appendix of the law being read by kind and number, when its path is not ``Tag_N`` (no ``Num``
        attribute: ``AppdxTable[2]``); 別表 without a number is the law's only 別表."""
        same = [p for p in self.law.appendices if p.tag == tag and p.path]
        if number is None:
            return same[0].path if len(same) == 1 else None
        for p in same:
            if p.number is not None and p.number.first == number:
                return p.path
        want = {"AppdxTable": "別表", "AppdxStyle": "様式", "AppdxNote": "別記", "AppdxFormat": "書式"}.get(tag, "")
        label = f"{want}第{format_branch_number(number)}"
        for p in same:
            if (p.label or "").endswith(label) or (p.label or "").endswith(label + "号"):
                return p.path
        return None

    def container(self, scope: str, tag: str, number: tuple[int, ...]) -> str | None:
        """Path of 第N章 (節 …) in a scope of the law being read, wherever 編 nest it (first match)."""
        if self._containers is None:
            index: dict[tuple[str, str, tuple[int, ...]], str] = {}
            for c in self.law.provisions(CONTAINER_TAGS):
                if c.number is not None and c.number.first is not None and c.path:
                    index.setdefault((c.path.split("-", 1)[0], c.tag, c.number.first), c.path)
            self._containers = index
        return self._containers.get((scope, tag, number))

    # -- pointers --------------------------------------------------------------------------------------------
    def pointer(self, ptr: Pointer, here: _Here, ctx: Loc | None, law_ref: LawRef | None,
                explicit_law: bool, after_toogai: bool = False) -> _Target:
        """Resolve one pointer. *ctx*: location continuing a list (or ``None``: the holding provision);
        *after_toogai*: the pointer follows 当該 (当該各号: the items of the 各号 cited last)."""
        head, tails = ptr.frags[0], ptr.frags[1:]
        if after_toogai and head.mode == "each" and not tails and self.last_each is not None:
            return _Target(self.last_each.law, list(self.last_each.locs))
        target = self._pointer(ptr, here, ctx, law_ref, explicit_law)
        if ptr.has_each and target.locs and not target.reason:
            self.last_each = target
        return target

    def _pointer(self, ptr: Pointer, here: _Here, ctx: Loc | None, law_ref: LawRef | None,
                 explicit_law: bool) -> _Target:
        head, tails = ptr.frags[0], ptr.frags[1:]
        target_law = law_ref
        reason: str | None = None
        mode = head.mode
        locs: list[Loc]
        if mode == "same":
            mem = self.recall(head.level)
            if mem is None and head.level == "AppdxTable" and _has_table(here.p):
                return _Target(None, [here.loc])  # 「次の表の…同表の」: the table inside the holding provision
            if mem is None:
                return _Target(law_ref, [], f"「{head.word}」 without a {head.level} cited before it")
            target_law, loc = mem
            locs = [self._subitems(loc, head)]
        elif mode == "letter":  # 「第三号イ及びロ」: a sibling of the 細分 cited just before
            if not ctx or not _tag(ctx[-1]).startswith("Subitem"):
                return _Target(law_ref, [], f"「{head.word}」 does not follow a 細分")
            depth = int(_tag(ctx[-1])[7:])
            loc = ctx[:-1] + (f"Subitem{depth}_{head.subitems[0]}",)
            for extra, n in enumerate(head.subitems[1:], start=depth + 1):
                loc = loc + (f"Subitem{extra}_{n}",)
            return _Target(law_ref, [loc])
        elif mode in ("prev", "next", "here", "each"):
            if explicit_law:
                return _Target(law_ref, [], f"「{head.word}」 after a law name")
            locs, reason = self._relative(head, here)
        else:
            base = ctx if ctx is not None else (None if explicit_law else here.loc)
            locs, target_law, reason = self._named(head, here, base, law_ref, explicit_law, ptr)
        for frag in tails:
            if not locs:
                break
            locs, why = self._tail(frag, locs, target_law)
            reason = reason or why
        return _Target(target_law, locs, reason)

    def _subitems(self, loc: Loc, frag: Frag) -> Loc:
        for depth, n in enumerate(frag.subitems, start=1):
            loc = loc + (f"Subitem{depth}_{n}",)
        return loc

    def _scope_for_article(self, here: _Here) -> tuple[Loc, LawRef | None]:
        """Scope of a bare 第N条 read in the holding provision: the 本則, of the amending law in an 改正附則."""
        scope = here.scope
        if scope.tag == "SupplProvision":
            amend = scope.element.get("AmendLawNum")
            if amend:  # an 改正附則: bare article numbers are the amending law's own
                return ("MainProvision",), self.names.identify(amend, None)
        return ("MainProvision",), None

    def _named(self, head: Frag, here: _Here, base: Loc | None, law_ref: LawRef | None, explicit_law: bool,
               ptr: Pointer) -> tuple[list[Loc], LawRef | None, str | None]:
        level = head.level
        if head.mode == "suppl":
            if explicit_law:
                return [("SupplProvision",)], law_ref, None
            if self.amended is not None:
                return [("SupplProvision",)], self.amended, None
            scope = here.scope
            if scope.tag == "SupplProvision" and scope.path:
                return [(scope.path,)], None, None
            return [("SupplProvision",)], None, None
        if head.mode == "appdx":
            seg = f"{level}_{_num(head.number)}" if head.number else f"{level}"
            if not explicit_law and seg not in self.law._by_path:
                found = self._appendix(level, head.number)
                if found is not None:
                    return [(found,)], None, None
            return [(seg,)], law_ref, None
        continuing = base is not None and base is not here.loc and bool(base)
        if level == "Article":
            if explicit_law:
                return [("MainProvision", f"Article_{_num(head.number)}")], law_ref, None
            if continuing and base is not None:
                return [base[:1] + (f"Article_{_num(head.number)}",)], law_ref, None
            if self.amended is not None:  # 「第五条中「…」を「…」に改める」 in an amending provision
                return [("MainProvision", f"Article_{_num(head.number)}")], self.amended, None
            scope_loc, ref = self._scope_for_article(here)
            return [scope_loc + (f"Article_{_num(head.number)}",)], ref, None
        if level in CONTAINER_TAGS:
            if explicit_law or (continuing and law_ref is not None):
                return [("MainProvision", f"{level}_{_num(head.number)}")], law_ref, None
            scope_loc, ref = self._scope_for_article(here)
            if ref is not None:
                return [scope_loc + (f"{level}_{_num(head.number)}",)], ref, None
            path = self.container(scope_loc[0], level, head.number or ())
            if path is None:
                return [scope_loc + (f"{level}_{_num(head.number)}",)], None, None
            return [tuple(path.split("-"))], None, None
        # 項 or 号 without their article: continue the list context or the holding provision
        if explicit_law and not continuing:
            return [], law_ref, f"「{head.word}」 after a law name without its article"
        ctx = base if base is not None else here.loc
        target_law = law_ref if continuing else None
        if level == "Item" and continuing and ctx and _tag(ctx[-1]) in ("AppdxStyle", "AppdxFormat", "AppdxNote"):
            # 「様式第三号又は第四号」: the list goes on with 様式
            return [(f"{_tag(ctx[-1])}_{_num(head.number)}",)], target_law, None
        prefix = tuple(s for s in ctx if _rank(s) < _RANK[level] and _tag(s) not in SUBITEM_TAGS)
        if level == "Item" and prefix and _tag(prefix[-1]) == "Article":
            prefix = prefix + ("Paragraph_1",)
        loc = prefix + (f"{level}_{_num(head.number)}",)
        return [self._subitems(loc, head)], target_law, None

    def _relative(self, head: Frag, here: _Here) -> tuple[list[Loc], str | None]:
        level = head.level
        if head.mode == "here":
            p = here.by_tag.get(level)
            if p is None and level == "AppdxTable" and _has_table(here.p):
                p = here.p  # この表: the table inside the holding provision
            if p is None or not p.path:
                return [], f"「{head.word}」 outside any {level}"
            return [tuple(p.path.split("-"))], None
        if head.mode == "each":
            p = here.p
            kid_tag = "Item" if p.tag in ("Paragraph", "Article") else None
            if p.tag == "Item":
                kid_tag = "Subitem1"
            elif p.tag.startswith("Subitem") and p.tag != "Subitem10":
                kid_tag = f"Subitem{int(p.tag[7:]) + 1}"
            kids = [k for k in p.subprovisions if k.tag == kid_tag and k.path]
            if not kids:
                return [], f"「{head.word}」: {p.label or p.path} has no 号"
            return [tuple(k.path.split("-")) for k in kids if k.path], None
        p = here.by_tag.get(level)
        if p is None:
            return [], f"「{head.word}」 outside any {level}"
        if level == "Article":
            scope = p.parent
            while scope is not None and scope.tag not in ("MainProvision", "SupplProvision"):
                scope = scope.parent
            siblings = self.law._articles_in(scope) if scope is not None else [p]
        else:
            parent = p.parent
            siblings = [k for k in parent.subprovisions if k.tag == level] if parent is not None else [p]
        try:
            i = next(k for k, s in enumerate(siblings) if s is p)
        except StopIteration:
            return [], f"「{head.word}」: cannot place {p.path}"
        if head.mode == "prev":
            chosen = siblings[:i] if head.count == 0 else siblings[max(0, i - head.count):i]
            if head.count and i - head.count < 0:
                return [], f"「{head.word}」: only {i} earlier {level}"
        else:
            chosen = siblings[i + 1:] if head.count == 0 else siblings[i + 1:i + 1 + head.count]
            if head.count and len(chosen) < head.count:
                return [], f"「{head.word}」: no such later {level}"
        if not chosen:
            return [], f"「{head.word}」: no {'earlier' if head.mode == 'prev' else 'later'} {level}"
        locs = [self._subitems(tuple(s.path.split("-")), head) for s in chosen if s.path]
        return locs, None

    def _tail(self, frag: Frag, locs: list[Loc], law_ref: LawRef | None) -> tuple[list[Loc], str | None]:
        out: list[Loc] = []
        reason: str | None = None
        for loc in locs:
            last = _tag(loc[-1]) if loc else ""
            if frag.mode == "named":
                level = frag.level
                if level == "Article":
                    loc = loc[:1] + (f"Article_{_num(frag.number)}",)
                elif level == "Item" and last == "Article":
                    loc = loc + ("Paragraph_1", f"Item_{_num(frag.number)}")
                else:
                    loc = loc + (f"{level}_{_num(frag.number)}",)
                out.append(self._subitems(loc, frag))
            elif frag.mode == "each":
                law = self.loaded(law_ref)
                if law is None:
                    out.append(loc)
                    reason = reason or f"「{frag.word}」 not expanded: the cited law is not loaded"
                    continue
                path = self.canon(law, loc)
                p = law._by_path.get(path) if path else None
                if p is not None and p.tag == "Article":
                    paras = [k for k in p.subprovisions if k.tag == "Paragraph"]
                    p = paras[0] if paras else None
                kids = [k for k in p.subprovisions if k.tag == "Item" and k.path] if p is not None else []
                if not kids:
                    out.append(loc)
                    reason = reason or f"「{frag.word}」: no 号 under {'-'.join(loc)}"
                    continue
                out.extend(tuple(k.path.split("-")) for k in kids if k.path)
            elif frag.mode == "appdx":
                out.append(loc + (f"SupplProvision{frag.level}_{_num(frag.number)}" if frag.number
                                  else f"SupplProvision{frag.level}",))
            else:
                out.append(loc)
                reason = reason or f"「{frag.word}」 cannot follow"
        return out, reason

    def expand_range(self, a: _Target, b: _Target) -> _Target:
        law = self.loaded(a.law)
        if not a.locs or not b.locs:
            return _Target(a.law, a.locs + b.locs, a.reason or b.reason)
        start, end = a.locs[0], b.locs[-1]
        if law is None:  # the cited text is not here: expand by number (branch numbers cannot be known)
            return _Target(a.law, _by_number(start, end), a.reason or b.reason)
        sp, ep = self.canon(law, start), self.canon(law, end)
        if sp is None or ep is None:
            return _Target(a.law, [start, end], a.reason or b.reason)
        p, q = law._by_path[sp], law._by_path[ep]
        if p.tag != q.tag:
            return _Target(a.law, [start, end], f"range from {p.tag} to {q.tag}")
        if p.tag == "Article":
            scope = p.parent
            while scope is not None and scope.tag not in ("MainProvision", "SupplProvision"):
                scope = scope.parent
            siblings = law._articles_in(scope) if scope is not None else []
        else:
            siblings = [k for k in p.parent.subprovisions if k.tag == p.tag] if p.parent is not None else []
        try:
            i = next(k for k, s in enumerate(siblings) if s is p)
            j = next(k for k, s in enumerate(siblings) if s is q)
        except StopIteration:
            return _Target(a.law, [start, end], "range ends are not siblings")
        if j < i:
            return _Target(a.law, [start, end], "range ends in reverse order")
        return _Target(a.law, [tuple((s.path or "").split("-")) for s in siblings[i:j + 1]], a.reason or b.reason)

    def remember(self, target: _Target, ptr: Pointer) -> None:
        """Note a resolved pointer for later 同条/同項/同号."""
        if target.locs:
            self.history.append((target, ptr))

    def recall(self, level: str) -> tuple[LawRef | None, Loc] | None:
        """The last provision of *level* a pointer *named* (同項 after 「第一号」 is not the paragraph of that 号)."""
        if level not in _MEMORY_LEVELS:
            return None
        for target, ptr in reversed(self.history):
            if level in ptr.named:
                loc = target.locs[-1]
                for i, tag in enumerate(_tags(loc)):
                    if tag == level:
                        return target.law, loc[: i + 1]
        return None


# -- the scan --------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Prev:
    end: int
    loc: Loc | None
    law: LawRef | None
    depth: int


_SIMPLE_SEG = re.compile(r"^([A-Za-z0-9]+)_(\d+)$")


def _by_number(start: Loc, end: Loc, limit: int = 200) -> list[Loc]:
    """第一号から第四号まで in a law whose text is not loaded: every number from start to end (same parent);
    just the two ends when the range cannot be counted (branch numbers, different parents, too long)."""
    a, b = _SIMPLE_SEG.match(start[-1]), _SIMPLE_SEG.match(end[-1])
    if a is None or b is None or start[:-1] != end[:-1] or a.group(1) != b.group(1):
        return [start, end]
    first, last = int(a.group(2)), int(b.group(2))
    if not 0 <= last - first <= limit:
        return [start, end]
    return [start[:-1] + (f"{a.group(1)}_{n}",) for n in range(first, last + 1)]


def _run_before(text: str, end: int, floor: int) -> int:
    """Start of the kanji/katakana run that ends at *end*."""
    i = end
    while i > floor and _RUN_CHAR.match(text, i - 1):
        i -= 1
    return i


def _paren_name_start(text: str, end: int, floor: int) -> int:
    """Start of a law name written before 「（法令番号）」 at *end*: back to punctuation, then after the last
    connecting word (及び, は, により …)."""
    i = end
    while i > floor and not _NAME_STOP.match(text, i - 1):
        i -= 1
    if _AMENDING_TITLE.search(text, i, end):
        return i  # 「…及び…の一部を改正する法律」: the whole phrase is the title
    cut = i
    for m in _NAME_SPLIT.finditer(text, i, end):
        cut = m.end()
    return cut if cut < end else i


def references(law: "Law", *, library: Any = None) -> list[Reference]:
    """Every mention of provisions (or of a whole law) in *law*, in document order, resolved.

    *library* (optional) gives the texts of other laws, so that their targets can be checked and 各号 and
    ranges in them expanded: an object with ``find_law(title_or_number_or_id)`` (such as
    :class:`lawcode.refs.library.Library`) or a mapping from LawID/title to :class:`~lawcode.Law`. Without it,
    targets in other laws are the paths the citation names, with ``resolved=False`` and a reason. See
    ``docs/references.md`` for the span, target and context conventions.
    """
    from lawcode.model.law import Law

    if not isinstance(law, Law):
        raise LawcodeError(f"references() takes a lawcode.Law, got {type(law).__name__}")
    # The scan allocates many small objects and no cycles: the cyclic collector would only rescan them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return list(_scan(law, library))
    finally:
        if enabled:
            gc.enable()


def _scan(law: "Law", library: Any) -> Iterator[Reference]:
    res = _Resolver(law, library)
    in_amend_suppl: LawRef | None = None
    last_scope: "Provision | None" = None
    cite_like: set[str] = set()
    for p, text, start, end in own_regions(law):
        last_whole: tuple[int, LawRef | None] | None = None  # end of the last whole-law mention
        first = _ANCHOR.search(text, start, end)
        if first is None:
            continue
        here = _Here(p)
        article: "Provision | None" = p
        while article is not None and article.tag != "Article":
            article = article.parent
        if article is not res.memory_article:
            res.history.clear()
            res.memory_article = article
            res.amended = None
        scope = here.scope
        if scope is not last_scope:
            last_scope = scope
            amend = scope.element.get("AmendLawNum") if scope.tag == "SupplProvision" else None
            in_amend_suppl = res.names.identify(amend, None) if amend else None
        if text.find("「第", start, end) >= 0:
            cite_like.update(t.group(1) for t in _CITE_LIKE_TERM.finditer(text, start, end))
        table_law: tuple[int, LawRef] | None = None
        if text.find("読み替え", start, end) >= 0:
            table_law = _reading_table_law(res, text, start, end)
        quotes = _quotes(text, start, end)
        qstarts = [q[0] for q in quotes]
        prev: dict[int, _Prev] = {}
        pos = start
        depth_at, depth_now = start, 0  # parenthesis depth, counted incrementally
        pending: re.Match[str] | None = first
        while pos < end:
            if pending is not None:
                m, pending = pending, None
            else:
                found = _ANCHOR.search(text, pos, end)
                if found is None:
                    break
                m = found
            s = m.start()
            if quotes:
                k = bisect.bisect_right(qstarts, s) - 1
                if k >= 0 and s < quotes[k][1]:
                    pos = quotes[k][1]
                    continue
            group = m.lastgroup
            if cite_like and group == "ptr":
                term = next((t for t in cite_like if text.startswith(t, s)), None)
                if term is not None:  # a defined term such as 「第二号新個人情報保護法」, not a citation
                    pos = s + len(term)
                    continue
            law_ref: LawRef | None = None
            explicit = False
            chunk_at = m.end()
            mention_start = s
            reason: str | None = None
            if group == "paren":
                number = m.group("pnum")
                name_start = _paren_name_start(text, s, pos)
                title = text[name_start:s] or None
                entry_ref = res.names.identify(number, None)
                if entry_ref.title and text.endswith(entry_ref.title, start, s):
                    name_start = s - len(entry_ref.title)
                    title = entry_ref.title
                law_ref = res.names.identify(number, title)
                alias = _ALIAS.search(m.group("prest") or "")
                res.names.declare(title, law_ref, alias.group(1) if alias else None)
                mention_start = name_start
                explicit = True
            elif group == "aparen":  # 「公営住宅法（以下「法」という。）第十六条」: a short name without the number
                name_start = _paren_name_start(text, s, pos)
                run_start = _run_before(text, s, pos)
                ref, length, why = res.names.named(text[:s], text[run_start:s])
                if ref is None or (ref.number is None and s - name_start > length):
                    ref, length = res.names.by_title(text[name_start:s]), s - name_start
                law_ref = ref
                res.names.declare(None, law_ref, m.group("aname"))
                mention_start = s - length
                explicit = True
            elif group == "bare":
                law_ref = res.names.identify(m.group("bare"), None)
                explicit = True
            elif group == "short":  # 「法律第百五十五号附則第二条」: a short name defined earlier (以下「法律第百五十五号」という)
                name = m.group("short")
                law_ref = res.names.aliases.get(name) or res.names.declared.get(name) or LawRef(name)
                if name not in res.names.aliases and name not in res.names.declared:
                    reason = f"「{name}」 is not defined in this law"
                explicit = True
            elif group == "self":
                law_ref = in_amend_suppl
                yield _make(p, text, s, m.end(), RefKind.INTERNAL_LAW,
                            law_ref, [], law_ref is None or res.loaded(law_ref) is not None,
                            None if law_ref is None or res.loaded(law_ref) is not None
                            else "the amending law's text is not loaded", None, res)
                pos = m.end()
                continue
            elif group == "lawend":
                run_start = _run_before(text, m.end(), pos)
                run = text[run_start:m.end()]
                ref, length, why = res.names.named(text[:m.end()], run)
                if ref is None and why is not None and run in ("法律", "条例", "規則"):
                    # 「…に関する法律第三条」 never declared: the title runs back over hiragana
                    name_start = _paren_name_start(text, m.end(), pos)
                    title = text[name_start:m.end()]
                    if len(title) > len(run):
                        ref, length, why = res.names.by_title(title), len(title), None
                mention_start = m.end() - length
                if ref is None:
                    law_ref = LawRef(run)
                    reason = why
                else:
                    law_ref = ref
                    res.names.last = ref
                explicit = True
            if explicit:
                if law_ref is not None and res.names.is_self(law_ref):
                    law_ref = None
                cm = CHUNK.match(text, chunk_at, end)
                if cm is None:
                    last_whole = (m.end(), law_ref)
                    if law_ref is not None and text.startswith("の一部を次のように改正する", m.end()):
                        res.amended = law_ref  # an amending provision: what follows cites the amended law
                    if group in ("paren", "bare") and law_ref is not None:
                        yield _make(p, text, mention_start, m.end(), RefKind.EXTERNAL, law_ref, [],
                                    res.loaded(law_ref) is not None, None if res.loaded(law_ref) is not None
                                    else "the cited law's text is not loaded", None, res)
                    pos = m.end()
                    continue
                chunk_start, chunk_end = cm.start(), cm.end()
            elif group == "letter":
                # 「ロ　イに掲げる…」: a bare 細分 letter names a sibling 細分 (or a 細分 of the holding 号)
                if p.tag.startswith("Subitem"):
                    ctx_letter: Loc | None = tuple((p.path or "").split("-"))
                elif any(k.tag == "Subitem1" for k in p.subprovisions):
                    ctx_letter = tuple((p.path or "").split("-")) + ("Subitem1_0",)
                else:
                    ctx_letter = None
                lm = LETTER_CHUNK.match(text, s, end)
                if ctx_letter is None or lm is None:
                    pos = m.end()
                    continue
                chunk_start, chunk_end = s, lm.end()
            else:
                chunk_start, chunk_end = s, m.end()
            spec, chunk_end = _parse(text, chunk_start, chunk_end)
            if spec is None:
                pos = max(chunk_end, s + 1)
                continue
            if group == "ptr" and s > start and text[s - 1] in "（）":
                head0 = spec[0].frags[0] if isinstance(spec[0], Pointer) else spec[0].first.frags[0]
                if text[s - 1] == "）" and head0.mode == "named" and head0.level == "Item":
                    pos = chunk_end  # 「（ネ）第一八〇号」: a case number, not a citation
                    continue
                if text[s - 1] == "（" and head0.mode in ("named", "suppl", "appdx"):
                    # 「消費者安全法（第四十三条を除く。）」: inside the parenthesis after a law, that law
                    outer_law = _law_before_paren(res, text, s - 1, start, last_whole)
                    if outer_law is not None and not res.names.is_self(outer_law):
                        law_ref, explicit = outer_law, True
            if table_law is not None and group == "ptr" and not explicit and s > table_law[0]:
                law_ref, explicit = table_law[1], True  # a row of a 読替表: the provisions of the law it applies
            if group == "ptr" and s - 2 >= start and text.startswith("立法", s - 2):
                pos = chunk_end  # 「千九百六十五年立法第百二号」: a 琉球政府 law number
                continue
            # naming context: a connector or an opening parenthesis after an earlier mention continues it
            if mention_start >= depth_at:
                depth_now += text.count("（", depth_at, mention_start) - text.count("）", depth_at, mention_start)
            else:
                depth_now -= text.count("（", mention_start, depth_at) - text.count("）", mention_start, depth_at)
            depth_at = mention_start
            depth = depth_now
            ctx: Loc | None = None
            ctx_law: LawRef | None = None
            before = prev.get(depth)
            if before is not None and before.loc is not None:
                gap = text[before.end:mention_start]
                while "（" in gap and _PARENS.search(gap):
                    gap = _PARENS.sub("", gap)
                if _CONNECTOR.match(gap):
                    ctx, ctx_law = before.loc, before.law
            outer = prev.get(depth - 1)
            if ctx is None and depth > 0 and outer is not None and outer.loc is not None:
                if text[outer.end:mention_start] == "（":
                    ctx, ctx_law = outer.loc, outer.law
            if group == "bare" and law_ref is not None and spec and isinstance(spec[0], Pointer) \
                    and spec[0].frags[0].mode == "suppl":
                # 「平成二十六年法律第六十九号附則第五条」: that amending law's 附則, kept in this law's file
                key = law_ref.number
                own = f"SupplProvision[{key}]" if key else None
                if own and own in law._by_path:
                    law_ref, explicit = None, False
                    ctx = (own,)
            if group == "letter":
                ctx, ctx_law = ctx_letter, None
            toogai = mention_start >= start + 2 and text.startswith("当該", mention_start - 2)
            use_law = ctx_law if ctx is not None and not explicit else law_ref
            made = _resolve_spec(res, spec, here, ctx, use_law, explicit, text, mention_start, chunk_start,
                                 chunk_end, p, reason, toogai)
            yield from made
            prev[depth] = _Prev(chunk_end, res._last_loc, res._last_law, depth)
            if len(prev) > 1:
                for d in [d for d in prev if d > depth]:
                    del prev[d]
            pos = chunk_end


_LAW_SUFFIX = ("法", "法律", "令", "規則", "条例", "協定", "条約")
_READING_TABLE = re.compile("次の表の(?:上欄|第一欄|左欄)に掲げる([^、。（）「」\n]{1,60}?)の規定")


def _reading_table_law(res: _Resolver, text: str, start: int, end: int) -> tuple[int, LawRef] | None:
    """For a provision with a 読替表 (「次の表の上欄に掲げる会社法の規定中同表の中欄に掲げる字句は、…読み替える」):
    where its table starts and the law whose provisions the rows cite (``None`` for this law itself)."""
    m = _READING_TABLE.search(text, start, end)
    if m is None:
        return None
    table_at = text.find("\n", m.end(), end)
    if table_at < 0:
        return None
    name_end = m.end(1)
    run = text[_run_before(text, name_end, m.start(1)):name_end]
    if not run.endswith(_LAW_SUFFIX):
        return None
    ref, _, why = res.names.named(text[:name_end], run)
    if ref is None or why is not None or res.names.is_self(ref):
        return None
    return table_at, ref


def _law_before_paren(res: _Resolver, text: str, paren: int, floor: int,
                      last_whole: tuple[int, LawRef | None] | None) -> LawRef | None:
    """The law named right before the parenthesis at *paren*: a whole-law mention ending there, or a law name
    (「消費者安全法」) written without a number."""
    if last_whole is not None and last_whole[0] == paren:
        return last_whole[1]
    run_start = _run_before(text, paren, floor)
    run = text[run_start:paren]
    if len(run) < 2 or not run.endswith(_LAW_SUFFIX) or run.startswith("同"):
        return None
    ref, _, why = res.names.named(text[:paren], run)
    # only a law that could be identified: 「この政令（第三条を除く。）」 must not become a law called 政令
    return ref if why is None and ref is not None and ref.number is not None else None


def _parse(text: str, start: int, end: int) -> tuple[Any, int]:
    """Parse ``text[start:end]``; on failure, retry with fewer tokens (e.g. 「第三条まで」 without its から)."""
    candidate = text[start:end]
    spec = parse_mention(candidate)
    if spec is not None:
        return spec, end
    try:
        toks = list(tokenize(candidate))
    except ValueError:
        return None, end
    cut = len(candidate)
    for _kind, value in reversed(toks):
        cut -= len(value)
        if cut <= 0:
            break
        spec = parse_mention(candidate[:cut])
        if spec is not None:
            return spec, start + cut
    return None, end


def _resolve_spec(res: _Resolver, spec: Sequence[Pointer | Range], here: _Here, ctx: Loc | None,
                  law_ref: LawRef | None, explicit: bool, text: str, s: int, chunk_start: int, e: int,
                  p: "Provision", reason: str | None, toogai: bool = False) -> list[Reference]:
    """Resolve the items of one candidate; items that turn out to cite another law than the items before them
    (「第一条及び附則第五条」 in an 改正附則: the amending law's 本則, then this file's 附則) start a new mention,
    so that a mention never has two target laws."""
    if len(spec) == 1 and isinstance(spec[0], Pointer) and not toogai:  # the common case: one pointer
        ptr = spec[0]
        t = res.pointer(ptr, here, ctx, law_ref, explicit)
        res.remember(t, ptr)
        res._last_loc = t.locs[-1] if t.locs else None
        res._last_law = t.law
        mode = ptr.frags[0].mode
        if explicit and t.law is not None:
            kind = RefKind.EXTERNAL
        elif mode == "same":
            kind = RefKind.ANAPHORIC
        elif mode in ("prev", "next", "here", "each"):
            kind = RefKind.RELATIVE
        elif t.law is not None:
            kind = RefKind.EXTERNAL
        else:
            kind = RefKind.ABSOLUTE
        why = reason if reason else None
        if t.reason:
            why = f"{why}; {t.reason}" if why else t.reason
        return [_make(p, text, s, e, kind, t.law, t.locs, None, why, ptr.part, res)]
    out: list[Reference] = []
    group: list[tuple[Pointer | Range, _Target, str]] = []
    cur_ctx = ctx
    first_law: LawRef | None = None
    for item in spec:
        if isinstance(item, Range):
            a = res.pointer(item.first, here, cur_ctx, law_ref, explicit)
            b = res.pointer(item.last, here, a.locs[0] if a.locs else cur_ctx, a.law, explicit)
            t = res.expand_range(a, b)
            res.remember(a, item.first)
            res.remember(b, item.last)
            mode = item.first.frags[0].mode
        else:
            t = res.pointer(item, here, cur_ctx, law_ref, explicit, toogai and not group and not out)
            mode = item.frags[0].mode
            if toogai and not group and not out and mode == "each" and len(item.frags) == 1:
                mode = "same"  # 当該各号 is anaphoric
            res.remember(t, item)
        if group and (t.law is None) != (first_law is None) and t.locs:
            out.append(_group_ref(res, group, first_law, explicit, text, s, chunk_start, p, reason))
            group, s, reason = [], chunk_start + item.start, None
        if not group:
            first_law = t.law
        group.append((item, t, mode))
        if t.locs:
            cur_ctx = t.locs[-1]
            law_ref = t.law
            explicit = explicit and t.law is not None
    out.append(_group_ref(res, group, first_law, explicit, text, s, chunk_start, p, reason, e))
    res._last_loc = cur_ctx if any(t.locs for _, t, _ in group) else None
    res._last_law = first_law
    return out


def _group_ref(res: _Resolver, group: list[tuple[Pointer | Range, _Target, str]], target_law: LawRef | None,
               explicit: bool, text: str, s: int, chunk_start: int, p: "Provision", reason: str | None,
               e: int | None = None) -> Reference:
    locs: list[Loc] = []
    reasons: list[str] = [reason] if reason else []
    part: str | None = None
    for item, t, _ in group:
        locs.extend(t.locs)
        if t.reason:
            reasons.append(t.reason)
        part = part or (item.last.part if isinstance(item, Range) else item.part)
    first_mode = group[0][2]
    if e is None:
        e = chunk_start + group[-1][0].end
    if explicit and target_law is not None:
        kind = RefKind.EXTERNAL
    elif first_mode == "same":
        kind = RefKind.ANAPHORIC
    elif first_mode in ("prev", "next", "here", "each"):
        kind = RefKind.RELATIVE
    elif target_law is not None:
        kind = RefKind.EXTERNAL
    else:
        kind = RefKind.ABSOLUTE
    return _make(p, text, s, e, kind, target_law, locs, None, "; ".join(reasons) or None, part, res)


def _make(p: "Provision", text: str, s: int, e: int, kind: RefKind, law_ref: LawRef | None, locs: list[Loc],
          resolved: bool | None, reason: str | None, part: str | None, res: _Resolver) -> Reference:
    targets: list[str] = []
    ok = True
    why = reason
    law = res.law if law_ref is None else res.loaded(law_ref)
    by_path = law._by_path if law is not None else None
    for loc in locs:
        path: str | None = "-".join(loc)
        if by_path is None or law is None:  # the cited law's text is not loaded
            path = None
        elif path not in by_path:  # the common case, a path as written, is checked without the full search
            path = res.canon(law, loc)
        if path is None:
            ok = False
            path = "-".join(loc)
            if why is None:
                why = "the cited law's text is not loaded" if law is None else _missing(law, loc, path)
        if path not in targets:
            targets.append(path)
    if resolved is None:  # a pointer mention: resolved when every target exists and nothing was left open
        resolved = bool(targets) and ok and why is None
        if not resolved and why is None:
            why = "no target"
    return new_reference(p.path or "", (s, e), text[s:e], kind, law_ref.key if law_ref is not None else None,
                         tuple(targets), resolved, None if resolved else why, part)


def warm_up() -> None:
    """Build the parser and load the law index now (both are built once per process, on first use)."""
    from lawcode.refs.laws import lookup
    from lawcode.refs.parse import _parser

    _parser()
    lookup("民法")


def _missing(law: "Law", loc: Loc, path: str) -> str:
    """Why *path* is not in *law*: say so when the 附則 holding it is recorded as an extract (抄)."""
    top = law._by_path.get(loc[0]) if loc else None
    if top is not None and top.tag == "SupplProvision" and top.element.get("Extract") == "true":
        return f"no such provision: {path} (the 附則 is recorded as an extract, 抄)"
    return f"no such provision: {path}"


def citation_path(text: str) -> str | None:
    """The e-Gov path a standalone citation names in a law that is not loaded (第百二十二条第一項 →
    ``MainProvision-Article_122-Paragraph_1``; 第三条第二号 → ``…-Paragraph_1-Item_2``; 附則第二条 →
    ``SupplProvision-Article_2``), or ``None`` when *text* is not one citation of a single provision."""
    spec = parse_mention(text.strip()) if text else None
    if not spec or len(spec) != 1 or not isinstance(spec[0], Pointer):
        return None
    ptr = spec[0]
    if ptr.frags[0].mode not in ("named", "suppl", "appdx"):
        return None
    loc: Loc = ()
    for frag in ptr.frags:
        if frag.mode == "suppl":
            loc = ("SupplProvision",)
        elif frag.mode == "appdx":
            loc = loc + ((f"SupplProvision{frag.level}" if loc else frag.level)
                         + (f"_{_num(frag.number)}" if frag.number else ""),)
        elif frag.mode == "named":
            if not loc:
                loc = ("MainProvision",)
            last = _tag(loc[-1])
            if frag.level == "Article":
                loc = loc[:1] + (f"Article_{_num(frag.number)}",)
            elif frag.level == "Item" and last == "Article":
                loc = loc + ("Paragraph_1", f"Item_{_num(frag.number)}")
            else:
                loc = loc + (f"{frag.level}_{_num(frag.number)}",)
            for depth, n in enumerate(frag.subitems, start=1):
                loc = loc + (f"Subitem{depth}_{n}",)
        else:
            return None
    return "-".join(loc) if loc else None


def _has_table(p: "Provision") -> bool:
    """Whether the provision's own content holds a table (a 表 that is not a 別表)."""
    return any(c.tag == "TableStruct" for c in p.element) or p.element.find("./*/TableStruct") is not None
