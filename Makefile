# Two commands do all the set-up: `make run` and `make test`. Each bootstraps what it needs.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: run test bench lint soak package clean

$(STAMP): pyproject.toml
	@bash packaging/bootstrap-system.sh app
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(TESTSTAMP): $(STAMP)
	@bash packaging/bootstrap-system.sh test
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: $(STAMP)
	$(VENV)/bin/lokomotiv

test: $(TESTSTAMP)
	$(PY) -m pytest -n 2 -q  # import-linter runs inside (tests/test_architecture.py)

lint: $(TESTSTAMP)
	$(VENV)/bin/ruff check lokomotiv_desktop tests
	$(VENV)/bin/lint-imports --no-cache

bench: $(TESTSTAMP)
	$(PY) -m tests.benchmarks

soak: $(TESTSTAMP)  # 5 000 scenarios from fresh seeds, each printed; then the API fuzzed from a fresh seed
	LOKOMOTIV_SOAK=1 $(PY) -m pytest -q -s tests/sync -k simulation -p no:xdist
	LOKOMOTIV_SOAK=1 $(PY) -m pytest -q -s tests/server/test_fuzz_api.py -p no:xdist

package: $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN packaging/lokomotiv.spec
	bash packaging/smoke-test.sh dist/lokomotiv/lokomotiv

clean:
	rm -rf $(VENV) build dist *.egg-info
