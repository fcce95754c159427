"""Fifth tuning phrase bank for tools/make_calls.py (``--phrasing dev5``).

The same acts as the default banks in make_calls.py and tools/phrasings_dev2.py,
tools/phrasings_dev3.py and tools/phrasings_dev4.py, worded the way yet another contact
centre might say them: the register of an energy supplier, a telecom and a home insurer
(supply addresses, meter readings, policyholders, claim references, underwriting); very
scripted compliance language ("for data protection purposes I am required to...", "in line
with our process"); hesitant, newer agents with fillers ("um, so, uh, could you..."); and
US Southern ("hon", "I'm fixing to", "y'all"), Canadian and South African speakers.  Requests
are often made as statements ("I'll just need the {pc} on the account.") or buried in longer
sentences; IVR prompts are clipped ("Account number, then {hash}."); holds are announced in
other shapes ("would you bear with me on a short hold", "you're going on hold for a moment",
"are you alright to hold for a few minutes"); transfers use "get you across to", "handing
you over to", "a warm transfer to", "loop in", "route you through", "refer you to"; IVR menus
use "say or press", "it's option {k}" and "{D}, press or say {k}"; and the departments have
other names again ("accounts receivable", "the tech desk", "policyholder services", "the
quotes team", "the leavers team", "the phone tree").  It was written without opening
tools/phrasings_heldout.py and is meant for tuning, so wording here may freely be used to
develop detectors; the held-out bank stays the unseen test.

Placeholders (checked by make_calls.Phrasing._validate against PHRASE_BANKS):
  {pc} postcode / zip code, {q} security question, {noun} item noun, {v} spoken value,
  {hash} "hash" / "pound", {n} agent name or queue position, {d} / {D} department name
  (as spoken / capitalised to start a sentence), {k} keypad digit, {c} company.

Some acts are shared between situations, so their wording must fit all of them: ANSWER and
COMPLAIN also answer distractor questions ({v} may be an order number or a postcode), ACK
follows both a hold announcement and a transfer announcement, GREET is the first agent
(reached by the IVR or by dialling straight in), and {d} may be any alias of a department.
"""

# --------------------------------------------------------------------------- verification

