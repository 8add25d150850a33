"""A LinkedIn ``Connections.csv`` as LinkedIn writes it, of any size, for tests and the benchmark.

Three lines of notes come first, then the header and ``rows`` connections; about
one in eight has an email (most are empty, as in real exports); names, companies
and positions repeat as they do in a real network. Deterministic for a seed.
"""

from __future__ import annotations

import csv
import io
import random

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
FIRST = ["Ada", "Alan", "Amara", "Ana", "Ben", "Chen", "Chloé", "Dana", "Diego", "Elif", "Emma",
         "Femi", "Grace", "Hana", "Hugo", "Inès", "Jamal", "Jin", "José", "Kai", "Lara", "Leo",
         "Maya", "Mei", "Nadia", "Noah", "Olu", "Priya", "Rosa", "Sam", "Sven", "Tara", "Wei",
         "Yusuf", "Zoë"]  # fmt: skip
LAST = ["Abe", "Adeyemi", "Bauer", "Chen", "Costa", "Dubois", "García", "Gupta", "Haddad", "Ito",
        "Kim", "Kowalski", "Lee", "López", "Martin", "Müller", "Nguyen", "Novak", "Okafor",
        "Park", "Patel", "Rossi", "Sato", "Silva", "Singh", "Smith", "Tanaka", "Walsh", "Wang",
        "Weber", "Zhang"]  # fmt: skip
COMPANIES = [f"{a} {b}" for a in ("North", "Blue", "Cedar", "River", "Summit", "Harbor", "Pioneer")
             for b in ("Health", "Labs", "Systems", "Bank", "Studio", "Partners", "Analytics")]  # fmt: skip
POSITIONS = ["Product Designer", "UX Researcher", "Engineering Manager", "Software Engineer",
             "Recruiter", "VP Engineering", "Data Scientist", "Founder", "Nurse Practitioner",
             "Marketing Lead, EMEA", 'Head of "Growth"']  # fmt: skip
SYLLABLES = ["ka", "ro", "mi", "lan", "de", "su", "vo", "ne", "tar", "li", "ben", "sa", "ko", "ru",
             "el", "ma", "ti", "gor", "an", "zu", "pe", "dor", "ya", "wen"]  # fmt: skip
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def linkedin_csv(rows: int, seed: int = 6) -> bytes:
    """The bytes of a Connections.csv with ``rows`` connections (UTF-8, CRLF rows)."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write(NOTES)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        first = rng.choice(FIRST)
        if rng.random() < 0.1:
            last = rng.choice(LAST)
        else:  # most surnames in a real network are rare
            last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).title()
        slug = f"{first}-{last}-{i:x}".lower().replace(" ", "-")
        email = f"{slug}@example.com" if rng.random() < 0.125 else ""
        company = rng.choice(COMPANIES) if rng.random() < 0.9 else ""
        position = rng.choice(POSITIONS) if company else ""
        day = f"{rng.randrange(1, 29):02d} {rng.choice(MONTHS)} {rng.randrange(2008, 2026)}"
        writer.writerow([first, last, f"https://www.linkedin.com/in/{slug}", email, company,
                         position, day])  # fmt: skip
    return out.getvalue().encode("utf-8")
