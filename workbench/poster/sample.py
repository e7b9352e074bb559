"""Sample copy for the contact sheet, the benchmark and tests (the member-day brief)."""

from __future__ import annotations

from workbench.poster.sizes import PosterSize
from workbench.poster.spec import PosterSpec

SAMPLE_CONTENT = {
    "zh-CN": {
        "headline": "会员日满199减50",
        "subheadline": "有机婴儿米粉，平均每天约3元，新手妈妈更放心",
        "bullets": ["有机认证，0添加蔗糖", "高铁配方，6个月+适用", "独立小包装，出门不撒"],
        "cta": "立即抢购",
        "badge": "会员专享",
    },
    "en-US": {
        "headline": "Member day: $50 off $199",
        "subheadline": "Organic baby rice cereal, about $3 a day",
        "bullets": ["Certified organic", "Iron-rich recipe for 6m+", "Single-serve packs"],
        "cta": "Shop now",
        "badge": "Members only",
    },
}
SAMPLE_URL = "https://example.com/m/rice?from=sample"


def sample_spec(
    template: str, size: PosterSize, language: str = "zh-CN", qr: bool = True
) -> PosterSpec:
    content = SAMPLE_CONTENT.get(language, SAMPLE_CONTENT["zh-CN"])
    brand = "小鹿母婴" if language == "zh-CN" else "Fawn Baby"
    return PosterSpec.from_content(
        content,
        template=template,
        size=size,
        brand=brand,
        colors=("#E94F37", "#FFFFFF"),
        language=language,
        product="有机婴儿米粉" if language == "zh-CN" else "Organic rice cereal",
        price=89,
        offer="会员日满199减50，再送试吃装" if language == "zh-CN" else "$50 off $199",
        deadline="2026-03-15",
        qr_url=(
            SAMPLE_URL + "&utm_source=poster&utm_medium=poster&utm_campaign=sample"
            "&utm_content=0123456789"
            if qr
            else None
        ),
    )
