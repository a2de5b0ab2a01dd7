"""Provision lineage between two versions: old e-Gov path ⇄ new e-Gov path.

A provision keeps its identity across versions when it is renumbered (第十条 → 第十一条), moved to another
chapter or turned into a 削除 placeholder; :class:`Lineage` records where each old provision went. Added
provisions have no old path and deleted ones no new path.
"""

from __future__ import annotations

from typing import Iterator, Mapping

__all__ = ["Lineage"]


class Lineage(Mapping[str, str]):
    """Read-only mapping old path → new path, with :meth:`back` for new path → old path.

    ``lineage["MainProvision-Article_10"]`` is e.g. ``"MainProvision-Article_11"`` after a 繰下げ.
    Several old provisions can map to one new one (a range placeholder 「第十五条から第十七条まで　削除」).
    """

    __slots__ = ("_forward", "_back")

    def __init__(self, forward: dict[str, str]) -> None:
        self._forward = forward
        back: dict[str, str] = {}
        for old, new in forward.items():
            back.setdefault(new, old)
        self._back = back

    def __getitem__(self, old_path: str) -> str:
        return self._forward[old_path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._forward)

    def __len__(self) -> int:
        return len(self._forward)

    def back(self, new_path: str) -> str | None:
        """The old path of the provision now at *new_path* (``None`` for an added provision)."""
        return self._back.get(new_path)

    def renumbered(self) -> dict[str, str]:
        """Only the entries whose path changed."""
        return {o: n for o, n in self._forward.items() if o != n}

    def __repr__(self) -> str:
        return f"<Lineage {len(self._forward)} provisions, {len(self.renumbered())} with a new path>"
