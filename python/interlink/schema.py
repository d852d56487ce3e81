"""The JSON Schema of ``interlink eval`` documents (the repository's ``schema/eval.schema.json``,
copied into the package when it is built)."""
import functools
import json
from importlib import resources

import jsonschema


@functools.lru_cache(maxsize=1)
def eval_schema() -> dict:
    """The schema as a dict (draft 2020-12)."""
    text = resources.files(__package__).joinpath("eval.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_eval_document(document) -> None:
    """Raises ``jsonschema.ValidationError`` naming the failing path when ``document`` (a dict or
    JSON text) does not follow the schema. Relations between fields (T2 ≤ 2 T1, the wavelength
    bands of the stages a photon reaches, tabulated fiber bands, module indices and capacities of an
    architecture; the schema's description lists them) are left to ``interlink eval`` itself."""
    if isinstance(document, (str, bytes)):
        document = json.loads(document)
    validator = jsonschema.Draft202012Validator(eval_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        raise error
