"""The Reflex UI: thin pages over the pure-Python core."""
