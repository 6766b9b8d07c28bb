package com.acme.gateway.completion;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Reads a field served by graphql-java's default property fetcher, calling a Java
 * record's accessor directly once it has seen the record's class.
 *
 * <p>
 * Why: graphql-java's property fetcher finds the accessor again on every call, building a
 * cache key from the class and the property name and looking it up in a concurrent map. A
 * page of 50 states with its links reads some 1,500 such properties, each paying for that
 * lookup (BENCHMARKS.md, "Code shaped by measurements"). This reader resolves the
 * accessor once per field and source class, and is shared by every request's plan (see
 * {@link CompletionPlanner}).
 *
 * <p>
 * It calls what graphql-java calls on a public record: the accessor named after the
 * property (graphql-java tries such record-like methods before {@code getX} and
 * {@code isX}). Any other source (a map, a bean, a non-public record) goes to the fetcher
 * itself, as before.
 */
final class RecordComponentReader implements DirectFieldReader {

	private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);

	private final String property;

	/** Reads every source that is not a public record with this component. */
	private final DirectFieldReader fallback;

	/**
	 * The last source class seen and its accessor; replaced whole, so read without
	 * locking.
	 */
	private volatile Accessor last;

	RecordComponentReader(String property, DirectFieldReader fallback) {
		this.property = property;
		this.fallback = fallback;
	}

	@Override
	public Object read(Object source, Object localContext) {
		Accessor accessor = this.last;
		if (accessor == null || accessor.type() != source.getClass()) {
			accessor = resolve(source.getClass());
			this.last = accessor;
		}
		if (accessor.getter() == null) {
			return this.fallback.read(source, localContext);
		}
		try {
			return accessor.getter().invokeExact(source);
		}
		catch (Error ex) {
			// Out of memory and the like: not a value to report, so not for the standard
			// path either.
			throw ex;
		}
		catch (Throwable ex) {
			// A record accessor throws nothing of its own; graphql-java's path reports
			// anything else.
			throw NotDirect.INSTANCE;
		}
	}

	/**
	 * The record accessor graphql-java would call on {@code type}, or an accessor without
	 * getter.
	 */
	private Accessor resolve(Class<?> type) {
		if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
			return new Accessor(type, null);
		}
		for (RecordComponent component : type.getRecordComponents()) {
			if (component.getName().equals(this.property)) {
				try {
					MethodHandle getter = MethodHandles.publicLookup().unreflect(component.getAccessor());
					return new Accessor(type, getter.asType(OBJECT_TO_OBJECT));
				}
				catch (IllegalAccessException ex) {
					// A record in a package its module does not export: the fetcher
					// copes.
					return new Accessor(type, null);
				}
			}
		}
		return new Accessor(type, null);
	}

	private record Accessor(Class<?> type, MethodHandle getter) {
	}

}
