"""The hand-made demo network loaded by ``netty demo``.

Pure data, no logic. "Me" is Jordan Calloway, a product designer in Portland, OR, who was
laid off from agency work (Fernwood Creative) about four months ago and is moving into health
tech: networking towards a role at one of five target employers, plus freelance work to bridge
the gap. The network is about sixty people in three rings with two years of history.

Every date is relative to "now" (``days_ago``, ``created_days_ago``, ``horizon_days``,
``due_in_days``) so the demo always looks live: some pings are overdue, some promises are late,
some needs are about to expire. Keys in ``PEOPLE`` are lower-case handles used for references
(``introduced_by``, ``with``, ``introduced_to``, ``target_person``); a group interaction is
listed once, under one of its people, with the others in ``with``. A give's ``need`` is an index
into the same person's ``needs``. ``birthday``/``anniversary`` are typed as on the command
line; ``birthday_in_days`` (with ``birthday_turns``) places one that many days from now, so
one birthday is always due within the week. Emails, phone numbers, people and organizations are invented.
"""

from __future__ import annotations

ORGANIZATIONS = [
    {
        "name": "Northwind Health",
        "is_target": True,
        "notes": (
            "Patient-app team hiring senior designers in Q1; Dana Wu runs design, Mira Patel is "
            "the PM."
        ),
    },
    {
        "name": "Cascade Clinic Systems",
        "is_target": True,
        "notes": (
            "Clinic scheduling software; a senior product designer req is approved and posts soon."
        ),
    },
    {
        "name": "Willamette Care Labs",
        "is_target": True,
        "notes": (
            "Remote blood-pressure monitoring; CEO Jessica Tran expects to hire a design lead in "
            "Q1."
        ),
    },
    {
        "name": "Rosehill Digital Therapeutics",
        "is_target": True,
        "notes": (
            "Prescription CBT apps; design lead search for the clinician app, first round done."
        ),
    },
    {
        "name": "Bridgetown Benefits",
        "is_target": True,
        "notes": (
            "Benefits-navigation app; filled the last design role internally, another may open in "
            "spring."
        ),
    },
    {
        "name": "Fernwood Creative",
        "is_target": False,
        "notes": "My agency for five years; cut the product design team in the restructuring.",
    },
    {
        "name": "Hawthorne & Pike",
        "is_target": False,
        "notes": "Agency; José sends freelance overflow.",
    },
    {
        "name": "Columbia River Medical Center",
        "is_target": False,
        "notes": "Tess's hospital; mid-way through a charting-system rollout.",
    },
    {"name": "Timberline Software", "is_target": False},
    {"name": "Ridgeview High School", "is_target": False},
    {"name": "Salish Sound Health", "is_target": False, "notes": "Seattle; where Lena works."},
    {
        "name": "Alder Street Collective",
        "is_target": False,
        "notes": "Shared studio for freelancers; day passes available.",
    },
    {"name": "Sunnyside Bread Co.", "is_target": False},
    {"name": "Sunnyside Community Pharmacy", "is_target": False},
    {
        "name": "Rotary Club of Portland Eastside",
        "is_target": False,
        "notes": "Breakfast first Tuesday of the month; guests welcome with a member.",
    },
    {"name": "Forest Park Talent", "is_target": False, "notes": "Health-tech product recruiting."},
    {"name": "St. Brigid's Episcopal Church", "is_target": False},
    {"name": "Open Door Food Pantry", "is_target": False},
    {
        "name": "Halyard Analytics",
        "is_target": False,
        "notes": (
            "Kwame's startup; readmission-risk dashboards for small hospitals. Freelance client."
        ),
    },
    {
        "name": "Juniper Ridge Foundation",
        "is_target": False,
        "notes": "Funds rural clinics; possible website and grant-report contract.",
    },
    {"name": "Mt. Tabor College of Art & Design", "is_target": False},
    {"name": "Cedar Mill Insurance Group", "is_target": False},
    {"name": "Lents Community Credit Union", "is_target": False},
    {"name": "Bybee Dental Studio", "is_target": False},
    {
        "name": "Larch Mountain Ventures",
        "is_target": False,
        "notes": "Seed-stage digital health fund.",
    },
    {"name": "Metro Public Health Alliance", "is_target": False},
    {
        "name": "Evergreen Health Partners",
        "is_target": True,
        "notes": "Care-navigation startup; a design lead role opens in January. Nobody I know "
        "there myself yet.",
    },
    {
        "name": "Summit Telehealth",
        "is_target": True,
        "notes": "Virtual urgent care; growing its product team.",
    },
    {
        "name": "Orchard Health",
        "is_target": True,
        "notes": "Medicare Advantage app; no one in my network there yet.",
    },
]


EVENTS = [
    {
        "key": "harvest-fair",
        "name": "St. Brigid's harvest fair",
        "days_ago": 560,
        "venue": "St. Brigid's parish hall",
        "channel": "place-of-worship",
    },
    {
        "key": "block-party",
        "name": "SE Salmon St block party",
        "days_ago": 420,
        "venue": "SE Salmon St between 37th and 39th",
        "channel": "friends-neighbours",
    },
    {
        "key": "uxpa-patients",
        "name": "UXPA Portland meetup: Designing for patients",
        "days_ago": 250,
        "venue": "Eastbank Commons community room",
        "channel": "professional-association",
    },
    {
        "key": "pantry-day",
        "name": "Open Door Food Pantry volunteer day",
        "days_ago": 150,
        "venue": "Open Door warehouse, NE 82nd Ave",
        "channel": "non-profit",
    },
    {
        "key": "demo-night",
        "name": "Portland health-tech demo night",
        "days_ago": 75,
        "venue": "Ziggurat Hall, SE Water Ave",
        "channel": "business-event",
    },
    {
        "key": "rotary-oct",
        "name": "Rotary Club breakfast",
        "days_ago": 34,
        "venue": "Multnomah Athletic Club",
        "channel": "civic-club",
    },
]


