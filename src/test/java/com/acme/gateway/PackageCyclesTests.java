package com.acme.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The capability packages depend on each other in one direction only: a field is mapped
 * on its parent type's side ({@code SequenceState.mailings} in {@code sequencestate},
 * {@code Mailing.sequenceStep} in {@code activity}), and the shared plumbing
 * ({@code graphql}, {@code database}) names no capability.
 */
class PackageCyclesTests {

	private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.acme.gateway");

	/**
	 * jOOQ's generated tables name the state enum because pom.xml's forcedTypes tell them
	 * to; that edge is code generation's, not a design choice, so it is left out.
	 */
	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("com.acme.gateway.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(resideInAPackage("com.acme.gateway.database.generated.."), alwaysTrue())
			.check(MAIN_CLASSES);
	}

}
