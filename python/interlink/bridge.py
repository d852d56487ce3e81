"""Runs the ``interlink`` command-line tool (Interlink's own or a notebook package's)."""
import json
import os
import pathlib
import shutil
import subprocess

from .schema import validate_eval_document


class InterlinkError(RuntimeError):
    """The tool exited non-zero: ``status`` (1 drift or failure, 2 invalid input or usage) and its
    one-line ``message`` from standard error."""

    def __init__(self, status, message, arguments):
        super().__init__(f"interlink {' '.join(arguments)} exited with status {status}: {message}")
        self.status = status
        self.message = message
        self.arguments = arguments


class Tool:
    """The ``interlink`` executable: ``binary`` (default ``$INTERLINK_BINARY``, else ``interlink`` on
    ``PATH``), run in ``directory`` (default: the current folder; the project whose cache and git
    state the tool uses is the nearest folder above it with a ``Package.swift``)."""

    def __init__(self, binary=None, directory=None):
        chosen = binary or os.environ.get("INTERLINK_BINARY") or shutil.which("interlink")
        if not chosen:
            raise FileNotFoundError("no interlink executable: pass Tool(binary=...) or set INTERLINK_BINARY")
        self.binary = str(pathlib.Path(chosen).resolve())
        self.directory = str(directory) if directory is not None else None

    def _call(self, arguments, stdin=None):
        completed = subprocess.run(
            [self.binary, *arguments], input=stdin, capture_output=True, text=True, cwd=self.directory, check=False
        )
        if completed.returncode != 0:
            raise InterlinkError(completed.returncode, completed.stderr.strip(), arguments)
        return completed.stdout

    def version(self) -> str:
        """``interlink --version``."""
        return self._call(["--version"]).strip()

    def example(self, repeater=False, name=None) -> dict:
        """The complete example document of ``interlink eval --example`` (or ``--repeater-example``);
        with ``name``, that of ``interlink eval --example-of NAME`` (``link``, ``repeater``,
        ``microwaveLink``, ``nodePhoton``, ``senderReceiver``, ``architecture``)."""
        if name is not None:
            return json.loads(self._call(["eval", "--example-of", name]))
        return json.loads(self._call(["eval", "--repeater-example" if repeater else "--example"]))

    def eval(self, document, validate=True) -> dict:
        """Evaluates a document of any kind ``interlink eval`` reads (a dict or JSON text): a link,
        repeater, microwave or node–photon link in closed form, or an architecture document by Monte
        Carlo. The document is first validated against the JSON Schema (``validate=False`` skips that
        and leaves every check to the tool). Non-finite results are the strings ``"Infinity"``/``"-Infinity"``/``"NaN"``;
        :func:`interlink.eval_frame` turns the result into a DataFrame with units."""
        text = document if isinstance(document, str) else json.dumps(document)
        if validate:
            validate_eval_document(text)
        return json.loads(self._call(["eval", "-"], stdin=text))

    def studies(self) -> dict:
        """``interlink list --json``: the project (root, cache, git state, version) and the studies."""
        return json.loads(self._call(["list", "--json"]))

    def run(self, studies=None, output=None, jobs=None, cache=True, extra=()) -> dict:
        """``interlink run --json``: runs ``studies`` (a list of identifiers; ``None``: all) and returns
        the summary (per study: output folder, points computed, resumed, failed)."""
        arguments = ["run", "--json"]
        arguments += list(studies) if studies else ["--all"]
        if output is not None:
            arguments += ["--output", str(output)]
        if jobs is not None:
            arguments += ["--jobs", str(jobs)]
        if not cache:
            arguments.append("--no-cache")
        arguments += list(extra)
        return json.loads(self._call(arguments))
