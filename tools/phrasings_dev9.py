"""Ninth tuning phrase bank for tools/make_calls.py (``--phrasing dev9``).

The same acts as the default banks in make_calls.py and tools/phrasings_dev2.py ...
tools/phrasings_dev8.py, worded the way yet another set of contact centres might say them:
the register of a car-leasing firm (lease agreements, wallbox chargers, end of lease
inspections, spare keys), a rail operator's season ticket and delay repay office
(smartcards, season tickets, delay repay claims), a housing association's rent and repairs
line (tenancies, rent statements, repair job numbers, smoke alarms), a mortgage lender
(mortgage statements, valuations, underwriters, redemptions), a home alarm monitoring
company (alarm keypads, sensors, the response centre) and a workplace pension provider
(scheme members, contributions, scheme administrators); Northern Irish ("bout ye", "so it
is", "wee", "dead on", "catch yourself on", "ye"), Geordie ("pet", "howay", "why aye",
"canny", "gan", "me" for "my"), Kenyan English ("sawa", "pole", "asante", "aki", "habari",
"full names"), Brummie ("bab", "ow am ya", "tara-a-bit"), Cornish ("my 'ansum", "my lover",
"where you to", "proper job") and New York ("gimme", "whaddya", "you're all set", "what can I
do ya for") speakers; apologetic agents who say sorry before every question ("Sorry to be a
pain, but..."), agents who ask with a question tag or put the item last ("You'll have the
account number there, will you?", "First thing I'll need off you ... is your account
number"), and terse ones ("{n}, {D}, go ahead.").  Identity requests are also made
indirectly ("Whose name's the lease in?", "Where you to, my 'ansum? The address, I mean").
Re-asks come from the same agent after a crash or a reloaded page, and from a receiving
agent whose colleague's notes "don't carry over".  Holds are announced in other shapes ("on
hold you go, just briefly", "I'll put ye on hold while I gan and ask me supervisor", "let me
put you on hold for some minutes as I confirm", "can you stay on hold for me while I ring the
alarm response centre"), returns say "I'm back with ye now, so I am", "asante for waiting"
or "there we are, my lover, I'm back with you"; transfers use "hand ye on to", "put you
across", "moving the call over to", "get ... on the line for you", "pass this call to",
"your call's going through to", with the department first ("{D} look after that...") or
last; receiving agents say "me colleague's filled us in", "I've read what they put on" or
"I've picked up the call notes" (never naming the department the call came from, which the
template cannot know); IVR menus use "{D}, option {k}", "option {k} connects you with {d}",
"your option is {k}", "number {k} puts you through to {d}", "try {k}" and "press the number
{k}"; and the departments have other names again ("the rent accounts team", "the alarm
monitoring centre", "the delay repay team", "the new leases team", "the redemptions
office", "the call steering menu").

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
        "Your account number, that's on the front of the lease agreement, could you read it out?",
        "Bout ye. Before anything else I'll need the account number, so I will.",
        "Howay then pet, what's the account number?",
        "Sawa, can you give me your account number first?",
        "Ow am ya, bab? Let's start with your account number.",
        "Right my 'ansum, the account number, is it? It'll be printed on your rent statement.",
        "OK so I'm gonna need your account number. You got it in front of you?",
        "Sorry to be a pain before we've even started, but would you mind reading me your account number?",
        "You'll have the account number on your mortgage statement there, will you? Read it out for me.",
        "First thing I'll need off you, and it's on every letter we send, is your account number.",
    ],
    "date_of_birth": [
        "I'll need your date of birth now, so I will. Day, month and year.",
        "What's your date of birth, pet? Wi' the year, like.",
        "Then your date of birth, please, including the year.",
        "When's your birthday, bab? Day, month and year.",
        "Date of birth next, my lover, and the year you were born too.",
        "Gimme your date of birth. Month, day, year.",
        "Sorry, I do have to ask everyone this, what's your date of birth?",
        "You were born on what date, now? The whole thing, please.",
        "For the pension file I need the scheme member's date of birth, that's you, so what is it?",
    ],
    "postcode": [
        "What {pc} are ye at, then?",
        "And the {pc}, pet, where ye live?",
        "Which {pc} is the alarm installed at?",
        "Sawa, tell me the {pc} of your home address.",
        "The car's registered at which {pc}?",
        "Whaddya got for a {pc}? The one on the account.",
        "Sorry, one more, could you confirm the {pc} of the home you rent from us?",
        "Let's have the {pc} of the mortgaged property, please, bab.",
    ],
    "address": [
        "Where is it you're living these days? House number and street's all I need.",
        "What's the address, pet? Number an' street.",
        "The address on your lease agreement, house number and street?",
        "Which street are you on, and what number, bab?",
        "Where you to, my 'ansum? The address, I mean, number and road.",
        "Your street address, what is it? Just the number and the street.",
        "Sorry, I know it's a lot of questions, but can I check the first line of the address?",
        "The address the alarm's monitored at, could you read me the first line of that?",
        "And the address of the flat, so, door number and street name?",
    ],
    "phone_number": [
        "What's the best number for ye, the one on the account?",
        "And what phone number have we got for ye, pet?",
        "Which mobile number do we send your alarm alerts to? The one on the account.",
        "The phone number you gave us when you signed the lease, could you tell me that?",
        "What's your phone number, bab, the one you registered?",
        "And a phone number, my lover, the one we've got down for you?",
        "What's ya phone number? The one we got on file.",
        "Sorry, and the contact phone number on your tenancy?",
    ],
    "card_last4": [
        "The card your season ticket's paid on, what are the last four digits?",
        "Last four of the card, pet, just the last four.",
        "Which four digits does the card finish with? I don't want the rest of it.",
        "Sawa, the card, only its last four numbers please.",
        "Tell us the last four digits of your card, bab.",
        "Just the last four of the card, my 'ansum, never the whole thing.",
        "Lemme get the last four on the card you pay with.",
        "Sorry to ask, but the last four digits of the debit card you pay the lease with?",
    ],
    "full_name": [
        "And who am I talking to? Your full name, now.",
        "What's ya full name, pet?",
        "Whose name's the lease in? The full name, please.",
        "Sawa, your full names please, first name and surname.",
        "Your name, bab, first and last?",
        "And your name, my lover, the whole lot?",
        "Who'm I speakin' with? First and last name.",
        "Sorry, I should have asked at the start, what's your full name?",
        "The tenancy is in whose name? Full name, please.",
    ],
    "security_answer": [
        "There's a security question on the file, so there is. {q}",
        "Now, a wee security question for ye. {q}",
        "Howay, security question now, pet. {q}",
        "Sawa, then your secret question. {q}",
        "Your memorable question, bab. {q}",
        "Sorry, last hoop to jump through, I promise. {q}",
        "OK, security question, here it comes. {q}",
        "I'll read out the question you chose when the account was opened, and you tell me the answer. {q}",
    ],
    "email": [
        "And the email address, so? The one on the account.",
        "What email have ye got on there, pet?",
        "Which email do your rent statements go to?",
        "Sawa, your email address please.",
        "Email address, bab, the one you registered.",
        "What's your email, my lover, the one we send your pension statements to?",
        "Gimme your email address, the one on the account.",
        "Sorry, and the email you log in to the lease portal with?",
    ],
    "pin": [
        "Your telephone PIN now, the four numbers, so.",
        "What's ya four digit PIN, pet?",
        "Your four digit phone PIN, please. Not the alarm code, the PIN.",
        "Sawa, the four digit PIN you created?",
        "And the PIN, bab, four digits.",
        "Your PIN, my 'ansum, the four numbers you set up?",
        "I need the PIN. Four digits.",
        "Sorry, I know it's another one, but your four digit account PIN?",
    ],
}
ITEM_NOUN = {
    "account_number": ["account number on your lease agreement", "account number printed on your letters",
                       "number of your account with us"],
    "date_of_birth": ["date of birth, with the year", "date you were born on, year included",
                      "birthday, day, month and year"],
    "postcode": ["{pc} of the property", "{pc} you live at", "{pc} on your tenancy"],
    "address": ["door number and street", "street you live on, with the number", "address on the tenancy"],
    "phone_number": ["phone number we have for you", "mobile on the account", "number we ring you on"],
    "card_last4": ["last four digits on the card", "four digits the card finishes with",
                   "final four digits of your debit card"],
    "full_name": ["full name the account's in", "first name and last name", "name the lease is in"],
    "security_answer": ["answer you gave to your secret question", "answer to the question you set",
                        "security answer on the file"],
    "email": ["email address on the account", "email we write to you on", "email you sign in to the portal with"],
    "pin": ["four digit phone PIN", "PIN for calling us", "PIN you set up for calls"],
}
REASK = [
    "Sorry, can ye give me the {noun} one more time, so?",
    "Howay, me computer's crashed, pet. The {noun} again?",
    "Pole, the network dropped. Please repeat the {noun}.",
    "I can't see what you told the last person, bab, so it's the {noun} again, I'm afraid.",
    "Sorry my 'ansum, the page reloaded on me. What was the {noun}?",
    "Yeah, I'm gonna need the {noun} again, the screen cleared.",
    "I'm so sorry, I've lost that. Would you repeat the {noun}?",
    "My colleague's notes don't carry over to me, so could you tell me the {noun} yourself?",
    "Did you give the {noun} already? It hasn't come through to my side, so once more, please.",
]
ANSWER = [
    "Aye, it's {v}, so it is.",
    "{v}, pet.",
    "Sawa, it's {v}.",
    "It's {v}, bab.",
    "That'll be {v}, my lover.",
    "Uh, yeah, that's {v}.",
    "OK so, {v}.",
    "Let me just find it. Right, {v}.",
    "{v}. I think that's right, anyway.",
    "Should be {v}.",
    "I've got it written down, it's {v}.",
    "Why aye, {v}.",
    "It's {v}, yeah.",
]
COMPLAIN = [
    "Catch yourself on, I just gave ye that. {v}.",
    "Howay man, I've said this twice. {v}.",
    "Aki, again? Sawa. {v}.",
    "Ow many times, bab? {v}.",
    "I've told the last one that, my lover. {v}.",
    "You kiddin' me? I just said it. {v}.",
    "Don't you people share notes? {v}.",
    "Fourth time today I've given that out. {v}.",
    "Why am I repeating myself? {v}.",
    "It must be on your system by now. {v}.",
    "I gave all that at the start. {v}.",
    "Honestly, it's the same question again. {v}.",
]
IVR_COLLECT = {
    "account_number": [
        "Key in your customer account number, then press {hash}.",
        "Your account number is at the top right of your statement. Enter it now and finish by pressing {hash}.",
        "Please tap in the eight digits of your account number. When you have finished, press the {hash} key.",
        "So that we can find your lease, enter your account number followed by {hash}.",
        "Enter your account number now. Press {hash} when done, or stay on the line if you don't know it.",
    ],
    "date_of_birth": [
        "Now key in your date of birth as eight digits, two for the day, two for the month and four for the "
        "year, then {hash}.",
        "Using the keypad, enter the day, month and year you were born, ending with {hash}.",
        "Please tap in your date of birth, then press {hash}.",
    ],
    "pin": [
        "Key in your four digit phone PIN, and then press {hash}.",
        "Please tap in the four digit PIN for your account, then the {hash} key.",
        "Your four digit PIN, please. Enter it now and press {hash}.",
    ],
    "card_last4": [
        "Key in the last four digits of the card you pay by, then {hash}.",
        "Tap in the final four numbers printed on the front of your card, followed by {hash}.",
        "Please enter only the last four digits of your payment card and press {hash}.",
    ],
}
DISTRACTORS = {  # asks for a number that is not an identity item
    "order_number": [
        "The wallbox charger you ordered with the car, what's the order number on that?",
        "Have ye the order number for the replacement smoke detector, so?",
        "What's the order number for the season ticket you bought online, pet?",
        "The key safe you ordered from our shop, can you read me its order number?",
        "Sawa, do you have the order number for the spare door sensors?",
    ],
    "tracking_number": [
        "Did the courier give you a tracking number for the new smartcard, bab?",
        "What's the tracking number on the text about the replacement alarm keypad?",
        "The spare key for the car went out by courier; have you got a tracking number for it?",
        "You got a tracking number for the welcome pack? It's on the shipping email.",
    ],
    "ticket_number": [
        "When you reported the leak, did the repairs line give you a job number?",
        "Is there a delay repay claim reference on the email we sent?",
        "What's the complaint reference from last time, my lover?",
        "Did the engineer leave you an incident number after the alarm went off?",
        "The damage report from the end of lease inspection has a case number on it. What is it?",
    ],
    "new_delivery_postcode": [
        "Where should the new smartcard be posted to? What's the {pc} there?",
        "If the car's being delivered to your work instead, what {pc} is that?",
        "What's the {pc} at your daughter's, so, where you want the keys sent?",
        "Sawa, which {pc} should the courier bring the sensors to?",
    ],
}

# --------------------------------------------------------------------------- holds

HOLD_ANNOUNCE = [
    "I'm gonna put you on hold a minute, OK? Don't hang up.",
    "Would ye mind going on hold for a wee minute while I check with the repairs manager?",
    "Howay, I'll put ye on hold, pet, while I gan and ask me supervisor.",
    "Let me put you on hold for some minutes as I confirm with the finance team, sawa?",
    "I'll put you on hold, bab, two minutes while I check with the garage.",
    "Just popping you on hold a couple of minutes, my lover, while I speak to the scheme administrators.",
    "Sorry, I'm going to have to put you on hold while I check that. I'm so sorry.",
    "You'll be on hold for a minute or two while I read through the inspection report.",
    "Can you stay on hold for me while I ring the alarm response centre?",
    "I need authorisation for that refund, so I'm putting you on hold for about three minutes.",
    "Is it OK to put you on hold? I need to go through the ticket history properly.",
    "On hold you go, just briefly, while I dig out the lease paperwork.",
    "Sawa, I'm placing you on hold now, I need to consult the pensions team. It won't be long.",
    "Right, I'm putting the call on hold now, and I'll be back once I've spoken to the mortgage underwriters.",
]
ACK = ["Aye, dead on.", "Why aye, pet.", "Sawa.", "Alright, bab.", "Proper job.", "Sure, carry on.",
       "That's fine by me.", "OK, no worries.", "Yep, OK.", "Yeah, that suits.", "Mm, fine."]
RESUME = [
    "OK, I'm back, thanks for hangin' on.",
    "I'm back with ye now, so I am. Sorry about the wait.",
    "Howay, I'm back, pet. Thanks for waitin'.",
    "Asante for waiting, I'm back on the call now.",
    "Thanks for waiting, bab, I'm back.",
    "There we are, my lover, I'm back with you.",
    "I'm so sorry that took so long. Thank you for holding.",
    "Back with you now. The manager's approved it.",
    "Thank you for holding. I've got the inspection report in front of me now.",
    "Are you still with me? Great, sorry for the hold.",
    "OK, thanks for bearing with me, I've spoken to the alarm centre.",
]
CHECKIN = [
    "Hiya, just me. Still waiting on the garage, can ye hold a wee bit longer?",
    "Still there, pet? I need a couple more minutes on hold, that alright?",
    "Pole for the delay, I'm still confirming. Please hold a few more minutes.",
    "Sorry, bab, I'm still on with the arrears team. Can you hang on hold a bit more?",
    "Just checking in so you know I haven't forgotten you. Two more minutes on hold, is that OK?",
    "Yeah, it's still loading over here. Can you hold another minute?",
    "I'm so sorry, this is taking ages. Would you mind staying on hold a little longer?",
]
CHECKIN_REPLY = ["Aye, go on.", "Nae bother, pet.", "Sawa, I'll wait.", "Go on then, bab.",
                 "That's alright, my lover.", "Yeah, I'm still here.", "Fine, I'll hold."]
PATIENCE = [
    "Please hold. Your adviser is still dealing with your request.",
    "Thank you for your patience while your adviser looks into this.",
    "You're still on hold. Please don't put the phone down.",
    "Your adviser is aware that you're waiting and will be with you again soon.",
    "We haven't forgotten you. Please stay on the line.",
    "While you're holding, remember you can manage your lease and payments online at any time.",
]
QUEUE_ANN = [
    "Your place in line is number {n}.",
    "There are {n} people ahead of you.",
    "Your call has been placed in a queue. Please stay on the line and an adviser will answer shortly.",
    "Delayed train? You can claim delay repay online without waiting to speak to us.",
    "Did you know you can report a repair online twenty four hours a day?",
    "Thanks for your patience. Callers ahead of you: {n}.",
    "We're experiencing high demand. There are currently {n} calls waiting.",
    "Lines are busy. Please stay on the line for the next available adviser.",
]
CANCELLED_HOLD = [
    "I'll put ye on hold a wee minute, oh no, wait, it's come up. You're dead on.",
    "Let me put you on hold, pet, hang on, nee bother, it's loaded.",
    "Let me put you on hold as I confirm, ah, no, it's there now. Sawa.",
    "I'll put you on hold, bab, oh actually, no need, found it.",
    "I'm gonna put you on hold, oh, no, forget it, it just came up.",
    "Sorry, I'll have to put you on hold, oh, sorry, no I don't, it's just appeared.",
    "I'm about to put you on hold for the report, no, actually, it's right here. No hold needed.",
    "I was going to put you on hold to check with the manager, but the approval's just come through, "
    "so there's no need.",
]
PRESS_HOLD = [  # about pressing and holding a button: not a call hold
    "On the alarm keypad, press and hold the chime button for three seconds until it beeps.",
    "Hold the unlock button on the car key down for ten seconds to resync it.",
    "Press and hold the test button on the smoke alarm until it stops sounding.",
    "Keep the engine start button pressed in for five seconds with your foot on the brake.",
    "Hold down the pairing button on the back of the alarm panel until the light goes blue.",
    "Press the boost button on the thermostat and keep it held until the settings screen comes up.",
    "In the rail app, press and hold your ticket until the barcode gets bigger.",
    "On the wallbox charger, press and hold the stop button for five seconds to reset it.",
]
PRESS_HOLD_REPLY = ["It's beeped.", "Right, the car's flashed its lights.", "OK, it's gone quiet.",
                    "Light's blue, pet.", "Still pressing it, right, settings are up.",
                    "Barcode's bigger now.", "Charger's reset, I think."]
HOLD_MENTION = [  # the customer talks about an earlier hold: not a hold
    "I was on hold to the repairs line for an hour last week, so I was.",
    "The last time I phoned, I sat on hold for forty minutes, pet.",
    "Your finance people kept me holding for ages on Friday.",
    "I was stuck on hold to the rail line all morning, bab.",
    "I got put on hold yesterday and then the call just dropped.",
    "Even my last call, I held for almost thirty minutes on Monday.",
]

# --------------------------------------------------------------------------- transfers / greetings

TRANSFER = [
    "I'll put ye through to {d} now, they're the ones for that.",
    "Howay, I'll hand ye on to {d}, pet, they'll sort it.",
    "Let me connect you with {d}, sawa? Please stay on the line.",
    "It's {d} you want, bab, I'll put you across.",
    "I'm transferring you over to {d} now, my 'ansum.",
    "OK, I'm gonna send ya to {d}. Hang on.",
    "I'm so sorry, that's not us, it's {d}. I'll transfer you now.",
    "{D} look after that, so I'm moving the call over to them.",
    "The best people for this are {d}, and I'm transferring you to them right now.",
    "Transferring the call to {d}.",
    "Bear with me while I get {d} on the line for you. I'm transferring you across.",
    "I'm going to pass this call to {d}; I've written everything up so they'll know the story.",
    "Right, your call's going through to {d} now.",
]
TO_IVR = [
    "I'm going to send ye back to the menu at the start, and ye can pick again.",
    "I'll put you back to the automated options, pet. Choose the one that fits.",
    "Let me return you to the main options, then you select the right one, sawa?",
    "I'll send you back to the recorded bit, bab, pick the right option this time.",
    "I'm gonna kick you back to the automated menu. Just listen for the right number.",
    "Sorry, I'll have to return you to the keypad options so you can choose again.",
]
LOOP_COMPLAINT = [
    "Catch yourself on, {d} sent me to you!",
    "Howay, {d}? I've just come from there!",
    "Aki, {d} are the ones who sent me here.",
    "I've already been through {d}, bab.",
    "But {d} told me to ring you, my lover.",
    "You're sending me back to {d}? They just passed me here!",
    "Wait, I only just left {d}.",
    "Not {d} again, please, they couldn't help.",
]
GREET = [
    "Bout ye, you're through to {n} at {d}. What can I do for ye?",
    "Hiya pet, {n} here on {d}. What can I help ye with?",
    "Habari, this is {n} from {d}. How can I help you today?",
    "Ow am ya, you're speakin' to {n} in {d}. How can I help, bab?",
    "Morning my 'ansum, {n} on {d}, what can I do for you?",
    "{D}, this is {n}, what can I do ya for?",
    "Hello, {d}, you've got {n}. Sorry if you've been waiting, how can I help?",
    "Good afternoon, {n} speaking on behalf of {d}. How may I be of help?",
    "{n}, {D}, go ahead.",
    "Hi, welcome to {d}, I'm {n}. What's brought you to us today?",
]
GREET_TRANSFERRED = [
    "Bout ye, {n} in {d}. I've a wee note here about ye, but tell me yourself.",
    "Hiya pet, {n} on {d}. Me colleague's filled us in, so what's happenin'?",
    "Hello, {n} from {d}. The call has been transferred to me, how can I assist?",
    "Ow am ya, {n} in {d}. I've read what they put on, bab, carry on from there.",
    "Hello, {D}, {n} speaking. They've passed you along to me, what's the trouble?",
    "Hey, {n}, {d}. I got the transfer, what's goin' on?",
    "Hello, you've been put through to {d}, I'm {n}. So sorry for the runaround, how can I help?",
    "{n} in {d}. I've picked up the call notes, so let's take it from there.",
]
AGAIN = [
    "It's {n} again, sure you're back with me.",
    "Hiya pet, {n} here again. Ye've ended up back with us.",
    "Hello again, it's {n}. You have come back to me.",
    "{n} again, bab. They sent you back round, did they?",
    "Oh, it's {n} again, my lover. Back with me, are you?",
    "Yeah, {n} again. Welcome back.",
]

# --------------------------------------------------------------------------- lookups / closing

LOOKUP_PRE = ["Let me pull that up now, so.", "Hang on, pet, I'm just lookin'.", "Sawa, let me check the system.",
              "Just having a look, bab.", "One moment, my lover, I'm searching.", "OK, searchin' now.",
              "Sorry, bear with me while this loads.", "Typing your details in now."]
LOOKUP_POST = ["There ye are now.", "Got ye, pet.", "Sawa, I can see it now.", "Found ya, bab.",
               "There we go, my lover, that's you.", "OK, got it.", "Sorry about that, it's up now."]
CLOSE = [
    ("Is there anything else I can do for ye today?", "No, that's me, thanks."),
    ("Anythin' else, pet?", "Nah, that's canny, ta."),
    ("Is there any other thing I can help you with?", "No, asante."),
    ("Anything else for you, bab?", "No, ta, that's everything."),
    ("Anything else I can do you for, my 'ansum?", "No, proper job, that's all."),
    ("We good? Anything else?", "Nope, we're good."),
]
BYE = [
    "Thanks for calling {c}, take care of yourself now.",
    "See ya later, pet. Thanks for ringin' {c}.",
    "Asante for calling {c}. Kwaheri.",
    "Tara-a-bit, bab.",
    "Thanks for calling {c}, my lover, look after yourself.",
    "Alright, you're all set. Thanks for calling {c}.",
    "Goodbye, and thank you for being with {c}.",
]
CUSTOMER_BYE = ["Cheers, bye now.", "Ta, pet, see ya.", "Asante, bye.", "Tara, bab.", "Bye, my lover.",
                "Thanks, have a good one.", "Thank you, bye-bye."]
CALLBACK = [
    ("The inspection report isn't uploaded yet. Could you ring us back on Thursday once it's in?",
     "Thursday, OK."),
    ("Our repairs scheduler only works mornings, so if you call back tomorrow before twelve they can book "
     "you in.", "Before twelve tomorrow, right."),
    ("The refund team need to see your ticket first, so post it in and call us back in a week.",
     "A week then, fine."),
    ("The valuation won't be back until Monday. Can you give us a ring then?", "OK, Monday then."),
]

# --------------------------------------------------------------------------- IVR

IVR_WELCOME = [
    "Welcome to {c}. We record calls to help train our staff.",
    "Thanks for phoning {c}. Please be aware this call is being recorded.",
    "You're through to {c}. Calls are recorded for quality and security.",
    "{c}, hello. To help us improve, this call may be recorded.",
]
IVR_MENU_OPTION = [  # one wording per menu; {D} is the department capitalised
    "{D}, option {k}.",
    "Option {k} connects you with {d}.",
    "To speak with {d}, press the number {k}.",
    "If you need {d}, your option is {k}.",
    "Number {k} puts you through to {d}.",
    "For anything to do with {d}, {k}.",
    "Try {k} for {d}.",
]
IVR_MENU_LEAVE = [  # the retentions option
    "If you're thinking about ending your lease early, option {k}.",
    "Option {k} is for leaving us or moving your mortgage elsewhere.",
    "To cancel your alarm contract, press the number {k}.",
    "If you'd like to close your account, your option is {k}.",
    "Thinking of leaving? Try {k}.",
]

SECURITY_QUESTIONS = [
    ("What was the name of your first landlord?", ["Mister Quinn", "Missus Robson", "Mister Otieno",
                                                   "Missus Trelawny"]),
    ("Which river did you grow up near?", ["the Lagan", "the Tyne", "the Tana", "the Hudson"]),
    ("What's your favourite pudding?", ["sticky toffee pudding", "saffron buns", "mandazi", "cheesecake"]),
    ("Where did you go on your first school trip?", ["the Giant's Causeway", "Beamish", "Lake Nakuru",
                                                     "the Bronx Zoo"]),
    ("What was your grandad's job?", ["a shipbuilder", "a tin miner", "a tea farmer", "a cab driver"]),
    ("What was the first band you saw live?", ["Snow Patrol", "Lindisfarne", "Sauti Sol", "the Ramones"]),
]

DEPT_ALIASES = {  # spoken names per department; "the ..." is dropped for the capitalised form
    "billing": ["the rent accounts team", "the lease payments desk", "the direct debit office",
                "the arrears and instalments team", "the contributions team", "the season ticket payments line"],
    "technical_support": ["the alarm monitoring centre", "the smartcard helpdesk", "the repairs hub",
                          "the vehicle support line", "the sensors and panels team"],
    "customer_care": ["the tenancy services team", "the delay repay team", "the lessee care team",
                      "the complaints resolution unit", "the scheme members helpline"],
    "sales": ["the new leases team", "the mortgage advice desk", "the season ticket sales office",
              "the new installs desk", "the fleet quotes desk"],
    "retentions": ["the end of contract team", "the lease extensions team", "the redemptions office",
                   "the early termination desk", "the before you switch desk"],
    "ivr": ["the menu at the start", "the number pad options", "the automated front desk",
            "the call steering menu"],
}
