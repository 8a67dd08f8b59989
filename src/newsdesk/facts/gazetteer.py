"""A small place gazetteer written from general knowledge: countries, capitals, large cities,
US states and a few regions, plus aliases that name the same place ("U.S." = "United States").

Used to fix the small model's confusions (a city tagged as a person or an organisation) and to
give places one canonical name. Lower-cased keys; ``place_name`` does the lookup.
"""

from __future__ import annotations

_COUNTRIES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia
Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia
Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia
Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos
Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives
Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique
Myanmar Burma Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine
Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles
Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania
Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela
Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales Gaza Crimea Donbas Kashmir Tibet Chechnya
Kurdistan Darfur Catalonia Flanders Europe Asia Africa America Antarctica Oceania Scandinavia Balkans
Caucasus Siberia Arctic Sahel
"""

_MULTI = """
United States|United Kingdom|United Arab Emirates|Saudi Arabia|South Africa|South Korea|North Korea|
New Zealand|Sri Lanka|Costa Rica|El Salvador|Dominican Republic|Czech Republic|Ivory Coast|Sierra Leone|
South Sudan|Burkina Faso|Papua New Guinea|Equatorial Guinea|Cape Verde|East Timor|Trinidad and Tobago|
Central African Republic|Democratic Republic of Congo|Bosnia and Herzegovina|North Macedonia|
West Bank|Gaza Strip|Golan Heights|Hong Kong|Puerto Rico|Northern Ireland|Middle East|Latin America|
South America|North America|Central America|Southeast Asia|Western Europe|Eastern Europe|
New York|New York City|Los Angeles|San Francisco|San Diego|San Antonio|San Jose|Las Vegas|New Orleans|
Salt Lake City|Kansas City|St. Louis|St Louis|Buenos Aires|Rio de Janeiro|Sao Paulo|São Paulo|
Mexico City|Kuala Lumpur|Abu Dhabi|Tel Aviv|Addis Ababa|Dar es Salaam|Cape Town|Ho Chi Minh City|
New Delhi|Phnom Penh|Port-au-Prince|Santo Domingo|Panama City|Guatemala City|Kuwait City|Hong Kong|
Rhode Island|New Hampshire|New Jersey|New Mexico|North Carolina|South Carolina|North Dakota|South Dakota|
West Virginia|Washington D.C.|Washington, D.C.|District of Columbia|British Columbia|Nova Scotia|
Black Sea|Red Sea|Mediterranean Sea|South China Sea|Persian Gulf|Strait of Hormuz|Sea of Azov
"""

_CITIES = """
Kabul Tirana Algiers Luanda Yerevan Canberra Vienna Baku Manama Dhaka Minsk Brussels Sarajevo Brasilia
Sofia Ottawa Santiago Beijing Bogota Zagreb Havana Nicosia Prague Copenhagen Cairo Tallinn Helsinki Paris
Tbilisi Berlin Accra Athens Budapest Reykjavik Jakarta Tehran Baghdad Dublin Jerusalem Rome Tokyo Amman
Astana Nairobi Pristina Bishkek Vientiane Riga Beirut Monrovia Tripoli Vilnius Luxembourg Skopje
Antananarivo Bamako Valletta Nouakchott Chisinau Ulaanbaatar Podgorica Rabat Maputo Naypyidaw Windhoek
Kathmandu Amsterdam Wellington Managua Niamey Abuja Oslo Muscat Islamabad Ramallah Lima Manila Warsaw
Lisbon Doha Bucharest Moscow Kigali Riyadh Dakar Belgrade Freetown Bratislava Ljubljana Mogadishu Pretoria
Seoul Pyongyang Juba Madrid Colombo Khartoum Stockholm Bern Damascus Taipei Dushanbe Dodoma Bangkok Tunis
Ankara Ashgabat Kampala Kyiv Kiev London Washington Montevideo Tashkent Caracas Hanoi Sanaa Lusaka Harare
Quito Lagos Kano Karachi Lahore Mumbai Bombay Delhi Kolkata Chennai Bangalore Bengaluru Hyderabad
Shanghai Guangzhou Shenzhen Wuhan Chongqing Tianjin Chengdu Xinjiang Macau Osaka Kyoto Yokohama Busan
Sydney Melbourne Brisbane Perth Auckland Toronto Montreal Vancouver Calgary Chicago Houston Phoenix
Philadelphia Dallas Austin Boston Seattle Denver Detroit Atlanta Miami Baltimore Minneapolis Cleveland
Pittsburgh Cincinnati Milwaukee Nashville Memphis Portland Sacramento Charlotte Orlando Tampa Manchester
Birmingham Liverpool Leeds Glasgow Edinburgh Cardiff Belfast Bristol Oxford Cambridge Hamburg Munich
Frankfurt Cologne Stuttgart Marseille Lyon Nice Toulouse Bordeaux Strasbourg Geneva Zurich Milan Naples
Turin Venice Florence Barcelona Valencia Seville Porto Rotterdam Antwerp Krakow Gdansk Kharkiv Kharkov
Odesa Odessa Lviv Dnipro Mariupol Kherson Zaporizhzhia Donetsk Luhansk Bakhmut Avdiivka Mykolaiv Sumy
Chernihiv Bucha Irpin Sevastopol Belgorod Kursk Petersburg Novosibirsk Yekaterinburg Kazan Volgograd
Istanbul Izmir Aleppo Homs Idlib Raqqa Mosul Basra Kirkuk Erbil Fallujah Benghazi Misrata Alexandria
Giza Jeddah Mecca Medina Dubai Sharjah Aden Hodeidah Kandahar Herat Mazar Peshawar Quetta Rawalpindi
Chittagong Yangon Rangoon Mandalay Hanoi Saigon Jakarta Surabaya Bali Cebu Davao Johannesburg Durban
Mombasa Kinshasa Goma Khartoum Omdurman Addis Mekelle Asmara Tijuana Guadalajara Monterrey Juarez
Havana Medellin Cali Lima Quito Guayaquil Rosario Cordoba Recife Salvador Brasilia Anchorage Honolulu
Haifa Hebron Nablus Jenin Rafah Khan Yunis Sderot Ashkelon Gaza Tyre Sidon Latakia Tartus Daraa
"""

_US_STATES = """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
Vermont Virginia Washington Wisconsin Wyoming Ontario Quebec Alberta Bavaria Lombardy Sicily Sardinia
Corsica Normandy Brittany Provence Tuscany Andalusia Punjab Sindh Bengal Kerala Gujarat Tamil Bihar
"""

# first names or words that are also place names: a lone one tagged as a person stays a person
AMBIGUOUS = frozenset("jordan chad georgia victoria austin charlotte florence houston salvador "
                      "cali israel nice mali washington lincoln phoenix orlando".split())

# words that name a people, a faith or a party rather than a place (spaCy's NORP): not names we keep
DEMONYMS = frozenset("""
syrian syrians egyptian egyptians american americans british briton britons chinese russian russians ukrainian
ukrainians israeli israelis palestinian palestinians iranian iranians iraqi iraqis afghan afghans pakistani
pakistanis indian indians french german germans italian italians spanish turkish turks kurdish kurds arab arabs
arabic muslim muslims christian christians jewish jews sunni sunnis shiite shiites shia european europeans african
africans asian asians libyan libyans tunisian tunisians saudi saudis lebanese jordanian jordanians yemeni yemenis
sudanese somali somalis nigerian nigerians kenyan kenyans mexican mexicans japanese korean koreans haitian haitians
republican republicans democrat democrats islamist islamists alawite alawites bahraini bahrainis qatari emirati
greek greeks irish scottish welsh english canadian canadians australian australians latino latinos hispanic
brazilian venezuelan cuban cubans colombian filipino vietnamese thai indonesian malaysian bangladeshi nepali
ethiopian eritrean algerian moroccan polish dutch swedish norwegian danish finnish swiss austrian belgian
portuguese romanian hungarian czech serbian croatian bosnian albanian georgian armenian azerbaijani chechen
uzbek kazakh tajik taliban catholic catholics protestant protestants hindu hindus buddhist buddhists
""".split())

# month and weekday names: dates, which the rules read themselves
CALENDAR = frozenset("january february march april june july august september october november december "
                     "monday tuesday wednesday thursday friday saturday sunday".split())

# alias -> canonical place name
_ALIASES = {
    "u.s.": "United States", "us": "United States", "u.s": "United States", "usa": "United States",
    "u.s.a.": "United States", "america": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates",
    "kiev": "Kyiv", "odessa": "Odesa", "kharkov": "Kharkiv", "burma": "Myanmar", "bombay": "Mumbai",
    "rangoon": "Yangon", "saigon": "Ho Chi Minh City", "st louis": "St. Louis", "czech republic": "Czechia",
    "ivory coast": "Ivory Coast", "dprk": "North Korea", "washington, d.c.": "Washington",
    "washington d.c.": "Washington", "district of columbia": "Washington", "new york city": "New York",
    "sao paulo": "São Paulo", "gaza strip": "Gaza", "drc": "Democratic Republic of Congo",
}


def _build() -> dict[str, str]:
    names: dict[str, str] = {}
    for block in (_COUNTRIES, _CITIES, _US_STATES):
        for word in block.split():
            names[word.lower()] = word
    for name in _MULTI.replace("\n", "").split("|"):
        name = name.strip()
        if name:
            names[name.lower()] = name
    for alias, canonical in _ALIASES.items():
        names[alias] = canonical
    return names


class Gazetteer:
    """Place names (lower-cased) -> canonical place name. Create once and pass it on."""

    __slots__ = ("names",)

    def __init__(self, extra: dict[str, str] | None = None) -> None:
        self.names = _build()
        if extra:
            self.names.update({k.lower(): v for k, v in extra.items()})

    def place_name(self, text: str) -> str | None:
        """The canonical place ``text`` names, or None ("Kiev" -> "Kyiv", "U.S." -> "United States")."""
        key = text.strip().lower()
        if key.startswith("the "):
            key = key[4:]
        return self.names.get(key)
