"""``workbench lint PATH|VARIANT_ID|--campaign C [--channel CH] [--json] [--fix]``."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from workbench.cli.common import (
    DbOption,
    JsonOption,
    campaign_id,
    catalog,
    err,
    out,
    print_json,
    wb,
)
from workbench.errors import InputError, NotFoundError, Problem
from workbench.fsio import atomic_write_text
from workbench.i18n import Catalog
from workbench.kinds.channels import CHANNELS, VIDEO_PLATFORMS
from workbench.lint import Finding, LintContext, Linter, has_ban, load_rules
from workbench.lint.briefcontext import context_from_brief
from workbench.lint.fix import apply_fixes_text, llm_fix
from workbench.lint.matcher import CHANNEL_SCOPES

_UID = re.compile(r"^[0-9a-f]{10}$")
_STYLE = {"ban": "bold red", "limit": "red", "caution": "yellow", "evidence": "cyan"}
MAX_FILE = 2_000_000


def _read_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Problem(str(path), None, "", exc.strerror or "cannot read")) from None
    if len(data) > MAX_FILE:
        raise InputError(Problem(str(path), None, "", "file is too large to lint (2 MB max)"))
    if b"\x00" in data:
        raise InputError(Problem(str(path), None, "", "binary file, not text"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(Problem(str(path), line, "", "not valid UTF-8 text")) from None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_channel(channel: str | None) -> None:
    known = set(CHANNEL_SCOPES) | set(CHANNELS) | set(VIDEO_PLATFORMS)
    if channel is not None and channel not in known:
        raise InputError(
            Problem(
                "--channel",
                None,
                "",
                f"unknown channel {channel!r}; one of " + ", ".join(sorted(known)),
            )
        )


def _summary(findings: list[Finding], target: str, t: Catalog) -> str:
    if not findings:
        return t("lint.clean", target=target)
    n = {
        s: sum(1 for f in findings if f.severity == s)
        for s in ("ban", "caution", "evidence", "limit")
    }
    return t("lint.summary", target=target, other=len(findings) - sum(n.values()), **n)


def _print(findings: list[Finding], where: Any, t: Catalog, con: Console) -> None:
    english = t.language == "en-US"
    for f in findings:
        line = Text(f"{where(f)}: ")
        line.append(f.severity, style=_STYLE.get(f.severity, "dim"))
        line.append(f" {f.rule} {f.message_en if english else f.message_zh}")
        if f.suggestion:
            line.append(f" → {f.suggestion}", style="green")
        con.print(line)


def lint(
    target: Annotated[
        str | None, typer.Argument(help="A text/Markdown file, or a variant id or uid.")
    ] = None,
    campaign: Annotated[
        str | None, typer.Option("--campaign", help="Lint every variant of a campaign.")
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option("--channel", help="Channel rules to apply (sms, xiaohongshu, moments...)."),
    ] = None,
    brief: Annotated[
        Path | None,
        typer.Option("--brief", help="Take banned/required words and deadline from this brief."),
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Repair: a new version (variants) or FILE.fixed.ext.")
    ] = False,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", help="Name for the audit trail.")
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Check copy against the Advertising-Law terms, the brief and channel limits.

    Exits 1 when a ban finding remains.
    """
    if (target is None) == (campaign is None):
        raise InputError(Problem("lint", None, "", "give one PATH or VARIANT_ID, or --campaign"))
    _check_channel(channel)
    workbench = wb(db)
    t = catalog(workbench)
    rules = load_rules(workbench.workspace)
    actor = reviewer or workbench.settings.workspace.reviewer
    con = err if json_out else out
    if target is not None and (
        Path(target).exists() or not (target.isdigit() or _UID.match(target))
    ):
        path = Path(target)
        if not path.is_file():
            raise InputError(Problem(target, None, "", "no such file (and not a variant id)"))
        ctx = LintContext(channel=channel, language=t.language)
        if brief is not None:
            b = workbench.load_brief(brief).brief
            ctx = context_from_brief(b, channel, None)
            ctx = replace(ctx, language=t.language)
        findings = _lint_file(path, ctx, Linter(rules), fix, workbench, t, con)
        payload = [f.to_json() for f in findings]
    else:
        if not workbench.db_exists():
            raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
        found = _lint_variants(target, campaign, channel, fix, actor, workbench, t, con)
        findings = [f for _, f in found]
        payload = [{"variant_id": vid, **f.to_json()} for vid, f in found]
    if json_out:
        print_json(payload)
    if has_ban(findings):
        raise typer.Exit(1)


def _lint_file(
    path: Path,
    ctx: LintContext,
    linter: Linter,
    fix: bool,
    workbench: Any,
    t: Catalog,
    con: Console,
) -> list[Finding]:
    text = _read_file(path)
    findings = linter.lint_text(text, ctx)
    if fix and findings:
        endpoint = workbench.endpoint()
        if endpoint is None:
            repaired, applied = apply_fixes_text(text, findings)
        else:
            result, _ = asyncio.run(llm_fix(workbench.provider(), text, findings, ctx.language))
            repaired, applied = str(result), len(findings)
        fixed = path.with_name(f"{path.stem}.fixed{path.suffix}")
        atomic_write_text(fixed, repaired)
        con.print(t("lint.fixed_file", path=fixed, applied=applied), highlight=False)
        text, findings = repaired, linter.lint_text(repaired, ctx)
        path = fixed

    def where(f: Finding) -> str:
        line, col = _line_col(text, f.start)
        return f"{path}:{line}:{col}"

    _print(findings, where, t, con)
    con.print(_summary(findings, str(path), t))
    return findings


def _lint_variants(
    target: str | None,
    campaign: str | None,
    channel: str | None,
    fix: bool,
    actor: str,
    workbench: Any,
    t: Catalog,
    con: Console,
) -> list[tuple[int, Finding]]:
    """Each variant's findings, with the variant's id."""
    store = workbench.store
    service = workbench.lint(t.language)
    if target is not None:
        variants = [store.variants.get(int(target) if target.isdigit() else target)]
    else:
        campaign = campaign_id(workbench, campaign)
        variants = store.variants.rows(campaign=campaign, channel=channel)
    provider = None
    if fix and workbench.endpoint() is not None:
        provider = workbench.provider()
    results: list[tuple[int, Finding]] = []
    for variant in variants:
        findings = service.lint_and_record(variant, actor)
        if fix and findings:
            outcome = service.fix(variant, actor, provider)
            if outcome.new_id is None:
                con.print(t("lint.nothing_to_fix", id=variant.id))
            else:
                con.print(
                    t(
                        "lint.fixed_variant",
                        id=variant.id,
                        new_id=outcome.new_id,
                        via=outcome.via,
                        applied=outcome.applied,
                        remaining=len(outcome.remaining),
                    )
                )
                variant = store.variants.get(outcome.new_id)
                findings = outcome.remaining
        vid = variant.id
        _print(
            findings,
            lambda f, v=vid: f"#{v} {f.field or ''}[{f.start}:{f.end}]",
            t,
            con,
        )
        results += [(int(vid), f) for f in findings]
    con.print(_summary([f for _, f in results], campaign or str(target), t))
    con.print(
        t(
            "lint.ruleset",
            version=service.linter.rules.version,
            source=t.name("origin", service.linter.rules.source),
        )
    )
    return results
