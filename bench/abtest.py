"""A/B benchmark: import 1,000,000 result rows, then report on them.

Generates the member-day brief offline, creates its 10 experiments (44 variant arms),
writes a results CSV of N rows (one per variant and day, days in the outer loop as a daily
export has them), imports it (timed: read, parse and check every value, one upsert
transaction), imports it again (the idempotent path), and times the report (``analyze``:
load the arm totals, statistics, Bayesian numbers, verdict) for the campaign's largest
experiment and then for all ten. The first report includes importing scipy.special, which
the statistics load on first use.

Then the click endpoint (``workbench track serve``, access log on, every hit stored): the
server runs in its own process; this process sends ``--clicks`` GET /s/{code} requests
over real HTTP on 127.0.0.1 from ``--connections`` keep-alive connections (a minimal
asyncio client, so the client takes little of the CPU it shares with the server), spread over
every variant's code; after the server stops, the stored hits are counted.

Targets: >= 200,000 rows/s import, <= 0.5 s report, >= 1,000 requests/s endpoint.

    python bench/abtest.py [--rows 1000000] [--clicks 20000] [--connections 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from workbench.abtest.analysis import analyze
from workbench.abtest.experiments import ExperimentOptions, create_from_variants
from workbench.abtest.importing import import_results
from workbench.cli.main import run
from workbench.store import Store
from workbench.tracking.links import code_for

CAMPAIGN = "member-day-2026-03"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--clicks", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["WORKBENCH_HOME"] = str(folder)
        os.chdir(folder)
        devnull = open(os.devnull, "w")  # noqa: SIM115
        stdout, sys.stdout = sys.stdout, devnull
        try:
            run(["init", str(folder)])
            run(["generate", str(folder / "briefs" / "member-day.yaml"), "--offline"])
        finally:
            sys.stdout = stdout
        store = Store.open(folder / "workbench.db")
        create_from_variants(store, CAMPAIGN, options=ExperimentOptions(include_drafts=True))
        variants = [a.variant_id for e in store.ab.list_experiments() for a in e.arms]
        per_variant = -(-args.rows // len(variants))
        start = date(1970, 1, 1)
        days = [(start + timedelta(days=d)).isoformat() for d in range(per_variant)]
        csv_path = folder / "results.csv"
        written = 0
        with csv_path.open("w", encoding="utf-8") as handle:
            handle.write("variant_id,date,impressions,clicks,conversions,shares\n")
            for i, day in enumerate(days):
                for j, v in enumerate(variants):
                    if written == args.rows:
                        break
                    handle.write(
                        f"{v},{day},{100 + (i + j) % 7},{20 + j % 5},{8 + (i % 3)},{j % 4}\n"
                    )
                    written += 1
        t0 = time.perf_counter()
        summary = import_results(store, csv_path)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        import_results(store, csv_path)
        again = time.perf_counter() - t0
        experiments = store.ab.list_experiments(CAMPAIGN)
        largest = max(experiments, key=lambda e: len(e.arms))
        t0 = time.perf_counter()
        report = analyze(store.ab.get_experiment(largest.id))
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        for e in store.ab.list_experiments(CAMPAIGN):
            analyze(e)
        every = time.perf_counter() - t0
        codes = [code_for(v.uid) for v in store.variants.rows(campaign=CAMPAIGN)]
        store.close()
        clicks, seconds, stored = endpoint(folder, codes, args.clicks, args.connections)
    rate = summary.rows / first
    print(f"rows: {summary.rows:,} ({summary.variants} variants x {summary.dates:,} days)")
    print(f"import: {first:.2f} s = {rate:,.0f} rows/s (target >= 200,000)")
    print(f"re-import (idempotent upsert): {again:.2f} s = {summary.rows / again:,.0f} rows/s")
    print(
        f"report, {len(largest.arms)}-arm experiment ({report.users:,} users):"
        f" {one * 1000:.0f} ms (target <= 500 ms)"
    )
    print(f"report, all {len(experiments)} experiments (loaded + analysed): {every * 1000:.0f} ms")
    per_second = clicks / seconds
    print(
        f"endpoint: {clicks:,} redirects over {args.connections} connections in {seconds:.2f} s"
        f" = {per_second:,.0f} req/s (target >= 1,000), {stored:,} hits stored"
        f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    ok = rate >= 200_000 and one <= 0.5 and per_second >= 1_000 and stored == clicks
    return 0 if ok else 1


def endpoint(
    folder: Path, codes: list[str], clicks: int, connections: int
) -> tuple[int, float, int]:
    """Serve from a subprocess, hit it from threads here; returns (redirects, s, stored)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (folder / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "workbench", "track", "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        t0 = time.perf_counter()
        redirects = asyncio.run(_hammer(port, codes, clicks, connections))
        seconds = time.perf_counter() - t0
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
        log.close()
    store = Store.open(folder / "workbench.db")
    try:
        stored = sum(r.hits for r in store.tracking.stats(CAMPAIGN))
    finally:
        store.close()
    return redirects, seconds, stored


async def _hammer(port: int, codes: list[str], clicks: int, connections: int) -> int:
    """``clicks`` GETs over ``connections`` keep-alive HTTP/1.1 connections (a minimal
    client, so that the client's own cost takes little of the shared CPU); returns 302s."""
    agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0 bench"

    async def one(index: int) -> int:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        found = 0
        try:
            for n in range(index, clicks, connections):
                code = codes[n % len(codes)]
                writer.write(
                    f"GET /s/{code} HTTP/1.1\r\nHost: t.example.cn\r\n"
                    f"User-Agent: {agent} {n % 97}\r\n\r\n".encode()
                )
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length:
                    await reader.readexactly(length)
                found += head.startswith(b"HTTP/1.1 302")
        finally:
            writer.close()
        return found

    return sum(await asyncio.gather(*(one(i) for i in range(connections))))


if __name__ == "__main__":
    raise SystemExit(main())
