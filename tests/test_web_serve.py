"""`newsweave serve` as a command: its arguments, and a real server process on 127.0.0.1."""

from __future__ import annotations

import argparse
import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from newsweave.errors import ConfigError
from newsweave.web.serve_command import add_serve_parser, is_loopback, settings_from


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsweave")
    add_serve_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["serve", *argv])


def test_defaults_listen_on_loopback_port_8000() -> None:
    args = parse()
    assert (args.host, args.port, args.db, args.debug) == ("127.0.0.1", 8000, None, False)


@pytest.mark.parametrize("port", ["-1", "65536", "http"])
def test_bad_ports_are_refused(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse("--port", port)
    assert "expected a port from 0 to 65535" in capsys.readouterr().err


def test_limits_are_checked() -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    with pytest.raises(ConfigError, match="--max-body"):
        settings_from(parse("--max-body", "0"))
    with pytest.raises(ConfigError, match="--workers"):
        settings_from(parse("--workers", "0"))
    settings = settings_from(parse("--max-body", "1.5", "--db", "stories.db"))
    assert settings.max_body_bytes == 1536 * 1024
    assert str(settings.db) == "stories.db"


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def start(*argv: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "newsweave.web", "--host", "127.0.0.1", *argv]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


def test_the_server_process_answers_and_stops_on_sigterm() -> None:
    pytest.importorskip("uvicorn", reason="the web extra is not installed")
    server = start("--port", "0")
    try:
        assert server.stderr is not None
        line = server.stderr.readline()
        match = re.search(r"serving on http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        url = f"http://127.0.0.1:{match.group(1)}/api/health"
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    assert json.load(answer)["status"] == "ok"
                    assert "script-src 'self'" in answer.headers["content-security-policy"]
                    break
            except ConnectionError:
                time.sleep(0.1)
        else:
            pytest.fail("the server never answered")
    finally:
        server.send_signal(signal.SIGTERM)
        # uvicorn shuts down cleanly, then lets the signal end the process as usual
        assert server.wait(timeout=20) in (0, -signal.SIGTERM)


def test_a_port_in_use_is_a_one_line_error() -> None:
    pytest.importorskip("uvicorn", reason="the web extra is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        server = start("--port", str(taken.getsockname()[1]))
        _, err = server.communicate(timeout=30)
    assert server.returncode == 1
    assert re.fullmatch(r"newsweave: error: cannot listen on 127\.0\.0\.1:\d+: .+\n", err)


def test_ner_setting_reaches_the_digest_options() -> None:
    parser = argparse.ArgumentParser()
    add_serve_parser(parser.add_subparsers(dest="command"))
    settings = settings_from(parser.parse_args(["serve", "--ner", "rules"]))
    assert settings.ner == "rules"
    from newsweave.web.service import DigestService

    assert DigestService(settings).options(None).ner == "rules"
