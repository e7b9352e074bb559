"""Scale benchmark (issue 16): jobs planned/s, variants stored/s, peak RSS and bytes per variant,
offline and through the fake Batch API; by default at the issue's pair, 1,920 and 19,200.

Each size runs in a fresh child process (so its peak RSS is its own) on a fresh workspace:
copy on five channels in five styles for 16 segments (the export benchmark's campaign, no
posters) with exactly ``variants`` variants: each segment and style gets ``variants / 80``
of them spread over the five channels (1,920: 5+5+5+5+4; 19,200: 48 each); sizes that do
not divide so, or need more than 50 per deliverable (a brief's limit), get more segments
(10^5: 80 segments, 50 each). Reported per size:

- plan: the runner's planner over every job (render + key), jobs per second;
- store: ``generate`` end to end (offline composer, or ``--batch`` against the fake Batch
  API in another process), variants per second;
- peak RSS of the generating process (``ru_maxrss`` of the child);
- bytes per variant: the database file (after a WAL checkpoint) over the variants stored,
  and the split by table (sqlite ``dbstat``).

Targets, printed PASS/FAIL: at most 2 KB (2,048 bytes) per variant at every size; peak RSS
at 10x the variants at most 1.3x (checked for every pair of sizes 10x apart).

    python bench/scale.py [--sizes 1920,19200] [--mode offline,batch]
    python bench/scale.py --sizes 1000,10000,100000 --mode offline
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import benchkit
from benchkit import CHANNELS, SEGMENTS, STYLES

from workbench.llm.wire import ChatBody

MAX_PER_DELIVERABLE = 50  # a brief's limit of variants per segment and style
BYTES_TARGET = 2048
RSS_GROWTH_TARGET = 1.3


def shape(variants: int) -> tuple[int, list[int]]:
    """(segments, variants per channel) giving exactly ``variants``: each segment and style
    makes ``variants / (segments * styles)``, spread over the channels; at least 16
    segments, more when the size needs them."""
    segments = SEGMENTS
    limit = MAX_PER_DELIVERABLE * len(CHANNELS)
    while variants % (segments * len(STYLES)) or variants // (segments * len(STYLES)) > limit:
        segments += 1
        if segments > variants:
            raise SystemExit(f"{variants} variants cannot be split evenly over 5 styles")
    each = variants // (segments * len(STYLES))
    base, extra = divmod(each, len(CHANNELS))
    counts = [base + (1 if i < extra else 0) for i in range(len(CHANNELS))]
    return segments, counts


def write_brief(folder: Path, variants: int) -> Path:
    """The campaign for exactly ``variants`` variants (see ``shape``)."""
    segments, counts = shape(variants)
    deliverables = [
        {"kind": "copy", "channel": c, "variants": n, "styles": STYLES}
        for c, n in zip(CHANNELS, counts, strict=True)
        if n
    ]
    return benchkit.write_brief(folder, "bench-scale", "规模基准", segments, deliverables)


def bench_reply(body: ChatBody) -> str:
    """A valid copy answer for any of the five channels, read off the prompt's field list."""
    prompt = str(body["messages"][-1]["content"])
    fields = prompt.split("【字段】", 1)[-1]
    return json.dumps(
        {
            "title": None if "title：null" in fields else "米粉会员日",
            "body": "各位，小鹿母婴有机婴儿米粉满199减50，有机认证，宝宝吃得放心。",
            "hashtags": [] if "空列表" in fields else ["辅食"],
            "cta": "点击下单",
        },
        ensure_ascii=False,
    )


def serve() -> None:
    """The fake Batch API in this process (the parent reads the base URL off stdout)."""
    from workbench.testing import FakeBatchServer

    with FakeBatchServer(reply=bench_reply) as srv:
        print(srv.base_url, flush=True)
        sys.stdin.read()


