"""manage.py extract_publication_metadata reads the files nobody has read yet."""

import io

from django.core.management import call_command

from documents.factories import PublicationFactory


def run(*args):
    out = io.StringIO()
    call_command("extract_publication_metadata", *args, stdout=out)
    return out.getvalue()


def test_reads_unread_publications_once(db):
    unread = PublicationFactory()  # saved in a transaction that never commits: not yet read
    assert unread.page_count is None
    assert "1 Publikation(en)" in run()
    unread.refresh_from_db()
    assert unread.page_count == 2
    assert unread.cover_image is not None
    assert "0 Publikation(en)" in run()
    assert "1 Publikation(en)" in run("--refresh")
