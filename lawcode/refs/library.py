"""A folder of e-Gov law files, indexed by LawID, law number and title: :class:`Library`.

Cross-law work (a citation of 行政手続法第十五条, a procedure inventory naming 国家公務員法) needs "the law called
X" without loading every file. A :class:`Library` scans a folder once, cheaply — it reads the ``<Law>`` start
tag, ``LawNum`` and ``LawTitle`` from the first bytes of each file and never builds a tree — and loads a law
only when it is asked for, keeping recently loaded laws in a small cache.

Identity. A file's LawID is taken from, in order: the ``LawId`` attribute (API v2 files); a LawID in the file
name or in a folder name above it (``415AC0000000057_20200126_430AC0000000080.xml``,
``egov/325AC0000000261/lawhubxml_….xml``, bulk ``117DF1000000032.xml``); the shipped law index
(:mod:`lawcode.refs.lawindex`) by law number; a LawID rebuilt from the law number
(:func:`lawcode.text.lawnum.encode_law_id`). Files of the same LawID — or, without one, of the same law
number — are versions of one law.

Newest version. When a folder holds several versions of a law, the library serves the newest, ordered by:

1. the latest amending law the text contains: the greatest promulgation date among ``SupplProvision/@AmendLawNum``
   (a consolidated text includes every amendment up to its date, so this is what the text *is*);
2. then the latest date in the file's path (the enforcement date of an e-Gov revision ID
   ``<LawID>_<yyyymmdd>_<amending LawID>``, ``asof…``/``retrieved…`` dates, ``yyyy-mm-dd`` names);
3. then the ``DataInfo`` date (``200402e80k80m01`` → 2020-04-02);
4. then the path, so that the choice never depends on the order the file system lists files in.

Mirror dates are deliberately not first: a mirror may hold an old text fetched late (the 2020 lawhub mirror has
a 平成30年 text of 民法 fetched in August 2020, after the 令和元年 one).
"""

from __future__ import annotations

import difflib
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from lawcode.errors import LawcodeError, LawNotFoundError
from lawcode.io import load
from lawcode.model import Law
from lawcode.refs.lawindex import law_index, number_key, title_key, title_keys
from lawcode.text.lawnum import decode_law_id, encode_law_id, parse_law_number

__all__ = ["Library", "LibraryEntry", "scan_law_file"]

