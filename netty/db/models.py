"""The whole netty data model.

Every table the product needs is here from the start (contacts, organizations,
tags, interactions, events, the give/ask ledger, promises, reminders and
settings), so that later features add behaviour, not tables. The schema itself
is created and changed only by the numbered scripts in ``migrations/``; these
classes are how the code reads and writes it. ``tests/db/test_schema.py``
checks that the two agree.

Conventions:
- moments are ``Timestamp`` (UTC text), calendar days are ``Day``;
- nothing is deleted: a contact is archived (``archived_at``), a need or promise
  is closed with a status;
- ``Contact.last_interaction_at`` and ``Contact.next_ping_at`` are maintained by
  the services in the same transaction as the writes that change them, and
  indexed, so "who is overdue" is an index range scan;
- ``Contact.search_text`` is the folded text that ``/`` and ``--search`` match:
  name, organization, title, emails, tags, notes and details.
"""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BooleanField,
    Check,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from netty.db.fields import Day, Timestamp, not_blank, one_of
from netty.db.vocab import (
    ASK_STATUSES,
    CHANNELS,
    GIVE_KINDS,
    INITIATORS,
    INTERACTION_KINDS,
    KNOWS_HOW,
    METHOD_KINDS,
    NEED_STATUSES,
    PROMISE_DIRECTIONS,
    PROMISE_STATUSES,
)

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Organization(BaseModel):
    id = AutoField()
    name = TextField(constraints=[not_blank("name")])
    name_key = TextField(unique=True)  # folded name: unique ignoring case and accents
    is_target = BooleanField(default=False, index=True)
    notes = TextField(default="")
    created_at = Timestamp()
    target_note = TextField(default="", constraints=[SQL("DEFAULT ''")])  # why a target (0008)


class Event(BaseModel):
    id = AutoField()
    name = TextField(constraints=[not_blank("name")])
    starts_at = Timestamp(index=True)
    venue = TextField(default="")
    channel = TextField(null=True, constraints=[one_of("channel", tuple(CHANNELS))])
    notes = TextField(default="")
    created_at = Timestamp()


class Contact(BaseModel):
    id = AutoField()
    name = TextField(constraints=[not_blank("name")])
    name_key = TextField(index=True)  # folded name, for case/accent-insensitive lookup
    title = TextField(default="")
    organization = ForeignKeyField(Organization, null=True, on_delete="SET NULL")
    location = TextField(default="")
    linkedin = TextField(null=True, unique=True)  # normalised profile URL
    ring = IntegerField(default=3, constraints=[Check("ring BETWEEN 1 AND 3")])
    channel = TextField(null=True, constraints=[one_of("channel", tuple(CHANNELS))])
    how_met = TextField(default="")
    met_at_event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    introduced_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="introduced")
    details = TextField(default="")  # personal details: family, interests, career
    notes = TextField(default="")
    cadence_days = IntegerField(
        null=True, constraints=[Check("cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650")]
    )
    strength = IntegerField(
        null=True, constraints=[Check("strength IS NULL OR strength BETWEEN 0 AND 5")]
    )
    search_text = TextField(default="")
    created_at = Timestamp()
    updated_at = Timestamp()
    archived_at = Timestamp(null=True, index=True)
    last_interaction_at = Timestamp(null=True, index=True)
    next_ping_at = Timestamp(index=True)
    connected_at = Timestamp(null=True)  # e.g. LinkedIn's "Connected On"
    # vCard UID (RFC 6350 section 6.7.6) as found or given: the strong key for matching
    # a card to a contact on import and sync. NULL until a card or an export gives one.
    uid = TextField(null=True, unique=True)
    # A person I want to meet or know better, and why (bow and arrow, seed 001; 0008).
    is_target = BooleanField(default=False, index=True, constraints=[SQL("DEFAULT FALSE")])
    target_note = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        indexes = (
            (("archived_at", "next_ping_at"), False),
            (("archived_at", "ring", "cadence_days", "next_ping_at"), False),
            # new people per ring in the progress figures (migration 0011)
            (("archived_at", "connected_at", "created_at", "ring"), False),
        )


