"""Rewrite the outputs shown in docs/cli.md from the real command output.

``tests/test_docs_examples.py`` fails when a checked example in docs/cli.md no longer matches what the command
prints. After an intended change of the CLI's output, run::

    .venv/bin/python docs/update_examples.py

and review the diff (``git diff docs/cli.md``). Only the commands listed in the test are rewritten.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_docs_examples import _CHECKED, _lawcode  # noqa: E402


def main() -> int:
    page = ROOT / "docs" / "cli.md"
    text = page.read_text(encoding="utf-8")
    missing = []
    for command in _CHECKED:
        # the output runs from the command line to the next "$ " line or the end of the console block
        pattern = re.compile(r"(^\$ " + re.escape(command) + r"[^\n]*\n)(.*?)(?=^\$ |^```)", re.S | re.M)
        found = pattern.search(text)
        if found is None:
            missing.append(command)
            continue
        text = text[: found.start(2)] + _lawcode(command) + text[found.end(2):]
    page.write_text(text, encoding="utf-8")
    for command in missing:
        print(f"update_examples: no example of `{command}` in {page}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
