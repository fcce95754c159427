"""Eighth tuning phrase bank for tools/make_calls.py (``--phrasing dev8``).

The same acts as the default banks in make_calls.py and tools/phrasings_dev2.py ...
tools/phrasings_dev7.py, worded the way yet another set of contact centres might say them:
the register of an energy supplier with smart meters (in-home displays, top ups, meter
readings), a pet / veterinary insurer (policies, claim forms, the vet practice), a hotel
chain's reservations desk (bookings, reward points, check-in), a broadband-and-TV provider's
home-move team (move dates, routers, set-top boxes, engineer visits), a tax / revenue
helpline (tax codes, self assessment, letters from us) and a gym membership line (key fobs,
freezes, class bookings); South African ("ja", "eish", "just now", "lekker", "shame"),
Canadian ("eh", "for sure", "beauty", "sorry about that"), Yorkshire ("love", "owt",
"nowt", "ey up", "reet"), Filipino ("po", "ma'am", "kindly", "for a while", "endorse your
call"), Ghanaian ("please", "chale", "ei", "I'm coming") and Scouse ("la", "sound", "boss",
"made up", "come 'ed") speakers; rushed agents ("Quick one, postcode?"), agents who
over-explain every step ("just so you know what's happening..."), and scripted, robotic
agents ("In order to proceed, please state...").  Identity requests are also made
indirectly ("and the house number and street we'd have on file?", "which birthday should I
have down for you?").  Re-asks come from the same agent, from a receiving agent who cannot
see the earlier answers, and after "a system glitch" or a screen that timed out.  Holds are
announced in other shapes ("I'll stick you on hold two ticks, la", "may I place your call
on hold for a while, ma'am", "I'm going to leave the line for a couple of minutes, stay
connected"), returns say "ey up, I'm back", "that's me back on the line" or "I have now
returned to the call"; transfers use "pass you across to", "sending you over to", "let me
get you to the right people", "endorse your call to", "escalate the call to", "bounce you
over to", with the department first ("{D}'s who you need...") or last ("...and where it's
going is {d}"); receiving agents say "I've got the handover notes" or "the call's been
endorsed to me" (never naming the department the call came from, which the template cannot
know); IVR menus use "{k} for {d}", "enter {k}", "pressing {k} takes you to {d}", "{D} can
be reached on {k}", "go for {k}" and "you'll want {k}"; and the departments have other names
again ("the balances team", "the smart meter team", "guest relations", "central
reservations", "the stay with us team", "the touch tone menu").

No line uses "mute" for a hold, no hold announcement promises music (a hold may be
silent), and no menu asks for a star key (only the option digit is keyed).  It was written
without opening tools/phrasings_heldout.py nor audio_pipeline/, and is meant for tuning, so
wording here may freely be used to develop detectors; the held-out bank stays the unseen
test.

Placeholders (checked by make_calls.Phrasing._validate against PHRASE_BANKS):
  {pc} postcode / zip code, {q} security question, {noun} item noun, {v} spoken value,
  {hash} "hash" / "pound", {n} agent name or queue position, {d} / {D} department name
  (as spoken / capitalised to start a sentence), {k} keypad digit, {c} company.

Some acts are shared between situations, so their wording must fit all of them: ANSWER and
COMPLAIN also answer distractor questions ({v} may be an order number or a postcode), ACK
follows both a hold announcement and a transfer announcement, GREET is the first agent
(reached by the IVR or by dialling straight in) and also a receiving agent after a transfer,
and {d} may be any alias of a department.
"""

# --------------------------------------------------------------------------- verification

