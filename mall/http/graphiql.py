"""Self-hosted GraphiQL page (no CDN).

Strawberry's built-in GraphiQL page (``strawberry/static/graphiql.html``) loads
React, GraphiQL and the explorer plugin from https://unpkg.com. On offline or
firewalled machines that page stays stuck on "Loading...", so we serve a copy
of that template whose assets come from our own package instead.

The assets in ``static/graphiql/`` are the unmodified files the strawberry
0.341.2 template references, taken from these npm tarballs (``npm pack``):

===============================  ================================  ============================
npm package                      file in the tarball               vendored as
===============================  ================================  ============================
react@18.2.0                     umd/react.production.min.js       react.production.min.js
react-dom@18.2.0                 umd/react-dom.production.min.js   react-dom.production.min.js
graphiql@3.8.3                   graphiql.min.js                   graphiql.min.js
graphiql@3.8.3                   graphiql.min.css                  graphiql.min.css
@graphiql/plugin-explorer@1.0.2  dist/index.umd.js                 plugin-explorer.umd.js
@graphiql/plugin-explorer@1.0.2  dist/style.css                    plugin-explorer.css
===============================  ================================  ============================

Their sha384 digests equal the ``integrity=`` (SRI) values of strawberry's
template, so ``graphiql.html`` keeps those attributes. ``mall-graphiql.js``
and ``mall-graphiql.css`` are ours: the template's inline script and style,
moved out so the page's Content-Security-Policy allows nothing inline. The
script reads its settings from ``data-`` attributes, never takes headers from
the URL and never stores them (``shouldPersistHeaders: false``): an
Authorization header typed into GraphiQL lives as long as the tab. The licenses are next to
them as ``LICENSE.<name>`` (all MIT; ``LICENSE.graphiql-explorer`` covers
graphiql-explorer@0.9.0, bundled in the explorer plugin's UMD build).

To upgrade, vendor the versions the new strawberry template names, keep
``graphiql.html`` in step with it, and check the SRI hashes again::

    openssl dgst -sha384 -binary FILE | base64

The page needs the files in ``STATIC_DIR`` served under ``assets_url``, e.g.
``Mount("/graphql/static", StaticFiles(directory=STATIC_DIR))`` with
``assets_url="/graphql/static/"``.
"""

from __future__ import annotations

import html
import pathlib

from starlette.responses import HTMLResponse

__all__ = ["SECURITY_HEADERS", "STATIC_DIR", "graphiql_response", "render_graphiql_page"]

STATIC_DIR: pathlib.Path = pathlib.Path(__file__).resolve().parent / "static" / "graphiql"
"""Directory holding the vendored GraphiQL assets."""

# Kept outside STATIC_DIR so the unfilled template is never served.
_TEMPLATE = (pathlib.Path(__file__).resolve().parent / "graphiql.html").read_text(encoding="utf-8")

SECURITY_HEADERS = {
    # Scripts and styles from this origin only (no inline code at all); queries
    # and subscriptions go to this origin ('self' covers ws:/wss: to it);
    # the favicon is a data: URL. No framing, no plugins, no base or form tricks.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def render_graphiql_page(
    *,
    graphql_url: str,
    assets_url: str,
    subscription_url: str | None = None,
) -> str:
    """Return the GraphiQL HTML page.

    ``graphql_url``: the endpoint the fetcher POSTs queries to; may be relative
    (e.g. ``"/graphql"``), it is resolved against the page's location.

    ``assets_url``: URL prefix under which ``STATIC_DIR`` is served (e.g.
    ``"/graphql/static/"``); a trailing slash is added if missing.

    ``subscription_url``: WebSocket endpoint for subscriptions. ``None`` (the
    default) means the same URL as ``graphql_url`` with ``ws:``/``wss:``
    chosen from ``http:``/``https:``. A relative or ``http(s)`` URL is
    resolved against the page and converted the same way.
    """
    if not assets_url.endswith("/"):
        assets_url += "/"
    return (
        _TEMPLATE.replace("{{ ASSETS_URL }}", html.escape(assets_url, quote=True))
        .replace("{{ GRAPHQL_URL }}", html.escape(graphql_url, quote=True))
        .replace("{{ SUBSCRIPTION_URL }}", html.escape(subscription_url or "", quote=True))
    )


def graphiql_response(**page_options: str) -> HTMLResponse:
    """The page of ``render_graphiql_page(**page_options)`` with its security headers."""
    return HTMLResponse(render_graphiql_page(**page_options), headers=SECURITY_HEADERS)
