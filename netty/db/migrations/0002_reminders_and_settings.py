"""Reminders the user sets, snooze/done state for derived reminders, and settings."""

from peewee import *

from netty.db import dialect
from netty.db.fields import Timestamp


def up(migrator, db):
    class Contact(Model):
        class Meta:
            database = db
            table_name = "contact"

    class Interaction(Model):
        class Meta:
            database = db
            table_name = "interaction"

    class Reminder(Model):
        contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE", **dialect.fk(db))
        text = TextField(constraints=[Check(dialect.not_blank(db, "text"))])
        due_at = Timestamp(index=True)
        done_at = Timestamp(null=True)
        interaction = ForeignKeyField(
            Interaction, null=True, on_delete="SET NULL", **dialect.fk(db)
        )
        created_at = Timestamp()

        class Meta:
            database = db
            table_name = "reminder"

    db.create_tables([Reminder])

    class ReminderState(Model):
        key = TextField(primary_key=True)
        snoozed_until = Timestamp(null=True)
        done_at = Timestamp(null=True)
        updated_at = Timestamp()

        class Meta:
            database = db
            table_name = "reminder_state"

    db.create_tables([ReminderState])

    class Setting(Model):
        key = TextField(primary_key=True)
        value = TextField()
        updated_at = Timestamp()

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([Setting])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("setting"))
    migrator.migrate(migrator.drop_table("reminder_state"))
    migrator.migrate(migrator.drop_table("reminder"))
