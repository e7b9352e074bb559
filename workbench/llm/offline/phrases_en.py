"""English phrase banks (en-US briefs), the same keys as ``phrases_zh``."""

from __future__ import annotations

HELLO = {
    "named": ("Hi {addr}! ", "{addr}, ", "Hello {addr}! "),
    "lapsed": ("{addr}, it has been a while! ", "Hi {addr}, ", "{addr}, "),
    "plain": ("Hi {addr}! ", "Hello {addr}! ", "{addr}, "),
}

BEATS: dict[str, list[str]] = {
    "hook": [
        "{addr}, this round's deal on {short} is here.",
        "{addr}, a quick word about {product}.",
        "{addr}, news from {brand}.",
        "{occasion} is here, and so is a deal on {product}.",
    ],
    "pain": ["{pain}?", "{pain}? Sound familiar?", "{pain}: it happens."],
    "agitate": [
        "A closer look before you choose helps.",
        "Skip the endless comparing: here are the key facts.",
        "Know the details before you decide.",
    ],
    "feature": [
        "{product}: {points}.",
        "What {product} offers: {points}.",
        "This time it is {product}: {points}.",
    ],
    "point": ["One highlight: {point}.", "Worth knowing: {point}.", "First things first: {point}."],
    "evidence": ["{proof}.", "For reference: {proof}.", "The numbers: {proof}."],
    "interest": [
        "If {interest} matters to you, take a look at {short}.",
        "For {interest}, {short} is worth a look.",
    ],
    "price": ["{short} is {price}.", "{short} costs {price}.", "The price of {short}: {price}."],
    "offer": ["{offer}.", "Here is the deal: {offer}.", "This round, {offer}."],
    "math": ["Do the math: {math}.", "{math}."],
    "deadline": ["Offer ends {deadline}.", "Valid until {deadline}.", "Until {deadline}."],
    "memorable": [
        "{brand}, here for your every day.",
        "{brand}, always around.",
        "Questions? Ask {brand}.",
    ],
    "refer": ["Know someone who needs this? Pass it on.", "Share it with a friend who needs it."],
    "engage": ["Questions? Leave a comment and we will reply.", "Tell us what you want to know."],
}

DIALECT: dict[str, dict[str, str]] = {}

GET = {
    "goods": "order",
    "telecom": "sign up",
    "hotel": "book",
    "b2b_service": "talk to us",
    "education": "enrol",
    "finance": "learn more",
    "service": "book",
}

CTA: dict[str, list[str]] = {
    "acquire": [
        "See the details",
        "Take a look",
        "Learn about {short}",
        "Open the link for more",
        "Read more at the link",
    ],
    "activate": [
        "See this round's perk",
        "Come take a look",
        "Open your perk",
        "The perk is at the link",
        "Tap for your perk",
    ],
    "convert": [
        "Tap to {get}",
        "{get_cap} today",
        "{get_cap} now",
        "Open the link to {get}",
        "{get_cap} at the link",
    ],
    "repurchase": [
        "{get_cap} again",
        "{get_cap} while the deal lasts",
        "Tap to {get} again",
        "Open the link to {get}",
        "{get_cap} at the link",
    ],
    "refer": [
        "Share with a friend",
        "Tell a friend",
        "Pass it on",
        "Send it to a friend",
        "Forward it to someone who needs it",
    ],
}
CTA_NO_LINK: dict[str, list[str]] = {
    "acquire": ["Ask {brand} for details", "Visit {brand}", "Ask us about {short}",
                "Message {brand} for more", "Drop {brand} a line"],
    "activate": ["Ask {brand} about your perk", "Come take a look", "Ask us for your perk",
                 "Message {brand} for your perk", "Drop by {brand}"],
    "convert": ["Contact {brand} to {get}", "{get_cap} with {brand}", "Ask us to {get}",
                "Message {brand} to {get}", "Call {brand} to {get}"],
    "repurchase": ["{get_cap} again with {brand}", "Contact {brand} to {get}",
                   "Ask us to {get} again", "Message {brand} to {get}", "Call {brand} to {get}"],
    "refer": ["Share with a friend", "Tell a friend", "Pass it on", "Send it to a friend",
              "Forward it to someone who needs it"],
}  # fmt: skip
# At most 16 weighted characters (ASCII counts half): the last shot's caption carries it.
PLATFORM_CTA: dict[str, dict[str, list[str]]] = {
    "douyin": {"goods": ["Tap the cart to {get}", "{get_cap} via the cart icon"],
               "service": ["{get_cap} via our profile", "See our profile to {get}"]},
    "kuaishou": {"goods": ["Tap the cart to {get}", "{get_cap} via the cart icon"],
                 "service": ["{get_cap} via our profile", "See our profile to {get}"]},
    "channels": {"goods": ["{get_cap} via the product card", "Tap the product card"],
                 "service": ["{get_cap} via the link below", "Tap the link below"]},
    "xiaohongshu": {"goods": ["{get_cap} via the product card", "Tap the product card"],
                    "service": ["{get_cap} via the product card", "Tap the product card"]},
}  # fmt: skip
POSTER_CTA = {
    "acquire": ("Learn more", "See details"),
    "activate": ("See perk", "Take a look"),
    "convert": ("{get_cap} now", "{get_cap} today"),
    "repurchase": ("{get_cap} again", "{get_cap} now"),
    "refer": ("Share", "Tell a friend"),
}

