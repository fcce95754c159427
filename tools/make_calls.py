#!/usr/bin/env python3
"""Synthesise realistic contact-centre call recordings with ground truth.

Every call is built from scripted "acts" (IVR menu, queue, greeting,
verification, holds, dead air, overtalk, transfers, closing).  Speech comes
from espeak-ng (MBROLA voices when installed), keypad entries are real DTMF
tones and hold/queue music is synthesised here.  Because we place every clip
ourselves, the ground truth (segment times, holds, transfers...) is exact and
is written beside each audio file as JSON of the same stem.

    python tools/make_calls.py --samples sample_calls/
    python tools/make_calls.py --random 20 --seed 7 --out /tmp/devcalls
    python tools/make_calls.py --check sample_calls/

Only stdlib, numpy, scipy and the espeak-ng / ffmpeg binaries are needed.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import signal

SR = 8000  # telephone rate for everything we write
AGENT_CH, CUSTOMER_CH = 0, 1

DEPARTMENTS = ["billing", "technical_support", "customer_care", "sales", "retentions"]
DEPT_SPOKEN = {
    "billing": "billing",
    "technical_support": "technical support",
    "customer_care": "customer care",
    "sales": "sales",
    "retentions": "retentions",
    "ivr": "the main menu",
}
IDENTITY_ITEMS = ["account_number", "date_of_birth", "postcode", "address", "phone_number",
                  "card_last4", "full_name", "security_answer", "email", "pin"]
FORMATS = {  # name -> (file extension, ffmpeg codec args or None for plain PCM WAV)
    "wav": ("wav", None),
    "mulaw": ("wav", ["-c:a", "pcm_mulaw"]),
    "alaw": ("wav", ["-c:a", "pcm_alaw"]),
    "flac": ("flac", ["-c:a", "flac", "-compression_level", "8"]),
    "mp3": ("mp3", ["-c:a", "libmp3lame", "-b:a", "24k"]),
    # 32 kb/s: at 16 kb/s libopus's SILK stereo coder folds stereo calls to near-mono (the
    # agent leaks into the customer channel at full level); from 24 kb/s up the two sides stay
    # ~50 dB apart, and 32 kb/s leaves a margin.  Mono files just get a little more headroom.
    "opus": ("ogg", ["-c:a", "libopus", "-b:a", "32k", "-application", "voip"]),
}


# --------------------------------------------------------------------------- voices / TTS

@dataclass(frozen=True)
class Voice:
    name: str            # espeak-ng voice, e.g. "mb-us1" or "en-gb+m3"
    gender: str          # "f" or "m"; used to keep call partners distinct
    pitch: int = 50      # espeak -p (0-99)
    speed: int = 165     # espeak -s (words per minute)
    level_db: float = -20.0  # RMS level the utterances are normalised to


MBROLA_VOICES = [Voice("mb-us1", "f"), Voice("mb-us2", "m"), Voice("mb-us3", "m"), Voice("mb-en1", "m")]
ESPEAK_VOICES = [Voice("en-us+f3", "f"), Voice("en-gb+f2", "f"), Voice("en-us+f2", "f"),
                 Voice("en-gb-x-rp+f4", "f"), Voice("en-gb+m3", "m"), Voice("en-us+m1", "m"),
                 Voice("en-gb-scotland+m2", "m"), Voice("en-us+m7", "m")]


def mbrola_available() -> bool:
    """MBROLA voices need the Debian contrib packages (mbrola, mbrola-us1...)."""
    return shutil.which("mbrola") is not None and Path("/usr/share/mbrola/us1").exists()


class Tts:
    """espeak-ng wrapper: synthesise, resample to 8 kHz, trim, normalise; cached."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.cache: dict[tuple, np.ndarray] = {}

    def speak(self, voice: Voice, text: str) -> np.ndarray:
        key = (voice, text)
        if key not in self.cache:
            wav = self.workdir / "tts.wav"
            cmd = ["espeak-ng", "-v", voice.name, "-p", str(voice.pitch), "-s", str(voice.speed),
                   "-w", str(wav), "--stdin"]
            subprocess.run(cmd, input=text.encode(), check=True, capture_output=True)
            audio, rate = read_wav(wav)
            audio = trim_silence(resample(audio, rate, SR))
            self.cache[key] = set_rms(audio, voice.level_db)
        return self.cache[key]


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        raw = w.readframes(w.getnframes())
        rate, nch = w.getframerate(), w.getnchannels()
    x = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    return x.reshape(-1, nch).mean(axis=1), rate


def resample(x: np.ndarray, src: int, dst: int) -> np.ndarray:
    if src == dst:
        return x
    g = math.gcd(src, dst)
    return signal.resample_poly(x, dst // g, src // g).astype(np.float32)


_TELEPHONE_SOS = signal.butter(4, [300, 3400], btype="bandpass", fs=SR, output="sos")


def trim_silence(x: np.ndarray, rel_db: float = -35.0) -> np.ndarray:
    """Cut TTS lead-in/out so segment times are tight.  Activity is judged on the
    telephone band only: espeak tails carry low-frequency breath that the line
    filter removes later, which would otherwise leave ~150 ms of "silent speech"."""
    fl = SR // 100  # 10 ms frames
    n = len(x) // fl
    if n == 0:
        return x
    band = signal.sosfiltfilt(_TELEPHONE_SOS, x) if len(x) > 30 else x
    rms = np.sqrt(np.mean(band[: n * fl].reshape(n, fl) ** 2, axis=1) + 1e-12)
    active = np.nonzero(rms > max(rms.max() * 10 ** (rel_db / 20), 1e-4))[0]
    if len(active) == 0:
        return x[:0]
    start = max(0, active[0] - 1) * fl
    end = min(len(x), (active[-1] + 2) * fl)
    return x[start:end]


def set_rms(x: np.ndarray, level_db: float) -> np.ndarray:
    rms = float(np.sqrt(np.mean(x ** 2))) if len(x) else 0.0
    return x if rms == 0 else (x * (10 ** (level_db / 20) / rms)).astype(np.float32)


# --------------------------------------------------------------------------- non-speech sounds

DTMF_ROWS = {"1": 697, "2": 697, "3": 697, "A": 697, "4": 770, "5": 770, "6": 770, "B": 770,
             "7": 852, "8": 852, "9": 852, "C": 852, "*": 941, "0": 941, "#": 941, "D": 941}
DTMF_COLS = {"1": 1209, "4": 1209, "7": 1209, "*": 1209, "2": 1336, "5": 1336, "8": 1336, "0": 1336,
             "3": 1477, "6": 1477, "9": 1477, "#": 1477, "A": 1633, "B": 1633, "C": 1633, "D": 1633}


def dtmf(digits: str, rng: random.Random, tone_s: float = 0.1) -> np.ndarray:
    """Real dual-tone keypresses, 100 ms each, with human-like gaps between keys."""
    t = np.arange(int(tone_s * SR)) / SR
    ramp = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.004)  # avoid clicks
    parts = []
    for i, d in enumerate(digits):
        tone = 0.18 * (np.sin(2 * np.pi * DTMF_ROWS[d] * t) + np.sin(2 * np.pi * DTMF_COLS[d] * t))
        parts.append((tone * ramp).astype(np.float32))
        if i < len(digits) - 1:
            parts.append(np.zeros(int(rng.uniform(0.12, 0.35) * SR), np.float32))
    return np.concatenate(parts)


def ringback(seconds: float, uk: bool) -> np.ndarray:
    """Ringing tone heard while a transfer connects (UK double ring or US 2s/4s)."""
    n = int(seconds * SR)
    t = np.arange(n) / SR
    if uk:
        tone = np.sin(2 * np.pi * 400 * t) + np.sin(2 * np.pi * 450 * t)
        ph = t % 3.0
        gate = ((ph < 0.4) | ((ph > 0.6) & (ph < 1.0))).astype(np.float32)
    else:
        tone = np.sin(2 * np.pi * 440 * t) + np.sin(2 * np.pi * 480 * t)
        gate = ((t % 6.0) < 2.0).astype(np.float32)
    return (0.05 * tone * gate).astype(np.float32)


# Instrument-like timbres: (partials as (ratio, amplitude), decay seconds or None=sustain, attack s)
INSTRUMENTS = {
    "piano": ([(1, 1), (2, .5), (3, .3), (4, .2), (5, .1), (6, .05)], 1.8, 0.005),
    "organ": ([(1, 1), (2, .6), (3, .4), (4, .3), (6, .2), (8, .12)], None, 0.03),
    "pad": ([(1, 1), (2, .5), (3, .33), (4, .25), (5, .2), (6, .16)], None, 0.35),
    "marimba": ([(1, 1), (3.93, .35), (9.2, .08)], 0.5, 0.003),
    "bell": ([(1, 1), (2.76, .4), (5.4, .2), (8.9, .1)], 1.4, 0.002),
    "flute": ([(1, 1), (2, .2), (3, .08)], None, 0.07),
    "bass": ([(1, 1), (2, .6), (3, .3)], 0.9, 0.01),
}
MAJOR = [0, 2, 4, 5, 7, 9, 11]
PROGRESSIONS = [[0, 5, 3, 4], [0, 3, 4, 0], [1, 4, 0, 5], [0, 4, 5, 3], [5, 3, 0, 4], [0, 2, 3, 4]]


def midi_hz(m: float) -> float:
    return 440.0 * 2 ** ((m - 69) / 12)


def note(freq: float, dur: float, inst: str, amp: float) -> np.ndarray:
    partials, decay, attack = INSTRUMENTS[inst]
    t = np.arange(int(dur * SR)) / SR
    vib = 1 + (0.004 * np.sin(2 * np.pi * 5 * t) if inst == "flute" else 0)
    out = np.zeros_like(t)
    for ratio, a in partials:
        f = freq * ratio
        if f >= SR / 2 * 0.95:  # no aliasing at 8 kHz
            continue
        env = np.exp(-t * ratio ** 0.5 / decay) if decay else 1.0
        out += a * env * np.sin(2 * np.pi * f * vib * t)
        if inst == "pad":  # slightly detuned twin -> chorus / string-section feel
            out += 0.7 * a * np.sin(2 * np.pi * f * 1.004 * t)
    env = np.minimum(1.0, t / attack) * np.minimum(1.0, (dur - t) / 0.04)
    return (amp * out * env).astype(np.float32)


