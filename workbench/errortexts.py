"""Core error messages in the workspace's language.

The core raises ``WorkbenchError`` / ``InputError`` with English messages (tests and logs
read them; the JSON of a failed job keeps them). A face shows them to a zh-CN operator
through ``localize_error``: each message matching a template of ``ERROR_TEXTS`` is written
in Chinese, the ``file:line: field:`` prefix stays as it is (field names are the YAML's;
an import column reads as its zh-CN header, ``曝光``), and a message no template knows
stays English. Templates name their variable parts
``{name}``; a part matches any text.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.errors import InputError, Problem, WorkbenchError
from workbench.guards.headers import label

# import columns a problem names as its field: shown with the header a zh-CN sheet has
_COLUMNS = frozenset(
    (
        "variant_id",
        "uid",
        "date",
        "experiment",
        "impressions",
        "clicks",
        "conversions",
        "shares",
        "cost",
        "revenue",
        "decision",
        "comment",
        "reviewer",
    )
)

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
    # file reading (workbench/guards/decode.py, limits.py, customers/reading.py)
    ("file not found", "找不到文件"),
    ("no such file", "找不到文件"),
    ("cannot read the file ({reason})", "读不了这个文件（{reason}）"),
    ("cannot read: {reason}", "读不了这个文件：{reason}"),
    ("is a directory, not a text file", "是文件夹，不是文本文件"),
    ("is a directory, not a {what} file", "是文件夹，不是 {what} 文件"),
    (
        "not a regular file (a device, pipe or socket); give a file",
        "不是普通文件（是设备、管道或套接字），请给一个文件",
    ),
    ("file is too large ({size}; at most {limit})", "文件太大（{size}，最多 {limit}）"),
    (
        "not valid UTF-8 or {encoding} {what} (it starts like {again}); save it as UTF-8",
        "不是有效的 UTF-8 或 {encoding} {what}（开头像 {again}），请另存为 UTF-8",
    ),
    (
        "not valid UTF-8 text (bad byte 0x{byte}); save it as UTF-8",
        "不是有效的 UTF-8 文本（有无效字节 0x{byte}），请另存为 UTF-8",
    ),
    ("not UTF-8 text (nor UTF-16 or GBK)", "不是 UTF-8 文本（也不是 UTF-16 或 GBK）"),
    ("binary file (contains NUL bytes), not text", "是二进制文件（含 NUL 字节），不是文本"),
    ("binary file (contains NUL bytes), not {what}", "是二进制文件（含 NUL 字节），不是 {what}"),
    ("nested more than {limit} levels deep; flatten the data", "嵌套超过 {limit} 层，请把数据展平"),
    (
        "expands to more than {limit} values (YAML aliases?); refused",
        "展开后超过 {limit} 个值（用了 YAML 别名？），不予处理",
    ),
    ("expected a whole number, got {got}", "应该是整数（现在是 {got}）"),
    ("{value} is below the minimum {low}", "{value} 小于最小值 {low}"),
    ("{value} is above the maximum {high}", "{value} 大于最大值 {high}"),
    ("empty sheet: expected a header row", "工作表是空的：第一行应该是表头"),
    ("the workbook has no sheet", "工作簿里没有工作表"),
    ("cannot read as XLSX: {detail}", "无法按 XLSX 读取：{detail}"),
    ("bad CSV: {detail}", "CSV 格式错误：{detail}"),
    ("missing column; found headers: {found}", "缺少这一列；文件里的表头是：{found}"),
    # A/B results, events and scans (workbench/abtest/importing.py, bulkcsv.py)
    (
        "missing column; the header is variant_id,date,impressions,clicks,conversions"
        " plus optional shares,cost,revenue",
        "缺少这一列；表头应为 变体ID,日期,曝光,点击,转化，可选 分享,花费,收入（也可用英文表头）",
    ),
    (
        "unknown column; the header is variant_id,date,impressions,clicks,conversions"
        " plus optional shares,cost,revenue",
        "没有这一列；表头应为 变体ID,日期,曝光,点击,转化，可选 分享,花费,收入（也可用英文表头）",
    ),
    (
        "repeated column; the header is variant_id,date,impressions,clicks,conversions"
        " plus optional shares,cost,revenue",
        "这一列重复了；表头应为 变体ID,日期,曝光,点击,转化，可选 分享,花费,收入（也可用英文表头）",
    ),
    (
        "variant {key} has been in experiments {named}: name one (experiment column)",
        "变体 {key} 参加过多个实验（{named}）：请在「实验」列写明是哪一个",
    ),
    ("{value} is not an experiment id", "{value} 不是实验 ID"),
    ("variant {key} is not an arm of experiment #{id}", "变体 {key} 不是实验 #{id} 的分组"),
    ("has {count} fields, the header has {width}", "这一行有 {count} 个字段，表头有 {width} 个"),
    ("{key} is not a variant in any experiment", "{key} 不是任何实验里的变体"),
    (
        "{day} is not a date (YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日)",
        "{day} 不是日期（写成 YYYY-MM-DD、YYYY/MM/DD 或 YYYY年M月D日）",
    ),
    ("{text} is not a whole number >= 0", "{text} 不是大于等于 0 的整数"),
    ("{text} is not a number >= 0", "{text} 不是大于等于 0 的数"),
    ("{value} exceeds impressions {impressions}", "{value} 超过了曝光数 {impressions}"),
    ("variant {key} on {day} repeats line {line}", "变体 {key} 在 {day} 的数据与第 {line} 行重复"),
    ("not JSON: Expecting value", "不是 JSON：这里缺一个值"),
    ("not JSON: Extra data", "不是 JSON：一行里多了内容"),
    (
        "not JSON: Expecting property name enclosed in double quotes",
        "不是 JSON：键名要用英文双引号括起来",
    ),
    ("not JSON: Unterminated string starting at", "不是 JSON：引号没有闭合"),
    ("not JSON: Expecting ',' delimiter", "不是 JSON：缺少英文逗号"),
    ("not JSON: Expecting ':' delimiter", "不是 JSON：缺少英文冒号"),
    ("not JSON: {detail}", "不是 JSON：{detail}"),
    ("each line must be a JSON object", "每一行都必须是一个 JSON 对象"),
    ("no events", "没有事件"),
    ("must be a non-empty string or number", "必须是非空的文字或数字"),
    ("must be a variant id or uid", "必须是变体 ID 或 UID"),
    ("{value} is not an ISO date-time", "{value} 不是 ISO 格式的日期时间"),
    ("the header needs ts and utm_content or url", "表头要有 ts 列，以及 utm_content 或 url 列"),
    (
        "no utm_content (give utm_content or a url with it)",
        "没有 utm_content（写 utm_content 列，或带 utm_content 参数的 url）",
    ),
    # A/B experiments (workbench/abtest/, store/ab.py, cli/cmd_ab.py)
    ("experiment {id} not found", "找不到实验 {id}"),
    ("arm {id} not found", "找不到分组 {id}"),
    ("no experiments for campaign {name}", "活动 {name} 还没有实验"),
    ("no variants for campaign {name} with those filters", "活动 {name} 里没有符合这些条件的变体"),
    ("use either --variants or --campaign filters", "--variants 和 --campaign 筛选只能用一种"),
    ("must be numbers separated by commas", "必须是用逗号分隔的数字"),
    ("must be between {low} and {high}", "必须在 {low} 到 {high} 之间"),
    ("must be in [0, 1)", "必须大于等于 0 且小于 1"),
    ("must be positive", "必须大于 0"),
    ("must all be positive", "都必须大于 0"),
    ("an experiment needs at least 2 variants", "一个实验至少要有 2 个变体"),
    ("not one of the variants of {where}", "不是 {where} 里的变体"),
    ("{where} has {count} arms", "{where} 有 {count} 个分组"),
    (
        "applies to one experiment; {count} match (give --segment and --deliverable)",
        "只能用于一个实验，现在有 {count} 个符合（请加上 --segment 和 --deliverable）",
    ),
    ("no such variant", "没有这个变体"),
    ("lists a variant twice", "同一个变体写了两次"),
    (
        "is {status}, not approved (or give --include-drafts)",
        "状态是 {status}，还没通过审核（或加 --include-drafts）",
    ),
    ("is {status}, not approved", "状态是 {status}，还没通过审核"),
    ("mix {label}s: {values}", "混用了不同的 {label}：{values}"),
    (
        "is an arm of running experiment #{id} ({name}); end it first: workbench ab stop {again}",
        "已是进行中的实验 #{id}（{name}）的分组；先结束它：workbench ab stop {again}",
    ),
    (
        "variant {vid} is an arm of running experiment #{id}; end it first: workbench ab stop"
        " {again}",
        "变体 {vid} 已是进行中的实验 #{id} 的分组；先结束它：workbench ab stop {again}",
    ),
    ("experiment {id} is {status}, not running", "实验 {id} 的状态是 {status}，不在进行中"),
    (
        "experiment {id} has no winner yet (verdict: {verdict})",
        "实验 {id} 还没有胜出者（结论：{verdict}）",
    ),
    (
        "experiment {id}: winner {arm} (variant {vid}) is {status}, not approved; approve it"
        " first or give --force --reason R",
        "实验 {id}：胜出的 {arm} 组（变体 {vid}）状态是 {status}，还没通过审核；"
        "先通过审核，或加 --force --reason 理由",
    ),
    ("--force needs --reason (it is audited)", "--force 要同时写 --reason（会记入审计记录）"),
    ("the header must have a user_id column", "表头必须有 user_id 列"),
    ("is empty", "是空的"),
    ("{user} repeats line {line}", "{user} 与第 {line} 行重复"),
    ("no users in the file", "文件里没有用户"),
    ("{name} must be between 0 and 1 (exclusive)", "{name} 必须大于 0 且小于 1"),
    ("arms must be at least 2 (control and one variant)", "arms 至少为 2（对照组加一个变体）"),
    ("mde must not be 0", "mde 不能为 0"),
    (
        "baseline + mde = {target} is not a rate between 0 and 1",
        "baseline + mde = {target}，不是 0 到 1 之间的比率",
    ),
    ("{text} must be one of {allowed}", "{text} 只能是其中之一：{allowed}"),
    ("must be one of {allowed}", "只能是其中之一：{allowed}"),
    # review decisions import (workbench/review/decisions.py)
    ("expected a .xlsx or .csv export", "应该是 .xlsx 或 .csv 格式的导出文件"),
    ("missing column(s) {named}", "缺少列：{named}"),
    ("empty file", "文件是空的"),
    ("not an XLSX file ({detail})", "不是 XLSX 文件（{detail}）"),
    (
        "no sheet has variant_id, decision and comment (变体ID, 审核决定, 审核意见)",
        "没有哪个工作表有 变体ID、审核决定 和 审核意见 这三列",
    ),
    ("unreadable XLSX ({detail})", "XLSX 文件读不了（{detail}）"),
    # a decision row's problem (workbench/review/decisions.py: report.problems)
    ("unknown variant id", "没有这个变体 ID"),
    (
        "edited id: the row's uid {uid} is not this variant's",
        "ID 被改过：这一行的 uid {uid} 不是这个变体的",
    ),
    (
        "unknown decision {decision} (approve/reject/changes)",
        "看不懂的审核决定 {decision}（通过/驳回/修改，或 approve/reject/changes）",
    ),
    (
        "stale: the variant changed since the export; not applied",
        "已过期：导出之后变体改过了，这一行没有应用",
    ),
    # the command line's usage errors (Click, inside Typer)
    ("Got unexpected extra argument(s) ({args})", "多了参数：{args}"),
    (
        "No such option: {option} (Possible options: {options})",
        "没有 {option} 这个选项（是不是想写：{options}）",
    ),
    ("No such option: {option}", "没有 {option} 这个选项"),
    ("No such command {name}.", "没有 {name} 这个命令"),
    ("Missing option {name}.", "缺少选项 {name}"),
    ("Missing command.", "缺少子命令（加 --help 看有哪些）"),
    ("Missing argument {name}.", "缺少参数 {name}"),
    ("Option {option} requires an argument.", "选项 {option} 后面要写一个值"),
    ("Option {option} requires {count} arguments.", "选项 {option} 后面要写 {count} 个值"),
    ("Option {option} does not take a value.", "选项 {option} 后面不带值"),
    (
        "Invalid value for {option}: Input should be a valid integer, unable to parse string as"
        " an integer",
        "{option} 的值不对：应该是整数",
    ),
    (
        "Invalid value for {option}: Input should be a valid number, unable to parse string as"
        " a number",
        "{option} 的值不对：应该是数字",
    ),
    ("Invalid value for {option}: {detail}", "{option} 的值不对：{detail}"),
)


# words a template part of this name takes, in zh-CN (the status names agree with i18n's
# cal.status.*: tests/cli/test_cli_errortexts_ab.py)
PART_WORDS: dict[str, dict[str, str]] = {
    "status": {
        "draft": "草稿",
        "in_review": "审核中",
        "approved": "已通过",
        "rejected": "已驳回",
        "changes_requested": "待修改",
        "archived": "已归档",
        "running": "进行中",
        "stopped": "已结束",
    },
    "verdict": {
        "no_data": "还没有数据",
        "need_more": "还没有显著差异",
        "no_difference": "已达计划样本，没有显著差异",
        "srm": "样本比例失衡",
        "invalid_data": "成功数超过曝光数",
    },
}


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
            parts = {
                name: PART_WORDS.get(name, {}).get(value, value)
                for name, value in found.groupdict().items()
            }
            return chinese.format(**parts)
    return message


def localize_error(error: WorkbenchError, language: str) -> str:
    """``str(error)`` with each message in ``language``; problems keep their prefix."""
    if language != "zh-CN":
        return str(error)
    if isinstance(error, InputError):
        return "\n".join(
            str(Problem(p.path, p.line, _field(p.field), localize_message(p.message, language)))
            for p in error.problems
        )
    return "\n".join(localize_message(line, language) for line in str(error).splitlines())


def _field(field: str) -> str:
    """An import column's zh-CN header (``impressions`` -> ``曝光``); other fields as given."""
    return label(field, "zh-CN") if field in _COLUMNS else field