ASK = {
    "account_number": [
        "Quick one, account number?",
        "In order to proceed with your enquiry, please state your account number.",
        "Ja, so first I'll need your account number, it's on the top of your energy statement.",
        "What's the account number on your pet policy, love? It's on the renewal letter.",
        "So the reason I ask for this first, just so you know, is that everything hangs off it, "
        "so could you give me your account number?",
        "Ma'am, kindly provide your account number po, the one on your billing statement.",
        "Please, do you have your account number with you? It is on the letter we sent you.",
        "Have you got your account number there, la? It's on your welcome email.",
        "And the account number on the broadband side, eh, have you got that handy?",
        "Which account number should I be looking under for your membership?",
    ],
    "date_of_birth": [
        "Date of birth, quick as you can.",
        "Please state your date of birth, day, month and year.",
        "Which birthday should I have down for you?",
        "And when's your birthday, love? Year and all.",
        "I'll need your date of birth next, and I do need the full date, the year as well, "
        "because the system won't let me search on the day alone.",
        "Ma'am, may I have your date of birth po?",
        "Please, what is your date of birth?",
        "When were you born, la? The whole date.",
        "Can I get your date of birth, eh? Month, day and year's fine.",
    ],
    "postcode": [
        "Quick one, {pc}?",
        "Please state the {pc} registered to the account.",
        "Which {pc} is the smart meter fitted at?",
        "What {pc} have we got you under, love?",
        "And the {pc}, ja, for the property the policy covers?",
        "Kindly give me your {pc}, ma'am, the one where you currently reside.",
        "What's the {pc} at home, la?",
        "Now, the {pc}. Just so you know, that's the one for where you live now, not the new place.",
    ],
    "address": [
        "And the house number and street we'd have on file?",
        "Please state the first line of your address.",
        "Where are you living at the minute, love? Number and street.",
        "Which address is the meter at? Just the number and the road.",
        "Ma'am, kindly confirm your complete address po.",
        "Please, what is your house address? The number and the street.",
        "And the address on the membership, la, what's that?",
        "What address do we have you at right now, eh? Street and number.",
        "So the next thing I check is the address, and I only need the first line, "
        "so the number and the street.",
    ],
    "phone_number": [
        "Phone number on the account?",
        "Please state the telephone number registered to your account.",
        "What number do the practice ring you on about claims? The one we have for you.",
        "What's your mobile, love? The one we've got on file.",
        "Ma'am, may I have your contact number po, the one registered with us?",
        "Please, which phone number did you give us when you registered?",
        "And the phone number on your booking, eh, what's that?",
        "Giz the mobile number on the account, la.",
    ],
    "card_last4": [
        "Card, last four?",
        "Please state the last four digits of the card registered for payment.",
        "Which card are you paying your membership with? Only the last four digits, love.",
        "The card the booking's guaranteed on, eh, what are the final four digits?",
        "Ma'am, kindly give the last four digits of your card po, only the last four.",
        "Please, the last four numbers on your bank card.",
        "What does your card end in, la? Just the last four.",
        "Now, I only want the last four digits of the card here, nothing else, "
        "because we never take the full number over the phone.",
    ],
    "full_name": [
        "Full name?",
        "Please state your full name as it appears on the account.",
        "Who've I got on the line, love? First name and surname.",
        "And who's the policyholder, you or your partner? Full name, please.",
        "Ma'am, may I have your complete name po? First name and last name.",
        "Please, what is your full name?",
        "What name's the booking under, eh? First and last.",
        "Your name, la, the whole thing, first name and last.",
        "Which name should I have the account under? Both names, please.",
    ],
    "security_answer": [
        "Security question, quick. {q}",
        "Please answer the following security question. {q}",
        "Okay, there's a question you set up when you joined, love. {q}",
        "Ja, and then the memorable question. {q}",
        "Ma'am, for security purposes po, {q}",
        "Please, I have one more question for you. {q}",
        "Last one, la, your security question. {q}",
        "Now, this is the question you chose yourself, so there's no wrong answer as such, "
        "it just has to match what we've got. {q}",
    ],
    "email": [
        "Email?",
        "Please state the email address registered to your account.",
        "What email address do your booking confirmations go to, eh?",
        "And your email, love, the one you log in with?",
        "Ma'am, kindly provide your email address po.",
        "Please, which email did you register with?",
        "What email do we send your statements to, la?",
        "Which email have we got down for your gym app login?",
    ],
    "pin": [
        "PIN, quick?",
        "Please state your four digit telephone PIN.",
        "What's the four digit PIN you set for phoning us, love?",
        "Ja, and your account PIN, the four numbers, not your bank PIN.",
        "Ma'am, kindly give your four digit PIN po.",
        "Please, what is your four digit PIN?",
        "Your PIN, la, the four digits for the phone line.",
        "Which four digit PIN did you pick when you set up the account, eh?",
    ],
}
ITEM_NOUN = {
    "account_number": ["account number printed on your statement", "account number on the welcome email",
                       "number your account's under"],
    "date_of_birth": ["date of birth, year and all", "birthday with the year",
                      "date of birth you registered with"],
    "postcode": ["{pc} at home", "{pc} the account's registered at", "{pc} where the meter is"],
    "address": ["first line of your address", "number and street you live on", "address we'd have on file"],
    "phone_number": ["phone number on the account", "mobile we've got for you",
                     "contact number you registered"],
    "card_last4": ["last four digits of your card", "final four numbers on the card",
                   "four digits your card ends in"],
    "full_name": ["name on the account, first and last", "first name and surname, both",
                  "name the policy's in"],
    "security_answer": ["answer to your security question", "memorable answer you picked",
                        "answer you set up when you joined"],
    "email": ["email address you registered", "email you use for the app", "email your statements go to"],
    "pin": ["four digit telephone PIN", "PIN for the phone line", "four digit PIN you chose"],
}
REASK = [
    "Sorry, the {noun} again?",
    "Please restate the {noun}.",
    "Eish, my screen's just frozen, can I take the {noun} again?",
    "Sorry about that, eh, the system glitched. What was the {noun}?",
    "This side can't see anything you gave before, love, so the {noun}, please?",
    "Ma'am, for my own verification po, I need the {noun} again.",
    "Please, the line broke small. Say the {noun} once more.",
    "It's timed out on me, la, so I've lost the {noun}. One more time?",
    "Just so you know why I'm asking again, every team has to verify for itself, so, the {noun}?",
]
ANSWER = [
    "Ja, it's {v}, hey.",
    "Yeah, {v}.",
    "It's {v}, love.",
    "Sure, it's {v}, eh.",
    "It's {v} po.",
    "Please, it is {v}.",
    "Sound, that's {v}.",
    "Hang on, it's on the letter here. {v}.",
    "Um, I think, yeah, {v}.",
    "Right, got it. {v}.",
    "Okay, so, that would be {v}.",
    "For sure, {v}.",
    "Aye, {v}.",
]
COMPLAIN = [
    "Eish, again? {v}.",
    "Sorry, but I literally just said that, eh. {v}.",
    "I've told you lot this already, love. {v}.",
    "Ay, again po? I gave it already. {v}.",
    "Chale, I have said it before. {v}.",
    "Come 'ed, I've just given you that. {v}.",
    "Do you not pass owt on between you? {v}.",
    "That's three times now. {v}.",
    "Why does nobody keep this? {v}.",
    "The last person had it, I'm sure of it. {v}.",
    "I feel like a broken record. {v}.",
    "Ei, every time the same question. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "Please enter your account number using your keypad, followed by the {hash} key.",
        "Type in your account number now. It's printed on your statement. Finish with {hash}.",
        "Using your telephone keypad, enter the digits of your account number, "
        "and when you're done, press {hash}.",
        "To find your account, we need your account number. Key it in, then {hash}.",
        "Enter your account number now, then {hash}. If you don't have it to hand, just stay on the line.",
    ],
    "date_of_birth": [
        "Please enter your date of birth in the format day, day, month, month, year, year, year, year, "
        "followed by {hash}.",
        "Type in your date of birth now, using eight digits, and finish with {hash}.",
        "Now enter your date of birth on the keypad, day first, and then the {hash} key.",
    ],
    "pin": [
        "Please enter your four digit telephone PIN, followed by {hash}.",
        "For your security, type in your four digit PIN now, then press {hash}.",
        "Enter your PIN, that's the four digit number you chose for phone calls, then {hash}.",
    ],
    "card_last4": [
        "Please enter the last four digits of the card on your account, followed by {hash}.",
        "Type in the final four digits of your payment card, then {hash}.",
        "Enter the last four numbers from the long number on your card, and finish with {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "The new router you ordered, have you got the order number from the confirmation?",
        "What's the order number on the email for the smart thermostat?",
        "Can you read me the order number for the gym kit you bought from our online shop?",
        "Ma'am, may I have the order number po, for the pet food subscription?",
        "Please, the order number for the gift voucher, do you have it?",
    ],
    "tracking_number": [
        "The replacement set-top box, is there a tracking number on the text from the courier?",
        "What's the tracking number for the in-home display we posted out?",
        "Have you got the tracking number for your new key fob, la? It's on the dispatch email.",
        "Could you read out the tracking number on the parcel slip?",
    ],
    "ticket_number": [
        "Have you got the claim reference from when the vet sent the form in?",
        "When the engineer came out, did they leave you a job reference?",
        "Is there a case number on the letter we sent you about your tax code?",
        "Did they give you a complaint reference last time you rang, love?",
        "What's the booking reference on your confirmation, eh? The one for the stay in March.",
    ],
    "new_delivery_postcode": [
        "And the new place you're moving to, what's the {pc} there so I can check we cover it?",
        "Where should the new fob go, then? What's the {pc}?",
        "Which {pc} should we send the replacement router to, sir?",
        "You want the claim cheque posted to your mum's? What {pc} is that, love?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "Hold on. Putting you on hold.",
    "Your call will now be placed on hold while I review your account. Please do not disconnect.",
    "I'll pop you on hold, love, won't be two minutes.",
    "I'll stick you on hold two ticks, la, while I check with my manager.",
    "Ma'am, may I place your call on hold for a while po? I will just verify with my team lead.",
    "Please, I'm coming. Let me put you on hold while I check with the underwriters.",
    "I'm going to put you on hold quickly, ja, just now I'm back.",
    "I'm gonna put you on a brief hold here, eh, just while I check with the move team.",
    "So what I'm going to do now, just so you know what's happening, is put you on hold for a couple of "
    "minutes while I look at the meter readings properly, and then I'll come back to you.",
    "I'm going to leave the line for a couple of minutes while I speak to the practice, stay connected.",
    "Is it alright if I put you on hold while I check availability at the hotel?",
    "Right, hold for me, I need to get a second opinion from a technical adviser.",
    "I need to place you on hold while I request an override from my supervisor. "
    "This could take up to three minutes.",
    "Bear with me, I'm putting the call on hold whilst I check your tax record.",
]
ACK = ["Ja, fine.", "Okay, love.", "Sure, no problem, eh.", "Okay po.", "Please, okay.", "Sound.",
       "Go on then.", "Yep, that's okay.", "Alright, thanks.", "For sure.", "Mm, okay then."]
