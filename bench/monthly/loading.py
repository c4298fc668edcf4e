"""Part 1 of bench/summaries.py, continued: the generated rows into PostgreSQL with COPY."""

from monthly.data import Generator

SYNCED = ("id", "user_id", "version", "deleted", "field_versions", "created_at", "updated_at")


def tables() -> list[tuple[str, tuple[str, ...], str]]:
    """(table, columns, generator method), in loading order (the FKs point backwards)."""
    from server.accounts.models import User
    from server.journal import models as j
    from server.sync.models import SyncCounter

    return [
        (
            User._meta.db_table,
            (
                "id",
                "password",
                "last_login",
                "is_superuser",
                "email",
                "display_name",
                "time_zone",
                "language",
                "monthly_email",
                "is_active",
                "is_staff",
                "created_at",
            ),
            "users",
        ),
        (
            j.ChecklistItem._meta.db_table,
            (*SYNCED, "title", "position", "archived", "starter_key"),
            "checklist_items",
        ),
        (j.Check._meta.db_table, (*SYNCED, "item_id", "date", "done", "note"), "checks"),
        (
            j.EfficiencyLog._meta.db_table,
            (
                *SYNCED,
                "date",
                "task",
                "minutes_spent",
                "minutes_saved",
                "improvement",
                "outcome_value",
                "outcome_unit",
                "note",
                "tags",
            ),
            "efficiency_logs",
        ),
        (
            j.LearningSession._meta.db_table,
            (*SYNCED, "date", "topic", "minutes", "place", "goal_id", "note"),
            "learning_sessions",
        ),
        (
            j.Contact._meta.db_table,
            (*SYNCED, "date", "name", "kind", "organisation", "note", "follow_up_on"),
            "contacts",
        ),
        (
            j.Goal._meta.db_table,
            (
                *SYNCED,
                "title",
                "category",
                "due",
                "status",
                "progress",
                "company_benefit",
                "next_step",
            ),
            "goals",
        ),
        (
            j.SelfCheck._meta.db_table,
            (*SYNCED, "date", "questionnaire", "answers", "score"),
            "self_checks",
        ),
        (
            j.CareerMode._meta.db_table,
            (*SYNCED, "mode", "starts", "ends", "purpose", "focus"),
            "career_modes",
        ),
        (SyncCounter._meta.db_table, ("user_id", "version", "purged_version"), "counters"),
    ]


def load_data(db_url: str, gen: Generator) -> dict[str, int]:
    """COPY every table in one transaction; rows counted by table."""
    import psycopg
    from psycopg import sql

    counts = {}
    with psycopg.connect(db_url) as conn:
        # A bulk load of rows built consistent here: skip the per-row FK triggers (superuser).
        conn.execute("SET session_replication_role = replica")
        with conn.cursor() as cursor:
            for table, columns, method in tables():
                statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                    sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
                )
                n = 0
                with cursor.copy(statement) as copy:
                    for row in getattr(gen, method)():
                        copy.write_row(row)
                        n += 1
                counts[table] = n
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('accounts_user', 'id'), %s)",
                [len(gen.people)],
            )
        conn.execute("SET session_replication_role = DEFAULT")
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")  # as a database that has lived: fresh statistics
    return counts
