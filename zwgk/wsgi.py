"""WSGI entry point (gunicorn zwgk.wsgi).

The segmenter's dictionary (jieba: message routing at intake, catalog search) is loaded here, once,
before gunicorn forks its workers (``--preload`` in ``make serve``): loaded lazily it took each new
worker seconds on its first citizen's message (13 s on a loaded 2-core machine), so a worker that
was restarted after a crash answered nothing meanwhile, and the forked workers share its memory.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.settings")
application = get_wsgi_application()

from zwgk.catalog.search.text import _cutter  # noqa: E402

_cutter()

# Nothing above should have connected to the database; if it did, the forked workers must not share it.
from django.db import connections  # noqa: E402

connections.close_all()
