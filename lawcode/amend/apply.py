"""Apply parsed amendment operations to the writable tree of a :class:`~lawcode.model.law.LawDraft`.

One :class:`Applier` per amended law. Sentences are applied in order; within a sentence, locations use the
numbering at the start of the sentence (see :mod:`lawcode.amend.locate`) and operations run one after the
other. New provisions are read from their plain text with :mod:`lawcode.io.text` in the style of the base law
(``WritingMode`` of its sentences, kanji or Arabic numbering) so that the result compares equal to e-Gov's
consolidated text. Any failure raises :class:`~lawcode.errors.AmendError`; the caller discards the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from lxml import etree

from lawcode.amend.appendix import APPENDIX_TAGS, Profile, conform, give_number, learn_profile, read_appendices
from lawcode.amend.document import SENTENCE_END
from lawcode.amend.locate import Cursor, LocateError, label_of, num_attr
from lawcode.amend.locate import _inline as _text_of
from lawcode.amend.ruby import text_to_ruby
from lawcode.amend.tables import cell_defaults, has_table, read_paragraphs, read_provisions
from lawcode.amend.numbering import LabelStyle, label_style, read_label, write_label
from lawcode.amend.textedit import replace_everywhere
from lawcode.amend.operations import (
    Add,
    AddSentence,
    AttachCaption,
    Delete,
    DeletePhrase,
    InsertPhrase,
    Loc,
    Operation,
    Range,
    Renumber,
    ReplacePhrase,
    ReplaceWhole,
    SetText,
    Shift,
    Target,
)
from lawcode.errors import AmendError, LawcodeError, ParseError
from lawcode.io.text import FragmentStyle, read_fragment, read_toc
from lawcode.io.text.reader import fill_sentences
from lawcode.model.tags import CONTAINER_TAGS, SUBITEM_TAGS, TAG_OF_UNIT, TITLE_OF
from lawcode.text.normalize import strip_spaces
from lawcode.text.numerals import int_to_kanji

__all__ = ["Applier", "LogEntry"]

_CONTAINERS = frozenset(CONTAINER_TAGS)
#: Elements whose text is not part of 「X中」: numbers, titles and captions (見出し only when named).
_LABEL_TAGS = frozenset(set(TITLE_OF.values()) - {"TOCLabel"}) | {"ArticleCaption", "ParagraphCaption"}
_CAPTION_TAGS = ("ArticleCaption", "ParagraphCaption")
#: Titles of 編章節款目 inside the scope are text of the scope (「第三章中「第五節　収容」を…」); the scope's own
#: title is named with の章名.
_CONTAINER_TITLES = frozenset(t + "Title" for t in CONTAINER_TAGS)
_SENTENCE_GROUPS = ("ParagraphSentence", "ItemSentence") + tuple(f"{t}Sentence" for t in SUBITEM_TAGS)
_TOC_ENTRY_TAGS = frozenset({"TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision",
                             "TOCArticle", "TOCSupplProvision", "TOCAppdxTableLabel"})


@dataclass(frozen=True)
class LogEntry:
    """What one operation did: the operation, the provisions it touched (labels in the new numbering) and a
    short Japanese description."""

    operation: Operation
    targets: tuple[str, ...]
    did: str

    def __str__(self) -> str:
        where = "、".join(self.targets)
        return f"{self.operation.verb}: {where}: {self.did}" if where else f"{self.operation.verb}: {self.did}"


class _Fail(Exception):
    def __init__(self, reason: str, target: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.target = target


class Applier:
    """Applies operations to ``body`` (the writable ``<LawBody>`` of a draft) and records a log."""

    def __init__(self, body: etree._Element, *, source: str = "<amendment>") -> None:
        self.body = body
        self.cursor = Cursor(body)
        self.source = source
        self.log: list[LogEntry] = []
        self.style = _detect_style(body)
        self.defaults = _learn_defaults(body)
        #: Layout attributes by context, learned when an appendix is first written (:mod:`.appendix`).
        self.profile: Profile | None = None
        self.replaced: dict[etree._Element, etree._Element] = {}
        #: The provision renumbered last (for 「以下順次」).
        self.last_renumbered: etree._Element | None = None

    # -- driver ------------------------------------------------------------------------------------------
    def apply_sentence(self, ops: list[Operation]) -> None:
        """Apply the operations of one sentence (numbers resolved against the sentence-start state)."""
        self.cursor.start_sentence()
        for op in ops:
            handler: Callable[[Operation], LogEntry] = getattr(self, "_" + type(op).__name__)
            try:
                entry = handler(op)
            except _Fail as exc:
                raise self._error(op, exc.reason, exc.target) from None
            except LocateError as exc:
                raise self._error(op, str(exc), None) from None
            except LawcodeError as exc:
                raise self._error(op, exc.reason if hasattr(exc, "reason") else str(exc), None) from None
            except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
                # a form the applier does not handle yet must still fail as an AmendError, never half-applied
                raise self._error(op, f"cannot apply this form ({type(exc).__name__}: {exc})", None) from exc
            self.log.append(entry)

    def _error(self, op: Operation, reason: str, target: str | None) -> AmendError:
        where = f"{self.source}:{op.span}" if op.span else self.source
        what = f" in {target}" if target else ""
        return AmendError(f"{op.verb}{what}: {reason} — 「{op.sentence}」", where=where, sentence=op.sentence,
                          operation=op.verb, target=target)

    # -- helpers -----------------------------------------------------------------------------------------
    def _targets(self, targets: tuple[Target, ...]) -> Iterator[tuple[Target, list[etree._Element]]]:
        for t in targets:
            try:
                yield t, self.cursor.resolve_all(t)
            except LocateError as exc:
                raise _Fail(str(exc), str(t)) from None

    def _one(self, loc: Loc) -> etree._Element:
        try:
            return self.cursor.resolve(loc)
        except LocateError as exc:
            raise _Fail(str(exc), str(loc)) from None

    def _slots(self, e: etree._Element, loc: Target) -> list[etree._Element]:
        """The elements whose own text a phrase edit of *loc* may change."""
        part = loc.part if isinstance(loc, Loc) else None
        with_caption = isinstance(loc, Loc) and loc.with_caption
        if e.tag in ("LawTitle", "TOC") or e.tag in _CAPTION_TAGS:
            return list(e.iter())
        if part == "caption":
            cap = [c for c in e if c.tag in _CAPTION_TAGS]
            if not cap:
                raise _Fail("no 見出し", label_of(e))
            return [x for c in cap for x in c.iter()]
        if part == "title":
            title = e.find(e.tag + "Title")
            if title is None:
                raise _Fail("no title", label_of(e))
            return list(title.iter())
        if part in ("main", "proviso", "first", "second", "chapeau"):
            return [x for s in self._sentence_part(e, part) for x in s.iter()]
        if part == "note":
            notes = [x for n in e.findall("SupplNote") for x in n.iter()]
            if not notes:
                raise _Fail("no 付記", label_of(e))
            return notes
        if part == "table":
            return [x for t in e.iter("TableStruct") for x in t.iter()]
        out: list[etree._Element] = []
        excluded: set[etree._Element] = set()
        if isinstance(loc, Loc):
            for ex in loc.exclude:
                try:
                    excluded.update(self.cursor.resolve_all(ex))
                except LocateError as exc:
                    raise _Fail(str(exc), str(ex)) from None

        own_title = e.find(e.tag + "Title") if e.tag in _CONTAINERS else None

        def walk(x: etree._Element) -> None:
            if x in excluded or x is own_title:
                return
            if x.tag in _LABEL_TAGS and x.tag not in _CONTAINER_TITLES and \
                    not (with_caption and x.tag in _CAPTION_TAGS):
                return
            out.append(x)
            for c in x:
                walk(c)

        walk(e)
        return out

    def _sentence_part(self, e: etree._Element, part: str | None) -> list[etree._Element]:
        group = next((c for c in e if c.tag in _SENTENCE_GROUPS), None)
        if group is None:
            raise _Fail("no sentence", label_of(e))
        if part == "chapeau":
            return [group]
        sentences = list(group.iter("Sentence"))
        if part == "main":
            chosen = [s for s in sentences if s.get("Function") == "main"]
        elif part == "proviso":
            chosen = [s for s in sentences if s.get("Function") == "proviso"]
        elif part == "first":
            chosen = sentences[:1] if len(sentences) > 1 else []
        else:
            chosen = sentences[1:2]
        if not chosen:
            raise _Fail({"main": "no 本文", "proviso": "no ただし書", "first": "no 前段", "second": "no 後段"}[part or ""],
                        label_of(e))
        return chosen

    def _edit_phrase(self, op: Operation, targets: tuple[Target, ...], old: str, new: str) -> LogEntry:
        if not old:
            raise _Fail("empty quoted phrase")
        if "\n" in old:
            return self._replace_toc_lines(op, targets, old, new)
        touched: list[str] = []
        total = 0
        for t, elements in self._targets(targets):
            count = 0
            for e in elements:
                n = replace_everywhere(self._slots(e, t), old, new)
                count += n
            if count == 0:
                raise _Fail(f"quoted phrase 「{old}」 not found", ", ".join(label_of(e) for e in elements) or str(t))
            total += count
            touched.extend(label_of(e) for e in elements)
        return LogEntry(op, tuple(touched), f"「{old}」→「{new}」 ({total}箇所)")

    def _replace_toc_lines(self, op: Operation, targets: tuple[Target, ...], old: str, new: str) -> LogEntry:
        """A quoted phrase of several 目次 lines (「第六節　…\n第七節　…」): the run of 目次 entries with exactly
        these lines is replaced by the entries of the new lines (read with :func:`read_toc`)."""
        elements = [e for _, es in self._targets(targets) for e in es]
        if len(elements) != 1 or elements[0].tag != "TOC":
            raise _Fail("a quoted phrase of several lines is supported in 目次 only")
        toc = elements[0]
        old_lines = [strip_spaces(x) for x in old.split("\n") if x.strip(" \u3000")]
        entries = [e for e in toc.iter() if e.tag in _TOC_ENTRY_TAGS]
        texts = [strip_spaces("".join(_text_of(c) for c in e if c.tag not in _TOC_ENTRY_TAGS)) for e in entries]
        start = next((i for i in range(len(entries) - len(old_lines) + 1)
                      if texts[i:i + len(old_lines)] == old_lines), None)
        if start is None:
            raise _Fail(f"the 目次 lines 「{old[:40]}…」 are not found", "目次")
        run = entries[start:start + len(old_lines)]
        members = set(run)
        for e in run:
            if any(d not in members for d in e.iter() if d is not e and d.tag in _TOC_ENTRY_TAGS):
                raise _Fail("the quoted 目次 lines leave part of a chapter behind", "目次")
        try:
            fresh = read_toc(new, source=self.source)
        except LawcodeError as exc:
            raise _Fail(f"cannot read the new 目次 lines: {exc}") from None
        tops = [e for e in run if e.getparent() not in members]
        parent = tops[0].getparent()
        assert parent is not None
        index = parent.index(tops[0])
        for e in tops:
            holder = e.getparent()
            if holder is not None:
                holder.remove(e)
        for k, e in enumerate(list(fresh)):
            parent.insert(index + k, e)
        return LogEntry(op, ("目次",), f"{len(old_lines)}行→{len(fresh)}項目")

    # -- phrase operations -------------------------------------------------------------------------------
    def _ReplacePhrase(self, op: ReplacePhrase) -> LogEntry:
        return self._edit_phrase(op, op.targets, op.old, op.new)

    def _DeletePhrase(self, op: DeletePhrase) -> LogEntry:
        return self._edit_phrase(op, op.targets, op.old, "")

    def _InsertPhrase(self, op: InsertPhrase) -> LogEntry:
        return self._edit_phrase(op, op.targets, op.anchor, op.anchor + op.text)

    def _SetText(self, op: SetText) -> LogEntry:
        e = self._one(op.target)
        part = op.target.part
        if part == "caption":
            cap = next((c for c in e if c.tag in _CAPTION_TAGS), None)
            if cap is None:
                raise _Fail("no 見出し to change", label_of(e))
            _set_text(cap, op.text)
        elif part == "title" or e.tag == "LawTitle":
            holder = e if e.tag == "LawTitle" else e.find(e.tag + "Title")
            if holder is None:
                raise _Fail("no title to change", label_of(e))
            _set_text(holder, op.text)
        else:
            raise _Fail("「…を「X」に改める」 needs a 見出し or a title", label_of(e))
        return LogEntry(op, (label_of(e),), f"→「{op.text}」")

    def _AttachCaption(self, op: AttachCaption) -> LogEntry:
        e = self._one(op.target)
        tag = "ArticleCaption" if e.tag == "Article" else "ParagraphCaption"
        if e.find(tag) is not None:
            raise _Fail("already has a 見出し", label_of(e))
        cap = etree.Element(tag)
        cap.text = op.text
        e.insert(0, cap)
        return LogEntry(op, (label_of(e),), f"見出し「{op.text}」")

    # -- structure ---------------------------------------------------------------------------------------
    def _Delete(self, op: Delete) -> LogEntry:
        done: list[str] = []
        # every target is found before anything is removed (sentence-start numbering): 「第二十二条及び第二十三条を
        # 削る」 names one element 「第二十二条及び第二十三条　削除」 twice, and it is removed once
        seen: set[tuple[etree._Element, str | None]] = set()
        for t, elements in list(self._targets(op.targets)):
            part = t.part if isinstance(t, Loc) else None
            for e in elements:
                if (e, part) in seen:
                    continue
                seen.add((e, part))
                label = label_of(e)
                if part == "caption":
                    cap = next((c for c in e if c.tag in _CAPTION_TAGS), None)
                    if cap is None:
                        raise _Fail("no 見出し to delete", label)
                    _remove(cap)
                elif part in ("proviso", "second", "first", "main"):
                    holder = _sentence_holder(e)
                    for s in self._sentence_part(holder, part):
                        _remove(s)
                    _renumber_sentences(holder, single=self.style.number_single)
                elif part is not None:
                    raise _Fail(f"cannot delete the part {part}", label)
                else:
                    _remove(e)
                done.append(label)
        return LogEntry(op, tuple(done), "削除")

    def _fragment(self, text: str, line: int) -> list[etree._Element]:
        if not text:
            raise _Fail("the provision text that should follow the sentence is missing")
        try:
            if has_table(text):  # 条 or 項 holding a table: the table notation with cell notes (.tables)
                news = read_provisions(text, cell_defaults(self.body), source=self.source)
                if self.profile is None:
                    self.profile = learn_profile(self.body)
                for n in news:
                    conform(n, self.profile)
            else:
                news = read_fragment(text, self.style, source=self.source, first_line=line or 1)
                _placeholders_like(news, self.body, self.style)
        except LawcodeError as exc:
            raise _Fail(f"cannot read the quoted provisions: {exc}") from None
        for n in news:
            text_to_ruby(n)  # 「｟賂《ろ》｠」 (.ruby)
        for n in news:
            _apply_defaults(n, self.defaults)
        return news

    def _ReplaceWhole(self, op: ReplaceWhole) -> LogEntry:
        olds: list[etree._Element] = []
        parts: list[str | None] = []
        for t, elements in self._targets(op.targets):
            olds.extend(elements)
            parts.extend([t.part if isinstance(t, Loc) else None] * len(elements))
        if len(olds) == 1 and olds[0].tag == "TOC":
            try:
                toc = read_toc(op.text, source=self.source, first_line=op.text_line or 1)
            except LawcodeError as exc:
                raise _Fail(f"cannot read the new 目次: {exc}") from None
            _apply_defaults(toc, self.defaults)
            parent = olds[0].getparent()
            assert parent is not None
            parent.replace(olds[0], toc)
            return LogEntry(op, ("目次",), "全部改正")
        if len(olds) == 1 and olds[0].tag == "Preamble":
            fresh = read_preamble(op.text, self.style, like=olds[0])
            text_to_ruby(fresh)
            _apply_defaults(fresh, self.defaults)
            parent = olds[0].getparent()
            assert parent is not None
            parent.replace(olds[0], fresh)
            return LogEntry(op, ("前文",), "全部改正")
        if len(olds) == 1 and olds[0].tag == "LawTitle":
            _set_text(olds[0], "".join(ln.strip(" \u3000") for ln in op.text.splitlines()))
            return LogEntry(op, ("題名",), "全部改正")
        if len(olds) == 1 and parts[0] == "title":
            holder = olds[0].find(olds[0].tag + "Title")
            if holder is None:
                raise _Fail("no title", label_of(olds[0]))
            _set_text(holder, "\n".join(ln.strip(" \u3000") for ln in op.text.splitlines() if ln.strip()))
            return LogEntry(op, (label_of(olds[0]),), "全部改正")
        if olds and all(o.tag in APPENDIX_TAGS for o in olds):
            return self._replace_appendices(op, olds)
        if len(olds) == 1 and olds[0].tag == "MainProvision" and parts[0] is None:
            return self._replace_main_paragraphs(op, olds[0])
        news = self._fragment(op.text, op.text_line)
        part = parts[0] if len(olds) == 1 else None
        if part in ("main", "proviso", "first", "second") and all(n.tag == "Sentence" for n in news):
            return self._replace_sentence_part(op, olds[0], part, news)
        if part == "items":
            return self._replace_items(op, olds[0], news)
        if all(n.tag == "Sentence" for n in news) and len(olds) == 1 and olds[0].tag in ("Paragraph", "Item"):
            group = next((c for c in olds[0] if c.tag in _SENTENCE_GROUPS), None)
            if group is None:
                raise _Fail("no sentence to replace", label_of(olds[0]))
            for c in list(group):
                group.remove(c)
            for n in news:
                group.append(n)
            _renumber_sentences(olds[0])
            return LogEntry(op, (label_of(olds[0]),), "全部改正")
        for old in olds:
            if old.tag not in {n.tag for n in news}:
                raise _Fail(f"the new text has no <{old.tag}>", label_of(old))
        labels = [label_of(o) for o in olds]
        anchor = olds[0]
        parent = anchor.getparent()
        if parent is None:
            raise _Fail("cannot replace the root")
        index = parent.index(anchor)
        for o in olds:
            _remove(o)
        for k, n in enumerate(news):
            _fix_first_paragraph(n)
            parent.insert(index + k, n)
            self.cursor.fresh.add(n)
        for o, n in zip(olds, news, strict=False):
            self.replaced[o] = n
        return LogEntry(op, tuple(labels), "全部改正")

    def _appendices(self, text: str) -> list[etree._Element]:
        """Appendices quoted as text (「別表第一を次のように改める。」), made to look like the base law's."""
        if not text:
            raise _Fail("the appendix text that should follow the sentence is missing")
        if self.profile is None:
            self.profile = learn_profile(self.body)
        try:
            news = read_appendices(text, self.profile, cell_defaults(self.body), source=self.source)
        except LawcodeError as exc:
            raise _Fail(str(exc)) from None
        for n in news:
            text_to_ruby(n)
            _apply_defaults(n, self.defaults)
        return news

    def _replace_main_paragraphs(self, op: ReplaceWhole, main: etree._Element) -> LogEntry:
        """「本則を次のように改める。」: the whole 本則 — 章, 条, or 項 only (the first 項 without its number)."""
        news = self._fragment(op.text, op.text_line)
        if any(n.tag == "Sentence" for n in news):  # running text first: a 本則 of 項 only
            try:
                news = read_paragraphs(op.text, cell_defaults(self.body), source=self.source)
            except LawcodeError as exc:
                raise _Fail(f"cannot read the new 本則: {exc}") from None
            if self.profile is None:
                self.profile = learn_profile(self.body)
            settle_read(news, self.profile, self.defaults)
        for c in list(main):
            main.remove(c)
        for n in news:
            main.append(n)
            self.cursor.fresh.add(n)
        return LogEntry(op, ("本則",), "全部改正")

    def _replace_appendices(self, op: ReplaceWhole, olds: list[etree._Element]) -> LogEntry:
        news = self._appendices(op.text)
        if len(news) != len(olds):
            raise _Fail(f"{len(olds)} appendices replaced by {len(news)} in the text")
        labels = tuple(label_of(o) for o in olds)
        for o, n in zip(olds, news, strict=True):
            parent = o.getparent()
            assert parent is not None
            give_number(n, o, self.body)
            n.tail = o.tail
            parent.replace(o, n)
            self.replaced[o] = n
            self.cursor.fresh.add(n)
        return LogEntry(op, labels, "全部改正")

    def _add_toc(self, op: Add) -> LogEntry:
        """「題名の次に次の目次を付する。」: a new 目次, after the 題名 and the 制定文 (where e-Gov files it)."""
        if self.body.find("TOC") is not None:
            raise _Fail("the law already has a 目次")
        try:
            toc = read_toc(op.text, source=self.source, first_line=op.text_line or 1)
        except LawcodeError as exc:
            raise _Fail(f"cannot read the new 目次: {exc}") from None
        _apply_defaults(toc, self.defaults)
        index = 0
        for i, c in enumerate(self.body):
            if c.tag in ("LawTitle", "EnactStatement"):
                index = i + 1
        self.body.insert(index, toc)
        return LogEntry(op, ("目次",), "目次を追加")

    def _add_appendices(self, op: Add) -> LogEntry:
        """「別表第一の次に次の一表を加える」; after 「附則」 or 「本則」: after the last 本則 or 附則 of the law."""
        news = self._appendices(op.text)
        if op.count and len(news) != op.count:
            raise _Fail(f"the sentence adds {op.count} 表 but the text has {len(news)}")
        anchor = self._one(op.target) if op.target is not None else None
        if anchor is not None and anchor.tag in APPENDIX_TAGS and op.position in ("after", "before"):
            parent = anchor.getparent()
            assert parent is not None
            index = parent.index(anchor) + (1 if op.position == "after" else 0)
        elif anchor is None or anchor.tag in ("MainProvision", "SupplProvision"):
            parent = self.body
            provisions = [i for i, c in enumerate(parent) if c.tag in ("MainProvision", "SupplProvision")]
            index = provisions[-1] + 1 if provisions else len(parent)
        else:
            raise _Fail(f"cannot add an appendix next to <{anchor.tag}>", label_of(anchor))
        for k, n in enumerate(news):
            give_number(n, None, self.body)
            parent.insert(index + k, n)
            self.cursor.fresh.add(n)
        return LogEntry(op, tuple(label_of(n) for n in news), "別表等を追加")

    def _replace_sentence_part(self, op: ReplaceWhole, e: etree._Element, part: str,
                               news: list[etree._Element]) -> LogEntry:
        """「同項ただし書を次のように改める」, 「第N条第M項後段を次のように改める」."""
        old_sentences = self._sentence_part(e, part)
        holder = old_sentences[0].getparent()
        assert holder is not None
        index = holder.index(old_sentences[0])
        function = old_sentences[0].get("Function")
        for s in old_sentences:
            holder.remove(s)
        for k, n in enumerate(news):
            if function is not None:
                n.set("Function", function)
            holder.insert(index + k, n)
        _renumber_sentences(e)
        _order_attributes(holder)
        return LogEntry(op, (label_of(e),), "全部改正")

    def _replace_items(self, op: ReplaceWhole, e: etree._Element, news: list[etree._Element]) -> LogEntry:
        """「同項各号を次のように改める」: all 号 of a 項 (or of an article's only 項) replaced."""
        if e.tag == "Article":
            paragraphs = e.findall("Paragraph")
            if len(paragraphs) != 1:
                raise _Fail("各号 of an article with several 項", label_of(e))
            e = paragraphs[0]
        if any(n.tag != "Item" for n in news):
            raise _Fail("the new text of 各号 must be 号")
        items = e.findall("Item")
        index = e.index(items[0]) if items else len(e)
        for item in items:
            e.remove(item)
        for k, n in enumerate(news):
            e.insert(index + k, n)
            self.cursor.fresh.add(n)
        return LogEntry(op, (label_of(e),), "各号を全部改正")

    def _Add(self, op: Add) -> LogEntry:
        if op.unit == "rows":
            return self._add_rows(op)
        if op.unit in ("表", "様式", "書式"):  # 「次の一表を加える」, 「次の一様式を加える」
            return self._add_appendices(op)
        if op.unit == "目次":
            return self._add_toc(op)
        tag = TAG_OF_UNIT.get(op.unit)
        if tag is None:
            raise _Fail(f"adding 「{op.unit}」 is not supported yet")
        news = self._fragment(op.text, op.text_line)
        if tag == "Paragraph" and news and all(n.tag == "Sentence" for n in news) and op.ordinal == (1,):
            news = [_unnumbered_paragraph(news)]  # a new 第一項 is written without its number
        if not news or any(n.tag != tag for n in news):
            got = ", ".join(sorted({n.tag for n in news})) or "nothing"
            raise _Fail(f"expected {op.count or 'the'} new <{tag}> in the quoted text, got {got}"
                        + _unparsed_sentence_hint(op.text))
        if op.count and len(news) != op.count:
            raise _Fail(f"the sentence adds {op.count} {op.unit} but the text has {len(news)}")
        if op.target is None:
            parent, index = self._default_home(tag)
        else:
            anchor = self._one(op.target)
            parent, index = self._home(anchor, tag, op.position, op)
        for k, n in enumerate(news):
            if tag == "Paragraph":
                _ensure_paragraph_num(n)
            parent.insert(index + k, n)
            self.cursor.fresh.add(n)
        where = label_of(parent) if parent.tag not in ("MainProvision",) else "本則"
        return LogEntry(op, tuple(label_of(n) for n in news), f"{where}に追加")

    def _default_home(self, tag: str) -> tuple[etree._Element, int]:
        main = self.cursor.main()
        return main, len(main)

    def _home(self, anchor: etree._Element, tag: str, position: str, op: Add) -> tuple[etree._Element, int]:
        """Parent and index where new <tag> elements go relative to *anchor*."""
        if position in ("after", "before"):
            if anchor.tag == tag or (tag == "Article" and anchor.tag in _CONTAINERS | {"Article"}) or \
                    (tag in _CONTAINERS and anchor.tag in _CONTAINERS | {"Article"}):
                parent = anchor.getparent()
                assert parent is not None
                i = parent.index(anchor)
                return parent, i + 1 if position == "after" else i
            raise _Fail(f"cannot add <{tag}> next to <{anchor.tag}>", label_of(anchor))
        holder = anchor
        if tag == "Item" and holder.tag == "Article":
            paras = holder.findall("Paragraph")
            if not paras:
                raise _Fail("article without 項", label_of(anchor))
            holder = paras[0]
        if tag.startswith("Subitem") and holder.tag in ("Item",) + SUBITEM_TAGS:
            pass
        children = [c for c in holder if c.tag == tag]
        if position == "as":
            if op.ordinal != (1,):
                raise _Fail("only 第一… として is supported")
            if children:
                return holder, holder.index(children[0])
            position = "end"
        if children:
            return holder, holder.index(children[-1]) + 1
        # no element of that kind yet: after the title/sentence group
        last_fixed = -1
        for i, c in enumerate(holder):
            if c.tag in _LABEL_TAGS or c.tag in _SENTENCE_GROUPS or c.tag.endswith("Title"):
                last_fixed = i
        if tag == "Article" or tag in _CONTAINERS:
            return holder, len(holder)
        return holder, last_fixed + 1

    def _add_rows(self, op: Add) -> LogEntry:
        anchor = self._one(op.target) if op.target is not None else None
        if anchor is None or anchor.tag != "TableRow":
            raise _Fail("「次のように加える」 is supported after a table row (…の項)")
        parent = anchor.getparent()
        assert parent is not None
        index = parent.index(anchor)
        template = anchor.findall("TableColumn")
        lines = [ln.strip(" \u3000") for ln in op.text.splitlines() if ln.strip(" \u3000")]
        if not lines:
            raise _Fail("the rows to add are missing")
        rows = []
        for k, line in enumerate(lines, 1):
            cells = [c for c in line.split("\u3000") if c]
            if len(cells) != len(template):
                raise _Fail(f"the new row has {len(cells)} cells, the table {len(template)}: 「{line}」")
            row = etree.Element("TableRow", dict(anchor.attrib))
            for tmpl, cell in zip(template, cells, strict=True):
                col = etree.SubElement(row, "TableColumn", dict(tmpl.attrib))
                s = etree.SubElement(col, "Sentence")
                sample = tmpl.find("Sentence")
                if sample is not None:
                    for key, value in sample.attrib.items():
                        s.set(key, value)
                s.text = cell
            parent.insert(index + k, row)
            self.cursor.fresh.add(row)
            rows.append(row)
        return LogEntry(op, tuple(label_of(r) for r in rows), f"{label_of(anchor)}の次に追加")

    def _AddSentence(self, op: AddSentence) -> LogEntry:
        e = self._one(op.target)
        if e.tag == "Article":
            paras = e.findall("Paragraph")
            e = paras[-1] if paras else e
        group = next((c for c in e if c.tag in _SENTENCE_GROUPS), None)
        if group is None:
            raise _Fail("no sentence to extend", label_of(e))
        text = "".join(ln.strip(" \u3000") for ln in op.text.splitlines())
        if not text:
            raise _Fail("the sentence to add is missing")
        existing = list(group.iter("Sentence"))
        holder = existing[-1].getparent() if existing else group
        assert holder is not None
        before = len(existing)
        fill_sentences(holder, text, self.style, first_num=before + 1)
        sentences = list(holder.iter("Sentence"))
        if len(sentences) > 1 and any(s.get("Num") is not None for s in sentences):
            for i, s in enumerate(sentences, 1):  # a sentence that stood alone unnumbered now has company
                s.set("Num", str(i))
        if op.role == "proviso":
            for s in existing:
                s.set("Function", "main")
            for s in list(holder.iter("Sentence"))[before:]:
                s.set("Function", "proviso")
            _order_attributes(holder)
        return LogEntry(op, (label_of(e),), "後段を追加" if op.role == "second" else "ただし書を追加")

    def _Renumber(self, op: Renumber) -> LogEntry:
        e = self._one(op.target)
        dest = op.to.steps[-1]
        kind = e.tag if not e.tag.startswith("Subitem") else "Subitem"
        if dest.kind != kind:
            raise _Fail(f"moving a {e.tag} to a {dest.kind} is not supported yet", label_of(e))
        if any(s.kind in _CONTAINERS for s in op.to.steps[:-1]) and e.tag == "Article":
            self._move_into(e, Loc(op.to.steps[:-1]), dest.number)
        before = label_of(e)
        if kind == "Subitem":
            number = self._subitem_number(dest.key)
        else:
            number = dest.number
        self._set_number(e, number)
        self.last_renumbered = e
        return LogEntry(op, (before,), f"→{label_of(e)}")

    def _move_into(self, e: etree._Element, container: Loc, number: tuple[int, ...]) -> None:
        """Move article *e* into *container* (同条を第四章第三節中第三十六条とする), in number order."""
        try:
            holder = self.cursor.resolve(container, remember=False)
        except LocateError as exc:
            raise _Fail(str(exc), str(container)) from None
        parent = e.getparent()
        assert parent is not None
        parent.remove(e)
        articles = [a for a in holder if a.tag == "Article"]
        before = [a for a in articles if _num_tuple(a.get("Num")) < number]
        if before:
            holder.insert(holder.index(before[-1]) + 1, e)
        elif articles:
            holder.insert(holder.index(articles[0]), e)
        else:
            holder.append(e)

    def _following_renumbered(self) -> list[etree._Element]:
        """「以下順次」: the provisions of the same kind that follow the one renumbered just before."""
        if self.last_renumbered is None:
            raise _Fail("「以下順次」 without a renumbering before it")
        e = self.last_renumbered
        if e.tag == "Article":
            scope = e.getparent()
            while scope is not None and scope.tag not in ("MainProvision", "SupplProvision"):
                scope = scope.getparent()
            pool = list((scope if scope is not None else self.cursor.main()).iter("Article"))
        else:
            parent = e.getparent()
            if parent is None:
                raise _Fail("「以下順次」 after a provision without parent")
            pool = [c for c in parent if c.tag == e.tag] if e.tag not in _CONTAINERS else \
                list(self.cursor.main().iter(e.tag))
        return [x for x in pool[pool.index(e) + 1:] if x not in self.cursor.fresh]

    def _subitem_number(self, key: str) -> tuple[int, ...]:
        return (read_label(key, horizontal=bool(self.style.horizontal)),)

    def _Shift(self, op: Shift) -> LogEntry:
        target = op.target
        if target is None:
            elements = self._following_renumbered()
            branch = False
        else:
            try:
                elements = self.cursor.resolve_all(target)
            except LocateError as exc:
                raise _Fail(str(exc), str(target)) from None
            ends = (target.start, target.end) if isinstance(target, Range) else (target, target)
            branch = any(len(loc.steps[-1].number) > 1 for loc in ends)
        labels = [label_of(e) for e in elements]
        for e in elements:
            ends_of_e = [tuple(int(x) for x in part.split("_")) for part in (e.get("Num") or "0").split(":")]
            moved = []
            for number in ends_of_e:
                if branch:
                    number = number[:-1] + (number[-1] + op.by,)
                else:
                    number = (number[0] + op.by,) + number[1:]
                if min(number) < 1:
                    raise _Fail("shift below 1", label_of(e))
                moved.append(number)
            if len(moved) == 2:
                self._set_range_number(e, moved[0], moved[1])
            else:
                self._set_number(e, moved[0])
        return LogEntry(op, tuple(labels), f"{abs(op.by)}{op.unit}ずつ{'繰下げ' if op.by > 0 else '繰上げ'}")

    def _set_range_number(self, e: etree._Element, first: tuple[int, ...], last: tuple[int, ...]) -> None:
        """Renumber a deleted range 「第十五条から第十七条まで　削除」 (``Num="15:17"``)."""
        self.cursor.orig.setdefault(e, e.get("Num") or "")
        e.set("Num", num_attr(first) + ":" + num_attr(last))
        title_tag = TITLE_OF.get(e.tag)
        title = e.find(title_tag) if title_tag else None
        if title is None:
            return
        horizontal = bool(self.style.horizontal)
        if e.tag == "Article":
            text = _branch_label(first, "条", horizontal) + "から" + _branch_label(last, "条", horizontal) + "まで"
        elif e.tag == "Item":
            old = _text_of(title)
            joiner = "及び" if "及び" in old else "から"
            text = "の".join(int_to_kanji(n) for n in first) + joiner + "の".join(int_to_kanji(n) for n in last)
            if joiner == "から":
                text += "まで"
        else:
            return
        _set_text(title, text)

    def _sibling_style(self, e: etree._Element, old: str, default: LabelStyle) -> LabelStyle:
        """The printed-number style of *e*'s level, read from its siblings' titles (see :mod:`.numbering`)."""
        parent = e.getparent()
        title_tag = TITLE_OF.get(e.tag, "")
        titles = []
        for s in (parent if parent is not None else ()):
            if s is not e and s.tag == e.tag:
                t = s.find(title_tag)
                if t is not None:
                    titles.append(_text_of(t))
        return label_style(titles, old, default, horizontal=bool(self.style.horizontal))

    def _set_number(self, e: etree._Element, number: tuple[int, ...]) -> None:
        """Give *e* a new number: the ``Num`` attribute and its printed title, in the law's style.

        A 別表 that has no ``Num`` (most exports) keeps none: its number lives in its title only."""
        self.cursor.orig.setdefault(e, self.cursor.number_of(e))
        if e.get("Num") is not None or e.tag != "AppdxTable":
            e.set("Num", num_attr(number))
        tag = e.tag
        title_tag = TITLE_OF.get(tag)
        title = e.find(title_tag) if title_tag else None
        horizontal = bool(self.style.horizontal)
        if tag == "Article":
            text = _branch_label(number, "条", horizontal)
        elif tag == "Paragraph":
            if title is None:
                title = etree.Element("ParagraphNum")
                e.insert(0, title)
            old = _text_of(title)
            text = write_label(number, self._sibling_style(e, old, LabelStyle("fullwidth")))
            parent = e.getparent()
            if number == (1,) and (not old or (parent is not None and parent.tag == "Article")):
                text = ""  # the first 項 of an article prints no number (e-Gov writes an empty ParagraphNum)
        elif tag == "Item":
            old = _text_of(title) if title is not None else ""
            text = write_label(number, self._sibling_style(e, old, LabelStyle("kanji")))
        elif tag in SUBITEM_TAGS:
            old = _text_of(title) if title is not None else ""
            kana = LabelStyle("aiu" if horizontal else "iroha")
            text = write_label(number, self._sibling_style(e, old, kana))
        elif tag == "AppdxTable":
            old = _text_of(title) if title is not None else ""
            label = "別表第" + "の".join(str(n) if horizontal else int_to_kanji(n) for n in number)
            text = re.sub(r"^別表(第[^\s\u3000（(]*)?", label, old) if old.startswith("別表") else label
        elif tag in _CONTAINERS:
            unit = {"Part": "編", "Chapter": "章", "Section": "節", "Subsection": "款", "Division": "目"}[tag]
            old = _text_of(title) if title is not None else ""
            head, sep, rest = old.partition("\u3000")
            text = _branch_label(number, unit, horizontal) + sep + rest
        else:
            return
        if title is not None:
            _set_text(title, text)


