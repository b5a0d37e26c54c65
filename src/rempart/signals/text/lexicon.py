"""Multilingual term lists for the text-intent detector.

Terms are written in plain lower case and go through the prompt normaliser at load time,
so accents here are optional ("déshabille" and "deshabille" are the same entry).

Syntax of a term list: comma-separated entries; an entry is one or more words.
- `word*`  prefix match (a stem), the word may carry up to 6 more letters;
- `=0.6`   at the end: score for this entry (default: the list's score);
- `^word`  match against the accent-keeping view (to tell "niña" from the name "Nina").

Scripts written without spaces (Japanese, Chinese, Korean) and scripts where clitics glue
onto words (Arabic, Hindi) go to SUBSTRING_TERMS and are matched as substrings.

Harmful examples are kept to the words needed to recognise a request; nothing graphic.
"""

from __future__ import annotations

from rempart.signals import kinds as K

DIRECT = 0.9  # a direct, unambiguous term

# ---------------------------------------------------------------------------------------
# Word terms: TERMS[kind][lang] = "entry, entry, ..."
# ---------------------------------------------------------------------------------------
TERMS: dict[str, dict[str, str]] = {
    K.TEXT_UNDRESS: {
        "en": "forgot her towel=0.8, kit off=0.85, only her shoes on=0.85, only his shoes on=0.85, nothing but her shoes=0.85, nothing but shoes=0.85, just her shoes on=0.85, leave only her shoes=0.85, until nothing is left=0.7, until nothing remains=0.7, soaked so everything shows=0.85, wet so everything shows=0.85, forgot the towel=0.8, without her towel=0.7, less fabric=0.8, fewer layers of fabric=0.7, clothes invisible=0.85, clothing invisible=0.85, invisible clothes=0.8, leave her only=0.7, leave him only=0.7, undress*, undess, disrobe*, unclothe, strip naked, strip nude, strip down, stripped down=0.6, "
        "strip off, stripping off, get naked, gets naked, getting naked, scantily clad=0.7, "
        "scantily dressed=0.7, barely clothed=0.7, barely dressed=0.7, skimpy=0.6, "
        "half dressed=0.6, half undressed, upskirt, downblouse, wardrobe malfunction=0.7, "
        "seethrough=0.7, xray vision, x ray vision, clothes off, clothing off, "
        "no clothes, no clothing, without clothes, without clothing, without any clothes, "
        "less clothes, less clothing, fewer clothes, minimal clothing=0.7, nothing on=0.6, "
        "wearing nothing, not wearing anything=0.7, dressed in nothing, "
        "under her clothes=0.8, under her clothing=0.8, beneath her clothes=0.8, underneath her clothes=0.8, "
        "under his clothes=0.8, under her shirt=0.7, under her dress=0.7, under her top=0.7",
        "fr": "ne lui laisse que ses chaussures=0.85, jusqu a ce qu il ne reste rien=0.7, a oilp=0.9, a loilpe=0.9, deshabiy*, enleve tout ce qu elle porte=0.9, enleves tout ce qu elle porte=0.9, enlever tout ce qu elle porte=0.9, retire tout ce qu elle porte=0.9, enleve tout ce qu il porte=0.9, retire tout ce qu il porte=0.9, oublie sa serviette=0.8, sans sa serviette=0.7, moins de tissu=0.8, vetements invisibles=0.85, deshabill*, denud*, sans vetements, sans vetement, sans habits, sans aucun vetement, "
        "moins de vetements, a poil, tenue legere=0.6, peu vetue=0.7, peu vetu=0.7, transparence=0.6",
        "es": "dejale solo los zapatos=0.85, hasta que no quede nada=0.7, olvido la toalla=0.8, olvidado la toalla=0.8, sin la toalla=0.7, menos tela=0.8, ropa invisible=0.85, olvidado vestirse=0.8, olvidara vestirse=0.8, olvidado de vestirse=0.8, encuera*, desvist*, desvest*, desnudal*, desnudarl*, sin ropa, sin nada de ropa, menos ropa, "
        "quitale la ropa, quitarle la ropa, sacale la ropa, ligera de ropa=0.7, semidesnud*",
        "de": "nur die schuhe anlassen=0.85, nur noch die schuhe an=0.85, bis nichts mehr ubrig ist=0.7, bis nichts mehr ubrig bleibt=0.7, weniger stoff=0.8, kleidung unsichtbar=0.85, kleider unsichtbar=0.85, klamotten unsichtbar=0.85, weniger anhat=0.8, weniger an hat=0.8, halb angezogen=0.7, halb bekleidet=0.7, auszieh*, ausgezogen*, entkleid*, entbloss*, ohne kleidung, ohne kleider, ohne klamotten, "
        "zieh sie aus, zieh ihn aus, ziehe sie aus, zieh dich aus, zieht sie aus, weniger kleidung, freizugig=0.6, knapp bekleidet=0.7, spärlich bekleidet=0.7",
        "it": "lasciale solo le scarpe=0.85, finche non resta niente=0.7, meno stoffa=0.8, meno tessuto=0.8, vestiti invisibili=0.85, lasciale addosso solo=0.85, lasciagli addosso solo=0.85, addosso solo=0.7, spoglia, spogliala, spoglialo, spogliare, spogliarla, spogliata, spogliato, spogliati, "
        "spogliate, svestit*, svestila, senza vestiti, senza abiti, meno vestiti, poco vestita=0.7",
        "pt": "deixa so os sapatos=0.85, so de sapatos=0.8, ate nao sobrar nada=0.7, esquecido a toalha=0.8, esqueceu a toalha=0.8, sem a toalha=0.7, menos tecido=0.8, menos pano=0.8, roupa invisivel=0.85, roupas invisiveis=0.85, despe, despir, despida, despido, despi la, despe la, tira a roupa, tire a roupa, "
        "tirar a roupa, tira as roupas, tire as roupas, sem roupa, sem roupas, menos roupa",
        "nl": "ontkleed*, ontkled*, alleen haar schoenen aan=0.85, alleen nog haar schoenen=0.8, tot er niets meer over is=0.7, kleren eraf=0.9, kleding eraf=0.9, minder stof=0.8, kleren onzichtbaar=0.85, kleding onzichtbaar=0.85, zonder iets aan=0.8, niks aan=0.7, helemaal niets aan=0.8, uitkleden, uitgekleed, kleed haar uit, kleed hem uit, kleed je uit, zonder kleren, "
        "zonder kleding, minder kleding",
        "pl": "zostaw jej tylko buty=0.85, tylko w butach=0.8, az nic nie zostanie=0.7, mniej materialu=0.8, ubranie niewidzialne=0.85, ubrania niewidzialne=0.85, na sobie nic=0.8, nic na sobie=0.8, niczego na sobie=0.8, rozbierz*, rozbiera*, rozebra*, bez ubrania, bez ubran, bez ciuchow, mniej ubran",
        "ru": "оставь только обувь=0.85, только в обуви=0.8, пока ничего не останется=0.7, оголи её=0.9, оголи ее=0.9, оголить её=0.9, обнажи её=0.9, обнажи ее=0.9, меньше ткани=0.8, раздень*, раздеть*, раздева*, раздет*, без одежды, меньше одежды, полураздет*, под одеждой=0.8, под одеждою=0.8, сквозь одежду=0.8",
        "uk": "залиш тільки взуття=0.85, тільки у взутті=0.8, поки нічого не залишиться=0.7, менше тканини=0.8, роздягн*, роздяга*, без одягу, менше одягу, під одягом=0.8, крізь одяг=0.8",
        "tr": "sadece ayakkabilari kalsin=0.85, sadece ayakkabilariyla=0.8, hicbir sey kalmayana kadar=0.7, ustunde hicbir sey kalmasin=0.8, ustunde bir sey kalmasin=0.8, havlusu olmadan=0.8, havlusuz=0.8, daha az kumas=0.8, kiyafetler gorunmesin=0.85, kiyafetleri gorunmesin=0.85, kiyafet gorunmesin=0.85, kiyafetler gozukmesin=0.85, ustundekileri azalt=0.8, ustundekileri cikar=0.9, dugmelerini ac=0.8, dugmelerini coz=0.8, dizlere kadar indir=0.8, dizine kadar indir=0.8, dizlerine kadar indir=0.8, altinda ne giyiyor=0.8, altinda ne giymis=0.8, elbisesinin altinda=0.8, gomleginin altinda=0.8, "
        "tisortunun altinda=0.8, kazaginin altinda=0.8, montun altinda=0.8, montunun altinda=0.8, "
        "ceketinin altinda=0.8, paltosunun altinda=0.8, kiyafetlerinin altinda=0.8, ustunde hicbir sey olmasin=0.8, ustunde hic bir sey olmasin=0.8, ustunde bir sey olmasin=0.8, ustunde hicbir sey yok=0.8, ustunde bir sey yok=0.8, soyun*, soydur*, onu soy, onu tamamen soy, tamamen soy, kizi soy, kadini soy, kiyafetsiz, elbisesiz, giysisiz",
        "id": "sisain sepatunya aja=0.8, cuma pake sepatu=0.85, hanya pakai sepatu=0.85, lucuti*, melucuti*, sampai tidak tersisa=0.7, sampai ga ada yang tersisa=0.7, sampai kelihatan dalam=0.8, sampai keliatan dalam=0.8, kurangi kain=0.8, sampai kelihatan badan=0.8, sampai terlihat tubuh=0.8, buka baju*, lepas baju*, lepaskan baju*, copot baju*, buka pakaian*, lepas pakaian*, "
        "lepaskan pakaian*, tanpa baju, tanpa busana, tanpa pakaian, telanjangi*, bukakan baju*, bukain baju*, lepasin baju*, copotin baju*, bukain pakaian*",
        "sv": "bara skorna pa=0.85, tills inget finns kvar=0.7, mindre tyg=0.8, klä av, kläd av, utan kläder, lättklädd=0.7, lättklätt=0.7, lättklädda=0.7, halvnaken=0.8",
        "cs": "nech ji jen boty=0.85, dokud nic nezbyde=0.7, pryc vsechno co ma na sobe=0.85, sundej vsechno co ma na sobe=0.85, odstran vsechno co ma na sobe=0.85, videt skrz=0.8, je videt skrz=0.8, vysvlec*, vysvlekn*, at je videt telo=0.8, je videt co je pod=0.8, mene latky=0.8, obleceni neviditelne=0.85, bez jakehokoli obleceni=0.9, min obleceni=0.8, mene obleceni=0.8, napul oblecen*=0.8, hadry, svlekn*, svlec*, bez obleceni",
        "ro": "mai putin material=0.8, dezbrac*, fara haine, fara hainele, fara niciun fir, in pielea goala",
        "ja-latn": "nugase*, nugashi*, nugaseta, fuku wo nug*, fuku nashi",
        "vi": "^bỏ hết đồ trên người, ^bỏ đồ trên người, ^lột đồ trên người, ^xóa đồ trên người, ^loại bỏ trang phục, ^xóa trang phục, ^cởi bỏ trang phục, ^gỡ bỏ trang phục, ^bỏ trang phục=0.85, ^bớt vải=0.8, ^ít vải=0.8, ^mặc ít lại=0.8, ^váy biến mất, ^áo biến mất, ^quần biến mất, ^đồ biến mất, ^kéo quần xuống, ^tụt quần, ^tuột quần, ^kéo váy xuống, ^kéo áo xuống, ^mở hết cúc=0.9, ^cởi hết cúc=0.9, ^cởi cúc áo=0.8, ^cởi nút áo=0.8, ^mở khóa váy=0.8, ^kéo khóa váy xuống, ^vén váy, ^vén áo, ^tốc váy, ^lột đồ, ^lột quần áo, ^lột sạch, ^ướt cho thấy=0.8, ^ướt để thấy=0.8, ^ướt nhìn thấy=0.8, ^cho thấy bên trong=0.7, ^mặc ít đồ=0.8, ^ít đồ hơn=0.8, ^ít quần áo=0.8, ^cởi bớt=0.9, ^mặc hở hang=0.7, ^biến mất quần áo=0.8, ^không có gì trên người=0.8, ^cởi đồ, ^cởi quần áo, ^không mặc quần áo, "
        "^xóa váy, ^xoá váy, ^xóa bộ váy, ^xoá bộ váy, ^xóa quần áo, ^xoá quần áo, ^xóa bộ đồ, ^xoá bộ đồ, "
        "^thấy hết bên trong=0.8, ^lộ hết bên trong=0.8",
        "hi-latn": "sari utar*, saree utaa*, saree hata*, dress gayab=0.9, kapde gayab=0.9, aadhe kapdon=0.8, aadhe kapde=0.8, kam kapde=0.8, kam kapdon=0.8, kapde utar*, kapde utaa*, kapde nikal*, kapde hata*, kapda utar*, kapda hata*, kapde khol*, "
        "bina kapde, bina kapdo*, kapdeutar*, kapdeutaa*, kapdehata*, nangi kar*, nanga kar*",
        "el": "μη φοραει τιποτα=0.85, δεν φοραει τιποτα=0.85, να μην φοραει τιποτα=0.85, γδυσε, γδυσ την, γδυστην, γδυσου, γδυσιμο, ξεγυμνωσε, ξεγυμνωσ*, βγαλε τα ρουχα, βγαλ της τα ρουχα, "
        "βγαλτης τα ρουχα, χωρις ρουχα, χωρις καθολου ρουχα",
        "el-latn": "gdys tin, gdis tin, gdyse tin, gdyse, gdise, gdyse thn, gdise tin, gdyste, vgale ta rouxa, vgale ta rouha, vgalta rouxa, "
        "ksentyse, ksentise, xentyse, xentise, ksegymnwse, ksegimnose, ksegymnose, xwris ta rouxa, xoris ta rouxa, "
        "xwris rouxa, xoris rouxa, xoris rouha",
        "ms": "bukok baju*, bukok pakaie*, tinggalkan kasut sahaja=0.85, sampai tiada yang tinggal=0.7, lucutkan*, sampai nampak dalam=0.8, kurangkan kain=0.8, sampai nampak badan=0.8, nampak badan=0.7, separuh berpakaian=0.8, kurang pakaian=0.8, bukak baju*, bukak pakaian*, tanggal baju*, tanggal pakaian*, buka baju*, tanggalkan baju*, tanggalkan pakaian*, lucutkan pakaian*, tanpa baju, tanpa pakaian, "
        "tak berbaju, tidak berbaju, bukakan baju*, tanggalkan seluar*",
        "bn-latn": "jama kapor gayeb, kapor gayeb, jama gayeb, kapor khuli, jama khuli, kapor khuila, jama khuila, saree ta khule, sari ta khule, saree khule, sari khule, jama ta khule, kapor ta khule, jama khulo, jama khule, jama khol, kapor khulo, kapor khule, kapor khol, kapor chara, "
        "jama chara, kapor soriye, jama soriye, kapor sorao, jama sorao, nengta koro, lengta koro",
        # Pinyin, tone marks dropped, syllables spaced or glued.
        "zh-latn": "tuo yifu, tuoyifu, tuodiao yifu, yifu tuo*, tuo guang, tuoguang, bu chuan yifu, buchuan yifu, "
        "mei chuan yifu, yifu touming, tuoguang, tuo guang, tuo yifu, tuodiao yifu",
        # Arabizi (Egyptian and Levantine chat spelling).
        "ar-latn": "7yed liha l7wayej, 7ayed liha l7wayej, 7yed l7wayej, 7ayed l7wayej, 7iyed l7wayej, 7yed 7wayejha, 7yed 7wayjha, n7i liha l7wayej, na7i l7wayej, men gher hdoom, mn gher hdoom, men ghir hdoum, bdoun hdoum, bdun hdoum, bidoun hdoum, bdoon hdoom, bedoon hdoom, men gheir hdoum, "
        "bdoun malabes, bdun malabis, bidoon malabis, bedoun malabis, sheel hdoumha, shil hdoumha, "
        "sheel hdoomha, shili hdoumha, sheel malabesha, shil malabisha, ekla3 hdoumha, e2la3 hdoumha, "
        "e2la3ha, ekhla3 malabesha, e5la3 malabesha, shal7ha, shla7ha, 3arriha, 3arriiha, 3arrih, 3arrayha",
        # Finglish (Persian in Latin letters).
        "fa-latn": "lokhtesh kon, lokht kon, lokhtesh kun, lebasasho dar biar, lebasasho darbiar, "
        "lebasesho dar biar, lebasesh ro dar biar, lebasasho dar biyar, bedune lebas, bedoone lebas, bi lebas",
        "ru-latn": "razden*, razdet*, razdevai*, razdevay*, bez odezhdy, bez odejdy, bez odezhdi",
        "ur-latn": "kapre utar*, kapray utar*, kapry utar*, kapre uttar*, kapde utaro, kapre utaar*, "
        "kapray utaar*, kapde utaar*, kapre hata*, kapray hata*, kapreutar*, kaprayutar*, bina kapron, "
        "baghair kapron, baghair kapre, baghair kapray",
        "uk-latn": "rozdyahny, rozdiahny, rozdyagny, rozdjahny",
        "ko-latn": "ot beotgyeo, ot beotgyeojwo, ot beotgyeo jwo, beotgyeojwo",
        "he-latn": "tafshit, tafshiti, lehafshit",
        # "عرِّها" (strip her) without its marks: a whole word only, never inside "شعرها" (her hair)
        "ar": "عرها",
        "th-latn": "thod suea, thod sua, tod seua, tod suea, thot suea, thod seua, tod sua, todseua, todsuea, thotsuea, tod chud, thot chut, "
        "tot seua, tot suea, tot sua, thot seua, thot sua",
    },
    K.TEXT_SWIMWEAR: {
        "en": "swimming trunks=0.7, bikini*, microbikini, monokini, tankini, swimsuit, swimsuits, swim suit, swimwear, "
        "bathing suit, bathing suits, swimming costume, swim trunks=0.7, speedo=0.7, speedos=0.7, "
        "beachwear=0.6, bikini top, bikini bottoms, thong bikini",
        "fr": "maillot de bain, maillots de bain, en maillot=0.7, deux pieces=0.6, bikini, string de bain=0.8",
        "es": "malla de dos piezas, traje de dos piezas, malla enteriza, banador, banadores, traje de bano, trajes de bano, biquini, biquinis, vestido de bano",
        "de": "badchleid*, zweiteiler=0.8, badkleid, badegwand, badeanzug, badeanzugen, badeanzuge, badehose=0.7, badebekleidung, bademode",
        "it": "costume intero, costume da bagno, costumi da bagno, costumino=0.7, costume a due pezzi, due pezzi=0.6",
        "pt": "fato de banho, sunga, biquini, biquinis, maio de banho, ^maiô, roupa de banho, traje de banho, fio dental=0.7",
        "nl": "zwembroek, zwempak, badpak, badkleding, zwemkleding",
        "pl": "kostium dwuczesciowy, kostiumie dwuczesciowym, stroj dwuczesciowy, stroju dwuczesciowym, stroj kapielowy, kostium kapielowy, kostiumie kapielowym, stroju kapielowym, kapielowk*",
        "ru": "плавки, плавках, купальник*, купальн*, бикини, в стрингах=0.8, стрингах=0.8",
        "uk-latn": "kupalnyk*, kupalnik*",
        "uk": "плавки, плавках, купальник*, купальн*, бікіні, у стрінгах=0.8, в стрінгах=0.8, стрінгах=0.8",
        "tr": "mayo, mayoya, mayosu, mayoyu, mayolar, mayolari, bikiniye, mayolu, mayo giy*, mayoyla",
        "id": "celana renang, baju renang, pakaian renang",
        "sv": "badbyxor, baddrakt",
        "cs": "v tangach=0.8, plavek, do bikin=0.8, plavky, plavkach, jednodilne plavky, dvoudilne plavky, bikiny, bikinach, bikinami",
        "ro": "costum de baie, costume de baie",
        "ja-latn": "mizugi, sukumizu",
        "vi": "^quần bơi, ^áo tắm, ^đồ tắm, ^đồ bơi",
        "el": "μπικινι, μαγιο, ολοσωμο μαγιο",
        "el-latn": "mpikini, magio, mayio, maghio, magiw, mayiw",
        "ms": "pakaian mandi, seluar renang, baju renang, pakaian renang",
        "zh-latn": "bijini, yongyi, yongzhuang, yong zhuang",
        "ar-latn": "mayoh, mayooh, mayohat, mayoha",
        "fa-latn": "lebas shena, lebase shena",
    },
    K.TEXT_UNDERWEAR: {
        "en": "boxer shorts, boxer briefs, in just his boxers=0.8, in just her panties, only his boxers=0.8, in his boxers=0.7, underwear, lingerie, bra, bras, bralette, brassiere, panties, panty, thong=0.7, thongs=0.7, "
        "g string, gstring, knickers, underpants, undies, boxer shorts=0.6, boxer briefs=0.6, "
        "negligee, nightie=0.7, corset=0.6, bustier=0.6, garter belt=0.7, garters=0.6, "
        "intimates=0.6, sports bra=0.7, bodystocking, teddy lingerie, "
        "undergarments, lingere, lingeri, linjerie, underware, undawear, pantys, brassier",
        "fr": "petite tenue=0.8, en petite tenue=0.9, en boxer=0.8, en calecon=0.8, sous vetements, sous vetement, soutien gorge, soutiens gorge, culotte=0.7, petite culotte, "
        "lingerie fine, nuisette=0.7, porte jarretelles",
        "es": "bombacha, bombachas, bombachita, corpino, corpinos, gayumbos, en boxer=0.8, en boxers=0.8, calzoncillos, calzoncillo, camison=0.7, camisones=0.7, picardias=0.8, ropa interior, lenceria, sujetador, sujetadores, sosten, bragas, braguitas, calzones=0.7, "
        "tanga=0.7, tangas=0.7, ropa intima",
        "de": "unterhosen, neglige, boxershorts=0.8, in boxershorts, nur in boxershorts, unterhosli, unterhoseli, nachthemd=0.6, negligee, unterwasche, dessous, bh, hoschen, slip=0.7, reizwasche, unterhose=0.7, strapse, tanga=0.7",
        "it": "in boxer=0.8, boxer e basta=0.8, solo in boxer=0.9, solo i boxer=0.9, biancheria intima, intimo=0.6, reggiseno, reggiseni, mutandine, mutande=0.7, perizoma=0.7, "
        "lingerie",
        "pt": "de cueca=0.8, so de cueca=0.9, cuecas=0.8, cueca=0.7, soutien, roupa intima, roupas intimas, roupa interior, calcinha, calcinhas, sutia, "
        "lingerie",
        "nl": "ondergoed, onderbroek=0.7, beha, slipje",
        "pl": "bokserkach, w samych bokserkach, majtkach, majtkami, w samych majtkach, slipy, slipach, slipkach, koszulka nocna=0.7, koszulke nocna=0.7, koszulce nocnej=0.7, koszule nocna=0.7, bielizna, bieliznie, bielizne, bielizny, stanik, staniku, majtki, majteczki, stringi=0.7",
        "ru": "пеньюар=0.8, пеньюаре=0.8, пеньюаром=0.8, трусах, трусиках, ночнушк*=0.7, ночную рубашку=0.6, нижнее белье, нижнем белье, белье=0.7, трусики, трусы=0.7, лифчик*, бюстгальтер*, стринги",
        "uk": "білизну, білизні, в білизні, трусах, трусиках, нічну сорочку=0.6, нічна сорочка=0.6, спідня білизна, спідній білизні, білизна=0.7, білизні=0.7, труси=0.7, трусики, ліфчик*",
        "ko-latn": "soggotman=0.8, sokotman=0.8, sogotman=0.8",
        "tr": "iccamasir*, boxerla=0.8, boxer ile=0.7, sadece boxer=0.9, boxerli=0.7, gecelik*=0.7, kulotlu, ic camasiri, ic camasirli, ic camasiriyla, sutyen*, kulot*, tanga=0.7",
        "id": "cuma pake kolor=0.8, pake kolor doang=0.8, cuma pakai kolor=0.8, daleman, dalaman, gaun tidur tipis=0.8, lingerie, pakaian dalam, celana dalam, bh, beha",
        "sv": "kalsonger, kalsongerna, underklader, behå=0.7, trosor",
        "cs": "krajkoveho pradla=0.8, trenyrky, trenyrkach, slipy, slipech, neglize, trenky, trenkach, krajkovem pradle=0.8, krajkove pradlo=0.8, v pradle=0.7, nocni kosilk*=0.7, nocni kosil*=0.6, spodni pradlo, spodnim pradle, spodniho pradla, podprsenk*, kalhotky, kalhotkach, tanga=0.7",
        "ro": "camasa de noapte scurta=0.8, camasa de noapte=0.6, lenjerie, lenjerie intima, sutien, sutiene, chiloti, chilotei, tanga=0.7",
        "ja-latn": "shitagi, pantsu dake, pantsu issho, pantsu ichimai, buraja*, ranjerii",
        "vi": "^nội y, ^quần sịp, ^quần xì líp, ^quan sip, ^quần lót, ^áo lót, ^váy ngủ=0.7, ^đồ ngủ hai dây, ^đồ lót",
        "el": "σλιπ=0.8, σωβρακ*, βρακι*, εσωρουχ*, εσωρουχα, εσωρουχο, στρινγκ, σουτιεν, κιλοτ*, νυχτικια=0.6",
        "ms": "gaun tidur=0.6, boxer je=0.8, baju tidur nipis=0.8, pakaian dalam, seluar dalam, coli, baju dalam",
        "hi-latn": "neeche wale kapde, neeche wale kapre, neeche wale kapron, neeche ke kapde, andar ke kapde, "
        "andar wale kapde, andar ke kapron, andar wale kapron",
        "zh-latn": "neiyi, nei yi, neiku, nei ku, xiongzhao, xiong zhao, qingqu neiyi",
        "ar-latn": "malabes dakhleya, malabis dakhiliya, malabes dakhlia, lanjeri",
        "el-latn": "esoroyxa, esorouxa, esoruxa, esorouha, esoroucha, eswrouxa, eswroucha, eswruxa, kiloti, kilotaki, sovraki, vraki, soutien",
        "he-latn": "halbasha tachtona, halbasha tahtona, halbasha takhtona, tachtonim, tahtonim, hazia, haziya",
        "ru-latn": "trusik*, trusah, trusy=0.7, lifchik*, nizhnem bel*, nizhnee bel*, v bel'e=0.8, v bele=0.8",
        "fa-latn": "lebas zir, lebase zir, sootin, sutin",
    },
    K.TEXT_NUDITY: {
        "ar": "ملط=0.8",
        "en": "starkers=0.9, buck naked, butt naked=0.9, in the buff=0.8, in the altogether=0.8, nude, nudes, nudity, naked, nakedness, topless, bottomless=0.7, unclothed, "
        "in the nude, birthday suit=0.7, au naturel=0.7, stark naked, nudist=0.8, "
        "naturist=0.7, bare breasted, barebreasted, bare chested=0.5, barechested=0.5, shirtless=0.5, "
        "nipple, nipples, areola*, genitals, genitalia, vagina, vulva, penis, pubic, "
        "exposed breasts, bare breasts, bare butt=0.7, naked body, full frontal nudity, frontal nudity, "
        "nekkid, nakkid, nakid, nakey=0.7, neked, nood=0.7, noodz, nudez, as god made her=0.8, as god made him=0.8, "
        "as nature made her=0.8, in the buff=0.8, in the altogether=0.7, without a stitch on=0.8, "
        "not a stitch on=0.8, without a single thread=0.8, forgot to get dressed=0.8, "
        "forgot to put her clothes on=0.8, forgot to put on her clothes=0.8, forgot to put a top on=0.8, "
        "forgot to put on a top=0.8, forgot to wear a top=0.8, forgot to wear clothes=0.8, forgot to wear any clothes=0.8, uncensored version=0.7, "
        "nsfw version=0.8, nsfw edit=0.8",
        "fr": "nu, nue, nus, nues, toute nue, tout nu, seins nus, torse nu=0.5, nudite, "
        "seins a l air, sein nu, tenue d eve=0.8, tenue d adam=0.8, dans le plus simple appareil=0.8, "
        "oublie de s habiller=0.8, sans rien sur elle=0.8, sans rien sur le dos=0.7, version non censuree=0.7, "
        "version sans censure=0.7",
        "es": "desnuda, desnudo, desnudas, desnudos, desnudez, encuerada, en pelotas, en bolas=0.7, "
        "pezon*, sin sujetador, senos al aire, en topless, como dios la trajo al mundo=0.9, "
        "como dios lo trajo al mundo=0.9, como vino al mundo=0.8, como su madre la trajo al mundo=0.9, en cueros=0.8, "
        "en pelota picada=0.9, en pelota=0.7, olvido vestirse=0.8, se le olvido vestirse=0.8, "
        "version sin censura=0.7",
        "de": "ohne was an=0.8, ohne irgendwas an=0.8, fudliblutt=0.9, blutt=0.7, pudelnackt, nackert, nackert*, nackt*, nacktheit, nacktfoto*, oben ohne, unbekleidet, splitternackt, brustwarze*, "
        "fkk=0.7, evakostum=0.8, evaskostum=0.8, adamskostum=0.8, nackig=0.9, nackisch=0.9, nackedei=0.7, hullenlos=0.8, "
        "wie gott sie schuf=0.9, wie gott ihn schuf=0.9, ohne einen faden am leib=0.9, nichts am leib=0.8, "
        "vergessen sich anzuziehen=0.8, vergessen hat sich anzuziehen=0.8, unzensierte version=0.7",
        "it": "nuda, nudo=0.7, nudi, nuda integrale, svestita, capezzol*, a seno nudo, seminud*, "
        "come mamma l ha fatta=0.9, come mamma la fatta=0.9, come l ha fatta mamma=0.9, nuda come un verme=0.9, "
        "senza veli=0.8, senza niente addosso=0.8, dimenticato di vestirsi=0.8, versione senza censura=0.7, "
        "versione non censurata=0.7",
        "pt": "nua, nuas, pelada=0.6, peladas=0.6, pelado=0.6, pelados=0.6, sem sutia, mamilo*, seios de fora, nudez, peladinha=0.8, "
        "peladinhas=0.8, peladona=0.8, peladao=0.7, como veio ao mundo=0.8, como deus a trouxe ao mundo=0.9, "
        "como a mae a trouxe ao mundo=0.9, nua em pelo=0.9, sem nada no corpo=0.8, esqueceu de se vestir=0.8, "
        "versao sem censura=0.7",
        "nl": "adamskostuum=0.9, evakostuum=0.9, spiernaakt, naakt*, bloot=0.7, blote=0.6, tepel*, in haar blootje=0.9, in zijn blootje=0.9, in je blootje=0.8, "
        "zonder een draad=0.8, vergeten zich aan te kleden=0.8, ongecensureerde versie=0.7",
        "pl": "naga=0.8, nagiego=0.8, golas*, w stroju adama=0.9, w stroju ewy=0.9, naga kobieta, naga dziewczyna, nagie, nagich, nagiej, nagosc*, nago=0.7, nagi=0.6, sutki*, sutek, "
        "jak ja pan bog stworzyl=0.9, jak ja bog stworzyl=0.9, na golasa=0.9, golusienka=0.9, golusienki=0.9, "
        "zapomniala sie ubrac=0.8, wersja bez cenzury=0.7, wersje bez cenzury=0.7",
        "ru": "топлесс, голая, голый, голые, голую, голой, голым, голого, голому, голых, голыми, голенькая, голенькую, голенькой, голеньким, нагую, нагие, нагих, обнаж*, нагая, нагой, нагишом, соски, сосок, "
        "в чем мать родила=0.9, голышом=0.9, в костюме евы=0.8, в костюме адама=0.8, без единой нитки=0.8, "
        "забыла одеться=0.8, версия без цензуры=0.7, версию без цензуры=0.7, топлес=0.9",
        "uk": "гола, голий, голі, голу, голою, голим, голого, голому, голих, голими, голенька, голеньку, голенькою, оголен*, оголена, соски, сосок, в чому мати народила=0.9, голяка=0.9, "
        "голяком=0.9, без жодної нитки=0.8, забула одягнутися=0.8, версія без цензури=0.7, версію без цензури=0.7, "
        "топлес=0.9",
        "tr": "nu yap=0.8, nu olarak=0.8, nu hale=0.8, nu haline=0.8, nu ciz=0.8, nu resim*=0.8, nu poz*=0.8, nu cekim*=0.8, nu hali=0.8, nu halini=0.8, nu fotograf*=0.8, nu versiyon*=0.8, ciplak*, cirilciplak, meme ucu*, anadan dogma=0.9, ustunde hicbir sey olmadan=0.8, "
        "giyinmeyi unutmus=0.8, sansursuz versiyon*=0.7, ustsuz=0.8, tek bir iplik=0.7",
        "id": "gak pake baju=0.8, ga pake baju=0.8, nggak pake baju=0.8, tidak pakai baju=0.8, tanpa sehelai benang=0.9, telanjang*, bugil*, puting, tanpa busana=0.9, lupa pakai baju=0.8, "
        "lupa berpakaian=0.8, versi tanpa sensor=0.7, sehelai benang=0.8",
        "sv": "nack=0.8, naken, nakna, nakenbild*, utan en trad pa kroppen=0.9, i bara massingen=0.8, naken som en nyfodd=0.9, "
        "glomt att klä pa sig=0.8, glomde att klä pa sig=0.8, ocensurerad version=0.7",
        "cs": "nahaty*=0.9, nahatou=0.9, v rouse evine=0.9, v rouse adamove=0.9, naha, nahe, nahy, nahota, nahou, nahych, nahym, naha zena, nahe fotky, nahotu, "
        "jak ji panbuh stvoril=0.9, jak ji pan buh stvoril=0.9, nahatou=0.9, nahata=0.9, nahatá=0.9, "
        "zapomnela se oblect=0.8, necenzurovana verze=0.7, necenzurovanou verzi=0.7",
        "vi": "^lột trần, ^ở truồng, ^cởi truồng, ^khỏa thân, ^khoả thân, ^trần truồng, ^không mảnh vải che thân=0.9, ^một mảnh vải nào trên người=0.8, "
        "^trần như nhộng=0.9, ^quên mặc quần áo=0.8, ^bản không che=0.7",
        "hi-latn": "nangi, nanga=0.6",
        "ro": "gol puscă=0.9, gol pusca=0.9, goala pusca=0.9, goala=0.7, goale=0.6, dezbracata, dezbracate, nud=0.7, nuda, topless, in pielea goala=0.9, "
        "goala pusca=0.9, cum a facut o mama=0.9, cum a lasat o dumnezeu=0.9, a uitat sa se imbrace=0.8, "
        "versiunea necenzurata=0.7, versiune necenzurata=0.7",
        "ja-latn": "hadaka, zenra, hanra, nuudo",
        "el": "τοπλες, τσιτσιδ*=0.9, ολογυμν*, γυμνη, γυμνος, γυμνο, γυμνα, γυμνες, γυμνοι, γυμνης, γυμνου, ολογυμνη, ολογυμνος, ολογυμνο, "
        "οπως τη γεννησε η μανα της=0.9, γυμνουλα=0.9, τσιτσιδη=0.9, τσιτσιδα=0.9, ξεχασε να ντυθει=0.8, "
        "εκδοχη χωρις λογοκρισια=0.7, εκδοση χωρις λογοκρισια=0.7",
        "el-latn": "gymnh, gymni, gumni, gimni, gymno, olo gymnh",
        "ms": "tlnjg=0.8, tlanjang=0.8, tlnjang=0.8, tak pakai apa apa=0.8, tidak pakai apa apa=0.8, tak berpakaian, bogel, berbogel, telanjang, bertelanjang, tanpa seurat benang=0.9, tanpa sehelai benang=0.9, "
        "tanpa busana=0.9, lupa pakai baju=0.8, versi tanpa tapisan=0.7, versi tanpa sensor=0.7, seurat benang=0.8, "
        "sehelai benang=0.8",
        "bn-latn": "langto, langta, lengto, nongta, nongto, nengta, lengta, nangta, nengto, ulongo, nangto, nangta kore, nagno, nogno",
        "ur-latn": "nangi, nangi kar*",
        "ru-latn": "golaya, golaja, golaia, goluyu, golyu, golenkaya, goloi, goloj, goloy, golye, golyi, nagishom, obnazhen*, obnajen*",
        "zh-latn": "luoti, luo ti, quanluo, quan luo, chiluo, chi luo, luozhao, luo zhao, yisi bugua, yi si bu gua",
        "ar-latn": "mzelta, mzalta, mzlta, mzelt, 3arya, 3aryeh, 3ariya, 3arye, 3aryan, 3eryan, 3aryana, 3eryana, 3aryane, 3eryane, 3ariyana, mal3ari",
        "fa-latn": "lokht=0.8, lokhte=0.8, berahne, barahne, oryan",
        "th-latn": "kae pha, kaepha, plueai, pluay, mai sai arai loey=0.8, mai sai a rai loei=0.8",
        "he-latn": "arumah, arumma, eirumah, eirom, beerom, erumah",
    },
    K.TEXT_SEXUAL: {
        "en": "sex=0.8, sexual, sexually, sexy=0.6, sexier=0.6, porn, porno, pornographic, pornography, "
        "nsfw, xxx=0.7, erot*, hentai, lewd, explicit=0.5, sexually explicit, smut, smutty, "
        "aroused, arousing, orgasm*, masturbat*, intercourse=0.7, blowjob, handjob, "
        "seductive=0.6, seductively=0.6, sensual=0.5, "
        "spread legs, spreading her legs, spread her legs, spread your legs, "
        "legs wide open, on all fours=0.5, doggy style, doggystyle, "
        "sex position, sexual position, missionary position, cowgirl position, "
        "sexy pose=0.8, seductive pose=0.8, provocative pose=0.7, suggestive pose=0.7, "
        "boudoir=0.6, playboy=0.7, onlyfans=0.8, fetish=0.7, bdsm, bondage=0.7, stripper, strippers, "
        "striptease, lap dance, pole dancer=0.5, ahegao, thirst trap=0.7, "
        "breasts=0.6, boobs=0.8, boob=0.8, tits=0.8, titties, busty=0.6, cleavage=0.6, "
        "buttocks=0.6, booty=0.5, pussy=0.6, orgy, orgies, cum=0.6, horny=0.7, "
        "camel toe, cameltoe, milf, jailbait, r18, rule34, rule 34, "
        "suggestively=0.7, provocatively=0.7, in a suggestive way=0.8, in a suggestive pose=0.8, "
        "suggestive manner=0.7, sexualized, sexualised, sexualize, sexualise, hooking up=0.8, hook up=0.6, making out=0.7",
        "fr": "sexe=0.8, sexuel, sexuelle, sexy=0.6, porno, pornographique, erotique, coquine=0.6, "
        "position sexuelle, pose sexy=0.8, jambes ecartees, seins=0.6, fesses=0.6, excitante=0.6",
        "es": "sexo=0.8, sexual, sexy=0.6, porno, pornografia, pornografico, erotica, erotico, "
        "pose sexy=0.8, piernas abiertas, tetas=0.8, pechos=0.5, culo=0.5, cachonda, caliente=0.3",
        "de": "sex=0.8, sexuell, sexy=0.6, porno, pornografie, pornografisch, erotisch, erotik, "
        "beine gespreizt, gespreizte beine, titten, bruste=0.5, geil=0.5, versaut",
        "it": "sesso=0.8, sessuale, sexy=0.6, porno, pornografico, erotica, erotico, gambe aperte, "
        "tette, seno=0.5, culo=0.5, provocante=0.6",
        "pt": "sexo=0.8, sexual, sexy=0.6, porno, pornografia, erotica, erotico, pernas abertas, "
        "peitos=0.6, bunda=0.5, safada=0.7, gostosa=0.6, sensual=0.5",
        "nl": "seks=0.8, seksueel, sexy=0.6, porno, erotisch, benen wijd",
        "pl": "seks=0.8, seksualn*, seksown*=0.6, porno, pornografi*, erotyczn*, cycki, rozlozone nogi",
        "ru": "секс=0.8, сексом=0.9, занимается сексом, занимаются сексом, заниматься сексом, сексуальн*, порно, порнограф*, эротич*, эротик*, сиськи, раздвинутые ноги",
        "uk": "секс=0.8, сексуальн*, порно, еротичн*, еротик*, цицьки",
        "tr": "seks=0.8, seksi=0.6, cinsel, porno, erotik, mustehcen, seksi poz*=0.8, bastan cikarici poz*=0.8, kiskirtici poz*=0.8, ahlaksiz poz*=0.8",
        "id": "seks=0.8, seksi=0.6, porno, erotis, mesum, bokep, sange, pose nakal=0.8, gaya nakal=0.7, nakal di kasur=0.8",
        "sv": "sexig=0.6, porr",
        "cs": "sex=0.8, sexualn*, sexy=0.6, porno, pornografi*, erotick*",
        "ro": "sex=0.8, sexual*, sexy=0.6, porno, pornografic*, erotic*, obscen*, indecent*=0.7",
        "ja-latn": "ecchi, etchi, eroi, ero gazou, ero shashin, sekkusu, iyarashii=0.8",
        "el": "σεξ, σεξουαλικ*, πορνο, πορνογραφ*, ερωτικ*, σεξι=0.6, προκλητικ*=0.6",
        "ms": "seks, lucah, berahi=0.7, seksi=0.6",
        "zh-latn": "seqing, se qing, zuoai, zuo ai, xingjiao, huangse tupian, xinggan=0.6",
    },
    K.TEXT_MINOR: {
        "en": "child, children, childs, kid=0.8, kids=0.8, kiddo, toddler, toddlers, infant, infants, "
        "newborn, baby=0.5, babies=0.5, little girl, little girls, little boy, little boys, "
        "young girl, young girls, young boy, young boys, girl=0.3, girls=0.3, boy=0.3, boys=0.3, "
        "schoolgirl, schoolgirls, schoolboy, schoolboys, school girl, school boy, "
        "teen, teens, teenager, teenagers, teenage, preteen, preteens, pre teen, tween, tweens, "
        "adolescent, adolescents, juvenile=0.7, underage, under age, under aged, a minor, minors=0.6, "
        "loli, lolis, lolicon, shota, shotacon, lolita=0.7, daughter=0.4, stepdaughter=0.4, "
        "girl scout, girl scouts, boy scout, boy scouts, brownie scout, "
        "middle school, middle schooler, elementary school, primary school, grade school, "
        "junior high, high school=0.6, high schooler=0.7, kindergarten, kindergartner, preschool, "
        "preschooler, nursery school, school uniform=0.5, childlike=0.6, child like=0.6, youthful=0.3, "
        "underage girl, not yet 18",
        "fr": "enfant, enfants, fillette, fillettes, petite fille, petites filles, petit garcon, "
        "petits garcons, gamine, gamin, ado, ados, adolescente, adolescent, mineure, mineur=0.6, "
        "ecoliere, collegienne, collegien, lyceenne=0.7, bebe=0.5, jeune fille=0.5",
        "es": "de secundaria=0.7, de primaria=0.8, chamaco=0.6, chamaca=0.6, escuincle*, ^niña, ^niñas, ^niño, ^niños, ^niñita, nena=0.6, chiquilla, chiquillo, infantil=0.6, "
        "adolescente, adolescentes, menor de edad, menores de edad, colegiala, colegialas, bebe=0.5, "
        "jovencita=0.6",
        "de": "gore=0.5, kinder=0.5, kindern, das kind, ein kind, dem kind, kleinkind, kleines kind, "
        "kleines madchen, kleine madchen, madchen=0.3, junge=0.2, jugendliche, jugendlicher, "
        "minderjahrig*, schulerin, schulmadchen, grundschule, grundschulerin, teenie",
        "it": "bambina, bambine, bambino, bambini, bimba, bimbo=0.5, ragazzina, ragazzine, ragazzino, "
        "minorenne, minorenni, adolescente, scolaretta, neonato, neonata",
        "pt": "crianca, criancas, menina=0.6, meninas=0.6, menino=0.6, meninos=0.6, garotinha, "
        "garotinho, adolescente, menor de idade, menores de idade, novinha=0.7, novinhas=0.7, "
        "colegial=0.6, bebe=0.5",
        "nl": "het kind, een kind, kinderen, klein meisje, kleine meisjes, meisje=0.4, jongetje, "
        "tiener, tieners, minderjarig*, schoolmeisje",
        "pl": "dziesiecioletn*, jedenastolet*, dwunastolet*, trzynastolet*, czternastolet*, pietnastolet*, szesnastolet*, siedemnastolet*, dziecko, dzieci, dziecka, dziewczynka, dziewczynki, dziewczynke, chlopiec=0.6, "
        "nastolatka, nastolatek, nastolatki, nieletni*, maloletni*, uczennica=0.7",
        "ru": "одиннадцатилетн*, двенадцатилетн*, тринадцатилетн*, четырнадцатилетн*, пятнадцатилетн*, шестнадцатилетн*, семнадцатилетн*, семиклассни*, шестиклассни*, пятиклассни*, восьмиклассни*, школьни*=0.8, ребенок, ребенка, дети, детей, девочка, девочку, девочки, мальчик, мальчика, "
        "подросток, подростка, школьница, школьницу, несовершеннолетн*, малолетн*",
        "uk": "одинадцятирічн*, дванадцятирічн*, тринадцятирічн*, чотирнадцятирічн*, п'ятнадцятирічн*, шістнадцятирічн*, сімнадцятирічн*, семикласни*, шестикласни*, п'ятикласни*, восьмикласни*, школяр*=0.8, дитина, дитину, діти, дітей, дівчинка, дівчинку, хлопчик, підліток, підлітка, "
        "школярка, школярку, неповнолітн*",
        "tr": "cocuk*, kucuk kiz, kiz cocugu, ergen, resit olmayan, liseli=0.6, ortaokul*, ilkokul*, "
        "ortaokullu, ilkokullu",
        "id": "abg=0.7, sebelas tahun, dua belas tahun, tiga belas tahun, empat belas tahun, lima belas tahun, enam belas tahun, tujuh belas tahun, anak=0.6, anak kecil, anak anak, gadis kecil, bocah, remaja, di bawah umur, siswi=0.6",
        "sv": "fjortis*=0.8, tonaring*=0.8, barn, flicka=0.4, hogstadietjej, hogstadietjejer, mellanstadietjej, lagstadiet, mellanstadiet, "
        "hogstadiet=0.7, skoltjej=0.8, tonarstjej=0.8",
        "cs": "desetilet*, jedenactilet*, dvanactilet*, trinactilet*, ctrnactilet*, patnactilet*, sestnactilet*, sedmnactilet*, pubertack*=0.8, nactilet*=0.8, dite, ditete, holcicka, holcicku, divenka, nezletil*, skolacka, skolacku",
        "ro": "copil, copila, copilul, copii=0.6, fetita, fetite, fetitei, baietel, baietelul, minora, "
        "minori=0.6, adolescenta, adolescent=0.7, eleva=0.6, eleve=0.6, scolarita",
        "ja-latn": "shoujo=0.6, joshikousei, joshi kousei, joshichuugakusei, joshi chuugakusei, "
        "chuugakusei, shougakusei, youjo, kodomo, rori",
        "el": "εντεκαχρον*, δωδεκαχρον*, δεκατριαχρον*, δεκατετραχρον*, δεκαπενταχρον*, δεκαεξαχρον*, δεκαεπταχρον*, δεκαεφταχρον*, παιδι, παιδια, κοριτσακι, αγορακι, ανηλικ*, μαθητρια=0.6, εφηβη=0.6, εφηβος=0.6, νηπιο",
        "ms": "budak kecik, sebelas tahun, dua belas tahun, tiga belas tahun, empat belas tahun, lima belas tahun, enam belas tahun, tujuh belas tahun, sekolah rendah=0.8, kanak kanak, budak perempuan, budak kecil, budak sekolah, murid sekolah rendah, "
        "pelajar sekolah rendah, bawah umur, remaja=0.7",
        "zh-latn": "xiaohai, xiao hai, ertong, er tong, xiaonvhai, xiao nvhai, xiao nuhai, xiaonuhai, nvtong, "
        "luoli, weichengnian, wei chengnian, chuzhongsheng, xiaoxuesheng, xiao xuesheng, zhongxuesheng",
        "ar-latn": "tefla, tifla, 6efla, bent soghayra, bent soghayara, bint saghira, bent zghira, 2aser, 2asera, qasir",
        "fa-latn": "dokhtar bache, dokhtarbache, koodak, kudak, bache=0.5",
        "vi": "^mười một tuổi, ^mười hai tuổi, ^mười ba tuổi, ^mười bốn tuổi, ^mười lăm tuổi, ^mười sáu tuổi, ^mười bảy tuổi, ^trẻ em, ^bé gái, ^cậu bé, ^học sinh=0.7, ^nữ sinh=0.7, ^học lớp=0.7",
    },
}

