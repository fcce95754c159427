"""Words to speakers, words to utterances, speakers to roles: pure functions on hand-made input."""

from __future__ import annotations

import pytest

from audio_pipeline.asr import Word
from audio_pipeline.diarize import Turn
from audio_pipeline.roles import assign_roles, is_ivr_prompt
from audio_pipeline.transcript import SpokenWord, Utterance, attribute_words, build_utterances


def _utt(i, speaker, start, text):
    words = tuple(SpokenWord(start + k * 0.3, start + k * 0.3 + 0.25, w, 0.9, speaker)
                  for k, w in enumerate(text.split()))
    return Utterance(i, speaker, start, words[-1].end_s, words)


def test_word_goes_to_the_turn_that_overlaps_it_most():
    turns = [Turn(0.0, 2.0, "A"), Turn(1.8, 4.0, "B")]
    words = [Word(0.1, 0.5, "hello", 0.9), Word(1.7, 2.3, "there", 0.9), Word(4.5, 4.8, "late", 0.9),
             Word(9.0, 9.2, "lost", 0.9)]
    got = [w.speaker for w in attribute_words(words, turns)]
    assert got == ["A", "B", "B", "unknown"]


def test_utterances_split_at_speaker_change_and_long_pause():
    ws = [SpokenWord(0.0, 0.3, "hi", 1, "A"), SpokenWord(0.4, 0.7, "there", 1, "A"),
          SpokenWord(1.0, 1.3, "hello", 1, "B"), SpokenWord(1.5, 1.8, "so", 1, "A"),
          SpokenWord(5.0, 5.3, "later", 1, "A")]
    utts = build_utterances(ws)
    assert [(u.speaker, u.text) for u in utts] == [("A", "hi there"), ("B", "hello"), ("A", "so"), ("A", "later")]
    assert [u.utterance_id for u in utts] == [0, 1, 2, 3]


def test_overlapping_speech_keeps_both_speakers_lines_whole():
    ws = [SpokenWord(0.0, 0.3, "I", 1, "agent"), SpokenWord(0.35, 0.6, "can", 1, "agent"),
          SpokenWord(0.5, 0.8, "wait", 1, "customer"), SpokenWord(0.65, 0.9, "see", 1, "agent")]
    utts = build_utterances(ws)
    texts = {u.speaker: u.text for u in utts}
    assert texts["customer"] == "wait"
    assert texts["agent"].startswith("I can")


def test_roles_from_what_each_speaker_says():
    utts = [
        _utt(0, "S0", 0.0, "Welcome to Acme Bank. For billing, press one. For technical support, press two."),
        _utt(1, "S1", 10.0, "Thanks for calling billing, this is Maria, how can I help?"),
        _utt(2, "S2", 14.0, "Hi, I'm calling about my bill, I was charged twice."),
        _utt(3, "S1", 18.0, "Let me check that. Can I take your date of birth?"),
        _utt(4, "S3", 40.0, "Technical support, my name is Dev. Can you confirm your postcode?"),
        _utt(5, "S2", 45.0, "I already gave you that."),
    ]
    assert assign_roles(utts) == {"S0": "ivr", "S1": "agent", "S2": "customer", "S3": "agent"}


def test_a_call_never_gets_two_customers():
    utts = [_utt(0, "S0", 0.0, "I'm calling about my account"), _utt(1, "S1", 5.0, "my bill is wrong, I already paid")]
    roles = assign_roles(utts)
    assert list(roles.values()).count("customer") == 1


def test_fixed_stereo_roles_are_kept():
    utts = [_utt(0, "agent", 0.0, "I'm calling about my account")]
    assert assign_roles(utts, fixed={"agent": "agent"}) == {"agent": "agent"}


def test_ivr_prompt_detection():
    assert is_ivr_prompt("For billing, press 1. For sales, press 2.")
    assert is_ivr_prompt("Please enter your account number followed by the hash key.")
    assert not is_ivr_prompt("Let me check that for you, can I take your postcode?")


def _said(i, speaker, start, end, text):
    words = text.split()
    step = (end - start) / len(words)
    spoken = tuple(SpokenWord(start + k * step, start + (k + 1) * step - 0.05, w, 0.9, speaker)
                   for k, w in enumerate(words))
    return Utterance(i, speaker, start, end, spoken)


def test_a_garbled_menu_that_opens_the_call_unanswered_is_the_ivr():
    # The menu's words carry no IVR cue as heard ("Enter one for the membership theme deck"),
    # and the agent says little that sounds like one: by words alone the long-talking menu
    # was the caller and the caller an agent.
    utts = [
        _said(0, "S3", 0.0, 10.5, "Hello this is MacBeeMank call to this number I recorded and monitor now"),
        _said(1, "S3", 15.9, 28.7, "Enter one for the membership theme deck enter two for the quotes and cover theme"),
        _said(2, "S2", 90.5, 94.1, "I was the same with us team I live or speaking how can I help"),
        _said(3, "S1", 94.8, 97.6, "I'm thinking of leaving the price was one of the games"),
        _said(4, "S2", 98.2, 100.7, "What the far did it be and you said for phoning us"),
        _said(5, "S1", 101.4, 104.4, "Yeah it's 6 7 6 7 8"),
        _said(6, "S2", 104.4, 108.9, "Please do you have your account number with you"),
        _said(7, "S1", 109.4, 112.3, "For sure 5486 4558"),
    ]
    assert assign_roles(utts) == {"S3": "ivr", "S2": "agent", "S1": "customer"}


