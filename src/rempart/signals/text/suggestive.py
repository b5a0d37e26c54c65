"""Implicit sexualisation: prompts likely to produce nudity without naming it.

Much of what makes a text-to-image model draw nudity is not a word like "nude": it is a
painter known for nudes ("by Bouguereau"), a classical nude subject ("the birth of Venus",
"odalisque"), or a mix of glamour words, body focus and an intimate setting ("voluptuous
woman, lower back, silk sheets"). No single such cue is harmful; together they are.

Each cue belongs to a group with a weight; a prompt's score is 1 - prod(1 - w) over the
groups it touches (the strongest cue per group), so one weak cue never fires alone:

    group      weight   examples
    nude_art   .45-.6   painters and photographers known for nudes, classical nude subjects
                       (a painter is .3 beside clothes or a scene: "in a black coat",
                       "landscape"; a nude subject such as Lady Godiva stays one)
    art        .3       painters and sculptors with many nudes among much else (Degas, Rodin)
    glamour    .35-.55  sexy, seductive, voluptuous, scantily clad; covered only in, wearing only
    pose       .25-.4   bending over, arching her back, on all fours
    body       .2-.35   belly, thighs, cleavage, lower back, bare skin
    setting    .25-.45  in bed, silk sheets; in the shower, a bathtub, a sauna (a person washing)
    person     .1-.15   woman, girl, goddess, nymph: a person to be sexualised; a named real
                       person found by the caller weighs as "woman", unless the name is the
                       painter's or the painter painted the person clothed
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
from rempart.signals.text.phrases import PhraseTable, SubstringMatcher, Words, parse

SUGGESTIVE_EMIT = 0.5  # a score that counts on its own (the policy's threshold)
# Emitted from here on too, with its lower score: the policy counts it only with a named real
# person ("<actress>, lying on a bed of rose petals, bare back"), whom any sexualising cue harms.
SUGGESTIVE_WEAK = 0.35


# group -> {weight: "comma-separated phrases"}; phrases in any language, any script that
# separates words with spaces. Matched as whole words on the normalised text.
CUES: dict[str, dict[float, str]] = {
    "nude_art": {
        0.6: "sam haskins, kishin shinoyama, jeff dunas, roy stuart, richard kern, ellen stagg, peter gowland, "
             "bernard of hollywood, ruslan lobanov, david bellemere, edward runci, bill medcalf, "
             "jennifer janesko, eric stanton, gene bilbrew, john willie, martin van maele, paul avril, "
             "marquis von bayros, shexyo, prywinko, personalami, sciamano240, kyoffie, ganassa, krekkov, "
             "the naked maja, truth coming out of her well, la verite sortant du puits, in the tepidarium, "
             "roger freeing angelica, nuda veritas, dieux du stade, playboy calendar, playmate calendar, "
             "girlie magazine, oui magazine, razzle magazine, shukan playboy, stag film, nudie cutie, pinku eiga, "
             "nikkatsu roman porno, commedia sexy all italiana, last tango in paris, in the realm of the senses, "
             "ai no corrida, nine and a half weeks, emmanuelle 1974, black emanuelle, histoire d o, "
             "lady chatterley s lover, fanny hill, memoirs of a woman of pleasure, delta of venus, "
             "the perfumed garden, gamiani, les onze mille verges, 120 days of sodom, "
             "the claiming of sleeping beauty, behind the green door, debbie does dallas, "
             "beyond the valley of the dolls, supervixens, faster pussycat kill kill, flesh gordon, "
             "luis ricardo falero, guillaume seignac, jules scalbert, alexandre jacques chantron, "
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
             "adam and eve, bettie page, dita von teese, lady godiva, maja desnuda, sleeping venus, rokeby venus, flaming june, "
             "hylas and the nymphs, judgement of paris, diana and actaeon, pygmalion and galatea, "
             "cupid and psyche, bathsheba, toilet of venus, the turkish bath, le bain turc, bacchanal, bacchanalia, "
             "nymphs and satyrs, andromeda chained, academic nude, figure drawing class, life drawing class, "
             "life drawing model, clase de dibujo de figura, dibujo de figura, modele vivant, aktzeichnen, "
             "birth of venus, nascita di venere, naissance de venus, venus de milo, venus of urbino, "
             "venus anadyomene, odalisque, odalisca, grande odalisque, three graces, leda and the swan, "
             "venus del espejo, nacimiento de venus, geburt der venus, nascimento de venus, odaliske, одалиска, "
             "одалиски, рождение венеры, "
             # the same subjects and painters in other languages and scripts
             "les trois graces, las tres gracias, as tres gracas, die drei grazien, le tre grazie, de drie gratien, "
             "trzy gracje, три грации, купальщицы, купальщица, kapiace sie kobiety, бугро, кабанель, тициан, рубенс, энгр, модильяни, шиле, "
             "буше, фрагонар, "
             "susanna and the elders, danae, the bather, the bathers, bather, bathers, baigneuse, baigneuses, "
             "life model, nude model, centerfold, pin up girl, pinup girl, pin up model, glamour model, succubus, "
             "dominatrix, shunga, lysistrata, playgirl cover, playgirl magazine, playgirl centerfold, playgirl shoot, "
             "playgirl photoshoot",
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
              "herb ritts, irving penn, imogen cunningham, artemisia gentileschi, andromeda, psyche, "
              "galatea, figure study, life drawing, pin up, pinup, glamour photography, glamour shot, burlesque, "
              "venus, aphrodite, nymph, nymphs, naiad, harem, temptress, femboy, femboys, bimbo, vixen, "
              "ninfa, ninfe, ninfas, nymphe, nymphes, nymphen, нимфа, нимфы, nimfa, nimfy, "
              "пин ап, пинап, pinuppa, "
              "utamaro, kitagawa utamaro, aubrey beardsley, beardsley, statue of david, michelangelo s david, "
              "michelangelos david",
    },
    "glamour": {
        0.55: "covered only by, covered only with, covered only in, wearing only, dressed only in, clad only in, "
              "wearing nothing but, wrapped only in, only a sheet, only a towel, "
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
             "wet t shirt, wet tshirt, wet white t shirt, wet white shirt, wet white dress, hot girl, hot woman, hot babe, "
             "hot chick, bombshell, body painting, bodypainting, body paint, bodypaint, body painted, "
             "perfect body, beautiful body, hourglass figure, "
             "plunging neckline, low cut, oiled up, oiled body, thicc, bare skin, "
             "peu vetue, legerement vetue, poco vestida, ligera de ropa, knapp bekleidet, freizugig, "
             "poco vestita, seminuda, pouco vestida, schaars gekleed, skapo ubrana, полуобнаженн, "
             "откровенн, yari ciplak, seksi, berpakaian minim",
        0.45: "bunny girl suit, bunnysuit, reverse bunny suit, reverse bunnysuit, reverse bunny girl, "
              "bunny leotard, playboy bunny costume, sexy maid outfit, sexy maid costume, sexy nurse costume, "
              "naughty nurse, sexy cop costume, sexy nun costume, latex catsuit, latex bodysuit, latex dress, "
              "pvc catsuit, vinyl catsuit, rubber catsuit, leather body harness, strappy body harness, "
              "shibari harness, bondage harness, bondage outfit, bondage gear, fetish outfit, fetish wear, "
              "dominatrix outfit, gimp suit, bikini armor, bikini armour, slave leia outfit, slave leia bikini, "
              "virgin killer sweater, ribbon bondage, thong leotard, stripper heels, pleaser heels, "
              "stripper outfit, stripper costume, succubus outfit, succubus costume, lewd cosplay, ero cosplay, "
              "revealing cosplay, boob window, cleavage cutout, tenue de soubrette, combinaison en latex, "
              "conejita playboy, traje de latex, latexanzug, fetischkleidung, lack und leder, tuta in latex, "
              "coelhinha da playboy, латексный комбинезон, "
              "buxom, salacious, titillating, lascivious, libidinous, licentious, lecherous, prurient, bawdy, "
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
              "wet clothes, wet dress, wet shirt, wet swimsuit, wet bikini, wet hair and skin, "
              "wet skin, wet body, piel mojada, pele molhada, peau mouillee, nasse haut, pelle bagnata, shirtless, "
              # sunbathing with the top undone
              "without a top, without her top, top untied, untied top, bikini top untied, untied bikini top",
    },
    "pose": {
        0.4: "arched back on the bed, bent over the bed, bent over the table, bent over the desk, "
             "legs up in the air, legs spread on the bed, lying seductively, looking back over her bare shoulder, "
             "wet skin glistening, glistening wet skin, ass up, face down ass up, hips raised in the air, "
             "presenting her rear, jack o pose, hand between her thighs, hand between her legs, "
             "crawling toward the viewer, straddling the viewer, cambree sur le lit, dos cambre sur le lit, "
             "penchee sur le lit, penchee sur la table, a quatre pattes sur le lit, allongee lascivement, "
             "allongee de facon sensuelle, jambes en l air, regard par dessus son epaule nue, "
             "peau luisante de sueur, peau luisante, corps luisant d huile, fesses cambrees, "
             "la main entre les cuisses, a genoux sur le lit, espalda arqueada en la cama, arqueando la espalda, "
             "inclinada sobre la cama, agachada sobre la cama, en cuatro, tumbada sensualmente, "
             "acostada de forma sensual, piernas en el aire, mirando por encima de su hombro desnudo, "
             "piel brillante de sudor, piel sudada, aceite corporal, cuerpo aceitado, con el culo en pompa, "
             "mano entre los muslos, de rodillas en la cama, hohlkreuz im bett, uber das bett gebeugt, "
             "uber den tisch gebeugt, auf allen vieren, verfuhrerisch auf dem bett liegend, lasziv liegend, "
             "beine in der luft, beine breit, blick uber die nackte schulter, schweissnasse haut, "
             "olig glanzende haut, eingeolter korper, po rausgestreckt, hintern in die hohe, "
             "hand zwischen den schenkeln, kniend auf dem bett, schiena inarcata sul letto, schiena inarcata, "
             "piegata sul letto, china sul letto, carponi sul letto, a pecorina, sdraiata in modo sensuale, "
             "distesa sensualmente, gambe all aria, sguardo oltre la spalla nuda, pelle lucida di sudore, "
             "pelle sudata, corpo oliato, sedere all insu, mano tra le cosce, costas arqueadas na cama, "
             "arqueando as costas, debrucada na cama, inclinada sobre a cama, de quatro na cama, ficar de quatro, "
             "empinando a bunda, bunda empinada, deitada de forma sensual, pernas pro ar, "
             "olhando por cima do ombro nu, pele suada, pele brilhando de suor, corpo oleado, mao entre as coxas, "
             "holle rug op bed, voorovergebogen over het bed, op handen en knieen, verleidelijk liggend, "
             "benen in de lucht, benen gespreid op bed, over haar blote schouder kijkend, bezweet lichaam, "
             "glimmende bezwete huid, lichaamsolie, ingeolied lichaam, kont omhoog, hand tussen haar dijen, "
             "geknield op bed, wygiete plecy na lozku, wygiete plecy, pochylona nad lozkiem, na czworakach, "
             "na czworaka, lezaca zmyslowo, nogi w gorze, spogladajaca przez nagie ramie, spocona skora, "
             "skora lsniaca od potu, naoliwione cialo, wypiety tylek, wypieta pupa, dlon miedzy udami, "
             "kleczaca na lozku, spatele arcuit pe pat, aplecata peste pat, in patru labe, "
             "intinsa senzual pe pat, intinsa senzual, picioarele in aer, privind peste umarul gol, "
             "piele transpirata, piele lucind de sudoare, corp uns cu ulei, fundul ridicat, mana intre coapse, "
             "in genunchi pe pat, prohnuta zada na posteli, prohnuta zada, predklonena nad posteli, "
             "na vsech ctyrech, svudne lezici, nohy nahoru, roztazene nohy, pohled pres nahe rameno, "
             "zpocena kuze, kuze leskla potem, naolejovane telo, vystrceny zadek, ruka mezi stehny, "
             "klecici na posteli, svankt rygg i sangen, bojd over sangen, pa alla fyra, ligger forforiskt, "
             "benen i luften, sarade ben, tittar over sin bara axel, svettig hud, glansande svettig hud, "
             "inoljad kropp, rumpan i vadret, hand mellan laren, knaande pa sangen, "
             "καμπυλωμενη πλατη στο κρεβατι, σκυμμενη πανω απο το κρεβατι, στα τεσσερα, ξαπλωμενη αισθησιακα, "
             "ποδια στον αερα, ανοιχτα ποδια, κοιταζει πανω απο τον γυμνο ωμο της, ιδρωμενο δερμα, "
             "γυαλιστερο ιδρωμενο δερμα, λαδωμενο σωμα, οπισθια ψηλα, χερι αναμεσα στους μηρους, "
             "γονατιστη στο κρεβατι, выгнутая спина на кровати, выгнула спину, прогнулась в спине, "
             "нагнулась над кроватью, наклонилась над кроватью, в коленно локтевой позе, стоит раком, "
             "ноги кверху, раздвинув ноги, смотрит через голое плечо, потная кожа, блестящая от пота кожа, "
             "намасленное тело, попа кверху, рука между бедер, на коленях на кровати, вигнута спина на ліжку, "
             "прогнулася в спині, нахилилася над ліжком, рачки, навкарачки, ноги догори, розсунуті ноги, "
             "розставлені ноги, дивиться через голе плече, спітніла шкіра, шкіра блищить від поту, олія для тіла, "
             "намащене олією тіло, сідниці догори, рука між стегнами, на колінах на ліжку, "
             "yatakta sirtini kavislendirmis, yatakta egilmis, yataga egilmis, dort ayak ustunde, domalmis, "
             "domalan, bastan cikarici sekilde uzanmis, bacaklari havada, bacaklari acik, "
             "ciplak omzunun uzerinden bakan, terli ten, tere batmis ten, yaglanmis vucut, kalcasi havada, "
             "yatakta diz cokmus, ظهر مقوس على السرير, منحنية على السرير, على يديها وركبتيها, وضعية الكلب, "
             "مستلقية باغراء, رجليها في الهوا, فاتحة رجليها, ساقين مفتوحتين, بشرة متعرقة, بشرة لامعة بالعرق, "
             "جسم مدهون بالزيت, مؤخرتها مرفوعة, يدها بين فخذيها, راكعة على السرير, کمر قوس داده روی تخت, "
             "خم شده روی تخت, قمبل کرده, با عشوه دراز کشیده, پاهاش رو هوا, پاهای باز, "
             "از روی شونه لختش نگاه می‌کنه, پوست عرق کرده, بدن چرب شده, باسن بالا, دستش بین رون‌هاش, "
             "زانو زده روی تخت, גב מקושת על המיטה, רכונה מעל המיטה, שוכבת בצורה מפתה, רגליים באוויר, "
             "רגליים פשוקות, מביטה מעבר לכתפה החשופה, עור מיוזע, עור מבריק מזיעה, גוף משומן, ישבן מורם, "
             "יד בין הירכיים, כורעת על המיטה, बिस्तर पर कमर मोड़े, बिस्तर पर झुकी हुई, घुटनों और हाथों के बल, "
             "मादक अंदाज़ में लेटी, कामुक अंदाज़ में लेटी, टांगें हवा में, टांगें फैलाए, "
             "नंगे कंधे के ऊपर से देखती, पसीने से भीगी त्वचा, पसीने से चमकती त्वचा, बॉडी ऑयल, तेल से चमकता बदन, "
             "कूल्हे ऊपर उठाए, जांघों के बीच हाथ, बिस्तर पर घुटनों के बल, বিছানায় পিঠ বাঁকিয়ে, "
             "বিছানার উপর ঝুঁকে, মোহনীয় ভঙ্গিতে শুয়ে, কামুক ভঙ্গিতে শুয়ে, পা উপরে তুলে, পা ফাঁক করে, "
             "খোলা কাঁধের উপর দিয়ে তাকিয়ে, ঘামে ভেজা ত্বক, ঘামে চকচকে ত্বক, বডি অয়েল, তেল মাখা শরীর, "
             "নিতম্ব উঁচু করে, উরুর মাঝে হাত, বিছানায় হাঁটু গেড়ে, بستر پر کمر خم کیے, بستر پر جھکی ہوئی, "
             "ہاتھوں اور گھٹنوں کے بل, شہوت انگیز انداز میں لیٹی, ٹانگیں ہوا میں, ٹانگیں پھیلائے, "
             "ننگے کندھے کے اوپر سے دیکھتی, پسینے سے بھیگی جلد, پسینے سے چمکتی جلد, باڈی آئل, تیل سے چمکتا بدن, "
             "کولہے اوپر اٹھائے, رانوں کے بیچ ہاتھ, بستر پر گھٹنوں کے بل, punggung melengkung di ranjang, "
             "membungkuk di atas kasur, nungging, menungging, berbaring menggoda, mengangkang, "
             "kaki terbuka lebar, melirik dari balik bahu telanjang, kulit berkeringat, kulit berkilau keringat, "
             "tubuh dilumuri minyak, pantat diangkat, tangan di antara paha, berlutut di kasur, "
             "membongkok di atas katil, menonggeng, tonggeng, berbaring menggoda, kaki ke atas, mengangkang, "
             "kangkang, kulit berpeluh, kulit berkilat dengan peluh, badan berminyak, bontot diangkat, "
             "tangan di celah peha, melutut di atas katil, cong lung tren giuong, uon lung tren giuong, "
             "cui nguoi tren giuong, chong mong, nam quyen ru tren giuong, dang rong hai chan, banh chan, "
             "nhin qua bo vai tran, da dam mo hoi, than the boi dau, mong cong len, tay dat giua hai dui, "
             "quy tren giuong, "
             "on all fours, bending over, bent over, arching her back, arched back, legs apart, from behind, "
             "lying on her stomach, spread legs, straddling",
        0.25: "lying down, reclining, lying on her back, view from the back, over the shoulder, over her shoulder, "
              "back view, de espaldas, de dos, von hinten, di spalle, de costas",
    },
    "body": {
        0.35: "thick thighs, underboob, sideboob, side boob, breast focus, ass focus, thigh focus, crotch focus, tan lines, tanlines, "
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
              "stepping out of the shower, out of the bath, rinsing off, skinny dipping, clothing optional, strip poker, "
              # in a bath, a tub or a sauna: what a model then draws is mostly skin
              "bathtub, bath tub, in the bath, in a bath, in her bath, bubble bath, milk bath, hot tub, jacuzzi, sauna, "
              "onsen, hot spring, hot springs, drying herself, wrapped in a towel, in a towel, "
              "heisse quelle, heissen quelle, heisser quelle, thermalquelle, aguas termales, fuente termal, "
              "source chaude, sources chaudes, sorgente termale, sorgenti termali, fonte termal, aguas termais, "
              "горячий источник, горячем источнике, горячих источниках, gorace zrodla, goracym zrodle, "
              "termal kaynak, warme bron, varma kallor, "
              "sous la douche, dans le bain, dans la baignoire, en la ducha, bajo la ducha, en la banera, en el jacuzzi, "
              "unter der dusche, in der badewanne, im whirlpool, sotto la doccia, nella vasca, no chuveiro, na banheira, "
              "в душе, в ванне, в сауне, в бане, i duschen, i badkaret, i badkar, i bastun, i bastu, onder de douche, "
              "pod prysznicem, w wannie, w saunie, ve sprse, ve vane, v saune, nur mit handtuch, nur im handtuch, "
              "enrolada numa toalha, enrolada na toalha, envuelta en una toalla, enveloppee dans une serviette",
        0.35: "love hotel, love motel, honeymoon suite, honeymoon suite bed, strip club stage, stripper pole, "
              "champagne room, private dance booth, peep show booth, bedroom selfie, bed selfie, "
              "mirror selfie in underwear, mirror selfie in lingerie, nude beach, naturist beach, "
              "nudist beach, nudist camp, nudist resort, clothing optional beach, konyoku, red light window, "
              "red light district window, puticlub, prostibulo, stundenhotel, happy ending massage, nuru massage, "
              "soapland, gentlemen s club, gentlemens club, go go bar, gogo bar, fetish club, sex club, "
              "swingers club, bdsm dungeon, sex dungeon, red room of pain, post coital, стрип клуб, стрипклуб, "
              "silk sheets, satin sheets, bedsheets, bed sheets, bathing, changing room, locker room, shower, massage, "
              "bed of rose petals, bed of roses, rose petals, sheer curtain, linen sheets, "
              "white sheets, waterbed, unmade bed, messy bed, cama desarrumada, cama deshecha, lit defait, "
              "al bagno, fanno il bagno, se baignant, se baignent, banandose, tomando banho, beim baden, купаются, "
              "купающиеся",
        0.25: "bed, in bed, on bed, on the bed, bedroom, sheets, bath, spa, boudoir chair, sunbathing, sunbathes, sun bathing, "
              "lit, chambre, cama, dormitorio, bett, schlafzimmer, letto, camera da letto, quarto, "
              "bed kamer, lozko, кровать, постель, yatak, yatakta, yataga, yataginda, yatagina, ranjang, kasur, giuong",
    },
    "person": {
        0.15: "woman, women, girl, girls, lady, ladies, female, she, her, goddess, goddesses, maiden, wife, "
              "housewife, mistress, nun, nurse, maid, priestess, mermaid, model, princess, queen, elf, witch, "
              "femme, mujer, chica, frau, madchen, donna, ragazza, mulher, moca, vrouw, meisje, kobieta, "
              "dziewczyna, женщина, девушка, kadin, kiz, wanita, gadis, perempuan, co gai, phu nu, "
              "kvinna, kvinnan, tjej, flicka, zena, divka, femeie, femeia, γυναικα, κοπελα, жінка, дівчина",
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
    "nude_art": {0.6: "春画, オダリスク, ヴィーナスの誕生, 维纳斯的诞生, 维纳斯诞生", 0.45: "歌麿, 海报女郎, ピンナップ, 핀업, พินอัพ, بن أب, پین‌آپ, پین آپ, פין-אפ, פין אפ, पिन-अप, "
                               "पिन अप, পিন-আপ, পিন আপ, پن اپ"},
    "glamour": {0.35: "逆バニー, バニーガール, 童貞を殺すセーター, ボンデージ, ラバースーツ, エロコス, 兔女郎, 逆兔女郎, 情趣制服, 情趣护士装, 胶衣, 바니걸, 역바니, 본디지, ラブホテル, "
                "ラブホ, 朝チュン, 情趣酒店, 情侣酒店, 러브호텔, "
                "際どい, 撩人, 衣着暴露, ",
                0.45: "วาบหวิว, ใส่น้อยชิ้น, เย้ายวน, 妖艶, 悩殺, グラドル, えちえち, 妖娆, 风骚, 大尺度, 福利姬, 노출 심한, 육감적, 꼴리는, 섹기, "
                "官能的, 관능적, 勾人, ยั่ว, مغرية, مغري, اغواکننده, اغواگرانه, מפתה, लुभाने, মোহময়, لبھانے, 性感, 诱惑, 誘惑, セクシー, 色っぽい, 섹시, 야한, مثير, مثيرة, سکسی, سکسي, סקסית, סקסי, "
                      "सेक्सी, মাদক, সেক্সি, سیکسی, เซ็กซี่, ยั่วยวน"},
    "pose": {0.4: "ベッドの上で背中を反らし, 女豹のポーズ, M字開脚, 尻を突き出, お尻を突き出, 股を開いて, 汗ばんだ肌, 濡れた肌, オイルまみれ, 太ももの間に手, ベッドで膝立ち, 床上塌腰, "
                "塌腰翘臀, 跪趴, 撅着屁股, 撅起屁股, M字腿, M字开腿, 张开双腿, 双腿张开, 妩媚地躺着, 汗湿的肌肤, 涂满精油, 油亮的皮肤, 手放在大腿之间, 跪在床上, "
                "침대 위에서 허리를 젖힌, 허리를 꺾은, 엎드려 엉덩이를 든, 엉덩이를 내민, M자 다리, 다리를 벌린, 다리 벌리고, 요염하게 누운, 땀에 젖은 피부, 오일 바른 몸, "
                "번들거리는 피부, 허벅지 사이에 손, 침대 위에 무릎 꿇은, แอ่นหลังบนเตียง, แอ่นหลัง, โก้งโค้ง, ท่าหมา, นอนยั่ว, อ้าขา, "
                "ถ่างขา, ผิวเปียกเหงื่อ, ผิวมันวาว, ทาน้ำมันทั่วตัว, ยกก้น, ก้นโด่ง, มือระหว่างต้นขา, "
                "คุกเข่าบนเตียง"},
    "body": {0.35: "巨乳, 爆乳, 美尻, 横乳, 下乳, おっぱい, 翘臀, 蜜桃臀, 거유, นมโต, "
             "乳沟, 谷間, 胸の谷間, 가슴골, 大腿, 太もも, 허벅지, 腰部, 肚脐, おへそ, 맨 어깨, 맨어깨, 허리 라인, 맨살, "
                   "裸肩, 香肩, 素肌"},
    "setting": {0.45: "入浴, 露天風呂, 浴缸, 风呂, お風呂, 욕조, 泡澡, 洗澡, 泡泡浴, 温泉, 桑拿, サウナ, 사우나, 온천, 목욕, "
                      "샤워하는, 샤워 중, シャワーを浴び, 淋浴中",
                0.3: "실크 시트, 床单, シーツ, 床上, ベッド, 침대, 浴室, 샤워, シャワー, 淋浴, سرير, تخت, מיטה, "
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
kimono hanbok sari saree qipao cheongsam hoodie turtleneck cardigan parka jumpsuit overalls blazer tunic
lion lions tiger tigers wolf wolves bear eagle
""".split())
CLOTHED_NUDE_ART = 0.3
# Nude subjects and genres, not painters: no coat or horse beside them makes them clothed
# ("Lady Godiva riding a white horse", "pin-up girl leaning on a car").
NUDE_SUBJECTS = frozenset(parse(
    "adam and eve, lady godiva, maja desnuda, the naked maja, birth of venus, nascita di venere, naissance de venus, "
    "nacimiento de venus, geburt der venus, nascimento de venus, рождение венеры, venus anadyomene, venus pudica, "
    "sleeping venus, rokeby venus, venus of urbino, reclining venus, venus at her mirror, venus with a mirror, "
    "venus del espejo, toilet of venus, toilette of venus, venus at her toilet, odalisque, odalisca, odaliske, "
    "grande odalisque, одалиска, одалиски, nuda veritas, truth coming out of her well, la verite sortant du puits, "
    "l origine du monde, bathsheba, susanna and the elders, leda and the swan, diana and actaeon, diana bathing, "
    "bath of diana, diana after the bath, nymphs bathing, bathing nymphs, the turkish bath, le bain turc, "
    "academic nude, nude model, life drawing model, dance of the seven veils, pin up girl, pinup girl, pin up model, "
    "glamour model, centerfold, playboy calendar, playmate calendar, vargas girl, vargas girls, petty girl, petty girls"))
