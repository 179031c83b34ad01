"""Reflex configuration, from the app's one settings object (``pti_citizen/settings.py``; README's table)."""

import reflex as rx

from pti_citizen.settings import get_settings

settings = get_settings()

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
    # No Radix Themes, no Tailwind: plain elements and one stylesheet keep the page light. No sitemap
    # plugin: /sitemap.xml lists the server-rendered pages too (pti_citizen/web/pages/serve.py).
    plugins=[],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
