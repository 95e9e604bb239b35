//! Word lists for people: given names (ru, kk, foreign names in Cyrillic, Latin-script
//! names from many countries), titles and roles, speech verbs and words that look like
//! names but are not (places, organisations, calendar words).
//!
//! Lists are written from general knowledge of common names, not taken from any annotated
//! corpus. Cyrillic lists are stored and looked up through [`crate::translit::fold`], so a
//! Kazakh spelling ("Нұрсұлтан") and its Russian spelling ("Нурсултан") are one entry.

use crate::hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::translit::fold;
use std::sync::LazyLock;

/// Grammatical gender of a given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Male name.
    Male,
    /// Female name.
    Female,
}

const RU_MALE: &str = "Александр Алексей Альберт Анатолий Андрей Антон Аркадий Арсений Артём Артур Богдан \
Борис Вадим Валентин Валерий Василий Вениамин Виктор Виталий Владимир Владислав Владлен Всеволод \
Вячеслав Гавриил Геннадий Георгий Герман Глеб Григорий Давид Даниил Данила Денис Дмитрий Евгений \
Егор Ефим Захар Иван Игнат Игорь Илья Иннокентий Иосиф Кирилл Климент Константин Лев Леонид Макар \
Максим Марк Матвей Михаил Никита Никифор Николай Олег Павел Пётр Платон Прохор Родион Роман \
Ростислав Руслан Савва Святослав Семён Сергей Станислав Степан Тарас Тимофей Тимур Трофим Фёдор \
Феликс Филипп Эдуард Эмиль Юлиан Юрий Яков Ярослав Эрнест Эльдар Рустам Рашид Ринат Марат Айдар \
Ильдар Ильнур Радик Равиль Фарид Азат Наиль Роберт Эрик Генрих Эммануил Зиновий Лука Фома Ипполит \
Кузьма Елисей Ефрем Остап Тихон Харитон Юлий Аристарх Афанасий Гордей Демьян Емельян Игнатий Лазарь \
Мирон Назар Никодим Осип Пантелей Порфирий Савелий Самуил Ираклий Гиви Резо Шота Вахтанг Гурам \
Леван Зураб Тенгиз Нодар Отар Давит Мамука Мераб Арам Ашот Ваган Гагик Грант Карен Левон Рубен \
Сурен Тигран Армен Самвел Гурген Вазген Ованес Тофик Гейдар Ильхам Рамиз Фуад Эльчин Вугар Мурад \
Ахмед Ахмад Магомед Мухаммед Мухаммад Мохаммед Рамзан Джохар Аслан Шамиль Хасан Хусейн Ислам Умар \
Адам Алихан Заур Мурат Анзор Тамерлан Микола Петро Василь Олесь Юрко Мыкола Виталь Алесь Аркадь \
Вилен Владилен Гарик Добрыня Евграф Ерёма Жорж Исаак Израиль Ким Лаврентий Марлен Мстислав Наум \
Нестор Онуфрий Пимен Рэм Сава Севастьян Сократ Тимур Фридрих Эраст Юрис Янис Арвид Айвар Валдис \
Гунтис Андрис Айгарс Раймонд Витаутас Альгирдас Гедиминас Миндаугас Арунас Томас Тоомас \
Тармо Марти Яак Ааре Март Кахабер Гоча Бадри Ника Гия Ираклий Серго Теймураз Эдуард Отари Нико \
Лаша Элгуджа Илия Лука Гела Звиад Бесик Гарегин Роберт Никол Сейран Левон Мгер Гусейн \
Алиага Джейхун Новруз Эльдар Мамед Мехти Рауф Шахин Эмин Эльнур Ариф Алишер Шавкат Ислам Рустам \
Абдулла Абдулла Анвар Бахтиёр Джамшид Ильхом Камол Нурали Рахмон Саидмурод Фаррух \
Хуршид Шухрат Эмомали Алмазбек Сооронбай Курманбек Аскар Алмаз Бакыт Садыр Сапар Курбангулы \
Гурбангулы Сердар Сапармурат Берды Тенгиз Дмитро Олександр Володимир Юрій Андрій Сергій Віктор \
Леонід Петро Арсеній Віталій Павло Богдан Ярема Станіслав ";

const RU_FEMALE: &str = "Александра Алла Алина Алиса Алёна Анастасия Анжелика Анна Антонина Анфиса \
Валентина Валерия Варвара Василиса Вера Вероника Виктория Галина Дарья Диана Ева Евгения Екатерина \
Елена Елизавета Жанна Зинаида Зоя Злата Инна Ирина Кира Клавдия Ксения Лариса Лидия Лилия Любовь \
Людмила Маргарита Марина Мария Марьяна Милана Надежда Наталья Наталия Нина Нонна Оксана Олеся Ольга \
Полина Раиса Регина Римма Роза Светлана София Софья Стелла Таисия Тамара Татьяна Ульяна Эвелина \
Элеонора Элина Эльвира Юлия Яна Ярослава Снежана Влада Владислава Вита Виолетта Ангелина Агния \
Арина Ника Нелли Майя Лада Лера Ася Аля Катя Маша Даша Саша Женя Наташа Таня Оля Лена Света Юля \
Настя Галя Люда Надя Вика Ксюша Соня Аня Ира Рита Зарина Гульнара Лейла Динара Альбина Эльмира \
Фатима Мадина Камила Камилла Лиана Лилиана Мирослава Станислава Богдана Ирма Инга Илона Изабелла \
Луиза Лолита Мальвина Нелля Олимпиада Пелагея Прасковья Руслана Серафима Фаина Эльза Эмилия Ядвига \
Янина Аида Асель Гузель Гульшат Диляра Зульфия Ильмира Лейсан Резеда Алсу Земфира Наиля Рената \
Альфия Венера Фарида Эльмира Нана Нино Тамар Кетеван Манана Майя Натела Софико Эка Этери Лали \
Анаит Гаяне Карине Лусине Сусанна Ануш Арминэ Гоар Заира Марьям Патимат Хадижат Зульфия Гульнора \
Дильноза Лола Севара Шахноза Мухаббат Нилуфар Юлія Оксана Ганна Олена Ірина Наталія Людмила Тетяна";

