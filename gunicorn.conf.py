"""gunicorn's settings for the portal, read from the working directory by
`gunicorn portal.wsgi` (command-line options still override them).

The application is loaded once, in the master process, and the search backend
warmed there before the workers are forked: the query model's weights, the
index's per-document arrays and its longest postings are then built once and
shared by every worker (copy-on-write pages), instead of built again in each
worker on its first searches. Code changes therefore need a restart, not a HUP.
"""

import logging

preload_app = True


def when_ready(server):
    """In the master, after the application is loaded, before any worker starts."""
    from django.db import connections

    from search import engine

    try:
        engine.warm()
    except Exception:  # a cold start is slower, not broken: serve anyway
        logging.getLogger("search").exception("Warming the search index failed")
    # Nothing opened here may be shared with the forked workers.
    connections.close_all()