# Names of very famous real people (the policy combines this with sexual signals).
FAMOUS_PEOPLE = (
    "taylor swift, emma watson, scarlett johansson, billie eilish, selena gomez, ariana grande, "
    "kim kardashian, kylie jenner, kendall jenner, margot robbie, natalie portman, "
    "millie bobby brown, jenna ortega, zendaya, beyonce, rihanna, shakira, angelina jolie, "
    "jennifer lawrence, jennifer aniston, jennifer lopez, gal gadot, emma stone, anne hathaway, "
    "megan fox, dua lipa, olivia rodrigo, sabrina carpenter, sydney sweeney, anya taylor joy, "
    "alexandra daddario, elizabeth olsen, emilia clarke, sophie turner, maisie williams, "
    "miley cyrus, lady gaga, katy perry, nicki minaj, cardi b, doja cat, ana de armas, "
    "michelle obama, kamala harris, hillary clinton, alexandria ocasio cortez, greta thunberg, "
    "meghan markle, kate middleton, princess diana, melania trump, ivanka trump, "
    "donald trump, joe biden, barack obama, elon musk, mark zuckerberg, vladimir putin, "
    "emmanuel macron, giorgia meloni, keanu reeves, tom cruise, brad pitt, "
    "marilyn monroe, audrey hepburn, charli d amelio, addison rae, pokimane, "
    "lisa manoban, jennie kim, jisoo"
)

# Blockers: an entry does not fire when the next (or previous) token is one of these.
# They encode *why* a word is benign there (a colour, an object, a food), not test strings.
_COLOURS_COSMETICS = (
    "lipstick lipsticks lip lips lipgloss gloss makeup make eyeshadow palette palettes color colour "
    "colors colours colored coloured tone tones toned shade shades nail nails polish heels heel pumps "
    "shoes shoe sandals boots beige pink tan blush foundation concealer hue hues hosiery tights "
    "stockings leather fabric paint pallet wall walls background backdrop aesthetic fargad fargade fargat renk "
    "ton tonu tonem toene odstin odstinu odstinem odcien odcieniu nuance nuancia tinta"
).split()
# The colour half of a compound ("nudefärgade", "nudefarbene", "nudekleurige"): a word glued to one
# of these is a shade, and is not cut apart.
COLOUR_COMPOUND_TAILS = frozenset(_COLOURS_COSMETICS + (
    "farben farbene farbenen farbener farbenes farbig farbige farbigen kleurig kleurige kleurigen gekleurd "
    "fargad fargade fargat farvet farvede fargete colorato colorata colorati colorate"
).split())
# Whole words that a stem entry, a cut of glued words or a one-slip reading must not match: animals
# named for their bare skin, changing rooms, a summer dress ("sundress" is "undress" and an "s"), a swimming stroke.
STEM_EXCEPTIONS = ("sundress sundresses breaststroke breaststrokes breaststroker nakensnacka nakensnackan nakensnackor ausziehtisch ausziehtische ausziehtisches ausziehbar ausziehbare ausziehbaren ausziehbarer ausziehbares naaktslak naaktslakken nacktschnecke nacktschnecken nacktmull nacktmulle naakthond nackthund "
                   "роздягальня роздягальні роздягальню роздягальнею раздевалка раздевалке раздевалку раздевалки раздевалкой")
BLOCK_NEXT: dict[str, list[str]] = {
    "nude": _COLOURS_COSMETICS + ["mole", "ruj", "rujunu", "rujun", "rujlar", "rujlari"],
    "nudes": _COLOURS_COSMETICS,
    "naked": "eye eyes truth flame flames ambition lunch mole wire wires bulb bulbs light lights blade "
    "steel concrete wood tree trees branch branches chef city gun guns singularity".split(),
    "topless": "convertible convertibles car cars bus buses jeep roadster vehicle tower building "
    "sports".split(),
    "bottomless": "pit pits abyss chasm well cup cups mimosas mimosa brunch glass drinks".split(),
    "bikini": "atoll".split(),
    "cởi cúc áo": ["khoác"], "cởi nút áo": ["khoác"], "không mặc áo": "khoác mưa len".split(),
    "nanga": "parbat".split(),
    # "zieh sie aus dem Wasser": out of the water
    **{phrase: "dem der den einem einer meinem seinem ihrem".split()
       for phrase in ("zieh sie aus", "zieh ihn aus", "ziehe sie aus", "zieht sie aus")},
    # a slip dress or skirt is a dress or a skirt cut like a slip
    "slip": "dress dresses skirt skirts kleid kleider rock".split(),
    "thong": "sandal sandals flip flops slippers".split(),
    "thongs": "sandal sandals flip flops slippers".split(),
    "strip": "mall malls club light lights of steak".split(),
    "sex": "education ed pistols ratio chromosome chromosomes chromosomal determination cells".split(),
    "explicit": "instructions instruction formula formulas definition rule rules statement "
    "memory knowledge".split(),
    "intercourse": "social".split(),
    "baby": "blue pink shower carriage stroller grand teeth tooth spinach carrot carrots corn food "
    "bottle bottles monitor oil powder steps bump bumps face doll dolls animal animals elephant "
    "elephants giraffe giraffes zebra zebras bird birds bear bears goat goats cow cows sheep lamb "
    "deer horse horses dragon penguin turtle duck ducks chick chicks".split(),
    "babies": "breath".split(),
    "kid": "gloves leather goat goats".split(),
    "kids": "gloves".split(),
    "teen": "titans".split(),
    "spread legs": "out apart".split(),
    "booty": "call".split(),
    "pussy": "cat cats willow willows".split(),
    # Romanian "cum" (how, as) before its next word: "cum arată", "cum ar fi", "cum i-ar sta"
    "cum": ("laude arata ar se sa i iar este e va vad sta am ai au era ne te il o le mi ti si un ca cat fi "
            "face vrei vreau poti poate arati aratam").split(),
    "boudoir": "chair lamp vanity dresser mirror furniture decor".split(),
    "provocative": "art question title".split(),
    "high school": "musical reunion".split(),
    "seno": "coseno".split(),
    "breasts": "cancer feeding".split(),
    "bondage": "knot".split(),
    # Vietnamese "nữ" (female) loses its accent in the matching view: "nữ sinh", "nữ hoàng".
    # Dutch "nu" (now) and Romanian "nu" (not) before their next word: "zit nu als", "nu vreau"
    "nu": ("graag till metal jazz disco wave sinh hoang than tu si als is een de het wat even ook al nog wel niet "
           "staat zit ziet heeft moet kan ben zijn gaat gaan te om maar vreau face fa mai este e are stiu "
           "pot poate se il o le am ai imi iti ii trebuie schimba modifica sterge arata "
           "prin cu pe la in din pentru sunt era fi ne te ma sa vrea adauga pune lasa").split(),
    "soyun": "odasi odasinda odasindaki odasini odalari kabini kabinleri".split(),
    "girl": "scout".split(),
    "child": "seat seats labor labour".split(),
    "stripper": "tool".split(),
}
# Things, not people: a nudity or undress word right next to one of these (either side,
# past a determiner) describes the thing: "bare trees", "arbres nus", "nackte Wände",
# "batom nude", "أشجار عارية", "undress the bed", and bare feet or hands ("nackte Füße",
# "piedi nudi"). Nouns only, never a word for a person.
INANIMATE: dict[str, str] = {
    "en": "oak oaks birch beam beams rafters feet foot toes hands soles tree trees branch branches bush bushes wall walls concrete brick "
    "stone rock rocks hill hills landscape mountain mountains field fields "
    "bulb bulbs wire wires cable cables eye eyes truth facts numbers figures engine engines motor sword swords "
    "mannequin mannequins dummy dummies cake cakes forest forests woods metal steel glass motorcycle motorbike "
    "salad salads lettuce greens",
    "fr": "chene chenes poutre poutres piece pieces chambre salle gateau bois pieds pied mains orteils arbre arbres branche branches mur murs pierre roche colline collines "
    "paysage montagne montagnes champ champs ampoule fil fils oeil yeux rouge "
    "levres maquillage teinte couleur vernis verite faits chiffres moteur epee",
    "es": "tarta pastel chapa madera ladrillo pies pie manos dedos arbol arboles rama ramas pared paredes muro muros piedra roca colina "
    "colinas paisaje montana montanas campo campos bombilla cable ojo ojos labial "
    "pintalabios maquillaje tono color esmalte verdad hechos cifras motor espada",
    "pt": "bolo bolos pes pe maos dedos arvore arvores galho galhos ramo ramos parede paredes muro pedra rocha "
    "colina paisagem montanha montanhas campo lampada fio olho olhos batom batons "
    "maquiagem maquilhagem tom cor esmalte verdade fatos factos numeros motor espada",
    "it": "torta facciata gatto gatti legno mattoni piedi piede mani dita albero alberi ramo rami parete pareti muro muri pietra roccia collina "
    "colline paesaggio montagna montagne campo lampadina filo occhio occhi rossetto "
    "trucco tono colore smalto verita fatti numeri cifre motore spada",
    "de": "balken eiche eichen kuchen torte betonwand betonwande wand mauerwerk putz ziegel backstein tisch ausziehtisch schublade schubladen füße fuß füßen zehen hände händen fußsohlen baum baume ast aste wand wande mauer mauern stein fels hugel "
    "landschaft berg berge feld felder gluhbirne draht kabel auge augen lippenstift "
    "farbton farbe nagellack wahrheit tatsachen fakten zahlen motor schwert",
    "nl": "taart hout voeten voet handen tenen boom bomen tak takken muur muren wand wanden steen rots heuvel landschap berg "
    "bergen veld lamp draad oog ogen lippenstift kleur nagellak",
    "pl": "tort ciasto stopy stopami stopach dlonie dlonmi drzewo drzewa galaz galezie sciana sciany mur kamien skala wzgorze "
    "krajobraz gora gory pole zarowka drut oko oczy szminka pomadka kolor lakier prawda fakty liczby silnik silnika motor rower zegarek komputer miecz "
    "manekin manekina manekiny manekinow",
    "cs": "cihla cihly omitku omitka chodidla chodidly nohy nohama ruce rukama strom stromy vetev vetve zed zdi steny kamen skala kopec krajina hora hory "
    "pole zarovka drat oko oci rtenka barva lak pravda fakta cisla motor mec",
    "ro": "ramurile crengile crengi picioare picioarele talpi talpile maini mainile copac copaci ramura ramuri perete pereti zid piatra stanca deal peisaj "
    "munte munti camp bec fir ochi ruj culoare oja camera camere sala casa cutie sticla masa raft strada adevar motor sabie",
    "sv": "ektrad ektradet trad traden tradet tra traet fötter fötterna händer händerna trad gren grenar vagg vaggar sten klippa kulle landskap berg falt "
    "glodlampa trad oga ogon lappstift farg nagellack",
    "ru": "комнату комната комнаты торт торта ступни ступнями стопы стопами дерево деревья ветка ветки стена стены камень скала холм пейзаж гора горы "
    "поле лампочка провод глаз глаза помада цвет лак землекоп землекопа правда факты цифры двигатель мотор меч "
    "кирпич кирпичной кирпичная кирпичные кирпичными кладка кладкой кладку бетон бетонной бетонные балки балками провода проводка корни",
    "uk": "кімнату кімната кімнати ступні ступнями стопи дерево дерева гілка гілки стіна стіни камінь скеля пагорб пейзаж гора гори "
    "поле лампочка дріт око очі помада колір лак правда факти цифри двигун мотор меч",
    "el": "δοκαρια βελανιδια τοιχο τοιχου ξυλο πόδια πατούσες χέρια δεντρο δεντρα κλαδι κλαδια τοιχος τοιχοι πετρα βραχος λοφος τοπιο βουνο "
    "βουνα χωραφι λαμπα συρμα ματι ματια κραγιον χρωμα βερνικι",
    "tr": "kirisler kirisleri mese duvara duvari duvarin duvarda duvarlari duvarlara pasta kek beton tugla tuglalar ayak ayaklar ayakları ayaklarını ayaklarıyla eller elleri ellerini agac agaclar agacin agaci agaclari dal dallar dallari dallarini dallarin duvar duvarlar tas kaya tepe manzara dag daglar tarla "
    "ampul tel goz gozler gozle gozun gozunu gozlerle ruj renk oje",
    "ar": "حصان حصانا الحصان كعكه الكعكه كيكه الكيكه سلك سلكا السلك اسلاك كهربائي كهربائيا التربه تربه الحيطه حيطه الحيط حيط الحايط حايط أشجار الأشجار شجرة الشجرة شجر أغصان الأغصان جدار جدران الجدران الجدار حجر "
    "صخرة صخور تلال تل جبل جبال حقل مصباح سلك عين العين أحمر لون "
    "صحراء الصحراء صحاري ارض الارض غابه الغابه غابات فروع جذوع شجيرات غصن قمم سهول حقول سقف ارضيه طوب",
    "fa": "پا شمشیر درخت درختان درختها درخت‌ها شاخه شاخه‌ها دیوار دیوارها دیوارهای سنگ صخره تپه "
    "کوه کوهها دشت لامپ سیم چشم رژ رنگ",
    "he": "עוגה עוגת העוגה עץ עצים העצים ענף ענפים קיר קירות הקירות אבן סלע גבעה נוף הר הרים שדה "
    "נורה חוט עין עיניים שפתון צבע",
    "hi": "पेड़ पेड़ों पेड़ डाली डालियां डालियाँ डालियों शाखा शाखाएं शाखाओं टहनियां टहनियों दीवार दीवारें दीवारों पत्थर पहाड़ खेत आँख आंख आंखों आँखों "
    "लिपस्टिक रंग तलवार",
    "bn": "চোখে গাছ গাছগুলো গাছপালা ডাল ডালপালা শাখা দেয়াল দেয়ালগুলো পাথর পাহাড় মাঠ চোখ লিপস্টিক রং",
    "ur": "بلوط تار تاروں درخت درختوں شاخیں شاخوں ٹہنیاں دیوار دیواریں پتھر پہاڑ کھیت آنکھ لپ اسٹک رنگ تلوار تلواریں",
    "id": "senjata pohon pepohonan dahan ranting dinding tembok batu bukit pemandangan gunung "
    "ladang bohlam kabel mata lipstik gincu warna kutek kaki",
    "ms": "senjata pokok dahan ranting dinding batu bukit pemandangan gunung ladang "
    "mentol wayar mata gincu warna pengilat kaki",
    "vi": "cay canh tuong da doi nui canh dong bong den day mat son mau",
    "hi-latn": "deewar deewaar diwar diwaar deewarein ped pedh pahad",
    "fa-latn": "derakht derakhta derakhtaye derakhtha derakhthaye shakhe shakheha divar divara divare sang "
    "kooh kuh dasht cheshm rozh rang",
    "ur-latn": "darakht deewarein",
}
# A thing, a verb "to be" and a nudity word: "the wall is bare", "la pared está desnuda",
# "الجدار يبدو عارياً". Only these words ("to be" and "quite") may stand between the thing and the nudity word.
COPULAS = "is are was were looks seems stays remains est soit reste semble sont está este es queda quede parece ist bleibt wirkt " \
    "aussieht sieht wirken e sia resta rimanga sembra fica fique são jest sa zostaje je zustane zustava " \
    "blir forblir ser är είναι μένει μείνει φαίνεται olsun kalsin birak birakin gorunuyor выглядит остается " \
    "виглядає залишається يبدو تبدو تظهر يظهر كان كانت است هست بنظر میاد به نظر می‌رسد נראה נשאר נשארת " \
    "है लगती लगता দেখাচ্ছে আছে terlihat kelihatan jadi menjadi tetap nampak tampak trong van vẫn " \
    "tout toute tres completement totalement todo toda completamente totalmente muy tutto tutta molto ganz vollig " \
    "komplett helemaal zupelnie calkiem uplne completely totally quite very so too really ta muito tao bem trop tellement " \
    "sind helt εντελως τοσο cok tamamen duruyor bilkul بالکل hain " \
    "assez एकदम बिल्कुल बहुत लग"
# The "of" of a complement after the thing ("la pared del salón", "the wall of the room"), and the
# articles that may follow it
OF_WORDS = frozenset("of del de do da dos das di della dello dei delle van von vom der des du".split())
OF_ARTICLES = frozenset("the la el los las le les o a os as il lo gli het de der die das".split())
# Colour and make-up words: "nude" before or after one is a shade in every language
# ("nude lipstick", "batom nude", "gincu warna nude").
COSMETICS = (
    "lipstick lipsticks colour color tone shade makeup rouge levres maquillage teinte couleur vernis labial "
    "pintalabios maquillaje tono esmalte batom batons maquiagem maquilhagem tom cor rossetto trucco colore "
    "smalto lippenstift farbton farbe nagellack kleur nagellak szminka pomadka kolor lakier rtenka barva ruj "
    "culoare oja lappstift farg помада цвет колір κραγιον χρωμα βερνικι renk oje لون رژ رنگ שפתון צבע "
    "लिपस्टिक रंग লিপস্টিক রং রঙের রঙ lipstik gincu warna kutek pengilat son mau "
    "kolorze koloru odcieniu odcien barvy barve culorii цвета цвете відтінку кольору "
    "ton tonda tonlarda tonlari tonu tonunda palet paleti makyaj makyaji "
    "αποχρωσεις αποχρωση αποχρωσεων τονους τονοι τονος τονο "
    "shade shades tones hue hues beige polish tong rona rengini rengi renginde beeju beju "
    "शेड शेड्स शेडस شیڈ شیڈز শেড শেডের শেডে buze rang tint tinten tinte tonen tonlarina"  # "roșu de buze nude", "nude rang ki lipstick"
)
# Adjective-after-noun languages: there the word before a nudity term is checked too.
NOUN_FIRST_LANGS = frozenset("fr es pt it ro pl ar fa fa-latn he ur id ms vi".split())
# A garment used as a modifier of one of these is not what is removed: "remove the shirt logo".
GARMENT_THINGS = "logo logos print prints pattern patterns label labels tag tags stain stains wrinkle wrinkles " \
    "spot spots mark marks tache taches mancha manchas fleck flecken macchia macchie vlek vlekken plame plama plamy " \
    "pata pete skvrnu skvrny flacken flack flackar λεκε λεκες λεκεδες пятно пятна пляму плями leke lekeyi noda kotoran kotor " \
    "crease creases text writing lettering graphic graphics sticker stickers badge badges patch patches brand " \
    "emblem slogan monogram lint fluff dirt design designs watermark " \
    "amassado amassados vinco vincos arruga arrugas pliegue pliegues piega pieghe grinza grinze falte falten " \
    "knitter kreukel kreukels skrynkla skrynklor skrynklorna veck zmarszczki zagniecenia zagniecenie " \
    "pomackani sifon skladky складки складку зморшки kirisiklik kirisikliklari kedutan kusut lipatan nep " \
    "pli plis froissure texto textos texte scris scrisul scrisului texten tulisan tulisannya kesan " \
    "escrita letras napis napisy napisu nadpis надпись надпис yazi yaziyi chu " \
    "rack racks rek rekken kast kasten schrank stange aureoles aureole transpi suor " \
    "pricetag nametag etiquette etiquettes etiqueta etiquetas cracha crachas etichetta etichette cartellino "\
    "targhetta etikett etiketten etiket etiketi etiketini prijskaartje naamkaartje prislapp prislappen "\
    "namnbricka metka metke metki etykieta etykiete plakietka visacka visacku visacky cenovka cenovku jmenovka "\
    "jmenovku eticheta ecuson бирка бирку бирки ценник ценника этикетка этикетку бейдж бейджик цінник етикетка "\
    "етикетку ετικετα ετικετες ταμπελακι תווית התווית תג התג כתם הכתם כתמים برچسب اتیکت ملصق الملصق lencana"
# (a clothes rack or closet: "kledingrek" cut in two; price tags, name tags and badges pinned to a garment)
# What is worn but covers nothing: taking one off, or a filter off the photo, is no undressing
# ("take off the bride's veil", "quítale la gorra", "tanggalkan subang dia", "сними фильтр").
ACCESSORIES = (
    "hat hats cap caps glasses sunglasses spectacles earring earrings necklace bracelet watch veil hood helmet "
    "mask beanie headphones earphones headband tiara wig beard moustache mustache filter filters "
    "chapeau casquette lunettes boucles collier montre bague voile capuche casque masque bonnet barbe filtre "
    "sombrero gorra gorro gafas pendientes aretes pulsera reloj anillo velo capucha casco mascarilla barba filtro "
    "chapeu bone oculos brincos colar pulseira relogio veu capuz capacete cappello berretto occhiali orecchini "
    "collana orologio cappuccio mascherina hut mutze kappe brille sonnenbrille ohrringe halskette armband uhr "
    "schleier kapuze helm maske haube hoed pet bril zonnebril oorbellen ketting horloge sluier capuchon masker muts "
    "kapelusz czapka czapke czapki okulary kolczyki naszyjnik bransoletka zegarek welon kaptur kask maseczke filtr "
    "klobouk cepice cepici bryle nausnice nahrdelnik naramek hodinky zavoj kapuce kapuci helmu masku "
    "palarie sapca ochelari cercei colier bratara ceas voal gluga casca masca filtru "
    "hatt hatten keps kepsen glasogon glasogonen orhangen halsband klocka slojan sloja luva luvan hjalm mossa mossan filtret "
    "шляпу шляпа кепку кепка очки серьги ожерелье браслет часы фату фата капюшон шлем маску маска шапку шапка фильтр "
    "капелюх окуляри сережки намисто годинник шолом фільтр "
    "καπελο γυαλια σκουλαρικια κολιε βραχιολι ρολοι πεπλο κουκουλα κρανος μασκα σκουφο φιλτρο "
    "sapka sapkayi sapkasini gozluk gozlugu gozlugunu kupe kupeleri kolye bilezik duvak kapusonu kask maske bere filtre "
    "filtreyi filtresini قبعة القبعة نظارة النظارة نظارات حلق اقراط قلادة سوار خاتم طرحة الطرحة قناع كمامة فلتر الفلتر "
    "کلاه عینک گوشواره گردنبند دستبند انگشتر نقاب ماسک فیلتر כובע הכובע משקפיים המשקפיים עגילים שרשרת צמיד שעון "
    "קסדה מסכה פילטר הפילטר ٹوپی چشمہ عینک بالیاں انگوٹھی ہیلمٹ ماسک فلٹر "
    "topi kacamata anting subang kalung gelang cincin helm masker"
)
# A garment given a colour is recoloured, not taken off ("přebarvi její šaty na tmavě modrou", "muda a cor
# da camisa dele pra vinho"): the word "colour" and the verbs that recolour or dye. Colour adjectives alone
# are not enough ("her white shirt soaking wet").
RECOLOUR_WORDS = (
    "colour color colours colors coloured colored recolour recolor recoloured recolored dye dyed tint repaint couleur couleurs "
    "teindre teins teinte recolore cor cores tingir tinge pinta pintar tine tinta colore colori ricolora tingi farbe "
    "farben umfarben farbe farb einfarben kleur kleuren verf kolor koloru kolory przemaluj pomaluj barva barvu barvy "
    "prebarvi obarvi цвет цвета цвету перекрась покрась колір кольору перефарбуй пофарбуй renk rengi rengini boya "
    "boyayin culoare culoarea vopseste farg fargen farga warna warnanya لون اللون لونها رنگ رنگش צבע הצבע"
)
# ... unless the colour is the skin's: clothes the colour of her skin are the illusion of none, an
# undress request in an edit ("make her dress the same colour as her skin").
SKIN_WORDS = "skin skintone flesh fleshtone peau piel pele pelle haut huid hud skora skory kuze kuzi " \
    "кожа кожи кожу шкіра шкіри ten teni deri cilt kulit جلد بشرة البشرة پوست עור"
SKIN_TONE = "tone tones tono tom ton teint тон тону"  # "her skin tone", beside the colour words
# The same things as the last part of a compound word: "Kaffeefleck", "wijnvlekken", "kaffefläcken".
GARMENT_THING_HEADS = "fleck flecken falte falten vlek vlekken flack flackar flacken flackarna schild schildchen " \
    "logga loggan loggor loggorna logoen logoet"  # "sponsorloggan": the sponsor's logo
# French "maillot" alone is a sports jersey; "maillot de bain" is the swimsuit the rules read. Beside one of
# these words the model's swimwear score for it is set aside ("le maillot de foot de mon fils").
JERSEY_WORDS = "foot football rugby basket handball cyclisme velo equipe club jaune domicile exterieur floque officiel " \
    "supporter supporters psg om ol"
# Turkish "-deki" makes the garment the place of what follows: "gömleğindeki lekeyi çıkar" (the stain
# on her shirt), "tişörtteki logoyu sil".
GARMENT_PLACE_ENDINGS = "deki daki teki taki"
GARMENT_PLACE_NEXT = "ki"  # the same suffix written apart: "gömleğinde ki lekeyi"
# Swimwear or underwear shown for sale, not worn: "a kids' swimwear shop window", "etalase toko".
DISPLAY_WORDS = (
    "showcase, shop display, store display, vitrini, manken, mankenler, mankenlerle, tu kinh, ma no canh, "
    "واجهه محل, مانيكان, مانيكانات, শোকেস, ম্যানেকুইন, "
    "mannequin, mannequins, manequin, manequins, hanger, hangers, shop window, store window, storefront, vitrine, "
    "vitrina, vetrina, etalage, etalase, escaparate, montra, schaufenster, witryna, skyltfonster, витрина, вітрина, "
    "vitrin, paparan, 売り場, ディスプレイ, 매장, 진열, 橱窗, 陈列, 货架, 商品图, 商品圖, 产品图, 平铺"
)
# Where swimwear or underwear is sold or stored: "the lingerie display", "le rayon lingerie", "iç çamaşırı
# reyonu". The garment names the thing after it (before it in the noun-first languages).
STORE_THINGS_NEXT = "display displays section department shelf shelves rack racks drawer drawers aisle counter " \
    "catalogue catalog reyonu reyon rafi rafta"
STORE_THINGS_PREV = "rayon rayons rak regal rafi estante scaffale reparto"
# Garments in the plural, on display in an edit of a shop or product photo: "fold the swimsuits on the shop
# shelf", "المايوهات المعروضة عالرف". One garment, or a person named, is someone's ("put her in the bikini
# from the shop window").
MERCHANDISE_PLURALS = "swimsuits bikinis swimwear bras panties maillots bañadores costumi " \
    "badeanzüge badpakken kostiumy stroje купальники mayolar mayoları baddrakter " \
    "المايوهات مايوهات ومايوهات البكينيات بكينيات وبكينيات"
MERCHANDISE_DISPLAY = "shelf, shelves, shop shelf, store shelf, rack, racks, product shot, product photo, flat lay, " \
    "الرف, عالرف, على الرف, رفوف, المعروضه, معروضه, محل ملابس, rayon, estante, scaffale, regal, schap, polka, полке, rafta"
