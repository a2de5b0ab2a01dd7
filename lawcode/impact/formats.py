"""The trace file format (YAML, JSON or CSV) and sphinx-needs ``needs.json`` import/export.

YAML/JSON (schema: ``docs/trace-schema.json``)::

    format: lawcode-trace/1
    defaults: {law: 地方公務員法, kind: requirement, edition: 第1版}   # optional, filled into items and links
    items:
      - id: REQ-001
        title: 在宅勤務中の職務専念
        kind: requirement
        attributes: {system: 人事給与システム}
        links:
          - {address: 第三十五条, kind: 根拠, fingerprint: 0d73…, law_version: old}

CSV: one row per link; columns ``id, kind, title, law, address, link_kind, fingerprint, law_version`` and any
other column as an attribute; rows with the same id are one item with several links. A row without a law or
address becomes an unlinked entry with the reason.

needs.json: :func:`read_needs` turns each need into an item (its ``type`` as kind, ``law_links`` or the
``links`` strings of the form ``LAW:ADDRESS`` as links); :func:`to_needs` writes a trace as a needs.json
version with the links as ``law_links`` (a list of ``"law:address"`` strings) and the link states when a report
is given.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from lawcode.errors import TraceError
from lawcode.impact.trace import FORMAT, Link, Provenance, Trace, TraceItem, Unlinked

__all__ = ["read_trace", "write_trace", "trace_from_dict", "read_needs", "to_needs"]

_CSV_FIXED = ("id", "kind", "title", "law", "address", "link_kind", "fingerprint", "law_version", "note")


def read_trace(path: str | Path) -> Trace:
    """Read a trace file: ``.yaml``/``.yml``, ``.json`` (the lawcode format or a sphinx-needs needs.json) or
    ``.csv``. Raises :class:`~lawcode.errors.TraceError` with the file (and row or item) on bad content."""
    path = Path(path)
    if not path.is_file():
        raise TraceError("no such trace file", where=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    text = path.read_text(encoding="utf-8-sig")
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
            raise TraceError(f"not valid YAML: {getattr(exc, 'problem', exc)}", where=where) from None
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TraceError(f"not valid JSON: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}") from None
        if isinstance(data, dict) and "versions" in data:
            return _needs_from_dict(data, str(path))
    else:
        raise TraceError(f"unknown trace file type {suffix!r} (use .yaml, .json or .csv)", where=str(path))
    return trace_from_dict(data, source=str(path))


def trace_from_dict(data: Any, *, source: str = "<dict>") -> Trace:
    """Build a trace from the plain data of the YAML/JSON format (see the module docstring)."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise TraceError("a trace is a mapping with an 'items' list", where=source)
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise TraceError(f"unsupported format {fmt!r} (expected {FORMAT!r})", where=source)
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise TraceError("'defaults' must be a mapping", where=source)
    trace = Trace()
    for n, raw in enumerate(data["items"], 1):
        where = f"{source} item {n}"
        if not isinstance(raw, dict):
            raise TraceError("an item is a mapping", where=where)
        item_id = str(raw.get("id") or "").strip()
        if not item_id:
            raise TraceError("an item needs an id", where=where)
        prov = _provenance(raw.get("provenance"), source)
        if prov.edition is None and defaults.get("edition") is not None:
            prov = Provenance(prov.file, prov.row, prov.line, str(defaults["edition"]))
        links = []
        for m, lraw in enumerate(raw.get("links") or [], 1):
            if not isinstance(lraw, dict):
                raise TraceError("a link is a mapping with law and address", where=f"{where} ({item_id}) link {m}")
            law = str(lraw.get("law") or raw.get("law") or defaults.get("law") or "").strip()
            address = str(lraw.get("address") or "").strip()
            if not law or not address:
                trace.unlinked.append(Unlinked(item_id, str(raw.get("title", "")), f"{law} {address}".strip(),
                                               "link without law" if not law else "link without address", prov))
                continue
            links.append(Link(law, address, str(lraw.get("kind") or defaults.get("link_kind") or "根拠"),
                              _opt(lraw.get("fingerprint")), _opt(lraw.get("law_version", defaults.get("law_version"))),
                              _opt(lraw.get("note"))))
        attributes = raw.get("attributes") or {}
        if not isinstance(attributes, dict):
            raise TraceError("'attributes' must be a mapping", where=f"{where} ({item_id})")
        try:
            trace.add(TraceItem(item_id, str(raw.get("kind") or defaults.get("kind") or "requirement"),
                                str(raw.get("title") or ""), dict(attributes), links, prov))
        except TraceError as exc:
            raise TraceError(exc.reason, where=where) from None
        if not links and not raw.get("links"):
            trace.unlinked.append(Unlinked(item_id, str(raw.get("title", "")), "", "item without links", prov))
    for u in data.get("unlinked") or []:
        if isinstance(u, dict):
            trace.unlinked.append(Unlinked(str(u.get("id", "")), str(u.get("title", "")), str(u.get("text", "")),
                                           str(u.get("reason", "")), _provenance(u.get("provenance"), source)))
    return trace


