import type { BuiltInActivity } from './activity';

/**
 * Built-in coding-toy activities (docs/design/domain.md, "Coding toys"): floor robots and unplugged
 * coding, all screen-free except the Blue-Bot tablet app. Ages follow the toys: Bee-Bot 3–5,
 * Blue-Bot 3+, Cubetto 3–6, Code & Go Robot Mouse 4+, unplugged 2–5.
 */
export const codingToyActivities: BuiltInActivity[] = [
	// ── Bee-Bot ──────────────────────────────────────────────────────────────────────────────
	{
		id: 'bee-bot-story-mat',
		kind: 'codingToy',
		tool: 'bee-bot',
		title: {
			nb: 'Bee-Bot på eventyrtur: De tre bukkene Bruse',
			nn: 'Bee-Bot på eventyrtur: Dei tre bukkane Bruse',
			en: 'Bee-Bot’s fairy-tale trip: The Three Billy Goats Gruff'
		},
		summary: {
			nb: 'Barna programmerer Bee-Bot fra sted til sted i eventyret på en rutematte, og forteller eventyret mens roboten kjører. Språk, rekkefølge og telling i samme lek.',
			nn: 'Barna programmerer Bee-Bot frå stad til stad i eventyret på ei rutematte, og fortel eventyret medan roboten køyrer. Språk, rekkjefølgje og teljing i same leik.',
			en: 'The children program Bee-Bot from place to place in the fairy tale on a grid mat and tell the story as the robot moves. Language, sequence and counting in one game.'
		},
		ageMin: 3,
		ageMax: 5,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 25,
		setting: 'indoor',
		materials: [
			{ nb: 'Bee-Bot, ladet', nn: 'Bee-Bot, lada', en: 'Bee-Bot, charged' },
			{
				nb: 'Gjennomsiktig lommematte eller hjemmelaget matte med ruter på 15 × 15 cm',
				nn: 'Gjennomsiktig lommematte eller heimelaga matte med ruter på 15 × 15 cm',
				en: 'Clear pocket mat or a home-made mat with 15 × 15 cm squares'
			},
			{
				nb: 'Bilder fra eventyret: tre bukker, brua, trollet og lia',
				nn: 'Bilete frå eventyret: tre bukkar, brua, trollet og lia',
				en: 'Pictures from the tale: three goats, the bridge, the troll and the hillside'
			},
			{
				nb: 'Pilkort (fram, bak, venstre, høyre)',
				nn: 'Pilkort (fram, bak, venstre, høgre)',
				en: 'Arrow cards (forward, back, left, right)'
			}
		],
		steps: [
			{
				nb: 'Les eller fortell eventyret først, uten roboten. La barna legge bildene i rutene på matta i den rekkefølgen ting skjer.',
				nn: 'Les eller fortel eventyret først, utan roboten. La barna leggja bileta i rutene på matta i den rekkjefølgja ting skjer.',
				en: 'Read or tell the tale first, without the robot. Let the children put the pictures in squares on the mat in the order things happen.'
			},
			{
				nb: 'Vis knappene på Bee-Bot: pilene, GO og CLEAR. Ett trykk fram er ett steg på 15 cm, altså én rute. Venstre og høyre snur roboten en kvart runde på stedet.',
				nn: 'Vis knappane på Bee-Bot: pilene, GO og CLEAR. Eitt trykk fram er eitt steg på 15 cm, altså éi rute. Venstre og høgre snur roboten ein kvart runde på staden.',
				en: 'Show the buttons on Bee-Bot: the arrows, GO and CLEAR. One press forward is one 15 cm step, one square. Left and right turn the robot a quarter turn on the spot.'
			},
			{
				nb: 'Sett Bee-Bot ved den minste bukken. Spør: «Hvor skal bukken nå? Hvor mange ruter er det?» La barna telle rutene med fingeren og legge pilkort for veien.',
				nn: 'Set Bee-Bot ved den minste bukken. Spør: «Kvar skal bukken no? Kor mange ruter er det?» La barna telja rutene med fingeren og leggja pilkort for vegen.',
				en: 'Put Bee-Bot by the smallest goat. Ask: ‘Where is the goat going now? How many squares is it?’ Let the children count the squares with a finger and lay arrow cards for the route.'
			},
			{
				nb: 'Ett barn trykker CLEAR, så pilene etter kortene, og så GO. De andre følger med og sier «tripp, trapp» for hvert steg.',
				nn: 'Eitt barn trykkjer CLEAR, så pilene etter korta, og så GO. Dei andre følgjer med og seier «tripp, trapp» for kvart steg.',
				en: 'One child presses CLEAR, then the arrows following the cards, then GO. The others watch and say ‘trip, trap’ for each step.'
			},
			{
				nb: 'Kom roboten fram? Da forteller barna hva som skjer der. Hvis ikke, se på kortene sammen og rett opp.',
				nn: 'Kom roboten fram? Då fortel barna kva som skjer der. Viss ikkje, sjå på korta saman og rett opp.',
				en: 'Did the robot get there? Then the children tell what happens at that place. If not, look at the cards together and fix them.'
			},
			{
				nb: 'Bytt på slik at alle får trykke, telle og fortelle. Avslutt med å fortelle hele eventyret mens Bee-Bot kjører hele veien.',
				nn: 'Byt på slik at alle får trykkja, telja og fortelja. Avslutt med å fortelja heile eventyret medan Bee-Bot køyrer heile vegen.',
				en: 'Take turns so everyone gets to press, count and tell. Finish by telling the whole tale while Bee-Bot drives the whole way.'
			}
		],
		learningAreas: ['communication', 'quantities', 'nature'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hva skjer først, så og til slutt, i eventyret og i programmet?',
				nn: 'Kva skjer først, så og til slutt, i eventyret og i programmet?',
				en: 'What happens first, next and last, in the story and in the program?'
			},
			{
				nb: 'Hvor mange steg trengte Bee-Bot? Var det flere eller færre enn dere trodde?',
				nn: 'Kor mange steg trong Bee-Bot? Var det fleire eller færre enn de trudde?',
				en: 'How many steps did Bee-Bot need? More or fewer than you thought?'
			},
			{
				nb: 'Roboten gjør bare det vi sier. Hvem bestemmer over roboten?',
				nn: 'Roboten gjer berre det vi seier. Kven bestemmer over roboten?',
				en: 'The robot only does what we tell it. Who is in charge of the robot?'
			}
		],
		staffTips: [
			{
				nb: 'Husk CLEAR før hvert nytt program. Bee-Bot husker de gamle trykkene, og det er en vanlig grunn til at roboten kjører feil.',
				nn: 'Hugs CLEAR før kvart nytt program. Bee-Bot hugsar dei gamle trykka, og det er ein vanleg grunn til at roboten køyrer feil.',
				en: 'Remember CLEAR before every new program. Bee-Bot keeps old presses, which is a common reason the robot goes the wrong way.'
			},
			{
				nb: 'Start med korte ruter på ett til tre steg for de yngste. Gjør rutene lengre når barna teller sikkert.',
				nn: 'Byrj med korte ruter på eitt til tre steg for dei yngste. Gjer rutene lengre når barna tel sikkert.',
				en: 'Start with short routes of one to three steps for the youngest. Make them longer when the children count confidently.'
			},
			{
				nb: 'Bee-Bot kan huske opptil 40 steg. Hele eventyret i ett program er en fin utfordring for de eldste.',
				nn: 'Bee-Bot kan hugsa opptil 40 steg. Heile eventyret i eitt program er ei fin utfordring for dei eldste.',
				en: 'Bee-Bot can remember up to 40 steps. The whole tale in one program is a nice challenge for the oldest.'
			},
			{
				nb: 'Bruk gjerne et eventyr barna kjenner fra før, eller en bok dere leser i gruppa.',
				nn: 'Bruk gjerne eit eventyr barna kjenner frå før, eller ei bok de les i gruppa.',
				en: 'Any tale the children already know works, or a book you are reading in the group.'
			}
		],
		privacy: {
			nb: 'Ingen bilder trengs. Vil dere dokumentere, ta bilde av matta, ruten og kortene, ikke av barnas ansikter, og lagre bare i barnehagens godkjente system.',
			nn: 'Ingen bilete trengst. Vil de dokumentera, ta bilete av matta, ruta og korta, ikkje av andleta til barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'No photos are needed. If you want to document, photograph the mat, the route and the cards, not the children’s faces, and store pictures only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'bee-bot-number-line',
		kind: 'codingToy',
		tool: 'bee-bot',
		title: {
			nb: 'Bee-Bot på tallinja',
			nn: 'Bee-Bot på tallinja',
			en: 'Bee-Bot on the number line'
		},
		summary: {
			nb: 'Bee-Bot kjører på en tallinje fra 0 til 10 med ruter på 15 cm. Barna gjetter hvor roboten stopper, teller stegene og ser at ett trykk er ett steg.',
			nn: 'Bee-Bot køyrer på ei tallinje frå 0 til 10 med ruter på 15 cm. Barna gjettar kvar roboten stoppar, tel stega og ser at eitt trykk er eitt steg.',
			en: 'Bee-Bot drives along a number line from 0 to 10 with 15 cm squares. The children guess where the robot will stop, count the steps and see that one press is one step.'
		},
		ageMin: 4,
		ageMax: 5,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 20,
		setting: 'indoor',
		materials: [
			{ nb: 'Bee-Bot, ladet', nn: 'Bee-Bot, lada', en: 'Bee-Bot, charged' },
			{
				nb: 'Tallinje med 11 ruter på 15 × 15 cm, laget av papir og teip, eller en ferdig tallmatte',
				nn: 'Tallinje med 11 ruter på 15 × 15 cm, laga av papir og teip, eller ei ferdig talmatte',
				en: 'Number line of 11 squares, 15 × 15 cm each, made from paper and tape, or a ready-made number mat'
			},
			{ nb: 'Terning med prikker', nn: 'Terning med prikkar', en: 'Dice with dots' },
			{
				nb: 'Små figurer eller kongler til å gjette med',
				nn: 'Små figurar eller kongler til å gjetta med',
				en: 'Small figures or pine cones to guess with'
			}
		],
		steps: [
			{
				nb: 'Legg tallinja på gulvet og tell rutene høyt sammen, fra 0 til 10. La barna gå på tallinja og telle for hvert steg.',
				nn: 'Legg tallinja på golvet og tel rutene høgt saman, frå 0 til 10. La barna gå på tallinja og telja for kvart steg.',
				en: 'Lay the number line on the floor and count the squares aloud together, from 0 to 10. Let the children walk along it and count each step.'
			},
			{
				nb: 'Sett Bee-Bot på 0 med ansiktet mot 10 og trykk CLEAR. Ett barn kaster terningen og trykker fram like mange ganger som det er prikker.',
				nn: 'Set Bee-Bot på 0 med andletet mot 10 og trykk CLEAR. Eitt barn kastar terningen og trykkjer fram like mange gongar som det er prikkar.',
				en: 'Put Bee-Bot on 0 facing 10 and press CLEAR. One child rolls the dice and presses forward as many times as there are dots.'
			},
			{
				nb: 'Før GO: «Hvor tror dere Bee-Bot stopper?» Barna setter en figur på ruta de gjetter på.',
				nn: 'Før GO: «Kvar trur de Bee-Bot stoppar?» Barna set ein figur på ruta dei gjettar på.',
				en: 'Before GO: ‘Where do you think Bee-Bot will stop?’ The children put a figure on the square they guess.'
			},
			{
				nb: 'Trykk GO og tell stegene høyt mens roboten kjører. Stemte det?',
				nn: 'Trykk GO og tel stega høgt medan roboten køyrer. Stemde det?',
				en: 'Press GO and count the steps aloud as the robot moves. Were you right?'
			},
			{
				nb: 'For de eldste: Bee-Bot står på 3. Hvor mange trykk trengs for å komme til 7? Prøv også å kjøre bakover.',
				nn: 'For dei eldste: Bee-Bot står på 3. Kor mange trykk trengst for å koma til 7? Prøv òg å køyra bakover.',
				en: 'For the oldest: Bee-Bot is on 3. How many presses does it take to get to 7? Try driving backwards too.'
			},
			{
				nb: 'Bytt slik at alle får kaste, trykke og gjette. Avslutt med å telle baklengs fra 10 mens Bee-Bot kjører hjem til 0.',
				nn: 'Byt slik at alle får kasta, trykkja og gjetta. Avslutt med å telja baklengs frå 10 medan Bee-Bot køyrer heim til 0.',
				en: 'Take turns so everyone gets to roll, press and guess. Finish by counting down from 10 while Bee-Bot drives back home to 0.'
			}
		],
		learningAreas: ['quantities', 'nature'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvor mange trykk, hvor mange steg? Er det alltid like mange?',
				nn: 'Kor mange trykk, kor mange steg? Er det alltid like mange?',
				en: 'How many presses, how many steps? Is it always the same number?'
			},
			{
				nb: 'Hvilket tall er størst? Hvilket er nærmest 0?',
				nn: 'Kva for eit tal er størst? Kva for eit er nærast 0?',
				en: 'Which number is the biggest? Which is closest to 0?'
			},
			{
				nb: 'Hva skjedde da vi glemte å trykke CLEAR?',
				nn: 'Kva skjedde då vi gløymde å trykkja CLEAR?',
				en: 'What happened when we forgot to press CLEAR?'
			}
		],
		staffTips: [
			{
				nb: 'Lag en terning med bare 1, 2 og 3 prikker for barn som akkurat har begynt å telle.',
				nn: 'Lag ein terning med berre 1, 2 og 3 prikkar for barn som nett har byrja å telja.',
				en: 'Make a dice with only 1, 2 and 3 dots for children who have just started counting.'
			},
			{
				nb: 'La barna telle med kroppen: ett hopp for hvert steg roboten tar.',
				nn: 'La barna telja med kroppen: eitt hopp for kvart steg roboten tek.',
				en: 'Let the children count with their bodies: one jump for each step the robot takes.'
			}
		],
		privacy: {
			nb: 'Ingen bilder eller navn trengs. Skal dere dokumentere, fotografer tallinja og roboten, ikke barna, og lagre bare i barnehagens godkjente system.',
			nn: 'Ingen bilete eller namn trengst. Skal de dokumentera, fotografer tallinja og roboten, ikkje barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'No photos or names are needed. If you document, photograph the number line and the robot, not the children, and store pictures only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'bee-bot-what-went-wrong',
		kind: 'codingToy',
		tool: 'bee-bot',
		title: {
			nb: '«Hva gikk galt?» Feilsøking med Bee-Bot',
			nn: '«Kva gjekk gale?» Feilsøking med Bee-Bot',
			en: '‘What went wrong?’ Debugging with Bee-Bot'
		},
		summary: {
			nb: 'En voksen lager et program med en feil med vilje. Barna følger med, finner feilen med pilkort og retter den. Feil blir noe vi lærer av, ikke noe å skamme seg over.',
			nn: 'Ein vaksen lagar eit program med ein feil med vilje. Barna følgjer med, finn feilen med pilkort og rettar han. Feil blir noko vi lærer av, ikkje noko å skjemmast over.',
			en: 'An adult makes a program with a deliberate mistake. The children watch, find the mistake with arrow cards and fix it. Mistakes become something we learn from, not something to be ashamed of.'
		},
		ageMin: 4,
		ageMax: 5,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 20,
		setting: 'indoor',
		materials: [
			{ nb: 'Bee-Bot, ladet', nn: 'Bee-Bot, lada', en: 'Bee-Bot, charged' },
			{
				nb: 'Bee-Bot-matte med ruter på 15 × 15 cm',
				nn: 'Bee-Bot-matte med ruter på 15 × 15 cm',
				en: 'Bee-Bot mat with 15 × 15 cm squares'
			},
			{ nb: 'Pilkort', nn: 'Pilkort', en: 'Arrow cards' },
			{
				nb: 'Et lite mål, for eksempel en blomst av papir eller en kosebamse',
				nn: 'Eit lite mål, til dømes ein blome av papir eller ein kosebamse',
				en: 'A small goal, such as a paper flower or a soft toy'
			}
		],
		steps: [
			{
				nb: 'Sett et mål på matta tre–fire ruter fra Bee-Bot. Legg pilkortene for ruten med én feil, for eksempel ett fram-kort for lite.',
				nn: 'Set eit mål på matta tre–fire ruter frå Bee-Bot. Legg pilkorta for ruta med éin feil, til dømes eitt fram-kort for lite.',
				en: 'Put a goal on the mat three or four squares from Bee-Bot. Lay out the arrow cards for the route with one mistake, for example one forward card too few.'
			},
			{
				nb: 'Si: «Jeg har laget et program til Bee-Bot. Tror dere roboten kommer fram?» La barna gjette før dere trykker GO.',
				nn: 'Sei: «Eg har laga eit program til Bee-Bot. Trur de roboten kjem fram?» La barna gjetta før de trykkjer GO.',
				en: 'Say: ‘I have made a program for Bee-Bot. Do you think the robot will get there?’ Let the children guess before you press GO.'
			},
			{
				nb: 'Trykk CLEAR, tast inn programmet etter kortene og trykk GO. Stopp og se: Hvor havnet roboten?',
				nn: 'Trykk CLEAR, tast inn programmet etter korta og trykk GO. Stopp og sjå: Kvar hamna roboten?',
				en: 'Press CLEAR, enter the program from the cards and press GO. Stop and look: Where did the robot end up?'
			},
			{
				nb: 'Spør: «Hva gikk galt?» Gå gjennom kortene ett og ett sammen med barna, og la dem peke på kortet som er feil.',
				nn: 'Spør: «Kva gjekk gale?» Gå gjennom korta eitt og eitt saman med barna, og la dei peika på kortet som er feil.',
				en: 'Ask: ‘What went wrong?’ Go through the cards one by one with the children and let them point to the wrong card.'
			},
			{
				nb: 'La et barn rette kortene og programmere Bee-Bot på nytt. Prøv igjen til roboten når målet.',
				nn: 'La eit barn retta korta og programmera Bee-Bot på nytt. Prøv igjen til roboten når målet.',
				en: 'Let a child fix the cards and program Bee-Bot again. Try again until the robot reaches the goal.'
			},
			{
				nb: 'Lag nye feil: en sving feil vei, eller glem CLEAR slik at det gamle programmet blir med. Etter hvert kan barna lage feil til hverandre.',
				nn: 'Lag nye feil: ein sving feil veg, eller gløym CLEAR slik at det gamle programmet blir med. Etter kvart kan barna laga feil til kvarandre.',
				en: 'Make new mistakes: a turn the wrong way, or forget CLEAR so the old program runs too. Later the children can set mistakes for each other.'
			}
		],
		learningAreas: ['quantities', 'communication', 'ethics'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hva betyr det at noe blir feil? Er det lov å gjøre feil?',
				nn: 'Kva tyder det at noko blir feil? Er det lov å gjera feil?',
				en: 'What does it mean when something goes wrong? Is it all right to make mistakes?'
			},
			{
				nb: 'Hvordan fant vi feilen? Hva gjorde vi først?',
				nn: 'Korleis fann vi feilen? Kva gjorde vi først?',
				en: 'How did we find the mistake? What did we do first?'
			},
			{
				nb: 'Var det roboten eller programmet som gjorde feil?',
				nn: 'Var det roboten eller programmet som gjorde feil?',
				en: 'Was it the robot or the program that got it wrong?'
			}
		],
		staffTips: [
			{
				nb: 'Vis glede når noe går galt: «Så spennende, nå må vi finne ut hva som skjedde!» Barna lærer av hvordan du møter feil.',
				nn: 'Vis glede når noko går gale: «Så spennande, no må vi finna ut kva som skjedde!» Barna lærer av korleis du møter feil.',
				en: 'Show delight when something goes wrong: ‘How exciting, now we have to find out what happened!’ The children learn from how you meet mistakes.'
			},
			{
				nb: 'Bare én feil om gangen til å begynne med, og feilen skal kunne ses på kortene.',
				nn: 'Berre éin feil om gongen til å byrja med, og feilen skal ein kunna sjå på korta.',
				en: 'Only one mistake at a time to begin with, and it should be visible on the cards.'
			}
		],
		privacy: {
			nb: 'Aktiviteten trenger ingen bilder. Vil dere vise foreldrene hva dere gjorde, ta bilde av kortene og matta, ikke av barna, og lagre det bare i barnehagens godkjente system.',
			nn: 'Aktiviteten treng ingen bilete. Vil de visa foreldra kva de gjorde, ta bilete av korta og matta, ikkje av barna, og lagra det berre i det godkjende systemet til barnehagen.',
			en: 'The activity needs no photos. If you want to show parents what you did, photograph the cards and the mat, not the children, and store it only in the kindergarten’s approved system.'
		},
		source: null
	},

	// ── Blue-Bot ─────────────────────────────────────────────────────────────────────────────
	{
		id: 'blue-bot-neighbourhood-map',
		kind: 'codingToy',
		tool: 'blue-bot',
		title: {
			nb: 'Blue-Bot på tur i nærmiljøet',
			nn: 'Blue-Bot på tur i nærmiljøet',
			en: 'Blue-Bot’s walk around our neighbourhood'
		},
		summary: {
			nb: 'Barna tegner et kart over steder de kjenner i nærmiljøet, på ruter på 15 cm, og programmerer Blue-Bot med knappene på roboten fra sted til sted. Ingen skjerm.',
			nn: 'Barna teiknar eit kart over stader dei kjenner i nærmiljøet, på ruter på 15 cm, og programmerer Blue-Bot med knappane på roboten frå stad til stad. Ingen skjerm.',
			en: 'The children draw a map of places they know in the neighbourhood on 15 cm squares and program Blue-Bot with the buttons on the robot from place to place. No screen.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 30,
		setting: 'indoor',
		materials: [
			{ nb: 'Blue-Bot, ladet', nn: 'Blue-Bot, lada', en: 'Blue-Bot, charged' },
			{
				nb: 'Stort papir med ruter på 15 × 15 cm, eller en gjennomsiktig lommematte',
				nn: 'Stort papir med ruter på 15 × 15 cm, eller ei gjennomsiktig lommematte',
				en: 'Large paper with 15 × 15 cm squares, or a clear pocket mat'
			},
			{
				nb: 'Fargeblyanter og tusjer',
				nn: 'Fargeblyantar og tusjar',
				en: 'Crayons and felt-tip pens'
			},
			{ nb: 'Pilkort', nn: 'Pilkort', en: 'Arrow cards' }
		],
		steps: [
			{
				nb: 'Snakk om turer dere har gått: Hvilke steder gikk vi forbi? Velg fire–fem steder, for eksempel barnehagen, butikken, lekeplassen og bussholdeplassen.',
				nn: 'Snakk om turar de har gått: Kva for stader gjekk vi forbi? Vel fire–fem stader, til dømes barnehagen, butikken, leikeplassen og busshaldeplassen.',
				en: 'Talk about walks you have been on: Which places did we pass? Choose four or five, such as the kindergarten, the shop, the playground and the bus stop.'
			},
			{
				nb: 'Barna tegner hvert sted i en egen rute på kartet. Ikke tegn hjem eller navn som viser hvor barna bor.',
				nn: 'Barna teiknar kvar stad i ei eiga rute på kartet. Ikkje teikn heimar eller namn som viser kvar barna bur.',
				en: 'The children draw each place in its own square on the map. Do not draw homes or names that show where children live.'
			},
			{
				nb: 'Se på Blue-Bot sammen. Skallet er gjennomsiktig: Hva ser dere inni? Vis knappene: pilene, GO og CLEAR.',
				nn: 'Sjå på Blue-Bot saman. Skalet er gjennomsiktig: Kva ser de inni? Vis knappane: pilene, GO og CLEAR.',
				en: 'Look at Blue-Bot together. The shell is see-through: What can you see inside? Show the buttons: the arrows, GO and CLEAR.'
			},
			{
				nb: 'Velg en tur: «Fra barnehagen til butikken.» Barna legger pilkort, trykker CLEAR, taster inn programmet med knappene på roboten og trykker GO.',
				nn: 'Vel ein tur: «Frå barnehagen til butikken.» Barna legg pilkort, trykkjer CLEAR, tastar inn programmet med knappane på roboten og trykkjer GO.',
				en: 'Choose a trip: ‘From the kindergarten to the shop.’ The children lay arrow cards, press CLEAR, enter the program with the buttons on the robot and press GO.'
			},
			{
				nb: 'Kom Blue-Bot fram? Hvis ikke, let etter feilen i kortene sammen og prøv igjen.',
				nn: 'Kom Blue-Bot fram? Viss ikkje, leit etter feilen i korta saman og prøv igjen.',
				en: 'Did Blue-Bot get there? If not, look for the mistake in the cards together and try again.'
			},
			{
				nb: 'Legg inn hindringer, som et veiarbeid, slik at barna må finne en annen vei. Heng opp kartet til neste gang.',
				nn: 'Legg inn hinder, som eit vegarbeid, slik at barna må finna ein annan veg. Heng opp kartet til neste gong.',
				en: 'Add obstacles, such as roadworks, so the children have to find another way. Put the map up for next time.'
			}
		],
		learningAreas: ['community', 'quantities', 'nature', 'art'],
		clauses: ['explore', 'create'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvilke steder i nærmiljøet kjenner dere? Hva gjør vi der?',
				nn: 'Kva for stader i nærmiljøet kjenner de? Kva gjer vi der?',
				en: 'Which places in the neighbourhood do you know? What do we do there?'
			},
			{
				nb: 'Finnes det mer enn én vei til samme sted? Hvilken er kortest?',
				nn: 'Finst det meir enn éin veg til same stad? Kva for ein er kortast?',
				en: 'Is there more than one way to the same place? Which is the shortest?'
			},
			{
				nb: 'Hva tror dere er inni Blue-Bot som får roboten til å kjøre?',
				nn: 'Kva trur de er inni Blue-Bot som får roboten til å køyra?',
				en: 'What do you think is inside Blue-Bot that makes it move?'
			}
		],
		staffTips: [
			{
				nb: 'Gå turen i virkeligheten før eller etter, så barna kobler kartet til stedene.',
				nn: 'Gå turen i røynda før eller etter, så barna koplar kartet til stadene.',
				en: 'Walk the route for real before or after, so the children link the map to the places.'
			},
			{
				nb: 'Blue-Bot har de samme knappene og 15 cm-stegene som Bee-Bot, så matter og kort kan brukes til begge.',
				nn: 'Blue-Bot har dei same knappane og 15 cm-stega som Bee-Bot, så matter og kort kan brukast til begge.',
				en: 'Blue-Bot has the same buttons and 15 cm steps as Bee-Bot, so mats and cards work for both.'
			}
		],
		privacy: {
			nb: 'Kartet viser felles steder, ikke barnas hjem eller navn. Vil dere ta bilde, fotografer kartet og roboten, ikke barna, og lagre bare i barnehagens godkjente system.',
			nn: 'Kartet viser felles stader, ikkje heimane eller namna til barna. Vil de ta bilete, fotografer kartet og roboten, ikkje barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'The map shows shared places, not the children’s homes or names. If you take photos, photograph the map and the robot, not the children, and store them only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'blue-bot-tablet-app',
		kind: 'codingToy',
		tool: 'blue-bot',
		title: {
			nb: 'Blue-Bot med nettbrett: fra knapper til app',
			nn: 'Blue-Bot med nettbrett: frå knappar til app',
			en: 'Blue-Bot with a tablet: from buttons to app'
		},
		summary: {
			nb: 'Barna har kodet Blue-Bot med knappene før. Nå bygger de programmet i appen på nettbrettet sammen med en voksen, sender det over Bluetooth og ser roboten kjøre på matta. Kort skjermtid, mye prat.',
			nn: 'Barna har koda Blue-Bot med knappane før. No byggjer dei programmet i appen på nettbrettet saman med ein vaksen, sender det over Bluetooth og ser roboten køyra på matta. Kort skjermtid, mykje prat.',
			en: 'The children have coded Blue-Bot with its buttons before. Now they build the program in the app on the tablet with an adult, send it over Bluetooth and watch the robot drive on the mat. Short screen time, lots of talk.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 25,
		setting: 'indoor',
		materials: [
			{ nb: 'Blue-Bot, ladet', nn: 'Blue-Bot, lada', en: 'Blue-Bot, charged' },
			{
				nb: 'Barnehagens nettbrett med Blue-Bot-appen fra TTS, installert og sjekket på forhånd',
				nn: 'Nettbrettet til barnehagen med Blue-Bot-appen frå TTS, installert og sjekka på førehand',
				en: 'The kindergarten’s tablet with the TTS Blue-Bot app, installed and checked beforehand'
			},
			{
				nb: 'Matte med ruter på 15 × 15 cm',
				nn: 'Matte med ruter på 15 × 15 cm',
				en: 'Mat with 15 × 15 cm squares'
			},
			{ nb: 'Pilkort', nn: 'Pilkort', en: 'Arrow cards' }
		],
		steps: [
			{
				nb: 'Før økta: lad roboten og nettbrettet og installer appen. Sjekk at appen ikke viser reklame og ikke ber om konto eller barnas navn.',
				nn: 'Før økta: lad roboten og nettbrettet og installer appen. Sjekk at appen ikkje viser reklame og ikkje ber om konto eller namna til barna.',
				en: 'Before the session: charge the robot and the tablet and install the app. Check that the app shows no adverts and asks for no account or children’s names.'
			},
			{
				nb: 'Start på matta uten skjerm: ett barn koder en kort rute med knappene på roboten. Minn om hvordan pilene virker.',
				nn: 'Byrj på matta utan skjerm: eitt barn kodar ei kort rute med knappane på roboten. Minn om korleis pilene verkar.',
				en: 'Start on the mat without a screen: one child codes a short route with the buttons on the robot. Recap how the arrows work.'
			},
			{
				nb: 'Koble Blue-Bot til appen over Bluetooth mens barna ser på. Forklar: «Nettbrettet snakker med roboten uten ledning.»',
				nn: 'Opprett samband mellom Blue-Bot og appen over Bluetooth medan barna ser på. Forklar: «Nettbrettet snakkar med roboten utan leidning.»',
				en: 'Connect Blue-Bot to the app over Bluetooth while the children watch. Explain: ‘The tablet talks to the robot without a wire.’'
			},
			{
				nb: 'Sitt sammen med barna og hold nettbrettet selv. Barna bytter på å legge inn én pil hver i appen, og sjekker mot pilkortene på gulvet.',
				nn: 'Sit saman med barna og hald nettbrettet sjølv. Barna byter på å leggja inn éi pil kvar i appen, og sjekkar mot pilkorta på golvet.',
				en: 'Sit with the children and hold the tablet yourself. The children take turns to add one arrow each in the app and check it against the arrow cards on the floor.'
			},
			{
				nb: 'Send programmet og se på roboten, ikke skjermen. Kom den fram? Sammenlign pilene på skjermen med veien roboten kjørte.',
				nn: 'Send programmet og sjå på roboten, ikkje skjermen. Kom roboten fram? Samanlikn pilene på skjermen med vegen roboten køyrde.',
				en: 'Send the program and watch the robot, not the screen. Did it get there? Compare the arrows on the screen with the way the robot went.'
			},
			{
				nb: 'Etter cirka ti minutter: lukk appen og legg bort nettbrettet. Avslutt på matta med en rute kodet med knappene igjen, og snakk om forskjellen.',
				nn: 'Etter om lag ti minutt: lukk appen og legg bort nettbrettet. Avslutt på matta med ei rute koda med knappane igjen, og snakk om skilnaden.',
				en: 'After about ten minutes: close the app and put the tablet away. Finish on the mat with one more route coded with the buttons, and talk about the difference.'
			}
		],
		learningAreas: ['nature', 'quantities', 'communication'],
		clauses: ['explore', 'assess', 'judgement'],
		screenMode: 'interactive',
		screenMinutes: 10,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvordan kan roboten vite hva nettbrettet sier, uten ledning?',
				nn: 'Korleis kan roboten vita kva nettbrettet seier, utan leidning?',
				en: 'How can the robot know what the tablet says without a wire?'
			},
			{
				nb: 'Var det lettere med knappene eller med appen? Hvorfor?',
				nn: 'Var det lettare med knappane eller med appen? Kvifor?',
				en: 'Was it easier with the buttons or with the app? Why?'
			},
			{
				nb: 'Hvem bestemmer når vi bruker nettbrettet, og når vi legger det bort?',
				nn: 'Kven bestemmer når vi bruker nettbrettet, og når vi legg det bort?',
				en: 'Who decides when we use the tablet, and when we put it away?'
			}
		],
		staffTips: [
			{
				nb: 'Prøv appen og Bluetooth-tilkoblingen selv dagen før, så økta ikke går med til oppsett.',
				nn: 'Prøv appen og Bluetooth-sambandet sjølv dagen før, så økta ikkje går med til oppsett.',
				en: 'Try the app and the Bluetooth connection yourself the day before, so the session is not spent setting up.'
			},
			{
				nb: 'Bruk barnehagens låste nettbrett, ikke din private telefon.',
				nn: 'Bruk det låste nettbrettet til barnehagen, ikkje den private telefonen din.',
				en: 'Use the kindergarten’s locked tablet, not your own phone.'
			},
			{
				nb: 'Hold skjermtiden kort og felles: én skjerm, en voksen ved siden av, og roboten på gulvet som det viktigste.',
				nn: 'Hald skjermtida kort og felles: éin skjerm, ein vaksen ved sida av, og roboten på golvet som det viktigaste.',
				en: 'Keep screen time short and shared: one screen, an adult alongside, and the robot on the floor as the main thing.'
			}
		],
		privacy: {
			nb: 'Appen skal ikke ha barnas navn eller bilder. Ikke logg inn med egne kontoer, og ikke lagre noe om barna i appen. Dokumenterer dere, ta bilde av matta og roboten, og lagre det bare i barnehagens godkjente system.',
			nn: 'Appen skal ikkje ha namn eller bilete av barna. Ikkje logg inn med eigne kontoar, og ikkje lagra noko om barna i appen. Dokumenterer de, ta bilete av matta og roboten, og lagra det berre i det godkjende systemet til barnehagen.',
			en: 'The app must not hold the children’s names or pictures. Do not sign in with personal accounts, and do not save anything about the children in the app. If you document, photograph the mat and the robot, and store it only in the kindergarten’s approved system.'
		},
		source: null
	},

	// ── Cubetto ──────────────────────────────────────────────────────────────────────────────
	{
		id: 'cubetto-first-journey',
		kind: 'codingToy',
		tool: 'cubetto',
		title: {
			nb: 'Cubettos første reise: koding med klosser',
			nn: 'Den første reisa til Cubetto: koding med klossar',
			en: 'Cubetto’s first journey: coding with blocks'
		},
		summary: {
			nb: 'Barna legger fargede klosser i kodebrettet og sender treroboten Cubetto over kartet på 1 × 1 meter. Ingen skjerm og ingen lesing: form og farge viser retningen.',
			nn: 'Barna legg farga klossar i kodebrettet og sender treroboten Cubetto over kartet på 1 × 1 meter. Ingen skjerm og inga lesing: form og farge viser retninga.',
			en: 'The children put coloured blocks in the coding board and send the wooden robot Cubetto across the 1 × 1 metre map. No screen and no reading: shape and colour show the direction.'
		},
		ageMin: 3,
		ageMax: 6,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 25,
		setting: 'indoor',
		materials: [
			{
				nb: 'Cubetto, kodebrett og klosser, med batterier i både robot og brett',
				nn: 'Cubetto, kodebrett og klossar, med batteri i både robot og brett',
				en: 'Cubetto, coding board and blocks, with batteries in both robot and board'
			},
			{
				nb: 'Kartet på 1 × 1 m med 6 × 6 ruter',
				nn: 'Kartet på 1 × 1 m med 6 × 6 ruter',
				en: 'The 1 × 1 m map with 6 × 6 squares'
			},
			{
				nb: 'Noen små leker eller kongler som mål',
				nn: 'Nokre små leiker eller kongler som mål',
				en: 'A few small toys or pine cones as goals'
			}
		],
		steps: [
			{
				nb: 'Vis klossene: grønn kjører fram, rød snur til høyre, gul snur til venstre, og blå kjører funksjonslinja. Start med bare grønne.',
				nn: 'Vis klossane: grøn køyrer fram, raud snur til høgre, gul snur til venstre, og blå køyrer funksjonslinja. Byrj med berre grøne.',
				en: 'Show the blocks: green goes forward, red turns right, yellow turns left, and blue runs the function line. Start with green only.'
			},
			{
				nb: 'Sett Cubetto på en rute og en leke to ruter foran. Spør: «Hvor mange grønne klosser trenger Cubetto?» La et barn legge klossene i brettet, fra starten av linja.',
				nn: 'Set Cubetto på ei rute og ein leike to ruter framfor. Spør: «Kor mange grøne klossar treng Cubetto?» La eit barn leggja klossane i brettet, frå starten av linja.',
				en: 'Put Cubetto on a square and a toy two squares in front. Ask: ‘How many green blocks does Cubetto need?’ Let a child put the blocks in the board, from the start of the line.'
			},
			{
				nb: 'Trykk på knappen på brettet og se Cubetto kjøre. Lysene under klossene viser hvilken kloss roboten følger akkurat nå.',
				nn: 'Trykk på knappen på brettet og sjå Cubetto køyra. Lysa under klossane viser kva for ein kloss roboten følgjer akkurat no.',
				en: 'Press the button on the board and watch Cubetto go. The lights under the blocks show which block the robot is following right now.'
			},
			{
				nb: 'Flytt leken slik at Cubetto må svinge. Snakk om hvilken vei Cubetto ser: Hvor er høyre for Cubetto?',
				nn: 'Flytt leiken slik at Cubetto må svinga. Snakk om kva veg Cubetto ser: Kvar er høgre for Cubetto?',
				en: 'Move the toy so Cubetto has to turn. Talk about which way Cubetto is facing: Where is right for Cubetto?'
			},
			{
				nb: 'La barna bytte på å være «koder» og «sjekker»: én legger klosser, én sier om de stemmer med veien på kartet.',
				nn: 'La barna byta på å vera «kodar» og «sjekkar»: ein legg klossar, ein seier om dei stemmer med vegen på kartet.',
				en: 'Let the children take turns as ‘coder’ and ‘checker’: one lays the blocks, the other says whether they match the way on the map.'
			},
			{
				nb: 'For de eldste: legg en bit som gjentas i funksjonslinja, og bruk den blå klossen. Hvor mange klosser sparte dere?',
				nn: 'For dei eldste: legg ein bit som går att, i funksjonslinja, og bruk den blå klossen. Kor mange klossar sparte de?',
				en: 'For the oldest: put a part that repeats in the function line and use the blue block. How many blocks did you save?'
			}
		],
		learningAreas: ['quantities', 'nature', 'communication'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvorfor har klossene forskjellige farger og former?',
				nn: 'Kvifor har klossane ulike fargar og former?',
				en: 'Why do the blocks have different colours and shapes?'
			},
			{
				nb: 'Hvor er høyre og venstre for Cubetto, og for deg?',
				nn: 'Kvar er høgre og venstre for Cubetto, og for deg?',
				en: 'Where are right and left for Cubetto, and for you?'
			},
			{
				nb: 'Hva skjer hvis vi bytter rekkefølgen på to klosser?',
				nn: 'Kva skjer viss vi byter rekkjefølgja på to klossar?',
				en: 'What happens if we swap the order of two blocks?'
			}
		],
		staffTips: [
			{
				nb: 'Cubetto passer også for barn som ikke leser eller snakker norsk ennå: form og farge gjør jobben.',
				nn: 'Cubetto passar òg for barn som ikkje les eller snakkar norsk enno: form og farge gjer jobben.',
				en: 'Cubetto also suits children who do not read or speak Norwegian yet: shape and colour do the work.'
			},
			{
				nb: 'Ha ekstra batterier klare; både roboten og brettet trenger strøm.',
				nn: 'Ha ekstra batteri klare; både roboten og brettet treng straum.',
				en: 'Keep spare batteries ready; both the robot and the board need power.'
			}
		],
		privacy: {
			nb: 'Ingen bilder trengs. Dokumenterer dere, ta bilde av kodebrettet og kartet, ikke av barnas ansikter, og lagre bare i barnehagens godkjente system.',
			nn: 'Ingen bilete trengst. Dokumenterer de, ta bilete av kodebrettet og kartet, ikkje av andleta til barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'No photos are needed. If you document, photograph the coding board and the map, not the children’s faces, and store pictures only in the kindergarten’s approved system.'
		},
		source: {
			title: 'Cubetto user manual (Primo Toys)',
			url: 'https://www.primotoys.com/cubetto-user-manual/'
		}
	},
	{
		id: 'cubetto-own-map',
		kind: 'codingToy',
		tool: 'cubetto',
		title: {
			nb: 'Vårt eget Cubetto-kart',
			nn: 'Vårt eige Cubetto-kart',
			en: 'Our own Cubetto map'
		},
		summary: {
			nb: 'Barna lager sitt eget kart på 1 × 1 meter med de samme rutene som Cubettos kart, fyller det med steder fra en historie de dikter selv, og koder Cubetto gjennom historien.',
			nn: 'Barna lagar sitt eige kart på 1 × 1 meter med dei same rutene som kartet til Cubetto, fyller det med stader frå ei historie dei diktar sjølve, og kodar Cubetto gjennom historia.',
			en: 'The children make their own 1 × 1 metre map with the same squares as Cubetto’s map, fill it with places from a story they make up, and code Cubetto through the story.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 45,
		setting: 'indoor',
		materials: [
			{
				nb: 'Cubetto, kodebrett og klosser',
				nn: 'Cubetto, kodebrett og klossar',
				en: 'Cubetto, coding board and blocks'
			},
			{
				nb: 'Papir på 1 × 1 m med 6 × 6 ruter på 15 cm, tegnet opp på forhånd',
				nn: 'Papir på 1 × 1 m med 6 × 6 ruter på 15 cm, teikna opp på førehand',
				en: 'A 1 × 1 m sheet of paper ruled into 6 × 6 squares of 15 cm, prepared beforehand'
			},
			{
				nb: 'Tusjer, fargestifter, saks og lim',
				nn: 'Tusjar, fargestiftar, saks og lim',
				en: 'Felt-tip pens, crayons, scissors and glue'
			},
			{
				nb: 'Papp og naturmateriale til små hindringer',
				nn: 'Papp og naturmateriale til små hinder',
				en: 'Cardboard and natural materials for small obstacles'
			}
		],
		steps: [
			{
				nb: 'Dikt en kort historie sammen: Hvor skal Cubetto, og hva møter roboten på veien? Skriv ned tre–fire steder barna finner på.',
				nn: 'Dikt ei kort historie saman: Kvar skal Cubetto, og kva møter roboten på vegen? Skriv ned tre–fire stader barna finn på.',
				en: 'Make up a short story together: Where is Cubetto going, and what does it meet on the way? Write down three or four places the children invent.'
			},
			{
				nb: 'Barna tegner stedene i hver sin rute på kartet. Minst én rute blir et hinder, for eksempel en innsjø eller et fjell.',
				nn: 'Barna teiknar stadene i kvar si rute på kartet. Minst éi rute blir eit hinder, til dømes ein innsjø eller eit fjell.',
				en: 'The children draw the places, each in its own square on the map. At least one square becomes an obstacle, such as a lake or a mountain.'
			},
			{
				nb: 'Sett Cubetto på start. Barna planlegger veien til det første stedet ved å følge den med fingeren og si «fram, fram, snu».',
				nn: 'Set Cubetto på start. Barna planlegg vegen til den første staden ved å følgja han med fingeren og seia «fram, fram, snu».',
				en: 'Put Cubetto at the start. The children plan the way to the first place by tracing it with a finger and saying ‘forward, forward, turn’.'
			},
			{
				nb: 'De legger klossene i brettet og trykker på knappen. Når Cubetto kommer fram, forteller barna hva som skjer der i historien.',
				nn: 'Dei legg klossane i brettet og trykkjer på knappen. Når Cubetto kjem fram, fortel barna kva som skjer der i historia.',
				en: 'They put the blocks in the board and press the button. When Cubetto arrives, the children tell what happens there in the story.'
			},
			{
				nb: 'Fortsett sted for sted. Går noe galt, legger dere fram klossene og leter etter feilen sammen.',
				nn: 'Hald fram stad for stad. Går noko gale, legg de fram klossane og leitar etter feilen saman.',
				en: 'Carry on place by place. If something goes wrong, lay out the blocks and look for the mistake together.'
			},
			{
				nb: 'Ta vare på kartet. Neste gang kan en annen gruppe kode seg gjennom historien, eller barna kan legge til nye steder.',
				nn: 'Ta vare på kartet. Neste gong kan ei anna gruppe koda seg gjennom historia, eller barna kan leggja til nye stader.',
				en: 'Keep the map. Next time another group can code their way through the story, or the children can add new places.'
			}
		],
		learningAreas: ['art', 'communication', 'quantities'],
		clauses: ['create', 'explore'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hva trenger et kart for at Cubetto skal kunne bruke det?',
				nn: 'Kva treng eit kart for at Cubetto skal kunna bruka det?',
				en: 'What does a map need so that Cubetto can use it?'
			},
			{
				nb: 'Hvorfor må rutene være like store som Cubettos steg?',
				nn: 'Kvifor må rutene vera like store som stega til Cubetto?',
				en: 'Why must the squares be the same size as Cubetto’s steps?'
			},
			{
				nb: 'Hvem fant på hva i historien? Hvordan ble vi enige?',
				nn: 'Kven fann på kva i historia? Korleis vart vi samde?',
				en: 'Who came up with what in the story? How did we agree?'
			}
		],
		staffTips: [
			{
				nb: 'Tegn opp rutene før økta. Cubetto kjører 15 cm for hver grønne kloss, så rutene må være 15 × 15 cm.',
				nn: 'Teikn opp rutene før økta. Cubetto køyrer 15 cm for kvar grøne kloss, så rutene må vera 15 × 15 cm.',
				en: 'Rule the squares before the session. Cubetto moves 15 cm for each green block, so the squares must be 15 × 15 cm.'
			},
			{
				nb: 'Del gjerne arbeidet i to: lag kartet én dag og kod neste dag.',
				nn: 'Del gjerne arbeidet i to: lag kartet éin dag og kod neste dag.',
				en: 'Feel free to split the work in two: make the map one day and code the next.'
			}
		],
		privacy: {
			nb: 'Kartet viser barnas tegninger, ikke navn. Vil dere henge det opp eller ta bilde av det, spør barna først, og lagre bilder bare i barnehagens godkjente system.',
			nn: 'Kartet viser teikningane til barna, ikkje namn. Vil de henga det opp eller ta bilete av det, spør barna først, og lagra bilete berre i det godkjende systemet til barnehagen.',
			en: 'The map shows the children’s drawings, not names. If you want to put it up or photograph it, ask the children first, and store photos only in the kindergarten’s approved system.'
		},
		source: null
	},

	// ── Code & Go Robot Mouse ────────────────────────────────────────────────────────────────
	{
		id: 'robot-mouse-cheese-maze',
		kind: 'codingToy',
		tool: 'robot-mouse',
		title: {
			nb: 'Robotmusa finner osten',
			nn: 'Robotmusa finn osten',
			en: 'The robot mouse finds the cheese'
		},
		summary: {
			nb: 'Barna bygger en labyrint av rutebrikker og vegger, legger kodekort for veien og programmerer Code & Go-robotmusa med knappene på ryggen til den når osten.',
			nn: 'Barna byggjer ein labyrint av rutebrikker og veggar, legg kodekort for vegen og programmerer Code & Go-robotmusa med knappane på ryggen til ho når osten.',
			en: 'The children build a maze from grid pieces and walls, lay coding cards for the route and program the Code & Go robot mouse with the buttons on its back until it reaches the cheese.'
		},
		ageMin: 4,
		ageMax: 6,
		groupSizeMin: 2,
		groupSizeMax: 4,
		durationMinutes: 30,
		setting: 'indoor',
		materials: [
			{
				nb: 'Code & Go-robotmus med batterier',
				nn: 'Code & Go-robotmus med batteri',
				en: 'Code & Go robot mouse with batteries'
			},
			{
				nb: 'Rutebrikker, vegger, tunneler og ost fra settet',
				nn: 'Rutebrikker, veggar, tunnelar og ost frå settet',
				en: 'Maze grid pieces, walls, tunnels and the cheese from the set'
			},
			{ nb: 'Kodekort med piler', nn: 'Kodekort med piler', en: 'Coding cards with arrows' },
			{
				nb: 'Aktivitetskort fra settet, eller en enkel tegning av en labyrint',
				nn: 'Aktivitetskort frå settet, eller ei enkel teikning av ein labyrint',
				en: 'Activity cards from the set, or a simple drawing of a maze'
			}
		],
		steps: [
			{
				nb: 'Bygg en enkel labyrint sammen etter et aktivitetskort: brikker på bordet eller gulvet, noen vegger og osten i mål.',
				nn: 'Bygg ein enkel labyrint saman etter eit aktivitetskort: brikker på bordet eller golvet, nokre veggar og osten i mål.',
				en: 'Build a simple maze together from an activity card: grid pieces on the table or floor, a few walls and the cheese at the finish.'
			},
			{
				nb: 'Vis knappene på musa. Ett trykk fram er én rute. En sving snur musa på stedet uten å kjøre.',
				nn: 'Vis knappane på musa. Eitt trykk fram er éi rute. Ein sving snur musa på staden utan å køyra.',
				en: 'Show the buttons on the mouse. One press forward is one square. A turn turns the mouse on the spot without moving.'
			},
			{
				nb: 'Barna legger ett kodekort for hvert trykk i en rad ved siden av labyrinten. Følg veien med fingeren og tell rutene.',
				nn: 'Barna legg eitt kodekort for kvart trykk i ei rad ved sida av labyrinten. Følg vegen med fingeren og tel rutene.',
				en: 'The children lay one coding card for each press in a row beside the maze. Trace the route with a finger and count the squares.'
			},
			{
				nb: 'Tøm minnet til musa. La ett barn trykke inn kortene i rekkefølge mens et annet peker på kortet. Trykk på den grønne knappen for å starte.',
				nn: 'Tøm minnet til musa. La eitt barn trykkja inn korta i rekkjefølgje medan eit anna peikar på kortet. Trykk på den grøne knappen for å starta.',
				en: 'Clear the mouse’s memory. Let one child press in the cards in order while another points to each card. Press the green button to start.'
			},
			{
				nb: 'Fant musa osten? Hvis ikke: Hvilket kort stemte ikke? Bytt kortet, tøm minnet og prøv igjen.',
				nn: 'Fann musa osten? Viss ikkje: Kva for eit kort stemde ikkje? Byt kortet, tøm minnet og prøv igjen.',
				en: 'Did the mouse find the cheese? If not: Which card was wrong? Change the card, clear the memory and try again.'
			},
			{
				nb: 'Gjør labyrinten vanskeligere med en tunnel eller flere vegger når barna er klare.',
				nn: 'Gjer labyrinten vanskelegare med ein tunnel eller fleire veggar når barna er klare.',
				en: 'Make the maze harder with a tunnel or more walls when the children are ready.'
			}
		],
		learningAreas: ['quantities', 'nature', 'communication'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvorfor legger vi kortene før vi trykker?',
				nn: 'Kvifor legg vi korta før vi trykkjer?',
				en: 'Why do we lay out the cards before we press?'
			},
			{
				nb: 'Finnes det en kortere vei til osten?',
				nn: 'Finst det ein kortare veg til osten?',
				en: 'Is there a shorter way to the cheese?'
			},
			{
				nb: 'Hvordan kan vi hjelpe hverandre uten å ta over?',
				nn: 'Korleis kan vi hjelpa kvarandre utan å ta over?',
				en: 'How can we help each other without taking over?'
			}
		],
		staffTips: [
			{
				nb: 'Glemmer dere å tømme minnet, legger musa de nye trykkene etter de gamle. Gjør det til en vane før hvert nytt forsøk.',
				nn: 'Gløymer de å tømma minnet, legg musa dei nye trykka etter dei gamle. Gjer det til ein vane før kvart nytt forsøk.',
				en: 'If you forget to clear the memory, the mouse adds the new presses to the old ones. Make clearing a habit before every new try.'
			},
			{
				nb: 'Start med en rett vei på tre–fire ruter før dere tar med svinger.',
				nn: 'Byrj med ein rett veg på tre–fire ruter før de tek med svingar.',
				en: 'Start with a straight route of three or four squares before adding turns.'
			},
			{
				nb: 'Brikkene er små. Tell dem inn etter bruk, så settet holder seg helt.',
				nn: 'Brikkene er små. Tel dei inn etter bruk, så settet held seg heilt.',
				en: 'The pieces are small. Count them back in after use so the set stays complete.'
			}
		],
		privacy: {
			nb: 'Aktiviteten trenger ingen bilder eller navn. Dokumenterer dere, fotografer labyrinten og kortrekka, ikke barna, og lagre bare i barnehagens godkjente system.',
			nn: 'Aktiviteten treng ingen bilete eller namn. Dokumenterer de, fotografer labyrinten og kortrekkja, ikkje barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'The activity needs no photos or names. If you document, photograph the maze and the row of cards, not the children, and store it only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'robot-mouse-maze-for-friends',
		kind: 'codingToy',
		tool: 'robot-mouse',
		title: {
			nb: 'Lag en labyrint til vennene dine',
			nn: 'Lag ein labyrint til venene dine',
			en: 'Build a maze for your friends'
		},
		summary: {
			nb: 'Barna jobber i par: ett par bygger en labyrint og legger ut osten, et annet par koder musa gjennom den med kort og knapper. Så bytter de. Samarbeid, turtaking og problemløsning.',
			nn: 'Barna arbeider i par: eitt par byggjer ein labyrint og legg ut osten, eit anna par kodar musa gjennom han med kort og knappar. Så byter dei. Samarbeid, turtaking og problemløysing.',
			en: 'The children work in pairs: one pair builds a maze and places the cheese, another pair codes the mouse through it with cards and buttons. Then they swap. Cooperation, turn-taking and problem solving.'
		},
		ageMin: 5,
		ageMax: 6,
		groupSizeMin: 4,
		groupSizeMax: 6,
		durationMinutes: 40,
		setting: 'indoor',
		materials: [
			{
				nb: 'Code & Go-robotmus, gjerne to',
				nn: 'Code & Go-robotmus, gjerne to',
				en: 'Code & Go robot mouse, two if you have them'
			},
			{
				nb: 'Rutebrikker, vegger, tunneler og ost',
				nn: 'Rutebrikker, veggar, tunnelar og ost',
				en: 'Maze grid pieces, walls, tunnels and cheese'
			},
			{ nb: 'Kodekort', nn: 'Kodekort', en: 'Coding cards' },
			{
				nb: 'Papir og blyant til å tegne labyrinten',
				nn: 'Papir og blyant til å teikna labyrinten',
				en: 'Paper and pencil to draw the maze'
			}
		],
		steps: [
			{
				nb: 'Del barna i par. Det ene paret bygger en labyrint med brikker og vegger, og setter osten et sted musa kan nå.',
				nn: 'Del barna i par. Det eine paret byggjer ein labyrint med brikker og veggar, og set osten ein stad musa kan nå.',
				en: 'Put the children in pairs. One pair builds a maze with grid pieces and walls and puts the cheese somewhere the mouse can reach.'
			},
			{
				nb: 'Byggerne sjekker at det finnes en vei: De følger den med fingeren før de gir labyrinten videre.',
				nn: 'Byggjarane sjekkar at det finst ein veg: Dei følgjer han med fingeren før dei gjev labyrinten vidare.',
				en: 'The builders check there is a way through: they trace it with a finger before handing the maze over.'
			},
			{
				nb: 'Det andre paret deler jobben: ett barn legger kodekortene, det andre trykker inn programmet på musa. Den som trykker, sier hvert kort høyt.',
				nn: 'Det andre paret deler jobben: eitt barn legg kodekorta, det andre trykkjer inn programmet på musa. Den som trykkjer, seier kvart kort høgt.',
				en: 'The other pair shares the job: one child lays the coding cards, the other presses the program into the mouse. The one pressing says each card aloud.'
			},
			{
				nb: 'Tøm minnet, trykk start og se. Byggerne får si hvordan det gikk, og gi hint hvis musa kjører inn i en vegg.',
				nn: 'Tøm minnet, trykk start og sjå. Byggjarane får seia korleis det gjekk, og gje hint viss musa køyrer inn i ein vegg.',
				en: 'Clear the memory, press go and watch. The builders say how it went and give hints if the mouse runs into a wall.'
			},
			{
				nb: 'Bytt roller i paret, og bytt så hvem som bygger og hvem som koder.',
				nn: 'Byt roller i paret, og byt så kven som byggjer og kven som kodar.',
				en: 'Swap roles within the pair, then swap which pair builds and which pair codes.'
			},
			{
				nb: 'Tegn den beste labyrinten på papir, så den kan bygges igjen en annen dag.',
				nn: 'Teikn den beste labyrinten på papir, så han kan byggjast opp att ein annan dag.',
				en: 'Draw the best maze on paper so it can be built again another day.'
			}
		],
		learningAreas: ['quantities', 'ethics', 'communication'],
		clauses: ['create', 'explore'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hva gjør en labyrint passe vanskelig, ikke for lett og ikke umulig?',
				nn: 'Kva gjer ein labyrint passe vanskeleg, ikkje for lett og ikkje umogleg?',
				en: 'What makes a maze just hard enough, not too easy and not impossible?'
			},
			{
				nb: 'Hvordan var det å vente på tur? Hvordan kan vi gi hint uten å gi svaret?',
				nn: 'Korleis var det å venta på tur? Korleis kan vi gje hint utan å gje svaret?',
				en: 'How did it feel to wait for your turn? How can we give hints without giving the answer?'
			},
			{
				nb: 'Hva var den lureste løsningen dere så i dag?',
				nn: 'Kva var den luraste løysinga de såg i dag?',
				en: 'What was the cleverest solution you saw today?'
			}
		],
		staffTips: [
			{
				nb: 'Sett grenser for labyrinten, for eksempel høyst 12 brikker, så runden ikke tar for lang tid.',
				nn: 'Set grenser for labyrinten, til dømes høgst 12 brikker, så runden ikkje tek for lang tid.',
				en: 'Set limits for the maze, for example no more than 12 grid pieces, so a round does not take too long.'
			},
			{
				nb: 'Se etter barn som trekker seg unna, og gi dem en tydelig rolle, som «kortleser» eller «ostevokter».',
				nn: 'Sjå etter barn som trekkjer seg unna, og gje dei ei tydeleg rolle, som «kortlesar» eller «ostevaktar».',
				en: 'Watch for children who hold back and give them a clear role, such as ‘card reader’ or ‘cheese keeper’.'
			}
		],
		privacy: {
			nb: 'Ingen bilder eller navn trengs; tegningen av labyrinten er nok dokumentasjon. Tar dere bilder, fotografer labyrinten, ikke barna, og lagre bare i barnehagens godkjente system.',
			nn: 'Ingen bilete eller namn trengst; teikninga av labyrinten er nok dokumentasjon. Tek de bilete, fotografer labyrinten, ikkje barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'No photos or names are needed; the drawing of the maze is documentation enough. If you take photos, photograph the maze, not the children, and store them only in the kindergarten’s approved system.'
		},
		source: null
	},

	// ── Unplugged ────────────────────────────────────────────────────────────────────────────
	{
		id: 'unplugged-tape-grid-robot',
		kind: 'codingToy',
		tool: 'unplugged',
		title: {
			nb: 'Menneskeroboten på teiprutenett',
			nn: 'Menneskeroboten på teiprutenett',
			en: 'The human robot on a tape grid'
		},
		summary: {
			nb: 'Et rutenett av malerteip på gulvet og en bunke pilkort er alt som trengs. Et barn eller en voksen er roboten og går bare etter kortene. Barna koder med hele kroppen, uten skjerm.',
			nn: 'Eit rutenett av målarteip på golvet og ein bunke pilkort er alt som trengst. Eit barn eller ein vaksen er roboten og går berre etter korta. Barna kodar med heile kroppen, utan skjerm.',
			en: 'A masking-tape grid on the floor and a pile of arrow cards is all you need. A child or an adult is the robot and moves only by the cards. The children code with their whole body, without a screen.'
		},
		ageMin: 3,
		ageMax: 5,
		groupSizeMin: 3,
		groupSizeMax: 6,
		durationMinutes: 20,
		setting: 'indoor',
		materials: [
			{ nb: 'Malerteip', nn: 'Målarteip', en: 'Masking tape' },
			{
				nb: 'Store pilkort: fram, snu til venstre, snu til høyre',
				nn: 'Store pilkort: fram, snu til venstre, snu til høgre',
				en: 'Large arrow cards: forward, turn left, turn right'
			},
			{
				nb: 'Noen mål å gå til, for eksempel kosedyr eller bilder',
				nn: 'Nokre mål å gå til, til dømes kosedyr eller bilete',
				en: 'A few goals to walk to, such as soft toys or pictures'
			}
		],
		steps: [
			{
				nb: 'Teip et rutenett på gulvet, for eksempel 4 × 4 ruter, store nok til at et barn kan stå i én rute.',
				nn: 'Teip eit rutenett på golvet, til dømes 4 × 4 ruter, store nok til at eit barn kan stå i éi rute.',
				en: 'Tape a grid on the floor, for example 4 × 4 squares, each big enough for a child to stand in.'
			},
			{
				nb: 'Vær roboten selv først. Barna viser ett kort om gangen, og du gjør nøyaktig det kortet sier, selv om det blir morsomt feil.',
				nn: 'Ver roboten sjølv først. Barna viser eitt kort om gongen, og du gjer nøyaktig det kortet seier, sjølv om det blir morosamt feil.',
				en: 'Be the robot yourself first. The children show one card at a time, and you do exactly what the card says, even when it goes comically wrong.'
			},
			{
				nb: 'Sett et mål i en rute. Barna legger hele rekka med kort på gulvet før roboten begynner å gå.',
				nn: 'Set eit mål i ei rute. Barna legg heile rekkja med kort på golvet før roboten byrjar å gå.',
				en: 'Put a goal in a square. The children lay the whole row of cards on the floor before the robot starts walking.'
			},
			{
				nb: 'Nå er et barn roboten. En voksen eller et annet barn peker på kortene ett etter ett, og roboten går ett steg for hvert fram-kort.',
				nn: 'No er eit barn roboten. Ein vaksen eller eit anna barn peikar på korta eitt etter eitt, og roboten går eitt steg for kvart fram-kort.',
				en: 'Now a child is the robot. An adult or another child points to the cards one by one, and the robot takes one step for each forward card.'
			},
			{
				nb: 'Kom roboten fram? Hvis ikke, finn kortet som var feil sammen, bytt det og prøv igjen.',
				nn: 'Kom roboten fram? Viss ikkje, finn kortet som var feil saman, byt det og prøv igjen.',
				en: 'Did the robot get there? If not, find the wrong card together, change it and try again.'
			},
			{
				nb: 'Bytt slik at alle som vil, får være robot, koder og peker. Ingen må være robot.',
				nn: 'Byt slik at alle som vil, får vera robot, kodar og peikar. Ingen må vera robot.',
				en: 'Take turns so everyone who wants to can be robot, coder and pointer. Nobody has to be the robot.'
			}
		],
		learningAreas: ['body', 'quantities', 'communication'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvorfor gjør roboten akkurat det kortet sier, og ikke det vi mener?',
				nn: 'Kvifor gjer roboten akkurat det kortet seier, og ikkje det vi meiner?',
				en: 'Why does the robot do exactly what the card says, and not what we meant?'
			},
			{
				nb: 'Hvor er venstre og høyre når roboten snur seg mot oss?',
				nn: 'Kvar er venstre og høgre når roboten snur seg mot oss?',
				en: 'Where are left and right when the robot turns to face us?'
			},
			{
				nb: 'Hvordan var det å være robot? Og å være den som bestemmer?',
				nn: 'Korleis var det å vera robot? Og å vera den som bestemmer?',
				en: 'How did it feel to be the robot? And to be the one in charge?'
			}
		],
		staffTips: [
			{
				nb: 'Snu-kortene betyr å snu på stedet, ikke å gå. Vis det tydelig med kroppen.',
				nn: 'Snu-korta tyder å snu på staden, ikkje å gå. Vis det tydeleg med kroppen.',
				en: 'The turn cards mean turning on the spot, not walking. Show this clearly with your body.'
			},
			{
				nb: 'Merk venstre hånd eller sko med et bånd hvis barna blander venstre og høyre.',
				nn: 'Merk venstre hand eller sko med eit band viss barna blandar venstre og høgre.',
				en: 'Mark the left hand or shoe with a ribbon if the children mix up left and right.'
			},
			{
				nb: 'La teipen ligge en stund, så barna kan leke robot på egen hånd.',
				nn: 'La teipen liggja ei stund, så barna kan leika robot på eiga hand.',
				en: 'Leave the tape down for a while so the children can play robots on their own.'
			}
		],
		privacy: {
			nb: 'Ingen skjerm, bilder eller navn trengs. Dokumenterer dere, ta bilde av rutenettet og kortrekka, ikke barna, og lagre bare i barnehagens godkjente system.',
			nn: 'Ingen skjerm, bilete eller namn trengst. Dokumenterer de, ta bilete av rutenettet og kortrekkja, ikkje barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'No screen, photos or names are needed. If you document, photograph the grid and the row of cards, not the children, and store it only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'unplugged-chalk-grid-treasure-hunt',
		kind: 'codingToy',
		tool: 'unplugged',
		title: {
			nb: 'Skattejakt på kritt-rutenett ute',
			nn: 'Skattejakt på krittrutenett ute',
			en: 'Treasure hunt on an outdoor chalk grid'
		},
		summary: {
			nb: 'Barna tegner et stort rutenett med gatekritt på asfalten, legger «skatter» i rutene og koder en menneskerobot fram til skatten med pilkort. Bevegelse, frisk luft og koding på én gang.',
			nn: 'Barna teiknar eit stort rutenett med gatekritt på asfalten, legg «skattar» i rutene og kodar ein menneskerobot fram til skatten med pilkort. Rørsle, frisk luft og koding på ein gong.',
			en: 'The children draw a large grid with pavement chalk on the tarmac, put ‘treasures’ in the squares and code a human robot to the treasure with arrow cards. Movement, fresh air and coding all at once.'
		},
		ageMin: 3,
		ageMax: 5,
		groupSizeMin: 4,
		groupSizeMax: 8,
		durationMinutes: 30,
		setting: 'outdoor',
		materials: [
			{ nb: 'Gatekritt', nn: 'Gatekritt', en: 'Pavement chalk' },
			{
				nb: 'Pilkort, gjerne laminerte',
				nn: 'Pilkort, gjerne laminerte',
				en: 'Arrow cards, preferably laminated'
			},
			{
				nb: '«Skatter» fra naturen: kongler, steiner, blader',
				nn: '«Skattar» frå naturen: kongler, steinar, blad',
				en: '‘Treasures’ from nature: pine cones, stones, leaves'
			},
			{
				nb: 'En bøtte eller kurv til skattene',
				nn: 'Ei bøtte eller korg til skattane',
				en: 'A bucket or basket for the treasures'
			}
		],
		steps: [
			{
				nb: 'Gå en runde og samle skatter fra naturen sammen med barna. Snakk om hva dere finner.',
				nn: 'Gå ein runde og samla skattar frå naturen saman med barna. Snakk om kva de finn.',
				en: 'Go round with the children and collect treasures from nature. Talk about what you find.'
			},
			{
				nb: 'Tegn et rutenett med kritt på asfalten, for eksempel 5 × 5 ruter på ett skritt hver. La barna hjelpe til med strekene.',
				nn: 'Teikn eit rutenett med kritt på asfalten, til dømes 5 × 5 ruter på eitt steg kvar. La barna hjelpa til med strekane.',
				en: 'Draw a grid in chalk on the tarmac, for example 5 × 5 squares of one stride each. Let the children help with the lines.'
			},
			{
				nb: 'Legg skattene i noen av rutene, og tegn gjerne et hinder, som en «sjø» roboten ikke kan gå i.',
				nn: 'Legg skattane i nokre av rutene, og teikn gjerne eit hinder, som ein «sjø» roboten ikkje kan gå i.',
				en: 'Put the treasures in some of the squares, and perhaps draw an obstacle, such as a ‘lake’ the robot cannot walk into.'
			},
			{
				nb: 'Ett barn er robot og står på start. De andre legger pilkort på bakken ved siden av rutenettet, ett kort for hvert steg eller hver sving.',
				nn: 'Eitt barn er robot og står på start. Dei andre legg pilkort på bakken ved sida av rutenettet, eitt kort for kvart steg eller kvar sving.',
				en: 'One child is the robot and stands at the start. The others lay arrow cards on the ground beside the grid, one card for each step or turn.'
			},
			{
				nb: 'Roboten følger kortene ett for ett og plukker opp skatten når den kommer fram. Ble det feil, leter alle etter kortet som må byttes.',
				nn: 'Roboten følgjer korta eitt for eitt og plukkar opp skatten når roboten kjem fram. Vart det feil, leitar alle etter kortet som må bytast.',
				en: 'The robot follows the cards one by one and picks up the treasure on arrival. If it goes wrong, everyone looks for the card that needs changing.'
			},
			{
				nb: 'Bytt roller til alle skattene er funnet. Avslutt med å telle skattene og snakke om den lengste veien.',
				nn: 'Byt roller til alle skattane er funne. Avslutt med å telja skattane og snakka om den lengste vegen.',
				en: 'Swap roles until all the treasures are found. Finish by counting the treasures and talking about the longest route.'
			}
		],
		learningAreas: ['body', 'nature', 'quantities'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Hvor mange steg og svinger trengte roboten til skatten?',
				nn: 'Kor mange steg og svingar trong roboten til skatten?',
				en: 'How many steps and turns did the robot need to reach the treasure?'
			},
			{
				nb: 'Hva fant vi i naturen? Hvilken skatt var vanskeligst å nå?',
				nn: 'Kva fann vi i naturen? Kva for ein skatt var vanskelegast å nå?',
				en: 'What did we find in nature? Which treasure was the hardest to reach?'
			},
			{
				nb: 'Ser rutenettet annerledes ut når vi står i det enn når vi ser på det utenfra?',
				nn: 'Ser rutenettet annleis ut når vi står i det enn når vi ser på det utanfrå?',
				en: 'Does the grid look different when we stand in it than when we look at it from outside?'
			}
		],
		staffTips: [
			{
				nb: 'Velg et sted med tørr asfalt og lite trafikk, borte fra porten og syklene.',
				nn: 'Vel ein stad med tørr asfalt og lite trafikk, borte frå porten og syklane.',
				en: 'Choose a spot with dry tarmac and little traffic, away from the gate and the bikes.'
			},
			{
				nb: 'Regner det, kan dere lage rutenettet med tau eller pinner på bakken i stedet.',
				nn: 'Regnar det, kan de laga rutenettet med tau eller pinnar på bakken i staden.',
				en: 'If it rains, make the grid with rope or sticks on the ground instead.'
			},
			{
				nb: 'Husk at skattene skal tilbake til naturen etterpå.',
				nn: 'Hugs at skattane skal tilbake til naturen etterpå.',
				en: 'Remember the treasures go back to nature afterwards.'
			}
		],
		privacy: {
			nb: 'Ingen skjerm, bilder eller navn trengs. Vil dere dokumentere, ta bilde av rutenettet ovenfra uten barn i bildet, og lagre det bare i barnehagens godkjente system.',
			nn: 'Ingen skjerm, bilete eller namn trengst. Vil de dokumentera, ta bilete av rutenettet ovanfrå utan barn i biletet, og lagra det berre i det godkjende systemet til barnehagen.',
			en: 'No screen, photos or names are needed. If you want to document, photograph the grid from above with no children in the picture, and store it only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'unplugged-adult-robot',
		kind: 'codingToy',
		tool: 'unplugged',
		title: {
			nb: 'Den voksne er roboten',
			nn: 'Den vaksne er roboten',
			en: 'The adult is the robot'
		},
		summary: {
			nb: 'For de yngste: en voksen er robot og gjør bare det barna viser med store pilkort eller sier. Korte, lekne runder gir de første erfaringene med rekkefølge og kommandoer.',
			nn: 'For dei yngste: ein vaksen er robot og gjer berre det barna viser med store pilkort eller seier. Korte, leikne rundar gjev dei første røynslene med rekkjefølgje og kommandoar.',
			en: 'For the youngest: an adult is the robot and only does what the children show with big arrow cards or say. Short, playful rounds give first experiences of order and commands.'
		},
		ageMin: 2,
		ageMax: 3,
		groupSizeMin: 2,
		groupSizeMax: 5,
		durationMinutes: 15,
		setting: 'both',
		materials: [
			{
				nb: 'Tre–fire store pilkort: fram og stopp, senere snu',
				nn: 'Tre–fire store pilkort: fram og stopp, seinare snu',
				en: 'Three or four big arrow cards: forward and stop, later turn'
			},
			{
				nb: 'En kosebamse eller ball som mål',
				nn: 'Ein kosebamse eller ball som mål',
				en: 'A teddy or a ball as the goal'
			},
			{
				nb: 'Gjerne en pappeske som robotkostyme',
				nn: 'Gjerne ei pappeske som robotdrakt',
				en: 'Optional: a cardboard box as a robot costume'
			}
		],
		steps: [
			{
				nb: 'Fortell at du er en robot som bare kan gå når barna sier fra. Bruk gjerne en robotstemme.',
				nn: 'Fortel at du er ein robot som berre kan gå når barna seier frå. Bruk gjerne ei robotrøyst.',
				en: 'Tell the children you are a robot that can only move when they say so. A robot voice helps.'
			},
			{
				nb: 'Vis kortet «fram». Hver gang et barn holder det opp eller sier «fram», tar du ett steg.',
				nn: 'Vis kortet «fram». Kvar gong eit barn held det opp eller seier «fram», tek du eitt steg.',
				en: 'Show the ‘forward’ card. Each time a child holds it up or says ‘forward’, take one step.'
			},
			{
				nb: 'Legg bamsen noen steg unna. Barna hjelper roboten fram med kortene og sier «stopp» når du er der.',
				nn: 'Legg bamsen nokre steg unna. Barna hjelper roboten fram med korta og seier «stopp» når du er der.',
				en: 'Put the teddy a few steps away. The children help the robot get there with the cards and say ‘stop’ when you arrive.'
			},
			{
				nb: 'Gå forbi målet med vilje av og til. Barna synes det er morsomt og lærer at roboten trenger «stopp».',
				nn: 'Gå forbi målet med vilje av og til. Barna synest det er morosamt og lærer at roboten treng «stopp».',
				en: 'Sometimes walk past the goal on purpose. The children find it funny and learn that the robot needs ‘stop’.'
			},
			{
				nb: 'Når barna er klare, ta med kortet «snu». La de barna som vil, prøve å være robot selv.',
				nn: 'Når barna er klare, ta med kortet «snu». La dei barna som vil, prøva å vera robot sjølve.',
				en: 'When the children are ready, add the ‘turn’ card. Let the children who want to try being the robot themselves.'
			},
			{
				nb: 'Stopp mens det fortsatt er gøy. Lek det igjen inne eller ute en annen dag.',
				nn: 'Stopp medan det framleis er gøy. Leik det igjen inne eller ute ein annan dag.',
				en: 'Stop while it is still fun. Play it again indoors or outdoors another day.'
			}
		],
		learningAreas: ['body', 'communication', 'quantities'],
		clauses: ['explore', 'assess'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Fram, stopp, snu: Hva betyr ordene, og hva gjør kroppen?',
				nn: 'Fram, stopp, snu: Kva tyder orda, og kva gjer kroppen?',
				en: 'Forward, stop, turn: What do the words mean, and what does the body do?'
			},
			{
				nb: 'Hva skjedde da ingen sa «stopp» til roboten?',
				nn: 'Kva skjedde då ingen sa «stopp» til roboten?',
				en: 'What happened when nobody told the robot to stop?'
			}
		],
		staffTips: [
			{
				nb: 'Bruk få ord og mye bevegelse. Tegn til tale og kort med bilder hjelper barn som ikke har mange ord ennå.',
				nn: 'Bruk få ord og mykje rørsle. Teikn til tale og kort med bilete hjelper barn som ikkje har mange ord enno.',
				en: 'Use few words and lots of movement. Signing and picture cards help children who do not have many words yet.'
			},
			{
				nb: 'Dette er en god start på koding for barn under tre år: ingen skjerm, bare lek og kropp.',
				nn: 'Dette er ein god start på koding for barn under tre år: ingen skjerm, berre leik og kropp.',
				en: 'This is a good start to coding for children under three: no screen, just play and movement.'
			}
		],
		privacy: {
			nb: 'Aktiviteten trenger ingen skjerm, bilder eller navn. Ønsker dere et minne, ta bilde av kortene og bamsen, ikke barna, og lagre bare i barnehagens godkjente system.',
			nn: 'Aktiviteten treng ingen skjerm, bilete eller namn. Ønskjer de eit minne, ta bilete av korta og bamsen, ikkje barna, og lagra berre i det godkjende systemet til barnehagen.',
			en: 'The activity needs no screen, photos or names. If you would like a keepsake, photograph the cards and the teddy, not the children, and store it only in the kindergarten’s approved system.'
		},
		source: null
	},
	{
		id: 'unplugged-dance-code',
		kind: 'codingToy',
		tool: 'unplugged',
		title: {
			nb: 'Dansekode: en rekke med bevegelser',
			nn: 'Dansekode: ei rekkje med rørsler',
			en: 'Dance code: a sequence of moves'
		},
		summary: {
			nb: 'Barna setter sammen pilkort og bevegelseskort til en dans, og hele gruppa «kjører» koden. Med et gjenta-kort møter de løkker, en viktig idé i programmering.',
			nn: 'Barna set saman pilkort og rørslekort til ein dans, og heile gruppa «køyrer» koden. Med eit gjenta-kort møter dei løkker, ein viktig idé i programmering.',
			en: 'The children put arrow cards and movement cards together into a dance, and the whole group ‘runs’ the code. With a repeat card they meet loops, a key idea in programming.'
		},
		ageMin: 3,
		ageMax: 5,
		groupSizeMin: 3,
		groupSizeMax: 8,
		durationMinutes: 20,
		setting: 'both',
		materials: [
			{
				nb: 'Pilkort: fram, bak, snu til venstre, snu til høyre',
				nn: 'Pilkort: fram, bak, snu til venstre, snu til høgre',
				en: 'Arrow cards: forward, back, turn left, turn right'
			},
			{
				nb: 'Bevegelseskort med bilder: klapp, hopp, stamp, snurr',
				nn: 'Rørslekort med bilete: klapp, hopp, stamp, snurr',
				en: 'Movement cards with pictures: clap, jump, stamp, spin'
			},
			{
				nb: 'Et gjenta-kort som betyr «gjør det to ganger»',
				nn: 'Eit gjenta-kort som tyder «gjer det to gongar»',
				en: 'A repeat card that means ‘do it twice’'
			},
			{ nb: 'Musikk, om dere vil', nn: 'Musikk, om de vil', en: 'Music, if you like' }
		],
		steps: [
			{
				nb: 'Vis bevegelseskortene ett og ett, og gjør bevegelsene sammen.',
				nn: 'Vis rørslekorta eitt og eitt, og gjer rørslene saman.',
				en: 'Show the movement cards one at a time and do the moves together.'
			},
			{
				nb: 'Legg tre kort i en rekke på gulvet eller bakken. Les koden med kroppen: Alle gjør kortene i rekkefølge, fra venstre mot høyre.',
				nn: 'Legg tre kort i ei rekkje på golvet eller bakken. Les koden med kroppen: Alle gjer korta i rekkjefølgje, frå venstre mot høgre.',
				en: 'Lay three cards in a row on the floor or ground. Read the code with your bodies: everyone does the cards in order, from left to right.'
			},
			{
				nb: 'La barna bytte om på to kort. Hvordan ble dansen nå?',
				nn: 'La barna byta om på to kort. Korleis vart dansen no?',
				en: 'Let the children swap two cards. How did the dance change?'
			},
			{
				nb: 'Barna lager sin egen dans på fire–seks kort, gjerne to og to. Resten av gruppa danser koden deres.',
				nn: 'Barna lagar sin eigen dans på fire–seks kort, gjerne to og to. Resten av gruppa dansar koden deira.',
				en: 'The children make their own dance of four to six cards, perhaps in pairs. The rest of the group dances their code.'
			},
			{
				nb: 'Ta i bruk gjenta-kortet: Legg det foran en del av dansen, så gjøres den delen to ganger. Tell hvor mange bevegelser dansen fikk til sammen.',
				nn: 'Ta i bruk gjenta-kortet: Legg det framfor ein del av dansen, så blir den delen gjord to gongar. Tel kor mange rørsler dansen fekk til saman.',
				en: 'Bring in the repeat card: put it in front of part of the dance, and that part is done twice. Count how many moves the dance has altogether.'
			},
			{
				nb: 'Avslutt med en forestilling: én gruppe danser, en annen sjekker at dansen følger koden.',
				nn: 'Avslutt med ei framsyning: éi gruppe dansar, ei anna sjekkar at dansen følgjer koden.',
				en: 'Finish with a show: one group dances while another checks that the dance follows the code.'
			}
		],
		learningAreas: ['body', 'art', 'quantities'],
		clauses: ['create', 'explore'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: [
			{
				nb: 'Blir dansen den samme hvis vi bytter rekkefølgen?',
				nn: 'Blir dansen den same viss vi byter rekkjefølgja?',
				en: 'Is it the same dance if we change the order?'
			},
			{
				nb: 'Hvorfor er et gjenta-kort lurt i stedet for mange like kort?',
				nn: 'Kvifor er eit gjenta-kort lurt i staden for mange like kort?',
				en: 'Why is a repeat card handy instead of lots of the same card?'
			},
			{
				nb: 'Hvordan var det å danse noe andre hadde laget?',
				nn: 'Korleis var det å dansa noko andre hadde laga?',
				en: 'What was it like to dance something others had made?'
			}
		],
		staffTips: [
			{
				nb: 'Lag kortene med tydelige bilder eller symboler, så barna kan lese dem uten å kunne lese ord.',
				nn: 'Lag korta med tydelege bilete eller symbol, så barna kan lesa dei utan å kunna lesa ord.',
				en: 'Make the cards with clear pictures or symbols so the children can read them without reading words.'
			},
			{
				nb: 'Aktiviteten fungerer både inne og ute. Ute kan bevegelsene bli større, som å løpe til gjerdet og tilbake.',
				nn: 'Aktiviteten fungerer både inne og ute. Ute kan rørslene bli større, som å springa til gjerdet og tilbake.',
				en: 'The activity works indoors and outdoors. Outside the moves can get bigger, such as running to the fence and back.'
			},
			{
				nb: 'Barn som ikke vil danse, kan være «datamaskinen» som peker på kortene.',
				nn: 'Barn som ikkje vil dansa, kan vera «datamaskina» som peikar på korta.',
				en: 'Children who do not want to dance can be the ‘computer’ that points to the cards.'
			}
		],
		privacy: {
			nb: 'Ingen skjerm, bilder eller navn trengs. Skal dere filme dansen, trengs samtykke fra foreldrene på forhånd og et ja fra barna; ellers ta bilde av kortrekka. Lagre bare i barnehagens godkjente system.',
			nn: 'Ingen skjerm, bilete eller namn trengst. Skal de filma dansen, trengst samtykke frå foreldra på førehand og eit ja frå barna; elles ta bilete av kortrekkja. Lagra berre i det godkjende systemet til barnehagen.',
			en: 'No screen, photos or names are needed. Filming the dance needs parents’ consent in advance and a yes from the children; otherwise photograph the row of cards. Store only in the kindergarten’s approved system.'
		},
		source: null
	}
];
