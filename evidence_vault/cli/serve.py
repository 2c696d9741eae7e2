"""`evidence-vault serve`: the web application, with the background worker beside it by default.

The worker is supervised (`supervisor.WorkerSupervisor`): a worker that dies is logged and
started again, so uploads never wait for OCR that nobody will do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import click

from .runtime import Runtime, explained, pass_runtime
from .supervisor import WorkerSupervisor


@click.command()
@click.option("--host", help="Alamat yang didengarkan (bawaan dari pengaturan server.host).")
@click.option("--port", type=int, help="Port yang didengarkan (bawaan dari pengaturan server.port).")
@click.option("--debug", is_flag=True, help="Server pengembangan Flask dengan muat ulang otomatis; jangan di produksi.")
@click.option("--worker/--no-worker", default=True, show_default=True,
              help="Jalankan juga pekerja latar belakang (OCR unggahan) dalam prosesnya sendiri.")
@pass_runtime
@explained
def serve(runtime: Runtime, host: str | None, port: int | None, debug: bool, worker: bool) -> None:
    """Menjalankan aplikasi web (waitress, server yang layak produksi)."""
    from ..app import create_app
    from ..pipeline import indexing

    settings = runtime.settings
    host = host or settings.get("server", "host")
    port = port or settings.get("server", "port")
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
    from ..extract.isolation import die_with_parent

    command = [sys.executable, "-m", "evidence_vault", *(["--config", config_path] if config_path else []), "worker"]
    return subprocess.Popen(command, preexec_fn=die_with_parent)


COMMANDS = [serve]
