"""The container's own liveness probe (Dockerfile HEALTHCHECK): ``python -m ops.probe``.

Asks ``/health/live/`` on the local port with the first of ``ALLOWED_HOSTS`` as its host (any
other host name is refused by Django); exits 0 when the answer is 200. Standard library only:
it must not load Django.
"""

import http.client
import os
import sys


def main(path="/health/live/"):
    host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip()
    connection = http.client.HTTPConnection("127.0.0.1", int(os.environ.get("PORT", 8000)), 2)
    try:
        connection.request("GET", path, headers={"Host": host})
        status = connection.getresponse().status
    except OSError as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
