"""`evidence-vault serve`: the web application, with the background worker beside it by default.

One app process (the default) is waitress: one process, `server.threads` threads. Several
(`--workers N`, for a grown vault on a machine with several cores) is gunicorn, the
pre-fork server: a master process that binds the port, starts N app processes (each with
`server.threads` threads, gunicorn's `gthread` worker) and starts a new one when one dies
or hangs. Nothing the processes must agree on lives in one of them: sessions, the login
throttle, OCR claims and the search rows are in the database, the session key in the
environment or the storage folder (docs/deploy.md).

The background worker is supervised (`supervisor.WorkerSupervisor`): a worker that dies is
logged and started again, so uploads never wait for OCR that nobody will do. gunicorn's
master reaps every child that exits (`waitpid(-1)`), which would steal the worker's exit
status from its supervisor; so with `--workers N` and the worker, `serve` keeps the worker
and runs the gunicorn master as a child process of its own (`serve --no-worker --workers
N`), and ends both when it is stopped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from typing import Any

import click

from .runtime import CommandFailed, Runtime, explained, pass_runtime
from .supervisor import STOP_SECONDS, WorkerSupervisor


@click.command()
@click.option("--host", help="Alamat yang didengarkan (bawaan dari pengaturan server.host).")
@click.option("--port", type=int, help="Port yang didengarkan (bawaan dari pengaturan server.port).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Jumlah proses aplikasi. 1: waitress dalam satu proses; 2 atau lebih: gunicorn, satu proses "
                   "induk dan N proses aplikasi, masing-masing dengan server.threads utas.")
@click.option("--debug", is_flag=True, help="Server pengembangan Flask dengan muat ulang otomatis; jangan di produksi.")
@click.option("--worker/--no-worker", default=True, show_default=True,
              help="Jalankan juga pekerja latar belakang (OCR unggahan) dalam prosesnya sendiri.")
@pass_runtime
@explained
def serve(runtime: Runtime, host: str | None, port: int | None, workers: int, debug: bool, worker: bool) -> None:
    """Menjalankan aplikasi web (waitress, atau gunicorn dengan --workers N; server yang layak produksi)."""
    settings = runtime.settings
    host = host or settings.get("server", "host")
    port = port or settings.get("server", "port")
    if workers > 1:
        if debug:
            raise CommandFailed("--debug menjalankan satu proses; tanpa --workers.")
        if worker:
            _serve_beside_worker(runtime, host, port, workers)
            return
        click.echo(f"Evidence Vault berjalan di http://{host}:{port}/ dengan {workers} proses (Ctrl-C untuk berhenti)")
        _gunicorn(runtime, host, port, workers)
        return
    from ..app import create_app
    from ..pipeline import indexing

    app = create_app(settings)
    # Flask's reloader runs this command twice; only the outer process starts the worker.
    supervisor = None
    if worker and os.environ.get("WERKZEUG_RUN_MAIN") != "true":
        supervisor = WorkerSupervisor(lambda: _spawn_worker(runtime.config_path))
        supervisor.start()
    try:
        threading.Thread(target=indexing.index_for(settings).warm, name="search-warm", daemon=True).start()
        click.echo(f"Evidence Vault berjalan di http://{host}:{port}/  (Ctrl-C untuk berhenti)")
        if debug:
            app.run(host=host, port=port, debug=True)
            return
        from waitress import serve as waitress_serve

        waitress_serve(app, host=host, port=port, threads=settings.get("server", "threads"), ident="evidence-vault")
    finally:
        if supervisor is not None:
            supervisor.stop()


def _spawn_worker(config_path: str | None) -> subprocess.Popen[bytes]:
    """`evidence-vault worker` as a child process that dies with `serve`, however `serve` ends."""
    from ..extract.isolation import die_with_parent  # here: `serve --help` imports nothing of the pipeline

    return subprocess.Popen(_command(config_path, "worker"), preexec_fn=die_with_parent)


def _command(config_path: str | None, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "evidence_vault", *(["--config", config_path] if config_path else []), *arguments]


def _serve_beside_worker(runtime: Runtime, host: str, port: int, workers: int) -> None:
    """The supervised worker here, the gunicorn master in a child process; SIGTERM or Ctrl-C ends both."""
    from ..extract.isolation import die_with_parent

    supervisor = WorkerSupervisor(lambda: _spawn_worker(runtime.config_path))
    supervisor.start()
    master = subprocess.Popen(_command(runtime.config_path, "serve", "--no-worker", "--workers", str(workers),
                                       "--host", host, "--port", str(port)), preexec_fn=die_with_parent)

    def forward(signum: int, _frame: Any) -> None:
        master.send_signal(signal.SIGTERM)  # gunicorn's graceful stop: requests under way are finished

    previous = {signum: signal.signal(signum, forward) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        code = master.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if master.poll() is None:
            master.terminate()
            try:
                master.wait(STOP_SECONDS * 3)
            except subprocess.TimeoutExpired:
                master.kill()
                master.wait()
        supervisor.stop()
    if code not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise CommandFailed(f"server gunicorn berhenti (kode {code}); lihat pesan di atas.")


def _gunicorn(runtime: Runtime, host: str, port: int, workers: int) -> None:
    """gunicorn's master in this process: it binds, forks `workers` app processes and keeps them running.

    Each app process builds its own application after the fork (no `preload_app`): database
    connections, the search index and the readers' forkserver are never shared across a fork.
    """
    from gunicorn.app.base import BaseApplication

    settings = runtime.settings
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": settings.get("server", "threads"),
        "proc_name": "evidence-vault",
        "forwarded_allow_ips": "",  # as waitress: the app believes X-Forwarded-For from server.trusted_proxies only
        "graceful_timeout": 30,
        "errorlog": "-",
        "loglevel": "warning",
    }

    class Application(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self) -> Any:
            from ..app import create_app
            from ..pipeline import indexing

            app = create_app(settings)
            threading.Thread(target=indexing.index_for(settings).warm, name="search-warm", daemon=True).start()
            return app

    Application().run()


COMMANDS = [serve]
