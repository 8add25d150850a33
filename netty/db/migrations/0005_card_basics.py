"""Card basics: affiliations, birthdays and anniversaries, and the vCard UID.

- ``affiliation``: organizations a contact belongs or belonged to beyond the current
  one: organization history (past employers with years) for the warm-path search,
  and the further ``ORG``/``TITLE``/``ROLE`` values of a vCard. Journaled like every
  other user-data table.
- ``contact_date``: birthdays and anniversaries (vCard ``BDAY``/``ANNIVERSARY``),
  with an optional year or as text.
- ``contact.uid``: the vCard ``UID`` (RFC 6350 section 6.7.6), unique when present.
"""

from peewee import *

from netty.db import dialect, journal
from netty.db.fields import one_of


def up(migrator, db):
    class Contact(Model):
        class Meta:
            database = db
            table_name = "contact"

    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class Affiliation(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        organization = ForeignKeyField(
            Organization, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        unit = TextField(default="")
        title = TextField(default="")
        role = TextField(default="")
        is_current = BooleanField(default=False)
        start_year = IntegerField(
            null=True,
            constraints=[Check("start_year IS NULL OR start_year BETWEEN 1900 AND 2200")],
        )
        end_year = IntegerField(
            null=True,
            constraints=[
                Check(
                    "end_year IS NULL OR (end_year BETWEEN 1900 AND 2200"
                    " AND (start_year IS NULL OR end_year >= start_year))"
                )
            ],
        )
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "affiliation"
            indexes = ((("organization", "contact"), False), (("contact", "position"), False))

    class ContactDate(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        kind = TextField(constraints=[one_of("kind", ("BDAY", "ANNIVERSARY"))])
        year = IntegerField(
            null=True, constraints=[Check("year IS NULL OR year BETWEEN 1 AND 9999")]
        )
        month = IntegerField(
            null=True, constraints=[Check("month IS NULL OR month BETWEEN 1 AND 12")]
        )
        day = IntegerField(null=True, constraints=[Check("day IS NULL OR day BETWEEN 1 AND 31")])
        text = TextField(default="")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "contact_date"
            indexes = ((("contact", "kind"), False), (("kind", "month", "day"), False))

    db.create_tables([Affiliation, ContactDate])
    migrator.migrate(migrator.add_column("contact", "uid", TextField(null=True, unique=True)))
    journal.install_triggers(db)  # contact has a new column: its images follow


def down(migrator, db):
    journal.drop_triggers(db)
    migrator.migrate(migrator.drop_column("contact", "uid"))
    db.execute_sql("DROP TABLE IF EXISTS contact_date")
    db.execute_sql("DROP TABLE IF EXISTS affiliation")
    journal.install_triggers(db)
