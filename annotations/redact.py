"""PII redaction for transcripts, notes and detection evidence.

Exports and shared clips leave the workstation, so by default every free-text
column goes through here. ASR writes the same spoken number in many shapes
("4539 1488 0343 6467", "4 5 3 9", "four five three nine", "forty five thirty
nine", "4,539,148,803,436,467"), so numbers are found as *runs of digit-bearing
tokens* rather than by one regular expression, and a run may continue from one
text into the next (a card number split over two utterances, or a digit per
row in the words table).

The rules lean towards over-redaction: a wrongly hidden "1 2 3 4" costs an
analyst a moment; a card number in a shared Parquet file cannot be taken back.

Public functions: :func:`redact_text` (one string), :func:`redact_texts` (a
call's texts in order, sharing context) and :func:`redact_tokens` (one token per
entry, e.g. the words table: each token inside a redacted span becomes the label).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

LABELS = ("CARD", "ACCOUNT", "DOB", "PHONE", "ADDRESS", "EMAIL", "POSTCODE", "PIN", "NUMBER")

_UNITS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2",
    "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}
_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5", "sixty": "6",
    "seventy": "7", "eighty": "8", "ninety": "9",
}
_MULTIPLIERS = {"double": 2, "triple": 3}
_CURRENCY_WORDS = {
    "pounds", "pound", "dollars", "dollar", "euros", "euro", "pence", "p", "cents", "cent",
    "quid", "bucks", "percent", "%",
}
# Keyword (as a regex over the lower-cased recent context) → label for a number that follows.
_CONTEXT = [
    (re.compile(r"\b(birth|born|dob|birthday)\b"), "DOB"),
    (re.compile(r"\b(card|visa|mastercard|amex|debit|credit|cvv|cvc|expiry|long number)\b"), "CARD"),
    (re.compile(r"\b(pin|passcode|pass code|security number)\b"), "PIN"),
    (re.compile(r"\b(post ?code|zip)\b"), "POSTCODE"),
    (re.compile(r"\b(phone|mobile|telephone|landline|cell|call me on|reach me on)\b"), "PHONE"),
    (re.compile(r"\b(account|acct|sort code|membership|customer number|reference|policy)\b"), "ACCOUNT"),
    (re.compile(r"\bdigits\b"), "NUMBER"),
]
_CONTEXT_CHARS = 90  # about the last dozen words: the agent's question before the answer

_SEP = r"[\s,.\-]*"
_DIGIT_OR_WORD = r"(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_ORD_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORD = (
    rf"(?:{_ORD_UNIT}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    rf"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|(?:twenty|thirty)[\s-]{_ORD_UNIT})"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORD})"
_UNIT_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN_OR_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]{_UNIT_W})?)"
)
_SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[\s-](?:oh[\s-]{_UNIT_W}|hundred|{_TEEN_OR_TENS})"
    rf"|two thousand(?:[\s-]and)?(?:[\s-](?:{_TEEN_OR_TENS}|{_UNIT_W}))?)"
)
_YEAR = rf"(?:\d{{4}}|'?\d{{2}}|{_SPOKEN_YEAR})"
_STREET = (
    r"(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|court|ct|way|place|pl|crescent"
    r"|terrace|boulevard|blvd|gardens|grove|hill|park|square|row|mews|walk|parade|gate|green)"
)
_HOUSE_NUMBER = rf"(?:\d{{1,5}}[A-Za-z]?|(?i:{_TEEN_OR_TENS}|{_UNIT_W})(?:[\s-](?i:{_UNIT_W}))?)"
_TLD = r"(?:com|net|org|co|io|uk|edu|gov|info|biz|me|us)"
_DOT = r"\s*(?:\.|\bdot\b)\s*"

# (pattern, label, needs_dob_context). Order matters only for overlaps: earlier wins.
_PATTERNS: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"), "EMAIL", False),
    (re.compile(
        rf"(?i)\b[\w.'+-]+(?:\s+(?:dot|underscore|dash|hyphen)\s+[\w'+-]+)*\s+(?:at|@)\s+[\w-]+"
        rf"(?:{_DOT}[\w-]+)*?{_DOT}{_TLD}\b(?:{_DOT}(?:uk|au|nz|ca|ie)\b)?"
    ), "EMAIL", False),
    # "my address is ...": the rest of the sentence is the address (after emails, so
    # "my email address is a@b.com" stays an [EMAIL]).
    (re.compile(
        r"(?i)\b(?:address\s+(?:is|it's|was)|(?:i|we)\s+live\s+at|lives\s+at)\s*:?\s+([^.?!\n]{3,80})"
    ), "ADDRESS", False),
    (re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"), "DOB", False),
    (re.compile(rf"(?i)\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"), "DOB", False),
    (re.compile(rf"(?i)\b{_MONTH}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}\b"), "DOB", False),
    (re.compile(rf"(?i)\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w)"), "DOB", True),
    (re.compile(rf"(?i)\b{_MONTH}\s+(?:the\s+)?{_DAY}\b"), "DOB", True),
    (re.compile(rf"(?i)\b{_MONTH},?\s+{_YEAR}\b"), "DOB", True),
    # UK postcodes, compact ("LS6 2QR") or spelled out as ASR writes them ("L S 6, 2 Q R").
    (re.compile(
        rf"\b[A-Z](?:{_SEP}[A-Z])?{_SEP}{_DIGIT_OR_WORD}(?:{_SEP}[A-Z\d])?{_SEP}{_DIGIT_OR_WORD}"
        rf"{_SEP}[A-Z]{_SEP}[A-Z]\b"
    ), "POSTCODE", False),
    (re.compile(rf"\b{_HOUSE_NUMBER},?\s+(?:[A-Z][\w'-]*\s+){{1,3}}{_STREET}\b"), "ADDRESS", False),
]
_TOKEN = re.compile(r"\S+")
_STRIP_LEAD = "([{\"'<"
_STRIP_TRAIL = ".,;:!?)]}\"'>"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def redact_text(text: str | None) -> str | None:
    """``text`` with PII replaced by ``[LABEL]`` placeholders (None stays None)."""
    if text is None:
        return None
    return redact_texts([text])[0]


def redact_texts(texts: Sequence[str | None]) -> list[str | None]:
    """Redact a call's texts in order; a number or date may span neighbouring texts.

    Context carries over, so "date of birth?" in the agent's utterance makes the
    customer's "the fifth of May" in the next one a ``[DOB]``.
    """
    joined, bounds = _join([t or "" for t in texts])
    spans = find_pii(joined)
    out: list[str | None] = []
    for text, (a, b) in zip(texts, bounds):
        if text is None:
            out.append(None)
            continue
        pieces, pos = [], a
        last_label = None
        for s in spans:
            if s.end <= a or s.start >= b:
                continue
            lo, hi = max(s.start, a), min(s.end, b)
            gap = joined[pos:lo] if lo > pos else ""
            if not (last_label == s.label and not gap.strip()):  # "[CARD] [CARD]" reads as one
                pieces.append(gap)
                pieces.append(f"[{s.label}]")
            last_label = s.label
            pos = max(pos, hi)
        pieces.append(joined[pos:b])
        out.append("".join(pieces))
    return out


def redact_tokens(tokens: Sequence[str | None]) -> list[str | None]:
    """One entry per token (the words table): each token touching PII becomes ``[LABEL]``."""
    joined, bounds = _join([t or "" for t in tokens], sep=" ")
    spans = find_pii(joined)
    out: list[str | None] = []
    j = 0
    for tok, (a, b) in zip(tokens, bounds):
        while j < len(spans) and spans[j].end <= a:
            j += 1
        hit = None
        k = j
        while k < len(spans) and spans[k].start < b:
            if spans[k].end > a and b > a:
                hit = spans[k].label
                break
            k += 1
        out.append(f"[{hit}]" if hit and tok is not None else tok)
    return out


def find_pii(text: str) -> list[Span]:
    """Non-overlapping PII spans in ``text``, sorted by position."""
    spans: list[Span] = []
    lower = text.lower()

    def free(a: int, b: int) -> bool:
        return all(b <= s.start or a >= s.end for s in spans)

    for pattern, label, needs_dob in _PATTERNS:
        for m in pattern.finditer(text):
            # Patterns with a group redact only the group ("my address is <...>").
            a, b = m.span(1) if pattern.groups else m.span()
            if needs_dob and _context_label(lower, a) != "DOB":
                continue
            if free(a, b):
                spans.append(Span(a, b, label))
    spans.extend(_digit_runs(text, lower, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def luhn_valid(digits: str) -> bool:
    """True for a digit string that passes the Luhn check (every real card number does)."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# ----------------------------------------------------------------- helpers


