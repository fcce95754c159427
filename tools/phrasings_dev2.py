"""Second tuning phrase bank for tools/make_calls.py (``--phrasing dev2``).

The same acts as the default banks in make_calls.py, worded the way a different
contact centre in a different region might say them: mixed register (formal and
casual; US, UK, Australian and Indian English), other sentence shapes, indirect
and short phrasings.  It was written independently of tools/phrasings_heldout.py
and is meant for tuning, so wording here may freely be used to develop detectors;
the held-out bank stays the unseen test.

Placeholders (checked by make_calls.Phrasing._validate against PHRASE_BANKS):
  {pc} postcode / zip code, {q} security question, {noun} item noun, {v} spoken value,
  {hash} "hash" / "pound", {n} agent name or queue position, {d} / {D} department name
  (as spoken / capitalised to start a sentence), {k} keypad digit, {c} company.
"""

# --------------------------------------------------------------------------- verification

ASK = {
    "account_number": [
        "Have you got your account number there for me?",
        "Let's start with the account number, if you have it.",
        "And your account reference, please?",
        "Kindly tell me your customer account number.",
        "What account number are you calling about today?",
        "Could you give me the eight digit number on your account?",
        "First things first, what's the account number?",
    ],
    "date_of_birth": [
        "And your birthday is?",
        "I'll need the date you were born.",
        "Could I get your birth date, please?",
        "What's your date of birth, day, month and year?",
        "Kindly confirm your D O B for me.",
        "And the date of birth of the account holder?",
        "Can you tell me when you were born, please?",
    ],
    "postcode": [
        "And the {pc}?",
        "What {pc} is the account registered to?",
        "Which {pc} are you in at the moment?",
        "Kindly confirm the {pc} of your registered address.",
        "I'll also need the {pc} for the property.",
        "Whereabouts are you? Just the {pc} is fine.",
    ],
    "address": [
        "What's the house number and street, please?",
        "Can you give me the first line of the address we'd have on file?",
        "Kindly confirm your registered address.",
        "And which address is the service at?",
        "Where's the account registered? The street address, please.",
        "Could you tell me where you live, just the first line?",
    ],
    "phone_number": [
        "What's the best number to reach you on?",
        "Can you confirm the mobile number on the account?",
        "Kindly tell me your registered mobile number.",
        "What number is the account set up under?",
        "And a contact number, please?",
        "Which phone number did you register with us?",
    ],
    "card_last4": [
        "What does the card you pay with end in?",
        "Can you read out the final four numbers on your bank card?",
        "Kindly share the last four digits of your debit card.",
        "Just the ending four digits of the card on file, please.",
        "Which card is on the account? I only need the last four digits.",
        "Could you give me the last four of the payment card?",
    ],
    "full_name": [
        "And who do I have the pleasure of speaking with?",
        "Can I get your first and last name, please?",
        "What's the name the account is under?",
        "May I know your good name, please?",
        "Kindly tell me your full name as per the account.",
        "Who's the account holder?",
    ],
    "security_answer": [
        "{q}",
        "I'll need the answer to your security question. {q}",
        "Just one more security check. {q}",
        "Kindly answer the secret question on file. {q}",
        "There's a memorable question on the account. {q}",
        "Can you tell me the answer to this one? {q}",
    ],
    "email": [
        "And the email address we have for you?",
        "What email do you use with us?",
        "Can you read out the email on your account?",
        "Kindly confirm your registered email I D.",
        "Which email address did you sign up with?",
        "What's your email, just so I can check it matches?",
    ],
    "pin": [
        "What's your four digit PIN?",
        "Can you tell me the PIN number on the account?",
        "Kindly share your four digit account PIN.",
        "I'll need your security PIN as well.",
        "And the passcode, the four digits you set up?",
        "Could you give me the phone PIN, please?",
    ],
}
ITEM_NOUN = {
    "account_number": ["account number", "account reference", "customer number"],
    "date_of_birth": ["date of birth", "birth date", "D O B"],
    "postcode": ["{pc}"],
    "address": ["address", "first line of the address", "street address"],
    "phone_number": ["phone number", "mobile number", "contact number"],
    "card_last4": ["last four digits of the card", "card ending", "last four on the card"],
    "full_name": ["full name", "name", "first and last name"],
    "security_answer": ["security answer", "answer to the security question", "memorable answer"],
    "email": ["email address", "email", "email I D"],
    "pin": ["PIN", "passcode", "four digit PIN"],
}
REASK = [
    "Sorry, what was the {noun} again?",
    "Could you just repeat the {noun} for me?",
    "I'll need the {noun} one more time, please.",
    "For my own checks, can you give me the {noun} as well?",
    "Kindly confirm the {noun} once again.",
    "I know you've probably been asked, but what's the {noun}?",
    "Just to double check on my end, the {noun}, please?",
]
ANSWER = [
    "Yes, it's {v}.",
    "That'd be {v}.",
    "Um, {v}.",
    "It's {v}, I think.",
    "Right, so it's {v}.",
    "{v}, yeah.",
    "Hang on. {v}.",
    "Yep, {v}.",
    "Okay, so that's {v}.",
]
COMPLAIN = [
    "I gave you that already. It's {v}.",
    "I've been asked that three times now! {v}.",
    "Didn't I just type that in? It's {v}.",
    "The last agent already took that off me. {v}.",
    "Why do you people keep asking? {v}.",
    "Honestly, I told your colleague five minutes ago. It's {v}.",
    "Same as I said before, {v}.",
    "I've already been through all this. {v}.",
    "Come on, I already keyed that into the phone. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "Please key in your account number, then press the {hash} key.",
        "To help us deal with your call, enter your eight digit customer number, followed by {hash}.",
        "Using the telephone keypad, type your account number and finish with the {hash} sign.",
        "Now enter your account number, ending with {hash}.",
    ],
    "date_of_birth": [
        "Enter your birth date as two digits for the day, two for the month and four for the year, followed by {hash}.",
        "For security, please key in your date of birth, day, month, then year, and then the {hash} key.",
    ],
    "pin": [
        "For security, please enter your four digit PIN, followed by {hash}.",
        "Now key in your telephone passcode, then press {hash}.",
    ],
    "card_last4": [
        "Enter the final four digits of your payment card, followed by the {hash} key.",
        "Please key in the last four numbers of the card registered to your account, then {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "Have you got the order reference handy?",
        "What's the order number on your confirmation email?",
        "Can you give me the order I D, please?",
        "Which order is this about? Do you have the number?",
    ],
    "tracking_number": [
        "Could you read out the tracking code from the courier?",
        "What's the consignment number on the dispatch email?",
        "Do you have the parcel tracking number there?",
    ],
    "ticket_number": [
        "Did they give you a case reference last time you called?",
        "Have you got the complaint reference number from before?",
        "What's the ticket number for your earlier call?",
        "Kindly share the service request number you were given.",
    ],
    "new_delivery_postcode": [
        "Where's it going now? What's the {pc} of the new address?",
        "And the {pc} for where you'd like it delivered?",
        "Which {pc} should the courier go to instead?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "Bear with me while I pop you on hold.",
    "I'm going to place the call on hold for a couple of minutes.",
    "Give me a sec, I'll put some music on for you.",
    "One moment please, holding now.",
    "Kindly hold the line for two to three minutes while I check this.",
    "Do you mind holding for a minute while I look into that?",
    "I'll just need to put you on hold briefly, I won't be long.",
    "Let me check with my supervisor. I'll put you on hold, stay on the line.",
    "Mind if I put you on hold real quick? I need to look that up.",
    "I'm placing you on a short hold now, please don't hang up.",
]
ACK = ["No worries.", "Sure, go ahead.", "That's fine.", "Yep, okay.", "Right.", "Alright.",
       "Okay, thank you.", "Fine."]
