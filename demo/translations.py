"""The demo's translations: the home page, the topics overview and the seed page in English and
Arabic (sample translations, labelled "Beispielübersetzung") and in Leichte Sprache (written for
the demo, not checked by a Prüfgruppe).

Each page has its own slug: a translation is a page of its own (one tree per locale), and the
German slugs stay unique in the demo.
"""

SAMPLE_NOTICE = {
    "en": "Beispielübersetzung – a sample translation for the demo. The German page is the "
    "original.",
    "ar": "Beispielübersetzung – ترجمة تجريبية للعرض التوضيحي. الصفحة الألمانية هي الأصل.",
    "de-x-ls": "Beispiel·text: Dieser Text in Leichter Sprache ist ein Beispiel für die Demo. "
    "Eine Prüf·gruppe hat ihn noch nicht geprüft.",
}

# locale: {"home": fields, "themen": fields, "topic": fields}; the topic's "sections" are
# (heading, text) pairs, "more" the call to action's (heading, text, link label).
PAGES = {
    "en": {
        "home": {
            "slug": "home-en",
            "title": "Der Paritätische NRW",
            "intro": "Welcome. Here you find selected information in English about the work "
            "of Der Paritätische NRW, the umbrella association of around 3,200 independent "
            "social welfare organisations in North Rhine-Westphalia.",
        },
        "themen": {
            "slug": "topics",
            "title": "Topics",
            "intro": "The topics Der Paritätische NRW works on.",
        },
        "topic": {
            "slug": "refugee-work",
            "title": "Refugee work",
            "hero_image_alt": "Three young men, one of them laughing into the camera",
            "intro": "For Der Paritätische NRW, people always come first. In its work with "
            "refugees it therefore makes no distinction between refugees with good and poor "
            "prospects of staying. It stands up for human rights, fair asylum procedures, "
            "decent housing, support for people with special protection needs, more "
            "integration services and civic engagement for refugees.",
            "sections": [
                (
                    "Social counselling for refugees",
                    "Many member organisations of Der Paritätische NRW take part in the state "
                    "programme “Social counselling for refugees”. They advise people with "
                    "experience of flight on asylum, residence and social law, and help with "
                    "questions about school, work and health. Psychosocial centres offer "
                    "support to refugees who have been traumatised.",
                ),
                (
                    "Developing services and creating new ones",
                    "The number of counselling centres has grown strongly since 2015. Der "
                    "Paritätische NRW advises its member organisations on developing their "
                    "services and supports the networking, training and guidance of the "
                    "counselling centres.",
                ),
                (
                    "Every field of social work is involved",
                    "Not only organisations working on migration extend their services. Many "
                    "member organisations from every field of social work support refugees "
                    "within their regular services, for example child day care, youth welfare "
                    "and organisations for women and girls.",
                ),
            ],
            "more": (
                "More information",
                "There are brochures to download on many of our topics (in German).",
                "Publications",
            ),
        },
    },
    "ar": {
        "home": {
            "slug": "home-ar",
            "title": "Der Paritätische NRW",
            "intro": "مرحبًا بكم. تجدون هنا معلومات مختارة باللغة العربية عن عمل "
            "Der Paritätische NRW، الاتحاد الذي يضم نحو 3200 منظمة اجتماعية مستقلة في ولاية "
            "شمال الراين-وستفاليا.",
        },
        "themen": {
            "slug": "mawadi",
            "title": "المواضيع",
            "intro": "المواضيع التي يعمل عليها Der Paritätische NRW.",
        },
        "topic": {
            "slug": "al-amal-maa-al-lajiin",
            "title": "العمل مع اللاجئين",
            "hero_image_alt": "ثلاثة شبان، أحدهم يضحك وينظر إلى الكاميرا",
            "intro": "يضع Der Paritätische NRW الإنسان دائمًا في المركز. لذلك لا يفرّق في عمله "
            "مع اللاجئين بين من لديهم فرص جيدة أو ضعيفة للبقاء. وهو يدافع عن حقوق الإنسان، "
            "وعن إجراءات لجوء عادلة، وسكن كريم، ودعم الأشخاص ذوي احتياجات الحماية الخاصة.",
            "sections": [
                (
                    "الاستشارة الاجتماعية للاجئين",
                    "تقدّم كثير من المنظمات الأعضاء الاستشارة للأشخاص الذين لديهم تجربة لجوء "
                    "في أماكن إقامتهم: حول قانون اللجوء والإقامة والقانون الاجتماعي، وحول "
                    "الأسئلة المتعلقة بالمدرسة والعمل والصحة.",
                ),
                (
                    "تطوير العروض وإنشاء عروض جديدة",
                    "ازداد عدد مراكز الاستشارة كثيرًا منذ عام 2015. ويقدّم Der Paritätische "
                    "NRW المشورة لمنظماته الأعضاء في تطوير خدماتها، ويدعم التواصل بين مراكز "
                    "الاستشارة وتدريبها.",
                ),
                (
                    "جميع مجالات العمل الاجتماعي معنية",
                    "لا تقتصر هذه العروض على منظمات العمل مع المهاجرين. فكثير من المنظمات "
                    "الأعضاء في جميع مجالات العمل الاجتماعي وسّعت عروضها لتدعم اللاجئين بشكل "
                    "أفضل، مثل رياض الأطفال ومنظمات النساء والفتيات.",
                ),
            ],
            "more": (
                "مزيد من المعلومات",
                "تتوفر كتيبات للتحميل حول كثير من مواضيعنا (باللغة الألمانية).",
                "المنشورات",
            ),
        },
    },
    "de-x-ls": {
        "home": {
            "slug": "home-leichte-sprache",
            "title": "Der Paritätische NRW in Leichter Sprache",
            "intro": "Hier finden Sie Infos in Leichter Sprache. Leichte Sprache ist einfaches "
            "Deutsch. Die Sätze sind kurz. Der Paritätische NRW ist ein Verband. In dem "
            "Verband sind viele Vereine. Die Vereine helfen Menschen.",
        },
        "themen": {
            "slug": "themen-leichte-sprache",
            "title": "Themen",
            "intro": "Hier finden Sie unsere Themen.",
        },
        "topic": {
            "slug": "hilfe-fuer-fluechtlinge",
            "title": "Hilfe für Flüchtlinge",
            "hero_image_alt": "Drei junge Männer. Einer lacht.",
            "intro": "Flüchtlinge sind Menschen. Sie mussten aus ihrem Land fliehen. Zum "
            "Beispiel wegen Krieg. Der Paritätische NRW hilft Flüchtlingen. Alle Flüchtlinge "
            "sollen Hilfe bekommen.",
            "sections": [
                (
                    "Beratung für Flüchtlinge",
                    "Beratung bedeutet: Jemand hilft Ihnen bei Ihren Fragen. Viele Vereine "
                    "beraten Flüchtlinge. Zum Beispiel bei Fragen zum Asyl. Asyl bedeutet: "
                    "Schutz in einem anderen Land. Die Beratung ist in Ihrer Nähe.",
                ),
                (
                    "Gute Hilfe für Flüchtlinge",
                    "Es gibt heute mehr Beratungs·stellen als früher. Der Paritätische hilft "
                    "den Vereinen. Die Vereine sollen gut beraten. Flüchtlinge sollen Arbeit "
                    "finden. Und sie sollen überall mit·machen können.",
                ),
                (
                    "Viele Vereine helfen",
                    "Viele Vereine helfen Flüchtlingen. Zum Beispiel Kinder·gärten. Oder "
                    "Vereine für Frauen und Mädchen.",
                ),
            ],
            "more": (
                "Mehr Infos",
                "Es gibt Hefte zum Herunter·laden. Die Hefte sind nicht in Leichter Sprache.",
                "Hefte",
            ),
        },
    },
}

# The seed page's Fachbereich, Fachgruppe and contact persons' function (their German text in
# demo/content.py) in English and Arabic: sample translations, so marked in each entry's
# internal note (shown to editors only). Leichte Sprache has none: its pages show the German
# text, marked lang="de" (the documented fallback).
SNIPPET_NOTE = "Beispielübersetzung für die Demo"
FACHBEREICH = {
    "en": {"name": "Migration and refugee work"},
    "ar": {"name": "الهجرة والعمل مع اللاجئين"},
}
FACHGRUPPE = {
    "en": {"name": "Migration, women, psychosocial counselling and LGBT*"},
    "ar": {"name": "الهجرة والنساء والإرشاد النفسي الاجتماعي ومجتمع الميم*"},
}
ROLE = {
    "en": {"role": "Policy officer for migration and refugee work"},
    "ar": {"role": "مسؤولة الشؤون المتخصصة في الهجرة والعمل مع اللاجئين"},
}
