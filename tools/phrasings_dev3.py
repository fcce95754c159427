"""Third tuning phrase bank for tools/make_calls.py (``--phrasing dev3``).

The same acts as the default banks in make_calls.py and tools/phrasings_dev2.py, worded
the way yet another contact centre might say them: British, American, Irish, Scottish,
South African and Canadian registers; identity requests made as statements, embedded or
clipped questions ("the card ending in?"); re-asks that do not repeat the first wording;
transfers, holds and greetings in many sentence shapes; colloquial department names
("the bills people", "the fault desk", "the loyalty folks").  It was written without
opening tools/phrasings_heldout.py and is meant for tuning, so wording here may freely be
used to develop detectors; the held-out bank stays the unseen test.

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
        "Run me through the digits on your account.",
        "Account number there?",
        "I'll just need the number off the top of your bill to pull you up.",
        "Okay, so to get you up on screen, the account number would be?",
        "If you can pop the account number over to me, I'll find you.",
        "Have you the account number there in front of you?",
        "Start me off with your customer reference number, would you?",
        "I'll need to take the eight digits on your account before we go any further.",
        "Do you happen to know your account number offhand?",
    ],
    "date_of_birth": [
        "I'll just need to confirm the date on which you were born.",
        "D O B, please?",
        "And you were born when?",
        "Next thing is your birthday, the day, the month and the year.",
        "Give us your date of birth there.",
        "Could you tell me the year you were born, along with the day and month?",
        "The date of birth that's on the account, please, so I know I've got the right person.",
        "I wonder if you could confirm your birth date for me.",
    ],
    "postcode": [
        "{pc}?",
        "And the {pc}, just to confirm.",
        "Could you give me the {pc} where the bills go?",
        "The {pc} for the installation address, if you would.",
        "I'll be needing the {pc} we'd have on record.",
        "Now, the {pc} you're registered at?",
        "Tell me the {pc} for the address on the account, please.",
    ],
    "address": [
        "And where are you calling from, the address on the account that is?",
        "Just the house number and the road name is fine.",
        "Talk me through the address we should have for you.",
        "The first line of where you live?",
        "What's the street address the service is connected to?",
        "I'm going to need the address we've got you registered at.",
        "And home is where, for our records?",
    ],
    "phone_number": [
        "And the number we'd ring you back on, the one on the account?",
        "Which mobile is linked to this account?",
        "The landline or mobile you registered with, what is it?",
        "Phone number on file?",
        "Your cell number, the one on the account, eh?",
        "I'll need the contact number we hold, just to be sure it's you.",
        "What number did you give us when you set this up?",
    ],
    "card_last4": [
        "The card ending in?",
        "Last four of the card you pay with?",
        "Which card do you pay by? Just the last four numbers.",
        "What are the final four digits on the long number of your card?",
        "Read me off the end of your card number, the last four only.",
        "I'll need the closing four digits of the bank card we hold.",
        "And the card on the account ends in what?",
    ],
    "full_name": [
        "And you are?",
        "Who's calling today?",
        "Could I get a name for the account?",
        "Your name as it appears on the bill?",
        "Who have I got on the line?",
        "Name of the account holder, please.",
        "Let me just take your first name and surname.",
        "Before I start, who am I talking to?",
    ],
    "security_answer": [
        "So the security bit. {q}",
        "Right, your security question. {q}",
        "I'll just need your memorable answer. {q}",
        "Last security check now. {q}",
        "There's a password question on here. {q}",
        "And one from the security questions you set. {q}",
        "{q} That's the question you picked when you joined.",
    ],
    "email": [
        "And the email, please?",
        "Which email is linked to the account?",
        "What email address would we send your bills to?",
        "Spell out the email on the account for me, would you?",
        "Email address on there?",
        "I'll need to confirm the email we've got for you.",
        "What's the address you log in with, the email one?",
    ],
    "pin": [
        "And your phone PIN?",
        "The four digit code you set up with us, what is it?",
        "Security PIN, please.",
        "Do you know the PIN on the account?",
        "I'll need the four number passcode now.",
        "Then the telephone banking code, the four digits.",
        "And the PIN, the secret number you chose?",
    ],
}
ITEM_NOUN = {
    "account_number": ["account number", "account digits", "customer reference number"],
    "date_of_birth": ["date of birth", "birthday", "date you were born"],
    "postcode": ["{pc}"],
    "address": ["address", "house number and street", "address on the account"],
    "phone_number": ["phone number", "cell number", "mobile or landline number"],
    "card_last4": ["digits the card ends in", "end of your card number", "final four digits of your card"],
    "full_name": ["name", "name on the account", "first name and surname"],
    "security_answer": ["secret answer", "security question answer", "answer you set up for security"],
    "email": ["email", "email on the account", "email address you log in with"],
    "pin": ["PIN", "phone PIN", "four digit code"],
}
REASK = [
    "I know you went through this already, but the {noun} for me again?",
    "Can you run the {noun} by me one more time?",
    "Sorry, it didn't come through from my colleague, what was your {noun}?",
    "The system didn't pass it over, so I'll need the {noun} again.",
    "Humour me, what's the {noun}?",
    "Remind me of the {noun} there.",
    "And the {noun}, just so I have it myself?",
    "Ach, my screen's gone blank. Your {noun} again, sorry?",
]
ANSWER = [
    "Sure. {v}.",
    "Aye, that'll be {v}.",
    "Ja, it's {v}.",
    "It'd be {v}, I'd say.",
    "Let me think. {v}.",
    "Em, that's {v}.",
    "Grand, it's {v}.",
    "Okay, {v}, eh.",
    "Got it here. {v}.",
    "Ehm, let's see, {v}.",
    "That one's {v}.",
]
COMPLAIN = [
    "Did I not just give you that? {v}.",
    "Ach, I told the other fella already. {v}.",
    "You lot have this on file, surely. It's {v}.",
    "That's the fourth time I've said it today. {v}.",
    "I punched it in at the very start! {v}.",
    "Is nobody writing this down? {v}.",
    "I'm after giving that to your colleague. {v}.",
    "Oh for goodness sake, same as before, {v}.",
    "Sorry, but I've gone through all this with the last person. It's {v}.",
    "How many times, honestly. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "Please tap in your account number now, and when you have finished, press {hash}.",
        "If you know your account number, enter it now, followed by {hash}.",
        "To get you to the right place faster, key your customer number, then {hash}.",
        "Please type the eight digits of your account number, and then the {hash} key.",
    ],
    "date_of_birth": [
        "To confirm it's you, enter your date of birth, two digits each for the day and month, "
        "then the four digit year, and finish with {hash}.",
        "Please tap in the day, month and year you were born, then press {hash}.",
    ],
    "pin": [
        "Now, using the buttons on your phone, enter your telephone security number, and finish with {hash}.",
        "Please key your four digit security code, followed by {hash}.",
    ],
    "card_last4": [
        "Tap in the last four numbers of the card you pay with, then press {hash}.",
        "For verification, please key the ending four digits of the card we hold for you, followed by {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "And the order, what's the number on that?",
        "Have you the order number there on the receipt?",
        "Which order are we talking about, is there a number on it?",
        "Can you find the order confirmation? I'll need the number at the top.",
    ],
    "tracking_number": [
        "Has the courier sent you a tracking reference?",
        "What's the waybill number on the delivery?",
        "Read me off the tracking number on the text message, would you?",
    ],
    "ticket_number": [
        "Have you a reference from the last time you rang?",
        "Did you get an incident number from the engineer?",
        "The case number from your previous call, do you have it?",
        "Was there a fault reference on the email we sent you?",
    ],
    "new_delivery_postcode": [
        "So where's it going instead? What {pc} will I put down?",
        "Give me the {pc} for the new drop off address.",
        "And the {pc} where you'd like it sent now?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "Give me two ticks, I'll pop some music on.",
    "I'm just going to mute you a sec while I check with my supervisor.",
    "Let me park the call for a minute while I look into that.",
    "Stay with me, I'm putting the music on for a wee minute.",
    "I'm going to put you on mute for a moment, don't go anywhere.",
    "If you could hang on the line for a couple of minutes, I need to have a word with the team.",
    "Hold on for me just now, I need to check something quickly.",
    "Two secs, I'll stick you on hold.",
    "Would it be okay if I put you on hold for a minute or two, eh?",
    "I need to go and ask someone about this, so you'll hear a bit of music for a while.",
    "Leave it with me for a couple of minutes, I'll just put you on hold there.",
    "I'm going to place the line on hold now, and I'll be right back with you.",
]
ACK = ["Grand.", "No bother.", "Sound, thanks.", "Okay, sure thing.", "Go for it.", "Aye, fine.",
       "Cool, thanks.", "Mm hm, sure.", "That's okay.", "Lekker, thanks."]
RESUME = [
    "Sorry about the wait there.",
    "You still with me? Great, thanks for that.",
    "Right, I'm back with you.",
    "Hiya, thanks for being so patient.",
    "Okay, I'm back on, thanks for hanging on there.",
    "Cheers for waiting, I've got an answer for you.",
    "Thanks for bearing with me, eh.",
    "Hello again, sorry that took so long.",
    "Okay, that's me back. Sorry about that.",
]
CHECKIN = [
    "You still with me? Won't be much longer now.",
    "Just popping back to say I haven't forgotten you, one more minute.",
    "Hello? Still there? Sorry, the team are still looking at it.",
    "Quick update, I'm still waiting to hear back. Can you hang on a bit more?",
    "I'm still on it, I haven't abandoned you, I promise.",
    "Are you okay to keep holding? I'm nearly there.",
]
CHECKIN_REPLY = ["Aye, I'm still about.", "Yeah, go on.", "Fine, I'll hang on.", "Sure, no rush.",
                 "Okay, I'm not going anywhere.", "Yep, grand."]
PATIENCE = [
    "Please continue to hold, your advisor has not forgotten you.",
    "Thank you for waiting. Your call will be picked up again in a moment.",
    "You are still on hold. Please do not hang up.",
    "Sorry for the delay. Your agent will return to the call shortly.",
    "We know your time is valuable. Thank you for holding.",
]
QUEUE_ANN = [
    "You are {n} in line.",
    "There are currently {n} people waiting ahead of you.",
    "Calls are answered in the order they arrive. Your position in the queue is {n}.",
    "Waiting times are longer than usual today. Thank you for your patience.",
    "You can also reach us by web chat, twenty four hours a day, seven days a week.",
    "Please hold, and one of our team will be with you as soon as they can.",
    "Your estimated wait time is under five minutes.",
]
CANCELLED_HOLD = [
    "Give me two ticks, I'll pop some music on. Oh no, hold on, there it is.",
    "I'm just going to put you on mute while I, actually no, it's fine, I've got it.",
    "Let me stick you on hold for a second. Ah, never mind, it just loaded.",
    "I'll need to park the call for a minute. Wait, no, that's okay, I can see it from here.",
    "Bear with me, I'll put you on hold for a wee sec. Och, no need, it's come through.",
    "Just hold the line for me now while I check. Sorry, no, I've found it already.",
    "I'm going to pop you on hold, eh. Oh, actually, scratch that, it's right here.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "Hold the button on the side of the router in for about twenty seconds.",
    "Can you push the little reset button in with a pin and keep it there until the lights go off?",
    "Keep the power button held down for ten seconds, then let it go.",
    "Hold in the home button and the power button together until it restarts.",
    "Press the W P S button and hold it for three seconds, the light should go green.",
    "Unplug the box, then hold down the button on the front while you plug it back in.",
    "Press and hold the standby button on the set top box until it switches off.",
]
PRESS_HOLD_REPLY = ["Okay, holding it in now.", "Right, the lights have all gone out.", "Grand, it's rebooting.",
                    "Hang on, I need a pin. Okay, done.", "It's flashing orange now.",
                    "Okay, let go. It's starting up."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I held for fifty minutes on Monday and nobody ever answered.",
    "Your colleague had me on hold for ages and then the line just went dead.",
    "I've been stuck in this queue since half nine this morning.",
    "Last week I was put on hold three times in the one call.",
    "Honestly, I know your hold music off by heart at this stage.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "I'm going to get you to the right people in {d}.",
    "Let me get someone from {d} on the line for you.",
    "I'll move you across to {d}.",
    "You'll be better off with {d}, one moment.",
    "{D} handle that side of things, so I'll send you through to them now.",
    "I'm going to pass the call to {d}, they'll pick it up from here.",
    "This one needs to go to {d}. I'll put you through, hang tight.",
    "What I'll do is put you over to {d}, okay?",
    "I'll get you connected to {d} now, just stay on the line for me.",
    "Right, {d} is where you need to be. Sending you over now.",
    "I can't sort that out here, but {d} will. Let me transfer you, eh.",
    "Best person for that is someone in {d}, so I'll bring you over to them.",
]
TO_IVR = [
    "I'll pop you back to the start of the phone menu, and you can choose again from there.",
    "Let me put you back into the automated options, pick the one that fits best.",
    "I'm going to send you back to the recorded menu, so listen out for the right option.",
    "The quickest way is back through the phone options, so I'll put you there now.",
    "I'll drop you back into the menu, and if you choose the right number it'll route you properly.",
]
LOOP_COMPLAINT = [
    "Hold on, it was {d} who sent me here!",
    "I was only on to {d} a minute ago.",
    "Ah no, not {d} again.",
    "You're putting me back to {d}? They told me to ring you!",
    "I'm going round in circles here, {d} just passed me on to you.",
    "But sure I've been through to {d} already.",
    "Back over to {d}, really? That's where I started.",
]
GREET = [
    "Hi there, {n} speaking, how can I help?",
    "Morning, you've got {n}, what can I do for you?",
    "Hello, you're on to {d}, {n} on the line.",
    "Howzit, it's {n} from {d}. How can I help you today?",
    "Good evening, {n} here, how can I help?",
    "Hello there, you're through to {n} in {d}. How are you keeping?",
    "Hey, {n} here, how's it going? What can I help with?",
    "{D}, good afternoon, {n} speaking.",
    "Hi, this is {n} at {d}. What's the problem today?",
]
GREET_TRANSFERRED = [
    "Right, I've got your details through from my colleague. It's {n} here, how can I help?",
    "Hi, {n} in {d}. I believe you've been passed over to me, what's happening?",
    "Hello, {n} speaking. I've just had you handed across, so what can I do?",
    "Hiya, this is {n}, {d}. My colleague's filled me in a bit, go ahead.",
    "{n} here. I'm told you need a hand with something, what's up?",
    "Good morning, {D}, {n} speaking. Sorry for the wait getting through to us.",
    "Hi, it's {n}. I've got the notes from the last person here in front of me.",
]
AGAIN = [
    "It's {n} again, sorry about all that.",
    "Me again, {n}. We spoke earlier.",
    "Hello, it's {n}, you're back with me.",
    "{n} here again, small world!",
    "Oh, it's yourself again. {n} speaking.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Bear with me a sec.", "Just a tick.", "Okay, one second while this loads.", "Let's have a look now.",
              "Hmm, okay.", "Right so.", "Now then."]
LOOKUP_POST = ["Okay, here it is now.", "Right, got you.", "Sorry, it's slow as anything today. Okay.",
               "Grand, that's come up.", "There you are now.", "Okay, I see what's happened."]
CLOSE = [
    ("Anything else at all I can help you with?", "No, that's grand, thanks."),
    ("Is that everything for today?", "That's everything, yeah."),
    ("Was there anything else on your mind?", "No, you've sorted it, thanks."),
    ("Can I do anything else for you while I have you?", "Nope, that's me done."),
    ("Are we all good otherwise?", "All good, eh, thanks."),
]
BYE = [
    "Lovely, thanks for calling {c}, cheerio now.",
    "Thanks for being with {c}. Have a good evening.",
    "No problem at all, take it easy.",
    "Okay, mind how you go. Bye bye.",
    "You're welcome. Enjoy the rest of your day, eh.",
    "Thanks, all the best from all of us at {c}.",
]
CUSTOMER_BYE = ["Cheerio.", "Thanks a million, bye.", "Okay, cheers now, bye.", "Right, bye bye.",
                "Thanks, take care.", "Bye bye now."]
CALLBACK = [
    ("I'll need to pass this up to our escalations team. Could you phone us again on Monday?", "Fine, Monday so."),
    ("The system's down for that at the moment, so could you try us again in an hour or so?",
     "Right, I'll ring back later."),
    ("Best thing is to give us a call back tomorrow, once the payment has gone through.",
     "Okay, tomorrow then, I suppose."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Hello, you've called {c}. Calls are recorded for training and quality purposes.",
    "Welcome to {c} customer services. We record calls to help train our staff.",
    "Thanks for phoning {c}. Please listen carefully, as our options have changed.",
    "{c}, good day. Your call may be recorded to help us improve.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "If you're calling about {d}, press {k}.",
    "For help from {d}, press {k}.",
    "Press {k} and you'll reach {d}.",
    "To talk to someone in {d}, press {k}.",
    "{D}, that's option {k}.",
    "Option {k}, {d}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "To talk about leaving us, press {k}.",
    "If you want to cancel, or not renew, press {k}.",
    "For cancellations and the end of your contract, press {k}.",
    "Thinking of switching provider? Press {k}.",
]

SECURITY_QUESTIONS = [
    ("The name of the street you grew up on?", ["Main Street", "Church Road", "Long Street", "Maple Avenue"]),
    ("Your first school, what was it called?", ["Saint Patrick's", "Glenview", "Lakeside", "Greenhill"]),
    ("What was your nickname as a child?", ["Buddy", "Sparky", "Wee Man", "Pip"]),
    ("What's your grandmother's first name?", ["Maureen", "Agnes", "Bridget", "Elsie"]),
    ("Which team did you support growing up?", ["Celtic", "the Leafs", "Leinster", "the Sharks"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["the accounts team", "the payments desk", "the bills people", "the billing office"],
    "technical_support": ["the tech team", "the broadband engineers", "the fault desk", "tech",
                          "the technical helpdesk"],
    "customer_care": ["the customer service desk", "the complaints team", "the care team", "customer experience"],
    "sales": ["the sales desk", "the upgrades team", "the new customers team", "sales and upgrades"],
    "retentions": ["the loyalty folks", "the cancellations desk", "the saves team", "the closures team"],
    "ivr": ["the phone menu", "the automated options", "the recorded menu"],
}