const FOREIGN_MALE_CYR: &str = "Джон Джордж Джеймс Джозеф Джек Джейсон Джефф Джеффри Джим Джимми Джо Джош \
Дональд Дэвид Дэниел Дэн Дэйв Дейв Майкл Майк Мэтью Мэтт Питер Пол Пауль Патрик Ричард Рональд \
Стив Стивен Томас Том Тони Уильям Уилл Уоррен Фрэнк Фрэнсис Чарльз Чарли Билл Барак Барри Бен \
Бенджамин Берт Брэд Брюс Брендан Брайан Гарри Генри Говард Грег Джордан Кевин Крис Кристофер \
Ларри Льюис Люк Мартин Митт Ник Николас Нил Оливер Пит Рэй Рик Рон Райан Сэм Скотт Тим Тимоти Тед \
Тодд Уолтер Уэйн Эдвард Эндрю Энтони Эрик Эван Алан Аарон Арнольд Берни Боб Билли Дик Джерри Кен \
Кит Луис Марио Мигель Хосе Хуан Карлос Педро Пабло Диего Фернандо Антонио Франсиско Франсуа Жан \
Жак Пьер Поль Мишель Николя Эммануэль Шарль Ален Анри Луи Жером Жерар Клод Ив Рене Серж Бернар \
Ганс Ханс Герхард Гельмут Хельмут Вольфганг Клаус Карл Курт Франк Фридрих Юрген Йоахим Дитер Отто \
Маттео Сильвио Джузеппе Джованни Джанни Паоло Роберто Франческо Марко Алессандро Андреа Витторио \
Умберто Бенито Карло Энрико Фабио Синдзо Ёсихико Нарендра Раджив Мохаммед Махмуд Абдулла \
Хамид Хосни Муаммар Башар Хафез Саддам Ясир Биньямин Шимон Ицхак Эхуд Ариэль Бени Моше Рэймонд \
Дуайт Линдон Рудольф Рудольфо Рауль Фидель Эво Уго Хьюго Николас Игнасио Энрике Густаво Габриэль \
Эрнест Эрнст Элвис Фредди Курт Ринго Пол Джастин Брэдли Брэндон Брэдфорд Гэри Грэм Грэхем Дуглас \
Дин Дерек Дэвис Дэнни Дейл Джеральд Джексон Джереми Джесси Джонатан Джонни Джош Джошуа Кайл Келвин \
Кент Кеннет Кертис Клинт Клифф Коннор Крейг Кристиан Лоуренс Лэнс Мэттью Марвин Мел Моррис Натан \
Нейтан Норман Оуэн Пэт Перри Рассел Рекс Рой Ральф Рэндалл Родни Роджер Росс Руперт Сайрус Саймон \
Себастьян Сидни Стэнли Стэн Терри Тревор Тайлер Уэсли Уинстон Фил Филип Хэнк Харви Харрисон Хью \
Чак Чед Шон Эйб Элтон Эллиот Эштон Шейн Шелдон Гордон Кэмерон Джулиан Альфред Алфред Бертран Виктор \
Вильгельм Генрих Густав Гуго Людвиг Макс Манфред Мартин Михаэль Норберт Олаф Рудольф Томас Ульрих \
Франц Хайнц Херман Эрих Эрвин Юлиан Йозеф Ласло Лайош Иштван Янош Имре Золтан Виктор Дьюла Ференц \
Збигнев Лех Ежи Анджей Ярослав Кшиштоф Томаш Мирослав Вацлав Милош Милан Слободан Драган Зоран \
Горан Александар Радован Ратко Франьо Зденек Петр Ян Иржи Карел Любомир Мирча Николае \
Траян Клаус Ион Влад Константинос Костас Яннис Георгиос Алексис Андреас Никос Димитрис Реджеп \
Ахмет Мехмет Мустафа Кемаль Абдулла Бюлент Тайип Хакан Нурсултан Ислам Шавкат Ильхам \
Кадзуо Харуки Такеши Хироси Ёсиро Сё Кэндзи Акира Юкио Сигэру Ли Си Ким Пак Мун Чжан Ван Лю Чэнь \
Ху Дэн Мао Цзян Вэнь Юй Чжоу Сунь Лэй Эммерсон Нельсон Кофи Роберт Мобуту Джулиус Уэсли Джозеф \
Пэдди Шеймус Эймон Киран Лиам Кейси Ингвар Ларс Ханс Нильс Улоф Свен Стефан Ульф Бьорн \
Эрлинг Кнут Йенс Андерс Мортен Хенрик Йохан Юхан Карл Матти Мика Кими Юха Теему Пекка Ярмо";

const FOREIGN_FEMALE_CYR: &str = "Мэри Хиллари Хилари Кэтрин Кейт Элизабет Энн Анджелина Бритни Дженнифер \
Джессика Джулия Джоди Кристина Кэролайн Линда Лиза Лора Маргарет Меган Мишель Нэнси Сара Сьюзан \
Тереза Эмма Эмили Ребекка Патрисия Барбара Хелен Кондолиза Ангела Ширин Беназир Ирэн Николь Натали \
Сандра Симона Сильвия Моника Шэрон Мара Бейонсе Мадонна Шер Уитни Опра Мерил Джулианна Скарлетт \
Натали Кира Кейт Эмма Хелена Ингрид Грета Мэрилин Одри Грейс Элла Элис Алисия Аманда Эми Андреа \
Бетти Бонни Бренда Кэрол Кэти Клэр Синтия Дайана Донна Дороти Эйлин Эллен Эрика Фрэнсис Джейн Джанет \
Джоан Джуди Карен Кимберли Лорен Лесли Люси Мелани Мелисса Мишель Мэгги Нора Пэм Пэтти Рэйчел Роуз \
Рут Салли Саманта Стефани Сьюзи Тина Ванесса Вирджиния Вивьен Изабель Марин Сеголен Симона Катрин \
Брижит Жюльет Софи Хайди Урсула Аннегрет Сабина Сабине Беате Андреа Франческа Джорджа Джорджия \
Кармен Долорес Изабель Лусия Пилар Росио Ракель Летисия Фрида Эвита Кристина Мишель Дилма Цай \
Инь Ли Юко Мичико Масако Акиэ Индира Соня Приянка Аунг";

