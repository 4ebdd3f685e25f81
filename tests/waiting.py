"""Waiting for a condition instead of sleeping: ``wait_until(condition)`` returns as soon as the
condition holds and fails with a message when it does not within the timeout."""

import time


class NotReached(AssertionError):
    """The condition did not hold within the timeout."""


def wait_until(condition, timeout=10.0, interval=0.05, message=None):
    """Call ``condition()`` until it returns something truthy, and return that.

    Checks every ``interval`` seconds; raises :class:`NotReached` (an ``AssertionError``,
    with ``message`` or the condition's name) after ``timeout`` seconds. Exceptions the
    condition raises pass through: catch the expected ones inside it.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() >= deadline:
            what = message or getattr(condition, "__name__", repr(condition))
            raise NotReached(f"not reached within {timeout} s: {what}")
        time.sleep(interval)


def answers(open_url, *, errors=(OSError,)):
    """A condition for :func:`wait_until`: ``open_url()`` returns without a connection error."""

    def condition():
        try:
            open_url()
        except errors:
            return False
        return True

    return condition