ASK = {
    "account_number": [
        "Um, so, before I can go any further, I'll just need the account number, please.",
        "For data protection purposes, I am required to confirm your account number before we discuss the account.",
        "Alrighty, and what would the account number be, ma'am?",
        "I'll just need the account number off the front of your bill or your policy schedule.",
        "So, uh, if you've got a bill handy, the account number's along the top there. Could you, um, read that out?",
        "Do you have an account number I can pull up, hon?",
        "I wonder whether you'd have your account number with you at all.",
        "Let's get the account number first, and we'll take it from there.",
        "Account number, when you're ready.",
    ],
    "date_of_birth": [
        "And, um, the date of birth on the account?",
        "As part of our security process, I'm required to confirm your date of birth.",
        "I'll need your birthday as well, the full date with the year, please.",
        "So, uh, what date were you born, sorry, the whole thing, day, month and year?",
        "What's your date of birth, darling?",
        "Next up on my list is the date of birth for the account holder.",
        "I'm just going to take the date of birth now, if that's alright.",
        "Date of birth, please, just as it appears on the policy.",
    ],
    "postcode": [
        "I'll just need the {pc} on the account.",
        "Um, and the {pc}, what is it, for the property?",
        "Could you let me know which {pc} the supply address is in?",
        "The {pc} for the insured property, please.",
        "And what {pc} have we got you down under?",
        "For verification, please confirm the {pc} of the billing address.",
        "Whereabouts are you, {pc} wise?",
    ],
    "address": [
        "I'll need the first line of the supply address, please.",
        "And, uh, the address, what is it, the one on the account?",
        "Please confirm the address of the property covered by the policy.",
        "Could you, um, give me the house number and the street we'd have for you?",
        "Whereabouts do you live, hon, the street and the number?",
        "The address we send the letters out to, what would that be?",
        "Just the address where the meter is, please.",
    ],
    "phone_number": [
        "I'll need the contact number we hold on file for you.",
        "Um, and then the phone number, which one did you give us?",
        "What's the best number to reach you at, the one that's on the account?",
        "For security, please confirm the telephone number registered to this account.",
        "And the cell phone number on there, could you read that off for me?",
        "The mobile number we'd text you on, please.",
        "Which number would we have down for you, sir?",
    ],
    "card_last4": [
        "I'll just need the last four digits of the card you pay by.",
        "Um, so the card, the one we take payment from, what are the, uh, final four numbers?",
        "Please confirm the last four digits of the payment card linked to the policy.",
        "Could you read off the four digits at the very end of your card number?",
        "The card that's on file, which four numbers does it finish on?",
        "Last four of the card, please, just the last four.",
        "And the card you pay with ends in, what, sorry?",
    ],
    "full_name": [
        "I'll start with your full name, if that's okay.",
        "Um, who do I have the pleasure of speaking with?",
        "Could I get your name, first and last, for the call notes?",
        "For the recording, please state your full name.",
        "And the name of the policyholder, is that yourself? What's the full name?",
        "What name is the account under, ma'am?",
        "Your name in full, as it's written on the bill, please.",
        "I'll need your first name and your surname to go on the account notes.",
    ],
    "security_answer": [
        "Um, I've got a security question here, bear with me. {q}",
        "To complete verification, I am required to ask you your security question. {q}",
        "One more thing for security, it's the question you chose yourself. {q}",
        "Okay, so, the memorable question now. {q}",
        "{q} Sorry, that's the security one we've got on file.",
        "Let me read you your security question, then. {q}",
        "And finally, darling, {q}",
    ],
    "email": [
        "I'll need the email address on the account too.",
        "Um, and your email, the one we'd have, what's that?",
        "Please confirm the email address we hold for correspondence.",
        "What email do you get the statements sent to?",
        "The email on file, could you say it slowly so I can check it against mine?",
        "Which email address did you give us when you signed up?",
        "And the email, hon, which one is it?",
    ],
    "pin": [
        "I'll need your four digit telephone PIN, please.",
        "Um, and there should be a PIN on the account, uh, what's that one?",
        "Please state your four digit passcode for telephone access.",
        "The PIN you'd use on the phone with us, what is it?",
        "Do you know your account PIN off the top of your head?",
        "And finally the security PIN, all four numbers.",
        "What's the four number PIN that's set on the account, please?",
    ],
}
ITEM_NOUN = {
    "account_number": ["customer account number", "account number on your bill", "account number we hold"],
    "date_of_birth": ["date of birth on the policy", "date of birth, year and all", "day, month and year of birth"],
    "postcode": ["{pc} for the property", "{pc} on file"],
    "address": ["supply address", "house number and street on file", "address we hold for you"],
    "phone_number": ["contact number on file", "telephone number", "mobile number we hold"],
    "card_last4": ["last four of the card", "final digits of the payment card", "numbers your card ends in"],
    "full_name": ["name, first and last", "full name on the account", "name of the account holder"],
    "security_answer": ["reply to your security question", "answer to your memorable question", "security response"],
    "email": ["email on file", "email for correspondence", "contact email"],
    "pin": ["PIN number", "phone passcode", "PIN on the account"],
}
REASK = [
    "Um, sorry, I'll just need the {noun} one more time.",
    "For my own verification, please confirm the {noun} again.",
    "I know, I know, you've been asked already, but could you give me the {noun}?",
    "It's not showing on my side, so, uh, what was the {noun}?",
    "Each department has to verify separately, so I'll need the {noun} from you as well.",
    "Would you repeat the {noun} for me, hon?",
    "So sorry, the {noun} again for me?",
    "I'll have to reconfirm the {noun}, I'm afraid.",
]
ANSWER = [
    "Yes ma'am, {v}.",
    "Um, let me think, {v}.",
    "So, it's {v}.",
    "Yep, that's {v}.",
    "Hang on till I look. {v}.",
    "Right, {v}.",
    "That would be {v}.",
    "Uh huh, it's {v}.",
    "Okay, yeah, {v}.",
    "You bet, {v}.",
    "Mm, yes, {v}.",
]
COMPLAIN = [
    "I gave all that to the machine already. {v}.",
    "Bless your heart, I just told the last fella. {v}.",
    "How many more times? It's {v}.",
    "You've had this off me twice already. {v}.",
    "Do you people not talk to each other? {v}.",
    "Every single person asks me this. {v}.",
    "I typed that in at the very beginning, you know. {v}.",
    "Jeez, again? {v}.",
    "Look, I've been through security already, it's {v}.",
    "Same as I told your colleague, {v}. Maybe write it down this time.",
    "Oh, my days. {v}, like I said.",
]
IVR_COLLECT = {
    "account_number": [
        "Account number, then {hash}.",
        "Please key your account number now. Finish with {hash}.",
        "Enter your account number. When finished, press the {hash} key.",
        "Using the keypad, type in your customer account number, and end with {hash}.",
    ],
    "date_of_birth": [
        "Date of birth, as eight digits, then {hash}.",
        "Please key in your date of birth, two digits for the day, two for the month, and four for the year. "
        "Then {hash}.",
    ],
    "pin": [
        "Telephone PIN, followed by {hash}.",
        "Now key your four digit PIN, and then {hash}.",
    ],
    "card_last4": [
        "Last four digits of your payment card, then {hash}.",
        "Please key the final four digits of the card we have on file, ending with {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "Um, is there an order number on the confirmation email at all?",
        "I'll need the order number so I can find the purchase.",
        "Could you read me the order number from your receipt? It's usually just under the date.",
        "What's the order reference for the equipment you bought?",
    ],
    "tracking_number": [
        "I'll need the tracking number from the shipping email.",
        "Um, did the courier give you a tracking reference? What is it?",
        "Could you read me the parcel tracking number from the text you got?",
    ],
    "ticket_number": [
        "Do you have the claim reference from the last time you called?",
        "I'll need the service request number from the engineer's visit.",
        "What's the complaint reference on the letter we sent you?",
        "Um, was there a ticket number on the email from support? What does it say?",
    ],
    "new_delivery_postcode": [
        "And the {pc} for where you'd like the new equipment delivered?",
        "So, the {pc} at the address you're moving to, where we'll ship the box?",
        "What {pc} should the courier take it to instead?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "Um, so, I'm going to place you on a brief hold while I look into this, okay?",
    "Would you bear with me on a short hold, ma'am? I need to check with my manager.",
    "In order to review your account, I will now place your call on hold. Please do not hang up.",
    "I'm fixing to put you on hold for just a minute, hon.",
    "I'll have to put the call on hold for a couple of minutes while I speak to underwriting.",
    "Right, I'm putting you on hold now, I'll be back with you in a minute or two.",
    "Are you alright to hold for a few minutes while I get this checked?",
    "Uh, let me, um, put you on hold a second, I need to ask someone.",
    "You're going on hold for a moment while I pull up the meter readings.",
    "I'll need to hold the call for two minutes while I check with the back office.",
    "There'll be a bit of hold music now while I go and check on that.",
    "Just so you know, I'm going to put you on hold while I process this, so please stay on the line.",
]
ACK = ["Alrighty.", "Okay, that's grand.", "Yes, ma'am.", "Fine by me.", "Okay, sure, thanks.", "Mm, okay then.",
       "Sure, I'll hang on.", "No problem at all.", "That's alright.", "Okay, ta."]
RESUME = [
    "Okay, thank you for holding on the line there.",
    "Um, hi, sorry, I'm back now.",
    "Thank you for your patience while I looked into that.",
    "Okay, I appreciate you waiting on me, hon.",
    "I'm back with you, sorry for the wait.",
    "Hello, are you there? Thanks for staying on.",
    "Sorry for keeping you on hold so long.",
    "Okay, thanks for hanging in there.",
    "Right, thank you for holding, I've got an answer now.",
    "Hi there, thanks so much for waiting on the line.",
]
CHECKIN = [
    "Um, hi, just letting you know I'm still on it. Are you okay to hold a little longer?",
    "Sorry, I haven't forgotten about you, I'm still waiting for a reply from the back office.",
    "Hello, just a courtesy check in, I'll need another couple of minutes.",
    "Hi, still with me, hon? Won't be much longer.",
    "Quick update, the system's slow, so I'm going to need another minute or two.",
    "Just a quick check, are you still on the line? I'm almost done.",
]
CHECKIN_REPLY = ["Yes, I'm here.", "Okay, no rush.", "That's fine, I'll keep holding.", "Uh huh.",
                 "Yep, I'm still on.", "Sure, I'll wait on."]
PATIENCE = [
    "Please stay on the line. Your advisor will be with you again shortly.",
    "Your call is currently on hold. Thank you for waiting.",
    "Thank you for holding. Your advisor is still dealing with your request.",
    "We're sorry to keep you waiting. Please continue to hold the line.",
    "You are still connected. Please don't hang up, and we'll be right back.",
]
QUEUE_ANN = [
    "You are caller number {n}.",
    "There are {n} callers ahead of you.",
    "Thank you for waiting. You are currently {n} in the queue.",
    "All our lines are busy at the moment. Please hold for the next available advisor.",
    "Did you know you can submit a meter reading online, at any time?",
    "Your call will be answered shortly. Please do not hang up, as this will lose your place.",
    "You are now at position {n} in the queue.",
]
CANCELLED_HOLD = [
    "Um, I'm going to place you on a brief hold while I, oh, actually, no, it's loaded now.",
    "Would you bear with me on a short hold? Oh, hang on, no need, I've got it.",
    "I'm fixing to put you on hold for a minute, hon. Oh, never mind, there it is.",
    "I will now place your call on hold. Sorry, please disregard that, the information is on my screen.",
    "Let me just put the call on hold and check with my manager. Actually, no, I know the answer to that one.",
    "You're going on hold for a second while I look. Oh, wait, it's popped up, forget that.",
    "I'll need to hold the call a moment while I check. No, sorry, I can see it right here after all.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "On the thermostat, hold the minus button down for five seconds until the display resets.",
    "Hold the button on the smart meter display in until it beeps.",
    "Press the reset button on the modem and hold it for about thirty seconds, then let go.",
    "Keep holding the menu button on the remote until the box restarts.",
    "Um, so hold down the side button and the volume up button together until you see the logo.",
    "Hold the pairing button on the back of the hub for ten seconds, until the light goes purple.",
    "On the boiler, press and hold the reset button for a count of ten.",
]
PRESS_HOLD_REPLY = ["Okay, it just beeped.", "Alright, I've got it held down.", "The light's gone purple now.",
                    "Okay, I let go, it's restarting.", "I see the logo now.",
                    "Hang on, it's a bit stiff. Okay, that's it."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I sat on hold for most of my lunch break on Tuesday.",
    "Last time, the lady put me on hold and I never heard back.",
    "I've already been held in your queue for over half an hour today.",
    "Every time I call y'all, I end up on hold forever.",
    "My husband was on hold to you for an hour last night and gave up.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "I'll get you across to {d}, they'll be able to sort that.",
    "I'm handing you over to {d} now, and they'll have my notes.",
    "I'm going to do a warm transfer to {d}, so stay on the line while I connect you.",
    "Let me loop in {d}, and I'll pass the call over to them.",
    "I'm fixing to send you on over to {d}, hon, hang on.",
    "Um, so, that's actually handled by {d}, so I'm going to, uh, transfer you there now.",
    "In line with our process, I will now transfer your call to {d}.",
    "{D} deal with this sort of thing, so I'm connecting you to them.",
    "Your call's going over to {d} now, please stay on the line.",
    "I'll route you through to {d}, they're the experts on that.",
    "That's a question for {d}. I'll put your call across to them.",
    "I'll need to refer you to {d}, so I'm transferring you across now.",
]
TO_IVR = [
    "I'm going to send you back to the automated attendant, and you can choose the correct option.",
    "Um, the best thing is for you to go back through the phone tree, so I'll transfer you there now.",
    "I'll release you back to the main recording, just say or press the option you need.",
    "Let me put you back to the front of the menu, and listen for the option that matches.",
    "You'll go back to the automated options now, just pick the right team when you hear it.",
]
LOOP_COMPLAINT = [
    "{d}? I've just been on to them!",
    "But {d} said it was you I needed.",
    "Not {d} again, please, I've been there twice.",
    "Hold up, {d} just sent me over here.",
    "You're sending me back round to {d}? Seriously?",
    "This is crazy, {d} is who I started with.",
    "I'm getting passed between you and {d} like a parcel.",
]
GREET = [
    "Good morning, thank you for calling {d}, my name is {n}, and this call is being recorded. "
    "How can I help?",
    "Hey there, this is {n} with {d}, how are you doing today?",
    "Um, hi, you're through to {d}, I'm {n}. What can I, uh, do for you?",
    "Hello, {n} speaking, thank you for calling. Before we begin, may I take the reason for your call?",
    "{D}, {n} at your service. What's the query today?",
    "Hi, it's {n} on the customer line, what's going on today?",
    "Good evening, and welcome to {d}. You're speaking with {n}. What's the reason for your call?",
    "Howdy, {n} here in {d}. What can I do you for?",
    "Hiya, {n} in {d}, how can I help you this afternoon?",
]
GREET_TRANSFERRED = [
    "Hi, this is {n} in {d}. I've had a handover from my colleague, so I know a bit already.",
    "Hello, {n} speaking, {d}. You've been put across to me, how can I help?",
    "Thanks for waiting while you were transferred, this is {n} from {d}.",
    "Um, hi, {n} here, {d}. I've, uh, just been given your call. What's the issue?",
    "{D}, {n} speaking. My colleague did a warm handover, so let's carry on from there.",
    "Good afternoon, this is {n}. I understand you've been referred to {d}, what can I do for you?",
    "Hey, it's {n}, I just picked up from the last agent. Can you catch me up?",
]
AGAIN = [
    "Hi, it's {n} again, you've landed back with me.",
    "Oh, hello again, {n} here, we were just talking.",
    "It's {n}, hi again, looks like you've come full circle.",
    "Hey again, this is {n}, from a little while ago.",
    "Back with {n}, hello again, sorry you got bounced around.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Um, okay, let me see.", "Bear with me while it loads.", "Okay, I'm just pulling the account up.",
              "Uh, one sec, the screen's thinking.", "Right, let me just have a quick look.",
              "Okay, searching for you now.", "Hmm, hang on a tick."]
LOOKUP_POST = ["Okay, and here we go, it's up.", "Alright, it's come through.",
               "Sorry, the system's crawling today. There we go.", "Got it, I can see the account.",
               "Okay, that's you up on screen.", "Ah, there you are."]
CLOSE = [
    ("Is there anything further you need from us today?", "No, that's it, thanks."),
    ("Before you go, was there anything else today, ma'am?", "No, that's everything, thank you kindly."),
    ("Have I answered all your questions today?", "Yes, you have, thanks."),
    ("Um, so, anything else at all?", "Nope, I'm all set."),
    ("Is there anything else I can assist with on the account?", "No, I think we're done."),
]
BYE = [
    "Thanks for calling {c}, y'all have a good one.",
    "Thank you for your time today, and thank you for calling {c}. Goodbye.",
    "Okay, you take care now, bye bye.",
    "Um, okay, have a lovely day then, bye.",
    "On behalf of {c}, thanks for calling, and have a great evening.",
    "Alright, cheers now, all the best.",
]
CUSTOMER_BYE = ["Okay, bye now.", "Thank you kindly, bye.", "Alright, see you.", "Cheers, thanks for your help.",
                "Bye, thanks.", "Okay, take care, bye."]
CALLBACK = [
    ("The claims team will need to review this first, so could you give us a call back on Friday?",
     "Alright, Friday it is."),
    ("Um, the billing run is going through tonight, so, uh, if you could ring us back tomorrow afternoon?",
     "Okay, tomorrow afternoon."),
    ("We'll need the meter reading to update first. Can you call us back in a couple of days?",
     "Sure, I'll call back then."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "You've reached {c}. Your call may be recorded for quality and compliance.",
    "{c}. Calls are recorded. Please listen to the following options.",
    "Thanks for calling {c}. If this is an emergency, please hang up and dial the emergency line.",
    "Welcome to the {c} customer line. This call will be recorded and may be used for training.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "For {d}, it's option {k}.",
    "Say or press {k} for {d}.",
    "{D}, press or say {k}.",
    "If you need {d}, that's {k}.",
    "Calling for {d}? Press {k}.",
    "Option {k} will connect you with {d}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "If you're moving out or ending your service, it's option {k}.",
    "To close your account or stop your renewal, say or press {k}.",
    "Thinking about cancelling? Option {k}.",
    "For final bills and leaving us, press {k}.",
]

SECURITY_QUESTIONS = [
    ("What was the name of your first teacher?", ["Missus Campbell", "Mister Botha", "Miss Tremblay",
                                                  "Missus Beaumont"]),
    ("What town was your father born in?", ["Savannah", "Durban", "Dundee", "Moncton"]),
    ("What was your very first job?", ["a paper round", "lifeguard", "waitressing", "stacking shelves"]),
    ("What's your favourite food?", ["gumbo", "bobotie", "poutine", "haggis"]),
    ("What was the make of your first mobile phone?", ["Nokia", "BlackBerry", "Motorola", "Sony Ericsson"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["accounts receivable", "the revenue team", "the charges and refunds team", "the direct debit team"],
    "technical_support": ["the tech desk", "the repairs team", "second line support", "the engineering desk",
                          "the diagnostics team"],
    "customer_care": ["customer relations", "the resolutions team", "the aftercare team", "policyholder services"],
    "sales": ["the quotes team", "the acquisitions desk", "the product advisors", "the tariffs team"],
    "retentions": ["the leavers team", "the customer retention unit", "the loyalty and renewals desk",
                   "the final accounts team"],
    "ivr": ["the phone tree", "the automated attendant", "the front menu"],
}
