"""Held-out phrase bank for tools/make_calls.py (``--phrasing heldout``).

Every bank in make_calls.py has a counterpart here with the same name and the same format
placeholders, but none of the sentences: agents, IVR prompts and customers say the same
things in other words, and departments go by other names (``DEPT_ALIASES``).  Calls built
from this bank score detectors on wording they were never tuned on.

Keep this file out of the material given to whoever writes the detectors: the point is
that they never see these phrasings.

Placeholders (filled in by make_calls.Scenario.pick):
  {pc}   "postcode" (UK calls) or "zip code" (US calls)
  {q}    the customer's security question
  {hash} "hash" (UK) or "pound" (US)
  {noun} an ITEM_NOUN phrase          {v} the value being given
  {d}    a department alias            {D} the alias without a leading "the ", capitalised
  {n}    agent first name / queue position word     {c} company name     {k} keypad digit
"""

# Identity requests, one list per identity item.
ASK = {
    "account_number": ["I'll need the digits on the account.", "Have you got your account number there?",
                       "What's your customer number, please?", "Let's start with your account number.",
                       "Can you read out the account number for me?"],
    "date_of_birth": ["When's your birthday?", "Can you tell me the date you were born?",
                      "I'll just need your D O B.", "And what's your birthday, day, month and year?",
                      "Could I get your date of birth to go with that?"],
    "postcode": ["Which {pc} are you at?", "What {pc} is the account registered to?",
                 "Can I grab the {pc} for the property?", "And your {pc}?"],
    "address": ["What's the house number and street name?", "Where do we send your bills to?",
                "Can you tell me the address the account is registered at?", "Which address is on the account?"],
    "phone_number": ["Which mobile number is linked to the account?", "Could I take the contact number on file?",
                     "Can you give me the number you registered with?", "What number have we got for you on the system?"],
    "card_last4": ["Pop the last four of your card number over to me.", "What does the card on the account end in?",
                   "I'll need the final four digits of your payment card.",
                   "Which card do you pay with? Just the last four numbers."],
    "full_name": ["Who's the account holder?", "Can I get your first name and surname?",
                  "And who have I got on the line?", "What name is the account under?"],
    "security_answer": ["I'll need the answer to your security question. {q}", "Let's do your memorable question. {q}",
                        "Okay, quick security check. {q}", "One more for security. {q}"],
    "email": ["Which email is registered to your account?", "What email do you use with us?",
              "Could I get the email address you signed up with?", "And your email, please?"],
    "pin": ["What's your four digit passcode?", "Can you tell me your account PIN?",
            "I'll need your PIN to go any further.", "And the passcode, please?"],
}
# What an agent calls an item when asking for it again (lists: one is chosen per re-ask).
ITEM_NOUN = {
    "account_number": ["customer number", "account reference"],
    "date_of_birth": ["birthday", "D O B"],
    "postcode": ["{pc} for the property", "{pc}"],
    "address": ["home address", "house number and street"],
    "phone_number": ["mobile number", "contact number"],
    "card_last4": ["card ending", "last four numbers on your card"],
    "full_name": ["first and last name", "name"],
    "security_answer": ["memorable word", "answer to your security question"],
    "email": ["email", "registered email"],
    "pin": ["passcode", "four digit code"],
}
REASK = ["Sorry, could I get your {noun} one more time?", "I just need to re-confirm your {noun}, if that's okay.",
         "Can you run me through your {noun} again?", "For my records, what's your {noun}?",
         "I know it's a pain, but what's your {noun}?"]
ANSWER = ["Yep, {v}.", "That'll be {v}.", "Um, {v}.", "I think it's {v}.", "Right, {v}.", "Let me think. {v}."]
COMPLAIN = ["I've been through this already. {v}.", "Didn't the last person pass that on? {v}.",
            "How many times do I have to say it? {v}.", "I keyed that in at the start! {v}.",
            "Same as I told your colleague, {v}."]
IVR_COLLECT = {
    "account_number": ["Please type in your account number using the keys on your phone, then press {hash}.",
                       "To help us find your details, key in your account number now, ending with {hash}."],
    "date_of_birth": ["Enter your date of birth, two digits for the day, two for the month and four for the year, then {hash}.",
                      "For security, tap in your date of birth now, and finish with the {hash} key."],
    "pin": ["For security, please key in your four digit passcode, then press {hash}.",
            "Now enter your secret four digit number, and then {hash}."],
    "card_last4": ["Enter the last four numbers of your payment card, followed by {hash}.",
                   "Please tap in the final four digits of the card you pay with, then {hash}."],
}
# Requests that are NOT identity checks (the kinds and answers come from make_calls.DISTRACTORS).
DISTRACTORS = {
    "order_number": ["What's the order reference on your confirmation email?",
                     "Have you got the order number from the receipt?"],
    "tracking_number": ["Have you got the tracking code from the courier?",
                        "What's the consignment number on the delivery note?"],
    "ticket_number": ["Do you have the case reference from when you last rang?",
                      "Did they give you a fault reference last time? What was it?"],
    "new_delivery_postcode": ["What's the {pc} where you'd like it delivered now?",
                              "And the {pc} of the new place we're sending it to?"],
}

# Holds and queues.
HOLD_ANNOUNCE = ["Mind if I put you on a quick hold?", "I'm just going to stick you on hold for a minute or two.",
                 "Can you hold the line for me while I look into that?",
                 "I'll need to check with my supervisor, so I'm going to put you on hold, is that okay?",
                 "Let me pop you on hold briefly while I pull that up."]
