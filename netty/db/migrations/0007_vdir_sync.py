"""Sync state for ``netty sync vdir``: one row per card file of each synced vdir.

``vdir_card`` is bookkeeping, not user data: it is not journaled (no triggers),
so undoing a sync restores netty while this table keeps describing what the
folder holds (see ``netty.db.models.VdirCard``).
"""

from peewee import *

from netty.db.fields import Timestamp


def up(migrator, db):
    class VdirCard(Model):
        vdir = TextField()
        href = TextField()
        contact_id = IntegerField()
        uid = TextField(default="")
        card_hash = TextField()
        mtime_ns = BigIntegerField()
        size = IntegerField()
        netty_fp = TextField()
        base = TextField()
        synced_at = Timestamp()

        class Meta:
            database = db
            table_name = "vdir_card"
            indexes = ((("vdir", "href"), True), (("vdir", "contact_id"), False))

    db.create_tables([VdirCard])


def down(migrator, db):
    db.execute_sql("DROP TABLE IF EXISTS vdir_card")
