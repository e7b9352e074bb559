"""Briefs the offline composer tests share (imported by module name; not a test module)."""

from __future__ import annotations

from typing import Any

TEA_LANDING = "https://example.com/tea/open?store=cd01&utm_source=brand_sms"
# A tea shop's opening week (zh-CN): one segment, a deadline, a long tracked landing URL.
TEA_OPEN: dict[str, Any] = {
    "campaign": {
        "id": "tea-open",
        "name": "春熙路新店开业周",
        "goal": "acquire",
        "brand": {"name": "一杯茶研所"},
        "product": {
            "name": "春日限定青提茉莉",
            "short_name": "青提茉莉",
            "category": "beverage",
            "price": 18,
            "price_unit": "杯",
            "selling_points": ["现摘青提", "茉莉冷萃茶底", "低糖可选"],
            "offer": "开业三天第二杯半价",
            "deadline": "2026-04-05",
            "landing_url": TEA_LANDING,
        },
    },
    "segments": [{"id": "office", "name": "周边白领", "address_as": "各位"}],
}