def compose_music(seconds: float, rng: random.Random, level_db: float = -24.0) -> np.ndarray:
    """A looping hold-music piece: chords + bass + melody with random timbres and key."""
    tempo = rng.uniform(72, 124)
    beat = 60.0 / tempo
    root = rng.randint(55, 66)
    prog = rng.choice(PROGRESSIONS)
    chord_inst = rng.choice(["piano", "organ", "pad", "marimba"])
    mel_inst = rng.choice(["flute", "bell", "piano", "marimba", "organ"])
    arpeggio = chord_inst in ("piano", "marimba") or rng.random() < 0.3
    bars = 8
    loop = np.zeros(int(bars * 4 * beat * SR) + SR, np.float32)

    def put(t0: float, x: np.ndarray) -> None:
        i = int(t0 * SR)
        loop[i:i + len(x)] += x[: len(loop) - i]

    def scale_note(degree: int, octave: int = 0) -> int:
        return root + MAJOR[degree % 7] + 12 * (degree // 7 + octave)

    mel_deg = rng.randint(2, 6)
    for bar in range(bars):
        t_bar = bar * 4 * beat
        deg = prog[bar % len(prog)]
        chord = [scale_note(deg + k) for k in (0, 2, 4)]
        if arpeggio:
            pattern = chord + [chord[1]] + chord + [chord[1] + 12]
            for k, m in enumerate(pattern):
                put(t_bar + k * beat / 2, note(midi_hz(m), beat * 0.9, chord_inst, 0.12))
        else:
            for m in chord:
                put(t_bar, note(midi_hz(m), 4 * beat * 0.98, chord_inst, 0.08))
        for b in (0, 2):
            put(t_bar + b * beat, note(midi_hz(scale_note(deg, -2)), beat * 1.8, "bass", 0.2))
        t = 0.0
        while t < 4:  # melody: random walk on the scale, held notes and rests
            d = rng.choice([0.5, 1, 1, 1, 1.5, 2])
            d = min(d, 4 - t)
            if rng.random() > 0.12:
                mel_deg = max(0, min(11, mel_deg + rng.choice([-2, -1, -1, 0, 1, 1, 2])))
                put(t_bar + t * beat, note(midi_hz(scale_note(mel_deg, 1)), d * beat * 0.95, mel_inst, 0.15))
            t += d
    loop = loop[: int(bars * 4 * beat * SR)]
    reps = int(math.ceil(seconds * SR / len(loop)))
    out = np.tile(loop, reps)[: int(seconds * SR)]
    fade = min(len(out) // 2, int(0.08 * SR))
    if fade:
        ramp = np.linspace(0, 1, fade, dtype=np.float32)
        out[:fade] *= ramp
        out[-fade:] *= ramp[::-1]
    return set_rms(out, level_db)


# --------------------------------------------------------------------------- timeline + ground truth

@dataclass
class Clip:
    start: int          # sample index
    audio: np.ndarray
    channel: int        # AGENT_CH (system side) or CUSTOMER_CH


@dataclass
class Speaker:
    id: str
    role: str           # "ivr" | "agent" | "customer"
    department: str | None
    voice: Voice
    name: str = ""      # agent first name used in greetings


class Call:
    """Places audio clips on a two-sided timeline and records the ground truth."""

    def __init__(self, call_id: str, tts: Tts, rng: random.Random):
        self.call_id, self.tts, self.rng = call_id, tts, rng
        self.clips: list[Clip] = []
        self.cursor = 0  # end of the latest clip / pause, in samples
        self.speakers: dict[str, Speaker] = {}
        self.segments: list[dict] = []
        self.keypad: list[dict] = []
        self.music: list[dict] = []
        self.holds: list[dict] = []
        self.queue_wait: list[dict] = []
        self.dead_air: list[dict] = []
        self.overtalk: list[dict] = []
        self.non_holds: list[dict] = []
        self.verification_requests: list[dict] = []
        self.distractor_requests: list[dict] = []
        self.transfers: list[dict] = []
        self.path: list[str] = []
        self.given: set[str] = set()        # identity items the customer already provided
        self._wait_open: list[dict] = []    # holds / queue waits closed by the next agent utterance
        self._dead_open: list[dict] = []    # dead air closed by the next utterance of anyone

    # -- low level
    def place(self, audio: np.ndarray, channel: int, start: int | None = None) -> tuple[int, int]:
        start = self.cursor if start is None else start
        self.clips.append(Clip(start, audio, channel))
        self.cursor = max(self.cursor, start + len(audio))
        return start, start + len(audio)

    def pause(self, seconds: float) -> None:
        self.cursor += int(seconds * SR)

    def add_speaker(self, sid: str, role: str, department: str | None, voice: Voice, name: str = "") -> Speaker:
        sp = Speaker(sid, role, department, voice, name)
        self.speakers[sid] = sp
        return sp

    @property
    def department(self) -> str | None:
        return self.path[-1] if self.path else None

    # -- speech
    def say(self, sid: str, text: str, gap: float | None = None, interrupt: float = 0.0,
            at: int | None = None) -> dict:
        """Speak `text`.  gap: silence before (default: natural turn gap).
        interrupt: start this many seconds before the previous utterance ends (overtalk)."""
        sp = self.speakers[sid]
        audio = self.tts.speak(sp.voice, text)
        ch = CUSTOMER_CH if sp.role == "customer" else AGENT_CH
        prev = self.segments[-1] if self.segments else None
        if at is not None:
            start = at
        elif interrupt > 0 and prev and prev["_end"] - prev["_start"] > (interrupt + 0.4) * SR:
            start = prev["_end"] - int(interrupt * SR)
        else:
            interrupt = 0.0
            start = self.cursor + int((self.rng.uniform(0.25, 0.75) if gap is None else gap) * SR)
        start, end = self.place(audio, ch, start)
        if interrupt > 0:
            self.overtalk.append({"_start": start, "_end": min(end, prev["_end"])})
        for rec in self._dead_open:
            rec["_end"] = start
        self._dead_open.clear()
        if sp.role == "agent":  # holds and queue waits end when an agent speaks again
            for rec in self._wait_open:
                rec["_end"] = start
            self._wait_open.clear()
        seg = {"speaker": sid, "_start": start, "_end": end, "text": text}
        self.segments.append(seg)
        return seg

    def ask(self, sid: str, item: str, text: str, **kw) -> dict:
        seg = self.say(sid, text, **kw)
        self.verification_requests.append({"_time": seg["_start"], "item": item, "speaker": sid,
                                           "repeated": item in self.given, "text": text})
        return seg

    def answer(self, item: str, text: str, **kw) -> dict:
        seg = self.say("customer", text, **kw)
        self.given.add(item)
        return seg

    def distractor(self, sid: str, kind: str, text: str, **kw) -> dict:
        seg = self.say(sid, text, **kw)
        self.distractor_requests.append({"_time": seg["_start"], "kind": kind, "text": text})
        return seg

    def non_hold(self, sid: str, kind: str, text: str, **kw) -> dict:
        seg = self.say(sid, text, **kw)
        self.non_holds.append({"_time": seg["_start"], "kind": kind})
        return seg

    # -- other events
    def keys(self, digits: str, item: str | None = None, gap: float | None = None) -> None:
        gap = self.rng.uniform(0.8, 2.0) if gap is None else gap
        start, end = self.place(dtmf(digits, self.rng), CUSTOMER_CH, self.cursor + int(gap * SR))
        self.keypad.append({"_start": start, "_end": end, "digits": digits, "item": item})
        if item:
            self.given.add(item)

    def music_bed(self, seconds: float, announcements: list[tuple[float, str]] = (),
                  lead: float = 0.5) -> None:
        """Music on the system side with recorded announcements (spoken by 'ivr') over it."""
        music = compose_music(seconds, self.rng, level_db=self.rng.uniform(-27, -22))
        start = self.cursor + int(lead * SR)
        for offset, text in announcements:
            audio = self.tts.speak(self.speakers["ivr"].voice, text)
            a0 = int(offset * SR)
            a1 = min(len(music), a0 + len(audio))
            duck = np.ones(len(music), np.float32)  # lower the music under the announcement
            r0, r1 = max(0, a0 - int(0.3 * SR)), min(len(music), a1 + int(0.3 * SR))
            duck[r0:r1] = 0.2
            music *= signal.convolve(duck, np.ones(800) / 800, mode="same").astype(np.float32)
            self.say("ivr", text, at=start + a0)
        self.place(music, AGENT_CH, start)
        self.cursor = start + len(music)
        self.music.append({"_start": start, "_end": start + len(music)})

    def start_wait(self, kind: str, seconds: float, announcements: list[tuple[float, str]] = ()) -> None:
        """A hold ('music' / 'silent') or the queue ('queue'); it ends when an agent next speaks."""
        rec = {"_start": self.cursor, "_end": None}
        if kind == "queue":
            self.queue_wait.append(rec)
        else:
            rec["kind"] = kind
            self.holds.append(rec)
        self._wait_open.append(rec)
        if kind == "silent":
            self.pause(seconds)
        else:
            self.music_bed(seconds, announcements, lead=self.rng.uniform(0.3, 1.0))

    def silence(self, seconds: float) -> None:
        """Unannounced dead air; it ends when anyone speaks next."""
        self._dead_open.append({"_start": self.cursor, "_end": None})
        self.dead_air.append(self._dead_open[-1])
        self.pause(seconds)

    def ring(self, seconds: float, uk: bool) -> None:
        self.place(ringback(seconds, uk), AGENT_CH, self.cursor + int(0.4 * SR))

    def enter(self, department: str) -> None:
        self.path.append(department)

    def transfer(self, sid: str, to_department: str, text: str, **kw) -> dict:
        """Agent-initiated transfer.  It is a loop when the destination, the IVR menu
        included, was already visited on this call."""
        seg = self.say(sid, text, **kw)
        self.transfers.append({"_time": seg["_start"], "from_department": self.department,
                               "to_department": to_department,
                               "loop": to_department in self.path})
        self.enter(to_department)
        return seg

    # -- output
    def render(self, tail_s: float = 0.6) -> np.ndarray:
        n = self.cursor + int(tail_s * SR)
        out = np.zeros((n, 2), np.float32)
        for c in self.clips:
            out[c.start:c.start + len(c.audio), c.channel] += c.audio[: n - c.start]
        return out

    def ground_truth(self, audio_name: str, channels: int, n_samples: int) -> dict:
        s = lambda v: round(v / SR, 3)  # noqa: E731

        def spans(recs, keys=()):
            return [{"start_s": s(r["_start"]), "end_s": s(r["_end"] if r["_end"] is not None else n_samples),
                     **{k: r[k] for k in keys}} for r in recs]

        def timed(recs, keys):
            return [{"time_s": s(r["_time"]), **{k: r[k] for k in keys}} for r in recs]

        role_order = {"ivr": 0, "agent": 1, "customer": 2}
        used = {r["speaker"] for r in self.segments}  # e.g. no 'ivr' if nothing was announced
        speakers = sorted((p for p in self.speakers.values() if p.id in used), key=lambda p: role_order[p.role])
        segs = sorted(self.segments, key=lambda r: r["_start"])
        # a department (or the IVR menu) entered again after the call left it; the IVR can
        # only be re-entered by a transfer, which is then already flagged as a loop
        revisits = any(d in self.path[:i] and self.path[i - 1] != d
                       for i, d in enumerate(self.path) if i)
        return {
            "call_id": self.call_id,
            "audio": audio_name,
            "duration_s": s(n_samples),
            "sample_rate": SR,
            "channels": channels,
            "agent_channel": AGENT_CH,
            "speakers": [{"id": p.id, "role": p.role, "department": p.department, "voice": p.voice.name}
                         for p in speakers],
            "segments": [{"speaker": r["speaker"], "start_s": s(r["_start"]), "end_s": s(r["_end"]),
                          "text": r["text"]} for r in segs],
            "keypad": spans(self.keypad, ("digits", "item")),
            "music": spans(self.music),
            "holds": spans(self.holds, ("kind",)),
            "queue_wait": spans(self.queue_wait),
            "dead_air": spans(self.dead_air),
            "overtalk": spans(self.overtalk),
            "non_holds": timed(self.non_holds, ("kind",)),
            "verification_requests": timed(self.verification_requests, ("item", "speaker", "repeated", "text")),
            "distractor_requests": timed(self.distractor_requests, ("kind", "text")),
            "transfers": timed(self.transfers, ("from_department", "to_department", "loop")),
            "department_path": list(self.path),
            "transfer_loop": any(t["loop"] for t in self.transfers) or revisits,
        }


# --------------------------------------------------------------------------- customer profile

FIRST_F = ["Sarah", "Emily", "Hannah", "Olivia", "Laura", "Megan", "Rachel", "Jessica"]
FIRST_M = ["Daniel", "James", "Michael", "Robert", "Thomas", "Peter", "Andrew", "Chris"]
SURNAMES = ["Hughes", "Walker", "Bennett", "Carter", "Morgan", "Turner", "Fisher", "Palmer", "Reed"]
AGENT_F = ["Maria", "Priya", "Chloe", "Aisha", "Emma", "Grace", "Nadia", "Sophie"]
AGENT_M = ["Dev", "Tom", "Marcus", "Oliver", "Sam", "Raj", "Luke", "Ben"]
STREETS = ["Hawthorn Road", "Maple Avenue", "Church Lane", "Station Road", "Elm Street",
           "Victoria Close", "Park Drive", "Mill Lane"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
       "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth"]
UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
COMPANIES = ["Acme Bank", "Northwind Telecom", "Globex Energy", "Initech Broadband", "Contoso Mobile"]


def spoken_digits(digits: str, group: int = 4) -> str:
    """'40715326' -> '4 0 7 1, 5 3 2 6' so the TTS reads digit by digit with a pause."""
    chunks = [digits[i:i + group] for i in range(0, len(digits), group)]
    return ", ".join(" ".join(c) for c in chunks)


def year_words(y: int) -> str:
    if 2000 <= y < 2010:
        return "two thousand and " + UNITS[y - 2000] if y > 2000 else "two thousand"
    hi, lo = divmod(y, 100)
    hi_w = TEENS[hi - 10] if hi < 20 else "twenty"
    if lo == 0:
        return hi_w + " hundred"
    if lo < 10:
        return f"{hi_w} oh {UNITS[lo]}"
    if lo < 20:
        return f"{hi_w} {TEENS[lo - 10]}"
    return f"{hi_w} {TENS[lo // 10]} {UNITS[lo % 10]}".strip()


@dataclass
class Profile:
    """A customer's identity values, both as spoken text and as keypad digits."""
    uk: bool
    first: str
    last: str
    values: dict[str, str]     # item -> spoken form
    keyed: dict[str, str]      # item -> keypad digits
    security_question: str


SECURITY_QUESTIONS = [("What was the name of your first pet?", ["Biscuit", "Rex", "Poppy", "Max"]),
                      ("What's your mother's maiden name?", SURNAMES),
                      ("What's the name of your first school?", ["Oakfield", "St Mary's", "Hillside"])]


def make_profile(rng: random.Random, gender: str, uk: bool,
                 questions: list[tuple[str, list[str]]] = SECURITY_QUESTIONS) -> Profile:
    first = rng.choice(FIRST_F if gender == "f" else FIRST_M)
    last = rng.choice(SURNAMES)
    acct = str(rng.randint(10_000_000, 99_999_999))
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2004)
    dob = (f"the {ORD[day - 1]} of {MONTHS[month - 1]}, {year_words(year)}" if uk
           else f"{MONTHS[month - 1]} {ORD[day - 1]}, {year_words(year)}")
    if uk:
        L = "ABDEFGHJLMNPRSTWY"
        pc = f"{rng.choice(L)} {rng.choice(L)} {rng.randint(1, 20)}, {rng.randint(1, 9)} {rng.choice(L)} {rng.choice(L)}"
        phone = "0 7 " + " ".join(str(rng.randint(0, 9)) for _ in range(3)) + ", " + spoken_digits(
            "".join(str(rng.randint(0, 9)) for _ in range(6)), 3)
    else:
        pc = spoken_digits(str(rng.randint(10_000, 99_999)), 5)
        phone = spoken_digits(str(rng.randint(200, 999)), 3) + ", " + spoken_digits(
            str(rng.randint(200, 999)), 3) + ", " + spoken_digits(str(rng.randint(1000, 9999)))
    card = str(rng.randint(1000, 9999))
    pin = str(rng.randint(1000, 9999))
    question, answer = rng.choice([(q, rng.choice(answers)) for q, answers in questions])
    domain = rng.choice(["gmail dot com", "outlook dot com", "yahoo dot com", "hotmail dot co dot uk"])
    values = {
        "account_number": spoken_digits(acct), "date_of_birth": dob, "postcode": pc,
        "address": f"{rng.randint(2, 180)} {rng.choice(STREETS)}", "phone_number": phone,
        "card_last4": " ".join(card), "full_name": f"{first} {last}", "security_answer": answer,
        "email": f"{first.lower()} dot {last.lower()} at {domain}", "pin": " ".join(pin),
    }
    keyed = {"account_number": acct, "pin": pin, "date_of_birth": f"{day:02d}{month:02d}{year}",
             "card_last4": card}
    return Profile(uk, first, last, values, keyed, question)


# --------------------------------------------------------------------------- phrase banks

ASK = {
    "account_number": ["Can I take your account number, please?", "What's the number on the account?",
                       "Could you read me your account number?", "Do you have your account number handy?"],
    "date_of_birth": ["Can I take your date of birth?", "When were you born?", "And your date of birth, please?",
                      "Could you confirm your date of birth for me?"],
    "postcode": ["What's the {pc} on the account?", "Can you confirm your {pc} for me?",
                 "And the {pc} at the billing address?"],
    "address": ["Can you confirm the first line of your address?", "What's the address we have on file?",
                "Could you give me your home address?"],
    "phone_number": ["What's the phone number on the account?", "Can you confirm the phone number registered with us?",
                     "And the best contact number we hold for you?"],
    "card_last4": ["Read me the last four on the card.", "Can I have the last four digits of the card you pay with?",
                   "What are the last four digits of your card?"],
    "full_name": ["Can I take your full name, please?", "Who am I speaking with today?",
                  "Could you give me the full name on the account?"],
    "security_answer": ["For security, can you answer your memorable question? {q}", "{q}",
                        "Can you answer the security question for me? {q}"],
    "email": ["What's the email address on the account?", "Could you confirm your email for me?",
              "And which email address do we have for you?"],
    "pin": ["Can I take the four digit PIN on the account?", "Could you give me your telephone PIN?",
            "What's your security PIN?"],
}
ITEM_NOUN = {"account_number": "account number", "date_of_birth": "date of birth", "postcode": "{pc}",
             "address": "address", "phone_number": "phone number", "card_last4": "last four digits of the card",
             "full_name": "full name", "security_answer": "security answer", "email": "email address",
             "pin": "PIN"}
REASK = ["Sorry, can I take your {noun} again?", "Just for security on my side, could you confirm your {noun} once more?",
         "Before we go on, can you give me your {noun}?"]
ANSWER = ["Sure, it's {v}.", "{v}.", "Yeah, {v}.", "It should be {v}.", "Okay, {v}."]
COMPLAIN = ["I already gave you that! It's {v}.", "I literally just told the last person. {v}.",
            "Again? Okay, it's {v}.", "I already put that in on the keypad. {v}.",
            "Seriously, I've said this twice now. {v}."]
IVR_COLLECT = {
    "account_number": ["Please enter your account number, followed by the {hash} key.",
                       "Using your keypad, enter your eight digit account number, then press {hash}."],
    "date_of_birth": ["Please key in your date of birth as eight digits, day, month and year, followed by {hash}."],
    "pin": ["Please enter your four digit telephone PIN, followed by the {hash} key."],
    "card_last4": ["Please enter the last four digits of the card on your account, then press {hash}."],
}
DISTRACTORS = {
    "order_number": (["Do you have the order number there?", "What's the order reference, please?"],
                     lambda r: spoken_digits(str(r.randint(100000, 999999)), 3)),
    "tracking_number": (["Can you read me the tracking number from the email?"],
                        lambda r: "T R, " + spoken_digits(str(r.randint(1000000, 9999999)), 3)),
    "ticket_number": (["Do you have the ticket number from your last call?", "What was the reference number they gave you?"],
                      lambda r: spoken_digits(str(r.randint(100000, 999999)), 3)),
    "new_delivery_postcode": (["And what's the {pc} for the new delivery address?",
                               "Where should we send it instead? What's the {pc} there?"], None),
}
HOLD_ANNOUNCE = ["Let me put you on hold for a moment.", "Bear with me, I'll just place you on a brief hold.",
                 "I'm going to pop you on hold while I check that, okay?", "Can I place you on hold for two minutes?",
                 "I'll just put you on a short hold while I speak to my colleague."]
ACK = ["Sure.", "Okay, no problem.", "Yeah, that's fine.", "Okay.", "Alright, thanks."]
RESUME = ["Thanks for holding.", "Thank you for your patience, I'm back.", "Sorry about the wait, thanks for holding.",
          "Hi, thanks for waiting."]
CHECKIN = ["Still there? I just need another minute.", "Hi, I'm still checking, bear with me another minute or two.",
           "Just checking you're still there, I won't be long."]
CHECKIN_REPLY = ["Yes, still here.", "Yep.", "Okay, I'm here."]
PATIENCE = ["Thank you for your patience. Your call is important to us, please stay on the line.",
            "Thanks for holding. An agent will be with you shortly.", "We appreciate your patience. Please continue to hold."]
QUEUE_ANN = ["Your call is important to us. Please hold and the next available agent will be with you.",
             "All of our agents are currently busy. You are number {n} in the queue.",
             "Did you know you can manage your account online? Visit our website to find out more."]
CANCELLED_HOLD = ["I'll put you on hold for a sec. Actually, no, I have it here.",
                  "Let me just place you on hold. Oh wait, never mind, it's come up now.",
                  "Bear with me, I'll pop you on hold. Actually, sorry, no need, I can see it."]
PRESS_HOLD = ["Can you press and hold the power button on the router for ten seconds?",
              "Press and hold the reset button until the light starts flashing.",
              "Hold down the power button and the volume key together for a few seconds."]
HOLD_MENTION = ["I was on hold for forty minutes yesterday, you know.", "I've already been holding for ages today."]
TRANSFER = ["Let me transfer you to {d}.", "I'm going to put you through to our {d} team, they'll be able to help.",
            "That's one for {d}, I'll connect you now.", "I'll transfer you over to {d}, please stay on the line.",
            "I can't do that from here, but I'll pass you to {d}."]
TO_IVR = ["I'll send you back to the main menu so you can choose the right option.",
          "I'm going to return you to the automated menu, just pick the right option from there."]
LOOP_COMPLAINT = ["Wait, I've already spoken to {d}!", "They sent me to you in the first place!",
                  "Back to {d}? I've just come from there."]
GREET = ["Thanks for calling {d}, this is {n}, how can I help?", "{D}, you're speaking to {n}.",
         "Good morning, {d} team, {n} speaking. How can I help you today?",
         "Hi, you're through to {d}, my name's {n}. What can I do for you?"]
GREET_TRANSFERRED = ["{D}, this is {n}. I understand you've been transferred, how can I help?",
                     "Hi, it's {n} in {d}. I've got your details through from my colleague."]
REASON = {
    "billing": ["I've been charged twice for my bill this month.", "There's a fee on my statement that I don't recognise.",
                "I'd like to change the date my direct debit comes out."],
    "technical_support": ["My internet keeps dropping out every evening.", "My router won't connect at all since yesterday.",
                          "The app keeps crashing whenever I try to log in."],
    "customer_care": ["I want to make a complaint about a missed engineer appointment.", "My order never arrived.",
                      "I need to update the details on my account."],
    "sales": ["I'd like to upgrade my package.", "I'm interested in the new fibre plan I saw advertised.",
              "Can I add a second line to my account?"],
    "retentions": ["I'd like to cancel my contract.", "I'm thinking of leaving, the price has gone up again."],
}
BODY = {
    "billing": [("I can see two payments of forty two pounds fifty on the third.", "Yes, that's the one, why did that happen?"),
                ("That fee is a late payment charge from last month.", "But I paid on time, I have the receipt."),
                ("I've refunded the duplicate payment, it should be back in three to five working days.", "Great, thank you.")],
    "technical_support": [("I'm running a line test now, it takes about a minute.", "Okay."),
                          ("Are all the lights on the router green at the moment?", "The internet light is flashing orange."),
                          ("I've reset the connection from our side, can you try loading a web page?", "Yes, it's working now.")],
    "customer_care": [("I can see the engineer was booked for Tuesday between eight and one.", "Nobody turned up, I waited all morning."),
                      ("I've added a note and a goodwill credit of twenty pounds to the account.", "Okay, that's something at least."),
                      ("I can update that for you now, it will take effect straight away.", "Perfect.")],
    "sales": [("The fibre plan is thirty five pounds a month on an eighteen month contract.", "And is there a setup fee?"),
              ("There's no setup fee if you order today, and the router is included.", "Sounds good."),
              ("I can add a second line for ten pounds a month.", "Okay, let's do it.")],
    "retentions": [("I can see you've been with us for six years, I'd hate to lose you.", "Well the price keeps going up."),
                   ("I can offer you the same package for twenty pounds less per month.", "Really? For how long?"),
                   ("That would be locked in for the next twelve months.", "Okay, that changes things.")],
}
LONG_AGENT = ["So what I'm going to do now is check the history on the account, and then I'll explain the options we have.",
              "Basically what happened is that the system generated a new bill before the old payment had cleared.",
              "So the way it works is that the first month is charged in advance, and then the rest goes out on the same date."]
INTERRUPT = ["Sorry, can I just say, I've already tried that.", "Wait, hang on, that's not what I asked.",
             "Sorry, sorry, but that doesn't make sense to me."]
AFTER_INTERRUPT = ["Sorry, go ahead.", "Of course, sorry, carry on.", "No problem, let me explain again."]
LOOKUP_PRE = ["Okay.", "Right.", "Let me see.", "Mm hm."]
LOOKUP_POST = ["Right, I've got it here.", "Sorry, the system is slow today. Okay.", "Okay, I can see it now."]
CLOSE = [("Is there anything else I can help with today?", "No, that's everything, thanks."),
         ("Anything else I can do for you?", "No, that's all, thank you.")]
BYE = ["Thanks for calling {c}, have a great day.", "Thank you for calling, take care. Bye now.",
       "You're welcome. Have a lovely evening."]
CALLBACK = [("I'll need to escalate this, could you call us back tomorrow morning?", "Okay, I'll call back tomorrow."),
            ("The team that handles this has gone home, please give us a call back tomorrow after nine.", "Fine, tomorrow then.")]


PRESS_HOLD_REPLY = ["Okay, done.", "Right, I'm holding it now.", "Okay, the light is flashing."]
CUSTOMER_BYE = ["Bye.", "Thanks, bye.", "Cheers, bye."]

# Banks a phrasing provides, with the placeholders each may use.  tools/phrasings_heldout.py
# (the unseen test bank), tools/phrasings_dev2.py, tools/phrasings_dev3.py, tools/phrasings_dev4.py,
# tools/phrasings_dev5.py, tools/phrasings_dev6.py, tools/phrasings_dev7.py, tools/phrasings_dev8.py and
# tools/phrasings_dev9.py (tuning banks, each written independently of heldout) each define every one of them (plus DEPT_ALIASES and
# the IVR banks below) in other words.
PHRASE_BANKS = {
    "ASK": {"pc", "q"}, "ITEM_NOUN": {"pc"}, "REASK": {"noun"}, "ANSWER": {"v"}, "COMPLAIN": {"v"},
    "IVR_COLLECT": {"hash"}, "DISTRACTORS": {"pc"}, "HOLD_ANNOUNCE": set(), "ACK": set(), "RESUME": set(),
    "CHECKIN": set(), "CHECKIN_REPLY": set(), "PATIENCE": set(), "QUEUE_ANN": {"n"}, "CANCELLED_HOLD": set(),
    "PRESS_HOLD": set(), "PRESS_HOLD_REPLY": set(), "HOLD_MENTION": set(), "TRANSFER": {"d", "D"},
    "TO_IVR": set(), "LOOP_COMPLAINT": {"d"}, "GREET": {"d", "D", "n"}, "GREET_TRANSFERRED": {"d", "D", "n"},
    "AGAIN": {"n"}, "LOOKUP_PRE": set(), "LOOKUP_POST": set(), "CLOSE": set(), "BYE": {"c"},
    "CUSTOMER_BYE": set(), "CALLBACK": set(), "IVR_WELCOME": {"c"}, "IVR_MENU_OPTION": {"d", "D", "k"},
    "IVR_MENU_LEAVE": {"k"}, "SECURITY_QUESTIONS": set(),
}


class Phrasing:
    """The phrase banks one set of calls is written with.

    ``default`` is the banks above (the committed samples always use it).  Any other name
    reads tools/phrasings_<name>.py: the same acts in other words and other department names.
    ``heldout`` is the sealed test bank, so detectors can be scored on wording they were never
    tuned on; ``dev2`` is a second tuning bank (another region's wording, written independently
    of heldout) for checking that tuning generalises beyond the default wording, ``dev3`` a
    third (other registers again, indirect asks, colloquial department names), ``dev4`` a
    fourth (first scored before any tuning on it), ``dev5`` a fifth (utility, telecom and
    insurer scripts, compliance wording, hesitant agents, clipped IVR prompts), ``dev6`` a
    sixth (bank, airline, water, retail and benefits-line registers; Irish, Scottish, Indian,
    Nigerian and Australian speakers; terse and chatty agents), ``dev7`` a seventh (health
    insurer / pharmacy, car rental / roadside, university / council, mobile network and courier
    registers; Welsh, US Midwest, New Zealand, Singaporean and Caribbean speakers; formal-polite
    and blunt agents), ``dev8`` an eighth (smart-meter energy, pet insurance, hotel
    reservations, broadband / TV home moves, tax helpline and gym registers; South African,
    Canadian, Yorkshire, Filipino, Ghanaian and Scouse speakers; rushed, over-explaining and
    scripted agents) and ``dev9`` a ninth (car leasing, rail season tickets, housing association,
    mortgage, home alarm and pension registers; Northern Irish, Geordie, Kenyan, Brummie,
    Cornish and New York speakers; apologetic and terse agents, items named last).  The ground truth does not depend on the phrasing."""

    def __init__(self, name: str = "default"):
        self.name = name
        if name == "default":
            src = globals()
            self.DISTRACTORS = {k: q for k, (q, _) in DISTRACTORS.items()}
            self.aliases = None
            # acts whose default wording is fixed text (no random choice, so no rng draw)
            for k in ("AGAIN", "IVR_WELCOME", "IVR_MENU_OPTION", "IVR_MENU_LEAVE"):
                setattr(self, k, None)
        else:
            import importlib.util
            fname = f"phrasings_{name}.py"
            path = Path(__file__).with_name(fname)
            if not name.isidentifier() or not path.is_file():
                raise ValueError(f"unknown phrasing {name!r} (no tools/{fname})")
            spec = importlib.util.spec_from_file_location(f"phrasings_{name}", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            src = vars(mod)
            missing = [k for k in list(PHRASE_BANKS) + ["DEPT_ALIASES"] if k not in src]
            if missing:
                raise ValueError(f"{fname} is incomplete (missing: {missing})")
            self.DISTRACTORS = dict(mod.DISTRACTORS)
            self.aliases = dict(mod.DEPT_ALIASES)
            if set(self.DISTRACTORS) != set(DISTRACTORS) or set(mod.ASK) != set(IDENTITY_ITEMS) \
                    or set(self.aliases) != set(DEPT_SPOKEN):
                raise ValueError(f"{fname} is incomplete (DISTRACTORS keys must be {sorted(DISTRACTORS)}, "
                                 f"ASK keys {sorted(IDENTITY_ITEMS)}, DEPT_ALIASES keys {sorted(DEPT_SPOKEN)})")
        for k in PHRASE_BANKS:
            if k not in ("DISTRACTORS",) and not (name == "default" and getattr(self, k, 0) is None):
                setattr(self, k, src[k])
        self._validate()

    def dept(self, rng: random.Random, department: str) -> tuple[str, str]:
        """How a department is named in speech, and the same capitalised to start a sentence."""
        if self.aliases is None:
            d = DEPT_SPOKEN[department]
            return d, d.capitalize()
        d = rng.choice(self.aliases[department])
        short = d[4:] if d.startswith("the ") else d
        return d, short[0].upper() + short[1:]

    def _validate(self) -> None:
        """Every template may only use the placeholders its act fills in."""
        import string

        def texts(v):
            if isinstance(v, str):
                yield v
            elif isinstance(v, dict):
                for x in v.values():
                    yield from texts(x)
            elif isinstance(v, (list, tuple)):
                for x in v:
                    yield from texts(x)

        for bank, allowed in PHRASE_BANKS.items():
            for t in texts(getattr(self, bank)):
                used = {f for _, f, _, _ in string.Formatter().parse(t) if f}
                if not used <= allowed:
                    raise ValueError(f"{self.name} {bank}: {t!r} uses {sorted(used - allowed)}")


DEFAULT_PHRASING = Phrasing("default")


# --------------------------------------------------------------------------- scenario acts

class Scenario:
    """Act-level helpers shared by the hand-written samples and the random composer.
    Every act takes optional explicit text; otherwise it picks a template at random."""

    def __init__(self, call: Call, profile: Profile, company: str, phrasing: Phrasing | None = None):
        self.c, self.p, self.company = call, profile, company
        self.r = call.rng
        self.b = phrasing or DEFAULT_PHRASING
        self.agent_no = 0
        self.agents: dict[str, str] = {}   # department -> last agent id there

    def pick(self, options: list[str], text: str | None = None, **fmt) -> str:
        t = text if text is not None else self.r.choice(options)
        pc = "postcode" if self.p.uk else "zip code"
        return t.format(pc=pc, q=self.p.security_question, hash="hash" if self.p.uk else "pound", **fmt)

    def new_agent(self, department: str, voice: Voice, name: str) -> str:
        self.agent_no += 1
        sid = f"agent_{self.agent_no}"
        self.c.add_speaker(sid, "agent", department, voice, name)
        self.agents[department] = sid
        return sid

    # IVR
    def ivr_welcome(self, text: str | None = None) -> None:
        if text is None and self.b.IVR_WELCOME:
            text = self.pick(self.b.IVR_WELCOME, c=self.company)
        self.c.say("ivr", text or f"Thank you for calling {self.company}. Calls may be recorded for training and quality purposes.", gap=0.3)

    def ivr_collect(self, item: str, text: str | None = None) -> None:
        self.c.ask("ivr", item, self.pick(self.b.IVR_COLLECT[item], text), gap=0.5)
        self.c.keys(self.p.keyed[item] + "#", item)

    def ivr_menu(self, target: str, order: list[str] | None = None) -> None:
        order = order or DEPARTMENTS
        if self.b.IVR_MENU_OPTION:  # one wording per menu, as a recorded menu would have
            line, leave = self.r.choice(self.b.IVR_MENU_OPTION), self.r.choice(self.b.IVR_MENU_LEAVE)
            parts = []
            for i, d in enumerate(order):
                name, cap = self.b.dept(self.r, d)
                parts.append(self.pick([leave if d == "retentions" else line], k=i + 1, d=name, D=cap))
            opts = " ".join(parts)
        else:
            opts = " ".join(f"For {DEPT_SPOKEN[d]}, press {i + 1}." if d != "retentions"
                            else f"To discuss cancelling your account, press {i + 1}." for i, d in enumerate(order))
        self.c.say("ivr", opts, gap=0.5)
        self.c.keys(str(order.index(target) + 1))
        self.c.enter(target)

    def queue(self, seconds: float, announcements: list[tuple[float, str]] | None = None) -> None:
        if announcements is None:
            announcements = [(min(seconds * 0.3, 8.0), self.pick(self.b.QUEUE_ANN, n=self.r.choice(["two", "three", "four"])))]
            if seconds > 45:
                announcements.append((seconds * 0.7, self.pick(self.b.QUEUE_ANN, n="two")))
        self.c.start_wait("queue", seconds, announcements)

    # agent side
    def greet(self, sid: str, text: str | None = None, transferred: bool = False) -> None:
        sp = self.c.speakers[sid]
        d, cap = self.b.dept(self.r, sp.department)
        self.c.say(sid, self.pick(self.b.GREET_TRANSFERRED if transferred else self.b.GREET, text, d=d, D=cap, n=sp.name))

    def greet_again(self, sid: str) -> None:
        """The agent who had the call before picks it up again."""
        name = self.c.speakers[sid].name
        self.c.say(sid, self.pick(self.b.AGAIN, n=name) if self.b.AGAIN else f"Hi, it's {name} again.")

    def reason(self, text: str | None = None) -> None:
        self.c.say("customer", self.pick(REASON[self.c.department], text))

    def verify(self, sid: str, item: str, ask: str | None = None, reply: str | None = None,
               complain: bool | None = None) -> None:
        """Ask for one identity item and answer it (complaining if asked before)."""
        repeated = item in self.c.given
        if ask is None and repeated and self.r.random() < 0.5:
            nouns = self.b.ITEM_NOUN[item]
            ask = self.pick(self.b.REASK, noun=self.pick([nouns] if isinstance(nouns, str) else nouns))
        self.c.ask(sid, item, self.pick(self.b.ASK[item], ask))
        if complain is None:
            complain = repeated and self.r.random() < 0.5
        v = self.p.values[item]
        self.c.answer(item, reply if reply is not None else self.pick(self.b.COMPLAIN if complain else self.b.ANSWER, v=v))

    def distractor(self, sid: str, kind: str, ask: str | None = None, reply: str | None = None) -> None:
        value = DISTRACTORS[kind][1]
        self.c.distractor(sid, kind, self.pick(self.b.DISTRACTORS[kind], ask))
        if reply is None:
            other = make_profile(self.r, "f", self.p.uk, self.b.SECURITY_QUESTIONS).values["postcode"]
            reply = self.pick(self.b.ANSWER, v=value(self.r) if value else other)
        self.c.say("customer", reply)

    def hold(self, sid: str, kind: str, seconds: float, announce: str | None = None,
             patience: list[tuple[float, str]] | None = None, checkin_at: float | None = None,
             resume: str | None = None, ack: bool = True) -> None:
        """Announced hold; optional agent check-in after `checkin_at` s splits it in two."""
        self.c.say(sid, self.pick(self.b.HOLD_ANNOUNCE, announce))
        if ack:
            self.c.say("customer", self.pick(self.b.ACK))
        if patience is None and kind == "music" and seconds > 30:
            patience = [(seconds * self.r.uniform(0.35, 0.6), self.pick(self.b.PATIENCE))]
        if checkin_at:
            self.c.start_wait(kind, checkin_at, [(o, t) for o, t in (patience or []) if o < checkin_at - 4])
            self.c.say(sid, self.pick(self.b.CHECKIN), gap=0.3)
            self.c.say("customer", self.pick(self.b.CHECKIN_REPLY))
            seconds -= checkin_at
            patience = [(o - checkin_at, t) for o, t in (patience or []) if o > checkin_at + 4 and o < checkin_at + seconds - 4]
        self.c.start_wait(kind, seconds, patience or [])
        self.c.say(sid, self.pick(self.b.RESUME, resume), gap=self.r.uniform(0.2, 0.6))

    def cancelled_hold(self, sid: str, text: str | None = None) -> None:
        self.c.non_hold(sid, "cancelled_hold", self.pick(self.b.CANCELLED_HOLD, text))

    def dead_air(self, sid: str, seconds: float, pre: str | None = None, post: str | None = None) -> None:
        self.c.say(sid, self.pick(self.b.LOOKUP_PRE, pre))
        self.c.silence(seconds)
        self.c.say(sid, self.pick(self.b.LOOKUP_POST, post), gap=0.0)

    def overtalk(self, sid: str, long_line: str | None = None, interruption: str | None = None,
                 overlap: float | None = None) -> None:
        self.c.say(sid, self.pick(LONG_AGENT, long_line))
        self.c.say("customer", self.pick(INTERRUPT, interruption), interrupt=overlap or self.r.uniform(1.1, 1.8))
        self.c.say(sid, self.pick(AFTER_INTERRUPT))

    def transfer(self, sid: str, to: str, text: str | None = None, reply: str | None = None,
                 wait: str = "ring", wait_s: float = 5.0) -> None:
        src, cap = self.b.dept(self.r, to)
        visited = to in self.c.path
        options = self.b.TO_IVR if to == "ivr" else self.b.TRANSFER
        self.c.transfer(sid, to, self.pick(options, text, d=src, D=cap))
        if reply is None:
            reply = (self.pick(self.b.LOOP_COMPLAINT, d=src) if visited and to != "ivr" and self.r.random() < 0.6
                     else self.pick(self.b.ACK))
        self.c.say("customer", reply)
        if wait == "music":
            self.c.music_bed(wait_s, lead=0.4)
        elif wait == "ring":
            self.c.ring(wait_s, self.p.uk)

    def closing(self, sid: str, callback: bool = False) -> None:
        if callback:
            a, b = self.r.choice(self.b.CALLBACK)
            self.c.say(sid, a)
            self.c.say("customer", b)
        a, b = self.r.choice(self.b.CLOSE)
        self.c.say(sid, a)
        self.c.say("customer", b)
        self.c.say(sid, self.pick(self.b.BYE, c=self.company))
        self.c.say("customer", self.r.choice(self.b.CUSTOMER_BYE))

    def press_and_hold(self, sid: str) -> None:
        """A technical "press and hold the button" instruction: not a hold."""
        self.c.non_hold(sid, "press_and_hold", self.r.choice(self.b.PRESS_HOLD))
        self.c.say("customer", self.r.choice(self.b.PRESS_HOLD_REPLY))

    def hold_mention(self) -> None:
        """The customer talks about an earlier hold: not a hold."""
        self.c.non_hold("customer", "hold_mention", self.r.choice(self.b.HOLD_MENTION))


# --------------------------------------------------------------------------- voices per call

def cast_voices(rng: random.Random, n_agents: int, with_ivr: bool) -> dict[str, Voice]:
    """Distinct voices: unique engine voice per speaker, customer gender opposite to
    the first agent, and same-gender speakers spread over the pitch range."""
    pool_f = [v for v in MBROLA_VOICES + ESPEAK_VOICES if v.gender == "f"]
    pool_m = [v for v in MBROLA_VOICES + ESPEAK_VOICES if v.gender == "m"]
    if not mbrola_available():
        pool_f = [v for v in pool_f if not v.name.startswith("mb-")]
        pool_m = [v for v in pool_m if not v.name.startswith("mb-")]
    # Prefer MBROLA (more natural) but keep a few robotic espeak voices for variety.
    for pool in (pool_f, pool_m):
        rng.shuffle(pool)
        pool.sort(key=lambda v: (not v.name.startswith("mb-")) and rng.random() < 0.6)
    pitches = {"f": [38, 50, 62, 74], "m": [30, 42, 54, 66]}
    for p in pitches.values():
        rng.shuffle(p)
    cust_g = rng.choice("fm")
    order = [("customer", cust_g)] + [(f"agent_{i + 1}", ("m" if cust_g == "f" else "f") if i % 2 == 0 else cust_g)
                                      for i in range(n_agents)]
    if with_ivr:
        order.append(("ivr", rng.choice("ff" + "m")))
    cast = {}
    for sid, g in order:
        pool = pool_f if g == "f" else pool_m
        if not pool:  # ran out of one gender: take the other
            pool, g = (pool_m, "m") if g == "f" else (pool_f, "f")
        v = pool.pop(0)
        level = rng.uniform(-24, -19) if sid == "customer" else rng.uniform(-21, -18)
        speed = rng.randint(140, 180) if sid != "ivr" else rng.randint(150, 165)
        cast[sid] = Voice(v.name, g, pitches[g].pop() if pitches[g] else 50, speed, level)
    return cast


# --------------------------------------------------------------------------- random composer

def compose_random(call: Call, rng: random.Random, phrasing: Phrasing | None = None) -> None:
    """Randomised call: departments, transfers (incl. loops / back to IVR), holds,
    dead air, overtalk, distractors, repeated verification."""
    n_transfers = rng.choices([0, 1, 2, 3], [0.3, 0.35, 0.25, 0.1])[0]
    has_ivr = rng.random() < 0.7
    uk = rng.random() < 0.5
    cast = cast_voices(rng, n_transfers + 1, with_ivr=True)  # 'ivr' also voices announcements
    company = rng.choice(COMPANIES)
    phrasing = phrasing or DEFAULT_PHRASING
    profile = make_profile(rng, cast["customer"].gender, uk, phrasing.SECURITY_QUESTIONS)
    call.add_speaker("customer", "customer", None, cast["customer"])
    call.add_speaker("ivr", "ivr", "ivr", cast["ivr"])
    sc = Scenario(call, profile, company, phrasing)
    names = {"f": AGENT_F[:], "m": AGENT_M[:]}
    for v in names.values():
        rng.shuffle(v)
    voice_queue = [cast[f"agent_{i + 1}"] for i in range(n_transfers + 1)]

    def fresh_agent(dept: str) -> str:
        v = voice_queue.pop(0) if voice_queue else cast["agent_1"]
        return sc.new_agent(dept, v, names[v.gender].pop())

    first = rng.choice(DEPARTMENTS)
    if has_ivr:
        call.enter("ivr")
        sc.ivr_welcome()
        collect = rng.choice(["account_number", "account_number", "pin", "date_of_birth", None])
        order = DEPARTMENTS[:]
        rng.shuffle(order)
        if collect and rng.random() < 0.5:
            sc.ivr_collect(collect)
            collect = None
        sc.ivr_menu(first, order)
        if collect:
            sc.ivr_collect(collect)
    else:
        call.enter(first)
    if rng.random() < (0.6 if has_ivr else 0.3):
        sc.queue(rng.uniform(8, 70))

    agent = fresh_agent(first)
    sc.greet(agent)
    sc.reason()
    items = rng.sample(IDENTITY_ITEMS, rng.randint(1, 3))
    if "account_number" in call.given and rng.random() < 0.5 and "account_number" not in items:
        items.insert(0, "account_number")  # agents often re-ask what was keyed in
    for it in items:
        sc.verify(agent, it)

    for stint in range(n_transfers + 1):
        dept = call.department
        events = ["body", "body"] + [e for e, p in [("hold", 0.45), ("dead_air", 0.35), ("overtalk", 0.3),
                                                     ("distractor", 0.35), ("cancelled_hold", 0.2),
                                                     ("hold_mention", 0.15), ("reverify", 0.2)] if rng.random() < p]
        if dept == "technical_support" and rng.random() < 0.7:
            events.append("press_hold")
        rng.shuffle(events)
        bodies = BODY[dept][:]
        rng.shuffle(bodies)
        for ev in events:
            if ev == "body":
                a, b = bodies.pop() if bodies else rng.choice(BODY[dept])
                call.say(agent, a)
                call.say("customer", b)
            elif ev == "hold":
                kind = rng.choice(["music", "music", "silent"])
                secs = rng.uniform(15, 90)
                checkin = secs * rng.uniform(0.4, 0.6) if secs > 40 and rng.random() < 0.4 else None
                sc.hold(agent, kind, secs, checkin_at=checkin)
            elif ev == "dead_air":
                sc.dead_air(agent, rng.uniform(5, 12))
            elif ev == "overtalk":
                sc.overtalk(agent)
            elif ev == "distractor":
                sc.distractor(agent, rng.choice(list(DISTRACTORS)))
            elif ev == "cancelled_hold":
                sc.cancelled_hold(agent)
            elif ev == "hold_mention":
                sc.hold_mention()
            elif ev == "press_hold":
                sc.press_and_hold(agent)
            elif ev == "reverify":
                sc.verify(agent, rng.choice(sorted(call.given) or ["full_name"]))
        if stint == n_transfers:
            break
        # choose where to go next: loop back, back to the IVR, or somewhere new
        visited = [d for d in call.path if d not in ("ivr", dept)]
        roll = rng.random()
        if visited and roll < 0.35:
            to = rng.choice(visited)
        elif has_ivr and roll < 0.5:
            to = "ivr"
        else:
            to = rng.choice([d for d in DEPARTMENTS if d != dept])
        wait = "none" if to == "ivr" else rng.choice(["ring", "music", "none"])
        sc.transfer(agent, to, wait=wait, wait_s=rng.uniform(3, 12))
        if to == "ivr":
            to = rng.choice([d for d in DEPARTMENTS if d != dept])
            order = DEPARTMENTS[:]
            rng.shuffle(order)
            sc.ivr_menu(to, order)
            if rng.random() < 0.5:
                sc.queue(rng.uniform(8, 40))
        if to in sc.agents and rng.random() < 0.5:
            agent = sc.agents[to]  # the same agent picks the call up again
            sc.greet_again(agent)
        else:
            agent = fresh_agent(to)
            sc.greet(agent, transferred=rng.random() < 0.6)
        sc.reason()
        for it in rng.sample(sorted(call.given) or ["full_name"], min(len(call.given), rng.randint(1, 2)) or 1):
            sc.verify(agent, it)
    sc.closing(agent, callback=rng.random() < 0.2)


# --------------------------------------------------------------------------- hand-written samples

def _sample_call(call_id: str, seed: int, cast: dict[str, Voice], uk: bool, company: str) -> tuple[Call, Scenario]:
    rng = random.Random(seed)
    call = Call(call_id, TTS, rng)
    gender = cast["customer"].gender
    profile = make_profile(rng, gender, uk)
    call.add_speaker("customer", "customer", None, cast["customer"])
    call.add_speaker("ivr", "ivr", "ivr", cast["ivr"])
    return call, Scenario(call, profile, company)


def sample_billing_loop() -> Call:
    cast = {"ivr": Voice("en-us+f2", "f", 58, 158, -19), "customer": Voice("mb-us2", "m", 38, 160, -21),
            "a1": Voice("mb-us1", "f", 55, 165, -19), "a2": Voice("mb-en1", "m", 50, 165, -19),
            "a3": Voice("mb-us3", "m", 66, 170, -20)}
    call, sc = _sample_call("billing_loop_mulaw", 101, cast, True, "Acme Bank")
    p = sc.p
    p.values["date_of_birth"] = "the fourteenth of March, nineteen eighty two"
    p.values["postcode"] = "L S 6, 2 Q R"
    p.keyed["account_number"] = "40715326"
    call.enter("ivr")
    sc.ivr_welcome()
    sc.ivr_collect("account_number", "Please enter your eight digit account number, followed by the hash key.")
    call.say("ivr", "Thank you.", gap=0.8)
    sc.ivr_menu("billing")
    call.say("ivr", "Please hold while we connect you to billing.", gap=0.6)
    sc.queue(24, [(6.0, "Your call is important to us. Please hold and the next available agent will be with you shortly.")])
    a1 = sc.new_agent("billing", cast["a1"], "Maria")
    sc.greet(a1, "Thanks for calling billing, this is Maria. How can I help?")
    call.say("customer", "Hi Maria. I've been charged twice for my broadband this month, and my internet keeps cutting out as well.")
    call.say(a1, "Oh, I'm sorry to hear that. I can see the account number you entered, so let me pull that up.")
    sc.verify(a1, "date_of_birth", "Before I go any further, can I take your date of birth?", "Sure, it's the fourteenth of March, nineteen eighty two.")
    sc.verify(a1, "postcode", "Thank you. And what's the postcode on the account?", "It's L S 6, 2 Q R.")
    call.say(a1, "Lovely, thank you, that's you verified.")
    call.say(a1, "Okay, I can see two payments of forty two pounds fifty, both on the third of the month.")
    call.say("customer", "Yes, that's it. Why did that happen?")
    sc.hold(a1, "music", 46, "Let me put you on hold for a moment while I check with my team.",
            patience=[(22.0, "Thank you for your patience. Your call is important to us, please stay on the line.")],
            resume="Thanks for holding.")
    call.say(a1, "So the second payment was a system error, and I've refunded it. It should be back in three to five working days.")
    call.say("customer", "Great. And what about the internet dropping out?")
    sc.dead_air(a1, 7.5, "Right.", "Sorry, the system is slow today. For the connection problem you'll need our technical team.")
    sc.transfer(a1, "technical_support", "Let me transfer you to technical support, they'll be able to run a line test.",
                "Okay, thanks.", wait="ring", wait_s=5.5)
    a2 = sc.new_agent("technical_support", cast["a2"], "Dev")
    sc.greet(a2, "Technical support, this is Dev. How can I help?")
    call.say("customer", "Hi. My internet keeps cutting out every evening.")
    sc.verify(a2, "date_of_birth", "I can help with that. First, can I take your date of birth?",
              "I already gave that to the last person! It's the fourteenth of March, nineteen eighty two.")
    call.say(a2, "Sorry about that, our systems don't share it. Thank you.")
    call.non_hold(a2, "press_and_hold", "Can you press and hold the power button on the back of the router for ten seconds?")
    call.say("customer", "Okay, I'm holding it now.")
    call.silence(9.0)
    call.say("customer", "Right, the lights are flashing now.", gap=0.0)
    call.say(a2, "Great, it's rebooting. I've run a line test and the line looks fine, so it's your package limiting the speed.")
    sc.transfer(a2, "billing", "I'm going to send you back to billing so they can change the package.",
                "Back to billing? I've just come from there!", wait="none")
    call.say(a2, "I know, I'm sorry. They're the only ones who can change it.")
    call.music_bed(9.0, lead=0.5)
    a3 = sc.new_agent("billing", cast["a3"], "Tom")
    sc.greet(a3, "Billing, you're speaking to Tom. I understand you've been transferred.")
    call.say("customer", "Yes, for the second time.")
    sc.verify(a3, "postcode", "Sorry about that. Can you confirm the postcode on the account, please?", "L S 6, 2 Q R.")
    call.say(a3, "Thanks. I can move you to the fibre plan at no extra cost for the first six months.")
    call.say("customer", "Okay, let's do that.")
    call.say(a3, "Done. Is there anything else I can help with today?")
    call.say("customer", "No, that's everything, thanks.")
    call.say(a3, "Thanks for calling Acme Bank. Have a good evening.")
    call.say("customer", "Bye.")
    return call


def sample_stereo_hold_callback() -> Call:
    cast = {"ivr": Voice("en-gb+f2", "f", 60, 155, -20), "customer": Voice("mb-en1", "m", 45, 160, -21),
            "a1": Voice("mb-us1", "f", 50, 162, -19)}
    call, sc = _sample_call("stereo_hold_callback", 202, cast, True, "Northwind Telecom")
    sc.p.values["address"] = "42 Hawthorn Road"
    call.enter("customer_care")
    a1 = sc.new_agent("customer_care", cast["a1"], "Priya")
    call.pause(0.8)
    sc.greet(a1, "Good afternoon, customer care, Priya speaking. How can I help you today?")
    call.say("customer", "Hi, I ordered a sofa three weeks ago and it still hasn't arrived.")
    sc.verify(a1, "full_name", "I'm sorry about that. Can I take your full name, please?", "It's Daniel Hughes.")
    sc.verify(a1, "address", "Thank you. And the first line of your address?", "42 Hawthorn Road.")
    sc.distractor(a1, "order_number", "Thanks Daniel. Do you have the order number there?", "Yes, it's 5 5 0, 1 9 2, 7.")
    sc.cancelled_hold(a1, "I'll put you on hold for a second. Actually, no, I have it here.")
    sc.overtalk(a1, "So, I can see the order left our warehouse on the second, but the courier marked it as undeliverable on the fifth.",
                "Undeliverable? I was at home all day, every day!", overlap=1.4)
    call.say("customer", "Nobody even knocked on the door. And I took two days off work for this delivery.")
    call.say(a1, "That's really frustrating, I'm sorry. I can see you've already been charged for the delivery as well.")
    call.say("customer", "Yes, twenty nine ninety nine, on top of the sofa.")
    sc.dead_air(a1, 8.0, "Okay, let me look into that.", "Right, I can see the courier's notes.")
    call.say(a1, "It says the van couldn't find the address. I need to speak to the courier team about this.")
    sc.hold(a1, "silent", 41, "Bear with me, I'll just place you on a brief hold, is that alright?", checkin_at=22,
            resume="Thanks for holding.")
    call.say(a1, "The courier team need to call the depot. I'll pop you on hold again, with some music this time.")
    call.say("customer", "Fine.")
    call.start_wait("music", 34, [(16.0, "Thanks for holding. An agent will be with you shortly.")])
    call.say(a1, "Thanks for waiting, Daniel.", gap=0.4)
    call.say(a1, "The depot is closed for today, so I can't rebook the delivery right now.")
    call.say(a1, "Could you call us back tomorrow morning after nine, and we'll get a new delivery date booked in?")
    call.say("customer", "Tomorrow? Okay, fine, I'll call back tomorrow.")
    call.say(a1, "I've also added a note asking for the delivery charge to be refunded, so the team can sort that tomorrow.")
    call.say("customer", "Thank you. Will I need to explain everything again?")
    call.say(a1, "No, everything is in the notes on your account, so whoever you speak to will see it.")
    call.say(a1, "I'm really sorry about this. Is there anything else I can help with today?")
    call.say("customer", "No, that's all.")
    call.say(a1, "Thank you for calling Northwind, goodbye.")
    call.say("customer", "Bye.")
    return call


def sample_sales_simple() -> Call:
    cast = {"ivr": Voice("en-us+f3", "f", 60, 155, -20), "customer": Voice("mb-us1", "f", 62, 158, -21),
            "a1": Voice("mb-us3", "m", 45, 165, -19)}
    call, sc = _sample_call("sales_simple", 303, cast, False, "Contoso Mobile")
    sc.p.values["full_name"] = "Sarah Bennett"
    sc.p.values["email"] = "sarah dot bennett at gmail dot com"
    call.enter("sales")
    a1 = sc.new_agent("sales", cast["a1"], "Marcus")
    call.pause(0.6)
    lines = [
        (a1, "Hi, thanks for calling Contoso Mobile sales, this is Marcus. How can I help you today?"),
        ("customer", "Hi Marcus. I'm thinking about adding a second line to my plan for my daughter."),
        (a1, "Great, I can definitely help with that. I'll just need to find your account first."),
    ]
    for sid, t in lines:
        call.say(sid, t)
    sc.verify(a1, "full_name", "Could you give me the full name on the account?", "Sure, it's Sarah Bennett.")
    sc.verify(a1, "email", "Thank you Sarah. And which email address do we have for you?", "It's sarah dot bennett at gmail dot com.")
    for sid, t in [
        (a1, "Perfect, thank you. I can see you're on the unlimited plan at the moment."),
        ("customer", "That's right. What would a second line cost?"),
        (a1, "A second line on the same account is twenty dollars a month, and that includes unlimited talk and text."),
        ("customer", "And what about data?"),
        (a1, "It comes with fifteen gigabytes of high speed data, and then it slows down for the rest of the month."),
        ("customer", "Okay. Does she need a new phone, or can she keep her old one?"),
        (a1, "She can keep her current phone, as long as it's unlocked. We'll send a new SIM card in the mail."),
        ("customer", "How long does the SIM card take to arrive?"),
        (a1, "Usually two to three business days. You can activate it online as soon as it arrives."),
        ("customer", "That sounds good. Is there a contract?"),
        (a1, "No contract, it's month to month, and you can cancel the extra line at any time."),
        ("customer", "Okay. And will she get her own phone number?"),
        (a1, "Yes, she'll get a new number, or we can transfer her existing number from her current provider."),
        ("customer", "She'd like to keep her number if possible. She's with another company at the moment."),
        (a1, "No problem. She'll just need to ask them for a transfer code, and the switch usually takes one working day."),
        ("customer", "And will there be any gap where her phone doesn't work?"),
        (a1, "At most a couple of hours on the day of the switch. Most people don't notice it at all."),
        ("customer", "Okay, that's fine. Can she use her data when we travel to Canada in the summer?"),
        (a1, "Yes, Canada and Mexico are included at no extra cost, so she can use her data there just like at home."),
        ("customer", "Oh, that's great. Great. Let's go ahead and add it, please."),
        (a1, "Wonderful. I've added the second line, and the first bill will be prorated for this month."),
        (a1, "You'll get a confirmation email at the address we just confirmed, in the next few minutes."),
        ("customer", "Perfect, thank you so much."),
        (a1, "My pleasure. Is there anything else I can help you with today?"),
        ("customer", "No, that's everything. Thanks, Marcus."),
        (a1, "Thanks for calling Contoso Mobile, Sarah. Have a great day."),
        ("customer", "You too, bye."),
    ]:
        call.say(sid, t)
    return call


def sample_retentions_transfer() -> Call:
    cast = {"ivr": Voice("en-gb+f3", "f", 62, 152, -20), "customer": Voice("mb-us1", "f", 48, 165, -21),
            "a1": Voice("mb-en1", "m", 40, 160, -19), "a2": Voice("mb-us2", "m", 62, 168, -19)}
    call, sc = _sample_call("retentions_transfer", 404, cast, True, "Initech Broadband")
    sc.p.values["card_last4"] = "7 7 0 4"
    call.enter("ivr")
    sc.ivr_welcome("Welcome to Initech Broadband. Calls may be recorded.")
    sc.ivr_menu("customer_care", ["billing", "technical_support", "customer_care", "sales", "retentions"])
    call.say("ivr", "Thank you. Connecting you to customer care.", gap=0.7)
    sc.queue(20, [(4.0, "All of our agents are currently busy. You are number two in the queue.")])
    a1 = sc.new_agent("customer_care", cast["a1"], "Oliver")
    sc.greet(a1, "Hi, you're through to customer care, my name's Oliver. What can I do for you?")
    call.say("customer", "Hi Oliver. I'd like to cancel my broadband contract, please.")
    call.say(a1, "Oh, I'm sorry to hear that. Let me bring up your account.")
    sc.verify(a1, "phone_number", "Can you confirm the phone number registered with us?")
    sc.verify(a1, "card_last4", "Thanks. Can I have the last four digits of the card you pay with?", "It's 7 7 0 4.")
    call.say(a1, "Thank you, that's all confirmed. May I ask why you want to cancel?")
    call.say("customer", "The price has gone up again, and I've found a cheaper deal elsewhere.")
    call.non_hold("customer", "hold_mention", "And honestly, I was on hold for forty minutes last time I called.")
    call.say(a1, "I understand. Cancellations are handled by our retentions team, so I'll need to pass you over.")
    sc.transfer(a1, "retentions", "I'll transfer you over to retentions now, please stay on the line.", "Okay.",
                wait="music", wait_s=10)
    a2 = sc.new_agent("retentions", cast["a2"], "Sam")
    sc.greet(a2, "Retentions, this is Sam. I understand you've been transferred, how can I help?")
    call.say("customer", "I'd like to cancel my contract.")
    sc.verify(a2, "card_last4", "I can look at that for you. For security, can you read me the last four on the card?",
              "I literally just told the last person. 7 7 0 4.")
    call.say(a2, "Sorry about that, and thank you. I can see you've been with us for six years, I'd hate to lose you.")
    call.say("customer", "Well, the price keeps going up every year.")
    call.say(a2, "I understand. Can I ask which provider you're thinking of moving to, and what they've offered you?")
    call.say("customer", "It's one of the new fibre companies. Thirty pounds a month for the same speed.")
    call.say(a2, "Okay. And are you happy with the speed and reliability you get from us at the moment?")
    call.say("customer", "The service itself is fine. It really is just the price.")
    call.say(a2, "I can offer you the same package for twenty pounds less per month, fixed for twelve months.")
    call.say("customer", "Really? That's cheaper than the other deal.")
    call.say(a2, "It is. Shall I apply that for you now, instead of cancelling?")
    call.say("customer", "Is there a catch? Do I have to sign a new contract?")
    call.say(a2, "It's a new twelve month contract, but there's no setup fee, and your equipment stays the same.")
    call.say("customer", "Yes, go on then, let's do that.")
    call.say(a2, "Done. You'll get an email confirming the new price today. Anything else I can help with?")
    call.say("customer", "No, that's everything, thanks Sam.")
    call.say(a2, "Thanks for calling Initech, have a lovely evening.")
    call.say("customer", "Bye.")
    return call


def sample_tech_support_opus() -> Call:
    cast = {"ivr": Voice("en-us+f3", "f", 62, 155, -20), "customer": Voice("en-gb+m3", "m", 40, 160, -21),
            "a1": Voice("mb-us1", "f", 44, 168, -19)}
    call, sc = _sample_call("tech_support_opus", 505, cast, False, "Globex Energy")
    sc.p.keyed["pin"] = "4821"
    call.enter("ivr")
    sc.ivr_welcome("Thank you for calling Globex Energy.")
    sc.ivr_collect("pin", "Please enter your four digit telephone PIN, followed by the pound key.")
    sc.ivr_menu("technical_support", ["billing", "technical_support", "sales"])
    sc.queue(16, [(5.0, "Your call is important to us. Please hold and the next available agent will be with you.")])
    a1 = sc.new_agent("technical_support", cast["a1"], "Grace")
    sc.greet(a1, "Technical support, you're speaking to Grace.")
    call.non_hold("customer", "hold_mention", "Hello. My smart meter display has gone completely blank. I was on hold for ages last time, so I hope you can help.")
    sc.verify(a1, "pin", "Thanks for entering your PIN. Can you just confirm it for me?", "I already put that in on the keypad. 4 8 2 1.")
    call.say(a1, "Thank you. Is the display blank, or is it showing a single dash?")
    call.say("customer", "Completely blank. No lights at all. It was working fine yesterday evening.")
    call.say(a1, "Okay. Has there been a power cut in your area, or have you switched anything off at the fuse box?")
    call.say("customer", "Not that I know of. Everything else in the house is working.")
    call.non_hold(a1, "press_and_hold", "Okay. Press and hold the button on the left side for five seconds.")
    call.say("customer", "Alright, holding it down now.")
    call.silence(6.0)
    call.say("customer", "It's back on. It's showing the time.", gap=0.0)
    call.say(a1, "Perfect, that was just a firmware hiccup. Can you tell me what the top line of the display says now?")
    call.say("customer", "It says, connected, and there's a little green signal symbol.")
    call.say(a1, "Great, that means it's talking to our system again. Your readings will update in the next half hour.")
    call.say("customer", "Will I get an estimated bill for the days it was off?")
    call.say(a1, "No, the meter stores the readings, so it will send the missing days automatically.")
    call.say("customer", "Oh good. I was worried I'd have to read it myself.")
    call.say(a1, "Not at all. If it happens again, just do the same thing, and if it stays blank, give us a call back.")
    call.say("customer", "Will do.")
    call.say("customer", "Great, thanks for your help.")
    call.say(a1, "No problem at all. Thanks for calling Globex Energy, goodbye.")
    call.say("customer", "Bye.")
    return call


# file stem -> (builder, format, channels)
SAMPLES = {
    "billing_loop_mulaw": (sample_billing_loop, "mulaw", 1),
    "stereo_hold_callback": (sample_stereo_hold_callback, "flac", 2),
    "sales_simple": (sample_sales_simple, "wav", 1),
    "retentions_transfer": (sample_retentions_transfer, "mp3", 1),
    "tech_support_opus": (sample_tech_support_opus, "opus", 2),
}


# --------------------------------------------------------------------------- rendering / encoding

@dataclass(frozen=True)
class Hum:
    """Mains hum picked up on the line: 50 or 60 Hz with buzzy harmonics."""
    freq: float          # 50 or 60
    level_db: float      # RMS of the hum in the telephone band (300-3400 Hz), dBFS
    sides: str           # "both", "agent" or "customer" (stereo); mono always gets it


def mains_hum(n: int, hum: Hum, rng: np.random.Generator) -> np.ndarray:
    """Fundamental plus harmonics (odd ones stronger, as from a rectifier or ground loop),
    with a slow wobble of the mains frequency; scaled by its telephone-band level."""
    t = np.arange(n) / SR
    f = hum.freq * (1 + 0.002 * np.sin(2 * np.pi * rng.uniform(0.02, 0.1) * t + rng.uniform(0, 2 * np.pi)))
    phase = 2 * np.pi * np.cumsum(f) / SR
    x = np.zeros(n)
    for k in range(1, int(3800 // hum.freq) + 1):
        a = (1.0 if k == 1 else (0.5 if k % 2 else 0.2) / k ** 0.6) * rng.uniform(0.6, 1.4)
        x += a * np.sin(k * phase + rng.uniform(0, 2 * np.pi))
    band = signal.sosfiltfilt(_TELEPHONE_SOS, x[: min(n, 10 * SR)])
    return (x * 10 ** (hum.level_db / 20) / (np.sqrt(np.mean(band ** 2)) + 1e-12)).astype(np.float32)


def pink_noise(n: int, level_db: float, rng: np.random.Generator) -> np.ndarray:
    """1/f noise (room / handset hiss), scaled by its telephone-band level."""
    spec = np.fft.rfft(rng.normal(0, 1, n))
    f = np.fft.rfftfreq(n, 1 / SR)
    spec /= np.sqrt(np.maximum(f, 20.0))
    x = np.fft.irfft(spec, n)
    band = signal.sosfiltfilt(_TELEPHONE_SOS, x)
    return (x * 10 ** (level_db / 20) / (np.sqrt(np.mean(band ** 2)) + 1e-12)).astype(np.float32)


def _quietest_speech_db(call: Call, x: np.ndarray, channels: int, bandlimit: bool) -> list[float]:
    """Per output channel, the level of the quietest utterance it carries (as it will sound)."""
    y = signal.sosfiltfilt(_TELEPHONE_SOS, x, axis=0) if bandlimit else x
    out = []
    for ch in range(channels):
        lv = [10 * math.log10(np.mean(y[r["_start"]:r["_end"], ch] ** 2) + 1e-12) for r in call.segments
              if channels == 1 or (ch == CUSTOMER_CH) == (call.speakers[r["speaker"]].role == "customer")]
        out.append(min(lv) if lv else 0.0)
    return out


def finish_audio(call: Call, channels: int, noise_db: float, bandlimit: bool, seed: int,
                 hum: Hum | None = None, pink_db: float | None = None) -> np.ndarray:
    """Mix to mono or keep the agent/customer split, add line noise (and optionally mains
    hum and pink noise, before the telephone filter as on a real line), band-limit, clip."""
    two = call.render()
    x = two.sum(axis=1, keepdims=True) if channels == 1 else two
    rng = np.random.default_rng(seed)
    x = x + rng.normal(0, 10 ** (noise_db / 20), x.shape).astype(np.float32)
    if hum or pink_db is not None:
        x = x + _extra_noise(call, x, channels, bandlimit, rng, hum, pink_db, noise_db)
    if bandlimit:
        x = signal.sosfiltfilt(_TELEPHONE_SOS, x, axis=0)  # zero-phase: keeps segment times exact
    return np.clip(x, -0.99, 0.99).astype(np.float32)


def _extra_noise(call: Call, x: np.ndarray, channels: int, bandlimit: bool, rng: np.random.Generator,
                 hum: Hum | None, pink_db: float | None, noise_db: float) -> np.ndarray:
    """Hum and pink noise per channel, turned down where needed so that all the noise
    together (line noise included) stays at least 18 dB under the quietest utterance on
    that channel, as it will sound after the telephone filter."""
    n = len(x)
    extra = np.zeros_like(x)
    for ch in range(channels):
        if hum and (channels == 1 or hum.sides == "both" or (hum.sides == "customer") == (ch == CUSTOMER_CH)):
            extra[:, ch] += mains_hum(n, hum, rng)
        if pink_db is not None:
            extra[:, ch] += pink_noise(n, pink_db, rng)
    speech = _quietest_speech_db(call, x, channels, bandlimit)
    p_line = 10 ** (noise_db / 10)  # white line noise; an upper bound once band-limited
    for ch in range(channels):
        if not extra[:, ch].any():
            continue
        y = signal.sosfiltfilt(_TELEPHONE_SOS, extra[:, ch]) if bandlimit else extra[:, ch]
        p_extra = float(np.mean(y ** 2))
        budget = 10 ** ((speech[ch] - 18) / 10) - p_line
        if budget <= 0:
            extra[:, ch] = 0
        elif p_extra > budget:
            extra[:, ch] *= math.sqrt(budget / p_extra)
    return extra


def write_pcm16(path: Path, x: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(x.shape[1])
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes((x * 32767).round().astype("<i2").tobytes())


def encode(x: np.ndarray, out: Path, fmt: str, tmp: Path) -> None:
    codec = FORMATS[fmt][1]
    if codec is None:
        write_pcm16(out, x)
        return
    src = tmp / "mix.wav"
    write_pcm16(src, x)
    # bitexact flags keep encoder version tags out of the file -> reproducible bytes
    cmd = ["ffmpeg", "-y", "-loglevel", "error", "-i", str(src), *codec, "-ar", str(SR),
           "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", str(out)]
    subprocess.run(cmd, check=True)


def write_call(call: Call, out_dir: Path, fmt: str, channels: int, noise_db: float,
               bandlimit: bool, seed: int, hum: Hum | None = None, pink_db: float | None = None) -> Path:
    x = finish_audio(call, channels, noise_db, bandlimit, seed, hum, pink_db)
    ext = FORMATS[fmt][0]
    audio = out_dir / f"{call.call_id}.{ext}"
    encode(x, audio, fmt, TTS.workdir)
    gt = call.ground_truth(audio.name, channels, len(x))
    (out_dir / f"{call.call_id}.json").write_text(json.dumps(gt, indent=2) + "\n")
    return audio


# --------------------------------------------------------------------------- checking

def decode(path: Path, channels: int) -> np.ndarray:
    raw = subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(path), "-f", "f32le", "-ac", str(channels),
                          "-ar", str(SR), "-"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, np.float32).reshape(-1, channels)


def check_dir(d: Path) -> bool:
    """Energy check: speech segments should be loud, unlabelled gaps near the noise
    floor, and each isolated segment's edges should rise right at start_s / fall at end_s."""
    ok = True
    for js in sorted(d.glob("*.json")):
        gt = json.loads(js.read_text())
        x = decode(d / gt["audio"], gt["channels"])
        mono = x.sum(axis=1)  # stereo: each side keeps its level in the sum
        db = lambda a, b: 10 * math.log10(np.mean(mono[int(a * SR):int(b * SR)] ** 2) + 1e-12)  # noqa: E731
        busy = np.zeros(len(mono), bool)
        for key in ("segments", "keypad", "music"):
            for r in gt[key]:
                busy[int(r["start_s"] * SR):int(r["end_s"] * SR)] = True
        seg_db = [db(r["start_s"], r["end_s"]) for r in gt["segments"]]
        # median 50 ms frame level away from labelled events (unlabelled ring tones excepted)
        free = ~np.convolve(busy, np.ones(int(0.2 * SR)), mode="same").astype(bool)
        fl = SR // 20
        def floor_db(sig: np.ndarray) -> float:
            frames = [sig[i:i + fl] for i in range(0, len(sig) - fl, fl) if free[i:i + fl].all()]
            return float(np.median([10 * math.log10(np.mean(f ** 2) + 1e-12) for f in frames])) if frames else float("nan")

        gap_db = floor_db(mono)
        # Edges are judged on the speaker's own channel in stereo files (the other side only
        # adds its noise), and only on clean lines: soft word endings (a final "t" or "p")
        # sink into line noise or hum at -55 dBFS and above.
        stereo = gt["channels"] == 2
        sides = {ch: (x[:, ch], floor_db(x[:, ch])) for ch in (AGENT_CH, CUSTOMER_CH)} if stereo else {}
        edge_bad = 0
        edge_n = 0
        for r in gt["segments"]:
            sig, floor = (sides[CUSTOMER_CH if r["speaker"] == "customer" else AGENT_CH] if stereo
                          else (mono, gap_db))
            if not floor < -55:
                continue
            s, e = r["start_s"], r["end_s"]
            before = (int((s - 0.3) * SR), int((s - 0.06) * SR))
            after = (int((e + 0.06) * SR), int((e + 0.3) * SR))
            if before[0] < 0 or after[1] > len(mono) or busy[before[0]:before[1]].any() or busy[after[0]:after[1]].any():
                continue
            edge_n += 1
            # speech must start within ~60 ms after start_s and stop within ~60 ms of end_s
            # (loudest 50 ms frame inside vs. outside; final consonants are soft, so 10 dB)
            sdb = lambda a, b: 10 * math.log10(np.mean(sig[int(a * SR):int(b * SR)] ** 2) + 1e-12)  # noqa: E731
            peak = lambda a, b: max(sdb(t, t + 0.05) for t in np.arange(a, b - 0.049, 0.01))  # noqa: E731
            if peak(s, s + 0.15) - peak(s - 0.3, s - 0.06) < 10 or peak(e - 0.15, e) - peak(e + 0.06, e + 0.3) < 10:
                edge_bad += 1
                print(f"    edge? {r['speaker']} {s:.2f}-{e:.2f} {r['text'][:40]!r}")
        dur = len(mono) / SR
        sep, bleed_bad = channel_separation(x, gt, free) if gt["channels"] == 2 else (None, False)
        good = abs(dur - gt["duration_s"]) < 0.1 and min(seg_db) - gap_db > 10 and edge_bad == 0 and not bleed_bad
        ok &= good
        print(f"{'OK ' if good else 'BAD'} {gt['audio']:32s} dur {dur:6.1f}s (json {gt['duration_s']:6.1f}) "
              f"speech min/median {min(seg_db):5.1f}/{np.median(seg_db):5.1f} dB  gaps {gap_db:5.1f} dB  "
              f"edges bad {edge_bad}/{edge_n}" + (f"  sides apart {sep:4.1f} dB" if sep is not None else ""))
    return ok


def channel_separation(x: np.ndarray, gt: dict, free: np.ndarray) -> tuple[float, bool]:
    """Stereo files: how far below its own side each party is on the other channel.
    Returns the smaller of the two figures (agent side on ch 0 vs. ch 1 while only the agent
    side is active, and the reverse for the customer), and whether either side leaks: the
    other channel rises more than 3 dB above its own noise floor and lies within 30 dB."""
    n = len(x)
    side = np.zeros((2, n), bool)  # labelled activity per side
    for r in gt["segments"]:
        ch = CUSTOMER_CH if r["speaker"] == "customer" else AGENT_CH
        side[ch, int(r["start_s"] * SR):int(r["end_s"] * SR)] = True
    for r in gt["keypad"]:
        side[CUSTOMER_CH, int(r["start_s"] * SR):int(r["end_s"] * SR)] = True
    for r in gt["music"]:
        side[AGENT_CH, int(r["start_s"] * SR):int(r["end_s"] * SR)] = True
    pw = lambda ch, m: 10 * math.log10(np.mean(x[m, ch] ** 2) + 1e-12) if m.any() else float("nan")  # noqa: E731
    worst, leak = float("inf"), False
    for own, other in ((AGENT_CH, CUSTOMER_CH), (CUSTOMER_CH, AGENT_CH)):
        only = side[own] & ~np.convolve(side[other], np.ones(int(0.2 * SR)), mode="same").astype(bool)
        if not only.any():
            continue
        level, on_other, floor = pw(own, only), pw(other, only), pw(other, free[:n])
        worst = min(worst, level - on_other)
        leak |= on_other > floor + 3 and level - on_other < 30
    return worst, leak


# --------------------------------------------------------------------------- CLI

TTS: Tts  # set in main(); the samples use it through _sample_call


def main(argv: list[str] | None = None) -> int:
    global TTS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=Path, help="write the deterministic demo set into this folder")
    ap.add_argument("--random", type=int, metavar="N", help="write N randomised calls into --out")
    ap.add_argument("--seed", type=int, default=0, help="seed for --random")
    ap.add_argument("--out", type=Path, help="output folder for --random")
    ap.add_argument("--check", type=Path, help="verify JSON times against the audio in this folder")
    ap.add_argument("--noise-db", type=float, default=None, help="line noise RMS in dBFS (samples: -60)")
    ap.add_argument("--no-bandlimit", action="store_true", help="skip the 300-3400 Hz telephone filter")
    ap.add_argument("--phrasing",
                    choices=["default", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "heldout"],
                    default="default",
                    help="phrase banks for --random: 'dev2' ... 'dev9' use tools/phrasings_dev2.py ... "
                         "tools/phrasings_dev9.py, further tuning wordings; 'heldout' uses "
                         "tools/phrasings_heldout.py, wording the detectors were not written against "
                         "(the samples always use the default)")
    args = ap.parse_args(argv)
    if not (args.samples or args.random or args.check):
        ap.error("give --samples DIR, --random N --out DIR, or --check DIR")
    if args.random and not args.out:
        ap.error("--random needs --out")
    if args.phrasing != "default" and not args.random:
        ap.error("--phrasing only applies to --random")
    phrasing = Phrasing(args.phrasing)
    if not mbrola_available():
        print("warning: MBROLA voices not installed; samples need them (see tools/README.md)", file=sys.stderr)
    bandlimit = not args.no_bandlimit
    with tempfile.TemporaryDirectory() as tmp:
        TTS = Tts(Path(tmp))
        if args.samples:
            args.samples.mkdir(parents=True, exist_ok=True)
            for stem, (build, fmt, ch) in SAMPLES.items():
                call = build()
                noise = -60.0 if args.noise_db is None else args.noise_db
                path = write_call(call, args.samples, fmt, ch, noise, bandlimit, seed=len(stem))
                print(f"wrote {path}")
        if args.random:
            args.out.mkdir(parents=True, exist_ok=True)
            for i in range(args.random):
                rng = random.Random(f"{args.seed}-{i}")
                prefix = "dev" if args.phrasing == "default" else args.phrasing
                call = Call(f"{prefix}_s{args.seed}_{i:03d}", TTS, rng)
                compose_random(call, rng, phrasing)
                fmt = rng.choice(list(FORMATS))
                ch = 2 if rng.random() < 0.4 else 1
                noise = rng.uniform(-66, -42) if args.noise_db is None else args.noise_db
                band = bandlimit and rng.random() < 0.8
                # occasional mains hum / pink noise (telephone-band levels; capped under the speech)
                hum = (Hum(rng.choice([50.0, 60.0]), rng.uniform(-56, -44), rng.choice(["both", "agent", "customer"]))
                       if rng.random() < 0.2 else None)
                pink = rng.uniform(-58, -46) if rng.random() < 0.25 else None
                path = write_call(call, args.out, fmt, ch, noise, band, seed=args.seed * 100_003 + i,
                                  hum=hum, pink_db=pink)
                extras = "".join([f", hum {hum.freq:.0f} Hz" if hum else "", ", pink noise" if pink is not None else ""])
                print(f"wrote {path} ({fmt}, {'stereo' if ch == 2 else 'mono'}, noise {noise:.0f} dBFS{extras})")
                TTS.cache.clear()  # voices differ per call; keep memory flat
    if args.check:
        return 0 if check_dir(args.check) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