class Affiliation(BaseModel):
    """An organization a contact belongs or belonged to, beyond the current one.

    ``Contact.organization`` and ``Contact.title`` stay the one current affiliation
    that lists, search and the prep sheet show; these rows are the others: past
    employers (organization history, with years where known) and further current
    ones (a board seat, a second job). vCard 4.0 ``ORG`` (organization; unit),
    ``TITLE`` and ``ROLE`` (RFC 6350 section 6.6) map onto one row each.
    Years are calendar years (``start_year``..``end_year``, both inclusive, either
    unknown); ``is_current`` marks one that has not ended.
    """

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="affiliations", on_delete="CASCADE")
    organization = ForeignKeyField(Organization, null=True, on_delete="SET NULL")
    unit = TextField(default="")
    title = TextField(default="")
    role = TextField(default="")
    is_current = BooleanField(default=False)
    start_year = IntegerField(
        null=True, constraints=[Check("start_year IS NULL OR start_year BETWEEN 1900 AND 2200")]
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
        indexes = ((("organization", "contact"), False), (("contact", "position"), False))


class ContactDate(BaseModel):
    """A birthday or anniversary: vCard ``BDAY`` / ``ANNIVERSARY`` (RFC 6350 6.2.5, 6.2.6).

    ``kind`` is the vCard property name. A date-and-or-time value keeps what it had:
    ``year`` is NULL for a year-less date (``BDAY:--0315``; Apple's ``1604`` placeholder
    year is read as none); ``month``/``day`` are NULL and ``text`` holds the words
    for a text value (``BDAY;VALUE=text:circa 1800``). Calendar values, no time zone.
    """

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="dates", on_delete="CASCADE")
    kind = TextField(constraints=[one_of("kind", ("BDAY", "ANNIVERSARY"))])
    year = IntegerField(null=True, constraints=[Check("year IS NULL OR year BETWEEN 1 AND 9999")])
    month = IntegerField(null=True, constraints=[Check("month IS NULL OR month BETWEEN 1 AND 12")])
    day = IntegerField(null=True, constraints=[Check("day IS NULL OR day BETWEEN 1 AND 31")])
    text = TextField(default="")
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("contact", "kind"), False), (("kind", "month", "day"), False))


class ContactCard(BaseModel):
    """What a vCard says about a contact beyond the display name (migration 0006).

    At most one row per contact, only when one of its fields is not empty. The
    structured name (``N``, RFC 6350 section 6.2.2) is kept only when it says more
    than the display name does (see ``netty.services.cardfields.split_name``);
    ``nicknames`` holds the ``NICKNAME`` values one a line; ``gender`` is the
    ``GENDER`` sex letter (M, F, O, N, U or empty) and ``gender_text`` its identity
    text; ``unit`` and ``role`` belong to the current affiliation (``Contact.organization``
    and ``Contact.title``); ``rev`` is the ``REV`` (UTC) of the last card imported,
    so that a newer card wins over an older one and an older never over a newer.
    """

    id = AutoField()
    contact = ForeignKeyField(Contact, unique=True, backref="cards", on_delete="CASCADE")
    prefix = TextField(default="")
    given = TextField(default="")
    additional = TextField(default="")
    family = TextField(default="")
    suffix = TextField(default="")
    nicknames = TextField(default="")
    gender = TextField(default="", constraints=[one_of("gender", ("", "M", "F", "O", "N", "U"))])
    gender_text = TextField(default="")
    unit = TextField(default="")
    role = TextField(default="")
    rev = Timestamp(null=True)


class Address(BaseModel):
    """A postal address: vCard ``ADR`` (RFC 6350 section 6.3.1), in the order given.

    ``label`` is its type (home, work) or a free label ("warehouse", Apple's
    ``X-ABLabel``); the other fields are the seven ``ADR`` components.
    """

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="addresses", on_delete="CASCADE")
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
        indexes = ((("contact", "position"), False),)


class Handle(BaseModel):
    """A messaging or social handle, in the order given.

    ``kind`` ``impp``: vCard ``IMPP`` (RFC 4770 / RFC 6350 section 6.4.3) and the older
    ``X-JABBER``, ``X-SKYPE``, ``X-AIM``, ``X-ICQ``... forms; ``service`` is the
    lower-case service (xmpp, skype, aim) and ``value`` the address without its URI
    scheme. ``kind`` ``social``: ``X-SOCIALPROFILE`` (``service`` from its TYPE) and
    ``X-TWITTER``-style handles; ``value`` as written (a URL or a handle).
    """

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="handles", on_delete="CASCADE")
    kind = TextField(constraints=[one_of("kind", ("impp", "social"))])
    service = TextField(default="")
    value = TextField(constraints=[not_blank("value")])
    label = TextField(default="")
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("contact", "kind", "position"), False),)