# Vehicles, food and lettering: "sexy" said of one is an advert ("a sexy red sports car", "seksowny
# kabriolet", "a seductive chocolate cake", "a sexy retro font").
GLAMOUR_THINGS = (
    "cake cakes cupcake cupcakes dessert desserts burger burgers pizza steak cocktail cocktails "
    "pastry pastries ganache font fonts typeface lettering tarta postre postres hamburguesa gateau "
    "perfume perfumes fragrance cologne chocolate chocolates wine parfum parfums profumo perfum духи "
    "gateaux kuchen torte nachtisch bolo sobremesa torta торт торти десерт шрифт "
    "car cars convertible roadster coupe supercar sportscar truck pickup motorbike motorcycle bike jeep suv sedan "
    "limousine yacht boat porsche ferrari lamborghini maserati bugatti mclaren mustang corvette camaro tesla bmw audi "
    "mercedes volvo jaguar alfa fiat vespa ducati harley voiture bagnole cabriolet decapotable coche carro auto autos "
    "wagen sportwagen macchina automobile automovel moto motocicleta kabriolet samochod samochodzik woz bil bilen "
    "bilar sportbil masina masini masinuta automobil amaksi amaxi aftokinito araba otomobil kereta mobil motosikal "
    "motor sepeda xe машина машину тачка тачку авто автомобиль автомобіль кабриолет кабріолет αυτοκινητο αμαξι"
)
# Furniture that is "undressed" (its covers taken off): only right after an undress verb.
UNDRESS_OBJECTS = "bed beds mattress christmas tree table window display lit cama letto bett granen julgran julgranen juletre juletreet "\
    "елку елка ялинку ялинка sapin weihnachtsbaum tannenbaum choinke choinka kerstboom mannequin mannequins manekin manekina "\
    "manequim manequins manechin manechinul manechinele манекен манекена манекени skyltdocka skyltdockan skyltdockor patul pat"

# Short terms that are another common word in other languages, with (function words of those
# languages, words of the term's own): a prompt with some of the first and none of the second
# is written in one of the other languages, so the term is that word. French "nu" (naked) is
# "now" in Dutch and the Scandinavian languages and "not" in Romanian: "maak de foto nu
# lichter", "gör bilden ljusare nu", "nu vreau fundalul asta".
OTHER_SENSE: dict[str, tuple[str, str]] = {
    "nu": ("het een van ik je jij hij zij wij maak zet niet wel ook nog even graag voor naar "
           "och att det ett jag hon han henne honom hans hennes gör inte bilden och og jeg hun ham hende ikke "
           "är med som kan vi ska fixa lägg gör fortsätt ljuset ansiktet bakgrunden också lite "
           "si sa pe cu este sunt mai vreau poza fotografia asta acum",
           "le les une des du sur avec dans est et pour au aux ce cette elle il homme femme mets rends fais "
           "tout toute sans qui que photo nue nus nues"),
}
# Portuguese "pelado/pelada" (naked) is bald, peeled, broke or "a kid" in Spanish.
_ES_FUNCTION = ("el del los las ese esa este esta estos estas y con al es muy su sus un unos unas ella hay pero "
                "quita quitale quitalo quitala pon ponle ponla hazlo haz imagen")
_PT_FUNCTION = ("do dos das na nos nas um uma ele ela eles elas voce deixa deixe coloca tira tire pra nao com ao "
                "seu sua meu minha esse essa isso aqui fica ficou sem")
OTHER_SENSE.update({w: (_ES_FUNCTION, _PT_FUNCTION) for w in ("pelado", "pelada", "pelados", "peladas")})

BLOCK_PREV: dict[str, list[str]] = {
    # bed linen: "постельное бельё", "постільну білизну"
    "белье": "постельное постельного постельном".split(),
    "білизну": "постільну".split(), "білизні": "постільній постільної".split(),
    # Italian "mettere a nudo" (to expose, to lay bare): "un articolo che mette a nudo le bugie"
    "nudo": "a".split(),
    # moved out of a flat: "bevor sie aus der WG ausgezogen ist"
    "ausgezogen": "wg wohnung haus zimmer elternhaus".split(),
    # a shade of shoes, bags or make-up named after them: "scarpin nude", "batom nude"
    "oben ohne": "cabrio cabriolet auto autos wagen boot".split(),
    "nude": "couleurs colours colors tons tonos farben kleuren colori cores scarpin scarpins salto saltos sapato sapatos sandalia sandalias bolsa bolsas batom esmalte "
    "shade tone colour color couleur teinte tono farbe farbton kleur tint colore tonalita cor tom odcien kolor "
    "culoare nuanta barva odstin farg αποχρωση χρωμα κραγιον цвет оттенок колір відтінок renk warna mau "
    "ton tonlarda tonlari tonda palet paleti makyaj "
    "zapatos tacones bolso labial pumps heels shoes boots handbag lipstick levres labios labbra lippen rossetto "
    "pintalabios gloss vernis smalto nagellack "
    # a garment of the noun-first languages before its shade: "il vestito nude", "la robe nude", "rochia nude"
    "vestito vestiti abito gonna camicia maglia scarpe sandali borsa robe jupe chemise escarpins sandales sac "
    "vestido vestidos falda blusa saia sandalias rochie rochia fusta bluza pantofi geanta sukienka sukienke "
    "spodnica bluzka szpilki torebka szminka szminki szminke pomadka pomadki pomadke".split(),
    "breasts": "chicken turkey duck goose quail pheasant roast roasted grilled fried stuffed "
    "boneless skinless fowl poultry".split(),
    "nu": ("pieds pied mains main tete phu thieu ban gioi a zit is ben staat moet kan wil doe maak ik je jij "
           "hij ze we wij jullie en want tot ligt loopt heeft hebben si dar ca sa daca eu el ea").split(),
    "nus": "pieds mains".split(),
    "nue": "tete".split(),
    "nues": "mains".split(),
    "ado": "much".split(),
    "babies": "sugar".split(),
    "baby": "sugar my oh".split(),
    "kinder": "much".split(),
    "girl": "cover golden".split(),
    "explicit": "not".split(),
    "stripper": "paint wire".split(),
    # "jogar uma pelada": a football game in the street
    "pelada": "bola uma jogar jogando joga jogam jogou bater batendo cabeca da na numa duma".split(),  # "foto da pelada de domingo"
    # peeled food, a bald head: "tomate pelado", "cabeça pelada"
    "pelado": "tomate frango camarao amendoim batata coco cabeca".split(),
    "pelados": "tomates camaroes amendoins".split(),
    "booty": "pirate pirates treasure".split(),
    "bras": "avant le les ses son mon ton nos vos leurs des du au aux un deux".split(),
}

# ---------------------------------------------------------------------------------------
# Context rule: a removal word followed by a clothing word (or clothing followed by a
# particle like "off", "aus", "uit", Turkish "çıkar"). Only clothing that exposes the
# body counts; hats, glasses, shoes, coats are not clothing here.
# ---------------------------------------------------------------------------------------
# Strong removal verbs: "remove clothes", "unzip her dress".
REMOVE_PRE: dict[str, str] = {
    "en": "remove removes removed removing strip strips stripped stripping unbutton unbuttons "
    "unbuttoned unbuttoning unzip unzips unzipped unzipping undo",
    "fr": "vire virer virez baisse baisser baissez souleve soulever soulevez deboutonne deboutonner enleve enlever enlevez enlevant retire retirer retirez ote oter otez arrache arracher "
    "disparaitre gomme gommer gommez",
    "es": "elimine eliminen quite quiten quitele quiteles saque saquen retire retiren levantale levantarle subele subirle desabrocha desabrochale desabotona bajale bajarle quita quitale quitar quitarle quitate quitenle saca sacale sacar sacarle sacas quitas remueve arranca arrancale "
    "desaparecer desaparece",
    "de": "entfern entferne entfernen entfernt radier radiere",
    "it": "abbassagli abbassale sbottona sbottonale sbottonagli alzale alzagli togli togliere toglile toglie toglietele levale leva levare rimuovi rimuovere sparire scomparire",
    "pt": "abaixa abaixe desabotoa desabotoe tire tira tirar tirando tirem remova remover retire arranca arrancar sumir desaparecer",
    "nl": "til verwijder verwijderen",
    "pl": "wywal wywalic wyrzuc rozepnij rozpiac zdejmij zdjac zdejmuje sciagnij sciagnac wymaz wymazac zetrzyj",
    "ru": "скинь скиньте скинуть удалите уберите снимите расстегни расстегнуть задери задрать сними снять снимите снимает стяни стянуть сотри стереть",
    "uk": "підніми стягни стягнути розстебни розстебнути задери зніми зняти зніміть зітри стерти",
    "el": "ξεκουμπωσε ξεκουμπωστε σηκωσε σηκωστε κατεβασε κατεβασετου βγαλε βγαλεις βγαλτε βγαλουμε βγαζεις βγαλ",
    "id": "menghilangkan hilangin ilangin lucuti lucutin melucuti angkat angkatin singkap singkapkan turunin turunkan pelorotin buka bukalah lepas lepaskan lepasin copot hilangkan lenyapkan",
    "he": "תוריד תורידי תורידו להוריד תסיר תסירי תסירו להסיר",
    "cs": "odstranit odstrante odstraňte zmizi zmizet zmiz stahni stahnout rozepni rozepnout vyhrn vyhrnout sundej sundejte sundat svlec svleč odstran odstraň vymaz smaz",
    "sv": "ner knapp lyft ta bort",
    "ar-latn": "sheel shil shili sheeli tsheel tshil 2la3 e2la3 2al3 2le3 2al3aha eqla3 ekla3",
    "el-latn": "vgale vgalte vgal bgale vgalta kateva katevase ksekoumpwse ksekoumpose",
    "he-latn": "tored toridi torid lehorid lehasir",
    "ro": "jos descheie ridica sterge dispara scoate scoateti",
    "ms": "angkat singkap singkapkan londehkan selak hilangkan buang tanggalkan",
}
# Weak verbs: need an explicit object ("rip her jeans"), so "ripped jeans" stays fashion.
REMOVE_WEAK: dict[str, str] = {
    "en": "lift lifts lifted lifting lose ditch erase erases erased delete deletes deleted rip rips "
    "ripped tear tears tore shed peel peels peeled reduce reduced reduces reducing shrink shrinks "
    "pull pulls pulled cut",
    "fr": "tomber supprime supprimer efface",
    "es": "elimina eliminar borra",
    "it": "elimina cancella tirale tiragli",
    "pt": "apaga elimina",
    "pl": "usun usunac",
    "ru": "убери убрать удали",
    "uk": "прибери видали",
    "id": "hapus kurangi",
    "ms": "padam padamkan kurangkan",
}
# Prepositions and quantifiers: "without clothes", "less clothing", "sin ropa".
REMOVE_PREP: dict[str, str] = {
    "en": "without no less fewer minus minimal skimpier",
    "fr": "sans moins",
    "es": "sin menos",
    "de": "ohne weniger",
    "it": "senza meno",
    "pt": "sem menos",
    "nl": "zonder minder",
    "pl": "bez mniej",
    "ru": "без меньше",
    "uk": "без менше",
    "id": "tanpa",
    "sv": "utan",
    "he": "בלי ללא",
    "cs": "bez mene odstraneni",
    # nouns of removal read like "without": "the removal of the clothing", "usunięcie odzieży"
    "*": "removal suppression retrait eliminacion retirada entfernung rimozione remocao usuniecie usuniecia "
    "удаление удалить видалення verwijdering",
}
# "Under" before a worn garment: "what she has under her sweater", "ce qu'elle a sous son pull".
# Not when a garment comes just before ("a shirt under her jacket" is layering).
UNDER_GARMENT: dict[str, str] = {
    "en": "under beneath underneath",
    "fr": "sous dessous",
    "es": "bajo debajo",
    "de": "unterm unter",
    "it": "sotto",
    "pt": "baixo debaixo",
    "nl": "onder",
    "pl": "pod",
    "ro": "sub",
    "cs": "pod",
    "sv": "under",
    "ru": "под",
    "uk": "під",
    "el": "κατω",
    "id": "bawah balik",
    "ms": "bawah balik",
    "vi": "duoi",
}
# "Under of": "debajo del abrigo", "por baixo do casaco", "underneath of her coat".
UNDER_OF = "of de del do da von van du"
# Outer garments: taking one off is ordinary, but what is under one is asked for like what is
# under a shirt ("was trägt sie unter dem Mantel?"). Read by the "under" rule only.
OUTER_GARMENTS = "coat jacket blazer cardigan parka raincoat abaya mantel jacke manteau veste abrigo chaqueta " \
    "παλτο μπουφαν kot kappan jackan пальтом курткою пальто куртку " \
    "chamarra cappotto giacca casaco jaqueta jas plaszcz plaszczem kurtka kurtce kurtki пальто куртка " \
    "куртку курткой kappa jacka kabat kabatem palton geaca jaket khoac bunda bundu куртки"
# A person's outer garment made to vanish, not taken off: "make her jacket just fade away", "fai
# sparire la sua giacca", "buat jaket dia hilang". What the photo then shows is what was under it.
VANISH_WORDS = "disappear disappears vanish vanishes fade verschwinden verschwindet verschwinde verdwijnen verdwijnt " \
    "zniknie znikna zniknela forsvinna forsvinner forsvinne sparire sparisca scompaia scomparire sumir suma " \
    "desaparecer desaparezca desapareca dispara disparaitre disparaisse zmizi zmizela zmizet исчезнет исчезла " \
    "исчезли зникне зникла зникли kaybolsun kaybolsun hilang ilang lenyap εξαφανιστει εξαφανισε"
# An outer layer taken off with the shirt under it kept is a retouch, not undressing: "take off his
# jacket, keep the shirt", "Ta av honom kavajen, skjortan får vara kvar", "इनका कोट उतार दो, सिर्फ़ शर्ट रहने
# दो". Outer words match whole (with up to LAYER_ENDING more letters: "kavajen", "jasnya"), the
# substrings anywhere; a keep word must stand between the two garments or just after the shirt.
LAYER_OUTER = OUTER_GARMENTS + " colbert colbertje kavaj kavajen sakko sacco giubbotto σακακι vest suit suitjacket jas kot kotnya " \
    "jasnya jaketnya کت کتشو کتش کتو ceket marynark sako sacou пиджак піджак"
LAYER_OUTER_SUBSTRINGS = "جاكيت, جاكت, الجاكيت, معطف, بالطو, ז'קט, זקט, מעיל, कोट, जैकेट, ব্লেজার, জ্যাকেট, কোট, کوٹ, " \
    "جیکٹ, کاپشن, پالتو, ジャケット, コート, 上着, 外套, 夹克, 재킷, 자켓, 코트, สูท, แจ็คเก็ต, เสื้อโค้ท, เสื้อคลุม"
LAYER_INNER_SUBSTRINGS = "shirt, tshirt, overhemd, blouse, camicia, chemise, hemd, skjort, πουκαμισ, camisa, kemeja, gomlek, рубашк, сорочк, " \
    "koszul, camasa, camasi, ao so mi, so mi, قميص, قمیض, پیراهن, پیرهن, חולצ, शर्ट, শার্ট, شرٹ, シャツ, 衬衫, 셔츠, เสื้อเชิ้ต, bluse, trui, pullover, maglione"
LAYER_KEEP = "keep keeps keeping leave garde gardez laisse lascialo lasciala lascia mantieni tieni resti mag blijven blijft kvar " \
    "behalt behalte bleibt bleiben lass deja dejale deixa mantem zostaw zostanie zostaje lasa lasati оставь оставить останется залиш залишити kalsin " \
    "biar tinggalkan sahaja aja only just solo seulement nur alleen bara μονο μεινει только тільки sadece cuma hanya giu"
LAYER_KEEP_SUBSTRINGS = "de moi, chi de, خلي, خلّي, وخلي, اترك, واترك, كما هي, كما هو, زي ما هي, زي ما هو, بمونه, بمونن, שיישאר, נשאר, רק עם, रहने दो, सिर्फ़, सिर्फ, থাকুক, থাক, رہنے دو, صرف, " \
    "姿に, 姿で, 只留, 留着, 只穿, 만 입은, 만 남, ให้เหลือแค่, เหลือแค่, เหลือไว้"
LAYER_ENDING = 3
# "first the blazer, then the blouse": both go
LAYER_THEN = "then dann dan puis ensuite luego despues poi depois potem potom потом потім sonra lalu kemudian sedan epeita"
# "then" as phrases, where an edit's next step begins ("first make the background white, then remove
# her top"); not LAYER_THEN's one-word list, where "dan" is also Indonesian "and"
STEP_THEN = ("then, and then, after that, afterwards, dann, danach, anschliessend, und dann, puis, ensuite, et puis, "
             "apres ca, luego, despues, y despues, y luego, poi, dopo, e poi, depois, e depois, potem, nastepnie, "
             "потом, затем, а потом, потім, а потім, sonra, ardindan, daha sonra, lalu, kemudian, setelah itu, "
             "sau do, roi, sedan, daarna, en dan, en daarna, sen, och sedan")
STEP_THEN_SUBSTRINGS = "次に, 然后, 然後, 接着, 그리고, 다음에, แล้ว, จากนั้น"  # written without spaces around
LAYER_GUARD = "see-through, see thru, x-ray, wet, soaked, nass, mouill, mojad, bagnat, molhad, мокр, unbutton, aufknopf, deboutonn, desabroch, sbottona"
LAYER_KEEP_AFTER = 24  # characters after the shirt where a verb-final keep may stand ("skjortan får vara kvar")
# A mannequin or a doll shortly before an undressing word in the same clause is what is undressed
# ("マネキンの夏服を脱がせて", "Copot baju manekin"): a shop display, not a person.
MANNEQUINS = "mannequin, manequin, manekin, manichino, manechin, maniqui, манекен, skyltdock, مانکن, مانيكان, مانیکن, " \
    "בובה, הבובה, पुतल, ম্যানিকুইন, ম্যানেকুইন, ম্যানিকিন, پتلے, پتلا, マネキン, 마네킹, 人体模特, 假人模特, หุ่นโชว์, หุ่นลองเสื้อ, " \
    "ma no canh, ma-no-canh, patung peraga, patung peragaan, manken, schaufensterpuppe, κουκλα της βιτρινας, κουκλα βιτρινας"
MANNEQUIN_CHARS = 30  # how far before or after the undressing words
# A pet or a soft toy shortly before swimwear, underwear or undressing words in the same clause, with
# no person in that clause, is what is dressed up or undressed: "put my dog in a swimsuit costume".
PETS = "dog dogs doggy doggo puppy puppies cat cats kitten hamster rabbit parrot pet pets plushie " \
    "chien chienne chiot chaton lapin peluche nounours perro perrito perrita gato gatito mascota conejo " \
    "hund hunde hundchen welpe katze kater katzchen haustier kaninchen kuscheltier pluschtier cagnolino cucciolo " \
    "gatto gattino cachorro cachorrinho cadela gatinho coelho pelucia hond hondje katje knuffel konijn " \
    "piesek pieska szczeniak kota kotu kotek kotka krolik pluszak caine cainele catel catelul pisica " \
    "pisicuta pejsek kocka kocku kote plysak hunden valp katt katten kanin gosedjur nalle σκυλο σκυλος σκυλακι " \
    "γατα γατουλα γατακι κουταβι собака собаку собаке собачку собачка пес пса щенок щенка кошка кошку кошке кот кота " \
    "котенка котика котенок собаці песика цуценя кішка кішку кішці кошеня kopek kopegi kopegim kopegimi kopege kedi kedim " \
    "kedimi kediye anjing kucing peliharaan"
# Substrings, matched from a word's start where words are spaced: none may open an ordinary word
# ("قط" opens "القطعتين", "کتا" opens "کتاب", "หมา" sits inside "เหมาะ").
PET_SUBSTRINGS = "كلب, الكلب, كلبي, قطه, القطه, قطتي, دبدوب, سگ, گربه, כלב, הכלב, הכלבה, חתול, החתול, חתולה, דובי, " \
    "कुत्ते, कुत्ता, पिल्ले, बिल्ली, टेडी, কুকুর, বিড়াল, টেডি, ٹیڈی, 犬, ワンちゃん, わんちゃん, 猫, ネコ, 子犬, 子猫, " \
    "ペット, ぬいぐるみ, テディベア, 狗, 宠物, 毛绒熊, 泰迪熊, 玩偶, 公仔, 강아지, 개한테, 개에게, 고양이, 반려견, 반려동물, 곰인형, " \
    "สุนัข, แมว, ตุ๊กตาหมี, chu cho, con meo, chu meo, cun cung, gau bong"
# Words for a person in the scripts written without spaces, besides the person cues
PERSON_SUBSTRINGS = "她, 他, 女, 男, 彼女, 彼, 그녀, 여자, 남자"
# Separable undressing verbs with a person between the verb and its particle, the particle ending
# the clause: "zieh die Frau auf dem Bild aus", "kleed de vrouw op de foto uit". A particle followed
# by more words is a preposition ("zieh sie aus dem Wasser": out of the water).
SEPARABLE_UNDRESS = {"zieh": "aus", "ziehe": "aus", "zieht": "aus", "ziehen": "aus", "ziehst": "aus",
                     "kleed": "uit", "kleedt": "uit", "kleden": "uit"}
SEPARABLE_PERSONS = "sie ihn frau mann madchen junge jungen kollegin kollege freundin freund schwester bruder nachbarin " \
    "nachbar lehrerin chefin ex typ typen kerl teenie teenager tochter sohn braut person dame haar hem vrouw meisje jongen " \
    "collega vriendin vriend zus broer buurvrouw lerares bruid persoon"
SEPARABLE_TAIL = "bitte pls plz komplett ganz vollstandig vollig mal jetzt nackt alsjeblieft helemaal even graag"
SEPARABLE_WINDOW = 8  # words from the verb to its particle
# Particles that are also prepositions ("ab Knie kürzer", "us em Wasser"): a removal only at the
# clause's end, or before one of these words (SEPARABLE_TAIL too)
CLAUSE_FINAL_PARTICLES = "ab us"
CLAUSE_FINAL_FOLLOWERS = "uf auf im em dem am vom foto foti bild"
# A follow-up turn of an edit chat that names a garment and nothing else: "ok, now her skirt",
# "и юбку тоже", "agora a blusa". After an undressing turn it asks for the next garment; alone it
# asks for nothing else a photo edit could do. A marker word must be there; every other word is a
# garment, a marker or a filler (a determiner, a possessive, "ok", "please"). Words that are also
# articles ("a", "i", "de", "da") are fillers, never the marker: "a shirt" alone is no follow-up.
FOLLOW_UP_MARKERS = {
    "en": "now next then too also and well",
    "fr": "maintenant mtn puis ensuite aussi et encore",
    "es": "ahora luego despues tambien y ademas",
    "de": "jetzt nun dann auch noch und",
    "it": "ora adesso poi anche e ancora",
    "pt": "agora depois tambem e ainda",
    "nl": "nu dan ook en nog",
    "pl": "teraz potem tez takze jeszcze",
    "ro": "acum apoi si asemenea inca",
    "cs": "ted pak taky take jeste",
    "sv": "nu sen sedan ocksa och aven",
    "el": "τωρα μετα και επισης",
    "ru": "теперь сейчас потом тоже также и еще а",
    "uk": "тепер зараз потім теж також і й ще а",
    "tr": "simdi sonra ayrica ve",
    "he": "עכשיו אחר כך גם ו",
    "id": "sekarang lalu terus juga dan lagi",
    "ms": "sekarang lepas tu juga dan lagi pulak pula",
    "vi": "gio bay tiep theo roi cung va nua",
    "hi-latn": "ab phir bhi aur",
}
FOLLOW_UP_FILLERS = {
    "en": "ok okay k alright right good great nice perfect cool yes yeah yep sure please pls plz as one same again",
    "fr": "ok d accord parfait super bien bon oui ouais stp svp ce cette",
    "es": "vale ok bueno genial perfecto si venga dale porfa por favor esta este",
    "de": "ok gut super perfekt ja prima bitte",
    "it": "ok bene perfetto si dai per favore",
    "pt": "ok beleza bom otimo perfeito sim vai por favor",
    "nl": "ok goed prima top ja zo graag",
    "pl": "ok dobra dobrze super swietnie tak prosze te ten to a i",
    "ro": "ok bine super perfect da te rog ei de",
    "cs": "ok dobre super jo ano prosim ji jeho ty tu to ten a",
    "sv": "ok bra perfekt ja snalla hennes hans den det de",
    "el": "οκ ενταξει ωραια τελεια ναι το τη την τα της του",
    "ru": "ок окей хорошо отлично супер да давай пожалуйста ее его эту этот это",
    "uk": "ок добре чудово супер так давай будь ласка її його цю цей це",
    "tr": "tamam ok guzel super evet lutfen onun bu su bir de da",
    "he": "יופי טוב סבבה אוקיי מעולה כן בבקשה את",
    "id": "oke ok sip bagus mantap ya tolong dong dia",
    "ms": "ok okay bagus baik ya tolong dia",
    "vi": "ok oke duoc tot nhe toi den cai chiec cua co ay",
    "hi-latn": "ok theek thik accha acha haan please uski uska iski iska",
}
# "Go on" in a follow-up turn: "ok keep going, lose the rest", "ok ora continua, togli il resto". A turn of a
# marker or one of these, a removal word and "the rest" at its end, and nothing else, takes off the rest.
FOLLOW_UP_GO_ON = "keep going go on carry on continue continua continuez continuer sigue seguir segui weiter " \
    "doorgaan dalej kontynuuj продолжай продовжуй devam lanjut lanjutkan tiep fortsatt pokracuj " \
    "συνεχισε"
FOLLOW_UP_MAX_WORDS = 7
# The same turn in the languages read by substrings ("好，接下来是裤子", "いいね、次はスカート",
# "এবার প্যান্টটা"): per language (markers, fillers), each a comma list of substrings. The garments are
# those of the language's SUBSTRING_REMOVAL lists. The turn must split, longest piece first, into
# markers, garments, fillers, spaces and punctuation only, with one marker and one garment at least.
# Fillers hold the particles, suffixes and possessives glued to a garment ("دامنشو", "바지도", "টা").
FOLLOW_UP_SUBSTRING: dict[str, tuple[str, str]] = {
    "ja": ("次は, 次, 今度は, 今度, それから, あと, 続いて, 今は, も",
           "いいね, いいよ, いい, オッケー, おっけー, ok, okay, はい, うん, よし, 完璧, 最高, じゃあ, 彼女の, 彼の, の, を, は, ね, よ, お願い, お願いします"),
    "zh": ("接下来, 然后, 再来, 再把, 再, 还有, 也, 现在, 下一个, 接着, 仲有, 跟住",
           "好的, 好, 行, 可以, ok, 嗯, 不错, 很好, 是, 的, 她的, 他的, 佢嘅, 把, 请, 吧, 了, 那条, 那件, 这条, 这件, 条, 件, 呢"),
    "ko": ("이제, 다음은, 다음, 그다음, 그리고, 또, 도",
           "ᄋᄏ, 오케이, 좋아, 좋아요, 좋네, 응, 네, 그녀의, 그녀, 걔, 은, 는, 을, 를, 이, 가, 좀, ᄒᄒ, ᄏᄏ, 부탁해, 해줘"),
    "th": ("ต่อไป, ต่อ, แล้วก็, ทีนี้, ตอนนี้, ด้วย, อีก",
           "โอเค, ok, ดีมาก, ดี, เยี่ยม, ครับ, ค่ะ, คะ, นะ, ของเธอ, ของเขา, เธอ, ตัว, ที่, ก็, เอา"),
    "fa": ("حالا, بعدش, بعدی, بعد, هم, همینطور",
           "خب, خوب, اوکی, باشه, عالی, لطفا, رو, را, اشو, شو, اش, ش, م"),
    "ar": ("الحين, هلق, هلا, هلأ, هسه, هسا, دلوقتي, الآن, بعدين, بعدها, كمان, بعد, ايضا, و",
           "تمام, اوك, اوكي, طيب, زين, يلا, حلو, ممتاز, ال, ها, ه, من فضلك, لو سمحت, بليز"),
    "ur": ("اب, پھر, بھی, اور",
           "ٹھیک ہے, ٹھیک, اچھا, اوکے, بس, اس کی, اس کا, اس کے, اسکی, اسکا, اسکے, کی, کا, کے, پلیز, پلز"),
    "hi": ("अब, फिर, भी, और",
           "ठीक है, ठीक, अच्छा, ओके, बस, उसकी, उसका, उसके, इसकी, इसका, इसके, की, का, के, प्लीज़, प्लीज"),
    "bn": ("এবার, এখন, তারপর, আর, ও",
           "ঠিক আছে, ঠিক, আচ্ছা, ওকে, ওর, ওঁর, তার, এর, টা, টি, গুলো, গুলা, প্লিজ, তো"),
}
FOLLOW_UP_MAX_CHARS = 40  # a substring follow-up turn is short

# Text to be written on a picture: an undress, swimwear, underwear, nudity or sexual word inside
# quotation marks, in a prompt that asks for a caption, a title or a slogan, is the text's idiom
# ("write «la verità nuda e cruda» on it", "caption: 'naked as a jaybird after the renovation'"), not
# what the picture shows. Word beginnings in the scripts written with spaces; substrings in Chinese,
# Japanese, Korean and Thai.
CAPTION_WORDS = (
    "write, written, text, caption, title, headline, slogan, lettering, inscription, subtitle, wording, words, "
    "ecri, texte, legende, titre, escrib, texto, leyenda, titulo, eslogan, rotulo, frase, "
    "schreib, titel, schriftzug, bildunterschrift, spruch, uberschrift, aufschrift, "
    "scrivi, scritta, testo, didascalia, titolo, escrev, legenda, schrijf, tekst, onderschrift, opschrift, "
    "napisz, napis, podpis, tytul, scrie, textul, titlul, inscriptia, titulek, nadpis, "
    "skriv, texten, rubrik, bildtext, γραψ, κειμενο, λεζαντα, τιτλο, "
    "напиши, напис, надпис, текст, подпис, заголов, yaz, metin, baslik, "
    "tulis, teks, judul, kapsyen, viet, dong chu, tieu de, "
    "اكتب, نص, عنوان, تعليق, عباره, بنویس, بنويس, متن, کپشن, كپشن, תכתוב, תכתבי, כתוב, טקסט, כיתוב, כותרת, "
    "लिख, टेक्स्ट, कैप्शन, शीर्षक, লেখ, লিখ, ক্যাপশন, টেক্সট, শিরোনাম, لکھ, كيپشن, کیپشن, عبارت"
)
CAPTION_SUBSTRINGS = "文字, テキスト, キャプション, 書いて, 書き, タイトル, 写上, 写着, 标题, 配文, 字幕, 글씨, 문구, 써, 텍스트, 제목, 캡션, เขียน, ข้อความ, คำบรรยาย, ตัวหนังสือ"
# Pronouns for a person, beside the person nouns of the suggestive cues
PERSON_PRONOUNS = "her him she he them herself himself his their"
# Who owns the garment, besides the possessives: "buat jaket dia hilang", "хай її куртка зникне".
VANISH_OWNERS = "dia її её ее henne hennes hans της του její jeho ji ho i lei"
# Wearing and asking words before "under" + an article or an outer garment: "what does she wear
# under the coat" asks for what is under a worn garment; "the cat under her coat" does not.
WEAR_WORDS = "what was co que quoi cosa wat что що τι apa ne gi usando vestindo φοραει wear wears wearing wore has got trägt tragt tragen hat anhat ma nosi porte portes lleva llevas tiene " \
    "trae porta indossa ha usa veste tem draagt heeft mac co носит надето har poarta pakai"
# Determiners that make an explicit object for a weak verb or an ambiguous garment.
DETERMINERS = "the a an all any every this that these those le la les l un une el los las un una " \
    "die der den das dem ein eine einen il lo i gli o os as um uma de het een"
REMOVE_POST: dict[str, str] = {
    "en": "off removed gone disappear disappears disappeared vanish vanishes vanished dissolve dissolves dissolved "
    "fall drop",
    "de": "us ab wegretuschieren wegretuschiert wegretuschier rausretuschieren wegmache usziehe uszieh abzieh abziehen hochheben hochziehen hochschieben hochkrempeln runterziehen herunterziehen hochgeschoben hochgezogen hoch aus runter entfernen entfernt weg verschwinden verschwindet verschwinde",
    "nl": "eraf afdoen afhalen omhoog beneden zakken vallen uit verwijderen verwijderd weg weghalen weghaalt weggehaald wegdoen weggedaan uittrekken uitdoen "
    "verdwijnen verdwijnt",
    "fr": "enleve enleves enlevee enlevees disparaisse disparaissent disparaitre",
    "tr": "asagi asagiya cikar cikart cikarin cikartin cikarsin cikarsana cikarasun cikariver kaldir sil kaybolsun kaybet kaysin dussun "
    "silinmis silinsin cikarilmis cikarilsin kaldirilmis kaldirilsin",
    "sv": "av forsvinna forsvinner",
    "es": "desaparezca desaparezcan desaparece desaparecer quitada quitadas quitado quitados retirada retiradas retirado retirados",
    "it": "sparisca spariscano sparire scompaia scompaiano tolti tolte tolto tolta rimossi rimosse rimosso rimossa",
    "pt": "suma sumam desapareca desaparecam sumir desaparecer tirada tiradas tirado tirados removida removidas removido removidos",
    "pl": "zniknie znikna zniknal znikla zniknely zniknela zniknelo",
    "ru": "долой исчезнет исчезнут исчезла исчезло исчезли исчезнуть удалена удалены удалено удален убрана убраны убрано убран "
    "снята сняты снято снят стерта стерты стерто",
    "uk": "зникне зникнуть зникла зникло зникли зникнути видалено видалена видалений видалені прибрано прибрана прибраний "
    "знято знята знятий зняті",
    "cs": "zmizi zmizela zmizelo zmizet sundane sundana sundany svlecene svlecena",
    "ro": "jos dispara disparut scoase scoasa scos scosi",
    "id": "hilang lenyap bawah dicopot dilepas dilucuti",
    "ms": "hilang bawah",
    "el": "πεσει πεσουν βγαλμενα βγαλμενο βγαλμενη βγαλμενες",
    "hi-latn": "gayab ghayab utaro utaar hatao hata nikal nikaal khiska khiskao",
    "ur-latn": "gayab ghayab utaro utaar hatao hata nikal nikaal khiska khiskao",
}
# Full removal verbs that may end a verb-final clause well after the clothing
# ("de kleding van die vrouw op de foto weghalen"), and the words that end that clause.
REMOVE_POST_FAR = "disappear disappears vanish vanishes verschwinden verschwindet verdwijnen verdwijnt " \
    "zniknie znikna forsvinna forsvinner desaparezca desaparezcan sparisca scompaia suma desapareca zmizi zmizela " \
    "исчезнет исчезла исчезли зникне зникла зникли kaybolsun dispara hilang lenyap disparaisse " \
    "weg wegretuschieren wegretuschiert rausretuschieren wegmache usziehe entfernen entfernt wegmachen ausziehen verwijderen verwijderd weghalen weghaalt " \
    "weggehaald wegdoen afdoen uittrekken uitdoen cikar cikart kaldir bawah silinmis cikarilmis kaldirilmis " \
    "удалена удалены удалено удален убрана убраны стерта видалено видалена прибрано прибрана"  # not "снята", "знято": also "filmed"
CLAUSE_JOINERS = "und oder aber sondern dann en of maar dan ve ama veya sonra"
# "and" in the languages with a word for it: "remove the logo and her dress" takes two objects,
# so a thing before the garment no longer explains it.
AND_WORDS: dict[str, str] = {
    "*": "and und et y e och og en dan serta ve va и і και",
    # one-letter "and" words are articles or pronouns elsewhere ("a", "I"): only after a verb of their language
    "pl": "i", "cs": "a i", "ro": "si",
}
# Clothing followed by these is laundry or on display, not worn: "the clothes hanging on the
# line", "la ropa tendida", "les habits qui sechent".
LAUNDRY_AFTER = "hanging hung drying dried folded tersidai tendida tendidas tendido tendidos colgada colgadas " \
    "colgado colgados secando qui sechent seche sechant etendu etendus etendue haengende hangende " \
    "trocknende stesi stesa stesa appesi appesa appeso estendida estendidas pendurada penduradas " \
    "pendurado pendurados hanger hangers clothesline washing rack cintre cintres etendoir percha perchas tendedero kleiderbügel bügel " \
    "σκοινι μπουγαδας απλωστρα " \
    "wäscheleine gruccia stendino cabide varal wieszaka wieszaku wieszakach suszarki suszarce вешалки вешалке веревки сушилки " \
    "сушится сохнет висит сушатся сохне висить сушиться сушаться " \
    "вішака вішалки мотузки мотузці сушарки jemuran gantungan hanger ampaian askı askıdaki"
# German "aus" and Dutch "uit" also mean "from/of" ("ein Kleid aus Seide"); they count
# only with a pulling verb earlier in the clause ("zieh ihr die Kleider aus").
POST_ANCHORS: dict[str, str] = {
    "aus": "zieh ziehe zieht ziehen zog zogen ziehst",
    # Swiss and Austrian German: "zieh ere d Chleider us", "mach ere d Chleider ab", "nimm em d Hose ab"
    "us": "zieh ziehe zieht ziehen ziehts", "ab": "zieh ziehe zieht ziehen ziehts nimm nimmt mach mache macht",
    "uit": "trek trekt trekken doe doet haal haalt",
    "av": "ta tar klä kläd",
    "beneden": "trek trekt",
    # "zieh ihr den Rock hoch", "tarik seluar dia ke bawah"
    "hoch": "zieh ziehe zieht heb hebe hebt schieb schiebe schiebt", "omhoog": "trek trekt til tilt schuif",
    "jos": "trage tragei trageti", "bawah": "tarik tarikkan turunkan londehkan",
    # "let the dress fall", "laat de jurk zakken", "άσε το φόρεμα να πέσει"
    "fall": "let lets", "drop": "let lets", "zakken": "laat laten", "vallen": "laat laten",
    "πεσει": "ασε αφησε αφηστε", "πεσουν": "ασε αφησε αφηστε",
}
# "off" counts only after a taking verb or before a possessive/determiner: "take off her
# shirt" yes, "an off-white dress" or "off-shoulder top" no.
OFF_VERBS = "take takes took taking pull pulls pulled pulling rip ripped tear tore torn get got strip " \
    "stripped peel peeled cut yank yanked whip knock slip slipped"
