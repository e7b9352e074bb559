"""The README's command table and ``workbench --help`` agree: every command and subcommand
is in the table, every command the table names exists, and every ``--flag`` it shows is an
option of one of the commands in its cell."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from workbench.cli.main import app

README = Path(__file__).resolve().parents[1] / "README.md"
CODE = re.compile(r"`([^`]+)`")


def _tree() -> Any:
    root = typer.main.get_command(app)
    assert _is_group(root)
    return root


def _is_group(cmd: Any) -> bool:
    return isinstance(getattr(cmd, "commands", None), dict)


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    found: dict[tuple[str, ...], Any] = {}
    for name, cmd in group.commands.items():
        if cmd.hidden:
            continue
        found[(*prefix, name)] = cmd
        if _is_group(cmd):
            found.update(_commands(cmd, (*prefix, name)))
    return found


def _table_cells() -> list[str]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| command | what it does |")
    cells = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells.append(line[1:].split(" | ", 1)[0])
    return cells


def _mentions(cell: str, root: Any) -> tuple[set[tuple[str, ...]], set[str]]:
    """The command paths a cell names and the flags it shows."""
    paths: set[tuple[str, ...]] = set()
    flags: set[str] = set()
    for code in CODE.findall(cell.replace("\\|", "\0")):
        tokens = code.split()
        if tokens and tokens[0] == "workbench":
            tokens = tokens[1:]
        group = root
        prefix: tuple[str, ...] = ()
        for token in tokens:
            names = token.split("\0")
            if not all(n in group.commands for n in names):
                break
            for n in names:
                paths.add((*prefix, n))
            sub = group.commands[names[0]]
            if len(names) > 1 or not _is_group(sub):
                break
            group, prefix = sub, (*prefix, names[0])
        flags.update(re.findall(r"--[a-z][a-z0-9-]*", code))
    return paths, flags


def _options(cmd: Any) -> set[str]:
    return {opt for p in cmd.params for opt in getattr(p, "opts", []) if opt.startswith("--")}


def test_readme_table_names_every_command_and_only_real_ones() -> None:
    root = _tree()
    commands = _commands(root)
    named: set[tuple[str, ...]] = set()
    wrong_flags = []
    for cell in _table_cells():
        paths, flags = _mentions(cell, root)
        named |= paths
        known = set().union(*(_options(commands[p]) for p in paths)) if paths else set()
        wrong_flags += [f"{cell[:50]}...: {f}" for f in sorted(flags - known - {"--help"})]
    # a group is named when its subcommands are (``ab create|list|...``)
    named |= {p[:i] for p in named for i in range(1, len(p))}
    missing = sorted(" ".join(p) for p in commands if p not in named)
    assert not missing, f"add to the README command table: {missing}"
    assert not wrong_flags, "README flags no command in the cell has:\n" + "\n".join(wrong_flags)


def test_the_parser_reads_alternatives_and_flags() -> None:
    root = _tree()
    paths, flags = _mentions("`workbench review approve\\|reject ID [--reason R]`", root)
    assert paths == {("review",), ("review", "approve"), ("review", "reject")}
    assert flags == {"--reason"}
    assert _mentions("`workbench nosuch --x`", root)[0] == set()
