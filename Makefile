# Interlink: the two commands (see README.md).
#   make report   set up the machine, build in release mode, run every study -> output/
#   make test     set up the machine, run the test suite
# Both run scripts/bootstrap first, which installs missing system packages (GSL, Cairo, Pango, fonts).
# Also: make verify (regenerate and compare with output/), make examples (build, run and verify the
# Examples/notebook package), make python-test (the Python bridge's tests in a venv), make docs.

SWIFT  ?= swift
PYTHON ?= python3
JOBS   ?=
BIN     = .build/release/interlink
VENV    = .build/python-venv
EXAMPLE = Examples/notebook
DOCS    = .build/docs

.PHONY: report test verify bootstrap build gallery bench clean examples python-test docs

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build -c release --product interlink

report: build
	$(BIN) run --all $(if $(JOBS),--jobs $(JOBS))
	$(BIN) gallery

verify: build
	$(BIN) verify

test: bootstrap
	$(SWIFT) test

bench: build
	$(BIN) bench

# A user's package: two studies depending on Interlink by path; run, then regenerate and compare.
examples: bootstrap
	$(SWIFT) build --package-path $(EXAMPLE) --product notebook
	cd $(EXAMPLE) && .build/debug/notebook run --all --output output
	cd $(EXAMPLE) && .build/debug/notebook verify --output output

python-test: build
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check ./python pytest matplotlib
	INTERLINK_BINARY=$(CURDIR)/$(BIN) INTERLINK_REQUIRE_BINARY=1 $(VENV)/bin/pytest -q python

# The DocC archive of the library (Sources/Interlink/Interlink.docc); any DocC warning fails.
docs:
	mkdir -p $(DOCS)
	$(SWIFT) package --allow-writing-to-directory $(DOCS) generate-documentation --target Interlink \
		--warnings-as-errors --output-path $(DOCS)/Interlink.doccarchive

clean:
	rm -rf .interlink-cache
