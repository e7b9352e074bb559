"""Advertising Law art. 17 and the category packs; --fix removes claims, never swaps them."""

from __future__ import annotations

import pytest

from workbench.lint import LintContext, Linter, packaged_rules
from workbench.lint.fix import apply_fixes_text
from workbench.lint.packs import packs

LINTER = Linter(packaged_rules())


def bans(text: str, category: str | None = None) -> list[str]:
    ctx = LintContext(category=category)
    return [f["term"] for f in LINTER.lint_text(text, ctx) if f["severity"] == "ban"]


def fixed(text: str, category: str | None = None) -> str:
    ctx = LintContext(category=category)
    out, _ = apply_fixes_text(text, LINTER.lint_text(text, ctx))
    return out


def test_art17_catches_the_issue_examples() -> None:
    assert bans("提高免疫力，预防感冒，增强抵抗力") == ["提高免疫力", "预防感冒", "增强抵抗力"]
    for text in ("能降血糖", "缓解便秘", "告别湿疹", "抗癌", "调理失眠", "提升宝宝免疫力"):
        assert bans(text), text


def test_fix_removes_a_disease_claim_instead_of_swapping_it() -> None:
    out = fixed("根治湿疹，宝宝睡得香。")
    assert "湿疹" not in out and "改善" not in out and "宝宝睡得香" in out
    assert bans(out) == []
    ctx = LintContext()
    finding = next(f for f in LINTER.lint_text("根治湿疹", ctx) if f["term"] == "根治")
    assert finding["fix"] == "" and finding["suggestion"] is None


def test_no_packaged_replacement_is_itself_a_ban() -> None:
    terms = [t for t in packaged_rules().terms.values() if t.severity == "ban"]
    assert len(terms) > 100
    for term in terms:
        text = f"这款{term.term}的好物"
        out = fixed(text)
        assert bans(out) == [], (term.term, out)


@pytest.mark.parametrize(
    ("category", "text", "term"),
    [
        ("mother_baby", "宝宝吃了更聪明", "聪明"),
        ("mother_baby", "最接近母乳的配方", "最接近母乳"),
        ("food", "吃了减肥瘦身", "减肥"),
        ("cosmetics", "医学护肤，祛痘快", "祛痘"),
        ("education", "名师押题，不过退款", "押题"),
        ("finance", "稳赚不赔，年化8%", "年化8%"),
        ("real_estate", "距地铁站仅5分钟", "距地铁站仅5分钟"),
        ("health_food", "药到病除，专家推荐", "专家推荐"),
    ],
)
def test_category_packs_switch_on_with_the_category(category: str, text: str, term: str) -> None:
    assert term in bans(text, category), bans(text, category)
    ctx = LintContext(category="telecom")
    assert not [f for f in LINTER.lint_text(text, ctx) if f.get("pack") == category]
    ctx = LintContext(category=category)
    assert any(f.get("pack") == category for f in LINTER.lint_text(text, ctx))


def test_health_food_requires_its_notice_and_the_fix_adds_it() -> None:
    found = bans("每天两粒，营养均衡。", "health_food")
    assert "本品不能代替药物" in found
    out = fixed("每天两粒，营养均衡。", "health_food")
    assert out.endswith("本品不能代替药物") and bans(out, "health_food") == []


@pytest.mark.parametrize("category", sorted(packs()))
def test_fix_output_lints_clean(category: str) -> None:
    corpus = (
        "提高免疫力，预防感冒，增强抵抗力。根治湿疹，宝宝更聪明，促进大脑发育。"
        "减肥瘦身，药妆祛痘，考试保过，保本高收益，距地铁仅5分钟，保证有效。全网最低价！"
    )
    out = fixed(corpus, category)
    assert bans(out, category) == [], out
