"""Segments benchmark: import a Taobao-style GBK order export of N rows.

Generates ``订单报表`` rows the way a Taobao/Tmall seller export looks (18 columns, GBK,
header names with trailing spaces, order ids guarded as ``="…"``, about one customer per
three orders, 5% unpaid, 3% fully and 2% partly refunded), then runs
``workbench segments import FILE --as-of … --members DIR --json`` in a child process
and reports its wall time, CPU time and peak memory (the child's, so generation does not
count), with the load average: on a busy machine wall time is CPU time times the queue.
Each size runs in a fresh workspace. Target: 1,000,000 rows in under 10 s.

    python bench/segments.py [--rows 100000 1000000] [--model rfm]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2026, 11, 30)
HEADER = (
    "订单编号,买家会员名 ,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,"
    "买家实际支付金额,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系手机 ,"
    "订单创建时间,订单付款时间 ,宝贝标题 ,退款金额"
)
TITLES = ("婴儿纸尿裤L码", "有机米粉6月+", "宝宝洗护套装", "孕妇防辐射服", "儿童保温杯")
CITIES = ("浙江省 杭州市 西湖区", "广东省 深圳市 南山区", "四川省 成都市 武侯区")


def generate(path: Path, rows: int, seed: int = 14) -> None:
    """Write the export (GBK, CRLF as the seller centre writes it)."""
    rng = random.Random(seed)
    customers = max(1, rows // 3)
    start = AS_OF - timedelta(days=400)
    with path.open("w", encoding="gbk", newline="") as handle:
        handle.write(HEADER + "\r\n")
        chunk: list[str] = []
        for i in range(rows):
            buyer = f"tb{rng.randrange(customers):08d}"
            created = start + timedelta(days=rng.randrange(400))
            amount = rng.randrange(990, 59900) / 100
            roll = rng.random()
            paid_at = "" if roll < 0.05 else f"{created.isoformat()} {i % 24:02d}:{i % 60:02d}:07"
            refund = (
                amount
                if 0.05 <= roll < 0.08
                else (round(amount / 3, 2) if 0.08 <= roll < 0.10 else 0)
            )
            status = (
                "等待买家付款" if not paid_at else ("交易关闭" if refund == amount else "交易成功")
            )
            chunk.append(
                f'="{3900000000000000000 + i}",{buyer},{buyer}@example.com,{amount:.2f},0.00,0,'
                f"{amount:.2f},{amount if paid_at else 0:.2f},{status},,张三,"
                f"{CITIES[i % 3]} 某某路{i % 999}号,快递,1380000{i % 10000:04d},"
                f"{created.isoformat()} 08:00:00,{paid_at},{TITLES[i % 5]},{refund:.2f}\r\n"
            )
            if len(chunk) >= 10_000:
                handle.write("".join(chunk))
                chunk.clear()
        handle.write("".join(chunk))


def run_import(
    folder: Path, export: Path, model: str
) -> tuple[float, float, int, dict[str, object]]:
    """Wall seconds, CPU seconds (user + system), peak RSS KiB and the ``--json`` report."""
    env = {**os.environ, "WORKBENCH_HOME": str(folder), "WORKBENCH_LANG": "en-US"}
    command = [
        sys.executable, "-m", "workbench", "segments", "import", str(export),
        "--model", model, "--as-of", AS_OF.isoformat(), "--members", str(folder / "members"),
        "--json",
    ]  # fmt: skip
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kib, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}): {done.stderr.strip()[:500]}")
    if peak_kib <= before:
        print("  (peak RSS not above an earlier child's; the figure is an upper bound)")
    return wall, cpu, peak_kib, json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--model", choices=("rfm", "lifecycle"), default="rfm")
    args = parser.parse_args()
    results: list[tuple[int, float, float]] = []
    for rows in sorted(args.rows):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            export = folder / "ExportOrderList.csv"
            started = time.perf_counter()
            generate(export, rows)
            made = time.perf_counter() - started
            size_mb = export.stat().st_size / 1e6
            wall, cpu, peak_kib, report = run_import(folder, export, args.model)
            results.append((rows, wall, cpu))
            segments = report["segments"]
            assert isinstance(segments, list)
            biggest = max(segments, key=lambda s: s["members"])
            print(
                f"{rows:>9,} rows ({size_mb:.0f} MB GBK, generated in {made:.1f}s): "
                f"import {wall:.2f}s wall, {cpu:.2f}s CPU (load {os.getloadavg()[0]:.1f}), "
                f"{rows / wall:,.0f} rows/s, peak RSS "
                f"{peak_kib / 1024:.0f} MiB; {report['customers']:,} customers, "
                f"{report['orders_used']:,} orders used, skipped {report['skipped']}; "
                f"largest segment {biggest['id']} ({biggest['members']:,})"
            )
    if len(results) > 1:
        (n0, t0, c0), (n1, t1, c1) = results[0], results[-1]
        print(f"scaling: {n1 / n0:.0f}x rows -> {t1 / t0:.1f}x wall, {c1 / c0:.1f}x CPU")
    rows, wall, cpu = results[-1]
    if rows >= 1_000_000:
        verdict = "PASS" if wall < 10 else "FAIL"
        print(f"target 1,000,000 rows < 10 s: {verdict} ({wall:.2f}s wall, {cpu:.2f}s CPU)")
        print("(on a shared machine the wall time is the CPU time stretched by the load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
