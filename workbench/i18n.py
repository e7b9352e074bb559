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
