"""Static data of the demo chain: its locations and the word lists its catalogue is built from.

Kept apart from :mod:`seed` so that the generator reads as logic. Coordinates are those of
the real shopping streets named; brands and the chain itself are made up.
"""

from __future__ import annotations

from dataclasses import dataclass

CHAIN_NAME = "Lindenhof"
"""The demo chain's (fictional) name."""


@dataclass(frozen=True, slots=True)
class Location:
    """A store or DC of the demo chain, and how to make postal codes of its neighbourhood."""

    code: str
    city: str
    city_en: str
    street: str
    postal_code: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    locale: str
    postcodes: tuple[int, int]
    """Range of local postal-code numbers (NL: the 4 digits; BE and DE: the whole code)."""
    kind: str = "store"


_NL = "Europe/Amsterdam"
_BE = "Europe/Brussels"
_DE = "Europe/Berlin"

#: Stores in the order sizes take them: small uses the first 8, medium 12, large all 16.
STORES: tuple[Location, ...] = (
    Location(
        "AMS1", "Amsterdam", "Amsterdam", "Kalverstraat 152", "1012 XE", "NL",
        52.36951, 4.89093, _NL, "nl_NL", (1011, 1109),
    ),
    Location(
        "RTM1", "Rotterdam", "Rotterdam", "Lijnbaan 75", "3012 EN", "NL",
        51.92038, 4.47548, _NL, "nl_NL", (3011, 3089),
    ),
    Location(
        "UTR1", "Utrecht", "Utrecht", "Oudegracht 170", "3511 AZ", "NL",
        52.08952, 5.11960, _NL, "nl_NL", (3511, 3585),
    ),
    Location(
        "DHG1", "Den Haag", "The Hague", "Grote Marktstraat 42", "2511 BJ", "NL",
        52.07581, 4.31075, _NL, "nl_NL", (2491, 2597),
    ),
    Location(
        "EHV1", "Eindhoven", "Eindhoven", "Demer 21", "5611 AS", "NL",
        51.43897, 5.47828, _NL, "nl_NL", (5611, 5658),
    ),
    Location(
        "ANR1", "Antwerpen", "Antwerp", "Meir 78", "2000", "BE",
        51.21776, 4.40921, _BE, "nl_BE", (2000, 2660),
    ),
    Location(
        "BRU1", "Bruxelles", "Brussels", "Rue Neuve 111", "1000", "BE",
        50.85213, 4.35631, _BE, "fr_BE", (1000, 1210),
    ),
    Location(
        "CGN1", "Köln", "Cologne", "Schildergasse 65", "50667", "DE",
        50.93618, 6.95301, _DE, "de_DE", (50667, 51149),
    ),
    Location(
        "HLM1", "Haarlem", "Haarlem", "Grote Houtstraat 95", "2011 SH", "NL",
        52.37990, 4.63400, _NL, "nl_NL", (2011, 2037),
    ),
    Location(
        "GRQ1", "Groningen", "Groningen", "Herestraat 60", "9711 LN", "NL",
        53.21605, 6.56805, _NL, "nl_NL", (9711, 9747),
    ),
    Location(
        "GNT1", "Gent", "Ghent", "Veldstraat 52", "9000", "BE",
        51.05198, 3.72253, _BE, "nl_BE", (9000, 9052),
    ),
    Location(
        "DUS1", "Düsseldorf", "Düsseldorf", "Schadowstraat 45", "40212", "DE",
        51.22652, 6.78400, _DE, "de_DE", (40210, 40629),
    ),
    Location(
        "MST1", "Maastricht", "Maastricht", "Grote Staat 34", "6211 CW", "NL",
        50.84947, 5.69206, _NL, "nl_NL", (6211, 6229),
    ),
    Location(
        "NIJ1", "Nijmegen", "Nijmegen", "Broerstraat 40", "6511 KN", "NL",
        51.84648, 5.86305, _NL, "nl_NL", (6511, 6546),
    ),
    Location(
        "BRD1", "Breda", "Breda", "Ginnekenstraat 30", "4811 JH", "NL",
        51.58700, 4.77700, _NL, "nl_NL", (4811, 4839),
    ),
    Location(
        "LGG1", "Liège", "Liège", "Rue Pont d'Avroy 30", "4000", "BE",
        50.64050, 5.57000, _BE, "fr_BE", (4000, 4032),
    ),
)  # fmt: skip