RESUME = [
    "Thanks so much for holding.",
    "Sorry to keep you, I'm back now.",
    "Thank you for holding the line.",
    "Right, I'm back, sorry that took a while.",
    "Hi there, thanks for your patience.",
    "Apologies for the wait, thanks for bearing with me.",
    "Hello, you still with me? Thanks for hanging on.",
]
CHECKIN = [
    "Hello, are you still there? I need a couple more minutes, sorry.",
    "Just letting you know I'm still on it, won't be much longer.",
    "Sorry for the wait, still looking into it, bear with me.",
    "Hi, still with me? Just a little longer, okay?",
    "Thank you for holding, I'm still checking, kindly hold on a bit more.",
]
CHECKIN_REPLY = ["Yeah, I'm here.", "No problem.", "Sure, I'll wait.", "Still here.", "Okay, that's fine."]
PATIENCE = [
    "Thank you for holding. Your advisor will be back with you shortly.",
    "Please stay on the line. We value your call.",
    "We're sorry to keep you waiting. Please continue to hold.",
    "Thanks for waiting. Someone will be with you soon.",
    "Please don't hang up. Your call is still connected.",
]
QUEUE_ANN = [
    "You are currently number {n} in the queue.",
    "Thanks for calling. There are {n} callers ahead of you.",
    "We're experiencing high call volumes at the moment. Please stay on the line.",
    "Your call is in a queue and will be answered in turn. You are caller number {n}.",
    "Did you know most things can be done in our app? Download it today.",
    "Our lines are open eight till eight, Monday to Saturday. Thank you for waiting.",
]
CANCELLED_HOLD = [
    "Let me just pop you on hold. Oh, hang on, no, it's loaded now.",
    "I'll need to put you on hold for a moment. Actually, forget that, I've found it.",
    "Bear with me, I'm going to place you on hold. Oh no wait, here it is.",
    "One moment, I'll put you on hold. Sorry, scratch that, the page just came up.",
    "Kindly hold the line while I check. Oh, no need, I have the details here itself.",
    "Give me a sec, I'll put some music on. Ah, actually, don't worry, I can see it now.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "Can you hold down the reset button on the back of the modem for about thirty seconds?",
    "Press the power button and keep it held in until the screen goes black.",
    "Push the reset pin in with a paperclip and hold it there for ten seconds.",
    "Long press the W P S button until the light blinks blue.",
    "Keep your finger on the power key for around fifteen seconds, then let go.",
    "Press and hold both volume buttons together until you see the logo.",
]
PRESS_HOLD_REPLY = ["Alright, I'm holding it.", "Okay, it's gone off now.", "Done, the lights are blinking.",
                    "Hang on. Okay, got it.", "Okay, it's restarting."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I was stuck on hold for nearly an hour last Tuesday.",
    "Last time I rang, they left me on hold and then cut me off.",
    "I've already sat in your queue for twenty minutes this morning.",
    "Every time I call I end up listening to that hold music for ages.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "I'll connect you with {d}.",
    "Let me get you over to {d}.",
    "I'm passing you across to {d} now.",
    "The right people for that are {d}, I'll put you through.",
    "{D} will be able to sort that out for you, I'll transfer you now.",
    "Kindly stay on the line, I am transferring your call to {d}.",
    "I'll pop you through to {d}, they deal with that.",
    "That's not something I can do, but {d} can. Putting you through now.",
    "I'll hand you over to {d}, just hang on the line.",
]
TO_IVR = [
    "I'll put you back to the options menu so you can select the right department.",
    "Let me send you back through to the main menu, pick the option for what you need.",
    "I'm going to transfer you back to the automated system, just choose the right option there.",
    "I'll return you to the start of the menu, and you can pick the right team from there.",
]
LOOP_COMPLAINT = [
    "Hang on, {d} just sent me to you!",
    "I've already been through to {d}, they couldn't help.",
    "You're sending me back to {d}? Seriously?",
    "Not {d} again, I was just talking to them.",
    "But I've only just come from {d}!",
]
GREET = [
    "Good afternoon, you're through to {d}, {n} speaking.",
    "Hello, {D}, my name is {n}, how may I assist you?",
    "{D}, it's {n} here. What can I do for you?",
    "G'day, {n} from {d}, how can I help?",
    "Hiya, {n} in {d}. What's going on today?",
    "Welcome to {d}, {n} on the line. How can I help you?",
    "Hello and thank you for calling. You're speaking with {n} from {d}.",
]
GREET_TRANSFERRED = [
    "Hi, {n} here from {d}. My colleague's passed you over, what's the issue?",
    "{D}, {n} speaking. I've had a few notes from the last person, how can I help?",
    "Hello, this is {n} with {d}. Thanks for waiting while they put you through.",
    "Good afternoon, {n} from {d}. I understand you've been sent across to me, what can I do?",
]
AGAIN = [
    "Hello, {n} here again.",
    "Hi, it's me again, {n}.",
    "Oh hello again, {n} speaking.",
    "{n} here, we spoke a little while ago.",
    "Hi again, it's {n}, we talked earlier.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Okay, let me have a look.", "One sec.", "Hmm, just checking.", "Alright.", "Let me pull that up.",
              "Right, let's see here."]
