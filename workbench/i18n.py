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
    "tui.tip.mark": ("标记当前变体：对比两个，或批量审阅全部标记的", "Mark this variant: compare two, or review every marked one at once"),
    "tui.key.compare": ("对比", "Diff"),
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
    # TUI review actions, export, A/B
    "tui.key.approve": ("通过", "Approve"),
    "tui.tip.approve": ("通过当前审阅步骤；有禁用词时须填写豁免理由", "Approve the next review step; a ban finding needs an override reason"),
    "tui.key.reject": ("驳回", "Reject"),
    "tui.tip.reject": ("驳回这个变体（须填写理由）", "Reject this variant (with a reason)"),
    "tui.key.request_changes": ("要求修改", "Changes"),
    "tui.tip.request_changes": ("要求修改（须填写意见）；修改后成为新版本", "Request changes (with a comment); an edit then makes a new version"),
    "tui.key.comment": ("评论", "Comment"),
    "tui.tip.comment": ("在审阅记录里留言，状态不变", "Add a comment to the audit trail (status unchanged)"),
    "tui.key.edit": ("编辑", "Edit"),
    "tui.tip.edit": ("编辑内容，保存为新版本（原版本保留）", "Edit the content; saving makes a new version (the old one is kept)"),
    "tui.key.regenerate": ("重新生成", "Redo"),
    "tui.tip.regenerate": ("换一种风格或框架重新生成，得到一个新变体", "Generate a new variant in another style or framework"),
    "tui.key.export": ("导出", "Export"),
    "tui.tip.export": ("导出活动给审阅人（xlsx/csv/html/md/jsonl）", "Export the campaign for reviewers (xlsx/csv/html/md/jsonl)"),
    "tui.tip.export_run": ("按所选格式和状态写出文件", "Write the file in the chosen format and statuses"),
    "tui.key.save_version": ("保存为新版本", "Save as new version"),
    "tui.tip.save_version": ("把编辑后的内容保存为新版本", "Store the edited content as a new version"),
    "tui.key.ab": ("A/B", "A/B"),
    "tui.tip.ab": ("A/B 实验：比率、区间、显著性和结论", "A/B experiments: rates, intervals, significance, verdicts"),
    "tui.key.import": ("导入", "Import"),
    "tui.tip.import": ("从文件导入投放结果（CSV、事件 JSONL、扫码记录）", "Import results from a file (CSV, event JSONL, QR scans)"),
    "tui.key.metric": ("指标", "KPI"),
    "tui.tip.metric": ("切换指标：各实验默认 → 点击 → 转化 → 分享", "Cycle the metric: each experiment's own, click, conversion, share"),
    "tui.key.create_experiments": ("建实验", "New"),
    "tui.tip.create_experiments": ("按人群×交付物，用已生成的变体创建实验", "Create experiments per segment × deliverable from the generated variants"),
    "tui.cmd.ab": ("A/B 实验", "A/B tests"),
    "tui.review.ok": ("确定", "OK"),
    "tui.review.pick": ("先选择一个变体。", "Choose a variant first."),
    "tui.review.reason": ("理由或意见", "Reason or comment"),
    "tui.review.reason_needed": ("需要填写理由。", "A reason is needed."),
    "tui.review.reject_title": ("驳回变体 #{id}", "Reject variant #{id}"),
    "tui.review.changes_title": ("要求修改变体 #{id}", "Request changes to variant #{id}"),
    "tui.review.comment_title": ("评论变体 #{id}", "Comment on variant #{id}"),
    "tui.review.step": ("步骤", "Step"),
    "tui.review.step_title": ("通过变体 #{id}：选择审阅步骤", "Approve variant #{id}: choose the review step"),
    "tui.review.done_many": ("{action}：{count} 个变体 → {status}", "{action}: {count} variants → {status}"),
    "tui.review.import_title": ("导入审阅决定", "Import review decisions"),
    "tui.review.import_hint": (
        "审阅人填写过的导出文件（XLSX 或 CSV）：decision、comment 列。",
        "A filled-in export (XLSX or CSV) with decision and comment columns.",
    ),
    "tui.review.imported": (
        "审阅决定：已应用 {applied}，已导入过 {already}，问题 {problems}",
        "Review decisions: {applied} applied, {already} imported before, {problems} problems",
    ),
    "tui.review.more": ("……另有 {count} 个问题", "... and {count} more problems"),
    "tui.key.import_decisions": ("导入决定", "Import decisions"),
    "tui.tip.import_decisions": ("从审阅人填写的 XLSX/CSV 导入通过、驳回和意见", "Import approvals, rejections and comments from a reviewers' XLSX/CSV"),
    "tui.cmd.import_decisions": ("导入审阅决定", "Import review decisions"),
    "tui.review.override_title": ("通过变体 #{id}：需要豁免理由", "Approve variant #{id}: override reason needed"),
    "tui.review.override_warning": ("含禁用词（ban）：{terms}。通过须写明豁免理由，审计记录会保留。", "Ban findings: {terms}. Approving needs an override reason, which the audit keeps."),
    "tui.review.override_prompt": ("豁免理由（例如：注册商标名，法务已确认）", "Override reason (e.g. a registered name, cleared by legal)"),
    "tui.edit.title": ("编辑变体 #{id}（v{version}）→ 保存为新版本", "Edit variant #{id} (v{version}) -> saved as a new version"),
    "tui.edit.comment": ("修改说明（可选）", "What changed (optional)"),
    "tui.edit.hint": ("直接改文字；字数等统计会自动重算 · Tab 下一项 · Ctrl+S 保存 · Esc 取消", "Plain text; counts are recomputed · Tab next field · Ctrl+S saves · Esc cancels"),
    "tui.regen.title": ("重新生成变体 #{id}（当前风格：{style}）", "Regenerate variant #{id} (now: {style})"),
    "tui.regen.no_framework": ("沿用简报的框架", "Keep the brief's framework"),
    "tui.regen.fresh": ("新一轮（即使这个组合生成过也再生成）", "Fresh round (a new take even if this was generated before)"),
    # a button has room for the whole word; the footer key is shortened to fit 80 columns
    "tui.button.regenerate": ("重新生成", "Regenerate"),
    "tui.regen.hint": ("结果是一个新变体，原变体不变。", "The result is a new variant; the original stays as it is."),
    "tui.regen.running": ("正在重新生成 #{id}（{style}）…", "Regenerating #{id} ({style})…"),
    "tui.regen.done": ("#{id} 已重新生成为 {new}", "#{id} regenerated as {new}"),
    "tui.regen.cached": ("这个组合已经生成过：{new}（勾选“新一轮”可再生成）", "Already generated: {new} (tick fresh round for a new take)"),
    "tui.export.title": ("导出活动：{campaign}", "Export campaign: {campaign}"),
    "tui.export.format": ("格式", "Format"),
    "tui.export.statuses": ("只导出这些状态（不选 = 全部）：", "Only these statuses (none chosen = all):"),
    "tui.export.out": ("保存到（默认：output/exports/）", "Save to (default: output/exports/)"),
    "tui.export.running": ("正在导出…", "Exporting…"),
    "tui.ab.title": ("A/B 实验 · {campaign} · 指标：{metric}", "A/B tests · {campaign} · metric: {metric}"),
    "tui.ab.own_metric": ("各实验默认", "each test's own"),
    "tui.ab.loading": ("正在计算…", "Computing…"),
    "tui.ab.report": ("报告", "Report"),
    "tui.ab.report_of": ("实验 #{id}", "Experiment #{id}"),
    "tui.ab.none": ("还没有实验：按 n 用已生成的变体创建。", "No experiments yet: press n to create them from the generated variants."),
    "tui.ab.need_campaign": ("先从活动列表打开一个活动的 A/B。", "Open A/B from a campaign to create its experiments."),
    "tui.ab.created": ("新建 {new} 个实验，已存在 {existing} 个", "Created {new} experiments ({existing} existed)"),
    "tui.ab.metric_now": ("指标：{metric}", "Metric: {metric}"),
    "tui.ab.summary": ("指标 {metric} · {users} 人", "metric {metric} · {users} users"),
    "tui.ab.col.rate": ("比率", "Rate"),
    "tui.ab.col.interval": ("95%区间 0–{scale}", "95% CI 0–{scale}"),
    "tui.ab.col.lift": ("提升", "Lift"),
    "tui.ab.need_n": ("还需 {n} 人", "need {n} more"),
    "tui.ab.v.no_data": ("无数据", "no data"),
    "tui.ab.v.invalid_data": ("数据有误", "bad data"),
    "tui.ab.v.srm": ("样本失衡", "SRM"),
    "tui.ab.v.winner": ("有胜者", "winner"),
    "tui.ab.v.need_more": ("继续收集", "need more"),
    "tui.ab.v.no_difference": ("无差异", "no difference"),
    "tui.ab.import_title": ("导入 A/B 结果", "Import A/B results"),
    "tui.ab.import_path": ("文件路径（相对工作区）", "File path (relative to the workspace)"),
    "tui.ab.import_kind": ("类型", "Kind"),
    "tui.ab.import_hint": (
        "CSV 表头：variant_id,date,impressions,clicks,conversions[,shares,cost,revenue]",
        "CSV header: variant_id,date,impressions,clicks,conversions[,shares,cost,revenue]",
    ),
    "tui.ab.import_no_path": ("请输入文件路径。", "Type a file path."),
    "tui.ab.kind.results": ("每日结果 CSV", "Daily results CSV"),
    "tui.ab.kind.events": ("事件日志 JSONL", "Event log JSONL"),
    "tui.ab.kind.scans": ("海报扫码记录", "Poster QR scans"),
    # --- end of terminal UI ---
    "demo.samples": ("每种内容的一个样例（离线模板生成，非AI）：", "One piece of each kind (offline composer, not AI):"),
    "demo.next": (
        "看完整溯源：cd {folder} && workbench variants show {id}",
        "Full provenance: cd {folder} && workbench variants show {id}",
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
    # architecture (#10): workbench review regenerate
    "review.regenerated": ("变体 {id} 已重新生成为 {new}（原变体不变）", "Variant {id} regenerated as {new} (the original is unchanged)"),
    "review.regenerated_cached": ("这个组合已经生成过：{new}（加 --fresh 再生成）", "Already generated: {new} (add --fresh for a new take)"),
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
    # -- week plan / calendar (issue 15) --
    "cal.col.date": ("日期", "Date"),
    "cal.col.time": ("时间", "Time"),
    "cal.col.segment": ("人群", "Segment"),
    "cal.col.activity": ("活动", "Activity"),
    "cal.col.format": ("形式", "Format"),
    "cal.col.copy": ("文案", "Copy"),
    "cal.col.poster": ("海报", "Poster"),
    "cal.col.link": ("短链", "Short link"),
    "cal.col.owner": ("负责人", "Owner"),
    "cal.col.status": ("状态", "Status"),
    "cal.col.id": ("编号", "ID"),
    "cal.activity.ip_activity": ("本周IP活动", "IP activity"),
    "cal.activity.member_day": ("会员日活动", "Member day"),
    "cal.activity.daily_brand": ("日常品牌活动", "Daily brand"),
    "cal.activity.product_push": ("店铺产品主推活动", "Product push"),
    "cal.activity.new_store": ("新店入驻活动", "New store"),
    "cal.format.image_text": ("图文", "Image + text"),
    "cal.format.poster_copy": ("海报+文案", "Poster + copy"),
    "cal.format.short_video": ("短视频", "Short video"),
    "cal.status.draft": ("草稿", "draft"),
    "cal.status.in_review": ("审核中", "in review"),
    "cal.status.approved": ("已通过", "approved"),
    "cal.status.rejected": ("已驳回", "rejected"),
    "cal.status.changes_requested": ("待修改", "changes requested"),
    "cal.status.sent": ("已发送", "sent"),
    "cal.status.missing": ("缺内容", "no content"),
    "cal.day.mon": ("周一", "Mon"),
    "cal.day.tue": ("周二", "Tue"),
    "cal.day.wed": ("周三", "Wed"),
    "cal.day.thu": ("周四", "Thu"),
    "cal.day.fri": ("周五", "Fri"),
    "cal.day.sat": ("周六", "Sat"),
    "cal.day.sun": ("周日", "Sun"),
    "cal.outline": ("提纲", "outline"),
    "cal.planned": (
        "{plan}：{slots} 个发送时段 · {jobs} 个生成任务",
        "{plan}: {slots} send slots · {jobs} generation jobs",
    ),
    "cal.saved": (
        "已保存 {count} 个时段（{week} 这一周）。查看：workbench calendar show --week {week}",
        "Saved {count} slots for the week of {week}. See: workbench calendar show --week {week}",
    ),
    "cal.failed": (
        "{count} 个任务失败，相关时段状态为“缺内容”；再次运行同一命令即可补齐",
        "{count} jobs failed; their slots have no content yet. Run the same command again",
    ),
    "cal.empty": (
        "{week} 这一周还没有时段（先运行 workbench calendar plan PLAN.yaml）",
        "No slots in the week of {week} (run workbench calendar plan PLAN.yaml first)",
    ),
    "cal.week_title": ("{week} 这一周 · {count} 个时段", "Week of {week} · {count} slots"),
    "cal.exported": ("已导出 {count} 个时段：{path}", "Exported {count} slots: {path}"),
    "cal.done": ("时段 #{id} 已标记为已发送（{at}）", "Slot #{id} marked sent ({at})"),
    "cal.already": (
        "时段 #{id} 已在 {at} 标记为已发送；曝光没有重复记录",
        "Slot #{id} was already marked sent at {at}; no exposure recorded twice",
    ),
    "cal.exposure": (
        "实验 #{experiment} {arm} 组：{day} 曝光 +{count}",
        "Experiment #{experiment} arm {arm}: {count} more impressions on {day}",
    ),
    "cal.exposure_unknown": (
        "实验 #{experiment} {arm} 组：人群人数未知，未计曝光（用 --members N 给出群人数）",
        "Experiment #{experiment} arm {arm}: member count unknown, no impressions counted "
        "(give the group size with --members N)",
    ),
    "cal.tui.title": ("一周内容 · {week}", "Week plan · {week}"),
    "cal.tui.none": (
        "还没有周计划：运行 workbench calendar plan PLAN.yaml",
        "No week plan yet: run workbench calendar plan PLAN.yaml",
    ),
    "cal.tui.hint": (
        "方向键 选择时段 · 回车 打开并审核内容 · n/p 下一周/上一周 · Esc 返回",
        "arrows pick a slot · Enter open and review its content · n/p next/previous week · "
        "Esc back",
    ),
    "tui.cmd.week": ("周计划（一周内容）", "Week plan"),
    "tui.tip.week": (
        "一周社群内容：按天分列的时段卡片和状态",
        "The week's community content: slot cards by day, with status",
    ),
    "tui.key.open_slot": ("打开", "Open"),
    "tui.tip.open_slot": ("打开时段，像审核变体一样审核内容", "Open the slot and review its content"),
    "tui.key.week_next": ("下一周", "Next week"),
    "tui.tip.week_next": ("看下一周的计划", "Show the next week"),
    "tui.key.week_prev": ("上一周", "Prev week"),
    "tui.tip.week_prev": ("看上一周的计划", "Show the previous week"),
    "tui.key.card_next": ("下一个", "Next slot"),
    "tui.tip.card_next": ("同一天的下一个时段", "The next slot of the day"),
    "tui.key.card_prev": ("上一个", "Previous slot"),
    "tui.tip.card_prev": ("同一天的上一个时段", "The previous slot of the day"),
    "tui.key.day_next": ("后一天", "Next day"),
    "tui.tip.day_next": ("后一天的时段", "Slots of the next day"),
    "tui.key.day_prev": ("前一天", "Previous day"),
    "tui.tip.day_prev": ("前一天的时段", "Slots of the previous day"),
    # --- segments from order data (issue 14) ---
    "segments.warning": ("注意：{problem}", "warning: {problem}"),
    "segments.not_counted": ("以下订单已报告且未计入：{parts}", "Reported and not counted: {parts}"),
    "segments.anomaly.duplicate": ("{n} 个重复订单号", "{n} repeated order ids"),
    "segments.anomaly.negative": ("{n} 个负数金额", "{n} negative amounts"),
    "segments.anomaly.future": ("{n} 个晚于统计日的付款", "{n} payments after the as-of date"),
    "segments.anomaly.refund_exceeds": ("{n} 个退款大于实付", "{n} refunds larger than the payment"),
    "segments.anomaly.zero": ("{n} 个实付为 0", "{n} zero payments"),
    "segments.imported": (
        "统计日 {as_of}：{customers} 位客户，计入 {orders} 笔订单；跳过未付款 {unpaid} 笔、全额退款 {refunded} 笔（表头格式：{layout}）",
        "As of {as_of}: {customers} customers from {orders} counted orders; skipped {unpaid} "
        "unpaid and {refunded} fully refunded (layout: {layout})",
    ),
    "segments.thresholds": (
        "阈值：R {r} 天 · F {f} 单 · M {m} 元",
        "Thresholds: R {r} days · F {f} orders · M {m} yuan",
    ),
    "segments.library": ("已写入分群库：{path}", "Segment library updated: {path}"),
    "segments.members": ("成员名单：{n} 个文件在 {dir}", "Member files: {n} in {dir}"),
    "segments.joined": (
        "企业微信 external_userid：匹配 {n} / {total} 位客户",
        "WeCom external_userid: matched {n} of {total} customers",
    ),
    "segments.none": ("分群库为空：{path}", "The segment library is empty: {path}"),
    "segments.col.id": ("分群 id", "Segment id"),
    "segments.col.name": ("名称", "Name"),
    "segments.col.members": ("人数", "Members"),
    "segments.col.source": ("来源", "Source"),
    "segments.col.as_of": ("统计日", "As of"),
    "segments.source.hand": ("手写", "hand-written"),
    "segments.source.imported": ("导入 {model}", "imported {model}"),
    "tui.segments.title": ("分群库", "Segment library"),
    "tui.segments.empty": ("分群库为空：workbench segments import 订单导出.csv", "No segments yet: workbench segments import orders.csv"),
    # --- end segments (issue 14) ---
    # -- #17 hardening: guards at the boundaries ------------------------------------
    "guard.export_cut": (
        "注意：{count} 个单元格超过 Excel 的 32,767 字上限，已截断并在单元格内注明；完整内容见 CSV/JSONL 导出",
        "note: {count} cells were longer than Excel's 32,767 characters; they are cut and say so; the CSV/JSONL export has the whole text",
    ),
    "guard.import_nothing": (
        "有问题的行未修正前不会写入任何决定：改好上面的行后重新导入",
        "nothing was applied: fix the rows above and import the file again",
    ),
    "guard.interrupted": (
        "上次有 {count} 个运行被中断（进程被终止），已标记为 interrupted；重新运行同一命令即可续跑",
        "{count} earlier run(s) were killed mid-way and are now marked interrupted; run the same command to resume",
    ),
    "guard.past_deadline": (
        "{path}: product.deadline {date} 已过期；文案里的截止日期会显得过时",
        "{path}: product.deadline {date} is in the past; copy that quotes it will read as expired",
    ),
    # -- #13 A/B loop: safe experiments, tracked links, the click endpoint ---------------
    "ab.skipped": ("未建实验 {where}：{reason}", "No experiment for {where}: {reason}"),
    "ab.skip_reason": ("可用变体 {n} 个，至少需要 2 个", "{n} eligible variant(s), 2 needed"),
    "ab.skip_left": ("（未计入：{left}）", " (left out: {left})"),
    "ab.list_sep": ("、", ", "),
    "ab.none_eligible": (
        "活动 {campaign} 没有可建实验的分组：每组至少需要 2 个已通过审核的变体（或加 --include-drafts）",
        "No group of campaign {campaign} can make an experiment: each needs 2+ approved "
        "variants (or give --include-drafts)",
    ),
    "ab.drafts_warning": (
        "注意：{n} 个实验组的变体尚未通过审核（--include-drafts）；发送前请先审核",
        "Warning: {n} arms are variants not approved yet (--include-drafts); review them "
        "before sending",
    ),
    "ab.stopped": (
        "实验 #{id} 已停止（已记入审计）；其变体可以加入新实验",
        "Experiment #{id} stopped (audited); its variants may join a new experiment",
    ),
    "ab.forced": ("（强制推广，原因已记入审计）", " (forced; the reason is in the audit trail)"),
    "track.serving": (
        "短链服务：http://{host}:{port}/s/{{code}} · 健康检查 /healthz · 数据库 {db} · Ctrl+C 停止",
        "Serving short links on http://{host}:{port}/s/{{code}} · /healthz · database {db} · "
        "Ctrl+C stops",
    ),
    "track.none": ("还没有点击记录", "No clicks recorded yet"),
    "track.col.code": ("短码", "Code"),
    "track.col.hits": ("点击", "Hits"),
    "track.col.unique": ("独立点击", "Unique"),
    "track.col.bots": ("爬虫/预览", "Bots/previews"),
    "track.orphans": ("未知短码 {n} 个（已记录，不计点击）", "{n} unknown codes (logged, not counted)"),
    "track.exported": ("已导出 {n} 条点击事件到 {path}", "Exported {n} click events to {path}"),
    "ab.source": ("数据来源：{sources}", "Sources: {sources}"),
    "ab.source.imported": ("导入结果", "imported results"),
    "ab.source.endpoint": ("短链独立点击", "short-link unique clicks"),
    "tui.key.assign": ("分配", "Assign"),
    "tui.tip.assign": ("把用户名单分到各组，写出带追踪链接的发送名单", "Assign a users file to the arms and write the send list with tracked links"),
    "tui.key.stop_experiment": ("停止", "Stop"),
    "tui.tip.stop_experiment": ("停止所选实验（记入审计），其变体可加入新实验", "Stop the chosen experiment (audited); its variants may join a new one"),
    "tui.key.promote": ("推广", "Promote"),
    "tui.tip.promote": ("把已通过审核的胜出变体作为下一轮的示例", "Make the approved winner a few-shot example for the next round"),
    "tui.ab.create_title": ("将新建 {n} 个实验（仅用已通过审核的变体）", "Create {n} experiments (approved variants only)"),
    "tui.ab.preview_exists": ("实验 #{id} 进行中，保持不变", "experiment #{id} is running; left as it is"),
    "tui.ab.preview_skipped": ("不建：{reason}", "skipped: {reason}"),
    "tui.ab.preview_overlap": ("变体 {variant} 已在进行中的实验 #{id}（{name}）里", "variant {variant} is an arm of running experiment #{id} ({name})"),
    "tui.ab.preview_arms": ("{n} 组：{arms}（* 为对照组）", "{n} arms: {arms} (* control)"),
    "tui.ab.preview_blocked": ("有变体已在进行中的实验里：先停止那个实验（s），什么都不会创建", "Some variants are arms of a running experiment: stop it first (s); nothing will be created"),
    "tui.ab.promote_title": ("推广实验 #{id} 的胜者", "Promote the winner of experiment #{id}"),
    "tui.ab.promote_verdict": ("结论：{verdict}", "Verdict: {verdict}"),
    "tui.ab.promote_no_winner": ("还没有胜者，不能推广", "No winner yet: nothing to promote"),
    "tui.ab.promote_winner": ("胜者：{arm} 组（变体 {variant}）", "Winner: arm {arm} (variant {variant})"),
    "tui.ab.promote_early": ("提前判定：计划样本量尚未达到", "Early: the planned sample is not reached yet"),
    "tui.ab.promote_status": ("审核状态：{status}", "Review status: {status}"),
    "tui.ab.promote_needs_approval": ("未通过审核的变体不能推广：先审核通过（确需强制请用命令行 --force --reason）", "A winner that is not approved cannot be promoted: approve it first (to force, use the CLI with --force --reason)"),
    "tui.ab.promote_effect": ("推广后，下一次生成会只重跑用到该示例的任务", "After promotion the next generate re-runs only the jobs that use this example"),
    "tui.ab.assign_title": ("实验 #{id}：分配用户并写出发送名单", "Experiment #{id}: assign users and write the send list"),
    "tui.ab.assign_users": ("用户名单 CSV（含 user_id 列）", "Users CSV (a user_id column)"),
    "tui.ab.assign_hint": ("路径相对于工作区；第二栏是发送名单的输出文件", "Paths are relative to the workspace; the second field is the send list to write"),
    "tui.ab.assign_no_file": ("找不到文件：{path}", "No such file: {path}"),
    "tui.ab.not_running": ("实验 #{id} 不在进行中", "Experiment #{id} is not running"),
    "tui.ab.stop_title": ("停止实验 #{id}：{name}", "Stop experiment #{id}: {name}"),
    "tui.ab.stop_reason": ("停止原因（记入审计）", "Why stop it (goes into the audit trail)"),
    "tui.detail.link": ("追踪链接：{url}（短码 {code}）", "Tracked link: {url} (code {code})"),
    "tui.detail.clicks": ("点击：{hits} 次，独立 {unique} 人次（爬虫/预览不计）", "Clicks: {hits}, unique {unique} (bots and previews not counted)"),
    "ab.source.assigned": ("发送名单人数", "send-list users"),
    # -- real servers (issue 12): busy / dead endpoints, fallbacks, llm test, jobs --failed
    "generate.concurrency": (
        "接口繁忙（超时或 503）：并发 {old} → {new}",
        "busy endpoint (timeouts or 503): concurrency {old} → {new}",
    ),
    "generate.fallback": (
        "接口拒绝了 response_format {old}：本次运行改用 {new}（已记录；可设置 "
        'llm.structured_output = "{new}"）',
        "the endpoint rejected response_format {old}: this run falls back to {new} "
        '(recorded; set llm.structured_output = "{new}")',
    ),
    "generate.unreachable": (
        "接口自 {since} 起无法连接；{count} 个任务未开始；再次运行同一命令即可继续。",
        "endpoint unreachable since {since}; {count} jobs not started; re-run to continue",
    ),
    "jobs.no_runs": ("还没有运行记录。", "No runs yet."),
    "jobs.title": (
        "运行 #{run}（{campaign}，{status}）：{count} 个{what}任务",
        "Run #{run} ({campaign}, {status}): {count} {what} jobs",
    ),
    "jobs.failed_word": ("失败的", "failed"),
    "jobs.all_word": ("", "recorded"),
    "jobs.none_failed": (
        "运行 #{run} 没有失败的任务。",
        "Run #{run} has no failed jobs.",
    ),
    "jobs.rerun": (
        "重试：再次运行 workbench generate（只会重试失败的任务）",
        "Retry: run workbench generate again (only these jobs run)",
    ),
    "col.job": ("任务", "Job"),
    "col.attempts": ("尝试", "Tries"),
    "col.error": ("错误", "Error"),
    "llm.tokens": (
        "用量：输入 {prompt} · 输出 {completion} tokens{estimated}",
        "usage: {prompt} prompt + {completion} completion tokens{estimated}",
    ),
    "llm.estimated": ("（估算）", " (estimated)"),
    "llm.no_usage": ("用量：接口未返回", "usage: not reported by the endpoint"),
    "llm.server_said": ("接口返回：{text}", "the server said: {text}"),
    "llm.mode_ok": ("结构化输出 {mode}：可用", "structured output {mode}: works"),
    "llm.mode_failed": ("结构化输出 {mode}：不可用（{reason}）", "structured output {mode}: fails ({reason})"),
    "llm.recommend": (
        '建议：llm.structured_output = "{mode}"',
        'recommended: llm.structured_output = "{mode}"',
    ),
    "llm.keep": (
        '当前设置可用：llm.structured_output = "{mode}"',
        'the current setting works: llm.structured_output = "{mode}"',
    ),
    "llm.slots": (
        "服务并行槽位：{slots}（建议 generate.concurrency ≤ {slots}）",
        "server parallel slots: {slots} (keep generate.concurrency ≤ {slots})",
    ),
    # -- TUIPOLISH (#18 TUI half, #14 picker, #17 display): new-brief form, matrix ----
    "tui.key.new_brief": ("新建简报", "New"),
    "tui.tip.new_brief": ("用表单写一份新简报：活动、商品、分群、内容", "Write a new brief with a form: campaign, product, segments, deliverables"),
    "tui.key.create_brief": ("创建简报", "Create brief"),
    "tui.tip.create_brief": ("写入简报文件并在编辑器中打开", "Write the brief file and open it in the editor"),
    "tui.open_brief.new": ("＋ 新建简报（表单）", "+ New brief (form)"),
    "tui.new_brief.title": ("新建简报", "New brief"),
    "tui.new_brief.campaign": ("活动名称", "Campaign"),
    "tui.new_brief.campaign.hint": ("如：三月会员日", "e.g. March member day"),
    "tui.new_brief.brand": ("品牌", "Brand"),
    "tui.new_brief.brand.hint": ("如：小鹿母婴（署名用）", "e.g. Deer Baby (the signature)"),
    "tui.new_brief.product": ("商品", "Product"),
    "tui.new_brief.product.hint": ("如：有机婴儿米粉", "e.g. organic rice cereal"),
    "tui.new_brief.price": ("价格", "Price"),
    "tui.new_brief.price.hint": ("如：89（可不填）", "e.g. 89 (optional)"),
    "tui.new_brief.offer": ("优惠", "Offer"),
    "tui.new_brief.offer.hint": ("如：会员日满199减50", "e.g. 50 off orders over 199"),
    "tui.new_brief.deadline": ("截止日期", "Deadline"),
    "tui.new_brief.deadline.hint": ("如：2026-03-15（可不填）", "e.g. 2026-03-15 (optional)"),
    "tui.new_brief.landing_url": ("落地页", "Landing page"),
    "tui.new_brief.landing_url.hint": ("https://…（可不填；海报带二维码）", "https://… (optional; posters get a QR code)"),
    "tui.new_brief.segments": ("分群", "Segments"),
    "tui.new_brief.deliverables": ("内容", "Deliverables"),
    "tui.new_brief.members": ("{count} 人 · 统计日 {as_of}", "{count} members · as of {as_of}"),
    "tui.new_brief.d.community": ("社群文案 ×3", "Community post ×3"),
    "tui.new_brief.d.moments": ("朋友圈文案 ×2", "Moments post ×2"),
    "tui.new_brief.d.sms": ("短信 ×2", "SMS ×2"),
    "tui.new_brief.d.xiaohongshu_title": ("小红书标题 ×5", "Xiaohongshu titles ×5"),
    "tui.new_brief.d.poster": ("小红书海报 ×2", "Xiaohongshu poster ×2"),
    "tui.new_brief.d.douyin_script": ("抖音 30 秒脚本 ×2", "Douyin 30 s script ×2"),
    "tui.new_brief.hint": ("Tab 下一项 · 空格勾选 · Ctrl+S 创建 · Esc 取消", "Tab next field · Space ticks · Ctrl+S creates · Esc cancels"),
    "tui.new_brief.no_segments": ("分群库为空：先在 segments.yaml 添加分群，或 workbench segments import 订单导出.csv", "The segment library is empty: add segments to segments.yaml or run workbench segments import orders.csv"),
    "tui.new_brief.fill": ("还需填写：{fields}", "Still needed: {fields}"),
    "tui.new_brief.ready": ("简报有效，Ctrl+S 创建", "The brief is valid; Ctrl+S creates it"),
    "tui.new_brief.not_ready": ("简报还不完整或有问题，见表单旁（窄屏时在下方）的提示。", "The brief is incomplete or has a problem; see the note beside (or below) the form."),
    "tui.new_brief.exists": ("文件已存在，未覆盖", "the file exists; not overwritten"),
    "tui.new_brief.created": ("已创建 {path}", "Created {path}"),
    "tui.matrix.title": ("任务矩阵：{jobs} 个任务 · {variants} 个变体", "Job matrix: {jobs} jobs · {variants} variants"),
    "tui.matrix.cached": ("已完成 {count}", "{count} done"),
    "tui.edit.field.title": ("标题", "Title"),
    "tui.edit.field.body": ("正文", "Body"),
    "tui.edit.field.cta": ("行动号召", "Call to action"),
    "tui.edit.field.hashtags": ("话题标签", "Hashtags"),
    "tui.edit.field.headline": ("主标题", "Headline"),
    "tui.edit.field.subheadline": ("副标题", "Subheadline"),
    "tui.edit.field.bullets": ("要点", "Bullets"),
    "tui.edit.field.badge": ("角标", "Badge"),
    "tui.edit.field.titles": ("标题", "Titles"),
    "tui.edit.field.text": ("标题", "Title"),
    "tui.edit.field.angle": ("角度", "Angle"),
    "tui.edit.one_per_line": ("{field}（每行一个）", "{field} (one per line)"),
    "tui.edit.rows": ("{field}（每行一条：{columns}）", "{field} (one per line: {columns})"),
    "tui.edit.yaml_field": ("{field}（YAML）", "{field} (YAML)"),
    "tui.regen.instruction": ("一句要求", "Guidance"),
    "tui.regen.instruction.hint": ("可不填，如：更口语、别提云盘、用重庆话", "optional, e.g. more casual, no cloud drive"),
    "tui.detail.instruction": ("要求", "guidance"),
    # -- end TUIPOLISH ------------------------------------------------------------------
    # -- SCALE (issue 16): Batch API runs, off-peak scheduling, cost estimates ---------
    "batch.planned": (
        "{campaign}：{total} 个任务 · {cached} 个已完成 · {waiting} 个在未收取的批次中 · {new} 个本次提交",
        "{campaign}: {total} jobs · {cached} done · {waiting} in open batches · {new} submitted now",
    ),
    "batch.submitted": (
        "已提交批次 {id}：{batch_id}（{requests} 个请求，文件 {file_id}）",
        "Batch {id} submitted: {batch_id} ({requests} requests, file {file_id})",
    ),
    "batch.waiting": ("等待批处理接口", "Waiting for the Batch API"),
    "batch.collecting": (
        "收取批次 {id}（{status}，{completed} 个完成，{failed} 个失败）",
        "Collecting batch {id} ({status}, {completed} done, {failed} failed)",
    ),
    "batch.storing": ("入库中", "Storing"),
    "batch.open_hint": (
        "{count} 个批次仍在处理中。稍后运行 workbench batch collect {id}，或重新运行同一条 generate（不会重复提交）",
        "{count} batches still running. Later run workbench batch collect {id}, or the same "
        "generate again (nothing is submitted twice)",
    ),
    "batch.none": ("还没有批次", "No batches yet"),
    "batch.cancel_sent": (
        "已请求取消批次 {id}（{batch_id}）：{status}",
        "Cancel requested for batch {id} ({batch_id}): {status}",
    ),
    "batch.offline_mode": (
        "llm.mode = \"batch\"，但未配置模型端点：离线模板生成器直接生成，不走批处理",
        'llm.mode = "batch" but no endpoint is configured: the offline composer runs at '
        "once, without a batch",
    ),
    "batch.col.provider_id": ("服务商批次", "provider batch"),
    "batch.col.done": ("完成/请求", "done/requests"),
    "batch.col.created": ("创建时间", "created"),
    "batch.col.collected": ("已收取", "collected"),
    "batch.tui.open": (
        "未收取的批次：{count} 个（{requests} 个请求）· workbench batch list",
        "Open batches: {count} ({requests} requests) · workbench batch list",
    ),
    "offpeak.waiting": (
        "等待低价时段 {start}–{end}（{zone}）：约 {minutes} 分钟后，{at} 开始",
        "Waiting for the off-peak window {start}-{end} ({zone}): starts at {at}, in about "
        "{minutes} min",
    ),
    "offpeak.started": ("低价时段已开始（{at}）：开始生成", "Off-peak window open ({at}): generating"),
    "offpeak.ends": (
        "注意：低价时段 {end} 结束，之后的调用按原价计费",
        "Note: the off-peak window ends at {end}; calls after that are billed at full price",
    ),
    "estimate.tokens": (
        "待生成 {jobs} 个任务：输入约 {input} tokens，输出约 {output} tokens（输出按离线样例估算）",
        "{jobs} jobs to make: about {input} input tokens and {output} output tokens (output "
        "estimated from offline sample answers)",
    ),
    "estimate.cost": (
        "费用估算：实时接口 {interactive} {currency} · 批处理 {batch} {currency}",
        "Estimated cost: {interactive} {currency} interactive · {batch} {currency} batch",
    ),
    "estimate.no_prices": (
        "在 workbench.toml 的 [llm.prices] 中填写每百万 tokens 的价格（input、output）即可估算费用",
        "Add [llm.prices] (input, output per million tokens) to workbench.toml for a cost "
        "estimate",
    ),
    # -- end SCALE ----------------------------------------------------------------------
    # -- TRUTH (#13): the next round after a promotion ---------------------------------
    "generate.new_round": (
        "{campaign}：第 {round} 轮，重新生成 {count} 个提示词有变化的任务（如新晋升的范例）；其余沿用缓存",
        "{campaign}: round {round}: {count} jobs whose prompt changed (e.g. a promoted "
        "example) were re-run; every other job stayed cached",
    ),
    # -- end TRUTH ----------------------------------------------------------------------
    "error.prefix": ("错误", "error"),
    # -- CLI polish (issue 18): campaigns, review, variants, audit, pack ------------
    "campaigns.none": (
        "还没有活动：先运行 workbench generate 简报.yaml",
        "No campaigns yet: run workbench generate BRIEF.yaml first",
    ),
    "campaigns.hint": (
        "需要写活动的地方，可以用序号、ID 的唯一前缀或活动名称",
        "Wherever a command takes a CAMPAIGN: its number, a unique id prefix or its name",
    ),
    "review.commented": ("变体 {id}：已添加评论（状态不变）", "Variant {id}: comment added (status unchanged)"),
    "validate.past_deadline": (
        "{where}: campaign.product.deadline: 注意：截止日期 {date} 已过去 {days} 天；文案里的截止日期会显得过时，改好日期再生成",
        "{where}: campaign.product.deadline: warning: the deadline {date} was {days} day(s) ago; "
        "copy that quotes it reads as expired: fix the date before generating",
    ),
    "ab.no_data_yet": (
        "暂无数据：还没有导入结果，下表不是结论（导入：workbench ab import 结果.csv）",
        "No data yet: no results imported, nothing below is a result "
        "(import: workbench ab import results.csv)",
    ),
    "ab.formula_text": (
        "公式：Evan Miller 双侧检验 n = (z(1-a/2)*sqrt(2*p*(1-p)) + "
        "z(power)*sqrt(p*(1-p)+q*(1-q)))^2 / (q-p)^2，p = 基线，q = p + mde；K 组时 "
        "a = alpha/(K-1)（与对照的 K-1 次比较做 Bonferroni 校正）；与他的计算器一样取整到人",
        "Formula: {formula}",
    ),
    "audit.action.generate": ("生成", "generate"),
    "audit.generated": ("运行 #{run}", "run #{run}"),
    "audit.action.approve": ("通过", "approve"),
    "audit.action.reject": ("驳回", "reject"),
    "audit.action.request_changes": ("要求修改", "request changes"),
    "audit.action.comment": ("评论", "comment"),
    "audit.action.submit": ("提交审核", "submit"),
    "audit.action.edit": ("编辑", "edit"),
    "audit.action.fix": ("自动修复", "fix"),
    "audit.action.export": ("导出", "export"),
    "audit.action.import": ("导入决定", "import"),
    "audit.action.regenerate": ("重新生成", "regenerate"),
    "audit.action.ab_stop": ("停止实验", "stop experiment"),
    "audit.action.ab_promote": ("推广胜者", "promote winner"),
    "audit.override": ("豁免禁用词", "override"),
    "audit.exported": ("{format}，{count} 个变体 → {path}", "{format}, {count} variants -> {path}"),
    "audit.imported": (
        "{file}：应用 {applied}，已导入过 {already}，问题 {problems}",
        "{file}: {applied} applied, {already} imported before, {problems} problems",
    ),
    "pack.none": (
        "活动 {campaign} 还没有已通过审核的内容：发布包只收已通过的变体，先审核（workbench review approve）",
        "campaign {campaign} has no approved content yet: the pack holds approved variants only "
        "(workbench review approve)",
    ),
    "pack.title": ("发布包 · {campaign}", "Publish pack · {campaign}"),
    "pack.summary": (
        "{count} 条已通过审核的内容，按人群和渠道排列；文案可直接复制粘贴，海报和链接在旁边",
        "{count} approved pieces by segment and channel: copy ready to paste, with its poster and link",
    ),
    "pack.segment": ("人群：{segment}", "Segment: {segment}"),
    "pack.meta": ("#{id} · {style} · 文件 {file}", "#{id} · {style} · file {file}"),
    "pack.link": ("追踪链接", "Tracked link"),
    "pack.poster": ("海报", "Poster"),
    # -- end CLI polish (issue 18) keys
    # -- POLISH (#18, session 4): TUI focus/export/poster/clipboard/palette, core errors ----
    "tui.export.written": ("已导出", "Exported"),
    "tui.variants.poster_at": (
        "这台机器没有图形界面，打不开图片。海报文件在：{path}",
        "No desktop here to show the picture. The poster file is at: {path}",
    ),
    "tui.key.copy_text": ("复制", "Copy"),
    "tui.tip.copy_text": (
        "把已通过审核的文案复制到剪贴板（OSC 52），可直接粘贴到企业微信",
        "Copy the approved text to the clipboard (OSC 52), ready to paste into WeCom",
    ),
    "tui.copy.not_approved": (
        "#{id} 还是「{status}」：审核通过后才能复制发送",
        "#{id} is {status}: approve it before copying it out",
    ),
    "tui.copy.done": (
        "已复制 #{id} 的文案（{chars} 字）到剪贴板。终端不支持 OSC 52 时请用 x 导出",
        "Copied #{id} ({chars} characters) to the clipboard. If your terminal lacks OSC 52, export with x",
    ),
    "tui.key.palette": ("命令", "Cmd"),
    "tui.tip.palette": ("打开命令面板", "Open the command palette"),
    "tui.palette.placeholder": ("搜索命令…", "Search for commands…"),
    "tui.sys.theme": ("主题", "Theme"),
    "tui.sys.theme.help": ("更换界面配色", "Change the current theme"),
    "tui.sys.quit": ("退出", "Quit"),
    "tui.sys.quit.help": ("立即退出程序", "Quit the application as soon as possible"),
    "tui.sys.keys": ("按键说明", "Keys"),
    "tui.sys.keys.help": (
        "显示当前控件的帮助和可用按键",
        "Show help for the focused widget and a summary of available keys",
    ),
    "tui.sys.keys.help.hide": ("隐藏按键说明面板", "Hide the keys and widget help panel"),
    "tui.sys.minimize": ("还原", "Minimize"),
    "tui.sys.minimize.help": ("把放大的控件还原为正常大小", "Minimize the widget and restore to normal size"),
    "tui.sys.maximize": ("放大", "Maximize"),
    "tui.sys.maximize.help": ("放大当前控件", "Maximize the focused widget"),
    "tui.sys.screenshot": ("截图", "Screenshot"),
    "tui.sys.screenshot.help": (
        "把当前界面存成 SVG 截图",
        "Save an SVG 'screenshot' of the current screen",
    ),
    "tui.edit.link_token": ("〔链接〕", "〔link〕"),
    "tui.edit.link": (
        "追踪链接（不在这里编辑，保存时放回 {token} 处）：{url}",
        "Tracked link (not edited here; saving puts it back at {token}): {url}",
    ),
    "tui.edit.link_missing": (
        "追踪链接的位置 {token} 被删掉了：把 {token} 放回链接该出现的地方",
        "the tracked link's place {token} is gone: put {token} back where the link goes",
    ),
    # job and run statuses in `workbench jobs` (the JSON keeps the raw values)
    "jobs.status.ok": ("成功", "ok"),
    "jobs.status.failed": ("失败", "failed"),
    "jobs.status.cached": ("已缓存", "cached"),
    "jobs.status.pending": ("待运行", "pending"),
    "jobs.status.running": ("运行中", "running"),
    "jobs.status.done": ("已完成", "done"),
    "jobs.status.interrupted": ("已中断", "interrupted"),
    "jobs.status.cancelled": ("已取消", "cancelled"),
    "jobs.status.skipped": ("已跳过", "skipped"),
    # -- end POLISH (#18, session 4)
    # -- POLISH (#18, session 5): the HTML review export's labels ------------------------
    "export.html.title": ("{campaign} · 审核", "{campaign} · review"),
    "export.html.count": ("{n} 个变体", "{n} variants"),
    "export.html.statuses": (" · 状态：{statuses}", " · status: {statuses}"),
    "export.html.poster": ("海报", "poster"),
    "export.kind.copy": ("文案", "copy"),
    "export.kind.title": ("标题", "titles"),
    "export.kind.poster": ("海报", "posters"),
    "export.kind.video_script": ("短视频脚本", "video scripts"),
    "export.kind.live_script": ("直播脚本", "live scripts"),
    "export.kind.theme_post": ("主题帖", "theme posts"),
    "export.channel.community": ("社群", "community"),
    "export.channel.moments": ("朋友圈", "Moments"),
    "export.channel.sms": ("短信", "SMS"),
    "export.channel.push": ("推送", "push"),
    "export.channel.xiaohongshu": ("小红书", "Xiaohongshu"),
    "export.channel.douyin": ("抖音", "Douyin"),
    "export.channel.wechat_article": ("公众号文章", "WeChat article"),
    "export.channel.channels": ("视频号", "WeChat Channels"),
    "export.channel.kuaishou": ("快手", "Kuaishou"),
    "export.field.audience": ("受众", "audience"),
    "export.field.badge": ("角标", "badge"),
    "export.field.body": ("正文", "body"),
    "export.field.bullets": ("要点", "bullets"),
    "export.field.cover_text": ("封面文字", "cover text"),
    "export.field.cta": ("行动号召", "call to action"),
    "export.field.hashtags": ("话题标签", "hashtags"),
    "export.field.headline": ("主标题", "headline"),
    "export.field.subheadline": ("副标题", "subheadline"),
    "export.field.hook": ("开头钩子", "hook"),
    "export.field.shots": ("镜头", "shot"),
    "export.field.cue": ("画面", "cue"),
    "export.field.onscreen_text": ("屏幕文字", "on-screen text"),
    "export.field.voiceover": ("口播", "voice-over"),
    "export.field.text": ("文本", "text"),
    "export.field.title": ("标题", "title"),
    "export.field.phases": ("环节", "phase"),
    "export.field.lines": ("台词", "lines"),
    "export.field.content": ("内容", "content"),
    "export.field.interaction": ("互动", "interaction"),
    "export.field.recap": ("回顾", "recap"),
    "export.field.feature": ("特点", "feature"),
    "export.field.advantage": ("优势", "advantage"),
    "export.field.benefit": ("利益", "benefit"),
    "export.field.evidence": ("证据", "evidence"),
    "export.field.action": ("行动", "action"),
    "export.field.beats": ("节拍", "beat"),
    "export.field.angle": ("角度", "angle"),
    "tui.ab.create_button": ("建实验", "New tests"),
    # -- end POLISH (#18, session 5)
    # -- OPS (#18, session 6): display names of kinds, channels, styles, metrics and A/B
    # statuses (Catalog.name); en-US shows the ids the CLI's flags take
    "name.kind.copy": ("文案", "copy"),
    "name.kind.title": ("标题", "title"),
    "name.kind.poster": ("海报", "poster"),
    "name.kind.video_script": ("短视频脚本", "video_script"),
    "name.kind.live_script": ("直播脚本", "live_script"),
    "name.kind.theme_post": ("主题帖", "theme_post"),
    "name.channel.community": ("社群", "community"),
    "name.channel.moments": ("朋友圈", "moments"),
    "name.channel.sms": ("短信", "sms"),
    "name.channel.push": ("推送", "push"),
    "name.channel.xiaohongshu": ("小红书", "xiaohongshu"),
    "name.channel.douyin": ("抖音", "douyin"),
    "name.channel.wechat_article": ("公众号", "wechat_article"),
    "name.channel.channels": ("视频号", "channels"),
    "name.channel.kuaishou": ("快手", "kuaishou"),
    "name.style.agent": ("代理人法", "agent"),
    "name.style.example": ("示例法", "example"),
    "name.style.instruction": ("指令模板", "instruction"),
    "name.style.specific": ("特定指令", "specific"),
    "name.style.hybrid": ("混合模式", "hybrid"),
    "name.metric.click": ("点击", "click"),
    "name.metric.conversion": ("转化", "conversion"),
    "name.metric.share": ("分享", "share"),
    "name.ab_status.running": ("进行中", "running"),
    "name.ab_status.stopped": ("已停止", "stopped"),
    "name.ab_status.decided": ("已定胜者", "decided"),
    "tui.edit.saving": ("正在保存新版本…", "Saving the new version…"),
    "tui.edit.saving_poster": ("正在保存新版本并重新出图（要几秒）…", "Saving the new version and drawing the poster again (a few seconds)…"),
    "name.origin.packaged": ("内置", "packaged"),
    "name.origin.workspace": ("工作区", "workspace"),
    "llm.col.preset": ("预设", "preset"),
    "llm.col.base_url": ("接口地址", "base URL"),
    "llm.col.model": ("默认模型", "model"),
    "llm.col.json": ("结构化输出", "JSON"),
    # -- end OPS (#18, session 6)
}


