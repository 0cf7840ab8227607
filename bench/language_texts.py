"""Short lay summaries written for plainsum's benchmarks, one per language it scores.

Each is an original text in the style of a Cochrane plain language summary (no corpus or Cochrane
text is copied): a question, what was done, what was found, how sure we are. They exercise each
language's abbreviations, numbers with decimal commas and per cent signs, and its long words.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "en": (
        "## What did we want to find out?\n\n"
        "We wanted to know if vitamin D helps children with asthma to have fewer attacks. "
        "Asthma makes breathing hard, e.g. during a cold or after exercise.\n\n"
        "## What did we find?\n\n"
        "We found 12 studies with 1,840 children from the U.S. and Europe. Children who took vitamin D had "
        "fewer attacks that needed a visit to hospital (about 3 in 100 fewer). We are not sure about side effects, "
        "because few studies reported them. The studies were small, and some did not say how children were chosen."
    ),
    "es": (
        "## ¿Qué queríamos averiguar?\n\n"
        "Queríamos saber si la vitamina D ayuda a los niños con asma a tener menos crisis. El asma hace difícil "
        "respirar, p. ej. durante un resfriado o después de hacer ejercicio.\n\n"
        "## ¿Qué encontramos?\n\n"
        "Encontramos 12 estudios con 1840 niños de EE. UU. y de Europa. Los niños que tomaron vitamina D tuvieron "
        "menos crisis que exigieron ir al hospital (unas 3 de cada 100 menos). No estamos seguros sobre los efectos "
        "secundarios, porque pocos estudios los comunicaron. Los estudios eran pequeños y algunos no explicaron cómo "
        "se eligió a los niños, etc. Hacen falta estudios más grandes."
    ),
    "fr": (
        "## Que voulions-nous savoir ?\n\n"
        "Nous voulions savoir si la vitamine D aide les enfants asthmatiques à avoir moins de crises. L'asthme "
        "rend la respiration difficile, p. ex. pendant un rhume ou après un effort, c.-à-d. quand on court.\n\n"
        "## Qu'avons-nous trouvé ?\n\n"
        "Nous avons trouvé 12 études portant sur 1 840 enfants d'Europe et d'Amérique du Nord. Les enfants qui ont "
        "pris de la vitamine D ont eu moins de crises graves (environ 3 sur 100 en moins). Nous ne sommes pas sûrs "
        "des effets indésirables, car peu d'études les ont rapportés. Les études étaient petites, et certaines "
        "n'ont pas expliqué comment les enfants ont été choisis."
    ),
    "de": (
        "## Was wollten wir herausfinden?\n\n"
        "Wir wollten wissen, ob Vitamin D Kindern mit Asthma hilft, weniger Anfälle zu haben. Asthma macht das "
        "Atmen schwer, z. B. bei einer Erkältung oder nach dem Sport.\n\n"
        "## Was haben wir gefunden?\n\n"
        "Wir fanden 12 Studien mit 1840 Kindern aus Europa und Nordamerika, die bis zum 15. Oktober 2023 "
        "veröffentlicht wurden. Kinder, die Vitamin D nahmen, hatten weniger schwere Anfälle (etwa 3 von 100 "
        "weniger). Über Nebenwirkungen sind wir nicht sicher, weil nur wenige Studien sie berichteten, d. h. wir "
        "wissen wenig darüber. Die Studien waren klein usw. Wir brauchen größere Studien."
    ),
    "it": (
        "## Che cosa volevamo scoprire?\n\n"
        "Volevamo sapere se la vitamina D aiuta i bambini con l'asma ad avere meno crisi. L'asma rende difficile "
        "respirare, ad es. durante un raffreddore o dopo lo sport.\n\n"
        "## Che cosa abbiamo trovato?\n\n"
        "Abbiamo trovato 12 studi con 1840 bambini dall'Europa e dal Nord America. I bambini che hanno preso la "
        "vitamina D hanno avuto meno crisi gravi (circa 3 su 100 in meno). Non siamo sicuri degli effetti "
        "indesiderati, perché pochi studi li hanno riportati, ecc. Gli studi erano piccoli e alcuni non hanno "
        "spiegato come sono stati scelti i bambini."
    ),
    "pt": (
        "## O que queríamos descobrir?\n\n"
        "Queríamos saber se a vitamina D ajuda as crianças com asma a ter menos crises. A asma torna difícil "
        "respirar, p. ex. durante uma gripe ou depois do exercício.\n\n"
        "## O que encontramos?\n\n"
        "Encontramos 12 estudos com 1840 crianças da Europa e da América do Norte. As crianças que tomaram vitamina D "
        "tiveram menos crises graves (cerca de 3 em cada 100 a menos). Não temos certeza sobre os efeitos "
        "colaterais, porque poucos estudos os relataram. Os estudos eram pequenos e alguns não explicaram como as "
        "crianças foram escolhidas."
    ),
    "nl": (
        "## Wat wilden we weten?\n\n"
        "We wilden weten of vitamine D kinderen met astma helpt om minder aanvallen te hebben. Astma maakt ademen "
        "moeilijk, bijv. bij een verkoudheid of na het sporten.\n\n"
        "## Wat vonden we?\n\n"
        "We vonden 12 studies met 1840 kinderen uit Europa en Noord-Amerika. Kinderen die vitamine D namen, hadden "
        "minder ernstige aanvallen (ongeveer 3 op de 100 minder). Over bijwerkingen zijn we niet zeker, omdat weinig "
        "studies ze meldden, d.w.z. we weten er weinig over. De studies waren klein enz. We hebben grotere studies nodig."
    ),
}

# The sentences each text has (headings are not sentences), counted by hand.
SENTENCES = {"en": 6, "es": 7, "fr": 6, "de": 7, "it": 6, "pt": 6, "nl": 7}