const KK_MALE: &str = "Нұрсұлтан Қасым-Жомарт Қасым Асқар Ерлан Ержан Серік Бауыржан Бақытжан Бақыт \
Нұрлан Марат Мұрат Ерболат Ербол Болат Бекболат Айбек Айдос Айбар Айдар Арман Асхат Асылхан Ахмет \
Әлібек Әлихан Әбіш Әділ Әлішер Бағлан Бейбіт Берік Бекзат Бекжан Бексұлтан Біржан Ғани Ғабит Дархан \
Дастан Дәурен Дулат Дәулет Ерғали Ерден Еркін Ермек Ернар Ерік Жандос Жанболат Жомарт \
 Жақсылық Жасұлан Зейнолла Ильяс Ілияс Қайрат Қанат Қуаныш Қайсар Құдайберген Мақсат Мансұр \
Мейрам Мұхтар Мұхамеджан Нұржан Нұрбол Нұрболат Нұрғали Олжас Оралхан Рахат Рүстем Рүстембек Самат \
Сәкен Серғазы Сұлтан Талғат Төлеген Ұлан Ұлықбек Шыңғыс Шоқан Ыбырай Абай Абылай Алмас Алпамыс \
Аманжол Амангелді Асан Бекнұр Дамир Данияр Ерасыл Ерназар Жанат Жарас Жеңіс Жұмабек \
Қалдыбек Қуат Мағжан Мирас Мұқағали Сабыр Сағат Темірхан Төле Хакім Шәмші Батырхан \
Ардақ Азамат Бақытбек Ерзат Әлиакпар Әбілқайыр Абзал Адай Адиль Айтжан Ақан Ақжол Алдияр Алибек \
Алтынбек Аман Амантай Арыстан Асқат Ауезхан Ахат Аян Бабажан Бақберген Балтабай Бейбарыс \
Бекарыс Бекмұрат Бердіхан Бигелді Болатбек Дидар Думан Дінмұхамед Ерғазы Ержігіт Ерлік \
Ермұрат Есей Есен Есенбек Жайлау Жақып Жалғас Жамбыл Жанарбек Жандарбек Жанібек Жәнібек Жасқайрат \
Жетпісбай Жұмағали Жүсіп Заманбек Зұлқарнай Иманғали Исатай Кенесары Кенжебек Қабдеш Қадыр Қазыбек \
Қайым Қалибек Қанағат Қасымхан Қуандық Құрманғазы Мақаш Мағауия Махамбет Медеу Мейіржан Мұқтар \
Мұратбек Мұхамедқали Мырзахмет Нартай Нұрдәулет Нұрислам Нұрмұхамед Оңдасын Өмірзақ Өтеген Райымбек \
Рақымжан Сайын Сапарбек Сарсенбай Серікбай Серікжан Сейіт Сәбит Тахир Темір Тоқтар Тұрсын Тілеген \
Төлебай Ұлықпан Шәкен Шерхан Шәріп Ыдырыс Ілияс Әбдірахман Әуезхан Әлкей Әкім Бекет Бауыржан \
Бахытжан Бахыт Нурлан Ерлан Ермухамет Кайрат Канат Куаныш Максат Мухтар Нуржан Олжас Рахат Серик \
Султан Талгат Тулеген Шынгыс Абылайхан Асет Аскар Берик Бекболат Даулет Дархан Думан Ержан Жандос \
Жанибек Ильяс Мейрам Мурат Нуртас Нурбек Рустем Саят Санжар Тимур Ернур Бекзат Елжан Елдос Елнур \
Ерсұлтан Ерсултан Жасулан Мадияр Мирас Нұрасыл Нурасыл Сұңқар Сункар Тамерлан Әлинұр Алинур \
Ғалымжан Галымжан Ғалым Галым Қалжан Нұрым Бақдаулет Нұртай \
Кемел Кәрім Карим Рамазан Ринат Руслан Хамит Шамиль Дінмұхаммед Сұлтанбек Мұхит Тоқтарбек";

const KK_FEMALE: &str = "Айгүл Айгерім Айжан Айнұр Айым Ақмарал Әсел Әсем Әйгерім Баян Гүлжан Гүлнар \
Гүлмира Гүлсім Гүлнұр Динара Жанар Жанна Жұлдыз Зарина Зәуре Ләззат Лаура Мадина Мақпал Меруерт \
 Назерке Нұргүл Нұрсұлу Перизат Раушан Роза Салтанат Сәуле Томирис Ұлжан Ұлпан \
Шолпан Әлия Алия Аружан Ботагөз Бибігүл Гаухар Дана Дариға Дина Жібек Жазира Жансая Іңкәр Қарлығаш \
Қымбат Күләш Ләйлә Маржан Мөлдір Нәзира Нұрила Райхан Сымбат Тоғжан Ұлболсын Фариза Аяулым Ақерке \
Балжан Гүлнәр Жәмила Айдана Айсұлу Айша Ақбота Ақжан Ақтоты Алтынай Амина Анар Аңсаған Арайлым \
Асылзат Бағдат Бақытгүл Гүлбану Гүлдана Гүлзада Гүлшат Дәмеш Дамира Жаннат Жансұлу Жұпар Зейнеп \
Зере Камила Қалиса Қарақат Қуралай Құралай Күнсұлу Ләйла Мәдина Мақсима Мәрзия Мейрамгүл Меруерт \
Нағима Назым Нұрай Нұржамал Нұрлыгүл Рабиға Раушан Сабина Сағыныш Сандуғаш Сара Светлана Сұлушаш \
Таңшолпан Толқын Тұмар Ұлдана Ұлжалғас Фатима Хадиша Шынар Ырысты Әйгерім Айгуль Айгерим \
Айнур Асель Гульжан Гульнара Гульмира Жулдыз Зауре Ляззат Макпал Меруерт Назерке Нургуль Перизат \
Сауле Улжан Улпан Шолпан Алия Аружан Ботагоз Гаухар Дарига Жибек Индира Карлыгаш Кымбат Куляш \
Маржан Молдир Сымбат Тогжан Айнагүл Жанат Эльмира Әлфия Асем Анель Акмарал Мариям Бибігул";