def _provenance(raw: Any, source: str) -> Provenance:
    if not isinstance(raw, dict):
        return Provenance(source)
    return Provenance(raw.get("file", source), raw.get("row"), raw.get("line"), raw.get("edition"))


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _read_csv(path: Path) -> Trace:
    trace = Trace()
    items: dict[str, TraceItem] = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "id" not in reader.fieldnames:
            raise TraceError("a trace CSV needs an 'id' column", where=f"{path}:1")
        for n, row in enumerate(reader, 1):
            prov = Provenance(str(path), row=n)
            item_id = (row.get("id") or "").strip()
            title = (row.get("title") or "").strip()
            if not item_id:
                trace.unlinked.append(Unlinked(f"row {n}", title, "", "row without id", prov))
                continue
            item = items.get(item_id)
            if item is None:
                attrs = {k: v for k, v in row.items() if k not in _CSV_FIXED and k is not None and v not in (None, "")}
                item = TraceItem(item_id, (row.get("kind") or "requirement").strip(), title, attrs, [], prov)
                items[item_id] = item
            law, address = (row.get("law") or "").strip(), (row.get("address") or "").strip()
            if not law or not address:
                trace.unlinked.append(Unlinked(item_id, title, f"{law} {address}".strip(),
                                               "row without law" if not law else "row without address", prov))
                continue
            item.links.append(Link(law, address, (row.get("link_kind") or "根拠").strip(), _opt(row.get("fingerprint")),
                                   _opt(row.get("law_version")), _opt(row.get("note"))))
    for item in items.values():
        trace.add(item)
    return trace


def write_trace(trace: Trace, path: str | Path) -> None:
    """Write *trace* as YAML, JSON or CSV (by the file suffix)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        import yaml

        path.write_text(yaml.safe_dump(trace.to_dict(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(trace.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    elif suffix == ".csv":
        attrs = sorted({k for i in trace for k in i.attributes})
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([*_CSV_FIXED, *attrs])
            for item in trace:
                rows: list[Link | None] = [*item.links] or [None]
                for link in rows:
                    w.writerow([item.id, item.kind, item.title, link.law if link else "", link.address if link else "",
                                link.kind if link else "", (link.fingerprint or "") if link else "",
                                (link.law_version or "") if link else "", (link.note or "") if link else "",
                                *[item.attributes.get(a, "") for a in attrs]])
    else:
        raise TraceError(f"unknown trace file type {suffix!r} (use .yaml, .json or .csv)", where=str(path))


# -- sphinx-needs ---------------------------------------------------------------------------------------------
def read_needs(path: str | Path) -> Trace:
    """Read a sphinx-needs ``needs.json`` (the current version) as a trace."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TraceError(f"cannot read needs.json: {exc}", where=str(path)) from None
    return _needs_from_dict(data, str(path))


def _needs_from_dict(data: dict[str, Any], source: str) -> Trace:
    versions = data.get("versions")
    if not isinstance(versions, dict) or not versions:
        raise TraceError("a needs.json has a non-empty 'versions' mapping", where=source)
    version = data.get("current_version") or sorted(versions)[-1]
    needs = (versions.get(version) or {}).get("needs") or {}
    trace = Trace()
    for need_id, need in needs.items():
        prov = Provenance(source, edition=str(version))
        links = []
        for raw in need.get("law_links") or []:
            law, sep, address = str(raw).partition(":")
            if sep and law and address:
                links.append(Link(law.strip(), address.strip(), str(need.get("law_link_kind") or "根拠")))
            else:
                trace.unlinked.append(Unlinked(need_id, need.get("title", ""), str(raw), "law_links entry is not LAW:ADDRESS",
                                               prov))
        attrs = {k: need[k] for k in ("status", "tags", "section_name", "docname") if need.get(k)}
        trace.add(TraceItem(str(need.get("id") or need_id), str(need.get("type") or "requirement"),
                            str(need.get("title") or ""), attrs, links, prov))
        if not links:
            trace.unlinked.append(Unlinked(need_id, need.get("title", ""), "", "need without law_links", prov))
    return trace


def to_needs(trace: Trace, *, version: str = "1.0", project: str = "lawcode", report: Any = None) -> dict[str, Any]:
    """*trace* as needs.json data (``json.dumps`` it); with an :class:`~lawcode.impact.report.ImpactReport`,
    each need also gets ``law_impact`` (直接/間接/""), ``law_link_state`` and ``law_impact_reason``."""
    from lawcode._version import __version__

    affected: dict[str, Any] = {}
    if report is not None:
        for h in report.best_hits():
            affected[h.item.id] = h
    needs: dict[str, Any] = {}
    for item in trace:
        need: dict[str, Any] = {
            "id": item.id, "type": item.kind, "title": item.title, "description": "",
            "law_links": [f"{k.law}:{k.address}" for k in item.links], "tags": [], "status": None,
        }
        h = affected.get(item.id)
        if report is not None:
            need["law_impact"] = h.klass if h else ""
            need["law_link_state"] = h.state if h else "ok"
            need["law_impact_reason"] = h.reason if h else ""
        needs[item.id] = need
    return {"created": "", "creator": {"name": "lawcode", "version": __version__}, "project": project,
            "current_version": version, "versions": {version: {"needs": needs, "needs_amount": len(needs)}}}
