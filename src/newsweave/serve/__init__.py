"""The HTTP service and web page (the ``serve`` extra): ``newsweave serve``.

Layout: :func:`newsweave.serve.app.create_app` makes the app from :class:`ServeSettings`;
one router per resource under :mod:`~newsweave.serve.routers`; shared checks as dependency
functions in :mod:`~newsweave.serve.deps`; size and time limits in
:mod:`~newsweave.serve.limits`; domain errors become HTTP errors only in
:mod:`~newsweave.serve.errors`; the page is ``static/`` (plain HTML, CSS and JS).

This module imports no web framework, so the CLI can list ``serve`` without the extra.
"""

from newsweave.serve.settings import ServeSettings

__all__ = ["ServeSettings"]
