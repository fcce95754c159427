"""Fuzzy phrase spotting in ASR text.

Whisper on 8 kHz audio mishears ("on hold" → "on hole", "retentions" → "detentions"), so a
phrase counts when a stretch of the transcript is close to it in spelling, not only equal.
Matching is on whole words: "born" never matches inside "stubborn", nor "mobile" inside
"automobile".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "for": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")


def normalize(text: str) -> str:
    """Lower case, apostrophes dropped (what's → whats), other punctuation as spaces."""
    text = text.lower().replace("’", "'").replace("'", "")
    text = re.sub(r"[^a-z0-9@ ]+", " ", text)
    return " ".join(text.split())


class Phrases:
    """A set of phrases, each spotted fuzzily, on whole words, in a text."""

    def __init__(self, phrases: list[str], threshold: float) -> None:
        # A phrase written with a leading "=" counts only word for word: some are one letter
        # from everyday words ("please state" / "please stay", "digit plan" / "digital plan").
        self.phrases = [normalize(p) for p in phrases if normalize(p)]
        self.threshold = threshold
        self._exact = {normalize(p) for p in phrases if p.lstrip().startswith("=")}

    def _threshold(self, phrase: str) -> float:
        return 101 if phrase in self._exact else self.threshold

    def find(self, text: str) -> list[str]:
        """The phrases present in ``text``."""
        w = _windows(text)
        return [p for p in self.phrases if w.locate(p, self._threshold(p)) is not None]

    def any(self, text: str) -> bool:
        w = _windows(text)
        return any(w.locate(p, self._threshold(p)) is not None for p in self.phrases)

    def first(self, text: str) -> str | None:
        found = self.find(text)
        return found[0] if found else None

    def position(self, text: str) -> int | None:
        """Character offset of the earliest phrase in the normalized text (None: absent)."""
        return self.locate(text)[0]

    def locate(self, text: str) -> tuple[int | None, str | None]:
        """(offset, phrase) of the earliest phrase; on a tie, the longest phrase."""
        w = _windows(text)
        best: tuple[int, int, str] | None = None
        for p in self.phrases:
            at = w.locate(p, self._threshold(p))
            if at is not None and (best is None or (at, -len(p)) < (best[0], best[1])):
                best = (at, -len(p), p)
        return (best[0], best[2]) if best else (None, None)


class Greetings:
    """An agent opening a conversation with the caller ("Billing, how can I help?"), never one
    winding it up ("what else can I help you with?"): the two share most of their words, and
    every detector that asks "did a new agent pick up?" must draw that line in the same place."""

    def __init__(self, greeting: list[str], closing: list[str], threshold: float) -> None:
        self.greeting = Phrases(greeting, threshold)
        self.closing = Phrases(closing, threshold)

    def any(self, text: str) -> bool:
        return self.greeting.any(text) and not self.closing.any(text)


@lru_cache(maxsize=512)
def _windows(text: str) -> "_Windows":
    # Every detector looks for its own phrases in the same utterances: split each text once.
    return _Windows(text)


class _Windows:
    """Runs of consecutive words of a text, for whole-word fuzzy comparison."""

    def __init__(self, text: str) -> None:
        # A phrase lies within one sentence: "… on your account. Department?" names no
        # department. Sentences split at spaces after a stop, so their words, joined, are the
        # normalized text, and each word's offset below is its place in it.
        self.tokens, self.sentence_of = [], []
        for n, (_, piece) in enumerate(sentences(text)):
            words = normalize(piece).split()
            self.tokens += words
            self.sentence_of += [n] * len(words)
        self.norm = " ".join(self.tokens)
        self.padded = f" {self.norm} "
        self.offsets = []
        pos = 0
        for tok in self.tokens:
            self.offsets.append(pos)
            pos += len(tok) + 1
        self._by_size: dict[int, list[str]] = {}

    def windows(self, size: int) -> list[str]:
        """Runs of ``size`` words; a run across a sentence end is blank."""
        if size not in self._by_size:
            s = self.sentence_of
            self._by_size[size] = [" ".join(self.tokens[i:i + size]) if s[i] == s[i + size - 1] else ""
                                   for i in range(len(self.tokens) - size + 1)]
        return self._by_size[size]

    def locate(self, phrase: str, threshold: float) -> int | None:
        k = phrase.count(" ") + 1
        at = self.padded.find(f" {phrase} ")
        while at >= 0:
            i = self.offsets.index(at)
            if self.sentence_of[i] == self.sentence_of[i + k - 1]:
                return at
            at = self.padded.find(f" {phrase} ", at + 1)
        # Short words are too easy to hit by accident ("pin" ~ "in"); they must appear as they are.
        if len(phrase) <= 4:
            return None
        if k == 1:
            # One word is judged more strictly: "account" is not "accounts", "building" not "billing".
            threshold = max(threshold, 90.0) if len(phrase) >= 9 else 101.0
        last = phrase.rsplit(" ", 1)[-1]
        # A short last word carries the meaning and must be heard as it is: "security on" is
        # not "security pin".
        must = f" {last} " if k > 1 and len(last) <= 3 else None
        best, where = 0.0, None
        for size in (k - 1, k, k + 1):
            if size < 1:
                continue
            if threshold > 100:
                break
            choices = self.windows(size)
            if must:
                choices = [w if must in f" {w} " else "" for w in choices]
            hit = process.extractOne(phrase, choices, scorer=fuzz.ratio, score_cutoff=threshold)
            if hit is not None and (hit[1] > best or (hit[1] == best and where is not None
                                                     and self.offsets[hit[2]] < where)):
                best, where = hit[1], self.offsets[hit[2]]
        return where


@lru_cache(maxsize=4096)
def digits_in(text: str) -> str:
    """Digits said as digits or number words, in order ("four eight 21" → "4821")."""
    out = []
    for tok in normalize(text).split():
        if tok.isdigit():
            out.append(tok)
        elif tok in _NUMBER_WORDS and tok not in ("o", "for"):
            out.append(_NUMBER_WORDS[tok])
    return "".join(out)


def mentions_month(text: str) -> bool:
    words = set(normalize(text).split())
    return any(m in words for m in _MONTHS) or bool(re.search(r"\b(19|20)\d\d\b", normalize(text)))


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "thirtieth")
_DAY = re.compile(r"^(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?$")


