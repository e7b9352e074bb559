"""The content hash an export writes in each row and a decisions import compares, so a row
whose variant changed since the export is refused as stale (``workbench.export`` writes it,
``workbench.review.decisions`` reads it)."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def content_hash(content: Any) -> str:
    """Short hash of a variant's content: an import compares it to spot stale rows."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
