"""Interlink's CSV and JSON outputs as pandas DataFrames with units."""
import math
import pathlib
import re

import pandas as pd

_HEADER = re.compile(r"^(?P<name>.*?) \[(?P<unit>[^\]]*)\]$")
_NON_FINITE = {"Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}

# Unit of an eval field, from its name's suffix (the eval document layer names units this way).
_SUFFIX_UNITS = [
    ("PerSecond", "1/s"), ("Hz", "1/s"), ("Seconds", "s"), ("Km", "km"), ("Nm", "nm"), ("DB", "dB"),
    ("MHz", "MHz"),
]


def non_finite(value):
    """``"Infinity"``, ``"-Infinity"`` and ``"NaN"`` (Interlink's JSON spelling of non-finite
    numbers, in every output) as floats; anything else unchanged."""
    if isinstance(value, str) and value in _NON_FINITE:
        return _NON_FINITE[value]
    return value


def _is_number(cell):
    if cell in _NON_FINITE:
        return True
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _number(cell):
    """A numeric cell as a float; an empty cell (a failed point's metrics) as NaN."""
    if cell == "":
        return math.nan
    return _NON_FINITE[cell] if cell in _NON_FINITE else float(cell)


def read_csv(path) -> pd.DataFrame:
    """Reads a CSV written by Interlink. Columns are named without their unit; ``frame.attrs["units"]``
    maps each column with a unit to it. Numeric columns (including ``Infinity``/``NaN`` cells) are floats."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    units = {}
    renamed = {}
    for column in frame.columns:
        match = _HEADER.match(column)
        if match:
            renamed[column] = match.group("name")
            units[match.group("name")] = match.group("unit")
    frame = frame.rename(columns=renamed)
    for column in frame.columns:
        cells = [cell for cell in frame[column] if cell != ""]
        if cells and all(_is_number(cell) for cell in cells):
            frame[column] = frame[column].map(_number).astype(float)
    frame.attrs["units"] = units
    frame.attrs["source"] = str(path)
    return frame


def read_results(output, study, table="results") -> pd.DataFrame:
    """``<output>/<study>/data/<table>.csv`` via :func:`read_csv`."""
    return read_csv(pathlib.Path(output) / study / "data" / f"{table}.csv")


def _unit(name):
    for suffix, unit in _SUFFIX_UNITS:
        if name.endswith(suffix):
            return unit
    return ""


def eval_frame(report) -> pd.DataFrame:
    """Flattens an ``interlink eval`` result into one row per number: ``path`` (dotted, arrays as
    ``[i]``), ``value`` (float; non-finite spellings converted) and ``unit`` (from the field name's
    suffix: ``rateHz`` → ``1/s``, ``attemptPeriodSeconds`` → ``s``; empty for dimensionless numbers)."""
    rows = []

    def walk(value, path, name):
        value = non_finite(value)
        if isinstance(value, dict):
            for key in sorted(value):
                walk(value[key], f"{path}.{key}" if path else key, key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]", name)
        elif isinstance(value, bool) or value is None or isinstance(value, str):
            return
        else:
            rows.append({"path": path, "value": float(value), "unit": _unit(name)})

    walk(report, "", "")
    return pd.DataFrame(rows, columns=["path", "value", "unit"])