class Knows(BaseModel):
    """Two contacts who know each other ("A knows B"), and how (``KNOWS_HOW``).

    Knowing is mutual here: one row per pair, stored with the lower id as ``a``
    (a CHECK keeps ``a < b``), unique per pair, so "Lena knows Sally" and
    "Sally knows Lena" are the same row. The warm-path search reads it both ways.
    """

    id = AutoField()
    a = ForeignKeyField(Contact, on_delete="CASCADE", backref="+", index=False)
    b = ForeignKeyField(
        Contact, on_delete="CASCADE", backref="+", index=False, constraints=[Check("a_id < b_id")]
    )
    how = TextField(default="acquaintance", constraints=[one_of("how", tuple(KNOWS_HOW))])
    created_at = Timestamp()

    class Meta:
        indexes = ((("a", "b"), True), (("b", "a"), False))


class ContactMethod(BaseModel):
    """An email address, phone number or URL of a contact, in the order given."""

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="methods", on_delete="CASCADE")
    kind = TextField(constraints=[one_of("kind", METHOD_KINDS)])
    value = TextField(constraints=[not_blank("value")])
    value_key = TextField()  # lower-cased email, digits of a phone, normalised URL
    label = TextField(default="")
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "value_key"), False), (("contact", "kind", "value_key"), True))


class Tag(BaseModel):
    id = AutoField()
    name = TextField(unique=True, constraints=[not_blank("name")])


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("contact", "tag"), True), (("tag",), False))


class Interaction(BaseModel):
    id = AutoField()
    kind = TextField(constraints=[one_of("kind", tuple(INTERACTION_KINDS))])
    occurred_at = Timestamp(index=True)
    summary = TextField(default="")
    initiated_by = TextField(default="me", constraints=[one_of("initiated_by", INITIATORS)])
    in_person = BooleanField(default=False)
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    created_at = Timestamp()
    archived_at = Timestamp(null=True)

    class Meta:
        indexes = (
            (("kind", "initiated_by", "occurred_at"), False),
            # progress figures: an index-only range scan (migration 0010)
            (("occurred_at", "kind", "in_person", "archived_at", "initiated_by"), False),
        )


class InteractionContact(BaseModel):
    """Who took part: one coffee with two people is one interaction, two rows here."""

    interaction = ForeignKeyField(Interaction, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("interaction", "contact"), True), (("contact", "interaction"), False))


class Need(BaseModel):
    """Something a contact needs, with the date by which it matters."""

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="needs", on_delete="CASCADE")
    text = TextField(constraints=[not_blank("text")])
    horizon = Day(null=True, index=True)
    status = TextField(default="open", constraints=[one_of("status", NEED_STATUSES)])
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = Timestamp()
    closed_at = Timestamp(null=True)

    class Meta:
        indexes = ((("contact", "status"), False), (("status", "horizon"), False))


class Give(BaseModel):
    """Something I gave a contact: an intro, a resource, advice, a referral, a favour."""

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="gives", on_delete="CASCADE")
    kind = TextField(constraints=[one_of("kind", GIVE_KINDS)])
    text = TextField(constraints=[not_blank("text")])
    given_at = Timestamp(index=True)
    need = ForeignKeyField(Need, null=True, on_delete="SET NULL")
    introduced_to = ForeignKeyField(Contact, null=True, on_delete="SET NULL", backref="intros")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = Timestamp()


class Ask(BaseModel):
    """My specific ask of a contact, ideally naming a person and/or organization."""

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="asks", on_delete="CASCADE")
    text = TextField(constraints=[not_blank("text")])
    target_contact = ForeignKeyField(
        Contact, null=True, on_delete="SET NULL", backref="asked_about"
    )
    target_org = ForeignKeyField(Organization, null=True, on_delete="SET NULL")
    status = TextField(default="pending", constraints=[one_of("status", ASK_STATUSES)])
    asked_at = Timestamp()
    resolved_at = Timestamp(null=True)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = Timestamp()

    class Meta:
        indexes = ((("contact", "status"), False),)


class Promise(BaseModel):
    """A promise either way: I owe them, or they owe me."""

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="promises", on_delete="CASCADE")
    direction = TextField(constraints=[one_of("direction", tuple(PROMISE_DIRECTIONS))])
    text = TextField(constraints=[not_blank("text")])
    due = Day(null=True, index=True)
    status = TextField(default="open", constraints=[one_of("status", PROMISE_STATUSES)])
    closed_at = Timestamp(null=True)  # when it was done (or dropped)
    nudges_sent = IntegerField(default=0, constraints=[Check("nudges_sent >= 0")])
    last_nudged_at = Timestamp(null=True)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = Timestamp()

    class Meta:
        indexes = ((("contact", "status"), False), (("status", "direction", "due"), False))