# -- module helpers ------------------------------------------------------------------------------------------
#: Attributes whose value is specific to each element (never copied as a default).
_OWN_ATTRIBUTES = frozenset({"Num", "Function", "WritingMode"})
_DEFAULTED_TAGS = frozenset({"Article", "Paragraph", "Item", "Column", "Part", "Chapter", "Section", "Subsection",
                             "Division", "TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision",
                             "TOCArticle"} | set(SUBITEM_TAGS))


def _learn_defaults(body: etree._Element) -> dict[str, dict[str, str]]:
    """Attributes the base law writes on (nearly) every element of a kind — ``Delete="false" Hide="false"`` in
    some exports, ``LineBreak="false"`` on columns — so that new elements look like their neighbours."""
    seen: dict[str, int] = {}
    values: dict[tuple[str, str], dict[str, int]] = {}
    for e in body.iter(*_DEFAULTED_TAGS):
        tag = e.tag
        seen[tag] = seen.get(tag, 0) + 1
        for key, value in e.attrib.items():
            if key not in _OWN_ATTRIBUTES:
                counts = values.setdefault((tag, key), {})
                counts[value] = counts.get(value, 0) + 1
    out: dict[str, dict[str, str]] = {}
    for (tag, key), counts in values.items():
        value, n = max(counts.items(), key=lambda kv: kv[1])
        if n >= 0.9 * seen[tag] and n >= 2:
            out.setdefault(tag, {})[key] = value
    return out


