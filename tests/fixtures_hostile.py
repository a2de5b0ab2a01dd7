"""Helpers for the hostile-input tests: tiny valid laws, position arithmetic and an isolated runner.

The isolated runner exists for inputs that could hang or exhaust the test process if lawcode mishandled them
(a FIFO, ``/dev/zero``, a file entity the parser must never open): the input is handed to a child Python with
a hard timeout and an address-space limit, so a regression shows up as a failed test, not a stuck suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import lawcode

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
SAMPLE_V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
MANIFEST = ROOT / "corpus" / "MANIFEST.tsv"

#: The lawcode package under test (the child processes must import the very same one).
LAWCODE_HOME = Path(lawcode.__file__).resolve().parent.parent

TINY_LAW = (
    '<Law Era="Reiwa" Year="1" Num="1" LawType="Act" Lang="ja"><LawNum>令和元年法律第一号</LawNum>'
    "<LawBody><LawTitle>テスト法</LawTitle><MainProvision><Article Num=\"1\"><ArticleTitle>第一条</ArticleTitle>"
    '<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>本文。</Sentence></ParagraphSentence>'
    "</Paragraph></Article></MainProvision></LawBody></Law>"
)

#: The same law over several lines, so that positions can be asserted exactly. ``{body}`` is the content of
#: the one Sentence, on line 5 (column 11 is its first character).
TINY_LAW_LINES = (
    '<Law Era="Reiwa" Year="1" Num="1" LawType="Act" Lang="ja">\n'  # line 1
    "<LawNum>令和元年法律第一号</LawNum>\n"  # line 2
    "<LawBody>\n"  # line 3
    '<LawTitle>テスト法</LawTitle><MainProvision><Article Num="1"><ArticleTitle>第一条</ArticleTitle>'
    '<Paragraph Num="1"><ParagraphNum/><ParagraphSentence>\n'  # line 4
    "<Sentence>{body}</Sentence>\n"  # line 5
    "</ParagraphSentence></Paragraph></Article></MainProvision>\n"  # line 6
    "</LawBody>\n"  # line 7
    "</Law>\n"
)
SENTENCE_LINE = 5
SENTENCE_COLUMN = len("<Sentence>") + 1

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def tiny_law(body: str = "本文。") -> str:
    return TINY_LAW_LINES.format(body=body)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def position_of(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the first occurrence of *needle* in *text*."""
    offset = text.index(needle)
    return position(text, offset)


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters of the valid UTF-8 before it) of byte *offset*."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8")) + 1


def manifest_sha256() -> dict[Path, str]:
    """SHA-256 of every sample XML file as recorded in corpus/MANIFEST.tsv."""
    out: dict[Path, str] = {}
    for row in MANIFEST.read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if cols and cols[0].endswith(".xml"):
            out[ROOT / cols[0]] = cols[4]
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_RUNNER = r"""
import json, sys
import lawcode
mode, arg = sys.argv[1], sys.argv[2]
try:
    if mode == "load":
        law = lawcode.load(arg)
    else:
        with open(arg, "rb") as f:
            data = f.read()
        law = lawcode.loads(data, arg)
    out = {"result": "law", "title": law.title}
except lawcode.ParseError as e:
    out = {"result": "ParseError", "line": e.line, "column": e.column, "source": e.source, "message": str(e)}
except BaseException as e:
    out = {"result": type(e).__name__, "message": str(e)[:500]}
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"""


def _limit_memory() -> None:  # runs in the child before exec
    import resource

    limit = 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_isolated(mode: str, arg: Path | str, timeout: float = 5.0) -> dict:
    """Run ``lawcode.load(arg)`` (mode ``"load"``) or ``lawcode.loads(bytes of arg)`` (mode ``"loads"``) in a
    child process limited to *timeout* seconds and 1 GiB of address space.

    Returns ``{"result": "law" | "ParseError" | <exception name> | "timeout", ...}``.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(LAWCODE_HOME), env.get("PYTHONPATH")) if x)
    preexec = _limit_memory if sys.platform.startswith("linux") else None
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _RUNNER, mode, str(arg)],
            capture_output=True,
            check=False,
            timeout=timeout,
            env=env,
            cwd=str(LAWCODE_HOME),
            preexec_fn=preexec,
        )
    except subprocess.TimeoutExpired:
        return {"result": "timeout", "message": f"still running after {timeout} s (killed)"}
    if not proc.stdout:
        return {"result": f"crash (exit {proc.returncode})", "message": proc.stderr.decode("utf-8", "replace")[-2000:]}
    return json.loads(proc.stdout.decode("utf-8"))
