"""``workbench review ...`` (approve, reject, request-changes, comment, submit, edit, import)
and ``workbench audit``."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich import box
from rich.table import Column, Table
from rich.text import Text

from workbench.app import EndpointOverrides, Workbench
from workbench.brief.models import FRAMEWORKS, STYLES
from workbench.brief.yamldoc import parse, read_text
from workbench.cli.common import (
    CAMPAIGN_HELP,
    ENDPOINT,
    DbOption,
    JsonOption,
    campaign_id,
    catalog,
    endpoint_options,
    out,
    print_json,
    wb,
)
from workbench.errors import ConfigError, InputError, NotFoundError, Problem
from workbench.errortexts import localize_message
from workbench.export.rows import status_label
from workbench.fsio import atomic_write_text
from workbench.i18n import Catalog
from workbench.review.workflow import ACTIONS
from workbench.store.auditlog import AuditEntry

app = typer.Typer(
    help="Approve, reject, request changes, comment, edit, regenerate; import decisions."
)

Ids = Annotated[list[str], typer.Argument(help="Variant ids or uids.")]
StepOption = Annotated[
    str | None, typer.Option("--step", help="Approval step (default: the next one).")
]
ReasonOption = Annotated[
    str | None,
    typer.Option("--reason", "-m", help="Comment; for approvals with ban findings, the override."),
]
ReviewerOption = Annotated[
    str | None, typer.Option("--reviewer", help="Who acts (default: workspace.reviewer).")
]


def _open(db: Path | None) -> Workbench:
    workbench = wb(db)
    if not workbench.db_exists():
        raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
    return workbench


def _ids(values: list[str]) -> list[int | str]:
    return [int(v) if v.isdigit() else v.strip().lower() for v in values]


def _act(
    action: str,
    ids: list[str],
    step: str | None,
    reason: str | None,
    reviewer: str | None,
    db: Path | None,
) -> None:
    workbench = _open(db)
    t = catalog(workbench)
    results = workbench.review(_ids(ids), action, reviewer=reviewer, step=step, reason=reason)
    if action == "comment":  # the status does not move: no "draft -> draft" line
        for r in results:
            out.print(t("review.commented", id=r.variant_id), highlight=False)
        return
    for r in results:
        pending = t("review.pending", steps=", ".join(r.pending_steps)) if r.pending_steps else ""
        step_note = f" [{r.step}]" if r.step else ""
        out.print(
            t(
                "review.done",
                id=r.variant_id,
                from_status=status_label(r.from_status, t.language),
                to_status=status_label(r.to_status, t.language),
                step=step_note + (pending if r.to_status == "in_review" else ""),
            ),
            highlight=False,
        )


@app.command("approve")
def approve(
    ids: Ids,
    step: StepOption = None,
    reason: ReasonOption = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Approve a step; approved once every configured step has approved."""
    _act("approve", ids, step, reason, reviewer, db)


@app.command("reject")
def reject(
    ids: Ids, reason: ReasonOption = None, reviewer: ReviewerOption = None, db: DbOption = None
) -> None:
    """Reject (needs --reason)."""
    _act("reject", ids, None, reason, reviewer, db)


@app.command("request-changes")
def request_changes(
    ids: Ids, reason: ReasonOption = None, reviewer: ReviewerOption = None, db: DbOption = None
) -> None:
    """Ask for changes (needs --reason); an edit then makes a new version."""
    _act("request_changes", ids, None, reason, reviewer, db)


@app.command("comment")
def comment(
    ids: Ids,
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="The comment (--reason also works).")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", "-m", hidden=True)] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Add a comment to the audit trail (status unchanged)."""
    if text is not None and reason is not None and text != reason:
        raise InputError(Problem("--text", None, "", "give the comment once (--text)"))
    _act("comment", ids, None, text if text is not None else reason, reviewer, db)


@app.command("submit")
def submit(
    ids: Ids, reason: ReasonOption = None, reviewer: ReviewerOption = None, db: DbOption = None
) -> None:
    """Send drafts to review (draft -> in_review)."""
    _act("submit", ids, None, reason, reviewer, db)


def _read_content(path: Path) -> Any:
    label = str(path)
    doc = parse(read_text(path, label), label)
    if doc.problems:
        raise InputError(doc.problems)
    return doc.data