def read_preamble(text: str, style: FragmentStyle, like: etree._Element | None = None) -> etree._Element:
    """The ``Preamble`` written in *text* (the text of 「前文を次のように改める。」): one unnumbered paragraph per
    line, its sentences split at 「。」 as in any provision — unless the 前文 it replaces (*like*) holds each
    paragraph as one ``Sentence`` (as e-Gov files most 前文): then one sentence per paragraph, with the
    attributes those sentences carry."""
    preamble = etree.Element("Preamble")
    lines = [ln.strip(" \u3000") for ln in text.splitlines() if ln.strip(" \u3000")]
    if not lines:
        raise ParseError("the text of the new 前文 is missing", source="<前文>")
    groups = list(like.iter("ParagraphSentence")) if like is not None else []
    whole = bool(groups) and all(len(g.findall("Sentence")) == 1 for g in groups)
    attrs = dict(groups[0].find("Sentence").attrib) if whole else {}
    for i, line in enumerate(lines, 1):
        p = etree.SubElement(preamble, "Paragraph", Num=str(i))
        etree.SubElement(p, "ParagraphNum")
        group = etree.SubElement(p, "ParagraphSentence")
        if whole:
            etree.SubElement(group, "Sentence", attrs).text = line
        else:
            fill_sentences(group, line, style)
    return preamble


