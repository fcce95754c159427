"""The parts of pain-point detection, each on real input where there is one.

Keypad tones and frame labels run on ``sample_calls/`` against their ground-truth JSON;
settings, phrase spotting, menus, paths, talk metrics and the pain score are pure functions.
No ASR or diarization model is loaded: the frame labels use Silero VAD (small, inside
faster-whisper), so the whole file takes seconds.

"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest

from audio_pipeline import decode
from audio_pipeline.detect import acoustic, dtmf, load_config
from audio_pipeline.detect.config import DEFAULT_PATH, ENV_VAR
from audio_pipeline.detect.lexicon import Phrases, digits_in, normalize, sentences
from audio_pipeline.detect.pain import pain_score
from audio_pipeline.detect.talk import agent_words_per_minute, overtalk, talk_ratio_agent
from audio_pipeline.detect.timeline import Utt
from audio_pipeline.detect.transfers import TransferDetector, is_loop_path
from audio_pipeline.detect.verification import VerificationDetector
from audio_pipeline.errors import AnalysisError

from .builders import quiet_view

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_calls"
CALL_NAMES = sorted(p.stem for p in SAMPLES.glob("*.json"))
HOP = acoustic.HOP_S


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch):
    """A config named in the developer's environment must not change what these tests see."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def calls() -> dict[str, tuple[dict, decode.Audio]]:
    out = {}
    for name in CALL_NAMES:
        gt = json.loads((SAMPLES / f"{name}.json").read_text())
        out[name] = (gt, decode.load(SAMPLES / gt["audio"]))
    return out


@pytest.fixture(scope="module")
def frames(calls) -> dict[str, acoustic.Frames]:
    """Frame labels of every sample call, looked for on the agent side as ``detect_call`` does."""
    cfg = load_config()
    out = {}
    for name, (gt, audio) in calls.items():
        channel = gt["agent_channel"] if audio.channels == 2 else 0
        out[name] = acoustic.analyse(audio.samples, channel, cfg["acoustic"])
    return out


def _mask(spans, n: int, inset: float = 0.0) -> np.ndarray:
    """Frames inside ``spans`` shrunk by ``inset`` seconds at each end (negative: grown)."""
    m = np.zeros(n, bool)
    for s, e in spans:
        a, b = int(np.ceil((s + inset) / HOP)), int(np.floor((e - inset) / HOP))
        if b > a:
            m[max(a, 0):min(b, n)] = True
    return m


def _counts(label: np.ndarray, where: np.ndarray) -> tuple[int, int]:
    return int(label[where].sum()), int(where.sum())


# --------------------------------------------------------------------------- keypad (DTMF)

def _customer_channel(gt: dict, audio: decode.Audio) -> int:
    return 1 - gt["agent_channel"] if audio.channels == 2 else 0


@pytest.mark.parametrize("name", CALL_NAMES)
def test_keypad_entries_match_ground_truth(calls, name):
    gt, audio = calls[name]
    keyed_on = _customer_channel(gt, audio)
    for ch in range(audio.channels):
        found = dtmf.key_entries(dtmf.key_presses(audio.samples[ch]))
        if ch != keyed_on or not gt["keypad"]:
            # Speech, hold music, ringing and silence never look like keys.
            assert found == [], f"channel {ch}: {found}"
            continue
        assert [e.keys for e in found] == [k["digits"] for k in gt["keypad"]]
        for entry, truth in zip(found, gt["keypad"]):
            assert abs(entry.start_s - truth["start_s"]) <= 0.1, (entry, truth)
            assert abs(entry.end_s - truth["end_s"]) <= 0.1, (entry, truth)


_DTMF_FREQS = {key: (dtmf.ROWS[r], dtmf.COLS[c]) for r, row in enumerate(dtmf.KEYS) for c, key in enumerate(row)}


def _keyed_line(entries: list[tuple[float, str]], snr_db: float, tone_s: float = 0.07, seed: int = 0) -> np.ndarray:
    """Keys dialled onto a telephone line: 8 kHz, the high tone 2 dB below the low one (twist),
    gaps of 80-180 ms between keys, white noise ``snr_db`` below the tones; then 16 kHz as
    ``decode.load`` gives it."""
    import soxr

    rate, rng = 8000, np.random.default_rng(seed)
    end = max(t + len(keys) * (tone_s + 0.18) for t, keys in entries) + 1.0
    x = np.zeros(int(end * rate))
    t_tone = np.arange(int(tone_s * rate)) / rate
    amp_lo, amp_hi = 0.2, 0.2 * 10 ** (-2 / 20)
    for start, keys in entries:
        t = start
        for key in keys:
            lo, hi = _DTMF_FREQS[key]
            tone = (amp_lo * np.sin(2 * np.pi * lo * t_tone + rng.uniform(0, 2 * np.pi))
                    + amp_hi * np.sin(2 * np.pi * hi * t_tone + rng.uniform(0, 2 * np.pi)))
            i = int(t * rate)
            x[i:i + len(tone)] += tone
            t += tone_s + rng.uniform(0.08, 0.18)
    tone_power = (amp_lo ** 2 + amp_hi ** 2) / 2
    x += rng.normal(0.0, np.sqrt(tone_power / 10 ** (snr_db / 10)), len(x))
    return soxr.resample(x.astype(np.float32), rate, decode.MODEL_RATE)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_generated_key_sequence_in_line_noise(seed):
    # 15 dB is a poor line; on this generator every seed still decodes at 6 dB (measured).
    entries = [(1.0, "0123456789"), (5.0, "*#ABCD"), (9.3, "4821#")]
    found = dtmf.key_entries(dtmf.key_presses(_keyed_line(entries, snr_db=15.0, seed=seed)))
    assert [e.keys for e in found] == [keys for _, keys in entries]
    for entry, (start, _) in zip(found, entries):
        assert abs(entry.start_s - start) <= 0.1


def test_noise_alone_gives_no_keys():
    x = np.random.default_rng(0).normal(0, 0.05, 10 * decode.MODEL_RATE).astype(np.float32)
    assert dtmf.key_presses(x) == []


def test_60ms_key_presses_are_heard():
    # Two overlapping 40 ms frames are needed, so keys shorter than ~55 ms may be missed;
    # people hold keys for 70 ms or more.
    entries = [(0.5, "0123456789*#")]
    found = dtmf.key_entries(dtmf.key_presses(_keyed_line(entries, snr_db=40.0, tone_s=0.06)))
    assert [e.keys for e in found] == ["0123456789*#"]


@pytest.mark.parametrize("agent_channel", [0, 1])
def test_on_a_stereo_call_the_callers_keys_are_on_the_callers_channel(agent_channel):
    """The agent dialling an extension for a transfer is heard on the agent's side; it is not
    the caller keying in their date of birth. A key echoed onto both sides is one key."""
    caller = _keyed_line([(1.0, "16011971#")], snr_db=30.0, seed=1)
    agent = _keyed_line([(6.0, "4402")], snr_db=30.0, seed=2)
    n = max(len(caller), len(agent))
    sides = np.zeros((2, n), np.float32)
    sides[1 - agent_channel, :len(caller)] = caller
    sides[agent_channel, :len(agent)] = agent
    sides[agent_channel, :len(caller)] += 0.3 * caller  # line echo of the caller's keys
    assert [e.keys for e in dtmf.caller_keys(sides, agent_channel)] == ["16011971#"]
    # Mono: one side holds both, and both are kept, whatever agent channel is set.
    for channel in (None, 0):
        assert [e.keys for e in dtmf.caller_keys(sides[agent_channel][None, :], channel)] == ["16011971#", "4402"]


# --------------------------------------------------------------------------- frame labels

def test_music_spans_are_labelled_music(calls, frames):
    """Frames inside the true hold/queue music (1 s in from each edge) are music."""
    pooled = [0, 0]
    for name, (gt, _) in calls.items():
        fr = frames[name]
        hit, n = _counts(fr.music, _mask([(m["start_s"], m["end_s"]) for m in gt["music"]], len(fr), inset=1.0))
        if n:
            # Measured per call: billing_loop 0.848, retentions 1.0, stereo_hold 1.0, tech_support 0.599
            # (its announcement over the music is not bridged, see the xfail below).
            assert hit / n >= 0.55, f"{name}: {hit}/{n} music frames"
            pooled[0] += hit
            pooled[1] += n
    # Measured 0.885 pooled over the four calls with music.
    assert pooled[0] / pooled[1] >= 0.85


def test_music_between_announcements_is_labelled_music(calls, frames):
    """The music itself, away from recorded announcements played over it, is all music."""
    for name, (gt, _) in calls.items():
        fr = frames[name]
        music = [(m["start_s"], m["end_s"]) for m in gt["music"]]
        spoken = [(s["start_s"], s["end_s"]) for s in gt["segments"]
                  if any(s["start_s"] < me and s["end_s"] > ms for ms, me in music)]
        where = _mask(music, len(fr), inset=1.0) & ~_mask(spoken, len(fr), inset=-0.5)
        hit, n = _counts(fr.music, where)
        if n:
            assert hit / n >= 0.95, f"{name}: {hit}/{n}"  # measured 1.0 on every call


def test_speech_is_rarely_music(calls, frames):
    """Conversation (true segments that do not overlap music) is not labelled music."""
    pooled = [0, 0]
    for name, (gt, _) in calls.items():
        fr = frames[name]
        music = [(m["start_s"], m["end_s"]) for m in gt["music"]]
        talk = [(s["start_s"], s["end_s"]) for s in gt["segments"]
                if not any(s["start_s"] < me and s["end_s"] > ms for ms, me in music)]
        hit, n = _counts(fr.music, _mask(talk, len(fr)))
        # Measured per call: 0.006, 0.080 (retentions, see the xfail below), 0.0, 0.004, 0.0.
        assert hit / n <= 0.10, f"{name}: {hit}/{n}"
        pooled[0] += hit
        pooled[1] += n
    assert pooled[0] / pooled[1] <= 0.04  # measured 0.020


def test_silence_is_not_music(calls, frames):
    """Dead air and silent holds: both sides quiet, no music."""
    checked = 0
    for name, (gt, _) in calls.items():
        fr = frames[name]
        quiet = [(d["start_s"], d["end_s"]) for d in gt["dead_air"]]
        quiet += [(h["start_s"], h["end_s"]) for h in gt["holds"] if h["kind"] == "silent"]
        hit, n = _counts(fr.music, _mask(quiet, len(fr)))
        checked += n
        assert hit <= 0.02 * n, f"{name}: {hit}/{n} frames of silence labelled music"  # measured 0
    assert checked > 1000  # four calls, about 80 s of silence


