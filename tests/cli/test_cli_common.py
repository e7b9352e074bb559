"""The endpoint option group (``workbench.cli.common.endpoint_options``)."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from workbench.app import EndpointOverrides
from workbench.cli.common import ENDPOINT, endpoint_options
from workbench.cli.main import app as workbench_app

FLAGS = ["--preset", "--base-url", "--model", "--api-key-env"]


def _app(offline: bool) -> tuple[typer.Typer, list[EndpointOverrides]]:
    seen: list[EndpointOverrides] = []
    app = typer.Typer(add_completion=False)

    @app.command()
    @endpoint_options(offline=offline)
    def probe(
        name: str, endpoint: EndpointOverrides = ENDPOINT, last: bool = typer.Option(False)
    ) -> None:
        """Probe."""
        seen.append(endpoint)
        print(name, last)

    return app, seen


def test_the_flags_arrive_as_one_endpoint_overrides() -> None:
    app, seen = _app(offline=True)
    args = ["x", "--preset", "qwen", "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]
    result = CliRunner().invoke(app, [*args, "--api-key-env", "K", "--offline", "--last"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "x True"
    assert seen == [EndpointOverrides("qwen", "http://127.0.0.1:9/v1", "m", "K", offline=True)]


def test_no_flags_mean_empty_overrides() -> None:
    app, seen = _app(offline=True)
    assert CliRunner().invoke(app, ["x"]).exit_code == 0
    assert seen == [EndpointOverrides()]
    assert seen[0] is not ENDPOINT


def test_without_offline_the_group_has_no_offline_flag() -> None:
    app, seen = _app(offline=False)
    result = CliRunner().invoke(app, ["x", "--offline"])
    assert result.exit_code == 2 and not seen
    params = [p.opts for p in typer.main.get_command(app).params]
    assert params == [["name"], *[[f] for f in FLAGS], ["--last"]]


def test_the_group_stands_where_the_command_declares_it() -> None:
    app, _ = _app(offline=True)
    params = [p.opts[0] for p in typer.main.get_command(app).params]
    assert params == ["name", *FLAGS, "--offline", "--last"]


def test_a_command_without_endpoint_parameter_is_refused() -> None:
    with pytest.raises(TypeError, match="needs an 'endpoint' parameter"):

        @endpoint_options()
        def bad(name: str) -> None:
            """Bad."""


@pytest.mark.parametrize(
    ("path", "offline"),
    [
        (["generate"], True),
        (["tui"], True),
        (["prompts", "render"], True),
        (["review", "regenerate"], True),
        (["calendar", "plan"], True),
        (["llm", "test"], False),
        (["batch", "status"], False),
        (["batch", "collect"], False),
        (["batch", "cancel"], False),
    ],
)
def test_every_endpoint_command_offers_the_same_flags(path: list[str], offline: bool) -> None:
    command = typer.main.get_command(workbench_app)
    for name in path:
        assert isinstance(command, typer.core.TyperGroup)
        command = command.commands[name]
    options = [p.opts[0] for p in command.params if p.opts[0].startswith("--")]
    expected = [*FLAGS, "--offline"] if offline else FLAGS
    start = options.index("--preset")
    assert options[start : start + len(expected)] == expected
    assert ("--offline" in options) == offline


def test_a_direct_call_without_flags_takes_their_defaults() -> None:
    seen: list[EndpointOverrides] = []

    @endpoint_options(offline=True)
    def probe(name: str, endpoint: EndpointOverrides = ENDPOINT) -> None:
        seen.append(endpoint)

    probe(name="x", offline=True)  # as `demo` calls `generate`
    probe(name="y")
    probe(name="z", endpoint=EndpointOverrides(model="m"))
    assert seen == [
        EndpointOverrides(offline=True),
        EndpointOverrides(),
        EndpointOverrides(model="m"),
    ]
