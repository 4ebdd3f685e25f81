"""A real HTTP receiver on 127.0.0.1, and changes sent the way the CMS sends them:
``content_changed`` inside the transaction that makes the change."""

import threading
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from changes.affected import Affected
from changes.events import Change, content_changed
from webhooks.models import WebhookEndpoint


@dataclass
class ReceivedRequest:
    path: str
    headers: object  # http.client.HTTPMessage: case-insensitive, like a framework's headers
    body: bytes


class Receiver:
    """Records every POST and answers with the scripted status codes in turn, then 200."""

    def __init__(self, port=0, script=()):
        self.requests = []
        self.script = list(script)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append(ReceivedRequest(self.path, self.headers, body))
                status = receiver.script.pop(0) if receiver.script else 200
                answer = b"ok" if status < 300 else b"kaputt"
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_port}/api/revalidate"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Clock:
    """``django.utils.timezone.now`` moved forward: waiting for a retry without sleeping."""

    def __init__(self, monkeypatch):
        self.offset = timedelta()
        real_now = timezone.now
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.offset)

    def advance(self, seconds):
        self.offset += timedelta(seconds=seconds)


def make_endpoint(url, events=("*",), **fields):
    return WebhookEndpoint.objects.create(
        name=fields.pop("name", "Next.js-Frontend"), url=url, events=list(events), **fields
    )


def page_change(event="page.published", page_id=42, path="/themen/fluechtlingsarbeit/"):
    return Change(
        event=event,
        model="topics.topicpage",
        object_id=page_id,
        title="Flüchtlingsarbeit",
        affected=Affected(pages={page_id: path}, tags={f"page:{page_id}"}),
    )


def document_change(event="document.saved"):
    return Change(
        event=event,
        model="documents.publication",
        object_id=7,
        title="Arbeitshilfe Asylverfahren",
        affected=Affected(pages={42: "/themen/fluechtlingsarbeit/"}, tags={"page:42"}),
    )


def send_in_transaction(change, sender=Page):
    """What the CMS does when content changes: the signal inside the change's transaction."""
    with transaction.atomic():
        content_changed.send(sender=sender, change=change)