def test_music_under_line_hiss_is_still_music():
    """Sustained chords 16 dB over white line noise: the hiss between the notes changes from
    frame to frame, and judged on the whole spectrum the music looked no steadier than speech
    (a noisy dev4 call's hold music went unheard). Judged over what stands above each
    frequency's quiet level, it is music; the hiss alone is not."""
    rng = np.random.default_rng(1)
    t = np.arange(decode.MODEL_RATE // 2) / decode.MODEL_RATE
    chords = []
    for _ in range(40):  # a chord every half second, 20 s
        root = 220.0 * 2 ** (rng.choice([0, 2, 4, 5, 7, 9]) / 12)
        chords.append(sum(np.sin(2 * np.pi * root * r * h * t) / h for r in (1, 1.26, 1.5) for h in (1, 2)))
    quiet = np.zeros(5 * decode.MODEL_RATE)
    x = np.concatenate([quiet, 0.02 * np.concatenate(chords), quiet])
    x = (x + rng.standard_normal(len(x)) * 10 ** (-45 / 20)).astype(np.float32)
    fr = acoustic.analyse(x[None, :], None, load_config()["acoustic"])
    assert fr.fraction("music", 6.0, 24.0) >= 0.9
    assert fr.fraction("music", 0.0, 4.5) == 0.0 and fr.fraction("music", 26.0, 29.5) == 0.0


def test_announcement_over_hold_music_stays_music(frames):
    fr = frames["tech_support_opus"]  # "Your call is important to us. Please hold ..." 24.34-29.82 s
    assert fr.fraction("music", 24.5, 29.6) >= 0.8


def test_speech_after_hold_music_is_not_music(frames):
    fr = frames["retentions_transfer"]  # agent_2 greets 100.57-105.01 s, customer 105.34-107.07 s
    assert fr.fraction("music", 100.6, 107.0) <= 0.2


# --------------------------------------------------------------------------- settings

def _write(tmp_path: Path, text: str | bytes, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_defaults_are_the_shipped_file():
    cfg = load_config()
    with open(DEFAULT_PATH, "rb") as f:
        assert cfg == tomllib.load(f)
    assert cfg.source == str(DEFAULT_PATH)
    assert cfg["fuzzy"] == 86
    assert cfg["hold"]["min_gap_s"] == 4.0 and cfg["dead_air"]["min_s"] == 5.0
    assert cfg["pain"]["scale"] == 20.0 and cfg["pain"]["transfer_loop"] == 5.0
    assert set(cfg["transfer"]["departments"]) == {"billing", "technical_support", "customer_care", "sales",
                                                   "retentions"}


def test_one_override_keeps_every_other_default(tmp_path):
    path = _write(tmp_path, "[hold]\nmin_score = 3\n")
    cfg = load_config(path)
    expected = load_config()
    expected["hold"]["min_score"] = 3
    assert cfg == expected
    assert str(path) in cfg.source


def test_lists_replace_lists(tmp_path):
    cfg = load_config(_write(tmp_path, '[hold]\nannounce = ["hang tight"]\n'))
    assert cfg["hold"]["announce"] == ["hang tight"]
    assert cfg["hold"]["resume"] == load_config()["hold"]["resume"]


def test_new_departments_and_items_are_allowed(tmp_path):
    cfg = load_config(_write(tmp_path, '[transfer.departments]\nfraud = ["fraud team", "fraud department"]\n'
                                       '[transfer.menu_heard_as]\nfraud = ["front"]\n'
                                       '[verification.items]\nloyalty_card = ["loyalty card number"]\n'))
    assert cfg["transfer"]["departments"]["fraud"] == ["fraud team", "fraud department"]
    assert cfg["transfer"]["departments"]["billing"] == load_config()["transfer"]["departments"]["billing"]
    detector = TransferDetector(cfg)
    assert [d for _, d in detector.departments_in("let me put you through to our fraud team")] == ["fraud"]
    assert detector.menu_options("For the fraud department, press 6.") == {"6": "fraud"}
    assert detector.menu_options("For front, press 6. For building, press 1.") == {"6": "fraud", "1": "billing"}
    assert "loyalty_card" in VerificationDetector(cfg).items


@pytest.mark.parametrize("text, says", [
    ("[hold]\nmin_scor = 3\n", "unknown setting hold.min_scor"),
    ("[holds]\nmin_score = 3\n", "unknown setting holds"),
    ('[hold]\nmin_score = "high"\n', "hold.min_score must be a number"),
    ("fuzzy = true\n", "fuzzy must be a number"),
    ('[hold]\nannounce = "put you on hold"\n', "hold.announce must be a list of phrases"),
    ("[hold]\nannounce = [1, 2]\n", "hold.announce must be a list of phrases"),
    ('[transfer.departments]\nfraud = "fraud team"\n', "transfer.departments.fraud must be a list"),
    ("hold = 3\n", "hold must be a table"),
    ("[hold\nmin_score = 3\n", "not valid TOML"),
    ('fuzzy = 80\nfuzzy = 90\n', "not valid TOML"),
    ("[semantic]\nmin_similarity = 1.5\n", "semantic.min_similarity must be above 0 and at most 1"),
    ("[semantic]\ncomplaint_min_similarity = 0\n", "semantic.complaint_min_similarity must be above 0 and at most 1"),
    ('[semantic]\nmodel = ""\n', "semantic.model must be a non-empty string"),
    ("[semantic]\nmodel = 3\n", "semantic.model must be a non-empty string"),
    ('[semantic.examples]\nask_shoe_size = ["What size shoes?"]\n', "unknown setting semantic.examples.ask_shoe_size"),
    ("[transfer]\nnew_voice_distance = 0\n", "transfer.new_voice_distance must be above 0 and at most 2"),
], ids=["unknown-key", "unknown-table", "string-for-number", "bool-for-number", "string-for-list",
        "numbers-in-list", "department-not-a-list", "scalar-for-table", "bad-syntax", "duplicate-key",
        "similarity-above-1", "complaint-similarity-zero", "empty-model", "number-for-model", "unknown-intent",
        "voice-distance-zero"])
def test_bad_settings_are_one_line_errors_naming_the_file(tmp_path, text, says):
    path = _write(tmp_path, text)
    with pytest.raises(AnalysisError) as err:
        load_config(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert says in message


def test_missing_settings_file(tmp_path):
    with pytest.raises(AnalysisError, match="detection config not found") as err:
        load_config(tmp_path / "nope.toml")
    assert str(tmp_path / "nope.toml") in str(err.value)


@pytest.mark.parametrize("kind", ["latin-1", "folder"])
def test_unreadable_settings_are_one_line_errors(tmp_path, kind):
    if kind == "folder":
        path = tmp_path / "settings.toml"
        path.mkdir()
    else:
        path = _write(tmp_path, "# Caf\xe9 team\nfuzzy = 80\n".encode("latin-1"))
    with pytest.raises(AnalysisError):
        load_config(path)


def test_environment_variable_is_honoured(tmp_path, monkeypatch):
    env_file = _write(tmp_path, "[dead_air]\nmin_s = 7.5\n", "env.toml")
    monkeypatch.setenv(ENV_VAR, str(env_file))
    assert load_config()["dead_air"]["min_s"] == 7.5
    # A file named explicitly wins over the environment.
    assert load_config(_write(tmp_path, "[dead_air]\nmin_s = 9\n", "cli.toml"))["dead_air"]["min_s"] == 9
    monkeypatch.setenv(ENV_VAR, str(_write(tmp_path, "[dead_air]\nmin_seconds = 9\n", "broken.toml")))
    with pytest.raises(AnalysisError, match="broken.toml: unknown setting dead_air.min_seconds"):
        load_config()


# --------------------------------------------------------------------------- phrase spotting

@pytest.fixture(scope="module")
def fuzzy() -> float:
    return load_config()["fuzzy"]


@pytest.mark.parametrize("phrase, heard", [
    ("put you on hold", "Okay, I'll just put you on hole for a moment."),
    ("put you on hold", "let me put you on hold"),
    ("thanks for holding", "Thanks for holdin', Daniel."),
    ("retentions", "I'll pass you to our detentions team."),
    ("date of birth", "Can I take your date of bird please?"),
    ("whats your", "What's your postcode?"),
])
def test_fuzzy_spotting_tolerates_asr_errors(fuzzy, phrase, heard):
    assert Phrases([phrase], fuzzy).any(heard)


@pytest.mark.parametrize("phrase, text", [
    ("born", "he is so stubborn about it"),          # short phrase inside a word
    ("pin", "the wheel keeps spinning"),
    ("pin", "a pen"),                                 # short phrases are never fuzzy
    ("put you on hold", "let me put you through to sales"),
    ("line of your address", "your"),                 # the text is a piece of the phrase
    ("line of your address", "Your?"),
    ("line of your address", "and your address"),
    ("thank you for holding", "thank you"),
])
def test_no_match_inside_words_or_inside_the_phrase(fuzzy, phrase, text):
    assert not Phrases([phrase], fuzzy).any(text)


@pytest.mark.parametrize("phrase, text", [
    ("mobile", "my automobile insurance"),
    ("sales", "we buy wholesales"),
    ("technical", "a nontechnical question"),
    ("card number", "my scorecard number"),
])
def test_no_match_on_the_tail_of_a_longer_word(fuzzy, phrase, text):
    assert not Phrases([phrase], fuzzy).any(text)


def test_a_phrase_marked_with_an_equals_sign_counts_only_word_for_word(fuzzy):
    """"please state" is one letter from "please stay" (on the line): "=please state" asks
    for the words as they are, and still finds them in their place."""
    assert Phrases(["please state"], fuzzy).any("Please stay on the line while I check.")
    exact = Phrases(["=please state", "put you on hold"], fuzzy)
    assert not exact.any("Please stay on the line while I check.")
    assert exact.locate("Okay. Please state your email address.") == (5, "please state")
    assert exact.any("I'll put you on hole for a moment.")  # the others stay fuzzy


def test_position_and_find(fuzzy):
    p = Phrases(["on hold", "bear with me"], fuzzy)
    text = "Bear with me, I'll put you on hold."
    assert p.find(text) == ["on hold", "bear with me"]
    assert p.position(text) == 0
    # Offsets are into the normalized text: "bear with me ill put you on hold".
    assert Phrases(["on hold"], fuzzy).position(text) == normalize(text).index("on hold")
    assert p.position("nothing like it here") is None


def test_a_phrase_lies_within_one_sentence(fuzzy):
    """ "… on your account. Department stores …" names no accounts department, and "put you
    on. Hold on" puts no one on hold, spelled exactly or fuzzily; offsets still count from the
    start of the whole text."""
    p = Phrases(["accounts department", "on hold"], fuzzy)
    assert p.find("What's the number on your account. Department stores shut at six.") == []
    assert p.find("They put you on. Hold on, let me look.") == []
    text = "Right. I'll send you to the accounts department, you're on hold now."
    assert p.find(text) == ["accounts department", "on hold"]
    assert p.position(text) == normalize(text).index("accounts department")
    assert Phrases(["on hold"], fuzzy).position("On. On hold.") == normalize("On. On hold.").index("on hold")


@pytest.mark.parametrize("text, digits", [
    ("four eight 21", "4821"),
    ("Zero, one, two, three, four, five, six, seven, eight, nine.", "0123456789"),
    ("oh seven seven double three", "0773"),       # "double" is not expanded
    ("it's 4 0 7 1 5", "40715"),
    ("press for more options", ""),                # "for" is not four
    ("no digits here", ""),
])
def test_digits_in(text, digits):
    assert digits_in(text) == digits


def test_sentences_split_after_stops_and_keep_offsets():
    text = "Thank you. And what's the postcode? Great! It is 3.5 miles"
    pieces = sentences(text)
    assert [s for _, s in pieces] == ["Thank you.", "And what's the postcode?", "Great!", "It is 3.5 miles"]
    for offset, sentence in pieces:
        assert text[offset:].startswith(sentence)
    assert sentences("no stop at all") == [(0, "no stop at all")]
    assert sentences("") == []


# --------------------------------------------------------------------------- menus and paths

def test_menu_options_read_key_and_department():
    detector = TransferDetector(load_config())
    assert detector.menu_options("For billing, press 1. For technical support, press two.") == {
        "1": "billing", "2": "technical_support"}
    assert detector.menu_options("Please hold while we connect you.") == {}
    assert detector.menu_options("Press and hold the power button.") == {}


def test_a_menu_that_numbers_its_options_names_their_departments():
    """dev7's IVR: "Number one is the device help line. Number two is …" offers keys, and each
    key's department follows it; "your number one priority" is no menu."""
    detector = TransferDetector(load_config())
    menu = ("Number one is the device help line. Number two is the billing team. Number three is technical "
            "support. Number four is for leaving us.")
    assert detector.menu_options(menu) == {"2": "billing", "3": "technical_support", "4": "retentions"}
    assert detector.menu_options("Your number one is the priority, and the number two is fine.") == {}


def test_menu_option_for_cancelling_is_retentions():
    detector = TransferDetector(load_config())
    menu = "for billing, press 1. for technical support, press two. to discuss cancelling your account, press 5"
    assert detector.menu_options(menu) == {"1": "billing", "2": "technical_support", "5": "retentions"}


def test_a_misheard_department_in_a_menu_is_still_that_department():
    """Whisper on this machine's CPU heard billing_loop's "For billing, press 1" as "For
    building, press 1". In a menu every option is a department, so "building" (listed in
    ``menu_heard_as``) is billing there; talk outside a menu keeps its strict matching, and
    no other near word is taken ("and filling your account" was billing with a fuzzy match,
    on a dev call whose option was cancelling)."""
    detector = TransferDetector(load_config())
    menu = ("Thank you. For building, press 1. For technical support, press 2. "
            "To discuss and filling your account, press 3.")
    assert detector.menu_options(menu) == {"1": "billing", "2": "technical_support"}
    assert detector.departments_in("I'm in the building now.") == []


def test_a_department_heard_word_for_word_beats_a_near_one_as_long():
    """Where two department names overlap, the longer wins, and of two as long the one heard
    word for word: "the billing team" is not fuzzily "the filling team" of a centre's own list.
    (A longer name heard roughly still beats a shorter one heard word for word.)"""
    cfg = load_config()
    cfg["transfer"]["departments"]["fulfilment"] = ["filling team"]
    detector = TransferDetector(cfg)
    assert [d for _, d in detector.departments_in("I'll put you through to the billing team now.")] == ["billing"]
    assert [d for _, d in detector.departments_in("I'll put you through to the filling team now.")] == ["fulfilment"]
    assert [d for _, d in detector.departments_in("I'll pass you to accounts closures team.")] == ["retentions"]


def test_a_menu_heard_as_first_one_is_a_menu():
    """Whisper hears a recorded "press one" as "first one"; in a menu that is the key. "The
    first time" is no key."""
    detector = TransferDetector(load_config())
    menu = ("For cancellations and the end of your contract, first one. Option two, the bills "
            "people. Option three, the tech team.")
    assert detector.menu_options(menu) == {"1": "retentions", "2": "billing", "3": "technical_support"}
    assert detector.menu_options("If this is your first time calling, welcome. For billing, press 1.") == {
        "1": "billing"}


def test_menu_options_key_first():
    detector = TransferDetector(load_config())
    assert detector.menu_options("Press 1 for billing. Press 2 for technical support.") == {
        "1": "billing", "2": "technical_support"}
    # "press" said once, or not heard at all: the keys in turn are the menu's
    assert detector.menu_options("Press 1 for billing, 2 for sales, 3 for tech support.") == {
        "1": "billing", "2": "sales", "3": "technical_support"}
    assert detector.menu_options("1 for the accounts team. 2 for customer care. 3 for technical support.") == {
        "1": "billing", "2": "customer_care", "3": "technical_support"}
    assert detector.menu_options("Customer care can be reached on one. Sales can be reached on two. The "
                                 "tech team can be reached on three.") == {
        "1": "customer_care", "2": "sales", "3": "technical_support"}
    # "press" before each key and "for" after: the department follows its key
    assert detector.menu_options("Press one for billing. Press two for sales. Press three for anything else.") == {
        "1": "billing", "2": "sales"}


@pytest.mark.parametrize("text,menu", [
    ("to hear these options again press the star key", True),
    ("to end your contract say or press or say 1", True),
    ("for anything else press nine", True),
    ("press the power button on the router", False),
    ("press and hold the reset button", False),
])
def test_a_menu_is_press_and_a_key(text, menu):
    from audio_pipeline.detect.lexicon import asks_for_a_key

    assert asks_for_a_key(text) is menu


@pytest.mark.parametrize("text,keys", [
    ("For billing press 1. For sales press two.", {"1", "2"}),
    ("For billing press 1 or 2 for sales.", {"1", "2"}),
    ("To hear these options again, press star. To hear these options again, press star.", {"*"}),
    ("Press the power button on the router.", set()),
    ("To end your agreement, tap 1. For the fees desk, the 2 key. For the lending team, the 3 key.", {"1", "2", "3"}),
    ("If your call is for invoicing, key 1. For the care team, key 2. For sales, key 3.", {"1", "2", "3"}),
    ("1 gets you the accounts crowd. 2 gets you the lending team. 3 gets you sales.", {"1", "2", "3"}),
    ("If you'd like to cancel, push one. For the fees desk, hit two. For sales, hit three.", {"1", "2", "3"}),
    ("Push one to get the council tax team. Push two to get the rental desk. Push three for sales.",
     {"1", "2", "3"}),
    # the same verbs in talk: fewer than three keys, or not in turn
    ("Option one gets you unlimited data and option two gets you the free phone.", set()),
    ("Hold the 1 key and the 3 key together to reset it.", set()),
    ("Tap 2 then tap 5 on the handset.", set()),
    ("Type your account number, then the hash key.", set()),     # ends what was typed
    ("Key in your account number.", set()),
    ("This plan gets you two lines.", set()),
    # "push" and "hit" offer keys only three or more in turn: talk says them too
    ("Just hit 1 on the router and then push 2 on the remote.", set()),
    ("Push one end of the cable in and hit the reset button.", set()),
    # dev7's IVR numbers its options
    ("Number one is the device help line. Number two is the rental desk. Number three is for cancelling.",
     {"1", "2", "3"}),
    ("The number one is the best plan and number two is fine too.", set()),
    # dev10 (stereo): the first option worded otherwise or garbled, the rest after one menu verb
    ("If it's about to the rider and TV box helpline, go for one. Two to cancel for three to your membership. "
     "If it's about to the new joiners desk, go for three. If it's about to the tax payment line, go for four. "
     "If it's about to the general inquiry line, go for five.", {"3", "4", "5"}),
    ("Want to cancel for three your membership. So, attack with the escalation. Neck. Enter two. So, attack "
     "with the balance in team. Enter three. So, attack with central elimination. Enter four.", {"2", "3", "4"}),
    ("Enter two on the keypad, then enter three.", set()),
    # "go for" in talk: no departments offered
    ("Sure. Most families go for two, some go for three, and bigger ones go for four.", set()),
])
def test_the_keys_a_menu_offers(text, keys):
    from audio_pipeline.detect.lexicon import keys_offered

    assert keys_offered(text) == keys


def test_menu_options_of_the_sample_ivr_menus(calls):
    """The menus the sample IVRs speak: every department the key-press routes to is read right."""
    detector = TransferDetector(load_config())
    for name, (gt, _) in calls.items():
        menus = [s["text"] for s in gt["segments"] if s["speaker"] == "ivr" and ", press" in s["text"]]
        for menu in menus:
            options = detector.menu_options(menu)
            assert options.get("1") == "billing" and options.get("2") == "technical_support", (name, options)
            chosen = next(k["digits"] for k in gt["keypad"] if len(k["digits"]) == 1)
            assert options[chosen] == gt["department_path"][1], name


@pytest.mark.parametrize("path, loop", [
    (["ivr", "billing", "technical_support", "billing"], True),
    # The spec (detect.toml [transfer], tools/README.md): a transfer into a department *or the IVR
    # menu* the call already visited is a loop, so going back to the opening IVR is one.
    (["ivr", "billing", "ivr", "sales"], True),
    (["billing", "ivr", "billing"], True),
    (["ivr", "billing", "technical_support"], False),
    (["ivr", "customer_care", "retentions"], False),
    (["sales"], False),
    ([], False),
    (["ivr", "unknown", "sales", "unknown"], False),  # two unplaced agents are not a revisit
])
def test_is_loop_path(path, loop):
    assert is_loop_path(path) is loop


# --------------------------------------------------------------------------- talk metrics

def _turn(role: str, start: float, end: float) -> dict:
    return {"role": role, "start_s": start, "end_s": end, "speaker": role}


def test_overtalk_is_both_sides_at_once():
    turns = [_turn("agent", 0, 5), _turn("customer", 4, 6),        # 1.0 s: counts
             _turn("agent", 10, 12), _turn("customer", 11.5, 13),  # 0.5 s: too short
             _turn("agent", 20, 30), _turn("customer", 23, 23.6), _turn("customer", 23.8, 24.4),  # one, 1.4 s
             _turn("ivr", 40, 50), _turn("customer", 42, 48),      # a recording talks over no one
             _turn("agent", 60, 65), _turn("unknown", 61, 64)]     # two on the agent side: not overtalk
    assert overtalk(turns, 1.0) == [(4, 5), (23, 24.4)]
    assert overtalk(turns, 0.4) == [(4, 5), (11.5, 12), (23, 24.4)]
    assert overtalk([_turn("unknown", 0, 5), _turn("customer", 1, 3)], 1.0) == [(1, 3)]
    assert overtalk([], 1.0) == []


def test_talk_ratio_counts_each_second_once():
    turns = [_turn("agent", 0, 20), _turn("unknown", 10, 30), _turn("customer", 30, 40), _turn("ivr", 40, 100)]
    assert talk_ratio_agent(turns) == pytest.approx(0.75)
    assert talk_ratio_agent([_turn("ivr", 0, 10)]) is None
    assert talk_ratio_agent([_turn("customer", 0, 10)]) == 0.0


def test_agent_words_per_minute():
    turns = [_turn("agent", 0, 20), _turn("agent", 10, 30), _turn("customer", 30, 60)]
    words = ([{"role": "agent"}] * 40 + [{"role": "unknown"}] * 10 + [{"role": "customer"}] * 99
             + [{"role": "ivr"}] * 7)
    assert agent_words_per_minute(words, turns) == pytest.approx(100.0)  # 50 words in 30 s
    assert agent_words_per_minute(words, [_turn("agent", 0, 2)]) is None  # too little to measure
    assert agent_words_per_minute(words, [_turn("customer", 0, 60)]) is None


# --------------------------------------------------------------------------- pain score

_CLEAN = {"total_hold_s": 0.0, "hold_count": 0, "queue_wait_s": 0.0, "_dead_air_count": 0, "_overtalk_count": 0,
          "repeated_verification_count": 0, "transfer_count": 0, "transfer_loop": False}
_SOME_PAIN = {**_CLEAN, "total_hold_s": 150.0, "hold_count": 1, "queue_wait_s": 60.0, "transfer_count": 1}


def test_clean_call_scores_zero():
    cfg = load_config()
    assert pain_score(_CLEAN, cfg) == 0.0
    nulls = {k: (None if not k.startswith("_") else 0) for k in _CLEAN}
    assert pain_score(nulls, cfg) == 0.0


@pytest.mark.parametrize("change", [
    {"total_hold_s": 210.0},
    {"hold_count": 2, "total_hold_s": 150.0},
    {"queue_wait_s": 180.0},
    {"_dead_air_count": 1},
    {"_overtalk_count": 1},
    {"repeated_verification_count": 1},
    {"transfer_count": 2},
    {"transfer_loop": True},
], ids=lambda c: next(iter(c)))
def test_more_pain_scores_higher(change):
    cfg = load_config()
    before = pain_score(_SOME_PAIN, cfg)
    assert 0.0 < before < 100.0
    assert pain_score({**_SOME_PAIN, **change}, cfg) > before


def test_score_follows_the_weights(tmp_path):
    heavier = load_config(_write(tmp_path, "[pain]\nrepeated_verification_each = 10\n"))
    call = {**_CLEAN, "repeated_verification_count": 1}
    assert pain_score(call, heavier) > pain_score(call, load_config())
    # points 2.5 with the default weights: 100 * (1 - exp(-2.5 / 10))
    assert pain_score(call, load_config()) == pytest.approx(11.7, abs=0.05)


def test_terrible_call_stays_below_100():
    awful = {"total_hold_s": 1200.0, "hold_count": 3, "queue_wait_s": 600.0, "_dead_air_count": 3,
             "_overtalk_count": 5, "repeated_verification_count": 3, "transfer_count": 4, "transfer_loop": True}
    score = pain_score(awful, load_config())
    assert 90.0 < score < 100.0


def test_hour_long_hold_stays_below_100():
    score = pain_score({**_CLEAN, "total_hold_s": 3600.0, "hold_count": 1}, load_config())
    assert score < 100.0


# --------------------------------------------------------------------------- the command line

def _analyze_with(config: Path | None, out: Path, env_config: Path | None = None):
    import os

    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    if env_config is not None:
        env[ENV_VAR] = str(env_config)
    cmd = [sys.executable, "-m", "sidebyside", "analyze", str(SAMPLES / "sales_simple.wav"), "--out", str(out),
           "--quiet"]
    if config is not None:
        cmd += ["--detect-config", str(config)]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    return proc, time.monotonic() - t0


@pytest.mark.parametrize("text", ["[hold]\nmin_scor = 3\n", '[hold]\nmin_score = "high"\n', "[hold\n", None],
                         ids=["unknown-key", "wrong-type", "invalid-toml", "missing-file"])
def test_cli_refuses_bad_settings_before_loading_models(tmp_path, text):
    bad = tmp_path / "bad.toml"
    if text is not None:
        bad.write_text(text)
    out = tmp_path / "out"
    proc, seconds = _analyze_with(bad, out)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0], proc.stderr
    assert lines[0].startswith("sidebyside analyze: ")
    assert not out.exists()   # nothing was analysed or written
    assert seconds < 20       # measured ~0.5 s; loading the models alone takes longer


def test_cli_refuses_bad_settings_from_the_environment(tmp_path):
    bad = _write(tmp_path, "[pain]\nscale = []\n", "env_bad.toml")
    proc, _ = _analyze_with(None, tmp_path / "out", env_config=bad)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"sidebyside analyze: {bad}: pain.scale must be a number"


# --------------------------------------------------------------------------- waits

def test_one_announcement_announces_one_hold():
    """A silent hold, then a look-up pause: the hold's announcement, still within the
    announcement window, must not make the pause a second hold."""
    from audio_pipeline.detect.waits import WaitDetector

    utts = [
        Utt(0.0, 3.0, "Let me put you on hold for a moment.", "agent", "a"),
        Utt(3.5, 4.5, "Okay.", "customer", "c"),
        # 10.5 s on hold, in silence
        Utt(15.0, 17.0, "Thanks for holding, I have your answer.", "agent", "a"),
        Utt(17.5, 18.5, "Great.", "customer", "c"),
        # 7.5 s of nobody speaking
        Utt(26.0, 27.0, "Hello?", "customer", "c"),
    ]
    waits = WaitDetector(load_config()).detect(quiet_view(utts, 30.0))
    kinds = [(w.kind, round(w.start), round(w.end)) for w in waits]
    assert kinds == [("hold", 4, 15), ("dead_air", 18, 26)], kinds


def _music_view(utts, duration: float, music_spans, turns=()):
    view = quiet_view(utts, duration)
    for a, b in music_spans:
        view.frames.music[int(a / HOP):int(b / HOP)] = True
    view.turns = list(turns)
    return view


def _waits(view) -> list[tuple[str, int, int]]:
    from audio_pipeline.detect.waits import WaitDetector

    return [(w.kind, round(w.start), round(w.end)) for w in WaitDetector(load_config()).detect(view)]


def _hand_overs(view) -> tuple[list[tuple[int, str | None, str | None]], list[str]]:
    """(start, from, to) of each transfer found, and the department path."""
    transfers, path = TransferDetector(load_config()).detect(view)
    return [(round(t.start), t.from_department, t.to_department) for t in transfers], path


def test_music_nobody_spoke_of_is_a_hold_only_when_it_lasts():
    """Five seconds of 'music' between two agent sentences is more often the caller's voice the
    VAD missed; twenty seconds of it is a hold even unannounced."""
    def call(music_s: float):
        return [
            Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
            Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
            Utt(6.0, 8.0, "Can you confirm the mobile number on the account?", "agent", "a"),
            Utt(8.0 + music_s, 11.0 + music_s, "Right, so the second line is ten pounds a month.", "agent", "a"),
        ]
    assert _waits(_music_view(call(5.0), 20.0, [(8.0, 13.0)])) == []
    assert _waits(_music_view(call(20.0), 35.0, [(8.0, 28.0)])) == [("hold", 8, 28)]


def test_an_agent_winding_up_after_music_is_back_from_a_hold_not_a_new_agent():
    """Twenty seconds of music nobody announced, then the same agent: "that's sorted, what
    else can I help you with?" A wind-up shares its words with a greeting ("what can I help
    you with?") but says the agent never left; every detector draws that line alike."""
    from audio_pipeline.detect.verification import VerificationDetector
    from audio_pipeline.detect.waits import WaitDetector

    wind_up = "Right, that's sorted now. What else can I help you with?"
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
        Utt(6.0, 8.0, "Let me set that up for you.", "agent", "a"),
        Utt(28.0, 31.0, wind_up, "agent", "a"),
    ]
    assert _waits(_music_view(utts, 35.0, [(8.0, 28.0)])) == [("hold", 8, 28)]
    cfg = load_config()
    for detector in (WaitDetector(cfg), VerificationDetector(cfg), TransferDetector(cfg)):
        assert not detector.greeting.any(wind_up), type(detector).__name__
        assert detector.greeting.any("Billing, Sam speaking, what can I help you with?"), type(detector).__name__


def test_loose_matching_keeps_to_the_longer_hold_phrases():
    """Loosely heard, "could you hold" is also "could you read out the tracking code": the
    caller agreeing and then looking it up in silence is dead air."""
    utts = [
        Utt(0.0, 3.0, "Could you read out the tracking code from the courier?", "agent", "a"),
        Utt(3.5, 5.0, "Sure, one sec.", "customer", "c"),
        Utt(21.0, 23.0, "It's TR four eight six.", "customer", "c"),
    ]
    assert _waits(quiet_view(utts, 24.0)) == [("dead_air", 5, 21)]


@pytest.mark.parametrize("gap, kind, back", [
    (8.0, "dead_air", "Sorry about that, it's up now."),
    (8.0, "dead_air", "Sorry about that, the account holder's name is updated now."),   # "holder" is no hold
    (20.0, "hold", "Sorry about that, it's up now."),
])
def test_a_short_silence_only_a_sorry_about_that_ends_is_a_look_up(gap, kind, back):
    """Nothing said of holding before it (the look-up words filed under the caller by a mono
    diarization slip), "Sorry about that, it's up now" after it: 8 s is someone looking it up,
    20 s a hold whose announcement the ASR lost."""
    utts = [
        Utt(0.0, 3.0, "Are all the lights on the router green at the moment?", "agent", "a"),
        Utt(3.5, 9.0, "The internet light is flashing orange. Let me pull that up now.", "customer", "c"),
        Utt(9.0 + gap, 12.0 + gap, back, "agent", "a"),
    ]
    assert _waits(quiet_view(utts, 13.0 + gap)) == [(kind, 9, round(9.0 + gap))]


def test_a_short_silence_that_thanks_for_holding_ends_or_that_a_split_hold_leaves_stays_a_hold():
    """What the look-up rule must not take: "thanks for holding" says there was a hold (the
    announcement lost, 12 s), and the caller's "Hello? Are you still there?" splits a hold
    whose second part nobody announced."""
    utts = [
        Utt(0.0, 3.0, "And what's the account holder's name?", "agent", "a"),
        Utt(3.5, 5.0, "Jo Bloggs.", "customer", "c"),
        Utt(17.0, 20.0, "Thanks for holding, that's updated.", "agent", "a"),
    ]
    assert _waits(quiet_view(utts, 21.0)) == [("hold", 5, 17)]
    utts = [
        Utt(0.0, 3.0, "I need to check with my supervisor, I'll put you on hold for a moment.", "agent", "a"),
        Utt(3.2, 4.0, "Okay.", "customer", "c"),
        Utt(30.0, 31.5, "Hello? Are you still there?", "customer", "c"),
        Utt(43.5, 46.0, "Sorry about that, I've spoken to my supervisor.", "agent", "a"),
    ]
    assert _waits(quiet_view(utts, 48.0)) == [("hold", 4, 30), ("hold", 32, 44)]
    # (split twice: "Hello?" at 60 s and again at 76 s)
    utts = [
        Utt(0.0, 3.0, "I need to check with my supervisor, I'll put you on hold for a moment.", "agent", "a"),
        Utt(3.2, 4.0, "Okay.", "customer", "c"),
        Utt(60.0, 61.0, "Hello?", "customer", "c"),
        Utt(75.0, 76.5, "Hello? Anyone there?", "customer", "c"),
        Utt(88.0, 91.0, "Sorry about that, I've spoken to my supervisor.", "agent", "a"),
    ]
    waits = _waits(quiet_view(utts, 93.0))
    assert waits[0] == ("hold", 4, 60) and waits[-1] == ("hold", 76, 88)


def test_bear_with_me_taken_back_is_no_hold():
    utts = [
        Utt(0.0, 3.0, "Bear with me, I'll put some music on. Actually, forget that, I've found it.", "agent", "a"),
        Utt(3.5, 4.5, "Okay.", "customer", "c"),
        Utt(21.0, 24.0, "Your refund went out on Monday.", "agent", "a"),
    ]
    assert _waits(quiet_view(utts, 25.0)) == [("dead_air", 4, 21)]


def test_music_after_the_menu_is_queueing_even_after_a_stray_sound():
    """Sent back to the menu, the caller presses a key, a breath of sound nobody transcribed,
    then queue music and the next agent: a queue, not a hold the agent put them on."""
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My parcel never came.", "customer", "c"),
        Utt(6.0, 9.0, "I'll return you to the start of the menu so you can pick the right team.", "agent", "a"),
        Utt(9.5, 10.5, "Okay, thanks.", "customer", "c"),
        Utt(11.0, 18.0, "For billing, press 1. For deliveries, press 2.", "ivr", "ivr"),
        Utt(35.0, 38.0, "Hello, deliveries, thanks for waiting, how can I help?", "agent", "b"),
    ]
    view = _music_view(utts, 40.0, [(20.0, 35.0)], turns=[(19.0, 19.6, "customer")])
    from audio_pipeline.detect.dtmf import KeyEntry
    view.keys = [KeyEntry(18.5, 18.6, "2")]
    view.utts[4].system = True
    assert _waits(view) == [("queue_wait", 20, 35)]


