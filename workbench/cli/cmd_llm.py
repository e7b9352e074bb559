"""``workbench llm test`` and ``workbench llm presets``."""

from __future__ import annotations

import asyncio

import typer
from rich.table import Table

from workbench.cli.common import (
    BaseUrlOption,
    DbOption,
    JsonOption,
    KeyEnvOption,
    ModelOption,
    PresetOption,
    catalog,
    err,
    out,
    overrides,
    print_json,
    wb,
)
from workbench.llm.presets import PRESETS

app = typer.Typer(help="The model endpoint: presets and a connection test.")


@app.command("test")
def test(
    preset: PresetOption = None,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    api_key_env: KeyEnvOption = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Send a tiny prompt and report latency, or say in plain words what is wrong."""
    workbench = wb(db)
    t = catalog(workbench)
    config = workbench.endpoint(overrides(preset, base_url, model, api_key_env, False))
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
            }
        )
    elif result.ok:
        out.print(
            t(
                "llm.ok",
                model=config.model,
                latency=result.latency_ms or 0.0,
                tokens=getattr(result, "total_tokens", None) or "-",
            )
        )
    else:
        message = result.message_zh if t.language == "zh-CN" else result.message_en
        err.print(f"[red]{result.kind}[/]: {message}", markup=True, highlight=False)
    if not result.ok:
        raise typer.Exit(4)


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
    table = Table("preset", "base URL", "model", "JSON")
    for r in rows:
        table.add_row(r["name"], r["base_url"], r["default_model"] or "-", r["structured_output"])
    out.print(table)
