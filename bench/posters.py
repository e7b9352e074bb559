"""Poster benchmark: posters per second per template on one process, and the same layout
as HTML screenshotted by headless Chromium when it is installed.

Each poster is the member-day sample copy (Chinese) at 1080x1440 with a tracked QR code:
layout, line breaking, fit-to-box, contrast, QR, drawing and PNG encoding, written to a
file. The Chromium side gets each template's layout as a static HTML page (absolute
boxes, CSS gradients and patterns, the bundled font via @font-face, the QR as inline SVG;
built before the clock starts) and screenshots it with
``chromium --headless --no-sandbox --disable-gpu --disable-background-networking
--no-first-run --screenshot``, one browser process per poster, as a shell pipeline would.

Targets: >= 20 posters/s per core; >= 10x the Chromium path.

    python bench/posters.py [--count 60] [--chromium-count 5]
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from workbench.poster.fonts import bundled_font
from workbench.poster.palette import brand_palette, to_hex
from workbench.poster.qr import qr_matrix
from workbench.poster.render import encode_png, render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import parse_size
from workbench.poster.spec import PosterSpec
from workbench.poster.templates import Element, get_template, load_library

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--hide-scrollbars",
]


def pillow_rate(template: str, count: int, out: Path) -> tuple[float, float]:
    """(posters per wall second, posters per CPU second of this process)."""
    base = sample_spec(template, parse_size("xiaohongshu"))
    assert base.qr_url
    # Every poster gets its own tracked URL (a new QR symbol), as in a real batch.
    specs = [
        replace(base, qr_url=f"{base.qr_url}&n={i:06d}")
        for i in range(count + 2)
    ]
    for spec in specs[:2]:  # warm caches (fonts, glyph widths, template, decoration masks)
        (out / "warm.png").write_bytes(encode_png(render(spec).image))
    wall, cpu = time.perf_counter(), time.process_time()
    for i, spec in enumerate(specs[2:]):
        (out / f"{template}-{i}.png").write_bytes(encode_png(render(spec).image))
    return count / (time.perf_counter() - wall), count / (time.process_time() - cpu)


def _qr_svg(url: str, size: int) -> str:
    matrix = qr_matrix(url)
    n = len(matrix) + 6
    cells = "".join(
        f"M{c + 3},{r + 3}h1v1h-1z"
        for r, row in enumerate(matrix)
        for c, on in enumerate(row)
        if on
    )
    return (
        f'<svg viewBox="0 0 {n} {n}" width="{size}" height="{size}" shape-rendering="crispEdges">'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path d="{cells}" fill="#111"/></svg>'
    )


def html_page(spec: PosterSpec) -> str:
    """The template's layout for ``spec`` as one static HTML page."""
    template = get_template(spec.template)
    _, layout = template.layout_for(spec.size.shape)
    palette = brand_palette(spec.colors, template.palette)
    w, h = spec.size.width, spec.size.height
    unit = min(w, h) / 100

    def col(name: str) -> str:
        return to_hex(palette.get(name))

    bg = layout.background
    if bg.gradient:
        background = (
            f"linear-gradient({bg.angle + 90}deg, {col(bg.gradient[0])}, {col(bg.gradient[1])})"
        )
    else:
        background = col(bg.fill or "paper")
    parts = []
    for el in layout.elements:
        if el.when and spec.condition(el.when.lstrip("!")) == el.when.startswith("!"):
            continue
        parts.append(_element(el, spec, col, w, h, unit))
    font = bundled_font("bold").path
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        f"@font-face{{font-family:P;src:url('file://{font}')}}"
        f"body{{margin:0;width:{w}px;height:{h}px;overflow:hidden;position:relative;"
        f"background:{background};font-family:P,sans-serif}}"
        "div{position:absolute;box-sizing:border-box;display:flex;align-items:center;"
        "overflow:hidden;line-height:1.2}"
        "</style></head><body>" + "".join(parts) + "</body></html>"
    )