@pytest.mark.parametrize("menu", [
    "For customer care, press 1. Press 2 for technical support. Press 3 for sales.",
    "For customer care press 1 or 2 for technical support.",
])
def test_music_under_a_menu_is_queueing_even_when_the_menu_was_taken_for_an_announcement(menu):
    """The agent hands the caller back to the main menu (their words filed as the system's),
    the caller mutters, and the menu plays over music: with "press 2" heard inside the wait,
    the caller is in the automated system, not on a hold."""
    utts = [
        Utt(0.0, 3.0, "Retentions, Ann speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "Will the price keep going up?", "customer", "c"),
        Utt(6.0, 10.0, "I'll hand you back to the main menu, so you can choose the right option.", "ivr", "ivr"),
        Utt(10.0, 11.0, "Alright, think.", "customer", "c"),
        Utt(12.0, 23.0, menu, "ivr", "ivr"),
        Utt(40.0, 43.0, "Hello, technical support, how can I help?", "agent", "b"),
    ]
    view = _music_view(utts, 45.0, [(11.5, 40.0)])
    for u in (view.utts[2], view.utts[4]):
        u.system = True
    view.utts[4].announcement = True
    assert _waits(view) == [("queue_wait", 11, 40)]


def test_a_new_agent_thanking_the_caller_for_waiting_while_they_were_put_through_receives_the_call():
    """"Thanks for waiting while they put you through" holds hand-over words, but it is the
    agent receiving the call: the garbled hand-over before it stands (the agent did not carry
    on talking), and the caller's reason names where it went."""
    utts = [
        Utt(0.0, 3.0, "Customer care, Emma speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "Nobody turned up, I waited all morning.", "customer", "c"),
        Utt(7.0, 9.0, "I'm passing you across to the brain now.", "agent", "a"),
        Utt(9.5, 10.3, "Yeah, okay.", "customer", "c"),
        Utt(11.5, 15.0, "Hello, this has been with the failed team. Thanks for waiting while they put you through.",
            "agent", "a"),
        Utt(15.5, 17.0, "I'd like to upgrade my package.", "customer", "c"),
        Utt(18.0, 20.0, "One more security check, what was the make of your first car?", "agent", "a"),
    ]
    hand_overs, path = _hand_overs(quiet_view(utts, 22.0))
    assert hand_overs == [(7, "customer_care", "sales")]
    assert path == ["customer_care", "sales"]


@pytest.mark.parametrize("handover", [
    "That's one for billing. Bear with me while they put you through.",
    "Okay, thank you. That's one for billing. Bear with me while they put you through.",
])
def test_the_sending_agent_asking_the_caller_to_bear_with_them_while_they_put_them_through_hands_over(handover):
    """Without thanks for waiting, "while they put you through" is the agent sending the call
    on (a "thank you" for something else does not make it the receiving agent)."""
    utts = [
        Utt(0.0, 3.0, "Customer care, Emma speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "There's a fee on my bill I don't recognise.", "customer", "c"),
        Utt(7.0, 9.0, handover, "agent", "a"),
        Utt(9.5, 10.3, "Okay.", "customer", "c"),
        Utt(11.5, 14.0, "Hello, Sam here, how can I help?", "agent", "a"),
    ]
    hand_overs, _ = _hand_overs(quiet_view(utts, 16.0))
    assert hand_overs == [(7, "customer_care", "billing")]


def _handed_on_then_music(said: str) -> list[Utt]:
    return [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I was charged twice on my bill.", "customer", "c"),
        Utt(6.0, 9.0, said, "agent", "a"),
        Utt(9.5, 10.0, "Okay.", "customer", "c"),
        # 20 s of music while the call goes over
        Utt(30.0, 33.0, "Hi, it's Sam, what can I do for you?", "agent", "b"),
    ]


@pytest.mark.parametrize("said", [
    "You'll be better off with the billing team, one moment.",
    "The best person for that is billing, I'll pop you over now.",
])
def test_music_after_words_that_hand_on_only_with_a_department_named_is_a_transfer_wait(said):
    """The words that hand the call on only with a department named after them are one test,
    shared by both detectors: the music after them is the hand-over, not a hold as well."""
    view = _music_view(_handed_on_then_music(said), 34.0, [(10.0, 30.0)])
    assert _hand_overs(view) == ([(6, "sales", "billing")], ["sales", "billing"])
    assert _waits(view) == [("transfer_wait", 10, 30)]


@pytest.mark.parametrize("said", [
    "I'll put you through to billing now.",
    "You'll be better off with the billing team, one moment.",
])
def test_silence_after_the_new_agent_answered_is_no_longer_the_hand_overs_wait(said):
    """The hand-over words before a transfer are that transfer's: once the new agent has
    answered, a silence of theirs is dead air, as a silence after a hold is."""
    view = _music_view(_handed_on_then_music(said), 40.0, [(10.0, 30.0)])
    assert _waits(view) == [("transfer_wait", 10, 30), ("dead_air", 33, 40)]


@pytest.mark.parametrize("wind_up", ["Okay, so what else can I help you with?", "How else can I assist you today?"])
def test_winding_up_is_no_greeting_after_misheard_hand_over_words(wind_up):
    """ "I've just connected you to the other side now" (a line test, misheard) and then the
    agent winding up with the caller: the agent carried on, no one was handed over."""
    utts = [
        Utt(0.0, 3.0, "Technical support, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My broadband keeps dropping.", "customer", "c"),
        Utt(7.0, 10.0, "I've just connected you to the other side now.", "agent", "a"),
        Utt(10.5, 11.5, "Oh, it works.", "customer", "c"),
        Utt(12.0, 14.0, wind_up, "agent", "a"),
        Utt(14.5, 15.5, "Nothing, thanks.", "customer", "c"),
    ]
    transfers, path = TransferDetector(load_config()).detect(quiet_view(utts, 17.0))
    assert transfers == [] and path == ["technical_support"]


def test_a_greeting_that_asks_whats_going_on_today_is_a_new_agent():
    """The hand-over words were garbled ("let me get you over the payment"); the new agent's
    "Hiya, Aisha in the accounts department, what's going on today?" after a pause names billing."""
    utts = [
        Utt(0.0, 3.0, "Hiya, Oliver in the loyalty team. How can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I'd like to cancel my contract.", "customer", "c"),
        Utt(6.0, 8.0, "I can see you've been with us for six years.", "agent", "a"),
        Utt(8.5, 10.0, "Well, the price keeps going up.", "customer", "c"),
        Utt(10.5, 11.6, "Let me get you over the payment.", "agent", "a"),
        Utt(12.3, 12.8, "No worries.", "customer", "c"),
        Utt(18.0, 22.0, "Hi, I'm Aisha in the accounts department. What's going on today?", "agent", "a"),
        Utt(23.0, 25.0, "There's a fee on my statement I don't recognise.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(quiet_view(utts, 27.0))
    assert hand_overs == [(10, "retentions", "billing")]
    assert path == ["retentions", "billing"]


def test_one_key_offered_over_hold_music_is_still_a_hold():
    """A hold's recording may offer one key ("to hear these options again, press star"), and
    repeat it; a menu offers several. The agent who comes back thanking the caller had them
    on hold."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My bill is wrong.", "customer", "c"),
        Utt(6.0, 8.0, "Right, I can see two payments there.", "agent", "a"),
        Utt(8.5, 9.5, "Yes, that's it.", "customer", "c"),
        Utt(15.0, 19.0, "To hear these options again, press star.", "ivr", "ivr"),
        Utt(45.0, 49.0, "To hear these options again, press star.", "ivr", "ivr"),
        Utt(70.0, 73.0, "Thanks for holding, I've refunded the second payment.", "agent", "a"),
    ]
    view = _music_view(utts, 75.0, [(10.0, 70.0)])
    for u in view.utts[4:6]:
        u.system = u.announcement = True
    assert _waits(view) == [("hold", 10, 70)]


@pytest.mark.parametrize("greeting", [
    "It's Devin here, I've got your details through from my colleague.",
    "Hello, you've been passed over to me, what seems to be the problem?",
])
def test_new_agent_who_says_they_got_the_caller_from_a_colleague_is_a_transfer(greeting):
    """Stereo: both agents are on one channel, so no new voice is told apart, and the hand-over
    sentence was garbled; the new agent names no department but says the call came from a
    colleague, and the previous agent had named where it was going."""

    utts = [
        Utt(0.0, 3.0, "Technical support, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My router keeps dropping the connection.", "customer", "c"),
        Utt(7.0, 11.0, "For leaving, I'm going to the producer to our customer care team.", "agent", "a"),
        Utt(11.5, 12.5, "All right, thanks.", "customer", "c"),
        # 12 s of transfer
        Utt(24.0, 28.0, greeting, "agent", "a"),
        Utt(28.5, 30.0, "My order never arrived.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(quiet_view(utts, 32.0))
    assert hand_overs == [(7, "technical_support", "customer_care")]
    assert path == ["technical_support", "customer_care"]


def test_same_agent_back_from_hold_is_no_transfer():

    utts = [
        Utt(0.0, 3.0, "Technical support, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My router keeps dropping the connection.", "customer", "c"),
        Utt(7.0, 9.0, "Let me check with customer care, one moment.", "agent", "a"),
        Utt(24.0, 27.0, "Hi there, thanks for waiting, I got the answer from my colleague.", "agent", "a"),
    ]
    transfers, _ = TransferDetector(load_config()).detect(quiet_view(utts, 30.0))
    assert transfers == []


def test_name_given_again_to_a_garbled_question_is_repeated_verification():
    """The second "who am I speaking with?" came out garbled; the caller's answer is the name
    they gave before, so the name was asked for again. An email address that spells the name
    out is not the name asked again."""

    utts = [
        Utt(0.0, 2.0, "Could you give me the full name on the account?", "agent", "a"),
        Utt(2.5, 4.0, "Sure, it's Rachel Morgan.", "customer", "c"),
        Utt(5.0, 7.0, "What's the email address on the account?", "agent", "a"),
        Utt(7.5, 10.0, "It should be Rachel Morgan at the outcome.", "customer", "c"),
        Utt(40.0, 42.0, "When I'm sneaking with your maid,", "agent", "a"),
        Utt(42.5, 45.0, "Again, okay, it's Rachel Morgan.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 50.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [
        (0, "full_name", False), (5, "email", False), (40, "full_name", True)]


def test_keyed_digits_said_again_to_a_garbled_question_taken_for_a_recording():
    """ "What's your four-digit PIN?" came out as "CIN" and the agent's voice was taken for the
    IVR; the caller answers aloud with the PIN they keyed in: the PIN was asked for again."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "Please enter your four digit PIN followed by the hash key.", "ivr", "ivr", system=True),
        Utt(20.0, 23.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(23.5, 25.0, "I want to cancel my contract.", "customer", "c"),
        Utt(30.0, 32.0, "What's your four -digit CIN?", "ivr", "ivr", system=True),
        Utt(32.5, 35.0, "I've been at three times now, 1395.", "customer", "c"),
    ]
    view = quiet_view(utts, 40.0)
    view.keys = [KeyEntry(5.0, 7.0, "1395#")]
    requests = VerificationDetector(load_config()).detect(view)
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [(0, "pin", False), (30, "pin", True)]


@pytest.mark.parametrize("prompt", [
    "Using the telephone keypad, check your account number and finish with the phone sign.",
    "On your keypad, type in your account number, then press hash.",
])
def test_a_prompt_to_type_on_the_keypad_whose_verb_was_lost_still_asks(prompt):
    """ "Type your account number" heard as "check your account number": the keypad named and
    eight digits keyed straight after are the account number given, so the agent asking for
    it later asks again."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 8.0, "Welcome to Globe Energy. " + prompt, "ivr", "ivr", system=True),
        Utt(30.0, 33.0, "Customer care, Tom speaking, how can I help?", "agent", "a"),
        Utt(33.5, 35.0, "The engineer never came.", "customer", "c"),
        Utt(36.0, 39.0, "Kindly tell me your customer account number.", "agent", "a"),
        Utt(39.5, 42.0, "Hang on. 317 -044 -062.", "customer", "c"),
    ]
    view = quiet_view(utts, 45.0)
    view.keys = [KeyEntry(10.7, 13.3, "31704562#")]
    requests = VerificationDetector(load_config()).detect(view)
    assert [(r.item, r.repeated) for r in requests] == [("account_number", False), ("account_number", True)]


def test_typing_an_item_into_a_website_is_no_request():
    """ "Type your postcode into the coverage checker" names the keypad's verb and an item, but
    no keys follow: the agent is pointing at the website, not asking again."""
    utts = [
        Utt(0.0, 2.0, "Can I take your postcode, please?", "agent", "a"),
        Utt(2.5, 4.0, "It's M1 4BT.", "customer", "c"),
        Utt(30.0, 34.0, "Go to our website and type your postcode into the coverage checker.", "agent", "a"),
        Utt(34.5, 35.5, "Okay, will do.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 40.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [(0, "postcode", False)]


def test_caller_telling_a_new_agent_their_name_is_not_asked_again():

    utts = [
        Utt(0.0, 2.0, "Who am I speaking with today?", "agent", "a"),
        Utt(2.5, 4.0, "Rachel Morgan.", "customer", "c"),
        Utt(30.0, 32.0, "Billing, Sam speaking.", "agent", "b"),
        Utt(32.5, 35.0, "Hi Sam, it's Rachel Morgan again.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 40.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [(0, "full_name", False)]


def test_garbled_question_answered_with_a_name_asked_for_the_name():

    utts = [
        Utt(0.0, 6.0, "I'll just need to find your account first. Could you give me the phone name? "
                      "There can't.", "agent", "a"),
        Utt(6.5, 8.0, "Sure. It's Sarah Bennett.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 10.0))
    assert [(r.item, r.repeated) for r in requests] == [("full_name", False)]


def _transfer_view(utts, duration: float, keys=()):
    view = quiet_view(utts, duration)
    view.keys = list(keys)
    return view


def test_sent_to_the_menu_then_a_key_then_an_agent_goes_through_the_ivr():
    """The menu's words were merged into the agent's utterance and lost, but the caller pressed
    a key before the next agent answered: the call went back to the IVR and from it to
    billing, which is no transfer of its own."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
        Utt(10.0, 14.0, "Okay, I'm going to return you to the automated menu.", "agent", "a"),
        Utt(30.0, 33.0, "Good morning, billing team, how can I help?", "agent", "a"),
    ]
    keys = [KeyEntry(20.0, 20.2, "3")]
    hand_overs, path = _hand_overs(_transfer_view(utts, 40.0, keys))
    assert hand_overs == [(10, "sales", "ivr")]
    assert path == ["sales", "ivr", "billing"]
    # without the key, the greeting names where the call went (the menu was never heard)
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(utts, 40.0))
    assert [t.to_department for t in transfers] == ["billing"] and path == ["sales", "billing"]


def test_hand_over_words_with_the_agent_carrying_on_are_no_transfer():
    """ "I've refreshed the connection from our side" heard as "I prefer to connect you to the
    other side": the same agent goes on talking with the caller, no wait, no new voice."""
    said = [
        Utt(0.0, 3.0, "Technical support, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My broadband keeps dropping.", "customer", "c"),
        Utt(6.0, 11.0, "Right. I prefer to connect you to the other side. Can you try loading a web page?", "agent", "a"),
        Utt(11.5, 13.0, "Yes, it's working now.", "customer", "c"),
        Utt(13.5, 16.0, "Is there anything else I can do for you today?", "agent", "a"),
        Utt(16.5, 17.5, "No, that's all.", "customer", "c"),
    ]
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(said, 20.0))
    assert transfers == [] and path == ["technical_support"]
    # The same words, then a wait and someone else answering: a hand-over, though the caller's
    # "thanks" was filed with the agent.
    handed = said[:4] + [Utt(13.2, 13.6, "Thanks.", "agent", "a"),
                         Utt(25.0, 28.0, "Hello, you're through to Priya, how can I help?", "agent", "b")]
    transfers, _ = TransferDetector(load_config()).detect(_transfer_view(handed, 30.0))
    assert [round(t.start) for t in transfers] == [6]
    # The caller objects, the agent answers them, then the hand-over: still a hand-over.
    objected = said[:3] + [Utt(11.5, 13.0, "But I was just with them!", "customer", "c"),
                           Utt(13.5, 16.0, "I know, sorry, they're the only ones who can change it.", "agent", "a"),
                           Utt(28.0, 31.0, "Hello, you're through to Priya, how can I help?", "agent", "b")]
    transfers, _ = TransferDetector(load_config()).detect(_transfer_view(objected, 32.0))
    assert [round(t.start) for t in transfers] == [6]


def _garbled_handover(reason: str, first: str = "Good morning, accounts, Sam speaking, how can I help?"):
    return [
        Utt(0.0, 3.0, first, "agent", "a"),
        Utt(3.5, 5.0, "Hi, there's a fee on my statement.", "customer", "c"),
        Utt(10.0, 13.0, "I'll transfer you over to our attention, please stay on the line.", "agent", "a"),
        Utt(13.5, 14.0, "Okay.", "customer", "c"),
        Utt(25.0, 28.0, "Hello, I understand you've been transferred, how can I help?", "agent", "a"),
        Utt(28.5, 31.0, reason, "customer", "c"),
    ]


def test_a_garbled_destination_is_named_by_the_callers_reason_to_the_new_agent():
    det = TransferDetector(load_config())
    transfers, path = det.detect(_transfer_view(_garbled_handover("I'd like to cancel my contract."), 40.0))
    assert [(t.from_department, t.to_department) for t in transfers] == [("billing", "retentions")]
    assert "caller's reason" in transfers[0].evidence and path == ["billing", "retentions"]
    # A reason naming a department already visited is no guess: it would make a loop out of nothing.
    transfers, path = det.detect(_transfer_view(_garbled_handover("There's still that fee on my bill."), 40.0))
    assert [(t.to_department, t.loop) for t in transfers] == [(None, False)] and path == ["billing"]


@pytest.mark.parametrize("objection,back_to", [
    ("They sent me to you in the first place!", "retentions"),
    ("Wait, I've already spoken to billing!", "billing"),
])
def test_caller_objecting_to_being_sent_back_marks_a_loop(objection, back_to):
    """The hand-over's destination was garbled and the new agent named no department; the
    caller's objection says the call goes back where it was: to the department named, or to
    the one that sent it here."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to leave.", "customer", "c"),
        Utt(6.0, 9.0, "Let me put you through to our retentions team.", "agent", "a"),
        Utt(20.0, 23.0, "Retentions, Jo speaking, how can I help?", "agent", "a"),
        Utt(23.5, 26.0, "Actually I want to upgrade my package.", "customer", "c"),
        Utt(27.0, 30.0, "Let me put you through to our sales team.", "agent", "a"),
        Utt(70.0, 73.0, "Sales, Kim speaking, how can I help?", "agent", "a"),
        Utt(73.5, 76.0, "My bill went up after the upgrade.", "customer", "c"),
        Utt(80.0, 83.0, "I'll transfer you over to our brains now.", "agent", "a"),
        Utt(83.5, 85.0, objection, "customer", "c"),
        Utt(120.0, 123.0, "Hello, I understand you've been transferred, how can I help?", "agent", "a"),
    ]
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(utts, 130.0))
    assert [(t.from_department, t.to_department, t.loop) for t in transfers] == [
        ("billing", "retentions", False), ("retentions", "sales", False), ("sales", back_to, True)]
    assert "caller" in transfers[-1].evidence


def test_a_reply_that_is_no_objection_marks_no_loop():
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to upgrade my package.", "customer", "c"),
        Utt(6.0, 9.0, "Let me put you through to our sales team.", "agent", "a"),
        Utt(9.5, 11.0, "Great, thanks a lot.", "customer", "c"),
        Utt(20.0, 23.0, "Sales, Jo speaking, how can I help?", "agent", "a"),
    ]
    transfers, _ = TransferDetector(load_config()).detect(_transfer_view(utts, 30.0))
    assert [t.loop for t in transfers] == [False]


def test_billings_heard_for_billing_is_the_billing_department():
    """The demo call's "I'm going to send you back to billing" came out as "… back to
    Billings, so they can't change the packet": the department's name heard with an s is
    the department, and the call has been there before (a loop)."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My internet is slow.", "customer", "c"),
        Utt(6.0, 9.0, "Let me put you through to technical support.", "agent", "a"),
        Utt(25.0, 28.0, "Technical support, Priya here, how can I help?", "agent", "b"),
        Utt(28.5, 30.0, "My internet is slow.", "customer", "c"),
        Utt(40.0, 44.0, "I'm going to send you back to Billings, so they can't change the packet from.", "agent", "b"),
        Utt(60.0, 63.0, "Hi there, Dana speaking, how can I help?", "agent", "d"),
    ]
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(utts, 70.0))
    assert [(t.to_department, t.loop) for t in transfers] == [("technical_support", False), ("billing", True)]


def test_the_answer_tells_which_item_a_misheard_question_asked_for():
    """"PIN" heard as "plum": the question reads as the account's digits, but the caller
    answers with the PIN they gave before, so the PIN was asked for again. ("Plan" is now
    read as the PIN itself: "four digit plan" is a `pin` phrase.)"""
    utts = [
        Utt(0.0, 2.0, "What's your security PIN?", "agent", "a"),
        Utt(2.5, 4.0, "It's 1 2 2 8.", "customer", "c"),
        Utt(5.0, 7.0, "And your account number?", "agent", "a"),
        Utt(7.5, 10.0, "4 4 1 9 2 8 7 3.", "customer", "c"),
        Utt(40.0, 42.0, "Can I take the four digit plum on the account?", "agent", "b"),
        Utt(42.5, 44.0, "Okay, 1, 2, 2, 8.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 50.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [
        (0, "pin", False), (5, "account_number", False), (40, "pin", True)]
    assert "the answer is the pin given at 4 s" in requests[-1].evidence


def test_a_complaint_vouches_for_a_question_the_asr_lost_and_digits_may_be_one_off():
    """The re-ask came out as "No. Please," and the account number as one digit longer; the
    caller's "I just told the last person" and the number make it the account number again."""
    utts = [
        Utt(0.0, 2.0, "Could you read me your account number?", "agent", "a"),
        Utt(2.5, 5.0, "Sure, 6 3 6 8 0 2 9.", "customer", "c"),
        Utt(40.0, 41.0, "No. Please,", "agent", "b"),
        Utt(41.5, 45.0, "I literally just told the last person. 6, 3, 8, 6, 8, 0, 2, 9.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 50.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [(0, "account_number", False),
                                                                      (40, "account_number", True)]
    # no complaint and no question: nothing was asked
    utts[-1] = Utt(41.5, 45.0, "Okay. 6, 3, 8, 6, 8, 0, 2, 9.", "customer", "c")
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 50.0))
    assert [(round(r.time), r.item) for r in requests] == [(0, "account_number")]


def _requests(utts: list[Utt], duration: float, keys=()) -> list[tuple[int, str, bool]]:
    """(time, item, repeated) of each verification request on a quiet call with these keys."""
    view = quiet_view(utts, duration)
    view.keys = list(keys)
    return [(round(r.time), r.item, r.repeated) for r in VerificationDetector(load_config()).detect(view)]


def test_what_the_caller_says_after_keying_an_item_in_is_no_complaint_about_the_prompt():
    """The PIN prompt was answered on the keypad; the caller's "I've been charged twice" is
    their problem, told to the agent who answered, not "you asked me twice"."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "Please key your four digit security code, followed by pound.", "ivr", "i", system=True),
        Utt(8.0, 10.0, "Good evening, Priya here, how can I help?", "agent", "a"),
        Utt(10.5, 12.5, "I've been charged twice for my bill this month.", "customer", "c"),
    ]
    assert _requests(utts, 20.0, [KeyEntry(5.0, 7.0, "3420#")]) == [(0, "pin", False)]
    # said before the keys, to the prompt, the same kind of words do vouch for a repeat
    said = [utts[0], Utt(4.5, 6.0, "I've typed that in twice already.", "customer", "c")]
    assert _requests(said, 20.0, [KeyEntry(7.0, 9.0, "3420#")]) == [(0, "pin", True)]


def test_words_about_a_number_answered_with_a_long_number_given_before_ask_for_it_again():
    """"Account number there?" came out as "It comes number there.": no request words, no
    question mark, but it speaks of a number and the caller reads back at once the eight
    digits keyed in the IVR. (Words about no number, "I can see the account here.", stay no
    request: the guard test below.)"""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "If you know your account number, enter it now, followed by pound.", "ivr", "i", system=True),
        Utt(20.0, 23.0, "Hello there, you're through to Sophie. How are you keeping?", "agent", "a"),
        Utt(23.5, 25.5, "I'm thinking of leaving, the price has gone up again.", "customer", "c"),
        Utt(26.0, 27.0, "It comes number there.", "agent", "a"),
        Utt(27.5, 30.0, "That one, 3597, 1597.", "customer", "c"),
    ]
    assert _requests(utts, 40.0, [KeyEntry(5.0, 8.0, "35971597#")]) == [
        (0, "account_number", False), (26, "account_number", True)]


def test_if_you_know_your_account_number_enter_it_now_asks_for_it():
    """A prompt in the conditional: no "please enter", no keypad named, the keys follow."""
    from audio_pipeline.detect.dtmf import KeyEntry

    prompt = [Utt(0.0, 4.0, "If you know your account number, enter it now.", "ivr", "i", system=True)]
    assert _requests(prompt, 20.0, [KeyEntry(5.0, 8.0, "18954346#")]) == [(0, "account_number", False)]


def test_a_long_number_read_again_may_be_two_digits_off():
    """"That one's 1 8 9 5, 4 3 4 6" came out as "At 1 -1 -8 -I'm 5 -4 -3 -4 -6": a 1 gained
    from "one's" and the 9 lost. Eight digits two edits from the number keyed in are that
    number again; a four-digit PIN must still match exactly."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "If you know your account number, enter it now, followed by hash.", "ivr", "i", system=True),
        Utt(20.0, 22.0, "Hello there, you're through to Sophie. How are you keeping?", "agent", "a"),
        Utt(22.5, 24.0, "My router won't connect at all since yesterday.", "customer", "c"),
        Utt(25.0, 28.0, "I'll just need the number off the top and you're real to pull you up.", "agent", "a"),
        Utt(28.5, 31.0, "At 1 -1 -8 -I'm 5 -4 -3 -4 -6.", "customer", "c"),
    ]
    keys = [KeyEntry(5.0, 8.0, "18954346#")]
    assert _requests(utts, 40.0, keys) == [(0, "account_number", False), (25, "account_number", True)]
    # three digits off is another number
    utts[-1] = Utt(28.5, 31.0, "At 1 -1 -8 -I'm 5 -4 -3 -2 -6.", "customer", "c")
    assert _requests(utts, 40.0, keys) == [(0, "account_number", False)]


def test_an_item_named_with_please_is_asked_for():
    utts = [
        Utt(0.0, 2.0, "Full name, please.", "agent", "a"),
        Utt(2.5, 4.0, "Yeah, Fiona Turner.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 10.0))
    assert [(r.item, r.repeated) for r in requests] == [("full_name", False)]


def test_an_agent_asking_for_an_item_to_be_typed_in_and_the_keys_that_follow():
    """Stereo: the recorded prompt sits on the agent channel and was not told apart from the
    agent, and it reads as no request ("tap your account number"); the caller typed eight
    digits straight after, so the account number was asked for and given."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 5.0, "Using the telephone keypad, tap your account number and finish with the hash sign.",
            "agent", "a"),
        Utt(30.0, 32.0, "Hello, billing, Sam speaking.", "agent", "b"),
        Utt(32.5, 34.0, "Hi, there's a fee on my bill.", "customer", "c"),
        Utt(40.0, 42.0, "Could you just repeat the account reference for me?", "agent", "b"),
        Utt(42.5, 46.0, "Sure, 7 6 2 1 7 2 0 1.", "customer", "c"),
    ]
    view = _transfer_view(utts, 50.0, [KeyEntry(6.0, 9.0, "76217201#")])
    requests = VerificationDetector(load_config()).detect(view)
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [
        (0, "account_number", False), (40, "account_number", True)]
    # typing long after the agent spoke answers something else (and "repeat" would say the
    # agent knows it was given: the question here is asked plainly)
    utts[3] = Utt(40.0, 42.0, "Could you give me the account reference?", "agent", "b")
    view = _transfer_view(utts, 50.0, [KeyEntry(20.0, 23.0, "76217201#")])
    assert [r.repeated for r in VerificationDetector(load_config()).detect(view)] == [False]


def test_a_date_keyed_in_the_ivr_whose_prompt_was_lost_was_the_date_of_birth_given():
    """The IVR's "enter your date of birth" came out as nothing we could read, but eight digits
    that read as a date were keyed: when an agent asks for the date of birth, it is asked again.
    Eight digits that are no date (an order number) give nothing."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "Thank you for calling. Calls may be recorded.", "ivr", "i", system=True),
        Utt(30.0, 32.0, "Hello, billing, Sam speaking.", "agent", "b"),
        Utt(32.5, 34.0, "Hi, there's a fee on my bill.", "customer", "c"),
        Utt(40.0, 42.0, "Date of birth, please, just as it appears on the policy.", "agent", "b"),
        Utt(42.5, 46.0, "Okay, the first of July 1972.", "customer", "c"),
    ]
    view = _transfer_view(utts, 50.0, [KeyEntry(6.0, 9.0, "01071972#")])
    assert [(round(r.time), r.item, r.repeated) for r in VerificationDetector(load_config()).detect(view)] == [
        (40, "date_of_birth", True)]
    view = _transfer_view(utts, 50.0, [KeyEntry(6.0, 9.0, "45071972#")])
    assert [(round(r.time), r.item, r.repeated) for r in VerificationDetector(load_config()).detect(view)] == [
        (40, "date_of_birth", False)]
    # keys that answered a prompt we read were that prompt's item, date-shaped or not
    utts[0] = Utt(0.0, 4.0, "Please enter your account number followed by hash.", "ivr", "i", system=True)
    view = _transfer_view(utts, 50.0, [KeyEntry(6.0, 9.0, "12041987#")])
    assert [(round(r.time), r.item, r.repeated) for r in VerificationDetector(load_config()).detect(view)] == [
        (0, "account_number", False), (40, "date_of_birth", False)]


def test_the_receiving_agent_saying_a_colleague_passed_the_call_is_no_second_hand_over():
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to upgrade my package.", "customer", "c"),
        Utt(10.0, 13.0, "Let me put you through to our sales team.", "agent", "a"),
        # a long wait in the sales queue
        Utt(60.0, 64.0, "Hi, Maria here from sales, my colleagues passed you through.", "agent", "a"),
        Utt(64.5, 66.0, "Great, I want the fibre deal.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(_transfer_view(utts, 70.0))
    assert hand_overs == [(10, "billing", "sales")]
    assert path == ["billing", "sales"]


def test_an_instruction_to_press_a_button_is_not_the_menu_again():
    """Mono diarization sometimes files an agent's instruction with the recordings."""
    utts = [
        Utt(0.0, 3.0, "Technical support, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My router keeps dropping out.", "customer", "c"),
        Utt(40.0, 44.0, "Press the power button and keep it held until the lights go off.", "ivr", "a",
            system=True),
        Utt(45.0, 46.0, "Okay, done.", "customer", "c"),
    ]
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(utts, 50.0))
    assert transfers == [] and path == ["technical_support"]


def test_words_that_only_resemble_a_complaint_or_a_request_ask_for_nothing():
    """"Please" in a read-back prompt, a PIN's digits inside a phone number, and "twice" in
    a caller's problem are no requests and no repeats."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 3.0, "Please enter your four digit PIN.", "ivr", "ivr", system=True),
        Utt(8.0, 12.0, "If this is the PIN for your account number, please press 1.", "ivr", "ivr", system=True),
        Utt(20.0, 22.0, "Billing, Sam speaking. What's your account number?", "agent", "a"),
        Utt(22.5, 25.0, "It's 4 4 1 9 2 8 7 3.", "customer", "c"),
        Utt(30.0, 32.0, "I can see the account here.", "agent", "a"),
        Utt(32.5, 36.0, "Yeah, 4 4 1 9 2 8 7 3, I've been charged twice.", "customer", "c"),
        Utt(40.0, 42.0, "What's your phone number?", "agent", "a"),
        Utt(42.5, 46.0, "0 7 7 0 0 9 4 4 2 1 1.", "customer", "c"),
    ]
    view = _transfer_view(utts, 50.0, [KeyEntry(4.0, 5.0, "4421#")])
    requests = VerificationDetector(load_config()).detect(view)
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [
        (0, "pin", False), (20, "account_number", False), (40, "phone_number", False)]


def test_a_first_hand_over_with_a_question_about_a_call_back_is_no_loop():
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to upgrade my package.", "customer", "c"),
        Utt(6.0, 9.0, "I'll transfer you over to our brains now.", "agent", "a"),
        Utt(9.5, 12.0, "Will they call me back to confirm the first place?", "customer", "c"),
        Utt(30.0, 33.0, "Hello, I understand you've been transferred, how can I help?", "agent", "a"),
    ]
    transfers, _ = TransferDetector(load_config()).detect(_transfer_view(utts, 40.0))
    assert [(t.from_department, t.loop) for t in transfers] == [("billing", False)]


def test_a_new_agent_after_the_menu_played_again_came_through_the_ivr():
    """The menu played again unannounced (a transfer to the IVR); the key the caller pressed
    was not caught, and the next agent names their department: the call went IVR → billing,
    with no second hand-over from the agent before."""
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to know about my bill.", "customer", "c"),
        Utt(40.0, 48.0, "For billing, press 1. For sales, press 2.", "ivr", "ivr", system=True),
        Utt(80.0, 83.0, "Billing, Sam speaking, how can I help?", "agent", "b"),
        Utt(83.5, 85.0, "I was charged twice.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(_transfer_view(utts, 90.0))
    assert hand_overs == [(40, "sales", "ivr")]
    assert path == ["sales", "ivr", "billing"]


def test_the_ivr_welcome_filed_with_the_agent_is_not_an_agent():
    """Stereo: the recorded welcome sits on the agent channel and reads like an agent ("thanks
    for calling"); nobody answers it, the caller keys in a number and the menu follows. The
    call is in the IVR until an agent answers: the menu is not the IVR "again"."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 11.0, "Hello, and thanks for calling the bank. Please type in your account number.", "agent", "a"),
        Utt(16.0, 30.0, "For accounts, press 3. For the help desk, press 2.", "ivr", "ivr", system=True),
        Utt(32.0, 34.0, "You're through to accounts, Sam speaking.", "agent", "a"),
        Utt(35.0, 38.0, "I'd like to change my direct debit.", "customer", "c"),
    ]
    keys = [KeyEntry(13.0, 15.0, "36548430#"), KeyEntry(31.0, 31.1, "3")]
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(utts, 40.0, keys))
    assert transfers == [] and path == ["ivr", "billing"]