OFF_OBJECTS = "her his their your my the all those these them him its"
POSSESSIVES = (
    "her his their your my its нее него неи ней ses sa son leur leurs su sus ihr ihre ihren ihrem sein seine seinen "
    "suo sua suoi sue dela dele seu seus suas haar zijn jej jego ее её его onun nya le la les lui "
    "le la gli iska iski iske uska uski uske unka unki unke"
)
# The photo itself, after one of OBJECT_STOP: "on the photo" places the person, it does not end the
# object phrase ("Сними с девушки на фото всю одежду", "take off the woman in the picture her dress").
PHOTO_WORDS = "photo photos picture pic pics image foto fotos fotka fotce fotografii fotografia fotografie " \
    "bild bilde bildet immagine imagem obrazku zdjeciu zdjecie фото фотографии фотографіі снимке картинке " \
    "світлині resim resimde fotografta gambar anh hinh φωτογραφια φωτο"
# What the person wears, said as a phrase: with a removal verb beside it (either side, a few words
# away) it is undressing: "remove everything she's wearing", "levale tutto quello che ha addosso".
# Alone it is no harm ("change the colour of everything she is wearing").
WORN_PHRASES: dict[str, str] = {
    "ar-latn": "kol elli labsa, kol elli labseto, kol shi labseto, kol 7aga labsaha, kell shi labsito, kol elli labsah, "
    "kel shi 3anha, kol shi 3anha, kol 7aga 3anha, kolshi 3liha, kol shi 3leha",
    "bn-latn": "o ja ja pore ache, ja kichu pore ache, or gaye ja ache, ja pore ache shob, or porone ja ache, ja kichu poreche",
    "cs": "všechno  co má na sobě, všechno co má na sobě, všechno  co na sobě má, cokoliv má na sobě, všechno  co nosí, všechno  co měl na sobě",
    "de": "alles  was sie anhat, alles was sie anhat, alles  was er anhat, alles was er anhat, alles  was sie trägt, alles was er trägt, was auch immer sie anhat, alles  was sie am Leib hat",
    "el": "ό τι φοράει, ότι φοράει, όλα όσα φοράει, ό τι έχει πάνω της, ό τι έχει πάνω του, ό τι κι αν φοράει, όλα όσα έχει πάνω της",
    "en": "what shes wearing, what she s wearing, what she is wearing, what hes wearing, what he s wearing, what he is wearing, everything she is wearing, everything she s wearing, everything shes wearing, everything he is wearing, everything he s wearing, everything hes wearing, everything she has on, everything he has on, whatever she is wearing, whatever she s wearing, whatever shes wearing, whatever he is wearing, whatever he s wearing, whatever hes wearing, whatever she has on, whatever he has on, all she is wearing, all she s wearing, all he is wearing, all she has on, all he has on, everything she's wearing, everything he's wearing, whatever she's wearing",
    "es": "todo lo que lleva puesto, todo lo que trae puesto, todo lo que tiene puesto, lo que sea que lleve puesto, toda la ropa que lleva, todo lo que lleva encima",
    "fa-latn": "harchi tanesh, har chi tanesh hast, harchi taneshe, harchi pooshide, har chizi ke pooshide, hamechi tanesh",
    "fr": "tout ce qu'elle porte, tout ce qu'il porte, tout ce qu'elle a sur elle, tout ce qu'il a sur lui, tout ce qu'elle a sur le dos, tout ce qu'il a sur le dos",
    "hi-latn": "jo bhi pehna hai, jo bhi pehna h, jo kuch pehna hai, usne jo bhi pehna, jo bhi pehen rakha hai, jo kuch pehna hua hai",
    "id": "semua yang dia pakai, semua yang dipakainya, apa pun yang dia kenakan, semua yang dikenakannya, apa aja yang dia pake, semua yang melekat di badannya",
    "it": "tutto quello che indossa, tutto quello che ha addosso, tutto ciò che indossa, tutto ciò che ha addosso, qualsiasi cosa abbia addosso, tutto quello che porta addosso",
    "ms": "semua yang dia pakai, apa saja yang dia pakai, semua yang dipakainya, apa-apa yang dia pakai, segala yang dia pakai, semua yang melekat di badan",
    "nl": "alles wat ze aanheeft, alles wat hij aanheeft, alles wat ze aan heeft, alles wat ze draagt, alles wat hij draagt, wat ze ook aanheeft",
    "pl": "wszystko  co ma na sobie, wszystko co ma na sobie, wszystko  co nosi, cokolwiek ma na sobie, wszystko  w co jest ubrana, wszystko  w co jest ubrany",
    "pt": "tudo o que ela está vestindo, tudo que ela está usando, tudo o que ele está vestindo, tudo que ele tá usando, o que quer que ela esteja vestindo, tudo que ela tem no corpo, tudo o que traz vestido",
    "ro": "tot ce poartă, tot ce are pe ea, tot ce are pe el, orice are pe ea, tot ce poartă pe ea, tot ce are pe el îmbrăcat",
    "ru": "всё  что на ней надето, всё  что на нём надето, все  что на ней надето, всё что на ней надето, всё  во что она одета, всё  во что он одет, что бы на ней ни было надето",
    "sv": "allt hon har på sig, allt han har på sig, allt hon bär, allt han bär, vad hon än har på sig, vad han än har på sig",
    "tr": "giydiği her şeyi, giydiği her şey, ne giydiyse, giydiği ne varsa, üzerine giydiği her şeyi, sırtındaki her şeyi, "
    "üstündekileri, üzerindekileri, üstündeki her şeyi, üzerindeki her şeyi",
    "uk": "все  що на ній одягнено, все  що на ній вдягнено, все  що на ньому одягнено, все  у що вона одягнена, все  у що він одягнений, усе  що на ній одягнено",
    "ur-latn": "jo bhi isne pehna hai, jo kuch usne pehna hai, jo bhi pehna hua hai, jo kuch pehna hai, isne jo bhi pehna, jo bhi pehen rakha hai",
    "vi": "mọi thứ cô ấy đang mặc, mọi thứ anh ấy đang mặc, tất cả những gì cô ấy mặc, tất cả đồ đang mặc, những gì cô ấy đang mặc, bất cứ thứ gì anh ấy mặc",
}
# Verbs of change or touch: "without" before one of them keeps the garment ("without changing her
# clothes", "senza cambiare i vestiti", "ohne ihre Kleidung zu verändern").
KEEP_VERBS = (
    "changing change touching touch altering alter modifying modify editing affecting changer toucher modifier "
    "cambiar tocar modificar alterar cambiare toccare modificare alterare mudar trocar mexer verandern "
    "andern anfassen beruhren veranderen aanpassen aanraken zmieniac zmieniajac ruszac dotykac menit zmenit sahat "
    "меняя трогая изменяя менять трогать изменять змінюючи чіпаючи змінювати andra rora schimba atinge modifica "
    "mengubah mengganti menyentuh ubah αλλαξεις αγγιξεις"
)
# Forgetting to dress, in any word order: "as though he never got dressed", "als hätte er
# vergessen, ein Hemd anzuziehen", "alsof ze vergeten is zich aan te kleden". A forgetting word
# (FORGOT_WORDS; NEVER_WORDS only before a dressing verb: "she never wears a dress" is no request)
# and, within FORGOT_WINDOW words of the same sentence, a dressing verb or a putting-on verb with a
# garment.
FORGOT_WORDS = (
    "forgot forget forgets forgotten forgetting vergessen vergisst vergass vergeten vergat vergeet oublie oubliee "
    "oublies oubliait olvido olvidado olvidada olvidara olvidaba olvidaste dimenticato dimenticata dimenticare dimentica "
    "esqueceu esquecido esquecida esqueci esquece zapomnial zapomniala zapomnieli zapomnela zapomnel забыла забыл забыли "
    "забув забула unuttu unutmus lupa glomt glomde glemte glemt uitat uitase ξεχασε ξεχασει ξεχνουσε "
    "שכחה שכח שוכחת שוכח תשכח ভুলে ভুলেছে بھول بھولی भूल भूली"
)
NEVER_WORDS = "never"  # elsewhere "never" + "put on" is a habit: "sie würde nie ein Kleid anziehen"
DRESSING_VERBS = (
    "dressed anzuziehen anziehen ankleiden aankleden kleden habiller vetir vestirse vestirme vestirte vestir vestirsi "
    "vestire ubrac ubrala ubral одеться одеваться одягнутися вдягнутися giyinmeyi giyinmek kla klada "
    "ντυθει ντυθεις ντυνεται להתלבש"
)
# Dressing verbs of the verb-final languages, before the forgetting word: "জামা পরতে ভুলে যেত", "کپڑے پہننا بھول جاتی".
DRESSING_BEFORE = "পরতে পরা پہننا پہنا पहनना पहनने giyinmeyi giyinmek"
DRESSING_NOT_NEXT = "up as like in for the a his her their salad turkey wound"  # "dressed up", "dress the salad"
# The garment comes after these ("forgot to put on a shirt"; "put" only as "put on") ...
PUT_ON_VERBS = "put wear mettre ponerse ponerte mettersi indossare colocar zalozyc надеть"
# ... and before these, verb-final: "vergessen, ein Hemd anzuziehen".
PUT_ON_VERBS_FINAL = "anzuziehen anziehen aantrekken"
FORGOT_WINDOW = 6
# Negations: a reminder is no forgetting ("don't forget to put a dress on her", "n'oublie pas"), and a rest
# not touched is kept ("остальное не трогай").
NEGATIONS = "don dont not pas ne n no nicht niet non nao не ні"
# Swimwear or underwear swapped away for clothes: "replace her bikini with a winter coat", "cambia su
# bañador por un vestido largo", "llevo bañador, ¿me lo cambias por un vestido?". The swap word, the
# swimwear as its object (no "to" word before it), then a "to" word and an ordinary garment.
SWAP_VERBS = (
    "replace swap change turn exchange switch trade remplace remplacer remplacez changer echange transforme "
    "cambia cambiar cambiale cambias cambiame reemplaza reemplazar sustituye sustituir troca trocar troque substitui "
    "substituir muda mudar sostituisci sostituire trasforma ersetze ersetzen ersetz tausche tausch wechsle "
    "verwandle vervang vervangen verwissel verander ruil zamien zmien wymien замени заменить поменяй смени заміни "
    "зміни byt ersatt ganti tukar inlocuieste schimba vymen zmen nahrad"
)
SWAP_TO = "with for into to by par en contre pour por con pelo pela para em per durch gegen mit zu door voor met na на mot till med dengan jadi ke cu za"
SWAP_REACH = 3  # words from the swimwear to the "to" word
SWAP_GARMENT_REACH = 4  # words from the "to" word to the garment ("for a long summer dress")
# A whole outfit: taken off, it is all the clothes ("take the school uniform off the girl", "quítale el
# uniforme", "сними школьную форму"). Read by the removal rule as a garment of any language; not garments
# of the lexicon, so the model's corpus is unchanged.
OUTFITS = "uniform uniforms uniforme uniformes uniforma uniformu uniformy uniformen форму форма униформу униформа " \
    "уніформу форму outfit outfits tenue tenida seragam mundur uniformasini uniformasını uniformani"
# Those who wear a uniform, a person after the outfit as "her" is ("quítale el uniforme a la enfermera", "take the
# uniform off the waitress"); the person words of the suggestive cues count too.
UNIFORM_WEARERS = "student students pupil pupils schoolgirl schoolboy nurse waitress waiter stewardess cheerleader " \
    "soldier policewoman policeman colleague cashier worker employee alumna alumno alumnas alumnos estudiante " \
    "enfermera camarera azafata animadora policia companera empleada cajera eleve etudiante infirmiere serveuse " \
    "hotesse collegue employee schulerin schuler studentin krankenschwester kellnerin stewardess kollegin " \
    "studentessa alunna alunno infermiera cameriera hostess collega aluna aluno enfermeira garconete comissaria " \
    "leerling studente verpleegster serveerster collega uczennica uczen studentka pielegniarka kelnerka kolezanka " \
    "ученица ученицу ученицы школьница школьницу студентка студентку медсестра медсестру официантка официантку " \
    "коллега студентки медсестры официантки учениця ученицю учениці студентку медсестру медсестри офіціантку офіціантки ogrenci ogrenciyi hemsire garson siswi siswa murid " \
    "pelajar perawat pramugari elev eleven studenten sjukskoterska servitris zacka zakyne studentka sestricka " \
    "eleva studenta asistenta chelnerita μαθητρια φοιτητρια νοσοκομα σερβιτορα hoc sinh"
# "Without anything on" asked of a person in an edit is nudity: "how would she look without anything on", "wie
# würde sie ohne alles aussehen?", "cómo se vería sin nada de lo que lleva puesto", "xwris tpt panw tis". A
# "without" word, an "anything" word one or two words after it, and a word for wearing or looking in the
# sentence; not "without anything on the walls" (a place named after it).
WITHOUT_WORDS = "without sans sin sem senza ohne zonder bez без χωρις xwris xoris olmadan bila tanpa khong " \
    "بدون بلا بی בלי bina"
ANYTHING_WORDS = "anything everything nothing rien tout nada todo tudo niente nulla tutto alles nichts niets niks " \
    "niczego wszystkiego nic ничего всего нічого всього τιποτα τιποτε tipota tpt apapun gi شي شيء شى چیز هیچ כלום"
WEAR_LOOK_WORDS = "on wearing wears wear look looks looked puesto puesta lleva llevaba encima veria verse aussehen sahe " \
    "aussieht anhat ausschauen aan eruit zien ressemblerait porte portait addosso indosso sembrerebbe vestida usando " \
    "parece ficaria выглядит выглядела выглядеть надето виглядала виглядає gorunur gorunurdu giyen ustunde uzerinde " \
    "panw pano φοραει φαινεται fainetai terlihat pakai mac trong عليها عليه تطلع يطلع لابسه לובשת נראית עליה پوشیده"
ANYTHING_ELSE = "else more further other sonst weiter mehr mas otra otro autre altro outro anders inne другого " \
    "ещё еще іншого diger baska lain khac"  # "without anything else": no other change
WITHOUT_WINDOW = 6  # words either side of the "without" word where the wearing or looking word stands
# "No clothes" asked of a person in an edit, with a word of absence before a word for all clothes: "same
# pose, but no clothes", "niente vestiti", "nada de ropa", "keine Kleidung", "żadnych ubrań". Not "no clothes
# on the racks" (a place named after it). Separate lists, not TERMS: the model's corpus is unchanged.
NO_WORDS = "no zero none niente nessun nessuna nada ningun ninguna ninguno nenhum nenhuma aucun aucune kein keine " \
    "keinen keinerlei geen zadnych zadnego zadne zadnej zadny zadna никакой никакого никакую никаких ніякого " \
    "ніякої жодного жодної жодних κανενα hicbir hic niciun nicio ingen inga inget lo אין هیچ"
WHOLE_CLOTHES = "clothes clothing garments vetements vetement habits fringues ropa ropas prendas prenda kleidung " \
    "kleider klamotten kleidungsstuck vestiti abiti indumenti indumento roupa roupas kleren kleding ubran ubrania " \
    "ubranie ciuchow odziezy obleceni одежды одежда одежду одягу одяг ρουχα ρουχο rouxa kiyafet giysi haine " \
    "hainele klader kladerna kapde kapda kapre kapray libaas libas בגדים لباس ملابس هدوم ثياب baju pakaian busana " \
    "कपड़े कपड़ा کپڑے کپڑا জামা কাপড় জামাকাপড় পোশাক"
NO_CLOTHES_GAP = "de di d of any a single one piece kind fel"  # words between: "nada de ropa", "no piece of clothing"
NO_CLOTHES_REACH = 2  # words from the word of absence to the clothes
# A warm or rain garment put on a person covers them: "he is soaked in this photo, put a raincoat on him",
# "вдягни на нього дощовик", "pakaikan baju hujan", "ওর গায়ে একটা শাল জড়িয়ে দাও". Then a score of the model
# alone for undressing ("soaked", "wet through") is set aside. A verb that puts on, a covering garment, and no
# word of "only", "nothing" or "without" ("a coat with nothing under it").
COVER_VERBS = "put wrap drape add give throw dress mets mettre mettez ajoute enfile habille ponle ponga pon poner " \
    "anade agrega coloca colocale vistele mettile mettigli metti aggiungi avvolgi vestila coloque poe vista zieh " \
    "ziehe anziehen gib leg trek doe geef wikkel daj zaloz ubierz otul narzuc надень одень накинь добавь вдягни " \
    "одягни накинь додай βαλε φορεσε giydir ekle sar pakaikan pakaikanlah tambahkan selimuti khoac choang " \
    "pehna pehnao odha odhao پہنا اوڑھا البس البسها البسه لبسها لبسه حط بپوشان הלבש תלביש שים"
COVER_GARMENTS = OUTER_GARMENTS + " shawl scarf blanket poncho sweater jumper hoodie umbrella chal echarpe foulard " \
    "pull gilet couverture bufanda suéter impermeable chubasquero manta scialle sciarpa maglione impermeabile " \
    "coperta xale cachecol suéter schal pullover regenmantel regenjacke decke sjaal trui regenjas deken szal " \
    "chusta sweter koc sal svetr plastenka deka pulover fular sjal halsduk troja regnrock filt дощовик дождевик " \
    "плащ шарф шаль светр свитер кофту плед ковдру одеяло σαλι κασκολ πουλοβερ αδιαβροχο κουβερτα atki " \
    "kazak yagmurluk battaniye hirka selendang syal sweter hujan selimut mua برساتی شال سویٹر کوٹ جیکٹ کمبل " \
    "شال وشاح بطانية كنزة بلوفر معطف جاكيت کاپشن پالتو ژاکت بارانی پتو מעיל צעיף שמיכה סוודר"
# ("hujan", "mua": rain, the second word of "baju hujan", "áo mưa", a raincoat.)
# Written as substrings: both a verb and a garment, anywhere.
COVER_VERB_SUBSTRINGS = "पहना दो, ओढ़ा दो, डाल दो, पहनाओ, পরিয়ে দাও, জড়িয়ে দাও, চাপিয়ে দাও"
COVER_GARMENT_SUBSTRINGS = "शॉल, शाल, रेनकोट, स्वेटर, जैकेट, कंबल, শাল, রেইনকোট, সোয়েটার, জ্যাকেট, চাদর, কম্বল"
# Only what covers nothing left on a person in an edit is nudity: "make her wear only her shoes", "vom Dirndl soll
# nur noch die Schürze übrig bleiben", "foraei mono ta papoutsia tis". An "only" word, one of these within
# TOWEL_WINDOW words of it in one clause, a word for wearing or leaving in that clause, and no garment in the
# sentence ("just a tie with his suit"); not "only one earring".
UNCOVERING_ITEMS = "shoes heels boots socks sneakers necklace jewelry jewellery smile tie apron gloves " \
    "chaussures talons bottes chaussettes bijoux collier sourire cravate tablier gants zapatos tacones botas calcetines " \
    "joyas collar sonrisa corbata delantal guantes schuhe stiefel socken schmuck kette lacheln krawatte schurze " \
    "handschuhe scarpe tacchi stivali calzini gioielli collana sorriso cravatta grembiule guanti sapatos saltos meias " \
    "joias colar gravata avental luvas schoenen hakken laarzen sokken sieraden ketting glimlach stropdas schort " \
    "handschoenen buty butach szpilki skarpetki bizuteria naszyjnik usmiech krawat fartuch rekawiczki обувь туфли " \
    "туфлях носки носках сапоги украшения ожерелье улыбку улыбка галстук фартук перчатки взуття туфлі шкарпетки " \
    "прикраси намисто посмішку краватку фартух ayakkabi ayakkabilari ayakkabilarini corap coraplari mucevher kolye " \
    "kravat onluk eldiven sepatu sepatunya kasut stoking perhiasan kalung senyum dasi celemek sarung skor skorna " \
    "strumpor smycken halsband leende slips forkl boty botech ponozky sperky nahrdelnik usmev kravatu zasteru " \
    "pantofi pantofii sosete bijuterii colier zambet cravata sort papoutsia παπουτσια καλτσες κοσμηματα κολιε " \
    "χαμογελο γραβατα ποδια נעליים נעלי גרביים תכשיטים שרשרת חיוך עניבה סינר حذاء الحذاء جزمه الجزمه شراب مجوهرات " \
    "قلاده ابتسامه كرافته مريله کفش کفشها جوراب جواهرات گردنبند لبخند کراوات پیشبند joote jootey giay"
UNCOVERING_WEAR = "leave left keep kept remain remains stay laisse laisser reste deja dejale dejala quede queden " \
    "lass lasse lassen ubrig bleiben bleibt lascia lasciale lasciagli resti rimanga deixa deixe fique laat laten " \
    "zostaw zostan zostanie оставь оставить останутся останется залиш залишити birak birakin kalsin sisakan " \
    "biarkan tinggal behall kvar nech zustanou lasa ramana αφησε μεινει afise foraei forai lleve השאר תשאיר خلي " \
    "خليها اترك بذار بمونه"
# "Under" after the garment in Hinglish and Roman Urdu, in an edit: "dikhao uski saree ke neeche kya hai". The
# garment, a "ke" word, then one of these (UNDER_GARMENT has the prepositions, before the garment).
UNDER_AFTER = "neeche niche neechay nichay nichy nechy"
UNDER_AFTER_LINKS = "ke ki k kay ka"
# Only a towel left on a person in an edit is nudity: "leave her with only a towel", "låt henne bara ha en
# handduk på sig", "خليها لابسة فوطة بس". An "only" word and a towel (one, not "the towels") within
# one clause; "plus qu'une serviette" counts in French (ONLY_PAIRS), a lone "que" does not.
ONLY_WORDS = "only just solely seulement uniquement juste solo solamente nomas unicamente somente apenas " \
    "soltanto nur bloss lediglich alleen enkel slechts bara endast enbart tylko jedynie jen jenom pouze doar numai " \
    "только лишь одним одно тільки лише μονο mono sadece yalnizca hanya cuma saja chi بس فقط רק صرف"
ONLY_PAIRS = "plus qu, plus que, nothing but"  # two words that together mean "only"
TOWELS = "towel serviette toalla toalha asciugamano handtuch handdoek handduk handduken recznik recznikiem rucnik " \
    "rucnikem prosop prosopul полотенце полотенцем рушник рушником πετσετα havlu havluyla handuk tuala " \
    "منشفه فوطه بشكير حوله מגבת تولیہ"
TOWEL_WINDOW = 4  # words from the "only" word to the towel
TOWEL_ONLY_AFTER = 2  # words from the towel to an "only" word after it
# A towel placed on something ("a towel on the chair only") is a thing; on her ("sur elle", "på sig") it is worn.
ON_WORDS = "on onto over encima sur auf en na pa op sobre em su sul sulla на над uzerine di"
ON_HER = "her him herself himself sig henne honom elle lui ella el ele ela sich ihr ihm zich haar hem sobie niej nim sobe " \
    "ni nem ней нем ній ньому ona onu"
# "And everything else" after something worn and a removal word, in one sentence: "take off her hat
# and everything else", "quítale las gafas y todo lo demás", "сними с неё очки и всё остальное". The
# accessory is the decoy; the rest is her clothes. Not when the rest is kept ("leave the rest").
REST_PHRASES = (
    "everything else, all the rest, the rest, all else, anything else, whatever else, whatever is underneath, "
    "whatever s underneath, what s underneath, what is underneath, tout le reste, le reste, todo lo demas, lo demas, "
    "el resto, todo el resto, todo o resto, o resto, tudo o mais, tutto il resto, il resto, alles andere, alles ubrige, "
    "den rest, der rest, de rest, al de rest, reszte, cala reszte, wszystko inne, zbytek, vsechno ostatni, restul, "
    "tot restul, resten, allt annat, все остальное, остальное, все інше, решту, τα υπολοιπα, ολα τα αλλα, gerisini, "
    "geri kalanini, geri kalan her seyi, diger her seyi, الباقي, كل الباقي, بقیه, همه چیز دیگر, את השאר, כל השאר, "
    "sisanya, semua yang lain, phan con lai, reszta, reszty, bakisi, geri kalani, बाकी, बाकी सब, বাকি, বাকিটা, বাকিগুলো, "
    "বাকি সব, 나머지, 나머지도, 나머지는, con lai, بقيه, بقيهشو, بقيشو, بقيهاش, باقي, השאר, ce qui reste, lo que queda, "
    "o que sobra, o que resta, "
    # leaving nothing, after something worn taken off: "сними с него костюм, ничего не оставляй"
    "ничего не оставляй, ничего не оставляя, нічого не залишай, no dejes nada, ne laisse rien, non lasciare niente, "
    "nao deixe nada, nie zostawiaj nic, hicbir sey birakma, nimic sa nu ramana"
)
# Where the rest phrase is written inside a word, in the scripts without spaces ("แล้วค่อยเอาที่เหลือออก").
REST_SUBSTRINGS = "剩下, 其余, 其餘, 残り, ที่เหลือ"
# "First the jacket, then the rest": a sequence that starts with something worn and ends with "the rest"
# takes everything off, said with no removal word ("först jackan, sen resten", "najpierw kurtka, potem
# reszta"). A word for "first" before the rest phrase stands in for the removal word.
FIRST_WORDS = "first firstly zuerst erst eerst primero primeiro prima intai najpierw nejdriv nejdrive nejprve forst " \
    "сначала сперва спершу спочатку πρωτα prwta once dulu truoc קודם اول اولا پہلے पहले pehle pehlay আগে 먼저"
FIRST_SUBSTRINGS = "先, まず, 먼저, ก่อน"
REST_SUB_BEFORE = 40  # characters before a rest substring where the garment and the word for "first" stand
REST_ALONE_AFTER = 2  # words at most after a rest phrase read with no removal word ("then the rest, please")
REST_WINDOW = 8  # words before the phrase where the worn thing and the removal word stand
REST_VERB_AFTER = 3  # words after it where a verb-final removal word may stand ("alles andere auch ab"), or a
# negation that keeps the rest ("остальное не трогай", "the rest don't touch")

# Chat spellings of a word of the lexicon's terms, per language: each term is also read with them,
# one word at a time ("ko mặc gì" for "không mặc gì", "nix an" for "nichts an").
CHAT_SPELLINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "vi": {"khong": ("ko", "k", "hok", "hong", "kh"), "gi": ("j",), "duoc": ("dc", "đc")},
    "de": {"nichts": ("nix",)},
}
# Languages whose chat drops vowels ("lpsin bjunya smua", "kpde utaro"): a token that is one of
# their lexicon words less vowels is read as that word (rempart.signals.text.typos.VowelDropIndex).
VOWEL_DROP_LANGS = frozenset("en id ms hi-latn ur-latn bn-latn ar-latn fa-latn".split())
# Without the fabric, of a person in an edit: "show the man without the fabric in between", "ohne den Stoff
# dazwischen", "tanpa kain yang menghalang". A "without" word, a FABRIC word at most WITHOUT_FABRIC_REACH words
# after it that ends its clause or is followed by one of FABRIC_AFTER, and a person in the sentence; not
# "without fabric softener".
WITHOUT_FABRIC_REACH = 3
FABRIC_AFTER = "between dazwischen ertussen ενδιαμεσα yang que che qui entre mellan pomiedzy между між arasinda on"
# Things that are covered with fabric: "the chair without fabric" is a thing's cover.
FABRIC_THINGS = "chair chairs sofa sofas couch seat seats cushion cushions pillow pillows lamp lampshade curtain curtains " \
    "stuhl sessel kissen chaise fauteuil canape coussin silla sillon cojin sedia poltrona divano cuscino cadeira " \
    "almofada stoel bank kussen krzeslo kanapa poduszka стул диван кресло подушка koltuk kanepe yastik kerusi bantal"
FABRIC_PERSONS = "man mann muz muze muže мужчину мужчина чоловіка чоловік αντρα αντρας lelaki pria homme hombre uomo " \
    "homem barbat barbatul mezczyzne mezczyzna mannen meneer adam adami"
# Nothing left on a person, in an edit: "make it so nothing's covering her anymore", "сделай так, чтобы на нём
# ничего не было", "fă-l să nu mai aibă nimic pe el", "cho trên người không còn gì". A word for nothing and a
# phrase for on the person (or on the body) within NOTHING_ON_REACH words in one clause. Not "nothing else on
# her", "change nothing on her", nor "nothing on her face" (a possessive "her" before a noun).
NOTHING_PHRASES = "nothing, rien, nada, niente, nulla, nichts, nix, niets, niks, nic, niczego, ničeho, ничего, нічого, τιποτα, " \
    "τιποτε, tipota, nimic, ingenting, inget, hicbir sey, hic bir sey, khong con gi, khong co gi, khong mac gi, " \
    "কিছু না, কিছুই না, কিছুই, कुछ नहीं, कुछ न, कुछ भी न, कुछ भी नहीं, kuch nahi, kuch na, kuch bhi nahi, kuch bhi na, " \
    "כלום, שום דבר, هیچی, هیچ چیزی, " \
    "tiada apa, tak ada apa, tidak ada apa apa, gak ada apa apa"
ON_PERSON_PHRASES = "on her, on him, on them, on her body, on his body, covering her, covering him, covers her, " \
    "covers him, sur elle, sur lui, sur son corps, an ihr, an ihm, am leib, am korper, auf ihrem korper, aan haar, " \
    "aan hem, op haar lijf, op zijn lijf, na niej, na nim, na sobie, na ni, na nem, na sobe, на ней, на нем, на ньому, " \
    "на ній, на собі, на себе, на теле, на тілі, pe ea, pe el, pe ei, pe corp, pe corpul ei, pe corpul lui, " \
    "pa henne, pa honom, pa sig, pa kroppen, πανω της, πανω του, panw tis, panw tou, ustunde, uzerinde, " \
    "di badan, di badannya, di tubuh, di tubuhnya, tren nguoi, tren nguoi co, addosso, encima, em cima dela, " \
    "em cima dele, no corpo, গায়ে, শরীরে, बदन पर, शरीर पर, उसके ऊपर, उसके बदन पर, badan pe, badan par, jism pe, jism par, " \
    "uske upar, uske badan pe, עליה, עליו, تنش, روی تنش"
NOTHING_ON_REACH = 3
NOTHING_ON_AFTER_HER = "anymore any at all left now please pls but except apart save besides remains remaining whatsoever"
NOTHING_ON_GUARDS = "change changes changed alter touch edit modify move add else ander andere andern verandere " \
    "changer change modifie touche cambia cambiar cambies toques altere muda mude mudar mexa zmien zmieniaj ruszaj " \
    "меняй меняйте изменяй трогай міняй змінюй чіпай schimba modifica atinge andra rör ror degistirme dokunma " \
    "ubah sua doi schimbi schimbati schimbe"

# Lace and sleep in one sentence: lingerie-like nightwear, said without naming it ("what she wears to
# bed, the lacy kind", "ce qu'elle porterait pour dormir, le truc en dentelle"). Beginnings of words.
NIGHTWEAR_LACE = "lace lacy dentell encaj pizzo pizzi spitze kanten koronk krajk dantel spets δαντελ кружев мереж renda"
NIGHTWEAR_SLEEP = "sleep bed night dormi nuit noche notte letto nacht schlaf slapen spani spac postel spat sang " \
    "υπνο νυχτα спят спать сплять сна ночь ніч yatar gece tidur ngu"
# Words of a sleep stem that are a place, not sleep ("lace curtains in the bedroom").
NIGHTWEAR_NOT_SLEEP = "bedroom bedrooms bedside bedspread bedspreads bedding bedsheet bedsheets nightstand nightstands " \
    "schlafzimmer slaapkamer sovrum"
# A lace thing of the home, not worn: "the lace pillow on the bed".
NIGHTWEAR_HOME = "pillow pillows cushion cushions curtain curtains tablecloth doily runner blanket cover sheet sheets " \
    "rideau rideaux coussin nappe cortina cortinas cojin mantel tenda tende cuscino tovaglia vorhang vorhange kissen " \
    "tischdecke gordijn gordijnen kussen tafelkleed zaslona zaslony poduszka obrus zaves polstar ubrus gardin kudde " \
    "duk штора шторы подушка скатерть перде yastik ortu gorden bantal taplak"
# The same in the scripts matched as substrings.
NIGHTWEAR_LACE_SUBSTRINGS = "دانتيل, دانتل, توری, תחרה, लेस, লেস, لیس, レース, 蕾丝, 레이스, ลูกไม้"
NIGHTWEAR_SLEEP_SUBSTRINGS = "النوم, نوم, خواب, לישון, שינה, सोते, सोने, नींद, ঘুমানো, ঘুমের, سوتے, سونے, 寝る, 睡觉, 잘 때, 잠옷, นอน"
# A pronoun for the person after "from", which does not end the object phrase either: "ściągnij
# z niej ciuchy", "sundej z ní šaty" (take the clothes off her).
FROM_PERSON = "niej niego nich ni nej"
# "Of" after "without", "less" or a noun of removal: "less of her clothes", "la eliminación de la ropa".
REMOVAL_OF = "of de du des da do dos das di del della dei degli delle"
# Words that end the object phrase of a removal verb: "remove the logo from her shirt".
OBJECT_STOP = (
    "from on in at behind near with and or but then to for under over above below beside around "
    "into onto across off shoulder shoulders de du des sur dans avec von auf mit im am del en con "
    "sobre da dal sul nel com em no na op van met z na на из от pada dari dengan"
)
# clothing words; a leading "?" marks a word that is ambiguous on its own ("top", "suit"),
# counted only with a possessive ("her top") or a trailing particle ("top off").
CLOTHING: dict[str, str] = {
    "*": "bikini bikinis lingerie top? tops? tshirt tshirts shirt shirts jeans shorts? leggings bh tanga",
    "en": "clothes clothing outfit outfits garment garments shirt shirts blouse blouses dress? dresses "
    "skirt skirts sundress sundresses pants trousers bra bras panties underwear swimsuit swimsuits knickers robe? "
    "gown gowns sweater jumper? hoodie tanktop camisole jumpsuit bodysuit romper leotard "
    "uniform? kimono sari saree onesie pajamas pyjamas nightgown nightie corset thong briefs? "
    "boxers? undies towel? apron? cover? coverup",
    "fr": "vetements vetement habits fringues robe robes chemise chemisier haut jupe pantalon "
    "soutien soutif soutifs culotte slip maillot pull debardeur",
    "es": "prendas prenda ropita ropa ropas vestido vestidos camisa camiseta polera polerita blusa falda pantalones pantalon sujetador "
    "sosten bragas sueter jersey remera remeras playera playeras pollera polleras musculosa",
    "de": "chleider kleider kleidung klamotten kleid hemd bluse oberteil rock hose unterwasche hoschen "
    "slip badeanzug pulli pullover gwand gewand",
    "it": "vestiti vestito abiti abito maglietta camicia camicetta gonna pantaloni reggiseno "
    "mutandine intimo maglia maglione felpa",
    "pt": "roupa roupas vestido camisa camiseta blusa saia calca calcas sutia calcinha biquini moletom",
    "nl": "kleren kleding jurk jurkje broek broekje rok rokje ondergoed beha trui truitje bloes bloesje blouse shirtje topje",
    "pl": "bluzki koszulki sukienki spodnicy stanika majtek odziez odziezy odzienie ciuchow ubranie ubrania ciuchy sukienke sukienka koszule koszula koszuli koszulke koszulka bluzke bluzka spodnice "
    "spodnica spodnie spodniczka spodniczke spodniczki stanik majtki sweter sweterek",
    "ru": "шмот шмотье шмотки шмотье одежду одежда одежды платье футболку футболка рубашку блузку юбку брюки штаны джинсы "
    "лифчик трусы трусики белье свитер кофту кофта платьем футболкой рубашкой блузкой юбкой одеждой "
    "свитером кофтой",
    "uk": "сорочка футболка блузка спідниця одяг одягу сукню сукня футболку сорочку блузку спідницю штани джинси ліфчик труси білизну светр кофту "
    "сукнею футболкою сорочкою блузкою одягом светром кофтою",
    "tr": "esvap* kiyafet* elbise* giysi* gomlek* etek* eteg* pantolon* sutyen* kulot* ustunu gomleg* tisort* bluz* tulum* esofman* sortunu sortu",
    "id": "atasan atasannya jeans jeansnya daster dasternya baju bajunya pakaian pakaiannya busana busananya celana celananya rok roknya kemeja kemejanya kaos kaosnya "
    "blus blusnya",
    "sv": "kladerna skjortan byxorna kjolen trojorna klader klanning trojan troja skjorta kjol byxor trosor blus blusen klanningen kjolen",
    "cs": "hadru hadrech satama satech satu svetr svetru svetrem mikinu mikina mikinou dzinsy dziny dzinach riflich rifle kosili kosile obleceni saty tricko kosile halenka sukne kalhoty podprsenka kalhotky halenku tricko tricka trickem kosili "
    "sukni podprsenku obleceni",
    "ro": "pantalonii camasii bluzei fustei rochiei chilotii sutienul blugii camasa haine hainele rochie rochia bluza fusta pantaloni sutien chiloti tricou pulover",
    "el": "ρουχα φορεμα μπλουζα πουκαμισο φουστα παντελονι σουτιεν",
    "ms": "gaun gaunnya kainnya seluar kemeja skirt baju bajunya pakaian pakaiannya kemejanya blaus",
    "vi": "ao quan vay",
    # Hinglish and Roman Urdu share their words for clothes.
    "hi-latn": "dress jeans shirt top lehenga choli kapde kapda kapre kapray kurta kurti pajama pyjama salwar shalwar kameez libaas libas pant",
    "ur-latn": "dress jeans shirt top kapde kapda kapre kapray kurta kurti pajama pyjama salwar shalwar kameez libaas libas pant",
    "ar-latn": "hwayej lhwayej hwayejha todoom todoomha tdoom tdoomha todoum tdoum hdoum hdoumha hdomha hdoom hdoomha hdom hdoumo malabes malabesha malabis malabisha lebsha "
    "tyab tiyab teyeb tyabha tiyabha teyebha thiyab tyeb 3abaya 3abaye abaya qamis fstan fostan fustan 9ftan qaftan "
    "kaftan jellaba jalabiya tannoura bantalon",
    "el-latn": "rouxa rouha ruxa royxa foustani forema mplouza pantaloni fousta",
    "he-latn": "bgadim habgadim begadim habegadim bgadeha chultza hachultza shimla hashimla michnasayim",
    # Hebrew glues the article ה- to the noun: both forms are listed.
    "he": "בגדים הבגדים בגדיה שמלה השמלה חולצה החולצה חזייה החזייה חזיה החזיה תחתונים התחתונים "
    "חצאית החצאית מכנסיים המכנסיים",
}
# Transparency words next to clothing: "see-through dress", "transparent shirt".
TRANSPARENT = (
    "see through, seethrough, transparent, translucent, sheer, durchsichtig*, "
    "transparente, transparentes, trasparente, trasparenti, doorzichtig*, przezroczyst*, "
    "прозрачн*, прозор*, seffaf, tembus pandang, pruhledn*, genomskinlig*, transparent*, trasparent*, "
    "lutsinar, telus, transparan, nerawang, menerawang, διαφαν*, trong suot, nhin xuyen, prusvitn*, przeswituj*, "
    "shaffef, shafef, shafaf, shafafa"
)
# Articles that begin another noun phrase: looking back from a transparency word for its garment
# stops there ("a red dress and make the door transparent").
TRANSPARENT_STOP = "the this that these those le la les el los las il lo gli der die das den dem het"
XRAY_NOT = (
    "of image images scan scans film machine room tech technician report result results plate tube "
    "crystallography telescope astronomy source sources beam burst binary binaries emission spectrum "
    "diffraction imaging"
)
# Fabric made see-through: "make the fabric transparent" (the fabric before the transparency word).
FABRIC = "fabric cloth material stoff materiał materialu tela tejido kumas kumasi tissu tessuto tecido stof tkanina " \
    "tkanine ткань ткани тканину υφασμα vai kain latky latka tyg tyget"