def _placeholders_like(news: list[etree._Element], body: etree._Element, style: FragmentStyle) -> None:
    """A 「削除」 placeholder read from text carries no attributes; give it those the base law's own 「削除」
    sentences mostly carry (``WritingMode="vertical"`` in some exports, nothing in others), or, when the law
    has none, the ``WritingMode`` of its other sentences."""
    fresh = [s for n in news for s in n.iter("Sentence") if s.text == "削除" and not s.attrib]
    if not fresh:
        return
    seen: dict[tuple[tuple[str, str], ...], int] = {}
    for s in body.iter("Sentence"):
        if s.text == "削除" and not len(s):
            key = tuple(sorted((k, v) for k, v in s.attrib.items() if k != "Num"))
            seen[key] = seen.get(key, 0) + 1
    if not seen:
        seen[(("WritingMode", style.writing_mode),) if style.writing_mode else ()] = 1
    attrs = max(seen.items(), key=lambda kv: kv[1])[0]
    for s in fresh:
        for k, v in attrs:
            s.set(k, v)


def settle_read(elements: list[etree._Element], profile: Profile, defaults: dict[str, dict[str, str]]) -> None:
    """Make provisions read from quoted text look like the base law's own: ruby notation back to ``<Ruby>``,
    layout attributes from the law's *profile*, and the law's default attributes where none is set."""
    for n in elements:
        text_to_ruby(n)
        conform(n, profile)
        _apply_defaults(n, defaults)