#: The distribution centre, on the Vossenberg business park west of Tilburg.
DC = Location(
    "TLBDC", "Tilburg", "Tilburg", "Kraaivenstraat 36", "5048 AB", "NL",
    51.58430, 5.02150, _NL, "nl_NL", (5011, 5049), kind="dc",
)  # fmt: skip

STORE_COUNT = {"small": 8, "medium": 12, "large": 16}
"""How many stores each demo size has (plus the DC)."""

CATALOGUE_SIZE = {"small": 2_000, "medium": 30_000, "large": 500_000}
"""How many SKUs each demo size has."""

ORDER_COUNT = {"small": 110, "medium": 260, "large": 500}
"""How many random orders each demo size places (on top of the ones covering every state)."""

#: Opening hours by country: Dutch shops open late on Monday and have a late Thursday,
#: Belgian and German ones close on Sunday.
OPENING_HOURS: dict[str, dict[str, list[str] | None]] = {
    "NL": {
        "mon": ["12:00", "18:00"],
        "tue": ["09:30", "18:00"],
        "wed": ["09:30", "18:00"],
        "thu": ["09:30", "21:00"],
        "fri": ["09:30", "18:00"],
        "sat": ["09:30", "17:30"],
        "sun": ["12:00", "17:00"],
    },
    "BE": {
        "mon": ["10:00", "18:30"],
        "tue": ["10:00", "18:30"],
        "wed": ["10:00", "18:30"],
        "thu": ["10:00", "18:30"],
        "fri": ["10:00", "19:00"],
        "sat": ["10:00", "19:00"],
        "sun": None,
    },
    "DE": {
        "mon": ["10:00", "20:00"],
        "tue": ["10:00", "20:00"],
        "wed": ["10:00", "20:00"],
        "thu": ["10:00", "20:00"],
        "fri": ["10:00", "20:00"],
        "sat": ["10:00", "20:00"],
        "sun": None,
    },
    "DC": {
        "mon": ["06:00", "22:00"],
        "tue": ["06:00", "22:00"],
        "wed": ["06:00", "22:00"],
        "thu": ["06:00", "22:00"],
        "fri": ["06:00", "22:00"],
        "sat": ["07:00", "15:00"],
        "sun": None,
    },
}

# --- the catalogue -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Brand:
    """A (made-up) brand and the 7-digit GS1 company prefix its barcodes start with."""

    name: str
    prefix: str


@dataclass(frozen=True, slots=True)
class Department:
    """A department: its share of the catalogue and the words its products are made of."""

    name: str
    code: str
    share: float
    brands: tuple[Brand, ...]
    adjectives: tuple[str, ...]
    nouns: tuple[tuple[str, float], ...]
    """Product types with their typical price in euros."""
    colours: tuple[str, ...]
    colour_label: str
    sizes: tuple[str, ...]
    size_label: str
    materials: tuple[str, ...]
    variants: tuple[int, int]
    """How many SKUs (colour/size variants) one style has, at least and at most."""
    gtin8_share: float = 0.0
    """Share of SKUs that also carry a GTIN-8 (small packs)."""


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


def _priced(text: str) -> tuple[tuple[str, float], ...]:
    """``"T-Shirt 19.99; Hoodie 49.99"`` as ``(("T-Shirt", 19.99), ("Hoodie", 49.99))``."""
    out = []
    for item in text.split(";"):
        name, price = item.strip().rsplit(" ", 1)
        out.append((name, float(price)))
    return tuple(out)


def _brands(text: str) -> tuple[Brand, ...]:
    """``"Nordvik 8712401; Maren & Co 8712402"`` as brands with their company prefixes."""
    return tuple(Brand(*item.strip().rsplit(" ", 1)) for item in text.split(";"))


COLOURS = _words(
    "Black, White, Navy, Grey, Beige, Olive, Burgundy, Sand, Forest Green, Sky Blue, Red, "
    "Pink, Mustard, Charcoal, Ivory, Terracotta"
)

