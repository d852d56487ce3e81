"""The JSON Schema accepts the tool's own examples and rejects the evaluator's bad-input corpus."""
import json
import math

import jsonschema
import pytest

import interlink
from conftest import REPOSITORY

CORPUS = json.loads((REPOSITORY / "schema" / "bad-inputs.json").read_text(encoding="utf-8"))

# Bad inputs whose fault is a relation between two fields, which JSON Schema cannot state; the
# schema's description names both relations and `interlink eval` refuses them.
RELATIONS = {"T2 > 2 T1", "wavelength without tabulated attenuation"}


def test_packaged_schema_is_the_repository_schema():
    stored = json.loads((REPOSITORY / "schema" / "eval.schema.json").read_text(encoding="utf-8"))
    assert interlink.eval_schema() == stored
    jsonschema.Draft202012Validator.check_schema(stored)


@pytest.mark.parametrize("repeater", [False, True])
def test_examples_are_accepted(tool, repeater):
    interlink.validate_eval_document(tool.example(repeater=repeater))


def test_corpus_is_large():
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("case", CORPUS, ids=[case["name"] for case in CORPUS])
def test_bad_inputs_are_rejected(case):
    try:
        document = json.loads(case["document"], parse_constant=lambda name: {"Infinity": math.inf}.get(name))
    except json.JSONDecodeError:
        return  # not JSON at all: rejected before any schema applies
    if case["name"] in RELATIONS:
        interlink.validate_eval_document(document)  # structurally valid: only the tool can refuse it
        return
    with pytest.raises(jsonschema.ValidationError):
        interlink.validate_eval_document(document)


def test_tool_rejects_the_relations(tool):
    for case in CORPUS:
        if case["name"] in RELATIONS:
            with pytest.raises(interlink.InterlinkError) as raised:
                tool.eval(case["document"])
            assert raised.value.status == 2
            assert case["path"] in raised.value.message