def birth_date_in(text: str, latest_year: int = 2012) -> bool:
    """Whether ``text`` says a whole date someone could be born on: a day, a month and a
    year from 1900 to ``latest_year`` ("the 24th of April 1963", "December 10, 1993", "first
    of January 1950"). Not "since March 2009" (no day) nor "the 3rd of May 2025"."""
    words = normalize(text).split()

    def year(w: str) -> bool:
        return len(w) == 4 and w.isdigit() and 1900 <= int(w) <= latest_year

    def day(w: str) -> bool:
        return bool(_DAY.match(w)) or w.split("-")[-1] in _ORDINALS

    def day_of(i: int) -> bool:
        # Beside the month: "24th of April", "2 May", "December 10"; not "2 bills in May", "my
        # first bill in May" ("may" is also a verb: "I may have paid 5 pounds in 1999").
        return (i >= 1 and day(words[i - 1])) or (i >= 2 and words[i - 1] == "of" and day(words[i - 2])) or (
            i + 1 < len(words) and day(words[i + 1]))

    return any(w in _MONTHS and day_of(i) and any(year(y) for y in words[i + 1:i + 4])
               and not {"since", "until", "from"} & set(words[max(0, i - 5):i]) for i, w in enumerate(words))


def looks_like_email(text: str) -> bool:
    t = normalize(text)
    return "@" in text or bool(re.search(r"\b(at)\b.*\b(dot)\b", t)) or " dot com" in t or " dot co " in f"{t} "


_DOMAIN = re.compile(r"\w ?\.(com|co|net|org)\b")


