"""Creating a workspace: settings, a segment library, example briefs, the database."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.locations import DB_FILE, WORKSPACE_FILE, resource_dir

SEGMENTS_FILE = "segments.yaml"
BRIEFS_DIR = "briefs"
PROMPTS_DIR = "prompts"
PLANS_DIR = "plans"  # packaged example week plans, copied to the workspace's top folder


@dataclass
class InitResult:
    workspace: Path
    created: list[Path]
    kept: list[Path]
    db: Path


def init_workspace(folder: Path) -> InitResult:
    """Create (or complete) a workspace in ``folder``; existing files are never overwritten."""
    folder = folder.expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise WorkbenchError(f"{folder}: exists and is not a folder")
    templates = resource_dir("templates")
    plan: list[tuple[Path, Path]] = [
        (templates / "workbench.toml", folder / WORKSPACE_FILE),
        (templates / "segments.yaml", folder / SEGMENTS_FILE),
    ]
    plan += [
        (brief, folder / BRIEFS_DIR / brief.name)
        for brief in sorted((templates / "briefs").glob("*.yaml"))
    ]
    # week plans (issue 15) sit at the top so their ``brief: briefs/...`` paths resolve
    plan += [(p, folder / p.name) for p in sorted((templates / PLANS_DIR).glob("*.yaml"))]
    created: list[Path] = []
    kept: list[Path] = []
    for source, target in plan:
        if target.exists():
            kept.append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        created.append(target)
    return InitResult(folder, created, kept, folder / DB_FILE)
