"""``-o OUT`` of the commands that write a result file: one helper (lawcode.cli.common.write_output)."""

from __future__ import annotations

import pytest

from lawcode.cli.main import main
from testsupport import SAMPLES

V1 = str(SAMPLES / "sakuragaoka_jorei_v1.xml")
V2 = str(SAMPLES / "sakuragaoka_jorei_v2.xml")


@pytest.mark.parametrize("argv", [
    ["diff", V1, V2, "--format", "md"],
    ["diff", V1, V2, "--format", "json"],
    ["timeline", V1, V2, "--format", "json"],
])
def test_the_file_holds_what_standard_output_would(argv, tmp_path, capsys):
    assert main(argv) == 0
    shown = capsys.readouterr().out
    target = tmp_path / "out.txt"
    assert main([*argv, "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"wrote {target}" in captured.err
    assert target.read_text(encoding="utf-8") == shown


@pytest.mark.parametrize("command", ["diff", "timeline"])
def test_an_unwritable_output_is_a_lawcode_error_with_exit_status_2(command, tmp_path, capsys):
    target = tmp_path / "no" / "such" / "folder" / "out.json"
    assert main([command, V1, V2, "--format", "json", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "cannot write the output" in err
    assert "Traceback" not in err
