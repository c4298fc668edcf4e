import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.settings")
application = get_wsgi_application()

# Import every view now rather than on the first request, then hand what start-up built
# (modules, classes, settings: well over 100,000 objects, alive for the whole process) to
# the permanent generation: the cyclic collector's full passes then skip them. Without it, a
# full pass over that heap cost about 90 ms and came every few pushes (bench/sync.py).
get_resolver().url_patterns  # noqa: B018 (the import is the point)
gc.freeze()