ACK = ["Yeah, go on.", "No worries.", "Fine.", "Sure, go ahead.", "Mm, okay.", "That's okay."]
RESUME = ["Sorry to keep you.", "Right, thanks for bearing with me.", "Apologies for the wait.",
          "Okay, I'm back with you now.", "Thanks for your patience there."]
CHECKIN = ["Sorry, still waiting on my colleague, it won't be much longer.",
           "Hello? Just letting you know I'm still on it, one more minute.", "Still with me? Nearly there."]
CHECKIN_REPLY = ["Yeah, I'm here.", "Still here, no worries.", "Uh huh."]
PATIENCE = ["Please continue to hold, your advisor will be back with you shortly.",
            "Thanks for waiting. Someone will be with you as soon as possible.",
            "You're still on hold. Please don't hang up."]
QUEUE_ANN = ["We're experiencing a high volume of calls right now. Please stay on the line.",
             "Thanks for waiting. You're currently {n} in line.",
             "Calls are answered in the order they're received, so please don't hang up.",
             "Lots of things can be done in our app, without waiting on the phone."]
CANCELLED_HOLD = ["Give me a sec, I'll just pop you on hold. Oh no, hang on, it's loaded.",
                  "I'm going to have to put you on hold. Actually, scratch that, I've found it.",
                  "Let me put you on hold quickly. Oh, no need, it's just come through."]
PRESS_HOLD = ["Keep your finger on the reset button for about fifteen seconds.",
              "Hold the power key down until the screen goes black.",
              "Could you hold down the button on the back until the lights go off?",
              "Press the W P S button and keep it held in for five seconds."]
PRESS_HOLD_REPLY = ["Okay, I've got it held down.", "Right, done that.", "The lights have all gone off now."]
HOLD_MENTION = ["Last time I rang I was left hanging for nearly an hour.",
                "I've been sat waiting in that queue for twenty minutes.",
                "Your hold music's been stuck in my head all morning."]

# Transfers and departments.
TRANSFER = ["Let me get you over to {d}.", "Bear with me while I transfer you to {d}.",
            "{D} will need to sort that out, so I'm putting you through.",
            "The best people for this are {d}, I'll pop you across now.",
            "I'll move you across to {d}, just stay on the line for me.",
            "I'm going to hand you over to {d}, they deal with that."]
TO_IVR = ["I'll pop you back to the automated options so you can pick the right one.",
          "Let me send you back to the start of the phone menu, you'll want a different option.",
          "I'll take you back to the recorded menu and you can select the right team from there."]
LOOP_COMPLAINT = ["Hang on, {d} just passed me to you!", "You're sending me back to {d}? Seriously?",
                  "I'm going round in circles here.", "That's where I started!"]
GREET = ["You're through to {d}, {n} speaking.", "Hello, {n} from {d}, how can I help today?",
         "Morning, you've reached {d}. I'm {n}, what can I do for you?", "{D}, {n} here, how can I help?"]
GREET_TRANSFERRED = ["Hello, {n} in {d}. My colleague's filled me in, what's going on?",
                     "Hi there, you've been put through to {d}, I'm {n}. How can I help?",
                     "{D}, {n} speaking. I hear you've been passed around a bit, sorry about that."]
AGAIN = ["Hello again, it's {n}.", "{n} here again, welcome back.", "Oh hi, it's {n} again, they've sent you back to me."]
# Held-out names for departments in speech (transfers, greetings, the IVR menu); one is
# chosen each time.  make_calls.DEPT_SPOKEN is the default-bank counterpart.
DEPT_ALIASES = {
    "billing": ["accounts", "the billing team", "the accounts department"],
    "technical_support": ["tech support", "the technical team", "the help desk"],
    "customer_care": ["customer services", "the customer service team", "customer relations"],
    "sales": ["the sales team", "new accounts", "sales and upgrades"],
    "retentions": ["the loyalty team", "cancellations", "customer retention"],
    "ivr": ["the automated menu", "the options menu"],
}

# IVR.
IVR_WELCOME = ["Welcome to {c}. This call may be monitored or recorded.",
               "Hello, and thanks for calling {c}. We may record this call to help us improve our service."]
IVR_MENU_OPTION = ["For {d}, press {k}.", "If you need {d}, press {k}.", "To speak to {d}, press {k}."]
IVR_MENU_LEAVE = ["If you're thinking of leaving us, press {k}.", "To end your contract, press {k}."]

# Dead air, closing.
LOOKUP_PRE = ["Hmm, okay.", "Let me have a look.", "Okay, so.", "Right then.", "Uh huh."]
LOOKUP_POST = ["Okay, here we go.", "Sorry, it's taking its time. Right.", "Got it.", "There we are, it's loaded."]
CLOSE = [("Can I help with anything else while you're on?", "No, that's it, cheers."),
         ("Is that everything for today?", "Yes, all sorted, thank you."),
         ("Was there anything else?", "No, you've been really helpful.")]
BYE = ["Thanks for choosing {c}, take care.", "Enjoy the rest of your day, bye bye.", "Cheers, speak soon. Bye."]
CUSTOMER_BYE = ["Bye bye.", "Cheers, take care.", "Ta, bye."]
CALLBACK = [("I'll have to pass this on to the escalations team. Could you ring back tomorrow?",
             "Okay, I'll try again tomorrow."),
            ("The system for that is down at the moment, are you able to call back later today?",
             "Sure, I'll call back later.")]

# Security questions and possible answers (the question fills {q}).
SECURITY_QUESTIONS = [("What was the make of your first car?", ["Ford", "Fiat", "Vauxhall"]),
                      ("Which town were you born in?", ["Leeds", "Bristol", "Swindon"]),
                      ("What was your childhood nickname?", ["Buster", "Sparky", "Noodle"])]
