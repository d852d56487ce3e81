"""The example script redraws a report figure from the committed CSV."""
import importlib.util

import pytest

from conftest import REPOSITORY


def test_plot_photon_loss(tmp_path):
    pytest.importorskip("matplotlib")
    if not (REPOSITORY / "output" / "photon-loss" / "data" / "results.csv").is_file():
        pytest.skip("no committed output/photon-loss")
    spec = importlib.util.spec_from_file_location("plot_photon_loss", REPOSITORY / "python" / "examples" / "plot_photon_loss.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "alpha.png"
    module.main(str(REPOSITORY / "output"), str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
