"""PostgreSQL for the test suite: a transactional test's flush deletes rows instead of truncating.

Every transactional test (the browser journeys, the real Celery worker's) ends by emptying every
table. ``TRUNCATE`` of a hundred tables gives each table, index and TOAST relation a new file,
which costs seconds on a busy disk, while the tables hold a few rows. ``DELETE`` with triggers and
foreign-key checks switched off for the transaction (``session_replication_role = replica``;
every row goes, so nothing is left to check) empties them in a fraction of that. Only a
superuser may set that role: any other role, or a flush that must reset sequences, truncates as
Django does.
"""

from __future__ import annotations

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or not self.connection.is_superuser():
            return super().sql_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletes = " ".join(f"DELETE FROM {self.quote_name(table)};" for table in tables)
        # Both run in the flush's transaction (execute_sql_flush), so the role ends with it.
        return ["SET LOCAL session_replication_role = replica;", deletes]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    _superuser: bool | None = None

    def is_superuser(self) -> bool:
        if self._superuser is None:
            with self.cursor() as cursor:
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                row = cursor.fetchone()
            self._superuser = bool(row and row[0])
        return self._superuser