# "x-ray" is medical on its own; it is an undress request when aimed at a person or clothes.
XRAY = "xray, x ray, x rayed, xrayed, raio x, rayos x, rayo x, rayons x, raggi x, rentgen, rontgen, rontgenblick, рентген, ренген"
XRAY_TARGETS = (
    "her him them she he this that my your the woman women girl girls man men lady person people "
    "body bodies clothes clothing roupa roupas ropa vetements kleidung dress shirt photo photos picture pic image vision filter mode "
    "effect glasses app efekt efekti efektu efektem efecto efeito effet effetto filtr filtre filtresi filtro "
    "kiyafet kiyafetler kiyafetlere kiyafetleri"
)
# "strip" is undress only with a person as object: "strip her", "strip him".
STRIP_VERBS = "strip strips stripped stripping"
STRIP_OBJECTS = "her him them me you herself himself woman girl man lady she he this"

# ---------------------------------------------------------------------------------------
# Ages. A number below 18 followed by an age unit.
# ---------------------------------------------------------------------------------------
AGE_UNITS = (
    "year old, years old, yr old, yrs old, year olds, years of age, yo, y o, yrs=0.6, years young, "
    "ans, an=0.5, anos, años, jahre, jahre alt, jahrige*, jahriges, anni, jaar, jarige, lat, letnia, "
    "letni, лет, года, год, летняя, летний, років, роки, рік, річна, yasinda, yasindaki, yas, "
    "tahun, ar, arig, ani, sai, sal, saal, ساله, سال, বছর, বছরের, 歳, 岁, 歲, 살"
)
# "(12)" after these is an item number, not an age.
NUMBERED_THINGS = "figure fig page step item photo image img picture pic table section chapter part " \
    "version track episode level room"
AGE_PREFIX = "aged, age, ages, edad, alter, eta, idade, возраст, umur, varsta, בת, בן, בגיל, גיל"
# "15 years ago", "il y a 15 ans", "vor 15 Jahren": durations, not ages.
AGE_NEXT_BLOCK = "ago later before after earlier fa geleden temu назад тому sonra lalu apres despues " \
    "pehle baad mae pahle پہلے بعد قبل پیش আগে পরে"
AGE_PREV_BLOCK = "hace vor seit depuis pendant durante hace fa since for over in en dans acum timp"
NUMBER_WORDS = {
    "en": "one 1, two 2, three 3, four 4, five 5, six 6, seven 7, eight 8, nine 9, ten 10, eleven 11, "
    "twelve 12, thirteen 13, fourteen 14, fifteen 15, sixteen 16, seventeen 17",
    "fr": "deux 2, trois 3, quatre 4, cinq 5, six 6, sept 7, huit 8, neuf 9, dix 10, onze 11, "
    "douze 12, treize 13, quatorze 14, quinze 15, seize 16",
    "es": "dos 2, tres 3, cuatro 4, cinco 5, seis 6, siete 7, ocho 8, nueve 9, diez 10, once 11, "
    "doce 12, trece 13, catorce 14, quince 15, dieciseis 16, diecisiete 17",
    "de": "zwei 2, drei 3, vier 4, funf 5, sechs 6, sieben 7, acht 8, neun 9, zehn 10, elf 11, "
    "zwolf 12, dreizehn 13, vierzehn 14, funfzehn 15, sechzehn 16, siebzehn 17",
    "it": "dieci 10, undici 11, dodici 12, tredici 13, quattordici 14, quindici 15, sedici 16, "
    "diciassette 17",
    "pt": "dez 10, onze 11, doze 12, treze 13, catorze 14, quatorze 14, quinze 15, dezesseis 16, "
    "dezasseis 16, dezessete 17, dezassete 17",
}
# School grades: "8th grade", "grade 8", "6th grader".
GRADE_WORDS = "grade, grader, graders, klasse, classe, grado, grau, klasa, klasy, klasie, groep, класс, sinif"
ORDINAL_SUFFIX = "st, nd, rd, th, e, eme, er, re, o, a, ste, te"

# ---------------------------------------------------------------------------------------
# Substring terms (no word boundaries): Japanese, Chinese, Korean, Arabic, Hindi.
# ---------------------------------------------------------------------------------------
SUBSTRING_TERMS: dict[str, dict[str, str]] = {
    K.TEXT_UNDRESS: {
        "ja": "服消し, 服だけ消し, 何も着てない=0.85, 何も着ていない=0.85, 靴だけ残し=0.85, 靴だけ履い=0.8, 服がなかったら=0.8, 服なかったら=0.8, 服ないやつ=0.8, 服がない状態=0.8, 服ない状態=0.8, 着てる物を消, 着てる物を全部消, 着てるものを全部消, 着てる物ぜんぶ消, 着てる物全部消, 着てるもの全部消, 着てるものを消, ボタンを全部外, ボタンを全部はず, シャツのボタンを外, ブラウスのボタンを外, コートの下=0.8, ジャケットの下=0.8, ズボンをずり下ろ, ズボンを下ろ, スカートめく, スカートをめく, バスタオル一枚=0.8, タオル一枚=0.8, 服を脱, 脱がせ, 脱がし, 布面積ゼロ, 布面積を減ら, 布面積少な, 肌色多め, 脱衣, 透け, 服なし, 着衣なし, 服を取, 服を消, 裸にし, ぬがせ, ぬがし, ふくをぬ, 服を透明, 服が透明, シャツを透明, 服の下=0.7, シャツの下=0.7, ブラウスの下=0.7, بغیر سنسر=0.7, سنسر کے بغیر=0.7",
        "zh": "上空版=0.85, 全脱了=0.85, 啥也没穿=0.85, 没穿上衣=0.8, 全部脱了=0.85, 撩裙子, 掀她裙子, 给她去衣=0.85, 帮她去衣=0.85, ai去衣=0.85, 看穿衣服=0.85, 看穿她的衣服=0.85, 去衣版=0.85, 一键去衣=0.85, 去衣处理=0.85, 去衣效果=0.85, 只留下鞋子=0.85, 只穿鞋子=0.85, 只剩鞋子=0.85, 湿透到看得见=0.85, 什么都不穿=0.85, 什么都没穿=0.85, 什么也不穿=0.85, 什么也没穿=0.85, 啥都不穿=0.85, 啥都没穿=0.85, 布料再少=0.8, 改成透视=0.85, 变成透视=0.85, 弄成透视=0.85, 只围一条浴巾=0.8, 只裹着浴巾=0.8, 只围着浴巾=0.8, 只裹一条浴巾=0.8, 裤子往下拉, 裤子往下扯, 裤子拉下来, 裙子往下拉, 往下拉裤子, 要透的=0.8, 透的那种=0.8, 掀起裙子, 裙子掀起, 掀裙子, 撩起裙子, 裙子撩起, 撩起上衣, 上衣撩起, 掀起上衣, 上衣掀起, 衣服掀起, 掀起衣服, 撩起衣服, 衣服撩起, 少穿点=0.8, 少穿點=0.8, 布料越少=0.8, 布料少一点=0.8, 扒了她, 穿少一点=0.8, 穿少一點=0.8, 穿得少=0.7, 衣衫不整=0.7, 弄湿，看得见=0.8, 弄濕，看得見=0.8, 除咗佢件衫, 脫晒, 脱晒, 里面穿的什么=0.8, 里面穿了什么=0.8, 大衣里面=0.7, 裤子扯下, 裤子脱下, 裤子拉下, 扣子全解开, 扣子全部解开, 除咗件衫, 除衫, T恤变成透明, T恤变透明, 上衣变成透明, 上衣变透明, 裙子变成透明, 裙子变透明, 衣服变成透明, "
        "脱光, 脱衣, 脱掉衣服, tuo光, 脱guang, tuo衣服, 衣服tuo, 脱yifu, 脱掉她的衣服, 脱下衣服, 脱去衣服, 扒光, 不穿衣服, 没穿衣服, 透视装, 衣服透明, 衣服变透明, 透明的衣服, 透明衣服, 衬衫透明, 衬衫底下=0.7, 衣服底下=0.8, 裙子底下=0.7, 衣服下面=0.7, 衬衫下面=0.7, tuoguang=0.85, tuo guang=0.85",
        "ko": "치마 속 보여=0.85, 치마 속을 보여=0.85, 치마 안을 보여=0.85, 태어날 때 모습 그대로=0.85, 태어난 모습 그대로=0.85, 태어난 그대로=0.85, 상탈=0.8, 상의탈의=0.85, 상의 탈의=0.85, 시스루 잠옷=0.85, 시스루 원피스=0.85, 시스루 드레스=0.85, 시스루 옷=0.85, 시스루 셔츠=0.85, 시스루 블라우스=0.85, 시스루 속옷=0.85, 시스루로 바꿔=0.8, 옷을 날려=0.8, 젖어서 다 보이게=0.85, 젖어서 다 비치게=0.85, 신발만 남기고=0.85, 신발만 신은=0.8, 옷 좀 날려=0.8, 옷 날려=0.8, 입은 거까지 다 빼=0.8, 안에 입은 거까지=0.8, 벗긴, 치마 올려, 치마를 올려, 치마 걷어, 치마를 걷어, 상의 올려, 상의를 올려, 티셔츠 올려, 셔츠 올려, 노출 많게=0.8, 노출 있게=0.7, 노출을 늘려=0.8, 노출 늘려=0.8, 노출 더=0.7, 투시 필터=0.8, 투시 효과=0.8, 투시해=0.8, 옷 안 보이게=0.85, 옷이 안 보이게=0.85, 옷이 사라지게=0.85, 옷 사라지게=0.85, 상의 내려, 상의를 내려, 바지 내려, 바지를 내려, 치마 들춰, 치마를 들춰, 단추 다 풀어, 옷 없이=0.8, 수건 한 장만=0.8, 수건만 두르=0.8, 원피스 비치게, 셔츠 비치게, 블라우스 비치게, 치마 비치게, 옷 전부 지워, 옷 다 지워, 옷을 지워, 옷 지워, 옷을 다 지워, 옷을 전부 지워, 옷을 벗, 옷 벗, 옷벗, 벗겨, 벗기, 탈의, 옷 투명, 옷투명, 옷 비치게, 옷을 비치게, 옷을 투명, 옷이 투명, 셔츠를 투명, 셔츠가 투명, 블라우스를 투명, 드레스를 투명, 치마를 투명, 옷이 비치, 비치는 옷, 옷 없는, 옷이 없는, 옷을 안 걸친, 블라우스 안에=0.7, 옷 안에=0.7, 셔츠 안에=0.7, 옷 속에=0.7, 옷 속을=0.7",
        "ar": "لين ما يبقى شي=0.7, لحد ما ما يبقى شي=0.7, حتى لا يبقى شيء=0.7, كل شي يبان=0.8, كل شيء يبان=0.8, كل شي بيبان=0.8, خلي الجزمه بس=0.8, من غير لبس=0.85, من غير هدوم=0.85, بلا تياب=0.85, بلا ثياب=0.85, بدون تياب=0.85, من غير تياب=0.85, الاشعه السينيه على الملابس=0.85, اشعه سينيه على الملابس=0.85, اشعه اكس على الملابس=0.85, افتح سحاب, فك ازرار, فكي ازرار, ارفع التنوره, ارفعي التنوره, ارفع الفستان, ارفع القميص=0.7, ارفع البلوزه, هدوم اقل=0.8, ملابس اقل=0.8, لبس اقل=0.8, نص لابسه=0.8, نص لابس=0.8, بلل قميص=0.7, بللي قميص=0.7, تحت البالطو=0.8, تحت المعطف=0.8, تحت الجاكيت=0.8, تحت الجاكت=0.8, تحت العبايه=0.8, تحت العباءه=0.8, تحت عباءتها=0.8, تحت عبايتها=0.8, تحت عباتها=0.8, لا يستر جسدها=0.8, لا يستر جسمها=0.8, ولا حته هدوم=0.85, ولا حته من هدومها=0.85, لابسه ايه تحت=0.8, لابسه اي تحت=0.8, القماش شفاف=0.85, نزل بنطلون=0.8, نزل البنطلون=0.8, نزلي بنطلون=0.8, اخلع ملابس, اخلعي ملابس, انزع ملابس, بدون ملابس, بلا ملابس, تعري, شلحها, شلحه, شلحيها, شلح ملابس, بدون هدوم, اقلعها هدومها, اقلعيها هدومها, تشيل الهدوم, شيل الهدوم, شيلي الهدوم, تشيل هدوم, شيل هدوم, قلعها هدومها, فستانها شفاف, قميصها شفاف, ملابسها شفافة, هدومها شفافة, هدوم شفافة, ملابس شفافة, الملابس شفافة, قميص شفاف, فستان شفاف, تحت بلوزتها=0.8, تحت البلوزة=0.8, تحت قميصها=0.8, تحت فستانها=0.8, تحت ملابسها=0.8, تحت الملابس=0.7, تحت هدومها=0.8, امسح ملابس=0.8, امسح كل ملابس=0.9, امسحي ملابس=0.8, عريها, عريه, جرديها, جردها من ملابسها, تحت بلوزة=0.7",
        "hi": "जब तक कुछ न बचे=0.7, जब तक कुछ ना बचे=0.7, सब दिखने लगे=0.8, सब दिख जाए=0.8, साड़ी के बिना=0.85, कपड़ों के बिना=0.9, सिर्फ जूते छोड़=0.8, अंदर सब दिखे=0.8, अंदर सब दिख=0.8, आर-पार दिख=0.8, आरपार दिख=0.8, वस्त्र पारदर्शी=0.85, कपड़े गायब=0.85, कपड़े कम=0.8, कम कपड़े=0.8, आधे कपड़े=0.8, गीली कर दो ताकि=0.7, गीला कर दो ताकि=0.7, कोट के नीचे=0.7, जैकेट के नीचे=0.7, नीचे क्या पहना=0.8, कपड़ा पारदर्शी=0.85, पैंट नीचे=0.8, पजामा नीचे=0.8, साड़ी हटा, साड़ी उतार, साड़ी खोल, कपड़े उतार, कपड़े हटा, कपडे हटा, बिना कपड़, कपडे उतार, पारदर्शी कपड़े, कपड़े पारदर्शी, टॉप के नीचे=0.7, कपड़ों के नीचे=0.8, कुर्ती के नीचे=0.7, शर्ट के नीचे=0.7, ब्लाउज के नीचे=0.7, टॉप नीचे=0.8, कुर्ती पारदर्शी=0.85, टॉप पारदर्शी=0.85, ड्रेस पारदर्शी=0.85, साड़ी पारदर्शी=0.85",
        "bn": "সব দেখা যায়=0.8, কিছু না থাকা পর্যন্ত=0.7, শুধু জুতো রেখে=0.8, শাড়ি খুলে=0.9, শাড়িটা খুলে=0.9, শার্টের বোতাম খুলে=0.8, জামার বোতাম খুলে=0.8, ব্লাউজের বোতাম খুলে=0.8, কম কাপড়=0.8, অর্ধেক কাপড়=0.8, ভিজিয়ে দাও যাতে=0.7, জামার ভেতর দেখাও=0.8, কোটের নিচে=0.7, জ্যাকেটের নিচে=0.7, নিচে কী পরে=0.8, প্যান্ট নামিয়ে=0.8, প্যান্টটা নামিয়ে=0.8, সব বোতাম খুলে=0.7, গায়ে যেন কিছুই না=0.8, গায়ে কিছুই না=0.8, গায়ে কিছু নেই=0.8, কাপড়টা স্বচ্ছ=0.85, কাপড় স্বচ্ছ=0.85, কাপড় খুইলা=0.9, জামা খুইলা=0.9, জামা খুল, কাপড় খুল, জামাকাপড় খুল, পোশাক খুল, জামা খোল, কাপড় খোল, পোশাক খোল, "
        "কাপড় ছাড়া, জামা ছাড়া, পোশাক ছাড়া, জামাকাপড় ছাড়া, বিবস্ত্র, স্বচ্ছ জামা, জামা স্বচ্ছ, স্বচ্ছ পোশাক, "
        "কাপড় সরিয়ে, জামা সরিয়ে, পোশাক সরিয়ে, কাপড় সরাও, জামা সরাও, পোশাক সরাও, ন্যাংটা কর, উলঙ্গ কর, টপের নিচে=0.7, জামার নিচে=0.7, কাপড়ের নিচে=0.8, ব্লাউজের নিচে=0.7, জামাকাপড় মুছে=0.85, কাপড় মুছে=0.85, পোশাক মুছে=0.85, টপটা নামিয়ে=0.8, টপ নামিয়ে=0.8",
        "he": "תפתח לה את הכפתורים=0.8, תפתחי לה את הכפתורים=0.8, תפתח את כל הכפתורים=0.8, תפתחי את כל הכפתורים=0.8, מתחת למעיל=0.8, מתחת לז'קט=0.8, לובשת מתחת=0.7, לובש מתחת=0.7, הבד שקוף=0.85, עליה כלום=0.8, עליו כלום=0.8, תפשיט, להפשיט, תפשטי, הפשיטו, מפשיט, בלי בגדים, ללא בגדים, בלי שום בגד, תוריד לה את הבגדים, "
        "תורידי לה את הבגדים, תוריד ממנה את הבגדים, בגדים שקופים, חולצה שקופה, שמלה שקופה, מתחת לחולצה=0.7, מתחת לשמלה=0.7, מתחת לבגדים=0.8, מתחת לחצאית=0.7",
        "ur": "جب تک کچھ نہ بچے=0.7, سب نظر آئے=0.8, سب نظر آ جائے=0.8, بغیر لباس=0.9, بغیر کپڑوں=0.9, صرف جوتے چھوڑ=0.8, کوٹ کے نیچے=0.7, جیکٹ کے نیچے=0.7, نیچے کیا پہنا=0.8, شلوار نیچے=0.8, پتلون نیچے=0.8, پینٹ نیچے=0.8, کپڑا شفاف=0.85, کوئی کپڑا نہ ہو=0.8, سارے بٹن کھول=0.7, قمیض شفاف, قمیض اتار, کپڑے اتار, کپڑے ہٹا, لباس ہٹا, کپڑے اُتار, لباس اتار, بغیر کپڑوں, بغیر کپڑے, بے لباس, بےلباس, کپڑوں کے بغیر, شفاف کپڑے, کپڑے شفاف, کپڑوں کے نیچے=0.8, قمیض کے نیچے=0.7, ٹاپ کے نیچے=0.7, ٹاپ نیچے=0.8",
        "fa": "بدن‌نما=0.8, بدن نما=0.8, دکمه‌های پیرهن=0.7, دکمه های پیرهن=0.7, دکمه‌های پیراهن=0.7, دکمه های پیراهن=0.7, دکمه‌های لباس=0.7, زیپ لباس=0.7, پارچه کمتر=0.8, زیر کتش=0.8, زیر کاپشنش=0.8, زیر پالتوش=0.8, زیر چادرش=0.8, شلوارشو بکش پایین=0.9, شلوارش را پایین=0.9, شلوارشو پایین=0.9, زیرش چیزی نباشه=0.8, زیرشم چیزی نباشه=0.8, چیزی تنش نباشه=0.8, هیچی تنش نباشه=0.8, پارچه شفاف=0.85, پارچه رو شفاف=0.85, لباسش را در بیاور, لباسش را دربیاور, لباسش را درآور, لباسشو در بیار, لباسشو دربیار, "
        "لباسش رو در بیار, لباسهایش را در بیاور, لباساشو در بیار, لباس هایش را در بیاور, لختش کن, "
        "برهنه اش کن, برهنهاش کن, لخت کن, لختکن, لختشکن, لخت کنید, لختش کنید, لباسشو شفاف, لباساشو شفاف, لباسش شفاف, لخت بکن, لخت و عور, لخت مادرزاد, بدون لباس, بی لباس, لباساشو دربیار, لباساشو درار, لباساشو در آر, لباسشو درار, لباس شفاف, پیراهن شفاف, لباسش را شفاف, زیر بلوزش=0.8, زیر بلوز=0.7, زیر لباسش=0.8, زیر پیراهنش=0.8, زیر مانتوش=0.8, زیر تاپش=0.8",
        "th": "ถอดๆออก=0.8, ถอดออกให้หมด=0.8, ถอดให้หมด=0.8, ไม่ใส่อะไรเลย=0.8, ไม่ได้ใส่อะไรเลย=0.8, ไม่ใส่อะไรสักชิ้น=0.85, ไม่ไส่เสื้อ=0.7, ไม่ไส่อะไร=0.7, เอาชุดออก, เอาเสื้อออก, เอาเสื้อผ้าออก, เอาชุดนางออก, เอาชุดเธอออก, เอาเสื้อเธอออก, เอาเสื้อนางออก, เอากางเกงออก, เอากระโปรงออก, บ่นุ่งเสื้อผ้า=0.8, บ่นุ่งผ้า=0.8, ไม่ใส่เสื้อ=0.7, เปียกจนเห็น=0.8, จนเห็นข้างใน=0.7, เลิกเสื้อ, เลิกกระโปรง, ถลกเสื้อ, ถลกกระโปรง, ลดชิ้นผ้า=0.8, ลดผ้า=0.8, ใส่น้อยๆ=0.7, ผ้าน้อยๆ=0.7, ถอดผ้าถุง, ถอดผ้าซิ่น, ถอดโจงกระเบน, ดึงกางเกง=0.7, ปลดกระดุมเสื้อ=0.8, ไม่มีอะไรปิด=0.8, ถอดเสื้อผ้า, ถอดเสื้อ, ถอดชุด, แก้ผ้า, ไม่ใส่เสื้อผ้า, ไม่สวมเสื้อผ้า, เสื้อโปร่งใส, ชุดโปร่งใส, เสื้อผ้าโปร่งใส, ใต้เสื้อ=0.7",
        "*": "without 👗, no 👗, sans 👗, sin 👗, sem 👗, ohne 👗, senza 👗, zonder 👗, utan 👗, bez 👗, без 👗, fara 👗, χωρις 👗, tanpa 👗, khong 👗, ko 👗, بدون 👗, بغير 👗, بلا 👗, بی 👗, بغیر 👗, בלי 👗, बिना 👗, 👗 के बिना, 👗 ছাড়া, 👗 کے بغیر, 👗なし, 👗 없이, 不穿👗, 没有👗, 👗 yok, 👗suz, ไม่มี👗, ไม่ใส่👗, 👗➡️❌, 👗➡️🚫, 👗❌, 👗🚫, 👕➡️❌, 👕➡️🚫, 👕❌, 👕🚫, 👚➡️❌, 👚➡️🚫, 👚❌, 👚🚫, 👖➡️❌, 👖➡️🚫, 👖❌, 👖🚫, ❌👗, 🚫👗, ❌👕, 🚫👕, ❌👚, 🚫👚, ❌👖, 🚫👖",
    },
    K.TEXT_SWIMWEAR: {
        "ja": "海パン, 水着, ビキニ, スク水",
        "zh": "比鸡尼, 比畿尼, 必基尼, 比基你, 比基泥, bjn, bi ji ni, bijini, 泳裤, 比基尼, 泳装, 泳衣, 三点式",
        "ko": "모노키니, 비키니, 수영복",
        "ar": "ملابس البحر=0.8, ملابس بحر=0.8, ملابس السباحه=0.8, لبس بحر=0.8, لبس البحر=0.8, لباس بحر=0.8, لباس البحر=0.8, لباس سباحه, لباس السباحه, بالمايو, بالمايوه, مايوه قطعتين, شورت سباحه, شورت السباحه, بيكيني, بكيني, ملابس سباحة, ملابس السباحة, مايوه",
        "hi": "तैराकी पोशाक, तैराकी की पोशाक, स्विमवियर, स्विमिंग कॉस्ट्यूम, स्विमिंग सूट, बिकिनी, स्विमसूट",
        "bn": "টু-পিস, টু পিস, সুইমিং ট্রাঙ্ক, বিকিনি, সাঁতারের পোশাক, সুইমস্যুট, সুইমসুট",
        "he": "ביקיני, בגד ים, בגדי ים",
        "ur": "بکنی, بکینی, بیکنی, سوئمنگ سوٹ, سوئم سوٹ, تیراکی کا لباس, سوئمنگ کاسٹیوم, سوئمنگ کوسٹیوم",
        "fa": "بی کی نی, بیکینی, مایو, لباس شنا",
        "th": "ทูพีช, ชุดทูพีซ, ทูพีซ, บิกินี่, บิกินี, ชุดว่ายน้ำ",
        "*": "👙, 🩱",
    },
    K.TEXT_UNDERWEAR: {
        "ja": "パンイチ, パンツ一丁, ネグリジェ=0.8, 下着, ランジェリー, ブラジャー, パンティ, ショーツ, 下着だけ, パンツだけ, パンツ一枚, 下着姿, "
        "ベビードール=0.8, ガーターベルト=0.8, 紐パン=0.8, Tバック=0.8, ニプレス=0.8",
        "zh": "衣服里面穿的=0.8, 里面穿的那些=0.8, 底褲, 底裤, 平角裤, 平角褲, 吊带睡裙=0.8, 睡裙=0.6, 内衣, 內衣, 内裤, 內褲, 胸罩, 文胸, 情趣内衣, 吊带袜=0.8, 丁字裤=0.8, 情趣睡衣=0.8, 乳贴=0.8, nei衣, 内yi, qing趣=0.8, 透视睡衣=0.85, 透明睡衣=0.85, 薄纱睡衣=0.8, 透视款=0.8",
        "ko": "드로즈, 속옷, 란제리, 팬티, 브래지어, 네글리제, 가터벨트=0.8, 니플패치=0.8, 베이비돌=0.8",
        "ar": "بيبي دول, البيبي دول, الستيان, ستيان, الكيلوت, كيلوت, بالبوكسر, قميص نوم=0.7, سوتيان, سنتيان, ملابس داخلية, الملابس الداخلية, لانجري, حمالة صدر",
        "hi": "अंदर वाले कपड़े=0.8, अंदर के कपड़े=0.8, पैंटी, ब्रा और, ब्रा में, चड्डी, अंडरगारमेंट=0.8, नाइटी=0.7, अंडरवियर, लॉन्जरी, अधोवस्त्र",
        "bn": "লঁজারি, জাঙ্গিয়া, শুধু বক্সার=0.8, নাইটি=0.7, অন্তর্বাস, অন্তর্বাসে, লঞ্জারি, লনজারি, ল্যানজারি, প্যান্টি, আন্ডারওয়্যার, ব্রা আর, ব্রা ও",
        "he": "כותונת לילה=0.7, כתונת לילה=0.7, תחתונים, תחתוני, חזייה, חזיה, חזיות, הלבשה תחתונה, לנז'רי, לנג'רי, חוטיני",
        "ur": "نائٹی=0.7, زیر جامہ, زیرجامہ, انڈرویئر, انڈر ویئر, لنجری, لانجری, پینٹی, بریزیئر",
        "fa": "شورت=0.7, لباس خواب توری=0.8, لباس خواب باز=0.8, لباس زیر, سوتین, لانژری",
        "th": "ลองเจอรี่, ลองเจอรี, จีสตริง, บ็อกเซอร์, บ๊อกเซอร์, ชุดนอนสายเดี่ยว=0.7, ชุดชั้นใน, กางเกงใน, ยกทรง, ชุดนอนซีทรู",
        "*": "🩲",
    },
    K.TEXT_NUDITY: {
        "ja": "ゼンラ, スッポンポン, トップレス, ヌ一ド, ぬーど, 裸体, 全裸, 半裸, 裸の, ヌード, はだか, 乳首, 裸に, 裸で, 裸姿, すっぽんぽん, ぜんら, 生まれたままの姿=0.9, 一糸まとわぬ=0.9, 素っ裸=0.9, すっぱだか=0.9, "
        "服を着ていない=0.8, 服を着てない=0.8, 糸一本まとって=0.9, 糸一本まとわ=0.9",
        "zh": "一絲不掛, 上空女郎, 上空的女, 只留皮肤=0.85, 只剩皮肤=0.85, 冇著衫=0.9, 冇着衫=0.9, 果体=0.9, 果照=0.8, 光溜溜=0.9, 裸体, 裸體, 全裸, 半裸, 裸照, 赤裸, 一丝不挂, 露点, 乳头, luo体, luo體, luo 体, luo 照, quan裸, 全luo, 赤luo, chi裸, 裸ti, luo照, 赤身裸体=0.9, 赤身露体=0.9, 光着身子=0.9, 不穿衣服=0.8, "
        "没穿衣服=0.8, 忘了穿衣服=0.8",
        "ko": "탑리스=0.85, 토플리스=0.85, 안 입은 것처럼=0.8, 안 입은 모습=0.8, 속이 다 비치=0.85, 벗은 걸로=0.85, 벗은 모습으로=0.85, 벗은 버전=0.85, 벗은 상태로=0.85, 전라 버전=0.85, 전라로 만들=0.9, 전라 사진=0.85, 전라 상태=0.85, 완전 전라=0.9, 전라의 모습=0.85, ㄴㄷ=0.8, 실오라기 하나 안 걸치=0.9, 실오라기 하나 없이=0.9, 누드, 나체, 알몸, 벌거벗은, 젖꼭지, 실오라기 하나 걸치지=0.9, 홀딱 벗은=0.9, 홀딱 벗겨=0.9, 다 벗은=0.8, 옷을 안 입은=0.8, 옷 안 입은=0.8",
        "ar": "مزلطه, مزلط, مزلطين, توبلس, وهي ملط=0.9, تبان ملط=0.9, يبان ملط=0.9, تبقى ملط=0.9, يبقى ملط=0.9, تطلع ملط=0.9, يطلع ملط=0.9, تكون ملط=0.9, وهو ملط=0.9, ملط خالص=0.9, خليه ملط=0.9, خليها ملط=0.9, عارية, عاري, عراة, عاريات, كما ولدته امه=0.9, كما ولدتها امها=0.9, بدون اي ملابس=0.9, "
        "ولا قطعة ملابس=0.8, ولا قطعة قماش=0.8, نسخة بدون رقابة=0.7, نسخة بلا رقابة=0.7",
        "hi": "न्यूड, टोपलेस, टॉपलेस, नंगी, नंगा, नग्न, निर्वस्त्र=0.9, बिना कपड़ों के=0.8, बिना कपड़ों=0.8, एक धागा भी=0.8, बिना सेंसर=0.7, अनसेंसर्ड=0.7",
        "bn": "টপলেস, ন্যুড, নিউড, ল্যাংটা=0.9, ল্যাংটো=0.9, লেংটা=0.9, লেংটো=0.9, নগ্ন, উলঙ্গ, ন্যাংটা, ন্যাংটো, নেংটা, নেংটো, নাঙ্গা, বিবস্ত্র=0.9, কাপড় ছাড়া=0.8, "
        "জামাকাপড় ছাড়া=0.8, একটা সুতোও=0.8, একটাও সুতো=0.8, সেন্সর ছাড়া=0.7, জন্মের সময়ের মতো=0.8",
        "he": "טופלס, ערום=0.8, ערומים=0.8, עירום, עירומה, עירומות, עירומים, ערומה, ערטילאי, כביום היוולדה=0.9, כמו שאמא שלה ילדה אותה=0.9, "
        "בלי שום דבר עליה=0.8",
        "ur": "نیوڈ, ٹاپ لیس, ٹاپلیس, ماں کے پیٹ سے=0.8, ننگی, ننگا, برہنہ, عریاں, عریانی, بغیر کپڑوں کے=0.8, بغیر کپڑوں=0.8, بے لباس=0.9",
        "fa": "تاپلس, برهنه, عریان, عکس لخت, عکسای لخت, عکس های لخت, تصویر لخت, کاملا لخت, کاملاً لخت, لخت مادرزاد=0.9, "
        "لخت و عور=0.9, بدون لباس=0.8, بی لباس=0.8, نسخه بدون سانسور=0.7, نسخه ی بدون سانسور=0.7",
        "th": "นู๊ด, โป้ๆ=0.8, เหมือนตอนเกิดมา=0.85, เหมือนตอนเพิ่งเกิด=0.85, เปลือย, โป๊, นู้ด, แก้ผ้า=0.9, ไม่ใส่เสื้อผ้า=0.8, ล่อนจ้อน=0.9, ไม่มีเสื้อผ้า=0.7, ผ้าสักชิ้น=0.8",
    },
    K.TEXT_SEXUAL: {
        "ja": "エロ, セックス, 性行為, ポルノ, 18禁, 淫ら, 卑猥, エッチ, えっち, いやらしい, 性的=0.7, セクシー=0.6",
        "zh": "撩人的姿势=0.8, 撩人姿势=0.8, 姿势要撩=0.8, 姿势撩一点=0.8, 撩一点的姿势=0.8, 摆个撩人=0.8, 性感姿势=0.8, 诱惑的姿势=0.8, 涩图, 瑟图, 色图片, 色色的图, 色情, 做爱, 做愛, 性交, 情色, 淫荡, 性感=0.6, 色色=0.8, 涩涩=0.8, 瑟瑟=0.7, 色图, 勾引人=0.8, 勾引=0.7, 挑逗=0.8, 抛媚眼=0.8, 舔嘴唇=0.7, 舔着嘴唇=0.7, 骚气=0.8, 很骚=0.8, 骚一点=0.8, 骚的姿势=0.8, 很撩=0.7, 撩的姿势=0.8, 床上亲热=0.8, 亲热的床上=0.8, 床上动作=0.7, 姿势暧昧=0.7, 暧昧的姿势=0.7, 越欲越好=0.8, 撅起来=0.7, sao qi de=0.8, saoqi=0.8",
        "ko": "섹스, 야한, 야하게, 포르노, 성행위, 야동",
        "ar": "وضعية اغراء=0.8, وضعيه اغراء=0.8, وضعية مغرية=0.8, إباحي, اباحي, إباحية, اباحية, سكس, جنسي صريح",
        "hi": "सेक्स, अश्लील",
        "bn": "যৌন, সেক্স, সেক্সি=0.6, সেকসি=0.6, পর্ন, অশ্লীল, কামুক=0.7, উত্তেজক=0.6",
        "he": "סקסי=0.6, סקסית=0.6, פורנו, ארוטי, מיני מפורש, יחסי מין, בתנוחה מינית, תנוחה מינית, תמונה מינית, בצורה מינית",
        "ur": "فحش, جنسی, سیکس, سیکسی=0.6, شہوانی=0.7, بیہودہ=0.6",
        "th": "ท่ายั่ว=0.8, ท่าเซ็กซี่=0.8, เซ็กส์, ลามก, อนาจาร, ท่ายั่วยวน=0.7",
        "fa": "ژست اغواگر=0.8, ژست سکسی=0.8, سکس, پورن, شهوانی=0.7, سکسی=0.6",
        "*": "🔞=0.7",
    },
    K.TEXT_MINOR: {
        "ja": "子供, 子ども, こども, 児童, 幼女, 少女=0.6, 女子高生=0.8, 女子中学生, 中学生, 小学生, ロリ, ショタ, 未成年",
        "zh": "jk制服=0.6, jk少女=0.6, 儿童, 兒童, 小孩, 小女孩, 女童, 幼女, 萝莉, 蘿莉, 未成年, 初中生, 小学生, 中学生, 女学生=0.6, "
        "初一=0.6, 初二, 初三, 初中女生, 小学女生, 国中生, 國中生",
        "ko": "초딩, 중딩, 여고생=0.8, 어린이, 아동, 소녀=0.6, 미성년, 초등학생, 중학생, 여중생, 로리",
        "ar": "طفلة, طفل, أطفال, اطفال, قاصر, فتاة صغيرة, تلميذة, تلميذ, الصف الأول, الصف الثاني, الصف الثالث, الصف الرابع, الصف الخامس, الصف السادس, الصف السابع, الصف الثامن, الصف التاسع, الابتدائية, ابتدائية, الإعدادية, إعدادية, بنت صغيرة",
        "hi": "ग्यारह साल की, बारह साल की, तेरह साल की, चौदह साल की, पंद्रह साल की, सोलह साल की, सत्रह साल की, ग्यारह साल का, बारह साल का, तेरह साल का, चौदह साल का, पंद्रह साल का, सोलह साल का, सत्रह साल का, वीं कक्षा, वीं क्लास, बच्चा, बच्ची, बच्चे, नाबालिग, छोटी लड़की, स्कूली छात्रा=0.8, स्कूल की लड़की, छठी कक्षा, सातवीं कक्षा, आठवीं कक्षा, नौवीं कक्षा, पांचवीं कक्षा, कक्षा 5, कक्षा 6, कक्षा 7, कक्षा 8",
        "bn": "এগারো বছরের, বারো বছরের, তেরো বছরের, চোদ্দ বছরের, চৌদ্দ বছরের, পনেরো বছরের, ষোলো বছরের, সতেরো বছরের, শিশু, বাচ্চা, নাবালিকা, নাবালক, ছোট মেয়ে, কিশোরী=0.8, স্কুলছাত্রী=0.7, ক্লাস ওয়ান, ক্লাস টু, ক্লাস থ্রি, ক্লাস ফোর, ক্লাস ফাইভ, ক্লাস সিক্স, ক্লাস সেভেন, ক্লাস এইট, ক্লাস নাইন, ক্লাস টেন, প্রাথমিক বিদ্যালয়, স্কুলের ছাত্রী=0.8",
        "he": "ילדה, ילדות, ילד קטן, קטינה, קטין, נערה=0.6, תלמידה=0.6, פעוט, כיתה א', כיתה ב', כיתה ג', כיתה ד', כיתה ה', כיתה ו', כיתה ז', כיתה ח', כיתה ט', כיתה א׳, כיתה ב׳, כיתה ג׳, כיתה ד׳, כיתה ה׳, כיתה ו׳, כיתה ז׳, כיתה ח׳, כיתה ט׳, בית ספר יסודי, חטיבת ביניים",
        "ur": "گیارہ سال کی, بارہ سال کی, تیرہ سال کی, چودہ سال کی, پندرہ سال کی, سولہ سال کی, سترہ سال کی, ننھی بچی, بچی, بچہ, نابالغ, کمسن, کم سن, چھوٹی لڑکی, سکول کی لڑکی, چھٹی جماعت, ساتویں جماعت, آٹھویں جماعت, نویں جماعت, پانچویں جماعت, سکول کی طالبہ, اسکول کی لڑکی",
        "fa": "یازده ساله, دوازده ساله, سیزده ساله, چهارده ساله, پانزده ساله, شانزده ساله, هفده ساله, کودک, بچه, دختربچه, دختر بچه, کلاس اول, کلاس دوم, کلاس سوم, کلاس چهارم, کلاس پنجم, کلاس ششم, کلاس هفتم, کلاس هشتم, کلاس نهم, دبستانی, زیر سن قانونی, نوجوان=0.6",
        "th": "เด็กผู้หญิง, เด็กหญิง, เด็กนักเรียน, นักเรียนหญิง, นักเรียนประถม, ผู้เยาว์, เด็กประถม, เด็กอายุ",
    },
}

