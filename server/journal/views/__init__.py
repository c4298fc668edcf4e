"""The journal's HTTP views: thin wrappers over selectors (reads) and services (writes)."""