def names_a_domain(text: str) -> bool:
    """ "granditceroffer .com": Whisper writes an email's domain as it does a website's, so this
    says email only as the answer to a question that asked for one."""
    return bool(_DOMAIN.search(text.lower()))


_KEY = r"(\d|for|one|two|three|four|five|six|seven|eight|nine|zero|star|hash|pound)"
# "Number one is the device help line": a menu numbering its options (transfers reads their departments).
NUMBERED_OPTION = re.compile(r"\bnumber (\d|one|two|three|four|five|six|seven|eight|nine) is\b")
# "press", and the other verbs recorded menus use ("select 2", "choose 3", "dial 4").
_MENU_KEY = re.compile(rf"\b(?:press (?:or say )?(?:the )?{_KEY}\b(?: or {_KEY}\b)?"
                       rf"|(?:select|choose|dial) (?:option )?(\d|one|two|three|four|five|six|seven|eight|nine)\b)")
# Verbs that offer a key in a menu, but in talk too ("tap 1", "key 2", "push 1", "hit 2", "the 2 key" however the
# verb before it was heard, "2 gets you the payments team", "number 1 is the device helpline"; not "then the hash key", which ends
# what was typed): keys only when three or more are offered this way in turn, 1, 2, 3 ("option
# one gets you unlimited data and option two gets you the free phone", "hold the 1 key and the 3
# key together" are talk).
_MENU_KEY_IN_TURN = re.compile(r"\b(?:(?:tap|key|push|hit) (\d|one|two|three|four|five|six|seven|eight|nine)\b"
                               r"|the (\d|one|two|three|four|five|six|seven|eight|nine) key\b"
                               r"|(\d|one|two|three|four|five|six|seven|eight|nine) gets you\b"
                               r"|" + NUMBERED_OPTION.pattern[2:] + ")")
# A menu's "Option 2, billing." / "Billing, that's option 2" / "For the tech desk, it's 3.": a key
# after "option" that the punctuation closes, one after "that's option" or "it's option", or a
# bare key after "that's" or "it's" closing an option's clause ("if you need …, that's 1."); not
# an agent's "option one or two", "option two is the fibre plan", "it's 2 o'clock", "that's
# 1.50 more", "the TV box, that's one", and never "option for".
_N = r"(\d|one|two|three|four|five|six|seven|eight|nine|zero)"
_CLOSED = r"\s*(?:[,;:](?!\d)|\.(?!\d)|$)"
_OPTION_KEY = re.compile(rf"\b(?:(?:that|it)'?s option {_N}\b|option {_N}{_CLOSED}"
                         rf"|(?:if you|for)\b[^.?!;,]*,\s*(?:that|it)'?s {_N}{_CLOSED})", re.I)
_KEY_NAMES = {**_NUMBER_WORDS, "star": "*", "hash": "#", "pound": "#"}


_KEY_AFTER = re.compile(r"\b([a-z]+) ?([1-9])(?:st|nd|rd|th)?\b")
# Words that number things other than keys ("step 1, step 2", "the 1st, the 2nd", "at 1, at 2").
_NUMBERS_OTHER_THINGS = {
    "press", "option", "the", "a", "at", "on", "in", "to", "for", "of", "and", "or", "by", "from", "is", "was",
    "step", "steps", "stage", "phase", "page", "line", "item", "part", "point", "level", "tier", "plan", "number",
    "room", "floor", "day", "days", "week", "weeks", "month", "months", "year", "years", "minute", "minutes",
    "hour", "hours", "pound", "pounds", "dollar", "dollars", "slot", "version", "box", "lines",
}


