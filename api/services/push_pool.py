"""Spread sending over one process per core: encryption is CPU work, so threads would not help.

The worker process keeps the database work (claims, outcomes); each sender process keeps its own
event loop, session and VAPID header cache, and sends its share of a batch concurrently.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from api.services.push_keys import load_vapid
from api.services.push_sender import PushJob, PushResult, PushSender
from api.services.push_settings import PushSettings

_sender: PushSender | None = None


def _exit_with_parent(parent: int) -> None:
    """End this sender if the worker that started it dies (even by SIGKILL)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _start_sender(settings: PushSettings, parent: int) -> None:
    global _sender
    _sender = PushSender(settings, load_vapid(settings.key_file))
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _ready(_n: int) -> bool:
    time.sleep(0.2)  # hold this process so the next warm-up task starts another
    return _sender is not None


def _send_share(jobs: list[PushJob]) -> list[PushResult]:
    return _sender.send(jobs)


class PoolSender:
    """Send a batch across several processes; same interface as PushSender."""

    def __init__(self, settings: PushSettings, processes: int):
        self.processes = processes
        self._pool = ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_sender, initargs=(settings, os.getpid()))

    def warm(self) -> None:
        """Start every sender process now rather than on the first batch."""
        assert all(self._pool.map(_ready, range(self.processes)))

    def send(self, jobs: list[PushJob]) -> list[PushResult]:
        """Split the batch into one share per process; return results in the jobs' order."""
        size = -(-len(jobs) // self.processes)
        shares = [jobs[i:i + size] for i in range(0, len(jobs), size)]
        return [result for share in self._pool.map(_send_share, shares) for result in share]

    def close(self) -> None:
        self._pool.shutdown()
