"""Who knows whom: the ``knows`` table for the warm-path search.

One row per pair of contacts who know each other (mutual: ``a_id < b_id``, unique
per pair), with ``how`` they know each other (colleague, friend, introduced,
former colleague, ...; ``netty.db.vocab.KNOWS_HOW``). Journaled like every
other user-data table, so ``netty knows`` and the ``knows:`` marker can be undone.
"""

from peewee import *

from netty.db import dialect, journal
from netty.db.fields import Timestamp, one_of

# As netty.db.vocab.KNOWS_HOW was when this migration was written (a later change
# to the vocabulary gets its own migration).
KNOWS_HOW = (
    "family",
    "friend",
    "colleague",
    "former colleague",
    "client",
    "classmate",
    "introduced",
    "acquaintance",
)


def up(migrator, db):
    class Contact(Model):
        class Meta:
            database = db
            table_name = "contact"

    class Knows(Model):
        a = ForeignKeyField(Contact, on_delete="CASCADE", index=False, **dialect.fk(db))
        b = ForeignKeyField(
            Contact,
            on_delete="CASCADE",
            index=False,
            constraints=[Check("a_id < b_id")],
            **dialect.fk(db),
        )
        how = TextField(default="acquaintance", constraints=[one_of("how", tuple(KNOWS_HOW))])
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "knows"
            indexes = ((("a", "b"), True), (("b", "a"), False))

    db.create_tables([Knows])
    journal.install_triggers(db)


def down(migrator, db):
    journal.drop_triggers(db)
    db.execute_sql("DROP TABLE IF EXISTS knows")
    journal.install_triggers(db)
