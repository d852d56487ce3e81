"""The JSON Schema accepts the tool's own examples and rejects the evaluator's bad-input corpus."""
import json
import math
import re

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


# The examples of `interlink eval --example-of NAME`; test_example_names_are_the_tools checks that
# the tool knows exactly these (its error for an unknown name lists them).
EXAMPLES = ["link", "repeater", "microwaveLink", "nodePhoton", "senderReceiver", "architecture"]


@pytest.mark.parametrize("repeater", [False, True])
def test_examples_are_accepted(tool, repeater):
    interlink.validate_eval_document(tool.example(repeater=repeater))


def test_example_names_are_the_tools(tool):
    with pytest.raises(interlink.InterlinkError) as raised:
        tool.example(name="no-such-example")
    assert raised.value.status == 2
    listed = re.search(r"one of ([^)]*)\)", raised.value.message)
    assert listed is not None, raised.value.message
    assert [name.strip() for name in listed.group(1).split(",")] == EXAMPLES


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_named_example_is_accepted(tool, name):
    interlink.validate_eval_document(tool.example(name=name))


def test_every_document_kind_has_an_example(tool):
    """Each top-level alternative of the schema (a document kind) is taken by exactly one kind of example."""
    alternatives = interlink.eval_schema()["oneOf"]
    taken = set()
    for name in EXAMPLES:
        document = tool.example(name=name)
        matching = [
            n for n, alternative in enumerate(alternatives)
            if jsonschema.Draft202012Validator({"$defs": {}, **alternative}).is_valid(document)
        ]
        assert len(matching) == 1, (name, matching)
        taken.update(matching)
    assert taken == set(range(len(alternatives)))


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_with_a_broken_field_are_rejected(tool, name):
    """The schema reaches into every kind: one out-of-range field per example is caught, naming its path."""
    document = tool.example(name=name)
    broken = {
        "link": ("link", "residualVisibility"),
        "repeater": ("repeater", "cutoffSeconds"),
        "microwaveLink": ("microwaveLink", "emissionAbsorptionEfficiency"),
        "nodePhoton": ("nodePhotonLink", "arm", "overrides", "node", "transferSteps", 0, "fidelity"),
        "senderReceiver": ("nodePhotonLink", "memory", "storageFidelity"),
        "architecture": ("execution", "shots"),
    }[name]
    target = document
    for step in broken[:-1]:
        target = target[step]
    target[broken[-1]] = -1
    with pytest.raises(jsonschema.ValidationError) as raised:
        interlink.validate_eval_document(document)
    assert list(raised.value.absolute_path) == list(broken)


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


def test_conditional_rules_agree_with_the_tool(tool):
    """Rules the schema states with if/then: the tool refuses the same documents, naming the same field,
    and accepts what the schema accepts."""
    refused = [
        # an ion module has no transducer
        ("architecture", ("architecture", "modules", 0, "transducerEfficiency"), 0.5,
         "architecture.modules[0].transducerEfficiency"),
        # an analyser absorbs nothing
        ("nodePhoton", ("nodePhotonLink", "memory"), {"absorptionEfficiency": 0.5, "storageFidelity": 0.9, "memory": {}},
         "nodePhotonLink.memory"),
        # single-click needs brightStatePopulation
        ("link", ("link", "scheme"), {"kind": "singleClick"}, "link.scheme.brightStatePopulation"),
    ]
    for name, path, value, field in refused:
        document = tool.example(name=name)
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        with pytest.raises(jsonschema.ValidationError):
            interlink.validate_eval_document(document)
        with pytest.raises(interlink.InterlinkError) as raised:
            tool.eval(document, validate=False)
        assert raised.value.status == 2
        assert f"interlink: {field}:" in raised.value.message, raised.value.message
    document = tool.example(name="architecture")
    document["execution"] = None  # optional: null is the default execution
    interlink.validate_eval_document(document)
    assert tool.eval(document)["kind"] == "architecture"
