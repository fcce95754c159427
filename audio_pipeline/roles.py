"""Label speakers as agent, customer, ivr or unknown from what they say and how.

A call can hold several agents (after transfers) and recorded IVR prompts. The cues are
phrases each role says and the others rarely do; a speaker's role is the one whose cues
dominate its words, with the constraint that a call has at most one customer. How a speaker
takes turns counts too: the recording that opens a call talks on its own, where agent and
caller answer each other.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Protocol

ROLES = ("agent", "customer", "ivr", "unknown")


class Said(Protocol):
    """What role assignment reads of an utterance (``transcript.Utterance`` or a table row's fields)."""
    speaker: str
    start_s: float
    end_s: float
    text: str


_IVR = [
    r"\bpress(ed)? (one|two|three|four|five|six|seven|eight|nine|zero|\d)\b",
    r"\bfor [a-z ]{3,30}, press\b", r"\byour call is important\b", r"\bplease (enter|key in|say)\b",
    r"\b(hash|pound|star) key\b", r"\bmain menu\b", r"\bfollowed by the\b",
    r"\b(calls|call) (may|will) be recorded\b", r"\bplease (hold|stay on the line) while\b",
    r"\bthank you for (your patience|waiting)\b", r"\bnext available\b", r"\bmenu options\b",
    r"\bto repeat these options\b", r"\bwelcome to\b",
]
_AGENT = [
    r"\bhow (can|may) i help\b", r"\bthis is [a-z]+\b", r"\bmy name is\b", r"\bthanks? (you )?for calling\b",
    r"\bcan i (take|have|get) your\b", r"\bcan you (confirm|give me|tell me|read)\b", r"\blet me\b",
    r"\bi('ll| will) (transfer|put|place|connect|send|check|just)\b", r"\bbear with me\b",
    r"\bon (a )?(brief )?hold\b", r"\bthanks? (you )?for (holding|waiting|your patience)\b",
    r"\banything else\b", r"\bwhat (is|'s) your\b", r"\bfor security\b", r"\bverify\b",
    r"\bi can see\b", r"\bon the account\b", r"\bhave a (great|good|nice) (day|evening)\b",
]
_CUSTOMER = [
    r"\bi'?m calling\b", r"\bmy (account|bill|card|phone|internet|order|password|contract)\b",
    r"\bi already\b", r"\bi (just )?(want|need|would like) to\b", r"\bit'?s (not )?working\b",
    r"\bcan you help\b", r"\bi was (charged|told|on hold)\b", r"\byes,? (it'?s|that'?s)\b",
    r"\bmy (name|date of birth|postcode|email) is\b", r"\bi'?ve been\b", r"\bwhy (is|was|do|did)\b",
    r"\bcancel\b", r"\bi don'?t\b",
]
_PATTERNS = {role: [re.compile(p) for p in pats] for role, pats in
             (("ivr", _IVR), ("agent", _AGENT), ("customer", _CUSTOMER))}


def cue_scores(text: str) -> dict[str, int]:
    text = text.lower().replace("’", "'")
    return {role: sum(len(p.findall(text)) for p in pats) for role, pats in _PATTERNS.items()}


def assign_roles(utterances: Sequence[Said], fixed: dict[str, str] | None = None,
                 intent_of: Callable[[str], str | None] | None = None) -> dict[str, str]:
    """Map each speaker to a role. ``fixed`` roles (stereo channels) are kept as given.
    ``intent_of`` (a sentence's intent, as ``detect.semantic.Intents`` names them) adds what
    each speaker's sentences mean to the phrases they use."""
    fixed = dict(fixed or {})
    text = defaultdict(list)
    talk = defaultdict(float)
    for u in utterances:
        text[u.speaker].append(u.text)
        talk[u.speaker] += u.end_s - u.start_s
    scores: dict[str, dict[str, float]] = {s: dict(cue_scores(" ".join(t))) for s, t in text.items()}
    roles: dict[str, str] = {s: r for s, r in fixed.items()}
    free = [s for s in text if s not in roles]

    for s in free:
        sc = scores[s]
        if sc["ivr"] >= 2 and sc["ivr"] >= sc["agent"] + sc["customer"]:
            roles[s] = "ivr"
    opener = _recorded_opening(utterances)
    if opener in free and opener not in roles and "ivr" not in roles.values():
        roles[opener] = "ivr"
    free = [s for s in free if s not in roles]

    # Only now: a recording asks for account numbers too, and its prompts are told apart by
    # their phrases and by talking on their own.
    for cues in (number_answers(utterances), meaning_cues(utterances, intent_of) if intent_of else {}):
        for s, found in cues.items():
            for role, n in found.items():
                scores[s][role] += n

    if "customer" not in roles.values() and free:
        # One customer per call: the speaker who sounds most like one, and a long-talking
        # speaker with no cues at all rather than nobody.
        partners = _partners(utterances, set(free))

        def lean(s: str) -> tuple[float, int, float]:
            sc = scores[s]
            # Of two that sound alike, the caller talks with every agent the call reaches;
            # each agent talks with the caller only.
            return (sc["customer"] - sc["agent"], len(partners.get(s, ())), talk[s])

        best = max(free, key=lean)
        if scores[best]["customer"] > scores[best]["agent"] or len(free) > 1:
            roles[best] = "customer"
            free.remove(best)

    for s in free:
        sc = scores[s]
        if sc["agent"] > 0 or talk[s] >= 5.0:
            roles[s] = "agent"
        else:
            roles[s] = "unknown"
    return roles


# Intents (``detect.toml``'s ``[semantic.examples]``) that mostly an agent's sentences have,
# and a caller's: agents ask for identity items, callers say they gave them already. Not
# "who am I speaking to?" (callers ask it too), nor holds and hand-overs: "Hello? Are you
# still there?" and "can you put me through to cancellations?" are the caller's.
_AGENT_INTENTS_EXCEPT = ("ask_full_name",)
_OFFERS_OWN = re.compile(r"\b(my|mine)\b", re.I)
_CUSTOMER_INTENTS = ("already_given",)
# What a meaning or a number answer counts for, against 1 for each phrase cue: they are read
# through the sentence model and the ASR's digits, and only tip speakers whose phrases lean alike.
_WEAK_CUE = 0.5
# Digits in a run (a few characters apart at most: "6 -2 -4 -0", "490-5109") that make an
# answer a number given: an account number, a PIN, a phone number.
_NUMBER_DIGITS = 4
_DIGITS_IN = re.compile(r"(?:\d\D{0,3}){%d}" % _NUMBER_DIGITS)
# What makes a run of digits something other than a number the caller gives: money, a time,
# a year, an ordinal, a reference the agent reads out.
_NOT_GIVEN = re.compile(r"[£$€:/]|\d(?:st|nd|rd|th)\b|\d\s*[ap]\.?m\b|\b(?:19|20)\d\d\b|\d[.,]\d|\b(?:pounds?|pence|"
                        r"quid|dollars?|euros?|cents?|o'?clock|reference|ref|ticket|order|case|tracking|job|"
                        r"confirmation|per|months?|years?|days|minutes|hours|megs?|ring|call us|text|new|"
                        r"ending)\b", re.I)


def number_answers(utterances: Sequence[Said]) -> dict[str, dict[str, float]]:
    """Per speaker, the answers that give a number ("6 2 4 0, 5 8 1 8 0" straight after someone
    else spoke): the caller gives the numbers the agent asks for, however the ASR heard the
    question. Not a number read back (the utterance before had one), nor money, times, years
    or a reference ("It's £49.99", "booked for 11:30", "your reference is 558913")."""
    found: dict[str, dict[str, float]] = defaultdict(lambda: {"customer": 0.0})
    utts = sorted(utterances, key=lambda u: (u.start_s, u.end_s))
    for a, b in zip(utts, utts[1:]):
        if a.speaker != b.speaker and b.start_s - a.end_s <= _EXCHANGE_GAP_S and _DIGITS_IN.search(b.text) \
                and not _NOT_GIVEN.search(b.text) and not _DIGITS_IN.search(a.text):
            found[b.speaker]["customer"] += _WEAK_CUE
    return found


def meaning_cues(utterances: Sequence[Said], intent_of: Callable[[str], str | None]) -> dict[str, dict[str, float]]:
    """Per speaker, the sentences whose meaning mostly one role says: asking for an identity
    item (agent), "I already gave you that" (caller). Words the cue phrases lack ("Till your
    account number", "They dress on your leaf agreement half number and three") still say who
    is talking."""
    # (Imported here: the detect package imports this module.)
    from .detect.lexicon import sentences

    found: dict[str, dict[str, float]] = defaultdict(lambda: {"agent": 0.0, "customer": 0.0})
    for u in utterances:
        for _, piece in sentences(u.text):
            # ("Shall I give you my account number?" is the caller offering it.)
            if _OFFERS_OWN.search(piece) or (intent := intent_of(piece)) is None:
                continue
            if intent.startswith("ask_") and intent not in _AGENT_INTENTS_EXCEPT:
                found[u.speaker]["agent"] += _WEAK_CUE
            elif intent in _CUSTOMER_INTENTS:
                found[u.speaker]["customer"] += _WEAK_CUE
    return found


# The recording that opens a call: a monologue this long before anyone else speaks, and hardly
# ever answered (a caller's "hello?" into the menu, a greeting right after it).
_OPENING_MONOLOGUE_S = 8.0
_OPENING_MAX_EXCHANGES = 2
_PERSON_OPENING = re.compile(r"\b(i'?m|i am|we'?re|this is [a-z]+) (calling|ringing)\b|\bmy name is\b(?!.*\b(virtual|"
                             r"automated|digital) assistant\b)")
# Another speaker starting within this long after one stops is answering them.
_EXCHANGE_GAP_S = 2.0


def _recorded_opening(utterances: Sequence[Said]) -> str | None:
    """The speaker who opens the call and talks on its own, answered by nobody: the IVR,
    though the ASR garbled the words that give a recording away ("Enter one for the
    membership team" for "press one"). Whoever opens a call with no IVR, agent or caller,
    talks with the other; the recording's long prompts are followed by music or silence.
    None when the opener takes part in the conversation."""
    utts = sorted(utterances, key=lambda u: (u.start_s, u.end_s))
    if not utts:
        return None
    opener = utts[0].speaker
    if opener == "unknown":
        return None
    # (A caller's "hello?" into the menu does not end it.)
    first = next((u.start_s for u in utts if u.speaker != opener and u.end_s - u.start_s >= 1.5), math.inf)
    opening = [u for u in utts if u.speaker == opener and u.start_s < first]
    # The opening itself is the monologue; an agent introducing themselves on an outbound
    # call ("my name is Sam, calling from Acme") is a person however long they talk.
    if sum(u.end_s - u.start_s for u in opening) < _OPENING_MONOLOGUE_S or any(
            _PERSON_OPENING.search(u.text.lower().replace("’", "'")) for u in opening):
        return None
    exchanges = sum(1 for a, b in zip(utts, utts[1:]) if a.speaker != b.speaker and opener in (a.speaker, b.speaker)
                    and b.start_s - a.end_s <= _EXCHANGE_GAP_S)
    return opener if exchanges <= _OPENING_MAX_EXCHANGES else None


def _partners(utterances: Sequence[Said], among: set[str], min_exchanges: int = 2) -> dict[str, set[str]]:
    """For each speaker in ``among``, the others in ``among`` it answers or is answered by at
    least ``min_exchanges`` times (one exchange may be a diarization slip)."""
    utts = sorted((u for u in utterances if u.speaker in among), key=lambda u: (u.start_s, u.end_s))
    count: dict[frozenset[str], int] = defaultdict(int)
    for a, b in zip(utts, utts[1:]):
        if a.speaker != b.speaker and b.start_s - a.end_s <= _EXCHANGE_GAP_S:
            count[frozenset((a.speaker, b.speaker))] += 1
    partners: dict[str, set[str]] = defaultdict(set)
    for pair, n in count.items():
        if n >= min_exchanges:
            x, y = tuple(pair)
            partners[x].add(y)
            partners[y].add(x)
    return partners


def is_ivr_prompt(text: str) -> bool:
    """An utterance on the agent side that is a recorded system prompt, not a person."""
    sc = cue_scores(text)
    return sc["ivr"] >= 1 and sc["ivr"] > sc["agent"]
