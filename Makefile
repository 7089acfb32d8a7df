# Loss and Accuracy: every command a reader, an author or a teacher needs.
# `make help` lists them. Each target sets up what it needs first (once).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(abspath $(VENV))/bin
# The book's tools run from the project's own environment, whatever the shell has activated.
export PATH := $(BIN):$(PATH)
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

ENV_STAMP     := $(VENV)/.installed
ASSETS_STAMP := _extra/vega/vega-embed.min.js
NOTEBOOKS     := $(sort $(wildcard chapters/*.ipynb)) tools/chapter_template.ipynb

.DEFAULT_GOAL := help
.PHONY: help setup browser build test pdf check-site check-clean-env check-floors refresh new-chapter student questions set-repository benchmark lint format serve clean lock

help:  ## List the commands.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

setup: $(ENV_STAMP) $(ASSETS_STAMP) browser  ## Create .venv with the pinned tools, fetch MathJax and Vega, find Chromium.

$(ENV_STAMP): pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	@touch $@

$(ASSETS_STAMP): package.json package-lock.json tools/install_site_assets.py | $(ENV_STAMP)
	$(BIN)/python tools/install_site_assets.py

# The browser tests drive the system's Chromium (never a downloaded one). As root on
# Debian/Ubuntu it is installed with apt when missing; elsewhere install it yourself or set
# LOSSACC_CHROMIUM to a Chromium/Chrome executable.
browser:
	@if [ -n "$$LOSSACC_CHROMIUM" ] || command -v chromium >/dev/null 2>&1 \
	    || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium from the distribution's packages (for the browser tests)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "WARNING: no Chromium found; the browser tests will fail. Install chromium or set LOSSACC_CHROMIUM."; \
	fi

build: setup  ## Build the website into _build/html from the notebooks' stored outputs.
	jupyter-book build --warningiserror --nitpick --keep-going .
	@echo "Open _build/html/index.html in a browser."

test: setup  ## Run the whole test suite: helper tests, notebooks (nbval), strict book build, site checks.
	python -m pytest

pdf: setup  ## Build the whole book as one PDF (_extra/loss-and-accuracy.pdf, linked from the site).
	python tools/build_pdf.py $(if $(NO_SOLUTIONS),--no-solutions)
	jupyter-book build --all --warningiserror --nitpick --keep-going .  # every footer links it

check-site: pdf  ## Slow checks: axe-core on every page, a fork adding a chapter, the PDF, Lighthouse (CI runs it).
	LOSSACC_CHECK_SITE=1 python -m pytest -o addopts="" -p no:cacheprovider -q tests/test_pdf.py tests/test_lighthouse.py tests/test_fork.py tests/test_site_in_browser.py -k "accessible or pdf or lighthouse or fork or genindex or modindex or search or 404"

check-clean-env: $(ENV_STAMP)  ## Run every chapter and student notebook with only the package installed (Binder, Colab).
	python tools/clean_env.py pinned

check-floors: $(ENV_STAMP)  ## Run every chapter at the lowest dependency versions pyproject.toml declares.
	python tools/clean_env.py floors

refresh: setup  ## Re-execute every chapter (and the template) in place, refreshing stored outputs.
	python tools/refresh_notebooks.py $(NOTEBOOKS)

new-chapter: setup  ## Start a chapter from the template: make new-chapter SLUG=my_topic TITLE="My topic"
	@test -n "$(SLUG)" -a -n "$(TITLE)" || { echo 'usage: make new-chapter SLUG=my_topic TITLE="My topic"'; exit 2; }
	python tools/new_chapter.py "$(SLUG)" --title "$(TITLE)"

student: setup  ## Write every chapter without its solutions to student/ (or OUT=folder).
	python tools/student_version.py $(or $(OUT),student)

questions: setup  ## List every self-check question with its answers, for a teacher (OUT=file to save it).
	python tools/list_questions.py $(if $(OUT),> $(OUT))

set-repository: setup  ## Point the book at your fork: make set-repository URL=https://github.com/you/repo
	@test -n "$(URL)" || { echo 'usage: make set-repository URL=https://github.com/you/repo'; exit 2; }
	python tools/set_repository.py "$(URL)"

benchmark: setup  ## Measure test suite, builds, notebooks and site size; writes benchmarks/results/.
	python benchmarks/bench_book.py

lint: setup  ## Check the code style with ruff.
	ruff check .
	ruff format --check lossacc_helpers tests tools benchmarks

format: setup  ## Fix what ruff can fix.
	ruff check --fix .
	ruff format lossacc_helpers tests tools benchmarks

serve: build  ## Serve the built site on http://127.0.0.1:8000.
	python -m http.server --bind 127.0.0.1 --directory _build/html 8000

clean:  ## Remove the build (keeps .venv).
	rm -rf _build

lock:  ## Re-resolve the dependencies; rewrite requirements/constraints.txt and binder/requirements.txt.
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip==26.3"
	.lock-venv/bin/python -m pip install --quiet -e ".[dev]"
	{ sed -n '1,4p' requirements/constraints.txt; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements/constraints.new
	mv requirements/constraints.new requirements/constraints.txt
	rm -rf .lock-venv
	$(MAKE) $(ENV_STAMP)
	python tools/clean_env.py lock
