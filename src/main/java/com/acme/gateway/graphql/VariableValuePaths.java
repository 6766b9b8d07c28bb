package com.acme.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Names the argument path of an invalid enum value sent in a variable. graphql-java
 * reports a literal's path ({@code argument 'filter.state.eq' …}) but for a variable only
 * its name
 * ({@code Variable 'f' has an invalid value: Invalid input for enum 'SequenceStateStatus'. No
 * value found for name 'NOPE'}), which leaves the client searching a large filter. The
 * enum message names the bad value, so its place can be found: where the variable is used
 * among the arguments, then where the value sits inside the variable.
 *
 * <p>
 * Runs only for such an error, so parsing the document a second time costs nothing on the
 * paths that answer data.
 */
final class VariableValuePaths {

	private static final Pattern INVALID_ENUM = Pattern.compile(
			"^Variable '(\\w+)' has an invalid value: Invalid input for enum '\\w+'\\. No value found for name '(.*)'$");

	private VariableValuePaths() {
	}

	/**
	 * The message with the argument path of the bad value added, or the message
	 * unchanged.
	 */
	static String withArgumentPath(String message, String document, Map<String, Object> variables) {
		if (message == null || document == null || variables == null) {
			return message;
		}
		Matcher matcher = INVALID_ENUM.matcher(message);
		if (!matcher.matches()) {
			return message;
		}
		String variable = matcher.group(1);
		Optional<String> argument = argumentPath(document, variable);
		Optional<String> inside = pathOf(variables.get(variable), matcher.group(2), "");
		if (argument.isEmpty() || inside.isEmpty()) {
			return message;
		}
		return message.replaceFirst("has an invalid value: ",
				Matcher.quoteReplacement("has an invalid value at argument '" + argument.get() + inside.get() + "': "));
	}

	/**
	 * Where {@code $variable} is used as (part of) an argument, e.g. {@code filter} or
	 * {@code filter.and[0]}.
	 */
	private static Optional<String> argumentPath(String document, String variable) {
		Document parsed;
		try {
			parsed = Parser.parse(document);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		List<String> found = new ArrayList<>();
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field field, TraverserContext<graphql.language.Node> context) {
				for (Argument argument : field.getArguments()) {
					collect(argument.getValue(), argument.getName(), variable, found);
				}
				return TraversalControl.CONTINUE;
			}
		}, parsed);
		return found.stream().findFirst();
	}

	private static void collect(Value<?> value, String path, String variable, List<String> found) {
		if (value instanceof VariableReference reference && reference.getName().equals(variable)) {
			found.add(path);
		}
		else if (value instanceof ObjectValue object) {
			for (ObjectField field : object.getObjectFields()) {
				collect(field.getValue(), path + "." + field.getName(), variable, found);
			}
		}
		else if (value instanceof ArrayValue array) {
			for (int i = 0; i < array.getValues().size(); i++) {
				collect(array.getValues().get(i), path + "[" + i + "]", variable, found);
			}
		}
	}

	/**
	 * Where {@code bad} sits inside a variable's JSON value, as {@code .state.eq} or
	 * {@code .in[1]}.
	 */
	private static Optional<String> pathOf(Object value, String bad, String path) {
		if (bad.equals(value)) {
			return Optional.of(path);
		}
		if (value instanceof Map<?, ?> object) {
			for (Map.Entry<?, ?> entry : object.entrySet()) {
				Optional<String> found = pathOf(entry.getValue(), bad, path + "." + entry.getKey());
				if (found.isPresent()) {
					return found;
				}
			}
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Optional<String> found = pathOf(list.get(i), bad, path + "[" + i + "]");
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

}
