PYTHON ?= .venv/bin/python

.PHONY: test lint bench eval calibrate

test:  ## the whole suite (quality gate included when ../shared/data is present)
	$(PYTHON) -m pytest

lint:  ## ruff and mypy (pip install ruff mypy)
	$(PYTHON) -m ruff check . && $(PYTHON) -m mypy

bench:  ## speed figures for the README
	$(PYTHON) benchmarks/bench_speed.py

eval:  ## held-out accuracy figures
	$(PYTHON) -m compare eval ../shared/data

calibrate:  ## refit calibration.json (MRPC train), the headline casing list, then alignment.json (BASIL gold, nested CV and ablation; a few minutes)
	$(PYTHON) -m compare.evaluation.calibrate ../shared/data --write
	$(PYTHON) -m compare.evaluation.casing ../shared/data --write
	$(PYTHON) -m compare.evaluation.fit_alignment ../shared/data --write --ablation