/// Latin-script given names: English and names common in international news.
const LATIN_NAMES: &str = "aaron abdul abdullah abe abraham adam adrian ahmed ahmad aidan al alan albert \
alberto alec alex alexander alexandre alexei alexey alfred alfredo ali allan allen alvaro amir andre \
andrea andreas andrei andres andrew andrey andy angel angelo anthony antoine anton antonio \
archie ariel arjun arnold arthur arturo ashley ashok aziz barack barry bart ben benjamin \
bernard bernd bernie bert bill billy bjorn blaise bob bobby boris brad bradley brandon brendan brent \
brett brian bruce bruno bryan byron calvin cameron carl carlo carlos carsten cedric cesar chad charles \
charlie chen chris christian christoph christophe christopher chuck claude claudio clifford clint \
clive colin conrad craig cristiano curtis dale damien damon dan daniel danny dario darren dave david \
dean denis dennis derek desmond diego dieter dimitri dirk dmitri dmitry dominic dominique don donald \
doug douglas duane duncan dwight earl ed eddie edgar eduardo edward edwin egon elias elliot emil \
emmanuel enrico enrique eric erik ernesto ernie ernst erwin esteban ethan eugene evan fabio fabrizio \
faisal farouk felipe felix fernando filip francesco francis francisco franco francois frank franz \
fred frederick fredrik friedrich gabriel gareth garry gary gavin geoff geoffrey george georg georges \
gerald gerard gerhard giancarlo gianluca gianni giorgio giovanni giuseppe glen glenn gordon graham \
grant greg gregory guido guillaume gunter gustavo guy hamid hans harald harold harry hassan hector \
heinz helmut henri henrik henry herbert herman hermann hideki hiroshi horst howard hugh hugo hussein \
ian ibrahim igor imran ivan jack jackie jacob jacques jake james jamie jan jason javier jay jean jeff \
jeffrey jens jeremy jerome jerry jesse jesus jim jimmy joachim joaquin joe joel johan johann john \
johnny jon jonas jonathan jordan jorge jose josef joseph josh joshua juan julian julio julius jurgen \
justin kai karl keith ken kenneth kenny kevin khalid kim kirk klaus kurt kyle lance larry lars laurent \
lawrence lee leo leon leonard leonardo leroy les lewis lionel lloyd lorenzo louis luc luca lucas luigi \
luis lukas luke magnus mahmoud malcolm manfred manuel marc marcel marcello marco marcos marcus mario \
mark markus martin marty marvin massimo mathias matt matteo matthew matthias maurice mauricio mauro \
max maxim michael michel miguel mike mikhail milan miles milos mitch mohamed mohammad mohammed morgan \
moshe muhammad murray mustafa nasser nathan neil nelson nicholas nick nicola nicolas niels nigel \
nikolai nikolay noel norbert norman oleg oliver olivier omar oscar otto owen pablo paolo pascal \
patrick paul pavel pedro pete peter phil philip philippe pierre pieter rafael raj ralph ramon \
randy raul ray raymond reggie rene ricardo riccardo richard rick ricky rob robert roberto robin \
rodney roger roland rolf roman ron ronald ronnie ross roy ruben rudolf rudy russell ryan salvador \
sam samuel sandro sanjay scott sean sebastian serge sergei sergey sergio seth shane shaun sidney \
simon stan stanley stefan stefano stephan stephen steve steven stuart sven tariq ted terry theo \
thierry thomas tim timothy toby todd tom tommy tony travis trevor troy tyler ulrich uwe valentin \
valery victor vijay vincent viktor vitaly vladimir wade walter warren wayne werner wesley will \
william willie wolfgang xavier yasser yves yuri zachary zoltan \
abby ada adriana agnes aileen alexandra alice alicia alison amanda amber amy ana andrea angela \
angelina angelique anita ann anna anne annette antonia april arlene audrey barbara beatrice becky \
belinda bella benazir bernadette beth betty beverly bianca bonnie brenda bridget brigitte brittany \
camilla candace carla carmen carol caroline carolyn catherine cathy cecilia celine charlotte chelsea \
cheryl christina christine cindy claire clara claudia colleen connie constance courtney cristina \
cynthia daisy dana danielle daphne debbie deborah debra denise diana diane dolores donna dora doris \
dorothy edith eileen elaine eleanor elena elisabeth eliza elizabeth ella ellen emily emma erica erin \
esther eva evelyn fiona florence frances francesca gabriela gabrielle gail gina gloria grace greta \
gwen hannah harriet heather heidi helen helena hilary hillary holly ines ingrid irene iris isabel \
isabella jackie jacqueline jane janet janice jasmine jean jeanne jennifer jenny jessica jill joan \
joanna joanne josephine joy joyce judith judy julia julie juliet june karen karin kate katharina \
katherine kathleen kathryn kathy katie katrin kay kelly kim kimberly kirsten kristen kristin laura \
lauren leah lena lidia lillian linda lisa liz lois lorraine louise lucia lucy lydia lynn madeleine \
madonna maggie margaret margarita maria marian marie marilyn marina marion marjorie martha martina \
mary maureen megan melanie melissa mercedes meryl michelle mildred miranda monica monique nadia \
nancy naomi natalia natalie nathalie nicole nina nora norma olga olivia pam pamela patricia patty \
paula pauline peggy penny petra phyllis priscilla rachel rebecca regina renee rita roberta rosa \
rosalind rose rosemary ruth sabine sally samantha sandra sara sarah sharon sheila shirley silvia \
simone sofia sonia sophia sophie stacy stella stephanie steffi sue susan susanne suzanne sylvia \
tamara tanya tatiana teresa theresa tina tracy ursula valerie vanessa vera veronica victoria \
virginia vivian wendy whitney yolanda yvonne zoe \
abdel abdelaziz abdullahi adel ahmet akbar akram aamir amin anwar arafat asif ayman bashar bilal \
emre erdem fahd faisal farid fatima habib hakan hamza hani hasan hashim husain imad \
ismail jamal jamil javed kamal karim khaled khalil kemal mahmood majid malik mansour mehmet mohsen \
 nabil nadeem naveed nawaz nizar nuri osama rafiq rahman ramzi rashid riaz \
saad salah salman sami shahid shoaib suleiman tahir talal tayyip \
umar walid wasim yasir yousuf youssef yusuf zafar zahid zaheer zia ziad \
 edvin arben \
aleksandr aleksei anatoly andrzej arkady bogdan borislav boyko branko dimitar dragan dusan gennady \
goran hristo igor ilya ivo jaroslav jerzy josip krzysztof leszek miroslav mladen nenad nikola \
predrag radoslav slobodan stanislav stoyan tomasz valeri vasily vladislav vyacheslav wojciech \
yevgeny zbigniew zdenek zoran yegor yuriy dmitriy mikhail anatoliy gennadiy \
akira hideo hiro hiroshi ichiro kazuo kenji koji makoto masahiko naoto nobuo ryu ryutaro satoshi \
shinzo takashi takeshi taro tetsuya tomiichi toshiki yoshiro yukio junichiro keizo \
chang cheng chun deng feng hong hua hui jian jiang jin jun kai lei li liang lin ling long ming peng \
qian qiang tao wei wen xi xiao xin yang ying yong yu yun zhang zhen zhi zhou kaiyan \
hyun jae jong kyung min seung sung young \
arjuna hashan kumar muttiah pramodya rajiv rahul sachin sanath sourav \
anil arvind ashish deepak gopal krishna manoj mohan narendra pranab rakesh ravi sunil suresh vinod \
abebe haile kofi kenenisa moses nelson oluwaseun samuel thabo jomo robert paul daniel \
ayrton emerson nelson rubens jacques jarno mika damon nigel alain gerhard michael heinz-harald \
mats stefan bjorn jonas mattias niklas thomas anders henrik johan jesper mikael ola pal tore \
jari jukka kimi pekka sami teemu tuomas \
jean-claude jean-pierre jean-marie jean-luc jean-paul jean-louis jean-michel pierre-yves \
marie-jose anne-marie hans-dieter karl-heinz hans-peter rustu ertugrul cem can ozan mert emre burak volkan selcuk kaan tugay tiger marshall didier thierry fabien yannick sylvain christophe laurent olivier jerome benoit cedric gregory ahn byung chul hoon jeong keun sang seok woon yong joo sung myung hee soo jung dong kwang nguyen tran minh thanh duc hoang van thi hiroyuki kazuki kenta masato naoki shinji tadashi takahiro tomoko yoshihiro yuji yuko akiko keiko michiko sachiko ricardo fernanda rodrigo thiago gustavo leandro marcelo renato rogerio sergio vanderlei jurgen jorg uwe dieter detlef gerd gunter guenter hansi heiko holger kai-uwe lutz matthias olaf rainer reiner ronald sven thomas torsten ulf volker wolfram aad arie bert dick gerrit hans henk jaap joop kees koen piet rinus ruud wim bjarne bent erik flemming henning jesper jorgen kim lars mogens ole poul preben soren aleksander andrzej bogdan dariusz grzegorz jacek jaroslaw jerzy kazimierz marek mariusz pawel piotr przemyslaw radoslaw ryszard slawomir tadeusz tomasz waldemar zbigniew alen boris damir davor dino igor ivan josip kresimir mario mirko nikola robert slaven zvonimir dejan goran nenad predrag sasa vladimir zoran gheorghe ilie ion marin mircea nicolae petre radu sorin stefan darko gjorgji kiril jannik jari jarmo kari markku mika pekka petri sami timo aditya amitabh anand arun gautam harsh karan naveen nitin pankaj prakash rajesh sandeep sanjeev shyam sunil vikram ayodele babatunde chinedu chukwuma emmanuel ifeanyi kayode kelechi nnamdi nwankwo obinna oluwole segun tunde abebe bekele gebre haile kenenisa tirunesh yitzhak benjamin ehud ariel shimon moshe avraham yossi hosni anwar gamal hamdi hassan hisham karim magdi mohsen omar tarek wael tariq saad sultan turki bandar faisal nayef abbas abdou abdoulaye adnan agustin ahmadou aidan akhtar alain aldo alejandro alessio alfonso aliou allen alonso alphonse alvin amadou ambrose amos anders andrea andres andrej angus ansgar antti aram archibald ardian armando armin arne arnaud arsene arvid asghar ashraf assad atif augusto aurelio axel azhar baba bakary balazs baltazar barney bartholomew basil baudouin beat benedikt benoit bernardo bertrand bilal billie birger blair bo bojan boubacar bradford brady branislav brock bryce bud burak burt caleb carel carles carmelo carsten casey cecil cezary chandler chaz chester chris christophe ciaran clarence claus clay clayton clemens cliff clyde cody conor constantin cornelius cosmin cyril cyrus dalton damian dana danilo dante darius darko darrell darryl daryl davide davor del delroy denny deon derrick dewey dick dimitrios dino dion dirk dmitrij domenico donato donnie donovan dorin dragomir drew dudley duke dusty dylan eamon eddy edmund edoardo edson efrain egil einar eldon eliot ellis elmer elton elvis emanuel emeka emilio emmanuel ennio enzo ephraim ernie errol erwin esa eusebio evandro everton ewan ezra fabian fabrice fatih federico ferdinand fergus ferran ferruccio filippo finn floyd flavio florian ford fraser freddie frederic fritz gaetano garth gaston gavin gene geraint gerardo gerd gerrit gert gheorghe gil gilbert gilberto giles gino giulio giuliano gladstone godfrey gonzalo gordon gottfried graeme grzegorz gunnar gustav gustavo guus hakeem hal hamish hamilton hank harlan harris harvey hasan heath hein helge hendrik herb herbert hernan hilton horace hubert humberto ian ignacio ike ilie imre ingo ion irwin isaac isaiah ismael istvan ivica jacek jakob jamal jan-ove janusz jared jarrod jarvis javed jaime jed jens-peter jeroen jesper joao jochen jody joey johannes jonny jordi joris jorn josue jovan jozef juergen jules juliano jurgen justus kareem karel kasper kazimierz kees kelvin kendall kent kerry kieran kirill kjell klas knut konrad kostas krzysztof kurt lamar lamberto laszlo laurence laurie lazaro lech leif lenny leopold leszek lindsay linus lionel lothar lou lucian luciano ludovic ludwig luka lyle mack malik manny marat marcelo marcin marek marian mariano marius marko martinez marvin mateo mathieu matthijs maurizio maxime mehdi mel melvin merv micah michal michele mick mikael mike milo miroslaw mitchell moises monty morten muhammed nabil nadim nando narcis naseem nate neville niall nico nicky nils noah norberto norm obafemi oddvar odd ole olaf oleksandr oliviero omer orlando orville osvaldo oswaldo otis ottmar ove ozzie paddy paolo pascual patricio pauli pavol pawel pedrag percy perry petar peyton phillip piero piet pietro piotr quentin quinn rafal ralf ramesh ramiro randall raphael rashad raul reginald reinhard remi renato rex reynaldo rhys richie rik riki rocco rod roderick rodolfo rodrigo rogelio rohan rolando romano romeo ronaldo rory rowan royce rui rune rupert rusty ruud salvatore sammy samir sanjay santiago santos sasha saul scottie sebastien serhiy shane shawn shea sheldon sherman sigurd silvan silvio simeon sinisa slavko sonny spencer stanislaw steffen stelios sterling stevie stig stu sylvain tadeusz taylor teddy terence thor thorsten tiago tibor tito tobias todd tomas tomislav tommaso toni torben torsten trent tristan troy tyrone ulf uri valdemar vaclav vadim valentino vasco vaughan vern vernon vicente vidar vince vincenzo virgil vitali vittorio vlade walt warrick wendell wilbur wilfred wilfried willem willy wilson winfried winston wladimir wojtek woody wyatt xavi yannick yaroslav yoshi yusuf zach zane zdravko zeljko zinedine zlatko zoltan zvonimir ada adele agata agnieszka aisha alena alessandra alexia alina allison alma amelie anastasia andrea anja annika antje arantxa astrid aurelie ayesha barbara beatriz benedetta birgit blanca bonnie brigitte britta bronwyn caitlin camille candice carina carly carmen cassandra catalina catarina cecile chantal chiara christa christel clarissa conchita consuelo corinna daniela danuta debora delia desiree dina dominika dorota dragana edwige eleni elisa elke elvira emilie esra eszter eugenia fabienne farah fatma federica florencia franziska gabi gaby gemma genevieve georgina gerda gertrude gianna gisela graciela gudrun gwendolyn halina hana hanna helga henriette hilde huda ilona imelda inga ingeborg iryna isabelle iva ivana jadwiga jana janina jelena jenna jennie joanne jolanta judit julieta jutta kamila karina karla katarina katarzyna katja kerstin kristina lara larisa laurence leila leonie liesl liliana linnea lisbeth liv lorena lotte luisa lyudmila magda magdalena maja malgorzata manon manuela mareike mariana mariela marija marisa marit marta martine maya meike merel mia michaela milena mirela miriam mirjam monika nadine nadja natasha nathalie nicola nikola noemi olena oksana paola patrizia paulina pilar rafaela ramona renata rosalia roswitha sabina sabrina saskia serena signe silke silvana simona sonja stefania stefanie susana svetlana sylvie tatjana teresa therese tiziana ulla ulrike valentina valeria vera verena viktoria violeta vivienne wanda yasmin yelena yvette zofia zuzana";

