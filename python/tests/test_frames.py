"""CSV and eval results as DataFrames with units."""
import math

import pandas as pd
import pytest

import interlink


def write(tmp_path, text):
    path = tmp_path / "table.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_header_units_and_non_finite_cells(tmp_path):
    # Written as Interlink's CSV writer writes (RFC 4180, CRLF, `name [unit]` headers).
    path = write(tmp_path, "route,lengthKm [km],rate [1/s],fidelity\r\nnative,0,183.75,0.94\r\n\"a,b\",5,Infinity,NaN\r\n")
    frame = interlink.read_csv(path)
    assert list(frame.columns) == ["route", "lengthKm", "rate", "fidelity"]
    assert frame.attrs["units"] == {"lengthKm": "km", "rate": "1/s"}
    assert frame["route"].tolist() == ["native", "a,b"]
    assert frame["lengthKm"].tolist() == [0.0, 5.0]
    assert frame["rate"].iloc[1] == math.inf
    assert math.isnan(frame["fidelity"].iloc[1])
    assert pd.api.types.is_float_dtype(frame["rate"])


def test_committed_report_csv(tmp_path):
    from conftest import REPOSITORY

    path = REPOSITORY / "output" / "photon-loss" / "data" / "results.csv"
    if not path.is_file():
        pytest.skip("no committed output/photon-loss")
    frame = interlink.read_results(REPOSITORY / "output", "photon-loss")
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert len(frame.columns) == len(header)
    assert len(frame) == len(path.read_text(encoding="utf-8").splitlines()) - 1
    for cell in header:
        if " [" in cell:
            name, unit = cell[:-1].split(" [", 1)
            assert frame.attrs["units"][name] == unit


def test_eval_frame_units():
    report = {"kind": "link", "rateHz": 12.5, "attemptPeriodSeconds": 1e-6, "fidelity": 0.9,
              "waitingTimeSeconds": "Infinity", "arms": [{"efficiency": 0.1}], "label": "x"}
    frame = interlink.eval_frame(report)
    rows = {row.path: (row.value, row.unit) for row in frame.itertuples()}
    assert rows["rateHz"] == (12.5, "1/s")
    assert rows["attemptPeriodSeconds"] == (1e-6, "s")
    assert rows["fidelity"] == (0.9, "")
    assert rows["waitingTimeSeconds"] == (math.inf, "s")
    assert rows["arms[0].efficiency"] == (0.1, "")
    assert "label" not in rows and "kind" not in rows