def _apply_defaults(element: etree._Element, defaults: dict[str, dict[str, str]]) -> None:
    if not defaults:  # (iter() without tags would walk everything)
        return
    for e in element.iter(*defaults):
        for key, value in defaults[e.tag].items():
            if e.get(key) is None:
                e.set(key, value)




def _unparsed_sentence_hint(text: str) -> str:
    """When quoted text holds a line that reads like an amendment sentence, it is one the grammar could not
    read (so it was taken for provision text): say so, with the line."""
    for line in text.splitlines():
        line = line.strip(" \u3000")
        if SENTENCE_END.search(line) and not line[:1].isdigit():
            return f" (the line 「{line[:60]}」 looks like an amendment sentence that could not be read)"
    return ""


def _num_tuple(num: str | None) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in (num or "0").split(":")[0].split("_"))
    except ValueError:
        return (0,)


def _detect_style(body: etree._Element) -> FragmentStyle:
    mode: str | None = None
    numbered = False
    for s in body.iter("Sentence"):
        if s.get("Num") is not None:
            mode, numbered = s.get("WritingMode"), True
            break
    if not numbered:  # no sentence carries a Num: the mode most sentences have
        modes: dict[str | None, int] = {}
        for s in body.iter("Sentence"):
            modes[s.get("WritingMode")] = modes.get(s.get("WritingMode"), 0) + 1
        mode = max(modes.items(), key=lambda kv: kv[1])[0] if modes else None
    horizontal = False
    for t in body.iter("ArticleTitle"):
        text = _text_of(t)
        horizontal = any(c.isdigit() for c in text)
        break
    alone_with, alone_without = 0, 0
    for group in body.iter("ParagraphSentence"):
        sentences = group.findall("Sentence")
        if len(sentences) == 1 and _text_of(sentences[0]) != "削除":
            if sentences[0].get("Num") is None:
                alone_without += 1
            else:
                alone_with += 1
    return FragmentStyle(writing_mode=mode, horizontal=horizontal, number_single=alone_with >= alone_without)


