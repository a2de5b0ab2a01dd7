"""Delegation (委任) from a law to its 施行令/施行規則, read from the law's wording.

A law leaves details to a cabinet or ministerial order with a fixed phrase — 「政令で定める」,
「政令で定めるところにより」, 「主務省令で定める」, 「内閣府令で定める」, 「人事院規則で定める」 … — and the order
carries them out, citing the delegating provision (「法第三条第二項の政令で定める事項は、…とする」). When the order
changes, the law's delegating provision changes in effect: what it requires now reads differently. The
propagation graph (:mod:`lawcode.impact.graph`) therefore adds, for a changed law that is an order, an edge
*from* the cited provision of the parent law *to* the citing order provision — but only when the cited provision
delegates (:func:`delegation_phrase`). A plain citation of the law by the order (「法第二条の届出は、本人がする」)
does not make the law depend on the order, so it adds no reverse edge.
"""

from __future__ import annotations

import re

__all__ = ["delegation_phrase"]

# the issuing body's name (主務, 厚生労働, 内閣府 …: kanji only, so 「甲は政令で…」 yields 「政令で定める」), then the
# kind of order and 「で定める」 (which also covers 「で定めるところにより」 and 「で定める基準に従い」)
_DELEGATION = re.compile(r"[一-龥]{0,8}?(?:政令|省令|府令|規則|命令)で定める")


def delegation_phrase(text: str) -> str | None:
    """The first delegation phrase in *text* (「政令で定める」, 「主務省令で定める」 …), or ``None`` when the
    provision delegates nothing to an order."""
    m = _DELEGATION.search(text or "")
    return m.group(0) if m else None
