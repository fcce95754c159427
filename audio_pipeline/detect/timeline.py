"""One call as the detectors see it: utterances in order, who is a person and who is a
recording, keypad entries, and the gaps in the conversation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .. import roles
from ..voiceprint import Voiceprints
from .acoustic import Frames
from .dtmf import KeyEntry
from .lexicon import Phrases, keys_offered, normalize


@dataclass
class Utt:
    start: float
    end: float
    text: str
    role: str          # agent, customer, ivr, unknown (from the transcription stage)
    speaker: str
    system: bool = False        # a recording: IVR prompt or announcement
    announcement: bool = False  # a recording played over hold / queue music
    words: list[tuple[float, str]] = field(default_factory=list)  # (start, word)

    def time_at(self, offset: int) -> float:
        """When the word at character ``offset`` of ``text`` was said."""
        pos = 0
        for start, word in self.words:
            pos += len(word.strip()) + 1
            if pos > offset:
                return start
        return self.start

    @property
    def norm(self) -> str:
        return normalize(self.text)

    @property
    def is_customer(self) -> bool:
        return self.role == "customer" and not self.system

    @property
    def is_agent_side(self) -> bool:
        """Said by a person who is not the customer (the agent; unknown speakers count too)."""
        return not self.system and self.role != "customer"


@dataclass
class Gap:
    """A stretch with no one talking: between ``start`` (end of the last thing said, keyed or
    prompted) and ``end`` (when a person next speaks)."""

    start: float
    end: float
    before: Utt | None          # last conversational utterance before the gap
    after: Utt | None           # first conversational utterance after it
    after_system: bool          # the gap started after an IVR prompt or keypad entry
    announcements: list[Utt] = field(default_factory=list)

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass
class CallView:
    call_id: str
    duration: float
    channels: int
    utts: list[Utt]
    keys: list[KeyEntry]
    frames: Frames
    # Speech activity (VAD / diarization turns): it catches speech the ASR left out.
    turns: list[tuple[float, float, str]] = field(default_factory=list)
    # Voiceprints of a stereo call's agent channel, where every agent speaks (None: mono, whose
    # diarization already tells voices apart, or not wanted).
    agent_voices: Voiceprints | None = None

    @property
    def conversation(self) -> list[Utt]:
        return [u for u in self.utts if not u.system]

    def first_agent_time(self) -> float | None:
        """When a person first talks with the caller: an agent-side utterance someone else
        answers (a recording nobody answers, misread as a person, does not count). Any other
        voice will do: the roles of a mono call are sometimes wrong."""
        agent = [u for u in self.utts if u.is_agent_side]
        for u in agent:
            # (A lone word no role was found for, with music straight after, is no answer: "two."
            # split off the menu's "… or press two" under a label of its own, before the queue's
            # music; "Hiya." to an agent's greeting is.)
            if any(not v.system and v.speaker != u.speaker and u.end - 0.5 <= v.start <= u.end + 5.0
                   and not (v.role != "customer" and len(v.text.split()) < 2
                            and self.frames.fraction("music", v.end, v.end + 3.0) > 0.5)
                   for v in self.utts):
                return u.start
        return agent[0].start if agent else None


def build(call_id: str, duration: float, channels: int, utterances: list[dict], words: list[dict],
          keys: list[KeyEntry], frames: Frames, announcement_phrases: Phrases,
          ivr_phrases: Phrases | None = None, turns: list[dict] | None = None,
          agent_phrases: Phrases | None = None, *, recording_max_s: float) -> CallView:
    said: dict[int, list[tuple[float, float, str]]] = {}
    for w in words:
        said.setdefault(w["utterance_id"], []).append((w["start_s"], w["end_s"], w["word"]))
    rows = sorted(utterances, key=lambda r: (r["start_s"], r["end_s"]))
    # When each side started speaking: the caller, and everyone else a role was found for.
    started = {side: [r["start_s"] for r in rows if r["role"] not in (None, "unknown") and (r["role"] == "customer") == side]
               for side in (True, False)}
    utts = [piece for u in rows for piece in _split_where_answered(u, sorted(said.get(u["utterance_id"], [])), started)]
    # (A piece after the caller's reply starts after that reply.)
    utts.sort(key=lambda u: (u.start, u.end))
    prompts = []
    for u in utts:
        # A menu offering two keys or more ("Option 1, the fault desk. Option 2, …") is a
        # recording, whoever the diarization filed it under; "option two is the fibre plan" is not.
        prompt = u.role == "ivr" or roles.is_ivr_prompt(u.text) or (u.role != "customer" and (
            (ivr_phrases is not None and ivr_phrases.any(u.text)) or len(keys_offered(u.text)) >= 2))
        if prompt and agent_phrases is not None and agent_phrases.any(u.text) and (channels == 2 or u.role != "ivr"):
            # "I'll send you back to the main menu" names the menu but is an agent talking.
            # (On mono calls a speaker the diarization already knows as the IVR stays the IVR:
            # "please hold while we connect you" is a recording.)
            prompt = False
            u.role = "agent" if u.role == "ivr" else u.role
        prompts.append(prompt)
    _menus_split_by_the_asr(utts, prompts, agent_phrases)
    # On a mono call the recorded voice has its own diarization label: what else it says over
    # the music is a recording too, and a different voice over the music is an agent checking in.
    machine = {u.speaker for u, p in zip(utts, prompts) if p} if channels == 1 else set()
    for i, (u, prompt) in enumerate(zip(utts, prompts)):
        # (An answer may start before the question's last word is over: "yes, still here".)
        answered = any(v.role == "customer" and u.end - 1.0 <= v.start <= u.end + 3.0 for v in utts[i + 1:i + 4])
        # Music ducks under a recorded announcement, so look a few seconds either side.
        before, after = frames.fraction("music", u.start - 4.0, u.start), frames.fraction("music", u.end, u.end + 4.0)
        music_around = before > 0.2 and after > 0.2
        music_near = before > 0.2 or after > 0.2
        says_announcement = announcement_phrases.any(u.text)
        if machine:
            # (A word the diarization gave another label in the middle of a recording is the
            # recording's: "You are on hold." "please" "do not hang up" (dev10).)
            # (Not an agent's "Hello?" picking the call up between two pieces of the queue's.)
            inside = 0 < i < len(utts) - 1 and u.end - u.start <= 1.0 and len(u.text.split()) <= 2 \
                and "?" not in u.text and normalize(u.text).split()[:1] not in _PICKING_UP \
                and utts[i - 1].speaker in machine and utts[i + 1].speaker in machine \
                and u.start - utts[i - 1].end <= 1.0 and utts[i + 1].start - u.end <= 1.0
            recorded = prompt or u.speaker in machine or says_announcement or inside
        else:
            recorded = prompt or says_announcement or u.role != "customer"
        # The caller's words into hold music that no agent answers ("hello? still there?", or a
        # recording the diarization filed with the caller's voice) do not end the wait: only an
        # agent speaking to the caller does.
        # (A few words, with music either side, that answer nobody either: "no bother" to the
        # hold's announcement is before the hold.)
        # A recording near them is no agent: those before are already judged, those after are
        # the prompts and the announcement phrases.
        # (So do a word or two no role was found for, that nobody answers: "Or", after a hold's
        # announcement.)
        unheard = (u.role == "customer" and u.end - u.start <= 6.0
                   or u.role == "unknown" and u.end - u.start <= 2.0 and not answered) and music_around and not any(
            v.role != "customer" and v.end >= u.start - 3.0 and v.start <= u.end + 3.0
            and not (v.system if j < i else prompts[j] or announcement_phrases.any(v.text))
            for j, v in enumerate(utts[:i + 4]) if j >= i - 3 and v is not u)
        # One side answering the other within 1.5 s is a person, whatever the words sound like
        # and whatever the music detector made of the voice: the caller's "I've been stuck in
        # this queue since half nine", the agent's "I'll get you connected to sales now, just
        # stay on the line for me" (both say an announcement's words).
        replying = not prompt and u.speaker not in machine and any(
            not v.system and v.speaker != u.speaker and (v.role == "customer") != (u.role == "customer")
            and 0.0 <= u.start - v.end <= 1.5 for v in utts[max(0, i - 3):i])
        # A recording over the music is a sentence or two. Longer, with no menu in it and none of
        # an announcement's words, it is an agent back from the hold whose voice the music
        # detector took for music (and whose caller's answers the diarization filed with them).
        talking = u.end - u.start > recording_max_s and not prompt and not says_announcement
        u.announcement = (music_around and not answered and recorded and not replying and not talking) or unheard or (
            music_near and says_announcement and prompt and not answered)
        u.system = prompt or u.announcement
    spoken = [(t["start_s"], t["end_s"], t["role"] or "unknown") for t in (turns or [])
              if t["role"] != "ivr" and t["end_s"] - t["start_s"] >= 0.3
              and frames.fraction("music", t["start_s"], t["end_s"]) < 0.3]
    return CallView(call_id, duration, channels, utts, _pressed(keys, utts, frames), frames, sorted(spoken))


# First words of someone picking the call up, not of a recording.
_PICKING_UP = (["hello"], ["hi"], ["hey"], ["hiya"])


def _pressed(keys: list[KeyEntry], utts: list[Utt], frames: Frames, offered_s: float = 30.0) -> list[KeyEntry]:
    """The keys a caller pressed, without the lone "key" that hold music sounded: two notes of
    a chord can sit on a row and a column frequency for a moment. A single key with music on
    both sides is a caller's only when a recording offered keys shortly before ("to request a
    call back, press 1")."""
    def offered(k: KeyEntry) -> bool:
        return any(u.system and k.start_s - offered_s <= u.end <= k.start_s + 0.5 and k.keys in keys_offered(u.text)
                   for u in utts)

    return [k for k in keys if len(k.keys) > 1 or offered(k) or not (
        frames.fraction("music", k.start_s - 2.0, k.start_s) >= 0.8
        and frames.fraction("music", k.end_s, k.end_s + 2.0) >= 0.8)]


