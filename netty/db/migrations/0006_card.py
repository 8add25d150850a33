"""The card, whole: structured name, nicknames, gender, addresses and handles.

- ``contact_card``: at most one row per contact, for what a vCard says beyond the
  display name (RFC 6350): the structured ``N`` (prefix, given, additional, family,
  suffix) when it says more than the display name does, ``NICKNAME`` values,
  ``GENDER`` (sex letter and identity text), the current affiliation's unit and
  ``ROLE``, and the ``REV`` of the last card imported (so a newer card wins).
- ``address``: every ``ADR`` with its type or label and structured fields.
- ``handle``: messaging and social handles: ``IMPP`` and the older ``X-JABBER``,
  ``X-SKYPE``, ``X-AIM``... forms (kind ``impp``), ``X-SOCIALPROFILE`` and
  ``X-TWITTER`` (kind ``social``).

Old rows are untouched (new tables only), so an old database comes forward with
nothing lost. All three tables are journaled.
"""

from peewee import *

from netty.db import dialect, journal
from netty.db.fields import Timestamp, one_of


def up(migrator, db):
    class Contact(Model):
        class Meta:
            database = db
            table_name = "contact"

    class ContactCard(Model):
        contact = ForeignKeyField(Contact, unique=True, on_delete="CASCADE", **dialect.fk(db))
        prefix = TextField(default="")
        given = TextField(default="")
        additional = TextField(default="")
        family = TextField(default="")
        suffix = TextField(default="")
        nicknames = TextField(default="")
        gender = TextField(
            default="", constraints=[one_of("gender", ("", "M", "F", "O", "N", "U"))]
        )
        gender_text = TextField(default="")
        unit = TextField(default="")
        role = TextField(default="")
        rev = Timestamp(null=True)

        class Meta:
            database = db
            table_name = "contact_card"

    class Address(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        label = TextField(default="")
        po_box = TextField(default="")
        extended = TextField(default="")
        street = TextField(default="")
        locality = TextField(default="")
        region = TextField(default="")
        postal_code = TextField(default="")
        country = TextField(default="")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "address"
            indexes = ((("contact", "position"), False),)

    class Handle(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        kind = TextField(constraints=[one_of("kind", ("impp", "social"))])
        service = TextField(default="")
        value = TextField(constraints=[Check(dialect.not_blank(db, "value"))])
        label = TextField(default="")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "handle"
            indexes = ((("contact", "kind", "position"), False),)

    db.create_tables([ContactCard, Address, Handle])
    journal.install_triggers(db)


def down(migrator, db):
    journal.drop_triggers(db)
    for table in ("handle", "address", "contact_card"):
        db.execute_sql(f'DROP TABLE IF EXISTS "{table}"')
    journal.install_triggers(db)
