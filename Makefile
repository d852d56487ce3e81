# Interlink: the two commands (see README.md).
#   make report   set up the machine, build in release mode, run every study -> output/
#   make test     set up the machine, run the test suite
# Both run scripts/bootstrap first, which installs missing system packages (GSL, Cairo, Pango, fonts).

SWIFT ?= swift
JOBS  ?=
BIN    = .build/release/interlink

.PHONY: report test verify bootstrap build gallery bench clean

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

clean:
	rm -rf .interlink-cache