# A pause inside an utterance at least this long, with the other side starting to speak in it,
# parts it, into pieces of at least this many words.
_ANSWERED_PAUSE_S = 0.5
_PIECE_MIN_WORDS = 3


def _split_where_answered(u: dict, words: list[tuple[float, float, str]],
                          started: dict[bool, list[float]]) -> list[Utt]:
    """``u`` as one utterance, or as several where the other side spoke in a pause inside it
    (``started``: sorted start times of the caller's utterances, True, and the others', False).
    On a stereo call above all the ASR runs one channel's sentences together, however long the
    pause, so an agent's "I'm transferring your call to customer service", the caller's "Fine"
    and the next agent's "Welcome to the customer relations team" come as one agent utterance."""
    role = u["role"] or "unknown"
    other = started[role != "customer"]

    def spoke_between(a: float, b: float) -> bool:
        return bisect.bisect_right(other, b) > bisect.bisect_left(other, a)

    # (Not into a word or two: the caller answering over the agent's closing "please" leaves
    # "please" the agent's question's.)
    cuts = [i + 1 for i, (a, b) in enumerate(zip(words, words[1:])) if b[0] - a[1] >= _ANSWERED_PAUSE_S
            and spoke_between(a[1] - 0.2, b[0])] if role != "unknown" else []
    kept: list[int] = []
    for c in cuts:
        if c - (kept[-1] if kept else 0) >= _PIECE_MIN_WORDS and len(words) - c >= _PIECE_MIN_WORDS:
            kept.append(c)
    cuts = kept
    if not cuts:
        return [Utt(u["start_s"], u["end_s"], u["text"], role, u["speaker"] or "",
                    words=[(start, word) for start, _end, word in words])]
    pieces = [words[a:b] for a, b in zip([0] + cuts, cuts + [len(words)])]
    return [Utt(u["start_s"] if n == 0 else p[0][0], u["end_s"] if n == len(pieces) - 1 else p[-1][1],
                " ".join(word for _s, _e, word in p), role, u["speaker"] or "",
                words=[(start, word) for start, _end, word in p])
            for n, p in enumerate(pieces)]