RESUME = [
    "Back. Right.",
    "Thank you for holding. I have now returned to the call.",
    "Ey up, I'm back. Thanks for waiting, love.",
    "That's me back on the line, la, ta for waiting.",
    "Thank you for waiting po, I'm back on the line.",
    "Please, thank you for your patience. I'm back.",
    "Ja, sorry about that, I'm back now.",
    "Thanks for holding, eh, sorry that took a bit.",
    "Okay, I'm back with you, and just so you know, I've spoken to my manager and I've got an answer.",
    "Hello, are you still there? Lovely, thank you for hanging on.",
    "Right, thanks for waiting, I've checked with the practice.",
]
CHECKIN = [
    "Still checking. Another minute on hold, okay?",
    "I am still reviewing your account. Please remain on hold for a further two minutes.",
    "Hiya love, still waiting on my manager. I'll pop you back on hold a minute more.",
    "Sir, sorry for the long hold po. May I keep you on hold for a while more?",
    "Please, I'm still checking. Can you hold a little more?",
    "Ja, just to say I haven't forgotten you, the system's slow. Another minute on hold?",
    "Sorry, eh, this is taking a bit longer than I thought. Mind holding a couple more minutes?",
]
CHECKIN_REPLY = ["Ja, carry on.", "That's fine, love.", "Okay po, I'll wait.", "Sound, go on.",
                 "Sure, I'll hang on, eh.", "Yep, still here.", "Please, no problem."]
