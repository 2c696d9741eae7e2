"""Web uploads as the tests make them: through the form, then the worker's reading tasks, as `serve` runs them.

The upload request only stores the files and queues one reading task per file; the tests
then run those tasks from the real queue (`run_reading_tasks`), leaving the OCR tasks they
queue in the queue, as a worker that has read the files but not yet the scans would.
"""

from __future__ import annotations

import io
import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from evidence_vault.pipeline import worker

from .conftest import csrf_token

READ_TASK = "read_upload"


def post_upload(client: FlaskClient, named_files: list[tuple[str, bytes]], organisation: int | None = None,
                *, read: bool = True) -> TestResponse:
    """Send files through the upload form; with `read`, the worker reads them; returns the upload's page."""
    data: dict[str, object] = {"csrf_token": csrf_token(client.get("/upload").text),
                               "files": [(io.BytesIO(content), name) for name, content in named_files]}
    if organisation is not None:
        data["organisation"] = str(organisation)
    response = client.post("/upload", data=data, content_type="multipart/form-data")
    if response.status_code != 303:
        return response
    if read:
        run_reading_tasks(client)
    return client.get(response.headers["Location"])


def run_reading_tasks(client: FlaskClient) -> int:
    """Run the queued reading tasks of the app's vault (the worker's code, in this process); returns how many."""
    background = worker.background_for(client.application.extensions["evidence_vault"]["settings"])
    held, ran = [], 0
    while (task := background.huey.dequeue()) is not None:
        if task.name == READ_TASK:
            background.huey.execute(task)
            ran += 1
        else:
            held.append(task)
    for task in held:
        background.huey.enqueue(task)
    return ran


def rows(page: str) -> list[str]:
    """The state of each file on an upload's page, in order: received, reading, done, duplicate, failed."""
    return re.findall(r'<tr class="upload-(\w+)" data-file=', page)