# The instruction sheet's first row (after "How to book: "): a concrete step, never the CTA
# again ("How to book: Book now.").
HOW: dict[str, tuple[str, ...]] = {
    "below": ("open the link below", "use the link at the end", "tap the link at the bottom"),
    "link": ("open this link", "tap this link", "use this link"),
    "contact": ("contact {brand}", "message {brand}", "ask {brand}"),
    "terse": ("ask us",),  # a card too tight for more (the brand posts it)
}
LABELS = {
    "product": "Product",
    "service": "Service",
    "price": "Price",
    "offer": "Deal",
    "deadline": "Ends",
    "points": "Highlights",
    "proof": "For reference",
    "cta": "Next",
    "link": "Link",
    "how": "How to {get}",
    "for": "For",
}
SCENES: list[str] = [
    "{occasion} is here, and so is {product}.",
    "If {interest} matters to you, {product} is worth a look.",
    "Tired of {pain}? Have a look at {product}.",
    "Today it is about {product}.",
    "A word about {product}.",
]
LAYOUT: dict[str, str] = {
    "for": "anyone into {interest}",
    "from": "{brand} here. ",
    "hybrid_name": "{product}:",
    "hybrid_after": "That is {product} at a glance.",
    "hybrid_until": "{addr}, {until}. {cta}",
}
# How the letter signs off (the letter only: the other layouts end on their CTA).
SIGN_OFF = ("Any questions, just ask us.", "Want to know more? We are happy to help.",
            "Curious about anything? Just ask.")  # fmt: skip
QA: dict[str, list[str]] = {
    "what": [
        "Q: What is {product}?",
        "Q: What does {product} offer?",
        "Q: What about {product}?",
    ],
    "what_a": ["A: {points}."],
    "price": ["Q: How much?"],
    "price_a": ["A: {price}."],
    "offer": ["Q: What is the deal?", "Q: Any offer right now?", "Q: What do I get this round?"],
    "offer_a": ["A: {offer}."],
    "when": ["Q: Until when?", "Q: When does it end?", "Q: How long does it run?"],
    "when_a": ["A: any day up to {deadline}.", "A: it ends {deadline}.", "A: until {deadline}."],
    "proof": ["Q: Anything to go by?", "Q: Any numbers?", "Q: What is it based on?"],
    "proof_a": ["A: {proof}."],
    "how": ["Q: How do I {get}?", "Q: Where do I {get}?", "Q: I want to {get}: how?"],
    "how_a": ["A: {cta}"],
}
UNTIL = ("ends {deadline}", "until {deadline}", "valid to {deadline}", "through {deadline}")
ASK = ("What's on at {short}? ", "{short} deal: ", "About {short}: ")
ARTICLE_HEADS = ("What {short} is", "This round's deal", "How to {get}")
BULLET_MARKS = ("- ", "* ", "> ")
EMOJI = ("✨", "🎁", "⏰", "👉", "💛", "🌿")