PATIENCE = [
    "Thank you for holding. Your adviser is still working on your enquiry.",
    "Please stay on the line. Your adviser will be back with you shortly.",
    "You are on hold. Please do not hang up, your call has not been forgotten.",
    "Thanks for your patience. Your adviser is checking the details and will return soon.",
    "Your call is still on hold. Please keep the line open.",
    "We're sorry for the wait. Your adviser knows you're holding and will be back as soon as possible.",
]
QUEUE_ANN = [
    "There are {n} callers waiting before you.",
    "Your call is {n} in the queue.",
    "All of our advisers are busy right now. Please stay on the line and we'll answer as soon as we can.",
    "Moving home? You can tell us your move date online and we'll move your broadband for you.",
    "Did you know you can send us your meter readings through the app, whenever suits you?",
    "Thanks for waiting. You are currently number {n}.",
    "We're really busy at the moment. You're caller number {n}.",
    "You can book and cancel classes in the app without waiting to speak to us.",
]
CANCELLED_HOLD = [
    "Putting you on hold, oh, no, got it. Never mind.",
    "I will now place your call on hold. Correction, the information is available. Hold is not required.",
    "I'll pop you on hold, love, while I, oh, hang on, no, it's come up. You're alright.",
    "Ma'am, I'll place you on hold for a while po, ay, no need, it's loaded already.",
    "Let me stick you on hold and ring the hotel, actually, no, la, the availability's just refreshed.",
    "I'm going to put you on hold, eh, oh wait, never mind, there it is.",
    "So I'll need to put you on hold to check the meter data, actually, no, sorry, it's just come through, "
    "so no hold after all.",
    "Please, let me put you on hold, ei, no, it has shown now. Don't worry.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "On the in-home display, press and hold the left arrow for five seconds until it shows today's usage.",
    "On your top up meter, press and hold the blue button until the screen says emergency credit.",
    "Hold down the power button on the back of the router for ten seconds, then let go.",
    "Press and hold the standby button on the TV box until the light goes amber.",
    "On the gym app, hold your finger on the booking until the cancel option comes up.",
    "Hold the button on the side of the key fob down until the light flashes green.",
    "Keep the reset button on the smart plug pressed in until it clicks twice.",
    "On the remote, hold down the home button and the back button together for three seconds.",
]
PRESS_HOLD_REPLY = ["Okay, it's showing today's usage.", "Right, it says emergency credit now.",
                    "Still holding, ja. Okay, there.", "Light's gone amber.", "Okay, the cancel's come up.",
                    "It's flashing green, love.", "It clicked twice."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I was on hold to the tax line for fifty minutes on Monday, you know.",
    "Last time I rang about the meter I got left on hold and then cut off.",
    "I sat on hold to the hotel for ages before someone finally picked up.",
    "Your vet claims line had me on hold for forty minutes, chale.",
    "I was holding for the home move people all yesterday afternoon, la.",
    "Honestly, I've spent more time on hold with you than at the gym.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "{D}. Putting you through.",
    "Your call is now being transferred to {d}. Please remain on the line.",
    "I'll pass you across to {d}, love, they'll sort you out.",
    "I'm sending you over to {d}, eh, they'll look after ya.",
    "Let me get you to the right people. That's {d}, I'm transferring you now.",
    "Ma'am, I will endorse your call to {d} po. Kindly stay on the line.",
    "Please, let me connect you to {d}. They will help you.",
    "I'll bounce you over to {d}, la, they're sound.",
    "{D}'s who you need for that, so I'm putting the call through to them, ja.",
    "What I'm going to do is transfer the call, and just so you know where it's going, it's {d}, "
    "and I've put notes on so you don't have to start again.",
    "I'm escalating the call to {d} now, they'll pick up in a moment.",
    "I'm transferring you now, to {d}.",
    "It's {d} that handle that, not us, so I'll put you through.",
]
TO_IVR = [
    "I'll send you back to the start of the phone line. Pick the option that fits best.",
    "Your call is now being returned to the automated service. Please select from the options.",
    "I'm going to put you back into the recorded options, love, and you can choose again.",
    "Ma'am, I'll transfer you back to the main line po. Kindly choose the correct option.",
    "Let me put you back through to the automated bit, eh, listen out for the right option.",
    "I'll pop you back to the beginning, la, you'll hear the choices again.",
]
LOOP_COMPLAINT = [
    "Eish, {d} just sent me to you!",
    "Sorry, but {d} is who I just spoke to, eh.",
    "Back to {d}? They said it was you, love.",
    "Please, {d} again? They sent me here.",
    "Ay, {d} already transferred me po.",
    "You what? {d} is where I've come from, la.",
    "No, I've been through {d} once already.",
    "Hang on, I was with {d} five minutes ago.",
]
GREET = [
    "{n}, {D}.",
    "Good morning. You have reached {d}. My name is {n}. How may I assist you today?",
    "Ey up, you've got {n} at {d}, what can I do for you, love?",
    "Hi, it's {n} with {d}, how can I help ya?",
    "Good afternoon, ma'am, this is {n} from {d} po. How may I help?",
    "Hello, you're speaking to {n}, {d}. How can I help you, please?",
    "Hiya, {d}, {n} speaking, how can I help, la?",
    "Hello, {n} at {d}, ja, what can I do for you?",
    "Hi there, {D} here, I'm {n}, and what I'll do first is find out what you need, so go ahead.",
    "Morning, {n} in {d}, what's up?",
]
GREET_TRANSFERRED = [
    "{D}, {n}. Got your notes. Go on.",
    "Good afternoon, you have been transferred to {d}. My name is {n}. How may I assist you?",
    "Hiya love, {n} in {d}. I've got the handover notes, but tell me in your own words.",
    "Hello ma'am, this is {n} of {d} po. The call's been endorsed to me, how may I help?",
    "Hi, {n} here, {d}. Sorry you've been sent round the houses, eh, what's going on?",
    "Hello, {n} in {d}. Please, I have been told a little, but explain to me.",
    "Ey up, {n} from {d}. Someone's passed you my way, la, what's the story?",
    "Hi, you're through to {d} now, I'm {n}. I've had a quick brief, ja, so let's carry on.",
]
AGAIN = [
    "{n} again.",
    "Hello, this is {n} again. You have been returned to me.",
    "Ey up, it's {n} again, love, you've come back round to me.",
    "Hi, {n} again, eh. Looks like they've sent you back my way.",
    "Ma'am, it's {n} again po, we spoke earlier.",
    "Oh, it's {n} again, la. Sorry you've ended up back here.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Checking.", "Please wait while I retrieve your record.", "Right, let me have a look, love.",
              "Ja, it's loading now.", "For a while po, I'm searching.", "Okay, pulling you up, eh.",
              "Typing it in, la.", "Okay, just so you know, this bit can take a moment."]