def _editor_content(content: dict[str, Any]) -> Any:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise ConfigError("set $EDITOR (or pass --content-file FILE)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.yaml"
        atomic_write_text(path, yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
        try:
            done = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError as exc:
            raise ConfigError(f"cannot start the editor {command!r}: {exc.strerror}") from None
        if done.returncode != 0:
            raise ConfigError(f"the editor exited with status {done.returncode}; nothing saved")
        return _read_content(path)


@app.command("edit")
def edit_cmd(
    variant: Annotated[str, typer.Argument(help="Variant id or uid.")],
    content_file: Annotated[
        Path | None,
        typer.Option("--content-file", help="YAML/JSON with the new content (else $EDITOR)."),
    ] = None,
    reason: ReasonOption = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Edit a variant: the change becomes a new version linked to its parent."""
    workbench = _open(db)
    t = catalog(workbench)
    key = _ids([variant])[0]
    current = workbench.store.variants.get(key)
    if content_file is not None:
        new = _read_content(content_file)
        label = str(content_file)
    else:
        new = _editor_content(current.content)
        label = "$EDITOR"
    new_id = workbench.edit(key, new, reviewer=reviewer, comment=reason, label=label)
    out.print(t("review.edited", id=current.id, new_id=new_id), highlight=False)


@app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(help="A filled-in export (.xlsx or .csv).")],
    reviewer: ReviewerOption = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Apply the decisions and comments reviewers wrote in an export."""
    workbench = _open(db)
    t = catalog(workbench)
    report = workbench.import_decisions(file, reviewer)
    if json_out:
        print_json(report.as_dict())
    else:
        out.print(t("review.import_applied", count=len(report.applied)), highlight=False)
        if report.already:
            out.print(t("review.import_same", count=len(report.already)), highlight=False)
        for p in report.problems:
            out.print(
                t(
                    "review.import_problem",
                    row=p["row"],
                    id=p["variant_id"],
                    problem=localize_message(str(p["problem"]), t.language),
                ),
                highlight=False,
            )
        if report.problems:
            out.print(t("guard.import_nothing"), highlight=False)
    if report.problems:
        raise typer.Exit(1)


@app.command("regenerate")
@endpoint_options()
def regenerate_cmd(
    variant: Annotated[str, typer.Argument(help="Variant id or uid.")],
    style: Annotated[str, typer.Option("--style", help=f"Prompt style: {', '.join(STYLES)}.")],
    framework: Annotated[
        str | None,
        typer.Option("--framework", help=f"Copy framework: {', '.join(FRAMEWORKS)}."),
    ] = None,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="A new take even if this style ran before.")
    ] = False,
    instruction: Annotated[
        str | None,
        typer.Option(
            "--instruction",
            help="One line of guidance added to the prompt (e.g. 更口语, 别提云盘, 用重庆话).",
        ),
    ] = None,
    reviewer: ReviewerOption = None,
    json_out: JsonOption = False,
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Regenerate a variant in another prompt style (or framework): a new variant."""
    workbench = _open(db)
    t = catalog(workbench)
    done = workbench.regenerate(
        _ids([variant])[0],
        style,
        framework,
        fresh=fresh,
        overrides=endpoint,
        reviewer=reviewer,
        instruction=instruction,
    )
    if json_out:
        print_json({"source_id": done.source_id, "new_ids": done.new_ids, "cached": done.cached})
        return
    new = ", ".join(f"#{i}" for i in done.new_ids)
    key = "review.regenerated_cached" if done.cached else "review.regenerated"
    out.print(t(key, id=done.source_id, new=new), highlight=False)


def audit(
    variant: Annotated[str | None, typer.Argument(help="Variant id or uid.")] = None,
    campaign: Annotated[str | None, typer.Option("--campaign", help=CAMPAIGN_HELP)] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The append-only audit trail of a variant (its whole version chain) or a campaign."""
    if (variant is None) == (campaign is None):
        raise InputError(Problem("audit", None, "", "give one VARIANT_ID or --campaign"))
    workbench = _open(db)
    store = workbench.store
    if variant is not None:
        vid = store.variants.get(_ids([variant])[0]).id
        rows = store.reviews.audit_trail(variant_id=vid)
    else:
        rows = store.reviews.audit_trail(campaign=campaign_id(workbench, campaign))
    if json_out:
        print_json([r.to_json() for r in rows])
        return
    _audit_table(rows, catalog(workbench))


def _audit_table(rows: list[AuditEntry], t: Catalog) -> None:
    """Who did what when, readable at 80 columns: the date over the time, the action over
    the status move, the comment wrapped in the widest column. Lint runs are no decisions
    and not shown (older databases have such rows; ``--json`` keeps every row)."""
    rows = [r for r in rows if r.action != "lint"]
    if not rows:
        out.print(t("audit.none"))
        return
    table = Table(
        Column(t("col.at"), no_wrap=True),
        Column(t("col.variant"), justify="right", no_wrap=True),
        Column(t("col.actor"), overflow="fold", max_width=12),
        Column(t("col.action"), overflow="fold", max_width=18),
        Column(t("col.comment"), ratio=1, overflow="fold"),
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    for r in rows:
        data = r.data or {}
        action = _action_name(r.action, t) + (f" [{data['step']}]" if data.get("step") else "")
        if r.from_status != r.to_status and r.to_status:
            moved = f"{_status(r.from_status, t)} → {_status(r.to_status, t)}"
            action = f"{action}\n{moved}"
        at = r.at[:16].replace("T", "\n")
        table.add_row(
            at,
            f"#{r.variant_id}" if r.variant_id else "-",
            Text(r.actor or "-"),
            Text(action),
            Text(_note(r, data, t)),
        )
    out.print(table)


def _action_name(action: str, t: Catalog) -> str:
    return t.get(f"audit.action.{action}", action)


def _status(status: str | None, t: Catalog) -> str:
    return status_label(status, t.language) if status else "-"


def _note(r: AuditEntry, data: dict[str, Any], t: Catalog) -> str:
    note = r.comment or ""
    if data.get("override"):
        note = f"{note} ({t('audit.override')})" if note else t("audit.override")
    if r.action == "export" and not note:
        return t(
            "audit.exported",
            format=data.get("format", "?"),
            count=data.get("count", 0),
            path=data.get("path", ""),
        )
    if r.action == "import" and not note:
        return t(
            "audit.imported",
            file=Path(str(data.get("file", ""))).name,
            applied=data.get("applied", 0),
            already=data.get("already", 0),
            problems=data.get("problems", 0),
        )
    if r.action == "generate" and not note and data.get("run_id"):
        return t("audit.generated", run=data["run_id"])
    if not note and data and r.action not in ACTIONS:
        shown = {k: v for k, v in data.items() if k != "variant_ids"}
        note = json.dumps(shown, ensure_ascii=False)
    return note