def _join(texts: list[str], sep: str = "\n") -> tuple[str, list[tuple[int, int]]]:
    bounds, pos = [], 0
    for t in texts:
        bounds.append((pos, pos + len(t)))
        pos += len(t) + len(sep)
    return sep.join(texts), bounds


def _context_label(lower: str, pos: int) -> str | None:
    """Label suggested by the nearest keyword shortly before ``pos``."""
    window = lower[max(0, pos - _CONTEXT_CHARS):pos]
    best, best_at = None, -1
    for pattern, label in _CONTEXT:
        for m in pattern.finditer(window):
            if m.end() > best_at:
                best, best_at = label, m.end()
    return best


@dataclass
class _Tok:
    start: int
    end: int
    digits: str  # the digits it stands for ("" for double/triple)
    multiplier: int = 1
    money: bool = False
    is_oh: bool = False


def _classify(core: str, nxt: str | None) -> _Tok | None:
    """The digits a token stands for, or None if it is not part of a number."""
    low = core.lower()
    currency = low[:1] in "£$€"
    if currency:
        low = low[1:]
    # Whisper writes digit groups read one by one as "1488 -0343 -6467".
    low = low.lstrip("+#-")
    if low and low[0].isdigit() and re.fullmatch(r"\d[\d\-./,]*\d|\d", low):
        money = currency or (nxt in _CURRENCY_WORDS) or bool(re.fullmatch(r"\d+\.\d{1,2}", low))
        return _Tok(0, 0, re.sub(r"\D", "", low), money=money)
    if low in _MULTIPLIERS:
        return _Tok(0, 0, "", multiplier=_MULTIPLIERS[low])
    parts = low.split("-")
    digits = ""
    for i, p in enumerate(parts):
        if p in _UNITS:
            digits += _UNITS[p]
        elif p in _TEENS:
            digits += _TEENS[p]
        elif p in _TENS:
            # "forty-five" is 45, not 405: a following unit fills the tens' zero.
            follow = parts[i + 1] if i + 1 < len(parts) else None
            digits += _TENS[p] + ("" if follow in _UNITS and follow not in ("oh", "o") else "0")
        elif p == "hundred":
            digits += "00"
        elif p == "thousand":
            digits += "000"
        else:
            return None
    return _Tok(0, 0, digits, is_oh=low in ("oh", "o"))


