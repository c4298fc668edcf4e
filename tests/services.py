"""Exit 0 when PostgreSQL and Redis both answer at the given URLs, 1 (saying which) when not.

Used by `make test` to decide on the distributed run; stdlib only, so it runs before Django.
"""

import socket
import sys
from urllib.parse import urlparse


def answers(url: str, default_port: int) -> bool:
    parts = urlparse(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def main(pg_url: str, redis_url: str) -> int:
    missing = [
        name
        for name, url, port in (("PostgreSQL", pg_url, 5432), ("Redis", redis_url, 6379))
        if not answers(url, port)
    ]
    for name in missing:
        print(f"{name} does not answer", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
