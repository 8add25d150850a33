"""The first schema: contacts, organizations, tags, interactions, events and the ledger
(needs, gives, asks, promises)."""

from peewee import *

from netty.db import dialect
from netty.db.fields import Day, Timestamp, one_of

# Frozen copies of the vocabularies as they were when this migration was written.
CHANNELS = (
    "family",
    "friends-neighbours",
    "work",
    "professional-association",
    "non-profit",
    "civic-club",
    "place-of-worship",
    "business-event",
    "social-event",
    "online",
    "other",
)
KINDS = (
    "coffee",
    "meal",
    "call",
    "video",
    "email",
    "message",
    "event",
    "intro",
    "thank-you",
    "note",
)
NEED_STATUSES = ("open", "met", "dropped")
GIVE_KINDS = ("intro", "resource", "advice", "referral", "favour")
ASK_STATUSES = ("pending", "granted", "declined", "withdrawn")
PROMISE_STATUSES = ("open", "done", "dropped")


def NOT_BLANK(column, db):
    # char(9) on SQLite (the DDL existing files have), chr(9) on PostgreSQL
    return Check(dialect.not_blank(db, column))


def up(migrator, db):
    class Organization(Model):
        name = TextField(constraints=[NOT_BLANK("name", db)])
        name_key = TextField(unique=True)
        is_target = BooleanField(index=True, default=False)
        notes = TextField(default="")
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "organization"

    db.create_tables([Organization])

    class Event(Model):
        name = TextField(constraints=[NOT_BLANK("name", db)])
        starts_at = Timestamp(index=True)
        venue = TextField(default="")
        channel = TextField(null=True, constraints=[one_of("channel", CHANNELS)])
        notes = TextField(default="")
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "event"

    db.create_tables([Event])

    class Contact(Model):
        name = TextField(constraints=[NOT_BLANK("name", db)])
        name_key = TextField(index=True)
        title = TextField(default="")
        organization = ForeignKeyField(
            Organization, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        location = TextField(default="")
        linkedin = TextField(unique=True, null=True)
        ring = IntegerField(default=3, constraints=[Check("ring BETWEEN 1 AND 3")])
        channel = TextField(null=True, constraints=[one_of("channel", CHANNELS)])
        how_met = TextField(default="")
        met_at_event = ForeignKeyField(Event, null=True, on_delete="SET NULL", **dialect.fk(db))
        introduced_by = ForeignKeyField("self", null=True, on_delete="SET NULL", **dialect.fk(db))
        details = TextField(default="")
        notes = TextField(default="")
        cadence_days = IntegerField(
            null=True,
            constraints=[Check("cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650")],
        )
        strength = IntegerField(
            null=True, constraints=[Check("strength IS NULL OR strength BETWEEN 0 AND 5")]
        )
        search_text = TextField(default="")
        created_at = Timestamp()
        updated_at = Timestamp()
        archived_at = Timestamp(index=True, null=True)
        last_interaction_at = Timestamp(index=True, null=True)
        next_ping_at = Timestamp(index=True)
        connected_at = Timestamp(null=True)

        class Meta:
            database = db
            table_name = "contact"

    db.create_tables([Contact])

    class Interaction(Model):
        kind = TextField(constraints=[one_of("kind", KINDS)])
        occurred_at = Timestamp(index=True)
        summary = TextField(default="")
        initiated_by = TextField(default="me", constraints=[one_of("initiated_by", ("me", "them"))])
        in_person = BooleanField(default=False)
        event = ForeignKeyField(Event, null=True, on_delete="SET NULL", **dialect.fk(db))
        created_at = Timestamp()
        archived_at = Timestamp(null=True)

        class Meta:
            database = db
            table_name = "interaction"

    db.create_tables([Interaction])

    class Ask(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        text = TextField(constraints=[NOT_BLANK("text", db)])
        target_contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL", **dialect.fk(db))
        target_org = ForeignKeyField(
            Organization, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        status = TextField(default="pending", constraints=[one_of("status", ASK_STATUSES)])
        asked_at = Timestamp()
        resolved_at = Timestamp(null=True)
        interaction = ForeignKeyField(
            Interaction, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "ask"
            indexes = ((("contact", "status"), False),)

    db.create_tables([Ask])

    class ContactMethod(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        kind = TextField(constraints=[one_of("kind", ("email", "phone", "url"))])
        value = TextField(constraints=[NOT_BLANK("value", db)])
        value_key = TextField()
        label = TextField(default="")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "contact_method"
            indexes = ((("kind", "value_key"), False), (("contact", "kind", "value_key"), True))

    db.create_tables([ContactMethod])

    class Tag(Model):
        name = TextField(unique=True, constraints=[NOT_BLANK("name", db)])

        class Meta:
            database = db
            table_name = "tag"

    db.create_tables([Tag])

    class ContactTag(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        tag = ForeignKeyField(Tag, on_delete="CASCADE", **dialect.fk(db))

        class Meta:
            database = db
            table_name = "contact_tag"
            primary_key = False
            indexes = ((("contact", "tag"), True), (("tag",), False))

    db.create_tables([ContactTag])

    class Need(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        text = TextField(constraints=[NOT_BLANK("text", db)])
        horizon = Day(index=True, null=True)
        status = TextField(default="open", constraints=[one_of("status", NEED_STATUSES)])
        interaction = ForeignKeyField(
            Interaction, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        created_at = Timestamp()
        closed_at = Timestamp(null=True)

        class Meta:
            database = db
            table_name = "need"
            indexes = ((("contact", "status"), False),)

    db.create_tables([Need])

    class Give(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        kind = TextField(constraints=[one_of("kind", GIVE_KINDS)])
        text = TextField(constraints=[NOT_BLANK("text", db)])
        given_at = Timestamp(index=True)
        need = ForeignKeyField(Need, null=True, on_delete="SET NULL", **dialect.fk(db))
        introduced_to = ForeignKeyField(Contact, null=True, on_delete="SET NULL", **dialect.fk(db))
        interaction = ForeignKeyField(
            Interaction, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "give"

    db.create_tables([Give])

    class InteractionContact(Model):
        interaction = ForeignKeyField(Interaction, on_delete="CASCADE", **dialect.fk(db))
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))

        class Meta:
            database = db
            table_name = "interaction_contact"
            primary_key = False
            indexes = ((("interaction", "contact"), True), (("contact", "interaction"), False))

    db.create_tables([InteractionContact])

    class Promise(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", **dialect.fk(db))
        direction = TextField(constraints=[one_of("direction", ("i_owe", "they_owe"))])
        text = TextField(constraints=[NOT_BLANK("text", db)])
        due = Day(index=True, null=True)
        status = TextField(default="open", constraints=[one_of("status", PROMISE_STATUSES)])
        closed_at = Timestamp(null=True)
        nudges_sent = IntegerField(default=0, constraints=[Check("nudges_sent >= 0")])
        last_nudged_at = Timestamp(null=True)
        interaction = ForeignKeyField(
            Interaction, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "promise"
            indexes = ((("contact", "status"), False), (("status", "direction", "due"), False))

    db.create_tables([Promise])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("ask"))
    migrator.migrate(migrator.drop_table("promise"))
    migrator.migrate(migrator.drop_table("give"))
    migrator.migrate(migrator.drop_table("need"))
    migrator.migrate(migrator.drop_table("interaction_contact"))
    migrator.migrate(migrator.drop_table("contact_tag"))
    migrator.migrate(migrator.drop_table("tag"))
    migrator.migrate(migrator.drop_table("contact_method"))
    migrator.migrate(migrator.drop_table("interaction"))
    migrator.migrate(migrator.drop_table("contact"))
    migrator.migrate(migrator.drop_table("event"))
    migrator.migrate(migrator.drop_table("organization"))
