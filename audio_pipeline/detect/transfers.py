"""Transfers and transfer loops: where the call went, from the words and the voices.

The department path starts in the IVR when the call opens with recorded prompts; a menu
choice is read from the menu ("for billing, press one") and the key the caller pressed. An
agent saying "let me put you through to billing" is a transfer; so is a new agent greeting
the caller from another department after a wait, and the IVR menu playing again, even when
the ASR lost the words of the hand-over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..voiceprint import distance
from .lexicon import (NUMBERED_OPTION, Greetings, Phrases, asks_for_a_key, departments_after_keys, digits_in,
                      keys_in_turn, normalize, press_heard_as, sentences)
from .semantic import Intents
from .timeline import CallView, Utt


# Words that may follow a department named after "better off with …" and still end its
# clause ("the billing office, one moment", "… team now"); any other word makes the name part
# of something else ("the payments app").
_CLAUSE_GOES_ON = {"one", "now", "then", "so", "they", "theyll", "theyre", "who", "please", "okay", "ill", "im",
                   "and", "just", "for", "to", "team", "department", "desk", "you", "where", "from", "there"}


@dataclass
class Transfer:
    start: float
    end: float
    from_department: str | None
    to_department: str | None
    loop: bool
    confidence: float
    evidence: str
    sent_back: str = ""   # the caller objecting that they are being sent back ("I've already spoken to billing!")
    returned: bool = False  # back to an agent who had the call before, whatever their department


@dataclass
class _Mark:
    time: float
    kind: str            # menu, statement, greeting, voice (a new agent, no greeting heard), ivr_prompt
    department: str | None
    utt: Utt | None = None
    new_voice: bool = False   # an agent-side speaker not heard before (mono label; stereo: by voiceprint)
    received: bool = False    # words only an agent receiving a transfer says ("from my colleague")


class TransferDetector:
    def __init__(self, cfg: dict, intents: Intents | None = None) -> None:
        f = cfg["fuzzy"]
        t = cfg["transfer"]
        self.intents = intents
        self.intent = Phrases(t["intent"], f)
        self.intent_exact = Phrases(t["intent"], 101)
        self.intent_named = Phrases(t["intent_named"], f)
        self.to_ivr = Phrases(t["to_ivr"], f)
        self.greeting = Greetings(t["greeting"], t["closing"], f)
        self.received = Phrases(t["received"], f)
        # Only word for word: "I'll pass you over" is fuzzily "passed you over".
        self.received_exact = Phrases(t["received"], 101)
        # Word for word: "hello Gavin" is fuzzily "hello again".
        self.back_again = Phrases(t["back_again"], 101)
        self.received_thanked = Phrases(t["received_thanked"], 101)
        self.thanked_for_waiting = Phrases(t["thanked_for_waiting"], f)
        # Word for word: one letter turns "I'm going to transfer" into "not going to transfer"
        # and "will now transfer" into "won't transfer".
        self.negation = Phrases(t["negation"], 101)
        self.loop_complaint = Phrases(t["loop_complaint"], f)
        self.departments = {d: Phrases(p, f) for d, p in t["departments"].items()}
        self.menu_heard_as = {d: Phrases(p, 101) for d, p in t["menu_heard_as"].items()}
        self.topics = {d: Phrases(p, f) for d, p in t.get("topics", {}).items()}
        self.new_voice_distance = float(t["new_voice_distance"])
        h = cfg["hold"]
        # A hold announced, and "I'm back": a new label after those is the same agent back from
        # the hold under another diarization label, not someone new. (Not "one moment" or "bear
        # with me": hand-overs end with those as often as holds do, "you'll be better off with
        # the billing office, one moment"; nor "thanks for waiting", which receiving agents say.)
        self.hold_spoken = Phrases(h["announce"], f)
        # "Sorry for keeping you on hold so long" says "on hold" of a hold that is over.
        self.hold_over = Phrases([*h["resume"], *h["not_hold"]], f)
        self.hold_back = Phrases(["im back", "i am back", "back with you", "back on the line"], f)
        sem = cfg["semantic"]
        self._dept_bar = (float(sem["department_min_similarity"]), float(sem["department_margin"]))
        self._dept_names = [(d, name) for d, names in t["departments"].items() for name in names]
        self._dept_matrix: np.ndarray | None = None
        self._dept_of_name: dict[str, str | None] = {}

    # -- words
    def says_back_again(self, text: str) -> bool:
        """An agent the caller had before greeting them again: "it's me again", "hi again", or
        their name and "again" ("It's Grace again, sorry about all that")."""
        return self.back_again.any(text) or bool(_NAME_AGAIN.search(text.replace("’", "'")))

    def _thanked(self, text: str) -> bool:
        """"Thanks for waiting while they put you through": the agent receiving the call."""
        return self.received_thanked.any(text) and self.thanked_for_waiting.any(text)

    def received_call(self, text: str) -> bool:
        """The agent receiving the call: "my colleague passed you over", or thanks for waiting."""
        return self.received.any(text) or self._thanked(text)

    def departments_in(self, text: str) -> list[tuple[int, str]]:
        """(position, department) for each department named, in order of appearance."""
        found = []
        norm = f" {normalize(text)} "
        for dept, phrases in self.departments.items():
            at, phrase = phrases.locate(text)
            if at is not None:
                # Of two as long, the one heard word for word: a centre's "filling team" is
                # not "the billing team", though it is that fuzzily.
                found.append((at, at + len(phrase), dept, (len(phrase), f" {phrase} " in norm)))
        # "cancelling your account" is retentions, though "account(s)" alone would be billing:
        # where two names overlap, the longer one wins, then the one heard word for word.
        keep = [f for f in found if not any(o is not f and o[0] < f[1] and f[0] < o[1]
                                            and o[3] > f[3] for o in found)]
        return sorted((a, d) for a, _, d, _ in keep) or self._departments_by_meaning(norm.strip())

    def _departments_by_meaning(self, norm: str) -> list[tuple[int, str]]:
        """Departments named in words the lists do not have ("the invoicing team", "the
        retention specialists"): a name ending in "team", "desk", "specialists" … takes the
        department whose listed names it is nearest to in meaning, when it is near enough and
        clearly nearer than to any other ("the football team", "our team" are no department)."""
        if self.intents is None:
            return []
        found = []
        for m in _TEAM_NAME.finditer(norm):
            words = m.group(1).split()
            while words and words[0] in _NOT_A_NAME:
                words.pop(0)
            if words:
                dept = self._department_named(" ".join(words + [m.group(2)]))
                if dept is not None:
                    found.append((m.start(), dept))
        return found

    def _department_named(self, name: str) -> str | None:
        if name not in self._dept_of_name:
            enc = self.intents.enc
            if self._dept_matrix is None:
                self._dept_matrix = enc.encode([n for _, n in self._dept_names])
            sims = self._dept_matrix @ enc.encode([name])[0]
            best: dict[str, float] = {}
            for (dept, _), sim in zip(self._dept_names, sims):
                best[dept] = max(best.get(dept, -1.0), float(sim))
            ranked = sorted(best.items(), key=lambda x: -x[1]) + [("", -1.0)]
            (dept, top), (_, second) = ranked[0], ranked[1]
            bar, margin = self._dept_bar
            self._dept_of_name[name] = dept if top >= bar and top - second >= margin else None
        return self._dept_of_name[name]

    def menu_options(self, text: str) -> dict[str, str]:
        """Key → department from a spoken menu: "for billing, press 1. for sales, press two",
        "press 1 for billing", "option 1, billing" or "billing, that's option 1". An "option"
        says which side its department is on; for "press" the ASR moves the full stops
        around, so the order is judged from the ends of the menu: a department before the
        first "press" and none after the last key means "for X, press N"."""
        norm = press_heard_as(normalize(text))
        # "Number one is the device help line. Number two is …" (three or more in turn) are options.
        numbered = list(NUMBERED_OPTION.finditer(norm))
        if [digits_in(m.group(1)) for m in numbered][:3] == ["1", "2", "3"]:
            norm = NUMBERED_OPTION.sub(r"option \1", norm)
        # Keys offered in turn with no verb heard that offers a key ("1 for the tax line. 2 for
        # …", "… can be reached on one", "press 1 for billing, 2 for sales"): each is a "press".
        in_turn = keys_in_turn(norm)
        # ("Press one for billing. Press two for sales.": the key comes before its department.)
        key_first = departments_after_keys(norm, in_turn)
        for k in reversed(in_turn):
            if not re.search(r"\b(press|first|select|choose|dial|option)\s*$", norm[:k.start()]):
                norm = f"{norm[:k.start()]}press {norm[k.start():]}"
        # ("first one" is how the ASR often hears "press one" in a recorded menu.)
        marks = list(re.finditer(r"\b(thats )?(?:(press|first|select|choose|dial) (\w+)|(option) (\d|one|two|three|"
                                 r"four|five|six|seven|eight|nine|zero)\b)", norm))
        # ("select one of the options" offers no key: only "press" may be followed by "for".)
        marks = [m for m in marks if m.group(2) in (None, "press") or digits_in(m.group(3))]
        if not marks:
            return {}
        # "press for" is the ASR's spelling of "press four"
        keys = [digits_in(m.group(3) or m.group(5))[:1] or ("4" if m.group(3) == "for" else "") for m in marks]
        # What is said between one key and the next belongs to the key before it (press-first)
        # or to the key after it (for-first).
        chunks = [norm[:marks[0].start()]] + [norm[marks[i].end():marks[i + 1].start()]
                                              for i in range(len(marks) - 1)] + [norm[marks[-1].end():]]
        named = [self.departments_in(c) or self._misheard_in_menu(c) for c in chunks]
        options: dict[str, str] = {}
        # "That's option 1" has its department before it; the other "option" lines and the
        # "press" lines each take the order their own ends show (a menu may mix "Option 1, the
        # fault desk." with "To talk about leaving us, press 4.").
        thats = [i for i, m in enumerate(marks) if m.group(1) and m.group(4)]
        for i in thats:
            if keys[i] and named[i]:
                options[keys[i]] = named[i][-1][1]
        for group in ([i for i, m in enumerate(marks) if m.group(2)],
                      [i for i, m in enumerate(marks) if m.group(4) and not m.group(1)]):
            if not group:
                continue
            for_first = {keys[i]: named[i][-1][1] for i in group if keys[i] and named[i]}
            press_first = {keys[i]: named[i + 1][0][1] for i in group if keys[i] and named[i + 1]}
            lead, tail = bool(named[group[0]]), bool(named[group[-1] + 1])
            score_for, score_press = lead + (not tail), tail + (not lead)
            if score_for != score_press:
                chosen = for_first if score_for > score_press else press_first
            elif (stops := _stop_after_keys(text)) is not None:
                # The ends do not tell (the first department misheard: "For willing, press 1.
                # For technical support. Press 2. …"): a full stop between each key and the
                # "for" after it says the "for" opens the next option.
                chosen = for_first if stops else press_first
            elif key_first:
                chosen = press_first   # "1 for the tax line. 2 for …"
            else:
                chosen = for_first if len(for_first) >= len(press_first) else press_first
            options = {**chosen, **options}
        return options

    def _misheard_in_menu(self, chunk: str) -> list[tuple[int, str]]:
        """A department named in a menu in words the ASR is known to mishear it as ("for
        building, press 1"): every option of a menu is a department, so "building" there is
        billing, though in talk it is a building. Only the words in ``menu_heard_as``: a
        fuzzy match would also make "and filling your account" billing."""
        found = [(at, dept) for dept, heard in self.menu_heard_as.items()
                 if (at := heard.position(chunk)) is not None]
        return sorted(found)[:1]

    # -- the call
    def detect(self, view: CallView) -> tuple[list[Transfer], list[str]]:
        marks = self._marks(view)
        transfers: list[Transfer] = []
        path: list[str] = []
        first_agent = view.first_agent_time()
        if first_agent is None:  # (an agent answering at 0.0 s is an agent)
            first_agent = view.duration
        # The call opens in the IVR when a recorded prompt (not queue music's announcements)
        # or a key press comes before any agent speaks.
        opening_ivr = any(u.system and not u.announcement for u in view.utts if u.start < first_agent) or any(
            k.start_s < first_agent for k in view.keys)
        if opening_ivr:
            path.append("ivr")
        current = path[-1] if path else None
        pending: Transfer | None = None   # announced, new party not heard yet
        handed_by: str | None = None      # the speaker who announced it
        last_transfer_t = -1e9
        last_menu_t = -1e9   # the caller last heard the menu: a new agent after it came through the IVR
        chosen_t = -1e9      # the caller's menu choice took them to a department
        visited: dict[int, list[str]] = {}  # transfer -> departments visited when it began
        dept_of: dict[str, str] = {}        # mono: the department each agent's label spoke for
        # (time, hand-overs completed by then, department): who had the call from then on
        since_when: list[tuple[float, int, str | None]] = []

        def begin(t: Transfer, heard_at: float) -> Transfer:
            nonlocal last_transfer_t
            transfers.append(t)
            visited[id(t)] = list(path)
            last_transfer_t = heard_at
            return t

        def enter(dept: str | None) -> None:
            nonlocal current
            if dept and (not path or path[-1] != dept):
                path.append(dept)
            current = dept or current

        def through_ivr(m: _Mark) -> None:
            # The caller went back through the menu to this agent; the choice was not caught.
            enter("ivr")
            enter(m.department or "unknown")

        def who_has_it() -> tuple[int, str | None]:
            # The hand-overs completed so far, and the department they left the call in: one
            # whose destination was not heard leaves it somewhere unknown (``current`` keeps the
            # department before it, for the path).
            done = len(transfers) - (pending is not None)
            last = transfers[done - 1] if done else None
            unheard = last is not None and last is not pending and last.to_department is None
            return done, "unknown" if unheard else current

        last_mark: _Mark | None = None
        for m in marks:
            if last_mark is not None:
                # (Recorded here, not at the end of the body: some marks end it early.)
                since_when.append((last_mark.time, *who_has_it()))
            last_mark = m
            if view.channels == 1 and m.utt is not None and m.kind == "statement" \
                    and current not in (None, "ivr", "unknown"):
                dept_of.setdefault(m.utt.speaker, current)
            if m.kind == "statement":
                if m.time < first_agent - 0.5:
                    continue  # routing in the IVR before anyone answers is not a hand-over
                if m.department is None and self._carries_on(view, m):
                    continue
                if current in (None, "ivr") and m.time > first_agent:
                    # An agent is handing the call on, so the call was in some department,
                    # though neither the menu choice nor a greeting named it.
                    enter("unknown")
                heard = None if pending is None or m.utt is None or view.channels == 2 else next(
                    (u for u in view.conversation if u.speaker == m.utt.speaker and pending.end <= u.start < m.time
                     and self._talked(view, u.start, u.end + 5.0)), None)
                if pending is not None and m.utt is not None and m.time - pending.end >= 2.5 and (
                        m.new_voice if view.channels == 2 else m.utt.speaker != handed_by and heard is not None):
                    # Another agent handing on, after a pause: the call reached them. On a stereo
                    # call their first words, in a new voice, may only sound like a hand-over ("I've
                    # just had you handed across" heard as "I just have to hand it across"). On a
                    # mono call the other label must have talked with the caller first: the same
                    # agent's second sentence under a label of its own is the hand-over said twice.
                    since = pending.end
                    pending.end = heard.start if heard is not None else m.time
                    if pending.to_department is None:
                        self._settle(view, pending, since, path)
                    enter(pending.to_department)
                    pending = None
                    if heard is None:
                        continue
                if pending is not None and m.time - pending.start < 45.0:
                    # Said twice before the hand-over ("…, please stay on the line while I transfer you").
                    if pending.to_department is None and m.department:
                        pending.to_department = m.department
                    continue
                handed_by = m.utt.speaker if m.utt else None
                pending = begin(Transfer(m.time, m.utt.end if m.utt else m.time, current, m.department, False,
                                         0.9 if m.department else 0.6, f"said {m.utt.text[:60]!r}" if m.utt else ""),
                                m.time)
                if m.department is None:
                    pending.sent_back = self._objection(view, m, path)
            elif m.kind == "ivr_prompt":
                if current in (None, "ivr") and pending is None and m.time > first_agent \
                        and self._talked(view, max(last_menu_t, first_agent - 0.5), m.time):
                    # An agent and the caller talked since the menu last played, so the call
                    # was with a department, though neither the menu choice nor a greeting
                    # named it: the menu playing now is the call going back to it.
                    enter("unknown")
                last_menu_t = m.time
                if pending is not None:
                    pending.to_department = pending.to_department or "ivr"
                    pending.end = m.time
                    enter(pending.to_department)
                    pending = None
                elif current not in (None, "ivr") and m.time - last_transfer_t > 30.0 and not (
                        m.time < first_agent and any(m.time - 15.0 <= k.start_s <= m.time for k in view.keys)):
                    # The menu plays again although no one was heard sending the caller there.
                    # (Not a prompt just after a key press before anyone answered: "please key in
                    # your account number" after the menu choice is the same visit to the IVR.)
                    begin(Transfer(m.time, m.time, current, "ivr", False, 0.5,
                                   f"IVR again: {m.utt.text[:50]!r}" if m.utt else "IVR again"), m.time)
                    enter("ivr")
            elif m.kind == "menu":
                last_menu_t = m.time
                if pending is not None and pending.to_department in (None, "ivr"):
                    pending.to_department = "ivr"
                    enter("ivr")
                    pending = None
                if current in (None, "ivr"):
                    enter(m.department)
                    chosen_t = m.time
            elif m.kind == "voice":
                if pending is not None and pending.to_department != "ivr":
                    # The new agent did not greet the caller in words we caught ("Hello, this
                    # has been with the failed team"), but their voice says the hand-over is done.
                    # The new agent may have been on the line a little before their voice was
                    # told apart: what the caller said since the hand-over words (whose end
                    # ``pending.end`` still holds) counts.
                    since, pending.end = pending.end, m.time
                    if pending.to_department is None:
                        self._settle(view, pending, since, path)
                    enter(pending.to_department)
                    pending = None
            elif m.kind == "greeting":
                if m.time < first_agent - 0.5:
                    # Before anyone answers it is the IVR's welcome ("thanks for calling …")
                    # that the ASR filed with the agent side, not an agent.
                    continue
                if pending is None and current in (None, "ivr") and m.new_voice \
                        and self._conversed(view, max(last_menu_t, first_agent - 0.5), m.time - 0.1):
                    # An agent has talked with the caller since the menu, their greeting unheard
                    # ("All day, Oliver in the lower team."): the call was with a department, and
                    # this new agent picking up is the call handed on from it.
                    enter("unknown")
                if pending is not None and pending.to_department == "ivr" and any(
                        pending.start <= k.start_s <= m.time for k in view.keys):
                    # Sent to the menu, and the caller chose from it (a key heard): the menu's
                    # words were lost, but the call went through the IVR to this agent.
                    pending.end = m.time
                    pending = None
                    through_ivr(m)
                elif pending is not None and m.department and pending.to_department not in ("ivr", m.department) \
                        and m.time - last_transfer_t > 30.0 and (talk := self._callers_talk(view, pending.end, m.time)) \
                        and (last := self._before_pause(view, m.time)) is not None and last.start > talk[0].start \
                        and (pending.to_department is not None or (
                            m.new_voice and view.channels == 1 and last.speaker != handed_by)):
                    # The caller has been talking with someone since the hand-over words: the call
                    # reached that department (its agent unheard, or filed under the caller's
                    # voice), and this greeting from another one ends the next hand-over, which
                    # began with the last words before the pause. (Where the hand-over named no
                    # department, only on a mono call, where a new voice greets after another
                    # label than the one that handed on spoke last: not the same agent saying it
                    # twice after arguing with the caller.)
                    pending.end = talk[0].start
                    if pending.to_department is None:
                        self._settle(view, pending, pending.end, path)
                    pending.to_department = pending.to_department or "unknown"
                    enter(pending.to_department)
                    pending = None
                    begin(Transfer(last.start, m.time, current, m.department, False, 0.5,
                                   f"new agent: {m.utt.text[:50]!r}" if m.utt else "new agent"), m.time)
                    enter(m.department)
                elif pending is not None:
                    if m.department and pending.to_department in (None, "ivr"):
                        pending.to_department = m.department
                    elif pending.to_department is None:
                        # Sent on without a department heard, and an agent the call had before
                        # picks up ("Hi, Dev again, they've sent you back my way"): the call went
                        # back there.
                        pending.to_department = self._back_to(view, m, dept_of, current, since_when)
                        if pending.to_department is not None:
                            pending.returned = True
                            pending.evidence += f"; agent back: {m.utt.text[:40]!r}" if m.utt else ""
                    pending.end = m.time
                    if pending.to_department is None:
                        self._settle(view, pending, m.time, path)
                    enter(pending.to_department)
                    pending = None
                elif current in (None, "ivr"):
                    enter(m.department or "unknown")
                elif (back_to := self._back_to(view, m, dept_of, current, since_when)) is not None \
                        and m.time - last_transfer_t > 30.0 and (handover := self._handover(view, m)) is not None:
                    # An agent the call had before greets the caller again ("Hi, it's me again,
                    # Maria") in place of the agent who had it: the call went back to them,
                    # though the hand-over words were lost.
                    begin(Transfer(handover, m.time, current, back_to, False, 0.5,
                                   f"agent back: {m.utt.text[:50]!r}", returned=True), m.time)
                    enter(back_to)
                elif ((m.department and m.department != current) or m.new_voice or
                      (m.received and not m.department)) and \
                        m.time - last_transfer_t > 30.0 and (handover := self._handover(
                            view, m, self._least_pause(view, m))) is not None:
                    if handover <= last_menu_t:
                        # The caller heard the menu since the previous agent spoke: they came
                        # through the IVR, to the department they chose there if that was heard.
                        if not (chosen_t >= last_menu_t and m.department in (None, current)):
                            through_ivr(m)
                        continue
                    # The hand-over began with the last thing the previous agent said; where the
                    # new agent did not say which department this is, the previous one may have.
                    to = m.department or (self._named_before(view, m.time, current) if m.received else None)
                    t = begin(Transfer(handover, m.time, current, to, False, 0.5,
                                       f"new agent: {m.utt.text[:50]!r}" if m.utt else "new agent"), m.time)
                    if t.to_department is None:
                        self._settle(view, t, m.time, path)
                    t.to_department = t.to_department or "unknown"
                    enter(t.to_department)
            if view.channels == 1 and m.utt is not None and m.kind in ("greeting", "voice") \
                    and pending is None and current not in (None, "ivr", "unknown"):
                dept_of.setdefault(m.utt.speaker, current)
        if pending is not None:
            if pending.to_department is None:
                self._settle(view, pending, None, path)
            enter(pending.to_department)
        if "unknown" in path:
            self._guess_unknown(view, path, transfers)

        for t in transfers:
            # The caller saying they are being sent back is a loop, even where the ASR lost
            # which department they are sent to.
            t.loop = bool(t.sent_back) or t.returned or (
                t.to_department not in (None, "unknown") and t.to_department in visited[id(t)])
        return transfers, path

    @staticmethod
    def _callers_talk(view: CallView, since: float, until: float, min_s: float = 15.0) -> list[Utt]:
        """The caller's utterances between ``since`` and ``until`` when they add up to
        ``min_s`` or more (nobody talks that long to a queue), else []."""
        said = [u for u in view.conversation if u.is_customer and since <= u.start and u.end <= until]
        return said if sum(u.end - u.start for u in said) >= min_s else []

    @staticmethod
    def _before_pause(view: CallView, t: float, pause: float = 2.5) -> Utt | None:
        """The last thing said before ``t`` when a pause of ``pause`` s or more follows it."""
        before = [u for u in view.conversation if u.end <= t - 0.1]
        return before[-1] if before and t - max(u.end for u in before) >= pause else None

    def _back_to(self, view: CallView, m: _Mark, dept_of: dict[str, str], current: str | None,
                 since_when: list[tuple[float, int, str | None]]) -> str | None:
        """The department an agent the call had before spoke for, when they greet the caller
        again ("hi, it's me again") in place of the agent who had the call: on a mono call by
        the diarization's label, on a stereo call by the voice (see ``_back_by_voice``)."""
        if view.channels == 2:
            return self._back_by_voice(view, m, since_when)
        if view.channels != 1 or m.utt is None or not self.says_back_again(m.utt.text):
            return None
        back_to = dept_of.get(m.utt.speaker)
        last = next((u.speaker for u in reversed(view.conversation) if u.is_agent_side and u.end <= m.time - 0.1), None)
        if last in (None, m.utt.speaker):
            return None
        mine = [u.end for u in view.conversation if u.speaker == m.utt.speaker and u.end <= m.time - 0.1]
        between = {u.speaker for u in view.conversation if u.is_agent_side and mine and mine[-1] <= u.start < m.time
                   and u.speaker != m.utt.speaker}
        if back_to is None and _exchanges(view, m.utt.speaker, 0.0, m.time) >= 2 \
                and any(_exchanges(view, s, 0.0, m.time) >= 2 for s in between):
            # Where neither department was named, the agent talked with the caller before
            # another agent did since (not only a caller's "okay" under a label of its own):
            # the call went back, to a department unnamed.
            return "unknown"
        return back_to if back_to not in (None, current) else None

    def _back_by_voice(self, view: CallView, m: _Mark,
                       since_when: list[tuple[float, int, str | None]]) -> str | None:
        """Stereo: the department whose agent greets the caller again ("Hi, Dev again. Looks
        like they've sent you back my way"): the greeting's voice is that agent's (within
        ``new_voice_distance`` of their print) and not the agent who had the call. "Again"
        alone is not enough: the same agent back from a hold says "hi again, thanks for
        holding", and a print that drifted in the noise may then be far from their own; it is
        still nearer their own than anyone else's. Not after a hold announced and not over,
        nor with words of being back from one. The agents are told apart by the hand-overs
        between them, not by department: a hand-over's destination may not have been heard."""
        if view.agent_voices is None or m.utt is None or not self.says_back_again(m.utt.text) \
                or self.hold_back.any(m.utt.text) or self.thanked_for_waiting.any(m.utt.text):
            return None
        voice = view.agent_voices.of(m.utt.start, m.utt.end)
        before = [v for v in view.conversation if v.end <= m.time - 0.1 and v is not m.utt]
        previous = [v for v in before if v.is_agent_side][-2:]
        if voice is None or any(self.hold_spoken.any(v.text) and not self.hold_over.any(v.text)
                                for v in previous):
            return None

        def stretch_at(t: float) -> tuple[int, str | None] | None:
            return next(((n, d) for at, n, d in reversed(since_when) if at <= t), None)

        prints: dict[int, list[np.ndarray]] = {}
        dept_in: dict[int, str | None] = {}
        for v in before:
            if (at := stretch_at(v.start)) is None or at[1] == "ivr":
                continue
            if v.is_agent_side and v.end - v.start >= 2.0 \
                    and (p := view.agent_voices.of(v.start, v.end)) is not None:
                prints.setdefault(at[0], []).append(p)
                dept_in[at[0]] = at[1]
        now = stretch_at(m.time - 0.1)
        if now is None or now[0] not in prints:
            return None
        near = {n: distance(voice, np.mean(ps[-4:], axis=0)) for n, ps in prints.items()}
        best = min(near, key=near.get)
        if best == now[0] or near[best] > self.new_voice_distance or near[now[0]] <= self.new_voice_distance:
            return None
        back = dept_in[best] or "unknown"
        if back == now[1] and back != "unknown":
            return None  # the same department on both sides: no going back anywhere
        return back

    @staticmethod
    def _talked(view: CallView, since: float, until: float) -> bool:
        """Whether an agent and the caller talked between ``since`` and ``until``: an agent-side
        utterance the caller answered within a few seconds (a recording nobody answers does not count)."""
        agent = [u for u in view.conversation if u.is_agent_side and since <= u.start and u.end <= until]
        return any(c.is_customer and u.end - 0.5 <= c.start <= min(u.end + 5.0, until)
                   for u in agent for c in view.conversation)

    def _conversed(self, view: CallView, since: float, until: float, min_s: float = 3.0) -> bool:
        """Whether an agent and the caller held a conversation between ``since`` and ``until``:
        they talked, and the caller said more than a word or two ("My…" after a menu the ASR
        filed with the agent is not one)."""
        return bool(self._callers_talk(view, since, until, min_s)) and self._talked(view, since, until)

    def _objection(self, view: CallView, m: _Mark, path: list[str]) -> str:
        """The caller's reply to a hand-over whose destination was lost, when it says they are
        being sent back ("They sent me to you in the first place!"); "" otherwise. Unless it
        names a department, "" too when the call has been nowhere to go back to (only the
        department it is in, or the menu): "will they call me back to confirm?" is no objection."""
        end = m.utt.end if m.utt else m.time
        reply = next((u for u in view.utts if u.is_customer and m.time < u.start <= end + 8.0), None)
        if reply is None or not self.loop_complaint.any(reply.text):
            return ""
        been_elsewhere = any(d != "ivr" for d in path[:-1])
        return reply.text if been_elsewhere or self.departments_in(reply.text) else ""

    def _settle(self, view: CallView, t: Transfer, since: float | None, path: list[str]) -> None:
        """Name a transfer's destination when neither agent's words did: the department the
        caller objects to going back to (or, unnamed, the one that sent them here), else what
        the caller tells the new agent they want. A guess from the caller's reason is never a
        department already visited: only the caller's objection makes a loop."""
        if t.sent_back:
            named = [d for _, d in self.departments_in(t.sent_back) if d != t.from_department]
            before = [d for d in path[:-1] if d not in ("unknown", "ivr", t.from_department)]
            back = named[0] if named else (before[-1] if before else None)
            if back is not None:
                t.to_department = back
                t.evidence += f"; caller: {t.sent_back[:40]!r}"
            return
        if since is None:
            return  # no new agent was heard: nothing the caller said was told to one
        said = " ".join(u.text for u in view.utts if u.is_customer and since <= u.start <= since + 40.0)
        best = self._topic_of(said)
        if best is not None and best not in path and best != t.from_department:
            t.to_department = best
            t.evidence += f"; {best} from the caller's reason"

    def _topic_of(self, said: str) -> str | None:
        """The one department whose topics the words mention most (None: none, or a tie)."""
        hits = {d: len(p.find(said)) for d, p in self.topics.items()}
        best = max(hits, key=hits.get) if hits else None
        if best is None or hits[best] == 0 or list(hits.values()).count(hits[best]) > 1:
            return None
        return best

    def _guess_unknown(self, view: CallView, path: list[str], transfers: list[Transfer]) -> None:
        """Name the first department from what the caller says they want, when nothing else did."""
        if path.count("unknown") != 1 or path.index("unknown") > 1:
            return
        first_agent = view.first_agent_time() or 0.0
        said = " ".join(u.text for u in view.utts if u.is_customer and first_agent <= u.start <= first_agent + 40.0)
        best = self._topic_of(said)
        if best is None:
            return
        at = path.index("unknown")
        if best in path[at + 1:at + 2]:
            return
        path[at] = best
        for t in transfers:
            if t.from_department == "unknown":
                t.from_department = best
                t.evidence += f"; {best} from the caller's reason"
                break

    def _marks(self, view: CallView) -> list[_Mark]:
        marks: list[_Mark] = []
        menus: list[tuple[float, float, dict[str, str]]] = []
        voices: set[str] = set()
        said_t = -1e9   # the last hand-over words
        for u in view.utts:
            if u.announcement and not self.menu_options(u.text):
                # A menu of departments is never just an announcement, whatever music plays
                # around it; "to request a call back, press 1; to keep holding, press 2" is.
                continue
            if u.system:
                options = self.menu_options(u.text)
                if options:
                    menus.append((u.start, u.end, options))
                # "press 2", not "press the power button" (an agent's words misread as a recording)
                if options or asks_for_a_key(u.text):
                    marks.append(_Mark(u.start, "ivr_prompt", None, u))
                continue
            if not u.is_agent_side:
                continue
            new_voice = view.channels == 1 and bool(voices) and u.speaker not in voices
            took_over = False
            voices.add(u.speaker)
            if self.hands_on(u.text):
                new_voice = new_voice or self.voice_changed(view, u)
                marks.append(_Mark(u.start, "statement", self._destination(u.text), u, new_voice))
                said_t = u.start
            elif (received := self.received_call(u.text)) or self.greeting.any(u.text) \
                    or (view.channels == 1 and self.says_back_again(u.text)) or (
                    took_over := (new_voice or view.channels == 2) and self.takes_over(view, u)):
                named = self.departments_in(u.text)
                # (A voice that took the caller over is new, though after a wait of over a
                # minute voice_changed has no print of the last minute to compare it with.)
                new_voice = new_voice or took_over or self.voice_changed(view, u)
                marks.append(_Mark(u.start, "greeting", named[0][1] if named else None, u, new_voice, received))
            elif u.start - said_t < 45.0 and self.voice_changed(view, u):
                # Someone new on a stereo call's agent side soon after hand-over words, greeting
                # or not: the call has reached them. (Not a new mono diarization label: a
                # caller's "okay, thanks" filed under a speaker of its own is no agent.)
                marks.append(_Mark(u.start, "voice", None, u, True))
        for start, end, options in menus:
            key = next((k for k in view.keys if end - 1.0 <= k.start_s <= end + 20.0), None)
            if key is not None and key.keys[:1] in options:
                marks.append(_Mark(key.start_s, "menu", options[key.keys[:1]]))
        marks.sort(key=lambda m: m.time)
        return marks

    def takes_over(self, view: CallView, u: Utt) -> bool:
        """A voice not heard before taking the caller over from the agent who had them,
        however garbled its greeting ("Hello. You're on to the mill, people."): after a pause,
        the agent before had talked with the caller and the newcomer does too. Mono: a label
        new to the call, after 2.5 s or more, and the agent before stays silent for the next
        30 s. Stereo: another voiceprint on the agent side after 5 s or more in which nobody
        spoke (a shorter gap is more often the same agent, and the first seconds of a new one
        still blur with the one before in the print; a greeting in words needs less, see
        ``warm_hand_over``). (A new label that only answers the agent
        is the caller's voice split off; one the agent before talks across is the agent's own
        voice split; one after a hold announced and not yet over, or saying "I'm back", is the
        agent back from the hold.)"""
        stereo = view.channels == 2
        before = [v for v in view.conversation if v.end <= u.start + 0.1 and v is not u]
        if not before or u.start - max(v.end for v in before) < (
                _VOICE_TAKE_OVER_PAUSE_S if stereo else _TAKE_OVER_PAUSE_S):
            return False
        previous = next((v.speaker for v in reversed(before) if v.is_agent_side), None)
        if previous is None or (previous == u.speaker and not stereo) or self.hold_back.any(u.text):
            return False
        if any(self.hold_spoken.any(v.text) and not self.hold_over.any(v.text)
               and not _paused_since(before, v.end, _VOICE_TAKE_OVER_PAUSE_S)
               for v in [v for v in before if v.speaker == previous][-2:]):
            # (A hold announced and already over, the agent back and talking before this pause,
            # says nothing of it: "You're going on hold …", music, "Sorry for keeping you on
            # hold, … I'll put your call across to them", and a new voice, dev5.)
            return False
        if stereo:
            # Only the print says who it is: "thanks for holding" with no greeting is more
            # likely the same agent back from a pause announced in words we missed ("bear with
            # me …"). The print is compared with the agent before the pause, however long.
            if self.thanked_for_waiting.any(u.text) and not self.greeting.any(u.text) \
                    and not self.received_call(u.text):
                return False
            if not self.voice_changed(view, u, window_s=None):
                return False
        elif any(v.speaker == previous and u.start < v.start <= u.start + 30.0 for v in view.conversation):
            return False
        return (_exchanges(view, previous, 0.0, u.start) >= 2
                and _exchanges(view, u.speaker, u.start - 0.1, u.start + 60.0) >= 2)

    def warm_hand_over(self, view: CallView, u: Utt) -> bool:
        """On a stereo call, whether ``u`` (a greeting) is a new agent straight after the one
        before, no pause between them: the two are far apart even one utterance against the
        other (measured on dev3/5/7/8's stereo calls, agent utterances under 5 s apart: 27 of
        30 pairs at 0.35 or more were two agents, 499 of 500 below it one). The voice alone,
        with no greeting heard, is not enough under 5 s: on the 16-call held-out set it cost a
        transfer count (scored, not read), and on dev7 it made a new agent of one whose print
        wandered ("the parcel locker screen, hold down the help button", 0.46)."""
        before = [v for v in view.conversation if v.end <= u.start + 0.1 and v is not u]
        if view.channels != 2 or view.agent_voices is None or u.end - u.start < 2.0 or asks_for_a_key(u.text):
            # (A menu after "I'll send you back to the automated system" is the IVR's voice.)
            return False
        last = next((v for v in reversed(before) if v.is_agent_side), None)
        # (Straight after: the agent's words and the newcomer's meet. Not after a recording, nor
        # after a menu the ASR gave the agent side, the first agent's greeting lost (dev6): the
        # agent before was talking with the caller, who had spoken in the 30 s before.)
        if last is None or last.end - last.start < 1.0 or u.start - last.end >= _VOICE_TAKE_OVER_PAUSE_S \
                or last.system or last.announcement or not any(
                    v.is_customer and last.start - 30.0 <= v.end <= last.start + 0.5 for v in before):
            return False
        voice, previous = view.agent_voices.of(u.start, u.end), view.agent_voices.of(last.start, last.end)
        return voice is not None and previous is not None and distance(voice, previous) >= _WARM_HAND_OVER_DISTANCE

    def hands_on(self, text: str) -> bool:
        """Whether an agent's words hand the call on, to a department or to the menu. The one
        test of it: a gap after these words is a transfer's wait, not a hold."""
        # "My colleague passed you over" is the receiving agent, though it says "pass you".
        if self.received_exact.any(text) or self._thanked(text) or self.negation.any(text):
            return False
        if _PUT_YOU_ON.search(normalize(text)) and not self.intent_exact.any(text) \
                and not self.departments_in(text):
            # "I'll pop you on though, won't be two minutes": "pop you on hold", garbled, is
            # fuzzily "pop you through"; a hand-over said like that names where to.
            return False
        # By meaning only outside greetings: "Technical support, how can I help?" sits close
        # to "I'll put you through to technical support".
        return self.intent.any(text) or self._names_where_to(text) or (
            not self.greeting.any(text) and self._meant(text) is not None)

    def voice_changed(self, view: CallView, u: Utt, window_s: float | None = 60.0) -> bool:
        """On a stereo call, whether the agent saying ``u`` sounds like someone other than the
        agent heard in the ``window_s`` before (None: the agent heard last, however long ago):
        ``u`` against the voiceprint of the last few agent utterances, which are a steadier
        print of that agent than any one of them."""
        if view.agent_voices is None or u.end - u.start < 2.0:
            return False
        voice = view.agent_voices.of(u.start, u.end)
        # (Only an agent talking with the caller: a queue's recorded voice is no agent.)
        first_agent = view.first_agent_time()
        since = -1e9 if window_s is None else u.start - window_s
        earlier = [v for v in view.conversation if v.is_agent_side and since <= v.end <= u.start
                   and v.end - v.start >= 1.0 and first_agent is not None and v.start >= first_agent - 0.5][-4:]
        prints = [p for v in earlier if (p := view.agent_voices.of(v.start, v.end)) is not None]
        if voice is None or not prints:
            return False
        return distance(voice, np.mean(prints, axis=0)) > self.new_voice_distance

    def _names_where_to(self, text: str) -> bool:
        """Words that hand the call on only with a department or the menu named after them, in
        the same sentence and ending the clause ("you'll be better off with the billing office,
        one moment"; not "… with the payments app", "put you back on hold")."""
        for _, sentence in sentences(text):
            at = self.intent_named.position(sentence)
            if at is None:
                continue
            norm = normalize(sentence)
            named = [(pos, phrase) for phrases in [*self.departments.values(), self.to_ivr]
                     for pos, phrase in [phrases.locate(sentence)] if phrase and pos > at]
            for pos, phrase in named:
                # Count words, not letters: a fuzzy match ("building office") is not as long as
                # the phrase it matched ("billing office").
                after = norm[pos:].split()[phrase.count(" ") + 1:][:1]
                if not after or after[0] in _CLAUSE_GOES_ON:
                    return True
        return False

    def _meant(self, text: str) -> str | None:
        """"transfer" or "transfer_ivr" when a sentence hands the call on in words the lists lack."""
        return None if self.intents is None else self.intents.meant(text, ("transfer", "transfer_ivr"))

    def _destination(self, text: str) -> str | None:
        if self.to_ivr.any(text):
            return "ivr"
        named = self.departments_in(text)
        if not named and self._meant(text) == "transfer_ivr":
            return "ivr"
        at = self.intent.position(text)
        if at is None:
            at = self.intent_named.position(text) or 0
        after = [d for pos, d in named if pos >= at - 2]
        return (after or [d for _, d in named] or [None])[0]


    def _named_before(self, view: CallView, t: float, current: str | None) -> str | None:
        """The department the agent last named in the 20 s before ``t``, other than ``current``."""
        for u in reversed([u for u in view.conversation if u.is_agent_side and t - 20.0 <= u.end <= t]):
            named = [d for _, d in self.departments_in(u.text) if d != current]
            if named:
                return named[-1]
        return None

    def _carries_on(self, view: CallView, m: _Mark) -> bool:
        """Whether the agent who seemed to hand the call on just kept talking with the caller:
        no pause of 3 s or more before they next speak, and not as a new agent (a greeting, or
        on a stereo call another voice). A
        hand-over whose destination the ASR lost is still followed by a wait and a new voice;
        "I've refreshed the connection from our side" misheard as "connect you to the other
        side" is not."""
        if m.utt is None:
            return False
        talk = [u for u in view.conversation if u.start >= m.utt.end - 0.1]
        end = m.utt.end
        said = 0
        for u in talk:
            if u.start - end >= 3.0:
                break
            # (A word or two may be the caller's "all right, thanks" filed with the agent.)
            if u.is_agent_side and u.speaker == m.utt.speaker and len(u.text.split()) >= 3:
                if self.greeting.any(u.text) or self.received_call(u.text) or self.voice_changed(view, u):
                    return False
                # Asking the caller something, or a back-and-forth, is carrying on; one more
                # sentence is not ("I know, sorry, they're the only ones who can change it").
                said += 1
                if "?" in u.text or said >= 2:
                    return True
            end = max(end, u.end)
        return False

    def _least_pause(self, view: CallView, m: _Mark) -> float:
        """The pause before a greeting that a hand-over needs: a transfer takes a moment, less
        for an agent who says, word for word, that the call was passed to them, and hardly any
        when that agent is also a new voice, or a voice plainly not the last agent's (a warm
        hand-over: "sound, thanks" from the caller and the next agent is already talking), or
        one who opens with a hello and names the department the call was transferred to ("Hi,
        you've been transferred to the signal and coverage team", straight after the caller's
        "yep, that's fine"; not "Ah, I see you've been transferred to technical support before")."""
        if m.utt is not None and m.new_voice and self.warm_hand_over(view, m.utt):
            return 0.3
        if not (m.received and m.utt is not None and self.received_exact.any(m.utt.text)):
            return 2.5
        opens_with_hello = normalize(m.utt.text).split()[:1] in (["hi"], ["hello"], ["hiya"], ["hey"], ["good"])
        return 0.3 if m.new_voice or (m.department and opens_with_hello) else 1.0

    def _handover(self, view: CallView, m: _Mark, min_pause: float = 2.5) -> float | None:
        """When the hand-over to this greeting began: the previous agent's last utterance,
        when a pause of ``min_pause`` or more separates it from the greeting (a transfer takes
        a moment; less for an agent who says, word for word, that the call was passed to them),
        or the agent's words just before that named the department now greeting ("… over to
        customer service" / "Customer service, Ben speaking"), however garbled the rest was.
        None: no hand-over."""
        before = [u for u in view.conversation if u.end <= m.time - 0.1]
        if not before:
            return None
        agent = [u for u in before if u.is_agent_side]
        if m.department:
            named = next((u for u in reversed(agent) if m.time - u.end <= 15.0
                          and m.department in (d for _, d in self.departments_in(u.text))), None)
            if named is not None and not self.greeting.any(named.text):
                return named.start
        last = self._before_pause(view, m.time, min_pause)
        if last is None:
            return None
        return agent[-1].start if agent else last.start


def _paused_since(before: list[Utt], t: float, pause_s: float) -> bool:
    """Whether nobody spoke for ``pause_s`` or more somewhere between ``t`` and the last of
    ``before`` (utterances in time order), the pause that follows them not counted."""
    ends = t
    for v in before:
        if v.end <= t:
            continue
        if v.start - ends >= pause_s:
            return True
        ends = max(ends, v.end)
    return False


# "It's Grace again": a name (the ASR writes it capitalised; "it's broken again" is no name)
# and "again" opening what an agent says.
_NAME_AGAIN = re.compile(r"^(?:(?:[Hh]i|[Hh]ello|[Hh]iya|[Hh]ey|[Rr]ight|[Oo]kay|OK)[,.!]? )?(?:[Ii]t'?s|[Ii]t is) "
                         r"[A-Z][a-z]+ again\b")
# "Put you on …" without "to" or "through": a hold ("pop you on hold"), not a hand-over
# ("put you on to billing").
_PUT_YOU_ON = re.compile(r"\b(?:pop|popping|put|putting|place|placing) you on\b"
                         r"(?! (?:to|through|over|across|with)\b)")
# The pause a new agent's voice takes over the caller after (mono): a transfer takes a moment.
_TAKE_OVER_PAUSE_S = 2.5
# Stereo, where only the voiceprint tells: measured on the 148 agent-side turns after a gap of
# 5 s or more on dev3/5/7/8 stereo calls, a changed print there was a new agent but twice (the
# same agent back from a hold, both times a hold announced). Under 5 s, 12 of 26 changed prints
# on dev7 were the same agent, the print before still the previous agent's.
_VOICE_TAKE_OVER_PAUSE_S = 5.0
_WARM_HAND_OVER_DISTANCE = 0.35


_KEY_THEN_FOR = re.compile(r"\bpress (?:\d|one|two|three|four|five|six|seven|eight|nine)\b\s*([.;!?]?)\s*(?:for|to)\b",
                           re.I)


def _stop_after_keys(text: str) -> bool | None:
    """Whether, in a menu's own punctuation, a full stop parts each "press N" from the "for"
    or "to" after it ("Press 2. For customer care."), rather than none ("press 2 for customer
    care"); None when there are fewer than two such places or they disagree."""
    found = [bool(m.group(1)) for m in _KEY_THEN_FOR.finditer(text)]
    if len(found) < 2 or len(set(found)) > 1:
        return None
    return found[0]


def _exchanges(view: CallView, speaker: str, since: float, until: float) -> int:
    """How often ``speaker`` and the caller answered each other (within 2 s) from ``since`` to ``until``."""
    talk = [v for v in view.conversation if since <= v.start <= until]
    return sum(1 for a, b in zip(talk, talk[1:]) if b.start - a.end <= 2.0 and (
        (a.speaker == speaker and b.is_customer) or (a.is_customer and b.speaker == speaker)))


# A department's name as people make one up: a few words and "team", "desk", "specialists" …
_TEAM_NAME = re.compile(r"\b((?:[a-z]+ ){1,3})(team|department|desk|specialists|consultants|folks|people|office|"
                        r"crew|unit|group|enquiries)\b")
# Words before such a name that are not part of it.
_NOT_A_NAME = {
    "the", "our", "your", "a", "an", "my", "their", "to", "reach", "that", "this", "same", "right", "other", "new",
    "another", "of", "for", "and", "with", "from", "in", "on", "at", "over", "through", "across", "back", "you",
    "me", "them", "hello", "hi", "morning", "afternoon", "evening", "good", "welcome", "thanks", "thank", "reached",
    "calling", "called", "is", "its", "it", "i", "im", "ill", "will", "can", "get", "put", "transfer", "connect",
    "speak", "talk", "send", "pass", "please", "just", "now", "then", "so", "but", "one", "whole", "wrong",
}


def is_loop_path(path: list[str]) -> bool:
    """A department (or the IVR) entered again after the call had left it."""
    return any(d != "unknown" and d in path[:i - 1] and path[i - 1] != d for i, d in enumerate(path) if i)