def test_an_agent_who_opens_with_a_long_speech_and_then_talks_with_the_caller_is_no_ivr():
    utts = [
        _said(0, "A", 0.0, 9.5, "Good morning you are through to the billing team my name is Sam and this call is recorded"),
        _said(1, "C", 10.2, 13.0, "Hi I was charged twice this month"),
        _said(2, "A", 13.5, 16.0, "Sorry to hear that what is your postcode"),
        _said(3, "C", 16.8, 18.0, "SW1A 1AA"),
        _said(4, "A", 18.6, 21.0, "Thanks let me check that"),
        _said(5, "C", 21.5, 22.5, "Okay"),
    ]
    assert assign_roles(utts) == {"A": "agent", "C": "customer"}


def test_of_two_speakers_that_sound_alike_the_one_talking_with_every_agent_is_the_caller():
    # Neither the caller nor the second agent says anything that sounds like one; the second
    # agent talks longer. The caller is the one who talked with both agents.
    utts = [
        _said(0, "A1", 0.0, 3.0, "Good morning this is Ann how can I help"),
        _said(1, "C", 3.5, 6.0, "Right so the thing is the box"),
        _said(2, "A1", 6.5, 9.0, "Okay one moment for me"),
        _said(3, "C", 9.5, 11.0, "Sure no bother"),
        _said(4, "A1", 11.5, 14.0, "Right that is sorted so"),
        _said(5, "C", 14.5, 16.0, "Grand so"),
        _said(6, "A2", 40.0, 48.0, "Hello there the fault desk here so the box has a fault and the line has a fault too"),
        _said(7, "C", 48.5, 50.0, "Right okay"),
        _said(8, "A2", 50.5, 58.0, "So the line test says the fault is on the street side and the box is fine"),
        _said(9, "C", 58.5, 60.0, "Okay then"),
        _said(10, "A2", 60.5, 66.0, "So an engineer comes out on Tuesday morning"),
    ]
    roles = assign_roles(utts)
    assert roles["C"] == "customer"
    assert roles["A2"] == "agent"


def test_an_outbound_agent_who_opens_with_a_long_introduction_is_no_ivr():
    """An outbound call: the agent talks 12 s before the caller says a word, and the call is
    short; "calling from" says a person is talking."""
    utts = [
        _said(0, "A", 0.0, 12.0, "Hi this is Sam calling from Acme Energy about your account this call is recorded"),
        _said(1, "C", 12.5, 14.0, "Oh right okay"),
        _said(2, "A", 14.5, 20.0, "We noticed a missed payment and wanted to check everything is okay"),
        _said(3, "C", 23.5, 25.0, "I'm calling them back later"),
    ]
    assert assign_roles(utts)["A"] == "agent"


@pytest.mark.parametrize("menu", [
    "If you're calling from a mobile calls may be charged for billing press one for sales press two",
    "Hi my name is Ava Acme's virtual assistant for billing press one for sales press two",
])
def test_a_recorded_opening_that_says_calling_from_or_names_an_assistant_is_still_the_ivr(menu):
    """Found by a helper's review: a recording may say "calling from" or give its assistant a
    name; a caller's "hello?" into it does not end the opening."""
    utts = [
        _said(0, "R", 0.0, 5.0, "Thanks for calling Acme"),
        _said(1, "C", 5.5, 6.2, "Hello?"),
        _said(2, "R", 7.0, 16.0, menu),
        _said(3, "A", 40.0, 43.0, "Billing how can I help"),
        _said(4, "C", 43.5, 46.0, "I was charged twice this month"),
        _said(5, "A", 46.5, 49.0, "Can I take your postcode"),
        _said(6, "C", 49.5, 51.0, "SW1A 1AA"),
    ]
    assert assign_roles(utts)["R"] == "ivr"


@pytest.mark.parametrize("reply", [
    "So that's 6 2 4 0 5 8 1 8 0, lovely.",                           # reading the caller's number back
    "It's 35 pounds a month on an 18-month contract.",                 # figures, no number given
    "The engineer is booked for 11:30 tomorrow.",
    "It's £49.99, added to the next bill.",
    "Your reference is 558913.",
    "You've been with us since 2019.",
    "If it drops again, ring us back on 0800 123 4567.",
    "That's 29.99 a month from the next bill.",
])
def test_a_number_read_back_or_a_price_is_no_callers_answer(reply):
    from audio_pipeline.roles import number_answers
    utts = [
        _said(0, "C", 0.0, 3.0, "Yes it's 6 2 4 0 5 8 1 8 0" if "6 2 4 0" in reply else "How much is the fibre deal?"),
        _said(1, "A", 3.5, 6.0, reply),
    ]
    assert number_answers(utts).get("A", {}).get("customer", 0) == 0


def test_an_agent_who_gives_times_prices_and_references_stays_the_agent():
    # The caller says nothing that sounds like a caller; the agent answers their questions with
    # figures. None of those is a number given.
    lines = [("S0", "Hello, billing, Sam speaking."), ("S1", "Hi there, quick question about the engineer visit."),
             ("S0", "Sure. Can I take your postcode?"), ("S1", "It's L1 8JQ."),
             ("S0", "Thanks. The engineer is booked for 11:30 tomorrow."), ("S1", "Okay, and what will it cost?"),
             ("S0", "It's £49.99, added to the next bill."), ("S1", "Right, fine."),
             ("S0", "Your reference is 558913."), ("S1", "Great, thanks."), ("S0", "Anything else?"), ("S1", "No, bye.")]
    utts = [_said(i, s, 3.0 * i, 3.0 * i + 2.5, t) for i, (s, t) in enumerate(lines)]
    assert assign_roles(utts) == {"S0": "agent", "S1": "customer"}
