"""Production sends mail through the server named by one variable, EMAIL_URL (django-environ's
email_url): workflow notifications, review reminders and password resets depend on it."""

import socketserver
import threading

from .test_settings import REQUIRED, manage


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321, no TLS, no auth) to receive one message."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 test ESMTP")
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 test")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                self.server.messages.append(b"".join(data).decode())
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


def test_email_url_configures_the_smtp_server():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)",
        **REQUIRED,
        EMAIL_URL="smtp+tls://redaktion:geheim@mail.example.org:587",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-5:] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "redaktion",
        "True",
    ]


def test_production_delivers_mail_to_the_configured_server():
    server = socketserver.TCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        result = manage(
            "shell",
            "-c",
            "from django.core.mail import send_mail; "
            "send_mail('Passwort zurücksetzen', 'Hallo', None, ['redakteurin@example.org'])",
            **REQUIRED,
            EMAIL_URL=f"smtp://127.0.0.1:{port}",
            DEFAULT_FROM_EMAIL="cms@paritaet-nrw.example.org",
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(server.messages) == 1
    assert "From: cms@paritaet-nrw.example.org" in server.messages[0]
    assert "To: redakteurin@example.org" in server.messages[0]