_HEAD_BYTES = 16384
_LAW_START = re.compile(r"<Law(\s[^>]*)?>")
_ATTR = re.compile(r'([A-Za-z]+)="([^"]*)"')
_LAW_NUM = re.compile(r"<LawNum>(.*?)</LawNum>", re.S)
_LAW_TITLE = re.compile(r"<LawTitle(?:\s[^>]*)?>(.*?)</LawTitle>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_AMEND = re.compile(rb'AmendLawNum="([^"]+)"')
_LAWID_TOKEN = re.compile(
    r"(?<![0-9A-Za-z])([1-5]\d{2}(?:AC|CO|IO|DF|DT|DH|RJNJ|RPMD|M|R|CONSTITUTION)[0-9A-Fa-f]*)(?![0-9A-Za-z])"
)
_DATE8 = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_DATE_DASHED = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_DATA_INFO = re.compile(r"^(\d{2})(\d{2})(\d{2})")


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One law file of a :class:`Library`, as scanned (no tree built).

    ``law_id`` (``None`` when it cannot be told), ``law_num`` and ``title`` as written, ``path``;
    ``id_source`` says where the LawID came from (``attribute``, ``file name``, ``law index``, ``law number``).
    """

    path: Path
    law_id: str | None
    law_num: str | None
    title: str | None
    id_source: str | None = None
    data_info: str | None = None
    _version: tuple[date, date, date, str] | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> str:
        """The identity used to group versions: the LawID, else the canonical law number, else the path."""
        return self.law_id or (number_key(self.law_num) if self.law_num else None) or str(self.path)


def _text(fragment: str) -> str:
    return _TAGS.sub("", fragment).strip()


def _law_id_in_path(path: Path) -> str | None:
    for part in (path.stem, *[p.name for p in path.parents][:3]):
        for m in _LAWID_TOKEN.finditer(part):
            try:  # the 2020 bulk names some ministerial IDs in lower-case hex (322M40010b72003)
                decode_law_id(m.group(1).upper())
            except LawcodeError:
                continue
            return m.group(1)
    return None


def scan_law_file(path: Path) -> LibraryEntry | None:
    """Read LawID, LawNum and LawTitle from the first bytes of *path*; ``None`` when it is not a ``<Law>`` file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError:
        return None
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    start = _LAW_START.search(text)
    if start is None:
        return None
    # the root must be <Law>: nothing but the prolog (declaration, comments, DOCTYPE) before it
    if re.search(r"<[A-Za-z]", text[: start.start()]):
        return None
    attrs = dict(_ATTR.findall(start.group(1) or ""))
    num = _LAW_NUM.search(text, start.end())
    title = _LAW_TITLE.search(text, start.end())
    law_num = _text(num.group(1)) if num else None
    law_title = _text(title.group(1)) if title else None
    law_id, id_source = attrs.get("LawId") or None, "attribute"
    if law_id is None:
        law_id, id_source = _law_id_in_path(path), "file name"
    if law_id is None and law_num:
        entry = law_index().lookup(law_num)
        if entry is not None and entry.law_id and entry.id_certain:
            law_id, id_source = entry.law_id, "law index"
        else:
            try:
                law_id, id_source = encode_law_id(parse_law_number(law_num)), "law number"
            except LawcodeError:
                law_id = None
    return LibraryEntry(path, law_id, law_num, law_title, id_source if law_id else None, attrs.get("DataInfo"))


def _version_key(entry: LibraryEntry) -> tuple[date, date, date, str]:
    """The ordering of versions described in the module docstring (greater = newer)."""
    floor = date.min
    amended = floor
    try:
        data = entry.path.read_bytes()
    except OSError:
        data = b""
    for found in _AMEND.finditer(data):
        try:
            ln = parse_law_number(found.group(1).decode("utf-8", "replace"))
        except LawcodeError:
            continue
        when = ln.promulgated or date(ln.gregorian_year, 1, 1)
        amended = max(amended, when)
    in_path = floor
    for part in entry.path.parts[-3:]:
        for rx in (_DATE8, _DATE_DASHED):
            for m in rx.finditer(part):
                try:
                    in_path = max(in_path, date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
                except ValueError:
                    continue
    info = floor
    stamp = _DATA_INFO.match(entry.data_info or "")
    if stamp:
        try:
            info = date(2000 + int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
        except ValueError:
            pass
    return (amended, in_path, info, str(entry.path))


class Library:
    """The e-Gov XML laws under *folder* (searched recursively), by LawID, law number and title.

    ``library.find_law("行政手続法")``, ``library.find_law("平成5年法律第88号")``,
    ``library.find_law("405AC0000000088")`` return the newest version (see the module docstring) as a
    :class:`~lawcode.Law`, loading it on first use; ``get`` returns ``None`` instead of raising;
    ``versions(query)`` lists every file of a law, oldest first. Iterating yields the newest version of each
    law (loaded one at a time); ``len`` is the number of distinct laws. ``cache_size`` bounds how many loaded
    laws are kept (least recently used are dropped).
    """

    def __init__(self, folder: str | Path, *, cache_size: int = 32) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise LawNotFoundError(f"not a folder of laws: {self.folder}", query=str(folder), where=str(folder))
        self.cache_size = cache_size
        self._cache: OrderedDict[Path, Law] = OrderedDict()
        groups: dict[str, list[LibraryEntry]] = {}
        for path in sorted(self.folder.rglob("*.xml")):
            entry = scan_law_file(path)
            if entry is not None:
                groups.setdefault(entry.key, []).append(entry)
        self._versions: dict[str, list[LibraryEntry]] = {}
        for key, entries in groups.items():
            self._versions[key] = entries if len(entries) == 1 else sorted(entries, key=_version_key)
        self._by_id: dict[str, str] = {}
        self._by_num: dict[str, list[str]] = {}
        self._by_title: dict[str, list[str]] = {}
        for key, entries in self._versions.items():
            for e in entries:
                if e.law_id:
                    self._by_id.setdefault(e.law_id, key)
                    self._by_id.setdefault(e.law_id.upper(), key)
                if e.law_num:
                    nk = number_key(e.law_num)
                    if nk and key not in self._by_num.setdefault(nk, []):
                        self._by_num[nk].append(key)
                for tk in title_keys(e.title) if e.title else ():
                    if key not in self._by_title.setdefault(tk, []):
                        self._by_title[tk].append(key)

    # -- lookup --------------------------------------------------------------------------------------------
    def _keys(self, query: str) -> list[str]:
        text = query.strip()
        if not text:
            return []
        if text in self._by_id or text.upper() in self._by_id:
            return [self._by_id.get(text) or self._by_id[text.upper()]]
        if text.isascii():
            return []
        nk = number_key(text)
        if nk is not None:
            return list(self._by_num.get(nk, []))
        found = list(self._by_title.get(title_key(text), []))
        if not found:  # a former title the law index knows: match by its number
            for entry in law_index().lookup_all(text):
                nk = number_key(entry.law_num)
                found += [k for k in self._by_num.get(nk or "", []) if k not in found]
        return found

    def _key(self, query: str) -> str:
        if not isinstance(query, str):
            raise LawNotFoundError(f"a law is named by a string, got {type(query).__name__}", query=repr(query))
        keys = self._keys(query)
        if not keys:
            suggestions = self.suggest(query)
            hint = f"; did you mean {'、'.join(suggestions)}?" if suggestions else ""
            raise LawNotFoundError(
                f"no law in {self.folder} matches {query!r} (by LawID, law number or title){hint}",
                query=query,
                suggestions=tuple(suggestions),
                where=str(self.folder),
            )
        if len(keys) > 1:  # one title shared by several laws: the most recent law number
            keys.sort(key=lambda k: _recency(self._versions[k][-1].law_num))
        return keys[-1]

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Titles close to *query*: titles containing it first, then similar ones (difflib)."""
        key = title_key(query) if isinstance(query, str) else ""
        if not key:
            return []
        titles = {title_key(e.title): e.title for es in self._versions.values() for e in es if e.title}
        containing = sorted((t for k, t in titles.items() if key in k), key=len)[:n]
        close = [titles[k] for k in difflib.get_close_matches(key, list(titles), n=n, cutoff=0.5)]
        out: list[str] = []
        for t in containing + close:
            if t not in out:
                out.append(t)
        return out[:n]

    def entry(self, query: str) -> LibraryEntry:
        """The file of the newest version of the law named by *query* (no loading)."""
        return self._versions[self._key(query)][-1]

    def versions(self, query: str) -> list[LibraryEntry]:
        """Every file of the law named by *query*, oldest first."""
        return list(self._versions[self._key(query)])

    def find_law(self, query: str) -> Law:
        """The newest version of the law with this LawID, law number (kanji, Arabic or full-width) or title.

        Raises :class:`lawcode.errors.LawNotFoundError` with close titles as suggestions when none matches.
        """
        return self._load(self.entry(query).path)

    def get(self, query: str, default: Law | None = None) -> Law | None:
        """Like :meth:`find_law`, but returns *default* when no law matches."""
        try:
            return self.find_law(query)
        except LawNotFoundError:
            return default

    def __contains__(self, query: object) -> bool:
        return isinstance(query, str) and bool(self._keys(query))

    def __len__(self) -> int:
        return len(self._versions)

    def entries(self) -> Iterator[LibraryEntry]:
        """The newest file of each law, ordered by LawID / key."""
        for key in sorted(self._versions):
            yield self._versions[key][-1]

    def __iter__(self) -> Iterator[Law]:
        for e in self.entries():
            yield self._load(e.path)

    def __repr__(self) -> str:
        return f"Library({str(self.folder)!r}, {len(self)} laws)"

    def _load(self, path: Path) -> Law:
        law = self._cache.get(path)
        if law is not None:
            self._cache.move_to_end(path)
            return law
        law = load(path)
        if self.cache_size > 0:
            self._cache[path] = law
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return law


def _recency(law_num: str | None) -> tuple[int, int]:
    try:
        ln = parse_law_number(law_num or "")
    except LawcodeError:
        return (0, 0)
    return (ln.gregorian_year, ln.number[0] if ln.number else 0)
