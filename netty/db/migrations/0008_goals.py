"""Goals and targets: people as targets, and a note on why each target is one.

- ``contact.is_target`` (indexed) and ``contact.target_note``: a person I want to
  meet or get to know, with why (the bow-and-arrow "who", seed 001);
- ``organization.target_note``: why an organization is a target (``is_target``
  itself has been there since 0001).

Each column is added with one ``ALTER TABLE ... ADD COLUMN ... NOT NULL DEFAULT``
(valid on SQLite and PostgreSQL): no table rebuild, no UPDATE of every row, and the
default lives in the schema, so bulk inserts and restores that name only the columns
they know still work. Goals and the strategy page are settings (``goals``,
``strategy``): JSON values in the journaled ``setting`` table, no table of their own.
"""

from peewee import *

from netty.db import journal


def _columns():
    class Contact(Model):
        is_target = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])
        target_note = TextField(default="", constraints=[SQL("DEFAULT ''")])

        class Meta:
            table_name = "contact"

    class Organization(Model):
        target_note = TextField(default="", constraints=[SQL("DEFAULT ''")])

        class Meta:
            table_name = "organization"

    return [Contact.is_target, Contact.target_note, Organization.target_note]


def up(migrator, db):
    for field in _columns():
        ctx = db.get_sql_context()
        ctx.literal(f'ALTER TABLE "{field.model._meta.table_name}" ADD COLUMN ')
        ctx.sql(field.ddl(ctx))
        db.execute_sql(*ctx.query())
    migrator.migrate(migrator.add_index("contact", ("is_target",), False))
    journal.install_triggers(db)  # new columns: the images follow


def down(migrator, db):
    journal.drop_triggers(db)
    migrator.migrate(
        migrator.drop_index("contact", "contact_is_target"),
        migrator.drop_column("organization", "target_note"),
        migrator.drop_column("contact", "target_note"),
        migrator.drop_column("contact", "is_target"),
    )
    journal.install_triggers(db)