def _branch_label(number: tuple[int, ...], unit: str, horizontal: bool) -> str:
    def n(x: int) -> str:
        return str(x) if horizontal else int_to_kanji(x)

    return "第" + n(number[0]) + unit + "".join("の" + n(x) for x in number[1:])


def _set_text(e: etree._Element, text: str) -> None:
    for c in list(e):
        e.remove(c)
    e.text = text


def _remove(e: etree._Element) -> None:
    parent = e.getparent()
    if parent is None:
        raise _Fail("cannot remove the root element")
    parent.remove(e)


def _sentence_holder(e: etree._Element) -> etree._Element:
    """The provision whose sentences 「第五条ただし書」 names: the only 項 of an article cited without 第一項."""
    if e.tag == "Article":
        paragraphs = e.findall("Paragraph")
        if len(paragraphs) == 1:
            return paragraphs[0]
    return e


def _renumber_sentences(e: etree._Element, *, single: bool = True) -> None:
    """Number the sentences left in *e* 1, 2, …; a sentence left alone loses its ``Function`` (and its ``Num``
    when the law does not number a sentence that stands alone: *single* false)."""
    group = next((c for c in e if c.tag in _SENTENCE_GROUPS), None)
    if group is None:
        return
    sentences = [s for s in group.iter("Sentence") if s.getparent() is group or s.getparent().tag != "Column"]
    for i, s in enumerate(sentences, 1):
        if s.get("Num") is not None:
            s.set("Num", str(i))
    if len(sentences) == 1 and sentences[0].get("Function") is not None:
        del sentences[0].attrib["Function"]
        _order_attributes(group)
    if len(sentences) == 1 and not single:
        sentences[0].attrib.pop("Num", None)


