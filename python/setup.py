"""Copies the repository's schema/eval.schema.json into the package at build time, so the schema the
Python side validates with is the one the Swift tests check against the Swift types (one file)."""
import pathlib
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = HERE.parent / "schema" / "eval.schema.json"


class BuildWithSchema(build_py):
    def run(self):
        super().run()
        if not SCHEMA.is_file():
            raise SystemExit(f"interlink: {SCHEMA} is missing; build the package from the Interlink repository")
        target = pathlib.Path(self.build_lib) / "interlink" / "eval.schema.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCHEMA, target)


setup(cmdclass={"build_py": BuildWithSchema})
