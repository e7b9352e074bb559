"""``workbench llm test`` and ``workbench llm presets``."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from workbench.app import EndpointOverrides
from workbench.cli.common import (
    ENDPOINT,
    DbOption,
    JsonOption,
    catalog,
    endpoint_options,
    err,
    out,
    print_json,
    wb,
)
from workbench.i18n import Catalog
from workbench.llm.presets import PRESETS

if TYPE_CHECKING:
    from workbench.llm.diagnose import DiagnosisResult

app = typer.Typer(help="The model endpoint: presets and a connection test.")


@app.command("test")
@endpoint_options(offline=False)
def test(
    endpoint: EndpointOverrides = ENDPOINT,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Send a tiny prompt and report latency, or say in plain words what is wrong."""
    workbench = wb(db)
    t = catalog(workbench)
    config = workbench.endpoint(endpoint)
    if config is None:
        if json_out:
            print_json({"ok": True, "provider": "offline", "kind": "offline"})
        else:
            out.print(t("llm.offline"))
        return
    from workbench.llm import diagnose  # imports langchain and openai: only when testing

    result = asyncio.run(diagnose.test_endpoint(config, workbench.settings.llm))
    if json_out:
        print_json(
            {
                "ok": result.ok,
                "kind": result.kind,
                "model": config.model,
                "latency_ms": result.latency_ms,
                "message": result.message_en,
                "detail": result.detail,
                "usage": {
                    "prompt_tokens": result.prompt_tokens,
                    "completion_tokens": result.completion_tokens,
                    "estimated": result.tokens_estimated,
                },
                "structured_output": {
                    "current": result.structured_output,
                    "recommended": result.recommended,
                    "probes": [
                        {"mode": m.mode, "ok": m.ok, "reason": m.reason} for m in result.modes
                    ],
                },
                "slots": result.slots,
            }
        )
    elif result.ok:
        _print_ok(result, t)
    else:
        message = result.message_zh if t.language == "zh-CN" else result.message_en
        err.print(f"[red]{result.kind}[/]: {message}", markup=True, highlight=False)
        if result.detail:
            err.print(t("llm.server_said", text=result.detail), markup=False, highlight=False)
    if not result.ok:
        raise typer.Exit(4)


def _print_ok(result: DiagnosisResult, t: Catalog) -> None:
    """Latency, usage, the structured-output probes and their recommendation, slots."""
    total = result.total_tokens
    out.print(
        t("llm.ok", model=result.model, latency=result.latency_ms or 0.0, tokens=total or "-"),
        highlight=False,
    )
    if total is None:
        out.print(t("llm.no_usage"), highlight=False)
    else:
        estimated = t("llm.estimated") if result.tokens_estimated else ""
        out.print(
            t(
                "llm.tokens",
                prompt=result.prompt_tokens or 0,
                completion=result.completion_tokens or 0,
                estimated=estimated,
            ),
            highlight=False,
        )
    for probe in result.modes:
        if probe.ok:
            out.print(t("llm.mode_ok", mode=probe.mode), highlight=False, markup=False)
        else:
            line = t("llm.mode_failed", mode=probe.mode, reason=probe.reason)
            out.print(line, highlight=False, markup=False)
    if result.modes:
        key = "llm.keep" if result.recommended == result.structured_output else "llm.recommend"
        out.print(t(key, mode=result.recommended), highlight=False, markup=False)
    if result.slots is not None:
        out.print(t("llm.slots", slots=result.slots), highlight=False)


@app.command("presets")
def presets(json_out: JsonOption = False) -> None:
    """List the provider presets."""
    rows = [
        {
            "name": p.name,
            "base_url": p.base_url,
            "default_model": p.default_model,
            "structured_output": p.structured_output,
        }
        for p in PRESETS.values()
    ]
    if json_out:
        print_json(rows)
        return
    t = catalog()
    table = Table(t("llm.col.preset"), t("llm.col.base_url"), t("llm.col.model"), t("llm.col.json"))
    for r in rows:
        table.add_row(r["name"], r["base_url"], r["default_model"] or "-", r["structured_output"])
    out.print(table)