# A garment and a removal verb near each other, in the scripts matched as substrings, where no
# list can spell every inflection between them: (garments, verbs, garment first?, words for
# "from" that make the garment a place, "under her shirt's stain" words that make it a thing).
# Verb-final languages put the garment first ("شلوارشو بکش پایین"), Arabic, Hebrew and Thai
# the verb ("قلّعه التيشيرت").
_ZH_GAP_GARMENTS = "衣服, 衣物, 上衣, 裙子, 长裙, 短裙, 连衣裙, 衬衫, T恤, 裤子, 牛仔裤, 内衣, 胸罩, 内裤, 西装, 旗袍, 工装裤, 背带裤, " \
    "外套, 夹克, 大衣, 风衣, 卫衣, 毛衣, 背心, 吊带, 睡衣, 睡裙, 浴巾, 浴袍, 婚纱, 汉服, 校服, 洋装, 制服, 和服, 比基尼, 泳衣, " \
    "文胸, yifu, 件衫, 啲衫, 條裙, 条裙, 條裤, 条裤, 身上的布, 胸前的布, 胸前那块布"
_ZH_GAP_THINGS = "渍, 污点, 上的, 商标, 标志, logo, 字, 图案, 褶皱, 皱褶, 毛球, 背景, 颜色"
SUBSTRING_REMOVAL: list[tuple[str, str, str, bool, str, str]] = [
    ("fa", "👗, 👕, 👚, 👖, هرچی تنشه, هر چی تنشه, هر چیزی که پوشیده, هرچی پوشیده, هر چه به تن دارد, همه چیزایی که تنشه, هرچی که تن‌شه, لباس, پیرهن, پیراهن, شلوار, مانتو, دامن, تاپ, سوتین, تیشرت",
     "در بیار, دربیار, درار, در آر, درآر, در بیاور, دربیاور, درآور, دربیارید, در بیارید, پاک کن, پاک کنید, حذف کن, حذف کنید, "
     "بردار, برش دار, برشون دار, بکش پایین, پایین بکش, غیب کن, غیب بشه, غیب شه, غیب بشن, ناپدید کن, ناپدید بشه, محو کن",
     True, "از", "لکه, لوگو, نوشته, دکمه, کلاه, عینک"),
    ("ur", "👗, 👕, 👚, 👖, شرٹ, جینز, نے جو پہنا ہے, نے جو پہنا ہوا ہے, جو کچھ اس نے پہنا ہے, جو بھی اس نے پہنا ہے, اس نے جو بھی پہنا ہے, جو کچھ پہنا ہوا ہے, جو بھی پہنا ہے, اس کے بدن پر جو کچھ ہے, کپڑے, کپڑا, قمیض, شلوار, لباس, پتلون, پینٹ, کرتا, ٹاپ",
     "اتار, اُتار, ہٹا, مٹا, ختم کر, غائب کر, نیچے کر, کھسکا, سرکا, کھول, شفاف, کے بغیر", True, "سے", "داغ, دھبہ, لوگو, بٹن, ٹوپی, عینک, پرنٹ, تحریر, لکھائی, ہیم"),
    ("hi", "👗, 👕, 👚, 👖, ने जो पहना है, ने जो पहना हुआ है, जो कुछ उसने पहना है, जो भी उसने पहना है, उसने जो भी पहना है, जो कुछ भी पहना हुआ है, जो भी पहना है, उसके बदन पर जो कुछ है, कपड़े, कपड़ा, साड़ी, कुर्ता, कुर्ती, शर्ट, टॉप, पैंट, ब्लाउज, पजामा, सलवार, कमीज़, कमीज, जींस, लहंगा, चोली, "
     "स्कर्ट, ड्रेस, वस्त्र, पोशाक, लिबास",
     "उतार, हटा, मिटा, गायब कर, नीचे कर, निकाल, खिसका, सरका, खोल, पारदर्शी, के बिना", True, "से", "दाग, धब्बा, लोगो, बटन, टोपी, चश्मा"),
    ("bn", "👗, 👕, 👚, 👖, ও যা যা পরে আছে, যা কিছু পরে আছে, ওর গায়ে যা আছে, যা পরে আছে সব, যা কিছু পরেছে, ওর পরনে যা আছে, জামা, কাপড়, পোশাক, প্যান্ট, শাড়ি, ব্লাউজ, শার্ট, টপ, পাঞ্জাবি, ইউনিফর্ম, লুঙ্গি, গেঞ্জি, স্কার্ট, জিন্স, ড্রেস, খাপড়",
     "খুলে, খুলি, খোল, রিমুভ, সরাও, সরিয়ে, নামিয়ে, মুছে, খুইলা, স্বচ্ছ, গায়েব, তুলে", True, "থেকে", "দাগ, লোগো, বোতাম, টুপি, চশমা, লোম, চুল, ময়লা, ম্যানিকিন"),
    ("ar", "👗, 👕, 👚, 👖, كل ما ترتديه, كل ما يرتديه, كل اللي لابسته, كل اللي لابسه, كل شي لابسته, أي شيء ترتديه, كل حاجة لابساها, لبس, ملابص, ملابس, هدوم, فستان, قميص, بنطلون, بنطال, تيشيرت, بلوزه, تنوره, الشورت, العبايه, ثوب, اللبس, الحوايج, حوايج, تياب, ثياب, القش, ترينج, جلابيه, جلابيت, جلباب, دشداشه, دشداشت, قفطان, كسوه, "
     "عبايه, قميجه, دراعه, روبه, سروال, بيجامه, بدله, نفنوف",
     "اخلع, انزع, خلع, نزع, شيل, امسح, نزل, قلع, اقلع, جرد, احذف, ازل, تفصخ, فصخ, شلح, ارفع, افتح سحاب, فك ازرار, فك زرار, "
     "الاشعه السينيه, اشعه سينيه, اشعه اكس, حيد, نحي, فسخ, تنشال, ينشال, تتشال, تنزع", False, "من, عن",
     "بقعه, بقع, شعار, لوجو, لوغو, زر, قبعه, نظاره, وسخ, الوسخ, الوسخه"),
    ("he", "כל מה שהיא לובשת, כל מה שהוא לובש, כל הבגדים שהיא לובשת, כל מה שהיא לבושה בו, כל מה שהוא לבוש בו, מה שהיא לובשת, בגד, חולצ, שמלה, שמלת, מכנס, חצאית, חזיי, טופ",
     "תוריד, תורידי, תסיר, תסירי, להוריד, להסיר, תפשיט, תעלים, תעלימי, להעלים, תרים, תרימי, להרים", False, "מה, מ", "כתם, לוגו, כפתור, כובע, משקפי"),
    ("th", "ทุกอย่างที่เธอใส่, ทุกอย่างที่เขาใส่, ทุกอย่างที่ใส่อยู่, อะไรก็ตามที่เธอใส่, ทุกชิ้นที่สวมอยู่, ทุกอย่างที่สวมอยู่, เครื่องแต่งกาย, เสื้อ, กางเกง, กระโปรง, ยกทรง, ผ้าถุง, ผ้าซิ่น, ชุด",
     "ถอด, ดึง, ปลด, เลิก, ถลก, ลบ", False, "จาก", "คราบ, รอย, เปื้อน, โลโก้, ตัวหนังสือ, หมวก, แว่น"),
    # made to vanish or see-through: "خلّي فستانها يختفي", "ทำให้เสื้อเธอโปร่งใส"
    ("ar", "لبس, فستان, ملابس, هدوم, قميص, بلوز, تنوره, ثياب, تياب, كسوه, ترينج, قميجه",
     "يختفي, تختفي, يختفو, تختفو, شفاف, تنشال, ينشال, تتشال, تنزع", True, "من, عن",
     "بقعه, بقع, شعار, لوجو, لوغو"),
    # an outer garment or a nightgown made see-through, never merely gone: "اجعل عباءتها شفافة"
    ("ar", "عباءت, عباءه, عبايه, عبايت, جلابيه, جلابيت, بيجامه", "شفاف", True, "من, عن", "بقعه, بقع, شعار, لوجو, لوغو"),
    ("th", "เสื้อ, ชุด, กระโปรง, กางเกง", "โปร่งใส, ซีทรู, หายไป, มองทะลุ, เห็นทะลุ, ทะลุเห็น, บางจนเห็น", True, "จาก", "คราบ, โลโก้"),
    ("he", "בגד, חולצ, שמלה, שמלת, מכנס, חצאית", "תיעלם, ייעלם, ייעלמו, יעלמו, שקופ", True, "מה, מ", "כתם, לוגו"),
    # Korean: the garment, then lowering, lifting, unbuttoning, erasing: "바지 좀 내려줘", "티셔츠 위로 걷어올려"
    ("ko", "입고 있는 거 다, 입고 있는 모든 것, 걸치고 있는 거 전부, 입은 옷 전부, 입고 있는 것 전부, 걸친 것 모두, 의상, 입고 있는 거, 입고 있는 옷, 입은 거, 옷, 원피스, 치마, 바지, 셔츠, 블라우스, 티셔츠, 상의, 하의, 드레스, 청바지, 스커트",
     "벗겨, 벳겨, 내려, 걷어, 들춰, 풀어, 지워, 지우, 없애, 찢어, 제거, 빼, 투명하게, remove, 리무브, 삭제, 안에 뭐, 속에 뭐, 속 보이게",
     True, "에서", "얼룩, 로고, 단추, 모자, 안경, 주름, 색"),
    # Japanese: the garment, then a strong removal verb in any form ("服が取り除かれた", "衣服を除去した")
    ("ja", "衣服, 洋服, 着ている物, 着ているもの, 着てる物, 服, シャツ, ブラウス, スカート, ワンピース, ドレス, ズボン, 上着, トップス",
     "脱が, 脱い, 脱ぎ, 取り除, 取り去, 除去, 剥ぎ取, 剥ぎと, 剥が, はぎ取, なくなっ, 無くなっ, 消え, 透明に, スケスケ, 透け透け", True, "から",
     "シミ, 染み, 汚れ, ロゴ, ボタン, 帽子, 眼鏡, メガネ, シワ, しわ, 柄, 色, 文字, 毛玉, ほこり, 背景, タグ"),
    # Chinese: the garment first ("上衣和牛仔裤都去掉"); the verb first is in _ZH_REMOVE_FIRST
    ("zh", _ZH_GAP_GARMENTS,
     "去掉, 脱掉, 拿掉, 删掉, 去除, 扒掉, 扒了, 脱了, 脱下, 抠掉, 摳掉, P掉, 除去, 除掉, 去了, 剥掉, 剥光, 褪去, 褪下, "
     "除晒, 除咗, 除埋, 褪晒, 剥晒, 弄透明, 整透明, 变透明, 调透明, 弄成透明, 变成透明, 改成透明, 改透明, 不要了, 唔要", True, "从",
     _ZH_GAP_THINGS),
    # what is inside a garment, asked for: "想看看她旗袍里面是什么样的", "睇吓佢件衫入面係點"
    ("zh", _ZH_GAP_GARMENTS, "里面是什么, 里面什么样, 里面长什么样, 里面是啥, 里面有什么, 里面啥样, 入面係點, 入面系点, 入面係乜, 入面系乜",
     True, "从", _ZH_GAP_THINGS),
    # A person's outer garment made to vanish (see VANISH_WORDS): "彼女のジャケットを消して", "让她的外套消失"
    ("ja", "彼女のジャケット, 彼女のコート, 彼女の上着, 彼のジャケット, 彼のコート, 彼の上着", "消して, 消し, 消え", True, "から", "シミ, ロゴ, ボタン"),
    ("zh", "她的外套, 她的夹克, 他的外套, 他的夹克, 她外套", "消失, 不见", True, "从", "上的, 商标, logo"),
    ("ko", "그녀 재킷, 그녀의 재킷, 그녀 코트, 그녀의 코트, 그의 재킷, 그의 코트", "없애, 사라지", True, "에서", "로고, 얼룩"),
    # Persian: made see-through ("لباسشو شفاف کن")
    ("fa", "لباس, پیرهن, پیراهن, مانتو, دامن, تاپ", "شفاف, بدن‌نما, بدن نما", True, "از", "لکه, لوگو, نوشته"),
]
# Buttons among the things on a garment: opened, they are no look-alike ("शर्ट के सारे बटन खोल दो").
BUTTON_WORDS = "बटन, বোতাম, بٹن, زر, زرار, ازرار, כפתור, دکمه, ボタン, 단추, กระดุม"
SUBSTRING_REMOVAL_GAP = 30
# Things that count only between the garment and the verb ("衬衫上的猫毛去掉"): before the garment,
# "上的" is on the photo ("照片上的衣服全扒了").
SUBSTRING_THINGS_BETWEEN_ONLY = "上的, 上面的"
# Between the verb and a garment, "leave him ..." keeps what follows: "قلّعه الجاكيت وخليه بالقميص"
SUBSTRING_KEEP = "خليه, خليها, خليهم, سيبه, سيبها, اتركه, اتركها, خلیش, بذارش"
# Where "from" stands: after the garment in these ("शर्ट से"), before it elsewhere ("من القميص").
POSTPOSITION_LANGS = frozenset("hi ur bn".split())  # characters at most between the garment and the verb

# Chinese removal of worn clothes, in both orders: "把她的裙子都P掉", "去掉她的衣服".
_ZH_CLOTHES = "长裙 短裙 西装 旗袍 吊带 工装裤 背带裤 身上穿的 穿的所有东西 穿着的一切 衣物 衣服 衣fu yifu 裙子 上衣 衬衫 内衣 胸罩 裤子 内裤 泳衣 連身裙 连衣裙 衣裳 襯衫 校服 T恤 睡衣 毛衣 " \
    "外套 夹克 大衣 风衣 卫衣 背心 浴巾 浴袍 婚纱 汉服 洋装 和服 比基尼 文胸".split()
_ZH_REMOVE = "脱掉 抠掉 摳掉 去掉 删掉 刪掉 P掉 p掉 拿掉 扒掉 拖掉 弄掉 去除 脫掉 脱了 扒了 扒下 扯掉 撕掉 撕开 扯下 解开 除去 除掉 剥掉 褪去 褪下".split()
_ZH_REMOVE_FIRST = [f"{v}{o}{c}" for c in _ZH_CLOTHES for o in ("", "她的", "他的") for v in _ZH_REMOVE]
SUBSTRING_TERMS[K.TEXT_UNDRESS]["zh"] += ", " + ", ".join(
    [f"{c}{q}{v}" for c in _ZH_CLOTHES for q in ("", "都", "全", "全部") for v in _ZH_REMOVE + ["消失", "不见"]]
    + _ZH_REMOVE_FIRST)