def _element(el: Element, spec: PosterSpec, col, w: int, h: int, unit: float) -> str:  # type: ignore[no-untyped-def]
    x, y, bw, bh = el.box
    box = f"left:{x * w:.0f}px;top:{y * h:.0f}px;width:{bw * w:.0f}px;height:{bh * h:.0f}px;"
    fill = col(el.fill) if el.fill else "transparent"
    radius = f"border-radius:{el.radius * min(bw * w, bh * h):.0f}px;"
    if el.type == "rect":
        return f'<div style="{box}background:{fill};opacity:{el.opacity};{radius}"></div>'
    if el.type in ("ellipse", "ring"):
        style = (
            f"border:{el.stroke * unit:.0f}px solid {fill}"
            if el.type == "ring"
            else f"background:{fill}"
        )
        return f'<div style="{box}{style};opacity:{el.opacity};border-radius:50%"></div>'
    if el.type == "dots":
        s = el.step * unit
        return (
            f'<div style="{box}opacity:{el.opacity};background:radial-gradient({fill} 16%, '
            f'transparent 17%) 0 0/{s:.0f}px {s:.0f}px"></div>'
        )
    if el.type == "rays":
        step = 360 / el.count
        return (
            f'<div style="{box}opacity:{el.opacity};background:repeating-conic-gradient('
            f'{fill} 0 {step / 2:.1f}deg, transparent 0 {step:.1f}deg)"></div>'
        )
    if el.type == "stripes":
        period = (bw * w + bh * h) / el.count
        return (
            f'<div style="{box}opacity:{el.opacity};background:repeating-linear-gradient('
            f"{90 + el.angle}deg, {fill} 0 {period / 2:.0f}px, "
            f'transparent 0 {period:.0f}px)"></div>'
        )
    if el.type == "qr" and spec.qr_url:
        side = int(min(bw * w, bh * h))
        return f'<div style="{box}justify-content:center">{_qr_svg(spec.qr_url, side)}</div>'
    if el.type in ("text", "bullets"):
        if el.type == "bullets":
            text = "<br>".join("✓ " + html.escape(b) for b in spec.bullets)
        else:
            text = html.escape(spec.field_text(el.field or ""))
        if not text:
            return ""
        color = "#fff" if "white" in el.color else col("ink")
        justify = {"left": "flex-start", "center": "center", "right": "flex-end"}[el.align]
        weight = 700 if el.font == "bold" else 400
        return (
            f'<div style="{box}background:{fill if not el.hug else "transparent"};{radius}'
            f"justify-content:{justify};text-align:{el.align};color:{color};"
            f'font-size:{el.size[1] * unit:.0f}px;font-weight:{weight}">{text}</div>'
        )
    return ""


def chromium_rate(template: str, count: int, out: Path, exe: str) -> float:
    spec = sample_spec(template, parse_size("xiaohongshu"))
    page = out / f"{template}.html"
    page.write_text(html_page(spec), encoding="utf-8")
    w, h = spec.size.width, spec.size.height

    def shot(i: int) -> None:
        target = out / f"{template}-chromium-{i}.png"
        subprocess.run(
            [exe, *FLAGS, f"--window-size={w},{h}", f"--screenshot={target}", page.as_uri()],
            capture_output=True,
            check=True,
            timeout=120,
        )

    shot(-1)  # warm the disk cache
    started = time.perf_counter()
    for i in range(count):
        shot(i)
    return count / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60, help="posters per template (Pillow)")
    parser.add_argument("--chromium-count", type=int, default=5, help="screenshots per template")
    parser.add_argument("--keep", type=Path, help="keep the PNG/HTML files in this folder")
    args = parser.parse_args(argv)
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        print("template         pillow/s (wall)  pillow/s (CPU)  chromium/s (wall)  ratio (wall)")
        rates = []
        for name in sorted(load_library()):
            rate, per_cpu = pillow_rate(name, args.count, out)
            rates.append(per_cpu)
            line = f"{name:<16} {rate:>15.1f} {per_cpu:>15.1f}"
            if exe:
                chrome = chromium_rate(name, args.chromium_count, out, exe)
                line += f" {chrome:>18.2f} {rate / chrome:>12.0f}x"
            else:
                line += "   (chromium not installed)"
            print(line, flush=True)
        print(
            f"slowest template: {min(rates):.1f} posters per CPU-second on one process "
            "(target >= 20 per core); wall rates drop when other processes share the cores"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
