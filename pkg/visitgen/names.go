package visitgen

// The names below are common given names and surnames combined at random; the people,
// therapists and doctors they make up are invented. The German lists stay within
// Windows-1252, as names do in practice software that stores that code page.

var germanFemale = []string{
	"Anna", "Maria", "Ursula", "Monika", "Petra", "Sabine", "Claudia", "Andrea", "Birgit",
	"Renate", "Karin", "Gisela", "Helga", "Ingrid", "Jutta", "Katrin", "Julia", "Lena",
	"Laura", "Sophie", "Hannah", "Lea", "Emilia", "Marie", "Jana", "Nicole", "Susanne",
	"Stefanie", "Christa", "Gülay", "Zoë", "Bärbel", "Doris", "Elif", "Agnieszka", "Tanja",
	"Heike", "Silke", "Franziska", "Charlotte",
}

var germanMale = []string{
	"Thomas", "Michael", "Andreas", "Stefan", "Peter", "Klaus", "Jürgen", "Wolfgang",
	"Frank", "Markus", "Christian", "Martin", "Uwe", "Dieter", "Günter", "Horst", "Jan",
	"Lukas", "Felix", "Jonas", "Leon", "Paul", "Maximilian", "Tim", "Sebastian", "Tobias",
	"Mehmet", "Ömer", "René", "Jörg", "Bernd", "Rainer", "Heinz", "Niklas", "Piotr",
	"Matthias", "Florian", "Ralf", "Sven", "Kai",
}

var germanSurnames = []string{
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
	"Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
	"Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
	"Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid",
	"Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser",
	"Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
	"Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth",
	"Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig",
	"Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger",
	"Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber",
	"Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn",
	"Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
	"Yilmaz", "Kaya", "Nowak", "Kowalski", "Özdemir", "Popescu", "García", "Rossi",
	"Dabrowski", "Nguyen", "Ivanovic", "de Vries", "Müller-Lüdenscheidt", "von Bülow",
}

// therapists of the practice: invented names.
var therapists = []string{
	"Anja Berger", "Jonas Keller", "Miriam Schulte-Ebbert", "Tobias Wendt", "Leonie Hagedorn",
	"Dariusz Nowacki",
}

// therapistWeight makes some therapists busier than others.
var therapistWeight = []float64{1.3, 1.2, 1.0, 1.0, 0.8, 0.7}

// referrers are invented doctors who write prescriptions.
var referrers = []string{
	"Dr. med. Katrin Albers, Orthopädie",
	"Dr. med. Stefan Brandenburg, Allgemeinmedizin",
	"Dr. med. Yusuf Demirel, Unfallchirurgie",
	"Dr. med. Petra Vogelsang, Orthopädie",
	"Dr. med. Frank Lorenzen, Neurologie",
	"Dr. med. Ines Rothkegel, Innere Medizin",
	"MVZ am Stadtpark, Orthopädie",
	"Dr. med. Hans-Georg Pieper, Allgemeinmedizin",
}

var referrerWeight = []float64{3, 2.5, 1, 2, 0.7, 0.8, 1.5, 1.2}

// locations of the practice.
var locations = []string{"Mitte", "Weststadt"}

// mailDomains are reserved for documentation (RFC 2606), so no address reaches anyone.
var mailDomains = []string{"example.com", "example.org", "example.net"}

// fictionalPhonePrefixes are the German landline ranges the Bundesnetzagentur sets aside for
// films and books; each is followed by three digits.
var fictionalPhonePrefixes = []string{"030 23125", "069 90009", "040 66969", "0221 4710", "089 99998"}

// Notes that staff type into the free-text column. Some hold the separator, quotes or a
// line break on purpose: exports have them.
var notesAttended = []string{
	"Rezept liegt vor",
	"Zuzahlung bar erhalten",
	"Befreiungsausweis liegt vor",
	"Pat. kommt mit Rollator",
	"bitte großes Handtuch mitbringen",
	"Folgerezept angefragt; Arzt informiert",
	"Pat. wünscht \"immer vormittags\"",
	"Schmerzen LWS\nBefund vom Orthopäden liegt bei",
	"Übungsblatt \"Rücken\" mitgegeben; nächste Woche kontrollieren",
	"Termin telefonisch bestätigt",
	"Parkplatz hinten nutzen",
	"Hausaufgaben: Dehnübungen 2x täglich",
	"Pat. bringt Befund (MRT) mit",
	"Therapieplan besprochen",
}

var notesCancelled = []string{
	"krank",
	"Pat. hat abgesagt (Arbeit)",
	"kurzfristig abgesagt; keine Ausfallgebühr",
	"Kind krank",
	"abgesagt per E-Mail",
	"Pat. im Urlaub",
	"Termin verschoben",
}

var notesNoShow = []string{
	"nicht erreicht",
	"Pat. nicht erschienen, AB besprochen",
	"nicht erschienen; Erinnerung geschickt",
}

var notesManyContacts = []string{
	"Termin verschoben",
	"erneut verschoben; Pat. verärgert",
	"Pat. ruft wegen Rechnung an",
	"Beschwerde: \"wieder jemand anderes\"",
	"Pat. wollte früheren Termin, keiner frei",
	"Rückruf gewünscht\nbisher nicht erreicht",
}

var englishFirst = []string{
	"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
	"Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
	"Sarah", "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty",
	"Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul",
	"Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda",
	"Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie",
	"Jason", "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob",
	"Amy", "Gary", "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna",
	"Stephen", "Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon",
	"Helen", "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Frank",
	"Debra", "Alexander", "Rachel", "Raymond", "Carolyn", "Patrick", "Janet", "Jack", "Maria",
	"José", "Zoë", "Siobhán", "Chloé", "Renée", "Mia", "Noah", "Olivia", "Liam", "Ava",
}

var englishLast = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
	"Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
	"Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
	"Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
	"King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
	"Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
	"Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins",
	"Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez",
	"Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos",
	"Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
	"Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo",
	"Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "O'Brien", "O'Neill", "Müller",
	"Smith-Jones", "Van der Berg", "Nakamura",
}

var notesEnglish = []string{
	"Prefers quiet room",
	"Allergic to latex, use nitrile gloves",
	"Said \"too short\" last time, check with her",
	"Running late\ncall before starting",
	"Paid with gift card, balance $20.00",
	"Wants the same stylist as last time",
	"Birthday voucher, 10% off",
	"Complained about wait, offered discount",
	"\"VIP\" - greet by name",
	"Reschedule requested, see email",
	"Sensitive scalp",
	"Bring product samples",
}
