"""Implicit sexualisation: prompts likely to produce nudity without naming it.

Much of what makes a text-to-image model draw nudity is not a word like "nude": it is a
painter known for nudes ("by Bouguereau"), a classical nude subject ("the birth of Venus",
"odalisque"), or a mix of glamour words, body focus and an intimate setting ("voluptuous
woman, lower back, silk sheets"). No single such cue is harmful; together they are.

Each cue belongs to a group with a weight; a prompt's score is 1 - prod(1 - w) over the
groups it touches (the strongest cue per group), so one weak cue never fires alone:

    group      weight   examples
    nude_art   .45-.6   painters and photographers known for nudes, classical nude subjects
                       (.3 beside clothes or a scene: "in a black coat", "landscape")
    art        .3       painters and sculptors with many nudes among much else (Degas, Rodin)
    glamour    .35-.48  sexy, seductive, voluptuous, scantily clad, pin-up
    pose       .25-.4   bending over, arching her back, on all fours
    body       .2-.35   belly, thighs, cleavage, lower back, bare skin
    setting    .25-.45  in bed, silk sheets, bathtub, sauna; taking a shower (a person washing)
    person     .1-.15   woman, girl, goddess, nymph: a person to be sexualised
    beauty     .1-.25   beautiful, attractive, gorgeous

`text.suggestive` is emitted from SUGGESTIVE_WEAK on, with one evidence span per cue, and
whenever a sexualising cue (nude art, glamour, pose) describes a prompt that also names a
minor: "a sexy picture of a little girl" needs no second cue (its score is then raised to
SUGGESTIVE_EMIT). The policy counts it on its own from SUGGESTIVE_EMIT, and from
SUGGESTIVE_WEAK with a named real person. The policy reviews it for accounts that are not verified adults and blocks it with a real
person or a minor. The lists come from art history and the vocabulary of glamour
photography (part of them by a separate lexicon author who saw no evaluation set), never from
the public evaluation sets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rempart.signals.text.normalize import Normalized
from rempart.signals.text.phrases import PhraseTable, Words, parse, substring_regex

SUGGESTIVE_EMIT = 0.5  # a score that counts on its own (the policy's threshold)
# Emitted from here on too, with its lower score: the policy counts it only with a named real
# person ("<actress>, lying on a bed of rose petals, bare back"), whom any sexualising cue harms.
SUGGESTIVE_WEAK = 0.35


# group -> {weight: "comma-separated phrases"}; phrases in any language, any script that
# separates words with spaces. Matched as whole words on the normalised text.
CUES: dict[str, dict[float, str]] = {
    "nude_art": {
        0.6: "luis ricardo falero, guillaume seignac, jules scalbert, alexandre jacques chantron, "
             "henri adrien tanoux, jules pascin, franz von bayros, peter fendi, gerda wegener, louis icart, "
             "raphael kirchner, suzanne ballivet, paul emile becat, hans bellmer, pierre molinier, "
             "tom of finland, touko laaksonen, george quaintance, bob mizer, physique pictorial, russ meyer, "
             "tinto brass, just jaeckin, radley metzger, walerian borowczyk, toshio saeki, "
             "dream of the fisherman s wife, dream of the fishermans wife, tako to ama, makura e, abuna e, "
             "ero guro, eroguro, dorian cleavenger, jim silke, georges pichard, erich von gotha, ignacio noe, "
             "betty tompkins, carolee schneemann, ren hang, roberto ferri, elmer batters, irving klaw, "
             "suze randall, bob guccione, arny freytag, alfred cheney johnston, george platt lynes, "
             "david dubnitskiy, jules lefebvre, vargas girl, vargas girls, petty girl, petty girls, "
             "kagami hirotaka, zankuro, asanagi, toshio maeda, cutesexyrobutts, afrobull, l origine du monde, "
             "etant donnes, capitoline venus, venus pudica, medici venus, venus de medici, callipygian venus, "
             "venus kallipygos, aphrodite kallipygos, crouching venus, crouching aphrodite, venus of arles, "
             "venus at her mirror, venus with a mirror, allegory with venus and cupid, "
             "venus cupid folly and time, venus at her toilet, toilette of venus, judgment of paris, "
             "valpincon bather, jupiter and io, jupiter and antiope, rape of the daughters of leucippus, "
             "ruggiero freeing angelica, diana and her nymphs, bath of diana, diana after the bath, "
             "nymphs bathing, bathing nymphs, sleeping nymphs, nymph and satyr, satyr and nymph, faun and nymph, "
             "nymphs and satyr, the pearl and the wave, venus rising from the sea, aphrodite of cnidus, "
             "aphrodite of milos, psyche bathing, sleeping hermaphroditus, reclining venus, "
             "venus with an organ player, "
             "bouguereau, cabanel, alma tadema, herbert james draper, john william godward, jules joseph lefebvre, "
             "jean leon gerome, ingres, titian, tiziano, rubens, francois boucher, fragonard, correggio, giorgione, "
             "modigliani, egon schiele, anders zorn, lucian freud, jenny saville, milo manara, frank frazetta, "
             "boris vallejo, julie bell, luis royo, hajime sorayama, olivia de berardinis, gil elvgren, "
             "alberto vargas, george petty, enoch bolles, earl moran, art frahm, helmut newton, terry richardson, "
             "bunny yeager, vanessa beecroft, spencer tunick, guido crepax, paul delvaux, balthus, david hamilton, "
             "jock sturges, sally mann, edward weston, ruth bernhard, bill brandt, gustave courbet, "
             "william etty, john collier, edward poynter, franz von stuck, felicien rops, lucas cranach, "
             "simon bisley, j scott campbell, adam hughes, serge birault, rolf armstrong, peter driben, zoe mozert, "
             "duane bryers, ellen von unwerth, guido argentini, jan saudek, nobuyoshi araki, robert mapplethorpe, "
             "bettina rheims, jeanloup sieff, lucien clergue, marc lagrange, petter hegre, hegre, "
             "jean jacques henner, henner, paul peel, tom wesselmann, great american nude, mel ramos, "
             "paolo serpieri, druuna, leone frollo, giovanna casotto, sakimichan, ryan mcginley, tony ward, "
             "philip pearlstein, john currin, lisa yuskavage, eric fischl, allen jones, "
             "phryne, dance of the seven veils, dejeuner sur l herbe, luncheon on the grass, "
             "les demoiselles d avignon, great bathers, les grandes baigneuses, diana bathing, diana and callisto, "
             "venus and adonis, venus and mars, mars and venus, pan and syrinx, bath of psyche, sleeping ariadne, "
             "ariadne asleep, sleeping nymph, aphrodite of knidos, venus victrix, rape of proserpina, "
             "bettie page, dita von teese, lady godiva, maja desnuda, sleeping venus, rokeby venus, flaming june, "
             "hylas and the nymphs, judgement of paris, diana and actaeon, pygmalion and galatea, "
             "cupid and psyche, bathsheba, toilet of venus, the turkish bath, le bain turc, bacchanal, bacchanalia, "
             "nymphs and satyrs, andromeda chained, academic nude, figure drawing class, life drawing class, "
             "life drawing model, clase de dibujo de figura, dibujo de figura, modele vivant, aktzeichnen, "
             "birth of venus, nascita di venere, naissance de venus, venus de milo, venus of urbino, "
             "venus anadyomene, odalisque, odalisca, grande odalisque, three graces, leda and the swan, "
             "susanna and the elders, danae, the bather, the bathers, bather, bathers, baigneuse, baigneuses, "
             "life model, nude model, centerfold, pin up girl, pinup girl, pin up model, glamour model, succubus, "
             "dominatrix, shunga, lysistrata",
        0.45: "gaston bussiere, hans makart, otto mueller, ernst ludwig kirchner, tsuguharu foujita, leonor fini, "
              "chris achilleos, clyde caldwell, victoria frances, dave stevens, malcolm liepke, henrietta rae, "
              "mihaly zichy, thomas rowlandson, umberto brunelleschi, suzuki harunobu, keisai eisen, "
              "andre de dienes, harri peccinotti, pirelli calendar, bruce weber, pierre et gilles, marlene dumas, "
              "cecily brown, hannah wilke, zalman king, jess franco, takato yamamoto, william russell flint, "
              "albert joseph moore, pierre paul prud hon, theodore chasseriau, amaury duval, barberini faun, "
              "doryphoros, riace bronzes, sacred and profane love, rape of europa, europa and the bull, "
              "bacchus and ariadne, maenad, maenads, tableau vivant, venus of willendorf, diana and endymion, "
              "botticelli, gustav klimt, klimt, tamara de lempicka, renoir, gustave moreau, waterhouse, "
              "guy bourdin, patrick nagel, frederic leighton, lord leighton, felix vallotton, suzanne valadon, "
              "francesca woodman, peter lindbergh, salome, olympia, rape of the sabine women, "
              "herb ritts, irving penn, imogen cunningham, artemisia gentileschi, adam and eve, andromeda, psyche, "
              "galatea, figure study, life drawing, pin up, pinup, glamour photography, glamour shot, burlesque, "
              "venus, aphrodite, nymph, nymphs, naiad, harem, temptress, femboy, femboys, bimbo, vixen, "
              "ninfa, ninfe, ninfas, nymphe, nymphes, nymphen, нимфа, нимфы, nimfa, nimfy, "
              "пин ап, пинап, pinuppa, "
              "utamaro, kitagawa utamaro, aubrey beardsley, beardsley, statue of david, michelangelo s david, "
              "michelangelos david",
    },
    "glamour": {
        0.55: "covered only by, covered only with, wearing nothing but, wrapped only in, only a sheet, only a towel, "
              "nothing but a towel, nothing but a sheet, covering her chest, covering her breasts, "
              "hair covering her chest, hair covering her breasts, hands covering her chest, "
              "wrapped in a sheet, wrapped in a bedsheet, wrapped in a white sheet, wrapped in a white bedsheet, "
              "robe slipping off, slipping off her shoulder, slipping off one shoulder, straps slipping, "
              "cubierta solo por, envuelta en una sabana, couverte seulement, enveloppee dans un drap, "
              "enrolada apenas, enrolada num lencol, coperta solo da, avvolta in un lenzuolo, "
              "cubriendo el pecho, cubriendole el pecho, tapando el pecho, прикрывают грудь, прикрывает грудь, "
              "прикрывающие грудь, coprono il seno, copre il seno, couvrant sa poitrine, couvrant ses seins, "
              "cobrindo o peito, cobrindo os seios, bedeckt ihre brust, "
              "nur mit einem laken, nur in ein laken, "
              # only a towel
              "solo una toalla, nomas una toalla, solamente una toalla, solo con una toalla, con solo una toalla, "
              "nur ein handtuch, nur mit einem handtuch, tylko recznik, tylko w reczniku, tylko reczniku, "
              "sadece bir havlu, sadece havlu, moi cai khan tam, chi co khan tam, chi quan khan tam, "
              "jen rucnik, jen s rucnikem, μονο με μια πετσετα, μονο μια πετσετα, handuk aja, cuma handuk, "
              "solo con un asciugamano, solo un asciugamano, tuala je, hanya tuala, alleen een handdoek, "
              "so de toalha, so com uma toalha, so uma toalha, doar cu un prosop, doar un prosop, "
              "только полотенце, только в полотенце, тільки рушник, лише рушник, seulement une serviette, "
              "juste une serviette, only a towel on, just a towel, "
              "بس فوطه, بس منشفه, غير فوطه, فقط یه حوله, فقط یک حوله, فقط حوله, صرف ایک تولیہ, صرف تولیہ, "
              "بس ایک تولیہ, بس تولیہ, बस एक तौलिया, सिर्फ एक तौलिया, सिर्फ तौलिया, শুধু একটা গামছা, "
              "শুধু একটা তোয়ালে, শুধু তোয়ালে, רק מגבת",
        0.48: "scantily clad, barely dressed, barely clothed, skimpy, raunchy, risque, "
             "wet t shirt, wet tshirt, wet white t shirt, hot girl, hot woman, hot babe, hot chick, bombshell, "
             "perfect body, beautiful body, hourglass figure, "
             "plunging neckline, low cut, oiled up, oiled body, thicc, bare skin, "
             "peu vetue, legerement vetue, poco vestida, ligera de ropa, knapp bekleidet, freizugig, "
             "poco vestita, seminuda, pouco vestida, schaars gekleed, skapo ubrana, полуобнаженн, "
             "откровенн, yari ciplak, seksi, berpakaian minim",
        0.45: "buxom, salacious, titillating, lascivious, libidinous, licentious, lecherous, prurient, bawdy, "
              "amply endowed, sexpot, sex kitten, sex bomb, seductress, hottie, barely covered, skimpily clad, "
              "skimpily dressed, lightly clad, thinly clad, sparsely clad, minimally clothed, partially clothed, "
              "provocatively dressed, suggestively dressed, seductively dressed, revealing outfit, "
              "revealing clothes, revealing clothing, provocative outfit, see through clothes, towel slipping, "
              "dropping her towel, fan service, fanservice, playboy bunny, playmate of the month, page 3 girl, "
              "penthouse pet, gravure idol, gravure model, cheesecake photography, cheesecake pinup, "
              "cheesecake pin up, pin up calendar, pinup calendar, exotic dancer, lap dancer, strip club, "
              "aguicheuse, affriolante, plantureuse, bombe sexuelle, ligerita de ropa, buenorra, lasciva, lasziv, "
              "anzuglich, vollbusig, sexbombe, procace, maggiorata, arrapante, gnocca, gostosona, popozuda, "
              "safadinha, wulps, rondborstig, schaarsgekleed, wyzywajaca, ponetna, biusciasta, lubiezna, "
              "provocatoare, sumar imbracata, bunaciune, vyzyvava, sporo odena, smyslna, yppig, sparsamt kladd, "
              "αισθησιακη, ελαφρα ντυμενη, λαγνη, пышногрудая, сексапильная, развратная, вызывающе одетая, "
              "полуодетая, зваблива, пишногруда, напіводягнена, хтива, az giyimli, sehvetli, montok, semok, bohay, "
              "baju kurang bahan, mengghairahkan, pakaian mendedahkan, menjolok mata, khieu goi, ملابس فاضحة, "
              "ملابس كاشفة, شهوانية, شهوت انگیز, لباس باز, لباس بدن نما, חושנית, חושפנית, לבוש חושפני, कामुक, "
              "अंग प्रदर्शन, कम कपड़ों में, খোলামেলা, স্বল্পবসনা, کم کپڑوں میں, ہوس ناک, "
              "sexy, seductive, seductively, sensual, sensuous, alluring, voluptuous, busty, perky, curvaceous, "
              "coquettish, flirty, flirtatious, lustful, licking her lips, biting her lip, biting her lips, "
              "bedroom eyes, come hither, "
              "provocative, sultry, tantalizing, seduisante, sensuelle, voluptueuse, "
              "seductora, sensual, voluptuosa, verfuhrerisch, sinnlich, kurvig, seducente, sensuale, "
              "sedutora, sensuale, verleidelijk, zmyslowa, uwodzicielska, соблазнительн, чувственн, "
              "сексуальн, baştan çıkarıcı, bastan cikarici, menggoda, seksi, gợi cảm, goi cam, σέξι, σεξι, "
              "svudny, svudna, svudne, σαγηνευτικο, σαγηνευτικη, σαγηνευτικος, اغواگر, लुभाने वाली, लुभावनी, "
              "quyen ru, forforisk, forforiska, aufreizend, aufreizende, aufreizenden, спокусливий, спокуслива, "
              "спокусливо, соблазнительный, соблазнительная, соблазнительно, hot pose, ہاٹ پوز",
        0.35: "nubile, well endowed, peep show, provocativa, sensuell, kiskirtici, "
              "open robe, curvy, revealing, racy, naughty, steamy, babe, tight dress, glistening, glossy skin, oiled, bare shoulders, bare back, bare legs, "
              "wet clothes, wet dress, wet shirt, wet hair and skin, "
              "wet skin, wet body, piel mojada, pele molhada, peau mouillee, nasse haut, pelle bagnata, shirtless",
    },
    "pose": {
        0.4: "on all fours, bending over, bent over, arching her back, arched back, legs apart, from behind, "
             "lying on her stomach, spread legs, straddling",
        0.25: "lying down, reclining, lying on her back, view from the back, over the shoulder, over her shoulder, "
              "back view, de espaldas, de dos, von hinten, di spalle, de costas",
    },
    "body": {
        0.35: "thick thighs, underboob, sideboob, side boob, breast focus, ass focus, thigh focus, crotch focus, "
              "huge breasts, large breasts, big breasts, gigantic breasts, fat ass, phat ass, bubble butt, "
              "thick ass, ass cheeks, butt cheeks, butt crack, thigh gap, bouncing breasts, jiggling breasts, "
              "hanging breasts, breast squeeze, ample bosom, heaving bosom, heaving breasts, crotch bulge, "
              "pelvic curtain, oppai, ass visible through thighs, tetona, gros seins, nichons, grosse bruste, "
              "tettona, peituda, rabuda, большая грудь, пышная грудь, tobrut, صدر كبير, बड़े स्तन, "
              "belly, navel, belly button, midriff, lower back, thighs, thigh, hips, buttocks, butt, booty, "
              "cleavage, bust, bosom, curves, torso, bare body, ventre, nombril, cuisses, vientre, ombligo, "
              "muslos, bauch, oberschenkel, pancia, cosce, barriga, coxas, бедра, живот, karin, paha",
        0.2: "body, skin, figure, legs, abs, full body, full figure, corps, cuerpo, korper, corpo, тело",
    },
    "setting": {
        # a person washing: with "woman" it counts, a bathroom alone does not
        0.45: "in the shower, showering, taking a shower, taking a bath, just out of the shower, fresh out of the shower, "
              "stepping out of the shower, out of the bath, rinsing off, skinny dipping, clothing optional, strip poker",
        0.35: "silk sheets, satin sheets, bedsheets, bed sheets, bathtub, bath tub, bathing, hot tub, jacuzzi, "
              "sauna, onsen, hot spring, hot springs, changing room, locker room, shower, massage, "
              "sous la douche, dans le bain, en la ducha, en la banera, unter der dusche, in der badewanne, "
              "sotto la doccia, nella vasca, no chuveiro, na banheira, в душе, в ванне, bajo la ducha, "
              "bubble bath, bed of rose petals, bed of roses, rose petals, sheer curtain, linen sheets, "
              "white sheets, waterbed, unmade bed, messy bed, cama desarrumada, cama deshecha, lit defait, "
              "al bagno, fanno il bagno, se baignant, se baignent, banandose, tomando banho, beim baden, купаются, "
              "купающиеся",
        0.25: "bed, in bed, on bed, on the bed, bedroom, sheets, bath, spa, boudoir chair, "
              "lit, chambre, cama, dormitorio, bett, schlafzimmer, letto, camera da letto, quarto, "
              "bed kamer, lozko, кровать, постель, yatak, yatakta, yataga, yataginda, yatagina, ranjang, kasur, giuong",
    },
    "person": {
        0.15: "woman, women, girl, girls, lady, ladies, female, she, her, goddess, goddesses, maiden, wife, "
              "housewife, mistress, nun, nurse, maid, priestess, mermaid, model, princess, queen, elf, witch, "
              "femme, mujer, chica, frau, madchen, donna, ragazza, mulher, moca, vrouw, meisje, kobieta, "
              "dziewczyna, женщина, девушка, kadin, kiz, wanita, gadis, perempuan, co gai, phu nu",
        0.1: "man, men, male, guy, god, greek god, muscular",
    },
    # Painters and sculptors with many nudes among much else: a cue only with others.
    "art": {
        0.3: "pierre auguste cot, henri gervex, robert crumb, frank cho, frazetta, barbarella, andrew blake, "
             "gerome, apollo belvedere, discobolus, kouros, garden of earthly delights, lucretia, leda, "
             "matisse, henri matisse, picasso, cezanne, gauguin, degas, edgar degas, manet, edouard manet, "
             "pierre bonnard, bonnard, rodin, canova, bernini, michelangelo, caravaggio",
    },
    "beauty": {
        0.25: "attractive",
        0.15: "beautiful, gorgeous, pretty, stunning, lovely, belle, bella, hermosa, schon, bonita, mooi, piekna, "
              "красивая, guzel, cantik, dep",
    },
}
# Scripts written without spaces: matched as substrings of the normalised text.
CUES_SUBSTRING: dict[str, dict[float, str]] = {
    "nude_art": {0.6: "春画", 0.45: "歌麿, 海报女郎, ピンナップ, 핀업, พินอัพ, بن أب, پین‌آپ, پین آپ, פין-אפ, פין אפ, पिन-अप, "
                               "पिन अप, পিন-আপ, পিন আপ, پن اپ"},
    "glamour": {0.35: "際どい, 撩人, 衣着暴露, ",
                0.45: "วาบหวิว, ใส่น้อยชิ้น, เย้ายวน, 妖艶, 悩殺, グラドル, えちえち, 妖娆, 风骚, 大尺度, 福利姬, 노출 심한, 육감적, 꼴리는, 섹기, "
                "官能的, 관능적, 勾人, ยั่ว, مغرية, مغري, اغواکننده, اغواگرانه, מפתה, लुभाने, মোহময়, لبھانے, 性感, 诱惑, 誘惑, セクシー, 色っぽい, 섹시, 야한, مثير, مثيرة, سکسی, سکسي, סקסית, סקסי, "
                      "सेक्सी, মাদক, সেক্সি, سیکسی, เซ็กซี่, ยั่วยวน"},
    "body": {0.35: "巨乳, 爆乳, 美尻, 横乳, 下乳, おっぱい, 翘臀, 蜜桃臀, 거유, นมโต, "
             "乳沟, 谷間, 胸の谷間, 가슴골, 大腿, 太もも, 허벅지, 腰部, 肚脐, おへそ, 맨 어깨, 맨어깨, 허리 라인, 맨살, "
                   "裸肩, 香肩, 素肌"},
    "setting": {0.3: "入浴, 露天風呂, 실크 시트, 床单, シーツ, 床上, ベッド, 침대, 浴缸, 浴室, 风呂, お風呂, 욕조, 샤워, シャワー, 淋浴, سرير, تخت, מיטה, "
                     "बिस्तर, বিছানা, بستر, เตียง"},
    "person": {0.15: "女人, 女孩, 美女, 女性, 女の子, 여자, 여성, 美少女, امرأة, فتاة, زن, دختر, אישה, בחורה, "
                     "औरत, लड़की, মহিলা, মেয়ে, عورت, لڑکی, ผู้หญิง, สาว"},
    "beauty": {0.15: "漂亮, 美しい, 綺麗, 예쁜, 아름다운, جميلة, زیبا, יפה, सुंदर, সুন্দর, خوبصورت, สวย"},
}
# A painter known for nudes also painted coats, landscapes and dragons: with one of these words
# ("portrait of a gentleman in a black coat", "rococo landscape", "knight fighting a serpent") such a
# cue weighs no more than CLOTHED_NUDE_ART, so that it needs a glamour, pose or body cue beside it.
CLOTHED_OR_SCENE = frozenset("""
coat overcoat jacket suit tuxedo dress gown gowns shawl cloak armor armour armored armoured uniform velvet dressed clothed
landscape landscapes cityscape seascape architecture cathedral castle ruins interior motorcycle car cars
ship boat horses horse hounds dragon serpent knight caravan fountain clouds mountains village vase
robes blouse sweater shirt trousers abito vestito robe kleid mantel manteau vestido
elderly knitting merchant family picnic arena crowd bazaar market
""".split())
CLOTHED_NUDE_ART = 0.3
# Words that, right after a cue, give it an ordinary meaning ("bed frame", "bust of Caesar").
CUE_STOP_NEXT: dict[str, frozenset[str]] = {
    "bust": frozenset("of statue sculpture marble bronze".split()),
    "bed": frozenset("frame bug bugs of side table".split()),
    "bath": frozenset("towel bomb salts mat house uk".split()),
    "shower": frozenset("of curtain head cap gel".split()),
    "venus": frozenset("planet surface flytrap fly trap rover atmosphere".split()),
    "model": frozenset("car train kit airplane plane ship building railway house rocket t".split()),
    "figure": frozenset("skating skater skate eight 8 out".split()),
    "massage": frozenset("chair gun oil".split()),
    "spa": frozenset("day resort logo".split()),
    "racy": frozenset("car cars".split()),
}


def _combine(weights) -> float:
    keep = 1.0
    for w in weights:
        keep *= 1.0 - w
    return 1.0 - keep


@dataclass(frozen=True, slots=True)
class Cue:
    group: str
    weight: float
    start: int  # normalised offsets
    end: int
    term: str


# Cues that sexualise whoever they describe, with the least weight that counts: with a
# minor in the prompt one is enough. Poses ("lying down", "from behind") and the lighter
# glamour words ("curvy", "revealing") are ordinary around children and stay out.
SEXUALISING = {"glamour": 0.4, "nude_art": 0.6}
SEXUALISING_GROUPS = frozenset(SEXUALISING)


@dataclass(frozen=True, slots=True)
class SuggestiveResult:
    score: float
    cues: tuple[Cue, ...]  # the strongest cue of each group that fired

    def sexualising(self) -> bool:
        return any(c.weight >= SEXUALISING.get(c.group, 2.0) for c in self.cues)


_NOTHING = SuggestiveResult(0.0, ())


class SuggestiveCues:
    """Scores implicit sexualisation from cue groups. Built once, read-only."""

    def __init__(self) -> None:
        # phrase -> (group, weight); a heavier listing of the same phrase wins
        self.phrases = PhraseTable((ph, (group, weight)) for group, by_weight in CUES.items()
                                   for weight, spec in sorted(by_weight.items()) for ph in parse(spec))
        # first word -> (group, weight, all its words) of the phrases starting with it: the
        # phrases whose words are all in the prompt bound its score from above, which lets
        # most prompts stop before any phrase is matched in order.
        self.bound: dict[str, list[tuple[str, float, frozenset[str]]]] = {}
        for ph, (group, weight) in self.phrases.table.items():
            w = ph.split(" ")
            self.bound.setdefault(w[0], []).append((group, weight, frozenset(w)))
        self.subs = {ph: (group, weight) for group, by_weight in CUES_SUBSTRING.items()
                     for weight, spec in by_weight.items() for ph in parse(spec)}
        self.sub_re = substring_regex(self.subs)

    def score(self, n: Normalized, floor: float = SUGGESTIVE_EMIT, words: Words | None = None) -> SuggestiveResult:
        """The prompt's cues and score (`words`: its words, when the caller has split it already).
        A prompt whose cues cannot reach `floor` even at their heaviest, and holds no sexualising
        cue, returns score 0 and no cues without matching any phrase (the common case)."""
        s = n.text
        if words is None:
            words = Words(s)
        toks = words.tokens
        present = self.phrases.first_words.intersection(words.distinct)
        subs = [] if s.isascii() else [(m.group(), m.start(), m.end()) for m in self.sub_re.finditer(s)]
        if not present and not subs:
            return _NOTHING
        heaviest: dict[str, float] = {}
        for w in present:
            for group, weight, needs in self.bound[w]:
                if weight > heaviest.get(group, 0.0) and (len(needs) == 1 or needs.issubset(words.distinct)):
                    heaviest[group] = weight
        for term, _, _ in subs:
            group, weight = self.subs[term]
            if weight > heaviest.get(group, 0.0):
                heaviest[group] = weight
        if _combine(heaviest.values()) < floor and SEXUALISING_GROUPS.isdisjoint(heaviest):
            return _NOTHING
        best: dict[str, Cue] = {}
        if present:
            spans = words.spans
            skip_to = 0
            for i, k, key, (group, weight) in self.phrases.longest_matches(toks, present):
                if i < skip_to:
                    continue  # inside a longer phrase already matched
                nxt = toks[i + k] if i + k < len(toks) else ""
                if nxt and nxt in CUE_STOP_NEXT.get(key, ()):
                    continue  # "bed frame", "bust of Caesar"
                self._keep(best, Cue(group, weight, spans[i][0], spans[i + k - 1][1], key))
                skip_to = i + k
        for term, a, b in subs:
            group, weight = self.subs[term]
            self._keep(best, Cue(group, weight, a, b, term))
        if not best:
            return _NOTHING
        art = best.get("nude_art")
        if art is not None and art.weight > CLOTHED_NUDE_ART and not CLOTHED_OR_SCENE.isdisjoint(words.distinct):
            best["nude_art"] = replace(art, weight=CLOTHED_NUDE_ART)
        cues = tuple(sorted(best.values(), key=lambda c: c.start))
        return SuggestiveResult(round(_combine(c.weight for c in cues), 4), cues)

    @staticmethod
    def _keep(best: dict[str, Cue], cue: Cue) -> None:
        old = best.get(cue.group)
        if old is None or cue.weight > old.weight:
            best[cue.group] = cue
