import type { ActivityPhase, BuiltInActivity } from './activity';

/**
 * Built-in stop-motion projects (docs/design/domain.md, "Stop-motion with children"). Each is a
 * whole project for a group, one session per phase in the order of STOP_MOTION_PHASES. Most of the
 * process is not digital: story, storyboard and figures are screen-free; children rotate the
 * roles photographer, button-presser, animator and sound while animating and recording sound.
 */

type Text = BuiltInActivity['title'];

const FILIORUM = {
	title: 'Filiorum, Universitetet i Stavanger: Barnehagebarn lager animasjonsfilm',
	url: 'https://www.uis.no/nb/forskning/barnehagebarn-lager-animasjonsfilm'
};

/** A planning or making session: no screen. */
function offScreen(
	phase: 'story' | 'storyboard' | 'figures',
	minutes: number,
	title: Text
): ActivityPhase {
	return { phase, title, minutes, screenMode: 'screenFree', screenMinutes: 0, rotatesRoles: false };
}

/** Animating or recording sound: creative screen use, children rotate roles. */
function rotating(
	phase: 'animate' | 'sound',
	minutes: number,
	screenMinutes: number,
	title: Text
): ActivityPhase {
	return { phase, title, minutes, screenMode: 'creative', screenMinutes, rotatesRoles: true };
}

/** Watching the group's own film together. */
function showing(minutes: number, screenMinutes: number, title: Text): ActivityPhase {
	return {
		phase: 'show',
		title,
		minutes,
		screenMode: 'passive',
		screenMinutes,
		rotatesRoles: false
	};
}

const TABLET: Text = {
	nb: 'Nettbrett med en stop-motion-app',
	nn: 'Nettbrett med ein stop-motion-app',
	en: 'Tablet with a stop-motion app'
};
const TRIPOD: Text = {
	nb: 'Stativ eller animasjonsboks',
	nn: 'Stativ eller animasjonsboks',
	en: 'Tripod or animation box'
};
const LAMP: Text = {
	nb: 'Bordlampe som gir jevnt lys',
	nn: 'Bordlampe som gir jamt lys',
	en: 'Desk lamp for even light'
};

