"""Identity verification: who asked the customer for which identity item, and whether the
customer had already given it (spoken, or keyed into the IVR).

An item is recognised from the question ("when were you born?") and, when the ASR garbled
the question, from the answer ("the fourteenth of March nineteen eighty two" is a date of
birth). Requests for order, tracking or ticket numbers and a new delivery address are not
identity and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .dtmf import KeyEntry
from .lexicon import (_MONTHS, Greetings, Phrases, birth_date_in, digits_in, is_question, looks_like_email, mentions_month,
                      names_a_domain, normalize, sentences)
from .semantic import Intents
from .timeline import CallView, Utt

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

ITEMS = ("account_number", "date_of_birth", "postcode", "address", "phone_number", "card_last4",
         "full_name", "security_answer", "email", "pin")


@dataclass
class Request:
    time: float
    item: str
    speaker: str
    text: str
    repeated: bool = False
    confidence: float = 0.5
    evidence: str = ""


class VerificationDetector:
    def __init__(self, cfg: dict, intents: Intents | None = None) -> None:
        f = cfg["fuzzy"]
        v = cfg["verification"]
        self.intents = intents
        self.window = float(v["answer_window_s"])
        self.request = Phrases(v["request"], f)
        self.keypad = Phrases(v["keypad"], f)
        self.not_identity = Phrases(v["not_identity"], f)
        self.complaint = Phrases(v["complaint"], f)
        self.asked_again = Phrases(v["asked_again"], 101)
        self.not_asked_again = Phrases(v["not_asked_again"], 101)
        self.again_hint = Phrases(v["asked_again"] + v["asked_again_hint"], 101)
        # Single words ("again", "twice") say a value was given before only next to a request:
        # "I've been charged twice" is no complaint about being asked.
        self.complaint_phrases = Phrases([c for c in v["complaint"] if " " in c.strip()], f)
        self.items = {item: Phrases(phrases, f) for item, phrases in v["items"].items()}
        self.greeting = Greetings(cfg["transfer"]["greeting"], cfg["transfer"]["closing"], f)

    def detect(self, view: CallView) -> list[Request]:
        utts = [u for u in view.utts if not u.announcement]
        if view.channels == 1:
            utts = self._split_asks(utts)
        requests: list[Request] = []
        given: dict[str, float] = {}   # item -> when the customer first gave it
        pending: dict[str, Request] = {}  # asked, not answered yet
        values: dict[str, tuple[str, float]] = {}  # item -> (what the customer gave, when)
        questions: list[_Question] = []  # every agent sentence of five words or more, in order
        claimed: set[int] = set()  # key entries that answered a prompt we read
        for i, u in enumerate(utts):
            if u.is_customer:
                continue
            reply = _reply(utts, i, self.window, self.complaint_phrases)
            # What identifies the reply, worked out once for every use below; a name counts only
            # as the answer to a name.
            answer = _value(reply.text) if reply is not None else None
            answer_name = _value(reply.text, names=True) if reply is not None else None
            # An agent may ask for an item to be typed in too ("tap your account number on the
            # keypad"); typing follows straight after that.
            keyed = _keyed_after(view.keys, u, self.window if u.system else 8.0)
            if keyed is not None and not self._names_an_item(u.text) \
                    and self._later_prompt(utts, i, keyed):
                # A prompt that names no item, followed by one that asks for keys: the keys
                # answer the later one ("… press 3 for sales." "Please key your PIN …"). One
                # that names the item keeps them, though Whisper split the prompt in two
                # ("Please enter your account number." "Followed by the hash key.").
                keyed = None
            asked = self._asked_in(u, reply)
            if not asked and keyed is not None and (self._asks_to_key(u.text) or (
                    not u.system and self._names_an_item(u.text))):
                # The words were lost or did not read as a request, but the caller typed
                # something in: what it was follows from its shape.
                item = _keyed_item(keyed.keys)
                if item:
                    when = self._prompt_time(u, item)
                    asked = [(when, item, f"keyed {len(keyed.keys.rstrip('#*'))} digits after {u.text[:40]!r}")]
            if reply is not None and not asked and _starts(utts[i + 1], reply) \
                    and ((question := _sounds_asked(u.text)) or (not u.system and (
                        self._complains(reply.text, strict=True) or (
                        (self.request.any(u.text) or _says_number(u.text))
                        and _number_again(reply, answer, values, u.start, 6)) or (
                        self.request.any(u.text) and _number_again(reply, answer, values, u.start, 4))))) \
                    and not self.greeting.any(u.text):
                # The customer gives again a value they gave before: whatever the garbled
                # question was, it asked for that item again. (Only a question we could not
                # read, right before the answer: an email address may spell out the name, and
                # a caller may tell a new agent who they are unasked: "Billing, Sam speaking."
                # "Hi Sam, it's Rachel Morgan." A caller saying they gave it before vouches
                # for a question that does not even sound like one, except for a name. A
                # question the caller answers aloud is a person's, even where the agent's
                # voice was taken for a recording.)
                pieces = sentences(u.text)
                for item, (value, at) in values.items():
                    if item == "full_name" and not question:
                        continue
                    sig = answer_name if item == "full_name" else answer
                    if sig and at < u.start and _same_value(sig, value):
                        when = u.time_at(pieces[-1][0]) if pieces else u.start
                        asked.append((when, item, f"answer repeats the {item.replace('_', ' ')} given at {at:.0f} s"))
            if reply is not None and not asked and _starts(utts[i + 1], reply) and not u.system \
                    and (item := self._again_by_shape(u, reply, values, given)) is not None:
                pieces = sentences(u.text)
                asked.append((u.time_at(pieces[-1][0]) if pieces else u.start, item,
                              f"asked again, answered like the {item.replace('_', ' ')} given at "
                              f"{given[item]:.0f} s"))
            if reply is not None and not asked and _starts(utts[i + 1], reply) and not u.system \
                    and (item := self._four_digits_given_again(u, reply)) is not None:
                pieces = sentences(u.text)
                asked.append((u.time_at(pieces[-1][0]) if pieces else u.start, item,
                              f"caller gave four digits again: {reply.text[:40]!r}"))
            if reply is not None and len(asked) == 1:
                asked = self._by_value(asked, answer, values, u.start)
            same = [] if u.system else self._asked_before(u, questions, utts, view.keys)
            for when, item, how in [a for a in same if a[1] is not None and a[1] not in {x[1] for x in asked}]:
                asked.append((when, item, how))
            # Keys typed before the caller spoke answered the prompt: what the caller says next
            # is to whoever answers the call ("I've been charged twice …"), not about the prompt.
            complained = bool(asked) and reply is not None and self._complains(reply.text) and not (
                keyed is not None and keyed.start_s < reply.start)
            n_before = len(requests)
            for when, item, how in asked:
                if item in pending and pending[item].time >= when - self.window and not _answered_between(
                        utts, view.keys, pending[item].time, when):
                    continue  # the same question again before any answer: one request, rephrased
                repeated = item in given and given[item] < when
                if not repeated and (keys := _keyed_as(view.keys, item, when, claimed)) is not None:
                    # Keyed in the IVR, though its prompt was lost: the keys' shape says what.
                    repeated = True
                    how += f"; {len(keys.keys.rstrip('#*'))} digits keyed at {keys.start_s:.0f} s"
                again = not repeated and not u.system and self._asks_again(u, when, item)
                if again:
                    repeated = True
                    how += f"; asked again: {again!r}"
                if not repeated and reply is not None:
                    # The customer answers with something they already said, though we did not
                    # catch the first question: it was given before.
                    # Not names: callers give their name unasked ("Hi, it's Rachel Morgan, …"),
                    # and being asked for it after that is not being asked twice.
                    said = next((v for v in utts if v.is_customer and v.end <= when and answer
                                 and _same_value(answer, _value(v.text) or "")), None)
                    if said is not None:
                        repeated = True
                        how += f"; the answer repeats what the customer said at {said.start:.0f} s"
                ev = how
                if complained:
                    ev += f"; customer: {reply.text[:50]!r}"
                r = Request(when, item, "ivr" if u.system else u.speaker, u.text, repeated or complained,
                            0.9 if how.startswith("asked:") else 0.75 if how.startswith("asked (") else 0.6, ev)
                if complained and not repeated:
                    r.confidence = 0.6  # we missed the first time but the customer says there was one
                requests.append(r)
                pending[item] = r
                # (An earlier question that named no item is this one's item asked before, when
                # this one asks for one item only.)
                earlier = next((q for q in same if q[1] == item or (q[1] is None and len(asked) == 1)), None)
                if earlier is not None and not r.repeated:
                    r.repeated = True  # the very question asked and answered before
                    r.evidence += f"; {earlier[2]}"
                if keyed is not None:
                    claimed.add(id(keyed))
                    given.setdefault(item, keyed.end_s)
                    values.setdefault(item, (keyed.keys.rstrip("#*"), keyed.end_s))
                elif reply is not None:
                    given.setdefault(item, reply.end)
                    sig = answer_name if item == "full_name" else answer
                    # Digits in the answer to an email, name or security question are not that
                    # item's value (a PIN said again must not read as the email asked again).
                    if sig and not (sig.isdigit() and item in _NOT_DIGITS):
                        values.setdefault(item, (sig, reply.end))
            if not u.system:
                mine = requests[n_before:]
                for offset, sent in sentences(u.text):
                    norm = normalize(sent)
                    if len(norm.split()) >= 5:
                        at = u.time_at(offset)
                        questions.append(_Question(at, norm, {r.item for r in mine if r.time == at}))
        return requests

    def _asked_before(self, u: Utt, questions: list["_Question"], utts: list[Utt],
                      keys: list) -> list[tuple[float, str | None, str]]:
        """(time, item, evidence) for a sentence of ``u`` that is the same question (see
        ``_same_question``) as one an agent asked earlier and the caller answered: the same
        item asked again (item None: the earlier one named no item; if this one does, it is
        that item again).
        Agents read a security question off the screen the same way each time ("What was the
        first concert you went to?"), so the words say which item it was even where neither
        time named it, and the item found either time counts for both."""
        out = []
        for offset, sent in sentences(u.text):
            norm = normalize(sent)
            if len(norm.split()) < 5:
                continue
            when = u.time_at(offset)
            before = next((q for q in reversed(questions) if q.time < when and _same_question(norm, q.norm)
                           and _answered_between(utts, keys, q.time, when)), None)
            if before is not None:
                how = f"the question asked at {before.time:.0f} s again"
                out += [(when, item, how) for item in sorted(before.items)] or [(when, None, how)]
        return out

    @staticmethod
    def _by_value(asked: list[tuple[float, str, str]], sig: str | None, values: dict[str, tuple[str, float]],
                  before: float) -> list[tuple[float, str, str]]:
        """The item asked for, corrected by the answer: a caller who answers with the value
        they gave for another item was asked for that item ("the four digit plan on the
        account?" "1 2 2 8", the PIN keyed in earlier, asked for the PIN, not the account
        number)."""
        (when, item, how), = asked
        # Only a run of digits says which item it is (a month may be a name: "May Evans"), and
        # only the whole run: a PIN's four digits may sit inside a phone number.
        if not sig or not sig.isdigit() or (item in values and _same_value(sig, values[item][0])):
            return asked
        known = [(other, at) for other, (value, at) in values.items()
                 if at < before and value.isdigit() and abs(len(value) - len(sig)) <= (len(sig) >= 6)
                 and _same_value(sig, value)]
        if len(known) != 1:
            return asked
        other, at = known[0]
        return [(when, other, f"{how}; the answer is the {other.replace('_', ' ')} given at {at:.0f} s")]

    def _split_asks(self, utts: list[Utt]) -> list[Utt]:
        """Mono calls: an agent's question for an identity item that the diarization filed
        inside the caller's turn ("… direct debit comes out. Remind me of the cell number
        there? That'll be 845 …") is taken out and given back to the agent, and what follows
        it is the caller's answer. Callers offer their details ("my account number is …") but
        do not ask for them, except a name ("sorry, what was your name?"), so names stay."""
        out: list[Utt] = []
        agent = "agent"
        for u in utts:
            if not u.is_customer:
                out.append(u)
                agent = u.speaker if u.is_agent_side else agent
                continue
            pieces = sentences(u.text)
            bounds = [o for o, _ in pieces] + [len(u.text)]
            ask = next((n for n, (_, sent) in enumerate(pieces)
                        if (item := self._an_agents_ask(sent)) and _fits(item, u.text[bounds[n + 1]:])), None)
            if ask is None:
                out.append(u)
                continue
            parts = [(0, bounds[ask], "customer", u.speaker), (bounds[ask], bounds[ask + 1], "agent", agent),
                     (bounds[ask + 1], len(u.text), "customer", u.speaker)]
            out += [p for a, b, role, who in parts if (p := _part_of(u, a, b, role, who)) is not None]
        return out

    def _an_agents_ask(self, sentence: str) -> str | None:
        """The identity item a sentence in the caller's turn asks for as an agent would; None
        for the caller's own questions ("do you need the account number as well?")."""
        norm = normalize(sentence)
        words = set(norm.split())
        if len(words) < 4 or words & _OFFERING or norm.startswith(_CALLERS_QUESTIONS) \
                or not (is_question(sentence) or self.request.any(sentence)):
            return None
        # Words heard, not meaning alone: a caller's sentence is an agent's only on firm evidence.
        return next((item for item, how in self._items_asked(sentence, None)
                     if item != "full_name" and not how.startswith("asked (by meaning")), None)

    def _asks_again(self, u: Utt, when: float, item: str) -> str | None:
        """The sentence asking for ``item`` at ``when`` when it says it asks again ("Could you
        just repeat the zip code?"): the agent knows the caller gave it, though we missed the
        first time. Not "thanks again, and your date of birth?". A sentence of nothing but the
        asking again straight after the request counts with it ("The account PIN. Again.", "…
        the name on your licence. So once more, please."; not "Again, just for security",
        "Sorry again")."""
        all_pieces = sentences(u.text)
        pieces = [sent for o, sent in all_pieces if u.time_at(o) == when] or [u.text]
        said = next((sent for sent in pieces if self.items[item].any(sent)), pieces[0])
        if self.not_asked_again.any(said):
            return None
        if self.asked_again.any(said):
            return said
        n = next((n for n, (_, sent) in enumerate(all_pieces) if sent == said), None)
        if n is not None and n + 1 < len(all_pieces):
            after = all_pieces[n + 1][1]
            if _AGAIN_ALONE.match(normalize(after)):
                return f"{said} {after}"
        return None

    def _four_digits_given_again(self, u: Utt, reply: Utt) -> str | None:
        """The PIN asked for in words the ASR lost, where the caller says they gave it before
        and reads out four digits: Whisper hears "PIN" as "Finn", "pinch", "behind", "the
        I.N." ("Now that behind you chose fulfilling choir is for big, it's please." "Might
        tell the last person same thing, 7-2-5-0."). The agent's words must still sound like
        asking, and not when or how much; the four digits are one run, not an amount, a time
        or a year ("I already told the last person, it was 19.99", "… I paid it in 2024").
        Not where the agent said "card": the card's last four are four digits too, and the
        item phrases judge those."""
        # The digit checks first: they are cheap, and the complaint may take the sentence model.
        asked = normalize(u.text)
        if len(_DIGIT_RUN.findall(reply.text)) != 1 or len(digits_in(reply.text)) != 4 \
                or _MONEY_OR_TIME.search(reply.text) or _YEARISH.search(normalize(reply.text)) \
                or "card" in asked.split() or _WHEN_OR_HOW_MUCH.search(asked):
            return None
        if self.greeting.any(u.text) or self._not_identity(u.text) or not self._sounds_like_an_ask(u.text) \
                or not self._complains(reply.text, strict=True):
            return None
        return "pin"

    def _again_by_shape(self, u: Utt, reply: Utt, values: dict[str, tuple[str, float]],
                        given: dict[str, float]) -> str | None:
        """The item an agent asks for again, where the ASR lost which one ("Just one more.
        Clean. The contact zone." for "Just once more, please, the contact phone."): words that
        say it is asked again, then a short reply shaped like exactly one item the caller gave
        before: a number of six digits or more as long as it, give or take one (not the same
        digits: the ASR hears them differently each time), the very same shorter number, or an
        email address."""
        if reply.end - reply.start > 8.0 or self.greeting.any(u.text) or self._not_identity(u.text):
            return None
        if not self.again_hint.any(u.text) or self.not_asked_again.any(u.text):
            return None
        digits = digits_in(reply.text)
        fits = []
        for item, at in given.items():
            if at >= u.start:
                continue
            if item == "email":
                if looks_like_email(reply.text):
                    fits.append(item)
            elif item in _DIGIT_ITEMS and item in values and values[item][0].isdigit():
                # (Dates, names, addresses and security answers keep no shape of their own.)
                value = values[item][0]
                if len(value) >= 6 and len(digits) >= 6 and abs(len(digits) - len(value)) <= 1:
                    fits.append(item)
                elif len(value) < 6 and digits == value:
                    # A short number has the shape of a year, a time, an amount, an expiry
                    # date: only the very same digits say it is that item again.
                    fits.append(item)
        return fits[0] if len(fits) == 1 else None

    def _sounds_like_an_ask(self, text: str) -> bool:
        """Garbled words that still sound like asking: a question, request words, "please", or
        words that say it is asked again ("… one more time")."""
        return _sounds_asked(text) or self.request.any(text) or self.again_hint.any(text) \
            or "please" in normalize(text).split()

    def _asks_to_key(self, text: str) -> bool:
        """A prompt that keys may answer: a request, or words naming the keypad."""
        return self.request.any(text) or self.keypad.any(text)

    def _names_an_item(self, text: str) -> bool:
        return any(p.any(text) for p in self.items.values())

    def _prompts_for_keys(self, text: str) -> bool:
        """Words a keypad prompt is made of: a request, the keypad, or an item named."""
        return self._asks_to_key(text) or self._names_an_item(text)

    def _prompt_time(self, u: Utt, item: str) -> float:
        """When the prompt the keys answer began: the first sentence that names the item keyed,
        else the first naming the keypad, else the first that reads as a request. The ASR
        often runs the welcome and the prompt into one line ("Thanks for phoning Contoso
        Mobile, and our options have changed. Please key your customer number …"), and the
        request is the prompt, not the welcome 6 s before it ("mobile" names a phone number,
        "and our" is fuzzily a request's "and your")."""
        pieces = sentences(u.text)
        for says in (self.items[item].any, self.keypad.any, self.request.any):
            when = next((u.time_at(o) for o, sent in pieces if says(sent)), None)
            if when is not None:
                return when
        return u.start

    def _later_prompt(self, utts: list[Utt], i: int, keyed: KeyEntry) -> bool:
        """Keys typed after another prompt that asks for keys answer that prompt, not this
        one: a menu followed by "please key your security code" and four keys."""
        return any(not v.is_customer and v.start < keyed.start_s and self._prompts_for_keys(v.text)
                   for v in utts[i + 1:] if v.start < keyed.start_s)

    def _not_identity(self, text: str) -> bool:
        """Asks for something that is not identity (an order or tracking number), unless the
        words are part of an identity item's longer name ("customer reference number" is the
        account, "reference number" alone is a ticket)."""
        at, phrase = self.not_identity.locate(text)
        if phrase is None:
            return False
        norm = f" {normalize(text)} "
        for p in self.items.values():
            i_at, i_phrase = p.locate(text)
            # Word for word: "case reference number" is fuzzily "customer reference number".
            if i_phrase and len(i_phrase) > len(phrase) and i_at <= at < i_at + len(i_phrase) \
                    and f" {i_phrase} " in norm:
                return False
        return True

    def _complains(self, text: str, strict: bool = False) -> bool:
        """The caller says they gave it before, in the complaint list's words or in others
        (``strict``: not by a single word of the list)."""
        return (self.complaint_phrases if strict else self.complaint).any(text) or (
            self.intents is not None and self.intents.meant(text, ("already_given",)) is not None)

    def _asked_in(self, u: Utt, reply: Utt | None) -> list[tuple[float, str, str]]:
        """(time, item, evidence) for each identity item the utterance asks for, sentence by sentence."""
        out = []
        pieces = sentences(u.text)
        answered_now = reply is not None and reply.start - u.end < 4.0
        # A word or two after the request ("… house number and street again. Sorry?") does not
        # stop it being the last thing asked before the answer.
        asked_last = next((n for n in range(len(pieces) - 1, -1, -1) if len(pieces[n][1].split()) > 2), len(pieces) - 1)
        for n, (offset, sentence) in enumerate(pieces):
            last = n == asked_last
            for item, how in self._items_asked(sentence, reply if last else None, last and answered_now, reply):
                out.append((u.time_at(offset), item, how))
        questions = [(offset, sentence) for offset, sentence in pieces if is_question(sentence)]
        if not out and reply is not None and questions and not any(self._not_identity(s) for _, s in pieces) \
                and (item := _answer_type(reply.text, questions[-1][1])):
            # A question we could not read, and not the last thing said ("Could you give me
            # the phone name? There can't."), answered with something only one item looks like.
            out.append((u.time_at(questions[-1][0]), item,
                        f"answer looks like {item.replace('_', ' ')}: {reply.text[:40]!r}"))
        elif not out and answered_now and pieces and not any(self._not_identity(s) for _, s in pieces) \
                and not self.greeting.any(u.text) and self._sounds_like_an_ask(u.text) \
                and not _asks_when_it_happened(u.text) \
                and birth_date_in(reply.text):
            # Whatever the ASR made of the words ("when the orders take full up the rent all"
            # for "and when's your birthday, love? Year and all"), a caller answering an ask at
            # once with a day, a month and a year they were born in was asked their date of
            # birth: no other item is a date. (Not after "okay" or "let me pull up the policy":
            # "I took it out on the 3rd of May 2011" is when, not who.)
            out.append((u.time_at(pieces[asked_last][0]), "date_of_birth",
                        f"answered with a date of birth: {reply.text[:40]!r}"))
        return out

    def _items_asked(self, text: str, reply: Utt | None, answered: bool = False,
                     answer: Utt | None = None) -> list[tuple[str, str]]:
        """Items a sentence asks for. A sentence that names an item asks for it when it is
        phrased as a request, or when the customer answers it straight away (the ASR often
        drops the "can you confirm" and the question mark)."""
        if self._not_identity(text):
            return []
        words = normalize(text).split()
        # "Full name, please." / "Just to double check, the email address please": a sentence
        # that ends on "please" (not "please press 1", not "please bear with me while I check …"),
        # or starts with it before the item ("Please, the last four digits of your card.", not
        # "please bear with me while I check your account"), or opens on it in a short sentence
        # whatever the ASR made of the verb ("please risque to the first name and surname" for
        # "please restate"; not advice or a wait, see _PLEASE_NOT_ASKING).
        asks = is_question(text) or self.request.any(text) or words[:1] in (["and"], ["also"]) or (
            (words[-1:] == ["please"] or words[:2] in (["please", "the"], ["please", "your"])
             or re.match(r"\s*please\s*,", text, re.I) is not None
             or (words[:1] == ["please"] and not _PLEASE_NOT_ASKING.intersection(words))) and len(words) <= 12)
        if not asks and not answered:
            return self._asked_by_meaning(text, answer)
        located = [(item, *p.locate(text)) for item, p in self.items.items()]
        located = [(item, at, phrase) for item, at, phrase in located if phrase]
        if not any(item == "postcode" for item, _, _ in located) and (code := _code_heard(text)) is not None:
            located.append(("postcode", *code))
        # The more specific item wins: "last four digits of the card" also says "card number",
        # "email address" also says "address".
        names = {i for i, _, _ in located}
        if "card_last4" in names:
            located = [x for x in located if x[0] not in ("account_number", "pin")]
        if "postcode" in names or "email" in names:
            located = [x for x in located if x[0] != "address"]
        if "phone_number" in names:
            located = [x for x in located if x[0] != "account_number"]
        # "number on the account" is not "name on the account": where two items' phrases
        # overlap, one heard word for word beats one heard only roughly ("full name" beats
        # "number on the account" matched to "name on the account"), then the longer wins.
        norm = f" {normalize(text)} "
        rank = {phrase: (f" {phrase} " in norm, len(phrase)) for _, _, phrase in located}

        def beats(a_at: int, a: str, b_at: int, b: str) -> bool:
            # "PIN number on the account": one phrase ends on the word the other starts with,
            # and the word before "number" says which number it is.
            if a_at < b_at and a.split()[-1] == b.split()[0] and a_at + len(a) == b_at + len(b.split()[0]):
                return True
            if b_at < a_at and b.split()[-1] == a.split()[0] and b_at + len(b) == a_at + len(a.split()[0]):
                return False
            return rank[a] > rank[b]

        found = [(item, phrase) for item, at, phrase in located
                 if not any(o_at < at + len(phrase) and at < o_at + len(o_phrase) and beats(o_at, o_phrase, at, phrase)
                            for o_item, o_at, o_phrase in located if o_item != item)]
        if not found and _four_digits_alone(text):
            found = [("pin", "four digits")]
        if not asks:
            # Only the reply says it was a question: the reply must fit the item.
            found = [(item, phrase) for item, phrase in found if reply is not None and _fits(item, reply.text)]
        if found:
            return [(item, f"asked: {phrase!r}") for item, phrase in found]
        meant = self._asked_by_meaning(text, answer)
        if meant:
            return meant
        if reply is not None and is_question(text):
            item = _answer_type(reply.text, text)
            if item:
                return [(item, f"answer looks like {item.replace('_', ' ')}: {reply.text[:40]!r}")]
        return []

    def _asked_by_meaning(self, text: str, reply: Utt | None) -> list[tuple[str, str]]:
        """The item a sentence asks for, judged by meaning, when no item phrase was heard.
        Meaning is looser than words, so an answer that cannot be that item overrules it
        (``reply`` is the customer's answer to the whole utterance, whichever sentence of it
        is being judged: "I'll just need to find your account first. Could you give me the
        …?" "It's Sarah Bennett." asked for no account number), unless the caller says they
        gave it before and the answer is still roughly the item's shape (see _roughly_shaped)."""
        if self.intents is None:
            return []
        intent, sim = self.intents.nearest(text)
        if not intent or not intent.startswith("ask_") or intent[4:] not in self.items:
            return []
        item = intent[4:]
        # ("I've already given all of this. So, x614" to "let's go over the left four number on
        # your card one more time": the value is what the ASR garbled.)
        if reply is not None and item in _CHECKABLE and not _fits(item, reply.text) \
                and not (_roughly_shaped(item, reply.text) and self._complains(reply.text, strict=True)):
            return []
        return [(item, f"asked (by meaning, {sim:.2f}): {text[:40]!r}")]


# "<word> code" where the word sounds like "zip" or "post" is the ASR's "zip code" or
# "postcode" ("the mid code we have on record", "the lib code for the property", "the most code
# where you live"), except where the word names another code ("pin code", "pass code", "sort
# code"). Not any word: "phone code", "account code", "digit code" are other codes.
_CODE = re.compile(r"\b([a-z]+) ?code\b")
# Only words that pass that test can name another code, so only those are listed.
_OTHER_CODES = {"pin", "pass", "sort", "sim", "otp", "app", "id", "bic", "test", "last", "lost",
                "in", "is", "it", "his", "six"}


# "The four digit PIN" with the PIN misheard ("the four digit clients from your welcome letter",
# "the four digits PM for phone enquiries"): four digits nothing else is named for, on no card.
_FOUR_DIGITS = re.compile(r"\b(four|4)( |-)?digits?\b")


def _four_digits_alone(text: str) -> bool:
    """Whether ``text`` asks for four digits and names no card and no number they are part of
    ("the four digits after the 07", "a four digit extension"); ``_items_asked`` calls this only
    when no item was named."""
    norm = normalize(text)
    return bool(_FOUR_DIGITS.search(norm)) and not re.search(
        r"\b(card|last|end|ending|ends|after|before|extension|number)\b", norm)


def _code_heard(text: str) -> tuple[int, str] | None:
    """(offset, words) of "<word> code" in the normalized text where the word names no other
    code than a postcode."""
    norm = normalize(text)
    m = next((m for m in _CODE.finditer(norm) if m.group(1) not in _OTHER_CODES and len(m.group(1)) <= 5
              and min(Levenshtein.distance(m.group(1), w) for w in ("zip", "post")) <= 2), None)
    if m is None and _WHOSE_CODE.search(norm):
        # Both words misheard, the first closer, said of the account or the home: "the post come
        # on your record", "the nip cone where the account is registered" ("did the post come?"
        # is no postcode, and "post go" is too often the post going somewhere).
        m = next((m for m in _CODE_MISHEARD.finditer(norm)
                  if m.group(1) == "post" or m.group(1) not in _OTHER_CODES and Levenshtein.distance(m.group(1), "zip") <= 1),
                 None)
    return (m.start(), m.group(0)) if m is not None else None


# (Not "go": "did the post go to the address on the account?" is post.)
_CODE_MISHEARD = re.compile(r"\b([a-z]{3,4}) (?:to )?(cone|come|coat|coke)\b")
_WHOSE_CODE = re.compile(r"\b(account|record|file|registered|live|property)\b")


def _same_question(a: str, b: str) -> bool:
    """Two sentences that ask the same question: five words or more in a row in both, ending
    one of them ("… already, what was the first concert you went to?" and "what when the
    first concert you went to, just answer that one"). A question's last words hold what it
    asks; its first words are the same for every item ("I need to ask you for your …")."""
    x, y = a.split(), b.split()
    best, end_x, end_y = 0, 0, 0
    run = [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        prev, run = run, [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                run[j] = prev[j - 1] + 1
                if run[j] > best:
                    best, end_x, end_y = run[j], i, j
    return best >= 5 and (end_x == len(x) or end_y == len(y))


@dataclass
class _Question:
    time: float
    norm: str
    items: set[str]   # identity items it asked for


# A caller's words giving their own details, not asking for them.
_OFFERING = {"my", "mine"}
# How a caller's own questions about their details begin.
_CALLERS_QUESTIONS = ("do you need", "do you want", "should i", "shall i", "would you like", "did the", "did they",
                      "did you", "did he", "did she", "was the", "is the", "have you got", "have you")


def _part_of(u: Utt, a: int, b: int, role: str, speaker: str) -> Utt | None:
    """The characters ``a:b`` of an utterance as an utterance of its own (None when blank)."""
    text = u.text[a:b].strip()
    if not text:
        return None
    words, pos = [], 0
    for start, word in u.words:
        if a <= pos < b:
            words.append((start, word))
        pos += len(word.strip()) + 1
    start = words[0][0] if words else (u.start if a == 0 else u.time_at(a))
    end = u.time_at(b) if b < len(u.text) and u.words else u.end
    return Utt(start, max(end, start), text, role, speaker, words=words)


def _reply(utts: list[Utt], i: int, window: float, complaint: Phrases) -> Utt | None:
    """The customer's next utterance within ``window`` seconds; the agent may say more first
    ("… and your postcode?"). Where it only complains of being asked ("I have said this more
    times than my own name."), the rest of the caller's turn is read with it, up to the next
    speaker: the ASR or the diarization often cuts such an answer in two, and the value is in
    the second part ("9 6 5 5 4 8 8 2."). Not after an answer: "3rd of May 1980." "I've been
    charged twice this month." is no complaint about the question."""
    for n, u in enumerate(utts[i + 1:], i + 1):
        if u.start > utts[i].end + window:
            return None
        if u.is_customer:
            if not complaint.any(u.text) or _value(u.text) is not None:
                return u
            rest: list[Utt] = []
            for v in utts[n + 1:]:
                if not v.is_customer or v.start - (rest[-1] if rest else u).end > _TURN_GAP_S:
                    break
                rest.append(v)
            return _joined(u, rest) if rest else u
    return None


# Longest pause inside one turn of the caller's: longer, and the agent has had time to speak.
_TURN_GAP_S = 2.0


def _joined(first: Utt, rest: list[Utt]) -> Utt:
    """One utterance of ``first`` and those after it (same speaker's turn)."""
    words = list(first.words)
    for v in rest:
        words += v.words
    return Utt(first.start, rest[-1].end, " ".join([first.text] + [v.text for v in rest]), first.role,
               first.speaker, first.system, first.announcement, words)


def _starts(u: Utt, reply: Utt) -> bool:
    """Whether the caller's turn ``reply`` begins with ``u`` (it is the very next thing said)."""
    return u.is_customer and u.start == reply.start and reply.text.startswith(u.text)


def _keyed_after(keys: list[KeyEntry], u: Utt, window: float) -> KeyEntry | None:
    return next((k for k in keys if u.start <= k.start_s <= u.end + window and len(k.keys) >= 2), None)


def _answered_between(utts: list[Utt], keys: list[KeyEntry], a: float, b: float) -> bool:
    return any(u.is_customer and a < u.start < b for u in utts) or any(a < k.start_s < b for k in keys)


_QUESTION_WORDS = {"what", "whats", "when", "who", "whos", "where", "which", "how", "can", "could",
                   "would", "will", "do", "does", "did", "is", "are", "may", "and", "also", "sorry"}


def _sounds_asked(text: str) -> bool:
    """A question, though garbled: a question mark, or a last sentence opening like one."""
    if is_question(text):
        return True
    pieces = sentences(text)
    first = normalize(pieces[-1][1]).split()[:1] if pieces else []
    return bool(first) and first[0] in _QUESTION_WORDS


def _says_number(text: str) -> bool:
    """Words about a number, whatever the ASR made of the rest ("It comes number there." for
    "Account number there?"): with a long number given before read back at once, a request."""
    return bool({"number", "numbers", "digits"} & set(normalize(text).split()))


def _number_again(reply: Utt, answer: str | None, values: dict[str, tuple[str, float]], before: float,
                  shortest: int) -> bool:
    """Whether a short reply reads out again a number of ``shortest`` digits or more the caller
    gave before: words that ask for something ("I'll need to take …") asked for it, though the
    ASR lost which item ("the tickets on your account" for "the eight digits on your account").
    Under six digits only the very same number counts, and only after request words: a short
    number (a PIN, a year) may be said for another reason. A long "reply" is more often two
    voices the diarization ran together."""
    if not answer or reply.end - reply.start > 8.0 or not answer.isdigit() or len(answer) < shortest:
        return False
    return any(at < before and value.isdigit() and len(value) >= shortest
               and (_same_value(answer, value) if shortest >= 6 else answer == value)
               for value, at in values.values())


def _value(answer: str, names: bool = False) -> str | None:
    """What identifies an answer when it is said again: its digits, its month and year, or a
    name in it."""
    digits = digits_in(answer)
    if len(digits) >= 4:
        return digits
    words = normalize(answer).split()
    months = [w for w in words if w in _MONTHS]
    years = [w for w in words if len(w) == 4 and w.isdigit()]
    if months:
        return " ".join(months[:1] + years[:1])
    # An email address often spells the name out ("Megan Carter at outlook dot com").
    return _name_in(answer) if names and not looks_like_email(answer) else None


_STREETS = {"street", "road", "avenue", "lane", "drive", "close", "court", "way", "place", "crescent",
            "terrace", "gardens", "grove", "hill", "park", "square", "row", "walk", "green"}

# Capitalised words that start a reply without being anyone's name.
_NOT_NAMES = {"i", "im", "okay", "ok", "yes", "yeah", "sure", "sorry", "its", "thats", "again", "hi",
              "hello", "well", "um", "uh", "no", "so", "and", "the", "my", "it", "oh", "right", "mr",
              "mrs", "ms", "miss", "dr", "that", "thanks", "thank", "please", "just", "like", "said"}


def _name_in(answer: str) -> str | None:
    """The last two capitalised words in a row that are not filler ("Sure, it's Rachel Morgan"
    gives "rachel morgan"): Whisper capitalises names, and a full name said again is the same
    pair of words even when the sentence around it is garbled."""
    pairs = []
    for piece in re.split(r"[.?!,;:]", answer):  # not "Morgan. Do you need …"
        tokens = _WORD.findall(piece)
        pairs += [(a, b) for a, b in zip(tokens, tokens[1:])
                  if a[:1].isupper() and b[:1].isupper()
                  and not {normalize(a), normalize(b)} & _NOT_NAMES
                  and normalize(a) not in _MONTHS and normalize(b) not in _MONTHS]
    return " ".join(normalize(w) for w in pairs[-1]) if pairs else None


def _same_value(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        # The ASR drops, adds or mishears a digit now and then: the longer run must contain most
        # of the other, or (six digits and more) be one digit away from it.
        # Eight digits and more may be two away: "That one's 1 8 9 5 …" heard as "At 1 -1 -8 -I'm
        # 5 …" gained a 1 and lost the 9; two different numbers of that length are rarely so close.
        short, long_ = sorted((a, b), key=len)
        return len(short) >= 4 and (short in long_ or (len(short) >= 6 and (
            short[:-1] in long_ or Levenshtein.distance(short, long_) <= 1 + (len(short) >= 8))))
    return a == b


_AGAIN_ALONE = re.compile(r"^(?:(?:so|and|just|okay|ok) )?(?:again|once more|one more time)(?: (?:please|then))?$")

_NOT_DIGITS = ("email", "full_name", "security_answer")
_DIGIT_ITEMS = ("account_number", "phone_number", "card_last4", "pin", "postcode")
_YEARISH = re.compile(r"\b(?:in|since|from|until|year)\s+(?:19|20)\d\d\b")
# Four digits read out as one run: "1799", "7 2 5 0", "7 -2 -5 -0" (not "19.99", "10:30", "45 to 60").
_DIGIT_RUN = re.compile(r"(?<![\d£$])(?<!\d[.:,])(?:\d{4}|\d(?:\s*-?\s*\d){3})(?!\d|[.:,]\d)")
# ("am"/"pm" only after a number: "I am sure, 7 2 5 0" is no time.)
_MONEY_OR_TIME = re.compile(r"[£$:]|\d\.\d|\d\s*(?:am|pm)\b|\b(?:pounds?|pence|dollars?|quid|oclock|o'clock|minutes?|hours?)\b", re.I)
_WHEN_OR_HOW_MUCH = re.compile(r"\b(?:how much|how many|what time|when did|when was|how long)\b")
# Words that make a "please ..." sentence advice or a wait rather than an ask ("please don't
# share your PIN", "please make sure your postcode is up to date", "please check your email").
_PLEASE_NOT_ASKING = {"hold", "wait", "bear", "while", "press", "note", "stay", "ready", "have", "keep", "allow",
                      "dont", "do", "not", "never", "make", "sure", "ensure", "check", "remember", "update",
                      "call", "look", "visit", "go", "share", "if", "when", "change", "contact"}

_CHECKABLE = ("date_of_birth", "email", "account_number", "phone_number", "card_last4", "pin")


def _roughly_shaped(item: str, answer: str) -> bool:
    """An answer the ASR garbled that is still roughly the item's shape ("So, x614" for the
    card's last four): three digits or more and no amount or time for a number, an "at" or a
    "dot" for an email, a month or a year for a date of birth."""
    norm = normalize(answer).split()
    if item == "email":
        return "at" in norm or "dot" in norm or "@" in answer
    if item == "date_of_birth":
        return mentions_month(answer)
    return sum(c.isdigit() for c in answer) >= 3 and not _MONEY_OR_TIME.search(answer)


def _fits(item: str, answer: str) -> bool:
    """Could ``answer`` be a value of ``item``? (A name is two capitalised words in a short
    reply; a security answer cannot be told.)"""
    digits = digits_in(answer)
    if item == "date_of_birth":
        return mentions_month(answer)
    if item == "email":
        return looks_like_email(answer) or names_a_domain(answer)
    if item in ("account_number", "phone_number", "card_last4", "pin"):
        return len(digits) >= 3
    if item == "postcode":
        return len(digits) >= 1
    if item == "address":  # "177th Essex Maple Avenue": an ordinal is no digit run
        return len(digits) >= 1 or bool(re.search(r"\d", answer))
    if item == "full_name":  # "That one's James Carter.", not "I moved it over from British Gas."
        return (not digits and len(answer.split()) <= 6 and not looks_like_email(answer)
                and _name_in(answer) is not None)
    return False


def _keyed_as(keys: list[KeyEntry], item: str, before: float, claimed: set[int]) -> KeyEntry | None:
    """Keys typed before ``before``, answering no prompt we read, whose shape says they were
    ``item``: only eight digits that read as a date with a year an adult was born in, a date
    of birth. (Six to twelve digits may be an order or a phone number as well as an account
    number; four, a card's last four as well as a PIN.)"""
    if item != "date_of_birth":
        return None
    return next((k for k in keys if k.end_s < before and id(k) not in claimed and _keyed_item(k.keys) == item
                 and 1900 <= int(k.keys[4:8]) <= 2012), None)


def _keyed_item(keys: str) -> str | None:
    digits = keys.rstrip("#*")
    if not digits.isdigit():
        return None
    if len(digits) == 8 and 1 <= int(digits[:2]) <= 31 and 1 <= int(digits[2:4]) <= 12 and digits[4:6] in ("19", "20"):
        return "date_of_birth"
    if len(digits) == 4:
        return "pin"
    if 6 <= len(digits) <= 12:
        return "account_number"
    return None


# "When did you take the policy out?" asks when something happened; "When were you born?",
# "when's your birthday?" ask the date of birth.
# Garbled asks keep a "when" ("when the orders take full up the rent all" for "when's your
# birthday"), so only "when" with a verb and its subject says an event was asked about.
_WHEN_OF_AN_EVENT = re.compile(r"\b(when (did|was|were|is|has|have|do|does|will) (you|it|the|they|we|that|this|your)"
                               r"|what date (did|was|were|is|do)|how long (ago|have|has)|since when)\b")
_BIRTH_WORDS = re.compile(r"\b(born|birth|birthday|bday)\b")
_EVENT_BEFORE = frozenset({"since", "until", "till", "from", "ago", "after", "before"})
_ORDINAL_ENDS = re.compile(r"(\d)(?:st|nd|rd|th)\b")


def _asks_when_it_happened(question: str) -> bool:
    asked = normalize(question)
    return bool(_WHEN_OF_AN_EVENT.search(asked)) and not _BIRTH_WORDS.search(asked)


def _dated_like_a_birth(text: str, question: str | None) -> bool:
    """An answer with a month or a year in it that could be a date of birth: not a date
    something happened on ("Since the 5th of January 2001" to "When did you take the policy
    out?") nor a year inside a reference ("It's 425-2009-LA" to "Did they give you a job
    number?")."""
    if not mentions_month(text) or (question is not None and _asks_when_it_happened(question)):
        return False
    words = normalize(text).split()

    def year(w: str) -> bool:
        return len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")

    for i, w in enumerate(words):
        if (w in _MONTHS or year(w)) and _EVENT_BEFORE & set(words[max(0, i - 5):i]):
            return False
    if not any(w in _MONTHS for w in words):
        # A year and no month: other numbers must be a day or a month ("12 03 1985"), not
        # a reference's ("425 2009").
        numbers = [w for w in words if w.isdigit() and not year(w)]
        # ("12th" is a day, not a reference's letters and digits.)
        joined = re.search(r"\d[-/]?[a-z]|[a-z][-/]?\d", _ORDINAL_ENDS.sub(r"\1", text.lower()))
        if any(int(n) > 31 for n in numbers) or joined:
            return False
    return True


def _answer_type(text: str, question: str | None = None) -> str | None:
    """The one item an answer's shape says it is, for a question we could not read
    (``question``: its words, which may still say it asked something else)."""
    if _dated_like_a_birth(text, question):
        return "date_of_birth"
    if looks_like_email(text):
        return "email"
    # (No digit at all: "It's M1 4BT." is a postcode's shape, though no word of it is a number.)
    if len(text.split()) <= 6 and not digits_in(text) and not any(c.isdigit() for c in text) and _name_in(text) \
            and not _STREETS & set(normalize(text).split()):
        return "full_name"  # "Sure, it's Sarah Bennett." to a question we could not read
    digits = digits_in(text)
    # Other digit strings are too often order or ticket numbers to call them identity.
    if len(digits) >= 10 and digits.startswith("0"):
        return "phone_number"
    return None
