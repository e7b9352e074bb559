"""Who clicked: the salted visitor hash, and the user agents that are not people.

A visitor is ``sha256(salt, IP, user agent)``; the salt is random per database, so hashes
cannot be matched against another workbench's or reversed by trying every IPv4 address
without it. Link previews and crawlers (WeChat's and other messengers' preview fetchers,
search engines, monitors, command-line clients), prefetches and HEAD requests are stored
but never counted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone

# China Standard Time (no daylight saving): a "day" of unique clicks is the customer's day.
DAY_ZONE = timezone(timedelta(hours=8))

_BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|telegram|"
    r"slack|discord|skypeuripreview|linkedin|pinterest|vkshare|qwantify|bitlybot|"
    r"feedfetcher|mediapartners|headlesschrome|phantomjs|lighthouse|pingdom|uptime|"
    r"monitor|curl/|wget/|python-requests|python-urllib|aiohttp|httpx|go-http-client|"
    r"okhttp|java/|libwww|scrapy|yisouspider|sogou|bytespider|petalbot|360spider|"
    r"baiduspider|yandex|duckduckbot|applebot|bingpreview|google-inspectiontool",
    re.IGNORECASE,
)
_PREFETCH_HEADERS = ("purpose", "sec-purpose", "x-purpose", "x-moz")


def is_bot(method: str, user_agent: str, headers: Mapping[str, str]) -> bool:
    """True for requests that are not a person clicking."""
    if method.upper() != "GET" or not user_agent.strip():
        return True
    if any(
        "prefetch" in headers.get(h, "").lower() or "preview" in headers.get(h, "").lower()
        for h in _PREFETCH_HEADERS
    ):
        return True
    return _BOTS.search(user_agent) is not None


def salted(salt: str, *parts: str) -> str:
    digest = hashlib.sha256(salt.encode("utf-8"))
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "replace"))
    return digest.hexdigest()[:32]


def stamp_and_day(when: datetime | None = None) -> tuple[str, str]:
    """The hit's UTC timestamp and its day in ``DAY_ZONE``."""
    moment = when or datetime.now(UTC)
    ts = moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return ts, moment.astimezone(DAY_ZONE).strftime("%Y-%m-%d")
