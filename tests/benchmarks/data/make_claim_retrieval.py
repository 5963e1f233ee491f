"""Writes claim_retrieval.json: a self-made claim-retrieval set in English and Spanish.

Not a public benchmark (the CLEF CheckThat! "previously fact-checked claims" data is not
on PyPI). Verified claims are made from 40 hand-written claim patterns, each written once
in English and once in Spanish, filled with invented people, real places, numbers and
years; every verified claim gets 1 to 3 queries written from *other* hand-written
wordings of the same pattern (paraphrases with other words, another word order, and the
other language). 2,000 more claims from the same patterns with other people, places and
numbers are never asked for: they are the near misses a query must not pick.

Patterns with an even number are the development half (the ranking's weights were set on
them), odd ones the held-out half. The Spanish-English lexicon of factcheck/core was
written before this set and was not changed for it.

Run: python tests/benchmarks/data/make_claim_retrieval.py (deterministic: random.Random(42)).
"""

from __future__ import annotations

import json
import pathlib
import random

FIRST = ["Ana", "Luis", "Marta", "Jorge", "Camila", "Andrés", "Lucía", "Felipe", "Rosa", "Diego", "Paula", "Hernán",
         "Valeria", "Tomás", "Inés", "Ricardo", "Daniela", "Mauricio", "Carolina", "Esteban"]
LAST = ["Restrepo", "Ocampo", "Villalba", "Quintero", "Salazar", "Arboleda", "Mejía", "Cifuentes", "Bustamante",
        "Londoño", "Zamora", "Echeverri", "Galindo", "Ibarra", "Montoya", "Palacios", "Rincón", "Urrutia", "Vargas",
        "Zuluaga", "Benítez", "Cárdenas", "Duarte", "Figueroa", "Guevara"]
# (English, Spanish masculine, Spanish feminine)
ROLES = [("Senator", "el senador", "la senadora"), ("Mayor", "el alcalde", "la alcaldesa"),
         ("Governor", "el gobernador", "la gobernadora"), ("Minister", "el ministro", "la ministra"),
         ("Congressman", "el representante", "la representante"), ("candidate", "el candidato", "la candidata")]
FEMALE = {"Ana", "Marta", "Camila", "Lucía", "Rosa", "Paula", "Valeria", "Inés", "Daniela", "Carolina"}
PLACES = [("Bogotá", "Bogotá"), ("Medellín", "Medellín"), ("Cali", "Cali"), ("Lima", "Lima"), ("Quito", "Quito"),
          ("Caracas", "Caracas"), ("Mexico City", "Ciudad de México"), ("Buenos Aires", "Buenos Aires"),
          ("Santiago", "Santiago"), ("Madrid", "Madrid"), ("Barranquilla", "Barranquilla"),
          ("Cartagena", "Cartagena"), ("Monterrey", "Monterrey"), ("Guadalajara", "Guadalajara"),
          ("Montevideo", "Montevideo"), ("La Paz", "La Paz"), ("Asunción", "Asunción"), ("Panama", "Panamá"),
          ("Spain", "España"), ("Colombia", "Colombia"), ("Peru", "Perú"), ("Mexico", "México"),
          ("Chile", "Chile"), ("Argentina", "Argentina"), ("Ecuador", "Ecuador"), ("Venezuela", "Venezuela")]

