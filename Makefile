# lawcode — two commands set everything up:  `make demo`  and  `make test`.
# Everything lives in .venv/ at the repository root; nothing is installed globally.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
SAMPLES := corpus/samples
JOBS   ?= auto
DEMO_OUT ?= demo-output
# The real-data corpus: $LAWCODE_CORPUS when set, else ../shared/corpus when it exists (absolute, so that the
# notebook, which runs in notebooks/, finds it too). Empty (`LAWCODE_CORPUS= make test`) means: corpus tests
# skip, and the last line of the run says so.
LAWCODE_CORPUS ?= $(abspath $(wildcard ../shared/corpus))
export LAWCODE_CORPUS

.PHONY: demo test check lint docs bench notebook install install-test clean help site

help:
	@echo "make demo   - set up .venv and run lawcode on the embedded sample ordinance"
	@echo "make test   - set up .venv with test extras and run the whole suite (corpus sweeps included when"
	@echo "              \$$LAWCODE_CORPUS or ../shared/corpus exists)"
	@echo "make check  - quick edit-test loop: unit tests only, no corpus sweeps, docs or notebooks"
	@echo "make lint   - ruff and mypy"
	@echo "make docs   - build the Sphinx site into docs/_build/html (warnings are errors)"
	@echo "make site   - build the demo law site (lawcode.sphinxext) into site/_build/html; more with \$$LAWCODE_CORPUS"
	@echo "make bench  - load/to_xml, pickling and roundtrip benchmarks on the corpus, with the machine they ran on"
	@echo "make notebook - open notebooks/ in JupyterLab, with the project's .venv as the kernel"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.stamp-install: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml $(VENV)/.stamp-install
	$(PIP) install -e ".[test,docs,notebooks]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (lawcode .venv)" >/dev/null
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
	@echo
	@echo "== References in 第三条の二 (lawcode refs) =="
	$(VENV)/bin/lawcode refs $(SAMPLES)/sakuragaoka_jorei_v1.xml 第三条の二
	@echo
	@echo "== What changed from v1 to v2: the 新旧対照表 (lawcode diff) =="
	$(VENV)/bin/lawcode diff $(SAMPLES)/sakuragaoka_jorei_v1.xml $(SAMPLES)/sakuragaoka_jorei_v2.xml
	@mkdir -p $(DEMO_OUT)
	$(VENV)/bin/lawcode diff $(SAMPLES)/sakuragaoka_jorei_v1.xml $(SAMPLES)/sakuragaoka_jorei_v2.xml --format html -o $(DEMO_OUT)/shinkyu.html
	@echo "→ open $(DEMO_OUT)/shinkyu.html in a browser (print-ready, A4 landscape)"
	@echo
	@echo "== The 改め文 applied to v1 (lawcode amend), compared with v2 =="
	$(VENV)/bin/lawcode amend $(SAMPLES)/sakuragaoka_jorei_v1.xml $(SAMPLES)/sakuragaoka_kaisei_r5_21.txt -o $(DEMO_OUT)/amended.xml --explain
	$(VENV)/bin/lawcode diff $(DEMO_OUT)/amended.xml $(SAMPLES)/sakuragaoka_jorei_v2.xml
	@echo "(the one difference is the 改正附則 itself, which an 改め文's main provisions do not contain)"
	@echo
	@echo "== Which requirements the change touches (lawcode impact) =="
	$(VENV)/bin/lawcode impact $(SAMPLES)/sakuragaoka_jorei_v1.xml $(SAMPLES)/sakuragaoka_jorei_v2.xml --trace $(SAMPLES)/sakuragaoka_requirements.yaml

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

# The demo law site of lawcode.sphinxext: the sample ordinance, its 新旧対照表 and impact page; with the corpus
# also 個人情報保護法 (2020 → 2025, with the 悉皆調査 procedures) and 地方公務員法. See docs/sphinx.md.
site: install-test
	$(VENV)/bin/sphinx-build -W --keep-going -q -b html site site/_build/html
	@echo "demo site: site/_build/html/index.html"

bench: install
	@echo "machine: $$(nproc) CPUs ($$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $$($(PY) -V), load average $$(cut -d' ' -f1 /proc/loadavg)"
	$(PY) benchmarks/bench_load.py $(BENCH_ARGS)
	$(PY) benchmarks/bench_pickle.py
	$(PY) benchmarks/bench_roundtrip.py

# JupyterLab itself is not a dependency of lawcode: it is installed here, for this target only.
notebook: install-test
	$(PIP) install "jupyterlab>=4"
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf $(VENV) $(DEMO_OUT) site/_build docs/_build .pytest_cache .hypothesis build dist *.egg-info