/// More Latin-script given names common in international news: English, European, Slavic,
/// Arabic, Turkish, Persian, South and East Asian and African names, from general knowledge.
const LATIN_NAMES_MORE: &str = "rickey orel deion logan elijah abigail alexis kayla venus mary-joe mal sergi petr jan-michael \
nicklas richey marc-kevin hicham noureddine said brahim mustapha fermin derartu fatuma tegla \
gete wang qu liu junxia linford ato frankie bruny obadele alastair javagal venkatesh ajay \
navjot nayan curtly shivnarine ottis junior sherwin hansie jonty fanie pat makhaya hami bulent \
tuncay semih nihat yildiray zafer umit okan gokhan ilhan bambang budi susilo joko hadi sri dewi \
taufik kurnia yoshio masahiro toshio kazuyoshi tomohiro tsutomu morihiro saeb hanan marwan \
mahmud hamad khalifa zayed saud amr boutros hafez riad rafik selim naji masoud burhanuddin \
gulbuddin farooq zulfiqar pervez winnie olusegun sani moshood yoweri mobutu idriss ndabaningi \
abel atal lal manmohan indira narasimha inder jyoti chandrababu laloo mulayam mayawati \
jayalalitha sharad yashwant jaswant suharto megawati amien abdurrahman mahathir chuan fidel \
corazon xiaoping jintao jiabao anson grigory ruslan aslan dzhokhar shamil zelimkhan leonid \
konstantin eduard gleb maksim timur galina irina natalya tatyana ludmila ekaterina yekaterina \
alla raisa zinaida nursultan kassym-jomart akezhan imangali daniyal bolat serik yerlan askar \
nurlan erlan kairat almaz asset dariga aliya dinara gulnara saule aigul aizhan zhanna islom \
shavkat kurmanbek emomali saparmurat heydar ilham levon serzh zviad mikheil giorgi nino irakli \
jiri ludvik wlodzimierz bronislaw gyula ferenc arpad jozsef traian zhelyu todor momir radovan \
ratko biljana alija haris franjo kiro sali rexhep edouard charles-henri herve pierre-andre \
joschka oskar hans-dietrich azeglio umberto gianfranco josep leopoldo frits jan-peter uffe gro \
thorbjorn magne ingvar paavo martti bertie gerry newt strobe dianne";

