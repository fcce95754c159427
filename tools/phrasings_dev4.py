"""Fourth tuning phrase bank for tools/make_calls.py (``--phrasing dev4``).

The same acts as the default banks in make_calls.py, tools/phrasings_dev2.py and
tools/phrasings_dev3.py, worded the way yet another contact centre might say them:
Australian, New Zealand and Indian English, formal corporate scripts, very casual agents and
older, politer speakers; requests made indirectly ("could I trouble you for..."), formally
("I'll require...") or clipped ("Card ends in which four digits?"); holds announced with other
verbs ("chuck you on hold", "allow me to place your call on hold"); transfers in other shapes
("I'm going to get you over to...", "... can help with that, connecting you now", "patch you
through", "redirect your call"); IVR menus with "select", "choose", "dial" and "key"; and other
department names ("the account services team", "the technicians", "the retention
specialists").  It was written without opening tools/phrasings_heldout.py and is meant for
tuning, so wording here may freely be used to develop detectors; the held-out bank stays the
unseen test.

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
        "Could I trouble you for the account number, please?",
        "Righto, what's the account number you're ringing about?",
        "Please tell me the account number once.",
        "In order to locate your records, I'll require the account number.",
        "Got an account number for me, mate?",
        "The account number is printed at the top of your statement. Would you read that out for me?",
        "Would you be able to read the account number off one of our letters?",
        "Sweet as, and what's the account number there?",
        "Number of the account, please?",
    ],
    "date_of_birth": [
        "May I ask your date of birth, please?",
        "Can you verify your date of birth for me, the day first, then the month and the year?",
        "What's your birthday, love? The whole date, with the year.",
        "For verification purposes, please state your date of birth.",
        "Tell me when your birthday is, including the year.",
        "Just the date of birth now, to make sure I'm speaking to the account holder.",
        "Which year were you born in, and on what date?",
        "And the birth date we'd have for you is?",
    ],
    "postcode": [
        "What {pc} does the bill get posted to?",
        "Could you please state the {pc} registered against the account?",
        "Mind reading out your {pc}?",
        "{pc} of the home address, please.",
        "And can you confirm which {pc} the service is at?",
        "Let me have your {pc} as well, please.",
        "I'll also require the {pc} of your correspondence address.",
    ],
    "address": [
        "Could you please tell me your residential address?",
        "Where does the account live, address wise?",
        "What's the street and house number we'd have down for you?",
        "Please confirm your full address as registered with us.",
        "And the address where we post your letters?",
        "Can I grab the address the connection is at?",
        "Just the door number and the street name will do.",
    ],
    "phone_number": [
        "What's the mobile number attached to the account?",
        "Could you read out the number you registered with, including the area code?",
        "May I have the telephone number you registered with, please?",
        "What's a good number for you, the one we've got on file?",
        "Which phone do we have on the account, your mobile or the home phone? Read it out for me.",
        "Could you confirm the contact telephone number held on the account?",
        "Number on the account, mobile is fine.",
    ],
    "card_last4": [
        "Could you tell me which four digits your card finishes with?",
        "The bank card on file, can you read me the last four?",
        "Please confirm the final four digits of the registered payment card.",
        "What does the long number on your card end with?",
        "Grab your card for me and read out the last four numbers.",
        "Could you confirm the trailing four digits of the card used for payments?",
        "Card ends in which four digits?",
    ],
    "full_name": [
        "Your full name, if you'd be so kind?",
        "Who is it I'm speaking to?",
        "And the name on the bill, please?",
        "Could you give me your first name, and spell out your surname?",
        "Whose name is the account in?",
        "Could I have the full name of the account holder, please?",
        "Tell me your name, please.",
        "Can I get a name to go with the account?",
    ],
    "security_answer": [
        "Now I'll ask you the security question. {q}",
        "{q} Just answer that one for me, please.",
        "Okay, one quick security question. {q}",
        "For our security procedure, please answer the following. {q}",
        "Let's do the secret question. {q}",
        "And to finish off the security, {q}",
        "Got a security question here for you. {q}",
    ],
    "email": [
        "Could you tell me the email address registered with us?",
        "And your email, what's that?",
        "Please state the email address on your profile.",
        "What email do we use to contact you?",
        "Could you read out your email, nice and slowly?",
        "Which email did you use to register, please?",
        "And the email we send the e bills to?",
    ],
    "pin": [
        "Could you tell me your four digit PIN, please?",
        "Please provide the telephone security PIN.",
        "And your PIN number, love?",
        "What's the PIN you set up for phone calls?",
        "The PIN on the account, please, all four digits.",
        "Last thing, the PIN.",
        "Please say your four digit PIN for me.",
    ],
}
ITEM_NOUN = {
    "account_number": ["account reference number", "billing account number", "number of your account"],
    "date_of_birth": ["full date of birth", "date and year you were born", "birthday, year included"],
    "postcode": ["{pc} on the account", "{pc} where the account is registered"],
    "address": ["home address", "registered address", "street address on file"],
    "phone_number": ["registered mobile", "number we'd call you on", "contact phone"],
    "card_last4": ["card's last four", "last four numbers on your card", "four digits your card finishes with"],
    "full_name": ["name in full", "name as it's shown on the account", "given name and surname"],
    "security_answer": ["answer to your secret question", "memorable word", "security answer you chose"],
    "email": ["email address on your profile", "registered email address", "email you signed up with"],
    "pin": ["four digit security number", "telephone PIN", "security PIN"],
}
REASK = [
    "Apologies, I'll need to ask for your {noun} once more.",
    "The notes from before haven't come over, so could I have the {noun} again?",
    "Sorry to make you repeat yourself, but what's the {noun}?",
    "Just once more, please, the {noun}.",
    "I didn't quite catch it earlier, the {noun} was?",
    "Would you mind giving me the {noun} again, for my records?",
    "Let's go over the {noun} one more time.",
    "Mate, what was that {noun} you gave us before?",
]
ANSWER = [
    "Yeah, no, it's {v}.",
    "It is {v}.",
    "Oh, right. {v}.",
    "One moment. Yes, {v}.",
    "Certainly. It's {v}.",
    "I believe it's {v}.",
    "Here we go, {v}.",
    "Uh, {v}, I reckon.",
    "Okay so, it's {v}.",
    "Sure thing, {v}.",
    "Just a moment, dear. {v}.",
]
COMPLAIN = [
    "I've already given all of this, you know. {v}.",
    "Crikey, again? It's {v}.",
    "I told the person before you. {v}.",
    "Why am I saying this over and over? {v}.",
    "With respect, I've answered that twice. {v}.",
    "I keyed that in when I rang! {v}.",
    "Doesn't your screen show it? {v}.",
    "Fair dinkum, I just said it. {v}.",
    "Nothing's changed since I said it a minute ago. {v}.",
    "Good grief. {v}, as I've already said.",
    "This is ridiculous, I gave that at the start. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "So that we can find your details, please dial your account number now, ending with {hash}.",
        "Your account number can be found on your latest bill. Please enter it now, and then press {hash}.",
        "Enter your account number, one digit at a time, and press {hash} when you're done.",
        "If you have your account number to hand, enter it followed by the {hash} key.",
    ],
    "date_of_birth": [
        "Please enter your date of birth in the format day, day, month, month, year, year, year, year, "
        "then press {hash}.",
        "For your security, we need your date of birth. Enter it as eight digits, then press {hash}.",
    ],
    "pin": [
        "Please enter the four digit security number you set up with us, then press {hash}.",
        "Enter your PIN, followed by the {hash} key. For your protection, it will not be read back.",
    ],
    "card_last4": [
        "Enter the final four numbers from the front of your payment card, then {hash}.",
        "To continue, please enter the four digits your card number ends with, followed by {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "What order number did you get with the confirmation?",
        "Is there an order reference on the packing slip?",
        "Can you read me the order number off the invoice?",
        "Do you still have the email from when you ordered? The order number's near the top.",
    ],
    "tracking_number": [
        "Can you give me the tracking number off the parcel notification?",
        "What's the consignment reference from the delivery company?",
        "The delivery firm would've sent you a tracking code, what does it say?",
    ],
    "ticket_number": [
        "Have you got the job number from the technician's visit?",
        "What reference did they give you when you complained last week?",
        "Was a service ticket raised last time? What's the number on it?",
        "Could you quote the case reference from our last email?",
    ],
    "new_delivery_postcode": [
        "What's the {pc} of the address you'd like it redirected to?",
        "Okay, and the {pc} for your work address, where it's going now?",
        "Which {pc} will the new address be in?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "If it's alright with you, I'll put the call on hold while I check the account notes.",
    "Mate, I'll chuck you on hold for a sec, won't be long.",
    "Please allow me to place your call on hold for two minutes.",
    "Would you mind waiting on hold while I speak to my team leader?",
    "I'll need to put you on hold while I consult with the relevant department.",
    "Hang tight, I'm putting you on hold for a minute.",
    "You'll hear some music for a moment, I'm just putting you on hold.",
    "Is it okay if I put you on hold for about three minutes? I need to check something with a colleague.",
    "Let me put the call on hold for a jiffy.",
    "Okay, I'll stick you on hold now, back in two shakes.",
    "I'll be placing you on hold momentarily while I verify the details.",
    "I'm going to leave you on hold for a little bit while I sort this out, eh.",
]
ACK = ["Righto.", "Yep, no dramas.", "Sure, thank you.", "Okay, I'll wait.", "Very well.", "Cheers.",
       "Okay, that's fine by me.", "Sweet as.", "Alright then.", "Okay, go on then."]
RESUME = [
    "Thanks ever so much for waiting.",
    "Righto, I'm back. Sorry to keep you hanging.",
    "Thank you for your patience on hold.",
    "Apologies for the delay, and thank you for holding.",
    "Hello, I'm back with you now, thank you for holding on.",
    "Okay, I've returned, and I've got some news.",
    "Thanks for waiting, mate, I've sorted it out.",
    "Hi again, appreciate you holding.",
    "Thank you so much for staying on the line.",
    "Sorry, that took a bit longer than I'd hoped.",
]
CHECKIN = [
    "Just checking in, I'm still waiting on my supervisor, could you bear with me a bit longer?",
    "Hi, just so you know, I'm still here, it's taking a little longer than expected.",
    "Sorry, are you still on the line? Another couple of minutes, if that's okay.",
    "Just a quick one, I'm still working on it, please stay on hold.",
    "Hello, thanks for holding so far, I need just a bit more time.",
    "Hiya, still with you, nearly done, mate.",
]
CHECKIN_REPLY = ["Yes, I'm still holding.", "That's alright, take your time.", "No dramas.",
                 "Okay, thanks for letting me know.", "Mm, okay.", "Yep, still here, go ahead."]
PATIENCE = [
    "Thank you for continuing to hold. Your advisor is still working on your enquiry.",
    "Please remain on the line. Your call has not been disconnected.",
    "Your call is on hold. Please stay connected and an advisor will return shortly.",
    "We appreciate you waiting. Someone will be back with you in just a moment.",
    "Thank you for holding. Please do not replace the handset.",
]
QUEUE_ANN = [
    "Your place in the queue is number {n}.",
    "There are {n} customers waiting before you.",
    "Please hold. You are now number {n} to be answered.",
    "Our advisors are all helping other customers. Please continue to hold.",
    "For faster service, you can visit our website and use the live chat.",
    "The current wait time is approximately ten minutes.",
    "We're sorry for the wait. An advisor will answer your call as soon as possible.",
]
CANCELLED_HOLD = [
    "I'll just put you on hold while I check. Oh, hang about, it's just popped up.",
    "Mate, I'll chuck you on hold for a sec. Oh, no, it's right there, don't worry.",
    "Please allow me to place your call on hold. Oh, sorry, no need, the details have loaded.",
    "I'll need to put you on hold while I, oh, actually, here it is, never mind.",
    "Would you mind holding while I check that? Hang on, no, it's fine, I can see it on my screen.",
    "Let me just place the call on hold, one moment. Actually, scrap that, I've found what I needed.",
    "Just going to put you on hold. Oh wait, it's come through now, sorry about that.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "Hold the power and volume down buttons together for about ten seconds.",
    "On the remote, hold down the red and blue buttons at the same time until the light blinks twice.",
    "Keep holding the pairing button on the hub until the light turns white.",
    "Hold the on off switch down for a full thirty seconds to drain the power.",
    "On the meter display, press and keep holding button A until the screen changes.",
    "Hold down the reset button with the end of a paperclip, and don't let go until all the lights come on.",
    "Give the power button a long press, about five seconds, until it shuts down.",
]
PRESS_HOLD_REPLY = ["Okay, I'm still holding it down.", "Right, the light's gone white.", "Alright, it's shut off.",
                    "Hang on, let me find a paperclip. Got it.", "It's blinking twice now.",
                    "Done, it's coming back on."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I was on hold for over an hour yesterday, and then they hung up on me.",
    "The last time I phoned, I got put on hold and forgotten about.",
    "I've spent half my morning on hold to you lot already.",
    "Your hold music has been stuck in my head since last week.",
    "They put me on hold twice on Friday before I gave up.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "I'm going to get you over to {d}.",
    "{D} can help with that, connecting you now.",
    "Allow me to transfer your call to {d}, kindly don't disconnect.",
    "I'll put you on to {d}, they're the ones who look after that.",
    "I'll send your call through to {d}, mate, hang on the line.",
    "This is something {d} will need to look at, so I'm transferring you to them now.",
    "I'm going to connect you to {d} now, and I'll pass my notes over.",
    "The best place for this is {d}. I'll transfer you across.",
    "Right, I'll patch you through to {d}.",
    "I'm going to redirect your call to {d}, who can assist you further.",
    "Let me hand you on to {d}, they'll take it from here.",
    "{D} will be taking over, I'm putting you through to them now.",
]
TO_IVR = [
    "I'm going to put you back through the automated line, just listen out for the option you need.",
    "Let me reroute you to the main switchboard, and choose the option that fits.",
    "I'll pass you back to the recorded options, and you can select the right team there.",
    "The menu will get you to the right place, so I'm sending you back to it now.",
    "I'll put you back to the start, where you'll hear the options again.",
]
LOOP_COMPLAINT = [
    "{d}? They're the ones who passed me to you!",
    "You're joking, I was just talking to {d}.",
    "Oh no, I've done {d} already.",
    "This is the second time I'm being sent to {d}.",
    "Mate, {d} is where I've just come from.",
    "Please, not back to {d}, they couldn't sort it.",
    "So I'm just going round in a loop between you and {d}, am I?",
]
GREET = [
    "G'day, thanks for calling, you've got {n} in {d}, what can I do for you today?",
    "A very good morning to you, this is {n} from {d}. How may I help you?",
    "Kia ora, {n} speaking, what can I help with?",
    "Hello, {D}, {n} here. What's brought you to us today?",
    "Thank you for holding, this is {n}. How can I assist?",
    "Hey, it's {n}, what's up?",
    "Good afternoon, you've reached {d}. {n} speaking, how may I be of assistance?",
    "Hello, my name's {n} and I work in {d}. What can I sort out for you?",
    "Morning, {d}, this is {n}. How are we today?",
]
GREET_TRANSFERRED = [
    "Hi, {n} from {d} here, I've just been handed your call. What's happened?",
    "Hello, {n} speaking in {d}. My colleague mentioned you've got an issue, can you tell me more?",
    "Good afternoon, this is {n} in {d}. I've been told a bit about it, but would you mind explaining from the start?",
    "G'day, {n} here. The last person filled me in, so let's get this sorted.",
    "{D}, {n} on the line. You were put through to me, what's the trouble?",
    "Hello there, you've been connected to {d}, my name is {n}. How may I assist?",
    "Hi, {n} here, I've picked up your call from my colleague. Where are we at?",
]
AGAIN = [
    "Hello again, it's {n}, you were with me earlier.",
    "{n} once more, sorry you've ended up back here.",
    "Oh hi, it's {n}, you've come back round to me.",
    "It's {n} from before, hello again.",
    "G'day again, {n} here.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Let me just bring that up.", "Okay, one moment please.", "Give me a second here.",
              "Right, let's take a look.", "Mm, okay, checking.", "Just loading your account.", "Okay, hang on."]
LOOKUP_POST = ["Okay, it's all come up now.", "Right, here we are.", "Sorry, it's being a bit sluggish. Okay, got it.",
               "Alright, I can see everything now.", "There it is.", "Okay, found you."]
CLOSE = [
    ("Is there any other matter I can help you with today?", "No, that's all I needed, thank you."),
    ("Was there anything else you wanted to go over?", "No, I think that covers it."),
    ("Anything more I can do for you, mate?", "Nah, all good, ta."),
    ("May I help you with anything else today?", "No, thank you very much."),
    ("Is everything clear, or was there something else?", "All clear, thank you."),
]
BYE = [
    "Thank you for calling {c}, have a wonderful day.",
    "Cheers for calling {c}, have a good one.",
    "It was a pleasure speaking with you. Thank you for being a valued {c} customer.",
    "Alright, look after yourself. Bye now.",
    "Thank you, and have a pleasant day.",
    "Okay, all the best. Ka kite ano.",
]
CUSTOMER_BYE = ["Bye for now.", "Thanks, cheerio.", "Goodbye, and thank you.", "Cheers, see ya.",
                "Lovely, thank you, bye.", "Ta ra."]
CALLBACK = [
    ("That needs sign off from head office, so could you call us back on Wednesday?", "Okay, Wednesday then."),
    ("The system's undergoing maintenance right now. Could you please call back after six?",
     "Fine, I'll call after six."),
    ("I'll raise a request, but you'll need to ring us back in forty eight hours to check on it.",
     "Right, two days then."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Welcome to {c}. For quality and training purposes, this call will be recorded.",
    "You're through to {c}. Please be aware that calls are recorded.",
    "Good day, and welcome to {c}. Our menu has recently changed, so please listen to all the options.",
    "Thank you for calling {c}. Calls to this number may be monitored.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "To reach {d}, select {k}.",
    "Select option {k} for {d}.",
    "For enquiries to {d}, please choose {k}.",
    "If your call is for {d}, key {k}.",
    "Dial {k} to be put through to {d}.",
    "{D} is option number {k}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "If you'd like to end your service with us, select {k}.",
    "For questions about cancelling or leaving, choose {k}.",
    "If your contract is coming to an end and you're thinking of moving on, dial {k}.",
    "Select {k} to close your account or disconnect your service.",
]

SECURITY_QUESTIONS = [
    ("Where did you go on your honeymoon?", ["Fiji", "Rotorua", "Goa", "the Gold Coast"]),
    ("What was the first concert you went to?", ["Cold Chisel", "Split Enz", "ABBA", "Queen"]),
    ("What's the name of the hospital you were born in?", ["Royal Prince Alfred", "Middlemore", "Saint Thomas'",
                                                          "Apollo"]),
    ("What was your childhood best friend called?", ["Kylie", "Rohan", "Aroha", "Shane"]),
    ("Who was your first employer?", ["Woolworths", "Tata", "the Warehouse", "Bunnings"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["the account services team", "the billing crew", "the invoicing team", "billing enquiries"],
    "technical_support": ["the technicians", "the network faults team", "the tech support crew",
                          "the service assurance team", "the connectivity team"],
    "customer_care": ["the customer feedback team", "the member services team", "the customer advocacy team",
                      "client services"],
    "sales": ["the new connections team", "the plans and pricing team", "the sales consultants",
              "the upgrade specialists"],
    "retentions": ["the retention specialists", "the disconnections team", "the account closures desk",
                   "the contract renewals team"],
    "ivr": ["the main switchboard", "the automated line", "the voice menu"],
}
