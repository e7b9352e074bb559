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
    "col.title": ("名称", "Title"),
    "col.layouts": ("版式", "Layouts"),
    "col.description": ("说明", "Description"),
    "poster.sheet": ("样张已写入：{path}", "Contact sheet: {path}"),
    "poster.rendered": ("海报：{path}（{width}×{height}）", "Poster: {path} ({width}×{height})"),
    "poster.qr": ("  二维码链接：{url}", "  QR code URL: {url}"),
    "poster.batch": (
        "海报：已生成 {count} 张，位于 {folders} 个文件夹：",
        "Posters: {count} rendered in {folders} folder(s):",
    ),
    "variants.title": ("变体 {id} · {kind}", "Variant {id} · {kind}"),
    "variants.provenance": ("溯源", "Provenance"),
    "variants.prompt": ("提示词", "Prompt"),
    "variants.repairs": ("自动修正", "Automatic repairs"),
    "script.exported": ("已导出 {count} 个脚本到 {folder}", "Exported {count} scripts to {folder}"),
    "script.skipped": ("跳过 {reason}", "skipped {reason}"),
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
    # --- terminal UI (workbench/tui) ---
    "tui.error.title": ("出错了", "Error"),
    "tui.error.unexpected": ("意外错误（{kind}）：{detail}", "Unexpected error ({kind}): {detail}"),
    "tui.key.help": ("帮助", "Help"),
    "tui.tip.help": ("列出本屏和全局的所有快捷键", "List every key of this screen and the app"),
    "tui.key.open_brief": ("打开简报", "Open brief"),
    "tui.tip.open_brief": ("在编辑器中打开一个简报 YAML 文件", "Open a brief YAML file in the editor"),
    "tui.key.campaigns": ("活动", "Campaigns"),
    "tui.tip.campaigns": ("回到活动列表", "Back to the campaign list"),
    "tui.key.variants": ("变体", "Variants"),
    "tui.tip.variants": ("浏览全部变体", "Browse every variant"),
    "tui.key.quit": ("退出", "Quit"),
    "tui.tip.quit": ("退出工作台", "Leave the workbench"),
    "tui.key.open": ("打开", "Open"),
    "tui.tip.open_campaign": ("查看所选活动的变体", "Browse the chosen campaign's variants"),
    "tui.key.all_variants": ("全部变体", "All variants"),
    "tui.tip.all_variants": ("浏览所有活动的变体", "Browse the variants of every campaign"),
    "tui.key.brief": ("简报", "Brief"),
    "tui.key.refresh": ("刷新", "Refresh"),
    "tui.tip.refresh": ("从数据库重新读取", "Read again from the database"),
    "tui.key.cancel": ("取消", "Cancel"),
    "tui.tip.cancel": ("关闭对话框，不做更改", "Close the dialog without changes"),
    "tui.key.close": ("关闭", "Close"),
    "tui.tip.close": ("关闭此窗口", "Close this window"),
    "tui.key.back": ("返回", "Back"),
    "tui.tip.back": ("回到上一屏", "Back to the previous screen"),
    "tui.key.save": ("保存", "Save"),
    "tui.tip.save": ("把编辑器内容写回文件", "Write the editor's text to the file"),
    "tui.key.run": ("生成", "Run"),
    "tui.tip.run": ("保存并按此简报生成全部变体", "Save, then generate every variant of this brief"),
    "tui.key.next_problem": ("下一个问题", "Next problem"),
    "tui.tip.next_problem": ("跳到下一个校验问题所在行", "Jump to the line of the next problem"),
    "tui.key.cancel_run": ("停止", "Stop"),
    "tui.tip.cancel_run": ("停止生成；已完成的任务已保存", "Stop the run; finished jobs are saved"),
    "tui.key.rerun_failed": ("重试失败", "Re-run failed"),
    "tui.tip.rerun_failed": ("只重新运行失败的任务", "Run the failed jobs again (finished ones are skipped)"),
    "tui.tip.campaign_variants": ("浏览本活动的变体", "Browse this campaign's variants"),
    "tui.key.search": ("搜索", "Search"),
    "tui.tip.search": ("全文搜索内容、人群、风格和 ID", "Full-text search over content, segment, style and id"),
    "tui.tip.filter": ("按{field}筛选", "Filter by {field}"),
    "tui.key.mark": ("标记", "Mark"),
    "tui.tip.mark": ("标记当前变体，用于对比（最多两个）", "Mark this variant for comparing (two at most)"),
    "tui.key.compare": ("对比", "Compare"),
    "tui.tip.compare": ("并排对比两个标记的变体，差异高亮", "Compare the two marked variants side by side"),
    "tui.key.open_poster": ("打开海报", "Open poster"),
    "tui.tip.open_poster": ("用系统看图程序打开海报 PNG", "Open the poster PNG in the system viewer"),
    "tui.key.swap": ("左右互换", "Swap"),
    "tui.tip.swap": ("交换左右两侧", "Swap the left and right sides"),
    "tui.campaigns.title": ("活动", "Campaigns"),
    "tui.campaigns.summary": ("{campaigns} 个活动 · {variants} 个变体", "{campaigns} campaigns · {variants} variants"),
    "tui.campaigns.empty": (
        "还没有活动：按 b 打开一个简报并运行（Ctrl+R），或在命令行运行 workbench demo。",
        "No campaigns yet: press b to open a brief and run it (Ctrl+R), or run `workbench demo`.",
    ),
    "tui.col.failed_jobs": ("失败任务", "Failed jobs"),
    "tui.col.last_run": ("最近运行", "Last run"),
    "tui.col.job": ("任务", "Job"),
    "tui.col.error": ("错误", "Error"),
    "tui.open_brief.title": ("打开简报", "Open a brief"),
    "tui.open_brief.placeholder": ("或输入文件路径，回车打开", "or type a path and press Enter"),
    "tui.open_brief.hint": ("↑↓ 选择 · 回车打开 · Esc 取消", "↑↓ choose · Enter open · Esc cancel"),
    "tui.help.title": ("快捷键", "Keys"),
    "tui.help.key": ("按键", "Key"),
    "tui.help.action": ("操作", "Action"),
    "tui.help.what": ("说明", "What it does"),
    "tui.help.palette": ("命令面板", "Command palette"),
    "tui.help.palette_tip": ("搜索并执行主要操作、打开活动", "Search and run the main actions, open a campaign"),
    "tui.help.footer": ("Esc 关闭", "Esc closes"),
    "tui.brief.problems": ("{count} 个问题", "{count} problems"),
    "tui.brief.valid": ("简报有效", "Brief is valid"),
    "tui.brief.modified": ("未保存", "modified"),
    "tui.brief.jobs": ("{jobs} 个变体", "{jobs} variants"),
    "tui.brief.no_problems": ("没有问题。", "No problems."),
    "tui.brief.saved": ("已保存 {path}", "Saved {path}"),
    "tui.brief.fix_first": ("简报还有问题，修正后再生成。", "The brief has problems; fix them before running."),
    "tui.brief.unsaved": (
        "有未保存的修改：再按一次 Esc 放弃，Ctrl+S 保存。",
        "Unsaved changes: press Esc again to discard, Ctrl+S to save.",
    ),
    "tui.generate.stream": ("实时输出", "Live output"),
    "tui.generate.failures": ("失败的任务", "Failed jobs"),
    "tui.generate.starting": ("准备中…", "Starting…"),
    "tui.generate.counts": (
        "完成 {done}/{total} · 进行中 {running} · 失败 {failed}",
        "done {done}/{total} · running {running} · failed {failed}",
    ),
    "tui.generate.stopped": ("已停止：已完成的任务已保存。", "Stopped: finished jobs are saved."),
    "tui.generate.not_running": ("当前没有在生成。", "Nothing is running."),
    "tui.generate.busy": ("正在生成，请稍候或先停止。", "A run is in progress; wait or stop it first."),
    "tui.generate.no_failures": ("没有失败的任务。", "No failed jobs."),
    "tui.generate.cancel_first": ("正在生成：先按 x 停止。", "A run is in progress: press x to stop it first."),
    "tui.variants.all": ("全部活动", "All campaigns"),
    "tui.variants.search": ("搜索…", "Search…"),
    "tui.variants.pick": ("选择一个变体查看详情。", "Choose a variant to see it here."),
    "tui.variants.count": ("显示 {shown} / {total}", "{shown} of {total}"),
    "tui.variants.capped": (
        "显示前 {shown} 个，共 {total} 个匹配：用筛选或搜索缩小范围",
        "first {shown} of {total} matches shown: narrow with filters or search",
    ),
    "tui.variants.findings": ("合规提示（{count}）", "Lint findings ({count})"),
    "tui.variants.poster": ("海报预览", "Poster"),
    "tui.variants.versions": ("版本与审阅", "Versions and reviews"),
    "tui.variants.framework": ("框架", "Framework"),
    "tui.variants.model": ("模型", "Model"),
    "tui.variants.latency": ("耗时", "Latency"),
    "tui.variants.uid": ("UID", "UID"),
    "tui.variants.created": ("创建于", "Created"),
    "tui.variants.mark_two": (
        "先用空格标记两个变体（或标记一个，再把光标移到另一个）。",
        "Mark two variants with Space (or mark one and move to the other).",
    ),
    "tui.variants.no_poster": ("这个变体没有海报图片。", "This variant has no poster image."),
    "tui.variants.opening": ("正在打开 {path}", "Opening {path}"),
    "tui.compare.title": ("对比 #{left} ↔ #{right} · 相似度 {ratio:.0f}%", "Compare #{left} ↔ #{right} · {ratio:.0f}% similar"),
    "tui.compare.same_meta": ("人群、类型、风格、状态、模型都相同。", "Same segment, kind, style, status and model."),
    "tui.cmd.campaigns": ("活动列表", "Campaigns"),
    "tui.cmd.variants": ("浏览全部变体", "Browse all variants"),
    "tui.cmd.open_brief": ("打开简报…", "Open brief…"),
    "tui.cmd.help": ("快捷键帮助", "Keys help"),
    "tui.cmd.quit": ("退出", "Quit"),
    "tui.cmd.open_campaign": ("打开活动：{name}", "Open campaign: {name}"),
    "tui.cmd.open_campaign_help": ("{id} · {variants} 个变体", "{id} · {variants} variants"),
    # --- end of terminal UI ---
    "demo.samples": ("每种内容的一个样例（离线模板生成，非AI）：", "One piece of each kind (offline composer, not AI):"),
    "demo.next": (
        "看完整溯源：cd demo-workspace && workbench variants show {id}",
        "Full provenance: cd demo-workspace && workbench variants show {id}",
    ),
    # review (issue 5): lint, approval workflow, audit, exports and imported decisions
    "lint.clean": ("{target}：未发现问题", "{target}: no findings"),
    "lint.summary": (
        "{target}：禁用 {ban} · 慎用 {caution} · 需依据 {evidence} · 超限 {limit} · 提示 {other}",
        "{target}: ban {ban} · caution {caution} · evidence {evidence} · limit {limit} · notes {other}",
    ),
    "lint.ruleset": ("规则集 {version}（{source}）", "Rule set {version} ({source})"),
    "lint.fixed_variant": (
        "变体 {id} → 新版本 {new_id}（{via}，修复 {applied} 处，剩余 {remaining} 条）",
        "Variant {id} -> new version {new_id} ({via}, {applied} fixed, {remaining} left)",
    ),
    "lint.fixed_file": (
        "修复版本已写入 {path}（修复 {applied} 处，原文件保留）",
        "Repaired text written to {path} ({applied} fixed; the original is kept)",
    ),
    "lint.nothing_to_fix": ("变体 {id}：没有可自动修复的问题", "Variant {id}: nothing to fix automatically"),
    "review.done": ("变体 {id}：{from_status} → {to_status}{step}", "Variant {id}: {from_status} -> {to_status}{step}"),
    "review.pending": ("（待审步骤：{steps}）", " (steps left: {steps})"),
    "review.edited": ("变体 {id} → 新版本 {new_id}（草稿）", "Variant {id} -> new version {new_id} (draft)"),
    "review.import_applied": ("已应用 {count} 条决定", "Applied {count} decisions"),
    "review.import_same": ("{count} 行已导入过，未重复应用", "{count} rows were imported before; not applied again"),
    "review.import_problem": ("第 {row} 行（变体 {id}）：{problem}", "row {row} (variant {id}): {problem}"),
    "audit.none": ("没有审计记录。", "No audit entries."),
    "col.at": ("时间", "At"),
    "col.actor": ("操作人", "Actor"),
    "col.action": ("动作", "Action"),
    "col.from_to": ("状态变化", "Status"),
    "col.comment": ("备注", "Comment"),
    "col.variant": ("变体", "Variant"),
    "variants.findings": ("合规与渠道检查", "Compliance and channel checks"),
    "variants.versions": ("版本链", "Version chain"),
    "export.done": ("已导出 {count} 个变体 → {path}", "Exported {count} variants -> {path}"),
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