LOOKUP_POST = ["Okay, here we go.", "Sorry, the computer is being very slow. Right.", "Right, that's loaded now.",
               "Okay, I've found your account.", "There we are."]
CLOSE = [
    ("Is there anything else I can do for you today?", "No, that's it, cheers."),
    ("Can I help with anything else while you're on the line?", "No thanks, that's all."),
    ("Is there anything further I can assist you with?", "No, nothing else."),
    ("Anything else you need today?", "Nope, all sorted, thank you."),
]
BYE = [
    "Thanks for calling {c}, enjoy the rest of your day.",
    "Thank you for choosing {c}. Goodbye.",
    "No worries, you have a good one. Bye.",
    "Cheers, take care now.",
    "Thank you for your time, have a nice day ahead.",
]
CUSTOMER_BYE = ["Okay, bye bye.", "Thank you, bye.", "Ta, bye.", "Bye now.", "Thanks, you too, bye."]
CALLBACK = [
    ("I'll have to raise this with the back office, can you ring us again tomorrow?", "Alright, I'll call tomorrow."),
    ("That team works nine to five, so kindly call back in the morning.", "Okay, I'll try again in the morning."),
    ("I'm going to log this, and someone should have an answer by Thursday. Can you give us a ring then?",
     "Sure, Thursday it is."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Welcome to {c}. Your call may be monitored or recorded.",
    "Hello, and thanks for calling {c}. To help us improve our service, calls are recorded.",
    "You've reached {c}. Please note this call may be recorded for quality and training.",
    "Thank you for contacting {c}. This call may be recorded.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "For {d}, press {k}.",
    "Press {k} for {d}.",
    "To speak to {d}, say or press {k}.",
    "To be connected to {d}, press {k}.",
    "{D}, press {k}.",
    "For {d}, please press {k}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "If you're thinking of leaving us, press {k}.",
    "To cancel your service, press {k}.",
    "Press {k} to close your account.",
    "To end your contract, say or press {k}.",
]

SECURITY_QUESTIONS = [
    ("What was the make of your first car?", ["Ford", "Toyota", "Vauxhall", "Holden"]),
    ("In what town or city were you born?", ["Leeds", "Adelaide", "Pune", "Denver"]),
    ("What's your father's middle name?", ["James", "Arthur", "Kumar", "William"]),
    ("What was the name of your favourite teacher?", ["Mrs Patel", "Mr Brown", "Miss Green"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["accounts", "the billing team", "payments", "the accounts department"],
    "technical_support": ["tech support", "the technical team", "the help desk", "the faults team"],
    "customer_care": ["customer service", "the customer relations team", "customer support"],
    "sales": ["the sales team", "new business", "upgrades"],
    "retentions": ["the loyalty team", "cancellations", "customer loyalty"],
    "ivr": ["the main menu", "the automated menu", "the options menu"],
}
