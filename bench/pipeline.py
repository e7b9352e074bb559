"""Pipeline benchmark: the workbench against a bare openai.AsyncOpenAI loop, side by side.

Starts the fake chat-completions server in its own process with a fixed latency, then in
one run measures:
  1. a bare ``openai.AsyncOpenAI`` loop: N requests at concurrency C, sending the very
     messages and response_format the workbench sends (rendered before the clock starts);
  2. the workbench: a brief expanding to N jobs, run by BatchRunner through the
     OpenAI-compatible adapter (render, call, parse, validate, the per-variant checks
     ``generate`` runs: tracked link and the lint with the fact guard, store in SQLite).
It prints the workbench's wall time against the ideal ``ceil(N/C) × latency``, its
throughput against the bare loop, and its own CPU time per variant (the server's CPU is
in another process and not counted).

Both sides start warm: the bare loop after a first wave of requests, the workbench with
the templates compiled (one prompt library per process, as ``Workbench.prompts`` keeps it:
the payloads of the bare loop are rendered with it). The one-off compile is printed.

Targets: wall ≤ 1.10 × ideal, throughput ≥ 0.90 × bare loop, ≤ 3 ms of the workbench's
own CPU per variant: its process CPU per variant less the bare loop's CPU per request (the
openai SDK's own cost, which any client pays), both measured here in the same run.

    python bench/pipeline.py [--jobs 1000] [--latency 0.2] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import openai

from workbench.brief.loader import load_brief_text
from workbench.generate.runner import BatchRunner, RunOptions, plan_jobs
from workbench.lint.briefcontext import generation_check
from workbench.llm.factory import make_provider, resolve_endpoint
from workbench.prompting import PromptLibrary
from workbench.settings import LLMSettings
from workbench.store import Store
from workbench.tracking.body import link_step

REPLY = json.dumps(
    {
        "title": None,
        "body": "宝宝第一口辅食，选对更安心。有机认证米粉，独立小包装，会员日满199减50。",
        "hashtags": ["辅食", "会员日"],
        "cta": "点击小程序下单",
    },
    ensure_ascii=False,
)
VARIANTS_PER_SEGMENT = 50


def bench_brief(jobs: int) -> str:
    """A brief that expands to exactly ``jobs`` copy jobs (segments × 50 variants)."""
    segments = math.ceil(jobs / VARIANTS_PER_SEGMENT)
    lines = [
        "campaign:",
        "  id: bench",
        "  name: 基准测试",
        "  brand: {name: 小鹿母婴}",
        "  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50}",
        "segments:",
    ]
    lines += [f"  - {{id: seg-{i}, name: 人群{i}}}" for i in range(segments)]
    lines.append("deliverables:")
    left = jobs
    while left > 0:
        # every deliverable applies to every segment: spread the jobs evenly
        per = min(VARIANTS_PER_SEGMENT, math.ceil(left / segments))
        lines.append(
            f"  - {{kind: copy, channel: community, variants: {per}, styles: [instruction]}}"
        )
        left -= per * segments
    return "\n".join(lines) + "\n"


def start_server(latency: float) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workbench.testing",
            "--latency",
            str(latency),
            "--reply",
            REPLY,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    base_url = proc.stdout.readline().strip()
    return proc, base_url


def bare_payloads(jobs: int, library: PromptLibrary) -> list[dict[str, Any]]:
    """The same messages and response_format the workbench sends, rendered beforehand."""
    loaded = load_brief_text(bench_brief(jobs), "bench.yaml")
    provider = make_provider(None, LLMSettings())
    planned = plan_jobs(loaded, library, provider, round=1)
    return [
        {
            "messages": p.prompt.messages,
            "extra_body": {
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": "copy_answer", "schema": p.schema, "strict": False},
                }
            },
        }
        for p in planned
    ]


async def bare_loop(
    base_url: str, payloads: list[dict[str, Any]], concurrency: int
) -> tuple[float, float]:
    client = openai.AsyncOpenAI(base_url=base_url, api_key="bench", max_retries=0)
    semaphore = asyncio.Semaphore(concurrency)

    async def one(payload: dict[str, Any]) -> None:
        async with semaphore:
            await client.chat.completions.create(model="fake-model", **payload)

    cpu0, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(p) for p in payloads))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu0
    await client.close()
    return wall, cpu


def compile_ms() -> float:
    """Milliseconds of a fresh library's first render: the Jinja compile, paid once per
    process (``Workbench.prompts`` keeps one library; a TUI session compiles once)."""
    loaded = load_brief_text(bench_brief(1), "bench.yaml")
    started = time.perf_counter()
    plan_jobs(loaded, PromptLibrary(), make_provider(None, LLMSettings()), round=1)
    return (time.perf_counter() - started) * 1000


async def workbench_run(
    base_url: str, jobs: int, concurrency: int, db: Path, library: PromptLibrary
) -> tuple[float, float, int]:
    loaded = load_brief_text(bench_brief(jobs), "bench.yaml")
    settings = LLMSettings(base_url=base_url, model="fake-model", stream=False, max_retries=0)
    provider = make_provider(resolve_endpoint(settings, api_key="bench"), settings)
    store = Store.open(db)
    # the checks Workbench.runner wires for `generate` (the workspace has no compliance.yaml)
    checks = [link_step(""), generation_check(db.parent)]
    runner = BatchRunner(store, provider, RunOptions(concurrency=concurrency), checks=checks)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = await runner.run([loaded], library)
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    store.close()
    ok = sum(len(o.variant_ids) for o in result.outcomes if o.status == "ok")
    return wall, cpu, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args(argv)
    proc, base_url = start_server(args.latency)
    try:
        compiled = compile_ms()
        library = PromptLibrary()  # one per process, as Workbench.prompts keeps it
        payloads = bare_payloads(args.jobs, library)
        asyncio.run(bare_loop(base_url, payloads[: args.concurrency], args.concurrency))  # warm
        bare, bare_cpu = asyncio.run(bare_loop(base_url, payloads, args.concurrency))
        with tempfile.TemporaryDirectory() as tmp:
            wall, cpu, ok = asyncio.run(
                workbench_run(
                    base_url, args.jobs, args.concurrency, Path(tmp) / "bench.db", library
                )
            )
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=10)
    ideal = math.ceil(args.jobs / args.concurrency) * args.latency
    cpu_ms = cpu * 1000 / max(ok, 1)
    sdk_ms = bare_cpu * 1000 / args.jobs
    own_ms = cpu_ms - sdk_ms
    checks = [
        ("wall / ideal", wall / ideal, "≤ 1.10", wall / ideal <= 1.10),
        ("throughput / bare loop", bare / wall, "≥ 0.90", bare / wall >= 0.90),
        ("own CPU ms per variant", own_ms, "≤ 3.00", own_ms <= 3.0),
    ]
    print(
        f"jobs {args.jobs} · concurrency {args.concurrency} · latency {args.latency * 1000:.0f} ms"
    )
    print(f"variants stored        {ok}")
    load = os.getloadavg()[0]
    print(f"load average           {load:7.2f}  on {os.cpu_count()} CPUs (measure when quiet)")
    print(f"ideal wall             {ideal:7.2f} s")
    print(
        f"bare AsyncOpenAI loop  {bare:7.2f} s  ({args.jobs / bare:6.1f} req/s, "
        f"CPU {sdk_ms:.2f} ms per request)"
    )
    print(
        f"workbench              {wall:7.2f} s  ({args.jobs / wall:6.1f} req/s, "
        f"CPU {cpu_ms:.2f} ms per variant in all)"
    )
    print("own CPU = the workbench's CPU per variant less the bare loop's per request")
    print(f"template compile       {compiled:7.1f} ms  once per process, before both runs")
    for name, value, target, passed in checks:
        print(f"{name:<23}{value:7.3f}  target {target}  {'PASS' if passed else 'FAIL'}")
    return 0 if ok == args.jobs and all(c[3] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