/// Capitalised words that are never given names or surnames on their own (places, groups,
/// calendar and function words), in folded lowercase. Checked before any name rule.
const NOT_NAMES: &str = "москва россия казахстан алматы астана нур-султан украина киев минск беларусь \
белоруссия грузия тбилиси армения азербайджан баку узбекистан ташкент кыргызстан бишкек китай пекин \
япония токио индия германия берлин франция париж италия рим испания мадрид англия лондон британия \
великобритания сша америка вашингтон нью-йорк европа азия африка сибирь урал кавказ крым донбасс \
израиль иран ирак сирия турция анкара стамбул египет каир ливия польша варшава чехия прага латвия \
рига литва вильнюс эстония таллин финляндия швеция норвегия дания канада мексика бразилия аргентина \
чили куба корея сеул пхеньян вьетнам афганистан пакистан кабул шымкент караганда актобе актау \
атырау павлодар семей костанай кызылорда тараз уральск петропавловск талдыкорган туркестан \
оскемен өскемен усть-каменогорск жезказган экибастуз кокшетау байконур алатау жетысу сарыарка \
петербург санкт-петербург новосибирск екатеринбург казань самара омск челябинск ростов уфа волгоград \
пермь красноярск воронеж саратов краснодар тюмень иркутск владивосток хабаровск сочи мурманск \
кремль госдума дума молдавия молдова израиль иордания палестина ливан саудовская аравия эмираты катар кувейт йемен оман \
бахрейн индонезия малайзия таиланд филиппины сингапур австралия зеландия канада бразилия мексика \
венесуэла колумбия перу боливия эквадор уругвай парагвай австрия швейцария бельгия нидерланды голландия \
португалия греция кипр мальта венгрия румыния болгария сербия хорватия словения словакия черногория \
македония албания босния косово исландия ирландия шотландия уэльс нигерия кения эфиопия сомали судан \
алжир марокко тунис юар ангола гана конго камерун зимбабве мозамбик танзания уганда руанда мали нигер \
чад сенегал монголия непал бангладеш мьянма бирма камбоджа лаос тайвань гонконг тибет чечня дагестан \
татарстан башкирия башкортостан якутия бурятия карелия калмыкия ингушетия осетия абхазия приднестровье \
иерусалим тель-авив каир багдад тегеран дамаск бейрут анкара стамбул афины вена будапешт бухарест софия \
белград загреб рим милан неаполь турин венеция флоренция мадрид барселона лиссабон дублин эдинбург \
амстердам брюссель женева цюрих мюнхен гамбург франкфурт кельн стокгольм осло хельсинки копенгаген \
вильнюс таллинн кишинев ереван тбилиси сухуми цхинвали душанбе ашхабад бишкек дели мумбаи пекин шанхай \
сеул токио осака бангкок джакарта манила сидней мельбурн оттава торонто монреаль ванкувер чикаго бостон \
лос-анджелес сан-франциско сан-диего хьюстон даллас майами атланта детройт сиэтл филадельфия \
вашингтоне калифорния техас флорида аляска гавайи манхэттен бруклин голливуд ватикан кремля \
тамбов тула тверь псков новгород смоленск брянск калуга рязань ярославль кострома иваново \
вологда архангельск мурманск петрозаводск сыктывкар киров ижевск казань чебоксары йошкар-ола саранск \
пенза ульяновск тольятти оренбург курган тюмень сургут томск кемерово новокузнецк барнаул абакан кызыл \
чита улан-удэ якутск магадан камчатка сахалин южно-сахалинск благовещенск биробиджан находка норильск \
калининград севастополь симферополь ялта керчь одесса харьков днепр львов донецк луганск запорожье \
херсон николаев винница полтава чернигов житомир гродно брест гомель могилев витебск \
дед мороз снегурочка минфин минюст минтруд минэнерго минкультуры минобрнауки газпром роснефть лукойл \
сбербанк втб ростех роскосмос росатом гринпис ржд рбк тасс интерфакс риа коммерсант ведомости известия \
лента медуза гран-при формула олимпиада евровидение сам сама само сами самого самой минздрав минобороны мид фсб мвд оон нато ес снг еаэс шос обсе юнеско воз \
римский римского римскому римским римская римской святой святого бог аллах рождество пасха наурыз новый год \
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь \
понедельник вторник среда четверг пятница суббота воскресенье \
республика федерация министерство правительство президент премьер министр глава директор \
председатель компания банк университет институт академия центр фонд партия союз совет суд \
управление департамент комитет агентство служба ассоциация общество клуб команда \
интернет фейсбук инстаграм твиттер ютуб телеграм википедия \
это эти этот эта как так когда где если но и а в во на по с со к ко из от до за для при о об про \
он она они мы вы я его ее её их все всё весь вся также однако кроме после перед между через \
тем том там тут здесь сейчас теперь потом затем поэтому хотя пока уже ещё еще лишь только даже \
бұл осы ол олар біз сіз мен және де да бірақ алайда сондай-ақ сонымен қатар қазір кейін \
жаңа жыл қазақстан республикасы елбасы президенті \
the a an this that these those it its he she they we you i his her their our my your \
and but or if when while as at by for from in into of on onto to with without about after \
before during since until over under between through against among according also however \
january february march april may june july august september october november december \
monday tuesday wednesday thursday friday saturday sunday \
north south east west central eastern western northern southern new old great united \
national international republic federal state states city county union party council committee \
ministry government department office bank group company corp corporation inc ltd co club \
university college school institute association federation league cup championship \
street avenue road square park river lake mountain island bay sea ocean gulf \
reuters afp ap nato un eu fifa uefa nasa fbi cia opec imf \
god allah christ jesus christmas easter ramadan mr mrs ms dr \
america american europe european asia asian africa african russia russian china chinese \
germany german france french britain british england english italy italian spain spanish \
japan japanese india indian pakistan iran iraq israel israeli palestinian syria turkey \
london paris moscow berlin rome madrid washington york tokyo beijing brussels geneva \
sunday premier league division americans iraqi iraqis iranian iranians israeli israelis palestinians syrian afghan pakistani indian \
canadian mexican brazilian argentine argentinian chilean cuban colombian peruvian venezuelan australian \
australians zealand zealander irish scottish welsh dutch belgian swiss austrian swedish norwegian danish \
finnish icelandic polish czech slovak hungarian romanian bulgarian serbian croatian bosnian slovenian \
albanian greek turkish cypriot ukrainian belarusian lithuanian latvian estonian georgian armenian \
azerbaijani kazakh uzbek kyrgyz tajik turkmen mongolian korean vietnamese thai malaysian indonesian \
filipino singaporean egyptian libyan tunisian algerian moroccan nigerian kenyan ethiopian somali \
sudanese ugandan zambian zimbabwean angolan ghanaian senegalese saudi kuwaiti qatari emirati yemeni \
jordanian lebanese kurdish kurds arab arabs muslim muslims christian jewish catholic protestant \
shi'ite sunni serb serbs croat croats bosnians albanians chechen chechens tamil sikh hindu \
canada mexico brazil argentina chile peru colombia venezuela australia austria belgium netherlands \
holland switzerland sweden norway denmark finland iceland ireland scotland wales portugal greece \
poland hungary romania bulgaria serbia croatia bosnia slovenia slovakia albania macedonia ukraine \
belarus lithuania latvia estonia armenia azerbaijan kazakhstan uzbekistan kyrgyzstan \
tajikistan turkmenistan mongolia korea vietnam thailand malaysia indonesia philippines singapore \
egypt libya tunisia algeria morocco nigeria kenya ethiopia somalia sudan uganda zambia zimbabwe \
angola ghana senegal saudi arabia kuwait qatar yemen lebanon cyprus afghanistan bangladesh \
nepal sri lanka burma myanmar cambodia laos taiwan hong kong macau tibet chechnya kosovo bosnia \
baghdad tehran kabul islamabad karachi delhi bombay mumbai calcutta dhaka colombo bangkok jakarta \
manila seoul taipei sydney melbourne auckland toronto montreal vancouver ottawa chicago boston \
detroit atlanta miami seattle philadelphia pittsburgh baltimore \
angeles vegas orleans jersey texas california florida ohio michigan illinois \
cairo jerusalem gaza beirut damascus amman riyadh dubai ankara istanbul athens vienna prague warsaw \
budapest bucharest belgrade zagreb sarajevo kiev minsk riga vilnius tallinn helsinki stockholm \
oslo copenhagen amsterdam rotterdam frankfurt munich hamburg cologne turin naples \
barcelona lisbon dublin edinburgh glasgow manchester liverpool birmingham leeds johannesburg nairobi \
lagos kinshasa harare bangui kigali addis havana lima bogota caracas buenos aires \
analysts officials police sources traders dealers experts witnesses residents doctors diplomats \
investigators economists authorities reports shares prices stocks bonds markets troops rebels \
government spokesman spokeswoman president minister secretary chairman treasury treasuries \
agriculture commerce defense defence justice interior finance health labour labor energy \
congress senate parliament cabinet court army navy tuesday's monday's \
exchange federal reserve fed nasdaq dow xinhua itar-tass tass \
interfax kyodo yonhap bernama anatolia ansa efe dpa reuter san santa los las \
люди человек уважаемые дорогие внимание важно примечание источник фото видео договор договора \
заказчик исполнитель субъект филиал сторона стороны услуга услуги приложение раздел статья пункт \
закон кодекс положение правила приказ постановление оферта акцепт тел телефон факс адрес почта \
сайт контакты регистрация фарма сервис сервисэз холдинг лаборатория клиника больница госпиталь \
поликлиника отделение кафедра форум конгресс конференция симпозиум школа программа проект \
гематология онкология медицина здравоохранение правление правления ресей қытай жапония түркия \
өзбекстан қырғызстан тәжікстан түрікменстан әзербайжан еуропа мәскеу бейжің бейжин пекин синьцзян \
шыңжаң ұйғыр ұлыбритания үндістан ауғанстан моңғолия қарағанды караганды өскемен балқаш балхаш \
темиртау теміртау екібастұз риддер жаңаөзен қонаев конаев петропавл талдықорған жезқазған ақтөбе \
ақтау орал қостанай көкшетау түркістан қызылорда семей парламент парламенті мәжіліс сенат үкімет \
министрлік денсаулық қауымдастық орталық орталығы университет аурухана емхана бөлім бөлімше мектеп \
бағдарлама келісімшарт тапсырыс тапсырысберуші орындаушы тарап тараптар қызмет қызметтер тегін \
мекенжай пошта бұрын буын сурет бейне маңызды назар \
позже ранее вчера завтра итак впрочем например наконец сначала далее вскоре недавно давно зато \
причем причём ведь именно особенно сразу всегда никогда иногда часто тогда туда оттуда сюда везде \
поначалу отдельно кстати конечно безусловно действительно вероятно возможно видимо кажется \
кейін содан сондықтан қазір ертең кеше биыл былтыр сосын енді тағы мұнда онда сонда \
service services support school schools consultation consultations forum conference symposium \
workshop seminar webinar program programme project treatment therapy diagnosis diagnostics \
hematology haematology oncology oncohematology transplantation medicine medical clinical clinic \
health healthcare care branch laboratory unit division society academy phone tel fax email e-mail \
address contact contacts website registration appointment appointments schedule venue location \
topic topics speakers participants freelance consulting where does what how why who which whose \
is are was were did could would should must our we you your free welcome dear thank thanks \
please important attention source photo video download zoom whatsapp telegram instagram \
facebook youtube google online offline virtual hybrid section chapter article annex appendix \
agreement contract offer customer contractor subject entity guaranteed mandatory insurance system \
eurasian kazakhstani regional republican soviet sci med phd msc bsc dsc hon cand assoc nur-sultan \
hematologic hematological oncological pediatric paediatric adult adults children child patients \
day days week weeks month months year years today tomorrow yesterday time \
others some many most both several few sales each every another other these those there here \
then thus also yet still even only just now never always often after before burkina faso islam";

