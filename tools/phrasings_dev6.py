"""Sixth tuning phrase bank for tools/make_calls.py (``--phrasing dev6``).

The same acts as the default banks in make_calls.py and tools/phrasings_dev2.py ...
tools/phrasings_dev5.py, worded the way yet another set of contact centres might say them:
the register of a bank / credit-card issuer, an airline, a water utility, an online retailer
and a government-style benefits line (cardholders, boarding passes, water meters, returns
labels, claims and claimants); Irish ("grand so", "what's the story"), Scottish ("hen", "a
wee while", "that's me sorted"), Indian-English ("please be on the line"), Nigerian-English
("no wahala", "haba", "hold small") and Australian speakers; very terse agents ("Account
number, go on.", "Please hold. One minute.") next to very chatty ones.  Holds are announced in other shapes
("could you hang fire while I check", "let me park you on hold", "I'll just bung you on hold
for two minutes"), returns from hold say "I've taken you off hold" or "thanks for hanging fire";
transfers use "bring in", "pop you over to", "line you up with", "hand this call to";
receiving agents say "I see you've come over from my colleague" or "they've briefed me"
(never naming the department the call came from, which the template cannot know); IVR
menus use "say {D}, or press {k}", "{k} gets you {d}" and "tap {k}"; and the departments
have other names again ("money matters", "the digital support team", "passenger services",
"the bookings desk", "the exits team", "the self service line").

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
        "Account number, go on.",
        "Grand so, can you call out the account number for me there?",
        "Please, what is your account number, sir?",
        "Could you give me the customer account number from the top of your water bill?",
        "Oh lovely, and do you happen to have your account number nearby? Honestly, no rush, "
        "take all the time you need to find it.",
        "Now, to find you on the system, I'd be looking for the account number.",
        "Tell me the account number, let me check it.",
        "Your benefits account number, please. It's printed on any letter we've sent you.",
        "Eight digits of the current account, please.",
    ],
    "date_of_birth": [
        "Date of birth, then.",
        "Can you tell me your date of birth, madam?",
        "Let me have the date of birth of the main cardholder, that's yourself, is it?",
        "Ah sure look, what's your date of birth there?",
        "And your date of birth, ma, please?",
        "I'd love to know your date of birth, and yes, I'm afraid that does mean the year as well.",
        "Your date of birth, exactly as it is on your passport, please.",
        "What date of birth did you put on the claim form?",
    ],
    "postcode": [
        "Now your {pc}, please.",
        "Can you confirm the {pc} that's on your card statements?",
        "What {pc} did you give us when you opened the account?",
        "And what's your {pc}, hen?",
        "Please, your {pc}, let me confirm it.",
        "What {pc} is on your claim?",
        "And the {pc} for your home address, the one on the booking?",
    ],
    "address": [
        "First line of your address.",
        "What address is the card account registered to? House number and street is enough.",
        "Which address are you registered at with us, hen?",
        "Please, what is your house address?",
        "Tell me the address of the property we supply water to.",
        "Could you talk me through your home address, the number and the street?",
        "Where do we post your card statements to? Just the house and the street.",
        "I'll take the address now, number and street name is grand.",
    ],
    "phone_number": [
        "Phone number on the account.",
        "What mobile number have you registered for your security codes?",
        "Which phone number should I have for you, the one on your booking?",
        "Please, your phone number, the one linked to this account.",
        "Give us the number we'd ring you on, hen.",
        "What number do you get our text alerts on?",
        "The telephone number on your claim, please, in case we need to ring you back.",
    ],
    "card_last4": [
        "Card, last four digits.",
        "Can you pick up your credit card and tell me the last block of four digits?",
        "The card you booked with, what are its last four numbers?",
        "Please, the last four digits of your A T M card.",
        "Don't give me the whole card number, just the last four, please.",
        "Which card did you pay with online? I only need the last four digits of it.",
        "And the credit card, sir, the four numbers at the end of it, please?",
    ],
    "full_name": [
        "Full name, go ahead.",
        "Can I take your name as it's printed on your card?",
        "What's your name, exactly as it appears on your passport?",
        "And who's calling today? Your full name, so I can say hello properly.",
        "Your good self, what is your full name, please?",
        "Surname first, then your first name, please.",
        "Can I just get the claimant's full name?",
        "Who's this I'm speaking to, your full name there?",
    ],
    "security_answer": [
        "Security question. {q}",
        "Now, the one you set up along with your online banking. {q}",
        "{q} Take your time with that one.",
        "I have to ask you your secret question, please bear with me. {q}",
        "Right, here's one for you. {q}",
        "Okay, the last hurdle now. {q}",
        "Please, answer this one for me, it's your security question. {q}",
    ],
    "email": [
        "Your email. Go on.",
        "What email do your boarding passes get sent to?",
        "Which email do you log in with on the website?",
        "Please, spell out your email address for me.",
        "Can you give me the email on the account, letter by letter if it's an unusual one?",
        "And your email, my friend?",
        "The email address your e statements land in, please.",
    ],
    "pin": [
        "PIN, please.",
        "Your four digit telephone banking PIN, please.",
        "Could I have your phone banking passcode? It's four numbers.",
        "Please, what is your PIN?",
        "And the PIN you picked, the four digits, can you say them for me?",
        "I'll need the PIN for phone access now, four digits.",
        "There's a PIN on your claim for phone calls, what is it?",
    ],
}
ITEM_NOUN = {
    "account_number": ["account number off your statement", "eight digit account number",
                       "account number on your letters"],
    "date_of_birth": ["date of birth as on your passport", "birth date including the year", "full birth date"],
    "postcode": ["{pc} at your home address", "{pc} you registered with"],
    "address": ["address on your statements", "house number and road", "home address you registered"],
    "phone_number": ["mobile number you registered", "number you get our texts on", "telephone number on your claim"],
    "card_last4": ["last block of four on your card", "ending digits of your credit card",
                   "final four numbers of the card"],
    "full_name": ["name as printed on the card", "full name including your surname", "name on your passport"],
    "security_answer": ["answer you set for your security question", "answer you gave for the secret question",
                        "answer to the question you picked"],
    "email": ["email you log in with", "spelling of your email address", "email on your booking"],
    "pin": ["phone banking PIN", "four digit passcode", "PIN for phone calls"],
}
REASK = [
    "The {noun} again, please.",
    "Nothing carries over between our systems, I'm afraid, so give me the {noun} again.",
    "Ah, sorry, I've lost it there. The {noun}, one more go?",
    "Please, say the {noun} again for me, this line is not clear.",
    "I have to check the {noun} myself, sorry, house rules.",
    "Could you run the {noun} past me again?",
    "Just for this part of the call, I have to get the {noun} again.",
    "Sorry, I need to hear the {noun} from you directly as well.",
]
ANSWER = [
    "No bother, {v}.",
    "Ehm, {v}.",
    "It's {v}, so it is.",
    "Ah yeah, {v}.",
    "Wait o, it's {v}.",
    "Sure, sure, {v}.",
    "Let me just read it off. {v}.",
    "I have it here, it is {v}.",
    "That's an easy one, {v}.",
    "Right you are, {v}.",
    "Half a sec. {v}.",
    "Should be {v}, if memory serves.",
]
COMPLAIN = [
    "I'm blue in the face saying this. {v}.",
    "Does none of this get passed along? {v}.",
    "For crying out loud, it's {v}, same as the last time.",
    "Ah here, would you ever look at your notes? {v}.",
    "Haba! I have given this one already. {v}.",
    "Mate, it's {v}, and that's the last time I'm saying it.",
    "This is like a broken record. {v}.",
    "I feel like I'm starting over every time. {v}.",
    "Is there an echo on this line? {v}.",
    "You asked me that not five minutes ago. {v}.",
    "Och, I've been over this. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "Please type in your account number. You'll find it on the top right of your statement. Then press {hash}.",
        "Account number now, please, using the number keys. End with {hash}.",
        "So we can look you up, please enter your account number, and press {hash} to finish.",
        "Please enter your account number on your telephone keypad, followed by {hash}. "
        "If you don't know it, just stay on the line.",
    ],
    "date_of_birth": [
        "Please enter your date of birth using eight digits. For example, the fifth of March, nineteen eighty, "
        "would be zero five, zero three, one nine eight zero. Then press {hash}.",
        "Using your keypad, enter the day, the month, and the year of your birth, then {hash}.",
    ],
    "pin": [
        "Now enter your four digit phone banking PIN, and press {hash}.",
        "Please key in the four digit passcode for your account. Press {hash} to confirm.",
    ],
    "card_last4": [
        "Enter the last four digits of the number across your card, then press {hash}.",
        "Please type the final four numbers of your credit or debit card, then the {hash} key.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "There should be an order number on your e receipt, could you read it to me?",
        "For the purchase you're disputing on the card, do you have the shop's order number?",
        "What's the order number printed on the delivery note?",
        "Please, the order number for the item, what is it?",
    ],
    "tracking_number": [
        "We sent the new card out by courier. Have you had a text with a tracking number? Read that out for me.",
        "What's the tracking number on the returns label you posted?",
        "Please, the tracking code for the delivery, do you have it?",
    ],
    "ticket_number": [
        "When you rang about this before, were you given a case number?",
        "Is there a reference at the top of the letter from our complaints people?",
        "Our crew would've left a card through your door with a job reference on it. What does it say?",
        "What's the file reference on your lost baggage report?",
    ],
    "new_delivery_postcode": [
        "If the replacement card's going to your work instead, what's the {pc} there?",
        "And the {pc} of the new address for the delivery, the one you're changing it to?",
        "Your order hasn't shipped yet, so I can still change it. What {pc} should it go to now?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "Could you hang fire for a minute while I check that? I'm putting you on hold.",
    "Let me park you on hold for a minute, I need a word with the fraud team.",
    "Please hold. One minute.",
    "I'll just bung you on hold for two minutes while I ring the depot.",
    "Okay, so here's the plan. I'll put you on hold, have a proper root through the booking, "
    "and come straight back to you. Is that okay?",
    "Let me put you on hold small, I want to confirm something from my side.",
    "I am putting your call on hold for two minutes, sir, please be on the line.",
    "I'll put you on hold a wee while, I need to check this with my senior.",
    "I'll have to hold the call while I fetch your claim file from the other office.",
    "Can you stay on hold for me for two or three minutes while I get this approved?",
    "I'm going to put you on hold for a few minutes while I chase this up.",
    "You'll be on hold for a couple of minutes while I raise this with the airport desk.",
    "Could you hold for me, please? I have to go and ask about this.",
]
ACK = ["Fair enough.", "Go on so.", "No wahala.", "Okay, understood.", "Right you are.", "That's okay with me.",
       "Yes, please.", "Okay, fine, fine.", "Mm, alright.", "Okay, cheers."]
RESUME = [
    "Okay, I've taken you off hold. Thanks for sticking with me.",
    "Thanks a million for waiting there.",
    "Sorry, sir, I am back. Thank you for waiting patiently.",
    "Hello? Ah good, you're still there. Sorry that was so long.",
    "Right, I've spoken to my senior, so thanks for your patience on that.",
    "Back with you. Good news, I think.",
    "Thanks for hanging fire there, I've got what I needed.",
    "Okay, I'm back o. Sorry for the delay.",
    "Cheers for your patience there, mate.",
    "Sorry to leave you sitting there, thanks for staying with me.",
]
CHECKIN = [
    "Hiya, still on it, just a couple more minutes on hold, if you don't mind.",
    "Quick word, the other office hasn't come back to me yet. I'm going to put you back on hold for another minute.",
    "Are you still there, sir? Please give me two more minutes on hold.",
    "Still waiting on approval, I'm afraid. Can you hang fire a bit longer?",
    "I haven't disappeared, honest. Nearly there, another minute.",
    "Hello, it's me again, sorry, this is taking a while. Can I keep you on hold a bit longer?",
]
CHECKIN_REPLY = ["Aye, on you go.", "Okay, I'm not in a hurry.", "Fine, I'll stay on.", "No wahala.",
                 "Go on, I'll wait.", "Right so, I'll hang on."]
PATIENCE = [
    "Hold tight. The person you were speaking to will be back on the line soon.",
    "This call is on hold. Please keep the line open.",
    "You're still on hold. Thank you for giving us a little more time.",
    "While you're on hold, please don't hang up, or you may need to call us again.",
    "Please continue holding. Your advisor will pick the call back up in a moment.",
]
QUEUE_ANN = [
    "Queue position: {n}.",
    "Thanks for holding. {n} calls are waiting to be answered before yours.",
    "Our team are busy helping others. We'll answer you as soon as a line frees up.",
    "Tip: you can freeze a lost card instantly in our app.",
    "Travelling soon? You can check in online from twenty four hours before your flight.",
    "If you're reporting a leak, you can also use the form on our website.",
    "Please hold. Your call moves up each time a call is answered, and you're now number {n}.",
]
CANCELLED_HOLD = [
    "Could you hang fire while I check? Ah no, wait, you're grand, it's there.",
    "I'll just shove you on hold. Oh, no, I can see the payment now, no need.",
    "Let me put you on hold small. Ah, sorry, no need, the system has brought it up.",
    "Please hold for me while I, no, sorry, cancel that, the booking's just loaded.",
    "I'll put you on hold a sec. Och, no, you're alright, I've got it now.",
    "Okay, so I'm going to put you on a quick hold and, oh, no, look, there it is, brilliant, no hold needed after all.",
    "Hold, please. No, sorry, my mistake, I have it.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "On the card reader, press the red cancel button and keep holding it until the screen clears.",
    "Put your thumb on the fingerprint sensor and hold it there until the phone vibrates.",
    "Hold your finger on our app's icon until a little menu pops up.",
    "On the water meter, hold the little blue button down for three seconds and the reading will show.",
    "Hold down the shift key while you click the refresh button.",
    "On the tablet, hold the top button down until you see the slider to power off.",
    "On the leak detector, hold the test button until it beeps three times.",
]
PRESS_HOLD_REPLY = ["Okay, it's vibrated.", "Right, the menu's come up.", "It's showing the reading now.",
                    "Okay, three beeps.", "The screen's gone blank.", "I'm holding it, nothing yet. Oh, there it goes."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I was left on hold for forty five minutes on Friday.",
    "The last time I phoned about my claim, I was on hold so long my phone died.",
    "I've been holding since the lines opened this morning.",
    "Your airport desk kept me on hold while my flight was boarding.",
    "Even your web chat put me on hold yesterday, if you can believe it.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "I'm going to bring in {d}, they'll take the call from here.",
    "Let me pop you over to {d}.",
    "{D} will take it from here, I'm sending you through now.",
    "I'll line you up with {d}, just stay where you are.",
    "That sits with {d}, not me, so I'm transferring you.",
    "Please, I will transfer you to {d} now, don't drop the call.",
    "Sir, I am transferring this call to {d}, please be on the line.",
    "Your call's being moved to {d} now.",
    "Right, I'll send you over to {d}, and I've popped a note on your file for them.",
    "I'll get you through to {d}, hang on.",
    "I'm putting you over to {d}, hen, they'll sort you out.",
    "Give me a sec and I'll hand this call to {d}.",
]
TO_IVR = [
    "I'll hand you back to the recorded voice, and the options will play again for you.",
    "Sorry, I'm going to bounce you back to the keypad menu, listen for the one that fits your query.",
    "Let me return your call to the main options, they'll be read out again.",
    "I'm sending you back to the self service line, choose again from the list.",
    "I'll transfer you back to the options line now, please pick again from there.",
]
LOOP_COMPLAINT = [
    "{d}? Sure they're the crowd who put me on to you!",
    "No, no, {d} already told me they can't do it.",
    "Haba, {d} again? I was just there.",
    "I've been bounced from {d} to you, and now back again.",
    "That's madness, {d} had me ten minutes ago.",
    "Round and round we go. Back to {d}, is it?",
    "Why {d}? They said it wasn't theirs to deal with.",
]
GREET = [
    "Hello, {D}, {n} here. Go ahead.",
    "Oh, hello there! You've got {n} in {d}, and I hope your day's going better than the weather. "
    "What can I help you with?",
    "{n}, {D}. How can I help?",
    "Hi, you're speaking with {n}, and this is {d}. How can I be of help today?",
    "Good day, {n} speaking from {d}. How may I help you, please?",
    "Howya, {n} in {d} here. What's the story?",
    "Hiya, it's {n} in {d}, how are you doing the day?",
    "Welcome to {d}, I'm {n}, and I'll be looking after you today. What's the call about?",
    "Morning, {n} answering for {d}. What's happening?",
]
GREET_TRANSFERRED = [
    "Hi, it's {n} in {d}. I see you've come over from my colleague, so what can I do?",
    "Hello, {n} here, {d}. They've briefed me a little, but tell me in your own words what's going on.",
    "{D}, {n} speaking. I'm told you've been sent along to us, how can I help?",
    "Hi there, {n} picking up in {d}. You've been passed along to me, is that right?",
    "Good day, this is {n} from {d}. Sorry you've been moved around, how can I help?",
    "Hey, {n} here in {d}. My colleague gave me a heads up, so fill me in from your side.",
    "Hi, {n}, {D}. Your call has just come through to me from another team.",
]
AGAIN = [
    "{n} again. Welcome back.",
    "Ah, it's {n}, you've ended up back with me, sorry about that.",
    "Hiya, this is {n}, we were chatting earlier.",
    "Hello again, sir, {n} here. I took your call before.",
    "It's {n}, you had me a few minutes back.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Okay, let me look you up.", "Right, typing that in.", "Okay, the page is loading.",
              "Give me a wee second.", "Let me see what we have.", "Checking now.", "Ehm, okay, searching."]
LOOKUP_POST = ["Okay, it's loaded.", "Ah, got you now.", "There, that's your file open.",
               "Sorry, the system is very slow this morning. Okay.", "Grand, I have you now.",
               "Okay, I see the booking."]
CLOSE = [
    ("Is there any other thing I can do for you today?", "No, that's all from me, thank you."),
    ("Anything else while you're on?", "No, you're alright, thanks."),
    ("Can I help with anything else, or is that you sorted?", "That's me sorted, thanks."),
    ("Before I let you go, is there anything else?", "No, I think that's it."),
    ("Anything more?", "No."),
]
BYE = [
    "Thanks for calling {c}. Safe travels.",
    "Okay so, mind yourself, bye bye now.",
    "Thanks for calling, have a blessed day.",
    "Done. Bye now.",
    "On that note, I'll let you go. Take care now, and thanks for calling {c}.",
    "Lovely chatting to you, and thanks again for ringing {c}. Bye for now.",
]
CUSTOMER_BYE = ["Bye bye, thanks.", "Okay, God bless.", "Thanks, cheers, bye.", "Right, ta ta.",
                "Thanks so much, bye now.", "Okay. Bye."]
CALLBACK = [
    ("The refunds people only work weekdays, so could you ring us back on Monday morning?",
     "Monday morning, grand."),
    ("Your claim's with a decision maker right now. Please call us again next week, after Tuesday.",
     "After Tuesday, okay."),
    ("The flight list isn't updated yet. Could you phone back in about three hours?", "Three hours, alright."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Hi there, {c} here. We record our calls.",
    "You've come through to {c}. Calls are recorded and may be listened to for training.",
    "This is {c}. Our calls are recorded so we can keep improving.",
    "Thank you for calling {c}, the line for customers and claimants. Calls are recorded.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "For {d}, say {D}, or press {k}.",
    "{k} gets you {d}.",
    "To speak to {d}, press the {k} key.",
    "Press {k} for anything to do with {d}.",
    "{D}? Just press {k}.",
    "For {d}, tap {k} on your keypad.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "To close your account, say close account, or press {k}.",
    "{k} gets you our team for closures and cancellations.",
    "Press {k} if you're thinking of moving your account elsewhere.",
    "If you want to give notice or end your agreement, tap {k}.",
]

SECURITY_QUESTIONS = [
    ("What's the name of the village your mother grew up in?", ["Ballyjamesduff", "Ikorodu", "Pitlochry",
                                                               "Kottayam"]),
    ("What was your first car?", ["a Fiat Panda", "a Peugeot", "a Corolla", "a Mini"]),
    ("Which city did you first fly to?", ["Lagos", "Malaga", "Glasgow", "Mumbai"]),
    ("What's your favourite film?", ["The Commitments", "Braveheart", "Sholay", "Titanic"]),
    ("What's your oldest cousin's first name?", ["Siobhan", "Chidi", "Ailsa", "Priya"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["the statements team", "the payments unit", "the fees and arrears desk", "the accounts crowd",
                "money matters"],
    "technical_support": ["the digital support team", "the app helpdesk", "the technical lads",
                          "the online services desk", "the systems crew"],
    "customer_care": ["passenger services", "the service recovery team", "the customer support centre",
                      "the case handling unit", "the customer welfare desk"],
    "sales": ["the bookings desk", "the new business team", "the offers desk", "the lending and products team",
              "the new accounts unit"],
    "retentions": ["the customer loyalty line", "the exits team", "the switching desk", "the retention office"],
    "ivr": ["the self service line", "the options line", "the keypad menu"],
}