@pytest.mark.parametrize("handover, greeting, to", [
    ("Let me get someone from the payments desk on the line for you.",
     "Hello, Sam speaking, what can I do for you?", "billing"),
    ("Right, the complaints team is where you need to be. Sending you over now.",
     "Hi, Sam here. I've just had you handed across, what's up?", "customer_care"),
    ("I'm going to pass the call to the fault desk, they'll pick it up from here.",
     "Sam here, my colleague filled me in, go ahead.", "technical_support"),
    ("I'll get you connected to the closures team now.",
     "Hi, it's Sam. I've got the notes from the last person in front of me.", "retentions"),
    ("The best person for that is in the upgrades team, so I'll bring you over to them.",
     "Morning, Sam on the line.", "sales"),
])
def test_hand_overs_in_everyday_words_and_colloquial_department_names(handover, greeting, to):
    """Agents hand calls on in more words than "transfer" and "put through", to teams named as
    a centre names them ("the payments desk", "the closures team"), and the receiving agent
    may only say they were filled in."""
    utts = [
        Utt(0.0, 3.0, "Thanks for calling, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I've a problem I need sorted.", "customer", "c"),
        Utt(7.0, 10.0, handover, "agent", "a"),
        Utt(10.5, 11.5, "Okay, thanks.", "customer", "c"),
        Utt(25.0, 28.0, greeting, "agent", "b"),
        Utt(28.5, 31.0, "Yes, it's about my account.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(_transfer_view(utts, 33.0))
    assert hand_overs == [(7, "unknown", to)] and path == ["unknown", to]


@pytest.mark.parametrize("callback", ["I'll get someone from the billing team to call you back tomorrow.",
                                      "Let me get someone from the payments desk to ring you back later."])
def test_someone_from_a_team_calling_back_is_no_hand_over(callback):
    """ "Get someone from billing" hands the call on, unless they are to call the caller back:
    then the caller hangs up and waits, which is the hold-then-callback pain, not a transfer."""
    utts = [
        Utt(0.0, 3.0, "Customer care, Emma speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "There's a fee on my bill I don't recognise.", "customer", "c"),
        Utt(7.0, 10.0, callback, "agent", "a"),
        Utt(10.5, 12.0, "Okay, thanks.", "customer", "c"),
        Utt(12.5, 14.0, "Is there anything else I can help with?", "agent", "a"),
    ]
    assert _hand_overs(_transfer_view(utts, 16.0)) == ([], ["customer_care"])


def _timed(start: float, end: float, text: str, role: str, speaker: str, system: bool = False) -> Utt:
    """An utterance whose words are spread evenly over its span, so a sentence inside it has
    a time of its own."""
    words = text.split()
    step = (end - start) / len(words)
    return Utt(start, end, text, role, speaker, system=system,
               words=[(start + i * step, w) for i, w in enumerate(words)])


def test_keys_after_a_welcome_run_into_the_prompt_are_dated_at_the_prompt():
    """The ASR runs the welcome and the keypad prompt into one line. The request is the
    sentence that asks for the customer number, not the welcome (whose "and our options" is
    fuzzily a request's "and your"): on dev3 the request was dated 6 s early and missed."""
    from audio_pipeline.detect.dtmf import KeyEntry

    prompt = _timed(0.0, 12.0, "Thanks for phoning Contoso Mobile. Please listen carefully, and our options have "
                               "changed. To get you to the right place faster, key your customer number, then hash.",
                    "ivr", "ivr", system=True)
    view = quiet_view([prompt], 30.0)
    view.keys = [KeyEntry(13.0, 15.0, "36548430#")]
    requests = VerificationDetector(load_config()).detect(view)
    sentence_at = prompt.words[13][0]   # "To get you to the right place …"
    assert prompt.words[13][1] == "To"
    assert [(r.item, round(r.time, 1)) for r in requests] == [("account_number", round(sentence_at, 1))]


def test_keys_answer_the_prompt_just_before_them_not_the_menu():
    """A menu, then a prompt for the security code (its voice filed with the agent's), then
    four keys: the keys answer the prompt. They used to be taken as the menu's, which put the
    request 25 s early, at the menu."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 20.0, "Thanks for calling. Please listen carefully, and our options have changed. "
                       "For billing, press 1. For sales, press 2.", "ivr", "ivr", system=True),
        Utt(25.0, 29.0, "Please key your four digit security code, followed by pound.", "agent", "a"),
    ]
    view = quiet_view(utts, 40.0)
    view.keys = [KeyEntry(21.0, 21.1, "1"), KeyEntry(30.0, 32.0, "1228#")]
    requests = VerificationDetector(load_config()).detect(view)
    assert [(round(r.time), r.item) for r in requests] == [(25, "pin")]


def test_a_customer_reference_number_is_the_account_a_ticket_reference_is_not():
    """ "Reference number" alone is a ticket's, but "customer reference number" is what a
    centre calls the account number, and being asked for it again is being asked twice."""
    utts = [
        Utt(0.0, 3.0, "Start me off with your customer reference number, would you?", "agent", "a"),
        Utt(3.5, 6.0, "Let me think. 9418 0023.", "customer", "c"),
        Utt(40.0, 43.0, "And what's the reference number on your complaint?", "agent", "a"),
        Utt(43.5, 45.0, "It's 55 12 90.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 50.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [(0, "account_number", False)]


@pytest.mark.parametrize("ask, answer, item", [
    ("Talk me through the address we should have for you.", "Around, it's 177th Essex Maple Avenue.", "address"),
    ("Just the house number and the road name is fine.", "Let me think, 36 Mill Street.", "address"),
    ("Your name as it appears on the bill.", "That one's James Carter.", "full_name"),
    ("Who have I got on the line", "I'll be Robert Palmer.", "full_name"),
    ("Email address on there.", "granditceroffer .com.", "email"),
    ("Your cell number, the one on the account, eh.", "Okay, 2 4 7, 3 1 7, 1 2 9.", "phone_number"),
    ("My screen's gone blank. Your house number and street then. Sorry.", "41 Park Drive.", "address"),
])
def test_an_ask_made_as_a_statement_is_a_request_when_answered_with_the_item(ask, answer, item):
    """No question mark and no "can I take": the ASR dropped it, or the agent never said it.
    An answer that can be the item (a street, two capitalised words for a name, a domain as
    Whisper writes it) says the statement asked for it, also when a word or two ("Sorry.")
    follows the request."""
    utts = [Utt(0.0, 3.0, ask, "agent", "a"), Utt(3.5, 6.0, answer, "customer", "c")]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 10.0))
    assert [(r.item, r.repeated) for r in requests] == [(item, False)]


def test_a_name_statement_answered_without_a_name_asks_nothing():
    utts = [Utt(0.0, 3.0, "Your name is on the letter we sent.", "agent", "a"),
            Utt(3.5, 6.0, "okay thanks, I got it yesterday", "customer", "c")]
    assert VerificationDetector(load_config()).detect(quiet_view(utts, 10.0)) == []


@pytest.mark.parametrize("handover, to", [
    ("You'll be better off with the billing office, one moment.", "billing"),
    ("Honestly, you need to speak to the fault desk. One second.", "technical_support"),
])
def test_hand_over_words_that_count_only_with_a_department_after_them(handover, to):
    """ "You'll be better off with the billing office, one moment" hands the call on (dev3, twice,
    transcribed cleanly and missed)."""
    utts = [
        Utt(0.0, 3.0, "Retentions, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I want to change my direct debit date.", "customer", "c"),
        Utt(7.0, 10.0, handover, "agent", "a"),
        Utt(10.5, 11.5, "Okay.", "customer", "c"),
        Utt(25.0, 28.0, "Hey, Chloe here, what can I help with?", "agent", "b"),
        Utt(28.5, 31.0, "It's about my direct debit.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(_transfer_view(utts, 33.0))
    assert hand_overs == [(7, "retentions", to)] and path == ["retentions", to]


def test_better_off_with_a_plan_is_no_hand_over():
    utts = [
        Utt(0.0, 3.0, "Sales, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My bill is too high.", "customer", "c"),
        Utt(7.0, 10.0, "You'd be better off with the fibre plan, it's cheaper.", "agent", "a"),
        Utt(10.5, 11.5, "Go on then.", "customer", "c"),
        Utt(12.0, 14.0, "Lovely, I'll set that up now.", "agent", "a"),
    ]
    assert _hand_overs(_transfer_view(utts, 16.0)) == ([], ["sales"])


def test_digits_in_an_email_address_are_not_the_email_given_again():
    """An address with digits in it ("sam 1228 at mail dot com", as Whisper writes it) must not
    make a later "1228" (a PIN asked for in words the ASR garbled) the email asked for again
    (dev2: two false repeats)."""
    utts = [
        Utt(0.0, 2.0, "What's the email on the account?", "agent", "a"),
        Utt(2.5, 5.0, "It's sam 1228 at mail dot com.", "customer", "c"),
        Utt(30.0, 32.0, "Could you give me the phone PN, please?", "agent", "a"),
        Utt(32.5, 34.0, "Yes, 1228.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 40.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests if r.item == "email"] == [(0, "email", False)]


def test_menu_options_by_option_number():
    """IVRs also say "Option 1, the fault desk" and "Billing, that's option 1": the word
    "option" says which side its department is on, whatever the "press" lines do."""
    detector = TransferDetector(load_config())
    assert detector.menu_options("Option 1, the fault desk. Option 2, the payments desk. Option 3, the new "
                                 "customers team. To talk about leaving us, press 4.") == {
        "1": "technical_support", "2": "billing", "3": "sales", "4": "retentions"}
    assert detector.menu_options("Billing, that's option 1. Tech support, that's option 2. "
                                 "For cancellations and the end of your contract, press 3.") == {
        "1": "billing", "2": "technical_support", "3": "retentions"}


def test_a_menu_filed_under_the_agent_is_still_the_menu():
    """On a stereo call the menu plays on the agent's channel. A line offering two keys or more
    is a recording whoever it was filed under, so the key pressed after it says where the
    caller went; one option named by an agent ("option two is the fibre plan") is talk."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 3.0, "Billing, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I want a new phone.", "customer", "c"),
        Utt(7.0, 10.0, "I'll pop you back to the start of the phone menu, you can choose from there.", "agent", "a"),
        Utt(10.5, 11.5, "Okay.", "customer", "c"),
        Utt(14.0, 24.0, "Option 1, the fault desk. Option 2, the payments desk. Option 3, the new customers team.",
            "agent", "a"),
        Utt(40.0, 43.0, "Hi, Sam here, how can I help?", "agent", "b"),
        Utt(43.5, 46.0, "I'd like a new phone.", "customer", "c"),
        Utt(47.0, 50.0, "Option two is the fibre plan, it comes with a new phone.", "agent", "b"),
    ]
    from audio_pipeline.detect import view_of

    rows = [{"utterance_id": i, "start_s": u.start, "end_s": u.end, "text": u.text, "role": u.role,
             "speaker": u.speaker} for i, u in enumerate(utts)]
    view = view_of("menu", 55.0, 2, rows, [], [KeyEntry(25.0, 25.1, "3")], quiet_view([], 55.0).frames, [],
                   load_config())
    assert [u.system for u in view.utts] == [False] * 4 + [True] + [False] * 3
    hand_overs, path = _hand_overs(view)
    assert path == ["billing", "ivr", "sales"]
    assert hand_overs == [(7, "billing", "ivr")]


def test_the_menu_playing_again_with_no_press_heard_is_the_call_sent_back_to_the_ivr():
    """The agent's hand-over words were lost ("Let me put you back. Thirdly automated video.")
    and the menu that played on the agent's channel offers its keys with no "press" the ASR
    heard ("… can be reached on one"): it is still the menu, so the call went back to the IVR
    (a loop) and from it to the department the key chose."""
    from audio_pipeline.detect import view_of
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 12.0, "For customer care, press 1. For sales, press 2. For billing, press 3.", "ivr", "ivr"),
        Utt(20.0, 23.0, "Hi, Sophie here, the sales team. What's the issue?", "agent", "a"),
        Utt(23.5, 26.0, "I'd like to change my direct debit date.", "customer", "c"),
        Utt(27.0, 31.0, "Really? That's you. Let me put you back. Thirdly automated video.", "agent", "a"),
        Utt(31.5, 32.5, "You are, I'd.", "customer", "c"),
        Utt(35.0, 47.0, "Customer care can be reached on one. Sales theme can be reached on two. Billing "
                        "can be reached on three.", "agent", "a"),
        Utt(55.0, 59.0, "I have some from the collections office. Someone passed you my way. Now, what's the story?",
            "agent", "b"),
        Utt(59.5, 62.0, "I'd like to change the date my direct debit comes out.", "customer", "c"),
    ]
    rows = [{"utterance_id": i, "start_s": u.start, "end_s": u.end, "text": u.text, "role": u.role,
             "speaker": u.speaker} for i, u in enumerate(utts)]
    keys = [KeyEntry(14.0, 14.1, "2"), KeyEntry(48.0, 48.1, "3")]
    view = view_of("menu", 65.0, 2, rows, [], keys, quiet_view([], 65.0).frames, [], load_config())
    assert view.utts[5].system
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), t.to_department, t.loop) for t in transfers] == [(35, "ivr", True)]
    assert path == ["ivr", "sales", "ivr", "billing"]


def test_the_agent_a_menu_choice_reached_is_no_second_trip_through_the_menu():
    """Sent back to the menu, the caller chose technical support there, and a new voice from the
    technical team answered more than 30 s after the hand-back: that is the agent the choice
    reached, not another trip through the IVR (dev2 read ivr → technical_support twice)."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 3.0, "Retentions, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My internet keeps dropping.", "customer", "c"),
        Utt(10.0, 14.0, "I'm going to put you back to the automated system, just choose the right option.",
            "agent", "a"),
        Utt(16.0, 30.0, "For customer support, press 1. For the technical team, press 2. "
                        "For the account department, press 3.", "ivr", "ivr", system=True),
        Utt(46.0, 50.0, "Hi, Maria here from the technical team. My colleague passed you over. What's the issue?",
            "agent", "b"),
        Utt(50.5, 53.0, "My internet keeps dropping.", "customer", "c"),
    ]
    view = _transfer_view(utts, 60.0, [KeyEntry(31.0, 31.1, "2")])
    view.channels = 1
    hand_overs, path = _hand_overs(view)
    assert hand_overs == [(10, "retentions", "ivr")]
    assert path == ["retentions", "ivr", "technical_support"]


@pytest.mark.parametrize("said, reply", [
    ("I can see your name on the account here.", "Yeah, I moved it over from British Gas."),
    ("The router will go to the address on the account.", "Is there any way to track it?"),
    ("And you are all set up now.", "Great, thanks."),
    ("Can I call you back on Monday afternoon?", "Yes, that's fine."),
    ("Where did you see that price?", "On uswitch.com, last week."),
    ("Have you got the case reference number?", "It's 55 12 90."),
])
def test_ordinary_talk_near_an_item_is_no_request(said, reply):
    """Guards found in review: a long reply with two capitalised words is no name, a street word
    without a number no address, a callback no phone number asked, a website no email unless an
    email was asked for, and "case reference number" (fuzzily "customer reference number") a
    ticket's."""
    utts = [Utt(0.0, 3.0, said, "agent", "a"), Utt(3.5, 6.0, reply, "customer", "c")]
    assert VerificationDetector(load_config()).detect(quiet_view(utts, 10.0)) == []


def test_keys_after_a_prompt_whisper_split_in_two_are_still_the_item_given():
    """ "Please enter your account number using your keypad." / "Followed by the hash key.":
    the first line names the item, so the keys after the second are its answer, and the
    agent asking for the account number later asks again."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "Please enter your account number using your keypad.", "ivr", "ivr", system=True),
        Utt(4.5, 6.0, "Followed by the hash key.", "ivr", "ivr", system=True),
        Utt(30.0, 33.0, "Billing, Sam speaking. Can I take your account number?", "agent", "a"),
        Utt(33.5, 36.0, "I keyed it in already, 4481 9233.", "customer", "c"),
    ]
    view = quiet_view(utts, 40.0)
    view.keys = [KeyEntry(7.0, 10.0, "44819233#")]
    requests = VerificationDetector(load_config()).detect(view)
    assert [(r.item, r.repeated) for r in requests][-1] == ("account_number", True)


@pytest.mark.parametrize("said", [
    "I'll just put you back on hold while I check.",
    "You'd be better off with the payments app, honestly.",
    "That payment will put you back into credit.",
])
def test_hand_over_words_without_a_place_to_go_hand_nothing_on(said):
    utts = [
        Utt(0.0, 3.0, "Billing, Ben speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "There's a charge I don't know.", "customer", "c"),
        Utt(7.0, 10.0, said, "agent", "a"),
        Utt(10.5, 11.5, "Okay.", "customer", "c"),
        Utt(40.0, 43.0, "Thanks for holding, Ben here again, I've found it.", "agent", "a"),
        Utt(43.5, 45.0, "Great.", "customer", "c"),
    ]
    assert _hand_overs(_transfer_view(utts, 50.0))[0] == []


def test_an_agent_comparing_options_is_no_menu():
    from audio_pipeline.detect.lexicon import keys_offered

    assert keys_offered("So option one is the fibre 500, and option two is the gigabit.") == set()
    assert keys_offered("Which would you like, option one or two?") == set()
    assert keys_offered("The best option for you would be option two.") == {"2"}
    detector = TransferDetector(load_config())
    assert detector.menu_options("Please choose an option. Press 1 for billing. Press 2 for technical support.") == {
        "1": "billing", "2": "technical_support"}
    assert detector.menu_options("Please select an option. For billing, press 1. To cancel your account, press 4.") == {
        "1": "billing", "4": "retentions"}
    assert detector.menu_options("For billing, option one. For technical support, option two.") == {
        "1": "billing", "2": "technical_support"}


# --------------------------------------------------------------------------- review 2026-12-02

def test_the_menu_again_after_talking_with_an_unnamed_department_is_a_transfer_back_to_it():
    """Neither the menu choice ("payment snack") nor the greeting named the department, but
    the caller talked with an agent; the menu playing again after that is the call sent back
    to the IVR (the hand-over's words were lost), and the caller's reason names where it was."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 12.0, "Press one for the care team. Press two for the engineers. Press three for the "
                       "payment snack.", "ivr", "ivr", system=True),
        Utt(20.0, 23.0, "Hi, Mayor. I'm a seeking. How can I tell?", "agent", "a"),
        Utt(23.5, 27.0, "I want to change the date my direct debit comes out.", "customer", "c"),
        Utt(28.0, 31.0, "Sure, I've sorted the payment date for you.", "agent", "a"),
        Utt(31.5, 33.0, "Great, thanks.", "customer", "c"),
        Utt(34.0, 37.0, "I hope you must get the third on the phone menu.", "agent", "a"),
        Utt(40.0, 52.0, "Option one, the fault desk. Option two, the payments desk. Option three, "
                        "the new customer team.", "ivr", "ivr", system=True),
        Utt(62.0, 65.0, "Sales, Jo speaking, how can I help?", "agent", "b"),
    ]
    keys = [KeyEntry(14.0, 14.2, "3"), KeyEntry(54.0, 54.2, "3")]
    transfers, path = TransferDetector(load_config()).detect(_transfer_view(utts, 70.0, keys))
    assert [(round(t.start), t.from_department, t.to_department, t.loop) for t in transfers] == [
        (40, "billing", "ivr", True)]
    assert path == ["ivr", "billing", "ivr", "sales"]


def test_the_menu_heard_twice_before_anyone_answers_is_no_transfer():
    utts = [
        Utt(0.0, 8.0, "For billing, press one. For sales, press two.", "ivr", "ivr", system=True),
        Utt(15.0, 23.0, "For billing, press one. For sales, press two.", "ivr", "ivr", system=True),
        Utt(30.0, 33.0, "Hi, Jo speaking, how can I help?", "agent", "a"),
        Utt(33.5, 35.0, "I was charged twice.", "customer", "c"),
    ]
    transfers, _ = TransferDetector(load_config()).detect(_transfer_view(utts, 40.0))
    assert transfers == []


@pytest.mark.parametrize("pause, transferred", [(2.2, True), (0.5, False)])
def test_an_agent_who_says_word_for_word_the_call_was_passed_to_them_needs_only_a_short_pause(pause, transferred):
    """The hand-over's words were garbled ("I'm going to fund the gold and the caffeine"), but
    "I'm told you need a hand" after a pause of 2.2 s is the receiving agent: a transfer,
    whose department the caller's reason names. Straight after the last words, it is not."""
    end = 34.5
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I was charged twice this month.", "customer", "c"),
        Utt(7.0, 12.0, "I've refunded the duplicate payment, it'll be back in five days.", "agent", "a"),
        Utt(12.5, 14.0, "Great, thanks.", "customer", "c"),
        Utt(30.9, end, "I'm going to fund the gold and the caffeine. May you pick it up from here?", "agent", "a"),
        Utt(end + pause, end + pause + 4.0, "I'm here. I'm told you need a hand with something.", "agent", "a"),
        Utt(end + pause + 4.5, end + pause + 8.0, "I want to make a complaint about the engineer.", "customer", "c"),
    ]
    hand_overs, path = _hand_overs(quiet_view(utts, 60.0))
    if transferred:
        assert hand_overs == [(31, "billing", "customer_care")] and path == ["billing", "customer_care"]
    else:
        assert hand_overs == [] and path == ["billing"]


def test_a_number_read_out_again_after_a_request_whose_item_the_asr_lost_was_asked_again():
    """ "I'll need to take the eight digits on your account" came out with "the tickets on your
    account" (no item named, no question mark); the caller reads out the account number they
    keyed in: it was asked for again. A long reply (two voices run together), a short number
    (a year) or words that ask for nothing ("I can see the account here.") are no such evidence."""
    from audio_pipeline.detect.dtmf import KeyEntry

    def requests(reply: Utt, said: str = "I'll need to take the tickets on your account before we go on.") \
            -> list[tuple[int, str, bool]]:
        utts = [
            Utt(0.0, 5.0, "Please enter your account number, followed by the pound key.", "ivr", "ivr", system=True),
            Utt(20.0, 23.0, "Hello there, retentions team, how are you keeping?", "agent", "a"),
            Utt(23.5, 26.0, "I'm thinking of leaving.", "customer", "c"),
            Utt(26.5, 27.5, said, "agent", "a"),
            reply,
        ]
        view = quiet_view(utts, 60.0)
        view.keys = [KeyEntry(7.0, 10.0, "35971597#")]
        return [(round(r.time), r.item, r.repeated) for r in VerificationDetector(load_config()).detect(view)]

    asked_again = [(0, "account_number", False), (26, "account_number", True)]
    assert requests(Utt(28.0, 30.5, "That one, 3597, 1597.", "customer", "c")) == asked_again
    assert requests(Utt(28.0, 45.0, "Sure thing. Good evening, Marcus here. 3597 1597. And the rest of it, okay, "
                                    "thanks for that.", "customer", "c")) == asked_again[:1]
    assert requests(Utt(28.0, 30.5, "Since 1997.", "customer", "c")) == asked_again[:1]
    assert requests(Utt(28.0, 30.5, "That one, 3597, 1597.", "customer", "c"), "I can see the account here.") \
        == asked_again[:1]


def _on_hold_with(customer: Utt | None, checkin: bool = False) -> list[tuple[str, int, int]]:
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
        Utt(6.0, 9.0, "Let me put you on hold for a moment.", "agent", "a"),
        Utt(9.2, 9.8, "Sure.", "customer", "c"),
        Utt(60.0, 63.0, "Thanks for holding, that's all set up.", "agent", "a"),
    ]
    if checkin:
        utts.append(Utt(30.0, 32.0, "Still there? Just another minute.", "agent", "a"))
    if customer is not None:
        utts.append(customer)
    music = [(9.5, 30.0), (32.0, 60.0)] if checkin else [(9.5, 60.0)]
    return _waits(_built_view(utts, 65.0, music))


def _built_view(utts: list[Utt], duration: float, music_spans, channels: int = 2, keys=()):
    """The view ``analyze`` would build from these utterances over this music: who is a
    recording and what was said over the music is decided as for a real call."""
    from audio_pipeline.detect import view_of

    frames = quiet_view([], duration).frames
    for a, b in music_spans:
        frames.music[int(a / HOP):int(b / HOP)] = True
    rows = [{"utterance_id": i, "start_s": u.start, "end_s": u.end, "text": u.text, "role": u.role,
             "speaker": u.speaker} for i, u in enumerate(sorted(utts, key=lambda u: u.start))]
    return view_of("built", duration, channels, rows, [], list(keys), frames, [], load_config())


def test_an_agent_back_again_is_a_loop_though_no_department_was_named():
    """Mono: no department's name was caught anywhere ("the acquisition list", "the resolution
    theme"), but the agent who had the caller first greets them again after another agent had
    them: the call went back to where it had been, a loop."""
    utts = [
        Utt(0.0, 3.0, "Hi, Grace speaking, how can I help?", "agent", "A"),
        Utt(3.5, 6.0, "My order never arrived.", "customer", "C"),
        Utt(6.5, 9.0, "Sorry about that, can I take your postcode?", "agent", "A"),
        Utt(9.5, 11.0, "SW1A 1AA.", "customer", "C"),
        Utt(11.5, 15.0, "I'm ending you over to the acquisition list now.", "agent", "A"),
        Utt(15.5, 16.5, "Okay.", "customer", "C"),
        Utt(30.0, 33.0, "Thanks for waiting, this is Tom, how can I help?", "agent", "B"),
        Utt(33.5, 36.0, "I'd like to upgrade my package.", "customer", "C"),
        Utt(36.5, 39.0, "I can add a second line for ten pounds a month.", "agent", "B"),
        Utt(39.5, 41.0, "Okay, let's do it.", "customer", "C"),
        Utt(41.5, 45.0, "You're coscling over to the resolution theme now. Please stand up.", "agent", "B"),
        Utt(45.5, 46.5, "No problem at all.", "customer", "C"),
        Utt(60.0, 63.0, "Neck with race. Hello again. Sorry, you got sent around.", "agent", "A"),
        Utt(63.5, 66.0, "I need to update the details on my account.", "customer", "C"),
        Utt(66.5, 69.0, "Sure, what's changed?", "agent", "A"),
        Utt(69.5, 71.0, "My address.", "customer", "C"),
    ]
    view = quiet_view(utts, 75.0)
    view.channels = 1
    transfers, _ = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), t.loop) for t in transfers] == [(12, False), (42, True)]
    # the caller's "No problem at all." under a label of its own, last before the agent is back
    utts[11] = Utt(45.5, 46.5, "No problem at all.", "agent", "X")
    view = quiet_view(utts, 75.0)
    view.channels = 1
    transfers, _ = TransferDetector(load_config()).detect(view)
    assert [t.loop for t in transfers] == [False, True]


def test_an_agent_greeting_by_name_and_again_is_back():
    """Mono: "It's Grace again" (a name the ASR wrote capitalised, and "again") after another
    agent had the caller, the hand-over words lost: the call went back to Grace's department."""
    utts = [
        Utt(0.0, 3.0, "Tech support, Grace speaking, how can I help?", "agent", "A"),
        Utt(3.5, 6.0, "My internet keeps dropping.", "customer", "C"),
        Utt(6.5, 9.0, "You'll be better off with the payments desk, one moment.", "agent", "A"),
        Utt(9.5, 10.5, "Okay.", "customer", "C"),
        Utt(20.0, 23.0, "Payments desk, Dev here, how can I help?", "agent", "B"),
        Utt(23.5, 26.0, "I'd like to change my direct debit date.", "customer", "C"),
        Utt(26.5, 29.0, "Done, that's moved to the fifth.", "agent", "B"),
        Utt(29.5, 31.0, "Thanks. And the internet?", "customer", "C"),
        Utt(31.5, 34.0, "Have the bill flecked, so the Bren.", "agent", "B"),
        Utt(34.5, 35.5, "Okay.", "customer", "C"),
        Utt(50.0, 53.0, "It's Grace again, sorry about all that.", "agent", "A"),
        Utt(53.5, 56.0, "My internet keeps dropping every evening.", "customer", "C"),
        Utt(56.5, 59.0, "Let me run a line test.", "agent", "A"),
        Utt(59.5, 61.0, "Okay.", "customer", "C"),
    ]
    view = quiet_view(utts, 65.0)
    view.channels = 1
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(t.to_department, t.loop) for t in transfers] == [("billing", False), ("technical_support", True)]
    assert path == ["technical_support", "billing", "technical_support"]
    assert not TransferDetector(load_config()).says_back_again("It's broken again, is it?")