def press_heard_as(norm: str) -> str:
    """The menu with "press" put back where the ASR heard it as another word before each key
    ("perez 1 … perez 2 … perez 3", "mesc1 … mesc2 … mesc3", "Nile 2 … Nile 3 … Nile 4"): one
    word before keys offered in turn (``_in_turn``) is the menu's "press", unless it is a word
    that numbers other things ("step 1, then step 2, then step 3", "the 1st, the 2nd and the
    3rd")."""
    keys: dict[str, list[int]] = {}
    for m in _KEY_AFTER.finditer(norm):
        keys.setdefault(m.group(1), []).append(int(m.group(2)))
    # Keys from the second or with one skipped only in a menu that offers a key in words too
    # ("Select one … Nile 2 …") or four of them from 2 on: "BBC 1, BBC 2 and BBC 4", "Hub 2, Hub 3
    # and Hub 4" are no menu.
    loose = bool(_MENU_KEY.search(norm))
    # Four keys or more after one word, 2, 3, 4, 5 …, are a menu whose first option was heard as
    # no key at all ("June 1, Nile 2, Nile 3, Nile 4, Nile 5" for "choose 1, dial 2 …").
    heard_as = {w for w, ks in keys.items() if w not in _NUMBERS_OTHER_THINGS and (
        _in_turn(ks, loose) or len(ks) >= 4 and ks == list(range(2, len(ks) + 2)))}
    if not heard_as:
        return norm
    return _KEY_AFTER.sub(lambda m: f"press {m.group(2)}" if m.group(1) in heard_as else m.group(0), norm)


def _in_turn(keys: list[int], loose: bool) -> bool:
    """Three keys or more offered in turn: 1, 2, 3 …; ``loose`` (the menu offers a key in
    words too) also from the second, 2, 3, 4 (the first option worded "select one", so not
    heard after the same word), and with at most one key skipped between two (a middle option
    worded otherwise: "… 1, if you'd like to leave us, select 2. … 3")."""
    if len(keys) < 3:
        return False
    if not loose:
        return keys == list(range(1, len(keys) + 1))
    return keys[0] <= 2 and all(0 < b - a <= 2 for a, b in zip(keys, keys[1:]))


_KEY_WORD = re.compile(r"\b([1-9]|one|two|three|four|five|six|seven|eight|nine)\b")
# Words a menu puts before each key it offers, however "press" was heard ("enter one", "first
# one", "reached on 1"), and after each ("1 for the tax line", "2 takes you to …"): only
# these, since talk numbers things in turn too ("option one is the SIM deal, option two …",
# "one o'clock, two o'clock", "light one, light two", "BBC One, BBC Two").
_KEY_VERB_BEFORE = {"enter", "press", "first", "select", "choose", "dial", "key", "tap", "say", "reached on",
                    "go for", "push", "hit"}
_KEY_WORD_AFTER = {"for", "takes", "gets"}


def keys_in_turn(norm: str) -> list[re.Match]:
    """A menu's keys however its verb was heard ("enter one … enter two … enter three", "1 for
    the tax line. 2 for …", "… can be reached on 1"): keys 1, 2, 3 … (three or more) said one
    after another in normalized text with no other single-digit number between them, three of
    them after the same menu verb or before the same menu word."""
    run: list[re.Match] = []
    best: list[re.Match] = []
    for m in _KEY_WORD.finditer(norm):
        key = int(_NUMBER_WORDS.get(m.group(1), m.group(1)))
        run = run + [m] if key == len(run) + 1 else [m] if key == 1 else []
        if len(run) > len(best):
            best = run
    if len(best) >= 3 and (_verb_before_keys(norm, best) or departments_after_keys(norm, best)):
        return best
    return _after_one_menu_verb(norm)


# Verbs only a menu says before key after key: "enter 2 … enter 3 … enter 4" is a menu whose
# first option was worded otherwise ("1 to cancel or freeze your membership"); talk numbers
# things after "say", "first" or "hit" too. "Go for" is talk as often ("most families go for
# two, some go for three"): a menu's only with departments offered (see below).
_MENU_VERBS = ("enter", "press", "select", "choose", "dial", "go for")


