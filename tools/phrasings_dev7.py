"""Seventh tuning phrase bank for tools/make_calls.py (``--phrasing dev7``).

The same acts as the default banks in make_calls.py and tools/phrasings_dev2.py ...
tools/phrasings_dev6.py, worded the way yet another set of contact centres might say them:
the register of a health insurer with a pharmacy line, a car-rental and roadside-assistance
company, a university / council helpline, a mobile-phone network and a parcel courier
(members, prescriptions, rental agreements, breakdown jobs, student records, SIM cards,
consignments); Welsh ("tidy", "now in a minute", "cariad", "lush"), US Midwest ("ope", "you
betcha", "oh for cute"), New Zealand ("sweet as", "chur", "yeah nah"), Singaporean ("can or
not", "wait ah", "okay lah") and Caribbean ("soon come", "likkle bit", "respect") speakers;
very formal-polite agents ("Might I trouble you for...") next to blunt ones ("Postcode.
Now.").  Holds are announced in other shapes ("I'm placing this call on hold while I
consult", "you'll be on hold whilst I phone the garage", "hold the line for me, I'm going
to the dispensary"), returns from hold say "that's me off hold" or "apologies for the
hold"; transfers use "patch you through to", "connect you across to", "route the call to",
"forward you to"; receiving agents say "the notes came through with the call" or "my
colleague flagged you up" (never naming the department the call came from, which the
template cannot know); IVR menus use "{D} is on {k}", "key {k} for {d}", "hit {k}",
"choose {k}", "number {k} is {d}" and "push {k}"; and the departments have other names again
("the premiums office", "the handset clinic", "the patient liaison team", "the rentals
desk", "the before you go team", "the welcome menu").

No line uses "mute" for a hold, no hold announcement promises music (a hold may be
silent), and no menu asks for a star key (only the option digit is keyed).  It was written
without opening tools/phrasings_heldout.py and is meant for tuning, so wording here may
freely be used to develop detectors; the held-out bank stays the unseen test.

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
        "Account number. Now.",
        "Might I trouble you for your membership account number? It's on the front of your member card.",
        "Ope, before I forget, what's the account number on your rental agreement there?",
        "Your account number, can or not? It's on your monthly bill, top left.",
        "Now then, cariad, have you got your account number handy?",
        "For the pay monthly side, I'll be needing the account number that starts with a seven.",
        "Read me out the account number on your council tax bill, would you?",
        "So I can bring your record up, what account number do you have with us?",
        "The account number, yeah? Sweet as, whenever you're ready.",
    ],
    "date_of_birth": [
        "Birth date.",
        "Would you be kind enough to confirm your date of birth for me?",
        "What's the date of birth of the member the prescription is for? Yourself, is it?",
        "Date of birth, day month year, please.",
        "And when were you born? The full date, please.",
        "Your date of birth, lah, the one on your I C.",
        "What date of birth did you enrol with, please? Day, month and year.",
        "Now in a minute I'll need your date of birth, so go on, let's have it.",
    ],
    "postcode": [
        "{pc}. Go.",
        "Might I ask for the {pc} at the address on your policy?",
        "Which {pc} is the car registered to?",
        "And your home {pc}, you betcha, let's have that.",
        "What {pc} do we post your bills out to?",
        "Your {pc}, the one on your student record, please.",
        "Tell me the {pc} where you live now, likkle bit slow so I get it right.",
    ],
    "address": [
        "House number and street.",
        "Could you kindly tell me the address registered on your membership?",
        "Where do you live, the address on the rental contract?",
        "What's the home address on your licence? Just the number and the road.",
        "Which address have we got for your parcels? The house number and the street will do.",
        "Your home address, what is it ah? Block number and street also can.",
        "And the address we send your prescriptions out to, what's that, please?",
        "Tell me the street address where you pay council tax.",
    ],
    "phone_number": [
        "Contact number.",
        "Would you be so good as to confirm the mobile number on your account?",
        "Which number on your plan is this about? Read the whole mobile number out for me.",
        "What's the best number to reach you on, the one we have on file?",
        "Your handphone number, the one registered, can tell me?",
        "Give me the mobile number the pharmacy texts when your prescription's ready.",
        "And the phone number you gave when you booked the car?",
    ],
    "card_last4": [
        "Last four of the card.",
        "May I have the final four digits of the card your premium comes off?",
        "Which card did you put the deposit on? Only the last four digits, please.",
        "What are the last four numbers on the card you top up with?",
        "The card, ah, the last four digits only, not the whole thing.",
        "Could you read off just the final four numbers of your bank card, please?",
        "The last four digits of the card you paid your fees on, please.",
    ],
    "full_name": [
        "Name, first and last.",
        "May I take your full name, please, as it appears on your policy?",
        "Who am I chatting with today? First name and surname, please.",
        "What's the name on the driving licence, in full?",
        "Your full name, as it is on your student card, please.",
        "Whose name is the contract under? The full name, please.",
        "Can I grab your full name, cariad? First and last.",
        "And the full name of the person the parcel is addressed to, that's you, yes?",
    ],
    "security_answer": [
        "Security question. {q} Answer.",
        "If you'd be so kind, I must ask the security question on your file. {q}",
        "Okay, here comes your memorable question. {q}",
        "There's one more check on the account. {q}",
        "Righto, the question you chose when you joined. {q}",
        "Last step, I promise. {q}",
        "I need you to answer your security question, can? {q}",
    ],
    "email": [
        "Email address.",
        "Would you mind confirming the email address we hold for you?",
        "Which email do your rental receipts go to?",
        "What's the email you use to sign in to the student portal?",
        "Your email, one letter at a time please, so I don't mix it up.",
        "What email do we send your bill reminders to?",
        "The email on your delivery notifications, what is it, please?",
    ],
    "pin": [
        "PIN.",
        "May I have the four digit security PIN on your account, please?",
        "What's the four digit PIN you set for talking to us on the phone?",
        "Your account PIN, please, the four numbers, not your SIM PIN.",
        "Four digit PIN, can give me?",
        "Now the PIN you chose for phone enquiries, four digits, please.",
        "I'll need the four digit PIN from your welcome letter.",
    ],
}
ITEM_NOUN = {
    "account_number": ["account number from your member card", "account number printed on your bill",
                       "account number from the top of your agreement"],
    "date_of_birth": ["day, month and year you were born", "date of birth you enrolled with",
                      "date of birth on your licence"],
    "postcode": ["{pc} where you live", "{pc} on your record"],
    "address": ["street and house number", "address on your contract", "address on the membership"],
    "phone_number": ["mobile number on your plan", "contact number you gave us", "number on file"],
    "card_last4": ["four digits at the end of your card", "last four of the card you pay with",
                   "tail end of your card number"],
    "full_name": ["full name on your licence", "first name and surname together", "name the account is under"],
    "security_answer": ["memorable answer you gave us", "reply you set for your security question",
                        "answer you chose when you joined"],
    "email": ["email address we hold", "email you sign in with", "email we send your receipts to"],
    "pin": ["four digit PIN for phone enquiries", "account PIN", "PIN from your welcome letter"],
}
REASK = [
    "The {noun}. Again.",
    "My screen only shows what I type myself, so may I have the {noun} once more?",
    "Ope, sorry, it didn't save. What was the {noun}?",
    "Wait ah, say the {noun} one more time?",
    "Different system on this side, I'm afraid, so I'll need the {noun} again.",
    "Humour me, tell me the {noun} again, would you?",
    "Apologies, the line dropped out for a second. The {noun}, please?",
    "Our rules say I check the {noun} myself, so once more, please.",
]
ANSWER = [
    "Yep. {v}.",
    "Oh, right, {v}.",
    "Okay, um, {v}.",
    "You betcha, {v}.",
    "It's {v}, lah.",
    "Reading it now, {v}.",
    "Got it in front of me. {v}.",
    "Sweet, it's {v}.",
    "Let me see now. {v}.",
    "Tidy, that's {v}.",
    "Give me a second, it's here somewhere. {v}.",
    "Pretty sure it's {v}.",
]
COMPLAIN = [
    "How many times? {v}.",
    "Ope, we did this already. {v}.",
    "Aiyo, I just say already. {v}.",
    "Yeah nah, you lot have this. {v}.",
    "Honestly, does nobody write anything down? {v}.",
    "Mi tell the last person same thing. {v}.",
    "I have now said this more times than my own name. {v}.",
    "Fine. Once more, for the record. {v}.",
    "Duw, not again. {v}.",
    "Surely it's on your screen by now. {v}.",
    "This is the third person I've told. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "Key in your account number now. When you've finished, press {hash}.",
        "Your account number is on your latest bill, under your name. Tap it in on your keypad, then {hash}.",
        "Please use your phone buttons to give us your membership account number, then press the {hash} key.",
        "To help us find you, key your account number in, digit by digit, and finish with {hash}.",
    ],
    "date_of_birth": [
        "Key in your date of birth as two digits for the day, two for the month and four for the year, "
        "then press {hash}.",
        "Using the buttons on your phone, tap in your date of birth, day first, then {hash}.",
    ],
    "pin": [
        "Tap in your four digit account PIN, then {hash}.",
        "For security, key in the four digit PIN you chose when you joined, followed by {hash}.",
    ],
    "card_last4": [
        "Key in the last four digits of the card you pay with, then press {hash}.",
        "Please tap the final four numbers of your payment card, and then {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "The phone you ordered online, what's the order number on the confirmation email?",
        "Have you got an order number for the repeat prescription you ordered through the app?",
        "Can you see the order number on the receipt for the car seat you added?",
        "What's the order number, ah? It's at the top of the confirmation.",
    ],
    "tracking_number": [
        "The courier card through your door should have a tracking number on it. What does it say?",
        "Read me the tracking number from the text about your new SIM.",
        "What tracking number did the shop give you for the parcel?",
    ],
    "ticket_number": [
        "When the patrol came out last time, did they give you a job number?",
        "Have you got the incident number from when you logged the fault?",
        "Is there a ticket number on the email from the student hub?",
        "Did anyone give you a complaint reference when you rang before?",
    ],
    "new_delivery_postcode": [
        "So we can redirect the parcel, what's the {pc} of the address it should go to instead?",
        "You want the medication sent to your daughter's? What {pc} is that?",
        "Where should the replacement SIM go now? Give me the {pc} there.",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "Hold, please.",
    "If you'll permit me, I'm placing this call on hold while I consult the claims notes.",
    "Ope, I'm gonna put you on hold for a sec here, okay? Gotta check something with my lead.",
    "Hold the line for me, I'm going to the dispensary to check the stock. I'll put you on hold.",
    "You'll be on hold whilst I phone the garage, two or three minutes at most.",
    "Wait ah, I put you on hold one moment, I check with my supervisor.",
    "Right, on hold you go for a minute while I look at the patrol map.",
    "I'm going to put the call on hold now and speak to the registry office, please don't go anywhere.",
    "Is a short hold okay? I need to see what the network team say, so I'm putting you on hold now.",
    "Soon come, I putting you on hold a likkle minute while I check.",
    "I'll place you on hold, cariad, now in a minute I'll be back with an answer.",
    "Please remain on hold while I find your parcel on the depot system.",
    "I have to put you on hold to get a manager's sign off. It shouldn't be more than two minutes.",
]
ACK = ["Sure thing.", "Sweet as, no dramas.", "Can, no problem.", "Tidy.", "Very well, thank you.", "Yep, that's fine.",
       "Okay lah.", "Alrighty, go for it.", "Mm-hm, go ahead.", "Respect, okay."]
RESUME = [
    "That's me off hold now. Thanks ever so much for waiting.",
    "Apologies for the hold, and thank you for your patience.",
    "Ope, I'm back, thanks for hanging in there.",
    "Hello, hello? Thank you for holding on, I have an answer.",
    "Sorry ah, so long. Thank you for waiting, I'm back.",
    "Right, I've had a word with my manager, thanks for waiting.",
    "Back again, cheers for being patient, chur.",
    "I'm back with you now, thank you for staying on the line.",
    "Thanks for your patience. The garage has confirmed, so here's where we are.",
    "I've taken the call off hold. Much obliged for your patience.",
]
CHECKIN = [
    "Just checking in, I'm still waiting on the dispensary. Another couple of minutes on hold, okay?",
    "Hi, still here, the garage hasn't picked up yet. I'll put you back on hold for a minute more.",
    "Sorry ah, still checking. Can hold a bit more?",
    "Ope, me again. Taking longer than I thought, mind holding a little longer?",
    "Don't worry, I haven't forgotten you. Give me one more minute on hold.",
    "My apologies for the delay. Might I keep you on hold another minute or two?",
]
CHECKIN_REPLY = ["Yep, carry on.", "Sure, take your time.", "Can, can.", "Sweet as, I'll hang on.",
                 "Okay, I'm still here.", "Go ahead, I'll wait."]
PATIENCE = [
    "Your call is on hold. The person helping you hasn't forgotten you.",
    "You're on hold. Please stay connected and your adviser will return shortly.",
    "Thank you for bearing with us. You are still on hold, please don't hang up.",
    "Your adviser will be with you again soon. Please keep holding.",
    "Still on hold. Please don't put the phone down, the agent will be right back.",
]
QUEUE_ANN = [
    "You are number {n} in line.",
    "We're busier than usual. You're {n} in the queue.",
    "All our advisers are currently with other callers. Please stay on the line.",
    "Did you know you can order repeat prescriptions in our app, any time of day?",
    "Broken down? If you're somewhere unsafe, hang up and call the emergency services.",
    "You can track your parcel online using the number on your text or email.",
    "Thank you for waiting. There are {n} callers in front of you.",
]
CANCELLED_HOLD = [
    "I'll just put you on hold while I, oh, actually, there it is, no hold needed.",
    "Wait ah, I put you on hold first. Oh no need, it's showing already.",
    "Ope, lemme put you on hold for a, oh, never mind, it just loaded.",
    "I'm going to place the call on hold, ah, no, apologies, I have the information here after all.",
    "Hold the line while I go to the dispensary. Actually, no, the stock list has updated, you're fine.",
    "Let me put you on hold and ring the depot. Hang on, no, the scan's just come through, forget that.",
    "On hold for a sec, cariad. Oh, there we are, no, you don't need to hold.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "Press and hold the lock button on the key fob for five seconds until the hazard lights flash.",
    "Hold the power button and the volume down button together until the logo comes up.",
    "On the blood glucose meter, hold the M button down until the last reading appears.",
    "Hold the reset button on the back of the hotspot with a paperclip for ten seconds.",
    "Keep your finger on the start button on the dashboard until the engine warning light goes off.",
    "On the parcel locker screen, hold down the help button until it asks for your code.",
    "Hold down the side button until the emergency slider shows, then let go.",
]
PRESS_HOLD_REPLY = ["Okay, the hazards flashed.", "Yep, the logo's up.", "Right, the reading's showing.",
                    "It's asking for the code now.", "Still holding, nothing yet. Oh, there.",
                    "The light's gone off."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I sat on hold for nearly an hour on Tuesday, you know.",
    "The last time I rang the pharmacy line I was stuck on hold till the battery went.",
    "Your roadside line had me on hold while I was stood on the hard shoulder.",
    "I was on hold to the student hub for forty minutes yesterday.",
    "I held for ages on your other number before I gave up and tried this one.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "Transferring you to {d}.",
    "I'll patch you through to {d}, they're the right people for this.",
    "If you'll allow me, I'll connect you across to {d} now.",
    "Ope, that's more of a {d} thing, let me transfer you over.",
    "I'm going to route the call to {d}, stay on the line for me.",
    "Wait ah, I transfer you to {d}, okay?",
    "{D} can sort this, I'm putting the call through to them now.",
    "Let me forward you to {d}, cariad, they'll look after you.",
    "I'm moving your call to {d} now, and I've left them a note so you won't start from scratch.",
    "Right, I'll put you through to {d}, soon come.",
    "Sweet as, I'll transfer you to {d}, won't be a tick.",
    "This needs {d}, so I'm transferring the call now.",
]
TO_IVR = [
    "I'll put you back to the start of the automated line, and you can choose again from there.",
    "Let me send you back to the recorded options, listen through and pick the one for your query.",
    "I'm returning your call to the main choices now, they'll play again.",
    "I'll transfer you back to the automated system, just choose the right option this time.",
    "Okay, I'm putting you back through to the menu, you'll hear the options again.",
]
LOOP_COMPLAINT = [
    "Hang on, {d} is where I started!",
    "Ope, {d}? They just sent me to you.",
    "Aiyo, {d} again ah?",
    "{d} told me to ring you lot, and now you're sending me back?",
    "No, no, I've done {d} already, they couldn't help.",
    "Yeah nah, {d} had me a minute ago.",
    "So it's back to {d}? This is going in circles.",
]
GREET = [
    "{D}, {n}.",
    "Good afternoon, you're through to {d}, my name is {n}. How may I assist you?",
    "Hi, {n} with {d}. What can I do you for?",
    "Hello, this is {n} at {d}, how can I help today?",
    "Hello, {n} speaking for {d}, how can I help you ah?",
    "Kia ora, {n} from {d} here. What's up?",
    "Shwmae, {n} in {d}, what can I do for you?",
    "Hi there, {d}, you're talking to {n}. How can I help?",
    "Good morning, {D}, this is {n}, how may I be of service?",
]
GREET_TRANSFERRED = [
    "Hi, {n} in {d}. The notes came through with the call, but tell me what's happening.",
    "Good afternoon, {n} at {d}. I understand you've been put through to me, how can I help?",
    "{D}, {n} here. My colleague flagged you up, so go ahead.",
    "Hi, you've been transferred to {d}, I'm {n}. What do you need?",
    "Hello, {n} from {d}. Sorry you've been passed around, let's get this sorted.",
    "Hiya, {n} here in {d}. I've had a quick summary, but fill me in.",
    "Hello, {n} in {d}. You've been put through to me, what's the trouble?",
]
AGAIN = [
    "{n} here again. You're back with me.",
    "Hi again, it's {n}, we spoke a few minutes ago.",
    "Oh, it's {n} again, looks like you've come back round to me.",
    "Hello, {n} again, I had your call earlier.",
    "You've got {n} again, sorry about the runaround.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Okay, searching.", "Let me bring that up.", "Bear with, the record's opening.",
              "Wait ah, loading.", "Right, let me have a look here.", "Typing it in now.", "One sec, looking."]
LOOKUP_POST = ["Okay, you've popped up.", "There we go, that's you.", "Right, I've got your record.",
               "Sorry, the system's slow today. Okay, here.", "Tidy, that's loaded.",
               "Okay, I can see the details."]
CLOSE = [
    ("Is there anything further I can assist with today?", "No, that's everything, thank you."),
    ("Anything else I can do for you?", "Nope, all good, thanks."),
    ("Anything more you need ah?", "No more, thank you."),
    ("Was there anything else while I've got you?", "No, reckon that's the lot."),
    ("Anything else?", "Nope, done."),
]
BYE = [
    "Thank you for calling {c}. Have a good day.",
    "You take care now, bye.",
    "Thanks for calling {c}, drive safe.",
    "Right. Bye.",
    "It's been a pleasure, thank you for calling {c}, and goodbye.",
    "Okay, have a nice one, bye bye.",
]
CUSTOMER_BYE = ["Thanks, bye.", "Okay then, hwyl.", "Chur, see ya later.", "Thank you, bye bye.",
                "Okay, ta-ra.", "Thanks, walk good."]
CALLBACK = [
    ("The dispensary closes at six, so could you call back in the morning once it's open?",
     "Tomorrow morning, okay."),
    ("The registry office only answers on weekdays. Please ring us again on Monday.", "Monday it is."),
    ("The depot won't have scanned it until this evening. Can you call back after seven?", "After seven, sure."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Welcome to {c}. This call may be recorded.",
    "Hello, and thanks for calling {c}. We may record this call for quality and training.",
    "You're through to {c}. Please note that calls are recorded.",
    "Croeso, welcome to {c}. Our calls are recorded to help us improve our service.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "{D} is on {k}.",
    "Key {k} for {d}.",
    "Hit {k} if you need {d}.",
    "If your question is for {d}, choose {k}.",
    "Number {k} is {d}.",
    "Push {k} to get {d}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "To end your contract or take your number to another network, key {k}.",
    "Thinking of leaving? Choose {k}.",
    "Number {k} is for cancelling your membership.",
    "If you'd like to cancel, push {k}.",
]

SECURITY_QUESTIONS = [
    ("What was the name of your first school?", ["Ysgol Glan Taf", "Lincoln Elementary", "Raffles Girls",
                                                "Kelston Intermediate"]),
    ("What's the make of your first motorbike?", ["a Honda", "a Vespa", "a Suzuki", "a Yamaha"]),
    ("Which street did you grow up on?", ["Heol y Felin", "Prairie Lane", "Ang Mo Kio", "Half Way Tree Road"]),
    ("What's your favourite sports team?", ["the Scarlets", "the Packers", "the All Blacks", "the Windies"]),
    ("What was your childhood nickname?", ["Bach", "Sport", "Ah Boy", "Shortie"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["the premiums office", "the top ups and bills team", "the student fees office",
                "the council tax desk", "the finance helpline"],
    "technical_support": ["the handset clinic", "the IT service desk", "the signal and coverage team",
                          "the roadside technicians", "the device helpline"],
    "customer_care": ["the patient liaison team", "the student hub", "the enquiries counter",
                      "the help and advice centre", "the service quality team"],
    "sales": ["the rentals desk", "the reservations team", "the plan advisers", "the membership sign ups team",
              "the enrolment office"],
    "retentions": ["the before you go team", "the porting desk", "the offboarding team", "the contract end unit"],
    "ivr": ["the welcome menu", "the push button menu", "the list of options"],
}