@pytest.mark.parametrize("said, back", [
    ("Sophie, again, looks like you've come back around to me.", True),   # dev7: "It's" lost
    ("Oh hi, looks like you've come back round to me.", True),
    ("Right, you've ended up back with me, let's see.", True),
    ("It's great again, love, you come back around for me.", True),     # dev10: "It's Grace again"
    ("Hi, that again. It looks like they've sent you back my way.", True),
    ("Could you read that number back round for me?", False),
    ("Okay, you're back with me, I lost you for a second there.", False),
    ("Can you come back to me with the reading tomorrow?", False),
    ("Once you've come back to me with the reading, I'll update the bill.", False),
    ("Your complaint has ended up back with me.", False),
])
def test_an_agent_saying_the_caller_came_back_to_them_is_back(said, back):
    assert TransferDetector(load_config()).says_back_again(said) is back


def test_hello_again_after_the_callers_words_under_a_label_of_their_own_is_no_loop():
    """The caller's "Okay, thanks." was filed under a label of its own, and the agent who had
    the call all along says "hello again" after a silence: nobody else had the caller."""
    utts = [
        Utt(0.0, 3.0, "Hi, Grace speaking, how can I help?", "agent", "A"),
        Utt(3.5, 6.0, "My order never arrived.", "customer", "C"),
        Utt(6.5, 9.0, "Sorry about that, can I take your postcode?", "agent", "A"),
        Utt(9.5, 11.0, "SW1A 1AA.", "customer", "C"),
        Utt(11.5, 15.0, "Let me look into that.", "agent", "A"),
        Utt(15.5, 16.5, "Okay, thanks.", "agent", "X"),
        Utt(40.0, 43.0, "Hello again, sorry, are you still there?", "agent", "A"),
        Utt(43.5, 45.0, "Yes, I'm here.", "customer", "C"),
        Utt(45.5, 48.0, "It's on its way now.", "agent", "A"),
        Utt(48.5, 50.0, "Great.", "customer", "C"),
    ]
    view = quiet_view(utts, 55.0)
    view.channels = 1
    assert TransferDetector(load_config()).detect(view)[0] == []


def _taken_over_call(new_label_back_after: float | None = None) -> list[Utt]:
    """Mono: the hand-over words came out garbled ("The milling of it is where you need to meet.
    Ending over now.") and so did the new agent's greeting; only the voices tell."""
    utts = [
        Utt(20.0, 23.0, "Hi mayor, how do you speaking? How can I tell?", "agent", "A"),
        Utt(23.5, 26.0, "I'd like to upgrade my package.", "customer", "C"),
        Utt(26.5, 29.0, "The case number from your previous call, do you have it?", "agent", "A"),
        Utt(29.5, 32.0, "It'll be 559 180, I'd say.", "customer", "C"),
        Utt(32.5, 35.0, "Man with me are eggs.", "agent", "A"),
        Utt(35.5, 36.5, "Sure.", "customer", "C"),
        Utt(40.0, 45.0, "Run. Max, come up. Right. The milling of it is where you need to meet. Ending over now.",
            "agent", "A"),
        Utt(45.5, 46.5, "That's okay.", "customer", "C"),
        Utt(53.0, 56.0, "Hello. You're on to the mill, people. I'm on the line.", "agent", "B"),
        Utt(56.5, 59.0, "There's a fee on my statement that I don't recognise.", "customer", "C"),
        Utt(59.5, 62.0, "What's the rescue log in with the email one?", "agent", "B"),
        Utt(62.5, 65.0, "Chris dot turner at outlook dot com.", "customer", "C"),
        Utt(65.5, 68.0, "I can see a late payment charge from last month.", "agent", "B"),
        Utt(68.5, 70.0, "Oh, right.", "customer", "C"),
    ]
    if new_label_back_after is not None:
        t = 53.0 + new_label_back_after
        utts.append(Utt(t, t + 2.0, "Sorry, just to add to that.", "agent", "A"))
    return utts


def test_a_new_voice_that_takes_the_caller_over_after_a_pause_is_a_transfer():
    """Neither the hand-over words nor the greeting were caught, but after a pause a voice not
    heard before talks with the caller and the agent before falls silent: the call was handed
    on, and the silence before was the transfer's wait, not dead air."""
    view = _built_view(_taken_over_call(), 80.0, [], channels=1)
    transfers, _ = TransferDetector(load_config()).detect(view)
    assert [round(t.start) for t in transfers] == [40]
    assert [w for w in _waits(view) if 40 <= w[1] <= 55] == [("transfer_wait", 46, 53)]
    # a receiving agent's "thanks for waiting" is no return from a hold
    utts = _taken_over_call()
    utts[8] = Utt(53.0, 56.0, "Thanks for waiting. You're on to the mill, people.", "agent", "B")
    transfers, _ = TransferDetector(load_config()).detect(_built_view(utts, 80.0, [], channels=1))
    assert [round(t.start) for t in transfers] == [40]


@pytest.mark.parametrize("hold_said, back_said", [
    ("Let me put you on hold while I check.", "Right, so the payment went out on the third."),
    ("Right, so let me look.", "Okay, I'm back, the payment went out on the third."),
])
def test_the_agent_back_from_a_hold_under_a_new_label_is_no_new_agent(hold_said, back_said):
    """The diarization gave the agent back from a hold a label of its own: a hold announced
    before the wait, or "I'm back" after it, says it is the same agent. ("One moment" does
    not: hand-overs end with it as often as holds; nor "thanks for waiting", which receiving
    agents say.)"""
    utts = _taken_over_call()[:6] + [
        Utt(40.0, 43.0, hold_said, "agent", "A"),
        Utt(43.5, 44.5, "Okay.", "customer", "C"),
        Utt(60.0, 64.0, back_said, "agent", "B"),
        Utt(64.5, 66.0, "Oh, right.", "customer", "C"),
        Utt(66.5, 69.0, "So I've refunded it for you.", "agent", "B"),
        Utt(69.5, 71.0, "Great, thanks.", "customer", "C"),
    ]
    view = _built_view(utts, 80.0, [], channels=1)
    assert TransferDetector(load_config()).detect(view)[0] == []
    assert "transfer_wait" not in [w[0] for w in _waits(view)]


def test_a_new_label_while_the_agent_before_still_talks_is_no_transfer():
    """The agent before speaks again within 30 s: the new label was their own voice split off
    (or the caller's), not another agent."""
    view = _built_view(_taken_over_call(new_label_back_after=20.0), 80.0, [], channels=1)
    transfers, _ = TransferDetector(load_config()).detect(view)
    assert transfers == []
    assert [w[0] for w in _waits(view) if 40 <= w[1] <= 55] == ["dead_air"]


def test_the_callers_words_into_hold_music_that_nobody_answers_do_not_end_the_hold():
    assert _on_hold_with(Utt(34.0, 36.0, "Hello? Is anybody there?", "customer", "c")) == [("hold", 10, 60)]
    # a recorded announcement the mono diarization filed with the caller's voice, likewise
    assert _on_hold_with(Utt(34.0, 36.7, "Your call will be picked up again in a moment.", "customer", "c")) \
        == [("hold", 10, 60)]


def test_a_recording_inside_a_hold_does_not_turn_the_rest_into_a_queue():
    """Mono: "Please continue to hold, your advisor has not forgotten you", garbled, with the
    music pausing after it, read as an IVR prompt; the wait after a prompt was a queue. No one spoke
    with the caller since the hold began and the music plays on: one hold. An agent's check-in
    still splits it (the test below)."""
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
        Utt(6.0, 9.0, "Let me put you on hold for a moment.", "agent", "a"),
        Utt(9.2, 9.8, "Sure.", "customer", "c"),
        Utt(30.0, 33.0, "You can't think you can go. You're a minor than not for nothing.", "ivr", "r"),
        Utt(60.0, 63.0, "Thanks for holding, that's all set up.", "agent", "a"),
    ]
    assert _waits(_built_view(utts, 65.0, [(9.5, 29.0), (38.0, 60.0)], channels=1)) == [("hold", 10, 60)]
    # Review: after the menu and a key press the caller is queueing, not on the same hold
    from audio_pipeline.detect.dtmf import KeyEntry

    utts[4] = Utt(30.0, 36.0, "For billing, press 1. For sales, press 2.", "ivr", "r")
    view = _built_view(utts, 65.0, [(9.5, 29.0), (38.0, 60.0)], channels=1)
    view.keys = [KeyEntry(36.5, 36.6, "1")]
    assert [kind for kind, _, _ in _waits(view)] == ["hold", "queue_wait"]


def test_a_stray_word_no_role_was_found_for_does_not_split_a_hold():
    """Mono: "Or", 0.1 s under a label of its own right after the hold's announcement, split
    one hold in two. A word or two nobody answers, with music either side, is part of the wait;
    the same words answered by the caller are someone checking in."""
    def waits_with(*extra: Utt) -> list[tuple[str, int, int]]:
        utts = [
            Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
            Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
            Utt(6.0, 9.0, "Let me put you on hold for a moment.", "agent", "a"),
            Utt(9.2, 9.8, "Sure.", "customer", "c"),
            Utt(30.0, 33.0, "Sorry for the delay. Your agent will return to the call shortly.", "ivr", "r"),
            Utt(60.0, 63.0, "Thanks for holding, that's all set up.", "agent", "a"),
            *extra,
        ]
        return _waits(_built_view(utts, 65.0, [(9.5, 60.0)], channels=1))

    assert waits_with(Utt(35.3, 35.4, "Or", "unknown", "x")) == [("hold", 10, 60)]
    assert waits_with(Utt(35.0, 36.5, "Still there?", "unknown", "x"),
                      Utt(37.0, 38.0, "Yes.", "customer", "c")) == [("hold", 10, 35), ("hold", 38, 60)]


def test_one_side_answering_the_other_is_no_recording_whatever_the_words():
    """Mono, a sing-song voice the music detector took for music: the caller's answer "…
    I've been stuck in this queue since half nine" says "in the queue", an announcement's
    words. It follows the agent's question at once, so it is the caller talking, not a
    recording over hold music, and there is no hold."""
    utts = [
        Utt(33.0, 36.0, "Hello, you're on to sales, Marcus on the line.", "agent", "a"),
        Utt(36.5, 38.8, "Can I have a second line to my account?", "customer", "c"),
        Utt(39.2, 40.6, "Which email is linked to the account?", "agent", "a"),
        Utt(41.2, 48.4, "It would be fair, I'd say. I've been stuck in this queue since half nine this morning.",
            "customer", "c"),
        Utt(49.0, 51.1, "I can add a second line for ten pounds a month.", "agent", "a"),
    ]
    view = _built_view(utts, 60.0, [(36.0, 49.5)], channels=1)
    assert not any(u.announcement for u in view.utts)
    assert "hold" not in [kind for kind, _, _ in _waits(view)]
    # the agent's answer to the caller is the agent, though it says "stay on the line"
    utts = [
        Utt(0.0, 6.0, "For customer care, press 1. For sales, press 2.", "ivr", "r"),
        Utt(64.7, 67.0, "Hi there, Maria speaking. How can I help?", "agent", "a"),
        Utt(67.5, 69.0, "I need to update my details.", "customer", "c"),
        Utt(100.4, 102.2, "Nobody turned up, I waited all morning.", "customer", "c"),
        Utt(102.6, 107.3, "I'll get you connected to the new customers team now. Just stay on the line for me.",
            "agent", "a"),
        Utt(117.7, 120.0, "Sales, good afternoon, Ben speaking.", "agent", "b"),
        Utt(120.5, 122.0, "I'd like to upgrade my package.", "customer", "c"),
    ]
    view = _built_view(utts, 130.0, [(101.5, 117.5)], channels=1)
    assert not view.utts[4].announcement
    transfers, _ = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), t.to_department) for t in transfers] == [(103, "sales")]


def test_the_callers_answer_to_a_check_in_still_splits_the_hold_though_it_starts_before_the_question_ends():
    """ "Still there? Just another minute." "Yes, still here" (begun over the agent's last
    word): the agent spoke to the caller, which ends one hold; the next one starts after it."""
    answer = Utt(31.4, 33.0, "Yes, still here.", "customer", "c")
    assert _on_hold_with(answer, checkin=True) == [("hold", 10, 30), ("hold", 33, 60)]


def test_a_callers_reply_under_a_new_mono_label_does_not_end_a_hand_over():
    """Review: mono diarization filed the caller's "okay, thanks" under a speaker of its own
    (role unknown); that is no new agent, and the hand-over ends at billing's greeting."""
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I was charged twice.", "customer", "c"),
        Utt(7.0, 10.0, "Let me transfer you to billing, one moment.", "agent", "a"),
        Utt(10.5, 11.5, "Okay, thanks.", "unknown", "x"),
        Utt(60.0, 63.0, "Billing, Sam speaking, how can I help?", "agent", "b"),
    ]
    view = quiet_view(utts, 70.0)
    view.channels = 1
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), round(t.end), t.to_department, t.loop) for t in transfers] == [(7, 60, "billing", False)]
    assert path == ["sales", "billing"]


def test_another_agent_handing_on_means_the_call_reached_them():
    """Mono: sales hands on to customer care; care's agent (a label of their own) greets in
    words the ASR lost and talks with the caller, then hands on to retentions a minute later.
    The first hand-over reached care, so the second starts there (it was read as a second
    hand-over from sales, and care vanished from the path)."""
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My order never arrived.", "customer", "c"),
        Utt(6.0, 9.0, "Right, the complaints team is where you need to be. Sending you over now.", "agent", "a"),
        Utt(20.0, 24.0, "Low large beacon, so what can I do?", "agent", "b"),
        Utt(24.5, 26.0, "My order never arrived.", "customer", "c"),
        Utt(27.0, 30.0, "I can see the engineer was booked for Tuesday.", "agent", "b"),
        Utt(30.5, 32.0, "Nobody came.", "customer", "c"),
        Utt(80.0, 84.0, "I'll get you connected to the closures team now, stay on the line.", "agent", "b"),
        Utt(100.0, 103.0, "Retentions, Grace here, how can I help?", "agent", "d"),
    ]
    view = quiet_view(utts, 110.0)
    view.channels = 1
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), round(t.end), t.from_department, t.to_department) for t in transfers] == [
        (6, 20, "sales", "customer_care"), (80, 100, "customer_care", "retentions")]
    assert path == ["sales", "customer_care", "retentions"]
    # Review: the same agent's second hand-over sentence under a label of its own, before anyone
    # has talked with that label, is the hand-over said twice, not the call reaching billing
    # (which made billing's greeting a second, looping transfer).
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I was charged twice.", "customer", "c"),
        Utt(6.0, 9.0, "I'll transfer you to billing now.", "agent", "a"),
        Utt(9.5, 10.0, "Okay.", "customer", "c"),
        Utt(13.0, 16.0, "Please stay on the line while I transfer you.", "agent", "a2"),
        Utt(70.0, 73.0, "Billing, Sam speaking, how can I help?", "agent", "b"),
    ]
    view = quiet_view(utts, 80.0)
    view.channels = 1
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), round(t.end), t.to_department, t.loop) for t in transfers] == [
        (6, 70, "billing", False)]
    assert path == ["sales", "billing"]


def test_a_pin_inside_a_longer_number_is_not_the_pin_asked_again():
    """Review: the caller's reference number contains the PIN's four digits; the request words
    asked for the reference, not the PIN."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking. What's your four digit PIN?", "agent", "a"),
        Utt(3.5, 5.0, "It's 4821.", "customer", "c"),
        Utt(10.0, 13.0, "Thanks. I'll need the reference from your letter.", "agent", "a"),
        Utt(13.5, 16.0, "It's 5548 4821.", "customer", "c"),
    ]
    requests = VerificationDetector(load_config()).detect(quiet_view(utts, 20.0))
    assert [(round(r.time), r.item, r.repeated) for r in requests] == [(0, "pin", False)]


def test_a_recording_beside_the_callers_words_into_hold_music_is_no_agent_answering():
    """Review: the caller's "hello?" over the music, with "your call is important to us"
    playing under it or just after it: the recording is no agent speaking to the caller, so
    the hold goes on. (A caller answering the recording after it ended makes it read as an
    agent checking in; that is left as it was.)"""
    announcement = Utt(30.0, 35.0, "Your call is important to us, please continue to hold.", "agent", "a")
    hello = Utt(33.0, 35.5, "Hello? Is anybody there?", "customer", "c")
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want a second line.", "customer", "c"),
        Utt(6.0, 9.0, "Let me put you on hold for a moment.", "agent", "a"),
        Utt(9.2, 9.8, "Sure.", "customer", "c"),
        announcement, hello,
        Utt(60.0, 63.0, "Thanks for holding, that's all set up.", "agent", "a"),
    ]
    assert _waits(_built_view(utts, 65.0, [(9.5, 60.0)])) == [("hold", 10, 60)]
    # the recording after the caller's words, likewise
    announcement.start, announcement.end = 37.0, 41.0
    assert _waits(_built_view(utts, 65.0, [(9.5, 60.0)])) == [("hold", 10, 60)]


def test_an_agent_talking_fifteen_seconds_over_misheard_music_is_back_from_hold():
    """Mono: the music detector took the agent's voice for music, and the diarization filed the
    caller's answers with the agent, so the agent's return was one 15 s utterance "over the
    music" that nobody answered, and it was read as a recording: the hold ran on through it
    to the next agent. A recording over the music is a sentence or two; a long one with no menu
    and no announcement's words is a person. A long recording that says an announcement's
    words is still a recording."""
    def waits_with(back: str, back_end: float = 99.0) -> list[tuple[str, int, int]]:
        utts = [
            Utt(0.0, 3.0, "Retentions, Grace here, how can I help?", "agent", "a"),
            Utt(3.5, 5.0, "I'm thinking of leaving.", "customer", "c"),
            Utt(6.0, 9.0, "Stay with me, I'm putting the music on for a wee minute.", "agent", "a"),
            Utt(9.2, 9.8, "Go for it.", "customer", "c"),
            Utt(35.0, 38.0, "Thank you for waiting. Your call will be picked up again in a moment.", "agent", "a"),
            Utt(83.4, back_end, back, "agent", "a"),
            Utt(110.0, 113.0, "Good morning, payments desk, Raj speaking.", "agent", "b"),
        ]
        return [w for w in _waits(_built_view(utts, 120.0, [(9.5, 105.0)], channels=1)) if w[0] == "hold"]

    back = ("Cheers for waiting, I've got an answer for you. I can see you've been with us for six "
            "years, I'd hate to lose you. Well the price keeps going up. Okay, let's sort that.")
    assert waits_with(back) == [("hold", 10, 83)]
    assert waits_with("Cheers for waiting, one moment.", 86.0) == [("hold", 10, 110)]
    promo = ("Did you know you can manage your account online? Visit our website any time, day or "
             "night, to pay a bill, change your plan or report a fault.")
    assert waits_with(promo) == [("hold", 10, 110)]


def test_the_pin_number_on_the_account_is_the_pin():
    """"the PIN number on the account": the word before "number" names the item; "number on
    the account" alone is the account number."""
    utts = [
        Utt(0.0, 2.0, "Can you tell me the PIN number on the account?", "agent", "a"),
        Utt(2.5, 4.0, "It's 4 2 5 2.", "customer", "c"),
        Utt(5.0, 7.0, "And what's the number on the account?", "agent", "a"),
        Utt(7.5, 10.0, "4 4 1 9 2 8 7 3.", "customer", "c"),
    ]
    assert _requests(utts, 20.0) == [(0, "pin", False), (5, "account_number", False)]


def test_an_agent_asking_again_asks_for_an_item_given_before():
    """"again", "one more time", "repeat": the agent knows the caller gave it already, though
    the first question was lost (here it never reached the transcript)."""
    utts = [
        Utt(0.0, 2.0, "Good morning, billing, how can I help?", "agent", "a"),
        Utt(2.5, 4.0, "There's a fee on my bill.", "customer", "c"),
        Utt(40.0, 42.0, "I'll need the passcode one more time, please.", "agent", "a"),
        Utt(42.5, 44.0, "4 2 5 2.", "customer", "c"),
        Utt(50.0, 52.0, "Could you just repeat the zip code for me?", "agent", "a"),
        Utt(52.5, 54.0, "9 0 2 1 0.", "customer", "c"),
    ]
    assert _requests(utts, 60.0) == [(40, "pin", True), (50, "postcode", True)]
    # the same questions without those words ask for the first time
    utts[2] = Utt(40.0, 42.0, "I'll need the passcode, please.", "agent", "a")
    utts[4] = Utt(50.0, 52.0, "Could you give me the zip code?", "agent", "a")
    assert _requests(utts, 60.0) == [(40, "pin", False), (50, "postcode", False)]


@pytest.mark.parametrize("prompt", [
    "and for you're going to take out 2 digits for the day, 2 for the month and 4th of the year, followed by Pound.",
    "Now key to your telephone path code, then press pound.",
])
def test_a_prompt_ending_in_the_pound_key_asks_for_what_is_keyed(prompt):
    """The item was garbled, but "followed by pound" points at the keypad, and the keys typed
    next say which item it was by their shape."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [Utt(0.0, 5.0, prompt, "agent", "a")]
    keys = "25061984#" if "month" in prompt else "4252#"
    item = "date_of_birth" if "month" in prompt else "pin"
    assert _requests(utts, 20.0, [KeyEntry(6.0, 9.0, keys)]) == [(0, item, False)]


def test_a_request_answered_with_a_pin_given_before_asks_for_the_pin_again():
    """"Kindly share your four digit account PIN" came out as "Kindly share your forwarding at
    account via end."; the caller reads out at once the PIN keyed in the IVR. After words that
    ask for nothing ("I see the forwarding was set up on the account."), the same number asks
    for nothing."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 4.0, "For security, please enter your four digit PIN, followed by hash.", "ivr", "i", system=True),
        Utt(20.0, 23.0, "Welcome to the billing team, Grace on the line, how can I help you?", "agent", "a"),
        Utt(23.5, 25.5, "I've been charged twice for my bill this month.", "customer", "c"),
        Utt(26.0, 28.0, "Kindly share your forwarding at account via end.", "agent", "a"),
        Utt(28.5, 30.0, "1148. Yes.", "customer", "c"),
    ]
    keys = [KeyEntry(5.0, 8.0, "1148#")]
    assert _requests(utts, 40.0, keys) == [(0, "pin", False), (26, "pin", True)]
    utts[3] = Utt(26.0, 28.0, "I see the forwarding was set up on the account.", "agent", "a")
    assert _requests(utts, 40.0, keys) == [(0, "pin", False)]


@pytest.mark.parametrize("ask", ["Can we confirm your register address?", "Just one more thing, what's your address?"])
def test_words_close_to_asking_again_ask_for_the_first_time(ask):
    """"we confirm" is near "reconfirm" in spelling and "one more" near "once more": the words
    that say an agent asks again must be heard as they are."""
    utts = [Utt(0.0, 2.0, ask, "agent", "a"), Utt(2.5, 4.0, "12 Oak Road.", "customer", "c")]
    assert _requests(utts, 10.0) == [(0, "address", False)]


@pytest.mark.parametrize("menu, options", [
    ("For the sale team, Perez 1, 4 payments, Perez 2, 4 customer service, Perez 3, for the 4th team, "
     "Perez 4th, if you've been keeping up leaving us, Perez 5th,",
     {"1": "sales", "2": "billing", "3": "customer_care", "5": "retentions"}),
    ("If you're calling about the customer service, MESC1, if you're calling about the technical support, "
     "MESC2, if you're calling about billing, MESC3.",
     {"1": "customer_care", "2": "technical_support", "3": "billing"}),
])
def test_a_word_the_asr_put_for_press_before_each_key_in_turn_is_press(menu, options):
    """Whisper hears a recorded "press 1 … press 2 …" as "Perez 1 … Perez 2" or "MESC1 …
    MESC2": one word before three or more keys in order is the menu's "press"."""
    assert TransferDetector(load_config()).menu_options(menu) == options


@pytest.mark.parametrize("text", [
    "Enter 2 digits for the day, 2 for the month and 4 for the year.",
    "I called on the 1st, the 2nd and the 3rd of May.",
    "Go to step 1, then step 2, then step 3 in the app.",
    "We have slots at 1, at 2 or at 3 tomorrow.",
    "It was on the 3rd, the 7th and the 9th.",
])
def test_numbers_in_order_are_no_menu(text):
    """Neither menu options nor keys offered: an agent saying this is no recording."""
    from audio_pipeline.detect.lexicon import keys_offered

    assert TransferDetector(load_config()).menu_options(text) == {}
    assert len(keys_offered(text)) < 2


def _mono_requests(utts: list[Utt], duration: float) -> list[tuple[int, str, bool]]:
    view = quiet_view(utts, duration)
    view.channels = 1
    return [(round(r.time), r.item, r.repeated) for r in VerificationDetector(load_config()).detect(view)]


def _said(start: float, text: str, role: str, speaker: str) -> Utt:
    """An utterance with a word every 0.4 s."""
    words = [(start + 0.4 * n, w) for n, w in enumerate(text.split())]
    return Utt(start, start + 0.4 * len(words), text, role, speaker, words=words)


def test_an_agents_question_filed_in_the_callers_turn_is_the_agents():
    """Mono: the diarization ran the new agent's "Remind me of the cell number there?" into
    the caller's turn, with the answer after it; the question is the agent's, and the number
    read out is the one given before."""
    utts = [
        _said(0.0, "What's the best contact number for you?", "agent", "A"),
        _said(4.0, "Okay, 845 261 9487.", "customer", "C"),
        _said(40.0, "Billing, Dev here, how can I help?", "agent", "B"),
        _said(44.0, "I'd like to change the date my direct debit comes out. Remind me of the cell number "
              "there? That'll be 845 261 9487.", "customer", "C"),
    ]
    requests = _mono_requests(utts, 80.0)
    assert requests == [(0, "phone_number", False), (48, "phone_number", True)]
    # a caller offering their number, or asking the agent's name, asks for nothing
    utts[3] = _said(44.0, "Sorry, what was your name? And do you need my cell number? It's 845 261 9487.",
                    "customer", "C")
    assert _mono_requests(utts, 80.0) == [(0, "phone_number", False)]
    # on a stereo call the channel says who spoke
    assert _requests(utts[:3] + [_said(44.0, "Remind me of the cell number there? 845 261 9487.", "customer", "C")],
                     80.0) == [(0, "phone_number", False)]


