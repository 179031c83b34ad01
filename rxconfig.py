"""Reflex configuration. Every deployment knob is an environment variable (see README)."""

import os

import reflex as rx

PORT = int(os.environ.get("PTI_PORT", "3000"))

config = rx.Config(
    app_name="pti_citizen",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="light",
    # Prod is single-port in Reflex 0.10: scripts/run.sh passes PTI_PORT as both --frontend-port and
    # --backend-port (not set here, so that a backend-only worker can start on the same build).
    # Public origin, used for absolute hreflang/canonical links and the sitemap.
    deploy_url=os.environ.get("PTI_PUBLIC_URL", f"http://localhost:{PORT}"),
    db_url=os.environ.get("PTI_DATABASE_URL", "sqlite:///pti_citizen.db"),
    # Live sessions: in this process's memory with one worker, in Redis when REFLEX_REDIS_URL is set
    # (several workers). Never Reflex's default "disk": it pickles every session — answers included —
    # into .states/ for an hour and rescans that folder every 2 s (docs/reliability.md, « Capacity »).
    state_manager_mode="redis" if os.environ.get("REFLEX_REDIS_URL") else "memory",
    # No Radix Themes, no Tailwind: plain elements and one stylesheet keep the page light. No sitemap
    # plugin: /sitemap.xml lists the server-rendered pages too (pti_citizen/web/pages/serve.py).
    plugins=[],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