DEPARTMENTS: tuple[Department, ...] = (
    Department(
        name="Apparel",
        code="AP",
        share=0.22,
        brands=_brands(
            "Nordvik 8712401; Maren & Co 8712402; Urban Tide 5412403; Blauwe Reiger 8712404; "
            "Kieler Leinen 4012405; Dune Coast 8712406; Atelier Sève 5412407; Hafenwerk 4012408"
        ),
        adjectives=_words(
            "Classic, Slim-Fit, Relaxed, Organic, Oversized, Essential, Cropped, Stretch, "
            "Lightweight, Quilted, Vintage, Ribbed, Linen-Blend, Recycled"
        ),
        nouns=_priced(
            "T-Shirt 19.99; Polo Shirt 34.99; Hoodie 49.99; Sweater 59.99; Cardigan 59.99; "
            "Jeans 69.99; Chinos 54.99; Shorts 29.99; Dress 64.99; Skirt 39.99; Blouse 39.99; "
            "Jacket 99; Parka 169; Raincoat 119; Blazer 129; Leggings 24.99; Pyjamas 34.99; "
            "Scarf 24.99; Beanie 17.99; Socks 5-Pack 14.99"
        ),
        colours=COLOURS,
        colour_label="colour",
        sizes=_words("XS, S, M, L, XL, XXL"),
        size_label="size",
        materials=_words(
            "cotton, organic cotton, linen, wool, merino wool, polyester, recycled polyester, "
            "viscose, denim"
        ),
        variants=(4, 12),
    ),
    Department(
        name="Footwear",
        code="FW",
        share=0.08,
        brands=_brands(
            "Stapvast 8712411; Trailmark 5012412; Schuhhaus Berg 4012413; Pas de Deux 5412414; "
            "Klompwerk 8712415"
        ),
        adjectives=_words(
            "Leather, Suede, Waterproof, Cushioned, Lightweight, Classic, Retro, Trail, Vegan, "
            "Low-Top, High-Top"
        ),
        nouns=_priced(
            "Sneakers 89.99; Running Shoes 119; Chelsea Boots 139; Hiking Boots 159; Loafers 99; "
            "Sandals 49.99; Slippers 24.99; Ankle Boots 129; Trainers 79.99; Espadrilles 39.99; "
            "Brogues 119; Rain Boots 44.99"
        ),
        colours=COLOURS[:10],
        colour_label="colour",
        sizes=tuple(f"EU {n}" for n in range(36, 47)),
        size_label="size",
        materials=_words("leather, suede, canvas, mesh, rubber, synthetic"),
        variants=(3, 10),
    ),
    Department(
        name="Home",
        code="HM",
        share=0.12,
        brands=_brands(
            "Huiskamer 8712421; Wohnlicht 4012422; Maison Lin 5412423; Stille Haven 8712424; "
            "Fjordhus 5712425"
        ),
        adjectives=_words(
            "Woven, Velvet, Minimalist, Scandinavian, Rustic, Ceramic, Glass, Linen, Chunky Knit, "
            "Marble-Look, Rattan"
        ),
        nouns=_priced(
            "Cushion Cover 14.99; Throw Blanket 39.99; Duvet Cover Set 59.99; Bath Towel 17.99; "
            "Hand Towel 8.99; Table Lamp 49.99; Floor Lamp 129; Vase 24.99; Photo Frame 12.99; "
            "Wall Mirror 79.99; Storage Basket 19.99; Scented Candle 12.99; Rug 149; "
            "Curtain Panel 34.99; Doormat 19.99; Wall Clock 29.99"
        ),
        colours=COLOURS,
        colour_label="colour",
        sizes=_words("Small, Medium, Large, 40x40 cm, 50x70 cm, 140x200 cm, 160x230 cm"),
        size_label="dimensions",
        materials=_words(
            "cotton, linen, velvet, wool, ceramic, glass, rattan, jute, stoneware, metal, oak"
        ),
        variants=(1, 4),
    ),
    Department(
        name="Kitchen",
        code="KT",
        share=0.10,
        brands=_brands(
            "Kookgoed 8712431; Küchenmeister 4012432; La Table 5412433; Ijzersterk 8712434; "
            "Copperfield 5012435"
        ),
        adjectives=_words(
            "Non-Stick, Stainless, Cast-Iron, Enamelled, Bamboo, Copper, Induction-Ready, "
            "Stackable, Professional, Everyday"
        ),
        nouns=_priced(
            "Frying Pan 39.99; Saucepan 34.99; Stockpot 54.99; Chef's Knife 49.99; "
            "Cutting Board 19.99; Mixing Bowl Set 24.99; Kettle 44.99; Coffee Press 29.99; "
            "Espresso Maker 39.99; Dinner Plate Set 39.99; Mug Set 19.99; Storage Jar 7.99; "
            "Baking Tray 14.99; Salad Spinner 19.99; Wine Glasses 24.99; Toaster 49.99; "
            "Blender 79.99"
        ),
        colours=_words("Black, White, Grey, Red, Sage, Cream, Copper"),
        colour_label="colour",
        sizes=_words("20 cm, 24 cm, 28 cm, 1.5 L, 2 L, Set of 4, Set of 6"),
        size_label="size",
        materials=_words(
            "stainless steel, cast iron, aluminium, bamboo, porcelain, stoneware, "
            "borosilicate glass, copper"
        ),
        variants=(1, 4),
        gtin8_share=0.08,
    ),
    Department(
        name="Electronics",
        code="EL",
        share=0.08,
        brands=_brands(
            "Voltaris 8712441; Klangwerk 4012442; Lumio 5412443; Pixelhaven 8712444; "
            "Nordlys Audio 5712445; Fonix 4012446"
        ),
        adjectives=_words(
            "Noise-Cancelling, Compact, Portable, Smart, Ultra-Slim, Pro, Mini, Max, Wireless, "
            "Rugged"
        ),
        nouns=_priced(
            "Wireless Earbuds 89.99; Over-Ear Headphones 199; Bluetooth Speaker 79.99; "
            "Smartwatch 249; Fitness Tracker 99; Power Bank 29.99; USB-C Charger 24.99; "
            "Tablet 449; E-Reader 149; Action Camera 299; Smart Plug 14.99; Soundbar 299; "
            "Laptop 999; Monitor 279; Keyboard 69.99; Mouse 34.99; Webcam 69.99; "
            "Electric Toothbrush 79.99; Hair Dryer 59.99"
        ),
        colours=_words("Black, White, Silver, Graphite, Midnight Blue, Rose Gold"),
        colour_label="colour",
        sizes=_words("32 GB, 64 GB, 128 GB, 256 GB, 512 GB, 1 TB"),
        size_label="capacity",
        materials=_words("aluminium, plastic, glass, recycled plastic"),
        variants=(1, 3),
    ),
    Department(
        name="Toys",
        code="TY",
        share=0.08,
        brands=_brands(
            "Speelkwartier 8712451; Kleine Welt 4012452; Petit Génie 5412453; Blokkenbos 8712454"
        ),
        adjectives=_words(
            "Deluxe, Mini, Giant, Wooden, Educational, Classic, Glow-in-the-Dark, Magnetic"
        ),
        nouns=_priced(
            "Building Blocks Set 49.99; Plush Bear 19.99; 1000-Piece Puzzle 17.99; "
            "Board Game 34.99; Wooden Train Set 59.99; Doll 24.99; Remote-Control Car 44.99; "
            "Kite 19.99; Craft Kit 14.99; Marble Run 39.99; Play Kitchen 99; Card Game 9.99"
        ),
        colours=_words("Red, Blue, Yellow, Green, Pink, Multicolour"),
        colour_label="colour",
        sizes=_words("3+, 4+, 6+, 8+, 10+, 12+"),
        size_label="age",
        materials=_words("wood, plastic, cardboard, plush"),
        variants=(1, 3),
    ),
    Department(
        name="Beauty",
        code="BT",
        share=0.10,
        brands=_brands(
            "Zeelicht 8712461; Blütezeit 4012462; Belle Saison 5412463; Duinroos 8712464; "
            "Aloë Pure 5412465"
        ),
        adjectives=_words(
            "Hydrating, Repairing, Sensitive, Fragrance-Free, Vitamin C, Argan Oil, Aloe Vera, "
            "Volumising, Nourishing, Organic"
        ),
        nouns=_priced(
            "Shampoo 6.99; Conditioner 6.99; Shower Gel 4.49; Hand Cream 5.99; Face Serum 24.99; "
            "Day Cream 19.99; Night Cream 21.99; Lip Balm 3.49; Body Lotion 8.99; "
            "Eau de Toilette 44.99; Mascara 12.99; Sunscreen SPF 30 11.99; "
            "Sunscreen SPF 50 13.99; Face Mask 7.99; Deodorant 4.99"
        ),
        colours=_words("Unscented, Citrus, Lavender, Rose, Cedar, Coconut"),
        colour_label="scent",
        sizes=_words("15 ml, 30 ml, 50 ml, 100 ml, 250 ml, 400 ml"),
        size_label="volume",
        materials=_words("glass bottle, recycled plastic bottle, tube, aluminium can"),
        variants=(1, 3),
        gtin8_share=0.25,
    ),
    Department(
        name="Sports",
        code="SP",
        share=0.08,
        brands=_brands(
            "Sprintveld 8712471; Gipfelwerk 4012472; Élan Sport 5412473; Polderfit 8712474"
        ),
        adjectives=_words(
            "Pro, Training, Lightweight, Non-Slip, Adjustable, Insulated, Reflective, Competition"
        ),
        nouns=_priced(
            "Yoga Mat 29.99; Dumbbell Set 49.99; Resistance Bands 19.99; Running Jacket 79.99; "
            "Cycling Gloves 24.99; Water Bottle 14.99; Football 24.99; Basketball 29.99; "
            "Tennis Racket 89.99; Swim Goggles 14.99; Sports Bag 39.99; Foam Roller 24.99; "
            "Jump Rope 9.99; Kettlebell 34.99"
        ),
        colours=COLOURS[:12],
        colour_label="colour",
        sizes=_words("S, M, L, XL"),
        size_label="size",
        materials=_words("rubber, neoprene, polyester, TPE, cast iron, stainless steel"),
        variants=(1, 5),
    ),
    Department(
        name="Garden",
        code="GD",
        share=0.06,
        brands=_brands(
            "Tuinman 8712481; Gartenfreund 4012482; Jardin Vert 5412483; Groenrijk 8712484"
        ),
        adjectives=_words(
            "Weatherproof, Foldable, Galvanised, Terracotta, Self-Watering, Heavy-Duty, Solar, Teak"
        ),
        nouns=_priced(
            "Garden Hose 29.99; Hose Reel 49.99; Pruning Shears 24.99; Watering Can 14.99; "
            "Plant Pot 12.99; Raised Bed 89.99; Garden Chair 59.99; Parasol 79.99; Lantern 19.99; "
            "Bird Feeder 17.99; Lawn Sprinkler 24.99; Garden Gloves 9.99; Compost Bin 49.99; "
            "Solar Light Set 24.99"
        ),
        colours=_words("Anthracite, Green, Natural, Terracotta, Black, White"),
        colour_label="colour",
        sizes=_words("Small, Medium, Large, Ø 30 cm, Ø 40 cm, Ø 60 cm"),
        size_label="size",
        materials=_words("steel, teak, terracotta, polypropylene, galvanised steel, aluminium"),
        variants=(1, 3),
    ),
    Department(
        name="Books",
        code="BK",
        share=0.08,
        # Books carry ISBN-13s: 978 + a registration group and publisher, as GTIN-13.
        brands=_brands(
            "Uitgeverij Grachtenpers 9789044; Verlag Rheinblick 9783864; "
            "Éditions du Canal 9782875; Harbour Lane Press 9781915"
        ),
        adjectives=_words(
            "Silent, Last, Hidden, Northern, Golden, Lost, Quiet, Distant, Burning, Forgotten, "
            "Long, Small"
        ),
        nouns=_priced(
            "River 19.99; Garden 21.99; Winter 19.99; Harbour 22.50; Lighthouse 18.99; "
            "Secret 17.99; City 24.99; Island 19.99; Memory 22.99; Road 16.99; Storm 19.99; "
            "Orchard 21.50; Letter 18.50; Station 20.99; Forest 19.99; Mirror 23.99"
        ),
        colours=_words("Paperback, Hardcover, Pocket"),
        colour_label="format",
        sizes=_words("Dutch, English, German, French"),
        size_label="language",
        materials=_words("paper"),
        variants=(1, 2),
    ),
)

CARRIERS = ("PostNL", "DHL", "bpost", "DPD", "GLS", "UPS")
"""Parcel carriers for ship-from-store."""

BOXES = (
    ("S", 30, 20, 10),
    ("M", 40, 30, 20),
    ("L", 60, 40, 30),
    ("XL", 80, 60, 40),
)
"""Box types: name, length, width and height in cm."""