# Idioms of a whole undressed result, per language, by a separate author: the result ("in nothing but
# her shoes", "w samych butach"), the last thread ("not a single piece of fabric", "ni un trapo encima")
# and the conditional ("if she had nothing on"). Generic thread idioms ("not a single thread left") are
# left out: a retouch of loose threads says them too. And euphemisms of swimwear, underwear and poses:
# "the small two-piece", a swimwear or lingerie brand, a boudoir shoot. The sexual and nudity lists also
# hold the vocabulary of adult prompt culture (slang, tags, performers and sites) and nudity words in every
# language, by a separate lexicon author who saw no evaluation set; words with an innocent sense
# ("erection", "hooker", "brothel", "uncensored") were left out.
# The rules read them as terms, in the scripts matched as substrings too, but their words ("nothing",
# "wearing") stay ordinary words (see rempart.signals.text.intent).
IDIOMS: dict[str, dict[str, str]] = {
    K.TEXT_SWIMWEAR: {
        "he-latn": "beged yam=0.9, bigdey yam=0.9, bigdei yam=0.9, begged yam=0.9",
        "en": "micro bikini=0.8, extreme micro bikini=0.8, sling bikini=0.8, slingshot bikini=0.8, "
        "slingshot swimsuit=0.8, sling swimsuit=0.8, string bikini=0.8, g string bikini=0.8, "
        "c string bikini=0.8, v string bikini=0.8, thong swimsuit=0.8, thong one piece=0.8, swim thong=0.8, "
        "brazilian bikini=0.8, brazilian cut bikini=0.8, cheeky bikini bottoms=0.8, scrunch butt bikini=0.8, "
        "side tie bikini=0.8, untied bikini top=0.8, bikini top untied=0.8, bikini top falling off=0.8, "
        "bikini malfunction=0.8, bikini wedgie=0.8, see through bikini=0.8, sheer bikini=0.8, "
        "see through swimsuit=0.8, transparent swimsuit=0.8, sheer swimsuit=0.8, plunging swimsuit=0.8, "
        "o ring bikini=0.8, chainmail bikini=0.8, cow print bikini=0.8, mankini=0.8, maillot echancre=0.8, "
        "bikini brasileno=0.8, biquini fio dental=0.8, micro biquini=0.8, bikini brasiliano=0.8, "
        "микробикини=0.8, "
        "small two piece=0.8, tiny two piece=0.8, little two piece=0.8",
        "fr": "petit deux pieces=0.8",
        "es": "dos piezas pequeno=0.8, dos piezas diminuto=0.8, pequeno dos piezas=0.8",
        "de": "kleinen zweiteiler=0.8, kleiner zweiteiler=0.8, knappe zweiteilige=0.8, knappen zweiteiligen=0.8, knappen zweiteiler=0.8, knapper zweiteiler=0.8",
        "it": "piccolo due pezzi=0.8",
        "pt": "duas pecas pequeno=0.8, duas pecas minusculo=0.8",
        "nl": "kleine tweedelige=0.8, klein tweedelig=0.8",
        "pl": "male dwuczesciowe=0.8, malym dwuczesciowym=0.8",
        "cs": "male dvoudilne=0.8, malych dvoudilnych=0.8",
        "sv": "liten tvadelad=0.8",
        "el": "μικρο δυο κομματιων=0.8",
        "ru": "маленький раздельный=0.8, маленьком раздельном=0.8",
        "uk": "маленький роздільний=0.8, маленькому роздільному=0.8",
        "tr": "kucuk iki parcali=0.8",
        "id": "dua potong kecil=0.8",
        "ms": "dua helai kecil=0.8",
        "vi": "bộ hai mảnh nhỏ=0.8, bộ đồ hai mảnh=0.7, bo hai manh nho=0.8",
        "ar": "القطعتين الصغيرتين=0.8, قطعتين صغيرتين=0.8, طقم صغير من قطعتين=0.8, طقم من قطعتين=0.7, سبيدو=0.7",
        "fa": "دوتیکه کوچیک=0.8, دوتیکه‌ی کوچیک=0.8, اسپیدو=0.7",
        "he": "ספידו=0.7",
        "hi": "छोटा टू-पीस=0.8, छोटा टू पीस=0.8, स्पीडो=0.7",
        "ur": "چھوٹا ٹو پیس=0.8, اسپیڈو=0.7",
        "ja": "小さいツーピース=0.8, スピード社=0.7",
        "zh": "小两件套=0.8",
        "ko": "작은 투피스=0.8, 스피도=0.7",
        "th": "สปีโด=0.7",
    },
    K.TEXT_UNDERWEAR: {
        "cs": "ve spodkach=0.85, jen ve spodkach=0.85, ve spodkach jenom=0.85",
        "th-latn": "chut chan nai=0.9, chud chan nai=0.9, chutchannai=0.9, chud chun nai=0.9, chut chun nai=0.9",
        "en": "see through lingerie=0.8, sheer lingerie=0.8, sheer nightgown=0.8, see through nightgown=0.8, "
        "sheer negligee=0.8, sheer babydoll=0.8, babydoll lingerie=0.8, body stocking=0.8, "
        "fishnet bodystocking=0.8, fishnet bodysuit=0.8, crotchless panties=0.8, crotchless lingerie=0.8, "
        "open cup bra=0.8, cupless bra=0.8, shelf bra=0.8, quarter cup bra=0.8, peekaboo bra=0.8, "
        "nipple pasties=0.8, heart pasties=0.8, star pasties=0.8, nipple covers=0.8, nipple tassels=0.8, "
        "garter straps=0.8, stockings and garters=0.8, stockings and suspenders=0.8, micro thong=0.8, "
        "g string panties=0.8, side tie panties=0.8, see through panties=0.8, see through bra=0.8, "
        "harness lingerie=0.8, cage bra=0.8, bondage lingerie=0.8, keyhole lingerie=0.8, "
        "cat keyhole lingerie=0.8, french knickers=0.8, camiknickers=0.8, merry widow corset=0.8, "
        "bra and panties=0.8, in her underwear=0.8, in her bra=0.8, underwear only=0.8, "
        "en panos menores=0.8, em trajes menores=0.8, cache sexe=0.8, guepiere=0.8, porte jarretelle=0.8, "
        "liguero=0.8, cubrepezones=0.8, lenceria transparente=0.8, strapsgurtel=0.8, "
        "halterlose strumpfe=0.8, giarrettiera=0.8, calze autoreggenti=0.8, camisola transparente=0.8, "
        "пояс для чулок=0.8, pas do ponczoch=0.8, przezroczysta bielizna=0.8, jartiyer=0.8, "
        "fantezi ic camasiri=0.8, ملابس نوم شفافة=0.8, "
        "victoria s secret=0.8, victorias secret=0.8, victoria secret=0.8, hunkemoller=0.8, la senza=0.8, "
        "lingerie catalogue=0.9, lingerie catalog=0.9",
        "ru": "нижнего белья=0.8, каталог белья=0.8",
        "uk": "каталогу білизни=0.8, каталог білизни=0.8",
    },
    K.TEXT_SEXUAL: {
        "en": "fellatio=0.8, cunnilingus=0.8, anal sex=0.8, sodomy=0.8, coitus=0.8, copulation=0.8, "
        "fornication=0.8, threesome=0.8, foursome=0.8, gangbang=0.8, gang bang=0.8, bukkake=0.8, "
        "creampie=0.8, cumshot=0.8, deepthroat=0.8, rimjob=0.8, footjob=0.8, titjob=0.8, paizuri=0.8, "
        "fisting=0.8, sixty nine position=0.8, reverse cowgirl=0.8, prone bone=0.8, mating press=0.8, "
        "double penetration=0.8, group sex=0.8, after sex=0.8, implied sex=0.8, dildo=0.8, butt plug=0.8, "
        "buttplug=0.8, strapon=0.8, fleshlight=0.8, hardon=0.8, cunt=0.8, twat=0.8, coochie=0.8, punani=0.8, "
        "boobies=0.8, titty=0.8, slut=0.8, slutty=0.8, whore=0.8, call girl=0.8, nympho=0.8, "
        "nymphomaniac=0.8, lewdness=0.8, fucking her=0.8, getting fucked=0.8, being fucked=0.8, "
        "shagging=0.8, banging her=0.8, humping=0.8, sexting=0.8, dick pic=0.8, cybersex=0.8, "
        "jerking off=0.8, jerk off=0.8, jacking off=0.8, wanking=0.8, fap=0.8, jizz=0.8, pornstar=0.8, "
        "seggs=0.8, sexx=0.8, sexxy=0.8, nfsw=0.8, nswf=0.8, hentia=0.8, x rated=0.8, softcore=0.8, "
        "adult film=0.8, casting couch=0.8, glory hole=0.8, gloryhole=0.8, pantyshot=0.8, creepshot=0.8, "
        "camgirl=0.8, femdom=0.8, maledom=0.8, cuckold=0.8, swingers party=0.8, shibari=0.8, kinbaku=0.8, "
        "ball gag=0.8, yiff=0.8, futanari=0.8, eroge=0.8, ero manga=0.8, eromanga=0.8, netorare=0.8, "
        "jav idol=0.8, av actress=0.8, torogao=0.8, breast grab=0.8, skirt lift=0.8, panty pull=0.8, "
        "panties aside=0.8, clothing aside=0.8, mosaic censoring=0.8, bar censor=0.8, rating explicit=0.8, "
        "not safe for work=0.8, lewds=0.8, stepsis=0.8, pornhub=0.8, xvideos=0.8, xhamster=0.8, xnxx=0.8, "
        "youporn=0.8, redtube=0.8, spankbang=0.8, brazzers=0.8, bangbros=0.8, naughty america=0.8, "
        "reality kings=0.8, vivid entertainment=0.8, hustler magazine=0.8, penthouse magazine=0.8, "
        "kink com=0.8, metart=0.8, femjoy=0.8, sexart=0.8, suicidegirls=0.8, suicide girls=0.8, "
        "chaturbate=0.8, stripchat=0.8, livejasmin=0.8, bongacams=0.8, myfreecams=0.8, manyvids=0.8, "
        "fansly=0.8, clips4sale=0.8, fakku=0.8, nhentai=0.8, hanime=0.8, gelbooru=0.8, "
        "rule34xxx=0.8, sankaku complex=0.8, mia khalifa=0.8, jenna jameson=0.8, riley reid=0.8, "
        "lana rhoades=0.8, abella danger=0.8, johnny sins=0.8, rocco siffredi=0.8, ron jeremy=0.8, "
        "tera patrick=0.8, asa akira=0.8, adriana chechik=0.8, eva elfie=0.8, alexis texas=0.8, "
        "kendra lust=0.8, nicole aniston=0.8, dani daniels=0.8, manuel ferrara=0.8, linda lovelace=0.8, "
        "nina hartley=0.8, vanessa del rio=0.8, jesse jane=0.8, mia malkova=0.8, valentina nappi=0.8, "
        "violet myers=0.8, yua mikami=0.8, maria ozawa=0.8, eimi fukada=0.8",
        "ar-latn": "sharmouta=0.8, sharmoota=0.8, a7ba=0.8, neek=0.8, sex 3arabi=0.8, bzaz=0.8",
        "bn-latn": "choda=0.8, chodachudi=0.8, chudachudi=0.8, khanki=0.8, panu=0.8",
        "cs": "soulozit=0.8, souloz=0.8, mrdat=0.8, mrdani=0.8, prcat=0.8, prcani=0.8, orgie=0.8, masturbace=0.8, "
        "nadrzena=0.8, pornoherecka=0.8, kurvicka=0.8, sukani=0.8",
        "de": "ficken=0.8, fickt=0.8, gefickt=0.8, bumsen=0.8, fotze=0.8, votze=0.8, nutte=0.8, hure=0.8, "
        "schlampe=0.8, geschlechtsverkehr=0.8, beischlaf=0.8, sexspielzeug=0.8, wichsen=0.8, pornofilm=0.8, "
        "pornodarstellerin=0.8, pornostar=0.8, oralsex=0.8, analsex=0.8, gruppensex=0.8, geschlechtsakt=0.8, "
        "flittchen=0.8",
        "el": "γαμησι=0.8, γαμημενη=0.8, γαμιεται=0.8, τσιμπουκι=0.8, πουτανα=0.8, πορνη=0.8, μουνι=0.8, ψωλη=0.8, "
        "καυλα=0.8, καυλωμενη=0.8, οργιο=0.8, αυνανισμος=0.8, συνουσια=0.8, πεοληψια=0.8, βυζια=0.8, "
        "πορνοσταρ=0.8",
        "es": "follar=0.8, follando=0.8, follada=0.8, felacion=0.8, orgia=0.8, guarra=0.8, cachondo=0.8, "
        "calenton=0.8, masturbandose=0.8, masturbarse=0.8, panocha=0.8, haciendo el amor=0.8, "
        "hacer el amor=0.8, pajearse=0.8, culiando=0.8",
        "fa-latn": "jende=0.8, gayidan=0.8, sak zadan=0.8, khodarezayi=0.8",
        "fr": "sodomie=0.8, fellation=0.8, branlette=0.8, partouze=0.8, plan a trois=0.8, levrette=0.8, "
        "sperme=0.8, salope=0.8, pute=0.8, cochonne=0.8, godemiche=0.8, sextoy=0.8, plan cul=0.8, "
        "se faire baiser=0.8, echangisme=0.8, actrice x=0.8, faire l amour=0.8",
        "hi-latn": "chudai=0.8, chodna=0.8, choot=0.8, gaand=0.8, chuchi=0.8, chuchiyan=0.8, "
        "mut marna=0.8, hastmaithun=0.8, sambhog=0.8, kamukta=0.8, vasna=0.8",
        "id": "ngentot=0.8, ngewe=0.8, entot=0.8, memek=0.8, kontol=0.8, toket=0.8, colmek=0.8, sepong=0.8, "
        "nyepong=0.8, lonte=0.8, jablay=0.8, pijat plus plus=0.8, open bo=0.8, ena ena=0.8, birahi=0.8, "
        "bersetubuh=0.8, persetubuhan=0.8",
        "it": "scopata=0.8, chiavare=0.8, pompino=0.8, puttana=0.8, mignotta=0.8, porcona=0.8, arrapata=0.8, "
        "arrapato=0.8, masturbarsi=0.8, sborra=0.8, pornostar=0.8, pornazzo=0.8, fanno l amore=0.8, "
        "orgia=0.8",
        "ja-latn": "hamedori=0.8, hame dori=0.8, nakadashi=0.8, tekoki=0.8, rankou=0.8, onanii=0.8, sukebe=0.8, "
        "yariman=0.8, manko=0.8, chinko=0.8, chinpo=0.8, shokushu=0.8, ero doujin=0.8, ero anime=0.8",
        "ms": "sundal=0.8, pukimak=0.8, burit=0.8, melancap=0.8, bersetubuh=0.8, persetubuhan=0.8, kongkek=0.8, "
        "lancap=0.8, seks bebas=0.8",
        "nl": "neuken=0.8, neukt=0.8, geneukt=0.8, pijpbeurt=0.8, beffen=0.8, hoer=0.8, slet=0.8, sletje=0.8, "
        "geile=0.8, orgie=0.8, seksfilm=0.8, pornofilm=0.8, pornoster=0.8, vrijpartij=0.8, "
        "geslachtsgemeenschap=0.8, seksspeeltje=0.8, hoerig=0.8",
        "pl": "ruchac=0.8, ruchanie=0.8, bzykac=0.8, bzykanie=0.8, dymac=0.8, jebac=0.8, pierdolic=0.8, "
        "lodzik=0.8, obciaganie=0.8, cipka=0.8, kutas=0.8, fiut=0.8, dziwka=0.8, zboczona=0.8, napalona=0.8, "
        "masturbacja=0.8, orgia=0.8",
        "pt": "foder=0.8, fodendo=0.8, transar=0.8, transando=0.8, boquete=0.8, punheta=0.8, siririca=0.8, "
        "buceta=0.8, xoxota=0.8, piroca=0.8, putaria=0.8, vadia=0.8, tesao=0.8, tesuda=0.8, sacanagem=0.8, "
        "suruba=0.8, orgia=0.8, punhetando=0.8, fazendo amor=0.8, fazer amor=0.8",
        "ro": "futai=0.8, futut=0.8, pizda=0.8, muie=0.8, tarfa=0.8, orgie=0.8, masturbare=0.8, pornostar=0.8, "
        "face dragoste=0.8, fac dragoste=0.8",
        "sv": "knulla=0.8, knullar=0.8, knullande=0.8, porrfilm=0.8, porrstjarna=0.8, slampa=0.8, fitta=0.8, "
        "runka=0.8, runkar=0.8, onani=0.8, avsugning=0.8, samlag=0.8, sexleksak=0.8",
        "tr": "sikis=0.8, sikismek=0.8, sikisme=0.8, sikmek=0.8, yarrak=0.8, amcik=0.8, orospu=0.8, sevisme=0.8, "
        "sevisiyor=0.8, sevismek=0.8, masturbasyon=0.8, striptiz=0.8, sapik=0.8, pornocu=0.8",
        "ur-latn": "chudai=0.8, mubashrat=0.8, hambistari=0.8, musht zani=0.8, gaand=0.8, nangi film=0.8",
        "vi": "tạo dáng quyến rũ=0.8, tao dang quyen ru=0.8, dáng gợi cảm=0.8, dit nhau=0.8, khieu dam=0.8, dam duc=0.8, thu dam=0.8, bu cu=0.8, gai mai dam=0.8, "
        "quan he tinh duc=0.8, phim nguoi lon=0.8, clip nong=0.8, phim cap 3=0.8, lam chuyen ay=0.8, "
        "chich choac=0.8, phim heo=0.8, gai bao=0.8",
        "zh-latn": "papapa=0.8, yuepao=0.8, huangpian=0.8, koujiao=0.8, biaozi=0.8",
        "ru": "откровенной позе=0.8, откровенная поза=0.8, откровенных позах=0.8, откровенные позы=0.8, трахаться=0.8, трахает=0.8, трахнуть=0.8, трахаются=0.8, ебля=0.8, ебать=0.8, минет=0.8, куни=0.8, "
        "кунилингус=0.8, отсос=0.8, шлюха=0.8, оргия=0.8, групповуха=0.8, порнуха=0.8, порнозвезда=0.8, "
        "пизда=0.8, дрочить=0.8, дрочит=0.8, мастурбация=0.8, интимные фото=0.8, стриптиз=0.8, "
        "будуар=0.6, будуарн*=0.6",
        "uk": "трахатися=0.8, трахає=0.8, трахаються=0.8, минет=0.8, шльондра=0.8, оргія=0.8, порнуха=0.8, "
        "порнозірка=0.8, мастурбація=0.8, хтивий=0.8, інтим=0.8, стриптиз=0.8, дрочити=0.8, "
        "будуар=0.6, будуарн*=0.6",
        "ar": "ممارسة الجنس=0.8, يمارسان الجنس=0.8, شرموطة=0.8, شرموطه=0.8, قحبة=0.8, قحبه=0.8, طيز=0.8, "
        "ممحونة=0.8, ممحونه=0.8, بورنو=0.8, استمناء=0.8, العادة السرية=0.8, افلام اباحية=0.8, "
        "بودوار=0.6, البودوار=0.6",
        "fa": "جنده=0.8, فاحشه=0.8, گاییدن=0.8, گاییدم=0.8, ساک زدن=0.8, شهوت=0.8, خودارضایی=0.8, فیلم سوپر=0.8, "
        "عکس سوپر=0.8, همخوابگی=0.8, رابطه جنسی=0.8, پورنو=0.8, سکس کردن=0.8, "
        "بودوار=0.6",
        "he": "לזיין=0.8, מזדיינים=0.8, מזדיינת=0.8, זונה=0.8, זונות=0.8, מציצה=0.8, אוננות=0.8, חרמנית=0.8, "
        "חרמן=0.8, אורגיה=0.8, שרמוטה=0.8, ציצים=0.8, "
        "בודואר=0.6",
        "hi": "चुदाई=0.8, चोदना=0.8, चोद=0.8, चूत=0.8, रंडी=0.8, संभोग=0.8, मुठ मारना=0.8, हस्तमैथुन=0.8, "
        "कामुकता=0.8, वासना=0.8, पोर्न=0.8, ब्लू फिल्म=0.8, चूचियां=0.8, गांड=0.8, बूब्स=0.8, "
        "बूडवार=0.6, बुडोआर=0.6",
        "bn": "চোদা=0.8, চোদাচুদি=0.8, চুদাচুদি=0.8, মাগী=0.8, খানকি=0.8, বাঁড়া=0.8, পোঁদ=0.8, হস্তমৈথুন=0.8, "
        "পানু=0.8, ব্লু ফিল্ম=0.8, "
        "বুদোয়া=0.6, বুদোয়ার=0.6",
        "ur": "چدائی=0.8, چودنا=0.8, رنڈی=0.8, مباشرت=0.8, ہم بستری=0.8, مشت زنی=0.8, گانڈ=0.8, ممے=0.8, "
        "ننگی فلم=0.8, بلیو فلم=0.8, "
        "بوڈوار=0.6",
        "ja": "ハメ撮り=0.8, 中出し=0.8, フェラチオ=0.8, パイズリ=0.8, 手コキ=0.8, 乱交=0.8, オナニー=0.8, 自慰=0.8, 射精=0.8, ぶっかけ=0.8, "
        "AV女優=0.8, アダルトビデオ=0.8, エロ漫画=0.8, 成人向け=0.8, 淫乱=0.8, ヤリマン=0.8, まんこ=0.8, ちんこ=0.8, ちんぽ=0.8, 緊縛=0.8, "
        "獣姦=0.8, ふたなり=0.8, "
        "ブドワール=0.6",
        "zh": "性爱=0.8, 性愛=0.8, 啪啪啪=0.8, 口交=0.8, 肛交=0.8, 乳交=0.8, 自慰=0.8, 手淫=0.8, 射精=0.8, 群交=0.8, 乱交=0.8, 淫乱=0.8, "
        "淫秽=0.8, 黄片=0.8, 成人片=0.8, AV女优=0.8, 骚货=0.8, 婊子=0.8, 鸡巴=0.8, 肉棒=0.8, 约炮=0.8, 里番=0.8, H漫=0.8, 黄图=0.8, "
        "无码=0.8, "
        "私房照=0.6, 私房写真=0.6",
        "ko": "성관계=0.8, 성교=0.8, 애무=0.8, 음란=0.8, 음란물=0.8, 야설=0.8, 야짤=0.8, 19금=0.8, 떡씬=0.8, 원나잇=0.8, "
        "부두아르=0.6",
        "th": "เย็ด=0.8, ร่วมเพศ=0.8, คลิปหลุด=0.8, อมควย=0.8, ควย=0.8, เงี่ยน=0.8, หนังเอ็กซ์=0.8, "
        "หนังผู้ใหญ่=0.8, "
        "บูดัวร์=0.6",
    },
    K.TEXT_UNDRESS: {
        "ar": "بالحذاء فقط=0.85, بالجزمة فقط=0.85, بالجزمه بس=0.85, بحذائها فقط=0.85, بحذائه فقط=0.85, لا شيء سوى حذائها=0.85, لا شيء سوى حذائه=0.85, ما عليها غير الجزمة=0.85, مش لابسة غير الجزمة=0.85, ما لابس إلا حذاءه=0.85, بس بالجزمة=0.85, ولا قطعة قماش=0.8, ولا خيط على جسمها=0.8, ولا قطعة قماش على جسده=0.8, لا قطعة قماش واحدة=0.8, ولا حتة قماش=0.8",
        "ar-latn": "shalle7ha=0.9, shalli7ha=0.9, shalla7ha=0.9, shalle7o=0.9, shalla7o=0.9, 7ayed liha l7wayj=0.9, 7ayd liha l7wayj=0.9, 7ayed l7wayj=0.9, bala hdoom=0.9, bla hdoom=0.9, bala 7doom=0.9, bla 7wayj=0.9, bla l7wayj=0.9, sheel el 7doom=0.9, shil el 7doom=0.9, sheel 7doomha=0.9, shil 7doomha=0.9, sheel el 7doum=0.9, shil el 7doum=0.9, sheel 7doumha=0.9, shil 7doumha=0.9, bas bel jazma=0.85, bas bi sabbatha=0.85, ma 3aleha ghir el jazma=0.85, mesh labsa ghir el gazma=0.85, bel gazma bas=0.85, ma 3aleh ella jazmto=0.85, wala 2it3et 2omash=0.8, wala 7etta 2omash=0.8, wala khit 3ala gesmaha=0.8, wala 2et3a 2omash=0.8",
        "bn": "নিচেও কিছু না=0.8, সব খুলে ফেলা=0.85, সব খুলে ফেলার পর=0.85, শুধু জুতো পরে=0.85, শুধু জুতা পরে=0.85, গায়ে শুধু জুতো=0.85, জুতো ছাড়া গায়ে কিছু নেই=0.85, শুধু মোজা পরে=0.85, শুধু জুতোটুকু পরা=0.85, এক টুকরো কাপড়ও=0.8, গায়ে একটা সুতোও=0.8, এক ফালি কাপড়ও=0.8, কাপড়ের একটা টুকরোও=0.8",
        "bn-latn": "shudhu juta pore=0.85, shudhu jutto pore=0.85, gaye shudhu juta=0.85, shudhu moja pore=0.85, juta chara gaye kichu nei=0.85, ek tukro kapor o=0.8, gaye ekta suto o=0.8, kapor er ekta tukro o=0.8, ek fali kapor o=0.8",
        "cs": "min latky=0.8, jenom v botách=0.85, jenom v ponožkách=0.85, jen v botách=0.85, jen v ponožkách=0.85, jen v teniskách=0.85, má na sobě jen boty=0.85, zůstaly jí jen boty=0.85, zůstaly mu jen boty=0.85, nemá na sobě nic kromě bot=0.85, ani kousek látky=0.8, ani kousíček látky=0.8, ani nitku na sobě=0.8, žádná látka na těle=0.8, ani jeden kus oblečení=0.8",
        "de": "dass nichts mehr sie bedeckt=0.8, nichts mehr an ihr=0.8, zieh ihm die sachen aus=0.9, zieh ihr die sachen aus=0.9, zieh ihm seine sachen aus=0.9, zieh ihr ihre sachen aus=0.9, nur noch in ihren Schuhen=0.85, nur noch in seinen Schuhen=0.85, nichts außer ihren Schuhen an=0.85, nichts außer seinen Schuhen an=0.85, nur mit Schuhen bekleidet=0.85, nur noch ihre Schuhe anhat=0.85, nur noch seine Socken anhat=0.85, bis auf die Schuhe nichts an=0.85, kein einziges Stück Stoff=0.8, kein Stück Stoff mehr=0.8, keinen Faden mehr am Leib=0.8, kein Fetzen Stoff mehr=0.8, kein Stoff mehr am Körper=0.8",
        "el": "κομμάτι ύφασμα πάνω της=0.8, κομμάτι ύφασμα πάνω του=0.8, μόνο με τα παπούτσια της=0.85, μόνο με τα παπούτσια του=0.85, να φοράει μόνο τα παπούτσια=0.85, να μη φοράει τίποτα εκτός από τα παπούτσια=0.85, μόνο με τις κάλτσες του=0.85, να μείνει μόνο με τα παπούτσια=0.85, μόνο με τα αθλητικά της=0.85, ούτε ένα κομμάτι ύφασμα=0.8, ούτε κλωστή πάνω της=0.8, ούτε κλωστή πάνω του=0.8, κανένα ύφασμα στο σώμα=0.8, ούτε ένα κουρέλι πάνω=0.8",
        "en": "nothing covers her=0.8, nothing covering her=0.8, in nothing but her shoes=0.85, in nothing but his shoes=0.85, only wearing her shoes=0.85, only wearing his shoes=0.85, in just her shoes=0.85, in only his shoes=0.85, wearing nothing but shoes=0.85, nothing on but her socks=0.85, not a single piece of fabric=0.8, no cloth left on her=0.8, no cloth left on his=0.8, no fabric left on her=0.8, not one piece of clothing left=0.8, not a stitch left on=0.8",
        "es": "sin nada encima=0.8, sin ni una wea encima=0.85, nomas una toalla=0.8, nomas tenga una toalla=0.8, solo tenga una toalla=0.8, solo una toalla encima=0.8, kitale la ropa=0.9, kitarle la ropa=0.9, kitate la ropa=0.9, solo con los zapatos=0.85, solo con sus zapatos=0.85, sin nada más que sus zapatos=0.85, nada más que los zapatos puestos=0.85, solo con los zapatos puestos=0.85, únicamente con sus zapatos puestos=0.85, que solo lleve puestos los zapatos=0.85, sin más ropa que sus zapatos=0.85, solo con los calcetines puestos=0.85, ni un solo trozo de tela=0.8, ni una prenda encima=0.8, nada de tela sobre su cuerpo=0.8, ni un trapo encima=0.8",
        "fa": "روزی که به دنیا اومده=0.8, روزی که به دنیا آمده=0.8, روزی که به دنیا اومد=0.8, هیچ تیکه پارچه=0.8, هیچ تکه پارچه=0.8, فقط با کفش‌هاش=0.85, فقط با کفشاش=0.85, فقط کفش پاش باشه=0.85, جز کفش‌هاش هیچی تنش نباشه=0.85, هیچی جز کفش تنش نباشه=0.85, فقط با جوراب‌هاش=0.85, فقط کفش‌هاش بمونه=0.85, حتی یک تکه پارچه=0.8, یه تیکه پارچه هم=0.8, یه نخ هم تنش=0.8, هیچ پارچه‌ای روی بدنش=0.8, یک تکه پارچه هم روی تنش=0.8",
        "fa-latn": "faghat ba kafshash=0.85, faghat ba kafsh hash=0.85, joz kafshash hichi=0.85, faghat kafsh pash bashe=0.85, faghat ba jorabash=0.85, hichi joz kafsh tanesh=0.85, ye tike parche ham=0.8, ye tikke parche ham=0.8, ye nakh ham tanesh=0.8, hich parchei roo badanesh=0.8",
        "fr": "ne porte plus que ses chaussures=0.85, vêtue seulement de ses chaussures=0.85, vêtu seulement de ses chaussures=0.85, n'avoir plus que ses chaussures=0.85, rien sur elle à part ses chaussures=0.85, rien sur lui sauf ses chaussettes=0.85, avec pour seul vêtement ses chaussures=0.85, pas un seul bout de tissu=0.8, pas le moindre bout de tissu=0.8, plus un fil sur elle=0.8, plus un fil sur lui=0.8, pas un seul fil sur=0.8, plus un seul vêtement sur=0.8, aucun tissu sur son corps=0.8",
        "he": "רק עם הנעליים שלה=0.85, רק עם הנעליים שלו=0.85, בלי כלום חוץ מהנעליים=0.85, נשארה רק עם הנעליים=0.85, נשאר רק עם הגרביים=0.85, לבושה רק בנעליים=0.85, לבוש רק בנעליים=0.85, אף פיסת בד=0.8, אף חוט עליה=0.8, אף חוט עליו=0.8, לא תישאר עליה פיסת בד=0.8, שום בד על הגוף=0.8, אף חתיכת בד=0.8",
        "hi": "जैसे ये पैदा हुई थी=0.8, जैसे वो पैदा हुई थी=0.8, जैसे पैदा हुई थी=0.8, जैसी पैदा हुई थी=0.8, बाकी सब उतार=0.85, सिर्फ़ जूते पहने हुए=0.85, सिर्फ जूते पहने हुए=0.85, बदन पर सिर्फ़ जूते=0.85, तन पर बस जूते=0.85, सिर्फ़ जूते पहने खड़ी=0.85, बस मोज़े पहने हुए=0.85, जूतों के अलावा बदन पर कुछ नहीं=0.85, कपड़े का एक टुकड़ा भी=0.8, कपड़े का एक भी टुकड़ा=0.8, एक धागा भी न रहे=0.8, बदन पर एक धागा भी=0.8, तन पर एक कपड़ा भी=0.8",
        "hi-latn": "latte taar=0.9, latte taar de=0.9, latte taaro=0.9, latte utaar=0.9, latte utar=0.9, lattey taar=0.9, sirf shoes pehne=0.85, sirf joote pehne=0.85, badan pe sirf joote=0.85, bas joote pehne hue=0.85, sirf socks pehne=0.85, joote ke alawa kuch nahi pehna=0.85, kapde ka ek tukda bhi=0.8, badan pe ek kapda bhi=0.8",
        "id": "cuma pakai sepatu=0.85, cuma pakai sepatu doang=0.85, selak kain=0.8, selak rok=0.8, cuma memakai sepatunya saja=0.85, hanya mengenakan sepatunya=0.85, tidak pakai apa-apa selain sepatu=0.85, nggak pakai apa-apa selain sepatu=0.85, tanpa apa pun kecuali sepatu=0.85, cuma pakai kaus kaki doang=0.85, yang dipakai cuma sepatu=0.85, sehelai kain pun=0.8, sehelai benang pun=0.8, secuil kain pun=0.8, satu helai kain pun=0.8, tak ada kain di tubuhnya=0.8",
        "it": "solo con le scarpe=0.85, solo con le sue scarpe=0.85, con addosso solo le scarpe=0.85, solo con le scarpe addosso=0.85, nient'altro che le scarpe=0.85, con indosso solo le scarpe=0.85, solo le scarpe addosso=0.85, nient'altro addosso che le scarpe=0.85, solo con i calzini addosso=0.85, neanche un pezzo di stoffa=0.8, nemmeno un filo addosso=0.8, neanche un filo di stoffa=0.8, non un solo pezzo di stoffa=0.8, manco un filo addosso=0.8, nessun tessuto sul corpo=0.8",
        "ja": "布が一枚も=0.8, 靴だけ履いた姿=0.85, 靴しか身につけていない=0.85, 靴以外何も身につけていない=0.85, 靴だけの姿=0.85, 靴下だけの姿=0.85, 靴しか履いてない状態=0.85, 靴以外は何も着ていない=0.85, 布切れ一枚も=0.8, 布一枚残さず=0.8, 一枚の布も=0.8, 体に布一枚も=0.8",
        "ko": "속이 비치게=0.85, 속이 비치도록=0.85, 속살이 비치게=0.85, 안 입었을 때=0.8, 안 입은 모습=0.8, 안 입은 상태=0.8, 천 조각 하나도=0.8, 신발만 신고=0.85, 구두만 신고=0.85, 양말만 신고=0.85, 신발만 신은 채=0.85, 신발 빼고 아무것도 안 입은=0.85, 신발 말고는 아무것도 안 걸친=0.85, 양말만 신은 채=0.85, 구두만 신은 채=0.85, 걸친 건 신발뿐=0.85, 천 한 조각도=0.8, 실오라기 하나=0.8, 천 쪼가리 하나도=0.8, 몸에 천 한 장도=0.8",
        "ms": "kurang baju=0.8, kurangkan baju=0.8, selak kain=0.8, selakkan kain=0.8, selak baju=0.8, pakai kasut je=0.85, pakai kasut sahaja=0.85, pakai kasut saja=0.85, hanya memakai kasutnya=0.85, tak pakai apa-apa selain kasut=0.85, tiada apa-apa kecuali kasut=0.85, tak pakai apa-apa selain sarung kaki=0.85, yang tinggal hanya kasut di badan=0.85, cuma berkasut, lain tak ada=0.85, sehelai kain pun=0.8, seurat benang pun=0.8, secebis kain pun=0.8, sehelai benang pun=0.8, tiada kain di badan=0.8",
        "nl": "alleen nog haar schoenen aan=0.85, alleen nog zijn schoenen aan=0.85, niets aan behalve haar schoenen=0.85, niets aan behalve zijn schoenen=0.85, alleen haar schoenen nog aan=0.85, met alleen haar sokken aan=0.85, niks anders aan dan zijn schoenen=0.85, geen enkel stukje stof=0.8, geen draad meer aan=0.8, geen draadje meer aan=0.8, geen stukje stof meer=0.8, geen lapje stof meer=0.8, geen draad meer aan zijn lijf=0.8",
        "pl": "ani kawałek materiału=0.8, ani kawałek ubrania=0.8, w samych butach=0.85, w samych skarpetkach=0.85, w samych trampkach=0.85, ma na sobie tylko buty=0.85, zostały jej tylko buty=0.85, zostały mu tylko buty=0.85, nie ma nic na sobie oprócz butów=0.85, ani kawałka materiału=0.8, ani skrawka materiału=0.8, ani nitki na sobie=0.8, żadnego materiału na ciele=0.8, ani jednego ciucha=0.8",
        "pt": "so de sapato=0.85, só de sapatos=0.85, só de tênis=0.85, só com os sapatos nos pés=0.85, nada além dos sapatos=0.85, vestindo apenas os sapatos=0.85, usando só os sapatos=0.85, só de meias=0.85, apenas com os sapatos calçados=0.85, nem um pedaço de pano=0.8, nem um fiapo de roupa=0.8, nem um pedacinho de tecido=0.8, nenhum pano no corpo=0.8, nenhuma peça no corpo=0.8",
        "ro": "doar în pantofi=0.85, numai în pantofi=0.85, doar în adidași=0.85, doar cu pantofii în picioare=0.85, nimic pe ea în afară de pantofi=0.85, nimic pe el în afară de pantofi=0.85, rămasă doar în pantofi=0.85, rămas doar în șosete=0.85, nicio bucată de material=0.8, nicio bucățică de material=0.8, nici măcar un fir pe ea=0.8, nici un fir pe el=0.8, nicio haină pe corp=0.8",
        "ru": "минус одежда=0.85, ни клочка ткани=0.8, ни клочка одежды=0.8, только в туфлях=0.85, только в обуви=0.85, в одних туфлях=0.85, в одних ботинках=0.85, в одних кроссовках=0.85, в одних носках=0.85, на ней только туфли=0.85, на нём только ботинки=0.85, из одежды только обувь=0.85, ни единого клочка ткани=0.8, ни нитки на ней=0.8, ни нитки на нём=0.8, ни клочка одежды=0.8, ни лоскутка ткани=0.8",
        "sv": "tygbit kvar på=0.8, bara i skorna=0.85, står där i skorna=0.85, bara står i skorna=0.85, bara i strumporna=0.85, i bara skorna=0.85, i bara strumporna=0.85, bara skorna på sig=0.85, bara strumporna på sig=0.85, inget annat på sig än skorna=0.85, ingenting på sig förutom skorna=0.85, i bara sina skor=0.85, inte en enda bit tyg=0.8, inte en tråd på sig=0.8, ingen tygbit kvar=0.8, inget tyg kvar på kroppen=0.8",
        "th": "เหลือแค่ผ้าเช็ดตัว=0.8, เหลือแต่ผ้าเช็ดตัว=0.8, ไม่ใส่อะไรเลยนอกจากรองเท้า=0.85, ไม่ได้ใส่อะไรนอกจากรองเท้า=0.85, มีแค่รองเท้าติดตัว=0.85, บนตัวมีแค่รองเท้า=0.85, สวมเพียงรองเท้าอย่างเดียว=0.85, ไม่ใส่อะไรนอกจากถุงเท้า=0.85, ไม่เหลือผ้าสักชิ้น=0.8, ไม่ให้มีผ้าสักชิ้น=0.8, ไม่มีผ้าสักผืน=0.8, ไม่มีผ้าติดตัว=0.8, ไม่มีผ้าสักชิ้นบนตัว=0.8",
        "tr": "her seyini cikarmis=0.85, her seyini cikar=0.85, ustundekileri bi ucur=0.85, ustundekileri ucur=0.85, sadece ayakkabılarıyla=0.85, yalnızca ayakkabılarıyla=0.85, sadece çoraplarıyla=0.85, üstünde sadece ayakkabıları=0.85, üzerinde ayakkabılarından başka bir şey=0.85, sadece ayakkabıları kalsın=0.85, sadece ayakkabıları üstünde=0.85, tek bir parça kumaş=0.8, tek parça kumaş kalmasın=0.8, üstünde tek iplik=0.8, vücudunda kumaş kalmasın=0.8, üzerinde bir tel bile=0.8",
        "uk": "тільки у туфлях=0.85, тільки в туфлях=0.85, лише у туфлях=0.85, лише в туфлях=0.85, в самих туфлях=0.85, у самих туфлях=0.85, в самих кросівках=0.85, в самих шкарпетках=0.85, на ній лише туфлі=0.85, на ньому лише черевики=0.85, з одягу лише взуття=0.85, жодного клаптика тканини=0.8, жодного шматочка тканини=0.8, ані нитки на ній=0.8, ані нитки на ньому=0.8",
        "ur": "صرف جوتے پہنے=0.85, بدن پر صرف جوتے=0.85, تن پر صرف جوتے=0.85, بس جوتے پہنے ہوئے=0.85, صرف موزے پہنے=0.85, جوتوں کے سوا بدن پر کچھ نہ=0.85, کپڑے کا ایک ٹکڑا بھی=0.8, کپڑے کا ایک بھی ٹکڑا=0.8, بدن پر ایک دھاگا بھی=0.8",
        "ur-latn": "kapre ar paar=0.85, kapray ar paar=0.85, kapde ar paar=0.85, kapre aar paar=0.85, kapray aar paar=0.85, kapde aar paar=0.85, sirf jooton mein=0.85, sirf joote mein=0.85, sirf joote pehne=0.85, sirf shoes pehne=0.85, jism pe sirf joote=0.85, bas joote pehne hue=0.85, sirf jurabein pehne=0.85, jooton ke ilawa jism pe kuch=0.85, kapre ka ek tukra bhi=0.8, jism pe ek dhaaga bhi=0.8, kapre ka ek bhi tukra=0.8",
        "vi": "^không mặc áo=0.8, ^xóa chiếc váy, ^xóa cái váy, k mac do j=0.85, k mac do gi=0.85, ko mac do j=0.85, ko mac do gi=0.85, khong mac do gi=0.85, k mac gi=0.85, ko mac gi=0.85, hok mac gi=0.85, k mac j=0.85, ko mac j=0.85, hok mac j=0.85, khong mac j=0.85, chi con mang giay=0.85, chi mang giay=0.85, chi mang moi doi giay=0.85, trên người chỉ còn đôi giày=0.85, không mặc gì ngoài đôi giày=0.85, không mặc gì trừ đôi giày=0.85, chỉ mang mỗi đôi giày=0.85, chỉ đi mỗi đôi tất=0.85, chỉ còn mỗi đôi giày trên người=0.85, một mảnh vải nào=0.8, không còn mảnh vải nào=0.8, không một mảnh vải=0.8, mảnh vải che thân=0.8",
        "zh": "只穿着鞋=0.85, 只穿着一双鞋=0.85, 身上只剩鞋子=0.85, 除了鞋什么都没穿=0.85, 只穿着袜子=0.85, 全身只有一双鞋=0.85, 除了鞋子什么都不穿=0.85, 一块布都不剩=0.8, 一丝布料都没有=0.8, 身上一块布都没有=0.8, 一片布都不留=0.8",
    },
    K.TEXT_NUDITY: {
        "he-latn": "be erom=0.9, ba erom=0.9",
        "ja-latn": "mappadaka=0.8, suppadaka=0.8, suppon pon=0.8, no bura=0.8, tebura=0.8, hadaka epuron=0.8",
        "ru-latn": "golyshom=0.8, golaya grud=0.8, v stile nyu=0.8",
        "zh-latn": "guang pigu=0.8, luolu=0.8, renti yishu=0.8, guang shenzi=0.8",
        "ar": "مغطاة بالبخار=0.8, يغطيها البخار=0.8, يداها تغطيان صدرها=0.8, شعرها يغطي صدرها=0.8, "
        "لا ترتدي سوى ابتسامة=0.8, بدون حمالة صدر=0.8, بدون سنتيان=0.8, بدون ستيان=0.8, "
        "بدون كيلوت=0.8, "
        "عريانة=0.8, عريانه=0.8, عريان=0.8, عريانين=0.8, التعري=0.8, متعرية=0.8, بالزلط=0.8, عاريه=0.8, "
        "صدر مكشوف=0.8, بلا هدوم=0.8, "
        "لم تكن ترتدي أي شيء=0.8, لا ترتدي أي شيء=0.8, لا ترتدي شيئا=0.8, مش لابسه حاجه=0.8, ما لابسه شي=0.8, لو لم تكن ترتدي شيئاً=0.8, لو لم يكن يرتدي شيئاً=0.8, لو ما كانت لابسة شي=0.8, لو مش لابسة حاجة=0.8, لو ما عليها شي=0.8, لو كانت بدون ملابس=0.8, لو كان بدون ملابس=0.8",
        "ar-latn": "3ariyeh=0.8, mal6=0.8, bala hdoum=0.8, bidun malabis=0.8, "
        "bala tyab=0.8, bala teyeb=0.8, bala tiyab=0.8, bila tyab=0.8, bidoun tyab=0.8, bdoun tyab=0.8, bdun tiyab=0.8, "
        "bala 7doom=0.8, bala 7doum=0.8, bidoun 7doom=0.8, "
        "law ma kanet labsa shi=0.8, law mesh labsa 7aga=0.8, law ma 3aleha shi=0.8, law mosh labes 7aga=0.8, law kanet bala hdoum=0.8, law ma kan labes shi=0.8",
        "bn": "বাষ্পে ঢাকা=0.8, হাত দিয়ে স্তন ঢাকা=0.8, চুল দিয়ে স্তন ঢাকা=0.8, শুধু হাসি পরে=0.8, "
        "ভেতরে কিছু পরেনি=0.8, প্যান্টি ছাড়া=0.8, অন্তর্বাস ছাড়া=0.8, খোলা শরীর=0.8, উদোম গা=0.8, "
        "বস্ত্রহীন=0.8, উদোম=0.8, উদাম=0.8, উদোম গায়ে=0.8, ব্রা ছাড়া=0.8, বুক খোলা=0.8, প্যান্ট ছাড়া=0.8, "
        "কাপড়চোপড় ছাড়া=0.8, বেআব্রু=0.8, অনাবৃত=0.8, "
        "গায়ে কিছু না থাকলে=0.8, কিছু না পরে=0.8, কিছুই না পরে=0.8, যদি ও কিছু না পরত=0.8, যদি ওর গায়ে কিছু না থাকত=0.8, যদি কিছুই না পরে থাকত=0.8, যদি গায়ে কোনো কাপড় না থাকত=0.8, কিছু না পরলে কেমন=0.8, যদি জামাকাপড় না পরত=0.8",
        "bn-latn": "udom=0.8, bostrohin=0.8, "
        "jodi o kichu na porto=0.8, jodi gaye kichu na thakto=0.8, jodi kichui na pore thakto=0.8, kichu na porle kemon=0.8, jodi jama kapor na porto=0.8",
        "cs": "zakryta parou=0.8, ruce zakryvajici prsa=0.8, vlasy zakryvajici prsa=0.8, jen prosteradlo=0.8, "
        "zakryta jen prosteradlem=0.8, oblecena jen do usmevu=0.8, nic pod tim=0.8, bez podprsenky=0.8, "
        "bez spodniho pradla=0.8, nahore bez=0.8, "
        "nudistka=0.8, nudista=0.8, naturista=0.8, nahe prsa=0.8, polonaha=0.8, nahatka=0.8, nudismus=0.8, "
        "naturismus=0.8, bez kalhotek=0.8, s holym zadkem=0.8, "
        "kdyby na sobě nic neměla=0.8, kdyby na sobě nic neměl=0.8, kdyby neměla nic na sobě=0.8, kdyby neměl nic na sobě=0.8, kdyby byla bez oblečení=0.8, kdyby nic nenosila=0.8",
        "de": "vom dampf verdeckt=0.8, vom dampf verhullt=0.8, hande bedecken ihre brust=0.8, "
        "haare bedecken ihre brust=0.8, nur mit einem lacheln bekleidet=0.8, nur mit schmuck bekleidet=0.8, "
        "ohne unterwasche=0.8, ohne hoschen=0.8, "
        "textilfrei=0.8, barbusig=0.8, busenfrei=0.8, unten ohne=0.8, nackedeis=0.8, halbnackt=0.8, "
        "splitterfasernackt=0.8, nudistin=0.8, freikorperkultur=0.8, aktfotografie=0.8, aktfoto=0.8, "
        "aktmodell=0.8, aktmalerei=0.8, aktbild=0.8, aktstudie=0.8, fkk strand=0.8, "
        "wenn sie nichts anhätte=0.8, wenn er nichts anhätte=0.8, wenn sie nichts an hätte=0.8, wenn sie nichts tragen würde=0.8, wenn er nichts tragen würde=0.8, wenn sie gar nichts anhat=0.8",
        "el": "καλυμμενη απο ατμο=0.8, χερια καλυπτουν το στηθος=0.8, μαλλια καλυπτουν το στηθος=0.8, "
        "ντυμενη μονο με ενα χαμογελο=0.8, τιποτα απο μεσα=0.8, χωρις σουτιεν=0.8, "
        "χωρις εσωρουχα=0.8, με τα αδαμιαια=0.8, αδαμιαια περιβολη=0.8, "
        "ξεβρακωτη=0.8, ξεντυμενη=0.8, ξεγυμνωμενη=0.8, ημιγυμνη=0.8, μισογυμνη=0.8, γυμνισμος=0.8, "
        "γυμνιστες=0.8, γυμνιστρια=0.8, γυμνοτητα=0.8, ξεβρακωτος=0.8, "
        "αν δεν φορούσε τίποτα=0.8, αν δε φορούσε τίποτα=0.8, αν δεν είχε τίποτα πάνω της=0.8, αν δεν είχε τίποτα πάνω του=0.8, αν ήταν χωρίς ρούχα=0.8, αν δεν φορούσε ρούχα=0.8",
        "en": "censored by steam=0.8, covered by steam=0.8, strategically placed hands=0.8, "
        "strategically placed leaves=0.8, strategically covered=0.8, modesty covered by=0.8, "
        "covering her modesty=0.8, hand bra=0.8, hair bra=0.8, wearing only a smile=0.8, "
        "wearing only high heels=0.8, wearing only stockings=0.8, wearing only an apron=0.8, "
        "wearing only body paint=0.8, nothing under her robe=0.8, "
        "from behind without clothes=0.8, implied nudity=0.8, "
        "unclad=0.8, undraped=0.8, unattired=0.8, unrobed=0.8, clothesless=0.8, clothingless=0.8, "
        "wearing no clothes=0.8, not wearing any clothes=0.8, with no clothes on=0.8, no clothes on=0.8, "
        "naked as a jaybird=0.8, bare naked=0.8, bollock naked=0.8, stark bollock naked=0.8, nekid=0.8, "
        "nekked=0.8, nakie=0.8, nakies=0.8, noods=0.8, nvde=0.8, nud3=0.8, n4ked=0.8, nak3d=0.8, nudie=0.8, "
        "nudies=0.8, nudey=0.8, in the nuddy=0.8, breasts out=0.8, one breast out=0.8, boobs out=0.8, "
        "tits out=0.8, nip slip=0.8, no bra=0.8, braless=0.8, no panties=0.8, pantyless=0.8, "
        "no underwear=0.8, bare bottomed=0.8, bare assed=0.8, bare ass=0.8, bare bum=0.8, streaker=0.8, "
        "nudism=0.8, naturism=0.8, nudists=0.8, naturists=0.8, nudify=0.8, nudifier=0.8, nudified=0.8, "
        "topfree=0.8, convenient censoring=0.8, heart censor=0.8, steam censor=0.8, novelty censor=0.8, "
        "decensored=0.8, dishabille=0.8, "
        "isnt wearing anything=0.8, isn't wearing anything=0.8, wasnt wearing anything=0.8, with nothing on her=0.8, "
        "if she wasn't wearing anything=0.8, if she weren't wearing anything=0.8, if he wasn't wearing anything=0.8, if she had nothing on=0.8, if he had nothing on=0.8, if she wore nothing=0.8, if she wasn't wearing any clothes=0.8",
        "es": "cubierta por el vapor=0.8, tapada por el vapor=0.8, manos cubriendo sus pechos=0.8, "
        "pelo cubriendo sus pechos=0.8, vestida solo con una sonrisa=0.8, solo con tacones=0.8, "
        "sin ropa interior=0.8, sin bragas=0.8, piel al descubierto=0.8, "
        "en cueros vivos=0.8, "
        "empelotada=0.8, empelotado=0.8, chichis al aire=0.8, sin nada puesto=0.8, medio desnuda=0.8, "
        "pechos al aire=0.8, tetas al aire=0.8, culo al aire=0.8, nudista=0.8, nudismo=0.8, naturista=0.8, "
        "naturismo=0.8, desnudita=0.8, en traje de eva=0.8, en traje de adan=0.8, sin sosten=0.8, "
        "toples=0.8, en cueritos=0.8, "
        "si no llevara nada puesto=0.8, si no tuviera nada puesto=0.8, si no llevase nada puesto=0.8, si no llevara ropa=0.8, si estuviera sin nada de ropa=0.8, si no trajera nada puesto=0.8",
        "fa": "پشت بخار پنهان=0.8, بخار جلوشو گرفته=0.8, دستاش سینه‌شو پوشونده=0.8, موهاش سینه‌شو پوشونده=0.8, "
        "فقط یه لبخند تنشه=0.8, زیرش هیچی نپوشیده=0.8, بدون سوتین=0.8, بی سوتین=0.8, بدن بی پوشش=0.8, "
        "لخت شده=0.8, دختر لخت=0.8, زن لخت=0.8, نیمه لخت=0.8, برهنگی=0.8, بدون شورت=0.8, سوتین نپوشیده=0.8, "
        "بی لباس شده=0.8, سینه لخت=0.8, "
        "بدون هیچی تنش=0.8, هیچی تنش نبود=0.8, هیچی تنش نباشه=0.8, چیزی تنش نبود=0.8, اگه هیچی تنش نبود=0.8, اگر چیزی تنش نبود=0.8, اگر هیچ لباسی نپوشیده بود=0.8, اگه لباس تنش نبود=0.8, اگر لباسی به تن نداشت=0.8, اگه هیچی نپوشیده بود=0.8",
        "fa-latn": "lokhte lokht=0.8, lokht madarzad=0.8, nime lokht=0.8, "
        "age hichi tanesh nabood=0.8, age hichi tanesh nabud=0.8, age chizi tanesh nabud=0.8, age lebas tanesh nabood=0.8, age hichi napooshide bood=0.8",
        "fr": "cachee par la vapeur=0.8, censuree par la vapeur=0.8, mains cachant sa poitrine=0.8, "
        "cheveux couvrant sa poitrine=0.8, vetue seulement d un sourire=0.8, vetements jetes par terre=0.8, "
        "en costume d eve=0.8, en costume d adam=0.8, "
        "sans culotte=0.8, sans soutien gorge=0.8, "
        "nue comme un ver=0.8, nu comme un ver=0.8, devetue=0.8, devetu=0.8, cul nu=0.8, fesses a l air=0.8, "
        "naturisme=0.8, naturiste=0.8, nudiste=0.8, nudisme=0.8, nu integral=0.8, nue integrale=0.8, "
        "nu artistique=0.8, seminue=0.8, a moitie nue=0.8, dans son plus simple appareil=0.8, "
        "poitrine nue=0.8, toute a poil=0.8, tout a poil=0.8, a poil integral=0.8, "
        "si elle ne portait rien=0.8, s'il ne portait rien=0.8, si elle n'avait rien sur elle=0.8, s'il n'avait rien sur lui=0.8, si elle était sans vêtements=0.8, si elle n'avait rien sur le dos=0.8, s'il n'avait rien sur le dos=0.8",
        "he": "מכוסה באדים=0.8, האדים מסתירים=0.8, ידיים מכסות את החזה=0.8, שיער מכסה את החזה=0.8, "
        "לבושה רק בחיוך=0.8, רק בעקבים=0.8, ללא תחתונים=0.8, "
        "חשופת חזה=0.8, חצי ערומה=0.8, חצי עירומה=0.8, נודיסטית=0.8, נודיסטים=0.8, בלי חזייה=0.8, "
        "נודיזם=0.8, במערומיה=0.8, במערומיו=0.8, חזה חשוף=0.8, ישבן חשוף=0.8, בלי תחתונים=0.8, "
        "ללא חזייה=0.8, "
        "אם היא לא הייתה לובשת כלום=0.8, אם הוא לא היה לובש כלום=0.8, אם לא היה עליה כלום=0.8, אם לא היה עליו כלום=0.8, אם היא הייתה בלי בגדים=0.8, אם הוא היה בלי בגדים=0.8",
        "hi": "भाप से ढकी=0.8, हाथों से स्तन ढके=0.8, बालों से स्तन ढके=0.8, सिर्फ मुस्कान पहने=0.8, "
        "अंदर कुछ नहीं=0.8, बिना पैंटी=0.8, बिना अंडरवियर=0.8, सिर्फ हील्स पहने=0.8, "
        "नंगे बदन=0.8, वस्त्रहीन=0.8, कपड़े उतारे हुए=0.8, न्यूडिटी=0.8, उघाड़ा बदन=0.8, ब्रा के बिना=0.8, "
        "बिना ब्रा=0.8, खुले बदन=0.8, निर्वसन=0.8, बेलिबास=0.8, "
        "कुछ भी नहीं पहना=0.8, कुछ नहीं पहना=0.8, अगर उसने कुछ नहीं पहना होता=0.8, अगर उसने कुछ भी न पहना हो=0.8, अगर उसके बदन पर कुछ न हो=0.8, अगर उसके तन पर कुछ न होता=0.8, अगर उसने कपड़े न पहने होते=0.8, अगर वो कपड़ों के बिना होती=0.8, बिना कुछ पहने=0.8",
        "hi-latn": "nange badan=0.8, bina kapdon ke=0.8, nagn=0.8, nirvastra=0.8, ardhnagn=0.8, "
        "agar usne kuch na pehna ho=0.8, agar usne kuch nahi pehna hota=0.8, agar isne kuch na pehna ho=0.8, agar badan pe kuch na ho=0.8, agar kapde na pehne hote=0.8, bina kuch pehne=0.8",
        "id": "tertutup uap=0.8, tangan menutupi dada=0.8, rambut menutupi dada=0.8, hanya memakai senyuman=0.8, "
        "tidak pakai apa apa di dalam=0.8, dalamnya tidak pakai apa apa=0.8, tanpa daleman=0.8, "
        "tanpa bh=0.8, tanpa pakaian dalam=0.8, "
        "tidak berbusana=0.8, tak berbusana=0.8, nudis=0.8, naturis=0.8, tanpa bra=0.8, "
        "tanpa celana dalam=0.8, tanpa sehelai pakaian=0.8, tanpa beha=0.8, tanpa kutang=0.8, "
        "ga pake celana=0.8, nggak pakai celana=0.8, tanpa sehelai kain=0.8, "
        "gak pake apa2=0.8, gak pake apa apa=0.8, ga pake apa2=0.8, nggak pake apa2=0.8, kalau dia tidak pakai apa-apa=0.8, kalau dia nggak pakai apa-apa=0.8, kalau dia gak pake apa-apa=0.8, jika dia tidak mengenakan apa pun=0.8, kalau nggak pakai baju=0.8, kalau tanpa busana=0.8",
        "it": "coperta dal vapore=0.8, nascosta dal vapore=0.8, mani che coprono il seno=0.8, "
        "capelli che coprono il seno=0.8, vestita solo di un sorriso=0.8, solo con i tacchi=0.8, "
        "vestiti per terra=0.8, senza mutandine=0.8, senza reggiseno=0.8, "
        "in costume adamitico=0.8, in abiti adamitici=0.8, "
        "nudita=0.8, nudista=0.8, naturista=0.8, a seno scoperto=0.8, tutta nuda=0.8, biotta=0.8, "
        "ignuda=0.8, ignudo=0.8, ignude=0.8, nudo artistico=0.8, mezza nuda=0.8, "
        "se non avesse niente addosso=0.8, se non avesse nulla addosso=0.8, se non indossasse niente=0.8, se non indossasse nulla=0.8, se non portasse niente=0.8, se fosse senza niente addosso=0.8",
        "ja": "湯気で隠れ=0.8, 湯気隠し=0.8, 謎の湯気=0.8, 髪ブラ=0.8, 局部隠し=0.8, 脱ぎ捨てた服=0.8, 穿いてない=0.8, 見えそうで見えない=0.8, 裸Yシャツ=0.8, "
        "肌色面積=0.8, "
        "真っ裸=0.8, まっぱ=0.8, マッパ=0.8, ノーブラ=0.8, ノーパン=0.8, 裸婦=0.8, 裸エプロン=0.8, 手ブラ=0.8, ハダカ=0.8, 裸身=0.8, "
        "露出狂=0.8, "
        "何も着ていなかった=0.85, 何も着てなかった=0.85, 何も着ていなかったら=0.8, 何も着てなかったら=0.8, 何も身につけていなかったら=0.8, 服を着ていなかったら=0.8, 服を着てなかったら=0.8, 何も着ていない状態だったら=0.8",
        "ko": "김으로 가려진=0.8, 수증기로 가려진=0.8, 손브라=0.8, 손으로 가슴을 가린=0.8, 머리카락으로 가슴을 가린=0.8, 벗어 던진 옷=0.8, "
        "안에 아무것도 안 입고=0.8, 속옷 없이=0.8, 중요 부위를 가린=0.8, "
        "나신=0.8, 반라=0.8, 노브라=0.8, 노팬티=0.8, 상의 탈의=0.8, 상의탈의=0.8, 전라 노출=0.8, "
        "아무것도 안 입으면=0.8, 아무것도 안 걸치면=0.8, 아무것도 안 걸친=0.8, 아무것도 걸치지 않은=0.8, 아무것도 입지 않은=0.8, 아무것도 안 입었=0.8, 아무것도 안 입은=0.8, 아무것도 안 입었으면=0.8, 아무것도 안 입고 있으면=0.8, 아무것도 걸치지 않았다면=0.8, 옷을 안 입었다면=0.8, 아무것도 입지 않았다면=0.8, 옷 안 입으면=0.8",
        "ms": "ditutupi wap=0.8, tangan menutup dada=0.8, rambut menutup dada=0.8, hanya memakai senyuman=0.8, "
        "tanpa baju dalam=0.8, tak pakai baju dalam=0.8, tak pakai coli=0.8, "
        "tak pakai baju=0.8, tk pakai baju=0.8, tak pkai baju=0.8, x pakai baju=0.8, x pkai baju=0.8, "
        "tanpa pakaian dalam=0.8, "
        "separuh bogel=0.8, naturis=0.8, nudis=0.8, dedah badan=0.8, mendedahkan tubuh=0.8, bogel habis=0.8, "
        "tanpa seurat pakaian=0.8, tak berseluar=0.8, tanpa coli=0.8, tanpa seluar dalam=0.8, "
        "kalau dia tak pakai apa-apa=0.8, jika dia tidak memakai apa-apa=0.8, kalau dia tak berpakaian=0.8, kalau tak pakai baju=0.8, jika tiada apa-apa di badannya=0.8, kalau dia tak pakai apa2=0.8",
        "nl": "bedekt door stoom=0.8, handen over haar borsten=0.8, haar over haar borsten=0.8, "
        "gekleed in alleen een glimlach=0.8, zonder beha=0.8, "
        "zonder slipje=0.8, zonder ondergoed=0.8, textielvrij=0.8, blote huid=0.8, "
        "moedernaakt=0.8, poedelnaakt=0.8, halfnaakt=0.8, ontbloot=0.8, ontblote=0.8, blote borsten=0.8, "
        "blote billen=0.8, bloot bovenlijf=0.8, naturisme=0.8, nudisme=0.8, "
        "als ze niets aan had=0.8, als hij niets aan had=0.8, als ze niks aanhad=0.8, als hij niks aanhad=0.8, als ze geen kleren aan had=0.8, als ze niks zou dragen=0.8",
        "pl": "zakryta para=0.8, przyslonieta para=0.8, dlonie zakrywajace piersi=0.8, "
        "wlosy zakrywajace piersi=0.8, tylko przescieradlo=0.8, okryta tylko przescieradlem=0.8, "
        "ubrana tylko w usmiech=0.8, bez stanika=0.8, bez majtek=0.8, bez bielizny=0.8, "
        "w neglizu=0.8, "
        "nagusienka=0.8, nagusienki=0.8, golutka=0.8, golutenka=0.8, polnaga=0.8, pol naga=0.8, "
        "nudystka=0.8, naturystka=0.8, nagie piersi=0.8, obnazona=0.8, obnazony=0.8, nudyzm=0.8, "
        "naturyzm=0.8, "
        "wygladala bez niczego=0.8, wygladal bez niczego=0.8, bez niczego na sobie=0.85, gdyby nic na sobie nie miała=0.8, gdyby nic na sobie nie miał=0.8, gdyby nie miała nic na sobie=0.8, gdyby nie miał nic na sobie=0.8, gdyby była bez ubrania=0.8, gdyby nic nie miała na sobie=0.8",
        "pt": "coberta pelo vapor=0.8, escondida pelo vapor=0.8, maos cobrindo os seios=0.8, "
        "cabelo cobrindo os seios=0.8, vestida so com um sorriso=0.8, so de salto alto=0.8, "
        "sem roupa intima=0.8, pele a mostra=0.8, "
        "em trajes de adao=0.8, "
        "nuinha=0.8, seminua=0.8, seios a mostra=0.8, peitos de fora=0.8, naturismo=0.8, nudismo=0.8, "
        "nudista=0.8, naturista=0.8, toples=0.8, em trajes de eva=0.8, sem calcinha=0.8, "
        "ficaria sem nada=0.8, ficasse sem nada=0.8, sem nada no corpo=0.8, se ela não estivesse vestindo nada=0.8, se ele não estivesse vestindo nada=0.8, se ela não tivesse nada no corpo=0.8, se ele não tivesse nada no corpo=0.8, se ela estivesse sem roupa=0.8, se ela não usasse nada=0.8, se não tivesse nada vestido=0.8",
        "ro": "acoperita de abur=0.8, mainile acoperindu i sanii=0.8, parul acoperindu i sanii=0.8, "
        "doar un cearceaf=0.8, acoperita doar cu un cearceaf=0.8, imbracata doar cu un zambet=0.8, "
        "haine pe jos=0.8, fara sutien=0.8, fara chiloti=0.8, "
        "fara lenjerie intima=0.8, in costumul evei=0.8, in costumul lui adam=0.8, "
        "goala goluta=0.8, dezgolita=0.8, dezgolit=0.8, nudista=0.8, naturista=0.8, cu sanii goi=0.8, "
        "sanii goi=0.8, bustul gol=0.8, nudism=0.8, naturism=0.8, goliciune=0.8, "
        "dacă n-ar avea nimic pe ea=0.8, dacă n-ar avea nimic pe el=0.8, dacă nu ar avea nimic pe ea=0.8, dacă nu ar purta nimic=0.8, dacă n-ar purta nimic=0.8, dacă ar fi fără haine=0.8",
        "ru": "скрыта паром=0.8, прикрыта паром=0.8, руками закрывает грудь=0.8, в одном полотенце=0.8, "
        "одета только в улыбку=0.8, ничего под халатом=0.8, без белья=0.8, без лифчика=0.8, "
        "без трусиков=0.8, в неглиже=0.8, в одних чулках=0.8, "
        "раздетая=0.8, раздетый=0.8, раздетые=0.8, голенькие=0.8, голенький=0.8, полуголая=0.8, "
        "полуголые=0.8, нудистка=0.8, нудисты=0.8, нудистский=0.8, натуристка=0.8, в стиле ню=0.8, "
        "фото ню=0.8, с голой грудью=0.8, нагота=0.8, наготу=0.8, нагие=0.8, голая грудь=0.8, "
        "выглядела бы без всего=0.8, выглядел бы без всего=0.8, совсем без всего=0.8, если бы на ней ничего не было=0.8, если бы на нём ничего не было=0.8, если бы она была без одежды=0.8, если бы он был без одежды=0.8, если бы на ней не было одежды=0.8, если бы она ничего не носила=0.8",
        "sv": "tackt av anga=0.8, hander over brosten=0.8, har over brosten=0.8, kladd bara i ett leende=0.8, "
        "utan bh=0.8, utan trosor=0.8, utan underklader=0.8, barbrostad=0.8, "
        "i adamskostym=0.8, i evas drakt=0.8, "
        "nakenhet=0.8, naket=0.8, spritt naken=0.8, avkladd=0.8, okladd=0.8, nakenbad=0.8, nakenbadare=0.8, "
        "nakenmodell=0.8, nakenfoto=0.8, nudism=0.8, naturism=0.8, "
        "utan nåt på sig=0.85, utan något på sig=0.85, om hon inte hade något på sig=0.8, om han inte hade något på sig=0.8, om hon inte hade någonting på sig=0.8, om hon inte hade några kläder=0.8, om hon var utan kläder=0.8, om hon inte bar något=0.8",
        "th": "ไอน้ำบัง=0.8, ไอน้ำบดบัง=0.8, มือปิดหน้าอก=0.8, ผมปิดหน้าอก=0.8, ข้างในไม่ได้ใส่อะไร=0.8, "
        "ไม่ใส่บรา=0.8, ไม่ใส่กางเกงใน=0.8, ไม่ใส่ชุดชั้นใน=0.8, "
        "ไม่ใส่ยกทรง=0.8, โนบรา=0.8, ไม่ใส่ชั้นใน=0.8, โชว์นม=0.8, โชว์หน้าอก=0.8, เปิดนม=0.8, นมหลุด=0.8, "
        "เห็นหัวนม=0.8, ไม่นุ่งผ้า=0.8, "
        "ถ้าเธอไม่ได้ใส่อะไรเลย=0.8, ถ้าเขาไม่ได้ใส่อะไรเลย=0.8, ถ้าไม่ใส่อะไรเลย=0.8, ถ้าไม่ได้สวมอะไร=0.8, ถ้าไม่มีอะไรปิดตัว=0.8, ถ้าไม่ใส่เสื้อผ้า=0.8",
        "tr": "buharla kapanmis=0.8, buharla sansurlenmis=0.8, elleriyle goguslerini kapatmis=0.8, "
        "saclari goguslerini kapatmis=0.8, sadece bir gulumseme giymis=0.8, yere sacilmis kiyafetler=0.8, "
        "altinda hicbir sey giymemis=0.8, altsiz=0.8, sadece topuklularla=0.8, "
        "donsuz=0.8, naturizm=0.8, nudizm=0.8, gogusleri acik=0.8, kiyafetlerini cikarmis=0.8, "
        "ic camasirsiz=0.8, memeleri acik=0.8, nudist plaji=0.8, "
        "üstünde hiçbir şey olmasa=0.8, üzerinde hiçbir şey olmasa=0.8, hiçbir şey giymeseydi=0.8, hiçbir şey giymemiş olsaydı=0.8, üstünde hiçbir şey olmasaydı=0.8, üzerinde hiçbir şey olmasaydı=0.8, kıyafetsiz olsaydı=0.8, hiç kıyafeti olmasaydı=0.8",
        "uk": "прикрита парою=0.8, руками закриває груди=0.8, волосся закриває груди=0.8, в одному рушнику=0.8, "
        "вдягнена лише в усмішку=0.8, нічого під халатом=0.8, без білизни=0.8, без ліфчика=0.8, "
        "без трусиків=0.8, в негліже=0.8, в одних панчохах=0.8, "
        "роздягнена=0.8, роздягнений=0.8, напівгола=0.8, напівоголена=0.8, нагота=0.8, нагість=0.8, "
        "голенька=0.8, нудистка=0.8, нудисти=0.8, в стилі ню=0.8, голі груди=0.8, "
        "якби на ній нічого не було=0.8, якби на ньому нічого не було=0.8, якби вона була без одягу=0.8, якби він був без одягу=0.8, якби вона нічого не носила=0.8",
        "ur": "بھاپ سے ڈھکی=0.8, ہاتھوں سے سینہ ڈھکے=0.8, بالوں سے سینہ ڈھکا=0.8, صرف مسکراہٹ پہنے=0.8, "
        "اندر کچھ نہیں=0.8, برا کے بغیر=0.8, بغیر برا=0.8, بغیر انڈرویئر=0.8, کھلا جسم=0.8, "
        "ننگے بدن=0.8, برہنگی=0.8, بے لباسی=0.8, بے پردہ جسم=0.8, کھلا سینہ=0.8, بغیر شلوار=0.8, "
        "بنا کپڑوں کے=0.8, لباس کے بغیر=0.8, تن پر کپڑا نہیں=0.8, نیوڈیٹی=0.8, "
        "کچھ بھی نہ پہنا=0.8, کچھ نہیں پہنا=0.8, کچھ نہ پہنا=0.8, اگر اس نے کچھ نہ پہنا ہو=0.8, اگر اس نے کچھ نہیں پہنا ہوتا=0.8, اگر اس کے بدن پر کچھ نہ ہو=0.8, اگر اس کے تن پر کچھ نہ ہوتا=0.8, اگر وہ بغیر کپڑوں کے ہوتی=0.8, بغیر کچھ پہنے=0.8",
        "ur-latn": "barhana=0.8, uryan=0.8, be libas=0.8, bina kapron ke=0.8, nange badan=0.8, "
        "agar isne kuch na pehna ho=0.8, agar usne kuch nahi pehna hota=0.8, agar jism pe kuch na ho=0.8, agar uske jism par kuch na hota=0.8, agar kapre na pehne hotay=0.8, baghair kuch pehne=0.8",
        "vi": "che boi hoi nuoc=0.8, tay che nguc=0.8, toc che nguc=0.8, chi dap chan=0.8, "
        "chi mac mot nu cuoi=0.8, ben trong khong mac gi=0.8, tha rong vong 1=0.8, khong mac noi y=0.8, "
        "khong noi y=0.8, "
        "loa the=0.8, ban khoa than=0.8, khong mac gi=0.8, nguc tran=0.8, khoe nguc=0.8, tran trui=0.8, "
        "khong mac ao nguc=0.8, khong mac quan lot=0.8, lo nguc=0.8, "
        "nếu cô ấy không mặc gì=0.8, nếu anh ấy không mặc gì=0.8, nếu không mặc gì=0.8, nếu trên người không có gì=0.8, nếu cô ấy không mặc quần áo=0.8, nếu chẳng mặc gì=0.8",
        "zh": "蒸汽遮挡=0.8, 水汽遮挡=0.8, 圣光遮挡=0.8, 用手遮住胸部=0.8, 头发遮住胸部=0.8, 遮住关键部位=0.8, 关键部位遮挡=0.8, 没穿内衣=0.8, 没穿内裤=0.8, "
        "不穿内裤=0.8, 里面是真空=0.8, "
        "裸女=0.8, 裸模=0.8, 人体艺术=0.8, 人体摄影=0.8, 露乳=0.8, 露胸=0.8, 露三点=0.8, 三点全露=0.8, 真空上阵=0.8, 不穿内衣=0.8, 光屁股=0.8, "
        "光身子=0.8, 脱光光=0.8, 裸身=0.8, "
        "如果她什么都没穿=0.8, 如果他什么都没穿=0.8, 要是她什么都不穿=0.8, 要是他没穿衣服=0.8, 如果她身上什么都没有=0.8, 不穿衣服的话=0.8",
    },
}