PEOPLE = [
    # Ring 1: inner circle (family, close friends)
    {
        "key": "tess",
        "birthday_in_days": 4,  # due within the week at any clock: turns 42
        "birthday_turns": 42,
        "anniversary": "2011-09-17",
        "name": "Tess Calloway",
        "title": "Charge Nurse, Cardiac ICU",
        "org": "Columbia River Medical Center",
        "emails": ["tess.calloway@example.com"],
        "phones": ["+1 503 555 0101"],
        "location": "Portland, OR",
        "ring": 1,
        "channel": "family",
        "how_met": "My older sister",
        "details": (
            "Older sister, 41. Married to Kenji; kids Hana (10) and Sora (7). Charge nurse in the "
            "cardiac ICU for 12 years; hates clunky charting software, which is half the reason I "
            "got interested in health tech. Runs trail ultras."
        ),
        "strength": 5,
        "tags": ["family", "health", "clinicians", "nurses"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 728,
                "kind": "meal",
                "summary": (
                    "Sunday dinner at Tess and Kenji's; Hana showed me her comic about a dragon "
                    "vet."
                ),
            },
            {
                "days_ago": 690,
                "kind": "call",
                "summary": (
                    "She called after a double shift: the new charting rollout at CRMC eats 40 "
                    "minutes of every shift."
                ),
                "by_them": True,
            },
            {
                "days_ago": 640,
                "kind": "meal",
                "summary": (
                    "Mom's birthday lunch in Bend; Tess drove, Kenji navigated, nobody agreed on "
                    "the playlist."
                ),
                "with": ["rosa", "kenji"],
            },
            {
                "days_ago": 600,
                "kind": "message",
                "summary": (
                    "Sent her photos from the coast trip; she wants Cape Lookout with the kids "
                    "this summer."
                ),
            },
            {
                "days_ago": 540,
                "kind": "call",
                "summary": (
                    "Long talk about whether I'd be happier in health tech. Her take: nurses would "
                    "kill for designers who actually shadow a shift."
                ),
            },
            {
                "days_ago": 470,
                "kind": "event",
                "summary": (
                    "Watched her finish the Smith Rock 50K; brought Hana and Sora to the finish "
                    "line."
                ),
            },
            {
                "days_ago": 400,
                "kind": "coffee",
                "summary": (
                    "Shadowed the first hour of her day shift, then coffee in the hospital cafe. "
                    "Pages of notes on the med-pass workflow."
                ),
            },
            {
                "days_ago": 330,
                "kind": "meal",
                "summary": "Thanksgiving at Tess's. Mom brought three pies for six people.",
                "with": ["rosa", "kenji"],
            },
            {
                "days_ago": 262,
                "kind": "call",
                "summary": (
                    "Told her about the UXPA patient-design meetup; she offered to introduce me to "
                    "Chidi in nursing informatics."
                ),
            },
            {
                "days_ago": 200,
                "kind": "message",
                "summary": (
                    "She sent a photo of a sticky note someone taped over an alarm on the infusion "
                    "pump screen. Gold for my portfolio story."
                ),
                "by_them": True,
            },
            {
                "days_ago": 120,
                "kind": "call",
                "summary": (
                    "Called her the day Fernwood cut my team. She talked me down and made me write "
                    "a 90-day plan before we hung up."
                ),
            },
            {
                "days_ago": 90,
                "kind": "meal",
                "summary": (
                    "Dinner; she red-penned my nurse-handoff case study. 'Cut the jargon, nurses "
                    "don't say workflow.'"
                ),
            },
            {
                "days_ago": 45,
                "kind": "video",
                "summary": (
                    "FaceTime to rehearse my Northwind portfolio talk; she played a very skeptical "
                    "charge nurse."
                ),
            },
            {
                "days_ago": 14,
                "kind": "meal",
                "summary": "Taco night at their place; Sora lost a tooth in a tortilla.",
                "with": ["kenji"],
            },
            {
                "days_ago": 3,
                "kind": "message",
                "summary": "She asked how the Cascade coffee went; sent her the short version.",
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": (
                    "A cleaner shift-handoff whiteboard template for her unit (volunteer project)"
                ),
                "created_days_ago": 60,
                "horizon_days": 20,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": (
                    "Drove Hana and Sora to swim lessons for two weeks while she covered night "
                    "shifts"
                ),
                "days_ago": 300,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Print and laminate the new handoff whiteboard template for her unit",
                "created_days_ago": 10,
                "due_in_days": 7,
                "done": False,
            },
        ],
    },
    {
        "key": "rosa",
        "birthday": "--03-08",
        "name": "Rosa Calloway",
        "title": "Retired 4th-grade teacher",
        "phones": ["+1 541 555 0102"],
        "location": "Bend, OR",
        "ring": 1,
        "channel": "family",
        "how_met": "Mom",
        "details": (
            "Mom, 68. Taught 4th grade in Bend for 30 years. Gardens (tomatoes, always blight), "
            "tutors reading at the Bend library. Bad left knee, surgery scheduled this winter. "
            "Calls Sunday evenings; hates voicemail."
        ),
        "notes": "Call, don't text. Sundays after 6.",
        "strength": 5,
        "cadence_days": 7,
        "tags": ["family"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 725,
                "kind": "call",
                "summary": (
                    "Sunday call; her tomatoes got blight again. Promised to send a grafted "
                    "variety."
                ),
            },
            {
                "days_ago": 680,
                "kind": "call",
                "summary": (
                    "Sunday call; she's tutoring two kids in reading at the library and loves it."
                ),
                "by_them": True,
            },
            {
                "days_ago": 610,
                "kind": "call",
                "summary": "She asked if I was still happy at Fernwood. Honest answer: not really.",
            },
            {
                "days_ago": 560,
                "kind": "meal",
                "summary": (
                    "Weekend in Bend; pancake breakfast at her place, then I fixed her printer."
                ),
            },
            {
                "days_ago": 500,
                "kind": "call",
                "summary": (
                    "Sunday call; she's thinking about selling Grandma's piano. I asked her to "
                    "wait."
                ),
                "by_them": True,
            },
            {
                "days_ago": 430,
                "kind": "note",
                "summary": (
                    "Mailed her a birthday card and a framed print of the Cape Lookout photo."
                ),
            },
            {
                "days_ago": 365,
                "kind": "call",
                "summary": (
                    "She told me Dad's old Army friend Walt Hughes is big in Portland Rotary and "
                    "'knows every hospital person in town'. Gave me his number."
                ),
                "by_them": True,
            },
            {
                "days_ago": 300,
                "kind": "call",
                "summary": (
                    "Sunday call; the knee is worse and she's finally seeing an orthopedist."
                ),
            },
            {
                "days_ago": 240,
                "kind": "call",
                "summary": (
                    "Helped her log into her clinic's patient portal over the phone. Seven steps "
                    "to see a lab result; a good interview story."
                ),
                "by_them": True,
            },
            {
                "days_ago": 180,
                "kind": "video",
                "summary": (
                    "Video call to show her my plants; she diagnosed the fiddle-leaf fig in ten "
                    "seconds (overwatering)."
                ),
            },
            {
                "days_ago": 119,
                "kind": "call",
                "summary": (
                    "Told her about the layoff. She offered money, I said no, she mailed cookies "
                    "anyway."
                ),
            },
            {
                "days_ago": 60,
                "kind": "meal",
                "summary": (
                    "She came up to Portland; lunch and a slow walk through the Japanese Garden."
                ),
            },
            {
                "days_ago": 21,
                "kind": "call",
                "summary": "Sunday call; knee surgery date is set for early next year.",
                "by_them": True,
            },
            {
                "days_ago": 7,
                "kind": "call",
                "summary": "Sunday call; she wants to hear about every interview, in order.",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": (
                    "Set up her clinic's patient portal and wrote her a one-page login cheat sheet"
                ),
                "days_ago": 240,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Block out the week after her knee surgery and stay with her in Bend",
                "created_days_ago": 21,
                "due_in_days": 40,
                "done": False,
            },
        ],
    },
    {
        "key": "kenji",
        "birthday": "1983-07-21",
        "anniversary": "2011-09-17",
        "name": "Kenji Watanabe",
        "title": "Staff Software Engineer",
        "org": "Timberline Software",
        "emails": ["kenji.w@example.com"],
        "phones": ["+1 503 555 0103"],
        "location": "Portland, OR",
        "ring": 1,
        "channel": "family",
        "how_met": "Brother-in-law (Tess's husband)",
        "details": (
            "Tess's husband. Staff engineer at Timberline Software (logistics). Worked five years "
            "with Raj Malhotra before Raj left for Willamette Care Labs. Brews beer in the garage; "
            "coaches Sora's soccer team."
        ),
        "strength": 5,
        "tags": ["family", "engineering"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 700,
                "kind": "meal",
                "summary": "Brew day in his garage; tasted hazy IPA batch #3 (better than #2).",
            },
            {
                "days_ago": 620,
                "kind": "meal",
                "summary": "Hana's birthday party; he ran the grill, I ran the piñata.",
            },
            {
                "days_ago": 580,
                "kind": "message",
                "summary": (
                    "He offered to show me Timberline's Figma library and how engineers use it."
                ),
                "by_them": True,
            },
            {
                "days_ago": 520,
                "kind": "video",
                "summary": (
                    "Walked me through how Timberline engineers read design handoffs. Lesson: "
                    "annotate every state, especially empty and error."
                ),
            },
            {
                "days_ago": 450,
                "kind": "event",
                "summary": "Sora's end-of-season soccer party; I ran the snack table.",
            },
            {
                "days_ago": 380,
                "kind": "call",
                "summary": (
                    "Told him I'm curious about health tech; he said his old teammate Raj just "
                    "joined Willamette Care Labs."
                ),
            },
            {
                "days_ago": 370,
                "kind": "intro",
                "summary": "Kenji's intro email to Raj and me; Raj replied within the hour.",
                "by_them": True,
                "with": ["raj"],
            },
            {
                "days_ago": 270,
                "kind": "meal",
                "summary": (
                    "Burgers after Sora's game; he asked how the Raj conversations were going."
                ),
            },
            {
                "days_ago": 200,
                "kind": "call",
                "summary": (
                    "He explained how Timberline engineers estimate design work; useful for "
                    "talking to Raj."
                ),
            },
            {
                "days_ago": 160,
                "kind": "message",
                "summary": "He sent me a Willamette Care Labs job post before it hit LinkedIn.",
                "by_them": True,
            },
            {
                "days_ago": 110,
                "kind": "call",
                "summary": (
                    "Mock cross-functional interview: he played an engineer pushing back on my "
                    "specs."
                ),
            },
            {
                "days_ago": 30,
                "kind": "meal",
                "summary": (
                    "Brewed a porter together; talked through negotiating a health-tech offer."
                ),
            },
            {
                "days_ago": 5,
                "kind": "message",
                "summary": "He offered to nudge Raj about the design lead opening. Yes please.",
                "by_them": True,
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "My list of Figma plugins for documenting component states",
                "days_ago": 515,
            },
        ],
        "asks": [
            {
                "text": (
                    "A word with Raj Malhotra about the design lead role at Willamette Care Labs "
                    "before I apply"
                ),
                "days_ago": 5,
                "status": "granted",
                "target_person": "raj",
                "target_org": "Willamette Care Labs",
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Ask Raj who the hiring manager is for the design lead role",
                "created_days_ago": 5,
                "due_in_days": 5,
                "done": False,
            },
        ],
    },
    {
        "key": "marcus",
        "birthday": "1992-02-29",
        "name": "Marcus Bell",
        "title": "Chemistry Teacher",
        "org": "Ridgeview High School",
        "emails": ["mbell@example.org"],
        "phones": ["+1 503 555 0104"],
        "location": "Portland, OR",
        "ring": 1,
        "channel": "friends-neighbours",
        "how_met": "College roommate at U of O",
        "details": (
            "College roommate. Teaches chemistry at Ridgeview High. Wife Jen is a midwife; "
            "daughter Zadie (2). Plays bass in a cover band, The Reagents. Timbers season-ticket "
            "holder."
        ),
        "strength": 5,
        "tags": ["friends", "teachers", "music"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 720,
                "kind": "event",
                "summary": (
                    "The Reagents at a bar on Alberta; they butchered Mr. Brightside lovingly. "
                    "Marcus introduced his drummer, Óscar."
                ),
            },
            {
                "days_ago": 660,
                "kind": "meal",
                "summary": (
                    "Burgers; he vented about grading, I vented about a client who wanted the logo "
                    "bigger."
                ),
            },
            {
                "days_ago": 600,
                "kind": "call",
                "summary": "Birthday call; Zadie started walking and he is running on no sleep.",
                "by_them": True,
            },
            {"days_ago": 540, "kind": "meal", "summary": "Timbers game, then pho on 82nd."},
            {
                "days_ago": 480,
                "kind": "message",
                "summary": "He asked me to design a poster for the band's summer gig.",
                "by_them": True,
            },
            {
                "days_ago": 420,
                "kind": "event",
                "summary": (
                    "Came to our block party with Jen and Zadie; Zadie fell asleep in the bouncy "
                    "castle."
                ),
                "event": "block-party",
            },
            {
                "days_ago": 350,
                "kind": "coffee",
                "summary": (
                    "Coffee; he asked if a career-day talk on UX would work for sophomores. I "
                    "offered to do one."
                ),
            },
            {
                "days_ago": 300,
                "kind": "event",
                "summary": (
                    "Gave a career-day talk on design at Ridgeview; 30 sophomores, two great "
                    "questions about accessibility."
                ),
            },
            {
                "days_ago": 210,
                "kind": "call",
                "summary": (
                    "Checked in; Jen says her birth center's scheduling system double-books rooms. "
                    "Another health-tech story."
                ),
                "by_them": True,
            },
            {
                "days_ago": 160,
                "kind": "message",
                "summary": "Photo of Zadie 'designing' with crayons, captioned 'competition'.",
                "by_them": True,
            },
            {
                "days_ago": 118,
                "kind": "meal",
                "summary": "He took me out for a consolation beer the week of the layoff.",
                "by_them": True,
            },
            {
                "days_ago": 70,
                "kind": "meal",
                "summary": "Dinner at their place; Zadie gave me a tour of her stuffed animals.",
            },
            {
                "days_ago": 25,
                "kind": "message",
                "summary": (
                    "Texted about the Timbers playoff run; he wants a new band logo before their "
                    "spring gigs."
                ),
            },
        ],
        "needs": [
            {
                "text": "A designer for The Reagents' new logo and merch",
                "created_days_ago": 25,
                "horizon_days": 30,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Designed the poster for The Reagents' summer gig",
                "days_ago": 470,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Send Marcus two illustrator names for the band logo",
                "created_days_ago": 25,
                "due_in_days": -5,
                "done": False,
            },
        ],
    },
    {
        "key": "jose",
        "name": "José Álvarez",
        "title": "Creative Director",
        "org": "Hawthorne & Pike",
        "emails": ["jose.alvarez@hawthornepike.example"],
        "phones": ["+1 503 555 0105"],
        "urls": ["https://josealvarez.example.com"],
        "location": "Portland, OR",
        "ring": 1,
        "channel": "work",
        "how_met": "Sat next to each other at Fernwood Creative, 2019-2022",
        "details": (
            "Closest friend from agency days; left Fernwood for Hawthorne & Pike in 2022. From "
            "Guadalajara; makes absurdly good pozole. Partner Luis (hospital foundation "
            "fundraiser); rescue greyhound Chispa. Sends me freelance overflow."
        ),
        "strength": 5,
        "tags": ["agency", "design-leaders", "freelance"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 715,
                "kind": "meal",
                "summary": (
                    "Pozole night with Luis; talked about whether agency work still excites either "
                    "of us."
                ),
            },
            {
                "days_ago": 670,
                "kind": "message",
                "summary": "He sent screenshots from the worst client brief of his career.",
                "by_them": True,
            },
            {
                "days_ago": 630,
                "kind": "coffee",
                "summary": "Coffee near his office; he's thinking about going in-house somewhere.",
            },
            {
                "days_ago": 560,
                "kind": "meal",
                "summary": "Lunch; he's interviewing at Hawthorne & Pike for creative director.",
            },
            {
                "days_ago": 545,
                "kind": "message",
                "summary": "He got the H&P job. Celebrated with tacos and bad karaoke.",
                "by_them": True,
            },
            {
                "days_ago": 480,
                "kind": "meal",
                "summary": (
                    "Dinner; he offered to send freelance overflow my way if I ever go independent."
                ),
                "by_them": True,
            },
            {
                "days_ago": 420,
                "kind": "event",
                "summary": (
                    "Came to the block party with Chispa, who stole a hot dog from a toddler."
                ),
                "event": "block-party",
            },
            {
                "days_ago": 330,
                "kind": "call",
                "summary": (
                    "Talked through my case for moving to health tech; he said my accessibility "
                    "work is the bridge."
                ),
            },
            {
                "days_ago": 250,
                "kind": "event",
                "summary": (
                    "Came with me to the UXPA 'Designing for patients' meetup and heckled (kindly) "
                    "during Q&A."
                ),
                "event": "uxpa-patients",
            },
            {
                "days_ago": 118,
                "kind": "call",
                "summary": (
                    "First call after the layoff; he immediately offered a two-week freelance job."
                ),
                "by_them": True,
            },
            {
                "days_ago": 100,
                "kind": "email",
                "summary": "He sent the contract for the two-week H&P gig: a clinic rebrand.",
                "by_them": True,
            },
            {
                "days_ago": 80,
                "kind": "thank-you",
                "summary": "Thank-you card and a bag of his favourite beans after the gig wrapped.",
            },
            {
                "days_ago": 40,
                "kind": "meal",
                "summary": (
                    "Pozole again; he reviewed my portfolio and said lead with the nurse-handoff "
                    "case."
                ),
            },
            {
                "days_ago": 9,
                "kind": "message",
                "summary": (
                    "He heard Rosehill is hiring and forwarded the post. Also needs a motion "
                    "designer in January."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A freelance motion designer for a three-week campaign in January",
                "created_days_ago": 9,
                "horizon_days": 45,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "Notes on running his team's first portfolio reviews as creative director",
                "days_ago": 300,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Introduce me to the Rosehill design manager he pitched last year",
                "created_days_ago": 9,
                "due_in_days": 10,
                "done": False,
            },
        ],
    },
    {
        "key": "nadia",
        "birthday": "--12-19",
        "name": "Nadia Haddad",
        "title": "Clinical Pharmacist",
        "org": "Sunnyside Community Pharmacy",
        "emails": ["nadia.haddad@example.com"],
        "phones": ["+1 503 555 0106"],
        "location": "Portland, OR",
        "ring": 1,
        "channel": "friends-neighbours",
        "how_met": "Next-door neighbour since 2020",
        "details": (
            "Best friend and next-door neighbour. Lebanese-Canadian, grew up in Montreal. Husband "
            "Karim; twins Layla and Sami (6). On the hospital formulary committee. Runs the "
            "street's group chat."
        ),
        "strength": 5,
        "tags": ["neighbours", "health", "pharmacy"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 722,
                "kind": "meal",
                "summary": (
                    "Backyard dinner; Karim grilled, the twins showed off their loose teeth."
                ),
            },
            {
                "days_ago": 690,
                "kind": "message",
                "summary": "Group chat: she organised the street's leaf cleanup; I made the flyer.",
                "by_them": True,
            },
            {
                "days_ago": 650,
                "kind": "coffee",
                "summary": (
                    "Porch coffee; she explained why pharmacy software alerts get ignored: alert "
                    "fatigue."
                ),
            },
            {
                "days_ago": 590,
                "kind": "meal",
                "summary": "Karim's birthday dinner; Layla made the cake (mostly sprinkles).",
            },
            {
                "days_ago": 520,
                "kind": "message",
                "summary": (
                    "She asked me to look at the pharmacy's blood-thinner handout. 8pt font."
                ),
                "by_them": True,
            },
            {
                "days_ago": 420,
                "kind": "event",
                "summary": (
                    "Co-hosted the block party: she handled the street permit, I made the flyer, "
                    "Mike ran the grill."
                ),
                "with": ["mike", "linda", "stan"],
                "event": "block-party",
            },
            {
                "days_ago": 360,
                "kind": "coffee",
                "summary": (
                    "Porch coffee; alert fatigue again. I sketched a calmer alert layout on a "
                    "napkin."
                ),
            },
            {
                "days_ago": 290,
                "kind": "meal",
                "summary": "Eid dinner at theirs; stuffed grape leaves from her mother's recipe.",
                "by_them": True,
            },
            {
                "days_ago": 200,
                "kind": "message",
                "summary": (
                    "She sent a pharmacy-informatics job at Cascade Clinic Systems; not design, "
                    "but close."
                ),
                "by_them": True,
            },
            {
                "days_ago": 117,
                "kind": "coffee",
                "summary": "She brought coffee over the morning after the layoff.",
                "by_them": True,
            },
            {
                "days_ago": 50,
                "kind": "meal",
                "summary": "Dinner; the twins made place cards with our names spelled creatively.",
            },
            {
                "days_ago": 12,
                "kind": "coffee",
                "summary": (
                    "Porch coffee; her committee needs a better way to show drug shortages to "
                    "prescribers."
                ),
            },
            {
                "days_ago": 2,
                "kind": "message",
                "summary": "Group chat: she's collecting for Stan's get-well basket.",
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A clearer patient handout for new blood-thinner patients",
                "created_days_ago": 520,
                "horizon_days": -480,
                "status": "met",
            },
            {
                "text": "A dashboard idea for showing drug shortages to prescribers",
                "created_days_ago": 12,
                "horizon_days": 40,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "Redesigned the warfarin patient handout (14pt, plain language)",
                "days_ago": 515,
                "need": 0,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Sketch a drug-shortage dashboard concept for her committee",
                "created_days_ago": 12,
                "due_in_days": 14,
                "done": False,
            },
        ],
    },
    {
        "key": "ruth",
        "name": "Ruth Adeyemi",
        "title": "Physical Therapist (private practice)",
        "emails": ["ruth.adeyemi@example.com"],
        "phones": ["+1 503 555 0107"],
        "location": "Portland, OR",
        "ring": 1,
        "channel": "place-of-worship",
        "how_met": "St. Brigid's choir; we both sing alto",
        "details": (
            "Close friend from St. Brigid's choir. Nigerian-born, came to Portland for PT school. "
            "Husband Tunde; son David is a freshman at OSU. Swims at dawn, reads a mystery a week."
        ),
        "strength": 4,
        "tags": ["church", "health", "clinicians"],
        "created_days_ago": 700,
        "interactions": [
            {
                "days_ago": 700,
                "kind": "event",
                "summary": (
                    "Choir retreat at the coast; we shared kitchen duty and burned the rice."
                ),
            },
            {
                "days_ago": 640,
                "kind": "meal",
                "summary": "Jollof lunch after church; she taught me how not to burn the bottom.",
                "by_them": True,
            },
            {
                "days_ago": 560,
                "kind": "event",
                "summary": (
                    "Ran the harvest fair bake sale together; Anne and Deb ran the raffle next "
                    "door."
                ),
                "with": ["anne", "deb"],
                "event": "harvest-fair",
            },
            {
                "days_ago": 500,
                "kind": "coffee",
                "summary": (
                    "Coffee after choir; her PT clinic's scheduling app keeps double-booking her."
                ),
            },
            {
                "days_ago": 430,
                "kind": "call",
                "summary": "David got into OSU; she cried on the phone, then I did.",
                "by_them": True,
            },
            {
                "days_ago": 350,
                "kind": "meal",
                "summary": "Dinner; she asked me to help simplify her practice's intake form.",
                "by_them": True,
            },
            {
                "days_ago": 280,
                "kind": "message",
                "summary": "She recommended Louise Penny; I owe her a recommendation back.",
                "by_them": True,
            },
            {
                "days_ago": 250,
                "kind": "meal",
                "summary": (
                    "Dinner at theirs; Tunde asked sharp questions about why patients abandon "
                    "exercise apps."
                ),
            },
            {
                "days_ago": 190,
                "kind": "coffee",
                "summary": (
                    "Told her I'm aiming at health tech; she offered to let me observe PT sessions "
                    "(with patients' consent)."
                ),
            },
            {
                "days_ago": 116,
                "kind": "call",
                "summary": (
                    "She called after hearing about the layoff and made me a list of PT clinics "
                    "with terrible software."
                ),
                "by_them": True,
            },
            {
                "days_ago": 85,
                "kind": "event",
                "summary": (
                    "Observed two PT sessions at her practice. Patients hate the home-exercise app."
                ),
            },
            {
                "days_ago": 30,
                "kind": "meal",
                "summary": "Lunch after choir; David home from OSU for the weekend.",
            },
            {
                "days_ago": 8,
                "kind": "message",
                "summary": "She asked for a ride to Thursday's concert rehearsal.",
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A one-page intake form for her PT practice",
                "created_days_ago": 350,
                "horizon_days": -300,
                "status": "met",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Redesigned her PT intake form from two pages to one",
                "days_ago": 330,
                "need": 0,
            },
        ],
    },
    {
        "key": "lena",
        "name": "Lena Fischer",
        "title": "Senior UX Designer",
        "org": "Salish Sound Health",
        "emails": ["lena.fischer@example.com"],
        "urls": ["https://lenafischer.example.com"],
        "location": "Seattle, WA",
        "ring": 1,
        "channel": "friends-neighbours",
        "how_met": "Design school at Mt. Tabor College; studio-mates for three years",
        "details": (
            "Friend since design school. German-born (Freiburg). Moved from agency work to health "
            "tech in 2021: the person who made me believe I could. Partner Maya; runs a "
            "ferry-commute sketch club."
        ),
        "strength": 5,
        "tags": ["friends", "health", "design-leaders", "mentors"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 710,
                "kind": "video",
                "summary": "Catch-up; she's two years into Salish Sound Health and loves it.",
            },
            {
                "days_ago": 640,
                "kind": "message",
                "summary": "She sent her deck on designing for low health literacy.",
                "by_them": True,
            },
            {
                "days_ago": 600,
                "kind": "message",
                "summary": (
                    "She sent a screenshot of her first shipped health feature: medication "
                    "reminders."
                ),
                "by_them": True,
            },
            {
                "days_ago": 560,
                "kind": "meal",
                "summary": "Visited Seattle; dumplings, then sketching on the Bainbridge ferry.",
            },
            {
                "days_ago": 470,
                "kind": "call",
                "summary": (
                    "She walked me through how she reframed her agency portfolio for health."
                ),
            },
            {
                "days_ago": 390,
                "kind": "video",
                "summary": "Portfolio review #1: 'your case studies are about clients, not users.'",
            },
            {
                "days_ago": 300,
                "kind": "message",
                "summary": "Birthday message; mailed her a Japanese sketchbook.",
            },
            {
                "days_ago": 220,
                "kind": "video",
                "summary": (
                    "Portfolio review #2: much better; she flagged missing outcomes and numbers."
                ),
            },
            {
                "days_ago": 150,
                "kind": "meal",
                "summary": "She came to Portland; brunch on Division, and she finally met Priya.",
                "with": ["priya"],
            },
            {
                "days_ago": 115,
                "kind": "call",
                "summary": (
                    "Long call after the layoff; she made me list five target companies on the "
                    "spot."
                ),
            },
            {
                "days_ago": 80,
                "kind": "message",
                "summary": "She checked in on the job hunt; I sent her my target-company list.",
                "by_them": True,
            },
            {
                "days_ago": 40,
                "kind": "video",
                "summary": (
                    "Mock interview for the Northwind senior designer role; 45 minutes of hard "
                    "questions."
                ),
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "My accessibility audit checklist for her team's onboarding",
                "days_ago": 200,
            },
        ],
        "asks": [
            {
                "text": "A mock interview for the Northwind senior designer role",
                "days_ago": 45,
                "status": "granted",
                "target_org": "Northwind Health",
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": (
                    "Send Lena a proper thank-you and tell her how the Northwind interview went"
                ),
                "created_days_ago": 40,
                "due_in_days": -20,
                "done": False,
            },
        ],
    },
    # Ring 2: colleagues, neighbours, friends of friends
    {
        "key": "priya",
        "name": "Priya Raman",
        "title": "UX Researcher (independent)",
        "org": "Alder Street Collective",
        "emails": ["priya@priyaraman.example"],
        "phones": ["+1 503 555 0110"],
        "urls": ["https://www.linkedin.com/in/priyaraman-research-demo"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "professional-association",
        "how_met": (
            "UXPA Portland 'Designing for patients' meetup; she asked the best question of the "
            "night"
        ),
        "details": (
            "Independent UX researcher; eight years in clinical research before UX, so she speaks "
            "IRB and consent. Tamil, grew up between Chennai and Columbus. Partner Sam; training "
            "for her first triathlon. Wants a senior research role in health."
        ),
        "strength": 3,
        "tags": ["research", "health", "freelance"],
        "created_days_ago": 250,
        "interactions": [
            {
                "days_ago": 250,
                "kind": "event",
                "summary": (
                    "After the panel: Priya, Lucía and I talked consent flows until they stacked "
                    "the chairs."
                ),
                "with": ["lucia"],
                "event": "uxpa-patients",
            },
            {
                "days_ago": 230,
                "kind": "coffee",
                "summary": (
                    "Coffee; she explained recruiting patients for research without a pharma "
                    "budget."
                ),
            },
            {
                "days_ago": 190,
                "kind": "message",
                "summary": "She sent me her diary-study template, unprompted.",
                "by_them": True,
            },
            {
                "days_ago": 170,
                "kind": "video",
                "summary": "Practice session: she interviewed me as if I were a nurse. Humbling.",
            },
            {
                "days_ago": 130,
                "kind": "video",
                "summary": (
                    "Co-working session; she reviewed my research plan for the nurse-handoff case "
                    "study."
                ),
            },
            {
                "days_ago": 100,
                "kind": "call",
                "summary": (
                    "Her med-device contract ends in January; she wants a senior research role in "
                    "health. I said I'd keep my ears open."
                ),
            },
            {
                "days_ago": 60,
                "kind": "coffee",
                "summary": "Coffee; I gave portfolio notes, she gave interview notes. Fair trade.",
            },
            {
                "days_ago": 20,
                "kind": "message",
                "summary": "She asked if I'd heard of research openings at Cascade Clinic Systems.",
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A senior UX research role in health tech, starting in Q1",
                "created_days_ago": 100,
                "horizon_days": 60,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "intro",
                "text": (
                    "Introduced her to Lena Fischer to compare notes on health-literacy research"
                ),
                "days_ago": 150,
                "introduced_to": "lena",
            },
            {
                "kind": "advice",
                "text": "Portfolio advice: lead with the diary study, not the methods list",
                "days_ago": 60,
                "need": 0,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Share her patient-recruitment cheat sheet",
                "created_days_ago": 230,
                "due_in_days": -200,
                "done": True,
            },
        ],
    },
    {
        "key": "omar",
        "name": "Omar Siddiqui",
        "title": "Senior Product Manager, Scheduling",
        "org": "Cascade Clinic Systems",
        "emails": ["omar.siddiqui@cascadeclinic.example"],
        "phones": ["+1 503 555 0111"],
        "location": "Hillsboro, OR",
        "ring": 2,
        "channel": "civic-club",
        "how_met": "Walt Hughes introduced us by email after a Rotary lunch",
        "introduced_by": "walt",
        "details": (
            "PM for Cascade's clinic scheduling product. Pakistani-American, grew up in Houston. "
            "Plays in a Sunday cricket league in Hillsboro. Wife Sana is a pediatrician. Respects "
            "designers who can read a SQL query."
        ),
        "strength": 3,
        "tags": ["health", "product", "target-contacts"],
        "created_days_ago": 330,
        "interactions": [
            {
                "days_ago": 330,
                "kind": "email",
                "summary": "Walt's intro email; Omar replied offering coffee the next week.",
                "by_them": True,
                "with": ["walt"],
            },
            {
                "days_ago": 320,
                "kind": "coffee",
                "summary": (
                    "Coffee in the Pearl; front desks book by phone with three screens open, and "
                    "nobody trusts the waitlist."
                ),
            },
            {
                "days_ago": 260,
                "kind": "email",
                "summary": "Sent him my notes from the UXPA patient panel.",
            },
            {
                "days_ago": 200,
                "kind": "video",
                "summary": (
                    "He demoed Cascade's scheduling product and asked for my honest take on the "
                    "reschedule flow."
                ),
                "by_them": True,
            },
            {
                "days_ago": 170,
                "kind": "email",
                "summary": (
                    "Sent a two-page teardown of the reschedule flow; he forwarded it to his "
                    "design lead."
                ),
            },
            {
                "days_ago": 110,
                "kind": "coffee",
                "summary": (
                    "Coffee after the layoff; he expects a senior designer role to open in Q1."
                ),
            },
            {
                "days_ago": 60,
                "kind": "message",
                "summary": (
                    "He shared a thread of front-desk complaints from Cascade's support queue."
                ),
                "by_them": True,
            },
            {
                "days_ago": 34,
                "kind": "event",
                "summary": (
                    "Sat with Omar at the Rotary breakfast; he introduced me to Sally Jones, his "
                    "VP, who is hiring a senior UX researcher."
                ),
                "with": ["sally"],
                "event": "rotary-oct",
            },
            {
                "days_ago": 6,
                "kind": "coffee",
                "summary": (
                    "Coffee; the senior product designer req is approved. He'll refer me when it "
                    "posts, and he needs front-desk staff for usability sessions."
                ),
            },
        ],
        "needs": [
            {
                "text": "Two clinic front-desk staff willing to do 30-minute usability sessions",
                "created_days_ago": 6,
                "horizon_days": 21,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "Teardown of Cascade's reschedule flow with five concrete fixes",
                "days_ago": 170,
            },
        ],
        "asks": [
            {
                "text": "A referral for Cascade's senior product designer role when it posts",
                "days_ago": 6,
                "status": "pending",
                "target_org": "Cascade Clinic Systems",
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Refer me for the senior product designer role when it posts",
                "created_days_ago": 6,
                "due_in_days": 14,
                "done": False,
            },
        ],
    },
    {
        "key": "grace",
        "name": "Grace Kim",
        "title": "Design Director",
        "org": "Fernwood Creative",
        "emails": ["grace.kim@fernwood.example"],
        "phones": ["+1 503 555 0112"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "work",
        "how_met": "My manager at Fernwood Creative for three years",
        "details": (
            "Korean-American, grew up in LA. Two teenagers (Joon 15, Ellie 13); fiercely "
            "competitive about her sourdough. Fought for my team in the restructuring and lost. "
            "Happy to be a reference."
        ),
        "strength": 4,
        "tags": ["agency", "design-leaders", "references"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 730,
                "kind": "coffee",
                "summary": (
                    "First one-on-one I logged here: she wants me to lead Fernwood's accessibility "
                    "practice."
                ),
            },
            {
                "days_ago": 640,
                "kind": "meal",
                "summary": (
                    "Team lunch for my third Fernwood anniversary; she gave a too-kind toast."
                ),
                "by_them": True,
            },
            {
                "days_ago": 540,
                "kind": "coffee",
                "summary": (
                    "One-on-one; I told her I want to work on products people need, not campaigns."
                ),
            },
            {
                "days_ago": 420,
                "kind": "note",
                "summary": "Handwritten thank-you for backing my promotion to senior.",
            },
            {
                "days_ago": 300,
                "kind": "coffee",
                "summary": "One-on-one; she backed me taking the UXPA lightning-talk slot.",
            },
            {
                "days_ago": 121,
                "kind": "call",
                "summary": (
                    "She called me the night before the layoff announcement so I wouldn't hear it "
                    "in a group meeting."
                ),
                "by_them": True,
            },
            {
                "days_ago": 105,
                "kind": "coffee",
                "summary": (
                    "Coffee; she agreed to be a reference and to write a LinkedIn recommendation."
                ),
            },
            {
                "days_ago": 75,
                "kind": "email",
                "summary": "Her LinkedIn recommendation went live; it's glowing.",
                "by_them": True,
            },
            {
                "days_ago": 74,
                "kind": "thank-you",
                "summary": "Thank-you card and a jar of the studio's favourite hot sauce.",
            },
        ],
        "needs": [
            {
                "text": "Senior freelancers for Fernwood's remaining accounts if work picks up",
                "created_days_ago": 105,
                "horizon_days": -15,
                "status": "dropped",
            },
        ],
        "asks": [
            {
                "text": "Be a reference for my health-tech applications",
                "days_ago": 105,
                "status": "granted",
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Write me a LinkedIn recommendation",
                "created_days_ago": 105,
                "due_in_days": -90,
                "done": True,
                "nudges_sent": 1,
            },
        ],
    },
    {
        "key": "tom",
        "name": "Tom Brennan",
        "title": "Account Director",
        "org": "Fernwood Creative",
        "emails": ["tom.brennan@fernwood.example"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "work",
        "how_met": "Fernwood Creative; ran the accounts I designed for",
        "details": (
            "Irish-born (Cork), rugby obsessive. Ran the Juniper Ridge and Cedar Mill accounts. "
            "Knows every marketing director in town."
        ),
        "strength": 3,
        "tags": ["agency", "connectors"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 712,
                "kind": "meal",
                "summary": (
                    "Client lunch after the Cedar Mill pitch; Victor wants bigger type, Tom wants "
                    "more budget."
                ),
                "with": ["victor"],
            },
            {
                "days_ago": 600,
                "kind": "coffee",
                "summary": "Coffee; he wants me on more pitches because I 'calm clients down'.",
            },
            {
                "days_ago": 480,
                "kind": "event",
                "summary": "Fernwood holiday party; he did karaoke, badly, at length.",
            },
            {
                "days_ago": 380,
                "kind": "meal",
                "summary": (
                    "Lunch; he wants to start a podcast about agency life. Talked him out of it."
                ),
            },
            {
                "days_ago": 245,
                "kind": "message",
                "summary": "He congratulated me on the UXPA talk and shared it with every client.",
                "by_them": True,
            },
            {
                "days_ago": 118,
                "kind": "call",
                "summary": "Called after the layoff; he's staying, but nervous.",
            },
            {
                "days_ago": 95,
                "kind": "coffee",
                "summary": (
                    "Coffee; he offered to pass my name to Carmen Ruiz at Juniper Ridge for their "
                    "website refresh."
                ),
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Pass my name to Carmen Ruiz at Juniper Ridge",
                "created_days_ago": 95,
                "due_in_days": -85,
                "done": True,
            },
        ],
    },
    {
        "key": "zoe",
        "name": "Zoë Müller",
        "title": "Illustrator & Printmaker",
        "org": "Alder Street Collective",
        "emails": ["zoe@zoemueller.example"],
        "phones": ["+1 503 555 0113"],
        "urls": ["https://zoemueller.example"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "social-event",
        "how_met": "Rooftop party in 2023; she was drawing portraits of the guests",
        "details": (
            "Freelance illustrator from Zurich, in Portland since 2019. Shares a studio at Alder "
            "Street Collective. Climbs with Bruno on Tuesdays. Does great band posters and album "
            "art; wants to get into medical illustration."
        ),
        "strength": 3,
        "tags": ["illustration", "freelance", "art"],
        "created_days_ago": 690,
        "interactions": [
            {
                "days_ago": 690,
                "kind": "event",
                "summary": (
                    "Met at a rooftop party; she drew me in 90 seconds, uncomfortably accurate."
                ),
            },
            {
                "days_ago": 620,
                "kind": "message",
                "summary": "She sent the portrait scan; I framed it.",
                "by_them": True,
            },
            {
                "days_ago": 540,
                "kind": "event",
                "summary": (
                    "Her print show opening at Alder Street Collective; bought a small linocut."
                ),
            },
            {
                "days_ago": 420,
                "kind": "coffee",
                "summary": "Coffee; she wants help pricing freelance work. I shared my rate sheet.",
            },
            {
                "days_ago": 300,
                "kind": "event",
                "summary": (
                    "Her studio open house; met her friend Mira Patel, a PM at Northwind Health."
                ),
                "with": ["mira"],
            },
            {
                "days_ago": 240,
                "kind": "event",
                "summary": "Climbing night with Zoë at Bruno's gym; she out-climbed us both.",
                "with": ["bruno"],
            },
            {
                "days_ago": 180,
                "kind": "meal",
                "summary": "Ramen; she's curious about medical illustration.",
            },
            {
                "days_ago": 90,
                "kind": "message",
                "summary": "She asked whether health-tech companies ever hire illustrators.",
                "by_them": True,
            },
            {
                "days_ago": 22,
                "kind": "coffee",
                "summary": (
                    "Coffee at her studio; asked if she'd introduce me to Mira. She said yes, Mira "
                    "owes her for the wedding invitations."
                ),
            },
        ],
        "needs": [
            {
                "text": "Medical illustration clients to build a health portfolio",
                "created_days_ago": 90,
                "horizon_days": 55,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "My freelance rate sheet and contract template",
                "days_ago": 420,
            },
        ],
        "asks": [
            {
                "text": "An intro to Mira Patel so I can ask about Northwind's patient-app team",
                "days_ago": 22,
                "status": "granted",
                "target_person": "mira",
                "target_org": "Northwind Health",
            },
        ],
    },
    {
        "key": "chidi",
        "name": "Chidi Okonkwo",
        "title": "Nursing Informatics Specialist",
        "org": "Columbia River Medical Center",
        "emails": ["c.okonkwo@crmc.example"],
        "phones": ["+1 503 555 0114"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "family",
        "how_met": "Tess introduced us; he leads the nurse side of her hospital's charting rollout",
        "introduced_by": "tess",
        "details": (
            "Former ICU nurse turned informatics lead for CRMC's charting rollout. Igbo, from "
            "Enugu; came to Oregon for nursing school. Plays highlife guitar. Sits on a nursing "
            "standards committee with Naomi Brooks from Northwind."
        ),
        "strength": 3,
        "tags": ["health", "clinicians", "informatics"],
        "created_days_ago": 262,
        "interactions": [
            {
                "days_ago": 262,
                "kind": "intro",
                "summary": "Tess's intro email; Chidi offered a call the same week.",
                "by_them": True,
                "with": ["tess"],
            },
            {
                "days_ago": 255,
                "kind": "video",
                "summary": (
                    "He walked me through the charting rollout: 300 nurses, 14 training sessions, "
                    "2 designers."
                ),
            },
            {
                "days_ago": 210,
                "kind": "coffee",
                "summary": (
                    "Coffee at CRMC; he showed me 400 nurse comments on a feedback board. I "
                    "offered to help cluster them."
                ),
            },
            {
                "days_ago": 180,
                "kind": "video",
                "summary": (
                    "Two hours affinity-mapping the nurse comments together; seven themes, one of "
                    "them 'alarm guilt'."
                ),
            },
            {
                "days_ago": 140,
                "kind": "email",
                "summary": "He sent the themes to his director with my name on the slide.",
                "by_them": True,
            },
            {
                "days_ago": 95,
                "kind": "coffee",
                "summary": (
                    "Coffee; he offered to introduce me to Naomi Brooks at Northwind Health."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "Help turning 400 nurse comments into themes for his director",
                "created_days_ago": 210,
                "horizon_days": -170,
                "status": "met",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Ran a two-hour affinity-mapping session on the nurse feedback",
                "days_ago": 180,
                "need": 0,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Introduce me to Naomi Brooks at Northwind Health",
                "created_days_ago": 95,
                "due_in_days": -85,
                "done": True,
                "nudges_sent": 1,
            },
        ],
    },
    {
        "key": "fatima",
        "name": "Fatima Noor",
        "title": "Owner",
        "org": "Sunnyside Bread Co.",
        "emails": ["hello@sunnysidebread.example"],
        "phones": ["+1 503 555 0115"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "friends-neighbours",
        "how_met": "Her bakery is two blocks from my place",
        "details": (
            "Owns Sunnyside Bread Co. Somali-American, grew up in Minneapolis. Daughter Hodan (16) "
            "wants to go to art school for design. Cardamom buns on Saturdays only. Planning a "
            "second location."
        ),
        "strength": 3,
        "tags": ["neighbours", "small-business"],
        "created_days_ago": 600,
        "interactions": [
            {
                "days_ago": 600,
                "kind": "coffee",
                "summary": (
                    "First real chat over the counter; she asked who made the street's "
                    "leaf-cleanup flyer (me)."
                ),
                "by_them": True,
            },
            {
                "days_ago": 520,
                "kind": "message",
                "summary": "She asked for help with the bakery's menu board.",
                "by_them": True,
            },
            {
                "days_ago": 420,
                "kind": "event",
                "summary": (
                    "She donated bread for the block party; told me about Hodan's design dreams."
                ),
                "event": "block-party",
            },
            {
                "days_ago": 320,
                "kind": "coffee",
                "summary": (
                    "Hodan shadowed me for a day at Fernwood; Fatima brought buns for the whole "
                    "studio."
                ),
                "by_them": True,
            },
            {
                "days_ago": 200,
                "kind": "coffee",
                "summary": (
                    "Saturday buns; half her regulars work at the hospital and complain about the "
                    "same software."
                ),
            },
            {
                "days_ago": 130,
                "kind": "coffee",
                "summary": "Saturday buns; Hodan's school design club won a city poster contest.",
            },
            {
                "days_ago": 60,
                "kind": "coffee",
                "summary": "Saturday buns; she's planning a second location and will need signage.",
            },
            {
                "days_ago": 15,
                "kind": "message",
                "summary": (
                    "She sent Hodan's portfolio and asked if I'd review it before applications."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A new menu board for the bakery",
                "created_days_ago": 520,
                "horizon_days": -480,
                "status": "met",
            },
            {
                "text": "Portfolio feedback for Hodan's art-school applications",
                "created_days_ago": 15,
                "horizon_days": 25,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Designed the bakery's menu board",
                "days_ago": 500,
                "need": 0,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Review Hodan's portfolio and write up notes",
                "created_days_ago": 15,
                "due_in_days": 3,
                "done": False,
            },
        ],
    },
    {
        "key": "walt",
        "name": "Walter Hughes",
        "title": "President-elect (retired hospital CFO)",
        "org": "Rotary Club of Portland Eastside",
        "emails": ["walt.hughes@example.net"],
        "phones": ["+1 503 555 0116"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "civic-club",
        "how_met": "Dad's friend from the Army; Mom gave me his number",
        "introduced_by": "rosa",
        "details": (
            "Retired CFO of Columbia River Medical Center; sits on Northwind Health's advisory "
            "board. Widower; restores a 1967 Mustang; grandkids in Boise. Prefers phone calls and "
            "handwritten notes."
        ),
        "notes": "Always send a handwritten note after he helps.",
        "strength": 3,
        "cadence_days": 21,
        "tags": ["rotary", "health", "connectors"],
        "created_days_ago": 365,
        "interactions": [
            {
                "days_ago": 365,
                "kind": "call",
                "summary": "Walt called and invited me to a Rotary breakfast as his guest.",
                "by_them": True,
            },
            {
                "days_ago": 340,
                "kind": "meal",
                "summary": "Lunch at his club; sharp questions about why health tech and why now.",
            },
            {
                "days_ago": 280,
                "kind": "note",
                "summary": "Handwritten thank-you for the lunch and the intro to Omar.",
            },
            {
                "days_ago": 200,
                "kind": "call",
                "summary": "He asked me to redesign the Rotary newsletter template.",
                "by_them": True,
            },
            {
                "days_ago": 150,
                "kind": "email",
                "summary": "Sent him the new newsletter template; he loved the bigger fonts.",
            },
            {
                "days_ago": 100,
                "kind": "call",
                "summary": (
                    "He called about the Mustang's new carburettor; 40 minutes, zero networking, "
                    "very nice."
                ),
                "by_them": True,
            },
            {
                "days_ago": 34,
                "kind": "event",
                "summary": (
                    "Walt's guest at the Rotary breakfast; he walked me around the room and "
                    "introduced me to Pete, Marisol and Ahmed."
                ),
                "with": ["pete", "marisol", "ahmed"],
                "event": "rotary-oct",
            },
            {"days_ago": 33, "kind": "note", "summary": "Handwritten thank-you for the breakfast."},
            {
                "days_ago": 10,
                "kind": "coffee",
                "summary": (
                    "Coffee; he offered to mention me to Northwind's CEO at the advisory board "
                    "dinner."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A designer for the Rotary newsletter template",
                "created_days_ago": 200,
                "horizon_days": -170,
                "status": "met",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Redesigned the Rotary newsletter template",
                "days_ago": 150,
                "need": 0,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Mention me to Northwind Health's CEO at the advisory board dinner",
                "created_days_ago": 10,
                "due_in_days": 8,
                "done": False,
            },
        ],
    },
    {
        "key": "elena",
        "name": "Elena Petrova",
        "title": "Senior Technical Recruiter",
        "org": "Forest Park Talent",
        "emails": ["elena@forestparktalent.example"],
        "urls": ["https://www.linkedin.com/in/elenapetrova-recruiter-demo"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "online",
        "how_met": "She messaged me on LinkedIn after my UXPA talk post",
        "details": (
            "Recruits health-tech product roles. Bulgarian, from Sofia; in Portland since 2015. "
            "Weekend ceramicist."
        ),
        "notes": "Prefers LinkedIn messages; slow on email; never call unannounced.",
        "strength": 2,
        "tags": ["recruiters", "health"],
        "created_days_ago": 200,
        "interactions": [
            {
                "days_ago": 200,
                "kind": "message",
                "summary": "LinkedIn: she reached out after my UXPA talk post.",
                "by_them": True,
            },
            {
                "days_ago": 185,
                "kind": "video",
                "summary": (
                    "Intro call; health-tech budgets land in January, so hiring spikes in Q1."
                ),
            },
            {"days_ago": 112, "kind": "message", "summary": "Told her I'm actively looking now."},
            {
                "days_ago": 100,
                "kind": "video",
                "summary": "Prep call for the Bridgetown Benefits screen.",
            },
            {
                "days_ago": 70,
                "kind": "message",
                "summary": "Bridgetown went with an internal candidate; she's sorry.",
                "by_them": True,
            },
            {
                "days_ago": 35,
                "kind": "message",
                "summary": (
                    "She shared a confidential Rosehill search: design lead for the clinician app. "
                    "Also hunting a senior content designer."
                ),
                "by_them": True,
            },
            {
                "days_ago": 11,
                "kind": "video",
                "summary": (
                    "Prep call for Rosehill's first round; notes on Keiko's interview style."
                ),
            },
        ],
        "needs": [
            {
                "text": "Referrals for a senior content designer search (health insurance client)",
                "created_days_ago": 35,
                "horizon_days": 30,
                "status": "open",
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Send Keiko's feedback from the Rosehill first round",
                "created_days_ago": 9,
                "due_in_days": -4,
                "done": False,
                "nudges_sent": 1,
            },
        ],
    },
    {
        "key": "anne",
        "name": "Anne Whitfield",
        "title": "Rector",
        "org": "St. Brigid's Episcopal Church",
        "emails": ["rector@stbrigids.example.org"],
        "phones": ["+1 503 555 0117"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "place-of-worship",
        "how_met": "St. Brigid's; she welcomed me after my first choir Sunday",
        "details": (
            "Rector since 2018; fifteen years as a hospice nurse before seminary. Ask her about "
            "what families need at the end of life. Runs the Wednesday community meal. Terrible "
            "puns; Mariners fan."
        ),
        "strength": 3,
        "tags": ["church", "health", "clinicians"],
        "created_days_ago": 720,
        "interactions": [
            {
                "days_ago": 720,
                "kind": "coffee",
                "summary": "Welcome coffee after my first choir Sunday.",
                "by_them": True,
            },
            {
                "days_ago": 600,
                "kind": "event",
                "summary": "Parish work day; painted the fellowship hall with Anne's crew.",
            },
            {
                "days_ago": 470,
                "kind": "meal",
                "summary": "Wednesday community meal; I washed dishes, she told hospice stories.",
            },
            {
                "days_ago": 380,
                "kind": "message",
                "summary": "She asked me to refresh the parish newsletter masthead.",
                "by_them": True,
            },
            {
                "days_ago": 260,
                "kind": "coffee",
                "summary": (
                    "Told her about moving into health tech; she described what hospice families "
                    "need from software: one number to call."
                ),
            },
            {
                "days_ago": 116,
                "kind": "call",
                "summary": "She checked in after the layoff.",
                "by_them": True,
            },
            {
                "days_ago": 45,
                "kind": "meal",
                "summary": (
                    "Wednesday community meal; she asked for a poster for the winter coat drive."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A poster for the winter coat drive",
                "created_days_ago": 45,
                "horizon_days": 10,
                "status": "open",
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Send Anne the coat drive poster draft",
                "created_days_ago": 45,
                "due_in_days": -25,
                "done": False,
            },
        ],
    },
    {
        "key": "samira",
        "name": "Samira Benali",
        "title": "Volunteer Coordinator",
        "org": "Open Door Food Pantry",
        "emails": ["samira@opendoorpantry.example.org"],
        "phones": ["+1 503 555 0118"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "non-profit",
        "how_met": "Open Door Food Pantry volunteer day; she ran our produce crew",
        "details": (
            "Coordinates 200 volunteers. Moroccan-French, from Lyon. Doing an MPH at night; "
            "capstone on food insecurity and diabetes. Two cats, Couscous and Merguez."
        ),
        "strength": 3,
        "tags": ["non-profit", "public-health"],
        "created_days_ago": 160,
        "interactions": [
            {
                "days_ago": 160,
                "kind": "email",
                "summary": "Signed up for the volunteer day; she sent the shift list.",
                "by_them": True,
            },
            {
                "days_ago": 150,
                "kind": "event",
                "summary": (
                    "Volunteer day: sorted produce with her crew; she vented about the sign-up "
                    "spreadsheet."
                ),
                "with": ["ruby", "tomas", "gabe"],
                "event": "pantry-day",
            },
            {
                "days_ago": 130,
                "kind": "video",
                "summary": "Sketched a simpler volunteer sign-up flow with her.",
            },
            {
                "days_ago": 90,
                "kind": "coffee",
                "summary": "Coffee; she wants a health-tech mentor for her MPH capstone.",
            },
            {
                "days_ago": 65,
                "kind": "message",
                "summary": (
                    "She passed her MPH biostatistics midterm; celebratory cat photo attached."
                ),
                "by_them": True,
            },
            {
                "days_ago": 40,
                "kind": "event",
                "summary": "Second volunteer shift; the new sign-up form cut no-shows by a third.",
            },
            {
                "days_ago": 18,
                "kind": "message",
                "summary": (
                    "She asked if I know anyone in health insurance to interview for her capstone."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A simpler volunteer sign-up process",
                "created_days_ago": 150,
                "horizon_days": -100,
                "status": "met",
            },
            {
                "text": "Two people in health insurance to interview for her MPH capstone",
                "created_days_ago": 18,
                "horizon_days": 30,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "Sketched a three-step volunteer sign-up flow to replace her spreadsheet",
                "days_ago": 130,
                "need": 0,
            },
        ],
    },
    {
        "key": "kwame",
        "name": "Kwame Asante",
        "title": "Founder & CEO",
        "org": "Halyard Analytics",
        "emails": ["kwame@halyard.example"],
        "phones": ["+1 503 555 0119"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "business-event",
        "how_met": (
            "Startup pitch breakfast, 2024; he asked the room what was wrong with his dashboard"
        ),
        "details": (
            "Ghanaian-British; former hospital data analyst. Halyard builds readmission-risk "
            "dashboards for small hospitals. Talks fast, pays invoices on time. Two boys; plays "
            "five-a-side on Thursdays. Raising a seed round."
        ),
        "strength": 3,
        "tags": ["founders", "health", "freelance-clients"],
        "created_days_ago": 400,
        "interactions": [
            {
                "days_ago": 400,
                "kind": "event",
                "summary": (
                    "Pitch breakfast; he asked me what was wrong with his dashboard in one "
                    "sentence."
                ),
            },
            {
                "days_ago": 390,
                "kind": "email",
                "summary": (
                    "Sent my one-sentence answer, expanded to a page with three nurse-manager "
                    "scenarios."
                ),
            },
            {
                "days_ago": 350,
                "kind": "coffee",
                "summary": (
                    "Coffee; he hired an agency for the pitch deck, but might need a contract "
                    "designer next year."
                ),
            },
            {
                "days_ago": 250,
                "kind": "message",
                "summary": "He saw my UXPA talk on LinkedIn: 'let's talk in spring'.",
                "by_them": True,
            },
            {
                "days_ago": 112,
                "kind": "call",
                "summary": (
                    "Told him I'm available; he offered a six-week dashboard redesign contract."
                ),
            },
            {
                "days_ago": 100,
                "kind": "video",
                "summary": "Kickoff for the readmission dashboard contract with Wen.",
                "with": ["wen"],
            },
            {
                "days_ago": 75,
                "kind": "event",
                "summary": (
                    "He demoed the redesigned dashboard at demo night and credited me on stage."
                ),
                "event": "demo-night",
            },
            {
                "days_ago": 60,
                "kind": "thank-you",
                "summary": "He sent a thank-you and paid the final invoice early.",
                "by_them": True,
            },
            {
                "days_ago": 28,
                "kind": "coffee",
                "summary": (
                    "Coffee; phase two in February if the seed round closes. He needs investor "
                    "intros."
                ),
            },
        ],
        "needs": [
            {
                "text": "A designer for his pitch deck",
                "created_days_ago": 350,
                "horizon_days": -320,
                "status": "dropped",
            },
            {
                "text": "A warm intro to a seed-stage health-tech investor",
                "created_days_ago": 28,
                "horizon_days": 40,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "Mapped his dashboard to three nurse-manager scenarios",
                "days_ago": 390,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Send a written testimonial for my portfolio",
                "created_days_ago": 60,
                "due_in_days": -30,
                "done": False,
                "nudges_sent": 2,
            },
        ],
    },
    {
        "key": "ingrid",
        "name": "Ingrid Solberg",
        "title": "Design Lead; UXPA Portland chapter president",
        "org": "Timberline Software",
        "emails": ["ingrid.solberg@example.com"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "professional-association",
        "how_met": "UXPA Portland; she gave me the lightning-talk slot at the patient meetup",
        "details": (
            "Norwegian, from Bergen; came for grad school and stayed. Runs the UXPA Portland "
            "chapter and always needs speakers. Knits in meetings."
        ),
        "strength": 3,
        "tags": ["design-leaders", "uxpa", "speakers"],
        "created_days_ago": 280,
        "interactions": [
            {
                "days_ago": 280,
                "kind": "email",
                "summary": "She accepted my lightning-talk proposal for the patient meetup.",
                "by_them": True,
            },
            {
                "days_ago": 265,
                "kind": "video",
                "summary": "Talk rehearsal; she told me to cut half my slides. She was right.",
            },
            {
                "days_ago": 250,
                "kind": "event",
                "summary": (
                    "Gave my lightning talk, 'What nurses taught me about alarms'; she emceed."
                ),
                "with": ["noah", "abebe", "chloe"],
                "event": "uxpa-patients",
            },
            {
                "days_ago": 240,
                "kind": "thank-you",
                "summary": "Thank-you note for the slot and the rehearsal.",
            },
            {
                "days_ago": 180,
                "kind": "coffee",
                "summary": "Coffee; she wants me on the chapter's programming committee.",
            },
            {
                "days_ago": 120,
                "kind": "message",
                "summary": (
                    "Told her I'm stepping back from the committee for the job hunt; she was "
                    "gracious."
                ),
            },
            {
                "days_ago": 60,
                "kind": "event",
                "summary": (
                    "UXPA winter social; she introduced me to the room as 'our health-tech "
                    "convert'."
                ),
                "by_them": True,
            },
            {
                "days_ago": 26,
                "kind": "message",
                "summary": (
                    "She asked if I'd speak at the spring meetup about moving into health tech."
                ),
                "by_them": True,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Tell Ingrid yes or no on speaking at the spring meetup",
                "created_days_ago": 26,
                "due_in_days": -6,
                "done": False,
            },
        ],
    },
    {
        "key": "raj",
        "name": "Raj Malhotra",
        "title": "Engineering Manager, Remote Monitoring",
        "org": "Willamette Care Labs",
        "emails": ["raj.malhotra@willamettecare.example"],
        "phones": ["+1 503 555 0120"],
        "location": "Beaverton, OR",
        "ring": 2,
        "channel": "friends-neighbours",
        "how_met": "Kenji's former teammate at Timberline; Kenji introduced us",
        "introduced_by": "kenji",
        "details": (
            "Joined Willamette Care Labs in 2024 to lead the remote blood-pressure platform team. "
            "Punjabi, grew up in Fremont. Marathoner; two daughters; obsessed with espresso gear."
        ),
        "strength": 3,
        "tags": ["engineering", "health", "target-contacts"],
        "created_days_ago": 370,
        "interactions": [
            {
                "days_ago": 355,
                "kind": "video",
                "summary": (
                    "Intro call; how blood-pressure cuff readings reach a clinician's queue."
                ),
            },
            {
                "days_ago": 300,
                "kind": "coffee",
                "summary": (
                    "Coffee; their patient onboarding takes 11 screens to pair a cuff. He asked "
                    "for feedback."
                ),
                "by_them": True,
            },
            {
                "days_ago": 290,
                "kind": "email",
                "summary": "Sent an onboarding teardown: 11 screens down to 5.",
            },
            {
                "days_ago": 200,
                "kind": "message",
                "summary": "His team shipped two of my onboarding suggestions.",
                "by_them": True,
            },
            {
                "days_ago": 130,
                "kind": "coffee",
                "summary": "Coffee; he hinted a design lead role may open in Q1.",
            },
            {
                "days_ago": 75,
                "kind": "event",
                "summary": "Ran into him at demo night; he introduced me to his CEO, Jessica Tran.",
                "with": ["jess"],
                "event": "demo-night",
            },
            {
                "days_ago": 60,
                "kind": "message",
                "summary": "He sent the new onboarding numbers: pairing drop-off down 30%.",
                "by_them": True,
            },
            {
                "days_ago": 4,
                "kind": "message",
                "summary": (
                    "Kenji nudged him; Jess is the hiring manager and he'll forward my portfolio."
                ),
                "by_them": True,
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "Onboarding teardown: pairing a cuff in 5 screens instead of 11",
                "days_ago": 290,
            },
        ],
        "asks": [
            {
                "text": "Forward my portfolio to Jessica Tran for the design lead role",
                "days_ago": 4,
                "status": "pending",
                "target_person": "jess",
                "target_org": "Willamette Care Labs",
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Forward my portfolio to Jess with a note",
                "created_days_ago": 4,
                "due_in_days": 3,
                "done": False,
            },
        ],
    },
    {
        "key": "lucia",
        "name": "Lucía Fernández",
        "title": "Senior Product Designer",
        "org": "Rosehill Digital Therapeutics",
        "emails": ["lucia.fernandez@rosehill.example"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "professional-association",
        "how_met": "UXPA 'Designing for patients' meetup, talking consent flows with Priya",
        "details": (
            "Designs Rosehill's CBT-for-insomnia app. From Valencia; master's in Barcelona. "
            "Teaches a Thursday salsa class. Says the hard part of health tech is clinical review, "
            "not design."
        ),
        "strength": 3,
        "tags": ["health", "design-leaders", "target-contacts"],
        "created_days_ago": 250,
        "interactions": [
            {
                "days_ago": 235,
                "kind": "coffee",
                "summary": "Coffee; she walked me through designing under FDA software rules.",
            },
            {
                "days_ago": 190,
                "kind": "event",
                "summary": "Went to her salsa class. I was terrible; she was kind.",
            },
            {
                "days_ago": 140,
                "kind": "video",
                "summary": "She reviewed my health portfolio: 'show how you handle evidence.'",
            },
            {
                "days_ago": 130,
                "kind": "email",
                "summary": "Sent her the clinician-interview guide I wrote for the CRMC project.",
            },
            {
                "days_ago": 110,
                "kind": "message",
                "summary": "She shared the public version of Rosehill's design principles.",
                "by_them": True,
            },
            {
                "days_ago": 80,
                "kind": "event",
                "summary": "Her salsa class again; slightly less terrible this time.",
            },
            {
                "days_ago": 38,
                "kind": "coffee",
                "summary": (
                    "Coffee; Rosehill is opening a design lead for the clinician app. Talk to "
                    "Keiko."
                ),
            },
            {
                "days_ago": 16,
                "kind": "message",
                "summary": (
                    "Asked if she'd put in a word with Keiko. She's on the panel, so she can't; "
                    "fair."
                ),
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "My clinician-interview guide from the CRMC project",
                "days_ago": 130,
            },
        ],
        "asks": [
            {
                "text": "Put in a word with Keiko Sato about the Rosehill design lead role",
                "days_ago": 16,
                "status": "declined",
                "target_person": "keiko",
                "target_org": "Rosehill Digital Therapeutics",
            },
        ],
    },
    {
        "key": "mike",
        "name": "Mike O'Connell",
        "title": "General Contractor",
        "phones": ["+1 503 555 0121"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "friends-neighbours",
        "how_met": "Across-the-street neighbour",
        "details": (
            "Runs a three-person renovation business. Wife Trish, three kids. Army medic before "
            "that. Lends tools freely; expects beer in return."
        ),
        "strength": 3,
        "tags": ["neighbours", "small-business"],
        "created_days_ago": 700,
        "interactions": [
            {
                "days_ago": 700,
                "kind": "message",
                "summary": "Borrowed his tile saw; returned it with a six-pack.",
            },
            {
                "days_ago": 620,
                "kind": "event",
                "summary": "Helped him pour a concrete pad for his shed; paid in pizza.",
            },
            {
                "days_ago": 540,
                "kind": "meal",
                "summary": "BBQ at his place; Army medic stories until midnight.",
                "by_them": True,
            },
            {
                "days_ago": 300,
                "kind": "message",
                "summary": (
                    "He lent me his ladder for the gutters and wouldn't take it back for a month."
                ),
                "by_them": True,
            },
            {
                "days_ago": 260,
                "kind": "coffee",
                "summary": "Porch chat; he wants a logo for the business.",
            },
            {
                "days_ago": 85,
                "kind": "message",
                "summary": "He asked if I know a good web person for a simple site.",
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A simple website for his renovation business",
                "created_days_ago": 85,
                "horizon_days": 15,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Designed his business logo and truck decal",
                "days_ago": 230,
            },
        ],
    },
    {
        "key": "theo",
        "name": "Theo Nakamura",
        "title": "Motion Designer & Front-end Developer (freelance)",
        "org": "Alder Street Collective",
        "emails": ["theo@theonakamura.example"],
        "urls": ["https://theonakamura.example"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "work",
        "how_met": "Fernwood Creative; two years on the same pod",
        "details": (
            "Japanese-Brazilian, grew up in São Paulo. Went freelance in 2023. Skateboards to "
            "meetings. Fast, affordable Webflow sites and lovely motion work."
        ),
        "strength": 3,
        "tags": ["motion", "web", "freelance"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 725,
                "kind": "meal",
                "summary": "Fernwood team lunch; he showed his skate video.",
            },
            {
                "days_ago": 610,
                "kind": "message",
                "summary": (
                    "He's going freelance; asked how to tell clients without burning bridges."
                ),
                "by_them": True,
            },
            {
                "days_ago": 420,
                "kind": "coffee",
                "summary": "Coffee at Alder Street; busy and happy.",
            },
            {
                "days_ago": 260,
                "kind": "video",
                "summary": "He animated the intro for my UXPA lightning talk, for free.",
                "by_them": True,
            },
            {
                "days_ago": 255,
                "kind": "thank-you",
                "summary": "Bought him a skate deck as thanks for the animation.",
            },
            {
                "days_ago": 150,
                "kind": "message",
                "summary": "He shared a list of motion-design jobs in health tech.",
                "by_them": True,
            },
            {
                "days_ago": 65,
                "kind": "coffee",
                "summary": (
                    "Coffee; he wants longer contracts. Open to motion work and small websites."
                ),
            },
        ],
        "needs": [
            {
                "text": "A long-term retainer client for motion or web work",
                "created_days_ago": 65,
                "horizon_days": -3,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": (
                    "How to leave an agency cleanly: non-compete check, client announcement email"
                ),
                "days_ago": 600,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Pass Theo's name along when I hear of motion or web work",
                "created_days_ago": 65,
                "due_in_days": 25,
                "done": False,
            },
        ],
    },
    {
        "key": "carmen",
        "name": "Carmen Ruiz",
        "title": "Program Director, Rural Clinics",
        "org": "Juniper Ridge Foundation",
        "emails": ["carmen.ruiz@juniperridge.example.org"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "non-profit",
        "how_met": "Tom Brennan passed her my name for the foundation's website refresh",
        "introduced_by": "tom",
        "details": (
            "Chilean, from Valparaíso; former public health nurse. Funds rural clinics across "
            "eastern Oregon. Kayaks the Willamette. Decides slowly, then all at once."
        ),
        "strength": 2,
        "tags": ["non-profit", "health", "freelance-clients"],
        "created_days_ago": 80,
        "interactions": [
            {
                "days_ago": 80,
                "kind": "email",
                "summary": (
                    "Her first email: Tom gave her my name; could we talk about the website "
                    "refresh?"
                ),
                "by_them": True,
            },
            {
                "days_ago": 75,
                "kind": "video",
                "summary": "Call; grant reports are the real pain, not the website.",
            },
            {
                "days_ago": 72,
                "kind": "email",
                "summary": "Sent a one-page proposal: grant-report template plus site refresh.",
            },
        ],
        "needs": [
            {
                "text": "A designer for the website refresh and a grant-report template",
                "created_days_ago": 75,
                "horizon_days": -10,
                "status": "open",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "One-page proposal: grant-report template plus site refresh",
                "days_ago": 72,
                "need": 0,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Tell me whether the board approved the refresh budget",
                "created_days_ago": 72,
                "due_in_days": -14,
                "done": False,
                "nudges_sent": 2,
            },
        ],
    },
    {
        "key": "yusuf",
        "name": "Yusuf Demir",
        "title": "Product Designer",
        "org": "Bridgetown Benefits",
        "emails": ["yusuf.demir@bridgetown.example"],
        "location": "Boise, ID",
        "ring": 2,
        "channel": "online",
        "how_met": "Health-tech designers Slack, 2023",
        "details": (
            "Turkish, from Izmir; works remotely from Boise on Bridgetown's benefits-navigation "
            "app. Plays oud. We swap Figma tricks most weeks."
        ),
        "strength": 3,
        "tags": ["health", "insurance", "target-contacts"],
        "created_days_ago": 640,
        "interactions": [
            {
                "days_ago": 640,
                "kind": "message",
                "summary": "Slack: he answered my question about plain-language benefit summaries.",
                "by_them": True,
            },
            {
                "days_ago": 560,
                "kind": "video",
                "summary": "He showed how Bridgetown tests copy with real members.",
            },
            {"days_ago": 470, "kind": "message", "summary": "Traded Figma auto-layout tricks."},
            {
                "days_ago": 380,
                "kind": "video",
                "summary": "He reviewed my first health case study draft; brutal and useful.",
            },
            {
                "days_ago": 240,
                "kind": "message",
                "summary": "He sent the Bridgetown senior designer posting.",
                "by_them": True,
            },
            {
                "days_ago": 110,
                "kind": "message",
                "summary": (
                    "Bridgetown picked an internal candidate; he thinks a second role opens in "
                    "spring."
                ),
            },
            {
                "days_ago": 47,
                "kind": "video",
                "summary": "Figma trick swap; he's stuck on a dependent-coverage enrollment flow.",
            },
            {
                "days_ago": 8,
                "kind": "message",
                "summary": "Shared a teardown I'd written of five benefits-navigation apps.",
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "Teardown comparing five benefits-navigation apps",
                "days_ago": 8,
            },
        ],
    },
    {
        "key": "greta",
        "name": "Greta Lindqvist",
        "title": "Professor of Interaction Design",
        "org": "Mt. Tabor College of Art & Design",
        "emails": ["glindqvist@mttabor.example.edu"],
        "location": "Portland, OR",
        "ring": 2,
        "channel": "other",
        "how_met": "My thesis adviser in design school",
        "details": (
            "Swedish; taught in Malmö before Portland. Retiring in two years. Still the best "
            "critic I know. Collects vintage typewriters."
        ),
        "strength": 3,
        "tags": ["mentors", "education"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 700,
                "kind": "email",
                "summary": (
                    "Sent her an update on my Fernwood work; she replied with a reading list."
                ),
                "by_them": True,
            },
            {
                "days_ago": 620,
                "kind": "email",
                "summary": "She asked me to review the accessibility module in her curriculum.",
                "by_them": True,
            },
            {
                "days_ago": 520,
                "kind": "meal",
                "summary": "Lunch; she asked me to guest-crit her senior studio.",
            },
            {
                "days_ago": 500,
                "kind": "event",
                "summary": "Guest critic for her senior studio: 14 projects, two really good.",
            },
            {
                "days_ago": 300,
                "kind": "note",
                "summary": "Sent her a card when her typewriter collection made the local paper.",
            },
            {
                "days_ago": 110,
                "kind": "coffee",
                "summary": (
                    "Coffee; career changes at 35 are normal, she said, then tore apart my "
                    "portfolio intro."
                ),
            },
        ],
        "gives": [
            {"kind": "favour", "text": "Guest critic for her senior studio", "days_ago": 500},
        ],
    },
    # Ring 3: acquaintances, people met once or twice
    {
        "key": "sally",
        "name": "Sally Jones",
        "title": "VP Engineering",
        "org": "Cascade Clinic Systems",
        "emails": ["sally.jones@cascadeclinic.example"],
        "phones": ["+1 503 555 0160"],
        "urls": ["https://www.linkedin.com/in/sallyjones-cascade-demo"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "civic-club",
        "how_met": "Rotary Club breakfast; Omar introduced us at his table",
        "introduced_by": "omar",
        "details": (
            "Runs Cascade's 80-person engineering org. Two kids (Maya 8, Leo 5). Training for the "
            "Portland marathon. Moved from fintech to health in 2023."
        ),
        "notes": "Prefers email over LinkedIn.",
        "strength": 1,
        "tags": ["design-leaders", "health", "target-contacts"],
        "created_days_ago": 34,
        "interactions": [
            {
                "days_ago": 31,
                "kind": "email",
                "summary": (
                    "Thanked her for the breakfast chat; she replied with the senior UX researcher "
                    "job description."
                ),
            },
            {
                "days_ago": 8,
                "kind": "email",
                "summary": (
                    "Sally asked whether I'd thought of any researcher names yet. Soon, I said."
                ),
                "by_them": True,
            },
        ],
        "needs": [
            {
                "text": "A senior UX researcher for the clinic scheduling redesign",
                "created_days_ago": 34,
                "horizon_days": 35,
                "status": "open",
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Send Sally one or two senior researcher names",
                "created_days_ago": 31,
                "due_in_days": -4,
                "done": False,
            },
        ],
        # set by the note of her latest interaction, as `follow up WHEN TEXT` would
        "follow_ups": [
            {"in_days": 6, "text": "ask whether the researcher role is still open"},
        ],
    },
    {
        "key": "dana",
        "name": "Dana Wu",
        "title": "Head of Design",
        "org": "Northwind Health",
        "emails": ["dana.wu@northwindhealth.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "business-event",
        "how_met": "Health-tech demo night; she was one of the judges",
        "details": (
            "Grew Northwind's patient-app design team from 2 to 11. Taiwanese-American, from San "
            "Jose. Hiring senior designers in Q1."
        ),
        "strength": 1,
        "tags": ["design-leaders", "health", "target-contacts"],
        "created_days_ago": 75,
        "interactions": [
            {
                "days_ago": 75,
                "kind": "event",
                "summary": (
                    "Two minutes with her after the judging; she liked the Halyard dashboard "
                    "redesign."
                ),
                "event": "demo-night",
            },
            {
                "days_ago": 73,
                "kind": "message",
                "summary": "LinkedIn note; she accepted and said 'let's talk in January'.",
            },
            {
                "days_ago": 44,
                "kind": "email",
                "summary": (
                    "Sent her my nurse-handoff case study when the Northwind posting went up. No "
                    "reply yet."
                ),
            },
        ],
    },
    {
        "key": "mira",
        "name": "Mira Patel",
        "title": "Senior Product Manager, Patient App",
        "org": "Northwind Health",
        "emails": ["mira.patel@northwindhealth.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "social-event",
        "how_met": "Zoë's studio open house; Zoë illustrated her wedding invitations",
        "introduced_by": "zoe",
        "details": (
            "Gujarati-American, grew up in Edison, NJ. Owns a very old corgi named Biscuit. Works "
            "closely with Dana Wu."
        ),
        "strength": 2,
        "tags": ["product", "health", "target-contacts"],
        "created_days_ago": 300,
        "interactions": [
            {
                "days_ago": 20,
                "kind": "intro",
                "summary": "Zoë's intro email; Mira offered 20 minutes.",
                "by_them": True,
                "with": ["zoe"],
            },
            {
                "days_ago": 13,
                "kind": "video",
                "summary": (
                    "Twenty minutes that ran 45: the patient-app roadmap and Dana's hiring bar. "
                    "She needs an accessibility checklist for a Q1 audit."
                ),
            },
            {
                "days_ago": 12,
                "kind": "thank-you",
                "summary": "Thank-you email with the accessibility checklist she asked about.",
            },
        ],
        "needs": [
            {
                "text": "An accessibility checklist for the patient app's Q1 audit",
                "created_days_ago": 13,
                "horizon_days": 20,
                "status": "met",
            },
        ],
        "gives": [
            {
                "kind": "resource",
                "text": "My accessibility audit checklist (WCAG 2.2 AA, mobile)",
                "days_ago": 12,
                "need": 0,
            },
        ],
        "asks": [
            {
                "text": "An email intro to Dana Wu, Head of Design at Northwind Health",
                "days_ago": 13,
                "status": "pending",
                "target_person": "dana",
                "target_org": "Northwind Health",
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Forward my portfolio to Dana Wu with a note",
                "created_days_ago": 13,
                "due_in_days": -6,
                "done": False,
                "nudges_sent": 1,
            },
        ],
    },
    {
        "key": "naomi",
        "name": "Naomi Brooks",
        "title": "Clinical Informatics Lead",
        "org": "Northwind Health",
        "emails": ["naomi.brooks@northwindhealth.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "work",
        "how_met": "Chidi Okonkwo introduced us; they sit on a nursing standards committee",
        "introduced_by": "chidi",
        "details": "Former ED nurse; Jamaican-born, raised in Brooklyn. Sings in a gospel choir.",
        "strength": 2,
        "tags": ["clinicians", "informatics", "health", "target-contacts"],
        "created_days_ago": 90,
        "interactions": [
            {
                "days_ago": 90,
                "kind": "intro",
                "summary": "Chidi's intro email, cc Naomi.",
                "by_them": True,
                "with": ["chidi"],
            },
            {
                "days_ago": 55,
                "kind": "video",
                "summary": (
                    "Call; how Northwind's clinicians review patient-app changes. She needs nurses "
                    "for a usability study."
                ),
            },
            {
                "days_ago": 54,
                "kind": "thank-you",
                "summary": "Thank-you email to Naomi, cc Chidi.",
                "with": ["chidi"],
            },
        ],
        "needs": [
            {
                "text": "Nurse volunteers for a patient-app usability study",
                "created_days_ago": 55,
                "horizon_days": -5,
                "status": "open",
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Ask Tess whether nurses on her unit would join Naomi's study",
                "created_days_ago": 55,
                "due_in_days": -40,
                "done": True,
            },
        ],
    },
    {
        "key": "pete",
        "name": "Peter Lindgren",
        "title": "Insurance Broker",
        "org": "Cedar Mill Insurance Group",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "civic-club",
        "how_met": "Rotary Club breakfast, at Walt's table",
        "details": "Third-generation Rotarian; coaches Little League.",
        "tags": ["rotary", "insurance"],
        "created_days_ago": 34,
        "interactions": [
            {
                "days_ago": 30,
                "kind": "message",
                "summary": "LinkedIn connect; he asked for a copy of the newsletter template.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "marisol",
        "name": "Marisol Vega",
        "title": "Branch Manager",
        "org": "Lents Community Credit Union",
        "emails": ["mvega@lentscu.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "civic-club",
        "how_met": "Rotary Club breakfast, at Walt's table",
        "details": (
            "Chairs the Rotary scholarship committee. Grew up in Lents; first in her family to "
            "finish college."
        ),
        "tags": ["rotary"],
        "created_days_ago": 34,
        "interactions": [
            {
                "days_ago": 28,
                "kind": "email",
                "summary": "She asked if I'd design the scholarship fundraiser flyer.",
                "by_them": True,
            },
            {
                "days_ago": 14,
                "kind": "email",
                "summary": "Sent the scholarship flyer draft; she wants the Rotary wheel bigger.",
            },
        ],
        "gives": [
            {
                "kind": "favour",
                "text": "Designed the Rotary scholarship fundraiser flyer",
                "days_ago": 14,
            },
        ],
    },
    {
        "key": "ahmed",
        "name": "Ahmed Karimi",
        "title": "Dentist & Owner",
        "org": "Bybee Dental Studio",
        "phones": ["+1 503 555 0130"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "civic-club",
        "how_met": "Rotary Club breakfast, at Walt's table",
        "details": (
            "Afghan-American; took over the practice from his father. His front desk uses "
            "Cascade's scheduling product every day and has opinions."
        ),
        "tags": ["rotary", "front-desk", "cascade-customers"],
        "created_days_ago": 34,
        "interactions": [
            {
                "days_ago": 20,
                "kind": "coffee",
                "summary": (
                    "Coffee at his practice; his front-desk team walked me through Cascade's "
                    "scheduling screens. Happy to talk to software people."
                ),
            },
            {
                "days_ago": 5,
                "kind": "message",
                "summary": (
                    "He offered two of his front-desk staff for any usability sessions I hear of."
                ),
                "by_them": True,
            },
        ],
    },
    {
        "key": "jess",
        "name": "Jessica Tran",
        "title": "Co-founder & CEO",
        "org": "Willamette Care Labs",
        "emails": ["jess@willamettecare.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "business-event",
        "how_met": "Health-tech demo night; Raj introduced us by their demo table",
        "introduced_by": "raj",
        "details": (
            "Vietnamese-American, grew up in Beaverton. Former cardiology nurse practitioner; "
            "started the company after watching patients fail to log readings on paper."
        ),
        "strength": 1,
        "tags": ["founders", "health", "target-contacts"],
        "created_days_ago": 75,
        "interactions": [
            {
                "days_ago": 70,
                "kind": "email",
                "summary": (
                    "Follow-up with my onboarding teardown; she replied 'this is exactly the "
                    "problem'."
                ),
            },
        ],
    },
    {
        "key": "arjun",
        "name": "Arjun Mehta",
        "title": "Principal",
        "org": "Larch Mountain Ventures",
        "emails": ["arjun@larchmountain.example"],
        "location": "Seattle, WA",
        "ring": 3,
        "channel": "business-event",
        "how_met": "Health-tech demo night; we stood by the coffee urn",
        "details": (
            "Invests in seed-stage digital health; ex-hospital strategy. Looking for founders with "
            "real clinical traction."
        ),
        "tags": ["investors", "health"],
        "created_days_ago": 75,
        "interactions": [
            {
                "days_ago": 75,
                "kind": "event",
                "summary": (
                    "Demo night: he asked which demo had the best design. I said Halyard (biased, "
                    "I designed it)."
                ),
                "event": "demo-night",
            },
            {
                "days_ago": 60,
                "kind": "message",
                "summary": (
                    "LinkedIn: he liked my post about demo night and asked how Halyard is doing."
                ),
                "by_them": True,
            },
        ],
    },
    {
        "key": "keiko",
        "name": "Keiko Sato",
        "title": "Design Manager",
        "org": "Rosehill Digital Therapeutics",
        "emails": ["keiko.sato@rosehill.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "business-event",
        "how_met": "Health-tech demo night, at Rosehill's table",
        "details": (
            "Hiring manager for the clinician-app design lead. From Osaka; designed mobile games "
            "before health."
        ),
        "strength": 1,
        "tags": ["design-leaders", "health", "target-contacts"],
        "created_days_ago": 75,
        "interactions": [
            {
                "days_ago": 75,
                "kind": "event",
                "summary": "Demo night: talked about sleep-app streaks and the guilt they cause.",
                "event": "demo-night",
            },
            {
                "days_ago": 10,
                "kind": "video",
                "summary": (
                    "First-round interview for the design lead role; she pushed hard on how I'd "
                    "work with clinical review."
                ),
            },
            {
                "days_ago": 9,
                "kind": "thank-you",
                "summary": "Thank-you email after the first round, with the link she asked for.",
            },
        ],
    },
    {
        "key": "noah",
        "name": "Noah Feldman",
        "title": "Content Designer (freelance)",
        "emails": ["noah@plainwords.example"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "professional-association",
        "how_met": "UXPA 'Designing for patients' meetup",
        "details": (
            "Plain-language specialist; rewrote patient letters for a county health department. "
            "Looking for a senior content role."
        ),
        "tags": ["content-design", "health", "freelance"],
        "created_days_ago": 250,
        "interactions": [
            {
                "days_ago": 200,
                "kind": "message",
                "summary": "He shared his plain-language checklist for patient letters.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "abebe",
        "name": "Abebe Tesfaye",
        "title": "Accessibility Specialist",
        "org": "Metro Public Health Alliance",
        "emails": ["abebe.t@mpha.example.org"],
        "location": "Portland, OR",
        "ring": 3,
        "channel": "professional-association",
        "how_met": "UXPA 'Designing for patients' meetup",
        "details": (
            "From Addis Ababa; a screen-reader user himself. Runs accessibility audits for public "
            "health sites."
        ),
        "tags": ["accessibility", "health"],
        "created_days_ago": 250,
        "interactions": [
            {
                "days_ago": 230,
                "kind": "video",
                "summary": "He ran my talk slides through a screen reader with me; three fixes.",
            },
            {
                "days_ago": 50,
                "kind": "email",
                "summary": (
                    "Asked him to sanity-check my accessibility checklist; he sent six notes."
                ),
            },
            {
                "days_ago": 12,
                "kind": "message",
                "summary": (
                    "He asked if Mira's team is hiring accessibility specialists; I said I'd ask."
                ),
                "by_them": True,
            },
        ],
    },
    {
        "key": "chloe",
        "name": "Chloe Martin",
        "title": "Junior Product Designer",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "professional-association",
        "how_met": "UXPA 'Designing for patients' meetup",
        "details": "Bootcamp grad, ex-barista, sharp eye for detail.",
        "tags": ["junior", "mentees"],
        "created_days_ago": 250,
        "interactions": [
            {
                "days_ago": 210,
                "kind": "video",
                "summary": (
                    "Portfolio review; suggested she cut to two projects and go deeper on one."
                ),
            },
            {
                "days_ago": 60,
                "kind": "message",
                "summary": "Told her I'd passed her name to Elena for a junior designer search.",
            },
        ],
        "needs": [
            {
                "text": "A portfolio review before applying to junior roles",
                "created_days_ago": 250,
                "horizon_days": -220,
                "status": "met",
            },
        ],
        "gives": [
            {
                "kind": "advice",
                "text": "Portfolio review: two projects, more process",
                "days_ago": 210,
                "need": 0,
            },
            {
                "kind": "intro",
                "text": "Email intro to Abebe Tesfaye for accessibility mentoring",
                "days_ago": 200,
                "introduced_to": "abebe",
            },
            {
                "kind": "referral",
                "text": "Referred her to Elena Petrova for a junior designer search",
                "days_ago": 60,
            },
        ],
    },
    {
        "key": "ruby",
        "name": "Ruby Jackson",
        "title": "Retired Public Health Nurse",
        "org": "Open Door Food Pantry",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "non-profit",
        "how_met": "Open Door Food Pantry volunteer day",
        "details": (
            "35 years in public health nursing; grew up in Albina. Her grandson Marcus Jr. is "
            "studying graphic design."
        ),
        "tags": ["volunteers", "clinicians"],
        "created_days_ago": 150,
        "interactions": [
            {
                "days_ago": 120,
                "kind": "call",
                "summary": "She called to share her grandson's portfolio link.",
                "by_them": True,
            },
            {
                "days_ago": 60,
                "kind": "message",
                "summary": (
                    "She mailed me a clipping about nurse burnout with 'for your work' on it."
                ),
                "by_them": True,
            },
        ],
    },
    {
        "key": "tomas",
        "name": "Tomás Herrera",
        "title": "Member Support Lead",
        "org": "Bridgetown Benefits",
        "emails": ["tomas.herrera@bridgetown.example"],
        "location": "Salem, OR",
        "ring": 3,
        "channel": "non-profit",
        "how_met": "Open Door Food Pantry volunteer day; we stacked canned beans",
        "details": (
            "Runs Bridgetown's 40-person support team; knows every member complaint by heart."
        ),
        "tags": ["insurance", "health", "target-contacts"],
        "created_days_ago": 150,
        "interactions": [
            {
                "days_ago": 140,
                "kind": "coffee",
                "summary": (
                    "Coffee; the top five reasons members call support are all interface problems."
                ),
            },
            {
                "days_ago": 90,
                "kind": "message",
                "summary": "He sent a screenshot of the screen members call about most.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "gabe",
        "name": "Gabriel Cohen",
        "title": "MPH student",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "non-profit",
        "how_met": "Open Door Food Pantry volunteer day",
        "details": "First-year public health student; curious about design.",
        "tags": ["students", "public-health"],
        "created_days_ago": 150,
        "interactions": [
            {
                "days_ago": 100,
                "kind": "email",
                "summary": "He asked how people get into design in public health.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "linda",
        "name": "Linda Park",
        "title": "Revenue Cycle Analyst",
        "org": "Columbia River Medical Center",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "friends-neighbours",
        "how_met": "Block party on our street",
        "details": "Knows hospital billing inside out. Collects baffling medical bills.",
        "tags": ["neighbours", "health"],
        "created_days_ago": 420,
        "interactions": [
            {
                "days_ago": 300,
                "kind": "message",
                "summary": (
                    "She sent a photo of a baffling hospital bill for my 'bad bills' folder."
                ),
                "by_them": True,
            },
            {
                "days_ago": 140,
                "kind": "coffee",
                "summary": "Porch chat; she explained why patient bills look the way they do.",
            },
        ],
    },
    {
        "key": "stan",
        "name": "Stanisław Kowalski",
        "title": "Retired Machinist",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "friends-neighbours",
        "how_met": "Block party on our street",
        "details": (
            "Goes by Stan. Came from Gdańsk in 1982. Widower; grows enormous dahlias. Recovering "
            "from a hip replacement."
        ),
        "tags": ["neighbours"],
        "created_days_ago": 420,
        "interactions": [
            {
                "days_ago": 410,
                "kind": "message",
                "summary": "He left dahlia tubers on my porch with instructions in block capitals.",
                "by_them": True,
            },
            {
                "days_ago": 200,
                "kind": "meal",
                "summary": (
                    "Brought him soup after his hip surgery; he sent dahlias back the next day."
                ),
            },
        ],
    },
    {
        "key": "deb",
        "name": "Deborah Moss",
        "title": "Parish Administrator",
        "org": "St. Brigid's Episcopal Church",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "place-of-worship",
        "how_met": "St. Brigid's harvest fair; she ran the raffle",
        "tags": ["church"],
        "created_days_ago": 560,
        "interactions": [
            {
                "days_ago": 380,
                "kind": "email",
                "summary": "She sent the old newsletter masthead files.",
                "by_them": True,
            },
            {
                "days_ago": 200,
                "kind": "email",
                "summary": "She asked for the new masthead in a format Word can open.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "paul",
        "name": "Paul Nguyen",
        "title": "IT Systems Analyst",
        "org": "Cascade Clinic Systems",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "place-of-worship",
        "how_met": "St. Brigid's choir, tenor section",
        "details": (
            "Supports Cascade's hospital customers. Sings tenor; brings pho to choir parties."
        ),
        "tags": ["church", "health", "target-contacts"],
        "created_days_ago": 480,
        "interactions": [
            {
                "days_ago": 480,
                "kind": "event",
                "summary": "Choir rehearsal; found out he works at Cascade Clinic Systems.",
            },
            {
                "days_ago": 300,
                "kind": "coffee",
                "summary": (
                    "Coffee after choir; he sketched Cascade's org chart and said Omar is the PM "
                    "to know."
                ),
            },
            {
                "days_ago": 100,
                "kind": "message",
                "summary": "He says the Q1 design hire is real and Sally backs it.",
                "by_them": True,
            },
            {
                "days_ago": 15,
                "kind": "event",
                "summary": "Choir concert; Paul says Sally's team is 'swamped and hiring'.",
            },
        ],
    },
    {
        "key": "sven",
        "name": "Sven Eriksson",
        "title": "Writer, 'Clinical UX' newsletter",
        "urls": ["https://clinicalux.example"],
        "location": "Stockholm, Sweden",
        "ring": 3,
        "channel": "online",
        "how_met": "Replied to his newsletter about alarm fatigue",
        "details": "Writes the best newsletter on clinical UX. Ex-anaesthesia nurse.",
        "tags": ["writers", "health"],
        "created_days_ago": 400,
        "interactions": [
            {
                "days_ago": 400,
                "kind": "email",
                "summary": "Replied to his alarm-fatigue issue; he quoted me in the next one.",
            },
            {
                "days_ago": 180,
                "kind": "email",
                "summary": "He asked for a short case study for the newsletter.",
                "by_them": True,
            },
        ],
        "promises": [
            {
                "direction": "i_owe",
                "text": "Write a 600-word nurse-handoff case study for his newsletter",
                "created_days_ago": 180,
                "due_in_days": -150,
                "done": False,
            },
        ],
    },
    {
        "key": "leila",
        "name": "Leila Farahani",
        "title": "Talent Partner, Design",
        "org": "Rosehill Digital Therapeutics",
        "emails": ["leila.farahani@rosehill.example"],
        "location": "Denver, CO",
        "ring": 3,
        "channel": "online",
        "how_met": "LinkedIn; she reached out about the design lead role",
        "details": "Iranian-American; runs Rosehill's design hiring remotely.",
        "tags": ["recruiters", "target-contacts"],
        "created_days_ago": 30,
        "interactions": [
            {
                "days_ago": 30,
                "kind": "message",
                "summary": (
                    "LinkedIn: she reached out about the design lead role after Elena's submission."
                ),
                "by_them": True,
            },
            {
                "days_ago": 12,
                "kind": "call",
                "summary": "Scheduling call for the first round with Keiko.",
                "by_them": True,
            },
        ],
        "promises": [
            {
                "direction": "they_owe",
                "text": "Send the round-two take-home brief",
                "created_days_ago": 9,
                "due_in_days": 2,
                "done": False,
            },
        ],
    },
    {
        "key": "wen",
        "name": "Wen Li",
        "title": "Data Visualization Engineer",
        "org": "Halyard Analytics",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "online",
        "how_met": "Health-tech designers Slack",
        "details": "Kwame's first hire; cares deeply about chart accessibility.",
        "tags": ["engineering", "dataviz"],
        "created_days_ago": 500,
        "interactions": [
            {
                "days_ago": 500,
                "kind": "message",
                "summary": "Slack: swapped tips on accessible colour scales for charts.",
            },
            {
                "days_ago": 95,
                "kind": "video",
                "summary": (
                    "Dashboard handoff session; walked through every state in the Figma file."
                ),
            },
        ],
    },
    {
        "key": "bruno",
        "name": "Bruno Costa",
        "title": "Climbing Gym Manager",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "other",
        "how_met": "Bouldering nights at the climbing gym",
        "details": "From Porto Alegre. Fixes everyone's footwork whether they ask or not.",
        "tags": ["climbing"],
        "created_days_ago": 600,
        "interactions": [
            {
                "days_ago": 600,
                "kind": "event",
                "summary": "Bouldering night; he fixed my terrible footwork.",
            },
            {
                "days_ago": 240,
                "kind": "message",
                "summary": "He asked if I'd design route-grade posters for the gym.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "jake",
        "name": "Jake Whitman",
        "title": "Photographer",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "social-event",
        "how_met": "Rooftop party where I met Zoë; he took the photos",
        "tags": ["photographers", "freelance"],
        "created_days_ago": 690,
        "interactions": [
            {
                "days_ago": 690,
                "kind": "event",
                "summary": "Rooftop party; he was shooting candids for the host.",
            },
            {
                "days_ago": 400,
                "kind": "message",
                "summary": (
                    "He sent a photo from the party and offered to redo my LinkedIn headshot."
                ),
                "by_them": True,
            },
            {
                "days_ago": 110,
                "kind": "event",
                "summary": "He shot new headshots for my portfolio site at Laurelhurst Park.",
            },
            {
                "days_ago": 108,
                "kind": "thank-you",
                "summary": (
                    "Thank-you and a payment for the headshots, which he refused; bought him "
                    "dinner instead."
                ),
            },
        ],
        "gives": [
            {
                "kind": "referral",
                "text": "Referred two friends to him for headshots",
                "days_ago": 90,
            },
        ],
    },
    {
        "key": "erin",
        "name": "Erin Walsh",
        "title": "Marketing Director",
        "org": "Juniper Ridge Foundation",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "work",
        "how_met": "Fernwood client; I designed their annual report",
        "tags": ["non-profit", "former-clients"],
        "created_days_ago": 730,
        "interactions": [
            {
                "days_ago": 730,
                "kind": "video",
                "summary": "Annual report kickoff; she wants fewer photos of handshakes.",
            },
            {
                "days_ago": 640,
                "kind": "email",
                "summary": "The annual report shipped; she forwarded the board's thanks.",
                "by_them": True,
            },
            {
                "days_ago": 220,
                "kind": "message",
                "summary": "She congratulated me on the UXPA talk.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "victor",
        "name": "Victor Chen",
        "title": "VP Marketing",
        "org": "Cedar Mill Insurance Group",
        "location": "Lake Oswego, OR",
        "ring": 3,
        "channel": "work",
        "how_met": "Fernwood client; the Cedar Mill rebrand",
        "tags": ["former-clients", "insurance"],
        "created_days_ago": 712,
        "interactions": [
            {
                "days_ago": 600,
                "kind": "video",
                "summary": "Rebrand review; he pushed for bigger type. A kindred spirit.",
            },
            {
                "days_ago": 300,
                "kind": "email",
                "summary": "He emailed a thank-you when the rebrand won a regional award.",
                "by_them": True,
            },
        ],
        "asks": [
            {
                "text": "Whether Cedar Mill has in-house product design roles",
                "days_ago": 118,
                "status": "withdrawn",
                "target_org": "Cedar Mill Insurance Group",
            },
        ],
    },
    {
        "key": "hugo",
        "name": "Hugo Laurent",
        "title": "Data Scientist",
        "org": "Willamette Care Labs",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "business-event",
        "how_met": "Health-tech demo night, at Willamette Care Labs' table",
        "details": "From Lyon. Builds the blood-pressure alerting model.",
        "tags": ["data-science", "health", "target-contacts"],
        "created_days_ago": 75,
        "interactions": [
            {
                "days_ago": 75,
                "kind": "event",
                "summary": (
                    "Demo night: he explained why their alerts fire too often. Tess says the same "
                    "thing about hers."
                ),
                "event": "demo-night",
            },
            {
                "days_ago": 70,
                "kind": "message",
                "summary": "LinkedIn: asked him for any advice on breaking into health tech.",
            },
        ],
        "asks": [
            {
                "text": "Any advice on breaking into health tech?",
                "days_ago": 70,
                "status": "pending",
            },
        ],
    },
    {
        "key": "beth",
        "name": "Bethany Cole",
        "title": "Director of Patient Experience",
        "org": "Columbia River Medical Center",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "work",
        "how_met": "Chidi's presentation of the nurse feedback themes",
        "tags": ["health", "patient-experience"],
        "created_days_ago": 140,
        "interactions": [
            {
                "days_ago": 140,
                "kind": "video",
                "summary": (
                    "Sat in on Chidi's presentation to her; she asked who made the affinity map."
                ),
            },
            {
                "days_ago": 138,
                "kind": "email",
                "summary": "Sent her a one-page write-up of the method.",
            },
        ],
    },
    {
        "key": "oscar",
        "name": "Óscar Jiménez",
        "title": "Bike Mechanic",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "social-event",
        "how_met": "Drummer in Marcus's band; met at a Reagents gig",
        "introduced_by": "marcus",
        "details": "From Medellín. Tunes my bike, refuses money.",
        "tags": ["music", "friends-of-friends"],
        "created_days_ago": 720,
        "interactions": [
            {
                "days_ago": 600,
                "kind": "event",
                "summary": "His Colombian independence day party; arepas until 2 a.m.",
            },
            {
                "days_ago": 350,
                "kind": "meal",
                "summary": "He fixed my gears and refused payment, so I bought him lunch.",
            },
        ],
    },
    {
        "key": "sione",
        "name": "Sione Taufa",
        "title": "Youth Rugby Coach",
        "location": "Portland, OR",
        "ring": 3,
        "channel": "other",
        "how_met": "Bouldering night; Bruno introduced us",
        "introduced_by": "bruno",
        "details": "Tongan-American; coaches under-14 rugby in Gresham.",
        "tags": ["climbing", "coaches"],
        "created_days_ago": 590,
        "interactions": [
            {
                "days_ago": 590,
                "kind": "event",
                "summary": (
                    "Bouldering with Bruno; Sione flashed a route I'd been stuck on for weeks."
                ),
            },
            {
                "days_ago": 280,
                "kind": "message",
                "summary": "He asked for a flyer for youth rugby sign-ups.",
                "by_them": True,
            },
        ],
    },
    {
        "key": "kateryna",
        "name": "Kateryna Bondarenko",
        "title": "UX Designer",
        "org": "Cascade Clinic Systems",
        "emails": ["kateryna.b@cascadeclinic.example"],
        "location": "Vancouver, WA",
        "ring": 3,
        "channel": "online",
        "how_met": "LinkedIn; Paul said she's the designer on Omar's team",
        "details": "From Lviv; moved in 2022. The only designer on the scheduling team.",
        "tags": ["health", "target-contacts"],
        "created_days_ago": 60,
        "interactions": [
            {
                "days_ago": 60,
                "kind": "message",
                "summary": (
                    "LinkedIn: asked what design at Cascade is like; she replied with a long, "
                    "honest note."
                ),
            },
            {
                "days_ago": 25,
                "kind": "video",
                "summary": (
                    "Call; the scheduling team needs someone who can run front-desk research."
                ),
            },
        ],
    },
    # On file, never met: people reached through others (the warm-path demo).
    {
        "key": "hannah",
        "name": "Hannah Ortiz",
        "title": "Chief Experience Officer",
        "org": "Evergreen Health Partners",
        "location": "Portland, OR",
        "ring": 3,
        "how_met": "Not met yet: Lena and Priya both know her",
        "tags": ["health", "target-contacts"],
        "created_days_ago": 45,
    },
    {
        "key": "ines",
        "name": "Inês Duarte",
        "title": "Epidemiologist",
        "location": "Seattle, WA",
        "ring": 3,
        "how_met": "Not met yet: Kwame's classmate from grad school",
        "created_days_ago": 45,
    },
    {
        "key": "marco",
        "name": "Marco Bianchi",
        "title": "Chief Operating Officer",
        "org": "Summit Telehealth",
        "location": "Seattle, WA",
        "ring": 3,
        "how_met": "Not met yet: Inês works with him",
        "tags": ["health"],
        "created_days_ago": 45,
    },
]

# Who knows whom, besides introductions (``netty knows``): (key, key, how).
KNOWS = [
    ("lena", "hannah", "former colleague"),
    ("priya", "hannah", "friend"),
    ("kwame", "ines", "classmate"),
    ("ines", "marco", "colleague"),
    ("zoe", "mira", "friend"),
    ("walt", "keiko", "acquaintance"),
]

# Organization history (past employers with years): key, organization, first and last year.
AFFILIATIONS = [
    ("hannah", "Fernwood Creative", 2016, 2019),
    ("lena", "Fernwood Creative", 2015, 2018),
]


# Bow and arrow (issue 12): goals, targets with why, this week's networking so far (the
# goals half met), and the strategy page Jordan wrote.

GOALS = {
    "coffees": (2, "week"),
    "pings": (5, "week"),
    "gives": (2, "week"),
    "events": (1, "month"),
    "new-ring3": (2, "month"),
}

TARGET_NOTES = {
    "Northwind Health": "Patient app used by a million people; design reports to the CPO.",
    "Cascade Clinic Systems": "Senior product designer req approved; Omar is on the team.",
    "Willamette Care Labs": "Small team, design lead role in Q1: the most room to shape things.",
    "Rosehill Digital Therapeutics": "Clinician app needs a design lead; consent flows are my thing.",
    "Bridgetown Benefits": "Long shot: another design role may open in spring.",
}

TARGET_PEOPLE = {
    "dana": "Runs design at Northwind Health; the team I most want to join.",
    "jess": "CEO of Willamette Care Labs; hires the design lead herself.",
}

# Logged this week, hours before "now": one coffee of two, three pings of five, one give
# of two.
THIS_WEEK = [
    {"with": "kwame", "kind": "coffee", "hours_ago": 2, "summary": "Coffee at Heart on SE Stark"},
    {"with": "priya", "kind": "message", "hours_ago": 3, "summary": "Sent her the UXPA call"},
    {"with": "samira", "kind": "email", "hours_ago": 4, "summary": "Pantry volunteer rota"},
    {"with": "zoe", "kind": "message", "hours_ago": 5, "summary": "Congrats on the new studio"},
]
THIS_WEEK_GIVES = [
    {
        "to": "kwame",
        "kind": "resource",
        "text": "Sent the small-hospital readmission study he was after",
        "hours_ago": 2,
    },
]

STRATEGY = {
    "now": (
        "Four months out of Fernwood. Freelance (Halyard, Juniper Ridge) covers about half the "
        "bills. Most of my coffees are still with ring 1 and old agency friends."
    ),
    "want": (
        "Senior product designer or design lead at a health-tech company in Portland, by "
        "spring; patient-facing or clinician-facing work."
    ),
    "gap": (
        "I know people at all five targets but only Omar well. No portfolio piece shows "
        "clinical work end to end."
    ),
    "fill": (
        "Two coffees a week, mostly ring 2 and 3. Ask Omar for an intro to Cascade's design "
        "manager. Rotary breakfast monthly, UXPA meetups. Finish the CRMC charting case study."
    ),
    "strengths": "Relationships with past co-workers; consent-flow and accessibility work.",
    "weaknesses": "Shy in big rooms; few people in health care beyond Tess.",
    "opportunities": "Demo nights, UXPA, Rotary guests; Northwind and Willamette hiring in Q1.",
    "threats": "Hiring freezes after the funding dip; designers with clinical degrees.",
}

# Jordan's update letter to friends and neighbours (`L` in the app, `netty update draft`).
UPDATE_TEMPLATE = {
    "subject": "Four months in: an update on my search",
    "where": (
        "Four months after Fernwood let me go, the move into health tech is taking shape: "
        "a first interview last week and a freelance project that pays the bills."
    ),
    "looking_for": ("a product design lead role on a patient-facing app, in Portland or remote"),
    "ask": (
        "if you know anyone at one of these organizations, a short email introduction "
        "would help more than anything"
    ),
    "offer": "a second pair of eyes on anything you are designing, or an intro to someone I know",
    "signature": "Jordan",
}