LOOKUP_POST = ["Got you.", "Your record has been retrieved.", "Reet, there you are.",
               "Eish, slow system today. Okay, I've got you.", "Okay po, I can see your account now.",
               "Beauty, that's you.", "Sound, you're up."]
CLOSE = [
    ("Anything else, quickly?", "No, that's it."),
    ("Is there anything else I can assist you with today?", "No, that's all I needed, thank you."),
    ("Owt else I can help with, love?", "No, that's it, ta."),
    ("Is there anything else I can help you with po?", "None, thank you."),
    ("Anything else while I've got you, eh?", "Nope, that's all, thanks."),
    ("Is there anything more I can do for you?", "No, please, that's all."),
]
BYE = [
    "Thank you for calling {c}. Goodbye.",
    "Thank you for contacting {c}. Have a pleasant day.",
    "Ta-ra, love.",
    "Thank you for calling {c} po, have a great day, ma'am.",
    "Sound, take care, la.",
    "Have a good one, eh, bye now.",
    "Lekker, cheers, thanks for calling {c}.",
]
CUSTOMER_BYE = ["Bye.", "Cheers, love, bye.", "Thank you po, bye.", "Thanks, bye now, eh.",
                "Please, thank you, bye.", "Sound, ta-ra.", "Cheers, shot."]