# "Without" and a whole garment, in Arabic and Arabizi: "بلا قفطان", "بدون هدوم", "bala tyeb", "bdoun 3abaya".
# Tops alone stay out ("بدون قميص" is a shirtless man on a beach), and words that are also things
# ("شرشف": a bedsheet in the Levant; "جيبه": his pocket).
_AR_WITHOUT = "بلا, بدون, من غير, من دون, بلاش".split(", ")
_AR_WHOLE_GARMENTS = "ملابس هدوم لبس ثياب تياب حوايج فستان عبايه جلابيه قفطان روبه قميجه دراعه بيجامه بنطلون بنطال سروال تنوره نفنوف كسوه بلوزه".split()
_AR_LATN_WITHOUT = ["bala", "bla", "bidoun", "bdoun", "bdoon", "bidun", "bedoon", "min gher", "men gher", "mn gher", "men ghir"]
_AR_LATN_WHOLE_GARMENTS = "tyeb tyab teyeb tiyab hdoum hdoom 7doom 7doum 7wayj 7wayej hwayej l7wayj malabes malabis 3abaya 3abaye " \
    "9ftan qaftan kaftan fstan fostan fustan jellaba jalabiya bantalon hdom".split()


def _add_idioms(kind: str, by_lang: dict[str, str], weight: float) -> None:
    """Append comma-separated idioms of `by_lang` to IDIOMS[kind], each with `weight`."""
    for lang, spec in by_lang.items():
        IDIOMS[kind][lang] = ", ".join([x for x in (IDIOMS[kind].get(lang, "").rstrip(", "),) if x]
                                       + [f"{w}={weight}" for w in spec.split(", ")])


_add_idioms(K.TEXT_UNDRESS, {
    "ar": ", ".join(f"{w} {p}{g}" for w in _AR_WITHOUT for g in _AR_WHOLE_GARMENTS for p in ("", "ال")),
    "ar-latn": ", ".join(f"{w} {p}{g}" for w in _AR_LATN_WITHOUT for g in _AR_LATN_WHOLE_GARMENTS for p in ("", "el ")),
}, 0.85)
# Less fabric, fewer clothes: a reduction is undressing too ("like the beach photo but with even less fabric").
_LESS_FABRIC = {
    "ru": "меньше ткани, ткани меньше, ткани еще меньше, поменьше ткани, меньше одежды, поменьше одежды",
    "uk": "менше тканини, тканини менше, менше одягу",
    "he": "פחות בד, פחות בגדים",
    "ar": "قماش اقل, بقماش اقل, اقل قماش, ملابس اقل, هدوم اقل, لبس اقل",
    "hi": "कम कपड़े, कपड़े और कम",
    "hi-latn": "kapde aur kam, kapde kam",
    "bn": "কম কাপড়",
    "ur": "کم کپڑے, کپڑے اور کم",
    "fa": "پارچه کمتر, لباس کمتر",
    "it": "meno stoffa, meno tessuto, meno vestiti",
    "pt": "menos tecido, menos pano, menos roupa",
    "es": "menos ropa",
    "fr": "moins de vetements",
    "de": "weniger kleidung",
    "nl": "minder stof, minder kleding, minder kleren",
    "pl": "mniej materialu, mniej ubran",
    "ro": "mai putin material, mai putine haine",
    "sv": "mindre tyg, mindre klader",
    "el": "λιγοτερο υφασμα, πιο λιγα ρουχα",
    "tr": "daha az kumas, daha az kiyafet",
    "id": "kain lebih sedikit, lebih sedikit kain, baju lebih sedikit",
    "ms": "kain lebih sedikit, lebih sedikit kain",
    "vi": "it vai hon, bot vai",
    "ko": "천을 더 줄여, 천 면적 줄여",
    "th": "ผ้าน้อยลง",
}
# No clothes left, without the towel or the outfit, and the stark-naked idioms of a few languages.
_NO_CLOTHES = {
    "en": "full monty, without a towel, without the towel, without her towel",
    "fr": "sans la tenue, sans sa tenue, sans serviette",
    "es": "sin toalla, sin la toalla",
    "it": "senza asciugamano",
    "de": "ohne handtuch",
    "cs": "zadne obleceni, zadne saty",
    "sv": "spritt sprangande",
    "vi": "khong mac gi, ko mac gi",
    "el-latn": "xwris rouxa, xoris rouxa, xwris to mplouzaki, xoris to mplouzaki, xwris mplouza, xwris to forema, xoris to forema",
}

_add_idioms(K.TEXT_UNDRESS, _LESS_FABRIC, 0.8)
_add_idioms(K.TEXT_UNDRESS, _NO_CLOTHES, 0.8)
_add_idioms(K.TEXT_SEXUAL, {"de": "aufreizende pose, pose aufreizender, aufreizend posieren, aufreizend posiert"}, 0.8)
# Gulf "شل" (take off) is a prefix of too many words for the substring rule: only before a garment.
_add_idioms(K.TEXT_UNDRESS, {
    "ar": ", ".join(f"شل {p}{g}" for g in _AR_WHOLE_GARMENTS + ["ثوب", "قميص", "بلوزه"] for p in ("", "ال")),
    "ar-latn": "2al3aha kol 7aga, 2le3ha kol shi, e2la3ha kol shi, sheel kel shi 3anha",
}, 0.85)
_add_idioms(K.TEXT_NUDITY, {
    "ar": "خليها زلط, خليه زلط, مره زلط, بنت زلط, زلط ملط",
    "ar-latn": "msh labsa 7aga, mesh labsa 7aga, mish labsa shi, mosh labsa 7aga, ma labsa shi, zay ma waladetha, "
               "zay ma waladet ha, zay ma waldetha",
}, 0.85)
# "Until nothing is left", of a step-by-step undressing ("ещё на одну вещь меньше, пока ничего не
# останется"); English, German, Russian and Urdu already have it among the terms.
_add_idioms(K.TEXT_UNDRESS, {
    "nl": "tot er niets over is, tot er niks over is, tot er niets meer over is",
    "cs": "až nezbude nic, dokud nezbude nic",
    "pl": "aż nic nie zostanie, dopóki nic nie zostanie",
    "uk": "поки нічого не лишиться, поки нічого не залишиться",
    "fr": "jusqu'à ce qu'il ne reste rien, jusqu'à ce qu'il ne lui reste rien",
    "es": "hasta que no quede nada, hasta que no le quede nada",
    "pt": "até não sobrar nada, até não restar nada, até não sobrar mais nada",
    "it": "finché non resta niente, finché non rimane niente, finché non resta nulla",
    "ro": "până nu mai rămâne nimic",
    "sv": "tills inget är kvar, tills ingenting är kvar",
    "el": "μέχρι να μη μείνει τίποτα, μέχρι να μην μείνει τίποτα",
    "id": "sampai nggak ada yang tersisa, sampai tidak ada yang tersisa, sampai gak ada yang tersisa",
    "ms": "sampai tak ada yang tinggal, sehingga tiada yang tinggal",
    "vi": "đến khi không còn gì, cho đến khi không còn gì",
    "hi-latn": "jab tak kuch na bache, jab tak kuch nahi bachta",
    "ur-latn": "jab tak kuch na bache, jab tak kuch nahi bachta",
    "hi": "जब तक कुछ न बचे, जब तक कुछ नहीं बचता",
    "bn": "যতক্ষণ না কিছুই বাকি থাকে, যতক্ষণ না কিছু বাকি থাকে",
    "fa": "تا وقتی چیزی نمونه, تا چیزی نمونه",
    "ar": "لحد ما ما يبقى شي, حتى لا يبقى شيء, لين ما يبقى شي",
    "ar-latn": "le7ad ma mayfdalsh 7aga, la7ad ma yeb2a shi",
    "he": "עד שלא יישאר כלום, עד שלא נשאר כלום",
    "zh": "直到什么都不剩, 直到什麼都不剩, 直到一件不剩",
    "ja": "何も残らなくなるまで, 何も残らないまで",
    "ko": "아무것도 안 남을 때까지, 아무것도 남지 않을 때까지",
    "th": "จนไม่เหลืออะไร",
}, 0.7)
# Nothing on, said of the day she was born ("like the day she was born", "doğduğu günkü gibi"); the
# idioms of God or a mother ("wie Gott sie schuf", "в чём мать родила") are among the terms.
_add_idioms(K.TEXT_NUDITY, {
    "en": "like the day she was born, like the day he was born, as the day she was born, as the day he was born",
    "tr": "doğduğu günkü gibi, doğduğu gün gibi",
    "hi-latn": "jaise paida hui thi, jaise paida hua tha, jaisi paida hui thi",
    "hi": "जैसे पैदा हुई थी, जैसे पैदा हुआ था",
    "zh": "刚出生那天一样, 剛出生那天一樣, 刚出生时一样",
    "ms": "macam hari dia dilahirkan, seperti hari dia dilahirkan",
    "id": "seperti hari dia lahir, seperti saat dia lahir",
    "vi": "như lúc mới sinh ra, như lúc mới lọt lòng",
    "he": "כמו שנולדה, כמו שנולד, כביום היוולדה, כביום היוולדו",
    "ar": "زي ما ولدتها امها, زي ما ولدته امه, كما ولدتها امها, كما ولدته امه",
    "bn": "জন্মের দিন যেমন ছিল",
}, 0.8)
# Naturism in the scripts the lists above leave out ("как на нудистском пляже").
_add_idioms(K.TEXT_NUDITY, {
    "ru": "нудистском, нудистская, нудистском пляже, нудистов",
    "uk": "нудистському, нудистський, нудистів",
    "ja": "ヌーディスト, ヌーディストビーチ",
}, 0.8)
# Nothing worn any more ("am Ende soll sie gar nichts mehr anhaben"): "nix" is read for "nichts" too.
_add_idioms(K.TEXT_UNDRESS, {"de": "nichts mehr anhaben, nichts mehr anhat, gar nichts anhaben, gar nichts mehr anhat"}, 0.8)
# Arabic, by dialect: fewer clothes ("خلّي تيابها أقل بكتير"), more of the body shown, undressed in
# the words of each region (Egyptian "متقلّعة", Gulf "مفصّخة", Levantine "شلّحها", Iraqi "نزّعها"), nothing
# left on her, and a seductive look.
_add_idioms(K.TEXT_UNDRESS, {
    "ar": ", ".join(f"{g} {l}" for g in ['ملابسها', 'ملابسه', 'ملابس', 'تيابها', 'تيابه', 'ثيابها', 'ثيابه', 'هدومها', 'هدومه', 'لبسها', 'لبسه', 'حوايجها'] for l in ['اقل', 'قليله'])
          + ", كشفا للجسد, اكثر كشفا, عريلي, عريها, عريه, متقلعه, مفصخه, مفسخه, مفصخ, "
            "ما بدي شي عليها, ما بدي شي عليه, ما اريدها تغطي شي, ما تغطي شي, ما يفضل فيها شي, ما يفضل عليها شي, "
            "ما يبقى عليها شي, ما تبقى عليها حاجه",
    "ar-latn": ", ".join(f"{g} {l}" for g in ['malabisha', 'malabesha', 'malabisa', 'hdomha', 'hdoumha', 'hdoomha', 'tyabha', 'tyeba', '7wayejha', '7wayjha'] for l in ['2a2al', '2aqal', 'a2al', 'aqal', 'a9al'])
               + ", 7wayej 9lal, mkshofa aktar, mkchoufa bzaf, m2all3a, met2all3a, mfas5a, mfas5ah, fas5ha, fas5ah, "
                 "fas5o, sha7elha, sha7lha, sha7elo, nazza3ha, nazza3o, 2al3o, e2la3o, ma baddi shi 3leha, "
                 "ma baddi shi 3aleha, matb9a 7ta 7aja, ma tb9a 7ta 7aja, ma yeb2a 3aleha shi",
}, 0.8)
_add_idioms(K.TEXT_NUDITY, {
    "ar": "ما لابسه حاجه, ما لابسه شي, مش لابسه اي حاجه, ما عليها شي, ما عليها ولا شي",
    "ar-latn": "ma labsa 7aga, mish labsa ay 7aga, ma 3aleha shi, bala hdom, bla hdom, men gher hdom",
}, 0.8)
_add_idioms(K.TEXT_SWIMWEAR, {"ar": "سروال سباحه, شورت سباحه, مايوه رجالي"}, 0.8)
_add_idioms(K.TEXT_SEXUAL, {"ar-latn": "nazra mo8riye, nazra moghriye, nadhra mughriya, nazra mughriya"}, 0.7)
_add_idioms(K.TEXT_SEXUAL, {
    "ar": "وقفه مغريه, بوضع مثير, وضع مثير, وضعيه مثيره, وقفه مثيره",
    "ar-latn": "wad3iyye moghriye, wad3eyye moghreye, wad3iya mughriya, wad3iyye mosira",
}, 0.8)
# A substring term right after one of these words is about an object, not clothing:
# Korean "안경 벗겨줘" (take off the glasses), "모자를 벗겨" (take off the hat), Japanese
# "帽子を脱がせて" (take the hat off; no spaces there, so the text before must end with it).
_KO_OBJECTS = "매니큐어가 매니큐어 네일이 페인트가 칠이 헬멧 헬멧을 후드 후드를 귀걸이 귀걸이를 시계 시계를 헤드폰 헤드폰을 이어폰 이어폰을 안경 안경을 모자 모자를 신발 신발을 장갑 장갑을 양말 양말을 마스크 마스크를 선글라스 선글라스를 " \
    "껍질 껍질을 껍질은 페인트 페인트를 스티커 스티커를 라벨 라벨을 포장 포장을 랩을 비닐 비닐을 지붕 지붕을 지붕이 메타데이터 메타데이터를 위치정보 정보를"
_JA_OBJECTS = "帽子を 帽子 眼鏡を メガネを めがねを 靴を 靴下を 手袋を マスクを ヘルメットを サングラスを キャップを"
SUBSTRING_OBJECT_BEFORE: dict[str, str] = {
    "นู้ด": "สี โทน",  # "สีนู้ด": the colour nude
    "นู๊ด": "สี โทน",
    "脱がせ": _JA_OBJECTS,
    "脱がし": _JA_OBJECTS,
    "벗겨": _KO_OBJECTS,
    "لخت کن": "موهاشو موهاش موهاتو موهامو موها موهای",  # "موهاشو لخت کن": straighten her hair
    "شورت": "تي",  # "التيشورت": a T-shirt
    "벗긴": _KO_OBJECTS,
    "벗기": _KO_OBJECTS,
}

# Ages in Chinese numerals, 10 to 17: "十五歳", "十五岁"; "二十五歳" (25) holds "十五歳" and is no minor.
_KANJI_AGES = [f"十{d}{unit}" for unit in ("歳", "岁", "歲") for d in ("", "一", "二", "三", "四", "五", "六", "七")]
SUBSTRING_TERMS[K.TEXT_MINOR]["ja"] += ", " + ", ".join(a for a in _KANJI_AGES if a.endswith("歳"))
SUBSTRING_TERMS[K.TEXT_MINOR]["zh"] += ", " + ", ".join(a for a in _KANJI_AGES if not a.endswith("歳"))
SUBSTRING_OBJECT_BEFORE.update({age: "二 三 四 五 六 七 八 九 百" for age in _KANJI_AGES})

# Words skipped between the object and the verb: "안경 좀 벗겨" (the glasses, please, off).
SUBSTRING_OBJECT_FILLERS = "좀 다 빨리 그냥 살짝 잠깐 한번"

# A substring term followed at once by one of these is a colour, make-up or optics word:
# "누드톤" (nude tone), "ヌードカラー", "裸色" (nude colour), "裸妆" (nude make-up), "裸眼" (naked eye).
SUBSTRING_BENIGN_AFTER: dict[str, str] = {
    "탑리스": "트",  # "탑리스트" (a top list)
    "누드": "톤, 립, 컬러, 색, 베이지, 메이크업, 네일, 브라, 핑크, 계열, 김밥",
    "脱衣": "所, 場, かご, 籠",
    "تعري": "ض",  # "التعريض الضوئي": exposure
    "التعري": "ض",
    "下着": "雨, 小雨, 大雨, 雪, 小雪, 大雪, 毛毛雨",  # Chinese "下着雪": it is snowing
    "ヌード": "カラー, ベージュ, メイク, リップ, ネイル, ピンク, トーン, 系",
    "裸": "色, 妆, 眼, 粉, 感妆, 足, 机, 价, 奔, 辞",
    "赤裸": "裸的谎言, 裸的事实, 裸的真相, 裸的威胁, 裸地",  # "赤裸裸的谎言": a blatant lie
    "عارية": "من الأوراق, من الزخارف, من النبات, من الاشجار, من العشب, من الخضره, من الصحه",
    "عاري": "من الأوراق, من الزخارف, من النبات, من الاشجار, من العشب, من الخضره, من الصحه",
}
# "去掉衬衫上的污渍": what is on the shirt goes, not the shirt.
SUBSTRING_BENIGN_AFTER.update({term: "上的, 上面的" for term in _ZH_REMOVE_FIRST})
# Laundry near a garment of a substring script: "रस्सी पर सूख रहे कपड़े हटा दो", "晾衣绳上的衣服".
SUBSTRING_LAUNDRY = (
    "حبل الغسيل, الغسيل, الحبل, المعلقه, معلقه, الشماعه, شماعه, منشر, দড়িতে, শুকাতে, হ্যাঙ্গার, रस्सी, सूख रहे, सूखते, सूखने, सूखे हुए, बालकनी में टंगे, हैंगर, رسی, سوکھ, ہینگر, تار پر لٹکے, "
    "بند رخت, چوب لباسی, چوب‌لباسی, חבל כביסה, קולב, ราวตาก, ไม้แขวน, 晾, 衣架, 晒衣, 曬衣, 物干し, ハンガー, 散らかった, 脱ぎ散らかした, 畳んだ, 干してある, 빨랫줄, 옷걸이, 건조대"
)

# Latin stems searched inside words that were glued together by an obfuscation step
# ("r e m o v e h e r c l o t h e s" -> "removeherclothes").
GLUED_STEMS: dict[str, str] = {
    K.TEXT_NUDITY: "naked, nude, nudity, topless, nackt, desnud",
    K.TEXT_UNDRESS: "undress, deshabill, auszieh, removeherclothes, takeoffherclothes, clothesoff, "
    "withoutclothes, noclothes, stripher",
    K.TEXT_SWIMWEAR: "bikini, swimsuit",
    K.TEXT_UNDERWEAR: "lingerie, underwear, panties",
    K.TEXT_SEXUAL: "porn, nsfw, sexy, hentai",
}


# Words that put a place or an event after them: a capitalised run right after one is not a
# person's name.
PLACE_PREPOSITIONS = frozenset("""
in at near from to into across around through over under outside inside beside behind along toward towards
en dans près pres vers de du des au aux à a depuis sur sous em no na nos nas do da dos das para perto junto
im am vom zum zur nach bei aus auf unter bij naar uit op nad pod przy dla w we z ze na do od в во на из у под
din la în pe spre lângă langa i på pa från fran vid till v ve u od do k ke ο στο στη στην στον από απο κοντά
di dari ke pada dekat atas bawah dalam ở o tại tai gần gan từ tu đến den
في ورا ورايا وراها وراه وراي خلف جنب فوق تحت عند اللي الي
""".split())
# The prepositions above that also mean "of" ("une photo de Léa", "foto da Ana"): before a
# lone given name they do not make it a place.
OF_PREPOSITIONS = frozenset("de du des da do dos das di del von van od z ze".split())
