"""``--help`` in the workspace's language.

Typer builds its help from docstrings and ``help=`` texts, which are English. In a zh-CN
workspace :func:`localise` walks the command tree before it runs and puts the catalog's
Chinese (``workbench.i18n.HELP_ZH``) in their place, with Click's own words (Usage, Options,
Commands, ``[default: …]``) translated by the help formatter.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from rich.cells import cell_len
from typer._click.core import Context
from typer._click.formatting import HelpFormatter

from workbench.errors import WorkbenchError
from workbench.i18n import HELP_ZH, current_language
from workbench.locations import WORKSPACE_FILE, workspace_dir

_HEADINGS = {"Options": "选项", "Arguments": "参数", "Commands": "命令"}
# Typer's type names after an option (``--only <list[str]>``) and Click's usage words, as a
# zh-CN reader reads them; a range's bounds stay as Click prints them (``[x>=0.01]``)
_METAVARS = {
    "<str>": "<文本>",
    "<int>": "<整数>",
    "<float>": "<数字>",
    "<int range>": "<整数>",
    "<float range>": "<数字>",
    "<file>": "<文件>",
    "<path>": "<路径>",
    "<dir>": "<文件夹>",
    "<list[str]>": "<文本…>",
    "<list[int]>": "<整数…>",
    "<list[Path]>": "<路径…>",
    "<datetime>": "<日期时间>",
    "<bool>": "<是/否>",
}
_METAVAR = re.compile(r"<[^<>]+>")
_USAGE_WORDS = (("[OPTIONS]", "[选项]"), ("COMMAND", "命令"), ("[ARGS]...", "[参数]..."))
_EXTRAS = (
    (re.compile(r"\[default: "), "[默认："),
    (re.compile(r"\[required\]"), "[必填]"),
    (re.compile(r"\[env var: "), "[环境变量："),
)


def zh_help(text: str | None) -> str | None:
    """The Chinese of one English help text (keyed whole, else by its first paragraph)."""
    if not text:
        return text
    found = HELP_ZH.get(text.strip())
    if found is None:
        found = HELP_ZH.get(text.strip().split("\n\n", 1)[0])
    return found if found is not None else text


class ZhHelpFormatter(HelpFormatter):
    """Click's help layout with its headings and extras in Chinese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, chinese in _USAGE_WORDS:
            args = args.replace(english, chinese)
        super().write_usage(prog, zh_metavars(args), "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for number, paragraph in enumerate(zh_help(text).split("\n\n")):  # type: ignore[union-attr]
            if number:
                self.write("\n")
            for line in wrap_cells(" ".join(paragraph.split()), self.width - len(indent)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(zh_metavars(term), _translated(text)) for term, text in rows]
        if not rows:
            return
        first_col = min(max(cell_len(term) for term, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in rows:
            self.write(f"{indent}{term}")
            if not text:
                self.write("\n")
                continue
            if cell_len(term) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            width = max(self.width - first_col - self.current_indent - 1, 20)
            lines = wrap_cells(" ".join(text.split()), width) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


def zh_metavars(term: str) -> str:
    """``--only <list[str]>`` -> ``--only <文本…>``: Typer's type names in Chinese (a
    metavar a command chose itself, such as ``<分群id>``, stays)."""
    return _METAVAR.sub(lambda m: _METAVARS.get(m.group(0), m.group(0)), term)


def _translated(text: str | None) -> str:
    text = zh_help(text) or ""
    for pattern, replacement in _EXTRAS:
        text = pattern.sub(replacement, text)
    return text


_TOKEN = re.compile(r"[\x21-\x7e]+|\s+|.")
_NO_LINE_START = set("，。、；：！？）》」』】〕”’%…·")


def wrap_cells(text: str, width: int) -> list[str]:
    """Greedy wrapping by terminal cells: CJK characters are two wide and may break anywhere
    (not before closing punctuation), ASCII words stay whole."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            if line:
                line += " "
            continue
        if line and cell_len(line.rstrip()) + cell_len(token) > width:
            if not line.strip():
                line += token
                continue
            carried = ""
            if token in _NO_LINE_START and len(line.rstrip()) > 1:
                carried, line = line.rstrip()[-1], line.rstrip()[:-1]  # no line starts with ，
            lines.append(line.rstrip())
            line = carried + token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ZhContext(Context):
    formatter_class = ZhHelpFormatter


def help_language() -> str:
    """The language help is shown in: WORKBENCH_LANG, else the workspace's, else LANG."""
    setting = None
    try:
        workspace = workspace_dir()
        if (workspace / WORKSPACE_FILE).is_file():
            from workbench.settings import Settings

            setting = Settings.load(workspace / WORKSPACE_FILE).workspace.language
    except (WorkbenchError, OSError):
        setting = None  # a broken workbench.toml is reported by the command itself
    return current_language(setting)


def localise(command: Any, language: str) -> Any:
    """Put the Chinese help texts on a Click command tree (in place); returns it."""
    if language != "zh-CN":
        return command
    command.context_class = ZhContext
    command.help = zh_help(command.help)
    if getattr(command, "short_help", None):
        command.short_help = zh_help(command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = zh_help(param.help)
    for sub in getattr(command, "commands", {}).values():
        localise(sub, language)
    return command


def command_for(app: typer.Typer) -> Any:
    """The Click command of ``app`` with its help in the workspace's language."""
    return localise(typer.main.get_command(app), help_language())
