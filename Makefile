# Demystify — two commands do all the set-up on a fresh Linux machine with Swift:
#   make run    install what is missing, build in release mode, start the tutor
#   make test   install what is missing, build, run every test
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT     := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
RELEASE := .build/release
ARGS    ?=

.PHONY: run test build release bench deps test-deps clean

# libreadline-dev (and pkg-config, which finds it) only when missing; the package
# lists are refreshed only when something has to be installed.
deps:
	@if ! pkg-config --exists readline 2>/dev/null; then \
	  echo "Installing libreadline-dev (GNU readline) ..."; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends libreadline-dev pkg-config; \
	fi

# The end-to-end tests drive the tutor in a real terminal with tmux.
test-deps: deps
	@if ! command -v tmux >/dev/null 2>&1; then \
	  echo "Installing tmux (for the real-terminal tests) ..."; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends tmux; \
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
	bash bench/transformer.sh

clean:
	$(SWIFT) package clean
	rm -rf .build
