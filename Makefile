# Interlink: the two commands (see README.md).
#   make report   set up the machine, build in release mode, run every study -> output/
#   make test     set up the machine, run the test suite
#   make test-tsan / make test-asan   the test suite under the thread / address sanitizer, each in
#                 its own build folder (.build-tsan, .build-asan); FILTER='regex' runs a subset, e.g.
#                 make test-tsan FILTER='InterlinkSimTests|InterlinkNotebookTests'
# Both run scripts/bootstrap first, which installs missing system packages (GSL, Cairo, Pango, fonts).

SWIFT ?= swift
JOBS  ?=
FILTER ?=
BIN    = .build/release/interlink

.PHONY: report test test-tsan test-asan verify bootstrap build gallery bench clean

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
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt \
	$(SWIFT) test --sanitize=address --scratch-path .build-asan $(if $(FILTER),--filter '$(FILTER)')

bench: build
	$(BIN) bench

clean:
	rm -rf .interlink-cache
