"""Image paths in a brief (``brand.logo``, ``product.image``): where they may point, what they are.

A path is written relative to the brief's folder. It must resolve (symlinks followed) inside
the brief's folder or the workspace, be a regular file of at most :data:`MAX_BYTES`, and be a
PNG, JPEG or WebP image whose header Pillow reads, between :data:`MIN_SIDE` and
:data:`MAX_SIDE` pixels a side and at most :data:`MAX_PIXELS` in all. Problems are reported at
the line of the field, like every other brief error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yaml.nodes import Node

from workbench.brief.yamldoc import field_path, line_of, locate
from workbench.errors import Problem

MAX_BYTES = 20_000_000
MIN_SIDE = 16
MAX_SIDE = 8000
MAX_PIXELS = 40_000_000
FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
IMAGE_FIELDS: tuple[tuple[str, ...], ...] = (
    ("campaign", "brand", "logo"),
    ("campaign", "product", "image"),
)


def resolve_asset(relative: str, brief_dir: Path, workspace: Path) -> Path:
    """The file a brief path names; ``ValueError`` (a message) when it is not allowed."""
    if not relative.strip():
        raise ValueError("empty path")
    base = brief_dir.resolve()
    candidate = (base / relative).resolve()
    roots = (base, workspace.resolve())
    if not any(candidate == root or candidate.is_relative_to(root) for root in roots):
        raise ValueError(
            f"{relative!r} points outside the brief's folder and the workspace ({candidate})"
        )
    return candidate


def check_image(path: Path, shown: str) -> None:
    """``ValueError`` unless ``path`` is a readable image within the size limits."""
    if not path.exists():
        raise ValueError(f"no such file {shown!r}")
    if not path.is_file():
        raise ValueError(f"{shown!r} is not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"{shown!r} is {size} bytes; images may have {MAX_BYTES} at most")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            fmt, (width, height) = img.format, img.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValueError(f"{shown!r} is not a PNG, JPEG or WebP image") from None
    if fmt not in FORMATS:
        raise ValueError(f"{shown!r} is a {fmt} file; use PNG, JPEG or WebP")
    if min(width, height) < MIN_SIDE or max(width, height) > MAX_SIDE:
        raise ValueError(
            f"{shown!r} is {width}x{height} px; each side must be {MIN_SIDE}-{MAX_SIDE} px"
        )
    if width * height > MAX_PIXELS:
        raise ValueError(f"{shown!r} is {width}x{height} px; at most {MAX_PIXELS} pixels")


def _value(data: Any, where: tuple[str, ...]) -> Any:
    for key in where:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def asset_problems(
    data: dict[str, Any], root: Node, label: str, brief_dir: Path, workspace: Path
) -> list[Problem]:
    """One problem per image field that is outside the allowed folders or not a sane image.

    ``data`` is the brief as YAML data, so these problems are reported with any others.
    """
    problems: list[Problem] = []
    for where in IMAGE_FIELDS:
        value = _value(data, where)
        if not isinstance(value, str):
            continue  # absent, or a type error the model reports
        try:
            check_image(resolve_asset(value, brief_dir, workspace), value)
        except ValueError as exc:
            line = line_of(locate(root, where).node)
            problems.append(Problem(label, line, field_path(where), str(exc)))
    return problems