# Each pattern: the verified claim in English and Spanish, then query wordings (other
# words, order, the other language). {who} is a person, {surname} their surname, {place}
# a place, {n} a number, {year} a year.
PATTERNS = [
    {"en": "{who} said unemployment in {place} fell to {n}% in {year}.",
     "es": "{who} dijo que el desempleo en {place} bajó al {n}% en {year}.",
     "q_en": ["The jobless rate in {place} dropped to {n} percent in {year}, according to {surname}.",
              "{surname}: {place} unemployment down to {n}% in {year}"],
     "q_es": ["Según {surname}, la tasa de paro en {place} cayó al {n} por ciento en {year}.",
              "¿Bajó el desempleo de {place} al {n}% en {year}?"]},
    {"en": "{who} claimed that COVID-19 vaccines cause infertility in women.",
     "es": "{who} afirmó que las vacunas contra el COVID-19 causan infertilidad en las mujeres.",
     "q_en": ["Covid jabs make women infertile, says {surname}", "Do coronavirus vaccines leave women sterile?"],
     "q_es": ["Las vacunas del coronavirus dejan estériles a las mujeres, según {surname}",
              "{surname} asegura que vacunarse contra el covid provoca infertilidad femenina"]},
    {"en": "Homicides in {place} rose by {n}% under {who}.",
     "es": "Los homicidios en {place} aumentaron un {n}% bajo {who}.",
     "q_en": ["Murders went up {n} percent in {place} while {surname} was in charge",
              "{place} saw a {n}% increase in killings under {surname}"],
     "q_es": ["Con {surname}, los asesinatos en {place} subieron un {n} por ciento",
              "Aumento del {n}% de homicidios en {place} durante la gestión de {surname}"]},
    {"en": "{who} said {place} has the highest inflation in the region, at {n}%.",
     "es": "{who} dijo que {place} tiene la inflación más alta de la región, con {n}%.",
     "q_en": ["{place} has the region's worst inflation rate ({n}%), {surname} claims",
              "Is inflation in {place} the highest in the region at {n} percent?"],
     "q_es": ["Según {surname}, ningún país de la región tiene más inflación que {place}: {n}%",
              "La inflación de {place}, la más alta de la región con un {n} por ciento"]},
    {"en": "{who} claimed the government allowed drug cartels to flourish in {place}.",
     "es": "{who} afirmó que el gobierno permitió que los carteles de la droga florecieran en {place}.",
     "q_en": ["Under this government the cartels have thrived in {place}, says {surname}",
              "Drug trafficking gangs flourished in {place} because the government let them"],
     "q_es": ["{surname}: el gobierno dejó que los carteles prosperaran en {place}",
              "Los narcos florecieron en {place} con el permiso del gobierno, según {surname}"]},
    {"en": "{who} said {n} children died of hunger in {place} in {year}.",
     "es": "{who} dijo que {n} niños murieron de hambre en {place} en {year}.",
     "q_en": ["In {year}, {n} kids starved to death in {place}, according to {surname}",
              "{n} child deaths from malnutrition in {place} in {year}?"],
     "q_es": ["Según {surname}, en {year} murieron {n} menores por desnutrición en {place}",
              "¿Murieron de hambre {n} niños en {place} durante {year}?"]},
    {"en": "The minimum wage in {place} is the lowest in Latin America, {who} said.",
     "es": "El salario mínimo de {place} es el más bajo de América Latina, dijo {who}.",
     "q_en": ["{surname}: {place} pays the lowest minimum wage in Latin America",
              "No Latin American country has a lower minimum wage than {place}"],
     "q_es": ["{place} tiene el sueldo mínimo más bajo de Latinoamérica, según {surname}",
              "¿Es el salario mínimo de {place} el peor de América Latina?"]},
    {"en": "{who} said {n} million people voted twice in the {year} election.",
     "es": "{who} dijo que {n} millones de personas votaron dos veces en las elecciones de {year}.",
     "q_en": ["{n} million double votes were cast in the {year} elections, claims {surname}",
              "Did {n} million voters vote twice in {year}?"],
     "q_es": ["Según {surname}, hubo {n} millones de votos dobles en los comicios de {year}",
              "{n} millones de electores sufragaron dos veces en {year}"]},
    {"en": "Deforestation in the Amazon grew by {n}% in {year}, {who} said.",
     "es": "La deforestación en la Amazonia creció un {n}% en {year}, dijo {who}.",
     "q_en": ["Amazon forest loss rose {n} percent in {year}, according to {surname}",
              "{surname} says logging in the Amazon rainforest increased by {n}% in {year}"],
     "q_es": ["Según {surname}, la tala en la selva amazónica aumentó un {n} por ciento en {year}",
              "¿Creció la deforestación amazónica un {n}% en {year}?"]},
    {"en": "{who} said the new tax reform raises taxes on food in {place}.",
     "es": "{who} dijo que la nueva reforma tributaria sube los impuestos a los alimentos en {place}.",
     "q_en": ["The tax reform will make food more expensive in {place} through new taxes, says {surname}",
              "Does the new tax bill put taxes on food in {place}?"],
     "q_es": ["{surname}: la reforma tributaria grava la comida en {place}",
              "La reforma de impuestos encarece los alimentos en {place}, según {surname}"]},
    {"en": "{who} claimed that {n}% of prisoners in {place} are foreigners.",
     "es": "{who} afirmó que el {n}% de los presos en {place} son extranjeros.",
     "q_en": ["{n} percent of inmates in {place} jails are migrants, {surname} says",
              "Are {n}% of the prison population in {place} foreign nationals?"],
     "q_es": ["Según {surname}, {n} de cada 100 reclusos en {place} son extranjeros",
              "El {n} por ciento de la población carcelaria de {place} es extranjera"]},
    {"en": "{who} said the public debt of {place} doubled in {year}.",
     "es": "{who} dijo que la deuda pública de {place} se duplicó en {year}.",
     "q_en": ["{place}'s national debt doubled in {year}, says {surname}",
              "Did government borrowing in {place} double during {year}?"],
     "q_es": ["Según {surname}, el endeudamiento de {place} se multiplicó por dos en {year}",
              "La deuda de {place} es el doble que antes de {year}"]},
    {"en": "A video shows {who} admitting to electoral fraud.",
     "es": "Un video muestra a {who} admitiendo un fraude electoral.",
     "q_en": ["Footage of {surname} confessing to rigging the election",
              "{surname} caught on video admitting the vote was rigged"],
     "q_es": ["Video de {surname} confesando que hubo fraude en las elecciones",
              "Circula una grabación en la que {surname} reconoce un fraude en los comicios"]},
    {"en": "{who} said {n} schools were closed in {place} in {year}.",
     "es": "{who} dijo que en {year} se cerraron {n} escuelas en {place}.",
     "q_en": ["{n} schools shut down in {place} during {year}, according to {surname}",
              "Were {n} schools closed in {place} in {year}?"],
     "q_es": ["Según {surname}, {place} cerró {n} colegios en {year}",
              "En {year} cerraron {n} colegios en {place}"]},
    {"en": "{who} claimed drinking hot water with lemon cures cancer.",
     "es": "{who} afirmó que tomar agua caliente con limón cura el cáncer.",
     "q_en": ["Hot lemon water cures cancer, according to {surname}", "Does drinking warm lemon water cure cancer?"],
     "q_es": ["El agua tibia con limón cura el cáncer, dice {surname}",
              "¿Beber agua caliente con limón elimina el cáncer?"]},
    {"en": "{who} said exports from {place} fell by {n}% in {year}.",
     "es": "{who} dijo que las exportaciones de {place} cayeron un {n}% en {year}.",
     "q_en": ["{place}'s exports dropped {n} percent in {year}, {surname} says",
              "Exports of {place} declined by {n}% in {year}?"],
     "q_es": ["Según {surname}, en {year} {place} exportó un {n} por ciento menos",
              "Caída del {n}% en las exportaciones de {place} en {year}"]},
    {"en": "{who} said the police in {place} arrested {n} gang members in one week.",
     "es": "{who} dijo que la policía de {place} detuvo a {n} pandilleros en una semana.",
     "q_en": ["{n} gang members arrested by {place} police in a single week, according to {surname}",
              "Did {place} officers detain {n} gangsters in one week?"],
     "q_es": ["En una sola semana, la policía capturó a {n} integrantes de bandas en {place}, según {surname}",
              "{surname}: {n} pandilleros detenidos en {place} en siete días"]},
    {"en": "{who} claimed that {n}% of the budget of {place} goes to paying debt.",
     "es": "{who} afirmó que el {n}% del presupuesto de {place} se va en pagar deuda.",
     "q_en": ["{n} percent of {place}'s budget is spent on debt payments, says {surname}",
              "Does {place} spend {n}% of its budget servicing debt?"],
     "q_es": ["Según {surname}, {place} destina el {n} por ciento de su presupuesto al pago de la deuda",
              "El pago de la deuda se lleva el {n}% del presupuesto de {place}"]},
    {"en": "A photo shows {who} at a party with drug traffickers.",
     "es": "Una foto muestra a {who} en una fiesta con narcotraficantes.",
     "q_en": ["Picture of {surname} partying with drug lords", "Image shows {surname} celebrating with narcos"],
     "q_es": ["Foto de {surname} de fiesta con narcos",
              "Circula una imagen de {surname} en una celebración con narcotraficantes"]},
    {"en": "{who} said {place} receives {n} thousand migrants every month.",
     "es": "{who} dijo que {place} recibe {n} mil migrantes cada mes.",
     "q_en": ["{n},000 immigrants arrive in {place} each month, according to {surname}",
              "Does {place} take in {n} thousand migrants a month?"],
     "q_es": ["Según {surname}, cada mes llegan {n} mil inmigrantes a {place}",
              "{place} acoge a {n}.000 migrantes al mes, dice {surname}"]},
    {"en": "{who} claimed that the 5G network spreads the coronavirus.",
     "es": "{who} afirmó que la red 5G propaga el coronavirus.",
     "q_en": ["5G antennas spread covid, says {surname}", "Is the coronavirus transmitted through 5G networks?"],
     "q_es": ["Según {surname}, las antenas 5G contagian el covid",
              "{surname} asegura que el 5G transmite el virus de la pandemia"]},
    {"en": "{who} said the price of gasoline in {place} rose {n}% in {year}.",
     "es": "{who} dijo que el precio de la gasolina en {place} subió un {n}% en {year}.",
     "q_en": ["Petrol prices in {place} went up {n} percent in {year}, according to {surname}",
              "Did fuel in {place} get {n}% more expensive in {year}?"],
     "q_es": ["Según {surname}, la gasolina en {place} aumentó un {n} por ciento en {year}",
              "El combustible subió {n}% en {place} durante {year}"]},
    {"en": "{who} claimed that {place} has more doctors per person than any other country in the region.",
     "es": "{who} afirmó que {place} tiene más médicos por habitante que cualquier otro país de la región.",
     "q_en": ["{place} has the most physicians per capita in the region, {surname} says",
              "No country in the region has more doctors per inhabitant than {place}"],
     "q_es": ["Según {surname}, {place} es el país de la región con más médicos por persona",
              "¿Tiene {place} la mayor cantidad de médicos por habitante de la región?"]},
    {"en": "{who} said {n} journalists were killed in {place} in {year}.",
     "es": "{who} dijo que {n} periodistas fueron asesinados en {place} en {year}.",
     "q_en": ["{n} reporters murdered in {place} in {year}, according to {surname}",
              "Were {n} members of the press killed in {place} during {year}?"],
     "q_es": ["Según {surname}, en {year} mataron a {n} periodistas en {place}",
              "{n} comunicadores asesinados en {place} en {year}"]},
    {"en": "{who} claimed the electricity bill in {place} will double next year.",
     "es": "{who} afirmó que la factura de la luz en {place} se duplicará el próximo año.",
     "q_en": ["Power bills in {place} are set to double next year, warns {surname}",
              "Will electricity cost twice as much in {place} next year?"],
     "q_es": ["Según {surname}, el recibo de la electricidad en {place} costará el doble el año que viene",
              "La tarifa eléctrica de {place} subirá al doble en el próximo año"]},
    {"en": "{who} said {n}% of young people in {place} neither study nor work.",
     "es": "{who} dijo que el {n}% de los jóvenes de {place} ni estudia ni trabaja.",
     "q_en": ["{n} percent of youths in {place} are not in school or employed, says {surname}",
              "Are {n}% of {place}'s young people out of both work and education?"],
     "q_es": ["Según {surname}, {n} de cada 100 jóvenes en {place} no estudian ni trabajan",
              "El {n} por ciento de la juventud de {place} son ninis"]},
    {"en": "{who} claimed that the peace agreement gave guerrilla leaders seats in Congress without elections.",
     "es": "{who} afirmó que el acuerdo de paz dio a los jefes guerrilleros curules en el Congreso sin elecciones.",
     "q_en": ["The peace deal handed rebel commanders congressional seats without a vote, says {surname}",
              "Did guerrilla chiefs get seats in Congress with no election thanks to the peace accord?"],
     "q_es": ["Según {surname}, con el acuerdo de paz los cabecillas guerrilleros llegaron al Congreso sin votos",
              "El pacto de paz regaló curules a la guerrilla sin pasar por las urnas"]},
    {"en": "{who} said water rationing in {place} will last {n} months.",
     "es": "{who} dijo que el racionamiento de agua en {place} durará {n} meses.",
     "q_en": ["{place} faces {n} months of water rationing, according to {surname}",
              "Will the water cuts in {place} go on for {n} months?"],
     "q_es": ["Según {surname}, los cortes de agua en {place} se extenderán {n} meses",
              "El racionamiento del agua en {place} va a durar {n} meses"]},
    {"en": "{who} claimed that {n} thousand hectares of forest burned in {place} in {year}.",
     "es": "{who} afirmó que en {year} se quemaron {n} mil hectáreas de bosque en {place}.",
     "q_en": ["Fires destroyed {n},000 hectares of forest in {place} in {year}, says {surname}",
              "Did {n} thousand hectares of woodland burn in {place} in {year}?"],
     "q_es": ["Según {surname}, los incendios arrasaron {n} mil hectáreas de bosque en {place} en {year}",
              "{n}.000 hectáreas forestales quemadas en {place} durante {year}"]},
    {"en": "{who} said the metro of {place} carries {n} million passengers a day.",
     "es": "{who} dijo que el metro de {place} transporta {n} millones de pasajeros al día.",
     "q_en": ["{place}'s subway moves {n} million riders daily, according to {surname}",
              "Does the {place} metro carry {n} million people every day?"],
     "q_es": ["Según {surname}, {n} millones de personas usan el metro de {place} cada día",
              "El subterráneo de {place} mueve {n} millones de usuarios diarios"]},
    {"en": "{who} claimed that the government spent {n} million dollars on advertising in {year}.",
     "es": "{who} afirmó que el gobierno gastó {n} millones de dólares en publicidad en {year}.",
     "q_en": ["The administration paid {n} million USD for publicity in {year}, says {surname}",
              "Did the government spend ${n} million on ads during {year}?"],
     "q_es": ["Según {surname}, en {year} el gobierno destinó {n} millones de dólares a propaganda",
              "{n} millones de dólares en pauta publicitaria oficial en {year}"]},
    {"en": "{who} said pensions in {place} will be cut by {n}%.",
     "es": "{who} dijo que las pensiones en {place} se recortarán un {n}%.",
     "q_en": ["Retirees in {place} will see their pensions reduced {n} percent, warns {surname}",
              "Is {place} cutting pensions by {n}%?"],
     "q_es": ["Según {surname}, los jubilados de {place} perderán un {n} por ciento de su pensión",
              "Recorte del {n}% a las pensiones en {place}"]},
    {"en": "{who} claimed that eating garlic protects against the flu.",
     "es": "{who} afirmó que comer ajo protege contra la gripe.",
     "q_en": ["Garlic prevents influenza, according to {surname}", "Does eating garlic stop you catching the flu?"],
     "q_es": ["Según {surname}, el ajo previene la influenza", "¿Comer ajo evita contagiarse de gripe?"]},
    {"en": "{who} said kidnappings in {place} fell by half in {year}.",
     "es": "{who} dijo que los secuestros en {place} se redujeron a la mitad en {year}.",
     "q_en": ["Abductions in {place} were halved in {year}, says {surname}",
              "Did kidnapping in {place} drop 50 percent in {year}?"],
     "q_es": ["Según {surname}, en {year} los secuestros bajaron a la mitad en {place}",
              "El secuestro en {place} cayó un 50% en {year}"]},
    {"en": "{who} claimed that {n} thousand teachers left the public schools of {place} in {year}.",
     "es": "{who} afirmó que {n} mil maestros abandonaron las escuelas públicas de {place} en {year}.",
     "q_en": ["{n},000 teachers quit {place}'s state schools in {year}, according to {surname}",
              "Did {n} thousand educators leave public education in {place} in {year}?"],
     "q_es": ["Según {surname}, en {year} renunciaron {n} mil docentes de colegios públicos en {place}",
              "{n}.000 profesores dejaron la escuela pública de {place} en {year}"]},
    {"en": "{who} said the army of {place} has {n} thousand soldiers.",
     "es": "{who} dijo que el ejército de {place} tiene {n} mil soldados.",
     "q_en": ["{place}'s armed forces number {n},000 troops, says {surname}",
              "Does the military of {place} have {n} thousand soldiers?"],
     "q_es": ["Según {surname}, las fuerzas armadas de {place} cuentan con {n} mil efectivos",
              "{place} tiene un ejército de {n}.000 militares"]},
    {"en": "{who} claimed that a law in {place} bans the Bible in schools.",
     "es": "{who} afirmó que una ley en {place} prohíbe la Biblia en las escuelas.",
     "q_en": ["New legislation in {place} forbids the Bible in classrooms, says {surname}",
              "Is the Bible outlawed in {place}'s schools?"],
     "q_es": ["Según {surname}, en {place} una norma prohibió la Biblia en los colegios",
              "¿Está prohibida la Biblia en las aulas de {place}?"]},
    {"en": "{who} said {n}% of the homes in {place} have no drinking water.",
     "es": "{who} dijo que el {n}% de los hogares de {place} no tiene agua potable.",
     "q_en": ["{n} percent of households in {place} lack clean water, according to {surname}",
              "Do {n}% of {place} homes have no access to safe drinking water?"],
     "q_es": ["Según {surname}, {n} de cada 100 viviendas de {place} no tienen agua potable",
              "El {n} por ciento de las familias de {place} carece de acceso a agua potable"]},
    {"en": "{who} claimed the {year} census counted {n} million inhabitants in {place}.",
     "es": "{who} afirmó que el censo de {year} contó {n} millones de habitantes en {place}.",
     "q_en": ["The {year} census found {place} has {n} million people, says {surname}",
              "Does {place} have a population of {n} million according to the {year} census?"],
     "q_es": ["Según {surname}, {place} tiene {n} millones de personas según el censo de {year}",
              "Censo {year}: {n} millones de residentes en {place}"]},
    {"en": "{who} said road accidents killed {n} people in {place} in {year}.",
     "es": "{who} dijo que los accidentes de tránsito mataron a {n} personas en {place} en {year}.",
     "q_en": ["{n} deaths in traffic crashes in {place} in {year}, according to {surname}",
              "Did car accidents kill {n} people in {place} in {year}?"],
     "q_es": ["Según {surname}, en {year} murieron {n} personas en siniestros viales en {place}",
              "{n} muertos en las carreteras de {place} durante {year}"]},
]
SUMMARIES = [
    ("Official figures do not support it.", "Las cifras oficiales no lo respaldan."),
    ("The data show a different figure.", "Los datos muestran otra cifra."),
    ("There is no evidence for it.", "No hay pruebas de ello."),
    ("It is accurate according to the statistics office.", "Es correcto según la oficina de estadística."),
    ("The figure is exaggerated.", "La cifra es exagerada."),
]
RATINGS = ["False", "Mostly false", "Half true", "Mostly true", "True", "Misleading"]


