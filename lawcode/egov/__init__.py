"""The e-Gov 法令API: fetch any law at any date, its revision history and the bulk corpus — with an offline cache.

::

    import lawcode.egov as egov

    law = egov.at("個人情報の保護に関する法律", "2023-04-01")     # a Law, with law.revision
    print(law.revision.revision_id, law.revision.amendment_law_num)
    for version in egov.history("415AC0000000057"):               # oldest first, each a Law
        ...

Everything goes through :class:`Client` (one HTTP client, one cache); the functions :func:`at` and
:func:`history` make a default one when none is given. Set ``LAWCODE_EGOV_API`` to use a mirror or a replay
server and ``LAWCODE_CACHE`` to move the cache; ``Client(offline=True)`` (``--offline`` on the command line)
serves only what the cache holds. See the "Getting laws" page of the documentation.
"""

from lawcode.egov.bulk import ArchiveLimits, BulkResult, download_bulk, read_state, safe_extract, update_bulk
from lawcode.egov.client import Client, LawRef
from lawcode.egov.config import DEFAULT_BASE_URL, ENV_API, ENV_CACHE, Settings, default_cache_dir
from lawcode.egov.keyword import ResolvedSentence, resolve_sentence
from lawcode.egov.models import KeywordHit, LawEntry, Page, Sentence
from lawcode.egov.pointintime import at, history, revision_at

__all__ = [
    "Client",
    "LawRef",
    "Settings",
    "at",
    "history",
    "revision_at",
    "LawEntry",
    "KeywordHit",
    "Sentence",
    "Page",
    "ResolvedSentence",
    "resolve_sentence",
    "download_bulk",
    "update_bulk",
    "safe_extract",
    "read_state",
    "ArchiveLimits",
    "BulkResult",
    "DEFAULT_BASE_URL",
    "ENV_API",
    "ENV_CACHE",
    "default_cache_dir",
]
