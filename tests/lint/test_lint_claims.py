"""The fact guard: unsupported numbers, proof and urgency (claim), operator labels (internal)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.brief.loader import load_brief
from workbench.brief.models import Brief
from workbench.lint import Linter, packaged_rules
from workbench.lint.briefcontext import context_from_brief, context_from_raw
from workbench.lint.facts import cn_value, facts_from_values
from workbench.lint.fix import apply_fixes_content, apply_fixes_text
from workbench.locations import resource_dir
from workbench.segments import SegmentLibrary, default_library_path

LINTER = Linter(packaged_rules())
BRIEFS = resource_dir("templates") / "briefs"
LIBRARY = SegmentLibrary.load(default_library_path())


def member_day() -> Brief:
    return load_brief(BRIEFS / "member-day.yaml", LIBRARY).brief


def guard(
    text: str, brief: Brief | None = None, segment: str | None = None
) -> list[dict[str, Any]]:
    b = brief or member_day()
    seg = b.segment(segment) if segment else None
    ctx = context_from_brief(b, "community", "copy", seg)
    return [f for f in LINTER.lint_text(text, ctx) if f["rule"] in ("claim", "internal")]


def terms(text: str, **kw: Any) -> list[str]:
    return [f["term"] for f in guard(text, **kw)]


@pytest.mark.parametrize(
    "text",
    [
        "有机婴儿米粉89元/盒，会员日满199减50，再送试吃装。",  # the brief's own numbers
        "3月15日截止，2026-03-15前下单。",  # the deadline
        "门店会员复购率41%（门店会员系统统计）。",  # proof, verbatim
        "满199减50，相当于省下50元，到手149元；单盒89元，凑单后39元。",  # arithmetic
        "【小鹿母婴】宝妈们，米粉来了 https://example.com/m/rice?s=12 拒收请回复R",
        "1. 有机认证 2. 高铁配方 3、独立小包装",  # list markers
        "一次买够，一份心意。",  # 一 as an idiom
    ],
)
def test_brief_facts_and_boilerplate_are_not_claims(text: str) -> None:
    assert guard(text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("5月17日当天办理有效", "5月17日"),
        ("办理后3天有效", "3天"),
        ("相当于约7.5折", "7.5折"),  # 149/199 is not 7.5
        ("平均每天约3元", "3元"),
        ("只占11%客户却贡献62%毛利", "11%"),
        ("三天内发货", "三天"),
        ("百年老店，值得信赖", "百年"),
        ("今晚20:00开抢", "20:00"),
        ("0添加，放心吃", "0"),
        ("已有1,200人购买", "1,200人"),
    ],
)
def test_invented_numbers_are_claims(text: str, term: str) -> None:
    found = guard(text)
    assert term in [f["term"] for f in found], found
    f = next(f for f in found if f["term"] == term)
    assert (f["severity"], f["claim"]) == ("ban", "number")
    assert text[f["start"] : f["end"]] == term


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("老会员回购时，常提到有机认证", "回购"),
        ("宝妈们都在囤", "都在囤"),
        ("上周群里一位妈妈问我怎么选", "群里一位"),
        ("好评如潮", "好评"),
        ("Customers love it", "Customers love"),
    ],
)
def test_invented_social_proof_is_a_claim(text: str, term: str) -> None:
    found = guard(text)
    assert [f["term"] for f in found if f["claim"] == "proof"][:1] == [term], found


def test_proof_in_the_brief_allows_its_words() -> None:
    brief = member_day()
    assert guard("复购率41%", brief) == []  # "复购" is in product.proof
    assert [f["term"] for f in guard("好评率很高", brief)] == ["好评"]


def test_urgency_the_offer_does_not_carry() -> None:
    # 满199减50 lowers no price: nothing returns to a price; nothing is limited.
    assert terms("过期恢复原价，库存告急") == ["过期恢复原价", "库存告急"]
    data = member_day().model_dump()
    data["campaign"]["product"]["offer"] = "限量100份，会员价8折"
    sale = Brief.model_validate(data)
    assert guard("过期恢复原价，库存告急", sale) == []
    assert guard("8折，立省17.8元，到手71.2元，省20%", sale) == []


def test_operator_labels_are_internal_and_address_as_is_fine() -> None:
    text = "hello，沉睡VIP们！近90天没有下单的老朋友们，高价值会员专享"
    found = guard(text, segment="dormant-vip")
    assert [(f["rule"], f["term"]) for f in found] == [
        ("internal", "沉睡VIP"),
        ("internal", "近90天没有下单"),
        ("internal", "高价值"),
    ]
    for f in found:
        assert text[f["start"] : f["end"]] == f["term"]
    assert guard("老朋友们，好久不见", segment="dormant-vip") == []
    # The name inside the address the operator chose is not a label.
    assert guard("宝妈们看过来", segment="new-moms") == []


def test_fix_removes_claims_and_labels_and_lints_clean() -> None:
    brief = member_day()
    seg = brief.segment("dormant-vip")
    ctx = context_from_brief(brief, "community", "copy", seg)
    text = "沉睡VIP们，好久不见！办理后3天有效，老会员回购时常提到有机认证。会员日满199减50。"
    findings = LINTER.lint_text(text, ctx)
    fixed, applied = apply_fixes_text(text, findings)
    assert applied >= 3
    assert fixed.startswith("老朋友们，好久不见！") and "满199减50" in fixed
    assert not [f for f in LINTER.lint_text(fixed, ctx) if f["severity"] == "ban"], fixed
    content = {"body": text, "title": "3天有效"}
    found = LINTER.lint_content("copy", content, ctx)
    repaired, _ = apply_fixes_content(content, found)
    again = LINTER.lint_content("copy", repaired, ctx)
    assert not [f for f in again if f["rule"] in ("claim", "internal")], repaired


def test_stored_brief_context_resolves_library_segments() -> None:
    raw = (
        (BRIEFS / "member-day.yaml")
        .read_text(encoding="utf-8")
        .replace("  - id: new-moms\n", "  - new-moms\n  - id: unused\n")
    )
    ctx = context_from_raw(raw, "community", "copy", "new-moms", LIBRARY)
    assert ctx.facts is not None and ctx.address == "宝妈们"
    found = LINTER.lint_text("新手妈妈看过来，3天有效", ctx)
    assert [(f["rule"], f["term"]) for f in found if f["severity"] == "ban"] == [
        ("internal", "新手妈妈"),
        ("claim", "3天"),
    ]
    assert context_from_raw("campaign: [", "sms", "copy", "x").facts is None


def test_numbers_and_arithmetic() -> None:
    assert [cn_value(t) for t in ("三", "十五", "一百二十", "两万", "七五")] == [
        3,
        15,
        120,
        20000,
        75,
    ]
    facts = facts_from_values(
        texts=[],
        proof=[],
        offer="开业三天第二杯半价，进群领5元券",
        price=18,
        deadline=None,
        numbers=[],
    )
    for value in (3, 18, 13, 9, 27, 36, 5):  # 18-5, 18/2 (半价), 18+9, 18*2
        assert facts.supports(value), value
    assert not facts.supports(11)


def test_every_segment_of_a_brief_counts_when_linting_a_file(tmp_path: Path) -> None:
    ctx = context_from_brief(member_day(), None, None)
    found = LINTER.lint_text("沉睡VIP和新手妈妈", ctx)
    assert [f["term"] for f in found if f["rule"] == "internal"] == ["沉睡VIP", "新手妈妈"]


def test_english_dates_come_from_the_deadline() -> None:
    facts = facts_from_values(
        texts=[],
        proof=[],
        offer="first 3 months at $29/month",
        price=39,
        deadline="2026-04-30",
        numbers=[],
    )
    from workbench.lint.claims import claim_findings

    assert claim_findings("Fiber for $29/month until Apr 30! April 30th, 2026.", facts, ()) == []
    found = claim_findings("Offer ends May 17, act fast: 14 days left", facts, ())
    assert [f.term for f in found] == ["May 17", "14 days"]


def test_a_four_digit_price_is_a_price_not_a_year() -> None:
    from workbench.lint.claims import claim_findings

    facts = facts_from_values(
        texts=[], proof=[], offer="满3000减200", price=1999, deadline="2026-06-18", numbers=[]
    )
    # the brief's price written as 1999元 / ¥1999 / £1999 is the price, not the year 1999
    assert claim_findings("到手价1999元，¥1999起，£1999 for the set.", facts, ()) == []
    # a four-digit price the brief does not hold is still a claim, in any spelling
    found = claim_findings("原价2019元，¥2049起", facts, ())
    assert [f.term for f in found] == ["2019元", "¥2049"]
