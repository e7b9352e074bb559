"""Lint cost per variant in the generation hot path: ``python bench/bench_lint.py``."""

from __future__ import annotations

import time

from workbench.lint import LintContext, Linter, packaged_rules

CONTENT = {
    "title": "三月会员日｜有机米粉满199减50",
    "body": (
        "🎁我是小鹿母婴门店的小助手，如果你也关心成分和安全，这条一定要看。\n"
        "这次推荐的是有机婴儿米粉：有机认证、高铁配方、独立小包装。\n"
        "新手妈妈用起来更放心，每天都轻松一点。\n这样算下来，相当于约7.5折。\n"
        "本期福利：会员日满199减50，再送试吃装，相当于约7.5折。\n"
        "活动截至3月15日，过期恢复原价。全网最好的米粉，国家级品质，仅此一次！\n"
        "https://example.com/m/rice\n⏰趁活动囤一波！"
    ),
    "hashtags": ["会员日", "有机米粉", "新手妈妈"],
    "cta": "趁活动囤一波",
}


def main() -> None:
    start = time.perf_counter()
    linter = Linter(packaged_rules())
    ctx = LintContext(
        channel="xiaohongshu", kind="copy", allow=("小鹿母婴", "有机婴儿米粉"), brand="小鹿母婴"
    )
    linter.lint_content("copy", CONTENT, ctx)
    print(f"load + compile: {(time.perf_counter() - start) * 1000:.1f} ms")
    n = 5000
    start = time.perf_counter()
    for _ in range(n):
        findings = linter.lint_content("copy", CONTENT, ctx)
    per = (time.perf_counter() - start) / n * 1e6
    chars = sum(len(str(v)) for v in CONTENT.values())
    print(f"lint_content: {per:.0f} us per variant ({chars} chars, {len(findings)} findings)")


if __name__ == "__main__":
    main()