/// Lowercase role and title words (heads): "профессор", "президент", "Minister".
/// Matched on a prefix of the folded word so inflected forms count ("президента").
const ROLE_STEMS_RU: &str = "президент премьер-министр премьер министр вице-премьер замминистр \
заместител глава главы главе главой председател директор руководител губернатор мэр аким депутат \
сенатор посол профессор академик доктор врач хирург гематолог онколог главврач заведующ декан ректор \
проректор спикер секретар пресс-секретар советник помощник представител сотрудник журналист \
корреспондент писател поэт поэтесс актер актрис певец певиц режиссер композитор художник скульптор \
архитектор тренер футболист хоккеист теннисист спортсмен чемпион гроссмейстер шахматист боксер \
бизнесмен предпринимател миллиардер адвокат прокурор судья следовател генерал полковник майор \
капитан лейтенант сержант патриарх митрополит епископ папа король королев принц князь царь \
император канцлер госсекретар лидер основател владел экс-президент экс-министр аналитик эксперт \
экономист политолог историк ученый исследовател пациент медсестр волонтер донор студент аспирант \
учител блогер активист оппозиционер кандидат вдов супруг супруга господин госпож г-н г-жа \
исполнител музыкант продюсер фотограф телеведущ ведущ бывш министра министру нардеп премьера \
мырза ханым төраға төрағасы басшы басшысы әкім әкімі министрі президенті директоры дәрігер \
хатшысы елшісі депутаты тілшіміз әріптесім ақын жазушы әнші суретші бапкер спортшы";

