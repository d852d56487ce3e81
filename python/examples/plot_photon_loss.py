"""Redraws the photon-loss report's figure "alpha-vs-loss" (output/photon-loss/figures/alpha-vs-loss.svg)
from its CSV with matplotlib: the optimal bright-state population α of single-click heralding
versus the loss budget per arm, for the preset's budget split and the fiber-dominated one.

    python python/examples/plot_photon_loss.py [OUTPUT_FOLDER] [FIGURE.png]
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import interlink  # noqa: E402


def main(output="output", target="alpha-vs-loss.png"):
    table = interlink.read_results(output, "photon-loss")
    units = table.attrs["units"]
    single = table[(table["scheme"] == "single-click") & table["alphaOptimal"].notna()]
    figure, axis = plt.subplots(figsize=(3.4, 2.6))
    for split, style, label in [("preset-split", "-", "preset split"), ("fiber-dominated", "--", "fiber-dominated")]:
        rows = single[single["split"] == split]
        axis.plot(rows["lossDB"], rows["alphaOptimal"], style, label=f"{label} (Brent)")
        library = rows[rows["alphaLibrary"].notna()]
        axis.plot(library["lossDB"], library["alphaLibrary"], "o", mfc="none", ms=3)
    axis.set_xlabel(f"Total loss per arm ({units['lossDB']})")
    axis.set_ylabel("Optimal α")
    axis.set_yscale("log")
    axis.set_xlim(0, 45)
    axis.legend(frameon=False, fontsize=7)
    figure.tight_layout()
    figure.savefig(target, dpi=200)
    print(f"wrote {target} from {len(single)} rows")


if __name__ == "__main__":
    main(*sys.argv[1:])