def _after_one_menu_verb(norm: str) -> list[re.Match]:
    """Three keys or more in turn, from any key, each straight after the same menu verb
    ("… enter 2. … enter 3. … enter 4."), whatever else the ASR made of the options between
    them ("Two to cancel for three to your membership"); after "go for", two of them with
    something shaped like a department just before ("… the new joiners desk, go for 3").
    """
    best: list[re.Match] = []
    for verb in _MENU_VERBS:
        run: list[re.Match] = []
        for m in _KEY_WORD.finditer(norm):
            if not f" {norm[:m.start()].rstrip()}".endswith(f" {verb}"):
                continue
            key = int(_NUMBER_WORDS.get(m.group(1), m.group(1)))
            last = int(_NUMBER_WORDS.get(run[-1].group(1), run[-1].group(1))) if run else None
            run = run + [m] if last is not None and key == last + 1 else [m]
            if len(run) >= 3 and len(run) > len(best) and (verb != "go for" or sum(
                    1 for a, b in zip([0] + [r.end() for r in run], [r.start() for r in run])
                    if _DEPARTMENT_SHAPE.search(norm[a:b][-60:])) >= 2):
                best = list(run)
    return best


def _verb_before_keys(norm: str, keys: list[re.Match]) -> bool:
    """Three of ``keys`` or more follow the same menu verb ("enter one … enter two")."""
    before = [" ".join(norm[:m.start()].split()[-2:]) for m in keys]
    before = [b if b in _KEY_VERB_BEFORE else b.split()[-1] if b else "" for b in before]
    if "reached on" in before:
        # "Billing can be reached on 1, sales on 2, support on 3."
        before = ["reached on" if b == "on" else b for b in before]
    return any(before.count(verb) >= 3 for verb in _KEY_VERB_BEFORE)


def departments_after_keys(norm: str, keys: list[re.Match]) -> bool:
    """Three keys or more before the same menu word, two of them offering a department by the
    shape of its name ("2 for central reservations", "3 takes you to the home moves team"):
    "one for ten pounds, two for eighteen" or "one for the kitchen" is talk."""
    after = [norm[m.end():].split()[:1] for m in keys]
    said = [w[0] for w in after if w]
    if not any(said.count(word) >= 3 for word in _KEY_WORD_AFTER):
        return False
    ends = [m.end() for m in keys]
    chunks = [norm[a:b] for a, b in zip(ends, [m.start() for m in keys[1:]] + [len(norm)])]
    return sum(1 for c in chunks if _DEPARTMENT_SHAPE.search(c[:60])) >= 2


# What a department's name ends in, or is ("the tax payments line", "central reservations").
_DEPARTMENT_SHAPE = re.compile(r"\b(team|desk|line|department|office|helpline|hub|services?|support|billing|sales|"
                               r"relations|reservations|enquiries|accounts|payments|care|retentions|loyalty)\b")


def keys_offered(text: str) -> set[str]:
    """The keys ``text`` asks the caller to press: a menu's "press 1 or 2", "press the star
    key", "Option 2, billing.", keys offered in turn (``keys_in_turn``); not "press the power
    button"."""
    norm = press_heard_as(normalize(text))
    keys = {_KEY_NAMES.get(k, k) for pair in _MENU_KEY.findall(norm) for k in pair if k}
    keys |= {_KEY_NAMES.get(m.group(1), m.group(1)) for m in keys_in_turn(norm)}
    in_turn = [int(_KEY_NAMES.get(k, k)) for pair in _MENU_KEY_IN_TURN.findall(norm) for k in pair if k]
    if _in_turn(in_turn, loose=False):
        keys |= {str(k) for k in in_turn}
    return keys | {_KEY_NAMES.get(k.lower(), k) for pair in _OPTION_KEY.findall(text.replace("’", "'"))
                   for k in pair if k}


def asks_for_a_key(text: str) -> bool:
    return bool(keys_offered(text))


def is_question(text: str) -> bool:
    return "?" in text


def sentences(text: str) -> list[tuple[int, str]]:
    """(character offset, sentence) pieces of an utterance, split after . ? and !"""
    out, start = [], 0
    for m in re.finditer(r"[.?!]+(\s+|$)", text):
        piece = text[start:m.end()].strip()
        if piece:
            out.append((start, piece))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:].strip()))
    return out