def test_a_lone_key_sounded_by_hold_music_does_not_end_the_hold():
    """Two notes of the hold music sat on a key's row and column for 60 ms: a "1" in the middle
    of the music, which made the rest of the hold a queue after a key press. A key a recording
    offered ("to request a call back, press 1") is the caller's."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My bill is wrong.", "customer", "c"),
        Utt(6.0, 9.0, "I need to ask someone about this, so you'll hear a bit of music.", "agent", "a"),
        Utt(9.2, 9.8, "Okay, thanks.", "customer", "c"),
        Utt(70.0, 73.0, "Sorry about the wait, bear with me a sec.", "agent", "a"),
    ]
    keys = [KeyEntry(30.0, 30.06, "1")]
    assert _waits(_built_view(utts, 75.0, [(10.0, 70.0)], keys=keys)) == [("hold", 10, 70)]
    offered = utts + [Utt(24.0, 28.0, "To request a call back, press 1.", "ivr", "i")]
    assert [k.keys for k in _built_view(offered, 75.0, [(10.0, 70.0)], keys=keys).keys] == ["1"]


def test_a_new_agent_sorry_for_the_wait_after_unannounced_music_took_a_transfer():
    """Mono: the hand-over words were lost in a garbled run-on ("I hope you prove hand-tight"),
    and after six seconds of music someone else greets the caller "sorry for the wait": the
    music was the transfer's, not a hold. The same agent saying it is back from a hold."""
    utts = [
        Utt(0.0, 3.0, "Retentions, Sam speaking, how can I help?", "agent", "A"),
        Utt(3.5, 5.0, "The price keeps going up.", "customer", "C"),
        Utt(5.5, 12.0, "I can see you've been with us six years. I hope you prove hand-tight.", "agent", "A"),
        Utt(12.2, 13.0, "Cool, thanks.", "customer", "C"),
        Utt(19.0, 23.0, "Good morning, payments desk, Raj speaking. Sorry for the wait getting through to us.",
            "agent", "B"),
        Utt(23.5, 25.0, "I've been charged twice.", "customer", "C"),
    ]
    assert _waits(_built_view(utts, 26.0, [(13.0, 19.0)], channels=1)) == [("transfer_wait", 13, 19)]
    utts[4] = Utt(19.0, 23.0, "Sorry for the wait, thanks for holding.", "agent", "A")
    assert [w[0] for w in _waits(_built_view(utts, 26.0, [(13.0, 19.0)], channels=1))] == ["hold"]


def _mono_hand_overs(utts: list[Utt], duration: float):
    view = quiet_view(utts, duration)
    view.channels = 1
    return TransferDetector(load_config()).detect(view)


def test_an_agent_the_call_had_before_saying_its_me_again_took_it_back():
    """Mono: the second agent's hand-over words were lost (the ASR dropped the line), and after a
    pause the first agent's label greets the caller "Hi, it's me again": the call went back to
    the first agent's department, a loop."""
    utts = [
        Utt(0.0, 3.0, "Technical support, Maria speaking, how can I help?", "agent", "A"),
        Utt(3.5, 5.0, "My router won't connect.", "customer", "C"),
        Utt(6.0, 9.0, "Customer care will sort that out for you, I'll transfer you now.", "agent", "A"),
        Utt(9.5, 10.0, "Okay.", "customer", "C"),
        Utt(14.0, 17.0, "Customer care, Sam here, how can I help?", "agent", "B"),
        Utt(17.5, 20.0, "The engineer never came.", "customer", "C"),
        Utt(20.5, 24.0, "I can update that for you now.", "agent", "B"),
        Utt(24.5, 25.0, "Perfect.", "customer", "C"),
        Utt(60.0, 62.0, "Hi, it's me again, Maria.", "agent", "A"),
        Utt(62.5, 64.0, "My router still won't connect.", "customer", "C"),
    ]
    transfers, path = _mono_hand_overs(utts, 70.0)
    assert path == ["technical_support", "customer_care", "technical_support"]
    assert [(round(t.start), t.to_department, t.loop) for t in transfers][-1] == (20, "technical_support", True)
    # the agent who has the call saying "me again" after a pause is no transfer
    utts[8] = Utt(60.0, 62.0, "Hi, it's me again, sorry for the wait.", "agent", "B")
    assert _mono_hand_overs(utts, 70.0)[1] == ["technical_support", "customer_care"]


@pytest.mark.parametrize("ask", [
    "Thanks again, and what's your date of birth?",
    "So this doesn't happen again, what's the best phone number for you?",
])
def test_again_that_is_not_about_asking_asks_for_the_first_time(ask):
    utts = [Utt(0.0, 3.0, ask, "agent", "a"), Utt(3.5, 6.0, "3rd of May 1980, 0 7 7 0 0 9 0 0 1 2 3.", "customer", "c")]
    assert [again for _, _, again in _requests(utts, 10.0)] == [False]


@pytest.mark.parametrize("said", [
    "Let me just repeat the address back to you, 12 Oak Road.",
    "I'll provide the engineer with your phone number.",
    "I'll share the postcode with the engineer.",
])
def test_an_agent_telling_what_they_do_with_an_item_asks_for_nothing(said):
    utts = [Utt(0.0, 3.0, said, "agent", "a"), Utt(3.5, 5.0, "Okay, great.", "customer", "c")]
    assert _requests(utts, 10.0) == []


@pytest.mark.parametrize("asks", [
    "Do you need the account number as well? It's 4 4 1 9 2 8 7 3.",
    "Did the other agent not pass on the account number? 4 4 1 9 2 8 7 3.",
])
def test_a_callers_own_question_about_an_item_stays_theirs(asks):
    """Mono: a caller asking whether the agent needs their account number is not the agent
    asking for it."""
    utts = [
        _said(0.0, "Can I take your account number?", "agent", "A"),
        _said(3.0, "4 4 1 9 2 8 7 3.", "customer", "C"),
        _said(40.0, "Billing, Dev here, how can I help?", "agent", "B"),
        _said(44.0, "Hi Dev. " + asks, "customer", "C"),
    ]
    assert _mono_requests(utts, 80.0) == [(0, "account_number", False)]


def test_a_name_close_to_hello_again_is_no_agent_coming_back():
    """"Hello Gavin" is fuzzily "hello again": the words that say an agent is back must be
    heard as they are."""
    utts = [
        Utt(0.0, 3.0, "Technical support, Maria speaking, how can I help?", "agent", "A"),
        Utt(3.5, 5.0, "My router won't connect.", "customer", "C"),
        Utt(6.0, 9.0, "Customer care will sort that out for you, I'll transfer you now.", "agent", "A"),
        Utt(9.5, 10.0, "Okay.", "customer", "C"),
        Utt(14.0, 17.0, "Customer care, Sam here, how can I help?", "agent", "B"),
        Utt(17.5, 20.0, "The engineer never came.", "customer", "C"),
        Utt(60.0, 62.0, "Hello Gavin, how can I help?", "agent", "A"),
        Utt(62.5, 64.0, "The engineer never came.", "customer", "C"),
    ]
    assert _mono_hand_overs(utts, 70.0)[1] == ["technical_support", "customer_care"]


def test_a_department_named_in_other_words_is_found_by_meaning():
    """"the invoices people" is in no list; by meaning it is billing (the bundled sentence
    model). Teams that are no department, or near two, stay unnamed."""
    from audio_pipeline.detect.semantic import intents_for

    cfg = load_config()
    detector = TransferDetector(cfg, intents_for(cfg))
    assert detector.departments_in("Let me get you over to the invoices people.") == [(20, "billing")]
    for other in ("You're through to the football team.", "I'll put you through to our team.",
                  "Let me pass you to the fraud team.", "I'll put you through to the delivery team."):
        assert detector.departments_in(other) == [], other
    # with the model off, only the lists name departments
    assert TransferDetector(cfg).departments_in("Let me get you over to the invoices people.") == []


def test_a_menu_may_say_select_choose_or_dial():
    detector = TransferDetector(load_config())
    menu = "To reach billing, select 1. For sales, please choose 2. For technical support, dial 3."
    assert detector.menu_options(menu) == {"1": "billing", "2": "sales", "3": "technical_support"}


def test_the_same_question_asked_again_asks_for_the_same_item():
    """Agents read a security question off the screen the same way each time. The first time
    the ASR lost the words that said it was security ("to finish up the circuit already");
    the second time "security question" was heard; the third, garbled, was taken for a name.
    The question's own words say all three asked for the security answer."""
    utts = [
        Utt(0.0, 4.0, "And to finish up the circuit already, what was the first concert you went to?", "agent", "a"),
        Utt(4.5, 6.0, "Oasis, in Manchester.", "customer", "c"),
        Utt(40.0, 44.0, "Okay, one quick security question. What was the first concert you went to?", "agent", "b"),
        Utt(44.5, 46.0, "Oasis, in Manchester.", "customer", "c"),
        Utt(80.0, 84.0, "What when the first concert you went to just answer that one for me.", "agent", "d"),
        Utt(84.5, 86.0, "Oasis.", "customer", "c"),
    ]
    from audio_pipeline.detect.semantic import intents_for

    cfg = load_config()
    detector = VerificationDetector(cfg, intents_for(cfg))

    def security(utts):
        return [(round(r.time), r.repeated) for r in detector.detect(quiet_view(utts, 90.0))
                if r.item == "security_answer"]

    assert security(utts) == [(40, True), (80, True)]
    # a question that is only alike in shape is another question
    utts[2] = Utt(40.0, 44.0, "Okay, one quick security question. What was the name of your first pet?", "agent", "b")
    assert security(utts[:4]) == [(40, False)]


def test_questions_that_share_only_their_opening_are_different_questions():
    """"I'll need to ask you for your postcode" and "… for your date of birth" share seven
    words, but not the last ones, which hold what is asked."""
    utts = [
        Utt(0.0, 3.0, "I'll need to ask you for your postcode.", "agent", "a"),
        Utt(3.5, 5.0, "It's SW1A 1AA.", "customer", "c"),
        Utt(40.0, 43.0, "I'll need to ask you for your date of birth.", "agent", "b"),
        Utt(43.5, 45.0, "The 3rd of May 1980.", "customer", "c"),
    ]
    assert _requests(utts, 50.0) == [(0, "postcode", False), (40, "date_of_birth", False)]


@pytest.mark.parametrize("text,keys", [
    # "dial 2" heard as "Nile 2" from the second option on (the first was "select one")
    ("Select one to close your account. Nile 2 to be put through to the customer team. Nile 3 to be put "
     "through to the technicians. Nile 4 to be put through to the new connections team.", {"1", "2", "3", "4"}),
    # dev4: "choose 1" heard as no key ("June 1"), then four keys after the same word from 2 on
    ("Questions about cancelling or leaving, June 1, Nile 2 to be put through to billing, Nile 3 to be put "
     "through to client service, Nile 4 to be put through to the technicians, Nile 5 to be put through to the "
     "plans team.", {"1", "2", "3", "4", "5"}),
    # "please choose 1 … 3 … 4 … 5" heard as "Clean Tune", the second option worded otherwise
    ("For the network faults team, Clean Tune 1. If you'd like to end your service with us, select 2. "
     "For the upgrade specialists, Clean Tune 3. For the advocacy team, Clean Tune 4. For billing, Clean Tune 5.",
     {"1", "2", "3", "4", "5"}),
    ("If you need the acquisitions desk, that's one. If you're moving out, it's option two. "
     "If you need the revenue team, that's 4.", {"1", "2", "4"}),
    ("It's 2 o'clock and that's 3 pounds for the call.", set()),
    ("Its two days, and that is one thing we can't change.", set()),
    ("We sent 1 letter, then 3 letters, then 5 letters about it.", set()),
    ("It's 9.99 a month, so that's 1.50 more than before.", set()),
    ("So the TV box, that's one, and the broadband, that's two.", set()),
    ("Okay, it's two. And bedrooms, it's three.", set()),
    ("You'd keep BBC 1, BBC 2 and BBC 4, and we've got the Hub 2, the Hub 3 and the Hub 4.", set()),
    ("Your callback is booked, it's 2:30.", set()),
    # keys in turn with no verb for them heard, the same word before or after each
    ("Moon theme can be reached on one. Quote and cover theme can be reached on two. Mark's help line can be "
     "reached on three.", {"1", "2", "3"}),
    ("1 for the tax payments line. 2 for central reservations. 3 for the home moves team.", {"1", "2", "3"}),
    ("So we can't win the meter willing theme, enter one, so we can't win the dome tech neck, enter two, so we "
     "can't win the new supply team, enter three.", {"1", "2", "3"}),
    ("Step one, unplug it. Step two, wait a minute. Step three, plug it back in.", set()),
    ("That's one day, two days or three days at most.", set()),
    ("I can see one payment, two refunds and three charges.", set()),
    ("One of them is fine, two of them are late and three of them are missing.", set()),
    ("If it's about the quotes team, go for one. To talk about closing your account, go for two. If it's "
     "about billing, go for three.", {"1", "2", "3"}),
    # talk numbering things in turn, found by a helper's review: only a menu's words count
    ("Option one is the SIM only deal, option two is the handset deal, and option three is the family plan.",
     set()),
    ("You can get one for ten pounds, two for eighteen or three for twenty five.", set()),
    ("One for the kitchen, two for the bedroom and three for the lounge.", set()),
    ("Billing can be reached on 1, sales on 2, support on 3.", {"1", "2", "3"}),
    ("I can do one o'clock, two o'clock or three o'clock.", set()),
    ("Light one should be green, light two amber and light three off.", set()),
    ("You'd keep BBC One, BBC Two and BBC Three.", set()),
])
def test_menus_the_asr_garbled_still_offer_keys(text, keys):
    """A word heard before each of three keys or more offered in turn is the menu's "press",
    though the first key was worded otherwise or one in the middle was; "that's one." and
    "it's option two" offer keys; numbers that count other things offer none."""
    from audio_pipeline.detect.lexicon import keys_offered

    assert keys_offered(text) == keys


def test_a_menu_over_the_music_is_the_call_back_in_the_ivr():
    """A menu the music plays around reads as an announcement too, but it is the call back in
    the IVR: sent there by an agent whose words we could not read as a hand-over."""
    utts = [
        Utt(0.0, 3.0, "Billing, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to cancel.", "customer", "c"),
        Utt(6.0, 9.0, "Let me review to the main switch more, and choose the option that fits.", "agent", "a"),
        Utt(9.5, 10.5, "Okay.", "customer", "c"),
        Utt(12.0, 28.0, "For the customer team, please choose one. For questions about leaving, choose two. "
            "For the account services team, please choose three.", "agent", "a", system=True),
    ]
    view = _transfer_view(utts, 60.0)
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(t.from_department, t.to_department) for t in transfers] == [("billing", "ivr")]
    view.utts[-1].announcement = True
    transfers, path = TransferDetector(load_config()).detect(view)
    assert [(t.from_department, t.to_department) for t in transfers] == [("billing", "ivr")]
    assert path == ["billing", "ivr"]
    # an announcement that offers no departments is no menu
    for said in ("Thank you for holding, an agent will be with you shortly.",
                 "To request a call back, press 1. To keep holding, press 2."):
        view.utts[-1].text = said
        assert TransferDetector(load_config()).detect(view)[0] == []


# The caller gives their phone number and date of birth; the tests below ask again later.
_GAVE_PHONE_AND_BIRTH_DATE = [
        Utt(0.0, 3.0, "Could you confirm the contact telephone number held on the account?", "agent", "a"),
        Utt(3.5, 7.0, "Sure, it's 412 259 8994.", "customer", "c"),
        Utt(8.0, 10.0, "And your date of birth?", "agent", "a"),
        Utt(10.5, 13.0, "The fifth of July, 2000.", "customer", "c"),
]


def test_a_garbled_re_ask_answered_like_an_item_given_before_asks_for_it_again():
    """"Just once more, please, the contact phone." heard as "Just one more. Clean. The contact
    zone.": words that say it is asked again, then ten digits (heard differently from the first
    time), the shape of the phone number the caller gave before and of no other item."""
    utts = [
        *_GAVE_PHONE_AND_BIRTH_DATE,
        Utt(40.0, 42.0, "Just one more. Clean. The contact zone.", "agent", "b"),
        Utt(42.5, 46.0, "Certainly. It's 412 -259 -7994.", "customer", "c"),
    ]
    assert _requests(utts, 50.0) == [(0, "phone_number", False), (8, "date_of_birth", False),
                                     (40, "phone_number", True)]
    # no words that say it is asked again: the garble asks for nothing we can tell
    utts[4] = Utt(40.0, 42.0, "Just so. Clean. The contact zone.", "agent", "b")
    assert _requests(utts, 50.0) == [(0, "phone_number", False), (8, "date_of_birth", False)]
    # a reply shaped like no item given before (four digits) asks for nothing again either
    utts[4] = Utt(40.0, 42.0, "Just one more. Clean. The contact zone.", "agent", "b")
    utts[5] = Utt(42.5, 46.0, "Certainly. It's 4 1 2 9.", "customer", "c")
    assert _requests(utts, 50.0) == [(0, "phone_number", False), (8, "date_of_birth", False)]


def test_an_answer_cut_in_two_is_read_as_one_turn():
    """The ASR (or the diarization) often cuts a caller's answer in two: "Certainly, I've said
    this more times than my own name." then "412 259 7994.". The value is in the second part,
    so a reply that only complains of being asked is read with the rest of the caller's turn,
    up to the next speaker. A pause long enough for the agent to have spoken ends the turn."""
    utts = [
        *_GAVE_PHONE_AND_BIRTH_DATE,
        Utt(40.0, 42.0, "Just one more. Clean. The contact zone.", "agent", "b"),
        Utt(42.5, 44.5, "Certainly, I've said this more times than my own name.", "customer", "c"),
        Utt(45.0, 48.0, "412 259 7994.", "customer", "c"),
    ]
    assert _requests(utts, 60.0) == [(0, "phone_number", False), (8, "date_of_birth", False),
                                     (40, "phone_number", True)]
    # the digits come well after the first part: another turn, and no answer to the garble
    utts[6] = Utt(48.0, 51.0, "412 259 7994.", "customer", "c")
    assert _requests(utts, 60.0) == [(0, "phone_number", False), (8, "date_of_birth", False)]


def test_what_a_caller_says_after_answering_is_not_read_with_the_answer():
    """Only a complaint of being asked is read with the rest of the turn: after an answer,
    "I've been charged twice this month." is the caller's problem, not "you asked twice"."""
    utts = [
        Utt(0.0, 2.0, "Can I take your date of birth?", "agent", "a"),
        Utt(2.5, 4.5, "Sure, 3rd of May 1980.", "customer", "c"),
        Utt(5.0, 7.5, "I've been charged twice this month.", "customer", "c"),
    ]
    assert _requests(utts, 20.0) == [(0, "date_of_birth", False)]


def test_a_short_number_after_words_like_one_more_is_the_item_again_only_if_the_same():
    """Four digits are a year, a time, an amount or an expiry date as often as a PIN: after
    "one more thing" or "before" only the very PIN given before is the PIN again."""
    def call(ask: str, reply: str) -> list[Utt]:
        return [
            Utt(0.0, 3.0, "Can you tell me your PIN?", "agent", "a"),
            Utt(3.5, 6.0, "It's 1 9 8 4.", "customer", "c"),
            Utt(40.0, 42.0, ask, "agent", "a"),
            Utt(42.5, 44.0, reply, "customer", "c"),
        ]
    assert _requests(call("One more thing, the expiry date?", "04 27."), 50.0) == [(0, "pin", False)]
    assert _requests(call("Before I put that through, when does it expire?", "04 27."), 50.0) == [(0, "pin", False)]
    assert _requests(call("Just one more. Clean. The security path.", "1984."), 50.0) == [
        (0, "pin", False), (40, "pin", True)]


def test_music_after_which_someone_new_says_the_call_was_handed_to_them_is_no_hold():
    """A hold announced and taken back in words we could not read ("Do not place your column
    home.", for "I will now place your call on hold. Sorry, disregard that"), music, then
    another agent: "my colleague did a handover". The music was the transfer, not a hold.
    The same agent back after it, or a new one who says nothing of being handed the call, still
    ends a hold."""
    def call(speaker: str, back: str) -> list[Utt]:
        return [
            Utt(0.0, 3.0, "Technical support, Sam speaking, how can I help?", "agent", "a"),
            Utt(3.5, 5.0, "My broadband keeps dropping.", "customer", "c"),
            Utt(6.0, 8.0, "I'll put you on hold for a minute.", "agent", "a"),
            Utt(8.5, 9.0, "Okay.", "customer", "c"),
            Utt(30.0, 34.0, back, "agent", speaker),
            Utt(34.5, 36.0, "Hi, yes.", "customer", "c"),
        ]
    handed = "Resolutions team, Marcus speaking. My colleague did a handover, so let's carry on."
    mono = _music_view(call("b", handed), 36.0, [(9.5, 29.5)])
    mono.channels = 1
    assert _waits(mono) == [("transfer_wait", 9, 30)], _waits(mono)
    same = _music_view(call("a", "Thanks for holding, I have that information now."), 36.0, [(9.5, 29.5)])
    same.channels = 1
    assert [k for k, _, _ in _waits(same)] == ["hold"]
    unsaid = _music_view(call("b", "Thanks for holding, I have that information now."), 36.0, [(9.5, 29.5)])
    unsaid.channels = 1
    assert [k for k, _, _ in _waits(unsaid)] == ["hold"]
    # back from the hold, though under a new mono label and speaking of a colleague
    back = _music_view(call("b", "Thanks for holding, my colleague mentioned there's an outage in your area."),
                       36.0, [(9.5, 29.5)])
    back.channels = 1
    assert [k for k, _, _ in _waits(back)] == ["hold"]


@pytest.mark.parametrize("said, hands_on", [
    ("So, I'm going to transfer you there now.", True),       # fuzzily "not going to transfer"
    ("In line with our process, I will now transfer your call to the tariffs team.", True),  # ~ "won't transfer"
    ("I'm not going to transfer you, I can sort it here.", False),
    ("I can't transfer you to billing, they're closed today.", False),
    ("What's the reason for your call today?", False),         # fuzzily "forward your call"
    ("I'll put you on to the network faults team, they're the ones who look after that.", True),
    ("You'll go back to the automated options now, just pick the right team when you hear it.", True),
    ("I'm going to put you back through the automated line, just listen out for the option you need.", True),
    ("Can you go back to the router and check the lights?", False),
])
def test_hand_over_words_and_their_negations_as_heard(said, hands_on):
    """A negation is heard word for word: one letter turns "I'm going to transfer" into "not going
    to transfer". "Put you on to", "go back to the" hand on only with a department or the menu after."""
    assert TransferDetector(load_config()).hands_on(said) is hands_on


@pytest.mark.parametrize("said, greets", [
    ("Howdy, Oliver in the engineering team.", True),
    ("Hey there, Tom with the tariffs team, how are you doing today?", True),
    ("Hello there, I can see the billing problem now.", False),
    ("What's the store you bought it from?", False),
])
def test_greetings_in_other_words(said, greets):
    assert TransferDetector(load_config()).greeting.any(said) is greets


def test_a_new_voice_saying_word_for_word_it_got_the_call_needs_hardly_a_pause():
    """Mono, a warm hand-over whose words the ASR garbled ("better off with the famous snack"):
    0.6 s later a label of its own says "I've got your details through from my colleague". That
    is a transfer, to the department the caller's reason names. (The same words under the label
    that was talking need a pause: see the test above.)"""
    utts = [
        Utt(0.0, 3.0, "Tech support, Grace speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My internet keeps dropping out every evening.", "customer", "c"),
        Utt(7.0, 11.0, "I'll run a line test, it looks fine from here.", "agent", "a"),
        Utt(11.5, 14.0, "But the charge on my bill is wrong too.", "customer", "c"),
        Utt(14.5, 18.0, "You'll be better off with the famous snack, one moment.", "agent", "a"),
        Utt(18.6, 22.0, "Right, I've got your details through from my colleague. It's Dev here.", "agent", "b"),
        Utt(22.5, 26.0, "I'd like to change the date my direct debit comes out.", "customer", "c"),
    ]
    view = quiet_view(utts, 40.0)
    view.channels = 1
    assert _hand_overs(view) == ([(14, "technical_support", "billing")], ["technical_support", "billing"])


def test_a_new_agent_after_a_conversation_whose_greeting_was_lost_is_a_transfer():
    """The first agent's greeting was garbled past reading ("All day, Oliver in the lower
    team"), but they talked with the caller; a new voice then says a colleague handed the call
    over. The call was with a department (named by the caller's reason) and went on to another:
    one transfer, not the call's first agent."""
    utts = [
        Utt(0.0, 6.0, "Welcome to Northwind. For billing, press 1. For technical support, press 2.", "ivr", "i",
            system=True),
        Utt(10.0, 13.0, "All day, Oliver in the lower team.", "agent", "a"),
        Utt(13.5, 17.0, "The app keeps crashing whenever I try to log in.", "customer", "c"),
        Utt(17.5, 20.0, "Okay, I'm checking that now.", "agent", "a"),
        Utt(20.5, 23.0, "It's been like this for a week.", "customer", "c"),
        Utt(24.0, 27.0, "That's a question for the revolution people.", "agent", "a"),
        Utt(52.0, 56.0, "Mark here. My colleague did a handover, so let's carry on from there.", "agent", "b"),
        Utt(56.5, 59.0, "I want to make a complaint about a missed engineer appointment.", "customer", "c"),
    ]
    view = quiet_view(utts, 70.0)
    view.channels = 1
    hand_overs, path = _hand_overs(view)
    assert [(t, f, to) for t, f, to in hand_overs] == [(24, "technical_support", "customer_care")]
    assert path == ["ivr", "technical_support", "customer_care"]


def test_a_new_voice_after_the_caller_talked_with_an_unheard_agent_ends_the_next_hand_over():
    """Mono: care hands on to a destination the ASR lost ("the county"); billing's agent greets
    in words the ASR lost and talks with the caller, then hands on in garbled words; a new
    label greets from the cancellations desk. Two transfers: the first reached the department
    the caller's reason names, the second went on to retentions (it was one transfer, care
    straight to retentions)."""
    utts = [
        Utt(0.0, 3.0, "Customer care, Ann speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I was charged a fee I don't understand.", "customer", "c"),
        Utt(7.0, 11.0, "I will get you connected to the county now, just hold the line for me.", "agent", "a"),
        Utt(25.0, 28.0, "Lo, ear, see Pam.", "agent", "b"),
        Utt(28.5, 36.0, "Yes, there's a late payment charge on my bill from last month and I paid on time.",
            "customer", "c"),
        Utt(36.5, 40.0, "I can see that, let me look at the payments.", "agent", "b"),
        Utt(40.5, 49.0, "I have the receipt right here, I paid it on the first of the month like always.",
            "customer", "c"),
        Utt(50.0, 53.0, "I can start that out here once the cancellation is settled.", "agent", "b"),
        Utt(54.0, 55.0, "That's okay.", "customer", "c"),
        Utt(62.0, 66.0, "Hi, it's Asha from the cancellations desk. How can I help you?", "agent", "d"),
    ]
    view = quiet_view(utts, 80.0)
    view.channels = 1
    assert _hand_overs(view) == ([(7, "customer_care", "billing"), (54, "billing", "retentions")],
                                 ["customer_care", "billing", "retentions"])