const ROLE_WORDS_EN: &str = "president prime minister secretary chairman chair chairwoman director \
professor prof dr doctor mr mrs ms miss sir dame lord lady king queen prince princess pope senator sen \
rep representative governor gov mayor judge justice coach manager striker midfielder defender \
goalkeeper keeper forward captain skipper bowler batsman player spokesman spokeswoman spokesperson \
analyst economist trader dealer chief executive ceo head leader general gen colonel col lieutenant lt \
sergeant sgt commander admiral ambassador envoy official officer inspector detective attorney lawyer \
counsel agent rabbi father reverend rev bishop cardinal archbishop sheikh emir sultan mullah \
ayatollah champion compatriot rival opponent teammate veteran pitcher catcher outfielder infielder \
quarterback linebacker receiver runner cyclist rider driver swimmer jockey trainer boxer star actor \
actress singer writer author novelist poet artist composer producer journalist reporter \
correspondent editor columnist historian scientist researcher physician surgeon nurse patient \
student teacher founder owner investor billionaire businessman tycoon magnate candidate nominee \
challenger incumbent deputy vice assistant adviser advisor aide negotiator mediator rebel warlord \
dissident activist premier chancellor speaker widow wife husband son daughter brother sister mother \
international defenceman winger centre center guard tackle halfback fullback sprinter hurdler \
jumper thrower seed opener spinner wicketkeeper all-rounder paceman left-hander right-hander \
midfield defence counterpart colleague successor predecessor president-elect director-general \
secretary-general chairman-elect manager-coach emperor empress tsar czar duke duchess baron baroness \
defenders midfielders forwards goalkeepers strikers players squad coaches";

/// Speech and reporting verbs that mark a neighbouring capitalised word as a person.
const SPEECH_WORDS: &str = "сказал сказала заявил заявила отметил отметила сообщил сообщила подчеркнул \
подчеркнула добавил добавила считает уверен уверена пояснил пояснила рассказал рассказала признал \
признала признался написал написала пишет утверждает утверждал утверждала заметил заметила заключил \
подытожил резюмировал ответил ответила объяснил объяснила уточнил уточнила напомнил напомнила \
говорит говорил говорила цитирует заверил заверила высказался высказалась выразил выразила \
деді дейді айтты айтады мәлімдеді хабарлады атап жеткізді түсіндірді \
said says told added noted stated declared explained asked wrote argued insisted warned \
acknowledged admitted announced commented complained confirmed denied replied reported \
suggested urged";

/// Reporting verbs that also take a newspaper or agency as subject ("пишет Лента.ру").
pub const MEDIA_VERBS: &[&str] =
    &["пишет", "цитирует", "сообщает", "сообщил", "сообщила", "reported", "wrote"];

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
}

/// A given name found in a lexicon: nominative form and gender.
#[derive(Debug, Clone)]
pub struct Given {
    /// Nominative form as listed.
    pub lemma: &'static str,
    /// Gender.
    pub gender: Gender,
}

/// Cyrillic given names keyed by folded nominative.
pub static CYR_GIVEN: LazyLock<HashMap<String, Given>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (list, gender) in [
        (RU_MALE, Gender::Male),
        (FOREIGN_MALE_CYR, Gender::Male),
        (KK_MALE, Gender::Male),
        (RU_FEMALE, Gender::Female),
        (FOREIGN_FEMALE_CYR, Gender::Female),
        (KK_FEMALE, Gender::Female),
    ] {
        for w in words(list) {
            m.entry(fold(w)).or_insert(Given { lemma: w, gender });
        }
    }
    m
});

/// Latin-script given names, folded with [`super::coref::key_fold`]: the Latin list plus
/// every Cyrillic given name transliterated ("Ирина" → "irina", "Алексей" → "aleksey").
pub static LATIN_GIVEN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set: HashSet<String> =
        words(LATIN_NAMES).chain(words(LATIN_NAMES_MORE)).map(super::coref::key_fold).collect();
    for list in [RU_MALE, RU_FEMALE, KK_MALE, KK_FEMALE] {
        set.extend(words(list).map(|w| super::coref::key_fold(&crate::translit::to_latin(w))));
    }
    set
});

/// A Latin-script word (lowercase) is a given name.
pub fn is_latin_given(lower: &str) -> bool {
    LATIN_GIVEN.contains(&super::coref::key_fold(lower))
}

/// Words that are never names alone (folded lowercase).
pub static NOT_NAME: LazyLock<HashSet<String>> = LazyLock::new(|| words(NOT_NAMES).map(fold).collect());

/// Role stems (Cyrillic, folded).
pub static ROLE_STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| words(ROLE_STEMS_RU).map(fold).collect());

/// The first three chars of each role stem of three or more chars.
static ROLE_STEM_STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ROLE_STEMS
        .iter()
        .filter_map(|s| {
            s.char_indices().nth(3).map(|(e, _)| &s[..e]).or((s.chars().count() == 3).then_some(s.as_str()))
        })
        .collect()
});

/// English role words.
pub static ROLE_EN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(ROLE_WORDS_EN).collect());

/// Speech verbs (folded).
pub static SPEECH: LazyLock<HashSet<String>> = LazyLock::new(|| words(SPEECH_WORDS).map(fold).collect());

/// The folded lowercase word is a role or title.
pub fn is_role(folded: &str) -> bool {
    if ROLE_EN.contains(folded) {
        return true;
    }
    // a stem of 3+ chars followed by at most 3 more chars: the whole word, then the word
    // without its last 1, 2 and 3 chars while 3 or more chars are left
    if ROLE_STEMS.contains(folded) {
        return true;
    }
    // (a shorter stem starts with the word's first three chars)
    if !folded.char_indices().nth(3).is_some_and(|(e, _)| ROLE_STEM_STARTS.contains(&folded[..e])) {
        return false;
    }
    let mut rest = folded;
    for _ in 0..3 {
        let mut cs = rest.chars();
        if cs.next_back().is_none() {
            return false;
        }
        rest = cs.as_str();
        if rest.chars().nth(2).is_none() {
            return false;
        }
        if ROLE_STEMS.contains(rest) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(CYR_GIVEN.contains_key("нурсултан"));
        assert!(CYR_GIVEN.contains_key("ирина"));
        assert!(is_latin_given("kaiyan"));
        assert!(is_latin_given("irina"));
        assert!(is_latin_given("alexey"));
        assert!(NOT_NAME.contains("москва"));
        assert!(is_role("профессора"));
        assert!(is_role("minister"));
        assert!(!is_role("москва"));
    }

    #[test]
    fn role_stems_and_endings() {
        // the old definition: a stem of 3+ chars followed by at most 3 more chars
        let old = |w: &str| {
            let ends: Vec<usize> = w.char_indices().map(|(i, _)| i).skip(3).chain([w.len()]).collect();
            ROLE_EN.contains(w) || ends.iter().rev().take(4).any(|&e| ROLE_STEMS.contains(&w[..e]))
        };
        let mut words: Vec<String> = ROLE_STEMS.iter().cloned().collect();
        for stem in ROLE_STEMS.iter() {
            for end in ["", "а", "ом", "ами", "ская", "ь", "x"] {
                words.push(format!("{stem}{end}"));
            }
            let short: String = stem.chars().take(2).collect();
            words.push(short);
        }
        words.extend(["", "a", "ab", "абв", "директор", "директорами", "директорамии"].map(String::from));
        for w in &words {
            assert_eq!(is_role(w), old(w), "{w}");
        }
    }
}
