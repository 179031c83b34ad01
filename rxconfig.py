"""Reflex configuration, from the app's one settings object (``pti_citizen/settings.py``; README's table)."""

import reflex as rx

from pti_citizen.origins import Origins
from pti_citizen.settings import get_settings

settings = get_settings()
origins = Origins.from_settings(settings)

config = rx.Config(
    app_name="pti_citizen",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="light",
    # Prod is single-port in Reflex 0.10: scripts/run.sh passes PTI_PORT as both --frontend-port and
    # --backend-port (not set here, so that a backend-only worker can start on the same build).
    # Public origin, used for absolute hreflang/canonical links and the sitemap.
    deploy_url=settings.public_origin,
    db_url=settings.database_url,
    # Live sessions: in this process's memory with one worker, in Redis when REFLEX_REDIS_URL is set
    # (several workers). Never Reflex's default "disk": it pickles every session — answers included —
    # into .states/ for an hour and rescans that folder every 2 s (docs/reliability.md, « Capacity »).
    state_manager_mode="redis" if settings.redis_url else "memory",
    # A session nobody used for this long is forgotten (memory or Redis); the tab sends its answers
    # back when it comes back (ui/session_guard.py). Reflex's default is an hour.
    redis_token_expiration=settings.session_idle_seconds,
    # Behind a reverse proxy: the client address Reflex gives the states (web/guards.py does the same
    # for HTTP). Bind the loopback there (PTI_BIND_ADDRESS=127.0.0.1, docs/reliability.md).
    trusted_proxy_hops=settings.trusted_proxy_hops,
    backend_host=settings.bind_address,
    # Cross-origin calls (CORS, Socket.IO's own Origin check): our public origins and the embedding
    # sites only; none at all when no origin is configured (web/guards.py then checks the websocket's
    # Origin against the host it connects to). Reflex's default, "*" with credentials, reflects any origin.
    cors_allowed_origins=origins.cross_origin(),
    # No Radix Themes, no Tailwind: plain elements and one stylesheet keep the page light. No sitemap
    # plugin: /sitemap.xml lists the server-rendered pages too (pti_citizen/web/pages/serve.py).
    plugins=[],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