class Reminder(BaseModel):
    """A reminder the user set: 'follow up in 2 weeks', ``netty remind``."""

    id = AutoField()
    contact = ForeignKeyField(Contact, null=True, backref="reminders", on_delete="CASCADE")
    text = TextField(constraints=[not_blank("text")])
    due_at = Timestamp(index=True)
    done_at = Timestamp(null=True)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = Timestamp()


class ReminderState(BaseModel):
    """Snooze and done for reminders the engine derives (pings, nudges, thank-yous)."""

    key = TextField(primary_key=True)  # e.g. "thank:promise:12"
    snoozed_until = Timestamp(null=True)
    done_at = Timestamp(null=True)
    updated_at = Timestamp()


class Setting(BaseModel):
    """User configuration as JSON values: ring cadences, weekly time target, goals."""

    key = TextField(primary_key=True)
    value = TextField()  # JSON
    updated_at = Timestamp()


MODELS = [
    Organization,
    Event,
    Contact,
    Affiliation,
    ContactDate,
    ContactCard,
    Address,
    Handle,
    Knows,
    ContactMethod,
    Tag,
    ContactTag,
    Interaction,
    InteractionContact,
    Need,
    Give,
    Ask,
    Promise,
    Reminder,
    ReminderState,
    Setting,
]

__all__ = ["MODELS", "SQL", "database", *[m.__name__ for m in MODELS]]


class Change(BaseModel):
    """One change a person made (the change journal; see ``netty.db.journal``)."""

    id = AutoField()
    at = Timestamp()
    label = TextField()
    kind = TextField(default="")
    state = TextField()  # open, done, undone, replay
    undo_seq = IntegerField(null=True)  # order of undoing: redo takes the highest
    first_row = IntegerField()  # its rows are change_row.id first_row..last_row
    last_row = IntegerField(null=True)

    class Meta:
        table_name = "change"
        indexes = ((("state", "id"), False),)


class ChangeRow(BaseModel):
    """One row a change inserted (I), updated (U) or deleted (D), with its before image."""

    id = AutoField()
    change_id = IntegerField()  # no foreign key or index: rows are found by id range
    tbl = TextField()
    row_key = TextField()  # JSON array of the key columns' values
    op = TextField()
    before = TextField(null=True)  # JSON object of every column; NULL for an insert
    after = TextField(null=True)  # JSON object, or 'null' for absent; taken on undo

    class Meta:
        table_name = "change_row"


#: The journal's own tables: not user data, so not exported, restored or dumped.
JOURNAL_MODELS = [Change, ChangeRow]


class VdirCard(BaseModel):
    """One card file of a synced vdir as it was at the last sync (``netty sync vdir``).

    Sync bookkeeping, not user data: neither journaled, exported nor restored, so
    ``netty undo`` of a sync puts netty back while this still says what the folder
    holds, and the next sync carries netty's state to the folder. ``vdir`` is the
    folder's absolute path; ``href`` the file name in it (``<uid>.vcf``);
    ``contact_id`` the contact (no foreign key: a contact that undo removed is noticed,
    not cascaded away); ``card_hash`` the BLAKE2b of the file's bytes and
    ``mtime_ns``/``size`` its ``stat`` when last read or written, so an untouched
    file is never read again; ``netty_fp`` the contact's fingerprint
    (``netty.services.sync.cards.fingerprints``) at that sync; ``base`` the card's
    synced fields as JSON, the common ancestor of a three-way merge.
    """

    id = AutoField()
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
        indexes = ((("vdir", "href"), True), (("vdir", "contact_id"), False))


#: Sync bookkeeping (see ``VdirCard``): not user data, so neither journaled nor exported.
SYNC_MODELS = [VdirCard]


class Reach(BaseModel):
    """One (conversation, person) pair: derived from ``interaction``,
    ``interaction_contact`` and ``contact`` and kept right by triggers
    (``netty.db.reach``; migration 0011), for the people-reached figures.

    ``occurred_at`` is the interaction's moment (UTC); ``ring`` and ``channel`` the
    person's now. No foreign keys: the triggers remove a row with its sources.
    """

    interaction_id = IntegerField()
    contact_id = IntegerField()
    occurred_at = Timestamp()
    ring = IntegerField()
    channel = TextField(null=True)

    class Meta:
        primary_key = False
        indexes = (
            (("interaction_id", "contact_id"), True),
            (("contact_id",), False),
            (("ring", "occurred_at", "contact_id"), False),
            (("ring", "channel", "occurred_at", "contact_id"), False),
        )


#: Derived from user data by triggers (see ``Reach``): neither journaled, exported
#: nor restored.
DERIVED_MODELS = [Reach]
