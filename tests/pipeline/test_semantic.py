"""Detection by meaning, on the real sentence model that installs with the project.

The sentences below are worded unlike every phrase in ``detect.toml``'s word lists and unlike
its ``[semantic.examples]`` (a test checks that), so what finds them is the model's sense of
meaning, not a string match. Loading the model takes a few seconds, once per module.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from audio_pipeline.detect import load_config
from audio_pipeline.detect.config import ENV_VAR
from audio_pipeline.detect.lexicon import Phrases, normalize
from audio_pipeline.detect.semantic import BUNDLED, bundled_model_path, encoder, intents_for
from audio_pipeline.detect.transfers import TransferDetector
from audio_pipeline.detect.verification import VerificationDetector
from audio_pipeline.detect.waits import WaitDetector

from .builders import quiet_view

ROOT = Path(__file__).resolve().parents[2]

# (sentence, the intent a person reads in it)
UNSEEN = [
    ("So what year and day is your birthday?", "ask_date_of_birth"),
    ("Could you tell me the final four numbers printed on your bank card?", "ask_card_last4"),
    ("Which email do you use with us, could you spell it?", "ask_email"),
    ("I'm going to pop you on hold for just a couple of minutes, okay?", "hold_announce"),
    ("Really sorry you had to wait so long there, it took ages to get an answer.", "hold_resume"),
    ("Squeeze the power key and keep it pressed down for twenty seconds.", "not_hold"),
    ("I'll shift you across to the billing department now.", "transfer"),
    ("Can you read me the tracking code from the parcel?", "not_identity"),
]


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def cfg():
    return load_config()


@pytest.fixture(scope="module")
def intents(cfg):
    return intents_for(cfg)


def test_the_probe_sentences_are_in_no_word_list_or_example(cfg):
    examples = {normalize(s) for v in cfg["semantic"]["examples"].values() for s in v}
    missed_by = {"hold_resume": cfg["hold"]["resume"], "transfer": cfg["transfer"]["intent"],
                 "ask_card_last4": [p for v in cfg["verification"]["items"].values() for p in v]}
    for sentence, intent in UNSEEN:
        assert normalize(sentence) not in examples
        if intent in missed_by:
            assert not Phrases(missed_by[intent], cfg["fuzzy"]).any(sentence), sentence  # words alone miss it


def test_embeddings_are_unit_length_and_paraphrases_sit_closer(intents):
    enc = intents.enc
    a, b, c = enc.encode(["When were you born?", "What is your date of birth?", "The router light is flashing red."])
    assert np.allclose([np.linalg.norm(a), np.linalg.norm(c)], 1.0, atol=1e-4)
    assert float(a @ b) > float(a @ c) + 0.3


@pytest.mark.parametrize("sentence,intent", UNSEEN)
def test_unseen_wording_gets_the_right_intent(intents, sentence, intent):
    got, sim = intents.nearest(sentence)
    assert got == intent, (sentence, got, round(sim, 2))


def test_fragments_and_small_talk_have_no_request_intent(intents):
    assert intents.nearest("Technical support.")[0] is None  # too short to judge
    for sentence in ("The weather has been awful this week, hasn't it?", "Okay, great, that's lovely."):
        got, _ = intents.nearest(sentence)
        assert got is None or got == "other", sentence


def test_verification_finds_an_item_the_word_lists_miss(cfg, intents):
    sentence = "Could you tell me the final four numbers printed on your bank card?"
    assert VerificationDetector(cfg)._items_asked(sentence, None) == []
    found = VerificationDetector(cfg, intents)._items_asked(sentence, None)
    assert [item for item, _ in found] == ["card_last4"]
    assert "by meaning" in found[0][1]


def test_verification_by_meaning_yields_to_an_answer_that_cannot_fit(cfg, intents):
    from audio_pipeline.detect.timeline import Utt

    sentence = "So what year and day is your birthday?"
    fits = Utt(5.0, 7.0, "the third of May nineteen ninety", "customer", "c")
    wrong = Utt(5.0, 7.0, "yes that's fine", "customer", "c")
    det = VerificationDetector(cfg, intents)
    assert [i for i, _ in det._asked_by_meaning(sentence, fits)] == ["date_of_birth"]
    assert det._asked_by_meaning(sentence, wrong) == []


def test_hold_announced_in_other_words_and_press_and_hold_is_not(cfg, intents):
    waits = WaitDetector(cfg, intents)
    assert waits._announces_hold("Right. I'm going to pop you on hold for just a couple of minutes, okay?")
    assert not waits._announces_hold("Squeeze the power key and keep it pressed down for twenty seconds.")
    # taken back in the same breath
    assert not waits._announces_hold("I'll stick you on hold for a moment. Actually no, I have it here.")


@pytest.mark.parametrize("said, hold", [
    ("Please remain on the line while I check that with my team leader.", True),
    ("Just hang on the line for me while I go and check.", True),
    ("Can you hang on a couple of minutes while I check with my supervisor?", True),
    ("I'm going to mute the line for a second while I look that up.", True),
    ("You'll hear some music for a minute while I check.", True),
    ("Please hold, I'll be right back with you.", True),
    ("Can you hold the phone closer to the router?", False),
    ("Stay on the line after the call for a short survey.", False),
    ("Can you mute the line on your end, there's a lot of noise?", False),
])
def test_holds_announced_without_the_word_hold(cfg, intents, said, hold):
    """Agents announce a wait without "hold" (hang on the line, mute, music, right back);
    holding the phone closer is no hold."""
    assert WaitDetector(cfg, intents)._announces_hold(said) is hold


@pytest.mark.parametrize("checkin", ["Hello, just checking in, bear with me.",
                                     "Sorry, I'm still waiting on the team to get back to me.",
                                     "Hello? Hang in there, it won't be much longer."])
def test_a_silent_hold_split_by_a_check_in_is_two_holds(cfg, intents, checkin):
    """A silent hold (no music): the check-in splits it, and only the check-in says the
    second half is a hold too (the caller did not answer it, the agent's return is no "thanks
    for holding")."""
    from audio_pipeline.detect.timeline import Utt

    view = quiet_view([
        Utt(0.0, 3.0, "Let me put you on hold while I check that.", "agent", "a"),
        Utt(3.5, 4.5, "Okay.", "customer", "c"),
        Utt(50.0, 53.0, checkin, "agent", "a"),
        Utt(100.0, 103.0, "Right, I've spoken to the team and the refund is on its way.", "agent", "a"),
    ], 104.0)
    assert [(w.kind, round(w.start), round(w.end)) for w in WaitDetector(cfg, intents).detect(view)
            if w.kind in ("hold", "dead_air")] == [("hold", 4, 50), ("hold", 53, 100)]


def test_hold_taken_back_in_words_no_list_has_is_no_hold(cfg, intents):
    from audio_pipeline.detect.timeline import Utt

    waits = WaitDetector(cfg, intents)
    taken_back = "Oh, no, hang on, it's come through now."
    for words in ("cancel", "not_hold"):  # the lists alone miss it
        assert not Phrases(cfg["hold"][words], cfg["fuzzy"]).any(taken_back), words
    assert not waits._announces_hold(f"Let me put you on hold for a moment. {taken_back}")
    assert waits._announces_hold("Let me put you on hold for a moment. It shouldn't take long.")
    # the ASR split the same breath in two: the second half still takes the hold back
    view = quiet_view([
        Utt(0.0, 2.5, "Let me put you on hold for a moment.", "agent", "a"),
        Utt(2.6, 5.0, taken_back, "agent", "a"),
        Utt(14.0, 16.0, "Right, so your bill went up because the discount ended.", "agent", "a"),
    ], 20.0)
    assert [w.kind for w in waits.detect(view)] == ["dead_air"]


def test_transfer_in_other_words_and_greetings_are_not_transfers(cfg, intents):
    det = TransferDetector(cfg, intents)
    assert det._meant("I'll shift you across to the billing department now.") == "transfer"
    assert det._destination("I'll shift you across to the billing department now.") == "billing"
    assert det._meant("Thanks for calling technical support, my name is Priya, what can I do for you?") is None
    assert TransferDetector(cfg)._meant("I'll shift you across to the billing department now.") is None  # no model


def test_off_switches_meaning_off(tmp_path):
    user = tmp_path / "centre.toml"
    user.write_text('[semantic]\nmodel = "off"\n')
    assert intents_for(load_config(user)) is None


def test_a_missing_model_folder_stops_analyze_before_any_audio(tmp_path):
    user = tmp_path / "centre.toml"
    user.write_text(f'[semantic]\nmodel = "{tmp_path / "no_such_model"}"\n')
    proc = subprocess.run([sys.executable, "-m", "sidebyside", "analyze", str(ROOT / "sample_calls" / "sales_simple.wav"),
                           "--out", str(tmp_path / "out"), "--detect-config", str(user)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines == [f"sidebyside analyze: {tmp_path / 'no_such_model'}: sentence model folder not found (semantic.model)"]
    assert not (tmp_path / "out" / "calls.parquet").exists()


def test_a_users_own_model_folder_loads(tmp_path, monkeypatch):
    """A centre's own model is a folder; the bundled one, unpacked, is such a folder."""
    folder = bundled_model_path()
    enc = encoder(str(folder))
    assert enc is not encoder(BUNDLED)
    v = enc.encode(["What's your postcode?"])
    assert v.shape[0] == 1 and abs(float(np.linalg.norm(v[0])) - 1.0) < 1e-4


def test_unpacking_is_atomic_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("SIDEBYSIDE_MODELS", str(tmp_path))
    first = bundled_model_path()
    assert first.parent == tmp_path and (first / "config.json").is_file()
    stamp = (first / "config.json").stat().st_mtime_ns
    assert bundled_model_path() == first and (first / "config.json").stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no half-unpacked leftovers


def test_the_sentence_cache_stays_bounded_and_answers_stay_the_same(intents, monkeypatch):
    import audio_pipeline.detect.semantic as semantic

    enc = intents.enc
    first = enc.encode(["What's your postcode?", "When were you born?"])
    monkeypatch.setattr(semantic, "_CACHE_MAX", 3)
    for i in range(6):
        enc.encode([f"Sentence number {i} about the router."])
        assert len(enc._cache) <= 3
    again = enc.encode(["What's your postcode?", "When were you born?"])
    assert np.allclose(first, again, atol=1e-5)
    assert intents.nearest("So what year and day is your birthday?")[0] == "ask_date_of_birth"


def test_caller_saying_they_gave_it_before_in_other_words_is_a_repeat(cfg, intents):
    """Only the second request was heard; the caller's reply says the item was given before,
    in words the complaint list lacks. Meaning finds it; the word lists alone do not."""
    from audio_pipeline.detect.timeline import CallView, Utt

    complaint = "Your colleague wrote all of that down ten minutes ago. It's 4 4 1 9 2 8 7."
    assert not Phrases(cfg["verification"]["complaint"], cfg["fuzzy"]).any(complaint)
    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "There's a fee on my statement.", "customer", "c"),
        Utt(6.0, 9.0, "Can I take your account number, please?", "agent", "a"),
        Utt(9.5, 14.0, complaint, "customer", "c"),
    ]
    view = CallView("c", 20.0, 2, utts, [], None)
    with_meaning = VerificationDetector(cfg, intents).detect(view)
    assert [(r.item, r.repeated) for r in with_meaning] == [("account_number", True)]
    assert [(r.item, r.repeated) for r in VerificationDetector(cfg).detect(view)] == [("account_number", False)]
    # a caller who "already tried" something is not saying they were asked before
    utts[-1] = Utt(9.5, 14.0, "I've already tried paying it online. It's 4 4 1 9 2 8 7.", "customer", "c")
    assert [r.repeated for r in VerificationDetector(cfg, intents).detect(view)] == [False]


def test_an_ask_by_meaning_stands_when_the_caller_says_they_gave_it_before(cfg, intents):
    """The caller's value came out garbled ("x614"), so it cannot be the card's last four; but
    the caller says they gave it already, and that vouches for the question meaning read."""
    from audio_pipeline.detect.timeline import Utt

    sentence = "Let's go over the left four number on your card one more time."
    complains = Utt(5.0, 8.0, "I've already given all of this, you know. So, x614,", "customer", "c")
    garbled = Utt(5.0, 8.0, "So, x614,", "customer", "c")
    det = VerificationDetector(cfg, intents)
    assert [i for i, _ in det._asked_by_meaning(sentence, complains)] == ["card_last4"]
    assert det._asked_by_meaning(sentence, garbled) == []


def test_four_digits_given_again_to_a_question_we_could_not_read_are_the_pin(cfg, intents):
    """Whisper base hears "PIN" as "Finn", "pinch" or "behind": the caller saying they gave it
    before and reading out four digits is the PIN asked again; an amount, a time, a year or
    an agent not asking is not."""
    from audio_pipeline.detect.timeline import CallView, Utt

    def requests(asked: str, reply: str):
        utts = [
            Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
            Utt(3.5, 5.0, "There's a fee on my statement.", "customer", "c"),
            Utt(6.0, 9.0, asked, "agent", "a"),
            Utt(9.5, 14.0, reply, "customer", "c"),
        ]
        view = CallView("c", 20.0, 2, utts, [], None)
        return [(r.item, r.repeated) for r in VerificationDetector(cfg, intents).detect(view)]

    assert requests("Now that behind you chose for phone enquiries, please.",
                    "I told the last person, same thing. 7 -2 -5 -0.") == [("pin", True)]
    for asked, reply in [
            ("Now that behind you chose for phone enquiries, please.", "I told the last person, I paid it in 2024."),
            ("Okay, and how much was the charge?", "I already told the last person, it was 19.99."),
            ("What time did you call?", "I already told your colleague, about 10:30."),
            ("So what happened with the bill, please?", "I already told the last person, it went from 45 to 60."),
            ("Right, the bill.", "I already told the last person, 7 2 5 0.")]:
        assert requests(asked, reply) == [], (asked, reply)
    assert requests("Now that behind you chose for phone enquiries, please.", "Sure, 7 2 5 0.") == []


def test_a_complaint_vouches_for_meaning_only_with_an_answer_of_the_items_shape(cfg, intents):
    from audio_pipeline.detect.timeline import Utt

    sentence = "I'll need to find your account on the system."
    fee = Utt(5.0, 8.0, "I've already told the last person all of this, it's the 12 pound fee.", "customer", "c")
    assert VerificationDetector(cfg, intents)._asked_by_meaning(sentence, fee) == []


def test_i_am_in_a_complaint_is_no_time(cfg, intents):
    """"am" is a time only after a number: "I am sure" before four digits leaves them the PIN."""
    from audio_pipeline.detect.timeline import CallView, Utt

    utts = [
        Utt(0.0, 3.0, "Billing, Sam speaking, how can I help?", "agent", "a"),
        Utt(3.5, 5.0, "There's a fee on my statement.", "customer", "c"),
        Utt(6.0, 9.0, "Now that behind you chose for phone enquiries, please.", "agent", "a"),
        Utt(9.5, 14.0, "I told the last person already, I am sure of it. 7 2 5 0.", "customer", "c"),
    ]
    view = CallView("c", 20.0, 2, utts, [], None)
    assert [(r.item, r.repeated) for r in VerificationDetector(cfg, intents).detect(view)] == [("pin", True)]


def test_roles_by_what_sentences_mean_where_the_phrases_mislead(intents):
    # A mono call as the ASR heard it (dev9 bank), the caller's numbers left out: by phrases
    # the caller ("my internet", "Okay, so let's do it") came out an agent and the second agent
    # the caller. The second agent asks for the address and the email however garbled ("They
    # dress on your leaf agreement half number and three"); the caller says "Why am I repeating
    # myself?".
    from types import SimpleNamespace

    from audio_pipeline.roles import assign_roles

    heard = [
        ("0", 0.2, 19.5, "Hey Marry, this is Priya from the new league and theme. How can I help you today? I mean, "
                         "first I've been the new fiber player and I saw advertising. Give me your email address, and "
                         "I'll go on to the account. Okay, so send mail dot walker, let's email dot com. The way, if "
                         "you already questioned how, Pat, what was your random job?"),
        ("1", 20.1, 21.2, "It's in minor, Pat."),
        ("0", 21.8, 25.3, "And the address on the flag, so floor number and street name."),
        ("1", 25.9, 26.4, "It's"),
        ("0", 26.4, 27.2, "5 % on road,"),
        ("1", 27.5, 27.6, "yeah."),
        ("0", 27.6, 31.4, "So what do you have the order number for the fair north handkern?"),
        ("0", 35.2, 38.9, "There's no head up seat that you order today and the router is included."),
        ("1", 39.7, 40.3, "Sounds good."),
        ("0", 41.1, 43.6, "I can have the handkern line for 10 pounds a month."),
        ("1", 44.1, 45.4, "Okay, so let's do it."),
        ("0", 45.8, 50.3, "The way I'll hand you on to the alarm monitoring handker, pack, mail card it."),
        ("1", 50.7, 51.6, "Yep, okay."),
        ("2", 63.4, 68.1, "That's you, Marcus, in the vehicle for 49, like we know here about you, but tell me yourself."),
        ("1", 68.6, 70.8, "My internet keeps dropping out every morning."),
        ("2", 71.3, 74.0, "They dress on your leaf agreement half number and three."),
        ("1", 74.7, 77.3, "Why am I repeating myself? My husband rode."),
        ("2", 77.9, 79.0, "What email have you got on there?"),
        ("1", 79.6, 84.0, "Honestly, it's the same question again. Then they'll just walk or read the email, they'll "
                          "just come."),
        ("2", 84.7, 96.0, "I've received a connection from outside. Can you try loading the webpage? Yes, it's working "
                          "now. I'm running a line test now. It takes about a minute. Okay, did the car review your "
                          "tracking number for the"),
        ("2", 101.9, 102.3, "else?"),
        ("1", 103.0, 105.3, "Enough, that's scary. Thanks"),
        ("2", 105.3, 108.5, "for calling Nobwin Telecom, my lover. Look after yourself."),
        ("1", 110.2, 110.8, "Have a good one."),
    ]
    utts = [SimpleNamespace(speaker=s, start_s=a, end_s=b, text=t) for s, a, b, t in heard]
    assert assign_roles(utts, intent_of=lambda s: intents.nearest(s)[0]) == {
        "0": "agent", "1": "customer", "2": "agent"}


def test_a_caller_who_asks_who_they_are_speaking_to_and_to_be_put_through_stays_the_caller(intents):
    # Callers' sentences the sentence model reads as an agent's: "Who am I speaking to?"
    # (ask_full_name), "Can you put me through to cancellations?" (transfer), "Hello? Are you
    # still there?" (hold_resume), "Can I speak to your manager?" (hold_announce).
    from types import SimpleNamespace

    from audio_pipeline.roles import assign_roles

    lines = [("S0", "Thanks for calling Acme, how can I help?"),
             ("S1", "Hi, I've been on hold for ages. Can you put me through to cancellations?"),
             ("S0", "I can help with that here. What's the name on the account?"),
             ("S1", "Jo Bloggs. Who am I speaking to?"), ("S0", "It's Priya."),
             ("S1", "Right. Can I speak to your manager please?"), ("S0", "Let me see if one is free."),
             ("S1", "Hello? Are you still there?"), ("S0", "Yes, sorry, my manager is busy right now."),
             ("S1", "Fine. Can you transfer me to the billing team then?"), ("S0", "Okay."),
             ("S1", "Shall I give you my account number? Do you need my date of birth too?"),
             ("S0", "Of course, one moment please, the lines are quite busy today.")]
    utts = [SimpleNamespace(speaker=s, start_s=3.0 * i, end_s=3.0 * i + 2.5, text=t) for i, (s, t) in enumerate(lines)]
    assert assign_roles(utts, intent_of=lambda s: intents.nearest(s)[0]) == {"S0": "agent", "S1": "customer"}


def _said_as_heard(i, speaker, start, end, text):
    from types import SimpleNamespace

    return SimpleNamespace(speaker=speaker, start_s=start, end_s=end, text=text)


def test_the_speaker_who_answers_with_the_numbers_asked_for_is_the_caller(intents):
    # A mono call as the ASR heard it (dev9 bank): the agent's "I don't want the rest of it"
    # (a question about a card, garbled) sounded like a caller and the caller's "I'd like to"
    # is no cue, so by phrases the two were swapped. The agent asks for the account number
    # ("Till your account number"), the caller gives it.
    from audio_pipeline.roles import assign_roles

    _said = _said_as_heard
    utts = [
        _said(0, "S1", 0.0, 23.8, "Welcome to Mac Mimang. We become called to help to make ourself thinking on leaving "
                                  "try one if you need not leave Queue Smith you're not shown into"),
        _said(1, "S1", 25.7, 32.2, "And till your account number now, prepare when done, or fade on the lines"),
        _said(2, "S0", 37.4, 42.1, "Him or his, if in them from the fleet quote said, How can I help you convey?"),
        _said(3, "S2", 42.8, 44.3, "I'd like to upgrade my package."),
        _said(4, "S0", 44.6, 48.7, "Where you go, my handsome. The other way, I mean, number and road."),
        _said(5, "S2", 49.2, 51.8, "Let me just find it, right? Feel it like part drive."),
        _said(6, "S0", 52.4, 58.0, "First thing I'll need off you, and it's on every letter we've been. Till your "
                                   "account number. It's"),
        _said(7, "S2", 58.1, 60.2, "6 -2 -4 -0, 5 -8 -1 -8 -0."),
        _said(8, "S0", 60.4, 65.4, "Which for did it stunt the current finish with? I don't want the rest of it."),
        _said(9, "S2", 65.4, 70.6, "It's 6 -4 -2 -0, you're finding people kept in the hole in 4 -8 -1 -4 -8 -0."),
        _said(10, "S0", 70.6, 74.4, "There's no head up seat if you order today, and the router is included."),
        _said(11, "S2", 75.0, 75.6, "Sounds good."),
    ]
    assert assign_roles(utts, intent_of=lambda s: intents.nearest(s)[0]) == {"S1": "ivr", "S0": "agent",
                                                                             "S2": "customer"}
