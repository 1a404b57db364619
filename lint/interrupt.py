"""Ctrl-C that stops a run even when a library swallows the KeyboardInterrupt.

A library may catch everything around a step of its own (spaCy asks whether a model is installed, and srsly imports
its C YAML parser, inside a bare "except:"): a Ctrl-C pressed at that moment would be lost, and the run would go on to
its last page. The command's handler also records the Ctrl-C, and the run looks at that record between pages.
"""

from __future__ import annotations

import signal

_ctrl_c_pressed = False


def watch_ctrl_c() -> None:
    """Record Ctrl-C as well as raising KeyboardInterrupt (the ``medlint`` command calls it, in the main thread)."""
    import threading

    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_ctrl_c)


def _on_ctrl_c(signum, frame):
    global _ctrl_c_pressed
    _ctrl_c_pressed = True
    raise KeyboardInterrupt


def stop_if_ctrl_c_was_pressed() -> None:
    """Raise KeyboardInterrupt again if a Ctrl-C was pressed (and perhaps swallowed) since the run began."""
    if _ctrl_c_pressed:
        raise KeyboardInterrupt
