package dev.zerobus.console;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering described in README.md ("Layout"), checked on the compiled classes. */
class ArchitectureTest {
    private static final String[] SERVICE_LAYER = {"dev.zerobus.console.workspace..", "dev.zerobus.console.catalog..",
        "dev.zerobus.console.doctor..", "dev.zerobus.console.schema..", "dev.zerobus.console.codec..",
        "dev.zerobus.console.snippet..", "dev.zerobus.console.source..", "dev.zerobus.console.ingest..", "dev.zerobus.console.setup.."};
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.zerobus.console");
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("dev.zerobus.console.(*)..")
                .should().beFreeOfCycles()
                .because("a package cycle means neither side can be understood, tested or moved without the other")
                .check(classes);
    }

    @Test
    void recordsPanePackagesAreFreeOfCycles() {
        slices().matching("dev.zerobus.console.ui.records.(*)..")
                .should().beFreeOfCycles()
                .because("compose, fileimport and load share ui.records.shared, never each other both ways")
                .check(classes);
    }

    @Test
    void serviceLayerUsesNoJavaFx() {
        noClasses().that().resideInAnyPackage(SERVICE_LAYER).or().resideInAnyPackage(
                        "dev.zerobus.console.cli..", "dev.zerobus.console.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
                .because("the service layer serves the CLI and tests as well as the UI")
                .check(classes);
    }

    @Test
    void sandboxNeverUsesTheClientsItStandsInFor() {
        noClasses().that().resideInAPackage("dev.zerobus.console.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("com.databricks.zerobus..", "com.databricks.sdk..",
                        "dev.zerobus.console.workspace..", "dev.zerobus.console.catalog..", "dev.zerobus.console.ingest..")
                .because("the official clients reach the sandbox only over loopback sockets, as they reach Databricks")
                .check(classes);
    }

    @Test
    void sandboxDependsOnlyOnTheTypeModel() {
        noClasses().that().resideInAPackage("dev.zerobus.console.sandbox..")
                .should().dependOnClassesThat(resideInAPackage("dev.zerobus.console..")
                        .and(not(resideInAnyPackage("dev.zerobus.console.sandbox..", "dev.zerobus.console.schema.."))))
                .because("the sandbox stands in for Databricks: of the console it may share only the UC type model")
                .check(classes);
    }

    @Test
    void serviceLayerDoesNotReachIntoTheSandbox() {
        noClasses().that().resideInAnyPackage(SERVICE_LAYER).or().resideInAPackage("dev.zerobus.console.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.zerobus.console.sandbox..")
                .because("the service layer must behave the same against a real workspace")
                .check(classes);
    }

    @Test
    void viewModelsTouchNoSceneGraph() {
        noClasses().that().resideInAPackage("dev.zerobus.console.ui..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.application..", "javafx.animation..")
                .because("a model (XxxModel) holds state and commands and runs without the toolkit; its View builds nodes and owns timers")
                .check(classes);
    }

    @Test
    void recordsModelsTakeTheirServicesNotTheAppContext() {
        noClasses().that().resideInAPackage("dev.zerobus.console.ui.records..")
                .and().doNotHaveFullyQualifiedName("dev.zerobus.console.ui.records.RecordsPane")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.zerobus.console.ui.AppContext")
                .because("RecordsPane wires the Records models with the services, executors and hand-offs they use; "
                        + "a model that reaches for a service locator cannot be built or tested without the whole app")
                .check(classes);
    }

    /**
     * {@code POST /api/2.1/unity-catalog/tables} "only supports creating external Delta tables"
     * (https://docs.databricks.com/api/workspace/tables/create): the console creates tables with CREATE TABLE SQL on a
     * warehouse, and must never call the SDK's create (issue 11).
     */
    @Test
    void theConsoleNeverCreatesTablesThroughPostTables() {
        noClasses().that().resideOutsideOfPackage("dev.zerobus.console.sandbox..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("TablesAPI/TablesService.create",
                                t -> t.getName().equals("create") && (t.getOwner().isEquivalentTo(com.databricks.sdk.service.catalog.TablesAPI.class)
                                        || t.getOwner().isEquivalentTo(com.databricks.sdk.service.catalog.TablesService.class)))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.databricks.sdk.service.catalog.CreateTableRequest")
                .because("Databricks creates managed tables with SQL only; POST /tables takes EXTERNAL tables")
                .check(classes);
    }
}
