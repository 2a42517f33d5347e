package org.stockroom;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.stockroom.api.Jsonp;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md ("Packages and their allowed dependencies"), checked
 * on the application server's compiled classes (not its tests).
 */
class ArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.stockroom");

    private static final String[] DOMAIN = {
            "org.stockroom.product", "org.stockroom.location", "org.stockroom.stock", "org.stockroom.movement",
            "org.stockroom.unit", "org.stockroom.purchasing", "org.stockroom.lot",
            "org.stockroom.stocktake", "org.stockroom.reservation", "org.stockroom.csv"};

    private static final String[] HTTP = {"jakarta.ws.rs..", "org.stockroom.problem.."};

    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        ArchRule rule = slices().matching("org.stockroom.(*)..").namingSlices("$1")
                .should().beFreeOfCycles();
        rule.check(APPLICATION);
    }

    @Test
    void authsSubPackagesDependOnEachOtherWithoutCycles() {
        ArchRule rule = slices().matching("org.stockroom.auth.(*)..").namingSlices("auth.$1")
                .should().beFreeOfCycles();
        rule.check(APPLICATION);
    }

    @Test
    void domainEntitiesAndValueObjectsKnowNothingOfHttp() {
        ArchRule rule = noClasses()
                .that(are(resideInAnyPackage(DOMAIN))
                        .and(or(annotatedWith(Entity.class), annotatedWith(Embeddable.class))))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("the domain's entities and value objects are HTTP-free");
        rule.check(APPLICATION);
    }

    @Test
    void domainExceptionsKnowNothingOfHttp() {
        ArchRule rule = noClasses()
                .that(are(resideInAnyPackage(DOMAIN)).and(simpleNameEndingWith("Exception")))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("a domain exception says what went wrong in the domain; problem/ maps it to problem+json");
        rule.check(APPLICATION);
    }

    @Test
    void jsonIsBuiltWithTheOneProviderFoundOnce() {
        ArchRule rule = noClasses()
                .that().doNotHaveFullyQualifiedName(Jsonp.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.json.Json")
                .because("Json.createObjectBuilder() and its siblings look the provider up through ServiceLoader on "
                        + "every call (two thirds of the Java time of a CSV import's row staging, 11% of a movement's "
                        + "CPU): use Jsonp.JSON");
        rule.check(APPLICATION);
    }

    @Test
    void onlyResourcesInTheDomainPackagesSpeakHttp() {
        ArchRule rule = noClasses()
                .that(are(resideInAnyPackage(DOMAIN)).and(not(simpleNameEndingWith("Resource"))))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("services, repositories, requests and views leave HTTP and problem+json to the resources"
                        + " and problem/");
        rule.check(APPLICATION);
    }
}