def _digit_runs(text: str, lower: str, taken: list[Span]) -> list[Span]:
    raw = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        lead = len(tok) - len(tok.lstrip(_STRIP_LEAD))
        core = tok.strip(_STRIP_LEAD).rstrip(_STRIP_TRAIL)
        if core:
            raw.append((m.start() + lead, m.start() + lead + len(core), core))
    toks: list[_Tok | None] = []
    for i, (a, b, core) in enumerate(raw):
        if any(not (b <= s.start or a >= s.end) for s in taken):
            toks.append(None)  # already redacted: breaks the run
            continue
        nxt = raw[i + 1][2].lower() if i + 1 < len(raw) else None
        t = _classify(core, nxt)
        if t is not None:
            t.start, t.end = a, b
            # A currency amount stays unless it is card-length (ASR's "4,539,148,803,436,467").
            if t.money and len(t.digits) < 12:
                t = None
        toks.append(t)

    out: list[Span] = []
    i = 0
    while i < len(toks):
        if toks[i] is None:
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j] is not None:
            j += 1
        run = [t for t in toks[i:j] if t is not None]
        i = j
        # A tens word followed by a unit in the next token ("forty five") is one number.
        digits, count, mult = "", 0, 1
        for k, t in enumerate(run):
            if t.multiplier > 1:
                mult = t.multiplier
                continue
            d = t.digits
            if k and run[k - 1].digits.endswith("0") and len(run[k - 1].digits) == 2 \
                    and run[k - 1].digits[0] != "1" and len(d) == 1 and not t.is_oh \
                    and digits.endswith("0"):
                digits = digits[:-1] + d * mult
            else:
                digits += d * mult
                count += 1
            mult = 1
        real = any(t.digits and not t.is_oh for t in run)
        if not real:
            continue
        context = _context_label(lower, run[0].start)
        n = len(digits)
        if not (count >= 4 or n >= 6 or (context and n >= 3)):
            continue
        out.append(Span(run[0].start, run[-1].end, _number_label(digits, context)))
    return out


def _number_label(digits: str, context: str | None) -> str:
    n = len(digits)
    if 13 <= n <= 19 and luhn_valid(digits):
        return "CARD"  # a Luhn-valid card-length number is a card whatever was said before it
    if context and context != "NUMBER":
        return context
    if 13 <= n <= 19:
        return "CARD"
    if n in (10, 11) and digits[0] in "01":
        return "PHONE"
    if 6 <= n <= 12:
        return "ACCOUNT"
    return "NUMBER"