# Words that, right after a cue, give it an ordinary meaning ("bed frame", "bust of Caesar").
# Words that, right before a cue, give it an ordinary meaning ("a marble bust").
CUE_STOP_PREV: dict[str, frozenset[str]] = {
    "bust": frozenset("marble bronze stone plaster clay roman greek portrait".split()),
}
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
# Cues that name a painter, a photographer or an artwork: a named person found inside one is its author
ART_GROUPS = frozenset({"nude_art", "art"})


@dataclass(frozen=True, slots=True)
class SuggestiveResult:
    score: float
    cues: tuple[Cue, ...]  # the strongest cue of each group that fired
    art_spans: tuple[tuple[int, int], ...] = ()  # every painter's or artwork's name (normalised offsets)

    def names_an_author(self, start: int, end: int) -> bool:
        """Whether the normalised span [start, end) lies in a painter's or an artwork's name."""
        return any(a < end and start < b for a, b in self.art_spans)

    def sexualising(self) -> bool:
        return any(c.weight >= SEXUALISING.get(c.group, 2.0) for c in self.cues)


_NOTHING = SuggestiveResult(0.0, ())


@dataclass(frozen=True, slots=True)
class CueBound:
    """What a prompt's cues could weigh at most, before any phrase is matched (SuggestiveCues.upper_bound)."""
    heaviest: dict[str, float]  # group -> the heaviest weight its phrases could give
    subs: list[tuple[str, int, int]]  # substring cues found: (term, start, end)

    def reaches(self, floor: float, person_weight: float = 0.0) -> bool:
        """Whether the cues at their heaviest, with a person cue of `person_weight`, could reach `floor`."""
        if not self.heaviest:
            return False
        weights = dict(self.heaviest)
        weights["person"] = max(person_weight, weights.get("person", 0.0))
        return _combine(weights.values()) >= floor


