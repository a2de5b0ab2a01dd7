"""Model layer: typed views over law XML, provisions, addresses and numbers.

Imports only from :mod:`lawcode.text` and :mod:`lawcode.errors` (and lxml, which is the storage).
"""

from lawcode.model.address import Address, Step, parse_address
from lawcode.model.law import Law, LawDraft
from lawcode.model.nodes import NODE_TYPES, Node, wrap
from lawcode.model.num import ProvisionNumber, parse_num
from lawcode.model.provision import Provision

__all__ = [
    "Address",
    "Step",
    "parse_address",
    "Law",
    "LawDraft",
    "NODE_TYPES",
    "Node",
    "wrap",
    "ProvisionNumber",
    "parse_num",
    "Provision",
]
