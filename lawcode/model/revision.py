"""What an e-Gov API response says about the version of a law it carries (:attr:`Law.revision`).

A ``<Law>`` document names its law (``LawNum``, ``LawTitle``) but not *which version* it is: the revision ID,
the 施行日 of the last amendment, the amending law and whether the version is in force live in the envelope
of the API response (v2 ``law_info`` / ``revision_info``, v1 ``ApplData``). :class:`Revision` keeps that
envelope on the :class:`~lawcode.model.law.Law`, so that a law loaded from a download still knows its date
and status. It is a plain frozen value: the I/O layer fills it from a response file today
(:func:`lawcode.load`), and an API client fills the same object from the same fields
(:func:`lawcode.io.egov_response.revision_from_api`).

Field names follow API v2 (``amendment_enforcement_date`` …); dates are :class:`datetime.date`, ``updated`` a
timezone-aware :class:`datetime.datetime`. An absent field, a JSON ``null`` and an empty string all read as
``None``. Fields of a response that this class does not model are kept, as written, in :attr:`Revision.extra`.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from lawcode.errors import LawcodeError

__all__ = ["Revision", "AttachedFile"]


@dataclass(frozen=True, slots=True)
class AttachedFile:
    """A file a v2 response lists in ``attached_files_info`` (an image or PDF a ``Fig/@src`` points to)."""

    src: str
    law_revision_id: str | None = None
    updated: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """One version (改正履歴) of a law as an e-Gov API response describes it; see the module docstring.

    ``origin`` says where it came from: ``"api_v2/law_data"`` (v2 ``law_data`` response, XML or JSON) or
    ``"api_v1/lawdata"`` (v1, which knows only the law ID and number and has no revision data).
    """

    origin: str
    # -- law_info (the law across all its versions)
    law_id: str | None = None
    law_type: str | None = None
    law_num: str | None = None
    law_num_era: str | None = None
    law_num_year: int | None = None
    law_num_type: str | None = None
    law_num_num: str | None = None
    promulgation_date: date | None = None
    # -- revision_info (this version)
    revision_id: str | None = None
    title: str | None = None
    title_kana: str | None = None
    abbrev: str | None = None
    category: str | None = None
    updated: datetime | None = None
    amendment_promulgate_date: date | None = None
    amendment_enforcement_date: date | None = None
    amendment_enforcement_comment: str | None = None
    amendment_scheduled_enforcement_date: date | None = None
    amendment_law_id: str | None = None
    amendment_law_title: str | None = None
    amendment_law_title_kana: str | None = None
    amendment_law_num: str | None = None
    amendment_type: str | None = None
    repeal_status: str | None = None
    repeal_date: date | None = None
    remain_in_force: bool | None = None
    mission: str | None = None
    current_revision_status: str | None = None
    # -- the rest of the envelope
    attached_files: tuple[AttachedFile, ...] = ()
    #: v1 ``ImageData`` / v2 ``image_data``: Base64 of a zip of the law's images, as written (see :meth:`image_zip`).
    image_data: str | None = field(default=None, repr=False)
    #: v1 ``Result/Code`` and ``Result/Message``.
    result_code: str | None = None
    result_message: str | None = None
    #: Fields the response has and this class does not model: ``("revision_info.new_field", "value"), …``.
    extra: tuple[tuple[str, str | None], ...] = ()

    @property
    def abbreviations(self) -> tuple[str, ...]:
        """略称 as a tuple (the API writes several separated by commas: 「国旗国歌法,日の丸君が代法」)."""
        return tuple(a for a in (self.abbrev or "").split(",") if a)

    @property
    def enforced(self) -> date | None:
        """The date this version takes effect (施行日): ``amendment_enforcement_date``."""
        return self.amendment_enforcement_date

    def image_zip(self) -> bytes | None:
        """The decoded ``image_data`` (a zip archive), or ``None`` when the response carried none."""
        if not self.image_data:
            return None
        try:
            return base64.b64decode("".join(self.image_data.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise LawcodeError(f"image_data is not valid Base64: {exc}",
                               where=self.revision_id or self.law_id) from None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON: dates as ISO strings, ``image_data`` left out (it can be megabytes)."""
        out = asdict(self)
        out.pop("image_data")
        out["has_image_data"] = bool(self.image_data)
        for key, value in list(out.items()):
            if isinstance(value, (date, datetime)):
                out[key] = value.isoformat()
        out["attached_files"] = [
            {"src": f.src, "law_revision_id": f.law_revision_id, "updated": f.updated.isoformat() if f.updated else None}
            for f in self.attached_files
        ]
        out["extra"] = dict(self.extra)
        return out
