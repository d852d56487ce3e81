import os
import pathlib

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def find_binary():
    """$INTERLINK_BINARY, else the repository's release or debug build."""
    if os.environ.get("INTERLINK_BINARY"):
        return os.environ["INTERLINK_BINARY"]
    for configuration in ("release", "debug"):
        candidate = REPOSITORY / ".build" / configuration / "interlink"
        if candidate.is_file():
            return str(candidate)
    return None


@pytest.fixture(scope="session")
def binary():
    found = find_binary()
    if found is None:
        if os.environ.get("INTERLINK_REQUIRE_BINARY") == "1":
            pytest.fail("INTERLINK_REQUIRE_BINARY=1 but no interlink binary (set INTERLINK_BINARY or build the package)")
        pytest.skip("no interlink binary: build the package or set INTERLINK_BINARY")
    return found


@pytest.fixture(scope="session")
def tool(binary):
    import interlink

    return interlink.Tool(binary, directory=REPOSITORY)