def person(rng: random.Random) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    role = rng.choice(ROLES)
    es = role[2] if first in FEMALE else role[1]
    return {"en": f"{role[0]} {first} {last}", "es": f"{es} {first} {last}", "surname": last}


def fill(template: str, language: str, who: dict, place: tuple[str, str], n: int, year: int) -> str:
    i = 0 if language == "en" else 1
    text = template.format(who=who[language], surname=who["surname"], place=place[i], n=n, year=year)
    return text[0].upper() + text[1:]


def claim(rng: random.Random, index: int, pattern: int) -> tuple[dict, tuple]:
    p = PATTERNS[pattern]
    who, place = person(rng), rng.choice(PLACES)
    n, year = rng.choice([3, 4, 5, 7, 8, 9, 12, 14, 15, 18, 20, 23, 25, 30, 35, 40, 45, 60, 70, 80, 90, 120, 150,
                          200, 250, 300, 450, 600]), rng.randint(2015, 2025)
    language = rng.choice(["en", "es"])
    summary = rng.choice(SUMMARIES)[0 if language == "en" else 1]
    slots = {"surname": who["surname"], "place": place[0], "n": n, "year": year}
    return ({"id": f"c{index:04d}", "pattern": pattern, "language": language,
             "claim": fill(p[language], language, who, place, n, year), "summary": summary,
             "rating": rng.choice(RATINGS), "url": f"https://checks.example.org/{index:04d}", "slots": slots},
            (who, place, n, year))


