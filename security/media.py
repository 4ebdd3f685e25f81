"""Public media (images and their renditions) served by the app itself.

``MEDIA_ROOT`` holds only public files: documents live in their own private storage
(``STORAGES["documents"]``), so nothing here can hand out a private file. Even so only the
image folders are served, so a document that was left in ``MEDIA_ROOT`` by an older layout is
not reachable. Django's ``static.serve`` does the file work (safe path joining, content types,
``If-Modified-Since``) and gunicorn sends the file with ``sendfile``; a web server or CDN in
front may take the folder over (``SERVE_MEDIA=false``).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

PUBLIC_FOLDERS = ("images/", "original_images/")
NAME_MAX = 255


def public_media(request, path):
    path = posixpath.normpath(path).lstrip("/")  # as serve() will: "images/../x" is "x"
    if not path.startswith(PUBLIC_FOLDERS):
        raise Http404("Not a public media file.")
    # No file system takes a name part over 255 bytes: such a request names no file (and
    # os.stat would fail with "File name too long", a 500).
    if any(len(part.encode()) > NAME_MAX for part in path.split("/")):
        raise Http404("No such media file.")
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:  # any other name the file system refuses to look up
        raise Http404("No such media file.") from None
    patch_cache_control(response, public=True, max_age=settings.MEDIA_CACHE_MAX_AGE)
    response["X-Content-Type-Options"] = "nosniff"
    return response
