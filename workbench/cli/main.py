"""The ``workbench`` command: Typer app, global options, and the error boundary."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench import __version__
from workbench.cli import (
    cmd_ab,
    cmd_batch,
    cmd_brief,
    cmd_calendar,
    cmd_campaigns,
    cmd_export,
    cmd_generate,
    cmd_jobs,
    cmd_lint,
    cmd_llm,
    cmd_poster,
    cmd_prompts,
    cmd_review,
    cmd_script,
    cmd_segments,
    cmd_track,
    cmd_tui,
    cmd_variants,
    cmd_workspace,
    common,
    helptext,
)
from workbench.errors import InputError, WorkbenchError
from workbench.errortexts import localize_error, localize_message
from workbench.guards.dberror import database_error
from workbench.guards.redact import redact
from workbench.guards.text import for_display

app = typer.Typer(
    name="workbench",
    help="AIGC content workbench: YAML briefs -> prompt styles -> LLM -> variants in SQLite.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"workbench {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Database file (else WORKBENCH_DB, else the workspace's)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    common.STATE.db = db


app.command()(cmd_workspace.init)
app.command()(cmd_workspace.demo)
app.command()(cmd_brief.validate)
app.command()(cmd_brief.schema)
app.command()(cmd_generate.generate)
app.command()(cmd_jobs.jobs)
app.command()(cmd_campaigns.campaigns)
app.command()(cmd_tui.tui)
app.add_typer(cmd_prompts.app, name="prompts")
app.add_typer(cmd_llm.app, name="llm")
app.add_typer(cmd_variants.app, name="variants")
app.add_typer(cmd_ab.app, name="ab")
app.add_typer(cmd_track.app, name="track")
app.command()(cmd_lint.lint)
app.add_typer(cmd_review.app, name="review")
app.command()(cmd_review.audit)
app.command()(cmd_export.export)
app.add_typer(cmd_script.app, name="script")
app.add_typer(cmd_poster.app, name="poster")
app.add_typer(cmd_segments.app, name="segments")
app.add_typer(cmd_calendar.app, name="calendar")
app.add_typer(cmd_batch.app, name="batch")


def run(argv: list[str] | None = None) -> int:
    """Entry point: expected failures become one line on stderr and an exit code."""
    common.STATE = common.State()
    args = sys.argv[1:] if argv is None else argv
    if not args and sys.stdin.isatty() and sys.stdout.isatty():
        args = ["tui"]  # plain `workbench` in a terminal opens the TUI; piped, it prints help
    try:
        command = helptext.command_for(app)  # --help in the workspace's language
        result = command(args=args, prog_name="workbench", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except WorkbenchError as exc:
        text = localize_error(exc, helptext.help_language())  # zh-CN: the catalog's words
        lines = text.splitlines() or [exc.__class__.__name__]
        for line in lines:
            line = for_display(redact(line))
            print(line if isinstance(exc, InputError) else f"{_prefix()}{line}", file=sys.stderr)
        code = exc.exit_code
    except sqlite3.DatabaseError as exc:  # damaged page, read-only file, full disk
        error = database_error(exc, common.STATE.db_path_hint())
        print(f"{_prefix()}{for_display(str(error))}", file=sys.stderr)
        code = error.exit_code
    except Exception as exc:  # the CLI library's own errors (Typer may vendor Click)
        code = _cli_library_error(exc)
    except KeyboardInterrupt:
        print(
            "interrupted: finished jobs are saved; run the same command to resume", file=sys.stderr
        )
        code = 130
    finally:
        common.STATE.close()
    if argv is None:
        sys.exit(code)
    return code


def _prefix() -> str:
    """``error: `` in English, ``错误：`` in a zh-CN workspace (the language --help uses)."""
    return "错误：" if helptext.help_language() == "zh-CN" else "error: "


def _cli_library_error(exc: Exception) -> int:
    """Render Click's usage errors and aborts as one line; re-raise anything else.

    Typer 0.29+ ships its own copy of Click, so the classes are matched by name and shape
    rather than imported from ``click``.
    """
    names = {cls.__name__ for cls in type(exc).__mro__}
    if "NoArgsIsHelpError" in names:
        ctx = getattr(exc, "ctx", None)
        print(ctx.get_help() if ctx else "")
        return 0
    if "Abort" in names:
        print("aborted", file=sys.stderr)
        return 130
    if "ClickException" in names:
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "workbench"
        message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
        message = localize_message(message, helptext.help_language())
        print(f"{command}: {_prefix()}{message}", file=sys.stderr)
        return int(getattr(exc, "exit_code", 2))
    raise exc
