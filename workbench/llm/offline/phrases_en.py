"""English phrase banks (en-US briefs), the same keys as ``phrases_zh``."""

from __future__ import annotations

GREET = {
    "new": "Welcome",
    "dormant": "We missed you",
    "declining": "We missed you",
    "churned": "We missed you",
    "": "Hi",
}

BEATS: dict[str, list[str]] = {
    "hook": [
        "{greet}, {seg}! This one is worth ten seconds.",
        "{seg}, good news about {product}.",
        "Tired of {pain}?",
        "{seg} in {region}, this one is for you.",
        "In one line: {product}, {offer}.",
        "If {pain} sounds familiar, read on.",
        "{greet}! We saved something for you, {seg}.",
        "For {seg}, {interest} is always on the list.",
    ],
    "persona": [
        "I run the {brand} community, and ",
        "From your friends at {brand}: ",
        "Your {brand} store team here, and ",
    ],
    "testimony": [
        'Last week one of our {seg} asked: "{pain}, what should I pick?"',
        'We hear it often from {seg}: "{pain}."',
        "Many {seg} ask us the same thing: what about {pain}?",
    ],
    "pain": [
        "{pain}: we get it.",
        "{pain} is part of everyday life for many {seg}.",
        "Choosing {product} and worried about {pain}?",
        "{desc}, and you want an easy choice.",
    ],
    "agitate": [
        "A wrong pick wastes money, time and patience.",
        "Hours of comparing, and still not sure.",
        "Wait too long and the right moment is gone.",
    ],
    "feature": [
        "{product}: {point}.",
        "{product} brings {points}.",
        "This time it is {product}: {points}.",
    ],
    "advantage": [
        "{point2} makes it easier every day.",
        "Beyond {point}, there is {point2}.",
        "{seg} tell us {point2} is the detail they like.",
    ],
    "benefit": [
        "For {seg}, that means less worry.",
        "Less time comparing, more time for {interest}.",
        "Easy to choose, easy to enjoy.",
    ],
    "evidence": [
        "{point}, stated clearly on the pack.",
        "Returning {brand} members often mention {point}.",
        "{point} you can check yourself.",
    ],
    "scene": [
        "Picture it: {desc}, and {product} sorted in a tap.",
        "An afternoon in {region}, a {product}, just right.",
        "After a long day, {product} is waiting.",
    ],
    "anchor": [
        "Just {price}, {split}.",
        "Do the math: {math}.",
        "{price} each, and less while the offer lasts.",
    ],
    "surprise": [
        "And a surprise: {offer}.",
        "Here is the twist: {offer}.",
        "Bonus: {offer}, {math}.",
    ],
    "social": [
        "Know someone who needs this? Pass it on.",
        "Show us your {product} and swap tips in the group.",
        "Smart {seg} are stocking up.",
    ],
    "emotion": [
        "Small things make a good day.",
        "You deserve care in the details.",
        "A little joy, starting with {product}.",
    ],
    "engage": [
        "How do you pick {product}? Tell us.",
        "Which one would you choose? Reply below.",
        "What else about {interest} should we cover?",
    ],
    "memorable": [
        "{brand}: here for your every day.",
        "Choose {product}, choose easy.",
        "{brand}, always around.",
    ],
    "offer": ["{offer}.", "The deal: {offer}.", "This round: {offer}, {math}."],
    "urgency": [
        "Offer ends {deadline}.",
        "Valid until {deadline}.",
        "Only until {deadline}, so do not wait.",
    ],
}

CTA: dict[str, list[str]] = {
    "acquire": ["Join the group", "Visit us today", "Scan to join", "Come try it"],
    "activate": ["Claim your perk", "Come take a look", "Open the app", "See your perk"],
    "convert": ["Order now", "Tap to buy", "Get yours today", "Shop now"],
    "repurchase": ["Reorder now", "Stock up today", "Buy again", "Restock now"],
    "refer": ["Share with a friend", "Tell a friend", "Pass it on", "Invite a friend"],
}

LABELS = {
    "product": "Product",
    "offer": "Deal",
    "deadline": "Ends",
    "price": "Price",
    "cta": "Next",
}
BULLET_MARKS = ("- ", "* ", "> ")
EMOJI = ("✨", "🎁", "⏰", "👉", "💛", "🌿")

TITLES: dict[str, list[str]] = {
    "number": [
        "{n} reasons for {product}",
        "{product} for {price}",
        "{n} facts on {product}",
        "{n} tips for {seg}",
    ],
    "pain point": ["Tired of {pain}?", "No more {pain}", "{pain}? Read this"],
    "curiosity": ["What {seg} buy quietly", "The {product} secret", "Why {seg} come back"],
    "benefit": ["{offer_short}", "{product} deal", "{product}: {split}", "Deal ends {deadline}"],
    "identity": ["For {seg} only", "{seg}: this is yours", "A gift for {seg}"],
    "contrast": ["{point} vs the rest", "Same money, better pick", "Pick smart, worry less"],
    "scene": ["{product} for {interest}", "3 pm? {product}", "Your {region} treat"],
    "question": ["Is {product} worth it?", "How to pick {product}?", "Why {point}?"],
}

VIDEO: dict[str, list[str]] = {
    "hook": ["Tired of {pain}?", "Hey {seg}!", "{product} is here!", "Stop scrolling!"],
    "pain": ["{pain} is a real worry.", "Afraid of a wrong pick?", "Comparing for hours?"],
    "point": ["{point}, you can see it.", "Key point: {point}.", "{point}, done right."],
    "scene": ["Perfect for {interest}.", "Easy at home.", "Fits your day."],
    "price": ["Just {price}, {split}.", "{offer}.", "{offer}, {math}."],
    "cta": ["{cta}, ends {deadline}!", "{cta}!", "{cta} now!"],
}

SHOT_VISUALS: dict[str, list[str]] = {
    "hook": [
        "Host lifts {product} to camera",
        "Fast push-in on the {product} pack",
        "{product} pops into an everyday scene",
    ],
    "pain": [
        "Frowning while comparing products",
        "Hesitant hand at the shelf",
        "Scrolling shopping pages",
    ],
    "point": ["Close-up of {product}", "Finger points to {point} on the pack", "Product in use"],
    "scene": ["{product} in daily life", "Warm family moment", "Wide shot of the store"],
    "price": ["Price tag next to the promo poster", "Checkout screen", "Staff shows the deal"],
    "cta": ["Host points down to the link", "QR code beside the store sign", "Brand logo end card"],
}

SOUNDS = ("upbeat music", "drum beat", "warm piano", "room tone", "ding", "light whistle")
HASHTAGS = ("deals", "musthave", "dailyfinds", "memberday", "tips", "shoplocal")