def _menus_split_by_the_asr(utts: list[Utt], prompts: list[bool], agent_phrases: Phrases | None) -> None:
    """Marks as prompts the pieces of a menu the ASR cut up ("… tap one, the case handling unit,
    press the two key" / "this is the three key …"): utterances of one voice, each under 2 s
    from the last with nobody between, that together offer three keys or more and none of them
    two, up to the last piece that names a key (an agent greeting the caller just after the
    menu, on the same channel, is no piece of it). Two keys in two sentences are as often an
    agent explaining ("for fraud it's option 1." / "If it's about a card, that's option 2.")."""
    run: list[int] = []

    def close() -> None:
        if len(run) < 2 or agent_phrases is not None and any(
                not prompts[i] and agent_phrases.any(utts[i].text) for i in run):
            return
        # (A whole menu then "… press hash" is a menu and a prompt, each already read as such.)
        if len(keys_offered(" ".join(utts[i].text for i in run))) < 3 or any(
                len(keys_offered(utts[i].text)) >= 2 for i in run):
            return
        named = [i for i in run if _NAMES_A_KEY.search(normalize(utts[i].text))]
        if not named:
            return
        for i in run:
            if i <= named[-1]:
                prompts[i] = True

    for i, u in enumerate(utts):
        last = utts[run[-1]] if run else None
        if u.role == "customer" or last is not None and (u.speaker != last.speaker
                                                           or u.start - last.end > _MENU_PIECES_APART_S):
            close()
            run = []
        if u.role != "customer":
            run.append(i)
    close()


