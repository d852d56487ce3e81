# Interlink: the two commands (see README.md).
#   make report   set up the machine, build in release mode, run every study -> output/
#   make test     set up the machine, run the test suite
#   make test-tsan / make test-asan   the test suite under the thread / address sanitizer, each in
#                 its own build folder (.build-tsan, .build-asan); FILTER='regex' runs a subset, e.g.
#                 make test-tsan FILTER='InterlinkSimTests|InterlinkNotebookTests'
# Both run scripts/bootstrap first, which installs missing system packages (GSL, Cairo, Pango, fonts).
# Also: make verify (regenerate and compare with output/), make examples (build, run and verify the
# Examples/notebook package), make python-test (the Python bridge's tests in a venv), make docs.

SWIFT  ?= swift
PYTHON ?= python3
JOBS   ?=
FILTER ?=
BIN     = .build/release/interlink
VENV    = .build/python-venv
EXAMPLE = Examples/notebook
DOCS    = .build/docs

.PHONY: report test test-tsan test-asan verify bootstrap build gallery bench clean examples python-test docs

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

test-tsan: bootstrap
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan $(if $(FILTER),--filter '$(FILTER)')

# LeakSanitizer runs too (on by default on Linux); scripts/lsan-suppressions.txt lists the system
# libraries whose process-lifetime caches it would otherwise report, and child processes inherit it.
test-asan: bootstrap
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
	$(SWIFT) test --sanitize=address --scratch-path .build-asan $(if $(FILTER),--filter '$(FILTER)')

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