def test_a_lone_word_after_the_menu_is_no_answer_to_it():
    """Mono: the menu's last words under the menu's own label, then "two." split off under a
    label of its own, then queue music with a recorded announcement, then the first agent. The
    lone word answered nobody, so the menu was not an agent and the music is a queue."""
    utts = [
        Utt(0.0, 12.0, "Welcome to Northwind. For the statements team, press 1.", "agent", "m"),
        Utt(18.8, 24.5, "For closures and cancellations, say closures, or press", "agent", "m"),
        Utt(26.6, 27.6, "two.", "unknown", "x"),
        Utt(32.2, 35.0, "Thanks for holding, two calls are waiting to be answered before yours.", "agent", "m"),
        Utt(42.9, 47.0, "Good day, Marcus speaking from the case handling unit. How may I help you?", "agent", "a"),
        Utt(48.3, 51.4, "I want to make a complaint about a missed engineer appointment.", "customer", "c"),
    ]
    view = _music_view(utts, 52.0, [(27.6, 32.0), (35.0, 42.9)])
    view.channels = 1
    view.utts[0].system = True
    view.utts[3].system = view.utts[3].announcement = True
    assert view.first_agent_time() == 42.9
    assert [k for k, _, _ in _waits(view)] == ["queue_wait"]


@pytest.mark.parametrize("said", [
    "I'll have to hold the call while I fetch your claim file from the other office.",
    "Could you hang fire for a minute while I check that?",
    "I'll just stick you on hold for two minutes.",
])
def test_holds_announced_in_other_words(said):
    """Silence after these, answered by "okay", is a hold, not dead air."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I was charged twice this month.", "customer", "c"),
        Utt(7.0, 11.0, said, "agent", "a"),
        Utt(11.5, 12.0, "Okay.", "customer", "c"),
        Utt(40.0, 43.0, "Right, I found the file, it was in the other system.", "agent", "a"),
    ]
    assert [k for k, _, _ in _waits(quiet_view(utts, 44.0))] == ["hold"]


@pytest.mark.parametrize("said, hands_on", [
    ("Your call's being moved to the accounts team now.", True),
    ("Your engineer visit is being moved to Tuesday.", False),
    ("I am moving you over to the new tariff from next month.", False),
    ("I will hand you back the deposit once the router is returned.", False),
    ("I will go back to the billing team and chase that for you.", False),
    ("I will not transfer you, I can sort this here.", False),
    ("I'm not able to transfer you, the line is closed.", False),
    ("Your call is being recorded for quality and training purposes.", False),
    ("I'll hand you back to the recorded voice, and the options will play again for you.", True),
    ("Give me a sec and I'll hand this call to the technical team.", True),
    ("Sir, I am transferring this call to the retention office, please be on the line.", True),
    ("I'm going to bring in the billing team, they'll take the call from here.", True),
    ("I'm going to bring in a bit more data on that.", False),
    ("Sorry, I'm going to bounce you back to the keypad menu, listen for the one that fits your query.", True),
    ("Okay, here's the plan: I'll put you on hold, have a proper route through the booking and come back.", False),
    # "route you" only word for word: fuzzily it is inside "router you"
    ("Well, actually, no, the availability just refreshed. The new router you ordered, have you got it?", False),
    ("I'll route you to the billing team now.", True),
    ("Let me forward you to the offboarding team, they'll look after you.", True),
    ("I'm forwarding your call to the accounts team now.", True),
    # "forward" only word for word: fuzzily "forward your call" is inside "the reason for your call"
    ("Good evening, you're speaking with Priya, what's the reason for your call?", False),
    ("I'll forward you a copy of the bill by email.", False),
    ("I'll forward the call recording to our complaints team.", False),
    ("I will forward your call notes to the billing team.", False),
])
def test_more_hand_over_words(said, hands_on):
    assert TransferDetector(load_config()).hands_on(said) is hands_on


@pytest.mark.parametrize("said, to", [
    ("I'm going to put your call through to our complaints team.", "customer_care"),
    ("Let me pass this over to my colleague in the payments team.", "billing"),
    ("I'll put you in the queue for the technical team.", "technical_support"),
    ("Stay on the line and you'll be connected to our care team.", "customer_care"),
    ("I'm going to return you to the options, choose two for billing.", "ivr"),
    ("I'll transfer you to sales, they'll talk you through the options.", "sales"),
    ("I'll send you a text with the details.", None),
    ("I'll send you the details by email.", None),
    # found by a helper's review of the first version
    ("Your new line will be connected to our network on Monday.", None),
    ("You'll be connected to the internet by Friday.", None),
    ("I'll pass this over to the complaints team and they'll write to you within five days.", None),
])
def test_hand_overs_in_words_written_after_the_tuning(said, to):
    """Wordings written for a check on 2026-12-07, none of them from a development bank:
    where each hands the call (None: it hands nothing on; "send you a text" is fuzzily
    "send you back")."""
    detector = TransferDetector(load_config())
    assert (detector._destination(said) if detector.hands_on(said) else None) == to


@pytest.mark.parametrize("said", [
    "Morning, retentions, you're talking to Ali.",
    "Hiya, it's Jo from customer care, I hear you've had some trouble.",
    "Hello, I understand you've been transferred from billing.",
])
def test_greetings_written_after_the_tuning(said):
    assert TransferDetector(load_config()).greeting.any(said)


@pytest.mark.parametrize("said", [
    "So I understand you've been charged twice, let me look.",   # the same agent back from a hold
    "Who are you talking to at the moment, the bank?",
])
def test_no_greeting(said):
    assert not TransferDetector(load_config()).greeting.any(said)


@pytest.mark.parametrize("said, received", [
    ("Hello, Sam here, the offers desk. They've briefed me a little.", True),
    ("Hey, Nadia, the early termination desk. I got the transfer, what's going on?", True),
    ("Hiya pet, Marcus on the payments line. Me colleague's filled us in, so what's happening?", True),
    ("I've got your transfer of fifty pounds here, it went out on Monday.", False),
    ("Did the balance transfer come through on your card?", False),
    ("Hi there, thanks for waiting, I got the answer from my colleague.", False),   # fuzzily "got the transfer"
    ("Hey, Dev here. My colleague gave me a heads up, so fill me in.", True),
    ("The warehouse gave me a heads up about the delay.", False),
    ("My manager briefed me on the new prices this morning.", False),
])
def test_receiving_agents_in_other_words(said, received):
    assert TransferDetector(load_config()).received_call(said) is received


@pytest.mark.parametrize("ask, reply, item, repeated", [
    # no question mark, no "can you": "which … did you give us" asks
    ("Which email address did you give us when you signed up", "Yes, it's nora at hotmail dot com, wait.",
     "email", False),
    # an email answer garbled past reading: "again for me" still makes it a request, asked again
    ("So sorry, the email for correspondence again for me.", "Look, I've said this, it's nora, Hot Nell.",
     "email", True),
    # the agent says it was asked already
    ("I know, you've been asked already, but could you give me the final four digits of the card?",
     "Yep, 1 2 1 2.", "card_last4", True),
    # "Please" before the item asks; "please bear with me while I check your account number" does not
    ("Please, the last four digits of your card.", "Ah yes, free free pile.", "card_last4", False),
    ("Full name, go ahead.", "I've learned that they say that wrong.", "full_name", False),
    # the security answer and the name called by other names; "once more, please" asks
    ("Just once more, please, the memorable word.", "Oh, it's Biscuit.", "security_answer", True),
    ("Would you repeat the security response for me?", "Sure, Marmalade.", "security_answer", True),
    ("Humour me, tell me the answer you chose when you joined again, would you?", "Rover.",
     "security_answer", True),
    ("I'll need the name in full once more, please.", "Ngozi Okafor.", "full_name", True),
    ("Give me the name on your passport again.", "Siobhan Kelly.", "full_name", True),
    # the ASR hears "PIN" as "plan"; a four digit plan is no phone plan
    ("Please, the four digit plan you chose.", "Hang on, 1 3 5 2.", "pin", False),
    # "state" asks, though the email answer was garbled past reading
    ("Please state the email address registered to your account.", "Rachel, not you, Matthew, who not come?",
     "email", False),
])
def test_requests_and_re_asks_in_other_words(ask, reply, item, repeated):
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I was charged twice this month.", "customer", "c"),
        Utt(10.0, 13.0, ask, "agent", "a"),
        Utt(13.5, 16.0, reply, "customer", "c"),
    ]
    assert _requests(utts, 30.0) == [(10, item, repeated)]


@pytest.mark.parametrize("ask, reply, expected", [
    ("What month and year would you like the new plan to start?", "From next month, please.", []),
    ("Please bear with me while I check your account number.", "Okay.", []),
    ("Thanks, and the expiry on the card?", "04 27.", [(10, "card_last4", False)]),
    # only the item the words are about is asked again
    ("You already gave me the account number, so can I just take your date of birth?", "12 May 1980.",
     [(10, "account_number", False), (10, "date_of_birth", False)]),
])
def test_review_sentences_that_ask_for_nothing_or_nothing_again(ask, reply, expected):
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "I'd like to pay my bill by card.", "customer", "c"),
        Utt(10.0, 13.0, ask, "agent", "a"),
        Utt(13.5, 16.0, reply, "customer", "c"),
    ]
    assert _requests(utts, 30.0) == expected


def test_a_lone_word_answering_a_greeting_is_an_answer():
    """Review: "Hiya." under a label of its own, with talk (no music) after it, answers the agent."""
    utts = [
        Utt(0.0, 6.0, "Welcome to Northwind. For billing, press 1. For sales, press 2.", "ivr", "i", system=True),
        Utt(12.0, 15.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(15.5, 16.0, "Hiya.", "unknown", "x"),
        Utt(21.0, 24.0, "Are you still there?", "agent", "a"),
        Utt(24.5, 28.0, "Yes, I was charged twice this month.", "customer", "c"),
    ]
    view = quiet_view(utts, 30.0)
    view.channels = 1
    assert view.first_agent_time() == 12.0


@pytest.mark.parametrize("asked, answer", [
    ("What postcode should we deliver the new router to?", "It's M1 4BT."),
    ("Which address should we deliver the new router to?", "Jane Doe's, 14 Mill Lane."),
    ("Can you read me the serial number on the back of the router?", "It's 7 7 3 1 9 2."),
    ("And the zip code for where you'd like the new equipment delivered?", "It's 3 4 5 4 5."),
    ("What zip code should the carrier take it to instead?", "3 4 5 4 5."),
    ("So the zip code at the address you are moving to?", "It's 9 0 2 1 0."),
    ("And the zip code where you'd like it sent?", "3 4 5 4 5."),
])
def test_a_delivery_postcode_or_a_serial_number_is_no_identity(asked, answer):
    """Not identity items, however the answer looks ("M1 4BT" is no name)."""
    utts = [
        Utt(0.0, 3.0, "Hello, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My parcel never came.", "customer", "c"),
        Utt(7.0, 9.0, asked, "agent", "a"),
        Utt(9.5, 12.0, answer, "customer", "c"),
    ]
    assert VerificationDetector(load_config()).detect(quiet_view(utts, 30.0)) == []


def test_an_address_the_bills_are_delivered_to_is_identity():
    """Found by a helper's review: "delivered to" alone is no delivery of something new."""
    utts = [
        Utt(0.0, 3.0, "Hello, how can I help?", "agent", "a"),
        Utt(3.5, 6.0, "My bill is wrong.", "customer", "c"),
        Utt(7.0, 10.0, "Before we go on, can you confirm the address your bills are delivered to?", "agent", "a"),
        Utt(10.5, 12.0, "12 Park Road.", "customer", "c"),
    ]
    assert [r.item for r in VerificationDetector(load_config()).detect(quiet_view(utts, 20.0))] == ["address"]


def test_a_garbled_ask_answered_at_once_with_a_birth_date_asked_for_the_date_of_birth():
    """"It's timed out on me, so I've lost the birthday with the year. One more time?" heard
    as "It's time to meet the lab. So I'll have to leave one more time.": no item word and no
    question mark, but the caller's "the 24th of April, 1963" says what was asked, and having
    given it before, it was asked again. (dev8: 6 of 29 date-of-birth asks lost this way.)"""
    utts = [
        Utt(0.0, 2.0, "What's your date of birth?", "agent", "a"),
        Utt(2.5, 5.0, "It's the 24th of April, 1963.", "customer", "c"),
        Utt(60.0, 64.0, "It's time to meet the lab. So I'll have to leave one more time.", "agent", "b"),
        Utt(64.5, 67.0, "Sure, the 24th of April, 1963.", "customer", "c"),
    ]
    assert _requests(utts, 70.0) == [(0, "date_of_birth", False), (60, "date_of_birth", True)]


@pytest.mark.parametrize("said, answer", [
    ("So tell me what happened there", "I've been with you since March 2009."),      # no day
    ("So tell me what happened there", "The engineer came on the 3rd of May 2025."),  # nobody asking was born then
    ("So tell me what happened there", "I may have paid 5 pounds in 1999."),         # "may" the verb
    ("So tell me what happened there", "I got 2 bills in May 2009."),                # no day beside the month
    ("Right, the policy then", "Since the 5th of January 2001."),
    # found by a helper's review: an agent saying nothing that asks
    ("Okay.", "I took it out on the 3rd of May 2011."),
    ("Let me pull up the policy", "It started on the 1st of June 2010."),
    # asked when something happened, not when they were born
    ("When did you take the policy out?", "Since the 5th of January 2001."),
    ("When did you take the policy out?", "On the 5th of January 2001."),
    ("When was the engineer there?", "The 3rd of May 2011, I think."),
    ("How long have you been with us?", "From March 1999."),
    # a year inside a reference (dev7: "It's 425 -2009 -LA.")
    ("Did they give you a job number?", "It's 425-2009-LA."),
    ("Did they give you a job number?", "It's 425 2009."),
])
def test_a_date_nobody_was_born_on_asks_for_no_date_of_birth(said, answer):
    utts = [Utt(0.0, 3.0, said, "agent", "a"), Utt(3.5, 6.0, answer, "customer", "c")]
    assert _requests(utts, 10.0) == []


@pytest.mark.parametrize("asked, answer", [
    ("When were you born?", "The 3rd of May 1971."),
    ("Which work may show night and night for you?", "The second of January 1998."),   # dev8, garbled
    ("Can I take the year?", "1985."),
    ("And the rest of it?", "12 03 1985."),
    ("And the rest of it?", "The 12th of the 3rd, 1985."),   # an ordinal is no reference
])
def test_a_date_answered_to_a_question_we_could_not_read_is_the_date_of_birth(asked, answer):
    utts = [Utt(0.0, 3.0, asked, "agent", "a"), Utt(3.5, 6.0, answer, "customer", "c")]
    assert [item for _, item, _ in _requests(utts, 10.0)] == ["date_of_birth"]


def test_a_birth_date_told_to_a_greeting_answers_no_request():
    """A caller who opens with their details answers no question."""
    utts = [Utt(0.0, 3.0, "Good morning, Sam speaking, how can I help", "agent", "a"),
            Utt(3.5, 8.0, "Hi, I'm Ann Lee, born the 2nd of June 1971, and my bill is wrong.", "customer", "c")]
    assert _requests(utts, 10.0) == []


@pytest.mark.parametrize("asked, answer, item", [
    ("For verification, please confirm the lib code of the billing address.", "Yes, that's 3 4 5 4 5.", "postcode"),
    ("I'll be needing the mid code we'd have on record.", "Okay, 9 1 3 6 6.", "postcode"),
    ("What was the most code where you live?", "It's M1 2 AB.", "postcode"),
    ("What's the security code you set up with us?", "It's 4 1 2 9.", "pin"),
    ("And what's the phone code you set up with us?", "It's 4 1 2 9.", "pin"),   # not like zip or post
    # both words misheard (dev4, dev7), said of the account or the record
    ("What was the post come on your record?", "It's 6 1 2 1 2.", "postcode"),
    ("Let's go over the nip cone, where the account is registered, one more time.", "6 1 2 1 2.", "postcode"),
    ("I'll need to ask for your post to come under account once more.", "It's W1 5 2JR.", "postcode"),
])
def test_a_word_and_code_is_the_postcode_misheard(asked, answer, item):
    """Whisper hears "zip code" as "mid code", "lib code", "most code" (dev3, dev5, dev7): a
    word sounding like "zip" or "post" before "code" asks for the postcode, unless it names
    another code ("pin code", "pass code", "sort code")."""
    utts = [Utt(0.0, 3.0, asked, "agent", "a"), Utt(3.5, 6.0, answer, "customer", "c")]
    assert [item for _, item, _ in _requests(utts, 10.0)] == [item]


@pytest.mark.parametrize("asked", [
    "Can you read me the OTP code we just texted you?", "What's the last code that came through?",
    "Can you read me the app code on your screen?",
])
def test_other_codes_are_no_postcode(asked):
    utts = [Utt(0.0, 3.0, asked, "agent", "a"), Utt(3.5, 6.0, "It's 4 1 2 9 3 3.", "customer", "c")]
    assert "postcode" not in [item for _, item, _ in _requests(utts, 10.0)]


def test_the_post_coming_is_no_postcode_heard():
    """Both words misheard count only said of the account or the record: the post coming is post."""
    from audio_pipeline.detect.verification import _code_heard

    assert _code_heard("Did the post come to your home today?") is None
    assert _code_heard("Did the post come yet?") is None
    assert _code_heard("What was the post come on your record?") is not None


@pytest.mark.parametrize("asked, item", [
    # found by a helper's review: delivery words that are everyday words too
    ("Before moving to your query, can I take your postcode?", "postcode"),
    ("Okay, we'll skip that question, can I take your date of birth instead?", "date_of_birth"),
    ("And can I confirm the address where you'd like the bills to go?", "address"),
])
def test_words_near_a_delivery_do_not_hide_an_identity_ask(asked, item):
    answer = {"postcode": "It's M1 4BT.", "date_of_birth": "The 3rd of May 1980.", "address": "12 Park Road."}[item]
    utts = [Utt(0.0, 3.0, asked, "agent", "a"), Utt(3.5, 6.0, answer, "customer", "c")]
    assert [i for _, i, _ in _requests(utts, 10.0)] == [item]


def test_a_menu_whose_first_department_was_misheard_keeps_its_keys():
    """Whisper's transcript of the retentions_transfer sample's menu on a fresh install
    ("billing" heard as "willing"): with no department before the first key nor after the
    last, the ends do not say the order, and the full stop before each "For" does: key 3 is
    customer care, not sales."""
    heard = ("Welcome to the IPEC Broadband. Call may be recorded. For willing, press 1. For technical support. "
             "Press 2. For customer care. Press 3. For sale. Press 4. To discuss canceling your account. Press 5.")
    options = TransferDetector(load_config()).menu_options(heard)
    assert options == {"2": "technical_support", "3": "customer_care", "4": "sales", "5": "retentions"}
    # no stop between key and "for": the key comes first
    assert TransferDetector(load_config()).menu_options(
        "Press one for billing. Press two for sales. Press three for technical support.") == {
        "1": "billing", "2": "sales", "3": "technical_support"}


def test_a_goodbye_deep_in_an_utterance_is_no_return_from_a_hold():
    """dev4: "Just loading your account", six seconds of quiet, then "There it is" and, five
    sentences into the same utterance, "thank you for being a valued customer" (fuzzily "thank
    you for being patient"): a goodbye, so the quiet was a look-up, dead air. Thanks said first
    is the agent back from a hold, when the quiet lasted longer than a look-up."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to check my last bill.", "customer", "c"),
        Utt(5.5, 7.0, "Just loading your account.", "agent", "a"),
        Utt(13.0, 22.0, "There it is. Was there anything else you wanted to go over? No, I think that covers it. "
                        "It was a pleasure speaking with you. Thank you for being a valued customer.", "agent", "a"),
    ]
    assert _waits(quiet_view(utts, 25.0)) == [("dead_air", 7, 13)]
    # (Thanks said first after 6 s of it is still a look-up: see resumed_only_min_s.)
    utts[3] = Utt(13.0, 22.0, "Right. Okay. Thanks for being patient, there it is.", "agent", "a")
    assert _waits(quiet_view(utts, 25.0)) == [("dead_air", 7, 13)]
    utts[3] = Utt(27.0, 36.0, "Right. Okay. Thanks for being patient, there it is.", "agent", "a")
    assert _waits(quiet_view(utts, 39.0)) == [("hold", 7, 27)]
    # (sentences of a word or two do not count towards the three)
    utts[3] = Utt(27.0, 36.0, "Hello? Hi. Okay. Right, thanks for being patient, there it is.", "agent", "a")
    assert _waits(quiet_view(utts, 39.0)) == [("hold", 7, 27)]


def test_hand_over_words_loosely_like_a_hold_leave_the_wait_the_transfers():
    """dev4: "I'll put you on to the retention specialists" is, loosely heard, "put you on
    hold"; with the new agent's "thank you for holding" after the music it outweighed the
    hand-over, and the transfer's wait was a hold."""
    utts = [
        Utt(0.0, 3.0, "Technical support, Jo speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I want to cancel my contract.", "customer", "c"),
        Utt(5.5, 10.0, "No problem. I'll put you on to the retention specialists, they're the ones who look "
                       "after that.", "agent", "a"),
        Utt(10.5, 12.0, "This is the second time I'm being sent there.", "customer", "c"),
        Utt(20.0, 23.0, "Thank you for holding, this is Sophie. How can I assist?", "agent", "a"),
    ]
    assert _waits(_music_view(utts, 25.0, [(12.5, 20.0)])) == [("transfer_wait", 12, 20)]


def test_a_menu_the_asr_cut_in_pieces_is_a_recording_and_the_music_after_it_a_queue():
    """dev6: sent back to the menu, whose options the ASR cut in two ("… tap one, the case
    handling unit press the two key" / "this is the three key …"), then a cough heard as
    "your", then queue music: no piece offers two keys alone, but together they are the menu,
    and the music after it (and after the cough) is the caller queueing, not a hold."""
    utts = [
        Utt(0.0, 3.0, "Retentions, Ann speaking, how can I help?", "agent", "A"),
        Utt(3.5, 5.0, "I need to report a fault.", "customer", "C"),
        Utt(5.5, 9.5, "Sorry, I'm going to bounce you back to the menu, pick the one that fits.", "agent", "A"),
        Utt(10.0, 11.0, "Okay, fine.", "customer", "C"),
        Utt(11.5, 18.0, "If you want to give notice or end your agreement tap one the case handling unit press "
                        "the two key", "agent", "M"),
        Utt(19.5, 22.5, "this is the three key the technical lads", "agent", "M"),
        Utt(24.0, 25.5, "your", "unknown", "U"),
        Utt(45.0, 48.0, "Technical lads, Sophie here, go ahead.", "agent", "B"),
        Utt(48.5, 50.0, "The app keeps crashing.", "customer", "C"),
    ]
    view = _built_view(utts, 52.0, [(26.0, 45.0)], channels=1)
    assert [u.system for u in view.utts[4:7]] == [True, True, False]
    assert _waits(view) == [("queue_wait", 26, 45)]
    # an agent's sentences that name a key each are talk
    talk = [Utt(0.0, 3.0, "Hold the 1 key down for me.", "agent", "A"),
            Utt(4.0, 6.0, "And now the 3 key as well, both together.", "agent", "A")]
    assert [u.system for u in _built_view(talk, 10.0, [], channels=1).utts] == [False, False]
    talk = [Utt(0.0, 3.0, "When you ring back, for fraud it's option 1.", "agent", "A"),
            Utt(4.0, 6.0, "If it's about a card, that's option 2.", "agent", "A")]
    assert [u.system for u in _built_view(talk, 10.0, [], channels=1).utts] == [False, False]


def test_a_hold_recording_in_a_voice_of_its_own_does_not_split_the_hold():
    """dev4 (mono): "Your call is on hold, please stay connected and an advisor will return
    shortly", heard as "call in on gold …" in a diarization label of its own, over the music
    of a hold: a recording inside the hold, which goes on to the agent's return."""
    utts = [
        Utt(0.0, 3.0, "Welcome to Northwind. For billing, press 1. For faults, press 2.", "ivr", "I"),
        Utt(5.0, 8.0, "Faults, Jo speaking, how can I help?", "agent", "A"),
        Utt(8.5, 10.0, "My router keeps dropping.", "customer", "C"),
        Utt(10.5, 14.0, "Is it okay if I put you on hold for about three minutes?", "agent", "A"),
        Utt(14.5, 15.5, "Sure.", "customer", "C"),
        Utt(36.0, 40.5, "call in on gold, please stay connected and an admirer will return shortly.", "agent", "R"),
        Utt(55.0, 58.0, "Sorry, that took a bit longer than I'd hoped.", "agent", "A"),
        Utt(58.5, 59.5, "No worries.", "customer", "C"),
    ]
    view = _built_view(utts, 62.0, [(16.0, 55.0)], channels=1)
    assert _waits(view) == [("hold", 16, 55)]