CALLBACK = [
    ("The practice has to send us the invoice first, so could you ring us back once they've done that?",
     "Okay, I'll call back then."),
    ("The hotel's reservations system is down until this afternoon. Can you call back after two?",
     "After two, right."),
    ("Your meter won't have sent tonight's reading yet, so ring us back tomorrow and we'll check.",
     "Tomorrow then, okay."),
    ("The tax office needs ten working days to update your code. Please call again after that.",
     "Ten working days, fine."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Thank you for calling {c}. For training and monitoring purposes, calls are recorded.",
    "Welcome to {c}. Your call may be recorded so we can keep improving.",
    "You've called {c}. Just so you know, we record our calls.",
    "Hello, this is {c}. Calls to this number are recorded and monitored.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "{k} for {d}.",
    "Enter {k} for {d}.",
    "Pressing {k} takes you to {d}.",
    "{D} can be reached on {k}.",
    "If it's about {d}, go for {k}.",
    "You'll want {k} for {d}.",
    "For a chat with {d}, enter {k}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "{k} to cancel or freeze your membership.",
    "If you're thinking of ending your contract, enter {k}.",
    "Pressing {k} takes you to our team for leaving or switching supplier.",
    "Want to cancel? You'll want {k}.",
    "To talk about closing your account, go for {k}.",
]

SECURITY_QUESTIONS = [
    ("Which instrument did you learn first?", ["the recorder", "the violin", "the drums", "the ukulele"]),
    ("What was the name of the first beach you went to?", ["Muizenberg", "Filey", "Wasaga Beach", "Labadi"]),
    ("What's your favourite auntie's first name?", ["Thandeka", "Doreen", "Akosua", "Marites"]),
    ("Which country did you first travel to?", ["Mozambique", "Iceland", "Japan", "Ghana"]),
    ("What was the first thing you bought with your own money?", ["a bicycle", "a Walkman", "a football",
                                                                   "a skateboard"]),
    ("What was your favourite subject at school?", ["geography", "chemistry", "woodwork", "art"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["the balances team", "the payment plans team", "the tax payments line",
                "the meter billing team",
                "the membership fees desk", "the collections office"],
    "technical_support": ["the smart meter team", "the home tech desk", "the engineering hub",
                          "the router and TV box helpline", "the set up and faults team"],
    "customer_care": ["guest relations", "the member experience desk", "the home moves team",
                      "the general enquiries line", "the escalations desk"],
    "sales": ["central reservations", "the new joiners desk", "the quotes and cover team",
              "the offers and packages desk", "the new supply team"],
    "retentions": ["the stay with us team", "the cancellations and freezes desk", "the contract options team",
                   "the win back desk", "the leaving us line"],
    "ivr": ["the automated service", "the touch tone menu", "the opening options", "the voice response line"],
}
