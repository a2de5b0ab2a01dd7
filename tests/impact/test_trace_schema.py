"""docs/trace-schema.json describes what lawcode reads and writes: the samples and a written trace validate."""

from __future__ import annotations

import json

import pytest
import yaml

from lawcode.impact import read_trace, to_needs

from testsupport import ROOT, SAMPLES

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((ROOT / "docs" / "trace-schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["chiho_komuin_requirements.yaml", "sakuragaoka_requirements.yaml"])
def test_sample_trace_files_validate(name):
    jsonschema.validate(yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8")), SCHEMA)


def test_written_traces_validate_and_bad_ones_do_not():
    trace = read_trace(SAMPLES / "sakuragaoka_requirements.yaml")
    jsonschema.validate(trace.to_dict(), SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"items": [{"id": "A", "links": [{"law": "x"}]}]}, SCHEMA)  # a link needs an address
    assert to_needs(trace)["versions"]["1.0"]["needs_amount"] == len(trace)
