"""Pickling laws and provisions cheaply, for worker processes (``multiprocessing``, ``concurrent.futures``, dask).

An lxml tree cannot be pickled, so a :class:`~lawcode.model.law.Law` has to travel as something it can be
rebuilt from. The obvious form — the whole document as XML — makes every provision as heavy as its law: one
article of 法人税法 pickles to 2.5 MB, and ``Pool.map`` over 100 articles with ``chunksize=1`` spends seconds
serialising and re-parsing the same law a hundred times. This module registers (with :mod:`copyreg`, when
:mod:`lawcode.io` is imported) two cheap forms instead:

**A law that came from a file travels as a reference**: its ``source``, the absolute path of the file, the
file's size and the BLAKE2b digest of its bytes — a few hundred bytes. The receiving process reads the file,
checks size and digest, rebuilds the law with :func:`lawcode.loads` and keeps it in a small per-process cache
keyed by ``(path, digest)``: a worker that receives a hundred provisions of one law parses that law once.

  *When is a law "from a file"?* When its ``source`` names a regular file whose bytes, rebuilt, give exactly
  this document (its :meth:`~lawcode.model.law.Law.to_xml` bytes). This is checked the first time the law is
  pickled (one more parse of the file, once per law), and again whenever the file's size, modification time
  or inode change, so a file edited on disk after loading is never mistaken for the law in memory.

**Every other law travels as its XML** (with its :attr:`~lawcode.model.law.Law.revision`, the metadata of
the API response it came from, if any): laws made from bytes with :func:`lawcode.loads` (unless the bytes are
those of the file named as their source), laws committed from a :class:`~lawcode.model.law.LawDraft` (their
document differs from the file), laws whose file has been deleted or edited since they were loaded, and files
that :func:`lawcode.loads` cannot rebuild on its own. Such a law is as large pickled as its XML, but always
arrives intact.

**A provision travels as its law plus its e-Gov path**; unpickling resolves the path in the (cached) law. A
detached provision (one outside any law's index) cannot be pickled and raises
:class:`~lawcode.errors.LawcodeError`.

If the file changes between pickling and unpickling (another process rewrote it while the workers ran), the
receiving process refuses to rebuild a different law under the same name: unpickling raises
:class:`~lawcode.errors.LawcodeError` naming the file and saying that it changed since the law was pickled.
The same happens when the file has been deleted or is not at the same absolute path in the receiving process
(another machine): send laws as XML there with ``pickle.dumps(law.to_xml())`` and :func:`lawcode.loads`.

Typical use — one law, many provisions, a process pool::

    import multiprocessing, lawcode

    def article_length(article):          # runs in a worker; the law is parsed once per worker
        return article.label, len(article.text())

    if __name__ == "__main__":
        law = lawcode.load("340AC0000000034.xml")
        with multiprocessing.Pool(2) as pool:
            lengths = pool.map(article_length, list(law.provisions("Article")), chunksize=1)

(:mod:`copy` uses the same reducers: ``copy.deepcopy(law)`` of a file-backed law gives the law rebuilt from
its file, shared through the cache — harmless, since a law is an immutable value.)
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import stat
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from lawcode.errors import LawcodeError
from lawcode.io.loading import loads, read_law_document
from lawcode.io.xml_parser import read_source
from lawcode.model.law import Law
from lawcode.model.provision import PROVISION_TYPES, Provision
from lawcode.model.revision import Revision

__all__ = ["SourceRef", "source_ref", "CACHE_SIZE", "clear_cache", "register"]

#: How many laws rebuilt from references a process keeps (least recently used first out). A worker usually
#: serves provisions of one or a few laws; a big law takes tens of MB in memory.
CACHE_SIZE = 8

_DIGEST_SIZE = 16  # bytes of BLAKE2b: 128 bits are plenty to tell two versions of a file apart
_REF_KEY = "_lawcode_pickle_ref"  # per-law memo in Law.__dict__: (stat signature, SourceRef | None)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """What a file-backed law travels as: enough to find its file again and to prove it is the same file."""

    #: The law's ``source`` as it was given to :func:`lawcode.load` (kept for messages and ``law.source``).
    source: str
    #: Absolute path of the file, resolved in the process that pickled the law.
    path: str
    #: Size of the file in bytes.
    size: int
    #: Hex BLAKE2b digest (128 bits) of the file's bytes.
    digest: str


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=_DIGEST_SIZE).hexdigest()


def _stat_signature(path: str) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of a regular file, or None when it is missing or not a regular file."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # missing, unreadable, or not a path at all ("<bytes>", a NUL in the name)
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def source_ref(law: Law) -> SourceRef | None:
    """The reference *law* travels as when pickled, or ``None`` when it has to travel as XML.

    The first call reads the file named by ``law.source`` once, rebuilds it and compares the documents; the
    answer is memoised on the law and recomputed only when the file's size, modification time or inode
    change. See the module documentation for the rules.
    """
    if not isinstance(law, Law):
        raise LawcodeError(f"source_ref() takes a Law, got {type(law).__name__}", where="source_ref()")
    path = os.path.abspath(law.source)
    signature = _stat_signature(path)
    memo = law.__dict__.get(_REF_KEY)
    if memo is not None and memo[0] == signature:
        return memo[1]
    ref = None
    if signature is not None:
        try:
            data = read_source(path)
            rebuilt = loads(data, law.source)
            if rebuilt.to_xml() == law.to_xml() and rebuilt.revision == law.revision:
                ref = SourceRef(law.source, path, len(data), _digest(data))
        except LawcodeError:
            ref = None  # unreadable now, or not rebuildable from bytes alone: the law travels as XML
    law.__dict__[_REF_KEY] = (signature, ref)
    return ref


# -- the per-process cache of laws rebuilt from references ----------------------------------------------------
_cache: OrderedDict[tuple[str, str], Law] = OrderedDict()
_lock = threading.Lock()


def clear_cache() -> None:
    """Forget every law this process rebuilt from a reference (the next unpickling reads the file again)."""
    with _lock:
        _cache.clear()


def _law_from_file(source: str, path: str, size: int, digest: str) -> Law:
    """Unpickle a file-backed law: from the cache, or read, verify and rebuild it once."""
    key = (path, digest)
    with _lock:
        law = _cache.get(key)
        if law is not None:
            _cache.move_to_end(key)
            return law
        try:
            data = read_source(path)
        except LawcodeError as exc:
            raise LawcodeError(
                f"cannot rebuild the pickled law: its file is not readable here ({exc.reason}); "
                "send the law as XML (law.to_xml()) to processes that do not share its file",
                where=path,
            ) from None
        if len(data) != size or _digest(data) != digest:
            raise LawcodeError(
                f"the file changed since the law {source!r} was pickled (it had {size:,} bytes with BLAKE2b "
                f"{digest}, now {len(data):,} bytes with {_digest(data)}); load it again and resubmit",
                where=path,
            )
        law = loads(data, source)
        _cache[key] = law
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
        return law


def _law_from_xml(data: bytes, source: str, revision: Revision | None = None) -> Law:
    """Unpickle a law that travelled as its XML (and the API envelope's metadata, when it came with one)."""
    return Law(read_law_document(data, source).tree, source=source, revision=revision)


def _reduce_law(
    law: Law,
) -> tuple[Callable[..., Law], tuple[str, str, int, str] | tuple[bytes, str, Revision | None]]:
    ref = source_ref(law)
    if ref is not None:
        return _law_from_file, (ref.source, ref.path, ref.size, ref.digest)
    return _law_from_xml, (law.to_xml(), law.source, law.revision)


def _provision_at(law: Law, path: str) -> Provision:
    """Unpickle a provision: the provision at *path* in its (rebuilt or cached) law."""
    return law.find(path)


def _reduce_provision(p: Provision) -> tuple[Callable[..., Provision], tuple[Law, str]]:
    if p.law is None or p.path is None:
        raise LawcodeError("a detached provision (outside any law's index) cannot be pickled", where=repr(p))
    return _provision_at, (p.law, p.path)


def register() -> None:
    """Register the reducers with :mod:`copyreg` (done once when :mod:`lawcode.io` is imported)."""
    copyreg.pickle(Law, _reduce_law)
    for cls in set(PROVISION_TYPES.values()):
        copyreg.pickle(cls, _reduce_provision)


register()
