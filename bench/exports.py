"""Export benchmark: the XLSX review export against the CSV export of the same campaign.

Builds a workspace, generates a campaign with the offline composer (copy on five channels in
five styles for 16 segments, plus two posters per segment, so the XLSX embeds real poster
thumbnails), then times ``export_campaign`` (rows, formatting and the file) for CSV and
XLSX in this process, each twice, and prints the CPU and wall times and their ratio.

Target (issue 16): the XLSX export within 5x the CSV export's time.

    python bench/exports.py [--variants 19200] [--posters 2]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import benchkit
from benchkit import CHANNELS, SEGMENTS, STYLES, timed


def write_brief(folder: Path, variants: int, posters: int) -> Path:
    per_job = max(1, variants // (SEGMENTS * len(CHANNELS) * len(STYLES)))
    deliverables = [
        {"kind": "copy", "channel": c, "variants": per_job, "styles": STYLES} for c in CHANNELS
    ]
    deliverables.append(
        {"kind": "poster", "size": "square", "template": "bold-sale", "variants": posters}
    )
    return benchkit.write_brief(folder, "bench-export", "导出基准", SEGMENTS, deliverables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=19_200)
    parser.add_argument("--posters", type=int, default=2, help="posters per segment")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        os.environ["WORKBENCH_HOME"] = str(folder)
        from workbench.cli.main import run
        from workbench.export import export_campaign

        run(["init", str(folder)])
        brief = write_brief(folder, args.variants, args.posters)
        start = time.perf_counter()
        code = run(["generate", str(brief)])
        print(f"generated in {time.perf_counter() - start:.1f} s (exit {code})")

        from workbench.app import make_workbench

        store = make_workbench(folder).store
        results: dict[str, list[tuple[float, float]]] = {"csv": [], "xlsx": []}
        count = 0
        for _ in range(2):
            for fmt in ("csv", "xlsx"):
                out = Path(tmp) / f"review.{fmt}"

                def go(fmt: str = fmt, out: Path = out) -> None:
                    nonlocal count
                    count = export_campaign(
                        store, folder, "bench-export", fmt, "bench", out=out
                    ).count

                results[fmt].append(timed(go))
        for fmt, runs in results.items():
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            print(f"{fmt:5} {count} variants: wall {wall:.2f} s, cpu {cpu:.2f} s (best of 2)")
        ratio_wall = min(r[0] for r in results["xlsx"]) / min(r[0] for r in results["csv"])
        ratio_cpu = min(r[1] for r in results["xlsx"]) / min(r[1] for r in results["csv"])
        print(f"xlsx / csv: wall {ratio_wall:.2f}x, cpu {ratio_cpu:.2f}x (target <= 5x)")


if __name__ == "__main__":
    main()
