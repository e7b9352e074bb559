"""TUI startup benchmark: process start to the first screen painted, 10,000 variants.

Builds a workspace whose database holds one campaign with ``--variants`` variants (written
through the Store API, as finished jobs), then starts ``python -m workbench tui`` in a
pseudo-terminal of 120×40 and times from the spawn to the moment the campaigns table,
with its variant count, has been written to the terminal. Repeats ``--runs`` times and
prints each figure, the median and the target (≤ 1.0 s).

    python bench/tui_startup.py [--variants 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from workbench.store import GenerationRecord, JobRecord, Store, VariantRecord
from workbench.workspace import init_workspace

CAMPAIGN = {
    "id": "bench-tui",
    "name": "启动基准",
    "goal": "repurchase",
    "language": "zh-CN",
    "brand": {"name": "小鹿母婴"},
    "product": {"name": "有机婴儿米粉", "price": 89},
}
SEGMENTS = [{"id": f"seg-{i}", "name": f"人群{i}"} for i in range(10)]
PER_JOB = 5
TARGET_S = 1.0


def build(folder: Path, variants: int) -> None:
    init_workspace(folder)
    with Store.open(folder / "workbench.db") as store:
        brief_id = store.variants.save_brief(
            CAMPAIGN, SEGMENTS, "campaign: {}\n", "b" * 64, "bench.yaml"
        )
        run_id = store.runs.start("bench-tui", brief_id, "offline", "composer", {})
        for i in range(variants // PER_JOB):
            segment = SEGMENTS[i % len(SEGMENTS)]["id"]
            kind = ("copy", "title")[i % 2]
            key = f"bench-{i:06d}"
            job = JobRecord(
                key=key,
                campaign_id="bench-tui",
                run_id=run_id,
                segment_id=segment,
                deliverable_index=i % 2,
                kind=kind,
                channel="community",
                style="hybrid",
                framework="aida",
                variant_index=i * PER_JOB,
                count=PER_JOB,
                round=1,
            )
            gen = GenerationRecord(
                job_key=key,
                run_id=run_id,
                campaign_id="bench-tui",
                provider="offline",
                model="composer",
                template="hybrid.j2",
                template_hash="t" * 16,
                variables={},
                messages=[{"role": "user", "content": f"第{i}条"}],
                response_text="{}",
                prompt_tokens=100,
                completion_tokens=80,
                latency_ms=10.0,
            )
            rows = [
                VariantRecord(
                    slot=i * PER_JOB + n,
                    content={"title": f"标题{i}-{n}", "body": "会员日满199减50，再送试吃装。"}
                    if kind == "copy"
                    else {"text": f"宝宝辅食第{i}-{n}口", "angle": "安心"},
                    kind=kind,
                    channel="community",
                    segment_id=segment,
                    deliverable_index=i % 2,
                    style="hybrid",
                    framework="aida",
                    provider="offline",
                    model="composer",
                    round=1,
                )
                for n in range(PER_JOB)
            ]
            store.variants.complete_job(job, gen, rows)
        store.runs.finish(run_id, "done", {"ok": variants // PER_JOB})


ENTRIES = {
    "cli": ["-m", "workbench", "tui"],  # `workbench tui`: loads the whole CLI first
    "tui": ["-m", "workbench.tui"],  # the TUI alone
}


def time_startup(
    folder: Path, marker: bytes, entry: list[str], cols: int = 120, rows: int = 40
) -> float:
    """Seconds from spawning the TUI to ``marker`` appearing on its terminal."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(
        os.environ, WORKBENCH_HOME=str(folder), WORKBENCH_LANG="en-US", TERM="xterm-256color"
    )
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *entry],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=folder,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    elapsed: float | None = None
    try:
        while time.perf_counter() - started < 30:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if marker in seen:
                elapsed = time.perf_counter() - started
                break
        os.write(master, b"\x11")  # ctrl+q
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    if elapsed is None:
        raise SystemExit(f"the first screen never showed {marker!r}; output: {seen[-400:]!r}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        t0 = time.perf_counter()
        build(folder, args.variants)
        print(f"workspace: {args.variants} variants built in {time.perf_counter() - t0:.1f}s")
        marker = f" {args.variants} ".encode()
        for name, entry in ENTRIES.items():
            times = [time_startup(folder, marker, entry) for _ in range(args.runs)]
            median = statistics.median(times)
            verdict = "OK" if median <= TARGET_S else "SLOW"
            runs = " ".join(f"{t:.3f}" for t in times)
            print(
                f"{name:>3} python {' '.join(entry)}: first screen painted in {median:.3f}s "
                f"median (runs: {runs}; target ≤ {TARGET_S:.1f}s) {verdict}"
            )


if __name__ == "__main__":
    main()
