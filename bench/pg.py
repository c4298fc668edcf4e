"""PostgreSQL helpers shared by the benchmark scripts (each makes and drops its own database)."""

from urllib.parse import urlsplit, urlunsplit


def database_url(url: str, dbname: str) -> str:
    """`url` (a server address) pointing at database `dbname`."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, ""))


def pg_admin(url: str, sql: str) -> None:
    """Run one statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(database_url(url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)
