package com.acme.gateway.aggregate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.graphql.InvalidInputException;

/**
 * Reads and checks the {@code groupBy} and {@code timeZone} arguments, before any SQL: 1
 * to 4 keys, each once; {@code truncateTo} on every DateTime key and on no other; a time
 * zone from the IANA database. Offsets such as {@code +02:00} are refused with unknown
 * names, since PostgreSQL reads a POSIX offset with the opposite sign to ISO-8601's.
 */
final class GroupKeys {

	static final int MAX_KEYS = 4;

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private GroupKeys() {
	}

	static List<GroupKey> of(List<Map<String, Object>> groupBy, String timeZone) {
		String zone = checkedZone(timeZone);
		if (groupBy.isEmpty() || groupBy.size() > MAX_KEYS) {
			throw new InvalidInputException(
					"groupBy takes 1 to %d keys, but %d were given".formatted(MAX_KEYS, groupBy.size()));
		}
		Set<GroupField> seen = EnumSet.noneOf(GroupField.class);
		List<GroupKey> keys = new ArrayList<>(groupBy.size());
		for (int i = 0; i < groupBy.size(); i++) {
			String path = "groupBy[" + i + "]";
			GroupField field = GroupField.valueOf((String) groupBy.get(i).get("field"));
			Object truncateTo = groupBy.get(i).get("truncateTo");
			if (!seen.add(field)) {
				throw new InvalidInputException(path + ".field " + field + " is already a key; give each key once");
			}
			if (field.dateTime() && truncateTo == null) {
				throw new InvalidInputException(path + ".truncateTo is required for the DateTime key " + field
						+ " (HOUR, DAY, WEEK, MONTH, QUARTER or YEAR)");
			}
			if (!field.dateTime() && truncateTo != null) {
				throw new InvalidInputException(
						path + ".truncateTo applies only to DateTime keys, not to " + field + "; remove it");
			}
			keys.add(field.dateTime() ? GroupKey.truncated(field, (String) truncateTo, zone) : GroupKey.plain(field));
		}
		return List.copyOf(keys);
	}

	private static String checkedZone(String timeZone) {
		String zone = (timeZone != null) ? timeZone : "UTC";
		if (!ZONES.contains(zone)) {
			throw new InvalidInputException("timeZone \"" + (zone.length() > 64 ? zone.substring(0, 64) + "…" : zone)
					+ "\" is not an IANA time zone, such as UTC or America/New_York");
		}
		return zone;
	}

}
