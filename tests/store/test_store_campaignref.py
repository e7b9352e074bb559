"""One resolver for a CAMPAIGN argument: id, list number, name, unique prefix."""

from __future__ import annotations

import pytest

from workbench.errors import InputError, NotFoundError
from workbench.store.campaignref import match_campaign

CAMPAIGNS = [
    {"id": "member-day-2026-03", "name": "三月会员日"},
    {"id": "member-day-2026-04", "name": "四月会员日"},
    {"id": "春熙路新店开业周", "name": "春熙路新店开业周"},
    {"id": "7", "name": "Seven"},
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("member-day-2026-03", "member-day-2026-03"),  # the id
        (" 2 ", "member-day-2026-04"),  # the list number
        ("7", "7"),  # an id that looks like a number is the id
        ("4", "7"),  # the fourth row
        ("四月会员日", "member-day-2026-04"),  # the name
        ("seven", "7"),  # the name, any case
        ("member-day-2026-03"[:-1] + "3", "member-day-2026-03"),
        ("member-day-2026-0", None),  # a prefix two ids share
        ("春熙路", "春熙路新店开业周"),  # a unique prefix of a Chinese id
        ("三月", "member-day-2026-03"),  # a unique prefix of the name
    ],
)
def test_resolution(text: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InputError, match=r"matches 2 campaigns \(member-day-2026-03, "):
            match_campaign(CAMPAIGNS, text)
    else:
        assert match_campaign(CAMPAIGNS, text) == expected


def test_nothing_matches_names_the_list() -> None:
    with pytest.raises(NotFoundError, match=r"campaign 'zzz' not found; see workbench campaigns"):
        match_campaign(CAMPAIGNS, "zzz")
    with pytest.raises(NotFoundError, match="campaign '9' not found"):
        match_campaign(CAMPAIGNS, "9")  # past the end of the list
    with pytest.raises(NotFoundError, match="no campaigns yet"):
        match_campaign([], "x")
    with pytest.raises(InputError, match="give a campaign id, name or number"):
        match_campaign(CAMPAIGNS, "  ")