def test_a_prompt_after_the_menu_choice_is_the_same_visit_to_the_ivr():
    """dev2: the caller picks an option, then the system asks for the account number before
    anyone answers: no agent had the call yet, so that prompt is no "back in the IVR"."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 12.0, "Welcome to Acme Bank. To speak to customer service, press 1. To speak to accounts, "
                       "press 2. For new business, press 3.", "ivr", "ivr", system=True),
        Utt(14.0, 18.0, "Please key in your account number, then press the pound key.", "ivr", "ivr", system=True),
        Utt(30.0, 33.0, "New business, Tom speaking, how can I help?", "agent", "a"),
        Utt(33.5, 36.0, "I'd like to open a savings account.", "customer", "c"),
        Utt(36.5, 40.0, "Sure, I can set that up for you today.", "agent", "a"),
    ]
    view = quiet_view(utts, 45.0)
    view.keys = [KeyEntry(12.5, 12.6, "3"), KeyEntry(19.0, 22.0, "12345678#")]
    hand_overs, path = _hand_overs(view)
    assert hand_overs == []
    assert path == ["ivr", "sales"]


def _worded_rows(utts: list[tuple[float, str, str, str]], pause_after: dict[str, float] | None = None):
    """Utterance and word rows as the ASR writes them: (start, text, role, speaker), words 0.3 s
    apart, and a pause of ``pause_after[word]`` seconds after the first such word."""
    pause_after = dict(pause_after or {})
    rows, words = [], []
    for i, (start, text, role, speaker) in enumerate(utts):
        t = start
        for word in text.split():
            words.append({"utterance_id": i, "start_s": t, "end_s": t + 0.25, "word": word})
            t += 0.3 + pause_after.pop(word, 0.0)
        rows.append({"utterance_id": i, "start_s": start, "end_s": t, "text": text, "role": role, "speaker": speaker})
    return rows, words


def test_an_utterance_the_caller_answered_in_the_middle_of_is_two():
    """dev2 (stereo): the ASR ran the agent channel's "Kindly stay on the line, I am transferring
    your call to customer service" and, after the caller's "Fine." in the pause, the next agent's
    "Welcome to the customer relations team, how can I help you?" into one utterance; the
    hand-over and the greeting are two turns, and the call was transferred."""
    from audio_pipeline.detect import view_of

    said = [
        (0.0, "Sales, Tom speaking, how can I help?", "agent", "agent"),
        (3.0, "What's the setup fee?", "customer", "customer"),
        (5.0, "Kindly stay on the line, I am transferring your call to customer service. Welcome to the "
              "customer relations team, Sophie on the line. How can I help you?", "agent", "agent"),
        (10.0, "Fine.", "customer", "customer"),
        (15.5, "My order never arrived.", "customer", "customer"),
    ]
    rows, words = _worded_rows(said, {"service.": 1.6})
    view = view_of("split", 20.0, 2, rows, words, [], quiet_view([], 20.0).frames, [], load_config())
    agent = [u.text for u in view.utts if u.role == "agent"]
    assert agent[1:] == ["Kindly stay on the line, I am transferring your call to customer service.",
                         "Welcome to the customer relations team, Sophie on the line. How can I help you?"]
    assert _hand_overs(view)[0] == [(5, "sales", "customer_care")]
    # the caller's "Fine." between the two pieces, in time order as every detector reads them
    assert [u.start for u in view.utts] == sorted(u.start for u in view.utts)
    # a pause nobody spoke in leaves the utterance whole
    rows, words = _worded_rows(said[:3] + said[4:], {"service.": 1.6})
    view = view_of("whole", 20.0, 2, rows, words, [], quiet_view([], 20.0).frames, [], load_config())
    assert len([u for u in view.utts if u.role == "agent"]) == 2
    # the caller's "okay"s between the hand-over and the agent's next sentences leave the music
    # after them the transfer's
    said = [
        (0.0, "Sales, Tom speaking, how can I help?", "agent", "agent"),
        (3.0, "I want a refund.", "customer", "customer"),
        (5.0, "Right, I'm transferring you to the billing team now. They look after refunds every day. "
              "Give them a moment to pick up.", "agent", "agent"),
        (8.6, "Okay.", "customer", "customer"),
        (10.9, "Lovely.", "customer", "customer"),
        (30.0, "Right, so about that refund you wanted.", "agent", "agent"),   # greeting lost
    ]
    rows, words = _worded_rows(said, {"now.": 1.0, "day.": 1.0})
    frames = quiet_view([], 35.0).frames
    frames.music[int(16.0 / HOP):int(30.0 / HOP)] = True
    view = view_of("okays", 35.0, 2, rows, words, [], frames, [], load_config())
    assert len([u for u in view.utts if u.role == "agent"]) == 5
    assert _waits(view) == [("transfer_wait", 14, 30)]


def test_a_check_in_heard_badly_still_makes_the_silence_after_it_a_hold():
    """dev7 (stereo): "Ope, me again. Taking longer than I thought, mind holding a little
    longer?" heard as "… mine folding a little longer", the caller's "Go ahead, I'll wait", 28 s
    of silence, then "That's me off hold now" heard as "off fold": a silent hold, not dead air."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I was charged twice.", "customer", "c"),
        Utt(6.0, 10.0, "Fold, me again. Taking longer than I thought, mine folding a little longer.", "agent", "a"),
        Utt(10.5, 11.5, "Go ahead, I'll wait.", "customer", "c"),
        Utt(40.0, 44.0, "That's me off fold now. And camera so much for waving.", "agent", "a"),
    ]
    assert _waits(quiet_view(utts, 46.0)) == [("hold", 12, 40)]


def test_a_blip_before_the_new_agents_greeting_leaves_the_greeting_after_the_wait():
    """dev8 (mono): the hand-over garbled ("Look at the right people … I'm trying to explain to
    you now"), nine seconds of music, a third of a second of the caller's line, then the next
    agent's "… what can I do for you, love?": the greeting is what came after the wait, so the
    music was the transfer's, not an unannounced hold."""
    from audio_pipeline.detect import view_of

    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "A"),
        Utt(3.5, 5.5, "I'm thinking of leaving, the price keeps going up.", "customer", "C"),
        Utt(6.0, 10.0, "Look at the right people. I'm trying to explain to you now.", "agent", "A"),
        Utt(10.5, 11.5, "For sure.", "customer", "C"),
        Utt(22.8, 27.0, "You've got Grace at the contract options team. What can I do for you, love?", "agent", "B"),
        Utt(27.5, 30.0, "The price has gone up again.", "customer", "C"),
    ]
    frames = quiet_view([], 32.0).frames
    frames.music[int(12.0 / HOP):int(21.0 / HOP)] = True
    rows = [{"utterance_id": i, "start_s": u.start, "end_s": u.end, "text": u.text, "role": u.role,
             "speaker": u.speaker} for i, u in enumerate(utts)]
    turns = [{"start_s": u.start, "end_s": u.end, "role": u.role} for u in utts]
    turns.append({"start_s": 21.0, "end_s": 21.35, "role": "customer"})
    view = view_of("blip", 32.0, 1, rows, [], [], frames, sorted(turns, key=lambda t: t["start_s"]), load_config())
    assert [w for w in _waits(view) if w[0] == "hold"] == []


def test_the_callers_thanks_filed_with_an_agent_do_not_hide_the_hand_over_before_the_music():
    """dev3 (mono): "I will get you connected to the care team now, just stay on the line for me",
    the caller's "Lekker." and "Thanks" filed under agent labels, then the music until the next
    agent: the wait is the transfer's, not a hold."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "A"),
        Utt(3.5, 5.5, "I want to update my details.", "customer", "C"),
        Utt(6.0, 11.0, "I will get you connected to the care team now, just stay on the line for me.", "agent", "A"),
        Utt(11.5, 11.9, "Lekker.", "agent", "B"),
        Utt(12.2, 12.5, "Thanks", "agent", "A"),
        Utt(24.0, 26.0, "Oh, it's yourself again. Grace speaking.", "agent", "B"),
        Utt(26.5, 28.0, "I need to update the details on my account.", "customer", "C"),
    ]
    view = _music_view(utts, 30.0, [(12.6, 23.8)])
    view.channels = 1
    assert _waits(view) == [("transfer_wait", 12, 24)]


@pytest.mark.parametrize("again", [
    "I'll need the four digit clients from your welcome letter.",   # "four digit PIN" (dev7)
    "Sorry, it didn't save. What were the four digits PM for phoning queries?",
    "Could you give me the phone PN, please?",
])
def test_a_pin_asked_again_in_misheard_words_is_still_the_pin(again):
    """Whisper base hears "PIN" as "clients", "PM" or "PN": four digits asked for with nothing
    else named and no card, or "phone PN" word for word, is the PIN."""
    utts = [
        Utt(0.0, 3.0, "Can you give me your four digit PIN, please?", "agent", "a"),
        Utt(3.5, 5.0, "It's 6 6 5 7.", "customer", "c"),
        Utt(40.0, 43.0, again, "agent", "a"),
        # (not the same digits again, which alone would say what was asked)
        Utt(43.5, 45.0, "Hang on, I've got the letter here somewhere.", "customer", "c"),
    ]
    assert _requests(utts, 50.0) == [(0, "pin", False), (40, "pin", True)]


@pytest.mark.parametrize("asked", [
    "Could you read me the last four digits of the card?",
    "What are the four digits on the front of your card?",
    "And the last four digits of your account number?",
    "Can you read me the four digits at the end of the number?",
    "And what are the four digits after the 07?",
])
def test_four_digits_of_a_card_or_a_number_are_no_pin(asked):
    utts = [Utt(0.0, 3.0, asked, "agent", "a"), Utt(3.5, 5.0, "It's 4 4 1 2.", "customer", "c")]
    assert "pin" not in [i for _, i, _ in _requests(utts, 10.0)]


@pytest.mark.parametrize("again", [
    "please risque to the first name and surname both.",   # "please restate", Whisper base
    "Please, the first name and surname, both.",
])
def test_a_short_sentence_opening_on_please_asks_for_the_item_it_names(again):
    utts = [
        Utt(0.0, 3.0, "Can I take your first name and surname?", "agent", "a"),
        Utt(3.5, 5.0, "Megan Turner.", "customer", "c"),
        Utt(40.0, 43.0, again, "agent", "a"),
        Utt(43.5, 45.0, "Why does nobody keep this? Megan Turner.", "customer", "c"),
    ]
    assert _requests(utts, 50.0) == [(0, "full_name", False), (40, "full_name", True)]


@pytest.mark.parametrize("said", [
    "Please hold while I check your date of birth on the system.",
    "Please stay on the line while I check your postcode.",
    "Please bear with me, I'm looking up your account number.",
    "Please don't share your PIN with anyone.",
    "Please make sure your postcode is up to date.",
    "Please check your email for the confirmation.",
    "Please call us if your phone number changes.",
    "Please ensure your date of birth is correct on the form.",
    "Please look out for a text to your mobile.",
])
def test_please_before_waiting_or_getting_ready_asks_for_nothing(said):
    utts = [Utt(0.0, 3.0, said, "agent", "a"), Utt(9.5, 11.0, "Okay.", "customer", "c")]
    assert _requests(utts, 20.0) == []


@pytest.mark.parametrize("asked, item", [
    ("Where are you living at the minute? Number and street.", "address"),
    ("What's the name on the driving license?", "full_name"),
    ("Can you confirm the name on the licence for me?", "full_name"),
])
def test_more_ways_of_asking_for_an_address_or_a_name(asked, item):
    utts = [Utt(0.0, 3.0, asked, "agent", "a"), Utt(3.5, 5.0, "Sure.", "customer", "c")]
    assert [i for _, i, _ in _requests(utts, 10.0)] == [item]


@pytest.mark.parametrize("asked", [
    "The account PIN. Again.",
    "I have to check the PIN myself. So once more, please.",
])
def test_again_said_right_after_the_request_asks_it_again(asked):
    """The first ask was not heard; "again" in the few words after the request says the
    agent knows the caller gave it."""
    utts = [Utt(40.0, 43.0, asked, "agent", "a"), Utt(43.5, 45.0, "It's 6 3 0 1.", "customer", "c")]
    assert _requests(utts, 50.0) == [(40, "pin", True)]
    # "thanks again" is no asking again, nor is "again" that goes on about something else
    for said in ("The account PIN, please. Thanks again.", "Can I take your PIN? Again, just for security purposes.",
                 "What's your PIN? Apologies again.", "What's your PIN? Sorry, say again?"):
        utts[0] = Utt(40.0, 43.0, said, "agent", "a")
        assert _requests(utts, 50.0) == [(40, "pin", False)], said


@pytest.mark.parametrize("undo", [
    "Hold. No, you don't need to hold.",
    "Oh, there we are, you won't need to hold after all.",
])
def test_a_hold_taken_back_with_no_need_to_hold_is_no_hold(undo):
    """dev9 (stereo): "On hold for a sec. Oh, there we are, no, you don't need to hold." and
    a look-up's silence later is dead air, not that hold."""
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.5, "There's a fee on my bill.", "customer", "c"),
        Utt(6.0, 10.0, f"I'll put you on hold for a sec. {undo}", "agent", "a"),
        Utt(10.5, 11.5, "Okay.", "customer", "c"),
        Utt(12.0, 13.0, "One sec, looking.", "agent", "a"),
        Utt(23.0, 25.0, "Okay, the fee was a late payment charge.", "agent", "a"),
    ]
    assert "hold" not in [k for k, _, _ in _waits(_music_view(utts, 30.0, []))]


@pytest.mark.parametrize("said", [
    "Membership team can sort this, I'm putting the call through to them now.",
    "I'm putting your call through to the billing team now.",
])
def test_putting_the_call_through_hands_it_on(said):
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I've a question about my bill.", "customer", "c"),
        Utt(6.0, 10.0, said, "agent", "a"),
        Utt(10.5, 11.0, "Go ahead.", "customer", "c"),
        Utt(25.0, 28.0, "Hello, you're through to Marcus, what's the trouble?", "agent", "b"),
        Utt(28.5, 30.0, "It's about my bill.", "customer", "c"),
    ]
    hand_overs, _ = _hand_overs(_transfer_view(utts, 40.0))
    assert [(t, f) for t, f, _ in hand_overs] == [(6, "sales")]


def test_an_agent_saying_the_call_was_transferred_to_their_team_takes_it_at_once():
    """dev9 (mono): the caller's "yep, that's fine" was filed with the new agent's label, and the
    new agent spoke 0.7 s after it: "you've been transferred to" word for word, naming another
    department, is the hand-over without the pause a transfer otherwise needs."""
    utts = [
        Utt(0.0, 3.0, "Sales, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "My signal keeps dropping.", "customer", "c"),
        Utt(6.0, 9.5, "going around to call the service desk, stand alone for me.", "agent", "a"),
        Utt(10.0, 11.0, "Yeah, that's", "agent", "b"),
        Utt(11.0, 11.3, "fine.", "agent", "a"),
        Utt(12.0, 16.0, "Hi, you've been transferred to the technical support team, I'm Raj. What do you need?",
            "agent", "b"),
        Utt(16.5, 18.0, "My signal keeps dropping.", "customer", "c"),
    ]
    view = _transfer_view(utts, 30.0)
    view.channels = 1
    hand_overs, path = _hand_overs(view)
    assert path == ["sales", "technical_support"]



def test_a_new_voice_saying_it_got_the_transfer_takes_the_call_straight_after_the_caller():
    """dev9p (mono): "you're going through the nearly termination" (the "to" lost, so no
    hand-over read), the caller's "yes, okay" under the agent's label, and 0.6 s later a new
    label: "I got the transfer, what's going on?" is the receiving agent."""
    utts = [
        Utt(0.0, 3.0, "Billing, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I'd like to cancel my contract.", "customer", "c"),
        Utt(6.0, 9.5, "Thanks for waiting. You're going through the nearly termination.", "agent", "a"),
        Utt(10.0, 11.0, "Yes, okay.", "agent", "a"),
        Utt(11.6, 16.0, "Okay, the early termination desk. I got the transfer. What's going on?", "agent", "b"),
        Utt(16.5, 18.0, "I'd like to cancel my contract.", "customer", "c"),
        Utt(18.5, 20.0, "Why is that?", "agent", "b"),
    ]
    view = _transfer_view(utts, 30.0)
    view.channels = 1
    hand_overs, path = _hand_overs(view)
    assert len(hand_overs) == 1 and path[0] == "billing"


def test_where_are_you_calling_from_is_no_address():
    utts = [Utt(0.0, 3.0, "And where are you calling from today?", "agent", "a"),
            Utt(3.5, 5.0, "From home.", "customer", "c")]
    assert _requests(utts, 10.0) == []


def test_a_hold_goes_on_when_the_agent_says_you_need_not_write_anything_down():
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.5, "There's a fee on my bill.", "customer", "c"),
        Utt(6.0, 10.0, "I'll put you on hold while I check that. You don't need to write anything down.", "agent", "a"),
        Utt(10.5, 11.0, "Okay.", "customer", "c"),
        Utt(30.0, 32.0, "Thanks for holding, the fee was a late payment charge.", "agent", "a"),
    ]
    assert "hold" in [k for k, _, _ in _waits(_music_view(utts, 40.0, []))]


@pytest.mark.parametrize("said", [
    "I'm just putting your card through now.",
    "Ah, I see you've been transferred to technical support before on this.",
])
def test_a_card_put_through_or_an_earlier_transfer_mentioned_is_no_hand_over(said):
    utts = [
        Utt(0.0, 3.0, "Billing, Tom speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "I'd like to pay my bill.", "customer", "c"),
        Utt(5.5, 8.0, said, "agent", "a"),
        Utt(8.5, 9.5, "Okay, thanks.", "customer", "c"),
        Utt(10.0, 12.0, "That's gone through, anything else?", "agent", "a"),
    ]
    hand_overs, path = _hand_overs(_transfer_view(utts, 20.0))
    assert hand_overs == [] and path == ["billing"]


@pytest.mark.parametrize("said, to", [
    ("Right, your call's going through to the billing team now.", "billing"),
    ("I'll kick you back to the automated menu.", "ivr"),
    ("Sorry, I will have to return you to the keypad options.", "ivr"),
    ("I'm moving the call over to the sales team.", "sales"),
])
def test_more_hand_over_words_and_names_for_the_menu(said, to):
    """dev9 (new wording, scored unseen first): "your call's going through to", "kick you
    back to", "the keypad options"; not "the payment is going through to your bank"."""
    det = TransferDetector(load_config())
    assert det.hands_on(said) and det._destination(said) == to
    assert not det.hands_on("The payment is going through to your bank now.")


@pytest.mark.parametrize("said, hands_on", [
    ("Your call is now being transferred to the gas correlation.", True),   # dev10: "guest relations"
    ("I'll put you on to the billing team.", True),
    ("I'll pop you through to billing.", True),
    ("I'll put you on through to my colleague now, won't be a moment.", True),
    ("I'm sorry you keep being transferred to billing and back, let me just check something.", False),
    # dev10: "I'll pop you on hold, love, won't be two minutes", garbled: fuzzily "pop you through"
    ("I'll pop you on though, lumb, won't be two minutes.", False),
])
def test_words_that_hand_the_call_on(said, hands_on):
    assert TransferDetector(load_config()).hands_on(said) is hands_on


def test_an_agent_the_call_had_before_picking_up_after_a_hand_over_to_nowhere_heard_is_a_loop():
    """dev10 (mono): "Your call is now being transferred to the gas correlation." (no department
    made of it), and the agent the caller spoke to first picks up: "It's great again, love, you
    come back around for me." The hand-over went back to them, a loop."""
    utts = [
        Utt(0.0, 3.0, "Good afternoon, Grace speaking, how can I help?", "agent", "A"),
        Utt(3.5, 6.0, "I need to update the details on my account.", "customer", "C"),
        Utt(6.5, 9.0, "Sure, I'll pass you over to the smart meter team.", "agent", "A"),
        Utt(9.5, 10.5, "Okay.", "customer", "C"),
        Utt(25.0, 28.0, "Hello, this is Oliver of the smart meter team, how may I help?", "agent", "B"),
        Utt(28.5, 31.0, "My router won't connect at all.", "customer", "C"),
        Utt(31.5, 34.0, "I'll run a line test now.", "agent", "B"),
        Utt(34.5, 35.5, "Okay.", "customer", "C"),
        Utt(36.0, 39.0, "Your call is now being transferred to the gas correlation.", "agent", "B"),
        Utt(39.5, 41.0, "That's where I came from.", "customer", "C"),
        Utt(55.0, 58.0, "It's great again, love, you come back around for me.", "agent", "A"),
        Utt(58.5, 61.0, "I want to make a complaint.", "customer", "C"),
        Utt(61.5, 64.0, "Of course, tell me what happened.", "agent", "A"),
        Utt(64.5, 66.0, "Nobody turned up.", "customer", "C"),
    ]
    view = quiet_view(utts, 70.0)
    view.channels = 1
    transfers, _ = TransferDetector(load_config()).detect(view)
    assert [(round(t.start), t.loop) for t in transfers] == [(6, False), (36, True)]


def test_a_complaint_cut_off_from_the_value_given_again_is_read_with_it():
    """dev9p: "Sawa, the card, only its last four numbers please." came out the second time as
    "So the card's only sliced for numbers, believe.", and the caller's "I gave all of that at
    the start." and "6177." as two utterances: the complaint is read with the value after it,
    so the card was asked for again. A reply that is no complaint is not joined to what follows."""
    def asked(complaint: str) -> list[tuple[int, str, bool]]:
        utts = [
            Utt(0.0, 3.0, "Billing, Tom speaking, how can I help?", "agent", "a"),
            Utt(3.5, 5.5, "I've been charged twice this month.", "customer", "c"),
            Utt(6.0, 9.0, "Could you read me the last four numbers on your card, please?", "agent", "a"),
            Utt(9.5, 11.0, "It's 6177.", "customer", "c"),
            Utt(12.0, 15.0, "Thanks, I can see both payments on the account.", "agent", "a"),
            Utt(15.5, 17.0, "Good.", "customer", "c"),
            Utt(30.0, 32.5, "So the card's only sliced for numbers, believe.", "agent", "a"),
            Utt(32.9, 34.2, complaint, "customer", "c"),
            Utt(35.9, 36.3, "6177.", "customer", "c"),
        ]
        return _requests(utts, 40.0)

    assert asked("I gave all of that at the start.") == [(6, "card_last4", False), (30, "card_last4", True)]


def test_giving_all_of_it_before_is_a_complaint_of_being_asked_again():
    detector = VerificationDetector(load_config())
    assert detector._complains("I gave all of that at the start. 6177.", strict=True)
    assert detector._complains("Chale, I have said it before. 4821.", strict=True)
    for said in ("I gave the parcel to the neighbour.", "I gave all that money to you last month.",
                 "We've been over this bridge before.", "He said it before he left.",
                 "We've been through all this damp since January."):
        assert not detector._complains(said, strict=True), said


def test_the_key_pressed_after_a_menu_read_past_reading_starts_a_queue_not_a_hold():
    """dev10 (stereo): the menu came out as an agent's words ("You often plan for the
    collections of it. …", no key heard in it), and the key the caller pressed after it as the
    word "I'm" on the caller's channel. The music after that is the queue's: the caller was
    choosing from the menu, not agreeing to a hold."""
    from audio_pipeline.detect.dtmf import KeyEntry

    utts = [
        Utt(0.0, 9.9, "Welcome to Globe X Energy. Enter your account number now, then hash.", "ivr", "i", system=True),
        Utt(15.1, 25.8, "You often plan for the collections of it. You often do for the home mode team.", "agent", "a"),
        Utt(27.4, 28.4, "I'm", "customer", "c"),
        Utt(36.3, 40.6, "Please send the line and we'll answer as soon as we can.", "agent", "a",
            system=True, announcement=True),
        Utt(54.1, 58.6, "Hi, Oliver at the win back desk, what can I do for you?", "agent", "a"),
        Utt(59.4, 61.9, "I'm thinking of leaving, the price has gone up again.", "customer", "c"),
    ]
    view = quiet_view(utts, 65.0)
    view.frames.music[int(28.5 / HOP):int(54.0 / HOP)] = True
    keyed = [KeyEntry(11.8, 14.6, "99843052#")]
    view.keys = keyed + [KeyEntry(27.62, 27.72, "4")]
    assert [w for w in _waits(view) if w[0] in ("hold", "queue_wait")] == [("queue_wait", 28, 54)]
    # without the key in the caller's "I'm", the same words and music read as a hold: the key decides
    view.keys = keyed
    assert [w for w in _waits(view) if w[0] in ("hold", "queue_wait")] == [("hold", 28, 54)]
    # a PIN typed in for an agent while saying "done" is no menu choice: still a hold
    utts[1] = Utt(15.1, 25.8, "Could you tap your PIN in for me? Then let me just check that.", "agent", "a")
    utts[2] = Utt(27.4, 28.4, "Done.", "customer", "c")
    utts[4] = Utt(54.1, 58.6, "Thanks for holding, that's all verified now.", "agent", "a")
    view = quiet_view(utts, 65.0)
    view.frames.music[int(28.5 / HOP):int(54.0 / HOP)] = True
    view.keys = keyed + [KeyEntry(27.1, 27.9, "4821")]
    assert [w for w in _waits(view) if w[0] in ("hold", "queue_wait")] == [("hold", 28, 54)]
    # the caller's own "okay" with no key in it, after words of holding, stays a hold
    utts[1] = Utt(15.1, 25.8, "I'll pop you on hold for a moment while I check with the move team.", "agent", "a")
    utts[2] = Utt(27.4, 28.4, "Okay.", "customer", "c")
    view = quiet_view(utts, 65.0)
    view.frames.music[int(28.5 / HOP):int(54.0 / HOP)] = True
    view.keys = keyed
    assert [w for w in _waits(view) if w[0] in ("hold", "queue_wait")] == [("hold", 28, 54)]


def _mono_view_with_music(said: list[tuple[float, float, str, str, str]], duration: float,
                          music: tuple[float, float]):
    """A mono call built as ``analyze`` builds one: (start, end, text, speaker, role) rows,
    each its own turn, and music from ``music[0]`` to ``music[1]``."""
    from audio_pipeline.detect import view_of

    rows = [{"utterance_id": n, "start_s": a, "end_s": b, "text": text, "role": role, "speaker": who}
            for n, (a, b, text, who, role) in enumerate(said)]
    turns = [{"start_s": a, "end_s": b, "role": role} for a, b, _, _, role in said]
    frames = quiet_view([], duration).frames
    frames.music[int(music[0] / HOP):int(music[1] / HOP)] = True
    return view_of("mono", duration, 1, rows, [], [], frames, turns, load_config())


def test_a_word_between_two_pieces_of_a_recording_is_the_recordings():
    """dev10 (mono): the hold's recording "You are on hold. Please do not hang up …" came out
    as "Aronto," and "do not hang up …" under the recording's label with "please" under an
    agent's between them: one recording, so the hold goes on through it, not two holds."""
    said = [
        (0.0, 3.0, "Good afternoon, this is Dev, how can I help?", "A", "agent"),
        (3.5, 5.0, "I'm thinking of leaving.", "C", "customer"),
        (5.5, 9.0, "I'm gonna put you on a brief hold here, just while I check with the move team.", "A", "agent"),
        (9.5, 10.5, "Yep, that's okay.", "C", "customer"),
        (40.0, 40.5, "Aronto,", "R", "ivr"),
        (41.2, 41.6, "please", "B", "agent"),
        (41.6, 44.5, "do not hang up. Your call has not been forgotten.", "R", "ivr"),
        (80.0, 84.0, "That's me back on the line, thanks for waiting.", "A", "agent"),
        (84.5, 86.0, "No problem.", "C", "customer"),
    ]
    view = _mono_view_with_music(said, 90.0, (11.0, 79.5))
    assert [w for w in _waits(view) if w[0] == "hold"] == [("hold", 10, 80)]   # from the "okay" (10.5 s)


def test_an_agents_hello_between_two_pieces_of_the_queues_recording_picks_the_call_up():
    """Mono: the agent's "Hello?" under a second from the queue recording's pieces either side
    is no piece of it: a greeting or a question is someone picking up."""
    said = [
        (0.0, 3.5, "Thanks for calling. For billing, press 1. For sales, press 2.", "R", "ivr"),
        (15.0, 18.0, "All our advisers are busy.", "R", "ivr"),
        (22.8, 23.4, "Your call", "R", "ivr"),
        (23.5, 23.9, "Hello?", "A", "agent"),
        (24.3, 26.0, "is important to us.", "R", "ivr"),
        (29.5, 31.0, "Hi, yes, I'm here.", "C", "customer"),
        (31.5, 34.0, "Sorry about the wait, how can I help?", "A", "agent"),
    ]
    view = _mono_view_with_music(said, 40.0, (4.0, 29.0))
    hello = next(u for u in view.utts if u.text == "Hello?")
    assert not hello.announcement and not hello.system
