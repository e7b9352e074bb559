"""An edited poster gets its own picture: the new version is drawn as the old one was
(template, sizes, QR code), and the old version's files are marked superseded by it.

Both faces' edit path goes through ``Workbench.edit``, which calls this for posters, so a
poster edited in the TUI or with ``workbench review edit`` never keeps a PNG that shows
the text it no longer has.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.poster.service import RenderedFile, render_variant

if TYPE_CHECKING:
    from workbench.store import Store


def rerender_edited(
    store: Store, old_id: int, new_id: int, *, workspace: Path | None, base_url: str = ""
) -> list[RenderedFile]:
    """Draw version ``new_id`` like ``old_id``'s files and mark those superseded.

    Raises ``PosterFailed`` (after marking) when a size cannot be drawn; the sizes that
    could are recorded."""
    old_files = store.assets.by_variant([old_id]).get(old_id, [])
    store.assets.supersede(old_id, new_id)
    template = next((str(a["template"]) for a in old_files if a.get("template")), None)
    sizes = list(dict.fromkeys(_size(a) for a in old_files)) or None
    qr = any(a.get("qr_url") for a in old_files) if old_files else None
    return render_variant(
        store,
        new_id,
        workspace=workspace,
        template=template,
        sizes=[s for s in sizes if s] if sizes else None,
        qr=qr,
        base_url=base_url,
    )


def _size(asset: dict[str, object]) -> str:
    """The size a file was drawn at, as ``--size`` takes it (preset name or WxH)."""
    if asset.get("preset"):
        return str(asset["preset"])
    if asset.get("width") and asset.get("height"):
        return f"{asset['width']}x{asset['height']}"
    return ""
