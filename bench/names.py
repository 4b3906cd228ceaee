"""Latvian names for the seeded data set: first names and surnames with both gender forms.

Latvian surnames agree with the bearer's gender: Bērziņš/Bērziņa, Ozols/Ozola,
Jansons/Jansone, Birznieks/Birzniece, Ķuzis/Ķuze; those ending in -a or -e (Liepa, Ābele)
are the same for both.
"""

from __future__ import annotations

MALE_FIRST_NAMES: tuple[str, ...] = (
    "Jānis", "Mārtiņš", "Ēriks", "Ģirts", "Ķirils", "Dāvis", "Rūdolfs", "Andris", "Kārlis",
    "Roberts", "Artūrs", "Emīls", "Markuss", "Ralfs", "Gustavs", "Oskars", "Reinis", "Edgars",
    "Aivars", "Juris", "Guntis", "Raimonds", "Māris", "Uldis", "Valdis", "Pēteris",
    "Krišjānis", "Ričards", "Tomass", "Aleksandrs", "Dmitrijs", "Ints", "Toms", "Miķelis",
    "Gatis", "Kristaps", "Ādams", "Intars", "Ņikita", "Sergejs", "Matīss", "Linards",
)

FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Līga", "Ļena", "Ņina", "Elīza", "Kristīne", "Zane", "Ilze", "Marta", "Emīlija",
    "Sofija", "Katrīna", "Alise", "Paula", "Keita", "Estere", "Megija", "Laura", "Evelīna",
    "Dārta", "Sanita", "Inese", "Baiba", "Gunta", "Dace", "Ieva", "Agnese", "Māra", "Aija",
    "Līva", "Rūta", "Anete", "Ērika", "Ģertrūde", "Kristiāna", "Santa", "Jeļena", "Olga",
    "Madara", "Elza", "Amēlija", "Ilona",
)

# (masculine, feminine)
SURNAMES: tuple[tuple[str, str], ...] = (
    ("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Liepa", "Liepa"),
    ("Krūmiņš", "Krūmiņa"), ("Vītols", "Vītola"), ("Jansons", "Jansone"), ("Ābele", "Ābele"),
    ("Šmits", "Šmite"), ("Žagars", "Žagare"), ("Ķuzis", "Ķuze"), ("Ģērmanis", "Ģērmane"),
    ("Ļaviņš", "Ļaviņa"), ("Ņikitins", "Ņikitina"), ("Kļaviņš", "Kļaviņa"),
    ("Zariņš", "Zariņa"), ("Pētersons", "Pētersone"), ("Balodis", "Balode"),
    ("Eglītis", "Eglīte"), ("Zālītis", "Zālīte"), ("Lācis", "Lāce"), ("Kārkliņš", "Kārkliņa"),
    ("Siliņš", "Siliņa"), ("Ozoliņš", "Ozoliņa"), ("Strazdiņš", "Strazdiņa"),
    ("Vanags", "Vanaga"), ("Zvaigzne", "Zvaigzne"), ("Priede", "Priede"),
    ("Rozenbergs", "Rozenberga"), ("Āboliņš", "Āboliņa"), ("Jēkabsons", "Jēkabsone"),
    ("Grīnbergs", "Grīnberga"), ("Sproģis", "Sproģe"), ("Ziediņš", "Ziediņa"),
    ("Putniņš", "Putniņa"), ("Lapiņš", "Lapiņa"), ("Vilks", "Vilka"), ("Roze", "Roze"),
    ("Birznieks", "Birzniece"), ("Kalējs", "Kalēja"), ("Dūmiņš", "Dūmiņa"),
    ("Skujiņš", "Skujiņa"), ("Čakste", "Čakste"), ("Ivanovs", "Ivanova"),
    ("Petrovs", "Petrova"), ("Kuzņecovs", "Kuzņecova"), ("Vasiļjevs", "Vasiļjeva"),
    ("Šteins", "Šteina"), ("Tīrums", "Tīruma"), ("Auziņš", "Auziņa"), ("Cīrulis", "Cīrule"),
    ("Brūveris", "Brūvere"), ("Mūrnieks", "Mūrniece"), ("Dzenis", "Dzene"),
    ("Ūdris", "Ūdre"), ("Gailis", "Gaile"), ("Vējonis", "Vējone"), ("Ķirsis", "Ķirse"),
    ("Ločmelis", "Ločmele"), ("Lūsis", "Lūse"), ("Ieviņš", "Ieviņa"), ("Šults", "Šulte"),
    ("Čaks", "Čaka"), ("Bite", "Bite"), ("Jurēvičs", "Jurēviča"), ("Sīlis", "Sīle"),
)

EMAIL_DOMAINS: tuple[str, ...] = (
    "inbox.lv", "inbox.lv", "gmail.com", "gmail.com", "gmail.com", "apollo.lv", "outlook.com",
    "mail.com", "tvnet.lv",
)
