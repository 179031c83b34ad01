"""HTTP layer around the Reflex app: JSON API, static-file tweaks, security headers."""
