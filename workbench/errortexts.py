"""Core error messages in the workspace's language.

The core raises ``WorkbenchError`` / ``InputError`` with English messages (tests and logs
read them; the JSON of a failed job keeps them). A face shows them to a zh-CN operator
through ``localize_error``: each message matching a template of ``ERROR_TEXTS`` is written
in Chinese, the ``file:line: field:`` prefix stays as it is (field names are the YAML's),
and a message no template knows stays English. Templates name their variable parts
``{name}``; a part matches any text.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.errors import InputError, Problem, WorkbenchError

# (English template exactly as the core writes it, zh-CN); the first that matches wins
ERROR_TEXTS: tuple[tuple[str, str], ...] = (
    # brief fields (workbench/brief/messages.py)
    ("required field is missing", "缺少这个必填项"),
    (
        "unknown key '{key}' (did you mean '{near}'?)",
        "没有「{key}」这个键（是不是想写「{near}」？）",
    ),
    ("unknown key '{key}'", "没有「{key}」这个键"),
    ("must be one of: {allowed} (got {got})", "只能是其中之一：{allowed}（现在是 {got}）"),
    ("must be between {low} and {high} (got {got})", "必须在 {low} 到 {high} 之间（现在是 {got}）"),
    ("must be at least {low} (got {got})", "不能小于 {low}（现在是 {got}）"),
    ("must be at most {high} (got {got})", "不能大于 {high}（现在是 {got}）"),
    ("must be greater than {low} (got {got})", "必须大于 {low}（现在是 {got}）"),
    ("must be a whole number (got {got})", "必须是整数（现在是 {got}）"),
    ("must be a number (got {got})", "必须是数字（现在是 {got}）"),
    ("must be true or false (got {got})", "只能是 true 或 false（现在是 {got}）"),
    ("missing; must be one of: {allowed}", "缺少这一项；只能是其中之一：{allowed}"),
    (
        "unknown {key} '{tag}' (did you mean '{near}'?); must be one of: {allowed}",
        "没有「{tag}」这种 {key}（是不是想写「{near}」？）；只能是其中之一：{allowed}",
    ),
    (
        "unknown {key} '{tag}'; must be one of: {allowed}",
        "没有「{tag}」这种 {key}；只能是其中之一：{allowed}",
    ),
    ("is not a #RGB or #RRGGBB colour", "不是 #RGB 或 #RRGGBB 格式的颜色"),
    ("is not an http:// or https:// address", "不是 http:// 或 https:// 开头的网址"),
    ("has the wrong form", "格式不对"),
    # brief files (workbench/brief/loader.py, yamldoc.py, deadline.py)
    (
        "empty file; expected a brief with campaign, segments and deliverables",
        "文件是空的：简报要写 campaign（活动）、segments（人群）和 deliverables（交付物）",
    ),
    (
        "unknown segment '{id}' (did you mean '{near}'?); known segments: {ids}",
        "没有「{id}」这个人群（是不是想写「{near}」？）；已有人群：{ids}",
    ),
    ("unknown segment '{id}'; known segments: {ids}", "没有「{id}」这个人群；已有人群：{ids}"),
    (
        "unknown segment '{id}'; the segment library is empty (define the segment inline"
        " with id and name, or add it to segments.yaml)",
        "没有「{id}」这个人群，人群库是空的（在简报里写上人群的 id 和 name，或加到 segments.yaml）",
    ),
    ("YAML syntax error: {detail}", "YAML 语法错误：{detail}"),
    ("YAML error: {detail}", "YAML 错误：{detail}"),
    ("{date} is {days} day(s) in the past", "{date} 已经过去 {days} 天"),
    # campaign references (workbench/store/campaignref.py)
    ("campaign {name} not found; no campaigns yet", "找不到活动 {name}：还没有任何活动"),
    (
        "campaign {name} not found; see workbench campaigns ({span})",
        "找不到活动 {name}：用 workbench campaigns 查看（序号 {span}）",
    ),
    ("campaign {name} has no runs", "活动 {name} 还没有运行记录"),
    # review (workbench/review/workflow.py, store/queries.py)
    ("variant {id} not found", "找不到变体 {id}"),
    ("variant {id} is {status}: cannot {action} it", "变体 {id} 现在是 {status}，不能{action}"),
    (
        "variant {id} has a newer version ({newest}); review that one",
        "变体 {id} 已有新版本（{newest}），请审核新版本",
    ),
    ("variant {id}: every step is already approved", "变体 {id}：所有审核步骤都已通过"),
    ("variant {id}: step {step} is already approved", "变体 {id}：步骤 {step} 已经通过"),
    ("variant {id}: step {step} waits for {before}", "变体 {id}：步骤 {step} 要等 {before} 先通过"),
    ("a comment needs its text (--text)", "评论需要内容（--text）"),
    ("name at least one variant id", "至少写一个变体 ID"),
    ("no changes: nothing to save", "没有改动，不需要保存"),
    # imports (workbench/guards/csvio.py, abtest, tracking)
    ("empty file: expected a header row", "文件是空的：第一行应该是表头"),
    ("no data rows", "只有表头，没有数据行"),
    ("CSV error: {detail}", "CSV 格式错误：{detail}"),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, chinese in ERROR_TEXTS:
        parts = re.split(r"\{(\w+)\}", english)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        compiled.append((re.compile(f"^{pattern}$", re.DOTALL), chinese))
    return tuple(compiled)


def localize_message(message: str, language: str) -> str:
    """``message`` in ``language`` when a template knows it, else unchanged."""
    if language != "zh-CN":
        return message
    for pattern, chinese in _compiled():
        found = pattern.match(message)
        if found:
            return chinese.format(**found.groupdict())
    return message


def localize_error(error: WorkbenchError, language: str) -> str:
    """``str(error)`` with each message in ``language``; problems keep their prefix."""
    if language != "zh-CN":
        return str(error)
    if isinstance(error, InputError):
        return "\n".join(
            str(Problem(p.path, p.line, p.field, localize_message(p.message, language)))
            for p in error.problems
        )
    return "\n".join(localize_message(line, language) for line in str(error).splitlines())
