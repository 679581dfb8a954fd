"""Progress of a long build on the terminal, and the timing summary.

On a terminal one status line is redrawn in place (loading, compiling,
rendering per audience, with counts); anywhere else (CI logs, pipes, tests)
nothing is drawn, only the timing summary printed at the end.  Where the
two audiences build in separate processes (``parallel``), they send their
counts through a queue and one thread here draws them.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import unicodedata
from typing import Any, Optional, TextIO


def _display_width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


class Progress:
    def __init__(self, stream: Optional[TextIO] = None, enabled: Optional[bool] = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.parts: dict[str, str] = {}
        self.timings: dict[str, float] = {}
        self._drawn = 0.0
        self._width = 0
        self._lock = threading.Lock()

    # -- status line -------------------------------------------------------

    def show(self, key: str, text: Optional[str], force: bool = False) -> None:
        """Set (or with ``None`` clear) one part of the status line."""
        with self._lock:
            if text is None:
                self.parts.pop(key, None)
            else:
                self.parts[key] = text
            now = time.monotonic()
            if not self.enabled or (not force and now - self._drawn < 0.1):
                return
            self._drawn = now
            line = " · ".join(self.parts.values())
            width = _display_width(line)
            self.stream.write("\r" + line + " " * max(0, self._width - width))
            self.stream.flush()
            self._width = width

    def clear(self) -> None:
        with self._lock:
            self.parts.clear()
            if self.enabled and self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
            self._width = 0

    # -- timings -------------------------------------------------------------

    def timed(self, name: str, seconds: float) -> None:
        self.timings[name] = self.timings.get(name, 0.0) + seconds

    # -- reports from the audiences' processes --------------------------------

    def listen(self, channel: "Any") -> threading.Thread:
        """Draw what worker processes put on ``channel`` (``(key, text)`` or ``(key, None)``) until ``None`` arrives."""

        def run() -> None:
            while True:
                try:
                    item = channel.get(timeout=0.5)
                except queue.Empty:
                    continue
                except (EOFError, OSError):
                    return
                if item is None:
                    return
                key, text = item
                self.show(key, text)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread


class Reporter:
    """What one audience's build uses to report progress: in-process or through a queue."""

    def __init__(self, progress: Optional[Progress] = None, channel: Any = None):
        self.progress = progress
        self.channel = channel
        self._last = 0.0

    def __call__(self, key: str, text: Optional[str], force: bool = False) -> None:
        if self.channel is not None:
            now = time.monotonic()
            if force or text is None or now - self._last >= 0.1:
                self._last = now
                try:
                    self.channel.put_nowait((key, text))
                except Exception:  # noqa: BLE001 - progress must never break a build
                    pass
        elif self.progress is not None:
            self.progress.show(key, text, force)