# {you} is the segment's address_as (empty without one): see phrases_zh.TITLES.
TITLES: dict[str, list[str]] = {
    "benefit": ["{offer_short}", "{you}: {offer_short}", "{short} deal",
                "{offer_short} until {deadline}"],
    "price": ["{short} for {price}", "{you}: {short} for {price}", "{short}: {price}"],
    "feature": ["{short}: {point}", "{point}, {point2}"],
    "identity": ["For {addr}: {short}", "{addr}, this is for you"],
    "pain point": ["{pain}? See {short}", "{pain}? Read this"],
    "question": ["How to pick {short}?", "What is {short}?"],
    "time": ["{short} deal until {deadline}", "{you}, {short} deal until {deadline}",
             "{short} {occasion} deal"],
}  # fmt: skip

VIDEO: dict[str, list[str]] = {
    "hook": [
        "{short} is here!",
        "Hey {addr}!",
        "{pain}?",
        "{short} in one minute",
        "{offer_short}!",
    ],
    "pain": ["{pain}?", "{pain}? Sound familiar?"],
    "point": ["{point}.", "Up close: {point}.", "{short}: {point}."],
    "proof": ["{proof}."],
    "scene": ["For {interest}, take a look.", "If {interest} matters to you, watch this."],
    "price": ["{offer}.", "{short} is {price}.", "{offer}: {math}."],
    "cta": ["{cta}, until {deadline}!", "{cta}!", "{cta} now!"],
}

SHOT_VISUALS: dict[str, dict[str, list[str]]] = {
    "goods": {
        "hook": ["Host lifts {short} to camera", "Fast push-in on {short}", "{short} on the table"],
        "pain": ["Scrolling shopping pages", "Hesitant hand at the shelf"],
        "point": ["Close-up of {short}, caption: {point}", "Finger points to {point} on {short}"],
        "proof": ["Full caption: {proof}"],
        "scene": ["{short} in an everyday moment", "{short} on a kitchen table"],
        "price": ["Price and deal on screen", "Checkout screen"],
        "cta": ["Host says the call to action to camera", "Brand logo end card"],
    },
    "service": {
        "hook": ["Host greets the camera, caption: {short}", "{brand} front desk or work site"],
        "pain": ["Comparing plans on a phone", "Frowning at a phone"],
        "point": ["Caption card: {point}", "Staff at work, caption: {point}"],
        "proof": ["Full caption: {proof}"],
        "scene": ["A customer using {short} in daily life", "Wide shot of the service"],
        "price": ["Caption card: price and deal", "The {get} page on a phone"],
        "cta": ["Host says the call to action to camera", "Brand logo end card"],
    },
}
PROPS: dict[str, dict[str, tuple[str, ...]]] = {
    "goods": {
        "hook": ("{short}", "{short}, phone stand"),
        "pain": ("phone with shopping page",),
        "point": ("{short}, caption card",),
        "proof": ("caption card",),
        "scene": ("everyday props", "{short}"),
        "price": ("promo poster, price tag", "checkout screen"),
        "cta": ("logo card", "{short}"),
    },
    "service": {
        "hook": ("{brand} badge or sign",),
        "pain": ("phone",),
        "point": ("caption card",),
        "proof": ("caption card",),
        "scene": ("the service setting",),
        "price": ("price caption card", "phone with the {get} page"),
        "cta": ("logo card",),
    },
}

SOUNDS = ("upbeat music", "drum beat", "warm piano", "room tone", "ding", "light whistle")
HASHTAGS = {
    "goods": ("deals", "dailyfinds", "shoplocal"),
    "service": ("deals", "localservices", "tips"),
}
