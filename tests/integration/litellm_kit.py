"""Start and stop a real LiteLLM proxy on 127.0.0.1 for the integration tests.

The proxy lives in its own venv so its pins never meet the project's: ``.ci/run`` creates
``.venv-litellm`` (``pip install 'litellm[proxy]'``). Tests find it through
``WB_LITELLM`` (the ``litellm`` executable) or ``.venv-litellm/bin/litellm`` in the
checkout; without it they skip locally and FAIL when ``CI=true``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
HOOK = Path(__file__).with_name("litellm_hook.py")
MASTER_KEY = "sk-litellm-master-TESTKEY123"  # test only, for a proxy on 127.0.0.1
MODEL = "wb-mock"
START_TIMEOUT_S = 240.0  # a cold proxy imports a lot; CI machines are shared


def litellm_executable() -> Path:
    """The proxy's executable, or skip (locally) / fail (CI) when it is not installed."""
    named = os.environ.get("WB_LITELLM")
    candidate = Path(named) if named else REPO / ".venv-litellm" / "bin" / "litellm"
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return candidate
    message = (
        f"LiteLLM proxy not found at {candidate} (set WB_LITELLM or create .venv-litellm "
        "with `python3 -m venv .venv-litellm && .venv-litellm/bin/pip install 'litellm[proxy]'`)"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CONFIG = """model_list:
  - model_name: {model}
    litellm_params:
      model: openai/{model}
      api_key: sk-upstream-never-called
      api_base: http://127.0.0.1:9/v1
      mock_response: "unused"
litellm_settings:
  callbacks: litellm_hook.proxy_handler_instance
  drop_params: false
  num_retries: 0
  request_timeout: 30
general_settings:
  master_key: {key}
"""


class LiteLLMProxy:
    """One proxy process with its config, hook, answers, fault queue and request log."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.answers = folder / "answers.json"
        self.ctl = folder / "ctl.json"
        self.log = folder / "requests.jsonl"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, executable: Path) -> LiteLLMProxy:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "config.yaml").write_text(
            CONFIG.format(model=MODEL, key=MASTER_KEY), encoding="utf-8"
        )
        (self.folder / "litellm_hook.py").write_text(HOOK.read_text("utf-8"), encoding="utf-8")
        self.set_answers({})
        self.queue_faults()
        self.log.write_text("", encoding="utf-8")
        env = {
            **os.environ,
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",
            "WB_LITE_ANSWERS": str(self.answers),
            "WB_LITE_CTL": str(self.ctl),
            "WB_LITE_LOG": str(self.log),
            "PYTHONPATH": str(self.folder),
            "NO_PROXY": "127.0.0.1,localhost",
        }
        with open(self.folder / "proxy.log", "wb") as out:
            self.process = subprocess.Popen(
                [
                    *(str(executable), "--config", "config.yaml", "--host", "127.0.0.1"),
                    *("--port", str(self.port), "--num_workers", "1"),
                ],
                cwd=self.folder,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        url = f"http://127.0.0.1:{self.port}/health/liveliness"
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"LiteLLM proxy exited: {self.tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)  # polling a starting process, not timing a test
        self.stop()
        raise RuntimeError(f"LiteLLM proxy not ready in {START_TIMEOUT_S:g} s: {self.tail()}")

    def tail(self) -> str:
        path = self.folder / "proxy.log"
        return path.read_text("utf-8", errors="replace")[-1500:] if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def set_answers(self, answers: dict[str, str]) -> None:
        self.answers.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")

    def queue_faults(self, *faults: str) -> None:
        self.ctl.write_text(json.dumps({"queue": [{"do": f} for f in faults]}), encoding="utf-8")

    def requests(self) -> list[dict[str, Any]]:
        lines = self.log.read_text("utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
