"""Holds, queue waits, transfer waits and dead air: what each gap in the conversation was.

A gap is judged on its sound (music, silence, a ringing tone, recorded announcements) and on
the words either side of it ("let me put you on hold" … "thanks for holding"), never on one
keyword alone: the ASR mishears, and "press and hold the button" is not a hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Greetings, Phrases, keys_offered, sentences
from .semantic import Intents
from .timeline import CallView, Gap, Utt, gaps
from .transfers import TransferDetector


@dataclass
class Wait:
    kind: str            # hold, queue_wait, transfer_wait, dead_air, other
    start: float
    end: float
    confidence: float
    evidence: list[str] = field(default_factory=list)


class WaitDetector:
    def __init__(self, cfg: dict, intents: Intents | None = None) -> None:
        f = cfg["fuzzy"]
        h = cfg["hold"]
        self.intents = intents
        self.h = h
        self.dead_air_s = float(cfg["dead_air"]["min_s"])
        self.announce = Phrases(h["announce"], f)
        self.announce_weak = Phrases(h["announce_weak"], f)
        self.cancel = Phrases(h["cancel"], f)
        self.not_hold = Phrases(h["not_hold"], f)
        self.resume = Phrases(h["resume"], f)
        # The same phrases heard through a worse ASR error ("play if you want to breathe" for
        # "place you on a brief hold"): weaker evidence.
        loose = float(h["loose_fuzzy"])
        # Only the longer phrases: loosely, "could you hold" is also "could you read".
        self.announce_loose = Phrases([p for p in h["announce"] if len(p.split()) >= 4], loose)
        self.resume_loose = Phrases(h["resume"], loose)
        self.checkin = Phrases(h["checkin"], f)
        t = cfg["transfer"]
        # What hands the call on is the transfer detector's call, so the two never disagree
        # about a gap: a hold here and a transfer there.
        self._transfers = TransferDetector(cfg, intents)
        self.hands_on = self._transfers.hands_on
        self.greeting = Greetings(t["greeting"], t["closing"], f)

    def detect(self, view: CallView) -> list[Wait]:
        first_agent = view.first_agent_time()
        out = []
        last_wait_end = 0.0
        hold: tuple[Wait, Gap] | None = None  # the last hold, and the gap it was
        for g in gaps(view, min(float(self.h["min_gap_s"]), self.dead_air_s)):
            w = self._judge(view, g, first_agent, last_wait_end, hold[0].end if hold is not None else None)
            if hold is not None and self._hold_goes_on(view, hold[1], g, w):
                hold[0].end = w.end
                hold[0].evidence.append("music on after a recording")
                last_wait_end = w.end
                continue
            out.append(w)
            if w.kind in ("hold", "transfer_wait"):
                last_wait_end = w.end
            if w.kind == "hold":
                hold = (w, g)
        return [w for w in out if w.kind != "other"]

    def _hold_goes_on(self, view: CallView, held: Gap, g: Gap, w: Wait) -> bool:
        """Whether a wait is the hold before it going on: no one has spoken with the caller
        since (only a recording, or a sound the ASR made nothing of, came between: "Please
        continue to hold, your advisor has not forgotten you", misheard and not told from an
        IVR prompt), and the music plays on. A wait after a person spoke is judged on its own,
        and so is one after the menu or a key press (the caller went on to a queue), or after
        an exchange the ASR left out (speech on both sides)."""
        if g.before is not held.before or w.kind not in ("hold", "queue_wait") \
                or view.frames.fraction("music", g.start, g.end) < float(self.h["music_fraction"]):
            return False
        a, b = held.end - 0.5, g.start + 0.5
        if any(a <= k.start_s <= b for k in view.keys) or any(
                u.system and not u.announcement and a <= u.start and u.end <= b and len(keys_offered(u.text)) >= 2
                for u in view.utts):
            return False
        return len({role == "customer" for start, end, role in view.turns if a <= start and end <= b}) < 2

    def _judge(self, view: CallView, g: Gap, first_agent: float | None, last_wait_end: float = 0.0,
               last_hold_end: float | None = None) -> Wait:
        fr = view.frames
        music = fr.fraction("music", g.start, g.end)
        tone = fr.fraction("tone", g.start, g.end)
        d = g.duration
        ev: list[str] = []
        if music >= 0.05:
            ev.append(f"music {music:.0%}")
        if tone >= 0.05:
            ev.append(f"tone {tone:.0%}")

        # Before any agent has spoken, the caller is in the IVR or queueing for one.
        if first_agent is None or g.end <= first_agent + 0.5 or (g.after_system and g.before is None):
            if g.after is not None and (music >= float(self.h["music_fraction"]) or g.announcements or d >= 8.0):
                ev += [f"announcement: {a.text[:40]!r}" for a in g.announcements[:1]]
                return Wait("queue_wait", g.start, g.end, min(1.0, 0.5 + music), ev)
            return Wait("other", g.start, g.end, 0.0)

        # An announcement announces one wait: words said before an earlier hold or hand-over are
        # that wait's ("I'll put you through to billing" does not make billing's silence a transfer).
        since = max(g.start - float(self.h["announce_window_s"]), last_wait_end - 0.5)
        before = [u for u in view.conversation if since <= u.end <= g.start + 0.5]
        agent_before = [u for u in before if u.is_agent_side]
        announced = next((u for u in reversed(agent_before) if self._announces_hold(u.text)), None)
        if announced is not None and self._taken_back(announced, agent_before):
            announced = None
        hinted = None if announced else next((u for u in reversed(agent_before[-2:]) if self.announce_weak.any(u.text)
                                              and self._stands(u, agent_before)), None)
        checked_before = next((u for u in reversed(agent_before[-2:]) if self.checkin.any(u.text)), None)
        # (A word or two filed with the agent after the hand-over, the caller's "Lekker." "Thanks",
        # does not push it out of the last two things the agent said, nor do the agent's own
        # sentences of the last 10 s that the caller's "okay" parted from it.)
        said_before = [u for u in agent_before if len(u.text.split()) > 2 or self.hands_on(u.text)]
        lately = [u for u in said_before[:-2] if u.end >= g.start - 10.0] + said_before[-2:]
        transferring = next((u for u in reversed(lately) if self.hands_on(u.text)), None)
        after_text = g.after.text if g.after is not None else ""
        # Back from a hold is the first thing said ("Hello? Hi. Okay. Right, thanks for being
        # patient."): "thank you for being a valued customer" five sentences into a merged
        # utterance is a goodbye, however like "thank you for being patient".
        opening = " ".join(_opening_sentences(after_text, 3))
        agent_after = g.after is not None and g.after.is_agent_side
        # A new agent greeting the caller after the music ("Payments desk, Raj speaking, sorry
        # for the wait getting through to us") took a transferred call: their "sorry for the
        # wait" is no return from a hold nobody announced.
        new_agent = agent_after and not announced and self.greeting.any(after_text) \
            and self._new_voice(view, g.after, agent_before)
        says_back = agent_after and (self.resume.any(opening) or self._means(after_text, "hold_resume", first=True))
        # Someone new who says the call was handed to them ("Resolutions team, Marcus speaking,
        # my colleague did a handover") took a transfer, even after a hold announced and taken
        # back in words we could not read ("Do not place your column home."); not when they say
        # they are back from that hold ("thanks for holding, my colleague mentioned an outage"
        # is the same agent under a new mono label).
        handed_in = agent_after and self._transfers.received_call(after_text) \
            and self._new_voice(view, g.after, agent_before) and not (announced and says_back)
        if handed_in and (music > 0.1 or tone > 0.1):
            return Wait("transfer_wait", g.start, g.end, 0.6, ev + [f"new agent: {after_text[:40]!r}"])
        # (On a stereo call takes_over compares the print with the agent before the wait however
        # long it was; the minute _new_voice looks back over would miss a queue's.)
        if agent_after and not announced and (view.channels == 2 or self._new_voice(view, g.after, agent_before)) \
                and self._transfers.takes_over(view, g.after):
            # A new voice took the caller over from the agent before, greeting unheard: the
            # transfer detector's hand-over, so the wait before it was the transfer's.
            return Wait("transfer_wait", g.start, g.end, 0.5, ev + [f"new agent took over: {after_text[:40]!r}"])
        resumed = not new_agent and says_back
        checked_in = agent_after and (self.checkin.any(after_text) or self._means(after_text, "hold_checkin", first=True))
        greeted = g.after is not None and self.greeting.any(after_text) and not resumed

        if self._in_system(view, g) and not announced and (music > 0.2 or g.announcements):
            # Back in the automated system (sent to the IVR menu, then queueing again): whoever
            # sent the caller there said so before the system spoke.
            return Wait("queue_wait", g.start, g.end, 0.7, ev + ["after an IVR prompt"])

        score = 0.0
        if music >= float(self.h["music_fraction"]):
            score += 2.0
        # (Not in words that hand the call on: loosely, "I'll put you on to the retention team" is
        # "put you on hold".)
        loosely = None if announced or hinted else next(
            (u for u in reversed(agent_before[-2:]) if self.announce_loose.any(u.text) and not self.not_hold.any(u.text)
             and not self.hands_on(u.text) and self._stands(u, agent_before)), None)
        if announced:
            score += 2.0
            ev.append(f"said {announced.text[:40]!r}")
        elif hinted or loosely:
            score += 1.0
            ev.append(f"said {(hinted or loosely).text[:40]!r}")
        acked = g.before is not None and g.before.is_customer and g.before.end - g.before.start < 2.5 and any(
            u.is_agent_side for u in before if u.end <= g.before.start + 0.5)
        if acked and d >= 15.0:
            score += 1.5
            ev.append(f"customer agreed {g.before.text[:20]!r}")
        if checked_before:
            score += 1.5
            ev.append(f"after check-in {checked_before.text[:30]!r}")
        if resumed:
            score += 2.0
            ev.append(f"then {after_text[:40]!r}")
        elif checked_in:
            score += 1.5
            ev.append(f"check-in {after_text[:40]!r}")
        elif g.after is not None and g.after.is_agent_side and self.resume_loose.any(opening):
            score += 1.0
            ev.append(f"then {after_text[:40]!r}")
        if g.announcements:
            score += 1.0
            ev.append(f"{len(g.announcements)} recorded announcement(s)")
        if music < 0.2 and tone < 0.2:
            score += float(self.h["silence_per_minute"]) * d / 60.0
        if transferring and not (announced and announced.start > transferring.start):
            score -= 3.0
            ev.append(f"transfer: {transferring.text[:40]!r}")
        if greeted:
            score -= 1.5
        if tone >= 0.3:
            score -= 1.0

        # A few seconds of "music" and nothing said about holding is more often a voice the
        # VAD missed (synthetic or sing-song digits) than a hold.
        spoken = announced or hinted or loosely or resumed
        # Silence that only a "sorry about that, it's up now" ends, nothing said of holding
        # before it, is someone looking something up: a hold is announced, and one whose
        # announcement the ASR lost still runs longer than a look-up. (Not after "thanks for
        # holding", which says there was one, nor a recording in the gap, nor the rest of a
        # hold the caller's "are you still there?" split, once or more: until an agent speaks,
        # that hold goes on.)
        looked_up = resumed and not (announced or hinted or loosely or checked_before or g.announcements) \
            and music < 0.2 and tone < 0.2 and d < float(self.h["resumed_only_min_s"]) \
            and not _SAYS_HOLD.search(opening) and (last_hold_end is None or any(
                u.is_agent_side and last_hold_end <= u.start < g.start for u in view.conversation))
        if score >= float(self.h["min_score"]) and d >= float(self.h["min_gap_s"]) and (
                spoken or d >= float(self.h["unspoken_min_s"])) and not looked_up:
            return Wait("hold", g.start, g.end, min(1.0, score / 5.0), ev)
        if transferring or (greeted and (tone > 0.1 or music > 0.1)):
            return Wait("transfer_wait", g.start, g.end, 0.6, ev)
        if music < 0.2 and tone < 0.2 and d >= self.dead_air_s:
            return Wait("dead_air", g.start, g.end, min(1.0, 0.5 + (d - self.dead_air_s) / 10.0),
                        [f"{d:.0f} s of silence, no music"] + ev)
        return Wait("other", g.start, g.end, 0.0)

    def _new_voice(self, view: CallView, u: Utt, agent_before: list[Utt]) -> bool:
        """Whether ``u`` is someone other than the agent who spoke before the gap: another
        diarization label on a mono call, another voiceprint on a stereo call's agent side."""
        if view.channels == 1:
            return bool(agent_before) and u.speaker not in {v.speaker for v in agent_before}
        return self._transfers.voice_changed(view, u)

    @staticmethod
    def _in_system(view: CallView, g: Gap) -> bool:
        """Whether the caller was last with the automated system: the gap follows a prompt or
        key press, or one came after the last thing a person said (a breath of untranscribed
        sound between the menu and the wait does not take the caller out of it), or a menu
        plays during the wait (read as an announcement because music plays under it). A menu
        offers two keys or more: one ("to leave a message, press 1"), however often it is
        repeated, may be a hold's recording."""
        if g.after_system or len(keys_offered(" ".join(a.text for a in g.announcements))) >= 2:
            return True
        if g.before is not None and g.before.is_customer and g.before.end - g.before.start <= 2.0 and any(
                g.before.start - 0.5 <= k.start_s <= g.before.end and len(k.keys.rstrip("#*")) == 1
                for k in view.keys):
            # The caller's "words" just before the wait are the menu key they pressed, heard as
            # "I'm" (dev10: a menu the ASR garbled past reading, "You often plan for the
            # collections of it", then key 4 and the queue's music). One key: a PIN typed in for
            # an agent while saying "done" is no menu choice.
            return True
        since = g.before.end if g.before is not None else 0.0
        # (Nor does up to 2 s of nobody's just after the prompt: a cough heard as "your".)
        fragment = g.before is not None and g.before.role == "unknown" and g.before.end - g.before.start <= 2.0
        return any((since <= u.start or fragment and g.before.start - 2.0 <= u.end <= g.before.start + 0.5)
                   and u.end <= g.start + 0.5 for u in view.utts if u.system and not u.announcement) \
            or any(since <= k.start_s <= g.start for k in view.keys)

    def _announces_hold(self, text: str) -> bool:
        if self.not_hold.any(text):
            return False
        at = self.announce.position(text)
        if at is None:
            # Said in words the list does not have; the last sentences are the ones that lead
            # into the wait, and a hold taken back in the same breath is not one.
            return self._means(text, "hold_announce") and not self._cancelled(text)
        return not self._cancelled(text, after=at)

    def _cancelled(self, text: str, after: int = -1) -> bool:
        """Whether ``text`` takes a hold back ("actually, forget that, I've found it") after
        character ``after`` of its normalized form, in the list's words or by meaning."""
        undo = self.cancel.position(text)
        if undo is not None and undo > after:
            return True
        pieces = sentences(text)
        # Meaning is asked of the sentences after the first: the one announcing is not its own undoing.
        return any(self._means(piece, "hold_cancel") for _, piece in pieces[1:])

    def _stands(self, said: Utt, agent_before: list[Utt]) -> bool:
        """Whether a hint of a hold in ``said`` was not taken back, in the same breath or the next."""
        return not self._cancelled(said.text) and not self._taken_back(said, agent_before)

    def _taken_back(self, said: Utt, agent_before: list[Utt]) -> bool:
        """Whether the agent's next utterance took back the hold ``said`` announced (the ASR
        sometimes splits "I'll put you on hold. Oh wait, here it is." in two)."""
        later = agent_before[agent_before.index(said) + 1:][:1]
        return any(self.cancel.any(u.text) or self._means(u.text, "hold_cancel", first=True) for u in later)

    def _means(self, text: str, intent: str, first: bool = False) -> bool:
        """Whether a sentence of ``text`` (its first two when ``first``, else its last two) has the intent."""
        return self.intents is not None and self.intents.meant(
            text, (intent,), slice(None, 2) if first else slice(-2, None)) is not None


# A word of holding ("thanks for holding", "sorry for the hold"; not "the account holder").
_SAYS_HOLD = re.compile(r"\bhold(?:ing|s)?\b", re.I)


def _opening_sentences(text: str, n: int) -> list[str]:
    """The sentences of ``text`` up to and including its ``n``-th of three words or more."""
    out: list[str] = []
    for _, piece in sentences(text):
        out.append(piece)
        n -= len(piece.split()) > 2
        if n == 0:
            break
    return out
