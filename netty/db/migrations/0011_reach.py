"""The ``reach`` table and an index for the progress figures (issue 15: 300 ms).

``reach`` is derived, not user data: one row per (conversation, person) with the
interaction's moment and the person's ring and channel, filled here from the
data and kept right from now on by the triggers that ``journal.install_triggers``
installs with the journal's (``netty.db.reach``). People reached per period, ring
and channel become index range scans instead of a join and a DISTINCT over it.

contact (archived_at, connected_at, created_at, ring): new people per ring by
when I met them (``connected_at``, else ``created_at``) are two index-only range
scans instead of a read of every contact row.
"""

from peewee import *

from netty.db import dialect, journal, reach
from netty.db.fields import Timestamp


def up(migrator, db):
    class Reach(Model):
        interaction_id = IntegerField()
        contact_id = IntegerField()
        occurred_at = Timestamp()
        ring = IntegerField()
        channel = TextField(null=True)

        class Meta:
            database = db
            table_name = "reach"
            primary_key = False
            indexes = (
                (("interaction_id", "contact_id"), True),
                (("contact_id",), False),
                (("ring", "occurred_at", "contact_id"), False),
                (("ring", "channel", "occurred_at", "contact_id"), False),
            )

    db.create_tables([Reach])
    migrator.migrate(
        migrator.add_index("contact", ("archived_at", "connected_at", "created_at", "ring"), False)
    )
    reach.rebuild(db)
    if dialect.is_postgres(db):  # the planner's statistics for the new table, now
        db.execute_sql("ANALYZE reach")
    journal.install_triggers(db)


def down(migrator, db):
    reach.drop_triggers(db)
    db.execute_sql("DROP TABLE IF EXISTS reach")
    migrator.migrate(
        migrator.drop_index("contact", "contact_archived_at_connected_at_created_at_ring")
    )
