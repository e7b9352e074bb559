"""A/B benchmark: import 1,000,000 result rows, then report on them.

Generates the member-day brief offline, creates its 10 experiments (44 variant arms),
writes a results CSV of N rows (one per variant and day, days in the outer loop as a daily
export has them), imports it (timed: read, parse and check every value, one upsert
transaction), imports it again (the idempotent path), and times the report (``analyze``:
load the arm totals, statistics, Bayesian numbers, verdict) for the campaign's largest
experiment and then for all ten. The first report includes importing scipy.special, which
the statistics load on first use.

Targets: >= 200,000 rows/s import, <= 0.5 s report.

    python bench/abtest.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from workbench.abtest.analysis import analyze
from workbench.abtest.experiments import create_from_variants
from workbench.abtest.importing import import_results
from workbench.cli.main import run
from workbench.store import Store

CAMPAIGN = "member-day-2026-03"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
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
        create_from_variants(store, CAMPAIGN)
        variants = [a["variant_id"] for e in store.ab_list_experiments() for a in e["arms"]]
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
        experiments = store.ab_list_experiments(CAMPAIGN)
        largest = max(experiments, key=lambda e: len(e["arms"]))
        t0 = time.perf_counter()
        report = analyze(store.ab_get_experiment(largest["id"]))
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        for e in store.ab_list_experiments(CAMPAIGN):
            analyze(e)
        every = time.perf_counter() - t0
        store.close()
    rate = summary.rows / first
    print(f"rows: {summary.rows:,} ({summary.variants} variants x {summary.dates:,} days)")
    print(f"import: {first:.2f} s = {rate:,.0f} rows/s (target >= 200,000)")
    print(f"re-import (idempotent upsert): {again:.2f} s = {summary.rows / again:,.0f} rows/s")
    print(
        f"report, {len(largest['arms'])}-arm experiment ({report['users']:,} users):"
        f" {one * 1000:.0f} ms (target <= 500 ms)"
    )
    print(f"report, all {len(experiments)} experiments (loaded + analysed): {every * 1000:.0f} ms")
    return 0 if rate >= 200_000 and one <= 0.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
