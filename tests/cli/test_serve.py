"""`evidence-vault serve --workers 2`: gunicorn's master and two app processes, each of them answering,
beside the supervised background worker; a killed app process is replaced; stopping `serve` ends all.

Real processes on a free port. Nothing waits a fixed time: every step waits for its condition.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from ..pipeline.test_worker_processes import DEADLINE, alive, children_of, wait_for
from ..servers import free_port, wait_until_up


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def test_two_app_processes_each_answer_and_a_dead_one_is_replaced(initialised: None, storage: Path) -> None:
    port, log = free_port(), storage.parent / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        serve = subprocess.Popen([sys.executable, "-m", "evidence_vault", "serve", "--workers", "2", "--port",
                                  str(port)], env=dict(os.environ), stdout=output, stderr=subprocess.STDOUT)
    stopped: list[int] = []
    try:
        wait_until_up(f"{base}/login", serve, log)
        children = wait_for(lambda: len(found := children_of(serve.pid)) == 2 and found, DEADLINE,
                            "serve started the background worker and gunicorn's master")
        assert sorted(b"worker" in command for command in children.values()) == [False, True]
        master = next(pid for pid, command in children.items() if b"worker" not in command)
        apps = wait_for(lambda: len(found := children_of(master)) == 2 and sorted(found), DEADLINE,
                        "the master started two app processes")

        for answering in apps:  # the other one frozen: every answer comes from this one
            other = next(pid for pid in apps if pid != answering)
            os.kill(other, signal.SIGSTOP)
            stopped.append(other)
            assert all(answers(f"{base}/login") for _ in range(5)), f"app process {answering} answers alone"
            os.kill(other, signal.SIGCONT)
            stopped.remove(other)

        os.kill(apps[0], signal.SIGKILL)
        replaced = wait_for(lambda: len(found := children_of(master)) == 2 and apps[0] not in found and sorted(found),
                            DEADLINE, "the master replaced the killed app process")
        assert apps[1] in replaced
        wait_for(lambda: answers(f"{base}/login"), DEADLINE, "answering after the replacement")
        every = [master, *replaced, *(pid for pid in children if pid != master)]
    finally:
        for pid in stopped:
            os.kill(pid, signal.SIGCONT)
        serve.send_signal(signal.SIGTERM)
        try:
            code = serve.wait(DEADLINE)
        except subprocess.TimeoutExpired:
            serve.kill()
            raise
    assert code == 0, log.read_text()
    wait_for(lambda: not any(alive(pid) for pid in every), DEADLINE, "stopping serve ended every process")
