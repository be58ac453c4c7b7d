"""Places where sources disagree: a country, region or city that no other source names at all,
in a sentence whose counterpart in another source names a different place.

A place only one source mentions is usually just extra detail; it becomes suspect when the same
statement, as another source reports it, is about somewhere else. The gazetteer is a general list
of countries, continents and large cities, not the places of any one story.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.suggest.text import Token, stem, tokenize

_NAMES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil
Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Congo Croatia Cuba
Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji
Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti
Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan
Kazakhstan Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya
Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia
Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama
Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia
Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria
Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine
Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales
Europe Asia Africa America Americas Oceania Antarctica Arctic Balkans Caucasus Scandinavia
Crimea Donbas Siberia Kashmir Tibet Gaza Sahara
Geneva Brussels Vienna Paris London Berlin Moscow Kyiv Kiev Washington Beijing Tokyo Delhi Rome
Madrid Lisbon Warsaw Prague Budapest Bucharest Sofia Athens Ankara Istanbul Tehran Baghdad
Damascus Beirut Jerusalem Cairo Riyadh Dubai Doha Kabul Islamabad Karachi Mumbai Dhaka Bangkok
Hanoi Manila Jakarta Seoul Pyongyang Shanghai Sydney Melbourne Toronto Ottawa Montreal Chicago
Boston Houston Miami Atlanta Seattle Denver Dallas Phoenix Detroit Nairobi Lagos Johannesburg
Minsk Tbilisi Yerevan Baku Astana Almaty Helsinki Stockholm Oslo Copenhagen Amsterdam Dublin
Edinburgh Zurich Munich Hamburg Milan Naples Barcelona Vienna Caracas Havana Lima Bogota Santiago
Quito
"""
PLACES = frozenset(w.lower() for w in _NAMES.split())


def places(text: str, tokens: Sequence[Token] | None = None) -> dict[str, tuple[int, int]]:
    """Gazetteer places named in `text` (capitalised), with the offsets of their first mention."""
    toks = tokens if tokens is not None else tokenize(text)
    found: dict[str, tuple[int, int]] = {}
    for t in toks:
        if t.text[:1].isupper() and t.lower in PLACES and t.lower not in found:
            found[t.lower] = (t.start, t.end)
    return found


def mentioned_stems(text: str) -> set[str]:
    """Stems of every capitalised word: "Chinese" counts as a mention of China."""
    return {stem(t.text) for t in tokenize(text) if t.text[:1].isupper()}