def child(mode: str, folder: Path, brief: Path, base_url: str) -> None:
    """One measured generate in this process; prints a JSON line with its figures."""
    os.environ["WORKBENCH_HOME"] = str(folder)
    os.chdir(folder)
    from workbench.app import make_workbench
    from workbench.cli.main import run
    from workbench.generate.jobs import expand_jobs
    from workbench.generate.planning import Planner

    workbench = make_workbench(folder)
    loaded = workbench.load_briefs([brief])[0]
    provider = workbench.provider()
    started = time.perf_counter()
    planner = Planner(loaded, workbench.prompts, provider)
    jobs = sum(1 for job in expand_jobs(loaded.brief) if planner.plan(job).key)
    planning = time.perf_counter() - started
    argv = ["generate", str(brief), "--concurrency", "16"]
    if mode == "batch":
        argv += ["--batch", "--poll-interval", "0.2", "--base-url", base_url, "--model", "m"]
    else:
        argv += ["--offline"]
    started = time.perf_counter()
    code = run(argv)
    storing = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"code": code, "jobs": jobs, "plan_s": planning, "store_s": storing, "rss": rss})
    )


def sizes(db: Path) -> tuple[int, int, dict[str, int]]:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        variants = conn.execute("SELECT count(*) FROM variants").fetchone()[0]
        try:
            rows = conn.execute(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
            ).fetchall()
        except sqlite3.OperationalError:  # sqlite built without dbstat
            rows = []
    return variants, db.stat().st_size, {str(n): int(s) for n, s in rows[:8]}


def measure(size: int, mode: str, base_url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="wb-scale-") as tmp:
        folder = Path(tmp) / "ws"
        env = {**os.environ, "WORKBENCH_LANG": "en-US", "OPENAI_API_KEY": "sk-bench"}
        subprocess.run(
            [sys.executable, "-m", "workbench", "init", str(folder)],
            env=env,
            check=True,
            capture_output=True,
        )
        brief = write_brief(folder, size)
        toml = folder / "workbench.toml"  # 10^5 jobs are above the default job ceiling
        text = toml.read_text(encoding="utf-8")
        toml.write_text(text.replace("[generate]\n", "[generate]\nmax_jobs = 1000000\n", 1))
        proc = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(folder), str(brief), base_url],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise SystemExit(f"child failed: {proc.stderr[-2000:]}")
        figures = json.loads(lines[-1])
        variants, db_bytes, tables = sizes(folder / "workbench.db")
    return {
        "mode": mode,
        "variants": variants,
        "jobs": figures["jobs"],
        "plan_per_s": figures["jobs"] / figures["plan_s"],
        "store_per_s": variants / figures["store_s"],
        "rss_mb": figures["rss"],
        "bytes_per_variant": db_bytes / max(1, variants),
        "tables": {k: round(v / max(1, variants)) for k, v in tables.items()},
        "exit": figures["code"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1920,19200")
    parser.add_argument("--mode", default="offline,batch")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.child:
        mode, folder, brief, base_url = args.child
        child(mode, Path(folder), Path(brief), base_url)
        return
    server = None
    base_url = ""
    if "batch" in args.mode:
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            stdout=subprocess.PIPE,
            stdin=subprocess.PIPE,
            text=True,
        )
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
    verdicts: list[bool] = []
    try:
        for mode in args.mode.split(","):
            results: list[dict[str, Any]] = []
            for size in (int(s) for s in args.sizes.split(",")):
                r = measure(size, mode, base_url)
                fits = r["bytes_per_variant"] <= BYTES_TARGET and r["exit"] == 0
                verdicts.append(fits)
                print(
                    f"{mode:8} {r['variants']:>7} variants  plan {r['plan_per_s']:>7.0f} jobs/s  "
                    f"store {r['store_per_s']:>6.0f} variants/s  peak RSS {r['rss_mb']:>6.0f} MB  "
                    f"{r['bytes_per_variant']:>6.0f} B/variant "
                    f"(<= {BYTES_TARGET}: {_verdict(fits)})  exit {r['exit']}  "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                print(f"         per variant by table: {r['tables']}", flush=True)
                for earlier in results:
                    if r["variants"] == 10 * earlier["variants"]:
                        growth = r["rss_mb"] / earlier["rss_mb"]
                        verdicts.append(growth <= RSS_GROWTH_TARGET)
                        print(
                            f"{mode:8} peak RSS {earlier['variants']} -> {r['variants']} "
                            f"variants: x{growth:.2f} (<= {RSS_GROWTH_TARGET}: "
                            f"{_verdict(growth <= RSS_GROWTH_TARGET)})",
                            flush=True,
                        )
                results.append(r)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(f"overall: {_verdict(all(verdicts))}")


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


if __name__ == "__main__":
    main()