def _order_attributes(holder: etree._Element) -> None:
    """Function, Num, WritingMode in the order e-Gov writes them (attribute order is not significant for
    canonical comparison, but keeps files diff-friendly)."""
    for s in holder.iter("Sentence"):
        items = dict(s.attrib)
        s.attrib.clear()
        for key in ("Function", "Num", "WritingMode"):
            if key in items:
                s.set(key, items.pop(key))
        for key, value in items.items():
            s.set(key, value)


def _unnumbered_paragraph(sentences: list[etree._Element]) -> etree._Element:
    p = etree.Element("Paragraph", Num="1")
    etree.SubElement(p, "ParagraphNum")
    group = etree.SubElement(p, "ParagraphSentence")
    for s in sentences:
        group.append(s)
    return p


def _ensure_paragraph_num(p: etree._Element) -> None:
    if p.find("ParagraphNum") is None:
        num = etree.Element("ParagraphNum")
        p.insert(0, num)


def _fix_first_paragraph(e: etree._Element) -> None:
    """A replaced article keeps e-Gov's empty ``ParagraphNum`` for its first 項."""
    if e.tag != "Article":
        return
    for p in e.findall("Paragraph"):
        if p.get("Num") == "1":
            num = p.find("ParagraphNum")
            if num is not None and num.text and num.text.strip() in ("1", "１"):
                num.text = None
