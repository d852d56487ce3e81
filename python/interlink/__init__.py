"""Python bridge to Interlink: run the `interlink` tool and read its results as pandas DataFrames.

- :class:`Tool` calls ``interlink eval`` (validating the document against the JSON Schema first),
  ``interlink run --json`` and ``interlink list --json``.
- :func:`read_csv` reads any CSV Interlink writes; the header's ``name [unit]`` cells become column
  ``name`` with ``frame.attrs["units"][name] == unit``, and the spellings ``Infinity``, ``-Infinity``
  and ``NaN`` become floats.
- :func:`eval_frame` flattens an ``eval`` result into rows (path, value, unit).
"""
from .bridge import InterlinkError, Tool
from .frames import eval_frame, read_csv, read_results, non_finite
from .schema import eval_schema, validate_eval_document

__version__ = "0.3.0"

__all__ = [
    "InterlinkError",
    "Tool",
    "eval_frame",
    "eval_schema",
    "non_finite",
    "read_csv",
    "read_results",
    "validate_eval_document",
]