def used_slots(*templates: str) -> set[str]:
    """The slots a wording names: a query that names no person matches the claim whoever made it."""
    names = {"{who}": "surname", "{surname}": "surname", "{place}": "place", "{n}": "n", "{year}": "year"}
    return {slot for mark, slot in names.items() if any(mark in t for t in templates)}


def main() -> None:
    rng = random.Random(42)
    claims, queries, distractors = [], [], []
    index = 0
    for pattern in range(len(PATTERNS)):
        for _ in range(9):
            c, (who, place, n, year) = claim(rng, index, pattern)
            index += 1
            claims.append(c)
            p = PATTERNS[pattern]
            other = "es" if c["language"] == "en" else "en"
            wordings = [("same", c["language"], w) for w in p["q_" + c["language"]]]
            wordings += [("cross", other, w) for w in p["q_" + other]]
            for k, (kind, language, w) in enumerate(rng.sample(wordings, rng.randint(1, 3))):
                queries.append({"id": f"{c['id']}-q{k}", "text": fill(w, language, who, place, n, year),
                                "language": language, "kind": kind, "claim": c["id"], "pattern": pattern,
                                "slots": sorted(used_slots(w) & used_slots(p["en"])),
                                "split": "dev" if pattern % 2 == 0 else "test"})
    for _ in range(2000):
        c, _ = claim(rng, index, rng.randrange(len(PATTERNS)))
        index += 1
        distractors.append(c)
    # Relevant: every claim of the same pattern that agrees on each slot the query names
    # ("Do garlic and flu...?" names nobody: every check of that claim answers it).
    everything = claims + distractors
    by_id = {c["id"]: c for c in everything}
    for q in queries:
        target = by_id[q["claim"]]
        q["relevant"] = [c["id"] for c in everything if c["pattern"] == q["pattern"]
                         and all(c["slots"][s] == target["slots"][s] for s in q["slots"])]
        del q["claim"], q["slots"]
    out = {"description": __doc__.split("\n\n")[0] + " See make_claim_retrieval.py.",
           "claims": claims + distractors, "queries": queries}
    path = pathlib.Path(__file__).with_name("claim_retrieval.json")
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(claims)} verified claims, {len(distractors)} distractors, {len(queries)} queries -> {path}")


if __name__ == "__main__":
    main()
