# lawcode — two commands set everything up:  `make demo`  and  `make test`.
# Everything lives in .venv/ at the repository root; nothing is installed globally.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
SAMPLES := corpus/samples
JOBS   ?= auto

.PHONY: demo test check lint docs bench install install-test clean help

help:
	@echo "make demo   - set up .venv and run lawcode on the embedded sample ordinance"
	@echo "make test   - set up .venv with test extras and run the whole suite (corpus sweeps included)"
	@echo "make check  - quick edit-test loop: unit tests only, no corpus sweeps, docs or notebooks"
	@echo "make lint   - ruff and mypy"
	@echo "make docs   - build the Sphinx site into docs/_build/html (warnings are errors)"
	@echo "make bench  - run the load/to_xml benchmark (default folder: \$$LAWCODE_CORPUS/bulk)"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.stamp-install: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml $(VENV)/.stamp-install
	$(PIP) install -e ".[test,docs]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

install: $(VENV)/.stamp-install
install-test: $(VENV)/.stamp-test

demo: install
	@echo "lawcode demo: the fictional 桜ヶ丘市 privacy ordinance in corpus/samples (two versions)"
	@echo
	@echo "== Outline of the sample ordinance (lawcode show) =="
	$(VENV)/bin/lawcode show $(SAMPLES)/sakuragaoka_jorei_v1.xml
	@echo
	@echo "== One provision by its Japanese citation =="
	$(VENV)/bin/lawcode show $(SAMPLES)/sakuragaoka_jorei_v1.xml 第三条の二第二項
	@echo
	@echo "== Structure counts (lawcode stats) =="
	$(VENV)/bin/lawcode stats $(SAMPLES)
	@echo
	@echo "== Lossless round trip (lawcode roundtrip) =="
	$(VENV)/bin/lawcode roundtrip $(SAMPLES)

test: install-test
	$(MAKE) --no-print-directory lint docs
	$(PY) -m pytest -n $(JOBS) --nbmake tests notebooks

check: install-test
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest -n $(JOBS) -m "not corpus" tests

lint: install-test
	$(VENV)/bin/ruff check lawcode tests benchmarks
	$(PY) -m mypy lawcode

docs: install-test
	$(VENV)/bin/sphinx-build -W --keep-going -q -b html docs docs/_build/html

bench: install
	$(PY) benchmarks/bench_load.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .hypothesis build dist *.egg-info
