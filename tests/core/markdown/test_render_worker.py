"""The preview's render worker: a real process, spoken to as the window speaks to it."""

import subprocess
import sys

from studyapp.core.markdown.render_worker import encode_message, read_message


def test_the_worker_renders_each_request_and_survives_a_bad_one():
    worker = subprocess.Popen(
        [sys.executable, "-m", "studyapp.core.markdown.render_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert worker.stdin is not None and worker.stdout is not None
    try:
        requests = [
            {"id": 1, "text": "# 회의\n\n- [ ] 할 일 ![[a.png]]", "images": ["a.png"]},
            {"id": 2, "text": "half a pair: \ud800", "images": []},  # the sanitizer refuses it
            {"id": 3, "text": "- " * 10_000 + "깊은 목록", "images": []},
        ]
        for request in requests:
            worker.stdin.write(encode_message(request))
        worker.stdin.flush()
        replies = [read_message(worker.stdout) for _ in requests]
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)
    page = '<h1 id="회의">회의</h1>\n<ul>\n<li>☐ 할 일 <img alt="a.png" src="a.png"></li>\n</ul>'
    assert replies[0] == {"id": 1, "html": page}
    assert replies[1]["id"] == 2 and "surrogates not allowed" in replies[1]["error"]
    assert replies[2]["id"] == 3 and "깊은 목록" in replies[2]["html"]
    assert worker.returncode == 0  # its input closed: it ends
