package com.acme.gateway.demo;

import java.util.Locale;

/**
 * Word lists and name builders for human-looking demo rows.
 *
 * <p>
 * Every domain ends in {@code .example} (reserved by RFC 2606) so no demo address can
 * ever reach a real mailbox, even if a mailer is pointed at a demo database by mistake.
 */
final class DemoText {

	static final String[] FIRST_NAMES = { "Ada", "Alan", "Amara", "Ana", "Ben", "Carla", "Chen", "Dario", "Diana",
			"Elena", "Emil", "Fatima", "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jada", "Jonas", "Kai",
			"Karin", "Leo", "Lina", "Luca", "Maya", "Mateo", "Mei", "Nadia", "Noah", "Olga", "Omar", "Paula", "Priya",
			"Quinn", "Rafael", "Rosa", "Sami", "Sara", "Tariq", "Tomas", "Uma", "Vera", "Victor", "Wen", "Xavier",
			"Yara", "Yusuf", "Zoe", "Zoran" };

	static final String[] LAST_NAMES = { "Abe", "Alvarez", "Bauer", "Becker", "Brown", "Castro", "Chen", "Costa", "Das",
			"Dubois", "Eriksen", "Fischer", "Garcia", "Gomez", "Haas", "Ivanova", "Jensen", "Kim", "Kowalski", "Kumar",
			"Larsen", "Lopez", "Martin", "Meyer", "Moreau", "Nakamura", "Novak", "Nowak", "Okafor", "Olsen", "Park",
			"Patel", "Petrov", "Quispe", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith", "Tanaka", "Torres",
			"Ueda", "Vargas", "Wagner", "Wang", "Weber", "Xu", "Young", "Zhang" };

	private static final String[] COMPANY_FIRST = { "Acorn", "Blue", "Bright", "Cedar", "Cobalt", "Copper", "Crest",
			"Delta", "Ember", "Falcon", "Granite", "Harbor", "Iron", "Juniper", "Kite", "Lumen", "Maple", "Nimbus",
			"North", "Oak", "Orbit", "Pine", "Quartz", "River", "Summit", "Tidal", "Umber", "Vertex", "Willow",
			"Zenith" };

	private static final String[] COMPANY_SECOND = { "Analytics", "Bank", "Biotech", "Cloud", "Data", "Dynamics",
			"Energy", "Foods", "Freight", "Health", "Holdings", "Industries", "Insurance", "Labs", "Logistics", "Media",
			"Motors", "Networks", "Partners", "Pharma", "Retail", "Robotics", "Security", "Software", "Solutions",
			"Studios", "Systems", "Telecom", "Travel", "Works" };

	static final String[] SEQUENCE_TOPICS = { "Inbound follow-up", "Cold outreach", "Webinar attendees",
			"Trial nurture", "Renewal reminder", "Event follow-up", "Re-engagement", "Executive intro",
			"Product launch", "Churn save" };

	static final String[] SUBJECTS = { "Quick question", "Following up", "Idea for ", "Worth a chat?", "Re: next steps",
			"Saw your news", "A case study for ", "Closing the loop" };

	static final String[] PAUSE_REASONS = { "Out of office", "Paused by rep", "Replied on another channel",
			"Mailbox disconnected" };

	static final String[] ERROR_REASONS = { "Mailbox authentication failed", "Invalid recipient address",
			"Sending limit reached at provider", "Template variable missing" };

	static final String[] CALL_OUTCOMES = { "connected", "no_answer", "left_voicemail", "wrong_number", "busy",
			"meeting_booked" };

	private DemoText() {
	}

	/**
	 * Account names are unique: the first 900 are two words, later ones get a number, so
	 * a benchmark filtering on a name finds one account.
	 */
	static String accountName(long accountId) {
		long index = accountId - 1;
		int combinations = COMPANY_FIRST.length * COMPANY_SECOND.length;
		String base = COMPANY_FIRST[(int) (index % COMPANY_FIRST.length)] + " "
				+ COMPANY_SECOND[(int) (index / COMPANY_FIRST.length % COMPANY_SECOND.length)];
		long round = index / combinations;
		return round == 0 ? base : base + " " + (round + 1);
	}

	static String accountDomain(long accountId) {
		return accountName(accountId).toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
	}

	/**
	 * Local part {@code first.last} (plus a block number after the first 2,500 people),
	 * so that emails are unique and lower-case as the data contract requires.
	 */
	static String localPart(String firstName, String lastName, long personId) {
		long block = (personId - 1) / (FIRST_NAMES.length * LAST_NAMES.length);
		String name = (firstName + "." + lastName).toLowerCase(Locale.ROOT);
		return block == 0 ? name : name + block;
	}

	/**
	 * First name of person {@code id}; with {@link #lastName} a bijection within each
	 * 2,500 ids.
	 */
	static String firstName(long personId) {
		long k = (personId - 1) % (FIRST_NAMES.length * LAST_NAMES.length);
		return FIRST_NAMES[(int) (k % FIRST_NAMES.length)];
	}

	static String lastName(long personId) {
		long k = (personId - 1) % (FIRST_NAMES.length * LAST_NAMES.length);
		return LAST_NAMES[(int) ((k / FIRST_NAMES.length + k) % LAST_NAMES.length)];
	}

}
