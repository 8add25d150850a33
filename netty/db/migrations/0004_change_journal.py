"""The change journal: ``change`` and ``change_row``, and the triggers that fill them.

See ``netty.db.journal`` for what they hold. Existing rows are not journaled (there
is nothing to undo from before the journal existed); every write from now on is.
"""

from peewee import *

from netty.db import journal


def up(migrator, db):
    journal.create_tables(db)
    journal.install_triggers(db)


def down(migrator, db):
    journal.drop_triggers(db)
    db.execute_sql("DROP TABLE IF EXISTS change_row")
    db.execute_sql("DROP TABLE IF EXISTS change")
