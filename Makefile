# Each target builds the virtualenv it needs, from the pinned lock file.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test bench bench-smoke eval-public clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/rempart demo

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

bench: $(STAMP)
	$(VENV)/bin/python bench/bench_gate.py
	$(VENV)/bin/python bench/bench_text.py
	$(VENV)/bin/python bench/bench_named_person.py
	$(VENV)/bin/python bench/bench_images.py
	$(VENV)/bin/python bench/benign_fp.py
	$(VENV)/bin/python bench/bench_audit.py
	$(VENV)/bin/python bench/bench_pdq_index.py
	$(VENV)/bin/python bench/bench_hash_robustness.py
	$(VENV)/bin/python bench/bench_hashing_speed.py
	$(VENV)/bin/python bench/eval_obfuscation.py

bench-smoke: $(STAMP)
	$(VENV)/bin/python bench/bench_gate.py --smoke
	$(VENV)/bin/python bench/bench_text.py --smoke
	$(VENV)/bin/python bench/bench_named_person.py --smoke
	$(VENV)/bin/python bench/bench_images.py --smoke
	$(VENV)/bin/python bench/benign_fp.py --smoke
	$(VENV)/bin/python bench/bench_audit.py --smoke
	$(VENV)/bin/python bench/bench_pdq_index.py --smoke
	$(VENV)/bin/python bench/bench_hash_robustness.py --smoke
	$(VENV)/bin/python bench/bench_hashing_speed.py --smoke
	$(VENV)/bin/python bench/eval_obfuscation.py --smoke
	$(VENV)/bin/python bench/eval_public.py --smoke --quiet

# The gate's figures on the public prompt sets in ../shared/eval (measuring only).
eval-public: $(STAMP)
	$(VENV)/bin/python bench/eval_public.py

clean:
	rm -rf $(VENV) rempart-demo .pytest_cache