_MENU_PIECES_APART_S = 2.0
_NAMES_A_KEY = re.compile(r"\b(key|press|option|[1-9]|one|two|three|four|five|six|seven|eight|nine)\b")


def gaps(view: CallView, min_s: float) -> list[Gap]:
    """Stretches of at least ``min_s`` without conversation, IVR prompts or keypad entries.
    Announcements over music do not break a gap: they are part of the wait."""
    marks: list[tuple[float, float, Utt | None, bool]] = []  # start, end, utterance, is_system
    for u in view.utts:
        if not u.announcement:
            marks.append((u.start, u.end, None if u.system else u, u.system))
    for k in view.keys:
        marks.append((k.start_s, k.end_s, None, True))
    recorded = [(u.start, u.end) for u in view.utts if u.announcement or u.system]
    for start, end, _role in view.turns:
        if any(a - 0.5 < end and start < b + 0.5 for a, b in recorded):
            continue
        # Speech the ASR did not transcribe still ends a silence; borrow the words of an
        # utterance that starts with it or just after (a blip of the caller's line, then the new
        # agent's greeting), if there is one.
        near = next((u for u in view.utts if not u.system and start - 0.5 <= u.start <= end + 2.0), None)
        marks.append((start, end, near, False))
    marks.sort(key=lambda m: m[0])

    out: list[Gap] = []
    t, last_conv, last_system = 0.0, None, True
    for start, end, utt, system in marks + [(view.duration, view.duration, None, False)]:
        if start - t >= min_s:
            inside = [u for u in view.utts if u.announcement and u.start >= t - 0.5 and u.end <= start + 0.5]
            out.append(Gap(t, start, last_conv, utt, last_system, inside))
        if end > t:
            t = end
            last_system = system
        if utt is not None:
            last_conv = utt
    return out
