"""Start the test OpenID Connect provider (tests/oidc/provider.mjs) for the test suite.

It is oidc-provider (Node) on 127.0.0.1 and a free port, with one confidential client
(client_secret_basic, authorization code + PKCE S256) and the demo logins of
tests/oidc/README.md. Use it as::

    with running_provider(["http://127.0.0.1:8000/aanmelden/oidc/test/terug"]) as provider:
        ...  # provider.discovery_url, provider.client_id, provider.client_secret
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

REPO_ROOT = Path(__file__).resolve().parent.parent
PROVIDER_SCRIPT = REPO_ROOT / "tests" / "oidc" / "provider.mjs"
CLIENT_ID = "dialoog-test"
CLIENT_SECRET = "dialoog-test-secret"
START_TIMEOUT = 15.0
STOP_TIMEOUT = 5.0
_PORT_ATTEMPTS = 3


@dataclass(frozen=True)
class RunningProvider:
    """A provider process that answered its discovery document."""

    issuer: str
    discovery_url: str
    client_id: str
    client_secret: str
    process: subprocess.Popen[str]
    # What the provider wrote on stderr (a file, so a chatty provider never blocks on a pipe).
    log: IO[str] | None = field(default=None, repr=False, compare=False)

    def stderr_text(self) -> str:
        """Everything the provider has written on stderr so far."""
        return _read_log(self.log)

    def stop(self) -> None:
        """Stop the provider (SIGTERM, then SIGKILL after a few seconds). Safe to call twice."""
        _stop_process(self.process)
        if self.log is not None and not self.log.closed:
            self.log.close()


def _read_log(log: IO[str] | None) -> str:
    if log is None or log.closed:
        return ""
    log.flush()
    log.seek(0)
    return log.read()


def _stop_process(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)
    # The stdout pipe is closed by the thread that reads it, once it reaches its end.


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _watch_stdout(process: subprocess.Popen[str], ready: threading.Event, lines: list[str]) -> None:
    """Read the provider's stdout to its end, flagging the READY line."""
    stdout = process.stdout
    assert stdout is not None
    with stdout:
        for line in stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("READY "):
                ready.set()


def _discovery_answers(discovery_url: str, issuer: str, timeout: float) -> bool:
    if not discovery_url.startswith("http://127.0.0.1:"):
        raise ValueError(f"unexpected discovery URL {discovery_url!r}")
    try:
        with urllib.request.urlopen(discovery_url, timeout=timeout) as response:  # noqa: S310
            document = json.load(response)
    except (urllib.error.URLError, OSError, ValueError):
        return False
    return isinstance(document, dict) and document.get("issuer") == issuer


def _start_once(
    node: str, port: int, redirect_uris: Sequence[str], client_id: str, client_secret: str
) -> RunningProvider:
    issuer = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_REDIRECT_URIS": ",".join(redirect_uris),
        "OIDC_CLIENT_ID": client_id,
        "OIDC_CLIENT_SECRET": client_secret,
    }
    # Outlives this function: RunningProvider.stop() closes it.
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", prefix="oidc-provider-")  # noqa: SIM115
    try:
        process = subprocess.Popen(
            [node, str(PROVIDER_SCRIPT)],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            encoding="utf-8",
        )
    except BaseException:
        log.close()
        raise
    provider = RunningProvider(
        issuer=issuer,
        discovery_url=f"{issuer}/.well-known/openid-configuration",
        client_id=client_id,
        client_secret=client_secret,
        process=process,
        log=log,
    )
    ready = threading.Event()
    stdout_lines: list[str] = []
    threading.Thread(target=_watch_stdout, args=(process, ready, stdout_lines), daemon=True).start()

    deadline = time.monotonic() + START_TIMEOUT
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"the OIDC test provider exited with code {process.returncode} "
                    f"before it was ready:\n{provider.stderr_text()}"
                )
            if ready.wait(timeout=0.05) and _discovery_answers(
                provider.discovery_url, issuer, timeout=2.0
            ):
                if stdout_lines and stdout_lines[0] != f"READY {issuer}":
                    raise RuntimeError(f"the OIDC test provider said {stdout_lines[0]!r}")
                return provider
        raise RuntimeError(
            f"the OIDC test provider was not ready within {START_TIMEOUT:.0f} s:\n"
            f"{provider.stderr_text()}"
        )
    except BaseException:
        provider.stop()
        raise


def start_provider(
    redirect_uris: Sequence[str],
    *,
    client_id: str = CLIENT_ID,
    client_secret: str = CLIENT_SECRET,
) -> RunningProvider:
    """Start the provider on a free port and wait until its discovery document answers."""
    if isinstance(redirect_uris, str):
        raise TypeError("redirect_uris must be a sequence of URIs, not one string")
    if not redirect_uris or any("," in uri for uri in redirect_uris):
        raise ValueError("give one or more redirect URIs, none containing a comma")
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("the OIDC test provider needs Node.js (`node`) on PATH")
    if not (REPO_ROOT / "node_modules" / "oidc-provider").is_dir():
        raise RuntimeError("the OIDC test provider needs node_modules/oidc-provider: run `npm ci`")

    for attempt in range(_PORT_ATTEMPTS):
        try:
            return _start_once(node, _free_port(), redirect_uris, client_id, client_secret)
        except RuntimeError as error:
            # Another process may take the free port between our probe and node's listen().
            if "EADDRINUSE" not in str(error) or attempt == _PORT_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@contextlib.contextmanager
def running_provider(
    redirect_uris: Sequence[str],
    *,
    client_id: str = CLIENT_ID,
    client_secret: str = CLIENT_SECRET,
) -> Iterator[RunningProvider]:
    """Run the provider for the length of a ``with`` block."""
    provider = start_provider(redirect_uris, client_id=client_id, client_secret=client_secret)
    try:
        yield provider
    finally:
        provider.stop()
