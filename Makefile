# Demystify — two commands do all the set-up on a fresh Linux machine with Swift:
#   make run    install what is missing, build in release mode, start the tutor
#   make test   install what is missing, build, run every test
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT     := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
RELEASE := .build/release
ARGS    ?=

.PHONY: run test build release bench deps test-deps clean fuzz test-sanitize install man dist dist-check

# Install like a tool: the binary in PREFIX/bin, the lessons (and their data)
# in PREFIX/share/demystify/Lessons, where the binary looks for them, and the
# manual page in PREFIX/share/man/man1.
# The installed binary names its commit in --version (the development build,
# rebuilt at every commit otherwise, does not).
PREFIX ?= /usr/local
install: deps man
	DEMYSTIFY_COMMIT=$$(git describe --always --dirty 2>/dev/null) $(SWIFT) build -c release --product demystify
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/demystify $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(RELEASE)/demystify $(DESTDIR)$(PREFIX)/bin/demystify
	rm -rf $(DESTDIR)$(PREFIX)/share/demystify/Lessons
	cp -R Lessons $(DESTDIR)$(PREFIX)/share/demystify/Lessons
	install -m 644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/demystify.1

# The manual page, generated from the argument parser's own help by
# swift-argument-parser's plugin (so it never disagrees with --help).
MANPAGE := .build/plugins/GenerateManual/outputs/demystify/demystify.1
man: deps
	$(SWIFT) package --allow-writing-to-package-directory generate-manual

# The release a teacher hands out: dist/demystify-VERSION-linux-x86_64.tar.gz,
# built for the x86-64-v3 baseline with the Swift runtime and readline linked
# in (tools/dist.sh says how); its install.sh needs no root and no compiler.
dist: deps man
	bash tools/dist.sh

# The tarball on a clean machine: a minimal Debian root (debootstrap, no Swift,
# no readline, no build tools), installed there by install.sh as a normal user,
# lesson 00 run inside, and the fingerprint after dist/check.script compared
# with the build machine's and an emulated Haswell's (tools/dist-check.sh;
# needs root for chroot).
dist-check: dist
	@if ! command -v debootstrap >/dev/null 2>&1 || ! command -v qemu-x86_64 >/dev/null 2>&1; then \
	  echo "Installing debootstrap and qemu-user (the clean root, an emulated older CPU) ..."; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends debootstrap qemu-user; \
	fi
	$(SUDO) bash tools/dist-check.sh

# libreadline-dev (and pkg-config, which finds it) only when missing; the package
# lists are refreshed only when something has to be installed.
deps:
	@if ! pkg-config --exists readline 2>/dev/null; then \
	  echo "Installing libreadline-dev (GNU readline) ..."; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends libreadline-dev pkg-config; \
	fi

# The end-to-end tests drive the tutor in a real terminal with tmux, and open
# the HTML handouts in a headless Chromium.
test-deps: deps
	@if ! command -v tmux >/dev/null 2>&1; then \
	  echo "Installing tmux (for the real-terminal tests) ..."; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends tmux; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing chromium (a headless browser opens the HTML handouts in the tests) ..."; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends chromium; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product demystify

run: release
	@$(RELEASE)/demystify $(ARGS)

# The end-to-end tests drive a release build of the tutor: lessons train models
# live, and a debug build takes minutes where a release build takes seconds.
test: test-deps
	$(SWIFT) build -c release --product demystify
	DEMYSTIFY_BIN=$(CURDIR)/$(RELEASE)/demystify $(SWIFT) test

# Engine speed against NumPy (one thread each), measured in the same run; then
# the GAN's speed (against the same GAN in NumPy) and its quality over ten seeds.
bench: deps
	$(SWIFT) build -c release --product demystify-bench
	$(SWIFT) build -c release --product demystify
	OPENBLAS_NUM_THREADS=1 python3 bench/compare.py $(RELEASE)/demystify-bench
	bash bench/gan.sh $(RELEASE)/demystify
	bash bench/gan_digits.sh $(RELEASE)/demystify $(RELEASE)/demystify-bench
	bash bench/diffusion.sh $(RELEASE)/demystify $(RELEASE)/demystify-bench
	bash bench/transformer.sh

# Fuzzing with libFuzzer and the address sanitizer: each target runs for
# FUZZ_SECONDS from the seed corpus in Tests/FuzzCorpus (new finds are kept in
# .build-fuzz/corpus-TARGET). A crash leaves crash-* here: add it to
# Tests/FuzzCorpus/TARGET, which `make test` replays, and fix it.
FUZZ_SECONDS ?= 180
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product demystify-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	@for t in expression dispatcher lesson pictures hostile-lesson; do \
	  mkdir -p .build-fuzz/corpus-$$t; \
	  echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  DEMYSTIFY_FUZZ_TARGET=$$t .build-fuzz/debug/demystify-fuzz -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=4096 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    .build-fuzz/corpus-$$t Tests/FuzzCorpus/$$t > .build-fuzz/$$t.log 2>&1; rc=$$?; \
	  grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" .build-fuzz/$$t.log; \
	  if [ $$rc != 0 ]; then tail -40 .build-fuzz/$$t.log; echo "fuzz target $$t failed (see crash-*)"; exit 1; fi; \
	done

# The test suite under the address sanitizer (debug build, tutor in release with
# ASan; leaks inside Foundation and XCTest are suppressed, see the file), then
# the engine and model tests — where work is split across two cores — under
# the thread sanitizer.
test-sanitize: test-deps
	$(SWIFT) build --scratch-path .build-asan -c release --product demystify -Xswiftc -sanitize=address
	DEMYSTIFY_SANITIZED=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt DEMYSTIFY_BIN=$(CURDIR)/.build-asan/release/demystify \
	  $(SWIFT) test --scratch-path .build-asan -Xswiftc -sanitize=address
	$(SWIFT) test --scratch-path .build-tsan -Xswiftc -sanitize=thread --filter "EngineTests|ModelsTests"

clean:
	$(SWIFT) package clean
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-dist dist/*.tar.gz
