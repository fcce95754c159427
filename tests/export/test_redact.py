"""PII redaction: the shapes ASR writes numbers, dates and addresses in."""

from __future__ import annotations

import re

import pytest

from annotations.redact import luhn_valid, redact_text, redact_texts, redact_tokens

from .builders import CARD


def test_fixture_card_is_luhn_valid() -> None:
    assert luhn_valid(CARD)
    assert not luhn_valid(CARD[:-1] + "8")


@pytest.mark.parametrize("spoken", [
    "4539 1488 0343 6467",
    "4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7",
    "4539-1488-0343-6467",
    "4539148803436467",
    "4,539,148,803,436,467",  # Whisper sometimes formats a long digit string as one number
    "4539 -1488 -0343 -6467",  # and Whisper base writes groups read digit by digit like this
    "four five three nine one four eight eight oh three four three six four six seven",
    "4 5 3 9 one four eight eight 0343 six four six seven",
    "forty five thirty nine fourteen eighty eight oh three forty three sixty four sixty seven",
])
def test_card_numbers_never_survive(spoken: str) -> None:
    out = redact_text(f"Sure, the number is {spoken}. Thanks")
    assert "[CARD]" in out
    assert not re.search(r"\d", out), out
    assert out.startswith("Sure, the number is ") and out.endswith(". Thanks")


@pytest.mark.parametrize("text, label", [
    ("My email is jane.doe@example.com", "EMAIL"),
    ("it's jane dot doe at gmail dot com", "EMAIL"),
    ("born on the 12th of March 1985", "DOB"),
    ("March 12th, 1985", "DOB"),
    ("my date of birth is 12/03/1985", "DOB"),
    ("It's L S 6, 2 Q R.", "POSTCODE"),
    ("postcode LS6 2QR", "POSTCODE"),
    ("my zip is 90210", "POSTCODE"),
    ("call me on 07700 900123", "PHONE"),
    ("I live at 22 Acacia Avenue, Leeds.", "ADDRESS"),
    ("twenty two Acacia Avenue", "ADDRESS"),
    ("my pin is 1234", "PIN"),
    ("account number 12345678", "ACCOUNT"),
    ("the last four digits are 7 7 0 4", "NUMBER"),
])
def test_each_kind_gets_its_label(text: str, label: str) -> None:
    assert f"[{label}]" in redact_text(text)


@pytest.mark.parametrize("text", [
    "Hello, I'm originally from Chicago also.",
    "Press 1 for billing or 2 for sales.",
    "That will be $12.50, or 1,250 pounds for the year.",
    "I moved in 2019 and have three kids.",
    "May I have your name please?",
    "Please hold for 2 minutes.",
    "What's the address on the account?",
])
def test_ordinary_speech_is_left_alone(text: str) -> None:
    assert redact_text(text) == text


def test_context_carries_over_between_utterances() -> None:
    out = redact_texts(["Can you confirm your date of birth?", "Yes, the fifth of May."])
    assert out == ["Can you confirm your date of birth?", "Yes, [DOB]."]
    # Without the question, "the fifth of May" is just a date.
    assert redact_text("Yes, the fifth of May.") == "Yes, the fifth of May."


def test_card_split_over_two_utterances() -> None:
    out = redact_texts(["my card is 4539 1488", "0343 6467 thanks"])
    assert out == ["my card is [CARD]", "[CARD] thanks"]


def test_words_each_digit_row_replaced() -> None:
    words = ["my", "card", "is"] + list("4539") + ["1", "4", "8", "8."] + ["Thanks"]
    out = redact_tokens(words)
    assert out[:3] == ["my", "card", "is"] and out[-1] == "Thanks"
    assert out[3:-1] == ["[CARD]"] * 8


def test_none_and_empty_pass_through() -> None:
    assert redact_text(None) is None
    assert redact_texts([None, ""]) == [None, ""]
    assert redact_tokens([None, "hi"]) == [None, "hi"]


SAMPLE_PII = ["fourteenth of March, nineteen eighty two", "L S 6, 2 Q R", "0 7 7 1 8", "7 7 0 4",
              "sarah dot bennett", "42 Hawthorn Road", "4 8 2 1"]


def test_sample_call_scripts_are_redacted() -> None:
    """The committed sample calls' scripted dialogue: every verification answer is hidden."""
    import json

    from .builders import REPO_ROOT

    scripts = sorted((REPO_ROOT / "sample_calls").glob("*.json"))
    if not scripts:
        pytest.skip("sample_calls/ not present")
    spoken, redacted = [], []
    for path in scripts:
        segments = sorted(json.loads(path.read_text())["segments"], key=lambda s: s["start_s"])
        texts = [s["text"] for s in segments]
        spoken += texts
        redacted += redact_texts(texts)
    for pii in SAMPLE_PII:
        assert any(pii in t for t in spoken), pii
        assert not any(pii in t for t in redacted), pii
    assert sum(a != b for a, b in zip(spoken, redacted)) <= 15  # ordinary dialogue stays readable