export const stopMotionActivities: BuiltInActivity[] = [
	{
		id: 'stop-motion-plasticine-animals',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Plastelinadyr på eventyr',
			nn: 'Plastelinadyr på eventyr',
			en: 'Plasticine animals on an adventure'
		},
		summary: {
			nb: 'Barna dikter en fortelling om dyr, former dyrene i plastelina og lager sin egen korte animasjonsfilm. Det meste skjer ved bordet med hender og plastelina; nettbrettet kommer først fram når figurene er klare.',
			nn: 'Barna diktar ei forteljing om dyr, formar dyra i plastelina og lagar sin eigen korte animasjonsfilm. Det meste skjer ved bordet med hender og plastelina; nettbrettet kjem først fram når figurane er klare.',
			en: 'The children make up a story about animals, model the animals in plasticine and make their own short animated film. Most of the work happens at the table with hands and plasticine; the tablet only comes out once the figures are ready.'
		},
		ageMin: 3,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 6,
		durationMinutes: 40,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'Plastelina i mange farger',
				nn: 'Plastelina i mange fargar',
				en: 'Plasticine in many colours'
			},
			{
				nb: 'A3-ark eller papp til bakgrunn og gulv',
				nn: 'A3-ark eller papp til bakgrunn og golv',
				en: 'A3 paper or cardboard for the backdrop and floor'
			},
			{
				nb: 'Ark og fargestifter til storyboard',
				nn: 'Ark og fargestiftar til storyboard',
				en: 'Paper and crayons for the storyboard'
			},
			LAMP
		],
		steps: [
			{
				nb: 'Samle barna i en ring og spør: Hvilket dyr skal være med, og hva skjer med det? Skriv ned barnas ideer og hjelp dem å bli enige om en start, et problem og en slutt.',
				nn: 'Samle barna i ein ring og spør: Kva dyr skal vere med, og kva skjer med det? Skriv ned ideane til barna og hjelp dei å bli samde om ein start, eit problem og ein slutt.',
				en: "Gather the children in a circle and ask: Which animal is in the story, and what happens to it? Write down the children's ideas and help them agree on a beginning, a problem and an ending."
			},
			{
				nb: 'La barna tegne fortellingen i fire til seks ruter på et stort ark. Heng storyboardet opp der dere skal animere.',
				nn: 'La barna teikne forteljinga i fire til seks ruter på eit stort ark. Heng storyboardet opp der de skal animere.',
				en: 'Let the children draw the story in four to six boxes on a large sheet. Put the storyboard up where you will be animating.'
			},
			{
				nb: 'Form dyrene i plastelina. Hold figurene små og kraftige, med korte bein, så de står av seg selv. Lag bakgrunn og gulv av papp og papir.',
				nn: 'Form dyra i plastelina. Hald figurane små og kraftige, med korte bein, så dei står av seg sjølve. Lag bakgrunn og golv av papp og papir.',
				en: 'Model the animals in plasticine. Keep the figures small and sturdy, with short legs, so they stand on their own. Make a backdrop and floor from cardboard and paper.'
			},
			{
				nb: 'Sett nettbrettet fast i stativet og teip bakgrunnen fast. Vis hvordan en liten flytting og så ett bilde gir bevegelse: flytt, ta bilde, flytt igjen.',
				nn: 'Set nettbrettet fast i stativet og teip bakgrunnen fast. Vis korleis ei lita flytting og så eitt bilete gir rørsle: flytt, ta bilete, flytt igjen.',
				en: 'Fix the tablet in the tripod and tape down the backdrop. Show how a small move followed by one photo makes movement: move, take a photo, move again.'
			},
			{
				nb: 'Animer i grupper på tre eller fire. Barna bytter roller etter noen bilder: fotograf, knappetrykker, animatør og lyd. Se på det dere har laget underveis.',
				nn: 'Animer i grupper på tre eller fire. Barna byter roller etter nokre bilete: fotograf, knappetrykkar, animatør og lyd. Sjå på det de har laga undervegs.',
				en: 'Animate in groups of three or four. The children swap roles every few photos: photographer, button-presser, animator and sound. Watch what you have made as you go.'
			},
			{
				nb: 'Ta opp dyrelyder og gjerne musikk barna lager selv, rett i appen.',
				nn: 'Ta opp dyrelydar og gjerne musikk barna lagar sjølve, rett i appen.',
				en: 'Record animal sounds and, ideally, music the children make themselves, straight into the app.'
			},
			{
				nb: 'Vis filmen for hele gruppa. La barna fortelle hvordan de laget den, og spør om de vil vise den for flere.',
				nn: 'Vis filmen for heile gruppa. La barna fortelje korleis dei laga han, og spør om dei vil vise han for fleire.',
				en: 'Show the film to the whole group. Let the children tell how they made it, and ask whether they want to show it to anyone else.'
			}
		],
		learningAreas: ['art', 'communication', 'nature'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 20,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvordan beveger dyret seg? Hopper, kryper eller flyr det?',
				nn: 'Korleis rører dyret seg? Hoppar, kryp eller flyg det?',
				en: 'How does the animal move? Does it hop, crawl or fly?'
			},
			{
				nb: 'Hva skjer videre i fortellingen?',
				nn: 'Kva skjer vidare i forteljinga?',
				en: 'What happens next in the story?'
			},
			{
				nb: 'Hvem eier filmen, og hvem får se den?',
				nn: 'Kven eig filmen, og kven får sjå han?',
				en: 'Who owns the film, and who may watch it?'
			}
		],
		staffTips: [
			{
				nb: 'Teip føttene på stativet til bordet, så bildet ikke hopper.',
				nn: 'Teip føtene på stativet til bordet, så biletet ikkje hoppar.',
				en: "Tape the tripod's feet to the table so the picture does not jump."
			},
			{
				nb: 'Mange små bevegelser gir en roligere film enn få store.',
				nn: 'Mange små rørsler gir ein roligare film enn få store.',
				en: 'Many small movements give a smoother film than a few big ones.'
			},
			{
				nb: 'Ha ekstra plastelina klar: figurer faller fra hverandre, og det er en del av moroa.',
				nn: 'Ha ekstra plastelina klar: figurar fell frå kvarandre, og det er ein del av moroa.',
				en: 'Keep extra plasticine ready: figures fall apart, and that is part of the fun.'
			},
			{
				nb: 'Gi stille barn en tydelig rolle, for eksempel fotograf, så alle bidrar.',
				nn: 'Gi stille barn ei tydeleg rolle, til dømes fotograf, så alle bidreg.',
				en: 'Give quiet children a clear role, such as photographer, so everyone contributes.'
			}
		],
		privacy: {
			nb: 'Film figurene og barnas hender, ikke ansikt. Ta bare opp barnas stemmer når foreldrene har samtykket. Lagre filmen i barnehagens godkjente system, aldri på private telefoner. Spør barna før dere viser filmen, og innhent samtykke for hver kanal før den vises utenfor gruppa.',
			nn: 'Film figurane og hendene til barna, ikkje andlet. Ta berre opp stemmene til barna når foreldra har samtykt. Lagre filmen i det godkjende systemet til barnehagen, aldri på private telefonar. Spør barna før de viser filmen, og hent inn samtykke for kvar kanal før han blir vist utanfor gruppa.',
			en: "Film the figures and the children's hands, not their faces. Record children's voices only where parents have consented. Store the film in the kindergarten's approved system, never on private phones. Ask the children before showing the film, and get consent for each channel before it is shown outside the group."
		},
		source: FILIORUM,
		phases: [
			offScreen('story', 20, {
				nb: 'Vi dikter fortellingen',
				nn: 'Vi diktar forteljinga',
				en: 'Making up the story'
			}),
			offScreen('storyboard', 25, {
				nb: 'Vi tegner hva som skjer',
				nn: 'Vi teiknar kva som skjer',
				en: 'Drawing what happens'
			}),
			offScreen('figures', 40, {
				nb: 'Vi former dyr og kulisser',
				nn: 'Vi formar dyr og kulissar',
				en: 'Modelling animals and sets'
			}),
			rotating('animate', 35, 20, {
				nb: 'Vi animerer i små grupper',
				nn: 'Vi animerer i små grupper',
				en: 'Animating in small groups'
			}),
			rotating('sound', 20, 10, {
				nb: 'Vi lager lyder til filmen',
				nn: 'Vi lagar lydar til filmen',
				en: 'Making sounds for the film'
			}),
			showing(15, 5, {
				nb: 'Filmpremiere for gruppa',
				nn: 'Filmpremiere for gruppa',
				en: 'Film premiere for the group'
			})
		]
	},
	{
		id: 'stop-motion-cardboard-city',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Pappeskebyen vår',
			nn: 'Pappeskebyen vår',
			en: 'Our cardboard-box city'
		},
		summary: {
			nb: 'Barna bygger en by av pappesker, med hus, veier og butikker de kjenner fra nærmiljøet, og lager en film om en tur gjennom byen. Et fint prosjekt for å snakke om hva som finnes der vi bor.',
			nn: 'Barna byggjer ein by av pappesker, med hus, vegar og butikkar dei kjenner frå nærmiljøet, og lagar ein film om ein tur gjennom byen. Eit fint prosjekt for å snakke om kva som finst der vi bur.',
			en: 'The children build a city of cardboard boxes, with houses, roads and shops they know from the neighbourhood, and make a film about a trip through it. A good project for talking about what there is where we live.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 8,
		durationMinutes: 45,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'Pappesker i ulike størrelser',
				nn: 'Pappesker i ulike storleikar',
				en: 'Cardboard boxes of different sizes'
			},
			{
				nb: 'Papir, tusj, teip og lim',
				nn: 'Papir, tusj, teip og lim',
				en: 'Paper, felt-tip pens, tape and glue'
			},
			{
				nb: 'Små figurer eller lekebiler',
				nn: 'Små figurar eller leikebilar',
				en: 'Small figures or toy cars'
			},
			{
				nb: 'Bilder fra en tur i nærmiljøet, uten personer',
				nn: 'Bilete frå ein tur i nærmiljøet, utan personar',
				en: 'Photos from a walk in the neighbourhood, without people'
			},
			LAMP
		],
		steps: [
			{
				nb: 'Gå en tur i nærmiljøet eller se på bilder derfra. Spør barna: Hvilke hus, veier og steder vil dere ha med i byen vår?',
				nn: 'Gå ein tur i nærmiljøet eller sjå på bilete derifrå. Spør barna: Kva hus, vegar og stader vil de ha med i byen vår?',
				en: 'Go for a walk in the neighbourhood or look at photos from it. Ask the children: Which houses, roads and places should be in our city?'
			},
			{
				nb: 'Dikt sammen en enkel fortelling, for eksempel om en bil som skal hente noe i butikken. Tegn et kart over byen og et storyboard med fire til seks bilder.',
				nn: 'Dikt saman ei enkel forteljing, til dømes om ein bil som skal hente noko i butikken. Teikn eit kart over byen og eit storyboard med fire til seks bilete.',
				en: 'Make up a simple story together, for example about a car that must fetch something from the shop. Draw a map of the city and a storyboard of four to six pictures.'
			},
			{
				nb: 'Bygg byen av pappesker på et stort bord eller på gulvet. Tegn vinduer, dører og skilt. Teip husene fast, så de ikke flytter seg mens dere animerer.',
				nn: 'Bygg byen av pappesker på eit stort bord eller på golvet. Teikn vindauge, dører og skilt. Teip husa fast, så dei ikkje flyttar seg medan de animerer.',
				en: 'Build the city from cardboard boxes on a large table or on the floor. Draw windows, doors and signs. Tape the houses down so they do not move while you animate.'
			},
			{
				nb: 'Animer i grupper på tre eller fire. Flytt bilen eller figuren en fingerbredde mellom hvert bilde. Barna bytter roller underveis: fotograf, knappetrykker, animatør og lyd.',
				nn: 'Animer i grupper på tre eller fire. Flytt bilen eller figuren ei fingerbreidd mellom kvart bilete. Barna byter roller undervegs: fotograf, knappetrykkar, animatør og lyd.',
				en: "Animate in groups of three or four. Move the car or figure one finger's width between photos. The children swap roles as you go: photographer, button-presser, animator and sound."
			},
			{
				nb: 'Lag bylyder med munnen, instrumenter og ting i rommet, og ta dem opp i appen.',
				nn: 'Lag bylydar med munnen, instrument og ting i rommet, og ta dei opp i appen.',
				en: 'Make city sounds with your mouths, instruments and things in the room, and record them in the app.'
			},
			{
				nb: 'Vis filmen med byen stilt ut ved siden av. Snakk om hva som ligner på nærmiljøet, og hva som er fantasi.',
				nn: 'Vis filmen med byen stilt ut ved sida av. Snakk om kva som liknar på nærmiljøet, og kva som er fantasi.',
				en: 'Show the film with the city on display beside it. Talk about what looks like the neighbourhood and what is make-believe.'
			}
		],
		learningAreas: ['art', 'community', 'quantities', 'communication'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 25,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvor går veien, og hva ligger ved siden av butikken?',
				nn: 'Kvar går vegen, og kva ligg ved sida av butikken?',
				en: 'Where does the road go, and what is next to the shop?'
			},
			{
				nb: 'Hvordan får vi bilen til å kjøre sakte eller fort?',
				nn: 'Korleis får vi bilen til å køyre sakte eller fort?',
				en: 'How do we make the car drive slowly or fast?'
			},
			{
				nb: 'Kan vi vise filmen til noen utenfor gruppa? Hva må vi spørre om først?',
				nn: 'Kan vi vise filmen til nokon utanfor gruppa? Kva må vi spørje om først?',
				en: 'May we show the film to anyone outside the group? What must we ask first?'
			}
		],
		staffTips: [
			{
				nb: 'Bygg byen der den kan stå i flere dager, så dere slipper å rydde mellom øktene.',
				nn: 'Bygg byen der han kan stå i fleire dagar, så de slepp å rydde mellom øktene.',
				en: 'Build the city where it can stay for several days, so you need not tidy up between sessions.'
			},
			{
				nb: 'Teip føttene på stativet og merk plassen til kameraet med teip på gulvet.',
				nn: 'Teip føtene på stativet og merk plassen til kameraet med teip på golvet.',
				en: "Tape the tripod's feet and mark the camera's position with tape on the floor."
			},
			{
				nb: 'Korte avstander mellom bildene gir myk bevegelse; store hopp gir fart.',
				nn: 'Korte avstandar mellom bileta gir mjuk rørsle; store hopp gir fart.',
				en: 'Short distances between photos give smooth movement; big jumps give speed.'
			},
			{
				nb: 'La barn som ikke vil stå fremst, ha ansvar for lyd eller for å trykke.',
				nn: 'La barn som ikkje vil stå fremst, ha ansvar for lyd eller for å trykkje.',
				en: 'Let children who do not want to be at the front be in charge of sound or of pressing the button.'
			}
		],
		privacy: {
			nb: 'Filmen viser byen, figurene og barnas hender, ikke ansikt. Bruk bilder fra nærmiljøet uten personer og bilskilt. Stemmer tas bare opp med samtykke fra foreldrene. Lagre alt i barnehagens godkjente system, ikke på private telefoner, og spør barna før filmen vises. Vis den utenfor gruppa bare med samtykke for den kanalen.',
			nn: 'Filmen viser byen, figurane og hendene til barna, ikkje andlet. Bruk bilete frå nærmiljøet utan personar og bilskilt. Stemmer blir berre tekne opp med samtykke frå foreldra. Lagre alt i det godkjende systemet til barnehagen, ikkje på private telefonar, og spør barna før filmen blir vist. Vis han utanfor gruppa berre med samtykke for den kanalen.',
			en: "The film shows the city, the figures and the children's hands, not faces. Use neighbourhood photos without people or number plates. Record voices only with parents' consent. Keep everything in the kindergarten's approved system, not on private phones, and ask the children before the film is shown. Show it outside the group only with consent for that channel."
		},
		source: FILIORUM,
		phases: [
			offScreen('story', 25, {
				nb: 'Hva skal skje i byen?',
				nn: 'Kva skal skje i byen?',
				en: 'What happens in the city?'
			}),
			offScreen('storyboard', 25, {
				nb: 'Vi tegner kart og storyboard',
				nn: 'Vi teiknar kart og storyboard',
				en: 'Drawing a map and a storyboard'
			}),
			offScreen('figures', 45, {
				nb: 'Vi bygger byen',
				nn: 'Vi byggjer byen',
				en: 'Building the city'
			}),
			rotating('animate', 40, 25, {
				nb: 'Vi animerer turen gjennom byen',
				nn: 'Vi animerer turen gjennom byen',
				en: 'Animating the trip through the city'
			}),
			rotating('sound', 20, 10, {
				nb: 'Bylyder: trafikk, fugler og stemmer',
				nn: 'Bylydar: trafikk, fuglar og stemmer',
				en: 'City sounds: traffic, birds and voices'
			}),
			showing(15, 5, {
				nb: 'Vi viser filmen om byen vår',
				nn: 'Vi viser filmen om byen vår',
				en: 'Showing the film about our city'
			})
		]
	},
	{
		id: 'stop-motion-paper-fairy-tale',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Eventyr fortalt på nytt med papirfigurer',
			nn: 'Eventyr fortalt på nytt med papirfigurar',
			en: 'A fairy tale retold with paper cut-outs'
		},
		summary: {
			nb: 'Barna forteller et folkeeventyr de kjenner på nytt, for eksempel De tre bukkene Bruse, med flate papirfigurer på et bord. De bestemmer selv hva som skal være likt, og hva som skal være nytt i deres versjon.',
			nn: 'Barna lagar si eiga utgåve av eit folkeeventyr dei kjenner, til dømes Dei tre bukkane Bruse, med flate papirfigurar på eit bord. Dei bestemmer sjølve kva som skal vere likt, og kva som skal vere nytt.',
			en: 'The children retell a folk tale they know, such as The Three Billy Goats Gruff, with flat paper figures on a table. They decide for themselves what stays the same and what is new in their version.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 6,
		durationMinutes: 40,
		setting: 'indoor',
		materials: [
			TABLET,
			{
				nb: 'Stativ som holder nettbrettet over bordet, eller animasjonsboks',
				nn: 'Stativ som held nettbrettet over bordet, eller animasjonsboks',
				en: 'Overhead tripod that holds the tablet above the table, or an animation box'
			},
			{
				nb: 'Kartong, farget papir, sakser og lim',
				nn: 'Kartong, farga papir, saksar og lim',
				en: 'Card, coloured paper, scissors and glue'
			},
			{
				nb: 'Splittbinders til armer og bein som kan bevege seg',
				nn: 'Splittbinders til armar og bein som kan røre seg',
				en: 'Split pins for arms and legs that move'
			},
			{
				nb: 'Heftemasse, så figurene ligger stille',
				nn: 'Heftemasse, så figurane ligg stille',
				en: 'Reusable adhesive putty to keep figures still'
			},
			LAMP
		],
		steps: [
			{
				nb: 'Les eller fortell eventyret, gjerne flere ganger. Spør barna: Hvem er med? Hva skjer først, så og til slutt? Hva vil dere forandre?',
				nn: 'Les eller fortel eventyret, gjerne fleire gonger. Spør barna: Kven er med? Kva skjer først, så og til slutt? Kva vil de endre?',
				en: 'Read or tell the tale, ideally several times. Ask the children: Who is in it? What happens first, next and at the end? What would you like to change?'
			},
			{
				nb: 'Tegn storyboardet sammen, én rute per del av eventyret. Snakk om at barna lager egne figurer i stedet for å kopiere bildene i boka.',
				nn: 'Teikn storyboardet saman, éi rute per del av eventyret. Snakk om at barna lagar eigne figurar i staden for å kopiere bileta i boka.',
				en: 'Draw the storyboard together, one box per part of the tale. Talk about making their own figures instead of copying the pictures in the book.'
			},
			{
				nb: 'Klipp ut figurer av kartong. Fest armer, bein og hoder med splittbinders, så de kan bevege seg. Lag bakgrunn, bro og elv av farget papir.',
				nn: 'Klipp ut figurar av kartong. Fest armar, bein og hovud med splittbinders, så dei kan røre seg. Lag bakgrunn, bru og elv av farga papir.',
				en: 'Cut the figures out of card. Attach arms, legs and heads with split pins so they can move. Make the backdrop, bridge and river from coloured paper.'
			},
			{
				nb: 'Sett nettbrettet over bordet slik at kameraet ser rett ned, og teip bakgrunnen fast. Barna flytter figurene litt og litt og bytter roller: fotograf, knappetrykker, animatør og lyd.',
				nn: 'Set nettbrettet over bordet slik at kameraet ser rett ned, og teip bakgrunnen fast. Barna flyttar figurane litt og litt og byter roller: fotograf, knappetrykkar, animatør og lyd.',
				en: 'Mount the tablet above the table so the camera looks straight down, and tape the backdrop down. The children move the figures a little at a time and swap roles: photographer, button-presser, animator and sound.'
			},
			{
				nb: 'Ta opp fortellerstemme og lyder: tramp over brua, trollet som brøler, vann som renner. Den som ikke vil snakke, kan lage lyder.',
				nn: 'Ta opp forteljarstemme og lydar: tramp over brua, trollet som brølar, vatn som renn. Den som ikkje vil snakke, kan lage lydar.',
				en: 'Record the narration and sounds: trip-trap over the bridge, the troll roaring, running water. Anyone who does not want to speak can make sounds.'
			},
			{
				nb: 'Hold eventyrkino for gruppa. Sammenlign filmen med eventyret i boka: Hva ble likt, og hva ble nytt?',
				nn: 'Hald eventyrkino for gruppa. Samanlikn filmen med eventyret i boka: Kva vart likt, og kva vart nytt?',
				en: 'Hold a fairy-tale cinema for the group. Compare the film with the tale in the book: What stayed the same, and what was new?'
			}
		],
		learningAreas: ['communication', 'art'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 20,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvem har laget eventyret, og hvem har laget bildene i boka? Hvorfor lager vi egne figurer?',
				nn: 'Kven har laga eventyret, og kven har laga bileta i boka? Kvifor lagar vi eigne figurar?',
				en: 'Who made up the tale, and who made the pictures in the book? Why do we make our own figures?'
			},
			{
				nb: 'Hvordan går den minste bukken, og hvordan går den største?',
				nn: 'Korleis går den minste bukken, og korleis går den største?',
				en: 'How does the smallest goat walk, and how does the biggest?'
			},
			{
				nb: 'Hva skjer hvis vi forandrer slutten?',
				nn: 'Kva skjer om vi endrar slutten?',
				en: 'What happens if we change the ending?'
			}
		],
		staffTips: [
			{
				nb: 'Flate papirfigurer er lettere enn plastelina for nybegynnere: de faller ikke, og litt heftemasse holder dem på plass.',
				nn: 'Flate papirfigurar er lettare enn plastelina for nybyrjarar: dei dett ikkje, og litt heftemasse held dei på plass.',
				en: 'Flat paper figures are easier than plasticine for beginners: they do not fall over, and a little putty keeps them in place.'
			},
			{
				nb: 'Sjekk at ingen skygge fra hender eller stativ faller på bildet; en lampe på hver side hjelper.',
				nn: 'Sjekk at ingen skugge frå hender eller stativ fell på biletet; ei lampe på kvar side hjelper.',
				en: 'Check that no shadow from hands or the tripod falls on the picture; a lamp on each side helps.'
			},
			{
				nb: 'Folkeeventyr kan fritt fortelles på nytt, men bildene i bøkene tilhører illustratøren.',
				nn: 'Folkeeventyr kan fritt forteljast på nytt, men bileta i bøkene høyrer til illustratøren.',
				en: 'Folk tales may be freely retold, but the pictures in books belong to the illustrator.'
			},
			{
				nb: 'Gi barn som ikke vil snakke, rollen som lydmaker eller fotograf.',
				nn: 'Gi barn som ikkje vil snakke, rolla som lydmakar eller fotograf.',
				en: 'Give children who do not want to speak the role of sound-maker or photographer.'
			}
		],
		privacy: {
			nb: 'Kameraet ser rett ned på bordet, så bare figurer og hender kommer med, ikke ansikt. Barnas stemmer i fortellingen tas bare opp med samtykke fra foreldrene; ellers leser en voksen. Lagre filmen i barnehagens godkjente system, ikke på private telefoner. Spør barna før dere viser den, og vis den utenfor gruppa bare med samtykke for hver kanal.',
			nn: 'Kameraet ser rett ned på bordet, så berre figurar og hender kjem med, ikkje andlet. Stemmene til barna i forteljinga blir berre tekne opp med samtykke frå foreldra; elles les ein vaksen. Lagre filmen i det godkjende systemet til barnehagen, ikkje på private telefonar. Spør barna før de viser han, og vis han utanfor gruppa berre med samtykke for kvar kanal.',
			en: "The camera looks straight down at the table, so only figures and hands are in shot, not faces. Children's voices in the narration are recorded only with parents' consent; otherwise an adult reads. Store the film in the kindergarten's approved system, not on private phones. Ask the children before showing it, and show it outside the group only with consent for each channel."
		},
		source: FILIORUM,
		phases: [
			offScreen('story', 20, {
				nb: 'Vi forteller eventyret og gjør det til vårt',
				nn: 'Vi fortel eventyret og gjer det til vårt',
				en: 'Telling the tale and making it ours'
			}),
			offScreen('storyboard', 25, {
				nb: 'Vi tegner eventyret i ruter',
				nn: 'Vi teiknar eventyret i ruter',
				en: 'Drawing the tale in boxes'
			}),
			offScreen('figures', 40, {
				nb: 'Vi klipper ut figurer og bakgrunn',
				nn: 'Vi klipper ut figurar og bakgrunn',
				en: 'Cutting out figures and backdrop'
			}),
			rotating('animate', 35, 20, {
				nb: 'Vi animerer ovenfra',
				nn: 'Vi animerer ovanfrå',
				en: 'Animating from above'
			}),
			rotating('sound', 25, 10, {
				nb: 'Vi forteller og lager lyder',
				nn: 'Vi fortel og lagar lydar',
				en: 'Narrating and making sounds'
			}),
			showing(20, 10, {
				nb: 'Eventyrkino',
				nn: 'Eventyrkino',
				en: 'Fairy-tale cinema'
			})
		]
	},
	{
		id: 'stop-motion-nature-walk',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Når turfunnene våkner',
			nn: 'Når turfunna vaknar',
			en: 'When the nature-walk finds come alive'
		},
		summary: {
			nb: 'På tur samler barna blader, pinner, kongler og steiner. Funnene blir figurer i en film som lages ute eller inne, og etterpå går materialet tilbake til naturen.',
			nn: 'På tur samlar barna blad, pinnar, kongler og steinar. Funna blir figurar i ein film som blir laga ute eller inne, og etterpå går materialet tilbake til naturen.',
			en: 'On a walk the children collect leaves, sticks, cones and stones. The finds become the characters of a film made outdoors or indoors, and afterwards the materials go back to nature.'
		},
		ageMin: 3,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 8,
		durationMinutes: 45,
		setting: 'both',
		materials: [
			TABLET,
			{
				nb: 'Stativ som tåler å stå ute',
				nn: 'Stativ som toler å stå ute',
				en: 'Tripod that can stand outdoors'
			},
			{
				nb: 'Poser eller kurver til funnene',
				nn: 'Posar eller korger til funna',
				en: 'Bags or baskets for the finds'
			},
			{
				nb: 'Blader, pinner, kongler, steiner og mose fra turen',
				nn: 'Blad, pinnar, kongler, steinar og mose frå turen',
				en: 'Leaves, sticks, cones, stones and moss from the walk'
			},
			{
				nb: 'Et stort stykke papp eller et sitteunderlag som gulv for filmen',
				nn: 'Eit stort stykke papp eller eit sitjeunderlag som golv for filmen',
				en: 'A large piece of cardboard or a sit mat as the floor for the film'
			},
			{
				nb: 'Hyssing og leire til å feste deler',
				nn: 'Hyssing og leire til å feste delar',
				en: 'String and clay to hold parts together'
			}
		],
		steps: [
			{
				nb: 'Gå på tur og la barna samle det de synes er spennende: blader, pinner, kongler og steiner. Spør underveis: Hvem kunne denne kongla vært? Hva vil den gjøre?',
				nn: 'Gå på tur og la barna samle det dei synest er spennande: blad, pinnar, kongler og steinar. Spør undervegs: Kven kunne denne kongla vore? Kva vil ho gjere?',
				en: 'Go for a walk and let the children collect whatever they find exciting: leaves, sticks, cones and stones. Ask along the way: Who could this cone be? What does it want to do?'
			},
			{
				nb: 'Dikt en kort fortelling sammen ut fra funnene, for eksempel om blader som flykter fra vinden eller steiner som går på tur. Tre deler holder: start, noe skjer, slutt.',
				nn: 'Dikt ei kort forteljing saman ut frå funna, til dømes om blad som flyktar frå vinden eller steinar som går på tur. Tre delar held: start, noko skjer, slutt.',
				en: 'Make up a short story together from the finds, for example about leaves fleeing from the wind or stones going on a trip. Three parts are enough: a beginning, something happens, an ending.'
			},
			{
				nb: 'Sett sammen figurer av funnene. Pinner blir armer og bein, blader blir klær, små steiner blir øyne. Leire og hyssing holder delene sammen.',
				nn: 'Set saman figurar av funna. Pinnar blir armar og bein, blad blir klede, små steinar blir auge. Leire og hyssing held delane saman.',
				en: 'Put figures together from the finds. Sticks become arms and legs, leaves become clothes, small stones become eyes. Clay and string hold the parts together.'
			},
			{
				nb: 'Velg et sted i le for vinden, ute eller inne. Legg papp eller et sitteunderlag som gulv og sett nettbrettet i stativet. Barna animerer i små grupper og bytter roller: fotograf, knappetrykker, animatør og lyd.',
				nn: 'Vel ein stad i le for vinden, ute eller inne. Legg papp eller eit sitjeunderlag som golv og set nettbrettet i stativet. Barna animerer i små grupper og byter roller: fotograf, knappetrykkar, animatør og lyd.',
				en: 'Choose a spot out of the wind, outdoors or indoors. Lay down cardboard or a sit mat as the floor and put the tablet in the tripod. The children animate in small groups and swap roles: photographer, button-presser, animator and sound.'
			},
			{
				nb: 'Ta opp lyder ute: fuglesang, rasling i løv, vann som renner, eller lyder barna lager med pinner og steiner.',
				nn: 'Ta opp lydar ute: fuglesong, rasling i lauv, vatn som renn, eller lydar barna lagar med pinnar og steinar.',
				en: 'Record sounds outdoors: birdsong, rustling leaves, running water, or sounds the children make with sticks and stones.'
			},
			{
				nb: 'Vis filmen for gruppa, og gå så sammen og legg funnene tilbake i naturen.',
				nn: 'Vis filmen for gruppa, og gå så saman og legg funna tilbake i naturen.',
				en: 'Show the film to the group, then go together and put the finds back in nature.'
			}
		],
		learningAreas: ['nature', 'art', 'communication'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 20,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hva fant vi, og hvor kommer det fra?',
				nn: 'Kva fann vi, og kvar kjem det frå?',
				en: 'What did we find, and where does it come from?'
			},
			{
				nb: 'Hvordan kan en pinne gå eller et blad fly i filmen?',
				nn: 'Korleis kan ein pinne gå eller eit blad fly i filmen?',
				en: 'How can a stick walk or a leaf fly in the film?'
			},
			{
				nb: 'Hvorfor legger vi funnene tilbake i naturen?',
				nn: 'Kvifor legg vi funna tilbake i naturen?',
				en: 'Why do we put the finds back in nature?'
			}
		],
		staffTips: [
			{
				nb: 'Vinden flytter lette blader mellom bildene. Animer i le, eller legg en liten stein på bladene.',
				nn: 'Vinden flyttar lette blad mellom bileta. Animer i le, eller legg ein liten stein på blada.',
				en: 'Wind moves light leaves between photos. Animate in shelter, or weigh the leaves down with a small stone.'
			},
			{
				nb: 'Sol som kommer og går, gir en blinkende film. Velg skygge, eller animer inne.',
				nn: 'Sol som kjem og går, gir ein blinkande film. Vel skugge, eller animer inne.',
				en: 'Sunshine that comes and goes makes the film flicker. Choose shade, or animate indoors.'
			},
			{
				nb: 'Ta bare løse ting fra bakken; ikke plukk fra levende trær og planter.',
				nn: 'Ta berre lause ting frå bakken; ikkje plukk frå levande tre og plantar.',
				en: 'Take only loose things from the ground; do not pick from living trees and plants.'
			},
			{
				nb: 'De yngste kan animere store funn, som kongler og steiner, som er lette å flytte litt og litt.',
				nn: 'Dei yngste kan animere store funn, som kongler og steinar, som er lette å flytte litt og litt.',
				en: 'The youngest can animate big finds such as cones and stones, which are easy to move a little at a time.'
			}
		],
		privacy: {
			nb: 'Film funnene og barnas hender, ikke ansikt. Ute kan andre barn og forbipasserende komme med i bildet; sjekk bakgrunnen før dere tar bilder. Stemmer tas bare opp med samtykke fra foreldrene. Lagre filmen i barnehagens godkjente system, ikke på private telefoner. Spør barna før filmen vises, og vis den utenfor gruppa bare med samtykke for hver kanal.',
			nn: 'Film funna og hendene til barna, ikkje andlet. Ute kan andre barn og folk som går forbi, kome med på biletet; sjekk bakgrunnen før de tek bilete. Stemmer blir berre tekne opp med samtykke frå foreldra. Lagre filmen i det godkjende systemet til barnehagen, ikkje på private telefonar. Spør barna før filmen blir vist, og vis han utanfor gruppa berre med samtykke for kvar kanal.',
			en: "Film the finds and the children's hands, not faces. Outdoors, other children and passers-by can end up in shot; check the background before taking photos. Record voices only with parents' consent. Store the film in the kindergarten's approved system, not on private phones. Ask the children before the film is shown, and show it outside the group only with consent for each channel."
		},
		source: null,
		phases: [
			offScreen('story', 45, {
				nb: 'På tur: vi samler funn og dikter',
				nn: 'På tur: vi samlar funn og diktar',
				en: 'On the walk: collecting finds and making up the story'
			}),
			offScreen('figures', 30, {
				nb: 'Vi lager figurer av funnene',
				nn: 'Vi lagar figurar av funna',
				en: 'Turning the finds into figures'
			}),
			rotating('animate', 35, 20, {
				nb: 'Vi animerer på bakken eller bordet',
				nn: 'Vi animerer på bakken eller bordet',
				en: 'Animating on the ground or the table'
			}),
			rotating('sound', 20, 10, {
				nb: 'Vi tar opp lyder fra naturen',
				nn: 'Vi tek opp lydar frå naturen',
				en: 'Recording sounds from nature'
			}),
			showing(15, 5, {
				nb: 'Vi viser filmen og gir funnene tilbake',
				nn: 'Vi viser filmen og gir funna tilbake',
				en: 'Showing the film and returning the finds'
			})
		]
	},
	{
		id: 'stop-motion-brick-adventure',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Klosseeventyret',
			nn: 'Klosseeventyret',
			en: 'The building-brick adventure'
		},
		summary: {
			nb: 'Barna bygger kulisser og figurer av byggeklosser, for eksempel LEGO eller Duplo, og lager en eventyrfilm. Klossene står støtt og kan bygges om underveis, så dette passer godt som et første filmprosjekt.',
			nn: 'Barna byggjer kulissar og figurar av byggjeklossar, til dømes LEGO eller Duplo, og lagar ein eventyrfilm. Klossane står støtt og kan byggjast om undervegs, så dette passar godt som eit første filmprosjekt.',
			en: 'The children build sets and figures from building bricks such as LEGO or Duplo and make an adventure film. Bricks stand firmly and can be rebuilt as you go, which makes this a good first film project.'
		},
		ageMin: 3,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 6,
		durationMinutes: 35,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'Byggeklosser og en byggeplate som underlag',
				nn: 'Byggjeklossar og ei byggjeplate som underlag',
				en: 'Building bricks and a baseplate'
			},
			{
				nb: 'Klossefigurer eller figurer barna bygger selv',
				nn: 'Klossefigurar eller figurar barna byggjer sjølve',
				en: 'Brick figures, or figures the children build themselves'
			},
			{
				nb: 'Papir og fargestifter til storyboard og bakgrunn',
				nn: 'Papir og fargestiftar til storyboard og bakgrunn',
				en: 'Paper and crayons for the storyboard and backdrop'
			},
			{
				nb: 'Rytmeinstrumenter',
				nn: 'Rytmeinstrument',
				en: 'Percussion instruments'
			},
			LAMP
		],
		steps: [
			{
				nb: 'Spør barna hvem helten er, hvor eventyret skjer, og hvilket problem som må løses. Hold fortellingen kort: én helt, ett problem, én løsning.',
				nn: 'Spør barna kven helten er, kvar eventyret skjer, og kva problem som må løysast. Hald forteljinga kort: éin helt, eitt problem, éi løysing.',
				en: 'Ask the children who the hero is, where the adventure happens and what problem must be solved. Keep the story short: one hero, one problem, one solution.'
			},
			{
				nb: 'Tegn eventyret i fire ruter og heng arket ved byggeplassen.',
				nn: 'Teikn eventyret i fire ruter og heng arket ved byggjeplassen.',
				en: 'Draw the adventure in four boxes and hang the sheet by the building area.'
			},
			{
				nb: 'Bygg kulissene på en byggeplate som er teipet til bordet, og bygg eller velg figurer. Sett en tegnet bakgrunn bak.',
				nn: 'Bygg kulissane på ei byggjeplate som er teipa til bordet, og bygg eller vel figurar. Set ein teikna bakgrunn bak.',
				en: 'Build the set on a baseplate taped to the table, and build or choose figures. Put a drawn backdrop behind it.'
			},
			{
				nb: 'Animer i små grupper. Flytt figuren én knott om gangen og ta ett bilde for hver flytting. Bytt roller etter hver scene: fotograf, knappetrykker, animatør og lyd.',
				nn: 'Animer i små grupper. Flytt figuren éin knott om gongen og ta eitt bilete for kvar flytting. Byt roller etter kvar scene: fotograf, knappetrykkar, animatør og lyd.',
				en: 'Animate in small groups. Move the figure one stud at a time and take one photo for each move. Swap roles after each scene: photographer, button-presser, animator and sound.'
			},
			{
				nb: 'Lag eventyrmusikk med rytmeinstrumenter og ta den opp i appen. Snakk om hvorfor vi lager vår egen musikk i stedet for å bruke kjente sanger.',
				nn: 'Lag eventyrmusikk med rytmeinstrument og ta han opp i appen. Snakk om kvifor vi lagar vår eigen musikk i staden for å bruke kjende songar.',
				en: 'Make adventure music with percussion instruments and record it in the app. Talk about why we make our own music instead of using well-known songs.'
			},
			{
				nb: 'Se filmen sammen. La barna peke ut hvor de var fotograf, animatør eller knappetrykker.',
				nn: 'Sjå filmen saman. La barna peike ut kvar dei var fotograf, animatør eller knappetrykkar.',
				en: 'Watch the film together. Let the children point out where they were photographer, animator or button-presser.'
			}
		],
		learningAreas: ['art', 'communication', 'quantities'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 15,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvordan kan figuren hoppe eller fly når den står fast på platen?',
				nn: 'Korleis kan figuren hoppe eller fly når han står fast på plata?',
				en: 'How can the figure jump or fly when it is fixed to the baseplate?'
			},
			{
				nb: 'Hva skjer videre når problemet er løst?',
				nn: 'Kva skjer vidare når problemet er løyst?',
				en: 'What happens next once the problem is solved?'
			},
			{
				nb: 'Hvorfor lager vi vår egen musikk til filmen?',
				nn: 'Kvifor lagar vi vår eigen musikk til filmen?',
				en: 'Why do we make our own music for the film?'
			}
		],
		staffTips: [
			{
				nb: 'Teip byggeplaten og føttene på stativet, ellers flytter alt seg når små hender er i sving.',
				nn: 'Teip byggjeplata og føtene på stativet, elles flyttar alt seg når små hender er i sving.',
				en: "Tape down the baseplate and the tripod's feet, or everything shifts when small hands get busy."
			},
			{
				nb: 'Én knott per bilde er en enkel regel som gjør bevegelsen jevn.',
				nn: 'Éin knott per bilete er ein enkel regel som gjer rørsla jamn.',
				en: 'One stud per photo is a simple rule that keeps the movement even.'
			},
			{
				nb: 'Kjente figurer fra film og TV er morsomme, men figurer barna bygger selv, gjør filmen mer til deres egen.',
				nn: 'Kjende figurar frå film og TV er morosame, men figurar barna byggjer sjølve, gjer filmen meir til deira eigen.',
				en: 'Familiar characters from films and TV are fun, but figures the children build themselves make the film more their own.'
			}
		],
		privacy: {
			nb: 'Film klossene, figurene og barnas hender, ikke ansikt. Tar dere opp stemmer, må foreldrene ha samtykket. Lagre filmen i barnehagens godkjente system, ikke på private telefoner. Spør barna om filmen kan vises, og innhent samtykke for hver kanal før den vises utenfor gruppa.',
			nn: 'Film klossane, figurane og hendene til barna, ikkje andlet. Tek de opp stemmer, må foreldra ha samtykt. Lagre filmen i det godkjende systemet til barnehagen, ikkje på private telefonar. Spør barna om filmen kan visast, og hent inn samtykke for kvar kanal før han blir vist utanfor gruppa.',
			en: "Film the bricks, the figures and the children's hands, not faces. If you record voices, parents must have consented. Store the film in the kindergarten's approved system, not on private phones. Ask the children whether the film may be shown, and get consent for each channel before it is shown outside the group."
		},
		source: null,
		phases: [
			offScreen('story', 20, {
				nb: 'Hvem er helten, og hva skal den gjøre?',
				nn: 'Kven er helten, og kva skal helten gjere?',
				en: 'Who is the hero, and what will they do?'
			}),
			offScreen('storyboard', 20, {
				nb: 'Vi tegner eventyret',
				nn: 'Vi teiknar eventyret',
				en: 'Drawing the adventure'
			}),
			offScreen('figures', 35, {
				nb: 'Vi bygger figurer og kulisser',
				nn: 'Vi byggjer figurar og kulissar',
				en: 'Building figures and sets'
			}),
			rotating('animate', 30, 15, {
				nb: 'Vi animerer eventyret',
				nn: 'Vi animerer eventyret',
				en: 'Animating the adventure'
			}),
			rotating('sound', 20, 10, {
				nb: 'Vi lager musikk og lyder',
				nn: 'Vi lagar musikk og lydar',
				en: 'Making music and sounds'
			}),
			showing(15, 5, {
				nb: 'Vi ser filmen sammen',
				nn: 'Vi ser filmen saman',
				en: 'Watching the film together'
			})
		]
	},
	{
		id: 'stop-motion-feelings-friendship',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'En film om følelser og vennskap',
			nn: 'Ein film om kjensler og venskap',
			en: 'A film about feelings and friendship'
		},
		summary: {
			nb: 'Barna lager en kort film om to figurer som blir uvenner og finner tilbake til hverandre. Arbeidet åpner for samtaler om hvordan det kjennes å bli holdt utenfor, og hva vi kan gjøre for å bli venner igjen.',
			nn: 'Barna lagar ein kort film om to figurar som blir uvener og finn tilbake til kvarandre. Arbeidet opnar for samtalar om korleis det kjennest å bli halden utanfor, og kva vi kan gjere for å bli vener igjen.',
			en: 'The children make a short film about two figures who fall out and find their way back to each other. The work opens up conversations about how it feels to be left out and what we can do to become friends again.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 6,
		durationMinutes: 40,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'Plastelina, piperensere og papir',
				nn: 'Plastelina, piperensarar og papir',
				en: 'Plasticine, pipe cleaners and paper'
			},
			{
				nb: 'Munner og øyne tegnet på papir, som kan byttes',
				nn: 'Munnar og auge teikna på papir, som kan bytast',
				en: 'Mouths and eyes drawn on paper, for swapping'
			},
			{
				nb: 'Bildekort som viser følelser',
				nn: 'Biletkort som viser kjensler',
				en: 'Picture cards showing feelings'
			},
			LAMP
		],
		steps: [
			{
				nb: 'Start med en samtale eller et bildekort: Hvordan ser det ut når noen er lei seg, sint eller glad? Dikt sammen en fortelling om to venner som blir uvenner og blir venner igjen. Bruk ikke virkelige hendelser med barn i gruppa.',
				nn: 'Start med ein samtale eller eit biletkort: Korleis ser det ut når nokon er lei seg, sint eller glad? Dikt saman ei forteljing om to vener som blir uvener og blir vener igjen. Bruk ikkje verkelege hendingar med barn i gruppa.',
				en: 'Start with a conversation or a picture card: What does it look like when someone is sad, angry or happy? Make up a story together about two friends who fall out and make up again. Do not use real events involving children in the group.'
			},
			{
				nb: 'Tegn storyboardet i fire ruter: venner, konflikt, en føler seg alene, forsoning. Spør barna hva figuren kjenner i hver rute.',
				nn: 'Teikn storyboardet i fire ruter: vener, konflikt, ein kjenner seg åleine, forsoning. Spør barna kva figuren kjenner i kvar rute.',
				en: 'Draw the storyboard in four boxes: friends, conflict, one feels alone, making up. Ask the children what the figure feels in each box.'
			},
			{
				nb: 'Lag to figurer av plastelina eller papir. Tegn flere munner og øyne på papir som kan byttes, så figurene kan vise glede, sinne og sorg.',
				nn: 'Lag to figurar av plastelina eller papir. Teikn fleire munnar og auge på papir som kan bytast, så figurane kan vise glede, sinne og sorg.',
				en: 'Make two figures from plasticine or paper. Draw several mouths and eyes on paper that can be swapped, so the figures can show joy, anger and sadness.'
			},
			{
				nb: 'Animer i små grupper og bytt roller: fotograf, knappetrykker, animatør og lyd. Stopp opp og spør: Hvordan kan vi vise at figuren er lei seg uten ord? Går den sakte? Henger hodet?',
				nn: 'Animer i små grupper og byt roller: fotograf, knappetrykkar, animatør og lyd. Stopp opp og spør: Korleis kan vi vise at figuren er lei seg utan ord? Går han sakte? Heng hovudet?',
				en: 'Animate in small groups and swap roles: photographer, button-presser, animator and sound. Pause and ask: How can we show the figure is sad without words? Does it walk slowly? Does its head droop?'
			},
			{
				nb: 'Lag lyder og musikk som passer til følelsene: glad, trist, spent. Barnas egne stemmer brukes bare der foreldrene har samtykket.',
				nn: 'Lag lydar og musikk som passar til kjenslene: glad, trist, spent. Stemmene til barna blir berre brukte der foreldra har samtykt.',
				en: "Make sounds and music that fit the feelings: happy, sad, tense. Children's own voices are used only where parents have consented."
			},
			{
				nb: 'Se filmen sammen og snakk om den: Hva gjorde at de ble venner igjen? Har dere opplevd noe lignende? Det er frivillig å svare.',
				nn: 'Sjå filmen saman og snakk om han: Kva gjorde at dei vart vener igjen? Har de opplevd noko liknande? Det er frivillig å svare.',
				en: 'Watch the film together and talk about it: What made them friends again? Have you experienced something like it? No one has to answer.'
			}
		],
		learningAreas: ['ethics', 'communication', 'art'],
		clauses: ['create', 'explore', 'judgement', 'assess'],
		screenMode: 'creative',
		screenMinutes: 20,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvordan ser figuren ut når den er glad, sint eller lei seg?',
				nn: 'Korleis ser figuren ut når han er glad, sint eller lei seg?',
				en: 'What does the figure look like when it is happy, angry or sad?'
			},
			{
				nb: 'Hva kan man gjøre når en venn er lei seg?',
				nn: 'Kva kan ein gjere når ein venn er lei seg?',
				en: 'What can you do when a friend is sad?'
			},
			{
				nb: 'Vil dere at andre skal se filmen? Hvem, og hvorfor?',
				nn: 'Vil de at andre skal sjå filmen? Kven, og kvifor?',
				en: 'Do you want others to see the film? Who, and why?'
			}
		],
		staffTips: [
			{
				nb: 'Bruk figurene som avstand: det er figuren som er lei seg, ikke et barn i gruppa. Det gjør det tryggere å snakke.',
				nn: 'Bruk figurane som avstand: det er figuren som er lei seg, ikkje eit barn i gruppa. Det gjer det tryggare å snakke.',
				en: 'Use the figures to keep some distance: it is the figure who is sad, not a child in the group. That makes it safer to talk.'
			},
			{
				nb: 'Munner og øyne som kan byttes, gjør følelsene tydelige uten at barna må forme små detaljer.',
				nn: 'Munnar og auge som kan bytast, gjer kjenslene tydelege utan at barna må forme små detaljar.',
				en: 'Swappable mouths and eyes make feelings clear without the children having to model tiny details.'
			},
			{
				nb: 'Følg med på barn som blir berørt av temaet, og ta praten videre i en rolig stund.',
				nn: 'Følg med på barn som blir rørte av temaet, og ta praten vidare i ei roleg stund.',
				en: 'Keep an eye on children who are moved by the topic, and follow up in a quiet moment.'
			},
			{
				nb: 'La stille barn velge rolle selv, for eksempel fotograf.',
				nn: 'La stille barn velje rolle sjølve, til dømes fotograf.',
				en: 'Let quiet children choose their own role, such as photographer.'
			}
		],
		privacy: {
			nb: 'Film figurene og barnas hender, ikke ansikt. Fortellingen skal være diktet, ikke om virkelige hendelser eller barn i gruppa. Barnas stemmer tas bare opp med samtykke fra foreldrene. Lagre filmen i barnehagens godkjente system, ikke på private telefoner. Spør barna før dere viser den, og vis den utenfor gruppa bare med samtykke for hver kanal.',
			nn: 'Film figurane og hendene til barna, ikkje andlet. Forteljinga skal vere dikta, ikkje om verkelege hendingar eller barn i gruppa. Stemmene til barna blir berre tekne opp med samtykke frå foreldra. Lagre filmen i det godkjende systemet til barnehagen, ikkje på private telefonar. Spør barna før de viser han, og vis han utanfor gruppa berre med samtykke for kvar kanal.',
			en: "Film the figures and the children's hands, not faces. The story should be made up, not about real events or children in the group. Record children's voices only with parents' consent. Store the film in the kindergarten's approved system, not on private phones. Ask the children before showing it, and show it outside the group only with consent for each channel."
		},
		source: FILIORUM,
		phases: [
			offScreen('story', 25, {
				nb: 'Hva skjer mellom vennene?',
				nn: 'Kva skjer mellom venene?',
				en: 'What happens between the friends?'
			}),
			offScreen('storyboard', 25, {
				nb: 'Vi tegner følelsene',
				nn: 'Vi teiknar kjenslene',
				en: 'Drawing the feelings'
			}),
			offScreen('figures', 40, {
				nb: 'Figurer som kan vise følelser',
				nn: 'Figurar som kan vise kjensler',
				en: 'Figures that can show feelings'
			}),
			rotating('animate', 35, 20, {
				nb: 'Vi animerer vennene',
				nn: 'Vi animerer venene',
				en: 'Animating the friends'
			}),
			rotating('sound', 20, 10, {
				nb: 'Lyder og musikk som viser følelser',
				nn: 'Lydar og musikk som viser kjensler',
				en: 'Sounds and music that show feelings'
			}),
			showing(20, 5, {
				nb: 'Vi ser filmen og snakker om den',
				nn: 'Vi ser filmen og snakkar om han',
				en: 'Watching the film and talking about it'
			})
		]
	},
	{
		id: 'stop-motion-counting-film',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Tellefilmen',
			nn: 'Teljefilmen',
			en: 'The counting film'
		},
		summary: {
			nb: 'Barna lager en film der ting kommer til én og én, fra én til ti, eller forsvinner igjen. Underveis teller, sorterer og sammenligner de, og ser hvordan tall, mengde og form henger sammen.',
			nn: 'Barna lagar ein film der ting kjem til éin og éin, frå ein til ti, eller forsvinn igjen. Undervegs tel, sorterer og samanliknar dei, og ser korleis tal, mengd og form heng saman.',
			en: 'The children make a film in which things arrive one by one, from one to ten, or disappear again. Along the way they count, sort and compare, and see how numbers, quantities and shapes connect.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 6,
		durationMinutes: 35,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'Plastelina, knapper, steiner eller klosser i ulike former',
				nn: 'Plastelina, knappar, steinar eller klossar i ulike former',
				en: 'Plasticine, buttons, stones or blocks in different shapes'
			},
			{
				nb: 'Tallkort fra 1 til 10',
				nn: 'Talkort frå 1 til 10',
				en: 'Number cards from 1 to 10'
			},
			{
				nb: 'Et stort ark eller papp som bakgrunn',
				nn: 'Eit stort ark eller papp som bakgrunn',
				en: 'A large sheet or cardboard as the backdrop'
			},
			LAMP
		],
		steps: [
			{
				nb: 'Spør barna: Hva kan vi telle i filmen? Kanskje ti marihøner som kommer på besøk, eller epler som blir spist opp ett for ett. Velg én idé sammen.',
				nn: 'Spør barna: Kva kan vi telje i filmen? Kanskje ti marihøner som kjem på besøk, eller eple som blir etne opp eitt for eitt. Vel éin idé saman.',
				en: 'Ask the children: What can we count in the film? Perhaps ten ladybirds coming to visit, or apples being eaten one by one. Choose one idea together.'
			},
			{
				nb: 'Tegn ett bilde per tall, fra 1 til 10, og legg tegningene i rekkefølge. Snakk om hva som skjer mellom to bilder: én til kommer!',
				nn: 'Teikn eitt bilete per tal, frå 1 til 10, og legg teikningane i rekkjefølgje. Snakk om kva som skjer mellom to bilete: éin til kjem!',
				en: 'Draw one picture per number, from 1 to 10, and lay the drawings in order. Talk about what happens between two pictures: one more arrives!'
			},
			{
				nb: 'Lag ti like ting i plastelina, eller samle knapper, steiner eller klosser. Sorter dem etter form, farge og størrelse.',
				nn: 'Lag ti like ting i plastelina, eller samle knappar, steinar eller klossar. Sorter dei etter form, farge og storleik.',
				en: 'Make ten of the same thing in plasticine, or collect buttons, stones or blocks. Sort them by shape, colour and size.'
			},
			{
				nb: 'Animer i små grupper. Én ting kommer inn om gangen med små bevegelser. Barna bytter roller: fotograf, knappetrykker, animatør og lyd, som teller høyt hver gang en ny ting er på plass. Legg gjerne tallkortet inn i bildet.',
				nn: 'Animer i små grupper. Éin ting kjem inn om gongen med små rørsler. Barna byter roller: fotograf, knappetrykkar, animatør og lyd, som tel høgt kvar gong ein ny ting er på plass. Legg gjerne talkortet inn i biletet.',
				en: 'Animate in small groups. One thing enters at a time with small movements. The children swap roles: photographer, button-presser, animator and sound, who counts aloud each time a new one is in place. Put the number card in the picture too.'
			},
			{
				nb: 'Prøv å lage filmen baklengs også: ti ting forsvinner én og én. Hva skjer med tallet?',
				nn: 'Prøv å lage filmen baklengs òg: ti ting forsvinn éin og éin. Kva skjer med talet?',
				en: 'Try making the film backwards too: ten things disappear one by one. What happens to the number?'
			},
			{
				nb: 'Se filmen sammen og tell høyt. Sett den på pause og spør: Hvor mange er det nå? Hvor mange mangler til ti?',
				nn: 'Sjå filmen saman og tel høgt. Set han på pause og spør: Kor mange er det no? Kor mange manglar til ti?',
				en: 'Watch the film together and count aloud. Pause it and ask: How many are there now? How many more to make ten?'
			}
		],
		learningAreas: ['quantities', 'art', 'communication'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 20,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvor mange er det nå, og hvor mange kommer etterpå?',
				nn: 'Kor mange er det no, og kor mange kjem etterpå?',
				en: 'How many are there now, and how many come next?'
			},
			{
				nb: 'Hvilke former har tingene våre? Hvilke er like?',
				nn: 'Kva former har tinga våre? Kva for nokre er like?',
				en: 'What shapes are our things? Which ones are the same?'
			},
			{
				nb: 'Hvordan kan vi få en ting til å komme inn i bildet litt og litt?',
				nn: 'Korleis kan vi få ein ting til å kome inn i biletet litt og litt?',
				en: 'How can we make a thing come into the picture a little at a time?'
			}
		],
		staffTips: [
			{
				nb: 'Tegn en svak ramme på bakgrunnen, så barna ser hvor tingene skal stå og hvor bildet slutter.',
				nn: 'Teikn ei svak ramme på bakgrunnen, så barna ser kvar tinga skal stå og kvar biletet sluttar.',
				en: 'Draw a faint frame on the backdrop so the children can see where things go and where the picture ends.'
			},
			{
				nb: 'La nye ting gli inn fra kanten over tre til fem bilder i stedet for å dukke opp i ett.',
				nn: 'La nye ting gli inn frå kanten over tre til fem bilete i staden for å dukke opp i eitt.',
				en: 'Let new things slide in from the edge over three to five photos instead of popping up in one.'
			},
			{
				nb: 'For de yngste holder det å telle til fem.',
				nn: 'For dei yngste held det å telje til fem.',
				en: 'For the youngest, counting to five is plenty.'
			}
		],
		privacy: {
			nb: 'Kameraet filmer bare tingene og barnas hender, ikke ansikt. Filmen trenger ikke barnas stemmer; tellingen skjer høyt sammen når dere ser den. Lagre filmen i barnehagens godkjente system, ikke på private telefoner. Spør barna før den vises, og vis den utenfor gruppa bare med samtykke for hver kanal.',
			nn: 'Kameraet filmar berre tinga og hendene til barna, ikkje andlet. Filmen treng ikkje stemmene til barna; teljinga skjer høgt saman når de ser han. Lagre filmen i det godkjende systemet til barnehagen, ikkje på private telefonar. Spør barna før han blir vist, og vis han utanfor gruppa berre med samtykke for kvar kanal.',
			en: "The camera films only the things and the children's hands, not faces. The film needs no children's voices; the counting happens aloud together as you watch. Store the film in the kindergarten's approved system, not on private phones. Ask the children before it is shown, and show it outside the group only with consent for each channel."
		},
		source: null,
		phases: [
			offScreen('story', 20, {
				nb: 'Hva skal vi telle?',
				nn: 'Kva skal vi telje?',
				en: 'What shall we count?'
			}),
			offScreen('storyboard', 25, {
				nb: 'Ett bilde per tall',
				nn: 'Eitt bilete per tal',
				en: 'One picture per number'
			}),
			offScreen('figures', 35, {
				nb: 'Vi lager ti like ting',
				nn: 'Vi lagar ti like ting',
				en: 'Making ten of a kind'
			}),
			rotating('animate', 35, 20, {
				nb: 'Vi animerer og teller',
				nn: 'Vi animerer og tel',
				en: 'Animating and counting'
			}),
			showing(20, 5, {
				nb: 'Vi ser og teller høyt sammen',
				nn: 'Vi ser og tel høgt saman',
				en: 'Watching and counting aloud together'
			})
		]
	},
	{
		id: 'stop-motion-parents-meeting',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Film til foreldremøtet',
			nn: 'Film til foreldremøtet',
			en: "A film for the parents' meeting"
		},
		summary: {
			nb: 'De eldste barna lager en kort film som forklarer foreldrene hva gruppa har lært i et prosjekt, for eksempel om insekter eller årstidene. Barna bestemmer hva som er viktig å fortelle, og øver seg på å forklare noe for andre.',
			nn: 'Dei eldste barna lagar ein kort film som forklarer foreldra kva gruppa har lært i eit prosjekt, til dømes om insekt eller årstidene. Barna bestemmer kva som er viktig å fortelje, og øver seg på å forklare noko for andre.',
			en: 'The oldest children make a short film that explains to parents what the group has learnt in a project, for example about insects or the seasons. The children decide what is important to tell, and practise explaining something to others.'
		},
		ageMin: 5,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 8,
		durationMinutes: 40,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'Plastelina, papp, papir og materiale fra prosjektet',
				nn: 'Plastelina, papp, papir og materiale frå prosjektet',
				en: 'Plasticine, cardboard, paper and materials from the project'
			},
			{
				nb: 'Tegninger gruppa har laget i prosjektet',
				nn: 'Teikningar gruppa har laga i prosjektet',
				en: 'Drawings the group made during the project'
			},
			{
				nb: 'Projektor eller skjerm til foreldremøtet',
				nn: 'Projektor eller skjerm til foreldremøtet',
				en: "Projector or screen for the parents' meeting"
			},
			LAMP
		],
		steps: [
			{
				nb: 'Se tilbake på prosjektet sammen med barna: Hva har vi lært? Hva var mest spennende? Hva vil vi at foreldrene skal vite? Velg tre ting.',
				nn: 'Sjå tilbake på prosjektet saman med barna: Kva har vi lært? Kva var mest spennande? Kva vil vi at foreldra skal vite? Vel tre ting.',
				en: 'Look back on the project with the children: What have we learnt? What was most exciting? What do we want the parents to know? Choose three things.'
			},
			{
				nb: 'Lag et storyboard med én del per ting, pluss en start og en slutt. Snakk om hvordan man forklarer noe for noen som ikke var der.',
				nn: 'Lag eit storyboard med éin del per ting, pluss ein start og ein slutt. Snakk om korleis ein forklarer noko for nokon som ikkje var der.',
				en: 'Make a storyboard with one part per thing, plus a beginning and an end. Talk about how to explain something to someone who was not there.'
			},
			{
				nb: 'Lag figurer og modeller, for eksempel en sommerfugl som vokser fram fra en larve. Bruk tegninger fra prosjektet som bakgrunn.',
				nn: 'Lag figurar og modellar, til dømes ein sommarfugl som veks fram frå ein larve. Bruk teikningar frå prosjektet som bakgrunn.',
				en: 'Make figures and models, for example a butterfly growing from a caterpillar. Use drawings from the project as backdrops.'
			},
			{
				nb: 'Animer i små grupper, én del hver. Barna bytter roller: fotograf, knappetrykker, animatør og lyd.',
				nn: 'Animer i små grupper, éin del kvar. Barna byter roller: fotograf, knappetrykkar, animatør og lyd.',
				en: 'Animate in small groups, one part each. The children swap roles: photographer, button-presser, animator and sound.'
			},
			{
				nb: 'Ta opp forklaringen. Har dere ikke samtykke til barnas stemmer, kan barna lage lyder og en voksen lese det barna har formulert.',
				nn: 'Ta opp forklaringa. Har de ikkje samtykke til stemmene til barna, kan barna lage lydar og ein vaksen lese det barna har formulert.',
				en: "Record the explanation. If you do not have consent for the children's voices, the children can make sounds and an adult can read what the children have put into words."
			},
			{
				nb: 'Vis filmen for gruppa først, og spør om den kan vises på foreldremøtet. Vis den på møtet fra barnehagens eget utstyr, uten å dele filen.',
				nn: 'Vis filmen for gruppa først, og spør om han kan visast på foreldremøtet. Vis han på møtet frå utstyret til barnehagen, utan å dele fila.',
				en: "Show the film to the group first, and ask whether it may be shown at the parents' meeting. Show it at the meeting from the kindergarten's own equipment, without sharing the file."
			}
		],
		learningAreas: ['communication', 'art', 'community'],
		clauses: ['create', 'explore', 'judgement', 'assess'],
		screenMode: 'creative',
		screenMinutes: 25,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hva er det viktigste foreldrene skal få vite?',
				nn: 'Kva er det viktigaste foreldra skal få vite?',
				en: 'What is the most important thing for the parents to know?'
			},
			{
				nb: 'Hvordan kan vi vise det i filmen uten mange ord?',
				nn: 'Korleis kan vi vise det i filmen utan mange ord?',
				en: 'How can we show it in the film without many words?'
			},
			{
				nb: 'Hvem eier filmen, og hvem får se den? Kan den deles etter møtet?',
				nn: 'Kven eig filmen, og kven får sjå han? Kan han delast etter møtet?',
				en: 'Who owns the film, and who may see it? May it be shared after the meeting?'
			}
		],
		staffTips: [
			{
				nb: 'Begynn tidlig, gjerne tre til fire uker før møtet, så det ikke blir hastverk.',
				nn: 'Byrj tidleg, gjerne tre til fire veker før møtet, så det ikkje blir hastverk.',
				en: 'Start early, ideally three to four weeks before the meeting, so nothing is rushed.'
			},
			{
				nb: 'Hold filmen kort: ett til to minutter holder for et foreldremøte.',
				nn: 'Hald filmen kort: eitt til to minutt held for eit foreldremøte.',
				en: "Keep the film short: one to two minutes is plenty for a parents' meeting."
			},
			{
				nb: 'Vis storyboard og figurer på møtet, så foreldrene ser at det meste av arbeidet skjedde uten skjerm.',
				nn: 'Vis storyboard og figurar på møtet, så foreldra ser at det meste av arbeidet skjedde utan skjerm.',
				en: 'Display the storyboard and figures at the meeting, so parents see that most of the work happened without a screen.'
			}
		],
		privacy: {
			nb: 'Filmen viser figurer, modeller og barnas hender, ikke ansikt. Barnas stemmer brukes bare med samtykke fra foreldrene. Å vise filmen på foreldremøtet er en egen kanal: innhent samtykke for den, og spør barna først. Vis filmen fra barnehagens godkjente system, ikke fra private telefoner, og ikke del filen med foreldrene uten samtykke til det.',
			nn: 'Filmen viser figurar, modellar og hendene til barna, ikkje andlet. Stemmene til barna blir berre brukte med samtykke frå foreldra. Å vise filmen på foreldremøtet er ein eigen kanal: hent inn samtykke for han, og spør barna først. Vis filmen frå det godkjende systemet til barnehagen, ikkje frå private telefonar, og ikkje del fila med foreldra utan samtykke til det.',
			en: "The film shows figures, models and the children's hands, not faces. Children's voices are used only with parents' consent. Showing the film at the parents' meeting is a channel of its own: get consent for it, and ask the children first. Play the film from the kindergarten's approved system, not from private phones, and do not share the file with parents without consent for that."
		},
		source: FILIORUM,
		phases: [
			offScreen('story', 25, {
				nb: 'Hva har vi lært?',
				nn: 'Kva har vi lært?',
				en: 'What have we learnt?'
			}),
			offScreen('storyboard', 25, {
				nb: 'Vi planlegger filmen',
				nn: 'Vi planlegg filmen',
				en: 'Planning the film'
			}),
			offScreen('figures', 40, {
				nb: 'Vi lager figurer og modeller',
				nn: 'Vi lagar figurar og modellar',
				en: 'Making figures and models'
			}),
			rotating('animate', 40, 25, {
				nb: 'Vi animerer forklaringen',
				nn: 'Vi animerer forklaringa',
				en: 'Animating the explanation'
			}),
			rotating('sound', 25, 10, {
				nb: 'Vi forteller og lager lyd',
				nn: 'Vi fortel og lagar lyd',
				en: 'Narrating and adding sound'
			}),
			showing(20, 10, {
				nb: 'Vi viser filmen for gruppa',
				nn: 'Vi viser filmen for gruppa',
				en: 'Showing the film to the group'
			})
		]
	},
	{
		id: 'stop-motion-toothbrush-escapes',
		kind: 'stopMotion',
		tool: 'stop-motion',
		title: {
			nb: 'Tannbørsten som rømmer',
			nn: 'Tannbørsten som rømmer',
			en: 'The toothbrush that escapes'
		},
		summary: {
			nb: 'Et kort og enkelt filmprosjekt der en hverdagsting våkner til liv: tannbørsten er lei av å pusse tenner og rømmer fra badet. Passer som første møte med stop-motion og er en morsom vei inn i prat om tannpuss.',
			nn: 'Eit kort og enkelt filmprosjekt der ein kvardagsting vaknar til liv: tannbørsten er lei av å pusse tenner og rømmer frå badet. Passar som første møte med stop-motion og er ein morosam veg inn i prat om tannpuss.',
			en: 'A short, simple film project in which an everyday object comes alive: the toothbrush is tired of brushing teeth and escapes from the bathroom. A good first encounter with stop-motion and a fun way into talking about brushing teeth.'
		},
		ageMin: 3,
		ageMax: 6,
		groupSizeMin: 3,
		groupSizeMax: 6,
		durationMinutes: 30,
		setting: 'indoor',
		materials: [
			TABLET,
			TRIPOD,
			{
				nb: 'En ny, ubrukt tannbørste, eller andre hverdagsting',
				nn: 'Ein ny, ubrukt tannbørste, eller andre kvardagsting',
				en: 'A new, unused toothbrush, or other everyday objects'
			},
			{
				nb: 'Skoeske, papir og tusj til badet',
				nn: 'Skoeske, papir og tusj til badet',
				en: 'A shoebox, paper and felt-tip pens for the bathroom'
			},
			{
				nb: 'Heftemasse som holder tannbørsten oppreist',
				nn: 'Heftemasse som held tannbørsten oppreist',
				en: 'Reusable adhesive putty to keep the toothbrush upright'
			},
			{
				nb: 'Øyne av papir',
				nn: 'Auge av papir',
				en: 'Paper eyes'
			}
		],
		steps: [
			{
				nb: 'Hold fram tannbørsten og spør: Hva om den var lei av å pusse tenner? Hvor ville den rømme, og hvem prøver å fange den? Bli enige om en kort fortelling.',
				nn: 'Hald fram tannbørsten og spør: Kva om han var lei av å pusse tenner? Kvar ville han rømme, og kven prøver å fange han? Bli samde om ei kort forteljing.',
				en: 'Hold up the toothbrush and ask: What if it were tired of brushing teeth? Where would it escape to, and who tries to catch it? Agree on a short story.'
			},
			{
				nb: 'Lag et bad i en skoeske, med vask, speil og tannkremtube av papir. Gi gjerne tannbørsten øyne av papir.',
				nn: 'Lag eit bad i ei skoeske, med vask, spegel og tannkremtube av papir. Gi gjerne tannbørsten auge av papir.',
				en: 'Make a bathroom in a shoebox, with a sink, mirror and toothpaste tube made of paper. Give the toothbrush paper eyes if you like.'
			},
			{
				nb: 'Sett nettbrettet i stativet foran skoesken. Vis barna: flytt tannbørsten litt, ta ett bilde, flytt litt til.',
				nn: 'Set nettbrettet i stativet framfor skoeska. Vis barna: flytt tannbørsten litt, ta eitt bilete, flytt litt til.',
				en: 'Put the tablet in the tripod in front of the shoebox. Show the children: move the toothbrush a little, take one photo, move it a little more.'
			},
			{
				nb: 'La tannbørsten hoppe ut av badet og videre over bordet. Barna bytter roller etter noen bilder: fotograf, knappetrykker, animatør og lyd, som finner på lydene tannbørsten lager.',
				nn: 'La tannbørsten hoppe ut av badet og vidare over bordet. Barna byter roller etter nokre bilete: fotograf, knappetrykkar, animatør og lyd, som finn på lydane tannbørsten lagar.',
				en: 'Let the toothbrush jump out of the bathroom and on across the table. The children swap roles every few photos: photographer, button-presser, animator and sound, who invents the noises the toothbrush makes.'
			},
			{
				nb: 'Se filmen sammen med en gang, og la barna lage lydene mens den går. Snakk om hvordan vi fikk tannbørsten til å bevege seg, og om den rakk hjem til kveldens tannpuss.',
				nn: 'Sjå filmen saman med ein gong, og la barna lage lydane medan han går. Snakk om korleis vi fekk tannbørsten til å røre seg, og om han rakk heim til tannpussen om kvelden.',
				en: 'Watch the film together straight away, and let the children make the sounds as it plays. Talk about how we made the toothbrush move, and whether it got home in time for the evening brush.'
			}
		],
		learningAreas: ['art', 'communication', 'body'],
		clauses: ['create', 'explore', 'judgement'],
		screenMode: 'creative',
		screenMinutes: 15,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvordan beveger en tannbørste seg hvis den kan gå?',
				nn: 'Korleis rører ein tannbørste seg om han kan gå?',
				en: 'How does a toothbrush move if it can walk?'
			},
			{
				nb: 'Hva skjer videre når tannbørsten er ute av badet?',
				nn: 'Kva skjer vidare når tannbørsten er ute av badet?',
				en: 'What happens next once the toothbrush is out of the bathroom?'
			},
			{
				nb: 'Hvorfor trenger vi tannbørsten hver dag?',
				nn: 'Kvifor treng vi tannbørsten kvar dag?',
				en: 'Why do we need the toothbrush every day?'
			}
		],
		staffTips: [
			{
				nb: 'Bruk en ny tannbørste, ikke noens egen.',
				nn: 'Bruk ein ny tannbørste, ikkje nokon sin eigen.',
				en: "Use a new toothbrush, not anyone's own."
			},
			{
				nb: 'Litt heftemasse under tannbørsten får den til å stå og «hoppe».',
				nn: 'Litt heftemasse under tannbørsten får han til å stå og «hoppe».',
				en: "A little putty under the toothbrush lets it stand up and 'jump'."
			},
			{
				nb: 'Prosjektet rekker dere på en formiddag, og det fungerer godt som oppvarming før et større filmprosjekt.',
				nn: 'Prosjektet rekk de på ein formiddag, og det fungerer godt som oppvarming før eit større filmprosjekt.',
				en: 'The project fits into a morning and works well as a warm-up before a bigger film project.'
			}
		],
		privacy: {
			nb: 'Film tannbørsten og barnas hender, ikke ansikt, og lag speilet i badet av papir, så ingen speiler seg i bildet. Lagre filmen i barnehagens godkjente system, ikke på private telefoner. Spør barna før den vises, og vis den utenfor gruppa bare med samtykke for hver kanal.',
			nn: 'Film tannbørsten og hendene til barna, ikkje andlet, og lag spegelen i badet av papir, så ingen speglar seg på biletet. Lagre filmen i det godkjende systemet til barnehagen, ikkje på private telefonar. Spør barna før han blir vist, og vis han utanfor gruppa berre med samtykke for kvar kanal.',
			en: "Film the toothbrush and the children's hands, not faces, and make the bathroom mirror from paper so no one is reflected in the picture. Store the film in the kindergarten's approved system, not on private phones. Ask the children before it is shown, and show it outside the group only with consent for each channel."
		},
		source: null,
		phases: [
			offScreen('story', 15, {
				nb: 'Hvor vil tannbørsten rømme?',
				nn: 'Kvar vil tannbørsten rømme?',
				en: 'Where does the toothbrush want to escape to?'
			}),
			offScreen('figures', 25, {
				nb: 'Vi lager et bad i en skoeske',
				nn: 'Vi lagar eit bad i ei skoeske',
				en: 'Making a bathroom in a shoebox'
			}),
			rotating('animate', 30, 15, {
				nb: 'Tannbørsten rømmer!',
				nn: 'Tannbørsten rømmer!',
				en: 'The toothbrush escapes!'
			}),
			showing(10, 5, {
				nb: 'Vi ser filmen og lager lydene',
				nn: 'Vi ser filmen og lagar lydane',
				en: 'Watching the film and making the sounds'
			})
		]
	}
];
