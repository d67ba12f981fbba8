"""BackgroundJob: work on another thread, progress and results back on the GUI thread."""

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from studyapp.core.errors import ExportError
from studyapp.ui.workers import BackgroundJob


@pytest.fixture
def jobs(qapp):
    """Jobs made by a test; each is waited for so no thread outlives the test."""
    made = []

    def make(work):
        job = BackgroundJob(work)
        made.append(job)
        return job

    yield make
    for job in made:
        job.shutdown()
        assert not job._thread.isRunning()


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, jobs):
    worker_threads, slot_threads, steps = [], [], []

    def work(control):
        worker_threads.append(threading.get_ident())
        for step in range(3):
            control.progress(step, 3, f"step {step}")
        return "done"

    job = jobs(work)
    job.progress.connect(lambda done, total, label: steps.append((done, total, label)))
    job.progress.connect(lambda *_: slot_threads.append(QThread.currentThread()))
    results = []
    job.succeeded.connect(results.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert results == ["done"]
    assert steps == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    main = QCoreApplication.instance().thread()
    assert slot_threads and all(thread is main for thread in slot_threads)
    assert not job.is_running()
    assert not job._thread.isRunning()


def test_a_studyapp_error_arrives_as_its_message(qtbot, jobs):
    def work(control):
        raise ExportError("Cannot write to /x: permission denied")

    job = jobs(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["Cannot write to /x: permission denied"]


def test_an_unexpected_error_arrives_as_a_readable_line(qtbot, jobs):
    def work(control):
        raise KeyError("boom")

    job = jobs(work)
    succeeded = []
    job.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    (message,) = blocker.args
    assert message.startswith("Something went wrong: ")
    assert "boom" in message and "Traceback" not in message and "\n" not in message
    assert succeeded == []


def test_cancel_stops_the_work_at_its_next_check(qtbot, jobs):
    release = threading.Event()

    def work(control):
        rounds = 0
        while not control.cancelled():
            rounds += 1
            control.progress(rounds, -1, "")
            release.wait(0.01)  # the worker's own pace; the test never sleeps
        return rounds

    job = jobs(work)
    with qtbot.waitSignal(job.progress, timeout=5000):
        job.start()
    assert job.is_running()
    results = []
    job.succeeded.connect(results.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.cancel()
    assert job.is_cancelled()
    assert len(results) == 1 and results[0] >= 1


def test_shutdown_waits_for_the_thread(qtbot, jobs):
    started = threading.Event()

    def work(control):
        started.set()
        while not control.cancelled():
            started.wait(0.01)
        return None

    job = jobs(work)
    job.start()
    assert started.wait(5)
    job.shutdown()
    assert not job._thread.isRunning()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=5000)


def test_a_job_runs_once(qtbot, jobs):
    job = jobs(lambda control: 1)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    with pytest.raises(RuntimeError):
        job.start()