class SuggestiveCues:
    """Scores implicit sexualisation from cue groups. Built once, read-only."""

    def __init__(self) -> None:
        # phrase -> (group, weight); a heavier listing of the same phrase wins
        self.phrases = PhraseTable((ph, (group, weight)) for group, by_weight in CUES.items()
                                   for weight, spec in sorted(by_weight.items()) for ph in parse(spec))
        # word -> (group, weight, all its words) of the phrases filed under it: the phrases whose
        # words are all in the prompt bound its score from above, which lets most prompts stop
        # before any phrase is matched in order. A phrase is filed under its longest word, not its
        # first: "a genoux sur le lit" under "genoux", so that English "a" opens nothing.
        self.bound: dict[str, list[tuple[str, float, frozenset[str]]]] = {}
        for ph, (group, weight) in self.phrases.table.items():
            w = ph.split(" ")
            self.bound.setdefault(max(w, key=len), []).append((group, weight, frozenset(w)))
        self.bound_words = frozenset(self.bound)
        self.subs = {ph: (group, weight) for group, by_weight in CUES_SUBSTRING.items()
                     for weight, spec in by_weight.items() for ph in parse(spec)}
        self.sub_re = SubstringMatcher(self.subs)

    def score(self, n: Normalized, floor: float = SUGGESTIVE_EMIT, words: Words | None = None,
              person: Cue | None = None, bound: CueBound | None = None) -> SuggestiveResult:
        """The prompt's cues and score (`words`: its words, when the caller has split it already;
        `bound`: its `upper_bound`, when the caller has asked for it already).
        `person`: a named real person found by the caller, who counts as the person cue
        ("<actress>, on bed" is "woman, on bed" about her). A prompt whose cues cannot reach `floor`
        even at their heaviest, and holds no sexualising cue, returns score 0 and no cues without
        matching any phrase (the common case)."""
        s = n.text
        if words is None:
            words = Words(s)
        toks = words.tokens
        distinct = words.distinct
        if bound is None:
            bound = self.upper_bound(n, words)
        if not bound.heaviest:
            return _NOTHING
        heaviest, subs = dict(bound.heaviest), bound.subs
        if person is not None:
            heaviest[person.group] = max(person.weight, heaviest.get(person.group, 0.0))
        if _combine(heaviest.values()) < floor and SEXUALISING_GROUPS.isdisjoint(heaviest):
            return _NOTHING
        best: dict[str, Cue] = {}
        art_spans: list[tuple[int, int]] = []  # every painter's or artwork's name, not only the heaviest
        present = self.phrases.first_words.intersection(distinct)
        if present:
            spans = words.spans
            skip_to = 0
            for i, k, key, (group, weight) in self.phrases.longest_matches(toks, present):
                if i < skip_to:
                    continue  # inside a longer phrase already matched
                nxt = toks[i + k] if i + k < len(toks) else ""
                if nxt and nxt in CUE_STOP_NEXT.get(key, ()) or i and toks[i - 1] in CUE_STOP_PREV.get(key, ()):
                    continue  # "bed frame", "bust of Caesar", "a marble bust"
                self._keep(best, Cue(group, weight, spans[i][0], spans[i + k - 1][1], key))
                if group in ART_GROUPS:
                    art_spans.append((spans[i][0], spans[i + k - 1][1]))
                skip_to = i + k
        for term, a, b in subs:
            group, weight = self.subs[term]
            self._keep(best, Cue(group, weight, a, b, term))
            if group in ART_GROUPS:
                art_spans.append((a, b))
        art = best.get("nude_art")
        clothed = (art is not None and art.weight > CLOTHED_NUDE_ART and art.term not in NUDE_SUBJECTS
                   and not CLOTHED_OR_SCENE.isdisjoint(distinct))
        if clothed:
            best["nude_art"] = replace(art, weight=CLOTHED_NUDE_ART)
        result = SuggestiveResult(0.0, (), tuple(art_spans))
        if person is not None and not clothed and not result.names_an_author(person.start, person.end):
            # a named person is the person cue, unless the name is the painter's ("Egon Schiele style"),
            # or the painter painted the person clothed ("as Thor in full armor, by Boris Vallejo")
            best[person.group] = person
        if not best:
            return _NOTHING
        cues = tuple(sorted(best.values(), key=lambda c: c.start))
        return replace(result, score=round(_combine(c.weight for c in cues), 4), cues=cues)

    def upper_bound(self, n: Normalized, words: Words) -> CueBound:
        """The heaviest weight each group could reach in the prompt (phrases whose words are all
        in it), and the substring cues found: cheap, no phrase is matched."""
        s = n.text
        distinct = words.distinct
        filed = self.bound_words.intersection(distinct)
        subs = [] if s.isascii() else [(m.group(), m.start(), m.end()) for m in self.sub_re.finditer(s)]
        heaviest: dict[str, float] = {}
        for w in filed:
            for group, weight, needs in self.bound[w]:
                if weight > heaviest.get(group, 0.0) and (len(needs) == 1 or needs.issubset(distinct)):
                    heaviest[group] = weight
        for term, _, _ in subs:
            group, weight = self.subs[term]
            if weight > heaviest.get(group, 0.0):
                heaviest[group] = weight
        return CueBound(heaviest, subs)

    @staticmethod
    def _keep(best: dict[str, Cue], cue: Cue) -> None:
        old = best.get(cue.group)
        if old is None or cue.weight > old.weight:
            best[cue.group] = cue