# -- CLI polish (issue 18): `--help` in Chinese. Key: the English help text exactly as Typer
# has it (a command's docstring, an option's help=); a long text is keyed by its first
# paragraph and replaced whole. workbench/cli/helptext.py applies it in a zh-CN workspace.
HELP_ZH: dict[str, str] = {
    "AIGC content workbench: YAML briefs -> prompt styles -> LLM -> variants in SQLite.": (
        "AIGC 内容工作台：YAML 简报 → 提示词风格 → 大模型 → 变体存入 SQLite。"
    ),
    "Database file (else WORKBENCH_DB, else the workspace's).": (
        "数据库文件（默认取 WORKBENCH_DB，否则用工作区的数据库）。"
    ),
    "Show the version.": "显示版本号。",
    "Create a workspace: workbench.toml, segments.yaml, example briefs.": (
        "新建工作区：workbench.toml、segments.yaml 和示例简报。"
    ),
    "Workspace folder.": "工作区文件夹。",
    "Create a demo workspace and run an example brief with the offline composer.": (
        "新建演示工作区，用离线模板生成器跑一个示例简报。"
    ),
    "Where to create the demo workspace.": "演示工作区的位置。",
    "Check briefs against the contract and print each job matrix's size.": (
        "校验简报是否符合格式，并显示每个简报的任务矩阵大小。"
    ),
    "Brief YAML files.": "简报 YAML 文件。",
    "Database file (else WORKBENCH_DB, else the workspace's workbench.db).": (
        "数据库文件（默认取 WORKBENCH_DB，否则用工作区的 workbench.db）。"
    ),
    "Print the brief's JSON Schema (for editor completion, see the README).": (
        "输出简报的 JSON Schema（供编辑器自动补全，见 README）。"
    ),
    "Write the schema to this file.": "把 Schema 写入这个文件。",
    "Generate every variant of the briefs; re-runs skip finished jobs.": (
        "生成简报的全部变体；再次运行会跳过已完成的任务。"
    ),
    "Jobs in flight at once.": "同时进行的任务数。",
    "Requests per minute cap.": "每分钟请求数上限。",
    "Filter jobs: segment=ID,kind=K,channel=C,style=S.": (
        "筛选任务，如 segment=ID,kind=K,channel=C,style=S（人群、类型、渠道、风格）。"
    ),
    "Show the jobs; call nothing, write nothing.": "只列出任务：不调用模型、不写数据库。",
    "Start a new round: make new variants.": "开始新一轮：生成新的变体。",
    "Provider preset: openai, deepseek, qwen, ...": "服务商预设：openai、deepseek、qwen 等。",
    "OpenAI-compatible base URL (…/v1).": "OpenAI 兼容接口地址（…/v1）。",
    "Model name.": "模型名称。",
    "Environment variable holding the API key.": "存放 API 密钥的环境变量名。",
    "Use the offline composer even if an endpoint is set.": (
        "即使配置了模型端点也使用离线模板生成器。"
    ),
    "List the jobs of the last run; --failed: the failed ones, with their errors.": (
        "列出最近一次运行的任务；--failed：只看失败的任务及其错误。"
    ),
    "Only the jobs that failed in that run.": "只看这次运行中失败的任务。",
    "The last run of this campaign.": "这个活动最近一次的运行。",
    "This run instead of the last.": "指定这次运行（而不是最近一次）。",
    "Print JSON instead of a table.": "输出 JSON 而不是表格。",
    "Open the terminal UI: campaigns, briefs, generation, variants, compare.": (
        "打开终端界面：活动、简报、生成、变体、对比。"
    ),
    "Check copy against the Advertising-Law terms, the brief and channel limits.": (
        "按广告法用语、简报和渠道限制检查文案。\n\n仍有禁用词（ban）时退出码为 1。"
    ),
    "A text/Markdown file, or a variant id or uid.": "文本/Markdown 文件，或变体 ID / UID。",
    "Lint every variant of a campaign.": "检查一个活动的全部变体。",
    "Channel rules to apply (sms, xiaohongshu, moments...).": (
        "使用的渠道规则（sms、xiaohongshu、moments 等）。"
    ),
    "Take banned/required words and deadline from this brief.": (
        "从这个简报读取禁用词、必含词和截止日期。"
    ),
    "Repair: a new version (variants) or FILE.fixed.ext.": (
        "自动修复：变体保存为新版本，文件写成 FILE.fixed.ext。"
    ),
    "Name for the audit trail.": "记入审计记录的姓名。",
    "The append-only audit trail of a variant (its whole version chain) or a campaign.": (
        "变体（含整个版本链）或活动的审计记录（只增不改）。"
    ),
    "Variant id or uid.": "变体 ID 或 UID。",
    "Campaign: its id, a unique id prefix, its name or its number in `workbench campaigns`.": (
        "活动：ID、ID 的唯一前缀、活动名称或 workbench campaigns 里的序号。"
    ),
    "List campaigns: number, id, name, variants and how many are in each review status.": (
        "列出活动：序号、ID、名称、变体数和各审核状态的数量。"
    ),
    "Export a campaign's variants for review (the export is recorded in the audit).": (
        "导出活动的变体供审核（导出会记入审计）。"
    ),
    "xlsx, csv, html, md or jsonl.": "xlsx、csv、html、md 或 jsonl。",
    "xlsx, csv, html, md, jsonl or pack.": (
        "xlsx、csv、html、md、jsonl 或 pack（发布包：已通过的文案、海报和链接）。"
    ),
    "Only these statuses (repeat or comma-separate).": "只导出这些状态（可重复或用逗号分隔）。",
    "File (or folder) to write.": "写入的文件（或文件夹）。",
    "Who exports (for the audit trail).": "导出人（记入审计）。",
    "Prompt templates: list them, render the exact messages of a job.": (
        "提示词模板：列出模板，显示某个任务实际发送的消息。"
    ),
    "List prompt templates (packaged, or overridden by the workspace's prompts/).": (
        "列出提示词模板（内置的，或被工作区 prompts/ 覆盖的）。"
    ),
    "Show exactly the messages that would be sent for one job.": (
        "显示一个任务将要发送给模型的完整消息。"
    ),
    "Brief YAML file.": "简报 YAML 文件。",
    "Segment id.": "人群 ID。",
    "Deliverable index, as in deliverables[N].": "交付物序号，即 deliverables[N] 的 N。",
    "Prompt style.": "提示词风格。",
    "Variant slot, from 1.": "变体序号，从 1 开始。",
    "The model endpoint: presets and a connection test.": "模型端点：预设和连接测试。",
    "Send a tiny prompt and report latency, or say in plain words what is wrong.": (
        "发送一个很短的提示词，报告延迟；出错时用大白话说明原因。"
    ),
    "List the provider presets.": "列出服务商预设。",
    "Browse generated variants.": "浏览已生成的变体。",
    "List variants (newest version of each) in brief order, filtered.": (
        "按简报顺序列出变体（每个取最新版本），可筛选。"
    ),
    "The whole content of each variant, wrapped.": "显示每个变体的完整内容（自动换行）。",
    "copy, title, poster, video_script.": "copy、title、poster、video_script。",
    "draft, approved, ...": "draft（草稿）、approved（已通过）等。",
    "Channel or platform.": "渠道或平台。",
    "At most N rows.": "最多 N 行。",
    "Show one variant: content, provenance, prompt and version chain.": (
        "查看一个变体：内容、溯源、提示词和版本链。"
    ),
    "A/B tests: experiments, assignment, results, statistics, winners.": (
        "A/B 测试：实验、分组、结果、统计和胜者。"
    ),
    "Create experiments from approved variants: per segment x deliverable, or hand-picked.": (
        "用已通过审核的变体创建实验：按人群 × 交付物，或手动挑选。"
    ),
    "Only this segment.": "只看这个人群。",
    "Only deliverables[N].": "只用 deliverables[N]。",
    "Hand-picked variant ids or uids, a,b,c.": "手动挑选的变体 ID 或 UID，如 a,b,c。",
    "Control variant (default: the first).": "对照组变体（默认：第一个）。",
    "Planned split, e.g. 1,1,2 (default equal).": "计划分配比例，如 1,1,2（默认均分）。",
    "click, conversion or share (default: the brief's).": (
        "click（点击）、conversion（转化）或 share（分享）（默认取简报设置）。"
    ),
    "Default: the brief's.": "默认取简报设置。",
    "Minimum detectable effect.": "最小可检测效应。",
    "Is --mde relative to the control?": "--mde 是否相对于对照组？",
    "Power for the planned sample.": "计划样本量的统计功效。",
    "Experiment name.": "实验名称。",
    "Also take variants not approved yet (warned).": "也使用尚未通过审核的变体（会提示）。",
    "List experiments with their arms.": "列出实验及其分组。",
    "Assign users to arms (deterministic per experiment) and write the send list.": (
        "把用户分到各组（同一实验结果固定），写出发送名单。"
    ),
    "Experiment id (see `ab list`).": "实验 ID（见 ab list）。",
    "CSV with a user_id column.": "含 user_id 列的 CSV。",
    "Share of users held out (get nothing).": "留空对照的用户比例（什么都不发）。",
    "Send list CSV (default ab-<id>-send.csv).": "发送名单 CSV（默认 ab-<id>-send.csv）。",
    "Import daily results CSV: variant_id,date,impressions,clicks,conversions[,shares,...].": (
        "导入每日结果 CSV：变体ID,日期,曝光,点击,转化[,分享,花费,收入]（中英文表头均可）。"
    ),
    "File to import.": "要导入的文件。",
    "Import an event log (JSONL: user_id, variant_id, event, ts).": (
        "导入事件日志（JSONL：user_id、variant_id、event、ts）。"
    ),
    "Import poster QR scans (CSV/JSONL: ts, utm_content or url, optional user_id).": (
        "导入海报扫码记录（CSV/JSONL：ts、utm_content 或 url，可选 user_id）。"
    ),
    "Statistics per experiment: SRM check first, rates, lifts, p-values, Bayesian, verdict.": (
        "每个实验的统计：先做样本比例检查（SRM），再给比率、提升、p 值、贝叶斯概率和结论。"
    ),
    "Experiment id.": "实验 ID。",
    "Also write a PNG chart per experiment here.": "同时在这里为每个实验写一张 PNG 图表。",
    "Users needed per arm (Evan Miller's formula).": "每组需要的人数（Evan Miller 公式）。",
    "Control rate, e.g. 0.2.": "对照组比率，如 0.2。",
    "--mde is relative (0.1 = +10% of baseline).": "--mde 为相对值（0.1 = 基线的 +10%）。",
    "Significance level.": "显著性水平。",
    "Power.": "统计功效。",
    "Arms including control.": "分组数（含对照组）。",
    "Mark an approved winner (it becomes a few-shot example) and archive the losers.": (
        "标记已通过审核的胜者（作为少样本示例），归档落败的变体。"
    ),
    "Promote a winner that is not approved (audited).": "推广尚未通过审核的胜者（记入审计）。",
    "Why --force (recorded in the audit trail).": "使用 --force 的原因（记入审计）。",
    "End a running experiment (audited): its variants may join a new experiment.": (
        "结束进行中的实验（记入审计）：其变体可以加入新实验。"
    ),
    "Why (recorded in the audit trail).": "原因（记入审计）。",
    "The pitfall guide: losing variants of decided experiments, with their numbers.": (
        "避坑指南：已有结论的实验中落败的变体及其数据。"
    ),
    "Only this content kind.": "只看这种内容类型。",
    "Tracked links: the click endpoint, click statistics, exports.": (
        "追踪链接：点击服务、点击统计和导出。"
    ),
    "Serve GET /s/{code} (302 to the variant's target, hits stored) and /healthz.": (
        "提供 GET /s/{code}（302 跳转到变体的落地页并记录点击）和 /healthz。"
    ),
    "Address to listen on.": "监听地址。",
    "Port to listen on.": "监听端口。",
    "Log every request.": "记录每个请求。",
    "Clicks per variant: hits and unique clicks (per visitor and day); bots not counted.": (
        "每个变体的点击：点击数和独立点击（按访客和日期）；爬虫不计。"
    ),
    "Counted clicks as PostHog-shaped JSONL (event link_click, distinct_id, properties).": (
        "把计入的点击导出为 PostHog 格式的 JSONL（event link_click、distinct_id、properties）。"
    ),
    "JSONL file to write.": "写入的 JSONL 文件。",
    "Approve, reject, request changes, comment, edit, regenerate; import decisions.": (
        "审核：通过、驳回、要求修改、评论、编辑、重新生成；导入审核决定。"
    ),
    "Approve a step; approved once every configured step has approved.": (
        "通过一个审核步骤；所有配置的步骤都通过后变体才算通过。"
    ),
    "Variant ids or uids.": "变体 ID 或 UID（可多个）。",
    "Approval step (default: the next one).": "审核步骤（默认：下一个待审步骤）。",
    "Comment; for approvals with ban findings, the override.": (
        "意见；通过含禁用词的变体时即为豁免理由。"
    ),
    "Who acts (default: workspace.reviewer).": "操作人（默认：workspace.reviewer）。",
    "Reject (needs --reason).": "驳回（须填写 --reason）。",
    "Ask for changes (needs --reason); an edit then makes a new version.": (
        "要求修改（须填写 --reason）；修改后成为新版本。"
    ),
    "Add a comment to the audit trail (status unchanged).": "在审计记录里添加评论（状态不变）。",
    "Send drafts to review (draft -> in_review).": "把草稿提交审核（草稿 → 审核中）。",
    "Edit a variant: the change becomes a new version linked to its parent.": (
        "编辑变体：修改保存为新版本，并关联到原版本。"
    ),
    "YAML/JSON with the new content (else $EDITOR).": "新内容的 YAML/JSON 文件（否则打开 $EDITOR）。",
    "Apply the decisions and comments reviewers wrote in an export.": (
        "应用审核人在导出文件里填写的决定和意见。"
    ),
    "A filled-in export (.xlsx or .csv).": "填写过的导出文件（.xlsx 或 .csv）。",
    "Regenerate a variant in another prompt style (or framework): a new variant.": (
        "换一种提示词风格（或框架）重新生成：得到一个新变体。"
    ),
    "Prompt style: agent, example, instruction, specific, hybrid.": (
        "提示词风格：agent、example、instruction、specific、hybrid。"
    ),
    "Copy framework: aida, fabe, pas, story3, scream, succes.": (
        "文案框架：aida、fabe、pas、story3、scream、succes。"
    ),
    "A new take even if this style ran before.": "即使这个风格生成过也再生成一次。",
    "One line of guidance added to the prompt (e.g. 更口语, 别提云盘, 用重庆话).": (
        "加进提示词的一句要求（如：更口语、别提云盘、用重庆话）。"
    ),
    "Video and live-stream scripts: export subtitles and sheets.": (
        "短视频和直播脚本：导出字幕和脚本表。"
    ),
    "Export a script as SRT, Markdown, CSV, XLSX or teleprompter text.": (
        "把脚本导出为 SRT、Markdown、CSV、XLSX 或提词器文本。"
    ),
    "Variant id or uid (or use --campaign).": "变体 ID 或 UID（或用 --campaign）。",
    "One of srt, md, xlsx, csv, txt.": "srt、md、xlsx、csv、txt 之一。",
    "File to write (a folder with --campaign); text formats print without.": (
        "写入的文件（配合 --campaign 时为文件夹）；不指定时文本格式直接输出。"
    ),
    "Export every script of this campaign.": "导出这个活动的全部脚本。",
    "With --campaign: only this status.": "配合 --campaign：只导出这个状态。",
    "Poster templates and rendering.": "海报模板和渲染。",
    "List the poster templates and write a contact sheet of them with sample copy.": (
        "列出海报模板，并用示例文案生成一张样张。"
    ),
    "Contact sheet PNG (default: output/poster-templates.png).": (
        "样张 PNG（默认：output/poster-templates.png）。"
    ),
    "Only list the templates.": "只列出模板。",
    "Render (again) one poster variant and record the files as its assets.": (
        "（重新）渲染一个海报变体，并把文件记为它的素材。"
    ),
    "Template (default: the brief's).": "模板（默认取简报设置）。",
    "Preset or WxH; repeat or comma-separate (default: the brief's).": (
        "尺寸预设或 宽x高；可重复或用逗号分隔（默认取简报设置）。"
    ),
    "QR code (default: the brief's).": "二维码（默认取简报设置）。",
    "Customer segments: import RFM / lifecycle segments from order exports.": (
        "客户分群：从订单导出文件导入 RFM / 生命周期分群。"
    ),
    "Read an order export and write its customer segments into segments.yaml.": (
        "读取订单导出文件，把客户分群写入 segments.yaml。\n\n"
        "FILE 为 CSV（UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030，自动识别）或 XLSX。按表头找列"
        "（去掉首尾空格）：淘宝/天猫（订单编号、买家会员名、买家实际支付金额、订单付款时间、"
        "退款金额），有赞/微店（订单号、买家手机号或买家昵称、实付金额、买家付款时间、退款金额），"
        "或通用格式（order_id、customer_id、paid_at、amount、refund）；--columns 可手动指定。\n\n"
        "规则：已付款（付款时间不为空）且未全额退款（退款 < 实付）的订单才计入；部分退款的订单"
        "按 实付 - 退款 计入。每位客户：R = 最近一次计入的付款日到 --as-of 的天数，F = 计入的"
        "订单数，M = (实付 - 退款) 之和。\n\n"
        "--model rfm：R、F、M 各自与 --threshold（全体客户的平均数或中位数）比较高低：R ≤ 阈值"
        "为近，F ≥ 阈值为高，M ≥ 阈值为高；共 8 个分群（important-value 重要价值客户 …… "
        "general-retain 一般挽留客户），每个附 RFM 方法建议的动作。\n\n"
        "--model lifecycle：new（首次计入的付款在 as-of 前 --new-days 天内）、churned"
        "（R > --churned-days）、dormant（R > --dormant-days）、active（其余）。\n\n"
        "退款大于实付、负数金额、实付为 0、付款晚于 as-of 和重复订单号会报告且不计入。日期或金额"
        "无法识别、缺少列时导入停止，什么都不写。再次导入会替换同一模型的分群，保留你自己写的条目"
        "以及你给导入分群加的 address_as/tone。"
    ),
    "Order export (CSV or XLSX).": "订单导出文件（CSV 或 XLSX）。",
    "rfm (default) or lifecycle.": "rfm（默认）或 lifecycle。",
    "RFM cut points: mean (default) or median.": "RFM 分界：mean（平均数，默认）或 median（中位数）。",
    "Date R is counted to (YYYY-MM-DD; today).": "R 计算到的日期（YYYY-MM-DD；默认今天）。",
    "Header per field: customer=…,paid_at=…,amount=…,refund=…[,order=…].": (
        "每个字段对应的表头：customer=…,paid_at=…,amount=…,refund=…[,order=…]。"
    ),
    "Write DIR/<segment-id>.csv (user_id, R, F, M, last date).": (
        "写出 DIR/<分群id>.csv（user_id、R、F、M、最近日期）。"
    ),
    "WeCom contacts CSV: add external_userid to member files.": (
        "企业微信联系人 CSV：给成员名单加上 external_userid。"
    ),
    "Contacts column matched to the customer id (phone).": "与客户 ID 匹配的联系人列（手机号）。",
    "lifecycle: new within N days.": "lifecycle：N 天内为新客。",
    "lifecycle: dormant when R > N.": "lifecycle：R > N 时为沉睡。",
    "lifecycle: churned when R > N.": "lifecycle：R > N 时为流失。",
    "Every segment in segments.yaml: source (hand-written or imported), members, as-of.": (
        "segments.yaml 里的全部分群：来源（手写或导入）、人数、统计日。"
    ),
    "The weekly community content plan: slots -> content -> 群SOP sheet and ICS.": (
        "每周社群内容计划：时段 → 内容 → 群SOP 表和 ICS 日历。"
    ),
    "Expand a plan into slots (day x slot x segment) and generate their content.": (
        "把计划展开为时段（日期 × 时段 × 人群）并生成内容。"
    ),
    "Plan YAML file.": "计划 YAML 文件。",
    "The slots of a week with their status.": "一周的时段及其状态。",
    "Any date of the week (ISO), e.g. 2026-03-09.": "这一周的任意日期（ISO），如 2026-03-09。",
    "The 群SOP task sheet (xlsx, csv, md) or an ICS calendar of a week.": (
        "一周的群SOP 任务表（xlsx、csv、md）或 ICS 日历。"
    ),
    "xlsx, csv, ics or md.": "xlsx、csv、ics 或 md。",
    "Output file.": "输出文件。",
    "Only approved (or sent) slots.": "只要已通过（或已发送）的时段。",
    "Mark a slot sent; a running experiment's arm gets the send as exposure.": (
        "把时段标记为已发送；进行中实验的对应组计入曝光。"
    ),
    "Slot id (calendar show).": "时段 ID（见 calendar show）。",
    "When it was sent: HH:MM on the slot's day, or a date-time.": (
        "发送时间：时段当天的 HH:MM，或完整日期时间。"
    ),
    "People reached (default: the segment's member count).": "触达人数（默认：人群的成员数）。",
    "Show this message and exit.": "显示此帮助并退出。",
    "The comment (--reason also works).": "评论内容（也可用 --reason）。",
    # SCALE's batch commands (issue 16)
    "Send the jobs through the provider's Batch API (about half price).": (
        "通过服务商的批处理接口（Batch API）发送任务（约半价）。"
    ),
    "Seconds between Batch API status requests.": "两次查询批处理状态之间的秒数。",
    "Submit the batch and return; collect it later.": "提交批处理后立即返回，稍后再收取结果。",
    "With --batch: send the repair round as a second batch, not interactively.": (
        "与 --batch 同用：修复轮作为第二个批次提交，不逐条交互调用。"
    ),
    "Read the answers from this batch output file (e.g. vllm run-batch's), not the provider.": (
        "从这个批处理结果文件（例如 vllm run-batch 的输出）读取回答，不向服务商下载。"
    ),
    "Wait for the configured off-peak hours, then run.": "等到配置的低价时段再运行。",
    "Provider Batch API runs: list, status, collect, cancel.": (
        "服务商批处理任务：列表、状态、收取结果、取消。"
    ),
    "List Batch API runs: provider id, status, requests, collected.": (
        "列出批处理任务：服务商 ID、状态、请求数、是否已收取。"
    ),
    "Only this campaign's batches.": "只看这个活动的批处理。",
    "Only batches not collected yet.": "只看尚未收取的批处理。",
    "Ask the provider where one batch stands (and store it).": (
        "向服务商查询一个批处理的进度（并保存）。"
    ),
    "Batch: local id or the provider's batch id.": "批处理：本地 ID 或服务商的批处理 ID。",
    "Store a finished batch's answers (parse, lint, repair round, store).": (
        "保存已完成批处理的结果（解析、合规检查、修正、入库）。"
    ),
    "Poll until the provider is done, then collect.": "轮询直到服务商完成，然后收取结果。",
    "Seconds between status requests.": "两次状态查询之间的秒数。",
    "Ask the provider to cancel an open batch (collect it afterwards for what finished).": (
        "请服务商取消未完成的批处理（之后再收取已完成的部分）。"
    ),
}
# -- end CLI polish (issue 18) help


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

    def name(self, group: str, value: str | None) -> str:
        """A kind, channel, style, metric or A/B status (``group``) as this language names
        it: 文案, 社群, 代理人法 in zh-CN; the id itself in en-US and for names the catalog
        does not know."""
        if not value:
            return value or ""
        return self.get(f"name.{group}.{value}", value)

    def kind_name(self, kind: str | None, channel: str | None = None, sep: str = "·") -> str:
        """``文案·社群`` (zh-CN) / ``copy·community``: a kind and its channel or platform."""
        shown = self.name("kind", kind)
        return shown + (f"{sep}{self.name('channel', channel)}" if channel else "")

    def get(self, key: str, default: str) -> str:
        """The text of ``key`` when the catalog has it, else ``default`` (a raw name, such
        as a status or field the catalog does not know, shown as given)."""
        return self(key) if key in CATALOG else default
