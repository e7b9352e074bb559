"""The one catalog of UI strings, in Simplified Chinese and English.

Both faces (CLI and TUI) take their labels and messages from here. The language is
``WORKBENCH_LANG`` if set, else the workspace setting, else ``LANG`` (zh* -> Chinese).
"""

from __future__ import annotations

import os

LANGUAGES = ("zh-CN", "en-US")

CATALOG: dict[str, tuple[str, str]] = {
    # key: (zh-CN, en-US)
    "offline.label": ("离线模板生成（非AI）", "offline composer (not AI)"),
    "offline.notice": (
        "未配置模型端点：使用离线模板生成器，按文案框架填充简报事实，结果标注为 offline，并非 AI 生成。",
        "No model endpoint configured: using the offline composer, which fills the copy "
        "frameworks from the brief's facts. Results are labelled offline, not AI output.",
    ),
    "provider.using": ("模型：{provider} · {model}", "Model: {provider} · {model}"),
    "init.created": ("已创建工作区：{path}", "Workspace ready: {path}"),
    "init.file_created": ("  新建  {path}", "  created  {path}"),
    "init.file_kept": ("  保留  {path}（已存在）", "  kept     {path} (exists)"),
    "init.next": (
        "下一步：workbench generate {brief}",
        "Next: workbench generate {brief}",
    ),
    "validate.ok": (
        "{path}：有效 · {segments} 个人群 × {deliverables} 个交付物 → {jobs} 个任务，{variants} 个变体",
        "{path}: valid · {segments} segments × {deliverables} deliverables -> {jobs} jobs, "
        "{variants} variants",
    ),
    "generate.planned": (
        "{campaign}：{total} 个任务（{cached} 个已完成将跳过）",
        "{campaign}: {total} jobs ({cached} already done, skipped)",
    ),
    "generate.progress": ("生成中", "Generating"),
    "generate.dry_run": (
        "预演：不调用模型、不写数据库",
        "Dry run: no model calls, nothing written",
    ),
    "generate.done": (
        "完成：成功 {ok} · 失败 {failed} · 跳过 {cached} · 用时 {seconds:.1f}s",
        "Done: ok {ok} · failed {failed} · cached {cached} · {seconds:.1f}s",
    ),
    "generate.where": ("结果保存在：{db}", "Results are in: {db}"),
    "generate.next": (
        "查看：workbench variants list --campaign {campaign}",
        "Browse: workbench variants list --campaign {campaign}",
    ),
    "generate.failed_hint": (
        "有任务失败：再次运行同一命令只会重试失败的任务。",
        "Some jobs failed: running the same command again retries only those.",
    ),
    "col.campaign": ("活动", "Campaign"),
    "col.segment": ("人群", "Segment"),
    "col.deliverable": ("交付物", "Deliverable"),
    "col.kind": ("类型", "Kind"),
    "col.channel": ("渠道", "Channel"),
    "col.style": ("风格", "Style"),
    "col.status": ("状态", "Status"),
    "col.ok": ("成功", "OK"),
    "col.failed": ("失败", "Failed"),
    "col.cached": ("跳过", "Cached"),
    "col.variants": ("变体", "Variants"),
    "col.tokens": ("Tokens", "Tokens"),
    "col.id": ("ID", "ID"),
    "col.content": ("内容", "Content"),
    "col.provider": ("来源", "Source"),
    "col.name": ("名称", "Name"),
    "col.origin": ("来源", "Origin"),
    "col.template": ("模板", "Template"),
    "col.jobs": ("任务", "Jobs"),
    "variants.none": ("没有符合条件的变体。", "No variants match."),
    "variants.title": ("变体 {id} · {kind}", "Variant {id} · {kind}"),
    "variants.provenance": ("溯源", "Provenance"),
    "variants.prompt": ("提示词", "Prompt"),
    "llm.ok": (
        "连接正常：{model} · {latency:.0f} ms · {tokens} tokens",
        "Endpoint OK: {model} · {latency:.0f} ms · {tokens} tokens",
    ),
    "llm.offline": (
        "未配置模型端点，当前使用离线模板生成器。用 --preset / --base-url 或 workbench.toml 的 [llm] 配置端点。",
        "No endpoint configured; the offline composer is in use. Configure one with "
        "--preset / --base-url or [llm] in workbench.toml.",
    ),
    "demo.workspace": ("演示工作区：{path}", "Demo workspace: {path}"),
    "demo.samples": ("每种内容的一个样例（离线模板生成，非AI）：", "One piece of each kind (offline composer, not AI):"),
    "demo.next": (
        "看完整溯源：cd demo-workspace && workbench variants show {id}",
        "Full provenance: cd demo-workspace && workbench variants show {id}",
    ),
    # A/B tracking (workbench ab ...)
    "ab.created": (
        "已创建实验 #{id}：{name}（{arms} 组，指标 {metric}）",
        "Created experiment #{id}: {name} ({arms} arms, metric {metric})",
    ),
    "ab.exists": (
        "实验 #{id} 已存在：{name}（{arms} 组）",
        "Experiment #{id} exists: {name} ({arms} arms)",
    ),
    "ab.none": ("还没有实验。用 workbench ab create --campaign <活动> 创建。", "No experiments yet. Create them with workbench ab create --campaign <campaign>."),
    "ab.control_mark": ("* 对照组", "* control"),
    "ab.col.arms": ("分组", "Arms"),
    "ab.col.arm": ("组", "Arm"),
    "ab.col.metric": ("指标", "Metric"),
    "ab.col.variant": ("变体", "Variant"),
    "ab.col.users": ("人数", "Users"),
    "ab.col.planned": ("计划占比", "Planned"),
    "ab.col.realised": ("实际占比", "Realised"),
    "ab.col.rate": ("比率 [95%区间]", "Rate [95% CI]"),
    "ab.col.lift": ("提升 [95%区间]", "Lift vs ctrl"),
    "ab.col.p": ("p值", "p"),
    "ab.col.p_adj": ("校正p值", "p adj."),
    "ab.col.beat": ("胜过对照概率", "P(beat ctrl)"),
    "ab.col.best": ("最优概率", "P(best)"),
    "ab.col.verdict": ("结论", "Verdict"),
    "ab.col.bayes": ("胜对照/最优", "P(beat)/P(best)"),
    "ab.arm.early": ("（提前）", "(early)"),
    "ab.assigned": (
        "已分配 {users} 位用户（留空组 {holdout} 人不发送），发送名单：{out}",
        "Assigned {users} users ({holdout} held out, sent nothing); send list: {out}",
    ),
    "ab.imported": (
        "{path}：读取 {rows} 行 · 写入 {written} · {variants} 个变体 · {dates} 天",
        "{path}: {rows} rows read · {written} written · {variants} variants · {dates} days",
    ),
    "ab.srm_ok": ("样本比例检查通过（SRM p = {p}）", "Sample ratio OK (SRM p = {p})"),
    "ab.srm_alert": (
        "⚠ 样本比例失衡（SRM p = {p} < 0.001）：分组人数与计划不符，先查分流和数据，结论不可信。",
        "⚠ Sample ratio mismatch (SRM p = {p} < 0.001): arm sizes do not match the plan; "
        "check assignment and data before trusting any result.",
    ),
    "ab.srm_none": ("还没有数据，无法检查样本比例。", "No users yet: sample ratio not checked."),
    "ab.arm.control": ("对照", "control"),
    "ab.arm.winner": ("胜出", "winner"),
    "ab.arm.loser": ("落败", "loser"),
    "ab.arm.need_more": ("暂无差异，需继续", "no difference yet"),
    "ab.arm.need_n": ("暂无差异，还需 {n} 人", "no difference yet, need {n} more"),
    "ab.arm.no_difference": ("无显著差异", "no difference"),
    "ab.arm.insufficient_data": ("数据不足", "not enough data"),
    "ab.arm.srm_blocked": ("SRM 未通过", "blocked by SRM"),
    "ab.early": ("（提前：未达计划样本）", " (early: planned sample not reached)"),
    "ab.verdict.winner": ("结论：变体 {winner}（{arm} 组）胜出", "Verdict: variant {winner} (arm {arm}) wins"),
    "ab.verdict.need_more": ("结论：还没有显著差异，继续收集数据", "Verdict: no significant difference yet; keep collecting"),
    "ab.verdict.no_difference": ("结论：已达计划样本，没有显著差异", "Verdict: planned sample reached, no significant difference"),
    "ab.verdict.srm": ("结论：无（样本比例失衡）", "Verdict: none (sample ratio mismatch)"),
    "ab.verdict.no_data": ("结论：还没有数据", "Verdict: no data yet"),
    "ab.verdict.invalid_data": ("结论：无（成功数超过曝光数，请检查数据）", "Verdict: none (more successes than users; check the data)"),
    "ab.warn.small_expected_counts": ("注意：有期望频数小于 5 的格子，p 值不够可靠。", "Warning: an expected count is below 5; p-values are unreliable."),
    "ab.warn.successes_exceed_impressions": ("注意：有组的成功数超过曝光数。", "Warning: an arm has more successes than users."),
    "ab.planned": ("计划样本：每组 {n} 人", "Planned sample: {n} users per arm"),
    "ab.size": (
        "每组需要 {n} 人（共 {total} 人）才能检出 {baseline} → {target}",
        "{n} users per arm ({total} in all) to detect {baseline} -> {target}",
    ),
    "ab.formula": ("公式：{formula}", "Formula: {formula}"),
    "ab.promoted": (
        "实验 #{id}：变体 {variant}（{arm} 组）已标记为胜出，下一轮作为示例法范例；{losers} 个落败变体已归入避坑指南",
        "Experiment #{id}: variant {variant} (arm {arm}) marked the winner and becomes a few-shot "
        "example next round; {losers} losing variants archived in the pitfall guide",
    ),
    "ab.pitfalls_none": ("避坑指南为空：还没有已定胜负的实验。", "The pitfall guide is empty: no decided experiments yet."),
    "ab.chart": ("图表：{path}", "Chart: {path}"),
    "ab.chart.title": ("实验 #{id} · {metric}", "Experiment #{id} · {metric}"),
    "error.prefix": ("错误", "error"),
}


def current_language(setting: str | None = None) -> str:
    forced = os.environ.get("WORKBENCH_LANG")
    if forced in LANGUAGES:
        return forced
    if setting in LANGUAGES:
        return setting
    lang = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh-CN" if lang.lower().startswith("zh") else "en-US"


class Catalog:
    """Strings in one language: ``catalog("generate.done", ok=3, ...)``."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en-US"
        self._index = LANGUAGES.index(self.language)

    def __call__(self, key: str, **values: object) -> str:
        text = CATALOG[key][self._index]
        return text.format(**values) if values else text
