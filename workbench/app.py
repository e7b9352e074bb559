"""The one factory that wires the core for both faces (CLI and TUI).

``make_workbench()`` finds the workspace and database, reads the settings and hands out the
store, the segment library, the prompt library and the LLM provider on demand. Nothing here
imports textual or the CLI library.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from workbench import locations
from workbench.abtest.winners import workbench_examples
from workbench.brief.loader import LoadedBrief, load_brief, load_brief_text, validate_briefs
from workbench.generate.batchrun import BatchGenerator, BatchObserver, batch_generator
from workbench.generate.runner import (
    AfterBatch,
    BatchRunner,
    ContentCheck,
    RunObserver,
    RunOptions,
)
from workbench.guards.matrix import check_matrix
from workbench.kinds.timing import apply_speech_rates
from workbench.lint.briefcontext import generation_check
from workbench.llm.base import Provider
from workbench.llm.factory import EndpointConfig, make_provider, resolve_endpoint
from workbench.operations import Operations
from workbench.poster.step import PosterStep
from workbench.prompting import PromptLibrary
from workbench.segments import SegmentLibrary
from workbench.settings import Settings
from workbench.store import Store
from workbench.tracking.body import link_step
from workbench.workspace import PROMPTS_DIR, SEGMENTS_FILE


@dataclass
class EndpointOverrides:
    """LLM flags from a face; empty fields fall back to settings and the environment."""

    preset: str | None = None
    base_url: str | None = None
    model: str | None = None
    api_key_env: str | None = None
    offline: bool = False


@dataclass
class Workbench(Operations):
    """The core both faces hold; its operations (lint, review, regenerate, previews...)
    come from ``workbench.operations``."""

    workspace: Path
    db_path: Path
    settings: Settings
    _store: Store | None = field(default=None, repr=False)
    _segments: SegmentLibrary | None = field(default=None, repr=False)
    _prompts: PromptLibrary | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        """The database, opened (and migrated) on first use."""
        if self._store is None:
            self._store = Store.open(self.db_path)
        return self._store

    def db_exists(self) -> bool:
        return self.db_path.is_file()

    @property
    def segments(self) -> SegmentLibrary:
        if self._segments is None:
            self._segments = SegmentLibrary.load(self.workspace / SEGMENTS_FILE)
        return self._segments

    @property
    def prompts(self) -> PromptLibrary:
        if self._prompts is None:
            custom = self.workspace / PROMPTS_DIR
            self._prompts = PromptLibrary(
                workspace_prompts=custom if custom.is_dir() else None,
                examples_dirs=[locations.resource_dir("templates") / "examples"],
                extra_examples=partial(workbench_examples, self),
            )
        return self._prompts

    def load_brief(self, path: Path) -> LoadedBrief:
        loaded = load_brief(path, self.segments)
        check_matrix([loaded], self.settings.generate.max_jobs)
        return apply_speech_rates(loaded, self.settings.scripts)

    def load_briefs(self, paths: list[Path]) -> list[LoadedBrief]:
        """Every brief, or one InputError listing every problem in all of them (a job
        matrix above ``generate.max_jobs`` included)."""
        loaded = validate_briefs(paths, self.segments)
        check_matrix(loaded, self.settings.generate.max_jobs)
        return [apply_speech_rates(b, self.settings.scripts) for b in loaded]

    def endpoint(self, overrides: EndpointOverrides | None = None) -> EndpointConfig | None:
        """The configured endpoint, or None for the offline composer."""
        o = overrides or EndpointOverrides()
        return resolve_endpoint(
            self.settings.llm,
            base_url=o.base_url,
            model=o.model,
            api_key_env=o.api_key_env,
            preset=o.preset,
            offline=o.offline,
        )

    def provider(self, overrides: EndpointOverrides | None = None) -> Provider:
        return make_provider(
            self.endpoint(overrides), self.settings.llm, self.settings.tracking.base_url
        )

    def runner(
        self,
        provider: Provider,
        options: RunOptions,
        observer: RunObserver | None = None,
    ) -> BatchRunner:
        """The batch runner with every post-generation step wired in.

        ``checks`` run on each variant's content before it is stored (their findings are
        stored with it); ``after_batch`` steps run when a brief's jobs are done.
        """
        base_url = self.settings.tracking.base_url
        # link_step first: it puts the tracked link into copy bodies before checks read them.
        checks: list[ContentCheck] = [link_step(base_url), generation_check(self.workspace)]
        after_batch: list[AfterBatch] = [PosterStep(self.workspace, base_url=base_url)]
        return BatchRunner(
            self.store, provider, options, observer, checks=checks, after_batch=after_batch
        )

    def batches(
        self,
        provider: Provider,
        options: RunOptions,
        observer: BatchObserver | None = None,
        run_observer: RunObserver | None = None,
    ) -> BatchGenerator:
        """The Batch API flow (``generate --batch``, ``workbench batch``): answers are
        stored by this workbench's runner (checks and after-batch steps included)."""
        collecting = replace(options, fresh=False)  # the round was started at submission
        runner = self.runner(provider, collecting, run_observer)  # one for every collection
        return batch_generator(
            self.store,
            provider,
            self.settings.llm.batch,
            lambda: runner,
            self.workspace / "batches",
            observer,
        )

    def stored_brief(self, raw: str, path: str) -> LoadedBrief:
        """A brief as it was stored with a run (``batch collect`` plans from it)."""
        loaded = load_brief_text(raw, path, self.segments)
        return apply_speech_rates(loaded, self.settings.scripts)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def make_workbench(workspace: Path | None = None, db: str | Path | None = None) -> Workbench:
    """Build the core for a face: workspace from ``WORKBENCH_HOME`` or the current folder."""
    folder = workspace.resolve() if workspace else locations.workspace_dir()
    settings = Settings.load(folder / locations.WORKSPACE_FILE)
    return Workbench(
        workspace=folder,
        db_path=locations.db_path(db, folder),
        settings=settings,
    )
