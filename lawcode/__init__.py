"""lawcode — Japanese law as code.

Parse e-Gov 法令標準XML into a typed, lossless, addressable tree::

    import lawcode
    law = lawcode.load("corpus/samples/sakuragaoka_jorei_v1.xml")
    law.title                      # '桜ヶ丘市個人情報の保護に関する条例'
    p = law.find("第三条の二第二項")   # or law.find("MainProvision-Article_3_2-Paragraph_2")
    p.path, p.label, p.text()
    law.to_xml()                   # canonically equal to the input

The package is layered (imports point downwards only): :mod:`lawcode.text` → :mod:`lawcode.model` →
:mod:`lawcode.io` → analysis → impact → :mod:`lawcode.cli`.
"""

from lawcode.errors import (
    AddressError,
    AmendError,
    DateError,
    LawcodeError,
    LawNumberError,
    NumeralError,
    ParseError,
    TraceError,
)
from lawcode.io import canonical_xml, load, loads
from lawcode.model import Law, LawDraft, Node, Provision

from lawcode._version import __version__

__all__ = [
    "load",
    "loads",
    "canonical_xml",
    "Law",
    "LawDraft",
    "Provision",
    "Node",
    "LawcodeError",
    "ParseError",
    "AddressError",
    "NumeralError",
    "DateError",
    "LawNumberError",
    "AmendError",
    "TraceError",
    "__version__",
]
