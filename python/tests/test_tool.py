"""The bridge against the real tool."""
import json

import pytest

import interlink


def test_version(tool):
    assert tool.version() == interlink.__version__


def test_eval_example(tool):
    report = tool.eval(tool.example())
    assert report["kind"] == "link"
    frame = interlink.eval_frame(report)
    assert len(frame) > 5
    assert set(frame["unit"]) >= {"", "s"}


def test_invalid_document_is_refused_before_the_tool(tool):
    document = tool.example()
    document["link"]["residualVisibility"] = 1.5
    with pytest.raises(Exception) as raised:
        tool.eval(document)
    assert "residualVisibility" in str(raised.value) or "1.5" in str(raised.value)
    with pytest.raises(interlink.InterlinkError) as refused:
        tool.eval(document, validate=False)
    assert refused.value.status == 2
    assert "link.residualVisibility" in refused.value.message


def test_list_and_run(tool, tmp_path):
    listing = tool.studies()
    assert "validation" in [study["identifier"] for study in listing["studies"]]
    assert listing["project"]["interlink"] == interlink.__version__
    summary = tool.run(["validation"], output=tmp_path / "out", cache=False, jobs=2)
    (entry,) = summary["studies"]
    assert entry["identifier"] == "validation"
    assert entry["computed"] + entry["resumed"] == entry["points"] > 0
    frame = interlink.read_results(tmp_path / "out", "validation")
    assert len(frame) == entry["points"]
    manifest = json.loads((tmp_path / "out" / "validation" / "manifest.json").read_text())
    assert manifest["versions"]["toolkit"] == interlink.__version__
